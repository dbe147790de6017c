/* cue-test.c - the cue notation (cue.c): each element with a text it must
 * match and one it must not, the tokens it reads, and patterns it refuses. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

/* What PATTERN first matches in TEXT (BY_LINE: read by lines), or NULL.
 * Caller frees. */
static char *first(const char *pattern, const char *text, bool by_line)
{
    char *err = NULL, *ret = NULL;
    struct lu_cue_pat *P = lu_cue_compile(pattern, &err);
    struct lu_cue_text T;
    struct lu_cue_match m;

    if (!P) {
        printf("# '%s': %s\n", pattern, err);
        g_free(err);
        return g_strdup("(no pattern)");
    }
    lu_cue_tokenise(&T, text, by_line);
    if (lu_cue_find(P, &T, 0, NULL, NULL, &m))
        ret = g_strndup(text + m.off, (gsize)m.len);
    lu_cue_text_clear(&T);
    lu_cue_free(P);
    return ret;
}

struct cue_case {
    const char *what, *pattern, *text, *want; /* WANT NULL: no match */
    bool by_line;
};

static const struct cue_case cases[] = {
    /* words: case and apostrophes folded, punctuation is a word */
    {"a word", "check in", "Just Checking in or CHECK IN now", "CHECK IN", false},
    {"a word: not a part of one", "check in", "the checkin desk", NULL, false},
    {"’ folds to '", "don't know", "I don’t know yet", "don’t know", false},
    {"a spelling without its apostrophe folds", "don't know", "I dont know", "dont know", false},
    {"punctuation is a word", "novità ?", "Ci sono novità?", "novità?", false},
    /* alternatives and several words */
    {"a|b", "bump|bumping this", "Bumping this again", "Bumping this", false},
    {"a|b: neither", "bump|bumping this", "Bumped this", NULL, false},
    {"a_b: several words", "in_case you", "in case you missed it", "in case you", false},
    {"a_b: all of them", "in_case you", "in the case you", NULL, false},
    {"a_@num: a class inside several words", "to_@num", "bump it to 2.0", "to 2.0", false},
    {"a_@num: not another word", "to_@num", "bump it to the top", NULL, false},
    {"@class", "by @fut", "send it by Friday", "by Friday", false},
    {"@class: a word of another class", "by @fut", "signed by the parties", NULL, false},
    /* prefixes */
    {"pre*: the match ends after the prefix", "il disturb*", "Scusi il disturbo.", "il disturb",
     false},
    {"pre*: another word", "il disturb*", "il distributore", NULL, false},
    {"*: any one word", "my * email", "on my last email", "my last email", false},
    {"*: no punctuation", "my * email", "my, email", NULL, false},
    /* optional, negated, gaps */
    {"x?", "just? checking", "checking in", "checking", false},
    {"x?: taken when there", "just? checking", "just checking in", "just checking", false},
    {"!x: a word but x", "due !to", "due Friday", "due Friday", false},
    {"!x: not x", "due !to", "due to the storm", NULL, false},
    {"!x: not punctuation", "due !to", "due.", NULL, false},
    {"..: up to three words", "forward to .. meeting", "forward to our next big meeting",
     "forward to our next big meeting", false},
    {"..: not four", "forward to .. meeting", "forward to our very next big meeting", NULL, false},
    /* positions */
    {"=: the first word", "= bump", "- bump", "bump", false},
    {"=: not after a word", "= bump", "a bump", NULL, false},
    {"$: the end", "bump .? $", "just bump.", "bump.", false},
    {"$: not before a word", "bump $", "bump the version", NULL, false},
    {"= and $ by lines: a line of its own", "= bump .? $", "Hi Ann,\nBump.\nSam", "Bump.", true},
    {"= and $ by lines: not inside a line", "= bump .? $", "Hi Ann, bump\nSam", NULL, true},
    {"<: a clause's start", "< hope", "Thanks, hope it helps", "hope", false},
    {"<: not inside a clause", "< hope", "I hope it helps", NULL, false},
    {"^: the opening", "^ will", "Will send it", "Will", false},
    {"^: not later", "^ will", "I will send it", NULL, false},
    /* look-arounds */
    {">x: followed by x, not taken", "check in >on|with", "check in on the job", "check in", false},
    {">x: not followed by x", "check in >on|with", "check in the fix", NULL, false},
    {">$: or by the end", "check in >on|$", "just check in.", "check in", false},
    {">$: not by a word", "check in >on|$", "check in the fix", NULL, false},
    {"!>x: not followed by x", "any update !>will|of", "any update yet?", "any update", false},
    {"!>x: followed by x", "any update !>will|of", "any update will be posted", NULL, false},
    {"!>( ): several elements", "bump it !>( to @num )", "bump it to the top", "bump it", false},
    {"!>( ): all of them", "bump it !>( to @num )", "bump it to 3.1", NULL, false},
    {"!<x: not preceded by x", "!<for following up", "Hi, following up", "following up", false},
    {"!<x: preceded by x", "!<for following up", "thanks for following up", NULL, false},
    {"!<a_b: several words", "!<if_there_is any news", "Is there any news?", "any news", false},
    {"!<a_b: preceded by them", "!<if_there_is any news", "if there is any news", NULL, false},
    {"!<( ): several elements", "!<( if there is|are ) any news", "any news?", "any news", false},
    {"!<( ): preceded by them", "!<( if there is|are ) any news", "if there are any news", NULL,
     false},
    /* read by lines, a '.' before a capital ends a word */
    {"by lines: 'tested.THANKS' is two words", "thank*", "tested.THANKS", "THANK", true},
    {"a sentence: one word", "thank*", "tested.THANKS", NULL, false},
};

