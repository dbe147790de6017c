/* dates.c - date/time phrase resolution.
 *
 * lu_dates_find() runs on every sentence of every message, so it is a small
 * hand-written scanner, not a set of regular expressions: the text is cut
 * into tokens (words, numbers, punctuation) once, words are looked up in a
 * table built once from the language packs (helper/lang-*.c), and a recursive-descent
 * matcher tries a phrase at each token that can start one.  A sentence with
 * no digit and no date word costs one pass over its bytes.
 *
 * Calendar arithmetic is done on GDate Julian day numbers (the convention of
 * cal.c) and seconds of the day; results are built with g_date_time_new() in
 * REF's zone, so "tomorrow at 10" is 10:00 local even across a DST change.
 * doc/dates.md describes every phrase understood and what it means.
 */
#include "leadup.h"

#include <string.h>

/* ------------------------------------------------------------------ words */

/* The words themselves are in the language packs (helper/lang-*.c); their
 * flags, units, relative days and times of day are leadup.h's LU_DW_*,
 * LU_DU_*, LU_DR_* and LU_DT_*, named shorter here. */
enum {
    F_ABBR = LU_DW_ABBR,
    F_RISKY = LU_DW_RISKY,
    F_PREP = LU_DW_PREP,
    F_AT = LU_DW_AT,
    F_THIS = LU_DW_THIS,
    F_NEXT = LU_DW_NEXT,
    F_PREV = LU_DW_PREV,
    F_COMING = LU_DW_COMING,
    F_IN = LU_DW_IN,
    F_OF = LU_DW_OF,
    F_THE = LU_DW_THE,
    F_AND = LU_DW_AND,
    F_TO = LU_DW_TO,
    F_FROM = LU_DW_FROM,
    F_BETWEEN = LU_DW_BETWEEN,
    F_AM = LU_DW_AM,
    F_PM = LU_DW_PM,
    F_END = LU_DW_END,
    F_EARLY = LU_DW_EARLY,
    F_MID = LU_DW_MID,
    F_LATE = LU_DW_LATE,
    F_ORDSUF = LU_DW_ORDSUF,
    F_AGO = LU_DW_AGO,
    F_UHR = LU_DW_UHR,
    F_FOLLOW = LU_DW_FOLLOW,
    F_GUARD = LU_DW_GUARD,
    F_ZONE = LU_DW_ZONE,
    F_POSTNEXT = LU_DW_POSTNEXT,
    F_BIZ = LU_DW_BIZ,
    F_HOL = LU_DW_HOL,
    F_PL = LU_DW_PL,
    F_OR = LU_DW_OR,
};
enum {
    U_NONE = LU_DU_NONE,
    U_MIN = LU_DU_MIN,
    U_HOUR = LU_DU_HOUR,
    U_DAY = LU_DU_DAY,
    U_WEEK = LU_DU_WEEK,
    U_MONTH = LU_DU_MONTH,
    U_YEAR = LU_DU_YEAR,
    U_BDAY = LU_DU_BDAY,
    U_FORTNIGHT = LU_DU_FORTNIGHT,
    U_WEEKEND = LU_DU_WEEKEND,
    U_QUARTER = LU_DU_QUARTER,
};
enum {
    R_NONE = LU_DR_NONE,
    R_TODAY = LU_DR_TODAY,
    R_TOMORROW = LU_DR_TOMORROW,
    R_YESTERDAY = LU_DR_YESTERDAY,
    R_TONIGHT = LU_DR_TONIGHT,
    R_DAYAFTER = LU_DR_DAYAFTER,
    R_EOW = LU_DR_EOW,
    R_EOM = LU_DR_EOM,
    R_EOQ = LU_DR_EOQ,
    R_EOY = LU_DR_EOY,
    R_MTD = LU_DR_MTD,
    R_QTD = LU_DR_QTD,
    R_YTD = LU_DR_YTD,
};
enum {
    TW_NONE = LU_DT_NONE,
    TW_NOON = LU_DT_NOON,
    TW_MIDNIGHT = LU_DT_MIDNIGHT,
    TW_EOD = LU_DT_EOD,
    TW_MORNING = LU_DT_MORNING,
    TW_AFTERNOON = LU_DT_AFTERNOON,
    TW_EVENING = LU_DT_EVENING,
    TW_NIGHT = LU_DT_NIGHT,
};
#define ORD_LAST LU_DW_ORD_LAST

#define wd lu_date_word

/* Time zone abbreviations after a time: no language's words. */
static const struct wd zone_words[] = {
    {"cest", .f = LU_DW_ZONE}, {"gmt", .f = LU_DW_ZONE}, {"utc", .f = LU_DW_ZONE},
    {"bst", .f = LU_DW_ZONE},  {"est", .f = LU_DW_ZONE}, {"edt", .f = LU_DW_ZONE},
    {"cst", .f = LU_DW_ZONE},  {"cdt", .f = LU_DW_ZONE}, {"mst", .f = LU_DW_ZONE},
    {"pst", .f = LU_DW_ZONE},  {"pdt", .f = LU_DW_ZONE}, {"pt", .f = LU_DW_ZONE},
    {"ct", .f = LU_DW_ZONE},   {"mez", .f = LU_DW_ZONE}, {"mesz", .f = LU_DW_ZONE},
};

guint64 lu_date_orders;

static GHashTable *word_table;
static GHashTable *role_table; /* word -> LU_DX_* flags (GUINT_TO_POINTER) */
/* Both tables' words in one, looked up by a word's bytes in the
 * lower-cased text, no copy: one lookup a word (issue 14: two GLib
 * lookups a word were a quarter of the date finder's set-up).  Open
 * addressing, built once with the tables. */
struct lookup {
    const char *s; /* NULL: an empty slot */
    int n;
    const struct wd *w;
    unsigned x;
};
static struct lookup *lookups;
static guint lookup_mask;
/* Every pack's phrases of each kind (LU_DP_*), in the packs' order and each
 * pack's, NULL-ended: phrase_at tries only those of the kind it asks for (it
 * walked every pack's whole list for each token, 29% of the date finder). */
static const struct lu_date_phrase **phrases_of_kind[LU_DP_N];
/* The bytes a phrase of each kind can start with (first_bytes): phrase_at
 * asks its phrases only at a token that starts with one (each phrase's
 * words read at every token were 5% of a worker's instructions,
 * s45-first). */
static guint64 firsts_of_kind[LU_DP_N][4];

/* A word two packs share ("de" in French and Spanish) is one entry with
 * both meanings: the flags joined, each value from the first pack that
 * gives one.  The merged entries live as long as the table. */
static void add_word(GHashTable *h, const struct wd *w)
{
    struct wd *old = g_hash_table_lookup(h, w->s);

    if (!old) {
        g_hash_table_insert(h, (gpointer)w->s, g_memdup2(w, sizeof *w));
        return;
    }
    old->f |= w->f;
    old->g |= w->g;
#define JOIN(x) old->x = old->x ? old->x : w->x
    JOIN(month);
    JOIN(wday);
    JOIN(num);
    JOIN(ord);
    JOIN(unit);
    JOIN(rel);
    JOIN(tw);
    JOIN(hol);
    JOIN(mday);
    JOIN(season);
#undef JOIN
}

/* Into SET, the bytes a token phrase_len can match first in phrase S
 * starts with (is_tok): a lone punctuation character the token's own, a
 * word's first byte (the token's lower-case copy's); every byte for an
 * empty alternative. */
static void first_bytes(const char *s, guint64 set[4])
{
    while (*s && *s != ' ') {
        const char *a = s;
        while (*s && *s != ' ' && *s != '|')
            s++;
        if (s == a)
            memset(set, 0xff, 4 * sizeof *set);
        else
            set[(unsigned char)*a / 64] |= (guint64)1 << ((unsigned char)*a % 64);
        s += *s == '|';
    }
}

/* Fills phrases_of_kind and firsts_of_kind; they live as long as the
 * process. */
static void index_phrases(void)
{
    GPtrArray *a[LU_DP_N];

    for (int d = 0; d < LU_DP_N; d++)
        a[d] = g_ptr_array_new();
    for (int l = 0; l < LU_LANG_N; l++) {
        const struct lu_date_phrase *ph = lu_lang_pack((enum lu_lang)l)->date_phrases;
        for (; ph && ph->s; ph++)
            if (ph->kind < LU_DP_N) {
                g_ptr_array_add(a[ph->kind], (gpointer)ph);
                first_bytes(ph->s, firsts_of_kind[ph->kind]);
            }
    }
    for (int d = 0; d < LU_DP_N; d++) {
        g_ptr_array_add(a[d], NULL);
        phrases_of_kind[d] = (const struct lu_date_phrase **)g_ptr_array_free(a[d], FALSE);
    }
}

static guint lookup_hash(const char *s, int n)
{
    guint h = 5381;

    for (int i = 0; i < n; i++)
        h = h * 33 + (guchar)s[i];
    return h;
}

/* S's slot in lookups: its own, or the empty one it would take. */
static struct lookup *lookup_slot(const char *s, int n)
{
    guint k = lookup_hash(s, n) & lookup_mask;

    while (lookups[k].s && (lookups[k].n != n || memcmp(lookups[k].s, s, (size_t)n) != 0))
        k = (k + 1) & lookup_mask;
    return &lookups[k];
}

/* Fills lookups from word_table and role_table (they live as long as the
 * process). */
static void build_lookups(void)
{
    GHashTableIter it;
    gpointer k, v;
    guint size = 64;

    while (size < 2 * (g_hash_table_size(word_table) + g_hash_table_size(role_table)))
        size *= 2;
    lookups = g_new0(struct lookup, size);
    lookup_mask = size - 1;
    g_hash_table_iter_init(&it, word_table);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        struct lookup *l = lookup_slot(k, (int)strlen(k));
        l->s = k;
        l->n = (int)strlen(k);
        l->w = v;
    }
    g_hash_table_iter_init(&it, role_table);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        struct lookup *l = lookup_slot(k, (int)strlen(k));
        l->s = k;
        l->n = (int)strlen(k);
        l->x = GPOINTER_TO_UINT(v);
    }
}

static gpointer build_table(gpointer unused)
{
    GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);

    (void)unused;
    for (int l = 0; l < LU_LANG_N; l++) {
        const struct lu_lang_pack *pk = lu_lang_pack((enum lu_lang)l);
        for (gsize i = 0; i < pk->n_dates; i++)
            add_word(h, &pk->dates[i]);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(zone_words); i++)
        add_word(h, &zone_words[i]);
    role_table = g_hash_table_new(g_str_hash, g_str_equal);
    for (int l = 0; l < LU_LANG_N; l++) {
        const struct lu_date_role *r = lu_lang_pack((enum lu_lang)l)->date_roles;
        for (; r && r->s; r++) {
            unsigned x = GPOINTER_TO_UINT(g_hash_table_lookup(role_table, r->s));
            g_hash_table_insert(role_table, (gpointer)r->s, GUINT_TO_POINTER(x | r->x));
        }
    }
    index_phrases();
    word_table = h;
    build_lookups();
    return h;
}

/* ------------------------------------------------------------------ tokens */

enum { T_WORD, T_NUM, T_PUNCT };

struct tok {
    int off, len;       /* bytes in the text */
    unsigned char kind; /* T_* */
    bool sp;            /* white space (or the start of the text) before it */
    bool cap;           /* a word written with a capital first letter */
    bool url;           /* inside a URL, an e-mail address or a path: never a date */
    bool link;          /* inside a URL or an e-mail address: no mark of code either */
    char ch;            /* T_PUNCT: the character; every dash is '-', every apostrophe '\'' */
    int num, ndig;      /* T_NUM: value (capped) and digits */
    const struct wd *w; /* T_WORD: the known word, or NULL */
    unsigned x;         /* T_WORD: its LU_DX_* roles (role_table) */
};

/* A UTF-8 lead byte starts a letter for our purposes unless it is one of the
 * punctuation characters we read (dashes, quotes, nbsp). */
static int punct_utf8(const unsigned char *s, char *ch)
{
    /* U+2010..U+2015 dashes, U+2018/U+2019 quotes, U+00A0 nbsp, U+202F. */
    if (s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95) {
        *ch = '-';
        return 3;
    }
    if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)) {
        *ch = '\'';
        return 3;
    }
    if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x9c || s[2] == 0x9d)) {
        *ch = '"';
        return 3;
    }
    if (s[0] == 0xe2 && s[1] == 0x82 && s[2] == 0xac) {
        *ch = '$'; /* the euro sign: money */
        return 3;
    }
    if (s[0] == 0xc2 && (s[1] == 0xa3 || s[1] == 0xa5)) {
        *ch = '$'; /* pound, yen */
        return 2;
    }
    if (s[0] == 0xc2 && (s[1] == 0xab || s[1] == 0xbb || s[1] == 0xba || s[1] == 0xb0)) {
        *ch = s[1] == 0xba || s[1] == 0xb0 ? 'o' : '"';
        return 2;
    }
    return 0;
}

static bool is_space_at(const unsigned char *s, int *n)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v') {
        *n = 1;
        return true;
    }
    if (s[0] == 0xc2 && s[1] == 0xa0) {
        *n = 2;
        return true;
    }
    if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xaf || (s[2] >= 0x80 && s[2] <= 0x8b))) {
        *n = 3;
        return true;
    }
    return false;
}

/* A run of non-space bytes that is a URL, an e-mail address or a path:
 * nothing in it is a date ("/2026/12/03/", "x@2026-12-03.example").
 * Returns 2 for a URL or an address (a scheme, '@', "www."), 1 for the
 * rest (a path, "a=b", "x_y"), 0 for none. */
static int chunk_is_url(const char *s, int len)
{
    int slashes = 0, letters = 0, code = 0;

    for (int i = 0; i < len; i++) {
        char c = s[i];
        if (c == '/' || c == '\\')
            slashes++;
        else if (g_ascii_isalpha(c))
            letters++;
        if (c == ':' && i + 2 < len && s[i + 1] == '/' && s[i + 2] == '/')
            return 2;
        if (c == '@' && i > 0 && i + 1 < len && g_ascii_isalnum(s[i - 1]) &&
            g_ascii_isalnum(s[i + 1]))
            return 2;
        if ((c == '=' || c == '&' || c == '_' || c == '~') && letters)
            code = 1;
    }
    if (len > 4 && g_ascii_strncasecmp(s, "www.", 4) == 0)
        return 2;
    return code || (slashes >= 2 && letters > 0);
}

/* Lower-cases ASCII and the Latin-1 capitals (UTF-8 C3 80..C3 9E) of TEXT
 * into LOW, keeping every byte offset. */
static void lower_copy(const char *text, int len, char *low)
{
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (c == 0xc3 && i + 1 < len && (unsigned char)text[i + 1] >= 0x80 &&
                 (unsigned char)text[i + 1] <= 0x9e && (unsigned char)text[i + 1] != 0x97) {
            low[i] = (char)c;
            low[i + 1] = (char)((unsigned char)text[i + 1] + 0x20);
            i++;
            continue;
        }
        low[i] = (char)c;
    }
    low[len] = '\0';
}

/* Cuts TEXT into tokens (T, room for LEN + 1).  Returns the count; *INTEREST
 * is set when a digit or a known date word occurs. */
static int tokenise(const char *text, int len, const char *low, struct tok *t, bool *interest)
{
    const unsigned char *s = (const unsigned char *)text;
    int n = 0, i = 0, chunk_end = -1;
    bool sp = true;
    int url = 0;

    *interest = false;
    while (i < len) {
        int k = 0;
        char ch = 0;
        if (is_space_at(s + i, &k)) {
            sp = true;
            i += k;
            continue;
        }
        if (i > chunk_end) {
            int e = i;
            while (e < len && !is_space_at(s + e, &k))
                e++;
            url = chunk_is_url(text + i, e - i);
            chunk_end = e - 1;
        }
        struct tok *x = &t[n++];
        memset(x, 0, sizeof *x);
        x->off = i;
        x->sp = sp;
        x->url = url > 0;
        x->link = url == 2;
        sp = false;
        if (g_ascii_isdigit(s[i])) {
            x->kind = T_NUM;
            while (i < len && g_ascii_isdigit(s[i])) {
                if (x->num < 100000)
                    x->num = x->num * 10 + (s[i] - '0');
                x->ndig++;
                i++;
            }
            *interest = true;
        } else if (g_ascii_isalpha(s[i]) || (s[i] >= 0x80 && !punct_utf8(s + i, &ch))) {
            x->kind = T_WORD;
            x->cap = (s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] == 0xc3 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9e);
            while (i < len && (g_ascii_isalpha(s[i]) || (s[i] >= 0x80 && !punct_utf8(s + i, &ch) &&
                                                         !is_space_at(s + i, &k))))
                i++;
            if (i - x->off < 24) {
                const struct lookup *l = lookup_slot(low + x->off, i - x->off);
                x->w = l->w;
                x->x = l->x;
                if (x->w && !x->url &&
                    (x->w->month || x->w->wday || x->w->rel || x->w->tw || x->w->unit ||
                     x->w->season || (x->w->f & F_HOL)))
                    *interest = true;
                /* "close of business", "end of play": a time of no date word */
                if ((x->x & LU_DX_WORKDAY) && n >= 2 && t[n - 2].kind == T_WORD && t[n - 2].w &&
                    (t[n - 2].w->f & F_OF))
                    *interest = true;
            }
        } else {
            int k2 = punct_utf8(s + i, &ch);
            x->kind = T_PUNCT;
            if (k2) {
                x->ch = ch;
                i += k2;
            } else {
                x->ch = (char)s[i];
                i++;
            }
        }
        x->len = i - x->off;
    }
    return n;
}

/* ------------------------------------------------------------------ calendar */

/* The Julian day of Y-M-D, or 0 when there is no such day. */
static guint32 jd_of(int y, int m, int d)
{
    GDate g;

    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy(d, m, y))
        return 0;
    g_date_clear(&g, 1);
    g_date_set_dmy(&g, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
    return g_date_get_julian(&g);
}

static void ymd_of(guint32 jd, int *y, int *m, int *d)
{
    GDate g;

    g_date_clear(&g, 1);
    g_date_set_julian(&g, jd);
    *y = g_date_get_year(&g);
    *m = g_date_get_month(&g);
    *d = g_date_get_day(&g);
}

/* Monday = 1 .. Sunday = 7 (Julian day 1 was a Monday). */
static int wday_of(guint32 jd)
{
    return (int)((jd - 1) % 7) + 1;
}

static int mdays(int y, int m)
{
    return g_date_get_days_in_month((GDateMonth)m, (GDateYear)y);
}

static guint32 monday_of(guint32 jd)
{
    return jd - (guint32)(wday_of(jd) - 1);
}

/* The last business day in FROM..TO (inclusive), or TO when there is none. */
static guint32 last_bizday(const struct lu_cal *cal, guint32 from, guint32 to)
{
    for (guint32 jd = to; jd >= from; jd--)
        if (lu_cal_is_bizday_jd(cal, jd))
            return jd;
    return to;
}

/* The end of the working week in the week starting MONDAY: the last business
 * day followed by a day off (Thursday for a Sunday-to-Thursday week), else
 * the last business day. */
static guint32 week_end_bizday(const struct lu_cal *cal, guint32 monday)
{
    for (guint32 jd = monday + 6; jd >= monday; jd--)
        if (lu_cal_is_bizday_jd(cal, jd) && !lu_cal_is_bizday_jd(cal, jd + 1))
            return jd;
    return last_bizday(cal, monday, monday + 6);
}

/* ------------------------------------------------------------------ matching */

struct P {
    const char *text, *low;
    struct tok *t;
    int n;
    GDateTime *ref;
    GTimeZone *tz;
    const struct lu_cal *cal;
    gint64 now;  /* REF in unix seconds */
    guint32 rjd; /* REF's local date */
    int ry, rm, rd;
    int rsod;     /* REF's local second of the day */
    bool cli;     /* lu_when_parse: every abbreviation is a date */
    bool has_hol; /* a holiday word occurs */
    /* lu_dates_find_ordered: the order of the whole text this is a
     * sentence of, read when a date needs it (p_mdy); NULL: CAL's */
    struct lu_date_order *order;
};

/* A phrase being resolved. */
struct res {
    bool date, time;   /* names days / a time of day */
    guint32 jd0, jd1;  /* the days covered */
    enum lu_span span; /* of the days: DAY, WEEK, MONTH or RANGE */
    int t0, t1;        /* seconds of the day; t1 == t0 for one time */
    bool abs;          /* a duration ("in 2 hours", "3d"): u0 is the moment */
    gint64 u0;
    bool today; /* a time meaning today even when past ("this morning") */
    bool past;  /* a period back to REF ("the last 2 weeks"): struct lu_when's past */
    int follow; /* "the following week": U_DAY, U_WEEK, U_MONTH or U_YEAR, or minus a weekday;
                   date_following moves it after the date before it */
    bool label; /* a named day as a thing's label ("the Valentine's Day campaign"): its words
                   are read, and no date comes of them */
};

static const struct wd *W(const struct P *p, int i)
{
    return i >= 0 && i < p->n && p->t[i].kind == T_WORD && !p->t[i].url ? p->t[i].w : NULL;
}

static bool wf(const struct P *p, int i, unsigned f)
{
    const struct wd *w = W(p, i);
    return w && (w->f & f);
}

/* Is token I the word S?  For notation only, the same in every language:
 * ISO 8601's "T", "10h30" and "5h", am/pm and a.m./p.m., and the WHEN
 * durations ("3d", "2w", "4h", "30m", "1mo").  A word of a language is the
 * packs' (a date word's flags, or a role: LU_DX_*). */
static bool is_word(const struct P *p, int i, const char *s)
{
    return i >= 0 && i < p->n && p->t[i].kind == T_WORD && (int)strlen(s) == p->t[i].len &&
           memcmp(p->low + p->t[i].off, s, (size_t)p->t[i].len) == 0;
}

/* Is token I the word (or punctuation character) of the N bytes at S? */
static bool is_tok(const struct P *p, int i, const char *s, int n)
{
    if (i < 0 || i >= p->n)
        return false;
    if (n == 1 && !g_ascii_isalnum(*s) && !(*s & 0x80))
        return p->t[i].kind == T_PUNCT && p->t[i].ch == *s;
    return p->t[i].kind == T_WORD && n == p->t[i].len &&
           memcmp(p->low + p->t[i].off, s, (size_t)n) == 0;
}

/* The tokens of phrase S (struct lu_date_phrase) at token K, or 0.  Its
 * words are ' ' apart, each a word's alternatives '|' apart. */
static int phrase_len(const struct P *p, int k, const char *s)
{
    int n = 0;

    while (*s) {
        bool hit = false;
        if (k + n >= p->n)
            return 0;
        while (*s && *s != ' ') {
            const char *a = s;
            while (*s && *s != ' ' && *s != '|')
                s++;
            if (!hit)
                hit = is_tok(p, k + n, a, (int)(s - a));
            s += *s == '|';
        }
        if (!hit)
            return 0;
        n++;
        s += *s == ' ';
    }
    return n;
}

/* Does a phrase of KIND (LU_DP_*), any pack's, stand at token K?  Returns
 * its tokens (0: none); its value in *VAL (may be NULL). */
static int phrase_at(const struct P *p, int k, int kind, int *val)
{
    const struct tok *t;
    unsigned char c;

    if (k < 0 || k >= p->n || kind < 0 || kind >= LU_DP_N)
        return 0;
    /* A number is no phrase's first token; a token no phrase of KIND
     * starts with is none of them (first_bytes). */
    t = &p->t[k];
    if (t->kind != T_WORD && t->kind != T_PUNCT)
        return 0;
    if (t->kind == T_PUNCT || t->len > 0) {
        c = t->kind == T_PUNCT ? (unsigned char)t->ch : (unsigned char)p->low[t->off];
        if (!(firsts_of_kind[kind][c / 64] & ((guint64)1 << (c % 64))))
            return 0;
    }
    for (const struct lu_date_phrase *const *ph = phrases_of_kind[kind]; *ph; ph++) {
        int n = phrase_len(p, k, (*ph)->s);
        if (n) {
            if (val)
                *val = (*ph)->n;
            return n;
        }
    }
    return 0;
}

/* Is token I a word with a role of X (LU_DX_*)? */
static bool wx(const struct P *p, int i, unsigned x)
{
    return i >= 0 && i < p->n && p->t[i].kind == T_WORD && (p->t[i].x & x);
}

/* Is token I a word with phrase flags G (LU_DG_*)? */
static bool wg(const struct P *p, int i, unsigned g)
{
    const struct wd *w = W(p, i);
    return w && (w->g & g);
}

static bool is_p(const struct P *p, int i, char c)
{
    return i >= 0 && i < p->n && p->t[i].kind == T_PUNCT && p->t[i].ch == c;
}

static bool is_num(const struct P *p, int i)
{
    return i >= 0 && i < p->n && p->t[i].kind == T_NUM && !p->t[i].url;
}

/* Token I follows token I-1 without white space. */
static bool glued(const struct P *p, int i)
{
    return i > 0 && i < p->n && !p->t[i].sp;
}

/* A number at I that stands on its own on the left: not "v3", "$3", "#3",
 * "1.3", "2/3", "-3" or "3" inside "+49 30 ...". */
static bool num_free_left(const struct P *p, int i)
{
    if (!is_num(p, i))
        return false;
    if (!glued(p, i))
        return true;
    const struct tok *b = &p->t[i - 1];
    return b->kind == T_PUNCT && strchr("(\"'[", b->ch);
}

/* Nothing glued on the right of token I-1 that would make the number before
 * it part of something longer ("3.5", "3/4", "3%", "3x", "3-4-5"). */
