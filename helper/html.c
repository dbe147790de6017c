/* html.c - a small, forgiving HTML-to-text renderer for mail bodies.
 *
 * One pass over the input, no tree: block elements end the current line,
 * <br> forces one, <p> and headings leave a blank line, <li> starts "- ",
 * white space collapses like a browser, entities are decoded.  Quoted
 * material is rendered the way a mail client quotes plain text, so body.c
 * removes it with the same rules as plain text:
 *   - <blockquote> (Gmail, Apple Mail, Thunderbird, ...) and Yahoo's
 *     <div class="yahoo_quoted">, Thunderbird's <div class="moz-cite-prefix">
 *     (its attribution line) become "> " lines for as long as they are open;
 *   - Outlook's reply header (<div id="divRplyFwdMsg">, the desktop client's
 *     <div style="border-top:solid #E1E1E1 ...">, older #B5C4DF, Hotmail's
 *     <hr id="stopSpelling">) starts a quote that runs to the end, because
 *     Outlook puts the old message after the header, not inside it.
 * Gmail's <div class="gmail_quote"> needs no rule of its own: its quote is a
 * <blockquote> and its attribution ("On ... wrote:") is a line body.c knows;
 * keeping the div's other content keeps the user's inline answers, which
 * Gmail places between the split blockquotes inside that div.
 * Gmail's <div class="gmail_signature"> and Outlook on the web's
 * <div id="Signature"> get a "-- " line before them, as Gmail's own
 * text/plain part has.
 *
 * Robustness: unclosed tags, comments or quotes run to the end of the input
 * and are dropped (what browsers do); a '<' that cannot start a tag is text;
 * misnested close tags are ignored.  Every byte is looked at a bounded number
 * of times, so the cost is linear even for hostile input. */
#include "leadup.h"

#include <string.h>

/* Deeper quote levels add nothing for body.c and would make the output
 * quadratic for thousands of unclosed <blockquote>s. */
#define MAX_QUOTE 8

struct conv {
    GString *out;    /* finished lines */
    GString *line;   /* the current line, without its quote prefix */
    bool space;      /* a collapsible space is pending */
    bool para;       /* a blank line is wanted before the next content */
    bool last_blank; /* the last finished line was blank (or nothing was written) */
    int quote;       /* open <blockquote>s and quoting <div>s */
    bool quote_rest; /* an Outlook reply header started: quote to the end */
    int pre;         /* open <pre>s: white space is kept */
    bool mso_p;      /* the open <p> is Outlook's margin-less MsoNormal */
    GArray *divs;    /* guint8 per open <div>: 1 when it opened a quote level */
};

static void put_prefix(struct conv *c)
{
    int depth = c->quote + (c->quote_rest ? 1 : 0);

    if (depth > MAX_QUOTE)
        depth = MAX_QUOTE;
    for (int i = 0; i < depth; i++)
        g_string_append(c->out, "> ");
}

/* Ends the current line.  An empty line is written only when FORCE (a <br>
 * or a paragraph gap), never at the start and never twice in a row. */
static void end_line(struct conv *c, bool force)
{
    gsize n = c->line->len;

    while (n > 0 && c->line->str[n - 1] == ' ')
        n--;
    if (n == 0 && (!force || c->last_blank)) {
        g_string_truncate(c->line, 0);
        c->space = false;
        return;
    }
    put_prefix(c);
    g_string_append_len(c->out, c->line->str, n);
    /* "> " on a blank quoted line becomes ">". */
    while (c->out->len > 0 && c->out->str[c->out->len - 1] == ' ')
        g_string_truncate(c->out, c->out->len - 1);
    g_string_append_c(c->out, '\n');
    c->last_blank = n == 0;
    g_string_truncate(c->line, 0);
    c->space = false;
}

/* A block boundary: finish a line that has content (a line of no-break
 * spaces counts: it is written as a blank line). */
static void block(struct conv *c)
{
    if (c->line->len > 0)
        end_line(c, true);
    c->space = false;
}

static void paragraph(struct conv *c)
{
    block(c);
    c->para = true;
}

/* Called before visible content is added to the line. */
static void content(struct conv *c)
{
    if (c->para) {
        c->para = false;
        if (c->line->len == 0)
            end_line(c, true);
    }
    if (c->space && c->line->len > 0)
        g_string_append_c(c->line, ' ');
    c->space = false;
}

