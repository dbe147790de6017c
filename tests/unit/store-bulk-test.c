/* store-bulk-test.c - a write of the staged plan into empty items runs no
 * trigger (store.c bulk_begin, issue 14: a first full scan's), and leaves
 * the items, their marks of a tag not written (untagged) and item_counts
 * as the triggers leave them (LEADUP_DEBUG_NO_BULK), though the plan
 * removes and replaces items it wrote itself; a write into items that are
 * not empty is the triggers' as before, and after a bulk write the
 * triggers keep the counts again. */
#include "leadup.h"
#include "store-scan.h"
#include "tap.h"

#include <sqlite3.h>
#include <stdarg.h>

static struct lu_item *item(const char *mid, enum lu_state state, bool untagged)
{
    struct lu_item *it = g_new0(struct lu_item, 1);

    it->mid = g_strdup(mid);
    it->thread_id = g_strdup_printf("t-%s", mid);
    it->state = state;
    it->since = 1000;
    it->updated = 2000;
    it->subject = g_strdup_printf("about %s", mid);
    it->who = g_strdup("someone");
    it->norm_subject = g_strdup(it->subject);
    it->untagged = untagged;
    return it;
}

/* A plan: IT (may be NULL) and its thread's messages, NULL-ended. */
static struct lu_thread_plan *plan(struct lu_item *it, ...)
{
    struct lu_thread_plan *p = g_new0(struct lu_thread_plan, 1);
    const char *mid;
    va_list ap;

    p->item = it;
    p->mids = g_ptr_array_new_with_free_func(g_free);
    va_start(ap, it);
    while ((mid = va_arg(ap, const char *)))
        g_ptr_array_add(p->mids, g_strdup(mid));
    va_end(ap);
    return p;
}

/* The first run's plans: items the plan removes (a), replaces tagged (d),
 * replaces in another state (f) or the same (h), and removes tagged (i). */
static GPtrArray *first_plans(void)
{
    GPtrArray *ps = g_ptr_array_new_with_free_func((GDestroyNotify)lu_thread_plan_free);

    g_ptr_array_add(ps, plan(item("a", LU_ST_AWAITING, true), "a", "b", NULL));
    g_ptr_array_add(ps, plan(item("c", LU_ST_NEEDS_REPLY, false), "c", "a", NULL));
    g_ptr_array_add(ps, plan(item("d", LU_ST_AWAITING, true), "d", NULL));
    g_ptr_array_add(ps, plan(item("d", LU_ST_NO_NEXT_STEP, false), "d", "e", NULL));
    g_ptr_array_add(ps, plan(item("f", LU_ST_AWAITING, true), "f", NULL));
    g_ptr_array_add(ps, plan(item("f", LU_ST_DORMANT, true), "f", "g", NULL));
    g_ptr_array_add(ps, plan(item("h", LU_ST_AWAITING, true), "h", NULL));
    g_ptr_array_add(ps, plan(item("h", LU_ST_AWAITING, true), "h", NULL));
    g_ptr_array_add(ps, plan(item("i", LU_ST_MUTED, false), "i", NULL));
    g_ptr_array_add(ps, plan(item("j", LU_ST_AWAITING, false), "j", "i", NULL));
    g_ptr_array_add(ps, plan(NULL, "k", "l", NULL));
    return ps;
}

/* A second run's, into the first's items. */
static GPtrArray *second_plans(void)
{
    GPtrArray *ps = g_ptr_array_new_with_free_func((GDestroyNotify)lu_thread_plan_free);

    g_ptr_array_add(ps, plan(item("m", LU_ST_AWAITING, true), "m", "c", NULL));
    g_ptr_array_add(ps, plan(item("f", LU_ST_AWAITING, false), "f", NULL));
    g_ptr_array_add(ps, plan(item("h", LU_ST_CLOSED, true), "h", NULL));
    return ps;
}

/* Stages and writes PLANS (freed) in one transaction; the sqlite steps it
 * took into *STEPS. */
static int write_plans(struct lu_store *s, GPtrArray *plans, guint64 *steps)
{
    guint64 before = lu_store_steps;
    int ret = lu_store_stage(s, plans);

    if (!ret)
        ret = lu_store_begin(s);
    if (!ret)
        ret = lu_store_put_staged(s);
    if (!ret)
        ret = lu_store_commit(s);
    g_ptr_array_free(plans, TRUE);
    *steps = lu_store_steps - before;
    return ret;
}

/* The rows of SQL in the state database under DIR, one a line. */
static char *rows(const char *dir, const char *sql)
{
    char *path = g_build_filename(dir, "leadup", "state.db", NULL);
    GString *out = g_string_new(NULL);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;

    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(st); i++)
                g_string_append_printf(out, "%s%s", i ? "|" : "",
                                       (const char *)sqlite3_column_text(st, i));
            g_string_append_c(out, '\n');
        }
    else
        g_string_append_printf(out, "error: %s", db ? sqlite3_errmsg(db) : "no database");
    sqlite3_finalize(st);
    sqlite3_close(db);
    g_free(path);
    return g_string_free(out, FALSE);
}

