/* store.c - leadup's own state in sqlite: the scan's bookkeeping, the
 * items it found, and the user's decisions (kept forever).
 *
 * This is the only file that includes sqlite.  The schema version lives in
 * PRAGMA user_version; migrations only go forward, each in a transaction. */
#include "leadup.h"
#include "store-scan.h"
#include "blocks.h"
#include "kmsgs.h"
#include "senders.h"
#include "walk.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

bool lu_debug_counts, lu_debug_read_all, lu_debug_no_fresh, lu_debug_no_bulk;
guint64 lu_store_steps, lu_decision_rows, lu_bounce_rows, lu_item_rows;
guint lu_senders_rows;

/* sqlite3_trace_v2's callback: a statement finished (or was reset). */
static int count_steps(unsigned type, void *data, void *stmt, void *x)
{
    (void)type;
    (void)data;
    (void)x;
    lu_store_steps += (guint64)sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_VM_STEP, 1);
    return 0;
}

struct lu_store {
    sqlite3 *db;
    char *path;
    char *dir;     /* the state directory */
    char *journal; /* the decision journal, next to the database */
    char *damage;  /* while opening: why the database reads as damaged, or NULL */
    bool opening;  /* damage found while opening is repaired, not reported */
    sqlite3_stmt *del_item, *put_item, *get_item; /* kept: used per thread or per row */
    sqlite3_stmt *same_item;                      /* kept: used per item (lu_store_put_staged) */
    sqlite3_stmt *get_analysis, *put_analysis;    /* kept: used per message */
    sqlite3_stmt *get_analysis_said;              /* kept: ... with its folded sentences */
    sqlite3_stmt *put_sense;                      /* kept: used per message analysed */
    sqlite3_stmt *put_said;                       /* kept: used per record made */
    sqlite3_stmt *has_item;                       /* kept: used per message (plan_items) */
    sqlite3_stmt *read_begin, *read_end;          /* kept: used per thread (lu_store_read_begin) */
    bool reading;                                 /* a read transaction of lu_store_read_begin */
    sqlite3_stmt *stage_row;                      /* kept: used per message (lu_store_stage) */
    sqlite3_stmt *put_untagged, *del_untagged, *get_untagged; /* kept: used per item */
    sqlite3_stmt *get_meta, *set_meta; /* kept: a scan reads and writes meta some 14 times */
    bool staged;                       /* temp.scan_plan exists */
    bool bulk;        /* lu_store_put_staged into empty items: no trigger runs (bulk_begin) */
    bool recounted;   /* item_counts counted from the rows in this transaction (bulk_end) */
    bool staged_mids; /* ... and holds a row of a message alone */
    /* lu_store_put_staged's items found unchanged with a stamp older than
     * the run's (SAME_OLD; SAME_SEEN: lu_fnv64 of their Message-IDs, and
     * SAME_DUP when one came twice): lu_store_forget_before forgets none
     * when every item that old is one of these. */
    gint64 same_old;
    GHashTable *same_seen;
    bool same_dup;
};

/* The untagged items' counts again from their table (item_counts). */
#define COUNT_UNTAGGED                                                                             \
    "DELETE FROM item_counts WHERE state LIKE 'untagged %';"                                       \
    "INSERT INTO item_counts SELECT 'untagged ' || state, count(*) FROM untagged GROUP BY state;"

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
    ("ALTER TABLE decisions ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
     "CREATE INDEX decisions_pending ON decisions(pending) WHERE pending;"),
    /* 3 -> 4: each decision's key in the decision journal, so that the
     * journal replays into the database once however often it is read. */
    ("ALTER TABLE decisions ADD COLUMN jkey TEXT;"
     "CREATE UNIQUE INDEX decisions_jkey ON decisions(jkey);"),
    /* 4 -> 5: the analysis cache: what each message's file says (msgcache.c),
     * by Message-ID, the file's identity and the analyser's digest, so that a
     * settings or rules change reads no file.  A cache: a rebuilt database
     * starts it empty and the next scan fills it from the mail. */
    ("CREATE TABLE IF NOT EXISTS analyses("
     "  mid TEXT PRIMARY KEY,"
     "  file TEXT NOT NULL,"     /* device, inode, size, mtime of the file read */
     "  analyser TEXT NOT NULL," /* lu_analyser */
     "  headers BLOB NOT NULL,"  /* LU_MSGCACHE_HEADERS */
     "  body BLOB);"),           /* LU_MSGCACHE_BODY */
    /* 5 -> 6: how many items each state holds, kept by triggers, so that
     * the incremental scan compares them with the tags notmuch counts
     * without reading every item (scan.c note_removals).  A REPLACE
     * deletes through the delete trigger (recursive_triggers, open_db);
     * a full scan counts again (lu_store_forget_before). */
    ("CREATE TABLE IF NOT EXISTS item_counts(state TEXT PRIMARY KEY, n INTEGER NOT NULL) "
     "  WITHOUT ROWID;"
     "DELETE FROM item_counts;"
     "INSERT INTO item_counts SELECT state, count(*) FROM items GROUP BY state;"
     "CREATE TRIGGER IF NOT EXISTS items_add AFTER INSERT ON items BEGIN"
     "  INSERT INTO item_counts VALUES(new.state, 1)"
     "    ON CONFLICT(state) DO UPDATE SET n = n + 1; END;"
     "CREATE TRIGGER IF NOT EXISTS items_del AFTER DELETE ON items BEGIN"
     "  UPDATE item_counts SET n = n - 1 WHERE state = old.state; END;"
     "CREATE TRIGGER IF NOT EXISTS items_move AFTER UPDATE OF state ON items BEGIN"
     "  UPDATE item_counts SET n = n - 1 WHERE state = old.state;"
     "  INSERT INTO item_counts VALUES(new.state, 1)"
     "    ON CONFLICT(state) DO UPDATE SET n = n + 1; END;"),
    /* 6 -> 7: the items by state and whether they are due: the queue's
     * counts read this index alone (no item row, no sort for GROUP BY),
     * and a queue or the report looks up its states' items in it. */
    "CREATE INDEX IF NOT EXISTS items_state ON items(state, due, due_at);",
    /* 7 -> 8: the items whose anchors do not carry their state's tag yet
     * (the scan leaves leadup/dormant to be written when the queue is
     * opened: lu_scan_write_lazy), counted in item_counts as "untagged
     * STATE" so that note_removals compares the tags with the tagged
     * items alone.  An item's row goes with the item (delete trigger). */
    ("CREATE TABLE IF NOT EXISTS untagged(mid TEXT PRIMARY KEY, state TEXT NOT NULL) "
     "  WITHOUT ROWID;"
     "CREATE TRIGGER IF NOT EXISTS items_untagged AFTER DELETE ON items BEGIN"
     "  DELETE FROM untagged WHERE mid = old.mid; END;"
     "CREATE TRIGGER IF NOT EXISTS untagged_add AFTER INSERT ON untagged BEGIN"
     "  INSERT INTO item_counts VALUES('untagged ' || new.state, 1)"
     "    ON CONFLICT(state) DO UPDATE SET n = n + 1; END;"
     "CREATE TRIGGER IF NOT EXISTS untagged_del AFTER DELETE ON untagged BEGIN"
     "  UPDATE item_counts SET n = n - 1 WHERE state = 'untagged ' || old.state; "
     "END;" COUNT_UNTAGGED),
    /* 8 -> 9: what a listing shows of an item (ITEM_COLS_LISTED), by
     * state in the listing's order: a queue or the report reads its
     * items from this index alone, in order, without looking up a row
     * (a row lookup each was half the report's time at 300,000
     * messages) and without sorting. */
    "CREATE INDEX IF NOT EXISTS items_listed ON items(state, since, mid, due, due_at, next_check, "
    "stage, thread, subject, who);",
    /* 9 -> 10: the senders' histories a full scan counted in notmuch
     * (scan.c sender_history), kept with the index they were counted in
     * (meta "senders"), so that the next full scan of that same index
     * (a settings change) asks notmuch none of them again.  -2: not
     * counted.  A cache: any other index counts afresh. */
    ("CREATE TABLE IF NOT EXISTS senders(addr TEXT PRIMARY KEY, sent INTEGER NOT NULL,"
     "  answered INTEGER NOT NULL) WITHOUT ROWID;"),
    /* 10 -> 11: each row's texts analysed (msgcache.c lu_msgcache_senses:
     * sentences, labels, dates), each under the key of what it depends
     * on besides the text (the message's date, the zone and calendar, the
     * sentence analyser's digest), so that a full scan analyses only the
     * texts whose key changed.  NULL: none kept yet. */
    /* Made again with the column, not altered: a migration may run again
     * (a database older than it said), and its rows are kept. */
    ("DROP TABLE IF EXISTS analyses_new;"
     "CREATE TABLE analyses_new(mid TEXT PRIMARY KEY, file TEXT NOT NULL, analyser TEXT NOT NULL,"
     "  headers BLOB NOT NULL, body BLOB, sense BLOB);"
     "INSERT INTO analyses_new(mid, file, analyser, headers, body)"
     "  SELECT mid, file, analyser, headers, body FROM analyses;"
     "DROP TABLE analyses;"
     "ALTER TABLE analyses_new RENAME TO analyses;"),
    /* 11 -> 12: the last full walk of every thread as the index gave it,
     * with the tags that scan wrote on (scan.c walk_keep: each thread's
     * messages, in the walk's order), under the index it leaves (meta
     * "walked"), so that a scan after a settings change of that very
     * index decides from it without reading notmuch's every message
     * again.  A cache: any other index walks afresh. */
    ("CREATE TABLE IF NOT EXISTS walked(pos INTEGER PRIMARY KEY, tid TEXT NOT NULL,"
     "  msgs BLOB NOT NULL);"),
    /* 12 -> 13: each message of a thread an incremental scan decided, as
     * notmuch gave it (scan.c kmsg_record), with the index revision it was
     * read at and the key of what else it depends on (KEY: notmuch's
     * uuid, the drafts setting), so that the next incremental scan into
     * that thread takes the messages not changed since (their lastmod at
     * most REV) from here, not from notmuch's term lists again (issue
     * 14).  A cache: empty after the upgrade, filled by the scans into
     * each thread, emptied by a full scan. */
    ("CREATE TABLE IF NOT EXISTS kmsgs(mid TEXT PRIMARY KEY, rev INTEGER NOT NULL,"
     "  key INTEGER NOT NULL, rec BLOB NOT NULL) WITHOUT ROWID;"),
    /* 13 -> 14: each row's text's sentences as the thread comparison folds
     * them (said.c lu_said_add_msg: a record checked against the text and
     * lu_said_analyser), so that an incremental scan compares a thread's
     * earlier messages without splitting and folding each again (issue
     * 14).  NULL in every row after the upgrade (sqlite adds the column
     * without rewriting a row): a scan makes the record of a text when
     * its thread is next compared, and keeps it; no file is read again
     * and no text analysed again. */
    "ALTER TABLE analyses ADD COLUMN said BLOB;",
    /* 14 -> 15: the threads to decide again because an undo removed a
     * decision on them (by the Message-ID it was taken on), marked in the
     * transaction that removes it and cleared once their tags are written
     * (notmuch's close): an undo killed or failing in notmuch's commit
     * leaves its thread to the next scan, even an incremental one, as a
     * pending decision does.  Empty after the upgrade; no row is rewritten. */
    "CREATE TABLE IF NOT EXISTS redecide(id INTEGER PRIMARY KEY, mid TEXT NOT NULL);",
};

static void mark_damaged(struct lu_store *s, const char *why);

static bool is_damage(int rc)
{
    rc &= 0xff; /* the primary result code */
    return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_FORMAT;
}

/* A damaged database: while opening, noted for lu_store_open to move
 * aside; later, reported (EX_DATAERR, nothing changed) and marked so that
 * the next command does it. */
static int damaged(struct lu_store *s, const char *what, int rc)
{
    char *why = g_strdup_printf("%s: %s", what, sqlite3_errstr(rc));
    int ret = EX_DATAERR;

    if (s->opening) {
        g_free(s->damage);
        s->damage = why;
        return ret;
    }
    mark_damaged(s, why);
    ret = lu_error(EX_DATAERR,
                   "state database '%s' is damaged (%s): the next leadup command moves it aside "
                   "and rebuilds it from notmuch and the decision journal '%s'",
                   s->path, why, s->journal);
    g_free(why);
    return ret;
}

/* A failed write: damage, a full disk, a read-only directory each say
 * what to do about them. */
static int fail(struct lu_store *s, const char *what)
{
    int rc = sqlite3_extended_errcode(s->db), sys = sqlite3_system_errno(s->db);

    if (is_damage(rc))
        return damaged(s, what, rc);
    /* A full disk may show as an I/O error (the shared-memory file, the
     * log): the system's errno tells. */
    if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT))
        rc = SQLITE_FULL;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return lu_error(EX_IOERR,
                        "state database '%s': %s: the disk is full: "
                        "free some space and try again",
                        s->path, what);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return lu_error(EX_CANTCREAT,
                        "state database '%s': %s: %s: make '%s' "
                        "and its files writable (or set XDG_DATA_HOME)",
                        s->path, what, sqlite3_errmsg(s->db), s->dir);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return lu_error(EX_TEMPFAIL, "state database '%s' is busy (%s); nothing changed, try again",
                        s->path, what);
    default:
        return lu_error(EX_IOERR, "state database '%s': %s: %s", s->path, what,
                        sqlite3_errmsg(s->db));
    }
}

/* The end of a read: RC is the last sqlite3_step() result.  SQLITE_DONE is
 * the end of the rows; anything else is an error, never "no more rows":
 * a damaged table read as empty would make the scan drop every decision. */
static int read_end(struct lu_store *s, int rc, const char *what)
{
    if (rc == SQLITE_DONE)
        return 0;
    if (is_damage(rc))
        return damaged(s, what, rc);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
        return fail(s, what);
    case SQLITE_NOMEM:
        return lu_error(EX_IOERR, "state database '%s': cannot read (%s): %s", s->path, what,
                        sqlite3_errmsg(s->db));
    default:
        return lu_error(EX_SOFTWARE, "state database '%s': %s failed: %s", s->path, what,
                        sqlite3_errmsg(s->db));
    }
}

/* sqlite3_finalize as a GDestroyNotify (for LU_FREE_EACH). */
static void finalize(gpointer st)
{
    sqlite3_finalize(st);
}

/* Steps ST (bound) to its one row, a key's or an aggregate's: true when
 * there is one, for the caller to read (*RET 0); else false, *RET what
 * read_end makes of the end (0: no row). */
static bool one_row(struct lu_store *s, sqlite3_stmt *st, const char *what, int *ret)
{
    int rc = sqlite3_step(st);

    *ret = rc == SQLITE_ROW ? 0 : read_end(s, rc, what);
    return rc == SQLITE_ROW;
}

static int exec(struct lu_store *s, const char *sql)
{
    char *err = NULL;
    int ret = 0;

    if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        int rc = sqlite3_extended_errcode(s->db);
        ret = is_damage(rc) || (rc & 0xff) != SQLITE_ERROR
                  ? fail(s, "writing")
                  : lu_error(EX_IOERR, "state database '%s': %s", s->path, err ? err : "?");
        sqlite3_free(err);
    }
    return ret;
}

/* The schema version (PRAGMA user_version) into *VERSION. */
static int schema_version(struct lu_store *s, int *version)
{
    sqlite3_stmt *st = NULL;
    int ret = 0;

    *version = 0;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK) {
        ret = fail(s, "reading the schema version");
        goto out;
    }
    if (one_row(s, st, "reading the schema version", &ret))
        *version = sqlite3_column_int(st, 0);
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

