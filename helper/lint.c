/* lint.c - the chasing linter: what LEADING-UP.md asks of a message, checked
 * on the author's own words.
 *
 * Checks (doc/lint.md is the user's version):
 *   chasing       phrases that leave the ball in their court (a table of
 *                 patterns below, each with the advice it prints);
 *   no-next-step  no concrete date or time ahead anywhere in the text;
 *   no-thanks     no thanks or appreciation anywhere (the sign-off counts);
 *   many-asks     more than one sentence that asks the reader to act;
 *   too-long      more than LU_LINT_MAX_WORDS words or LU_LINT_MAX_LINES lines.
 *
 * Line numbers: lu_body_extract returns the author's text without quotes
 * and signature, rejoined.  Its lines are the input's lines in order (only
 * trailing and invisible white space differ), so each of them is matched
 * to the next input line with the same visible characters; byte offsets in
 * the extracted text then map to input lines.
 *
 * Nothing here prints or reads files. */
#include "leadup.h"

#include <string.h>

/* ------------------------------------------------------------ chasing */

static const char A_COURT[] = "leaves the ball in their court; say what happens next and when";
static const char A_HOMEWORK[] =
    "asks whether they did their homework; propose the next step yourself, with a date";
static const char A_HEDGE[] = "hedges instead of asking; ask for the one thing you need, by when";
static const char A_BUMP[] = "adds nothing new; give the reason it matters and one dated next step";
static const char A_SORRY[] =
    "apologises for writing; a useful message needs no apology, give the reason it matters "
    "to them";
static const char A_OWE[] =
    "implies they owe you an answer; restate the one thing you need and by when";

/* The chasing phrases are the language packs' (helper/lang-*.c, struct
 * lu_chase_cue); each kind's advice, in the linter's own language: */
static const char *const advice[] = {
    [LU_CHASE_COURT] = A_COURT, [LU_CHASE_HOMEWORK] = A_HOMEWORK, [LU_CHASE_HEDGE] = A_HEDGE,
    [LU_CHASE_BUMP] = A_BUMP,   [LU_CHASE_SORRY] = A_SORRY,       [LU_CHASE_OWE] = A_OWE,
};

/* Every pack's phrases in pack order, compiled once (cue.c); never freed. */
struct compiled {
    const struct lu_cue_pat *cue;
    enum lu_chase_kind kind;
};
static GArray *compiled;

static gpointer compile_patterns(gpointer unused)
{
    const struct lu_lang_pack *pk;

    (void)unused;
    compiled = g_array_new(FALSE, FALSE, sizeof(struct compiled));
    for (int l = 0; (pk = lu_lang_known(l)); l++)
        for (const struct lu_chase_cue *c = pk->chasing; c && c->cue; c++) {
            struct compiled x = {lu_cue_of(c->cue), c->kind};
            g_array_append_val(compiled, x);
        }
    return NULL;
}

static int chase_cmp(gconstpointer a, gconstpointer b)
{
    const struct lu_chase *x = a, *y = b;

    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return y->len - x->len; /* the longer first */
}

GArray *lu_lint_chasing(const char *text)
{
    static GOnce once = G_ONCE_INIT;
    GArray *all = g_array_new(FALSE, FALSE, sizeof(struct lu_chase));
    GArray *out = g_array_new(FALSE, FALSE, sizeof(struct lu_chase));
    struct lu_cue_text T = {0};
    int end = 0;

    g_once(&once, compile_patterns, NULL);
    if (!text || !g_utf8_validate(text, -1, NULL))
        goto out;
    /* By lines: a bare "Bump." is a line of its own. */
    lu_cue_tokenise(&T, text, true);
    for (guint i = 0; i < compiled->len; i++) {
        const struct compiled *x = &g_array_index(compiled, struct compiled, i);
        struct lu_cue_match m;

        for (int from = 0; lu_cue_find(x->cue, &T, from, NULL, NULL, &m); from = m.e) {
            struct lu_chase c = {m.off, m.len, advice[x->kind]};
            g_array_append_val(all, c);
        }
    }
    g_array_sort(all, chase_cmp);
    /* Variants overlap ("just wanted to check in" is also "check in"):
     * keep the earliest, longest of each. */
    for (guint i = 0; i < all->len; i++) {
        struct lu_chase *c = &g_array_index(all, struct lu_chase, i);
        if (c->off >= end) {
            g_array_append_val(out, *c);
            end = c->off + c->len;
        }
    }
out:
    lu_cue_text_clear(&T);
    g_array_unref(all);
    return out;
}

