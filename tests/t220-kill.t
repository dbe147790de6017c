#!/bin/sh
# Killed runs (issue 12): `leadup scan --full` killed with SIGKILL at many
# points, chosen by work done, not by the clock: strace delivers SIGKILL
# at the Nth call of a system call (openat: while messages are read;
# pwrite64 and fdatasync: while notmuch's Xapian database and the SQLite
# state database are written), N spread evenly over what an uninterrupted
# run makes.  After every kill: PRAGMA integrity_check is ok, notmuch still
# opens, the next scan converges to exactly the tags and items of an
# uninterrupted run, and every decision is still there exactly once.
# KILL_POINTS (default 6 here; make stress: STRESS_POINTS, 120) kill points;
# then `leadup done` killed at KILL_DECISION_POINTS (3; make stress 24).
. "$(dirname "$0")/lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 is not installed (scripts/deps)"
POINTS=${STRESS_POINTS:-${KILL_POINTS:-6}}
world me@example.net
GEN=$ROOT/scripts/gen-corpus
STATE=$XDG_DATA_HOME/leadup/state.db
NOW=2026-11-23T09:00:00+00:00

# The starting point: 240 messages scanned, decisions taken on four threads,
# then 160 more messages and a later clock, so the full scan changes much.
"$GEN" "$MAIL/gen1" 240 3 >/dev/null 2>&1 && index && lu scan --quiet >/dev/null 2>&1
notmuch search --output=messages --sort=newest-first 'path:gen1/**' | sed 's/^id://' | head -n 4 >decided
set -- $(cat decided)
lu done "id:$1" >/dev/null 2>&1; lu mute "id:$2" >/dev/null 2>&1
lu snooze 2026-12-10 "id:$3" >/dev/null 2>&1; lu remind 2026-12-01 "id:$4" >/dev/null 2>&1
"$GEN" "$MAIL/gen2" 160 4 >/dev/null 2>&1 && index
NOW=2026-12-02T09:00:00+00:00

snapshot() { rm -rf "$TMP/snap" && mkdir -p "$TMP/snap" &&
	cp -a "$MAIL/.notmuch" "$TMP/snap/notmuch" && cp -a "$XDG_DATA_HOME/leadup" "$TMP/snap/leadup"; }
restore() { rm -rf "$MAIL/.notmuch" "$XDG_DATA_HOME/leadup" &&
	cp -a "$TMP/snap/notmuch" "$MAIL/.notmuch" && cp -a "$TMP/snap/leadup" "$XDG_DATA_HOME/leadup"; }
# What must converge: every leadup/ tag, the items (less the run's wall-clock
# stamp) and the decisions.
tagdump() { notmuch dump --format=batch-tag -- '*' | awk '{ s = ""
	for (i = 1; i <= NF; i++) { if ($i ~ /^\+leadup%2f/) s = s " " $i; if ($i == "--") id = $(i + 1) }
	if (s != "") print id s }' | sort; }
# (untagged: the items whose dormant tag the scan leaves unwritten.)
items() { sqlite3 "$STATE" 'SELECT mid,thread,state,due,due_at,since,next_check,stage,who,why,
	mid IN (SELECT mid FROM untagged) FROM items ORDER BY mid'; }
decisions() { sqlite3 "$STATE" 'SELECT id,mid,kind,at,at_end,text,mine,latest,taken FROM decisions ORDER BY id'; }

# (remind may be refused on its thread: three of the four are enough.)
D0=$(sqlite3 "$STATE" "SELECT count(*) FROM decisions")
t 'the starting point has decisions' 'test "$D0" -ge 3'
snapshot
t 'an uninterrupted scan --full (the reference), counting its system calls' '
	strace -f -c -o "$TMP/counts" -e trace=openat,pwrite64,fdatasync "$LEADUP" --now "$NOW" scan --full --quiet &&
	tagdump >"$TMP/ref.tags" && items >"$TMP/ref.items" && decisions >"$TMP/ref.decisions" &&
	test "$(($(wc -l <"$TMP/ref.tags") + $(grep -c "|1\$" "$TMP/ref.items")))" -gt 100 &&
	test "$(wc -l <"$TMP/ref.decisions")" -eq "$D0"'
calls() { awk -v s="$1" '$NF == s { print $4 }' "$TMP/counts"; }

# Kill point I of POINTS: the syscalls take turns; N spread over 1..count.
killed=0 survived=0
i=0
while [ "$i" -lt "$POINTS" ]; do
	i=$((i + 1))
	case $((i % 3)) in 0) sc=openat ;; 1) sc=pwrite64 ;; 2) sc=fdatasync ;; esac
	total=$(calls "$sc"); [ -n "$total" ] && [ "$total" -gt 0 ] || total=1
	k=$(( (i + 2) / 3 )); per=$(( (POINTS + 2) / 3 ))
	nth=$(( (total * k + per) / (per + 1) )); [ "$nth" -ge 1 ] || nth=1
	restore
	strace -f -o /dev/null -e trace="$sc" -e inject="$sc":signal=KILL:when="$nth" \
		"$LEADUP" --now "$NOW" scan --full --quiet >/dev/null 2>&1
	rc=$?
	[ "$rc" -eq 137 ] && killed=$((killed + 1))
	t "kill $i ($sc call $nth of $total, exit $rc): the state database is intact" '
		test ! -e "$STATE" || test "$(sqlite3 "$STATE" "PRAGMA integrity_check")" = ok'
	t "kill $i: notmuch opens its database" 'notmuch count "*" >/dev/null'
	t "kill $i: the next scan --full converges to the reference tags, items and decisions" '
		"$LEADUP" --now "$NOW" scan --full --quiet &&
		tagdump >got.tags && items >got.items && decisions >got.decisions &&
		diff "$TMP/ref.tags" got.tags && diff "$TMP/ref.items" got.items &&
		diff "$TMP/ref.decisions" got.decisions' && survived=$((survived + 1))
