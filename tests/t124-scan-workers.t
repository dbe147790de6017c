#!/bin/sh
# The full scan on worker threads (issue 14, "use both cores"): the workers
# read and analyse the messages while the main thread reads notmuch and
# decides in the walk's order, so the tags and the state database are the
# same whatever the number of threads and however they are scheduled.  A
# gen-corpus mailbox is scanned from the same start (the notmuch database
# copied back, no state) with one thread and with several; the summary line
# says how many workers read how many messages ahead, so a run that quietly
# fell back to one thread fails.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world me@example.net
generated 2000 3
index
NOW=2026-11-23T09:00:00+00:00
pristine # start: the notmuch database as indexed (no leadup tag), no state
# scan NAME JOBS [ARGS]: LEADUP_JOBS=JOBS lu scan ARGS, its stderr in NAME.err, then dump NAME.
scan() {
	_n=$1 _j=$2
	shift 2
	LEADUP_JOBS=$_j lu scan "$@" 2>"$_n.err" && cat "$_n.err" && state_dump "$_n"
}
same() { cmp "$1.tags" "$2.tags" && cmp "$1.state" "$2.state"; }
# ahead ERR: the messages the workers read ahead, by the summary line.
ahead() { sed -n 's/.*; \([0-9]*\) worker threads read \([0-9]*\) messages ahead.*/\1 \2/p' "$1"; }

t 'one thread reads everything itself, and says nothing of workers' '
	start && scan one 1 --full && ! grep -q "worker" one.err &&
	test "$(wc -l <one.tags)" -ge 2000 && grep -q "leadup%2fawaiting" one.tags &&
	test "$(grep -c "^" one.state)" -gt 2000'
t 'four workers read ahead (the summary line counts them) and give the same tags and state' '
	start && scan four 4 --full && set -- $(ahead four.err) &&
	test "$1" = 4 && test "$2" -gt 1500 && same one four'
t '--jobs beats LEADUP_JOBS: two workers, the same again' '
	start && scan two 1 --full --jobs 2 && set -- $(ahead two.err) &&
	test "$1" = 2 && test "$2" -gt 1500 && same one two'
# (An incremental scan also reads the first message of each thread for
# broken threading: its state has more rows than a --full one's.)
t 'the first scan after install (no state, not --full) uses them too' '
	start && scan first1 1 && start && scan first3 3 &&
	test "$(ahead first3.err | cut -d" " -f1)" = 3 && same first1 first3'
# A settings change decides every thread again from the analysis cache:
# the workers analyse the cached text, nothing is parsed.
cp -a "$MAIL/.notmuch" "$TMP/scanned.nm" && cp -a "$STATE_DIR" "$TMP/scanned.state"
again() { rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/scanned.nm" "$MAIL/.notmuch" &&
	cp -a "$TMP/scanned.state" "$STATE_DIR"; }
printf '[awaiting]\nfirst = 5\ninterval = 9\n' >"$XDG_CONFIG_HOME/leadup/config"
t 'after a settings change: from the cache, with workers as with one thread' '
	again && scan set1 1 && again && scan set3 3 &&
	grep -q "(0 messages read" set1.err && grep -q "(0 messages read" set3.err &&
	test "$(ahead set3.err | cut -d" " -f2)" -gt 1500 && same set1 set3 &&
	! cmp -s one.tags set1.tags'
t 'a bad LEADUP_JOBS or --jobs is a usage error, and nothing changes' '
	again && for j in 0 -1 x 65 ""2x; do
		LEADUP_JOBS=$j lu scan --full 2>err; test $? = 64 && grep -q "LEADUP_JOBS" err || exit 1
	done &&
	lu scan --full --jobs 0 2>err; test $? = 64 && grep -q "jobs" err &&
	cmp "$TMP/scanned.state/state.db" "$DB"'
done_testing
