/* lang-nl.c - the Dutch reading pack: the words by which leadup reads Dutch
 * mail it does not write in (quotes, forwarded messages, reply prefixes).
 * A reading pack has no drafts, no dates and no cues (leadup.h
 * struct lu_lang_pack, .reads_only; DEVELOPERS.md "Language packs"). */
#include "leadup.h"

static const char *const forward_markers[] = {"bericht", NULL};
static const char *const attr_openers[] = {"op ", NULL};
static const char *const attr_verbs[] = {" schreef", NULL};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"van", NULL};
static const char *const quote_date[] = {"verzonden", "datum", NULL};
static const char *const quote_to[] = {"aan", NULL};
static const char *const quote_subject[] = {"onderwerp", NULL};

const struct lu_lang_pack lu_lang_nl = {
    .code = "nl",
    .reads_only = true,
    .forward_markers = forward_markers,
    .attr_openers = attr_openers,
    .attr_verbs = attr_verbs,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
};
