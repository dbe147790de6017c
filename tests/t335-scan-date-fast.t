#!/bin/sh
# A Date header of the strict form most mail has, "[Www, ]D Mmm YYYY
# HH:MM[:SS] +HHMM" with at most a comment after it, is read without
# GMime's date parser (mime.c date_fast, issue 14, s43-cpu: 8,000
# instructions a message); any other form (a named zone, a two-digit year,
# a year before 1970, a day the month has not, lower-case names) is left to
# GMime.  Tags, items and the analysis cache's rows (each message's moment
# and offset) are the same as GMime reading every date
# (LEADUP_DEBUG_MIME_GMIME).  Counted (LEADUP_DEBUG_COUNTS), never timed.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-23T09:00:00+00:00
# dated ID DATE: a question to me from Kim, dated DATE (the header as written)
dated() {
	printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Dated %s\nDate: %s\nMessage-ID: <%s@client.example>\nContent-Type: text/plain\n\nCould you send me the figures by Friday?\n' \
		"$1" "$2" "$1" | deliver inbox "$1"
}
# The strict form: read without GMime (eight).
dated plain 'Fri, 20 Nov 2026 16:31:05 +0000'
dated noday '20 Nov 2026 09:15:00 -0500'
dated oneday 'Mon, 2 Nov 2026 23:59:59 +1400'
dated nosec 'Thu, 19 Nov 2026 07:05 +0545'
dated comment 'Wed, 18 Nov 2026 12:00:00 -0930 (Marquesas)'
dated wrongday 'Sun, 17 Nov 2026 10:00:00 +0100'
dated leap 'Thu, 29 Feb 2024 10:00:00 +0200'
dated spaced '  Tue,  17 Nov 2026 08:00:00 +0000  '
# Other forms: left to GMime (seven).
dated zone 'Fri, 20 Nov 2026 10:00:00 GMT'
dated short 'Fri, 20 Nov 26 10:00:00 +0000'
dated old 'Fri, 3 Mar 1950 10:00:00 +0000'
dated noleap 'Sun, 29 Feb 2026 10:00:00 +0000'
dated lower 'fri, 20 nov 2026 10:00:00 +0000'
dated colon 'Fri, 20 Nov 2026 10:00:00 +01:00'
dated nested 'Fri, 20 Nov 2026 11:00:00 +0000 (a (b) c)'
index
pristine
fast() { debug_counted "$1.err" "dates read without GMime's parser"; }
all() { sed -n "s/^leadup: dates read without GMime's parser: [0-9]* of \([0-9]*\) dates/\1/p" "$1.err"; }

# (The scan reads no file of the two dated before 1970 or not at all: 13 dates.)
t 'the eight strict dates are read without GMime, the five others it reads by GMime' '
	full_counted new && test "$(fast new)" = 8 && test "$(all new)" = 13'
t 'GMime reading every date (LEADUP_DEBUG_MIME_GMIME) leaves the same tags, items and cache rows' '
	full_counted old LEADUP_DEBUG_MIME_GMIME=1 && test "$(fast old)" = 0 && test "$(all old)" = 13 &&
	cmp new.tags old.tags && cmp new.state old.state'
# classified NAME [ENV...]: classify's JSON of the message NAME (dated), into NAME.json
classified() { _n=$1 && shift && env "$@" "$LEADUP" --now "$NOW" classify <"$MAIL/inbox/cur/$_n:2,S" \
	>"$_n$*.json" 2>/dev/null; }
t 'classify reads each of the fifteen dates as GMime does, its offset too' '
	for n in plain noday oneday nosec comment wrongday leap spaced zone short old noleap lower colon nested; do
		classified $n && classified $n LEADUP_DEBUG_MIME_GMIME=1 && cmp "$n.json" "${n}LEADUP_DEBUG_MIME_GMIME=1.json" ||
			return 1
	done &&
	grep -q "\"date\": \"2026-11-19T07:05:00+05:45\"" nosec.json &&
	grep -q "\"date\": \"2026-11-18T12:00:00-09:30\"" comment.json &&
	grep -q "\"date\": \"2026-11-02T23:59:59+14:00\"" oneday.json &&
	grep -q "\"date\": \"2024-02-29T10:00:00+02:00\"" leap.json'
done_testing
