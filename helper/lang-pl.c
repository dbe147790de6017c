/* lang-pl.c - the Polish reading pack: the words by which leadup reads Polish
 * mail it does not write in (quotes, forwarded messages, reply prefixes).
 * A reading pack has no drafts, no dates and no cues (leadup.h
 * struct lu_lang_pack, .reads_only; DEVELOPERS.md "Language packs"). */
#include "leadup.h"

static const char *const forward_markers[] = {"wiadomość", NULL};
/* "Odp:" (odpowiedź). */
static const char *const reply_prefixes[] = {"odp", NULL};

const struct lu_lang_pack lu_lang_pl = {
    .code = "pl",
    .reads_only = true,
    .forward_markers = forward_markers,
    .reply_prefixes = reply_prefixes,
};
