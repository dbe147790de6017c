#!/bin/sh
# A decision reads its thread through the notmuch handle that writes its
# tags (issue 14, s40: as `notmuch tag` does, no read-only open first):
# notmuch is opened once, for writing, and its write lock is held from
# the view to the tag write.  Locked past [scan] lock_wait, the decision
# is read read-only and stored as before, with one lock-wait thread and
# one line; under --ask the view takes no lock (the user may take long to
# answer).  Killed while it holds the lock, before its journal line, the
# lock goes with it and nothing is stored.  (Every decision killed at the
# journal's, sqlite's and Xapian's syncs: t312.)
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
for t in sn un lk ak kl; do
	ask "$t@example.com" "Ann <ann.$t@a.example>" "Figures $t"
done
scanned
printf '[scan]\nlock_wait=1\n' >"$XDG_CONFIG_HOME/leadup/config"
rows() { sqlite3 "$DB" "SELECT count(*) || ' ' || coalesce(max(pending), '-') FROM decisions WHERE mid = '$1'"; }
# traced NAME CMD...: runs leadup CMD under strace (opens and threads) into NAME.tr
traced() {
	_n=$1 && shift
	strace -f -o "$_n.tr" -e trace=openat,clone,clone3 "$LEADUP" --now "$NOW" "$@"
}
opens() { grep -c "$1" "$2.tr"; }
# threads NAME: the threads leadup started, counted by call, not by line:
# strace -f splits a clone3 that another thread's call interrupts into an
# "<unfinished ...>" line and a "<... clone3 resumed>" one.
threads() { grep -cE "clone3?\(" "$1.tr"; }
mkfifo hold
hold() { { notmuch tag --batch <hold & } && exec 3>hold && wait_locked; }
release() { exec 3>&-; wait; }

t 'a snooze opens notmuch once, for writing, and reads the thread through it' '
	traced sn snooze 3d id:sn@example.com >out && grep -q "^snoozed" out &&
	test "$(opens notmuch-config sn)" = 1 && test "$(opens xapian/flintlock sn)" = 1 &&
	test "$(rows sn@example.com)" = "1 0" && expect_tags sn@example.com leadup/snoozed &&
	lu why id:sn@example.com | grep -q "^State: *snoozed"'
t 'its undo alike' '
	traced un undo id:sn@example.com >out && grep -q "^undid snooze" out &&
	test "$(opens xapian/flintlock un)" = 1 && test "$(rows sn@example.com)" = "0 -" &&
	expect_tags sn@example.com "leadup/awaiting leadup/due"'
t 'a scan after them changes nothing' '
	lu scan 2>err && grep -q "nothing changed" err'
t 'notmuch locked: the wait is spent once, one line, stored and pending; the next scan tags it' '
	hold && traced lk mute id:lk@example.com >out 2>err; rc=$?; release
	cat err && test "$rc" = 0 && test "$(grep -v "^leadup: waiting" err | wc -l)" = 1 &&
	grep -qx "leadup: mute stored; the tag follows on the next scan: the notmuch database is locked by another program" err &&
	test "$(threads lk)" = 1 && test "$(rows lk@example.com)" = "1 1" &&
	expect_tags lk@example.com "leadup/awaiting leadup/due" &&
	lu scan --quiet && test "$(rows lk@example.com)" = "1 0" && expect_tags lk@example.com leadup/muted'
t 'notmuch locked, a remind refused after the wait (the thread is muted): nothing stored, exit 64' '
	hold && lu remind 3d id:lk@example.com >out 2>err; rc=$?; release
	cat err; test "$rc" = 64 && grep -q "reopen" err && test "$(rows lk@example.com)" = "1 0" &&
	expect_tags lk@example.com leadup/muted'
t 'under --ask the view takes no write lock (no terminal here: refused, nothing stored)' '
	traced ak snooze --ask id:ak@example.com </dev/null >out 2>err; rc=$?
	test "$rc" = 64 && grep -q "no terminal" err && test "$(opens xapian/flintlock ak)" = 0 &&
	test "$(rows ak@example.com)" = "0 -"'
t 'killed holding the lock, before its journal line: the lock goes, nothing stored, a scan runs' '
	strace -f -o /dev/null -P "$JOURNAL" -e trace=openat -e inject=openat:signal=KILL:when=1 \
		"$LEADUP" --now "$NOW" snooze 3d id:kl@example.com >/dev/null 2>&1 </dev/null; rc=$?
	test "$rc" = 137 && ! notmuch_locked && test "$(rows kl@example.com)" = "0 -" &&
	lu scan --quiet && expect_tags kl@example.com "leadup/awaiting leadup/due" &&
	lu snooze 3d id:kl@example.com >/dev/null && expect_tags kl@example.com leadup/snoozed'
done_testing
