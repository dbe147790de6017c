/* addr-test.c - lu_addr_plain's mailboxes (addr.c) read as GMime's parse
 * (lu_addr_list_parse) reads them, run by t228-scan-thread-reads.t; with
 * the plain path off lu_addr_list_parse is GMime's alone
 * (lu_addr_plain_list answers false).  Each value,
 * the built-in ones and those of the file named (one a line), is parsed
 * both ways (LEADUP_DEBUG_NO_PLAIN_ADDR's); the addresses must agree. */
#include "addr.h"
#include "tap.h"

/* The first address of VALUE as msg_from reads it (nm.c: lu_addr_plain,
 * else the first of lu_addr_list_parse), the plain path on or off.  Caller
 * frees. */
static char *parsed(const char *value, bool plain)
{
    struct lu_addr *x;
    char *out;

    lu_debug_no_plain_addr = !plain;
    x = lu_addr_plain(value);
    if (!x) {
        GPtrArray *a = lu_addr_list_parse(value);
        x = a->len ? g_ptr_array_steal_index(a, 0) : NULL;
        g_ptr_array_free(a, TRUE);
    }
    out = x ? g_strdup_printf("%s|%s\n", x->name ? x->name : "(none)", x->email) : g_strdup("");
    lu_addr_free(x);
    return out;
}

/* Every address of VALUE as a file's header reads it (mime.c:
 * lu_addr_list_parse, lu_addr_plain_list first), the plain path on or
 * off.  Caller frees. */
static char *listed(const char *value, bool plain)
{
    GString *out = g_string_new(NULL);
    GPtrArray *a;

    lu_debug_no_plain_addr = !plain;
    a = lu_addr_list_parse(value);
    for (guint i = 0; i < a->len; i++) {
        const struct lu_addr *x = a->pdata[i];
        g_string_append_printf(out, "%s|%s\n", x->name ? x->name : "(none)", x->email);
    }
    g_ptr_array_free(a, TRUE);
    return g_string_free(out, FALSE);
}

static int same_both_ways(const char *value, int *differ)
{
    char *fast = parsed(value, true), *slow = parsed(value, false);
    char *fast_list = listed(value, true), *slow_list = listed(value, false);
    int same = strcmp(fast, slow) == 0 && strcmp(fast_list, slow_list) == 0;

    if (!same && *differ < 10)
        printf("# '%s' as a list:\n#   plain: %s#   GMime: %s", value, fast_list, slow_list);
    g_free(fast_list);
    g_free(slow_list);

    if (!same && (*differ)++ < 10)
        printf("# '%s':\n#   plain: %s#   GMime: %s", value, fast, slow);
    g_free(fast);
    g_free(slow);
    return same;
}

