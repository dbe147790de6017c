#!/bin/sh
# The full walk's set of messages written to nobody of mine (scan.c
# not_to_me, filled from the index's to: terms) loses a thread's entries
# once the thread is decided (issue 14): the walk asks for them only while
# the thread waits, and the set held every such message until the walk
# ended (7.6 MB of the 67 MB peak at 300,000).  A thread met again in a
# later date slice (walked already) adds none.  LEADUP_DEBUG_COUNTS prints
# the entries added, the most held at once and those left at the walk's
# end: none left, with one slice, with slices of 4 messages, with workers
# reading ahead or none; the tags and the state as reading every file
# (LEADUP_DEBUG_READ_NOT_MINE, which fills no set).  Counted, never timed.
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00

world me@example.net
generated 600 5
index
pristine
# scan NAME [VAR=VALUE...]: the first full scan from the pristine index,
# counted into NAME.err; then state_dump NAME.
scan() {
	_n=$1 && shift && start &&
		env "$@" LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --full 2>"$_n.err" &&
		state_dump "$_n"
}
# set NAME: "ADDED MOST LEFT" from its counts.
set_counts() {
	sed -n "s/^leadup: the walk's not-to-me set: \([0-9]*\) added, at most \([0-9]*\) held, \([0-9]*\) left at the walk's end$/\1 \2 \3/p" "$1.err"
}
# items NAME: NAME.state but the analysis cache's rows, the kept walk and
# meta (the files the other way read, its marks WALK_NOT_TO_ME)
items() { awk '/^== /{skip = ($2 == "analyses" || $2 == "walked" || $2 == "meta")} !skip' "$1.state" >"$1.items"; }

t 'one slice: the set fills, and is empty when the walk ends' '
	scan one && set -- $(set_counts one) && echo "one: $*" && test "$1" -gt 100 && test "$3" = 0 &&
	test "$(debug_counted one.err "threads left unread, written to nobody of mine by the index")" -gt 0'
t 'slices of 4 messages, no workers: it never holds more than a few threads of them' '
	scan four LEADUP_DEBUG_SLICE=4 LEADUP_JOBS=1 && set -- $(set_counts four) && echo "four: $*" &&
	grep "date slices" four.err && test "$1" = "$(set_counts one | cut -d" " -f1)" &&
	test "$2" -le 40 && test "$3" = 0'
t 'threads met again in a later slice add nothing: none left, with workers too' '
	scan ahead LEADUP_DEBUG_SLICE=4 LEADUP_JOBS=2 && set -- $(set_counts ahead) && echo "ahead: $*" &&
	grep -q "threads met again" ahead.err &&
	test "$(sed -n "s/.*messages in one, \([0-9]*\) threads met again$/\1/p" ahead.err)" -gt 0 &&
	test "$1" = "$(set_counts one | cut -d" " -f1)" && test "$3" = 0'
t 'the same tags and state each way, and as reading every file' '
	scan all LEADUP_DEBUG_READ_NOT_MINE=1 && test "$(set_counts all)" = "0 0 0" &&
	for k in one four ahead all; do items $k || return 1; done &&
	cmp one.tags four.tags && cmp one.tags ahead.tags && cmp one.tags all.tags &&
	cmp one.items four.items && cmp one.items ahead.items && cmp one.items all.items'
done_testing