int lu_store_begin(struct lu_store *s)
{
    s->recounted = false;
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

/* Ends the write transaction begun for a change that came to RET: rolls
 * it back on failure, else commits it. */
static int end_write(struct lu_store *s, int ret)
{
    if (ret) {
        lu_store_rollback(s);
        return ret;
    }
    return lu_store_commit(s);
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

/* The yes or no of SQL, a query of one row and one column (EXISTS ...),
 * into *YES (false on failure).  Returns 0 or a status naming WHAT. */
static int one_bool(struct lu_store *s, const char *sql, const char *what, bool *yes)
{
    sqlite3_stmt *st = prepare(s, sql);
    int ret;

    *yes = false;
    if (!st)
        return EX_IOERR;
    if (one_row(s, st, what, &ret))
        *yes = sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
    return ret;
}

/* The statement the store keeps in *SLOT (lu_store_close finalizes it),
 * prepared from SQL when first needed; NULL: the error is reported. */
static sqlite3_stmt *kept(struct lu_store *s, sqlite3_stmt **slot, const char *sql)
{
    if (!*slot)
        *slot = prepare(s, sql);
    return *slot;
}

/* Runs the bound write ST once (WHAT names it in an error), then resets
 * it for the next binding. */
static int step_write(struct lu_store *s, sqlite3_stmt *st, const char *what)
{
    int ret = sqlite3_step(st) == SQLITE_DONE ? 0 : fail(s, what);

    sqlite3_reset(st);
    return ret;
}

/* step_write for a statement prepared for this one write: finalizes it. */
static int write_once(struct lu_store *s, sqlite3_stmt *st, const char *what)
{
    int ret = step_write(s, st, what);

    sqlite3_finalize(st);
    return ret;
}

static char *col_str(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? g_strdup((const char *)t) : NULL;
}

/* ---- rows and structs ---------------------------------------------------
 *
 * A table's columns are listed once, in the order of its _COLS text, each
 * with the struct member that holds it and how it is kept: read_row and
 * bind_row are the one place that turns a row into a struct and back. */

enum col_type {
    COL_TEXT,     /* char *, owned by the struct */
    COL_INT,      /* int */
    COL_BOOL,     /* bool, kept as 0 or 1 */
    COL_INT64,    /* gint64 */
    COL_STATE,    /* enum lu_state by its name; none when unknown */
    COL_DECISION, /* enum lu_decision_kind by its name (the caller checked it) */
};

struct column {
    enum col_type type;
    size_t off; /* the member's offset in its struct */
};

#define COLUMN(type, st, member)                                                                   \
    {                                                                                              \
        COL_##type, offsetof(st, member)                                                           \
    }
#define MEMBER(obj, c, ctype) ((ctype *)((char *)(obj) + (c)->off))

/* Reads the N columns COLS of ST's current row into OBJ's members (the
 * texts are copies, OBJ's to free). */
static void read_row(sqlite3_stmt *st, const struct column *cols, int n, void *obj)
{
    for (int i = 0; i < n; i++) {
        const struct column *c = &cols[i];
        const char *name = (const char *)sqlite3_column_text(st, i);
        int state;

        switch (c->type) {
        case COL_TEXT:
            *MEMBER(obj, c, char *) = col_str(st, i);
            break;
        case COL_INT:
            *MEMBER(obj, c, int) = sqlite3_column_int(st, i);
            break;
        case COL_BOOL:
            *MEMBER(obj, c, bool) = sqlite3_column_int(st, i) != 0;
            break;
        case COL_INT64:
            *MEMBER(obj, c, gint64) = sqlite3_column_int64(st, i);
            break;
        case COL_STATE:
            state = lu_state_parse(name);
            *MEMBER(obj, c, enum lu_state) = state < 0 ? LU_ST_NONE : state;
            break;
        case COL_DECISION:
            *MEMBER(obj, c, enum lu_decision_kind) = lu_decision_parse(name);
            break;
        }
    }
}

/* Binds OBJ's members of the N columns COLS to parameters 1 to N of ST
 * (OBJ must outlive the step). */
static void bind_row(sqlite3_stmt *st, const struct column *cols, int n, const void *obj)
{
    for (int i = 0; i < n; i++) {
        const struct column *c = &cols[i];
        const char *text = NULL;

        switch (c->type) {
        case COL_TEXT:
            text = *MEMBER(obj, c, char *const);
            break;
        case COL_INT:
            sqlite3_bind_int(st, i + 1, *MEMBER(obj, c, const int));
            break;
        case COL_BOOL:
            sqlite3_bind_int(st, i + 1, *MEMBER(obj, c, const bool));
            break;
        case COL_INT64:
            sqlite3_bind_int64(st, i + 1, *MEMBER(obj, c, const gint64));
            break;
        case COL_STATE:
            text = lu_state_name(*MEMBER(obj, c, const enum lu_state));
            break;
        case COL_DECISION:
            text = lu_decision_name(*MEMBER(obj, c, const enum lu_decision_kind));
            break;
        }
        if (c->type == COL_TEXT || c->type == COL_STATE || c->type == COL_DECISION)
            sqlite3_bind_text(st, i + 1, text, -1, SQLITE_STATIC);
    }
}

int lu_store_get(struct lu_store *s, const char *key, char **out)
{
    sqlite3_stmt *st = kept(s, &s->get_meta, "SELECT value FROM meta WHERE key = ?");
    int ret;

    *out = NULL;
    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (one_row(s, st, "reading meta", &ret))
        *out = col_str(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ret;
}

int lu_store_in_step(struct lu_store *s, const char *uuid, gint64 rev, bool *same)
{
    /* What the last scan left (scan.c scan_save): the revision after its
     * own writes, and the range others wrote in while it ran. */
    sqlite3_stmt *st = prepare(s, "SELECT (SELECT value FROM meta WHERE key = 'uuid'),"
                                  " (SELECT value FROM meta WHERE key = 'lastmod'),"
                                  " coalesce((SELECT value FROM meta WHERE key = 'gap_to'), '0'),"
                                  " EXISTS(SELECT 1 FROM decisions WHERE pending)"
                                  "  OR EXISTS(SELECT 1 FROM redecide)");
    char want[32];
    int ret;

    *same = false;
    if (!st)
        return EX_IOERR;
    snprintf(want, sizeof want, "%" G_GINT64_FORMAT, rev);
    if (one_row(s, st, "reading meta", &ret)) {
        const char *u = (const char *)sqlite3_column_text(st, 0),
                   *last = (const char *)sqlite3_column_text(st, 1),
                   *gap = (const char *)sqlite3_column_text(st, 2);
        *same = u && uuid && !strcmp(u, uuid) && last && !strcmp(last, want) && gap &&
                !strcmp(gap, "0") && !sqlite3_column_int(st, 3);
    }
    sqlite3_finalize(st);
    return ret;
}

int lu_store_set(struct lu_store *s, const char *key, const char *value)
{
    sqlite3_stmt *st =
        kept(s, &s->set_meta, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    int ret;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    ret = step_write(s, st, "writing meta");
    sqlite3_clear_bindings(st);
    return ret;
}

static void free_list(gpointer p)
{
    g_ptr_array_free(p, TRUE);
}

void lu_item_free(struct lu_item *it)
{
    if (it)
        LU_FREE_EACH(g_free, it->mid, it->thread_id, it->subject, it->who, it->norm_subject,
                     it->why, it);
}

#define ITEM_COLS                                                                                  \
    "mid, thread, state, due, due_at, since, next_check, stage, subject, who, norm_subject, why, " \
    "updated"

/* ITEM_COLS as a listing reads them (lu_store_items, _filtered): the
 * columns it never shows NULL or 0 (the why text is most of a row: some
 * 200 bytes), so that the index items_listed holds all it reads. */
#define ITEM_COLS_LISTED                                                                           \
    "mid, thread, state, due, due_at, since, next_check, stage, subject, who, NULL, NULL, 0"

/* ITEM_COLS' members. */
static const struct column item_cols[] = {
    COLUMN(TEXT, struct lu_item, mid),
    COLUMN(TEXT, struct lu_item, thread_id),
    COLUMN(STATE, struct lu_item, state),
    COLUMN(BOOL, struct lu_item, sched.due),
    COLUMN(INT64, struct lu_item, sched.due_at),
    COLUMN(INT64, struct lu_item, since),
    COLUMN(INT64, struct lu_item, sched.next_check),
    COLUMN(INT, struct lu_item, sched.stage),
    COLUMN(TEXT, struct lu_item, subject),
    COLUMN(TEXT, struct lu_item, who),
    COLUMN(TEXT, struct lu_item, norm_subject),
    COLUMN(TEXT, struct lu_item, why),
    COLUMN(INT64, struct lu_item, updated),
};
#define N_ITEM_COLS ((int)G_N_ELEMENTS(item_cols))

/* The item in ST's current row (ITEM_COLS first).  Caller frees. */
static struct lu_item *item_row(sqlite3_stmt *st)
{
    struct lu_item *it = g_new0(struct lu_item, 1);

    lu_item_rows++;
    read_row(st, item_cols, N_ITEM_COLS, it);
    return it;
}

/* Whether MID's item is marked untagged in STATE already. */
static bool untagged_as(struct lu_store *s, const char *mid, const char *state)
{
    sqlite3_stmt *st =
        kept(s, &s->get_untagged, "SELECT 1 FROM untagged WHERE mid = ? AND state = ?");
    bool is;

    if (!st)
        return false;
    sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
    is = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    return is;
}

/* set_untagged's write without its look-up: MID's mark made (STATE) or removed
 * (NULL) whatever it was. */
static int write_untagged(struct lu_store *s, const char *mid, const char *state)
{
    sqlite3_stmt *st = state ? kept(s, &s->put_untagged,
                                    "INSERT OR REPLACE INTO untagged(mid, state) VALUES(?, ?)")
                             : kept(s, &s->del_untagged, "DELETE FROM untagged WHERE mid = ?");

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
    if (state)
        sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
    return step_write(s, st, "marking an item's tag");
}

/* Marks MID's item as untagged in STATE (NULL: tagged now). */
static int set_untagged(struct lu_store *s, const char *mid, const char *state)
{
    /* Kept: a first scan marks every item it writes (preparing it each
     * time was 1.7% of a first scan's instructions, issue 14).  A mark
     * that is there already is left (untagged_as): replaced, its row went
     * and came back through the counts' triggers, 24,000 instructions an
     * item of every warm full scan and settings change (4% of one at
     * 10,000 messages, s33-warm). */
    if (state && untagged_as(s, mid, state))
        return 0;
    return write_untagged(s, mid, state);
}

int lu_store_set_tagged(struct lu_store *s, const char *mid)
{
    return set_untagged(s, mid, NULL);
}

/* Forgets the item anchored on MID, if any. */
static int forget_item(struct lu_store *s, const char *mid)
{
    sqlite3_stmt *st = kept(s, &s->del_item, "DELETE FROM items WHERE mid = ?");
    int ret;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
    ret = step_write(s, st, "forgetting an item");
    /* what the delete trigger items_untagged does, its triggers off */
    if (!ret && s->bulk)
        ret = set_untagged(s, mid, NULL);
    return ret;
}

/* Stores IT, in place of the item anchored on its message (FRESH: there
 * is none, nor a mark of its tag, so none is looked up). */
static int put_item(struct lu_store *s, const struct lu_item *it, bool fresh)
{
    sqlite3_stmt *st =
        kept(s, &s->put_item,
             "INSERT OR REPLACE INTO items(" ITEM_COLS ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int ret;

    if (!st)
        return EX_IOERR;
    bind_row(st, item_cols, N_ITEM_COLS, it);
    ret = step_write(s, st, "storing an item");
    if (!ret && it->untagged)
        ret = fresh ? write_untagged(s, it->mid, lu_state_name(it->state))
                    : set_untagged(s, it->mid, lu_state_name(it->state));
    else if (!ret && s->bulk && !fresh) /* the REPLACE's delete trigger, off */
        ret = set_untagged(s, it->mid, NULL);
    return ret;
}

typedef int (*lists_reader)(struct lu_store *s, sqlite3_stmt *st, GHashTable *table);
static int lists_of(struct lu_store *s, const char *head, const char *tail, GPtrArray *mids,
                    lists_reader read, GHashTable *table);

/* lists_of's reader for a DELETE: runs it once (TABLE unused). */
static int forget_batch(struct lu_store *s, sqlite3_stmt *st, GHashTable *table)
{
    return step_write(s, st, "forgetting an item");
}

int lu_store_put_thread(struct lu_store *s, GPtrArray *mids, const struct lu_item *it)
{
    int ret = 0;

    /* The items anchored on a thread's messages go in one statement a
     * batch (lists_of), not one a message: a decision's commit on a thread
     * of 61 spent 0.55 M on 61 DELETEs (issue 14). */
    if (mids->len > 1)
        ret = lists_of(s, "DELETE FROM items WHERE mid IN ", "", mids, forget_batch, NULL);
    else if (mids->len == 1)
        ret = forget_item(s, g_ptr_array_index(mids, 0));
    if (!ret && it)
        ret = put_item(s, it, false);
    return ret;
}

void lu_thread_plan_free(struct lu_thread_plan *p)
{
    if (!p)
        return;
    g_ptr_array_free(p->mids, TRUE);
    lu_item_free(p->item);
    g_free(p);
}

/* The scan's staged plan (lu_store_stage): one row for the thread's new
 * item (ITEM_COLS), then one a message walked (state NULL: the item
 * anchored on it goes, but the new item's own), which lu_store_put_thread
 * writes the other way round to the same end.  A TEMP
 * table: this connection's alone, so staging takes no lock on the state
 * (a decision meanwhile goes through) and a killed run leaves nothing of
 * it; sqlite keeps it in its page cache and spills the rest to a file it
 * has already deleted. */
static int stage_table(struct lu_store *s)
{
    int ret;

    if (s->staged)
        return 0;
    ret = exec(s, "CREATE TEMP TABLE IF NOT EXISTS scan_plan("
                  "  mid TEXT NOT NULL, thread TEXT, state TEXT, due INTEGER, due_at INTEGER,"
                  "  since INTEGER, next_check INTEGER, stage INTEGER, subject TEXT, who TEXT,"
                  "  norm_subject TEXT, why TEXT, updated INTEGER, untagged INTEGER)");
    s->staged = ret == 0;
    return ret;
}

/* Stages one row of P: its message MID alone (IT NULL), or its item IT. */
static int stage_row(struct lu_store *s, const char *mid, const struct lu_item *it)
{
    sqlite3_stmt *st = kept(s, &s->stage_row,
                            "INSERT INTO temp.scan_plan(" ITEM_COLS
                            ", untagged) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int ret;

    if (!st)
        return EX_IOERR;
    if (it) {
        bind_row(st, item_cols, N_ITEM_COLS, it);
        sqlite3_bind_int(st, 14, it->untagged);
    } else {
        sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
        s->staged_mids = true;
    }
    ret = step_write(s, st, "staging the scan's plan");
    sqlite3_clear_bindings(st);
    return ret;
}

int lu_store_stage(struct lu_store *s, GPtrArray *plans)
{
    int ret = stage_table(s);

    /* A deferred transaction that writes only TEMP tables locks nothing. */
    if (!ret)
        ret = exec(s, "BEGIN");
    if (ret)
        return ret;
    for (guint i = 0; i < plans->len && !ret; i++) {
        struct lu_thread_plan *p = g_ptr_array_index(plans, i);
        if (p->item)
            ret = stage_row(s, NULL, p->item);
        for (guint k = 0; k < p->mids->len && !ret; k++)
            ret = stage_row(s, g_ptr_array_index(p->mids, k), NULL);
    }
    return end_write(s, ret);
}

/* Whether the item stored on IT's message is IT but for when it was
 * written (*SAME): then nothing is written but its mark of a tag not
 * written yet.  A full scan decides every thread again, and after a
 * settings change most decide as before: rewriting each such item (its
 * row, four indexes and the counts' triggers) was 6% of a warm full
 * scan's instructions (issue 14); its stamp alone, every page of the
 * items written again, 3% of a settings change's main thread at 300,000
 * messages (lu_store_forget_before keeps the items the plan holds). */
static int same_item(struct lu_store *s, const struct lu_item *it, bool *same)
{
    sqlite3_stmt *st = kept(s, &s->same_item,
                            "SELECT updated < ?13 FROM items WHERE mid = ?1 AND thread IS ?2 AND "
                            "state IS ?3 AND due IS ?4 AND due_at IS ?5 AND since IS ?6 AND "
                            "next_check IS ?7 AND stage IS ?8 AND subject IS ?9 AND who IS ?10 "
                            "AND norm_subject IS ?11 AND why IS ?12");
    int rc, ret;

    *same = false;
    if (!st)
        return EX_IOERR;
    bind_row(st, item_cols, N_ITEM_COLS, it);
    rc = sqlite3_step(st);
    *same = rc == SQLITE_ROW;
    if (*same && sqlite3_column_int(st, 0)) {
        gpointer h = GSIZE_TO_POINTER((gsize)lu_fnv64(LU_FNV64_INIT, it->mid, strlen(it->mid)));
        s->same_old++;
        s->same_dup = s->same_dup || !g_hash_table_add(s->same_seen, h);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    ret = *same ? 0 : read_end(s, rc, "reading an item");
    if (*same)
        ret = set_untagged(s, it->mid, it->untagged ? lu_state_name(it->state) : NULL);
    return ret;
}

/* The Message-IDs of the plan's that anchor an item now into *HAS (a
 * set; caller destroys). */
static int staged_items(struct lu_store *s, GHashTable **has)
{
    sqlite3_stmt *st = prepare(s, "SELECT DISTINCT p.mid FROM temp.scan_plan p "
                                  "JOIN items i ON i.mid = p.mid");
    int rc;

    *has = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        g_hash_table_add(*has, col_str(st, 0));
    sqlite3_finalize(st);
    return read_end(s, rc, "reading the scan's plan");
}

/* Writes one row of a plan, as staged (lu_store_stage): the item IT, or
 * (IT NULL) the message MID walked, whose item goes unless it is the one
 * just written (*PUT, the message of the item written last, kept here)
 * or it has none (HAS, the plan's messages that anchor an item: a DELETE
 * that finds nothing was 5,500 instructions, 61 of them a thread of 62,
 * issue 14; NULL: a plan of items alone forgets none). */
static int put_plan_row(struct lu_store *s, const char *mid, const struct lu_item *it, char **put,
                        GHashTable *has)
{
    bool same = false, fresh;
    int ret;

    if (!it) {
        if ((!*put || g_strcmp0(mid, *put) != 0) && mid && has && g_hash_table_remove(has, mid))
            return forget_item(s, mid);
        return 0;
    }
    /* Into items that were empty (bulk_begin), an item not written in
     * this run (HAS holds those) has no row to compare or replace. */
    fresh = s->bulk && it->mid && !g_hash_table_contains(has, it->mid);
    ret = fresh ? 0 : same_item(s, it, &same);
    if (!ret && !same)
        ret = put_item(s, it, fresh);
    if (it->mid && has)
        g_hash_table_add(has, g_strdup(it->mid));
    g_free(*put);
    *put = g_strdup(it->mid);
    return ret;
}

/* Starts lu_store_put_staged's or lu_store_put_plans's count of the items
 * found unchanged (same_item). */
static void same_begin(struct lu_store *s)
{
    s->same_old = 0;
    s->same_dup = false;
    if (s->same_seen)
        g_hash_table_remove_all(s->same_seen);
    else
        s->same_seen = g_hash_table_new(g_direct_hash, g_direct_equal);
}

/* A write of the staged plan into empty items (a first full scan's)
 * runs no trigger: the counts' triggers and untagged's each ran an
 * upsert of item_counts a row (with the look-ups they spare, 26% of the
 * rows' instructions at 10,000 messages, issue 14).  bulk_end counts
 * again, and store.c removes the mark of an item it removes or
 * replaces itself (items_untagged's part).  Items written before in the
 * same transaction (an item, then its thread's message) are in HAS. */
static int bulk_begin(struct lu_store *s)
{
    bool empty = false;
    int ret =
        one_bool(s, "SELECT NOT EXISTS(SELECT 1 FROM items) AND NOT EXISTS(SELECT 1 FROM untagged)",
                 "reading the items", &empty);

    if (!ret && empty && !lu_debug_no_bulk &&
        sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL) == SQLITE_OK)
        s->bulk = true;
    return ret;
}

/* The triggers on again after bulk_begin; the counts they would have kept. */
static int bulk_end(struct lu_store *s, int ret)
{
    if (!s->bulk)
        return ret;
    s->bulk = false;
    if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL) != SQLITE_OK)
        ret = ret ? ret : fail(s, "turning the triggers on");
    if (!ret)
        ret = exec(s, "DELETE FROM item_counts;"
                      "INSERT INTO item_counts SELECT state, count(*) FROM items GROUP BY "
                      "state;" COUNT_UNTAGGED);
    s->recounted = ret == 0;
    return ret;
}

int lu_store_put_staged(struct lu_store *s)
{
    struct lu_item *it = NULL;
    char *put = NULL; /* the message of the item written last */
    GHashTable *has = NULL;
    sqlite3_stmt *st;
    int rc = SQLITE_DONE, ret = stage_table(s);

    /* A plan of items alone (a replayed full walk: plan_item) forgets none. */
    if (!ret && s->staged_mids)
        ret = staged_items(s, &has);
    if (!ret)
        ret = bulk_begin(s);
    if (!ret && s->bulk && !has)
        has = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    same_begin(s);
    st = ret ? NULL
             : prepare(s, "SELECT " ITEM_COLS ", untagged FROM temp.scan_plan ORDER BY rowid");
    if (!st)
        ret = ret ? ret : EX_IOERR;
    while (!ret && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 2) == SQLITE_NULL) {
            ret = put_plan_row(s, (const char *)sqlite3_column_text(st, 0), NULL, &put, has);
            continue;
        }
        it = item_row(st);
        it->untagged = sqlite3_column_int(st, N_ITEM_COLS);
        ret = put_plan_row(s, NULL, it, &put, has);
        g_clear_pointer(&it, lu_item_free);
    }
    if (!ret && st)
        ret = read_end(s, rc, "reading the scan's plan");
    sqlite3_finalize(st);
    ret = bulk_end(s, ret);
    lu_item_free(it);
    g_free(put);
    if (has)
        g_hash_table_destroy(has);
    return ret;
}

/* The messages of PLANS that anchor an item into *HAS (a set; caller
 * destroys), a look-up each (kept): staged_items without the staging. */
static int plan_items(struct lu_store *s, GPtrArray *plans, GHashTable **has)
{
    sqlite3_stmt *st = kept(s, &s->has_item, "SELECT 1 FROM items WHERE mid = ?");
    int rc = SQLITE_DONE;

    *has = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!st)
        return EX_IOERR;
    for (guint i = 0; i < plans->len && (rc == SQLITE_DONE || rc == SQLITE_ROW); i++) {
        const struct lu_thread_plan *p = g_ptr_array_index(plans, i);
        for (guint k = 0; k < p->mids->len && (rc == SQLITE_DONE || rc == SQLITE_ROW); k++) {
            const char *mid = g_ptr_array_index(p->mids, k);
            if (!mid || g_hash_table_contains(*has, mid))
                continue;
            sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW)
                g_hash_table_add(*has, g_strdup(mid));
            sqlite3_reset(st);
        }
    }
    sqlite3_clear_bindings(st);
    return read_end(s, rc == SQLITE_ROW ? SQLITE_DONE : rc, "reading the items");
}

