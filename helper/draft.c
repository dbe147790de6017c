/* draft.c - a lead-up draft for a thread: which template its state calls
 * for, the placeholder values found in the thread (names, the open ask, a
 * proposed slot, promises, an out-of-office return), the header values
 * (identity, recipients, subject, threading) and the template engine.
 *
 * Pure: no I/O.  Message bodies are analysed on demand through
 * req->analyse; templates are read by the caller (cmd-draft.c) and the
 * message is serialised by mime.c (lu_mime_draft).
 *
 * Template syntax (doc/draft.md is the user's reference):
 *   # ...            a comment line (first character '#'), never output
 *   {name}           the value; a line with a placeholder that has no value
 *                    is dropped whole, so no hole is ever visible
 *   {name|text}      the value, or TEXT when there is none
 *   {?name:text}     TEXT (may span lines, may hold placeholders) when name
 *                    has a value, else nothing
 *   {!name:text}     TEXT when name has no value, else nothing
 * Unknown names count as having no value (and are reported); a '{' that
 * opens nothing is removed.  Values are inserted literally, never expanded
 * again, with their braces turned into parentheses, so no "{...}" of any
 * kind reaches the draft.  Blank-line runs collapse; lines are wrapped at
 * 72 columns ("> " lines keep their prefix). */
#include "leadup.h"
#include "draftmsg.h"

#include <string.h>

#define WRAP_WIDTH  72
#define ASK_MAX     220 /* characters of the open ask quoted back */
#define TOPIC_MAX   100 /* characters of the subject used in the text */
#define QUOTE_LINES 40  /* lines of the answered message quoted at most */
#define PHONE_LOOKS 5   /* their messages read for a phone number at most */
#define LANG_LOOKS  6   /* other messages read to tell the language at most */

/* templates/generic without its comments (a unit test keeps them equal). */
const char lu_draft_builtin_generic[] =
    "{?first_name:Hi {first_name},}{!first_name:Hello,}\n"
    "\n"
    "{?replied:Thank you for your help with {?topic:\"{topic}\"}{!topic:this} so "
    "far.}{!replied:{?i_owe:Thank you for your message about "
    "{?topic:\"{topic}\"}{!topic:this}.}{!i_owe:Thank you for taking a moment to read this note "
    "about {?topic:\"{topic}\"}{!topic:my message}.}} {?i_owe:{?list:I will come back to you "
    "here on this by {slot_day}.}{!list:I will come back to you on this by {slot_day}; if a "
    "call is quicker, I am free for 15 minutes on {slot}.}}{!i_owe:To take the next step "
    "together, {?list:could you let me know your view by {slot_day}?}{!list:shall we speak for "
    "15 minutes on {slot}?}}\n"
    "\n"
    "Best regards,\n"
    "{my_name}\n";

/* The placeholders templates may use; anything else is reported. */
static const char *const known_vars[] = {
    "first_name", "their_name", "their_email", "their_phone", "my_name",     "my_first_name",
    "subject",    "topic",      "ask",         "asked_date",  "slot",        "slot_day",
    "slot_time",  "slot2",      "promise",     "promise_by",  "return_date", "stage",
    "last_date",  "list",       "replied",     "i_owe",
};

/* ---- small text helpers */

/* S as one clean line (lu_clean_line), "" for NULL: a value from mail can
 * never carry a line break into a header or a template line.  Caller frees. */
static char *clean(const char *s)
{
    return s ? lu_clean_line(s) : g_strdup("");
}

/* CLEAN(S) cut at MAX characters, on a word boundary when one is near,
 * "..." appended.  Caller frees. */
static char *shorten(const char *s, glong max)
{
    char *c = clean(s), *cut, *sp, *out;
    size_t n;

    if (g_utf8_strlen(c, -1) <= max)
        return c;
    cut = g_strndup(c, g_utf8_offset_to_pointer(c, max) - c);
    sp = strrchr(cut, ' ');
    if (sp && g_utf8_strlen(cut, sp - cut) > max / 2)
        *sp = '\0';
    while ((n = strlen(cut)) > 0 && strchr(" ,;:-", cut[n - 1]))
        cut[n - 1] = '\0';
    out = g_strconcat(cut, "...", NULL);
    g_free(cut);
    g_free(c);
    return out;
}

static bool is_empty(const char *s)
{
    return !s || !*s;
}

/* Upper-cases the first letter of each part of a name ("ann-marie" ->
 * "Ann-Marie") when the name is all one case; mixed case is kept. */
static char *name_case(const char *s)
{
    char *up = g_utf8_strup(s, -1), *down = g_utf8_strdown(s, -1);
    GString *out;
    bool start = true;

    if (strcmp(s, up) != 0 && strcmp(s, down) != 0) {
        g_free(up);
        g_free(down);
        return g_strdup(s);
    }
    out = g_string_new(NULL);
    for (const char *p = down; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        g_string_append_unichar(out, start ? g_unichar_toupper(c) : c);
        start = c == '-' || c == '\'';
    }
    g_free(up);
    g_free(down);
    return g_string_free(out, FALSE);
}

/* Words that make a display name or a local part a role, not a person
 * ("sales", "GmbH"), and titles before a name ("Dr", "Herr"): the
 * language packs' (helper/lang-*.c). */
#define role_words LU_LANG_ALL(role_words)
#define titles     LU_LANG_ALL(titles)

static bool in_words(const char *w, const char *const *list)
{
    char *lw = g_utf8_strdown(w, -1);
    size_t len = strlen(lw);
    bool hit = false;

    if (len && lw[len - 1] == '.')
        lw[len - 1] = '\0';
    for (size_t i = 0; list[i] && !hit; i++)
        hit = g_ascii_strcasecmp(lw, list[i]) == 0;
    g_free(lw);
    return hit;
}

/* A plausible given name: letters (and inner - or '), two or more. */
static bool plausible_name(const char *w)
{
    glong letters = 0;

    for (const char *p = w; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalpha(c))
            letters++;
        else if (!((c == '-' || c == '\'') && p != w && p[1]))
            return false;
    }
    return letters >= 2;
}

char *lu_draft_first_name(const char *display, const char *email)
{
    char *name = clean(display), *out = NULL;
    char **parts = NULL;

    /* A display name that is an address, or quoted, says nothing more. */
    g_strstrip(g_strdelimit(name, "\"", ' '));
    if (*name && !strchr(name, '@')) {
        char *comma = strchr(name, ',');
        const char *pick = NULL;
        bool role = false;

        /* "Smith, Ann" names the family first. */
        parts = g_strsplit(comma ? comma + 1 : name, " ", -1);
        if (comma) {
            char **all = g_strsplit(name, " ", -1);
            for (int i = 0; all[i]; i++)
                role = role || in_words(all[i], role_words);
            g_strfreev(all);
        }
        for (int i = 0; parts[i]; i++) {
            g_strstrip(parts[i]);
            if (!*parts[i])
                continue;
            if (in_words(parts[i], role_words))
                role = true;
            if (!pick && !in_words(parts[i], titles))
                pick = parts[i];
        }
        if (pick && !role && plausible_name(pick))
            out = name_case(pick);
        if (out || role)
            goto out;
    }
    /* "ann.smith@", "ann_smith@": the part before the separator. */
    if (email && *email) {
        const char *at = strchr(email, '@');
        char *local = at ? g_strndup(email, at - email) : g_strdup(email);
        char *plus = strchr(local, '+');
        size_t n;

        if (plus)
            *plus = '\0';
        n = strcspn(local, "._");
        if (local[n] && n >= 2) {
            local[n] = '\0';
            if (plausible_name(local) && !in_words(local, role_words))
                out = name_case(local);
        }
        g_free(local);
    }
out:
    g_strfreev(parts);
    g_free(name);
    return out;
}

