/* said.c - what was said before in a thread: quotes without markers.
 *
 * Many replies paste the earlier message, or one sentence of it, without
 * ">" (mobile clients, "see below" answers, a sentence copied to answer
 * it).  body.c cannot see them: nothing marks them.  The thread can: a
 * sentence that already appears in an earlier message written by somebody
 * else is not the new writer's own, so "I'll send the file this week."
 * pasted back by the other side is no promise of theirs, and their
 * question pasted into my answer is no question of mine.
 *
 * Sentences are compared folded (letters and digits, case folded, every
 * other run one space).  Sentences of fewer than LU_SAID_MIN_WORDS (five) words
 * repeat by chance ("Thanks.", "Sounds good to me.") and stay the writer's.
 * A sentence the writer said in an earlier message stays theirs too: a
 * question asked again is asked again, and a stock phrase both sides use
 * ("Could you tell me what you think?") is each side's own.
 *
 * Each message's sentences are hashed once per thread; checking a message
 * costs one hash look-up per sentence and one bounded search to find it in
 * the text, so the work grows linearly with the thread. */
#include "said.h"

#include <string.h>

#define LU_SAID_MIN_WORDS 5

/* Where a folded sentence was said first, and first by anybody else. */
struct said_entry {
    int first;        /* index of the first message that has it */
    int first_author; /* its writer */
    int other;        /* the first message by another writer, or G_MAXINT */
};

struct lu_said {
    GHashTable *seen; /* folded sentence -> struct said_entry* */
    GHashTable *own;  /* "writer\x1f" folded sentence -> its first message there + 1 */
    /* The text added last and its sentences folded, in order, with their
     * word counts: thread.c adds a message's text and then unquotes the
     * very same text, which split and folded it again (issue 14). */
    char *last;
    GPtrArray *keys; /* char* */
    GArray *words;   /* int */
};

struct lu_said *lu_said_new(void)
{
    struct lu_said *s = g_new0(struct lu_said, 1);

    s->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    s->own = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->keys = g_ptr_array_new_with_free_func(g_free);
    s->words = g_array_new(FALSE, FALSE, sizeof(int));
    return s;
}

void lu_said_free(struct lu_said *s)
{
    if (!s)
        return;
    LU_FREE_EACH(g_hash_table_destroy, s->seen, s->own);
    g_ptr_array_free(s->keys, TRUE);
    g_array_free(s->words, TRUE);
    LU_FREE_EACH(g_free, s->last, s);
}

/* TEXT folded: letters and digits case folded, any other run one space,
 * none at the ends.  OFFS (may be NULL) gets, for each byte of the result,
 * the offset in TEXT of the character it came from (a new array, written in
 * place, not appended to a GArray an int at a time); *WORDS the word count.
 * Caller frees.
 *
 * Written into buffers sized once for the most it can be (a character
 * lower-cased takes at most 1.5 times its bytes; a space needs a byte
 * skipped before it), not a GString a byte at a time: every text the
 * thread compares is folded, a character at a time (issue 14: 3% of a
 * first full scan). */
static char *fold(const char *text, int **offs, int *words)
{
    gsize tlen = strlen(text), cap = 2 * tlen + 8, len = 0;
    char *o = g_malloc(cap);
    int *off = offs ? g_new(int, cap) : NULL;
    bool gap = false;
    int n = 0;

    for (const char *p = text; *p;) {
        /* ASCII without GLib's Unicode tables (the same letters, digits
         * and lower case) */
        unsigned char ch = (unsigned char)*p;
        bool ascii = ch < 0x80;
        gunichar c = ascii ? ch : g_utf8_get_char(p);
        const char *next = ascii ? p + 1 : g_utf8_next_char(p);
        gsize k;

        if (ascii ? !g_ascii_isalnum(ch) : !g_unichar_isalnum(c)) {
            gap = len > 0;
            p = next;
            continue;
        }
        if (gap || len == 0) {
            if (gap) {
                if (off)
                    off[len] = (int)(p - text);
                o[len++] = ' ';
            }
            n++;
            gap = false;
        }
        if (ascii) {
            k = 1;
            o[len] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        } else {
            k = (gsize)g_unichar_to_utf8(g_unichar_tolower(c), o + len);
        }
        for (gsize j = 0; off && j < k; j++)
            off[len + j] = (int)(p - text);
        len += k;
        p = next;
    }
    o[len] = '\0';
    if (words)
        *words = n;
    if (offs)
        *offs = off;
    return o;
}

/* "AUTHOR\x1fKEY", the key of S->own (what g_strdup_printf made, without
 * its format parser, once a sentence; nor snprintf's, 700 instructions a
 * key, 0.09 M of a one-new-message scan's comparison, issue 14).  AUTHOR's
 * digits as "%d" writes them.  Caller frees. */
