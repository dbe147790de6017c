/* draftmsg.h - a draft serialised (draftmsg.c).  Declared here, not in
 * leadup.h, whose text is part of the sentence analysis's digest
 * (Makefile SENSE_SRCS). */
#ifndef LU_DRAFTMSG_H
#define LU_DRAFTMSG_H
#include "leadup.h"

/* D as lu_mime_draft serialises it, byte for byte: written by hand when
 * every header is plain ASCII that GMime neither quotes, encodes nor
 * folds but References (lu_draft_plain), through lu_mime_draft
 * otherwise.  *LEN its length.  Caller frees. */
char *lu_draft_message(const struct lu_draft *d, gsize *len);
/* Whether lu_draft_message writes D by hand. */
bool lu_draft_plain(const struct lu_draft *d);

#endif
