/* cal.c - business days and working hours.
 *
 * Every function reads T's wall-clock fields in the calendar's zone
 * (cal->tz, else T's own zone), does its arithmetic on Julian day numbers and
 * seconds of the day, and builds the answer again with g_date_time_new() in
 * that zone.  So "the same time of day" stays 10:00 local across a DST change
 * instead of drifting by an hour. */
#include "leadup.h"

#include <stdlib.h>

/* The GDate Julian day of 1970-01-01. */
#define JD_UNIX_EPOCH 719163
/* No calendar has a year without a business day: a bound on every search. */
#define MAX_SEARCH_DAYS 3660

void lu_cal_init(struct lu_cal *cal, GTimeZone *tz)
{
    /* every field named or zero: a field added later (order_set was) is
     * never left to the stack's garbage */
    *cal = (struct lu_cal){
        .tz = tz, .days = LU_CAL_MON_FRI, .work_start = 9 * 60, .work_end = 17 * 60};
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* The effective weekday mask: an empty one would make every search endless,
 * so it means "every day". */
static unsigned day_mask(const struct lu_cal *cal)
{
    unsigned m = cal->days & 0xfe;
    return m ? m : 0xfe;
}

bool lu_cal_is_bizday_jd(const struct lu_cal *cal, guint32 julian)
{
    int wd = (int)((julian - 1) % 7) + 1; /* Julian day 1 was a Monday */
    bool biz = (day_mask(cal) >> wd) & 1;

    if (biz && cal->holidays)
        for (guint i = 0; i < cal->holidays->len; i++)
            if (g_array_index(cal->holidays, guint32, i) == julian)
                biz = false;
    return biz;
}

/* T's local date (as a Julian day) and second of the day in the calendar's zone. */
static GTimeZone *split(const struct lu_cal *cal, GDateTime *t, guint32 *jd, int *sod)
{
    GTimeZone *tz = cal->tz ? cal->tz : g_date_time_get_timezone(t);
    /* Already in TZ: no conversion (each searches the zone's transitions). */
    GDateTime *l =
        g_date_time_get_timezone(t) == tz ? g_date_time_ref(t) : g_date_time_to_timezone(t, tz);
    int y, m, d;

    g_date_time_get_ymd(l, &y, &m, &d);
    *jd = (guint32)(days_from_civil(y, m, d) + JD_UNIX_EPOCH);
    *sod =
        g_date_time_get_hour(l) * 3600 + g_date_time_get_minute(l) * 60 + g_date_time_get_second(l);
    g_date_time_unref(l);
    return tz;
}

static GDateTime *join(GTimeZone *tz, guint32 jd, int sod)
{
    int y, m, d;

    civil_from_days((int)jd - JD_UNIX_EPOCH, &y, &m, &d);
    return g_date_time_new(tz, y, m, d, sod / 3600, sod / 60 % 60, sod % 60);
}

/* The first business day after JD (STEP 1) or before it (STEP -1). */
static guint32 next_bizday(const struct lu_cal *cal, guint32 jd, int step)
{
    for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
        jd += step;
        if (lu_cal_is_bizday_jd(cal, jd))
            break;
    }
    return jd;
}

/* Working hours in seconds; a nonsensical configuration falls back to 9-17. */
static void hours(const struct lu_cal *cal, int *ws, int *we)
{
    *ws = cal->work_start * 60;
    *we = cal->work_end * 60;
    if (*ws < 0 || *we > 86400 || *we <= *ws) {
        *ws = 9 * 3600;
        *we = 17 * 3600;
    }
}

bool lu_cal_is_bizday(const struct lu_cal *cal, GDateTime *t)
{
    guint32 jd;
    int sod;

    split(cal, t, &jd, &sod);
    return lu_cal_is_bizday_jd(cal, jd);
}

/* A negative N moves back; a T outside business days then first moves to the
 * end of working hours on the previous business day. */
GDateTime *lu_cal_add_bizdays(const struct lu_cal *cal, GDateTime *t, int n)
{
    guint32 jd;
    int sod, ws, we, step = n < 0 ? -1 : 1;
    GTimeZone *tz = split(cal, t, &jd, &sod);

    hours(cal, &ws, &we);
    if (!lu_cal_is_bizday_jd(cal, jd)) {
        jd = next_bizday(cal, jd, step);
        sod = step > 0 ? ws : we;
    }
    for (int i = 0; i < abs(n); i++)
        jd = next_bizday(cal, jd, step);
    return join(tz, jd, sod);
}

/* A negative N counts as 0. */
GDateTime *lu_cal_add_bizhours(const struct lu_cal *cal, GDateTime *t, int n)
{
    guint32 jd;
    int sod, ws, we;
    GTimeZone *tz = split(cal, t, &jd, &sod);
    gint64 rem = n > 0 ? (gint64)n * 3600 : 0;

    hours(cal, &ws, &we);
    if (!lu_cal_is_bizday_jd(cal, jd) || sod >= we) {
        jd = next_bizday(cal, jd, 1);
        sod = ws;
    } else if (sod < ws) {
        sod = ws;
    }
    if (n <= 0) {
        sod = we;
    } else {
        while (rem > we - sod) {
            rem -= we - sod;
            jd = next_bizday(cal, jd, 1);
            sod = ws;
        }
        sod += (int)rem;
    }
    return join(tz, jd, sod);
}

/* Counts the business days D with date(A) < D <= date(B): a message sent on
 * Friday and looked at on Monday has waited one business day. */
int lu_cal_bizdays_between(const struct lu_cal *cal, GDateTime *a, GDateTime *b)
{
    guint32 ja, jb;
    int sod, n = 0;
    unsigned mask = day_mask(cal);

    split(cal, a, &ja, &sod);
    split(cal, b, &jb, &sod);
    if (jb <= ja)
        goto out;
    /* Whole weeks at once: the range may span years. */
    guint32 total = jb - ja, weeks = total / 7;
    n = (int)weeks * __builtin_popcount(mask);
    for (guint32 jd = ja + weeks * 7 + 1; jd <= jb; jd++)
        n += (mask >> ((jd - 1) % 7 + 1)) & 1;
    if (cal->holidays) {
        GArray *h = cal->holidays;
        for (guint i = 0; i < h->len; i++) {
            guint32 jd = g_array_index(h, guint32, i);
            bool dup = false;
            for (guint k = 0; k < i && !dup; k++)
                dup = g_array_index(h, guint32, k) == jd;
            if (!dup && jd > ja && jd <= jb && ((mask >> ((jd - 1) % 7 + 1)) & 1))
                n--;
        }
    }
out:
    return n;
}

GDateTime *lu_cal_next_slot(const struct lu_cal *cal, GDateTime *t)
{
    guint32 jd;
    int sod, ws, we;
    GTimeZone *tz = split(cal, t, &jd, &sod);

    hours(cal, &ws, &we);
    /* A fraction of a second past a slot is past it. */
    if (g_date_time_get_microsecond(t) > 0)
        sod++;
    sod = (sod + 1799) / 1800 * 1800;
    if (!lu_cal_is_bizday_jd(cal, jd) || sod >= we) {
        jd = next_bizday(cal, jd, 1);
        sod = ws;
    } else if (sod < ws) {
        sod = ws;
    }
    /* A working day starting at, say, 8:45 offers its first slot at 9:00. */
    sod = (sod + 1799) / 1800 * 1800;
    return join(tz, jd, sod);
}
