/* cmd-why.c - leadup why: a thread's state in plain words, with the
 * evidence: the message, its sentences and labels, the dates, the rule,
 * the cadence stage and the user's decisions. */
#include "leadup.h"
#include "timefmt.h"
#include "view.h"

#include <string.h>

/* By hand, as GLib gives it: a date for each message (timefmt.c). */
static char *fmt(struct lu_ctx *ctx, gint64 t)
{
    return lu_format_minute(t, ctx->cfg.tz);
}

static const char *name_of(const struct lu_addr *a)
{
    return !a ? "(unknown)" : a->name && *a->name ? a->name : a->email;
}

static const char *auto_text(const struct lu_msg *m)
{
    switch (m->autokind) {
    case LU_AUTO_REPLY:
        return "automatic answer";
    case LU_AUTO_BOUNCE:
        return "delivery failure";
    case LU_AUTO_RECEIPT:
        return "read receipt";
    default:
        return NULL;
    }
}

/* In helper/leadup-reply-model (classify.c LU_REPLY_BY_MODEL), that the
 * learned per-message model decided whether AN expects a reply, and the
 * rules' verdict it read (issue 10).  helper/leadup's rules decide: the
 * verdicts line says it. */
static void print_reply(const struct lu_analysis *an)
{
    if (an->reply_by_model)
        lu_printf("  reply: %s by the learned per-message model (the rules: %s)\n",
                  an->expects_reply ? "expected" : "not expected",
                  an->expects_reply_rules ? "expected" : "not expected");
}

/* Without a message the verdict rests on, the latest analysed message's
 * reply verdict, when the model decided it: why a thread is in no queue
 * may be that the model reads nothing owed where the rules read a
 * question. */
static void print_latest_reply(const struct lu_thread_view *tv)
{
    for (guint i = tv->msgs->len; i-- > 0;) {
        const struct lu_msg *m = g_ptr_array_index(tv->msgs, i);
        if (m->an && m->an->reply_by_model) {
            lu_printf("\nWhat leadup read in the latest message it analysed (%u):\n", i + 1);
            print_reply(m->an);
        }
        if (m->an)
            return;
    }
}

