/* nm.c - leadup's only contact with notmuch.
 *
 * Reading happens with a READ_ONLY handle so a scan never blocks "notmuch
 * new"; tag changes go through lu_db_apply in one short atomic section
 * under a READ_WRITE handle. */
#include "leadup.h"
#include "addr.h"
#include "walk.h"
#include "nm-guard.h"
#include "view.h"
#include "senders.h"
#include "xapian-count.h"

#include <glib/gstdio.h>
#include <notmuch.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

struct lu_db {
    notmuch_database_t *db;
    char *uuid;
    gint64 now;          /* --now, for dates that cannot be right */
    char *root;          /* the mail root, with a trailing '/' */
    char *const *drafts; /* folders of unsent mail (the config's) */
    /* The folder all_in_drafts last asked about and its answer: a walk
     * meets one folder for many messages in a row, and the answer
     * casefolds every drafts folder's name (1% of a first scan). */
    char *drafts_dir;
    bool drafts_hit;
    bool writable; /* opened READ_WRITE: always the newest revision */
    /* notmuch's Xapian database opened beside it for the tags' term
     * frequencies (lu_db_tag_freq; NULL: not opened, or not usable),
     * opened on the first ask (XCOUNT_TRIED) after each (re)open. */
    struct lu_xcount *xcount;
    bool xcount_tried;
    /* The messages the last full walk's slices counted, dated 1970 to
     * NOW's year ahead (plan_slices); -1: no walk planned. */
    gint64 dated;
    /* The caller's kept messages (lu_db_set_rows; NULL: none). */
    lu_rows_fn rows;
    void *rows_data;
    /* The caller's reader of the walk's to: terms (lu_db_set_to; NULL: none). */
    lu_to_fn to;
    void *to_data;
};

/* What a lock wait that times out says instead of the default line, once
 * a caller has stored something the next scan completes (lu_db_lock_note);
 * "": the default. */
static char lock_note[300];

void lu_db_lock_note(const char *note)
{
    if (note)
        snprintf(lock_note, sizeof lock_note, "leadup: %s\n", note);
    else
        lock_note[0] = '\0';
}

/* Whether EMAIL can be the address notmuch makes up: $EMAIL, or the login
 * name at some host ("root@localhost"; the host part differs between
 * notmuch's versions).  Any other was set by the user, and the database
 * is not opened a second time to ask (2% of a key's instructions). */
static bool may_be_made_up(const char *email)
{
    const char *env = g_getenv("EMAIL");
    struct passwd *pw = getpwuid(getuid());
    gsize n;

    if (env && strcmp(env, email) == 0)
        return true;
    if (!pw || !pw->pw_name)
        return true; /* cannot tell: ask */
    n = strlen(pw->pw_name);
    return strncmp(email, pw->pw_name, n) == 0 && email[n] == '@';
}

/* True when EMAIL is the address notmuch makes up when user.primary_email
 * is not set (user@host, "root@localhost"): nobody's identity.  notmuch
 * does not say whether a value is a default, so ask it again without the
 * config file (DB's path, no file: its defaults).  A database that does
 * not exist would do too, but notmuch leaks its error message then. */
static bool made_up_address(notmuch_database_t *db, const char *email)
{
    notmuch_database_t *d = NULL;
    char *msg = NULL;
    bool same = false;

    if (!may_be_made_up(email))
        return false;
    notmuch_database_load_config(notmuch_database_get_path(db), "", NULL, &d, &msg);
    if (d) {
        const char *def = notmuch_config_get(d, NOTMUCH_CONFIG_PRIMARY_EMAIL);
        same = def && strcmp(def, email) == 0;
        notmuch_database_destroy(d);
    }
    free(msg);
    return same;
}

static void load_identity(struct lu_ctx *ctx, notmuch_database_t *db)
{
    const char *primary = notmuch_config_get(db, NOTMUCH_CONFIG_PRIMARY_EMAIL);
    const char *name = notmuch_config_get(db, NOTMUCH_CONFIG_USER_NAME);
    notmuch_config_values_t *vals = notmuch_config_get_values(db, NOTMUCH_CONFIG_OTHER_EMAIL);
    GPtrArray *others = g_ptr_array_new_with_free_func(g_free);

    for (; vals && notmuch_config_values_valid(vals); notmuch_config_values_move_to_next(vals)) {
        const char *v = notmuch_config_values_get(vals);
        if (v && *v)
            g_ptr_array_add(others, g_strdup(v));
    }
    if (vals)
        notmuch_config_values_destroy(vals);
    if (primary && made_up_address(db, primary))
        primary = NULL;
    g_ptr_array_add(others, NULL);
    lu_ctx_identity(ctx, primary, (const char **)others->pdata, name);
    g_ptr_array_free(others, TRUE);
}

/* notmuch waits for the write lock without a limit (Xapian's
 * DB_RETRY_LOCK), and a hook
 * must not hang the user's "notmuch new" chain.  So a thread of its own
 * opens the database, and the caller waits for it at most [scan] lock_wait
 * seconds: then it gives up with EX_TEMPFAIL and leaves the thread waiting
 * (nothing has been written; should the lock come before the process
 * ends, the thread closes the database again, else the kernel releases
 * the lock at exit).  A signal cannot end the wait: Xapian retries on
 * EINTR.  Someone at a terminal (a key in the mail client) learns why
 * nothing happens after a second. */
struct opener {
    GMutex lock;
    GCond cond;
    bool done, abandoned;
    notmuch_status_t st;
    notmuch_database_t *db;
    char *msg;
};

static void opener_free(struct opener *o)
{
    g_mutex_clear(&o->lock);
    g_cond_clear(&o->cond);
    g_free(o);
}

static gpointer opener_run(gpointer data)
{
    struct opener *o = data;
    notmuch_database_t *db = NULL;
    char *msg = NULL;
    notmuch_status_t st;
    bool abandoned;

    st = notmuch_database_open_with_config(NULL, NOTMUCH_DATABASE_MODE_READ_WRITE, NULL, NULL, &db,
                                           &msg);
    g_mutex_lock(&o->lock);
    abandoned = o->abandoned;
    if (!abandoned) {
        o->st = st;
        o->db = db;
        o->msg = msg;
        o->done = true;
        g_cond_signal(&o->cond);
    }
    g_mutex_unlock(&o->lock);
    if (abandoned) {
        /* Nobody waits any more: let the lock go at once. */
        if (db)
            notmuch_database_destroy(db);
        free(msg);
        opener_free(o);
    }
    return NULL;
}

/* A new opener, its thread started.  Returns it (the caller waits for it,
 * or abandons it). */
static struct opener *opener_start(void)
{
    struct opener *o = g_new0(struct opener, 1);

    g_mutex_init(&o->lock);
    g_cond_init(&o->cond);
    g_thread_unref(g_thread_new("lock-wait", opener_run, o));
    return o;
}

/* The opener lu_db_write_ahead started, until open_write takes it. */
static struct opener *ahead;
/* A decision's view waited out [scan] lock_wait for AHEAD and read the
 * thread read-only (lu_db_open_view): the write open after it waits no
 * longer, so a locked database costs the wait once. */
static bool ahead_spent;

void lu_db_write_ahead(void)
{
    if (!ahead)
        ahead = opener_start();
}

void lu_db_write_ahead_drop(void)
{
    struct opener *o = g_steal_pointer(&ahead);

    ahead_spent = false;
    if (!o)
        return;
    g_mutex_lock(&o->lock);
    if (!o->done) {
        o->abandoned = true; /* the thread closes what it opens, and frees O */
        g_mutex_unlock(&o->lock);
        return;
    }
    g_mutex_unlock(&o->lock);
    if (o->db)
        notmuch_database_destroy(o->db); /* nothing written through it */
    free(o->msg);
    opener_free(o);
}

/* Opens the database for writing (the opener lu_db_write_ahead started,
 * if any), waiting at most WAIT seconds for the lock.  Returns 0 (*DB,
 * *MSG as notmuch gives them in *ST) or EX_TEMPFAIL (printed; QUIET: not
 * printed, the opener kept waiting as AHEAD, ahead_spent set). */
static int open_write(int wait, bool quiet, notmuch_status_t *st, notmuch_database_t **db,
                      char **msg)
{
    static const char waiting[] =
        "leadup: waiting for the notmuch database (another program is writing)...\n";
    struct opener *o = ahead ? g_steal_pointer(&ahead) : opener_start();
    gint64 start = g_get_monotonic_time(), end = start + (gint64)wait * G_USEC_PER_SEC;
    bool told = !isatty(2) || ahead_spent;
    int ret = 0;

    if (ahead_spent)
        end = start; /* the view waited already: take it only if it came since */
    ahead_spent = false;

    g_mutex_lock(&o->lock);
    while (!o->done) {
        gint64 until = told ? end : MIN(end, start + G_USEC_PER_SEC);
        if (!g_cond_wait_until(&o->cond, &o->lock, until) && !o->done) {
            if (until == end)
                break;
            told = true;
            if (write(2, waiting, sizeof waiting - 1) < 0) {
                /* nothing more to do */
            }
        }
    }
    if (o->done) {
        *st = o->st;
        *db = o->db;
        *msg = o->msg;
    } else if (quiet) {
        ret = EX_TEMPFAIL;
        ahead = o; /* still waiting: the write open after the view takes it */
        ahead_spent = true;
    } else {
        o->abandoned = true; /* the thread frees O */
        ret = EX_TEMPFAIL;
        if (lock_note[0])
            lu_fprintf(stderr, "%s", lock_note);
        else
            lu_error(ret,
                     "notmuch database is locked (is 'notmuch new' running?); gave up after %d s, "
                     "the next scan catches up",
                     wait);
    }
    g_mutex_unlock(&o->lock);
    if (!ret)
        opener_free(o);
    return ret;
}

/* lu_db_open; QUIET: a write open that waits out the lock says nothing
 * (open_write). */
