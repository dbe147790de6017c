#!/bin/sh
# Many messages added at once, the keys and a killed scan (issue 14,
# session 41; t327 has the scan's histories).  Past LU_FORWARD_MOST
# (1,000) added and no scan since, why and draft counted each sender's
# history over the whole index; now they read the kept history and count
# the added by number (nm.c lu_db_above, lu_db_count_addr_above) however
# many arrived: counted, not timed (LEADUP_DEBUG_COUNTS: none of the 1,001
# read for its Message-ID, 1,001 told by number, each history from
# Xapian's postings above them: the one notmuch count left is the
# thread's own, none a history's over the whole index); the output is
# what counting afresh gives (lib.sh kept_asked).  The scan that brings
# them forward, killed at sqlite's commit of the state and at Xapian's
# syncs of its tags: the next scan leaves the tags and state of one not
# killed (the state's rule: they converge, nothing doubled).
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"

# bulk FROM TO: messages FROM..TO (bulk$K@example.org), written at once, on
# Thursday 19 November from 00:00 three seconds apart: every seventh mine
# to Notices, every fifth other from Notices, the rest from strangers, each
# to me and asking
bulk() {
	awk -v from="$1" -v to="$2" -v dir="$MAIL/inbox/cur" 'BEGIN {
		for (i = from; i <= to; i++) {
			if (i % 7 == 0) { f = "Me <me@example.com>"; t = "Notices <notices@corp.example>" }
			else if (i % 5 == 0) { f = "Notices <notices@corp.example>"; t = "Me <me@example.com>" }
			else { f = "Stranger " i " <s" i "@strangers.example>"; t = "Me <me@example.com>" }
			s = 3 * i; file = dir "/bulk" i ":2,S"
			printf "From: %s\nTo: %s\nSubject: Item %d\nDate: Thu, 19 Nov 2026 %02d:%02d:%02d +0000\n", f, t, i, int(s / 3600), int(s / 60) % 60, s % 60 > file
			printf "Message-ID: <bulk%d@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nCould you check item %d for me?\n", i, i > file
			close(file)
		}
	}'
}
counted() { # counted NAME WHAT: LEADUP_DEBUG_COUNTS' number after "leadup: WHAT: " in NAME.err
	debug_counted "$1.err" "$2"; }
told() { # told NAME: "R N" of NAME.err: the messages added read for their ids, told by number
	sed -n "s/^leadup: messages added since the senders' histories: \([0-9]*\) read for their ids, \([0-9]*\) told by number$/\1 \2/p" "$1.err"
}
queries() { sed -n "s/^leadup: senders' counts from Xapian's postings: \([0-9]*\), notmuch count queries: \([0-9]*\)$/\1 \2/p" "$1.err"; }

kept_world && bulk 1 1001 && index && save_good
t '1,001 added, no scan: why reads the histories kept, none of the added read' '
	test "$(kept_asked w1 why id:often18@example.org)" = "2 2" && test "$(told w1)" = "0 1001" &&
	test "$(queries w1)" = "2 1" && test "$(counted w1 "messages added whose From and To terms were read by number")" = 0'
t 'draft the same; a message among the added the same' '
	test "$(kept_asked d1 draft id:often18@example.org)" = "2 2" && test "$(told d1)" = "0 1001" &&
	test "$(queries d1)" = "2 1" &&
	test "$(kept_asked w2 why id:bulk1000@example.org)" = "2 2" && test "$(told w2)" = "0 1001"'
t 'the old way (LEADUP_DEBUG_NO_ABOVE) counts over the whole index, the same output' '
	LEADUP_DEBUG_COUNTS=1 LEADUP_DEBUG_NO_ABOVE=1 lu why id:often18@example.org >w3 2>w3.err &&
	cmp w1 w3 && test "$(told w3)" = "0 0" && test "$(counted w3 "senders'\'' histories kept")" = 0'
t 'the scan not killed: the reference, the histories brought forward, each notmuch'\''s count' '
	restore_good && scan_counted ref.err 2>/dev/null && kept_live && state_dump "$TMP/ref" &&
	grep -q "^leadup: senders'\'' histories brought forward: 1 runs, 1001 messages" ref.err &&
	test "$(sqlite3 "$DB" "SELECT sent, answered FROM senders WHERE addr = '\''notices@corp.example'\''")" = "175|143"'
# Xapian's commit of the tags makes five syncs and a rename; sqlite's
# commit of the state (the histories with it) writes its log first.
for point in wal:1 fdatasync:1 fdatasync:3 fdatasync:6 rename:1; do
	t "the scan killed at $point: the next scan leaves the reference" '
		restore_good && rc=$(killed '"$point"' "$LEADUP" --now "$NOW" scan) && test "$rc" = 137 &&
		lu scan --quiet && kept_live && state_dump "$TMP/got" && diff "$TMP/ref.tags" "$TMP/got.tags" &&
		diff "$TMP/ref.state" "$TMP/got.state"'
done
done_testing