/* ---- subjects */

/* Reply prefixes are the language packs' (helper/lang-*.c; forward prefixes
 * are kept: "Re: Fwd: x" says what the thread is). */
#define reply_prefixes LU_LANG_ALL(reply_prefixes)

/* Length of a reply prefix at P ("Re:", "RE[2]:", "Aw :"), or 0. */
static size_t reply_prefix_len(const char *p)
{
    for (size_t i = 0; reply_prefixes[i]; i++) {
        size_t n = strlen(reply_prefixes[i]);
        const char *q = p + n;
        if (g_ascii_strncasecmp(p, reply_prefixes[i], n) != 0)
            continue;
        if (*q == '[' || *q == '(') {
            const char *e = q + 1;
            while (g_ascii_isdigit(*e))
                e++;
            if ((*e == ']' || *e == ')') && e > q + 1)
                q = e + 1;
        }
        while (*q == ' ')
            q++;
        if (*q == ':')
            return q + 1 - p;
        if ((unsigned char)q[0] == 0xef && (unsigned char)q[1] == 0xbc &&
            (unsigned char)q[2] == 0x9a) /* fullwidth colon */
            return q + 3 - p;
    }
    return 0;
}

/* Splits SUBJECT into its leading [tags] (each with one space after, a
 * tag repeated by a list that tagged a reply again kept once) and the
 * rest, dropping reply prefixes before, between and after the tags. */
static void split_subject(const char *subject, GString *tags, GString *rest)
{
    char *s = clean(subject);
    const char *p = s;

    for (;;) {
        size_t n;
        while (*p == ' ')
            p++;
        if ((n = reply_prefix_len(p)) > 0) {
            p += n;
            continue;
        }
        if (*p == '[') {
            const char *e = strchr(p, ']');
            if (e && e > p + 1) {
                char *tag = g_strndup(p, e + 1 - p);
                if (!strstr(tags->str, tag))
                    g_string_append_printf(tags, "%s ", tag);
                g_free(tag);
                p = e + 1;
                continue;
            }
        }
        break;
    }
    g_string_assign(rest, p);
    g_free(s);
}

char *lu_draft_subject(const char *subject)
{
    GString *tags = g_string_new(NULL), *rest = g_string_new(NULL);
    char *out;

    split_subject(subject, tags, rest);
    if (rest->len == 0)
        g_string_assign(rest, "(no subject)");
    /* One "Re: " in front and the tags after it, as mail clients answer
     * ("Re: [list] x"): a list that tags its subjects sees its tag there
     * and does not add it again. */
    out = g_strdup_printf("Re: %s%s", tags->str, rest->str);
    g_string_free(tags, TRUE);
    g_string_free(rest, TRUE);
    return out;
}

char *lu_draft_topic(const char *subject)
{
    GString *tags = g_string_new(NULL), *rest = g_string_new(NULL);
    char *out;

    split_subject(subject, tags, rest);
    /* "Fwd: x" is about x. */
    for (;;) {
        const char *p = rest->str + strspn(rest->str, " ");
        size_t k = 0;
        if (!g_ascii_strncasecmp(p, "fwd:", 4))
            k = 4;
        else if (!g_ascii_strncasecmp(p, "fw:", 3) || !g_ascii_strncasecmp(p, "wg:", 3))
            k = 3;
        if (!k)
            break;
        g_string_erase(rest, 0, p + k - rest->str);
    }
    /* The template adds its own punctuation after the topic. */
    while (rest->len && strchr(".,;:!? \t", rest->str[rest->len - 1]))
        g_string_truncate(rest, rest->len - 1);
    out = shorten(rest->str, TOPIC_MAX);
    g_string_free(tags, TRUE);
    g_string_free(rest, TRUE);
    return out;
}

/* ---- dates and the proposed slot */

static GTimeZone *cal_tz(const struct lu_cal *cal)
{
    return cal && cal->tz ? g_time_zone_ref(cal->tz) : g_time_zone_new_utc();
}

/* Appends FMT (the pack's date notation, leadup.h struct lu_lang_pack) for
 * the local time L to S. */
static void when_format(GString *s, const char *fmt, const struct lu_lang_pack *pk, GDateTime *l)
{
    for (const char *f = fmt; f && *f; f++) {
        if (*f != '%' || !f[1]) {
            g_string_append_c(s, *f);
            continue;
        }
        switch (*++f) {
        case 'A':
            g_string_append(s, pk->weekdays[g_date_time_get_day_of_week(l)]);
            break;
        case 'B':
            g_string_append(s, pk->months[g_date_time_get_month(l)]);
            break;
        case 'd':
            g_string_append_printf(s, "%d", g_date_time_get_day_of_month(l));
            break;
        case 'o':
            if (pk->first_suffix && g_date_time_get_day_of_month(l) == 1)
                g_string_append(s, pk->first_suffix);
            break;
        case 'Y':
            g_string_append_printf(s, "%d", g_date_time_get_year(l));
            break;
        case 'H':
            g_string_append_printf(s, "%02d", g_date_time_get_hour(l));
            break;
        case 'M':
            g_string_append_printf(s, "%02d", g_date_time_get_minute(l));
            break;
        default:
            g_string_append_c(s, *f);
            break;
        }
    }
}

char *lu_draft_when(gint64 t, GTimeZone *tz, gint64 now, bool with_time, enum lu_lang lang)
{
    GDateTime *l = lu_local_time(t, tz), *ln = lu_local_time(now, tz);
    GString *s = g_string_new(NULL);
    const struct lu_lang_pack *pk = lu_lang_pack(lang);

    /* "Tuesday 1 December 2027 at 10:00", "mardi 1er décembre 2027 à 10h00" */
    when_format(s, pk->date_fmt, pk, l);
    if (g_date_time_get_year(l) != g_date_time_get_year(ln))
        when_format(s, pk->year_fmt, pk, l);
    if (with_time)
        when_format(
            s, g_date_time_get_hour(l) == 1 && pk->time_one_fmt ? pk->time_one_fmt : pk->time_fmt,
            pk, l);
    g_date_time_unref(ln);
    g_date_time_unref(l);
    return g_string_free(s, FALSE);
}

/* The first preferred time of day (10:00, then 14:00, if they fit the
 * working hours; else an hour into them) on a business day at or after T. */
static gint64 slot_at_or_after(const struct lu_cal *cal, gint64 t)
{
    int ws = cal->work_start, we = cal->work_end, cand[2], nc = 0;
    GTimeZone *tz = cal_tz(cal);
    GDateTime *day = lu_local_time(t, tz);
    gint64 out = 0;

    if (ws < 0 || we > 24 * 60 || we <= ws)
        ws = 9 * 60, we = 17 * 60;
    /* Not the first minutes of the day nor its last half hour. */
    if (600 >= ws && 600 + 30 <= we)
        cand[nc++] = 600;
    if (840 >= ws && 840 + 30 <= we)
        cand[nc++] = 840;
    if (nc == 0)
        cand[nc++] = ws + 90 <= we ? (ws + 60 + 29) / 30 * 30 : ws;
    for (int i = 0; i < 400 && !out; i++) {
        GDateTime *noon = g_date_time_new(tz, g_date_time_get_year(day), g_date_time_get_month(day),
                                          g_date_time_get_day_of_month(day), 12, 0, 0);
        if (lu_cal_is_bizday(cal, noon)) {
            for (int k = 0; k < nc && !out; k++) {
                GDateTime *c = g_date_time_new(
                    tz, g_date_time_get_year(day), g_date_time_get_month(day),
                    g_date_time_get_day_of_month(day), cand[k] / 60, cand[k] % 60, 0);
                if (g_date_time_to_unix(c) >= t)
                    out = g_date_time_to_unix(c);
                g_date_time_unref(c);
            }
        }
        GDateTime *next = g_date_time_add_days(noon, 1);
        g_date_time_unref(noon);
        g_date_time_unref(day);
        day = next;
    }
    g_date_time_unref(day);
    g_time_zone_unref(tz);
    return out ? out : t;
}