static bool num_free_right(const struct P *p, int i)
{
    if (i >= p->n || !glued(p, i))
        return true;
    const struct tok *a = &p->t[i];
    if (a->kind == T_NUM || a->kind == T_WORD)
        return false;
    if (strchr("%$/#+*=_^&", a->ch))
        return false;
    if (strchr(".,:-'", a->ch) && i + 1 < p->n && glued(p, i + 1) && p->t[i + 1].kind != T_PUNCT)
        return false;
    return true;
}

/* A 4-digit year at I (1900..2199). */
static bool year_at(const struct P *p, int i, int *y)
{
    if (!is_num(p, i) || p->t[i].ndig != 4 || p->t[i].num < 1900 || p->t[i].num > 2199)
        return false;
    *y = p->t[i].num;
    return true;
}

/* Of CAND, the days of REF's year before, REF's year and the year after
 * (0: none that year), the nearest to REF (the later one on a tie). */
static guint32 nearest_of(const struct P *p, const guint32 cand[3])
{
    guint32 best = 0;
    gint64 bestd = 0;

    for (int y = 0; y < 3; y++) {
        guint32 jd = cand[y];
        gint64 dist = jd > p->rjd ? (gint64)(jd - p->rjd) : (gint64)(p->rjd - jd);
        if (jd && (!best || dist <= bestd)) {
            best = jd;
            bestd = dist;
        }
    }
    return best;
}

/* The year that puts M-D nearest to REF (the later one on a tie); 0 when
 * no nearby year has that day (29 February). */
static guint32 nearest_dm(const struct P *p, int m, int d)
{
    guint32 cand[3] = {jd_of(p->ry - 1, m, d), jd_of(p->ry, m, d), jd_of(p->ry + 1, m, d)};

    return nearest_of(p, cand);
}

/* Easter Sunday of year Y: the Gregorian computus (Meeus, Jones, Butcher). */
static guint32 easter_jd(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;

    return jd_of(y, n / 31, n % 31 + 1);
}

/* The day a feast (LU_DH_XMAS, LU_DH_THANKS: the fourth Thursday of
 * November, LU_DH_EASTER) falls on in year Y; 0 for any other KIND. */
static guint32 feast_jd(int kind, int y)
{
    guint32 nov1;

    if (kind == LU_DH_XMAS)
        return jd_of(y, 12, 25);
    if (kind == LU_DH_EASTER)
        return easter_jd(y);
    if (kind != LU_DH_THANKS || !(nov1 = jd_of(y, 11, 1)))
        return 0;
    return nov1 + (guint32)((4 - wday_of(nov1) + 7) % 7) + 21;
}

/* The feast KIND of the year that puts it nearest to REF, as nearest_dm. */
static guint32 nearest_feast(const struct P *p, int kind)
{
    guint32 cand[3] = {feast_jd(kind, p->ry - 1), feast_jd(kind, p->ry), feast_jd(kind, p->ry + 1)};

    return nearest_of(p, cand);
}

/* The year of month M nearest to REF's month (the later one on a tie). */
static int nearest_month_year(const struct P *p, int m)
{
    int diff = m - p->rm;

    if (diff > 6)
        return p->ry - 1;
    if (diff < -6 || (diff == -6))
        return p->ry + 1;
    return p->ry;
}

static void set_days(struct res *r, guint32 jd0, guint32 jd1, enum lu_span span)
{
    r->date = true;
    r->jd0 = jd0;
    r->jd1 = jd1;
    r->span = span;
}

static void set_month(struct res *r, int y, int m)
{
    set_days(r, jd_of(y, m, 1), jd_of(y, m, mdays(y, m)), LU_SPAN_MONTH);
}

/* A word that may stand right after a date or a time without making it
 * something else ("Friday the", "May 3 people" are not dates). */
static bool date_follower(const struct P *p, int i)
{
    const struct wd *w;

    if (i >= p->n || p->t[i].kind != T_WORD)
        return true;
    w = W(p, i);
    return w && (w->f & (F_FOLLOW | F_PREP | F_TO | F_AND | F_AT | F_ZONE | F_AM | F_PM | F_IN |
                         F_NEXT | F_THIS | F_UHR | F_FROM | F_BETWEEN) ||
                 w->rel || w->wday || w->month || w->tw);
}

/* ------------------------------------------------------------------ dates */

/* A month name at I.  "may", "march" and "mar" count only with a capital
 * (and in lu_when_parse); an abbreviation may take a glued '.'.  Returns the
 * index after it, or -1. */
static int month_at(const struct P *p, int i, int *m)
{
    const struct wd *w = W(p, i);

    if (!w || !w->month)
        return -1;
    if ((w->f & F_RISKY) && !p->t[i].cap && !p->cli)
        return -1;
    *m = w->month;
    i++;
    if ((w->f & F_ABBR) && is_p(p, i, '.') && glued(p, i))
        i++;
    return i;
}

/* A year glued to the comma at I after a day: "August 15,2001", within ten
 * years of REF ("June 2,100 barrels" is a number). */
static bool glued_year(const struct P *p, int i)
{
    int y;

    return is_p(p, i, ',') && glued(p, i) && year_at(p, i + 1, &y) && glued(p, i + 1) &&
           num_free_right(p, i + 2) && ABS(y - p->ry) <= 10;
}

/* A day of the month at I: "3", "03", "3rd", "1er", and with DOT the German
 * "3." (not after a month name: "on Jan 9." ends a sentence).  Returns the
 * index after it, or -1. */
static int mday_at(const struct P *p, int i, int *d, bool need_free_left, bool dot)
{
    if (!is_num(p, i) || p->t[i].ndig > 2 || p->t[i].num < 1 || p->t[i].num > 31)
        return -1;
    if (need_free_left && !num_free_left(p, i))
        return -1;
    *d = p->t[i].num;
    i++;
    if (wf(p, i, F_ORDSUF) && glued(p, i))
        i++;
    else if (dot && is_p(p, i, '.') && glued(p, i) &&
             (!(i + 1 < p->n && glued(p, i + 1)) || is_p(p, i + 1, '-')))
        i++;
    /* A dash may start a range of days: the caller decides. */
    if (!is_p(p, i, '-') && !num_free_right(p, i) && !glued_year(p, i))
        return -1;
    return i;
}

/* An optional year after a day and month: "2026", ", 2026", "de 2026". */
static int opt_year(const struct P *p, int i, int *y)
{
    int k = i;

    if (glued_year(p, k)) {
        *y = p->t[k + 1].num;
        return k + 2;
    }
    if (is_p(p, k, ',') || (wf(p, k, F_OF) && !glued(p, k)))
        k++;
    if (year_at(p, k, y) && !glued(p, k) && num_free_right(p, k + 1))
        return k + 1;
    *y = 0;
    return i;
}

/* Days D..D2 of month M in year Y (0: the nearest year to REF). */
static bool set_dm(const struct P *p, struct res *r, int y, int m, int d, int d2)
{
    guint32 a, b;

    a = y ? jd_of(y, m, d) : nearest_dm(p, m, d);
    if (!a)
        return false;
    ymd_of(a, &y, &m, &d);
    b = d2 ? jd_of(y, m, d2) : a;
    if (!b || b < a)
        return false;
    set_days(r, a, b, d2 ? LU_SPAN_RANGE : LU_SPAN_DAY);
    return true;
}

/* After day D ending at K, a range of days ("3-5", "3 to 5"): returns
 * where it ends, with the last day in *D2 (0: no range), or -1 for a '-'
 * to no later day.  DOT as mday_at's last argument. */
static int day_range(const struct P *p, int k, int d, int *d2, bool dot)
{
    int k2;

    *d2 = 0;
    /* "June 10-year bonds", "Dec 3-day course": a number glued to a unit
     * by a dash is a duration's, an adjective ("June 10-ish" stays). */
    if (is_p(p, k, '-') && glued(p, k) && glued(p, k + 1) && W(p, k + 1) && W(p, k + 1)->unit)
        return -1;
    if ((is_p(p, k, '-') || wf(p, k, F_TO)) && is_num(p, k + 1)) {
        k2 = mday_at(p, k + 1, d2, false, dot);
        if (k2 > 0 && *d2 > d)
            return k2;
        *d2 = 0;
        if (is_p(p, k, '-'))
            return -1;
    }
    return k;
}

/* A day of the month at I and the range of days it may start ("3",
 * "3-5", "3.-5."): the first in *D, the last in *D2 (0: one day).  DOT and
 * FREE_LEFT as mday_at's.  Returns the index after them, or -1. */
static int days_at(const struct P *p, int i, int *d, int *d2, bool dot, bool free_left)
{
    int k = mday_at(p, i, d, free_left, dot);

    return k < 0 ? -1 : day_range(p, k, *d, d2, dot);
}

static int year2_at(const struct P *p, int k, int *y, bool after_q);

/* After a day, "-Dec-26", "-Dec-2026" (a form's and a spreadsheet's
 * "3-Dec-26"): the year (0: not that form), its month in *M and the index
 * after it in *END.  Only with its year: "3-Dec" alone may be a range. */
static int dashed_month_year(const struct P *p, int k, int *m, int *end)
{
    int y = 0, e;

    if (!is_p(p, k, '-') || !glued(p, k) || !glued(p, k + 1) || !W(p, k + 1) ||
        (W(p, k + 1)->f & F_ABBR) == 0 || (e = month_at(p, k + 1, m)) < 0)
        return 0;
    if (!is_p(p, e, '-') || !glued(p, e) || !glued(p, e + 1))
        return 0;
    if (year_at(p, e + 1, &y) && num_free_right(p, e + 2))
        e += 2;
    else if ((e = year2_at(p, e + 1, &y, true)) < 0)
        return 0;
    *end = e;
    return y;
}

/* "3 December", "3rd of December 2026", "3. Dezember", "3 de diciembre",
 * "1er décembre", "3-5 December", "3 to 5 December", "3.-5. Dezember". */
static int m_day_month(const struct P *p, int i, struct res *r)
{
    int d, d2 = 0, m, y, k;

    if (wf(p, i, F_THE) && is_num(p, i + 1))
        i++;
    k = days_at(p, i, &d, &d2, true, true);
    if (k < 0)
        return -1;
    if (!d2 && (y = dashed_month_year(p, k, &m, &k)) > 0)
        return set_dm(p, r, y, m, d, 0) ? k : -1;
    if (wf(p, k, F_OF))
        k++;
    k = month_at(p, k, &m);
    if (k < 0)
        return -1;
    k = opt_year(p, k, &y);
    if (!set_dm(p, r, y, m, d, d2))
        return -1;
    return k;
}

/* "December 3", "Dec 3rd, 2026", "December 3-5". */
static int m_month_day(const struct P *p, int i, struct res *r)
{
    int d, d2 = 0, m, y, k;
    bool ord;
    const struct wd *w = W(p, i);

    k = month_at(p, i, &m);
    /* "Nov.1", "Nov.1st": the day may be glued to an abbreviation's dot. */
    if (k < 0 || !is_num(p, k) || (glued(p, k) && !is_p(p, k - 1, '.')))
        return -1;
    k = days_at(p, k, &d, &d2, false, !glued(p, k));
    if (k < 0)
        return -1;
    ord = wf(p, k - 1, F_ORDSUF);
    k = opt_year(p, k, &y);
    /* "May 3 people": a risky month needs a year, an ordinal ("May
     * 20th was ..."), a date-like word after it, or "on" or "the" before
     * it ("On May 31 we", "the May 31 report"). */
    if ((w->f & F_RISKY) && !y && !ord && !date_follower(p, k) && !wf(p, i - 1, F_PREP | F_THE))
        return -1;
    if (!set_dm(p, r, y, m, d, d2))
        return -1;
    return k;
}

/* "2026-12-03" (and "2026-12-03T14:00", "2026-12-03 14:00:00" with a time). */
static int m_iso(const struct P *p, int i, struct res *r)
{
    int y, m, d, k = i + 5;
    guint32 jd;

    if (!year_at(p, i, &y) || !num_free_left(p, i) || !is_p(p, i + 1, '-') || !glued(p, i + 1) ||
        !is_num(p, i + 2) || !glued(p, i + 2) || p->t[i + 2].ndig > 2 || !is_p(p, i + 3, '-') ||
        !glued(p, i + 3) || !is_num(p, i + 4) || !glued(p, i + 4) || p->t[i + 4].ndig > 2)
        return -1;
    m = p->t[i + 2].num;
    d = p->t[i + 4].num;
    jd = jd_of(y, m, d);
    if (!jd)
        return -1;
    set_days(r, jd, jd, LU_SPAN_DAY);
    /* "2026-12-03T14:00[:00]". */
    if (is_word(p, k, "t") && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1) &&
        is_p(p, k + 2, ':') && glued(p, k + 2) && is_num(p, k + 3) && glued(p, k + 3)) {
        int h = p->t[k + 1].num, mi = p->t[k + 3].num, sec = 0;
        k += 4;
        if (is_p(p, k, ':') && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1)) {
            sec = p->t[k + 1].num;
            k += 2;
        }
        if (h > 23 || mi > 59 || sec > 59)
            return -1;
        r->time = true;
        r->t0 = r->t1 = h * 3600 + mi * 60 + sec;
    }
    if (!num_free_right(p, k))
        return -1;
    return k;
}

/* The token before I names a date context: "on", "by", "am", a weekday. */
static bool date_context_before(const struct P *p, int i)
{
    int k = i - 1;
    const struct wd *w;

    if (is_p(p, k, ','))
        k--;
    w = W(p, k);
    return w && ((w->f & (F_PREP | F_FROM | F_TO | F_GUARD)) || w->wday);
}

/* After "Thu 6/7/01" (R has day D of month M of year Y, 0: the nearest): when
 * the weekday before the date fits the other order of day and month and
 * not this one, the writer used the other order ("date_order" is a guess
 * for a correspondent's mail). */
static void slash_weekday(const struct P *p, int i, struct res *r, int y, int m, int d)
{
    int b = is_p(p, i - 1, ',') ? i - 2 : i - 1;
    struct res alt = {0};

    if (!W(p, b) || !W(p, b)->wday || d > 12 || d == m || wday_of(r->jd0) == W(p, b)->wday)
        return;
    if (set_dm(p, &alt, y, d, m, 0) && wday_of(alt.jd0) == W(p, b)->wday)
        *r = alt;
}

/* Whether P reads "11/1" month first: the order of the text P is a sentence
 * of, read from the whole text the first time a date needs it
 * (lu_dates_find_ordered), else CAL's. */
static bool p_mdy(const struct P *p)
{
    if (!p->order)
        return p->cal->mdy;
    if (p->order->mdy < 0)
        p->order->mdy = lu_dates_order(p->order->text, p->ref, p->cal);
    return p->order->mdy > 0;
}

/* After a numeric date ending at K, "-12/5", " - 12/5", " to 12/5": the
 * second date's numbers in *A, *B; the index after it, or -1. */
static int slash_pair_at(const struct P *p, int k, int *a, int *b)
{
    if (!(is_p(p, k, '-') || wf(p, k, F_TO)) || !is_num(p, k + 1) || p->t[k + 1].ndig > 2 ||
        !is_p(p, k + 2, '/') || !glued(p, k + 2) || !is_num(p, k + 3) || !glued(p, k + 3) ||
        p->t[k + 3].ndig > 2 || !num_free_right(p, k + 4))
        return -1;
    *a = p->t[k + 1].num;
    *b = p->t[k + 3].num;
    return k + 4;
}

/* R's day and the second date of "12/3-12/5" (month M2, day D2, in the
 * first's order) at K: a range of days when it is later within 31 days
 * (else "1/2-3/4" is fractions: the first date alone when CTX made it one).
 * Returns the index after the range, K, or -1. */
static int slash_range(const struct P *p, struct res *r, int k, int m2, int d2, bool ctx)
{
    int y, m, d;
    guint32 jd, other;

    ymd_of(r->jd0, &y, &m, &d);
    if (m2 > 12 && d2 <= 12) { /* "1/1 - 1/31": the day is the number above 12 */
        int x = m2;
        m2 = d2;
        d2 = x;
    }
    jd = m2 >= 1 && m2 <= 12 ? jd_of(m2 < m ? y + 1 : y, m2, d2) : 0;
    if (jd > r->jd0 && jd - r->jd0 <= 31) {
        set_days(r, r->jd0, jd, LU_SPAN_RANGE);
        return k + 4;
    }
    /* In the other order a range ("12/3-12/5" read day first while the
     * writer's order is being voted on): the first date stands. */
    ymd_of(r->jd0, &y, &m, &d);
    jd = d <= 12 && m2 <= 31 && d2 <= 12 ? jd_of(y, d, m) : 0;
    if (jd && (other = jd_of(d2 < d ? y + 1 : y, d2, m2)) > jd && other - jd <= 31)
        return k + 4;
    return ctx && num_free_right(p, k) ? k : -1;
}

/* "12/03", "12/03/2026", "12/3/26", "12-03-2026": the writer's order or
 * cal->mdy decides (p_mdy); a day above 12 decides it too.  Without a year it needs context ("on 12/03", "Tue
 * 12/03", "12/03 at 10") or two-digit fields, and "24/7", "1/2 of" are not
 * dates. */
static int m_slash(const struct P *p, int i, struct res *r)
{
    int a, b, a2 = 0, b2 = 0, y = 0, k = i + 3, m, d;
    bool ctx, mdy, rng;
    char sep = is_p(p, i + 1, '-') ? '-' : '/';

    if (!num_free_left(p, i) || p->t[i].ndig > 2 || !is_p(p, i + 1, sep) || !glued(p, i + 1) ||
        !is_num(p, i + 2) || !glued(p, i + 2) || p->t[i + 2].ndig > 2)
        return -1;
    a = p->t[i].num;
    b = p->t[i + 2].num;
    if (is_p(p, k, sep) && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1)) {
        if (p->t[k + 1].ndig == 4)
            y = p->t[k + 1].num;
        else if (p->t[k + 1].ndig == 2)
            y = 2000 + p->t[k + 1].num;
        else
            return -1;
        k += 2;
    }
    rng = !y && sep == '/' && slash_pair_at(p, k, &a2, &b2) > 0;
    if (!rng && !num_free_right(p, k))
        return -1;
    /* "7-04-2026", "on Monday 1-21-27": dashes only with a year ("10-12
     * people" is a count), a short year only after a date word, never
     * glued to a quote (a string in code: "07-25-2016"). */
    if (sep == '-' && (!y || glued(p, i) || (p->t[k - 1].ndig == 2 && !date_context_before(p, i)) ||
                       (p->t[k - 1].ndig == 4 && !year_at(p, k - 1, &d))))
        return -1;
    if (!y) {
        ctx = date_context_before(p, i) || p->cli || is_p(p, k, '@') || wf(p, k, F_AT) ||
              (p->t[i].ndig == 2 && p->t[i + 2].ndig == 2) ||
              ((wx(p, i - 1, LU_DX_NUMDATE) || phrase_at(p, i - 2, LU_DP_NUMDATE, NULL) == 2) &&
               !(W(p, k) && W(p, k)->unit));
        /* "Windows 10/11": versions, not a date; "12/3-12/5" a range of two. */
        if (!(ctx || rng) || (a == 24 && b == 7) || wf(p, k, F_OF) || wx(p, i - 1, LU_DX_VERSION))
            return -1;
    }
    /* Only two different numbers of 12 or less read differently in the
     * two orders: only they ask for the writer's (p_mdy). */
    mdy = a != b && a <= 12 && b <= 12 ? p_mdy(p) : p->cal->mdy;
    m = mdy ? a : b;
    d = mdy ? b : a;
    if (m > 12 && d <= 12) {
        int x = m;
        m = d;
        d = x;
    }
    if (!set_dm(p, r, y, m, d, 0))
        return -1;
    slash_weekday(p, i, r, y, m, d);
    if (rng)
        return slash_range(p, r, k, mdy ? a2 : b2, mdy ? b2 : a2, ctx);
    return k;
}

/* "3.12.2026", "03.12.26", and "3.12." with context ("am 3.12."). */
static int m_dot(const struct P *p, int i, struct res *r)
{
    int d, m, y = 0, k = i + 4;

    if (!num_free_left(p, i) || p->t[i].ndig > 2 || !is_p(p, i + 1, '.') || !glued(p, i + 1) ||
        !is_num(p, i + 2) || !glued(p, i + 2) || p->t[i + 2].ndig > 2 || !is_p(p, i + 3, '.') ||
        !glued(p, i + 3))
        return -1;
    /* Version numbers: "version 3.12.1", "v1.2.2026", "R 4.3.2". */
    if (wx(p, i - 1, LU_DX_VERSION))
        return -1;
    d = p->t[i].num;
    m = p->t[i + 2].num;
    if (is_num(p, k) && glued(p, k)) {
        if (p->t[k].ndig == 4)
            y = p->t[k].num;
        else if (p->t[k].ndig == 2 && p->t[i].ndig == 2 && p->t[i + 2].ndig == 2)
            y = 2000 + p->t[k].num;
        else
            return -1;
        k++;
        if (!num_free_right(p, k))
            return -1;
    } else {
        /* "3.12." without a year is German: only after "am", "bis", "ab",
         * "vom", "zum", "seit", "den" (LU_DX_DOTDATE) or a weekday ("to
         * 3.1." is a version). */
        int b = is_p(p, i - 1, ',') ? i - 2 : i - 1;
        bool ctx = (W(p, b) && W(p, b)->wday) || wx(p, b, LU_DX_DOTDATE);
        if (!ctx && !p->cli)
            return -1;
        if (k < p->n && glued(p, k) && p->t[k].kind != T_PUNCT)
            return -1;
    }
    if (!set_dm(p, r, y, m, d, 0))
        return -1;
    return k;
}

enum { MOD_NONE, MOD_THIS, MOD_NEXT, MOD_PREV, MOD_COMING, MOD_FOLLOW };

/* A modifier word at I ("this", "next", "last", "coming", "this coming").
 * Returns the index after it. */
static int mod_at(const struct P *p, int i, int *mod)
{
    const struct wd *w = W(p, i);

    *mod = MOD_NONE;
    /* "the following week", "am folgenden Tag"; not "following Tuesday's
     * sell-off" (after it). */
    if (wx(p, i, LU_DX_FOLLOWING) && wf(p, i - 1, F_THE | F_PREP)) {
        *mod = MOD_FOLLOW;
        return i + 1;
    }
    if (!w)
        return i;
    if ((w->f & F_THIS) && wf(p, i + 1, F_COMING)) {
        *mod = MOD_COMING;
        return i + 2;
    }
    if (w->f & F_THIS)
        *mod = MOD_THIS;
    else if (w->f & F_NEXT)
        *mod = MOD_NEXT;
    else if (w->f & F_PREV)
        *mod = MOD_PREV;
    else if (w->f & F_COMING)
        *mod = MOD_COMING;
    return *mod ? i + 1 : i;
}

/* A modifier written after its noun: "lundi prochain", "el lunes que
 * viene", "el lunes pasado", "la semaine dernière". */
static int postmod_at(const struct P *p, int i, int *mod)
{
    /* "la semaine suivante", "la settimana successiva"; not "the week
     * following the meeting", "on Tuesday following last Friday's". */
    if (wx(p, i, LU_DX_FOLLOWING) && !W(p, i + 1)) {
        *mod = MOD_FOLLOW;
        return i + 1;
    }
    if (wf(p, i, F_POSTNEXT)) {
        *mod = MOD_NEXT;
        return i + 1;
    }
    if (wg(p, i, LU_DG_NEXT1) && wg(p, i + 1, LU_DG_NEXT2)) {
        *mod = MOD_NEXT;
        return i + 2;
    }
    if (wf(p, i, F_PREV) && !wf(p, i + 1, F_OF) && !(W(p, i + 1) && W(p, i + 1)->unit) &&
        !wg(p, i, LU_DG_PREONLY)) {
        *mod = MOD_PREV;
        return i + 1;
    }
    return i;
}

/* "next week", "this week", "last week" after a weekday or alone: the
 * Monday of that week, or 0. */
static int week_ref_at(const struct P *p, int i, guint32 *monday)
{
    int mod, k = i, pm = MOD_NONE;

    if (wf(p, k, F_THE) && !wf(p, k, F_PREP))
        k++;
    k = mod_at(p, k, &mod);
    if (!W(p, k) || W(p, k)->unit != U_WEEK || (W(p, k)->f & F_PL))
        return -1;
    k++;
    if (mod == MOD_NONE)
        k = postmod_at(p, k, &pm);
    if (mod == MOD_NONE)
        mod = pm;
    if (mod == MOD_NONE || mod == MOD_COMING)
        return -1;
    *monday = monday_of(p->rjd) + (mod == MOD_NEXT || mod == MOD_FOLLOW ? 7 : 0) -
              (mod == MOD_PREV ? 7 : 0);
    return k;
}

/* A weekday name at I, with the checks for "sat", "sun", "wed", "mon":
 * they need a capital and a date context (a preposition or modifier before,
 * a number or comma after). */
static int wday_at(const struct P *p, int i, int *wd, bool ctx)
{
    const struct wd *w = W(p, i);
    int k = i + 1;

    if (!w || !w->wday)
        return -1;
    if ((w->f & F_ABBR) && is_p(p, k, '.') && glued(p, k))
        k++;
    if ((w->f & F_RISKY) && !p->cli) {
        bool after = is_num(p, k) || (is_p(p, k, ',') && is_num(p, k + 1)) || is_p(p, k, '.') ||
                     (is_p(p, k, '-') && W(p, k + 1) && W(p, k + 1)->wday);
        /* "on Sun hardware": the word after must go with dates too. */
        if (!p->t[i].cap || !(ctx || after) || (!after && !date_follower(p, k)))
            return -1;
    }
    *wd = w->wday;
    return k;
}

static int m_date(const struct P *p, int i, struct res *r);
static bool one_day(const struct res *r);
static guint32 nearest_mday(const struct P *p, int d);
static bool deadline_before(const struct P *p, int i);
static void in_resolve(const struct P *p, struct res *r, int unit, int n, int sign, bool biz);

