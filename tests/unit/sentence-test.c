/* sentence-test.c - lu_sentences_split: where mail text breaks into sentences. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

/* Splits TEXT and compares with the NULL-terminated expected sentences. */
static void check(const char *name, const char *text, const char *const *want)
{
    GPtrArray *got = lu_sentences_split(text);
    guint n = 0;

    while (want[n])
        n++;
    if (!is_int(got->len, n, "%s: %u sentences", name, n)) {
        for (guint i = 0; i < got->len; i++)
            printf("#   [%s]\n", (char *)got->pdata[i]);
    } else {
        for (guint i = 0; i < n; i++)
            is_str(got->pdata[i], want[i], "%s: sentence %u", name, i + 1);
    }
    g_ptr_array_unref(got);
}

#define CHECK(name, text, ...)                                                                     \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__, NULL};                                    \
        check(name, text, want_);                                                                  \
    } while (0)

int main(void)
{
    GPtrArray *none;

    CHECK("plain", "We met. It went well! Shall we go on?", "We met.", "It went well!",
          "Shall we go on?");
    CHECK("abbreviations", "Bring e.g. the slides. Dr. Ng will join at approx. 3 pm. Fine.",
          "Bring e.g. the slides.", "Dr. Ng will join at approx. 3 pm.", "Fine.");
    CHECK("i.e. and vs.", "Use the old form, i.e. the blue one. It is red vs. blue.",
          "Use the old form, i.e. the blue one.", "It is red vs. blue.");
    CHECK("numbers and times", "The rate is 3.5 percent. We start at 10.30 tomorrow. Ok.",
          "The rate is 3.5 percent.", "We start at 10.30 tomorrow.", "Ok.");
    CHECK("urls", "See https://example.org/a.b?x=1&y=2 for details. Or www.example.com. Thanks.",
          "See https://example.org/a.b?x=1&y=2 for details.", "Or www.example.com.", "Thanks.");
    CHECK("email address", "Write to ann.lee@example.com today. Bye.",
          "Write to ann.lee@example.com today.", "Bye.");
    CHECK("?! runs", "Really?! You did it?? Great!!! Next.", "Really?!", "You did it??", "Great!!!",
          "Next.");
    /* a charset that lost a character (é, a quotation mark) left a '?' glued
     * to a word, and the sentence goes on in lower case */
    CHECK("lost character",
          "The patch from Ren? was merged. It says ?foo? not found here. Ok? Yes.",
          "The patch from Ren? was merged.", "It says ?foo? not found here.", "Ok?", "Yes.");
    CHECK("question before lower case", "Did it build? it did for me.",
          "Did it build? it did for me.");
    CHECK("quoted question", "See the thread \"Why does it fail?\" from May. Is it \"done?\" Yes.",
          "See the thread \"Why does it fail?\" from May.", "Is it \"done?\"", "Yes.");
    CHECK("ellipsis", "I thought... maybe not. Well... We will see.", "I thought... maybe not.",
          "Well...", "We will see.");
    CHECK("quotes and brackets", "He said \"go.\" Then he left. (It was late.) Fine.",
          "He said \"go.\"", "Then he left.", "(It was late.)", "Fine.");
    CHECK("a.m. before lower case", "Call at 9 a.m. tomorrow please. Thanks.",
          "Call at 9 a.m. tomorrow please.", "Thanks.");
    CHECK("initials", "J. R. Smith signed it. Done.", "J. R. Smith signed it.", "Done.");
    CHECK("dash list", "Agenda:\n- budget review\n- hiring plan\n- next steps",
          "Agenda:", "budget review", "hiring plan", "next steps");
    CHECK("numbered list", "Two things:\n1. send the draft\n2. book the room",
          "Two things:", "send the draft", "book the room");
    CHECK("bracket list", "a) first point\nb) second point\n(3) third point", "first point",
          "second point", "third point");
    CHECK("bullet", "\xe2\x80\xa2 one\n\xe2\x80\xa2 two", "one", "two");
    CHECK("wrapped mail joined",
          "I have looked at the figures you sent and I think the second quarter\n"
          "needs another look before we send it to the board. Could you check\n"
          "the totals?",
          "I have looked at the figures you sent and I think the second quarter needs another "
          "look before we send it to the board.",
          "Could you check the totals?");
    CHECK("wrap after a short function word", "I talked with John and\nMary about it.",
          "I talked with John and Mary about it.");
    CHECK("blank-line paragraphs", "First paragraph without a stop\n\nSecond one",
          "First paragraph without a stop", "Second one");
    CHECK("greeting line", "Hi Anna,\nCould you send the report?", "Hi Anna,",
          "Could you send the report?");
    CHECK("short line ends a unit", "Thanks for the help\nBob", "Thanks for the help", "Bob");
    CHECK("CRLF", "One line.\r\nAnother line.\r\n", "One line.", "Another line.");
    CHECK("German ordinal", "Ich bin bis zum 2. Dezember nicht da. Danke.",
          "Ich bin bis zum 2. Dezember nicht da.", "Danke.");
    CHECK("white space collapsed", "  Too   many\tspaces  here.  ", "Too many spaces here.");
    CHECK("no final stop", "no punctuation at all", "no punctuation at all");
    CHECK("etc. before a capital", "Bring pens, paper etc. We start soon.",
          "Bring pens, paper etc.", "We start soon.");
    CHECK("lower-case after a stop", "ok. see you then.", "ok.", "see you then.");

    {
        /* Whatever the input, sentences are trimmed, non-empty, single-spaced. */
        GPtrArray *all = lu_sentences_split(
            "Hi all,\n\n  Two notes .  First, the e.g. case... second?!\n- a\n-  \n1. b\n\n\n"
            "Last line without stop \t \n");
        bool clean = all->len > 0;
        for (guint i = 0; i < all->len; i++) {
            const char *t = all->pdata[i];
            gsize n = strlen(t);
            clean = clean && n > 0 && !g_ascii_isspace(t[0]) && !g_ascii_isspace(t[n - 1]) &&
                    !strstr(t, "  ") && !strchr(t, '\n') && !strchr(t, '\t');
        }
        ok(clean, "sentences are trimmed, non-empty and single-spaced (%u)", all->len);
        g_ptr_array_unref(all);
    }

    {
        /* Every sentence is found where it stands, in turn: its bytes, white
         * space folded, are its text (classify's "offset" and "length"). */
        const char *text = "Hi all,\n\n  Two notes .  First, the e.g. case... second?!\n- a\n"
                           "-  \n1. b\n\n\nThanks.  Thanks.\nLast line\n  wrapped \t \n";
        GPtrArray *all = lu_sentences_split(text);
        gsize from = 0, start = 0, end = 0;
        bool found = all->len == 8;
        for (guint i = 0; found && i < all->len; i++) {
            char *at;
            found = lu_sentence_span(text, from, all->pdata[i], &start, &end) && start >= from;
            at = found ? lu_fold_space(text + start, (gssize)(end - start)) : NULL;
            found = found && strcmp(at, all->pdata[i]) == 0;
            g_free(at);
            from = end;
        }
        ok(found, "each of the %u sentences is found in turn where it stands", all->len);
        ok(lu_sentence_span(text, 0, "Thanks.", &start, &end) && start == 72 &&
               lu_sentence_span(text, end, "Thanks.", &start, &end) && start == 81,
           "a sentence said twice: the second is found after the first");
        ok(!lu_sentence_span(text, 0, "Not there.", &start, &end) &&
               !lu_sentence_span(text, 0, "", &start, &end) &&
               !lu_sentence_span(text, strlen(text) + 1, "a", &start, &end),
           "a sentence not in the text, an empty one, or past its end: not found");
        g_ptr_array_unref(all);
    }

    none = lu_sentences_split("");
    is_int(none->len, 0, "empty text: no sentences");
    g_ptr_array_unref(none);
    none = lu_sentences_split("\n \n\t\n");
    is_int(none->len, 0, "blank lines: no sentences");
    g_ptr_array_unref(none);
    none = lu_sentences_split(NULL);
    is_int(none->len, 0, "NULL: no sentences");
    g_ptr_array_unref(none);
    return tap_done();
}