gint64 lu_draft_slot(const struct lu_cal *cal, gint64 now, gint64 not_before)
{
    GTimeZone *tz = cal_tz(cal);
    GDateTime *l = lu_local_time(now, tz);
    GDateTime *next = lu_cal_add_bizdays(cal, l, 1);
    gint64 from = g_date_time_to_unix(next);

    /* At least one business day ahead: time to read, answer and plan. */
    if (not_before > from)
        from = not_before;
    g_date_time_unref(next);
    g_date_time_unref(l);
    g_time_zone_unref(tz);
    return slot_at_or_after(cal, from);
}

/* ---- the template engine */

static bool has_value(GHashTable *vars, const char *name)
{
    const char *v = g_hash_table_lookup(vars, name);
    return v && *v;
}

static bool known_var(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(known_vars); i++)
        if (strcmp(name, known_vars[i]) == 0)
            return true;
    return false;
}

static bool valid_name(const char *p, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!g_ascii_isalnum(p[i]) && p[i] != '_')
            return false;
    return true;
}

static void note(GPtrArray *notes, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void note(GPtrArray *notes, const char *fmt, ...)
{
    va_list ap;
    char *s;

    if (!notes)
        return;
    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    for (guint i = 0; i < notes->len; i++)
        if (strcmp(g_ptr_array_index(notes, i), s) == 0) {
            g_free(s);
            return;
        }
    g_ptr_array_add(notes, s);
}

/* The '}' that closes the '{' at P (nesting counted), or NULL. */
static const char *closing_brace(const char *p)
{
    int depth = 0;

    for (; *p; p++) {
        if (*p == '{')
            depth++;
        else if (*p == '}' && --depth == 0)
            return p;
    }
    return NULL;
}

/* Pass 1: resolves {?name:...} and {!name:...} (nested, across lines);
 * everything else is copied for pass 2. */
static void conditionals(const char *p, const char *end, GHashTable *vars, GPtrArray *notes,
                         GString *out)
{
    while (p < end) {
        const char *q = p, *close, *colon;
        size_t n;

        if (*p != '{' || (p[1] != '?' && p[1] != '!')) {
            g_string_append_c(out, *p++);
            continue;
        }
        close = closing_brace(p);
        if (!close || close > end) {
            p++; /* an opening brace that closes nothing is dropped */
            continue;
        }
        q = p + 2;
        colon = memchr(q, ':', close - q);
        n = colon ? (size_t)(colon - q) : 0;
        if (colon && valid_name(q, n)) {
            char *name = g_strndup(q, n);
            bool want = p[1] == '?', have = has_value(vars, name);
            if (!known_var(name))
                note(notes, "unknown placeholder {%s} (see 'leadup help draft')", name);
            if (want == have)
                conditionals(colon + 1, close, vars, notes, out);
            g_free(name);
        } else {
            note(notes, "malformed template construct '%.*s' dropped", (int)MIN(close + 1 - p, 40),
                 p);
        }
        p = close + 1;
    }
}

/* Holds the words of a date together until the text is wrapped. */
#define GLUE '\x01'

/* Dates, times and phone numbers are never split over two lines. */
static bool unbreakable(const char *name)
{
    static const char *const dates[] = {"slot",       "slot2",       "slot_day",  "asked_date",
                                        "promise_by", "return_date", "last_date", "their_phone"};
    for (size_t i = 0; i < G_N_ELEMENTS(dates); i++)
        if (strcmp(name, dates[i]) == 0)
            return true;
    return false;
}

/* Braces in a value become parentheses: nothing inserted can look like a
 * placeholder. */
static void append_value(GString *out, const char *v, bool glue)
{
    for (; *v; v++)
        g_string_append_c(out, *v == '{' ? '(' : *v == '}' ? ')' : glue && *v == ' ' ? GLUE : *v);
}

/* Pass 2: one line's {name} and {name|text}.  Returns false when the line
 * must be dropped (a placeholder without value and without alternative). */
static bool fill_line(const char *line, GHashTable *vars, GPtrArray *notes, GString *out)
{
    const char *p = line;
    bool keep = true;

    while (*p) {
        const char *close, *bar;
        char *name;
        size_t n;

        if (*p == '}') { /* a stray closing brace */
            p++;
            continue;
        }
        if (*p != '{') {
            g_string_append_c(out, *p++);
            continue;
        }
        close = strchr(p, '}');
        if (!close) {
            p++;
            continue;
        }
        bar = memchr(p + 1, '|', close - p - 1);
        n = (bar ? bar : close) - (p + 1);
        if (!valid_name(p + 1, n) || (bar && memchr(p + 1, '{', close - p - 1))) {
            note(notes, "malformed placeholder '%.*s': its line was dropped",
                 (int)MIN(close + 1 - p, 40), p);
            keep = false;
            p = close + 1;
            continue;
        }
        name = g_strndup(p + 1, n);
        if (!known_var(name))
            note(notes, "unknown placeholder {%s}: its line was dropped", name);
        if (has_value(vars, name))
            append_value(out, g_hash_table_lookup(vars, name), unbreakable(name));
        else if (bar)
            g_string_append_len(out, bar + 1, close - bar - 1);
        else
            keep = false;
        g_free(name);
        p = close + 1;
    }
    return keep;
}

/* Appends LINE wrapped at WIDTH columns, each piece prefixed by PREFIX. */
static void wrap_line(GString *out, const char *prefix, const char *line, glong width)
{
    glong plen = g_utf8_strlen(prefix, -1), col = 0;
    char **parts = g_strsplit(line, " ", -1);
    bool any = false;

    g_string_append(out, prefix);
    for (int i = 0; parts[i]; i++) {
        glong wl = g_utf8_strlen(parts[i], -1);
        if (!*parts[i])
            continue;
        if (any && plen + col + 1 + wl > width) {
            g_string_append_c(out, '\n');
            g_string_append(out, prefix);
            col = 0;
            any = false;
        }
        if (any) {
            g_string_append_c(out, ' ');
            col++;
        }
        g_string_append(out, parts[i]);
        col += wl;
        any = true;
    }
    /* A bare ">" line keeps no trailing space. */
    if (!any && out->len && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    g_string_append_c(out, '\n');
    g_strfreev(parts);
}

char *lu_draft_wrap(const char *text, int width)
{
    char **lines = g_strsplit(text ? text : "", "\n", -1);
    GString *out = g_string_new(NULL);

    for (int i = 0; lines[i]; i++) {
        const char *l = lines[i];
        GString *prefix;
        if (!lines[i + 1] && !*l)
            break; /* the final newline */
        prefix = g_string_new(NULL);
        /* Quoted lines keep their "> > " prefix on every piece. */
        while (*l == '>') {
            g_string_append_c(prefix, '>');
            l++;
            if (*l == ' ')
                l++;
        }
        if (prefix->len)
            g_string_append_c(prefix, ' ');
        if (g_utf8_strlen(lines[i], -1) <= width)
            g_string_append_printf(out, "%s\n", lines[i]);
        else
            wrap_line(out, prefix->str, l, width);
        g_string_free(prefix, TRUE);
    }
    g_strfreev(lines);
    return g_string_free(out, FALSE);
}

char *lu_draft_fill(const char *tmpl, GHashTable *vars, GPtrArray *notes)
{
    GString *nocomment = g_string_new(NULL), *cond = g_string_new(NULL);
    GString *filled = g_string_new(NULL), *tidy = g_string_new(NULL);
    const char glue[] = {GLUE, '\0'};
    char **lines;
    char *out;
    bool blank = true; /* no blank lines at the start */

    /* Comments first: a '#' line never reaches the output. */
    lines = g_strsplit(tmpl ? tmpl : "", "\n", -1);
    for (int i = 0; lines[i]; i++) {
        char *l = lines[i];
        size_t n = strlen(l);
        if (n && l[n - 1] == '\r')
            l[n - 1] = '\0';
        if (l[0] == '#')
            continue;
        g_strdelimit(l, glue, ' ');
        g_string_append_printf(nocomment, "%s\n", l);
    }
    g_strfreev(lines);
    conditionals(nocomment->str, nocomment->str + nocomment->len, vars, notes, cond);
    lines = g_strsplit(cond->str, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        GString *line = g_string_new(NULL);
        char *c;
        if (fill_line(lines[i], vars, notes, line)) {
            /* Values are clean, but a template may hold anything. */
            c = g_utf8_make_valid(line->str, line->len);
            g_strchomp(c);
            g_string_append_printf(filled, "%s\n", c);
            g_free(c);
        } else if (!*g_strstrip(lines[i])) {
            g_string_append_c(filled, '\n');
        }
        g_string_free(line, TRUE);
    }
    g_strfreev(lines);
    /* Blank-line runs collapse; none at the start or the end. */
    lines = g_strsplit(filled->str, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        bool b = !*lines[i];
        if (b && blank)
            continue;
        g_string_append_printf(tidy, "%s\n", lines[i]);
        blank = b;
    }
    g_strfreev(lines);
    while (tidy->len >= 2 && tidy->str[tidy->len - 1] == '\n' && tidy->str[tidy->len - 2] == '\n')
        g_string_truncate(tidy, tidy->len - 1);
    if (tidy->len == 1)
        g_string_truncate(tidy, 0);
    out = lu_draft_wrap(tidy->str, WRAP_WIDTH);
    g_strdelimit(out, glue, ' ');
    g_string_free(nocomment, TRUE);
    g_string_free(cond, TRUE);
    g_string_free(filled, TRUE);
    g_string_free(tidy, TRUE);
    return out;
}

/* ---- the thread */

static struct lu_msg *at(const struct lu_draft_req *r, int i)
{
    return i >= 0 && (guint)i < r->msgs->len ? g_ptr_array_index(r->msgs, i) : NULL;
}

static struct lu_analysis *analysed(const struct lu_draft_req *r, struct lu_msg *m)
{
    if (m && !m->an && r->analyse)
        r->analyse(m, r->data);
    return m ? m->an : NULL;
}

/* Whether M has its text read (m->body): through r->body, which reads the
 * text alone, else through its analysis, which reads it first.  The
 * language, the signature's name and phone and the quote need the text
 * and what body.c found in it, not the analysis: one the cache does not
 * hold costs the models' start, 1.9 M instructions (issue 14).  Without
 * r->body, as before: the analysis (NULL r->analyse: M's own). */
static bool has_body(const struct lu_draft_req *r, struct lu_msg *m)
{
    if (!r->body)
        return analysed(r, m) && m->body;
    if (!m->body)
        r->body(m, r->data);
    return m->body != NULL;
}

static bool is_me(const struct lu_draft_req *r, const char *email)
{
    return email && lu_draft_is_me(r->me, email);
}

static bool mine(const struct lu_draft_req *r, const struct lu_msg *m)
{
    return m->mine || (m->from && is_me(r, m->from->email));
}

/* A cleaned copy of a mailbox (caller frees with lu_addr_free). */
static struct lu_addr *addr_dup(const char *name, const char *email)
{
    struct lu_addr *a = g_new0(struct lu_addr, 1);

    a->email = clean(email);
    a->name = clean(name);
    if (!*a->name)
        g_clear_pointer(&a->name, g_free);
    return a;
}

/* Whether A and B are the same mailbox. */
static bool same_addr(const char *a, const char *b)
{
    return lu_draft_same_addr(a, b);
}

/* Adds A to LIST unless it is me, empty, or already in LIST or NOT_IN. */
static void add_rcpt(const struct lu_draft_req *r, GPtrArray *list, GPtrArray *not_in,
                     const struct lu_addr *a)
{
    GPtrArray *lists[] = {list, not_in};
    bool dup = false;

    if (!a || is_empty(a->email) || is_me(r, a->email) || !strchr(a->email, '@'))
        return;
    for (int l = 0; l < 2 && !dup; l++)
        for (guint i = 0; lists[l] && i < lists[l]->len && !dup; i++)
            dup = same_addr(((struct lu_addr *)g_ptr_array_index(lists[l], i))->email, a->email);
    if (!dup)
        g_ptr_array_add(list, addr_dup(a->name, a->email));
}

/* The message we answer: the one a needs-reply rests on, else the latest
 * human message, else the latest. */
static int answered_index(const struct lu_draft_req *r)
{
    /* Their message a needs-reply rests on, which need not be the latest:
     * one my later post passed by (thread.c skipped_reply). */
    if (r->v && r->v->state == LU_ST_NEEDS_REPLY && r->v->anchor >= 0 &&
        r->v->anchor < (int)r->msgs->len)
        return r->v->anchor;
    for (int i = (int)r->msgs->len - 1; i >= 0; i--)
        if (lu_msg_meaningful(at(r, i)))
            return i;
    return (int)r->msgs->len - 1;
}

static void choose_from(const struct lu_draft_req *r, struct lu_draft *d)
{
    const char *email = NULL, *name = NULL;

    for (int i = (int)r->msgs->len - 1; i >= 0 && !email; i--) {
        struct lu_msg *m = at(r, i);
        if (mine(r, m) && m->from && !is_empty(m->from->email)) {
            email = m->from->email;
            name = m->from->name;
        }
    }
    /* Never wrote here: the address of mine the thread was sent to. */
    for (int i = (int)r->msgs->len - 1; i >= 0 && !email; i--) {
        struct lu_msg *m = at(r, i);
        GPtrArray *lists[] = {m->to, m->cc};
        for (int l = 0; l < 2 && !email; l++)
            for (guint k = 0; k < lists[l]->len && !email; k++) {
                struct lu_addr *a = g_ptr_array_index(lists[l], k);
                if (is_me(r, a->email))
                    email = a->email;
            }
    }
    if (!email)
        email = r->me->primary;
    if (r->me->name && *r->me->name)
        name = r->me->name;
    d->from = email ? addr_dup(name, email) : NULL;
}

static void choose_recipients(const struct lu_draft_req *r, struct lu_draft *d,
                              const struct lu_msg *ans)
{
    bool keep_cc = r->cfg->keep_cc;

    if (mine(r, ans)) {
        /* Leading my own message: the people it went to. */
        for (guint i = 0; i < ans->to->len; i++)
            add_rcpt(r, d->to, NULL, g_ptr_array_index(ans->to, i));
        for (guint i = 0; keep_cc && i < ans->cc->len; i++)
            add_rcpt(r, d->cc, d->to, g_ptr_array_index(ans->cc, i));
        if (d->to->len == 0 && d->cc->len) {
            GPtrArray *t = d->to;
            d->to = d->cc;
            d->cc = t;
        }
        /* Only to myself (or Bcc): the latest other person who wrote. */
        for (int i = (int)r->msgs->len - 1; i >= 0 && d->to->len == 0; i--) {
            struct lu_msg *m = at(r, i);
            if (!mine(r, m) && lu_msg_meaningful(m))
                add_rcpt(r, d->to, NULL, m->from);
        }
        return;
    }
    /* Answering theirs: Mail-Followup-To names everyone, else Reply-To or
     * From, and (reply to all) the rest of its recipients in Cc. */
    if (ans->followup_to->len) {
        for (guint i = 0; i < ans->followup_to->len; i++)
            add_rcpt(r, d->to, NULL, g_ptr_array_index(ans->followup_to, i));
        if (d->to->len)
            return;
    }
    if (ans->reply_to->len)
        for (guint i = 0; i < ans->reply_to->len; i++)
            add_rcpt(r, d->to, NULL, g_ptr_array_index(ans->reply_to, i));
    else
        add_rcpt(r, d->to, NULL, ans->from);
    if (d->to->len == 0 && ans->from) /* they wrote from an address of mine? */
        add_rcpt(r, d->to, NULL, ans->from);
    for (guint i = 0; keep_cc && i < ans->to->len; i++)
        add_rcpt(r, d->cc, d->to, g_ptr_array_index(ans->to, i));
    for (guint i = 0; keep_cc && i < ans->cc->len; i++)
        add_rcpt(r, d->cc, d->to, g_ptr_array_index(ans->cc, i));
}

/* A Message-ID fit for a header: no space, brackets or controls. */
static bool sane_mid(const char *id)
{
    if (is_empty(id) || strlen(id) > 500)
        return false;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p <= ' ' || *p == '<' || *p == '>' || *p == 0x7f || *p == '"' || *p == ',')
            return false;
    return true;
}

static void add_ref(GPtrArray *refs, GHashTable *seen, const char *id)
{
    if (!sane_mid(id) || g_hash_table_contains(seen, id))
        return;
    g_hash_table_add(seen, (gpointer)id);
    g_ptr_array_add(refs, g_strdup(id));
}

/* References: the answered message's chain and its id; when it carries
 * none, the chain walked through In-Reply-To.  Long chains keep the root
 * and the last LU_REFS_KEEP ids. */
static void choose_threading(const struct lu_draft_req *r, struct lu_draft *d,
                             const struct lu_msg *ans)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *chain = g_ptr_array_new();

    if (sane_mid(ans->mid))
        d->in_reply_to = g_strdup(ans->mid);
    if (ans->refs->len) {
        for (guint i = 0; i < ans->refs->len; i++)
            g_ptr_array_add(chain, g_ptr_array_index(ans->refs, i));
    } else {
        GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
        const struct lu_msg *m = ans;
        for (guint i = 0; i < r->msgs->len; i++)
            g_hash_table_insert(by_id, at(r, i)->mid, at(r, i));
        /* Walk up, at most once per message (a loop of In-Reply-To ends). */
        for (guint n = 0; m && m->in_reply_to && n < r->msgs->len; n++) {
            g_ptr_array_insert(chain, 0, m->in_reply_to);
            m = g_hash_table_lookup(by_id, m->in_reply_to);
        }
        g_hash_table_destroy(by_id);
    }
    g_ptr_array_add(chain, ans->mid);
    for (guint i = 0; i < chain->len; i++) {
        const char *id = g_ptr_array_index(chain, i);
        /* Skip the middle of a long chain, but never the root. */
        if (i > 0 && i + LU_REFS_KEEP < chain->len)
            continue;
        add_ref(d->refs, seen, id);
    }
    g_ptr_array_free(chain, TRUE);
    g_hash_table_destroy(seen);
}

