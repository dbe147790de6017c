/* store-scan.h - the store's functions for the scan's reads and the
 * analysis cache's folded sentences (store.c; scan.c).  Declared here, not
 * in leadup.h, whose text is part of the sentence analysis's digest
 * (Makefile SENSE_SRCS): a line added there would have every user analyse
 * every text again after upgrading (issue 14). */
#ifndef LU_STORE_SCAN_H
#define LU_STORE_SCAN_H
#include "leadup.h"

/* lu_store_analysis_get, and into *SAID (may be NULL; the caller's) the
 * row's folded sentences (said.h lu_said_add_msg's record, unchecked), or
 * NULL. */
int lu_store_analysis_read(struct lu_store *s, const char *mid, const char *file,
                           const char *analyser, GBytes **headers, GBytes **body, GBytes **sense,
                           GBytes **said);
/* lu_store_analysis_put, with the row's folded sentences SAID (may be NULL). */
int lu_store_analysis_write(struct lu_store *s, const char *mid, const char *file,
                            const char *analyser, GBytes *headers, GBytes *body, GBytes *sense,
                            GBytes *said);
/* Keeps SAID as the folded sentences of the cache's row of MID from FILE
 * (a row not there: nothing).  Within the caller's write transaction.
 * Returns 0 or a status. */
int lu_store_analysis_said(struct lu_store *s, const char *mid, const char *file,
                           const char *analyser, GBytes *said);

/* Writes PLANS (struct lu_thread_plan*, in order) as lu_store_put_staged
 * writes them once lu_store_stage staged them, without staging: for a
 * scan whose plans stayed few and in memory (an incremental scan's).
 * Staging made a table of the connection's own (sqlite's temporary
 * database, created for it) and wrote and read back a row a message:
 * 1.1 M instructions of the one-new-message scan's 18.3 M (issue 14).
 * Within the caller's write transaction.  Returns 0 or a status. */
int lu_store_put_plans(struct lu_store *s, GPtrArray *plans);

/* Whether the state holds no decision (*NO_DECISIONS) and no delivery
 * failure (*NO_BOUNCES).  Returns 0 or a status (printed). */
int lu_store_rows_none(struct lu_store *s, bool *no_decisions, bool *no_bounces);

/* Begins a read transaction, so that the reads until lu_store_read_end
 * share one (each statement alone begins and ends its own: an incremental
 * scan's thread of 62 read 130 rows, 0.3 M instructions in sqlite's
 * transactions, issue 14).  Nothing inside a transaction already open.
 * No write between the two.  Returns 0 or EX_IOERR (printed). */
int lu_store_read_begin(struct lu_store *s);
/* Ends lu_store_read_begin's transaction, if one is open. */
void lu_store_read_end(struct lu_store *s);

#endif
