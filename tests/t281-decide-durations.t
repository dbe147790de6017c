#!/bin/sh
# A decision's WHEN as a duration ("3d", "+2w", "4h", "30m", "1mo"): read
# by when.c without dates.c's word table, the same moment as before
# (tests/unit/when-test: lu_when_parse's answer to the field); what is
# not one (a bad duration) is a usage error that writes nothing.
. "$(dirname "$0")/lib.sh"
UNIT=${UNIT_DIR:-$ROOT/tests/unit}/when-test
t 'durations read by hand are lu_when_parse'\''s (tests/unit/when-test)' '
	"$UNIT" >unit.out || { grep -v "^ok" unit.out; false; }'
need_sqlite3
world
ask s1@example.com 'Ann <ann@a.example>' 'Figures'
ask s2@example.com 'Bob <bob@b.example>' 'More figures'
scanned

t 'snooze 3d wakes three days on, at the same time of day' '
	lu snooze 3d id:s1@example.com >out && grep -q "until Mon 23 Nov 2026 09:00" out &&
	expect_tags s1@example.com leadup/snoozed'
t 'the unit in capitals, a plus, hours and minutes, and a month' '
	lu snooze 2D id:s1@example.com >out && grep -q "until Sun 22 Nov 2026 09:00" out &&
	lu snooze +1w id:s1@example.com >out && grep -q "until Fri 27 Nov 2026 09:00" out &&
	lu snooze 4h id:s1@example.com >out && grep -q "until Fri 20 Nov 2026 13:00" out &&
	lu snooze 90min id:s1@example.com >out && grep -q "until Fri 20 Nov 2026 10:30" out &&
	lu remind 1mo id:s1@example.com >out && grep -q "Sun 20 Dec 2026 09:00" out'
state_dump before
q="'"
for bad in 3x 3dd 12345d 3mins -3d ++3d d3 3.5d 0x3d; do
	t "a bad duration ('$bad') is a usage error that names it and writes nothing" '
		lu snooze -- "$bad" id:s2@example.com >out 2>err; test $? = 64 &&
		grep -qF "WHEN $q$bad$q" err && ! test -s out &&
		state_dump after && cmp before.tags after.tags && cmp before.state after.state'
done
t 'a duration of nothing (0d) is now, not past: it is taken' '
	lu snooze 0d id:s2@example.com >out && grep -q "until Fri 20 Nov 2026 09:00" out'
done_testing