/* The first sentence of AN with LABEL, or NULL. */
static const char *sentence(struct lu_analysis *an, unsigned label, bool dated)
{
    for (guint i = 0; an && an->sentences && i < an->sentences->len; i++) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        if ((s->labels & label) && (!dated || (s->dates && s->dates->len)))
            return s->text;
    }
    return NULL;
}

/* The ask of message M: the sentence that expects a reply, else its
 * request, else its proposal, else its first question. */
static const char *ask_of(const struct lu_draft_req *r, struct lu_msg *m)
{
    struct lu_analysis *an = analysed(r, m);
    const char *s = NULL;

    if (an && an->expects_reply && an->sentences && an->reply_sentence >= 0 &&
        (guint)an->reply_sentence < an->sentences->len) {
        struct lu_sentence *x = g_ptr_array_index(an->sentences, an->reply_sentence);
        if (x->labels & (LU_L_REQUEST | LU_L_PROPOSAL))
            s = x->text;
    }
    if (!s)
        s = sentence(an, LU_L_REQUEST, false);
    if (!s)
        s = sentence(an, LU_L_PROPOSAL, false);
    for (guint i = 0; !s && an && an->sentences && i < an->sentences->len; i++) {
        struct lu_sentence *x = g_ptr_array_index(an->sentences, i);
        size_t n = x->text ? strlen(x->text) : 0;
        if (n && x->text[n - 1] == '?')
            s = x->text;
    }
    return s;
}

