#!/bin/sh
# Undo (issue 11.12): reopen reverses every decision on a thread, next-step
# and remind included; 'leadup undo [id:MSGID]' forgets the last decision
# on that thread, or the last one taken anywhere, and the tags follow at
# once.
. "$(dirname "$0")/lib.sh"
world
msg sent n1@example.com 'Me <me@example.com>' 'Dee <dee@d.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Workshop' <<'EOF'
Could you tell me when the workshop takes place?
EOF
msg sent r1@example.com 'Me <me@example.com>' 'Eve <eve@e.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Slides' <<'EOF'
Here are the slides from Friday's workshop.
EOF
msg sent s1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Figures' <<'EOF'
Could you send me the figures for October?
EOF
index
NOW=2026-11-20T09:00:00+00:00
lu scan --quiet
AW='leadup/awaiting leadup/due'

t 'reopen reverses a next step (theirs)' '
	expect_tags n1@example.com "$AW" &&
	lu next-step 2026-12-01 they send the agenda id:n1@example.com >/dev/null &&
	expect_tags n1@example.com leadup/promise-theirs &&
	lu reopen id:n1@example.com >out && grep -q "reopened \"Workshop\": awaiting" out &&
	expect_tags n1@example.com "$AW"'
t 'reopen reverses a next step (mine)' '
	lu next-step --mine 2026-12-01 id:n1@example.com >/dev/null &&
	expect_tags n1@example.com leadup/promise-mine &&
	lu reopen id:n1@example.com >/dev/null && expect_tags n1@example.com "$AW"'
t 'reopen reverses a remind: the message that asks nothing is untracked again' '
	expect_tags r1@example.com "" &&
	lu remind 2026-11-24 id:r1@example.com >/dev/null && expect_tags r1@example.com leadup/awaiting &&
	lu reopen id:r1@example.com >/dev/null && expect_tags r1@example.com ""'
t 'and the reversal holds through a full scan' '
	lu scan --full --quiet && expect_tags r1@example.com "" && expect_tags n1@example.com "$AW"'

t 'undo on a thread forgets its last decision only' '
	lu snooze 2026-11-24 id:s1@example.com >/dev/null && lu done id:s1@example.com >/dev/null &&
	expect_tags s1@example.com leadup/closed &&
	lu undo id:s1@example.com >out && grep -q "^undid done (taken Fri 20 Nov 2026 09:00) on \"Figures\": snoozed" out &&
	expect_tags s1@example.com leadup/snoozed &&
	lu undo id:s1@example.com >out && grep -q "^undid snooze .*: awaiting" out &&
	expect_tags s1@example.com "$AW"'
t 'undo undoes a reopen: the decisions before it hold again' '
	lu mute id:s1@example.com >/dev/null && lu reopen id:s1@example.com >/dev/null &&
	expect_tags s1@example.com "$AW" &&
	lu undo id:s1@example.com >out && grep -q "^undid reopen" out && expect_tags s1@example.com leadup/muted &&
	lu undo id:s1@example.com >/dev/null && expect_tags s1@example.com "$AW"'
t 'undo without id: the last decision taken anywhere' '
	lu mute id:n1@example.com >/dev/null && lu remind 2026-11-24 id:r1@example.com >/dev/null &&
	lu undo >out && grep -q "^undid remind .* on \"Slides\"" out && expect_tags r1@example.com "" &&
	expect_tags n1@example.com leadup/muted &&
	lu undo >out && grep -q "^undid mute .* on \"Workshop\"" out && expect_tags n1@example.com "$AW"'
t 'and the undone decisions stay undone through a full scan' '
	lu scan --full --quiet && expect_tags n1@example.com "$AW" && expect_tags r1@example.com "" &&
	expect_tags s1@example.com "$AW"'
t 'nothing to undo on a thread: says so, exit 0' '
	lu undo id:s1@example.com >out && grep -qx "no decision to undo on \"Figures\"" out'
t 'bad arguments: exit 64' '
	lu undo --what 2>err; test $? = 64 && grep -q "unknown option" err &&
	lu undo id:a@b id:c@d 2>err; test $? = 64 && lu undo tomorrow 2>err; test $? = 64'
# Every command that takes id: takes thread: and a query naming one thread (11.16, 11.12).
t 'undo thread:ID, as leadup queue prints it' '
	lu snooze 2026-11-24 id:s1@example.com >/dev/null && expect_tags s1@example.com leadup/snoozed &&
	th=$(notmuch search --output=threads id:s1@example.com) && test -n "$th" &&
	lu undo "$th" >out && grep -q "^undid snooze .* on \"Figures\": awaiting" out &&
	expect_tags s1@example.com "$AW"'
t 'undo with search terms naming one thread' '
	lu done id:s1@example.com >/dev/null &&
	lu undo from:me@example.com subject:Figures >out && grep -q "^undid done .* on \"Figures\"" out &&
	expect_tags s1@example.com "$AW"'
t 'undo with a query naming several threads: exit 64, nothing undone' '
	lu mute id:s1@example.com >/dev/null &&
	{ lu undo from:me@example.com 2>err; test $? = 64; } && expect_tags s1@example.com leadup/muted &&
	lu undo id:s1@example.com >/dev/null'
# The last decision was taken on a message since deleted: the decision is
# forgotten in the state database, and undo says so (it used to fail);
# the next undo takes the decision before it (r1's reopen, above).
t 'undo when the last decision'\''s message is gone from notmuch' '
	lu done id:r1@example.com >/dev/null && rm "$MAIL/sent/cur/r1@example.com:2,S" && index &&
	lu undo >out 2>err &&
	grep -q "^undid done (taken .*) on <r1@example.com>, a message no longer in the notmuch database" out &&
	test ! -s err && lu undo >out && grep -q "^undid reopen .* on <r1@example.com>" out'
t 'undo id:MSGID of a deleted message forgets its last decision' '
	echo "Could you confirm?" | msg sent g1@example.com "Me <me@example.com>" "Gus <gus@g.example>" \
		"Mon, 16 Nov 2026 10:00:00 +0000" Gone && index &&
	lu snooze 2026-11-24 id:g1@example.com >/dev/null && lu mute id:n1@example.com >/dev/null &&
	rm "$MAIL/sent/cur/g1@example.com:2,S" && index &&
	lu undo id:g1@example.com >out && grep -q "^undid snooze .* on <g1@example.com>" out &&
	{ lu undo id:g1@example.com 2>err; test $? = 66; } && expect_tags n1@example.com leadup/muted'
done_testing
