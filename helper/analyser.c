/* analyser.c - the analyser's digest (the Makefile's ANALYSER_SRCS and
 * GMime's version), which keys the analysis cache.  make writes it into
 * analyser.h when it changes, and only this file is compiled again; apart
 * from version.c, so that a build with another version keeps it. */
#include "leadup.h"
#include "analyser.h"
#include "said.h"

const char lu_analyser[] = LU_ANALYSER_DIGEST;
/* The analysis keeps the per-message model's verdict (scan.c
 * lu_msgm_decide), so its weights key the cache too; helper/leadup-reply-
 * model's, where the model decides expects_reply, is a cache of its own,
 * never shared with helper/leadup's */
#ifdef LU_REPLY_BY_MODEL
const char lu_sense_analyser[] = LU_SENSE_DIGEST "+" LU_MSGM_DIGEST "+model";
#else
const char lu_sense_analyser[] = LU_SENSE_DIGEST "+" LU_MSGM_DIGEST;
#endif
const char lu_said_analyser[] = LU_SAID_DIGEST;
