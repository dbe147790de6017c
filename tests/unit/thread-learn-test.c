/* thread-learn-test.c - the learned thread-state correction: the features
 * it reads of a decided thread, and how a model moves a verdict: only a
 * queue state the text rules gave, only below the threshold, always with
 * a reason; a model trained on other features is ignored. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static struct lu_config cfg;
static struct lu_identity me;
static struct lu_rules rules;

static struct lu_msg *mk(const char *id, const char *from, const char *to, const char *date,
                         const char *extra)
{
    GString *raw = g_string_new(NULL);
    struct lu_msg *m = lu_msg_new();

    g_string_append_printf(raw, "From: %s\nTo: %s\nSubject: Plan\nDate: %s\nMessage-ID: <%s>\n",
                           from, to, date, id);
    if (extra)
        g_string_append(raw, extra);
    g_string_append(raw, "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nHello.\n");
    if (lu_mime_read_bytes(m, raw->str, raw->len) != 0)
        printf("# cannot parse message %s\n", id);
    g_string_free(raw, TRUE);
    return m;
}

static struct lu_analysis *an(struct lu_msg *m)
{
    m->an = g_new0(struct lu_analysis, 1);
    m->an->sentences = g_ptr_array_new();
    m->an->next_step_sentence = m->an->reply_sentence = -1;
    return m->an;
}

static int feature(const char *name)
{
    for (int i = 0; i < LU_TM_NFEAT; i++)
        if (strcmp(lu_tm_feature_names[i], name) == 0)
            return i;
    return -1;
}

/* Mine, then their question to me: the rules say needs-reply. */
static GPtrArray *asked(void)
{
    GPtrArray *t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    struct lu_msg *theirs = mk("q2@x", "Bob <bob@example.org>", "me@example.com",
                               "Tue, 17 Nov 2026 09:00:00 +0000", "In-Reply-To: <q1@x>\n");

    g_ptr_array_add(t, mk("q1@x", "Me <me@example.com>", "Bob <bob@example.org>",
                          "Mon, 16 Nov 2026 09:00:00 +0000", NULL));
    g_ptr_array_add(t, theirs);
    an(theirs)->expects_reply = true;
    theirs->an->labels = LU_L_REQUEST;
    return t;
}

static void test_features(void)
{
    GPtrArray *t = asked();
    struct lu_verdict v;

    lu_thread_decide(&rules, t, NULL, NULL, &v);
    is_int(v.state, LU_ST_NEEDS_REPLY, "the rules: needs-reply");
    ok(v.has_features, "features filled");
    is_int(v.rules_state, LU_ST_NEEDS_REPLY, "the rules' state kept beside the verdict");
    ok(v.p_open == -1, "no model ships: p_open -1 (%g)", v.p_open);
    ok(v.features[feature("rules-needs-reply")] == 1 && v.features[feature("rules-awaiting")] == 0,
       "the rules' state, one-hot");
    ok(v.features[feature("last-mine")] == 0 && v.features[feature("last-expects-reply")] == 1,
       "their last message expects a reply");
    ok(v.features[feature("last-replies-to-mine")] == 1 && v.features[feature("last-to-me")] == 1,
       "it answers mine and is addressed to me");
    ok(v.features[feature("my-share")] == 0.5f && v.features[feature("never-wrote")] == 0,
       "I wrote half of it");
    ok(v.features[feature("past-horizon")] == 0, "not past the horizon");
    ok(v.features[feature("last-prefixed")] == 0 && v.features[feature("last-forward")] == 0 &&
           v.features[feature("last-noreply")] == 0 && v.features[feature("last-links")] == 0,
       "a plain subject from a person, no links");
    for (int i = 0; i < LU_TM_NFEAT; i++)
        ok(feature(lu_tm_feature_names[i]) == i && *lu_tm_feature_names[i],
           "feature %d has its own name", i);
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);
}

/* A forward from a no-reply address with links: the marks of bulk mail
 * that the rules may read as an ask. */
