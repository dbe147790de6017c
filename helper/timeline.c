/* timeline.c - LEADUP_DEBUG_TIMELINE's marks (timeline.h). */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include "timeline.h"

#include <glib.h>
#include <stdio.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

bool lu_tl_on;
static gint64 sums[LU_TL_KINDS], counts[LU_TL_KINDS];

void lu_tl_init(void)
{
    lu_tl_on = g_getenv("LEADUP_DEBUG_TIMELINE") != NULL;
}

static int64_t clock_ns(clockid_t c)
{
    struct timespec ts;

    clock_gettime(c, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t lu_tl_now(void)
{
    return clock_ns(CLOCK_MONOTONIC);
}

void lu_tl_mark(const char *what)
{
    char line[256];
    int n;

    if (!lu_tl_on)
        return;
    /* the thread's time runnable but not running (schedstat's second field) */
    long long delay = -1;
    FILE *f = fopen("/proc/thread-self/schedstat", "r");
    if (f) {
        if (fscanf(f, "%*s %lld", &delay) != 1)
            delay = -1;
        fclose(f);
    }
    n = snprintf(line, sizeof line, "timeline %lld %lld %lld %d %lld %s\n",
                 (long long)clock_ns(CLOCK_REALTIME), (long long)clock_ns(CLOCK_THREAD_CPUTIME_ID),
                 (long long)clock_ns(CLOCK_PROCESS_CPUTIME_ID), (int)syscall(SYS_gettid), delay,
                 what);
    if (n > 0 && write(2, line, (size_t)MIN(n, (int)sizeof line - 1)) < 0)
        lu_tl_on = false;
}

void lu_tl_usage(const char *what)
{
    struct rusage ru;

    if (!lu_tl_on || getrusage(RUSAGE_THREAD, &ru))
        return;
    /* one line: user and system microseconds, minor and major faults,
     * voluntary and involuntary switches of the calling thread */
    fprintf(stderr, "timeline-usage %d %lld %lld %ld %ld %ld %ld %s\n", (int)syscall(SYS_gettid),
            (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec,
            (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec, ru.ru_minflt,
            ru.ru_majflt, ru.ru_nvcsw, ru.ru_nivcsw, what);
}

void lu_tl_add(int which, int64_t ns)
{
    __atomic_fetch_add(&sums[which], ns, __ATOMIC_RELAXED);
    __atomic_fetch_add(&counts[which], 1, __ATOMIC_RELAXED);
}

void lu_tl_sums(void)
{
    if (lu_tl_on)
        fprintf(stderr,
                "timeline-sums worker_idle %lld ns %lld waits; main_wait %lld ns %lld waits\n",
                (long long)sums[LU_TL_WORKER_IDLE], (long long)counts[LU_TL_WORKER_IDLE],
                (long long)sums[LU_TL_MAIN_WAIT], (long long)counts[LU_TL_MAIN_WAIT]);
}
