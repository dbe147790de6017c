#!/bin/sh
# An undo killed on its way to notmuch (issue 14, s39): the undo removes
# the decision in the state's transaction, then writes the thread's tags,
# which notmuch commits to disk when its database closes.  Killed at the
# decision journal's sync, in sqlite's commit of the removal, at each of
# Xapian's syncs and at its rename of the new revision (strace delivers
# SIGKILL there), the next incremental scan (the hook's `leadup scan`;
# an undo the journal holds and the database missed is replayed with its
# mark, no full scan forced) leaves the thread's tags and the state what a clean undo and scan leave;
# a second undo undoes the decision before, once; an undo that finds
# notmuch locked leaves the thread to the next scan alike.  Before the fix a kill
# inside notmuch's commit left the undone decision's tags until the
# thread changed: the removed row marked nothing to decide again.  Last,
# a state from before the redecide table (user_version 14) is migrated
# and scanned without reading every file again.
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
for t in un ot; do
	ask "$t@example.com" "Ann <ann.$t@a.example>" "Figures $t"
done
scanned
# Two decisions on un's thread: the undo takes the mute back, the second
# the snooze.
lu snooze 3d id:un@example.com >/dev/null
lu mute id:un@example.com >/dev/null
lu scan --full --quiet
save_good
look() { decisions_look un ot; } # lib.sh
t 'a clean undo, then a scan: the reference' '
	restore_good && lu undo id:un@example.com >out && grep -q "^undid mute" out &&
	expect_tags un@example.com leadup/snoozed && lu scan --quiet && look >"$TMP/ref1" &&
	lu undo id:un@example.com >out && grep -q "^undid snooze" out && lu scan --quiet &&
	look >"$TMP/ref2" && expect_tags un@example.com "leadup/awaiting leadup/due"'
# The journal's fdatasync is the first; then sqlite's log; Xapian's commit
# makes five syncs and a rename.
for point in fdatasync:1 wal:1 fdatasync:2 fdatasync:4 fdatasync:6 rename:1; do
	t "undo killed at $point: the next scan converges to the clean undo's, and undoes once" '
		restore_good && rc=$(killed '"$point"' "$LEADUP" --now "$NOW" undo id:un@example.com) &&
		test "$rc" = 137 && lu scan --quiet && look >got1 && diff "$TMP/ref1" got1 &&
		test "$(sqlite3 "$DB" "SELECT count(*) FROM redecide")" = 0 && lu scan --quiet && look >again && diff got1 again &&
		lu undo id:un@example.com >out && grep -q "^undid snooze" out && lu scan --quiet &&
		look >got2 && diff "$TMP/ref2" got2'
done
t 'undo killed in sqlite'"'"'s commit: the journal'"'"'s replay marks the thread, no full scan forced' '
	restore_good && rc=$(killed wal:1 "$LEADUP" --now "$NOW" undo id:un@example.com) &&
	test "$rc" = 137 && lu queue >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT mid FROM redecide")" = un@example.com &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM meta WHERE key = '"'"'lastmod'"'"'")" = 1 &&
	lu scan --quiet && look >got1 && diff "$TMP/ref1" got1'
t 'undo killed at the rename, then a full scan: the same' '
	restore_good && rc=$(killed rename:1 "$LEADUP" --now "$NOW" undo id:un@example.com) &&
	test "$rc" = 137 && lu scan --full --quiet && look >got1 && diff "$TMP/ref1" got1'
t 'undo killed at the rename, then another undo: the snooze, once, and the tags follow' '
	restore_good && rc=$(killed rename:1 "$LEADUP" --now "$NOW" undo id:un@example.com) &&
	test "$rc" = 137 && lu undo id:un@example.com >out && grep -q "^undid snooze" out &&
	expect_tags un@example.com "leadup/awaiting leadup/due" && lu scan --quiet &&
	look >got2 && diff "$TMP/ref2" got2'
t 'undo killed at the rename, then the hook'"'"'s scan: the queue shows the clean undo' '
	restore_good && lu undo id:un@example.com >/dev/null && lu queue >ref.q &&
	restore_good && rc=$(killed rename:1 "$LEADUP" --now "$NOW" undo id:un@example.com) &&
	test "$rc" = 137 && lu scan --quiet && lu queue >got.q && diff ref.q got.q'
t 'undo while notmuch is locked: it says the next scan catches up, and that scan does' '
	restore_good && printf "[scan]\nlock_wait = 1\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	mkfifo hold && { notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	lu undo id:un@example.com >out 2>err; rc=$?; exec 3>&-; wait; rm -f "$XDG_CONFIG_HOME/leadup/config"
	cat err && test "$rc" = 75 && grep -q "the next scan catches up" err &&
	expect_tags un@example.com leadup/muted &&
	test "$(sqlite3 "$DB" "SELECT mid FROM redecide")" = un@example.com &&
	lu scan --quiet && look >got1 && diff "$TMP/ref1" got1'
t 'not killed: nothing left to decide again' '
	restore_good && lu undo id:un@example.com >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM redecide")" = 0'
t 'a state of user_version 14 (no redecide table) is migrated, no file read again' '
	restore_good && sqlite3 "$DB" "DROP TABLE redecide; PRAGMA user_version = 14" &&
	LEADUP_DEBUG_COUNTS=1 lu scan 2>err && cat err &&
	test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 15 &&
	grep -q "^leadup: counts: 0 files parsed" err &&
	rc=$(killed rename:1 "$LEADUP" --now "$NOW" undo id:un@example.com) && test "$rc" = 137 &&
	lu scan --quiet && look >got1 && diff "$TMP/ref1" got1'
done_testing
