/* mail.h - the unit tests' mail: messages made from header lines and parsed
 * by GMime (lu_mime_read_bytes), threads made of them.  Linked into every
 * unit test (tests/unit/mail.o, Makefile). */
#ifndef LU_TEST_MAIL_H
#define LU_TEST_MAIL_H

#include "leadup.h"

/* A plain-text message "Hello." with these headers (CC, SUBJECT and EXTRA,
 * raw header lines ending in "\n", may be NULL); m->mine is set when ME is
 * given.  Caller frees (lu_msg_free). */
struct lu_msg *ut_msg(const struct lu_identity *me, const char *id, const char *from,
                      const char *to, const char *cc, const char *date, const char *subject,
                      const char *extra);
/* A thread of the messages FIRST, ... up to NULL, oldest first; it owns
 * them.  Caller frees (g_ptr_array_free). */
GPtrArray *ut_thread(struct lu_msg *first, ...) G_GNUC_NULL_TERMINATED;

#endif
