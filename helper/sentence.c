/* sentence.c - splits what the author wrote into sentences.
 *
 * Mail is not edited prose: lines are hard-wrapped at ~72 columns, list
 * items and greeting lines stand on their own lines, and full stops also
 * end abbreviations, numbers, times and URLs.  So the text is first cut
 * into units (paragraphs, list items, greeting lines, lines ending in ':'),
 * the wrapped lines of each unit are joined, and only then is each unit cut
 * at sentence-final punctuation. */
#include "leadup.h"

#include <string.h>

/* Abbreviations that never end a sentence and those that end one only
 * before a capital, the words a wrapped line ends with, and month prefixes
 * after a day number: the language packs' (helper/lang-*.c), all at once
 * (a text's language is not known here). */
#define abbrev_never   LU_LANG_ALL(abbrevs)
#define abbrev_maybe   LU_LANG_ALL(abbrevs_maybe)
#define glue_words     LU_LANG_ALL(glue_words)
#define ordinal_months LU_LANG_ALL(ordinal_months)

static void word_before(const char *start, const char *end, char *buf, gsize size);

/* The first byte is compared before strcmp: most words of a text differ
 * there from most of the packs' words (issue 14: a million calls of
 * strcmp in a first full scan of r-package-devel). */
static bool in_list(const char *const *list, const char *w)
{
    for (; *list; list++)
        if ((*list)[0] == w[0] && strcmp(*list, w) == 0)
            return true;
    return false;
}

/* Length of a list marker at the start of LINE ("- ", "* ", "• ", "1. ",
 * "2) ", "(a) ", "b) ") including the space after it, or 0. */
static int list_marker_len(const char *line)
{
    const unsigned char *p = (const unsigned char *)line;
    int n = 0;

    if ((p[0] == '-' || p[0] == '*' || p[0] == '+') && p[1] == ' ')
        return 2;
    /* U+2022 bullet, U+2013 en dash, U+2014 em dash, U+00B7 middle dot */
    if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa2 || p[2] == 0x93 || p[2] == 0x94) &&
        p[3] == ' ')
        return 4;
    if (p[0] == 0xc2 && p[1] == 0xb7 && p[2] == ' ')
        return 3;
    if (p[0] == '(')
        n = 1;
    if (g_ascii_isdigit(p[n])) {
        int d = n;
        while (g_ascii_isdigit(p[d]) && d - n < 3)
            d++;
        if ((p[d] == '.' || p[d] == ')') && p[d + 1] == ' ' && (n == 0 || p[d] == ')'))
            return d + 2;
        return 0;
    }
    /* "a) foo", "(b) bar"; not "a. foo", which may be an initial. */
    if (g_ascii_islower(p[n]) && p[n + 1] == ')' && p[n + 2] == ' ')
        return n + 3;
    return 0;
}

static bool is_blank(const char *s)
{
    for (; *s; s++)
        if (!g_ascii_isspace(*s))
            return false;
    return true;
}