/* Does the sentence of the weekday at I speak of the past only: a verb of
 * the past tense (LU_DP_PAST), and no word of the future, a wish or a
 * request (LU_DP_NOTPAST; "due to", "prior to" are none: LU_DP_PAST_KEEP),
 * no question mark?  A clause after the weekday and a verb of the past
 * ("declined after news that the sector may be heading ...") is another
 * sentence's tense: the reading stops at it (LU_DP_CLAUSE). */
static bool past_only(const struct P *p, int i)
{
    bool past = false;
    int n;

    if (p->cli)
        return false;
    for (int k = 0; k < p->n; k++) {
        if (p->t[k].kind == T_WORD && (n = phrase_at(p, k, LU_DP_PAST_KEEP, NULL)) > 0) {
            k += n - 1;
            continue;
        }
        if (past && k > i && p->t[k].kind == T_WORD && phrase_at(p, k, LU_DP_CLAUSE, NULL))
            return true;
        if (is_p(p, k, '?') || (p->t[k].kind == T_WORD && phrase_at(p, k, LU_DP_NOTPAST, NULL)))
            return false;
        if (!past && p->t[k].kind == T_WORD && phrase_at(p, k, LU_DP_PAST, NULL))
            past = true;
    }
    return past;
}

/* Is there a word of the future, a wish, a request or a condition in the
 * sentence (LU_DP_NOTPAST; not "due to", "prior to": LU_DP_PAST_KEEP)? */
static bool ahead_word(const struct P *p)
{
    int n;

    for (int k = 0; k < p->n; k++) {
        if (p->t[k].kind != T_WORD)
            continue;
        if ((n = phrase_at(p, k, LU_DP_PAST_KEEP, NULL)) > 0)
            k += n - 1;
        else if (phrase_at(p, k, LU_DP_NOTPAST, NULL))
            return true;
    }
    return false;
}

/* May the weekday at I, written alone, name a day of the past: the
 * sentence's first word, after "on" (no "by", "to", "until", "in", "from"),
 * or "Friday's"; not "whether Thursday at 10 suits you". */
static bool past_weekday_at(const struct P *p, int i)
{
    int k = i + 1;

    if (wf(p, i, F_ABBR) && is_p(p, k, '.'))
        k++;
    if (is_p(p, k, '\'') && wx(p, k + 1, LU_DX_POSS))
        return true;
    return i == 0 || (wf(p, i - 1, F_PREP) && !wf(p, i - 1, F_TO | F_GUARD | F_FROM));
}

/* "Friday", "on Tue", "this Friday", "next Monday", "last Friday",
 * "Tuesday next week", "lundi prochain", "Tuesday, 1 December" (the date
 * wins), "Monday to Wednesday". */
static int m_weekday(const struct P *p, int i, struct res *r)
{
    int mod, pm = MOD_NONE, wd, wd2, k, k2;
    guint32 jd, monday;
    int rw = wday_of(p->rjd);
    bool ctx;

    /* "the following Monday" */
    k = mod_at(p, wf(p, i, F_THE) && wx(p, i + 1, LU_DX_FOLLOWING) ? i + 1 : i, &mod);
    ctx = mod != MOD_NONE || date_context_before(p, i);
    k = wday_at(p, k, &wd, ctx);
    if (k < 0)
        return -1;
    /* "every Monday", "each Friday", "every other Tuesday", "every first
     * Monday", "the first Monday of each month": repeating, no one day */
    if (phrase_at(p, i - 1, LU_DP_EVERY, NULL) == 1 ||
        phrase_at(p, i - 2, LU_DP_EVERY, NULL) == 2 ||
        (W(p, i - 1) && W(p, i - 1)->ord && phrase_at(p, i - 2, LU_DP_EVERY, NULL) == 1) ||
        (wf(p, k, F_OF | F_IN) && phrase_at(p, k + 1, LU_DP_EVERY, NULL) == 1))
        return -1;
    if (mod == MOD_NONE) {
        k = postmod_at(p, k, &pm);
        mod = pm;
    }
    switch (mod) {
    case MOD_THIS:
        jd = p->rjd + (guint32)((wd - rw + 7) % 7);
        break;
    case MOD_NEXT:
        jd = monday_of(p->rjd) + 7 + (guint32)(wd - 1);
        break;
    case MOD_PREV:
        jd = p->rjd - (guint32)((rw - wd + 6) % 7 + 1);
        break;
    default:
        jd = p->rjd + (guint32)((wd - rw + 6) % 7 + 1);
        break;
    }
    /* "Tuesday next week", "Dienstag nächste Woche". */
    if (mod == MOD_NONE && (k2 = week_ref_at(p, k, &monday)) > 0) {
        jd = monday + (guint32)(wd - 1);
        k = k2;
    } else if ((mod == MOD_NONE || mod == MOD_NEXT) && W(p, k) && W(p, k)->unit == U_WEEK &&
               !(W(p, k)->f & F_PL) && !is_num(p, k + 1) && !wf(p, k + 1, F_OF)) {
        jd += 7; /* "Friday week", "next Tuesday week": a week after that day */
        k++;
    } else if (mod == MOD_NONE && ((past_weekday_at(p, i) && past_only(p, i)) ||
                                   phrase_at(p, i - 1, LU_DP_SINCE, NULL) == 1)) {
        /* "Friday's close was higher", "Friday morning markets declined",
         * "broken since Tuesday". */
        jd = p->rjd - (guint32)((rw - wd + 6) % 7 + 1);
    }
    set_days(r, jd, jd, LU_SPAN_DAY);
    if (mod == MOD_FOLLOW)
        r->follow = -wd;
    /* An explicit date after the weekday wins: "Tuesday, 1 December". */
    k2 = is_p(p, k, ',') ? k + 1 : k;
    if (mod == MOD_NONE && k2 < p->n &&
        (p->t[k2].kind == T_NUM || (W(p, k2) && W(p, k2)->month) ||
         (wf(p, k2, F_THE) && is_num(p, k2 + 1)))) { /* "Thursday the 10th" */
        struct res r2 = {0};
        int e = m_date(p, k2, &r2);
        if (e > 0 && r2.span == LU_SPAN_DAY && !r2.time) {
            *r = r2;
            return e;
        }
    }
    /* "Monday to Wednesday", "Mon-Wed", "Mon - Wed next week". */
    if ((is_p(p, k, '-') || wf(p, k, F_TO)) && (k2 = wday_at(p, k + 1, &wd2, true)) > 0) {
        r->jd1 = r->jd0 + (guint32)((wd2 - wd + 7) % 7);
        if (r->jd1 > r->jd0) {
            r->span = LU_SPAN_RANGE;
            k = k2;
            if (mod == MOD_NONE && wd2 > wd && (k2 = week_ref_at(p, k, &monday)) > 0) {
                set_days(r, monday + (guint32)(wd - 1), monday + (guint32)(wd2 - 1), LU_SPAN_RANGE);
                k = k2;
            }
        }
    }
    return k;
}

/* "today", "tomorrow", "the day after tomorrow", "übermorgen",
 * "après-demain", "pasado mañana", "aujourd'hui", "EOW", "EOM". */
static int m_rel(const struct P *p, int i, struct res *r)
{
    const struct wd *w;
    int k = i, delta = 0, n;

    if (wf(p, k, F_THE) && wx(p, k + 1, LU_DX_DAY))
        k++;
    if (wx(p, k, LU_DX_DAY) && wx(p, k + 1, LU_DX_AFTER | LU_DX_BEFORE) && W(p, k + 2) &&
        W(p, k + 2)->rel) {
        bool after = wx(p, k + 1, LU_DX_AFTER);
        int rel = W(p, k + 2)->rel;
        if (after && rel == R_TOMORROW)
            delta = 2;
        else if (!after && rel == R_YESTERDAY)
            delta = -2;
        else
            return -1;
        set_days(r, p->rjd + (guint32)delta, p->rjd + (guint32)delta, LU_SPAN_DAY);
        return k + 3;
    }
    if ((n = phrase_at(p, k, LU_DP_REL_DAY, &delta)) > 0) {
        set_days(r, p->rjd + (guint32)delta, p->rjd + (guint32)delta, LU_SPAN_DAY);
        return k + n;
    }
    /* "(the) next business (working) day": one business day ahead */
    k = wf(p, i, F_THE) ? i + 1 : i;
    if (wf(p, k, F_NEXT) && wf(p, k + 1, F_BIZ) && wx(p, k + 2, LU_DX_DAY)) {
        in_resolve(p, r, U_BDAY, 1, 1, true);
        return k + 3;
    }
    k = i;
    if (k != i)
        return -1;
    w = W(p, k);
    if (!w || !w->rel)
        return -1;
    /* German "Morgen" is the morning ("Guten Morgen"); Spanish "la mañana" too. */
    if (wx(p, k, LU_DX_NOUN_CAP) &&
        ((p->t[k].cap && !p->cli) || wx(p, k - 1, LU_DX_GREET) || wf(p, k - 1, F_THE)))
        return -1;
    if (wx(p, k, LU_DX_MORNING) && (wf(p, k - 1, F_THE) || wf(p, k - 1, F_THIS)))
        return -1;
    switch (w->rel) {
    case R_TODAY:
        set_days(r, p->rjd, p->rjd, LU_SPAN_DAY);
        break;
    case R_TOMORROW:
        set_days(r, p->rjd + 1, p->rjd + 1, LU_SPAN_DAY);
        break;
    case R_YESTERDAY:
        set_days(r, p->rjd - 1, p->rjd - 1, LU_SPAN_DAY);
        break;
    case R_DAYAFTER:
        set_days(r, p->rjd + 2, p->rjd + 2, LU_SPAN_DAY);
        break;
    case R_MTD: /* "MTD", "QTD", "YTD": from the period's first day to today */
        set_days(r, jd_of(p->ry, p->rm, 1), p->rjd, LU_SPAN_RANGE);
        r->past = true;
        break;
    case R_QTD:
        set_days(r, jd_of(p->ry, (p->rm - 1) / 3 * 3 + 1, 1), p->rjd, LU_SPAN_RANGE);
        r->past = true;
        break;
    case R_YTD:
        set_days(r, jd_of(p->ry, 1, 1), p->rjd, LU_SPAN_RANGE);
        r->past = true;
        break;
    case R_TONIGHT:
        set_days(r, p->rjd, p->rjd, LU_SPAN_DAY);
        r->time = true;
        r->today = true;
        r->t0 = 18 * 3600;
        r->t1 = 86399;
        break;
    default:
        return -1; /* EOW, EOM: m_part */
    }
    return k + 1;
}

/* The week (Monday) or month (Y, M) that MOD names relative to REF. */
static guint32 week_of_mod(const struct P *p, int mod)
{
    return monday_of(p->rjd) + (mod == MOD_NEXT || mod == MOD_COMING || mod == MOD_FOLLOW ? 7 : 0) -
           (mod == MOD_PREV ? 7 : 0);
}

static void month_of_mod(const struct P *p, int mod, int *y, int *m)
{
    int delta = mod == MOD_NEXT || mod == MOD_COMING || mod == MOD_FOLLOW ? 1
                : mod == MOD_PREV                                         ? -1
                                                                          : 0;
    int idx = p->ry * 12 + (p->rm - 1) + delta;

    *y = idx / 12;
    *m = idx % 12 + 1;
}

/* "the week after next", "übernächste Woche" at K (its word's flag first:
 * a phrase here is tried at every date word): Monday to Sunday of that
 * week; the index after it, or -1. */
static int week_after_next(const struct P *p, int k, struct res *r)
{
    guint32 monday = monday_of(p->rjd) + 14;
    int n = 0;

    if (wg(p, k, LU_DG_AFTNEXT) && W(p, k + 1) && W(p, k + 1)->unit == U_WEEK &&
        !(W(p, k + 1)->f & F_PL))
        n = 2;
    else if ((n = phrase_at(p, k, LU_DP_WEEK_AFTER_NEXT, NULL)) <= 0)
        return -1;
    set_days(r, monday, monday + 6, LU_SPAN_WEEK);
    return k + n;
}

/* "next week", "this month", "last week", "la semaine prochaine", "el mes
 * que viene", "nächste Woche", "the week after next", "this weekend". */
static int m_period(const struct P *p, int i, struct res *r)
{
    int k = i, mod, pm = MOD_NONE, y, m, n;
    bool the = false;
    const struct wd *w;
    guint32 monday;
    bool over = wx(p, k, LU_DX_OVER);

    if (over)
        k++;
    if (wf(p, k, F_THE)) {
        the = true;
        k++;
    }
    /* "over" only before the weekend: "over the weekend", "over this weekend" */
    if (over && !(W(p, mod_at(p, k, &mod)) && W(p, mod_at(p, k, &mod))->unit == U_WEEKEND))
        return -1;
    if ((n = week_after_next(p, k, r)) > 0)
        return n;
    /* "the just ended quarter": the one before this */
    if (the && !W(p, k) && k + 1 < p->n && (n = phrase_at(p, k, LU_DP_JUST_ENDED, NULL)) > 0) {
        k += n;
        mod = MOD_PREV;
    } else {
        k = mod_at(p, k, &mod);
    }
    /* "next fiscal year": the calendar year (fy_at); "This Fiscal Year" in
     * Title Case is a column's label (an earnings table's, of a company
     * whose fiscal year is not known) */
    if (mod != MOD_NONE && wg(p, k, LU_DG_FISCAL) && W(p, k + 1) && W(p, k + 1)->unit == U_YEAR) {
        if (p->t[k].cap && p->t[k + 1].cap)
            return -1;
        k++;
    }
    w = W(p, k);
    if (!w || (w->f & F_PL))
        return -1;
    if (w->unit != U_WEEK && w->unit != U_MONTH && w->unit != U_WEEKEND && w->unit != U_YEAR &&
        w->unit != U_DAY && w->unit != U_QUARTER)
        return -1;
    k++;
    if (mod == MOD_NONE && the && !W(p, k) && (n = phrase_at(p, k, LU_DP_JUST_ENDED, NULL)) > 0) {
        k += n; /* "the quarter just ended" */
        mod = MOD_PREV;
    }
    /* "this quarter", "next quarter", "last quarter", "le trimestre
     * dernier": that calendar quarter (not "the last quarter of 2001", "the
     * last quarter-hour"). */
    if (w->unit == U_QUARTER) {
        if (mod == MOD_NONE) {
            k = postmod_at(p, k, &pm);
            mod = pm;
        }
        int idx = p->ry * 4 + (p->rm - 1) / 3 + (mod == MOD_NEXT || mod == MOD_COMING ? 1 : 0) -
                  (mod == MOD_PREV ? 1 : 0);
        if ((mod != MOD_THIS && mod != MOD_NEXT && mod != MOD_PREV && mod != MOD_COMING) ||
            wf(p, k, F_OF) || is_p(p, k, '-'))
            return -1;
        set_days(r, jd_of(idx / 4, idx % 4 * 3 + 1, 1),
                 jd_of(idx / 4, idx % 4 * 3 + 3, mdays(idx / 4, idx % 4 * 3 + 3)), LU_SPAN_RANGE);
        return k;
    }
    if (mod == MOD_NONE) {
        k = postmod_at(p, k, &pm);
        mod = pm;
    }
    /* "the following day": the day after the date before it, else tomorrow. */
    if (w->unit == U_DAY) {
        if (mod != MOD_FOLLOW)
            return -1;
        set_days(r, p->rjd + 1, p->rjd + 1, LU_SPAN_DAY);
        r->follow = U_DAY;
        return k;
    }
    if (mod == MOD_FOLLOW && w->unit != U_WEEKEND)
        r->follow = w->unit;
    if (mod == MOD_NONE && !(w->unit == U_WEEKEND && the))
        return -1;
    /* "this year", "next year", "last year", "l'année prochaine": the
     * calendar year.  "The next year", "over the last year" are twelve
     * months, no date. */
    if (w->unit == U_YEAR &&
        (mod == MOD_COMING || (pm == MOD_NONE && (the || wf(p, i - 1, F_THE)))))
        return -1;
    if (w->unit == U_WEEK) {
        monday = week_of_mod(p, mod);
        set_days(r, monday, monday + 6, LU_SPAN_WEEK);
    } else if (w->unit == U_WEEKEND) {
        /* The weekend of the week MOD names (this one by default). */
        monday = week_of_mod(p, mod == MOD_COMING ? MOD_THIS : mod);
        set_days(r, monday + 5, monday + 6, LU_SPAN_RANGE);
    } else if (w->unit == U_YEAR) {
        y = p->ry + (mod == MOD_NEXT || mod == MOD_FOLLOW ? 1 : mod == MOD_PREV ? -1 : 0);
        set_days(r, jd_of(y, 1, 1), jd_of(y, 12, 31), LU_SPAN_RANGE);
    } else {
        month_of_mod(p, mod, &y, &m);
        set_month(r, y, m);
    }
    return k;
}

/* Adds N months to JD, keeping the day of the month where it exists. */
static guint32 add_months(guint32 jd, int n)
{
    int y, m, d, idx;

    ymd_of(jd, &y, &m, &d);
    idx = y * 12 + (m - 1) + n;
    y = idx / 12;
    m = idx % 12 + 1;
    return jd_of(y, m, MIN(d, mdays(y, m)));
}

/* The opening of an "in" phrase at K: "in", "within the next", "over the
 * next" (*IN), "vor", "hace", "il y a" (*AGO), or nothing.  Returns the
 * index after it. */
static int in_lead(const struct P *p, int k, bool *in, bool *ago)
{
    int n;

    if (wx(p, k, LU_DX_OVER) && wf(p, k + 1, F_THE) && wx(p, k + 2, LU_DX_NEXT_N)) {
        *in = true; /* "over the next few days" */
        k += 3;
    } else if (wx(p, k, LU_DX_AFTER) && !wf(p, k + 1, F_THE)) {
        *in = true; /* "removed after 7 days", "after roughly two weeks" */
        k++;
        if (wx(p, k, LU_DX_ABOUT))
            k++;
    } else if (wf(p, k, F_IN)) {
        *in = true;
        k++;
        if (wg(p, k, LU_DG_INOF))
            k++;
        else if (wf(p, k, F_THE) && wx(p, k + 1, LU_DX_NEXT_N))
            k += 2; /* "in the next 3 days", "within the next couple of days" */
        if (wx(p, k, LU_DX_ABOUT))
            k++; /* "in about two weeks", "within approximately 3 days" */
    } else if (wg(p, k, LU_DG_AGOPRE)) {
        *ago = true;
        k++;
    } else if ((n = phrase_at(p, k, LU_DP_AGO, NULL)) > 0) {
        *ago = true;
        k += n;
    }
    return k;
}

/* The count at K: a number, a number word, "a few", "a couple of" (*VAGUE).
 * Returns the index after it, or -1. */
static int in_count(const struct P *p, int k, int *n, bool *vague)
{
    if (is_num(p, k) && num_free_left(p, k) && p->t[k].ndig <= 3 && num_free_right(p, k + 1)) {
        *n = p->t[k].num;
        k++;
    } else if (wx(p, k, LU_DX_FEW) || (wx(p, k, LU_DX_INDEF) && wx(p, k + 1, LU_DX_FEW))) {
        *n = 3; /* "a few days", "the next few days" */
        *vague = true;
        k += wx(p, k, LU_DX_FEW) ? 1 : 2;
    } else if (wx(p, k, LU_DX_COUPLE) && wf(p, k + 1, F_OF)) {
        *n = 2; /* "the next couple of days" */
        *vague = true;
        k += 2;
    } else if (W(p, k) && W(p, k)->num && !W(p, k)->month) {
        /* not French "sept", which is English "Sept" too */
        *n = W(p, k)->num;
        k++;
        if (*n == 1 && wx(p, k, LU_DX_COUPLE) && wf(p, k + 1, F_OF)) {
            *n = 2;
            *vague = true;
            k += 2;
        }
    } else {
        return -1;
    }
    return k;
}

/* "or 3", "or two" at K after a count of *N: a larger count replaces *N
 * (a promise "in 2 or 3 days" is due at the later).  Returns the index
 * after it, or 0. */
static int or_count(const struct P *p, int k, int *n)
{
    int n2 = 0, e;
    bool vague = false;

    if (!wf(p, k, F_OR) || (e = in_count(p, k + 1, &n2, &vague)) < 0 || n2 <= *n || vague)
        return 0;
    *n = n2;
    return e;
}

/* Sets R to N UNITs (business days when BIZ) from REF, back when SIGN < 0. */
static void in_resolve(const struct P *p, struct res *r, int unit, int n, int sign, bool biz)
{
    if (unit == U_BDAY || (biz && unit == U_DAY)) {
        GDateTime *t = lu_cal_add_bizdays(p->cal, p->ref, sign * n);
        GDateTime *l = g_date_time_to_timezone(t, p->tz);
        guint32 jd = jd_of(g_date_time_get_year(l), g_date_time_get_month(l),
                           g_date_time_get_day_of_month(l));
        g_date_time_unref(l);
        g_date_time_unref(t);
        set_days(r, jd, jd, LU_SPAN_DAY);
    } else if (unit == U_MIN || unit == U_HOUR) {
        r->abs = true;
        r->time = true;
        r->u0 = p->now + (gint64)sign * n * (unit == U_MIN ? 60 : 3600);
    } else {
        guint32 jd = p->rjd;
        if (unit == U_DAY)
            jd += (guint32)(sign * n);
        else if (unit == U_WEEK)
            jd += (guint32)(sign * n * 7);
        else if (unit == U_FORTNIGHT)
            jd += (guint32)(sign * n * 14);
        else if (unit == U_MONTH)
            jd = add_months(jd, sign * n);
        else if (unit == U_QUARTER)
            jd = add_months(jd, sign * n * 3);
        else
            jd = add_months(jd, sign * n * 12);
        set_days(r, jd, jd, LU_SPAN_DAY);
    }
}

/* "in 3 days", "in two weeks", "within 5 business days", "in an hour",
 * "3 days from now", "2 weeks ago", "dans 2 semaines", "en dos semanas",
 * "dentro de dos semanas", "innerhalb von 3 Tagen", "vor 2 Wochen". */
static int m_in(const struct P *p, int i, struct res *r)
{
    int k, n = 0, unit, len, lead;
    bool in = false, ago = false, biz = false, vague = false, after;
    const struct wd *w;

    lead = in_lead(p, i, &in, &ago);
    after = in && wx(p, i, LU_DX_AFTER);
    /* "after 7 days", "after two weeks": a count written out ("after a
     * day's work" is none) */
    if (after && !is_num(p, lead) && !(W(p, lead) && W(p, lead)->num > 1))
        return -1;
    k = in_count(p, lead, &n, &vague);
    /* "in the next day or so", "within the next week or two": one unit. */
    if (k < 0 && in && wx(p, lead - 1, LU_DX_NEXT_N) && W(p, lead) && W(p, lead)->unit &&
        !(W(p, lead)->f & F_PL) && wf(p, lead + 1, F_OR)) {
        n = 1;
        k = lead;
    }
    if (k > 0 && (len = or_count(p, k, &n)) > 0) {
        vague = true; /* "in 2 or 3 days" */
        k = len;
    }
    if (k < 0)
        return -1;
    if (wf(p, k, F_BIZ)) {
        biz = true;
        k++;
    }
    w = W(p, k);
    if (!w || !w->unit || w->unit == U_WEEKEND || n > 999)
        return -1;
    /* "20 years ago", "the first in 5 years": years are no date to keep
     * (the past ones are m_past's: "the last 2 years"). */
    if (w->unit == U_YEAR && (w->f & F_PL) && !p->cli)
        return -1;
    /* "in a minute" is an idiom, not a time. */
    if (w->unit == U_MIN && n == 1 && !is_num(p, k - 1))
        return -1;
    unit = w->unit;
    k++;
    if ((w->f & F_ABBR) && is_p(p, k, '.') && glued(p, k))
        k++;
    if (wg(p, k, LU_DG_BIZPOST)) {
        biz = true;
        k++;
    }
    if ((len = phrase_at(p, k, LU_DP_OR_SO, NULL)) > 0) {
        /* "in a day or so": a day, give or take one */
        n += unit == U_DAY || unit == U_BDAY;
        vague = true;
        k += len;
    } else if ((len = or_count(p, k, &n)) > 0) {
        vague = true; /* "in a week or two": the later count is the date */
        k = len;
    }
    /* A vague count of days ("a couple of days", "a day or so", "the next
     * few days") means working days: said on a Friday, not the weekend. */
    if (vague && unit == U_DAY)
        biz = true;
    if ((len = phrase_at(p, k, LU_DP_TIME_AFTER, NULL)) > 0)
        k += len;
    else if (in && wx(p, k, LU_DX_TIME))
        k++;
    /* "after 3 days of testing" counts from something else, and "killed
     * after 20 min" is a time running, not a moment ahead; without a word
     * of the future, a wish or a condition ("will be removed after 7
     * days", "if not satisfied after 30 days") it counts from some other
     * start ("after two weeks, patients have a fever"; "after two weeks it
     * was fixed"). */
    if (after && (wf(p, k, F_OF) || unit == U_MIN || unit == U_HOUR || !ahead_word(p)))
        return -1;
    if (!in && !ago) {
        if (wx(p, k, LU_DX_FROM_NOW) && wx(p, k + 1, LU_DX_NOW))
            k += 2;
        else if (wf(p, k, F_AGO))
            ago = true, k++;
        else if (!p->cli)
            return -1;
    }
    in_resolve(p, r, unit, n, ago ? -1 : 1, biz);
    return k;
}

/* "dans quinze jours", "dentro de quince días", "tra quindici giorni", "in
 * vierzehn Tagen", "il y a quinze jours", "quindici giorni fa": the
 * continental fortnight, two weeks (not the fifteenth day). */