int lu_store_put_plans(struct lu_store *s, GPtrArray *plans)
{
    char *put = NULL; /* the message of the item written last */
    GHashTable *has = NULL;
    int ret = plan_items(s, plans, &has);

    same_begin(s);
    for (guint i = 0; i < plans->len && !ret; i++) {
        const struct lu_thread_plan *p = g_ptr_array_index(plans, i);
        if (p->item)
            ret = put_plan_row(s, NULL, p->item, &put, has);
        for (guint k = 0; k < p->mids->len && !ret; k++)
            ret = put_plan_row(s, g_ptr_array_index(p->mids, k), NULL, &put, has);
    }
    g_free(put);
    g_hash_table_destroy(has);
    return ret;
}

bool lu_item_due(const struct lu_item *it, gint64 now)
{
    return it->sched.due || (it->sched.due_at && it->sched.due_at <= now);
}

gint64 lu_item_when(const struct lu_item *it)
{
    return it->sched.due_at ? it->sched.due_at : it->since;
}

/* lu_due(due, due_at, now) in SQL: lu_item_due, so that counts and lists
 * agree with the commands that judge one item. */
static void sql_due(sqlite3_context *c, int argc, sqlite3_value **v)
{
    struct lu_item it = {0};

    (void)argc;
    it.sched.due = sqlite3_value_int(v[0]) != 0;
    it.sched.due_at = sqlite3_value_int64(v[1]);
    sqlite3_result_int(c, lu_item_due(&it, sqlite3_value_int64(v[2])));
}

/* Prepares SQL, which may call lu_due(). */
static sqlite3_stmt *prepare_due(struct lu_store *s, const char *sql)
{
    sqlite3_create_function(s->db, "lu_due", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_due,
                            NULL, NULL);
    return prepare(s, sql);
}

/* Appends to SQL the quoted names of the states in STATES (1 << state
 * each), comma-separated: a list for "state IN (...)". */
static void append_states(GString *sql, unsigned states)
{
    int n = 0;

    for (int i = 0; i < LU_ST_COUNT; i++)
        if (states & (1u << i))
            g_string_append_printf(sql, "%s'%s'", n++ ? ", " : "", lu_state_name(i));
}

/* How many items each state holds (item_counts, kept by triggers), and
 * of those how many lack their tag (UNTAGGED; NULL: not wanted). */
static int read_item_counts(struct lu_store *s, unsigned counts[LU_ST_COUNT],
                            unsigned untagged[LU_ST_COUNT])
{
    sqlite3_stmt *st = prepare(s, "SELECT state, n FROM item_counts");
    int rc, ret;

    memset(counts, 0, sizeof(unsigned) * LU_ST_COUNT);
    if (untagged)
        memset(untagged, 0, sizeof(unsigned) * LU_ST_COUNT);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        bool lacking = name && g_str_has_prefix(name, "untagged ");
        int state = lu_state_parse(lacking ? name + strlen("untagged ") : name);
        unsigned n = (unsigned)MAX(sqlite3_column_int(st, 1), 0);
        if (state >= 0 && !lacking)
            counts[state] = n;
        else if (state >= 0 && untagged)
            untagged[state] = n;
    }
    ret = read_end(s, rc, "counting items");
    sqlite3_finalize(st);
    return ret;
}

/* The totals from item_counts; the due items counted in the index
 * items_state where (due, due_at) is not (0, 0), in four ranges of it
 * (sqlite seeks a row value's range by its first column only): an item
 * with neither is never due (lu_item_due), and most items (dormant,
 * closed) have neither, so they are not read. */
int lu_store_count_items(struct lu_store *s, gint64 now, unsigned counts[LU_ST_COUNT],
                         unsigned due[LU_ST_COUNT])
{
    static const char *const ranges[] = {"due > 0", "due < 0", "due = 0 AND due_at > 0",
                                         "due = 0 AND due_at < 0"};
    GString *in = g_string_new(NULL), *sql = g_string_new(NULL);
    sqlite3_stmt *st = NULL;
    int rc, ret = read_item_counts(s, counts, NULL);

    memset(due, 0, sizeof(unsigned) * LU_ST_COUNT);
    append_states(in, (1u << LU_ST_COUNT) - 1);
    for (guint i = 0; i < G_N_ELEMENTS(ranges); i++)
        g_string_append_printf(sql,
                               "%sSELECT state, sum(lu_due(due, due_at, ?1)) FROM items "
                               "WHERE state IN (%s) AND %s GROUP BY state",
                               i ? " UNION ALL " : "", in->str, ranges[i]);
    if (!ret) {
        st = prepare_due(s, sql->str);
        ret = st ? 0 : EX_IOERR;
    }
    if (ret)
        goto out;
    sqlite3_bind_int64(st, 1, now);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int state = lu_state_parse((const char *)sqlite3_column_text(st, 0));
        if (state >= 0)
            due[state] += (unsigned)MAX(sqlite3_column_int(st, 1), 0);
    }
    ret = read_end(s, rc, "counting items");
out:
    sqlite3_finalize(st);
    g_string_free(in, TRUE);
    g_string_free(sql, TRUE);
    return ret;
}

int lu_store_add_bounce(struct lu_store *s, const struct lu_msg *bounce)
{
    sqlite3_stmt *st = prepare(s, "INSERT OR REPLACE INTO bounces(mid, bounce, date, sender, why) "
                                  "VALUES(?,?,?,?,?)");

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, bounce->bounced_mid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, bounce->mid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, bounce->date);
    sqlite3_bind_text(st, 4, bounce->from ? bounce->from->email : NULL, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, bounce->auto_why, -1, SQLITE_STATIC);
    return write_once(s, st, "storing a delivery failure");
}

/* Reads the rows of ST into TABLE (Message-ID -> GPtrArray). */
/* The rows SQL selects, read by READ into a new table *OUT. */
static int lists_where(struct lu_store *s, const char *sql, lists_reader read, GHashTable **out)
{
    sqlite3_stmt *st = prepare(s, sql);
    int ret;

    *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_list);
    if (!st)
        return EX_IOERR;
    ret = read(s, st, *out);
    sqlite3_finalize(st);
    return ret;
}

/* Message-IDs asked at once by lists_of. */
#define LISTS_BATCH 128

/* The rows HEAD "(?, ...)" TAIL selects for MIDS (HEAD ends in "mid IN "),
 * read by READ into TABLE: one statement a batch of Message-IDs.  It was a
 * statement run for each, 7,500 instructions each when nothing is found
 * (0.9 M of a one-new-message scan's thread of 61, issue 14).  READ files
 * each row under its Message-ID, in the order read, so each Message-ID's
 * list is in TAIL's order (or the index's) as before. */
static int lists_of(struct lu_store *s, const char *head, const char *tail, GPtrArray *mids,
                    lists_reader read, GHashTable *table)
{
    sqlite3_stmt *st = NULL;
    guint prepared = 0;
    int ret = 0;

    for (guint at = 0; at < mids->len && !ret; at += LISTS_BATCH) {
        guint n = MIN(LISTS_BATCH, mids->len - at);
        if (n != prepared) {
            GString *sql = g_string_new(head);
            for (guint i = 0; i < n; i++)
                g_string_append(sql, i ? ",?" : "(?");
            g_string_append_printf(sql, ")%s", tail);
            sqlite3_finalize(st);
            st = prepare(s, sql->str);
            g_string_free(sql, TRUE);
            prepared = n;
            if (!st)
                return EX_IOERR;
        }
        for (guint i = 0; i < n; i++)
            sqlite3_bind_text(st, (int)i + 1, g_ptr_array_index(mids, at + i), -1, SQLITE_STATIC);
        ret = read(s, st, table);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return ret;
}

/* Adds the delivery failures of ST's rows (mid, bounce, date, sender) to
 * TABLE, by the Message-ID they report on. */
static int read_bounces(struct lu_store *s, sqlite3_stmt *st, GHashTable *table)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct lu_msg *m;

        lu_bounce_rows++;
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
        lu_lists_add(table, m->bounced_mid, m, (GDestroyNotify)lu_msg_free);
    }
    return read_end(s, rc, "reading delivery failures");
}

int lu_store_bounces(struct lu_store *s, GHashTable **out)
{
    return lists_where(s, "SELECT mid, bounce, date, sender FROM bounces", read_bounces, out);
}

int lu_store_bounces_of(struct lu_store *s, GPtrArray *mids, GHashTable *table)
{
    /* The primary key (mid, bounce) finds them. */
    return lists_of(s, "SELECT mid, bounce, date, sender FROM bounces WHERE mid IN ", "", mids,
                    read_bounces, table);
}

int lu_store_item(struct lu_store *s, const char *mid, struct lu_item **out)
{
    sqlite3_stmt *st = kept(s, &s->get_item, "SELECT " ITEM_COLS " FROM items WHERE mid = ?");
    int ret;

    *out = NULL;
    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
    if (one_row(s, st, "reading an item", &ret)) /* mid is the key */
        *out = item_row(st);
    sqlite3_reset(st);
    return ret;
}

