#!/bin/sh
# scripts/gen-corpus: a reproducible, indexable, correctly threaded business
# mailbox (the benchmark's synthetic database).
. "$(dirname "$0")/lib.sh"
GEN=$ROOT/scripts/gen-corpus
world me@example.net
END=1795195800 # 2026-11-20T17:30:00Z, the generator's fixed end

t 'writes exactly N messages into DIR/{cur,new,tmp} and prints the identity it assumes' '
	GEN_MANIFEST=$TMP/manifest /usr/bin/time -f %M -o rss300 "$GEN" "$MAIL/gen" 300 5 >cfg 2>err &&
	test "$(find "$MAIL/gen/cur" "$MAIL/gen/new" -type f | wc -l)" -eq 300 &&
	test -d "$MAIL/gen/tmp" && test -z "$(ls "$MAIL/gen/tmp")" &&
	grep -qx "primary_email=me@example.com" cfg && grep -qx "other_email=me@example.net" cfg &&
	grep -q "300 messages in" err'
t 'the same seed gives the same bytes, another seed other mail' '
	"$GEN" "$TMP/again" 300 5 >/dev/null 2>&1 && diff -r "$MAIL/gen" "$TMP/again" &&
	"$GEN" "$TMP/other" 300 6 >/dev/null 2>&1 && ! diff -rq "$MAIL/gen" "$TMP/other" >/dev/null'
t 'refuses a missing or non-numeric N' '
	! "$GEN" "$TMP/bad" 2>/dev/null && ! "$GEN" "$TMP/bad" many 2>/dev/null'

index
t 'notmuch indexes all 300 messages, each Message-ID once' '
	test "$(notmuch count --exclude=false "folder:gen")" -eq 300 &&
	find "$MAIL/gen" -type f -exec awk "FNR == 1 { h = 1 } /^\$/ { h = 0 } h && /^Message-ID: / { print \$2 }" {} + >mids &&
	test "$(wc -l <mids)" -eq 300 && test -z "$(sort mids | uniq -d)"'

