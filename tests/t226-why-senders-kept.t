#!/bin/sh
# why, draft and the decisions read the senders' histories the last full
# scan kept (issue 14), counted, not timed (LEADUP_DEBUG_COUNTS: "senders'
# histories kept: N read, M with the messages since").  never_answered asks
# how often the sender wrote to me and I to them: two notmuch counts, each
# a walk of the whole index (25.8 M of a why's 44.2 M instructions at
# 300,000 messages).  The full scan keeps them with what the index held
# (meta senders_base: its documents, mail documents, total length and
# newest document); the keys read them and count only the messages added
# since.  Anything else changed (a message removed, the database made
# again) and they count with notmuch.  The output is always what counting
# afresh (LEADUP_DEBUG_NO_BASE) gives.
. "$(dirname "$0")/lib.sh"
kept_world

t 'the full scan keeps the histories and what the index held' '
	test "$(sqlite3 "$DB" "SELECT sent, answered FROM senders WHERE addr = '\''notices@corp.example'\''")" = "3|0" &&
	uuid=$(notmuch count --lastmod "*" | cut -f2) &&
	sqlite3 "$DB" "SELECT value FROM meta WHERE key = '\''senders_base'\''" | grep -q "^[0-9a-f]\{16\} $uuid [0-9]* [0-9]* [0-9]* [0-9]* [QX]"'
t 'why reads them: nothing counted in notmuch but whether I have mail' '
	test "$(kept_asked w1 why id:often18@example.org)" = "2 0" &&
	grep -q "has written to you 3 times and you have never written to them" w1 &&
	test "$(debug_counted w1.err "senders'\'' histories")" = 1'
t 'draft reads them too' '
	test "$(kept_asked d1 draft id:often18@example.org)" = "2 0"'
t 'a tag written since changes nothing of it' '
	notmuch tag +someone/else -- id:often17@example.org &&
	test "$(kept_asked w2 why id:often18@example.org)" = "2 0"'
t 'a message of theirs added since: counted on top, the answer moves' '
	notice 19 && index && test "$(kept_asked w3 why id:often19@example.org)" = "2 2" &&
	grep -q "has written to you 4 times and you have never written to them" w3'
t 'my mail to them added since: no longer never written to' '
	mine_to_notices mine1@example.com 19 && index && test "$(kept_asked w4 why id:often19@example.org)" = "2 2" &&
	! grep -q "never written to them" w4'
# A snooze decides by its rule before any history is asked (its view runs
# no rules since s36-view: the commit's do), so it counts nothing; reopen's
# rules ask them.
t 'a decision reads them: a snooze needs none, not even a count in notmuch; reopen reads them' '
	LEADUP_DEBUG_COUNTS=1 lu snooze 3d id:often19@example.org 2>s1.err >/dev/null &&
	test "$(debug_counted s1.err "senders'\'' histories")" = 0 &&
	test "$(debug_counted s1.err "senders'\'' histories kept")" = 0 &&
	LEADUP_DEBUG_COUNTS=1 lu reopen id:often19@example.org 2>s2.err >/dev/null &&
	test "$(debug_counted s2.err "senders'\'' histories kept")" -gt 0'
# More added since than LU_SINCE_MOST (100): told by document number and
# counted from Xapian's postings since session 40 (t317), up to
# LU_FORWARD_MOST; the old way (LEADUP_DEBUG_NO_ABOVE) counted in notmuch.
t 'more than a hundred messages added: kept (t317); the old way counted with notmuch' '
	i=0 && while [ $i -lt 101 ]; do
		i=$((i + 1)) &&
		msg lists "many$i@example.org" "List <l@list.example>" "Me <me@example.com>" \
			"Thu, 19 Nov 2026 12:00:00 +0000" "Many $i" </dev/null || return 1
	done && index && test "$(kept_asked w5 why id:often19@example.org)" = "2 2" &&
	test "$(export LEADUP_DEBUG_NO_ABOVE=1 && kept_asked w5o why id:often19@example.org)" = "0 0"'
t 'a full scan keeps them again' '
	lu scan --full --quiet && test "$(kept_asked w6 why id:often18@example.org)" = "2 0"'
t 'a message removed: counted with notmuch' '
	rm "$MAIL/inbox/cur/often16@example.org:2,S" && index &&
	test "$(kept_asked w7 why id:often18@example.org)" = "0 0" &&
	lu scan --full --quiet && test "$(kept_asked w8 why id:often18@example.org)" = "2 0"'
t 'the database made again (another UUID): counted with notmuch' '
	rm -rf "$MAIL/.notmuch/xapian" && index &&
	test "$(kept_asked w9 why id:often18@example.org)" = "0 0"'
t 'another identity: counted with notmuch' '
	lu scan --full --quiet && test "$(kept_asked w10 why id:often18@example.org)" = "2 0" &&
	printf "[identity]\naddresses = me@example.com, q@q.example\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	test "$(kept_asked w11 why id:often18@example.org)" = "0 0"'
done_testing
