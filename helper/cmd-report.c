/* cmd-report.c - leadup report: the morning digest, from the state the
 * last scan recorded, judged against --now.  80 columns. */
#include "leadup.h"

#include <string.h>

static GDateTime *local(struct lu_ctx *ctx, gint64 t)
{
    return lu_local_time(t, ctx->cfg.tz);
}

/* The first second of T's day plus DAYS days, in the user's zone; *NEXT
 * (unless NULL) the first second of the day after that. */
static gint64 day_start(struct lu_ctx *ctx, gint64 t, int days, gint64 *next)
{
    GDateTime *l = local(ctx, t);
    GDateTime *d = g_date_time_new(ctx->cfg.tz, g_date_time_get_year(l), g_date_time_get_month(l),
                                   g_date_time_get_day_of_month(l), 0, 0, 0);
    GDateTime *e = g_date_time_add_days(d, days), *after = next ? g_date_time_add_days(e, 1) : NULL;
    gint64 out = g_date_time_to_unix(e);

    if (next)
        *next = g_date_time_to_unix(after);
    g_clear_pointer(&after, g_date_time_unref);
    g_date_time_unref(e);
    g_date_time_unref(d);
    g_date_time_unref(l);
    return out;
}

/* The first second after the end of T's day plus DAYS days. */
static gint64 day_end(struct lu_ctx *ctx, gint64 t, int days)
{
    return day_start(ctx, t, days + 1, NULL);
}

/* A day's short date, kept while the lines' dates fall in it: the
 * sections are in date order, so most lines show the date of the one
 * before, and a report may list thousands. */
struct day_text {
    gint64 from, to; /* the day: [FROM, TO) */
    char *text;      /* owned; NULL: none yet */
};

static const char *short_date(struct lu_ctx *ctx, struct day_text *d, gint64 t)
{
    if (!t)
        return "-";
    if (!d->text || t < d->from || t >= d->to) {
        g_free(d->text);
        d->text = lu_format_time(t, ctx->cfg.tz, "%a %d %b");
        d->from = day_start(ctx, t, 0, &d->to);
    }
    return d->text;
}

/* One item in 80 columns: state, a date (its due date, or SINCE when it
 * started), whom it concerns, the subject. */
static void line(struct lu_ctx *ctx, struct day_text *d, struct lu_item *it, bool since)
{
    const char *date =
        short_date(ctx, d, since || !it->sched.due_at ? it->since : it->sched.due_at);
    char *who = lu_fit(it->who, 18);
    char *subj = lu_fit(it->subject && *it->subject ? it->subject : "(no subject)", 31);

    lu_printf("  %-14s %-10s  %s  %s\n", lu_state_name(it->state), date, who, g_strchomp(subj));
    g_free(who);
    g_free(subj);
}

/* The items a text report lists of a section without --all: the morning
 * digest is read in a terminal, and the rest are in their queues.  Only
 * these become items (at 300,000 messages 11,621 were due today). */
#define REPORT_LINES 20

/* What the report shows, read from the state database: the counts, and
 * only the items it lists. */
struct report {
    unsigned counts[LU_ST_COUNT], dues[LU_ST_COUNT];
    GPtrArray
        *sections[4];   /* struct lu_item*, owned: due today, promises this week, oldest, bounced */
    unsigned totals[4]; /* each section's items, listed or not (oldest: those listed) */
};
static const char *const section_names[] = {"due_today", "promises_this_week", "oldest", "bounced"};

/* The states whose items are open (in a queue a user works through). */
static unsigned open_states(void)
{
    unsigned m = 0;

    for (int q = 0; q < LU_QUEUE_COUNT; q++) {
        enum lu_state st = lu_queue_order[q];
        if (st != LU_ST_CLOSED && st != LU_ST_MUTED && st != LU_ST_DORMANT && st != LU_ST_SNOOZED)
            m |= 1u << st;
    }
    return m;
}

/* Each section read by itself, only its items: each is a range of the
 * store's index of listed items (an item in two sections is read twice,
 * as it is shown twice), and the counts from the store's aggregates.
 * LINES > 0: at most LINES items a section become items (REPORT_LINES). */
static int load_report(struct lu_ctx *ctx, struct lu_store *store, int lines, struct report *r)
{
    GDateTime *now = local(ctx, ctx->now);
    int wd = g_date_time_get_day_of_week(now); /* 1 = Monday */
    struct lu_item_filter f[4] = {
        /* open and due, or falling due before the day ends */
        {.states = open_states(),
         .now = ctx->now,
         .due_before = day_end(ctx, ctx->now, 0),
         .limit = lines,
         .by_due = true},
        /* promises falling due from now to the end of the week */
        {.states = 1u << LU_ST_PROMISE_MINE | 1u << LU_ST_PROMISE_THEIRS,
         .due_from = ctx->now,
         .due_to = day_end(ctx, ctx->now, 7 - wd),
         .limit = lines,
         .by_due = true},
        {.states = open_states() & ~(1u << LU_ST_BOUNCED), .limit = 5},
        {.states = 1u << LU_ST_BOUNCED, .limit = lines},
    };
    int ret = lu_store_count_items(store, ctx->now, r->counts, r->dues);

    g_date_time_unref(now);
    for (int i = 0; i < 4 && !ret; i++)
        ret = lu_store_items_filtered(store, &f[i], &r->sections[i], i < 2 ? &r->totals[i] : NULL);
    if (!ret) {
        r->totals[2] = r->sections[2]->len;
        r->totals[3] = r->counts[LU_ST_BOUNCED]; /* the section is the whole state */
    }
    return ret;
}

