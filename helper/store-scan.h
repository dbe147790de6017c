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

/* Whether the state holds no analysis row and no delivery failure, the
 * rows lu_store_prune_absent prunes, into *NONE: then a full scan that
 * begins so has none to prune (every row it writes is of a message it
 * walked), and skips the look-up (s37-first: 186 M instructions, 4.9% of
 * the main thread's, of the first full scan at 10,000 messages).
 * lu_prunes_skipped counts the scans that skipped it, lu_prunes_done
 * those that looked (LEADUP_DEBUG_COUNTS).  Returns 0 or a status. */
int lu_store_prune_none(struct lu_store *s, bool *none);
extern unsigned lu_prunes_skipped, lu_prunes_done;
/* Set from LEADUP_DEBUG_PRUNE_ALL: a full scan looks for rows to prune
 * whatever the state held at its start (tests compare the two). */
extern bool lu_debug_prune_all;

/* Begins a read transaction, so that the reads until lu_store_read_end
 * share one (each statement alone begins and ends its own: an incremental
 * scan's thread of 62 read 130 rows, 0.3 M instructions in sqlite's
 * transactions, issue 14).  Nothing inside a transaction already open.
 * No write between the two.  Returns 0 or EX_IOERR (printed). */
int lu_store_read_begin(struct lu_store *s);
/* Ends lu_store_read_begin's transaction, if one is open. */
void lu_store_read_end(struct lu_store *s);

/* The kept walk's rows of lu_store_walk_keep (PATCH false) or
 * lu_store_walk_patch (PATCH true), in the caller's transaction, without
 * the meta "walked" key: KEEP, this run's records moved into walked (the
 * caller sets the key once it knows the revision after its tag writes);
 * else the kept walk dropped, key and all.  So the records move on the
 * rows' thread beside the tag writes (scan.c rows_save_run).  Returns 0
 * or a status. */
int lu_store_walk_move(struct lu_store *s, bool keep, bool patch);

/* sqlite's checkpoint of what is committed in the write-ahead log into
 * the database, PASSIVE (never waits; errors left to the next one): a
 * full scan's rows' thread runs it beside the tag writes, so that the
 * commit after them copies only its own transaction. */
void lu_store_checkpoint(struct lu_store *s);
/* sqlite's automatic checkpoint after PAGES pages of log (1000 by
 * default; sqlite3_wal_autocheckpoint). */
void lu_store_autocheckpoint(struct lu_store *s, int pages);

/* LEADUP_DEBUG_NO_BULK: a write of the staged plan into empty items
 * runs the triggers as any other does (store.c bulk_begin; t341). */
extern bool lu_debug_no_bulk;

#endif
