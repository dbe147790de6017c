#!/bin/sh
# The scan's work, counted, not timed (issue 14): LEADUP_DEBUG_COUNTS makes
# leadup print the files it parsed and sqlite's virtual-machine steps.
# The scan after an empty `notmuch new` costs what changed, not what is
# stored: it compares the tags notmuch counts with the items of each state,
# which the state database keeps counted (schema 6: triggers on the items
# table), so it reads no item row: the same steps with 3 items stored as
# with 23.  A settings change decides every thread again, as --full does,
# and does no more than --full (no look per thread for threading that
# broke: every thread is decided anyway).  Not a change of who I am: the
# senders' histories a full scan keeps are for one identity (t215), so
# such a change counts them again.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
ask a1@example.com 'Ann <ann@a.example>' 'Figures'
ask a2@example.com 'Bob <bob@b.example>' 'Budget'
ask a3@example.com 'Cid <cid@c.example>' 'Venue'
index
NOW=2026-11-17T09:00:00+00:00

# counts [ARGS]: "PARSED STEPS" of lu scan ARGS.
counts() {
	LEADUP_DEBUG_COUNTS=1 lu scan "$@" 2>err && cat err >&2 &&
	sed -n 's/^leadup: counts: \([0-9]*\) files parsed, \([0-9]*\) sqlite steps$/\1 \2/p' err
}
# steps: the sqlite steps of a scan, which must find nothing changed.
steps() { counts >c && grep -q "nothing changed" err && cut -d" " -f2 c; }
# counted: every state's stored count is its items'.
counted() {
	test "$(sqlite3 "$DB" "SELECT state, count(*) FROM items GROUP BY state ORDER BY state")" = \
		"$(sqlite3 "$DB" "SELECT state, n FROM item_counts WHERE n > 0 ORDER BY state")"
}

t 'a no-op scan after three items are stored' '
	lu scan --quiet && test "$(sqlite3 "$DB" "SELECT count(*) FROM items")" = 3 &&
	steps >few && test -s few && counted'
t 'costs the same sqlite steps after twenty more' '
	for i in $(seq 1 20); do ask "n$i@example.com" "P$i <p$i@p.example>" "Topic $i"; done &&
	index && lu scan --quiet && test "$(sqlite3 "$DB" "SELECT count(*) FROM items")" = 23 &&
	steps >many && echo "steps: $(cat few) with 3 items, $(cat many) with 23" &&
	test "$(cat few)" = "$(cat many)"'
t 'the counts follow decisions, removals and full scans' '
	lu done id:a1@example.com >/dev/null && counted &&
	rm "$MAIL"/sent/cur/a2@example.com* && index && lu scan --quiet && counted &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM items")" = 22 &&
	lu undo id:a1@example.com >/dev/null && counted && lu scan --full --quiet && counted'
t 'a count edited by hand is found out (the anchors are looked up) and a full scan repairs it' '
	sqlite3 "$DB" "UPDATE item_counts SET n = n + 1 WHERE state = '\''awaiting'\''" &&
	! counted && lu scan --quiet && lu scan --full --quiet && counted &&
	steps >after && test "$(cat after)" = "$(cat many)"'
t 'a schema-5 database migrates to 6 with its items counted, decisions kept' '
	lu done id:a3@example.com >/dev/null && lu scan --quiet && steps >pre &&
	before=$(sqlite3 "$DB" "SELECT count(*) FROM decisions") &&
	sqlite3 "$DB" "DROP TRIGGER items_add; DROP TRIGGER items_del; DROP TRIGGER items_move;
		DROP TABLE item_counts; PRAGMA user_version = 5" &&
	lu queue >/dev/null && test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 6 && counted &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = "$before" &&
	steps >migrated && test "$(cat migrated)" = "$(cat pre)"'

# Messages to me that start a thread (no References): an incremental scan
# looks for threads of mine they may answer; a full one needs not.
for i in 1 2 3; do
	msg inbox "q$i@x.example" "Q$i <q$i@x.example>" "Me <me@example.com>" \
		"Tue, 17 Nov 2026 1$i:00:00 +0000" "Topic $i" <<'EOF'
Could you tell me by Friday whether this works for you?
EOF
done
# The settings change reads the walk --full kept instead of notmuch (t231):
# sqlite's virtual machine steps of reading its rows (a few a thread) and
# the key it is kept under, and no notmuch message.
t 'a settings change decides every thread from the cache, with no more work than --full' '
	index && lu scan --quiet && lu scan --full --quiet && counts --full >full &&
	printf "[awaiting]\ninterval = 8\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	n=$(notmuch count --output=threads "*") &&
	counts >settings && grep -q "looked at $n threads" err &&
	grep -q "^leadup: notmuch reads: 0 thread queries, 0 messages$" err &&
	echo "--full: $(cat full); settings change: $(cat settings); $n threads" &&
	test "$(cut -d" " -f1 settings)" = 0 &&
	test "$(cut -d" " -f2 settings)" -le "$(($(cut -d" " -f2 full) + 5 * n + 20))"'
done_testing
