/* model-need-test.c - the feature family LU_SM_FEAT_NEED (features.c, struct
 * need): the writer's own need or wish ("I need to see ...", "we would like
 * you to ...") and a question put to the reader, given to a model that
 * learned them and to no other reading (bulk.c reads the words without a
 * context).
 *
 * The model here is this file's own, not helper/sentence-model.c (defining
 * lu_sm_models and lu_sm_features keeps the linker from taking the shipped
 * ones from the library): it learned the family, and its request weights
 * sit on two features of it, "w:need1_to" and "w:need2_to", so that a need
 * the rules leave unlabelled becomes a request only through the family.  Every sentence
 * here was written for this test. */
#include "leadup.h"
#include "sm-model.h"
#include "tap.h"

#include <string.h>

static struct lu_sm_weight w_request[2];
const struct lu_sm_model lu_sm_models[] = {{LU_L_REQUEST, -3.0, 0.0, w_request, 2, 0}};
const int lu_sm_n_models = 1;
const unsigned lu_sm_features = LU_SM_FEAT_NEED;

static bool has(GPtrArray *f, const char *name)
{
    for (guint i = 0; i < f->len; i++)
        if (strcmp(f->pdata[i], name) == 0)
            return true;
    return false;
}

/* TEXT's features with NEXT after it (NULL: the last) hold every name of
 * YES (space-separated) and none of NO. */
static void want(const char *text, const char *next, const char *yes, const char *no)
{
    struct lu_feat_ctx ctx = {.first = true, .last = next == NULL, .next = next};
    GPtrArray *f = lu_features(text, &ctx);
    gchar **y = g_strsplit(yes, " ", -1), **n = g_strsplit(no, " ", -1);

    for (gchar **p = y; *p; p++)
        if (**p)
            ok(has(f, *p), "%s: has %s", text, *p);
    for (gchar **p = n; *p; p++)
        if (**p)
            ok(!has(f, *p), "%s: not %s", text, *p);
    g_strfreev(y);
    g_strfreev(n);
    g_ptr_array_unref(f);
}

int main(void)
{
    /* the one weight: the data would have learned it; here it is given */
    w_request[0].bucket = lu_feature_bucket("w:need1_to");
    w_request[1].bucket = lu_feature_bucket("w:need2_to");
    w_request[0].w = w_request[1].w = 200.0f;
    if (w_request[0].bucket > w_request[1].bucket) {
        /* sorted, as train-intent writes them */
        struct lu_sm_weight t = w_request[0];
        w_request[0] = w_request[1];
        w_request[1] = t;
    }
    is_str(lu_label_name(LU_L_REQUEST), "request", "the label the model adds");

    want("I need to see the lease for the north field.", NULL, "w:need1 w:need1_to w:need_v_see",
         "w:need2 w:need1_you w:need1_neg y:q");
    want("I also need to know who signed it.", NULL, "w:need1 w:need1_to w:need_v_know", "");
    want("We would like you to send the revised figures.", NULL,
         "w:need2 w:need2_would w:need2_you w:need2_to w:need_v_send", "w:need1");
    want("I'd like your comments on the outline.", NULL, "w:need1 w:need1_would w:need1_you",
         "w:need1_to");
    want("I don't need anything else for now.", NULL, "w:need1 w:need1_neg", "");
    want("She needs the report by noon.", NULL, "", "w:need1 w:need2");
    want("I think the plots need more room.", NULL, "", "w:need1 w:need2");
    /* a question to the reader: its opening word, and what comes after */
    want("Have you read the setup notes?", "They say to restart the daemon first.",
         "y:q y:q_have y:q_next_stmt y:q_first", "y:q_last y:q_next_q");
    want("Could you send the file again?", NULL, "y:q y:q_could y:q_last", "y:q_next_stmt");
    want("Is the server up again?", NULL, "", "y:q");
    /* no context (bulk.c's reading): none of the family */
    {
        GPtrArray *f = lu_features("I need to see the lease.", NULL);
        ok(!has(f, "w:need1") && !has(f, "w:need1_to"), "no context: no need features");
        is_int(has(f, "p:i_start"), 1, "no context: the other features as before");
        g_ptr_array_unref(f);
    }
    /* the model reads the family: the need becomes a request, a statement
     * of the writer's own plans does not */
    {
        GDateTime *ref = g_date_time_new_utc(2026, 11, 16, 9, 0, 0);
        static const struct {
            const char *text;
            bool request;
        } cases[] = {
            {"We need to see the signed lease before Friday.", true},
            {"We would like to review the summary first.", true},
            {"The lease was signed on Monday.", false},
            {"The team needs to see a holiday.", false},
        };
        for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
            struct lu_analysis a;
            const struct lu_sentence *s;
            lu_analyse_text(cases[i].text, ref, NULL, &a);
            s = a.sentences->len ? a.sentences->pdata[0] : NULL;
            ok(s && !!(s->labels & LU_L_REQUEST) == cases[i].request, "%s %s a request",
               cases[i].text, cases[i].request ? "is" : "is not");
            lu_analysis_clear(&a);
        }
        g_date_time_unref(ref);
    }
    return tap_done();
}
