#!/bin/sh
# On an opted-in list, a regular's answer to my question that asks me
# something back: a real question about my setup makes me owe an answer
# (needs-reply).  Issue 10's sixteenth attempt (threads, session 32) read
# the learned reply model for their asks too, to let a teaching or
# rhetorical question ("Did you read the posting guide?") wait for
# nothing; it lost real questions like this one on the train people and
# did not ship (doc/benchmarks-log.md, "Sixteenth attempt (threads)").  What any
# later reading of their asks must keep is this side: the written
# questions below, not corpus mail.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-19T12:00:00+00:00
# 1. My question to the list, a regular's questions about my setup.
HDR='List-Id: <help.lists.example>' msg lists lq1@example.com 'Me <me@example.com>' \
	'help@lists.example' 'Mon, 16 Nov 2026 09:00:00 +0000' 'merge drops rows' <<'EOF'
When I merge my two data frames, some rows are gone. What am I doing wrong?
EOF
HDR='List-Id: <help.lists.example>' msg lists lq1r@other.example 'Reg <reg@other.example>' \
	'help@lists.example' 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: merge drops rows' \
	lq1@example.com <<'EOF'
Which version of R are you running, and on which platform? Do the key columns have the same type in both data frames?
EOF
# 2. The same, where a regular answers somebody else: not mine to answer.
HDR='List-Id: <help.lists.example>' msg lists lq2@other.example 'Ann <ann@other.example>' \
	'help@lists.example' 'Mon, 16 Nov 2026 09:30:00 +0000' 'plot margins' <<'EOF'
My plot margins are cut off in the PDF. Any idea why?
EOF
HDR='List-Id: <help.lists.example>' msg lists lq2r@other.example 'Reg <reg@other.example>' \
	'help@lists.example' 'Mon, 16 Nov 2026 11:30:00 +0000' 'Re: plot margins' \
	lq2@other.example <<'EOF'
Which version of R are you running, and on which platform? Where do you call par()?
EOF
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"

t 'a regular asks me, the asker, about my setup: I owe an answer' '
	lu scan --quiet && expect_tags lq1r@other.example "leadup/due leadup/needs-reply" &&
	lu why id:lq1r@other.example >out && grep -q "expects a reply" out'
t 'the same questions to somebody else on the list ask nothing of me' '
	expect_tags lq2r@other.example ""'
done_testing
