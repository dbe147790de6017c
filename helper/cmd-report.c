/* cmd-report.c - leadup report: the morning digest, from the state the
 * last scan recorded, judged against --now.  80 columns. */
#include "leadup.h"

#include <string.h>

static const enum lu_state queues[] = {
    LU_ST_NEEDS_REPLY, LU_ST_AWAITING, LU_ST_PROMISE_MINE, LU_ST_PROMISE_THEIRS, LU_ST_NO_NEXT_STEP,
    LU_ST_BOUNCED,     LU_ST_SNOOZED,  LU_ST_DORMANT,      LU_ST_CLOSED,         LU_ST_MUTED,
};

static GDateTime *local(struct lu_ctx *ctx, gint64 t)
{
    return lu_local_time(t, ctx->cfg.tz);
}

/* The first second after the end of T's day plus DAYS days, in the user's zone. */
static gint64 day_end(struct lu_ctx *ctx, gint64 t, int days)
{
    GDateTime *l = local(ctx, t);
    GDateTime *d = g_date_time_new(ctx->cfg.tz, g_date_time_get_year(l), g_date_time_get_month(l),
                                   g_date_time_get_day_of_month(l), 0, 0, 0);
    GDateTime *e = g_date_time_add_days(d, days + 1);
    gint64 out = g_date_time_to_unix(e);

    g_date_time_unref(e);
    g_date_time_unref(d);
    g_date_time_unref(l);
    return out;
}

static char *short_date(struct lu_ctx *ctx, gint64 t)
{
    return t ? lu_format_time(t, ctx->cfg.tz, "%a %d %b") : g_strdup("-");
}

/* One item in 80 columns: state, a date (its due date, or SINCE when it
 * started), whom it concerns, the subject. */
static void line(struct lu_ctx *ctx, struct lu_item *it, bool since)
{
    char *d = short_date(ctx, since || !it->due_at ? it->since : it->due_at);
    char *who = lu_fit(it->who, 18);
    char *subj = lu_fit(it->subject && *it->subject ? it->subject : "(no subject)", 31);

    lu_printf("  %-14s %-10s  %s  %s\n", lu_state_name(it->state), d, who, g_strchomp(subj));
    g_free(d);
    g_free(who);
    g_free(subj);
}

static bool is_due(struct lu_ctx *ctx, const struct lu_item *it)
{
    return it->due || (it->due_at && it->due_at <= ctx->now);
}

static gint by_due(gconstpointer a, gconstpointer b)
{
    const struct lu_item *x = *(struct lu_item *const *)a, *y = *(struct lu_item *const *)b;
    gint64 dx = x->due_at ? x->due_at : x->since, dy = y->due_at ? y->due_at : y->since;

    return dx < dy ? -1 : dx > dy;
}

struct report_args {
    int json;
};

const struct lu_option lu_report_options[] = {
    LU_OPT_KEYWORD("format", 0, struct report_args, json, lu_format_keywords,
                   "json: one object (fields in leadup(1))"),
    LU_OPT_END_,
};

