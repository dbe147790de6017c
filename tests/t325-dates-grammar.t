#!/bin/sh
# The grammar of date-phrase families (issue 10, session 41): every row of
# tests/data/date-grammar.tsv - a sentence written by hand for its family
# (absolute dates, relative days and weeks, business shorthand, ranges,
# holidays, times that make a day, the other packs (session 42), seasons
# (session 43) and
# non-dates that must stay none), the
# writer's Date and zone, the days expected - read by `leadup classify`
# through scripts/date-grammar.  One test per family: a family passes only
# when every one of its rows is read right.  And the table can fail: a row
# with the wrong days, a date where none is, a malformed row.
. "$(dirname "$0")/lib.sh"
G=$ROOT/scripts/date-grammar
for fam in absolute relative business range holiday daytime foreign season nondate; do
	t "the $fam family: every row read right" '
		"$G" --rows --fail '"$fam"' >out 2>&1 || { cat out; false; }'
done
t 'every row of the table is in a family tested above' '
	grep -v "^#" "$ROOT/tests/data/date-grammar.tsv" | cut -f1 | sort -u >fams &&
	printf "absolute\nbusiness\ndaytime\nforeign\nholiday\nnondate\nrange\nrelative\nseason\n" >want && diff want fams'
t 'a row with the wrong days fails, and says so' '
	printf "absolute\tus\tWe meet on 3 Dec.\t2026-12-04\n" >bad.tsv &&
	{ DATE_GRAMMAR=bad.tsv "$G" --rows --fail >out 2>&1; test $? -eq 1; } &&
	grep -q "^wrong  absolute" out && grep -q "| absolute | 1 | 0 | 1 | 0 | 0 |" out'
t 'a date where none is expected fails, and a missed one' '
	printf "nondate\tus\tWe meet on 3 Dec.\tnone\nabsolute\tus\tWe meet soon.\t2026-12-03\n" >bad.tsv &&
	{ DATE_GRAMMAR=bad.tsv "$G" --fail >out 2>&1; test $? -eq 1; } &&
	grep -q "| nondate | 1 | 0 | 0 | 0 | 1 |" out && grep -q "| absolute | 1 | 0 | 0 | 1 | 0 |" out'
t 'an optional row ("?DAY") takes no date or that day, not another' '
	printf "daytime\tus\tCall at 3pm.\t?2026-12-02\ndaytime\tus\tCall me.\t?2026-12-02\ndaytime\tus\tCall at 3pm tomorrow.\t?2026-12-02\n" >opt.tsv &&
	DATE_GRAMMAR=opt.tsv "$G" >out 2>&1 && grep -q "| daytime | 3 | 2 | 1 | 0 | 0 |" out'
t 'a malformed row is an error' '
	printf "absolute\tmars\tWe meet on 3 Dec.\t2026-12-03\n" >bad.tsv &&
	{ DATE_GRAMMAR=bad.tsv "$G" >out 2>&1; test $? -eq 2; } && grep -q "not FAMILY WHEN" out'
done_testing
