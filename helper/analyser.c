/* analyser.c - the analyser's digest (the Makefile's ANALYSER_SRCS and
 * GMime's version), which keys the analysis cache.  make writes it into
 * analyser.h when it changes, and only this file is compiled again; apart
 * from version.c, so that a build with another version keeps it. */
#include "leadup.h"
#include "analyser.h"
#include "said.h"

const char lu_analyser[] = LU_ANALYSER_DIGEST;
const char lu_sense_analyser[] = LU_SENSE_DIGEST;
const char lu_said_analyser[] = LU_SAID_DIGEST;
