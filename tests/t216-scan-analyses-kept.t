#!/bin/sh
# A full scan analyses no text whose analysis the state keeps (issue 14,
# "analyse each message once"): the analysis cache's row keeps each text's
# analysis (sentences, labels, dates) under the key of what it depends on
# besides the text (the message's date, the zone, the calendar, the
# analyser).  A warm `scan --full` and a scan after a change of a setting
# the analysis does not read analyse nothing; a change of one it reads
# (holidays, the zone) analyses every text again.  Counted, not timed
# (LEADUP_DEBUG_COUNTS: "analysed on the main thread", "analysed ahead");
# the tags and the state are those of analysing afresh.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-23T09:00:00+00:00
ME='Me <me@example.com>' SAM='Sam <sam@supplier.example>'
# Their question to me, with a date (needs-reply); my question and their
# answer agreeing a next step: both analysed.
supplier_mail 0
# An answer that pastes my question without a quote marker: analysed as
# written and again without what it pasted.
msg sent q2@example.com "$ME" "$SAM" 'Thu, 19 Nov 2026 09:00:00 +0000' 'Invoice' <<'EOF'
Could you send the corrected invoice for the October delivery by Monday?
EOF
msg inbox q2a@supplier.example "$SAM" "$ME" 'Thu, 19 Nov 2026 16:00:00 +0000' 'Re: Invoice' \
	q2@example.com <<'EOF'
Could you send the corrected invoice for the October delivery by Monday?

I will send it on Tuesday next week.
EOF
# Their promise by the end of the month: its last business day, which a
# holiday on Monday 30 November moves to Friday 27.
msg sent q3@example.com "$ME" "$SAM" 'Fri, 20 Nov 2026 09:00:00 +0000' 'Report' <<'EOF'
Could you send me the signed contract by the end of the month?
EOF
msg inbox q3a@supplier.example "$SAM" "$ME" 'Fri, 20 Nov 2026 11:00:00 +0000' 'Re: Report' \
	q3@example.com <<'EOF'
Sure, I will send it by the end of the month.
EOF
# An answer that broke threading (no In-Reply-To): its own thread reads
# it, and so does my question's, where it answers elsewhere (a second
# object of the message, whose row is made again in the same run).
msg sent q4@example.com "$ME" "$SAM" 'Fri, 20 Nov 2026 10:00:00 +0000' 'Catering' <<'EOF'
Could you confirm the catering for the launch by Wednesday?
EOF
msg inbox q4a@supplier.example "$SAM" "$ME" 'Fri, 20 Nov 2026 12:00:00 +0000' 'Re: Catering' <<'EOF'
Thank you, received. I will confirm it on Tuesday.
EOF
index

# full NAME [OPTION]: a scan (--full, or OPTION), two workers (JOBS),
# counted into NAME.err, then state_dump NAME.
full() {
	LEADUP_JOBS=${JOBS:-2} LEADUP_DEBUG_COUNTS=1 lu scan ${2-"--full"} 2>"$1.err" &&
		cat "$1.err" >&2 && state_dump "$1" &&
		sqlite3 "$DB" "SELECT mid, hex(sense) FROM analyses ORDER BY mid" >"$1.senses"
}
# analysed NAME: the texts the scan analysed, on the main thread and ahead.
analysed() {
	echo $(($(sed -n 's/^leadup: analysed on the main thread: \([0-9]*\) texts$/\1/p' "$1.err") +
		$(sed -n 's/^leadup: analysed ahead: \([0-9]*\) texts.*/\1/p' "$1.err")))
}
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed.*/\1/p' "$1.err"; }
looked() { sed -n 's/^leadup: looked at \([0-9]*\) thread.*/\1/p' "$1.err"; }
config() { printf '%b\n' "$1" >"$XDG_CONFIG_HOME/leadup/config"; }
# fresh NAME: the same full scan with every kept analysis forgotten.
fresh() { sqlite3 "$DB" "UPDATE analyses SET sense = NULL" && full "$1" && test "$(analysed "$1")" -gt 0; }
same() { diff "$1.tags" "$2.tags" && diff "$1.state" "$2.state" && diff "$1.senses" "$2.senses"; }
due() { sqlite3 "$DB" "SELECT date(due_at, 'unixepoch') FROM items WHERE mid = '$1'"; }
kept() { sqlite3 "$DB" "SELECT count(*) FROM analyses WHERE sense IS NOT NULL"; }

t 'the first full scan analyses the texts the rules read and keeps their analyses' '
	full first && test "$(analysed first)" -ge 7 && test "$(kept)" -ge 7 &&
	expect_tags ask1@supplier.example "leadup/due leadup/needs-reply" &&
	test "$(due q3a@supplier.example)" = 2026-11-30'
t 'a warm full scan analyses no text, and leaves what analysing afresh leaves' '
	full warm && test "$(analysed warm)" = 0 && test "$(parsed warm)" = 0 && same first warm &&
	fresh warm-fresh && same warm warm-fresh'
t 'nor on one thread' '
	JOBS=1 full warm1 && test "$(analysed warm1)" = 0 && same first warm1'
t 'a change of a setting the analysis does not read: every thread decided again, no text analysed' '
	config "[awaiting]\ninterval = 8" && full set "" && test "$(looked set)" -ge 3 &&
	test "$(analysed set)" = 0 && fresh set-fresh && same set set-fresh'
t 'a holiday (the calendar the dates are read in): every text analysed again' '
	config "[awaiting]\ninterval = 8\n[time]\nholidays = 2026-11-30" && full hol "" &&
	test "$(analysed hol)" = "$(analysed first)" && test "$(due q3a@supplier.example)" = 2026-11-27 &&
	full hol-warm && test "$(analysed hol-warm)" = 0 && fresh hol-fresh && same hol hol-fresh'
t 'the zone: every text analysed again' '
	config "[awaiting]\ninterval = 8\n[time]\nholidays = 2026-11-30\ntimezone = America/New_York" &&
	full zone "" && test "$(analysed zone)" = "$(analysed first)" &&
	fresh zone-fresh && same zone zone-fresh'
# A state database of schema 10 (before the analyses were kept): its rows
# are kept (no file parsed), and the texts analysed once more fill them.
t 'a database of schema 10 is upgraded: its rows kept, the analyses added' '
	sqlite3 "$DB" "ALTER TABLE analyses DROP COLUMN sense; PRAGMA user_version = 10" &&
	full upgraded && test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 11 &&
	test "$(parsed upgraded)" = 0 && test "$(analysed upgraded)" = "$(analysed first)" &&
	full upgraded-warm && test "$(analysed upgraded-warm)" = 0 && same zone upgraded-warm'
done_testing
