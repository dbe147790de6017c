/* datetag.c - the date a queue item shows in the client's index (pure).
 *
 * A thread in a queue falls due on a day (awaiting, needs-reply, a promise,
 * a next step, a remind) or wakes on one (snoozed).  NeoMutt reads it from
 * a tag on the anchor, leadup/due/YYYY-MM-DD or leadup/wakes/YYYY-MM-DD (the
 * day in the user's zone), and shows it through the index-format-hooks
 * lu_date_hooks writes; Mutt, which has no tags, reads the same words from
 * the X-Label header of leadup's own copy in the queue maildir.  The date is
 * fixed by the messages and decisions, not by the clock, so the scan writes
 * the tag once per decision or verdict, not once a day. */
#include "leadup.h"

#include <string.h>

gint64 lu_index_date(enum lu_state state, gint64 due_at, gint64 next_check, bool *wakes)
{
    *wakes = state == LU_ST_SNOOZED;
    if (state == LU_ST_NONE || state >= LU_ST_COUNT)
        return 0;
    return *wakes ? next_check : due_at;
}

char *lu_date_tag(enum lu_state state, gint64 due_at, gint64 next_check, GTimeZone *tz)
{
    bool wakes;
    gint64 t = lu_index_date(state, due_at, next_check, &wakes);
    char *day, *tag;

    if (t <= 0)
        return NULL;
    day = lu_format_time(t, tz, "%Y-%m-%d");
    tag = g_strconcat(wakes ? LU_DATE_TAG_WAKES : LU_DATE_TAG_DUE, day, NULL);
    g_free(day);
    return tag;
}

/* "due Fri 4 Dec" for DAY (local noon); the year instead of the
 * weekday when DAY is more than 180 days from TODAY, as leadup queue
 * prints dates.  At most LU_DATE_LABEL_WIDTH characters. */
static char *day_label(GDateTime *day, GDateTime *today, bool wakes)
{
    GTimeSpan apart = g_date_time_difference(day, today) / G_TIME_SPAN_DAY;
    char *date = g_date_time_format(day, ABS(apart) <= 180 ? "%a %-d %b" : "%-d %b %Y");
    char *s = g_strconcat(wakes ? "wakes " : "due ", date, NULL);

    g_free(date);
    return s;
}

/* T's day in TZ, at noon: a time every day has, whatever its DST change. */
static GDateTime *local_day(gint64 t, GTimeZone *tz)
{
    GDateTime *l = lu_local_time(t, tz);
    GDateTime *d = g_date_time_new(tz, g_date_time_get_year(l), g_date_time_get_month(l),
                                   g_date_time_get_day_of_month(l), 12, 0, 0);

    g_date_time_unref(l);
    return d;
}

char *lu_date_label(enum lu_state state, gint64 due_at, gint64 next_check, gint64 now,
                    GTimeZone *tz)
{
    bool wakes;
    gint64 t = lu_index_date(state, due_at, next_check, &wakes);
    GDateTime *day, *today;
    char *s;

    if (t <= 0)
        return NULL;
    day = local_day(t, tz);
    today = local_day(now, tz);
    s = day_label(day, today, wakes);
    g_date_time_unref(day);
    g_date_time_unref(today);
    return s;
}

/* One hook per kind for DAY, unless SEEN has it. */
static void add_day(GString *out, GHashTable *seen, GDateTime *day, GDateTime *today)
{
    char *ymd = g_date_time_format(day, "%Y-%m-%d");

    if (!g_hash_table_contains(seen, ymd)) {
        g_hash_table_add(seen, ymd);
        for (int wakes = 0; wakes < 2; wakes++) {
            char *label = day_label(day, today, wakes);
            /* Only digits, '-', letters and spaces: nothing to quote. */
            g_string_append_printf(out, "index-format-hook leadup_date '~Y %s%s' '%s'\n",
                                   wakes ? LU_DATE_TAG_WAKES : LU_DATE_TAG_DUE, ymd, label);
            g_free(label);
        }
    } else {
        g_free(ymd);
    }
}

char *lu_date_hooks(const GArray *dates, gint64 now, GTimeZone *tz)
{
    GString *out = g_string_new(NULL);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GDateTime *today = local_day(now, tz);

    /* The first hook that matches wins: a message without a date tag
     * stops at the first one (one pattern, not hundreds).  No '|' in a
     * pattern's regex: the pattern language reads it as "or". */
    g_string_append(out, "index-format-hook leadup_date '!~Y " LU_TAG_PREFIX "[a-z]+/' ''\n");
    for (guint i = 0; dates && i < dates->len; i++) {
        GDateTime *day = local_day(g_array_index(dates, gint64, i), tz);
        add_day(out, seen, day, today);
        g_date_time_unref(day);
    }
    /* Days a scan may tag while the client runs (a new message, a key). */
    for (int d = -LU_DATE_HOOKS_BEFORE; d <= LU_DATE_HOOKS_AFTER; d++) {
        GDateTime *day = g_date_time_add_days(today, d);
        add_day(out, seen, day, today);
        g_date_time_unref(day);
    }
    /* A day tagged later, beyond those: the date is one ,w away. */
    g_string_append(out, "index-format-hook leadup_date '~Y " LU_DATE_TAG_DUE "' 'due (,w)'\n"
                         "index-format-hook leadup_date '~Y " LU_DATE_TAG_WAKES "' 'wakes (,w)'\n");
    g_date_time_unref(today);
    g_hash_table_destroy(seen);
    return g_string_free(out, FALSE);
}

char *lu_date_labelled(const char *text, gsize len, const char *label, gsize *out_len)
{
    GString *out = g_string_sized_new(len + 64);
    gsize at = len, line = 0;
    const char *eol = "\n";

    /* The header ends at the first empty line (or with the text). */
    while (line < len) {
        const char *nl = memchr(text + line, '\n', len - line);
        gsize end = nl ? (gsize)(nl - text) + 1 : len;
        gsize content = end - line - (nl ? 1 : 0);

        if (content > 0 && text[line + content - 1] == '\r')
            content--;
        if (content == 0) {
            at = line;
            break;
        }
        if (nl && end >= 2 && text[end - 2] == '\r')
            eol = "\r\n";
        line = end;
    }
    g_string_append_len(out, text, at);
    if (at > 0 && text[at - 1] != '\n')
        g_string_append(out, eol);
    /* Last, so that it wins over an X-Label of the message's own: Mutt
     * keeps the last one it reads. */
    g_string_append_printf(out, "X-Label: %s%s", label, eol);
    g_string_append_len(out, text + at, len - at);
    *out_len = out->len;
    return g_string_free(out, FALSE);
}
