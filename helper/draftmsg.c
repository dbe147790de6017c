/* draftmsg.c - a draft serialised by hand in the common case.
 *
 * Why: lu_mime_draft (mime.c) builds a GMime message to write the draft:
 * GMime's start, the objects and their release were 0.63 M instructions
 * of `leadup draft` on a thread of 61 (issue 14), 4% of it.  Why not in
 * mime.c: mime.c is part of the analyser's digest (Makefile
 * ANALYSER_SRCS), so a change there has every user read every message
 * again.  What is written by hand is only what GMime writes unchanged:
 * ASCII names of letters, digits, spaces and hyphens, plain addresses, a
 * subject and lines short enough not to fold, a 7bit body; anything
 * else goes to lu_mime_draft.  tests/unit/draftmsg-test holds the two to
 * the same bytes.  Likewise an address compared with mine without
 * identity.c's allocation (identity.c is in the analyser's digest too). */
#include "draftmsg.h"

#include <string.h>

/* GMime folds header lines longer than this (GMIME_FOLD_LEN). */
#define FOLD_LEN 78

static bool plain_email(const char *s)
{
    const char *at = s ? strchr(s, '@') : NULL;

    if (!at || at == s || !at[1] || strchr(at + 1, '@'))
        return false;
    for (const char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr(p < at ? "._+-" : "@.-", *p))
            return false;
    /* a domain with "--" may be punycode ("xn--"), which GMime decodes:
     * "xn--a" to a control character it then writes (fuzz-draft); addr.c's
     * plain_addr_spec has the same rule for what GMime reads, not called
     * here because addr.c is in the analyser's digest (see the top) */
    return s[0] != '.' && at[-1] != '.' && at[1] != '.' && !strstr(s, "..") && !strstr(at, "--") &&
           s[strlen(s) - 1] != '.';
}

/* A name GMime writes as it is: words of letters, digits and hyphens
 * one space apart. */
static bool plain_name(const char *s)
{
    if (!s || !*s)
        return true;
    if (*s == ' ' || s[strlen(s) - 1] == ' ' || strstr(s, "  "))
        return false;
    for (const char *p = s; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != ' ' && *p != '-')
            return false;
    return true;
}

/* Printable ASCII, words one space apart, no encoded-word: an
 * unstructured value GMime writes as it is. */
static bool plain_text(const char *s)
{
    if (!s || !*s || *s == ' ' || s[strlen(s) - 1] == ' ' || strstr(s, "  ") || strstr(s, "=?"))
        return false;
    for (const char *p = s; *p; p++)
        if (*p < 0x20 || *p > 0x7e)
            return false;
    return true;
}

/* Whether S[0..N) is a dot-atom of letters, digits and "-_+=". */
static bool dot_atom(const char *s, gsize n)
{
    if (!n || s[0] == '.' || s[n - 1] == '.')
        return false;
    for (gsize i = 0; i < n; i++)
        if (!g_ascii_isalnum(s[i]) && !strchr("-_+=.", s[i]))
            return false;
        else if (s[i] == '.' && s[i + 1] == '.')
            return false;
    return true;
}

/* A Message-ID of draft.c's (without <>) GMime writes as it is: a
 * dot-atom on each side of one '@' (GMime drops what it cannot parse). */
static bool plain_id(const char *s)
{
    const char *at = s ? strchr(s, '@') : NULL;

    return at && !strchr(at + 1, '@') && dot_atom(s, at - s) && dot_atom(at + 1, strlen(at + 1));
}

bool lu_draft_body_7bit(const char *body)
{
    const char *line = body;

    for (const char *p = body;; p++) {
        if (*p == '\n' || !*p) {
            size_t n = p - line;
            if (n > 78 || (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) ||
                (n >= 5 && !strncmp(line, "From ", 5)) || (n && line[0] == '.'))
                return false;
            if (!*p)
                break;
            line = p + 1;
        } else if ((unsigned char)*p >= 0x80 || (*p < 0x20 && *p != '\t')) {
            return false;
        }
    }
    return true;
}

/* "Name <email>" or "email" appended to OUT. */
static void put_addr(GString *out, const struct lu_addr *a)
{
    if (a->name && *a->name)
        g_string_append_printf(out, "%s <%s>", a->name, a->email);
    else
        g_string_append(out, a->email);
}

/* The header line FIELD of LIST's addresses, or false when one is not
 * plain or the line would fold.  Nothing written for an empty LIST. */
static bool put_addrs(GString *out, const char *field, const GPtrArray *list)
{
    gsize start = out->len;
    guint n = 0;

    for (guint i = 0; list && i < list->len; i++) {
        const struct lu_addr *a = g_ptr_array_index(list, i);
        if (!a || !a->email || !*a->email)
            continue;
        if (!plain_email(a->email) || !plain_name(a->name))
            return false;
        g_string_append(out, n++ ? ", " : field);
        put_addr(out, a);
    }
    if (n)
        g_string_append_c(out, '\n');
    return out->len - start <= FOLD_LEN - 8; /* well inside the fold */
}

