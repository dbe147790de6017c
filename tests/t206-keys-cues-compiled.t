#!/bin/sh
# The packs' cue patterns are compiled when leadup is built (issue 14),
# counted, not timed (LEADUP_DEBUG_COUNTS: "cue patterns compiled: N").
# Every command that reads a sentence compiled all of them (524) at start,
# a quarter of the instructions of a why or a draft at 300,000 messages;
# helper/gen/cue-gen now writes them as C data (helper/cue-table.h) and a
# key compiles none.  The labels they find are the same (t020 compares the
# table with the compiler, pattern by pattern).
. "$(dirname "$0")/lib.sh"
world
ask ask@example.com 'Ann <ann@a.example>' 'Figures'
scanned
# compiled NAME ARGS...: leadup ARGS, its output in NAME, then the patterns it compiled
compiled() {
	name=$1 && shift && LEADUP_DEBUG_COUNTS=1 lu "$@" >"$name" 2>"$name.err" &&
		sed -n 's/^leadup: cue patterns compiled: \([0-9]*\)$/\1/p' "$name.err"
}

t 'why reads the question and compiles no pattern' '
	test "$(compiled w why id:ask@example.com)" = 0 &&
	grep -q "request: " w'
t 'draft compiles none' '
	test "$(compiled d draft id:ask@example.com)" = 0 && grep -q "^Subject: " d'
t 'lint finds the chasing and compiles none' '
	printf "Just checking in again, any update?\n" >text &&
	{ LEADUP_DEBUG_COUNTS=1 lu lint --text <text >l 2>l.err; test $? = 1; } &&
	grep -q chasing l && grep -qx "leadup: cue patterns compiled: 0" l.err'
# The table is the one the generator writes from these packs (make keeps
# it so; a stale one would be the old packs' patterns).
if [ -x "$ROOT/helper/gen/cue-gen" ] && [ -f "$ROOT/helper/cue-table.h" ]; then
	t 'the table is what the generator writes now' '
		"$ROOT/helper/gen/cue-gen" >table && cmp table "$ROOT/helper/cue-table.h"'
fi
done_testing
