#!/bin/sh
# Mail without threading headers makes each message a thread (an Exchange
# export, a sent folder kept apart: my replies carry "Re:" and no
# In-Reply-To).  After such a reply of mine, my later message under the same
# subject, a reply or a forward ("Re:", "FW:"), carries the conversation on:
# my earlier question waits no more in its own thread, and the later message
# decides by itself (its question awaits, its news asks nothing).  A message
# of mine under another subject, or a new one under the same subject (no
# prefix: a conversation of its own), changes nothing, nor does anything
# after a question of mine that opened its own thread (threaded mail: the
# scan then asks for none of my own later messages, which cost a scan 1.76x
# at synthetic 10,000); the scan after the later message agrees with a full
# scan.
# Issue 10, session 35 (doc/benchmarks-log.md, "Conversations that need nothing, flagged", A).  Written mail.
. "$(dirname "$0")/lib.sh"
world
msg sent a1@example.com 'Me <me@example.com>' 'Ann Lee <ann@example.org>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Re: Plan B' <<'EOF2'
What is plan B for the screens?
EOF2
msg sent b1@example.com 'Me <me@example.com>' 'Bob Roe <bob@example.org>' \
	'Mon, 16 Nov 2026 09:30:00 +0000' 'RE: Budget' <<'EOF2'
Could you send me the budget for the fair?
EOF2
msg sent d1@example.com 'Me <me@example.com>' 'Eve Ash <eve@example.org>' \
	'Mon, 16 Nov 2026 09:40:00 +0000' 'Chairs' <<'EOF2'
How many chairs can you bring to the fair?
EOF2
index
NOW=2026-11-19T12:00:00+00:00
t 'before: both questions await their answer' '
	lu scan --quiet &&
	expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	expect_tags b1@example.com "leadup/awaiting leadup/due" &&
	expect_tags d1@example.com "leadup/awaiting leadup/due"'
msg sent a2@example.com 'Me <me@example.com>' 'Cy Poe <cy@example.org>' \
	'Wed, 18 Nov 2026 15:00:00 +0000' 'Re: Plan B' <<'EOF2'
Ann says we go with plan B. Order the smaller screens.
EOF2
msg sent c1@example.com 'Me <me@example.com>' 'Bob Roe <bob@example.org>' \
	'Wed, 18 Nov 2026 15:10:00 +0000' 'Fair stand' <<'EOF2'
The stand is booked for the fair.
EOF2
msg sent d2@example.com 'Me <me@example.com>' 'Fay Ng <fay@example.org>' \
	'Wed, 18 Nov 2026 15:30:00 +0000' 'Re: Chairs' <<'EOF2'
Eve is getting back to me on the chairs.
EOF2
msg sent b2@example.com 'Me <me@example.com>' 'Dee Poe <dee@example.org>' \
	'Wed, 18 Nov 2026 15:20:00 +0000' 'Budget' <<'EOF2'
The budget meeting moved to the blue room.
EOF2
index
NOW=2026-11-20T12:00:00+00:00
t 'my later message under the same subject: the first waits no more' '
	lu scan --quiet && expect_tags a1@example.com "" && expect_tags a2@example.com ""'
t 'another subject, or a new message under the same one (no Re:), changes nothing' '
	expect_tags b1@example.com "leadup/awaiting leadup/due"'
t 'after a question that opened its own thread (no Re:), a later reply of mine changes nothing' '
	expect_tags d1@example.com "leadup/awaiting leadup/due"'
t 'why says where the conversation went on' '
	lu why id:a1@example.com >out && grep -q "You wrote again on Wed 18 Nov 15:00 under the same subject" out'
t 'a full scan agrees' '
	lu scan --quiet --full && expect_tags a1@example.com "" &&
	expect_tags b1@example.com "leadup/awaiting leadup/due"'
msg sent a3@example.com 'Me <me@example.com>' 'Ann Lee <ann@example.org>' \
	'Thu, 19 Nov 2026 09:00:00 +0000' 'RE: Plan B' <<'EOF2'
Could you also send me the quote for plan B?
EOF2
index
NOW=2026-11-23T12:00:00+00:00
t 'the latest of them asks: that thread awaits' '
	lu scan --quiet && expect_tags a3@example.com "leadup/awaiting" &&
	expect_tags a2@example.com ""'
done_testing