static int db_open(struct lu_ctx *ctx, bool write, bool quiet, struct lu_db **out)
{
    notmuch_database_t *db = NULL;
    notmuch_status_t st;
    char *msg = NULL;
    int ret = 0;

    *out = NULL;
    if (write) {
        ret = open_write(ctx->cfg.lock_wait > 0 ? ctx->cfg.lock_wait : 1, quiet, &st, &db, &msg);
        if (ret)
            goto out;
    } else {
        /* Xapian reads the revision's number, then each table: commits
         * in between discard that revision ("The revision being read has
         * been discarded", "Expected block 4 to be level 1, not 0", Xapian
         * exceptions; t224, and 1 open in ~1400 in t222).  The next try
         * reads a whole one; a damaged database fails every try. */
        for (int attempt = 0; attempt < 4; attempt++) {
            if (attempt) {
                free(msg);
                msg = NULL;
                g_usleep(G_USEC_PER_SEC / 100 << attempt);
            }
            st = notmuch_database_open_with_config(NULL, NOTMUCH_DATABASE_MODE_READ_ONLY, NULL,
                                                   NULL, &db, &msg);
            if (st != NOTMUCH_STATUS_XAPIAN_EXCEPTION)
                break;
            if (db)
                notmuch_database_destroy(db);
            db = NULL;
        }
    }
    if (st && quiet) {
        ret = EX_UNAVAILABLE; /* the caller reads it read-only; its write open tells */
        goto out;
    }
    if (st) {
        if (msg && *g_strchomp(msg) && msg[strlen(msg) - 1] == '.')
            msg[strlen(msg) - 1] = '\0'; /* a colon and the remedy follow */
        ret = lu_error(st == NOTMUCH_STATUS_NO_CONFIG || st == NOTMUCH_STATUS_NO_DATABASE ||
                               st == NOTMUCH_STATUS_NO_MAIL_ROOT
                           ? EX_CONFIG
                           : EX_UNAVAILABLE,
                       "cannot open the notmuch database: %s%s%s: %s", notmuch_status_to_string(st),
                       msg ? ": " : "", msg ? msg : "",
                       st == NOTMUCH_STATUS_NO_CONFIG
                           ? "run 'notmuch setup', or set NOTMUCH_CONFIG to your notmuch config"
                           : "check [database] path in the notmuch config ('notmuch config list'), "
                             "and run 'notmuch new' to create the database");
        goto out;
    }
    if (g_hash_table_size(ctx->me.addrs) == 0 && ctx->me.domains->len == 0)
        load_identity(ctx, db);
    *out = g_new0(struct lu_db, 1);
    (*out)->db = db;
    (*out)->now = ctx->now;
    (*out)->root = g_strconcat(notmuch_config_get(db, NOTMUCH_CONFIG_MAIL_ROOT), "/", NULL);
    (*out)->drafts = ctx->cfg.drafts;
    (*out)->writable = write;
    (*out)->dated = -1;
    db = NULL;
out:
    free(msg);
    if (db)
        notmuch_database_destroy(db);
    return ret;
}

int lu_db_open(struct lu_ctx *ctx, bool write, struct lu_db **out)
{
    return db_open(ctx, write, false, out);
}

int lu_db_open_view(struct lu_ctx *ctx, bool write, struct lu_db **out)
{
    int ret = db_open(ctx, write, write, out);

    /* Locked past [scan] lock_wait, or not writable: the thread is read
     * read-only, as why reads it, and the decision goes as it went before
     * its view wrote: stored, then its write open waits no longer
     * (ahead_spent) or fails, and says so; the next scan writes the tags. */
    if (ret && write)
        ret = db_open(ctx, false, false, out);
    return ret;
}

bool lu_db_writable(const struct lu_db *db)
{
    return db && db->writable;
}

void lu_db_close(struct lu_db *db)
{
    if (!db)
        return;
    lu_xcount_close(db->xcount);
    notmuch_database_destroy(db->db);
    LU_FREE_EACH(g_free, db->uuid, db->root, db->drafts_dir, db);
}

const char *lu_db_root(const struct lu_db *db)
{
    return db->root ? db->root : "";
}

gint64 lu_db_revision(struct lu_db *db, const char **uuid)
{
    const char *u = NULL;
    unsigned long rev = notmuch_database_get_revision(db->db, &u);

    g_free(db->uuid);
    db->uuid = g_strdup(u ? u : "");
    if (uuid)
        *uuid = db->uuid;
    return (gint64)rev;
}

char *lu_db_quote(const char *s)
{
    GString *q = g_string_new("\"");

    for (; s && *s; s++) {
        if (*s == '"')
            g_string_append_c(q, '"');
        g_string_append_c(q, *s);
    }
    g_string_append_c(q, '"');
    return g_string_free(q, FALSE);
}

/* When the file of M arrived (its modification time), or -1. */
static gint64 arrived(const struct lu_msg *m)
{
    GStatBuf st;

    return m->filename && g_stat(m->filename, &st) == 0 ? (gint64)st.st_mtime : -1;
}

/* Is every one of FILES (N of them) in a drafts folder?  Then the message
 * was never sent (a copy in Sent beside a draft of the same Message-ID
 * was).  1 or 0. */
static int files_in_drafts(struct lu_db *db, const char *const *files, unsigned n)
{
    size_t rl = strlen(db->root);
    bool all = true, any = false;

    if (!db->drafts || !db->drafts[0])
        return 0;
    for (unsigned i = 0; all && i < n; i++) {
        const char *f = files[i];
        char *dir = g_path_get_dirname(strncmp(f, db->root, rl) == 0 ? f + rl : f);
        char *base = strrchr(dir, '/');
        const char *leaf = base ? base + 1 : dir;

        /* A maildir's folder is the directory above cur/ and new/. */
        if (!strcmp(leaf, "cur") || !strcmp(leaf, "new") || !strcmp(leaf, "tmp"))
            *(base ? base : dir) = '\0';
        if (!db->drafts_dir || strcmp(dir, db->drafts_dir) != 0) {
            db->drafts_hit = lu_folder_is_drafts(dir, db->drafts);
            g_free(db->drafts_dir);
            db->drafts_dir = g_steal_pointer(&dir);
        }
        all = db->drafts_hit;
        any = true;
        g_free(dir);
    }
    return all && any;
}

/* files_in_drafts of NM's files; -1 when notmuch could not list them
 * (NULL: an error, notmuch.h). */
static int all_in_drafts(struct lu_db *db, notmuch_message_t *nm)
{
    notmuch_filenames_t *fs;
    GPtrArray *files;
    int r;

    if (!db->drafts || !db->drafts[0])
        return 0;
    fs = notmuch_message_get_filenames(nm);
    if (!fs)
        return -1;
    files = g_ptr_array_new();
    for (; notmuch_filenames_valid(fs); notmuch_filenames_move_to_next(fs))
        g_ptr_array_add(files, (gpointer)notmuch_filenames_get(fs));
    r = files_in_drafts(db, (const char *const *)files->pdata, files->len);
    g_ptr_array_free(files, TRUE);
    notmuch_filenames_destroy(fs);
    return r;
}

/* What notmuch keeps of a message in its document's values, read for a
 * batch of threads at once (lu_xcount_values), so that msg_from need not
 * look each up through libnotmuch: 1.4 M instructions of the 61 messages
 * of a one-new-message scan's thread (issue 14).  The date as
 * notmuch_message_get_date gives it. */
struct kept {
    time_t date;
    char *from, *subject;
};

static void kept_free(struct kept *k)
{
    LU_FREE_EACH(g_free, k->from, k->subject, k);
}

/* A thread's messages as the value streams list them (read_threads),
 * for the caller's kept messages (lu_db_set_rows): Message-IDs, revisions
 * and dates; WHOLE false when one had no Message-ID or date value. */
struct listed {
    GPtrArray *mids;
    GArray *lastmod, *date;
    bool whole;
    guint served;
};

static void listed_free(struct listed *l)
{
    g_ptr_array_free(l->mids, TRUE);
    g_array_free(l->lastmod, TRUE);
    g_array_free(l->date, TRUE);
    g_free(l);
}

struct values {
    GHashTable *kept;  /* Message-ID -> struct kept */
    struct listed **t; /* per thread of the batch, or NULL */
};

static void keep_values(unsigned k, const char *mid, double date, const char *from,
                        const char *subject, unsigned long lastmod, void *data)
{
    struct values *v = data;
    struct kept *kv;

    if (v->t && !mid)
        v->t[k]->whole = false;
    if (!mid)
        return;
    kv = g_new0(struct kept, 1);
    kv->date = (time_t)date;
    kv->from = g_strdup(from);
    kv->subject = g_strdup(subject);
    g_hash_table_replace(v->kept, g_strdup(mid), kv);
    if (v->t) {
        gint64 lm = (gint64)lastmod, d = (gint64)kv->date;
        g_ptr_array_add(v->t[k]->mids, g_strdup(mid));
        g_array_append_val(v->t[k]->lastmod, lm);
        g_array_append_val(v->t[k]->date, d);
    }
}

void lu_db_set_rows(struct lu_db *db, lu_rows_fn fn, void *data)
{
    db->rows = fn;
    db->rows_data = data;
}

guint64 lu_rows_used;
bool lu_debug_no_rows;

/* The message MID of thread TID whose first file is FILE, as msg_from
 * and the walk's read of a slice (add_xmsg) make it from what notmuch
 * keeps (DRAFTS: files_in_drafts); its files and tags are the caller's to
 * set.  Caller frees. */
static struct lu_msg *msg_make(struct lu_db *db, const char *mid, const char *tid, const char *file,
                               time_t date, const char *from, const char *subject, int drafts)
{
    struct lu_addr *sender = NULL;
    struct lu_msg *m;

    if (*from && !(sender = lu_addr_plain(from))) {
        GPtrArray *a = lu_addr_list_parse(from);
        if (a->len)
            sender = g_ptr_array_steal_index(a, 0);
        g_ptr_array_free(a, TRUE);
    }
    m = lu_msg_new_indexed(mid, tid, file, date, lu_clean_line(subject), sender,
                           drafts ? "in a drafts folder" : NULL);
    if (m->date < 0 || m->date > db->now + LU_DATE_AHEAD)
        m->date = lu_date_sane(m->date, db->now, arrived(m), m->mid);
    return m;
}