static void test_cases(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = first(cases[i].pattern, cases[i].text, cases[i].by_line);
        char *text = g_strescape(cases[i].text, "\u2019\u00e0"); /* one TAP line */
        is_str(got, cases[i].want, "%s: '%s' in \"%s\"", cases[i].what, cases[i].pattern, text);
        g_free(text);
        g_free(got);
    }
}

static void test_refused(void)
{
    static const char *const bad[] = {
        "you @impv|@weakv",                  /* a class the notation has not */
        "bump !>( to @num",                  /* a group without its end */
        "a_b_c_d_e_f",                       /* six words in one alternative */
        "",                                  /* nothing */
        "a||b",                              /* an empty alternative */
        "a b c d e f g h i j k l m n o p q", /* seventeen elements */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *err = NULL;
        struct lu_cue_pat *P = lu_cue_compile(bad[i], &err);
        ok(P == NULL && err && *err, "refused: '%s' (%s)", bad[i], err ? err : "no reason");
        lu_cue_free(P);
        g_free(err);
    }
}

static void test_tokens(void)
{
    struct lu_cue_text T;

    lu_cue_tokenise(&T, "Could you send it?\nNachfragen", true);
    is_int(T.n, 6, "five words and a question mark");
    ok(T.t[1].known && T.t[2].known && (T.t[2].cls & LU_W_IMPV), "grammar words are known");
    ok(T.t[4].cls & LU_W_PUNCT, "'?' is punctuation");
    ok(T.t[5].line && !T.t[4].line, "a token that starts a line says so");
    ok(T.t[5].id > 0 && !T.t[5].known,
       "a word only lint's cues name has an id but is unknown to the grammar (a name)");
    lu_cue_text_clear(&T);
}

/* A work verb done again, which the lexicon does not list, takes the class
 * of the verb it repeats ("resubmit", "re-upload"); a word that only starts
 * with "re" does not ("remain": "main" is no verb of the class). */
static void test_redone_verbs(void)
{
    struct lu_cue_text T;

    lu_cue_tokenise(&T, "resubmit re-upload rerun remain submit", false);
    is_int(T.n, 5, "five words, the hyphenated one whole");
    ok((T.t[0].cls & LU_W_IMPV) && (T.t[1].cls & LU_W_IMPV) && (T.t[2].cls & LU_W_IMPV),
       "resubmit, re-upload and rerun take the imperative class");
    ok(!(T.t[3].cls & LU_W_IMPV), "remain does not");
    ok(!T.t[0].known && T.t[4].known, "a verb done again stays unknown to the lexicon");
    lu_cue_text_clear(&T);
}

/* A text without a word every match must take is not tried at all: no
 * step at any of its tokens (issue 14: most of classify's patterns on any
 * one sentence).  A text with the word is tried as before. */
static void test_needed_words(void)
{
    char *err = NULL;
    struct lu_cue_pat *P = lu_cue_compile("tell? please send|forward", &err);
    struct lu_cue_text T;
    struct lu_cue_match m;
    guint64 before;
    bool found;

    lu_cue_tokenise(&T, "Could you call me, then, and tell them about it?", false);
    before = lu_text_steps;
    found = lu_cue_find(P, &T, 0, NULL, NULL, &m);
    ok(!found && lu_text_steps == before, "a text without \"please\" takes no step (%d)",
       (int)(lu_text_steps - before));
    lu_cue_text_clear(&T);
    lu_cue_tokenise(&T, "Thanks, and please forward it.", false);
    ok(lu_cue_find(P, &T, 0, NULL, NULL, &m) && m.b == 3, "a text with it is matched as before");
    lu_cue_text_clear(&T);
    lu_cue_free(P);
}

/* SRC's pattern as leadup holds it (the table) and as the compiler makes
 * it now: the same; *N counts SRC, *SAME the equal ones. */
static void same_as_compiled(const char *src, int *n, int *same)
{
    char *err = NULL;
    struct lu_cue_pat *P;

    if (!src)
        return;
    P = lu_cue_compile(src, &err);
    (*n)++;
    if (P && lu_cue_same(lu_cue_of(src), P))
        (*same)++;
    else
        printf("# differs from the compiler's: '%s'\n", src);
    lu_cue_free(P);
    g_free(err);
}

/* The packs' patterns are compiled when leadup is built (helper/cue-table.h):
 * every one is what the compiler makes of its text, and none is compiled
 * at start. */
static void test_table(void)
{
    const struct lu_lang_pack *pk;
    guint before;
    int n = 0, same = 0;

    lu_cue_init();
    before = lu_cue_compiles;
    for (int l = 0; (pk = lu_lang_known(l)); l++) {
        for (const struct lu_grammar_cue *g = pk->grammar; g && g->feat; g++)
            same_as_compiled(g->pattern, &n, &same);
        for (const struct lu_cue *c = pk->cues; c && c->pattern; c++)
            same_as_compiled(c->pattern, &n, &same);
        for (const struct lu_chase_cue *c = pk->chasing; c && c->cue; c++)
            same_as_compiled(c->cue, &n, &same);
        same_as_compiled(pk->thanks, &n, &same);
    }
    ok(n > 500 && same == n, "the table's %d patterns are the compiler's (%d the same)", n, same);
    is_int((int)before, 0, "none compiled at start");
}

int main(void)
{
    test_table();
    test_cases();
    test_needed_words();
    test_refused();
    test_tokens();
    test_redone_verbs();
    return tap_done();
}