int lu_store_items_each(struct lu_store *s, int state, lu_item_fn each, void *data)
{
    /* One state's items in the order of the index items_listed. */
    sqlite3_stmt *st =
        prepare(s, state < 0 ? "SELECT " ITEM_COLS_LISTED " FROM items ORDER BY since, mid"
                             : "SELECT " ITEM_COLS_LISTED
                               " FROM items WHERE state = ? ORDER BY since, mid");
    int rc = SQLITE_DONE, ret = 0;

    if (!st)
        return EX_IOERR;
    if (state >= 0)
        sqlite3_bind_text(st, 1, lu_state_name(state), -1, SQLITE_STATIC);
    while (!ret && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (sqlite3_column_text(st, 0) && sqlite3_column_text(st, 1))
            ret = each(item_row(st), data);
    if (!ret)
        ret = read_end(s, rc, "reading items");
    sqlite3_finalize(st);
    return ret;
}

static int add_item(struct lu_item *it, void *items)
{
    g_ptr_array_add(items, it);
    return 0;
}

int lu_store_items(struct lu_store *s, int state, GPtrArray **out)
{
    *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_item_free);
    return lu_store_items_each(s, state, add_item, *out);
}

int lu_store_item_count(struct lu_store *s, int state, unsigned *n)
{
    unsigned counts[LU_ST_COUNT];
    int ret = read_item_counts(s, counts, NULL);

    *n = ret ? 0 : counts[state];
    return ret;
}

/* Oldest first, as ORDER BY since, mid: sqlite compares text as memcmp,
 * which strcmp agrees with on text without NUL. */
static gint by_since(gconstpointer a, gconstpointer b)
{
    const struct lu_item *x = *(struct lu_item *const *)a, *y = *(struct lu_item *const *)b;

    if (x->since != y->since)
        return x->since < y->since ? -1 : 1;
    return strcmp(x->mid, y->mid);
}

/* An item a listing by due date keeps: when it falls due, then oldest
 * first (since, Message-ID: the listing's order before it was sorted by
 * due date, which kept ties in that order). */
struct listed {
    gint64 when, since;
    const char *mid;    /* the item's, or a row's while it is offered */
    struct lu_item *it; /* owned */
};

static bool listed_before(const struct listed *a, const struct listed *b)
{
    if (a->when != b->when)
        return a->when < b->when;
    if (a->since != b->since)
        return a->since < b->since;
    return strcmp(a->mid, b->mid) < 0;
}

static gint listed_cmp(gconstpointer a, gconstpointer b)
{
    return listed_before(a, b) ? -1 : listed_before(b, a);
}

/* HEAP's entry AT moved down to its place: a heap whose top (0) is the
 * last of the kept, so that a row after it is dropped unread. */
static void heap_down(GArray *heap, guint at)
{
    struct listed *h = (struct listed *)(void *)heap->data;

    for (;;) {
        guint big = at, l = 2 * at + 1, r = l + 1;
        if (l < heap->len && listed_before(&h[big], &h[l]))
            big = l;
        if (r < heap->len && listed_before(&h[big], &h[r]))
            big = r;
        if (big == at)
            return;
        struct listed t = h[at];
        h[at] = h[big];
        h[big] = t;
        at = big;
    }
}

static void heap_up(GArray *heap, guint at)
{
    struct listed *h = (struct listed *)(void *)heap->data;

    while (at && listed_before(&h[(at - 1) / 2], &h[at])) {
        struct listed t = h[at];
        h[at] = h[(at - 1) / 2];
        h[(at - 1) / 2] = t;
        at = (at - 1) / 2;
    }
}

/* ST's row (ITEM_COLS_LISTED) kept in HEAP if it comes before the last of
 * the LIMIT kept (0: no limit): a row dropped costs no item (at 300,000
 * messages the report's due items were 11,621 rows, their items most of
 * its time and memory). */
static void heap_offer(GArray *heap, sqlite3_stmt *st, int limit)
{
    struct lu_item key = {.since = sqlite3_column_int64(st, 5)};
    struct listed row;

    key.sched.due_at = sqlite3_column_int64(st, 4);
    row = (struct listed){lu_item_when(&key), key.since, (const char *)sqlite3_column_text(st, 0)};
    if (limit > 0 && heap->len >= (guint)limit) {
        struct listed *top = &g_array_index(heap, struct listed, 0);
        if (!listed_before(&row, top))
            return;
        lu_item_free(top->it);
        row.it = item_row(st);
        row.mid = row.it->mid;
        *top = row;
        heap_down(heap, 0);
        return;
    }
    row.it = item_row(st);
    row.mid = row.it->mid;
    g_array_append_val(heap, row);
    heap_up(heap, heap->len - 1);
}

/* The SQL of F's listing: one state's items (?5), in the order of the
 * index items_listed, so that a LIMIT stops early and sqlite sorts none. */
static char *filtered_sql(const struct lu_item_filter *f, bool every)
{
    GString *sql = g_string_new("SELECT " ITEM_COLS_LISTED " FROM items WHERE state = ?5");

    if (f->due_before)
        g_string_append(sql, " AND (lu_due(due, due_at, ?1) OR (due_at > 0 AND due_at < ?2))");
    if (f->due_to)
        g_string_append(sql, " AND due_at >= ?3 AND due_at < ?4");
    g_string_append(sql, " ORDER BY since, mid");
    if (f->limit > 0 && !every)
        g_string_append_printf(sql, " LIMIT %d", f->limit);
    return g_string_free(sql, FALSE);
}

/* The listing's kept items into OUT in its order: by due date from HEAP
 * (emptied), or oldest first. */
static void filtered_order(const struct lu_item_filter *f, GArray *heap, GPtrArray *out)
{
    if (f->by_due) {
        g_array_sort(heap, listed_cmp);
        for (guint i = 0; i < heap->len; i++)
            g_ptr_array_add(out, g_array_index(heap, struct listed, i).it);
        g_array_set_size(heap, 0);
        return;
    }
    if (f->states & (f->states - 1)) /* more than one state: merged */
        g_ptr_array_sort(out, by_since);
    if (f->limit > 0 && out->len > (guint)f->limit)
        g_ptr_array_set_size(out, f->limit);
}

/* One query a state, then merged.  By due date each row is read and only
 * the first LIMIT become items (heap_offer); oldest first, sqlite's LIMIT
 * stops each state early unless every match is counted (MATCHED). */
int lu_store_items_filtered(struct lu_store *s, const struct lu_item_filter *f, GPtrArray **out,
                            unsigned *matched)
{
    bool every = matched || f->by_due;
    char *sql = filtered_sql(f, every);
    sqlite3_stmt *st = prepare_due(s, sql);
    GArray *heap = g_array_new(FALSE, FALSE, sizeof(struct listed));
    unsigned n = 0;
    int ret = 0;

    *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_item_free);
    if (!st) {
        ret = EX_IOERR;
        goto out;
    }
    sqlite3_bind_int64(st, 1, f->now);
    sqlite3_bind_int64(st, 2, f->due_before);
    sqlite3_bind_int64(st, 3, f->due_from);
    sqlite3_bind_int64(st, 4, f->due_to);
    for (int i = 0; i < LU_ST_COUNT && !ret; i++) {
        int rc;
        if (!(f->states & (1u << i)))
            continue;
        sqlite3_bind_text(st, 5, lu_state_name(i), -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (!sqlite3_column_text(st, 0) || !sqlite3_column_text(st, 1))
                continue;
            n++;
            if (f->by_due)
                heap_offer(heap, st, f->limit);
            else
                g_ptr_array_add(*out, item_row(st));
        }
        ret = read_end(s, rc, "reading items");
        sqlite3_reset(st);
    }
    if (matched)
        *matched = n;
    if (!ret)
        filtered_order(f, heap, *out);
out:
    for (guint i = 0; i < heap->len; i++)
        lu_item_free(g_array_index(heap, struct listed, i).it);
    g_array_free(heap, TRUE);
    sqlite3_finalize(st);
    g_free(sql);
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

/* The two text columns of ST's rows (bound; NULL: it failed to prepare)
 * into *A and *B, parallel arrays of char* (caller frees both); finalizes ST. */
static int string_pairs(struct lu_store *s, sqlite3_stmt *st, GPtrArray **a, GPtrArray **b,
                        const char *what)
{
    int rc, ret;

    *a = g_ptr_array_new_with_free_func(g_free);
    *b = g_ptr_array_new_with_free_func(g_free);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!sqlite3_column_text(st, 0) || !sqlite3_column_text(st, 1))
            continue; /* a damaged row */
        g_ptr_array_add(*a, col_str(st, 0));
        g_ptr_array_add(*b, col_str(st, 1));
    }
    ret = read_end(s, rc, what);
    sqlite3_finalize(st);
    return ret;
}

int lu_store_anchors(struct lu_store *s, int state, GPtrArray **mids, GPtrArray **threads)
{
    sqlite3_stmt *st = prepare(s, "SELECT mid, thread FROM items WHERE state = ?");

    if (st)
        sqlite3_bind_text(st, 1, lu_state_name(state), -1, SQLITE_STATIC);
    return string_pairs(s, st, mids, threads, "reading anchors");
}

int lu_store_some_anchors(struct lu_store *s, int state, GPtrArray **out)
{
    /* items_state's order: the rows read and no other */
    return thread_list(s, "SELECT mid FROM items WHERE state = ? LIMIT 4", lu_state_name(state), 0,
                       out);
}

int lu_store_untagged(struct lu_store *s, GPtrArray **mids, GPtrArray **states)
{
    return string_pairs(s, prepare(s, "SELECT mid, state FROM untagged ORDER BY mid"), mids, states,
                        "reading untagged items");
}

int lu_store_threads_by_subject(struct lu_store *s, const char *norm, GPtrArray **out)
{
    return thread_list(s,
                       "SELECT DISTINCT thread FROM items WHERE norm_subject = ? AND state IN "
                       "('awaiting', 'needs-reply', 'bounced', 'dormant', 'snoozed')",
                       norm, 0, out);
}

/* The items older than BEFORE, into *N. */
static int count_before(struct lu_store *s, gint64 before, gint64 *n)
{
    sqlite3_stmt *st = prepare(s, "SELECT count(*) FROM items WHERE updated < ?");
    int rc;

    *n = -1;
    if (!st)
        return EX_IOERR;
    sqlite3_bind_int64(st, 1, before);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : read_end(s, rc, "counting old items");
}

/* An item the staged plan holds unchanged keeps its stamp (same_item):
 * it stays, as one written in this run does; when those are every item
 * older than BEFORE, nothing is deleted (the plan's items looked up
 * again in a DELETE ... NOT IN were 2.7% of a settings change's
 * instructions at 10,000 messages). */
int lu_store_forget_before(struct lu_store *s, gint64 before)
{
    gint64 old = -1;
    int ret = s->staged && !s->same_dup ? count_before(s, before, &old) : 0;
    sqlite3_stmt *st;

    if (ret || (old >= 0 && old == s->same_old))
        goto out; /* every old item is one the plan holds unchanged */
    st = prepare(s, s->staged ? "DELETE FROM items WHERE updated < ?1 AND mid NOT IN "
                                "(SELECT mid FROM temp.scan_plan WHERE state IS NOT NULL AND "
                                "mid IS NOT NULL)"
                              : "DELETE FROM items WHERE updated < ?1");
    if (!st)
        return EX_IOERR;
    sqlite3_bind_int64(st, 1, before);
    ret = write_once(s, st, "forgetting old items");
out:
    /* The full scan reads every item anyway: the counts start again from
     * them (a row edited by hand moves them without the triggers), unless
     * they did in this transaction, the triggers on since (bulk_end). */
    if (!ret && !s->recounted)
        ret = exec(s, "DELETE FROM item_counts;"
                      "INSERT INTO item_counts SELECT state, count(*) FROM items GROUP BY "
                      "state;" COUNT_UNTAGGED);
    return ret;
}

int lu_store_state_counts(struct lu_store *s, unsigned counts[LU_ST_COUNT])
{
    unsigned lacking[LU_ST_COUNT];
    int ret = read_item_counts(s, counts, lacking);

    for (int i = 0; i < LU_ST_COUNT; i++)
        counts[i] -= MIN(lacking[i], counts[i]);
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

/* DECISION_COLS' members. */
static const struct column decision_cols[] = {
    COLUMN(INT64, struct lu_decision, id),      COLUMN(TEXT, struct lu_decision, mid),
    COLUMN(DECISION, struct lu_decision, kind), COLUMN(INT64, struct lu_decision, at),
    COLUMN(INT64, struct lu_decision, at_end),  COLUMN(TEXT, struct lu_decision, text),
    COLUMN(BOOL, struct lu_decision, mine),     COLUMN(TEXT, struct lu_decision, latest),
    COLUMN(INT64, struct lu_decision, taken),   COLUMN(BOOL, struct lu_decision, pending),
};

/* The decision in ST's current row, or NULL (with a warning) for a damaged
 * row: one without a message id or of no known kind. */
static struct lu_decision *decision_row(struct lu_store *s, sqlite3_stmt *st)
{
    int k = lu_decision_parse((const char *)sqlite3_column_text(st, 2));
    struct lu_decision *d;

    if (!sqlite3_column_text(st, 1)) {
        lu_warning("state database '%s': decision %lld has no message id; skipped", s->path,
                   (long long)sqlite3_column_int64(st, 0));
        return NULL;
    }
    if (k < 0) {
        lu_warning("state database '%s': decision %lld is of no known kind; skipped", s->path,
                   (long long)sqlite3_column_int64(st, 0));
        return NULL;
    }
    d = g_new0(struct lu_decision, 1);
    read_row(st, decision_cols, (int)G_N_ELEMENTS(decision_cols), d);
    return d;
}

/* ---- damage: move the database aside, rebuild it ------------------------
 *
 * Everything in the state database but the decisions is the scan's and
 * comes back with a full scan; the decisions are kept twice, in the
 * database and in the decision journal (below), so a damaged database is
 * moved aside and rebuilt instead of refused. */

static char *marker_path(struct lu_store *s)
{
    return g_strconcat(s->path, "-damaged", NULL);
}

/* Damage found in the middle of a command: the marker names the file (its
 * inode: a database rebuilt since is not the damaged one) and why. */
static void mark_damaged(struct lu_store *s, const char *why)
{
    char *marker = marker_path(s), *text;
    struct stat st;

    if (stat(s->path, &st) == 0) {
        text = g_strdup_printf("%llu\n%s\n", (unsigned long long)st.st_ino, why);
        lu_write_file_atomic(marker, text, strlen(text), 0600);
        g_free(text);
    }
    g_free(marker);
}

/* True when the marker is there and names the database file as it is now;
 * *WHY (caller frees) is what was found. */
static bool marked_damaged(struct lu_store *s, char **why)
{
    char *marker = marker_path(s), *text = NULL, *nl;
    struct stat st;
    bool hit = false;

    *why = NULL;
    if (g_file_get_contents(marker, &text, NULL, NULL) && stat(s->path, &st) == 0 &&
        g_ascii_strtoull(text, &nl, 10) == (guint64)st.st_ino && *nl == '\n') {
        hit = true;
        *why = g_strchomp(g_strdup(nl + 1));
    } else if (text) {
        unlink(marker); /* about a database rebuilt since */
    }
    g_free(text);
    g_free(marker);
    return hit;
}

/* The kept statements finalized (sqlite3_close fails while one is not). */
static void finalize_kept(struct lu_store *s)
{
    sqlite3_stmt **slots[] = {
        &s->del_item,  &s->put_item,  &s->get_item,         &s->get_analysis, &s->put_analysis,
        &s->put_sense, &s->stage_row, &s->put_untagged,     &s->del_untagged, &s->get_untagged,
        &s->same_item, &s->get_meta,  &s->set_meta,         &s->put_said,     &s->read_begin,
        &s->read_end,  &s->has_item,  &s->get_analysis_said};

    for (guint i = 0; i < G_N_ELEMENTS(slots); i++) {
        sqlite3_finalize(*slots[i]);
        *slots[i] = NULL;
    }
}

static void close_db(struct lu_store *s)
{
    finalize_kept(s);
    sqlite3_close(s->db);
    s->db = NULL;
}

/* Moves the damaged database (and its write-ahead log) to the first free
 * PATH.damaged.N; *ASIDE (caller frees) is where. */
static int move_aside(struct lu_store *s, char **aside)
{
    char *wal = g_strconcat(s->path, "-wal", NULL), *shm = g_strconcat(s->path, "-shm", NULL);
    char *marker = marker_path(s), *to = NULL, *to_wal = NULL;
    int ret = 0;

    for (int n = 1; n <= 1000 && !to; n++) {
        char *name = g_strdup_printf("%s.damaged.%d", s->path, n);
        if (g_file_test(name, G_FILE_TEST_EXISTS))
            g_free(name);
        else
            to = name;
    }
    if (!to) {
        ret = lu_error(EX_CANTCREAT,
                       "state database '%s' is damaged (%s) and a thousand damaged copies are "
                       "next to it: remove them",
                       s->path, s->damage);
        goto out;
    }
    to_wal = g_strconcat(to, "-wal", NULL);
    if (rename(s->path, to) < 0) {
        ret = lu_error(EX_CANTCREAT,
                       "state database '%s' is damaged (%s) and cannot be moved "
                       "aside: %s: move it aside by hand",
                       s->path, s->damage, g_strerror(errno));
        goto out;
    }
    if (rename(wal, to_wal) < 0 && errno != ENOENT)
        unlink(wal);
    unlink(shm);
    unlink(marker);
    *aside = g_steal_pointer(&to);
out:
    g_free(to);
    g_free(to_wal);
    g_free(wal);
    g_free(shm);
    g_free(marker);
    return ret;
}

static int open_db(struct lu_store *s);

/* Called with S's database found damaged (S->damage says how): under the
 * state directory's lock (two leadups may find it at once, and the second
 * must not move aside the database the first just rebuilt), moves it
 * aside and opens a new one; the journal fills its decisions in. */
static int rebuild(struct lu_store *s)
{
    char *lock = g_build_filename(s->dir, "state.lock", NULL), *aside = NULL, *why = NULL;
    bool quiet;
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600), ret;

    close_db(s);
    if (fd < 0 || flock(fd, LOCK_EX) < 0) {
        ret = lu_error(EX_CANTCREAT, "state database '%s' is damaged (%s); cannot lock '%s': %s",
                       s->path, s->damage, lock, g_strerror(errno));
        goto out;
    }
    /* Another leadup may have rebuilt it while this one waited. */
    g_clear_pointer(&s->damage, g_free);
    ret = open_db(s);
    if (!ret && marked_damaged(s, &why)) {
        s->damage = g_steal_pointer(&why);
        ret = EX_DATAERR;
    }
    if (!ret || !s->damage)
        goto out;
    close_db(s);
    ret = move_aside(s, &aside);
    /* Said even under --quiet (a hook): it happens once, and the user
     * should learn where the damaged file went. */
    quiet = lu_quiet;
    lu_quiet = false;
    if (!ret)
        lu_warning("state database '%s' was damaged (%s): moved aside to '%s' and rebuilt from "
                   "notmuch and the decision journal '%s'",
                   s->path, s->damage, aside, s->journal);
    lu_quiet = quiet;
    g_clear_pointer(&s->damage, g_free);
    if (!ret)
        ret = open_db(s);
    if (!ret && s->damage)
        ret = lu_error(EX_DATAERR, "state database '%s' is damaged again (%s) after a rebuild",
                       s->path, s->damage);
out:
    if (fd >= 0)
        close(fd); /* and unlock */
    g_free(aside);
    g_free(why);
    g_free(lock);
    return ret;
}