static int m_fortnight(const struct P *p, int i, struct res *r)
{
    bool in = false, ago = false;
    int k, n;

    /* the cheap test first (this runs at every date word): the number
     * word at I or after a lead of up to three words ("il y a") */
    if (!wg(p, i, LU_DG_14DAYS) && !wg(p, i + 1, LU_DG_14DAYS) && !wg(p, i + 2, LU_DG_14DAYS) &&
        !wg(p, i + 3, LU_DG_14DAYS))
        return -1;
    k = in_lead(p, i, &in, &ago);
    if (!(n = phrase_at(p, k, LU_DP_FORTNIGHT, NULL)))
        return -1;
    k += n;
    if (!in && !ago && wf(p, k, F_AGO)) {
        ago = true;
        k++;
    }
    if (!in && !ago)
        return -1;
    in_resolve(p, r, U_FORTNIGHT, 1, ago ? -1 : 1, false);
    return k;
}

/* "the last 2 weeks", "over the past six months", "the past year": the
 * period back from REF to it, a period of the past
 * (R->past: nothing falls due by it).  "The last week of May" is m_nthweek's,
 * "the last week" alone the calendar week before (m_period): a singular unit
 * is counted back only for "past" and for a month or a year. */
static int m_past(const struct P *p, int i, struct res *r)
{
    int k = i + 2, n = 1, unit, e;
    bool vague = false, counted;
    const struct wd *w;

    /* "last", "past", "letzten" ("in den letzten 2 Wochen"); not "el pasado" */
    if (!wf(p, i, F_THE) || !wf(p, i + 1, F_PREV) ||
        !(wg(p, i + 1, LU_DG_PREONLY) || W(p, i + 1)->ord == ORD_LAST))
        return -1;
    e = in_count(p, k, &n, &vague);
    counted = e > 0;
    if (counted)
        k = e;
    w = W(p, k);
    /* "the last few days", "the past couple of years": no count a calendar
     * could use (doc/labelling.md) */
    if (!w || vague || wf(p, k + 1, F_OF) || n < 1 || n > 99 || (n > 1) != !!(w->f & F_PL))
        return -1;
    unit = w->unit;
    if (unit != U_DAY && unit != U_WEEK && unit != U_FORTNIGHT && unit != U_MONTH &&
        unit != U_QUARTER && unit != U_YEAR)
        return -1;
    if (!counted && (unit == U_DAY || unit == U_QUARTER ||
                     (unit == U_WEEK && wf(p, i + 1, F_PREV) && W(p, i + 1)->ord)))
        return -1; /* "the last day", "the last quarter", "the last week" */
    in_resolve(p, r, unit, n, -1, false);
    r->jd1 = p->rjd;
    r->span = LU_SPAN_RANGE;
    r->past = true;
    return k + 1;
}

/* "two weeks from Friday", "a week from tomorrow", "3 days from 3
 * December": a count of days or weeks after a single day.  The day is one
 * of the plain day phrases, never another "from" phrase: no recursion. */
/* British "a week Friday", "a week today", "two weeks tomorrow" (the
 * count at I, the day at K): weeks after that day; not a time that has
 * run ("it has been a week today", "for two weeks Monday to Friday",
 * LU_DP_LASTED) nor in a sentence of the past. */
static bool week_bare_at(const struct P *p, int i, int k)
{
    const struct wd *w = W(p, k);

    if (!w || !(w->rel == R_TODAY || w->rel == R_TOMORROW || (w->wday && !(w->f & F_RISKY))) ||
        is_p(p, k + 1, '\'') || is_p(p, k + 1, '-') || wf(p, k + 1, F_TO))
        return false;
    for (int n = 1; n <= 2; n++)
        if (phrase_at(p, i - n, LU_DP_LASTED, NULL) == n)
            return false;
    return !past_only(p, i);
}

static int m_from(const struct P *p, int i, struct res *r)
{
    static int (*const days[])(const struct P *, int, struct res *) = {
        m_rel, m_weekday, m_day_month, m_month_day, m_iso, m_slash, m_dot};
    int k = i, n, e = -1, per;
    struct res d = {0};

    if (is_num(p, k) && num_free_left(p, k) && p->t[k].ndig <= 3 && num_free_right(p, k + 1))
        n = p->t[k].num;
    else if (W(p, k) && W(p, k)->num && !W(p, k)->month) /* not "sept" */
        n = W(p, k)->num;
    else
        return -1;
    k++;
    if (!W(p, k))
        return -1;
    per = W(p, k)->unit == U_DAY         ? 1
          : W(p, k)->unit == U_WEEK      ? 7
          : W(p, k)->unit == U_FORTNIGHT ? 14
                                         : 0;
    /* "2 weeks from Friday"; British "a week on Friday" (weeks only) */
    if (!per || n > 99)
        return -1;
    if (wx(p, k + 1, LU_DX_FROM_NOW) ||
        (per >= 7 && phrase_at(p, k + 1, LU_DP_WEEK_ON, NULL) == 1 && W(p, k + 2) &&
         W(p, k + 2)->wday && !is_p(p, k + 3, '\'')))
        k += 2;
    else if (per >= 7 && week_bare_at(p, i, k + 1))
        k++;
    else
        return -1;
    for (size_t f = 0; f < G_N_ELEMENTS(days); f++) {
        struct res x = {0};
        int xe = days[f](p, k, &x);
        if (xe > e && x.date && !x.time && !x.abs && x.jd0 == x.jd1) {
            e = xe;
            d = x;
        }
    }
    if (e < 0)
        return -1;
    set_days(r, d.jd0 + (guint32)(n * per), d.jd0 + (guint32)(n * per), LU_SPAN_DAY);
    return e;
}

enum { PART_NONE, PART_END, PART_EARLY, PART_MID, PART_LATE };

/* The days of PART of the week starting MONDAY. */
static void week_part(const struct P *p, struct res *r, int part, guint32 monday, bool roll)
{
    guint32 jd;

    switch (part) {
    case PART_END:
        jd = week_end_bizday(p->cal, monday);
        if (roll && jd < p->rjd)
            jd = week_end_bizday(p->cal, monday + 7);
        set_days(r, jd, jd, LU_SPAN_DAY);
        break;
    case PART_EARLY:
        set_days(r, monday, monday + 1, LU_SPAN_RANGE);
        break;
    case PART_MID:
        set_days(r, monday + 2, monday + 3, LU_SPAN_RANGE);
        break;
    default:
        set_days(r, monday + 3, monday + 4, LU_SPAN_RANGE);
        break;
    }
}

/* The days of PART of month Y-M. */
static void month_part(const struct P *p, struct res *r, int part, int y, int m, bool roll)
{
    int last = mdays(y, m);
    guint32 jd;

    switch (part) {
    case PART_END:
        jd = last_bizday(p->cal, jd_of(y, m, 1), jd_of(y, m, last));
        if (roll && jd < p->rjd) {
            m = m == 12 ? 1 : m + 1;
            y = m == 1 ? y + 1 : y;
            jd = last_bizday(p->cal, jd_of(y, m, 1), jd_of(y, m, mdays(y, m)));
        }
        set_days(r, jd, jd, LU_SPAN_DAY);
        break;
    case PART_EARLY:
        set_days(r, jd_of(y, m, 1), jd_of(y, m, 10), LU_SPAN_RANGE);
        break;
    case PART_MID:
        set_days(r, jd_of(y, m, 11), jd_of(y, m, 20), LU_SPAN_RANGE);
        break;
    default:
        set_days(r, jd_of(y, m, 21), jd_of(y, m, last), LU_SPAN_RANGE);
        break;
    }
}

/* The days of PART of year Y: its last business day, or a third of it
 * (January-April, May-August, September-December), as a month's parts are
 * its thirds. */
static void year_part(const struct P *p, struct res *r, int part, int y)
{
    static const int first[] = {[PART_EARLY] = 1, [PART_MID] = 5, [PART_LATE] = 9};

    if (part == PART_END) {
        month_part(p, r, PART_END, y, 12, false);
        return;
    }
    set_days(r, jd_of(y, first[part], 1), jd_of(y, first[part] + 3, mdays(y, first[part] + 3)),
             LU_SPAN_RANGE);
}

/* The last business day of the quarter MOD names (this one by default). */
static void quarter_end(const struct P *p, struct res *r, int mod)
{
    int delta = mod == MOD_NEXT || mod == MOD_COMING ? 1 : mod == MOD_PREV ? -1 : 0;
    int idx = p->ry * 4 + (p->rm - 1) / 3 + delta;

    month_part(p, r, PART_END, idx / 4, idx % 4 * 3 + 3, false);
}

/* The ordinal of a quarter or a half at K ("third", "3rd"), its unit
 * (U_QUARTER, or U_YEAR for a half) and the index after the noun; -1: none. */
static int share_at(const struct P *p, int k, int *ord, int *unit)
{
    const struct wd *w = W(p, k);

    if (w && w->ord >= 1 && w->ord <= 4) {
        *ord = w->ord;
        k++;
    } else if (is_num(p, k) && p->t[k].ndig == 1 && wf(p, k + 1, F_ORDSUF) && glued(p, k + 1)) {
        *ord = p->t[k].num;
        k += 2;
    } else {
        return -1;
    }
    w = W(p, k);
    if (w && w->unit == U_QUARTER && !(w->f & F_PL) && *ord >= 1)
        *unit = U_QUARTER;
    else if (wg(p, k, LU_DG_HALF) && *ord >= 1 && *ord <= 2)
        *unit = U_YEAR;
    else
        return -1;
    return k + 1;
}

/* A year of two digits after an apostrophe ("'27") or glued to a quarter
 * ("1Q27"): the one of REF's century nearest to REF. */
static int year2_at(const struct P *p, int k, int *y, bool after_q)
{
    int c = p->ry / 100 * 100;

    if (!after_q) {
        if (!is_p(p, k, '\'') || !glued(p, k + 1))
            return -1;
        k++;
    }
    if (!is_num(p, k) || p->t[k].ndig != 2 || !num_free_right(p, k + 1))
        return -1;
    *y = c + p->t[k].num;
    if (*y > p->ry + 50)
        *y -= 100;
    else if (*y < p->ry - 50)
        *y += 100;
    return k + 1;
}

/* A quarter or half written with its letter at K: "Q3", "H2", "3Q" (a
 * quarter only: "2H" is two hours); *YEAR set when a year of two digits
 * is glued to it ("1Q27", else 0).  Returns the index after it, or -1. */
static int qletter_at(const struct P *p, int k, int *ord, int *unit, int *year)
{
    *year = 0;
    if ((wg(p, k, LU_DG_QLETTER) || wg(p, k, LU_DG_HLETTER)) && p->t[k].cap && is_num(p, k + 1) &&
        glued(p, k + 1) && p->t[k + 1].ndig == 1 &&
        (num_free_right(p, k + 2) || is_p(p, k + 2, '-'))) {
        *ord = p->t[k + 1].num;
        *unit = wg(p, k, LU_DG_QLETTER) ? U_QUARTER : U_YEAR;
        return k + 2;
    }
    if (is_num(p, k) && p->t[k].ndig == 1 && num_free_left(p, k) && wg(p, k + 1, LU_DG_QLETTER) &&
        glued(p, k + 1) && glued(p, k + 2) && year2_at(p, k + 2, year, true) > 0) {
        *ord = p->t[k].num;
        *unit = U_QUARTER;
        return k + 3;
    }
    return -1;
}

/* A fiscal year at K: "FY27", "FY 2027", "FY'27", "fiscal 2027", "fiscal
 * year 2027".  Its year in *Y: leadup knows no company's fiscal calendar,
 * so a fiscal year is read as the calendar year it is named for (the year
 * it ends in, doc/dates.md).  Returns the index after it, or -1. */
static int fy_at(const struct P *p, int k, int *y)
{
    int e;

    if (!wg(p, k, LU_DG_FISCAL))
        return -1;
    if (W(p, k + 1) && W(p, k + 1)->unit == U_YEAR && !(W(p, k + 1)->f & F_PL))
        k++;
    k++;
    if (is_p(p, k, '-') && glued(p, k) && glued(p, k + 1))
        k++;
    if (year_at(p, k, y) && num_free_right(p, k + 1))
        return k + 1;
    if ((e = year2_at(p, k, y, false)) > 0)
        return e;
    /* "FY27": two digits only glued to the letters ("FY 27" may be a count) */
    if (is_num(p, k) && glued(p, k) && (e = year2_at(p, k, y, true)) > 0)
        return e;
    return -1;
}

/* Has the sentence a verb of the past (LU_DP_PAST)? */
static bool past_verb(const struct P *p)
{
    for (int k = 0; k < p->n; k++)
        if (p->t[k].kind == T_WORD && phrase_at(p, k, LU_DP_PAST, NULL))
            return true;
    return false;
}

/* A quarter without its year after a word of a deadline ("by Q3", "before
 * the third quarter", "no later than Q1"), in a sentence with no verb of the
 * past: the next such quarter, this one while it runs (as "by the end of
 * Q2").  K: the index after it.  Returns the year, or 0: none.  Elsewhere a
 * quarter alone stays none (doc/labelling.md: "Q3" only with a year or
 * "this"/"next"): read over allen-p and lewis-a, "in the third quarter" of
 * news was as often a company's fiscal quarter, a quarter just reported in
 * a sentence of no verb leadup knows, or a headline's label ("Economy
 * Expands in Fourth Quarter"), as the quarter ahead or behind the message
 * that any rule of the sentence's words could tell (11 wrong of 67). */
static int bare_quarter_year(const struct P *p, int i, int k, int ord)
{
    if (!deadline_before(p, i) || past_verb(p))
        return 0;
    if (k < p->n && p->t[k].kind == T_WORD && !p->t[k].cap && !W(p, k))
        return 0;
    return ord >= (p->rm - 1) / 3 + 1 ? p->ry : p->ry + 1;
}

/* "the third quarter of 2001", "fourth quarter 2001", "Q3 2001", "Q1 '27",
 * "1Q27", "H2 2027", "the first half of next year": the days of that
 * calendar quarter or half, only with its year named (a year, or "this",
 * "next", "last year"). */
static int m_share(const struct P *p, int i, struct res *r)
{
    int k = i, ord = 0, unit = U_QUARTER, y = 0, mod, m0, e, k0;
    const struct wd *w;

    /* "FY27 Q1", "fiscal Q3 2027" */
    if ((e = fy_at(p, k, &k0)) > 0 && qletter_at(p, e, &ord, &unit, &m0) > 0) {
        k = e;
        y = k0;
    } else if (wg(p, k, LU_DG_FISCAL) && qletter_at(p, k + 1, &ord, &unit, &m0) > 0) {
        k++;
    }
    if ((e = qletter_at(p, k, &ord, &unit, &m0)) > 0) {
        k = e;
        y = y ? y : m0;
    } else {
        k = share_at(p, wf(p, k, F_THE) ? k + 1 : k, &ord, &unit);
    }
    if (k < 0 || ord < 1 || ord > (unit == U_QUARTER ? 4 : 2))
        return -1;
    if (y) {
        /* the year glued to it ("1Q27") or a fiscal year before it */
    } else if ((wf(p, k, F_OF) || (is_p(p, k, '-') && glued(p, k))) &&
               ((year_at(p, k + 1, &y) && num_free_right(p, k + 2) && (e = k + 2)) ||
                (e = fy_at(p, k + 1, &y)) > 0)) {
        k = e;
    } else if ((e = year2_at(p, k, &y, false)) > 0 || (e = fy_at(p, k, &y)) > 0) {
        k = e; /* "Q1 '27", "Q1 FY27" */
    } else if (year_at(p, k, &y) && num_free_right(p, k + 1)) {
        k++;
    } else {
        k0 = k;
        if (wf(p, k, F_OF) || (is_p(p, k, '-') && glued(p, k)))
            k++;
        k = mod_at(p, k, &mod);
        if (mod != MOD_NONE && wg(p, k, LU_DG_FISCAL))
            k++;
        w = W(p, k);
        if (mod != MOD_NONE && w && w->unit == U_YEAR && !(w->f & F_PL)) {
            y = p->ry + (mod == MOD_PREV ? -1 : mod == MOD_THIS ? 0 : 1);
            k++;
        } else if (unit == U_QUARTER && (y = bare_quarter_year(p, i, k0, ord)) > 0) {
            k = k0;
        } else {
            return -1;
        }
    }
    m0 = unit == U_QUARTER ? (ord - 1) * 3 + 1 : (ord - 1) * 6 + 1;
    m0 += unit == U_QUARTER ? 2 : 5; /* the last month */
    set_days(r, jd_of(y, unit == U_QUARTER ? m0 - 2 : m0 - 5, 1), jd_of(y, m0, mdays(y, m0)),
             LU_SPAN_RANGE);
    return k;
}

/* After a word that is also English ("fine"): an "of" word, a unit or
 * a month written in lower case ("fine mese", "fine dicembre"), never
 * "fine next week" nor "fine December". */
static bool strict_part_ok(const struct P *p, int k)
{
    const struct wd *w = W(p, k);

    return w && ((w->f & F_OF) || (w->unit && !(w->f & F_PL)) || (w->month && !p->t[k].cap));
}

/* A month name at K and its year: the one written after it, else the
 * nearest.  Returns the index after them, or -1. */
static int month_year_at(const struct P *p, int k, int *y, int *m)
{
    k = month_at(p, k, m);
    if (k < 0)
        return -1;
    if (year_at(p, k, y))
        k++;
    else
        *y = nearest_month_year(p, *m);
    return k;
}

/* The part of a month, week or year the word at K names, and the index
 * after it: "end", "early", "mid", "late", and "the first (latter, last)
 * part of" ("part" is skipped); -1 when it names none. */
static int part_word_at(const struct P *p, int k, int *part)
{
    const struct wd *w = W(p, k);

    if (!w)
        return -1;
    *part = (w->f & F_END)     ? PART_END
            : (w->f & F_EARLY) ? PART_EARLY
            : (w->f & F_MID)   ? PART_MID
            : (w->f & F_LATE)  ? PART_LATE
                               : PART_NONE;
    if (!*part && wg(p, k + 1, LU_DG_PART))
        *part = w->ord == 1 ? PART_EARLY : w->ord == ORD_LAST ? PART_LATE : PART_NONE;
    if (!*part || (wg(p, k, LU_DG_STRICT) && !strict_part_ok(p, k + 1)) ||
        (wg(p, k, LU_DG_NEEDPART) && !wg(p, k + 1, LU_DG_PART)))
        return -1;
    return wg(p, k + 1, LU_DG_PART) ? k + 2 : k + 1;
}

/* "at month end", "by month-end", "before year end": the end of this one
 * (m_part calls it only after a preposition: "month-end reports" is a
 * label).  The unit word is at I.  Returns the index after, or -1. */
static int m_unit_end(const struct P *p, int i, struct res *r)
{
    const struct wd *w = W(p, i);
    int k = is_p(p, i + 1, '-') && glued(p, i + 1) && glued(p, i + 2) ? i + 2 : i + 1, y;

    if (!wf(p, k, F_END) || W(p, k)->month)
        return -1;
    if (w->unit == U_YEAR && year_at(p, k + 1, &y) && num_free_right(p, k + 2)) {
        year_part(p, r, PART_END, y); /* "by year end 2000" */
        return k + 2;
    }
    if (w->unit == U_WEEK)
        week_part(p, r, PART_END, monday_of(p->rjd), true);
    else if (w->unit == U_MONTH)
        month_part(p, r, PART_END, p->ry, p->rm, true);
    else if (w->unit == U_QUARTER)
        quarter_end(p, r, MOD_NONE);
    else
        month_part(p, r, PART_END, p->ry, 12, false);
    return k + 1;
}

/* "(the end of) Q2", "Q2 2027", "Q2 '27", "2Q27" at K (the phrase from I):
 * the last business day of that quarter, of the year named or else the one
 * nearest to REF (written in December, "the end of Q2" is June's just
 * gone; "by the end of Q2", a deadline, next June's).  Returns the index
 * after it, or -1. */
static int named_quarter_end(const struct P *p, int i, int k, struct res *r)
{
    int ord, unit, y, e = qletter_at(p, k, &ord, &unit, &y);

    if (e < 0 || unit != U_QUARTER || ord < 1 || ord > 4)
        return -1;
    if (!y && year_at(p, e, &y) && num_free_right(p, e + 1)) {
        e++;
    } else if (!y && year2_at(p, e, &y, false) > 0) {
        e = year2_at(p, e, &y, false);
    } else if (!y) {
        guint32 cand[3];
        for (int d = -1; d <= 1; d++)
            cand[d + 1] = jd_of(p->ry + d, ord * 3, mdays(p->ry + d, ord * 3));
        int m, dd;
        /* a deadline ("by the end of Q2") is the next one */
        guint32 jd =
            deadline_before(p, i) ? (cand[1] >= p->rjd ? cand[1] : cand[2]) : nearest_of(p, cand);
        ymd_of(jd, &y, &m, &dd);
    }
    month_part(p, r, PART_END, y, ord * 3, false);
    return e;
}

/* The end of this UNIT (EOW, EOM, EOQ, EOY; "within the week"): the last
 * business day of this week (month: the next one once it has passed),
 * quarter or year.  False: UNIT is none of those. */
static bool end_of_unit(const struct P *p, struct res *r, int unit)
{
    switch (unit) {
    case U_WEEK:
        week_part(p, r, PART_END, monday_of(p->rjd), true);
        return true;
    case U_MONTH:
        month_part(p, r, PART_END, p->ry, p->rm, true);
        return true;
    case U_QUARTER:
        quarter_end(p, r, MOD_NONE);
        return true;
    case U_YEAR:
        month_part(p, r, PART_END, p->ry, 12, false);
        return true;
    default:
        return false;
    }
}

/* "end of the week", "end of next month", "early December", "mid-December",
 * "late next month", "beginning of next week", "end of the year", "Ende
 * des Monats", "Anfang Dezember", "fin du mois", "début décembre", "a finales
 * de mes", "EOW", "EOM". */
static int m_part(const struct P *p, int i, struct res *r)
{
    int k = i, part, mod = MOD_NONE, pm = MOD_NONE, y = 0, m = 0, k2, fy;
    const struct wd *w = W(p, i);

    if (w && !(w->f & F_PL) && wf(p, i - 1, F_PREP | F_AT | F_IN) &&
        (w->unit == U_WEEK || w->unit == U_MONTH || w->unit == U_QUARTER || w->unit == U_YEAR))
        return m_unit_end(p, i, r);
    /* "by fiscal year end": the calendar year's (fy_at) */
    if (wg(p, i, LU_DG_FISCAL) && wf(p, i - 1, F_PREP | F_AT | F_IN) && W(p, i + 1) &&
        W(p, i + 1)->unit == U_YEAR && !(W(p, i + 1)->f & F_PL))
        return m_unit_end(p, i + 1, r);
    if (w && w->rel >= R_EOW && w->rel <= R_EOY) {
        end_of_unit(p, r,
                    w->rel == R_EOW   ? U_WEEK
                    : w->rel == R_EOM ? U_MONTH
                    : w->rel == R_EOQ ? U_QUARTER
                                      : U_YEAR);
        return i + 1;
    }
    /* "within the week", "within this month": by its end. */
    if (wx(p, k, LU_DX_WITHIN) && wf(p, k + 1, F_THE | F_THIS) && W(p, k + 2) &&
        !(W(p, k + 2)->f & F_PL))
        return end_of_unit(p, r, W(p, k + 2)->unit) ? k + 3 : -1;
    if (wf(p, k, F_THE))
        k++;
    k = part_word_at(p, k, &part);
    if (k < 0)
        return -1;
    if (is_p(p, k, '-') && glued(p, k))
        k++;
    if (wf(p, k, F_OF))
        k++;
    if (wf(p, k, F_THE) && !W(p, k)->month)
        k++;
    if (is_p(p, k, '\'') && wf(p, k - 1, F_THE))
        k++;
    if (part == PART_END && (k2 = named_quarter_end(p, i, k, r)) > 0)
        return k2;
    k2 = mod_at(p, k, &mod);
    /* "mid-next-month" */
    if (mod != MOD_NONE && is_p(p, k2, '-') && glued(p, k2) && glued(p, k2 + 1))
        k2++;
    /* "the end of the fiscal year": the calendar year's (fy_at); "the end
     * of fiscal year 2003" is fiscal 2003's, read below as "fiscal 2003" */
    if (wg(p, k2, LU_DG_FISCAL) && W(p, k2 + 1) && W(p, k2 + 1)->unit == U_YEAR &&
        fy_at(p, k2, &fy) < 0)
        k2++;
    w = W(p, k2);
    if (w && w->unit == U_QUARTER && !(w->f & F_PL) && part == PART_END) {
        k = k2 + 1;
        quarter_end(p, r, mod);
        return k;
    }
    if (w && (w->unit == U_WEEK || w->unit == U_MONTH || w->unit == U_YEAR) && !(w->f & F_PL)) {
        k = k2 + 1;
        if (mod == MOD_NONE) {
            k = postmod_at(p, k, &pm);
            mod = pm;
        }
        /* Spanish "fin de semana", Italian "fine settimana": the weekend. */
        if (w->unit == U_WEEK && wg(p, k2, LU_DG_WKND2) && wg(p, i, LU_DG_WKND1) && mod == MOD_NONE)
            return -1;
        if (w->unit == U_WEEK) {
            week_part(p, r, part, week_of_mod(p, mod), mod == MOD_NONE || mod == MOD_THIS);
        } else if (w->unit == U_MONTH) {
            month_of_mod(p, mod, &y, &m);
            month_part(p, r, part, y, m, mod == MOD_NONE || mod == MOD_THIS);
        } else {
            /* "end of the year", "early next year", "late this year"; not
             * "mid year", "since the beginning of the year" (which one?). */
            if (part != PART_END && mod == MOD_NONE)
                return -1;
            y = p->ry + (mod == MOD_NEXT || mod == MOD_FOLLOW ? 1 : mod == MOD_PREV ? -1 : 0);
            year_part(p, r, part, y);
        }
        return k;
    }
    if (mod != MOD_NONE)
        return -1;
    /* "early 2002", "mid-2002", "by the end of 2001"; not "the middle of
     * the 1970 recession". */
    if (year_at(p, k, &y) && num_free_right(p, k + 1) && !wf(p, k - 1, F_THE)) {
        year_part(p, r, part, y);
        return k + 1;
    }
    if ((k2 = fy_at(p, k, &y)) > 0) {
        year_part(p, r, part, y); /* "by the end of FY27" */
        return k2;
    }
    k = month_year_at(p, k, &y, &m);
    if (k < 0)
        return -1;
    month_part(p, r, part, y, m, false);
    return k;
}

