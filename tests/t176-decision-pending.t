#!/bin/sh
# A decision taken while another program holds notmuch's write lock: it is
# stored, the user is told so (not "nothing changed"), `why` shows it, and
# the next scan, incremental too, writes its tag.  The same decision twice
# is one decision.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
rows() { sqlite3 "$DB" "SELECT count(*) FROM decisions WHERE $1"; }
ask m1@example.com 'Ann <ann@a.example>' 'Figures'
ask s1@example.com 'Bob <bob@b.example>' 'More figures'
ask d1@example.com 'Cid <cid@c.example>' 'Even more figures'
scanned
printf '[scan]\nlock_wait=1\n' >"$XDG_CONFIG_HOME/leadup/config"
mkfifo hold
hold() { { notmuch tag --batch <hold & } && exec 3>hold && wait_locked; }
release() { exec 3>&-; wait; }

t 'mute while notmuch is locked: stored, exit 0, and the message says the tag follows' '
	hold && lu mute id:m1@example.com >out 2>err; rc=$?; release; cat out err
	test "$rc" = 0 && test "$(wc -l <err)" = 1 &&
	grep -qx "leadup: mute stored; the tag follows on the next scan: the notmuch database is locked by another program" err &&
	! grep -q "nothing changed" err && expect_tags m1@example.com "leadup/awaiting leadup/due"'
t 'why already shows it muted, its tag not written yet' '
	lu why id:m1@example.com >out && grep -q "^State: *muted" out && grep -q "mute" out &&
	grep -q "its tag is not written yet" out &&
	lu why --format=json id:m1@example.com | grep -q "\"pending\": *true"'
t 'retrying while still locked stores no second decision' '
	hold && lu mute id:m1@example.com 2>err; rc=$?; release
	test "$rc" = 0 && grep -q "mute stored" err && test "$(rows "mid = '\''m1@example.com'\''")" = 1'
t 'the next incremental scan writes the tag and clears the mark' '
	lu scan --quiet && expect_tags m1@example.com leadup/muted && test "$(rows pending)" = 0 &&
	lu why id:m1@example.com >out && ! grep -q "not written yet" out'
t 'the same decision again, unlocked, is still one decision' '
	lu mute id:m1@example.com >out && grep -q "^muted" out && test "$(rows "mid = '\''m1@example.com'\''")" = 1'
t 'a snooze to the same time twice is one decision; to another time it is a new one' '
	lu snooze tue id:s1@example.com >/dev/null && lu snooze tue id:s1@example.com >/dev/null &&
	test "$(rows "mid = '\''s1@example.com'\''")" = 1 &&
	lu snooze wed id:s1@example.com >/dev/null && test "$(rows "mid = '\''s1@example.com'\''")" = 2 &&
	lu why id:s1@example.com | grep -q "^State: *snoozed"'
t 'done, reopen, done: three decisions, and the thread is closed' '
	lu done id:d1@example.com >/dev/null && lu reopen id:d1@example.com >/dev/null &&
	lu done id:d1@example.com >/dev/null && test "$(rows "mid = '\''d1@example.com'\''")" = 3 &&
	expect_tags d1@example.com leadup/closed'
t 'a decision command killed between storing and tagging: the next scan writes the tag' '
	hold && { lu reopen id:d1@example.com >/dev/null 2>&1 & pid=$!; } &&
	i=0; until [ "$(rows "pending AND mid = '\''d1@example.com'\''")" = 1 ]; do
		i=$((i + 1)); [ $i -le 3000 ] || exit 1; sleep 0.01; done
	kill -9 $pid; wait $pid; release
	expect_tags d1@example.com leadup/closed && lu scan --quiet &&
	expect_tags d1@example.com "leadup/awaiting leadup/due" && test "$(rows pending)" = 0'
t 'a scan that cannot get the lock keeps the mark for the next one' '
	hold && lu done id:d1@example.com 2>/dev/null; release
	hold && lu scan --quiet 2>/dev/null; rc=$?; release
	test "$rc" = 75 && test "$(rows pending)" = 1 &&
	lu scan --quiet && expect_tags d1@example.com leadup/closed && test "$(rows pending)" = 0'
t 'a pending decision on a message that has gone: the next scan settles it, the one after has nothing to do' '
	ask g1@example.com "Gus <gus@g.example>" "Gone" && index && lu scan --quiet &&
	hold && lu mute id:g1@example.com 2>/dev/null; release
	test "$(rows pending)" = 1 && rm "$MAIL/sent/cur/g1@example.com:2,S" && index &&
	lu scan 2>/dev/null && test "$(rows pending)" = 0 && test "$(rows "mid = '\''g1@example.com'\''")" = 1 &&
	lu scan 2>err && grep -q "nothing changed" err'
done_testing
