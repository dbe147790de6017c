/* features.c - the features of the learned sentence model (pure).
 *
 * One walk turns a sentence and its context into features; the same code
 * serves scripts/train-intent (through a throwaway program that includes
 * classify.c) and classify.c, so that training and use cannot drift apart.  Names
 * are hashed (FNV-1a, 32 bits) into LU_FEAT_BUCKETS buckets: the model file
 * holds one weight per bucket, not a vocabulary, and the names stay only for
 * the reasons printed by `leadup classify`. */
#include "leadup.h"

#include <math.h>
#include <string.h>

/* The features are produced once, by one walk over the text, into an
 * emitter that either hashes each name (classify, training: no allocation
 * per feature; FNV-1a runs over the name's pieces as if concatenated) or
 * also keeps the names (tests, reasons).  Both modes share the walk, so the
 * buckets the model is trained on and the names a reason prints agree. */
/* The buckets given, a bit each, and a bit for each word of them that has
 * one: each bucket is kept once, and read back in order, without sorting
 * the features (issue 14: sorting them was an eighth of classify's
 * instructions). */
#define SEEN_WORDS (LU_FEAT_BUCKETS / 64)
G_STATIC_ASSERT(SEEN_WORDS % 64 == 0);
struct seen_bits {
    guint64 bit[SEEN_WORDS];
    guint64 word[SEEN_WORDS / 64];
    guint n;
};

struct top3;
struct emit {
    struct seen_bits *h; /* the buckets, or NULL */
    GPtrArray *names;    /* char *, or NULL */
    GHashTable *seen;    /* the names given, with NAMES */
    struct top3 *top;    /* lu_sentence_label_why's three weightiest, or NULL */
};
static void top_offer(struct top3 *t, guint32 bucket, const char *prefix, const char *a, gsize na,
                      const char *b, gsize nb);
/* LU_SM_FEAT_* bits: the families helper/sentence-model.c's weights learned */
extern const unsigned lu_sm_features;

static void seen_add(struct seen_bits *b, guint32 h)
{
    guint64 m = G_GUINT64_CONSTANT(1) << (h % 64);

    if (b->bit[h / 64] & m)
        return;
    b->bit[h / 64] |= m;
    b->word[h / 4096] |= G_GUINT64_CONSTANT(1) << (h / 64 % 64);
    b->n++;
}

/* B's buckets into OUT, ascending (the order a score sums them in); B is
 * left empty, each word it used cleared (clearing all 8 KB every sentence
 * cost as much as the sort it replaced). */
static void seen_drain(struct seen_bits *b, GArray *out)
{
    guint j = 0;

    g_array_set_size(out, b->n);
    for (guint s = 0; s < G_N_ELEMENTS(b->word); s++) {
        for (guint64 ws = b->word[s]; ws; ws &= ws - 1) {
            guint w = s * 64 + (guint)__builtin_ctzll(ws);
            for (guint64 x = b->bit[w]; x; x &= x - 1)
                g_array_index(out, guint32, j++) = w * 64 + (guint32)__builtin_ctzll(x);
            b->bit[w] = 0;
        }
        b->word[s] = 0;
    }
    b->n = 0;
}

/* lu_fnv32 over the NUL-ended S: a prefix's bytes without counting them first. */
static guint32 fnv_z(guint32 h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * LU_FNV32_PRIME;
    return h;
}

guint32 lu_feature_bucket(const char *name)
{
    return lu_fnv32(LU_FNV32_INIT, name, strlen(name)) & (LU_FEAT_BUCKETS - 1);
}

/* The feature PREFIX A[_B] (B may be NULL): "u:send", "b:could_you". */
static void feat2(struct emit *e, const char *prefix, const char *a, gsize na, const char *b,
                  gsize nb)
{
    if (e->h || e->top) {
        guint32 h = fnv_z(LU_FNV32_INIT, prefix);
        h = lu_fnv32(h, a, na);
        if (b) {
            h = lu_fnv32(h, "_", 1);
            h = lu_fnv32(h, b, nb);
        }
        if (e->h)
            seen_add(e->h, h & (LU_FEAT_BUCKETS - 1));
        else
            top_offer(e->top, h & (LU_FEAT_BUCKETS - 1), prefix, a, na, b, nb);
    }
    if (e->names) {
        GString *s = g_string_new(prefix);
        g_string_append_len(s, a, (gssize)na);
        if (b) {
            g_string_append_c(s, '_');
            g_string_append_len(s, b, (gssize)nb);
        }
        if (g_hash_table_contains(e->seen, s->str)) {
            g_string_free(s, TRUE);
            return;
        }
        g_hash_table_add(e->seen, s->str);
        g_ptr_array_add(e->names, g_string_free(s, FALSE));
    }
}

