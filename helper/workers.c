/* workers.c - a pool of worker threads that run jobs and say when each is
 * done: the scan's reading ahead (scan.c) parses and analyses messages on
 * them while its own thread reads notmuch and writes tags and state.
 *
 * What a job may touch is the caller's affair (scan.c: GMime on its own
 * objects and the pure modules; never notmuch, Xapian or sqlite).  A job
 * is done, and its results visible to the thread that waits for it, once
 * lu_workers_wait returns: the flag is set under the pool's mutex with
 * release order and read with acquire order (or under the mutex). */
#include "prio.h"
#include "leadup.h"
#include "timeline.h"

#include <errno.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* POSIX threads, not GThreadPool: GLib's mutexes are futexes that thread
 * sanitizers cannot see, and a pool this small needs nothing more. */
struct lu_workers {
    lu_work_fn fn;
    void *data;
    pthread_t *threads;
    int n; /* threads started */
    pthread_mutex_t lock;
    pthread_cond_t work; /* a job was queued, or stop */
    pthread_cond_t done; /* a job finished */
    GQueue queue;        /* struct lu_work*, oldest first */
    bool stop;
    int idle; /* workers waiting for WORK */
    /* The job the caller is blocked on, or NULL: only its end is signalled
     * (a broadcast at every job's end woke the caller to find its own job
     * not done, 4 wake-ups a wait, each meeting the worker's lock: a
     * first full scan's main thread blocked ~5,000 times at 10,000
     * messages for 61 real waits; issue 14, s41-first).  One caller
     * thread: the pool's owner. */
    struct lu_work *awaited;
    int nice; /* WORKER_NICE */
};

/* Jobs queued before an idle worker is woken: a wake-up per job (a futex
 * call each side and a context switch) was a tenth of a scan's CPU time
 * when every message came from the analysis cache (issue 14, 138,001
 * threads at 300,000 messages).  lu_workers_wait wakes them for less. */
#define WAKE_BATCH 8

/* How much lower a worker's priority is than its caller's (nice, per
 * thread on Linux): the caller is the critical path (a scan's main
 * thread reads notmuch and decides every thread in order, the workers
 * only read ahead of it), and three threads on two cores had each run
 * two thirds of the time: the main thread's walk took half as long
 * again as its CPU time while the workers ran ahead (issue 14, s40-first).
 * Lowered, they take what the main thread leaves; the results are the
 * same whatever the scheduling.  LEADUP_DEBUG_WORKER_NICE sets it (0:
 * as the caller). */
#define WORKER_NICE 10

void lu_thread_lower(int by)
{
    pid_t tid = (pid_t)syscall(SYS_gettid);
    int was;

    errno = 0;
    was = getpriority(PRIO_PROCESS, (id_t)tid);
    /* Raising one's own nice is always allowed; a failure changes only
     * the scheduling */
    if (by > 0 && errno == 0)
        (void)setpriority(PRIO_PROCESS, (id_t)tid, MIN(was + by, 19));
}

static void *run(void *data)
{
    struct lu_workers *w = data;

    lu_thread_lower(w->nice);
    pthread_mutex_lock(&w->lock);
    for (;;) {
        struct lu_work *j;
        while (g_queue_is_empty(&w->queue) && !w->stop) {
            int64_t t0 = lu_tl_on ? lu_tl_now() : 0;
            w->idle++;
            pthread_cond_wait(&w->work, &w->lock);
            w->idle--;
            if (lu_tl_on)
                lu_tl_add(LU_TL_WORKER_IDLE, lu_tl_now() - t0);
        }
        j = g_queue_pop_head(&w->queue);
        if (!j)
            break; /* stopped, and nothing left */
        pthread_mutex_unlock(&w->lock);
        w->fn(j, w->data);
        pthread_mutex_lock(&w->lock);
        __atomic_store_n(&j->done, true, __ATOMIC_RELEASE);
        if (w->awaited == j)
            pthread_cond_signal(&w->done);
    }
    pthread_mutex_unlock(&w->lock);
    if (lu_tl_on) {
        char what[64];
        errno = 0;
        g_snprintf(what, sizeof what, "worker: stops (nice %d)",
                   getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid)));
        lu_tl_mark(what);
        lu_tl_usage("worker");
    }
    return NULL;
}

