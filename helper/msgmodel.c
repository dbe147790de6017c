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

/* ------------------------------------------------ the names (tests, t332) */

/* NAME into the set NAMES, once. */
static void emit(GHashTable *names, const char *name)
{
    if (!g_hash_table_contains(names, name))
        g_hash_table_add(names, g_strdup(name));
}

/* The words of TEXT, tagged TAG ("mw:"), and their adjacent pairs
 * ("mw:a_b"); the first LU_MSGM_WORDS words.  Returns whether it had one. */
static bool emit_words(GHashTable *names, const char *tag, const char *text)
{
    char prev[NAME_CAP / 2], cur[NAME_CAP / 2], name[NAME_CAP + 8];
    const char *p = text ? text : "";
    int n = 0;

    prev[0] = 0;
    while (n < LU_MSGM_WORDS && lu_feature_word(&p, cur, sizeof cur) > 0) {
        g_snprintf(name, sizeof name, "%s%s", tag, cur);
        emit(names, name);
        if (n > 0) {
            g_snprintf(name, sizeof name, "%s%s_%s", tag, prev, cur);
            emit(names, name);
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

GPtrArray *lu_msgm_features(const char *text, const struct lu_analysis *an)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    char *last2 = joined(an, true), *asked = joined(an, false);
    bool any = emit_words(set, "mw:", text);
    GHashTableIter it;
    gpointer key;

    any |= emit_words(set, "me:", last2);
    any |= emit_words(set, "mq:", asked);
    if (!any)
        emit(set, "mw:<none>");
    g_free(last2);
    g_free(asked);
    g_hash_table_iter_init(&it, set);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        g_ptr_array_add(names, key);
        g_hash_table_iter_steal(&it);
    }
    g_hash_table_unref(set);
    return names;
}

/* ------------------------------------- the buckets (classify, the scan) */

/* The same buckets as the names' above, with no name built (issue 14:
 * formatting a name per word and pair was most of the model's cost).
 * FNV-1a reads a name byte by byte, so the hash of "mw:" w1 "_" w2 is the
 * state after "mw:" w1 carried on over "_" and w2; each word is cut once
 * and hashed once per family that reads it; the sentences are read where
 * they are, not joined (a join's space only parts words, as the end of a
 * sentence does).  The buckets are a bit set: each once, read back
 * ascending, the order the score sums them in.  t334 compares the two
 * paths. */
#define N_BITS (LU_FEAT_BUCKETS / 64)

/* One family's words: the FNV state of its tag, of its tag and previous
 * word (where the next pair starts), and how many words it took. */
struct msgm_run {
    guint32 tag, prev;
    int n;
};

static void run_init(struct msgm_run *r, const char *tag)
{
    r->tag = lu_fnv32(LU_FNV32_INIT, tag, strlen(tag));
    r->prev = 0;
    r->n = 0;
}

/* A message's buckets: a bit each, and a bit for each word of them that
 * has one.  Only the words marked are read, and a word is emptied when it
 * is first marked: neither the 8 KB of the buckets is cleared nor its
 * 1,024 words read back for each message (they were a third of the score's
 * instructions; issue 14). */
G_STATIC_ASSERT(N_BITS % 64 == 0);
struct msgm_bits {
    guint64 word[N_BITS / 64]; /* which words of BIT hold a bucket */
    guint64 bit[N_BITS];       /* valid only in the words WORD marks */
};

static void bit_set(struct msgm_bits *b, guint32 h)
{
    guint w;
    guint64 m;

    h &= LU_FEAT_BUCKETS - 1;
    w = h / 64;
    m = G_GUINT64_CONSTANT(1) << (w % 64);
    if (!(b->word[w / 64] & m)) {
        b->word[w / 64] |= m;
        b->bit[w] = 0;
    }
    b->bit[w] |= G_GUINT64_CONSTANT(1) << (h % 64);
}

/* Word W (N bytes) of R's text: its bucket and, after the first, its
 * pair's, both hashed in one pass over W. */
static void run_word(struct msgm_run *r, const char *w, gsize n, struct msgm_bits *bits)
{
    guint32 h = r->tag, hp = (r->prev ^ '_') * LU_FNV32_PRIME;

    for (gsize i = 0; i < n; i++) {
        h = (h ^ (guchar)w[i]) * LU_FNV32_PRIME;
        hp = (hp ^ (guchar)w[i]) * LU_FNV32_PRIME;
    }
    bit_set(bits, h);
    if (r->n > 0)
        bit_set(bits, hp);
    r->prev = h;
    r->n++;
}

/* What a byte is to next_word: between words, in an ASCII word, or what
 * only lu_feature_word reads (the end, an apostrophe, past ASCII).  The
 * ASCII letters and digits are g_ascii_isalnum's. */
enum { BETWEEN, IN_WORD, SLOW };
static const guchar byte_kind[256] = {
    [0] = SLOW,
    [1 ... '\'' - 1] = BETWEEN,
    ['\''] = SLOW,
    ['\'' + 1 ... '/'] = BETWEEN,
    ['0' ... '9'] = IN_WORD,
    [':' ... '@'] = BETWEEN,
    ['A' ... 'Z'] = IN_WORD,
    ['[' ... '`'] = BETWEEN,
    ['a' ... 'z'] = IN_WORD,
    ['{' ... 0x7f] = BETWEEN,
    [0x80 ... 0xff] = SLOW,
};

/* The next word at *P (advanced past it) into W, of NAME_CAP / 2 bytes, as
 * lu_feature_word cuts it.  A word of ASCII letters and digits that ASCII
 * ends (most words) is cut here, with no call per word or letter; any
 * other (an apostrophe, a character past ASCII, a word longer than W
 * keeps) goes to lu_feature_word from its first byte, which it cuts the
 * same from there.  Returns its length, 0 at the end of the text. */
static gsize next_word(const char **p, char *w)
{
    const guchar *s = (const guchar *)*p, *e;
    gsize n;

    while (byte_kind[*s] == BETWEEN)
        s++;
    for (e = s; byte_kind[*e] == IN_WORD; e++)
        ;
    n = (gsize)(e - s);
    *p = (const char *)s;
    if (n == 0 || (*e && byte_kind[*e] == SLOW) || n > NAME_CAP / 2 - 1)
        return lu_feature_word(p, w, NAME_CAP / 2);
    for (gsize i = 0; i < n; i++)
        w[i] = (char)(s[i] <= 'Z' && s[i] >= 'A' ? s[i] + ('a' - 'A') : s[i]);
    w[n] = 0;
    *p = (const char *)e;
    return n;
}

/* The last two sentences' words ("me:") and the "?" sentences' ("mq:"):
 * a sentence that is both is cut once.  Returns whether either had one. */
static bool run_sentences(const struct lu_analysis *an, struct msgm_bits *bits)
{
    struct msgm_run me, mq;
    guint n = an && an->sentences ? an->sentences->len : 0;
    char w[NAME_CAP / 2];
    gsize len;

    run_init(&me, "me:");
    run_init(&mq, "mq:");
    for (guint i = 0; i < n; i++) {
        const struct lu_sentence *se = g_ptr_array_index(an->sentences, i);
        const char *p = se->text ? se->text : "";
        bool last = i + 2 >= n, asked = strchr(p, '?') != NULL;

        while (((last && me.n < LU_MSGM_WORDS) || (asked && mq.n < LU_MSGM_WORDS)) &&
               (len = next_word(&p, w)) > 0) {
            if (last && me.n < LU_MSGM_WORDS)
                run_word(&me, w, len, bits);
            if (asked && mq.n < LU_MSGM_WORDS)
                run_word(&mq, w, len, bits);
        }
    }
    return me.n > 0 || mq.n > 0;
}

/* The buckets of TEXT and AN into BITS (emptied first). */
static void run(const char *text, const struct lu_analysis *an, struct msgm_bits *bits)
{
    struct msgm_run mw;
    const char *p = text ? text : "";
    char w[NAME_CAP / 2];
    gsize len;
    bool any;

    memset(bits->word, 0, sizeof bits->word);
    run_init(&mw, "mw:");
    while (mw.n < LU_MSGM_WORDS && (len = next_word(&p, w)) > 0)
        run_word(&mw, w, len, bits);
    any = run_sentences(an, bits) || mw.n > 0;
    if (!any)
        bit_set(bits, lu_feature_bucket("mw:<none>"));
}

void lu_msgm_hashes(const char *text, const struct lu_analysis *an, GArray *out)
{
    struct msgm_bits bits;

    run(text, an, &bits);
    g_array_set_size(out, 0);
    for (guint s = 0; s < G_N_ELEMENTS(bits.word); s++)
        for (guint64 ws = bits.word[s]; ws; ws &= ws - 1) {
            guint i = s * 64 + (guint)__builtin_ctzll(ws);
            for (guint64 x = bits.bit[i]; x; x &= x - 1) {
                guint32 b = i * 64 + (guint32)__builtin_ctzll(x);
                g_array_append_val(out, b);
            }
        }
}

/* The weight of bucket B (0 when the model has none), B not below the
 * bucket the last call for this message asked (*FROM, where the search
 * starts, moved on): a binary search of the sorted weights, narrowed
 * first.  Buckets are distinct and below LU_FEAT_BUCKETS, so B's place is
 * at most B and at least B less the buckets the model lacks (950 of
 * 65,536: ten halvings, not sixteen). */
static double weight_of(guint32 b, int *from)
{
    int lo = MAX(*from, (int)b - (int)(LU_FEAT_BUCKETS - (guint)lu_msgm_n_weights));
    int n = MIN((int)b + 1, lu_msgm_n_weights) - lo;
    const struct lu_msgm_weight *w = lu_msgm_weights + lo;

    if (n <= 0)
        return 0;
    /* W[0 .. N) holds B's place, if the model has B: halve to the last
     * weight at or below B */
    while (n > 1) {
        int half = n / 2;
        w = w[half].bucket <= b ? w + half : w;
        n -= half;
    }
    *from = (int)(w - lu_msgm_weights);
    return w->bucket == b ? w->w : 0;
}

/* The messages scored before the weights are laid out by bucket: the
 * table is 256 KB of fresh pages and 64,586 weights to lay out,
 * which one classify would not win back (it looks up a few hundred
 * buckets); a scan scores thousands of messages.  Both ways give each
 * bucket its one weight. */
#define DENSE_AFTER 64

static gpointer dense_build(gpointer unused)
{
    float *d = g_new0(float, LU_FEAT_BUCKETS);

    (void)unused;
    for (int i = 0; i < lu_msgm_n_weights; i++)
        if (lu_msgm_weights[i].bucket < LU_FEAT_BUCKETS)
            d[lu_msgm_weights[i].bucket] = lu_msgm_weights[i].w;
    return d;
}

/* The weights by bucket, or NULL (weight_of's search) for the first
 * DENSE_AFTER messages of this process. */
static const float *dense_weights(void)
{
    static gint scored;
    static GOnce once = G_ONCE_INIT;

    if (g_atomic_int_add(&scored, 1) < DENSE_AFTER)
        return NULL;
    return g_once(&once, dense_build, NULL);
}

double lu_msgm_probability(const char *text, const struct lu_analysis *an)
{
    struct msgm_bits bits;
    double z, sum = 0;
    guint n = 0;
    int from = 0;
    const float *dense;

    if (lu_msgm_n_weights == 0)
        return -1;
    dense = dense_weights();
    run(text, an, &bits);
    /* ascending, as the weights were summed when every word was read */
    for (guint s = 0; s < G_N_ELEMENTS(bits.word); s++)
        for (guint64 ws = bits.word[s]; ws; ws &= ws - 1) {
            guint i = s * 64 + (guint)__builtin_ctzll(ws);
            for (guint64 x = bits.bit[i]; x; x &= x - 1, n++) {
                guint32 b = i * 64 + (guint32)__builtin_ctzll(x);
                sum += dense ? dense[b] : weight_of(b, &from);
            }
        }
    z = lu_msgm_bias + (an && an->expects_reply ? lu_msgm_reply_weight : 0);
    if (n)
        z += sum / sqrt(n);
    return 1 / (1 + exp(-z));
}

double lu_analysis_reply_score(const char *text, const struct lu_analysis *an)
{
    struct lu_analysis rules = *an; /* shallow: read only, nothing freed */

    rules.expects_reply = an->expects_reply_rules;
    return lu_msgm_probability(text, &rules);
}

void lu_msgm_decide(const char *text, struct lu_analysis *an)
{
    an->expects_reply_model =
        !an->auto_reply && lu_analysis_reply_score(text, an) >= lu_msgm_threshold;
}