static void set_var(GHashTable *vars, const char *name, char *value)
{
    if (value && *value)
        g_hash_table_replace(vars, g_strdup(name), value);
    else
        g_free(value);
}

/* The people the draft leads (struct lu_addr*, borrowed): the author of
 * the message we answer, or the recipients of mine.  On a mailing list my
 * message went to the list: the person I answered there is whom we lead. */
static GPtrArray *people(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans)
{
    GPtrArray *p = g_ptr_array_new();
    struct lu_msg *parent = NULL;

    for (guint i = 0; ans->list_id && ans->in_reply_to && i < r->msgs->len && !parent; i++) {
        struct lu_msg *m = at(r, i);
        if (m->mid && strcmp(m->mid, ans->in_reply_to) == 0 && !mine(r, m) && m->from &&
            !is_empty(m->from->email))
            parent = m;
    }
    if (!mine(r, ans) && ans->from && !is_empty(ans->from->email))
        g_ptr_array_add(p, ans->from);
    else if (parent)
        g_ptr_array_add(p, parent->from);
    else
        for (guint i = 0; i < d->to->len; i++)
            g_ptr_array_add(p, g_ptr_array_index(d->to, i));
    return p;
}

/* How the draft greets PEOPLE: "Ann", "Ann and Bob", "all", or NULL. */
static char *greeting_names(const struct lu_draft_req *r, GPtrArray *people, enum lu_lang lang)
{
    char *a = NULL, *b = NULL, *out = NULL;

    if (people->len >= 3)
        return g_strdup(lu_lang_pack(lang)->all);
    for (guint i = 0; i < people->len; i++) {
        struct lu_addr *x = g_ptr_array_index(people, i);
        char *n = lu_draft_first_name(x->name, x->email);
        /* No usable display name: the name they sign with. */
        for (int k = (int)r->msgs->len - 1; k >= 0 && !n; k--) {
            struct lu_msg *m = at(r, k);
            if (!m->from || mine(r, m) || !lu_msg_meaningful(m) ||
                !same_addr(m->from->email, x->email))
                continue;
            if (has_body(r, m) && m->body->sig_name)
                n = lu_draft_first_name(m->body->sig_name, NULL);
            break;
        }
        if (i == 0)
            a = n;
        else
            b = n;
    }
    if (people->len == 1)
        out = g_strdup(a);
    else if (a && b)
        out = g_strdup_printf("%s %s %s", a, lu_lang_pack(lang)->and_, b);
    g_free(a);
    g_free(b);
    return out;
}

