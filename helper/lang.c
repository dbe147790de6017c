/* lang.c - the language packs (helper/lang-CODE.c, one per language) and
 * which language a text is written in, so that a lead-up answers in the
 * language of the thread.  Pure: the guess counts frequent function words,
 * which no topic or name can outweigh.
 *
 * The packs are compiled in rather than read at start-up: no file to find
 * or parse, and what costs anything (the date word table, the union lists)
 * is built once, on first use (DEVELOPERS.md gives the measured cost). */
#include "leadup.h"

#include <pthread.h>

#include <string.h>

extern const struct lu_lang_pack lu_lang_en, lu_lang_de, lu_lang_fr, lu_lang_es, lu_lang_it;
extern const struct lu_lang_pack lu_lang_nl, lu_lang_da, lu_lang_sv, lu_lang_no, lu_lang_fi,
    lu_lang_pl, lu_lang_pt;

/* The packs leadup writes drafts in (enum lu_lang's order), then the
 * reading packs: languages whose quotes and subjects it reads. */
static const struct lu_lang_pack *const packs[] = {
    &lu_lang_en, &lu_lang_de, &lu_lang_fr, &lu_lang_es, &lu_lang_it, &lu_lang_nl,
    &lu_lang_da, &lu_lang_sv, &lu_lang_no, &lu_lang_fi, &lu_lang_pl, &lu_lang_pt};
G_STATIC_ASSERT(G_N_ELEMENTS(packs) >= LU_LANG_N);

const struct lu_lang_pack *lu_lang_pack(enum lu_lang l)
{
    return l < LU_LANG_N ? packs[l] : packs[LU_LANG_EN];
}

const struct lu_lang_pack *lu_lang_known(int i)
{
    return i >= 0 && i < (int)G_N_ELEMENTS(packs) ? packs[i] : NULL;
}

/* The union lists, one per field offset asked for, built once. */
#define ALL_MAX 48
static struct {
    gsize offset;
    const char **list;
} all_lists[ALL_MAX];
static int all_n;
/* POSIX, not GMutex: the scan's workers build these too, and a thread
 * sanitizer sees this lock (GLib's are futexes it cannot see). */
static pthread_mutex_t all_lock = PTHREAD_MUTEX_INITIALIZER;

/* The list of OFFSET among the first N built, or NULL. */
static const char **all_find(int n, gsize offset)
{
    for (int i = 0; i < n; i++)
        if (all_lists[i].offset == offset)
            return all_lists[i].list;
    return NULL;
}

/* A list once built never changes: it is found without the lock (all_n
 * published after its entry is written), so the many calls from hot paths
 * (the subject's prefixes, each thread) cost a look-up, not a lock. */
const char *const *lu_lang_all(gsize offset)
{
    const char **ret = all_find(__atomic_load_n(&all_n, __ATOMIC_ACQUIRE), offset);
    GPtrArray *a;

    if (ret)
        return ret;
    pthread_mutex_lock(&all_lock);
    ret = all_find(__atomic_load_n(&all_n, __ATOMIC_RELAXED), offset);
    if (ret)
        goto out;
    a = g_ptr_array_new();
    for (gsize l = 0; l < G_N_ELEMENTS(packs); l++) {
        const char *const *list = G_STRUCT_MEMBER(const char *const *, packs[l], offset);
        for (; list && *list; list++)
            g_ptr_array_add(a, (gpointer)*list);
    }
    g_ptr_array_add(a, NULL);
    ret = (const char **)g_ptr_array_free(a, FALSE);
    g_assert(all_n < ALL_MAX);
    all_lists[all_n].offset = offset;
    all_lists[all_n].list = ret;
    __atomic_store_n(&all_n, all_n + 1, __ATOMIC_RELEASE);
out:
    pthread_mutex_unlock(&all_lock);
    return ret;
}

const char *lu_lang_code(enum lu_lang l)
{
    return lu_lang_pack(l)->code;
}

static gpointer codes_once(gpointer unused)
{
    GString *s = g_string_new(NULL);

    (void)unused;
    for (int l = 0; l < LU_LANG_N; l++)
        g_string_append_printf(s, "%s%s", l ? " " : "", packs[l]->code);
    return g_string_free(s, FALSE);
}

const char *lu_lang_codes(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, codes_once, NULL);
}

int lu_lang_parse(const char *s)
{
    for (int l = 0; s && l < LU_LANG_N; l++)
        if (g_ascii_strcasecmp(s, packs[l]->code) == 0)
            return l;
    return -1;
}

/* Counts W for every language whose list holds it. */
static void word_lang_hits(const char *w, int *hits)
{
    for (int l = 0; l < LU_LANG_N; l++)
        for (const char *const *k = packs[l]->guess_words; *k; k++)
            if (strcmp(w, *k) == 0) {
                hits[l]++;
                break;
            }
}

enum lu_lang lu_lang_guess(const char *text, int *hits_out)
{
    int hits[LU_LANG_N] = {0}, best = LU_LANG_EN;
    char *low = g_utf8_strdown(text ? text : "", -1);
    const char *p = low;

    /* Words are runs of letters and apostrophes ("c'est", "j'ai"). */
    while (*p) {
        const char *b;
        while (*p && !g_unichar_isalpha(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        b = p;
        while (*p && (g_unichar_isalpha(g_utf8_get_char(p)) || *p == '\''))
            p = g_utf8_next_char(p);
        if (p > b) {
            char *w = g_strndup(b, p - b);
            word_lang_hits(w, hits);
            g_free(w);
        }
    }
    /* A tie goes to the earlier pack, so a new language never takes a
     * text the others shared. */
    for (int l = 1; l < LU_LANG_N; l++)
        if (hits[l] > hits[best])
            best = l;
    /* Too little text to tell: English, the templates' own language. */
    if (hits[best] < 3)
        best = LU_LANG_EN;
    if (hits_out)
        *hits_out = hits[best];
    g_free(low);
    return (enum lu_lang)best;
}
