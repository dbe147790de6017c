/* bulk.c - the learned bulk-or-personal model (pure).
 *
 * The rules call mail bulk by its headers (List-Unsubscribe without
 * List-Id, mime.c) and by lines of its text (an unsubscribe line, "do not
 * reply to this e-mail", a marketing layout: body.c).  Newsletters, reports
 * and notices without either still read as written to many, and only
 * language tells: this model reads it.  Its weights come from
 * scripts/train-bulk (helper/bulk-model.c), trained by distant supervision:
 * the mail the rules mark is the positive side, with the lines that marked
 * it left out of the features (lu_body_bulk_line), so that the model learns
 * what else such mail says and not the rules again.  The same functions
 * give the training program (a throwaway program the script builds from
 * these sources) and the rules (thread.c) their features, so the two
 * cannot drift apart. */
#include "leadup.h"

#include <math.h>
#include <string.h>

/* Bytes of the own text the model reads: a newsletter shows what it is
 * within its first screens, and the cost stays bounded. */
#define LU_BULK_TEXT_MAX 4000

/* The own text without the lines the bulk rules read, at most
 * LU_BULK_TEXT_MAX bytes, cut at a line's end.  Also counts its shape.
 * Returns a new string (caller frees). */
struct shape {
    int lines, short_lines, long_lines, caps_lines, urls;
    gsize chars;
};

/* Links in S (N bytes): "scheme://", and "www." written without one. */
static int count_urls(const char *s, gsize n)
{
    int k = 0;

    for (gsize i = 0; i + 4 <= n; i++) {
        if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
            k++;
        else if (g_ascii_strncasecmp(s + i, "www.", 4) == 0 && (i == 0 || s[i - 1] != '/'))
            k++;
    }
    return k;
}

static bool all_caps(const char *s, gsize n)
{
    int upper = 0;

    for (gsize i = 0; i < n; i++) {
        if (g_ascii_islower(s[i]))
            return false;
        upper += g_ascii_isupper(s[i]);
    }
    return upper >= 3;
}

static char *masked_text(const char *text, struct shape *sh)
{
    GString *out = g_string_new(NULL);
    const char *p = text ? text : "";

    memset(sh, 0, sizeof *sh);
    while (*p && out->len < LU_BULK_TEXT_MAX) {
        const char *e = strchr(p, '\n');
        gsize n = e ? (gsize)(e - p) : strlen(p);
        gsize b = 0;

        while (b < n && g_ascii_isspace(p[b]))
            b++;
        if (b < n && !lu_body_bulk_line(p, n)) {
            sh->lines++;
            sh->short_lines += n - b < 40;
            sh->long_lines += n > 100;
            sh->caps_lines += all_caps(p, n);
            sh->urls += count_urls(p, n);
            g_string_append_len(out, p, (gssize)n);
            g_string_append_c(out, '\n');
        }
        p = e ? e + 1 : p + n;
    }
    sh->chars = out->len;
    return g_string_free(out, FALSE);
}

/* Which of the limits in UPTO (ascending, -1 ends) X reaches first: a
 * bucket index. */
static int bucket(int x, const int *upto)
{
    int i = 0;

    while (upto[i] >= 0 && x > upto[i])
        i++;
    return i;
}

/* A share in fifths (0..4); -1 when there are too few lines to tell. */
static int fifths(int part, int whole)
{
    return whole < 3 ? -1 : MIN(4, part * 5 / whole);
}