static void print_text(struct lu_ctx *ctx, struct lu_thread_view *tv)
{
    const struct lu_verdict *v = &tv->v;
    struct lu_msg *first = g_ptr_array_index(tv->msgs, 0);
    struct lu_msg *anchor = v->anchor >= 0 ? g_ptr_array_index(tv->msgs, v->anchor) : NULL;
    struct lu_msg *ev = v->evidence >= 0 ? g_ptr_array_index(tv->msgs, v->evidence) : NULL;
    char *t;

    lu_printf("\"%s\": %u message%s, thread %s\n", first->subject ? first->subject : "(no subject)",
              tv->msgs->len, tv->msgs->len == 1 ? "" : "s", first->thread_id);
    lu_printf("State:  %s", v->state == LU_ST_NONE ? "in no queue" : lu_state_name(v->state));
    if (v->sched.due_at) {
        t = fmt(ctx, v->sched.due_at);
        lu_printf(", %s %s", v->sched.due ? "due since" : "due", t);
        g_free(t);
    }
    if (v->state == LU_ST_AWAITING || v->state == LU_ST_DORMANT)
        lu_printf("; cadence stage %d of %d", v->sched.stage, ctx->cfg.max_leadups);
    lu_printf("\nRule:   %s\n", lu_rule_text(v->rule));
    if (anchor) {
        t = fmt(ctx, anchor->date);
        lu_printf("Anchor: %s from %s <%s>\n", t, name_of(anchor->from), anchor->mid);
        g_free(t);
    }
    if (v->why && v->why->len) {
        lu_printf("\nWhy:\n");
        for (guint i = 0; i < v->why->len; i++)
            lu_printf("  %s\n", (char *)g_ptr_array_index(v->why, i));
    }
    if (ev && ev->an) {
        unsigned quiet = 0;
        t = fmt(ctx, ev->date);
        lu_printf("\nWhat leadup read in the message of %s from %s:\n", t, name_of(ev->from));
        g_free(t);
        for (guint i = 0; ev->an->sentences && i < ev->an->sentences->len; i++) {
            struct lu_sentence *s = g_ptr_array_index(ev->an->sentences, i);
            if (!s->labels && (!s->dates || !s->dates->len)) {
                quiet++;
                continue;
            }
            lu_printf("  \"%s\"\n", s->text);
            for (guint k = 0; s->why && k < s->why->len; k++)
                lu_printf("      %s\n", (char *)g_ptr_array_index(s->why, k));
            for (guint k = 0; s->dates && k < s->dates->len; k++) {
                const struct lu_when *w = &g_array_index(s->dates, struct lu_when, k);
                char *a = fmt(ctx, w->start), *b = fmt(ctx, w->end);
                lu_printf("      date: \"%.*s\" = %s%s%s\n", w->len, s->text + w->off, a,
                          w->end != w->start ? " .. " : "", w->end != w->start ? b : "");
                g_free(a);
                g_free(b);
            }
        }
        if (quiet)
            lu_printf("  (%u more sentence%s without labels or dates)\n", quiet,
                      quiet == 1 ? "" : "s");
        lu_printf("  verdicts:%s%s%s%s%s%s\n", ev->an->expects_reply ? " expects a reply;" : "",
                  ev->an->asks && !ev->an->expects_reply ? " asks to act, no answer awaited;" : "",
                  ev->an->actionable ? " actionable;" : "", ev->an->declined ? " declined;" : "",
                  ev->an->closing ? " closing;" : "",
                  !ev->an->expects_reply && !ev->an->actionable && !ev->an->declined &&
                          !ev->an->closing
                      ? " nothing asked or agreed"
                      : "");
        print_reply(ev->an);
    } else {
        print_latest_reply(tv);
    }
    lu_printf("\nMessages:\n");
    for (guint i = 0; i < tv->msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(tv->msgs, i);
        const char *au = auto_text(m);
        t = fmt(ctx, m->date);
        lu_printf("  %c %2u  %s  %-24.24s %s%s%s%s\n", (int)i == v->anchor ? '*' : ' ', i + 1, t,
                  name_of(m->from), m->mine ? "(me)" : "", au ? au : "", au ? ": " : "",
                  au ? m->auto_why : "");
        g_free(t);
    }
    for (guint i = 0; tv->elsewhere && i < tv->elsewhere->len; i++) {
        struct lu_msg *m = g_ptr_array_index(tv->elsewhere, i);
        t = fmt(ctx, m->date);
        lu_printf("     +  %s  %-24.24s in another thread: %s\n", t, name_of(m->from),
                  auto_text(m) ? auto_text(m) : "a reply that broke threading?");
        g_free(t);
    }
    if (tv->decisions && tv->decisions->len) {
        lu_printf("\nYour decisions:\n");
        for (guint i = 0; i < tv->decisions->len; i++) {
            struct lu_decision *d = g_ptr_array_index(tv->decisions, i);
            char *taken = fmt(ctx, d->taken),
                 *at = d->at ? fmt(ctx, d->at_end ? d->at_end : d->at) : NULL;
            lu_printf("  %s  %s%s%s%s%s%s\n", taken, lu_decision_name(d->kind), at ? " " : "",
                      at ? at : "", d->mine ? " (mine)" : "", d->text ? ": " : "",
                      d->text ? d->text : "");
            if (d->pending)
                lu_printf("      (stored; its tag is not written yet: the next scan writes it)\n");
            g_free(taken);
            g_free(at);
        }
    }
}

/* "model": what the thread-state model read (scripts/train-threads
 * learns from these fields): the state the rules gave, what the model may
 * do ("out" of the queue, "in" to open_state, or null), its chance that the
 * conversation is open (null: no model ran) and its features. */
static void print_json_model(struct lu_json *j, const struct lu_verdict *v)
{
    lu_json_key(j, "model");
    lu_json_obj_begin(j);
    lu_json_kv_str(j, "rules_state", lu_state_name(v->rules_state));
    lu_json_key(j, "may");
    if (v->may == LU_TM_FIXED)
        lu_json_null(j);
    else
        lu_json_str(j, v->may == LU_TM_OUT ? "out" : "in");
    lu_json_kv_str(j, "open_state", lu_state_name(v->open_state));
    lu_json_key(j, "p_open");
    if (v->p_open >= 0)
        lu_json_double(j, v->p_open);
    else
        lu_json_null(j);
    lu_json_key(j, "features");
    if (v->has_features) {
        lu_json_obj_begin(j);
        for (int i = 0; i < LU_TM_NFEAT; i++) {
            lu_json_key(j, lu_tm_feature_name(i));
            lu_json_double(j, v->features[i]);
        }
        lu_json_obj_end(j);
    } else {
        lu_json_null(j);
    }
    lu_json_obj_end(j);
}

