/* cue.c - the phrase cue notation of every language pack, and the words it
 * is matched on.  classify.c's grammar and the packs' cues, lint's chasing
 * phrases and its words of thanks are all written in it (DEVELOPERS.md "The
 * cue notation"; leadup.h has the elements).
 *
 * A text is cut into tokens once (lu_cue_tokenise): words lower-cased and
 * folded ("dont" -> "don't"), each with its classes from the English
 * grammar's lexicon and an id shared with the patterns' words, and every
 * punctuation character a token of its own.  A pattern is a row of elements
 * matched token by token from a position, depth first (lu_cue_at), so a
 * pattern costs a few integer compares per token tried.
 *
 * Every pack's pattern is compiled when leadup is built: helper/gen/cue-gen
 * runs this file's compiler (built with LU_CUE_NO_TABLE) and writes the
 * patterns and the word table they name as C data, helper/cue-table.h,
 * which leadup holds compiled in.  Compiling them at every start was a
 * quarter of the instructions of a `why` or `draft` (issue 14).  The word
 * table is only read after that, so tokenising is safe on several threads.

 * Nothing here prints or reads files. */
#include "leadup.h"

#include <string.h>

/* ------------------------------------------------------------ words */

/* The grammar (lexicon and folds) is the English pack's, the language
 * classify's vote was fitted on; other packs' words get ids as their
 * patterns name them. */
static const struct lu_lang_pack *grammar_pack;

struct lex {
    const char *w;
    unsigned cls;
    int id;     /* > 0 */
    bool known; /* in the lexicon, the folds or classify's patterns */
};

/* A pack's pattern by its text, in the table. */
struct table_pat {
    const char *src;
    const struct lu_cue_pat *P;
};

/* The packs' words and patterns, compiled at build time: open addressing,
 * a slot holding an index + 1 (0: empty), at word_hash & MASK on. */
struct table {
    const struct lex *words; /* the word of id I at I - 1 */
    int nwords;
    const int *word_slot;
    guint word_mask;
    const struct table_pat *pats;
    int npats;
    const int *pat_slot;
    guint pat_mask;
};

guint lu_cue_compiles;

/* djb2, as the table was laid out with. */
static guint word_hash(const char *s)
{
    guint h = 5381;

    for (; *s; s++)
        h = h * 33 + (guchar)*s;
    return h;
}

static GHashTable *lex_table; /* char* -> struct lex*: words no table holds */
static int lex_next_id = 1;

static const struct lex *lex_find(const char *w);

/* ------------------------------------------------------------ tokens */

/* ASCII is told without GLib's Unicode tables (the same answers: GLib's
 * ASCII classes agree with its Unicode ones below 0x80), for most of a
 * text's characters. */
static bool is_word_char(gunichar c)
{
    if (c < 0x80)
        return g_ascii_isalnum(c) || c == '$' || c == '@' || c == '#';
    return g_unichar_isalnum(c);
}

static bool is_space(gunichar c)
{
    return c < 0x80 ? g_ascii_isspace(c) : g_unichar_isspace(c);
}

/* The character at P: ASCII without a call into GLib. */
static inline gunichar char_at(const char *p)
{
    return (guchar)*p < 0x80 ? (guchar)*p : g_utf8_get_char(p);
}

static bool is_joiner(gunichar c)
{
    return c == '\'' || c == 0x2019 || c == '.' || c == '-' || c == '@' || c == '&' || c == '_' ||
           c == ':' || c == '%';
}

/* Whether the '?' at P, inside the word that began at B, stands for an
 * apostrophe the mail's charset lost ("I?ll", "don?t", "R?s"): a letter
 * before it and a contraction's ending after it, then no more of the word.
 * It is no question mark, and the cues read it as the apostrophe. */
static bool lost_apostrophe(const char *b, const char *p)
{
    static const char *const ends[] = {"t", "s", "m", "d", "ll", "re", "ve"};

    if (*p != '?' || p == b || !g_ascii_isalpha(p[-1]))
        return false;
    for (gsize i = 0; i < G_N_ELEMENTS(ends); i++) {
        gsize n = strlen(ends[i]);
        if (g_ascii_strncasecmp(p + 1, ends[i], n) == 0 && !g_ascii_isalnum(p[1 + n]) &&
            p[1 + n] != '?')
            return true;
    }
    return false;
}

/* "10am", "9:30", "2pm", "14.00" */
static bool looks_time(const char *w)
{
    const char *p = w;
    int digits = 0;

    while (g_ascii_isdigit(*p)) {
        p++;
        digits++;
    }
    if (digits == 0 || digits > 2)
        return false;
    if ((*p == ':' || *p == '.') && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]))
        p += 3;
    return strcmp(p, "am") == 0 || strcmp(p, "pm") == 0 || strcmp(p, "a.m") == 0 ||
           strcmp(p, "p.m") == 0 || (p > w + digits && *p == '\0' && w[digits] == ':');
}

/* "10/31", "7/24/00", "31st", "6th" */
static bool looks_date(const char *w)
{
    const char *p = w;
    int d = 0;

    while (g_ascii_isdigit(*p))
        p++, d++;
    if (d >= 1 && d <= 2 &&
        (strcmp(p, "st") == 0 || strcmp(p, "nd") == 0 || strcmp(p, "rd") == 0 ||
         strcmp(p, "th") == 0))
        return true;
    if (d < 1 || d > 2 || *p != '/' || strcmp(w, "24/7") == 0)
        return false;
    p++;
    d = 0;
    while (g_ascii_isdigit(*p))
        p++, d++;
    return d >= 1 && d <= 2 && (*p == '\0' || *p == '/');
}

static bool looks_past_ed(const char *w, gsize len)
{
    static const char *const not_past[] = {
        "need",    "feed",   "seed",    "speed",  "bed",   "red",   "shed", "breed",
        "proceed", "exceed", "succeed", "indeed", "embed", "bleed", "weed", "hundred",
        "shred",   "wed",    "ted",     "fred",   "ned",   "greed", NULL};
    if (len < 4 || w[len - 2] != 'e' || w[len - 1] != 'd')
        return false;
    for (const char *const *p = not_past; *p; p++)
        if (strcmp(*p, w) == 0)
            return false;
    return true;
}

/* The classes a word's spelling gives it: times, dates, numbers, "-ed"
 * pasts, addresses of the web.  LOW is N bytes. */
