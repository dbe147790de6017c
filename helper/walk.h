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
/* Set from LEADUP_DEBUG_WALK_WHOLE: a replay of the index as kept writes
 * the whole kept walk again, as before session 34, not only the records
 * its tag writes changed, and a replayed full walk stages each message's
 * row of the plan (its item forgotten) as before (tests compare the two). */
extern bool lu_debug_walk_whole;
/* Set from LEADUP_DEBUG_NO_RECENT_ROWS: a full walk's message elsewhere
 * is looked up in the analysis cache again for each thread it may answer,
 * as before session 34, not taken from the row its own thread took. */
extern bool lu_debug_no_recent_rows;
extern guint64 lu_walk_fresh;

/* The mail root DB reads, with a trailing '/' (nm.c; owned by DB): the
 * files a walk gives are under it, so the kept walk is kept under it
 * too (a moved mail directory moves every file, and no revision). */
const char *lu_db_root(const struct lu_db *db);

/* The kept walk updated in place (store.c; leadup.h has the rest of its
 * functions): lu_store_walk_add with each thread's position in the kept
 * walk (POS: gint64 each, or NULL: the next one, as lu_store_walk_add);
 * lu_store_walk_patch, in the caller's transaction, puts this run's
 * records in place of the kept ones at the same positions, the others
 * left as they are, under KEY (NULL: none kept, as lu_store_walk_keep);
 * lu_store_walk_each_at gives each kept thread's position too (AT; NULL:
 * FN, as lu_store_walk_each). */
int lu_store_walk_add_at(struct lu_store *s, GPtrArray *tids, GPtrArray *msgs, GArray *pos);
int lu_store_walk_patch(struct lu_store *s, const char *key);
typedef int (*lu_walked_at_fn)(gint64 pos, const char *tid, GBytes *msgs, void *data);
int lu_store_walk_each_at(struct lu_store *s, lu_walked_at_fn at, lu_walked_fn fn, void *data);

/* The full walk reads each date slice, and its threads' messages outside
 * it, straight from Xapian (nm.c read_slice and read_rest, xapian-count.h
 * lu_xcount_slice and lu_xcount_rest), not through libnotmuch's searches;
 * lu_xwalk_read counts the messages it read so
 * (LEADUP_DEBUG_COUNTS), LEADUP_DEBUG_NO_XWALK (lu_debug_no_xwalk) makes
 * every slice a notmuch search (tests compare the two ways). */
extern bool lu_debug_no_xwalk;
extern guint64 lu_xwalk_read;
/* The messages a later slice did not read again, read already with their
 * thread (lu_xcount_slice's WALKED; LEADUP_DEBUG_COUNTS);
 * LEADUP_DEBUG_WALK_AGAIN (lu_debug_walk_again) reads them again, as
 * before, to compare. */
extern guint64 lu_walk_skipped;
extern bool lu_debug_walk_again;

/* The walk's messages' to: terms (notmuch's XTO: the words of every
 * recipient, To, Cc and Bcc, of every file notmuch indexed) as each
 * message is read from Xapian, given to FN with its Message-ID (the
 * strings FN's call's only), and whether it holds a reference term
 * (REFS: a References or In-Reply-To notmuch read); FN NULL: none.  A message read through
 * libnotmuch is not given (scan.c then reads its file as before). */
typedef void (*lu_to_fn)(const char *mid, const char *const *to, unsigned n, bool refs, void *data);
void lu_db_set_to(struct lu_db *db, lu_to_fn fn, void *data);
/* Threads a full walk left unread because no message of theirs is
 * written to me by the index's to: terms (scan.c none_to_me). */
extern guint64 lu_not_to_me;
/* The full walk's set of messages written to nobody of mine (scan.c
 * not_to_me_add): entries added, held now and at most, left when the
 * walk ended (none: each goes once its thread is decided). */
extern guint64 lu_not_to_me_added, lu_not_to_me_held, lu_not_to_me_most, lu_not_to_me_left;
/* Set from LEADUP_DEBUG_READ_NOT_MINE: every such thread's latest file is
 * read, as before session 35. */
extern bool lu_debug_read_not_mine;

/* notmuch's count of `*` into *OUT: Xapian's term frequency of notmuch's
 * mail term, one look-up where notmuch's count reads every posting (45 M
 * instructions at 10,000 messages); by notmuch when Xapian cannot answer.
 * Returns 0 or an error. */
int lu_db_mail_count(struct lu_db *db, unsigned *out);

/* lu_db_apply in parts, for tag writes begun during a full walk on a
 * thread of their own (scan.c tags_walk_*): the atomic section begun
 * (BEFORE: the revision before it), operations applied a batch at a time
 * in document order, then committed (AFTER: the revision after) or, COMMIT
 * false, left for lu_db_close to cancel.  Returns 0 or an error. */
int lu_db_apply_begin(struct lu_db *db, gint64 *before);
int lu_db_apply_some(struct lu_db *db, GArray *ops);
int lu_db_apply_end(struct lu_db *db, bool commit, gint64 *after);

#endif