/* NM as leadup reads it (caller frees), K (or NULL) what its values are, or NULL when
 * notmuch could not read it.  libnotmuch catches most of Xapian's exceptions itself and
 * answers NULL for a header it keeps in the index, the file names or the
 * tags only then (notmuch.h; a missing header is ""): the snapshot went
 * away under the read, which must not pass for a message without a sender
 * or a file ("cannot open '(null)'", and a thread decided on nothing). */
static struct lu_msg *msg_from(struct lu_db *db, notmuch_message_t *nm, const struct kept *k)
{
    const char *from = k && *k->from ? k->from : notmuch_message_get_header(nm, "from");
    const char *subject = k && *k->subject ? k->subject : notmuch_message_get_header(nm, "subject");
    const char *file = notmuch_message_get_filename(nm);
    notmuch_tags_t *tags = notmuch_message_get_tags(nm);
    int drafts = from && subject && file && tags ? all_in_drafts(db, nm) : -1;
    struct lu_msg *m;

    if (drafts < 0) {
        if (tags)
            notmuch_tags_destroy(tags);
        return NULL;
    }
    m = msg_make(db, notmuch_message_get_message_id(nm), notmuch_message_get_thread_id(nm), file,
                 k ? k->date : notmuch_message_get_date(nm), from, subject, drafts);
    /* the file list is read already (get_filename): a count of it */
    m->files = (unsigned)MAX(notmuch_message_count_files(nm), 0);
    for (; notmuch_tags_valid(tags); notmuch_tags_move_to_next(tags))
        g_ptr_array_add(m->tags, g_strdup(notmuch_tags_get(tags)));
    notmuch_tags_destroy(tags);
    return m;
}

static notmuch_query_t *make_query(struct lu_db *db, const char *query, notmuch_sort_t sort)
{
    notmuch_query_t *q = notmuch_query_create(db->db, query);

    if (q) {
        /* leadup looks at everything: a reply tagged spam is still a reply
         * the rules should be able to see; exclusions are the user's view. */
        notmuch_query_set_omit_excluded(q, NOTMUCH_EXCLUDE_FALSE);
        notmuch_query_set_sort(q, sort);
    }
    return q;
}

/* A reader whose snapshot notmuch new replaced meanwhile (Xapian's
 * DatabaseModifiedError) fails with a Xapian exception; every command
 * reads before it writes, so this is the lock timeout's case: nothing
 * changed, the next run (the next hook) catches up. */
static int query_failed(const char *query, notmuch_status_t st)
{
    if (st == NOTMUCH_STATUS_XAPIAN_EXCEPTION)
        return lu_error(EX_TEMPFAIL,
                        "notmuch query '%s' failed: %s (did another program write to the notmuch "
                        "database meanwhile?); nothing changed, try again",
                        query, notmuch_status_to_string(st));
    return lu_error(EX_DATAERR, "notmuch query '%s' failed: %s", query,
                    notmuch_status_to_string(st));
}

/* How many times a read that found its snapshot gone is tried. */
#define READ_TRIES 4

/* A read-only handle reads one snapshot; once writers have committed twice
 * since, Xapian refuses it (DatabaseModifiedError), and every read of it
 * fails from then on.  Before the try after ATTEMPT, reopen DB at the
 * newest revision: false when no try is left or the reopen failed (a
 * handle opened for writing always reads the newest: trying again would
 * not help). */
static bool read_again(struct lu_db *db, int attempt)
{
    /* The term frequencies are asked of the new snapshot. */
    lu_xcount_close(db->xcount);
    db->xcount = NULL;
    db->xcount_tried = false;
    return attempt + 1 < READ_TRIES && !db->writable &&
           notmuch_database_reopen(db->db, NOTMUCH_DATABASE_MODE_READ_ONLY) ==
               NOTMUCH_STATUS_SUCCESS;
}

/* notmuch_database_find_message, read again while the snapshot is gone.
 * *NM: the message (the caller destroys it) or NULL when notmuch has no
 * such message.  Returns 0 or a status (printed). */
static int find_message(struct lu_db *db, const char *mid, notmuch_message_t **nm)
{
    notmuch_status_t st;
    int ret = 0;

    for (int attempt = 0;; attempt++) {
        st = notmuch_database_find_message(db->db, mid, nm);
        if (st != NOTMUCH_STATUS_XAPIAN_EXCEPTION || !read_again(db, attempt))
            break;
    }
    if (st) {
        char *q = g_strconcat("id:", mid, NULL);
        *nm = NULL;
        ret = query_failed(q, st);
        g_free(q);
    }
    return ret;
}

int lu_db_find_mid(struct lu_db *db, const char *mid, char **id)
{
    return lu_db_find_thread(db, mid, id, NULL);
}

int lu_db_find_thread(struct lu_db *db, const char *mid, char **id, char **tid)
{
    notmuch_message_t *nm = NULL;
    notmuch_bool_t ghost = FALSE;
    notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
    int ret = find_message(db, mid, &nm);

    *id = NULL;
    if (tid)
        *tid = NULL;
    if (ret || !nm)
        return ret;
    *id = g_strdup(notmuch_message_get_message_id(nm));
    /* A ghost (a message only referred to) is no message `id:` finds. */
    if (tid)
        st = notmuch_message_get_flag_st(nm, NOTMUCH_MESSAGE_FLAG_GHOST, &ghost);
    if (st) {
        char *q = g_strconcat("id:", mid, NULL);
        ret = query_failed(q, st);
        g_free(q);
    } else if (tid && !ghost) {
        *tid = g_strdup(notmuch_message_get_thread_id(nm));
    }
    notmuch_message_destroy(nm);
    return ret;
}

/* notmuch's Xapian database beside DB (NULL: not usable), opened on the
 * first ask after each (re)open. */
static struct lu_xcount *xcount(struct lu_db *db);

/* Adds the Message-IDs of VALUE ("<a@b> <c@d>": In-Reply-To, References)
 * but SELF to SET, each parsed as notmuch parses them for its reference
 * terms (lib/add-message.cc parse_references): the two ways of answers
 * give one set. */
static void add_ids(GHashTable *set, const char *value, const char *self)
{
    const char *p = value;

    while (p && *p) {
        char *id = lu_mid_parse(p, &p);
        if (id && strcmp(id, self) != 0)
            g_hash_table_add(set, id);
        else
            g_free(id);
    }
}

guint64 lu_refs_by_terms, lu_refs_by_files;
bool lu_debug_no_refterms;
bool lu_debug_no_values;
guint64 lu_values_kept;

/* The Message-IDs M answers (In-Reply-To, References, read from its file
 * by notmuch) into *OUT (caller frees).  Returns notmuch's status of the
 * lookup: a failed one is not "answers nothing". */
static notmuch_status_t answers(struct lu_db *db, const struct lu_msg *m, GHashTable **out)
{
    notmuch_message_t *nm = NULL;
    notmuch_status_t st = notmuch_database_find_message(db->db, m->mid, &nm);

    *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!st && nm) {
        add_ids(*out, notmuch_message_get_header(nm, "in-reply-to"), m->mid);
        add_ids(*out, notmuch_message_get_header(nm, "references"), m->mid);
        notmuch_message_destroy(nm);
    }
    return st;
}

/* Which of RUN's N messages answers which into ANS (N x N, zeroed: row K
 * the messages K answers): from the terms notmuch indexed them as
 * (xapian-count.h lu_xcount_answered), one posting list a message; the
 * row of a message of other than one file (notmuch took its terms from
 * the first file it indexed, the header comes from the first of its names
 * now) from its file, and every row with no Xapian database or with
 * LEADUP_DEBUG_NO_REFTERMS.  Returns notmuch's status of the lookups. */
static notmuch_status_t run_answers(struct lu_db *db, struct lu_msg **run, guint n, bool *ans)
{
    const char **mids = g_new(const char *, n);
    bool terms = !lu_debug_no_refterms && xcount(db);
    notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;

    for (guint k = 0; k < n; k++)
        mids[k] = run[k]->mid;
    if (terms && lu_xcount_answered(db->xcount, mids, n, ans) != 0) {
        memset(ans, 0, (gsize)n * n * sizeof *ans);
        terms = false;
    }
    for (guint k = 0; k < n && !st; k++) {
        GHashTable *set = NULL;

        if (terms && run[k]->files == 1) {
            lu_refs_by_terms++;
            continue;
        }
        lu_refs_by_files++;
        st = answers(db, run[k], &set);
        for (guint l = 0; l < n; l++)
            ans[k * n + l] = l != k && g_hash_table_contains(set, run[l]->mid);
        g_hash_table_destroy(set);
    }
    g_free(mids);
    return st;
}

/* RUN, N messages of one second in Message-ID order, in reply order: each
 * after the messages of the run it answers, the smallest Message-ID first
 * among those ready (Kahn's algorithm; in a loop of references, the
 * smallest left).  Only runs of one second read what they answer (from
 * notmuch's terms, else the files), and only up to TIE_RUN_MAX messages
 * (beyond: Message-ID order).  Returns
 * notmuch's status (RUN is left as it was when a lookup failed). */
