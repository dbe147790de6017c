#!/bin/sh
# No identity: with user.primary_email unset notmuch answers a made-up
# address (root@localhost); leadup must not take that for me and rewrite
# every thread as someone else's.  It refuses (78) and changes nothing.
. "$(dirname "$0")/lib.sh"
world
msg sent a1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Figures' <<'EOF'
Could you send me the figures for October?
EOF
msg sent d1@example.com 'Me <me@example.com>' 'Bob <bob@b.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Plan' <<'EOF'
Could you send me the plan?
EOF
index
NOW=2026-11-20T09:00:00+00:00
lu scan --quiet && lu done id:d1@example.com >/dev/null
t 'with an identity the threads are tracked' '
	expect_tags a1@example.com "leadup/awaiting leadup/due" && expect_tags d1@example.com leadup/closed'
notmuch config set user.primary_email
notmuch config set user.other_email
t 'notmuch now answers a made-up address' '
	test -n "$(notmuch config get user.primary_email)"'
t 'scan --full refuses with EX_CONFIG and one line, and every tag stays' '
	lu scan --full 2>err; rc=$?; cat err
	test "$rc" = 78 && test "$(wc -l <err)" = 1 && grep -q "who are you? set user.primary_email" err &&
	expect_tags a1@example.com "leadup/awaiting leadup/due" && expect_tags d1@example.com leadup/closed'
t 'a decision refuses the same way and stores nothing' '
	lu reopen id:d1@example.com >out 2>err; rc=$?; cat err
	test "$rc" = 78 && grep -q "who are you?" err && expect_tags d1@example.com leadup/closed &&
	lu why id:d1@example.com >out && grep -q "^  .*  done$" out && ! grep -q "  reopen" out'
t '[identity] addresses in leadup'\''s config are enough' '
	printf "[identity]\naddresses=me@example.com\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	lu scan --full --quiet && expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	expect_tags d1@example.com leadup/closed'
done_testing
