#!/bin/sh
# The command line: help, exit codes, configuration errors, a locked database, a killed run.
. "$(dirname "$0")/lib.sh"
world
msg sent q1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Budget' <<'EOF'
Could you confirm the budget?
EOF
index
NOW=2026-11-20T09:00:00+00:00
t 'help lists every command' '
	"$LEADUP" help >out && for c in scan queue report why classify draft lint snooze done reopen remind next-step mute setup; do
		grep -q "^  $c " out || { echo "missing $c"; exit 1; }; done'
t 'help COMMAND shows its usage' '"$LEADUP" help scan | grep -q "usage: leadup scan \[--full\] \[--quiet\]"'
t 'queue counts before the first scan say that no scan has run' '
	lu queue >out 2>err && grep -q "^awaiting *0" out && grep -q "no scan has run yet" err &&
	lu report >out && grep -q "Every queue is empty" out && ! grep -q "Oldest" out &&
	lu scan --quiet && lu queue >out 2>err && grep -q "^awaiting *1" out && test ! -s err'
t 'help for an unknown command is a usage error' '"$LEADUP" help nosuch 2>err; test $? = 64'
t 'no command is a usage error' '"$LEADUP" 2>err; test $? = 64 && grep -q usage err'
t 'an unknown command is a usage error' '"$LEADUP" frobnicate 2>err; test $? = 64 && grep -q "unknown command .frobnicate." err'
t 'an unknown option is a usage error' 'lu scan --fast 2>err; test $? = 64 && grep -q "unknown option" err'
t 'a bad --now is a usage error' '"$LEADUP" --now yesterday scan 2>err; test $? = 64 && grep -q "bad --now" err'
t '--now may also follow the command' '"$LEADUP" scan --quiet --now 2026-11-20T09:00 && expect_tags q1@example.com "leadup/awaiting leadup/due"'
t 'a bad config value is a configuration error (78)' '
	printf "[awaiting]\nfirst=soon\n" >bad.conf && lu --config bad.conf scan 2>err; test $? = 78 &&
	grep -q "bad value for \[awaiting\] first" err'
t 'an unknown time zone is a configuration error' '
	printf "[time]\ntimezone=Mars/Olympus\n" >bad.conf && lu --config bad.conf scan 2>err; test $? = 78'
t 'an unknown config key is a warning, not an error' '
	printf "[awaiting]\nfrist=3\n" >typo.conf && lu --config typo.conf scan 2>err && grep -q "unknown setting \[awaiting\] frist" err'
t 'a missing --config file is an error' 'lu --config nosuch.conf scan 2>err; test $? = 78'
t 'no notmuch database: a clear error (69) naming it' '
	NOTMUCH_CONFIG=$TMP/none.cfg && export NOTMUCH_CONFIG &&
	printf "[database]\npath=%s/nothing\n" "$TMP" >"$NOTMUCH_CONFIG" && lu scan 2>err; test $? = 69 &&
	grep -q "cannot open the notmuch database" err'

# A locked database: notmuch restore holds the write lock while it reads its input.
msg inbox r1@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' 'Thu, 19 Nov 2026 10:00:00 +0000' 'Re: Budget' q1@example.com <<'EOF'
Yes, 20k.
EOF
index
t 'a locked database: scan waits lock_wait seconds, then exits 75 with one line' '
	printf "[scan]\nlock_wait=1\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	mkfifo hold && { notmuch restore <hold & } && exec 3>hold && wait_locked &&
	lu scan 2>err; rc=$?; exec 3>&-; wait
	test "$rc" = 75 && test "$(wc -l <err)" = 1 && grep -q "locked" err &&
	expect_tags q1@example.com "leadup/awaiting leadup/due"'
t 'the next scan catches up' '
	lu scan --quiet && expect_tags q1@example.com "" && rm "$XDG_CONFIG_HOME/leadup/config"'
t 'a run killed mid-way converges on the next run' '
	msg sent q2@example.com "Me <me@example.com>" "Bob <bob@b.example>" "Mon, 16 Nov 2026 11:00:00 +0000" "Plan" </dev/null &&
	printf "Shall we meet on Monday?\n" >>"$MAIL/sent/cur/q2@example.com:2,S" && index &&
	{ lu scan --quiet & pid=$!; kill -9 $pid; wait $pid; true; } &&
	lu scan --quiet && expect_tags q2@example.com "leadup/awaiting leadup/due" &&
	lu scan --full 2>err && grep -q "0 tags added, 0 removed" err'
t 'a changed setting makes the next scan decide every thread again' '
	printf "[awaiting]\nfirst=30\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan 2>err &&
	grep -q "looked at" err && expect_tags q2@example.com leadup/awaiting &&
	rm "$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet && expect_tags q2@example.com "leadup/awaiting leadup/due"'
t 'a malformed message is read without a crash or a lost thread' '
	printf "From: \nTo: <<<\nSubject: =?bogus?Q?x?=\nDate: not a date\n\n\377\376 garbage\n" | deliver inbox bad1 &&
	index && lu scan 2>err; test $? = 0'
t 'classify rejects input that is not a message' '
	printf "just words\n" | lu classify 2>err; test $? = 65 && grep -q "not a mail message" err'
t 'stdout errors are reported (full disk)' '
	lu queue awaiting >/dev/full 2>err; test $? = 74'
done_testing
