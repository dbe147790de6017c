/* when-test.c - a decision's WHEN durations read by hand (when.c) are
 * lu_when_parse's (dates.c) to the field, in zones with summer times,
 * half hours and none, across the changes, month ends and leap days;
 * what is not a duration is left to lu_when_parse. */
#include "leadup.h"
#include "tap.h"
#include "when.h"

static const char *const zones[] = {"UTC", "Europe/London", "America/St_Johns",
                                    "Australia/Lord_Howe", "Pacific/Auckland"};

/* Read by hand, and the same as lu_when_parse's. */
static const char *const durations[] = {
    "3d",    "+3d",   "0d",   "1d",    "7d",  "2w",  "+2w",  "4h",    "30m",   "45min",
    "1mo",   "3D",    "2W",   "4H",    "1MO", "1Mo", "5MIN", "0003d", "9999d", "9999w",
    "9999h", "9999m", "12mo", "999mo", "0h",  "+0m", "1min", "24h",   "36h",   "48mo"};

/* Left to lu_when_parse (lu_when_duration says -1). */
static const char *const others[] = {"",
                                     "d",
                                     "+d",
                                     "3",
                                     "3x",
                                     "3dd",
                                     "3mins",
                                     "12345d",
                                     "12555555555d",
                                     "99999999999999999999w",
                                     "-3d",
                                     "++3d",
                                     "3 d",
                                     " 3d",
                                     "3d ",
                                     "3d.",
                                     "3.5d",
                                     "d3",
                                     "3h30",
                                     "1y",
                                     "tomorrow",
                                     "tue",
                                     "next week",
                                     "2026-12-03",
                                     "2026-12-03T10:00:00Z",
                                     "3\xc3\xa9",
                                     "\xef\xbc\x93"
                                     "d",
                                     "3\td"};

static bool same(const struct lu_when *a, const struct lu_when *b)
{
    return a->start == b->start && a->end == b->end && a->span == b->span &&
           a->has_time == b->has_time && a->past == b->past && a->off == b->off && a->len == b->len;
}

/* How many of the durations at N refs from T by STEP seconds differ from
 * lu_when_parse's answer; the first shown. */
static int differ(GTimeZone *tz, const struct lu_cal *cal, const char *zone, gint64 t, gint64 step,
                  int n)
{
    int bad = 0;

    for (int i = 0; i < n; i++, t += step) {
        GDateTime *u = g_date_time_new_from_unix_utc(t), *ref = g_date_time_to_timezone(u, tz);
        for (gsize k = 0; k < G_N_ELEMENTS(durations); k++) {
            struct lu_when got, want;
            int rg = lu_when_duration(durations[k], ref, &got);
            int rw = lu_when_parse(durations[k], ref, cal, &want);
            if ((rg != 0 || rw != 0 || !same(&got, &want)) && bad++ == 0)
                printf("# %s at %lld: '%s': by hand %d %lld, lu_when_parse %d %lld\n", zone,
                       (long long)t, durations[k], rg, (long long)got.start, rw,
                       (long long)want.start);
        }
        g_date_time_unref(ref);
        g_date_time_unref(u);
    }
    return bad;
}

int main(void)
{
    GTimeZone *utc = g_time_zone_new_utc();
    GDateTime *ref = g_date_time_new(utc, 2026, 11, 23, 9, 0, 0);
    struct lu_cal cal;
    struct lu_when w;

    lu_cal_init(&cal, utc);
    ok(lu_when_duration("3d", ref, &w) == 0 && w.start == 1795424400 + 3 * 86400 &&
           w.end == w.start && w.span == LU_SPAN_MOMENT && w.has_time && w.len == 2,
       "3d: a moment three days on");
    ok(lu_when_read("3d", ref, &cal, &w) == 0 && w.start == 1795424400 + 3 * 86400,
       "lu_when_read reads a duration");
    ok(lu_when_read("2026-12-03", ref, &cal, &w) == 0 && w.span == LU_SPAN_DAY,
       "lu_when_read leaves a date to lu_when_parse");
    {
        GDateTime *t;
        char *s;
        ok(lu_when_duration("1mo", ref, &w) == 0, "1mo read by hand");
        t = g_date_time_new_from_unix_utc(w.start);
        s = g_date_time_format(t, "%F %T");
        is_str(s, "2026-12-23 09:00:00", "1mo: the same day and time a month on");
        g_free(s);
        g_date_time_unref(t);
    }
    for (gsize k = 0; k < G_N_ELEMENTS(others); k++) {
        struct lu_when a, b;
        memset(&w, 0x5a, sizeof w);
        memcpy(&a, &w, sizeof w);
        is_int(lu_when_duration(others[k], ref, &w), -1, "'%s' is not a duration read by hand",
               others[k]);
        ok(memcmp(&a, &w, sizeof w) == 0, "'%s': OUT untouched", others[k]);
        int ra = lu_when_read(others[k], ref, &cal, &a),
            rb = lu_when_parse(others[k], ref, &cal, &b);
        ok(ra == rb && (ra != 0 || same(&a, &b)), "'%s': lu_when_read answers as lu_when_parse",
           others[k]);
    }
    ok(lu_when_duration(NULL, ref, &w) == -1 && lu_when_duration("3d", NULL, &w) == -1,
       "no ARG or no REF: -1");
    for (gsize z = 0; z < G_N_ELEMENTS(zones); z++) {
        GTimeZone *tz = g_time_zone_new_identifier(zones[z]);
        if (!tz) {
            ok(getenv("CI") == NULL, "%s: no tzdata for it (CI must have it)", zones[z]);
            continue;
        }
        lu_cal_init(&cal, tz);
        /* every 7 hours 13 minutes 17 seconds over 2020-2030, every
         * quarter hour around spring and autumn of 2026 */
        is_int(differ(tz, &cal, zones[z], 1577836800, 25997, 12140), 0, "%s: 2020 to 2030",
               zones[z]);
        is_int(differ(tz, &cal, zones[z], 1774224000, 900, 1000), 0,
               "%s: March and April 2026 by quarter hours", zones[z]);
        is_int(differ(tz, &cal, zones[z], 1790812800, 900, 1000), 0,
               "%s: September and October 2026 by quarter hours", zones[z]);
        g_time_zone_unref(tz);
    }
    g_date_time_unref(ref);
    g_time_zone_unref(utc);
    return tap_done();
}