static unsigned spelling_classes(const char *low, gsize n, unsigned cls)
{
    if (g_ascii_isdigit(low[0]))
        cls |= looks_time(low) ? LU_W_TIME | LU_W_FUT : looks_date(low) ? LU_W_FUT : LU_W_NUM;
    if (!(cls & LU_W_PAST) && looks_past_ed(low, n))
        cls |= LU_W_PAST;
    /* the prefixes and suffixes compared in place, no strncmp or
     * g_str_has_suffix a word (issue 14) */
    if ((n >= 4 && (memcmp(low, "http", 4) == 0 || memcmp(low, "www.", 4) == 0)) ||
        (n > 4 && (memcmp(low + n - 4, ".com", 4) == 0 || memcmp(low + n - 4, ".org", 4) == 0)))
        cls |= LU_W_PROMO;
    return cls;
}

/* The grammar's folds by a word's first byte: a bit for each fold whose
 * word starts with it, so a word tries only those (in the folds' order)
 * and compares its length first (issue 14: every fold was tried on every
 * word).  Set once by init_once. */
static guint64 folds_of_byte[256];
static gsize fold_len[64];

static void index_folds(void)
{
    const char *const(*folds)[2] = grammar_pack->folds;

    for (gsize i = 0; folds[i][0]; i++) {
        g_assert(i < G_N_ELEMENTS(fold_len));
        folds_of_byte[(guchar)folds[i][0][0]] |= G_GUINT64_CONSTANT(1) << i;
        fold_len[i] = strlen(folds[i][0]);
    }
}

/* The fold of LOW (N bytes), or NULL. */
static const char *fold_of(const char *low, gsize n)
{
    for (guint64 m = folds_of_byte[(guchar)low[0]]; m; m &= m - 1) {
        guint i = (guint)__builtin_ctzll(m);
        if (fold_len[i] == n && memcmp(low, grammar_pack->folds[i][0], n) == 0)
            return grammar_pack->folds[i][1];
    }
    return NULL;
}

/* A work verb done again ("resubmit", "re-upload", "rerun"), which the
 * lexicon does not list: "re" or "re-" and a verb of the imperative class
 * gives that class, so that "I will resubmit it" promises as "I will submit
 * it" does and "Please re-upload" asks (issue 10: such promises were read as
 * nothing).  LOW is N bytes. */
static unsigned redone_verb(const char *low, gsize n)
{
    gsize k = n > 3 && low[2] == '-' ? 3 : 2;
    const struct lex *l;

    if (n < k + 2 || low[0] != 'r' || low[1] != 'e')
        return 0;
    l = lex_find(low + k);
    return l && (l->cls & LU_W_IMPV) ? LU_W_IMPV : 0;
}

