#!/bin/sh
# The kept walk written in place (issue 14, session 34): a walk of every
# thread replayed from the kept walk of the very index notmuch still is
# (nothing written to notmuch since the full scan that kept it: a settings
# change, a scan --full with nothing changed) writes only the records its
# tag writes change, at their positions, and the rest of the kept walk
# stays; any other walk writes it whole, as before.  A full walk replayed
# stages no plan row a message either (the items it does not write go with
# lu_store_forget_before).  Each step is compared
# on copies of the same databases with the whole write
# (LEADUP_DEBUG_WALK_WHOLE=1) or the walk of notmuch
# (LEADUP_DEBUG_NO_KEPT_WALK=1): the same tags and state, the kept walk's
# rows, positions and bytes included; and the in-place write takes fewer
# sqlite steps than the whole one.  A file renamed (a maildir flag) and a
# message removed between scans: the walk kept afterwards names the file
# as it is now, and holds no row of the message gone.
# Counted, not timed (LEADUP_DEBUG_COUNTS).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask a1@example.com 'Q <q@q.example>' 'Budget'
ask a2@example.com 'R <r@r.example>' 'Venue'
for d in 10 12 13 16 17 18; do
	notice "$d"
done
index

scan() { walk_scan "$@"; } # lib.sh: the scan counted, its state dumped
kept() { walk_kept "$1"; }
steps() { sed -n 's/^leadup: counts: .*, \([0-9]*\) sqlite steps$/\1/p' "$1.err"; }
same() { diff "$1.tags" "$2.tags" && diff "$1.state" "$2.state"; }
setting() { printf '[awaiting]\nfirst=%s\n' "$1" >"$XDG_CONFIG_HOME/leadup/config"; }
rows() { sqlite3 "$DB" "SELECT count(*) FROM walked"; }
# compare NAME VAR [OPTION]: the scan, then the same scan of copies of the same databases
# with VAR=1 set: the same tags and state
compare() {
	_c=$1 && _v=$2 && shift 2 && rm -rf both && mkdir both && cp -a "$MAIL/.notmuch" both/nm &&
		cp -a "$STATE_DIR" both/state && scan "$_c" "$@" && rm -rf "$MAIL/.notmuch" "$STATE_DIR" &&
		cp -a both/nm "$MAIL/.notmuch" && cp -a both/state "$STATE_DIR" &&
		(export "$_v=1" && scan "$_c-x" "$@") &&
		same "$_c" "$_c-x"
}

t 'the first full scan walks notmuch and keeps the walk' '
	scan first --full && test "$(kept first)" = 0 && test "$(rows)" = 8'
t 'a settings change: the records it changes written in place, the same as written whole' '
	setting 1 && compare s1 LEADUP_DEBUG_WALK_WHOLE && test "$(kept s1)" = 8 &&
	test "$(kept s1-x)" = 8 && ! cmp -s first.tags s1.tags && test "$(steps s1)" -lt "$(steps s1-x)"'
t 'nothing changed: scan --full writes no record, the same as written whole' '
	compare w1 LEADUP_DEBUG_WALK_WHOLE --full && test "$(kept w1)" = 8 &&
	test "$(steps w1)" -lt "$(steps w1-x)"'
t 'the settings changed back: the kept walk as a walk of notmuch keeps it' '
	setting 3 && compare s2 LEADUP_DEBUG_NO_KEPT_WALK && test "$(kept s2)" = 8 &&
	test "$(kept s2-x)" = 0'
t 'a file renamed (a maildir flag): the walk kept names the file as it is' '
	mv "$MAIL/inbox/cur/often12@example.org:2,S" "$MAIL/inbox/cur/often12@example.org:2,RS" &&
	index && compare r1 LEADUP_DEBUG_NO_KEPT_WALK --full && test "$(kept r1)" = 7 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked WHERE instr(msgs, CAST('"'"'often12@example.org:2,RS'"'"' AS BLOB))")" = 1 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked WHERE instr(msgs, CAST('"'"'often12@example.org:2,S'"'"' AS BLOB))")" = 0 &&
	setting 1 && compare r2 LEADUP_DEBUG_WALK_WHOLE && test "$(kept r2)" = 8'
t 'a message removed: notmuch walked, its row gone from the walk kept' '
	rm "$MAIL/inbox/cur/often16@example.org:2,S" && index &&
	compare d1 LEADUP_DEBUG_NO_KEPT_WALK --full && test "$(kept d1)" = 0 && test "$(rows)" = 7 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked WHERE instr(msgs, CAST('"'"'often16@'"'"' AS BLOB))")" = 0 &&
	setting 3 && compare d2 LEADUP_DEBUG_WALK_WHOLE && test "$(kept d2)" = 7'
done_testing
