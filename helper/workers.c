/* workers.c - a pool of worker threads that run jobs and say when each is
 * done: the scan's reading ahead (scan.c) parses and analyses messages on
 * them while its own thread reads notmuch and writes tags and state.
 *
 * What a job may touch is the caller's affair (scan.c: GMime on its own
 * objects and the pure modules; never notmuch, Xapian or sqlite).  A job
 * is done, and its results visible to the thread that waits for it, once
 * lu_workers_wait returns: the flag is set and read under one mutex. */
#include "leadup.h"

#include <errno.h>

struct lu_workers {
    GThreadPool *pool;
    lu_work_fn fn;
    void *data;
    GMutex lock;
    GCond done; /* a job finished */
};

static void run(gpointer job, gpointer data)
{
    struct lu_workers *w = data;
    struct lu_work *j = job;

    w->fn(j, w->data);
    g_mutex_lock(&w->lock);
    j->done = true;
    g_cond_broadcast(&w->done);
    g_mutex_unlock(&w->lock);
}

int lu_workers_new(int n, lu_work_fn fn, void *data, struct lu_workers **out)
{
    struct lu_workers *w = g_new0(struct lu_workers, 1);
    GError *err = NULL;
    int ret = 0;

    w->fn = fn;
    w->data = data;
    g_mutex_init(&w->lock);
    g_cond_init(&w->done);
    /* Exclusive: the N threads start now, and serve only this pool. */
    w->pool = g_thread_pool_new(run, w, n, TRUE, &err);
    if (!w->pool) {
        ret = lu_error(EX_OSERR, "cannot start %d worker threads: %s", n, err ? err->message : "?");
        goto out;
    }
out:
    if (err)
        g_error_free(err);
    if (ret) {
        lu_workers_free(w);
        w = NULL;
    }
    *out = w;
    return ret;
}

void lu_workers_push(struct lu_workers *w, struct lu_work *job)
{
    job->done = false;
    /* An exclusive pool's threads exist already: pushing cannot fail. */
    g_thread_pool_push(w->pool, job, NULL);
}

void lu_workers_wait(struct lu_workers *w, struct lu_work *job)
{
    g_mutex_lock(&w->lock);
    while (!job->done)
        g_cond_wait(&w->done, &w->lock);
    g_mutex_unlock(&w->lock);
}

void lu_workers_free(struct lu_workers *w)
{
    if (!w)
        return;
    /* Every job pushed runs to its end first: their results are the caller's. */
    if (w->pool)
        g_thread_pool_free(w->pool, FALSE, TRUE);
    g_mutex_clear(&w->lock);
    g_cond_clear(&w->done);
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
