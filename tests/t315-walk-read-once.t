#!/bin/sh
# The full walk reads each message from Xapian once, however thin its date
# slices (issue 14, s40-exp).  A slice holds at most LU_SLICE_MESSAGES
# messages, so the more mail, the fewer days a slice spans and the more
# threads cross from one slice into the next (at 300,000 synthetic
# messages a slice is about nine days of mail and 41,514 of 138,001 threads
# crossed).  A thread's messages outside its first slice are read with it
# (lu_xcount_rest); their own slice used to read each again, its term
# list inflated, only to drop it (one message in six at 300,000: the
# walk's reads grew 1.05 to 1.19 a message from 10,000 to 300,000).  Now
# a later slice skips those (xapian-count.cc lu_xcount_slice's WALKED).
# Thinner slices (LEADUP_DEBUG_SLICE) stand for more mail here: the
# messages read stay the messages walked, the threads met again are the
# same count, and the tags, the state and the order walked are those of
# one slice and of reading them again (LEADUP_DEBUG_WALK_AGAIN).
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00
world me@example.net
generated 400 7
index
pristine
all=$(notmuch count 'date:@1..')
# walk NAME SLICE [ENV...]: the first full scan (SLICE messages a slice,
# "" the default), counted, dumped.
walk() {
	_n=$1 _s=$2 && shift 2 && start &&
		env ${_s:+LEADUP_DEBUG_SLICE=$_s} "$@" LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --full 2>"$_n.err" &&
		state_dump "$_n"
}
order() { sed -n 's/^leadup: walk order: \([0-9a-f]\{16\}\)$/\1/p' "$1.err"; }
again() { sed -n 's/^leadup: date slices: .* \([0-9]*\) threads met again$/\1/p' "$1.err"; }
same() { test -n "$(order "$1")" && test "$(order "$1")" = "$(order "$2")" && cmp "$1.tags" "$2.tags" && cmp "$1.state" "$2.state"; }
read_x() { debug_counted "$1.err" "walked messages read from Xapian"; }
skipped() { debug_counted "$1.err" "walked messages not read again in their own slice"; }

t 'one slice: every message read once, none skipped' '
	walk one "" && test "$(read_x one)" = "$all" && test "$(skipped one)" = 0'
for s in 40 10 3; do
	t "slices of $s: every message read once, the same tags, state and order as one slice" "
		walk s$s $s && test \"\$(read_x s$s)\" = $all && test \"\$(skipped s$s)\" -gt 0 && same one s$s"
	t "slices of $s, LEADUP_DEBUG_WALK_AGAIN: more read, the same threads met again, tags and state" "
		walk a$s $s LEADUP_DEBUG_WALK_AGAIN=1 && test \"\$(read_x a$s)\" -gt $all &&
		test \"\$(skipped a$s)\" = 0 && test \"\$(again a$s)\" = \"\$(again s$s)\" && same s$s a$s &&
		test \$((\$(read_x a$s) - $all)) = \"\$(skipped s$s)\""
done
t 'the thinner the slices, the more read again without the cut, never with it' '
	test "$(read_x a3)" -gt "$(read_x a40)" && test "$(read_x s3)" = "$(read_x s40)"'
done_testing
