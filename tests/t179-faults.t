#!/bin/sh
# Faults around leadup (issue 12): a full disk under the state directory, a
# read-only state directory, an old schema, no notmuch config or database,
# HOME unset, odd TZ values.  Each time: one clear line saying what is
# wrong and what to do, the right sysexits code, nothing lost.  (Damaged
# and deleted state databases: t175, t221.)
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
for t in a b c d; do
	ask "$t@example.com" "Ann <ann.$t@a.example>" "Figures $t"
done
scanned && lu done id:a@example.com >/dev/null
ndec() { sqlite3 "$DB" "SELECT count(*) FROM decisions"; }
one_line() { test "$(wc -l <err)" = 1 || { echo "not one line:"; cat err; return 1; }; }

# ---- a full disk.  As root: a 2 MB tmpfs mounted on the state directory;
# otherwise the file size limit (ulimit -f, SIGXFSZ ignored) makes writes
# fail with EFBIG the same way.
MNT=
if [ -z "${T179_ULIMIT:-}" ] && [ "$(id -u)" = 0 ] && mkdir -p "$TMP/full" &&
	mount -t tmpfs -o size=2m,mode=0700 tmpfs "$TMP/full" 2>/dev/null; then
	MNT=$TMP/full
	trap 'umount "$MNT" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
	cp -a "$STATE_DIR/." "$MNT/" && rm -rf "$STATE_DIR" && ln -s "$MNT" "$STATE_DIR"
	fill() { dd if=/dev/zero of="$MNT/room" bs=4k count=9 2>/dev/null; dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null; :; }
	unfill() { rm -f "$MNT/filler" "$MNT/room"; }
	echo "# disk full: a 2 MB tmpfs"
	run_full() { "$@"; }
else
	# (dash counts 512-byte blocks, bash 1 KB: under 32 KB either way, so
	# not even sqlite's shared-memory file fits.)
	echo "# disk full: ulimit -f (no tmpfs mount here)"
	fill() { :; }
	unfill() { :; }
	run_full() { (trap '' XFSZ; ulimit -f 24; "$@"); }
fi
t 'disk full: a decision is refused with one line (EX_IOERR), nothing stored, tags alone' '
	before=$(ndec) && fill && run_full "$LEADUP" --now "$NOW" mute id:b@example.com >out 2>err; rc=$?; cat out err
	test "$rc" = 74 && one_line && grep -q "No space left on device\|disk is full\|File too large" err &&
	grep -q "free some space" err && unfill && test "$(ndec)" = "$before" &&
	expect_tags b@example.com "leadup/awaiting leadup/due" && expect_tags a@example.com leadup/closed'
t 'disk full: a scan fails with one line and loses nothing' '
	msg inbox r1@example.com "Ann <ann.c@a.example>" "Me <me@example.com>" "Thu, 19 Nov 2026 10:00:00 +0000" "Re: Figures c" c@example.com <<EOB &&
Here they are.
EOB
	index && fill && run_full "$LEADUP" --now "$NOW" scan >out 2>err; rc=$?; cat err
	unfill; test "$rc" != 0 && one_line && grep -q "free some space" err && test "$(ndec)" = 1 &&
	expect_tags a@example.com leadup/closed'
t 'space again: the same decision and scan work, each decision once' '
	lu mute id:b@example.com >/dev/null && lu scan --quiet && expect_tags b@example.com leadup/muted &&
	test "$(ndec)" = 2 && test "$(grep -c "^add	" "$JOURNAL")" = 2 && test "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok &&
	! expect_tags c@example.com "leadup/awaiting leadup/due" >/dev/null'
if [ -n "$MNT" ]; then
	# Room for sqlite's shared memory and the journal's last page, not for
	# the write-ahead log: the journal takes the decision, the database
	# cannot, and the journal takes it back (a replay adds nothing).
	t 'nearly full: the journal takes the decision, the database cannot: refused, nothing stored' '
		lines=$(wc -l <"$JOURNAL") && fill && rm -f "$MNT/room" && lu mute id:d@example.com >out 2>err; rc=$?; cat out err
		unfill; test "$rc" = 74 && one_line && grep -q "free some space" err && test "$(ndec)" = 2 &&
		lu scan --quiet && test "$(ndec)" = 2 && expect_tags d@example.com "leadup/awaiting leadup/due" &&
		if [ "$(wc -l <"$JOURNAL")" != "$lines" ]; then tail -n 2 "$JOURNAL" | grep -q "^undo	"; fi'

	rm -f "$STATE_DIR" && mkdir -p "$STATE_DIR" && cp -a "$MNT/." "$STATE_DIR/" && umount "$MNT"
fi

# ---- a read-only state directory (root ignores modes: a read-only bind mount).
if [ "$(id -u)" = 0 ]; then
	ro() { mount --bind "$STATE_DIR" "$STATE_DIR" && mount -o remount,ro,bind "$STATE_DIR"; }
	rw() { umount "$STATE_DIR"; }
	trap 'umount "$STATE_DIR" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
