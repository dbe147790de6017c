/* lang-fi.c - the Finnish reading pack: the words by which leadup reads Finnish
 * mail it does not write in (quotes, forwarded messages, reply prefixes).
 * A reading pack has no drafts, no dates and no cues (leadup.h
 * struct lu_lang_pack, .reads_only; DEVELOPERS.md "Language packs"). */
#include "leadup.h"

static const char *const forward_markers[] = {"alkuperäinen", NULL};
/* "VS:" (vastaus). */
static const char *const reply_prefixes[] = {"vs", NULL};

const struct lu_lang_pack lu_lang_fi = {
    .code = "fi",
    .reads_only = true,
    .forward_markers = forward_markers,
    .reply_prefixes = reply_prefixes,
};
