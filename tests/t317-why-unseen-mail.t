#!/bin/sh
# why and draft of mail no scan has seen (issue 14, session 40): the
# senders' histories the last full scan kept hold with the messages added
# since counted on top.  Those were told by reading each added document's
# terms for its Message-ID and counted by a notmuch query naming them all,
# 0.13 M instructions a message added at 300,000 messages, and with more
# than a hundred added each history was counted over the whole index.  Now
# the messages added are told by document number (nm.c lu_db_above: the
# posting lists of all documents and of type:mail, no document opened) and
# a sender's count reads only those that hold the address's rarest word
# (lu_db_count_addr_above), up to LU_FORWARD_MOST added.  Counted, not
# timed (LEADUP_DEBUG_COUNTS "messages added since the senders' histories:
# R read for their ids, N told by number"): R stays 0 however many are
# added; the output is what counting afresh gives (LEADUP_DEBUG_NO_BASE)
# and what the old way gives (LEADUP_DEBUG_NO_ABOVE).  The keys write
# nothing: the state and tags after them are as before, and the next scan
# leaves what a scan alone leaves.
. "$(dirname "$0")/lib.sh"
need_sqlite3

home() { home_world "$1"; } # home NAME: the world NAME (lib.sh)
unseen() { asking_mail unseen "$1" "$2"; } # unseen FROM TO: lib.sh asking_mail
# told NAME: "R N" of NAME.err (LEADUP_DEBUG_COUNTS): the messages added read
# for their ids, and told by number
told() {
	sed -n "s/^leadup: messages added since the senders' histories: \([0-9]*\) read for their ids, \([0-9]*\) told by number$/\1 \2/p" "$1.err"
}
# old NAME KEY ARGS: KEY the old way (LEADUP_DEBUG_NO_ABOVE) into NAME.old, the same as NAME's
old() {
	_n=$1 && shift && LEADUP_DEBUG_COUNTS=1 LEADUP_DEBUG_NO_ABOVE=1 lu "$@" >"$_n.old" 2>"$_n.old.err" &&
		cmp "$_n" "$_n.old"
}
own() { state_between_worlds "$1"; } # own STATE: lib.sh
# kept_world's mail in the world a: my question, three notices, scanned,
# then a full scan that keeps the senders' histories; a copy c of it
home a && world && ask a1@example.com 'Q <q@q.example>' 'Budget' && notice 16 && notice 17 &&
	notice 18 && scanned && lu scan --full --quiet
cp -a "$TMP/a" "$TMP/c" && sed -i "s#$TMP/a#$TMP/c#" "$TMP/c/.notmuch-config"

home c && unseen 1 5 && index
t 'five added: the histories kept, the five told by number, none read' '
	test "$(kept_asked w1 why id:often18@example.org)" = "2 2" && test "$(told w1)" = "0 5" &&
	grep -q "has written to you 4 times and you have never written to them" w1'
t 'the same as the old way, which read the five for their ids' '
	old w1 why id:often18@example.org && test "$(told w1.old)" = "5 0"'
t 'draft the same way' '
	test "$(kept_asked d1 draft id:often18@example.org)" = "2 2" && test "$(told d1)" = "0 5" &&
	old d1 draft id:often18@example.org'
t 'the counts by number are notmuch'\''s (LEADUP_DEBUG_CHECK_XADDR)' '
	LEADUP_DEBUG_CHECK_XADDR=1 LEADUP_DEBUG_COUNTS=1 lu why id:unseen5@example.org >w2 2>w2.err &&
	! grep "differs" w2.err && test "$(told w2)" = "5 5" && old w2 why id:unseen5@example.org'

home a && unseen 1 155 && index
cp -a "$TMP/a" "$TMP/b" && sed -i "s#$TMP/a#$TMP/b#" "$TMP/b/.notmuch-config"
home a && state_dump "$TMP/a.before"
t '155 added (more than a hundred): still kept, none read' '
	test "$(kept_asked w3 why id:often18@example.org)" = "2 2" && test "$(told w3)" = "0 155" &&
	old w3 why id:often18@example.org && test "$(told w3.old)" = "0 0" &&
	! grep -q "never written to them" w3'
t 'a message among the added: the same' '
	test "$(kept_asked w4 why id:unseen10@example.org)" = "2 2" && test "$(told w4)" = "0 155" &&
	test "$(kept_asked d4 draft id:unseen10@example.org)" = "2 2" && old d4 draft id:unseen10@example.org'
t 'an address the postings cannot count, more than a hundred added: counted with notmuch' '
	LEADUP_DEBUG_NO_XADDR=1 LEADUP_DEBUG_COUNTS=1 lu why id:often18@example.org >w5 2>w5.err &&
	cmp w3 w5 && test "$(debug_counted w5.err "senders'\'' histories kept")" = 0'
t 'the keys wrote nothing: the tags and state as before them' '
	state_dump "$TMP/a.after" && diff "$TMP/a.before.tags" "$TMP/a.after.tags" &&
	diff "$TMP/a.before.state" "$TMP/a.after.state"'
t 'the next scan leaves what a scan alone leaves' '
	lu scan --quiet && state_dump "$TMP/a.scan" && kept_live &&
	home b && lu scan --quiet && state_dump "$TMP/b.scan" &&
	diff "$TMP/a.scan.tags" "$TMP/b.scan.tags" &&
	own "$TMP/a.scan.state" >a.own && own "$TMP/b.scan.state" >b.own && diff a.own b.own &&
	grep -q "^notices@corp.example|30|22$" a.own'
done_testing