/* A period at K to take a span of: a year ("2001"), "this (next, last)
 * month (quarter, year)", "the month", a month and its year ("December",
 * "January 2002").  Its days in *JD0..*JD1 and its unit in *UNIT (U_MONTH,
 * U_QUARTER, U_YEAR).  Returns the index after it, or -1. */
static int period_at(const struct P *p, int k, guint32 *jd0, guint32 *jd1, int *unit)
{
    int y, m, mod = MOD_NONE, idx, k2;
    const struct wd *w;

    if (year_at(p, k, &y) && num_free_right(p, k + 1)) {
        *unit = U_YEAR;
        *jd0 = jd_of(y, 1, 1);
        *jd1 = jd_of(y, 12, 31);
        return k + 1;
    }
    k2 = wf(p, k, F_THE) && !W(p, k)->month ? k + 1 : mod_at(p, k, &mod);
    w = W(p, k2);
    if (w && !(w->f & F_PL) && (w->unit == U_MONTH || w->unit == U_QUARTER || w->unit == U_YEAR)) {
        if (k2 == k || mod == MOD_COMING || mod == MOD_FOLLOW)
            return -1;
        *unit = w->unit;
        if (w->unit == U_MONTH) {
            month_of_mod(p, mod, &y, &m);
            *jd0 = jd_of(y, m, 1);
            *jd1 = jd_of(y, m, mdays(y, m));
        } else if (w->unit == U_QUARTER) {
            idx = p->ry * 4 + (p->rm - 1) / 3 + (mod == MOD_NEXT) - (mod == MOD_PREV);
            *jd0 = jd_of(idx / 4, idx % 4 * 3 + 1, 1);
            *jd1 = jd_of(idx / 4, idx % 4 * 3 + 3, mdays(idx / 4, idx % 4 * 3 + 3));
        } else {
            y = p->ry + (mod == MOD_NEXT) - (mod == MOD_PREV);
            *jd0 = jd_of(y, 1, 1);
            *jd1 = jd_of(y, 12, 31);
        }
        return k2 + 1;
    }
    if (mod != MOD_NONE || (k = month_year_at(p, k, &y, &m)) < 0)
        return -1;
    *unit = U_MONTH;
    *jd0 = jd_of(y, m, 1);
    *jd1 = jd_of(y, m, mdays(y, m));
    return k;
}

/* "the first 6 months of 2001", "the last two weeks of December", "the
 * first 3 days of next month", "the second half of December": that many
 * days, weeks or months from the start of the period, or back from its
 * end; a half of a month is its days 1-15 or 16 to the end, of a year
 * its first or last six months.  (Halves of a named year are
 * m_share's too.) */
static int m_span(const struct P *p, int i, struct res *r)
{
    int k = wf(p, i, F_THE) ? i + 1 : i, ord, n = 0, unit, punit;
    bool vague = false;
    guint32 jd0, jd1, a, b;
    const struct wd *w = W(p, k);

    if (!w || !(w->ord == 1 || w->ord == 2 || w->ord == ORD_LAST))
        return -1;
    ord = w->ord;
    if (wg(p, k + 1, LU_DG_HALF) && ord != ORD_LAST) {
        unit = 0;
        k += 2;
    } else {
        if (ord == 2 || (k = in_count(p, k + 1, &n, &vague)) < 0 || vague || n < 1 || n > 99)
            return -1;
        w = W(p, k);
        if (!w || (n > 1) != !!(w->f & F_PL) ||
            (w->unit != U_DAY && w->unit != U_WEEK && w->unit != U_MONTH))
            return -1;
        unit = w->unit;
        k++;
    }
    if (!wf(p, k, F_OF) || (k = period_at(p, k + 1, &jd0, &jd1, &punit)) < 0)
        return -1;
    if (!unit) { /* a half of a month or a year; a quarter's has no edge */
        if (punit == U_QUARTER)
            return -1;
        b = punit == U_MONTH ? jd0 + 14 : add_months(jd0, 6) - 1;
        set_days(r, ord == 1 ? jd0 : b + 1, ord == 1 ? b : jd1, LU_SPAN_RANGE);
        return k;
    }
    if ((unit == U_MONTH && punit == U_MONTH) || (unit == U_DAY && n > 31 * 12))
        return -1;
    if (unit == U_MONTH) {
        a = ord == 1 ? jd0 : add_months(jd1 + 1, -n);
        b = ord == 1 ? add_months(jd0, n) - 1 : jd1;
    } else {
        guint32 len = (guint32)n * (unit == U_WEEK ? 7 : 1);
        if (len > jd1 - jd0 + 1)
            return -1;
        a = ord == 1 ? jd0 : jd1 + 1 - len;
        b = ord == 1 ? jd0 + len - 1 : jd1;
    }
    set_days(r, a, b, LU_SPAN_RANGE);
    return k;
}

/* "the rest of the day", "the rest of this week", "the rest of the
 * month": from today to the end of the day, the week's working days (its
 * Sunday once they are over), the month or the year. */
static int m_rest(const struct P *p, int i, struct res *r)
{
    int k = i, mod;
    const struct wd *w;
    guint32 end;

    if (!wf(p, k, F_THE) || !wx(p, k + 1, LU_DX_REST) || !wf(p, k + 2, F_OF))
        return -1;
    k += 3;
    if (wf(p, k, F_THE))
        k++;
    else if ((k = mod_at(p, k, &mod)) > i + 3 && mod != MOD_THIS)
        return -1;
    w = W(p, k);
    if (!w || (w->f & F_PL))
        return -1;
    switch (w->unit) {
    case U_DAY:
        end = p->rjd;
        break;
    case U_WEEK:
        end = week_end_bizday(p->cal, monday_of(p->rjd));
        if (end < p->rjd)
            end = monday_of(p->rjd) + 6;
        break;
    case U_MONTH:
        end = jd_of(p->ry, p->rm, mdays(p->ry, p->rm));
        break;
    case U_YEAR:
        end = jd_of(p->ry, 12, 31);
        break;
    default:
        return -1;
    }
    set_days(r, p->rjd, end, end == p->rjd ? LU_SPAN_DAY : LU_SPAN_RANGE);
    return k + 1;
}

/* "first week of December", "the last week of next month", "erste Woche im
 * Dezember", "la première semaine de décembre", "la primera semana de
 * diciembre": days 1-7, 8-14, 15-21, 22-28, or the last seven. */
static int m_nthweek(const struct P *p, int i, struct res *r)
{
    int k = i, ord, mod, y = 0, m = 0, k2, last, d0;

    if (wf(p, k, F_THE))
        k++;
    if (!W(p, k) || !W(p, k)->ord || (W(p, k)->ord > 4 && W(p, k)->ord != ORD_LAST))
        return -1;
    ord = W(p, k)->ord;
    k++;
    if (!W(p, k) || W(p, k)->unit != U_WEEK || (W(p, k)->f & F_PL))
        return -1;
    k++;
    if (!wf(p, k, F_OF | F_GUARD))
        return -1;
    k++;
    if (wf(p, k, F_THE) && !W(p, k)->month)
        k++;
    k2 = mod_at(p, k, &mod);
    if (W(p, k2) && W(p, k2)->unit == U_MONTH) {
        month_of_mod(p, mod, &y, &m);
        k = k2 + 1;
    } else {
        if (mod != MOD_NONE)
            return -1;
        k = month_year_at(p, k, &y, &m);
        if (k < 0)
            return -1;
    }
    last = mdays(y, m);
    d0 = ord == ORD_LAST ? last - 6 : 1 + 7 * (ord - 1);
    set_days(r, jd_of(y, m, d0), jd_of(y, m, MIN(d0 + 6, last)), LU_SPAN_WEEK);
    return k;
}

/* After a month, "-Mar", "to March", "through March": the second month
 * of a range in *M2; the index after it, or -1. */
static int month_range_at(const struct P *p, int k, int *m2)
{
    int e;

    if (!(is_p(p, k, '-') || (wf(p, k, F_TO) && !W(p, k)->num)) ||
        !p->t[k + 1 < p->n ? k + 1 : k].cap)
        return -1;
    e = month_at(p, k + 1, m2);
    if (e < 0 || (W(p, k + 1)->f & F_ABBR) != (W(p, k - 1 - is_p(p, k - 1, '.'))->f & F_ABBR))
        return -1;
    /* "Jan-Mar 09": a futures strip's label, "Jan-Mar2027" */
    if (glued(p, e) && e < p->n && p->t[e].kind != T_PUNCT)
        return -1;
    return e;
}

/* The months M..M2 (MOD as m_month's) ending at K, and a year after them
 * ("January to March 2027": the year of the last).  Returns K or after the year. */
static int month_range(const struct P *p, struct res *r, int mod, int m, int m2, int k)
{
    int y, y2;

    if (year_at(p, k, &y2) && !glued(p, k) && num_free_right(p, k + 1)) {
        k++;
        y = m2 >= m ? y2 : y2 - 1;
    } else {
        if (mod == MOD_NEXT || mod == MOD_COMING)
            y = m > p->rm ? p->ry : p->ry + 1;
        else if (mod == MOD_PREV)
            y = m < p->rm ? p->ry : p->ry - 1;
        else if (mod == MOD_THIS)
            y = p->ry;
        else
            y = -1;
        /* with no modifier, the range whose last month is nearest */
        y2 = y < 0 ? nearest_month_year(p, m2) : m2 >= m ? y : y + 1;
        if (y < 0)
            y = m2 >= m ? y2 : y2 - 1;
    }
    if (y2 == y && m2 == m)
        return -1;
    set_days(r, jd_of(y, m, 1), jd_of(y2, m2, mdays(y2, m2)), LU_SPAN_RANGE);
    return k;
}

/* "in December", "by March 2027", "December 2026", "next December", "im
 * Dezember", "en décembre".  A month name alone is not a date. */
static int m_month(const struct P *p, int i, struct res *r)
{
    int k = i, mod = MOD_NONE, m, m2, y = 0, k2, e;
    bool guard = false, since = false;
    const struct wd *w;

    if (wf(p, k, F_GUARD) && !wf(p, k, F_END | F_EARLY | F_MID | F_LATE)) {
        guard = true;
        k++;
    } else if (W(p, k) && W(p, k)->unit == U_MONTH && !(W(p, k)->f & F_PL) && wf(p, k + 1, F_OF)) {
        guard = true; /* "the month of October" */
        k += 2;
    } else {
        k = mod_at(p, k, &mod);
        guard = mod != MOD_NONE;
        /* "since March": the latest March, this one at the latest ("since"
         * is no date word: the phrase starts at the month). */
        if (!guard && W(p, k) && W(p, k)->month && phrase_at(p, k - 1, LU_DP_SINCE, NULL) == 1)
            guard = since = true;
    }
    /* "to the following September 30th": the day, not its month. */
    if (mod == MOD_FOLLOW)
        return -1;
    w = W(p, k);
    k2 = month_at(p, k, &m);
    if (k2 < 0)
        return -1;
    /* "in January to March", "during Jan - Mar", "January-March 2027": after
     * a guard or with a year ("the September-January rally", "the
     * February-March contract", months "January to December" on an axis
     * are labels) */
    if ((e = month_range_at(p, k2, &m2)) > 0 && p->t[k].cap && !since &&
        (guard || (year_at(p, e, &y) && !glued(p, e) && num_free_right(p, e + 1))))
        return month_range(p, r, mod, m, m2, e);
    if (year_at(p, k2, &y) && !glued(p, k2) && num_free_right(p, k2 + 1))
        k2++;
    else if (is_p(p, k2, ',') && glued(p, k2) && year_at(p, k2 + 1, &y) && !glued(p, k2 + 1) &&
             num_free_right(p, k2 + 2))
        k2 += 2; /* "December, 2000" */
    else if (wf(p, k2, F_OF) && !glued(p, k2) && year_at(p, k2 + 1, &y) && !glued(p, k2 + 1) &&
             num_free_right(p, k2 + 2))
        k2 += 2; /* "Sep of 2013" */
    else
        y = 0;
    /* "April's contracts", "May's high": the month (not "Theresa May's
     * plan", a name after a name, nor "Mar's": an abbreviation). */
    if (!y && (!guard || since) && is_p(p, k2, '\'') && glued(p, k2) && wx(p, k2 + 1, LU_DX_POSS) &&
        glued(p, k2 + 1) && !(w->f & F_ABBR) && p->t[k].cap &&
        !(k > 0 && p->t[k - 1].kind == T_WORD && p->t[k - 1].cap && !W(p, k - 1)) &&
        !(k2 + 2 < p->n && p->t[k2 + 2].kind == T_WORD && p->t[k2 + 2].cap)) {
        /* "since October's finish": the latest October */
        set_month(r, since ? (m <= p->rm ? p->ry : p->ry - 1) : nearest_month_year(p, m), m);
        return k2 + 2;
    }
    /* "Sep2020" is a label; "Mars' atmosphere" a name. */
    if (glued(p, k2) && k2 < p->n && (p->t[k2].kind != T_PUNCT || p->t[k2].ch == '\''))
        return -1;
    if (!y && !guard && !p->cli)
        return -1;
    if (!y && (w->f & F_ABBR) && !p->cli)
        return -1;
    /* "by April Jones": a name. */
    if (!y && k2 < p->n && p->t[k2].kind == T_WORD && p->t[k2].cap && !W(p, k2))
        return -1;
    if (!y) {
        if (mod == MOD_NEXT || mod == MOD_COMING || mod == MOD_FOLLOW)
            y = m > p->rm ? p->ry : p->ry + 1;
        else if (mod == MOD_THIS)
            y = p->ry;
        else if (mod == MOD_PREV)
            y = m < p->rm ? p->ry : p->ry - 1;
        else if (since)
            y = m <= p->rm ? p->ry : p->ry - 1;
        else
            y = nearest_month_year(p, m);
    }
    set_month(r, y, m);
    return k2;
}

/* The holiday named at K ("Christmas", "the holidays", "New Year('s)"),
 * LU_DH_* in *KIND, or -1.  Returns the index after it. */
static int holiday_at(const struct P *p, int k, int *kind)
{
    if (wf(p, k, F_THE))
        k++;
    *kind = W(p, k) ? W(p, k)->hol : LU_DH_NONE;
    if (*kind == LU_DH_YEAR)
        return -1;
    if (*kind != LU_DH_NEW)
        return *kind ? k + 1 : -1;
    if (!W(p, k + 1) || W(p, k + 1)->hol != LU_DH_YEAR)
        return -1;
    *kind = LU_DH_NEWYEAR;
    k += 2;
    if (is_p(p, k, '\'') && wx(p, k + 1, LU_DX_POSS))
        k += 2;
    return k;
}

/* After "before": "Christmas" (its Eve's last business day: 24 December,
 * next year's once it has passed), "New Year" (31 December), "the holidays"
 * (23 December, said between 1 and 23 December; otherwise no date),
 * "Thanksgiving" and "Easter" (the last business day before the feast),
 * also "vor Weihnachten", "avant Noël", "antes de Navidad". */
static int m_hol_before(const struct P *p, int k, struct res *r)
{
    guint32 jd;
    int kind;

    k = holiday_at(p, k, &kind);
    if (k < 0)
        return -1;
    if (kind == LU_DH_HOLS) {
        if (p->rm != 12 || p->rd > 23)
            return -1;
        jd = jd_of(p->ry, 12, 23);
    } else if (kind == LU_DH_XMAS) {
        jd = jd_of(p->rm == 12 && p->rd > 24 ? p->ry + 1 : p->ry, 12, 24);
    } else if (kind == LU_DH_THANKS || kind == LU_DH_EASTER) {
        /* the eve of this year's feast, next year's once that has passed */
        jd = feast_jd(kind, p->ry);
        if (!jd || jd - 1 < p->rjd)
            jd = feast_jd(kind, p->ry + 1);
        if (!jd)
            return -1;
        jd--;
    } else {
        jd = jd_of(p->ry, 12, 31);
    }
    jd = last_bizday(p->cal, jd - 14, jd);
    set_days(r, jd, jd, LU_SPAN_DAY);
    return k;
}

/* "(over, during, in) the holidays", "the Christmas holidays", "über die
 * Feiertage", "pendant les fêtes", "durante las fiestas" at K, said between
 * 1 December and 6 January (as m_hol's "after the holidays"): Christmas
 * Eve, the first of its nine days to New Year's Day.  Returns that day and
 * sets *END after the phrase, or 0. */
static guint32 hols_over(const struct P *p, int k, int *end)
{
    int y = p->rm == 12 ? p->ry : p->ry - 1;

    if (!(p->rm == 12 || (p->rm == 1 && p->rd <= 6)) || !wf(p, k, F_THE))
        return 0;
    k++;
    if (W(p, k) && W(p, k)->hol == LU_DH_XMAS)
        k++;
    if (!W(p, k) || W(p, k)->hol != LU_DH_HOLS)
        return 0;
    *end = k + 1;
    return jd_of(y, 12, 24);
}

/* "after the holidays", "after Christmas", "after New Year", "after
 * Thanksgiving", "nach den Feiertagen", "après les fêtes", "después de las
 * fiestas": the seven days from the first business day after 6 January,
 * 26 December, 1 January or the feast.
 * "The holidays" are Christmas and New Year only when REF is between
 * 1 December and 6 January; otherwise the phrase is not resolved. */
static int m_hol(const struct P *p, int i, struct res *r)
{
    int k = i, kind;
    guint32 a = 0, jd;
    const struct wd *w = W(p, k);

    if (!p->has_hol || !w)
        return -1;
    if ((wx(p, k, LU_DX_OVER) || wf(p, k, F_IN)) && (jd = hols_over(p, k + 1, &k)) > 0) {
        set_days(r, jd, jd + 8, LU_SPAN_RANGE);
        return k;
    }
    if (wf(p, k, F_IN) && !(w->g & (LU_DG_BEFORE | LU_DG_AFTER))) {
        /* "in the New Year", said from October: as "after New Year" */
        k = holiday_at(p, k + 1, &kind);
        if (k < 0 || kind != LU_DH_NEWYEAR || p->rm < 10)
            return -1;
    } else {
        if (!(w->g & (LU_DG_BEFORE | LU_DG_AFTER)))
            return -1;
        k += 1 + ((w->g & LU_DG_OF) && wf(p, k + 1, F_OF));
        if (w->g & LU_DG_BEFORE)
            return m_hol_before(p, k, r);
        k = holiday_at(p, k, &kind);
        if (k < 0 || kind == LU_DH_NYE)
            return -1;
    }
    if (kind == LU_DH_HOLS) {
        if (p->rm == 12)
            a = jd_of(p->ry + 1, 1, 6);
        else if (p->rm == 1 && p->rd <= 6)
            a = jd_of(p->ry, 1, 6);
        else
            return -1;
    } else if (kind == LU_DH_XMAS) {
        a = nearest_dm(p, 12, 26);
    } else if (kind == LU_DH_THANKS || kind == LU_DH_EASTER) {
        a = nearest_feast(p, kind);
    } else {
        a = nearest_dm(p, 1, 1);
    }
    jd = a + 1;
    for (int n = 0; n < 30 && !lu_cal_is_bizday_jd(p->cal, jd); n++)
        jd++;
    set_days(r, jd, jd + 6, LU_SPAN_WEEK);
    return k;
}

/* "by Christmas", "on Thanksgiving", "until Easter", "at Christmas", "over
 * Christmas", "on New Year's": the
 * feast's own day, the nearest one ("before" and "after" are m_hol's; the
 * holidays, a period, and New Year only there).  Only after a word that
 * makes a date of it ("a" is not one: "a Christmas present"), and not before
 * a capitalised word: "Christmas Eve", "Easter Monday", "Thanksgiving Day
 * Parade" name another day or a thing. */
static int m_feast(const struct P *p, int i, struct res *r)
{
    const struct wd *w = W(p, i - 1);
    guint32 jd;
    int k, kind;

    if (!p->has_hol || !w ||
        !((w->f & (F_PREP | F_GUARD)) || ((w->f & F_AT) && !w->num) || wx(p, i - 1, LU_DX_OVER)))
        return -1;
    k = holiday_at(p, i, &kind);
    /* "in the New Year" is m_hol's week after it, and only said from October */
    if (k < 0 || (kind != LU_DH_XMAS && kind != LU_DH_THANKS && kind != LU_DH_EASTER &&
                  (kind != LU_DH_NEWYEAR || (w->f & F_IN))))
        return -1;
    if (k < p->n && p->t[k].kind == T_WORD && p->t[k].cap)
        return -1;
    jd = kind == LU_DH_NEWYEAR ? nearest_dm(p, 1, 1) : nearest_feast(p, kind);
    if (!jd)
        return -1;
    set_days(r, jd, jd, LU_SPAN_DAY);
    return k;
}

/* Named day V (LU_DP_NAMED_DAY's N) of year Y, or 0. */
static guint32 named_jd(int v, int y)
{
    guint32 jd;

    switch (v) {
    case LU_DN_NEWYEAR:
        return jd_of(y, 1, 1);
    case LU_DN_NYE:
        return jd_of(y, 12, 31);
    case LU_DN_XMAS:
        return jd_of(y, 12, 25);
    case LU_DN_XMAS_EVE:
        return jd_of(y, 12, 24);
    case LU_DN_JULY4:
        return jd_of(y, 7, 4);
    case LU_DN_TAX:
        return jd_of(y, 4, 15);
    case LU_DN_EASTER:
        return easter_jd(y);
    case LU_DN_EASTER_MON:
        return easter_jd(y) + 1;
    case LU_DN_GOOD_FRI:
        return easter_jd(y) - 2;
    case LU_DN_THANKS:
        return feast_jd(LU_DH_THANKS, y);
    case LU_DN_LABOR:
        jd = jd_of(y, 9, 1);
        return jd + (guint32)((1 - wday_of(jd) + 7) % 7);
    case LU_DN_MEMORIAL:
        jd = jd_of(y, 5, 31);
        return jd - (guint32)((wday_of(jd) - 1 + 7) % 7);
    case LU_DN_BOXING:
        return jd_of(y, 12, 26);
    case LU_DN_VALENTINE:
        return jd_of(y, 2, 14);
    case LU_DN_VETERANS:
        return jd_of(y, 11, 11);
    case LU_DN_MLK: /* the third Monday of January */
        jd = jd_of(y, 1, 1);
        return jd + (guint32)((1 - wday_of(jd) + 7) % 7) + 14;
    case LU_DN_PRESIDENTS: /* the third Monday of February */
        jd = jd_of(y, 2, 1);
        return jd + (guint32)((1 - wday_of(jd) + 7) % 7) + 14;
    case LU_DN_COLUMBUS: /* the second Monday of October */
        jd = jd_of(y, 10, 1);
        return jd + (guint32)((1 - wday_of(jd) + 7) % 7) + 7;
    case LU_DN_BLACK_FRI: /* the day after Thanksgiving */
        return feast_jd(LU_DH_THANKS, y) + 1;
    case LU_DN_CYBER_MON: /* the Monday after Thanksgiving */
        return feast_jd(LU_DH_THANKS, y) + 4;
    default:
        return 0;
    }
}

/* "New Year's Day", "on Christmas Eve", "by tax day", "after Labor Day"
 * (the day itself: m_hol's week after is for the holidays and feasts
 * alone): the nearest such day.  Capitalised, or after a word that makes
 * a date of it ("a tax day" is none), and not before a capitalised word. */
static int m_named(const struct P *p, int i, struct res *r)
{
    const struct wd *w = W(p, i);
    int v = 0, n;
    guint32 cand[3];

    /* the cheap tests first: this runs at every date word.  A named day
     * starts with a holiday's word or a word that is nothing else ("tax") */
    if (!w ||
        !(w->hol || (!w->f && !w->unit && !w->month && !w->wday && !w->num && !w->ord && !w->rel &&
                     !w->tw && !w->g && !w->mday)) ||
        !(p->t[i].cap || wf(p, i - 1, F_PREP | F_GUARD | F_THE)) ||
        !(n = phrase_at(p, i, LU_DP_NAMED_DAY, &v)))
        return -1;
    /* "the Christmas Eve Fireworks", "Labor Day Parade": a thing's name */
    if (i + n < p->n && p->t[i + n].kind == T_WORD && p->t[i + n].cap && !W(p, i + n))
        return -1;
    /* "the Valentine's Day campaign", "a Black Friday deal": after an
     * article and before a word that is no date word, the day is a label
     * of what follows (its words are taken, so "Friday" is not read) */
    if ((wf(p, i - 1, F_THE) || wx(p, i - 1, LU_DX_INDEF)) && i + n < p->n &&
        p->t[i + n].kind == T_WORD && !W(p, i + n)) {
        r->label = true;
        return i + n;
    }
    for (int y = 0; y < 3; y++)
        cand[y] = named_jd(v, p->ry - 1 + y);
    set_days(r, nearest_of(p, cand), nearest_of(p, cand), LU_SPAN_DAY);
    return r->jd0 ? i + n : -1;
}

