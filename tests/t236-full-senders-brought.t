#!/bin/sh
# A full scan after notmuch changed reads the senders' histories the last
# full scan kept as the incremental scans brought them forward (issue 14),
# with the messages added since counted on top, instead of counting every
# sender again with notmuch (LEADUP_DEBUG_COUNTS: "senders' histories: N
# counts", 0).  Only while messages were only added since and I am who I
# was: a message removed or another address of mine counts them all again.
# Each kept count is notmuch's count of its query, and each scan's tags,
# items and histories are those of the same scan counting afresh
# (LEADUP_DEBUG_NO_BASE), on copies of the same databases.
. "$(dirname "$0")/lib.sh"
kept_world
# scan NAME [VAR=VALUE]: a full scan, counted into NAME.err; the tags, items and histories into NAME.sum.
scan() {
	_n=$1 && shift && env LEADUP_DEBUG_COUNTS=1 "$@" "$LEADUP" --now "$NOW" scan --full 2>"$_n.err" &&
		cat "$_n.err" >&2 && {
		notmuch dump --include=tags
		sqlite3 "$DB" "SELECT mid, state, due, due_at, next_check, why FROM items ORDER BY mid"
		sqlite3 "$DB" "SELECT addr, sent, answered FROM senders ORDER BY addr"
	} >"$_n.sum"
}
counts() { debug_counted "$1.err" "senders' histories"; }
# compare NAME: the full scan counting afresh, then, on copies of the same databases as
# they were, the full scan reading the kept histories (whose state stays): the same.
compare() {
	rm -rf both && mkdir both && cp -a "$MAIL/.notmuch" both/nm && cp -a "$STATE_DIR" both/state &&
		scan "$1-nb" LEADUP_DEBUG_NO_BASE=1 && rm -rf "$MAIL/.notmuch" "$STATE_DIR" &&
		cp -a both/nm "$MAIL/.notmuch" && cp -a both/state "$STATE_DIR" && scan "$1" &&
		diff "$1.sum" "$1-nb.sum" && kept_live
}
scan_inc() { index && lu scan --quiet; }

t 'a tag written since the full scan: the kept histories read, none counted' '
	notmuch tag +mine -- id:often17@example.org && compare c1 && test "$(counts c1)" = 0 &&
	test "$(counts c1-nb)" -gt 0'
t 'a message of theirs added, no scan between: counted on top of the kept ones' '
	notice 19 && index && compare c2 && test "$(counts c2)" = 0 &&
	test "$(debug_counted c2.err "senders'"'"' histories brought forward")" = 1 &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '"'"'notices@corp.example'"'"'")" = 4'
t 'my reply, an incremental scan that brings them forward, a tag: the kept ones read' '
	mine_to_notices mine1@example.com 19 && scan_inc && notmuch tag -mine -- id:often17@example.org &&
	compare c3 && test "$(counts c3)" = 0 &&
	test "$(sqlite3 "$DB" "SELECT answered FROM senders WHERE addr = '"'"'notices@corp.example'"'"'")" = 1'
t 'a message removed: every history counted again' '
	rm "$MAIL/inbox/cur/often16@example.org:2,S" && index && compare c4 && test "$(counts c4)" -gt 0 &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '"'"'notices@corp.example'"'"'")" = 3'
t 'another address of mine: every history counted again' '
	notmuch tag +x -- id:often17@example.org &&
	notmuch config set user.other_email "me.too@example.net;me.three@example.org" &&
	compare c5 && test "$(counts c5)" -gt 0'
done_testing