/* Adds one character of text. */
static void put_char(struct conv *c, gunichar u)
{
    if (u == 0 || u == 0x200B || u == 0xFEFF || u == 0xAD || u == '\r')
        return; /* invisible: zero-width space, BOM, soft hyphen */
    if (u == '\n' && c->pre > 0) {
        content(c);
        end_line(c, true);
        return;
    }
    if (u == ' ' || u == '\t' || u == '\n' || u == '\f' || u == '\v') {
        if (c->pre > 0) {
            content(c);
            g_string_append_c(c->line, u == '\t' ? '\t' : ' ');
        } else {
            c->space = true;
        }
        return;
    }
    content(c);
    if (u == 0xA0) {
        /* A no-break space is content (so <p>&nbsp;</p> is a blank line,
         * Outlook's way of writing one) but reads as a plain space. */
        g_string_append_c(c->line, ' ');
        return;
    }
    g_string_append_unichar(c->line, u);
}

struct entity {
    const char *name;
    gunichar u;
};

/* The entities mail actually uses; anything else stays as written. */
static const struct entity entities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"ensp", ' '},      {"emsp", ' '},
    {"thinsp", ' '},   {"zwnj", 0x200C},   {"zwj", 0x200D},    {"shy", 0xAD},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},  {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A}, {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"laquo", 0xAB},   {"raquo", 0xBB},    {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"bull", 0x2022},  {"middot", 0xB7},   {"euro", 0x20AC},   {"pound", 0xA3},
    {"yen", 0xA5},     {"cent", 0xA2},     {"deg", 0xB0},      {"times", 0xD7},
    {"divide", 0xF7},  {"plusmn", 0xB1},   {"sect", 0xA7},     {"para", 0xB6},
    {"iexcl", 0xA1},   {"iquest", 0xBF},   {"ordf", 0xAA},     {"ordm", 0xBA},
    {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},   {"micro", 0xB5},
    {"szlig", 0xDF},   {"auml", 0xE4},     {"ouml", 0xF6},     {"uuml", 0xFC},
    {"Auml", 0xC4},    {"Ouml", 0xD6},     {"Uuml", 0xDC},     {"agrave", 0xE0},
    {"aacute", 0xE1},  {"acirc", 0xE2},    {"atilde", 0xE3},   {"aring", 0xE5},
    {"aelig", 0xE6},   {"ccedil", 0xE7},   {"egrave", 0xE8},   {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"euml", 0xEB},     {"igrave", 0xEC},   {"iacute", 0xED},
    {"icirc", 0xEE},   {"iuml", 0xEF},     {"ntilde", 0xF1},   {"ograve", 0xF2},
    {"oacute", 0xF3},  {"ocirc", 0xF4},    {"otilde", 0xF5},   {"oslash", 0xF8},
    {"ugrave", 0xF9},  {"uacute", 0xFA},   {"ucirc", 0xFB},    {"yuml", 0xFF},
    {"Agrave", 0xC0},  {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Atilde", 0xC3},
    {"Aring", 0xC5},   {"AElig", 0xC6},    {"Ccedil", 0xC7},   {"Egrave", 0xC8},
    {"Eacute", 0xC9},  {"Ecirc", 0xCA},    {"Euml", 0xCB},     {"Igrave", 0xCC},
    {"Iacute", 0xCD},  {"Icirc", 0xCE},    {"Iuml", 0xCF},     {"Ntilde", 0xD1},
    {"Ograve", 0xD2},  {"Oacute", 0xD3},   {"Ocirc", 0xD4},    {"Otilde", 0xD5},
    {"Oslash", 0xD8},  {"Ugrave", 0xD9},   {"Uacute", 0xDA},   {"Ucirc", 0xDB},
    {"oelig", 0x153},  {"OElig", 0x152},   {"scaron", 0x161},  {"Scaron", 0x160},
    {"larr", 0x2190},  {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},
    {"check", 0x2713}, {"hearts", 0x2665}, {"minus", 0x2212},  {"prime", 0x2032},
};