/* An ordinal word at K that may be a day of the month: "third",
 * "twentieth", "twenty-first"; the day in *D, the index after it or -1. */
static int ordword_at(const struct P *p, int k, int *d)
{
    const struct wd *w = W(p, k), *u;

    if (!w || !w->mday)
        return -1;
    if (!(w->g & LU_DG_TENS)) {
        *d = w->mday;
        return k + 1;
    }
    u = W(p, k + 2);
    if (!is_p(p, k + 1, '-') || !glued(p, k + 1) || !glued(p, k + 2) || !u || !u->mday ||
        u->mday > 9 || (u->g & LU_DG_TENS) || w->mday + u->mday > 31)
        return -1;
    *d = w->mday + u->mday;
    return k + 3;
}

/* "the third of December", "December third", "the twenty-first of June
 * 2027", "June 21st" is m_month_day's: a day written as an ordinal word,
 * only beside its month (never "the third" alone, "a third of December's
 * budget", "December first-quarter results"). */
static int m_ordword(const struct P *p, int i, struct res *r)
{
    int d, m, y, k;

    if (wf(p, i, F_THE)) {
        k = ordword_at(p, i + 1, &d);
        if (k < 0 || !wf(p, k, F_OF) || (k = month_at(p, k + 1, &m)) < 0)
            return -1;
    } else {
        k = month_at(p, i, &m);
        if (k < 0 || W(p, i)->f & F_ABBR)
            return -1;
        k = ordword_at(p, wf(p, k, F_THE) ? k + 1 : k, &d);
        if (k < 0 || (is_p(p, k, '-') && glued(p, k)) || (W(p, k) && W(p, k)->unit))
            return -1;
    }
    k = opt_year(p, k, &y);
    return set_dm(p, r, y, m, d, 0) ? k : -1;
}

/* Two days of a month after "between": "the 14th and the 16th", "14 and
 * 16 December" (bare numbers only before a month), into D1 < D2 and the
 * month and year in *M, *Y (0: the month nearest REF).  The index after
 * them, or -1. */
static int between_days(const struct P *p, int k, int *d1, int *d2, int *m, int *y)
{
    bool ord;

    k = mday_at(p, wf(p, k, F_THE) ? k + 1 : k, d1, true, false);
    if (k < 0 || !wf(p, k, F_AND))
        return -1;
    ord = wf(p, k - 1, F_ORDSUF);
    k = mday_at(p, wf(p, k + 1, F_THE) ? k + 2 : k + 1, d2, true, false);
    if (k < 0 || *d2 <= *d1)
        return -1;
    ord = ord && wf(p, k - 1, F_ORDSUF);
    *m = *y = 0;
    if (month_at(p, wf(p, k, F_OF) ? k + 1 : k, m) > 0)
        return opt_year(p, month_at(p, wf(p, k, F_OF) ? k + 1 : k, m), y);
    return ord ? k : -1;
}

/* "between the 14th and the 16th", "between 14 and 16 December", "between
 * Dec 14 and Dec 16", "between Monday and Wednesday": the days from the
 * first to the second ("between 2 and 4" alone is no date: m_trange's
 * hours, or numbers). */
static int m_between(const struct P *p, int i, struct res *r)
{
    struct res a = {0}, b = {0};
    int d1, d2, m, y, e, e2;

    if (!wf(p, i, F_BETWEEN))
        return -1;
    if ((e = between_days(p, i + 1, &d1, &d2, &m, &y)) > 0) {
        guint32 jd = m ? (y ? jd_of(y, m, d1) : nearest_dm(p, m, d1)) : nearest_mday(p, d1);
        int yy, mm, dd;
        if (!jd)
            return -1;
        ymd_of(jd, &yy, &mm, &dd);
        return set_dm(p, r, yy, mm, d1, d2) ? e : -1;
    }
    if ((e = m_date(p, i + 1, &a)) < 0 || !one_day(&a) || !wf(p, e, F_AND) ||
        (e2 = m_date(p, e + 1, &b)) < 0 || !one_day(&b) || b.jd0 <= a.jd0)
        return -1;
    set_days(r, a.jd0, b.jd0, LU_SPAN_RANGE);
    return e2;
}

/* The day of the anchor at K of "the day after X": a feast alone
 * ("Thanksgiving", "Easter", "New Year's") or any date of one day ("the
 * 15th", "Labor Day", "Dec 3"; not "tomorrow": m_rel's).  *END the index
 * after it; 0: none. */
static guint32 anchor_day(const struct P *p, int k, int *end)
{
    struct res x = {0};
    int kind, e = holiday_at(p, k, &kind);

    if (e > 0 && (kind == LU_DH_XMAS || kind == LU_DH_THANKS || kind == LU_DH_EASTER ||
                  kind == LU_DH_NEWYEAR)) {
        int n = m_named(p, wf(p, k, F_THE) ? k + 1 : k, &x); /* "Easter Monday" is its own */
        if (n > e) {
            *end = n;
            return x.jd0;
        }
        *end = e;
        return kind == LU_DH_NEWYEAR ? nearest_dm(p, 1, 1) : nearest_feast(p, kind);
    }
    if ((W(p, k) && W(p, k)->rel) || (e = m_date(p, k, &x)) < 0 || !x.date || x.time ||
        x.jd0 != x.jd1)
        return 0;
    *end = e;
    return x.jd0;
}

/* "the day after Thanksgiving", "the day before the 15th", "the Tuesday
 * after Easter", "the Friday before Labor Day": a day counted from a named
 * day or a date (the weekday: the first such after or before it). */
static int m_around(const struct P *p, int i, struct res *r)
{
    int k = wf(p, i, F_THE) ? i + 1 : i, wd = 0, e = -1, step;
    guint32 jd;

    if (W(p, k) && W(p, k)->wday && !(W(p, k)->f & F_RISKY))
        wd = W(p, k)->wday;
    else if (!wx(p, k, LU_DX_DAY))
        return -1;
    if (!wx(p, k + 1, LU_DX_AFTER | LU_DX_BEFORE))
        return -1;
    step = wx(p, k + 1, LU_DX_AFTER) ? 1 : -1;
    /* "the Monday after next (week)": that day of the week after next */
    if (wd && step > 0 && wf(p, k + 2, F_NEXT) && !wf(p, k + 2, F_THE) &&
        (!W(p, k + 3) || (W(p, k + 3)->unit == U_WEEK && !(W(p, k + 3)->f & F_PL)))) {
        jd = monday_of(p->rjd) + 14 + (guint32)(wd - 1);
        set_days(r, jd, jd, LU_SPAN_DAY);
        return W(p, k + 3) ? k + 4 : k + 3;
    }
    jd = anchor_day(p, k + 2, &e);
    if (!jd)
        return -1;
    jd += (guint32)step;
    while (wd && wday_of(jd) != wd)
        jd += (guint32)step;
    set_days(r, jd, jd, LU_SPAN_DAY);
    return e;
}

/* "on the 3rd", "by the 15th (of the month)": the nearest such day. */
/* Day D of the month (this one, the last or the next) nearest REF, or 0. */
static guint32 nearest_mday(const struct P *p, int d)
{
    guint32 best = 0;
    gint64 bestd = -1;

    for (int delta = -1; delta <= 1; delta++) {
        int idx = p->ry * 12 + p->rm - 1 + delta, y = idx / 12, m = idx % 12 + 1;
        guint32 jd = jd_of(y, m, d);
        gint64 dist = jd > p->rjd ? (gint64)(jd - p->rjd) : (gint64)(p->rjd - jd);
        if (jd && (bestd < 0 || dist <= bestd)) {
            bestd = dist;
            best = jd;
        }
    }
    return best;
}

/* Is the phrase at I a deadline: after "by", "before", "until", "till",
 * "bis", "no later than", "d'ici" (not "from", "ab", German "am")?  A
 * deadline is ahead of the writer, so what would be the nearest such day
 * (month, quarter) is the next one: "by the 28th" said on 2 December is
 * 28 December, not 28 November. */
static bool deadline_before(const struct P *p, int i)
{
    if (i >= 1 && wf(p, i - 1, F_PREP) && wf(p, i - 1, F_GUARD) && !wf(p, i - 1, F_FROM | F_AM))
        return true;
    for (int n = 2; n <= 3; n++)
        if (i >= n && phrase_at(p, i - n, LU_DP_BY, NULL) == n)
            return true;
    return false;
}

/* Day D of this month when it is today or ahead, else of the first month
 * after that has it, or 0. */
static guint32 next_mday(const struct P *p, int d)
{
    for (int delta = 0; delta <= 2; delta++) {
        int idx = p->ry * 12 + p->rm - 1 + delta;
        guint32 jd = jd_of(idx / 12, idx % 12 + 1, d);
        if (jd && jd >= p->rjd)
            return jd;
    }
    return 0;
}

/* "the 15th" at I, after a date word (or, with CTX, without one): the day
 * in *D; returns the index after it, or -1. */
static int nth_at(const struct P *p, int i, int *d, bool ctx)
{
    if (!wf(p, i, F_THE) || !(ctx || date_context_before(p, i)) || !is_num(p, i + 1) ||
        !wf(p, i + 2, F_ORDSUF) || !glued(p, i + 2))
        return -1;
    return mday_at(p, i + 1, d, true, false);
}

/* After "the 7th" ending at K: "of next month", "of this month", "of last
 * month": that day of that month in *JD; the index after it, or -1. */
static int nth_of_month(const struct P *p, int k, int d, guint32 *jd)
{
    int mod, y, m, e;

    if (!wf(p, k, F_OF) || (e = mod_at(p, k + 1, &mod)) == k + 1 || mod == MOD_FOLLOW || !W(p, e) ||
        W(p, e)->unit != U_MONTH || (W(p, e)->f & F_PL))
        return -1;
    month_of_mod(p, mod, &y, &m);
    *jd = jd_of(y, m, d);
    return *jd ? e + 1 : -1;
}

static int m_nth(const struct P *p, int i, struct res *r)
{
    int k, d, e;
    guint32 jd;

    /* "the 1st of next month" needs no date word before it */
    k = nth_at(p, i, &d, true);
    if (k > 0 && (e = nth_of_month(p, k, d, &jd)) > 0) {
        set_days(r, jd, jd, LU_SPAN_DAY);
        return e;
    }
    /* a date word before, "no later than", "on or about (around)" */
    if (k < 0 || !(date_context_before(p, i) || deadline_before(p, i) ||
                   (wx(p, i - 1, LU_DX_ABOUT) && wf(p, i - 2, F_OR))))
        return -1;
    if (wf(p, k, F_OF) && wf(p, k + 1, F_THE) && W(p, k + 2) && W(p, k + 2)->unit == U_MONTH)
        k += 3;
    else if (!date_follower(p, k))
        return -1;
    /* "to the 5th and 6th floors": ordinals of what follows the last one
     * ("on the 14th and 15th we are out", "the 14th and 15th of June" are
     * days) */
    else if (wf(p, k, F_AND | F_OR) && is_num(p, k + 1) && wf(p, k + 2, F_ORDSUF) &&
             glued(p, k + 2) && !date_follower(p, k + 3) && !wf(p, k + 3, F_OF) &&
             !wf(p, i - 1, F_PREP))
        return -1;
    jd = deadline_before(p, i) ? next_mday(p, d) : nearest_mday(p, d);
    if (!jd)
        return -1;
    set_days(r, jd, jd, LU_SPAN_DAY);
    return k;
}

/* After "the first Monday" ending at K: "of (in) January", "of next
 * month", "of the month", "in June 2027": that month in *Y, *M; the index
 * after it, or -1. */
static int wday_month_at(const struct P *p, int k, int *y, int *m)
{
    int mod, e;

    if (!wf(p, k, F_OF | F_IN))
        return -1;
    k++;
    if (wf(p, k, F_THE) && W(p, k + 1) && W(p, k + 1)->unit == U_MONTH)
        k++; /* "of the month": this one */
    e = mod_at(p, k, &mod);
    if (mod != MOD_FOLLOW && W(p, e) && W(p, e)->unit == U_MONTH && !(W(p, e)->f & F_PL)) {
        month_of_mod(p, mod, y, m);
        return e + 1;
    }
    if (e != k || (e = month_at(p, k, m)) < 0)
        return -1;
    if (year_at(p, e, y) && num_free_right(p, e + 1))
        return e + 1;
    *y = nearest_month_year(p, *m);
    return e;
}

/* "the first Monday in January", "the last Friday of the month", "the
 * 2nd Tuesday of next month": that weekday of that month ("every first
 * Monday of the month", "the first Monday of each month" repeat: no
 * month this reads). */
static int m_nthwday(const struct P *p, int i, struct res *r)
{
    int k = wf(p, i, F_THE) ? i + 1 : i, n, wd, y, m, e;
    guint32 jd;
    const struct wd *w = W(p, k);

    if (w && ((w->ord >= 1 && w->ord <= 4) || w->ord == ORD_LAST)) {
        n = w->ord;
        k++;
    } else if (is_num(p, k) && p->t[k].ndig == 1 && p->t[k].num >= 1 && p->t[k].num <= 5 &&
               wf(p, k + 1, F_ORDSUF) && glued(p, k + 1)) {
        n = p->t[k].num;
        k += 2;
    } else {
        return -1;
    }
    if (!W(p, k) || !W(p, k)->wday || (W(p, k)->f & F_RISKY))
        return -1;
    wd = W(p, k)->wday;
    if (phrase_at(p, i - 1, LU_DP_EVERY, NULL) == 1 || (e = wday_month_at(p, k + 1, &y, &m)) < 0)
        return -1;
    if (n == ORD_LAST) {
        jd = jd_of(y, m, mdays(y, m));
        jd -= (guint32)((wday_of(jd) - wd + 7) % 7);
    } else {
        jd = jd_of(y, m, 1);
        jd += (guint32)((wd - wday_of(jd) + 7) % 7 + 7 * (n - 1));
        if (jd > jd_of(y, m, mdays(y, m)))
            return -1;
    }
    set_days(r, jd, jd, LU_SPAN_DAY);
    return e;
}

/* "the week of the 14th", "the week of December 14", "week of 12/14",
 * "the week commencing 14 December", "w/c 14 Dec": Monday to Sunday of
 * the week that day falls in. */
static int m_weekof(const struct P *p, int i, struct res *r)
{
    static int (*const days[])(const struct P *, int, struct res *) = {m_day_month, m_month_day,
                                                                       m_iso, m_slash, m_dot};
    int k = wf(p, i, F_THE) ? i + 1 : i, e = -1, d, n;
    guint32 jd = 0;
    const struct wd *w = W(p, k);

    /* "the week of", "the week commencing (beginning, starting)", "w/c" */
    if (!w)
        return -1;
    if (w->unit == U_WEEK && !(w->f & F_PL) &&
        (wf(p, k + 1, F_OF) || phrase_at(p, k + 1, LU_DP_WEEK_FROM, NULL) == 1))
        k += 2;
    else if ((w->g & LU_DG_WC) && (n = phrase_at(p, k, LU_DP_WEEK_FROM, NULL)) > 1)
        k += n;
    else
        return -1;
    if ((e = nth_at(p, k, &d, true)) > 0 && date_follower(p, e))
        jd = nearest_mday(p, d);
    for (size_t f = 0; !jd && f < G_N_ELEMENTS(days); f++) {
        struct res x = {0};
        int xe = days[f](p, k, &x);
        if (xe > k && x.date && !x.time && !x.abs && x.jd0 == x.jd1) {
            e = xe;
            jd = x.jd0;
        }
    }
    if (!jd)
        return -1;
    set_days(r, monday_of(jd), monday_of(jd) + 6, LU_SPAN_WEEK);
    return e;
}

/* ------------------------------------------------------------------ seasons */

/* The days of season S (LU_DS_*) of year Y: the meteorological seasons of
 * the northern hemisphere (spring March to May ... winter December to
 * February, winter Y the one that begins in December of Y).  leadup does
 * not know the writer's hemisphere; doc/dates.md states the convention. */
static void season_days(int s, int y, guint32 *jd0, guint32 *jd1)
{
    int m0 = s == LU_DS_WINTER ? 12 : 3 * s;
    int y1 = s == LU_DS_WINTER ? y + 1 : y, m1 = s == LU_DS_WINTER ? 2 : m0 + 2;

    *jd0 = jd_of(y, m0, 1);
    *jd1 = jd_of(y1, m1, mdays(y1, m1));
}

/* The season S that MOD names, said at REF: "next" the first to begin
 * after REF, "last" the latest to end before it; "this" the one REF is in,
 * else the nearer of the last and the next; a lead alone ("over the
 * summer") the one REF is in, else the next one, or the last one in a
 * sentence of the past (past_only from I). */
static void season_of_mod(const struct P *p, int s, int mod, int i, guint32 *jd0, guint32 *jd1)
{
    guint32 a, b, next = 0, next1 = 0, prev = 0, prev0 = 0;

    for (int y = p->ry - 2; y <= p->ry + 1; y++) {
        season_days(s, y, &a, &b);
        if ((mod == MOD_THIS || mod == MOD_NONE) && a <= p->rjd && p->rjd <= b) {
            *jd0 = a;
            *jd1 = b;
            return;
        }
        if (a > p->rjd && !next) {
            next = a;
            next1 = b;
        }
        if (b < p->rjd) {
            prev0 = a;
            prev = b;
        }
    }
    /* "this": the nearer of the last and the next (a tie: the next); read
     * over train mail, "this fall's downtrend line" said in January and
     * "this summer's decline" in November are the last, "a recovery this
     * Spring" in November the next, whatever the tense.  A lead alone
     * ("until the fall"): the tense decides, read only then (past_only
     * walks the sentence). */
    if (mod == MOD_PREV || (mod == MOD_THIS && p->rjd - prev < next - p->rjd) ||
        (mod == MOD_NONE && past_only(p, i))) {
        *jd0 = prev0;
        *jd1 = prev;
    } else {
        *jd0 = next;
        *jd1 = next1;
    }
}

/* The days of PART of the season JD0..JD1 (three months): its first,
 * middle or last month, or its last business day. */
static void season_part(const struct P *p, struct res *r, int part, guint32 jd0, guint32 jd1)
{
    int y, m, d;

    if (part == PART_NONE) {
        set_days(r, jd0, jd1, LU_SPAN_RANGE);
        return;
    }
    ymd_of(part == PART_END ? jd1 : jd0, &y, &m, &d);
    if (part == PART_END) {
        month_part(p, r, PART_END, y, m, false);
        return;
    }
    m += part == PART_EARLY ? 0 : part == PART_MID ? 1 : 2;
    if (m > 12) {
        m -= 12;
        y++;
    }
    set_days(r, jd_of(y, m, 1), jd_of(y, m, mdays(y, m)), LU_SPAN_RANGE);
}

/* May a season without a modifier or year stand at K (the token after
 * it)?  Not before "of" ("the fall of the dollar"), "fall" or "spring"
 * before "in" ("the fall in the currency"), nor a word in lower case
 * the tables do not know ("summer school", "spring cleaning"). */
static bool season_free_right(const struct P *p, int k)
{
    if (wf(p, k, F_OF) || (wg(p, k - 1, LU_DG_RISKYSEASON) && wf(p, k, F_IN)))
        return false;
    return !(k < p->n && p->t[k].kind == T_WORD && !p->t[k].cap && !W(p, k));
}

/* May the word at K lead a season ("in", "by", "during", "over", "until",
 * "im", "en", "au")?  Not "from" ("from summer to fall" is a change of
 * style, "from Spring Valley" a place), "a" ("a mid Summer night"), nor a
 * part's word ("mid", "early": a part of the season, m_season). */
static bool season_lead(const struct P *p, int k)
{
    return (wf(p, k, F_IN | F_PREP | F_GUARD | F_TO) &&
            !wf(p, k, F_FROM | F_AT | F_EARLY | F_MID | F_LATE | F_END)) ||
           wx(p, k, LU_DX_OVER);
}

/* "this summer", "next spring", "last winter", "over the summer", "by
 * spring", "in the fall", "summer 2027", "the summer of 2027", "diesen
 * Sommer", "im Herbst", "cet hiver", "l'été prochain", "en invierno", "el
 * verano que viene", "quest'inverno": the season's days (season_of_mod).
 * A season alone names no day ("summer interns"); "fall", "spring" and
 * "été" (LU_DG_RISKYSEASON) are ordinary words too, so they need a
 * modifier, a year, or a lead word that is no "a" or "to". */
static int m_season(const struct P *p, int i, struct res *r)
{
    int k = i, mod = MOD_NONE, pm = MOD_NONE, y = 0, s, part = PART_NONE, e;
    bool lead, risky_ok;
    guint32 jd0, jd1;

    /* a season word is near ("by the end of the summer": five words on);
     * most date words are no season's lead */
    bool near = false;
    for (int j = i; j < i + 6 && j < p->n && !near; j++)
        near = W(p, j) && W(p, j)->season;
    if (!near)
        return -1;
    lead = season_lead(p, k);
    if (lead)
        k++;
    else
        lead = season_lead(p, i - 1);
    risky_ok = wf(p, lead && k > i ? i : i - 1, F_IN | F_PREP | F_GUARD) ||
               wx(p, lead && k > i ? i : i - 1, LU_DX_OVER);
    if (wf(p, k, F_THE))
        k++;
    /* "early summer", "by late fall", "the end of the summer" */
    if ((e = part_word_at(p, k, &part)) > 0) {
        k = e;
        if (wf(p, k, F_OF))
            k++;
        if (wf(p, k, F_THE))
            k++;
    }
    k = mod_at(p, k, &mod);
    if (!W(p, k) || !(s = W(p, k)->season))
        return -1;
    bool risky = wg(p, k, LU_DG_RISKYSEASON), cap = p->t[k].cap;
    k++;
    if (year_at(p, k, &y) && num_free_right(p, k + 1)) {
        k++;
    } else if (wf(p, k, F_OF) && year_at(p, k + 1, &y) && num_free_right(p, k + 2)) {
        k += 2;
    } else if (mod == MOD_NONE) {
        k = postmod_at(p, k, &pm);
        mod = pm;
    }
    /* "Spring Valley", "Fall Comdex": a name */
    if (mod == MOD_NONE && cap && k < p->n && p->t[k].kind == T_WORD && p->t[k].cap && !W(p, k))
        return -1;
    if (y) {
        /* "summer 2001 baseload": a product's label */
        if (mod == MOD_NONE && !lead && !season_free_right(p, k))
            return -1;
        season_days(s, y, &jd0, &jd1);
    } else {
        if (mod == MOD_NONE && (!lead || (risky && !risky_ok) || !season_free_right(p, k)))
            return -1;
        season_of_mod(p, s, mod == MOD_COMING || mod == MOD_FOLLOW ? MOD_NEXT : mod, i, &jd0, &jd1);
    }
    season_part(p, r, part, jd0, jd1);
    return k;
}

/* "later this week (month, year)", "later in the week", "später diese
 * Woche": from tomorrow to the period's end (no date when it ends today);
 * "later next week (month, year)": its late part, as "late next week". */
static int m_later(const struct P *p, int i, struct res *r)
{
    int k = i + 1, mod = MOD_NONE, y, m;
    const struct wd *w;
    guint32 end;

    if (!wg(p, i, LU_DG_LATER))
        return -1;
    if (wf(p, k, F_IN) && wf(p, k + 1, F_THE)) {
        k += 2;
        mod = MOD_THIS;
    } else {
        k = mod_at(p, k, &mod);
    }
    w = W(p, k);
    if (!w || (w->f & F_PL) || (w->unit != U_WEEK && w->unit != U_MONTH && w->unit != U_YEAR))
        return -1;
    if (mod == MOD_NEXT) {
        if (w->unit == U_WEEK) {
            week_part(p, r, PART_LATE, week_of_mod(p, mod), false);
        } else if (w->unit == U_MONTH) {
            month_of_mod(p, mod, &y, &m);
            month_part(p, r, PART_LATE, y, m, false);
        } else {
            year_part(p, r, PART_LATE, p->ry + 1);
        }
        return k + 1;
    }
    if (mod != MOD_THIS)
        return -1;
    end = w->unit == U_WEEK    ? monday_of(p->rjd) + 6
          : w->unit == U_MONTH ? jd_of(p->ry, p->rm, mdays(p->ry, p->rm))
                               : jd_of(p->ry, 12, 31);
    /* said on the period's last day: which days is not known (the words
     * are read, so "this week" alone does not take them) */
    if (end <= p->rjd) {
        r->label = true;
        return k + 1;
    }
    set_days(r, p->rjd + 1, end, LU_SPAN_RANGE);
    return k + 1;
}

typedef int (*matcher)(const struct P *p, int i, struct res *r);

/* The longest date phrase at I. */
/* The longest match at I of the N matchers FNS, into *R; -1: none. */
static int longest(const matcher *fns, size_t n, const struct P *p, int i, struct res *r)
{
    int best = -1;

    for (size_t f = 0; f < n; f++) {
        struct res tmp = {0};
        int e = fns[f](p, i, &tmp);
        if (e > best) {
            best = e;
            *r = tmp;
        }
    }
    return best;
}

static int m_date(const struct P *p, int i, struct res *r)
{
    /* m_past before m_period: "the past month" is the last thirty days */
    static const matcher fns[] = {
        m_rel,     m_weekday, m_day_month, m_month_day, m_iso,   m_slash, m_dot,    m_past,
        m_period,  m_in,      m_part,      m_nthweek,   m_month, m_hol,   m_feast,  m_nth,
        m_from,    m_rest,    m_share,     m_weekof,    m_span,  m_named, m_around, m_between,
        m_ordword, m_nthwday, m_fortnight, m_season,    m_later};

    if (i >= p->n || p->t[i].url || p->t[i].kind == T_PUNCT ||
        (p->t[i].kind == T_WORD && !p->t[i].w && !wx(p, i, LU_DX_FOLLOWING)))
        return -1;
    return longest(fns, G_N_ELEMENTS(fns), p, i, r);
}

