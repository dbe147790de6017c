/* lang-sv.c - the Swedish reading pack: the words by which leadup reads Swedish
 * mail it does not write in (quotes, forwarded messages, reply prefixes).
 * A reading pack has no drafts, no dates and no cues (leadup.h
 * struct lu_lang_pack, .reads_only; DEVELOPERS.md "Language packs"). */
#include "leadup.h"

static const char *const forward_markers[] = {"ursprungligt", "meddelande", NULL};
static const char *const attr_openers[] = {"den ", NULL};
static const char *const attr_verbs[] = {" skrev", NULL};
/* "SV:" (svar). */
static const char *const reply_prefixes[] = {"sv", NULL};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"från", NULL};
static const char *const quote_date[] = {"skickat", "datum", NULL};
static const char *const quote_to[] = {"till", NULL};
static const char *const quote_subject[] = {"ämne", NULL};

const struct lu_lang_pack lu_lang_sv = {
    .code = "sv",
    .reads_only = true,
    .forward_markers = forward_markers,
    .attr_openers = attr_openers,
    .attr_verbs = attr_verbs,
    .reply_prefixes = reply_prefixes,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
};
