#!/bin/sh
# The decisions and delivery failures a scan reads (issue 14): a scan after
# an empty `notmuch new` reads none of them, however many are stored (they
# are never pruned, so they grow with the years); an incremental scan reads
# those of the threads it decides, and a decision those of its thread.
# LEADUP_DEBUG_COUNTS prints the rows read; LEADUP_DEBUG_READ_ALL reads
# every row up front, the way that was, and the same story told both ways
# leaves the same tags and the same state.
. "$(dirname "$0")/lib.sh"
need_sqlite3

# use DIR: the world of DIR (HOME, the maildir, the state database).
use() {
	export HOME=$1/home XDG_CONFIG_HOME=$1/home/.config XDG_DATA_HOME=$1/home/.local/share
	export NOTMUCH_CONFIG=$1/home/.notmuch-config
	MAIL=$HOME/mail STATE_DIR=$XDG_DATA_HOME/leadup DB=$XDG_DATA_HOME/leadup/state.db
}
# rows ARGS: "DECISIONS BOUNCES", the rows lu ARGS read (its output in out, err).
rows() {
	LEADUP_DEBUG_COUNTS=1 lu "$@" >out 2>err &&
	sed -n 's/^leadup: rows read: \([0-9]*\) decisions, \([0-9]*\) delivery failures$/\1 \2/p' err
}
steps() { LEADUP_DEBUG_COUNTS=1 lu scan 2>err && grep -q "nothing changed" err &&
	sed -n 's/^leadup: counts: [0-9]* files parsed, \([0-9]*\) sqlite steps$/\1/p' err; }
reply() { # reply ID PARENT WHO: their answer to my PARENT, on Tuesday
	msg inbox "$1" "$3" 'Me <me@example.com>' 'Tue, 17 Nov 2026 11:00:00 +0000' 'Re: it' "$2" <<'EOF'
Thanks. Could you also send me the September figures?
EOF
}

# story: the same mail, decisions and scans, with their output (no seconds).
story() { tale 2>&1 | sed "s/[0-9][0-9.]* s\([):]\)/N s\1/; s/thread [0-9a-f]*$/thread X/"; }
tale() {
	world &&
	for i in 1 2 3 4 5 6; do ask "a$i@example.com" "P$i <p$i@p$i.example>" "Topic $i"; done &&
	bounce b2 a2@example.com 'P2 <p2@p2.example>' 'Topic 2' &&
	scanned && lu done id:a1@example.com && lu snooze 3d id:a3@example.com &&
	lu mute id:a4@example.com && lu scan &&
	reply r3@x.example a3@example.com 'P3 <p3@p3.example>' &&
	reply r2@x.example a2@example.com 'P2 <p2@p2.example>' &&
	bounce b5 a5@example.com 'P5 <p5@p5.example>' 'Topic 5' && index && lu scan &&
	lu why id:a2@example.com && lu reopen id:a1@example.com && lu undo id:a3@example.com && lu undo &&
	sqlite3 "$DB" "UPDATE decisions SET pending = 1 WHERE mid = \"a4@example.com\"" && lu scan &&
	rm "$MAIL"/sent/cur/a6@example.com* && index && lu scan &&
	NOW=2026-11-27T09:00:00+00:00 && lu scan && lu scan --full
}
# state: the tags and the state database, less what the wall clock writes
# (items.updated, the journal keys) and notmuch's thread ids (in the order
# the files were indexed).
state() {
	notmuch dump | awk '{ s = ""; for (i = 1; i <= NF; i++) if ($i ~ /^\+leadup/ || $i == "--" || $i ~ /^id:/) s = s " " $i; print s }' | sort &&
	sqlite3 "$DB" "SELECT mid, state, due, due_at, since, next_check, stage, subject, who, why FROM items ORDER BY mid;
		SELECT mid, kind, at, at_end, text, mine, latest, taken, pending FROM decisions ORDER BY id;
		SELECT * FROM bounces ORDER BY mid, bounce"
}

