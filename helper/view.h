/* view.h - a thread view for a decision (scan.c, cmd-decide.c).
 * Declared here, not in leadup.h, whose text is part of the sentence
 * analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_VIEW_H
#define LU_VIEW_H
#include "leadup.h"

/* lu_thread_view without the rules: the thread, its headers, decisions
 * and answers elsewhere as lu_thread_view reads them, OUT->v left
 * cleared.  For a decision that lu_thread_view_commit decides anyway
 * once it is stored, and that reads nothing of the verdict before (the
 * rules' run was thrown away: 1.6 M instructions of a thread of 61,
 * issue 14).  Returns 0 or a status; OUT as lu_thread_view's. */
int lu_thread_view_unruled(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out);

/* Ends TV as a command's last step: closes its databases and leaves its
 * messages, decisions and verdict allocated for the process's exit to
 * take back, which it does for free, where lu_thread_view_clear freed
 * them one by one (0.3 M instructions of a thread of 61, 2% of why,
 * draft or a snooze: issue 14).  Only where the process exits next: the
 * view left by an earlier call is freed.  TV is cleared. */
void lu_thread_view_leave(struct lu_thread_view *tv);

/* Starts the write open of the notmuch database ahead (nm.c), on the
 * thread lu_db_open's write open waits on, so that it runs while the
 * caller syncs the decision journal and commits the store: the next
 * lu_db_open(ctx, true, ...) takes it, with the same wait for the lock.
 * The open took some 0.5 ms of a 7 ms decision, after the journal's fsync
 * (issue 14).  lu_db_write_ahead_drop lets an untaken one go (nothing was
 * written through it); the process may also just exit. */
void lu_db_write_ahead(void);
void lu_db_write_ahead_drop(void);

#endif