/* A phone number from the signature of one of PEOPLE. */
static char *their_phone(const struct lu_draft_req *r, GPtrArray *people)
{
    int looked = 0;

    for (int i = (int)r->msgs->len - 1; i >= 0 && looked < PHONE_LOOKS; i--) {
        struct lu_msg *m = at(r, i);
        bool theirs = false;
        if (!m->from || mine(r, m) || !lu_msg_meaningful(m))
            continue;
        for (guint k = 0; k < people->len && !theirs; k++)
            theirs =
                same_addr(m->from->email, ((struct lu_addr *)g_ptr_array_index(people, k))->email);
        if (!theirs)
            continue;
        looked++;
        if (has_body(r, m) && !is_empty(m->body->sig_phone))
            return clean(m->body->sig_phone);
    }
    return NULL;
}

/* The latest out-of-office return date among automatic answers after
 * message FROM, or 0. */
static gint64 ooo_return(const struct lu_draft_req *r, int from, gint64 *day_start)
{
    gint64 end = 0;

    for (int i = from < 0 ? 0 : from; i < (int)r->msgs->len; i++) {
        struct lu_msg *m = at(r, i);
        struct lu_analysis *an;
        if (m->autokind != LU_AUTO_REPLY)
            continue;
        an = analysed(r, m);
        if (an && an->has_return && an->ooo_return.end > end) {
            end = an->ooo_return.end;
            *day_start = an->ooo_return.start;
        }
    }
    return end;
}

/* The dated promise or agreed step the verdict rests on; *DATED says
 * whether the sentence found names a date (an undated promise of mine
 * beside my ask, thread.c rule_promise_mine, is due at the first lead-up,
 * a date I never promised). */
static const char *promise_text(const struct lu_draft_req *r, bool *dated)
{
    const struct lu_verdict *v = r->v;
    struct lu_msg *m = at(r, v->evidence >= 0 ? v->evidence : v->anchor);
    struct lu_analysis *an = analysed(r, m);
    const char *s = sentence(an, LU_L_COMMITMENT, true);

    *dated = true;
    if (!s)
        s = sentence(an, LU_L_AGREEMENT | LU_L_PROPOSAL | LU_L_COMMITMENT, true);
    if (!s) {
        s = sentence(an, LU_L_AGREEMENT | LU_L_PROPOSAL | LU_L_COMMITMENT, false);
        *dated = false;
    }
    /* A next step the user recorded says it in their words. */
    for (guint i = 0; r->decisions && i < r->decisions->len; i++) {
        struct lu_decision *x = g_ptr_array_index(r->decisions, i);
        if (x->kind == LU_D_NEXT_STEP && x->text && *x->text && v->rule == LU_R_NEXT_STEP)
            s = x->text;
    }
    return s;
}

static void add_template(struct lu_draft *d, const char *name)
{
    for (guint i = 0; i < d->templates->len; i++)
        if (strcmp(g_ptr_array_index(d->templates, i), name) == 0)
            return;
    g_ptr_array_add(d->templates, g_strdup(name));
}

/* Who owes the next move, and whether they ever answered me: the
 * templates thank for help only when there was some ({replied}) and, when
 * the move is mine ({i_owe}), promise my answer instead of asking for
 * their view. */
static void set_turn_vars(const struct lu_draft_req *r, struct lu_draft *d)
{
    int first_mine = -1, last = -1;
    bool replied = false, i_owe;

    for (guint i = 0; i < r->msgs->len; i++) {
        struct lu_msg *m = at(r, i);
        if (!lu_msg_meaningful(m))
            continue;
        last = (int)i;
        if (mine(r, m)) {
            if (first_mine < 0)
                first_mine = (int)i;
        } else if (first_mine >= 0) {
            replied = true;
        }
    }
    switch (r->v->state) {
    case LU_ST_NEEDS_REPLY:
    case LU_ST_PROMISE_MINE:
        i_owe = true;
        break;
    case LU_ST_AWAITING:
    case LU_ST_PROMISE_THEIRS:
    case LU_ST_BOUNCED:
    case LU_ST_NO_NEXT_STEP:
        i_owe = false;
        break;
    default:
        /* In no queue, closed, dormant, snoozed: whoever wrote last waits. */
        i_owe = last >= 0 && !mine(r, at(r, last));
        break;
    }
    if (replied)
        set_var(d->vars, "replied", g_strdup("yes"));
    if (i_owe)
        set_var(d->vars, "i_owe", g_strdup("yes"));
}

/* The template of each queue state that has one of its own, and why. */
static const struct {
    enum lu_state state;
    const char *name, *why;
} state_templates[] = {
    {LU_ST_NEEDS_REPLY, "needs-reply", "they asked you something: answer, with a dated next step"},
    {LU_ST_NO_NEXT_STEP, "no-next-step", "no next step with a date was agreed: propose one"},
    {LU_ST_PROMISE_THEIRS, "promise-theirs", "lead them to the step they promised or agreed"},
    {LU_ST_PROMISE_MINE, "promise-mine", "you promised something: deliver it or give a new date"},
    {LU_ST_BOUNCED, "bounced", "your message bounced: send it again to an address that works"},
    {LU_ST_DORMANT, "generic",
     "the cadence is over (dormant): a plain lead-up on the latest message"},
};

/* Awaiting: the lead-up of its stage, the last one closing the loop. */
static void awaiting_template(const struct lu_verdict *v, int max, struct lu_draft *d)
{
    if (v->sched.stage >= max) {
        add_template(d, "generic");
        d->why = g_strdup_printf("all %d lead-ups are sent and the thread goes dormant "
                                 "soon: a plain lead-up on the latest message",
                                 max);
    } else if (v->sched.stage + 1 >= max) {
        add_template(d, "awaiting-last");
        d->why = g_strdup_printf("lead-up %d of %d closes the loop: it offers an easy no "
                                 "and asks whether to stop",
                                 v->sched.stage + 1, max);
    } else {
        char *n = g_strdup_printf("awaiting-%d", v->sched.stage + 1);
        add_template(d, n);
        add_template(d, "awaiting-2");
        g_free(n);
        d->why =
            g_strdup_printf("lead-up %d of %d on your unanswered message", v->sched.stage + 1, max);
    }
}

/* Not in a queue, but the user asked: draft by who wrote last. */
static void unqueued_template(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans)
{
    const char *st = lu_state_name(r->v->state);
    bool theirs = !mine(r, ans);
    struct lu_analysis *an = lu_msg_meaningful(ans) ? analysed(r, ans) : NULL;
    bool they_wrote = false, i_wrote = false, both;

    for (guint i = 0; i < r->msgs->len; i++) {
        if (!lu_msg_meaningful(at(r, i)))
            continue;
        if (mine(r, at(r, i)))
            i_wrote = true;
        else
            they_wrote = true;
    }
    both = they_wrote && i_wrote;
    if (theirs && an && an->expects_reply) {
        add_template(d, "needs-reply");
        d->why = g_strdup_printf("%s, not in a queue: their latest message asks something", st);
    } else if (!theirs && an && an->expects_reply) {
        add_template(d, "awaiting-1");
        d->why = g_strdup_printf("%s, not in a queue: a lead-up on your latest message", st);
    } else if (both) {
        add_template(d, "no-next-step");
        d->why = g_strdup_printf("%s, not in a queue: propose a dated next step", st);
    } else {
        add_template(d, "generic");
        d->why = g_strdup_printf("%s, not in a queue: a plain lead-up on the latest message", st);
    }
}

