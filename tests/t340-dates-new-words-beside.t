#!/bin/sh
# Session 43 made date words of "later", the seasons, "fiscal", "FY",
# "during" (as "over"), "play" (as "business" after "of") and the other
# packs' "über", "später", "été" (issue 10).  A word the tables know
# changes what the matchers around it see, so here are sentences where the
# new words stand beside a phrase of before, or alone as ordinary words,
# each with the days it must keep (read through scripts/date-grammar, as
# t325, at Wed 2 Dec 2026 10:00 -0500, "eu" at +0100).  "during the next
# few days" and "during the weekend" are read as "over ..." now (new).
. "$(dirname "$0")/lib.sh"
G=$ROOT/scripts/date-grammar
cat >rows.tsv <<'ROWS'
nondate	us	Call me later.	none
nondate	us	It is later than you think.	none
relative	us	I'll call you later today.	2026-12-02
relative	us	See you Friday later in the day.	2026-12-04
relative	us	We will talk during the weekend.	2026-12-05..2026-12-06
relative	us	I will send it during the next few days.	2026-12-07
relative	us	We meet Monday during lunch.	2026-12-07
relative	us	The play on Friday was good.	2026-11-27
relative	us	The business plan is due Friday.	2026-12-04
relative	us	The deadline is the end of business on Friday.	2026-12-04
relative	us	Trading ended at the close of play yesterday.	2026-12-01
relative	us	We fall back to the old plan on Monday.	2026-12-07
relative	us	Please spring into action by Friday.	2026-12-04
nondate	us	Spring is a Java framework.	none
nondate	us	Our fiscal policy changed in 2001.	none
nondate	us	The FY27 budget is ready.	none
nondate	us	The summer of love was in 1967.	none
nondate	eu	Wir sprechen über die Woche.	none
nondate	eu	Wir sprechen später.	none
relative	eu	Il a été reporté à lundi.	2026-12-07
ROWS
t 'the new date words keep the phrases beside them and are no date alone' '
	DATE_GRAMMAR=rows.tsv "$G" --rows --fail >out 2>&1 || { cat out; false; }'
t 'and the table can fail: "later" read as a date would be a false row' '
	printf "nondate\tus\tI will do it later this week.\tnone\n" >bad.tsv &&
	{ DATE_GRAMMAR=bad.tsv "$G" --rows --fail >out 2>&1; test $? -eq 1; } && grep -q "^false " out'
done_testing
