/* lang.c - which language a text is written in (English, German, French or
 * Spanish), so that a lead-up answers in the language of the thread.  Pure:
 * counts frequent function words, which no topic or name can outweigh. */
#include "leadup.h"

#include <string.h>

static const char *const codes[LU_LANG_N] = {"en", "de", "fr", "es"};

/* Words frequent in one language and rare in the three others. */
static const char *const words[LU_LANG_N][40] = {
    {"the",  "and",  "you",  "is",   "are",   "to",    "of",     "for",    "with",
     "this", "that", "have", "will", "would", "could", "please", "thanks", "what",
     "when", "we",   "it",   "be",   "on",    "my",    "your",   "can",    "if",
     "i",    "not",  "from", "at",   "was",   "do",    "know",   NULL},
    {"und",  "der",  "die",   "das", "ich",   "sie",   "ist",    "nicht",   "mit",   "für",
     "auf",  "ein",  "eine",  "wir", "bitte", "danke", "dank",   "zu",      "den",   "dem",
     "es",   "sind", "haben", "wie", "auch",  "noch",  "können", "könnten", "ihnen", "ihre",
     "oder", "wenn", "bis",   "vom", "gerne", "gern",  "grüße",  "schon",   "uns",   NULL},
    {"le",    "la",   "les",   "et",      "est",          "vous", "nous", "je",
     "pour",  "avec", "une",   "des",     "du",           "pas",  "que",  "qui",
     "sur",   "dans", "merci", "votre",   "vos",          "au",   "aux",  "ce",
     "cette", "mais", "ou",    "bonjour", "cordialement", "être", "avez", "pouvez",
     "sont",  "très", "bien",  "j'ai",    "c'est",        "d'un", NULL},
    {"el",    "los",   "las",   "y",   "es",      "usted",   "por",    "para",    "con",   "una",
     "del",   "que",   "no",    "su",  "sus",     "gracias", "hola",   "muy",     "pero",  "como",
     "este",  "esta",  "estos", "le",  "lo",      "al",      "se",     "saludos", "favor", "podría",
     "puede", "tengo", "hay",   "nos", "también", "mañana",  "cuando", NULL},
};

const char *lu_lang_code(enum lu_lang l)
{
    return l < LU_LANG_N ? codes[l] : codes[LU_LANG_EN];
}

int lu_lang_parse(const char *s)
{
    for (int l = 0; s && l < LU_LANG_N; l++)
        if (g_ascii_strcasecmp(s, codes[l]) == 0)
            return l;
    return -1;
}

/* Counts W for every language whose list holds it. */
static void word_lang_hits(const char *w, int *hits)
{
    for (int l = 0; l < LU_LANG_N; l++)
        for (int k = 0; words[l][k]; k++)
            if (strcmp(w, words[l][k]) == 0) {
                hits[l]++;
                break;
            }
}

enum lu_lang lu_lang_guess(const char *text, int *hits_out)
{
    int hits[LU_LANG_N] = {0}, best = LU_LANG_EN;
    char *low = g_utf8_strdown(text ? text : "", -1);
    const char *p = low;

    /* Words are runs of letters and apostrophes ("c'est", "j'ai"). */
    while (*p) {
        const char *b;
        while (*p && !g_unichar_isalpha(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        b = p;
        while (*p && (g_unichar_isalpha(g_utf8_get_char(p)) || *p == '\''))
            p = g_utf8_next_char(p);
        if (p > b) {
            char *w = g_strndup(b, p - b);
            word_lang_hits(w, hits);
            g_free(w);
        }
    }
    for (int l = 1; l < LU_LANG_N; l++)
        if (hits[l] > hits[best])
            best = l;
    /* Too little text to tell: English, the templates' own language. */
    if (hits[best] < 3)
        best = LU_LANG_EN;
    if (hits_out)
        *hits_out = hits[best];
    g_free(low);
    return (enum lu_lang)best;
}
