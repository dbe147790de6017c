#!/bin/sh
# leadup queue NAME lists from the state database when nothing changed
# since the last scan wrote both its tags and its items (no anchor read
# from notmuch), and from the tags whenever they may differ: the tags stay
# the truth, the output the same either way.
. "$(dirname "$0")/lib.sh"
world

msg sent q1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Website budget' <<'EOF'
Hi Ann, could you confirm the budget for the website project?
EOF
msg sent q2@example.com 'Me <me@example.com>' 'Bob Jones <bob@supplier.example>' \
	'Tue, 17 Nov 2026 10:00:00 +0000' 'Delivery slots' <<'EOF'
Bob, which delivery slot do you want next week?
EOF
msg sent info1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Slides from today' <<'EOF'
Hi Ann, here are the slides from today's session.
EOF
index
NOW=2026-11-18T12:00:00+00:00

t 'after a scan: both questions listed, text and JSON' '
	lu scan --quiet && lu queue awaiting >text && lu queue awaiting --format=json >json &&
	grep -q "id:q1@example.com" text && grep -q "id:q2@example.com" text &&
	grep -q "Website budget" text && grep -q "Delivery slots" text &&
	grep -q "\"message_id\":\"q1@example.com\"" json && grep -q "\"who\":\"Ann Smith\"" json'
# Someone moves the tag by hand: as many tagged as stored, other messages.
# The tags win, although nothing was scanned since.
t 'a tag moved by hand after the scan: the queue follows the tags' '
	notmuch tag -leadup/awaiting -- id:q2@example.com &&
	notmuch tag +leadup/awaiting -- id:info1@example.com &&
	lu queue awaiting >text && lu queue awaiting --format=json >json &&
	grep -q "id:q1@example.com" text && grep -q "id:info1@example.com" text &&
	! grep -q "id:q2@example.com" text && grep -q "Slides from today" text &&
	grep -q "\"message_id\":\"info1@example.com\"" json &&
	! grep -q "\"message_id\":\"q2@example.com\"" json'
t 'the next scan puts the tags back; the listing is the first one again' '
	lu scan --full --quiet && lu queue awaiting >text2 && lu scan --quiet && lu queue awaiting >text3 &&
	grep -q "id:q2@example.com" text2 && ! grep -q "id:info1@example.com" text2 && cmp -s text2 text3'
# streamed ERR: the rows a listing took from the store one at a time
streamed() { sed -n 's/^leadup: queue rows read from the store one at a time: //p' "$1"; }
t 'from the store, byte for byte what the tags give (a tag another program writes forces the tags)' '
	LEADUP_DEBUG_COUNTS=1 lu queue awaiting --format=json >fast 2>fast.err &&
	LEADUP_DEBUG_COUNTS=1 lu queue awaiting >fast.txt 2>fast.txt.err &&
	test "$(streamed fast.err)" = 2 && test "$(streamed fast.txt.err)" = 2 &&
	notmuch tag +other -- id:info1@example.com &&
	LEADUP_DEBUG_COUNTS=1 lu queue awaiting --format=json >slow 2>slow.err &&
	lu queue awaiting >slow.txt && cmp fast slow && cmp fast.txt slow.txt &&
	test "$(streamed slow.err)" = 0 && grep -q "id:q1@example.com" fast.txt'

# The items by state (schema 7: index items_state on state, due, due_at;
# schema 9: items_listed on state, since, mid and what a listing shows).
# plan SQL: sqlite's plan of SQL on the state database, on one line.
plan() { sqlite3 "$DB" "EXPLAIN QUERY PLAN $1" | tr '\n' ' '; }
if command -v sqlite3 >/dev/null 2>&1; then
	t 'the due items are counted in items_state, a listing is read from items_listed alone, unsorted' '
		p=$(plan "SELECT state, count(*) FROM items WHERE state IN ('\''awaiting'\'', '\''dormant'\'') AND due = 0 AND due_at > 0 GROUP BY state") &&
		echo "$p" && case "$p" in *"COVERING INDEX items_state (state=? AND due=? AND due_at>?)"*) ;; *) false ;; esac &&
		case "$p" in *"TEMP B-TREE"*) false ;; esac &&
		p=$(plan "SELECT mid, thread, state, due, due_at, since, next_check, stage, subject, who FROM items WHERE state = '\''awaiting'\'' ORDER BY since, mid LIMIT 5") &&
		echo "$p" && case "$p" in *"COVERING INDEX items_listed (state=?)"*) ;; *) false ;; esac &&
		case "$p" in *"TEMP B-TREE"*) false ;; esac'
	t 'a schema-6 database migrates to 7, its decisions kept, its listing the same' '
		lu done id:q1@example.com >/dev/null && lu queue closed >before.txt &&
		n=$(sqlite3 "$DB" "SELECT count(*) FROM decisions") &&
		sqlite3 "$DB" "DROP INDEX items_state; PRAGMA user_version = 6" &&
		lu queue closed >after.txt && cmp before.txt after.txt &&
		test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 7 &&
		test "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE name = '\''items_state'\''")" = 1 &&
		test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = "$n"'
else
	skip 'no sqlite3: the index and its migration'
	skip 'no sqlite3: the index and its migration'
fi
done_testing