bool lu_draft_plain(const struct lu_draft *d)
{
    GString *s = g_string_new(NULL);
    bool ok = d->from && d->from->email && *d->from->email && put_addrs(s, "To: ", d->to) &&
              put_addrs(s, "Cc: ", d->cc) && plain_email(d->from->email) &&
              plain_name(d->from->name) && plain_text(d->subject) &&
              strlen(d->subject) <= FOLD_LEN - 20 && d->body && *d->body &&
              lu_draft_body_7bit(d->body) &&
              (!d->in_reply_to || !*d->in_reply_to ||
               (plain_id(d->in_reply_to) && strlen(d->in_reply_to) <= FOLD_LEN - 20)) &&
              d->date_off % 60 == 0 && d->date_off > -24 * 3600 && d->date_off < 24 * 3600;

    for (guint i = 0; ok && d->refs && i < d->refs->len; i++) {
        const char *r = g_ptr_array_index(d->refs, i);
        ok = plain_id(r) && strlen(r) <= FOLD_LEN - 20;
    }
    g_string_free(s, TRUE);
    return ok;
}

/* GMime's date (g_mime_utils_header_format_date): "Mon, 23 Nov 2026
 * 09:00:00 +0000" in D's offset. */
static void put_date(GString *out, const struct lu_draft *d)
{
    static const char *const wdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    GTimeZone *tz = g_time_zone_new_offset(d->date_off);
    GDateTime *t = lu_local_time(d->date, tz);
    int off = d->date_off / 3600 * 100 + d->date_off % 3600 / 60;

    g_string_append_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d %+05d\n",
                           wdays[g_date_time_get_day_of_week(t) - 1],
                           g_date_time_get_day_of_month(t), months[g_date_time_get_month(t) - 1],
                           g_date_time_get_year(t), g_date_time_get_hour(t),
                           g_date_time_get_minute(t), g_date_time_get_second(t), off);
    g_date_time_unref(t);
    g_time_zone_unref(tz);
}

/* References, each id on the line while it fits, else on a line of its
 * own after a tab (GMime's folding of a list of ids). */
static void put_refs(GString *out, const GPtrArray *refs)
{
    gsize col;

    if (!refs || !refs->len)
        return;
    g_string_append(out, "References:");
    col = strlen("References:");
    for (guint i = 0; i < refs->len; i++) {
        gsize n = strlen(g_ptr_array_index(refs, i)) + 2;
        if (i > 0 && col + 1 + n >= FOLD_LEN) {
            g_string_append(out, "\n\t");
            col = 1;
        } else {
            g_string_append_c(out, ' ');
            col++;
        }
        g_string_append_printf(out, "<%s>", (char *)g_ptr_array_index(refs, i));
        col += n;
    }
    g_string_append_c(out, '\n');
}

char *lu_draft_message(const struct lu_draft *d, gsize *len)
{
    GString *out;

    if (!lu_draft_plain(d))
        return lu_mime_draft(d, len);
    out = g_string_sized_new(512 + strlen(d->body));
    g_string_append(out, "From: ");
    put_addr(out, d->from);
    g_string_append_c(out, '\n');
    put_addrs(out, "To: ", d->to);
    put_addrs(out, "Cc: ", d->cc);
    g_string_append_printf(out, "Subject: %s\n", d->subject);
    put_date(out, d);
    if (d->in_reply_to && *d->in_reply_to)
        g_string_append_printf(out, "In-Reply-To: <%s>\n", d->in_reply_to);
    put_refs(out, d->refs);
    g_string_append(out, "MIME-Version: 1.0\n"
                         "Content-Type: text/plain; charset=utf-8\n"
                         "Content-Transfer-Encoding: 7bit\n\n");
    g_string_append(out, d->body);
    if (out->str[out->len - 1] != '\n') /* as GMime ends its last line */
        g_string_append_c(out, '\n');
    *len = out->len;
    return g_string_free(out, FALSE);
}

bool lu_addr_norm_into(const char *email, char *buf)
{
    const char *b, *e;
    char *at, *plus;
    gsize n;

    if (!email) {
        buf[0] = '\0';
        return true;
    }
    /* g_strstrip: ASCII white space off both ends */
    for (b = email; g_ascii_isspace(*b); b++)
        ;
    for (e = b + strlen(b); e > b && g_ascii_isspace(e[-1]); e--)
        ;
    n = (gsize)(e - b);
    if (n >= LU_ADDR_NORM_MAX)
        return false;
    memcpy(buf, b, n);
    buf[n] = '\0';
    if (buf[0] == '<') {
        memmove(buf, buf + 1, n);
        char *gt = strrchr(buf, '>');
        if (gt)
            *gt = '\0';
    }
    for (char *p = buf; *p; p++)
        *p = g_ascii_tolower(*p);
    at = strrchr(buf, '@');
    if (at) {
        plus = memchr(buf, '+', (gsize)(at - buf));
        if (plus && plus > buf)
            memmove(plus, at, strlen(at) + 1);
    }
    return true;
}

bool lu_draft_is_me(const struct lu_identity *id, const char *email)
{
    char n[LU_ADDR_NORM_MAX];
    const char *at;
    bool me = false;

    if (!lu_addr_norm_into(email, n))
        return lu_identity_is_me(id, email);
    if (!*n)
        return false;
    if (g_hash_table_contains(id->addrs, n))
        return true;
    at = strrchr(n, '@');
    for (guint i = 0; at && i < id->domains->len && !me; i++)
        me = strcmp(at + 1, g_ptr_array_index(id->domains, i)) == 0;
    return me;
}

bool lu_draft_same_addr(const char *a, const char *b)
{
    char na[LU_ADDR_NORM_MAX], nb[LU_ADDR_NORM_MAX];
    char *xa, *xb;
    bool same;

    if (lu_addr_norm_into(a, na) && lu_addr_norm_into(b, nb))
        return strcmp(na, nb) == 0;
    xa = lu_addr_norm(a);
    xb = lu_addr_norm(b);
    same = strcmp(xa, xb) == 0;
    g_free(xa);
    g_free(xb);
    return same;
}