static void add(GPtrArray *names, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void add(GPtrArray *names, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_ptr_array_add(names, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

/* The words of S (ASCII letters and digits, lower case, 2 to 20 bytes),
 * each as PREFIX word, at most MAX of them. */
static void word_names(GPtrArray *names, const char *prefix, const char *s, int max)
{
    char w[24];
    gsize n = 0;
    int k = 0;

    for (const char *p = s;; p++) {
        if (*p && g_ascii_isalnum(*p)) {
            if (n < sizeof w - 1)
                w[n] = g_ascii_tolower(*p);
            n++;
            continue;
        }
        if (n >= 2 && n < sizeof w && k < max) {
            w[n] = 0;
            add(names, "%s%s", prefix, w);
            k++;
        }
        n = 0;
        if (!*p)
            break;
    }
}

/* What the model reads beside the words of the text: the text's shape, the
 * subject's words, the sender's local part, the recipients. */
static void shape_names(const struct lu_bulk_in *in, const struct shape *sh, GPtrArray *names)
{
    static const int chars[] = {100, 300, 700, 1500, 3000, -1};
    static const int lines[] = {2, 5, 10, 20, 40, -1};
    static const int urls[] = {0, 1, 3, 6, -1};
    static const int rcpt[] = {0, 1, 4, 9, -1};
    int f;

    add(names, "k:chars=%d", bucket((int)sh->chars, chars));
    add(names, "k:lines=%d", bucket(sh->lines, lines));
    add(names, "k:urls=%d", bucket(sh->urls, urls));
    add(names, "k:rcpt=%d", bucket(in->recipients, rcpt));
    if ((f = fifths(sh->short_lines, sh->lines)) >= 0)
        add(names, "k:short=%d", f);
    if ((f = fifths(sh->long_lines, sh->lines)) >= 0)
        add(names, "k:long=%d", f);
    if (sh->caps_lines)
        add(names, "k:caps=%d", MIN(sh->caps_lines, 3));
    if (in->subject)
        word_names(names, "j:", in->subject, 12);
    if (in->from) {
        const char *at = strrchr(in->from, '@');
        char *local = g_strndup(in->from, at ? (gsize)(at - in->from) : strlen(in->from));
        word_names(names, "f:", local, 4);
        for (const char *p = local; *p; p++)
            if (g_ascii_isdigit(*p)) {
                add(names, "f:<digit>");
                break;
            }
        g_free(local);
    }
}

GPtrArray *lu_bulk_features(const struct lu_bulk_in *in)
{
    struct shape sh;
    char *text = masked_text(in->text, &sh);
    GPtrArray *names = lu_features(text, NULL);

    shape_names(in, &sh, names);
    g_free(text);
    return names;
}

/* The buckets of NAMES merged into OUT, which lu_feature_hashes left
 * sorted, each once: OUT is then what a sort of them all and a pass
 * dropping repeats made of it (a sort with a callback, 29 K instructions
 * a message of a first full scan's main thread, issue 14). */
static void merge_names(GArray *out, GPtrArray *names)
{
    guint n = out->len, k = names->len, i, j, w;
    guint32 *add = g_new(guint32, k + 1), *o;

    for (i = 0; i < k; i++) { /* a score of names: sorted by insertion */
        guint32 h = lu_feature_bucket(g_ptr_array_index(names, i));
        for (j = i; j > 0 && add[j - 1] > h; j--)
            add[j] = add[j - 1];
        add[j] = h;
    }
    g_array_set_size(out, n + k);
    o = (guint32 *)(void *)out->data;
    for (i = n, j = k, w = n + k; j > 0;) /* from the back, the larger first */
        o[--w] = i > 0 && o[i - 1] > add[j - 1] ? o[--i] : add[--j];
    for (i = 0, w = 0; i < n + k; i++)
        if (!w || o[i] != o[w - 1])
            o[w++] = o[i];
    g_array_set_size(out, w);
    g_free(add);
}

void lu_bulk_hashes(const struct lu_bulk_in *in, GArray *out)
{
    struct shape sh;
    char *text = masked_text(in->text, &sh);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

    lu_feature_hashes(text, NULL, out); /* emptied, then sorted, each once */
    shape_names(in, &sh, names);
    merge_names(out, names);
    g_ptr_array_unref(names);
    g_free(text);
}

static int by_bucket(const void *key, const void *elt)
{
    guint32 k = *(const guint32 *)key, b = ((const struct lu_bulk_weight *)elt)->bucket;
    return k < b ? -1 : k > b;
}

double lu_bulk_probability(const struct lu_bulk_in *in)
{
    GArray *h;
    double z = lu_bulk_bias;

    if (lu_bulk_n_weights == 0)
        return -1;
    h = g_array_new(FALSE, FALSE, sizeof(guint32));
    lu_bulk_hashes(in, h);
    for (guint i = 0; i < h->len; i++) {
        const struct lu_bulk_weight *w =
            bsearch(&g_array_index(h, guint32, i), lu_bulk_weights, (size_t)lu_bulk_n_weights,
                    sizeof *lu_bulk_weights, by_bucket);
        if (w)
            z += w->w;
    }
    g_array_free(h, TRUE);
    return 1.0 / (1.0 + exp(-z));
}
