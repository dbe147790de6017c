/* timefmt.c - the time leadup's listings print (pure; timefmt.h).
 *
 * `why` prints a date for each message of the thread: through GLib each
 * cost about 7,400 instructions (a GDateTime in the zone, then
 * g_date_time_format), 0.47 M of `why` of a thread of 61 (issue 14).
 * The zone's offset at T is GLib's (g_time_zone_find_interval, as
 * g_date_time_to_timezone takes it); the calendar is the proleptic
 * Gregorian one GDateTime uses.  tests/unit/timefmt-test compares the two
 * over zones with half hours and summer times. */
#include "timefmt.h"

#include <string.h>

/* 1970-01-01 was a Thursday. */
static const char wdays[] = "ThuFriSatSunMonTueWed";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* The civil date of day DAYS since 1970-01-01 (DAYS >= 0): Howard
 * Hinnant's days_from_civil, inverted. */
static void civil(gint64 days, int *y, int *m, int *d)
{
    gint64 z = days + 719468, era = z / 146097;
    gint64 doe = z - era * 146097;
    gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    gint64 mp = (5 * doy + 2) / 153;

    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static char *digits(char *p, int v, int n)
{
    for (int i = n - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
    return p + n;
}

char *lu_format_minute(gint64 t, GTimeZone *tz)
{
    char buf[32], *p = buf;
    gint64 local, days, secs;
    int y, m, d;

    /* a day's margin for any zone's offset */
    if (!tz || t < 86400 || t >= G_GINT64_CONSTANT(253370764800) - 86400)
        return lu_format_time(t, tz, LU_MINUTE_FMT);
    local = t + g_time_zone_get_offset(tz, g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, t));
    days = local / 86400;
    secs = local % 86400;
    civil(days, &y, &m, &d);
    memcpy(p, wdays + days % 7 * 3, 3);
    p += 3;
    *p++ = ' ';
    p = digits(p, d, d >= 10 ? 2 : 1);
    *p++ = ' ';
    memcpy(p, months + (m - 1) * 3, 3);
    p += 3;
    *p++ = ' ';
    p = digits(p, y, 4);
    *p++ = ' ';
    p = digits(p, (int)(secs / 3600), 2);
    *p++ = ':';
    p = digits(p, (int)(secs % 3600 / 60), 2);
    *p = '\0';
    return g_strdup(buf);
}
