/* addr.c - a From value of the plainest form read without GMime (issue 14).
 *
 * A scan reads the sender of every message of each thread it decides
 * from notmuch's From value (nm.c msg_from), which GMime's address parse
 * took 21,000 instructions each: 1.3 M of the 29.9 M of a scan after one
 * new message into a thread of 61 at 30,000 messages.  notmuch keeps the
 * value as GMime wrote it, so most are "Words <local@dom.ain>"; those are
 * read here, to what GMime's parse gives (tests/unit/addr-test.c compares
 * the two on every value it is given), anything else goes to GMime.
 *
 * Not mime.c: its text is part of the analyser's digest (Makefile), and
 * this reads no file; pure, no I/O. */
#include "addr.h"

#include <string.h>

bool lu_debug_no_plain_addr;
guint64 lu_plain_addrs;

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The end of a run of one or more CLASS characters (alnum, or alnum and
 * EXTRA) separated by single SEP at P, or NULL: no run, or a separator
 * leading, trailing or doubled. */
static const char *simple_run(const char *p, const char *extra, char sep)
{
    const char *q = p;

    for (;;) {
        const char *w = q;
        while (is_alnum(*q) || (*q && strchr(extra, *q)))
            q++;
        if (q == w)
            return NULL;
        if (*q != sep || !(is_alnum(q[1]) || (q[1] && strchr(extra, q[1]))))
            return q;
        q++;
    }
}

/* The end of the addr at P, an atom-dot local part and a dotted domain of
 * letters, digits and '-' as GMime reads them unchanged, or NULL. */
static const char *plain_addr(const char *p)
{
    const char *at = simple_run(p, "+_-", '.'), *end;

    if (!at || *at != '@')
        return NULL;
    end = simple_run(at + 1, "-", '.');
    /* a dotted domain, and no "--" (punycode's "xn--": GMime decodes it) */
    if (!end || !memchr(at + 1, '.', (size_t)(end - at - 1)) ||
        g_strstr_len(at + 1, end - at - 1, "--"))
        return NULL;
    return end;
}

/* VALUE's one mailbox when it is of the plainest form, "Words <addr>",
 * '"Words" <addr>' or a bare addr: words of letters and digits one space
 * apart, and, quoted, also holding '.', ',' and '-' ("Lee, Ann", "J.
 * Smith": mailing lists quote every name, three in four of
 * r-package-devel's senders, issue 14); nothing a quoted string escapes
 * or encodes.  What GMime's parse gives for it, without the parse (a
 * third of msg_from's reading of each message of a thread, issue 14).
 * NULL: anything else, left to GMime.  Caller frees. */
static struct lu_addr *plain_mailbox(const char *value)
{
    const char *p = value, *name = value, *name_end = NULL, *end;
    bool quoted = value && *value == '"';
    struct lu_addr *a;

    if (quoted)
        name = p = value + 1;
    if (!value || !is_alnum(*p))
        return NULL;
    if (quoted || strchr(value, '<')) {
        name_end = quoted ? simple_run(p, ".,-", ' ') : simple_run(p, "", ' ');
        if (!name_end || (quoted && *name_end++ != '"') || name_end[0] != ' ' || name_end[1] != '<')
            return NULL;
        p = name_end + 2;
    }
    end = plain_addr(p);
    if (!end || (name_end ? (end[0] != '>' || end[1] != '\0') : *end != '\0'))
        return NULL;
    a = g_new0(struct lu_addr, 1);
    a->email = g_strndup(p, (gsize)(end - p));
    a->name = name_end ? g_strndup(name, (gsize)(name_end - name - quoted)) : NULL;
    return a;
}

struct lu_addr *lu_addr_plain(const char *value)
{
    struct lu_addr *a = lu_debug_no_plain_addr ? NULL : plain_mailbox(value);

    lu_plain_addrs += a != NULL;
    return a;
}