#define TIE_RUN_MAX 200
static notmuch_status_t order_run(struct lu_db *db, struct lu_msg **run, guint n)
{
    bool *ans = g_new0(bool, (gsize)n *n); /* row k: the run's messages k answers */
    guint *waits = g_new0(guint, n);       /* the run's messages it answers not yet placed */
    struct lu_msg **out = g_new0(struct lu_msg *, n);
    bool *placed = g_new0(bool, n);
    notmuch_status_t st = run_answers(db, run, n, ans);

    if (st)
        goto out;
    for (guint k = 0; k < n; k++)
        for (guint l = 0; l < n; l++)
            waits[k] += ans[k * n + l];
    for (guint o = 0; o < n; o++) {
        guint pick = n;
        for (guint k = 0; k < n && pick == n; k++)
            if (!placed[k] && !waits[k])
                pick = k;
        for (guint k = 0; k < n && pick == n; k++)
            if (!placed[k])
                pick = k;
        placed[pick] = true;
        out[o] = run[pick];
        for (guint k = 0; k < n; k++)
            if (!placed[k] && ans[k * n + pick])
                waits[k]--;
    }
    memcpy(run, out, n * sizeof *out);
out:
    g_free(ans);
    g_free(waits);
    g_free(out);
    g_free(placed);
    return st;
}

/* A thread's MSGS in a fixed order: by date, a message after those it
 * answers within one second (a reply whose clock was a little behind),
 * then by Message-ID; never by the index order.  Returns notmuch's status
 * of the lookups that takes. */
static notmuch_status_t thread_order(struct lu_db *db, GPtrArray *msgs)
{
    notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
    guint j;

    g_ptr_array_sort(msgs, lu_msg_compare_date);
    for (guint i = 0; i < msgs->len && !st; i = j) {
        gint64 date = ((struct lu_msg *)g_ptr_array_index(msgs, i))->date;

        for (j = i + 1;
             j < msgs->len && ((struct lu_msg *)g_ptr_array_index(msgs, j))->date == date; j++)
            ;
        if (j - i > 1 && j - i <= TIE_RUN_MAX)
            st = order_run(db, (struct lu_msg **)msgs->pdata + i, j - i);
    }
    return st;
}

/* What a reader of one message (read_fn) answers read_query. */
enum { READ_ON, READ_STOP, READ_FAILED };
typedef int (*read_fn)(struct lu_db *db, notmuch_message_t *nm, void *data);

/* Gives each message QUERY matches, in SORT order, to FN (which keeps
 * what it wants in DATA; NM is destroyed after it).  The snapshot can go
 * at any read (read_again): notmuch_query_search_messages then fails with
 * a Xapian exception, notmuch_messages_get throws it (nm-guard.cc catches
 * it), a message's accessors answer NULL (FN says READ_FAILED).  Then
 * FORGET (DATA) drops what FN kept, the handle is reopened and the query
 * read again from the start.  Returns 0 or a status (printed; EX_TEMPFAIL
 * when every try found its snapshot gone). */
static int read_query(struct lu_db *db, const char *query, notmuch_sort_t sort, read_fn fn,
                      void (*forget)(void *), void *data)
{
    notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;

    if (strstr(query, "lastmod:"))
        lu_lastmod_reads++;
    for (int attempt = 0; attempt == 0 || read_again(db, attempt - 1); attempt++) {
        notmuch_query_t *q = make_query(db, query, sort);
        notmuch_messages_t *ms = NULL;
        int r = READ_ON;

        if (!q)
            return lu_error(EX_SOFTWARE, "out of memory creating query '%s'", query);
        if (attempt)
            forget(data);
        st = notmuch_query_search_messages(q, &ms);
        for (; !st && r == READ_ON && notmuch_messages_valid(ms);
             notmuch_messages_move_to_next(ms)) {
            notmuch_message_t *nm;
            st = lu_nm_messages_get(ms, &nm);
            if (st)
                break;
            lu_messages_read++;
            r = fn(db, nm, data);
            notmuch_message_destroy(nm);
            if (r == READ_FAILED)
                st = NOTMUCH_STATUS_XAPIAN_EXCEPTION;
        }
        notmuch_query_destroy(q); /* and MS with it */
        if (st != NOTMUCH_STATUS_XAPIAN_EXCEPTION)
            break;
    }
    return st ? query_failed(query, st) : 0;
}

/* read_fn: M's thread id into the struct thread_ids, once, unless an
 * earlier query of the walk had it (DONE). */
struct thread_ids {
    GPtrArray *ids;
    GHashTable *seen;
    const struct lu_idset *done;
    GHashTable *matched; /* NULL, or the Message-IDs read are added */
};

static int add_thread_id(struct lu_db *db, notmuch_message_t *nm, void *data)
{
    struct thread_ids *t = data;
    const char *tid = notmuch_message_get_thread_id(nm);

    if (t->matched && notmuch_message_get_message_id(nm))
        g_hash_table_add(t->matched, g_strdup(notmuch_message_get_message_id(nm)));
    if (tid && !g_hash_table_contains(t->seen, tid)) {
        g_hash_table_add(t->seen, g_strdup(tid));
        if (t->done && lu_idset_has(t->done, tid))
            lu_threads_again++; /* its newest (oldest) message came earlier */
        else
            g_ptr_array_add(t->ids, g_strdup(tid));
    }
    return READ_ON;
}

static void forget_thread_ids(void *data)
{
    struct thread_ids *t = data;

    g_ptr_array_set_size(t->ids, 0);
    g_hash_table_remove_all(t->seen);
    if (t->matched)
        g_hash_table_remove_all(t->matched);
}

/* read_fn: the message into the GPtrArray of struct lu_msg DATA. */
static int add_msg(struct lu_db *db, notmuch_message_t *nm, void *data)
{
    struct lu_msg *m = msg_from(db, nm, NULL);

    if (!m)
        return READ_FAILED;
    g_ptr_array_add(data, m);
    return READ_ON;
}

/* The threads of the messages QUERY matches, by thread id, in the order
 * their first message comes in SORT (notmuch's order for threads).  Into
 * *OUT (owned by the caller); the messages' ids into MATCHED (may be
 * NULL).  Returns 0 or a status (printed). */
static int thread_ids(struct lu_db *db, const char *query, notmuch_sort_t sort,
                      const struct lu_idset *done, GHashTable *matched, GPtrArray **out)
{
    struct thread_ids t = {g_ptr_array_new_with_free_func(g_free),
                           g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), done,
                           matched};
    int ret = read_query(db, query, sort, add_thread_id, forget_thread_ids, &t);

    g_hash_table_destroy(t.seen);
    *out = t.ids;
    return ret;
}

unsigned lu_thread_batch = LU_THREAD_BATCH;
guint64 lu_thread_queries, lu_messages_read, lu_count_matches, lu_lastmod_reads;

/* A batch of threads being read (read_threads): thread id -> GPtrArray
 * of struct lu_msg, and whether read_query had to forget what it read. */
struct batch {
    GHashTable *by_tid;
    bool forgot;
    GHashTable *kept; /* Message-ID -> struct kept (lu_xcount_values), or NULL */
};

/* read_fn: the message into its thread's array of the struct batch DATA.
 * A message of a thread outside the batch (threads merged since the walk
 * read their ids) is dropped: the next scan sees where it went. */
static int add_batched(struct lu_db *db, notmuch_message_t *nm, void *data)
{
    struct batch *b = data;
    const char *mid = b->kept ? notmuch_message_get_message_id(nm) : NULL;
    struct lu_msg *m = msg_from(db, nm, mid ? g_hash_table_lookup(b->kept, mid) : NULL);
    GPtrArray *t;

    if (!m)
        return READ_FAILED;
    t = g_hash_table_lookup(b->by_tid, m->thread_id);
    if (t)
        g_ptr_array_add(t, m);
    else
        lu_msg_free(m);
    return READ_ON;
}

static void forget_batched(void *data)
{
    struct batch *b = data;
    GHashTableIter it;
    gpointer t;

    b->forgot = true;
    /* of the snapshot that went: notmuch answers for the new one */
    g_clear_pointer(&b->kept, g_hash_table_destroy);
    g_hash_table_iter_init(&it, b->by_tid);
    while (g_hash_table_iter_next(&it, NULL, &t))
        g_ptr_array_set_size(t, 0);
}

char *lu_db_threads_query(char **tids, guint n, const char *rest)
{
    GString *q = g_string_new(rest ? "(" : "");

    for (guint k = 0; k < n; k++)
        g_string_append_printf(q, "%sthread:%s", k ? " or " : "", tids[k]);
    if (rest)
        g_string_append_printf(q, ") and not (%s)", rest);
    return g_string_free(q, FALSE);
}

/* The messages of thread TID (listed: L, or NULL) that the caller keeps
 * as they are (db->rows) into OUT; a query of the others into Q ("id:"
 * each, or the whole thread when none was kept).  L->served counts those
 * given. */
static void rows_or_query(struct lu_db *db, const char *tid, struct listed *l, GPtrArray *out,
                          GString *q)
{
    guint n = l && l->whole ? l->mids->len : 0;
    struct lu_msg **got = n ? g_new0(struct lu_msg *, n) : NULL;

    if (n)
        db->rows(tid, (const char *const *)l->mids->pdata, (const gint64 *)l->lastmod->data,
                 (const gint64 *)l->date->data, n, got, db->rows_data);
    for (guint i = 0; i < n; i++)
        l->served += got[i] != NULL;
    if (!n || !l->served) {
        g_string_append_printf(q, "%sthread:%s", q->len ? " or " : "", tid);
        g_free(got);
        return;
    }
    for (guint i = 0; i < n; i++) {
        if (got[i]) {
            g_ptr_array_add(out, got[i]);
            continue;
        }
        char *id = lu_db_quote(g_ptr_array_index(l->mids, i));
        g_string_append_printf(q, "%sid:%s", q->len ? " or " : "", id);
        g_free(id);
    }
    lu_rows_used += l->served;
    g_free(got);
}

/* Whether every thread some of whose messages were kept (rows_or_query)
 * holds each message the value streams listed, after the query. */
static bool rows_complete(struct listed **lists, GPtrArray **out, guint n)
{
    for (guint k = 0; lists && k < n; k++)
        if (lists[k]->served && out[k]->len != lists[k]->mids->len)
            return false;
    return true;
}