int lu_workers_new(int n, lu_work_fn fn, void *data, struct lu_workers **out)
{
    struct lu_workers *w = g_new0(struct lu_workers, 1);
    int ret = 0, err = 0;

    w->fn = fn;
    w->data = data;
    w->nice = g_getenv("LEADUP_DEBUG_WORKER_NICE")
                  ? (int)g_ascii_strtoll(g_getenv("LEADUP_DEBUG_WORKER_NICE"), NULL, 10)
                  : WORKER_NICE;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->work, NULL);
    pthread_cond_init(&w->done, NULL);
    g_queue_init(&w->queue);
    w->threads = g_new0(pthread_t, n);
    for (; w->n < n && !err; w->n++)
        if ((err = pthread_create(&w->threads[w->n], NULL, run, w)) != 0)
            break;
    if (err) {
        ret = EX_OSERR;
        lu_warning("cannot start %d worker threads (%s): reading on one thread", n,
                   g_strerror(err));
        lu_workers_free(w);
        w = NULL;
    }
    *out = w;
    return ret;
}

void lu_workers_push(struct lu_workers *w, struct lu_work *job)
{
    job->done = false;
    pthread_mutex_lock(&w->lock);
    g_queue_push_tail(&w->queue, job);
    if (w->idle && g_queue_get_length(&w->queue) >= WAKE_BATCH)
        pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->lock);
}

void lu_workers_wait(struct lu_workers *w, struct lu_work *job)
{
    /* Done already, the common case (the workers read ahead): the pool's
     * lock not taken, so no worker meets it held (acquire: what the job
     * wrote is visible, the worker's store being a release) */
    if (__atomic_load_n(&job->done, __ATOMIC_ACQUIRE))
        return;
    pthread_mutex_lock(&w->lock);
    /* the jobs pushed short of a batch: every idle worker takes some */
    if (!job->done && w->idle && !g_queue_is_empty(&w->queue))
        pthread_cond_broadcast(&w->work);
    w->awaited = job;
    if (!job->done && lu_tl_on) {
        int64_t t0 = lu_tl_now();
        while (!job->done)
            pthread_cond_wait(&w->done, &w->lock);
        lu_tl_add(LU_TL_MAIN_WAIT, lu_tl_now() - t0);
    }
    while (!job->done)
        pthread_cond_wait(&w->done, &w->lock);
    w->awaited = NULL;
    pthread_mutex_unlock(&w->lock);
}

void lu_workers_free(struct lu_workers *w)
{
    if (!w)
        return;
    /* Every job pushed runs to its end first: their results are the caller's. */
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_broadcast(&w->work);
    pthread_mutex_unlock(&w->lock);
    for (int i = 0; i < w->n; i++)
        pthread_join(w->threads[i], NULL);
    lu_tl_sums();
    g_queue_clear(&w->queue);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->work);
    pthread_cond_destroy(&w->done);
    g_free(w->threads);
    g_free(w);
}

int lu_jobs(int given, int *out)
{
    const char *env = g_getenv("LEADUP_JOBS");
    char *end = NULL;
    gint64 n;

    *out = given;
    if (given > 0)
        return 0;
    if (!env || !*env) {
        *out = MIN((int)g_get_num_processors(), LU_JOBS_MAX);
        return 0;
    }
    errno = 0;
    n = g_ascii_strtoll(env, &end, 10);
    if (*end || errno || n < 1 || n > LU_JOBS_MAX)
        return lu_error(EX_USAGE, "LEADUP_JOBS wants a number of threads from 1 to %d, not '%s'",
                        LU_JOBS_MAX, env);
    *out = (int)n;
    return 0;
}
