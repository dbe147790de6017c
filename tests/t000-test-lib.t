#!/bin/sh
# The test library itself (git's t0000-basic is the model): a missing
# prerequisite skips a file or a test, but fails under CI=true or with
# LEADUP_TEST_REQUIRE_PREREQ set, in lib.sh, e2e-lib.sh and the C unit
# tests alike; and no test skips by any other path.
. "$(dirname "$0")/lib.sh"

# A tree with the real libraries, and a test file that runs CODE after lib.sh.
mkdir -p tree/tests && ln -s "$ROOT/tests/lib.sh" "$ROOT/tests/e2e-lib.sh" tree/tests/
write_test() { # write_test NAME LIB CODE
	printf '. "$(dirname "$0")/%s"\n%s\n' "$2" "$3" >"tree/tests/$1.t"
}
write_test all lib.sh 'skip_all "no frobnicator"'
write_test one lib.sh 't "a test that runs" true; skip "no frobnicator"; done_testing'
write_test e2e e2e-lib.sh 'e2e_need leadup-no-such-program'
write_test fail lib.sh 't "a test that fails" "echo the reason it failed; false"; done_testing'
# run NAME [VAR=VALUE...]: the file with only the environment given
run() { _f=$1; shift; env -u CI -u LEADUP_TEST_REQUIRE_PREREQ "$@" sh "tree/tests/$_f.t" >out 2>&1; }

t 'skip_all: skips the file (exit 0, a plan of 0)' '
	run all && grep -qx "1..0 # SKIP no frobnicator" out'
t 'skip_all under CI=true: fails and says what is missing' '
	! run all CI=true && grep -q "^Bail out! required prerequisite missing: no frobnicator" out'
t 'skip_all with LEADUP_TEST_REQUIRE_PREREQ=1: fails' '
	! run all LEADUP_TEST_REQUIRE_PREREQ=1 && grep -q "^Bail out!" out'
t 'skip_all with CI=false: skips' 'run all CI=false && grep -q "# SKIP" out'
t 'skip: skips one test, the others run' '
	run one && grep -qx "ok 1 - a test that runs" out && grep -qx "ok 2 # SKIP no frobnicator" out &&
	grep -qx "1..2" out'
t 'skip under CI=true: that test fails, and so does the file' '
	! run one CI=true && grep -qx "not ok 2 - required prerequisite missing: no frobnicator" out'
t 'a failing test: "not ok" on standard output, its output as comments on standard error (prove shows it)' '
	! env -u CI sh tree/tests/fail.t >out 2>err && grep -qx "not ok 1 - a test that fails" out &&
	grep -qx "# the reason it failed" err && ! grep -q "the reason" out'
t 'e2e_need: a missing program skips, and fails under CI=true' '
	run e2e && grep -q "# SKIP leadup-no-such-program is not installed" out &&
	! run e2e CI=true && grep -q "^Bail out!" out'

# GLib reads the zone files from $TZDIR: an empty one is a machine without tzdata.
UNIT=${UNIT_DIR:-$ROOT/tests/unit}
mkdir -p nozones
t 'a C unit test without tzdata skips' '
	env -u CI -u LEADUP_TEST_REQUIRE_PREREQ TZDIR="$TMP/nozones" "$UNIT/cal-test" >out &&
	grep -qx "1..0 # SKIP time zone data (tzdata) is not installed" out'
t 'and fails under CI=true' '
	! env CI=true TZDIR="$TMP/nozones" "$UNIT/cal-test" >out && grep -q "^Bail out!" out &&
	! env CI=true TZDIR="$TMP/nozones" "$UNIT/dates-test" >out && grep -q "^Bail out!" out'

t 'no test skips but through skip_all, skip or tap_skip_all' '
	cd "$ROOT/tests" &&
	! grep -n "# SKIP\|1\.\.0" *.t *.sh unit/*.c fuzz/run | grep -v "^lib.sh:\|^t000-test-lib.t:"'
done_testing