static void feat(struct emit *e, const char *name)
{
    feat2(e, "", name, strlen(name), NULL, 0);
}

/* The words person() and future() ask about, a bit for each list or word
 * they compare with: a word's bits are looked up once (issue 14: walking
 * the lists, twice a word, was a quarter of the feature walk). */
enum {
    WC_SECOND = 1u << 0, /* you your you'll ... */
    WC_FIRST = 1u << 1,  /* i me my ... */
    WC_WE = 1u << 2,
    WC_THIRD = 1u << 3,
    WC_REPORT = 1u << 4, /* reported speech: "she asked whether", "they said that" */
    WC_FUT1 = 1u << 5,   /* i'll we'll i'd we'd */
    WC_SUBJ1 = 1u << 6,  /* i we */
    WC_SUBJ2 = 1u << 7,  /* you you'll */
    WC_AUX = 1u << 8,    /* will shall 'll */
    WC_NEG = 1u << 9,
    WC_COND = 1u << 10,
    WC_ADV = 1u << 11, /* adverbs between the future and its verb ("I will also look") */
    WC_WONT = 1u << 12,
    WC_YOULL = 1u << 13,
    WC_WILL = 1u << 14,
    WC_TO = 1u << 15,
    WC_GOING = 1u << 16,
    WC_AM = 1u << 17,
    WC_IM = 1u << 18,
    WC_WERE = 1u << 19,
    WC_LET = 1u << 20,
    WC_ME = 1u << 21,
    WC_WHETHER = 1u << 22,
    WC_NEED = 1u << 23,  /* need want wish ...: a verb of wanting */
    WC_LIKE = 1u << 24,  /* like love: wanting after "would" */
    WC_WOULD = 1u << 25, /* would */
    WC_GAP = 1u << 26,   /* words between a subject and its verb of wanting */
};

static const char *const wc_second[] = {"you",   "your",  "you'll", "you're",
                                        "you'd", "yours", "you've", NULL};
static const char *const wc_first[] = {"i", "me", "my", "i'll", "i'm", "i'd", "i've", "mine", NULL};
static const char *const wc_we[] = {"we", "us", "our", "we'll", "we're", "we'd", "let's", NULL};
static const char *const wc_third[] = {"he", "she", "they", "he's", "she's", "they're", NULL};
static const char *const wc_report[] = {"asked",  "said",      "told",      "wondered", "wants",
                                        "wanted", "suggested", "mentioned", NULL};
static const char *const wc_fut1[] = {"i'll", "we'll", "i'd", "we'd", NULL};
static const char *const wc_subj1[] = {"i", "we", NULL};
static const char *const wc_subj2[] = {"you", "you'll", NULL};
static const char *const wc_aux[] = {"will", "shall", "'ll", NULL};
static const char *const wc_neg[] = {"not", "never", "won't", "can't", "cannot", "don't", NULL};
static const char *const wc_cond[] = {"if", "unless", "once", "when", "whether", NULL};
static const char *const wc_adv[] = {"also",       "just",      "then",      "still", "probably",
                                     "definitely", "certainly", "hopefully", "now",   NULL};
static const char *const wc_need[] = {"need",       "needed",  "want",   "wanted", "wish", "hope",
                                      "appreciate", "require", "prefer", "expect", NULL};
static const char *const wc_like[] = {"like", "love", NULL};
static const char *const wc_gap[] = {"would", "do",     "really", "only",  "will", "may",
                                     "might", "should", "also",   "still", "just", NULL};
static const struct {
    unsigned bit;
    const char *const *words;
} wc_lists[] = {
    {WC_SECOND, wc_second}, {WC_FIRST, wc_first}, {WC_WE, wc_we},       {WC_THIRD, wc_third},
    {WC_REPORT, wc_report}, {WC_FUT1, wc_fut1},   {WC_SUBJ1, wc_subj1}, {WC_SUBJ2, wc_subj2},
    {WC_AUX, wc_aux},       {WC_NEG, wc_neg},     {WC_COND, wc_cond},   {WC_ADV, wc_adv},
    {WC_NEED, wc_need},     {WC_LIKE, wc_like},   {WC_GAP, wc_gap},
};
static const struct {
    unsigned bit;
    const char *word;
} wc_words[] = {
    {WC_WONT, "won't"},  {WC_YOULL, "you'll"}, {WC_WILL, "will"},       {WC_TO, "to"},
    {WC_GOING, "going"}, {WC_AM, "am"},        {WC_IM, "i'm"},          {WC_WERE, "we're"},
    {WC_LET, "let"},     {WC_ME, "me"},        {WC_WHETHER, "whether"}, {WC_WOULD, "would"},
};