/* ------------------------------------------------------------------ times */

/* A clock time at I.  Fills *SOD (seconds of the day) and how it was
 * written: *MARKED when it carries minutes, am/pm, "Uhr", "h" or "o'clock"
 * (a bare hour is a time only after "at", "between", "from"); *AMPM is 1 for
 * am, 2 for pm, 0 for none; AFTER_DASH lets it follow a range's dash.  Hours
 * of a bare number are not adjusted here.
 * Returns the index after it, or -1. */
static int clock_at(const struct P *p, int i, int *sod, bool *marked, int *ampm, bool after_dash)
{
    int h, mi = 0, s = 0, k = i + 1, n;

    *marked = false;
    *ampm = 0;
    if (!is_num(p, i) || p->t[i].ndig > 2 || (!num_free_left(p, i) && !after_dash))
        return -1;
    h = p->t[i].num;
    if (is_p(p, k, ':') && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1) &&
        p->t[k + 1].ndig == 2) {
        mi = p->t[k + 1].num;
        k += 2;
        if (is_p(p, k, ':') && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1) &&
            p->t[k + 1].ndig == 2) {
            s = p->t[k + 1].num;
            k += 2;
        }
        *marked = true;
    } else if (is_word(p, k, "h") && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1) &&
               p->t[k + 1].ndig == 2) {
        /* French "10h30". */
        mi = p->t[k + 1].num;
        k += 2;
        *marked = true;
    } else if (is_p(p, k, '.') && glued(p, k) && is_num(p, k + 1) && glued(p, k + 1) &&
               p->t[k + 1].ndig == 2 &&
               (wf(p, k + 2, F_UHR | F_AM | F_PM) || is_word(p, k + 2, "a") ||
                is_word(p, k + 2, "p"))) {
        /* "14.30 Uhr", "2.30pm": a dot only with a marker after it. */
        mi = p->t[k + 1].num;
        k += 2;
    }
    /* am / pm / a.m. / p.m. */
    if (is_word(p, k, "am") && !(k + 1 < p->n && p->t[k + 1].kind == T_WORD && W(p, k + 1) &&
                                 (W(p, k + 1)->wday || W(p, k + 1)->unit))) {
        *ampm = 1;
        k++;
    } else if (is_word(p, k, "pm")) {
        *ampm = 2;
        k++;
    } else if ((is_word(p, k, "a") || is_word(p, k, "p")) && is_p(p, k + 1, '.') &&
               is_word(p, k + 2, "m") && glued(p, k + 1) && glued(p, k + 2)) {
        *ampm = is_word(p, k, "a") ? 1 : 2;
        k += 3;
        if (is_p(p, k, '.') && glued(p, k))
            k++;
    }
    if (*ampm) {
        if (h < 1 || h > 12)
            return -1;
        h = h % 12 + (*ampm == 2 ? 12 : 0);
        *marked = true;
    } else if (*marked && p->t[i].ndig == 1 && h >= 1 && h <= 7 && !wf(p, k, F_UHR)) {
        /* "at 3:30" in business mail is 15:30, like a bare "at 3"; "03:30"
         * and "3:30 Uhr" are as written. */
        h += 12;
    } else if (wf(p, k, F_UHR) && !(is_word(p, k, "h") && glued(p, k) && h > 23)) {
        *marked = true;
        k++;
    } else if ((n = phrase_at(p, k, LU_DP_OCLOCK, NULL)) > 0) {
        *marked = true;
        k += n;
    }
    if (h > 24 || mi > 59 || s > 59 || (h == 24 && (mi || s)))
        return -1;
    if (!num_free_right(p, k) && !is_p(p, k, '-'))
        return -1;
    /* Time zone names after a time are read and ignored. */
    if (*marked && wf(p, k, F_ZONE) && !(wf(p, k, F_AND) && is_num(p, k + 1)))
        k++;
    *sod = h * 3600 + mi * 60 + s;
    return k;
}

/* A bare hour in business context: 1-7 are afternoon hours ("at 2" is 14:00). */
static int bare_hour(int sod)
{
    return sod >= 3600 && sod < 8 * 3600 ? sod + 12 * 3600 : sod;
}

/* What may follow a bare hour: the end, punctuation that ends a clause, or a
 * word that goes with times ("at 10 tomorrow", "at 3 on Friday"); not "at
 * 10 files", "at 5%", "at 3 of them". */
static bool hour_follower(const struct P *p, int k)
{
    if (k >= p->n)
        return true;
    if (p->t[k].kind == T_PUNCT)
        return strchr(",;!?)\"", p->t[k].ch) ||
               (p->t[k].ch == '.' && !(k + 1 < p->n && glued(p, k + 1)));
    return date_follower(p, k);
}

/* "at 3pm", "10:30", "15:00 Uhr", "um 10 Uhr", "à 10h", "a las 10", "at 10"
 * (a bare hour needs "at" and a sensible word after it). */
static int m_clock(const struct P *p, int i, struct res *r)
{
    int k = i, sod, ampm, e;
    bool at = false, marked;

    if (is_p(p, k, '@') || wf(p, k, F_AT)) {
        at = true;
        k++;
        if (wx(p, k - 1, LU_DX_AT_LEAD) && wx(p, k, LU_DX_HOURART))
            k++;
        else if (wx(p, k - 1, LU_DX_AT_LEAD))
            return -1;
    }
    e = clock_at(p, k, &sod, &marked, &ampm, false);
    if (e < 0)
        return -1;
    /* "The log says 12:04:33 ERROR": a time to the second alone, without
     * "at", am/pm or a date before it, is a log's or a program's stamp,
     * not a time the writer names ("Mon, 30 Nov 2026 14:55:32" stays) */
    if (!at && !ampm && e >= k + 5 && is_p(p, k + 1, ':') && is_p(p, k + 3, ':') &&
        !(k > 0 &&
          (p->t[k - 1].kind == T_NUM ||
           (W(p, k - 1) && (W(p, k - 1)->month || W(p, k - 1)->wday || W(p, k - 1)->rel)))))
        return -1;
    if (!marked) {
        /* A bare hour: only after "at" and before something time-like. */
        if (!at || sod < 3600 || sod > 23 * 3600 || !hour_follower(p, e))
            return -1;
        sod = bare_hour(sod);
    }
    /* "10h" alone is a time only after "à"/"at"; "5h" may be five hours. */
    if (!at && is_word(p, e - 1, "h") && glued(p, e - 1) && e - 1 == k + 1)
        return -1;
    r->time = true;
    r->t0 = r->t1 = sod == 86400 ? 86399 : sod;
    return e;
}

/* "noon", "midday", "midnight", "EOD", "COB", "end of (the) day", "close of
 * business", "end of business", "Mittag", "midi". */
static int m_tword(const struct P *p, int i, struct res *r)
{
    int k = i, tw = TW_NONE, we = p->cal->work_end * 60, n;
    const struct wd *w;

    if (we <= 0 || we > 86400)
        we = 17 * 3600;
    if (wf(p, k, F_AT) && !wx(p, k, LU_DX_AT_LEAD))
        k++;
    else if ((n = phrase_at(p, k, LU_DP_HOUR_LEAD, NULL)) > 0)
        k += n;
    if (is_num(p, k) && p->t[k].num == 12 && wx(p, k + 1, LU_DX_TWELVE))
        k++;
    if (wf(p, k, F_THE))
        k++;
    w = W(p, k);
    if (w && (w->tw == TW_NOON || w->tw == TW_MIDNIGHT || w->tw == TW_EOD)) {
        /* "après-midi" is the afternoon, not noon. */
        if (wx(p, k, LU_DX_DASHED) && is_p(p, k - 1, '-'))
            return -1;
        tw = w->tw;
        k++;
    } else if ((wf(p, k, F_END) || wx(p, k, LU_DX_CLOSE)) && wf(p, k + 1, F_OF)) {
        int k2 = k + 2, a = wf(p, k - 1, F_THE) ? k - 2 : k - 1;
        if (wf(p, k2, F_THE))
            k2++;
        if (wf(p, k2, F_BIZ) && wx(p, k2, LU_DX_WORKDAY) && wx(p, k2 + 1, LU_DX_WORKDAY))
            k2++; /* "close of business day" */
        /* "the end of day midmarkets", "end of day prices": a kind of
         * price, no time (a word the tables do not know after it, and no
         * "by", "at", "until" before it: "by end of day so we can" stays). */
        if (wx(p, k2, LU_DX_WORKDAY) && k2 + 1 < p->n && p->t[k2 + 1].kind == T_WORD &&
            !p->t[k2 + 1].cap && !W(p, k2 + 1) && !p->t[k2 + 1].x &&
            !wf(p, a, F_PREP | F_AT | F_TO | F_GUARD))
            return -1;
        if (wx(p, k2, LU_DX_WORKDAY)) {
            tw = TW_EOD;
            k = k2 + 1;
        }
    }
    if (!tw)
        return -1;
    /* "At the end of the day, ..." is an idiom, not a deadline. */
    if (tw == TW_EOD && wx(p, k - 1, LU_DX_DAY)) {
        int a = i;
        if (wf(p, a - 1, F_THE))
            a--;
        if (wf(p, a - 1, F_AT))
            a--;
        if (wf(p, a, F_AT) && (a == 0 || is_p(p, k, ',')))
            return -1;
    }
    r->time = true;
    r->t0 = r->t1 = tw == TW_NOON ? 12 * 3600 : tw == TW_MIDNIGHT ? 86399 : we;
    return k;
}

/* The hours of a part of the day. */
static void part_of_day(const struct P *p, int tw, int *t0, int *t1)
{
    int ws = p->cal->work_start * 60, we = p->cal->work_end * 60;

    if (ws < 0 || ws >= 12 * 3600)
        ws = 9 * 3600;
    if (we <= 12 * 3600 || we > 86400)
        we = 17 * 3600;
    switch (tw) {
    case TW_MORNING:
        *t0 = ws;
        *t1 = 12 * 3600;
        break;
    case TW_AFTERNOON:
        *t0 = 12 * 3600;
        *t1 = we;
        break;
    default:
        *t0 = 18 * 3600;
        *t1 = 86399;
        break;
    }
}

/* "this afternoon", "in the morning", "tonight"-like phrases, and (ATTACHED,
 * right after a date) "morning", "afternoon": "tomorrow morning", "Dienstag
 * Vormittag", "mardi matin", "el martes por la tarde". */
static int daypart_at(const struct P *p, int i, struct res *r, bool attached)
{
    int k = i, n;
    bool today = false;
    const struct wd *w;

    if (wf(p, k, F_THIS)) {
        today = true;
        k++;
    } else if ((wf(p, k, F_IN) || wx(p, k, LU_DX_PART_PREP)) && wf(p, k + 1, F_THE)) {
        k += 2;
    } else if (wx(p, k, LU_DX_PART_ART) || (wf(p, k, F_THE) && attached)) {
        k++;
    } else if (wx(p, k, LU_DX_ELIDED) && is_p(p, k + 1, '\'')) {
        k += 2;
    } else if (!attached) {
        return -1;
    }
    if ((n = phrase_at(p, k, LU_DP_AFTERNOON, NULL)) > 0) {
        k += n;
        part_of_day(p, TW_AFTERNOON, &r->t0, &r->t1);
    } else {
        w = W(p, k);
        if (!w || !w->tw || w->tw < TW_MORNING)
            return -1;
        /* Spanish "mañana" is the morning only after "la" or "esta";
         * alone it is tomorrow (a date). */
        if (wx(p, k, LU_DX_MORNING) && !wf(p, k - 1, F_THE) && !wf(p, k - 1, F_THIS))
            return -1;
        part_of_day(p, w->tw, &r->t0, &r->t1);
        k++;
    }
    r->time = true;
    r->today = today;
    return k;
}

static int m_daypart(const struct P *p, int i, struct res *r)
{
    /* "this afternoon", "ce soir", "esta noche": today, even when past. */
    return daypart_at(p, i, r, false);
}

/* "between 2 and 4", "from 10 to 11:30", "2-4pm", "10:00-11:30", "zwischen
 * 14 und 16 Uhr", "von 10 bis 11 Uhr", "entre 14h et 16h", "de 10h à 11h",
 * "entre las 2 y las 4". */
static int m_trange(const struct P *p, int i, struct res *r)
{
    int k = i, a, b, am1, am2, e1, e2;
    bool mk1, mk2, between = false, from = false;

    if (wf(p, k, F_BETWEEN)) {
        between = true;
        k++;
    } else if (wf(p, k, F_FROM)) {
        from = true;
        k++;
    }
    if (wx(p, k, LU_DX_HOURART))
        k++;
    e1 = clock_at(p, k, &a, &mk1, &am1, false);
    if (e1 < 0)
        return -1;
    k = e1;
    if (between ? wf(p, k, F_AND) : (is_p(p, k, '-') || wf(p, k, F_TO)))
        k++;
    else
        return -1;
    if (wx(p, k, LU_DX_HOURART))
        k++;
    e2 = clock_at(p, k, &b, &mk2, &am2, is_p(p, k - 1, '-'));
    if (e2 < 0)
        return -1;
    /* Without "between"/"from" one side must look like a time ("2-4pm"). */
    if (!between && !from && !mk1 && !mk2)
        return -1;
    if (!mk2 && !hour_follower(p, e2))
        return -1;
    if (!mk1 && !mk2) {
        if (a < 3600 || b < 3600)
            return -1;
        a = bare_hour(a);
        b = bare_hour(b);
    } else if (!am1 && am2 && !mk1) {
        /* "2-4pm": the first hour takes the second's half of the day
         * unless that puts it after the end ("11-1pm" is 11:00-13:00). */
        if (am2 == 2 && a < 12 * 3600 && a + 12 * 3600 <= b)
            a += 12 * 3600;
    } else if (!mk1 && a < 8 * 3600 && b >= 12 * 3600) {
        a = bare_hour(a);
    }
    if (!mk2 && b < a && b + 12 * 3600 > a && b + 12 * 3600 <= 86400)
        b += 12 * 3600;
    if (b <= a)
        return -1;
    r->time = true;
    r->t0 = a;
    r->t1 = b >= 86400 ? 86399 : b;
    return e2;
}

/* The longest time phrase at I. */
static int m_time(const struct P *p, int i, struct res *r)
{
    static const matcher fns[] = {m_clock, m_tword, m_daypart, m_trange};

    if (i >= p->n || p->t[i].url || (p->t[i].kind == T_WORD && !p->t[i].w) ||
        (p->t[i].kind == T_PUNCT && p->t[i].ch != '@'))
        return -1;
    return longest(fns, G_N_ELEMENTS(fns), p, i, r);
}

/* ------------------------------------------------------------------ phrases */

/* Words kept at the front of a phrase: "on", "by", "until", "from", "at",
 * "no later than", "d'ici", "jusqu'au", "à partir du", "bis zum". */
static int prefix_at(const struct P *p, int i)
{
    int k = i, len;

    for (int n = 0; n < 3; n++) {
        const struct wd *w = W(p, k);
        if (w && (w->f & (F_PREP | F_FROM)) && !w->month)
            k++;
        else if (w && (w->f & F_AT) && !wx(p, k, LU_DX_AT_LEAD))
            k++;
        else if ((len = phrase_at(p, k, LU_DP_BY, NULL)) > 0)
            k += len;
        else if ((len = phrase_at(p, k, LU_DP_FROM_OF, NULL)) > 0 && wf(p, k + len, F_OF))
            k += len + 1;
        else if (wx(p, k, LU_DX_AT_LEAD) && wf(p, k + 1, F_END | F_EARLY | F_MID))
            k++; /* "a finales de", "a principios de", "a mediados de" */
        else if (wx(p, k, LU_DX_BY))
            k++;
        else
            break;
    }
    return k;
}

static bool one_day(const struct res *r)
{
    return r->date && !r->time && !r->abs && r->jd0 == r->jd1;
}

/* Is the time at A..B one of a repeat: "every Monday at 10", "each day
 * at 9", "every morning at 9", "at 10 every Friday"?  It names no one day. */
static bool time_repeats(const struct P *p, int a, int b)
{
    const struct wd *w;

    /* its lead ("at", "by", "from"): the phrase may start after it */
    for (int n = 0; n < 2 && wf(p, a - 1, F_AT | F_PREP | F_FROM); n++)
        a--;
    w = W(p, a - 1);

    if (w && (w->wday || w->tw || w->unit == U_DAY || w->unit == U_WEEK) && !(w->f & F_PL) &&
        (phrase_at(p, a - 2, LU_DP_EVERY, NULL) == 1 ||
         phrase_at(p, a - 3, LU_DP_EVERY, NULL) == 2))
        return true;
    return phrase_at(p, b, LU_DP_EVERY, NULL) > 0;
}

/* The longest phrase starting at I: a date, a time, or both ("Tuesday at
 * 10", "at 10 on Tuesday", "tomorrow morning"). */
static int m_phrase(const struct P *p, int i, struct res *r)
{
    int j = prefix_at(p, i), de, te, e, k;
    struct res d = {0}, t = {0}, x = {0};

    lu_text_steps++;

    de = m_date(p, i, &d);
    if (j > i && (e = m_date(p, j, &x)) > de) {
        de = e;
        d = x;
    }
    te = m_time(p, i, &t);
    memset(&x, 0, sizeof x);
    if (j > i && (e = m_time(p, j, &x)) > te) {
        te = e;
        t = x;
    }
    if (de < 0 && te < 0)
        return -1;
    if (de >= te) {
        *r = d;
        e = de;
        if (one_day(r)) {
            /* A time after the date: "Tuesday at 10", "tomorrow 3pm",
             * "Friday, 10:00", "tomorrow morning". */
            k = is_p(p, e, ',') ? e + 1 : e;
            memset(&x, 0, sizeof x);
            te = m_time(p, k, &x);
            if (te < 0) {
                memset(&x, 0, sizeof x);
                te = daypart_at(p, k, &x, true);
            }
            if (te > 0 && x.time && !x.abs && !x.date) {
                r->time = true;
                r->t0 = x.t0;
                r->t1 = x.t1;
                e = te;
                /* "Wednesday morning at 10:30": the clock time wins. */
                memset(&x, 0, sizeof x);
                if (r->t1 > r->t0 && (te = m_clock(p, e, &x)) > 0 && !x.abs && !x.date) {
                    r->t0 = r->t1 = x.t0;
                    e = te;
                }
            }
        }
    } else {
        if (!t.abs && !t.date && time_repeats(p, i, te))
            return -1;
        *r = t;
        e = te;
        if (!r->abs && !r->date) {
            /* A date after the time: "at 10 on Tuesday", "3pm tomorrow". */
            int k2;
            k = is_p(p, e, ',') ? e + 1 : e;
            k2 = prefix_at(p, k);
            memset(&x, 0, sizeof x);
            de = m_date(p, k, &x);
            if (de < 0 && k2 > k) {
                memset(&x, 0, sizeof x);
                de = m_date(p, k2, &x);
            }
            if (de > 0 && one_day(&x)) {
                r->date = true;
                r->jd0 = r->jd1 = x.jd0;
                r->span = LU_SPAN_DAY;
                e = de;
            }
        }
    }
    return e;
}

struct found {
    int a, b; /* tokens [a, b) */
    struct res r;
};

/* Gives a time without a date the day of the nearest single-day date in the
 * same text, else today when it is still ahead of REF, else tomorrow. */
static void date_lone_times(const struct P *p, GArray *f)
{
    /* F is in text order and its phrases do not overlap, so the nearest
     * single-day date is the last one before or the first one after (the
     * one before wins a tie).  A time never becomes a single-day date, so
     * both can be found in one pass each way: comparing every pair made a
     * text of thousands of times quadratic. */
    int *after = g_new(int, f->len + 1);
    int before = -1;

    after[f->len] = -1;
    for (guint k = f->len; k-- > 0;)
        after[k] = one_day(&g_array_index(f, struct found, k).r) ? (int)k : after[k + 1];
    for (guint i = 0; i < f->len; i++) {
        struct found *x = &g_array_index(f, struct found, i);
        int best = before, next = after[i];
        lu_text_steps++;
        if (one_day(&x->r))
            before = (int)i;
        if (!x->r.time || x->r.date || x->r.abs)
            continue;
        if (next >= 0 && (best < 0 || g_array_index(f, struct found, next).a - x->b <
                                          x->a - g_array_index(f, struct found, best).b))
            best = next;
        x->r.date = true;
        x->r.span = LU_SPAN_DAY;
        if (best >= 0)
            x->r.jd0 = g_array_index(f, struct found, best).r.jd0;
        else if (x->r.today || x->r.t1 > p->rsod)
            x->r.jd0 = p->rjd;
        else
            x->r.jd0 = p->rjd + 1;
        x->r.jd1 = x->r.jd0;
    }
    g_free(after);
}

/* "The following week" (day, month, Monday) after a date earlier in the
 * same text is the one after that date: "out next week and the following
 * week" is the week after next.  Without one it stays the one after
 * REF's, as m_period and m_weekday resolved it. */
static void date_following(GArray *f)
{
    for (guint i = 1; i < f->len; i++) {
        struct res *r = &g_array_index(f, struct found, i).r;
        const struct res *b = &g_array_index(f, struct found, i - 1).r;
        guint32 end = b->jd1, jd;
        int y, m, d;

        if (!r->follow || !b->date)
            continue;
        ymd_of(end, &y, &m, &d);
        if (r->follow == U_DAY) {
            set_days(r, end + 1, end + 1, LU_SPAN_DAY);
        } else if (r->follow == U_WEEK) {
            jd = monday_of(end) + 7;
            set_days(r, jd, jd + 6, LU_SPAN_WEEK);
        } else if (r->follow == U_MONTH) {
            set_month(r, m == 12 ? y + 1 : y, m % 12 + 1);
        } else if (r->follow == U_YEAR) {
            set_days(r, jd_of(y + 1, 1, 1), jd_of(y + 1, 12, 31), LU_SPAN_RANGE);
        } else {
            jd = end + (guint32)((-r->follow - wday_of(end) + 6) % 7 + 1);
            set_days(r, jd, jd, LU_SPAN_DAY);
        }
    }
}

/* Are tokens [A, B) a name or a value in program code: an argument of a
 * call ("format(today, ...)", "as.Date(\"2008-12-01\")": the parenthesis
 * glued to the function's name), or assigned to ("today <- ...")?  Prose
 * writes "(today)" with a space before it. */
static bool in_code(const struct P *p, int a, int b)
{
    int k = a - 1;

    if (is_p(p, b, '<') && is_p(p, b + 1, '-') && glued(p, b + 1))
        return true;
    if (!glued(p, a))
        return false;
    if ((is_p(p, k, '"') || is_p(p, k, '\'')) && glued(p, k))
        k--;
    return is_p(p, k, '(') && glued(p, k) && k > 0 && p->t[k - 1].kind != T_PUNCT;
}

/* Is there a file mode of a directory listing in TEXT ("-rw-r--r--",
 * "drwxr-xr-x", "lrwxrwxrwx.")?  Its dates are the files' ("1692 6 Apr
 * 15:10", "16 Feb 2 2019"), no day the writer names. */
static bool text_has_mode(const char *text)
{
    static const char *const sets[10] = {"-dlcbps", "-r",   "-w", "-xsS", "-r",
                                         "-w",      "-xsS", "-r", "-w",   "-xtT"};

    for (const char *s = text; *s; s++) {
        int n = 0, set = 0;
        if (s > text && !g_ascii_isspace(s[-1]))
            continue;
        while (n < 10 && s[n] && strchr(sets[n], s[n]))
            set += n++ > 0 && s[n - 1] != '-';
        /* a permission set, not a rule of dashes ("----------" under a
         * table's heading) */
        if (n == 10 && set > 0 && (!s[10] || g_ascii_isspace(s[10]) || strchr(".@+", s[10])))
            return true;
    }
    return false;
}

/* Is the date at tokens [A, B) program output: a build's date, as a
 * program prints it ("2019-07-05"), after its version ("R version 3.6.1
 * (2019-07-05)") or before its revision ("(2023-11-26 r85638 ucrt)"), or a
 * value R printed ("#> 1 2023-07-06", "#> [1] \"2023-07-06\"")?  A version's
 * date a writer writes ("R 3.2.0 (April 2015)") stays.  The revision's "r"
 * is notation (Subversion's), not a word of a language. */
static bool in_output(const struct P *p, int a, int b)
{
    int k = a - 1, y;

    if (is_p(p, k, '(') && year_at(p, a, &y) && is_p(p, a + 1, '-') &&
        ((is_num(p, k - 1) && glued(p, k - 1) && glued(p, k - 2) && is_num(p, k - 3) &&
          (is_p(p, k - 2, '.') ||
           (is_p(p, k - 2, '-') && is_p(p, k - 4, '.') && glued(p, k - 3) && glued(p, k - 4)))) ||
         (is_word(p, b, "r") && is_num(p, b + 1) && glued(p, b + 1))))
        return true;
    if (is_p(p, k, '"') && glued(p, a))
        k--;
    if (is_p(p, k, ']') && is_num(p, k - 1) && is_p(p, k - 2, '[') && glued(p, k) &&
        glued(p, k - 1))
        k -= 3;
    else if (is_num(p, k))
        k--;
    return is_p(p, k, '>') && is_p(p, k - 1, '#') && glued(p, k);
}

/* ------------------------------------------------------------------ the sentence's kind */

/* Does tokens [A, B) name a day or a time by digits alone ("2019-01-18",
 * "10/11/01 10:24:53", "18:38"), no date word in it?  Such a form means a
 * date in prose, but a value in code, a program's output or a table; a
 * date word ("tomorrow", "Friday", "December") is a date anywhere. */
