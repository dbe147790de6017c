/* msgfast-test.c - the per-message model's fast path (msgmodel.c's
 * lu_msgm_hashes and lu_msgm_probability, which hash as they walk the
 * words) gives the buckets and the score of its reference, the names'
 * path (lu_msgm_features, each name hashed by lu_feature_bucket, sorted,
 * each once; the weights looked up one by one): on written edge cases, on
 * texts made at random from a fixed seed, and, with --files, on every
 * message whose path is a line of standard input (t334: a corpus of
 * ../shared, read at run time).  --score reads the messages so and only
 * scores them: a benchmark of the model's cost (doc/benchmarks-log.md,
 * s43-msgcheap). */
#include "leadup.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static gint cmp_u32(gconstpointer a, gconstpointer b)
{
    guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
    return x < y ? -1 : x > y;
}

/* The reference buckets of TEXT and AN into REF (emptied first). */
static void reference(const char *text, const struct lu_analysis *an, GArray *ref)
{
    GPtrArray *names = lu_msgm_features(text, an);
    guint k = 0;

    g_array_set_size(ref, 0);
    for (guint i = 0; i < names->len; i++) {
        guint32 b = lu_feature_bucket(names->pdata[i]);
        g_array_append_val(ref, b);
    }
    g_array_sort(ref, cmp_u32);
    for (guint i = 0; i < ref->len; i++)
        if (k == 0 || g_array_index(ref, guint32, i) != g_array_index(ref, guint32, k - 1))
            g_array_index(ref, guint32, k++) = g_array_index(ref, guint32, i);
    g_array_set_size(ref, k);
    g_ptr_array_unref(names);
}

static int by_bucket(const void *key, const void *elt)
{
    guint32 k = *(const guint32 *)key, b = ((const struct lu_msgm_weight *)elt)->bucket;
    return k < b ? -1 : k > b;
}

/* The reference score of the buckets REF (ascending) and AN: the same sum,
 * in the same order, each weight found by bsearch. */
static double ref_probability(const GArray *ref, const struct lu_analysis *an)
{
    double z, sum = 0;

    for (guint i = 0; i < ref->len; i++) {
        const struct lu_msgm_weight *w = bsearch(&g_array_index(ref, guint32, i), lu_msgm_weights,
                                                 (size_t)lu_msgm_n_weights, sizeof *w, by_bucket);
        sum += w ? w->w : 0;
    }
    z = lu_msgm_bias + (an && an->expects_reply ? lu_msgm_reply_weight : 0);
    if (ref->len)
        z += sum / sqrt(ref->len);
    return 1 / (1 + exp(-z));
}

static guint compared, buckets_seen;

/* Whether both paths agree on TEXT and AN (a diagnostic when not, named
 * WHAT); the number of reference buckets in *N (may be NULL). */
static bool same(const char *what, const char *text, const struct lu_analysis *an, guint *n)
{
    GArray *ref = g_array_new(FALSE, FALSE, sizeof(guint32));
    GArray *fast = g_array_new(FALSE, FALSE, sizeof(guint32));
    double pr, pf;
    bool eq;

    reference(text, an, ref);
    lu_msgm_hashes(text, an, fast);
    pr = ref_probability(ref, an);
    pf = lu_msgm_probability(text, an);
    eq = ref->len == fast->len && memcmp(ref->data, fast->data, ref->len * sizeof(guint32)) == 0 &&
         pr == pf;
    if (!eq)
        printf("# %s: %u reference buckets, %u fast; score %.17g and %.17g\n", what, ref->len,
               fast->len, pr, pf);
    compared++;
    buckets_seen += ref->len;
    if (n)
        *n = ref->len;
    g_array_free(ref, TRUE);
    g_array_free(fast, TRUE);
    return eq;
}

/* An analysis of the sentences S (N of them; an element may be NULL: a
 * sentence without text) by hand, EXPECTS its verdict. */
static void fake(struct lu_analysis *a, const char *const *s, int n, bool expects)
{
    memset(a, 0, sizeof *a);
    a->sentences = g_ptr_array_new_with_free_func(lu_sentence_free);
    for (int i = 0; i < n; i++) {
        struct lu_sentence *se = g_new0(struct lu_sentence, 1);
        se->text = g_strdup(s[i]);
        se->why = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(a->sentences, se);
    }
    a->expects_reply = expects;
}