/* The words above by their hash (open addressing; built once): the
 * longest is 10 bytes. */
#define WC_SLOTS   256
#define WC_LONGEST 10
static struct wc_slot {
    const char *w;
    gsize n;
    unsigned bits;
} wc_table[WC_SLOTS];

static guint wc_hash(const char *w, gsize n)
{
    guint h = 5381;

    for (gsize i = 0; i < n; i++)
        h = h * 33 + (guchar)w[i];
    return h & (WC_SLOTS - 1);
}

static void wc_add(const char *w, unsigned bit)
{
    gsize n = strlen(w);
    guint s = wc_hash(w, n);

    while (wc_table[s].w && strcmp(wc_table[s].w, w) != 0)
        s = (s + 1) & (WC_SLOTS - 1);
    wc_table[s].w = w;
    wc_table[s].n = n;
    wc_table[s].bits |= bit;
}

static gpointer wc_build(gpointer unused)
{
    (void)unused;
    for (gsize l = 0; l < G_N_ELEMENTS(wc_lists); l++)
        for (const char *const *w = wc_lists[l].words; *w; w++)
            wc_add(*w, wc_lists[l].bit);
    for (gsize k = 0; k < G_N_ELEMENTS(wc_words); k++)
        wc_add(wc_words[k].word, wc_words[k].bit);
    return wc_table;
}

/* The WC_* bits of W (N bytes): 0 for a word none of the lists holds. */
static unsigned word_class(const char *w, gsize n)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, wc_build, NULL);
    if (n == 0 || n > WC_LONGEST)
        return 0;
    for (guint s = wc_hash(w, n); wc_table[s].w; s = (s + 1) & (WC_SLOTS - 1))
        if (wc_table[s].n == n && memcmp(wc_table[s].w, w, n) == 0)
            return wc_table[s].bits;
    return 0;
}

/* The next word at *P: lower-cased letters, digits and inner apostrophes
 * ("don't"), into BUF (at most CAP-1 bytes kept).  Returns its length, 0 at
 * the end of the text. */
static gsize next_word(const char **p, char *buf, gsize cap)
{
    gsize n = 0;
    const char *s = *p;

    while (*s) {
        gunichar c;
        const char *nx;
        /* ASCII without GLib's Unicode tables: the same answers, for most
         * of the text (issue 14: next_word was half of the feature walk). */
        if ((guchar)*s < 0x80 && *s != '\'') {
            if (g_ascii_isalnum(*s)) {
                if (n + 1 < cap)
                    buf[n++] = g_ascii_tolower(*s);
            } else if (n) {
                break;
            }
            s++;
            continue;
        }
        c = g_utf8_get_char_validated(s, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            c = '?';
            nx = s + 1;
        } else {
            nx = g_utf8_next_char(s);
        }
        if (g_unichar_isalnum(c) || ((c == '\'' || c == 0x2019) && n && *nx &&
                                     g_unichar_isalnum(g_utf8_get_char_validated(nx, -1)))) {
            char u[6];
            gint k = g_unichar_to_utf8(c == 0x2019 ? '\'' : g_unichar_tolower(c), u);
            if (n + (gsize)k < cap)
                memcpy(buf + n, u, (gsize)k), n += (gsize)k;
        } else if (n) {
            break;
        }
        s = nx;
    }
    *p = s;
    buf[n] = 0;
    return n;
}

gsize lu_feature_word(const char **p, char *buf, gsize cap)
{
    return next_word(p, buf, cap);
}

/* Character 3- and 4-grams (bytes) of "<word>": spelling variants,
 * inflections and words never seen in training still share features. */
static void char_grams(struct emit *e, const char *w, gsize n)
{
    char pad[28];

    if (n > 24)
        return;
    pad[0] = '<';
    memcpy(pad + 1, w, n);
    pad[n + 1] = '>';
    if (e->h && !e->names) {
        /* A 4-gram's hash goes on from its 3-gram's: one pass, the same
         * buckets (a set, read back ascending: their order is not kept). */
        guint32 h0 = fnv_z(LU_FNV32_INIT, "g:");
        for (gsize i = 0; i + 3 <= n + 2; i++) {
            guint32 h = lu_fnv32(h0, pad + i, 3);
            seen_add(e->h, h & (LU_FEAT_BUCKETS - 1));
            if (i + 4 <= n + 2)
                seen_add(e->h, lu_fnv32(h, pad + i + 3, 1) & (LU_FEAT_BUCKETS - 1));
        }
        return;
    }
    for (gsize len = 3; len <= 4; len++)
        for (gsize i = 0; i + len <= n + 2; i++)
            feat2(e, "g:", pad + i, len, NULL, 0);
}