static bool digits_only(const struct P *p, int a, int b)
{
    for (int k = a; k < b; k++) {
        const struct wd *w = W(p, k);
        if (w && (w->month || w->wday || w->rel || w->tw || w->unit || (w->f & F_HOL)))
            return false;
    }
    return true;
}

/* Is token K a number in a program's notation: a version of three parts
 * ("3.5.1", "10.14.2"; not "21.06.2016"), or in scientific notation
 * ("4.473272e-05")? */
static bool machine_number(const struct P *p, int k)
{
    if (!is_num(p, k) || (is_p(p, k - 1, '.') && glued(p, k)))
        return false;
    if (is_p(p, k + 1, '.') && glued(p, k + 1) && is_num(p, k + 2) && glued(p, k + 2) &&
        is_p(p, k + 3, '.') && glued(p, k + 3) && is_num(p, k + 4) && glued(p, k + 4))
        return p->t[k + 4].ndig != 4; /* "21.06.2016" is a date */
    if (is_p(p, k + 1, '.') && glued(p, k + 1) && is_num(p, k + 2) && glued(p, k + 2))
        k += 2;
    return is_word(p, k + 1, "e") && glued(p, k + 1) &&
           (is_p(p, k + 2, '-') || is_p(p, k + 2, '+')) && glued(p, k + 2) && is_num(p, k + 3) &&
           glued(p, k + 3);
}

/* Is the word at K a top-level domain ending a host name ("gmail.com",
 * "yahoo.de": an address the list archive wrote "x at gmail.com")?
 * Notation, the same in every language. */
static bool tld_at(const struct P *p, int k)
{
    static const char *const tlds[] = {
        "com", "org", "net", "edu", "gov", "int", "info", "de", "uk", "fr", "ch", "at", "nl", "it",
        "ca",  "au",  "es",  "se",  "no",  "dk",  "fi",   "be", "jp", "cn", "br", "eu", "us", "io"};

    for (size_t i = 0; i < G_N_ELEMENTS(tlds); i++)
        if (is_word(p, k, tlds[i]))
            return true;
    return false;
}

/* Is token K (a word) glued into an identifier of a program: before '_'
 * ("x86_64", "en_US"), before '.' and a word of two letters or more
 * ("new.env", "auto.assign", "en_US.UTF"; not a host name, "gmail.com"),
 * '$' ("df$x") or "::"? */
static bool machine_word(const struct P *p, int k)
{
    int n = k + 1, e;

    if (p->t[k].kind != T_WORD || !glued(p, n) || p->t[n].kind != T_PUNCT)
        return false;
    if (p->t[n].ch == '_' || p->t[n].ch == '$')
        return glued(p, n + 1) && p->t[n + 1].kind != T_PUNCT;
    if (p->t[n].ch == ':' && is_p(p, n + 1, ':') && glued(p, n + 1))
        return true;
    if (p->t[n].ch != '.' || p->t[k].len < 2 || !glued(p, n + 1) || p->t[n + 1].kind != T_WORD ||
        p->t[n + 1].len < 2)
        return false;
    /* the name's last part */
    for (e = n + 1;
         is_p(p, e + 1, '.') && glued(p, e + 1) && glued(p, e + 2) && p->t[e + 2].kind == T_WORD;)
        e += 2;
    return !tld_at(p, e);
}

/* How much token K marks code: 2 for a call, a word glued to '(' and what
 * it is given ("getFX(\"USD\"", "library(x)"; not "file(s)"), an
 * assignment or a comparison ("<-", "==", "x=1", "from=\"..."; not a rule
 * "====="); 1 for a brace or a semicolon ("{MHK}" alone is a ticker). */
static int code_mark(const struct P *p, int k)
{
    const struct tok *t = &p->t[k];

    if (t->kind != T_PUNCT)
        return 0;
    if (t->ch == '(')
        return 2 * (k > 0 && glued(p, k) && p->t[k - 1].kind == T_WORD && glued(p, k + 1) &&
                    !(p->t[k + 1].kind == T_WORD && p->t[k + 1].len == 1 && is_p(p, k + 2, ')')));
    if (t->ch == '<')
        return 2 * (is_p(p, k + 1, '-') && glued(p, k + 1) && !glued(p, k + 2));
    if (t->ch == '=')
        return is_p(p, k - 1, '=') || (is_p(p, k + 1, '=') && is_p(p, k + 2, '='))
                   ? 0
                   : 2 * ((is_p(p, k + 1, '=') && glued(p, k + 1)) ||
                          (k > 0 && glued(p, k) && glued(p, k + 1) && p->t[k - 1].kind == T_WORD &&
                           !is_p(p, k + 1, '=')));
    return t->ch == '{' || t->ch == '}' || t->ch == ';';
}

/* Is P's text code or a program's output by its tokens: marks of code
 * (code_mark), identifiers and numbers of a program's notation
 * (machine_word, machine_number, a point each), three points at least and
 * one for every four words?  A writer's prose with one or two ("see
 * new.env()", "R 3.5.1 on x86_64") is not; nor are a URL, an address or
 * an HTML tag ("<a href='...' style='color: #fc;'>"), markup around text. */
static bool text_is_machine(const struct P *p)
{
    int score = 0, words = 0, c;
    bool tag = false;

    for (int k = 0; k < p->n; k++) {
        lu_text_steps++;
        if (is_p(p, k, '<') && glued(p, k + 1) &&
            (p->t[k + 1].kind == T_WORD || is_p(p, k + 1, '/')))
            tag = true;
        else if (tag && is_p(p, k, '>'))
            tag = false;
        if (tag || p->t[k].link)
            continue;
        if (p->t[k].kind == T_WORD)
            words++;
        c = code_mark(p, k);
        score += c ? c : machine_word(p, k) || machine_number(p, k);
    }
    return score >= 3 && score * 4 >= words;
}

/* Is there a pair "N:M" in P's text that is no time of day ("24:3",
 * "25:17": a line and a column, a ratio)?  Then no bare "N:M" in it is a
 * time either ("bathymetric (18:38) geospatial (24:3)"); "at 10:30" is. */
static bool text_has_nonclock(const struct P *p)
{
    for (int k = 0; k + 2 < p->n; k++) {
        lu_text_steps++;
        if (is_num(p, k) && is_p(p, k + 1, ':') && glued(p, k + 1) && is_num(p, k + 2) &&
            glued(p, k + 2) && !(is_p(p, k + 3, ':') && glued(p, k + 3)) &&
            !(k > 0 && is_p(p, k - 1, ':') && glued(p, k)) &&
            (p->t[k].num > 24 || p->t[k + 2].ndig != 2 || p->t[k + 2].num > 59))
            return true;
    }
    return false;
}

/* Is the date at tokens [A, B) a program's time stamp: written as ISO's
 * date with a time to the second, at the start of the text or of a
 * field's value ("2020-04-07 14:55:32 UTC ...", "Packaged: 2020-04-07
 * 14:55:32", "[2026-11-30 21:35:53] error")?  A log, a package's
 * metadata: a writer writes the minute.  Inside a sentence ("We received
 * your 2014-07-01 21:35:53 application"), after a word ("At 2016-05-05
 * 03:55:45, X wrote:") or in a notice's own form ("1/15/2002 9:00:00 AM")
 * it is a day the text names. */
static bool time_stamp(const struct P *p, int a, int b)
{
    int y;

    if ((a > 0 && !is_p(p, a - 1, ':') && !is_p(p, a - 1, '[')) || !year_at(p, a, &y) ||
        !is_p(p, a + 1, '-'))
        return false;
    for (int k = a; k <= b && k + 4 < p->n; k++)
        if (is_num(p, k) && is_p(p, k + 1, ':') && glued(p, k + 1) && is_num(p, k + 2) &&
            glued(p, k + 2) && is_p(p, k + 3, ':') && glued(p, k + 3) && is_num(p, k + 4) &&
            glued(p, k + 4))
            return true;
    return false;
}

/* Is the date at tokens [A, B), digits only, a row of data: nothing but
 * numbers after it and no word in the text ("2016-05-22 4.473272e-05",
 * "2016-05-22 0": a value R printed)? */
static bool data_row(const struct P *p, int a, int b)
{
    bool value = false;

    for (int k = 0; k < p->n; k++) {
        if (k >= a && k < b)
            continue;
        if (p->t[k].kind == T_WORD && !(is_word(p, k, "e") && glued(p, k)))
            return false;
        if (k < a)
            return false;
        if (p->t[k].kind == T_PUNCT && !strchr(".-+", p->t[k].ch))
            return false;
        if (p->t[k].kind == T_PUNCT && p->t[k].ch == '-' && glued(p, k) && is_num(p, k - 1) &&
            glued(p, k + 1))
            return false; /* "2016-05-23": another date, a range */
        value = value || p->t[k].kind == T_NUM;
    }
    return value;
}

/* Is the one word at tokens [A, B) part of a name, '.' glued on both
 * sides to words ("clickz.today.txt", "x.monday.example")? */
static bool in_name(const struct P *p, int a, int b)
{
    return b == a + 1 && is_p(p, a - 1, '.') && glued(p, a) && glued(p, a - 1) &&
           p->t[a - 2].kind == T_WORD && is_p(p, b, '.') && glued(p, b) && glued(p, b + 1) &&
           p->t[b + 1].kind == T_WORD;
}

/* Is token K a decimal number ("1880.00", "+4.94"), not a version? */
static bool decimal_at(const struct P *p, int k)
{
    return is_num(p, k) && !(glued(p, k) && p->t[k - 1].kind != T_PUNCT) && is_p(p, k + 1, '.') &&
           glued(p, k + 1) && is_num(p, k + 2) && glued(p, k + 2) &&
           !(is_p(p, k + 3, '.') && glued(p, k + 3)) && !(is_p(p, k - 1, '.') && glued(p, k));
}

/* Is P's text a table of figures: three decimal numbers at least and two
 * for every five words ("NDZ1 NASDAQ 100 Index Dec 2001 1880.00 93.00
 * +4.94")?  A month with its year there is a column's label, the month of
 * a contract, not when anything happens. */
static bool text_is_table(const struct P *p)
{
    int dec = 0, words = 0;

    for (int k = 0; k < p->n; k++) {
        lu_text_steps++;
        words += p->t[k].kind == T_WORD;
        dec += decimal_at(p, k);
    }
    return dec >= 3 && dec * 5 >= words * 2;
}

/* Is the phrase at tokens [A, B) a month and its year alone ("Dec 2001")? */
static bool month_year_only(const struct P *p, int a, int b)
{
    int y;
    return b == a + 2 && W(p, a) && W(p, a)->month && year_at(p, a + 1, &y);
}

/* Is the bare clock time at tokens [A, B) ("1:50") an R sequence in code:
 * between commas or brackets in a text with a call ("paste(\"x\", 1:50,
 * sep=\"\")", "x[1:50]")?  A list of times ("9:30, 10:30, 11:30") has no
 * call. */
static bool code_range(const struct P *p, int a, int b, const struct res *r)
{
    bool call = false;

    if (!r->time || r->date || b - a != 3 ||
        !(is_p(p, a - 1, ',') || is_p(p, a - 1, '(') || is_p(p, a - 1, '[')))
        return false;
    if (!(is_p(p, b, ',') || is_p(p, b, ')') || is_p(p, b, ']')) || !glued(p, b))
        return false;
    for (int k = 1; k < p->n && !call; k++)
        call = is_p(p, k, '(') && glued(p, k) && p->t[k - 1].kind == T_WORD;
    return call;
}

/* Does token I follow a numeric date the matchers did not read
 * ("arrow.tar.gz???2024-02-08 11:57", a file listing's)?  A time after it
 * is that date's, not a time of today. */
static bool after_date_like(const struct P *p, int i)
{
    /* T_NUM, not is_num: inside a file name ("arrow_14.0.2.1.tar.gz???2024-02-08") too */
    return i >= 3 && p->t[i - 1].kind == T_NUM && p->t[i - 2].kind == T_PUNCT &&
           p->t[i - 2].ch == '-' && p->t[i - 3].kind == T_NUM && glued(p, i - 1) && glued(p, i - 2);
}

/* "the 26th & 27th", "on the 14th or 15th", "Dec 3 and 4": a later day of
 * the same month after X, a single day that ends in its day of the month,
 * written as it is (an ordinal after an ordinal) and before a word that
 * goes with dates ("Dec 3 and 4 people" is a count).  Returns the index
 * after it, the day in *JD and its first token in *A; -1: none. */
static int second_day(const struct P *p, const struct found *x, guint32 *jd, int *a)
{
    int e = x->b, last = e - 1, k, k2, y, m, d, d2;
    bool ord = wf(p, last, F_ORDSUF);

    if (!one_day(&x->r) || x->r.follow || !(is_p(p, e, '&') || wf(p, e, F_AND | F_OR)))
        return -1;
    last -= ord;
    ymd_of(x->r.jd0, &y, &m, &d);
    if (!is_num(p, last) || p->t[last].num != d)
        return -1;
    k = wf(p, e + 1, F_THE) ? e + 2 : e + 1;
    k2 = mday_at(p, k, &d2, true, false);
    if (k2 < 0 || d2 <= d || d2 > mdays(y, m) || ord != wf(p, k2 - 1, F_ORDSUF) ||
        !date_follower(p, k2))
        return -1;
    *jd = x->r.jd0 + (guint32)(d2 - d);
    *a = k;
    return k2;
}

/* Unix seconds of Julian day JD at second SOD, local to TZ. */
static gint64 unix_at(GTimeZone *tz, guint32 jd, int sod)
{
    int y, m, d;
    GDateTime *t;
    gint64 u = 0;

    ymd_of(jd, &y, &m, &d);
    t = g_date_time_new(tz, y, m, d, sod / 3600, sod / 60 % 60, sod % 60);
    if (t) {
        u = g_date_time_to_unix(t);
        g_date_time_unref(t);
    }
    return u;
}

static void to_when(const struct P *p, const struct found *x, struct lu_when *w)
{
    const struct res *r = &x->r;

    memset(w, 0, sizeof *w);
    w->off = p->t[x->a].off;
    w->len = p->t[x->b - 1].off + p->t[x->b - 1].len - w->off;
    if (r->abs) {
        w->start = w->end = r->u0;
        w->span = LU_SPAN_MOMENT;
        w->has_time = true;
    } else if (r->time) {
        w->start = unix_at(p->tz, r->jd0, r->t0);
        w->end = r->t1 == r->t0 ? w->start : unix_at(p->tz, r->jd0, r->t1);
        w->span = r->t1 == r->t0 ? LU_SPAN_MOMENT : LU_SPAN_RANGE;
        w->has_time = true;
    } else {
        w->start = unix_at(p->tz, r->jd0, 0);
        w->end = unix_at(p->tz, r->jd1, 86399);
        w->span = r->span;
        w->past = r->past;
    }
}

/* Sets up P for TEXT (LEN bytes) with token and lower-case buffers T and LOW
 * (room for LEN + 1 each).  Returns false when nothing in it can be a date. */
static bool setup(struct P *p, const char *text, int len, struct tok *t, char *low, GDateTime *ref,
                  const struct lu_cal *cal, bool cli)
{
    static GOnce once = G_ONCE_INIT;
    bool interest;

    g_once(&once, build_table, NULL);
    memset(p, 0, sizeof *p);
    lower_copy(text, len, low);
    p->text = text;
    p->low = low;
    p->t = t;
    p->n = tokenise(text, len, low, t, &interest);
    if (!interest)
        return false;
    p->ref = ref;
    p->tz = g_date_time_get_timezone(ref);
    p->cal = cal;
    p->cli = cli;
    p->now = g_date_time_to_unix(ref);
    g_date_time_get_ymd(ref, &p->ry, &p->rm, &p->rd);
    p->rjd = jd_of(p->ry, p->rm, p->rd);
    p->rsod = g_date_time_get_hour(ref) * 3600 + g_date_time_get_minute(ref) * 60 +
              g_date_time_get_second(ref);
    for (int i = 0; i < p->n; i++)
        if (W(p, i) && ((W(p, i)->f & F_HOL) || W(p, i)->unit == U_YEAR))
            p->has_hol = true;
    return true;
}

/* Buffers for short texts live on the stack. */
#define SMALL 256

/* A text's token and lower-case buffers: on the stack when it is short. */
struct bufs {
    struct tok tbuf[SMALL], *t;
    char lbuf[SMALL], *low;
};

/* Sets up P for TEXT with buffers B (bufs_clear frees them).  Returns false
 * when there is nothing to read or nothing in it can be a date. */
static bool setup_text(struct P *p, struct bufs *b, const char *text, GDateTime *ref,
                       const struct lu_cal *cal)
{
    size_t len;

    b->t = b->tbuf;
    b->low = b->lbuf;
    if (!text || !ref || !cal)
        return false;
    len = strlen(text);
    if (len > G_MAXINT / 2)
        return false;
    if (len >= SMALL) {
        b->t = g_new(struct tok, len + 1);
        b->low = g_malloc(len + 1);
    }
    return setup(p, text, (int)len, b->t, b->low, ref, cal, false);
}

static void bufs_clear(struct bufs *b)
{
    if (b->t != b->tbuf)
        g_free(b->t);
    if (b->low != b->lbuf)
        g_free(b->low);
}

/* What a text's tokens say of its kind, each read once, when a phrase
 * needs it: -1 not yet read, else 0 or 1. */
struct kinds {
    int listing;  /* text_has_mode */
    int machine;  /* text_is_machine */
    int nonclock; /* text_has_nonclock */
    int table;    /* text_is_table */
};

static bool kind_of(int *k, bool (*test)(const struct P *), const struct P *p)
{
    if (*k < 0)
        *k = test(p);
    return *k > 0;
}

static bool has_mode(const struct P *p)
{
    return text_has_mode(p->text);
}

/* Is the phrase at tokens [A, B) (resolved in R) no date for the kind of
 * text it is in: program output, code, a table, a name?  A date of digits
 * alone is a value there; a date word is a date anywhere, but in a
 * directory listing. */
static bool gated(const struct P *p, int a, int b, const struct res *r, struct kinds *k)
{
    bool digits;

    if (kind_of(&k->listing, has_mode, p) || in_code(p, a, b) || in_output(p, a, b) ||
        code_range(p, a, b, r) || (r->time && !r->date && after_date_like(p, a)) ||
        in_name(p, a, b))
        return true;
    if (month_year_only(p, a, b) && kind_of(&k->table, text_is_table, p))
        return true;
    /* a date after a word of time ("on 2022-04-20", "from 11/27/21") is
     * the writer's anywhere */
    digits = p->t[a].kind == T_NUM && digits_only(p, a, b);
    if (!digits)
        return false;
    if (r->time && !r->date && b - a == 3 && kind_of(&k->nonclock, text_has_nonclock, p))
        return true;
    return (r->date && (time_stamp(p, a, b) || data_row(p, a, b))) ||
           kind_of(&k->machine, text_is_machine, p);
}

/* lu_dates_find, in ORDER's order when it is not NULL. */
static GArray *find(const char *text, GDateTime *ref, const struct lu_cal *cal,
                    struct lu_date_order *order)
{
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct lu_when));
    GArray *found = NULL;
    struct bufs b;
    struct P p;
    struct kinds kinds = {-1, -1, -1, -1};

    if (!setup_text(&p, &b, text, ref, cal))
        goto out;
    p.order = order;
    found = g_array_new(FALSE, FALSE, sizeof(struct found));
    for (int i = 0; i < p.n;) {
        struct found x = {0};
        int e = m_phrase(&p, i, &x.r), a;
        guint32 jd;
        if (e > i && (x.r.label || gated(&p, i, e, &x.r, &kinds))) {
            i = e;
        } else if (e > i) {
            x.a = i;
            x.b = e;
            g_array_append_val(found, x);
            i = e;
            if ((e = second_day(&p, &x, &jd, &a)) > 0) {
                x.a = a;
                x.b = e;
                x.r.jd0 = x.r.jd1 = jd;
                g_array_append_val(found, x);
                i = e;
            }
        } else {
            i++;
        }
    }
    date_following(found);
    date_lone_times(&p, found);
    for (guint i = 0; i < found->len; i++) {
        struct lu_when w;
        to_when(&p, &g_array_index(found, struct found, i), &w);
        g_array_append_val(out, w);
    }
out:
    if (found)
        g_array_unref(found);
    bufs_clear(&b);
    return out;
}

GArray *lu_dates_find(const char *text, GDateTime *ref, const struct lu_cal *cal)
{
    return find(text, ref, cal, NULL);
}

GArray *lu_dates_find_ordered(const char *text, GDateTime *ref, const struct lu_cal *cal,
                              struct lu_date_order *order)
{
    return find(text, ref, cal, order);
}

/* The writer's own numeric dates in P that show their order: a number
 * above 12 ("11/15" month first, "15/11" day first), or a weekday before
 * that fits one reading ("Thu 10/12").  Counts them in VOTES (day first,
 * month first); *AMBIGUOUS when one shows nothing ("11/1"). */
static void order_votes(const struct P *p, int votes[2], bool *ambiguous)
{
    for (int i = 0; i < p->n; i++) {
        struct res r = {0};
        int a, b, w, y, m, d;

        if (p->t[i].kind != T_NUM || m_slash(p, i, &r) < 0)
            continue;
        a = p->t[i].num;
        b = p->t[i + 2].num;
        if (a > 12 || b > 12) {
            votes[b > 12]++;
            continue;
        }
        if (a == b)
            continue;
        w = is_p(p, i - 1, ',') ? i - 2 : i - 1;
        ymd_of(r.jd0, &y, &m, &d);
        if (W(p, w) && W(p, w)->wday && wday_of(r.jd0) == W(p, w)->wday)
            votes[m == a]++;
        else
            *ambiguous = true;
    }
}

/* Does the writer of TEXT at REF put the month first, by the zone they
 * wrote from and their language's pack? */
static bool zone_month_first(const char *text, GDateTime *ref)
{
    const struct lu_lang_pack *pk = lu_lang_pack(lu_lang_guess(text, NULL));
    gint64 off = g_date_time_get_utc_offset(ref) / G_USEC_PER_SEC / 60;

    return pk->month_first_from < pk->month_first_to && off >= pk->month_first_from &&
           off <= pk->month_first_to;
}

bool lu_dates_order(const char *text, GDateTime *ref, const struct lu_cal *cal)
{
    struct bufs b;
    struct P p;
    int votes[2] = {0, 0};
    bool ambiguous = false, mdy = cal && cal->mdy;

    __atomic_add_fetch(&lu_date_orders, 1, __ATOMIC_RELAXED);
    if (setup_text(&p, &b, text, ref, cal))
        order_votes(&p, votes, &ambiguous);
    if (votes[0] != votes[1])
        mdy = votes[1] > votes[0];
    else if (ambiguous && !cal->order_set)
        mdy = zone_month_first(text, ref);
    bufs_clear(&b);
    return mdy;
}

/* "3d", "+2w", "4h", "30m", "1mo": a moment that far from REF (days and
 * weeks keep the local time of day across DST changes). */
static int m_duration(const struct P *p, struct res *r)
{
    int k = 0, n;
    GDateTime *t = NULL;

    if (is_p(p, k, '+'))
        k++;
    if (!is_num(p, k) || p->t[k].ndig > 4 || !glued(p, k + 1) || k + 1 >= p->n ||
        p->t[k + 1].kind != T_WORD)
        return -1;
    n = p->t[k].num;
    k++;
    if (is_word(p, k, "d"))
        t = g_date_time_add_days(p->ref, n);
    else if (is_word(p, k, "w"))
        t = g_date_time_add_weeks(p->ref, n);
    else if (is_word(p, k, "h"))
        t = g_date_time_add_hours(p->ref, n);
    else if (is_word(p, k, "m") || is_word(p, k, "min"))
        t = g_date_time_add_minutes(p->ref, n);
    else if (is_word(p, k, "mo"))
        t = g_date_time_add_months(p->ref, n);
    if (!t)
        return -1;
    r->abs = true;
    r->time = true;
    r->u0 = g_date_time_to_unix(t);
    g_date_time_unref(t);
    return k + 1;
}

/* The longest WHEN lu_when_parse reads. */
#define WHEN_MAX 200
G_STATIC_ASSERT(WHEN_MAX < SMALL);

int lu_when_parse(const char *arg, GDateTime *ref, const struct lu_cal *cal, struct lu_when *out)
{
    struct tok t[SMALL]; /* WHEN is short (WHEN_MAX): on the stack */
    char low[SMALL];
    struct P p;
    struct found x = {0};
    GArray *one = NULL;
    GDateTime *iso = NULL;
    size_t len;
    int ret = -1, e;

    if (!arg || !ref || !cal || !out)
        goto out;
    len = strlen(arg);
    if (len == 0 || len > WHEN_MAX)
        goto out;
    /* A full ISO 8601 time, possibly with an offset. */
    iso = g_date_time_new_from_iso8601(arg, g_date_time_get_timezone(ref));
    if (iso) {
        memset(out, 0, sizeof *out);
        out->start = out->end = g_date_time_to_unix(iso);
        out->span = LU_SPAN_MOMENT;
        out->has_time = true;
        out->len = (int)len;
        ret = 0;
        goto out;
    }
    setup(&p, arg, (int)len, t, low, ref, cal, true);
    if (p.n == 0 || !p.ref)
        goto out;
    e = m_duration(&p, &x.r);
    if (e != p.n) {
        memset(&x, 0, sizeof x);
        e = m_phrase(&p, 0, &x.r);
    }
    if (e != p.n)
        goto out;
    x.a = 0;
    x.b = e;
    one = g_array_new(FALSE, FALSE, sizeof(struct found));
    g_array_append_val(one, x);
    date_lone_times(&p, one);
    to_when(&p, &g_array_index(one, struct found, 0), out);
    ret = 0;
out:
    if (one)
        g_array_unref(one);
    if (iso)
        g_date_time_unref(iso);
    return ret;
}
