#!/bin/sh
# Real mail: the r-package-devel archive and notmuch's own test corpora,
# scanned with a real "me"; invariants checked on every tagged thread.
. "$(dirname "$0")/lib.sh"
CORPORA=$ROOT/../shared/corpora
[ -f "$CORPORA/r-package-devel.maildir.tar.xz" ] ||
	skip_all "../shared/corpora is absent: the real-corpus test needs ../shared beside the checkout"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/leadup" "$MAIL"
tar -xJf "$CORPORA/r-package-devel.maildir.tar.xz" -C "$MAIL"
tar -xJf "$CORPORA/notmuch-test-corpora.tar.xz" -C "$MAIL"
# Duncan Murdoch writes from two addresses; he is "me".
printf '[database]\npath=%s\n[user]\nname=Duncan Murdoch\nprimary_email=murdoch.duncan@gmail.com\nother_email=duncan.murdoch@gmall.com\n' \
	"$MAIL" >"$NOTMUCH_CONFIG"
# horizon=0: every thread is judged by the rules, however old (the horizon has its own test below).
printf '[scan]\nlists=true\nhorizon=0\n' >"$XDG_CONFIG_HOME/leadup/config"
notmuch new --quiet 2>/dev/null
NOW=2026-11-23T09:00:00+00:00

# check.pl QUEUE: every anchor in the queue obeys the queue's invariant.
cat >check.pl <<'EOF'
use strict; use warnings; use JSON::PP;
my ($queue) = @ARGV; my @me = ('murdoch.duncan@gmail.com', 'duncan.murdoch@gmall.com');
sub mine { my $f = lc(shift // ''); for (@me) { return 1 if index($f, $_) >= 0 } 0 }
sub flat { my @o; for my $n (@_) { next unless ref $n; if (ref $n eq 'HASH') { push @o, $n } else { push @o, flat(@$n) } } @o }
my $bad = 0;
for my $id (split /\n/, `notmuch search --output=messages --exclude=false tag:leadup/$queue`) {
	my $thread = `notmuch search --output=threads --exclude=false '$id'`; chomp $thread;
	my @msgs = sort { $a->{timestamp} <=> $b->{timestamp} }
		grep { exists $_->{id} } flat(decode_json(`notmuch show --format=json --body=false --exclude=false $thread`));
	my ($anchor) = grep { "id:$_->{id}" eq $id } @msgs;
	my $from = $anchor->{headers}{From};
	my @later = grep { $_->{timestamp} > $anchor->{timestamp} } @msgs;
	my @tags = map { grep { m{^leadup/(?!due)} } @{$_->{tags}} } @msgs;
	if (@tags != 1) { print "$id: thread has state tags @tags\n"; $bad++ }
	if ($queue eq 'awaiting' || $queue eq 'dormant' || $queue eq 'promise-mine' || $queue eq 'bounced') {
		if (!mine($from)) { print "$id: $queue anchor is from $from, not me\n"; $bad++ }
	}
	if ($queue eq 'awaiting' || $queue eq 'dormant') {
		for (@later) { next if mine($_->{headers}{From}); print "$id: $_->{headers}{From} wrote later ($_->{id})\n"; $bad++ }
	}
	if ($queue eq 'needs-reply') {
		if (mine($from)) { print "$id: needs-reply anchor is mine\n"; $bad++ }
		for (@later) { next unless mine($_->{headers}{From}); print "$id: I answered later ($_->{id})\n"; $bad++ }
	}
}
exit($bad ? 1 : 0);
EOF
t 'a full scan of 11,000 real messages completes without warnings' '
	lu scan --full 2>err; rc=$?; cat err; test $rc = 0 && ! grep -q "warning" err && lazy_tags &&
	test "$(notmuch count tag:leadup/awaiting)" -gt 0'
t 'a second, incremental scan finds nothing changed' '
	lu scan 2>err && grep -q "nothing changed" err'
for q in awaiting needs-reply dormant bounced promise-mine promise-theirs no-next-step closed; do
	t "every $q anchor obeys the $q invariant" "perl check.pl $q"
done
t 'scan --full after an incremental run changes no tag' '
	lu scan --full 2>err && grep -q "0 tags added, 0 removed" err'
t 'the queues list what the tags say' '
	lu queue awaiting --format=json >q.json &&
	test "$(grep -o "\"message_id\"" q.json | wc -l)" = "$(notmuch count tag:leadup/awaiting)"'
t 'with the default 90-day horizon, old threads are dormant and nothing old is due' '
	printf "[scan]\nlists=true\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet && lazy_tags &&
	test "$(notmuch count tag:leadup/dormant)" -gt 10 &&
	lu queue due --format=json | perl -MJSON::PP -MTime::Local -e '\''
		my $q = decode_json(join "", <STDIN>); my $bad = 0;
		for (@{$q->{items}}) { my ($y,$m,$d) = $_->{since} =~ /^(\d+)-(\d+)-(\d+)/;
			$bad++ if timegm(0,0,0,$d,$m-1,$y) < timegm(0,0,0,23,10,2026) - 91*86400 }
		exit($bad ? 1 : 0)'\'' &&
	printf "[scan]\nlists=true\nhorizon=0\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet'
# Drafts for up to twenty awaiting threads, kept in tests/out/ for a person to
# read.  Duncan mostly answers other people's questions on the list, and
# those threads do not wait for the asker: five of his own threads wait.
mkdir -p "$ROOT/tests/out"
t 'drafts for the awaiting threads (up to 20) are complete and pass lint' '
	lu queue awaiting --format=json | grep -o "\"message_id\":\"[^\"]*\"" | cut -d\" -f4 |
		head -n 20 >ids && test "$(wc -l <ids)" -ge 3 &&
	: >"$ROOT/tests/out/corpus-drafts.txt" &&
	while read -r id; do
		lu draft "id:$id" >draft.eml 2>draft.err || { cat draft.err; exit 1; }
		{ echo "=== id:$id"; cat draft.err; cat draft.eml; echo; } >>"$ROOT/tests/out/corpus-drafts.txt"
		grep -q "^In-Reply-To: <" draft.eml && grep -q "^Subject: " draft.eml || exit 1
		lu lint <draft.eml || { echo "lint failed for $id"; exit 1; }
	done <ids'
done_testing
