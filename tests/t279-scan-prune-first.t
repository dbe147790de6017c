#!/bin/sh
# A full scan that begins with no analysis row and no delivery failure in
# the state (a first scan) has no row of a message notmuch no longer has
# to prune: every row it writes is of a message of its own walk.  It does
# not look (s37-first: the look-up was 186 M instructions, 4.9% of the main
# thread's, of the first full scan at 10,000 messages); LEADUP_DEBUG_COUNTS
# says so.  LEADUP_DEBUG_PRUNE_ALL looks anyway: the same tags and state.
# A later full scan looks, and prunes the rows of a message whose file went.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask q1@example.com 'Ann <ann@client.example>' 'Figures'
bounce b1 q1@example.com 'Ann <ann@client.example>' 'Figures'
msg inbox gone@client.example 'Bob <bob@client.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'Budget' <<'EOF'
Could you approve the budget by Friday?
EOF
index
pristine
# looked NAME: "LOOKED SKIPPED" as NAME.err's counts say
looked() { sed -n 's/^leadup: rows of messages gone: \([0-9]*\) looked for, \([0-9]*\) scans began.*/\1 \2/p' "$1.err"; }
rows() { sqlite3 "$DB" "SELECT count(*) FROM $1 WHERE $2 = '$3'"; } # rows TABLE COLUMN KEY

t 'a first full scan does not look for rows to prune; its rows are there' '
	first_scan new 2 && test "$(looked new)" = "0 1" &&
	test "$(rows analyses mid gone@client.example)" = 1 &&
	test "$(rows bounces bounce b1@mx.example.com)" = 1'
t 'LEADUP_DEBUG_PRUNE_ALL looks, and leaves the same tags and state' '
	start && LEADUP_DEBUG_PRUNE_ALL=1 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>all.err &&
	state_dump all && test "$(looked all)" = "1 0" && cmp new.tags all.tags && cmp new.state all.state'
t 'the next full scan looks, and prunes the rows of a message gone' '
	rm "$(notmuch search --output=files id:gone@client.example)" && index &&
	LEADUP_DEBUG_COUNTS=1 lu scan --full 2>next.err && test "$(looked next)" = "1 0" &&
	test "$(rows analyses mid gone@client.example)" = 0 &&
	test "$(rows bounces bounce b1@mx.example.com)" = 1'
done_testing