/* TEXT with its sentences S (N) by hand: both paths agree. */
static bool same_fake(const char *what, const char *text, const char *const *s, int n)
{
    struct lu_analysis a;
    bool eq;

    fake(&a, s, n, n % 2);
    eq = same(what, text, &a, NULL);
    lu_analysis_clear(&a);
    return eq;
}

/* N words "wI" (from FROM) and a "?" every EVERY words (0: none), a new
 * string (caller frees). */
static char *words(int n, int from, int every)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; i < n; i++)
        g_string_append_printf(s, "w%d%s ", from + i, every && i % every == every - 1 ? "?" : "");
    return g_string_free(s, FALSE);
}

static void edges(void)
{
    static const char *const q[] = {"Are you in?", "?", "", NULL, "Fine, thanks.", "Why not?"};
    static const char *const one[] = {"Hi"};
    static const char *const mb[] = {"Gr\xc3\xbc\xc3\x9f\xc3\xa9 \xc3\x9c"
                                     "ber-Caf\xc3\xa9?",
                                     "\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80 ok",
                                     "don\xe2\x80\x99t won't 'tis rock'", "n' roll \xc3",
                                     "\xff\xfe bad\xc3 ? \xe2\x80"};
    char *long_w = g_strnfill(300, 'A'), *long_u = g_strnfill(301, 'x');
    char *many = words(520, 0, 0), *asks = words(450, 1000, 3), *tail = words(430, 2000, 0);
    const char *big[] = {many, asks, tail, asks};
    struct lu_analysis a;
    GPtrArray *names;
    guint n;

    ok(same("NULL", NULL, NULL, &n), "no text, no analysis");
    is_int(n, 1, "and one bucket");
    names = lu_msgm_features(NULL, NULL);
    is_str(names->pdata[0], "mw:<none>", "<none>'s");
    g_ptr_array_unref(names);
    ok(same("empty", "", NULL, NULL), "an empty text");
    fake(&a, NULL, 0, true);
    ok(same("no sentences", "", &a, NULL), "an analysis without sentences");
    lu_analysis_clear(&a);
    ok(same_fake("one word", "Hi", one, 1), "one word");
    ok(same_fake("only punctuation", "?!? ...", q + 1, 2), "punctuation only: <none>");
    ok(same_fake("? sentences", "Are you in? ? Fine, thanks. Why not?", q, 6),
       "\"?\" sentences, a sentence without text, a last one that asks");
    ok(same_fake("two sentences", "Are you in? ?", q, 2), "two sentences: both the last two");
    ok(same_fake("non-ASCII", "Gr\xc3\xbc\xc3\x9f\xc3\xa9 \xe4\xbd\xa0 \xf0\x9f\x98\x80", mb, 5),
       "non-ASCII words, curly and straight apostrophes, bad UTF-8 at a sentence's end");
    ok(same("over the word cap", many, NULL, &n), "more than %d words", LU_MSGM_WORDS);
    ok(n > 700 && n <= 2 * LU_MSGM_WORDS - 1, "the first %d and their pairs: %u buckets",
       LU_MSGM_WORDS, n);
    ok(same_fake("long sentences", many, big, 4),
       "the last two and the \"?\" sentences past %d words each", LU_MSGM_WORDS);
    g_free(many);
    many = g_strdup_printf("%s %s\xc3\xa9%s", long_w, long_u, long_w);
    big[0] = big[1] = many;
    ok(same_fake("long words", many, big, 2), "words past 255 bytes cut, a character across");
    g_free(long_w);
    g_free(long_u);
    g_free(many);
    g_free(asks);
    g_free(tail);
}

/* COUNT texts of random pieces (words, apostrophes, non-ASCII, "?", line
 * ends), each analysed by lu_analyse_text and also split by hand at its
 * "?", "." and line ends: both paths agree on all. */