else
	ro() { chmod 0500 "$STATE_DIR" && chmod 0400 "$STATE_DIR"/*; }
	rw() { chmod 0700 "$STATE_DIR" && chmod 0600 "$STATE_DIR"/*; }
fi
t 'read-only state directory: a decision is refused with one line naming it (EX_CANTCREAT)' '
	ro && lu mute id:c@example.com >out 2>err; rc=$?; cat out err
	rw; test "$rc" = 73 && one_line && grep -q "make .*$STATE_DIR.* writable" err &&
	test "$(ndec)" = 2 && ! expect_tags c@example.com leadup/muted >/dev/null'
t 'read-only state directory: scan and queue say the same' '
	ro && lu scan >out 2>err; rc=$?; lu queue >out 2>err2; rc2=$?; cat err err2; rw
	test "$rc" = 73 && test "$rc2" = 73 && one_line && grep -q writable err2 && expect_tags b@example.com leadup/muted'

# ---- an old schema: the migrations keep every decision and journal them.
t 'a schema-3 database (before the journal) migrates, decisions kept and journalled' '
	lu scan --quiet && before=$(ndec) &&
	sqlite3 "$DB" "DROP INDEX decisions_jkey; ALTER TABLE decisions DROP COLUMN jkey; PRAGMA user_version = 3" &&
	rm -f "$JOURNAL" && lu scan --quiet 2>err; rc=$?; cat err
	test "$rc" = 0 && test ! -s err && test "$(ndec)" = "$before" &&
	test "$(grep -c "^add	" "$JOURNAL")" = "$before" && test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 5 &&
	expect_tags a@example.com leadup/closed && expect_tags b@example.com leadup/muted'
t 'a schema-2 database (before pending marks) migrates the same way' '
	sqlite3 "$DB" "DROP INDEX decisions_jkey; ALTER TABLE decisions DROP COLUMN jkey;
		DROP INDEX decisions_pending; ALTER TABLE decisions DROP COLUMN pending; PRAGMA user_version = 2" &&
	rm -f "$JOURNAL" && lu scan --full 2>err; rc=$?; cat err
	test "$rc" = 0 && test "$(ndec)" = 2 && test "$(grep -c "^add	" "$JOURNAL")" = 2 &&
	expect_tags a@example.com leadup/closed && expect_tags b@example.com leadup/muted'

# ---- notmuch missing.
t 'no notmuch config: one line naming the remedy, EX_CONFIG' '
	NOTMUCH_CONFIG=$TMP/nothing lu scan >out 2>err; rc=$?; cat err
	test "$rc" = 78 && one_line && grep -q "notmuch setup" err && expect_tags b@example.com leadup/muted'
t 'no notmuch database: one line naming the remedy' '
	sed "s|^path=.*|path=$TMP/nomail|" "$NOTMUCH_CONFIG" >cfg2 && NOTMUCH_CONFIG=$TMP/cfg2 lu scan >out 2>err; rc=$?; cat err
	test "$rc" = 69 && one_line && grep -q "notmuch new" err && expect_tags b@example.com leadup/muted'

# ---- HOME unset: the XDG directories and NOTMUCH_CONFIG are enough.
t 'HOME unset: commands work in the XDG directories' '
	env -u HOME "$LEADUP" --now "$NOW" why id:b@example.com >out 2>err && grep -q "^State: *muted" out && test ! -s err &&
	env -u HOME "$LEADUP" --now "$NOW" scan --quiet && test "$(ndec)" = 2'

# ---- odd TZ values: POSIX ones work, an unknown name warns in one line.
t 'TZ empty is UTC (POSIX): no warning' '
	TZ= lu why id:d@example.com >out 2>err && test ! -s err && grep -q "due since Thu 19 Nov 2026 10:00" out'
t 'TZ=UTC+5 is five hours west of UTC (POSIX): no warning' '
	TZ=UTC+5 lu why id:d@example.com >out 2>err && test ! -s err && grep -q "due since Thu 19 Nov 2026 05:00" out'
t 'TZ=:/etc/localtime (the system zone) works without a warning' '
	TZ=:/etc/localtime lu why id:d@example.com >out 2>err && test ! -s err && grep -q "^State: *awaiting" out'
t 'TZ an unknown name: one warning naming it and the remedy, UTC, nothing else changes' '
	TZ=Nowhere/Nothing lu scan >out 2>err; rc=$?; cat err
	test "$rc" = 0 && test "$(grep -c warning err)" = 1 &&
	grep -q "warning: TZ .Nowhere/Nothing. is no time zone known here: times are in UTC; set TZ" err &&
	TZ=Nowhere/Nothing lu why id:d@example.com 2>/dev/null | grep -q "due since Thu 19 Nov 2026 10:00" &&
	expect_tags b@example.com leadup/muted && expect_tags d@example.com "leadup/awaiting leadup/due"'
done_testing
