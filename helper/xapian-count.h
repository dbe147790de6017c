/* xapian-count.h - how many messages carry a tag, from Xapian's term
 * frequency (xapian-count.cc); for nm.c only. */
#ifndef LU_XAPIAN_COUNT_H
#define LU_XAPIAN_COUNT_H

#ifdef __cplusplus
extern "C" {
#endif

struct lu_xcount;

/* Opens notmuch's Xapian database read-only, where notmuch 0.37 finds it
 * under its database path DBPATH (DBPATH/xapian, else
 * DBPATH/.notmuch/xapian), and keeps it only when it is the one notmuch
 * opened, at the same revision: its UUID is UUID and the upper bound of
 * its revision value is REVISION.  NULL otherwise (no such directory, a
 * Xapian error, another database, a commit in between): the caller counts
 * with notmuch.  Owned by the caller (lu_xcount_close). */
struct lu_xcount *lu_xcount_open(const char *dbpath, const char *uuid, unsigned long revision);

/* The messages carrying TAG into *OUT: Xapian's term frequency of the
 * tag's term (notmuch's prefix "K" and the tag), exact and read in one
 * look-up, where notmuch's count reads every posting.  Returns 0, or -1
 * on a Xapian error (the caller counts with notmuch). */
int lu_xcount_tag(struct lu_xcount *x, const char *tag, unsigned *out);

void lu_xcount_close(struct lu_xcount *x);

#ifdef __cplusplus
}
#endif

#endif
