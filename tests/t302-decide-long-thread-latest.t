#!/bin/sh
# A decision on a long thread finds the thread's latest decision (the same
# decision again is the one stored, not a second row) from the whole
# decisions table while it holds at most half as many rows as the thread
# has messages, else by a probe a Message-ID (store.c latest_decision, as
# lu_store_decisions_of; issue 14: 60 probes were 0.11 M instructions of
# the snooze of a thread of 60).  Another thread's decision in the table
# is not this thread's: the latest is taken among the thread's own rows,
# both ways (a decision is on the message named: the same on another
# message of the thread is another row).  The journal's key of a decision is a random UUID (version 4).
. "$(dirname "$0")/lib.sh"
need_sqlite3
DB=$XDG_DATA_HOME/leadup/state.db
reply() { # reply ID PARENT WHO: their answer to my PARENT, on Tuesday
	msg inbox "$1" "$3" 'Me <me@example.com>' 'Tue, 17 Nov 2026 11:00:00 +0000' 'Re: it' "$2" <<'EOF2'
Thanks. Could you also send me the September figures?
EOF2
}
rows() { sqlite3 "$DB" "SELECT count(*) FROM decisions"; }
world
ask a20@example.com "P20 <p20@p20.example>" "Topic 20"
for i in $(seq 1 19); do reply "l$i@x.example" a20@example.com "P20 <p20@p20.example>"; done
for i in $(seq 21 33); do ask "a$i@example.com" "P$i <p$i@p$i.example>" "Topic $i"; done
scanned

t 'a thread of 20, the table short: the same snooze twice is one row' '
	test "$(notmuch count thread:{id:a20@example.com})" = 20 &&
	lu snooze 3d id:a20@example.com >s1 && lu done id:a21@example.com >/dev/null &&
	lu snooze 3d id:a20@example.com >s2 && test "$(rows)" = 2 && cat s1 s2 && cmp s1 s2'
t 'another snooze then the first again: each a row (the latest is the thread'"'"'s own)' '
	lu snooze 5d id:a20@example.com >/dev/null && test "$(rows)" = 3 &&
	lu snooze 3d id:a20@example.com >/dev/null && test "$(rows)" = 4 &&
	lu snooze 3d id:a20@example.com >/dev/null && test "$(rows)" = 4'
t 'the table long (more than 10 rows): the same again by probes, one row' '
	for i in $(seq 22 33); do lu done "id:a$i@example.com" >/dev/null || return 1; done &&
	test "$(rows)" = 16 && lu snooze 3d id:a20@example.com >/dev/null && test "$(rows)" = 16 &&
	lu snooze 5d id:a20@example.com >/dev/null && test "$(rows)" = 17'
t 'undo takes the last back; the journal keys are version 4 UUIDs' '
	lu undo id:a20@example.com >out && grep -q "undid snooze" out && test "$(rows)" = 16 &&
	sqlite3 "$DB" "SELECT jkey FROM decisions" >keys && test "$(wc -l <keys)" = 16 &&
	! grep -v "^[0-9a-f]\{8\}-[0-9a-f]\{4\}-4[0-9a-f]\{3\}-[89ab][0-9a-f]\{3\}-[0-9a-f]\{12\}$" keys &&
	test "$(sort -u keys | wc -l)" = 16'
done_testing
