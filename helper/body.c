/* body.c - what the author wrote in this message, without what they quoted.
 *
 * The decoded body (HTML first rendered by html.c) goes through four steps,
 * each linear in the size of the body:
 *
 * 1. Normalise: valid UTF-8, LF line ends, no zero-width characters, no-break
 *    spaces as spaces, trailing white space off every line.
 *
 * 2. Quotes.  A top-posting client puts the old message after a header; the
 *    first such header cuts everything after it (so a forwarded message,
 *    its own quotes and footers included, is gone too):
 *      - "-----Original Message-----" and other dashed markers naming an
 *        original or forwarded message ("---------- Forwarded message
 *        ---------", "-------- Weitergeleitete Nachricht --------", ...);
 *      - Apple Mail's "Begin forwarded message:" and its translations;
 *      - an Outlook header block: a From line (From/Von/De/...) with at least
 *        two of Sent/Date, To/Cc, Subject in the lines that follow (or on the
 *        same line), including a "_____" rule just above it; a '?' in a
 *        header name may stand for a letter the charset lost ("Envoy? :");
 *      - an attribution line ("On ... wrote:", "Am ... schrieb X:",
 *        "Le ... a écrit :", "El ... escribió:", "* X <a@b> [date]:", also
 *        wrapped over up to three lines, also Gmail's "<jane@x.example\n>
 *        wrote:") that is NOT followed by "> " lines and has no quoted line
 *        anywhere after it (some mobile clients quote without ">").
 *    Before that cut, ">" lines are quoted material and dropped, with the
 *    attribution that introduces them (a "[...]" may stand between); the
 *    author's own lines between them are kept (interleaved and bottom
 *    posting), separated by a blank line so that answers to different
 *    quotes stay different paragraphs.  "| " lines are quotes too when an
 *    attribution introduces them (never otherwise: tables).  An attribution
 *    in another language counts when it holds an address or a date and time
 *    and a quote follows it.
 *
 * 3. List footers (Mailman and its archive's "next part" and "[[alternative
 *    HTML version deleted]]", Google Groups, GitHub, "To unsubscribe") and
 *    legal disclaimers (known openings in four languages, or a paragraph
 *    about confidentiality and its intended recipient) are cut when they
 *    start near the end: a footer in the last 12 non-blank lines, a
 *    disclaimer in the last 40.  A "--" or rule left above them goes too.
 *
 * 4. Signature: the earliest of
 *      - a "-- " (or "--") line with at most 25 non-blank lines after it;
 *      - a mobile line ("Sent from my iPhone", "Von meinem iPhone gesendet",
 *        "Get Outlook for Android", ...) among the last three non-blank lines;
 *      - a sign-off line ("Best regards,", "Thanks, Jane", "Cheers, J",
 *        "Mit freundlichen Grüßen", "Cordialement", "Saludos") among the last
 *        15 non-blank lines, followed by at most 12 short lines that do not
 *        read like sentences.  A line only counts as a sign-off when the
 *        phrase is alone or followed by a name, so "Thanks for the quick
 *        reply, can you send the draft?" stays body text.  When the sign-off
 *        is the author's first line ("Thanks!\nJane") it stays in the text
 *        and only what follows becomes the signature;
 *      - without a sign-off, a name alone on the last line: "-Jane" or
 *        "— Jane Doe", a full name after a blank line ("Duncan Murdoch"), or
 *        a first name right before "-- " ("Dirk").  A single last word
 *        without that context ("Done") stays text.
 *    Everything from there on moves to out->signature.  sig_name is the
 *    first plausible person name in: the name on the sign-off line, the line
 *    after the sign-off, the line after "-- " (the part before a "," or "|";
 *    initials alone such as "J" are not a name).  sig_phone is the first
 *    number labelled as a phone ("Tel:", "Phone", "Mob", "M:", "T:", a line
 *    "T 0234 ..."; never "Fax"), else the first international "+..." or "(555) ..."
 *    number; dates, zip codes and order numbers have no label and no '+',
 *    and date shapes are refused even when labelled.
 *
 * Blank-line runs collapse to one; leading and trailing blank lines go. */
#include "leadup.h"

#include <string.h>

/* Every word list comes from the language packs (helper/lang-*.c), every
 * pack's at once, reading packs included (LU_LANG_ALL), each kept at its
 * place of use once asked (BODY_ALL): lu_lang_all takes a lock and
 * searches its lists at every call, 1.6% of a worker's instructions in the
 * first full scan (issue 14).  A list never changes once made: a thread
 * that finds none kept asks, and keeps the same pointer. */
#define BODY_ALL(field)                                                                            \
    ({                                                                                             \
        static const char *const *kept_;                                                           \
        const char *const *l_ = g_atomic_pointer_get(&kept_);                                      \
        if (!l_) {                                                                                 \
            l_ = LU_LANG_ALL(field);                                                               \
            g_atomic_pointer_set(&kept_, l_);                                                      \
        }                                                                                          \
        l_;                                                                                        \
    })
#define marker_words       BODY_ALL(forward_markers)    /* "----- Original Message -----" */
#define forward_starts     BODY_ALL(forward_starts)     /* lines that start a forward */
#define verbs_final        BODY_ALL(attr_verbs)         /* "... wrote:", "... a écrit :" */
#define attr_openers       BODY_ALL(attr_openers)       /* "On <date>, <name> wrote:" */
#define attr_not_names     BODY_ALL(attr_not_names)     /* "I wrote:": the author's sentence */
#define footer_starts      BODY_ALL(footer_starts)      /* list footers */
#define disclaimer_starts  BODY_ALL(disclaimer_starts)  /* legal disclaimers */
#define confidential_words BODY_ALL(confidential_words) /* "confidential" ... */
#define recipient_words    BODY_ALL(recipient_words)    /* ... next to it: a disclaimer */
#define mobile_starts      BODY_ALL(mobile_starts)      /* "Sent from my iPhone" */
#define mobile_vague       BODY_ALL(mobile_vague)       /* "Sent from Mail for Windows" */
#define signoffs           BODY_ALL(signoffs)           /* "Best regards," */
#define not_name_words     BODY_ALL(not_name_words)     /* never in a signature's name */
#define sentence_starts    BODY_ALL(sentence_starts)    /* a sentence, no signature line */
#define stopwords          BODY_ALL(stopwords)          /* frequent in sentences only */
/* What only mail sent in bulk carries: a way out of the mailing, or a note
 * that replies go unread ("do not reply to this e-mail") (one is enough),
 * and the marks of a marketing layout (two are: a personal message may say
 * "click here" once). */
#define bulk_exit   BODY_ALL(bulk_exit)
#define bulk_layout BODY_ALL(bulk_layout)

/* Bytes of each line kept lower-cased for the phrase tests; no header,
 * attribution or footer phrase is longer. */
#define LC_MAX 320

struct line {
    const char *s; /* the line, NUL-terminated, no trailing white space */
    gsize len;
    char *lc;    /* lower-case copy of the start, leading blanks removed, ’ as ' */
    bool lc_own; /* LC is a string of its own (else in split_lines' arena) */
    bool blank;
    bool quote; /* starts with '>' (after at most four spaces) */
    bool pipe;  /* starts with '|', a quote where the writer quotes that way */
    guint8 hk;  /* header_key(): the quoted-header name the line starts with */
};

static struct line blank_line = {"", 0, (char *)"", false, true, false, false, 0};
static int header_key(const struct line *l);

/* ------------------------------------------------------------ small helpers */

/* Byte by byte, where strncmp(s, prefix, strlen(prefix)) took two calls:
 * every line meets dozens of prefixes (issue 14). */
static bool starts(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (*s != *prefix)
            return false;
    return true;
}

static bool ends(const char *s, gsize len, const char *suffix)
{
    gsize n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* The first bytes of a kept list's phrases (BODY_ALL: a list never
 * changes once made), one bit a byte; ALL: it has "", which starts every
 * line.  A line whose first byte starts none of the list's phrases is
 * tested once, not once a phrase: every line meets five such lists of
 * dozens, 2.7% of a worker's instructions (s43-cpu). */
struct firsts {
    const char *const *set;
    guint64 bits[4];
    bool all;
};

