/* features.c - the features of the learned sentence model (pure).
 *
 * One function turns a sentence and its context into feature names; the same
 * code serves scripts/train-intent (through a throwaway program that links
 * it) and classify.c, so that training and use cannot drift apart.  Names
 * are hashed (FNV-1a, 32 bits) into LU_FEAT_BUCKETS buckets: the model file
 * holds one weight per bucket, not a vocabulary, and the names stay only for
 * the reasons printed by `leadup classify`. */
#include "leadup.h"

#include <string.h>

guint32 lu_feature_bucket(const char *name)
{
    guint32 h = 2166136261u;

    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return h & (LU_FEAT_BUCKETS - 1);
}

static void add(GHashTable *seen, GPtrArray *out, char *name)
{
    /* g_hash_table_add would replace an equal key by NAME, freed here */
    if (g_hash_table_contains(seen, name)) {
        g_free(name);
        return;
    }
    g_hash_table_add(seen, name);
    g_ptr_array_add(out, name);
}

static bool in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return true;
    return false;
}

/* Lower-cased words: letters, digits and inner apostrophes ("don't"). */
static GPtrArray *words_of(const char *text)
{
    GPtrArray *w = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);

    for (const char *p = text;; p = g_utf8_next_char(p)) {
        gunichar c = *p ? g_utf8_get_char_validated(p, -1) : 0;
        if (c == (gunichar)-1 || c == (gunichar)-2)
            c = '?';
        if (c &&
            (g_unichar_isalnum(c) || ((c == '\'' || c == 0x2019) && cur->len &&
                                      g_unichar_isalnum(g_utf8_get_char(g_utf8_next_char(p)))))) {
            g_string_append_unichar(cur, c == 0x2019 ? '\'' : g_unichar_tolower(c));
        } else if (cur->len) {
            g_ptr_array_add(w, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
        }
        if (!*p)
            break;
    }
    g_string_free(cur, TRUE);
    return w;
}

/* Character 3- to 5-grams of "<word>": spelling variants, inflections and
 * words never seen in training still share features. */
static void char_grams(GHashTable *seen, GPtrArray *out, const char *word)
{
    char *padded;
    glong n;
    gunichar *u;

    if (strlen(word) > 24)
        return;
    padded = g_strdup_printf("<%s>", word);
    u = g_utf8_to_ucs4_fast(padded, -1, &n);
    for (int len = 3; len <= 5; len++)
        for (glong i = 0; i + len <= n; i++) {
            char *s = g_ucs4_to_utf8(u + i, len, NULL, NULL, NULL);
            add(seen, out, g_strdup_printf("g:%s", s));
            g_free(s);
        }
    g_free(u);
    g_free(padded);
}

/* Punctuation shape and code-likeness of the raw text. */
static void shape(GHashTable *seen, GPtrArray *out, const char *text)
{
    static const char *const code[] = {"<-", "::", "==", "!=", "()", "$", "[", "{", "}", ";", NULL};
    const char *e = text + strlen(text);
    const char *q = strchr(text, '?');
    int ops = 0;

    while (e > text && g_ascii_isspace(e[-1]))
        e--;
    if (e > text && e[-1] == '?')
        add(seen, out, g_strdup("s:q_end"));
    if (q && q < e - 1)
        add(seen, out, g_strdup("s:q_inside"));
    if (strchr(text, '!'))
        add(seen, out, g_strdup("s:exclam"));
    if (e > text && e[-1] == ':')
        add(seen, out, g_strdup("s:colon_end"));
    if (strchr(text, '(') && strchr(text, ')'))
        add(seen, out, g_strdup("s:parens"));
    for (int k = 0; code[k]; k++)
        if (strstr(text, code[k])) {
            add(seen, out, g_strdup_printf("s:code%s", code[k]));
            ops++;
        }
    if (ops >= 2)
        add(seen, out, g_strdup("s:code_many"));
}

/* Who the sentence is about: the reader, the writer. */
static void persons(GHashTable *seen, GPtrArray *out, GPtrArray *w)
{
    static const char *const second[] = {"you",   "your",  "you'll", "you're",
                                         "you'd", "yours", "you've", NULL};
    static const char *const first[] = {"i",   "me",   "my",   "i'll", "i'm",
                                        "i'd", "i've", "mine", NULL};
    static const char *const we[] = {"we", "us", "our", "we'll", "we're", "we'd", "let's", NULL};

    for (guint i = 0; i < w->len; i++) {
        const char *x = w->pdata[i];
        if (in_list(x, second))
            add(seen, out, g_strdup("p:you"));
        if (in_list(x, first))
            add(seen, out, g_strdup(i == 0 ? "p:i_start" : "p:i"));
        if (in_list(x, we))
            add(seen, out, g_strdup(i == 0 ? "p:we_start" : "p:we"));
    }
}