/* The values of the N threads TIDS into B->kept, and with the caller's
 * kept messages (db->rows) each thread's messages listed: *LISTS (caller
 * frees, listed_free each), else NULL. */
static void read_values(struct lu_db *db, char **tids, guint n, struct batch *b,
                        struct listed ***lists)
{
    struct values v = {
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)kept_free), NULL};

    if (db->rows && !lu_debug_no_rows) {
        v.t = g_new0(struct listed *, n);
        for (guint k = 0; k < n; k++) {
            v.t[k] = g_new0(struct listed, 1);
            v.t[k]->mids = g_ptr_array_new_with_free_func(g_free);
            v.t[k]->lastmod = g_array_new(FALSE, FALSE, sizeof(gint64));
            v.t[k]->date = g_array_new(FALSE, FALSE, sizeof(gint64));
            v.t[k]->whole = true;
        }
    }
    if (lu_xcount_values(db->xcount, (const char *const *)tids, n, keep_values, &v) != 0) {
        g_hash_table_destroy(v.kept);
        for (guint k = 0; v.t && k < n; k++)
            listed_free(v.t[k]);
        g_clear_pointer(&v.t, g_free);
        v.kept = NULL;
    } else {
        lu_values_kept += g_hash_table_size(v.kept);
    }
    b->kept = v.kept;
    *lists = v.t;
}

/* The messages of the N threads TIDS added to OUT[0..N-1] (struct
 * lu_msg; each then in thread_order, empty: a thread gone since), read
 * with one query (`thread:A or thread:B ...`): a query costs libnotmuch
 * and Xapian more than the few messages of a thread it finds.  With REST,
 * OUT holds the messages REST matches already (the walk's slice) and only
 * the others are read; a read that had to start again reads the threads
 * whole.  Whole threads take the messages the caller keeps as they are
 * (lu_db_set_rows) and read only the others; a read that had to start
 * again, or that did not find each message listed, reads them whole.
 * A lookup of the ordering that finds the snapshot gone reads the
 * batch again.  Returns 0 or a status (printed). */
static int read_threads(struct lu_db *db, char **tids, guint n, const char *rest, GPtrArray **out)
{
    struct batch b = {g_hash_table_new(g_str_hash, g_str_equal), false, NULL};
    struct listed **lists = NULL;
    char *whole = lu_db_threads_query(tids, n, NULL), *q = NULL;
    int ret;

    for (guint k = 0; k < n; k++)
        g_hash_table_insert(b.by_tid, tids[k], out[k]);
    /* Whole threads (a full walk's rest, the messages outside its slice,
     * would read the slice's values for nothing), and only with Xapian
     * open already (a scan's changed messages opened it): opening it is
     * 0.1 M, more than a thread of a few messages saves (draft X, 4). */
    if (!rest && !lu_debug_no_values && db->xcount)
        read_values(db, tids, n, &b, &lists);
    if (lists) {
        GString *rq = g_string_new(NULL);
        for (guint k = 0; k < n; k++)
            rows_or_query(db, tids[k], lists[k], out[k], rq);
        q = g_string_free(rq, FALSE);
    }
    if (!q)
        q = rest ? lu_db_threads_query(tids, n, rest) : g_strdup(whole);
    for (int attempt = 0;; attempt++) {
        notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
        bool part = strcmp(q, whole) != 0, redo;

        b.forgot = false;
        ret = 0;
        if (*q) {
            lu_thread_queries++;
            ret = read_query(db, q, NOTMUCH_SORT_OLDEST_FIRST, add_batched, forget_batched, &b);
        }
        redo = part && (b.forgot || !rows_complete(attempt ? NULL : lists, out, n));
        for (guint k = 0; !ret && !redo && !st && k < n; k++)
            st = thread_order(db, out[k]);
        if (ret || (!st && !redo))
            break;
        forget_batched(&b);
        g_free(q);
        q = g_strdup(whole);
        if (st && (st != NOTMUCH_STATUS_XAPIAN_EXCEPTION || !read_again(db, attempt))) {
            ret = query_failed(whole, st);
            break;
        }
    }
    for (guint k = 0; lists && k < n; k++)
        listed_free(lists[k]);
    g_free(lists);
    g_hash_table_destroy(b.by_tid);
    if (b.kept)
        g_hash_table_destroy(b.kept);
    g_free(whole);
    g_free(q);
    return ret;
}

int lu_db_thread_read(struct lu_db *db, const char *tid, GPtrArray *out)
{
    char *tids[] = {(char *)tid};

    return read_threads(db, tids, 1, NULL, &out);
}

/* The threads a walk found, in the order walked (IDS), and their messages
 * read so far (MSGS: thread id -> GPtrArray of struct lu_msg; the slice's
 * messages when the walk read them, else none yet); those of DONE
 * (met in an earlier slice) are left out. */
struct walked {
    GPtrArray *ids;
    GHashTable *msgs;
    const struct lu_idset *done;
    GHashTable *again; /* the threads of DONE met in this read */
};

static GPtrArray *walked_msgs(struct walked *w, const char *tid)
{
    GPtrArray *t = g_hash_table_lookup(w->msgs, tid);

    if (!t) {
        t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
        g_hash_table_insert(w->msgs, g_strdup(tid), t);
    }
    return t;
}

/* read_fn: the message into its thread in the struct walked DATA, the
 * thread's id into its order the first time. */
/* Returns false when M's thread was walked already (M freed). */
static bool walked_add(struct walked *w, struct lu_msg *m)
{
    if (!g_hash_table_contains(w->msgs, m->thread_id)) {
        if (w->done && lu_idset_has(w->done, m->thread_id)) {
            if (g_hash_table_add(w->again, g_strdup(m->thread_id)))
                lu_threads_again++; /* its newest (oldest) message came earlier */
            lu_msg_free(m);
            return false;
        }
        g_ptr_array_add(w->ids, g_strdup(m->thread_id));
    }
    g_ptr_array_add(walked_msgs(w, m->thread_id), m);
    return true;
}

static int add_walked(struct lu_db *db, notmuch_message_t *nm, void *data)
{
    struct lu_msg *m = msg_from(db, nm, NULL);

    if (!m)
        return READ_FAILED;
    walked_add(data, m);
    return READ_ON;
}

static void forget_walked(void *data)
{
    struct walked *w = data;

    g_ptr_array_set_size(w->ids, 0);
    g_hash_table_remove_all(w->msgs);
    g_hash_table_remove_all(w->again);
}

unsigned lu_slice_messages = LU_SLICE_MESSAGES;
guint64 lu_slices, lu_slice_most, lu_threads_again, lu_walk_order = LU_FNV64_INIT;

/* The messages dated FROM..TO (seconds, both included; G_MININT64 and
 * G_MAXINT64: an open end). */
struct slice {
    gint64 from, to;
};

/* Its query.  Caller frees. */
static char *slice_query(struct slice sl)
{
    if (sl.from == G_MININT64)
        return g_strdup_printf("date:..@%" G_GINT64_FORMAT, sl.to);
    if (sl.to == G_MAXINT64)
        return g_strdup_printf("date:@%" G_GINT64_FORMAT "..", sl.from);
    return g_strdup_printf("date:@%" G_GINT64_FORMAT "..@%" G_GINT64_FORMAT, sl.from, sl.to);
}

/* Every date cut into slices of at most lu_slice_messages messages (more
 * only where one second holds more), newest first,
 * into *OUT (struct slice; caller frees): what comes after NOW's year
 * ahead (a walk newest first finds none there), then windows down to
 * 1970 whose width follows the counts, the last one open below.  A count
 * costs no MSet (Xapian counts the matches), so a window too full is
 * counted again narrower.  The slices are contiguous: a message notmuch
 * new adds meanwhile falls in one of them.  Returns 0 or a status. */
guint64 lu_dated_counts;
bool lu_debug_no_xdates;

/* The messages dated LO..HI (1 <= LO <= HI) into *C: from DATES (N, sorted:
 * lu_xcount_dates) when not NULL, else notmuch's count of the query. */
static int count_dated(struct lu_db *db, const double *dates, size_t n, gint64 lo, gint64 hi,
                       unsigned *c)
{
    struct slice w = {lo, hi};
    char *q;
    int ret;

    if (dates) {
        size_t a = 0, b = n, e;
        while (a < b) { /* the first >= LO */
            size_t m = a + (b - a) / 2;
            if (dates[m] < (double)lo)
                a = m + 1;
            else
                b = m;
        }
        for (e = a, b = n; e < b;) { /* the first > HI */
            size_t m = e + (b - e) / 2;
            if (dates[m] <= (double)hi)
                e = m + 1;
            else
                b = m;
        }
        *c = (unsigned)(e - a);
        lu_dated_counts++;
        return 0;
    }
    q = slice_query(w);
    ret = lu_db_count(db, q, c);
    g_free(q);
    return ret;
}

static int plan_slices(struct lu_db *db, GArray **out)
{
    const gint64 top = db->now + LU_DATE_AHEAD, widest = (gint64)1 << 40;
    const gint64 most = CLAMP(lu_slice_messages, 1, 1 << 20);
    GArray *sl = g_array_new(FALSE, FALSE, sizeof(struct slice));
    struct slice cur = {top + 1, G_MAXINT64};
    gint64 hi = top, width = 86400, n = 0, dated = 0;
    const double *dates = NULL;
    size_t ndates = 0;
    int ret = 0;

    /* the dates read once, where notmuch's count of each window reads
     * every message's date (the windows grow with the mail) */
    if (lu_debug_no_xdates || !xcount(db) || lu_xcount_dates(db->xcount, &dates, &ndates) != 0)
        dates = NULL;
    g_array_append_val(sl, cur);
    cur.to = top;
    while (hi >= 1) {
        struct slice w = {MAX(1, hi - width + 1), hi};
        unsigned c = 0;

        ret = count_dated(db, dates, ndates, w.from, w.to, &c);
        if (ret)
            break;
        if (c > most && w.from < w.to) {
            width = MAX(1, width * most / c);
            continue;
        }
        if (n && n + c > most) {
            cur.from = hi + 1;
            g_array_append_val(sl, cur);
            lu_slice_most = MAX(lu_slice_most, (guint64)n);
            cur.to = hi;
            n = 0;
        }
        n += c;
        dated += c;
        width = c ? CLAMP(width * most / c, 1, width * 2) : MIN(width * 2, widest);
        hi = w.from - 1;
    }
    cur.from = G_MININT64;
    g_array_append_val(sl, cur);
    lu_slice_most = MAX(lu_slice_most, (guint64)n);
    db->dated = ret ? -1 : dated;
    *out = sl;
    return ret;
}

