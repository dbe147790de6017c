#!/bin/sh
# A short run leaves sqlite's write-ahead log for the next command (issue
# 14): no checkpoint and no fsync at its close while the log holds at most
# 64 pages; past that the close checkpoints and deletes it as before.  Two
# worlds of the same mail take the same steps, one leaving its log (kept),
# one checkpointed after every command (ckpt, the old close): the same
# tags, queue and state after each step, the kept world's state read from a
# copy so that the reading does not checkpoint it.  A log lost with the
# power before it reached the disk (deleted here, with its index) loses no
# decision (the journal, synced before the database is written, brings it
# back) and the next scan writes the lost rows again: the same tags, queues,
# items and decisions (the caches may differ: the kept walk brought forward
# past the lost revision, a count's row of 0).
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00
LIMIT=$((32 + 64 * (4096 + 24))) # store.c WAL_KEEP_BYTES

home() { home_world "$1"; }
home kept && world &&
	ask q1@example.com 'Ann <ann@a.example>' 'Figures' &&
	ask q2@example.com 'Bob <bob@b.example>' 'More figures' &&
	ask q3@example.com 'Cid <cid@c.example>' 'Even more figures' &&
	index && lu scan --full --quiet &&
	sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null # the full scan's log checkpointed: both start alike
cp -a "$TMP/kept" "$TMP/ckpt" && sed -i "s#$TMP/kept#$TMP/ckpt#" "$TMP/ckpt/.notmuch-config"

wal() { stat -c %s "$DB-wal" 2>/dev/null || echo 0; } # wal: the log's size, 0 when none
# look WORLD STEP: the world's tags, queue and state (of a copy of its state
# directory, read by sqlite3, whose close checkpoints the copy only)
look() {
	home $1 && rm -rf "$TMP/peek" && cp -a "$XDG_DATA_HOME/leadup" "$TMP/peek" &&
		{ lu queue --format=json && lu queue --format=json snoozed && lu queue --format=json awaiting &&
			lu queue --format=json needs-reply; } >"$TMP/q.$1.$2" &&
		(DB=$TMP/peek/state.db && state_dump "$TMP/$1.$2")
}
# both STEP CMD...: CMD in each world (ckpt: then checkpointed), then look
both() {
	_s=$1 && shift &&
		home kept && "$@" && look kept $_s &&
		home ckpt && "$@" && sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null && test "$(wal)" = 0 && look ckpt $_s
}
# own WORLD STEP [TABLES]: its state as state_same compares it, but each
# decision's journal key (random: the worlds took their decisions apart);
# TABLES (a pattern): those tables only
own() {
	state_own "$TMP/$1.$2.state" | sed -E 's/\|[0-9a-f]{8}-[0-9a-f-]{27}$/|KEY/' |
		awk -v only="${3:-.}" '/^== / { on = ($2 ~ ("^(" only ")$")) } on' >"$TMP/$1.$2.own"
}
same() { # same STEP [TABLES]: the two worlds agree after STEP (tags, queues, the state or its TABLES)
	own kept "$1" "${2:-}" && own ckpt "$1" "${2:-}" && diff "$TMP/kept.$1.tags" "$TMP/ckpt.$1.tags" &&
		diff "$TMP/kept.$1.own" "$TMP/ckpt.$1.own" && diff "$TMP/q.kept.$1" "$TMP/q.ckpt.$1"
}
quiet() { "$@" >/dev/null; }
reply() { # reply ID PARENT: Ann's answer, indexed
	msg inbox "$1" 'Ann <ann@a.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 09:00:00 +0000' \
		'Re: Figures' "$2" <<'EOF' && index
Here they are. Could you confirm the totals by Friday?
EOF
}

t 'a decision leaves the log, and the next command reads the decision from it' '
	both snooze quiet lu snooze 3d id:q1@example.com && home kept &&
	test "$(wal)" -gt 0 && test "$(wal)" -le "$LIMIT" &&
	grep -q "\"q1@example.com\"" "$TMP/q.kept.snooze" && expect_tags q1@example.com leadup/snoozed && same snooze'
t 'a reply and the scan after it: the same tags, queue and state' '
	both reply reply r2@a.example q2@example.com && both scan lu scan --quiet && same scan &&
	home kept && test "$(wal)" -gt 0 && expect_tags r2@a.example "leadup/due leadup/needs-reply"'
t 'an undo: the same' '
	both undo quiet lu undo id:q1@example.com && same undo'
t 'the log lost after a decision: the journal brings the decision back' '
	both snooze2 quiet lu snooze 5d id:q3@example.com && home kept && test "$(wal)" -gt 0 &&
	rm -f "$DB-wal" "$DB-shm" && look kept lost && ! diff -q "$TMP/kept.lost.state" "$TMP/kept.snooze2.state" &&
	both again lu scan --quiet && same again "items|decisions" && expect_tags q3@example.com leadup/snoozed'
t 'the log lost after a scan: the next scan writes the lost rows again' '
	home kept && reply r3@a.example q3@example.com && lu scan --quiet && rm -f "$DB-wal" "$DB-shm" &&
	home ckpt && reply r3@a.example q3@example.com && lu scan --quiet &&
	both rescan lu scan --quiet && same rescan "items|decisions" && expect_tags r3@a.example "leadup/due leadup/needs-reply"'
t 'runs after runs: the log never past the limit and one run, checkpointed and deleted past it' '
	home kept && max=0 && gone=0 && i=0 &&
	while [ $i -lt 30 ]; do
		for cmd in "snooze 3d" undo; do
			quiet lu $cmd id:q2@example.com || exit 1
			w=$(wal) && [ "$w" -gt "$max" ] && max=$w
			[ "$w" = 0 ] && gone=$((gone + 1))
		done
		i=$((i + 1))
	done
	echo "largest log $max bytes, deleted $gone times" &&
	test "$max" -le $((LIMIT + 16 * 4120)) && test "$gone" -ge 1 &&
	test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok'
done_testing
