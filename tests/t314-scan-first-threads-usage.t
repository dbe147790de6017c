#!/bin/sh
# A first full scan's threads (issue 14, s41-first): the main thread
# waits for a job the workers finished without taking the pool's lock,
# and a worker signals the end of the one job the main thread waits for,
# not every job's (the main thread blocked ~5,000 times at 10,000
# messages for 61 real waits).  Neither changes a result: the tags and
# every state table are those of one thread, whatever the workers'
# priority (so whatever the order the jobs end in), run after run.
# LEADUP_DEBUG_TIMELINE prints each thread's getrusage as it ends (user
# and system microseconds, faults, switches): the bench's split of the
# CPU time by thread.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world me@example.net
generated 1200 11
index
NOW=2026-11-23T09:00:00+00:00
pristine
# usage ERR WHAT: the lines of WHAT's usage (tid user sys minflt majflt nvcsw nivcsw WHAT)
usage() { grep "^timeline-usage [0-9]* [0-9]* [0-9]* [0-9]* [0-9]* [0-9]* [0-9]* $2\$" "$1"; }

t 'one thread: the reference' '
	first_scan one 1 && test "$(grep -c "leadup%2f" one.tags)" -gt 20'
t 'two workers, run after run: the same tags and state as one thread' '
	for i in 1 2 3; do
		first_scan two$i 2 && cmp one.tags two$i.tags && cmp one.state two$i.state || return 1
	done'
t 'the workers at the main thread'\''s priority, or far below it: the same' '
	for n in 0 19; do
		start && LEADUP_JOBS=2 LEADUP_DEBUG_WORKER_NICE=$n lu scan --full && state_dump nice$n &&
			cmp one.tags nice$n.tags && cmp one.state nice$n.state || return 1
	done'
t 'the timeline gives each thread'\''s usage as it ends: two workers, the tag writer, the rows (on the main thread beside the writer'\''s end), the main thread' '
	start && LEADUP_JOBS=2 LEADUP_DEBUG_TIMELINE=1 lu scan --full 2>tl.err && state_dump tl &&
	cmp one.tags tl.tags && cmp one.state tl.state &&
	test "$(usage tl.err worker | wc -l)" -eq 2 && test "$(usage tl.err rows | wc -l)" -eq 1 &&
	test "$(usage tl.err "main: walked" | wc -l)" -eq 1 &&
	test "$(usage tl.err "tags: the writer" | wc -l)" -eq 1 &&
	test "$(usage tl.err main | wc -l)" -eq 1 &&
	test "$(usage tl.err worker | cut -d" " -f2 | sort -u | wc -l)" -eq 2 &&
	main=$(usage tl.err main | cut -d" " -f2) && test "$(usage tl.err "main: walked" | cut -d" " -f2)" = "$main" &&
	! usage tl.err worker | cut -d" " -f2 | grep -qx "$main" &&
	test "$(usage tl.err rows | cut -d" " -f2)" = "$main" &&
	! usage tl.err "tags: the writer" | cut -d" " -f2 | grep -qx "$main" &&
	test "$(grep -c "^timeline-usage " tl.err)" -eq 6'
t 'the main thread'\''s times only grow from phase to phase' '
	for f in 3 4; do
		a=$(usage tl.err "main: walked" | cut -d" " -f$f) && b=$(usage tl.err rows | cut -d" " -f$f) &&
		c=$(usage tl.err main | cut -d" " -f$f) && test "$a" -le "$b" && test "$b" -le "$c" || return 1
	done'
t 'without the timeline, no usage printed' '
	start && LEADUP_JOBS=2 lu scan --full 2>quiet.err && ! grep -q "timeline" quiet.err'
done_testing
