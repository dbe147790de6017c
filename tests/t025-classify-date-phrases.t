#!/bin/sh
# Date phrases of the labelled real-mail date set (issue 10, doc/labelling.md
# Part 3, scripts/eval-dates) that leadup missed or misread, read through
# `classify` on a message, so at the message's own Date and in its zone:
# a quarter or half with its year, "the latter part of May", "Todays", a
# weekday alone in a sentence of the past tense, and no date in "Windows
# 10/11".  And eval-dates without ../shared: a skip, a failure under CI.
. "$(dirname "$0")/lib.sh"
NOW=2001-06-10T12:00:00+00:00
note() { # note DATE BODY: a message written at DATE
	printf 'From: Ann <ann@a.example>\nTo: me@example.com\nSubject: Notes\nDate: %s\nMessage-ID: <d@a.example>\n\n%s\n' "$1" "$2"
}
dates() { # "text first..last" of each date of the message on stdin, one a line
	lu classify | python3 -c '
import json, sys
for s in json.load(sys.stdin)["sentences"]:
    for d in s["dates"]:
        print("%s %s..%s" % (d["text"], d["start"][:10], d["end"][:10]))'
}
PDT="Wed, 6 Jun 2001 19:11:43 -0700"
t 'a quarter and a half with their year are their months' '
	note "$PDT" "Costs in the third quarter of 2001 fell, and Q4 2001 and the first half of next year look better." | dates >out &&
	grep -qx "the third quarter of 2001 2001-07-01..2001-09-30" out &&
	grep -qx "Q4 2001 2001-10-01..2001-12-31" out &&
	grep -qx "the first half of next year 2002-01-01..2002-06-30" out'
t 'the latter and the first part of a month are its late and early days' '
	note "$PDT" "The stock rose in the latter part of May and spiked in the first part of June." | dates >out &&
	grep -qx "the latter part of May 2001-05-21..2001-05-31" out &&
	grep -qx "the first part of June 2001-06-01..2001-06-10" out'
t '"Todays" is today in the writer'"'"'s zone (UTC is already the 7th)' '
	note "$PDT" "Todays price action was a fake out." | dates >out &&
	grep -qx "Todays 2001-06-06..2001-06-06" out'
t 'a weekday alone in a sentence of the past tense is the last one' '
	note "$PDT" "Wednesday'"'"'s close was higher than Monday'"'"'s." | dates >out &&
	grep -qx "Wednesday 2001-05-30..2001-05-30" out && grep -qx "Monday 2001-06-04..2001-06-04" out'
t 'but ahead with a word of the future or a question' '
	note "$PDT" "We met and will talk Friday. Was Friday fine?" | dates >out &&
	[ "$(grep -c "Friday 2001-06-08..2001-06-08" out)" -eq 2 ]'
t 'Windows 10/11 is no date' '
	note "$PDT" "It works on 2 or 3 other Windows 10/11 systems." | dates >out && [ ! -s out ]'
t 'eval-dates without ../shared skips, and fails under CI=true' '
	{ env -u CI LEADUP_SHARED=$TMP/none "$ROOT/scripts/eval-dates" >out 2>&1; test $? -eq 77; } &&
	{ CI=true LEADUP_SHARED=$TMP/none "$ROOT/scripts/eval-dates" >out 2>&1; test $? -eq 2; } &&
	grep -q FAIL out'
done_testing
