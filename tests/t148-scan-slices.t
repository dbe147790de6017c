#!/bin/sh
# The full scan reads the messages a date slice at a time (issue 14):
# libnotmuch holds every match of a search at once (Xapian's MSet, about
# 90 bytes a message, 27 MB at 300,000), so asking for "*" in one query
# grew with the mailbox.  LEADUP_DEBUG_SLICE makes the slices a few
# messages each, so that threads span several: the tags and the state are
# those of the default (one slice holds this mailbox), newest first and,
# with a message dated before 1970 or years ahead, oldest first.
# LEADUP_DEBUG_COUNTS prints the slices read, the most messages one held,
# the threads met again in a later slice (walked once, in the first) and
# a digest of the thread ids in the order walked: the same for any slices.
# The walk's sets of thread ids are compact (tests/unit/idset-test).
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00

t 'the compact set of thread ids (tests/unit/idset-test)' '
	"${UNIT_DIR:-$ROOT/tests/unit}/idset-test" >idset.out; r=$?; cat idset.out; test $r = 0'

world me@example.net
generated 600 5
index
cp -a "$MAIL/.notmuch" "$TMP/pristine"
# scan NAME [SLICE]: the first full scan (messages per slice: SLICE, else
# the default), counted; then state_dump NAME.
scan() {
	rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/pristine" "$MAIL/.notmuch" &&
		{ if [ -n "${2:-}" ]; then export LEADUP_DEBUG_SLICE=$2; else unset LEADUP_DEBUG_SLICE; fi } &&
		LEADUP_DEBUG_COUNTS=1 lu scan --full 2>"$1.err" && grep "date slices" "$1.err" &&
		state_dump "$1"
}
# slices NAME: "SLICES MOST AGAIN" from its counts.
slices() {
	sed -n 's/^leadup: date slices: \([0-9]*\), at most \([0-9]*\) messages in one, \([0-9]*\) threads met again$/\1 \2 \3/p' "$1.err"
}
# order NAME: the digest of the threads in the order walked.
order() { sed -n 's/^leadup: walk order: \([0-9a-f]\{16\}\)$/\1/p' "$1.err"; }

t 'by default one slice holds the 600 messages (and one the year ahead, empty)' '
	scan one && set -- $(slices one) && test "$1" = 2 && test "$2" = 600 && test "$3" = 0'
t 'slices of 4 messages: over a hundred, none of more than 4, threads met again' '
	scan four 4 && set -- $(slices four) && test "$1" -gt 100 && test "$2" -le 4 && test "$3" -gt 50'
t 'the same threads in the same order, tags and state as one slice' '
	test -n "$(order one)" && test "$(order one)" = "$(order four)" &&
	cmp one.tags four.tags && cmp one.state four.state'
t 'slices of 1 message (or one second): the same again' '
	scan single 1 && set -- $(slices single) && test "$1" -gt 300 &&
	test "$(order one)" = "$(order single)" && cmp one.tags single.tags && cmp one.state single.state'

# A message dated before 1970 and one years ahead: the walk goes oldest first.
ME='Me <me@example.com>' KIM='Kim <kim@example.org>'
msg inbox old@example.org "$KIM" "$ME" 'Mon, 1 Mar 1965 09:00:00 +0000' 'Very old question' <<'EOF'
Could you send me the minutes of the meeting?
EOF
msg inbox ahead@example.org "$KIM" "$ME" 'Tue, 2 Mar 2032 09:00:00 +0000' 'From the future' <<'EOF'
Could you confirm the booking for the hall?
EOF
index
rm -rf "$TMP/pristine" && cp -a "$MAIL/.notmuch" "$TMP/pristine"
t 'oldest first (dates out of range): slices of 3 give the order, tags and state of one' '
	scan one_old && scan three_old 3 && set -- $(slices three_old) && test "$1" -gt 100 &&
	test -n "$(order one_old)" && test "$(order one_old)" = "$(order three_old)" &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM items")" -gt 100 &&
	cmp one_old.tags three_old.tags && cmp one_old.state three_old.state'
done_testing