/* Punctuation shape and code-likeness of the raw text. */
static void shape(struct emit *e, const char *text)
{
    static const char *const code[] = {"<-", "::", "==", "!=", "()", "$", "[", "{", "}", ";", NULL};
    const char *b = text, *end = text + strlen(text);
    const char *q = strchr(text, '?');
    int ops = 0;

    while (end > text && g_ascii_isspace(end[-1]))
        end--;
    while (*b && g_ascii_isspace(*b))
        b++;
    if (end > text && end[-1] == '?')
        feat(e, "s:q_end");
    if (q && q < end - 1)
        feat(e, "s:q_inside");
    if (strchr(text, '!'))
        feat(e, "s:exclam");
    if (end > text && end[-1] == ':')
        feat(e, "s:colon_end");
    if (end > text && !strchr(".?!:;)\"'", end[-1]))
        feat(e, "s:no_end_mark");
    if (g_ascii_islower(*b))
        feat(e, "s:lower_start");
    if (strchr(text, '(') && strchr(text, ')'))
        feat(e, "s:parens");
    for (int k = 0; code[k]; k++)
        if (strstr(text, code[k])) {
            feat2(e, "s:code", code[k], strlen(code[k]), NULL, 0);
            ops++;
        }
    if (strstr(text, " = ") || strstr(text, "<-") || strstr(text, "->"))
        feat(e, "s:assign");
    if (ops >= 2)
        feat(e, "s:code_many");
}

/* Who the sentence is about and to whom it speaks, from word I of classes
 * C (WC_*) after a word of classes PREV (0: none). */
static void person(struct emit *e, unsigned c, guint i, unsigned prev)
{
    if (c & WC_SECOND)
        feat(e, "p:you");
    if (c & WC_FIRST)
        feat(e, i == 0 ? "p:i_start" : "p:i");
    if (c & WC_WE)
        feat(e, i == 0 ? "p:we_start" : "p:we");
    if (c & WC_THIRD)
        feat(e, i == 0 ? "p:third_start" : "p:third");
    if ((c & WC_REPORT) && (prev & WC_THIRD))
        feat(e, "p:reported");
    if (c & WC_WHETHER)
        feat(e, "p:whether");
}

/* The shape of a future or promise, whoever makes it: the subject
 * ("i"/"we", "you", anyone else, or none at the opening: "Will try it
 * tonight"), the verb after it ("f:v1_send"), and around it negation,
 * condition, question and the reader as object.  These are features, not a
 * rule: the model weighs "I'll send you" against "I'll be out" and "if I
 * find it, I'll" from the labelled data, so a promise with a verb no rule
 * lists still shares its features with the promises it learned.
 *
 * Read word by word in the one pass of words(), from each word's classes
 * and the two before it's; its features are given after the text's shape,
 * in the order they always were (future_end). */
struct future {
    /* 1: "i"/"we", 2: "you", 3: anyone else, 4: none (the opening "will") */
    int who;
    bool done, is_neg, is_cond, you_after, letme;
    unsigned c1, c2; /* the classes of the word before and the one before it */
    char verb[32];   /* the verb after the future, as a 32-byte buffer keeps it */
    gsize nverb;
};

/* Word I, of classes C and text W (N bytes, as words() keeps it), which
 * begins at AT in the text. */
static void future_word(struct future *F, guint i, unsigned c, const char *w, gsize n,
                        const char *at)
{
    if (c & WC_COND)
        F->is_cond = true;
    if (c & WC_NEG)
        F->is_neg = true;
    if (F->who && F->done && (c & WC_SUBJ2))
        F->you_after = true;
    if (F->who && !F->done) {
        /* the verb after the future: "i'll send", "we will not send" */
        if (!(c & (WC_NEG | WC_ADV))) {
            if (n + 1 < sizeof F->verb) {
                memcpy(F->verb, w, n);
                F->nverb = n;
            } else {
                /* a long word: what a buffer of 32 keeps of it */
                F->nverb = next_word(&at, F->verb, sizeof F->verb);
            }
            F->done = true;
        }
    } else if (!F->who) {
        if ((c & WC_FUT1) || ((c & WC_WONT) && (F->c1 & WC_SUBJ1)))
            F->who = 1;
        else if (i && (c & WC_AUX))
            F->who = (F->c1 & WC_SUBJ1) ? 1 : (F->c1 & WC_SUBJ2) ? 2 : 3;
        else if (c & WC_YOULL)
            F->who = 2;
        else if (i == 0 && (c & WC_WILL))
            F->who = 4;
        else if ((c & WC_TO) && (F->c1 & WC_GOING) &&
                 (F->c2 & (WC_SUBJ1 | WC_AM | WC_IM | WC_WERE)))
            F->who = 1;
        else if ((F->c1 & WC_LET) && (c & WC_ME) && i == 1)
            F->letme = true;
        if (F->who && (c & WC_WONT))
            F->is_neg = true;
    }
    F->c2 = F->c1;
    F->c1 = c;
}

