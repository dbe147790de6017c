#!/bin/sh
# The listing keys read what they show (issue 14), counted, not timed
# (LEADUP_DEBUG_COUNTS: "items read", sqlite's steps):
# - report reads each section's items from the index of listed items, so
#   the items it reads are the lines it prints (the oldest section reads
#   at most five a state), not every open item;
# - its counts and the queue's take the totals from item_counts and count
#   the due items only where due or due_at is set, so dormant and closed
#   items cost no step, however many;
# - a queue's listing reads its state's items, no other.
# Items are added to the state database by hand (as a scan would store
# them; the triggers count them) so that many cost nothing to build.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
for p in a b c; do
	ask "$p@example.com" "Ann $p <ann.$p@a.example>" "Figures $p"
done
scanned
# counted NAME ARGS...: leadup ARGS, its output in NAME, then "ITEMS STEPS"
counted() {
	name=$1 && shift && LEADUP_DEBUG_COUNTS=1 lu "$@" >"$name" 2>"$name.err" &&
		echo "$(sed -n 's/^leadup: items read: \([0-9]*\)$/\1/p' "$name.err")" \
			"$(sed -n 's/^leadup: counts: [0-9]* files parsed, \([0-9]*\) sqlite steps$/\1/p' "$name.err")"
}
# shown FILE: the item lines of a text report (a state, then a date or -)
shown() { grep -cE '^  [a-z-]+ +([A-Z][a-z]{2} [0-9]{2} [A-Z][a-z]{2}|-)  ' "$1"; }
# add N STATE DUE DUE_AT SINCE: N items stored by hand, anchored nowhere
add() {
	sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
		INSERT INTO items(mid, thread, state, due, due_at, since, subject, who, updated)
		SELECT '$2-' || i || '-$3-$4-$5@hand.example', 'hand$2' || i, '$2', $3, $4, $5 + i,
		'Stored by hand', 'hand', 1 FROM n"
}
queue_count() { # queue_count JSON STATE: "COUNT DUE" of STATE in leadup queue --format=json
	tr '{' '\n' <"$1" | sed -n 's/.*"name":"'"$2"'","count":\([0-9]*\),"due":\([0-9]*\).*/\1 \2/p'
}

t 'report: the items it reads are the lines it prints' '
	set -- $(counted r1 report) && test "$(shown r1)" = 6 && test "$1" = 6'
t 'queue awaiting: reads its three items' '
	set -- $(counted q1 queue awaiting --format=json) && test "$1" = 3 &&
	test "$(grep -o "\"message_id\"" q1 | wc -l)" = 3'
t 'queue: counts without reading an item' '
	set -- $(counted c1 queue --format=json) && test "$1" = 0 &&
	test "$(queue_count c1 awaiting)" = "3 3"'

# Dormant and closed items: counted, never read.  Ten of each, then 500
# and 60 more: the same sqlite steps.
add 10 dormant 0 0 1000000000
add 10 closed 0 0 1000000000
t 'queue and report with ten dormant and ten closed items' '
	set -- $(counted c2 queue --format=json) && test "$1" = 0 && echo "$2" >c2.steps &&
	set -- $(counted r2 report) && test "$1" = 6 && echo "$2" >r2.steps &&
	diff r1 r2 | grep "^>" >added && test "$(wc -l <added)" = 2'
add 500 dormant 0 0 1100000000
add 60 closed 0 0 1100000000
t 'queue: 510 dormant and 70 closed counted, at the same sqlite steps' '
	set -- $(counted c3 queue --format=json) && test "$1" = 0 &&
	test "$(queue_count c3 dormant)" = "510 0" && test "$(queue_count c3 closed)" = "70 0" &&
	test "$2" = "$(cat c2.steps)"'
t 'report: the same items read at the same sqlite steps; only the counts grew' '
	set -- $(counted r3 report) && test "$1" = 6 && test "$2" = "$(cat r2.steps)" &&
	grep -E "^  dormant +510 +0$" r3 && grep -E "^  closed +70 +0$" r3 &&
	diff r2 r3 | grep "^>" >added && test "$(wc -l <added)" = 2'

# Open items: 40 awaiting not yet due (older than mine), and three with
# nothing to wait for: due by the scan's word, due by their date, due
# next month (due_at: 2026-11-19 and 2026-12-20 at noon, UTC).
add 40 awaiting 0 1797000000 1790000000
add 1 no-next-step 1 0 1780000000
add 1 no-next-step 0 1795089600 1780000000
add 1 no-next-step 0 1797768000 1780000000
t 'queue: each due item counted, as lu_item_due says' '
	counted c4 queue --format=json >/dev/null &&
	test "$(queue_count c4 awaiting)" = "43 3" && test "$(queue_count c4 no-next-step)" = "3 2"'
# Due today: mine and two with nothing to wait for (5); the oldest: the
# three of those, two awaiting (5).  Read: the five due, and for the
# oldest five awaiting and three with nothing to wait for (13 of 46 open).
t 'report: lists what is due and the five oldest, reads no other open item' '
	set -- $(counted r4 report) && grep "^Due today (5)$" r4 &&
	test "$(shown r4)" = 10 && test "$1" = 13'

# Thirty more due today (due by the scan's word, since 2026-06-01 and on,
# older than all but one, so that they fill the first lines), and three
# promises of theirs falling due before Sunday's end (2026-11-21 noon).
# A text report lists 20 of a section and says how many more; --all and
# the JSON list every one; the 20 are the first 20 of --all's order.
add 30 no-next-step 1 0 1780272000
add 3 promise-theirs 0 1795262400 1790000000
# section FILE HEADING: the item lines under HEADING
section() { sed -n "/^$2/,/^\$/p" "$1" | grep -E '^  [a-z-]+ +([A-Z][a-z]{2} [0-9]{2} [A-Z][a-z]{2}|-)  '; }
t 'report: 20 of 35 due today listed, "and 15 more", the promises whole' '
	set -- $(counted r5 report) && grep "^Due today (35)$" r5 &&
	test "$(section r5 "Due today" | wc -l)" = 20 &&
	grep -x "  and 15 more: leadup report --all lists every one" r5 &&
	grep "^Promises falling due this week (3)$" r5 &&
	test "$(section r5 Promises | wc -l)" = 3 && test "$(grep -c " more: " r5)" = 1 &&
	echo "$1" >r5.items'
t 'report --all: every one, the capped 20 first in the same order, read whole' '
	set -- $(counted r6 report --all) && grep "^Due today (35)$" r6 &&
	test "$(section r6 "Due today" | wc -l)" = 35 && ! grep " more: " r6 &&
	section r6 "Due today" | head -n 20 >first20 && section r5 "Due today" >capped &&
	cmp first20 capped && grep -qE "^  no-next-step +Mon 01 Jun  hand " capped &&
	test "$(cat r5.items)" -lt "$1"'
t 'report --format=json: every item of each section' '
	counted r7 report --format=json >/dev/null &&
	test "$(sed "/\"promises_this_week\"/,\$d" r7 | grep -c "\"message_id\"")" = 35 &&
	! grep " more" r7'
done_testing
