#!/bin/sh
# Dates no clock can mean (issue 12.12): a message dated in the year 9999
# made GLib critical (an abort under G_DEBUG=fatal-criticals) and was never
# due.  Such dates are read as the time the message arrived, with a warning.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-12-01T12:00:00+00:00
export G_DEBUG=fatal-criticals
# The arrival time is the file's: under make check-clock, libfaketime would
# shift what stat() says too.
export NO_FAKE_STAT=1
dated() { # dated NAME DATE: a message to me asking something, its file from 30 November
	{ printf 'From: Ann <ann@a.example>\nTo: Me <me@example.com>\nSubject: %s\n' "$1"
	  printf 'Date: %s\nMessage-ID: <%s@a.example>\n\nCould you confirm the budget?\n' "$2" "$1"; } | deliver inbox "$1"
	touch -d '2026-11-30 10:00:00 UTC' "$MAIL/inbox/cur/$1:2,S"
}
dated far 'Fri, 31 Dec 9999 23:59:59 +0000'
dated farwest 'Fri, 31 Dec 9999 23:59:59 -1200'
dated old 'Wed, 31 Dec 1969 10:00:00 +0000'
index
t 'scan takes a message from the year 9999 as arrived, with a warning' '
	lu scan --quiet 2>err; test $? = 0 || { cat err; exit 1; }
	lu scan --full 2>err && grep -q "warning: message .far@a.example. is dated more than a year after now" err &&
	expect_tags far@a.example "leadup/due leadup/needs-reply" &&
	expect_tags farwest@a.example "leadup/due leadup/needs-reply"'
t 'why (one warning), draft, queue and report on it: no GLib critical' '
	lu why id:far@a.example >out 2>err && grep -q "State:  needs-reply, due since Mon 30 Nov 2026" out &&
	test "$(grep -c "warning: message .far@a.example. is dated" err)" = 1 &&
	lu draft id:farwest@a.example >d.eml 2>err && grep -q "^In-Reply-To: <farwest@a.example>" d.eml &&
	lu queue >out 2>err && lu report >out 2>err'
t 'classify of a piped message from the year 9999: no GLib critical' '
	lu classify <"$MAIL/inbox/cur/farwest:2,S" >out 2>err && grep -q "is dated more than a year after now" err &&
	grep -q "\"sentences\"" out'
t 'a message dated 1969 reads as 1970 (as notmuch stores it), with a warning' '
	lu classify <"$MAIL/inbox/cur/old:2,S" >out 2>err && grep -q "is dated before 1970" err &&
	lu why id:old@a.example >out 2>err && grep -q "State:  dormant" out && grep -q "is dated before 1970" err'
done_testing
