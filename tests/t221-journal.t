#!/bin/sh
# Decisions survive a damaged state database (issue 12): they are written
# to the decision journal (an append-only, fsync'd file next to the
# database) before the database, so a garbage, truncated or deleted
# database is moved aside and rebuilt from notmuch and the journal, with
# every decision back once and the tags of a run that was never damaged.
# A kill between the journal and the database never doubles a decision.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
for t in mu sn ns dn ot; do
	ask "$t@example.com" "Ann <ann.$t@a.example>" "Figures $t"
done
scanned
lu mute id:mu@example.com >/dev/null
lu snooze 2026-12-01 id:sn@example.com >/dev/null
lu next-step "next friday" send the signed order id:ns@example.com >/dev/null
lu done id:dn@example.com >/dev/null
lu undo id:dn@example.com >/dev/null
lu scan --full --quiet
# The reference: tags and decisions (not their row ids) of the undamaged run.
tagdump() { notmuch dump --format=batch-tag -- '*' | grep 'leadup%2f' | sort; }
decisions() { sqlite3 "$DB" 'SELECT mid,kind,at,at_end,text,mine,latest,taken FROM decisions ORDER BY taken, mid, kind'; }
tagdump >ref.tags; decisions >ref.decisions
cp "$DB" good.db && cp "$JOURNAL" good.journal
t 'the reference: three decisions (the undone one gone), their tags' '
	test "$(wc -l <ref.decisions)" = 3 && grep -q "^ns@example.com|next-step|.*send the signed order" ref.decisions &&
	expect_tags mu@example.com leadup/muted && expect_tags sn@example.com leadup/snoozed &&
	expect_tags dn@example.com "leadup/awaiting leadup/due"'
t 'the journal: one line per decision and undo, private to the user' '
	test "$(grep -c "^add	" "$JOURNAL")" = 4 && test "$(grep -c "^undo	" "$JOURNAL")" = 1 &&
	test "$(stat -c %a "$JOURNAL")" = 600 && test "$(stat -c %a "$DB")" = 600'

restore() { rm -f "$DB"* && cp good.db "$DB" && cp good.journal "$JOURNAL"; }
# converges NAME: after a command on the damaged database, the decisions
# and tags are the reference's, and the damaged file was kept aside.
converges() {
	lu scan --quiet 2>err; rc=$?; cat err
	test "$rc" = 0 && grep -q "warning: state database .* was damaged (.*): moved aside to '$DB.damaged.[0-9]*' and rebuilt from notmuch and the decision journal '$JOURNAL'" err &&
	test "$(wc -l <err)" = 1 && decisions >got && diff ref.decisions got &&
	tagdump >got.tags && diff ref.tags got.tags && ls "$DB".damaged.* >/dev/null
}
t 'a garbage state database: moved aside, decisions back once, tags converge' '
	restore && head -c 65536 /dev/urandom >"$DB" && converges'
t 'a truncated state database: the same' '
	restore && truncate -s 6000 "$DB" && converges'
t 'a state database overwritten with zeros past its first page: the same' '
	restore && dd if=/dev/zero of="$DB" bs=4096 seek=1 count=8 conv=notrunc status=none && converges'
t 'the rebuilt database holds the journal once: a second command replays nothing' '
	lu scan --full --quiet 2>err && test ! -s err && decisions >got && diff ref.decisions got &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 3'
t 'replaying the whole journal again (its mark lost) doubles nothing' '
	sqlite3 "$DB" "DELETE FROM meta WHERE key = '"'"'journal'"'"'" && lu scan --quiet 2>err && test ! -s err &&
	decisions >got && diff ref.decisions got'
t 'a deleted state database: decisions back from the journal' '
	rm -f "$DB" "$DB-wal" "$DB-shm" && lu scan --quiet && decisions >got && diff ref.decisions got &&
	tagdump >got.tags && diff ref.tags got.tags'
t 'a deleted journal is written again from the database (keys kept)' '
	keys=$(sqlite3 "$DB" "SELECT jkey FROM decisions ORDER BY jkey") && rm -f "$JOURNAL" &&
	lu queue >/dev/null && test "$(grep -c "^add	" "$JOURNAL")" = 3 &&
	for k in $keys; do grep -q "^add	$k	" "$JOURNAL" || exit 1; done'
t 'a database restored from an old copy gets the decisions taken since' '
	restore && cp "$DB" old.db && lu mute id:ot@example.com >/dev/null && cp old.db "$DB" && rm -f "$DB-wal" "$DB-shm" &&
	lu scan --quiet && expect_tags ot@example.com leadup/muted &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions WHERE mid = '"'"'ot@example.com'"'"'")" = 1'

# A line cut short (a full disk, a kill in the middle of a write) is skipped
# once with a warning, and the next decision starts on a line of its own.
t 'a journal line cut short is skipped; the next decision is whole' '
	restore && printf "add\tdeadbeef\tot@example.com\tmute\t0" >>"$JOURNAL" && rm -f "$DB"* &&
	lu done id:ot@example.com >/dev/null 2>err; cat err; grep -q "decision journal .* line at byte [0-9]* is cut short; skipped" err &&
	rm -f "$DB"* && lu scan 2>err; cat err; grep -q "is damaged or cut short; skipped" err &&
	test "$(sqlite3 "$DB" "SELECT kind FROM decisions WHERE mid = '"'"'ot@example.com'"'"'")" = done'

# Killed while deciding: strace sends SIGKILL at the Nth fdatasync (the
# journal's is the first, the database's come after) or pwrite64.
if command -v strace >/dev/null 2>&1; then
	killed=0
	for point in fdatasync:1 fdatasync:2 fdatasync:3 pwrite64:1 pwrite64:2 pwrite64:4; do
		restore && lu scan --quiet
		strace -f -o /dev/null -e trace="${point%:*}" -e inject="${point%:*}":signal=KILL:when="${point#*:}" \
			"$LEADUP" --now "$NOW" mute id:ot@example.com >/dev/null 2>&1
		rc=$?; [ "$rc" = 137 ] && killed=$((killed + 1))
		t "mute killed at $point (exit $rc): afterwards stored once or not at all, tags agree" '
			lu scan --quiet && rows=$(sqlite3 "$DB" "SELECT count(*) FROM decisions WHERE mid = '"'"'ot@example.com'"'"'") &&
			test "$rows" -le 1 && test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = $((3 + rows)) &&
			if [ "$rows" = 1 ]; then expect_tags ot@example.com leadup/muted; else expect_tags ot@example.com "leadup/awaiting leadup/due"; fi &&
			lu mute id:ot@example.com >/dev/null && lu scan --quiet &&
			test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions WHERE mid = '"'"'ot@example.com'"'"'")" = 1 &&
			expect_tags ot@example.com leadup/muted'
	done
	t "most kill points really killed the decision ($killed of 6)" 'test "$killed" -ge 4'
else
	[ "${CI:-}" = true ] && t 'strace is installed (scripts/deps)' false
fi
done_testing