int lu_cmd_report(struct lu_ctx *ctx, int argc, char **argv)
{
    struct report_args a = {0};
    struct lu_store *store = NULL;
    GPtrArray *items = NULL, *due = g_ptr_array_new(), *week = g_ptr_array_new();
    GPtrArray *oldest = g_ptr_array_new(), *bounced = g_ptr_array_new();
    bool json = false;
    gint64 today_end, week_end;
    int ret = 0, wd;
    char iso[LU_ISO_LEN];
    GDateTime *now;

    ret = lu_parse_options(ctx, lu_report_options, &a, &argc, argv);
    if (ret)
        goto out;
    json = a.json;
    if (argc > 1) {
        ret = lu_error(EX_USAGE, "report: unexpected argument '%s'", argv[1]);
        goto out;
    }
    ret = lu_store_open(&store);
    if (!ret)
        ret = lu_store_items(store, -1, &items);
    if (ret)
        goto out;
    now = local(ctx, ctx->now);
    wd = g_date_time_get_day_of_week(now); /* 1 = Monday */
    g_date_time_unref(now);
    today_end = day_end(ctx, ctx->now, 0);
    week_end = day_end(ctx, ctx->now, 7 - wd);
    for (guint i = 0; i < items->len; i++) {
        struct lu_item *it = g_ptr_array_index(items, i);
        bool queue = it->state != LU_ST_CLOSED && it->state != LU_ST_MUTED &&
                     it->state != LU_ST_DORMANT && it->state != LU_ST_SNOOZED;
        if (queue && (is_due(ctx, it) || (it->due_at && it->due_at < today_end)))
            g_ptr_array_add(due, it);
        if ((it->state == LU_ST_PROMISE_MINE || it->state == LU_ST_PROMISE_THEIRS) &&
            it->due_at >= ctx->now && it->due_at < week_end)
            g_ptr_array_add(week, it);
        if (it->state == LU_ST_BOUNCED)
            g_ptr_array_add(bounced, it);
        if (queue && it->state != LU_ST_BOUNCED)
            g_ptr_array_add(oldest, it); /* items come oldest first */
    }
    g_ptr_array_sort(due, by_due);
    g_ptr_array_sort(week, by_due);
    if (json) {
        struct lu_json j;
        GPtrArray *sections[] = {due, week, oldest, bounced};
        const char *names[] = {"due_today", "promises_this_week", "oldest", "bounced"};

        lu_json_init(&j, stdout, true);
        lu_json_obj_begin(&j);
        lu_json_key(&j, "now");
        lu_json_str(&j, lu_iso(ctx->now, ctx->cfg.tz, iso));
        lu_json_key(&j, "queues");
        lu_json_obj_begin(&j);
        for (size_t q = 0; q < G_N_ELEMENTS(queues); q++) {
            unsigned n = 0, d = 0;
            for (guint i = 0; i < items->len; i++) {
                struct lu_item *it = g_ptr_array_index(items, i);
                n += it->state == queues[q];
                d += it->state == queues[q] && is_due(ctx, it);
            }
            lu_json_key(&j, lu_state_name(queues[q]));
            lu_json_obj_begin(&j);
            lu_json_key(&j, "count");
            lu_json_int(&j, n);
            lu_json_key(&j, "due");
            lu_json_int(&j, d);
            lu_json_obj_end(&j);
        }
        lu_json_obj_end(&j);
        for (int s = 0; s < 4; s++) {
            lu_json_key(&j, names[s]);
            lu_json_arr_begin(&j);
            for (guint i = 0; i < sections[s]->len && (s != 2 || i < 5); i++) {
                struct lu_item *it = g_ptr_array_index(sections[s], i);
                lu_json_obj_begin(&j);
                lu_json_key(&j, "state");
                lu_json_str(&j, lu_state_name(it->state));
                lu_json_key(&j, "message_id");
                lu_json_str(&j, it->mid);
                lu_json_key(&j, "subject");
                lu_json_str(&j, it->subject);
                lu_json_key(&j, "who");
                lu_json_str(&j, it->who);
                lu_json_key(&j, "since");
                lu_json_str(&j, lu_iso(it->since, ctx->cfg.tz, iso));
                lu_json_key(&j, "due_at");
                if (it->due_at)
                    lu_json_str(&j, lu_iso(it->due_at, ctx->cfg.tz, iso));
                else
                    lu_json_null(&j);
                lu_json_obj_end(&j);
            }
            lu_json_arr_end(&j);
        }
        lu_json_obj_end(&j);
        lu_json_end(&j);
        goto out;
    }
    {
        GDateTime *l = local(ctx, ctx->now);
        char *t = g_date_time_format(l, "%A %-d %B %Y, %H:%M");
        lu_printf("leadup report for %s\n\n", t);
        g_free(t);
        g_date_time_unref(l);
    }
    if (!items->len)
        lu_printf("  Every queue is empty.\n");
    else
        lu_printf("  %-16s %5s %5s\n", "queue", "total", "due");
    for (size_t q = 0; q < G_N_ELEMENTS(queues); q++) {
        unsigned n = 0, d = 0;
        for (guint i = 0; i < items->len; i++) {
            struct lu_item *it = g_ptr_array_index(items, i);
            n += it->state == queues[q];
            d += it->state == queues[q] && is_due(ctx, it);
        }
        if (n)
            lu_printf("  %-16s %5u %5u\n", lu_state_name(queues[q]), n, d);
    }
    lu_printf("\nDue today (%u)\n", due->len);
    for (guint i = 0; i < due->len; i++)
        line(ctx, g_ptr_array_index(due, i), false);
    if (!due->len)
        lu_printf("  nothing: a good day to lead up on something new\n");
    lu_printf("\nPromises falling due this week (%u)\n", week->len);
    for (guint i = 0; i < week->len; i++)
        line(ctx, g_ptr_array_index(week, i), false);
    if (!week->len)
        lu_printf("  none\n");
    if (oldest->len)
        lu_printf("\nOldest open items (since)\n");
    for (guint i = 0; i < oldest->len && i < 5; i++)
        line(ctx, g_ptr_array_index(oldest, i), true);
    if (bounced->len) {
        lu_printf("\nBounced (%u): check the addresses\n", bounced->len);
        for (guint i = 0; i < bounced->len; i++)
            line(ctx, g_ptr_array_index(bounced, i), true);
    }
out:
    g_ptr_array_free(due, TRUE);
    g_ptr_array_free(week, TRUE);
    g_ptr_array_free(oldest, TRUE);
    g_ptr_array_free(bounced, TRUE);
    if (items)
        g_ptr_array_free(items, TRUE);
    lu_store_close(store);
    return ret;
}
