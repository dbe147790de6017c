/* version.c - this leadup's version, from git describe or a tarball's
 * VERSION file (scripts/version-gen).  make writes it into version.h, and
 * only this file is compiled again when it changes. */
#include "leadup.h"
#include "version.h"

const char lu_version[] = LU_VERSION_STRING;
