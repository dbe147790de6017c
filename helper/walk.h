/* walk.h - scan.c's kept walk: what leadup.c's debug knobs set and its
 * counts print (declared here, not in leadup.h, whose text is part of the
 * sentence analysis's digest, Makefile SENSE_SRCS: a new declaration
 * there would analyse every text again). */
#ifndef LU_WALK_H
#define LU_WALK_H
#include "leadup.h"

/* Set from LEADUP_DEBUG_NO_KEPT_WALK: every walk of every thread reads
 * notmuch, the kept walk neither replayed nor brought up to date (tests
 * compare the two ways).  lu_walk_fresh counts the threads a replay read
 * from notmuch again, as changed since the walk was kept
 * (LEADUP_DEBUG_COUNTS, beside lu_walk_replayed). */
extern bool lu_debug_no_kept_walk;
extern guint64 lu_walk_fresh;

/* The mail root DB reads, with a trailing '/' (nm.c; owned by DB): the
 * files a walk gives are under it, so the kept walk is kept under it
 * too (a moved mail directory moves every file, and no revision). */
const char *lu_db_root(const struct lu_db *db);

/* The full walk reads each date slice, and its threads' messages outside
 * it, straight from Xapian (nm.c read_slice and read_rest, xapian-count.h
 * lu_xcount_slice and lu_xcount_rest), not through libnotmuch's searches;
 * lu_xwalk_read counts the messages it read so
 * (LEADUP_DEBUG_COUNTS), LEADUP_DEBUG_NO_XWALK (lu_debug_no_xwalk) makes
 * every slice a notmuch search (tests compare the two ways). */
extern bool lu_debug_no_xwalk;
extern guint64 lu_xwalk_read;

#endif
