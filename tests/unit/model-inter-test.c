/* model-inter-test.c - a model with second weights (scripts/train-intent's
 * SM_INTER: bucket | LU_FEAT_BUCKETS, read only where the rules gave the
 * label) as features.c scores it, for t264 to score again with
 * train-intent's own lin: the two must give the same double.
 *
 * The model is this file's own: its weights are made up here
 * from the buckets of a few sentences written for this test, a first and
 * a second weight for each, so that every sentence reads both.  Prints
 *   bias B / rule R / weight KEY W  (W as the float the table holds)
 *   score GAVE PATH BUCKETS SCORE   (GAVE 1: the rules gave the label;
 *                                    PATH search or dense: features.c's two
 *                                    ways to a weight)
 * and checks itself that both ways give the same score, that the second
 * weights count only where the rules gave the label, and that without them
 * the score is the first weights' alone. */
#include "leadup.h"
#include "tap.h"
#define LU_TEST_SM_MODEL_OWN
#include "sm-model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const sentences[] = {
    "Could you send me the signed lease by Friday?",
    "I will ring the plumber after lunch.",
    "Thanks, the parcel arrived this morning.",
    "Please let me know whether the blue chairs still fit in the van.",
    "Would it help if we moved the rehearsal to Thursday?",
    "",
};
#define N_SENT G_N_ELEMENTS(sentences)

/* The table not const (features.c reads it as const): its weights are
 * known only once the sentences are hashed. */
#define MAX_W 4096
static struct lu_sm_weight weights[MAX_W];

struct lu_sm_model lu_sm_models[] = {
    {LU_L_REQUEST, -0.8125, 1.53125, weights, 0, 1},
    {LU_L_PROPOSAL, -0.5, 0.75, weights, 0, 1},
};
const int lu_sm_n_models = 2;
const unsigned lu_sm_features = 0;

static int cmp_weight(const void *a, const void *b)
{
    guint32 x = ((const struct lu_sm_weight *)a)->bucket;
    guint32 y = ((const struct lu_sm_weight *)b)->bucket;
    return x < y ? -1 : x > y;
}

static void hashes(const char *text, bool gave, GArray *h)
{
    struct lu_feat_ctx ctx = {.first = true, .last = true};

    ctx.rule_labels = gave ? LU_L_REQUEST : 0;
    lu_feature_hashes(text, &ctx, h);
}

/* A weight made up from KEY: spread over [-1, 1), a float. */
static float made_up(guint32 key)
{
    return (float)((double)((key * 2654435761u) % 4001u) / 2000.0 - 1.0);
}

/* The request model's weights: every bucket of the sentences, and its
 * second weight; the proposal model (no second weights: its table is the
 * first ones only) shares the array's first half. */
static void make_model(void)
{
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
    int n = 0;

    for (gsize k = 0; k < N_SENT; k++)
        for (int gave = 0; gave < 2; gave++) {
            hashes(sentences[k], gave, h);
            for (guint i = 0; i < h->len; i++)
                g_hash_table_add(seen, GUINT_TO_POINTER(g_array_index(h, guint32, i) + 1));
        }
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, seen);
    while (g_hash_table_iter_next(&it, &key, NULL) && n + 2 <= MAX_W) {
        guint32 b = GPOINTER_TO_UINT(key) - 1;
        weights[n++] = (struct lu_sm_weight){b, made_up(b)};
        weights[n++] = (struct lu_sm_weight){b | LU_FEAT_BUCKETS, made_up(b ^ 0x5bd1u)};
    }
    qsort(weights, (size_t)n, sizeof weights[0], cmp_weight);
    /* filled before the first score, as the linker fills the shipped ones */
    lu_sm_models[0].n = n;
    lu_sm_models[1].n = n / 2;
    g_hash_table_unref(seen);
    g_array_unref(h);
}

/* Model M's score with its first weights only: what a model without
 * SM_INTER reads. */
static double first_only(const struct lu_sm_model *m, const GArray *h, bool gave)
{
    double z = 0;
    for (guint i = 0; i < h->len; i++) {
        struct lu_sm_weight key = {g_array_index(h, guint32, i), 0};
        const struct lu_sm_weight *w = bsearch(&key, m->w, (size_t)m->n, sizeof key, cmp_weight);
        z += w ? w->w : 0.0f;
    }
    if (h->len)
        z /= sqrt((double)h->len);
    return m->bias + (gave ? m->rule : 0.0) + z;
}

int main(void)
{
    GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
    double first[N_SENT][2];
    int scored = 0;

    make_model();
    printf("# bias %.17g\n# rule %.17g\n", lu_sm_models[0].bias, lu_sm_models[0].rule);
    for (int i = 0; i < lu_sm_models[0].n; i++)
        printf("# weight %u %.17g\n", (unsigned)weights[i].bucket, (double)weights[i].w);
    /* features.c searches the sorted weights for its first 512 scores,
     * then reads its dense tables: a pass each way */
    for (int pass = 0; pass < 2; pass++) {
        for (gsize k = 0; k < N_SENT; k++)
            for (int gave = 0; gave < 2; gave++) {
                double s;
                hashes(sentences[k], gave, h);
                s = lu_sentence_label_score(LU_L_REQUEST, h, gave);
                scored++;
                printf("# score %d %s ", gave, pass ? "dense" : "search");
                for (guint i = 0; i < h->len; i++)
                    printf("%s%u", i ? "," : "", (unsigned)g_array_index(h, guint32, i));
                printf(" %.17g\n", s);
                if (pass == 0) {
                    first[k][gave] = s;
                    if (gave)
                        ok(s != first_only(&lu_sm_models[0], h, true) || h->len == 0,
                           "sentence %zu: the second weights count where the rules gave it", k);
                    else
                        ok(s == first_only(&lu_sm_models[0], h, false),
                           "sentence %zu: only the first weights where the rules did not", k);
                    ok(lu_sentence_label_score(LU_L_PROPOSAL, h, gave) ==
                           first_only(&lu_sm_models[1], h, gave),
                       "sentence %zu (gave %d): a model without second weights reads the first", k,
                       gave);
                    scored++;
                } else {
                    ok(s == first[k][gave], "sentence %zu (gave %d): the dense table's score", k,
                       gave);
                }
            }
        if (pass == 0)
            is_int(scored <= 512, 1, "the first pass searched the sorted weights");
        /* on to the dense tables */
        while (pass == 0 && scored < 600) {
            lu_sentence_label_score(LU_L_REQUEST, h, false);
            scored++;
        }
    }
    is_str(lu_label_name(LU_L_REQUEST), "request", "the model scored is the request model's");
    g_array_unref(h);
    return tap_done();
}