/* ------------------------------------------------------------ small helpers */

void lu_finding_free(struct lu_finding *f)
{
    if (f)
        LU_FREE_EACH(g_free, f->text, f->message, f);
}

/* True for characters lu_body_extract turns into spaces or drops. */
static bool invisible(gunichar u)
{
    return g_unichar_isspace(u) || u == 0xFEFF || u == 0x200B || u == 0xAD || u == 0x2060 ||
           u == 0xA0 || u == 0x202F || u == 0x2007 || u == 0x3000;
}

/* The visible characters of S[0..LEN) (valid UTF-8): the key by which an
 * extracted line is found among the input lines.  Returns a new string. */
static char *visible_key(const char *s, gsize len)
{
    GString *o = g_string_sized_new(len + 1);
    const char *p = s, *end = s + len;

    while (p < end) {
        const char *next = g_utf8_next_char(p);
        if (!invisible(g_utf8_get_char(p)))
            g_string_append_len(o, p, next - p);
        p = next;
    }
    return g_string_free(o, FALSE);
}

static struct lu_finding *finding_new(int line, const char *kind, char *text, char *message)
{
    struct lu_finding *f = g_new0(struct lu_finding, 1);

    f->line = line;
    f->kind = kind;
    f->text = text;
    f->message = message;
    return f;
}

/* ------------------------------------------------------------ line mapping */

/* Where each line of the extracted text starts, and its input line. */
struct line_map {
    GArray *off;  /* int: byte offset of each extracted line */
    GArray *line; /* int: its line in the input (FIRST_LINE based) */
};

/* Maps every line of EXTRACTED (the author's text from lu_body_extract) to
 * a line of INPUT: the next input line with the same visible characters,
 * else the next one that contains them (a line the extractor split), else
 * the line after the previous match. */
static void map_lines(const char *input, const char *extracted, int first_line,
                      struct line_map *map)
{
    char **in = g_strsplit(input, "\n", -1);
    guint n_in = g_strv_length(in);
    char **keys = g_new0(char *, n_in + 1);
    guint cursor = 0; /* the next input line that may match */
    const char *p = extracted;
    int last = first_line - 1;

    for (guint i = 0; i < n_in; i++)
        keys[i] = visible_key(in[i], strlen(in[i]));
    map->off = g_array_new(FALSE, FALSE, sizeof(int));
    map->line = g_array_new(FALSE, FALSE, sizeof(int));
    for (;;) {
        const char *e = strchr(p, '\n');
        gsize len = e ? (gsize)(e - p) : strlen(p);
        char *key = visible_key(p, len);
        int off = (int)(p - extracted), line = last + 1;

        if (key[0]) {
            guint found = n_in;
            for (guint i = cursor; i < n_in && found == n_in; i++)
                if (strcmp(keys[i], key) == 0)
                    found = i;
            for (guint i = cursor; i < n_in && found == n_in; i++)
                if (strstr(keys[i], key))
                    found = i;
            if (found < n_in) {
                line = first_line + (int)found;
                cursor = found + 1;
            }
            last = line;
        }
        g_array_append_val(map->off, off);
        g_array_append_val(map->line, line);
        g_free(key);
        if (!e)
            break;
        p = e + 1;
    }
    for (guint i = 0; i < n_in; i++)
        g_free(keys[i]);
    g_free(keys);
    g_strfreev(in);
}

/* The input line of byte OFF of the extracted text. */
static int line_at(const struct line_map *map, int off)
{
    int line = g_array_index(map->line, int, 0);

    for (guint i = 0; i < map->off->len && g_array_index(map->off, int, i) <= off; i++)
        line = g_array_index(map->line, int, i);
    return line;
}

static void map_clear(struct line_map *map)
{
    g_array_unref(map->off);
    g_array_unref(map->line);
}

/* Finds sentence S (white space folded, as lu_sentences_split gives it) in
 * HAY at or after FROM, where one space in S matches any white space run in
 * HAY (or none: list markers and line joins).  Returns the offset, or -1. */