/* ---- the decision journal -------------------------------------------------
 *
 * decisions.journal, next to the database, append-only: one line per
 * decision taken ("add") and per undo ("undo"), written and fsync'd before
 * the database is, always under the database's write lock (so lines never
 * interleave).  Fields are tab-separated and escaped (g_strescape; NULL is
 * \N); the last is a checksum of the rest, so a line cut short by a full
 * disk or a kill is skipped.  meta "journal" is how much of it the
 * database holds: a longer journal (a run killed between the two writes,
 * a rebuilt database) is replayed, idempotently, by each decision's key. */

#define JOURNAL_HEAD "# leadup decision journal (see leadup(1), FILES): do not edit\n"

static void add_field(GString *line, const char *f)
{
    char *e = f ? g_strescape(f, NULL) : NULL;

    g_string_append_printf(line, "%s%s", line->len ? "\t" : "", e ? e : "\\N");
    g_free(e);
}

static void add_num(GString *line, gint64 n)
{
    g_string_append_printf(line, "\t%" G_GINT64_FORMAT, n);
}

static void end_line(GString *line)
{
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA1, (const guchar *)line->str, line->len);

    g_string_append_printf(line, "\t%.8s\n", sum);
    g_free(sum);
}

static void journal_add_line(GString *out, const char *key, const struct lu_decision *d)
{
    GString *line = g_string_new(NULL);

    add_field(line, "add");
    add_field(line, key);
    add_field(line, d->mid);
    add_field(line, lu_decision_name(d->kind));
    add_num(line, d->at);
    add_num(line, d->at_end);
    add_field(line, d->text);
    add_num(line, d->mine);
    add_field(line, d->latest);
    add_num(line, d->taken);
    end_line(line);
    g_string_append(out, line->str);
    g_string_free(line, TRUE);
}

static void journal_undo_line(GString *out, const char *key)
{
    GString *line = g_string_new(NULL);

    add_field(line, "undo");
    add_field(line, key);
    end_line(line);
    g_string_append(out, line->str);
    g_string_free(line, TRUE);
}

static int write_all(int fd, const char *data, gsize len)
{
    for (gsize done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno != EINTR)
            return -1;
        if (n > 0)
            done += n;
    }
    return 0;
}

/* Appends TEXT (whole lines) to the journal and syncs it; *SIZE is the
 * journal's size after.  A line left unfinished by an earlier failure is
 * ended first, so that it stays one (skipped) line. */
static int journal_append(struct lu_store *s, const char *text, gint64 *size)
{
    int fd = open(s->journal, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600), err;
    GString *out = g_string_new(NULL);
    struct stat st = {0};
    char last = '\n';
    bool ok = fd >= 0 && fstat(fd, &st) == 0;
    off_t start = st.st_size;
    int ret = 0;

    if (ok && start == 0)
        g_string_append(out, JOURNAL_HEAD);
    else if (ok)
        ok = pread(fd, &last, 1, start - 1) == 1;
    if (last != '\n')
        g_string_append_c(out, '\n');
    g_string_append(out, text);
    ok = ok && write_all(fd, out->str, out->len) == 0 && fdatasync(fd) == 0 && fstat(fd, &st) == 0;
    if (!ok) {
        err = errno;
        if (fd >= 0 && ftruncate(fd, start) == 0) /* no half line left behind */
            fdatasync(fd);
        ret = lu_error(err == ENOSPC || err == EFBIG || err == EDQUOT ? EX_IOERR : EX_CANTCREAT,
                       "decision journal '%s': cannot write: %s; nothing changed: %s", s->journal,
                       g_strerror(err),
                       err == ENOSPC || err == EFBIG || err == EDQUOT
                           ? "free some space and try again"
                           : "make it and its directory writable");
        goto out;
    }
    *size = st.st_size;
    if (start == 0) { /* new: its directory entry must last too */
        int dfd = open(s->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
out:
    if (fd >= 0)
        close(fd);
    g_string_free(out, TRUE);
    return ret;
}

static int set_journal_size(struct lu_store *s, gint64 size)
{
    char buf[32];

    g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, size);
    return lu_store_set(s, "journal", buf);
}

static char *field(const char *f)
{
    return strcmp(f, "\\N") == 0 ? NULL : g_strcompress(f);
}

/* The journal replay's statements: add a decision, mark the thread of one
 * undone to decide again (lu_store_redecide), remove it. */
struct replay {
    sqlite3_stmt *ins, *mark, *del;
};

/* Applies one journal record F (N fields) with R: an add that the
 * database has (by its key) or an undo of a decision it has not are
 * nothing to do.  False: not a record. */
static bool replay_record(struct lu_store *s, char **f, guint n, struct replay *r, int *ret)
{
    sqlite3_stmt *st = NULL;
    char *v[10] = {0};

    if (n == 10 && strcmp(f[0], "add") == 0) {
        if (lu_decision_parse(f[3]) < 0 || strcmp(f[2], "\\N") == 0)
            return false;
        for (guint i = 1; i < n; i++)
            v[i] = field(f[i]);
        st = r->ins;
        sqlite3_bind_text(st, 1, v[2], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, v[3], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, g_ascii_strtoll(f[4], NULL, 10));
        sqlite3_bind_int64(st, 4, g_ascii_strtoll(f[5], NULL, 10));
        sqlite3_bind_text(st, 5, v[6], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 6, g_ascii_strtoll(f[7], NULL, 10) != 0);
        sqlite3_bind_text(st, 7, v[8], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 8, g_ascii_strtoll(f[9], NULL, 10));
        sqlite3_bind_text(st, 9, v[1], -1, SQLITE_TRANSIENT);
    } else if (n == 2 && strcmp(f[0], "undo") == 0) {
        v[1] = field(f[1]);
        /* An undo the database missed: its thread's tags may still show
         * the decision, so the next scan decides it again (by the row's
         * message, before the row goes). */
        sqlite3_bind_text(r->mark, 1, v[1], -1, SQLITE_TRANSIENT);
        *ret = step_write(s, r->mark, "replaying the decision journal");
        st = r->del;
        sqlite3_bind_text(st, 1, v[1], -1, SQLITE_TRANSIENT);
    } else {
        return false;
    }
    if (!*ret)
        *ret = step_write(s, st, "replaying the decision journal");
    for (guint i = 0; i < G_N_ELEMENTS(v); i++)
        g_free(v[i]);
    return true;
}

/* One line of the journal (no newline), checked by its checksum. */
static int replay_line(struct lu_store *s, char *line, gint64 at, struct replay *r)
{
    char *sum = strrchr(line, '\t'), *want = NULL, **f = NULL;
    int ret = 0;

    if (!*line || *line == '#')
        return 0;
    if (sum) {
        *sum++ = '\0';
        want = g_compute_checksum_for_string(G_CHECKSUM_SHA1, line, -1);
    }
    if (want && strlen(sum) == 8 && strncmp(want, sum, 8) == 0) {
        f = g_strsplit(line, "\t", 0);
        if (!replay_record(s, f, g_strv_length(f), r, &ret))
            g_clear_pointer(&want, g_free);
    } else {
        g_clear_pointer(&want, g_free);
    }
    if (!want)
        lu_warning("decision journal '%s': the line at byte %" G_GINT64_FORMAT
                   " is damaged or cut short; skipped",
                   s->journal, at);
    g_strfreev(f);
    g_free(want);
    return ret;
}

/* Replays the journal from byte FROM (all of it when FROM is not within
 * it).  Inside a write transaction. */
static int journal_replay(struct lu_store *s, gint64 from)
{
    struct replay r = {NULL, NULL, NULL};
    char *text = NULL, *p, *nl;
    gsize len = 0;
    int ret = 0;

    if (!g_file_get_contents(s->journal, &text, &len, NULL)) {
        ret = lu_error(EX_NOINPUT, "decision journal '%s': cannot read: %s", s->journal,
                       g_strerror(errno));
        goto out;
    }
    r.ins = prepare(s, "INSERT OR IGNORE INTO decisions(mid, kind, at, at_end, text, mine, "
                       "latest, taken, pending, jkey) VALUES(?,?,?,?,?,?,?,?,1,?)");
    r.mark = prepare(s, "INSERT INTO redecide(mid) SELECT mid FROM decisions WHERE jkey = ?");
    r.del = prepare(s, "DELETE FROM decisions WHERE jkey = ?");
    if (!r.ins || !r.mark || !r.del) {
        ret = EX_IOERR;
        goto out;
    }
    if (from < 0 || from > (gint64)len)
        from = 0;
    for (p = text + from; !ret && (nl = memchr(p, '\n', text + len - p)); p = nl + 1) {
        *nl = '\0';
        ret = replay_line(s, p, p - text, &r);
    }
    if (p < text + len)
        lu_warning("decision journal '%s': the line at byte %" G_GINT64_FORMAT
                   " is cut short; skipped",
                   s->journal, (gint64)(p - text));
    if (!ret)
        ret = set_journal_size(s, len);
out:
    LU_FREE_EACH(finalize, r.ins, r.mark, r.del);
    g_free(text);
    return ret;
}

/* No journal (a database older than it, or the journal deleted): one is
 * written from the decisions the database has, each given its key. */
static int journal_seed(struct lu_store *s)
{
    sqlite3_stmt *st =
        prepare(s, "SELECT " DECISION_COLS ", jkey FROM decisions ORDER BY taken, id");
    sqlite3_stmt *up = prepare(s, "UPDATE decisions SET jkey = ? WHERE id = ?");
    GString *text = g_string_new(NULL);
    gint64 size = 0;
    int rc = SQLITE_DONE, ret = 0;

    if (!st || !up) {
        ret = EX_IOERR;
        goto out;
    }
    while (!ret && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct lu_decision *d = decision_row(s, st);
        char *key = col_str(st, 10);

        if (d && !key) {
            key = g_uuid_string_random();
            sqlite3_bind_text(up, 1, key, -1, SQLITE_STATIC);
            sqlite3_bind_int64(up, 2, d->id);
            ret = step_write(s, up, "keying a decision for the journal");
        }
        if (d)
            journal_add_line(text, key, d);
        lu_decision_free(d);
        g_free(key);
    }
    if (!ret)
        ret = read_end(s, rc, "reading decisions");
    if (!ret)
        ret = journal_append(s, text->str, &size);
    if (!ret)
        ret = set_journal_size(s, size);
out:
    sqlite3_finalize(st);
    sqlite3_finalize(up);
    g_string_free(text, TRUE);
    return ret;
}

/* How much of the journal the database holds, -1 when unknown. */
static int journal_done(struct lu_store *s, gint64 *done)
{
    char *v = NULL;
    int ret = lu_store_get(s, "journal", &v);

    *done = v ? g_ascii_strtoll(v, NULL, 10) : -1;
    g_free(v);
    return ret;
}

/* Brings the database and the journal together: the common case (the
 * database holds all of it) is one stat and one read. */
static int journal_sync(struct lu_store *s)
{
    struct stat st;
    gint64 done;
    int ret = journal_done(s, &done);

    if (ret || (stat(s->journal, &st) == 0 && st.st_size == done))
        return ret;
    ret = lu_store_begin(s);
    if (ret)
        return ret;
    ret = journal_done(s, &done); /* again, under the write lock */
    if (!ret && stat(s->journal, &st) < 0)
        ret = journal_seed(s);
    else if (!ret && st.st_size != done)
        ret = journal_replay(s, done);
    return end_write(s, ret);
}

/* The decisions and meta tables, which a command reads first, checked as
 * the database opens (small, so cheap): damage there is repaired now. */
static int check_tables(struct lu_store *s)
{
    static const char *const sql[] = {"PRAGMA quick_check(decisions)", "PRAGMA quick_check(meta)"};
    int ret = 0;

    for (guint i = 0; i < G_N_ELEMENTS(sql) && !ret; i++) {
        sqlite3_stmt *st = prepare(s, sql[i]);
        const char *r;
        int rc;

        if (!st)
            return s->damage ? EX_DATAERR : EX_IOERR;
        rc = sqlite3_step(st);
        r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        if (rc == SQLITE_ROW && g_strcmp0(r, "ok") != 0) {
            g_free(s->damage);
            /* quick_check answers in lines: one line here */
            s->damage = g_strdup_printf("%s: %s", sql[i] + 7, r ? r : "?");
            g_strdelimit(s->damage, "\n", ' ');
            ret = EX_DATAERR;
        } else if (rc != SQLITE_ROW) {
            ret = read_end(s, rc, sql[i] + 7);
        }
        sqlite3_finalize(st);
    }
    return ret;
}

/* Opens S->path (created 0600), migrated and checked.  Damage is left in
 * S->damage (EX_DATAERR) for the caller to repair; other errors are
 * reported. */
static int open_db(struct lu_store *s)
{
    int fd = open(s->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600), ret;

    if (fd < 0)
        return lu_error(EX_CANTCREAT,
                        "state database '%s': cannot open: %s: make '%s' and its files writable "
                        "(or set XDG_DATA_HOME)",
                        s->path, g_strerror(errno), s->dir);
    close(fd);
    /* No mutex: one thread at a time uses a connection (the scan's
     * workers never touch the store; a scan's rows are written on a
     * thread of their own while the main one writes the tags, scan.c
     * scan_write_and_save), and each call took two (some 9% of a long
     * report's instructions). */
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK)
        return fail(s, "cannot open");
    /* Two leadups (a hook and a key press) may meet: wait rather than fail. */
    sqlite3_busy_timeout(s->db, 10000);
    if (lu_debug_counts)
        sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, count_steps, NULL);
    s->opening = true;
    ret = wal_mode(s);
    if (!ret)
        ret = exec(s, "PRAGMA synchronous = NORMAL; PRAGMA recursive_triggers = ON;");
    if (!ret)
        ret = migrate(s);
    if (!ret)
        ret = check_tables(s);
    s->opening = false;
    return s->damage ? EX_DATAERR : ret;
}