GPtrArray *lu_features(const char *text, const struct lu_feat_ctx *ctx)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *w = words_of(text);
    static const int len_bucket[] = {1, 3, 7, 15, 30};
    int lb = 0;

    for (guint i = 0; i < w->len; i++) {
        const char *x = w->pdata[i];
        add(seen, out, g_strdup_printf("u:%s", x));
        add(seen, out, g_strdup_printf("b:%s_%s", i ? (const char *)w->pdata[i - 1] : "<s>", x));
        char_grams(seen, out, x);
    }
    if (w->len)
        add(seen, out, g_strdup_printf("b:%s_</s>", (const char *)w->pdata[w->len - 1]));
    while (lb < (int)G_N_ELEMENTS(len_bucket) && (int)w->len > len_bucket[lb])
        lb++;
    add(seen, out, g_strdup_printf("l:%d", lb));
    shape(seen, out, text);
    persons(seen, out, w);
    if (ctx) {
        if (ctx->first)
            add(seen, out, g_strdup("x:first"));
        if (ctx->last)
            add(seen, out, g_strdup("x:last"));
        for (int k = 0; k < ctx->n_cues; k++)
            add(seen, out, g_strdup_printf("c:%s", ctx->cues[k]));
        for (int k = 0; k < ctx->n_prev; k++)
            add(seen, out, g_strdup_printf("v:%s", ctx->prev_cues[k]));
        if (ctx->prev_question)
            add(seen, out, g_strdup("v:question"));
    }
    g_ptr_array_unref(w);
    g_hash_table_destroy(seen);
    return out;
}

/* ------------------------------------------------------------ the model */

/* helper/sentence-model.c, generated by scripts/train-intent --write: the
 * weights sorted by bucket; no weights means the model is off. */
struct lu_sm_weight {
    guint32 bucket;
    float w;
};
extern const struct lu_sm_weight lu_sm_weights[];
extern const int lu_sm_n;
extern const double lu_sm_bias;

static float *dense;

static gpointer dense_once(gpointer unused)
{
    (void)unused;
    dense = g_new0(float, LU_FEAT_BUCKETS);
    for (int i = 0; i < lu_sm_n; i++)
        dense[lu_sm_weights[i].bucket] = lu_sm_weights[i].w;
    return NULL;
}

static void ensure_dense(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, dense_once, NULL);
}

bool lu_sentence_model_on(void)
{
    return lu_sm_n > 0;
}

double lu_sentence_weight(const char *name)
{
    ensure_dense();
    return dense[lu_feature_bucket(name)];
}

static gint by_contrib(gconstpointer a, gconstpointer b, gpointer w)
{
    double x = ((const double *)w)[*(const guint *)a], y = ((const double *)w)[*(const guint *)b];
    return x < y ? 1 : x > y ? -1 : 0;
}

/* Log-odds that TEXT asks the reader to act; *WHY (may be NULL) gets the
 * names of the strongest features for it, without their prefixes' meaning
 * lost: "words \"could you\", \"send\"" (caller frees). */
double lu_sentence_score(const char *text, const struct lu_feat_ctx *ctx, char **why)
{
    GPtrArray *f = lu_features(text, ctx);
    double z = lu_sm_bias;
    double *c = g_new(double, f->len + 1);
    GArray *idx = g_array_new(FALSE, FALSE, sizeof(guint));

    ensure_dense();
    /* the rules' vote, a real-valued feature with its own bucket */
    if (ctx) {
        g_ptr_array_add(f, g_strdup("the rules' vote"));
        z += dense[lu_feature_bucket("r:vote")] * ctx->vote;
    }
    for (guint i = 0; i + (ctx ? 1 : 0) < f->len; i++) {
        c[i] = dense[lu_feature_bucket(f->pdata[i])];
        z += c[i];
        if (c[i] > 0)
            g_array_append_val(idx, i);
    }
    if (ctx) {
        guint last = f->len - 1;
        c[last] = dense[lu_feature_bucket("r:vote")] * ctx->vote;
        if (c[last] > 0)
            g_array_append_val(idx, last);
    }
    if (why) {
        GString *s = g_string_new(NULL);
        g_array_sort_with_data(idx, by_contrib, c);
        for (guint k = 0; k < idx->len && k < 3; k++) {
            const char *n = f->pdata[g_array_index(idx, guint, k)];
            g_string_append_printf(s, "%s\"%s\"", k ? ", " : "", n);
        }
        *why = g_string_free(s, FALSE);
    }
    g_array_unref(idx);
    g_free(c);
    g_ptr_array_unref(f);
    return z;
}