static void future_end(struct emit *e, const struct future *F, const char *text)
{
    static const char *const pre[] = {"", "f:v1_", "f:v2_", "f:v3_", "f:v0_"};
    static const char *const base[] = {"", "f:fut1", "f:fut2", "f:fut3", "f:fut0"};
    const char *b = base[F->who], *end = text + strlen(text);

    if (F->done)
        feat2(e, pre[F->who], F->verb, F->nverb, NULL, 0);
    if (F->letme)
        feat(e, "f:let_me");
    if (!F->who)
        return;
    while (end > text && g_ascii_isspace(end[-1]))
        end--;
    feat(e, b);
    if (F->is_neg)
        feat2(e, b, "_neg", 4, NULL, 0);
    if (F->is_cond)
        feat2(e, b, "_cond", 5, NULL, 0);
    if (end > text && end[-1] == '?')
        feat2(e, b, "_q", 2, NULL, 0);
    if (F->you_after)
        feat2(e, b, "_you", 4, NULL, 0);
}

/* The writer's own need or wish, and a question put to the reader
 * (LU_SM_FEAT_NEED).  "I need to see the figures", "we would like you to
 * review it", "I'd like your comments" state what the reader is to give:
 * an implied ask, which the rubric calls a request, though nothing in it
 * asks; "Have you read the guide?" followed by the writer's own answer asks
 * nothing.  Features, not a rule: the subject ("i" or "we"), the verb of
 * wanting and what follows it (a "to" and its verb, the reader), and for a
 * question to the reader its opening word, its place and whether the
 * writer goes on with a statement; the labelled data weighs them. */
struct need {
    int cand;       /* the subject just read: 1 "i", 2 "we", 0 none */
    int gap;        /* words read between it and a verb of wanting */
    bool would;     /* "would" or "i'd" before the verb */
    bool neg;       /* "not", "don't" before it */
    int who;        /* the need found: 1 "i", 2 "we", 0 none */
    guint at;       /* its verb's word */
    guint to;       /* the word after its "to" (0: none yet) */
    bool you_after; /* a word of the reader after the verb */
    bool you;       /* a word of the reader anywhere */
    char verb[32];  /* the verb after the "to", as 32 bytes keep it */
    gsize nverb;
    char first[32]; /* the opening word */
    gsize nfirst;
};

/* Word I, of classes C and text W (N bytes; AT where it begins). */
static void need_word(struct need *N, guint i, unsigned c, const char *w, gsize n, const char *at)
{
    if (c & WC_SECOND)
        N->you = true;
    if (i == 0)
        N->nfirst = n < sizeof N->first ? (memcpy(N->first, w, n), n)
                                        : next_word(&at, N->first, sizeof N->first);
    if (N->who) {
        /* "i need to see", "i need you to see": the first "to" within two
         * words of the verb, and the verb after it */
        if (c & WC_SECOND)
            N->you_after = true;
        if (N->to && i == N->to && !N->nverb)
            N->nverb = n < sizeof N->verb ? (memcpy(N->verb, w, n), n)
                                          : next_word(&at, N->verb, sizeof N->verb);
        else if (!N->to && (c & WC_TO) && i <= N->at + 2)
            N->to = i + 1;
        return;
    }
    if ((c & WC_SUBJ1) || ((c & WC_FUT1) && w[n - 1] == 'd')) {
        /* "i", "we", "i'd", "we'd" */
        N->cand = (c & WC_FIRST) ? 1 : 2;
        N->gap = 0;
        N->would = !(c & WC_SUBJ1);
        N->neg = false;
    } else if (N->cand && ((c & WC_NEED) || ((c & WC_LIKE) && N->would))) {
        N->who = N->cand;
        N->at = i;
    } else if (N->cand && N->gap < 2 && (c & (WC_GAP | WC_ADV | WC_NEG))) {
        N->gap++;
        N->would |= (c & WC_WOULD) != 0;
        N->neg |= (c & WC_NEG) != 0;
    } else {
        N->cand = 0;
    }
}

/* Whether TEXT ends with a question mark (trailing space aside). */
static bool ends_question(const char *text)
{
    const char *end = text + strlen(text);

    while (end > text && g_ascii_isspace(end[-1]))
        end--;
    return end > text && end[-1] == '?';
}