/* Windows-1252 meanings of &#128;..&#159;, as browsers read them. */
static const gunichar cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* Decodes the entity at P ('&').  Returns the bytes consumed and sets *U,
 * or 0 when P does not start a known entity (the '&' is then text). */
static gsize entity(const char *p, gunichar *u)
{
    const char *q = p + 1;
    gsize ret = 0;

    if (*q == '#') {
        guint64 v = 0;
        int base = 10, digits = 0;

        q++;
        if (*q == 'x' || *q == 'X') {
            base = 16;
            q++;
        }
        for (; g_ascii_isxdigit(*q) && (base == 16 || g_ascii_isdigit(*q)); q++, digits++) {
            if (v <= 0x10FFFF)
                v = v * base + (guint64)g_ascii_xdigit_value(*q);
        }
        if (digits == 0)
            goto out;
        if (*q == ';')
            q++;
        if (v >= 0x80 && v < 0xA0)
            v = cp1252[v - 0x80];
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
            v = 0xFFFD;
        *u = (gunichar)v;
        ret = (gsize)(q - p);
        goto out;
    }
    {
        char name[12];
        gsize n = 0;

        while (n < sizeof name - 1 && g_ascii_isalnum(q[n])) {
            name[n] = q[n];
            n++;
        }
        name[n] = '\0';
        if (n == 0)
            goto out;
        for (gsize i = 0; i < G_N_ELEMENTS(entities); i++) {
            if (strcmp(entities[i].name, name) != 0)
                continue;
            /* Browsers accept the old five without ';' too ("&amp", "&nbsp"). */
            if (q[n] != ';' && i > 5)
                goto out;
            *u = entities[i].u;
            ret = 1 + n + (q[n] == ';');
            goto out;
        }
    }
out:
    return ret;
}

/* A tag as parsed: lower-case name and the attributes body.c's rules need
 * (pointers into the input, not NUL-terminated). */
struct tag {
    char name[16];
    bool end;   /* </name> */
    bool empty; /* <name/> */
    const char *cls, *id, *style;
    gsize cls_len, id_len, style_len;
};

/* Case-insensitive search for NEEDLE (lower-case ASCII) in S[0..LEN). */
static bool has(const char *s, gsize len, const char *needle)
{
    gsize n = strlen(needle);

    for (gsize i = 0; s && n <= len && i <= len - n; i++) {
        if (g_ascii_strncasecmp(s + i, needle, n) == 0)
            return true;
    }
    return false;
}

/* Outlook desktop's reply header: a div whose top border is the light grey
 * rule (#E1E1E1, older versions #B5C4DF).  Spaces in the style are ignored. */
static bool outlook_border(const char *s, gsize len)
{
    char buf[512];
    gsize n = 0;
    bool ret = false;

    for (gsize i = 0; i < len && n < sizeof buf - 1; i++) {
        if (!g_ascii_isspace(s[i]))
            buf[n++] = g_ascii_tolower(s[i]);
    }
    buf[n] = '\0';
    if (strstr(buf, "border-top:solid#e1e1e1") || strstr(buf, "border-top:solid#b5c4df") ||
        strstr(buf, "border-top:1ptsolid#e1e1e1") || strstr(buf, "border-top:1ptsolid#b5c4df"))
        ret = true;
    return ret;
}

/* Parses the tag starting at P ('<' followed by a letter or "/letter").
 * Returns the position after its '>' (or the end of the input). */
