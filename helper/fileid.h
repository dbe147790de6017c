/* fileid.h - a message file's identity as the analysis cache keys it
 * (fileid.c; pure).  Declared here, not in leadup.h, whose text is part of
 * the sentence analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_FILEID_H
#define LU_FILEID_H
#include <sys/stat.h>

/* The format lu_file_identity_of gives: device, inode, size, mtime. */
#define LU_FILE_ID_FMT "%ju:%ju:%jd:%jd.%09ld"

/* SB's identity, "dev:ino:size:sec.nsec", the text
 * g_strdup_printf(LU_FILE_ID_FMT, ...) gives it (the analysis rows' key
 * holds it: a different text reads every message again), written by hand
 * (the printf was 3,100 instructions a message, 1.1% of a decision on a
 * thread of 61; issue 14).  Caller frees (g_free). */
char *lu_file_identity_of(const struct stat *sb);

#endif