use "$TMP/lazy"
world
for i in 1 2 3; do ask "a$i@example.com" "P$i <p$i@p$i.example>" "Topic $i"; done
bounce b2 a2@example.com 'P2 <p2@p2.example>' 'Topic 2'
scanned

t 'a no-op scan reads no decision and no delivery failure' '
	lu done id:a1@example.com >/dev/null && lu mute id:a3@example.com >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 2 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM bounces")" = 1 &&
	lu scan --quiet && test "$(rows scan)" = "0 0" && grep -q "nothing changed" err'
t 'read all up front (the way that was), the same scan reads them all: the count counts' '
	test "$(LEADUP_DEBUG_READ_ALL=1 rows scan)" = "2 1" && grep -q "nothing changed" err'
# (The decisions' table is still walked once as the database opens, by
# store.c's quick_check: steps that grow with the decisions, not rows read.)
t 'its sqlite steps do not grow with the delivery failures stored, nor its rows with the decisions' '
	steps >few && test -s few &&
	for i in $(seq 10 29); do ask "a$i@example.com" "P$i <p$i@p$i.example>" "Topic $i" &&
		bounce "b$i" "a$i@example.com" "P$i <p$i@p$i.example>" "Topic $i"; done &&
	index && lu scan --quiet && test "$(sqlite3 "$DB" "SELECT count(*) FROM bounces")" = 21 &&
	steps >many && echo "steps: $(cat few), then $(cat many) with 20 more delivery failures" &&
	test "$(cat few)" = "$(cat many)" &&
	for i in $(seq 10 29); do lu done "id:a$i@example.com" >/dev/null; done &&
	lu scan --quiet && test "$(rows scan)" = "0 0" &&
	test "$(LEADUP_DEBUG_READ_ALL=1 rows scan)" = "22 21"'
t 'a scan after a reply reads the rows of that thread only' '
	reply r2@x.example a2@example.com "P2 <p2@p2.example>" && index &&
	test "$(rows scan)" = "0 1" && grep -q "looked at 1 thread" err'
# The mute of test 1, read by the view, then with the snooze by its commit;
# undo: the last decision stored (one row), then the thread's two in the
# view and the one left in its commit.
t 'a decision reads the rows of its thread only' '
	test "$(rows snooze 3d id:a3@example.com)" = "3 0" && grep -q snoozed out &&
	test "$(rows why id:a2@example.com)" = "0 1" &&
	test "$(rows undo)" = "4 0" && grep -q "undid snooze" out'

# A thread of 20 reads its decisions from the whole table while it holds
# at most 10 (store.c decisions_all_of), else by its Message-IDs: the same
# rows (its own only), the same output.
t 'a long thread reads its decisions the same from a short table and a long one' '
	use "$TMP/long" && world && ask a20@example.com "P20 <p20@p20.example>" "Topic 20" &&
	for i in $(seq 1 19); do reply "l$i@x.example" a20@example.com "P20 <p20@p20.example>"; done &&
	for i in $(seq 21 31); do ask "a$i@example.com" "P$i <p$i@p$i.example>" "Topic $i"; done &&
	scanned && test "$(notmuch count thread:{id:a20@example.com})" = 20 &&
	lu snooze 3d id:a20@example.com >/dev/null &&
	test "$(rows why id:l7@x.example)" = "1 0" && cp out short.why && grep -q "snooze" out &&
	for i in $(seq 21 31); do lu done "id:a$i@example.com" >/dev/null || return 1; done &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 12 &&
	test "$(rows why id:l7@x.example)" = "1 0" && cmp short.why out'

t 'the same story, read by thread and read all up front: the same output, tags and state' '
	(use "$TMP/one" && story >one.story && state >one.state) &&
	(use "$TMP/all" && export LEADUP_DEBUG_READ_ALL=1 && story >all.story && state >all.state) &&
	cat one.story && diff one.story all.story && diff one.state all.state &&
	grep -q "leadup%2fmuted" one.state && grep -q "leadup%2fbounced" one.state &&
	grep -q "b5@mx.example.com" one.state'
done_testing