static const char *const values[] = {
    "Bench Reader <reader1@bench.example>",
    "reader1@bench.example",
    "Alex Morgan <me@example.com>",
    "A B C <a.b-c+d_e@x-y.example.org>",
    "Ann  Lee <ann@x.example>", /* two spaces */
    " Ann <ann@x.example>",
    "Ann <ann@x.example> ",
    "Ann<ann@x.example>",
    "Ann <ann@x.example>, Bob <bob@y.example>",
    "\"Lee, Ann\" <ann@x.example>",
    "Ann (work) <ann@x.example>",
    "Ann <ann..lee@x.example>", /* Exchange's two dots: the lenient read */
    "Ann <.ann@x.example>",
    "Ann <ann.@x.example>",
    "Ann <ann@localhost>",
    "Ann <ann@x..example>",
    "Ann <ann@-x.example>",
    "Ann <ann@xn--bcher-kva.example>",
    "Ann <ANN@X.EXAMPLE>",
    "=?utf-8?q?J=C3=BCrgen?= <j@x.example>",
    "J. Smith <j@x.example>",
    "O'Brien <ob@x.example>",
    "Ann <ann@x.example",
    "ann@x.example>",
    "<ann@x.example>",
    "Ann <>",
    "",
    "undisclosed-recipients:;",
    "Team: ann@x.example, bob@y.example;",
    "123 <1@2.3>",
    "Ann <ann@x.example>>",
    "ann@x.example.",
    "Ann <ann@x.example.>",
    /* quoted names (s33-first): read plain when only words, '.', ',' and '-' */
    "\"Ann Lee\" <ann@x.example>",
    "\"J. Smith\" <j@x.example>",
    "\"Ann Lee-Smith\" <ann@x.example>",
    "\"Ann Lee - R\" <ann@x.example>",
    "\"Ann\" <ann@x.example>",
    "\"Ann.\" <ann@x.example>",
    "\"Ann,\" <ann@x.example>",
    "\"Ann , Lee\" <ann@x.example>",
    "\"Ann.Lee\" <ann@x.example>",
    "\"Ann  Lee\" <ann@x.example>",
    "\"Ann Lee \" <ann@x.example>",
    "\" Ann Lee\" <ann@x.example>",
    "\"Ann Lee\"<ann@x.example>",
    "\"Ann Lee\"  <ann@x.example>",
    "\"Ann \\\"Lee\\\"\" <ann@x.example>",
    "\"Ann (Lee)\" <ann@x.example>",
    "\"=?utf-8?q?J=C3=BCrgen?=\" <j@x.example>",
    "\"Ann Lee\" <ann@x.example>, Bob <bob@y.example>",
    "\"Ann Lee\" <ann..lee@x.example>",
    "\"Ann Lee\" <ann@xn--bcher-kva.example>",
    "\"Ann Lee\" ann@x.example",
    "\"Ann Lee\" <ann@x.example",
    "\"Ann Lee <ann@x.example>",
    "\"\" <ann@x.example>",
    "\"-\" <ann@x.example>",
    "\"Ann -- Lee\" <ann@x.example>",
    "\"ann@x.example\" <ann@x.example>",
    "\"Ann Lee via R-package-devel\" <r-package-devel@r-project.org>",
    /* mime.c's list reader, now addr.c's (s37-first): marks, other quoted
     * text, lists, punycode anywhere in a list */
    "O'Brien-Smith <o.b+x!y@x.example>",
    "\"Ann (Lee) & Co\" <ann@x.example>",
    "ann@x.example, \"Lee, Bob\" <bob@y.example>",
    "ann@x.example, bob@xn--bcher-kva.example",
    "Ann <ann@x-y--z.example>",
    "Ann <ann@XN--BCHER-KVA.example>",
    "ann@x.example,",
    ", ann@x.example",
    "ann@x.example,,bob@y.example",
    "Ann <ann@x.example> Lee",
};

int main(int argc, char **argv)
{
    int differ = 0, n = 0, same = 0;

    for (guint i = 0; i < G_N_ELEMENTS(values); i++)
        ok(same_both_ways(values[i], &differ), "'%s' the same both ways", values[i]);
    lu_plain_addrs = 0;
    g_free(parsed(values[0], true));
    g_free(parsed(values[3], true));
    g_free(parsed(values[9], true));
    g_free(parsed("\"Ann \\\"Lee\\\"\" <ann@x.example>", true));
    is_str(lu_plain_addrs == 3 ? "3" : "other", "3",
           "the plain path read 'Words <addr>' and '\"Words\" <addr>', not a quoted escape");
    if (argc > 1) {
        char *text = NULL;
        if (!g_file_get_contents(argv[1], &text, NULL, NULL))
            return ok(0, "reading %s", argv[1]), tap_done();
        char **lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l; l++)
            if (**l) {
                n++;
                same += same_both_ways(*l, &differ);
            }
        is_int(same, n, "%s: every one of the %d values the same both ways", argv[1], n);
        g_strfreev(lines);
        g_free(text);
    }
    return tap_done();
}
