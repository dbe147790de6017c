/* msgmodel.c - the learned "expects a reply" of a whole message (pure).
 *
 * scripts/train-messages --model lr learns it, and --write writes its
 * weights as helper/message-model.c.  The features here must be the ones
 * the script's lr_names gives (t332 checks that they are, and the score):
 * the words of leadup's own text, of its last two sentences and of its
 * sentences with a "?", as lu_feature_word cuts them, and their adjacent
 * pairs, hashed by lu_feature_bucket; the bucket weights are summed and
 * scaled by 1/sqrt(their number), so that a long message does not shout. */
#include "leadup.h"

#include <math.h>
#include <string.h>

/* A name longer than this is cut: no word of the training data comes near. */
#define NAME_CAP 512

/* Where the names go: their buckets (OUT) or themselves (NAMES, a set). */
struct msgm_emit {
    GArray *out;
    GHashTable *names;
};

static void emit(struct msgm_emit *e, const char *name)
{
    if (e->names) {
        if (!g_hash_table_contains(e->names, name))
            g_hash_table_add(e->names, g_strdup(name));
    } else {
        guint32 b = lu_feature_bucket(name);
        g_array_append_val(e->out, b);
    }
}

/* The words of TEXT, tagged TAG ("mw:"), and their adjacent pairs
 * ("mw:a_b"); the first LU_MSGM_WORDS words.  Returns whether it had one. */
static bool emit_words(struct msgm_emit *e, const char *tag, const char *text)
{
    char prev[NAME_CAP / 2], cur[NAME_CAP / 2], name[NAME_CAP + 8];
    const char *p = text ? text : "";
    int n = 0;

    prev[0] = 0;
    while (n < LU_MSGM_WORDS && lu_feature_word(&p, cur, sizeof cur) > 0) {
        g_snprintf(name, sizeof name, "%s%s", tag, cur);
        emit(e, name);
        if (n > 0) {
            g_snprintf(name, sizeof name, "%s%s_%s", tag, prev, cur);
            emit(e, name);
        }
        memcpy(prev, cur, sizeof cur);
        n++;
    }
    return n > 0;
}

/* The sentences of AN joined by a space: the last two (LAST2) or those
 * with a "?".  Returns a new string (caller frees). */
static char *joined(const struct lu_analysis *an, bool last2)
{
    GString *s = g_string_new(NULL);
    guint n = an && an->sentences ? an->sentences->len : 0;
    bool first = true;

    for (guint i = last2 && n > 2 ? n - 2 : 0; i < n; i++) {
        const struct lu_sentence *se = g_ptr_array_index(an->sentences, i);
        const char *t = se->text ? se->text : "";
        if (!last2 && !strchr(t, '?'))
            continue;
        if (!first)
            g_string_append_c(s, ' ');
        g_string_append(s, t);
        first = false;
    }
    return g_string_free(s, FALSE);
}

static void walk(struct msgm_emit *e, const char *text, const struct lu_analysis *an)
{
    char *last2 = joined(an, true), *asked = joined(an, false);
    bool any = emit_words(e, "mw:", text);

    any |= emit_words(e, "me:", last2);
    any |= emit_words(e, "mq:", asked);
    if (!any)
        emit(e, "mw:<none>");
    g_free(last2);
    g_free(asked);
}

static gint cmp_u32(gconstpointer a, gconstpointer b)
{
    guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
    return x < y ? -1 : x > y;
}

void lu_msgm_hashes(const char *text, const struct lu_analysis *an, GArray *out)
{
    struct msgm_emit e = {out, NULL};
    guint k = 0;

    g_array_set_size(out, 0);
    walk(&e, text, an);
    g_array_sort(out, cmp_u32);
    for (guint i = 0; i < out->len; i++)
        if (k == 0 || g_array_index(out, guint32, i) != g_array_index(out, guint32, k - 1))
            g_array_index(out, guint32, k++) = g_array_index(out, guint32, i);
    g_array_set_size(out, k);
}

GPtrArray *lu_msgm_features(const char *text, const struct lu_analysis *an)
{
    struct msgm_emit e = {NULL, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter it;
    gpointer key;

    walk(&e, text, an);
    g_hash_table_iter_init(&it, e.names);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        g_ptr_array_add(names, key);
        g_hash_table_iter_steal(&it);
    }
    g_hash_table_unref(e.names);
    return names;
}

/* The weight of bucket B (0 when the model has none): binary search of
 * the sorted weights. */
static double weight_of(guint32 b)
{
    int lo = 0, hi = lu_msgm_n_weights;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (lu_msgm_weights[mid].bucket < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < lu_msgm_n_weights && lu_msgm_weights[lo].bucket == b ? lu_msgm_weights[lo].w : 0;
}

double lu_msgm_probability(const char *text, const struct lu_analysis *an)
{
    GArray *b;
    double z, sum = 0;

    if (lu_msgm_n_weights == 0)
        return -1;
    b = g_array_new(FALSE, FALSE, sizeof(guint32));
    lu_msgm_hashes(text, an, b);
    for (guint i = 0; i < b->len; i++)
        sum += weight_of(g_array_index(b, guint32, i));
    z = lu_msgm_bias + (an && an->expects_reply ? lu_msgm_reply_weight : 0);
    if (b->len)
        z += sum / sqrt(b->len);
    g_array_unref(b);
    return 1 / (1 + exp(-z));
}