static void need_end(struct emit *e, const struct need *N, const char *text,
                     const struct lu_feat_ctx *ctx)
{
    bool q = ends_question(text);

    if (N->who) {
        const char *b = N->who == 1 ? "w:need1" : "w:need2";
        feat(e, b);
        if (N->would)
            feat2(e, b, "_would", 6, NULL, 0);
        if (N->neg)
            feat2(e, b, "_neg", 4, NULL, 0);
        if (N->to)
            feat2(e, b, "_to", 3, NULL, 0);
        if (N->you_after)
            feat2(e, b, "_you", 4, NULL, 0);
        if (q)
            feat2(e, b, "_q", 2, NULL, 0);
        if (N->nverb)
            feat2(e, "w:need_v_", N->verb, N->nverb, NULL, 0);
    }
    if (q && N->you) {
        /* a question to the reader: "have you ...", "could you ..."; a
         * statement after it may be the writer's own answer */
        feat(e, "y:q");
        if (N->nfirst)
            feat2(e, "y:q_", N->first, N->nfirst, NULL, 0);
        if (ctx->next)
            feat(e, ends_question(ctx->next) ? "y:q_next_q" : "y:q_next_stmt");
        if (ctx->first)
            feat(e, "y:q_first");
        if (ctx->last)
            feat(e, "y:q_last");
    }
}

/* Words, pairs, character grams and persons of TEXT, and the future's
 * reading of them into F, the need's into N (NULL: not read).  Returns the
 * number of words. */
static guint words(struct emit *e, const char *text, struct future *F, struct need *N)
{
    char a[64], b[64], *cur = a, *prev = b;
    gsize n, np = 0;
    guint i = 0;
    unsigned pc = 0;
    const char *p = text, *at = text;

    while ((n = next_word(&p, cur, sizeof a)) > 0) {
        unsigned c = word_class(cur, n);
        feat2(e, "u:", cur, n, NULL, 0);
        if (i)
            feat2(e, "b:", prev, np, cur, n);
        else
            feat2(e, "b:<s>", "", 0, cur, n);
        char_grams(e, cur, n);
        person(e, c, i, pc);
        future_word(F, i, c, cur, n, at);
        if (N)
            need_word(N, i, c, cur, n, at);
        {
            char *t = prev;
            prev = cur;
            cur = t;
            np = n;
        }
        pc = c;
        at = p;
        i++;
    }
    if (i)
        feat2(e, "b:", prev, np, "</s>", 4);
    return i;
}

static const char *const rule_label[] = {"request", "proposal", "commitment", "agreement",
                                         "decline", "closing",  "announce"};

/* The context: place in the text, the rules' cues and labels, the previous
 * and the next sentence. */
static void context(struct emit *e, const struct lu_feat_ctx *ctx)
{
    if (ctx->first)
        feat(e, "x:first");
    if (ctx->last)
        feat(e, "x:last");
    for (int k = 0; k < ctx->n_cues; k++)
        feat2(e, "c:", ctx->cues[k], strlen(ctx->cues[k]), NULL, 0);
    for (int k = 0; k < ctx->n_prev; k++)
        feat2(e, "v:", ctx->prev_cues[k], strlen(ctx->prev_cues[k]), NULL, 0);
    if (ctx->prev_question)
        feat(e, "v:question");
    for (gsize k = 0; k < G_N_ELEMENTS(rule_label); k++)
        if (ctx->rule_labels & (1u << k))
            feat2(e, "r:", rule_label[k], strlen(rule_label[k]), NULL, 0);
    if (!ctx->rule_labels)
        feat(e, "r:none");
    if (ctx->rule_reply)
        feat(e, "r:reply");
    {
        /* the rules' vote, in whole log-odds from -4 to 4 */
        int z = (int)CLAMP(ctx->vote, -4.0, 4.0);
        /* "%d" of -4..4 by hand: g_snprintf was 0.4% of a worker's
         * instructions in the first full scan (issue 14) */
        char v[16] = {z < 0 ? '-' : (char)('0' + z), z < 0 ? (char)('0' - z) : '\0', '\0'};
        if (z < -4 || z > 4) /* a vote of NaN: whatever the cast gave */
            g_snprintf(v, sizeof v, "%d", z);
        feat2(e, "r:z", v, strlen(v), NULL, 0);
    }
    if (ctx->next) {
        /* a question followed by its answer ("Why? Because...") */
        char w[64];
        const char *p = ctx->next, *end = p + strlen(p);
        gsize n = next_word(&p, w, sizeof w);
        while (end > ctx->next && g_ascii_isspace(end[-1]))
            end--;
        if (n)
            feat2(e, "n:", w, n, NULL, 0);
        if (end > ctx->next && end[-1] == '?')
            feat(e, "n:question");
    } else if (!ctx->last) {
        feat(e, "n:none");
    }
}