static const struct firsts *firsts_of(const char *const *set)
{
    static struct firsts kept[16];
    static int n_kept;
    static GMutex lock;
    const struct firsts *f = NULL;
    int n = g_atomic_int_get(&n_kept);

    for (int i = 0; i < n && !f; i++)
        if (kept[i].set == set)
            f = &kept[i];
    if (f)
        return f;
    g_mutex_lock(&lock);
    n = g_atomic_int_get(&n_kept);
    for (int i = 0; i < n && !f; i++)
        if (kept[i].set == set)
            f = &kept[i];
    if (!f && n < (int)G_N_ELEMENTS(kept)) {
        struct firsts *k = &kept[n];
        k->set = set;
        for (const char *const *p = set; *p; p++) {
            guint8 c = (guint8) * *p;
            k->all = k->all || !c;
            k->bits[c / 64] |= G_GUINT64_CONSTANT(1) << (c % 64);
        }
        /* published whole: a reader sees N_KEPT only after its entries */
        g_atomic_int_set(&n_kept, n + 1);
        f = k;
    }
    g_mutex_unlock(&lock);
    return f;
}

static bool starts_any(const char *s, const char *const *set)
{
    const struct firsts *f = firsts_of(set);
    guint8 c = (guint8)*s;

    if (f && !f->all && !(f->bits[c / 64] >> (c % 64) & 1))
        return false;
    for (; *set; set++) {
        if (starts(s, *set))
            return true;
    }
    return false;
}

static bool contains_any(const char *s, const char *const *set)
{
    for (; *set; set++) {
        if (strstr(s, *set))
            return true;
    }
    return false;
}

/* Whether S names one of SET as a word: "original message", "forwarded
 * by", not "forward/joke of the day" (a newsletter's section heading
 * between dashes).  A word may go on in letters ("forward" in
 * "forwarded"), then ends at a space, a ':' or the end. */
static bool names_any(const char *s, const char *const *set)
{
    for (; *set; set++) {
        for (const char *p = strstr(s, *set); p; p = strstr(p + 1, *set)) {
            const char *e = p + strlen(*set);
            while (g_ascii_isalpha(*e) || (guchar)*e >= 0x80)
                e++;
            if ((p == s || !g_ascii_isalpha(p[-1])) && (!*e || *e == ' ' || *e == ':'))
                return true;
        }
    }
    return false;
}

static bool has_digit(const char *s)
{
    for (; *s; s++) {
        if (g_ascii_isdigit(*s))
            return true;
    }
    return false;
}

/* g_ascii_tolower without its call: every byte of every line is lowered
 * (lower_prefix, bulk_text; issue 14). */