static const char *parse_tag(const char *p, struct tag *t)
{
    gsize n = 0;

    memset(t, 0, sizeof *t);
    p++;
    if (*p == '/') {
        t->end = true;
        p++;
    }
    while (g_ascii_isalnum(*p) || *p == ':' || *p == '-' || *p == '_') {
        if (n < sizeof t->name - 1)
            t->name[n++] = g_ascii_tolower(*p);
        else
            t->name[0] = '?'; /* too long: no element we know */
        p++;
    }
    t->name[n] = '\0';
    for (;;) {
        const char *an, *v = NULL;
        gsize anl, vl = 0;

        while (g_ascii_isspace(*p) || *p == '/') {
            if (*p == '/' && p[1] == '>')
                t->empty = true;
            p++;
        }
        if (*p == '\0')
            break;
        if (*p == '>') {
            p++;
            break;
        }
        an = p;
        while (*p && !g_ascii_isspace(*p) && *p != '=' && *p != '>' && *p != '/')
            p++;
        if (p == an)
            p++; /* a stray character such as '=' */
        anl = (gsize)(p - an);
        while (g_ascii_isspace(*p))
            p++;
        if (*p == '=') {
            p++;
            while (g_ascii_isspace(*p))
                p++;
            if (*p == '"' || *p == '\'') {
                char q = *p++;
                const char *e = strchr(p, q);

                if (!e)
                    e = p + strlen(p);
                v = p;
                vl = (gsize)(e - p);
                p = *e ? e + 1 : e;
            } else {
                v = p;
                while (*p && !g_ascii_isspace(*p) && *p != '>')
                    p++;
                vl = (gsize)(p - v);
            }
        }
        if (t->end || !v)
            continue;
        if (anl == 5 && g_ascii_strncasecmp(an, "class", 5) == 0) {
            t->cls = v;
            t->cls_len = vl;
        } else if (anl == 2 && g_ascii_strncasecmp(an, "id", 2) == 0) {
            t->id = v;
            t->id_len = vl;
        } else if (anl == 5 && g_ascii_strncasecmp(an, "style", 5) == 0) {
            t->style = v;
            t->style_len = vl;
        }
    }
    return p;
}

/* Elements whose content is never shown. */
static bool is_raw(const char *name)
{
    return strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
           strcmp(name, "title") == 0 || strcmp(name, "template") == 0 ||
           strcmp(name, "xml") == 0 || strcmp(name, "iframe") == 0 || strcmp(name, "object") == 0 ||
           strcmp(name, "svg") == 0;
}

/* Skips to after </NAME ...>, or to the end of the input. */
static const char *skip_raw(const char *p, const char *name)
{
    gsize n = strlen(name);

    while ((p = strchr(p, '<')) != NULL) {
        if (p[1] == '/' && g_ascii_strncasecmp(p + 2, name, n) == 0 && !g_ascii_isalnum(p[2 + n])) {
            const char *e = strchr(p, '>');
            return e ? e + 1 : p + strlen(p);
        }
        p++;
    }
    return NULL;
}

static bool name_in(const char *name, const char *const *set)
{
    for (; *set; set++) {
        if (strcmp(name, *set) == 0)
            return true;
    }
    return false;
}

static const char *const para_elems[] = {"p",  "h1", "h2", "h3",  "h4",      "h5",     "h6",
                                         "ul", "ol", "dl", "pre", "address", "figure", NULL};
static const char *const block_elems[] = {
    "div",     "li",       "tr",         "td",      "th",     "dt",       "dd",         "table",
    "tbody",   "thead",    "tfoot",      "caption", "center", "section",  "article",    "header",
    "footer",  "nav",      "aside",      "main",    "form",   "fieldset", "legend",     "details",
    "summary", "option",   "body",       "html",    "hr",     "menu",     "figcaption", "frameset",
    "frame",   "noscript", "blockquote", NULL};

static void start_tag(struct conv *c, const struct tag *t)
{
    const char *n = t->name;

    if (strcmp(n, "br") == 0) {
        content(c);
        end_line(c, true);
        return;
    }
    if (strcmp(n, "p") == 0)
        c->mso_p = has(t->cls, t->cls_len, "msonormal");
    if (strcmp(n, "p") == 0 && c->mso_p) {
        /* Outlook's paragraphs have no margin: one line each; its blank
         * lines are explicit <p>&nbsp;</p>. */
        block(c);
    } else if (name_in(n, para_elems)) {
        paragraph(c);
    } else if (name_in(n, block_elems)) {
        block(c);
    }
    if ((strcmp(n, "div") == 0 || strcmp(n, "hr") == 0 || strcmp(n, "p") == 0) && !c->quote_rest) {
        if (has(t->id, t->id_len, "divrplyfwdmsg") || has(t->id, t->id_len, "appendonsend") ||
            has(t->id, t->id_len, "stopspelling") || outlook_border(t->style, t->style_len))
            c->quote_rest = true;
    }
    if (strcmp(n, "blockquote") == 0) {
        c->quote++;
    } else if (strcmp(n, "div") == 0 && !t->empty) {
        guint8 q =
            has(t->cls, t->cls_len, "yahoo_quoted") || has(t->cls, t->cls_len, "moz-cite-prefix");
        if (q)
            c->quote++;
        g_array_append_val(c->divs, q);
        if (has(t->cls, t->cls_len, "gmail_signature") ||
            (t->id_len == 9 && g_ascii_strncasecmp(t->id, "signature", 9) == 0)) {
            block(c);
            c->para = false;
            /* Gmail often writes the "-- " itself (gmail_signature_prefix). */
            if (!g_str_has_suffix(c->out->str, "--\n")) {
                put_prefix(c);
                g_string_append(c->out, "-- \n");
                c->last_blank = false;
            }
        }
    } else if (strcmp(n, "li") == 0) {
        content(c);
        g_string_append(c->line, "- ");
    } else if (strcmp(n, "pre") == 0) {
        c->pre++;
    }
}

