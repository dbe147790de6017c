#!/bin/sh
# A scan's tag writes run on a thread of their own while the main thread
# writes the state's rows that owe them nothing (scan.c
# scan_write_and_save; issue 14, s38-wall); the state commits only after
# notmuch has.  LEADUP_DEBUG_TAGS_INLINE runs them one after the other, as
# before: the same tags and state.  Killed while both run (at the first
# fdatasync of Xapian's commit: the tags written, the state's transaction
# open) or at the state's commit (its last write to the WAL): the state database is intact, notmuch
# opens, and the next full scan converges to the uninterrupted run's tags
# and state.  A statement journal larger than the spill (120 KB: the
# walk's records moved into walked, on a first scan of 1,500 messages)
# goes to its file and the scan succeeds (at 1 MB, sqlite wrote the whole
# chunk in one call, which its unix layer refused as SQLITE_FULL).
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
NOW=2026-11-23T09:00:00+00:00
"$ROOT/scripts/gen-corpus" "$MAIL/gen" 1500 5 >/dev/null 2>&1 && index
pristine
XAPIAN=$MAIL/.notmuch/xapian

t 'a first full scan with the tags written beside the rows (the reference)' '
	start && lu scan --full --quiet && state_dump ref &&
	test "$(grep -c "leadup%2f" ref.tags)" -gt 20'
t 'the same tags and state with the tags written first, then the rows' '
	start && LEADUP_DEBUG_TAGS_INLINE=1 lu scan --full --quiet && state_dump inline &&
	cmp ref.tags inline.tags && cmp ref.state inline.state'
# killed NAME FILE SYSCALL N: a first full scan from start, SIGKILLed at the
# Nth SYSCALL on FILE; then the checks and the next scan's convergence
killed() {
	start && { strace -f -o /dev/null -P "$2" -e trace="$3" -e inject="$3":signal=KILL:when="$4" \
		"$LEADUP" --now "$NOW" scan --full --quiet >/dev/null 2>&1; echo $? >"$1.rc"; } &&
	test "$(cat "$1.rc")" -eq 137 &&
	{ test ! -e "$DB" || test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok; } &&
	notmuch count "*" >/dev/null &&
	lu scan --full --quiet && state_dump "$1" && cmp ref.tags "$1.tags" && cmp ref.state "$1.state"
}
t 'killed at the first fdatasync of notmuch commit: intact, and the next scan converges' '
	killed xapian "$XAPIAN/postlist.glass" fdatasync 1'
# strace counts an injection'''s calls per thread: the rows''' thread writes
# most of the log (their pages flushed there, beside the tag writes), the
# commit is the main thread'''s, so its count is the main thread'''s alone (the
# thread of the last write; strace pads a short pid with spaces).
t 'killed at the state commit (its last write to the WAL): intact, and the next scan converges' '
	start && strace -f -o wal.calls -P "$DB-wal" -e trace=pwrite64 \
		"$LEADUP" --now "$NOW" scan --full --quiet &&
	main=$(awk "/pwrite64/ { p = \$1 } END { print p }" wal.calls) &&
	last=$(awk -v p="$main" "\$1 == p && \$2 ~ /^pwrite64/" wal.calls | wc -l) && test "$last" -ge 1 &&
	killed commit "$DB-wal" pwrite64 "$last"'
done_testing