static int count_words(const char *s)
{
    int n = 0;
    bool in = false;

    for (; *s; s++) {
        bool sp = g_ascii_isspace(*s);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* "Hi Anna,", "Dear all:", "Good morning!": a line that greets and stands
 * alone.  Its first word is a pack's greeting (helper/lang-*.c). */
static bool is_greeting_line(const char *line)
{
    const char *const *greet = LU_LANG_ALL(greetings);
    char first[16];
    int i = 0;
    gsize len = strlen(line);

    while (line[i] && g_ascii_isalpha(line[i]) && i < (int)sizeof first - 1) {
        first[i] = g_ascii_tolower(line[i]);
        i++;
    }
    first[i] = '\0';
    if (!in_list(greet, first) || count_words(line) > 5 || len == 0)
        return false;
    return strchr(",:!", line[len - 1]) != NULL || count_words(line) <= 3;
}

/* Whether a hard line break between PREV and NEXT (both trimmed, non-empty)
 * ends a unit rather than being a wrap inside running text. */
static bool line_break_ends_unit(const char *prev, const char *next)
{
    gsize plen = strlen(prev);
    char last = prev[plen - 1];

    if (last == ':')
        return true;
    if (is_greeting_line(prev))
        return true;
    /* A short line without final punctuation followed by a capital: the
     * writer broke the line on purpose ("Thanks for the help" / "Bob"),
     * wrapped text fills the line. */
    if (plen < 40 && !strchr(".?!,;-", last) && g_ascii_isupper(next[0])) {
        char w[8];
        word_before(prev, prev + plen, w, sizeof w);
        return !in_list(glue_words, w);
    }
    return false;
}

/* The word before the dot at END (exclusive), lower-cased, without leading
 * brackets or quotes.  Fits in BUF (truncated words compare unequal). */
static void word_before(const char *start, const char *end, char *buf, gsize size)
{
    const char *b = end;
    gsize n = 0;

    while (b > start && !g_ascii_isspace(b[-1]))
        b--;
    while (b < end && strchr("(\"'[<*_", *b))
        b++;
    while (b < end && n + 1 < size)
        buf[n++] = g_ascii_tolower(*b++);
    buf[n] = '\0';
}

static void push_sentence(GPtrArray *out, const char *b, const char *e)
{
    char *s = lu_fold_space(b, e - b);

    if (*s)
        g_ptr_array_add(out, s);
    else
        g_free(s);
}

static bool is_closer(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    /* ) ] " ' and the typographic right quotes U+2019, U+201D, U+00BB */
    if (strchr(")]\"'", *p) && *p)
        return true;
    return (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x99 || u[2] == 0x9d)) ||
           (u[0] == 0xc2 && u[1] == 0xbb);
}

static int closer_len(const char *p)
{
    return (unsigned char)*p >= 0x80 ? ((unsigned char)*p == 0xc2 ? 2 : 3) : 1;
}

/* Whether NEXT starts with a month's name (the packs' ordinal_months). */
static bool next_is_month(const char *next)
{
    const char *const *months = ordinal_months;
    char w[12];
    gsize n = 0;

    while (next[n] && !g_ascii_isspace(next[n]) && !strchr(".,;:", next[n]) && n < sizeof w - 1) {
        w[n] = g_ascii_tolower(next[n]);
        n++;
    }
    w[n] = '\0';
    for (int i = 0; months[i]; i++)
        if (g_str_has_prefix(w, months[i]))
            return true;
    return false;
}

/* Whether the full stop(s) ending at DOT_END (after the run of dots, before
 * closers) end a sentence, given NEXT, the first character of the next word. */
static bool stop_ends_sentence(const char *unit, const char *dot, int run, const char *next)
{
    char w[24];
    unsigned char n = (unsigned char)*next;
    bool upper = g_ascii_isupper(n) || n >= 0x80 || g_ascii_isdigit(n) || (n && strchr("\"'(", n));
    bool lower = g_ascii_islower(n);

    if (run > 1) /* an ellipsis continues unless a new sentence visibly starts */
        return g_ascii_isupper(n);
    word_before(unit, dot, w, sizeof w);
    if (in_list(abbrev_never, w))
        return false;
    if (in_list(abbrev_maybe, w))
        return upper && !g_ascii_isdigit(n);
    if (w[0] && !w[1] && g_ascii_isupper(dot[-1])) /* an initial: "J. Smith" */
        return false;
    /* German ordinals: "am 3. Dezember", "bis zum 2. Mai" */
    if (g_ascii_isdigit(w[0]) && strlen(w) <= 2 && (!w[1] || g_ascii_isdigit(w[1])) &&
        next_is_month(next))
        return false;
    /* "U.S." and other dotted abbreviations continue before lower case. */
    if (lower && strchr(w, '.'))
        return false;
    return true;
}

static void split_unit(const char *unit, GPtrArray *out)
{
    const char *b = unit, *p = unit;

    while (*p) {
        const char *q = p;
        int run = 0;
        bool stop;

        if (*p == '?' || *p == '!') {
            while (*q == '?' || *q == '!' || *q == '.')
                q++;
            stop = true;
        } else if (*p == '.') {
            while (*q == '.') {
                q++;
                run++;
            }
            stop = true;
        } else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                   (unsigned char)p[2] == 0xa6) { /* U+2026 ellipsis */
            q = p + 3;
            run = 3;
            stop = true;
        } else {
            p++;
            continue;
        }
        while (*q && is_closer(q))
            q += closer_len(q);
        if (stop && *q && !g_ascii_isspace(*q))
            stop = false; /* "3.5", "10.30", "www.x.org", "e.g", "?!x" */
        if (stop && *q) {
            const char *n = q;
            while (g_ascii_isspace(*n))
                n++;
            if (*p == '.' || run > 0)
                stop = stop_ends_sentence(unit, p, run, n);
            /* "Andr? was seeing", "says ?foo? not found": a '?' glued to a
             * word and followed by lower case stands for a character the
             * mail's charset lost (é, a quote), not for the end of a
             * question; and "the thread \"Why X?\" that started" goes on
             * after a quoted question */
            else if (*p == '?' && g_ascii_islower(*n) &&
                     ((q == p + 1 && p > unit && g_ascii_isalnum(p[-1])) ||
                      (q > p + 1 && q[-1] != '?' && q[-1] != '!' && q[-1] != '.')))
                stop = false;
        }
        if (stop) {
            push_sentence(out, b, q);
            b = q;
        }
        p = q > p ? q : p + 1;
    }
    push_sentence(out, b, p);
}

