#!/bin/sh
# A first full scan writes its tags during its walk (issue 14, s42-first;
# tagwriter.c, scan.c tags_walk_start): a thread of its own, with a
# notmuch handle of its own, applies each batch of the walk's planned
# tag writes inside one atomic section that commits after the walk.  The
# tags and every state table are those of the writes after the walk
# (LEADUP_DEBUG_TAGS_AFTER=1), whatever the batches; a later full scan,
# and a first one of more messages than TAGS_WALK_MOST, write after the
# walk, as before; killed during the walk, notmuch holds
# none of the section's tags (nothing committed), the state is whole and
# the next scan converges.
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world me@example.net
generated 1500 13
index
NOW=2026-11-23T09:00:00+00:00
pristine
# batches ERR: the tag batches written during the walk, as counted
batches() { sed -n 's/^leadup: tag batches written during the walk: \([0-9]*\)$/\1/p' "$1"; }

t 'the tags written after the walk, as before (the reference): no batch during it' '
	start && LEADUP_JOBS=2 LEADUP_DEBUG_TAGS_AFTER=1 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>after.err &&
	state_dump after && test "$(grep -c "leadup%2f" after.tags)" -gt 20 &&
	test "$(batches after.err)" = 0'
t 'a first full scan writes them during the walk: the same tags and state' '
	start && LEADUP_JOBS=2 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>during.err && state_dump during &&
	cmp after.tags during.tags && cmp after.state during.state && test "$(batches during.err)" -ge 1'
t 'one operation a batch, or seven, with one worker or two: the same' '
	for b in 1 7; do for j in 1 2; do
		start && LEADUP_JOBS=$j LEADUP_DEBUG_TAGS_BATCH=$b LEADUP_DEBUG_COUNTS=1 \
			lu scan --full 2>b$b.$j.err && state_dump b$b.$j &&
			cmp after.tags b$b.$j.tags && cmp after.state b$b.$j.state &&
			test "$(batches b$b.$j.err)" -gt 20 || return 1
	done; done'
t 'a later full scan (the state not empty) writes after its walk, the same as before' '
	LEADUP_JOBS=2 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>again.err && state_dump again &&
	test "$(batches again.err)" = 0 &&
	start && LEADUP_JOBS=2 LEADUP_DEBUG_TAGS_AFTER=1 lu scan --full && LEADUP_JOBS=2 lu scan --full &&
	state_dump again_after && cmp again_after.tags again.tags && cmp again_after.state again.state'
t 'an index past the most messages (TAGS_WALK_MOST) writes after its walk: the same' '
	start && LEADUP_JOBS=2 LEADUP_DEBUG_TAGS_WALK_MOST=1499 LEADUP_DEBUG_COUNTS=1 \
		lu scan --full 2>most.err && state_dump most && test "$(batches most.err)" = 0 &&
	cmp after.tags most.tags && cmp after.state most.state &&
	start && LEADUP_JOBS=2 LEADUP_DEBUG_TAGS_WALK_MOST=1500 LEADUP_DEBUG_COUNTS=1 \
		lu scan --full 2>most2.err && test "$(batches most2.err)" -ge 1'
# killed at a worker'\''s 500th openat (strace counts each thread'\''s calls):
# the walk under way, a batch of one operation written (the timeline says)
t 'killed during the walk: no tag of the section in notmuch, the state whole, the next scan converges' '
	start && { LEADUP_JOBS=2 LEADUP_DEBUG_TAGS_BATCH=1 LEADUP_DEBUG_TIMELINE=1 strace -f -o /dev/null \
		-e trace=openat -e inject=openat:signal=KILL:when=500 "$LEADUP" --now "$NOW" scan --full \
		--quiet >/dev/null 2>killed.err; echo $? >killed.rc; } && test "$(cat killed.rc)" -eq 137 &&
	grep -q " tags: first batch applied$" killed.err && ! grep -q " scan: walked$" killed.err &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM analyses")" -gt 0 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM items")" -eq 0 &&
	test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok &&
	notmuch dump --include=tags >killed.tags && ! grep -q "leadup%2f" killed.tags &&
	LEADUP_JOBS=2 lu scan --full --quiet && state_dump killed &&
	cmp after.tags killed.tags && cmp after.state killed.state'
done_testing