# check.pl: parses every file's headers and checks the corpus' structure
# against notmuch's threads.  Prints what is wrong; exit status 1 then.
cat >check.pl <<'EOF'
use strict; use warnings; use JSON::PP; use Time::Local qw(timegm);
my ($mode, $dir, $end, $manifest) = @ARGV;
my %mon; @mon{qw(Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)} = 0 .. 11;
my (%msg, $bad);
sub bad { print "@_\n"; $bad++ }
for my $f (glob("$dir/cur/* $dir/new/*")) {
	open(my $fh, '<', $f) or die "$f: $!";
	my %h; my $last;
	while (<$fh>) {
		last if /^$/;
		if (/^\s/ && $last) { $h{$last} .= $_; next }
		next unless /^([\w-]+):\s*(.*)/s;
		$last = lc $1;
		$h{$last} = $2;
	}
	my ($mid) = ($h{'message-id'} // '') =~ /<([^>]+)>/ or bad("$f: no Message-ID");
	my ($d, $m, $y, $H, $M, $S, $sign, $oh, $om) =
		($h{date} // '') =~ /^\w{3}, (\d+) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/
		or bad("$f: bad Date '$h{date}'");
	my $t = timegm($S, $M, $H, $d, $mon{$m}, $y) - ($sign eq '-' ? -1 : 1) * ($oh * 3600 + $om * 60);
	my ($irt) = ($h{'in-reply-to'} // '') =~ /<([^>]+)>/;
	my @refs = ($h{references} // '') =~ /<([^>]+)>/g;
	$msg{$mid} = {irt => $irt, refs => \@refs, t => $t, from => $h{from} // ''};
}
# notmuch's threads.
my %thread;
for my $th (@{decode_json(scalar `notmuch search --exclude=false --format=json --output=summary folder:gen`)}) {
	$thread{$_} = $th->{thread} for map { /^id:(.+)$/ } split ' ', $th->{query}[0] // '';
}
awaiting() if $mode eq 'awaiting';
exit($bad ? 1 : 0) if $mode eq 'awaiting';
# References end with the parent; replies are later than their parents.
for my $mid (sort keys %msg) {
	my $m = $msg{$mid};
	next unless $m->{irt};
	my $p = $msg{$m->{irt}};
	unless ($p) { bad("$mid: In-Reply-To $m->{irt} is not in the corpus"); next }
	bad("$mid: References does not end with the parent") unless @{$m->{refs}} && $m->{refs}[-1] eq $m->{irt};
	bad("$mid: dated before its parent") if $m->{t} < $p->{t};
}
# Dates: within two years before the end, spread over most of them.
my @t = sort { $a <=> $b } map { $_->{t} } values %msg;
bad("newest message $t[-1] is after the end $end") if $t[-1] > $end;
bad("oldest message $t[0] is more than two years before the end") if $t[0] < $end - 731 * 86400;
bad("messages cover less than 18 months") if $t[-1] - $t[0] < 540 * 86400;
# Every reply in its parent's thread.
for my $mid (sort keys %msg) {
	my $irt = $msg{$mid}{irt} or next;
	bad("$mid: not in the thread of its parent") unless ($thread{$mid} // 'a') eq ($thread{$irt} // 'b');
}
my $nthreads = keys %{{map { $_ => 1 } values %thread}};
bad("$nthreads threads for " . keys(%msg) . " messages: not threaded") unless $nthreads < 0.7 * keys %msg;
exit($bad ? 1 : 0);
# The manifest's unanswered threads: about a quarter, and nobody but me wrote in them.
sub awaiting {
my %others = map { $thread{$_} => 1 } grep { $msg{$_}{from} !~ /<me\@example\.(com|net)>/ } keys %msg;
open(my $mf, '<', $manifest) or die "$manifest: $!";
my ($all, $await) = (0, 0);
while (<$mf>) {
	my ($kind, $mid) = split /\t/;
	$all++;
	next unless $kind eq 'awaiting';
	$await++;
	bad("awaiting thread of $mid has a message from someone else") if $others{$thread{$mid} // ''};
}
bad("awaiting share $await/$all is not about a quarter") unless $await >= 0.17 * $all && $await <= 0.35 * $all;
bad("no awaiting thread checked") unless $await;
}
EOF
t 'threads: replies name their parents, are later, and notmuch threads them together' '
	perl check.pl threads "$MAIL/gen" $END "$TMP/manifest"'
t 'about a quarter of the threads are my unanswered questions (nobody else wrote in them)' '
	perl check.pl awaiting "$MAIL/gen" $END "$TMP/manifest"'
t 'both of my addresses write, and others write to me' '
	test "$(notmuch count from:me@example.com)" -gt 30 && test "$(notmuch count from:me@example.net)" -gt 3 &&
	test "$(notmuch count "to:me@example.com and not from:me@example.com and not from:me@example.net")" -gt 30'
t 'automatic mail: out-of-office answers and delivery reports' '
	notmuch search --output=files "subject:\"Automatic reply\" or subject:\"Out of Office\"" >ooo &&
	test -s ooo && grep -l "^Auto-Submitted: auto-replied" $(cat ooo) >/dev/null &&
	grep -l "^Content-Type: multipart/report; report-type=delivery-status" "$MAIL"/gen/*/* >dsn &&
	test -s dsn && grep -q "^Content-Type: message/delivery-status" $(cat dsn) &&
	grep -q "^Final-Recipient: rfc822; " $(cat dsn)'
t 'mailing-list threads carry List-Id and List-Post' '
	test "$(grep -l "^List-Id: .*<[a-z-]*\.lists\.example\.org>" "$MAIL"/gen/*/* | wc -l)" -gt 5 &&
	grep -l "^List-Post: <mailto:" "$MAIL"/gen/*/* >/dev/null'
t 'bodies: quoted replies with attributions, signatures, HTML, encoded names' '
	grep -l "^On .* wrote:$" "$MAIL"/gen/*/* >/dev/null &&
	grep -l "^> " "$MAIL"/gen/*/* >/dev/null &&
	grep -lx -- "-- " "$MAIL"/gen/*/* >/dev/null &&
	grep -l "^Content-Type: text/html" "$MAIL"/gen/*/* >/dev/null &&
	/usr/bin/time -f %M -o rss3000 "$GEN" "$TMP/big" 3000 5 >/dev/null 2>&1 &&
	grep -l "^From: =?UTF-8?B?" "$TMP"/big/*/* >/dev/null'
# Each message is written as it is made and each thread forgotten when the
# next starts, so 300,000 messages fit in the memory of 300: keeping the
# 2,700 more messages of the 3000-message corpus would take megabytes.
t 'it streams: 3000 messages take no more memory than 300 (peak RSS within 1 MB)' '
	test -s rss300 && test -s rss3000 && test "$(($(cat rss3000) - $(cat rss300)))" -lt 1024'
t 'bodies: requests, commitments with a day, declines and closings' '
	cat "$MAIL"/gen/*/* "$TMP"/big/*/* >all &&
	grep -q "^Could you\|[^>] Could you" all && grep -q "I.ll send it by\|I will get back to you" all &&
	grep -q "not interested\|decided not to go ahead\|another supplier\|stop sending\|not a priority" all &&
	grep -q "Many thanks, much appreciated\|that.s everything I needed\|all done on my side" all'

if [ -x "$LEADUP" ] && "$LEADUP" help >/dev/null 2>&1; then
	NOW=2026-11-23T09:00:00+00:00
	t 'leadup scans the corpus without warnings and finds unanswered mail of mine' '
		lu scan --full 2>err; rc=$?; cat err; test $rc = 0 && ! grep -q warning err &&
		test "$(notmuch count "tag:leadup/awaiting or tag:leadup/dormant")" -gt 0 &&
		test "$(notmuch count tag:leadup/bounced)" -gt 0'
else
	skip "helper/leadup is not built"
fi
done_testing