GPtrArray *lu_sentences_split(const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    GString *unit = g_string_new(NULL);
    char **lines = g_strsplit(text ? text : "", "\n", -1);
    char *prev = NULL; /* the previous line of the current unit (owned by LINES) */

    for (int i = 0; lines[i]; i++) {
        char *line = g_strstrip(lines[i]);
        int marker;

        if (is_blank(line)) {
            split_unit(unit->str, out);
            g_string_truncate(unit, 0);
            prev = NULL;
            continue;
        }
        marker = list_marker_len(line);
        if (marker > 0 || (prev && line_break_ends_unit(prev, line))) {
            split_unit(unit->str, out);
            g_string_truncate(unit, 0);
        }
        if (unit->len > 0)
            g_string_append_c(unit, ' ');
        g_string_append(unit, line + marker);
        prev = line;
    }
    split_unit(unit->str, out);
    g_string_free(unit, TRUE);
    g_strfreev(lines);
    return out;
}

/* The length of SENTENCE's match at P in the text: its spaces stand for
 * runs of white space there (wrapped lines, indents), every other byte for
 * itself; 0 when it does not match. */
static gsize match_folded(const char *p, const char *sentence)
{
    const char *q = p;

    for (; *sentence; sentence++) {
        if (*sentence == ' ') {
            if (!g_ascii_isspace(*q))
                return 0;
            while (g_ascii_isspace(*q))
                q++;
        } else if (*q++ != *sentence) {
            return 0;
        }
    }
    return (gsize)(q - p);
}

bool lu_sentence_span(const char *text, gsize from, const char *sentence, gsize *start, gsize *end)
{
    gsize n = strlen(text);

    if (!*sentence || from > n)
        return false;
    /* sentences follow each other, so the first match from FROM is the
     * one: what lies between is white space or a list marker */
    for (const char *p = strchr(text + from, *sentence); p; p = strchr(p + 1, *sentence)) {
        gsize len = match_folded(p, sentence);
        if (len) {
            *start = (gsize)(p - text);
            *end = *start + len;
            return true;
        }
    }
    return false;
}
