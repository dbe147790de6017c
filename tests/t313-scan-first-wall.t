#!/bin/sh
# A first full scan's wall time on two cores (issue 14, s40-first): the
# worker threads run at a lower priority than the main thread (nice +10,
# per thread: the main thread reads notmuch and decides every thread in
# order, the critical path); the rows' thread checkpoints what the walk
# committed and moves the kept walk's records beside the tag writes, and
# the tag writes go in document order.  None of it changes a result: the
# tags and every state table are those of the scan with all three undone
# (LEADUP_DEBUG_WORKER_NICE=0, LEADUP_DEBUG_APPLY_IN_ORDER=1, and the
# tags and rows one after the other, LEADUP_DEBUG_TAGS_INLINE=1; a first
# scan's tags are written during its walk on a thread of their own,
# s42-first: their marks "tags: ..." are that thread's), and the
# kept walk replays.  LEADUP_DEBUG_TIMELINE prints each phase's times by
# thread, in order.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world me@example.net
generated 1500 7
index
NOW=2026-11-23T09:00:00+00:00
pristine
# timeline ERR: the phases the main thread marked, in order, one a line
timeline() { sed -n 's/^timeline [0-9]* [0-9]* [0-9]* [0-9]* -\{0,1\}[0-9]* \(.*\)$/\1/p' "$1"; }

t 'the timeline marks a first full scan'\''s phases in order, each with its times' '
	start && LEADUP_JOBS=2 LEADUP_DEBUG_TIMELINE=1 lu scan --full 2>tl.err && state_dump ref &&
	test "$(grep -c "^timeline " tl.err)" -ge 20 &&
	! grep "^timeline " tl.err | grep -qv "^timeline [0-9]* [0-9]* [0-9]* [0-9]* -\{0,1\}[0-9]* [a-z]*: " &&
	timeline tl.err | grep -v "^worker: \|^rows: \|^tags: " >phases &&
	printf "%s\n" "main: options read" "scan: begins" "scan: opened" "scan: query made" \
		"walk: workers started" "walk: first job" "walk: first decision" "walk: notmuch read" \
		"walk: last thread decided" "walk: workers stopped" "scan: walked" \
		"save: read handle closed" "save: trimmed" "save: tag writer joined" \
		"save: rows joined" "meta: senders saved" "meta: walk kept" \
		"meta: kmsgs saved" "meta: set" "scan: saved" "scan: cleared" "scan: state closed" \
		"main: command done" "main: returns" >want && diff want phases &&
	timeline tl.err | grep -q "^rows: checkpointed$" && timeline tl.err | grep -q "^rows: written$" &&
	timeline tl.err | grep "^tags: " >tags &&
	printf "%s\n" "tags: writer open" "tags: first batch applied" "tags: applied" "tags: notmuch closed" >want && diff want tags &&
	grep -q "^timeline-sums worker_idle [0-9]* ns [0-9]* waits; main_wait [0-9]* ns [0-9]* waits$" tl.err'
t 'without it, nothing of it is printed' '
	start && LEADUP_JOBS=2 lu scan --full 2>quiet.err && ! grep -q "timeline" quiet.err'
t 'the workers run at nice +10 over the main thread; LEADUP_DEBUG_WORKER_NICE sets it' '
	main=$(cut -d" " -f19 /proc/self/stat) && ten=$((main + 10)) && three=$((main + 3)) &&
	{ test "$ten" -le 19 || ten=19; } && { test "$three" -le 19 || three=19; } &&
	test "$(timeline tl.err | grep -c "^worker: stops (nice $ten)$")" -eq 2 &&
	start && LEADUP_JOBS=2 LEADUP_DEBUG_WORKER_NICE=0 LEADUP_DEBUG_TIMELINE=1 lu scan --full 2>n0.err &&
	test "$(timeline n0.err | grep -c "^worker: stops (nice $main)$")" -eq 2 &&
	start && LEADUP_JOBS=2 LEADUP_DEBUG_WORKER_NICE=3 LEADUP_DEBUG_TIMELINE=1 lu scan --full 2>n3.err &&
	test "$(timeline n3.err | grep -c "^worker: stops (nice $three)$")" -eq 2'
t 'the same tags and state with the workers as the main thread, the tags in the scan'\''s order, one after the other' '
	start && LEADUP_JOBS=2 LEADUP_DEBUG_WORKER_NICE=0 LEADUP_DEBUG_APPLY_IN_ORDER=1 \
		LEADUP_DEBUG_TAGS_INLINE=1 lu scan --full && state_dump before &&
	cmp ref.tags before.tags && cmp ref.state before.state &&
	test "$(grep -c "leadup%2f" ref.tags)" -gt 20'
t 'the walk kept beside the tag writes is replayed by the next walk of every thread' '
	start && LEADUP_JOBS=2 lu scan --full && state_dump kept &&
	cmp ref.tags kept.tags && cmp ref.state kept.state &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked")" -gt 100 &&
	sqlite3 "$DB" "SELECT value FROM meta WHERE key = '\''walked'\''" | grep -q . &&
	printf "[awaiting]\ninterval = 8\n" >>"$XDG_CONFIG_HOME/leadup/config" &&
	LEADUP_DEBUG_COUNTS=1 lu scan 2>replay.err &&
	test "$(walk_kept replay)" -gt 100 && test "$(walk_again replay)" = 0'
# (the close leaves a log of at most 64 pages for the next run: store.c close_keeps_wal)
t 'the state is whole after the checkpoint beside the tag writes, its log short at the close' '
	start && LEADUP_JOBS=2 lu scan --full &&
	test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok &&
	{ test ! -e "$DB-wal" || test "$(stat -c %s "$DB-wal")" -le $((32 + 64 * (4096 + 24))); }'
done_testing
