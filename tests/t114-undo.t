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
	lu undo id:a@b id:c@d 2>err; test $? = 64'
done_testing
