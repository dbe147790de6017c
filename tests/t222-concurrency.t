#!/bin/sh
# Concurrency (issue 12): hook scans, key decisions and `notmuch new` in
# loops at once.  No decision lost or doubled (a decision that exits 0 is
# stored once, one that exits 75 is not stored), no error but the
# documented EX_TEMPFAIL, and afterwards the tags are those of a full scan.
# CONCURRENCY_ROUNDS rounds per loop (default 20; make stress: 200).
. "$(dirname "$0")/lib.sh"
need_sqlite3
R=${STRESS_ROUNDS:-${CONCURRENCY_ROUNDS:-20}}
world
NOW=2026-11-20T09:00:00+00:00
i=0
while [ "$i" -lt "$R" ]; do
	i=$((i + 1))
	ask "q$i@example.com" "Person $i <p$i@a.example>" "Question $i"
done
index && lu scan --quiet
printf '[scan]\nlock_wait = 5\n' >"$XDG_CONFIG_HOME/leadup/config"
tagdump() { notmuch dump --format=batch-tag -- '*' | grep 'leadup%2f' | sort; }

# The three loops.  Decisions: round i decides on thread i (done, mute,
# snooze, next-step in turn), then the same again (a repeat: still one).
# Every few rounds the other side answers a thread: notmuch new indexes it.
mkdir rc
(i=0; while [ "$i" -lt "$R" ]; do i=$((i + 1))
	lu scan --quiet 2>>scan.err; echo "$?" >>rc/scan; done) &
scans=$!
(i=0; while [ "$i" -lt "$R" ]; do i=$((i + 1))
	case $((i % 4)) in
	0) set -- done ;; 1) set -- mute ;; 2) set -- snooze 2026-12-01 ;; 3) set -- next-step "next friday" send the order ;;
	esac
	lu "$@" "id:q$i@example.com" >/dev/null 2>>decide.err; echo "$i $? $1" >>rc/decide
	lu "$@" "id:q$i@example.com" >/dev/null 2>>decide.err; echo "$i $? $1" >>rc/decide
done) &
decides=$!
(i=0; while [ "$i" -lt "$R" ]; do i=$((i + 1))
	if [ $((i % 5)) = 0 ]; then
		msg inbox "r$i@example.com" "Person $i <p$i@a.example>" 'Me <me@example.com>' 'Tue, 17 Nov 2026 10:00:00 +0000' "Re: Question $i" "q$i@example.com" <<'EOB'
Here they are.
EOB
	fi
	# notmuch's own lock failure is not under test: try again (bounded).
	k=0; until notmuch new --quiet 2>/dev/null; do k=$((k + 1)); [ "$k" -lt 500 ] || break; done
	echo "$k" >>rc/new
done) &
news=$!
wait $scans; wait $decides; wait $news

# A scan reads a read-only snapshot; once writers have committed twice
# meanwhile, Xapian throws DatabaseModifiedError.  libnotmuch 0.37 turns it
# into a freed thread that notmuch_thread_destroy aborts on (talloc: "access
# after free"; _notmuch_thread_create in lib/thread.cc), so nm.c reads
# threads message by message and reopens (DEVELOPERS.md); and an open that
# meets a half-written revision is tried again.  Before: 7 aborts (SIGABRT)
# and 1 exit 69 in 1400 scans at 200 rounds; after: none.
t "$R hook scans: each exits 0 or 75 (EX_TEMPFAIL), nothing else (no abort in libnotmuch)" '
	cat rc/scan | sort | uniq -c; test "$(wc -l <rc/scan)" = "$R" && ! grep -qvx "0\|75" rc/scan'
t "$((R * 2)) decisions: each exits 0 or 75" '
	test "$(wc -l <rc/decide)" = $((R * 2)) && ! awk "\$2 != 0 && \$2 != 75" rc/decide | grep -q .'
t 'no error line but the lock timeout' '
	cat scan.err decide.err; ! grep -v "notmuch database is locked\|locked by another program\|waiting for the notmuch\|try again\|its tag follows" scan.err decide.err | grep -q .'
t 'every decision that exited 0 is stored exactly once, none that exited 75 only' '
	bad=0; i=0; while [ "$i" -lt "$R" ]; do i=$((i + 1))
		ok=$(awk -v i=$i "\$1 == i && \$2 == 0" rc/decide | wc -l)
		rows=$(sqlite3 "$DB" "SELECT count(*) FROM decisions WHERE mid = '"'"'q$i@example.com'"'"'")
		if [ "$ok" -gt 0 ] && [ "$rows" != 1 ]; then echo "thread $i: $ok ok, $rows rows"; bad=1; fi
		if [ "$ok" = 0 ] && [ "$rows" != 0 ]; then echo "thread $i: none ok, $rows rows"; bad=1; fi
	done; test "$bad" = 0'
t 'the journal agrees: one line per stored decision' '
	test "$(grep -c "^add	" "$JOURNAL")" = "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")"'
t 'the tags converge: an incremental scan gives what a full scan gives' '
	notmuch new --quiet && lu scan --quiet && tagdump >inc.tags && lu scan --full --quiet && tagdump >full.tags &&
	diff inc.tags full.tags && test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok'
t 'and every stored mute shows in its thread'"'"'s tags' '
	for mid in $(sqlite3 "$DB" "SELECT mid FROM decisions WHERE kind = '"'"'mute'"'"'"); do
		notmuch search --output=tags --exclude=false "thread:{id:$mid}" | grep -qx leadup/muted ||
			{ echo "thread of $mid is not muted"; exit 1; }; done'
echo "# $R rounds: $(grep -c . rc/scan) scans ($(grep -cvx 0 rc/scan) exit 75), $(wc -l <rc/decide) decisions ($(awk '$2 == 75' rc/decide | wc -l) exit 75), notmuch new retries $(awk '{ s += $1 } END { print s + 0 }' rc/new)"
done_testing
