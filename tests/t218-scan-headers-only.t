#!/bin/sh
# The first full scan extracts the own text of a file only when the rules
# can read it (issue 14, "bodies read that no verdict needs"): in a thread
# nobody in it is me and nobody decided on, the latest message's headers
# say whether it was written to me (worth_reading), and when it was not,
# its text is never read.  Before, its file was parsed and its own text
# extracted for the analysis cache all the same.  Now its cache row holds
# the headers alone (a NULL body): a warm full scan parses no file, and a
# settings change that makes it mine reads its text then.  Counted
# (LEADUP_DEBUG_COUNTS: "own texts extracted: N of M files parsed"), never
# timed; one worker thread or two leave the same tags and state.
. "$(dirname "$0")/lib.sh"
need_sqlite3
# The latest message's headers read to tell whether it was written to me:
# since session 35 a first scan asks the index's to: terms first and reads
# no file of a thread they say is written to nobody of mine (t261); this
# test is about what the read keeps, so it reads as before.
LEADUP_DEBUG_READ_NOT_MINE=1
export LEADUP_DEBUG_READ_NOT_MINE
world
NOW=2026-11-23T09:00:00+00:00
ME='Me <me@example.com>' SAM='Sam <sam@supplier.example>'
# Three threads between others, not to me: their latest messages ask
# something, of others; their question to me (its text decides:
# needs-reply); my question and their answer, both read.
supplier_mail 3
index
pristine
# texts NAME: "EXTRACTED PARSED", by the counts line.
texts() { sed -n 's/^leadup: own texts extracted: \([0-9]*\) of \([0-9]*\) files parsed$/\1 \2/p' "$1.err"; }
nulls() { sqlite3 "$DB" "SELECT mid FROM analyses WHERE body IS NULL ORDER BY mid" | tr '\n' ' '; }

t 'two workers parse every latest message, and extract the texts of the three the rules can read' '
	first_scan two 2 && test "$(texts two)" = "3 6" &&
	test "$(nulls)" = "other1@supplier.example other2@supplier.example other3@supplier.example " &&
	expect_tags other1@supplier.example "" && expect_tags other3@supplier.example "" &&
	expect_tags ask1@supplier.example "leadup/due leadup/needs-reply"'
t 'one thread reads the same, and leaves the same tags and state' '
	first_scan one 1 && test "$(texts one)" = "3 6" &&
	cmp one.tags two.tags && cmp one.state two.state'
t 'a warm full scan parses no file: the rows of headers alone are found' '
	LEADUP_JOBS=2 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>warm.err && cat warm.err &&
	test "$(texts warm)" = "0 0" && grep -q "(0 messages read, 6 from the analysis cache)" warm.err &&
	state_dump warm && cmp two.tags warm.tags'
t 'a settings change that writes one of them to me reads its text then, and keeps it' '
	printf "[identity]\naddresses = me@example.com, kim1@client.example\n" \
		>"$XDG_CONFIG_HOME/leadup/config" &&
	LEADUP_JOBS=2 LEADUP_DEBUG_COUNTS=1 lu scan 2>set.err && cat set.err &&
	test "$(texts set)" = "1 1" &&
	expect_tags other1@supplier.example "leadup/due leadup/needs-reply" &&
	test "$(nulls)" = "other2@supplier.example other3@supplier.example "'
t 'its verdicts are those of a cold scan under the same settings, with one thread or two' '
	state_dump set && first_scan cold2 2 && cmp set.tags cold2.tags &&
	first_scan cold1 1 && cmp cold1.tags cold2.tags && cmp cold1.state cold2.state &&
	test "$(texts cold2)" = "4 6"'
done_testing
