#!/bin/sh
# What a first scan no longer does (issue 14), counted, not timed
# (LEADUP_DEBUG_COUNTS): the workers do not analyse a message of mine that
# a later message of mine and a later one of theirs follow, nor a message
# that is no message in the conversation (a read receipt).  The rules
# analyse only my latest message and my unanswered run (the messages of
# mine after their latest), and only meaningful messages but automatic
# answers; such a text is read (to compare) but not analysed, and the
# rules would analyse it themselves if they asked ("analysed ahead: N
# texts, M not used"; "analysed on the main thread: N texts").  The tags
# and the state are those of one thread (no workers).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
# Mine, theirs, mine, theirs, mine, theirs: my first two are superseded.
prev= refs=
for i in 1 2 3; do
	msg sent "mine$i@example.com" 'Me <me@example.com>' 'Kim <kim@example.org>' \
		"Mon, 1$i Nov 2026 09:00:00 +0000" 'Contract' $prev $refs <<EOF
Could you send me the signed contract, version $i, by Friday?
EOF
	prev=mine$i@example.com refs="$refs <mine$i@example.com>"
	msg inbox "kim$i@example.org" 'Kim <kim@example.org>' 'Me <me@example.com>' \
		"Mon, 1$i Nov 2026 15:00:00 +0000" 'Re: Contract' $prev "$refs" <<EOF
Thanks. Which address should I send version $i to?
EOF
	prev=kim$i@example.org refs="$refs <kim$i@example.org>"
done
# A run of mine after their question: all three of mine are in it, analysed.
msg inbox ask@example.org 'Lee <lee@example.org>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Invoice' <<'EOF'
Could you check the invoice I sent?
EOF
prev=ask@example.org refs='<ask@example.org>'
for i in 1 2 3; do
	msg sent "run$i@example.com" 'Me <me@example.com>' 'Lee <lee@example.org>' \
		"Tue, 17 Nov 2026 1$i:00:00 +0000" 'Re: Invoice' $prev "$refs" <<EOF
Which invoice do you mean, the one from March ($i)?
EOF
	prev=run$i@example.com refs="$refs <run$i@example.com>"
done
# Lee's read receipt: no message in the conversation, nor an automatic
# answer with a return date: the rules never analyse it.
msg inbox read@example.org 'Lee <lee@example.org>' 'Me <me@example.com>' \
	'Wed, 18 Nov 2026 08:00:00 +0000' 'Read: Re: Invoice' $prev "$refs" <<'EOF'
Your message was read on Wednesday.
EOF
index
pristine

scan() {
	start && LEADUP_JOBS=$2 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>"$1.err" && cat "$1.err" >&2 &&
		state_dump "$1"
}
# ahead NAME: "ANALYSED UNUSED" by the workers; main NAME: texts the main thread analysed.
ahead() { sed -n 's/^leadup: analysed ahead: \([0-9]*\) texts, \([0-9]*\) not used$/\1 \2/p' "$1.err"; }
main() { sed -n 's/^leadup: analysed on the main thread: \([0-9]*\) texts$/\1/p' "$1.err"; }

t 'one thread: their last question waits for me, my run waits for Lee' '
	scan one 1 && expect_tags kim3@example.org "leadup/due leadup/needs-reply" &&
	test -n "$(sqlite3 "$DB" "SELECT state FROM items WHERE mid = '\''run3@example.com'\''")"'
t 'two workers: the same tags and state' '
	scan two 2 && cmp one.tags two.tags && cmp one.state two.state'
# Contract: mine3 and kim3 (kim1 and kim2 are the older answers, t141;
# mine1 and mine2 superseded); Invoice: Lee's question and my run of
# three, not the receipt.  6, all used (Lee's question by the thread
# model's features: the other side's latest message, thread-learn.c),
# none analysed on the main thread.  Main analysed 8 ahead (mine1, mine2, the receipt), 4 of
# them unused, and Lee's question on the main thread: it took Lee's
# receipt for a later message of theirs.
t 'my superseded messages and the receipt go unanalysed, and nobody analyses them' '
	set -- $(ahead two) && test "$1" = 6 && test "$2" = 0 && test "$(main two)" = 0'
done_testing