static void json_item(struct lu_ctx *ctx, struct lu_json *j, const struct lu_item *it)
{
    char iso[LU_ISO_LEN];

    lu_json_obj_begin(j);
    lu_json_kv_str(j, "state", lu_state_name(it->state));
    lu_json_kv_str(j, "message_id", it->mid);
    lu_json_kv_str(j, "subject", it->subject);
    lu_json_kv_str(j, "who", it->who);
    lu_json_kv_str(j, "since", lu_iso(it->since, ctx->cfg.tz, iso));
    lu_json_kv_time(j, "due_at", it->sched.due_at, ctx->cfg.tz);
    lu_json_obj_end(j);
}

static void print_json(struct lu_ctx *ctx, struct report *r)
{
    struct lu_json j;
    char iso[LU_ISO_LEN];

    lu_json_init(&j, stdout, true);
    lu_json_obj_begin(&j);
    lu_json_kv_str(&j, "now", lu_iso(ctx->now, ctx->cfg.tz, iso));
    lu_json_queues(&j, r->counts, r->dues);
    for (int s = 0; s < 4; s++) {
        lu_json_key(&j, section_names[s]);
        lu_json_arr_begin(&j);
        for (guint i = 0; i < r->sections[s]->len; i++)
            json_item(ctx, &j, g_ptr_array_index(r->sections[s], i));
        lu_json_arr_end(&j);
    }
    lu_json_obj_end(&j);
    lu_json_end(&j);
}

/* A section's lines, and how many more it holds than it lists (TOTAL). */
static void section(struct lu_ctx *ctx, struct day_text *d, GPtrArray *items, unsigned total,
                    bool since)
{
    for (guint i = 0; i < items->len; i++)
        line(ctx, d, g_ptr_array_index(items, i), since);
    if (total > items->len)
        lu_printf("  and %u more: leadup report --all lists every one\n", total - items->len);
}

/* The counts table, then every section with its heading. */
static void print_text(struct lu_ctx *ctx, struct report *r)
{
    GDateTime *l = local(ctx, ctx->now);
    char *t = g_date_time_format(l, "%A %-d %B %Y, %H:%M");
    unsigned all = 0;
    struct day_text d = {0};

    lu_printf("leadup report for %s\n\n", t);
    g_free(t);
    g_date_time_unref(l);
    for (int q = 0; q < LU_ST_COUNT; q++)
        all += r->counts[q];
    if (!all)
        lu_printf("  Every queue is empty.\n");
    else
        lu_printf("  %-16s %5s %5s\n", "queue", "total", "due");
    for (int q = 0; q < LU_QUEUE_COUNT; q++) {
        enum lu_state st = lu_queue_order[q];
        if (r->counts[st])
            lu_printf("  %-16s %5u %5u\n", lu_state_name(st), r->counts[st], r->dues[st]);
    }
    lu_printf("\nDue today (%u)\n", r->totals[0]);
    section(ctx, &d, r->sections[0], r->totals[0], false);
    if (!r->totals[0])
        lu_printf("  nothing: a good day to lead up on something new\n");
    lu_printf("\nPromises falling due this week (%u)\n", r->totals[1]);
    section(ctx, &d, r->sections[1], r->totals[1], false);
    if (!r->totals[1])
        lu_printf("  none\n");
    if (r->totals[2])
        lu_printf("\nOldest open items (since)\n");
    section(ctx, &d, r->sections[2], r->totals[2], true);
    if (r->totals[3])
        lu_printf("\nBounced (%u): check the addresses\n", r->totals[3]);
    section(ctx, &d, r->sections[3], r->totals[3], true);
    g_free(d.text);
}

struct report_args {
    int json;
    bool all;
};

const struct lu_option lu_report_options[] = {
    LU_OPT_KEYWORD("format", 0, struct report_args, json, lu_format_keywords,
                   "json: one object (fields in leadup(1)), every item"),
    LU_OPT_FLAG("all", 0, struct report_args, all, true,
                "list every item of each section, not the first " G_STRINGIFY(REPORT_LINES)),
    LU_OPT_END_,
};

int lu_cmd_report(struct lu_ctx *ctx, int argc, char **argv)
{
    struct report_args a = {0};
    struct lu_store *store = NULL;
    struct report r = {0};
    int ret = 0;

    ret = lu_parse_options(ctx, lu_report_options, &a, &argc, argv);
    if (ret)
        goto out;
    ret = lu_store_open(&store);
    if (!ret)
        ret = lu_store_read_once(store);
    if (!ret)
        ret = load_report(ctx, store, a.all || a.json ? 0 : REPORT_LINES, &r);
    if (ret)
        goto out;
    if (a.json)
        print_json(ctx, &r);
    else
        print_text(ctx, &r);
out:
    for (int i = 0; i < 4; i++)
        if (r.sections[i])
            g_ptr_array_free(r.sections[i], TRUE);
    lu_store_close(store);
    return ret;
}
