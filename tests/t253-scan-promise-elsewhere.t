#!/bin/sh
# Two places where a conversation that needs following up read as "in no
# queue" (issue 10, session 35, doc/benchmarks-log.md "Misses read as in no
# queue"): written mail, each case beside the one the rule must leave.
# 1. My promise dated to a part of the day the Date header's clock had
#    already passed ("this morning", written at 23:00 by that clock) is
#    due by that part of the next day, not by nothing; a promise whose
#    date ended days before ("the figures of last week") still owes nothing.
# 2. On a list, in a thread somebody else started, a same-subject post
#    that broke threading answers my question to the asker only when the
#    asker wrote it; another helper's post answers the asker, not me.
. "$(dirname "$0")/lib.sh"
world
L='List-Id: <help.lists.example>'
# 1. Two promises of mine, sent Sunday 15 November at 23:00 (-0800).
msg sent pm1@example.com 'Me <me@example.com>' 'Sam <sam@client.example>' \
	'Sun, 15 Nov 2026 23:00:00 -0800' 'Re: Buyout' <<'EOF'
Sam,

The builder has been working with the architect. I will check his progress this morning and let you know.
EOF
msg sent pm2@example.com 'Me <me@example.com>' 'Tia <tia@client.example>' \
	'Sun, 15 Nov 2026 23:00:00 -0800' 'Re: Figures' <<'EOF'
Tia, thanks for the note. I will look at the figures of last week again.
EOF
# 2. Cy's question; my question back to Cy; a post of the same subject
#    without reply headers, by another helper (2a) or by Cy (2b).
for k in a b; do
	HDR="$L" msg lists eq$k@other.example "Cy$k <cy$k@other.example>" 'help@lists.example' \
		'Mon, 16 Nov 2026 08:00:00 +0000' "loop too slow $k" <<'EOF'
My loop over ten thousand files takes an hour. How can I make it faster?
EOF
	HDR="$L" msg lists eq${k}m@example.com 'Me <me@example.com>' 'help@lists.example' \
		'Mon, 16 Nov 2026 09:30:00 +0000' "Re: loop too slow $k" eq$k@other.example <<'EOF'
Which part of the loop takes the time: reading the files or the computation? Could you send the output of Rprof() for one run?
EOF
done
HDR="$L" msg lists eqax@other.example 'Dee <dee@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 10:30:00 +0000' 'Re: loop too slow a' <<'EOF'
You could also read all the files first with lapply() and then compute on the list.
EOF
HDR="$L" msg lists eqbx@other.example 'Cyb <cyb@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 10:30:00 +0000' 'Re: loop too slow b' <<'EOF'
Reading the files takes almost all of it; the computation is quick. Here is the Rprof() output.
EOF
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-18T12:00:00+00:00

t 'a promise for "this morning" written after the morning is due the next one' '
	lu scan --quiet && expect_tags pm1@example.com "leadup/due leadup/promise-mine" &&
	lu why id:pm1@example.com >out && grep -q "this morning" out'
t 'a promise of a date days before owes nothing by it' '
	expect_tags pm2@example.com ""'
t 'another helper'"'"'s post that broke threading does not answer my question to the asker' '
	expect_tags eqam@example.com leadup/awaiting &&
	lu why id:eqam@example.com >out && ! grep -q "answered on" out'
t 'the asker'"'"'s own post that broke threading does' '
	expect_tags eqbm@example.com "" &&
	lu why id:eqbm@example.com >out && grep -q "answered on" out'
done_testing