static void add_token(struct lu_cue_text *T, const char *b, const char *e, bool punct, bool line)
{
    struct lu_cue_tok t = {0};
    gsize at = T->lowbuf->len, n;
    char *low;
    const char *fold;
    const struct lex *l;

    t.off = b - T->text;
    t.len = e - b;
    t.line = line;
    for (const char *p = b; p < e; p = g_utf8_next_char(p)) {
        gunichar c = char_at(p);
        if (c < 0x80) {
            /* a '?' inside a word is a lost apostrophe (word_end) */
            if (c == '?' && !punct)
                c = '\'';
            g_string_append_c(T->lowbuf, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            continue;
        }
        if (c == 0x2019)
            c = '\'';
        g_string_append_unichar(T->lowbuf, g_unichar_tolower(c));
    }
    n = T->lowbuf->len - at;
    g_string_append_c(T->lowbuf, '\0');
    low = T->lowbuf->str + at;
    if ((fold = fold_of(low, n))) {
        g_string_truncate(T->lowbuf, at);
        g_string_append(T->lowbuf, fold);
        n = T->lowbuf->len - at;
        g_string_append_c(T->lowbuf, '\0');
        low = T->lowbuf->str + at;
    }
    t.low = (const char *)(gintptr)at; /* an offset until the buffer stops growing */
    l = lex_find(low);
    if (l) {
        t.cls = l->cls;
        t.id = l->id;
        t.known = l->known;
    } else if (!punct) {
        t.cls = redone_verb(low, n);
    }
    if (punct) {
        t.cls |= LU_W_PUNCT;
    } else {
        int upper = 0, letters = 0;

        t.cls = spelling_classes(low, n, t.cls);
        t.cap = (guchar)*b < 0x80 ? g_ascii_isupper(*b) : g_unichar_isupper(g_utf8_get_char(b));
        for (const char *p = b; p < e; p++)
            if (g_ascii_isalpha(*p)) {
                letters++;
                upper += g_ascii_isupper(*p) ? 1 : 0;
            }
        t.allcaps = letters >= 3 && upper == letters;
    }
    g_array_append_val(T->toks, t);
}

/* The end of the word B that goes on at P.  In a text read by lines (mail
 * as written, not a sentence the splitter cut) a '.' before a capital
 * ends a word: "tested.THANKS" is two. */
static const char *word_end(const char *b, const char *p, bool by_line)
{
    for (;;) {
        gunichar d = char_at(p);
        if (*p && is_word_char(d)) {
            p = g_utf8_next_char(p);
            continue;
        }
        if (lost_apostrophe(b, p)) {
            p++;
            continue;
        }
        /* '/' joins dates and paths ("7/24/00", "a/b.html"), not words
         * ("party/happy hour") */
        if (*p && d == '/' &&
            (g_ascii_isdigit(p[-1]) || g_ascii_strncasecmp(b, "http", 4) == 0 ||
             g_ascii_strncasecmp(b, "www.", 4) == 0) &&
            p[1] && !g_ascii_isspace(p[1])) {
            p++;
            continue;
        }
        if (*p && is_joiner(d)) {
            const char *q = g_utf8_next_char(p);
            if (by_line && d == '.' && g_unichar_isupper(char_at(q)))
                return p;
            if (*q && is_word_char(char_at(q))) {
                p = q;
                continue;
            }
            if (d == '%')
                p = q;
        }
        return p;
    }
}

/* Where "=" and "$" hold in a text read by lines: LEAD, no word before the
 * token on its line; TAIL, no word from it to its line's end. */
static void mark_lines(struct lu_cue_text *T)
{
    bool word = false;

    for (int i = 0; i < T->n; i++) {
        word = word && !T->t[i].line;
        T->t[i].lead = !word;
        word = word || !(T->t[i].cls & LU_W_PUNCT);
    }
    word = false;
    for (int i = T->n - 1; i >= 0; i--) {
        word = word || !(T->t[i].cls & LU_W_PUNCT);
        T->t[i].tail = !word;
        if (T->t[i].line)
            word = false;
    }
}

/* What may_match asks of T: every class its tokens have, and which word
 * ids they are (a bit each), once. */
static void text_summary(struct lu_cue_text *T)
{
    int max = 0;
    gsize need;

    T->cls_any = 0;
    for (int i = 0; i < T->n; i++) {
        T->cls_any |= T->t[i].cls;
        max = MAX(max, T->t[i].id);
    }
    T->id_max = max;
    need = (gsize)max / 8 + 1;
    if (need > T->id_cap) {
        g_free(T->id_bits);
        T->id_bits = g_malloc(need);
        T->id_cap = need;
    }
    memset(T->id_bits, 0, need);
    for (int i = 0; i < T->n; i++)
        T->id_bits[T->t[i].id / 8] |= (guint8)(1u << (T->t[i].id % 8));
}

void lu_cue_tokenise(struct lu_cue_text *T, const char *text, bool by_line)
{
    memset(T, 0, sizeof *T);
    lu_cue_retokenise(T, text, by_line);
}

void lu_cue_retokenise(struct lu_cue_text *T, const char *text, bool by_line)
{
    const char *p = text;
    bool line = true;
    struct lu_cue_text kept = *T;

    lu_cue_init();
    memset(T, 0, sizeof *T);
    T->text = text;
    T->by_line = by_line;
    /* room for a token in three bytes (a sentence has one in five): the
     * array seldom grows (growing it was a sixth of the tokeniser) */
    if (kept.toks) {
        T->toks = kept.toks;
        T->lowbuf = kept.lowbuf;
        T->id_bits = kept.id_bits;
        T->id_cap = kept.id_cap;
        g_array_set_size(T->toks, 0);
        g_string_truncate(T->lowbuf, 0);
    } else {
        gsize len = strlen(text);
        T->toks = g_array_sized_new(FALSE, TRUE, sizeof(struct lu_cue_tok), len / 3 + 8);
        T->lowbuf = g_string_sized_new(len * 2 + 16);
    }
    while (*p) {
        gunichar c = char_at(p);
        const char *b = p;

        if (is_space(c)) {
            line = line || c == '\n';
            p = g_utf8_next_char(p);
            continue;
        }
        p = is_word_char(c) ? word_end(b, g_utf8_next_char(p), by_line) : g_utf8_next_char(p);
        add_token(T, b, p, !is_word_char(c), line);
        line = false;
    }
    T->n = T->toks->len;
    T->t = (struct lu_cue_tok *)(void *)T->toks->data;
    T->first_word = T->n;
    T->last_word = -1;
    for (int i = 0; i < T->n; i++) {
        T->t[i].low = T->lowbuf->str + (gintptr)T->t[i].low;
        if (!(T->t[i].cls & LU_W_PUNCT)) {
            T->first_word = MIN(T->first_word, i);
            T->last_word = i;
        }
    }
    if (by_line)
        mark_lines(T);
    text_summary(T);
}

void lu_cue_text_clear(struct lu_cue_text *T)
{
    g_free(T->id_bits);
    if (T->toks)
        g_array_unref(T->toks);
    if (T->lowbuf)
        g_string_free(T->lowbuf, TRUE);
    memset(T, 0, sizeof *T);
}

static bool tok_is(const struct lu_cue_text *T, int i, const char *w)
{
    lu_text_steps++;
    return i >= 0 && i < T->n && strcmp(T->t[i].low, w) == 0;
}

static bool tok_punct(const struct lu_cue_text *T, int i, const char *chars)
{
    lu_text_steps++;
    return i >= 0 && i < T->n && (T->t[i].cls & LU_W_PUNCT) && strchr(chars, T->t[i].low[0]);
}

bool lu_cue_clause_start(const struct lu_cue_text *T, int ti)
{
    return ti == T->start || (ti > T->start && tok_punct(T, ti - 1, ",;:-()\"")) ||
           (ti > T->start + 1 && tok_punct(T, ti - 2, ",;") &&
            (tok_is(T, ti - 1, "and") || tok_is(T, ti - 1, "but") || tok_is(T, ti - 1, "so") ||
             tok_is(T, ti - 1, "then"))) ||
           (ti > T->start && ti < T->n && tok_is(T, ti - 1, "and") &&
            (T->t[ti].cls & (LU_W_IMPV | LU_W_WEAKV)));
}

/* "=": only punctuation before TI (in its line, read by lines). */
static bool at_opening(const struct lu_cue_text *T, int ti)
{
    if (!T->by_line || ti == 0)
        return ti <= T->first_word;
    if (ti < T->n)
        return T->t[ti].lead;
    return T->t[ti - 1].lead && (T->t[ti - 1].cls & LU_W_PUNCT);
}

/* "$": only punctuation from TI on (in its line, read by lines). */
static bool at_end(const struct lu_cue_text *T, int ti)
{
    if (!T->by_line || ti >= T->n)
        return T->last_word < ti;
    return T->t[ti].tail || (ti > 0 && T->t[ti].line);
}

/* ------------------------------------------------------------ patterns */

enum pkind { K_TOK, K_START, K_ABS, K_CLAUSE, K_END, K_GAP, K_AHEAD, K_BEHIND };

/* One word of a several-word alternative: a word (ID), a class or a
 * prefix ("disturb*"; "*" is any word). */
struct word {
    int id;
    unsigned cls;
    char *pre;
};

#define SEQ_MAX 5
struct alt {
    int len;
    struct word w[SEQ_MAX];
};

struct pel {
    enum pkind kind;
    int *ids; /* one-word alternatives (word ids) */
    int nids;
    struct alt *alts; /* several-word and prefix alternatives, in order */
    int nalts;
    unsigned cls;           /* or any word of these classes */
    bool opt, neg;          /* x?, !x */
    bool lnot, end;         /* a look-around for what is not there; "$" among its alternatives */
    struct lu_cue_pat *sub; /* what a look-around looks for */
    /* Every match takes a token this element names by id or class (a
     * word element, neither optional nor negated, no prefix opening an
     * alternative): a text without one cannot match (may_match). */
    bool need;
};

#define PAT_MAX 16
/* Allocated with its N elements only: the packs hold some 500 patterns,
 * compiled at every start, and the room for PAT_MAX each was most of that
 * cost (fresh pages zeroed). */
struct lu_cue_pat {
    int n;
    struct pel el[];
};

#ifdef LU_CUE_NO_TABLE
static const struct table gen_table = {0};
#else
#include "cue-table.h"
#endif

static const struct lex *lex_find(const char *w)
{
    for (guint s = word_hash(w) & gen_table.word_mask; gen_table.nwords && gen_table.word_slot[s];
         s = (s + 1) & gen_table.word_mask) {
        const struct lex *l = &gen_table.words[gen_table.word_slot[s] - 1];
        if (strcmp(l->w, w) == 0)
            return l;
    }
    return lex_table ? g_hash_table_lookup(lex_table, w) : NULL;
}

/* W's id, a new one when no pattern named it yet; KNOWN and CLS join
 * what it has (the table's words are final: only lu_cue_compile meets
 * them, and names no word known). */
static int lex_intern(const char *w, bool known, unsigned cls)
{
    const struct lex *f = lex_find(w);
    struct lex *l;

    if (f && f->id <= gen_table.nwords)
        return f->id;
    l = (struct lex *)f;
    if (!l) {
        if (!lex_table)
            lex_table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        l = g_new0(struct lex, 1);
        l->w = g_strdup(w);
        l->id = lex_next_id++;
        g_hash_table_insert(lex_table, (gpointer)l->w, l);
    }
    l->known = l->known || known;
    l->cls |= cls;
    return l->id;
}

/* The classes a pattern may name ("@impv").  Not the classes of the opening
 * (greet, disc) nor func and gen, which hold most words. */
static const struct {
    const char *name;
    unsigned cls;
} class_names[] = {
    {"impv", LU_W_IMPV},   {"promov", LU_W_PROMOV}, {"past", LU_W_PAST},   {"fut", LU_W_FUT},
    {"pastt", LU_W_PASTT}, {"event", LU_W_EVENT},   {"promo", LU_W_PROMO}, {"modal", LU_W_MODAL},
    {"subj", LU_W_SUBJ},   {"wh", LU_W_WH},         {"talkv", LU_W_TALKV}, {"period", LU_W_PERIOD},
    {"time", LU_W_TIME},   {"num", LU_W_NUM},       {"aux", LU_W_AUX},     {"thank", LU_W_THANK},
    {"punct", LU_W_PUNCT}, {"group", LU_W_GROUP},
};

/* Compile state: the words split at spaces, where we are, why it failed. */
struct comp {
    char **el;
    int i;
    bool known;
    char *err;
};

static bool compile_word(struct comp *C, const char *s, struct word *w)
{
    gsize len = strlen(s);

    memset(w, 0, sizeof *w);
    if (s[0] == '@') {
        for (gsize c = 0; c < G_N_ELEMENTS(class_names); c++)
            if (strcmp(class_names[c].name, s + 1) == 0)
                w->cls = class_names[c].cls;
        if (!w->cls)
            C->err = g_strdup_printf("no word class '%s'", s);
        return w->cls != 0;
    }
    if (len > 0 && s[len - 1] == '*') {
        w->pre = g_strndup(s, len - 1);
        return true;
    }
    if (len == 0) {
        C->err = g_strdup("an empty word");
        return false;
    }
    w->id = lex_intern(s, C->known, 0);
    return true;
}

/* P cut to its first SIZE bytes (NULL when none). */
static void *shrink(void *p, gsize size)
{
    if (size)
        return g_realloc(p, size);
    g_free(p);
    return NULL;
}

/* S cut at each SEP in place into *OUT (NULL-terminated; caller frees
 * the array, not the strings), empty pieces kept as g_strsplit keeps them:
 * the packs' 500 patterns are compiled at every start, and a copy of each
 * piece was a third of that. */
static guint split_in_place(char *s, char sep, char ***out)
{
    guint n = 1, i = 0;

    for (const char *p = s; *p; p++)
        n += *p == sep;
    *out = g_new(char *, n + 1);
    (*out)[i++] = s;
    for (char *p = s; *p; p++)
        if (*p == sep) {
            *p = '\0';
            (*out)[i++] = p + 1;
        }
    (*out)[i] = NULL;
    return n;
}

/* One alternative ("b_c", "@cls", "pre*") into X; false with C->err set. */
static bool compile_alt(struct comp *C, char *a, struct alt *x)
{
    char *w[SEQ_MAX + 1];
    int n = 1;
    bool ret = true;

    memset(x, 0, sizeof *x);
    if (!a[0]) {
        C->err = g_strdup("an empty alternative");
        return false;
    }
    for (const char *p = a; *p; p++)
        n += *p == '_';
    if (n > SEQ_MAX) {
        C->err = g_strdup_printf("more than %d words in '%s'", SEQ_MAX, a);
        return false;
    }
    w[0] = a;
    for (int i = 1; i < n; i++) {
        w[i] = strchr(w[i - 1], '_');
        *w[i]++ = '\0';
    }
    for (; ret && x->len < n; x->len++)
        ret = compile_word(C, w[x->len], &x->w[x->len]);
    return ret;
}

/* Fills E's alternatives from S ("a|b_c|@cls|pre*"; cut in place). */
static bool compile_alts(struct comp *C, char *s, struct pel *e)
{
    char **alts;
    guint n = split_in_place(s, '|', &alts);
    bool ret = true;

    /* Room for every alternative, only what is used written and kept. */
    e->ids = g_new(int, n);
    e->alts = g_new(struct alt, n);
    for (guint a = 0; a < n && ret; a++) {
        struct alt x;

        if (strcmp(alts[a], "$") == 0 && e->kind == K_AHEAD)
            e->end = true;
        else if (!(ret = compile_alt(C, alts[a], &x)))
            ;
        else if (x.len == 1 && x.w[0].cls)
            e->cls |= x.w[0].cls;
        else if (x.len == 1 && x.w[0].id)
            e->ids[e->nids++] = x.w[0].id;
        else
            e->alts[e->nalts++] = x;
    }
    g_free(alts);
    e->ids = shrink(e->ids, e->nids * sizeof *e->ids);
    e->alts = shrink(e->alts, e->nalts * sizeof *e->alts);
    return ret;
}

static struct lu_cue_pat *compile_seq(struct comp *C, bool group);

/* The element at C->el[C->i] into E. */
static bool compile_el(struct comp *C, struct pel *e)
{
    static const struct {
        const char *s;
        enum pkind k;
    } marks[] = {{"^", K_START}, {"=", K_ABS}, {"<", K_CLAUSE}, {"$", K_END}, {"..", K_GAP}};
    char *s = C->el[C->i++];
    gsize len = strlen(s);

    memset(e, 0, sizeof *e);
    for (gsize m = 0; m < G_N_ELEMENTS(marks); m++)
        if (strcmp(s, marks[m].s) == 0) {
            e->kind = marks[m].k;
            return true;
        }
    if (len > 2 && (g_str_has_prefix(s, "!>") || g_str_has_prefix(s, "!<"))) {
        e->kind = s[1] == '>' ? K_AHEAD : K_BEHIND;
        e->lnot = true;
        s += 2;
    } else if (len > 1 && s[0] == '>') {
        e->kind = K_AHEAD;
        s += 1;
    }
    if (e->kind == K_AHEAD || e->kind == K_BEHIND) {
        if (strcmp(s, "(") == 0) {
            e->sub = compile_seq(C, true);
            return e->sub != NULL;
        }
        return compile_alts(C, s, e);
    }
    e->kind = K_TOK;
    if (len > 1 && s[len - 1] == '?') {
        e->opt = true;
        len--;
    }
    if (len > 1 && s[0] == '!') {
        e->neg = true;
        s++;
        len--;
    }
    s[len] = '\0'; /* C->el is compile's copy */
    return compile_alts(C, s, e);
}

/* Sets E->need: whether a match must take a token E names by id or class. */
static void need_of(struct pel *e)
{
    e->need = e->kind == K_TOK && !e->opt && !e->neg;
    for (int q = 0; q < e->nalts && e->need; q++)
        e->need = e->alts[q].w[0].id || e->alts[q].w[0].cls;
}

/* Elements up to the end, or up to ")" in a GROUP. */
static struct lu_cue_pat *compile_seq(struct comp *C, bool group)
{
    struct pel el[PAT_MAX];
    struct lu_cue_pat *P;
    bool closed = false;
    int n = 0;

    while (C->el[C->i] && !C->err && !closed) {
        if (!C->el[C->i][0]) {
            C->i++;
        } else if (group && strcmp(C->el[C->i], ")") == 0) {
            C->i++;
            closed = true;
        } else if (n == PAT_MAX) {
            C->err = g_strdup_printf("more than %d elements", PAT_MAX);
        } else if (compile_el(C, &el[n])) {
            need_of(&el[n++]);
        } else {
            n++; /* half compiled: freed with the rest */
        }
    }
    if (!C->err && group && !closed)
        C->err = g_strdup("a '(' without its ')'");
    if (!C->err && n == 0)
        C->err = g_strdup("no element");
    P = g_malloc(sizeof *P + n * sizeof *el);
    P->n = n;
    memcpy(P->el, el, n * sizeof *el);
    if (C->err) {
        lu_cue_free(P);
        P = NULL;
    }
    return P;
}

static struct lu_cue_pat *compile(const char *src, bool known, char **err)
{
    char *copy = g_strdup(src);
    struct comp C = {NULL, 0, known, NULL};
    struct lu_cue_pat *P;

    lu_cue_compiles++;
    split_in_place(copy, ' ', &C.el);
    P = compile_seq(&C, false);
    if (err)
        *err = C.err;
    else
        g_free(C.err);
    g_free(C.el);
    g_free(copy);
    return P;
}

struct lu_cue_pat *lu_cue_compile(const char *src, char **err)
{
    lu_cue_init();
    return compile(src, false, err);
}

void lu_cue_free(struct lu_cue_pat *P)
{
    if (!P)
        return;
    for (int i = 0; i < P->n; i++) {
        for (int a = 0; a < P->el[i].nalts; a++)
            for (int k = 0; k < P->el[i].alts[a].len; k++)
                g_free(P->el[i].alts[a].w[k].pre);
        g_free(P->el[i].ids);
        g_free(P->el[i].alts);
        lu_cue_free(P->el[i].sub);
    }
    g_free(P);
}

static bool alt_same(const struct alt *a, const struct alt *b)
{
    bool same = a->len == b->len;

    for (int k = 0; same && k < a->len; k++)
        same = a->w[k].id == b->w[k].id && a->w[k].cls == b->w[k].cls &&
               !a->w[k].pre == !b->w[k].pre && (!a->w[k].pre || !strcmp(a->w[k].pre, b->w[k].pre));
    return same;
}

bool lu_cue_same(const struct lu_cue_pat *a, const struct lu_cue_pat *b)
{
    bool same = a->n == b->n;

    for (int i = 0; same && i < a->n; i++) {
        const struct pel *x = &a->el[i], *y = &b->el[i];
        same = x->kind == y->kind && x->nids == y->nids && x->nalts == y->nalts &&
               x->cls == y->cls && x->opt == y->opt && x->neg == y->neg && x->lnot == y->lnot &&
               x->end == y->end && x->need == y->need && !x->sub == !y->sub &&
               (!x->sub || lu_cue_same(x->sub, y->sub));
        for (int k = 0; same && k < x->nids; k++)
            same = x->ids[k] == y->ids[k];
        for (int q = 0; same && q < x->nalts; q++)
            same = alt_same(&x->alts[q], &y->alts[q]);
    }
    return same;
}

/* ------------------------------------------------------------ matching */

/* What one try of a pattern needs: the text, and where a prefix cut the
 * match's last word ("disturb*" matches "disturbo" up to "disturb"). */
struct
try {
    const struct lu_cue_text *T;
    int cut_tok, cut_len; /* token, and its bytes in the match */
};

static inline bool tok_match(const struct pel *e, const struct lu_cue_tok *t)
{
    bool hit = (e->cls & t->cls) != 0;

    for (int i = 0; !hit && i < e->nids; i++)
        hit = t->id == e->ids[i];
    if (e->neg)
        return !hit && !(t->cls & LU_W_PUNCT);
    return hit;
}

static inline bool word_match(const struct word *w, const struct lu_cue_tok *t)
{
    if (w->id)
        return t->id == w->id;
    if (w->cls)
        return (t->cls & w->cls) != 0;
    return !(t->cls & LU_W_PUNCT) && g_str_has_prefix(t->low, w->pre);
}

/* Whether alternative A matches at TI (its K words there). */
static bool alt_match(const struct alt *a, const struct lu_cue_text *T, int ti)
{
    int k = 0;

    while (k < a->len && ti + k < T->n && word_match(&a->w[k], &T->t[ti + k]))
        k++;
    return k == a->len;
}

/* Whether any of E's several-word or prefix alternatives matches at TI. */
static bool alt_at(const struct pel *e, const struct lu_cue_text *T, int ti)
{
    for (int q = 0; q < e->nalts; q++)
        if (alt_match(&e->alts[q], T, ti))
            return true;
    return false;
}

/* The bytes of token T that prefix PRE covers (the same number of
 * characters: lower-casing may change a character's length). */
static int prefix_bytes(const struct lu_cue_text *T, const struct lu_cue_tok *t, const char *pre)
{
    const char *p = T->text + t->off, *end = p + t->len;

    for (glong n = g_utf8_strlen(pre, -1); n > 0 && p < end; n--)
        p = g_utf8_next_char(p);
    return (int)(MIN(p, end) - (T->text + t->off));
}

/* Notes a prefix that matched the token at TI when nothing after it was
 * taken: the match then ends where the prefix does. */
static void note_cut(struct try *R, const struct alt *a, int ti, int end)
{
    const struct word *last = &a->w[a->len - 1];

    if (last->pre && end == ti + a->len && R->cut_tok < 0) {
        R->cut_tok = end - 1;
        R->cut_len = prefix_bytes(R->T, &R->T->t[end - 1], last->pre);
    }
}

static bool pat_at(struct try *R, const struct lu_cue_pat *P, int pi, int ti, int *end);

/* A look-around at TI: whether what it looks for is there. */
static bool look(struct try *R, const struct pel *e, int ti)
{
    const struct lu_cue_text *T = R->T;
    struct try sub = {T, -1, 0};
    int end;

    if (e->kind == K_AHEAD) {
        if (e->sub)
            return pat_at(&sub, e->sub, 0, ti, &end);
        return (e->end && at_end(T, ti)) || (ti < T->n && tok_match(e, &T->t[ti])) ||
               alt_at(e, T, ti);
    }
    if (e->sub) {
        for (int b = ti - 1; b >= 0 && b >= ti - 2 * PAT_MAX; b--)
            if (pat_at(&sub, e->sub, 0, b, &end) && end == ti)
                return true;
        return false;
    }
    if (ti > 0 && tok_match(e, &T->t[ti - 1]))
        return true;
    for (int q = 0; q < e->nalts; q++)
        if (ti - e->alts[q].len >= 0 && alt_match(&e->alts[q], T, ti - e->alts[q].len))
            return true;
    return false;
}

static bool pat_at(struct try *R, const struct lu_cue_pat *P, int pi, int ti, int *end)
{
    const struct lu_cue_text *T = R->T;
    const struct pel *e;

    lu_text_steps++;
    if (pi == P->n) {
        *end = ti;
        return true;
    }
    e = &P->el[pi];
    switch (e->kind) {
    case K_START:
        return ti == T->start && pat_at(R, P, pi + 1, ti, end);
    case K_ABS:
        return at_opening(T, ti) && pat_at(R, P, pi + 1, ti, end);
    case K_CLAUSE:
        return lu_cue_clause_start(T, ti) && pat_at(R, P, pi + 1, ti, end);
    case K_END:
        return at_end(T, ti) && pat_at(R, P, pi + 1, ti, end);
    case K_GAP:
        for (int g = 0; g <= 3; g++) {
            if (g > 0 && (ti + g - 1 >= T->n || (T->t[ti + g - 1].cls & LU_W_PUNCT)))
                break;
            if (pat_at(R, P, pi + 1, ti + g, end))
                return true;
        }
        return false;
    case K_AHEAD:
    case K_BEHIND:
        return look(R, e, ti) != e->lnot && pat_at(R, P, pi + 1, ti, end);
    case K_TOK:
        if (e->neg)
            return (ti < T->n && tok_match(e, &T->t[ti]) && !alt_at(e, T, ti) &&
                    pat_at(R, P, pi + 1, ti + 1, end)) ||
                   (e->opt && pat_at(R, P, pi + 1, ti, end));
        if (ti < T->n && tok_match(e, &T->t[ti]) && pat_at(R, P, pi + 1, ti + 1, end))
            return true;
        for (int q = 0; q < e->nalts; q++) {
            const struct alt *a = &e->alts[q];
            if (alt_match(a, T, ti) && pat_at(R, P, pi + 1, ti + a->len, end)) {
                note_cut(R, a, ti, *end);
                return true;
            }
        }
        return e->opt && pat_at(R, P, pi + 1, ti, end);
    }
    return false;
}

/* Whether E, a word element, can take the token at TI. */
static inline bool may_take(const struct pel *e, const struct lu_cue_text *T, int ti)
{
    if (ti >= T->n)
        return false;
    if (tok_match(e, &T->t[ti]))
        return true;
    for (int q = 0; q < e->nalts; q++)
        if (word_match(&e->alts[q].w[0], &T->t[ti]))
            return true;
    return false;
}

/* Whether a match can start at TI, by the first element that takes a word
 * (PI on): a cheap test that spares most of the pattern tries (a few
 * hundred patterns at every token).  Never false where a match starts. */
static bool may_open(const struct lu_cue_pat *P, int pi, const struct lu_cue_text *T, int ti)
{
    const struct pel *e = &P->el[pi];

    if (pi == P->n)
        return true;
    switch (e->kind) {
    case K_START:
        return ti == T->start && may_open(P, pi + 1, T, ti);
    case K_ABS:
        return at_opening(T, ti) && may_open(P, pi + 1, T, ti);
    case K_CLAUSE:
    case K_AHEAD:
    case K_BEHIND:
        return may_open(P, pi + 1, T, ti);
    case K_END:
    case K_GAP:
        return true;
    case K_TOK:
        break;
    }
    if (e->neg)
        return true;
    if (e->opt && may_open(P, pi + 1, T, ti))
        return true;
    return may_take(e, T, ti);
}

/* Whether T has a token with id ID. */
static inline bool has_id(const struct lu_cue_text *T, int id)
{
    return id > 0 && id <= T->id_max && (T->id_bits[id / 8] & (1u << (id % 8)));
}

/* Whether T holds, for each element of P a match needs a token for, a
 * token it can take: false spares the tries at every token of a text the
 * pattern cannot match (most of classify's few hundred patterns on any
 * one sentence; 8% of a first full scan's CPU, issue 14).  Never false
 * where a match exists. */
static bool may_match(const struct lu_cue_pat *P, const struct lu_cue_text *T)
{
    if (!T->id_bits)
        return true;
    for (int pi = 0; pi < P->n; pi++) {
        const struct pel *e = &P->el[pi];
        bool can;
        if (!e->need)
            continue;
        can = (e->cls & T->cls_any) != 0;
        for (int i = 0; !can && i < e->nids; i++)
            can = has_id(T, e->ids[i]);
        for (int q = 0; !can && q < e->nalts; q++) {
            const struct word *w = &e->alts[q].w[0];
            can = w->id ? has_id(T, w->id) : (w->cls & T->cls_any) != 0;
        }
        if (!can)
            return false;
    }
    return true;
}

/* E's word ids into IDS (at most CAP): -1 when E is no element every match
 * needs a token of, names a class, or has more than CAP words. */
static int need_ids_of(const struct pel *e, int *ids, int cap)
{
    int n = 0;

    if (!e->need || e->cls || e->nids + e->nalts > cap)
        return -1;
    for (int i = 0; i < e->nids; i++)
        ids[n++] = e->ids[i];
    for (int q = 0; q < e->nalts; q++) {
        if (!e->alts[q].w[0].id)
            return -1;
        ids[n++] = e->alts[q].w[0].id;
    }
    return n;
}

int lu_cue_need_ids(const struct lu_cue_pat *P, int *ids, int cap)
{
    int best = 0, tmp[LU_CUE_NEED_MAX];

    cap = MIN(cap, LU_CUE_NEED_MAX);
    for (int pi = 0; pi < P->n; pi++) {
        int n = need_ids_of(&P->el[pi], tmp, cap);
        if (n > 0 && (!best || n < best)) {
            best = n;
            memcpy(ids, tmp, (gsize)n * sizeof *ids);
        }
    }
    return best;
}

/* The word ids of E, an element of word ids only, that T holds, into IDS
 * (room for CAP): how many; -1 when E names a class or alternatives, T
 * keeps no set of its ids, or more than CAP are there. */
static int ids_present(const struct pel *e, const struct lu_cue_text *T, int *ids, int cap)
{
    int n = 0;

    if (e->cls || e->nalts || !T->id_bits)
        return -1;
    for (int i = 0; i < e->nids; i++)
        if (has_id(T, e->ids[i])) {
            if (n == cap)
                return -1;
            ids[n++] = e->ids[i];
        }
    return n;
}

static inline bool id_among(int id, const int *ids, int n)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

bool lu_cue_find(const struct lu_cue_pat *P, const struct lu_cue_text *T, int from, lu_cue_ok_fn ok,
                 void *data, struct lu_cue_match *m)
{
    bool plain = P->el[0].kind == K_TOK && !P->el[0].opt && !P->el[0].neg;
    int ids[4], nid, stop = T->n;

    if (!may_match(P, T))
        return false;
    /* A plain opening of word ids: the few of them the text holds,
     * compared with each token's id, not each of the element's ids
     * (issue 14: a sixth of the matcher) */
    nid = plain ? ids_present(&P->el[0], T, ids, (int)G_N_ELEMENTS(ids)) : -1;
    if (nid == 0)
        return false;
    /* "^" opens a match only at the opening: no try at any other token */
    if (P->el[0].kind == K_START) {
        if (T->start < from)
            return false;
        from = stop = T->start;
    }
    for (int ti = from; ti <= stop; ti++) {
        struct try R = {T, -1, 0};
        int end;

        /* most patterns open with a plain word element: that inline */
        if (nid > 0 ? ti == T->n || !id_among(T->t[ti].id, ids, nid)
            : plain ? !may_take(&P->el[0], T, ti)
                    : !may_open(P, 0, T, ti))
            continue;
        if (pat_at(&R, P, 0, ti, &end) && end > ti && (!ok || ok(T, ti, end, data))) {
            const struct lu_cue_tok *last = &T->t[end - 1];
            m->b = ti;
            m->e = end;
            m->off = T->t[ti].off;
            m->len = last->off + (R.cut_tok == end - 1 ? R.cut_len : last->len) - m->off;
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------ the packs' cues */

/* Without the table (the generator): a pack's pattern text -> its struct
 * lu_cue_pat, and the texts in the order they were compiled. */
static GHashTable *compiled;
static GPtrArray *compiled_order;

static void compile_pack_cue(const char *src, bool known)
{
    char *err = NULL;
    struct lu_cue_pat *P;

    if (!src || g_hash_table_contains(compiled, src))
        return;
    P = compile(src, known, &err);
    /* A pattern that does not compile is a bug in its pack (lang-test). */
    if (!P)
        g_error("cue '%s': %s", src, err);
    g_hash_table_insert(compiled, (gpointer)src, P);
    g_ptr_array_add(compiled_order, (gpointer)src);
}

/* Classify's words first, in the order it always interned them: the words
 * they name are known words (a capitalised known word is no name); then
 * lint's, whose words only get ids.  With the table, all that is done. */
static gpointer init_once(gpointer unused)
{
    const struct lu_lang_pack *pk;

    (void)unused;
    grammar_pack = lu_lang_pack(LU_LANG_EN);
    index_folds();
    lex_next_id = gen_table.nwords + 1;
    if (gen_table.nwords)
        return NULL;
    compiled = g_hash_table_new(g_str_hash, g_str_equal);
    compiled_order = g_ptr_array_new();
    for (const struct lu_lex_class *c = grammar_pack->lexicon; c->words; c++) {
        char *copy = g_strdup(c->words), **w;
        split_in_place(copy, ' ', &w);
        for (int i = 0; w[i]; i++)
            if (w[i][0])
                lex_intern(w[i], true, c->cls);
        g_free(w);
        g_free(copy);
    }
    for (gsize i = 0; grammar_pack->folds[i][0]; i++)
        lex_intern(grammar_pack->folds[i][1], true, 0);
    for (int l = 0; (pk = lu_lang_known(l)); l++)
        for (const struct lu_grammar_cue *g = pk->grammar; g && g->feat; g++)
            compile_pack_cue(g->pattern, true);
    for (int l = 0; (pk = lu_lang_known(l)); l++)
        for (const struct lu_cue *c = pk->cues; c && c->pattern; c++)
            compile_pack_cue(c->pattern, true);
    for (int l = 0; (pk = lu_lang_known(l)); l++) {
        for (const struct lu_chase_cue *c = pk->chasing; c && c->cue; c++)
            compile_pack_cue(c->cue, false);
        compile_pack_cue(pk->thanks, false);
    }
    return NULL;
}

void lu_cue_init(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, init_once, NULL);
}

const struct lu_cue_pat *lu_cue_of(const char *src)
{
    const struct lu_cue_pat *P = NULL;

    lu_cue_init();
    for (guint s = word_hash(src) & gen_table.pat_mask; gen_table.npats && gen_table.pat_slot[s];
         s = (s + 1) & gen_table.pat_mask) {
        const struct table_pat *t = &gen_table.pats[gen_table.pat_slot[s] - 1];
        if (strcmp(t->src, src) == 0) {
            P = t->P;
            break;
        }
    }
    if (!gen_table.npats)
        P = g_hash_table_lookup(compiled, src);
    /* Only the packs' own strings are compiled in advance. */
    if (!P)
        g_error("cue '%s' is no pack's", src);
    return P;
}

/* ------------------------------------------------------------ the table, written */

/* S as a C string literal: bytes other than printable ASCII in octal. */
static void emit_string(GString *o, const char *s)
{
    g_string_append_c(o, '"');
    for (const guchar *p = (const guchar *)s; *p; p++)
        if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\' || *p == '?')
            g_string_append_printf(o, "\\%03o", *p);
        else
            g_string_append_c(o, (char)*p);
    g_string_append_c(o, '"');
}

/* An open-addressing index of N keys (HASHES) as NAME; its mask. */
static guint emit_slots(GString *o, const char *name, const guint *hashes, int n)
{
    guint size = 2, mask;
    int *slot;

    while (size < 2 * (guint)n)
        size *= 2;
    mask = size - 1;
    slot = g_new0(int, size);
    for (int i = 0; i < n; i++) {
        guint s = hashes[i] & mask;
        while (slot[s])
            s = (s + 1) & mask;
        slot[s] = i + 1;
    }
    g_string_append_printf(o, "static const int %s[%u] = {", name, size);
    for (guint s = 0; s < size; s++)
        g_string_append_printf(o, "%s%d", s == 0 ? "\n    " : s % 16 ? ", " : ",\n    ", slot[s]);
    g_string_append(o, "};\n\n");
    g_free(slot);
    return mask;
}

/* The word table, in id order; its index's mask. */
static guint emit_words(GString *o)
{
    int n = lex_next_id - 1;
    const struct lex **by_id = g_new0(const struct lex *, n);
    guint *hashes = g_new(guint, n), mask;
    GHashTableIter it;
    gpointer v;

    g_hash_table_iter_init(&it, lex_table);
    while (g_hash_table_iter_next(&it, NULL, &v))
        by_id[((const struct lex *)v)->id - 1] = v;
    g_string_append_printf(o, "static const struct lex gen_words[%d] = {\n", n);
    for (int i = 0; i < n; i++) {
        g_string_append(o, "    {");
        emit_string(o, by_id[i]->w);
        g_string_append_printf(o, ", 0x%xu, %d, %s},\n", by_id[i]->cls, by_id[i]->id,
                               by_id[i]->known ? "true" : "false");
        hashes[i] = word_hash(by_id[i]->w);
    }
    g_string_append(o, "};\n\n");
    mask = emit_slots(o, "gen_word_slot", hashes, n);
    g_free(hashes);
    g_free(by_id);
    return mask;
}

/* Pattern P's data as gen_pN (its look-arounds' first); returns N. */
static int emit_pat(GString *o, const struct lu_cue_pat *P, int *next)
{
    int me, *subs = g_new0(int, P->n + 1);

    for (int i = 0; i < P->n; i++)
        subs[i] = P->el[i].sub ? emit_pat(o, P->el[i].sub, next) : -1;
    me = (*next)++;
    for (int i = 0; i < P->n; i++) {
        const struct pel *e = &P->el[i];
        if (e->nids) {
            g_string_append_printf(o, "static int gen_p%d_i%d[] = {", me, i);
            for (int k = 0; k < e->nids; k++)
                g_string_append_printf(o, "%s%d", k ? ", " : "", e->ids[k]);
            g_string_append(o, "};\n");
        }
        for (int a = 0; a < e->nalts; a++)
            for (int k = 0; k < e->alts[a].len; k++)
                if (e->alts[a].w[k].pre) {
                    g_string_append_printf(o, "static char gen_p%d_s%d_%d_%d[] = ", me, i, a, k);
                    emit_string(o, e->alts[a].w[k].pre);
                    g_string_append(o, ";\n");
                }
        if (e->nalts) {
            g_string_append_printf(o, "static struct alt gen_p%d_a%d[] = {\n", me, i);
            for (int a = 0; a < e->nalts; a++) {
                g_string_append_printf(o, "    {%d, {", e->alts[a].len);
                for (int k = 0; k < e->alts[a].len; k++) {
                    const struct word *w = &e->alts[a].w[k];
                    g_string_append_printf(o, "%s{%d, 0x%xu, ", k ? ", " : "", w->id, w->cls);
                    if (w->pre)
                        g_string_append_printf(o, "gen_p%d_s%d_%d_%d}", me, i, a, k);
                    else
                        g_string_append(o, "NULL}");
                }
                g_string_append(o, "}},\n");
            }
            g_string_append(o, "};\n");
        }
    }
    g_string_append_printf(o, "static struct lu_cue_pat gen_p%d = {%d, {\n", me, P->n);
    for (int i = 0; i < P->n; i++) {
        const struct pel *e = &P->el[i];
        g_string_append_printf(o, "    {%d, ", (int)e->kind);
        if (e->nids)
            g_string_append_printf(o, "gen_p%d_i%d, %d, ", me, i, e->nids);
        else
            g_string_append(o, "NULL, 0, ");
        if (e->nalts)
            g_string_append_printf(o, "gen_p%d_a%d, %d, ", me, i, e->nalts);
        else
            g_string_append(o, "NULL, 0, ");
        g_string_append_printf(o, "0x%xu, %d, %d, %d, %d, ", e->cls, e->opt, e->neg, e->lnot,
                               e->end);
        if (subs[i] >= 0)
            g_string_append_printf(o, "&gen_p%d, ", subs[i]);
        else
            g_string_append(o, "NULL, ");
        g_string_append_printf(o, "%d},\n", e->need);
    }
    g_string_append(o, "}};\n\n");
    g_free(subs);
    return me;
}

char *lu_cue_table_source(void)
{
    GString *o = g_string_new("/* helper/cue-table.h: written by helper/gen/cue-gen from the "
                              "language packs\n * (cue.c's compiler); do not edit. */\n\n");
    guint n = 0, wmask, pmask, *hashes;
    int next = 0, *top;

    lu_cue_init();
    if (gen_table.nwords) /* this build holds a table: the packs were not compiled */
        return g_string_free(o, TRUE);
    wmask = emit_words(o);
    n = compiled_order->len;
    top = g_new(int, n);
    hashes = g_new(guint, n);
    for (guint i = 0; i < n; i++) {
        const char *src = g_ptr_array_index(compiled_order, i);
        top[i] = emit_pat(o, g_hash_table_lookup(compiled, src), &next);
        hashes[i] = word_hash(src);
    }
    g_string_append_printf(o, "static const struct table_pat gen_pats[%u] = {\n", n);
    for (guint i = 0; i < n; i++) {
        g_string_append(o, "    {");
        emit_string(o, g_ptr_array_index(compiled_order, i));
        g_string_append_printf(o, ", &gen_p%d},\n", top[i]);
    }
    g_string_append(o, "};\n\n");
    pmask = emit_slots(o, "gen_pat_slot", hashes, (int)n);
    g_string_append_printf(o,
                           "static const struct table gen_table = {gen_words, %d, gen_word_slot, "
                           "0x%xu,\n    gen_pats, %u, gen_pat_slot, 0x%xu};\n",
                           lex_next_id - 1, wmask, n, pmask);
    g_free(top);
    g_free(hashes);
    return g_string_free(o, FALSE);
}
