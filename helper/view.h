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

/* A decision's view (lu_thread_view; RULES false: lu_thread_view_unruled)
 * read through the handle that writes its tags: notmuch's write open
 * starts on its thread while the state opens, and the thread is read
 * through it, as `notmuch tag` reads and writes through one, not through
 * a read-only open of its own first (issue 14: 0.4 M instructions and
 * some 60 system calls of a snooze).  The write lock is held from the
 * view to lu_thread_view_commit's tag write, notmuch's before the
 * state's, the order a scan takes them.  Locked past [scan] lock_wait or
 * not writable: read-only, as before (lu_db_open_view).  Not for a view
 * that waits on the user (--ask): the lock would wait with it. */
int lu_thread_view_writing(struct lu_ctx *ctx, const char *id, bool rules,
                           struct lu_thread_view *out);

/* lu_thread_view_writing (the rules run) for an undo of ID: a message
 * notmuch no longer has sets *GONE and returns 0, OUT holding only its
 * databases and Message-ID (OUT->mid), where the others say so and fail;
 * the undo then forgets the decision (no read-only open first to ask). */
int lu_thread_view_undo(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out, bool *gone);

/* lu_db_open for a decision's view: WRITE, the write handle when the
 * lock comes within [scan] lock_wait (saying nothing while it waits past
 * it), else a read-only one, the wait spent: the write open after it
 * (lu_db_open(ctx, true, ...)) then takes the lock only if it came
 * meanwhile, so a locked database costs the wait once. */
int lu_db_open_view(struct lu_ctx *ctx, bool write, struct lu_db **out);

/* Whether DB was opened for writing (NULL: false). */
bool lu_db_writable(const struct lu_db *db);

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
