/* store.c - leadup's own state in sqlite: the scan's bookkeeping, the
 * items it found, and the user's decisions (kept forever).
 *
 * This is the only file that includes sqlite.  The schema version lives in
 * PRAGMA user_version; migrations only go forward, each in a transaction. */
#include "leadup.h"

#include <sqlite3.h>
#include <string.h>

struct lu_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *del_item, *put_item, *get_item; /* kept: used per thread or per row */
};

/* migrations[i] takes the schema from version i to i + 1. */
static const char *const migrations[] = {
    /* 0 -> 1 */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE items("
    "  mid TEXT PRIMARY KEY," /* the anchor message */
    "  thread TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  due INTEGER NOT NULL DEFAULT 0,"
    "  due_at INTEGER NOT NULL DEFAULT 0,"
    "  since INTEGER NOT NULL DEFAULT 0,"
    "  next_check INTEGER NOT NULL DEFAULT 0,"
    "  stage INTEGER NOT NULL DEFAULT 0,"
    "  subject TEXT, who TEXT, norm_subject TEXT, why TEXT,"
    "  updated INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX items_next ON items(next_check) WHERE next_check > 0;"
    "CREATE INDEX items_subject ON items(norm_subject);"
    "CREATE TABLE decisions("
    "  id INTEGER PRIMARY KEY,"
    "  mid TEXT NOT NULL," /* the message it was taken on */
    "  kind TEXT NOT NULL,"
    "  at INTEGER NOT NULL DEFAULT 0, at_end INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT, mine INTEGER NOT NULL DEFAULT 0,"
    "  latest TEXT," /* the thread's latest message then */
    "  taken INTEGER NOT NULL);"
    "CREATE INDEX decisions_mid ON decisions(mid);",
    /* 1 -> 2: delivery failures, by the message they report on, so that a
     * bounce that did not thread is found without searching the index. */
    "CREATE TABLE bounces("
    "  mid TEXT NOT NULL,"    /* the message that bounced */
    "  bounce TEXT NOT NULL," /* the delivery report */
    "  date INTEGER NOT NULL,"
    "  sender TEXT, why TEXT,"
    "  PRIMARY KEY(mid, bounce));",
    /* 2 -> 3: a decision whose tags are not written yet (notmuch was
     * locked, the run was killed): the next scan, even an incremental
     * one, applies it and clears the mark. */
    "ALTER TABLE decisions ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX decisions_pending ON decisions(pending) WHERE pending;",
};

static int fail(struct lu_store *s, const char *what)
{
    return lu_error(EX_IOERR, "state database '%s': %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/* The end of a read: RC is the last sqlite3_step() result.  SQLITE_DONE is
 * the end of the rows; anything else is an error, never "no more rows":
 * a damaged table read as empty would make the scan drop every decision. */
static int read_end(struct lu_store *s, int rc, const char *what)
{
    switch (rc) {
    case SQLITE_DONE:
        return 0;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        return lu_error(EX_DATAERR,
                        "state database '%s' is damaged (%s: %s); nothing changed: move it aside "
                        "and run 'leadup scan --full' (its decisions are lost with it)",
                        s->path, what, sqlite3_errstr(rc));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return lu_error(EX_TEMPFAIL, "state database '%s' is busy (%s); nothing changed, try again",
                        s->path, what);
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
        return lu_error(EX_IOERR, "state database '%s': cannot read (%s): %s", s->path, what,
                        sqlite3_errmsg(s->db));
    default:
        return lu_error(EX_SOFTWARE, "state database '%s': %s failed: %s", s->path, what,
                        sqlite3_errmsg(s->db));
    }
}

static int exec(struct lu_store *s, const char *sql)
{
    char *err = NULL;
    int ret = 0;

    if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        ret = lu_error(EX_IOERR, "state database '%s': %s", s->path, err ? err : "?");
        sqlite3_free(err);
    }
    return ret;
}

/* The schema version (PRAGMA user_version) into *VERSION. */
static int schema_version(struct lu_store *s, int *version)
{
    sqlite3_stmt *st = NULL;
    int rc, ret = 0;

    *version = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) {
        ret = fail(s, "reading the schema version");
        goto out;
    }
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
        rc = sqlite3_step(st);
    }
    ret = read_end(s, rc, "reading the schema version");
    if (!ret && (*version < 0 || *version > (int)G_N_ELEMENTS(migrations)))
        ret = lu_error(EX_CONFIG,
                       *version < 0 ? "state database '%s' has schema %d, which no leadup writes "
                                      "(this leadup writes %d): move it aside"
                                    : "state database '%s' has schema %d, newer than this leadup "
                                      "(%d): use the newer leadup or move it aside",
                       s->path, *version, (int)G_N_ELEMENTS(migrations));
out:
    sqlite3_finalize(st);
    return ret;
}

