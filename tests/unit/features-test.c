/* features-test.c - lu_features and lu_feature_bucket: the learned sentence
 * model's features are deterministic and what features.c says they are. */
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

static void want(GPtrArray *f, const char *const *yes, const char *const *no, const char *what)
{
    for (; *yes; yes++)
        ok(has(f, *yes), "%s: has %s", what, *yes);
    for (; *no; no++)
        ok(!has(f, *no), "%s: not %s", what, *no);
}

int main(void)
{
    /* FNV-1a test vectors (32 bits), reduced to 16 */
    is_int(lu_feature_bucket(""), 0x9dc5, "bucket of \"\"");
    is_int(lu_feature_bucket("a"), 0x292c, "bucket of \"a\"");
    is_int(lu_feature_bucket("foobar"), 0xf968, "bucket of \"foobar\"");

    {
        static const char *const cues[] = {"aux_you_q", "qmark"};
        struct lu_feat_ctx ctx = {.first = true, .cues = cues, .n_cues = 2};
        GPtrArray *f = lu_features("Could you send it?", &ctx), *g;
        static const char *const yes[] = {"u:could",   "u:you",       "b:<s>_could", "b:could_you",
                                          "b:it_</s>", "g:<co",       "g:<cou",      "g:uld>",
                                          "g:coul",    "s:q_end",     "p:you",       "x:first",
                                          "l:2",       "c:aux_you_q", "c:qmark",     NULL};
        static const char *const no[] = {"s:q_inside", "s:exclam",    "x:last",    "p:i",
                                         "u:Could",    "s:code_many", "g:<could>", NULL};
        want(f, yes, no, "Could you send it?");
        is_str(f->pdata[0], "u:could", "the first feature is the first word");
        g = lu_features("Could you send it?", &ctx);
        ok(f->len == g->len, "same features twice (%u)", f->len);
        for (guint i = 0; i < f->len && i < g->len; i++)
            if (strcmp(f->pdata[i], g->pdata[i]) != 0)
                ok(0, "feature %u differs: %s %s", i, (char *)f->pdata[i], (char *)g->pdata[i]);
        g_ptr_array_unref(g);
        g_ptr_array_unref(f);
    }
    {
        static const char *const prev[] = {"lets"};
        struct lu_feat_ctx ctx = {
            .last = true, .prev_cues = prev, .n_prev = 1, .prev_question = true};
        GPtrArray *f = lu_features("x <- f(); y$z is it? I don't know!", &ctx);
        static const char *const yes[] = {
            "s:code<-", "s:code()", "s:code$", "s:code;", "s:code_many", "s:q_inside", "s:exclam",
            "u:don't",  "p:i",      "x:last",  "v:lets",  "v:question",  NULL};
        static const char *const no[] = {"s:q_end", "x:first", "p:you", NULL};
        want(f, yes, no, "code line");
        g_ptr_array_unref(f);
    }
    {
        /* names are counted once however often the word comes */
        GPtrArray *f = lu_features("Yes yes yes.", NULL);
        guint n = 0;
        for (guint i = 0; i < f->len; i++)
            n += strcmp(f->pdata[i], "u:yes") == 0;
        is_int(n, 1, "a word's feature once");
        ok(has(f, "b:yes_yes") && has(f, "l:1"), "pairs and length bucket");
        g_ptr_array_unref(f);
    }
    {
        /* the buckets classify reads are the names' buckets, each once */
        static const char *const cues[] = {"aux_you_q"};
        struct lu_feat_ctx ctx = {.first = true,
                                  .cues = cues,
                                  .n_cues = 1,
                                  .rule_labels = LU_L_REQUEST,
                                  .rule_reply = true,
                                  .vote = 1.7,
                                  .next = "Because the path is relative."};
        GPtrArray *f = lu_features("Why does this fail? Yes yes.", &ctx);
        GArray *h = g_array_new(FALSE, FALSE, sizeof(guint32));
        GHashTable *want_b = g_hash_table_new(NULL, NULL);
        bool all = true, sorted = true;
        static const char *const yes[] = {"r:request", "r:reply",    "r:z1",
                                          "n:because", "s:q_inside", NULL};
        static const char *const no[] = {"n:question", "r:none", "x:last", NULL};

        want(f, yes, no, "rules' labels and the next sentence");
        lu_feature_hashes("Why does this fail? Yes yes.", &ctx, h);
        for (guint i = 0; i < f->len; i++)
            g_hash_table_add(want_b, GUINT_TO_POINTER(lu_feature_bucket(f->pdata[i]) + 1));
        for (guint i = 0; i < h->len; i++) {
            guint32 b = g_array_index(h, guint32, i);
            all = all && g_hash_table_contains(want_b, GUINT_TO_POINTER(b + 1));
            sorted = sorted && (i == 0 || g_array_index(h, guint32, i - 1) < b);
        }
        ok(all && h->len == g_hash_table_size(want_b),
           "lu_feature_hashes gives the names' buckets (%u, %u)", h->len,
           g_hash_table_size(want_b));
        ok(sorted, "the buckets are sorted, each once");
        g_hash_table_destroy(want_b);
        g_array_unref(h);
        g_ptr_array_unref(f);
    }
    {
        /* reported speech and a question put to the reader */
        GPtrArray *f = lu_features("She asked whether we could meet", NULL);
        static const char *const yes[] = {"p:third_start", "p:reported", "p:whether",
                                          "s:no_end_mark", NULL};
        static const char *const no[] = {"p:you", "s:q_end", NULL};
        want(f, yes, no, "reported speech");
        g_ptr_array_unref(f);
        f = lu_features("x <- f(y) ?", NULL);
        ok(has(f, "s:assign") && has(f, "s:q_end") && has(f, "s:lower_start"),
           "code with a question mark");
        g_ptr_array_unref(f);
    }
    return tap_done();
}