/* sqlite's own allocations through blocks.c, its small blocks kept for
 * reuse.  Debian's sqlite is built without its lookaside
 * (SQLITE_OMIT_LOOKASIDE): each parse tree, statement and row went to
 * malloc and back, 2,955 of each in a one-new-message scan, 0.83 M
 * instructions in glibc (issue 14).  Under ASan, and with
 * LEADUP_DEBUG_SYSTEM_MALLOC set (tests/valgrind-leadup), sqlite keeps its
 * own use of malloc, for their checks of each block. */
#if defined(__SANITIZE_ADDRESS__)
#define SQLMEM_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SQLMEM_CHECKED 1
#endif
#endif

#ifndef SQLMEM_CHECKED
static void *sqlmem_malloc(int n)
{
    return lu_blocks_get(n > 0 ? (size_t)n : 1);
}

static void sqlmem_free(void *p)
{
    lu_blocks_put(p);
}

static int sqlmem_size(void *p)
{
    return (int)lu_blocks_size(p);
}

static int sqlmem_roundup(int n)
{
    return (int)lu_blocks_roundup(n > 0 ? (size_t)n : 1);
}

static void *sqlmem_realloc(void *p, int n)
{
    int have = sqlmem_size(p);
    void *q;

    if (p && sqlmem_roundup(n) == have)
        return p;
    q = sqlmem_malloc(n);
    if (q && p) {
        memcpy(q, p, (size_t)MIN(have, n));
        sqlmem_free(p);
    }
    return q;
}

static int sqlmem_init(void *unused)
{
    (void)unused;
    return SQLITE_OK;
}

static void sqlmem_shutdown(void *unused)
{
    (void)unused;
}
#endif /* !SQLMEM_CHECKED */

/* A statement's journal (the pages it changed, kept to undo it alone: an
 * INSERT OR REPLACE into items or untagged, whose triggers write
 * item_counts, inside the scan's one transaction) stays in memory up to
 * this many bytes, then goes to a file in /var/tmp - and so does every
 * later statement's of the transaction.  sqlite's 64 KB: one statement of
 * a first full scan at 10,000 messages took 78 KB, and the rest of the
 * scan's transaction wrote 132 MB to the file in 64,000 pwrite calls,
 * never read (263,000 at 30,000; issue 14, s38-wall: most of the time of
 * the store's final transaction, in the kernel, where callgrind does not
 * count).  A spilled journal is written a chunk of this size at a time,
 * and sqlite's unix file layer writes at most 128 KB in one call (a larger
 * chunk fails as SQLITE_FULL): 120 KB, each statement's one chunk, freed
 * when it ends.  A larger statement (the walk's records moved into
 * walked, 1.7 MB at 10,000, near the transaction's end) still spills. */
#define STMT_JOURNAL_SPILL (120 * 1024)

/* Before sqlite starts (the first open; one thread opens the store): no
 * count of the memory it holds, which took a mutex at each of its
 * allocations and frees (6,600 of them, some 0.4 M instructions of a
 * one-new-message scan, issue 14).  leadup never asks for the count.
 * Then its allocations through sqlmem_malloc, above.  Too late (another
 * user of a shared sqlite started it): as before. */
static void sqlite_setup(void)
{
#ifndef SQLMEM_CHECKED
    static const sqlite3_mem_methods sqlmem = {
        sqlmem_malloc,  sqlmem_free, sqlmem_realloc,  sqlmem_size,
        sqlmem_roundup, sqlmem_init, sqlmem_shutdown, NULL};
#endif
    static bool done;

    if (!done) {
        done = true;
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMT_JOURNAL_SPILL);
#ifndef SQLMEM_CHECKED
        if (!g_getenv("LEADUP_DEBUG_SYSTEM_MALLOC")) {
            sqlite3_config(SQLITE_CONFIG_MALLOC, &sqlmem);
        }
#endif
    }
}

int lu_store_open(struct lu_store **out)
{
    struct lu_store *s = g_new0(struct lu_store, 1);
    char *why = NULL;
    int ret;

    *out = NULL;
    sqlite_setup();
    s->dir = lu_data_dir();
    s->path = g_build_filename(s->dir, "state.db", NULL);
    s->journal = g_build_filename(s->dir, "decisions.journal", NULL);
    ret = lu_mkdir_p(s->dir);
    if (!ret)
        ret = open_db(s);
    if (!ret && marked_damaged(s, &why)) {
        s->damage = g_steal_pointer(&why);
        ret = EX_DATAERR;
    }
    if (ret && s->damage)
        ret = rebuild(s);
    if (!ret)
        ret = journal_sync(s);
    if (ret) {
        lu_store_close(s);
        s = NULL;
    }
    *out = s;
    return ret;
}

int lu_store_read_once(struct lu_store *s)
{
    return exec(s, "PRAGMA cache_size = -256"); /* KB: 64 pages */
}

/* How much write-ahead log a closing run leaves for the next to read back:
 * 64 pages (4 KB, each with its 24-byte frame header, after the log's
 * 32-byte header).  A one-new-message scan or a decision writes 12-18. */
#define WAL_KEEP_BYTES (32 + 64 * (4096 + 24))

/* A short run leaves the write-ahead log as it is.  sqlite's checkpoint at
 * the last close synced the log and the database and deleted both the log
 * and its index, and the next run's first write created the log again and
 * synced it and its directory: four fsyncs, two unlinks, some 1-4 ms of a
 * 5-9 ms one-new scan or decision (issue 14), none of them needed.  A
 * decision is durable in the journal, synced before the database is
 * written (journal_sync replays what a database lacks); everything else is
 * the scan's, which a scan writes again after its database's last changes
 * are lost with the power: sqlite's recovery finds the log up to its last
 * whole commit, and the next scan reads notmuch's changes since the
 * revision kept there.  A kill loses nothing: the log is in the page
 * cache.  The next open reads the log back (sqlite's recovery, some 5.5 K
 * instructions a page, measured), so past WAL_KEEP_BYTES, or when the log
 * cannot be seen, the close checkpoints as before: every 4-5 such runs,
 * and a log a full scan grew is gone at its close. */
static void close_keeps_wal(struct lu_store *s)
{
    char *wal = g_strconcat(s->path, "-wal", NULL);
    struct stat st;

    if (stat(wal, &st) == 0 && st.st_size <= WAL_KEEP_BYTES)
        sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    g_free(wal);
}

void lu_store_close(struct lu_store *s)
{
    if (!s)
        return;
    finalize_kept(s);
    if (s->db)
        close_keeps_wal(s);
    sqlite3_close(s->db);
    if (s->same_seen)
        g_hash_table_destroy(s->same_seen);
    LU_FREE_EACH(g_free, s->path, s->dir, s->journal, s->damage, s);
}

static GBytes *col_bytes(sqlite3_stmt *st, int i)
{
    const void *b = sqlite3_column_blob(st, i);

    return b ? g_bytes_new(b, sqlite3_column_bytes(st, i)) : NULL;
}

/* The kept statement that reads (PUT false: headers, body, sense, and said
 * when SAID) or writes (PUT: parameters 4 to 7 left to bind) an analysis in
 * the cache, its key bound (parameters 1 to 3), or NULL (reported).  The
 * store owns it.  A full scan reads no record: the column left out of its
 * 30,000 reads was 3 M instructions of a warm full scan at 30,000. */
static sqlite3_stmt *analysis_stmt(struct lu_store *s, bool put, bool said, const char *mid,
                                   const char *file, const char *analyser)
{
    sqlite3_stmt *st =
        put    ? kept(s, &s->put_analysis,
                      "INSERT OR REPLACE INTO analyses(mid, file, analyser, headers, body, sense, "
                         "said) VALUES(?, ?, ?, ?, ?, ?, ?)")
        : said ? kept(s, &s->get_analysis_said,
                      "SELECT headers, body, sense, said FROM analyses "
                      "WHERE mid = ? AND file = ? AND analyser = ?")
               : kept(s, &s->get_analysis, /* a full scan's: no record read */
                      "SELECT headers, body, sense FROM analyses "
                      "WHERE mid = ? AND file = ? AND analyser = ?");

    if (st) {
        sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, analyser, -1, SQLITE_STATIC);
    }
    return st;
}

int lu_store_analysis_empty(struct lu_store *s, bool *empty)
{
    return one_bool(s, "SELECT NOT EXISTS(SELECT 1 FROM analyses)", "reading the analysis cache",
                    empty);
}

int lu_store_analysis_get(struct lu_store *s, const char *mid, const char *file,
                          const char *analyser, GBytes **headers, GBytes **body, GBytes **sense)
{
    return lu_store_analysis_read(s, mid, file, analyser, headers, body, sense, NULL);
}

int lu_store_analysis_read(struct lu_store *s, const char *mid, const char *file,
                           const char *analyser, GBytes **headers, GBytes **body, GBytes **sense,
                           GBytes **said)
{
    sqlite3_stmt *st = analysis_stmt(s, false, said != NULL, mid, file, analyser);
    GBytes *kept_sense = NULL, *kept_said = NULL;
    int ret;

    *headers = *body = NULL;
    if (!st)
        return EX_IOERR;
    if (one_row(s, st, "reading the analysis cache", &ret)) {
        *headers = col_bytes(st, 0);
        *body = col_bytes(st, 1);
        if (sense)
            kept_sense = col_bytes(st, 2);
        if (said)
            kept_said = col_bytes(st, 3);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (ret || !*headers) {
        LU_FREE_EACH(g_bytes_unref, *headers, *body, kept_sense, kept_said);
        *headers = *body = kept_sense = kept_said = NULL;
    }
    if (sense)
        *sense = kept_sense;
    if (said)
        *said = kept_said;
    return ret;
}

static void bind_bytes(sqlite3_stmt *st, int i, GBytes *b)
{
    gsize len = 0;
    const void *data = b ? g_bytes_get_data(b, &len) : NULL;

    /* An empty blob is no NULL: sqlite3_bind_blob takes a NULL pointer as NULL. */
    if (b)
        sqlite3_bind_blob(st, i, len ? data : "", (int)len, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

int lu_store_analysis_put(struct lu_store *s, const char *mid, const char *file,
                          const char *analyser, GBytes *headers, GBytes *body, GBytes *sense)
{
    return lu_store_analysis_write(s, mid, file, analyser, headers, body, sense, NULL);
}

int lu_store_analysis_write(struct lu_store *s, const char *mid, const char *file,
                            const char *analyser, GBytes *headers, GBytes *body, GBytes *sense,
                            GBytes *said)
{
    sqlite3_stmt *st = analysis_stmt(s, true, false, mid, file, analyser);
    int ret;

    if (!st)
        return EX_IOERR;
    bind_bytes(st, 4, headers);
    bind_bytes(st, 5, body);
    bind_bytes(st, 6, sense);
    bind_bytes(st, 7, said);
    ret = step_write(s, st, "writing the analysis cache");
    sqlite3_clear_bindings(st);
    return ret;
}

/* One column of a cache row written afresh (its sense or its said record):
 * SQL names the column, SLOT keeps its statement. */
static int analysis_column(struct lu_store *s, sqlite3_stmt **slot, const char *sql,
                           const char *mid, const char *file, const char *analyser, GBytes *blob)
{
    sqlite3_stmt *st = kept(s, slot, sql);
    int ret;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, analyser, -1, SQLITE_STATIC);
    bind_bytes(st, 4, blob);
    ret = step_write(s, st, "writing the analysis cache");
    sqlite3_clear_bindings(st);
    return ret;
}

int lu_store_analysis_said(struct lu_store *s, const char *mid, const char *file,
                           const char *analyser, GBytes *said)
{
    return analysis_column(s, &s->put_said,
                           "UPDATE analyses SET said = ?4 "
                           "WHERE mid = ?1 AND file = ?2 AND analyser = ?3",
                           mid, file, analyser, said);
}

int lu_store_read_begin(struct lu_store *s)
{
    sqlite3_stmt *st;

    /* Inside the caller's own transaction, or one begun already: nothing. */
    if (s->reading || !sqlite3_get_autocommit(s->db))
        return 0;
    st = kept(s, &s->read_begin, "BEGIN");
    if (!st)
        return EX_IOERR;
    s->reading = step_write(s, st, "beginning a read") == 0;
    return s->reading ? 0 : EX_IOERR;
}

void lu_store_read_end(struct lu_store *s)
{
    sqlite3_stmt *st;

    if (!s->reading)
        return;
    s->reading = false;
    /* A read transaction's COMMIT writes nothing; should it fail, the
     * ROLLBACK ends it all the same. */
    st = kept(s, &s->read_end, "COMMIT");
    if (!st || step_write(s, st, "ending a read") != 0)
        lu_store_rollback(s);
}

int lu_store_analysis_sense(struct lu_store *s, const char *mid, const char *file,
                            const char *analyser, GBytes *sense)
{
    return analysis_column(s, &s->put_sense,
                           "UPDATE analyses SET sense = ?4 "
                           "WHERE mid = ?1 AND file = ?2 AND analyser = ?3",
                           mid, file, analyser, sense);
}

bool lu_sender_ranged(const char *addr)
{
    size_t run = 0;

    if (!g_ascii_isalnum(addr[0]))
        return false;
    while (g_ascii_isalnum(addr[run]))
        run++;
    if (run > LU_SENDER_RUN_MOST)
        return false;
    for (const unsigned char *p = (const unsigned char *)addr; *p; p++)
        if (*p < 0x20 || *p > 0x7e)
            return false;
    return true;
}

/* Whether the histories kept are those of the index KEY names (meta
 * "senders": KEY, then, when lu_store_senders_write wrote it, a line each
 * address not lu_sender_ranged, g_strescape'd): into *ODD (the caller's)
 * that text after KEY's line, or NULL when it was not written with them
 * (as before session 34: every row is read).  Returns 0 or a status
 * (printed); *SAME false when they are not KEY's. */
static int senders_key_is(struct lu_store *s, const char *key, bool *same, char **odd)
{
    char *have = NULL, *nl;
    int ret = lu_store_get(s, "senders", &have);

    *same = false;
    *odd = NULL;
    if (ret || !have)
        goto out;
    nl = strchr(have, '\n');
    if (nl)
        *nl = '\0';
    /* KEY as meta "senders" gives it, or only its first line */
    *same = strncmp(have, key, strcspn(key, "\n")) == 0 && strlen(have) == strcspn(key, "\n");
    if (*same && nl)
        *odd = g_strdup(nl + 1);
out:
    g_free(have);
    return ret;
}

/* Adds the rows ST (addr, sent, answered; its parameters bound) selects
 * that WANT says true of (WANT NULL: all) to TABLE. */
static int senders_take(struct lu_store *s, sqlite3_stmt *st, bool (*want)(const char *, void *),
                        void *data, GHashTable *table)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *addr = (const char *)sqlite3_column_text(st, 0);
        struct lu_history *h;

        lu_senders_rows++;
        /* A row not wanted is not copied: nothing but its address read. */
        if (!addr || (want && !want(addr, data)))
            continue;
        h = g_new(struct lu_history, 1);
        h->sent = sqlite3_column_int(st, 1);
        h->answered = sqlite3_column_int(st, 2);
        g_hash_table_replace(table, g_strdup(addr), h);
    }
    return read_end(s, rc, "reading the senders' histories");
}

