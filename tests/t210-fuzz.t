#!/bin/sh
# A brief libFuzzer pass: every harness in tests/fuzz/ is built (clang,
# ASan+UBSan) and runs FUZZ_T210_SECONDS (10) from the small seed corpus;
# any crash, sanitizer report or input slower than 1 s fails.  Inputs are
# capped at 4 KB here: classify's pattern matcher is still quadratic on long
# lines (issue 12, item 1), which `make fuzz` (256 KB inputs) reports.
# Longer runs: make fuzz FUZZ_SECONDS=N.  A crash's input is printed in
# base64 beside the failure (the test's directory, where libFuzzer wrote
# it, is removed at its end): `base64 -d` it and give it to the harness.
. "$(dirname "$0")/lib.sh"
# skip_all fails instead under CI=true: CI must fuzz.
command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1 || skip_all "clang is not installed (scripts/deps)"
[ -d "$ROOT/../shared/corpora" ] || skip_all "no ../shared/corpora"
t 'the harnesses build' 'make -s -C "$ROOT" fuzz-build >build.log 2>&1 || { tail -n 20 build.log; false; }'
for h in "$ROOT"/tests/fuzz/fuzz-*.c; do
	name=$(basename "$h" .c)
	t "$name runs ${FUZZ_T210_SECONDS:-10} s without a crash or a timeout" '
		FUZZ_OUT=$TMP/fuzz FUZZ_SEEDS=small FUZZ_MAX_LEN=4096 FUZZ_REPLAY=0 \
			"$ROOT/tests/fuzz/run" "${FUZZ_T210_SECONDS:-10}" "$ROOT/build-fuzz/$name" >run.out 2>&1
		rc=$?; cat run.out
		for f in "$TMP"/fuzz/artifacts/"${name#fuzz-}"-*; do
			[ -f "$f" ] && { echo "artifact ${f##*/} ($(wc -c <"$f") bytes), base64:"; base64 "$f"; }
		done
		[ $rc -eq 0 ] && grep -q "^fuzz .*: [1-9][0-9]* executions, 0 crashes" run.out'
done
done_testing
