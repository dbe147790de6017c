#!/bin/sh
# How a scan reads a message file (issue 14), counted, not timed
# (LEADUP_DEBUG_COUNTS "GMime messages built: N of M files parsed"): GMime
# reads each file as its top part, every header and the body below, not as
# a GMimeMessage, which built six address lists and parsed From, To, Cc
# and Date into them for nothing (fill() reads the raw headers).  Only a
# file that opens with an mbox "From " line is read as a message (GMime's
# part parser refuses that line).  What the scan makes of the files is the
# message's: the last Subject and the last Date, the text part of a
# multipart, the Content- headers kept off the message's own.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
# Their question, its Subject and Date given twice: GMime's message took
# the last of each (mime.c subject_and_date).
HDR='Subject: Budget, the second subject\nDate: Tue, 17 Nov 2026 09:00:00 +0000' \
	msg inbox twice@example.org 'Kim <kim@example.org>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Budget, the first subject' <<'EOF'
Could you send me the budget for December?
EOF
# Their question in the text part of a multipart, a file attached.
deliver inbox parts@example.org <<'EOF'
From: Lee <lee@example.org>
To: Me <me@example.com>
Subject: Slides
Date: Mon, 16 Nov 2026 10:00:00 +0000
Message-ID: <parts@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Could you review the slides before Thursday?
--b1
Content-Type: application/octet-stream; name="slides.pdf"
Content-Disposition: attachment; filename="slides.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--b1--
EOF
# Their question in a file that opens with an mbox From line.
deliver inbox mbox@example.org <<'EOF'
From sam@example.org Mon Nov 16 11:00:00 2026
From: Sam <sam@example.org>
To: Me <me@example.com>
Subject: Tickets
Date: Mon, 16 Nov 2026 11:00:00 +0000
Message-ID: <mbox@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Could you book the tickets for the conference?
EOF
index

# built NAME: "BUILT PARSED" from the counts.
built() { sed -n 's/^leadup: GMime messages built: \([0-9]*\) of \([0-9]*\) files parsed$/\1 \2/p' "$1.err"; }

t 'a first scan reads the three files: their three questions wait for me' '
	LEADUP_DEBUG_COUNTS=1 lu scan --full 2>first.err >/dev/null && cat first.err >&2 &&
	expect_tags twice@example.org "leadup/due leadup/needs-reply" &&
	expect_tags parts@example.org "leadup/due leadup/needs-reply" &&
	expect_tags mbox@example.org "leadup/due leadup/needs-reply"'
# (The date is the index's, which notmuch took from the first Date.)
t 'the last Subject, as GMime'\''s message took it' '
	test "$(sqlite3 "$DB" "SELECT subject FROM items WHERE mid = '\''twice@example.org'\''")" = \
		"Budget, the second subject"'
# Main built a GMimeMessage for each of the three (and had no such count).
t 'one GMimeMessage built, for the file with the From line, of three parsed' '
	test "$(built first)" = "1 3"'
done_testing
