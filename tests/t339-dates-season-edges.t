#!/bin/sh
# Session 43's date families at the days where they turn (issue 10): a
# season said on the last day before it and on its first, a winter across
# the year's end and a leap February, "later this week" on a Sunday (none:
# the week ends today), "over the holidays" on 6 and 7 January, a quarter
# without its year on the last day of a quarter and the first of the next,
# in the writer's zone (a message at 23:30 -1000 is already the next day in
# UTC).  Each row: the message's Date, its text, the days expected ("none":
# no date).  read_days prints what classify found; a row that is wrong is
# shown.  Each message is read at its own Date (--now).
. "$(dirname "$0")/lib.sh"
rows() {
	cat <<'ROWS'
Sat, 28 Feb 2026 10:00:00 +0000|We will go this spring.|2026-03-01..2026-05-31
Sun, 1 Mar 2026 10:00:00 +0000|We will go this spring.|2026-03-01..2026-05-31
Sun, 1 Mar 2026 10:00:00 +0000|We will go next spring.|2027-03-01..2027-05-31
Sun, 1 Mar 2026 10:00:00 +0000|It was cold last winter.|2025-12-01..2026-02-28
Sat, 28 Feb 2026 10:00:00 +0000|It was cold last winter.|2024-12-01..2025-02-28
Sat, 28 Feb 2026 10:00:00 +0000|We go skiing this winter.|2025-12-01..2026-02-28
Fri, 31 Dec 2027 10:00:00 +0000|We go skiing this winter.|2027-12-01..2028-02-29
Mon, 30 Nov 2026 23:30:00 -1000|We go skiing this winter.|2026-12-01..2027-02-28
Mon, 30 Nov 2026 10:00:00 +0000|We go skiing next winter.|2026-12-01..2027-02-28
Sun, 6 Dec 2026 10:00:00 +0000|I will do it later this week.|none
Sat, 5 Dec 2026 10:00:00 +0000|I will do it later this week.|2026-12-06..2026-12-06
Thu, 31 Dec 2026 10:00:00 +0000|I will do it later this month.|none
Wed, 6 Jan 2027 10:00:00 +0000|I read it over the holidays.|2026-12-24..2027-01-01
Thu, 7 Jan 2027 10:00:00 +0000|I read it over the holidays.|none
Mon, 30 Nov 2026 10:00:00 +0000|I read it over the holidays.|none
Wed, 30 Sep 2026 10:00:00 +0000|We will ship by Q3.|2026-07-01..2026-09-30
Thu, 1 Oct 2026 10:00:00 +0000|We will ship by Q3.|2027-07-01..2027-09-30
Thu, 31 Dec 2026 10:00:00 +0000|We will ship by Q4.|2026-10-01..2026-12-31
Fri, 1 Jan 2027 10:00:00 +0000|We will ship by Q4.|2027-10-01..2027-12-31
Fri, 1 Jan 2027 10:00:00 +0000|We target Q4 FY26.|2026-10-01..2026-12-31
ROWS
}
read_days() { # DATE TEXT: "first..last" over the message's dates, or none
	NOW=$(python3 -c 'import email.utils, sys; print(email.utils.parsedate_to_datetime(sys.argv[1]).isoformat())' "$1") &&
	printf 'From: Ann <ann@a.example>\nTo: me@example.com\nSubject: s\nDate: %s\nMessage-ID: <e@a.example>\n\n%s\n' "$1" "$2" |
		lu classify | python3 -c '
import json, sys
d = [x for s in json.load(sys.stdin)["sentences"] for x in s["dates"]]
print("%s..%s" % (min(x["start"][:10] for x in d), max(x["end"][:10] for x in d)) if d else "none")'
}
check() { # the rows whose days are not the expected ones, on stdout
	rows | while IFS='|' read -r date text want; do
		got=$(read_days "$date" "$text") || { echo "classify failed: $text"; continue; }
		[ "$got" = "$want" ] || echo "$date | $text => $got (expected $want)"
	done
}
t 'seasons, "later this", the holidays and a bare quarter turn on the right day' '
	check >bad 2>&1; cat bad; [ ! -s bad ]'
t 'the check can fail: a row with the wrong days is shown' '
	rows() { echo "Sun, 1 Mar 2026 10:00:00 +0000|We will go this spring.|2027-03-01..2027-05-31"; } &&
	check >bad 2>&1 && grep -q "expected 2027-03-01" bad'
done_testing