static void print_json(struct lu_ctx *ctx, struct lu_thread_view *tv)
{
    const struct lu_verdict *v = &tv->v;
    struct lu_msg *first = g_ptr_array_index(tv->msgs, 0);
    struct lu_msg *ev = v->evidence >= 0 ? g_ptr_array_index(tv->msgs, v->evidence) : NULL;
    struct lu_json j;
    char iso[LU_ISO_LEN];

    lu_json_init(&j, stdout, true);
    lu_json_obj_begin(&j);
    lu_json_kv_str(&j, "thread", first->thread_id);
    lu_json_kv_str(&j, "subject", first->subject);
    lu_json_kv_str(&j, "state", lu_state_name(v->state));
    lu_json_kv_bool(&j, "due", v->sched.due);
    lu_json_kv_time(&j, "due_at", v->sched.due_at, ctx->cfg.tz);
    lu_json_kv_int(&j, "stage", v->sched.stage);
    lu_json_kv_str(&j, "rule", lu_rule_text(v->rule));
    print_json_model(&j, v);
    lu_json_kv_str(&j, "anchor",
                   v->anchor >= 0 ? ((struct lu_msg *)g_ptr_array_index(tv->msgs, v->anchor))->mid
                                  : NULL);
    lu_json_kv_strings(&j, "why", v->why);
    lu_json_key(&j, "evidence");
    if (ev && ev->an) {
        lu_json_obj_begin(&j);
        lu_json_kv_str(&j, "message_id", ev->mid);
        lu_json_analysis(&j, ev->an, NULL, ctx->cfg.tz);
        lu_json_obj_end(&j);
    } else {
        lu_json_null(&j);
    }
    lu_json_key(&j, "messages");
    lu_json_arr_begin(&j);
    for (guint i = 0; i < tv->msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(tv->msgs, i);
        lu_json_obj_begin(&j);
        lu_json_kv_str(&j, "message_id", m->mid);
        lu_json_kv_str(&j, "date", lu_iso(m->date, ctx->cfg.tz, iso));
        lu_json_kv_str(&j, "from", m->from ? m->from->email : NULL);
        lu_json_kv_bool(&j, "mine", m->mine);
        lu_json_kv_str(&j, "automatic", auto_text(m));
        lu_json_obj_end(&j);
    }
    lu_json_arr_end(&j);
    lu_json_key(&j, "decisions");
    lu_json_arr_begin(&j);
    for (guint i = 0; tv->decisions && i < tv->decisions->len; i++) {
        struct lu_decision *d = g_ptr_array_index(tv->decisions, i);
        lu_json_obj_begin(&j);
        lu_json_kv_str(&j, "kind", lu_decision_name(d->kind));
        lu_json_kv_str(&j, "message_id", d->mid);
        lu_json_kv_str(&j, "taken", lu_iso(d->taken, ctx->cfg.tz, iso));
        lu_json_kv_time(&j, "at", d->at && d->at_end ? d->at_end : d->at, ctx->cfg.tz);
        lu_json_kv_str(&j, "text", d->text);
        lu_json_kv_bool(&j, "mine", d->mine);
        lu_json_kv_bool(&j, "pending", d->pending);
        lu_json_obj_end(&j);
    }
    lu_json_arr_end(&j);
    lu_json_obj_end(&j);
    lu_json_end(&j);
}

struct why_args {
    int json;
};

const struct lu_option lu_why_options[] = {
    LU_OPT_KEYWORD("format", 0, struct why_args, json, lu_format_keywords,
                   "json: one object (fields in leadup(1))"),
    LU_OPT_OPERANDS(1, "[id:MSGID | -]", NULL),
};

int lu_cmd_why(struct lu_ctx *ctx, int argc, char **argv)
{
    struct why_args a = {0};
    struct lu_thread_view tv = {0};
    const char *id = NULL;
    bool json;
    int ret = 0;

    ret = lu_parse_options(ctx, lu_why_options, &a, &argc, argv);
    if (ret)
        goto out;
    json = a.json;
    if (argc > 1 && strcmp(argv[1], "-") != 0)
        id = argv[1];
    ret = lu_thread_view(ctx, id, &tv);
    if (ret)
        goto out;
    /* Show the evidence even when the rule that decided did not need it. */
    if (tv.v.evidence < 0 && tv.v.anchor >= 0)
        tv.v.evidence = tv.v.anchor;
    if (tv.v.evidence >= 0)
        lu_msg_analyse(&ctx->cfg, g_ptr_array_index(tv.msgs, tv.v.evidence));
    if (json)
        print_json(ctx, &tv);
    else
        print_text(ctx, &tv);
out:
    lu_thread_view_leave(&tv); /* the process exits next */
    return ret;
}
