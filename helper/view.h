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

#endif
