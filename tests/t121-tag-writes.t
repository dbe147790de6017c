#!/bin/sh
# Tag writes: a scan writes its tags in one notmuch transaction (one
# revision), each message frozen while its tags change, and writes nothing
# when no tag changes.
. "$(dirname "$0")/lib.sh"
world
msg sent w1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Website budget' <<'EOF2'
Could you confirm the budget for the website project?
EOF2
msg sent w2@example.com 'Me <me@example.com>' 'Bob Jones <bob@supplier.example>' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Delivery slots' <<'EOF2'
Bob, which delivery slot do you want next week?
EOF2
index
rev() { notmuch count --lastmod '*' | cut -f3; }

NOW=2026-11-23T12:00:00+00:00
t 'a first scan writes every tag in one transaction' '
	r0=$(rev) && lu scan --quiet &&
	expect_tags w1@example.com "leadup/awaiting leadup/due" &&
	expect_tags w2@example.com "leadup/awaiting leadup/due" &&
	d=$(($(rev) - r0)) && echo "revisions: $d" && test "$d" = 1'
t 'a scan that changes no tag writes nothing' '
	r0=$(rev) && lu scan --quiet --full && test "$(rev)" = "$r0"'
done_testing