static void random_texts(int count)
{
    /* the pieces, "|" between them */
    static const char pieces[] =
        "you|Could|send|it|?|.|!|\n\n|\n|don't|don\xe2\x80\x99t|'|rock'|'n'|"
        "-|Thanks,|\xc3\x9c"
        "ber|caf\xc3\xa9|\xe4\xbd\xa0|\xf0\x9f\x98\x80|"
        "x\xc3|42|O'Neil|QUIZ-Zone|e.g.|Mary|Friday?|ok|re:|a_b|<none>";
    char **piece = g_strsplit(pieces, "|", -1);
    int n_pieces = (int)g_strv_length(piece);
    GTimeZone *tz = g_time_zone_new_utc();
    GDateTime *ref = g_date_time_new(tz, 2026, 11, 23, 9, 0, 0);
    GRand *r = g_rand_new_with_seed(334);
    struct lu_cal cal;
    int bad = 0;

    lu_cal_init(&cal, tz);
    for (int i = 0; i < count; i++) {
        GString *t = g_string_new(NULL);
        int len = g_rand_int_range(r, 0, i % 10 == 0 ? 1200 : 60);
        struct lu_analysis a;
        char **split, *valid;

        for (int k = 0; k < len; k++) {
            g_string_append(t, piece[g_rand_int_range(r, 0, n_pieces)]);
            if (g_rand_int_range(r, 0, 3))
                g_string_append_c(t, ' ');
        }
        /* the analyser reads valid UTF-8 (every caller makes it so: a cut
         * sequence such as "x\xc3" at the end would send its walk past the
         * NUL); the model's own walk below takes the bytes as they are */
        valid = g_utf8_make_valid(t->str, (gssize)t->len);
        lu_analyse_text(valid, ref, &cal, &a);
        bad += !same("random, analysed", valid, &a, NULL);
        lu_analysis_clear(&a);
        g_free(valid);
        split = g_regex_split_simple("(?<=[?.\n])", t->str, G_REGEX_RAW, 0);
        bad += !same_fake("random, split", t->str, (const char *const *)split,
                          (int)g_strv_length(split));
        g_strfreev(split);
        g_string_free(t, TRUE);
    }
    ok(bad == 0, "%d random texts, analysed and split by hand: %d differ", count, bad);
    g_strfreev(piece);
    g_rand_free(r);
    g_date_time_unref(ref);
    g_time_zone_unref(tz);
}

/* Every message whose path is a line of standard input, read as the scan
 * reads one (lu_mime_body_text, lu_body_extract) and analysed at a fixed
 * time: both paths agree on its own text and analysis.  Prints how many
 * were read.  SCORE_ONLY (--score, a benchmark under callgrind): only
 * lu_msgm_probability, and how many it reads as expecting a reply. */
static void files(bool score_only)
{
    GTimeZone *tz = g_time_zone_new_utc();
    GDateTime *ref = g_date_time_new(tz, 2026, 11, 23, 9, 0, 0);
    struct lu_cal cal;
    char line[4096];
    int read = 0, bad = 0, unread = 0, yes = 0;

    lu_cal_init(&cal, tz);
    while (fgets(line, sizeof line, stdin)) {
        struct lu_msg *m = lu_msg_new();
        struct lu_body b = {0};
        struct lu_analysis a;
        bool html = false;
        char *data = NULL, *text;
        gsize len = 0;

        line[strcspn(line, "\n")] = 0;
        if (!g_file_get_contents(line, &data, &len, NULL) || lu_mime_read_bytes(m, data, len)) {
            unread++;
        } else {
            text = lu_mime_body_text(m, &html);
            lu_body_extract(text, html, &b);
            lu_analyse_text(b.text ? b.text : "", ref, &cal, &a);
            if (score_only)
                yes += lu_msgm_probability(b.text, &a) >= lu_msgm_threshold;
            else
                bad += !same(line, b.text, &a, NULL);
            lu_analysis_clear(&a);
            lu_body_clear(&b);
            g_free(text);
            read++;
        }
        g_free(data);
        lu_msg_free(m);
    }
    printf("# messages read %d, unread %d\n", read, unread);
    if (score_only)
        printf("# %d expect a reply\n", yes);
    ok(read > 0 && bad == 0, "%d messages' own texts: %d differ", read, bad);
    g_date_time_unref(ref);
    g_time_zone_unref(tz);
}

int main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--files") == 0 || strcmp(argv[1], "--score") == 0)) {
        files(strcmp(argv[1], "--score") == 0);
    } else {
        edges();
        random_texts(3000);
        /* again, now that the weights may be looked up another way */
        edges();
    }
    printf("# %u texts compared, %u buckets\n", compared, buckets_seen);
    return tap_done();
}