static void test_bulk_marks(void)
{
    GPtrArray *t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    struct lu_msg *m = mk("f1@x", "News <noreply@shop.example>", "me@example.com",
                          "Tue, 17 Nov 2026 09:00:00 +0000", NULL);
    struct lu_verdict v;

    g_free(m->subject);
    m->subject = g_strdup("Fwd: Plan");
    m->body = g_new0(struct lu_body, 1);
    m->body->text = g_strdup("Read http://a.example and http://b.example today?");
    an(m)->expects_reply = true;
    g_ptr_array_add(t, m);
    lu_thread_decide(&rules, t, NULL, NULL, &v);
    ok(v.has_features, "features filled");
    ok(v.features[feature("last-prefixed")] == 1 && v.features[feature("last-forward")] == 1,
       "a forward's subject");
    ok(v.features[feature("last-noreply")] == 1, "from a no-reply address");
    ok(v.features[feature("last-links")] == 2, "two links (%g)", v.features[feature("last-links")]);
    ok(v.features[feature("never-wrote")] == 1 && v.features[feature("last-question-mark")] == 1,
       "I never wrote; a question mark");
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);
}

static void test_apply(void)
{
    static const float zero[LU_TM_NFEAT];
    const struct lu_tm_model closes = {LU_TM_NFEAT, zero, -3.0, 0.5};
    const struct lu_tm_model open = {LU_TM_NFEAT, zero, 3.0, 0.5};
    const struct lu_tm_model stale = {LU_TM_NFEAT - 1, zero, -3.0, 0.5};
    GPtrArray *t = asked();
    struct lu_verdict v;
    guint n;

    lu_thread_decide(&rules, t, NULL, NULL, &v);
    n = v.why->len;
    ok(!lu_thread_model_apply(&open, &v), "a model that reads it open leaves it");
    is_int(v.state, LU_ST_NEEDS_REPLY, "still needs-reply");
    ok(v.p_open > 0.9, "its chance of open is kept (%g)", v.p_open);
    ok(!lu_thread_model_apply(&stale, &v), "a model of other features is ignored");
    ok(v.p_open == -1, "and runs not at all");
    is_int(v.state, LU_ST_NEEDS_REPLY, "still needs-reply");
    ok(lu_thread_model_apply(&closes, &v), "a model that reads it finished moves it");
    is_int(v.state, LU_ST_NONE, "out of every queue");
    is_int(v.rule, LU_R_MODEL, "the rule names the model");
    is_str(lu_state_name(v.rules_state), "needs-reply", "what the rules said is kept");
    ok(!v.due && v.due_at == 0 && v.who == NULL, "nothing due, nobody waits");
    is_int(v.why->len, n + 1, "one reason more");
    ok(strstr(g_ptr_array_index(v.why, n), "0.05") != NULL, "the reason gives the chance: %s",
       (char *)g_ptr_array_index(v.why, n));
    ok(!lu_thread_model_apply(&closes, &v), "a thread in no queue stays where it is");
    lu_verdict_clear(&v);

    /* A bounce is no reading of text: the model never takes it back. */
    lu_verdict_init(&v);
    v.state = LU_ST_BOUNCED;
    v.rule = LU_R_BOUNCED;
    v.has_features = true;
    ok(!lu_thread_model_apply(&closes, &v) && v.state == LU_ST_BOUNCED, "a bounce stays");
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);
}

int main(void)
{
    memset(&cfg, 0, sizeof cfg);
    cfg.tz = g_time_zone_new_identifier("Europe/London");
    lu_cal_init(&cfg.cal, cfg.tz);
    cfg.max_leadups = 3;
    cfg.first_bizdays = 3;
    cfg.interval_days = 7;
    cfg.quiet_bizdays = 5;
    cfg.unthreaded_days = 60;
    cfg.horizon_days = 90;
    lu_identity_init(&me);
    lu_identity_add(&me, "me@example.com");
    rules.cfg = &cfg;
    rules.me = &me;
    /* Wed 18 Nov 2026 12:00 UTC: after every message above. */
    rules.now = 1795003200;

    test_features();
    test_bulk_marks();
    test_apply();

    lu_identity_clear(&me);
    g_time_zone_unref(cfg.tz);
    return tap_done();
}