static int find_folded(const char *hay, int from, const char *s)
{
    int ret = -1;

    for (int start = from; hay[start] && ret < 0; start++) {
        const char *h = hay + start, *n = s;

        if (*h != *n)
            continue;
        while (*n) {
            if (*n == ' ') {
                while (g_ascii_isspace(*h))
                    h++;
                n++;
            } else if (*h == *n) {
                h++;
                n++;
            } else {
                break;
            }
        }
        if (!*n)
            ret = start;
    }
    return ret;
}

/* ------------------------------------------------------------ message or text */

/* Header names that make a block of "Name: value" lines a mail header
 * rather than a note that happens to start with "Note: ...". */
static const char *const mail_headers[] = {
    "from",         "to",
    "cc",           "bcc",
    "subject",      "date",
    "message-id",   "in-reply-to",
    "references",   "reply-to",
    "sender",       "mime-version",
    "content-type", "content-transfer-encoding",
    "fcc",          "mail-followup-to",
    "user-agent",   "received",
    "return-path",  "organization",
    NULL,
};

/* The length of a header name at the start of line P (up to ':'), or 0. */
static gsize header_name_len(const char *p, const char *end)
{
    const char *q = p;

    while (q<end && * q> 32 && *q < 127 && *q != ':')
        q++;
    return q > p && q < end && *q == ':' ? (gsize)(q - p) : 0;
}

int lu_lint_header_lines(const char *data, gsize len)
{
    const char *p = data, *end = data + len;
    int n = 0, ret = 0;
    bool known = false;

    while (p < end) {
        const char *e = memchr(p, '\n', (gsize)(end - p));
        const char *le = e ? e : end;
        gsize name;

        if (le > p && le[-1] == '\r')
            le--;
        n++;
        if (le == p) { /* the blank line that ends the headers */
            ret = n > 1 && known ? n : 0;
            goto out;
        }
        if ((*p == ' ' || *p == '\t') && n > 1) {
            /* a folded continuation of the previous header */
        } else if ((name = header_name_len(p, le)) > 0) {
            for (const char *const *h = mail_headers; *h && !known; h++)
                known = strlen(*h) == name && g_ascii_strncasecmp(p, *h, name) == 0;
            known = known || (name > 2 && g_ascii_strncasecmp(p, "x-", 2) == 0);
        } else {
            goto out; /* a line of text: not a header block */
        }
        if (!e)
            break;
        p = e + 1;
    }
    ret = known ? n : 0; /* headers and no body */
out:
    return ret;
}

/* ------------------------------------------------------------ the checks */

/* True when S thanks (in any pack's words, reading packs included:
 * Portuguese "obrigado"); with AT_START only when it does so in its first
 * words ("Many thanks,", "Vielen Dank" - a sign-off, not a company name). */
static bool has_thanks(const char *s, bool at_start)
{
    const struct lu_lang_pack *pk;
    struct lu_cue_text T = {0};
    int first = -1; /* the first word of thanks, in bytes */

    if (!s)
        return false;
    lu_cue_tokenise(&T, s, true);
    for (int l = 0; (pk = lu_lang_known(l)); l++) {
        struct lu_cue_match m;
        if (pk->thanks && lu_cue_find(lu_cue_of(pk->thanks), &T, 0, NULL, NULL, &m) &&
            (first < 0 || m.off < first))
            first = m.off;
    }
    lu_cue_text_clear(&T);
    return first >= 0 && (!at_start || first <= 12);
}

/* Whether a concrete date or time (a moment, a day, a week or a range of at
 * most a week: "in December" or "early next month" is not a next step anyone
 * can hold on to) lies ahead of REF.  A draft written some days ago proposes
 * a date that has since passed: *PASSED is then set to the latest concrete
 * date behind REF, so lint can say so instead of "no next step". */
static bool has_concrete_date(const struct lu_analysis *an, GDateTime *ref,
                              const struct lu_when **passed)
{
    gint64 now = g_date_time_to_unix(ref);
    bool ret = false;

    *passed = NULL;
    for (guint i = 0; an->sentences && i < an->sentences->len && !ret; i++) {
        const struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        for (guint k = 0; s->dates && k < s->dates->len && !ret; k++) {
            const struct lu_when *w = &g_array_index(s->dates, struct lu_when, k);
            if (w->span == LU_SPAN_MONTH || w->end - w->start >= 8 * 86400 || w->past)
                continue;
            ret = w->end >= now;
            if (!ret && (!*passed || w->end > (*passed)->end))
                *passed = w;
        }
    }
    return ret;
}

