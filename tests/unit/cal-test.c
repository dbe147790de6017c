/* cal-test.c - business days and working hours (helper/cal.c). */
#include "leadup.h"
#include "tap.h"

static GTimeZone *berlin, *newyork;

/* "2026-12-04 10:00[:ss]" local to TZ; caller unrefs. */
static GDateTime *at(GTimeZone *tz, const char *s)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;

    if (sscanf(s, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &sec) < 3)
        return NULL;
    return g_date_time_new(tz, y, mo, d, h, mi, sec);
}

/* Formats T (consumed) as ISO in TZ into a static buffer. */
static const char *iso(GDateTime *t, GTimeZone *tz)
{
    static char buf[LU_ISO_LEN];

    lu_iso(g_date_time_to_unix(t), tz, buf);
    g_date_time_unref(t);
    return buf;
}

static guint32 jd(int y, int m, int d)
{
    GDate g;

    g_date_clear(&g, 1);
    g_date_set_dmy(&g, d, m, y);
    return g_date_get_julian(&g);
}

static void test_days(struct lu_cal *cal)
{
    struct {
        const char *t;
        int n;
        const char *want;
    } rows[] = {
        {"2026-12-04 10:00", 3, "2026-12-09T10:00:00+01:00"},  /* Fri + 3 = Wed */
        {"2026-12-05 11:00", 3, "2026-12-10T09:00:00+01:00"},  /* Sat: from Mon 9:00 */
        {"2026-12-06 23:30", 1, "2026-12-08T09:00:00+01:00"},  /* Sun */
        {"2026-12-02 10:00", 0, "2026-12-02T10:00:00+01:00"},  /* Wed + 0 */
        {"2026-12-05 11:00", 0, "2026-12-07T09:00:00+01:00"},  /* Sat + 0 = Mon 9:00 */
        {"2026-12-02 22:00", 1, "2026-12-03T22:00:00+01:00"},  /* keeps the time */
        {"2026-12-31 10:00", 1, "2027-01-01T10:00:00+01:00"},  /* year end */
        {"2026-12-30 10:00", 5, "2027-01-06T10:00:00+01:00"},  /* over New Year */
        {"2026-03-27 10:00", 1, "2026-03-30T10:00:00+02:00"},  /* over the EU DST change */
        {"2026-10-23 10:00", 1, "2026-10-26T10:00:00+01:00"},  /* and back */
        {"2028-02-28 10:00", 1, "2028-02-29T10:00:00+01:00"},  /* leap day */
        {"2026-12-09 10:00", -3, "2026-12-04T10:00:00+01:00"}, /* backwards */
        {"2026-12-05 11:00", -1, "2026-12-03T17:00:00+01:00"}, /* Sat - 1: Fri 17:00 - 1 */
        {"2026-12-04 10:00", 10, "2026-12-18T10:00:00+01:00"}, /* two weeks */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        GDateTime *t = at(berlin, rows[i].t);
        is_str(iso(lu_cal_add_bizdays(cal, t, rows[i].n), berlin), rows[i].want,
               "add_bizdays(%s, %d)", rows[i].t, rows[i].n);
        g_date_time_unref(t);
    }

    /* New York: Friday before the US DST change. */
    struct lu_cal ny;
    lu_cal_init(&ny, newyork);
    GDateTime *t = at(newyork, "2026-03-06 10:00");
    is_str(iso(lu_cal_add_bizdays(&ny, t, 1), newyork), "2026-03-09T10:00:00-04:00",
           "add_bizdays over the US DST change");
    g_date_time_unref(t);

    /* The calendar's zone wins over T's zone. */
    t = at(newyork, "2026-12-04 18:00"); /* = Saturday 00:00 in Berlin */
    is_str(iso(lu_cal_add_bizdays(cal, t, 0), berlin), "2026-12-07T09:00:00+01:00",
           "add_bizdays reads T in the calendar's zone");
    g_date_time_unref(t);
}

