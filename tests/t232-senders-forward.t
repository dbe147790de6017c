#!/bin/sh
# The incremental scan brings the senders' histories the last full scan kept
# forward (issue 14): after `notmuch new` it counts the messages added into
# them and moves their base (meta senders_base) to the index it read, in
# the transaction of the rest of its writes, so that why and draft read
# them with nothing added since (LEADUP_DEBUG_COUNTS: "senders' histories
# kept: N read, 0 with the messages since") where they counted the messages
# added, or with more than a hundred counted everything with notmuch.  Only
# when the kept base still holds (messages were only added): else they stay
# for the next full scan.  Every kept count is notmuch's count of its query
# as the index is, and why says what counting afresh
# (LEADUP_DEBUG_NO_BASE) says.
. "$(dirname "$0")/lib.sh"
kept_world
base() { sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'senders_base'"; }
# scan_fwd NAME: index, an incremental scan; prints the runs that brought
# the histories forward.
scan_fwd() {
	index && scan_counted "$1" 2>/dev/null && debug_counted "$1" "senders' histories brought forward"
}

t 'the full scan keeps them as notmuch counts them' '
	kept_live && test "$(sqlite3 "$DB" "SELECT sent, answered FROM senders WHERE addr = '\''notices@corp.example'\''")" = "3|0"'
t 'nothing added: the scan moves nothing' '
	b=$(base) && scan_counted n0 2>/dev/null && test "$(base)" = "$b"'
t 'a message of theirs, an incremental scan: counted in, the base moved' '
	b=$(base) && notice 19 && test "$(scan_fwd s1)" = 1 &&
	test "$(base)" != "$b" && kept_live &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '\''notices@corp.example'\''")" = 4'
t 'why then reads them with nothing added since' '
	test "$(kept_asked w1 why id:often19@example.org)" = "2 0" &&
	grep -q "has written to you 4 times and you have never written to them" w1'
t 'draft too' '
	test "$(kept_asked d1 draft id:often19@example.org)" = "2 0"'
t 'my reply to them: their answered count moves' '
	mine_to_notices mine1@example.com 19 && test "$(scan_fwd s2)" = 1 && kept_live &&
	test "$(sqlite3 "$DB" "SELECT answered FROM senders WHERE addr = '\''notices@corp.example'\''")" = 1 &&
	test "$(kept_asked w2 why id:often19@example.org)" = "2 0" && ! grep -q "never written to them" w2'
# from:notices@corp.example is a phrase: other.notices@corp.example matches
# it too, and notmuch's count is what is kept.
t 'a new sender whose address holds a kept one: counted as notmuch counts' '
	msg inbox other1@example.org "Other <other.notices@corp.example>" "Me <me@example.com>" \
		"Thu, 19 Nov 2026 13:00:00 +0000" "Other notice" </dev/null &&
	test "$(scan_fwd s3)" = 1 && kept_live &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '\''notices@corp.example'\''")" = 5 &&
	test "$(kept_asked w3 why id:often19@example.org)" = "2 0" &&
	kept_asked w3b why id:other1@example.org >/dev/null'
t 'several scans of several messages each' '
	for d in 20 21; do
		notice "$d" && msg inbox "new$d@example.org" "New <new$d@else.example>" "Me <me@example.com>" \
			"Fri, $d Nov 2026 13:00:00 +0000" "Hello $d" </dev/null || return 1
	done && test "$(scan_fwd s4)" = 1 && kept_live &&
	notice 22 && mine_to_notices mine2@example.com 22 && test "$(scan_fwd s5)" = 1 && kept_live &&
	test "$(kept_asked w4 why id:often22@example.org)" = "2 0" &&
	test "$(kept_asked d4 draft id:often22@example.org)" = "2 0"'
# both_ways NAME: index, then the incremental scan twice from the same
# notmuch database and state: counting afresh (LEADUP_DEBUG_NO_BASE), then
# as it does (counts in NAME, which is kept); the tags and queues the same.
both_ways() {
	index && rm -rf "$TMP/bw" && mkdir "$TMP/bw" && cp -a "$MAIL/.notmuch" "$STATE_DIR" "$TMP/bw/" &&
		LEADUP_DEBUG_NO_BASE=1 lu scan --quiet && { snap && lu queue --format=json; } >"$1.fresh" &&
		rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/bw/.notmuch" "$MAIL/" &&
		cp -a "$TMP/bw/$(basename "$STATE_DIR")" "$(dirname "$STATE_DIR")/" &&
		scan_counted "$1" 2>/dev/null && { snap && lu queue --format=json; } >"$1.snap" &&
		diff "$1.fresh" "$1.snap"
}
t 'the scan decides from what it brought forward, as counting afresh decides' '
	notice 23 && msg inbox new23@example.org "New <new23@else.example>" "Me <me@example.com>" \
		"Mon, 23 Nov 2026 13:00:00 +0000" "Hello 23" </dev/null && both_ways s5b &&
	test "$(debug_counted s5b "senders'\'' histories brought forward")" = 1 &&
	test "$(debug_counted s5b "senders'\'' histories kept")" -gt 0 && kept_live'
# A file added to a message changes the words indexed (its folder's terms):
# lu_db_since no longer holds, nothing moves, and why counts with notmuch.
t 'a duplicate file of a message: not moved, counted with notmuch' '
	b=$(base) && cp "$MAIL/inbox/cur/often22@example.org:2,S" "$MAIL/inbox/cur/often22-copy:2,S" &&
	test "$(scan_fwd s6)" = 0 && test "$(base)" = "$b" && kept_live &&
	notice 27 && test "$(scan_fwd s7)" = 0 && test "$(base)" = "$b" &&
	test "$(kept_asked w5 why id:often27@example.org)" = "0 0" &&
	lu scan --full --quiet && kept_live && test "$(kept_asked w6 why id:often27@example.org)" = "2 0" &&
	notice 24 && test "$(scan_fwd s7b)" = 1 && kept_live &&
	test "$(kept_asked w6b why id:often24@example.org)" = "2 0"'
t 'a message removed: not moved, counted with notmuch until a full scan' '
	b=$(base) && rm "$MAIL/inbox/cur/often16@example.org:2,S" && test "$(scan_fwd s8)" = 0 &&
	test "$(base)" = "$b" && test "$(kept_asked w7 why id:often24@example.org)" = "0 0" &&
	notice 25 && test "$(scan_fwd s9)" = 0 && test "$(base)" = "$b" &&
	test "$(kept_asked w8 why id:often25@example.org)" = "0 0" &&
	lu scan --full --quiet && kept_live && test "$(kept_asked w9 why id:often25@example.org)" = "2 0"'
t 'another identity: not brought forward' '
	printf "[identity]\naddresses = me@example.com, q@q.example\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	notice 26 && test "$(scan_fwd s10)" = 0 && kept_asked w10 why id:often26@example.org >/dev/null'
done_testing
