/* thread-learn-test.c - the learned thread-state correction: the features
 * it reads of a decided thread, and how a model moves a verdict: out of a
 * queue state the text rules gave, below its threshold; into the queue who
 * wrote last implies, above the other, for a thread in no queue because
 * nothing was read as open (never a decision, never bulk mail); always with
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
        if (strcmp(lu_tm_feature_name(i), name) == 0)
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
        ok(feature(lu_tm_feature_name(i)) == i && *lu_tm_feature_name(i),
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

static void say(struct lu_analysis *a, const char *text)
{
    struct lu_sentence *s = g_new0(struct lu_sentence, 1);

    s->text = g_strdup(text);
    g_ptr_array_add(a->sentences, s);
}

/* Each side's latest message read apart: my question that the sentence
 * after it closes ("Is it ready? Thanks."), their two questions, the last
 * quoted ("... 'on Friday?'"). */
static void test_sides(void)
{
    GPtrArray *t = asked();
    struct lu_msg *mine = g_ptr_array_index(t, 0), *theirs = g_ptr_array_index(t, 1);
    struct lu_verdict v;

    an(mine)->asks = true;
    g_ptr_array_set_free_func(mine->an->sentences, lu_sentence_free);
    g_ptr_array_set_free_func(theirs->an->sentences, lu_sentence_free);
    say(mine->an, "Is it ready?");
    say(mine->an, "Thanks.");
    say(theirs->an, "Which one?");
    say(theirs->an, "Did you say 'on Friday?'");
    theirs->an->answer = true;
    lu_thread_decide(&rules, t, NULL, NULL, &v);
    ok(v.features[feature("mine-asks")] == 1 && v.features[feature("mine-questions")] == 1 &&
           v.features[feature("mine-ends-on-question")] == 0,
       "mine: asks, one question, ends on thanks");
    ok(v.features[feature("theirs-answer-wanted")] == 1 &&
           v.features[feature("theirs-questions")] == 2 &&
           v.features[feature("theirs-ends-on-question")] == 1 &&
           v.features[feature("theirs-asks")] == 0,
       "theirs: the reply model waits, two questions, ends on one (a quote closing it)");
    ok(v.features[feature("last-to-one")] == 1 && v.features[feature("last-answers-another")] == 0,
       "to me alone; it answers me");
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);
}

static void test_apply(void)
{
    static const float zero[LU_TM_NFEAT];
    const struct lu_tm_model closes = {LU_TM_NFEAT, zero, -3.0, 0.5, 1.01};
    const struct lu_tm_model open = {LU_TM_NFEAT, zero, 3.0, 0.5, 1.01};
    const struct lu_tm_model stale = {LU_TM_NFEAT - 1, zero, -3.0, 0.5, 1.01};
    GPtrArray *t = asked();
    struct lu_verdict v;
    guint n;

    lu_thread_decide(&rules, t, NULL, NULL, &v);
    n = v.why->len;
    is_int(v.may, LU_TM_OUT, "the model may take it out");
    ok(!lu_thread_model_apply(&open, NULL, &v), "a model that reads it open leaves it");
    is_int(v.state, LU_ST_NEEDS_REPLY, "still needs-reply");
    ok(v.p_open > 0.9, "its chance of open is kept (%g)", v.p_open);
    ok(!lu_thread_model_apply(&stale, NULL, &v), "a model of other features is ignored");
    ok(v.p_open == -1, "and runs not at all");
    is_int(v.state, LU_ST_NEEDS_REPLY, "still needs-reply");
    ok(lu_thread_model_apply(&closes, NULL, &v), "a model that reads it finished moves it");
    is_int(v.state, LU_ST_NONE, "out of every queue");
    is_int(v.rule, LU_R_MODEL, "the rule names the model");
    is_str(lu_state_name(v.rules_state), "needs-reply", "what the rules said is kept");
    ok(!v.sched.due && v.sched.due_at == 0 && v.who == NULL, "nothing due, nobody waits");
    is_int(v.why->len, n + 1, "one reason more");
    ok(strstr(g_ptr_array_index(v.why, n), "0.05") != NULL, "the reason gives the chance: %s",
       (char *)g_ptr_array_index(v.why, n));
    ok(!lu_thread_model_apply(&closes, NULL, &v), "a thread in no queue stays where it is");
    lu_verdict_clear(&v);

    /* A bounce is no reading of text: the model never takes it back. */
    lu_verdict_init(&v);
    v.state = LU_ST_BOUNCED;
    v.rule = LU_R_BOUNCED;
    v.has_features = true;
    ok(!lu_thread_model_apply(&closes, NULL, &v) && v.state == LU_ST_BOUNCED, "a bounce stays");
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);
}

/* My message to Bob that asks nothing the rules can see ("I need the
 * figures by Friday." reads as a statement): in no queue. */
static GPtrArray *told(const char *from, const char *extra)
{
    GPtrArray *t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    struct lu_msg *m =
        mk("t1@x", from, "Bob <bob@example.org>", "Mon, 16 Nov 2026 09:00:00 +0000", extra);

    an(m);
    g_ptr_array_add(t, m);
    return t;
}

/* A model that reads every conversation as open (bias alone), and one whose
 * only weight is on "I wrote last". */
static const float zero[LU_TM_NFEAT];
static const struct lu_tm_model always_open = {LU_TM_NFEAT, zero, 3.0, 0.0, 0.5};
static float mine_w[LU_TM_NFEAT];
static const struct lu_tm_model mine_open = {LU_TM_NFEAT, mine_w, -1.0, 0.0, 0.5};