/* The first line of the signature, where a sign-off ("Thanks,") stands.
 * Returns a new string or NULL. */
static char *signoff_of(const char *signature)
{
    const char *e;

    if (!signature)
        return NULL;
    signature += strspn(signature, " \t\n");
    e = strchr(signature, '\n');
    return g_strndup(signature, e ? (gsize)(e - signature) : strlen(signature));
}

/* Counts the author's words and non-blank lines; *AT gets the input line
 * where a threshold is first passed (0 when none is). */
static void measure(const char *author, const struct line_map *map, int *words, int *lines, int *at)
{
    int word_at = 0, line_at_n = 0;

    *words = *lines = 0;
    for (const char *p = author; *p;) {
        const char *w;
        bool alnum = false;

        while (*p && g_ascii_isspace(*p))
            p++;
        if (!*p)
            break;
        w = p;
        while (*p && !g_ascii_isspace(*p)) {
            alnum |= g_unichar_isalnum(g_utf8_get_char(p));
            p = g_utf8_next_char(p);
        }
        if (alnum && ++*words == LU_LINT_MAX_WORDS + 1)
            word_at = line_at(map, (int)(w - author));
    }
    for (guint i = 0; i < map->off->len; i++) {
        const char *l = author + g_array_index(map->off, int, i);
        gsize n = strcspn(l, "\n");
        bool blank = true;

        for (gsize k = 0; k < n && blank; k++)
            blank = g_ascii_isspace(l[k]);
        if (!blank && ++*lines == LU_LINT_MAX_LINES + 1)
            line_at_n = g_array_index(map->line, int, i);
    }
    *at = word_at && line_at_n ? MIN(word_at, line_at_n) : MAX(word_at, line_at_n);
}

static int finding_cmp(gconstpointer a, gconstpointer b)
{
    const struct lu_finding *x = *(struct lu_finding *const *)a;
    const struct lu_finding *y = *(struct lu_finding *const *)b;

    return (x->line > y->line) - (x->line < y->line);
}

/* TEXT with what stands between double quotation marks ("..." or the
 * typographic pair) within a paragraph replaced by 'x' bytes: same length, same
 * offsets.  Caller frees. */