/* The rows of the addresses ODD (senders_key_is's lines) and of those
 * that begin with one of PREFIXES (a range of the primary key each: every
 * other address, lu_sender_ranged, is printable ASCII) into TABLE. */
static int senders_ranges(struct lu_store *s, const char *odd, GPtrArray *prefixes,
                          bool (*want)(const char *, void *), void *data, GHashTable *table)
{
    sqlite3_stmt *one = prepare(s, "SELECT addr, sent, answered FROM senders WHERE addr = ?1"),
                 *range = prepare(s, "SELECT addr, sent, answered FROM senders "
                                     "WHERE addr >= ?1 AND addr < ?2");
    char **lines = g_strsplit(odd, "\n", -1);
    int ret = one && range ? 0 : EX_IOERR;

    for (char **l = lines; !ret && *l; l++) {
        if (!**l)
            continue;
        char *addr = g_strcompress(*l);
        sqlite3_bind_text(one, 1, addr, -1, SQLITE_STATIC);
        ret = senders_take(s, one, want, data, table);
        sqlite3_reset(one);
        g_free(addr);
    }
    for (guint i = 0; !ret && i < prefixes->len; i++) {
        const char *r = g_ptr_array_index(prefixes, i);
        char *end = g_strconcat(r, "\x7f", NULL);
        sqlite3_bind_text(range, 1, r, -1, SQLITE_STATIC);
        sqlite3_bind_text(range, 2, end, -1, SQLITE_STATIC);
        ret = senders_take(s, range, want, data, table);
        sqlite3_reset(range);
        g_free(end);
    }
    g_strfreev(lines);
    LU_FREE_EACH(finalize, one, range);
    return ret;
}

int lu_store_senders_some(struct lu_store *s, const char *key, GPtrArray *prefixes,
                          bool (*want)(const char *addr, void *data), void *data, GHashTable **out)
{
    sqlite3_stmt *st;
    char *odd = NULL;
    bool same;
    int ret = senders_key_is(s, key, &same, &odd);

    *out = NULL;
    if (ret || !same)
        goto out;
    *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (prefixes && odd) {
        ret = senders_ranges(s, odd, prefixes, want, data, *out);
    } else {
        st = prepare(s, "SELECT addr, sent, answered FROM senders");
        ret = st ? senders_take(s, st, want, data, *out) : EX_IOERR;
        sqlite3_finalize(st);
    }
    if (ret)
        g_clear_pointer(out, g_hash_table_destroy);
out:
    g_free(odd);
    return ret;
}

int lu_store_senders_read(struct lu_store *s, const char *key, GHashTable **out)
{
    return lu_store_senders_some(s, key, NULL, NULL, NULL, out);
}

int lu_store_sender_get(struct lu_store *s, const char *addr, struct lu_history *out)
{
    sqlite3_stmt *st = prepare(s, "SELECT sent, answered FROM senders WHERE addr = ?");
    int rc, ret;

    out->sent = out->answered = -2;
    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, addr, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->sent = sqlite3_column_int(st, 0);
        out->answered = sqlite3_column_int(st, 1);
        rc = sqlite3_step(st);
    }
    ret = read_end(s, rc, "reading a sender's history");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_senders_answered(struct lu_store *s, bool *any)
{
    sqlite3_stmt *st = prepare(s, "SELECT 1 FROM senders WHERE answered > 0 LIMIT 1");
    int rc, ret;

    *any = false;
    if (!st)
        return EX_IOERR;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *any = true;
        rc = sqlite3_step(st);
    }
    ret = read_end(s, rc, "reading the senders' histories");
    sqlite3_finalize(st);
    return ret;
}

/* Whether H is written as a row: only counts ("not counted", -1: an
 * error, no mail of mine, is asked again). */
static bool history_kept(const struct lu_history *h)
{
    return h->sent >= 0 || h->answered >= 0;
}

/* Writes SENDERS' rows with SQL, which binds the address, the sent and
 * the answered count as ?1, ?2, ?3. */
static int senders_rows(struct lu_store *s, const char *sql, GHashTable *senders)
{
    sqlite3_stmt *st = prepare(s, sql);
    GHashTableIter it;
    gpointer k, v;
    int ret = 0;

    if (!st)
        return EX_IOERR;
    g_hash_table_iter_init(&it, senders);
    while (!ret && g_hash_table_iter_next(&it, &k, &v)) {
        const struct lu_history *h = v;
        int sent = h->sent >= 0 ? h->sent : -2, answered = h->answered >= 0 ? h->answered : -2;
        if (!history_kept(h))
            continue;
        sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, sent);
        sqlite3_bind_int(st, 3, answered);
        ret = step_write(s, st, "writing the senders' histories");
    }
    sqlite3_finalize(st);
    return ret;
}

int lu_store_senders_write(struct lu_store *s, const char *key, GHashTable *senders)
{
    int ret = exec(s, "DELETE FROM senders; DELETE FROM meta WHERE key = 'senders'");

    if (ret || !key || !senders)
        return ret;
    ret = senders_rows(s, "INSERT INTO senders(addr, sent, answered) VALUES(?1, ?2, ?3)", senders);
    if (!ret) {
        /* The key, then the addresses a range of the key does not find
         * (senders_ranges): an older leadup reads it as another index's,
         * and writes its own without them. */
        GString *v = g_string_new(key);
        GHashTableIter it;
        gpointer k, h;

        g_string_append_c(v, '\n');
        g_hash_table_iter_init(&it, senders);
        while (g_hash_table_iter_next(&it, &k, &h)) {
            if (lu_sender_ranged(k) || !history_kept(h))
                continue;
            char *e = g_strescape(k, NULL);
            g_string_append_printf(v, "%s\n", e);
            g_free(e);
        }
        ret = lu_store_set(s, "senders", v->str);
        g_string_free(v, TRUE);
    }
    return ret;
}

int lu_store_senders_update(struct lu_store *s, GHashTable *senders)
{
    return senders_rows(s, "UPDATE senders SET sent = ?2, answered = ?3 WHERE addr = ?1", senders);
}

/* The records of the walk being read, kept in a TEMP table until
 * lu_store_walk_keep or lu_store_walk_patch moves them into walked. */
#define WALK_REC_TABLE                                                                             \
    "CREATE TEMP TABLE IF NOT EXISTS walk_rec(pos INTEGER PRIMARY KEY,"                            \
    "  tid TEXT NOT NULL, msgs BLOB NOT NULL)"

int lu_store_walk_add(struct lu_store *s, GPtrArray *tids, GPtrArray *msgs)
{
    return lu_store_walk_add_at(s, tids, msgs, NULL);
}

int lu_store_walk_add_at(struct lu_store *s, GPtrArray *tids, GPtrArray *msgs, GArray *pos)
{
    sqlite3_stmt *st;
    int ret = exec(s, WALK_REC_TABLE);

    /* A deferred transaction that writes only TEMP tables locks nothing. */
    if (!ret)
        ret = exec(s, "BEGIN");
    if (ret)
        return ret;
    /* pos NULL: the next position (the walk's order) */
    st = prepare(s, "INSERT INTO temp.walk_rec(tid, msgs, pos) VALUES(?, ?, ?)");
    if (!st)
        return end_write(s, EX_IOERR);
    for (guint i = 0; i < tids->len && !ret; i++) {
        gsize n = 0;
        const void *b = g_bytes_get_data(g_ptr_array_index(msgs, i), &n);
        sqlite3_bind_text(st, 1, g_ptr_array_index(tids, i), -1, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, b, (int)n, SQLITE_STATIC);
        if (pos)
            sqlite3_bind_int64(st, 3, g_array_index(pos, gint64, i));
        else
            sqlite3_bind_null(st, 3);
        ret = step_write(s, st, "recording the walk");
    }
    sqlite3_finalize(st);
    return end_write(s, ret);
}

int lu_store_walk_keep(struct lu_store *s, const char *key)
{
    int ret = exec(s, "DELETE FROM walked; DELETE FROM meta WHERE key = 'walked'");

    if (ret || !key)
        return ret;
    ret = exec(s, WALK_REC_TABLE ";"
                                 "INSERT INTO walked SELECT pos, tid, msgs FROM temp.walk_rec;"
                                 "DELETE FROM temp.walk_rec");
    return ret ? ret : lu_store_set(s, "walked", key);
}

int lu_store_walk_move(struct lu_store *s, bool keep, bool patch)
{
    int ret =
        keep && patch ? 0 : exec(s, "DELETE FROM walked; DELETE FROM meta WHERE key = 'walked'");

    if (ret || !keep)
        return ret;
    return exec(s, patch ? WALK_REC_TABLE
                       ";"
                       "INSERT OR REPLACE INTO walked SELECT pos, tid, msgs FROM temp.walk_rec;"
                       "DELETE FROM temp.walk_rec"
                         : WALK_REC_TABLE
                       ";"
                       "INSERT INTO walked SELECT pos, tid, msgs FROM temp.walk_rec;"
                       "DELETE FROM temp.walk_rec");
}

void lu_store_checkpoint(struct lu_store *s)
{
    /* PASSIVE: nothing waits; what is left, the next checkpoint copies */
    sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void lu_store_autocheckpoint(struct lu_store *s, int pages)
{
    sqlite3_wal_autocheckpoint(s->db, pages);
}

int lu_store_walk_patch(struct lu_store *s, const char *key)
{
    int ret = key ? 0 : lu_store_walk_keep(s, NULL);

    if (ret || !key)
        return ret;
    ret = exec(s, WALK_REC_TABLE
               ";"
               "INSERT OR REPLACE INTO walked SELECT pos, tid, msgs FROM temp.walk_rec;"
               "DELETE FROM temp.walk_rec");
    return ret ? ret : lu_store_set(s, "walked", key);
}

int lu_store_walk_each(struct lu_store *s, lu_walked_fn fn, void *data)
{
    return lu_store_walk_each_at(s, NULL, fn, data);
}

int lu_store_walk_each_at(struct lu_store *s, lu_walked_at_fn at, lu_walked_fn fn, void *data)
{
    sqlite3_stmt *st = prepare(s, "SELECT tid, msgs, pos FROM walked ORDER BY pos");
    int rc = SQLITE_DONE, ret = 0;

    if (!st)
        return EX_IOERR;
    while (!ret && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *tid = (const char *)sqlite3_column_text(st, 0);
        GBytes *b = g_bytes_new(sqlite3_column_blob(st, 1), (gsize)sqlite3_column_bytes(st, 1));
        if (at)
            ret = at(sqlite3_column_int64(st, 2), tid ? tid : "", b, data);
        else
            ret = fn(tid ? tid : "", b, data);
        g_bytes_unref(b);
    }
    if (!ret)
        ret = read_end(s, rc, "reading the kept walk");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_analysis_prune(struct lu_store *s, const char *analyser)
{
    sqlite3_stmt *st = prepare(s, "DELETE FROM analyses WHERE analyser != ?");

    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, analyser, -1, SQLITE_STATIC);
    return write_once(s, st, "pruning the analysis cache");
}

/* The keys in column COL of TABLE that are no message the scan staged,
 * into *OUT (caller frees). */
static int absent_keys(struct lu_store *s, const char *table, const char *col, GPtrArray **out)
{
    char *sql = g_strdup_printf("SELECT DISTINCT %s FROM %s WHERE %s NOT IN "
                                "(SELECT mid FROM temp.scan_plan WHERE state IS NULL)",
                                col, table, col);
    sqlite3_stmt *st = prepare(s, sql);
    int rc, ret;

    g_free(sql);
    *out = g_ptr_array_new_with_free_func(g_free);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        if (k)
            g_ptr_array_add(*out, g_strdup(k));
    }
    ret = read_end(s, rc, "reading what to prune");
    sqlite3_finalize(st);
    return ret;
}

/* Binds key I of KEYS to parameter 1 of ST. */
typedef void (*key_binder)(sqlite3_stmt *st, const void *keys, guint i);

static void bind_text_key(sqlite3_stmt *st, const void *keys, guint i)
{
    sqlite3_bind_text(st, 1, g_ptr_array_index((GPtrArray *)keys, i), -1, SQLITE_STATIC);
}

static void bind_id_key(sqlite3_stmt *st, const void *keys, guint i)
{
    sqlite3_bind_int64(st, 1, g_array_index((GArray *)keys, gint64, i));
}

/* Runs the write ST once for each of the N KEYS, bound by BIND, up to the
 * first that fails (WHAT names the write then).  The caller finalizes ST. */
static int write_each(struct lu_store *s, sqlite3_stmt *st, guint n, key_binder bind,
                      const void *keys, const char *what)
{
    int ret = 0;

    for (guint i = 0; i < n && !ret; i++) {
        bind(st, keys, i);
        ret = step_write(s, st, what);
    }
    return ret;
}

/* Deletes the rows of TABLE whose COL is one of KEYS. */
static int delete_keys(struct lu_store *s, const char *table, const char *col, GPtrArray *keys)
{
    char *sql = g_strdup_printf("DELETE FROM %s WHERE %s = ?", table, col);
    sqlite3_stmt *st = keys->len ? prepare(s, sql) : NULL;
    int ret = keys->len && !st ? EX_IOERR : 0;

    g_free(sql);
    if (!ret && st)
        ret = write_each(s, st, keys->len, bind_text_key, keys, "pruning rows of deleted messages");
    sqlite3_finalize(st);
    return ret;
}

int lu_store_prune_absent(struct lu_store *s, unsigned *pruned)
{
    /* Never decisions: see leadup.h. */
    static const char *const tables[][2] = {{"analyses", "mid"}, {"bounces", "bounce"}};
    GPtrArray *keys = NULL;
    int ret = stage_table(s);

    *pruned = 0;
    lu_prunes_done++;
    for (size_t i = 0; i < G_N_ELEMENTS(tables) && !ret; i++) {
        ret = absent_keys(s, tables[i][0], tables[i][1], &keys);
        if (!ret)
            ret = delete_keys(s, tables[i][0], tables[i][1], keys);
        if (!ret)
            *pruned += keys->len;
        g_ptr_array_free(keys, TRUE);
    }
    return ret;
}

/* The latest decision on any of MIDS (by taken, then id) into *OUT (NULL:
 * none).  Every row of each message is compared here: an ORDER BY ...
 * LIMIT 1 made sqlite open a temporary B-tree for each message, about
 * 24,000 instructions each when it has none (1.5 M of a decision on a
 * thread of 61, issue 14). */
/* A thread of at least this many messages reads the whole decisions
 * table when it holds at most half as many rows as the thread has
 * messages (decisions_all_of). */
#define DECISIONS_ALL_MIN 16

/* ST's rows (DECISION_COLS) of MIDS (NULL: every row is of one of
 * them), the latest kept in *OUT (taken, then id). */
static int latest_of_rows(struct lu_store *s, sqlite3_stmt *st, GPtrArray *mids,
                          struct lu_decision **out)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *mid = (const char *)sqlite3_column_text(st, 1);
        bool ours = !mids;
        struct lu_decision *d;

        for (guint i = 0; mid && !ours && i < mids->len; i++)
            ours = strcmp(mid, g_ptr_array_index(mids, i)) == 0;
        d = ours ? decision_row(s, st) : NULL;
        if (d && (!*out || d->taken > (*out)->taken ||
                  (d->taken == (*out)->taken && d->id > (*out)->id))) {
            lu_decision_free(*out);
            *out = d;
        } else {
            lu_decision_free(d);
        }
    }
    return read_end(s, rc, "reading decisions");
}

static int decisions_count(struct lu_store *s, gint64 *n);

/* The latest decision on MIDS (NULL: none).  A long thread's, when the
 * table holds at most half as many rows as MIDS, from every row
 * (DECISIONS_ALL_MIN, as lu_store_decisions_of): a decision on a thread
 * of 60 spent 0.11 M instructions on 60 probes (issue 14). */
