#!/bin/sh
# Time is explicit: the pure modules (DEVELOPERS.md) read no clock of their
# own; the command passes its --now down (lint-test proves the behaviour).
. "$(dirname "$0")/lib.sh"
PURE="thread.c cal.c dates.c body.c html.c sentence.c classify.c intent-model.c features.c
	sentence-model.c draft.c lint.c muttrc.c lang.c json.c datetag.c"
CLOCK='g_get_real_time|g_get_monotonic_time|g_date_time_new_now|g_date_new_today|[^_a-z]time\( *(NULL|0|&)|clock_gettime|gettimeofday|localtime(_r)? *\(|gmtime(_r)? *\('
t 'the pure modules read no clock' '
	cd "$ROOT/helper" && for f in $PURE; do test -f "$f" || { echo "no helper/$f"; exit 1; }; done &&
	! grep -nE "$CLOCK" $PURE'
done_testing