static void walk(struct emit *e, const char *text, const struct lu_feat_ctx *ctx)
{
    static const guint len_bucket[] = {1, 3, 7, 15, 30};
    struct future F = {0};
    struct need N = {0};
    /* the families the model was trained with; never for bulk.c (no ctx) */
    bool need = ctx && (lu_sm_features & LU_SM_FEAT_NEED);
    guint nw = words(e, text, &F, need ? &N : NULL), lb = 0;
    char l[2];

    while (lb < G_N_ELEMENTS(len_bucket) && nw > len_bucket[lb])
        lb++;
    l[0] = (char)('0' + lb); /* 0..5: "%u" by hand (g_snprintf, see context) */
    l[1] = '\0';
    feat2(e, "l:", l, 1, NULL, 0);
    shape(e, text);
    future_end(e, &F, text);
    if (ctx)
        context(e, ctx);
    if (need)
        need_end(e, &N, text, ctx);
}

GPtrArray *lu_features(const char *text, const struct lu_feat_ctx *ctx)
{
    struct emit e = {.names = g_ptr_array_new_with_free_func(g_free),
                     .seen = g_hash_table_new(g_str_hash, g_str_equal)};

    walk(&e, text, ctx);
    g_hash_table_destroy(e.seen);
    return e.names;
}

void lu_feature_hashes(const char *text, const struct lu_feat_ctx *ctx, GArray *out)
{
    /* each thread's own, empty between calls (seen_drain empties it) */
    static __thread struct seen_bits b;
    struct emit e = {.h = &b};

    walk(&e, text, ctx);
    seen_drain(&b, out);
}

/* ------------------------------------------------------------ the model */

/* helper/sentence-model.c, generated by scripts/train-intent --write: per
 * label it decides, a bias and the weights sorted by bucket.  A label the
 * model did not win in cross-validation has no entry: the rules decide it.
 * A model trained with SM_INTER also has a second weight per bucket,
 * keyed bucket | INTER (so sorted after the first ones), read only where
 * the rules gave the label: the rules' label times every feature, so the
 * model learns which of the rules' labels to take away apart from which
 * sentences to give it (doc/benchmarks-log.md, "Twenty-first attempt"). */
#define INTER LU_FEAT_BUCKETS
struct lu_sm_weight {
    guint32 bucket;
    float w;
};
struct lu_sm_model {
    unsigned label; /* one LU_L_* bit */
    double bias;
    double rule; /* added when the rules gave the label */
    const struct lu_sm_weight *w;
    int n;
    int replace; /* it decides the label (the rules' a feature), or only adds it */
};
extern const struct lu_sm_model lu_sm_models[];
extern const int lu_sm_n_models;

/* One dense table per model, by its bit: the labels' and the reply
 * model's (LU_SM_REPLY, the highest).  A score is a sum of lookups.  A
 * model with second weights has a table twice the size, indexed by the
 * key itself (bucket or bucket | INTER). */
#define N_DENSE 8
G_STATIC_ASSERT(LU_N_LABELS < N_DENSE && LU_SM_REPLY == 1u << (N_DENSE - 1));
static float *dense[N_DENSE];

/* Whether M has second weights (its last, being sorted, is one). */
static bool has_inter(const struct lu_sm_model *m)
{
    return m->n > 0 && m->w[m->n - 1].bucket >= INTER;
}

static gpointer dense_once(gpointer unused)
{
    (void)unused;
    for (int m = 0; m < lu_sm_n_models; m++) {
        int b = g_bit_nth_lsf(lu_sm_models[m].label, -1);
        if (b < 0 || b >= N_DENSE)
            continue;
        dense[b] = g_new0(float, has_inter(&lu_sm_models[m]) ? 2 * INTER : INTER);
        for (int i = 0; i < lu_sm_models[m].n; i++)
            dense[b][lu_sm_models[m].w[i].bucket & (2 * INTER - 1)] = lu_sm_models[m].w[i].w;
    }
    return NULL;
}

static void ensure_dense(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, dense_once, NULL);
}

/* The sentences scored before the dense tables are built.  Building them
 * writes 256 KB a model (some 100,000 weights, fresh pages): 2 ms of a
 * key's 30, which scores a few dozen sentences; a scan scores thousands. */
#define DENSE_AFTER 512

/* M's weights by key: the dense table once this process has scored
 * DENSE_AFTER sentences, else a binary search of M's sorted weights (the
 * same value: each key has one weight). */