/* Brings the schema up to date.  Two leadups may create the database at
 * the same moment: the version is read again inside the write transaction,
 * so only one of them migrates and the other finds the work done. */
static int migrate(struct lu_store *s)
{
    int version = 0, ret;

    ret = schema_version(s, &version);
    if (ret || version == (int)G_N_ELEMENTS(migrations))
        return ret;
    ret = exec(s, "BEGIN IMMEDIATE");
    if (ret)
        return ret;
    ret = schema_version(s, &version);
    for (; !ret && version < (int)G_N_ELEMENTS(migrations); version++) {
        char *sql =
            g_strdup_printf("%s PRAGMA user_version = %d;", migrations[version], version + 1);
        ret = exec(s, sql);
        g_free(sql);
    }
    if (ret)
        exec(s, "ROLLBACK");
    else
        ret = exec(s, "COMMIT");
    return ret;
}

/* Switches to write-ahead logging.  The switch needs the database to
 * itself, and while another leadup is creating the same file sqlite
 * answers SQLITE_BUSY at once, without its busy handler: so wait here,
 * as long as the busy timeout would. */
static int wal_mode(struct lu_store *s)
{
    int rc = SQLITE_BUSY;

    for (int tries = 0; tries < 1000 && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED); tries++) {
        if (tries)
            g_usleep(10000);
        rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    }
    /* The first read of the file: a file that is no database fails here. */
    return rc == SQLITE_OK ? 0 : read_end(s, rc, "switching to write-ahead logging");
}

int lu_store_open(struct lu_store **out)
{
    struct lu_store *s = g_new0(struct lu_store, 1);
    char *dir = lu_data_dir();
    int ret;

    *out = NULL;
    s->path = g_build_filename(dir, "state.db", NULL);
    ret = lu_mkdir_p(dir);
    if (ret)
        goto out;
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        ret = fail(s, "cannot open");
        goto out;
    }
    /* Two leadups (a hook and a key press) may meet: wait rather than fail. */
    sqlite3_busy_timeout(s->db, 10000);
    ret = wal_mode(s);
    if (!ret)
        ret = exec(s, "PRAGMA synchronous = NORMAL;");
    if (!ret)
        ret = migrate(s);
out:
    g_free(dir);
    if (ret) {
        lu_store_close(s);
        s = NULL;
    }
    *out = s;
    return ret;
}

void lu_store_close(struct lu_store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->del_item);
    sqlite3_finalize(s->put_item);
    sqlite3_finalize(s->get_item);
    sqlite3_close(s->db);
    g_free(s->path);
    g_free(s);
}

int lu_store_begin(struct lu_store *s)
{
    return exec(s, "BEGIN IMMEDIATE");
}

int lu_store_commit(struct lu_store *s)
{
    return exec(s, "COMMIT");
}

void lu_store_rollback(struct lu_store *s)
{
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static sqlite3_stmt *prepare(struct lu_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;

    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fail(s, sql);
        return NULL;
    }
    return st;
}

static char *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? g_strdup((const char *)t) : NULL;
}

int lu_store_get(struct lu_store *s, const char *key, char **out)
{
    sqlite3_stmt *st = prepare(s, "SELECT value FROM meta WHERE key = ?");
    int rc, ret;

    *out = NULL;
    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = col_str(st, 0);
        rc = sqlite3_step(st);
    }
    ret = read_end(s, rc, "reading meta");
    if (ret) {
        g_free(*out);
        *out = NULL;
    }
    sqlite3_finalize(st);
    return ret;
}

