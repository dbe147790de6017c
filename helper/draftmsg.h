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
/* Whether BODY goes as 7bit: ASCII in short lines that no MTA rewrites
 * (no "From " or "." at a line start, no trailing white space); else
 * lu_mime_draft writes it quoted-printable. */
bool lu_draft_body_7bit(const char *body);

/* lu_addr_norm (identity.c) of EMAIL into BUF (LU_ADDR_NORM_MAX bytes)
 * without allocating: true; false when it does not fit (the caller
 * asks lu_addr_norm). */
#define LU_ADDR_NORM_MAX 256
bool lu_addr_norm_into(const char *email, char *buf);
/* lu_identity_is_me's answer, through lu_addr_norm_into where it fits
 * (a draft asks it 240 times on a thread of 61: 0.2 M instructions). */
bool lu_draft_is_me(const struct lu_identity *id, const char *email);
/* Whether A and B are the same mailbox (their lu_addr_norm the same). */
bool lu_draft_same_addr(const char *a, const char *b);

#endif
