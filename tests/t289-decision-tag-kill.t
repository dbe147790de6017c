#!/bin/sh
# A decision killed while notmuch commits its tags (issue 12, found in
# issue 14): notmuch writes a decision's tags to disk when its database
# closes, so the store must not mark the decision applied before that
# close.  Killed at each of Xapian's syncs and at its rename of the new
# revision (strace delivers SIGKILL there), the decision is stored once and
# still pending, and the next scan writes its tags; a snooze alike.
# Before the fix a kill there left the decision applied and its tags never
# written.  (An undo killed there: t311, which marks its thread to decide
# again; every decision command at these points and the journal's and
# sqlite's: t312.)
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
for t in mu sn ot; do
	ask "$t@example.com" "Ann <ann.$t@a.example>" "Figures $t"
done
scanned
lu mute id:mu@example.com >/dev/null
lu scan --full --quiet
save_good
rows() { sqlite3 "$DB" "SELECT count(*) || ' ' || coalesce(max(pending), '-') FROM decisions WHERE mid = '$1'"; }
# The journal's fdatasync is the first; Xapian's commit makes five and a rename.
for point in fdatasync:2 fdatasync:4 fdatasync:6 rename:1; do
	t "mute killed at $point, in notmuch's commit: stored once, pending, tagged by the next scan" '
		restore_good && rc=$(killed '"$point"' "$LEADUP" --now "$NOW" mute id:ot@example.com) && test "$rc" = 137 &&
		test "$(rows ot@example.com)" = "1 1" && expect_tags ot@example.com "leadup/awaiting leadup/due" &&
		lu scan --quiet && test "$(rows ot@example.com)" = "1 0" && expect_tags ot@example.com leadup/muted'
done
t 'a snooze killed at the rename: the same' '
	restore_good && rc=$(killed rename:1 "$LEADUP" --now "$NOW" snooze 3d id:sn@example.com) && test "$rc" = 137 &&
	test "$(rows sn@example.com)" = "1 1" && lu scan --quiet && test "$(rows sn@example.com)" = "1 0" &&
	expect_tags sn@example.com leadup/snoozed'
t 'not killed: applied at once, the same tags' '
	restore_good && lu mute id:ot@example.com >/dev/null && test "$(rows ot@example.com)" = "1 0" &&
	expect_tags ot@example.com leadup/muted'
done_testing