#define ITEMS  "SELECT mid, thread, state, since, subject FROM items ORDER BY mid"
#define MARKS  "SELECT mid, state FROM untagged ORDER BY mid"
#define COUNTS "SELECT state, n FROM item_counts WHERE n > 0 ORDER BY state"
#define RECOUNT                                                                                    \
    "SELECT state, count(*) FROM items GROUP BY state UNION ALL "                                  \
    "SELECT 'untagged ' || state, count(*) FROM untagged GROUP BY state ORDER BY 1"

struct run {
    char *dir;
    char *items[2], *marks[2], *counts[2], *recount[2];
    guint64 steps[2];
    int ret;
};

/* Both runs' plans into a fresh state under a directory of its own,
 * triggers or not (NO_BULK); then an item removed through the triggers. */
static void run(struct run *r, bool no_bulk)
{
    struct lu_store *s = NULL;
    GPtrArray *mids = g_ptr_array_new();

    r->dir = g_dir_make_tmp("store-bulk-XXXXXX", NULL);
    g_setenv("XDG_DATA_HOME", r->dir, TRUE);
    lu_debug_no_bulk = no_bulk;
    r->ret = lu_store_open(&s);
    if (!r->ret)
        r->ret = write_plans(s, first_plans(), &r->steps[0]);
    r->items[0] = rows(r->dir, ITEMS);
    r->marks[0] = rows(r->dir, MARKS);
    r->counts[0] = rows(r->dir, COUNTS);
    r->recount[0] = rows(r->dir, RECOUNT);
    if (!r->ret)
        r->ret = write_plans(s, second_plans(), &r->steps[1]);
    g_ptr_array_add(mids, (char *)"j");
    if (!r->ret)
        r->ret = lu_store_put_thread(s, mids, NULL);
    lu_store_close(s);
    r->items[1] = rows(r->dir, ITEMS);
    r->marks[1] = rows(r->dir, MARKS);
    r->counts[1] = rows(r->dir, COUNTS);
    r->recount[1] = rows(r->dir, RECOUNT);
    g_ptr_array_free(mids, TRUE);
}

static void run_free(struct run *r)
{
    char *rm = g_strdup_printf("rm -rf '%s'", r->dir);

    if (system(rm) != 0)
        printf("# could not remove %s\n", r->dir);
    g_free(rm);
    for (int i = 0; i < 2; i++)
        LU_FREE_EACH(g_free, r->items[i], r->marks[i], r->counts[i], r->recount[i]);
    g_free(r->dir);
}

int main(void)
{
    struct run bulk = {0}, trig = {0};
    static const char *const when[] = {"into empty items", "into the items of the first"};

    lu_debug_counts = true; /* lu_store_steps */
    run(&trig, true);
    run(&bulk, false);
    is_int(trig.ret, 0, "the triggers' runs succeed");
    is_int(bulk.ret, 0, "the bulk runs succeed");
    for (int i = 0; i < 2; i++) {
        is_str(bulk.items[i], trig.items[i], "%s: the same items", when[i]);
        is_str(bulk.marks[i], trig.marks[i], "%s: the same marks of tags not written", when[i]);
        is_str(bulk.counts[i], trig.counts[i], "%s: the same item_counts", when[i]);
        is_str(bulk.counts[i], bulk.recount[i], "%s: item_counts counts the rows", when[i]);
    }
    is_str(bulk.marks[0], "f|dormant\nh|awaiting\n",
           "the marks of the items removed (a) or replaced tagged (d) are gone");
    ok(strstr(bulk.items[0], "\na|") == NULL && strstr(bulk.items[0], "\ni|") == NULL &&
           strstr(bulk.items[0], "d|t-d|no-next-step|") != NULL,
       "a and i removed, d replaced");
    ok(bulk.steps[0] < trig.steps[0] * 9 / 10,
       "the write into empty items takes fewer sqlite steps: %" G_GUINT64_FORMAT
       " (the triggers' %" G_GUINT64_FORMAT ")",
       bulk.steps[0], trig.steps[0]);
    /* within a few steps: the triggers' own counts keep a state counted
     * down to 0, which an upsert then finds (COUNTS leaves it out) */
    ok(bulk.steps[1] > trig.steps[1] * 97 / 100,
       "the write into items not empty runs the triggers: %" G_GUINT64_FORMAT
       " steps (the triggers' %" G_GUINT64_FORMAT ")",
       bulk.steps[1], trig.steps[1]);
    run_free(&bulk);
    run_free(&trig);
    return tap_done();
}
