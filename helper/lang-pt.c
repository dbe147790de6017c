/* lang-pt.c - the Portuguese reading pack: the words by which leadup reads Portuguese
 * mail it does not write in (quotes, forwarded messages, reply prefixes).
 * A reading pack has no drafts, no dates and no cues (leadup.h
 * struct lu_lang_pack, .reads_only; DEVELOPERS.md "Language packs"). */
#include "leadup.h"

static const char *const forward_markers[] = {"mensagem", NULL};
static const char *const attr_openers[] = {"em ", NULL};
static const char *const attr_verbs[] = {" escreveu", NULL};
/* "RES:" (resposta). */
static const char *const reply_prefixes[] = {"res", NULL};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"de", NULL};
static const char *const quote_date[] = {"enviado", "data", NULL};
static const char *const quote_to[] = {"para", NULL};
static const char *const quote_subject[] = {"assunto", NULL};

const struct lu_lang_pack lu_lang_pt = {
    .code = "pt",
    .reads_only = true,
    .forward_markers = forward_markers,
    .attr_openers = attr_openers,
    .attr_verbs = attr_verbs,
    .thanks = "obrigado|obrigada",
    .reply_prefixes = reply_prefixes,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
};
