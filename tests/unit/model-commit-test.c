/* model-commit-test.c - the learned model's share in commitments: the
 * features of a future whose subject is the writer (features.c, "f:fut1",
 * "f:fut0"), a model that decides its label (replace: it may take away the
 * rules' commitment), and the guard that it adds a commitment only to the
 * writer's own future, never to a notice ("The account names will be
 * changed tomorrow.").
 *
 * The model here is this file's own, not helper/sentence-model.c (defining
 * lu_sm_models keeps the linker from taking the shipped one): it says
 * "commitment" for a sentence with the writer's future and no negation,
 * whatever the rules say, and "no" for every other sentence. */
#include "leadup.h"
#include "sm-model.h"
#include "tap.h"

#include <string.h>

/* filled by main before the first sentence is read (sorted by bucket) */
static struct lu_sm_weight weights[4];
const struct lu_sm_model lu_sm_models[] = {
    {LU_L_COMMITMENT, -20.0, 0.0, weights, (int)G_N_ELEMENTS(weights), 1}};
const int lu_sm_n_models = 1;
const unsigned lu_sm_features = 0;

static int by_bucket(const void *a, const void *b)
{
    const struct lu_sm_weight *x = a, *y = b;
    return x->bucket < y->bucket ? -1 : x->bucket > y->bucket;
}

static bool has(GPtrArray *f, const char *name)
{
    for (guint i = 0; i < f->len; i++)
        if (strcmp(f->pdata[i], name) == 0)
            return true;
    return false;
}

static unsigned labels_of(const char *text, GDateTime *ref)
{
    struct lu_analysis a;
    unsigned l = 0;

    lu_analyse_text(text, ref, NULL, &a);
    for (guint i = 0; i < a.sentences->len; i++)
        l |= ((const struct lu_sentence *)a.sentences->pdata[i])->labels;
    lu_analysis_clear(&a);
    return l;
}

int main(void)
{
    /* the feature names the writer's future gives, and those it must not */
    static const struct {
        const char *text, *yes, *no;
    } feats[] = {
        {"I'll dig out the old spreadsheet.", "f:v1_dig", "f:fut1_neg"},
        {"We will not be able to come.", "f:fut1_neg", "f:fut1_q"},
        {"If the parcel arrives, we'll forward it.", "f:fut1_cond", "f:fut0"},
        {"Will rebuild the index tonight.", "f:fut0", "f:fut1"},
        {"Will you rebuild the index?", "f:fut0_q", "f:fut1"},
        {"I will also rebase the branch.", "f:v1_rebase", "f:v1_also"},
        {"I'll mail you the receipts.", "f:fut1_you", "f:fut3"},
        {"The names will be changed tomorrow.", "f:fut3", "f:fut1"},
        {"I am going to tidy the vignette.", "f:v1_tidy", "f:fut3"},
        {"Let me check the logs.", "f:let_me", "f:fut1"},
    };
    /* with no model, the rules miss these; the model adds them */
    static const char *const added[] = {
        "I'll dig out the old spreadsheet and send it to Karen.",
        "We'll hunt down the bug in the parser.",
        "Will rebuild the index tonight.",
    };
    /* the model adds no commitment where nobody promises */
    static const char *const notices[] = {
        "The account names will be changed tomorrow.",
        "It will rain on Friday.",
    };
    GDateTime *ref = g_date_time_new_utc(2026, 11, 16, 9, 0, 0);

    for (gsize i = 0; i < G_N_ELEMENTS(feats); i++) {
        GPtrArray *f = lu_features(feats[i].text, NULL);
        ok(has(f, feats[i].yes) && !has(f, feats[i].no), "%s: %s, not %s", feats[i].text,
           feats[i].yes, feats[i].no);
        g_ptr_array_unref(f);
    }

    weights[0] = (struct lu_sm_weight){lu_feature_bucket("f:fut1"), 1000.0f};
    weights[1] = (struct lu_sm_weight){lu_feature_bucket("f:fut0"), 1000.0f};
    weights[2] = (struct lu_sm_weight){lu_feature_bucket("f:fut1_neg"), -2000.0f};
    weights[3] = (struct lu_sm_weight){lu_feature_bucket("f:fut0_q"), -2000.0f};
    qsort(weights, G_N_ELEMENTS(weights), sizeof weights[0], by_bucket);
    is_str(lu_label_name(LU_L_COMMITMENT), "commitment", "the label the model decides");
    is_int((int)lu_sentence_model_labels(), LU_L_COMMITMENT, "the model's one label");
    ok(lu_sentence_model_replaces(LU_L_COMMITMENT), "it decides commitments");
    ok(!lu_sentence_model_replaces(LU_L_REQUEST), "and nothing else");
    for (gsize i = 0; i < G_N_ELEMENTS(added); i++)
        ok(labels_of(added[i], ref) & LU_L_COMMITMENT, "the model adds a promise: %s", added[i]);
    for (gsize i = 0; i < G_N_ELEMENTS(notices); i++)
        ok(!(labels_of(notices[i], ref) & LU_L_COMMITMENT), "no promise in a notice: %s",
           notices[i]);
    /* the rules read a promise in the passive; this model, which knows
     * only the writer's future, takes it away: it decides the label */
    ok(!(labels_of("The forms will be sent to you shortly.", ref) & LU_L_COMMITMENT),
       "a model that decides takes the rules' commitment away");
    ok(!(labels_of("Will you rebuild the index?", ref) & LU_L_COMMITMENT),
       "a question is no promise");
    g_date_time_unref(ref);
    return tap_done();
}
