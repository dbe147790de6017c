/* draftmsg-test.c - the draft written by hand (draftmsg.c) is
 * lu_mime_draft's (GMime's) byte for byte: names, address lists,
 * subjects of every length up to the fold, References folded, offsets
 * east and west, and bodies; what is not plain goes to lu_mime_draft. */
#include "draftmsg.h"
#include "leadup.h"
#include "tap.h"

static struct lu_addr *addr(const char *name, const char *email)
{
    struct lu_addr *a = g_new0(struct lu_addr, 1);

    a->name = name ? g_strdup(name) : NULL;
    a->email = g_strdup(email);
    return a;
}

static void addr_free(struct lu_addr *a)
{
    g_free(a->name);
    g_free(a->email);
    g_free(a);
}

/* An id of N characters (N >= 12) numbered K. */
static char *id_of(int n, int k)
{
    GString *s = g_string_new(NULL);

    g_string_append_printf(s, "%dx", k);
    while ((int)s->len < n - 10)
        g_string_append_c(s, (char)('a' + s->len % 26));
    g_string_append(s, "@ex.ample");
    return g_string_free(s, FALSE);
}

static const char *const names[] = {
    NULL,         "",           "Ann",        "Ann Smith", "Jean-Luc Picard", "O'Brien", "Dr. Who",
    "Smith, Ann", "Zo\xc3\xab", "Ann  Smith", " Ann",      "A1 B2 C3",        "\"Ann\""};
static const char *const emails[] = {"ann@a.example", "ann.smith+x@mail.a-b.example", "a@b",
                                     "x_y@z.example", ".ann@a.example", "ann@@a.example",
                                     "ann@a.example.",
                                     /* punycode, which GMime decodes (one to a
                                      * control character: fuzz-draft) */
                                     "ann@xn--a.example", "ann@xn--bcher-kva.example"};
static const char *const bodies[] = {
    "Hi Ann,\n\nThanks.\n\nMe\n",
    "Hi\n",
    "no newline at the end",
    "two lines\nand no newline",
    "x",
    "Hi,\n\nends in two\n\n",
    "\n",
    "From the start\n",
    ".dot\n",
    "trailing space \n",
    "caf\xc3\xa9\n",
    "tab\there\n",
    "a line of eighty characters, which is longer than seventy-eight, so it goes qp.\n"};
static const int offsets[] = {0, 3600, -12600, 19800, 45900, -39600, 50400, -3600};

static int differ(struct lu_draft *d, int *plain)
{
    gsize a = 0, b = 0;
    char *x = lu_draft_message(d, &a), *y = lu_mime_draft(d, &b);
    int bad = a != b || memcmp(x, y, a) != 0;

    *plain += lu_draft_plain(d);
    if (bad)
        printf("# differ:\n# by hand:\n%s\n# GMime:\n%s\n", x, y);
    g_free(x);
    g_free(y);
    return bad;
}

/* lu_addr_norm (identity.c) of A and B the same. */
static bool norm_same(const char *a, const char *b)
{
    char *na = lu_addr_norm(a), *nb = lu_addr_norm(b);
    bool same = strcmp(na, nb) == 0;

    g_free(na);
    g_free(nb);
    return same;
}

/* lu_addr_norm_into, lu_draft_is_me and lu_draft_same_addr against
 * identity.c's. */
static void test_is_me(void)
{
    static const char *const addrs[] = {"me@example.com",
                                        "Me@Example.COM",
                                        "  me@example.com\t",
                                        "<me@example.com>",
                                        "<me@example.com",
                                        "me+tag@example.com",
                                        "+me@example.com",
                                        "me+a+b@example.com",
                                        "me@EXAMPLE.com>",
                                        "ann@corp.example",
                                        "ann+x@CORP.example",
                                        "ann@sub.corp.example",
                                        "",
                                        " ",
                                        "<>",
                                        "@",
                                        "me",
                                        "me+x",
                                        "bob@other.example",
                                        "\xc3\x89me@example.com",
                                        "a@b@example.com",
                                        "< me@example.com >",
                                        "me@example.com+x"};
    struct lu_identity id;
    int bad = 0, n = 0;
    GString *big = g_string_new(NULL);
    char buf[LU_ADDR_NORM_MAX];

    lu_identity_init(&id);
    lu_identity_add(&id, "me@example.com");
    lu_identity_add_domain(&id, "corp.example");
    for (gsize i = 0; i <= G_N_ELEMENTS(addrs); i++) {
        const char *e = i < G_N_ELEMENTS(addrs) ? addrs[i] : NULL;
        char *want = lu_addr_norm(e);
        bad += !lu_addr_norm_into(e, buf) || strcmp(buf, want) != 0;
        g_free(want);
        if (!e)
            continue;
        bad += lu_draft_is_me(&id, e) != lu_identity_is_me(&id, e);
        for (gsize j = 0; j < G_N_ELEMENTS(addrs); j++, n++)
            bad += lu_draft_same_addr(e, addrs[j]) != norm_same(e, addrs[j]);
    }
    is_int(bad, 0, "lu_addr_norm_into, lu_draft_is_me, lu_draft_same_addr: identity.c's (%d pairs)",
           n);
    while (big->len < 300)
        g_string_append(big, "x");
    g_string_append(big, "@corp.example");
    ok(!lu_addr_norm_into(big->str, buf), "an address too long for the buffer is refused");
    ok(lu_draft_is_me(&id, big->str) && lu_identity_is_me(&id, big->str),
       "... and lu_draft_is_me asks identity.c");
    ok(lu_draft_same_addr(big->str, big->str), "... and lu_draft_same_addr lu_addr_norm");
    g_string_free(big, TRUE);
    lu_identity_clear(&id);
}

