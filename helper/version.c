/* version.c - this leadup's version, from git describe or a tarball's
 * VERSION file (scripts/version-gen), and the analyser's digest (the
 * Makefile's ANALYSER_SRCS).  make writes them into version.h and
 * analyser.h, and only this file is compiled again when they change. */
#include "leadup.h"
#include "analyser.h"
#include "version.h"

const char lu_version[] = LU_VERSION_STRING;
const char lu_analyser[] = LU_ANALYSER_DIGEST;
