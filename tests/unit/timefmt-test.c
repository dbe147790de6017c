/* timefmt-test.c - the listings' time made by hand (timefmt.c) is GLib's
 * (lu_format_time) in zones with half hours, summer times and none, over
 * leap days, year ends and the range's ends. */
#include "leadup.h"
#include "tap.h"
#include "timefmt.h"

static const char *const zones[] = {"UTC",
                                    "Europe/Berlin",
                                    "America/St_Johns",
                                    "Asia/Kolkata",
                                    "Pacific/Auckland",
                                    "America/Los_Angeles",
                                    "Australia/Lord_Howe",
                                    "Pacific/Kiritimati"};

static void diag_differ(const char *zone, gint64 t, const char *got, const char *want)
{
    printf("# %s at %lld: got '%s', GLib's '%s'\n", zone, (long long)t, got, want);
}

/* How many of N instants from T by STEP seconds differ; the first shown. */
static int differ(GTimeZone *tz, const char *name, gint64 t, gint64 step, int n)
{
    int bad = 0;

    for (int i = 0; i < n; i++, t += step) {
        char *want = lu_format_time(t, tz, LU_MINUTE_FMT), *got = lu_format_minute(t, tz);
        if (strcmp(want, got) != 0 && bad++ == 0)
            diag_differ(name, t, got, want);
        g_free(want);
        g_free(got);
    }
    return bad;
}

int main(void)
{
    GTimeZone *utc = g_time_zone_new_utc();
    char *s;

    s = lu_format_minute(1795424400, utc); /* 2026-11-23T09:00:00Z */
    is_str(s, "Mon 23 Nov 2026 09:00", "a Monday in UTC, the day without a leading zero");
    g_free(s);
    s = lu_format_minute(951782400, utc); /* 2000-02-29T00:00:00Z */
    is_str(s, "Tue 29 Feb 2000 00:00", "a leap day of a year divisible by 400");
    g_free(s);
    s = lu_format_minute(-86400, utc);
    is_str(s, "Wed 31 Dec 1969 00:00", "before 1970: through GLib");
    g_free(s);
    {
        char buf[LU_MINUTE_LEN];
        GTimeZone *ak = g_time_zone_new_identifier("Pacific/Auckland");

        /* a reason's moment: the year only when it is not now's, in the zone */
        is_str(lu_format_minute_in(buf, 1795424400, utc, 1795424400 + 86400), "Mon 23 Nov 09:00",
               "in now's year: no year");
        is_str(lu_format_minute_in(buf, 1795424400, utc, 1830000000), "Mon 23 Nov 2026 09:00",
               "in another year than now's: the year");
        is_str(lu_format_minute_in(buf, -86400, utc, 0), "Wed 31 Dec 1969 00:00",
               "through GLib: the year when now's differs");
        is_str(lu_format_minute_in(buf, G_GINT64_CONSTANT(253370764800) + 864000, utc,
                                   G_GINT64_CONSTANT(253370764800) + 864000),
               "Mon 11 Jan 00:00", "through GLib (9999): no year in now's");
        if (ak) /* 2026-12-31T12:00Z is 1 January 2027 in Auckland */
            is_str(lu_format_minute_in(buf, 1798718400, ak, 1798718400), "Fri 1 Jan 01:00",
                   "now's year read in the zone");
        g_clear_pointer(&ak, g_time_zone_unref);
    }
    for (gsize z = 0; z < G_N_ELEMENTS(zones); z++) {
        GTimeZone *tz = g_time_zone_new_identifier(zones[z]);
        if (!tz) {
            ok(getenv("CI") == NULL, "%s: no tzdata for it (CI must have it)", zones[z]);
            continue;
        }
        /* every 7 hours 13 minutes 17 seconds over 1970-2040, every
         * quarter hour over two years of summer-time changes, the last
         * days of the fast range */
        is_int(differ(tz, zones[z], 86400, 25997, 85000), 0, "%s: 1970 to 2040", zones[z]);
        is_int(differ(tz, zones[z], 1609459200, 900, 70080), 0,
               "%s: 2021 and 2022 by quarter hours", zones[z]);
        is_int(differ(tz, zones[z], G_GINT64_CONSTANT(253370764800) - 3 * 86400, 1800, 200), 0,
               "%s: the end of 9998 and the start of 9999", zones[z]);
        g_time_zone_unref(tz);
    }
    g_time_zone_unref(utc);
    return tap_done();
}