int main(void)
{
    struct lu_draft d = {0};
    int bad = 0, plain = 0, runs = 0;
    char *sub;

    test_is_me();

    d.to = g_ptr_array_new_with_free_func((GDestroyNotify)addr_free);
    d.cc = g_ptr_array_new_with_free_func((GDestroyNotify)addr_free);
    d.refs = g_ptr_array_new_with_free_func(g_free);
    d.from = addr("Alex Morgan", "me@example.com");
    d.subject = g_strdup("Re: benchmark thread");
    d.date = 1795424400; /* 2026-11-23T09:00:00Z */
    d.body = g_strdup("Hi Bench,\n\nThank you.\n\nBest regards,\nAlex Morgan\n");
    d.in_reply_to = g_strdup("bench-reply-a9-13069@bench.example");
    g_ptr_array_add(d.to, addr("Bench Reader", "readera9@bench.example"));
    g_ptr_array_add(d.cc, addr(NULL, "someone@bench.example"));
    g_ptr_array_add(d.refs, g_strdup("20261120165524.G28354.1@mail.example.com"));
    g_ptr_array_add(d.refs, g_strdup("bench-reply-a9-13069@bench.example"));
    ok(lu_draft_plain(&d), "the bench's draft is written by hand");
    is_int(differ(&d, &plain), 0, "the bench's draft: the same bytes");

    /* names and addresses of From, To and Cc */
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
        for (gsize j = 0; j < G_N_ELEMENTS(emails); j++) {
            for (int who = 0; who < 3; who++) {
                GPtrArray *l = who == 1 ? d.to : d.cc;
                struct lu_addr *keep = d.from;
                if (who == 0) {
                    d.from = addr(names[i], emails[j]);
                } else {
                    g_ptr_array_add(l, addr(names[i], emails[j]));
                }
                bad += differ(&d, &plain);
                runs++;
                if (who == 0) {
                    addr_free(d.from);
                    d.from = keep;
                } else {
                    g_ptr_array_remove_index(l, l->len - 1);
                }
            }
        }
    is_int(bad, 0, "names and addresses (%d drafts, %d by hand)", runs, plain);
    /* long lists of recipients, and none in Cc */
    bad = plain = runs = 0;
    g_ptr_array_set_size(d.cc, 0);
    for (int n = 0; n < 6; n++) {
        char *e = g_strdup_printf("reader%d@bench.example", n);
        g_ptr_array_add(d.cc, addr(n % 2 ? "Some Reader" : NULL, e));
        bad += differ(&d, &plain);
        runs++;
        g_free(e);
    }
    g_ptr_array_set_size(d.cc, 0);
    bad += differ(&d, &plain);
    runs++;
    is_int(bad, 0, "lists of recipients (%d drafts, %d by hand)", runs, plain);
    /* subjects of every length */
    bad = plain = runs = 0;
    for (int n = 0; n < 90; n++) {
        GString *s = g_string_new("Re:");
        while ((int)s->len < n)
            g_string_append(s, s->len % 7 == 3 ? " " : "w");
        g_free(d.subject);
        d.subject = g_string_free(s, FALSE);
        bad += differ(&d, &plain);
        runs++;
    }
    sub = d.subject;
    for (int k = 0; k < 5; k++) {
        static const char *const odd[] = {"caf\xc3\xa9", "=?utf-8?q?x?=", "a  b", " a", "tab\tx"};
        d.subject = (char *)odd[k];
        bad += differ(&d, &plain);
        runs++;
    }
    d.subject = sub;
    g_free(d.subject);
    d.subject = g_strdup("Re: benchmark thread");
    is_int(bad, 0, "subjects (%d drafts, %d by hand)", runs, plain);
    /* References of 0 to 12 ids of 12 to 68 characters */
    bad = plain = runs = 0;
    for (int len = 12; len <= 68; len += 7)
        for (int n = 0; n <= 12; n++) {
            g_ptr_array_set_size(d.refs, 0);
            for (int k = 0; k < n; k++)
                g_ptr_array_add(d.refs, id_of(len + (k * 5) % 11, k));
            bad += differ(&d, &plain);
            runs++;
        }
    g_ptr_array_add(d.refs, g_strdup("0.@ex.ample")); /* GMime drops it: not by hand */
    ok(!lu_draft_plain(&d), "an id GMime cannot parse is not written by hand");
    bad += differ(&d, &plain);
    g_free(d.in_reply_to);
    d.in_reply_to = NULL;
    bad += differ(&d, &plain);
    runs++;
    is_int(bad, 0, "References (%d drafts, %d by hand)", runs, plain);
    /* dates and offsets, bodies */
    bad = plain = runs = 0;
    g_ptr_array_set_size(d.refs, 0);
    g_ptr_array_add(d.refs, g_strdup("20261120165524.G28354.1@mail.example.com"));
    for (gsize o = 0; o < G_N_ELEMENTS(offsets); o++)
        for (gint64 t = 946684800; t < 1900000000; t += 8640000 + 3607) {
            d.date_off = offsets[o];
            d.date = t;
            bad += differ(&d, &plain);
            runs++;
        }
    sub = d.body;
    for (gsize b = 0; b < G_N_ELEMENTS(bodies); b++) {
        d.body = (char *)bodies[b];
        bad += differ(&d, &plain);
        runs++;
    }
    d.body = sub;
    is_int(bad, 0, "dates, offsets and bodies (%d drafts, %d by hand)", runs, plain);
    ok(plain >= 8 * 100, "most written by hand");
    is_str(d.from->email, "me@example.com", "From kept");
    g_ptr_array_free(d.to, TRUE);
    g_ptr_array_free(d.cc, TRUE);
    g_ptr_array_free(d.refs, TRUE);
    addr_free(d.from);
    g_free(d.subject);
    g_free(d.body);
    return tap_done();
}
