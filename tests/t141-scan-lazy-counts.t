#!/bin/sh
# What a first scan no longer does (issue 14), counted, not timed
# (LEADUP_DEBUG_COUNTS):
# - a sender's history is counted only as far as a rule needs it: my mail
#   to them (a query of its own) only once they wrote to me often enough
#   for never_answered (LU_NEVER_ANSWERED_MIN), where it used to be counted
#   for every sender whose question was weighed ("senders' histories: N
#   counts");
# - the workers do not analyse the older messages of the others in a
#   thread (not the latest two of it, not an automatic answer): the rules
#   read the text of such a message only to compare, and analyse it
#   themselves when they do ask ("analysed ahead: N texts").
# The tags and the state are those of one thread (no workers).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
# Five strangers' single questions, in threads I never wrote in: each
# sender's mail counted (one), mine to them not (fewer than three).
for p in a b c d e; do
	msg inbox "q-$p@example.org" "Stranger $p <$p@stranger.example>" 'Me <me@example.com>' \
		'Wed, 18 Nov 2026 09:00:00 +0000' "Question $p" <<'EOF'
Can you confirm the delivery address, please?
EOF
done
# A sender of three questions: both counted (never_answered holds).
for d in 16 17 18; do
	notice "$d"
done
# My question answered four times by others in one thread: the workers
# analyse my message and the latest two.
msg sent ask@example.com 'Me <me@example.com>' 'Team <team@example.org>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Venue' <<'EOF'
Could you tell me by Thursday which venue you prefer?
EOF
prev=ask@example.com refs='<ask@example.com>'
for i in 1 2 3 4; do
	msg inbox "re$i@example.org" "Member $i <m$i@example.org>" 'Me <me@example.com>' \
		"Tue, 17 Nov 2026 1$i:00:00 +0000" 'Re: Venue' "$prev" "$refs" <<EOF
I would go for the hall on the river, option $i.
EOF
	prev=re$i@example.org refs="$refs <re$i@example.org>"
done
index
pristine

# scan NAME JOBS: the first full scan with LEADUP_JOBS=JOBS, counted, then state_dump NAME.
scan() {
	start && LEADUP_JOBS=$2 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>"$1.err" && cat "$1.err" >&2 &&
		state_dump "$1"
}
counts() { sed -n "s/^leadup: senders' histories: \([0-9]*\) counts$/\1/p" "$1.err"; }
# ahead NAME: "ANALYSED UNUSED" by the workers; main NAME: texts the main thread analysed.
ahead() { sed -n 's/^leadup: analysed ahead: \([0-9]*\) texts, \([0-9]*\) not used$/\1 \2/p' "$1.err"; }
main() { sed -n 's/^leadup: analysed on the main thread: \([0-9]*\) texts$/\1/p' "$1.err"; }

t 'the verdicts: the strangers are owed a reply, the frequent sender is not' '
	scan one 1 && expect_tags q-a@example.org "leadup/due leadup/needs-reply" &&
	expect_tags q-e@example.org "leadup/due leadup/needs-reply" &&
	expect_tags often18@example.org ""'
# Mine exists (1), each stranger's mail (5), the frequent sender's and
# mine to them (2): 8.  Counting mine to every sender asked: 13.
t 'each stranger costs one count, the frequent sender two' '
	test "$(counts one)" = 8'
t 'two workers: the same counts, tags and state' '
	scan two 2 && test "$(counts two)" = 8 &&
	cmp one.tags two.tags && cmp one.state two.state'
# Analysed ahead: the thread of mine (mine, the latest two of theirs: 3;
# all five: 5), the strangers' questions (5) and the frequent sender's (3).
t 'the workers leave the older answers unanalysed, and nobody analyses them' '
	set -- $(ahead two) && test "$1" = 11 && test "$(main two)" = 0'
done_testing