int lu_store_set(struct lu_store *s, const char *key, const char *value)
{
    sqlite3_stmt *st = prepare(s, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    int ret = 0;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        ret = fail(s, "writing meta");
    sqlite3_finalize(st);
    return ret;
}

static void free_list(gpointer p)
{
    g_ptr_array_free(p, TRUE);
}

void lu_item_free(struct lu_item *it)
{
    if (!it)
        return;
    g_free(it->mid);
    g_free(it->thread_id);
    g_free(it->subject);
    g_free(it->who);
    g_free(it->norm_subject);
    g_free(it->why);
    g_free(it);
}

int lu_store_put_thread(struct lu_store *s, GPtrArray *mids, const struct lu_item *it)
{
    sqlite3_stmt *del, *ins = NULL;
    int ret = 0;

    if (!s->del_item)
        s->del_item = prepare(s, "DELETE FROM items WHERE mid = ?");
    del = s->del_item;
    if (!del) {
        ret = EX_IOERR;
        goto out;
    }
    for (guint i = 0; i < mids->len && !ret; i++) {
        sqlite3_bind_text(del, 1, g_ptr_array_index(mids, i), -1, SQLITE_STATIC);
        if (sqlite3_step(del) != SQLITE_DONE)
            ret = fail(s, "forgetting an item");
        sqlite3_reset(del);
    }
    if (ret || !it)
        goto out;
    if (!s->put_item)
        s->put_item = prepare(s, "INSERT OR REPLACE INTO items(mid, thread, state, due, due_at, "
                                 "since, next_check, stage, subject, who, norm_subject, why, "
                                 "updated) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins = s->put_item;
    if (!ins) {
        ret = EX_IOERR;
        goto out;
    }
    sqlite3_bind_text(ins, 1, it->mid, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, it->thread_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, lu_state_name(it->state), -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 4, it->due);
    sqlite3_bind_int64(ins, 5, it->due_at);
    sqlite3_bind_int64(ins, 6, it->since);
    sqlite3_bind_int64(ins, 7, it->next_check);
    sqlite3_bind_int(ins, 8, it->stage);
    sqlite3_bind_text(ins, 9, it->subject, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 10, it->who, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 11, it->norm_subject, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 12, it->why, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 13, it->updated);
    if (sqlite3_step(ins) != SQLITE_DONE)
        ret = fail(s, "storing an item");
    sqlite3_reset(ins);
out:
    return ret;
}

int lu_store_count_items(struct lu_store *s, gint64 now, unsigned counts[LU_ST_COUNT],
                         unsigned due[LU_ST_COUNT])
{
    sqlite3_stmt *st =
        prepare(s, "SELECT state, count(*), sum(due OR (due_at > 0 AND due_at <= ?)) "
                   "FROM items GROUP BY state");

    int rc, ret;

    memset(counts, 0, sizeof(unsigned) * LU_ST_COUNT);
    memset(due, 0, sizeof(unsigned) * LU_ST_COUNT);
    if (!st)
        return EX_IOERR;
    sqlite3_bind_int64(st, 1, now);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int state = lu_state_parse((const char *)sqlite3_column_text(st, 0));
        if (state < 0)
            continue;
        counts[state] = sqlite3_column_int(st, 1);
        due[state] = sqlite3_column_int(st, 2);
    }
    ret = read_end(s, rc, "counting items");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_add_bounce(struct lu_store *s, const struct lu_msg *bounce)
{
    sqlite3_stmt *st = prepare(s, "INSERT OR REPLACE INTO bounces(mid, bounce, date, sender, why) "
                                  "VALUES(?,?,?,?,?)");
    int ret = 0;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, bounce->bounced_mid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, bounce->mid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, bounce->date);
    sqlite3_bind_text(st, 4, bounce->from ? bounce->from->email : NULL, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, bounce->auto_why, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        ret = fail(s, "storing a delivery failure");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_bounces(struct lu_store *s, GHashTable **out)
{
    sqlite3_stmt *st = prepare(s, "SELECT mid, bounce, date, sender FROM bounces");
    int rc, ret;

    *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_list);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct lu_msg *m;
        GPtrArray *list;

        if (!sqlite3_column_text(st, 0) || !sqlite3_column_text(st, 1)) {
            lu_warning("state database '%s': a delivery failure without a message id; skipped",
                       s->path);
            continue;
        }
        m = lu_msg_new();
        m->bounced_mid = col_str(st, 0);
        m->mid = col_str(st, 1);
        m->date = sqlite3_column_int64(st, 2);
        m->from = g_new0(struct lu_addr, 1);
        m->from->email = col_str(st, 3);
        m->autokind = LU_AUTO_BOUNCE;
        m->auto_why = "a delivery failure report";
        list = g_hash_table_lookup(*out, m->bounced_mid);
        if (!list) {
            list = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
            g_hash_table_insert(*out, g_strdup(m->bounced_mid), list);
        }
        g_ptr_array_add(list, m);
    }
    ret = read_end(s, rc, "reading delivery failures");
    sqlite3_finalize(st);
    return ret;
}

#define ITEM_COLS                                                                                  \
    "mid, thread, state, due, due_at, since, next_check, stage, subject, who, norm_subject, why, " \
    "updated"

static struct lu_item *item_row(sqlite3_stmt *st)
{
    struct lu_item *it = g_new0(struct lu_item, 1);
    char *state = col_str(st, 2);
    int sn = lu_state_parse(state);

    it->mid = col_str(st, 0);
    it->thread_id = col_str(st, 1);
    it->state = sn < 0 ? LU_ST_NONE : sn;
    it->due = sqlite3_column_int(st, 3);
    it->due_at = sqlite3_column_int64(st, 4);
    it->since = sqlite3_column_int64(st, 5);
    it->next_check = sqlite3_column_int64(st, 6);
    it->stage = sqlite3_column_int(st, 7);
    it->subject = col_str(st, 8);
    it->who = col_str(st, 9);
    it->norm_subject = col_str(st, 10);
    it->why = col_str(st, 11);
    it->updated = sqlite3_column_int64(st, 12);
    g_free(state);
    return it;
}

int lu_store_item(struct lu_store *s, const char *mid, struct lu_item **out)
{
    int rc, ret;

    *out = NULL;
    if (!s->get_item)
        s->get_item = prepare(s, "SELECT " ITEM_COLS " FROM items WHERE mid = ?");
    if (!s->get_item)
        return EX_IOERR;
    sqlite3_bind_text(s->get_item, 1, mid, -1, SQLITE_STATIC);
    rc = sqlite3_step(s->get_item);
    if (rc == SQLITE_ROW) {
        *out = item_row(s->get_item);
        rc = SQLITE_DONE; /* mid is the key: one row at most */
    }
    ret = read_end(s, rc, "reading an item");
    sqlite3_reset(s->get_item);
    return ret;
}

int lu_store_items(struct lu_store *s, int state, GPtrArray **out)
{
    sqlite3_stmt *st = prepare(s, state < 0 ? "SELECT " ITEM_COLS " FROM items ORDER BY since, mid"
                                            : "SELECT " ITEM_COLS
                                              " FROM items WHERE state = ? ORDER BY since, mid");
    int rc, ret;

    *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_item_free);
    if (!st)
        return EX_IOERR;
    if (state >= 0)
        sqlite3_bind_text(st, 1, lu_state_name(state), -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (sqlite3_column_text(st, 0) && sqlite3_column_text(st, 1))
            g_ptr_array_add(*out, item_row(st));
    ret = read_end(s, rc, "reading items");
    sqlite3_finalize(st);
    return ret;
}

static int thread_list(struct lu_store *s, const char *sql, const char *text, gint64 num,
                       GPtrArray **out)
{
    sqlite3_stmt *st = prepare(s, sql);
    int rc, ret;

    *out = g_ptr_array_new_with_free_func(g_free);
    if (!st)
        return EX_IOERR;
    if (text)
        sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    else
        sqlite3_bind_int64(st, 1, num);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (sqlite3_column_text(st, 0))
            g_ptr_array_add(*out, col_str(st, 0));
    ret = read_end(s, rc, "reading threads");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_threads_to_check(struct lu_store *s, gint64 now, GPtrArray **out)
{
    return thread_list(s,
                       "SELECT DISTINCT thread FROM items WHERE next_check > 0 AND next_check <= ?",
                       NULL, now, out);
}

int lu_store_anchors(struct lu_store *s, int state, GPtrArray **mids, GPtrArray **threads)
{
    sqlite3_stmt *st = prepare(s, "SELECT mid, thread FROM items WHERE state = ?");
    int rc, ret;

    *mids = g_ptr_array_new_with_free_func(g_free);
    *threads = g_ptr_array_new_with_free_func(g_free);
    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, lu_state_name(state), -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!sqlite3_column_text(st, 0) || !sqlite3_column_text(st, 1))
            continue; /* a damaged row */
        g_ptr_array_add(*mids, col_str(st, 0));
        g_ptr_array_add(*threads, col_str(st, 1));
    }
    ret = read_end(s, rc, "reading anchors");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_threads_by_subject(struct lu_store *s, const char *norm, GPtrArray **out)
{
    return thread_list(s,
                       "SELECT DISTINCT thread FROM items WHERE norm_subject = ? AND state IN "
                       "('awaiting', 'bounced', 'dormant', 'snoozed')",
                       norm, 0, out);
}

int lu_store_forget_before(struct lu_store *s, gint64 before)
{
    sqlite3_stmt *st = prepare(s, "DELETE FROM items WHERE updated < ?");
    int ret = 0;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_int64(st, 1, before);
    if (sqlite3_step(st) != SQLITE_DONE)
        ret = fail(s, "forgetting old items");
    sqlite3_finalize(st);
    return ret;
}

/* True when A and B are the same decision on the same message: the same
 * kind with the same arguments (a retried key press, a repeated command). */
static bool same_decision(const struct lu_decision *a, const struct lu_decision *b)
{
    return a->kind == b->kind && g_strcmp0(a->mid, b->mid) == 0 && a->at == b->at &&
           a->at_end == b->at_end && g_strcmp0(a->text, b->text) == 0 && a->mine == b->mine;
}

#define DECISION_COLS "id, mid, kind, at, at_end, text, mine, latest, taken, pending"

/* The decision in ST's current row, or NULL (with a warning) for a damaged
 * row: one without a message id or of no known kind. */
static struct lu_decision *decision_row(struct lu_store *s, sqlite3_stmt *st)
{
    const char *kind = (const char *)sqlite3_column_text(st, 2);
    struct lu_decision *d;
    int k = 0;

    if (!sqlite3_column_text(st, 1)) {
        lu_warning("state database '%s': decision %lld has no message id; skipped", s->path,
                   (long long)sqlite3_column_int64(st, 0));
        return NULL;
    }
    while (k < LU_D_COUNT && !(kind && strcmp(kind, lu_decision_name(k)) == 0))
        k++;
    if (k == LU_D_COUNT) {
        lu_warning("state database '%s': decision %lld is of no known kind; skipped", s->path,
                   (long long)sqlite3_column_int64(st, 0));
        return NULL;
    }
    d = g_new0(struct lu_decision, 1);
    d->id = sqlite3_column_int64(st, 0);
    d->mid = col_str(st, 1);
    d->kind = k;
    d->at = sqlite3_column_int64(st, 3);
    d->at_end = sqlite3_column_int64(st, 4);
    d->text = col_str(st, 5);
    d->mine = sqlite3_column_int(st, 6);
    d->latest = col_str(st, 7);
    d->taken = sqlite3_column_int64(st, 8);
    d->pending = sqlite3_column_int(st, 9);
    return d;
}

/* The latest decision on any of MIDS (by taken, then id) into *OUT (NULL: none). */
static int latest_decision(struct lu_store *s, GPtrArray *mids, struct lu_decision **out)
{
    sqlite3_stmt *st = prepare(s, "SELECT " DECISION_COLS " FROM decisions WHERE mid = ? "
                                  "ORDER BY taken DESC, id DESC LIMIT 1");
    int rc = SQLITE_DONE, ret = 0;

    *out = NULL;
    if (!st)
        return EX_IOERR;
    for (guint i = 0; i < mids->len && !ret; i++) {
        sqlite3_bind_text(st, 1, g_ptr_array_index(mids, i), -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            struct lu_decision *d = decision_row(s, st);
            if (d && (!*out || d->taken > (*out)->taken ||
                      (d->taken == (*out)->taken && d->id > (*out)->id))) {
                lu_decision_free(*out);
                *out = d;
            } else {
                lu_decision_free(d);
            }
        }
        ret = read_end(s, rc, "reading decisions");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return ret;
}

static int insert_decision(struct lu_store *s, struct lu_decision *d)
{
    sqlite3_stmt *st = prepare(s, "INSERT INTO decisions(mid, kind, at, at_end, text, mine, "
                                  "latest, taken, pending) VALUES(?,?,?,?,?,?,?,?,1)");
    int ret = 0;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, d->mid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, lu_decision_name(d->kind), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, d->at);
    sqlite3_bind_int64(st, 4, d->at_end);
    sqlite3_bind_text(st, 5, d->text, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, d->mine);
    sqlite3_bind_text(st, 7, d->latest, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, d->taken);
    if (sqlite3_step(st) != SQLITE_DONE)
        ret = fail(s, "storing a decision");
    else
        d->id = sqlite3_last_insert_rowid(s->db);
    d->pending = true;
    sqlite3_finalize(st);
    return ret;
}

int lu_store_add_decision(struct lu_store *s, GPtrArray *mids, struct lu_decision *d, bool *repeat)
{
    struct lu_decision *last = NULL;
    int ret;

    *repeat = false;
    /* Read and write in one write transaction, so that two identical
     * decisions taken at once still make one. */
    ret = lu_store_begin(s);
    if (ret)
        return ret;
    ret = latest_decision(s, mids, &last);
    if (!ret && last && same_decision(last, d)) {
        *repeat = true;
        d->id = last->id;
        d->pending = last->pending;
    } else if (!ret) {
        ret = insert_decision(s, d);
    }
    if (ret)
        lu_store_rollback(s);
    else
        ret = lu_store_commit(s);
    lu_decision_free(last);
    return ret;
}

int lu_store_decisions_applied(struct lu_store *s, GArray *ids)
{
    sqlite3_stmt *st;
    int ret = 0;

    if (!ids || ids->len == 0)
        return 0;
    st = prepare(s, "UPDATE decisions SET pending = 0 WHERE id = ?");
    if (!st)
        return EX_IOERR;
    for (guint i = 0; i < ids->len && !ret; i++) {
        sqlite3_bind_int64(st, 1, g_array_index(ids, gint64, i));
        if (sqlite3_step(st) != SQLITE_DONE)
            ret = fail(s, "marking a decision applied");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return ret;
}

int lu_store_decisions(struct lu_store *s, GHashTable **out)
{
    sqlite3_stmt *st = prepare(s, "SELECT " DECISION_COLS " FROM decisions ORDER BY taken, id");
    int rc, ret;

    *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_list);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct lu_decision *d = decision_row(s, st);
        GPtrArray *list;

        if (!d)
            continue;
        list = g_hash_table_lookup(*out, d->mid);
        if (!list) {
            list = g_ptr_array_new_with_free_func((GDestroyNotify)lu_decision_free);
            g_hash_table_insert(*out, g_strdup(d->mid), list);
        }
        g_ptr_array_add(list, d);
    }
    ret = read_end(s, rc, "reading decisions");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_remove_decision(struct lu_store *s, gint64 id)
{
    sqlite3_stmt *st = prepare(s, "DELETE FROM decisions WHERE id = ?");
    int ret = 0;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_DONE)
        ret = fail(s, "removing a decision");
    sqlite3_finalize(st);
    return ret;
}
