/* addr.c - address lists of the plainest form read without GMime (issue 14).
 *
 * A scan reads the sender of every message of each thread it decides
 * from notmuch's From value (nm.c msg_from), which GMime's address parse
 * took 21,000 instructions each: 1.3 M of the 29.9 M of a scan after one
 * new message into a thread of 61 at 30,000 messages; the first full
 * scan reads every file's From, To and Cc (mime.c), where GMime's
 * InternetAddress objects were most of a header's read.  Most values are
 * "Words <local@dom.ain>" lists; those are read here, to what GMime's
 * parse gives (tests/unit/addr-test.c compares the two on every value it
 * is given; t269 every file's reading), anything else goes to GMime.
 * One reader for both: mime.c's and nm.c's answers cannot drift apart.
 *
 * Pure, no I/O.  Part of the analyser's digest (Makefile ANALYSER_SRCS):
 * it shapes what a file's headers read as. */
#include "addr.h"

#include <string.h>

bool lu_debug_no_plain_addr;
guint64 lu_plain_addrs;

/* Whether P..E is an addr-spec GMime takes as written: a dot-atom local
 * part (no dot at either end, no two together), "@", and a domain of
 * letters, digits and hyphens in dot-separated labels, no two hyphens
 * together (punycode's "xn--", which GMime decodes to UTF-8). */
static bool plain_addr_spec(const char *p, const char *e)
{
    const char *at = memchr(p, '@', (gsize)(e - p));

    if (!at || at == p || at[-1] == '.' || *p == '.' || at + 1 >= e || at[1] == '.' || e[-1] == '.')
        return false;
    for (const char *c = p; c < at; c++)
        if (!(g_ascii_isalnum(*c) || strchr("!#$%&'*+/=?^_`{|}~-", *c) ||
              (*c == '.' && c[1] != '.')))
            return false;
    for (const char *c = at + 1; c < e; c++)
        if (!(g_ascii_isalnum(*c) || (*c == '-' && c[1] != '-') || (*c == '.' && c[1] != '.')))
            return false;
    return true;
}

/* Whether P..E is a display name GMime hands back as written: words of
 * letters, digits and a few marks one space apart, or a quoted string of
 * printable ASCII without a backslash, an encoded word or doubled, leading
 * or trailing spaces (then the name is what the quotes hold). */
static bool plain_phrase(const char *p, const char *e)
{
    bool quoted = e - p >= 2 && *p == '"' && e[-1] == '"';

    if (quoted)
        p++, e--;
    if (p == e || *p == ' ' || e[-1] == ' ')
        return false;
    for (const char *c = p; c < e; c++) {
        if (*c == ' ' && c[1] == ' ')
            return false;
        if (*c == '=' && c[1] == '?')
            return false;
        if (quoted ? (*c < ' ' || *c > '~' || *c == '"' || *c == '\\')
                   : !(g_ascii_isalnum(*c) || *c == ' ' || strchr("!#$%&'*+/^_`{|}~-", *c)))
            return false;
    }
    return true;
}

/* The element at *PP of a list, up to the next ',' outside quotes, read
 * as plain_list reads each: a new struct lu_addr (caller frees), or NULL
 * when it is not plain.  *PP is left at the ',' or the NUL after it. */
static struct lu_addr *plain_element(const char **pp)
{
    const char *p = *pp, *start = p, *e, *lt, *name_e;
    bool quoted = false;
    struct lu_addr *a;

    for (; *p && (quoted || *p != ','); p++)
        if (*p == '"')
            quoted = !quoted;
    *pp = p;
    if (quoted)
        return NULL;
    while (*start == ' ')
        start++;
    for (e = p; e > start && e[-1] == ' '; e--)
        ;
    lt = memchr(start, '<', (gsize)(e - start));
    if (lt) {
        for (name_e = lt; name_e > start && name_e[-1] == ' '; name_e--)
            ;
        if (e[-1] != '>' || memchr(lt + 1, '<', (gsize)(e - lt - 1)) ||
            memchr(lt + 1, '>', (gsize)(e - lt - 2)) || !plain_addr_spec(lt + 1, e - 1) ||
            (name_e > start && !plain_phrase(start, name_e)))
            return NULL;
        a = g_new0(struct lu_addr, 1);
        a->email = g_strndup(lt + 1, (gsize)(e - lt - 2));
        if (name_e > start)
            a->name = *start == '"' ? g_strndup(start + 1, (gsize)(name_e - start - 2))
                                    : g_strndup(start, (gsize)(name_e - start));
        return a;
    }
    if (memchr(start, '>', (gsize)(e - start)) || memchr(start, '"', (gsize)(e - start)) ||
        !plain_addr_spec(start, e))
        return NULL;
    a = g_new0(struct lu_addr, 1);
    a->email = g_strndup(start, (gsize)(e - start));
    return a;
}

/* Marks no plain value holds (groups, comments, routes, escapes, tabs). */
#define NOT_PLAIN ";:()[]\\\t"

/* The list reader of lu_addr_plain_list (addr.h), without the debug
 * switch. */
static bool plain_list(GPtrArray *out, const char *value)
{
    const char *p = value;
    GPtrArray *tmp;
    struct lu_addr *a;

    if (strpbrk(value, NOT_PLAIN))
        return false;
    tmp = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    while ((a = plain_element(&p))) {
        g_ptr_array_add(tmp, a);
        if (!*p) {
            for (guint i = 0; i < tmp->len; i++)
                g_ptr_array_add(out, g_ptr_array_steal_index(tmp, i--));
            g_ptr_array_free(tmp, TRUE);
            return true;
        }
        p++;
    }
    g_ptr_array_free(tmp, TRUE);
    return false;
}

bool lu_addr_plain_list(GPtrArray *out, const char *value)
{
    return !lu_debug_no_plain_addr && value && plain_list(out, value);
}

struct lu_addr *lu_addr_plain(const char *value)
{
    const char *p = value;
    struct lu_addr *a = NULL;

    /* plain_list's answer when it reads one element, without its array
     * (twice msg_from's cost of a sender, s37-first) */
    if (!lu_debug_no_plain_addr && value && !strpbrk(value, NOT_PLAIN)) {
        a = plain_element(&p);
        if (a && *p) { /* a ',' after it: another element, or an empty one */
            lu_addr_free(a);
            a = NULL;
        }
    }
    lu_plain_addrs += a != NULL;
    return a;
}
