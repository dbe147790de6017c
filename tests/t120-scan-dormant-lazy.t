#!/bin/sh
# The scan never adds leadup/dormant (three in four of a first scan's tags
# were dormant ones): the state database knows the dormant threads, and
# 'leadup queue --tags' (for notmuch searches of the user's) writes their tags, only those not
# written since the last time.  A thread that leaves dormant loses the tag
# in the scan that re-decides it.
. "$(dirname "$0")/lib.sh"
world
old() { # old ID WHO SUBJECT: my question to WHO, quiet since June (past the 90-day horizon)
	msg sent "$1" 'Me <me@example.com>' "$2" 'Mon, 1 Jun 2026 10:00:00 +0000' "$3" <<'EOF'
Could you confirm the figures by Friday?
EOF
}
old d1@example.com 'Ann <ann@a.example>' 'Figures'
old d2@example.com 'Bob <bob@b.example>' 'Roadmap'
old d3@example.com 'Cem <cem@c.example>' 'Invoice'
ask a1@example.com 'Dan <dan@d.example>' 'Budget'
index
rev() { notmuch count --lastmod '*' | cut -f3; }
dormant_ids() { notmuch search --output=messages tag:leadup/dormant | sort | tr '\n' ' '; }
NOW=2026-11-20T09:00:00+00:00

# 3 tags: a1's awaiting, due and due day; none for the three dormant threads.
t 'the first full scan writes no dormant tag, and the state knows the dormant threads' '
	lu scan --full 2>err && cat err && grep -q ": 3 tags added" err &&
	test "$(notmuch count tag:leadup/dormant)" = 0 &&
	expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	lu queue dormant >out && cat out && test "$(grep -c "@example.com" out)" = 3 &&
	lu queue | grep -q "^dormant  *3" &&
	lu why id:d2@example.com | grep -q "State:  dormant"'
t 'a scan after it finds nothing to do (the untagged items are not anchors gone)' '
	lu scan 2>err && cat err && grep -q "nothing changed" err'
t 'Mutt'\''s dormant maildir is built from the state, without the tags' '
	lu queue dormant --maildir "$PWD/qd" 2>err && test "$(ls qd/cur | wc -l)" = 3 &&
	test "$(notmuch count tag:leadup/dormant)" = 0'
t 'queue --tags writes the tag on exactly the dormant anchors' '
	r0=$(rev) && lu queue dormant --tags >out 2>err && cat err && grep -q "3 tags written" err &&
	test "$(dormant_ids)" = "id:d1@example.com id:d2@example.com id:d3@example.com " &&
	test "$(($(rev) - r0))" = 1 && expect_tags a1@example.com "leadup/awaiting leadup/due"'
t 'a second run writes nothing' '
	r0=$(rev) && lu queue --tags >out 2>err && test ! -s err && test "$(rev)" = "$r0"'
t 'after the tags are written the next scan reads nothing (its lastmod moved past them)' '
	lu scan 2>err && cat err && grep -q "nothing changed" err'
t 'a full scan keeps the written tags and writes nothing' '
	r0=$(rev) && lu scan --full --quiet && test "$(rev)" = "$r0" &&
	test "$(dormant_ids)" = "id:d1@example.com id:d2@example.com id:d3@example.com "'
msg inbox r1@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' \
	'Thu, 19 Nov 2026 16:00:00 +0000' 'Re: Figures' d1@example.com <<'EOF'
Here they are; can you check the totals?
EOF
index
t 'a thread that gets a new message loses its dormant tag in the scan' '
	lu scan --quiet && expect_tags d1@example.com "" &&
	test "$(dormant_ids)" = "id:d2@example.com id:d3@example.com " &&
	lu queue dormant | grep -q d2@example.com && ! lu queue dormant | grep -q d1@example.com'
t 'the dormant tags written equal the stored dormant items (nothing left to write)' '
	r0=$(rev) && lu queue --tags && test "$(rev)" = "$r0"'
t 'a dormant anchor deleted after its tag was written: the scan forgets its item' '
	rm "$(notmuch search --output=files id:d3@example.com)" && index &&
	lu scan --quiet && lu queue | grep -q "^dormant  *1" &&
	test "$(dormant_ids)" = "id:d2@example.com "'
# A dormant thread whose anchor goes before its tag is written.
old d4@example.com 'Eve <eve@e.example>' 'Contract'
index
t 'a new dormant thread is stored untagged' '
	lu scan --quiet && test "$(notmuch count id:d4@example.com and tag:leadup/dormant)" = 0 &&
	lu queue dormant | grep -q d4@example.com'
t 'its anchor deleted before its tag is written: the writer forgets its item' '
	rm "$(notmuch search --output=files id:d4@example.com)" && index &&
	lu queue | grep -q "^dormant  *2" && lu queue dormant --tags && lu queue | grep -q "^dormant  *1" &&
	test "$(dormant_ids)" = "id:d2@example.com "'
t 'from a macro: --tags with --muttrc exits 0 and answers with the count' '
	lu queue dormant --tags --muttrc ans </dev/null && grep -q "dormant: 1 thread," ans'
done_testing
