/* tagwriter.c - a first full scan's tag writes during its walk (issue 14,
 * s42-first).  The scan decides threads in order on its main thread and
 * plans their tags; writing them after the walk left one core idle for
 * the writes (Xapian reads each tagged document's terms and positions
 * again: a quarter of the first scan's wall at 10,000 messages).  Here a
 * thread of its own, with a notmuch handle of its own (libnotmuch's
 * objects stay on the thread that made them), applies each batch the walk
 * hands it inside one atomic section, which commits after the walk: the
 * walk's read handle and Xapian handles read the revision they opened,
 * untouched until that commit, and the tags and revision are what one
 * lu_db_apply after the walk wrote. */
#include "tagwriter.h"
#include "walk.h"
#include "timeline.h"
#include "prio.h"

#include <pthread.h>

guint64 lu_tagwriter_batches;

struct lu_tagwriter {
    struct lu_ctx *ctx;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    GQueue queue;          /* GArray* batches, under LOCK */
    bool opened;           /* the open and the section's start are done (under LOCK) */
    bool finished, commit; /* under LOCK */
    bool joined;
    gint64 before, after;
    int ret; /* the open's, then the writes' (the thread's until joined) */
};

/* The writer runs at the main thread's priority, not the workers' +10
 * (workers.c WORKER_NICE): lowered, it got the cores only when the walk
 * left them and finished its writes after the walk, on the critical path
 * again (s42-first: 10,000 messages, wall/floor 2.64x at +5, 2.51x at 0,
 * main's 2.78x, 10 alternated rounds).  LEADUP_DEBUG_TAGS_NICE lowers it. */
#define TAGWRITER_NICE 0

static void lower_priority(void)
{
    const char *v = g_getenv("LEADUP_DEBUG_TAGS_NICE");

    lu_thread_lower(v ? (int)g_ascii_strtoll(v, NULL, 10) : TAGWRITER_NICE);
}

/* The next batch, or NULL once finished with nothing (more) to apply. */
static GArray *next_batch(struct lu_tagwriter *w)
{
    GArray *batch = NULL;

    pthread_mutex_lock(&w->lock);
    while (!w->finished && g_queue_is_empty(&w->queue))
        pthread_cond_wait(&w->cond, &w->lock);
    if (w->commit || !w->finished)
        batch = g_queue_pop_head(&w->queue);
    pthread_mutex_unlock(&w->lock);
    return batch;
}

static void *run(void *data)
{
    struct lu_tagwriter *w = data;
    struct lu_db *db = NULL;
    GArray *batch;
    int ret;

    lower_priority();
    ret = lu_db_open(w->ctx, true, &db);
    if (!ret)
        ret = lu_db_apply_begin(db, &w->before);
    pthread_mutex_lock(&w->lock);
    w->ret = ret;
    w->opened = true;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
    lu_tl_mark("tags: writer open");
    if (ret) {
        lu_db_close(db);
        return NULL;
    }
    w->after = w->before;
    while ((batch = next_batch(w))) {
        /* after an error, what was written before it commits (lu_db_apply) */
        if (!w->ret)
            w->ret = lu_db_apply_some(db, batch);
        if (lu_tagwriter_batches++ == 0)
            lu_tl_mark("tags: first batch applied");
        g_array_free(batch, TRUE);
    }
    if (w->commit) {
        int end = lu_db_apply_end(db, true, &w->after);
        if (!w->ret)
            w->ret = end;
    }
    lu_tl_mark("tags: applied");
    lu_db_close(db); /* an uncommitted section is cancelled here */
    lu_tl_mark("tags: notmuch closed");
    lu_tl_usage("tags: the writer");
    return NULL;
}

int lu_tagwriter_start(struct lu_ctx *ctx, gint64 *before, struct lu_tagwriter **out)
{
    struct lu_tagwriter *w = g_new0(struct lu_tagwriter, 1);
    int ret = 0;

    *out = NULL;
    w->ctx = ctx;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->cond, NULL);
    g_queue_init(&w->queue);
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        ret = lu_error(EX_OSERR, "cannot start the tag writer's thread");
        goto out;
    }
    pthread_mutex_lock(&w->lock);
    while (!w->opened)
        pthread_cond_wait(&w->cond, &w->lock);
    ret = w->ret;
    pthread_mutex_unlock(&w->lock);
    if (ret) {
        pthread_join(w->thread, NULL);
        goto out;
    }
    *before = w->before;
    *out = w;
    w = NULL;
out:
    if (w) {
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->cond);
        g_free(w);
    }
    return ret;
}

void lu_tagwriter_hand(struct lu_tagwriter *w, GArray *ops, guint *from)
{
    GArray *batch;

    if (*from >= ops->len)
        return;
    batch = g_array_sized_new(FALSE, FALSE, sizeof(struct lu_tagop), ops->len - *from);
    g_array_append_vals(batch, &g_array_index(ops, struct lu_tagop, *from), ops->len - *from);
    *from = ops->len;
    pthread_mutex_lock(&w->lock);
    g_queue_push_tail(&w->queue, batch);
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&w->lock);
}

void lu_tagwriter_finish(struct lu_tagwriter *w, bool commit)
{
    pthread_mutex_lock(&w->lock);
    if (!w->finished) {
        w->finished = true;
        w->commit = commit;
    }
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&w->lock);
}

int lu_tagwriter_join(struct lu_tagwriter *w, gint64 *after)
{
    GArray *left;
    int ret;

    lu_tagwriter_finish(w, false);
    pthread_join(w->thread, NULL);
    while ((left = g_queue_pop_head(&w->queue)))
        g_array_free(left, TRUE);
    if (after)
        *after = w->after;
    ret = w->ret;
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->cond);
    g_free(w);
    return ret;
}
