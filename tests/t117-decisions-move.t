#!/bin/sh
# remind and next-step visibly move the thread in every state (leadup(1)'s
# precedence), or refuse with the reason and record nothing.
. "$(dirname "$0")/lib.sh"
world
ask() { # ask FOLDER ID FROM TO DATE SUBJECT [PARENT]: a message asking a question
	msg "$1" "$2" "$3" "$4" "$5" "$6" ${7:+"$7"} <<'EOF'
Could you send me the figures for October?
EOF
}
ME='Me <me@example.com>'
ask inbox n1@a.example 'Ann <ann@a.example>' "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Mine'
ask inbox t1@b.example 'Bob <bob@b.example>' "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Theirs'
ask sent r1@example.com "$ME" 'Cid <cid@c.example>' 'Mon, 16 Nov 2026 09:00:00 +0000' 'Answered'
# (their own question: one that repeats mine word for word is my question pasted, not theirs)
msg inbox r2@c.example 'Cid <cid@c.example>' "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Answered' r1@example.com <<'EOF'
Could you send me the figures for September too?
EOF
msg sent p1@example.com "$ME" 'Dee <dee@d.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Promise' <<'EOF'
I will send you the contract by Friday 27 November.
EOF
ask sent m1@example.com "$ME" 'Eve <eve@e.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Muted'
ask sent d1@example.com "$ME" 'Fay <fay@f.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Done'
prev=
for d in 01 08 15 22; do
	ask sent "c$d@example.com" "$ME" 'Gus <gus@g.example>' "Thu, $d Oct 2026 10:00:00 +0000" 'Cadence' $prev
	prev=c$d@example.com
done
index
NOW=2026-11-17T09:00:00+00:00
lu scan --quiet

t 'next-step --mine on a needs-reply thread makes it promise-mine' '
	expect_tags n1@a.example "leadup/due leadup/needs-reply" &&
	lu next-step --mine 2026-12-04 "send the figures" id:n1@a.example >out &&
	grep -q "promise-mine, due Fri 4 Dec 2026" out && expect_tags n1@a.example leadup/promise-mine &&
	lu why id:n1@a.example >out && grep -q "^State:  promise-mine" out'
t 'the scan keeps it there' '
	lu scan --quiet --full && expect_tags n1@a.example leadup/promise-mine'
t 'their next question makes it needs-reply again' '
	ask inbox n2@a.example "Ann <ann@a.example>" "$ME" "Tue, 17 Nov 2026 10:00:00 +0000" "Re: Mine" n1@a.example &&
	index && NOW=2026-11-17T11:00:00+00:00 lu scan --quiet && expect_tags n2@a.example leadup/needs-reply'
t 'next-step (theirs) on a needs-reply thread makes it promise-theirs' '
	lu next-step 2026-12-04 id:t1@b.example >out && grep -q "promise-theirs" out &&
	expect_tags t1@b.example leadup/promise-theirs'
t 'remind where they wrote after my message is refused, with the reason, and records nothing' '
	expect_tags r2@c.example "leadup/due leadup/needs-reply" &&
	lu remind 2026-12-01 id:r2@c.example >out 2>err; test $? = 64 &&
	grep -q "someone wrote after your latest message" err && grep -q "needs-reply" err &&
	expect_tags r2@c.example "leadup/due leadup/needs-reply" &&
	lu why id:r2@c.example >out && ! grep -q "remind" out &&
	lu remind 2026-12-01 id:r2@c.example --muttrc rc && grep -q "remind: they wrote after your message" rc'
t 'remind on my dated promise makes it awaiting, due at WHEN' '
	expect_tags p1@example.com leadup/promise-mine &&
	lu remind 2026-12-01 id:p1@example.com >out && grep -q "awaiting, due Tue 1 Dec 2026 09:00" out &&
	expect_tags p1@example.com leadup/awaiting'
t 'next-step on a muted thread is refused: reopen it first' '
	lu mute id:m1@example.com >/dev/null &&
	lu next-step 2026-12-04 id:m1@example.com 2>err; test $? = 64 &&
	grep -q "would stay muted" err && grep -q "reopen" err && expect_tags m1@example.com leadup/muted'
t 'next-step and remind on a thread marked done track it again' '
	lu done id:d1@example.com >/dev/null && expect_tags d1@example.com leadup/closed &&
	lu next-step 2026-12-04 id:d1@example.com >/dev/null && expect_tags d1@example.com leadup/promise-theirs &&
	lu done id:d1@example.com >/dev/null && lu remind 2026-12-02 id:d1@example.com >/dev/null &&
	expect_tags d1@example.com leadup/awaiting'
t 'remind on an awaiting thread moves its due date' '
	lu remind 2026-12-03 id:m1@example.com 2>err; test $? = 64 && grep -q "would stay muted" err &&
	lu reopen id:m1@example.com >/dev/null &&
	lu remind 2026-12-03 id:m1@example.com >out && grep -q "awaiting, due Thu 3 Dec 2026 09:00" out'
t 'remind on a dormant thread (the cadence spent) makes it awaiting, due at WHEN' '
	lazy_tags && expect_tags c22@example.com leadup/dormant &&
	lu remind 2026-12-01 id:c22@example.com >out && grep -q "awaiting, due Tue 1 Dec" out &&
	expect_tags c22@example.com leadup/awaiting'
done_testing
