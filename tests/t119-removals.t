#!/bin/sh
# Removals leave no trace in notmuch's lastmod: an incremental scan still
# notices a deleted anchor (and a thread that moved), re-decides the thread
# and forgets what is gone, so tags and leadup queue agree without --full.
. "$(dirname "$0")/lib.sh"
world
msg sent a1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Figures' <<'EOF'
Could you send me the figures for October?
EOF
msg inbox a2@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' 'Mon, 16 Nov 2026 12:00:00 +0000' \
	'Re: Figures' a1@example.com <<'EOF'
Which format do you want them in?
EOF
msg sent b1@example.com 'Me <me@example.com>' 'Bob <bob@b.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Budget' <<'EOF'
Could you confirm the budget?
EOF
# Ten minutes after a1: once c2 has merged the two threads, c1 is the
# thread's latest message of mine, whatever order notmuch indexed them in
# (with equal dates the anchor depended on the file system's order).
msg sent c1@example.com 'Me <me@example.com>' 'Cid <cid@c.example>' 'Mon, 16 Nov 2026 10:10:00 +0000' \
	'Venue' <<'EOF'
Could you book the venue?
EOF
index
NOW=2026-11-17T09:00:00+00:00
lu scan --quiet
counts_agree() { # leadup queue counts what the tags show, queue by queue
	lu queue >counts && while read -r name n _; do
		test "$n" = "$(notmuch count --exclude=false "tag:leadup/$name")" ||
			{ echo "$name: queue says $n, tags say $(notmuch count --exclude=false "tag:leadup/$name")"; return 1; }
	done <counts; }

t 'before: the reply is needs-reply' '
	expect_tags a2@a.example "leadup/due leadup/needs-reply" && expect_tags a1@example.com ""'
t 'deleting the anchor: the next incremental scan makes my question awaiting again' '
	rm "$MAIL/inbox/cur/a2@a.example:2,S" && index && lu scan >out &&
	! grep -q "looked at 0 threads" out && expect_tags a1@example.com leadup/awaiting &&
	lu queue needs-reply >q && ! grep -q Figures q && lu queue awaiting >q && grep -q Figures q &&
	counts_agree'
t 'deleting a whole thread forgets its item: leadup queue counts what the tags show' '
	expect_tags b1@example.com leadup/awaiting &&
	rm "$MAIL/sent/cur/b1@example.com:2,S" && index && lu scan --quiet &&
	lu queue awaiting >q && ! grep -q Budget q && counts_agree'
t 'a thread merge and the removal of the message that merged: as a full scan decides' '
	expect_tags c1@example.com leadup/awaiting &&
	msg inbox c2@c.example "Cid <cid@c.example>" "Me <me@example.com>" "Mon, 16 Nov 2026 15:00:00 +0000" \
		"Re: Venue" c1@example.com "<a1@example.com> <c1@example.com>" </dev/null &&
	printf "Can you call me about it?\n" >>"$MAIL/inbox/cur/c2@c.example:2,S" && index && lu scan --quiet &&
	test "$(notmuch search --output=threads id:a1@example.com)" = "$(notmuch search --output=threads id:c1@example.com)" &&
	expect_tags c2@c.example "leadup/due leadup/needs-reply" && same_as_full &&
	rm "$MAIL/inbox/cur/c2@c.example:2,S" && index && lu scan --quiet && same_as_full &&
	expect_tags c1@example.com leadup/awaiting'
t 'nothing changed: the incremental scan reads nothing' '
	lu scan 2>out && grep -q "nothing changed" out'
done_testing
