/* bulk-test.c - the learned bulk model (bulk.c): its features leave out the
 * lines the bulk rules read, say what the text's shape and sender are, agree
 * with the buckets the model reads, and the shipped weights tell a written
 * newsletter from a written personal question. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static bool has(GPtrArray *f, const char *name)
{
    for (guint i = 0; i < f->len; i++)
        if (strcmp(f->pdata[i], name) == 0)
            return true;
    return false;
}

/* A daily market letter sent to many, with no unsubscribe line and no
 * header that says so (written for this test). */
static const char newsletter[] =
    "EVENING MARKET REPORT - Tuesday, November 17, 2026\n"
    "\n"
    "Stocks closed higher today as energy shares rallied for a third session.\n"
    "The Dow gained 112 points, the Nasdaq rose 1.4% and crude oil futures\n"
    "settled at $78.20 a barrel.\n"
    "\n"
    "TODAY'S TOP PICKS\n"
    "- XYZ Energy (XYZE): breakout above resistance, target $42\n"
    "- Acme Pipelines (ACPL): strong volume, upgraded to BUY\n"
    "- North Gas (NGAS): earnings beat estimates by 12 cents\n"
    "\n"
    "Would you like our full analysis for your portfolio? Just reply to this email\n"
    "and our analysts will send it to you.\n"
    "\n"
    "Free trial: http://www.market-report.example.com/trial\n"
    "Charts: http://www.market-report.example.com/charts\n"
    "Daily picks: http://www.market-report.example.com/picks\n"
    "\n"
    "This report is for information only and is not investment advice.\n"
    "Past performance does not guarantee future results.\n";

/* A colleague's own question (written for this test). */
static const char personal[] =
    "Phillip,\n"
    "\n"
    "Can you send me the numbers for the Thursday meeting? I want to go\n"
    "over them with you before we talk to John.\n"
    "\n"
    "Thanks,\n";

int main(void)
{
    ok(lu_body_bulk_line("To UNSUBSCRIBE, write to us", 27), "an unsubscribe line is a bulk line");
    ok(!lu_body_bulk_line("Could you subscribe me?", 23), "a question is not");

    {
        /* the rules' lines are left out: the model must learn the rest */
        struct lu_bulk_in in = {.text = "Prices rose.\nClick here to unsubscribe from this list.\n",
                                .subject = "Weekly News",
                                .from = "news.letter2@example.com",
                                .recipients = 0};
        GPtrArray *f = lu_bulk_features(&in);
        is_str(f->pdata[0], "u:prices", "the first feature is the text's first word");
        ok(has(f, "u:rose"), "the text's words");
        ok(!has(f, "u:unsubscribe") && !has(f, "u:click"), "not the words of the bulk line");
        ok(has(f, "j:weekly") && has(f, "j:news"), "the subject's words");
        ok(has(f, "f:news") && has(f, "f:letter2") && has(f, "f:<digit>"),
           "the sender's local part");
        ok(has(f, "k:rcpt=0") && has(f, "k:lines=0") && has(f, "k:urls=0"), "the shape");
        g_ptr_array_unref(f);
    }
    {
        struct lu_bulk_in in = {.text = newsletter,
                                .subject = "Evening Market Report",
                                .from = "jane.miller@example.com",
                                .recipients = 1};
        GPtrArray *f = lu_bulk_features(&in);
        GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
        GHashTable *want = g_hash_table_new(NULL, NULL);
        bool same = true;

        ok(has(f, "k:urls=2") && has(f, "k:caps=1") && has(f, "k:rcpt=1"),
           "links, capitals, one recipient");
        lu_bulk_hashes(&in, h);
        for (guint i = 0; i < f->len; i++)
            g_hash_table_add(want, GUINT_TO_POINTER(lu_feature_bucket(f->pdata[i]) + 1));
        for (guint i = 0; i < h->len; i++) {
            same = same &&
                   g_hash_table_contains(want, GUINT_TO_POINTER(g_array_index(h, guint32, i) + 1));
            if (i)
                same = same && g_array_index(h, guint32, i - 1) < g_array_index(h, guint32, i);
        }
        ok(same && h->len == g_hash_table_size(want),
           "the model's buckets are the names' (%u), sorted, once", h->len);
        g_hash_table_destroy(want);
        g_array_free(h, TRUE);
        g_ptr_array_unref(f);
    }
    {
        struct lu_bulk_in bulk = {.text = newsletter,
                                  .subject = "Evening Market Report: energy shares rally",
                                  .from = "jane.miller@example.com",
                                  .recipients = 1};
        struct lu_bulk_in mine = {.text = personal,
                                  .subject = "numbers",
                                  .from = "john.arnold@example.com",
                                  .recipients = 1};
        double pb = lu_bulk_probability(&bulk), pp = lu_bulk_probability(&mine);

        ok(lu_bulk_n_weights > 0, "a model ships (%d weights)", lu_bulk_n_weights);
        ok(lu_bulk_threshold > 0.5 && lu_bulk_threshold < 1, "its threshold %.2f",
           lu_bulk_threshold);
        ok(pb >= lu_bulk_threshold, "the newsletter reads as bulk (%.3f)", pb);
        ok(pp >= 0 && pp < 0.5, "the personal question does not (%.3f)", pp);
        is_int(lu_bulk_probability(&bulk) == pb, 1, "the same score twice");
    }
    return tap_done();
}
