/* tagwriter.h - a first full scan's tag writes begun during its walk, on
 * a thread of their own with a write handle of their own (issue 14,
 * s42-first; scan.c).  Not in leadup.h: that header is in the sentence
 * analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_TAGWRITER_H
#define LU_TAGWRITER_H

#include "leadup.h"

struct lu_tagwriter;

/* Starts the writer: its thread opens notmuch for writing (waiting out
 * the lock as lu_db_open does) and begins one atomic section; returns
 * once that is done, with *BEFORE the revision before the section.  On
 * success *OUT (owned by the caller, ended by lu_tagwriter_join) takes
 * batches; on an error nothing is left running. */
int lu_tagwriter_start(struct lu_ctx *ctx, gint64 *before, struct lu_tagwriter **out);
/* Hands the writer OPS's entries from *FROM on (struct lu_tagop, shallow:
 * their strings stay OPS's, which must outlive the writer) and moves
 * *FROM to the end.  The thread applies them in document order. */
void lu_tagwriter_hand(struct lu_tagwriter *w, GArray *ops, guint *from);
/* Tells the writer no more comes: COMMIT, it applies what is queued and
 * commits (notmuch's end of the section and its close: Xapian's syncs);
 * else it applies nothing more and closes, which cancels the section.
 * Does not wait (lu_tagwriter_join). */
void lu_tagwriter_finish(struct lu_tagwriter *w, bool commit);
/* Waits for the writer, frees it; *AFTER the revision after its commit
 * (the one before when it committed nothing); returns its error, if any.
 * A writer never finished is finished uncommitted first. */
int lu_tagwriter_join(struct lu_tagwriter *w, gint64 *after);
/* Batches the writers applied (LEADUP_DEBUG_COUNTS). */
extern guint64 lu_tagwriter_batches;

#endif