done
echo "# scan --full: $killed of $POINTS runs were killed; $survived converged"
t 'most kill points really killed the scan' 'test "$killed" -ge $((POINTS * 2 / 3))'

# A decision killed: `leadup done` on an awaiting thread, from the scanned
# state.  Afterwards the decision is stored once or not at all, and the next
# scan --full gives the tags of the run where it was taken, or not taken.
DPOINTS=${STRESS_DECISION_POINTS:-${KILL_DECISION_POINTS:-3}}
restore && "$LEADUP" --now "$NOW" scan --full --quiet && snapshot
X=$(sed -n 's/^id:\([^ ]*\) .*+leadup%2fawaiting.*/\1/p' "$TMP/ref.tags" | grep -vxF -f decided | head -n 1)
done_rows() { sqlite3 "$STATE" "SELECT count(*) FROM decisions WHERE mid = '$X' AND kind = 'done'"; }
DROWS=$(sqlite3 "$STATE" "SELECT count(*) FROM decisions")
t "the reference decision: done on an awaiting thread ($X)" '
	test -n "$X" && strace -f -c -o "$TMP/dcounts" -e trace=openat,pwrite64,fdatasync \
		"$LEADUP" --now "$NOW" done "id:$X" >/dev/null &&
	"$LEADUP" --now "$NOW" scan --full --quiet && tagdump >"$TMP/done.tags" &&
	test "$(done_rows)" -eq 1 &&
	test "$(sqlite3 "$STATE" "SELECT count(*) FROM decisions")" -eq $((DROWS + 1)) && ! diff -q "$TMP/ref.tags" "$TMP/done.tags" >/dev/null'
dcalls() { awk -v s="$1" '$NF == s { print $4 }' "$TMP/dcounts"; }
dkilled=0 i=0
while [ "$i" -lt "$DPOINTS" ]; do
	i=$((i + 1))
	case $((i % 3)) in 0) sc=openat ;; 1) sc=pwrite64 ;; 2) sc=fdatasync ;; esac
	total=$(dcalls "$sc"); [ -n "$total" ] && [ "$total" -gt 0 ] || total=1
	k=$(( (i + 2) / 3 )); per=$(( (DPOINTS + 2) / 3 ))
	nth=$(( (total * k + per) / (per + 1) )); [ "$nth" -ge 1 ] || nth=1
	restore
	strace -f -o /dev/null -e trace="$sc" -e inject="$sc":signal=KILL:when="$nth" \
		"$LEADUP" --now "$NOW" done "id:$X" >/dev/null 2>&1
	rc=$?
	[ "$rc" -eq 137 ] && dkilled=$((dkilled + 1))
	# (A kill after the journal took the decision and before the database
	# did: the next command replays it, so count after that.)
	t "done killed $i ($sc call $nth of $total, exit $rc): intact, stored once or not at all, tags converge" '
		test "$(sqlite3 "$STATE" "PRAGMA integrity_check")" = ok &&
		"$LEADUP" --now "$NOW" scan --full --quiet && tagdump >got.tags && rows=$(done_rows) &&
		test "$rows" -le 1 && test "$(sqlite3 "$STATE" "SELECT count(*) FROM decisions")" -eq $((DROWS + rows)) &&
		if [ "$rows" -eq 1 ]; then diff "$TMP/done.tags" got.tags; else diff "$TMP/ref.tags" got.tags; fi'
done
echo "# done: $dkilled of $DPOINTS runs were killed"
done_testing
