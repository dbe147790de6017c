/* model-ask-test.c - a request the learned sentence model adds follows the
 * labelling rubric (advice to the reader is a request: the message "asks"),
 * but the thread rules wait only for an answer: advice does not make my
 * thread awaiting (doc/classify.md, "asks" and "expects_reply").
 *
 * The model here is this file's own, not helper/sentence-model.c: defining
 * lu_sm_models keeps the linker from taking the shipped (possibly empty)
 * one from the library.  It says "request" for every sentence, as a model
 * that learned the rubric says it for advice the rules leave unlabelled. */
#include "leadup.h"
#include "sm-model.h"
#include "tap.h"

#include <string.h>

const struct lu_sm_model lu_sm_models[] = {{LU_L_REQUEST, 10.0, 0.0, NULL, 0, 0}};
const int lu_sm_n_models = 1;
const unsigned lu_sm_features = 0;

static struct lu_config cfg;
static struct lu_identity me;
static struct lu_rules rules;
static GDateTime *ref;

static struct lu_msg *mk(const char *id, const char *from, const char *to, const char *date,
                         const char *text)
{
    GString *raw = g_string_new(NULL);
    struct lu_msg *m = lu_msg_new();

    g_string_append_printf(raw,
                           "From: %s\nTo: %s\nSubject: Check fails\nDate: %s\nMessage-ID: <%s>\n"
                           "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n%s\n",
                           from, to, date, id, text);
    if (lu_mime_read_bytes(m, raw->str, raw->len) != 0)
        printf("# cannot parse message %s\n", id);
    g_string_free(raw, TRUE);
    m->an = g_new0(struct lu_analysis, 1);
    lu_analyse_text(text, ref, &cfg.cal, m->an);
    return m;
}

/* The state of a thread of one message of mine saying TEXT. */
static enum lu_state mine_alone(const char *text)
{
    GPtrArray *t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    struct lu_verdict v;
    enum lu_state st;

    g_ptr_array_add(t, mk("a1@x", "Me <me@example.com>", "Ann <ann@example.org>",
                          "Mon, 16 Nov 2026 09:00:00 +0000", text));
    lu_thread_decide(&rules, t, NULL, NULL, &v);
    st = v.state;
    lu_verdict_clear(&v);
    g_ptr_array_unref(t);
    return st;
}

int main(void)
{
    static const char *const advice[] = {
        "Do send a minimal example and report back.",
        "A reproducible example would help.",
        "Try setting the option.",
        NULL,
    };
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
    rules.now = 1795003200; /* Wed 18 Nov 2026 12:00 UTC */
    ref = g_date_time_new_utc(2026, 11, 16, 9, 0, 0);

    is_str(lu_label_name(LU_L_REQUEST), "request", "the label the model adds");
    for (int i = 0; advice[i]; i++) {
        struct lu_analysis a;
        const struct lu_sentence *s;
        lu_analyse_text(advice[i], ref, &cfg.cal, &a);
        s = a.sentences->len ? a.sentences->pdata[0] : NULL;
        ok(s && (s->labels & LU_L_REQUEST) && a.asks, "advice is a request, the message asks: %s",
           advice[i]);
        ok(!a.expects_reply && a.reply_sentence == -1, "advice expects no reply: %s", advice[i]);
        ok(s && s->why->len && strstr(g_ptr_array_index(s->why, 0), "no answer asked"),
           "its reason says no answer is asked: %s", advice[i]);
        lu_analysis_clear(&a);
        is_int(mine_alone(advice[i]), LU_ST_NONE, "my advice leaves the thread none: %s",
               advice[i]);
    }
    /* a real question, or an explicit ask to write back, still awaits */
    {
        static const char *const asks[] = {"Which version of R do you use?",
                                           "Let me know how it goes.", NULL};
        for (int i = 0; asks[i]; i++) {
            struct lu_analysis a;
            lu_analyse_text(asks[i], ref, &cfg.cal, &a);
            ok(a.asks && a.expects_reply, "asks and expects a reply: %s", asks[i]);
            lu_analysis_clear(&a);
            is_int(mine_alone(asks[i]), LU_ST_AWAITING, "my question awaits: %s", asks[i]);
        }
    }
    g_date_time_unref(ref);
    lu_identity_clear(&me);
    g_time_zone_unref(cfg.tz);
    return tap_done();
}
