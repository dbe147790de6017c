/* addr.h - addr.c's reading of a plain From value (not in leadup.h, whose
 * text is part of the sentence analysis's digest, Makefile SENSE_SRCS). */
#ifndef LU_ADDR_H
#define LU_ADDR_H
#include "leadup.h"

/* VALUE's one mailbox when VALUE is of the plainest form ("Words
 * <local@dom.ain>", a bare addr), what lu_addr_list_parse would give
 * first, read without GMime; NULL for anything else.  Caller frees
 * (lu_addr_free). */
struct lu_addr *lu_addr_plain(const char *value);
/* Set from LEADUP_DEBUG_NO_PLAIN_ADDR: lu_addr_plain answers NULL, so every
 * value goes to GMime's parse (tests compare the two ways).
 * lu_plain_addrs counts the values lu_addr_plain read. */
extern bool lu_debug_no_plain_addr;
extern guint64 lu_plain_addrs;

#endif
