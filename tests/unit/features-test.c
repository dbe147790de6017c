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
                                          "g:ould>",   "s:q_end",     "p:you",       "x:first",
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
    return tap_done();
}