static void test_holidays(struct lu_cal *cal)
{
    GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
    guint32 dec8 = jd(2026, 12, 8), dec25 = jd(2026, 12, 25), dec26 = jd(2026, 12, 26);

    g_array_append_val(h, dec8);
    g_array_append_val(h, dec8); /* listed twice: still one day */
    g_array_append_val(h, dec25);
    g_array_append_val(h, dec26); /* a Saturday: changes nothing */
    cal->holidays = h;

    GDateTime *t = at(berlin, "2026-12-08 10:00");
    ok(!lu_cal_is_bizday(cal, t), "a holiday is no business day");
    g_date_time_unref(t);
    ok(!lu_cal_is_bizday_jd(cal, dec8), "is_bizday_jd: holiday");
    ok(lu_cal_is_bizday_jd(cal, jd(2026, 12, 9)), "is_bizday_jd: Wednesday");
    ok(!lu_cal_is_bizday_jd(cal, jd(2026, 12, 12)), "is_bizday_jd: Saturday");

    t = at(berlin, "2026-12-04 10:00");
    is_str(iso(lu_cal_add_bizdays(cal, t, 3), berlin), "2026-12-10T10:00:00+01:00",
           "add_bizdays skips the holiday");
    GDateTime *b = at(berlin, "2026-12-09 08:00");
    is_int(lu_cal_bizdays_between(cal, t, b), 2, "bizdays_between skips the holiday once");
    g_date_time_unref(b);
    g_date_time_unref(t);

    t = at(berlin, "2026-12-24 16:00");
    is_str(iso(lu_cal_add_bizhours(cal, t, 2), berlin), "2026-12-28T10:00:00+01:00",
           "add_bizhours over Christmas");
    g_date_time_unref(t);

    t = at(berlin, "2026-12-07 17:30");
    is_str(iso(lu_cal_next_slot(cal, t), berlin), "2026-12-09T09:00:00+01:00",
           "next_slot skips the holiday");
    g_date_time_unref(t);

    cal->holidays = NULL;
    g_array_unref(h);
}

