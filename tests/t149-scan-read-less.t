#!/bin/sh
# The first full scan analyses only what can change a verdict (issue 14,
# "read less"): in a thread nobody in it is me and nobody decided on, the
# rules read the latest message's text only when it was written to me
# (worth_reading), so the worker that reads it ahead analyses it only then.
# Before, every message read ahead was analysed.  Since session 35 a
# thread none of whose messages the index's to: terms say is written to
# me is not read at all (t261).  Counted
# (LEADUP_DEBUG_COUNTS: "analysed ahead: N texts, M not used"), never
# timed; the tags and the state are those of one thread, which analyses
# only what the rules ask for.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-23T09:00:00+00:00
ME='Me <me@example.com>' SAM='Sam <sam@supplier.example>'
# Five threads between others, not to me (a colleague's thread I was not
# in, a list I am not on): their latest messages ask something, to others;
# their question to me (its text decides: needs-reply); my question and
# their answer, both read, both analysed.
supplier_mail 5
index
pristine
# ahead NAME: "TEXTS UNUSED" analysed ahead, by the counts line.
ahead() { sed -n 's/^leadup: analysed ahead: \([0-9]*\) texts, \([0-9]*\) not used$/\1 \2/p' "$1.err"; }

t 'one thread: the threads of others are let go, their question to me waits for my reply' '
	first_scan one 1 && test "$(ahead one)" = "0 0" &&
	expect_tags other1@supplier.example "" && expect_tags other5@supplier.example "" &&
	expect_tags ask1@supplier.example "leadup/due leadup/needs-reply"'
t 'two workers read the messages to me ahead, none of the five to others (the index'\''s to: terms, t261)' '
	first_scan two 2 && grep -q "2 worker threads read 3 messages ahead" two.err &&
	test "$(ahead two)" = "3 0" &&
	test "$(debug_counted two.err "threads left unread, written to nobody of mine by the index")" = 5'
t 'as before session 35 (LEADUP_DEBUG_READ_NOT_MINE): every latest message read ahead, three texts analysed' '
	(LEADUP_DEBUG_READ_NOT_MINE=1 && export LEADUP_DEBUG_READ_NOT_MINE && first_scan old 2) &&
	grep -q "2 worker threads read 8 messages ahead" old.err && test "$(ahead old)" = "3 0" &&
	cmp two.tags old.tags'
t 'the tags and the state are those of one thread' '
	cmp one.tags two.tags && cmp one.state two.state'
done_testing