static void test_put_in(void)
{
    GPtrArray *t = told("Me <me@example.com>", NULL);
    struct lu_verdict v;
    struct lu_rules with = rules;
    const char *last;

    lu_thread_decide(&rules, t, NULL, NULL, &v);
    is_int(v.state, LU_ST_NONE, "the rules: in no queue");
    is_int(v.rule, LU_R_NOTHING, "nothing read as open");
    is_int(v.may, LU_TM_IN, "the model may put it in");
    is_str(lu_state_name(v.open_state), "awaiting", "mine last: it would be awaiting");
    ok(v.p_open == -1, "no model ships: nothing moves");
    lu_verdict_clear(&v);

    mine_w[feature("last-mine")] = 3.0f;
    with.model = &mine_open;
    lu_thread_decide(&with, t, NULL, NULL, &v);
    is_int(v.state, LU_ST_AWAITING, "a model that reads it open puts it in awaiting");
    is_int(v.rule, LU_R_MODEL_OPEN, "the rule names the put-in");
    ok(v.rule != LU_R_MODEL, "not the take-out's rule");
    is_str(lu_rule_text(v.rule), "the thread model reads it as left open", "in words");
    is_str(lu_state_name(v.rules_state), "none", "what the rules said is kept");
    ok(v.p_open > 0.85, "the chance it is open (%g)", v.p_open);
    is_int(v.anchor, 0, "anchored on my message");
    ok(v.sched.due_at > 0 && !v.sched.due, "the first lead-up is due later, by the cadence");
    ok(v.who && strstr(v.who, "Bob"), "waiting for Bob (%s)", v.who ? v.who : "(null)");
    last = v.why->len ? g_ptr_array_index(v.why, 0) : "";
    ok(strstr(last, "left open") && strstr(last, "0.88") && strstr(last, "above 0.50") &&
           strstr(last, "I wrote last") && strstr(last, "It is awaiting"),
       "why gives the chance, the threshold and what weighed most: %s", last);
    lu_verdict_clear(&v);

    /* Past the horizon it is dormant, like any open state. */
    with.now = rules.now + 100 * 86400;
    lu_thread_decide(&with, t, NULL, NULL, &v);
    is_int(v.state, LU_ST_DORMANT, "put in past the horizon: dormant");
    is_int(v.rule, LU_R_MODEL_OPEN, "the model put it there");
    last = v.why->len ? g_ptr_array_index(v.why, v.why->len - 1) : "";
    ok(strstr(last, "dormant") != NULL, "the horizon says why: %s", last);
    is_str(lu_state_name(v.rules_state), "none", "the rules gave none");
    lu_verdict_clear(&v);

    /* A decision of mine holds the thread: the model never moves it. */
    with.now = rules.now;
    {
        GPtrArray *ds = g_ptr_array_new_with_free_func((GDestroyNotify)lu_decision_free);
        struct lu_decision *d = g_new0(struct lu_decision, 1);
        d->kind = LU_D_DONE;
        d->mid = g_strdup("t1@x");
        d->taken = rules.now - 3600;
        g_ptr_array_add(ds, d);
        lu_thread_decide(&with, t, ds, NULL, &v);
        is_int(v.state, LU_ST_CLOSED, "marked done: closed");
        is_int(v.may, LU_TM_FIXED, "the model may not move a decision");
        lu_verdict_clear(&v);
        d->kind = LU_D_SNOOZE;
        d->at = rules.now - 60;
        lu_thread_decide(&with, t, ds, NULL, &v);
        ok(v.may == LU_TM_FIXED && v.rule != LU_R_MODEL_OPEN, "nor a snooze that ended");
        lu_verdict_clear(&v);
        g_ptr_array_unref(ds);
    }
    g_ptr_array_unref(t);

    /* Their message to me, with nothing the rules read as an ask: put in
     * needs-reply; from a no-reply address or bulk, never. */
    t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    g_ptr_array_add(t, mk("b1@x", "Bob <bob@example.org>", "me@example.com",
                          "Tue, 17 Nov 2026 09:00:00 +0000", NULL));
    an(g_ptr_array_index(t, 0));
    with.model = &always_open;
    lu_thread_decide(&with, t, NULL, NULL, &v);
    ok(v.state == LU_ST_NEEDS_REPLY && v.rule == LU_R_MODEL_OPEN,
       "theirs to me: put in needs-reply (%s)", lu_state_name(v.state));
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);

    t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    g_ptr_array_add(t, mk("b2@x", "News <news@shop.example>", "me@example.com",
                          "Tue, 17 Nov 2026 09:00:00 +0000", "List-Unsubscribe: <mailto:u@x>\n"));
    an(g_ptr_array_index(t, 0));
    lu_thread_decide(&with, t, NULL, NULL, &v);
    is_int(v.rule, LU_R_BULK, "bulk mail: let go as bulk");
    ok(v.state == LU_ST_NONE && v.may == LU_TM_FIXED, "and never put in (%s)",
       lu_state_name(v.state));
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);

    /* Bob's message to Ann, me not among its recipients: no queue would hold it. */
    t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    g_ptr_array_add(t, mk("b3@x", "Bob <bob@example.org>", "ann@example.org",
                          "Tue, 17 Nov 2026 09:00:00 +0000", "Cc: me@example.com\n"));
    g_ptr_array_add(t, mk("b4@x", "Ann <ann@example.org>", "bob@example.org",
                          "Tue, 17 Nov 2026 10:00:00 +0000", "In-Reply-To: <b3@x>\n"));
    an(g_ptr_array_index(t, 1));
    lu_thread_decide(&with, t, NULL, NULL, &v);
    ok(v.state == LU_ST_NONE && v.may == LU_TM_FIXED, "their last message not to me: stays out");
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
    test_sides();
    test_apply();
    test_put_in();

    lu_identity_clear(&me);
    g_time_zone_unref(cfg.tz);
    return tap_done();
}