static char *own_key(int author, const char *key)
{
    char num[16];
    gsize n = sizeof num, klen = strlen(key);
    unsigned int v = author < 0 ? 0u - (unsigned int)author : (unsigned int)author;
    char *r;

    num[--n] = '\x1f';
    do {
        num[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (author < 0)
        num[--n] = '-';
    r = g_malloc(sizeof num - n + klen + 1);
    memcpy(r, num + n, sizeof num - n);
    memcpy(r + sizeof num - n, key, klen + 1);
    return r;
}

guint64 lu_said_splits;

/* TEXT's sentences folded into S->keys and S->words, remembered as the
 * text S->last.  The sentences are AN's (TEXT's analysis) when given: the
 * very strings lu_sentences_split gives, split once. */
static void fold_sentences(struct lu_said *s, const char *text, const struct lu_analysis *an)
{
    GPtrArray *sentences = NULL;
    guint n = an && an->sentences ? an->sentences->len : 0;

    if (!an || !an->sentences) {
        sentences = lu_sentences_split(text);
        n = sentences->len;
        __atomic_add_fetch(&lu_said_splits, 1, __ATOMIC_RELAXED);
    }
    g_free(s->last);
    s->last = g_strdup(text);
    g_ptr_array_set_size(s->keys, 0);
    g_array_set_size(s->words, 0);
    for (guint i = 0; i < n; i++) {
        const char *t = sentences
                            ? g_ptr_array_index(sentences, i)
                            : ((struct lu_sentence *)g_ptr_array_index(an->sentences, i))->text;
        int words;
        g_ptr_array_add(s->keys, fold(t, NULL, &words));
        g_array_append_val(s->words, words);
    }
    if (sentences)
        g_ptr_array_free(sentences, TRUE);
}

void lu_said_add(struct lu_said *s, const char *text, int index, int author)
{
    lu_said_add_split(s, text, NULL, index, author);
}

/* Adds folded sentence KEY (of LU_SAID_MIN_WORDS words or more) of
 * message INDEX, written by AUTHOR. */
static void add_key(struct lu_said *s, const char *key, int index, int author)
{
    struct said_entry *e = g_hash_table_lookup(s->seen, key);
    char *mine = own_key(author, key);

    if (!g_hash_table_contains(s->own, mine))
        g_hash_table_insert(s->own, mine, GINT_TO_POINTER(index + 1));
    else
        g_free(mine);
    if (!e) {
        e = g_new(struct said_entry, 1);
        *e = (struct said_entry){index, author, G_MAXINT};
        g_hash_table_insert(s->seen, g_strdup(key), e);
        return;
    }
    /* Messages come in thread order: the first other writer is the earliest. */
    if (author != e->first_author && e->other == G_MAXINT)
        e->other = index;
}

void lu_said_add_split(struct lu_said *s, const char *text, const struct lu_analysis *an, int index,
                       int author)
{
    fold_sentences(s, text, an);
    for (guint i = 0; i < s->keys->len; i++)
        if (g_array_index(s->words, int, i) >= LU_SAID_MIN_WORDS)
            add_key(s, g_ptr_array_index(s->keys, i), index, author);
}

_Thread_local const struct lu_said_keep *lu_said_keep;

/* A record (lu_said_add_msg): lu_said_analyser's 16 characters, the text's
 * lu_fnv64 and its length in bytes (host order: a record read on another
 * machine fails the check and is made again), then each folded sentence of
 * LU_SAID_MIN_WORDS words or more, in the text's order, each ended by a NUL. */
#define REC_DIGEST 16
#define REC_HEAD   (REC_DIGEST + sizeof(guint64) + sizeof(guint32))

/* The head of a record of TEXT into HEAD (REC_HEAD bytes). */
static void record_head(const char *text, guint8 *head)
{
    gsize len = strlen(text);
    guint64 h = lu_fnv64(LU_FNV64_INIT, text, len);
    guint32 n = (guint32)MIN(len, G_MAXUINT32);

    memcpy(head, lu_said_analyser, REC_DIGEST);
    memcpy(head + REC_DIGEST, &h, sizeof h);
    memcpy(head + REC_DIGEST + sizeof h, &n, sizeof n);
}

bool lu_said_record_is(GBytes *rec, const char *text)
{
    gsize n = 0;
    const guint8 *p = rec ? g_bytes_get_data(rec, &n) : NULL;
    guint8 head[REC_HEAD];

    /* A record too short, or whose last sentence runs off its end, is damage. */
    if (!p || n < REC_HEAD || (n > REC_HEAD && p[n - 1] != '\0') ||
        strlen(lu_said_analyser) != REC_DIGEST)
        return false;
    record_head(text, head);
    return memcmp(p, head, REC_HEAD) == 0;
}

/* The record of S->last, the text folded last (S->keys).  Caller frees. */
static GBytes *make_record(const struct lu_said *s)
{
    GByteArray *b = g_byte_array_sized_new(REC_HEAD + 2 * (guint)strlen(s->last) + 1);
    guint8 head[REC_HEAD];

    record_head(s->last, head);
    g_byte_array_append(b, head, REC_HEAD);
    for (guint i = 0; i < s->keys->len; i++)
        if (g_array_index(s->words, int, i) >= LU_SAID_MIN_WORDS) {
            const char *key = g_ptr_array_index(s->keys, i);
            g_byte_array_append(b, (const guint8 *)key, (guint)strlen(key) + 1);
        }
    return g_byte_array_free_to_bytes(b);
}

void lu_said_add_msg(struct lu_said *s, const struct lu_msg *m, const char *text,
                     const struct lu_analysis *an, int index, int author, bool next)
{
    const struct lu_said_keep *k = lu_said_keep;
    GBytes *rec = k && k->get && !next ? k->get(m, k->data) : NULL;

    if (rec && lu_said_record_is(rec, text)) {
        gsize n = 0;
        const char *p = g_bytes_get_data(rec, &n), *end = p + n;
        for (p += REC_HEAD; p < end; p += strlen(p) + 1)
            add_key(s, p, index, author);
        return;
    }
    lu_said_add_split(s, text, an, index, author);
    if (k && k->made)
        k->made(m, make_record(s), k->data);
}

/* Whether folded KEY was said before message INDEX by someone not AUTHOR,
 * and never before by AUTHOR: what a writer said before (a question asked
 * again, a stock phrase both sides use) stays theirs. */
static bool said_before(const struct lu_said *s, const char *key, int index, int author)
{
    const struct said_entry *e = g_hash_table_lookup(s->seen, key);
    char *mine;
    int own;

    if (!e || !((e->first < index && e->first_author != author) || e->other < index))
        return false;
    mine = own_key(author, key);
    own = GPOINTER_TO_INT(g_hash_table_lookup(s->own, mine));
    g_free(mine);
    return !(own && own - 1 < index);
}

/* Where folded sentence KEY starts in folded STREAM at or after FROM, as
 * whole words, looking no further than the sentence's length and a margin
 * (a list marker, a dropped symbol): the sentences come in text order, so
 * a miss costs a bounded search.  -1 when not found. */
static int find_near(const char *stream, gsize slen, gsize from, const char *key)
{
    gsize klen = strlen(key), limit = MIN(slen, from + klen + 256);

    for (gsize at = from; at + klen <= limit; at++) {
        if (memcmp(stream + at, key, klen) != 0)
            continue;
        if ((at == 0 || stream[at - 1] == ' ') && (stream[at + klen] == ' ' || !stream[at + klen]))
            return (int)at;
    }
    return -1;
}

/* The end of the sentence whose last letter starts at P: past that
 * character and the punctuation right after it ("?", ".", ")", quotes). */
static const char *sentence_end(const char *p)
{
    p = g_utf8_next_char(p);
    while (*p && !g_ascii_isspace(*p) && !g_unichar_isalnum(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    return p;
}

/* Whether any of S->keys (the text's sentences) would be dropped: one
 * said before by another writer.  Most texts paste nothing: then the text
 * is not folded whole to find them (issue 14: a fifth of the comparison). */
static bool any_said_before(const struct lu_said *s, int index, int author)
{
    for (guint i = 0; i < s->keys->len; i++)
        if (g_array_index(s->words, int, i) >= LU_SAID_MIN_WORDS &&
            said_before(s, g_ptr_array_index(s->keys, i), index, author))
            return true;
    return false;
}

char *lu_said_unquote(struct lu_said *s, const char *text, int index, int author, int *dropped)
{
    int *offs;
    char *stream;
    gsize slen, pos = 0;
    GString *out;
    const char *kept = text; /* TEXT before this is in OUT or dropped */
    int n = 0;

    if (!s->last || strcmp(s->last, text) != 0)
        fold_sentences(s, text, NULL);
    if (!any_said_before(s, index, author)) {
        if (dropped)
            *dropped = 0;
        return NULL;
    }
    stream = fold(text, &offs, NULL);
    slen = strlen(stream);
    out = g_string_new(NULL);
    for (guint i = 0; i < s->keys->len; i++) {
        int words = g_array_index(s->words, int, i), at;
        const char *key = g_ptr_array_index(s->keys, i);

        at = *key ? find_near(stream, slen, pos, key) : -1;
        if (at >= 0) {
            gsize end = (gsize)at + strlen(key);
            const char *start = text + offs[at];
            pos = end;
            if (words >= LU_SAID_MIN_WORDS && said_before(s, key, index, author) && start >= kept) {
                g_string_append_len(out, kept, start - kept);
                kept = sentence_end(text + offs[end - 1]);
                n++;
            }
        }
    }
    g_string_append(out, kept);
    g_free(offs);
    g_free(stream);
    if (dropped)
        *dropped = n;
    if (n == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}