static void test_hours(struct lu_cal *cal)
{
    struct {
        const char *t;
        int n;
        const char *want;
    } rows[] = {
        {"2026-12-02 10:00", 0, "2026-12-02T17:00:00+01:00"}, /* end of this business day */
        {"2026-12-02 18:00", 0, "2026-12-03T17:00:00+01:00"}, /* after hours: the next one */
        {"2026-12-02 17:00", 0, "2026-12-03T17:00:00+01:00"}, /* 17:00 is after hours */
        {"2026-12-05 10:00", 0, "2026-12-07T17:00:00+01:00"}, /* Saturday */
        {"2026-12-02 07:00", 0, "2026-12-02T17:00:00+01:00"}, /* before hours */
        {"2026-12-02 08:00", 2, "2026-12-02T11:00:00+01:00"},
        {"2026-12-02 16:00", 2, "2026-12-03T10:00:00+01:00"},
        {"2026-12-04 16:00", 3, "2026-12-07T11:00:00+01:00"}, /* Fri -> Mon */
        {"2026-12-04 10:00", 7, "2026-12-04T17:00:00+01:00"}, /* exactly to the end */
        {"2026-12-04 10:00", 8, "2026-12-07T10:00:00+01:00"},
        {"2026-12-02 09:00", 16, "2026-12-03T17:00:00+01:00"},
        {"2026-12-02 10:30", 1, "2026-12-02T11:30:00+01:00"},
        {"2026-12-02 10:00", -5, "2026-12-02T17:00:00+01:00"}, /* negative counts as 0 */
        {"2026-10-23 16:00", 2, "2026-10-26T10:00:00+01:00"},  /* over the EU DST change */
        {"2026-03-27 16:00", 2, "2026-03-30T10:00:00+02:00"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        GDateTime *t = at(berlin, rows[i].t);
        is_str(iso(lu_cal_add_bizhours(cal, t, rows[i].n), berlin), rows[i].want,
               "add_bizhours(%s, %d)", rows[i].t, rows[i].n);
        g_date_time_unref(t);
    }
}

/* The reference: count day by day. */
static int naive_between(const struct lu_cal *cal, GDateTime *a, GDateTime *b)
{
    GDate da, db;
    int n = 0;

    g_date_clear(&da, 1);
    g_date_clear(&db, 1);
    g_date_set_dmy(&da, g_date_time_get_day_of_month(a), g_date_time_get_month(a),
                   g_date_time_get_year(a));
    g_date_set_dmy(&db, g_date_time_get_day_of_month(b), g_date_time_get_month(b),
                   g_date_time_get_year(b));
    for (guint32 j = g_date_get_julian(&da) + 1; j <= g_date_get_julian(&db); j++)
        n += lu_cal_is_bizday_jd(cal, j);
    return n;
}

static void test_between(struct lu_cal *cal)
{
    struct {
        const char *a, *b;
        int want;
    } rows[] = {
        {"2026-12-04 16:00", "2026-12-07 09:00", 1}, /* Fri -> Mon */
        {"2026-12-07 09:00", "2026-12-07 18:00", 0}, /* same day */
        {"2026-12-07 09:00", "2026-12-11 09:00", 4}, /* Mon -> Fri */
        {"2026-12-11 09:00", "2026-12-07 09:00", 0}, /* B before A */
        {"2026-12-05 09:00", "2026-12-06 09:00", 0}, /* Sat -> Sun */
        {"2026-12-05 09:00", "2026-12-07 09:00", 1}, /* Sat -> Mon */
        {"2026-12-02 09:00", "2026-12-16 09:00", 10},
        {"2026-12-28 09:00", "2027-01-04 09:00", 5}, /* over the year end */
        {"2028-02-25 09:00", "2028-03-01 09:00", 3}, /* Fri -> Wed over 29 Feb */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        GDateTime *a = at(berlin, rows[i].a), *b = at(berlin, rows[i].b);
        is_int(lu_cal_bizdays_between(cal, a, b), rows[i].want, "bizdays_between(%s, %s)",
               rows[i].a, rows[i].b);
        g_date_time_unref(a);
        g_date_time_unref(b);
    }

    /* Long spans, odd week shapes and holidays agree with counting day by day. */
    GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (int y = 2015; y <= 2027; y++) {
        guint32 d = jd(y, 12, 25), e = jd(y, 5, 1);
        g_array_append_val(h, d);
        g_array_append_val(h, e);
    }
    unsigned masks[] = {LU_CAL_MON_FRI, (1 << 7) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4),
                        1 << 3};
    const char *starts[] = {"2015-03-04 12:00", "2019-12-24 08:00", "2026-12-05 10:00"};
    const char *ends[] = {"2026-12-02 10:00", "2020-01-13 23:00", "2027-05-01 00:00"};
    for (size_t m = 0; m < G_N_ELEMENTS(masks); m++) {
        for (size_t i = 0; i < G_N_ELEMENTS(starts); i++) {
            struct lu_cal c2 = *cal;
            c2.days = masks[m];
            c2.holidays = i == 1 ? NULL : h;
            GDateTime *a = at(berlin, starts[i]), *b = at(berlin, ends[i]);
            is_int(lu_cal_bizdays_between(&c2, a, b), naive_between(&c2, a, b),
                   "bizdays_between(%s, %s) with mask %#x agrees with counting", starts[i], ends[i],
                   masks[m]);
            g_date_time_unref(a);
            g_date_time_unref(b);
        }
    }
    g_array_unref(h);
}