static const float *dense_of(const struct lu_sm_model *m)
{
    static gint scored;

    if (g_atomic_int_add(&scored, 1) < DENSE_AFTER)
        return NULL;
    ensure_dense();
    return dense[g_bit_nth_lsf(m->label, -1)];
}

/* M's weight of KEY (a bucket, or a bucket | INTER where M has_inter). */
static float weight_of(const struct lu_sm_model *m, const float *d, guint32 bucket)
{
    int lo = 0, hi = m->n;

    if (d)
        return d[bucket & (2 * INTER - 1)];
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (m->w[mid].bucket < bucket)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->w[lo].bucket == bucket ? m->w[lo].w : 0.0f;
}

static const struct lu_sm_model *model_of(unsigned label)
{
    for (int m = 0; m < lu_sm_n_models; m++)
        if (lu_sm_models[m].label == label)
            return &lu_sm_models[m];
    return NULL;
}

unsigned lu_sentence_model_labels(void)
{
    unsigned l = 0;
    for (int m = 0; m < lu_sm_n_models; m++)
        l |= lu_sm_models[m].label;
    return l;
}

bool lu_sentence_model_replaces(unsigned label)
{
    const struct lu_sm_model *m = model_of(label);
    return m && m->replace;
}

double lu_sentence_label_score(unsigned label, const GArray *h, bool rules_gave)
{
    const struct lu_sm_model *m = model_of(label);
    const float *d;
    double z;

    if (!m)
        return 0.0;
    d = dense_of(m);
    z = 0;
    for (guint i = 0; i < h->len; i++)
        z += weight_of(m, d, g_array_index(h, guint32, i));
    /* the second weights summed apart and then added, as train-intent's
     * lin sums them: the same double to the last bit (t264) */
    if (rules_gave && has_inter(m)) {
        double zi = 0;
        for (guint i = 0; i < h->len; i++)
            zi += weight_of(m, d, g_array_index(h, guint32, i) | INTER);
        z += zi;
    }
    /* scaled by the number of features: a long sentence's many features
     * do not swamp the rules' verdict (scripts/train-intent's lin) */
    if (h->len)
        z /= sqrt((double)h->len);
    return m->bias + (rules_gave ? m->rule : 0.0) + z;
}

/* The three features of most weight for M's label (or against it: not
 * POSITIVE), in the order lu_features gives them, a tie to the first; a
 * name is only written for a feature that enters them (the names of every
 * feature, kept in a hash table, cost 2% of a first full scan for a
 * reason given to one sentence in a hundred; issue 14). */
struct top3 {
    const struct lu_sm_model *m;
    const float *d;
    bool positive;
    bool inter; /* the rules gave the label: a feature's second weight counts too */
    char *best[3];
    double top[3];
};

static void top_offer(struct top3 *t, guint32 bucket, const char *prefix, const char *a, gsize na,
                      const char *b, gsize nb)
{
    double c = weight_of(t->m, t->d, bucket);
    char *name;

    if (t->inter)
        c += weight_of(t->m, t->d, bucket | INTER);
    if (!t->positive)
        c = -c;
    /* what does not enter is no name, and a name given before (the same
     * weight) entered then or never can */
    if (!(c > t->top[2]))
        return;
    name = b ? g_strdup_printf("%s%.*s_%.*s", prefix, (int)na, a, (int)nb, b)
             : g_strdup_printf("%s%.*s", prefix, (int)na, a);
    for (int k = 0; k < 3; k++)
        if (t->best[k] && strcmp(t->best[k], name) == 0) {
            g_free(name);
            return;
        }
    for (int k = 0; k < 3; k++)
        if (c > t->top[k]) {
            g_free(t->best[2]);
            memmove(t->best + k + 1, t->best + k, (size_t)(2 - k) * sizeof t->best[0]);
            memmove(t->top + k + 1, t->top + k, (size_t)(2 - k) * sizeof t->top[0]);
            t->best[k] = name;
            t->top[k] = c;
            return;
        }
}

char *lu_sentence_label_why(unsigned label, const char *text, const struct lu_feat_ctx *ctx,
                            bool positive)
{
    struct top3 t = {.m = model_of(label), .positive = positive};
    struct emit e = {.top = &t};
    GString *s = g_string_new(NULL);

    if (!t.m)
        return g_string_free(s, FALSE);
    t.d = dense_of(t.m);
    t.inter = ctx && (ctx->rule_labels & label) && has_inter(t.m);
    walk(&e, text, ctx);
    for (int k = 0; k < 3 && t.best[k]; k++)
        g_string_append_printf(s, "%s\"%s\"", k ? ", " : "", t.best[k]);
    LU_FREE_EACH(g_free, t.best[0], t.best[1], t.best[2]);
    return g_string_free(s, FALSE);
}
