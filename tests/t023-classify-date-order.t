#!/bin/sh
# A message's numeric dates are read in its writer's order of day and month
# (dates.c lu_dates_order, doc/dates.md): "by 11/1" written in English from
# New York is 1 November, from London 11 January; the writer's own other
# dates, then date_order, decide before the zone.  Through `classify` on a
# message, so the order comes from the message's own Date zone.
. "$(dirname "$0")/lib.sh"
NOW=2001-10-26T12:00:00+00:00
note() { # note DATE BODY: a message written at DATE
	printf 'From: Ann <ann@a.example>\nTo: me@example.com\nSubject: Numbers\nDate: %s\nMessage-ID: <n@a.example>\n\n%s\n' "$1" "$2"
}
starts() { # the days the dates of the message on stdin start on, in text order, once each
	lu "$@" classify | grep -o '"start": "[0-9-]*' | sed 's/.*"//' | awk '!seen[$0]++' |
		tr '\n' ' ' | sed 's/ $//'
}
ASK='Could you send me the final numbers by 11/1? Thanks.'
t 'English from New York reads 11/1 month first' '
	test "$(note "Thu, 25 Oct 2001 09:00:00 -0400" "$ASK" | starts)" = 2001-11-01'
t 'English from London reads it day first' '
	test "$(note "Thu, 25 Oct 2001 14:00:00 +0100" "$ASK" | starts)" = 2002-01-11'
t 'the writer'"'"'s own unambiguous date decides over the zone' '
	test "$(note "Thu, 25 Oct 2001 09:00:00 -0400" "The deal of 15/11 is closed. $ASK" | starts)" = "2001-11-15 2002-01-11"'
t 'date_order, when set, decides over the zone' '
	printf "[time]\ndate_order = dmy\n" >dmy.conf &&
	test "$(note "Thu, 25 Oct 2001 09:00:00 -0400" "$ASK" | starts --config dmy.conf)" = 2002-01-11'
t 'Spanish from Mexico City reads day first' '
	test "$(note "Thu, 25 Oct 2001 09:00:00 -0500" "Nos vemos el 3/4 en la oficina, por favor confirma que puedes venir con los datos." | starts)" = 2002-04-03'
done_testing
