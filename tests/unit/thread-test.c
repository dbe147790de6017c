/* thread-test.c - thread.c's rules table: a rule that does not claim a
 * thread leaves the verdict as it found it (what it noticed reaches the
 * verdict only through lu_thread_decide, ahead of the rule that claims),
 * and the verdict names its rule by id. */
#include "leadup.h"
#include "mail.h"
#include "tap.h"

#include <string.h>

static struct lu_config cfg;
static struct lu_identity me;
static struct lu_rules rules;

/* Gives M an analysis by hand (the rules read it; r->analyse is NULL). */
static struct lu_analysis *an(struct lu_msg *m)
{
    m->an = g_new0(struct lu_analysis, 1);
    m->an->sentences = g_ptr_array_new();
    m->an->next_step_sentence = m->an->reply_sentence = -1;
    return m->an;
}

/* Runs every rule alone on MSGS: each one that does not claim must leave
 * the verdict byte for byte as it was.  Returns how many claimed. */
static int each_rule(const char *name, GPtrArray *msgs, GPtrArray *elsewhere)
{
    int claimed = 0;

    for (int i = 0; i < lu_thread_rule_count(); i++) {
        struct lu_verdict v, before;
        lu_verdict_init(&v);
        memcpy(&before, &v, sizeof v);
        if (lu_thread_rule_claims(i, &rules, msgs, NULL, elsewhere, &v)) {
            claimed++;
        } else {
            ok(memcmp(&v, &before, sizeof v) == 0 && v.why->len == 0,
               "%s: rule %d lets it go and leaves the verdict untouched", name, i);
        }
        lu_verdict_clear(&v);
    }
    return claimed;
}

/* DECIDE's verdict for MSGS: its rule and its reasons. */
static void expect(const char *name, GPtrArray *msgs, GPtrArray *elsewhere, enum lu_state state,
                   enum lu_rule rule, guint n_why, const char *why0)
{
    struct lu_verdict v;

    lu_thread_decide(&rules, msgs, NULL, elsewhere, &v);
    is_int(v.state, state, "%s: state", name);
    is_int(v.rule, rule, "%s: rule id (%s)", name, lu_rule_text(v.rule));
    is_int(v.why->len, n_why, "%s: reasons", name);
    if (why0 && v.why->len)
        ok(strstr(g_ptr_array_index(v.why, 0), why0) != NULL, "%s: first reason: %s", name,
           (char *)g_ptr_array_index(v.why, 0));
    lu_verdict_clear(&v);
}

/* A newsletter in a thread I never wrote in: needs-reply and
 * promise-theirs both let it go, saying why once. */
static void test_bulk(void)
{
    GPtrArray *t = ut_thread(ut_msg(NULL, "b1@x", "Shop <news@shop.example>", "me@example.com",
                                    NULL, "Mon, 16 Nov 2026 09:00:00 +0000", "Sale",
                                    "List-Unsubscribe: <mailto:off@shop.example>\n"),
                             NULL);

    is_int(each_rule("bulk", t, NULL), 0, "bulk: no rule claims it");
    expect("bulk", t, NULL, LU_ST_NONE, LU_R_BULK, 1, "sent it in bulk");
    g_ptr_array_unref(t);
}

/* A question from a sender who writes often and whom I never wrote to:
 * no conversation.  Counted from three messages and only when nothing
 * from me went to them; a sender not counted (-1) keeps the rules as
 * they were. */
static void test_never_answered(void)
{
    struct lu_msg *m = ut_msg(NULL, "n1@x", "Notices <notices@corp.example>", "me@example.com",
                              NULL, "Mon, 16 Nov 2026 09:00:00 +0000", "Your data", NULL);
    GPtrArray *t = ut_thread(m, NULL);

    an(m)->expects_reply = true;
    expect("not counted", t, NULL, LU_ST_NEEDS_REPLY, LU_R_NEEDS_REPLY, 2, "expects a reply");
    m->sender_sent = 3;
    m->sender_answered = 0;
    is_int(each_rule("never answered", t, NULL), 0, "never answered: no rule claims it");
    expect("never answered", t, NULL, LU_ST_NONE, LU_R_NEVER_ANSWERED, 1,
           "has written to you 3 times and you have never written to them");
    m->sender_sent = 2;
    expect("a second message", t, NULL, LU_ST_NEEDS_REPLY, LU_R_NEEDS_REPLY, 2, NULL);
    m->sender_sent = 9;
    m->sender_answered = 1;
    expect("a sender I wrote to", t, NULL, LU_ST_NEEDS_REPLY, LU_R_NEEDS_REPLY, 2, NULL);
    g_ptr_array_unref(t);
}