guint64 lu_xwalk_read, lu_walk_skipped;
bool lu_debug_no_xwalk, lu_debug_walk_again;

void lu_db_set_to(struct lu_db *db, lu_to_fn fn, void *data)
{
    db->to = fn;
    db->to_data = data;
}

/* lu_xcount_slice's FN: the message into the struct walked, as add_walked
 * puts it. */
struct xwalk {
    struct lu_db *db;
    struct walked *w;
};

/* X as msg_from makes it (caller frees), or NULL when notmuch could not
 * read it; a message whose From or Subject notmuch keeps no value of is
 * read through notmuch (which parses its file for them). */
static struct lu_msg *xmsg_make(struct lu_db *db, const struct lu_xmsg *x)
{
    struct lu_msg *m;

    lu_messages_read++;
    if (!x->from || !x->subject) {
        notmuch_message_t *nm = NULL;
        if (find_message(db, x->mid, &nm) != 0 || !nm)
            return NULL;
        m = msg_from(db, nm, NULL);
        notmuch_message_destroy(nm);
        if (!m)
            return NULL;
    } else {
        m = msg_make(db, x->mid, x->tid, x->files[0], (time_t)x->date, x->from, x->subject,
                     files_in_drafts(db, x->files, x->nfiles));
        m->files = x->nfiles;
        for (unsigned i = 0; i < x->ntags; i++)
            g_ptr_array_add(m->tags, g_strdup(x->tags[i]));
    }
    lu_xwalk_read++;
    return m;
}

/* X's to: terms to the caller's reader, for a message its thread will
 * be given with: one of a thread walked already (met again in a later
 * slice) would stay in scan.c's set, which drops a thread's messages
 * once it is decided. */
static void xmsg_to(struct lu_db *db, const struct lu_xmsg *x)
{
    if (db->to)
        db->to(x->mid, x->to, x->nto, x->refs, db->to_data);
}

static int add_xmsg(const struct lu_xmsg *x, void *data)
{
    struct xwalk *xw = data;
    struct lu_msg *m = xmsg_make(xw->db, x);

    if (!m)
        return -1;
    if (walked_add(xw->w, m))
        xmsg_to(xw->db, x);
    return 0;
}

/* lu_xcount_slice's WALKED: whether the thread TID was walked (in an
 * earlier slice), as walked_add drops its message, which is not read
 * again. */
static bool xmsg_walked(const char *tid, void *data)
{
    struct walked *w = ((struct xwalk *)data)->w;

    if (g_hash_table_contains(w->msgs, tid) || !w->done || !lu_idset_has(w->done, tid))
        return false;
    if (g_hash_table_add(w->again, g_strdup(tid)))
        lu_threads_again++;
    lu_walk_skipped++;
    return true;
}

/* The messages of SLICE into W as read_query with add_walked reads them,
 * straight from Xapian (lu_xcount_slice): a first full scan's walk read
 * each message through libnotmuch for 140,000 instructions, a quarter of
 * them its sorting and objects, the rest its term list and values one
 * look-up at a time (issue 14, s34-first).  Returns 0; -1 (W emptied)
 * when Xapian cannot answer: the caller asks notmuch. */
static int read_slice(struct lu_db *db, const struct slice *slice, notmuch_sort_t sort,
                      struct walked *w)
{
    struct xwalk xw = {db, w};
    guint64 read = lu_messages_read, x = lu_xwalk_read;

    if (lu_debug_no_xwalk || !xcount(db))
        return -1;
    if (lu_xcount_slice(db->xcount, (double)slice->from, (double)slice->to,
                        slice->from == G_MININT64, slice->to == G_MAXINT64,
                        sort == NOTMUCH_SORT_NEWEST_FIRST, notmuch_database_get_path(db->db),
                        add_xmsg, lu_debug_walk_again ? NULL : xmsg_walked, &xw) == 0)
        return 0;
    forget_walked(w);
    lu_messages_read = read;
    lu_xwalk_read = x;
    return -1;
}

/* lu_xcount_rest's FN: the message into its thread's array (thread id
 * -> GPtrArray DATA), as add_batched puts it. */
struct xrest {
    struct lu_db *db;
    GHashTable *by_tid;
};

static int add_xrest(const struct lu_xmsg *x, void *data)
{
    struct xrest *xr = data;
    struct lu_msg *m = xmsg_make(xr->db, x);
    GPtrArray *t;

    if (!m)
        return -1;
    t = g_hash_table_lookup(xr->by_tid, m->thread_id);
    if (t) {
        g_ptr_array_add(t, m);
        xmsg_to(xr->db, x);
    } else {
        lu_msg_free(m);
    }
    return 0;
}

/* The messages of the N threads TIDS outside SLICE added to OUT[0..N-1],
 * each then in thread_order, as read_threads reads them with the slice's
 * query as REST, straight from Xapian (lu_xcount_rest): notmuch's `and
 * not (SLICE)` reads the date of every message of the database, 640,000
 * instructions a message found (s34-first).  Counted as a thread query.
 * Returns 0, or read_threads' status when an order's look-up failed (the
 * threads then read whole); -1 (OUT as it was) when Xapian cannot
 * answer: the caller asks notmuch. */
static int read_rest(struct lu_db *db, char **tids, guint n, const struct slice *slice,
                     GPtrArray **out)
{
    struct xrest xr = {db, g_hash_table_new(g_str_hash, g_str_equal)};
    guint *had = g_new(guint, n);
    guint64 read = lu_messages_read, x = lu_xwalk_read;
    int ret = -1;

    for (guint k = 0; k < n; k++) {
        g_hash_table_insert(xr.by_tid, tids[k], out[k]);
        had[k] = out[k]->len;
    }
    if (lu_debug_no_xwalk || !xcount(db) ||
        lu_xcount_rest(db->xcount, (const char *const *)tids, n, (double)slice->from,
                       (double)slice->to, slice->from == G_MININT64, slice->to == G_MAXINT64,
                       notmuch_database_get_path(db->db), add_xrest, &xr) != 0) {
        for (guint k = 0; k < n; k++)
            g_ptr_array_set_size(out[k], had[k]);
        lu_messages_read = read;
        lu_xwalk_read = x;
        goto out;
    }
    ret = 0;
    lu_thread_queries++;
    for (guint k = 0; k < n && !ret; k++)
        if (thread_order(db, out[k])) {
            /* as read_threads does when an order's look-up fails: the
             * threads read whole (through notmuch) */
            for (guint j = 0; j < n; j++)
                g_ptr_array_set_size(out[j], 0);
            ret = read_threads(db, tids, n, NULL, out);
            break;
        }
out:
    g_hash_table_destroy(xr.by_tid);
    g_free(had);
    return ret;
}

/* Each thread of QUERY, its messages oldest first, to FN, but those in
 * DONE (NULL: none), to which each goes.  Not with
 * notmuch_query_search_threads: in libnotmuch (0.37, Debian's) a thread
 * whose own query fails (the snapshot gone, above) is freed and returned
 * all the same (_notmuch_thread_create in lib/thread.cc: `goto DONE`
 * frees `local`, which owns `thread`), and notmuch_thread_destroy on it
 * aborts in talloc ("Bad talloc magic value - access after free"), a scan
 * in some hundreds beside notmuch new (t222).  Asking for the threads'
 * messages here lets a failed ask be reopened and retried.  A SLICE of
 * the full walk (each_thread) is read whole, each message once, its
 * messages kept by thread (a slice's worth: LU_SLICE_MESSAGES bounds the
 * memory), and only the threads' messages outside it are asked for, 64
 * threads to a query (read_threads); another query is read for its
 * thread ids alone (it may match any number of messages), the threads
 * then read whole, 64 to a query; with NOTE, its messages' ids go into
 * NOTE's set and its thread ids to NOTE's function before any thread
 * goes to FN. */
struct noting {
    GHashTable *matched;
    lu_tids_fn found;
};

static int walk_query(struct lu_db *db, const char *query, notmuch_sort_t sort,
                      const struct slice *slice, struct lu_idset *done, const struct noting *note,
                      lu_thread_fn fn, void *data)
{
    struct walked w = {
        NULL,
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref),
        done, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    const guint most = CLAMP(lu_thread_batch, 1, 4096);
    GPtrArray **batch = g_new(GPtrArray *, most);
    int ret;

    if (slice) {
        w.ids = g_ptr_array_new_with_free_func(g_free);
        ret = read_slice(db, slice, sort, &w) == 0
                  ? 0
                  : read_query(db, query, sort, add_walked, forget_walked, &w);
    } else {
        ret = thread_ids(db, query, sort, done, note ? note->matched : NULL, &w.ids);
        if (!ret && note && note->found)
            ret = note->found(w.ids, data);
    }
    for (guint i = 0, n; !ret && i < w.ids->len; i += n) {
        n = MIN(most, w.ids->len - i);
        for (guint k = 0; k < n; k++)
            batch[k] = walked_msgs(&w, w.ids->pdata[i + k]);
        ret = slice ? read_rest(db, (char **)w.ids->pdata + i, n, slice, batch) : -1;
        if (ret < 0)
            ret = read_threads(db, (char **)w.ids->pdata + i, n, slice ? query : NULL, batch);
        for (guint k = 0; !ret && k < n; k++) {
            if (done)
                lu_idset_add(done, w.ids->pdata[i + k]);
            /* the order walked */
            lu_walk_order =
                lu_fnv64(lu_walk_order, w.ids->pdata[i + k], strlen(w.ids->pdata[i + k]));
            lu_walk_order = lu_fnv64(lu_walk_order, "/", 1);
            /* A thread gone since (merged into another, its mail deleted):
             * the next scan sees where its messages went. */
            if (batch[k]->len)
                ret = fn(batch[k], data);
        }
        for (guint k = 0; k < n; k++)
            g_hash_table_remove(w.msgs, w.ids->pdata[i + k]);
    }
    g_free(batch);
    g_ptr_array_free(w.ids, TRUE);
    g_hash_table_destroy(w.msgs);
    g_hash_table_destroy(w.again);
    return ret;
}