static int latest_decision(struct lu_store *s, GPtrArray *mids, struct lu_decision **out)
{
    gint64 n = -1;
    bool all = mids->len >= DECISIONS_ALL_MIN && decisions_count(s, &n) == 0 && n >= 0 &&
               n <= mids->len / 2;
    sqlite3_stmt *st;
    int ret = 0;

    *out = NULL;
    if (all && n == 0)
        return 0;
    st = prepare(s, all ? "SELECT " DECISION_COLS " FROM decisions"
                        : "SELECT " DECISION_COLS " FROM decisions WHERE mid = ?");
    if (!st)
        return EX_IOERR;
    if (all)
        ret = latest_of_rows(s, st, mids, out);
    for (guint i = 0; !all && i < mids->len && !ret; i++) {
        sqlite3_bind_text(st, 1, g_ptr_array_index(mids, i), -1, SQLITE_STATIC);
        ret = latest_of_rows(s, st, NULL, out);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return ret;
}

/* A random UUID (version 4) as text, caller frees: g_uuid_string_random
 * seeds a Mersenne twister for it, 44,000 instructions of a decision's
 * 17 M (issue 14). */
static char *uuid_random(void)
{
    guint8 b[16];

    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b)
        return g_uuid_string_random();
    b[6] = (guint8)((b[6] & 0x0f) | 0x40);
    b[8] = (guint8)((b[8] & 0x3f) | 0x80);
    return g_strdup_printf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                           b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
                           b[12], b[13], b[14], b[15]);
}

/* Stores D with its journal KEY, pending. */
static int insert_decision(struct lu_store *s, struct lu_decision *d, const char *key)
{
    sqlite3_stmt *st = prepare(s, "INSERT INTO decisions(mid, kind, at, at_end, text, mine, "
                                  "latest, taken, pending, jkey) VALUES(?,?,?,?,?,?,?,?,1,?)");
    int ret = 0;

    if (!st)
        return EX_IOERR;
    /* DECISION_COLS but the id it gets and the pending flag. */
    bind_row(st, decision_cols + 1, (int)G_N_ELEMENTS(decision_cols) - 2, d);
    sqlite3_bind_text(st, 9, key, -1, SQLITE_STATIC);
    ret = step_write(s, st, "storing a decision");
    if (!ret)
        d->id = sqlite3_last_insert_rowid(s->db);
    d->pending = true;
    sqlite3_finalize(st);
    return ret;
}

/* Inside a write transaction: journals LINES, lets WRITE change the
 * database and commits.  On any failure after the journal took the lines
 * the transaction is rolled back and the journal cut back to what it was
 * (else BACK, the opposite record, is added), so that a replay does not
 * bring about what the user was told did not happen.  A kill in between
 * leaves the lines: the next open replays them (stored once). */
static int journal_then(struct lu_store *s, const char *lines, const char *back,
                        int (*write)(struct lu_store *, void *), void *arg)
{
    struct stat st;
    gint64 size = 0, old = stat(s->journal, &st) == 0 ? st.st_size : 0;
    int ret = journal_append(s, lines, &size);

    if (!ret)
        ret = write(s, arg);
    if (!ret)
        ret = set_journal_size(s, size);
    if (!ret)
        ret = lu_store_commit(s);
    if (!ret)
        return 0;
    lu_store_rollback(s);
    if (size && truncate(s->journal, old) < 0)
        journal_append(s, back, &size);
    return ret;
}

/* journal_then for adding (ADD) or removing decision D, journalled under
 * KEY: the line that adds it and the one that undoes it, one the record
 * and the other the way back. */
static int journal_decision_then(struct lu_store *s, const char *key, const struct lu_decision *d,
                                 bool add, int (*write)(struct lu_store *, void *), void *arg)
{
    GString *adds = g_string_new(NULL), *undoes = g_string_new(NULL);
    int ret;

    journal_add_line(adds, key, d);
    journal_undo_line(undoes, key);
    ret = add ? journal_then(s, adds->str, undoes->str, write, arg)
              : journal_then(s, undoes->str, adds->str, write, arg);
    g_string_free(adds, TRUE);
    g_string_free(undoes, TRUE);
    return ret;
}

struct add_args {
    struct lu_decision *d;
    const char *key;
};

static int add_write(struct lu_store *s, void *arg)
{
    struct add_args *a = arg;
    return insert_decision(s, a->d, a->key);
}

int lu_store_add_decision(struct lu_store *s, GPtrArray *mids, struct lu_decision *d, bool *repeat)
{
    struct lu_decision *last = NULL;
    char *key = NULL;
    int ret;

    *repeat = false;
    /* Read and write in one write transaction, so that two identical
     * decisions taken at once still make one (and journal lines never
     * interleave). */
    ret = lu_store_begin(s);
    if (ret)
        return ret;
    ret = latest_decision(s, mids, &last);
    if (!ret && last && same_decision(last, d)) {
        *repeat = true;
        d->id = last->id;
        d->pending = last->pending;
    } else if (!ret) {
        struct add_args a = {d, NULL};
        a.key = key = uuid_random();
        ret = journal_decision_then(s, key, d, true, add_write, &a); /* commits */
        goto out;
    }
    ret = end_write(s, ret);
out:
    lu_decision_free(last);
    g_free(key);
    return ret;
}

/* Runs SQL, one statement with one "?", for each row id of IDS; WHAT names
 * the write in an error. */
static int write_ids(struct lu_store *s, GArray *ids, const char *sql, const char *what)
{
    sqlite3_stmt *st;
    int ret;

    if (!ids || ids->len == 0)
        return 0;
    st = prepare(s, sql);
    if (!st)
        return EX_IOERR;
    ret = write_each(s, st, ids->len, bind_id_key, ids, what);
    sqlite3_finalize(st);
    return ret;
}

int lu_store_decisions_applied(struct lu_store *s, GArray *ids)
{
    return write_ids(s, ids, "UPDATE decisions SET pending = 0 WHERE id = ?",
                     "marking a decision applied");
}

/* Adds the decisions of ST's rows (DECISION_COLS) to TABLE, by message. */
static int read_decisions(struct lu_store *s, sqlite3_stmt *st, GHashTable *table)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct lu_decision *d = decision_row(s, st);

        lu_decision_rows++;
        if (d)
            lu_lists_add(table, d->mid, d, (GDestroyNotify)lu_decision_free);
    }
    return read_end(s, rc, "reading decisions");
}

int lu_store_decisions(struct lu_store *s, GHashTable **out)
{
    return lists_where(s, "SELECT " DECISION_COLS " FROM decisions ORDER BY taken, id",
                       read_decisions, out);
}

int lu_store_decisions_pending(struct lu_store *s, GHashTable **out)
{
    /* The partial index decisions_pending holds just these. */
    return lists_where(s,
                       "SELECT " DECISION_COLS " FROM decisions WHERE pending ORDER BY taken, id",
                       read_decisions, out);
}

unsigned lu_prunes_skipped, lu_prunes_done;
bool lu_debug_prune_all;

int lu_store_prune_none(struct lu_store *s, bool *none)
{
    return one_bool(s,
                    "SELECT NOT EXISTS(SELECT 1 FROM analyses) "
                    "AND NOT EXISTS(SELECT 1 FROM bounces)",
                    "reading the analyses", none);
}

int lu_store_rows_none(struct lu_store *s, bool *no_decisions, bool *no_bounces)
{
    sqlite3_stmt *st = prepare(s, "SELECT NOT EXISTS(SELECT 1 FROM decisions), "
                                  "NOT EXISTS(SELECT 1 FROM bounces)");
    int ret;

    *no_decisions = *no_bounces = false;
    if (!st)
        return EX_IOERR;
    if (one_row(s, st, "reading the decisions", &ret)) {
        *no_decisions = sqlite3_column_int(st, 0) != 0;
        *no_bounces = sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_finalize(st);
    return ret;
}

/* The decisions stored in *N; 0 or a status (reported). */
static int decisions_count(struct lu_store *s, gint64 *n)
{
    sqlite3_stmt *st = prepare(s, "SELECT count(*) FROM decisions");
    int rc;

    if (!st)
        return EX_IOERR;
    rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : read_end(s, rc, "counting the decisions");
}

/* lu_store_decisions_of by reading every row and keeping MIDS' (in the
 * same order: taken, id).  The statement of 61 parameters the thread of
 * a long thread asks costs 0.1 M instructions to prepare and a probe a
 * Message-ID, where a user's decisions are few (issue 14: a decision on
 * a thread of 61 reads them again after storing it). */
static int decisions_all_of(struct lu_store *s, GPtrArray *mids, GHashTable *table)
{
    sqlite3_stmt *st = prepare(s, "SELECT " DECISION_COLS " FROM decisions ORDER BY taken, id");
    int rc;

    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *mid = (const char *)sqlite3_column_text(st, 1);
        bool ours = false;
        struct lu_decision *d;

        for (guint i = 0; mid && i < mids->len && !ours; i++)
            ours = strcmp(mid, g_ptr_array_index(mids, i)) == 0;
        if (!ours)
            continue;
        lu_decision_rows++;
        d = decision_row(s, st);
        if (d)
            lu_lists_add(table, d->mid, d, (GDestroyNotify)lu_decision_free);
    }
    sqlite3_finalize(st);
    return read_end(s, rc, "reading decisions");
}

int lu_store_decisions_of(struct lu_store *s, GPtrArray *mids, GHashTable *table)
{
    gint64 n = 0;

    if (mids->len >= DECISIONS_ALL_MIN && decisions_count(s, &n) == 0 && n <= mids->len / 2)
        return decisions_all_of(s, mids, table);
    return lists_of(s, "SELECT " DECISION_COLS " FROM decisions WHERE mid IN ",
                    " ORDER BY taken, id", mids, read_decisions, table);
}

int lu_store_last_decision(struct lu_store *s, const char *mid, struct lu_decision **out)
{
    /* Ids grow with every decision stored: the largest is the last (a
     * damaged row is passed over, as lu_store_decisions leaves it out). */
    sqlite3_stmt *st =
        prepare(s, mid ? "SELECT " DECISION_COLS " FROM decisions WHERE mid = ? ORDER BY id DESC"
                       : "SELECT " DECISION_COLS " FROM decisions ORDER BY id DESC");
    int rc = SQLITE_DONE, ret;

    *out = NULL;
    if (!st)
        return EX_IOERR;
    if (mid)
        sqlite3_bind_text(st, 1, mid, -1, SQLITE_STATIC);
    while (!*out && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        lu_decision_rows++;
        *out = decision_row(s, st);
    }
    ret = *out ? 0 : read_end(s, rc, "reading the last decision");
    sqlite3_finalize(st);
    return ret;
}

struct remove_args {
    gint64 id;
    const char *mid; /* the thread to decide again, or NULL */
    gint64 *mark;    /* its redecide row's id, or NULL */
};

/* Removes the decision and, in the same transaction, marks its thread to
 * decide again (lu_store_redecided clears the mark). */
static int remove_write(struct lu_store *s, void *arg)
{
    struct remove_args *a = arg;
    sqlite3_stmt *st = prepare(s, "DELETE FROM decisions WHERE id = ?");
    int ret;

    if (!st)
        return EX_IOERR;
    sqlite3_bind_int64(st, 1, a->id);
    ret = write_once(s, st, "removing a decision");
    if (ret || !a->mid || !a->mark)
        return ret;
    st = prepare(s, "INSERT INTO redecide(mid) VALUES(?)");
    if (!st)
        return EX_IOERR;
    sqlite3_bind_text(st, 1, a->mid, -1, SQLITE_STATIC);
    ret = write_once(s, st, "marking a thread to decide again");
    if (!ret)
        *a->mark = sqlite3_last_insert_rowid(s->db);
    return ret;
}

int lu_store_redecide(struct lu_store *s, GArray **ids, GPtrArray **mids)
{
    sqlite3_stmt *st = prepare(s, "SELECT id, mid FROM redecide ORDER BY id");
    int rc;

    *ids = g_array_new(FALSE, FALSE, sizeof(gint64));
    *mids = g_ptr_array_new_with_free_func(g_free);
    if (!st)
        return EX_IOERR;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        gint64 id = sqlite3_column_int64(st, 0);
        char *mid = col_str(st, 1);
        if (!mid)
            continue;
        g_array_append_val(*ids, id);
        g_ptr_array_add(*mids, mid);
    }
    sqlite3_finalize(st);
    return read_end(s, rc, "reading the threads to decide again");
}

int lu_store_redecided(struct lu_store *s, GArray *ids)
{
    return write_ids(s, ids, "DELETE FROM redecide WHERE id = ?",
                     "clearing a thread decided again");
}

int lu_store_remove_decision(struct lu_store *s, gint64 id, gint64 *redecide)
{
    struct remove_args a = {id, NULL, redecide};
    sqlite3_stmt *st = NULL;
    struct lu_decision *d = NULL;
    char *key = NULL;
    int ret = lu_store_begin(s);

    if (ret)
        return ret;
    st = prepare(s, "SELECT " DECISION_COLS ", jkey FROM decisions WHERE id = ?");
    if (!st) {
        lu_store_rollback(s);
        ret = EX_IOERR;
        goto out;
    }
    sqlite3_bind_int64(st, 1, id);
    if (one_row(s, st, "reading a decision", &ret)) {
        d = decision_row(s, st);
        key = col_str(st, 10);
    }
    if (redecide)
        *redecide = 0;
    if (!ret && d)
        a.mid = d->mid;
    if (!ret && key && d) {
        ret = journal_decision_then(s, key, d, false, remove_write, &a); /* commits */
        goto out;
    }
    if (!ret) /* gone, damaged, or never journalled (cannot be, once seeded) */
        ret = remove_write(s, &a);
    ret = end_write(s, ret);
out:
    sqlite3_finalize(st);
    lu_decision_free(d);
    g_free(key);
    return ret;
}

/* lists_reader: each kept row (mid, rev, key, rec) into TABLE as kmsgs.h
 * says. */
static int read_kmsgs(struct lu_store *s, sqlite3_stmt *st, GHashTable *table)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *mid = (const char *)sqlite3_column_text(st, 0);
        gint64 head[2] = {sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2)};
        const void *b = sqlite3_column_blob(st, 3);
        int n = sqlite3_column_bytes(st, 3);
        GByteArray *v;

        if (!mid || !b || n <= 0)
            continue;
        v = g_byte_array_sized_new((guint)(sizeof head + (gsize)n));
        g_byte_array_append(v, (const guint8 *)head, sizeof head);
        g_byte_array_append(v, b, (guint)n);
        g_hash_table_replace(table, g_strdup(mid), g_byte_array_free_to_bytes(v));
    }
    return read_end(s, rc, "reading the kept messages");
}

int lu_store_kmsgs_get(struct lu_store *s, GPtrArray *mids, GHashTable *table)
{
    return lists_of(s, "SELECT mid, rev, key, rec FROM kmsgs WHERE mid IN ", "", mids, read_kmsgs,
                    table);
}

int lu_store_kmsgs_put(struct lu_store *s, gint64 key, GPtrArray *mids, GPtrArray *recs, gint64 rev)
{
    sqlite3_stmt *st =
        prepare(s, "INSERT OR REPLACE INTO kmsgs(mid, rev, key, rec) VALUES(?, ?, ?, ?)");
    int ret = st ? 0 : EX_IOERR;

    for (guint i = 0; !ret && i < mids->len; i++) {
        gsize n = 0;
        const void *b = g_bytes_get_data(g_ptr_array_index(recs, i), &n);
        sqlite3_bind_text(st, 1, g_ptr_array_index(mids, i), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, rev);
        sqlite3_bind_int64(st, 3, key);
        sqlite3_bind_blob(st, 4, b, (int)n, SQLITE_STATIC);
        ret = step_write(s, st, "keeping the messages read");
    }
    sqlite3_finalize(st);
    return ret;
}

int lu_store_kmsgs_forget(struct lu_store *s)
{
    return exec(s, "DELETE FROM kmsgs");
}
