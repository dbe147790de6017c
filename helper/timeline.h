/* timeline.h - LEADUP_DEBUG_TIMELINE: a first full scan's phases by
 * thread, for the bench (issue 14: where the two cores sit idle).  Each
 * mark prints to stderr the wall clock (CLOCK_REALTIME, so a runner can
 * subtract the time it started the process), the calling thread's CPU and
 * the process's; lu_tl_wait_* add up the time a thread spent blocked on
 * the workers' queue.  Off (the default), a mark is one load and a branch.
 * Not in leadup.h: that header is in the sentence analysis's digest. */
#ifndef LU_TIMELINE_H
#define LU_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

extern bool lu_tl_on; /* read once from the environment (lu_tl_init) */

void lu_tl_init(void);
/* Prints WHAT with the times above (any thread; one line, one write). */
void lu_tl_mark(const char *what);
/* Prints the calling thread's getrusage (RUSAGE_THREAD): user and
 * system time, faults, switches; a thread calls it as it ends. */
void lu_tl_usage(const char *what);
/* Nanoseconds of CLOCK_MONOTONIC, for a wait's two ends. */
int64_t lu_tl_now(void);
/* The blocked time of a worker waiting for work, and of the main thread
 * waiting for a job (lu_workers_wait) or for room (none now): summed. */
void lu_tl_add(int which, int64_t ns);
enum { LU_TL_WORKER_IDLE, LU_TL_MAIN_WAIT, LU_TL_KINDS };
/* Prints the sums and counts (after the workers stop). */
void lu_tl_sums(void);

#endif
