/* datetag-test.c - the day a queue item shows in the client's index: its
 * tag, its words, NeoMutt's hooks and Mutt's labelled copy (datetag.c). */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static void labelled(const char *text, const char *want, const char *what)
{
    gsize n = 0;
    char *s = lu_date_labelled(text, strlen(text), "due Fri 4 Dec", &n);

    is_str(s, want, "%s", what);
    is_int((long long)n, (long long)strlen(want), "%s: the length", what);
    g_free(s);
}

int main(void)
{
    GTimeZone *akl = g_time_zone_new_identifier("Pacific/Auckland");
    GTimeZone *utc = g_time_zone_new_utc();
    gint64 now = 1764500000; /* 2025-11-30T10:53:20Z */
    gint64 due = 1764882000; /* 2025-12-04T21:00:00Z: Fri 5 Dec 10:00 in Auckland */
    GArray *dates = g_array_new(FALSE, FALSE, sizeof(gint64));
    bool wakes;
    char *s;

    s = lu_date_tag(LU_ST_AWAITING, due, 0, utc);
    is_str(s, "leadup/due/2025-12-04", "the due day in UTC");
    g_free(s);
    s = lu_date_tag(LU_ST_AWAITING, due, 0, akl);
    is_str(s, "leadup/due/2025-12-05", "the due day is the day in the user's zone");
    g_free(s);
    s = lu_date_tag(LU_ST_SNOOZED, 0, due, akl);
    is_str(s, "leadup/wakes/2025-12-05", "a snoozed thread: the day it wakes (next_check)");
    g_free(s);
    ok(lu_date_tag(LU_ST_DORMANT, 0, 0, akl) == NULL, "no date, no tag");
    ok(lu_date_tag(LU_ST_NONE, due, 0, akl) == NULL, "in no queue, no tag");
    is_int(lu_index_date(LU_ST_SNOOZED, 5, 7, &wakes), 7, "snoozed: next_check");
    ok(wakes, "and it wakes");

    s = lu_date_label(LU_ST_AWAITING, due, 0, now, akl);
    is_str(s, "due Fri 5 Dec", "the words: the weekday near now");
    g_free(s);
    s = lu_date_label(LU_ST_SNOOZED, 0, due, now, utc);
    is_str(s, "wakes Thu 4 Dec", "a snoozed thread wakes");
    g_free(s);
    s = lu_date_label(LU_ST_AWAITING, due - 400 * 86400, 0, now, utc);
    is_str(s, "due 30 Oct 2024", "the year, far from now");
    ok(strlen(s) <= 17, "at most the column's 17 characters");
    g_free(s);

    g_array_append_val(dates, due);
    s = lu_date_hooks(dates, now, akl);
    ok(g_str_has_prefix(s, "index-format-hook leadup_date '!~Y leadup/[a-z]+/' ''\n"),
       "a message without a date tag stops at the first hook");
    ok(strstr(s, "index-format-hook leadup_date '~Y leadup/due/2025-12-05' 'due Fri 5 Dec'\n") &&
           strstr(s, "'~Y leadup/wakes/2025-12-05' 'wakes Fri 5 Dec'\n"),
       "a day in use has its hooks");
    ok(strstr(s, "'~Y leadup/due/2025-11-23' 'due Sun 23 Nov'\n") &&
           !strstr(s, "leadup/due/2025-11-22'"),
       "the days from a week before today");
    ok(strstr(s, "leadup/due/2026-06-18'") && !strstr(s, "leadup/due/2026-06-19'"),
       "to 200 days after it");
    ok(g_str_has_suffix(s, "'~Y leadup/wakes/' 'wakes (,w)'\n"), "then a catch-all per kind");
    ok(!strchr(s, '|') && !strchr(s, '$') && !strchr(s, '`'), "no pattern 'or', no expansion");
    {
        char *once = strstr(s, "leadup/due/2025-12-05'");
        ok(once && !strstr(once + 1, "leadup/due/2025-12-05'"), "each day once");
    }
    g_free(s);

    labelled("From: a@b\nSubject: x\n\nbody\n",
             "From: a@b\nSubject: x\nX-Label: due Fri 4 Dec\n\nbody\n",
             "the label is the header's last line");
    labelled("From: a@b\r\nX-Label: mine\r\n\r\nbody\r\n",
             "From: a@b\r\nX-Label: mine\r\nX-Label: due Fri 4 Dec\r\n\r\nbody\r\n",
             "CRLF kept; after the message's own X-Label, so it wins in Mutt");
    labelled("From: a@b\nSubject: x", "From: a@b\nSubject: x\nX-Label: due Fri 4 Dec\n",
             "a message that is all header");
    labelled("\nbody\n", "X-Label: due Fri 4 Dec\n\nbody\n", "a message without a header");
    labelled("", "X-Label: due Fri 4 Dec\n", "an empty file");

    g_array_free(dates, TRUE);
    g_time_zone_unref(akl);
    g_time_zone_unref(utc);
    return tap_done();
}
