#!/bin/sh
# classify reads a text's order of day and month (dates.c lu_dates_order,
# which tokenises the whole text once more) only when one of its sentences
# has a numeric date that the order decides ("by 11/1"; not "15/11" nor
# "12/12"), where it read it for every text (issue 14): counted
# (LEADUP_DEBUG_COUNTS), not timed.  The dates are those t023 and t003
# check: read in the same order as before.
. "$(dirname "$0")/lib.sh"
NOW=2026-11-20T09:00:00+00:00
orders() { sed -n 's/^leadup: order of day and month: \([0-9]*\) texts read$/\1/p' "$1"; }
starts() { grep -o '"start":"[0-9-]*' | sed 's/.*"//' | awk '!seen[$0]++' | tr '\n' ' ' | sed 's/ $//'; }
cat >lines <<'EOF'
Could you send me the final numbers by Friday?
I will call you tomorrow at 10.
The invoice of 15/11 is attached.
Thanks for the update, all good here.
Could you send me the final numbers by 11/1? The deal of 15/11 is closed.
See you on 12/12 then, and on 3/4 too.
EOF
t 'of six texts, the two with a date the order decides have it read' '
	LEADUP_DEBUG_COUNTS=1 lu classify --lines <lines >out 2>err && test "$(orders err)" = 2'
t 'a text without one: nothing read' '
	sed -n 3p lines | LEADUP_DEBUG_COUNTS=1 lu classify --text >/dev/null 2>err3 &&
	test "$(orders err3)" = 0'
t 'the order still comes from the whole text: 11/1 after its own 15/11 is 11 January' '
	test "$(sed -n 5p out | starts)" = "2027-01-11 2026-11-15"'
t 'and without one, from the default: 3/4 is 3 April' '
	test "$(sed -n 6p out | starts)" = "2026-12-12 2027-04-03"'
done_testing
