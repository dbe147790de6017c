/* when.c - a decision's WHEN on the command line: the durations read
 * here, everything else by dates.c's lu_when_parse.
 *
 * Why not in dates.c: dates.c is part of the sentence analysis's digest
 * (Makefile SENSE_SRCS), so a change there has every user analyse every
 * text again.  Why at all: lu_when_parse builds the date words' table of
 * every language on first use, 0.7 M instructions of a snooze that reads
 * "3d" (issue 14).  tests/unit/when-test holds the two to the same
 * answer. */
#include "when.h"

/* lu_when_parse's m_duration: days and weeks keep the local time of day
 * across DST changes (GLib's add_days/add_weeks), hours and minutes are
 * elapsed time, months GLib's add_months.  UNIT is lower case; NULL when
 * it is not a unit or GLib cannot (out of its range). */
static GDateTime *add_unit(GDateTime *ref, const char *unit, int n)
{
    if (strcmp(unit, "d") == 0)
        return g_date_time_add_days(ref, n);
    if (strcmp(unit, "w") == 0)
        return g_date_time_add_weeks(ref, n);
    if (strcmp(unit, "h") == 0)
        return g_date_time_add_hours(ref, n);
    if (strcmp(unit, "m") == 0 || strcmp(unit, "min") == 0)
        return g_date_time_add_minutes(ref, n);
    if (strcmp(unit, "mo") == 0)
        return g_date_time_add_months(ref, n);
    return NULL;
}

int lu_when_duration(const char *arg, GDateTime *ref, struct lu_when *out)
{
    const char *p = arg;
    char unit[4];
    int n = 0, digits = 0, k = 0;
    GDateTime *t;

    if (!arg || !ref)
        return -1;
    if (*p == '+')
        p++;
    for (; g_ascii_isdigit(*p); p++, digits++)
        if (digits < 4) /* more is refused below: no overflow on the way */
            n = n * 10 + (*p - '0');
    if (digits < 1 || digits > 4)
        return -1;
    for (; g_ascii_isalpha(*p) && k < 3; p++)
        unit[k++] = g_ascii_tolower(*p);
    unit[k] = '\0';
    if (*p || !k)
        return -1;
    t = add_unit(ref, unit, n);
    if (!t)
        return -1;
    memset(out, 0, sizeof *out);
    out->start = out->end = g_date_time_to_unix(t);
    out->span = LU_SPAN_MOMENT;
    out->has_time = true;
    out->len = (int)(p - arg);
    g_date_time_unref(t);
    return 0;
}

int lu_when_read(const char *arg, GDateTime *ref, const struct lu_cal *cal, struct lu_when *out)
{
    if (cal && out && lu_when_duration(arg, ref, out) == 0)
        return 0;
    return lu_when_parse(arg, ref, cal, out);
}
