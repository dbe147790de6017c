#!/bin/sh
# On an opted-in list, in a thread I started, a helper's answer to my
# question whose asks are advice and teaching ("Have you looked at what
# str(d) prints?") owes them nothing back: only an ask the learned reply
# model reads as waiting for my answer makes the thread need my reply
# (t230 keeps that side: a regular's real questions about my setup).  In a
# thread somebody else started, where I answered as a helper, the rule does
# not apply to the asker's reply to me (another helper's reply to me there
# is gated the same way since session 39: t305).
# Issue 10, session 34 (doc/benchmarks-log.md, "List threads").  Written mail.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-19T12:00:00+00:00
L='List-Id: <help.lists.example>'
# 1. My question; a helper's advice with a teaching question and code.
HDR="$L" msg lists hq1@example.com 'Me <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'subset keeps too many rows' <<'EOF'
My call to identical() inside a loop keeps every row of my data frame. What am I doing wrong?
EOF
HDR="$L" msg lists hq1r@other.example 'Reg <reg@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: subset keeps too many rows' hq1@example.com <<'EOF'
Have you looked at what str(d) prints for your data frame? You can also use subset() for this:

  d2 <- subset(d, b > 2)

Then simply add:

  return(d2)

at the end of your function.
EOF
# 2. The same words to me from Ann, in the thread she started, where I helped.
HDR="$L" msg lists hq2@other.example 'Ann <ann@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 08:00:00 +0000' 'rows vanish after merge' <<'EOF'
Rows vanish when I merge my two tables. Any idea why?
EOF
HDR="$L" msg lists hq2m@example.com 'Me <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 09:30:00 +0000' 'Re: rows vanish after merge' hq2@other.example <<'EOF'
The key columns probably differ in type. Convert both to character first.
EOF
HDR="$L" msg lists hq2r@other.example 'Ann <ann@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 11:30:00 +0000' 'Re: rows vanish after merge' hq2m@example.com \
	'<hq2@other.example> <hq2m@example.com>' <<'EOF'
Have you looked at what str(d) prints for your data frame? You can also use subset() for this:

  d2 <- subset(d, b > 2)

Then simply add:

  return(d2)

at the end of your function.
EOF
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"

t 'a helper answers my question with advice and a teaching question: nothing owed' '
	lu scan --quiet && expect_tags hq1r@other.example "" &&
	lu why id:hq1r@other.example >out && grep -q "answers your question to the list" out'
t 'the same words to me from the asker who started the thread still need my reply' '
	expect_tags hq2r@other.example "leadup/due leadup/needs-reply"'
done_testing