static void test_slot(struct lu_cal *cal)
{
    struct {
        const char *t;
        const char *want;
    } rows[] = {
        {"2026-12-02 10:00:00", "2026-12-02T10:00:00+01:00"}, /* on a slot */
        {"2026-12-02 10:00:01", "2026-12-02T10:30:00+01:00"},
        {"2026-12-02 10:29:00", "2026-12-02T10:30:00+01:00"},
        {"2026-12-02 10:31:00", "2026-12-02T11:00:00+01:00"},
        {"2026-12-02 16:30:00", "2026-12-02T16:30:00+01:00"}, /* last slot of the day */
        {"2026-12-02 16:45:00", "2026-12-03T09:00:00+01:00"}, /* rounds to 17:00: closed */
        {"2026-12-02 17:00:00", "2026-12-03T09:00:00+01:00"},
        {"2026-12-02 07:10:00", "2026-12-02T09:00:00+01:00"}, /* before hours */
        {"2026-12-05 10:00:00", "2026-12-07T09:00:00+01:00"}, /* Saturday */
        {"2026-12-04 23:59:59", "2026-12-07T09:00:00+01:00"}, /* Friday night */
        {"2026-12-31 18:00:00", "2027-01-01T09:00:00+01:00"}, /* year end */
        {"2026-03-27 17:30:00", "2026-03-30T09:00:00+02:00"}, /* over the DST change */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        GDateTime *t = at(berlin, rows[i].t);
        is_str(iso(lu_cal_next_slot(cal, t), berlin), rows[i].want, "next_slot(%s)", rows[i].t);
        g_date_time_unref(t);
    }

    /* Odd working hours: 8:45-16:15. */
    struct lu_cal c2 = *cal;
    c2.work_start = 8 * 60 + 45;
    c2.work_end = 16 * 60 + 15;
    GDateTime *t = at(berlin, "2026-12-02 06:00");
    is_str(iso(lu_cal_next_slot(&c2, t), berlin), "2026-12-02T09:00:00+01:00",
           "next_slot rounds an 8:45 start up to 9:00");
    g_date_time_unref(t);
    t = at(berlin, "2026-12-02 15:50");
    is_str(iso(lu_cal_next_slot(&c2, t), berlin), "2026-12-02T16:00:00+01:00",
           "next_slot: 16:00 is still inside hours ending 16:15");
    g_date_time_unref(t);
    t = at(berlin, "2026-12-02 16:01");
    is_str(iso(lu_cal_next_slot(&c2, t), berlin), "2026-12-03T09:00:00+01:00",
           "next_slot: 16:30 is after hours ending 16:15");
    g_date_time_unref(t);
    t = at(berlin, "2026-12-02 15:20");
    is_str(iso(lu_cal_next_slot(&c2, t), berlin), "2026-12-02T15:30:00+01:00",
           "next_slot inside odd hours");
    g_date_time_unref(t);
    t = at(berlin, "2026-12-02 12:00");
    is_str(iso(lu_cal_add_bizhours(&c2, t, 0), berlin), "2026-12-02T16:15:00+01:00",
           "add_bizhours(0) ends at an odd work_end");
    g_date_time_unref(t);
}

static void test_weeks(struct lu_cal *cal)
{
    /* A Sunday-to-Thursday week. */
    struct lu_cal c2 = *cal;
    c2.days = (1 << 7) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4);
    GDateTime *t = at(berlin, "2026-12-03 10:00"); /* Thursday */
    is_str(iso(lu_cal_add_bizdays(&c2, t, 1), berlin), "2026-12-06T10:00:00+01:00",
           "Sun-Thu week: Thursday + 1 = Sunday");
    g_date_time_unref(t);
    t = at(berlin, "2026-12-04 10:00");
    ok(!lu_cal_is_bizday(&c2, t), "Sun-Thu week: Friday is off");
    g_date_time_unref(t);

    /* An empty mask would loop forever: it means every day. */
    c2.days = 0;
    t = at(berlin, "2026-12-05 10:00");
    ok(lu_cal_is_bizday(&c2, t), "empty day mask: every day is a business day");
    is_str(iso(lu_cal_add_bizdays(&c2, t, 2), berlin), "2026-12-07T10:00:00+01:00",
           "empty day mask: Saturday + 2 = Monday");
    g_date_time_unref(t);
}

int main(void)
{
    struct lu_cal cal;

    berlin = g_time_zone_new_identifier("Europe/Berlin");
    newyork = g_time_zone_new_identifier("America/New_York");
    if (!berlin || !newyork) {
        return tap_skip_all("time zone data (tzdata) is not installed");
    }
    /* over a struct full of set bits, as the stack may hold: no field kept */
    memset(&cal, 0xff, sizeof cal);
    lu_cal_init(&cal, berlin);
    ok(!cal.mdy && !cal.order_set && !cal.holidays,
       "lu_cal_init over garbage: day/month order, not set by the user, no holidays");
    is_int(cal.days, LU_CAL_MON_FRI, "default business days: Monday to Friday");
    is_int(cal.work_start, 540, "default work start 9:00");
    is_int(cal.work_end, 1020, "default work end 17:00");
    ok(!cal.mdy && cal.holidays == NULL && cal.tz == berlin, "default order, holidays, zone");

    GDateTime *t = at(berlin, "2026-12-02 10:00");
    ok(lu_cal_is_bizday(&cal, t), "Wednesday is a business day");
    g_date_time_unref(t);
    t = at(berlin, "2026-12-06 10:00");
    ok(!lu_cal_is_bizday(&cal, t), "Sunday is not");
    g_date_time_unref(t);

    test_days(&cal);
    test_holidays(&cal);
    test_hours(&cal);
    test_between(&cal);
    test_slot(&cal);
    test_weeks(&cal);
    g_time_zone_unref(berlin);
    g_time_zone_unref(newyork);
    return tap_done();
}
