/* prio.h - a thread's own priority (workers.c).  Not in leadup.h: that
 * header is in the sentence analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_PRIO_H
#define LU_PRIO_H

/* Lowers the calling thread's priority by BY (nice, per thread on Linux;
 * at most 19); BY <= 0 leaves it.  A failure changes only the
 * scheduling. */
void lu_thread_lower(int by);

#endif