/* My question answered in a message that broke threading. */
static void test_answered_elsewhere(void)
{
    struct lu_msg *mine = ut_msg(NULL, "a1@x", "Me <me@example.com>", "Bob <bob@example.org>", NULL,
                                 "Mon, 16 Nov 2026 09:00:00 +0000", "Figures", NULL);
    GPtrArray *t = ut_thread(mine, NULL);
    GPtrArray *o = ut_thread(ut_msg(NULL, "o1@x", "Bob <bob@example.org>", "me@example.com", NULL,
                                    "Tue, 17 Nov 2026 09:00:00 +0000", "Re: Figures", NULL),
                             NULL);

    an(mine)->expects_reply = true;
    is_int(each_rule("answered elsewhere", t, o), 0, "answered elsewhere: no rule claims it");
    expect("answered elsewhere", t, o, LU_ST_NONE, LU_R_ANSWERED_ELSEWHERE, 1, "broke threading");
    /* Without the answer, the same thread awaits it. */
    expect("awaiting", t, NULL, LU_ST_AWAITING, LU_R_AWAITING, 2, "You wrote to Bob");
    g_ptr_array_unref(o);
    g_ptr_array_unref(t);
}

/* Both wrote and the last message closes: no-next-step lets it go. */
static void test_closing(void)
{
    struct lu_msg *theirs = ut_msg(NULL, "c2@x", "Bob <bob@example.org>", "me@example.com", NULL,
                                   "Tue, 17 Nov 2026 09:00:00 +0000", "Re: Lunch", NULL);
    GPtrArray *t = ut_thread(ut_msg(NULL, "c1@x", "Me <me@example.com>", "Bob <bob@example.org>",
                                    NULL, "Mon, 16 Nov 2026 09:00:00 +0000", "Lunch", NULL),
                             theirs, NULL);

    an(theirs)->closing = true;
    is_int(each_rule("closing", t, NULL), 0, "closing: no rule claims it");
    expect("closing", t, NULL, LU_ST_NONE, LU_R_CLOSING, 0, NULL);
    theirs->an->closing = false;
    expect("no closing", t, NULL, LU_ST_NO_NEXT_STEP, LU_R_NO_NEXT_STEP, 2, "both written");
    g_ptr_array_unref(t);
}

/* A question to Ann that only copies me: needs-reply lets it go (a reason,
 * no rule), and no-next-step claims it after that reason. */
static void test_copied(void)
{
    struct lu_msg *theirs =
        ut_msg(NULL, "d2@x", "Bob <bob@example.org>", "Ann <ann@example.org>", "me@example.com",
               "Tue, 17 Nov 2026 09:00:00 +0000", "Re: Plan", NULL);
    GPtrArray *t = ut_thread(ut_msg(NULL, "d1@x", "Me <me@example.com>", "Bob <bob@example.org>",
                                    NULL, "Mon, 16 Nov 2026 09:00:00 +0000", "Plan", NULL),
                             theirs, NULL);

    an(theirs)->expects_reply = true;
    is_int(each_rule("copied", t, NULL), 1, "copied: one rule claims it");
    expect("copied", t, NULL, LU_ST_NO_NEXT_STEP, LU_R_NO_NEXT_STEP, 3, "you were only copied");
    g_ptr_array_unref(t);
}

/* Every rule has words; an id past the end has none. */
static void test_texts(void)
{
    for (int i = 0; i < LU_R_COUNT; i++)
        ok(strcmp(lu_rule_text(i), "?") != 0, "rule id %d has words: %s", i, lu_rule_text(i));
    is_str(lu_rule_text(LU_R_COUNT), "?", "no words past the end");
}

int main(void)
{
    lu_config_defaults(&cfg);
    cfg.tz = g_time_zone_new_identifier("Europe/London");
    lu_cal_init(&cfg.cal, cfg.tz);
    lu_identity_init(&me);
    lu_identity_add(&me, "me@example.com");
    rules.cfg = &cfg;
    rules.me = &me;
    /* Wed 18 Nov 2026 12:00 UTC: after every message above. */
    rules.now = 1795003200;

    test_bulk();
    test_never_answered();
    test_answered_elsewhere();
    test_closing();
    test_copied();
    test_texts();

    lu_identity_clear(&me);
    g_time_zone_unref(cfg.tz);
    return tap_done();
}
