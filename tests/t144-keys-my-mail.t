#!/bin/sh
# Whether the index holds my mail (issue 14), counted, not timed
# (LEADUP_DEBUG_COUNTS: "notmuch counts: N messages counted").  Before a
# rule counts a sender's history (never_answered), the scan and the keys
# ask whether the index holds any mail from me at all.  Counting all of it
# read every message of mine (170 ms of a why at 300,000 messages); the
# state's awaiting anchors, mine, are asked about first, by the same query
# narrowed to their ids, and all of my mail is counted only when none of
# them is mine in the index.  The verdict and the output are the same.
. "$(dirname "$0")/lib.sh"
need_sqlite3
# The senders' histories counted with notmuch, not read from those the
# full scan kept (t226 reads those) nor from Xapian's postings (t303):
# their counts are what this counts.
export LEADUP_DEBUG_NO_BASE=1 LEADUP_DEBUG_NO_XADDR=1
world
# Twelve questions of mine, nobody answered: twelve awaiting items.
for p in a b c d e f g h i j k l; do
	ask "ask-$p@example.com" "Ann $p <ann.$p@a.example>" "Figures $p"
done
# A sender of three questions I never answered (never_answered counts their
# mail, 3, and mine to them, 0).
for d in 16 17 18; do
	notice "$d"
done
scanned
DB=$STATE_DIR/state.db
# counted NAME ARGS...: leadup ARGS, its output in NAME, then "MATCHES COUNTS"
counted() {
	name=$1 && shift && LEADUP_DEBUG_COUNTS=1 lu "$@" >"$name" 2>"$name.err" &&
		echo "$(sed -n 's/^leadup: notmuch counts: \([0-9]*\) messages counted$/\1/p' "$name.err")" \
			"$(sed -n "s/^leadup: senders' histories: \([0-9]*\) counts$/\1/p" "$name.err")"
}

t 'the frequent sender is no conversation' '
	expect_tags often18@example.org "" && lu why id:often18@example.org >w0 &&
	grep -q "has written to you 3 times and you have never written to them" w0'
# Four awaiting anchors (4), their mail (3), mine to them (0): 7 messages
# counted in three counts.  Counting all of mine: 12 + 3 = 15.
t 'why: four of my messages asked about, not all twelve' '
	set -- $(counted w1 why id:often18@example.org) && test "$1" = 7 && test "$2" = 3 &&
	cmp w0 w1'
t 'draft reads the same' '
	set -- $(counted d1 draft id:often18@example.org) && test "$1" = 7'
# No awaiting item stored: all of my mail is counted, the same verdict.
t 'no awaiting anchor in the state: all of mine counted, the same output' '
	sqlite3 "$DB" "DELETE FROM items WHERE state = '\''awaiting'\''" &&
	set -- $(counted w2 why id:often18@example.org) && test "$1" = 15 && test "$2" = 3 &&
	cmp w0 w2'
# An anchor stored that is not mine (the state is older than the index):
# the narrowed query finds none, then everything is counted.
t 'an anchor that is not mine: all of mine counted, the same output' '
	sqlite3 "$DB" "INSERT INTO items(mid, thread, state, subject, who, updated)
		VALUES ('\''often16@example.org'\'', '\''x'\'', '\''awaiting'\'', '\''s'\'', '\''w'\'', 1)" &&
	set -- $(counted w3 why id:often18@example.org) && test "$1" = 15 && test "$2" = 4 &&
	cmp w0 w3'
done_testing
