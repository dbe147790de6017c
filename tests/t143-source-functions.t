#!/bin/sh
# The source keeps its own rules (DEVELOPERS.md, Conventions): no function in
# helper/ is over 100 lines.  clang-format puts a function's braces alone in
# the first column, so a body runs from a line "{" to the next line "}".
. "$(dirname "$0")/lib.sh"
LONG='
/^[A-Za-z_].*\(/ { name = $0 }
/^\{/ { start = FNR; fn = name }
/^\}/ && start {
	if (FNR - start + 1 > max)
		printf "%s:%d: %s: %d lines (over %d)\n", FILENAME, start, fn, FNR - start + 1, max
	start = 0
}'
long() { awk -v max=100 "$LONG" "$@"; }
t 'the check finds a function of 101 lines, not one of 100' '
	{ echo "static int f(void)"; echo "{"; i=0
	  while [ $i -lt 98 ]; do echo "    x();"; i=$((i + 1)); done; echo "}"; } >ok.c &&
	{ echo "static int g(void)"; echo "{"; i=0
	  while [ $i -lt 99 ]; do echo "    x();"; i=$((i + 1)); done; echo "}"; } >over.c &&
	test -z "$(long ok.c)" && long over.c | grep -q "^over.c:2: static int g(void): 101 lines"'
t 'no function in helper/ is over 100 lines' '
	cd "$ROOT/helper" && ls *.c >/dev/null && out=$(long *.c *.cc) && { test -z "$out" || { echo "$out"; false; }; }'
done_testing