/* walk_query, but "*" a date slice at a time: libnotmuch materialises
 * Xapian's MSet of every message a search matches (about 90 bytes each,
 * 27 MB at 300,000 messages), so the full walk asks for a bounded slice
 * at a time, in SORT's order.  The order of the threads is the one "*"
 * gives: a thread comes with the first of its messages in SORT, and
 * every message of one second falls in one slice, so the slices' orders
 * laid end to end are the whole query's; a thread met again in a later
 * slice (its messages on both sides of a cut) was walked already. */
static int each_thread(struct lu_db *db, const char *query, notmuch_sort_t sort,
                       const struct noting *note, lu_thread_fn fn, void *data)
{
    GArray *sl = NULL;
    struct lu_idset *done = NULL;
    int ret;

    if (strcmp(query, "*") != 0)
        return walk_query(db, query, sort, NULL, NULL, note, fn, data);
    if (db->xcount)
        lu_xcount_walk_end(db->xcount); /* none read ahead yet */
    /* the dates it reads stay for the slices (lu_xcount_dates) */
    ret = plan_slices(db, &sl);
    if (ret)
        goto out;
    done = lu_idset_new();
    for (guint i = 0; !ret && i < sl->len; i++) {
        guint k = sort == NOTMUCH_SORT_NEWEST_FIRST ? i : sl->len - 1 - i;
        char *q = slice_query(g_array_index(sl, struct slice, k));

        lu_slices++;
        ret = walk_query(db, q, sort, &g_array_index(sl, struct slice, k), done, NULL, fn, data);
        g_free(q);
    }
out:
    if (db->xcount)
        lu_xcount_walk_end(db->xcount);
    lu_idset_free(done);
    if (sl)
        g_array_free(sl, TRUE);
    return ret;
}

int lu_db_each_thread(struct lu_db *db, const char *query, lu_thread_fn fn, void *data)
{
    return each_thread(db, query, NOTMUCH_SORT_OLDEST_FIRST, NULL, fn, data);
}

int lu_db_each_thread_noting(struct lu_db *db, const char *query, GHashTable *matched,
                             lu_tids_fn found, lu_thread_fn fn, void *data)
{
    struct noting note = {matched, found};

    return each_thread(db, query, NOTMUCH_SORT_OLDEST_FIRST, &note, fn, data);
}

/* notmuch orders threads by their first message in the query's order:
 * newest first, a thread comes when its newest matching message does. */
int lu_db_each_thread_newest(struct lu_db *db, const char *query, lu_thread_fn fn, void *data)
{
    return each_thread(db, query, NOTMUCH_SORT_NEWEST_FIRST, NULL, fn, data);
}

/* read_fn: lu_db_messages' messages, up to the limit; when HI > 0, only
 * those dated LO..HI, and at most FEW seen (else MANY is set). */
struct limited {
    GPtrArray *out;
    int limit;
    time_t last;
    gint64 lo, hi;
    unsigned seen, few;
    bool many;
};

static int add_limited(struct lu_db *db, notmuch_message_t *nm, void *data)
{
    struct limited *l = data;
    time_t date = notmuch_message_get_date(nm);

    if (l->hi > 0 && ++l->seen > l->few) {
        l->many = true;
        return READ_STOP;
    }
    if (l->hi > 0 && (date < l->lo || date > l->hi))
        return READ_ON;
    /* Past the limit, the messages of the last one's date still come:
     * which of them are kept is lu_msg_compare_date's choice, not the index
     * order's. */
    if (l->limit > 0 && (int)l->out->len >= l->limit && date != l->last)
        return READ_STOP;
    l->last = date;
    return add_msg(db, nm, l->out);
}

static void forget_limited(void *data)
{
    struct limited *l = data;

    g_ptr_array_set_size(l->out, 0);
    l->last = 0;
    l->seen = 0;
}

/* L's messages into *OUT, oldest first, at most its limit; returns RET. */
static int limited_out(struct limited *l, int ret, GPtrArray **out)
{
    g_ptr_array_sort(l->out, lu_msg_compare_date);
    if (l->limit > 0 && (int)l->out->len > l->limit)
        g_ptr_array_set_size(l->out, l->limit);
    *out = l->out;
    return ret;
}

int lu_db_messages(struct lu_db *db, const char *query, int limit, GPtrArray **out)
{
    struct limited l = {g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free), limit};

    return limited_out(
        &l, read_query(db, query, NOTMUCH_SORT_OLDEST_FIRST, add_limited, forget_limited, &l), out);
}

/* A query's matches up to this many have their dates compared here. */
#define DATED_FEW 64

int lu_db_messages_dated(struct lu_db *db, const char *query, gint64 lo, gint64 hi, int limit,
                         GPtrArray **out)
{
    struct limited l = {g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free), limit};
    char *q;
    int ret;

    /* notmuch's date range reads the date of every message it spans (some
     * 170 index blocks at 300,000 messages): a query that matches few has
     * their dates compared here, unsorted (all of them are kept, sorted
     * below as notmuch would); one that matches more is asked again with
     * the range. */
    l.lo = lo;
    l.hi = hi;
    l.few = limit > 0 ? MIN(DATED_FEW, limit) : DATED_FEW;
    ret = read_query(db, query, NOTMUCH_SORT_UNSORTED, add_limited, forget_limited, &l);
    if (ret || !l.many)
        return limited_out(&l, ret, out);
    forget_limited(&l);
    l.hi = 0;
    q = g_strdup_printf("(%s) and date:@%" G_GINT64_FORMAT "..@%" G_GINT64_FORMAT, query, lo, hi);
    ret = read_query(db, q, NOTMUCH_SORT_OLDEST_FIRST, add_limited, forget_limited, &l);
    g_free(q);
    return limited_out(&l, ret, out);
}

int lu_db_thread_of(struct lu_db *db, const char *mid, char **tid)
{
    notmuch_message_t *nm = NULL;
    int ret = find_message(db, mid, &nm);

    /* One term lookup: cheap enough to ask for every stored anchor.  A
     * deleted message whose thread lives on stays as a ghost: gone too. */
    *tid = NULL;
    if (!ret && nm) {
        notmuch_bool_t ghost = FALSE;
        notmuch_status_t st = notmuch_message_get_flag_st(nm, NOTMUCH_MESSAGE_FLAG_GHOST, &ghost);
        if (st) {
            char *q = g_strconcat("id:", mid, NULL);
            ret = query_failed(q, st);
            g_free(q);
        } else if (!ghost)
            *tid = g_strdup(notmuch_message_get_thread_id(nm));
        notmuch_message_destroy(nm);
    }
    return ret;
}

gint64 lu_db_dated(const struct lu_db *db)
{
    return db->dated;
}

void lu_db_set_dated(struct lu_db *db, gint64 n)
{
    db->dated = n;
}

guint64 lu_count_queries;

int lu_db_count(struct lu_db *db, const char *query, unsigned *out)
{
    notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;

    lu_count_queries++;
    if (strstr(query, "lastmod:"))
        lu_lastmod_reads++;
    for (int attempt = 0; attempt == 0 || read_again(db, attempt - 1); attempt++) {
        notmuch_query_t *q = make_query(db, query, NOTMUCH_SORT_UNSORTED);

        st = q ? notmuch_query_count_messages(q, out) : NOTMUCH_STATUS_OUT_OF_MEMORY;
        if (q)
            notmuch_query_destroy(q);
        if (st != NOTMUCH_STATUS_XAPIAN_EXCEPTION)
            break;
    }
    if (!st)
        lu_count_matches += *out;
    return st ? query_failed(query, st) : 0;
}

guint64 lu_tag_freqs;
bool lu_debug_no_termfreq;

static struct lu_xcount *xcount(struct lu_db *db)
{
    if (!db->xcount_tried) {
        const char *uuid = NULL;
        unsigned long rev = notmuch_database_get_revision(db->db, &uuid);

        /* notmuch 0.37's database path, from which it found the Xapian
         * directory (lib/open.cc); the same UUID and revision or nothing. */
        db->xcount_tried = true;
        db->xcount =
            lu_xcount_open(notmuch_config_get(db->db, NOTMUCH_CONFIG_DATABASE_PATH), uuid, rev);
    }
    return db->xcount;
}

bool lu_db_values_open(struct lu_db *db)
{
    return !lu_debug_no_values && xcount(db) != NULL;
}

int lu_db_tag_freq(struct lu_db *db, const char *tag, unsigned *out)
{
    if (lu_debug_no_termfreq)
        return -1;
    if (!xcount(db) || lu_xcount_tag(db->xcount, tag, out) != 0)
        return -1;
    lu_tag_freqs++;
    return 0;
}

int lu_db_mail_count(struct lu_db *db, unsigned *out)
{
    if (xcount(db) && lu_xcount_mail(db->xcount, out) == 0)
        return 0;
    return lu_db_count(db, "*", out);
}

guint64 lu_addr_counts;
bool lu_debug_no_xaddr;

