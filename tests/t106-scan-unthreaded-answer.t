#!/bin/sh
# Mail without threading headers makes each message a thread.  My answer to
# their question that carries no In-Reply-To clears their needs-reply in the
# scan after it arrives, as a full scan does (scan.c note_broken_threading
# looks again at the queued threads of the same subject, whoever starts the
# new one).
. "$(dirname "$0")/lib.sh"
world
msg inbox q1@example.org 'Dee Lee <dee@example.org>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Loan amount' <<'EOF2'
Do you want the loan to be for exactly 1.1 million?
EOF2
msg inbox r1@example.org 'Rob Roe <rob@example.org>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:30:00 +0000' 'Loan amount' <<'EOF2'
Can you tell me the loan amount as well?
EOF2
index
NOW=2026-11-16T12:00:00+00:00
t 'before: both questions need a reply' '
	lu scan --quiet &&
	expect_tags q1@example.org "leadup/needs-reply" &&
	expect_tags r1@example.org "leadup/needs-reply"'
msg sent q2@example.com 'Me <me@example.com>' 'Dee Lee <dee@example.org>' \
	'Mon, 16 Nov 2026 15:20:00 +0000' 'Re: Loan amount' <<'EOF2'
Yes, exactly 1.1 million.
EOF2
index
NOW=2026-11-16T16:00:00+00:00
t 'the scan after my unthreaded answer: hers is answered' '
	lu scan --quiet && expect_tags q1@example.org ""'
t 'the same subject from someone I did not answer still needs a reply' '
	expect_tags r1@example.org "leadup/needs-reply"'
t 'why says where I answered' '
	lu why id:q1@example.org >out && grep "you answered on Mon 16 Nov 15:20 in a message that is not in this thread" out'
t 'a full scan agrees' '
	lu scan --quiet --full &&
	expect_tags q1@example.org "" && expect_tags r1@example.org "leadup/needs-reply"'
done_testing