static char *mask_quotations(const char *text)
{
    char *m = g_strdup(text);
    char *open = NULL;

    for (char *p = m; *p; p++) {
        bool straight = *p == '"';
        bool left = (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                    (unsigned char)p[2] == 0x9c;
        bool right = (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                     (unsigned char)p[2] == 0x9d;
        if (*p == '\n' && p[1] == '\n') {
            open = NULL; /* quotations end with their paragraph */
        } else if (open && (straight || right)) {
            for (char *q = open; q < p; q++)
                *q = 'x';
            open = NULL;
            p += right ? 2 : 0;
        } else if (!open && (straight || left)) {
            open = p + (left ? 3 : 1);
            p += left ? 2 : 0;
        }
    }
    return m;
}

/* Chasing phrases ("just following up"), each with its advice. */
static void lint_chasing(const char *author, const struct line_map *map, GPtrArray *out)
{
    GArray *chases = lu_lint_chasing(author);

    for (guint i = 0; i < chases->len; i++) {
        const struct lu_chase *c = &g_array_index(chases, struct lu_chase, i);
        char *phrase = lu_fold_space(author + c->off, c->len);

        g_ptr_array_add(out, finding_new(line_at(map, c->off), "chasing", phrase,
                                         g_strdup_printf("\"%s\" %s", phrase, c->advice)));
    }
    g_array_unref(chases);
}

/* More than one ask in MASKED (analysed as AN): the second one is found. */
static void lint_asks(const char *masked, const struct lu_analysis *an, const struct line_map *map,
                      GPtrArray *out)
{
    int asks = 0, second_line = 0, cursor = 0;
    char *second = NULL;

    for (guint i = 0; i < an->sentences->len; i++) {
        const struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        int pos = find_folded(masked, cursor, s->text);

        if (pos >= 0)
            cursor = pos + 1;
        if (!(s->labels & LU_L_REQUEST) || ++asks != 2)
            continue;
        second_line = line_at(map, pos >= 0 ? pos : MAX(cursor - 1, 0));
        second = g_strdup(s->text);
    }
    if (asks > 1) {
        char *msg = g_strdup_printf(
            "%d asks in one message (this is number 2); keep the one ask that moves things "
            "forward",
            asks);
        g_ptr_array_add(out, finding_new(second_line, "many-asks", second, msg));
        second = NULL;
    }
    g_free(second);
}

/* No dated next step, or only one that has passed by NOW; none is needed in
 * a reply that declines or closes the exchange. */
static void lint_next_step(const char *masked, const struct lu_analysis *an, GDateTime *now,
                           int last, GPtrArray *out)
{
    const struct lu_when *passed = NULL;
    char *day;

    if (an->declined || an->closing || has_concrete_date(an, now, &passed))
        return;
    if (!passed) {
        g_ptr_array_add(out, finding_new(last, "no-next-step", NULL,
                                         g_strdup("no concrete next step with a date or "
                                                  "time; propose one, e.g. \"Shall we talk "
                                                  "on Tuesday at 10:00?\"")));
        return;
    }
    day = lu_draft_when(passed->start, g_date_time_get_timezone(now), g_date_time_to_unix(now),
                        passed->has_time, LU_LANG_EN);
    g_ptr_array_add(out,
                    finding_new(last, "past-date", lu_fold_space(masked + passed->off, passed->len),
                                g_strdup_printf("the proposed date, %s, is in the "
                                                "past; propose a new one",
                                                day)));
    g_free(day);
}

GPtrArray *lu_lint_text(const char *text, int first_line, const struct lu_cal *cal, GDateTime *now)
{
    GPtrArray *out;
    struct lu_body body = {0};
    struct line_map map = {0};
    struct lu_analysis an = {0};
    struct lu_cal defcal;
    char *valid = NULL, *signoff = NULL, *masked = NULL;
    const char *author;
    int first = 0, last = 0, words, lines, long_at;

    /* Time is explicit: which dates have passed is the caller's NOW. */
    g_return_val_if_fail(now != NULL, NULL);
    out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_finding_free);
    if (!text)
        text = "";
    if (!g_utf8_validate(text, -1, NULL))
        text = valid = g_utf8_make_valid(text, -1);
    lu_body_extract(text, false, &body);
    author = body.text ? body.text : "";
    if (author[strspn(author, " \t\n")] == '\0')
        goto out; /* nothing of the author's own: nothing to say about it */
    map_lines(text, author, first_line, &map);
    for (guint i = 0; i < map.off->len; i++) {
        const char *l = author + g_array_index(map.off, int, i);
        if (l[strspn(l, " \t")] != '\n' && l[strspn(l, " \t")] != '\0') {
            if (!first)
                first = g_array_index(map.line, int, i);
            last = g_array_index(map.line, int, i);
        }
    }
    if (!cal) {
        lu_cal_init(&defcal, g_date_time_get_timezone(now));
        cal = &defcal;
    }
    lint_chasing(author, &map, out);
    /* A request inside quotation marks ("Please remove the warning" as a
     * subject) is a quotation, not an ask: blank it out, keeping offsets. */
    masked = mask_quotations(author);
    lu_analyse_text(masked, now, cal, &an);
    lint_asks(masked, &an, &map, out);
    measure(author, &map, &words, &lines, &long_at);
    if (long_at)
        g_ptr_array_add(
            out, finding_new(long_at, "too-long", NULL,
                             g_strdup_printf("%d words in %d lines of your own text; "
                                             "at most %d words and %d lines read in "
                                             "ten seconds",
                                             words, lines, LU_LINT_MAX_WORDS, LU_LINT_MAX_LINES)));
    signoff = signoff_of(body.signature);
    if (!has_thanks(author, false) && !has_thanks(signoff, true))
        g_ptr_array_add(out, finding_new(first, "no-thanks", NULL,
                                         g_strdup("no thanks anywhere; thank them for the time "
                                                  "they already gave")));
    lint_next_step(masked, &an, now, last, out);
    g_ptr_array_sort(out, finding_cmp);
out:
    g_free(masked);
    g_free(signoff);
    if (an.sentences)
        lu_analysis_clear(&an);
    if (map.off)
        map_clear(&map);
    lu_body_clear(&body);
    g_free(valid);
    return out;
}
