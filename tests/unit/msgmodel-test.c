/* msgmodel-test.c - the learned per-message "expects a reply" (msgmodel.c):
 * its features are the words and pairs of the three texts scripts/
 * train-messages reads, its buckets are the names', and the shipped weights
 * tell a question put to the reader from a note that wants nothing back. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static bool has(GPtrArray *f, const char *name)
{
    for (guint i = 0; i < f->len; i++)
        if (strcmp(f->pdata[i], name) == 0)
            return true;
    return false;
}

/* An analysis of the sentences S (NULL-ended) by hand, EXPECTS its verdict. */
static void fake(struct lu_analysis *a, const char *const *s, bool expects)
{
    memset(a, 0, sizeof *a);
    a->sentences = g_ptr_array_new_with_free_func(lu_sentence_free);
    for (int i = 0; s[i]; i++) {
        struct lu_sentence *se = g_new0(struct lu_sentence, 1);
        se->text = g_strdup(s[i]);
        se->why = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(a->sentences, se);
    }
    a->expects_reply = expects;
}

static void features(void)
{
    static const char *const s[] = {"Hi Ann.", "The report is late.", "Can you send it?",
                                    "Don\u2019t worry, thanks!", NULL};
    struct lu_analysis a;
    GPtrArray *f;

    fake(&a, s, true);
    f = lu_msgm_features("Hi Ann. The report is late. Can you send it? Don\u2019t worry, thanks!",
                         &a);
    ok(has(f, "mw:hi") && has(f, "mw:hi_ann") && has(f, "mw:late_can"),
       "the own text's words and pairs, across sentences");
    ok(has(f, "mw:don't") && !has(f, "mw:don"),
       "a curly apostrophe inside a word is kept, straight");
    ok(has(f, "me:can_you") && has(f, "me:it_don't") && !has(f, "me:report"),
       "the last two sentences apart, and only they");
    ok(has(f, "mq:send_it") && !has(f, "mq:worry") && !has(f, "mq:late"),
       "the sentences with a \"?\" apart");
    ok(!has(f, "mw:<none>"), "no <none> when there are words");
    g_ptr_array_unref(f);
    lu_analysis_clear(&a);

    f = lu_msgm_features("", NULL);
    is_int(f->len, 1, "an empty text: one feature");
    is_str(f->pdata[0], "mw:<none>", "and it is <none>");
    g_ptr_array_unref(f);
}

static void buckets(void)
{
    GString *t = g_string_new(NULL);
    GPtrArray *f;
    GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
    GHashTable *want = g_hash_table_new(NULL, NULL);
    bool same = true;

    for (int i = 0; i < 500; i++)
        g_string_append_printf(t, "w%d ", i);
    f = lu_msgm_features(t->str, NULL);
    ok(has(f, "mw:w399") && !has(f, "mw:w400"), "the first %d words only", LU_MSGM_WORDS);
    lu_msgm_hashes(t->str, NULL, h);
    for (guint i = 0; i < f->len; i++)
        g_hash_table_add(want, GUINT_TO_POINTER(lu_feature_bucket(f->pdata[i]) + 1));
    for (guint i = 0; i < h->len; i++) {
        same =
            same && g_hash_table_contains(want, GUINT_TO_POINTER(g_array_index(h, guint32, i) + 1));
        if (i)
            same = same && g_array_index(h, guint32, i - 1) < g_array_index(h, guint32, i);
    }
    ok(same && h->len == g_hash_table_size(want), "the buckets are the names' (%u), sorted, once",
       h->len);
    g_hash_table_destroy(want);
    g_array_free(h, TRUE);
    g_ptr_array_unref(f);
    g_string_free(t, TRUE);
}

/* Written for this test. */
static const char asks[] = "Hi John,\n\nCould you send me the signed contract by Friday? "
                           "Do you want me to set up a call with their lawyer as well?\n\n"
                           "Thanks,\nMary\n";
static const char fyi[] = "FYI - the minutes of last week's meeting are attached.\n\n"
                          "No action needed.\n";

static void score(void)
{
    GTimeZone *tz = g_time_zone_new_utc();
    GDateTime *ref = g_date_time_new(tz, 2026, 11, 23, 9, 0, 0);
    struct lu_cal cal;
    struct lu_analysis a, b;
    double pa, pb;

    lu_cal_init(&cal, tz);
    lu_analyse_text(asks, ref, &cal, &a);
    lu_analyse_text(fyi, ref, &cal, &b);
    pa = lu_msgm_probability(asks, &a);
    pb = lu_msgm_probability(fyi, &b);
    ok(lu_msgm_n_weights > 1000, "a model ships (%d weights)", lu_msgm_n_weights);
    ok(lu_msgm_threshold > 0.05 && lu_msgm_threshold < 0.95, "its threshold %.2f",
       lu_msgm_threshold);
    ok(lu_msgm_reply_weight > 0, "leadup's own verdict counts for a reply (%.3f)",
       lu_msgm_reply_weight);
    ok(pa >= lu_msgm_threshold, "two questions to the reader expect a reply (%.3f)", pa);
    ok(pb >= 0 && pb < lu_msgm_threshold, "an FYI does not (%.3f)", pb);
    is_int(lu_msgm_probability(asks, &a) == pa, 1, "the same score twice");
    lu_analysis_clear(&a);
    lu_analysis_clear(&b);
    g_date_time_unref(ref);
    g_time_zone_unref(tz);
}

int main(void)
{
    features();
    buckets();
    score();
    return tap_done();
}