static inline char ascii_lc(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* If S starts with PHRASE (lower-case UTF-8) ignoring case, returns the
 * position after it in S, else NULL.  A space in PHRASE matches any run of
 * white space; ’ matches '. */
static const char *ci_prefix(const char *s, const char *phrase)
{
    while (*phrase) {
        gunichar a, b = (unsigned char)*phrase < 0x80 ? (gunichar)*phrase : g_utf8_get_char(phrase);

        if (*s == '\0')
            return NULL;
        if (b == ' ') {
            if (*s != ' ' && *s != '\t')
                return NULL;
            while (*s == ' ' || *s == '\t')
                s++;
            phrase++;
            continue;
        }
        /* ASCII lowers without the Unicode tables: most text is ASCII, and
         * every line is compared with every sign-off (issue 14). */
        a = (unsigned char)*s < 0x80 ? (gunichar)ascii_lc(*s)
                                     : g_unichar_tolower(g_utf8_get_char(s));
        if (a == 0x2019)
            a = '\'';
        if (a != b)
            return NULL;
        s = g_utf8_next_char(s);
        phrase = g_utf8_next_char(phrase);
    }
    return s;
}

/* Whether S's first N bytes are ASCII. */
static bool ascii_prefix(const char *s, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* S's first N bytes (ASCII) lowered into LC (N + 1 bytes), up to a NUL
 * as g_utf8_strdown stops.  leadup sets no locale, so g_utf8_strdown
 * lowers ASCII as this does (no Turkish dotless i). */
static void ascii_down(char *lc, const char *s, gsize n)
{
    gsize i;

    for (i = 0; i < n && s[i]; i++)
        lc[i] = ascii_lc(s[i]);
    lc[i] = '\0';
}

/* ascii_down of S's first N bytes into LC (N + 1 bytes), eight at a time
 * (a line's lower-case copy was most of the extraction of long list mail):
 * false, LC undefined, when one of them is not ASCII or a NUL (then the
 * caller lowers them as before). */
static bool ascii_down_words(char *lc, const char *s, gsize n)
{
    const guint64 ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    gsize i = 0;

    for (; i + 8 <= n; i += 8) {
        guint64 w, upper;
        memcpy(&w, s + i, 8);
        if ((w & highs) || ((w - ones) & ~w & highs))
            return false;
        /* Each byte's high bit: >= 'A' and not > 'Z' (all bytes < 0x80). */
        upper = (w + ones * (0x80 - 'A')) & ~(w + ones * (0x7f - 'Z')) & highs;
        w |= upper >> 2;
        memcpy(lc + i, &w, 8);
    }
    for (; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80 || !s[i])
            return false;
        lc[i] = ascii_lc(s[i]);
    }
    lc[n] = '\0';
    return true;
}

/* Lower-cases the first bytes of S (at most LC_MAX, whole characters) and
 * writes ’ as '.  Into DST (LEN + 1 bytes) when those bytes are ASCII and
 * DST is given; else returns a new string (the result is not DST: caller
 * frees). */
static char *lower_prefix_in(const char *s, gsize len, char *dst)
{
    gsize n = len < LC_MAX ? len : LC_MAX;
    char *lc, *r, *w;

    while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    lc = dst ? dst : g_malloc(n + 1);
    if (ascii_down_words(lc, s, n))
        return lc;
    if (ascii_prefix(s, n)) { /* what g_utf8_strdown gives, without its tables */
        ascii_down(lc, s, n);
        return lc;
    }
    if (!dst)
        g_free(lc);
    lc = g_utf8_strdown(s, (gssize)n);
    for (r = w = lc; *r;) {
        if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
            (unsigned char)r[2] == 0x99) {
            *w++ = '\'';
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return lc;
}

/* lower_prefix_in as a new string (caller frees). */
static char *lower_prefix(const char *s, gsize len)
{
    return lower_prefix_in(s, len, NULL);
}

/* ------------------------------------------------------------ step 1 */

/* The first of the whole eight-byte words from P to END that holds a
 * byte of 0x80 or above, a CR or an LF (the caller reads on from there a
 * byte at a time), or the last whole word's end: the bytes before it are
 * plain ASCII of one line.  Eight at a time: a byte at a time it was 3% of
 * a worker's instructions on r-package-devel's first scan (issue 14). */
static const char *ascii_run_end(const char *p, const char *end)
{
    const guint64 ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const guint64 crs = ones * '\r', lfs = ones * '\n';

    for (; end - p >= 8; p += 8) {
        guint64 w, cr, lf;
        memcpy(&w, p, 8);
        cr = w ^ crs;
        lf = w ^ lfs;
        if ((w & highs) || ((cr - ones) & ~cr & highs) || ((lf - ones) & ~lf & highs))
            break;
    }
    return p;
}

/* Returns a new string: LF line ends, invisible characters dropped, no-break
 * spaces as spaces, no trailing white space on any line. */
static char *normalise(const char *text)
{
    gsize len = strlen(text);
    GString *o = g_string_sized_new(len + 1);
    const char *p = text, *end = text + len;

    while (*p) {
        unsigned char ch = (unsigned char)*p;
        gunichar u;
        const char *next;

        if (ch == '\r' || ch == '\n') {
            while (o->len > 0 && (o->str[o->len - 1] == ' ' || o->str[o->len - 1] == '\t'))
                g_string_truncate(o, o->len - 1);
            g_string_append_c(o, '\n');
            p += (ch == '\r' && p[1] == '\n') ? 2 : 1;
            continue;
        }
        if (ch < 0x80) {
            /* A run of other ASCII at once: most text is. */
            const char *run = p;
            p = ascii_run_end(p, end);
            while (*p && (unsigned char)*p < 0x80 && *p != '\r' && *p != '\n')
                p++;
            g_string_append_len(o, run, p - run);
            continue;
        }
        u = g_utf8_get_char(p);
        next = g_utf8_next_char(p);
        if (u == 0xFEFF || u == 0x200B || u == 0xAD || u == 0x2060) {
            /* dropped */
        } else if (u == 0xA0 || u == 0x202F || u == 0x2007 || u == 0x3000) {
            g_string_append_c(o, ' ');
        } else if (u == 0x2028 || u == 0x2029 || u == 0x85) {
            g_string_append_c(o, '\n');
        } else {
            g_string_append_len(o, p, next - p);
        }
        p = next;
    }
    while (o->len > 0 && (o->str[o->len - 1] == ' ' || o->str[o->len - 1] == '\t'))
        g_string_truncate(o, o->len - 1);
    return g_string_free(o, FALSE);
}

/* Splits BUF in place into lines.  Returns a GArray of struct line (caller
 * frees the lc of each line whose lc_own is set, *ARENA and the array).
 * The lines' lower-case copies of ASCII go one after another into *ARENA,
 * one block for the text (a line's copy is at most the line and its NUL):
 * a block a line was a malloc and a free for every line of every message
 * (issue 14, s43-cpu). */
static GArray *split_lines(char *buf, char **arena)
{
    guint n = 1;
    GArray *lines;
    char *p = buf, *next;

    /* Sized once: grown line by line, the array was copied again and again. */
    for (const char *q = buf; (q = strchr(q, '\n')); q++)
        n++;
    lines = g_array_sized_new(FALSE, TRUE, sizeof(struct line), n);
    next = *arena = g_malloc(strlen(buf) + n + 1);

    for (;;) {
        char *e = strchr(p, '\n');
        struct line l = {0};
        const char *q;
        int sp = 0;

        if (e)
            *e = '\0';
        l.s = p;
        l.len = e ? (gsize)(e - p) : strlen(p);
        for (q = p; *q == ' ' || *q == '\t'; q++)
            sp++;
        l.blank = *q == '\0';
        l.quote = *q == '>' && sp <= 4;
        l.pipe = *q == '|' && sp <= 4;
        l.lc = lower_prefix_in(q, l.len - (gsize)(q - p), next);
        l.lc_own = l.lc != next;
        if (!l.lc_own)
            next += strlen(next) + 1;
        l.hk = (guint8)header_key(&l);
        g_array_append_val(lines, l);
        if (!e)
            break;
        p = e + 1;
    }
    return lines;
}

/* ------------------------------------------------------------ step 2 */

enum { H_FROM = 1, H_DATE = 2, H_TO = 4, H_SUBJECT = 8 };

struct hkey {
    const char *key;
    int cat;
};

/* Header names of quoted-message blocks, as Outlook, Apple Mail, Gmail,
 * Thunderbird and webmailers write them: the language packs' (quote_from,
 * quote_date, quote_to, quote_subject), joined once.  A line matches at
 * most one name (a ':' must follow it), so their order does not matter. */
static gpointer hkeys_once(gpointer unused)
{
    const char *const *lists[] = {LU_LANG_ALL(quote_from), LU_LANG_ALL(quote_date),
                                  LU_LANG_ALL(quote_to), LU_LANG_ALL(quote_subject)};
    const int cats[] = {H_FROM, H_DATE, H_TO, H_SUBJECT};
    GArray *a = g_array_new(TRUE, TRUE, sizeof(struct hkey));

    (void)unused;
    for (gsize c = 0; c < G_N_ELEMENTS(lists); c++)
        for (const char *const *k = lists[c]; *k; k++) {
            struct hkey h = {*k, cats[c]};
            g_array_append_val(a, h);
        }
    return a; /* kept for the process's life */
}

/* The header names (static; ended by a NULL key). */
static const struct hkey *hkeys_all(void)
{
    static GOnce once = G_ONCE_INIT;
    return (const struct hkey *)(void *)((GArray *)g_once(&once, hkeys_once, NULL))->data;
}

/* The length of P's start that is KEY, or 0.  A '?' in P may stand for
 * one character of KEY beyond ASCII: mail whose charset was lost on the
 * way writes French Outlook's "Envoyé :" and "À :" as "Envoy? :" and
 * "? :". */
static gsize key_at(const char *p, const char *key)
{
    const char *q = p;

    while (*key) {
        if (*q == '?' && (guchar)*key >= 0x80) {
            key = g_utf8_next_char(key);
            q++;
        } else if (*q == *key) {
            key++;
            q++;
        } else {
            return 0;
        }
    }
    return (gsize)(q - p);
}

/* The header category the line starts with ("From: ...", "*Von:* ...",
 * "De : ..."), or 0. */
static int header_key(const struct line *l)
{
    const char *p = l->lc, *colon = strchr(p, ':');
    const struct hkey *hkeys = hkeys_all();
    int ret = 0;

    if (!colon || colon - p > 24)
        return 0; /* no header name is that long */
    while (*p == '*')
        p++;
    for (gsize i = 0; hkeys[i].key; i++) {
        gsize n = key_at(p, hkeys[i].key);
        const char *q = p + n;

        if (!n)
            continue;
        while (*q == ' ' || *q == '*')
            q++;
        if (*q == ':') {
            ret = hkeys[i].cat;
            break;
        }
    }
    return ret;
}

/* Categories of headers written further on the same line ("From: X Sent: Y
 * To: Z Subject: W"), as some HTML renderings of Outlook's block give: the
 * word before each later ':' is looked up. */
static int inline_keys(const struct line *l)
{
    const char *first = strchr(l->lc, ':'), *c;
    const struct hkey *hkeys = hkeys_all();
    int cats = 0;

    for (c = first ? strchr(first + 1, ':') : NULL; c; c = strchr(c + 1, ':')) {
        const char *e = c, *w;
        while (e > first + 1 && e[-1] == ' ')
            e--;
        w = e;
        while (w > first + 1 && w[-1] != ' ')
            w--;
        /* Two-word names ("enviado el", "envoyé le"): try the longer one. */
        for (int words = 0; words < 2 && w > first + 1; words++) {
            for (gsize i = 0; hkeys[i].key; i++) {
                gsize kl = strlen(hkeys[i].key);
                if (hkeys[i].cat != H_FROM && kl == (gsize)(e - w) &&
                    memcmp(w, hkeys[i].key, kl) == 0)
                    cats |= hkeys[i].cat;
            }
            w--;
            while (w > first + 1 && w[-1] != ' ')
                w--;
        }
    }
    return cats;
}

/* True when an Outlook-style header block starts at line I. */
static bool header_block_at(const struct line *L, gsize n, gsize i)
{
    int cats = L[i].hk, bits = 0, cont = 0;

    if (!(cats & (H_FROM | H_DATE)))
        return false;
    for (gsize j = i + 1, last = (gsize)L[i].hk; j < n && j <= i + 60; j++) {
        int c = L[j].hk;
        if (L[j].blank) {
            /* Lotus Notes leaves a blank line between its headers. */
            if (j + 1 >= n || !L[j + 1].hk)
                break;
        } else if (c) {
            cats |= c;
            cont = 0;
            last = (gsize)c;
        } else if (++cont > (last == H_TO ? 30 : 2)) {
            break; /* wrapped lines: To: and Cc: lists run long */
        }
    }
    if (L[i].hk == H_FROM && cats == H_FROM)
        cats |= inline_keys(&L[i]);
    for (int c = cats; c; c >>= 1)
        bits += c & 1;
    return (cats & H_FROM) && bits >= 3;
}

/* True when a Lotus Notes header block starts at line I: "To:", "cc:" and
 * "Subject:" without a "From:" line, the sender and the date standing on
 * the lines above it ("Jay Smith@ECT" / "03/16/2001 09:04 AM").  Enron-era
 * business mail quotes the message it answers this way, without ">". */
static bool notes_block_at(const struct line *L, gsize n, gsize i)
{
    int to = 0, cont = 0;

    if (L[i].hk != H_TO || !starts(L[i].lc, "to"))
        return false;
    for (gsize j = i; j < n && j <= i + 60; j++) {
        if (L[j].blank) {
            if (j + 1 >= n || !L[j + 1].hk)
                return false; /* a blank line only between headers */
        } else if (L[j].hk == H_TO) {
            to++;
            cont = 0;
        } else if (L[j].hk == H_SUBJECT) {
            return to >= 2; /* "To:" and "cc:" before it */
        } else if (L[j].hk || ++cont > 30) {
            return false; /* long To: lists wrap over many lines */
        }
    }
    return false;
}

/* How many lines above line I (at most two, non-blank, short) name a Lotus
 * Notes block's sender and date: they belong to the quote. */
static gsize notes_sender_lines(const struct line *L, gsize i)
{
    gsize k = 0;

    while (k < 2 && i > k && !L[i - k - 1].blank && L[i - k - 1].len < 64 &&
           (strchr(L[i - k - 1].s, '@') || has_digit(L[i - k - 1].s)))
        k++;
    return k;
}

static bool forward_marker(const struct line *l)
{
    const char *s = l->lc;
    gsize len = strlen(s), a = 0, b = 0;
    bool ret = false;

    if (l->len > 100 || len == 0 || (s[0] != '-' && s[len - 1] != ':'))
        goto out; /* all markers start with dashes or end with ':' */
    if (starts_any(s, forward_starts)) {
        ret = true;
        goto out;
    }
    while (a < len && s[a] == '-')
        a++;
    while (b < len - a && s[len - 1 - b] == '-')
        b++;
    if (a >= 2 && b >= 2 && len > a + b) {
        char *inner = g_strndup(s + a, len - a - b);
        ret = names_any(inner, marker_words);
        g_free(inner);
    } else if (a >= 5 && b == 0 && starts(s + a + strspn(s + a, " "), "forwarded by")) {
        /* Lotus Notes' "----- Forwarded by X on DATE -----", wrapped before
         * its closing dashes. */
        ret = true;
    }
out:
    return ret;
}

/* Does L start like "On 10/10/2020" or "Am 3. Dezember": an opener then a
 * digit within the next few words? */
static bool opener_with_date(const struct line *l)
{
    for (const char *const *o = attr_openers; *o; o++) {
        gsize n = strlen(*o);
        if (l->len > n && strncmp(l->lc, *o, n) == 0) {
            for (gsize i = n; i < l->len && i < n + 16; i++)
                if (g_ascii_isdigit(l->lc[i]))
                    return true;
            return false;
        }
    }
    return false;
}

static bool word_in(const char *w, gsize n, const char *const *set)
{
    for (; *set; set++) {
        /* the first letters first: most words differ there, where a
         * strlen a word of the set was 2% of the extraction (s43-cpu) */
        if (n && ascii_lc(*w) != ascii_lc(**set))
            continue;
        if (strlen(*set) == n && g_ascii_strncasecmp(w, *set, n) == 0)
            return true;
    }
    return false;
}

/* Lower-case words allowed inside a name ("Jan van der Berg"). */
static const char *const name_particles[] = {"van", "von", "der", "den", "de",  "la",  "del",
                                             "da",  "di",  "du",  "le",  "ter", "ten", "dos",
                                             "das", "y",   "bin", "al",  "zu",  NULL};

/* The next word of [*P, END), between spaces: *W its start, *P its end.
 * False when only spaces are left. */
static bool next_word(const char **p, const char *end, const char **w)
{
    while (*p < end && **p == ' ')
        (*p)++;
    if (*p >= end)
        return false;
    *w = *p;
    while (*p < end && **p != ' ')
        (*p)++;
    return true;
}

/* "Jane Doe wrote:": the LEN bytes of ORIG before the verb look like a
 * name: at most six words, each capitalised, a particle ("van", "de"), an
 * address or quoted. */
static bool name_before_verb(const char *orig, gsize len)
{
    const char *p = orig, *end = orig + len, *w;
    int words = 0;
    bool ret = false;

    while (next_word(&p, end, &w)) {
        gsize wl = (gsize)(p - w);
        gunichar u;

        if (++words > 6)
            goto out;
        if (words == 1 && word_in(w, wl, attr_not_names))
            goto out;
        u = g_utf8_get_char(w);
        if (g_unichar_isupper(u) || strchr("\"<('[", *w) || memchr(w, '@', wl) ||
            (g_unichar_isalpha(u) && !g_unichar_islower(u)) ||
            (words > 1 && word_in(w, wl, name_particles)))
            continue;
        goto out;
    }
    ret = words > 0;
out:
    return ret;
}

/* Classifies the attribution candidate ORIG (LC lower-cased): 2 when it
 * surely introduces quoted material, 1 when it does only if quoted lines
 * follow (FQ), 0 when it is no attribution. */
static int attr_kind(const char *orig, const char *lc, bool fq)
{
    gsize len = strlen(lc), blen;
    bool at = strchr(lc, '@') != NULL, digit = has_digit(lc), vfinal = false, vany;
    int ret = 0;

    if (len < 6 || len > 400 || lc[len - 1] != ':')
        goto out;
    if (starts(lc, "* ") && (at || strchr(lc, '['))) {
        ret = 2; /* mutt/slrn: "* Jane <j@x> [2026-11-23 10:00]:" */
        goto out;
    }
    blen = len - 1;
    while (blen > 0 && lc[blen - 1] == ' ')
        blen--;
    for (const char *const *v = verbs_final; *v; v++) {
        if (ends(lc, blen, *v) || (blen == strlen(*v) - 1 && ends(lc, blen, *v + 1))) {
            vfinal = true;
            break;
        }
    }
    vany = vfinal || strstr(lc, "schrieb ") || strstr(lc, " schrieb:") || strstr(lc, " schrieb :");
    if (vany && starts_any(lc, attr_openers) && (digit || at)) {
        ret = 2; /* "On Mon, ... wrote:", "Am ... schrieb Jane:" */
        goto out;
    }
    if (vany && at) {
        ret = 2; /* "Jane <j@x> wrote:", "Jane <j@x> schrieb am 23.11.2026:" */
        goto out;
    }
    if (!fq)
        goto out;
    if (vfinal) {
        /* "Jane Doe wrote:": drop ':' and the verb's words from ORIG and
         * look at what is left. */
        gsize ol = strlen(orig);
        int vwords = 1;
        for (const char *const *v = verbs_final; *v; v++) {
            if (ends(lc, blen, *v) || (blen == strlen(*v) - 1 && ends(lc, blen, *v + 1))) {
                vwords = strchr(*v + 1, ' ') ? 2 : 1;
                break;
            }
        }
        while (ol > 0 && (orig[ol - 1] == ':' || orig[ol - 1] == ' '))
            ol--;
        for (int w = 0; w < vwords; w++) {
            while (ol > 0 && orig[ol - 1] != ' ')
                ol--;
            while (ol > 0 && orig[ol - 1] == ' ')
                ol--;
        }
        if (name_before_verb(orig, ol))
            ret = 1;
        goto out;
    }
    /* Any other language ("Op ... schreef Jane <j@x>:"): an address, or a
     * time (a ':' before the last) and a year-like "20"/"19", right before
     * a quote. */
    if (len <= 250 && (at || (digit && strchr(lc, ':') != lc + len - 1 &&
                              (strstr(lc, "20") || strstr(lc, "19")))))
        ret = 1;
out:
    return ret;
}

/* Lines that may stand between an attribution and its quote. */
static bool snip_line(const struct line *l)
{
    static const char *const snips[] = {"[...]", "[…]", "[snip]", "<snip>", "[ snip ]",
                                        "...",   "…",   "[..]",   NULL};
    for (const char *const *p = snips; *p; p++) {
        if (strcmp(l->lc, *p) == 0)
            return true;
    }
    return false;
}

/* If an attribution of 1..MAX_K lines starts at line I, returns its line
 * count and sets *STRONG (see attr_kind) and *FQ (quoted lines follow). */
static gsize attribution_at(const struct line *L, gsize n, gsize i, gsize max_k, bool *strong,
                            bool *fq)
{
    GString *o = NULL;
    gsize ret = 0, k;

    /* Cheap test first: one of the lines must end with ':'. */
    for (k = 0; k < max_k && i + k < n; k++) {
        if (L[i + k].len > 0 && L[i + k].s[L[i + k].len - 1] == ':')
            break;
    }
    if (k == max_k || i + k >= n)
        goto out;
    o = g_string_new(NULL);
    for (k = 1; k <= max_k && i + k <= n; k++) {
        const struct line *last = &L[i + k - 1];
        gsize next = i + k;
        char *lc;
        int kind;

        if (k > 1) {
            const struct line *prev = &L[i + k - 2];
            /* Gmail wraps inside the address: "... <jane@x.example\n> wrote:". */
            bool gt_wrap = last->quote && last->len < 24 && prev->len > 0 &&
                           memchr(prev->s, '<', prev->len) && !memchr(prev->s, '>', prev->len);
            if (last->blank || (last->quote && !gt_wrap) || prev->len == 0 ||
                strchr(".?!:", prev->s[prev->len - 1]))
                break;
            g_string_append_c(o, ' ');
        }
        g_string_append(o, last->s + strspn(last->s, " \t"));
        if (o->len > 400)
            break;
        if (last->len == 0 || last->s[last->len - 1] != ':')
            continue;
        while (next < n && (L[next].blank || snip_line(&L[next])))
            next++;
        *fq = next < n && L[next].quote;
        lc = lower_prefix(o->str, o->len);
        kind = attr_kind(o->str, lc, *fq);
        g_free(lc);
        if (kind > 0) {
            *strong = kind == 2;
            ret = k;
        }
        break; /* a line ending in ':' ends the candidate either way */
    }
out:
    if (o)
        g_string_free(o, TRUE);
    return ret;
}

/* Some writers quote with "| " instead of "> ".  When an attribution is
 * followed by such lines, every "|" line of the message is a quote (never
 * otherwise: "| a | b |" is a table). */
static void pipe_quotes(struct line *L, gsize n)
{
    bool on = false;

    for (gsize i = 0, prev = n; i < n && !on; i++) {
        if (L[i].blank)
            continue;
        if (L[i].pipe && prev < n) {
            char *lc = lower_prefix(L[prev].s, L[prev].len);
            on = attr_kind(L[prev].s, lc, true) > 0;
            g_free(lc);
        }
        prev = L[i].len > 0 && L[i].s[L[i].len - 1] == ':' && L[i].len < 400 ? i : n;
    }
    for (gsize i = 0; i < n && on; i++) {
        if (L[i].pipe)
            L[i].quote = true;
    }
}

/* A line of only rule characters ("_____", "-----", "=====", "*****"). */
static bool rule_line(const struct line *l, gsize min)
{
    const char *p = l->s + strspn(l->s, " ");
    gsize n = strspn(p, "-_=*~#+");
    return n >= min && p[n] == '\0';
}

/* Finds where quoted material starts for good (returns N if nowhere) and
 * marks the attribution lines of ">" quotes in DROP. */
static gsize find_cut(const struct line *L, gsize n, guint8 *drop)
{
    gsize cut = n, last_quote = n;

    /* An attribution not followed by a quote cuts the rest only when no
     * quoted line comes after it at all: then the old text follows without
     * ">" (top posting).  Otherwise the message is interleaved and the
     * attribution is only dropped ("On ... wrote:\n[...]\n> ..."). */
    for (gsize i = n; i > 0; i--) {
        if (L[i - 1].quote) {
            last_quote = i - 1;
            break;
        }
    }

    for (gsize i = 0; i < n; i++) {
        bool strong = false, fq = false;
        gsize k;

        if (L[i].blank || L[i].quote)
            continue;
        /* The end of a quoted attribution wrapped out of its quote:
         * "> On Sat, ... Jane Doe <jane@x.example>\nwrote:". */
        if (i > 0 && L[i - 1].quote && L[i].len < 24 && L[i].s[L[i].len - 1] == ':') {
            bool verb = false;
            for (const char *const *v = verbs_final; *v && !verb; v++)
                verb = strncmp(L[i].lc, *v + 1, strlen(*v + 1)) == 0;
            if (verb) {
                drop[i] = 1;
                continue;
            }
        }
        if (forward_marker(&L[i])) {
            cut = i;
            break;
        }
        if (notes_block_at(L, n, i)) {
            cut = i - notes_sender_lines(L, i);
            break;
        }
        if (header_block_at(L, n, i)) {
            gsize j = i;
            cut = i;
            while (j > 0 && L[j - 1].blank)
                j--;
            if (j > 0 && rule_line(&L[j - 1], 5))
                cut = j - 1;
            break;
        }
        /* A following line that is a whole attribution on its own wins over
         * a join ("On Monday we could call\nJane Doe wrote:"); a
         * continuation ("<j@x> wrote:", "wrote:") does not start upper-case. */
        k = attribution_at(L, n, i, 3, &strong, &fq);
        /* "On 10/10/2020 12:53, Jane [E] via\nR-package-devel wrote:" is one
         * attribution even though its second line reads like one alone. */
        if (k > 1 && !opener_with_date(&L[i])) {
            bool s2, f2;
            for (gsize j = i + 1; j < i + k; j++) {
                if (g_unichar_isupper(g_utf8_get_char(L[j].s)) &&
                    attribution_at(L, n, j, 1, &s2, &f2) > 0) {
                    k = 0;
                    break;
                }
            }
        }
        if (k == 0)
            continue;
        if (fq || (strong && last_quote != n && last_quote > i)) {
            memset(drop + i, 1, k);
            i += k - 1;
            continue;
        }
        if (strong) {
            cut = i;
            break;
        }
    }
    return cut;
}

/* ------------------------------------------------------------ step 3 */

/* Line I of K[0..M) belongs to a list footer. */
static bool footer_line(struct line *const *K, gsize m, gsize i)
{
    const struct line *l = K[i];
    const char *s = l->lc;
    bool ret = starts_any(s, footer_starts) || strstr(s, "/mailman/listinfo") ||
               strstr(s, "/listinfo/") ||
               (starts(s, "----") && strstr(s, " next part ")); /* Mailman's archive */

    /* Mailman: "R-package-devel@r-project.org mailing list" and the list's
     * URL below; a sentence that wraps after "mailing list" is neither. */
    if (!ret && l->len < 100 && ends(s, strlen(s), "mailing list")) {
        ret = strchr(s, '@') || strstr(s, " at ");
        if (!ret && i + 1 < m)
            ret = strstr(K[i + 1]->lc, "http") == K[i + 1]->lc;
    }
    return ret;
}

/* A footer starts at I: a footer line, or a rule directly above footer lines. */
static bool footer_at(struct line *const *K, gsize m, gsize i)
{
    bool ret = false;

    if (footer_line(K, m, i)) {
        ret = true;
    } else if (rule_line(K[i], 5)) {
        for (gsize j = i + 1, seen = 0; j < m && seen < 3; j++) {
            if (K[j]->blank)
                continue;
            seen++;
            if (footer_line(K, m, j)) {
                ret = true;
                break;
            }
        }
    }
    return ret;
}

static bool disclaimer_at(struct line *const *K, gsize m, gsize i)
{
    const char *s = K[i]->lc;
    bool ret = false;

    s += strspn(s, "*[(#=-_ ");
    /* "Disclaimer: I have not tested this" is the author's; a heading
     * "DISCLAIMER" alone is not. */
    if (starts_any(s, disclaimer_starts) || strcmp(s, "disclaimer") == 0 ||
        strcmp(s, "disclaimer:") == 0 || strcmp(s, "legal disclaimer") == 0) {
        ret = true;
    } else if (i == 0 || K[i - 1]->blank || rule_line(K[i - 1], 3)) {
        /* A paragraph about confidentiality and its intended recipient. */
        GString *p = g_string_new(NULL);
        for (gsize j = i; j < m && j < i + 4 && !K[j]->blank; j++) {
            g_string_append(p, K[j]->lc);
            g_string_append_c(p, ' ');
        }
        ret = contains_any(p->str, confidential_words) && contains_any(p->str, recipient_words);
        g_string_free(p, TRUE);
    }
    return ret;
}

/* Cuts list footers and disclaimers from the kept lines K[0..*M). */
static void cut_footers(struct line **K, gsize *m)
{
    gsize nonblank = 0, seen = 0;

    for (gsize i = 0; i < *m; i++)
        nonblank += !K[i]->blank;
    for (gsize i = 0; i < *m; i++) {
        gsize left;

        if (K[i]->blank)
            continue;
        left = nonblank - seen++; /* non-blank lines from I to the end */
        if ((left <= 12 && footer_at(K, *m, i)) || (left <= 40 && disclaimer_at(K, *m, i))) {
            *m = i;
            break;
        }
    }
    /* Rules and "--" left above a cut footer. */
    while (*m > 0 && (K[*m - 1]->blank || rule_line(K[*m - 1], 2)))
        (*m)--;
}

/* ------------------------------------------------------------ step 4 */

static bool sig_delim(const struct line *l)
{
    return l->s[0] == '-' && l->s[1] == '-' && l->s[2 + strspn(l->s + 2, " \t")] == '\0';
}

static bool mobile_line(const struct line *l)
{
    if (l->len > 80 || strchr(l->lc, '?'))
        return false;
    /* The vague starts begin sentences too ("Sent from the office, it
     * should arrive on Monday"): a short line without a comma only. */
    return starts_any(l->lc, mobile_starts) ||
           (starts_any(l->lc, mobile_vague) && !strchr(l->lc, ',') && l->len <= 48);
}

/* 0: not a name; 1: initials only ("J", "JD"); 2: a plausible person name. */
static int name_kind(const char *s, gsize len)
{
    const char *p = s, *end = s + len, *w;
    int words = 0, ret = 0;
    bool full = false;

    if (len == 0 || len > 60)
        goto out;
    while (next_word(&p, end, &w)) {
        const char *we = p;
        gunichar u;
        bool lower_seen = false;
        int letters = 0;

        while (we > w && (we[-1] == '.' || we[-1] == ','))
            we--;
        if (++words > 5)
            goto out;
        if (we > w && word_in(w, (gsize)(we - w), not_name_words))
            goto out;
        if (words > 1 && word_in(w, (gsize)(we - w), name_particles))
            continue;
        u = g_utf8_get_char(w);
        if (!g_unichar_isupper(u) && !(g_unichar_isalpha(u) && !g_unichar_islower(u)))
            goto out;
        for (const char *q = w; q < p; q = g_utf8_next_char(q)) {
            u = g_utf8_get_char(q);
            if (g_unichar_isalpha(u)) {
                letters++;
                if (g_unichar_islower(u) || !g_unichar_isupper(u))
                    lower_seen = true;
            } else if (u != '.' && u != '-' && u != '\'' && u != 0x2019) {
                goto out;
            }
        }
        if (letters >= 2 && lower_seen)
            full = true;
    }
    if (words > 0)
        ret = full ? 2 : 1;
out:
    return ret;
}

/* The name at the start of a signature line ("Jane Doe | Acme",
 * "Jane Doe, CTO"), or NULL.  Returns a new string. */
static char *name_of(const char *s)
{
    static const char *const seps[] = {" | ", "|", ",",  " - ", " – ", " — ", " / ",
                                       "(",   "<", "  ", "\t",  " · ", " • ", NULL};
    gsize len;
    char *ret = NULL;

    /* "*Jane Doe*" (bold in text/plain), "-Jane", "— Jane". */
    for (;;) {
        s += strspn(s, " *_-~");
        if (g_str_has_prefix(s, "—") || g_str_has_prefix(s, "–"))
            s += strlen("—");
        else
            break;
    }
    len = strlen(s);
    for (const char *const *sep = seps; *sep; sep++) {
        const char *e = strstr(s, *sep);
        if (e && (gsize)(e - s) < len)
            len = (gsize)(e - s);
    }
    while (len > 0 && strchr(" !.*_", s[len - 1]))
        len--;
    if (name_kind(s, len) == 2)
        ret = g_strndup(s, len);
    return ret;
}

/* The sign-offs a line may open with, by its first byte (ASCII, lower
 * case): the indices in signoffs, in order, of those that open with that
 * byte and of those that open with no ASCII letter or mark (ci_prefix
 * decides those).  Every line met every sign-off to test its first byte:
 * 3.4% of a worker's instructions on r-package-devel's first scan (issue
 * 14).  Built once (g_once). */
static GArray *signoff_by[128];

static gpointer signoff_index_build(gpointer data)
{
    const char *const *all = signoffs;

    (void)data;
    for (guint c = 0; c < G_N_ELEMENTS(signoff_by); c++) {
        signoff_by[c] = g_array_new(FALSE, FALSE, sizeof(guint));
        for (guint i = 0; all[i]; i++) {
            const char *ph = all[i];
            /* as the test each line made: the first byte decides when the
             * sign-off's and the line's are ASCII and the sign-off's no space */
            if (!(*ph && (unsigned char)*ph < 0x80 && *ph != ' ') || ascii_lc((char)c) == *ph)
                g_array_append_val(signoff_by[c], i);
        }
    }
    return NULL;
}

/* If line L is a sign-off, returns true and sets *REST to what follows the
 * phrase on the same line (may be ""). */
static bool signoff_line(const struct line *l, const char **rest)
{
    static GOnce once = G_ONCE_INIT;
    const char *s = l->s + strspn(l->s, " \t");
    const char *const *all = signoffs;
    const GArray *by;
    guint n = 0;
    bool ret = false;

    if (l->len > 80)
        goto out;
    g_once(&once, signoff_index_build, NULL);
    by = (unsigned char)*s < 0x80 ? signoff_by[(unsigned char)*s] : NULL;
    if (!by)
        while (all[n])
            n++;
    for (guint k = 0; k < (by ? by->len : n) && !ret; k++) {
        const char *const *ph = &all[by ? g_array_index(by, guint, k) : k];
        const char *e, *r;
        gsize rl;
        bool letters = false;

        e = ci_prefix(s, *ph);
        if (!e || g_unichar_isalnum(g_utf8_get_char(e)))
            continue;
        r = e;
        while (*r && strchr(" ,.!;:-~)(", *r))
            r++;
        /* Dashes and emoji after the phrase are decoration, not a name. */
        while (g_str_has_prefix(r, "–") || g_str_has_prefix(r, "—"))
            r += strlen("–");
        r += strspn(r, " ");
        rl = strlen(r);
        while (rl > 0 && strchr(" !.", r[rl - 1]))
            rl--;
        for (const char *q = r; q < r + rl; q = g_utf8_next_char(q))
            letters |= g_unichar_isalpha(g_utf8_get_char(q));
        if (!letters || name_kind(r, rl) > 0) {
            *rest = letters ? r : "";
            ret = true;
        }
    }
out:
    return ret;
}

/* The line reads like a sentence of the message, not a signature line. */
static bool sentence_like(const struct line *l)
{
    const char *s = l->s + strspn(l->s, " \t"), *p = s;
    gsize len = strlen(s);
    int words = 0, stops = 0;
    bool ret = false;

    if (len > 0 && s[len - 1] == '?') {
        ret = true;
        goto out;
    }
    while (*p) {
        const char *w;
        gsize wl;

        p += strspn(p, " \t");
        if (!*p)
            break;
        w = p;
        p += strcspn(p, " \t");
        wl = (gsize)(p - w);
        while (wl > 0 && strchr(",.!;:", w[wl - 1]))
            wl--;
        words++;
        if (words == 1 && word_in(w, wl, sentence_starts))
            ret = true; /* decided below: needs a second word */
        if (word_in(w, wl, stopwords))
            stops++;
    }
    ret = (ret && words >= 2) || stops >= 3 ||
          (words >= 6 && len > 0 && (s[len - 1] == '.' || s[len - 1] == '!'));
out:
    return ret;
}

/* Lines K[from..to) can follow a sign-off: few, short, not sentences. */
static bool signoff_tail_ok(struct line *const *K, gsize from, gsize to)
{
    int nonblank = 0;
    bool ret = false;

    for (gsize j = from; j < to; j++) {
        const char *rest;

        if (K[j]->blank)
            continue;
        if (++nonblank > 12 || K[j]->len > 200 || (nonblank == 1 && K[j]->len > 80))
            goto out;
        if (sentence_like(K[j]) && !signoff_line(K[j], &rest))
            goto out;
    }
    ret = true;
out:
    return ret;
}

/* ---------------------------------------------------------- phone numbers */

struct label {
    const char *word;
    bool fax;
};

/* Labels before a phone number, lower case; single letters need ':' or '.'. */
static const struct label labels[] = {
    {"telefax", true},    {"fax", true},      {"f", true},         {"telephone", false},
    {"téléphone", false}, {"telefon", false}, {"teléfono", false}, {"telefono", false},
    {"phone", false},     {"tel", false},     {"tél", false},      {"tlf", false},
    {"mobile", false},    {"mobil", false},   {"mob", false},      {"móvil", false},
    {"movil", false},     {"cell", false},    {"handy", false},    {"portable", false},
    {"port", false},      {"direct", false},  {"office", false},   {"work", false},
    {"fon", false},       {"ph", false},      {"m", false},        {"t", false},
    {"p", false},         {"o", false},       {"d", false},        {"c", false},
};

/* Reads a phone number at P: digits, spaces, "-./()" and one leading '+'.
 * Returns the length of the number (0 if none) with at least MIN_DIGITS and
 * at most 15 digits, refusing date shapes (2026-11-23, 23.11.2026). */
static gsize read_number(const char *p, int min_digits)
{
    const char *q = p;
    int digits = 0, groups = 0, sepkinds = 0;
    char lastsep = 0;
    bool in_digits = false;
    gsize len, ret = 0;
    int group_len[8] = {0};

    if (q[0] == '(' && q[1] == '+')
        q++; /* "(+45) 3815 3501" */
    if (*q == '+')
        q++;
    for (; *q; q++) {
        if (g_ascii_isdigit(*q)) {
            if (!in_digits && groups < 8)
                groups++;
            if (groups <= 8)
                group_len[groups - 1]++;
            in_digits = true;
            digits++;
        } else if (*q == ' ' || *q == '-' || *q == '.' || *q == '/' || *q == '(' || *q == ')') {
            if (*q == ' ' && q[1] == ' ')
                break;
            if (*q != ' ' && *q != '(' && *q != ')' && *q != lastsep) {
                sepkinds++;
                lastsep = *q;
            }
            in_digits = false;
        } else {
            break;
        }
    }
    len = (gsize)(q - p);
    for (;;) {
        int open = 0;
        while (len > 0 && !g_ascii_isdigit(p[len - 1]) && p[len - 1] != ')')
            len--;
        for (gsize i = 0; i < len; i++)
            open += p[i] == '(' ? 1 : p[i] == ')' ? -1 : 0;
        if (len == 0 || p[len - 1] != ')' || open >= 0)
            break;
        len--; /* "(Tel. 030 1234567)": the bracket is the sentence's */
    }
    /* "12345678abc" is an identifier, "10:12" a time. */
    if (digits < min_digits || digits > 15 || g_ascii_isalnum(p[len]) || p[len] == ':')
        goto out;
    /* d-m-y, y-m-d and m/d/y shapes are dates, not phones. */
    if (p[0] != '+' && p[0] != '(' && groups == 3 && sepkinds == 1 && lastsep != ' ' &&
        ((group_len[0] <= 2 && group_len[1] <= 2 && (group_len[2] == 4 || group_len[2] == 2)) ||
         (group_len[0] == 4 && group_len[1] <= 2 && group_len[2] <= 2)))
        goto out;
    ret = len;
out:
    return ret;
}

/* Copies the number with white space runs folded.  Returns a new string. */
static char *number_copy(const char *p, gsize len)
{
    GString *s = g_string_new(NULL);

    for (gsize i = 0; i < len; i++) {
        if (p[i] == ' ' || p[i] == '\t') {
            if (s->len > 0 && s->str[s->len - 1] != ' ')
                g_string_append_c(s, ' ');
        } else {
            g_string_append_c(s, p[i]);
        }
    }
    return g_string_free(s, FALSE);
}

/* Scans one line for phone numbers: sets *LABELLED to the first labelled
 * one and *BARE to the first unlabelled international one, when unset. */
static void scan_phones(const char *s, char **labelled, char **bare)
{
    const char *p = s;

    while (*p) {
        bool boundary = p == s || !g_unichar_isalnum(g_utf8_get_char(g_utf8_prev_char(p)));
        bool matched = false;

        if (boundary && g_unichar_isalpha(g_utf8_get_char(p))) {
            for (gsize i = 0; i < G_N_ELEMENTS(labels) && !matched; i++) {
                const char *e, *q;
                bool single, bare_letter;
                gsize n;

                /* Every label opens with an ASCII letter: an ASCII
                 * character that lowers to another is ci_prefix's no,
                 * without its call (every word met every label). */
                if ((unsigned char)*p < 0x80 && ascii_lc(*p) != labels[i].word[0])
                    continue;
                e = ci_prefix(p, labels[i].word);
                if (!e || g_unichar_isalnum(g_utf8_get_char(e)))
                    continue;
                single = g_utf8_strlen(labels[i].word, -1) == 1;
                q = e;
                if (*q == '.')
                    q++;
                q += strspn(q, " \t");
                if (*q == ':')
                    q++;
                /* "M 5" is no label; "M:" and "M." are, and so is a letter
                 * that opens a line holding only it and a number ("T 0234
                 * 54509-216", as German signatures write it) */
                bare_letter = single && (q == e || *e == ' ');
                if (bare_letter && p != s + strspn(s, " \t"))
                    continue;
                q += strspn(q, " \t");
                n = read_number(q, 7);
                if (n == 0 || (bare_letter && q[n + strspn(q + n, " \t")] != '\0'))
                    continue;
                matched = true;
                if (!labels[i].fax && !*labelled)
                    *labelled = number_copy(q, n);
                p = q + n;
            }
        }
        if (matched)
            continue;
        if (*p == '+' || (*p == '(' && (g_ascii_isdigit(p[1]) || p[1] == '+'))) {
            gsize n = read_number(p, *p == '+' || p[1] == '+' ? 8 : 10);
            if (n > 0 && (p == s || !g_ascii_isalnum(p[-1]))) {
                if (!*bare)
                    *bare = number_copy(p, n);
                p += n;
                continue;
            }
        }
        if (g_unichar_isalnum(g_utf8_get_char(p))) {
            /* Skip the rest of the word: labels start words. */
            while (*p && g_unichar_isalnum(g_utf8_get_char(p)))
                p = g_utf8_next_char(p);
        } else {
            p = g_utf8_next_char(p);
        }
    }
}

/* ------------------------------------------------------------ assembly */

/* Joins K[from..to) skipping "-- " lines when SKIP_DELIM, one blank line
 * between paragraphs, none at either end.  Returns a new string. */
static char *join(struct line *const *K, gsize from, gsize to, bool skip_delim)
{
    GString *o = g_string_new(NULL);
    bool gap = false;

    for (gsize i = from; i < to; i++) {
        if (K[i]->blank || (skip_delim && sig_delim(K[i]))) {
            gap = o->len > 0;
            continue;
        }
        if (o->len > 0)
            g_string_append(o, gap ? "\n\n" : "\n");
        gap = false;
        g_string_append_len(o, K[i]->s, K[i]->len);
    }
    return g_string_free(o, FALSE);
}

/* The name in the first lines from K[FROM] on: a sign-off line gives the
 * name written after it or passes on to the next line; any other line gives
 * its leading name or nothing.  Returns a new string or NULL. */
static char *name_after(struct line *const *K, gsize from, gsize m)
{
    char *ret = NULL;

    for (gsize j = from, tries = 0; j < m && tries < 3 && !ret; j++) {
        const char *rest;

        if (K[j]->blank || sig_delim(K[j]) || mobile_line(K[j]))
            continue;
        tries++;
        if (signoff_line(K[j], &rest)) {
            if (rest[0])
                ret = name_of(rest);
            continue;
        }
        ret = name_of(K[j]->s);
        break;
    }
    return ret;
}

/* A line that signs with a name alone: "-Jane", "— Jane Doe", "~Tom" (any
 * position near the end), or, after a blank line, a full name ("Duncan
 * Murdoch") as the last line, or a first name ("Dirk") right before a "-- "
 * or mobile line (NEXT_IS_SIG).  Single words need that context: "Done" or
 * "Agreed" as a last line are text. */
static bool name_line(struct line *const *K, gsize i, bool next_is_sig)
{
    const char *s = K[i]->s + strspn(K[i]->s, " \t");
    gsize len = strlen(s), words = 1;
    bool ret = false;

    if (len > 60 || (i > 0 && !K[i - 1]->blank && !strchr("-~", s[0]) &&
                     !g_str_has_prefix(s, "—") && !g_str_has_prefix(s, "–")))
        goto out;
    if (strchr("-~", s[0]) || g_str_has_prefix(s, "—") || g_str_has_prefix(s, "–")) {
        s = g_utf8_next_char(s);
        s += strspn(s, "-~ ");
        ret = name_kind(s, strlen(s)) == 2;
        goto out;
    }
    for (const char *p = s; *p; p++)
        words += *p == ' ';
    if (g_unichar_ispunct(g_utf8_get_char(g_utf8_prev_char(s + len))) && s[len - 1] != '.')
        goto out;
    if (s[len - 1] == '.' && words < 3)
        goto out;
    ret = name_kind(s, len) == 2 && (words >= 2 || next_is_sig) && words <= 4;
out:
    return ret;
}

/* Finds the signature in K[0..m) and fills OUT; returns where it starts (M
 * when there is none). */
static gsize find_signature(struct line *const *K, gsize m, struct lu_body *out)
{
    gsize first = m, mob = m, del = m, so = m, nl = m, limit, start, nb = 0, seen = 0;
    const char *rest = "";
    char *labelled = NULL, *bare = NULL;

    for (gsize i = 0; i < m; i++) {
        if (!K[i]->blank) {
            nb++;
            if (first == m)
                first = i;
        }
    }
    for (gsize i = m, n = 0; i > 0 && n < 3; i--) {
        if (K[i - 1]->blank)
            continue;
        n++;
        if (mobile_line(K[i - 1]))
            mob = i - 1;
    }
    for (gsize i = 0; i < m; i++) {
        if (K[i]->blank)
            continue;
        if (sig_delim(K[i]) && nb - seen <= 26) {
            del = i;
            break;
        }
        seen++;
    }
    limit = MIN(mob, del);
    for (gsize i = 0; i < limit; i++) {
        gsize left = 0;

        if (K[i]->blank)
            continue;
        for (gsize j = i; j < limit && left <= 15; j++)
            left += !K[j]->blank;
        if (left > 15)
            continue;
        if (signoff_line(K[i], &rest) && signoff_tail_ok(K, i + 1, limit)) {
            so = i;
            break;
        }
    }
    if (so == m) {
        /* No sign-off: the last line before the signature may be a name. */
        gsize i = limit;
        while (i > 0 && K[i - 1]->blank)
            i--;
        if (i > 0 && i - 1 != first && name_line(K, i - 1, limit < m))
            nl = i - 1;
    }
    start = MIN(limit, nl);
    if (so < m)
        start = MIN(start, so == first ? so + 1 : so);
    if (start >= m)
        goto out;

    out->signature = join(K, start, m, true);
    if (!out->signature[0])
        g_clear_pointer(&out->signature, g_free);
    if (so < m && rest[0])
        out->sig_name = name_of(rest);
    if (!out->sig_name && so < m)
        out->sig_name = name_after(K, so + 1, limit);
    if (!out->sig_name && nl < m)
        out->sig_name = name_of(K[nl]->s);
    if (!out->sig_name && del < m)
        out->sig_name = name_after(K, del + 1, m);
    for (gsize j = start; j < m; j++)
        scan_phones(K[j]->s, &labelled, &bare);
    out->sig_phone = labelled ? labelled : bare;
    if (labelled)
        g_free(bare);
out:
    return start;
}

/* Whether the author's part of the message, L[0..N) (quotes and forwarded
 * mail excluded: a colleague forwarding a newsletter writes to me), reads
 * as mail sent in bulk.  A phrase matches ASCII letters in either case:
 * the lists are lower case (lang-test), so each line is lowered once (ASCII
 * only, byte for byte) and searched with strstr, not compared with
 * g_ascii_strncasecmp at every byte for every phrase (6% of a first full
 * scan's CPU, issue 14). */
/* The bulk phrases by their first byte, so that a line is walked once and
 * a phrase compared only where its first byte is: a strstr for every
 * phrase on every line was 1.7% of a first full scan's instructions
 * (issue 14).  Each entry of the packs' lists counts, as it did. */
struct bulk_phrase {
    const char *s;
    gsize len;
    int layout; /* -1: a way out (bulk_exit); else its index in bulk_layout */
};
static struct bulk_index {
    GArray *by[256]; /* struct bulk_phrase, by the phrase's first byte; NULL: none */
    int n_layout;
    /* Bit (A << 8 | B): some phrase may start at bytes A, B (a phrase of
     * one byte A: every B).  Most bytes of a line start none: one test
     * each, where the walk of the first byte's phrases was 5% of a
     * worker's instructions on r-package-devel's first scan (issue 14). */
    guint64 pair[65536 / 64];
} bulk_ix;

static void bulk_pair_set(guint8 a, guint8 b)
{
    guint idx = (guint)a << 8 | b;

    bulk_ix.pair[idx / 64] |= G_GUINT64_CONSTANT(1) << (idx % 64);
}

static void bulk_index_add(const char *const *list, bool layout)
{
    for (int i = 0; list[i]; i++) {
        guint8 c = (guint8)list[i][0];
        struct bulk_phrase p = {list[i], strlen(list[i]), layout ? bulk_ix.n_layout++ : -1};
        if (!p.len)
            continue; /* strstr finds "" in every line: a pack has none (lang-test) */
        if (!bulk_ix.by[c])
            bulk_ix.by[c] = g_array_new(FALSE, FALSE, sizeof(struct bulk_phrase));
        g_array_append_val(bulk_ix.by[c], p);
        for (guint b = 0; b < 256; b++)
            if (p.len == 1 || b == (guint8)p.s[1])
                bulk_pair_set(c, (guint8)b);
    }
}

static gpointer bulk_index_build(gpointer data)
{
    (void)data;
    bulk_index_add(bulk_exit, false);
    bulk_index_add(bulk_layout, true);
    return NULL;
}

/* -1 when LOW (a line, ASCII lower case) has a way out of bulk mail, else
 * the number of marks of a marketing layout it has. */
static int bulk_mark(const char *low)
{
    static GOnce once = G_ONCE_INIT;
    guint8 seen_small[64], *seen;
    int layout = 0;

    g_once(&once, bulk_index_build, NULL);
    seen =
        bulk_ix.n_layout <= (int)sizeof seen_small ? seen_small : g_malloc((gsize)bulk_ix.n_layout);
    memset(seen, 0, (gsize)bulk_ix.n_layout);
    for (const char *q = low; *q; q++) {
        guint idx = (guint)(guint8)q[0] << 8 | (guint8)q[1];
        GArray *a;
        if (!(bulk_ix.pair[idx / 64] >> (idx % 64) & 1))
            continue;
        a = bulk_ix.by[(guint8)*q];
        for (guint i = 0; a && i < a->len; i++) {
            const struct bulk_phrase *p = &g_array_index(a, struct bulk_phrase, i);
            /* The second byte first: most candidates differ there, and a
             * call of strncmp for each was most of the walk (issue 14). */
            if (p->len > 1 && q[1] != p->s[1])
                continue;
            if (strncmp(q, p->s, p->len) != 0)
                continue;
            if (p->layout < 0) {
                layout = -1;
                goto out;
            }
            layout += !seen[p->layout];
            seen[p->layout] = 1;
        }
    }
out:
    if (seen != seen_small)
        g_free(seen);
    return layout;
}

static void ascii_lower(GString *low, const char *s, gsize n)
{
    g_string_truncate(low, 0);
    g_string_append_len(low, s, (gssize)n);
    for (gsize k = 0; k < low->len; k++)
        low->str[k] = ascii_lc(low->str[k]);
}

static bool bulk_text(const struct line *L, gsize n)
{
    GString *low = g_string_new(NULL);
    int layout = 0;
    bool bulk = false;

    for (gsize i = 0; i < n && !bulk; i++) {
        if (L[i].quote || L[i].blank)
            continue;
        ascii_lower(low, L[i].s, L[i].len);
        {
            int k = bulk_mark(low->str);
            bulk = k < 0;
            layout += MAX(k, 0);
        }
    }
    g_string_free(low, TRUE);
    return bulk || layout >= 2;
}

bool lu_body_bulk_line(const char *line, gsize n)
{
    GString *low = g_string_sized_new(n + 1);
    bool hit;

    ascii_lower(low, line, n);
    hit = bulk_mark(low->str) != 0;
    g_string_free(low, TRUE);
    return hit;
}

void lu_body_extract(const char *text, bool is_html, struct lu_body *out)
{
    char *valid = NULL, *html = NULL, *buf, *arena;
    GArray *lines;
    struct line *L;
    GPtrArray *kept;
    guint8 *drop;
    gsize n, cut, m, start;
    bool gap = false;

    memset(out, 0, sizeof *out);
    if (!text)
        text = "";
    if (!g_utf8_validate(text, -1, NULL))
        text = valid = g_utf8_make_valid(text, -1);
    if (is_html)
        text = html = lu_html_to_text(text);
    buf = normalise(text);
    lines = split_lines(buf, &arena);
    L = (struct line *)(void *)lines->data;
    n = lines->len;
    drop = g_new0(guint8, n);

    pipe_quotes(L, n);
    cut = find_cut(L, n, drop);
    out->bulk = bulk_text(L, cut);
    kept = g_ptr_array_sized_new((guint)cut + 1);
    for (gsize i = 0; i < cut; i++) {
        if (L[i].quote || drop[i]) {
            gap = true;
            continue;
        }
        if (gap && !L[i].blank)
            g_ptr_array_add(kept, &blank_line);
        gap = false;
        g_ptr_array_add(kept, &L[i]);
    }
    m = kept->len;
    cut_footers((struct line **)kept->pdata, &m);
    start = find_signature((struct line **)kept->pdata, m, out);
    out->text = join((struct line **)kept->pdata, 0, start, false);

    g_ptr_array_unref(kept);
    g_free(drop);
    for (gsize i = 0; i < n; i++)
        if (L[i].lc_own)
            g_free(L[i].lc);
    g_array_unref(lines);
    g_free(arena);
    g_free(buf);
    g_free(html);
    g_free(valid);
}

void lu_body_free(struct lu_body *b)
{
    lu_body_clear(b);
    g_free(b);
}

void lu_body_clear(struct lu_body *b)
{
    if (!b)
        return;
    g_free(b->text);
    g_free(b->signature);
    g_free(b->sig_name);
    g_free(b->sig_phone);
    g_free(b->full_text);
    memset(b, 0, sizeof *b);
}
