#!/bin/sh
# More messages added at once than an incremental scan reads the
# Message-IDs of (LU_FORWARD_MOST, 1,000: an archive imported, a list's
# month fetched, the hook off a while; issue 14, session 41): the scan
# used to leave the senders' histories for the next full scan, and every
# why and draft afterwards counted each history over the whole index.  Now
# it brings them forward by document number (nm.c lu_db_above, the added
# messages' From and To terms read by number, lu_db_terms_above, a
# sender's count over them from Xapian's postings), however many arrived.
# LEADUP_DEBUG_FORWARD_MOST=3 stands for the 1,000, so the test stays
# small.  The histories are each notmuch's count (kept_live), those a full
# scan of a fresh state writes, and the tags and every table are those of
# the way below the limit (the Message-IDs read, notmuch's counts naming
# them), masking what differs between two worlds of the same mail.
. "$(dirname "$0")/lib.sh"
need_sqlite3

home() { home_world "$1"; } # home NAME: the world NAME (lib.sh)
many() { asking_mail many "$1" "$2" 11; } # many FROM TO: lib.sh asking_mail
own() { state_between_worlds "$1"; } # own STATE: lib.sh
# forward NAME: "RUNS MESSAGES" brought forward, and the messages whose
# terms were read by number (each field counts), of NAME (LEADUP_DEBUG_COUNTS)
forward() {
	echo "$(sed -n "s/^leadup: senders' histories brought forward: \([0-9]*\) runs, \([0-9]*\) messages.*/\1 \2/p" "$1")" \
		"$(debug_counted "$1" "messages added whose From and To terms were read by number")"
}
rows() { sqlite3 "$DB" "SELECT addr, sent, answered FROM senders ORDER BY addr"; }
base() { sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'senders_base'"; }
copy() { # copy FROM TO: the world FROM as TO
	rm -rf "$TMP/$2" && cp -a "$TMP/$1" "$TMP/$2" && sed -i "s#$TMP/$1#$TMP/$2#" "$TMP/$2/.notmuch-config"
}

# kept_world's mail (lib.sh) with José's question, scanned, then a full scan
# that keeps the senders' histories; copies b (the way below the limit)
# and f (a fresh full scan)
home a && world && ask a1@example.com 'Q <q@q.example>' 'Budget' && notice 16 && notice 17 &&
	notice 18 && msg inbox jose1@example.org 'José <josé@corp.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'Papers' </dev/null && scanned && lu scan --full --quiet
home a && many 1 40 && index && base >base.before && copy a b && copy a f

t 'forty added past a limit of three: the scan brings the histories forward by number' '
	home a && scan_counted s1 LEADUP_DEBUG_FORWARD_MOST=3 2>/dev/null &&
	test "$(forward s1)" = "1 40 80" && test "$(base)" != "$(cat base.before)" && kept_live &&
	test "$(sqlite3 "$DB" "SELECT sent, answered FROM senders WHERE addr = '\''notices@corp.example'\''")" = "10|5" &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '\''josé@corp.example'\''")" = 4'
t 'the same tags and state as the way below the limit (the forty read for their ids)' '
	home a && state_dump "$TMP/a.s1" && home b && scan_counted b1 2>/dev/null &&
	test "$(forward b1)" = "1 40 0" && state_dump "$TMP/b.s1" &&
	diff "$TMP/a.s1.tags" "$TMP/b.s1.tags" &&
	own "$TMP/a.s1.state" >a.own && own "$TMP/b.s1.state" >b.own && diff a.own b.own'
# counted A B: the histories of A's rows that B holds too, each count both
# counted (not -1 or -2, none asked), as "ADDR WHAT COUNT"
counted() {
	LC_ALL=C join -t '|' "$1" "$2" | awk -F '|' '{ if ($2 >= 0 && $4 >= 0) print $1, "sent", $2;
		if ($3 >= 0 && $5 >= 0) print $1, "answered", $3 }'
}
t 'the histories those a full scan of a fresh state writes' '
	home a && rows >a.rows && home f && rm -rf "$XDG_DATA_HOME/leadup" && lu scan --full --quiet &&
	rows >f.rows && counted a.rows f.rows >af && counted f.rows a.rows >fa && diff af fa &&
	test "$(wc -l <af)" = 3 && grep -qx "notices@corp.example sent 10" af &&
	grep -qx "josé@corp.example sent 4" af'
t 'why and draft then read them kept, nothing added since, as counting afresh (José'\''s answered: none kept)' '
	home a && test "$(kept_asked w1 why id:many5@example.org)" = "2 0" &&
	test "$(kept_asked d1 draft id:many22@example.org)" = "1 0"'
t 'every row read and tested (LEADUP_DEBUG_WHOLE_SENDERS): the same' '
	home b && many 41 60 && index && copy b c && scan_counted b2 LEADUP_DEBUG_FORWARD_MOST=3 2>/dev/null &&
	test "$(forward b2)" = "1 20 40" && rows >b2.rows && kept_live && home c &&
	scan_counted c2 LEADUP_DEBUG_FORWARD_MOST=3 LEADUP_DEBUG_WHOLE_SENDERS=1 2>/dev/null &&
	rows >c2.rows && diff b2.rows c2.rows'
t 'a full scan past the limit brings them forward the same way' '
	home b && many 61 70 && index && LEADUP_DEBUG_COUNTS=1 LEADUP_DEBUG_FORWARD_MOST=3 lu scan --full \
		--quiet 2>b3.err && test "$(forward b3.err)" = "1 10 20" && kept_live'
done_testing