int lu_db_count_addr(struct lu_db *db, const char *addr, const char *const *mine, unsigned n,
                     unsigned *out)
{
    if (lu_debug_no_xaddr || !xcount(db) || lu_xcount_addr(db->xcount, addr, mine, n, out) != 0)
        return -1;
    lu_addr_counts++;
    return 0;
}

int lu_db_any_from(struct lu_db *db, const char *const *mine, unsigned n, bool *any)
{
    if (lu_debug_no_xaddr || !n || !xcount(db) || lu_xcount_any_from(db->xcount, mine, n, any) != 0)
        return -1;
    return 0;
}

char *lu_db_doc_mark(struct lu_db *db)
{
    char *mark = xcount(db) ? lu_xcount_mark(db->xcount) : NULL;
    char *out = g_strdup(mark);

    free(mark);
    return out;
}

guint64 lu_changed_by_docid;
bool lu_debug_no_docmark;
bool lu_debug_no_base;
bool lu_debug_no_above;

char *lu_db_base(struct lu_db *db)
{
    char *base = !lu_debug_no_base && xcount(db) ? lu_xcount_base(db->xcount) : NULL;
    char *out = g_strdup(base);

    free(base);
    return out;
}

static void add_mid(const char *mid, void *data)
{
    g_ptr_array_add(data, g_strdup(mid));
}

int lu_db_changed_since(struct lu_db *db, const char *mark, gint64 from, gint64 to,
                        GPtrArray **mids)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

    *mids = NULL;
    if (lu_debug_no_docmark || !mark || from < 0 || to <= from || !xcount(db) ||
        lu_xcount_changed(db->xcount, mark, (unsigned long)from, (unsigned long)to, LU_CHANGED_MOST,
                          add_mid, out) != 0) {
        g_ptr_array_free(out, TRUE);
        return -1;
    }
    lu_changed_by_docid++;
    *mids = out;
    return 0;
}

guint64 lu_since_read, lu_since_above, lu_terms_above;

int lu_db_since(struct lu_db *db, const char *base, unsigned most, GPtrArray **mids)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

    *mids = NULL;
    if (lu_debug_no_base || !base || !xcount(db) ||
        lu_xcount_since(db->xcount, base, most, add_mid, out) != 0) {
        g_ptr_array_free(out, TRUE);
        return -1;
    }
    lu_since_read += out->len;
    *mids = out;
    return 0;
}

int lu_db_above(struct lu_db *db, const char *base, unsigned most, gint64 *above, unsigned *added)
{
    unsigned long did = 0;

    *above = -1;
    *added = 0;
    if (lu_debug_no_base || lu_debug_no_above || !base || !xcount(db) ||
        lu_xcount_above(db->xcount, base, most, &did, added) != 0)
        return -1;
    lu_since_above += *added;
    *above = (gint64)did;
    return 0;
}

int lu_db_count_addr_above(struct lu_db *db, const char *addr, const char *const *mine, unsigned n,
                           gint64 above, unsigned *out)
{
    if (lu_debug_no_xaddr || above < 0 || !xcount(db) ||
        lu_xcount_addr_above(db->xcount, addr, mine, n, (unsigned long)above, out) != 0)
        return -1;
    lu_addr_counts++;
    return 0;
}

static void add_term(unsigned k, const char *term, void *data)
{
    g_ptr_array_add(g_ptr_array_index((GPtrArray *)data, k), g_strdup(term));
}

int lu_db_terms(struct lu_db *db, GPtrArray *mids, const char *prefix, GPtrArray **terms)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);

    *terms = NULL;
    for (guint k = 0; k < mids->len; k++)
        g_ptr_array_add(out, g_ptr_array_new_with_free_func(g_free));
    if (!xcount(db) || lu_xcount_terms(db->xcount, (const char *const *)mids->pdata, mids->len,
                                       prefix, add_term, out) != 0) {
        g_ptr_array_free(out, TRUE);
        return -1;
    }
    *terms = out;
    return 0;
}

/* lu_xcount_terms_above's FN: TERM of message K into DATA, its arrays
 * made as the messages come (one may have no term). */
static void add_term_grown(unsigned k, const char *term, void *data)
{
    GPtrArray *out = data;

    while (out->len <= k)
        g_ptr_array_add(out, g_ptr_array_new_with_free_func(g_free));
    add_term(k, term, data);
}

int lu_db_terms_above(struct lu_db *db, gint64 above, const char *prefix, GPtrArray **terms)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    unsigned n = 0;

    *terms = NULL;
    if (above < 0 || !xcount(db) ||
        lu_xcount_terms_above(db->xcount, (unsigned long)above, prefix, add_term_grown, out, &n) !=
            0) {
        g_ptr_array_free(out, TRUE);
        return -1;
    }
    while (out->len < n)
        g_ptr_array_add(out, g_ptr_array_new_with_free_func(g_free));
    lu_terms_above += n;
    *terms = out;
    return 0;
}

/* A message's run of operations in OPS (the scan plans per message). */
struct op_run {
    guint from, to;
    unsigned docid;
};

static gint cmp_run(gconstpointer a, gconstpointer b)
{
    const struct op_run *x = a, *y = b;

    if (x->docid != y->docid)
        return x->docid < y->docid ? -1 : 1;
    return x->from < y->from ? -1 : x->from > y->from;
}

/* OPS' runs (struct op_run), in document order when Xapian tells each
 * message's document: Xapian reads a tagged document's terms and
 * positions again (termlist and position tables keyed by document id),
 * so neighbours share its blocks, where the scan's order (newest thread
 * first, a thread's messages spread over the years) read one or more per
 * message.  Else in OPS' order.  The writes are the same whatever the
 * order: one atomic section, one revision.  Caller frees. */
static GArray *op_runs(struct lu_db *db, GArray *ops)
{
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(struct op_run));
    GPtrArray *mids = g_ptr_array_new();
    unsigned *ids;

    for (guint i = 0; i < ops->len;) {
        struct op_run r = {i, i, 0};
        const char *mid = g_array_index(ops, struct lu_tagop, i).mid;
        while (r.to < ops->len && strcmp(g_array_index(ops, struct lu_tagop, r.to).mid, mid) == 0)
            r.to++;
        g_array_append_val(runs, r);
        g_ptr_array_add(mids, (gpointer)mid);
        i = r.to;
    }
    ids = g_new0(unsigned, MAX(mids->len, 1));
    /* LEADUP_DEBUG_APPLY_IN_ORDER: the scan's order (t313 compares) */
    if (!g_getenv("LEADUP_DEBUG_APPLY_IN_ORDER") && xcount(db) &&
        lu_xcount_docids(db->xcount, (const char *const *)mids->pdata, mids->len, ids) == 0) {
        for (guint k = 0; k < runs->len; k++)
            g_array_index(runs, struct op_run, k).docid = ids[k];
        g_array_sort(runs, cmp_run);
    }
    g_free(ids);
    g_ptr_array_free(mids, TRUE);
    return runs;
}

/* A message's operations come together (the scan plans per message):
 * frozen, its document is written once, however many tags change.  In
 * document order (op_runs). */
static int apply_runs(struct lu_db *db, GArray *ops)
{
    GArray *runs = op_runs(db, ops);
    notmuch_status_t st;
    int ret = 0;

    for (guint k = 0; k < runs->len && !ret; k++) {
        const struct op_run *r = &g_array_index(runs, struct op_run, k);
        const char *mid = g_array_index(ops, struct lu_tagop, r->from).mid;
        notmuch_message_t *nm = NULL;

        st = notmuch_database_find_message(db->db, mid, &nm);
        if (st || !nm)
            continue; /* gone since we read it: the next scan converges */
        notmuch_message_freeze(nm);
        for (guint i = r->from; i < r->to && !ret; i++) {
            struct lu_tagop *op = &g_array_index(ops, struct lu_tagop, i);
            /* leadup/... tags are not maildir flags: no tags_to_maildir_flags, no renames. */
            st = op->add ? notmuch_message_add_tag(nm, op->tag)
                         : notmuch_message_remove_tag(nm, op->tag);
            if (st)
                ret = lu_error(EX_UNAVAILABLE, "cannot tag message '%s': %s", op->mid,
                               notmuch_status_to_string(st));
        }
        st = notmuch_message_thaw(nm);
        if (st && !ret)
            ret = lu_error(EX_UNAVAILABLE, "cannot tag message '%s': %s", mid,
                           notmuch_status_to_string(st));
        notmuch_message_destroy(nm);
    }
    g_array_free(runs, TRUE);
    return ret;
}

int lu_db_apply_begin(struct lu_db *db, gint64 *before)
{
    notmuch_status_t st;

    *before = lu_db_revision(db, NULL);
    st = notmuch_database_begin_atomic(db->db);
    if (st)
        return lu_error(EX_UNAVAILABLE, "cannot start a notmuch transaction: %s",
                        notmuch_status_to_string(st));
    return 0;
}

int lu_db_apply_some(struct lu_db *db, GArray *ops)
{
    return ops->len ? apply_runs(db, ops) : 0;
}

int lu_db_apply_end(struct lu_db *db, bool commit, gint64 *after)
{
    notmuch_status_t st;

    if (!commit) {
        /* notmuch's close cancels the open transaction (lib/database.cc):
         * nothing of it reaches the database */
        return 0;
    }
    st = notmuch_database_end_atomic(db->db);
    *after = lu_db_revision(db, NULL);
    if (st)
        return lu_error(EX_UNAVAILABLE, "cannot commit tags: %s", notmuch_status_to_string(st));
    return 0;
}

int lu_db_apply(struct lu_db *db, GArray *ops, gint64 *before, gint64 *after)
{
    int ret = 0;

    *before = lu_db_revision(db, NULL);
    *after = *before;
    if (ops->len == 0)
        goto out;
    ret = lu_db_apply_begin(db, before);
    if (ret)
        goto out;
    ret = lu_db_apply_some(db, ops);
    /* what was written before an error commits, as it always did */
    int end = lu_db_apply_end(db, true, after);
    if (!ret)
        ret = end;
out:
    return ret;
}
