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

/* T's local seconds since 1970 in TZ (the offset GLib finds at T). */
static gint64 local_secs(gint64 t, GTimeZone *tz)
{
    return t + g_time_zone_get_offset(tz, g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, t));
}

/* Whether T (and NOW) lie where the hand-made format holds: a zone, and a
 * day's margin for any zone's offset inside the years 1970 to 9998. */
static bool by_hand(gint64 t, GTimeZone *tz)
{
    return tz && t >= 86400 && t < G_GINT64_CONSTANT(253370764800) - 86400;
}

const char *lu_format_minute_in(char *buf, gint64 t, GTimeZone *tz, gint64 now)
{
    char *p = buf, *s;
    gint64 local, days, secs;
    int y, m, d, ny = -1, nm, nd;

    if (!by_hand(t, tz) || (now >= 0 && !by_hand(now, tz))) {
        GDateTime *a = lu_local_time(t, tz), *b = now >= 0 ? lu_local_time(now, tz) : NULL;
        bool year = !a || !b || g_date_time_get_year(a) != g_date_time_get_year(b);

        s = lu_format_time(t, tz, year ? LU_MINUTE_FMT : "%a %-d %b %H:%M");
        g_strlcpy(buf, s ? s : "(null)", LU_MINUTE_LEN);
        g_free(s);
        g_clear_pointer(&a, g_date_time_unref);
        g_clear_pointer(&b, g_date_time_unref);
        return buf;
    }
    local = local_secs(t, tz);
    days = local / 86400;
    secs = local % 86400;
    civil(days, &y, &m, &d);
    if (now >= 0)
        civil(local_secs(now, tz) / 86400, &ny, &nm, &nd);
    memcpy(p, wdays + days % 7 * 3, 3);
    p += 3;
    *p++ = ' ';
    p = digits(p, d, d >= 10 ? 2 : 1);
    *p++ = ' ';
    memcpy(p, months + (m - 1) * 3, 3);
    p += 3;
    if (y != ny) {
        *p++ = ' ';
        p = digits(p, y, 4);
    }
    *p++ = ' ';
    p = digits(p, (int)(secs / 3600), 2);
    *p++ = ':';
    p = digits(p, (int)(secs % 3600 / 60), 2);
    *p = '\0';
    return buf;
}

char *lu_format_minute(gint64 t, GTimeZone *tz)
{
    char buf[LU_MINUTE_LEN];

    return g_strdup(lu_format_minute_in(buf, t, tz, -1));
}