/* Which templates the thread calls for, best first, and why. */
static void choose_template(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans)
{
    const struct lu_verdict *v = r->v;
    int max = r->cfg->max_leadups > 0 ? r->cfg->max_leadups : 3;
    size_t i = 0;

    if (r->template_name && *r->template_name) {
        add_template(d, r->template_name);
        d->why = g_strdup_printf("%s, as asked (--template)", r->template_name);
        return;
    }
    while (i < G_N_ELEMENTS(state_templates) && state_templates[i].state != v->state)
        i++;
    if (v->state == LU_ST_AWAITING) {
        awaiting_template(v, max, d);
    } else if (i < G_N_ELEMENTS(state_templates)) {
        add_template(d, state_templates[i].name);
        d->why = g_strdup(state_templates[i].why);
    } else {
        unqueued_template(r, d, ans);
    }
    add_template(d, "generic");
}

/* The language to write in: as asked, else the thread's, read from my
 * unanswered message and the one we answer, then the others, newest first,
 * until the function words tell.  Each template name gets its language's
 * version ("awaiting-1.de") tried first; the English ones stay behind them. */
static void choose_language(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans)
{
    GString *text = g_string_new(NULL);
    GPtrArray *names;
    int hits = 0;

    if (r->lang >= 0 && r->lang < LU_LANG_N) {
        d->lang = (enum lu_lang)r->lang;
    } else {
        struct lu_msg *asked =
            r->v->asked >= 0 && r->v->asked < (int)r->msgs->len ? at(r, r->v->asked) : NULL;
        struct lu_msg *first[] = {asked, ans};
        for (gsize k = 0; k < G_N_ELEMENTS(first); k++)
            if (first[k] && (k == 0 || first[k] != asked) && lu_msg_meaningful(first[k]) &&
                has_body(r, first[k]) && first[k]->body->text)
                g_string_append_printf(text, "%s\n", first[k]->body->text);
        d->lang = lu_lang_guess(text->str, &hits);
        /* A few more messages at most: a long thread must not be read whole. */
        for (int i = (int)r->msgs->len - 1, more = 0; i >= 0 && hits < 3 && more < LANG_LOOKS;
             i--) {
            struct lu_msg *m = at(r, i);
            if (m == asked || m == ans || !lu_msg_meaningful(m) || !has_body(r, m) ||
                !m->body->text)
                continue;
            more++;
            g_string_append_printf(text, "%s\n", m->body->text);
            d->lang = lu_lang_guess(text->str, &hits);
        }
    }
    g_string_free(text, TRUE);
    if (d->lang == LU_LANG_EN)
        return;
    names = d->templates;
    d->templates = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < names->len; i++)
        if (!strchr(g_ptr_array_index(names, i), '/'))
            g_ptr_array_add(d->templates,
                            g_strdup_printf("%s.%s", (char *)g_ptr_array_index(names, i),
                                            lu_lang_code(d->lang)));
    for (guint i = 0; i < names->len; i++)
        g_ptr_array_add(d->templates, g_strdup(g_ptr_array_index(names, i)));
    g_ptr_array_free(names, TRUE);
}

/* The subject of the message we answer, else the thread's; a mailing
 * list's name (answers come in writing there, not in a call). */
static void set_subject_vars(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans)
{
    const char *subj = ans->subject;

    for (int i = (int)r->msgs->len - 1; i >= 0 && is_empty(subj); i--)
        subj = at(r, i)->subject;
    d->subject = lu_draft_subject(subj);
    set_var(d->vars, "subject", clean(subj));
    set_var(d->vars, "topic", lu_draft_topic(subj));
    for (guint i = 0; i < r->msgs->len; i++)
        if (at(r, i)->list_id) {
            set_var(d->vars, "list", lu_clean_line(at(r, i)->list_id));
            break;
        }
}

/* The open ask: my first unanswered message's request (leading myself),
 * else the request of the message we answer. */
static void set_ask_vars(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans,
                         GTimeZone *tz)
{
    const struct lu_verdict *v = r->v;
    struct lu_msg *asked = NULL;
    const char *ask = NULL;

    if (v->state == LU_ST_AWAITING || v->state == LU_ST_DORMANT || v->state == LU_ST_BOUNCED) {
        int from = v->asked >= 0 ? v->asked : d->answer;
        for (int i = from; i <= d->answer && !ask; i++) {
            struct lu_msg *m = at(r, i);
            if (!mine(r, m) || !lu_msg_meaningful(m))
                continue;
            ask = ask_of(r, m);
            if (ask)
                asked = m;
        }
    }
    if (!ask && lu_msg_meaningful(ans)) {
        ask = ask_of(r, ans);
        asked = ans;
    }
    if (!asked)
        asked = v->state == LU_ST_AWAITING && v->asked >= 0 ? at(r, v->asked) : ans;
    set_var(d->vars, "ask", ask ? shorten(ask, ASK_MAX) : NULL);
    set_var(d->vars, "asked_date", lu_draft_when(asked->date, tz, r->now, false, d->lang));
    set_var(d->vars, "last_date", lu_draft_when(ans->date, tz, r->now, false, d->lang));
}

/* Promises (the sentence and the date it falls due), an out-of-office
 * return date, and the slots proposed for the next step after both. */
static void set_date_vars(const struct lu_draft_req *r, struct lu_draft *d, GTimeZone *tz)
{
    const struct lu_verdict *v = r->v;
    gint64 not_before = 0, ret_start = 0, ret_end;
    GDateTime *l;

    if (v->state == LU_ST_PROMISE_MINE || v->state == LU_ST_PROMISE_THEIRS) {
        bool dated;
        const char *p = promise_text(r, &dated);
        set_var(d->vars, "promise", p ? shorten(p, ASK_MAX) : NULL);
        /* my undated promise: "I promised you this", no date I never gave */
        if (v->sched.due_at && (dated || v->rule != LU_R_PROMISE_MINE))
            set_var(d->vars, "promise_by",
                    lu_draft_when(v->sched.due_at, tz, r->now, false, d->lang));
        /* Not due yet: propose the step after the promised date. */
        if (v->sched.due_at > r->now)
            not_before = v->sched.due_at;
    }
    /* An out-of-office return date moves the next step after it. */
    ret_end = ooo_return(r, v->asked >= 0 ? v->asked : d->answer, &ret_start);
    if (ret_end > 0) {
        set_var(d->vars, "return_date", lu_draft_when(ret_start, tz, r->now, false, d->lang));
        if (ret_end + 1 > not_before)
            not_before = ret_end + 1;
    }
    d->slot = lu_draft_slot(&r->cfg->cal, r->now, not_before);
    set_var(d->vars, "slot", lu_draft_when(d->slot, tz, r->now, true, d->lang));
    set_var(d->vars, "slot_day", lu_draft_when(d->slot, tz, r->now, false, d->lang));
    l = lu_local_time(d->slot, tz);
    set_var(d->vars, "slot_time",
            g_strdup_printf("%02d:%02d", g_date_time_get_hour(l), g_date_time_get_minute(l)));
    g_date_time_unref(l);
    /* A second choice on another day, the other time of day. */
    set_var(d->vars, "slot2",
            lu_draft_when(slot_at_or_after(&r->cfg->cal, d->slot + 28 * 3600), tz, r->now, true,
                          d->lang));
}

