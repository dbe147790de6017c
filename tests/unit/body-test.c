/* body-test.c - quote, signature, footer and HTML handling (body.c, html.c).
 *
 * Part 1 runs every fixture in tests/data/body/: NAME.in (text/plain) or
 * NAME.html (text/html) is the decoded body; NAME.out is the expected text;
 * NAME.sig-name and NAME.sig-phone hold the expected sig_name and sig_phone
 * (a missing file means NULL is expected).  One trailing newline of each
 * expectation file is ignored.  Part 2 checks lu_html_to_text directly,
 * part 3 hostile inputs, part 4 phone and name corner cases, part 5 speed,
 * part 6 sentences pasted from earlier messages without markers (said.c),
 * part 7 the marks of bulk mail. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static char *data_dir;

/* Reads DIR/NAME without its last newline, or NULL when absent. */
static char *slurp(const char *name)
{
    char *path = g_build_filename(data_dir, name, NULL), *s = NULL;
    gsize len = 0;

    if (g_file_get_contents(path, &s, &len, NULL) && len > 0 && s[len - 1] == '\n')
        s[len - 1] = '\0';
    g_free(path);
    return s;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_fixtures(void)
{
    GDir *dir = g_dir_open(data_dir, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *f;
    int cases = 0;

    if (!dir) {
        ok(0, "fixture directory %s", data_dir);
        goto out;
    }
    while ((f = g_dir_read_name(dir)) != NULL) {
        if (g_str_has_suffix(f, ".in") || g_str_has_suffix(f, ".html"))
            g_ptr_array_add(names, g_strdup(f));
    }
    g_dir_close(dir);
    g_ptr_array_sort(names, by_name);
    for (guint i = 0; i < names->len; i++) {
        const char *file = names->pdata[i];
        bool html = g_str_has_suffix(file, ".html");
        char *base = g_strndup(file, strlen(file) - (html ? 5 : 3));
        char *in = slurp(file), *want, *wname, *wphone, *fn;
        struct lu_body b;

        fn = g_strconcat(base, ".out", NULL);
        want = slurp(fn);
        g_free(fn);
        fn = g_strconcat(base, ".sig-name", NULL);
        wname = slurp(fn);
        g_free(fn);
        fn = g_strconcat(base, ".sig-phone", NULL);
        wphone = slurp(fn);
        g_free(fn);
        if (!in || !want) {
            ok(0, "%s: input and .out present", base);
        } else {
            lu_body_extract(in, html, &b);
            is_str(b.text, want, "%s: text", base);
            is_str(b.sig_name, wname, "%s: sig_name", base);
            is_str(b.sig_phone, wphone, "%s: sig_phone", base);
            lu_body_clear(&b);
            cases++;
        }
        g_free(in);
        g_free(want);
        g_free(wname);
        g_free(wphone);
        g_free(base);
    }
    ok(cases >= 30, "at least 30 fixtures (%d)", cases);
out:
    g_ptr_array_unref(names);
    return cases;
}

static void html_is(const char *html, const char *want, const char *name)
{
    char *got = lu_html_to_text(html);
    is_str(got, want, "html: %s", name);
    g_free(got);
}

static void test_html(void)
{
    html_is("", "", "empty");
    html_is("<p>a</p><p>b</p>", "a\n\nb", "paragraphs leave a blank line");
    html_is("<div>a</div><div>b</div><div><br></div><div>c</div>", "a\nb\n\nc",
            "Gmail divs: one line each, <div><br></div> is a blank line");
    html_is("<p class=MsoNormal>a</p><p class=MsoNormal>b</p><p class=MsoNormal>&nbsp;</p>"
            "<p class=MsoNormal>c</p>",
            "a\nb\n\nc", "Outlook MsoNormal: no margins, &nbsp; paragraph is blank");
    html_is("  a \n\t b  <b> c </b>d", "a b c d", "white space collapses");
    html_is("<pre>x  y\n  z</pre>", "x  y\n  z", "<pre> keeps white space");
    html_is("a<br>b<br><br>c", "a\nb\n\nc", "<br>");
    html_is("<ul><li>one<li>two</li></ul><ol><li>three</ol>", "- one\n- two\n\n- three",
            "list items");
    html_is("&lt;&gt;&amp;&quot;&apos;&eacute;&szlig;&euro;&hellip;&mdash;", "<>&\"'éß€…—",
            "named entities");
    html_is("&#233;&#xE9;&#X263a;&#150;&#0;&#xD800;&#1114112;",
            "éé☺–\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
            "numeric entities, cp1252 range, invalid code points");
    html_is("&amp &nbsp;x &bogus; &hellip &", "&  x &bogus; &hellip &",
            "legacy entities without ';', unknown ones kept");
    html_is("<head><title>T</title><style>p{}</style><script>if (a<b) x();</script></head>"
            "<body><!-- <p>hidden</p> -->shown</body>",
            "shown", "head, title, style, script and comments dropped");
    html_is("a<blockquote>q1<blockquote>q2</blockquote>q3</blockquote>b",
            "a\n> q1\n> > q2\n> q3\nb", "blockquotes become > lines");
    html_is("mine<div class=\"moz-cite-prefix\">On 1/2/26, X wrote:</div><blockquote "
            "type=cite>old</blockquote>",
            "mine\n> On 1/2/26, X wrote:\n> old", "Thunderbird cite prefix is quoted");
    html_is("new<div id=\"divRplyFwdMsg\"><b>From:</b> X</div><div>old</div><p>older</p>",
            "new\n> From: X\n> old\n>\n> older", "Outlook divRplyFwdMsg quotes to the end");
    html_is("new<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\">hdr</div>old",
            "new\n> hdr\n> old", "Outlook border-top header quotes to the end");
    html_is("hi<div class=\"gmail_signature\">Jo</div>", "hi\n-- \nJo",
            "gmail_signature gets a -- line");
    html_is("hi<br><span class=\"gmail_signature_prefix\">-- </span><br>"
            "<div class=\"gmail_signature\">Jo</div>",
            "hi\n--\nJo", "no second -- when Gmail wrote one");
    html_is("<div class=\"yahoo_quoted\">old</div>new", "> old\nnew", "Yahoo quote");
    html_is("a < b and c<3 <", "a < b and c<3 <", "stray '<' is text");
    html_is("x<a href=\"y", "x", "unclosed tag at the end is dropped");
    html_is("x<!-- never closed", "x", "unclosed comment");
    html_is("x<script>never closed", "x", "unclosed script");
    html_is("<td>a</td><td>b</td>", "a\nb", "table cells are lines");
    html_is("a\xff\xfe<b>c</b>",
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "c",
            "invalid UTF-8 replaced");
    html_is("x&#8203;y&shy;z", "xyz", "invisible characters dropped");
}

static void extract_is(const char *in, bool html, const char *want, const char *name)
{
    struct lu_body b;
    lu_body_extract(in, html, &b);
    is_str(b.text, want, "%s", name);
    lu_body_clear(&b);
}

static void test_hostile(void)
{
    struct lu_body b;
    GString *s = g_string_new(NULL);
    char *bad;

    extract_is(NULL, false, "", "NULL body");
    extract_is(NULL, true, "", "NULL HTML body");
    extract_is("", false, "", "empty body");
    extract_is(" \n\n\t\n", false, "", "only white space");
    extract_is("> a\n>> b\n> c\n", false, "", "only quotes");
    extract_is("-- \n", false, "", "only a signature delimiter");
    extract_is("a\r\nb\r\rc\r\n", false, "a\nb\n\nc", "CRLF and CR line ends");
    extract_is("\n\n  first\n\n\n\nsecond\n\n\n", false, "  first\n\nsecond",
               "blank runs collapse, ends trimmed");
    extract_is("caf\xe9 \xff\xfe ok", false, "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok",
               "invalid UTF-8 replaced");
    extract_is("\xEF\xBB\xBFhello\xE2\x80\x8B there\xC2\xA0you", false, "hello there you",
               "BOM, zero-width and no-break spaces");
    extract_is("answer\n> q\nmore\n", false, "answer\n\nmore",
               "text after a quote is kept, as its own paragraph");

    for (int i = 0; i < (1 << 20); i++)
        g_string_append_c(s, "lorem ipsum: "[i % 13]);
    lu_body_extract(s->str, false, &b);
    is_int((long long)strlen(b.text), (long long)s->len, "1 MB line kept whole");
    lu_body_clear(&b);

    g_string_truncate(s, 0);
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "<blockquote><div>");
    g_string_append(s, "deep");
    lu_body_extract(s->str, true, &b);
    is_str(b.text, "", "100000 unclosed blockquotes: all quoted, no crash");
    lu_body_clear(&b);

    g_string_truncate(s, 0);
    for (int i = 0; i < 200000; i++)
        g_string_append(s, i % 3 ? "<" : "<a \"");
    lu_body_extract(s->str, true, &b);
    ok(b.text != NULL, "stray '<' and open quotes: no crash");
    lu_body_clear(&b);

    bad = g_malloc(65536 + 1);
    for (int i = 0; i < 65536; i++)
        bad[i] = (char)((i * 7919) % 255 + 1);
    bad[65536] = '\0';
    lu_body_extract(bad, false, &b);
    ok(b.text && g_utf8_validate(b.text, -1, NULL), "binary garbage as text: valid UTF-8 out");
    lu_body_clear(&b);
    lu_body_extract(bad, true, &b);
    ok(b.text && g_utf8_validate(b.text, -1, NULL), "binary garbage as HTML: valid UTF-8 out");
    lu_body_clear(&b);
    g_free(bad);

    memset(&b, 0, sizeof b);
    lu_body_clear(&b);
    lu_body_clear(&b);
    lu_body_clear(NULL);
    ok(b.text == NULL, "lu_body_clear on an empty struct, twice, and on NULL");
    g_string_free(s, TRUE);
}

static void sig_is(const char *in, const char *want_text, const char *name_, const char *phone,
                   const char *what)
{
    struct lu_body b;
    lu_body_extract(in, false, &b);
    is_str(b.text, want_text, "%s: text", what);
    is_str(b.sig_name, name_, "%s: sig_name", what);
    is_str(b.sig_phone, phone, "%s: sig_phone", what);
    lu_body_clear(&b);
}

static void test_signatures(void)
{
    sig_is("Ok.\n\n-- \nJane Roe\nTel: 2026-11-23\n", "Ok.", "Jane Roe", NULL,
           "a labelled ISO date is no phone");
    sig_is("Ok.\n\n-- \nJane Roe\nT: 23.11.2026\n", "Ok.", "Jane Roe", NULL,
           "a labelled German date is no phone");
    sig_is("Ok.\n\n-- \nJane Roe\nOrder 123456789, PO 4500012345\n", "Ok.", "Jane Roe", NULL,
           "order numbers are no phone");
    sig_is("Ok.\n\n-- \nJane Roe\nFax: +44 20 7946 0999\n", "Ok.", "Jane Roe", NULL,
           "a fax number is no phone");
    sig_is("Ok.\n\n-- \nJane Roe | +1 (555) 010-1234 ext. 12\n", "Ok.", "Jane Roe",
           "+1 (555) 010-1234", "unlabelled international number, extension left out");
    sig_is("Ok.\n\n-- \nJane Roe\nTel.: +49 (0)30 1234567\n", "Ok.", "Jane Roe",
           "+49 (0)30 1234567", "German trunk prefix in brackets");
    sig_is("Ok.\n\n-- \nJane Roe\n(Tel. 030 1234567)\n", "Ok.", "Jane Roe", "030 1234567",
           "a closing bracket around the number is left out");
    sig_is("Ok.\n\n-- \nJane Roe\nPhone: (+45) 3815 3501\n", "Ok.", "Jane Roe", "(+45) 3815 3501",
           "country code in brackets");
    sig_is("Ok.\n\nRegards,\nPh.D. Student\n", "Ok.", NULL, NULL, "a title is no name");
    sig_is("Ok.\n\nBest,\nJR\n", "Ok.", NULL, NULL, "initials are no name");
    sig_is("Ok.\n\nBest regards,\nACME SUPPORT TEAM\n", "Ok.", NULL, NULL, "a team is no name");
    sig_is("See you then.\n\nThanks, Jane\n", "See you then.", "Jane", NULL,
           "name on the sign-off line");
    sig_is("Thanks, I got it.\n", "Thanks, I got it.", NULL, NULL, "'Thanks, I got it.' is text");
    sig_is("Fine.\n\nThanks!\nI'll send the numbers tomorrow.\n",
           "Fine.\n\nThanks!\nI'll send the numbers tomorrow.", NULL, NULL,
           "a sign-off followed by a sentence is text");
    sig_is("Fine.\n\nBest\n\n-- \nBest regards,\nMaria Rossi\n", "Fine.", "Maria Rossi", NULL,
           "a sign-off after the delimiter passes to the name");
    sig_is("Agreed, ship it.\n\nDuncan Murdoch\n", "Agreed, ship it.", "Duncan Murdoch", NULL,
           "a full name alone on the last line");
    sig_is("Agreed, ship it.\n\nDone\n", "Agreed, ship it.\n\nDone", NULL, NULL,
           "a single word on the last line is text");
    sig_is("Will do.\n\nDirk\n\n-- \nhttps://dirk.example\n", "Will do.", "Dirk", NULL,
           "a first name right before the delimiter");
    sig_is("Will do.\n-Deepa\n", "Will do.", "Deepa", NULL, "dash and name");
    sig_is("Sure.\n\nSent from my iPhone\n", "Sure.", NULL, NULL, "mobile line");
    sig_is("Sure.\n\nSent from my phone, sorry for typos\n", "Sure.", NULL, NULL,
           "a device's line may go on");
    sig_is("Sure.\n\nSent from Mail for Windows\n", "Sure.", NULL, NULL,
           "a short vague mobile line");
    sig_is("Sure.\n\nSent from the office, it should arrive on Monday.\n",
           "Sure.\n\nSent from the office, it should arrive on Monday.", NULL, NULL,
           "a vague mobile start with a comma is a sentence");
    sig_is("Disclaimer: I have not tested this.\n", "Disclaimer: I have not tested this.", NULL,
           NULL, "the author's own 'Disclaimer:' is text");
    sig_is("I posted this to the R mailing list\nyesterday.\n",
           "I posted this to the R mailing list\nyesterday.", NULL, NULL,
           "'mailing list' in a sentence is text");
    sig_is("On Monday we could call.\nJane Doe wrote:\n> old\nYes.\n",
           "On Monday we could call.\n\nYes.", NULL, NULL,
           "a sentence above an attribution is not joined to it");
    sig_is("Hi.\n\nOn Wed, Feb 7, 2018 at 10:54 AM, Uwe Roe <uwe@x.example\n> wrote:\n\n> old\n",
           "Hi.", NULL, NULL, "Gmail's wrap inside the address ('> wrote:')");
    sig_is("new\n\n* Jane <j@x.example> [2026-11-23 10:00]:\n| old line\n| more\n\nreply\n",
           "new\n\nreply", NULL, NULL, "'|' quotes after an attribution");
    sig_is("| a | b |\n| 1 | 2 |\n", "| a | b |\n| 1 | 2 |", NULL, NULL,
           "'|' tables stay without an attribution");
    /* The sign-offs ignore case, ASCII or not (body.c ci_prefix's ASCII
     * path and signoff_line's first-character test). */
    sig_is("Ok.\n\nBEST REGARDS,\nJane Roe\n", "Ok.", "Jane Roe", NULL, "a sign-off in capitals");
    sig_is("D'accord.\n\nBIEN À VOUS,\nJeanne Martin\n", "D'accord.", "Jeanne Martin", NULL,
           "a sign-off in capitals past ASCII");
    sig_is("Gut.\n\nMit freundlichen Grüßen\nHans Müller\n", "Gut.", "Hans Müller", NULL,
           "a sign-off with a letter past ASCII");
    sig_is("Gut.\n\nÜbrigens kommt Hans Müller morgen.\n",
           "Gut.\n\nÜbrigens kommt Hans Müller morgen.", NULL, NULL,
           "a line starting past ASCII is no sign-off");
}

static void test_speed(void)
{
    GString *s = g_string_new(NULL), *h = g_string_new(NULL);
    struct lu_body b;

    for (int i = 0; s->len < 4000000; i++) {
        g_string_append_printf(s, "Line %d: can we meet on Tuesday at 10:00 about the plan?\n", i);
        if (i % 7 == 0)
            g_string_append(s, "> a quoted line\n");
        if (i % 11 == 0)
            g_string_append(s, "On Mon, Nov 23, 2026 at 10:12 AM Jane Doe <jane@x.example>\n");
        if (i % 13 == 0)
            g_string_append(s, "-- \nThanks,\n\n");
    }
    while (h->len < 4000000)
        g_string_append(h, "<div><p class=MsoNormal>Hello <b>world</b> &amp; more&nbsp;</p>"
                           "<blockquote>quoted <i>text</i></blockquote><br></div>\n");
    /* Large inputs: a quadratic step would never finish here; speed itself
     * is measured by the benchmark, not by a timed test. */
    lu_body_extract(s->str, false, &b);
    ok(g_utf8_validate(b.text, -1, NULL) && strstr(b.text, "Line 1: can we meet") != NULL &&
           strstr(b.text, "> a quoted line") == NULL,
       "4 MB of text: the author's lines kept, quotes gone");
    lu_body_clear(&b);
    lu_body_extract(h->str, true, &b);
    ok(g_utf8_validate(b.text, -1, NULL) && strstr(b.text, "Hello world & more") != NULL &&
           strstr(b.text, "quoted text") == NULL,
       "4 MB of HTML: text kept, blockquotes gone");
    lu_body_clear(&b);
    g_string_free(s, TRUE);
    g_string_free(h, TRUE);
}

/* Message INDEX by AUTHOR without what earlier messages said (NULL: nothing dropped). */
static char *unquote(struct lu_said *s, const char *text, int index, int author, int *n)
{
    return lu_said_unquote(s, text, index, author, n);
}

static void test_said(void)
{
    struct lu_said *s = lu_said_new();
    GString *big = g_string_new(NULL);
    char *got;
    int n = -1;

    lu_said_add(s, "Hi Ann,\n\nI'll send the signed file this week. Thanks.\n\nBob", 0, 1);
    lu_said_add(s, "Could you check the figures\nfor March before Friday?", 1, 2);
    got = unquote(s, "Great, thank you!\n\nI'll send the signed file this week.", 2, 2, &n);
    is_str(got, "Great, thank you!\n\n", "a pasted promise of another writer is dropped");
    is_int(n, 1, "one sentence dropped");
    g_free(got);
    got = unquote(s, "i'll SEND the signed-file this week!! Sure. Thanks.", 2, 2, &n);
    is_str(got, " Sure. Thanks.", "compared folded: case, punctuation and spaces");
    g_free(got);
    ok(unquote(s, "I'll send the signed file this week.", 2, 1, &n) == NULL && n == 0,
       "the writer repeating their own sentence keeps it");
    lu_said_add(s, "Could you tell me what you think?", 2, 2);
    lu_said_add(s, "Could you tell me what you think?", 3, 1);
    got = unquote(s, "Could you tell me what you think?", 3, 1, NULL);
    ok(got && unquote(s, "Could you tell me what you think?", 4, 1, NULL) == NULL,
       "said first by the other side, then by the writer: pasted then, the writer's since");
    g_free(got);
    ok(unquote(s, "I'll send the signed file this week.", 0, 2, NULL) == NULL,
       "only earlier messages count");
    lu_said_add(s, "Sounds good to me.", 3, 2);
    ok(unquote(s, "Thanks.\n\nSounds good to me.", 4, 1, NULL) == NULL,
       "sentences under five words repeat by chance and stay");
    got = unquote(s, "Could you check the figures for March before Friday? Yes: they add up.", 3, 1,
                  NULL);
    is_str(got, " Yes: they add up.", "a question wrapped differently is found, its ? goes too");
    g_free(got);
    ok(unquote(s, "Could you check the figures for April before Friday?", 3, 1, NULL) == NULL,
       "a sentence that differs in one word is the writer's");
    /* Linear: 20,000 pasted sentences in a 1 MB message, each found near the last. */
    for (int i = 0; i < 20000; i++)
        g_string_append_printf(big, "Line %d of the report is here. ", i);
    lu_said_add(s, big->str, 4, 1);
    g_string_append(big, "My own closing words are these.");
    got = unquote(s, big->str, 5, 2, &n);
    is_str(g_strstrip(got), "My own closing words are these.", "a 1 MB paste is dropped whole");
    is_int(n, 20000, "sentence by sentence");
    g_free(got);
    g_string_free(big, TRUE);
    lu_said_free(s);
}

static void bulk_is(const char *in, bool want, const char *name)
{
    struct lu_body b;
    lu_body_extract(in, false, &b);
    is_int(b.bulk, want, "%s", name);
    lu_body_clear(&b);
}

static void test_bulk(void)
{
    bulk_is("Our picks of the week.\n\n--  FORWARD/JOKE OF THE DAY  --\nA long list of jokes.\n\n"
            "TO UNSUBSCRIBE: send a blank message to off@news.example.\n",
            true, "a section heading between dashes is no forward: its unsubscribe line counts");
    bulk_is("Could you check this offer?\n\n----- Original Message -----\nGreat deals.\n"
            "To unsubscribe, click here.\n",
            false, "an unsubscribe line in a forwarded message is not the writer's");
    bulk_is("Your password expires on Friday.\nPlease do not reply to this e-mail.\n", true,
            "a notice that says replies go unread");
    bulk_is("Could you send me the head count? Please do not reply to all.\n", false,
            "\"do not reply to all\" is a colleague's");
}

int main(int argc, char **argv)
{
    char *dir = g_path_get_dirname(argc > 0 ? argv[0] : ".");

    data_dir = g_build_filename(dir, "..", "data", "body", NULL);
    run_fixtures();
    test_html();
    test_hostile();
    test_signatures();
    test_speed();
    test_said();
    test_bulk();
    g_free(data_dir);
    g_free(dir);
    return tap_done();
}
