#!/bin/sh
# The state database under attack: damaged rows, unreadable pages, unknown
# schema versions, many first opens at once.  One clear line and the right
# exit code each time; never a crash, never tags rewritten without the
# decisions.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
ask d1@example.com 'Ann <ann@a.example>' 'Figures'
ask m1@example.com 'Bob <bob@b.example>' 'More figures'
ask a1@example.com 'Cid <cid@c.example>' 'Even more figures'
scanned
lu done id:d1@example.com >/dev/null
lu mute id:m1@example.com >/dev/null
# A copy of the good state to start each case from.
cp "$DB" good.db && cp "$JOURNAL" good.journal

t 'decisions and tags as expected before the attacks' '
	expect_tags d1@example.com leadup/closed && expect_tags m1@example.com leadup/muted &&
	expect_tags a1@example.com "leadup/awaiting leadup/due"'

# 12.4: a decisions row whose mid reads back NULL (a damaged row; the schema
# says NOT NULL, so the damage is made through writable_schema).
damage_row() {
	cp good.db "$DB" && rm -f "$DB-wal" "$DB-shm" &&
	sqlite3 "$DB" "PRAGMA writable_schema=ON;
		UPDATE sqlite_master SET sql=replace(replace(sql, 'mid TEXT NOT NULL', 'mid TEXT'),
			'kind TEXT NOT NULL', 'kind TEXT') WHERE name='decisions';" &&
	sqlite3 "$DB" "INSERT INTO decisions(mid, kind, taken) VALUES(NULL, 'done', 1);
		INSERT INTO decisions(mid, kind, taken) VALUES('a1@example.com', NULL, 2);"
}
t 'a decision without a message id is skipped with a warning, not a crash (scan)' '
	damage_row && lu scan --full 2>err; rc=$?; cat err
	test "$rc" = 0 && grep -q "warning: state database .*decision [0-9]* has no message id; skipped" err &&
	expect_tags d1@example.com leadup/closed && expect_tags m1@example.com leadup/muted'
t 'a decision of no known kind is skipped with a warning too' '
	grep -q "warning: state database .*decision [0-9]* .*no known kind" err &&
	expect_tags a1@example.com "leadup/awaiting leadup/due"'
t 'why and a decision command load the damaged table without a crash' '
	lu why id:d1@example.com >out 2>err && grep -q "^State: *closed" out &&
	lu snooze tue id:a1@example.com >out 2>err && grep -q snoozed out && expect_tags a1@example.com leadup/snoozed'

# 12.5: the decisions table's pages cannot be read: an error, not "no decisions".
corrupt_decisions() {
	cp good.db "$DB" && rm -f "$DB-wal" "$DB-shm" &&
	page=$(sqlite3 "$DB" "PRAGMA page_size") &&
	root=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_master WHERE name='decisions'") &&
	test "$root" -gt 1 &&
	# Clear the page but make it look like a leaf page with garbage cells.
	head -c "$page" /dev/zero | tr '\0' '\377' |
		dd of="$DB" bs="$page" seek=$((root - 1)) conv=notrunc status=none
}
# Each case below starts from the good state and its journal.
restore() { cp good.db "$DB" && cp good.journal "$JOURNAL" && rm -f "$DB-wal" "$DB-shm" "$DB-damaged"; }
aside() { ls "$XDG_DATA_HOME/leadup" | grep -c "^state\.db\.damaged\.[0-9]*$" || :; }
t 'unreadable decisions pages: moved aside (one warning naming where), rebuilt, no decision lost' '
	restore && corrupt_decisions && before=$(aside) && lu scan --full 2>err; rc=$?; cat err
	test "$rc" = 0 && test "$(grep -c warning err)" = 1 &&
	grep -q "warning: state database .* was damaged (.*): moved aside to .*state\.db\.damaged\.[0-9]*. and rebuilt from notmuch and the decision journal" err &&
	test "$(aside)" = $((before + 1)) && test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 2 &&
	expect_tags d1@example.com leadup/closed && expect_tags m1@example.com leadup/muted'
t 'why then shows the decision, and no second warning' '
	lu why id:d1@example.com >out 2>err && grep -q "^State: *closed" out && test ! -s err'

# Damage a command meets later (an items page): that command stops with one
# line (EX_DATAERR), the next one rebuilds.
corrupt_items() {
	restore && page=$(sqlite3 "$DB" "PRAGMA page_size") &&
	root=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_master WHERE name='items'") &&
	head -c "$page" /dev/zero | tr '\0' '\377' |
		dd of="$DB" bs="$page" seek=$((root - 1)) conv=notrunc status=none
}
t 'damage met by a running scan: one line, exit 65, the tags alone' '
	corrupt_items && lu scan --full 2>err; rc=$?; cat err
	test "$rc" = 65 && test "$(wc -l <err)" = 1 &&
	grep -q "state database .* is damaged (.*): the next leadup command moves it aside and rebuilds it" err &&
	expect_tags d1@example.com leadup/closed && expect_tags m1@example.com leadup/muted'
t 'the next command moves it aside and rebuilds: decisions back, tags unchanged' '
	before=$(aside) && lu scan 2>err; rc=$?; cat err
	test "$rc" = 0 && test "$(aside)" = $((before + 1)) && grep -q "moved aside" err &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 2 &&
	expect_tags d1@example.com leadup/closed && expect_tags m1@example.com leadup/muted &&
	expect_tags a1@example.com "leadup/awaiting leadup/due"'
t 'a decision on a database damaged under it is kept (stored, its tag follows), never lost' '
	corrupt_items && lu mute id:a1@example.com >out 2>err; rc=$?; cat out err
	test "$rc" = 65 && lu scan 2>err && expect_tags a1@example.com leadup/muted &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions WHERE mid = '"'"'a1@example.com'"'"'")" = 1'

t 'a state database that is no database at all: moved aside the same way, nothing lost' '
	restore && head -c 8192 /dev/zero | tr "\0" "x" >"$DB" &&
	lu scan 2>err; rc=$?; cat err
	test "$rc" = 0 && test "$(grep -c warning err)" = 1 && grep -q "moved aside" err &&
	expect_tags d1@example.com leadup/closed && expect_tags m1@example.com leadup/muted'

# 12.7: a schema version no leadup wrote.
t 'a negative user_version is refused with one line, not run as SQL' '
	restore && sqlite3 "$DB" "PRAGMA user_version=-1" &&
	lu scan 2>err; rc=$?; cat err
	test "$rc" = 78 && test "$(wc -l <err)" = 1 && grep -q "schema -1, which no leadup writes" err'
t 'a user_version from a newer leadup is refused the same way' '
	sqlite3 "$DB" "PRAGMA user_version=999" && lu queue 2>err; rc=$?; cat err
	test "$rc" = 78 && grep -q "schema 999, newer than this leadup" err'

# 12.8: many leadups opening a state database that does not exist yet.
t '20 leadups creating the state database at once all succeed' '
	rm -f "$DB" "$DB-wal" "$DB-shm" && pids= &&
	for i in $(seq 20); do lu queue >/dev/null 2>"err.$i" & pids="$pids $!"; done &&
	bad=0 && for p in $pids; do wait $p || bad=$((bad + 1)); done
	cat err.* | sort | uniq -c; test "$bad" = 0 &&
	test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 2'
done_testing