/* Whom I write to, and who I am: names, address, phone; whose move it is. */
static void set_people_vars(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans)
{
    GPtrArray *who = people(r, d, ans);
    char *s;

    set_var(d->vars, "first_name", greeting_names(r, who, d->lang));
    if (who->len) {
        struct lu_addr *a = g_ptr_array_index(who, 0);
        set_var(d->vars, "their_name", clean(a->name ? a->name : a->email));
        set_var(d->vars, "their_email", clean(a->email));
    }
    set_var(d->vars, "their_phone", their_phone(r, who));
    g_ptr_array_free(who, TRUE);
    s = d->from && d->from->name ? clean(d->from->name) : NULL;
    /* No name configured or in my From: the one I sign with. */
    for (int i = (int)r->msgs->len - 1; i >= 0 && is_empty(s); i--) {
        struct lu_msg *m = at(r, i);
        if (!mine(r, m) || !lu_msg_meaningful(m))
            continue;
        if (has_body(r, m) && !is_empty(m->body->sig_name)) {
            g_free(s);
            s = clean(m->body->sig_name);
        }
        break;
    }
    if (!is_empty(s)) {
        char *sp = strchr(s, ' ');
        set_var(d->vars, "my_first_name", sp ? g_strndup(s, sp - s) : g_strdup(s));
    }
    set_var(d->vars, "my_name", s);
    set_turn_vars(r, d);
    if (r->v->state == LU_ST_AWAITING || r->v->state == LU_ST_DORMANT)
        set_var(d->vars, "stage", g_strdup_printf("%d", r->v->sched.stage + 1));
}

/* The message we answer, quoted below the draft (config, off by default). */
static void quote_answer(const struct lu_draft_req *r, struct lu_draft *d, struct lu_msg *ans,
                         GTimeZone *tz)
{
    GString *q;
    char **lines, *when, *author;
    int n = 0;

    if (!r->quote || !lu_msg_meaningful(ans) || !has_body(r, ans) || is_empty(ans->body->text))
        return;
    q = g_string_new(NULL);
    lines = g_strsplit(ans->body->text, "\n", -1);
    when = lu_draft_when(ans->date, tz, r->now, false, d->lang);
    author = clean(ans->from ? (ans->from->name ? ans->from->name : ans->from->email) : "you");
    if (mine(r, ans))
        g_string_printf(q, lu_lang_pack(d->lang)->i_wrote, when);
    else
        g_string_printf(q, lu_lang_pack(d->lang)->wrote, when, author);
    g_string_append_c(q, '\n');
    for (int i = 0; lines[i] && n < QUOTE_LINES; i++, n++) {
        char *c = clean(lines[i]);
        g_string_append_printf(q, ">%s%s\n", *c ? " " : "", c);
        g_free(c);
    }
    if (lines[0] && g_strv_length(lines) > QUOTE_LINES)
        g_string_append(q, "> [...]\n");
    d->quote = g_string_free(q, FALSE);
    g_strfreev(lines);
    g_free(author);
    g_free(when);
}

/* What the user should know before sending. */
static void add_notes(const struct lu_draft_req *r, struct lu_draft *d)
{
    if (r->v->state == LU_ST_BOUNCED)
        note(d->notes, "your message to %s bounced: check the address before sending",
             d->to->len ? ((struct lu_addr *)g_ptr_array_index(d->to, 0))->email : "them");
    if (d->to->len == 0)
        note(d->notes, "the draft has no recipient: add one before sending");
    if (!d->from)
        note(d->notes, "no address of yours is known: set user.primary_email in notmuch's config");
    for (guint i = 0; i < d->to->len; i++) {
        struct lu_addr *a = g_ptr_array_index(d->to, i);
        if (lu_addr_is_noreply(a->email, r->cfg->noreply))
            note(d->notes, "%s looks like an address nobody reads", a->email);
    }
}

void lu_draft_plan(const struct lu_draft_req *r, struct lu_draft *d)
{
    GTimeZone *tz = cal_tz(&r->cfg->cal);
    struct lu_msg *ans;
    GDateTime *l;

    memset(d, 0, sizeof *d);
    d->templates = g_ptr_array_new_with_free_func(g_free);
    d->to = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    d->cc = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    d->refs = g_ptr_array_new_with_free_func(g_free);
    d->vars = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    d->notes = g_ptr_array_new_with_free_func(g_free);
    d->answer = -1;
    d->date = r->now;
    l = lu_local_time(r->now, tz);
    d->date_off = (int)(g_date_time_get_utc_offset(l) / G_USEC_PER_SEC);
    g_date_time_unref(l);
    if (!r->msgs || r->msgs->len == 0)
        goto out;

    d->answer = answered_index(r);
    ans = at(r, d->answer);
    choose_template(r, d, ans);
    choose_language(r, d, ans);
    choose_from(r, d);
    choose_recipients(r, d, ans);
    choose_threading(r, d, ans);
    set_subject_vars(r, d, ans);
    set_ask_vars(r, d, ans, tz);
    set_date_vars(r, d, tz);
    set_people_vars(r, d, ans);
    quote_answer(r, d, ans, tz);
    add_notes(r, d);
out:
    g_time_zone_unref(tz);
}

const char *lu_draft_caution(const struct lu_draft_req *r, const struct lu_draft *d,
                             const char **noreply)
{
    *noreply = NULL;
    for (guint i = 0; d->to && i < d->to->len && !*noreply; i++) {
        struct lu_addr *a = g_ptr_array_index(d->to, i);
        if (lu_addr_is_noreply(a->email, r->cfg->noreply))
            *noreply = a->email;
    }
    if (*noreply)
        return "the recipient is a no-reply address: nobody reads what is sent there";
    switch (r->v->state) {
    case LU_ST_DORMANT:
        return "the thread is dormant: every lead-up of the cadence is sent, another rarely helps";
    case LU_ST_CLOSED:
        return "the thread is closed: they declined, or you marked it done";
    case LU_ST_MUTED:
        return "the thread is muted: leadup does not track it";
    case LU_ST_NONE:
        if (g_hash_table_contains(d->vars, "list") && !g_hash_table_contains(d->vars, "i_owe"))
            return "a list thread in no queue where you owe nothing: nobody waits for this";
        return "the thread is in no queue: nobody waits for a lead-up here";
    default:
        return NULL;
    }
}

void lu_draft_render(struct lu_draft *d, const char *name, const char *tmpl)
{
    char *body = lu_draft_fill(tmpl, d->vars, d->notes);

    g_free(d->template_name);
    d->template_name = g_strdup(name);
    g_free(d->body);
    if (!*body)
        note(d->notes, "template %s gave no text", name);
    if (d->quote && *d->quote) {
        char *q = lu_draft_wrap(d->quote, WRAP_WIDTH);
        d->body = g_strconcat(body, *body ? "\n" : "", q, NULL);
        g_free(q);
        g_free(body);
    } else {
        d->body = body;
    }
}

void lu_draft_clear(struct lu_draft *d)
{
    LU_FREE_EACH(g_ptr_array_unref, d->templates, d->to, d->cc, d->refs, d->notes);
    lu_addr_free(d->from);
    g_clear_pointer(&d->vars, g_hash_table_destroy);
    LU_FREE_EACH(g_free, d->template_name, d->why, d->subject, d->in_reply_to, d->quote, d->body);
    memset(d, 0, sizeof *d);
    d->answer = -1;
}