static void end_tag(struct conv *c, const struct tag *t)
{
    const char *n = t->name;

    if (strcmp(n, "br") == 0) {
        /* Browsers read a stray </br> as <br>. */
        start_tag(c, t);
        return;
    }
    if (strcmp(n, "p") == 0 && c->mso_p)
        block(c);
    else if (name_in(n, para_elems))
        paragraph(c);
    else if (name_in(n, block_elems))
        block(c);
    if (strcmp(n, "blockquote") == 0) {
        if (c->quote > 0)
            c->quote--;
    } else if (strcmp(n, "div") == 0) {
        if (c->divs->len > 0) {
            guint8 q = g_array_index(c->divs, guint8, c->divs->len - 1);
            g_array_set_size(c->divs, c->divs->len - 1);
            if (q && c->quote > 0)
                c->quote--;
        }
    } else if (strcmp(n, "pre") == 0) {
        if (c->pre > 0)
            c->pre--;
    }
}

char *lu_html_to_text(const char *html)
{
    struct conv c = {0};
    char *fixed = NULL;
    const char *p;
    gsize len;

    if (!html)
        html = "";
    if (!g_utf8_validate(html, -1, NULL))
        html = fixed = g_utf8_make_valid(html, -1);
    c.out = g_string_sized_new(strlen(html) / 2 + 16);
    c.line = g_string_new(NULL);
    c.divs = g_array_new(FALSE, FALSE, sizeof(guint8));
    c.last_blank = true;
    p = html;
    while (*p) {
        if (*p == '<') {
            if (p[1] == '!' && p[2] == '-' && p[3] == '-') {
                const char *e = strstr(p + 4, "-->");
                p = e ? e + 3 : p + strlen(p);
            } else if (p[1] == '!' || p[1] == '?') {
                const char *e = strchr(p, '>');
                p = e ? e + 1 : p + strlen(p);
            } else if (g_ascii_isalpha(p[1]) || (p[1] == '/' && g_ascii_isalpha(p[2]))) {
                struct tag t;
                p = parse_tag(p, &t);
                if (t.end) {
                    end_tag(&c, &t);
                } else {
                    start_tag(&c, &t);
                    if (is_raw(t.name) && !t.empty) {
                        const char *e = skip_raw(p, t.name);
                        p = e ? e : p + strlen(p);
                    }
                }
            } else {
                put_char(&c, '<');
                p++;
            }
        } else if (*p == '&') {
            gunichar u;
            gsize n = entity(p, &u);
            if (n > 0) {
                put_char(&c, u);
                p += n;
            } else {
                put_char(&c, '&');
                p++;
            }
        } else {
            put_char(&c, g_utf8_get_char(p));
            p = g_utf8_next_char(p);
        }
    }
    block(&c);
    /* Drop trailing blank lines, quoted (">") or not. */
    len = c.out->len;
    for (;;) {
        gsize l;
        while (len > 0 && c.out->str[len - 1] == '\n')
            len--;
        l = len;
        while (l > 0 && c.out->str[l - 1] != '\n')
            l--;
        if (len == l || strspn(c.out->str + l, "> ") < len - l)
            break;
        len = l;
    }
    g_string_truncate(c.out, len);
    g_string_free(c.line, TRUE);
    g_array_unref(c.divs);
    g_free(fixed);
    return g_string_free(c.out, FALSE);
}
