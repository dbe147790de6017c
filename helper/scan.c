/* scan.c - read the threads that changed, decide their states, write the
 * tags and the state database.
 *
 * Incremental by notmuch's lastmod: the state database remembers the
 * database UUID and the revision it last saw.  Our own tag writes land in a
 * revision range we record, so they do not make the next run look again.
 * Time alone also changes states (a follow-up falls due, a snooze ends):
 * every item remembers when that happens (next_check) and is looked at
 * again then. */
#include "said.h"
#include "addr.h"
#include "kmsgs.h"
#include "view.h"
#include "fileid.h"
#include "store-scan.h"
#include "senders.h"
#include "walk.h"
#include "timeline.h"
#include "tagwriter.h"

#include <fcntl.h>
#include <gmime/gmime.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

guint lu_plans_held;
guint lu_ahead_analysed, lu_ahead_unused;
guint lu_sender_counts;
guint lu_sender_kept, lu_sender_since;
guint lu_forward_runs, lu_forward_msgs, lu_forward_counts, lu_forward_kept;
bool lu_debug_whole_senders;
guint64 lu_own_texts;

struct scan {
    struct lu_ctx *ctx;
    const struct lu_scan_opts *o;
    struct lu_scan_stats *st;
    struct lu_db *db;
    struct lu_store *store;
    struct lu_rules rules;
    /* The stored decisions (mid -> GPtrArray of struct lu_decision*) and
     * delivery failures (bounced mid -> GPtrArray of light struct lu_msg*):
     * every one (a full scan), else those of the messages in LOOKED, read
     * as their threads are decided (read_rows). */
    GHashTable *decisions;
    GHashTable *bounces;
    GHashTable *looked; /* mids whose rows are read; NULL: every row is */
    /* LOOKED's delivery failures not read (rows_open: a decision's commit);
     * lu_scan's: the state held no decision, no delivery failure, when it
     * began: no thread's are looked up. */
    bool no_decisions, no_bounces;
    GHashTable *waiting;    /* the pending decisions, as DECISIONS (lu_scan only) */
    GArray *redecide_ids;   /* gint64: the undos' marks this run clears (lu_scan only) */
    GPtrArray *redecide;    /* char*: their Message-IDs, parallel (lu_scan only) */
    GPtrArray *new_bounces; /* struct lu_msg*: found in this run, to remember */
    struct lu_idset *done;  /* thread ids already decided in this run */
    GHashTable *pending;    /* thread ids to look at in a second pass */
    GArray *ops;            /* struct lu_tagop */
    /* A first full scan's tags written during its walk (tagwriter.h,
     * tags_walk_start): OPS up to OPS_HANDED went to it; TAGS_BEFORE is
     * the revision its atomic section began at. */
    struct lu_tagwriter *tags;
    guint ops_handed, tags_batch;
    gint64 tags_before;
    /* struct lu_thread_plan*: the threads decided; in lu_scan, those not
     * yet staged (stage_plans). */
    GPtrArray *items;
    bool stage;      /* lu_scan: the plans go to the store in batches */
    bool staged;     /* ... and a batch went (stage_plans) */
    GArray *applied; /* gint64: pending decisions this run settles (tagged, or gone) */
    gint64 stamp;    /* this run's "updated" value */
    /* The directory of the file stat'ed last (file_identity_in), and a
     * descriptor of it (-1: not opened; meaningful only with STAT_DIR). */
    char *stat_dir;
    gsize stat_len;
    int stat_fd;
    bool full;      /* every thread is decided: asked for, or the rules' digest changed */
    unsigned total; /* threads to look at, for progress */
    /* A full scan walks the threads newest first and keeps the messages
     * that can answer elsewhere: norm subject -> GPtrArray of struct
     * recent*, within the unthreaded window after walk_pos, the newest
     * message of the thread last walked.  NULL: ask notmuch per thread. */
    GHashTable *recent;
    gint64 walk_pos;
    /* The analysis cache (lu_scan only; NULL in a thread view, which
     * reads the files): rows made in this run, written in batches. */
    GPtrArray *rows; /* struct cache_row* */
    /* An incremental scan's folded sentences (said.h lu_said_keep), the
     * thread's being decided: Message-ID -> GBytes, the records its rows
     * held (SAID_KEPT) and those made now for them (SAID_MADE, written
     * with the rows by cache_keep_msg).  NULL: a full scan (its workers
     * compare) or a thread view, which neither read nor make them. */
    GHashTable *said_kept, *said_made;
    struct lu_said_keep said_keep;
    /* A run that began with the cache empty (a first scan): the
     * Message-IDs of the rows it made, a Bloom filter (FRESH_BITS), so
     * that a look-up only asks sqlite for a row this run may have
     * written; NULL: every look-up asks (cache_fresh). */
    guint64 *fresh;
    /* The Message-IDs whose rows' analyses this run wrote, the same kind
     * of filter (NULL until the first): a message met again (another
     * thread's, read again) adds to what the first write kept. */
    guint64 *sensed;
    guint32 sensed_bits; /* its size: FRESH_BITS, SENSED_FEW_BITS */
    guint64 parses;      /* lu_mime_parses when the run began */
    /* Reading ahead (a full walk with workers; "Threads" in DEVELOPERS.md):
     * the threads walked and not yet decided, oldest first, with the jobs
     * they wait for, and the jobs of the thread being decided by message. */
    int jobs;                   /* lu_jobs */
    struct lu_workers *workers; /* NULL: everything on this thread */
    GQueue *ahead;              /* struct ahead_thread* */
    guint ahead_jobs;           /* jobs queued in AHEAD */
    GHashTable *read_ahead;     /* struct lu_msg* -> struct ahead* */
    /* Senders' histories counted in this run (sender_history): lower-case
     * address -> struct history*, or NULL; and whether the index holds
     * mail from me (-1: not asked yet). */
    GHashTable *senders;
    int my_mail;
    /* The index this run reads, "UUID REVISION" (lu_scan), and the key of
     * the histories a full walk keeps for the next (senders_key); NULL
     * until the walk asks for one: then they were read from the state
     * when they were counted in this very index. */
    char *index_at;
    char *senders_at;
    gint64 senders_dated;
    /* What the index read indexed (lu_db_base, when a full walk asks its
     * first history: senders_load; NULL: unknown), kept with
     * the histories a full walk keeps (senders_save, meta "senders_base").
     * Outside a full walk, the histories the last full scan kept are read
     * (kept_history) when KEPT_BASE, that meta's value, holds: the
     * messages added since, ADDED of them all numbered above ABOVE
     * (lu_db_above), are counted on top; SINCE, their Message-IDs, read
     * (lu_db_since) only for an address Xapian's postings cannot count
     * (SINCE_TRIED). */
    char *base;
    bool kept_tried, since_tried;
    char *kept_base;
    gint64 above;
    unsigned added;
    GPtrArray *since;
    /* An incremental scan's histories brought forward before its walk
     * (senders_forward; FWD_BASE NULL: not): meta "senders_base" as it
     * read it (FWD_WAS) and as it is to be (FWD_BASE), and the kept
     * histories with the messages added since counted in, which the
     * walk's rules read (kept_history), and of which scan_save keeps those
     * a count moved (FWD_MOVED: address -> history, neither owned). */
    char *fwd_was, *fwd_base;
    GHashTable *fwd_senders, *fwd_moved;
    /* FWD_SENDERS holds only the histories the mail added may count for:
     * the others are read from the table as kept (kept_history). */
    bool fwd_partial;
    /* The lastmod ranges of the messages changed since the last scan, as
     * a query ("lastmod:A..B or ..."; NULL: none, or a full scan), and
     * the Message-IDs it matched (read by the walk: scan_walk). */
    char *changed;
    GHashTable *changed_mids;
    /* The mark of the newest document of the index read (lu_db_doc_mark;
     * NULL: none), kept for the next scan (scan_save, meta "docmark"). */
    char *mark;
    /* The full walk as it is recorded for the next scan: each thread's
     * record as walked (walk_rec; thread id -> GBytes) until it is
     * decided, then with its tag writes on (walk_decided), in order,
     * into WALK_TIDS and WALK_RECS, a batch at a time (NULL: not
     * recorded); the messages recorded, the walk's own function, and the
     * index's dated messages (lu_db_dated) when it was read or replayed.
     * REPLAY: this walk is the kept one's (walk_kept), brought up to the
     * index read by PATCH when notmuch changed since (NULL: it did not). */
    GHashTable *walk_pending;
    GPtrArray *walk_tids, *walk_recs;
    GByteArray *walk_buf; /* walk_record's, reused: each record is copied out at its size */
    /* WALK_UPDATE: a replay with nothing changed in notmuch since (no
     * PATCH): each thread stays where the kept walk has it (WALK_AT:
     * thread id -> position), and only the records the scan's tag writes
     * change are written, at their positions (WALK_POSS, beside
     * WALK_TIDS): the rest of the kept walk is the record already. */
    bool walk_update;
    GHashTable *walk_at;
    GArray *walk_poss;
    guint64 walk_msgs;
    lu_thread_fn walk_fn;
    gint64 walk_dated;
    bool replay;
    /* A full scan that began with no analysis row and no delivery failure
     * in the state (lu_store_prune_none): nothing to prune. */
    bool prune_none;
    /* A full walk's records moved into the kept walk on the rows' thread
     * (walk_move): the key, which names the revision after the tag
     * writes, is set after them (walk_key_put). */
    bool walk_moved;
    /* An incremental scan's kept messages (kmsgs.h): those nm.c took
     * from the state (KMSG_SERVED, Message-ID -> record), the records of the
     * others its threads read, to keep (KMSG_MIDS, KMSG_RECS), under
     * KMSG_KEY (kmsg_init). */
    GHashTable *kmsg_served;
    GPtrArray *kmsg_mids, *kmsg_recs;
    gint64 kmsg_key;
    struct walk_patch *patch;
    /* A full walk read from Xapian: the Message-IDs whose to: terms hold
     * no address of mine (to_terms; NULL: not known for any), and the
     * runs of my addresses and domains that tells by (my_runs). */
    GHashTable *not_to_me;
    GPtrArray *my_runs;
    gint64 rev;         /* the revision of the index read (index_at's) */
    char *walk_setting; /* the drafts setting and mail root (drafts_digest) */
};

/* One row of the analysis cache to write: the whole row (a file read),
 * or only its texts' analyses (HEADERS NULL: the row is there). */
struct cache_row {
    char *mid, *file;
    GBytes *headers, *body;
    GPtrArray *senses; /* GBytes*: the analyses' entries (lu_msgcache_sense), or NULL */
    GBytes *said;      /* the text's folded sentences (said.h), or NULL: the row's stay */
};

static void cache_row_free(struct cache_row *r)
{
    LU_FREE_EACH(g_bytes_unref, r->headers, r->body, r->said);
    g_clear_pointer(&r->senses, g_ptr_array_unref);
    LU_FREE_EACH(g_free, r->mid, r->file, r);
}

/* What a message elsewhere needs before its file is read, kept small (a
 * full walk remembers a window of them): lu_msg_new_indexed's fields, and
 * more that the senders' filter reads. */
struct recent {
    char *mid, *thread_id, *filename, *subject, *from_name, *from_email;
    char **rcpt; /* To and Cc when the file was read (mine always is), or NULL */
    gint64 date;
    const char *unsent;
    bool draft; /* tagged draft */
    /* The analysis cache's row as its thread took it (file identity,
     * headers, text, analyses), when it took it from the row and made
     * nothing new of it: what read_headers would look up again for each
     * thread it is a message elsewhere of (the stat and the sqlite look-up
     * of 0.26 of the messages of a full scan at 300,000); else NULL. */
    char *file_id;
    GBytes *record, *text, *sense;
    /* fold_hash of FROM_EMAIL (0: none) and of each RCPT: the filters of
     * elsewhere_recent compare these before the addresses themselves */
    guint64 from_fold, *rcpt_fold;
};

static void recent_free(struct recent *r)
{
    g_strfreev(r->rcpt);
    g_free(r->rcpt_fold);
    LU_FREE_EACH(g_bytes_unref, r->record, r->text, r->sense);
    LU_FREE_EACH(g_free, r->mid, r->thread_id, r->filename, r->subject, r->from_name, r->from_email,
                 r->file_id, r);
}

static void tagop_clear(struct lu_tagop *op)
{
    g_free(op->mid);
    g_free(op->tag);
}

GDateTime *lu_msg_local_date(const struct lu_config *cfg, const struct lu_msg *m)
{
    GDateTime *l = lu_local_time(m->date, cfg->tz);

    if (g_date_time_get_utc_offset(l) / G_USEC_PER_SEC != m->tz_off) {
        GTimeZone *tz = g_time_zone_new_offset(m->tz_off);
        g_date_time_unref(l);
        l = lu_local_time(m->date, tz);
        g_time_zone_unref(tz);
    }
    return l;
}

/* M's own text extracted from its parsed file: a new body (caller frees). */
static struct lu_body *extract_body(struct lu_msg *m)
{
    struct lu_body *b = g_new0(struct lu_body, 1);
    bool html = false;
    char *text = lu_mime_body_text(m, &html);

    __atomic_add_fetch(&lu_own_texts, 1, __ATOMIC_RELAXED);
    lu_body_extract(text, html, b);
    g_free(text);
    return b;
}

/* The cache's record of the own text of F (a parsed file; caller frees). */
static GBytes *text_record(struct lu_msg *f)
{
    struct lu_body *b = extract_body(f);
    GBytes *t = lu_msgcache_body(b);

    lu_body_free(b);
    return t;
}

static int read_records(struct lu_msg *f, const char *path, bool quiet, GBytes **record,
                        GBytes **text);

/* M's own text read from its file when the cache's row of it holds its
 * headers alone (worth_reading, ahead_run): made now, and kept for the
 * cache's row with the headers it has.  Quiet: a file that cannot be read
 * is read once more by lu_msg_read_body, which says why. */
static void read_text_record(struct lu_msg *m)
{
    struct lu_msg *f = lu_msg_new();
    GBytes *record = NULL;

    if (read_records(f, m->filename, true, &record, &m->text_record) == 0)
        m->parsed = m->file_id != NULL;
    g_clear_pointer(&record, g_bytes_unref);
    lu_msg_free(f);
}

void lu_msg_read_body(struct lu_msg *m)
{
    if (m->body)
        return;
    /* Kept by the scan when it read the file, or from the analysis cache
     * (whose row may hold the headers alone: the text is read now). */
    if (m->record && !m->text_record && m->filename)
        read_text_record(m);
    if (m->text_record) {
        m->body = lu_msgcache_body_load(m->text_record);
        return;
    }
    if (!m->mime && m->filename && lu_mime_read_file(m, m->filename) != 0) {
        /* Unreadable: analyse nothing, and say so once (the file vanished?). */
        lu_warning("cannot read message '%s'; treating it as empty", m->mid ? m->mid : "?");
    }
    m->body = extract_body(m);
}

_Thread_local guint64 lu_analyses, lu_senses_found;

/* Keeps ENTRY (taken) among the analyses M's row is to keep, once. */
static void sense_keep(struct lu_msg *m, GBytes *entry)
{
    gsize n = 0;
    const guint8 *key = g_bytes_get_data(entry, &n);

    if (!m->senses)
        m->senses = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    for (guint i = 0; i < m->senses->len; i++)
        if (lu_msgcache_sense_is(g_ptr_array_index(m->senses, i), key)) {
            g_bytes_unref(entry);
            return;
        }
    g_ptr_array_add(m->senses, entry);
}

void lu_msg_analyse(const struct lu_config *cfg, struct lu_msg *m)
{
    guint8 key[LU_SENSE_KEY];
    GBytes *entry = NULL;
    GDateTime *ref;
    const char *text;

    if (m->an)
        return;
    /* The body may be read already, and the rules may have dropped what it
     * pasted from earlier messages (thread.c). */
    lu_msg_read_body(m);
    text = m->body->text ? m->body->text : "";
    ref = lu_msg_local_date(cfg, m);
    /* The analysis the cache's row keeps under this very key, else made
     * now and kept for the row (cache_keep_msg writes it). */
    lu_msgcache_sense_key(&cfg->cal, ref, m->date, m->tz_off, text, key);
    m->an = lu_msgcache_sense_find(m->sense_record, key, &entry);
    if (m->an) {
        lu_senses_found++;
    } else {
        m->an = g_new0(struct lu_analysis, 1);
        lu_analyses++;
        lu_analyse_text(text, ref, &cfg->cal, m->an);
        lu_msgm_decide(text, m->an);
        entry = lu_msgcache_sense(key, m->an);
        m->sense_new = true;
    }
    sense_keep(m, entry);
    g_date_time_unref(ref);
}

static void analyse_cb(struct lu_msg *m, void *data)
{
    lu_msg_analyse(data, m);
}

static void body_cb(struct lu_msg *m, void *data)
{
    (void)data;
    lu_msg_read_body(m);
}

/* The identity of the file at PATH: device, inode, size and modification
 * time, which a maildir flag change (a rename) keeps and an edit does not.
 * NULL when it cannot be looked at.  Caller frees. */
static char *identity_of(const struct stat *sb)
{
    return lu_file_identity_of(sb); /* fileid.h: printf's text, by hand */
}

static char *file_identity(const char *path)
{
    struct stat sb;

    if (!path || stat(path, &sb) != 0)
        return NULL;
    return identity_of(&sb);
}

/* file_identity, the file stat'ed by its name in a descriptor of its
 * directory kept from the file before (a maildir's files share a few
 * directories): the same identity, without the kernel walking the
 * path's every directory again (a settings change at 300,000 messages
 * stats 560,000 files; the path's walk was most of the stat's time). */
static char *file_identity_in(struct scan *s, const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    gsize n = slash ? (gsize)(slash - path) : 0;
    struct stat sb;

    if (!n || !slash[1])
        return file_identity(path);
    if (!s->stat_dir || s->stat_len != n || memcmp(s->stat_dir, path, n) != 0) {
        if (s->stat_dir && s->stat_fd >= 0)
            close(s->stat_fd);
        g_free(s->stat_dir);
        s->stat_dir = g_strndup(path, n);
        s->stat_len = n;
        s->stat_fd = open(s->stat_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    if (s->stat_fd < 0)
        return file_identity(path);
    if (fstatat(s->stat_fd, slash + 1, &sb, 0) != 0)
        return NULL;
    return identity_of(&sb);
}

/* The fresh filter's bits: 512 KB, a few per cent of false positives (a
 * look-up that finds nothing, as it did before) at 300,000 rows. */
#define FRESH_BITS (1u << 22)
/* The sensed filter of a scan that decides only some threads: 32 KB
 * (0.1% false positives at 10,000 rows).  Clearing FRESH_BITS' 512 KB
 * was 0.53 M of the 29.9 M instructions of a one-new-message scan at
 * 30,000 messages (issue 14); a false positive costs a look-up. */
#define SENSED_FEW_BITS (1u << 18)

guint64 lu_cache_lookups, lu_cache_hits;

/* MID's three bits in a filter of NBITS (a power of two; FNV-1a, double
 * hashing). */
static void fresh_bits(const char *mid, guint32 nbits, guint32 bit[3])
{
    guint64 h = lu_fnv64(LU_FNV64_INIT, mid, strlen(mid));

    for (guint32 i = 0; i < 3; i++)
        bit[i] = ((guint32)h + i * ((guint32)(h >> 32) | 1)) & (nbits - 1);
}

static void fresh_add(struct scan *s, const char *mid)
{
    guint32 bit[3];

    if (!s->fresh)
        return;
    fresh_bits(mid, FRESH_BITS, bit);
    for (int i = 0; i < 3; i++)
        s->fresh[bit[i] / 64] |= (guint64)1 << (bit[i] % 64);
}

/* Whether the cache may hold a row of MID: always, unless the run began
 * with it empty and made no row of MID since. */
static bool fresh_may_have(const struct scan *s, const char *mid)
{
    guint32 bit[3];

    if (!s->fresh)
        return true;
    fresh_bits(mid, FRESH_BITS, bit);
    for (int i = 0; i < 3; i++)
        if (!(s->fresh[bit[i] / 64] & ((guint64)1 << (bit[i] % 64))))
            return false;
    return true;
}

/* The cache's row for MID read from the file FILE_ID, as records into
 * *HV, *TEXT and *SENSE (its texts' analyses, or NULL; the caller's), when
 * it has one leadup wrote as it reads now; its folded sentences, when it
 * has them, into S->said_kept (an incremental scan's). */
static bool cache_get(struct scan *s, const char *mid, const char *file_id, GBytes **hv_out,
                      GBytes **text_out, GBytes **sense_out)
{
    GBytes *h = NULL, *b = NULL, *sense = NULL, *said = NULL;
    bool hit = false;

    if (!file_id || !s->store || !fresh_may_have(s, mid))
        goto out;
    lu_cache_lookups++;
    if (lu_store_analysis_read(s->store, mid, file_id, lu_analyser, &h, &b, &sense,
                               s->said_kept ? &said : NULL) != 0 ||
        !h)
        goto out;
    /* A row leadup did not write as it reads now (damage): read the file.
     * A row without a text holds the headers alone (ahead_wants_text). */
    if (!lu_msgcache_check(h, b))
        goto out;
    *hv_out = g_steal_pointer(&h);
    *text_out = g_steal_pointer(&b);
    *sense_out = g_steal_pointer(&sense);
    if (said)
        g_hash_table_replace(s->said_kept, g_strdup(mid), g_steal_pointer(&said));
    hit = true;
    lu_cache_hits++;
out:
    LU_FREE_EACH(g_bytes_unref, h, b, sense, said);
    return hit;
}

/* M's headers (and own text, when it was read before) from the analysis
 * cache, when its file is the one the row was made from. */
static bool cache_load(struct scan *s, struct lu_msg *m)
{
    g_free(m->file_id);
    m->file_id = file_identity_in(s, m->filename);
    g_clear_pointer(&m->sense_record, g_bytes_unref);
    if (!cache_get(s, m->mid, m->file_id, &m->record, &m->text_record, &m->sense_record))
        return false;
    lu_msgcache_apply(m, m->record);
    /* The text waits for the rules to ask (lu_msg_read_body), as a file's does. */
    s->st->cached++;
    return true;
}

/* Reads the file PATH alone into F (the caller's) and makes the cache's
 * records of it into *RECORD and *TEXT (the caller's): its headers, and
 * its own text, extracted now, while the file is parsed, for the cache (a
 * later run that needs it, under another setting, then parses nothing).
 * TEXT NULL: the headers alone (the caller may take the text from F).
 * QUIET: a worker thread's read, which prints nothing. */
static int read_records(struct lu_msg *f, const char *path, bool quiet, GBytes **record,
                        GBytes **text)
{
    int ret = quiet ? lu_mime_try_file(f, path) : lu_mime_read_file(f, path);

    if (ret)
        return ret;
    *record = lu_msgcache_headers(f);
    if (text)
        *text = text_record(f);
    return 0;
}

/* Reads M's file alone and merges what it says onto M through the
 * cache's record (msgcache.c), so that a message read and one from the
 * cache are the same to the rules.  The file's identity is taken before
 * it is read: a file changed meanwhile is read again next time.  FILE
 * (may be NULL): the parsed file is the caller's, its text not extracted. */
static int read_file_cached(struct lu_msg *m, struct lu_msg **file)
{
    struct lu_msg *f = lu_msg_new();
    int ret;

    if (!m->file_id)
        m->file_id = file_identity(m->filename);
    ret = read_records(f, m->filename, false, &m->record, file ? NULL : &m->text_record);
    if (!ret) {
        lu_msgcache_apply(m, m->record);
        m->parsed = true;
        if (file)
            *file = g_steal_pointer(&f);
    }
    lu_msg_free(f); /* the parsed file: the records say what the rules read */
    return ret;
}

/* One message read and analysed by a worker thread ahead of the rules (a
 * full walk with workers).  The main thread fills the inputs, with the
 * analysis cache's row when it has one, before pushing the job; the
 * worker fills the outputs; the main thread takes what the rules ask for
 * (adopt, take_body, analyse) and drops the rest.  So the rules see what
 * they would have read themselves, whatever the workers did and when: the
 * same tags and state whatever the number of threads or their timing. */
struct ahead {
    /* In: the main thread's, read-only to the worker. */
    const struct lu_config *cfg;
    struct lu_msg *msg; /* the walk's message (main thread only) */
    char *filename, *file_id;
    gint64 date;        /* the index's */
    char *from;         /* the index's From address, or NULL */
    const char *unsent; /* the index's mark (nm.c) */
    bool draft;         /* tagged draft */
    bool cached;        /* RECORD and TEXT are the cache's row */
    /* The latest message of a thread nobody in it is me, nor decided on
     * (ahead_plan): the rules read its text only when it was written to
     * ME (worth_reading), so the worker analyses it only then. */
    const struct lu_identity *me;
    /* Read only as read_headers would read it (a delivery failure a full
     * scan reads before its walk, collect_found): its headers and own
     * text, nothing analysed. */
    bool headers_only;
    /* Set by the worker (ahead_thread_run, which reads a thread newest
     * first) from the later messages it read, as the rules see them: how
     * many are meaningful, and whether one of them is mine, one theirs.
     * The rules analyse only meaningful messages that are the latest, the
     * one before it, their latest, my latest or in my unanswered run
     * (thread.c run_start), and automatic answers (an out-of-office's
     * return date): any other text is read (to compare) without being
     * analysed, and the rules analyse it themselves if they do ask
     * (analyse).  A message the worker did not read counts for none: then
     * it analyses more, never less. */
    guint later;
    bool mine_later, theirs_later;
    const struct lu_identity *self; /* whose messages are mine (the worker's) */
    GBytes *record, *text;          /* in when cached; out when read */
    GBytes *sense;                  /* in: the cached row's analyses, or NULL */
    /* Out: the analyses the worker found in SENSE or made (GBytes*
     * entries, or NULL), and whether it made one (the row's to write). */
    GPtrArray *senses;
    bool sense_new;
    /* Out: the worker's. */
    int ret;                /* the read's status (0: read) */
    bool parsed;            /* the file was parsed (not the cache's row) */
    struct lu_body *body;   /* TEXT loaded, as written (said_* set when compared) ... */
    struct lu_analysis *an; /* ... and analysed as of AN_DATE at AN_TZ, or NULL */
    char *an_text;          /* the text analysed */
    gint64 an_date;
    int an_tz;
    bool compared;              /* with the thread's earlier messages, as thread.c does */
    int dropped;                /* the sentences it pasted from them */
    char *own_text;             /* the text without those, or NULL when none */
    struct lu_analysis *own_an; /* OWN_TEXT analysed, as of AN_DATE at AN_TZ */
    struct lu_msg *x;           /* the worker's copy of the message, while its thread is read */
    guint analysed;             /* texts the worker analysed (AN, OWN_AN) */
    bool used;                  /* the rules read it (main thread) */
};

static void ahead_free(struct ahead *a)
{
    LU_FREE_EACH(g_bytes_unref, a->record, a->text, a->sense);
    g_clear_pointer(&a->senses, g_ptr_array_unref);
    lu_body_free(a->body);
    LU_FREE_EACH(lu_analysis_free, a->an, a->own_an);
    lu_msg_free(a->x);
    LU_FREE_EACH(g_free, a->filename, a->file_id, a->from, a->an_text, a->own_text, a);
}

/* Whether the rules can read the text of X, A's message (the worker's):
 * not the latest message of a thread nobody in it is me, nor decided on,
 * when it was written to others (worth_reading decides so on its headers;
 * its cache row then holds those alone).  Else read, as before 1970 (the
 * main thread decides). */
static bool ahead_wants_text(struct ahead *a, struct lu_msg *x)
{
    if (x->date < 0 || !a->me || !lu_msg_meaningful(x))
        return true;
    lu_msg_know_me(a->me, x);
    return x->to_me;
}

/* A's own text from F, its file parsed (then freed), or, from a cache row
 * of headers alone (F NULL), read now (kept for the row: A->PARSED). */
static void ahead_text(struct ahead *a, struct lu_msg *f)
{
    if (!a->text && !f) {
        GBytes *record = NULL;
        f = lu_msg_new();
        if (read_records(f, a->filename, true, &record, NULL) == 0)
            a->parsed = true;
        else
            g_clear_pointer(&f, lu_msg_free); /* the main thread says why */
        g_clear_pointer(&record, g_bytes_unref);
    }
    if (!a->text && f)
        a->text = text_record(f);
    lu_msg_free(f);
}

/* The worker's part for one message (no notmuch, no sqlite, nothing
 * printed): read the file unless the cache gave it (the parsed file is
 * dropped here: its records say what the rules read), then analyse the
 * text as lu_msg_analyse would once the headers are merged onto the
 * index's message, kept in A->X for the thread's comparison.  A date
 * before 1970 is made sane by the main thread (it warns): analysed there. */
static void ahead_run(struct ahead *a)
{
    struct lu_msg *x = lu_msg_new(), *f = NULL;
    bool unused = false;
    guint64 before;

    if (!a->cached) {
        f = lu_msg_new();
        a->ret = read_records(f, a->filename, true, &a->record, NULL);
        a->parsed = a->ret == 0;
    }
    if (a->ret) {
        LU_FREE_EACH(lu_msg_free, f, x);
        return;
    }
    /* What the index gave that the record does not replace (msgcache.c). */
    x->date = a->date;
    if (a->from) {
        x->from = g_new0(struct lu_addr, 1);
        x->from->email = g_strdup(a->from);
    }
    x->unsent = a->unsent;
    if (a->draft)
        g_ptr_array_add(x->tags, g_strdup("draft"));
    lu_msgcache_apply(x, a->record);
    a->x = x;
    if (a->headers_only) { /* as read_file_cached reads it, or cache_load takes it */
        if (f)
            a->text = text_record(f);
        lu_msg_free(f);
        return;
    }
    if (!ahead_wants_text(a, x)) {
        lu_msg_free(f); /* the headers alone: the rules read no text of it */
        return;
    }
    ahead_text(a, f);
    if (!a->text) {
        a->ret = EX_NOINPUT; /* the file of a row of headers alone is gone: the main thread reads */
        return;
    }
    x->text_record = g_bytes_ref(a->text);
    x->sense_record = a->sense ? g_bytes_ref(a->sense) : NULL;
    if (x->date < 0)
        return;
    if (a->self) {
        lu_msg_know_me(a->self, x);
        unused = !lu_msg_meaningful(x) ||
                 (a->later >= 2 && a->theirs_later && (!x->mine || a->mine_later));
    }
    if (unused && x->autokind != LU_AUTO_REPLY) {
        lu_msg_read_body(x); /* compared with the others' (ahead_compare) */
        a->body = g_steal_pointer(&x->body);
        return;
    }
    before = lu_analyses;
    lu_msg_analyse(a->cfg, x);
    a->analysed += (guint)(lu_analyses - before);
    a->an_text = g_strdup(x->body->text ? x->body->text : "");
    a->an_date = x->date;
    a->an_tz = x->tz_off;
    a->body = g_steal_pointer(&x->body);
    a->an = g_steal_pointer(&x->an);
}

/* Takes A's read onto M, as read_file_cached or cache_load would have. */
static void adopt(struct scan *s, struct lu_msg *m, struct ahead *a)
{
    g_free(m->file_id);
    m->file_id = g_steal_pointer(&a->file_id);
    m->record = g_steal_pointer(&a->record);
    lu_msgcache_apply(m, m->record);
    m->text_record = a->text ? g_bytes_ref(a->text) : NULL;
    m->parsed = a->parsed;
    /* The row's analyses, and those the worker found or made, for the
     * rules' own analyses and the row (cache_keep_msg). */
    g_clear_pointer(&m->sense_record, g_bytes_unref);
    m->sense_record = g_steal_pointer(&a->sense);
    for (guint i = 0; a->senses && i < a->senses->len; i++)
        sense_keep(m, g_bytes_ref(g_ptr_array_index(a->senses, i)));
    m->sense_new = m->sense_new || a->sense_new;
    a->sense_new = false;
    if (a->cached)
        s->st->cached++;
    a->used = true;
}

/* The worker's read of M, once the rules took its headers, or NULL. */
static struct ahead *ahead_of(struct scan *s, struct lu_msg *m)
{
    struct ahead *a = s->read_ahead ? g_hash_table_lookup(s->read_ahead, m) : NULL;

    return a && a->used ? a : NULL;
}

/* M's text as the worker loaded it from the same record lu_msg_read_body
 * would load. */
static void take_body(struct scan *s, struct lu_msg *m)
{
    struct ahead *a = m->body ? NULL : ahead_of(s, m);

    if (a && a->body)
        m->body = g_steal_pointer(&a->body);
}

/* M's analysis: the worker's, when it analysed the very text M has now at
 * its date (as written, or without what M pasted once the rules dropped it). */
/* The rules' said callback: the worker's comparison of M's text in its
 * thread, when it made one. */
static bool scan_said_cb(struct lu_msg *m, void *data, char **own, int *dropped)
{
    struct ahead *a = ahead_of(data, m);

    if (!a || !a->compared)
        return false;
    *own = g_strdup(a->own_text);
    *dropped = a->dropped;
    return true;
}

static void analyse(struct scan *s, struct lu_msg *m)
{
    struct ahead *a = m->an ? NULL : ahead_of(s, m);

    if (a) {
        const char *text;
        take_body(s, m);
        text = m->body && m->body->text ? m->body->text : NULL;
        if (text && m->date == a->an_date && m->tz_off == a->an_tz) {
            if (a->an && strcmp(text, a->an_text) == 0)
                m->an = g_steal_pointer(&a->an);
            else if (a->own_an && strcmp(text, a->own_text) == 0)
                m->an = g_steal_pointer(&a->own_an);
        }
    }
    lu_msg_analyse(&s->ctx->cfg, m);
}

/* M's headers onto M (read_headers_file).  FILE (may be NULL): when M's
 * file is parsed here, it is the caller's, its text not extracted. */
static int read_headers_file(struct scan *s, struct lu_msg *m, struct lu_msg **file)
{
    struct ahead *a;
    int ret;

    if (m->headers)
        return 0;
    a = s->read_ahead ? g_hash_table_lookup(s->read_ahead, m) : NULL;
    /* A worker's read first, then the analysis cache; what the scan reads
     * from a file it keeps for the cache, a thread view (why, draft, a
     * decision) only reads.  A file a worker could not read is read here,
     * to say why. */
    if (a && !a->ret) {
        adopt(s, m, a);
        ret = 0;
    } else if (cache_load(s, m)) {
        ret = 0;
    } else if (s->rows) {
        ret = read_file_cached(m, file);
    } else {
        ret = lu_mime_read_file(m, m->filename);
    }
    /* A message we cannot read stays in the thread with what notmuch knows. */
    if (ret != 0)
        return -1;
    /* the Date header read where notmuch's index said 0: before 1970 */
    if (m->date < 0)
        m->date = lu_date_sane(m->date, s->ctx->now, -1, m->mid);
    return 0;
}

static int read_headers(struct scan *s, struct lu_msg *m)
{
    return read_headers_file(s, m, NULL);
}

/* The scan's callbacks: every message's headers first, from the cache
 * where it has them (its own text comes with them). */
static void scan_analyse_cb(struct lu_msg *m, void *data)
{
    struct scan *s = data;

    read_headers(s, m);
    analyse(s, m);
}

static void scan_body_cb(struct lu_msg *m, void *data)
{
    read_headers(data, m);
    take_body(data, m);
    lu_msg_read_body(m);
}

static void sender_history(struct scan *s, struct lu_msg *m, enum lu_sender_count what);

static void scan_sender_cb(struct lu_msg *m, enum lu_sender_count what, void *data)
{
    sender_history(data, m, what);
}

/* Whether MID is in the filter F of NBITS (fresh_bits' bits) and, ADD, is
 * now. */
static bool filter_has(guint64 *f, guint32 nbits, const char *mid, bool add)
{
    guint32 bit[3];
    bool has = true;

    fresh_bits(mid, nbits, bit);
    for (int i = 0; i < 3; i++) {
        has = has && (f[bit[i] / 64] & ((guint64)1 << (bit[i] % 64)));
        if (add)
            f[bit[i] / 64] |= (guint64)1 << (bit[i] % 64);
    }
    return has;
}

/* R's analyses as the row keeps them: with those this run wrote for it
 * before (the same message met again, as another object: another
 * thread's, read again while its row waited in the batch), read back
 * inside the transaction.  Returns new bytes, or NULL. */
static GBytes *cache_row_senses(struct scan *s, const struct cache_row *r)
{
    GBytes *h = NULL, *b = NULL, *had = NULL, *out;

    if (!s->sensed) {
        s->sensed_bits = s->full ? FRESH_BITS : SENSED_FEW_BITS;
        s->sensed = g_new0(guint64, s->sensed_bits / 64);
    }
    if (!filter_has(s->sensed, s->sensed_bits, r->mid, r->senses != NULL) ||
        lu_store_analysis_get(s->store, r->mid, r->file, lu_analyser, &h, &b, &had) != 0)
        return r->senses ? lu_msgcache_senses(r->senses) : NULL;
    /* A row made again without analyses keeps those this run made. */
    out = r->senses ? lu_msgcache_senses_merge(r->senses, had) : g_steal_pointer(&had);
    LU_FREE_EACH(g_bytes_unref, h, b, had);
    return out;
}

/* Writes R (inside the caller's transaction): the whole row, or its
 * analyses, its folded sentences or both. */
static int cache_row_write(struct scan *s, const struct cache_row *r)
{
    GBytes *sense = r->headers || r->senses ? cache_row_senses(s, r) : NULL;
    int ret = 0;

    if (r->headers)
        ret = lu_store_analysis_write(s->store, r->mid, r->file, lu_analyser, r->headers, r->body,
                                      sense, r->said);
    else if (r->senses)
        ret = lu_store_analysis_sense(s->store, r->mid, r->file, lu_analyser, sense);
    if (!ret && !r->headers && r->said)
        ret = lu_store_analysis_said(s->store, r->mid, r->file, lu_analyser, r->said);
    if (sense)
        g_bytes_unref(sense);
    return ret;
}

/* Writes the rows made so far, in one transaction (a cache: a run killed
 * before loses only what it would have saved). */
static int cache_flush(struct scan *s)
{
    int ret;

    if (!s->rows || !s->rows->len)
        return 0;
    ret = lu_store_begin(s->store);
    for (guint i = 0; i < s->rows->len && !ret; i++)
        ret = cache_row_write(s, g_ptr_array_index(s->rows, i));
    if (ret)
        lu_store_rollback(s->store);
    else
        ret = lu_store_commit(s->store);
    g_ptr_array_set_size(s->rows, 0);
    return ret;
}

/* On a first scan (the cache empty) every look-up of a message misses
 * but those of rows the run wrote itself (a message read again for
 * another thread): the fresh filter spares sqlite the others (issue 14,
 * 1.3-2% of a first scan). */
static int cache_fresh(struct scan *s)
{
    bool empty = false;
    int ret = lu_store_analysis_empty(s->store, &empty);

    if (!ret && empty && !lu_debug_no_fresh)
        s->fresh = g_new0(guint64, FRESH_BITS / 64);
    return ret;
}

/* Rows written at once: a few hundred kilobytes of text held. */
#define CACHE_BATCH 512

/* Keeps the analyses SENSES (GBytes* entries, or NULL: the row's stay)
 * and the folded sentences SAID (taken, or NULL) for the row of MID made
 * from the file FILE, which the cache holds: they replace the row's. */
static int cache_keep_senses(struct scan *s, const char *mid, const char *file, GPtrArray *senses,
                             GBytes *said)
{
    struct cache_row *r = g_new0(struct cache_row, 1);

    r->mid = g_strdup(mid);
    r->file = g_strdup(file);
    r->senses = senses ? g_ptr_array_ref(senses) : NULL;
    r->said = said;
    g_ptr_array_add(s->rows, r);
    return s->rows->len >= CACHE_BATCH ? cache_flush(s) : 0;
}

/* Keeps what this run read of M's file for the cache (the file it
 * parsed) with the analyses of its texts, or only those when the row was
 * there and this run analysed a text of it again (another key: a date
 * setting changed, or the first run with analyses kept), writing the rows
 * once a batch is made. */
static int cache_keep_msg(struct scan *s, struct lu_msg *m)
{
    struct cache_row *r;
    GBytes *said = NULL;
    char *key = NULL;

    if (!s->rows || !m->file_id)
        return 0;
    /* The folded sentences made of its text this run (said_made), once.
     * A steal hands over the key too: without a place for it, it leaks. */
    if (s->said_made && m->mid &&
        g_hash_table_steal_extended(s->said_made, m->mid, (gpointer *)&key, (gpointer *)&said))
        g_free(key);
    /* A file read whose text was not extracted is kept as its headers
     * alone (TEXT_RECORD NULL); a row already there, as its analyses and
     * folded sentences. */
    if (!m->parsed || !m->record) {
        if (!m->record || (!m->sense_new && !said)) {
            if (said)
                g_bytes_unref(said);
            return 0;
        }
        if (!m->sense_new)
            return cache_keep_senses(s, m->mid, m->file_id, NULL, said);
        m->sense_new = false;
        return cache_keep_senses(s, m->mid, m->file_id, m->senses, said);
    }
    r = g_new0(struct cache_row, 1);
    r->mid = g_strdup(m->mid);
    fresh_add(s, m->mid);
    r->file = g_steal_pointer(&m->file_id); /* kept once */
    r->headers = g_bytes_ref(m->record);
    r->body = m->text_record ? g_bytes_ref(m->text_record) : NULL;
    r->senses = m->senses ? g_ptr_array_ref(m->senses) : NULL;
    r->said = said;
    m->sense_new = false;
    g_ptr_array_add(s->rows, r);
    return s->rows->len >= CACHE_BATCH ? cache_flush(s) : 0;
}

/* cache_keep_msg for each message of MSGS (may be NULL). */
static int cache_keep(struct scan *s, GPtrArray *msgs)
{
    int ret = 0;

    for (guint i = 0; !ret && msgs && i < msgs->len; i++)
        ret = cache_keep_msg(s, g_ptr_array_index(msgs, i));
    return ret;
}

/* Thread plans a scan holds before it stages them: a few hundred
 * kilobytes.  Held to the end, the plans of a full scan took a third of a
 * kilobyte a message (issue 14: 100 MB of 259 at 300,000 messages). */
#define PLAN_BATCH 128
/* The operations a batch handed to the tag writer during a first full
 * walk (tags_walk_start): 1,352 at 10,000 messages, so a few batches
 * keep it busy beside the walk without a lock taken a thread. */
#define TAGS_BATCH 128
/* The most messages of an index whose first scan writes its tags during
 * the walk (LEADUP_DEBUG_TAGS_WALK_MOST sets it).  Past it the writes wait
 * for the walk's end: the writer's uncommitted Xapian changes (one notmuch
 * atomic section) are live memory on top of the walk's plateau, 77.1 MB
 * against 61.4 at 300,000 (issue 14: 64 MB).  Neither a single arena nor
 * notmuch's end_atomic/begin_atomic bounds them (an unflushed transaction's
 * end commits nothing); a real commit in pieces does, but takes the walk's
 * snapshot away (doc/benchmarks-log.md, s46-tags). */
#define TAGS_WALK_MOST 100000

/* Stages the plans S holds (lu_store_stage), in the order decided;
 * scan_save writes them all in its transaction.  Only lu_scan stages: a
 * thread view writes its one plan itself. */
static int stage_plans(struct scan *s)
{
    int ret;

    if (!s->stage || !s->items->len)
        return 0;
    s->staged = true;
    ret = lu_store_stage(s->store, s->items);
    g_ptr_array_set_size(s->items, 0);
    return ret;
}

/* A light copy of a remembered delivery failure, for ELSEWHERE lists. */
static struct lu_msg *bounce_copy(const struct lu_msg *b)
{
    struct lu_msg *m = lu_msg_new();

    m->mid = g_strdup(b->mid);
    m->bounced_mid = g_strdup(b->bounced_mid);
    m->date = b->date;
    m->autokind = LU_AUTO_BOUNCE;
    m->auto_why = b->auto_why;
    if (b->from) {
        m->from = g_new0(struct lu_addr, 1);
        m->from->email = g_strdup(b->from->email);
    }
    return m;
}

/* Whether C, next to a word, can make Xapian's term of it another than
 * the word: it joins letters and digits across "v2.1", "1,000", "don't",
 * "at&t", "foo_bar", "me@x" and keeps "c++", "c#" and combining marks;
 * "-", "/", spaces and the rest only separate words.  Unsure ones count. */
static bool term_joiner(gunichar c)
{
    return (c && c < 128 && strchr(".,'&_@+#", (int)c)) || c == 0x2019 || g_unichar_ismark(c);
}

/* A subject as a notmuch query: each of its words (at most eight) a term of
 * the subject, quoted (no stemming, no operator: "and", "not"), all of them
 * required; a word next to a joiner (term_joiner) is left out, as the index
 * may hold it only inside a longer term.  Not a phrase: a phrase reads the
 * words' positions, ten times the index blocks of their terms at 300,000
 * messages; find_elsewhere compares the subjects themselves, so the order
 * and the gaps the terms allow cost nothing but a rare candidate more.
 * Caller frees; NULL when no word can be asked for. */
static char *subject_terms(const char *norm)
{
    GString *q = g_string_new("("), *w = g_string_new(NULL);
    int words = 0;
    gunichar before = 0;

    for (const char *p = norm; *p && words < 8;) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalnum(c)) {
            before = c;
            p = g_utf8_next_char(p);
            continue;
        }
        g_string_truncate(w, 0);
        for (; *p && g_unichar_isalnum(c = g_utf8_get_char(p)); p = g_utf8_next_char(p))
            g_string_append_unichar(w, c);
        if (term_joiner(before) || term_joiner(g_utf8_get_char(p)))
            continue;
        g_string_append_printf(q, "%ssubject:\"%s\"", words++ ? " and " : "", w->str);
    }
    g_string_append_c(q, ')');
    g_string_free(w, TRUE);
    if (!words) {
        g_string_free(q, TRUE);
        return NULL;
    }
    return g_string_free(q, FALSE);
}

/* Whether the N bytes at P, a run of letters and digits in ADDR, are a
 * term Xapian surely makes of the address: two or more ASCII letters or
 * digits between '@', '.' or the ends; across a '.' another such run
 * (not one character: "j.s" is an acronym) and not digits on both sides
 * ("v2.1" is one term). */
static bool address_word(const char *addr, const char *p, gsize n)
{
    const char *end = p + n;
    gsize before = 0, after = 0;

    for (const char *c = p; c < end; c++)
        if (!g_ascii_isalnum(*c))
            return false;
    if (n < 2 || (p > addr && p[-1] != '@' && p[-1] != '.') || (*end && *end != '@' && *end != '.'))
        return false;
    if (p > addr && p[-1] == '.') {
        while (p - 1 - before > addr && g_ascii_isalnum(p[-2 - (gssize)before]))
            before++;
        if (before < 2 ||
            (p - 2 - before >= addr && strchr("@.", p[-2 - (gssize)before]) == NULL) ||
            (g_ascii_isdigit(p[-2]) && g_ascii_isdigit(*p)))
            return false;
    }
    if (*end == '.') {
        while (g_ascii_isalnum(end[1 + after]))
            after++;
        if (after < 2 || (end[1 + after] && !strchr("@.", end[1 + after])) ||
            (g_ascii_isdigit(end[-1]) && g_ascii_isdigit(end[1])))
            return false;
    }
    return true;
}

/* ADDR as FIELD's terms, all required ("(from:\"ann\" and from:\"acme\")"):
 * a superset of what the phrase FIELD:"ann@acme.example" matches.  The
 * phrase reads the positions of its terms in every message that has them
 * all, ten times the index blocks where one of them is common ("example",
 * "me": 372 against 69 reads at 300,000 messages); the caller compares
 * the addresses.  Only the words address_word is sure of, and not the
 * last (the top-level domain, in most messages).  Caller frees; NULL when
 * no word is left (then the phrase is asked). */
static char *address_terms(const char *field, const char *addr)
{
    GString *q = g_string_new("(");
    const char *last = NULL;
    int words = 0;

    for (const char *p = addr; *p; p++)
        if (g_ascii_isalnum(*p) && (p == addr || !g_ascii_isalnum(p[-1])))
            last = p;
    for (const char *p = addr; *p;) {
        gsize n = 0;
        while (g_ascii_isalnum(p[n]) || (guchar)p[n] >= 0x80)
            n++;
        if (n && p != last && address_word(addr, p, n))
            g_string_append_printf(q, "%s%s:\"%.*s\"", words++ ? " and " : "", field, (int)n, p);
        p += n ? n : 1;
    }
    g_string_append_c(q, ')');
    if (!words) {
        g_string_free(q, TRUE);
        return NULL;
    }
    return g_string_free(q, FALSE);
}

/* FIELD:ADDR appended to Q as address_terms gives it, else as a phrase. */
static void append_address(GString *q, const char *field, const char *addr)
{
    char *t = address_terms(field, addr), *qa = t ? NULL : lu_db_quote(addr);

    g_string_append_printf(q, t ? "%s" : "%s:%s", t ? t : field, qa);
    g_free(t);
    g_free(qa);
}

/* Whether T is one of the terms of the clause C ("(T1 or T2 ...": T
 * between "(" or " or " and " or " or the end). */
static bool strstr_term(const char *c, const char *t)
{
    gsize n = strlen(t);

    for (const char *p = c; (p = strstr(p, t)) != NULL; p++)
        if ((p == c + 1 || (p >= c + 4 && strncmp(p - 4, " or ", 4) == 0)) &&
            (!p[n] || strncmp(p + n, " or ", 4) == 0))
            return true;
    return false;
}

/* Who can have answered LAST elsewhere, into ADDRS (not owned: LAST's and
 * my identity's strings): its recipients when it is mine (*MINE), my
 * addresses (writing to its sender) when it is theirs.  False when notmuch
 * cannot be asked by them (a list thread, where anyone may answer;
 * Exchange's "j..smith@x", which its query parser takes for a range; my
 * domains) or there is nobody: from_clause names nobody. */
static bool from_addrs(struct scan *s, GPtrArray *msgs, struct lu_msg *last, GPtrArray *addrs,
                       bool *mine)
{
    GPtrArray *lists[] = {last->to, last->cc};
    bool ok = true;

    *mine = last->from && lu_identity_is_me(&s->ctx->me, last->from->email);
    for (guint i = 0; i < msgs->len && ok; i++)
        ok = !((struct lu_msg *)g_ptr_array_index(msgs, i))->list_id;
    if (*mine) {
        for (int l = 0; l < 2; l++)
            for (guint i = 0; i < lists[l]->len; i++) {
                struct lu_addr *a = g_ptr_array_index(lists[l], i);
                if (!lu_identity_is_me(&s->ctx->me, a->email))
                    g_ptr_array_add(addrs, a->email);
            }
    }
    /* Theirs: my answer to them; mine after my reply that broke threading
     * carries the conversation on (thread.c's continued_elsewhere). */
    if (!*mine || lu_msg_unthreaded_reply(last)) {
        GHashTableIter it;
        gpointer key;
        ok = ok && (!s->ctx->me.domains || s->ctx->me.domains->len == 0);
        g_hash_table_iter_init(&it, s->ctx->me.addrs);
        while (g_hash_table_iter_next(&it, &key, NULL))
            g_ptr_array_add(addrs, key);
    }
    for (guint i = 0; i < addrs->len && ok; i++)
        ok = !strstr(g_ptr_array_index(addrs, i), "..");
    return ok && addrs->len;
}

/* Whether from_clause names anybody (the recent messages' filters, which
 * need no query: building it was 30 M instructions of a first full scan
 * at 10,000, issue 14). */
static bool from_named(struct scan *s, GPtrArray *msgs, struct lu_msg *last)
{
    GPtrArray *addrs = g_ptr_array_new();
    bool mine, named = from_addrs(s, msgs, last, addrs, &mine);

    g_ptr_array_free(addrs, TRUE);
    return named;
}

/* Appends to Q "(from:A or from:B ...) and " naming who can have answered
 * LAST elsewhere (from_addrs), nothing when nobody can be named.  The
 * rules check the addresses again. */
static void from_clause(struct scan *s, GPtrArray *msgs, struct lu_msg *last, GString *q)
{
    GPtrArray *addrs = g_ptr_array_new();
    gsize len = q->len;
    bool mine;

    if (!from_addrs(s, msgs, last, addrs, &mine))
        goto out;
    for (guint i = 0, n = 0; i < addrs->len; i++) {
        GString *one = g_string_new(NULL);
        append_address(one, "from", g_ptr_array_index(addrs, i));
        /* me@example.com and me@example.net ask the same words: Xapian
         * would read the same posting lists twice for the same matches. */
        if (!strstr_term(q->str + len, one->str)) {
            g_string_append(q, n++ ? " or " : "(");
            g_string_append(q, one->str);
        }
        g_string_free(one, TRUE);
    }
    /* My answer went to them: notmuch's to: covers To and Cc. */
    if (!mine && last->from && !strstr(last->from->email, "..")) {
        g_string_append(q, ") and ");
        append_address(q, "to", last->from->email);
    } else {
        g_string_append_c(q, ')');
    }
    g_string_append(q, " and ");
out:
    g_ptr_array_free(addrs, TRUE);
}

/* At most this many messages elsewhere for one thread (the oldest). */
#define ELSEWHERE_MAX 200

/* LAST's To and Cc that are not me (not owned: LAST's strings). */
static GPtrArray *recipients_not_me(struct scan *s, struct lu_msg *last)
{
    GPtrArray *out = g_ptr_array_new();
    GPtrArray *lists[] = {last->to, last->cc};

    for (int l = 0; l < 2; l++)
        for (guint i = 0; i < lists[l]->len; i++) {
            struct lu_addr *a = g_ptr_array_index(lists[l], i);
            if (!lu_identity_is_me(&s->ctx->me, a->email))
                g_ptr_array_add(out, a->email);
        }
    return out;
}

/* Whether EMAIL is among EMAILS, as notmuch's from: matches it (any case). */
static bool has_email(GPtrArray *emails, const char *email)
{
    for (guint i = 0; i < emails->len; i++)
        if (g_ascii_strcasecmp(g_ptr_array_index(emails, i), email) == 0)
            return true;
    return false;
}

static bool has_tag(const struct lu_msg *m, const char *tag)
{
    for (guint i = 0; i < m->tags->len; i++)
        if (strcmp(g_ptr_array_index(m->tags, i), tag) == 0)
            return true;
    return false;
}

/* Who from_clause lets answer LAST elsewhere (NAMED: it names anybody;
 * else nobody), as the addresses themselves: for my LAST its recipients
 * not me (*SENDERS, caller frees), for theirs its sender (*TO, LAST's
 * string). */
static void elsewhere_who(struct scan *s, struct lu_msg *last, bool named, GPtrArray **senders,
                          const char **to)
{
    *senders = NULL;
    *to = NULL;
    if (named && last->from && lu_identity_is_me(&s->ctx->me, last->from->email))
        *senders = recipients_not_me(s, last);
    else if (named && last->from && !strstr(last->from->email, ".."))
        *to = last->from->email;
}

/* Whether EMAIL is among M's To and Cc (any case), as a full scan
 * compares the recipients (elsewhere_recent). */
static bool has_recipient(const struct lu_msg *m, const char *email)
{
    GPtrArray *lists[] = {m->to, m->cc};

    for (int l = 0; l < 2; l++)
        for (guint i = 0; lists[l] && i < lists[l]->len; i++)
            if (g_ascii_strcasecmp(((struct lu_addr *)g_ptr_array_index(lists[l], i))->email,
                                   email) == 0)
                return true;
    return false;
}

/* FNV-1a of S as g_ascii_strcasecmp compares it (ASCII letters folded):
 * two addresses it finds equal have the same hash. */
static guint64 fold_hash(const char *s)
{
    guint64 h = LU_FNV64_INIT;

    for (; *s; s++)
        h = (h ^ (guchar)g_ascii_tolower(*s)) * 1099511628211u;
    return h;
}

/* Whether EMAIL (its fold_hash FOLD) is among EMAILS (their hashes
 * FOLDS), as has_email finds it. */
static bool has_email_fold(GPtrArray *emails, const guint64 *folds, const char *email, guint64 fold)
{
    for (guint i = 0; i < emails->len; i++)
        if (folds[i] == fold && g_ascii_strcasecmp(g_ptr_array_index(emails, i), email) == 0)
            return true;
    return false;
}

/* Whether R, mail elsewhere after my message, is from one of SENDERS
 * (their hashes FOLDS: my message's recipients) or, with OWN (my message a
 * reply that broke threading), from me: their answer, or mine carrying
 * the conversation on (thread.c). */
static bool sender_or_me(struct scan *s, GPtrArray *senders, const guint64 *folds,
                         const struct recent *r, bool own)
{
    return has_email_fold(senders, folds, r->from_email, r->from_fold) ||
           (own && lu_identity_is_me(&s->ctx->me, r->from_email));
}

/* Whether R's To and Cc hold TO (its fold_hash FOLD), any case. */
static bool rcpt_has_fold(const struct recent *r, const char *to, guint64 fold)
{
    for (guint i = 0; r->rcpt[i]; i++)
        if (r->rcpt_fold[i] == fold && g_ascii_strcasecmp(r->rcpt[i], to) == 0)
            return true;
    return false;
}

/* The cache's row M (R's message, a message elsewhere) was read from, for
 * the next thread it may answer, when its thread did not read it and it
 * was taken as it was (not parsed: the row is the same until the run
 * ends, but for analyses of its text the rules make, which they would
 * find there and now make again). */
static void recent_keep(struct recent *r, const struct lu_msg *m)
{
    if (r->record || lu_debug_no_recent_rows || !m->record || !m->file_id || m->parsed ||
        m->sense_new)
        return;
    r->file_id = g_strdup(m->file_id);
    r->record = g_bytes_ref(m->record);
    r->text = m->text_record ? g_bytes_ref(m->text_record) : NULL;
    r->sense = m->sense_record ? g_bytes_ref(m->sense_record) : NULL;
}

/* M (R's message, as lu_msg_new_indexed made it) with the cache's row its
 * thread took, as cache_load would have taken it again (the same row:
 * nothing of this run wrote it since, R->RECORD says); read_headers then
 * reads nothing.  Counted as a message from the cache, as it was. */
static void recent_load(struct scan *s, const struct recent *r, struct lu_msg *m)
{
    if (!r->record || lu_debug_no_recent_rows)
        return;
    m->file_id = g_strdup(r->file_id);
    m->record = g_bytes_ref(r->record);
    m->text_record = r->text ? g_bytes_ref(r->text) : NULL;
    m->sense_record = r->sense ? g_bytes_ref(r->sense) : NULL;
    lu_msgcache_apply(m, m->record);
    s->st->cached++;
    if (m->date < 0) /* as read_headers_file */
        m->date = lu_date_sane(m->date, s->ctx->now, -1, m->mid);
}

/* Orders recent messages as lu_msg_compare_date orders the messages made
 * of them (date, then Message-ID). */
static gint recent_compare_date(gconstpointer a, gconstpointer b)
{
    const struct recent *x = *(struct recent *const *)a, *y = *(struct recent *const *)b;

    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return g_strcmp0(x->mid, y->mid);
}

/* The first index of LIST (newest first: remember_recent keeps it so)
 * whose date is at most DATE; LIST's length when none is. */
static guint recent_at_or_before(GPtrArray *list, gint64 date)
{
    guint lo = 0, hi = list->len;

    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (((struct recent *)g_ptr_array_index(list, mid))->date > date)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The recent messages under NORM, within the window after LAST, not of
 * its thread, from the senders (to the recipient) the query would name
 * (not owned: the recents themselves), oldest ELSEWHERE_MAX of them in
 * lu_msg_compare_date's order.  The window is a run of the list, found
 * by its dates: a subject shared by thousands of messages is not
 * compared message by message for each thread that asks. */
static GPtrArray *recent_window(struct scan *s, GPtrArray *msgs, struct lu_msg *last,
                                const char *norm)
{
    GPtrArray *list = g_hash_table_lookup(s->recent, norm), *out = g_ptr_array_new();
    gint64 end = last->date + (gint64)s->ctx->cfg.unthreaded_days * 86400;
    GPtrArray *senders = NULL;
    const char *to = NULL;
    guint64 *folds = NULL, to_fold = 0;
    bool own = last->from && lu_identity_is_me(&s->ctx->me, last->from->email) &&
               lu_msg_unthreaded_reply(last);

    /* The same senders (and recipient) as the query names, when it names any. */
    elsewhere_who(s, last, from_named(s, msgs, last), &senders, &to);
    if (senders) {
        folds = g_new(guint64, senders->len + 1);
        for (guint i = 0; i < senders->len; i++)
            folds[i] = fold_hash(g_ptr_array_index(senders, i));
    }
    if (to)
        to_fold = fold_hash(to);
    for (guint i = list ? recent_at_or_before(list, end) : 0; list && i < list->len; i++) {
        struct recent *r = g_ptr_array_index(list, i);
        if (r->date <= last->date)
            break;
        /* the senders first: they leave the fewest (the same result) */
        if (senders && !(r->from_email && sender_or_me(s, senders, folds, r, own)))
            continue;
        if (to && r->rcpt && !rcpt_has_fold(r, to, to_fold))
            continue;
        if (strcmp(r->thread_id, last->thread_id) != 0)
            g_ptr_array_add(out, r);
    }
    g_ptr_array_sort(out, recent_compare_date);
    if (out->len > ELSEWHERE_MAX)
        g_ptr_array_set_size(out, ELSEWHERE_MAX);
    if (senders)
        g_ptr_array_free(senders, TRUE);
    g_free(folds);
    return out;
}

/* The recent messages under NORM that find_elsewhere's query would find for LAST (recent_window's), oldest first, as msg_from gives
 * them, and into ROWS each one with the recent it is of (message ->
 * struct recent; for recent_load once the index's From let it through:
 * the row's From would replace it).  Those find_elsewhere drops for their
 * From (the same side as LAST) are not made: it would drop them after
 * ELSEWHERE_MAX, as here.  Caller frees. */
static GPtrArray *elsewhere_recent(struct scan *s, GPtrArray *msgs, struct lu_msg *last,
                                   const char *norm, GHashTable *rows)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    GPtrArray *window = recent_window(s, msgs, last, norm);
    bool last_mine = last->from && lu_identity_is_me(&s->ctx->me, last->from->email);
    bool own = last_mine && lu_msg_unthreaded_reply(last);

    for (guint i = 0; i < window->len; i++) {
        struct recent *r = g_ptr_array_index(window, i);
        struct lu_addr *from = NULL;
        struct lu_msg *m;
        if (r->from_email && !own && lu_identity_is_me(&s->ctx->me, r->from_email) == last_mine)
            continue;
        if (r->from_email) {
            from = g_new0(struct lu_addr, 1);
            from->email = g_strdup(r->from_email);
            from->name = g_strdup(r->from_name);
        }
        m = lu_msg_new_indexed(r->mid, r->thread_id, r->filename, r->date, g_strdup(r->subject),
                               from, r->unsent);
        if (r->draft)
            g_ptr_array_add(m->tags, g_strdup("draft"));
        g_hash_table_insert(rows, m, r);
        g_ptr_array_add(out, m);
    }
    g_ptr_array_free(window, TRUE);
    return out;
}

/* Whether the recent messages hold every answer elsewhere to LAST: the walk
 * is newest first, so every message after LAST is in when LAST is the
 * thread's newest (a later automatic message leaves a gap: ask notmuch). */
static bool recent_complete(struct scan *s, GPtrArray *msgs, struct lu_msg *last)
{
    if (!s->recent)
        return false;
    for (guint i = 0; i < msgs->len; i++)
        if (((struct lu_msg *)g_ptr_array_index(msgs, i))->date > last->date)
            return false;
    return true;
}

/* Messages elsewhere that bear on the thread MSGS whose latest human
 * message is LAST: delivery failures that did not thread (from the ones
 * remembered), and messages with the same normalised subject within the
 * window after LAST that broke threading: their reply to my LAST, or my
 * answer to their LAST (the rules decide which count).  A full scan finds
 * them among the messages it walked; otherwise the index is asked, by
 * the subject's words and date (no address where notmuch cannot parse it:
 * Exchange's "j..smith@x"; the rules compare addresses themselves). */
static GPtrArray *find_elsewhere(struct scan *s, GPtrArray *msgs, struct lu_msg *last)
{
    bool last_mine = last->from && lu_identity_is_me(&s->ctx->me, last->from->email);
    /* my later messages too, after my reply that broke threading */
    bool own = last_mine && lu_msg_unthreaded_reply(last);
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    GString *q = g_string_new(NULL);
    GPtrArray *found = NULL, *senders = NULL;
    GHashTable *rows = NULL;
    struct recent *r;
    const char *to = NULL;
    char *norm = lu_subject_norm(last->subject);
    char *tq = lu_db_quote(last->thread_id), *sq = subject_terms(norm);

    for (guint i = 0; s->bounces && i < msgs->len; i++) {
        GPtrArray *b =
            g_hash_table_lookup(s->bounces, ((struct lu_msg *)g_ptr_array_index(msgs, i))->mid);
        for (guint k = 0; b && k < b->len; k++)
            g_ptr_array_add(out, bounce_copy(g_ptr_array_index(b, k)));
    }
    if (!sq)
        goto out;
    if (recent_complete(s, msgs, last)) {
        rows = g_hash_table_new(g_direct_hash, g_direct_equal);
        found = elsewhere_recent(s, msgs, last, norm, rows);
    } else {
        /* The subject's words narrow the search to the few candidates, and
         * the senders that can matter narrow it further where notmuch can
         * say so. */
        from_clause(s, msgs, last, q);
        elsewhere_who(s, last, q->len > 0, &senders, &to);
        g_string_append_printf(q, "%s and not thread:%s", sq, tq);
        if (lu_db_messages_dated(s->db, q->str, last->date + 1,
                                 last->date + (gint64)s->ctx->cfg.unthreaded_days * 86400,
                                 ELSEWHERE_MAX, &found) != 0)
            goto out;
    }
    for (guint i = 0; i < found->len; i++) {
        struct lu_msg *m = g_ptr_array_index(found, i);
        /* the recent ones are kept under their subject's NORM already */
        char *mn = rows ? NULL : lu_subject_norm(m->subject);
        bool same = !mn || strcmp(mn, norm) == 0;
        g_free(mn);
        /* Their answer to me, or mine to them: the index's From tells
         * which side wrote it before the file is read. */
        bool by_me = m->from && lu_identity_is_me(&s->ctx->me, m->from->email);
        if (!same || (m->from && by_me == last_mine && !own))
            continue;
        /* The query asked for the addresses' words (address_terms): the
         * addresses themselves, as a full scan compares them. */
        if (senders && !(own && by_me) && !(m->from && has_email(senders, m->from->email)))
            continue;
        r = rows ? g_hash_table_lookup(rows, m) : NULL;
        if (r)
            recent_load(s, r, m);
        if (read_headers(s, m) != 0)
            continue;
        if (r)
            recent_keep(r, m);
        if (to && !has_recipient(m, to))
            continue;
        g_ptr_array_add(out, g_ptr_array_steal_index(found, i));
        i--;
    }
out:
    if (found)
        g_ptr_array_free(found, TRUE);
    if (senders)
        g_ptr_array_free(senders, TRUE);
    if (rows)
        g_hash_table_destroy(rows);
    g_free(tq);
    g_free(sq);
    g_free(norm);
    g_string_free(q, TRUE);
    return out;
}

/* M's To and Cc addresses (caller frees). */
static char **recipients(const struct lu_msg *m)
{
    GPtrArray *out = g_ptr_array_new();
    GPtrArray *lists[] = {m->to, m->cc};

    for (int l = 0; l < 2; l++)
        for (guint i = 0; i < lists[l]->len; i++)
            g_ptr_array_add(out,
                            g_strdup(((struct lu_addr *)g_ptr_array_index(lists[l], i))->email));
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

/* The messages of a walked thread that can be an answer elsewhere (no
 * threading headers, when read) join the recent ones; those the walk has
 * left behind by more than the window go. */
static bool unread_with_refs(struct scan *s, GPtrArray *msgs, guint i);

static void remember_recent(struct scan *s, GPtrArray *msgs)
{
    gint64 newest = G_MININT64, window = (gint64)s->ctx->cfg.unthreaded_days * 86400;

    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        struct recent *r;
        GPtrArray *list;
        char *norm;

        newest = MAX(newest, m->date);
        if ((m->headers && (m->in_reply_to || m->refs->len)) || unread_with_refs(s, msgs, i))
            continue;
        norm = lu_subject_norm(m->subject);
        list = g_hash_table_lookup(s->recent, norm);
        if (!list) {
            list = g_ptr_array_new_with_free_func((GDestroyNotify)recent_free);
            g_hash_table_insert(s->recent, norm, list);
        } else {
            g_free(norm);
        }
        r = g_new0(struct recent, 1);
        r->mid = g_strdup(m->mid);
        r->thread_id = g_strdup(m->thread_id);
        r->filename = g_strdup(m->filename);
        r->subject = g_strdup(m->subject);
        r->date = m->date;
        r->unsent = m->unsent;
        r->draft = has_tag(m, "draft");
        if (m->from) {
            r->from_name = g_strdup(m->from->name);
            r->from_email = g_strdup(m->from->email);
            r->from_fold = fold_hash(r->from_email);
        }
        if (m->headers) {
            guint n;
            r->rcpt = recipients(m);
            n = g_strv_length(r->rcpt);
            r->rcpt_fold = g_new(guint64, n + 1);
            for (guint k = 0; k < n; k++)
                r->rcpt_fold[k] = fold_hash(r->rcpt[k]);
        }
        /* a row taken as it was: kept for recent_load (cache_keep, after
         * this, may steal M's FILE_ID) */
        if (m->headers)
            recent_keep(r, m);
        /* newest first, as the walk mostly meets them: the insert is near
         * the end, and the window of a thread that asks a run */
        g_ptr_array_insert(list, (gint)recent_at_or_before(list, r->date - 1), r);
    }
    s->walk_pos = MIN(s->walk_pos, newest);
    if (s->st->threads % 512 == 0) {
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, s->recent);
        while (g_hash_table_iter_next(&it, NULL, &value)) {
            GPtrArray *list = value;
            guint n = recent_at_or_before(list, s->walk_pos + window);
            if (n)
                g_ptr_array_remove_range(list, 0, n);
            if (list->len == 0)
                g_hash_table_iter_remove(&it);
        }
    }
}

/* Sets up the decisions and delivery failures S reads.  ALL (a full scan,
 * which decides every thread) reads every decision now: one pass costs
 * less than a look-up per thread; BOUNCES false reads no delivery failure
 * (a full scan finds each afresh).  Otherwise each thread's rows are read
 * when it is decided, so that a scan after little change reads little
 * (LEADUP_DEBUG_READ_ALL: everything now, the way that was).  The
 * decisions' table is the caller's to destroy. */
static int rows_open(struct scan *s, bool all, bool bounces)
{
    int ret = 0;

    if (all || lu_debug_read_all)
        ret = lu_store_decisions(s->store, &s->decisions);
    else
        s->decisions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);
    if (!ret && bounces && lu_debug_read_all)
        ret = lu_store_bounces(s->store, &s->bounces);
    else if (!ret)
        s->bounces = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)g_ptr_array_unref);
    if (!all && !lu_debug_read_all)
        s->looked = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    /* A decision's commit reads its thread's decisions again, not its
     * delivery failures: they are the view's answers elsewhere, found
     * once (0.25 M of a decision on a thread of 61, issue 14). */
    s->no_bounces = !bounces;
    /* A scan's threads' look-ups find nothing in a table that is empty
     * (no decision taken yet, no delivery failure): each was a statement
     * of a parameter a message, prepared afresh, 0.25-0.3 M instructions
     * of a thread of 62 (issue 14).  Nothing adds to them until the scan
     * writes.  A thread view's too (why, draft, a decision's view: 0.3 M
     * of a thread of 61 when no decision was ever taken); its decision's
     * commit asks again, once the decision is stored. */
    if (!ret && s->looked) {
        bool none_bounces = false;
        ret = lu_store_rows_none(s->store, &s->no_decisions, &none_bounces);
        s->no_bounces = s->no_bounces || none_bounces;
    }
    return ret;
}

/* Reads the decisions and delivery failures of the messages MIDS (char*)
 * not read yet. */
static int read_rows(struct scan *s, GPtrArray *mids)
{
    GPtrArray *unread;
    int ret = 0;

    if (!s->looked)
        return 0;
    unread = g_ptr_array_new();
    for (guint i = 0; i < mids->len; i++) {
        const char *mid = g_ptr_array_index(mids, i);
        if (mid && !g_hash_table_contains(s->looked, mid)) {
            g_hash_table_add(s->looked, g_strdup(mid));
            g_ptr_array_add(unread, (char *)mid);
        }
    }
    if (unread->len && !s->no_decisions)
        ret = lu_store_decisions_of(s->store, unread, s->decisions);
    if (!ret && unread->len && !s->no_bounces)
        ret = lu_store_bounces_of(s->store, unread, s->bounces);
    g_ptr_array_free(unread, TRUE);
    return ret;
}

/* The same for the messages of a thread. */
static int read_thread_rows(struct scan *s, GPtrArray *msgs)
{
    GPtrArray *mids;
    int ret;

    if (!s->looked)
        return 0;
    mids = g_ptr_array_sized_new(msgs->len);
    for (guint i = 0; i < msgs->len; i++)
        g_ptr_array_add(mids, ((struct lu_msg *)g_ptr_array_index(msgs, i))->mid);
    ret = read_rows(s, mids);
    g_ptr_array_free(mids, TRUE);
    return ret;
}

/* Remembers the delivery failure M (read here) reports on, if it is one,
 * and looks again at the thread of the message it reports on. */
static int collect_bounce(struct scan *s, struct lu_msg *m)
{
    GPtrArray *list, *one;
    char *tid = NULL;
    int ret;

    if (read_headers(s, m) != 0 || m->autokind != LU_AUTO_BOUNCE || !m->bounced_mid)
        return 0;
    /* Those stored first, as the thread's decision will read them. */
    one = g_ptr_array_new();
    g_ptr_array_add(one, m->bounced_mid);
    ret = read_rows(s, one);
    g_ptr_array_free(one, TRUE);
    if (ret)
        return ret;
    list = g_hash_table_lookup(s->bounces, m->bounced_mid);
    if (!list) {
        list = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
        g_hash_table_insert(s->bounces, g_strdup(m->bounced_mid), list);
    }
    g_ptr_array_add(list, bounce_copy(m));
    g_ptr_array_add(s->new_bounces, bounce_copy(m));
    /* Its thread by one term look-up (a ghost has none), not a query
     * that read the whole message: 200,000 instructions a failure
     * (issue 14). */
    if (lu_db_thread_of(s->db, m->bounced_mid, &tid) == 0 && tid)
        g_hash_table_add(s->pending, tid);
    return 0;
}

/* The possible delivery failures notmuch can tell from its index. */
#define BOUNCES "(mimetype:message/delivery-status or from:mailer-daemon or from:postmaster)"

static bool workers_start(struct scan *s);
static struct ahead_thread *found_read(struct scan *s, struct lu_msg *m);
static void found_take(struct scan *s, struct ahead_thread *t);
static void found_done(struct scan *s, struct ahead_thread *t);

/* The delivery failures the workers read ahead of collect_found at most:
 * their records wait in memory until it takes them. */
#define FOUND_AHEAD 64

/* Each of the messages FOUND read as a delivery failure (collect_bounce),
 * but those not in ONLY (NULL: none left out); each is let go once read
 * (its parse kept for the cache): a full scan meets every one at once.
 * With S's workers (a full scan's, started for it: collect_bounces), they
 * read the files FOUND_AHEAD ahead, as read_headers would (found_read):
 * 106 files of a first full scan at 10,000, 55 M instructions, were read
 * on this thread (issue 14). */
static int collect_found(struct scan *s, GPtrArray *found, GHashTable *only)
{
    struct ahead_thread **reads =
        s->workers && !only ? g_new0(struct ahead_thread *, found->len) : NULL;
    int ret = 0;

    for (guint i = 0; reads && i < MIN(found->len, FOUND_AHEAD); i++)
        reads[i] = found_read(s, found->pdata[i]);
    for (guint i = 0; !ret && i < found->len; i++) {
        struct lu_msg *m = found->pdata[i];
        if (reads && i + FOUND_AHEAD < found->len)
            reads[i + FOUND_AHEAD] = found_read(s, found->pdata[i + FOUND_AHEAD]);
        if (reads && reads[i])
            found_take(s, reads[i]);
        if (!only || g_hash_table_contains(only, m->mid)) {
            ret = collect_bounce(s, m);
            if (!ret)
                ret = cache_keep_msg(s, m);
        }
        if (reads && reads[i]) {
            found_done(s, reads[i]);
            reads[i] = NULL;
        }
        /* Its parse goes now (all of them held cost 20 MB at 100,000
         * messages); the array frees NULL as nothing. */
        lu_msg_free(m);
        found->pdata[i] = NULL;
    }
    for (guint i = 0; reads && i < found->len; i++)
        if (reads[i]) { /* pushed ahead of an error: waited for, then dropped */
            found_take(s, reads[i]);
            found_done(s, reads[i]);
        }
    g_free(reads);
    return ret;
}

/* Delivery failures among the messages matching QUERY: remember which
 * message each reports on (in memory now, in the store with the run), and
 * look again at the threads of those messages. */
static int collect_bounces(struct scan *s, const char *query, bool full)
{
    /* notmuch reads "*" as every message only when it is the whole query. */
    char *q = strcmp(query, "*") == 0 ? g_strdup(BOUNCES)
                                      : g_strdup_printf("(%s) and %s", query, BOUNCES);
    GPtrArray *found = NULL;
    int ret = lu_db_messages(s->db, q, 0, &found);

    /* the walk of every thread (walk_every) starts its workers anyway */
    if (!ret && full && strcmp(query, "*") == 0 && found->len >= FOUND_AHEAD / 4)
        workers_start(s);

    if (!ret)
        ret = collect_found(s, found, NULL);
    /* The threads they report on find them in the cache. */
    if (!ret)
        ret = cache_flush(s);
    if (found)
        g_ptr_array_free(found, TRUE);
    g_free(q);
    return ret;
}

/* lu_tids_fn: the delivery failures among the changed messages, before
 * the walk decides any of their threads (TIDS), so that the threads they
 * report on know.  Asking `(lastmod:A..B) and BOUNCES` made Xapian read
 * every message's revision a second time (83 M instructions at 300,000
 * messages, a third of a scan after one new message): the walk has read
 * the changed messages' ids (changed_mids) and threads, so the threads'
 * possible failures are asked for by thread, those changed kept. */
static int changed_bounces(GPtrArray *tids, void *data)
{
    struct scan *s = data;
    const guint most = LU_THREAD_BATCH * 4;
    int ret = 0;

    for (guint i = 0; !ret && i < tids->len; i += most) {
        char *tq = lu_db_threads_query((char **)tids->pdata + i, MIN(most, tids->len - i), NULL);
        char *q = g_strdup_printf("(%s) and %s", tq, BOUNCES);
        GPtrArray *found = NULL;

        ret = lu_db_messages(s->db, q, 0, &found);
        if (!ret)
            ret = collect_found(s, found, s->changed_mids);
        if (found)
            g_ptr_array_free(found, TRUE);
        g_free(q);
        g_free(tq);
    }
    if (!ret)
        ret = cache_flush(s);
    return ret;
}

static gint compare_taken(gconstpointer a, gconstpointer b)
{
    const struct lu_decision *x = *(struct lu_decision *const *)a;
    const struct lu_decision *y = *(struct lu_decision *const *)b;

    if (x->taken != y->taken)
        return x->taken < y->taken ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* The decisions on any message of the thread, oldest first (not owned). */
static GPtrArray *thread_decisions(struct scan *s, GPtrArray *msgs)
{
    GPtrArray *out = g_ptr_array_new();

    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        GPtrArray *d = g_hash_table_lookup(s->decisions, m->mid);
        for (guint j = 0; d && j < d->len; j++)
            g_ptr_array_add(out, g_ptr_array_index(d, j));
    }
    g_ptr_array_sort(out, compare_taken);
    return out;
}

static bool written_to_me(struct scan *s, const struct lu_msg *m)
{
    GPtrArray *lists[] = {m->to, m->cc};

    for (int l = 0; l < 2; l++)
        for (guint j = 0; j < lists[l]->len; j++)
            if (lu_identity_is_me(&s->ctx->me,
                                  ((struct lu_addr *)g_ptr_array_index(lists[l], j))->email))
                return true;
    return false;
}

/* worth_reading's answer from M, the latest message (its index date
 * sane): 1 or 0, or -1 when an earlier message answers (M unread, or no
 * message of a person).  M's file, when parsed here, is read for its
 * headers, and its own text extracted only when the rules can read it:
 * when M is written to me, or is no message of a person.  A
 * worker reading ahead does the same (ahead_wants_text), so the cache
 * keeps the same rows whatever the number of threads. */
static int latest_to_me(struct scan *s, struct lu_msg *m)
{
    struct lu_msg *file = NULL;
    bool meaningful, to_me;

    if (read_headers_file(s, m, &file) != 0)
        return -1;
    meaningful = lu_msg_meaningful(m);
    to_me = meaningful && written_to_me(s, m);
    if (file && (to_me || !meaningful))
        m->text_record = text_record(file);
    lu_msg_free(file);
    return meaningful ? to_me : -1;
}

guint64 lu_not_to_me;
guint64 lu_not_to_me_added, lu_not_to_me_held, lu_not_to_me_most, lu_not_to_me_left;
bool lu_debug_read_not_mine;

/* S->not_to_me's value for a message with a reference term (to_terms). */
#define NOT_TO_ME_REFS 2

/* Whether the index's to: terms say that no message of MSGS is written to
 * me (to_terms): then worth_reading's answer is no without a file read,
 * for it is yes only when a message's To or Cc holds an address of mine,
 * and notmuch indexed the words of each of those (every recipient of
 * every file).  Blind spot: an address GMime's parse drops that
 * mime.c's lenient one keeps (a malformed To) beside another it keeps:
 * notmuch indexed the other only (my_runs turns this off when one of my
 * addresses is such; an address of my domains may be).  A message not read from Xapian, or
 * with no to: term at all, may be. */
static bool none_to_me(struct scan *s, GPtrArray *msgs)
{
    if (!s->not_to_me)
        return false;
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (!m->mid || !g_hash_table_contains(s->not_to_me, m->mid))
            return false;
    }
    return true;
}

/* Whether M (MSGS' I-th), unread, is the latest message of a thread
 * none_to_me let go whose index holds a reference term: worth_reading
 * would have read its headers and remember_recent left it out for its
 * threading headers, so it leaves it out unread too (else find_elsewhere
 * parses it for nothing on this thread). */
static bool unread_with_refs(struct scan *s, GPtrArray *msgs, guint i)
{
    struct lu_msg *m = g_ptr_array_index(msgs, i);

    return s->not_to_me && !m->headers && m->mid && i + 1 == msgs->len &&
           GPOINTER_TO_INT(g_hash_table_lookup(s->not_to_me, m->mid)) == NOT_TO_ME_REFS &&
           none_to_me(s, msgs);
}

/* MID (not owned) into S->not_to_me as V (1, NOT_TO_ME_REFS). */
static void not_to_me_add(struct scan *s, const char *mid, int v)
{
    if (g_hash_table_insert(s->not_to_me, g_strdup(mid), GINT_TO_POINTER(v))) {
        lu_not_to_me_added++;
        lu_not_to_me_held++;
        lu_not_to_me_most = MAX(lu_not_to_me_most, lu_not_to_me_held);
    }
}

/* MSGS' entries out of S->not_to_me once their thread is decided: the
 * walk asks for a message's entry only while its thread waits
 * (ahead_plan, worth_reading, remember_recent's unread_with_refs), and
 * the set held every message written to nobody of mine until the walk
 * ended (7.6 MB at 300,000, issue 14).  LU_NOT_TO_ME_HELD counts what it
 * holds (LEADUP_DEBUG_COUNTS). */
static void not_to_me_forget(struct scan *s, GPtrArray *msgs)
{
    if (!s->not_to_me)
        return;
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (m->mid && g_hash_table_remove(s->not_to_me, m->mid))
            lu_not_to_me_held--;
    }
}

static bool worth_reading(struct scan *s, GPtrArray *msgs, bool *has_decisions)
{
    *has_decisions = false;
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (g_hash_table_contains(s->decisions, m->mid))
            *has_decisions = true;
        if (m->from && lu_identity_is_me(&s->ctx->me, m->from->email))
            return true;
    }
    if (*has_decisions)
        return true;
    if (none_to_me(s, msgs)) {
        lu_not_to_me++;
        return false;
    }
    for (int i = (int)msgs->len - 1; i >= 0; i--) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        int r = i + 1 == (int)msgs->len && m->date >= 0 ? latest_to_me(s, m) : -2;
        if (r >= 0)
            return r;
        if (r == -1 || read_headers(s, m) != 0 || !lu_msg_meaningful(m))
            continue;
        return written_to_me(s, m);
    }
    return false;
}

/* Tag operations turning the thread's leadup/... tags into what V says.
 * A lazy state's tag (lu_state_lazy) is kept where it is, never added:
 * the thread's item is stored untagged (plan_item) until
 * lu_scan_write_lazy writes it.  Every stale leadup/ tag of the thread,
 * the lazy one too, goes: the thread's tags are read anyway. */
static void plan_tags(struct scan *s, GPtrArray *msgs, const struct lu_verdict *v)
{
    /* Every tag wanted is the anchor's (WANT, on the message WMID): a
     * table of them a thread was 2,000 instructions (issue 14). */
    GPtrArray *want = g_ptr_array_new_with_free_func(g_free);
    const char *wmid = NULL;
    char *lazy =
        lu_state_lazy(v->state) ? g_strconcat(LU_TAG_PREFIX, lu_state_name(v->state), NULL) : NULL;

    if (v->state != LU_ST_NONE && v->anchor >= 0) {
        struct lu_msg *a = g_ptr_array_index(msgs, v->anchor);
        char *tag;
        wmid = a->mid;
        g_ptr_array_add(want, g_strconcat(LU_TAG_PREFIX, lu_state_name(v->state), NULL));
        if (v->sched.due)
            g_ptr_array_add(want, g_strdup(LU_TAG_PREFIX "due"));
        /* The day it falls due or wakes, for the client's index (datetag.c). */
        tag = lu_date_tag(v->state, v->sched.due_at, v->sched.next_check, s->ctx->cfg.tz);
        if (tag)
            g_ptr_array_add(want, tag);
    }
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        GPtrArray *w = wmid && strcmp(m->mid, wmid) == 0 ? want : NULL;

        for (guint j = 0; j < m->tags->len; j++) {
            const char *t = g_ptr_array_index(m->tags, j);
            bool keep = false;
            if (!g_str_has_prefix(t, LU_TAG_PREFIX))
                continue;
            for (guint k = 0; w && k < w->len && !keep; k++)
                keep = strcmp(t, g_ptr_array_index(w, k)) == 0;
            if (!keep) {
                struct lu_tagop op = {g_strdup(m->mid), g_strdup(t), false};
                g_array_append_val(s->ops, op);
                s->st->removed++;
            }
        }
        for (guint k = 0; w && k < w->len; k++) {
            const char *t = g_ptr_array_index(w, k);
            bool have = false;
            for (guint j = 0; j < m->tags->len && !have; j++)
                have = strcmp(t, g_ptr_array_index(m->tags, j)) == 0;
            if (!have && !g_strcmp0(t, lazy))
                continue;
            if (!have) {
                struct lu_tagop op = {g_strdup(m->mid), g_strdup(t), true};
                g_array_append_val(s->ops, op);
                s->st->added++;
            }
        }
    }
    g_ptr_array_free(want, TRUE);
    g_free(lazy);
}

static char *join_why(GPtrArray *why)
{
    GString *out = g_string_new(NULL);

    /* appended, not printed: a format parsed a line was 1,460
     * instructions, 18 M of a first full scan at 10,000 (issue 14) */
    for (guint i = 0; why && i < why->len; i++) {
        const char *w = g_ptr_array_index(why, i);
        if (i)
            g_string_append_c(out, '\n');
        g_string_append(out, w ? w : "(null)"); /* as printf's %s wrote it */
    }
    return g_string_free(out, FALSE);
}

static void plan_item(struct scan *s, GPtrArray *msgs, const struct lu_verdict *v)
{
    struct lu_thread_plan *p = g_new0(struct lu_thread_plan, 1);

    p->mids = g_ptr_array_new_with_free_func(g_free);
    /* A full walk replayed stages no row a message (its item forgotten):
     * the items this run does not write go all the same
     * (lu_store_forget_before), and no prune reads the messages walked
     * (scan_save).  A row each was 6% of a settings change's
     * instructions at 10,000 messages. */
    for (guint i = 0; !(s->full && s->replay && !lu_debug_walk_whole) && i < msgs->len; i++)
        g_ptr_array_add(p->mids, g_strdup(((struct lu_msg *)g_ptr_array_index(msgs, i))->mid));
    if (v->state != LU_ST_NONE && v->anchor >= 0) {
        struct lu_msg *a = g_ptr_array_index(msgs, v->anchor);
        struct lu_msg *since = g_ptr_array_index(msgs, v->asked >= 0 ? v->asked : v->anchor);
        struct lu_item *it = g_new0(struct lu_item, 1);

        it->mid = g_strdup(a->mid);
        it->thread_id = g_strdup(a->thread_id);
        it->state = v->state;
        it->sched = v->sched;
        it->since = since->date;
        it->subject = g_strdup(a->subject);
        it->who = g_strdup(v->who);
        it->norm_subject = lu_subject_norm(a->subject);
        it->why = join_why(v->why);
        it->updated = s->stamp;
        /* plan_tags kept the lazy tag where the anchor had it. */
        if (lu_state_lazy(v->state)) {
            char *tag = g_strconcat(LU_TAG_PREFIX, lu_state_name(v->state), NULL);
            it->untagged = !has_tag(a, tag);
            g_free(tag);
        }
        p->item = it;
    }
    g_ptr_array_add(s->items, p);
    lu_plans_held = MAX(lu_plans_held, s->items->len);
}

/* Whether M changed since the last scan (it is new, most often): among
 * the messages the walk read for the changed ranges.  Not a count of
 * "id:M and lastmod:A..B": Xapian reads the range's values of every
 * message for it (82 M instructions at 300,000 messages). */
static bool changed_since(struct scan *s, const struct lu_msg *m)
{
    return s->changed_mids && g_hash_table_contains(s->changed_mids, m->mid);
}

/* A new thread that starts without References may answer a thread in a
 * queue whose threading it broke (their reply to my question, or my answer
 * to theirs): look at those again.  Only when that first message is new:
 * the scan that met it looked already, and a reply in an old thread (or
 * its time come, or a thread looked at again for this very reason) would
 * otherwise have every queued thread under the same subject decided again
 * (3,704 threads after one reply at 300,000 synthetic messages; issue 14). */
static void note_broken_threading(struct scan *s, GPtrArray *msgs)
{
    struct lu_msg *root = g_ptr_array_index(msgs, 0);
    GPtrArray *threads = NULL;
    char *norm;

    if (read_headers(s, root) != 0)
        return;
    if (root->in_reply_to || root->refs->len || !root->from || !changed_since(s, root))
        return;
    norm = lu_subject_norm(root->subject);
    if (*norm && lu_store_threads_by_subject(s->store, norm, &threads) == 0)
        for (guint i = 0; i < threads->len; i++) {
            const char *t = g_ptr_array_index(threads, i);
            if (!lu_idset_has(s->done, t))
                g_hash_table_add(s->pending, g_strdup(t));
        }
    if (threads)
        g_ptr_array_free(threads, TRUE);
    g_free(norm);
}

/* Whether M was written to me or to a list (where it may be to me). */
/* Whether M, their latest message, asks me something I may have answered
 * elsewhere: written to me or to a list, and expecting a reply (the rules
 * read its text anyway, so this costs no extra read). */
static bool may_be_answered(struct scan *s, struct lu_msg *m)
{
    GPtrArray *lists[] = {m->to, m->cc};
    bool to_me = m->list_id != NULL;

    for (int l = 0; l < 2 && !to_me; l++)
        for (guint i = 0; i < lists[l]->len && !to_me; i++)
            to_me = lu_identity_is_me(&s->ctx->me,
                                      ((struct lu_addr *)g_ptr_array_index(lists[l], i))->email);
    if (!to_me)
        return false;
    analyse(s, m);
    return m->an->expects_reply;
}

/* A sender's mail in the index, and my mail to them; -1 when not
 * counted, HISTORY_UNASKED before a rule asked. */
#define HISTORY_UNASKED (-2)

/* A query for the messages from EMAIL.  notmuch's parser reads Exchange's
 * "j..smith@x" as a range even in quotes, so such an address is matched by
 * a regular expression.  Caller frees. */
static char *from_term(const char *email)
{
    GString *re = g_string_new("/");
    char *q, *ret;

    if (!strstr(email, "..")) {
        q = lu_db_quote(email);
        goto out;
    }
    for (const char *p = email; *p; p++) {
        if (strchr(".[]()*+?{}|^$\\", *p))
            g_string_append_c(re, '\\');
        g_string_append_c(re, *p);
    }
    g_string_append_c(re, '/');
    q = lu_db_quote(re->str);
out:
    ret = g_strdup_printf("from:%s", q);
    g_free(q);
    g_string_free(re, TRUE);
    return ret;
}

/* A query for the messages from me: my addresses and domains.  Caller frees. */
static char *from_me(struct scan *s)
{
    GString *q = g_string_new("(");
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init(&it, s->ctx->me.addrs);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        char *t = from_term(key);
        g_string_append_printf(q, "%s%s", q->len > 1 ? " or " : "", t);
        g_free(t);
    }
    for (guint i = 0; i < s->ctx->me.domains->len; i++) {
        char *t = from_term(g_ptr_array_index(s->ctx->me.domains, i));
        g_string_append_printf(q, "%s%s", q->len > 1 ? " or " : "", t);
        g_free(t);
    }
    g_string_append_c(q, ')');
    return g_string_free(q, FALSE);
}

static void kept_load(struct scan *s);

/* Whether the histories the last full scan kept say the index holds mail
 * from me: they hold for this index (kept_load: messages were only added
 * since, and I am who I was), and one of them counted mail of mine (its
 * answered count, my mail to its sender, is the same query as from_me's
 * narrowed to them).  Not in a full walk (its own histories). */
static bool kept_mine(struct scan *s)
{
    char *again = NULL;
    bool any = false;

    if (s->senders_at || !s->store)
        return false;
    if (s->fwd_senders) {
        GHashTableIter it;
        gpointer h;

        g_hash_table_iter_init(&it, s->fwd_senders);
        while (!any && g_hash_table_iter_next(&it, NULL, &h))
            any = ((struct lu_history *)h)->answered > 0;
        /* The others as kept: a count brought forward only grows. */
        if (!any && s->fwd_partial && lu_store_senders_answered(s->store, &any) == 0 && any &&
            (lu_store_get(s->store, "senders_base", &again) != 0 ||
             g_strcmp0(again, s->fwd_was) != 0))
            any = false;
        g_free(again);
        return any;
    }
    kept_load(s);
    if (!s->kept_base || lu_store_senders_answered(s->store, &any) != 0 || !any ||
        lu_store_get(s->store, "senders_base", &again) != 0)
        any = false;
    /* A full scan may have kept others since kept_load read the base. */
    any = any && g_strcmp0(again, s->kept_base) == 0;
    g_free(again);
    return any;
}

static GPtrArray *mine_list(struct scan *s, enum lu_sender_count what);
static bool check_xaddr(void);

/* Whether ME (from_me's query) matches any mail: Xapian asked for one
 * match of my addresses' phrases (lu_db_any_from), else notmuch's count. */
static bool any_mine(struct scan *s, const char *me)
{
    GPtrArray *mine = mine_list(s, LU_SENDER_ANSWERED);
    unsigned c;
    bool any = false;
    int ret = lu_db_any_from(s->db, (const char *const *)mine->pdata, mine->len, &any);

    if (ret == 0 && check_xaddr() && lu_db_count(s->db, me, &c) == 0 && (c > 0) != any)
        fprintf(stderr, "leadup: whether '%s' matches differs: %s from Xapian, %u from notmuch\n",
                me, any ? "yes" : "no", c);
    g_ptr_array_free(mine, TRUE);
    return ret == 0 ? any : lu_db_count(s->db, me, &c) == 0 && c > 0;
}

/* Whether the index holds mail from me (ME: from_me's query).  Counting it
 * all reads the positions of my addresses' terms in every message of mine
 * (3,600 index blocks, 170 ms of CPU at 300,000 messages: most of a why of
 * their question); one message is enough.  The anchors of the state's
 * awaiting items were mine when a scan stored them: the same query
 * narrowed to four of their ids asks the index about those few messages.
 * All of it is counted only when none of them matches (deleted since,
 * none stored, a first scan). */
static bool my_mail(struct scan *s, const char *me)
{
    GPtrArray *mids = NULL;
    GString *q = g_string_new("(");
    unsigned c;
    bool found = kept_mine(s);

    if (!found && s->store && lu_store_some_anchors(s->store, LU_ST_AWAITING, &mids) == 0 &&
        mids->len) {
        for (guint i = 0; i < mids->len; i++) {
            char *qm = lu_db_quote(g_ptr_array_index(mids, i));
            g_string_append_printf(q, "%sid:%s", i ? " or " : "", qm);
            g_free(qm);
        }
        g_string_append_printf(q, ") and %s", me);
        lu_sender_counts++;
        found = lu_db_count(s->db, q->str, &c) == 0 && c > 0;
    }
    if (!found) {
        lu_sender_counts++;
        found = any_mine(s, me);
    }
    if (mids)
        g_ptr_array_free(mids, TRUE);
    g_string_free(q, TRUE);
    return found;
}

/* Counts one of the histories of the sender of M (the latest message of
 * a thread I never wrote in, when it asks something, or the learned bulk
 * model reads it as bulk): WHAT is their mail (m->sender_sent) or mine to
 * them (m->sender_answered), each once per sender in a run and only when
 * a rule asks for it (never_answered asks for mine only when they wrote
 * often enough, the learned bulk model only for mine).  Not counted (-1):
 * no database open (a view that has closed it), list mail, an address
 * notmuch's to: cannot parse, or an index that holds no mail from me (my
 * sent mail is kept elsewhere: "never written to" would be a guess). */
static gint cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first 16 hex digits of the SHA-1 of who I am (my addresses and
 * domains, sorted): what the histories of mine to them were counted
 * for.  Caller frees. */
static char *me_digest(struct scan *s)
{
    GPtrArray *mine = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    GString *me = g_string_new(NULL);
    char *digest;

    g_hash_table_iter_init(&it, s->ctx->me.addrs);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_ptr_array_add(mine, key);
    g_ptr_array_sort(mine, cmp_str);
    for (guint i = 0; i < mine->len; i++)
        g_string_append_printf(me, "%s\n", (char *)g_ptr_array_index(mine, i));
    for (guint i = 0; i < s->ctx->me.domains->len; i++)
        g_string_append_printf(me, "@%s\n", (char *)g_ptr_array_index(s->ctx->me.domains, i));
    digest = g_compute_checksum_for_string(G_CHECKSUM_SHA1, me->str, -1);
    digest[16] = '\0';
    g_string_free(me, TRUE);
    g_ptr_array_free(mine, TRUE);
    return digest;
}

/* The key of the senders' histories counted in the index "UUID REV" (the
 * revision after this run's own tag writes, which change no count) that a
 * full walk planned with DATED messages (lu_db_dated) read for me as I am
 * now (me_digest): notmuch's revision shows every message added, and the
 * count every one removed (a removal may leave the revision as it was).
 * Caller frees. */
static char *senders_key(struct scan *s, const char *uuid, gint64 rev, gint64 dated)
{
    char *digest = me_digest(s);
    char *ret = g_strdup_printf("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s", uuid, rev, dated,
                                digest);

    g_free(digest);
    return ret;
}

static void senders_forward(struct scan *s, bool whole);

/* A full walk of an index other than the one the last full scan counted
 * the histories in (its revision moved: a tag, mail added): the kept
 * histories as the incremental scans brought them forward (meta
 * "senders_base"), with the messages added since counted on top
 * (senders_forward), when messages were only added since and I am who I
 * was; else none (each is counted). */
static void senders_brought(struct scan *s)
{
    char *have = NULL, *key = NULL, *digest = NULL;
    size_t n;

    if (s->fwd_partial) { /* not the whole table: brought forward again */
        LU_FREE_EACH(g_hash_table_destroy, s->fwd_moved, s->fwd_senders);
        LU_FREE_EACH(g_free, s->fwd_base, s->fwd_was);
        s->fwd_moved = s->fwd_senders = NULL;
        s->fwd_base = s->fwd_was = NULL;
        s->fwd_partial = false;
    }
    senders_forward(s, true);
    if (s->fwd_senders) {
        s->senders = g_steal_pointer(&s->fwd_senders);
        g_clear_pointer(&s->fwd_moved, g_hash_table_destroy);
        LU_FREE_EACH(g_free, s->fwd_base, s->fwd_was);
        s->fwd_base = s->fwd_was = NULL;
        return;
    }
    /* nothing added since they were brought forward: the kept ones */
    if (!s->base || lu_store_get(s->store, "senders_base", &have) != 0 || !have ||
        lu_store_get(s->store, "senders", &key) != 0 || !key || !*key)
        goto out;
    digest = me_digest(s);
    n = strlen(digest);
    if (strncmp(have, digest, n) == 0 && have[n] == ' ' && strcmp(have + n + 1, s->base) == 0 &&
        lu_store_senders_read(s->store, key, &s->senders) != 0)
        s->senders = NULL;
out:
    LU_FREE_EACH(g_free, have, key, digest);
}

/* The first history a full walk of every thread asks for (S->recent: the
 * walk planned its slices, so the index's messages are counted): those
 * the last full scan kept, when it counted them in this very index, or
 * brought forward to it (senders_brought). */
static void senders_load(struct scan *s)
{
    gint64 dated = s->db ? lu_db_dated(s->db) : -1;
    char *uuid;

    if (s->senders_at || !s->recent || !s->store || !s->index_at || dated < 0)
        return;
    uuid = g_strdup(s->index_at);
    *strchr(uuid, ' ') = '\0';
    s->senders_dated = dated;
    s->base = lu_db_base(s->db);
    s->senders_at =
        senders_key(s, uuid, g_ascii_strtoll(s->index_at + strlen(uuid) + 1, NULL, 10), dated);
    g_free(uuid);
    if (!s->senders && lu_store_senders_read(s->store, s->senders_at, &s->senders) != 0)
        s->senders = NULL; /* printed: count them */
    if (!s->senders)
        senders_brought(s);
}

/* Outside a full walk, once a run: the histories the last full scan kept
 * were counted in the index as it was then (meta "senders_base":
 * me_digest's and lu_db_base's, written with them).  They hold for this
 * index, with the messages added since counted on top, when messages were
 * only added (lu_db_since) and I am who I was. */
static void kept_load(struct scan *s)
{
    char *have = NULL, *digest = NULL;
    size_t n;

    if (s->kept_tried)
        return;
    s->kept_tried = true;
    if (!s->store || !s->db || lu_store_get(s->store, "senders_base", &have) != 0 || !have)
        goto out;
    digest = me_digest(s);
    n = strlen(digest);
    if (strncmp(have, digest, n) != 0 || have[n] != ' ')
        goto out;
    /* Told by document number: none of the mail added is read here, only
     * what a sender's count finds of it (since_count).
     * LEADUP_DEBUG_NO_ABOVE: by their Message-IDs, as before. */
    if (lu_db_above(s->db, have + n + 1, G_MAXUINT, &s->above, &s->added) != 0) {
        if (!lu_debug_no_above || lu_db_since(s->db, have + n + 1, LU_SINCE_MOST, &s->since) != 0)
            goto out;
        s->since_tried = true;
        s->added = s->since->len;
    }
    s->kept_base = g_steal_pointer(&have);
out:
    g_free(have);
    g_free(digest);
}

/* The query of the history Q (history_query's) over the messages MIDS
 * (Message-IDs): what is counted on top of a kept history.  Caller frees. */
static GString *since_query(const char *q, GPtrArray *mids)
{
    GString *since = g_string_new(NULL);

    g_string_append_printf(since, "(%s) and (", q);
    for (guint i = 0; i < mids->len; i++) {
        char *qm = lu_db_quote(g_ptr_array_index(mids, i));
        g_string_append_printf(since, "%sid:%s", i ? " or " : "", qm);
        g_free(qm);
    }
    g_string_append_c(since, ')');
    return since;
}

/* The query of the history WHAT of the sender EMAIL (ME: from_me's):
 * their mail, or mine to them.  Caller frees. */
static char *history_query(const char *email, enum lu_sender_count what, const char *me)
{
    char *them, *q;

    if (what == LU_SENDER_SENT)
        return from_term(email);
    them = lu_db_quote(email);
    q = g_strdup_printf("%s and to:%s", me, them);
    g_free(them);
    return q;
}

/* The history of KEY as the table keeps it into *H, for an incremental
 * scan that brought forward only those the mail added may count for
 * (senders_forward): the others hold as kept, unless a full scan kept
 * others meanwhile (meta "senders_base" no longer what it read): false. */
static bool fwd_kept_row(struct scan *s, const char *key, struct lu_history *h)
{
    char *again = NULL;
    bool ok = lu_store_sender_get(s->store, key, h) == 0 &&
              lu_store_get(s->store, "senders_base", &again) == 0 &&
              g_strcmp0(again, s->fwd_was) == 0;

    g_free(again);
    return ok; /* -2 each when none is kept: not a count */
}

/* Set from LEADUP_DEBUG_CHECK_XADDR: each history counted from Xapian's
 * postings (lu_db_count_addr) counted by notmuch's query too, a
 * difference printed and notmuch's taken (tests, and the comparison on
 * real mail). */
static bool check_xaddr(void)
{
    static int check = -1;

    if (check < 0)
        check = g_getenv("LEADUP_DEBUG_CHECK_XADDR") != NULL;
    return check;
}

/* The addresses and domains from_me's query names, for a count of WHAT
 * (none for their mail to me).  Caller frees the array, not its strings. */
static GPtrArray *mine_list(struct scan *s, enum lu_sender_count what)
{
    GPtrArray *mine = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;

    if (what == LU_SENDER_ANSWERED) {
        g_hash_table_iter_init(&it, s->ctx->me.addrs);
        while (g_hash_table_iter_next(&it, &key, NULL))
            g_ptr_array_add(mine, key);
        for (guint i = 0; i < s->ctx->me.domains->len; i++)
            g_ptr_array_add(mine, g_ptr_array_index(s->ctx->me.domains, i));
    }
    return mine;
}

/* The count of Q (history_query's of EMAIL and WHAT) over the messages
 * added since the kept histories (kept_load: S->added, numbered above
 * S->above) into *C: from Xapian's postings of those that hold the
 * address's rarest word (lu_db_count_addr_above), so a sender's count
 * reads none of the others (issue 14: each message added cost a why 0.13
 * M instructions at 300,000 messages, its Message-ID read and named in
 * the query).  An address Xapian cannot count so: notmuch's count of Q
 * ANDed with their Message-IDs, read once a run (lu_db_since), for no
 * more than LU_SINCE_MOST of them.  Returns 0, or -1: the caller counts
 * with notmuch over the whole index. */
static int since_count(struct scan *s, const char *email, enum lu_sender_count what, const char *q,
                       unsigned *c)
{
    GPtrArray *mine = mine_list(s, what);
    GString *since = NULL;
    unsigned nm;
    int ret = -1;

    if ((what == LU_SENDER_SENT || mine->len) &&
        lu_db_count_addr_above(s->db, email,
                               what == LU_SENDER_SENT ? NULL : (const char *const *)mine->pdata,
                               mine->len, s->above, c) == 0) {
        ret = 0;
        if (!check_xaddr())
            goto out;
    }
    if (!s->since_tried) { /* the base after the digest of who I am */
        s->since_tried = true;
        if (lu_db_since(s->db, strchr(s->kept_base, ' ') + 1, LU_SINCE_MOST, &s->since) != 0)
            s->since = NULL;
    }
    if (!s->since)
        goto out;
    since = since_query(q, s->since);
    if (lu_db_count(s->db, since->str, &nm) != 0)
        goto out;
    if (ret == 0 && nm != *c)
        fprintf(stderr,
                "leadup: count of '%s' over the messages added differs: %u from Xapian, %u from "
                "notmuch\n",
                q, *c, nm);
    *c = nm;
    ret = 0;
out:
    if (since)
        g_string_free(since, TRUE);
    g_ptr_array_free(mine, TRUE);
    return ret;
}

/* The history WHAT of the sender EMAIL, whose lower-case address is KEY, from
 * those this scan brought forward (senders_forward), or else those the
 * last full scan kept (kept_load), into *OUT: its count, and
 * Q's (the count's query) over the messages added since (since_count).  False when
 * none holds: the caller counts with notmuch.  A full walk has its own
 * (senders_load). */
static bool kept_history(struct scan *s, const char *email, const char *key,
                         enum lu_sender_count what, const char *q, unsigned *out)
{
    struct lu_history h;
    char *again = NULL;
    unsigned c = 0;
    bool ok = false;
    int kept;

    if (s->senders_at)
        return false;
    if (s->fwd_senders) { /* brought forward to this very index */
        struct lu_history *f = g_hash_table_lookup(s->fwd_senders, key);
        if (!f && s->fwd_partial && fwd_kept_row(s, key, &h))
            f = &h; /* none of the mail added counts for it */
        kept = !f ? -1 : what == LU_SENDER_SENT ? f->sent : f->answered;
        if (kept >= 0)
            lu_sender_kept++;
        *out = (unsigned)MAX(kept, 0);
        return kept >= 0;
    }
    kept_load(s);
    if (!s->kept_base || lu_store_sender_get(s->store, key, &h) != 0)
        goto out;
    kept = what == LU_SENDER_SENT ? h.sent : h.answered;
    /* A full scan may have kept others since kept_load read the base. */
    if (kept < 0 || lu_store_get(s->store, "senders_base", &again) != 0 ||
        g_strcmp0(again, s->kept_base) != 0)
        goto out;
    if (s->added) {
        if (since_count(s, email, what, q, &c) != 0)
            goto out;
        lu_sender_since++;
    }
    *out = (unsigned)kept + c;
    lu_sender_kept++;
    ok = true;
out:
    g_free(again);
    return ok;
}

/* The count of Q (history_query's of EMAIL and WHAT) into *C: from
 * Xapian's postings (lu_db_count_addr), whose cost grows with the mail of
 * EMAIL, where notmuch's count of my mail to EMAIL walks the postings of
 * every message of mine (one count a sender: the first full scan's cost
 * grew as the senders times my mail); else notmuch's count of Q.  Returns 0 or lu_db_count's status. */
static int history_count(struct scan *s, const char *email, enum lu_sender_count what,
                         const char *q, unsigned *c)
{
    GPtrArray *mine = mine_list(s, what);
    unsigned nm;
    int ret = -1;

    if (what == LU_SENDER_ANSWERED && !mine->len)
        goto out;
    ret = lu_db_count_addr(s->db, email,
                           what == LU_SENDER_ANSWERED ? (const char *const *)mine->pdata : NULL,
                           mine->len, c);
    if (ret == 0 && check_xaddr() && lu_db_count(s->db, q, &nm) == 0 && nm != *c) {
        fprintf(stderr, "leadup: count of '%s' differs: %u from Xapian, %u from notmuch\n", q, *c,
                nm);
        *c = nm;
    }
out:
    g_ptr_array_free(mine, TRUE);
    return ret == 0 ? 0 : lu_db_count(s->db, q, c);
}

static void sender_history(struct scan *s, struct lu_msg *m, enum lu_sender_count what)
{
    struct lu_history *h;
    char *key, *me = NULL, *q = NULL;
    int *n;
    unsigned c;

    if (!s->db || !m->from || !m->from->email || m->list_id || strstr(m->from->email, ".."))
        return;
    senders_load(s);
    if (!s->senders)
        s->senders = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    key = g_ascii_strdown(m->from->email, -1);
    h = g_hash_table_lookup(s->senders, key);
    if (!h) {
        h = g_new(struct lu_history, 1);
        h->sent = h->answered = HISTORY_UNASKED;
        g_hash_table_insert(s->senders, g_strdup(key), h);
    }
    n = what == LU_SENDER_SENT ? &h->sent : &h->answered;
    if (*n != HISTORY_UNASKED)
        goto out;
    *n = -1;
    me = from_me(s);
    if (s->my_mail < 0)
        s->my_mail = strlen(me) > 2 && my_mail(s, me);
    if (!s->my_mail)
        goto out;
    q = history_query(m->from->email, what, me);
    if (kept_history(s, m->from->email, key, what, q, &c)) {
        *n = (int)MIN(c, (unsigned)G_MAXINT);
        goto out;
    }
    lu_sender_counts++;
    if (history_count(s, m->from->email, what, q, &c) == 0)
        *n = (int)MIN(c, (unsigned)G_MAXINT);
out:
    if (h->sent != HISTORY_UNASKED)
        m->sender_sent = h->sent;
    if (h->answered != HISTORY_UNASKED)
        m->sender_answered = h->answered;
    g_free(key);
    g_free(me);
    g_free(q);
}

/* Reads what the rules need and decides MSGS' state into V.  *DECISIONS
 * and *ELSEWHERE (may be NULL) are the caller's to free.  RULES false:
 * everything but the rules, V left as it was (a decision's view, which
 * decides again once the decision is stored: lu_thread_view_commit). */
static void decide(struct scan *s, GPtrArray *msgs, struct lu_verdict *v, GPtrArray **decisions,
                   GPtrArray **elsewhere, bool rules)
{
    bool has_decisions = false;

    *decisions = *elsewhere = NULL;
    if (worth_reading(s, msgs, &has_decisions)) {
        int last_mine = -1, last = -1;
        for (guint i = 0; i < msgs->len; i++) {
            struct lu_msg *m = g_ptr_array_index(msgs, i);
            read_headers(s, m);
            if (!lu_msg_meaningful(m))
                continue;
            last = (int)i;
            if (m->from && lu_identity_is_me(&s->ctx->me, m->from->email))
                last_mine = (int)i;
        }
        *decisions = thread_decisions(s, msgs);
        /* My latest message may have been answered, or their latest
         * message answered by me, in a message that broke threading. */
        if (last >= 0 && (last == last_mine || may_be_answered(s, g_ptr_array_index(msgs, last))))
            *elsewhere = find_elsewhere(s, msgs, g_ptr_array_index(msgs, last));
        if (rules)
            lu_thread_decide(&s->rules, msgs, *decisions, *elsewhere, v);
    } else {
        lu_verdict_init(v);
        v->rule = LU_R_NOT_MINE;
        g_ptr_array_add(v->why, g_strdup("Nobody in this thread is me, and its latest message "
                                         "was not written to me."));
    }
}

/* Remembers DECISIONS' pending ones (may be NULL): once this run's tags
 * are written they are applied. */
static void note_pending(struct scan *s, GPtrArray *decisions)
{
    for (guint i = 0; decisions && i < decisions->len; i++) {
        struct lu_decision *d = g_ptr_array_index(decisions, i);
        if (d->pending)
            g_array_append_val(s->applied, d->id);
    }
}

static bool has_id(GArray *ids, gint64 id)
{
    for (guint i = 0; i < ids->len; i++)
        if (g_array_index(ids, gint64, i) == id)
            return true;
    return false;
}

/* Pending decisions on a message notmuch no longer has have no tag to
 * write: their marks go, so that scans stop asking for it.  The decisions
 * stay, and apply again if the message comes back. */
static int settle_missing(struct scan *s)
{
    GHashTableIter it;
    gpointer key, value;
    int ret = 0;

    g_hash_table_iter_init(&it, s->waiting);
    while (!ret && g_hash_table_iter_next(&it, &key, &value)) {
        GPtrArray *list = value;
        bool waiting = false;
        unsigned n = 1;
        char *q, *qm;

        for (guint i = 0; i < list->len && !waiting; i++) {
            struct lu_decision *d = g_ptr_array_index(list, i);
            waiting = d->pending && !has_id(s->applied, d->id);
        }
        if (!waiting)
            continue;
        qm = lu_db_quote(key);
        q = g_strconcat("id:", qm, NULL);
        ret = lu_db_count(s->db, q, &n);
        for (guint i = 0; !ret && n == 0 && i < list->len; i++) {
            struct lu_decision *d = g_ptr_array_index(list, i);
            if (d->pending)
                g_array_append_val(s->applied, d->id);
        }
        g_free(q);
        g_free(qm);
    }
    return ret;
}

static void kmsg_keep(struct scan *s, GPtrArray *msgs);
static void kmsg_init(struct scan *s, const char *uuid);
static char *drafts_digest(struct scan *s);
static int walk_decided(struct scan *s, GPtrArray *msgs, guint from);

/* lu_said_keep's get: M's folded sentences as its row held them. */
static GBytes *said_get(const struct lu_msg *m, void *data)
{
    struct scan *s = data;

    return m->mid ? g_hash_table_lookup(s->said_kept, m->mid) : NULL;
}

/* lu_said_keep's made: REC (taken), M's made now, for its row
 * (cache_keep_msg), unless the row holds it already. */
static void said_made(const struct lu_msg *m, GBytes *rec, void *data)
{
    struct scan *s = data;
    GBytes *had = m->mid ? g_hash_table_lookup(s->said_kept, m->mid) : NULL;

    if (!m->mid || !m->file_id || (had && g_bytes_equal(had, rec))) {
        g_bytes_unref(rec);
        return;
    }
    g_hash_table_replace(s->said_kept, g_strdup(m->mid), g_bytes_ref(rec));
    g_hash_table_replace(s->said_made, g_strdup(m->mid), rec);
}

/* Decides MSGS (read_thread_rows, decide) within one read of the state
 * (an incremental scan's: lu_store_read_begin), with the folded sentences
 * its rows keep (said.h lu_said_keep). */
static int decide_read(struct scan *s, GPtrArray *msgs, struct lu_verdict *v, GPtrArray **decisions,
                       GPtrArray **elsewhere)
{
    bool one = s->said_kept != NULL;
    int ret = one ? lu_store_read_begin(s->store) : 0;

    if (!ret)
        ret = read_thread_rows(s, msgs);
    if (ret) {
        lu_store_read_end(s->store);
        return ret;
    }
    lu_said_keep = one ? &s->said_keep : NULL;
    decide(s, msgs, v, decisions, elsewhere, true);
    lu_said_keep = NULL;
    lu_store_read_end(s->store);
    return 0;
}

static int decide_thread(GPtrArray *msgs, void *data)
{
    struct scan *s = data;
    struct lu_verdict v = {0};
    GPtrArray *decisions = NULL, *elsewhere = NULL;
    const char *tid;
    guint from;
    int ret;

    if (msgs->len == 0)
        return 0;
    tid = ((struct lu_msg *)g_ptr_array_index(msgs, 0))->thread_id;
    if (!lu_idset_add(s->done, tid))
        return 0;
    s->st->threads++;
    if (s->o->progress && (s->st->threads % 50 == 0 || s->st->threads == s->total))
        fprintf(stderr, "\rleadup: scanning threads: %u/%u", s->st->threads, s->total);

    /* A full scan decides every thread anyway, answers elsewhere included
     * (walk_all): nothing to look at again, and no query per thread. */
    if (!s->full)
        note_broken_threading(s, msgs);
    kmsg_keep(s, msgs);
    ret = decide_read(s, msgs, &v, &decisions, &elsewhere);
    if (ret)
        return ret;
    note_pending(s, decisions);
    if (v.state < LU_ST_COUNT)
        s->st->states[v.state]++;
    from = s->ops->len;
    plan_tags(s, msgs, &v);
    if (s->tags && s->ops->len - s->ops_handed >= s->tags_batch)
        lu_tagwriter_hand(s->tags, s->ops, &s->ops_handed);
    ret = walk_decided(s, msgs, from);
    plan_item(s, msgs, &v);
    if (s->recent)
        remember_recent(s, msgs);
    not_to_me_forget(s, msgs);
    if (!ret)
        ret = cache_keep(s, msgs);
    if (!ret)
        ret = cache_keep(s, elsewhere);
    /* The records of the rows this thread read go with it (no memory held
     * across a long incremental scan); one of a message met again is
     * made again, as the same bytes. */
    if (s->said_kept)
        LU_FREE_EACH(g_hash_table_remove_all, s->said_kept, s->said_made);
    if (!ret && s->items->len >= PLAN_BATCH)
        ret = stage_plans(s);
    lu_verdict_clear(&v);
    if (decisions)
        g_ptr_array_free(decisions, TRUE);
    if (elsewhere)
        g_ptr_array_free(elsewhere, TRUE);
    return ret;
}

static char *threads_query(GPtrArray *ids)
{
    return lu_db_threads_query((char **)ids->pdata, ids->len, NULL);
}

/* The stored anchors of STATE looked up by id (one term lookup each): an
 * item whose anchor vanished is forgotten and its thread decided again; one
 * whose anchor moved to another thread has both threads decided again.
 * The thread ids join THREADS. */
static int find_moved_anchors(struct scan *s, int state, GPtrArray *threads)
{
    GPtrArray *mids = NULL, *tids = NULL;
    int ret = lu_store_anchors(s->store, state, &mids, &tids);

    for (guint i = 0; !ret && i < mids->len; i++) {
        const char *tid = g_ptr_array_index(tids, i);
        char *now = NULL;

        ret = lu_db_thread_of(s->db, g_ptr_array_index(mids, i), &now);
        if (ret)
            break; /* a failed lookup is not an anchor gone */
        if (now && strcmp(now, tid) == 0) {
            g_free(now);
            continue;
        }
        if (!now) {
            struct lu_thread_plan *p = g_new0(struct lu_thread_plan, 1);
            p->mids = g_ptr_array_new_with_free_func(g_free);
            g_ptr_array_add(p->mids, g_strdup(g_ptr_array_index(mids, i)));
            g_ptr_array_add(s->items, p); /* forgets the item */
        } else {
            g_ptr_array_add(threads, now);
        }
        g_ptr_array_add(threads, g_strdup(tid));
    }
    if (mids)
        g_ptr_array_free(mids, TRUE);
    if (tids)
        g_ptr_array_free(tids, TRUE);
    return ret;
}

/* Which queues may have lost an anchor into UNSURE: those whose tag
 * Xapian's term frequency (lu_db_tag_freq: one look-up each) does not
 * count as the items stored (COUNTS).  When a frequency cannot be asked,
 * notmuch counts every state tag at once, which reads each tagged
 * message (three quarters of a no-op scan at 300,000 messages), and
 * every queue is unsure when that total differs. */
static int queues_unsure(struct scan *s, const unsigned *counts, bool *unsure)
{
    unsigned stored = 0, tagged = 0;
    GString *tq = g_string_new(NULL);
    bool by_freq = true;
    int ret = 0;

    for (int i = LU_ST_NONE + 1; i < LU_ST_COUNT; i++) {
        char *tag = g_strconcat(LU_TAG_PREFIX, lu_state_name(i), NULL);
        unsigned n = 0;

        if (by_freq && lu_db_tag_freq(s->db, tag, &n) != 0)
            by_freq = false;
        unsure[i] = n != counts[i];
        stored += counts[i];
        g_string_append_printf(tq, "%stag:\"%s\"", tq->len ? " or " : "", tag);
        g_free(tag);
    }
    if (!by_freq) {
        ret = lu_db_count(s->db, tq->str, &tagged);
        for (int i = LU_ST_NONE + 1; i < LU_ST_COUNT; i++)
            unsure[i] = !ret && tagged != stored;
    }
    g_string_free(tq, TRUE);
    return ret;
}

/* Removals leave no trace in lastmod: a deleted message is gone from the
 * index, the rest of its thread is untouched, and a message that was alone
 * in its thread goes without even a new revision.  (Merges and splits
 * rewrite the messages that move, so lastmod shows those.)  Every item's
 * anchor carries its state tag, so the messages carrying each state tag,
 * against the items stored (counted by the store's triggers: no item row
 * is read), tell whether an anchor vanished; only then, when notmuch
 * counts that queue's tag differently too, are its anchors looked up one
 * by one.  The threads to decide again join QUERY. */
static int note_removals(struct scan *s, GString *query)
{
    unsigned counts[LU_ST_COUNT], tagged = 0;
    bool unsure[LU_ST_COUNT] = {false};
    GPtrArray *moved = g_ptr_array_new_with_free_func(g_free);
    int ret = lu_store_state_counts(s->store, counts);

    if (!ret)
        ret = queues_unsure(s, counts, unsure);
    /* Which queue lost its anchor: look up only that queue's anchors. */
    for (int i = LU_ST_NONE + 1; !ret && i < LU_ST_COUNT; i++) {
        char *q;
        if (!unsure[i])
            continue;
        q = g_strdup_printf("tag:\"%s%s\"", LU_TAG_PREFIX, lu_state_name(i));
        ret = lu_db_count(s->db, q, &tagged);
        if (!ret && tagged != counts[i])
            ret = find_moved_anchors(s, i, moved);
        g_free(q);
    }
    if (!ret && moved->len) {
        char *q = threads_query(moved);
        g_string_append_printf(query, "%s%s", query->len ? " or " : "", q);
        g_free(q);
    }
    g_ptr_array_free(moved, TRUE);
    return ret;
}

/* A meta value as a number into *OUT, -1 when unset. */
static int meta_int(struct lu_store *st, const char *key, gint64 *out)
{
    char *v = NULL;
    int ret = lu_store_get(st, key, &v);

    *out = v ? g_ascii_strtoll(v, NULL, 10) : -1;
    g_free(v);
    return ret;
}

/* What the last scan left: the database UUID, the revision it saw, the
 * range others wrote in while it ran, and the rules' digest. */
static int load_meta(struct lu_store *st, char **uuid, gint64 *last, gint64 *gap_from,
                     gint64 *gap_to, char **digest)
{
    int ret = lu_store_get(st, "uuid", uuid);

    if (!ret)
        ret = meta_int(st, "lastmod", last);
    if (!ret)
        ret = meta_int(st, "gap_from", gap_from);
    if (!ret)
        ret = meta_int(st, "gap_to", gap_to);
    if (!ret)
        ret = lu_store_get(st, "rules", digest);
    return ret;
}

/* " or id:..." for every message with a decision whose tags are not
 * written yet (notmuch was locked, the run was killed): an incremental
 * scan sees no change in notmuch for them, so it asks for them by name. */
static void add_pending(GString *query, GHashTable *decisions)
{
    GHashTableIter it;
    gpointer key, value;

    g_hash_table_iter_init(&it, decisions);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        GPtrArray *list = value;
        bool pending = false;
        char *q;
        for (guint i = 0; i < list->len && !pending; i++)
            pending = ((struct lu_decision *)g_ptr_array_index(list, i))->pending;
        if (!pending)
            continue;
        q = lu_db_quote(key);
        g_string_append_printf(query, "%sid:%s", query->len ? " or " : "", q);
        g_free(q);
    }
}

/* " or id:..." for the threads an undo left to decide again (killed or
 * failing before their tags were written: lu_store_remove_decision), as
 * add_pending. */
static void add_redecide(GString *query, GPtrArray *mids)
{
    for (guint i = 0; mids && i < mids->len; i++) {
        char *q = lu_db_quote(g_ptr_array_index(mids, i));
        g_string_append_printf(query, "%sid:%s", query->len ? " or " : "", q);
        g_free(q);
    }
}

static int set_meta_int(struct lu_store *st, const char *key, gint64 n)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, n);
    return lu_store_set(st, key, buf);
}

/* A digest of everything the rules depend on besides the mail: who I am,
 * the settings, and the rules' revision.  When it changes, every thread is
 * decided again.  Not the version: a release that changes no rule (same
 * LU_RULES_REV) must not cost a full scan. */
static char *rules_digest(struct lu_ctx *ctx)
{
    const struct lu_config *c = &ctx->cfg;
    /* "dates:1": the scan tags the due and wake-up days (datetag.c).
     * "thread:1": thread.c's rules moved without LU_RULES_REV, which
     * leadup.h holds: leadup.h is in the sentence analysis's digest
     * (SENSE_SRCS), and bumping it there would have every kept analysis
     * made again for a change that reads no text (1: an undated promise
     * of mine beside my ask is promise-mine; 2: on a list, in a thread I
     * started, their asks need my reply only when the learned reply model
     * reads one as waiting for my answer; session 34; 3: my promise dated
     * to a part of the day its Date had passed is due by that part of the
     * next day, and on a list a same-subject post that broke threading
     * answers my ask as a helper only when the asker wrote it; 4: my later
     * message under the same subject without reply headers carries my
     * thread's conversation on, thread.c continued_elsewhere; session 35;
     * 5: on a list, the asker's post that broke threading answers my ask
     * to another helper in their thread, thread.c started; and the learned
     * bulk model, which the rules read, retrained without r-help once its
     * askers became test people; session 37; 6: on a list, the asker's
     * second message in a row to their answer to me is to me, and their
     * message to me that my later post passed by needs my reply, thread.c
     * involves_me and skipped_reply; session 38; 7: on a list, in a thread
     * somebody else started, another helper's follow-up to my answer needs
     * my reply only when the learned reply model reads it as waiting for
     * mine, thread.c other_helper_follows_up; session 39; 8: my posts in a
     * list thread I started expect an answer as the learned per-message
     * model reads them, thread.c mine_expects; session 48; 9: on a list my
     * latest post decides: a follow-up of mine that asks nothing ends the
     * wait, thread.c rule_awaiting; session 54). */
    GString *s = g_string_new("rules:" G_STRINGIFY(LU_RULES_REV) "|thread:9|dates:1");
    GPtrArray *addrs = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    char *digest;

    g_hash_table_iter_init(&it, ctx->me.addrs);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_ptr_array_add(addrs, key);
    g_ptr_array_sort(addrs, cmp_str);
    for (guint i = 0; i < addrs->len; i++)
        g_string_append_printf(s, "|a:%s", (char *)g_ptr_array_index(addrs, i));
    for (guint i = 0; i < ctx->me.domains->len; i++)
        g_string_append_printf(s, "|d:%s", (char *)g_ptr_array_index(ctx->me.domains, i));
    g_string_append_printf(s,
                           "|tz:%s|days:%u|work:%d-%d|mdy:%d%s|lists:%d|first:%d|interval:%d|max:%d"
                           "|reply:%d|quiet:%d|unthreaded:%d|horizon:%d",
                           g_time_zone_get_identifier(c->tz), c->cal.days, c->cal.work_start,
                           c->cal.work_end, c->cal.mdy, c->cal.order_set ? "" : "?", c->lists,
                           c->first_bizdays, c->interval_days, c->max_leadups, c->reply_hours,
                           c->quiet_bizdays, c->unthreaded_days, c->horizon_days);
    for (int i = 0; c->list_ids && c->list_ids[i]; i++)
        g_string_append_printf(s, "|list:%s", c->list_ids[i]);
    for (int i = 0; c->noreply && c->noreply[i]; i++)
        g_string_append_printf(s, "|noreply:%s", c->noreply[i]);
    for (int i = 0; c->drafts && c->drafts[i]; i++)
        g_string_append_printf(s, "|drafts:%s", c->drafts[i]);
    for (guint i = 0; c->cal.holidays && i < c->cal.holidays->len; i++)
        g_string_append_printf(s, "|hol:%u", g_array_index(c->cal.holidays, guint32, i));
    digest = g_compute_checksum_for_string(G_CHECKSUM_SHA1, s->str, s->len);
    g_ptr_array_free(addrs, TRUE);
    g_string_free(s, TRUE);
    return digest;
}

/* A thread walked, waiting for its reading before the rules decide it:
 * one job for a worker, the thread's messages read in turn, then compared
 * with each other as the rules would (the sentences each pasted). */
struct ahead_thread {
    struct lu_work work; /* first: the pool's */
    const struct lu_identity *me;
    GPtrArray *msgs; /* struct lu_msg* (owned; the main thread's) */
    GPtrArray *jobs; /* struct ahead* (owned), one per message read, newest first */
};

/* Walked ahead of the rules at most: enough to keep the workers busy
 * while the rules decide, little enough to hold (parsed messages). */
#define AHEAD_THREADS 256
#define AHEAD_JOBS    512

/* M's job: its cache row looked up here (sqlite stays on this thread),
 * the reading and the analysis left to a worker. */
static struct ahead *ahead_new(struct scan *s, struct lu_msg *m)
{
    struct ahead *a = g_new0(struct ahead, 1);

    a->cfg = &s->ctx->cfg;
    a->msg = m;
    a->filename = g_strdup(m->filename);
    a->date = m->date;
    a->from = m->from ? g_strdup(m->from->email) : NULL;
    a->unsent = m->unsent;
    for (guint i = 0; i < m->tags->len && !a->draft; i++)
        a->draft = strcmp(g_ptr_array_index(m->tags, i), "draft") == 0;
    a->file_id = file_identity_in(s, m->filename);
    a->cached = cache_get(s, m->mid, a->file_id, &a->record, &a->text, &a->sense);
    return a;
}

/* The jobs for the messages of MSGS the rules will read: all of them in a
 * thread with a message of mine or a decision (worth_reading), else the
 * latest (it reads from the end; any more are read when asked).  Never a
 * message the rules would not read: a file the cache lacks would be parsed
 * for nothing (after a settings change the scan parses no file). */
static GPtrArray *ahead_plan(struct scan *s, GPtrArray *msgs)
{
    GPtrArray *jobs = g_ptr_array_new_with_free_func((GDestroyNotify)ahead_free);
    bool all = false;

    for (guint i = 0; i < msgs->len && !all; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        all = g_hash_table_contains(s->decisions, m->mid) ||
              (m->from && lu_identity_is_me(&s->ctx->me, m->from->email));
    }
    if (!all && none_to_me(s, msgs))
        return jobs; /* worth_reading reads none of them */
    for (guint i = msgs->len; i-- > 0 && (all || i + 1 == msgs->len);) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (!m->headers && m->filename)
            g_ptr_array_add(jobs, ahead_new(s, m));
        if (!all && jobs->len)
            ((struct ahead *)g_ptr_array_index(jobs, 0))->me = &s->ctx->me;
    }
    return jobs;
}

/* The worker's comparison of T's messages, when it read every one of them
 * (a thread read only from its latest is compared by the rules): each text
 * without what it pasted from the earlier ones (thread.c, as the rules
 * would drop it), analysed when something was dropped. */
static void ahead_compare(struct ahead_thread *t)
{
    GPtrArray *xs = g_ptr_array_new(), *ans = g_ptr_array_new();
    guint64 before;

    for (guint i = t->jobs->len; i-- > 0;) {
        struct ahead *a = g_ptr_array_index(t->jobs, i);
        if (!a->x || !a->body)
            goto out; /* unread, or dated before 1970: the rules compare */
        a->x->body = g_new0(struct lu_body, 1);
        a->x->body->text = g_strdup(a->body->text);
        lu_msg_know_me(t->me, a->x);
        g_ptr_array_add(xs, a->x);
        /* Its analysis as written holds its sentences: not split again. */
        g_ptr_array_add(
            ans, a->an && a->body->text && strcmp(a->an_text, a->body->text) == 0 ? a->an : NULL);
    }
    if (xs->len != t->msgs->len)
        goto out;
    lu_thread_unquote_split(xs, ans);
    for (guint i = 0; i < t->jobs->len; i++) {
        struct ahead *a = g_ptr_array_index(t->jobs, i);
        struct lu_body *b = a->x->body;
        a->compared = true;
        if (!b->full_text)
            continue;
        a->dropped = b->repeated;
        a->own_text = g_strdup(b->text);
        if (!a->an)
            continue; /* not analysed as written (unused): nor without */
        before = lu_analyses;
        lu_msg_analyse(a->cfg, a->x);
        a->analysed += (guint)(lu_analyses - before);
        a->own_an = g_steal_pointer(&a->x->an);
    }
out:
    g_ptr_array_free(xs, TRUE);
    g_ptr_array_free(ans, TRUE);
}

/* The worker's part for a thread: its messages read, then compared. */
static void ahead_thread_run(struct lu_work *w, void *data)
{
    struct ahead_thread *t = (struct ahead_thread *)w;
    bool mine_later = false, theirs_later = false;
    guint later = 0;

    (void)data;
    for (guint i = 0; i < t->jobs->len; i++) {
        struct ahead *a = g_ptr_array_index(t->jobs, i);
        a->later = later;
        a->mine_later = mine_later;
        a->theirs_later = theirs_later;
        a->self = t->me;
        ahead_run(a);
        /* The jobs run newest first: what this one is counts for those before it. */
        if (a->x) {
            lu_msg_know_me(t->me, a->x);
            if (lu_msg_meaningful(a->x)) {
                later++;
                mine_later = mine_later || a->x->mine;
                theirs_later = theirs_later || !a->x->mine;
            }
        }
    }
    ahead_compare(t);
    /* The analyses the copies found or made go to the main thread with the job. */
    for (guint i = 0; i < t->jobs->len; i++) {
        struct ahead *a = g_ptr_array_index(t->jobs, i);
        if (a->x) {
            a->senses = g_steal_pointer(&a->x->senses);
            a->sense_new = a->x->sense_new;
        }
        g_clear_pointer(&a->x, lu_msg_free);
    }
}

/* Waits for the oldest thread walked to be read, then decides it as the
 * walk would have (DECIDE false: only drops it, after an error). */
static int ahead_decide(struct scan *s, bool decide)
{
    struct ahead_thread *t = g_queue_pop_head(s->ahead);
    int ret = 0;

    if (lu_tl_on && !s->st->ahead)
        lu_tl_mark("walk: first decision");
    lu_workers_wait(s->workers, &t->work);
    for (guint i = 0; i < t->jobs->len; i++) {
        struct ahead *a = g_ptr_array_index(t->jobs, i);
        g_hash_table_insert(s->read_ahead, a->msg, a);
    }
    if (decide)
        ret = decide_thread(t->msgs, s);
    for (guint i = 0; i < t->jobs->len; i++) {
        struct ahead *a = g_ptr_array_index(t->jobs, i);
        /* A cached message whose headers the rules never took: what the
         * worker analysed of it is kept all the same (it will again). */
        if (!ret && decide && a->sense_new && a->cached && !a->used)
            ret = cache_keep_senses(s, a->msg->mid, a->file_id, a->senses, NULL);
        s->st->ahead++;
        s->st->unused += !a->used;
        lu_ahead_analysed += a->analysed;
        lu_ahead_unused += (a->an != NULL) + (a->own_an != NULL);
    }
    g_hash_table_remove_all(s->read_ahead);
    s->ahead_jobs -= t->jobs->len;
    g_ptr_array_free(t->jobs, TRUE);
    g_ptr_array_free(t->msgs, TRUE);
    g_free(t);
    return ret;
}

/* M's reading as read_headers would read it, pushed to S's workers (a
 * thread's job of one message), or NULL when M has no file to read or
 * is read already. */
static struct ahead_thread *found_read(struct scan *s, struct lu_msg *m)
{
    struct ahead_thread *t;
    struct ahead *a;

    if (m->headers || !m->filename)
        return NULL;
    t = g_new0(struct ahead_thread, 1);
    a = ahead_new(s, m);
    a->headers_only = true;
    t->me = &s->ctx->me;
    t->msgs = g_ptr_array_new(); /* not owned: collect_found's */
    g_ptr_array_add(t->msgs, m);
    t->jobs = g_ptr_array_new_with_free_func((GDestroyNotify)ahead_free);
    g_ptr_array_add(t->jobs, a);
    lu_workers_push(s->workers, &t->work);
    return t;
}

/* Waits for T (found_read's), then offers its read to read_headers. */
static void found_take(struct scan *s, struct ahead_thread *t)
{
    struct ahead *a = g_ptr_array_index(t->jobs, 0);

    lu_workers_wait(s->workers, &t->work);
    g_hash_table_insert(s->read_ahead, a->msg, a);
}

/* T (found_take's) out of the reads offered, and freed. */
static void found_done(struct scan *s, struct ahead_thread *t)
{
    g_hash_table_remove(s->read_ahead, ((struct ahead *)g_ptr_array_index(t->jobs, 0))->msg);
    g_ptr_array_free(t->jobs, TRUE);
    g_ptr_array_free(t->msgs, TRUE);
    g_free(t);
}

/* The walk's callback with workers: queue the thread's reading, and decide
 * the threads walked before once the queue is long enough.  The threads
 * are decided in the walk's order, each once its jobs are done. */
static int ahead_walk(GPtrArray *msgs, void *data)
{
    struct scan *s = data;
    struct ahead_thread *t = g_new0(struct ahead_thread, 1);
    int ret = 0;

    /* Take the messages over from the iterator. */
    t->msgs = g_ptr_array_new_full(msgs->len, (GDestroyNotify)lu_msg_free);
    for (guint i = 0; i < msgs->len; i++)
        g_ptr_array_add(t->msgs, g_ptr_array_index(msgs, i));
    g_ptr_array_set_free_func(msgs, NULL);
    g_ptr_array_set_size(msgs, 0);
    t->jobs = ahead_plan(s, t->msgs);
    t->me = &s->ctx->me;
    s->ahead_jobs += t->jobs->len;
    g_queue_push_tail(s->ahead, t);
    if (lu_tl_on && !s->st->ahead && g_queue_get_length(s->ahead) == 1)
        lu_tl_mark("walk: first job");
    lu_workers_push(s->workers, &t->work);
    while (!ret && (g_queue_get_length(s->ahead) > AHEAD_THREADS || s->ahead_jobs > AHEAD_JOBS))
        ret = ahead_decide(s, true);
    return ret;
}

/* The last full walk kept (schema 12, "The kept walk" in DEVELOPERS.md):
 * the newest-first walk of every thread records each thread's messages as
 * the index gave them (msg_from's fields: the Message-ID, one file, the
 * date, subject, sender, the drafts mark, how many files, the tags), with
 * the tags the scan writes on them, and a scan that no one else wrote to
 * notmuch beside keeps the record under the index it leaves: its uuid,
 * the revision after its own writes, the messages it walked, the drafts
 * setting.  The next scan that walks every thread only because a setting
 * or the rules changed (not `scan --full`) reads that record instead of
 * notmuch when the index is still that one: any write to notmuch moves
 * the revision (a tag, a message added, a file moved), a message removed
 * alone in its thread changes the count.  The record is what notmuch
 * would have given; the rest of the scan (the cache's rows, the rules,
 * the queries they ask) is the same. */
/* A thread's record: each message as a header (struct walk_head, its
 * fields' presence in FLAGS) and then its NUL-terminated strings: the
 * Message-ID, the file, the subject, the sender's name and address when
 * present, and NTAGS tags.  Flat bytes, as the analysis cache's records:
 * GLib's GVariant took 40 K instructions a message to build. */
/* WALK_NOT_TO_ME (session 35): the index's to: terms hold no address of
 * mine (none_to_me), under the identity walk_setting's digest names; an
 * older leadup reads past it and writes it no more. */
enum {
    WALK_SUBJECT = 1,
    WALK_NAME = 2,
    WALK_EMAIL = 4,
    WALK_UNSENT = 8,
    WALK_NOT_TO_ME = 16,
    WALK_REFS = 32 /* with WALK_NOT_TO_ME: it holds a reference term */
};
struct walk_head {
    gint64 date;
    guint32 files, ntags, flags;
    guint32 zero; /* no padding of unset bytes: a record is the same bytes for the same walk */
};
#define WALK_BATCH 256

guint64 lu_walk_replayed;

/* One message of a record, read in place (its strings point into it). */
struct walk_item {
    struct walk_head h;
    const char *mid, *file, *subject, *name, *email;
    const char *tags; /* H.ntags strings, one after the other */
};

static void put_str(GByteArray *out, const char *s)
{
    g_byte_array_append(out, (const guint8 *)s, (guint)strlen(s) + 1);
}

/* Appends one message to OUT, its tags TAGS[0..N-1]. */
static void walk_put(GByteArray *out, const struct walk_item *w, const char *const *tags, guint n)
{
    struct walk_head h;

    memset(&h, 0, sizeof h);
    h.date = w->h.date;
    h.files = w->h.files;
    h.ntags = n;
    h.flags = (w->subject ? WALK_SUBJECT : 0) | (w->name ? WALK_NAME : 0) |
              (w->email ? WALK_EMAIL : 0) |
              (w->h.flags & (WALK_UNSENT | WALK_NOT_TO_ME | WALK_REFS));
    g_byte_array_append(out, (const guint8 *)&h, sizeof h);
    put_str(out, w->mid);
    put_str(out, w->file);
    if (w->subject)
        put_str(out, w->subject);
    if (w->name)
        put_str(out, w->name);
    if (w->email)
        put_str(out, w->email);
    for (guint i = 0; i < n; i++)
        put_str(out, tags[i]);
}

/* The string at *P before END, *P moved past it; NULL when damaged. */
static const char *get_str(const char **p, const char *end)
{
    const char *s = *p, *nul = s < end ? memchr(s, '\0', (size_t)(end - s)) : NULL;

    *p = nul ? nul + 1 : end;
    return nul ? s : NULL;
}

/* The message at *P before END into W, *P moved past it: false when the
 * record is damaged. */
static bool walk_get(const char **p, const char *end, struct walk_item *w)
{
    bool ok = (size_t)(end - *p) >= sizeof w->h;

    memset(w, 0, sizeof *w);
    if (!ok)
        return false;
    memcpy(&w->h, *p, sizeof w->h);
    *p += sizeof w->h;
    w->mid = get_str(p, end);
    w->file = get_str(p, end);
    ok = w->mid && w->file;
    if (ok && (w->h.flags & WALK_SUBJECT))
        ok = (w->subject = get_str(p, end)) != NULL;
    if (ok && (w->h.flags & WALK_NAME))
        ok = (w->name = get_str(p, end)) != NULL;
    if (ok && (w->h.flags & WALK_EMAIL))
        ok = (w->email = get_str(p, end)) != NULL;
    w->tags = *p;
    for (guint i = 0; ok && i < w->h.ntags; i++)
        ok = get_str(p, end) != NULL;
    return ok;
}

/* One thread's messages as the walk gave them, those in NOT_TO_ME (may
 * be NULL) marked so, made in S's buffer (a new array of 256 bytes a
 * message each time was 14 M instructions of a first full scan at
 * 10,000, issue 14, and held its spare room).  Caller frees. */
static GBytes *walk_record(struct scan *s, GHashTable *not_to_me, GPtrArray *msgs)
{
    GByteArray *out = s->walk_buf ? s->walk_buf : (s->walk_buf = g_byte_array_new());
    GBytes *rec;

    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        int v = not_to_me && m->mid ? GPOINTER_TO_INT(g_hash_table_lookup(not_to_me, m->mid)) : 0;
        guint32 mark = v ? WALK_NOT_TO_ME | (v == NOT_TO_ME_REFS ? WALK_REFS : 0) : 0;
        struct walk_item w = {{m->date, m->files, 0, (m->unsent ? WALK_UNSENT : 0) | mark},
                              m->mid,
                              m->filename ? m->filename : "",
                              m->subject,
                              m->from ? m->from->name : NULL,
                              m->from ? m->from->email : NULL,
                              NULL};
        walk_put(out, &w, (const char *const *)m->tags->pdata, m->tags->len);
    }
    rec = g_bytes_new(out->data, out->len);
    g_byte_array_set_size(out, 0);
    return rec;
}

static int walk_flush(struct scan *s)
{
    int ret = s->walk_tids->len ? lu_store_walk_add_at(s->store, s->walk_tids, s->walk_recs,
                                                       s->walk_update ? s->walk_poss : NULL)
                                : 0;

    g_ptr_array_set_size(s->walk_tids, 0);
    g_ptr_array_set_size(s->walk_recs, 0);
    g_array_set_size(s->walk_poss, 0);
    return ret;
}

/* The walk's function, recording each thread first (its record waits
 * for the thread's decision: walk_decided). */
static int walk_rec(GPtrArray *msgs, void *data)
{
    struct scan *s = data;

    if (s->walk_pending && msgs->len) {
        struct lu_msg *m = g_ptr_array_index(msgs, 0);
        g_hash_table_replace(s->walk_pending, g_strdup(m->thread_id),
                             walk_record(s, s->not_to_me, msgs));
        s->walk_msgs += msgs->len;
    }
    return s->walk_fn(msgs, data);
}

static gint cmp_tag(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* W's tags with the writes OPS[FROM..] planned for it on, in notmuch's
 * order (its terms'), as the index will give them: into T (pointers into
 * W's record and OPS). */
static void walk_tags(const struct walk_item *w, GArray *ops, guint from, GPtrArray *t)
{
    const char *p = w->tags;

    g_ptr_array_set_size(t, 0);
    for (guint i = 0; i < w->h.ntags; i++, p += strlen(p) + 1)
        g_ptr_array_add(t, (char *)p);
    for (guint i = from; i < ops->len; i++) {
        const struct lu_tagop *op = &g_array_index(ops, struct lu_tagop, i);
        guint at = 0;
        bool had;
        if (strcmp(op->mid, w->mid) != 0)
            continue;
        had = g_ptr_array_find_with_equal_func(t, op->tag, g_str_equal, &at);
        if (op->add && !had)
            g_ptr_array_add(t, op->tag);
        else if (!op->add && had)
            g_ptr_array_remove_index(t, at);
    }
    g_ptr_array_sort(t, cmp_tag);
}

/* REC (a thread's record, as walk_record made it) with the tag writes
 * OPS[FROM..] on.  Caller frees. */
static GBytes *walk_fold(GBytes *rec, GArray *ops, guint from)
{
    gsize n = 0;
    const char *p = g_bytes_get_data(rec, &n), *end = p + n;
    GByteArray *out = g_byte_array_sized_new((guint)n + 64);
    GPtrArray *t = g_ptr_array_new();
    struct walk_item w;

    while (p < end && walk_get(&p, end, &w)) {
        walk_tags(&w, ops, from, t);
        walk_put(out, &w, (const char *const *)t->pdata, t->len);
    }
    g_ptr_array_free(t, TRUE);
    return g_byte_array_free_to_bytes(out);
}

/* The thread of MSGS decided, its tag writes planned from S->ops[FROM]:
 * its record (taken as walked) goes into the kept walk, in the order
 * decided (the walk's), with those writes on. */
static int walk_decided(struct scan *s, GPtrArray *msgs, guint from)
{
    struct lu_msg *m = msgs->len ? g_ptr_array_index(msgs, 0) : NULL;
    gpointer tid = NULL, rec = NULL, pos = NULL;
    bool same = true;

    if (!s->walk_pending || !m ||
        !g_hash_table_steal_extended(s->walk_pending, m->thread_id, &tid, &rec))
        return 0;
    if (from < s->ops->len) {
        GBytes *folded = walk_fold(rec, s->ops, from);
        same = g_bytes_equal(folded, rec);
        g_bytes_unref(rec);
        rec = folded;
    }
    /* In place: a record the writes left as it was is kept already; one
     * of a thread the kept walk does not place is left pending (then no
     * walk is kept: walk_keep). */
    if (s->walk_update && !same && !g_hash_table_lookup_extended(s->walk_at, tid, NULL, &pos)) {
        g_hash_table_insert(s->walk_pending, tid, rec);
        return 0;
    }
    if (s->walk_update && same) {
        g_free(tid);
        g_bytes_unref(rec);
        return 0;
    }
    if (s->walk_update) {
        gint64 at = (gint64)GPOINTER_TO_SIZE(pos);
        g_array_append_val(s->walk_poss, at);
    }
    g_ptr_array_add(s->walk_tids, tid);
    g_ptr_array_add(s->walk_recs, rec);
    return s->walk_tids->len >= WALK_BATCH ? walk_flush(s) : 0;
}

/* W, a message of thread TID, as msg_from makes it.  Caller frees. */
static struct lu_msg *walk_msg(const struct walk_item *w, const char *tid)
{
    struct lu_addr *from = NULL;
    struct lu_msg *m;
    const char *p = w->tags;

    if (w->email) {
        from = g_new0(struct lu_addr, 1);
        from->email = g_strdup(w->email);
        from->name = g_strdup(w->name);
    }
    /* nm.c msg_from's mark of a message whose every file is a draft */
    m = lu_msg_new_indexed(w->mid, tid, w->file, w->h.date, g_strdup(w->subject), from,
                           (w->h.flags & WALK_UNSENT) ? "in a drafts folder" : NULL);
    m->files = w->h.files;
    for (guint i = 0; i < w->h.ntags; i++, p += strlen(p) + 1)
        g_ptr_array_add(m->tags, g_strdup(p));
    return m;
}

/* The records of MSGS (a thread as notmuch gave it, before anything is
 * adopted from the files) that nm.c did not take from the kept messages,
 * to keep for the next incremental scan (kmsgs.h). */
static void kmsg_keep(struct scan *s, GPtrArray *msgs)
{
    GPtrArray *one;

    if (!s->kmsg_served)
        return;
    one = g_ptr_array_new();
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (!m->mid || g_hash_table_contains(s->kmsg_served, m->mid))
            continue;
        g_ptr_array_set_size(one, 0);
        g_ptr_array_add(one, m);
        g_ptr_array_add(s->kmsg_mids, g_strdup(m->mid));
        g_ptr_array_add(s->kmsg_recs, walk_record(s, NULL, one));
    }
    g_ptr_array_free(one, TRUE);
}

/* REC (kmsgs.h: the revision and key, then the record) as message MID
 * of thread TID when it is the message now: kept under KEY at a revision
 * not below LASTMOD (notmuch's of the message: nothing of it changed
 * since), its date DATE's.  Caller frees; NULL otherwise. */
static struct lu_msg *kmsg_msg(GBytes *rec, gint64 key, const char *tid, const char *mid,
                               gint64 lastmod, gint64 date)
{
    gsize n = 0;
    const char *p = g_bytes_get_data(rec, &n), *end = p + n;
    gint64 head[2];
    struct walk_item w;

    if (n < sizeof head)
        return NULL;
    memcpy(head, p, sizeof head);
    p += sizeof head;
    if (head[1] != key || lastmod <= 0 || lastmod > head[0] || !walk_get(&p, end, &w) || p != end ||
        strcmp(w.mid, mid) != 0 || w.h.date != date)
        return NULL;
    return walk_msg(&w, tid);
}

/* lu_rows_fn: the kept messages of thread TID that are as they were. */
static void kmsg_serve(const char *tid, const char *const *mids, const gint64 *lastmod,
                       const gint64 *date, guint n, struct lu_msg **out, void *data)
{
    struct scan *s = data;
    GHashTable *rows;
    GPtrArray *want;

    if (!s->store)
        return;
    rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    want = g_ptr_array_new();
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(want, (char *)mids[i]);
    if (lu_store_kmsgs_get(s->store, want, rows) == 0) {
        for (guint i = 0; i < n; i++) {
            GBytes *rec = g_hash_table_lookup(rows, mids[i]);
            /* msg_make mends a date out of range against this run's --now,
             * which may not be the run's that kept it: read such a one. */
            bool sane = date[i] >= 0 && date[i] <= s->ctx->now + LU_DATE_AHEAD;
            out[i] =
                rec && sane ? kmsg_msg(rec, s->kmsg_key, tid, mids[i], lastmod[i], date[i]) : NULL;
            if (out[i])
                g_hash_table_replace(
                    s->kmsg_served, g_strdup(mids[i]),
                    g_bytes_new_from_bytes(rec, 2 * sizeof(gint64),
                                           g_bytes_get_size(rec) - 2 * sizeof(gint64)));
        }
    }
    g_ptr_array_free(want, TRUE);
    g_hash_table_destroy(rows);
}

/* An incremental scan's kept messages (kmsgs.h) for the index of UUID:
 * taken and kept under the key of the index, the drafts setting
 * (msg_from's unsent mark reads it) and the mail root (a moved mail
 * directory moves every file: drafts_digest). */
static void kmsg_init(struct scan *s, const char *uuid)
{
    char *drafts = drafts_digest(s);
    char *key = g_strdup_printf("k2 %s %s", uuid, drafts);

    s->kmsg_key = (gint64)lu_fnv64(LU_FNV64_INIT, key, strlen(key));
    s->kmsg_served =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    s->kmsg_mids = g_ptr_array_new_with_free_func(g_free);
    s->kmsg_recs = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    lu_db_set_rows(s->db, kmsg_serve, s);
    LU_FREE_EACH(g_free, drafts, key);
}

/* A thread view's read of the thread of MID (issue 14): when the last
 * incremental scan kept MID under the key of the index read now, the
 * thread's messages are taken from what it kept, as its one-new path
 * takes them (kmsg_serve: each message's revision and date as kept,
 * read_threads: the thread's messages as the values list them now, the
 * others read through libnotmuch), and no others.  Otherwise nothing:
 * a thread the scans did not keep is read through libnotmuch, as
 * opening Xapian costs more than a short one saves.  The rows are
 * dropped by the caller (lu_db_set_rows NULL) before S goes. */
static void view_kept(struct scan *s, const char *mid)
{
    GHashTable *rows =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    GPtrArray *want = g_ptr_array_new();
    const char *uuid = NULL;
    gint64 head[2];
    GBytes *rec;

    g_ptr_array_add(want, (char *)mid);
    /* before the thread is read: a write after it moves the revision past
     * (view_kmsgs_save) */
    s->rev = lu_db_revision(s->db, &uuid);
    if (lu_debug_no_rows || lu_store_kmsgs_get(s->store, want, rows) != 0)
        goto out;
    rec = g_hash_table_lookup(rows, mid);
    if (!rec || g_bytes_get_size(rec) < sizeof head)
        goto out;
    memcpy(head, g_bytes_get_data(rec, NULL), sizeof head);
    kmsg_init(s, uuid);
    if (head[1] != s->kmsg_key || !lu_db_values_open(s->db))
        lu_db_set_rows(s->db, NULL, NULL);
out:
    g_ptr_array_free(want, TRUE);
    g_hash_table_destroy(rows);
}

/* The kept walk brought up to the index read (walk_kept, when notmuch
 * changed since the walk was kept): the messages changed since
 * (`lastmod:REV+1..`: CHANGED, their Message-IDs), the threads they are
 * in now and the kept threads that held one, read from notmuch (FRESH: a
 * GPtrArray of struct lu_msg each, newest thread first, given from NEXT
 * on), and the kept threads not replayed (SKIP: the fresh ones' ids and
 * those of the kept threads that held a changed message; EXTRA: those of
 * them not fresh, to read).  FOUND: the changed messages the kept walk
 * holds (the others are new to it). */
struct walk_patch {
    GHashTable *changed, *skip;
    GPtrArray *fresh, *extra;
    guint next;
    guint64 found;
};

guint64 lu_walk_fresh;
bool lu_debug_no_kept_walk, lu_debug_walk_whole, lu_debug_no_recent_rows;

/* The patch is read only while the changed messages are at most one in
 * WALK_PATCH_SHARE of the index, or WALK_PATCH_FEW: their threads are held
 * whole until the replay reaches them (memory), and a walk of notmuch
 * reads the many at less than a thread query each (`notmuch tag +x '*'`:
 * every one). */
#define WALK_PATCH_SHARE 32
#define WALK_PATCH_FEW   64

static struct walk_patch *walk_patch_new(void)
{
    struct walk_patch *p = g_new0(struct walk_patch, 1);

    p->changed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    p->skip = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    p->fresh = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    p->extra = g_ptr_array_new_with_free_func(g_free);
    return p;
}

static void walk_patch_free(struct walk_patch *p)
{
    LU_FREE_EACH(g_hash_table_destroy, p->changed, p->skip);
    LU_FREE_EACH(g_ptr_array_unref, p->fresh, p->extra);
    g_free(p);
}

/* The newest date of the thread MSGS. */
static gint64 thread_newest(GPtrArray *msgs)
{
    gint64 newest = G_MININT64;

    for (guint i = 0; i < msgs->len; i++)
        newest = MAX(newest, ((struct lu_msg *)g_ptr_array_index(msgs, i))->date);
    return newest;
}

static gint cmp_newest(gconstpointer a, gconstpointer b)
{
    gint64 x = thread_newest(*(GPtrArray *const *)a), y = thread_newest(*(GPtrArray *const *)b);

    return x > y ? -1 : x < y;
}

/* lu_thread_fn: a thread read from notmuch for the patch (struct
 * walk_patch DATA), its messages taken over from the iterator. */
static int walk_fresh_add(GPtrArray *msgs, void *data)
{
    struct walk_patch *p = data;
    GPtrArray *t = g_ptr_array_new_full(msgs->len, (GDestroyNotify)lu_msg_free);

    for (guint i = 0; i < msgs->len; i++)
        g_ptr_array_add(t, g_ptr_array_index(msgs, i));
    g_ptr_array_set_free_func(msgs, NULL);
    g_ptr_array_set_size(msgs, 0);
    g_hash_table_add(p->skip, g_strdup(((struct lu_msg *)g_ptr_array_index(t, 0))->thread_id));
    g_ptr_array_add(p->fresh, t);
    return 0;
}

/* The fresh threads newer than NEWER (a kept thread's newest date) given
 * to the walk before it: the walk's order, newest thread first; within
 * one second after the kept ones (notmuch's order there is its
 * documents', and the newer documents are the changed ones). */
static int walk_fresh_give(struct scan *s, gint64 newer)
{
    struct walk_patch *p = s->patch;
    int ret = 0;

    while (!ret && p->next < p->fresh->len &&
           thread_newest(g_ptr_array_index(p->fresh, p->next)) > newer) {
        GPtrArray *msgs = g_ptr_array_index(p->fresh, p->next++);
        const char *tid = ((struct lu_msg *)g_ptr_array_index(msgs, 0))->thread_id;
        lu_walk_fresh++;
        lu_walk_order = lu_fnv64(lu_walk_order, tid, strlen(tid));
        lu_walk_order = lu_fnv64(lu_walk_order, "/", 1);
        ret = walk_rec(msgs, s);
    }
    return ret;
}

/* lu_walked_at_fn: one kept thread (at POS in the kept walk) given to the
 * walk as notmuch would, after the fresh threads newer than it
 * (walk_fresh_give); none that the patch reads again. */
static int walk_replay(gint64 pos, const char *tid, GBytes *rec, void *data)
{
    struct scan *s = data;
    gsize n = 0;
    const char *p = g_bytes_get_data(rec, &n), *end = p + n;
    GPtrArray *msgs;
    struct walk_item w;
    int ret = 0;

    if (s->patch && g_hash_table_contains(s->patch->skip, tid))
        return 0;
    msgs = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    while (p < end && walk_get(&p, end, &w)) {
        g_ptr_array_add(msgs, walk_msg(&w, tid));
        /* as the walk that kept it read the index's to: terms */
        if ((w.h.flags & WALK_NOT_TO_ME) && s->not_to_me)
            not_to_me_add(s, w.mid, (w.h.flags & WALK_REFS) ? NOT_TO_ME_REFS : 1);
    }
    if (p < end || !msgs->len)
        ret = lu_error(EX_DATAERR,
                       "the kept walk of every thread is damaged (thread %s): "
                       "run leadup scan --full",
                       tid);
    if (!ret && s->patch)
        ret = walk_fresh_give(s, thread_newest(msgs));
    lu_walk_replayed++;
    lu_walk_order = lu_fnv64(lu_walk_order, tid, strlen(tid));
    lu_walk_order = lu_fnv64(lu_walk_order, "/", 1);
    if (!ret && s->walk_update) {
        /* recorded as kept (walk_rec would make the same bytes again) */
        g_hash_table_insert(s->walk_at, g_strdup(tid), GSIZE_TO_POINTER((gsize)pos));
        g_hash_table_replace(s->walk_pending, g_strdup(tid), g_bytes_ref(rec));
        s->walk_msgs += msgs->len;
        ret = s->walk_fn(msgs, data);
    } else if (!ret) {
        ret = walk_rec(msgs, data);
    }
    g_ptr_array_free(msgs, TRUE);
    return ret;
}

/* lu_walked_fn: -1 when a kept thread's record does not read back (a
 * damaged state database), so that the walk reads notmuch instead; with
 * a patch (struct walk_patch DATA, may be NULL), the kept threads that
 * hold a changed message are noted (SKIP, and EXTRA when not fresh). */
static int walk_check(const char *tid, GBytes *rec, void *data)
{
    struct walk_patch *pa = data;
    gsize n = 0;
    const char *p = g_bytes_get_data(rec, &n), *end = p + n;
    struct walk_item w;
    unsigned msgs = 0;

    while (p < end && walk_get(&p, end, &w)) {
        msgs++;
        if (!pa || !g_hash_table_contains(pa->changed, w.mid))
            continue;
        pa->found++;
        if (!g_hash_table_contains(pa->skip, tid)) {
            g_hash_table_add(pa->skip, g_strdup(tid));
            g_ptr_array_add(pa->extra, g_strdup(tid));
        }
    }
    return p < end || !msgs ? -1 : 0;
}

/* The digest of the drafts setting (msg_from's mark of unsent mail) and
 * the mail root (every file the walk gives is under it: a mail directory
 * moved and notmuch's path set to it move every file, and neither the
 * revision nor the count) the kept walk's key holds.  Caller frees. */
static char *drafts_digest(struct scan *s)
{
    char *drafts = s->ctx->cfg.drafts ? g_strjoinv("\x1f", s->ctx->cfg.drafts) : g_strdup("");
    const char *root = lu_db_root(s->db);
    guint64 h = lu_fnv64(LU_FNV64_INIT, drafts, strlen(drafts));
    char *d = g_strdup_printf("%016" G_GINT64_MODIFIER "x",
                              lu_fnv64(lu_fnv64(h, "\x1f", 1), root, strlen(root)));

    g_free(drafts);
    return d;
}

/* The kept walk's setting: drafts_digest's, and, when the walk marks
 * messages WALK_NOT_TO_ME, who I am (MY_RUNS, sorted): the marks hold for
 * that identity only, and another walks the index again, as another mail
 * root does.  Caller frees. */
static char *walk_digest(struct scan *s)
{
    char *d = drafts_digest(s), *w;
    guint64 h = LU_FNV64_INIT;

    if (!s->my_runs)
        return d;
    for (guint i = 0; i < s->my_runs->len; i++) {
        h = lu_fnv64(h, "\x1d", 1);
        for (char **r = g_ptr_array_index(s->my_runs, i); *r; r++)
            h = lu_fnv64(lu_fnv64(h, "\x1e", 1), *r, strlen(*r));
    }
    w = g_strdup_printf("%s+%016" G_GINT64_MODIFIER "x", d, h);
    g_free(d);
    return w;
}

/* The key the kept walk is under: the index read ("UUID REV"), its
 * COUNT messages, the drafts setting; then the dated messages.  Caller
 * frees. */
static char *walk_key(struct scan *s, const char *index_at, guint64 count)
{
    return g_strdup_printf("w2 %s %" G_GUINT64_FORMAT " %s ", index_at, count, s->walk_setting);
}

/* The messages changed since revision REV (the kept walk's) into a new
 * S->patch, with the threads they are in now, when they are few beside
 * the COUNT messages of the index (WALK_PATCH_SHARE); else none. */
static int walk_changed(struct scan *s, gint64 rev, unsigned count)
{
    char *q = g_strdup_printf("lastmod:%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, rev + 1, s->rev);
    guint64 order = lu_walk_order;
    unsigned n = 0;
    int ret = lu_db_count(s->db, q, &n);

    if (ret || (n > WALK_PATCH_FEW && (guint64)n * WALK_PATCH_SHARE > count))
        goto out;
    s->patch = walk_patch_new();
    ret = lu_db_each_thread_noting(s->db, q, s->patch->changed, NULL, walk_fresh_add, s->patch);
    lu_walk_order = order; /* a fresh thread counts where the replay gives it */
out:
    g_free(q);
    return ret;
}

/* The kept threads that held a changed message and are not in the
 * threads of the changed messages now (their messages went to another
 * thread: notmuch merges threads) read again too, whatever is left of
 * them; then the fresh threads in the walk's order. */
static int walk_extra(struct scan *s)
{
    struct walk_patch *p = s->patch;
    guint64 order = lu_walk_order;
    int ret = 0;

    if (p->extra->len) {
        char *q = lu_db_threads_query((char **)p->extra->pdata, p->extra->len, NULL);
        ret = lu_db_each_thread(s->db, q, walk_fresh_add, p);
        lu_walk_order = order;
        g_free(q);
    }
    g_ptr_array_sort(p->fresh, cmp_newest); /* stable: notmuch's order within one second */
    return ret;
}

/* Whether KEY (the kept walk's, "w2 UUID REV COUNT DRAFTS DATED":
 * walk_key) may be brought to the index read: the same database, no
 * later revision, the same drafts setting; its REV, COUNT and DATED. */
static bool walk_key_read(struct scan *s, const char *key, gint64 *rev, guint64 *count,
                          gint64 *dated)
{
    char **k = g_strsplit(key, " ", 0);
    size_t u = g_strv_length(k) == 6 ? strlen(k[1]) : 0;
    bool ok = u && strcmp(k[0], "w2") == 0 && strncmp(s->index_at, k[1], u) == 0 &&
              s->index_at[u] == ' ' && strcmp(k[4], s->walk_setting) == 0;

    if (ok) {
        *rev = g_ascii_strtoll(k[2], NULL, 10);
        *count = g_ascii_strtoull(k[3], NULL, 10);
        *dated = g_ascii_strtoll(k[5], NULL, 10);
        ok = *rev >= 0 && *rev <= s->rev;
    }
    g_strfreev(k);
    return ok;
}

/* Whether the kept walk is of the index this run reads, or can be brought
 * up to it (S->replay; S->patch: the changes since).  Any write to
 * notmuch moves the revision and the message it wrote: a tag, a message
 * added, a file added, moved or removed, threads merged.  A message
 * removed whole (its last file) may leave the revision as it was and
 * the other messages of its thread untouched: the count of `*` then
 * differs from the kept walk's and the messages added (the changed ones
 * it does not hold), and the walk reads notmuch. */
static int walk_kept(struct scan *s)
{
    char *have = NULL;
    gint64 rev = 0, dated = 0;
    guint64 count = 0, added = 0;
    unsigned n = 0;
    int ret = 0;

    if (lu_debug_no_kept_walk || !s->store || !s->index_at ||
        lu_store_get(s->store, "walked", &have) || !have ||
        !walk_key_read(s, have, &rev, &count, &dated))
        goto out;
    ret = lu_db_count(s->db, "*", &n);
    if (!ret && rev < s->rev)
        ret = walk_changed(s, rev, n);
    if (ret || (rev < s->rev && !s->patch))
        goto out;
    /* Read through once before any thread is decided from it: a damaged
     * record costs this run the notmuch walk, never a half-decided one. */
    ret = lu_store_walk_each(s->store, walk_check, s->patch);
    if (ret == -1)
        lu_warning("the kept walk of every thread is damaged; reading notmuch instead");
    if (!ret && s->patch)
        added = g_hash_table_size(s->patch->changed) - s->patch->found;
    if (!ret && count + added == n && s->patch)
        ret = walk_extra(s);
    if (ret == -1)
        ret = 0;
    else if (!ret && count + added == n)
        s->replay = true;
    s->walk_dated = dated + (gint64)added;
out:
    if (!s->replay)
        g_clear_pointer(&s->patch, walk_patch_free);
    g_free(have);
    return ret;
}

/* The walk of every thread, newest first, to FN: the kept one's
 * (walk_kept), with the threads changed since read from notmuch, or
 * notmuch's, recorded for the next. */
static int walk_newest(struct scan *s, lu_thread_fn fn)
{
    int ret;

    s->walk_setting = walk_digest(s);
    ret = walk_kept(s);

    s->walk_fn = fn;
    s->walk_pending =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    s->walk_tids = g_ptr_array_new_with_free_func(g_free);
    s->walk_recs = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    s->walk_poss = g_array_new(FALSE, FALSE, sizeof(gint64));
    s->walk_update = s->replay && !s->patch && !lu_debug_walk_whole;
    if (s->walk_update)
        s->walk_at = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!ret && s->replay) {
        lu_db_set_dated(s->db, s->walk_dated);
        ret = lu_store_walk_each_at(s->store, walk_replay, NULL, s);
        if (!ret && s->patch)
            ret = walk_fresh_give(s, G_MININT64);
    } else if (!ret) {
        ret = lu_db_each_thread_newest(s->db, "*", walk_rec, s);
        s->walk_dated = lu_db_dated(s->db);
    }
    return ret;
}

/* S's worker threads (S->jobs of them), started once: by a full scan's
 * delivery failures (collect_bounces) or the walk (walk_every), which
 * stops them (else scan_clear).  False: none, this thread reads. */
static bool workers_start(struct scan *s)
{
    if (s->workers || s->jobs <= 1)
        return s->workers != NULL;
    lu_mime_init(); /* GMime starts here, before any worker parses */
    if (lu_workers_new(s->jobs, ahead_thread_run, NULL, &s->workers) != 0)
        return false;
    s->ahead = g_queue_new();
    s->read_ahead = g_hash_table_new(g_direct_hash, g_direct_equal);
    s->st->workers = (unsigned)s->jobs;
    return true;
}

static void workers_stop(struct scan *s)
{
    lu_workers_free(s->workers);
    s->workers = NULL;
    if (s->ahead)
        g_queue_free(s->ahead);
    s->ahead = NULL;
    if (s->read_ahead)
        g_hash_table_destroy(s->read_ahead);
    s->read_ahead = NULL;
}

/* Every thread of "*" (NEWEST: newest first), decided by decide_thread;
 * with more than one job, read and analysed ahead on worker threads while
 * this one reads notmuch and decides.  libnotmuch, Xapian and sqlite stay
 * on this thread. */
static int walk_every(struct scan *s, bool newest)
{
    lu_thread_fn fn = workers_start(s) ? ahead_walk : decide_thread;
    int ret;

    lu_tl_mark("walk: workers started");
    ret = newest ? walk_newest(s, fn) : lu_db_each_thread(s->db, "*", fn, s);
    lu_tl_mark("walk: notmuch read");
    while (s->ahead && !g_queue_is_empty(s->ahead)) {
        int r = ahead_decide(s, ret == 0);
        ret = ret ? ret : r;
    }
    lu_tl_mark("walk: last thread decided");
    if (!ret && s->walk_tids)
        ret = walk_flush(s);
    workers_stop(s);
    lu_tl_mark("walk: workers stopped");
    lu_tl_usage("main: walked");
    return ret;
}

/* Whether GMime's own parse of EMAIL, a bare address, keeps it as itself
 * (case aside): what notmuch indexed as to: terms.  No for an address only
 * mime.c's lenient parse reads (Exchange's "j..smith@x").  Here, not in
 * mime.c: mime.c is in the analyser's digest (a change there re-reads
 * every file). */
static bool gmime_keeps(const char *email)
{
    InternetAddressList *list;
    bool kept = false;

    lu_mime_init();
    list = internet_address_list_parse(NULL, email);
    if (list && internet_address_list_length(list) == 1) {
        InternetAddress *ia = internet_address_list_get_address(list, 0);
        const char *got = INTERNET_ADDRESS_IS_MAILBOX(ia)
                              ? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia))
                              : NULL;
        kept = got && g_ascii_strcasecmp(got, email) == 0;
    }
    if (list)
        g_object_unref(list);
    return kept;
}

/* The runs of ASCII letters and digits of each of my addresses and
 * domains (a GStrv each; caller frees): a message whose to: terms lack a
 * run of each is written to none of them (to_terms).  Xapian indexes an
 * address as its words, lower case (as mine are kept), whose runs are
 * the address's.  NULL when an address cannot be told so: not ASCII, a
 * run longer than Xapian keeps a word (senders.h), none, or one of my
 * addresses GMime's parse drops (gmime_keeps). */
static GPtrArray *my_runs(const struct lu_identity *me)
{
    GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    GPtrArray *addrs = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    bool bad = false;

    g_hash_table_iter_init(&it, me->addrs);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_ptr_array_add(addrs, key);
    g_ptr_array_sort(addrs, cmp_str);
    for (guint i = 0; i < me->domains->len; i++)
        g_ptr_array_add(addrs, g_ptr_array_index(me->domains, i));
    for (guint i = 0; i < addrs->len && !bad; i++) {
        const char *a = g_ptr_array_index(addrs, i);
        GPtrArray *runs;
        /* An address of mine GMime drops (Exchange's "k..allen@x") is in
         * no to: term of a file that holds it: read beside another
         * recipient, the message looks written to nobody of mine, while
         * mime.c's lenient parse finds me in it (t261). */
        if (i < g_hash_table_size(me->addrs) && !gmime_keeps(a)) {
            bad = true;
            break;
        }
        runs = g_ptr_array_new();
        for (size_t at = 0, l; a[at] && !bad; at += l ? l : 1) {
            for (l = 0; g_ascii_isalnum(a[at + l]);)
                l++;
            bad = (unsigned char)a[at] >= 0x80 || l >= LU_SENDER_RUN_MOST;
            if (l && !bad)
                g_ptr_array_add(runs, g_strndup(a + at, l));
        }
        bad = bad || !runs->len;
        g_ptr_array_add(runs, NULL);
        g_ptr_array_add(all, g_ptr_array_free(runs, FALSE));
    }
    g_ptr_array_free(addrs, TRUE);
    if (bad)
        g_clear_pointer(&all, g_ptr_array_unref);
    return all;
}

/* Whether RUN (N bytes) is a whole run of letters and digits of TERM. */
static bool term_has_run(const char *term, const char *run, size_t n)
{
    for (const char *p = term; (p = strstr(p, run)); p++)
        if ((p == term || !g_ascii_isalnum(p[-1])) && !g_ascii_isalnum(p[n]))
            return true;
    return false;
}

/* The walk's lu_to_fn: MID into S->not_to_me when its N to: terms TO
 * lack a run of each of my addresses and domains, as NOT_TO_ME_REFS when
 * it holds a reference term (REFS). */
static void to_terms(const char *mid, const char *const *to, unsigned n, bool refs, void *data)
{
    struct scan *s = data;

    /* None at all: GMime may have dropped a malformed To that mime.c's
     * lenient parse reads (t102's "me..myself@"): read as before. */
    if (!n)
        return;
    for (guint i = 0; i < s->my_runs->len; i++) {
        char **runs = g_ptr_array_index(s->my_runs, i);
        bool all = true;
        for (guint r = 0; runs[r] && all; r++) {
            size_t l = strlen(runs[r]);
            bool found = false;
            for (unsigned k = 0; k < n && !found; k++)
                found = term_has_run(to[k], runs[r], l);
            all = found;
        }
        if (all)
            return; /* may be written to me */
    }
    not_to_me_add(s, mid, refs ? NOT_TO_ME_REFS : 1);
}

/* Every thread, newest first, finding answers elsewhere among the messages
 * walked (find_elsewhere).  Only where every date is notmuch's own: a date
 * leadup corrects (before 1970, or far ahead) would break the order. */
static int walk_all(struct scan *s)
{
    char *odd = g_strdup_printf("date:..@0 or date:@%" G_GINT64_FORMAT "..",
                                s->ctx->now + LU_DATE_AHEAD + 1);
    unsigned n = 0;
    int ret = lu_db_count(s->db, odd, &n);

    g_free(odd);
    if (ret)
        return ret;
    if (n)
        return walk_every(s, false);
    s->recent =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    s->walk_pos = G_MAXINT64;
    /* The threads written to nobody of mine need no file read (none_to_me). */
    s->my_runs = lu_debug_read_not_mine ? NULL : my_runs(&s->ctx->me);
    if (s->my_runs) {
        s->not_to_me = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        lu_db_set_to(s->db, to_terms, s);
    }
    ret = walk_every(s, true);
    lu_db_set_to(s->db, NULL, NULL);
    if (s->not_to_me)
        lu_not_to_me_left += g_hash_table_size(s->not_to_me);
    lu_not_to_me_held = 0;
    g_clear_pointer(&s->not_to_me, g_hash_table_destroy);
    g_clear_pointer(&s->my_runs, g_ptr_array_unref);
    g_hash_table_destroy(s->recent);
    s->recent = NULL;
    return ret;
}

static int count_threads(struct lu_db *db, const char *query, unsigned *out)
{
    /* Messages are cheaper to count than threads; a fine progress bound. */
    return lu_db_count(db, query, out);
}

/* Without knowing who I am every thread reads as someone else's, and
 * writing that would remove every leadup/ tag: refuse before writing. */
int lu_need_identity(struct lu_ctx *ctx)
{
    if (g_hash_table_size(ctx->me.addrs) || ctx->me.domains->len)
        return 0;
    return lu_error(EX_CONFIG, "who are you? set user.primary_email in notmuch's config "
                               "(notmuch config set user.primary_email ADDRESS) or "
                               "[identity] addresses in leadup's config; nothing changed");
}

/* Sets S up for CTX: the rules, and the plans a run fills (scan_clear
 * frees them).  The databases and the decisions are the caller's. */
static void scan_init(struct scan *s, struct lu_ctx *ctx, const struct lu_scan_opts *o,
                      struct lu_scan_stats *st)
{
    memset(s, 0, sizeof *s);
    s->ctx = ctx;
    s->o = o;
    s->st = st;
    s->ops = g_array_new(FALSE, TRUE, sizeof(struct lu_tagop));
    g_array_set_clear_func(s->ops, (GDestroyNotify)tagop_clear);
    s->items = g_ptr_array_new_with_free_func((GDestroyNotify)lu_thread_plan_free);
    s->applied = g_array_new(FALSE, FALSE, sizeof(gint64));
    s->done = lu_idset_new();
    s->new_bounces = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    s->pending = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->stamp = g_get_real_time();
    s->rules.cfg = &ctx->cfg;
    s->rules.me = &ctx->me;
    s->rules.now = ctx->now;
    s->rules.analyse = scan_analyse_cb;
    s->rules.body = scan_body_cb;
    s->rules.said = scan_said_cb;
    s->rules.sender = scan_sender_cb;
    s->rules.data = s;
    s->my_mail = -1;
}

static void scan_clear(struct scan *s)
{
    workers_stop(s); /* started for a walk that did not come */
    if (s->walk_buf)
        g_byte_array_free(s->walk_buf, TRUE);
    s->walk_buf = NULL;
    if (s->tags) /* a scan that failed: its section cancelled, nothing written */
        lu_tagwriter_join(s->tags, NULL);
    s->tags = NULL;
    if (s->bounces)
        g_hash_table_destroy(s->bounces);
    if (s->looked)
        g_hash_table_destroy(s->looked);
    if (s->waiting)
        g_hash_table_destroy(s->waiting);
    if (s->redecide_ids)
        g_array_free(s->redecide_ids, TRUE);
    if (s->redecide)
        g_ptr_array_free(s->redecide, TRUE);
    g_ptr_array_free(s->new_bounces, TRUE);
    lu_idset_free(s->done);
    g_hash_table_destroy(s->pending);
    g_ptr_array_free(s->items, TRUE);
    g_array_free(s->applied, TRUE);
    g_array_free(s->ops, TRUE);
    if (s->rows)
        g_ptr_array_free(s->rows, TRUE);
    if (s->said_kept)
        LU_FREE_EACH(g_hash_table_destroy, s->said_kept, s->said_made);
    LU_FREE_EACH(g_free, s->fresh, s->sensed);
    if (s->senders)
        g_hash_table_destroy(s->senders);
    LU_FREE_EACH(g_free, s->changed, s->index_at, s->senders_at, s->mark, s->base, s->kept_base,
                 s->fwd_was, s->fwd_base);
    if (s->fwd_senders)
        LU_FREE_EACH(g_hash_table_destroy, s->fwd_moved, s->fwd_senders);
    if (s->since)
        g_ptr_array_free(s->since, TRUE);
    if (s->changed_mids)
        g_hash_table_destroy(s->changed_mids);
    LU_FREE_EACH(g_ptr_array_unref, s->walk_tids, s->walk_recs);
    g_clear_pointer(&s->walk_pending, g_hash_table_destroy);
    g_clear_pointer(&s->walk_at, g_hash_table_destroy);
    if (s->walk_poss)
        g_array_free(s->walk_poss, TRUE);
    if (s->kmsg_served)
        LU_FREE_EACH(g_ptr_array_unref, s->kmsg_mids, s->kmsg_recs);
    g_clear_pointer(&s->kmsg_served, g_hash_table_destroy);
    g_clear_pointer(&s->patch, walk_patch_free);
    g_free(s->walk_setting);
    if (s->stat_dir && s->stat_fd >= 0)
        close(s->stat_fd);
    g_free(s->stat_dir);
}

/* What the last scan left, and what this one sees. */
struct meta {
    char *uuid, *old_uuid, *digest, *old_digest, *docmark;
    gint64 rev, last, gap_from, gap_to;
};

/* Opens the databases and reads the decisions still to write. */
static int scan_open(struct scan *s, struct meta *m)
{
    const char *uuid = NULL;
    int ret = lu_db_open(s->ctx, false, &s->db);

    if (!ret)
        ret = lu_need_identity(s->ctx);
    if (!ret)
        ret = lu_store_open(&s->store);
    if (!ret)
        ret = lu_store_decisions_pending(s->store, &s->waiting);
    if (!ret)
        ret = lu_store_redecide(s->store, &s->redecide_ids, &s->redecide);
    if (ret)
        return ret;
    m->rev = lu_db_revision(s->db, &uuid);
    m->uuid = g_strdup(uuid); /* outlives the read handle */
    m->digest = rules_digest(s->ctx);
    s->index_at = g_strdup_printf("%s %" G_GINT64_FORMAT, m->uuid, m->rev);
    s->rev = m->rev;
    s->mark = lu_db_doc_mark(s->db);
    ret = load_meta(s->store, &m->old_uuid, &m->last, &m->gap_from, &m->gap_to, &m->old_digest);
    return ret ? ret : lu_store_get(s->store, "docmark", &m->docmark);
}

/* The mark the last scan left (meta "docmark": "UUID LASTMOD DOCID
 * TERM") when it is of M's index at the state's lastmod: its "DOCID
 * TERM", in the string DOCMARK; NULL otherwise. */
static const char *docmark_at(const char *docmark, const char *uuid, gint64 last)
{
    size_t n = uuid ? strlen(uuid) : 0;
    char *end = NULL;

    if (!docmark || !n || strncmp(docmark, uuid, n) != 0 || docmark[n] != ' ')
        return NULL;
    if (g_ascii_strtoll(docmark + n + 1, &end, 10) != last || !end || *end != ' ')
        return NULL;
    return end + 1;
}

/* The messages changed since the last scan as "id:A or id:B ..." into
 * QUERY, told by document ids (lu_db_changed_since) when the last scan
 * left its mark at the state's lastmod and nobody wrote to notmuch while
 * it ran: true; false when QUERY must name the lastmod range. */
static bool changed_by_docid(struct scan *s, const struct meta *m, GString *query)
{
    const char *mark = docmark_at(m->docmark, m->uuid, m->last);
    GPtrArray *mids = NULL;

    if (!mark || m->gap_from > 0 || lu_db_changed_since(s->db, mark, m->last, m->rev, &mids))
        return false;
    /* Their threads are walked in notmuch's order of the matches, as
     * the range's are. */
    for (guint i = 0; i < mids->len; i++) {
        char *q = lu_db_quote(g_ptr_array_index(mids, i));
        g_string_append_printf(query, "%sid:%s", i ? " or " : "", q);
        g_free(q);
    }
    g_ptr_array_free(mids, TRUE);
    return true;
}

/* The query of the messages to look at into QUERY ("*": every thread,
 * *FULL set): what changed since the last scan, the threads time alone
 * changes, vanished anchors and decisions still to write. */
static int scan_query(struct scan *s, const struct meta *m, GString *query, bool *full)
{
    GPtrArray *checks = NULL;
    int ret = 0;

    if (!m->old_uuid || strcmp(m->old_uuid, m->uuid) != 0 || m->last < 0 ||
        g_strcmp0(m->old_digest, m->digest) != 0)
        *full = true;
    if (*full) {
        g_string_assign(query, "*");
    } else {
        if (m->rev > m->last && !changed_by_docid(s, m, query))
            g_string_append_printf(query, "lastmod:%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT,
                                   m->last + 1, m->rev);
        if (m->gap_from > 0 && m->gap_to >= m->gap_from)
            g_string_append_printf(query, "%slastmod:%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT,
                                   query->len ? " or " : "", m->gap_from, m->gap_to);
        if (query->len)
            s->changed = g_strdup(query->str);
    }
    /* A full scan finds every delivery failure notmuch has: one whose
     * report was deleted must not mark its thread any more, so it reads
     * none stored. */
    ret = rows_open(s, *full, !*full);
    /* New delivery failures first, so the threads they report on know:
     * every one in a full scan, here; the changed messages' in the
     * walk, before it decides a thread (changed_bounces). */
    if (!ret && *full)
        ret = collect_bounces(s, query->str, true);
    if (ret || *full)
        return ret;
    ret = note_removals(s, query);
    if (!ret)
        ret = lu_store_threads_to_check(s->store, s->ctx->now, &checks);
    if (!ret && checks->len) {
        char *tq = threads_query(checks);
        g_string_append_printf(query, "%s%s", query->len ? " or " : "", tq);
        g_free(tq);
    }
    if (!ret)
        add_pending(query, s->waiting);
    if (!ret)
        add_redecide(query, s->redecide);
    if (checks)
        g_ptr_array_free(checks, TRUE);
    return ret;
}

/* Decides the threads of QUERY: the changed messages' first (scan_query
 * puts their ranges first), noting which messages they are
 * (changed_since) and collecting their delivery failures before any
 * (changed_bounces), then the rest's, those decided already skipped. */
static int walk_query_noting(struct scan *s, const char *query)
{
    size_t n = s->changed ? strlen(s->changed) : 0;
    int ret;

    if (!n || strncmp(query, s->changed, n) != 0 ||
        (query[n] && !g_str_has_prefix(query + n, " or "))) {
        ret = n ? collect_bounces(s, s->changed, false) : 0;
        return ret ? ret : lu_db_each_thread(s->db, query, decide_thread, s);
    }
    s->changed_mids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    ret = lu_db_each_thread_noting(s->db, s->changed, s->changed_mids, changed_bounces,
                                   decide_thread, s);
    if (!ret && query[n])
        ret = lu_db_each_thread(s->db, query + n + strlen(" or "), decide_thread, s);
    return ret;
}

/* Decides every thread QUERY names, then the threads found on the way
 * (delivery failures, broken threading). */
static int scan_walk(struct scan *s, const char *query, bool full)
{
    GPtrArray *pend = NULL;
    int ret = 0;

    if (s->o->progress && *query)
        count_threads(s->db, query, &s->total);
    if (full && strcmp(query, "*") == 0)
        ret = walk_all(s);
    else if (*query)
        ret = walk_query_noting(s, query);
    if (!ret && g_hash_table_size(s->pending)) {
        GHashTableIter it;
        gpointer key;
        char *tq;
        pend = g_ptr_array_new();
        g_hash_table_iter_init(&it, s->pending);
        /* One decided already is skipped by decide_thread: not asked for
         * (a full scan has decided every one, and a query of thousands of
         * threads cost Xapian 10 MB at 100,000 messages). */
        while (g_hash_table_iter_next(&it, &key, NULL))
            if (!lu_idset_has(s->done, key))
                g_ptr_array_add(pend, key);
        tq = threads_query(pend);
        if (pend->len)
            ret = lu_db_each_thread(s->db, tq, decide_thread, s);
        g_free(tq);
    }
    if (!ret)
        ret = settle_missing(s);
    if (!ret && s->o->progress && s->total)
        fputc('\n', stderr);
    if (pend)
        g_ptr_array_free(pend, TRUE);
    return ret;
}

/* The runs of ASCII letters and digits of the terms of the messages
 * added since (lu_db_terms; TERMS[k]: message k's), each to the messages
 * that hold it in one of their terms (a GArray of their places, in
 * order).  Caller destroys. */
static GHashTable *runs_index(GPtrArray *terms)
{
    GHashTable *idx =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);

    for (guint k = 0; k < terms->len; k++) {
        GPtrArray *doc = g_ptr_array_index(terms, k);
        for (guint i = 0; i < doc->len; i++) {
            const char *t = g_ptr_array_index(doc, i);
            for (size_t a = 0, n; t[a]; a += n ? n : 1) {
                for (n = 0; g_ascii_isalnum(t[a + n]);)
                    n++;
                if (!n)
                    continue;
                char *run = g_strndup(t + a, n);
                GArray *at = g_hash_table_lookup(idx, run);
                if (!at) {
                    at = g_array_new(FALSE, FALSE, sizeof(guint));
                    g_hash_table_insert(idx, g_strdup(run), at);
                }
                if (!at->len || g_array_index(at, guint, at->len - 1) != k)
                    g_array_append_val(at, k);
                g_free(run);
            }
        }
    }
    return idx;
}

/* Into *MAY (MIDS' places, in order) the messages added that may match
 * the phrase query of a field for ADDR (from: or to: the address), IDX
 * (runs_index) their terms of that field: those holding each run of ASCII
 * letters and digits of ADDR as a run of one of their terms.  A phrase
 * matches only a message holding each of its terms; a term of an ASCII
 * address is the lower-case text of a part of it, and such a run of the
 * address is one of its term's.  All N of them for an address not ASCII,
 * or of fewer than two runs (one word is no phrase: it is stemmed), or
 * with a run longer than Xapian indexes a word (64 bytes). */
static void may_match(const char *addr, GHashTable *idx, guint n, GArray *may)
{
    char run[LU_SENDER_RUN_MOST + 1];
    guint runs = 0;
    bool all = false;

    g_array_set_size(may, 0);
    for (const char *p = addr; *p; p++)
        all = all || (unsigned char)*p >= 0x80;
    for (size_t a = 0, l; addr[a] && !all; a += l ? l : 1) {
        for (l = 0; g_ascii_isalnum(addr[a + l]);)
            l++;
        if (!l)
            continue;
        if ((all = l >= sizeof run))
            break;
        memcpy(run, addr + a, l);
        run[l] = '\0';
        GArray *at = g_hash_table_lookup(idx, run);
        if (!at || (runs && !may->len)) {
            g_array_set_size(may, 0);
            runs = 2; /* none */
            break;
        }
        if (!runs++) {
            g_array_append_vals(may, at->data, at->len);
            continue;
        }
        guint w = 0; /* MAY and AT */
        for (guint i = 0, j = 0; i < may->len && j < at->len;) {
            guint x = g_array_index(may, guint, i), y = g_array_index(at, guint, j);
            if (x == y)
                g_array_index(may, guint, w++) = x;
            i += x <= y;
            j += y <= x;
        }
        g_array_set_size(may, w);
    }
    if (all || runs < 2) {
        g_array_set_size(may, 0);
        for (guint k = 0; k < n; k++)
            g_array_append_val(may, k);
    }
}

/* What forward_one, forward_wanted and forward_counts read of the
 * messages added: MIDS (their Message-IDs, up to forward_most) or else
 * ABOVE (lu_db_above's: they are numbered above it); the runs of their
 * From and To terms (forward_index), N of them. */
struct fwd_want {
    GPtrArray *mids;
    gint64 above;
    GHashTable *fidx, *tidx;
    GArray *may;
    guint n;
};

/* The count of a kept history WHAT of ADDR (history_query: Q) over the
 * messages added told by number (W->above) into *C, *WHOLE false; from
 * Xapian's postings of those holding the address's rarest word
 * (lu_db_count_addr_above), so the cost grows with the mail added, not
 * with the index.  An address Xapian cannot count so (not one plain
 * phrase): notmuch's count of Q over the whole index, *WHOLE true (the
 * history itself, not what is added to it).  False on an error. */
static bool forward_above(struct scan *s, const char *addr, enum lu_sender_count what,
                          const char *q, const struct fwd_want *w, unsigned *c, bool *whole)
{
    GPtrArray *mine = mine_list(s, what);
    bool ok = true;

    *whole = (what == LU_SENDER_ANSWERED && !mine->len) ||
             lu_db_count_addr_above(
                 s->db, addr, what == LU_SENDER_SENT ? NULL : (const char *const *)mine->pdata,
                 mine->len, w->above, c) != 0;
    if (*whole)
        ok = lu_db_count(s->db, q, c) == 0;
    g_ptr_array_free(mine, TRUE);
    return ok;
}

/* Adds to *N (a kept history WHAT of ADDR: unless not countable) its
 * count (history_query; ME: from_me's) over the messages added that may
 * count for ADDR (may_match; IDX: their runs; W->may, the caller's): no
 * other may.  By notmuch's query naming them (W->mids), else by number
 * (forward_above).  False on an error. */
static bool forward_one(struct scan *s, const char *addr, enum lu_sender_count what, const char *me,
                        struct fwd_want *w, GHashTable *idx, int *n, bool *changed)
{
    GPtrArray *some;
    GString *since = NULL;
    char *q = NULL;
    unsigned c = 0;
    bool ok = true, whole = false;

    if (*n < 0)
        return true;
    may_match(addr, idx, w->n, w->may);
    if (!w->may->len)
        return true;
    q = history_query(addr, what, me);
    lu_forward_counts++;
    if (!w->mids) {
        ok = forward_above(s, addr, what, q, w, &c, &whole);
    } else {
        some = g_ptr_array_new();
        for (guint i = 0; i < w->may->len; i++)
            g_ptr_array_add(some, g_ptr_array_index(w->mids, g_array_index(w->may, guint, i)));
        since = since_query(q, some);
        g_ptr_array_free(some, TRUE);
        ok = lu_db_count(s->db, since->str, &c) == 0;
        g_string_free(since, TRUE);
    }
    g_free(q);
    if (ok && whole && (int)MIN(c, (unsigned)G_MAXINT) != *n) {
        *n = (int)MIN(c, (unsigned)G_MAXINT);
        *changed = true;
    } else if (ok && !whole && c) {
        *n = (int)MIN((guint64)*n + c, (guint64)G_MAXINT);
        *changed = true;
    }
    return ok;
}

/* The runs of the From and To terms of the messages added since
 * (runs_index; W->mids, else those numbered above W->above) into W->fidx
 * and W->tidx, and W->n, how many they are.  False on an error. */
static bool forward_index(struct scan *s, struct fwd_want *w)
{
    GPtrArray *from = NULL, *to = NULL;
    bool ok = w->mids ? lu_db_terms(s->db, w->mids, "XFROM", &from) == 0 &&
                            lu_db_terms(s->db, w->mids, "XTO", &to) == 0
                      : lu_db_terms_above(s->db, w->above, "XFROM", &from) == 0 &&
                            lu_db_terms_above(s->db, w->above, "XTO", &to) == 0;

    if (ok && from->len != to->len)
        ok = false; /* not the same messages: another's writes between */
    if (ok) {
        w->fidx = runs_index(from);
        w->tidx = runs_index(to);
        w->n = from->len;
    }
    if (from)
        g_ptr_array_free(from, TRUE);
    if (to)
        g_ptr_array_free(to, TRUE);
    return ok;
}

/* Counts the messages added since (W: forward_index's) into each of
 * KEPT's histories (lower-case address -> struct lu_history*), asking
 * only of a sender they may count for (may_match); those changed into
 * MOVED.  False on an error. */
static bool forward_counts(struct scan *s, GHashTable *kept, struct fwd_want *w, GHashTable *moved)
{
    GHashTableIter it;
    gpointer key, val;
    char *me = from_me(s);
    bool ok = true;

    g_hash_table_iter_init(&it, kept);
    while (ok && g_hash_table_iter_next(&it, &key, &val)) {
        struct lu_history *h = val;
        bool changed = false;

        ok = forward_one(s, key, LU_SENDER_SENT, me, w, w->fidx, &h->sent, &changed) &&
             forward_one(s, key, LU_SENDER_ANSWERED, me, w, w->tidx, &h->answered, &changed);
        if (changed)
            g_hash_table_insert(moved, key, h);
    }
    g_free(me);
    return ok;
}

/* Whether a message added may count for the kept history of ADDR
 * (may_match, either field): a history none may count for is left as the
 * full scan kept it, and need not be read (lu_store_senders_some). */
static bool forward_wanted(const char *addr, void *data)
{
    struct fwd_want *w = data;

    if (!w->n)
        return false;
    may_match(addr, w->fidx, w->n, w->may);
    if (!w->may->len)
        may_match(addr, w->tidx, w->n, w->may);
    return w->may->len > 0;
}

/* The runs of FIDX and TIDX (forward_index's; NULL: none), each once, as
 * the prefixes of the kept addresses lu_store_senders_some reads: the
 * first run of an address the mail added may count for is one of them
 * (may_match), unless it is not lu_sender_ranged.  NULL (read them all)
 * past FORWARD_PREFIXES_MOST.  Caller frees. */
#define FORWARD_PREFIXES_MOST 256
static GPtrArray *forward_prefixes(GHashTable *fidx, GHashTable *tidx)
{
    GPtrArray *p = g_ptr_array_new();
    GHashTable *idx[] = {fidx, tidx};

    for (guint i = 0; i < G_N_ELEMENTS(idx) && idx[i]; i++) {
        GHashTableIter it;
        gpointer run;

        g_hash_table_iter_init(&it, idx[i]);
        while (g_hash_table_iter_next(&it, &run, NULL))
            if (i == 0 || !g_hash_table_contains(fidx, run))
                g_ptr_array_add(p, run); /* the index's */
    }
    if (p->len > FORWARD_PREFIXES_MOST)
        g_clear_pointer(&p, g_ptr_array_unref);
    return p;
}

/* Set from LEADUP_DEBUG_FORWARD_MOST (tests): the most messages added
 * senders_forward reads the Message-IDs of, for a notmuch count naming
 * them; LU_FORWARD_MOST unless set. */
static unsigned forward_most(void)
{
    static gint64 most = -1;

    if (most < 0) {
        const char *v = g_getenv("LEADUP_DEBUG_FORWARD_MOST");
        most = v ? (gint64)g_ascii_strtoull(v, NULL, 10) : LU_FORWARD_MOST;
    }
    return (unsigned)most;
}

/* The messages added since BASE (the histories' base, after the digest
 * of who I am) into W: up to forward_most by their Message-IDs
 * (lu_db_since), more by number (lu_db_above), however many: their
 * histories are current whatever arrived at once (an archive imported,
 * the hook off for a while), where past LU_FORWARD_MOST every key
 * counted each history over the whole index until a full scan (issue 14,
 * session 41).  False when they cannot be told (a message removed, ...). */
static bool forward_added(struct scan *s, const char *base, struct fwd_want *w)
{
    unsigned added = 0;

    if (lu_db_above(s->db, base, G_MAXUINT, &w->above, &added) == 0 && added > forward_most())
        return true;
    w->above = -1;
    return lu_db_since(s->db, base, forward_most(), &w->mids) == 0;
}

/* An incremental scan brings the histories the last full scan kept
 * forward (issue 14): when they hold for the index it reads (kept_load's
 * test: messages were only added since their base, and I am who I was),
 * the messages added are counted into them (forward_added, however many)
 * and their base becomes this index's: the walk's rules read them
 * (kept_history, kept_mine: no notmuch count of the whole index a
 * sender), and scan_save keeps them with the rest of its writes.  Else
 * (a message removed) they stay as they are until the next full scan.
 * Answers what counting afresh would, in the index as the handle reads
 * it now. */
static void senders_forward(struct scan *s, bool whole)
{
    char *have = NULL, *digest = NULL, *key = NULL, *base = NULL, *end = NULL;
    GPtrArray *prefixes = NULL;
    GHashTable *kept = NULL, *moved = g_hash_table_new(g_str_hash, g_str_equal);
    struct fwd_want w = {.above = -1, .may = g_array_new(FALSE, FALSE, sizeof(guint))};
    size_t n;

    if (!s->store || !s->db || lu_store_get(s->store, "senders_base", &have) != 0 || !have ||
        lu_store_get(s->store, "senders", &key) != 0 || !key || !*key)
        goto out;
    digest = me_digest(s);
    n = strlen(digest);
    if (strncmp(have, digest, n) != 0 || have[n] != ' ' || !forward_added(s, have + n + 1, &w))
        goto out;
    base = lu_db_base(s->db);
    if (!base || strcmp(base, have + n + 1) == 0)
        goto out; /* nothing to move */
    if ((!w.mids || w.mids->len) && !forward_index(s, &w))
        goto out;
    /* An incremental scan takes only the histories the mail added may
     * count for (641 rows read whole and tested were 1.8 M instructions
     * of a one-new-message scan at 30,000, issue 14); the others hold as
     * kept (kept_history, kept_mine read them from the table).  A full
     * walk takes them all (senders_brought). */
    whole = whole || lu_debug_whole_senders;
    if (!whole)
        prefixes = forward_prefixes(w.fidx, w.tidx);
    if (lu_store_senders_some(s->store, key, prefixes, whole ? NULL : forward_wanted, &w, &kept) !=
            0 ||
        !kept || (w.n && !forward_counts(s, kept, &w, moved)))
        goto out;
    end = lu_db_base(s->db); /* still the index counted in */
    if (g_strcmp0(end, base) != 0)
        goto out;
    lu_forward_runs++;
    lu_forward_msgs += w.n;
    lu_forward_kept += g_hash_table_size(kept);
    s->fwd_base = g_strdup_printf("%s %s", digest, base);
    s->fwd_was = g_steal_pointer(&have);
    s->fwd_senders = g_steal_pointer(&kept);
    s->fwd_moved = g_steal_pointer(&moved);
    s->fwd_partial = !whole;
out:
    LU_FREE_EACH(g_free, have, digest, key, base, end);
    if (moved)
        g_hash_table_destroy(moved);
    if (w.mids)
        g_ptr_array_free(w.mids, TRUE);
    if (kept)
        g_hash_table_destroy(kept);
    if (w.fidx)
        LU_FREE_EACH(g_hash_table_destroy, w.fidx, w.tidx);
    if (prefixes)
        g_ptr_array_free(prefixes, TRUE);
    g_array_free(w.may, TRUE);
}

/* In scan_save's transaction: the histories senders_forward brought
 * forward, unless a full scan kept others meanwhile. */
static int senders_moved(struct scan *s)
{
    char *now = NULL;
    int ret;

    if (!s->fwd_base)
        return 0;
    ret = lu_store_get(s->store, "senders_base", &now);
    if (!ret && g_strcmp0(now, s->fwd_was) == 0) {
        if (g_hash_table_size(s->fwd_moved))
            ret = lu_store_senders_update(s->store, s->fwd_moved);
        if (!ret)
            ret = lu_store_set(s->store, "senders_base", s->fwd_base);
    }
    g_free(now);
    return ret;
}

/* Closes the scan's read handle (the tags are written under a short write
 * lock, after it).  The histories were counted in what the
 * handle reads now: read again after another's commit (nm.c read_again),
 * it is not what it read first, and no base is kept with them
 * (senders_save). */
static void scan_close_read(struct scan *s)
{
    char *end = s->base ? lu_db_base(s->db) : NULL;

    if (g_strcmp0(end, s->base) != 0)
        g_clear_pointer(&s->base, g_free);
    g_free(end);
    lu_db_close(s->db);
    s->db = NULL;
}

/* The scan's tag writes, beside the store's rows on a thread of their own
 * (scan_write_and_save), through DB, opened for them: it reads OPS and
 * writes only BEFORE, AFTER and RET, and closes DB (notmuch's commit:
 * Xapian's fdatasync of each table). */
struct tag_write {
    struct lu_db *db; /* owned until closed here */
    GArray *ops;
    gint64 before, after; /* the revisions around the writes (lu_db_apply) */
    int ret;
};

static void *tag_write_run(void *data)
{
    struct tag_write *t = data;

    t->ret = lu_db_apply(t->db, t->ops, &t->before, &t->after);
    lu_tl_mark("tags: applied");
    lu_db_close(t->db);
    lu_tl_mark("tags: notmuch closed");
    lu_tl_usage("main: tags written");
    t->db = NULL;
    return NULL;
}

/* Keeps the senders' histories a full walk counted or read (senders_load)
 * for the next, when nobody but this run wrote to notmuch since it read
 * (no gap): its own tags change no count. */
static int senders_save(struct scan *s, const struct meta *m, bool full, gint64 before,
                        gint64 after)
{
    char *key;
    int ret;

    if (!full || !s->senders_at || before != m->rev)
        return 0;
    key = senders_key(s, m->uuid, after, s->senders_dated);
    ret = lu_store_senders_write(s->store, key, s->senders);
    g_free(key);
    if (!ret) {
        /* what they were counted over, for kept_history */
        char *digest = me_digest(s);
        char *base = s->base ? g_strdup_printf("%s %s", digest, s->base) : NULL;
        ret = lu_store_set(s->store, "senders_base", base ? base : "");
        LU_FREE_EACH(g_free, digest, base);
    }
    return ret;
}

/* Keeps MARK, the mark of the newest document at the revision the run
 * read, for the next scan (changed_by_docid) as of AFTER, its own tag
 * writes on: they number no document.  NULL (others wrote while it ran:
 * documents numbered after the mark are older than AFTER): none. */
static int save_docmark(struct lu_store *st, const char *uuid, const char *mark, gint64 after)
{
    char *v = mark ? g_strdup_printf("%s %" G_GINT64_FORMAT " %s", uuid, after, mark) : NULL;
    int ret = lu_store_set(st, "docmark", v ? v : "");

    g_free(v);
    return ret;
}

/* Whether this run's record of the walk is kept for the next
 * (walk_kept): when it holds every message of the index read and nobody
 * but this run wrote to notmuch since it read (BEFORE: the revision
 * before its writes). */
static bool walk_keepable(struct scan *s, const struct meta *m, gint64 before)
{
    return s->walk_tids && before == m->rev && s->walk_dated >= 0 &&
           s->walk_msgs == (guint64)s->walk_dated && !g_hash_table_size(s->walk_pending);
}

/* The kept walk's rows (lu_store_walk_move): this run's records when
 * KEEP (walk_keepable), else none.  A replay of the index as kept
 * (walk_update) wrote only the records its tag writes changed: the rest
 * stay.  On the rows' thread, beside the tag writes: the records are a
 * third of the state's rows of a first scan. */
static int walk_move(struct scan *s, bool keep)
{
    int ret = lu_store_walk_move(s->store, keep, s->walk_update);

    s->walk_moved = !ret && keep;
    return ret;
}

/* The kept walk's key, as of AFTER (the revision after the tag writes),
 * once walk_move moved the records. */
static int walk_key_put(struct scan *s, const struct meta *m, gint64 after)
{
    char *at, *pre, *key;
    int ret;

    if (!s->walk_moved)
        return 0;
    at = g_strdup_printf("%s %" G_GINT64_FORMAT, m->uuid, after);
    pre = walk_key(s, at, s->walk_msgs);
    key = g_strdup_printf("%s%" G_GINT64_FORMAT, pre, s->walk_dated);
    ret = lu_store_set(s->store, "walked", key);
    LU_FREE_EACH(g_free, at, pre, key);
    return ret;
}

/* Keeps the records kmsg_keep made (kmsgs.h).  When nobody but this run
 * wrote to notmuch since it read (BEFORE is the revision it read at),
 * with this run's tag writes on, as of AFTER: the messages it tagged are
 * taken next time too.  Else as read, as of the revision read: a message
 * changed since, by anyone, is read through notmuch next time. */
static int kmsg_save(struct scan *s, const struct meta *m, gint64 before, gint64 after)
{
    bool ours = before == m->rev;
    GHashTable *by_mid;
    GHashTableIter it;
    gpointer mid;

    if (!s->kmsg_mids || (!s->kmsg_mids->len && !(ours && g_hash_table_size(s->kmsg_served))))
        return 0;
    if (!ours || !s->ops->len)
        return lu_store_kmsgs_put(s->store, s->kmsg_key, s->kmsg_mids, s->kmsg_recs,
                                  ours ? after : m->rev);
    /* each message's writes: folding every write into every record would
     * be messages times writes */
    by_mid = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
    for (guint i = 0; i < s->ops->len; i++) {
        struct lu_tagop *op = &g_array_index(s->ops, struct lu_tagop, i);
        GArray *a = g_hash_table_lookup(by_mid, op->mid);
        if (!a) {
            a = g_array_new(FALSE, FALSE, sizeof(struct lu_tagop));
            g_hash_table_insert(by_mid, op->mid, a);
        }
        g_array_append_val(a, *op); /* a shallow copy: S->ops owns its strings */
    }
    /* the messages taken as kept that this run tagged: kept again */
    g_hash_table_iter_init(&it, by_mid);
    while (g_hash_table_iter_next(&it, &mid, NULL)) {
        GBytes *rec = g_hash_table_lookup(s->kmsg_served, mid);
        if (rec) {
            g_ptr_array_add(s->kmsg_mids, g_strdup(mid));
            g_ptr_array_add(s->kmsg_recs, g_bytes_ref(rec));
        }
    }
    for (guint i = 0; i < s->kmsg_mids->len; i++) {
        GArray *a = g_hash_table_lookup(by_mid, g_ptr_array_index(s->kmsg_mids, i));
        if (a) {
            GBytes *folded = walk_fold(g_ptr_array_index(s->kmsg_recs, i), a, 0);
            g_bytes_unref(s->kmsg_recs->pdata[i]);
            s->kmsg_recs->pdata[i] = folded;
        }
    }
    g_hash_table_destroy(by_mid);
    return lu_store_kmsgs_put(s->store, s->kmsg_key, s->kmsg_mids, s->kmsg_recs, after);
}

/* The run's rows that owe nothing to its tag writes (the items, bounces,
 * the analyses' rows, the prunes), in the transaction it begins; left
 * open for scan_save_meta, rolled back on an error. */
static int scan_save_rows(struct scan *s, bool full)
{
    /* Plans that all stayed in memory go to the store as they are: a full
     * scan's staged table serves lu_store_forget_before and
     * lu_store_prune_absent too. */
    bool held = !full && !s->staged;
    int ret = held ? 0 : stage_plans(s);

    if (!ret)
        ret = lu_store_begin(s->store);
    if (ret)
        return ret;
    ret = held ? lu_store_put_plans(s->store, s->items) : lu_store_put_staged(s->store);
    for (guint i = 0; i < s->new_bounces->len && !ret; i++)
        ret = lu_store_add_bounce(s->store, g_ptr_array_index(s->new_bounces, i));
    if (!ret)
        ret = lu_store_decisions_applied(s->store, s->applied);
    /* Every thread marked was in the walk (a full one walks them all; one
     * whose message is gone has no tag to write), and the state commits
     * after notmuch (scan_write_and_save). */
    if (!ret)
        ret = lu_store_redecided(s->store, s->redecide_ids);
    if (!ret && full)
        ret = lu_store_forget_before(s->store, s->stamp);
    /* a full scan forgets the kept messages (kmsgs.h): the rows of messages
     * gone go with them, and the scans after it keep each thread afresh */
    if (!ret && full)
        ret = lu_store_kmsgs_forget(s->store);
    for (guint i = 0; s->rows && i < s->rows->len && !ret; i++)
        ret = cache_row_write(s, g_ptr_array_index(s->rows, i));
    /* Rows of an older analyser are never read again, nor those of
     * messages notmuch no longer has. */
    if (!ret && full)
        ret = lu_store_analysis_prune(s->store, lu_analyser);
    /* After the walk of every thread: the rows of messages notmuch no
     * longer has go (store.c keeps the decisions).  Every message is in
     * some thread, and the plans staged hold every walked thread's
     * messages.  Not after a walk replayed (walk_kept): its index is the
     * one the full scan that kept it pruned for, and nothing since made
     * a row of a message notmuch does not have (8% of the scan's
     * instructions at 10,000 messages).  Nor after a walk that began with
     * no such row (a first scan): every row since is of a message of the
     * walk's snapshot (LEADUP_DEBUG_PRUNE_ALL prunes anyway: t279). */
    if (!ret && full && !s->replay && s->prune_none)
        lu_prunes_skipped++;
    else if (!ret && full && !s->replay)
        ret = lu_store_prune_absent(s->store, &s->st->pruned);
    if (ret)
        lu_store_rollback(s->store);
    return ret;
}

/* Then what the tag writes decide (the revisions BEFORE and AFTER them):
 * the histories, the walk and the messages kept, the meta; and the
 * commit, after notmuch's. */
static int scan_save_meta(struct scan *s, const struct meta *m, bool full, gint64 before,
                          gint64 after)
{
    int ret = senders_save(s, m, full, before, after);

    lu_tl_mark("meta: senders saved");
    if (!ret && !full)
        ret = senders_moved(s);
    if (!ret && full)
        ret = walk_key_put(s, m, after);
    lu_tl_mark("meta: walk kept");
    if (!ret)
        ret = kmsg_save(s, m, before, after);
    lu_tl_mark("meta: kmsgs saved");
    /* Changes others made between our read and our write (rev, before]
     * are still to be seen; ours (before, after] are not. */
    if (!ret)
        ret = lu_store_set(s->store, "uuid", m->uuid);
    if (!ret)
        ret = lu_store_set(s->store, "rules", m->digest);
    if (!ret)
        ret = set_meta_int(s->store, "lastmod", after);
    if (!ret)
        ret = save_docmark(s->store, m->uuid, before == m->rev ? s->mark : NULL, after);
    if (!ret)
        ret = set_meta_int(s->store, "gap_from", before > m->rev ? m->rev + 1 : 0);
    if (!ret)
        ret = set_meta_int(s->store, "gap_to", before > m->rev ? before : 0);
    if (ret) {
        lu_store_rollback(s->store);
        return ret;
    }
    lu_tl_mark("meta: set");
    return lu_store_commit(s->store);
}

/* Gives the kernel back the free pages of every malloc arena: a full
 * walk's sets, its read-ahead workers' arenas and the read handle's
 * caches are freed by now, but glibc keeps their pages, and the tag
 * writer's thread allocates from an arena of its own, so the writes
 * (Xapian's buffered changes, 42,000 tags at 300,000 messages) and the
 * rows' came on top of the walk's peak (issue 14). */
static void trim_heap(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* sqlite's automatic checkpoint: its default, and a full walk's (64 MB
 * of log at most). */
#define LU_CKPT_PAGES   1000
#define WALK_CKPT_PAGES 16384

/* The state's rows of a scan (scan_save_rows), on a thread of their
 * own beside the tag writes (scan_write_and_save): it writes only RET. */
struct rows_save {
    struct scan *s;
    bool full;
    bool keep_walk; /* walk_keepable, when FULL */
    int ret;
    bool done; /* written beside the tag writer's end (tags_walk_end) */
};

static void *rows_save_run(void *data)
{
    struct rows_save *r = data;

    /* What the walk committed (the analysis cache's rows) copied into the
     * database now, beside the tag writes, not in the commit after them. */
    if (r->full) {
        lu_store_checkpoint(r->s->store);
        lu_store_autocheckpoint(r->s->store, LU_CKPT_PAGES);
    }
    lu_tl_mark("rows: checkpointed");
    r->ret = scan_save_rows(r->s, r->full);
    if (!r->ret && r->full) {
        r->ret = walk_move(r->s, r->keep_walk);
        if (r->ret)
            lu_store_rollback(r->s->store);
    }
    lu_tl_mark("rows: written");
    /* what the rows freed, given back while the tag writes go on */
    if (r->full)
        trim_heap();
    lu_tl_mark("rows: trimmed");
    lu_tl_usage("rows");
    return NULL;
}

/* The end of the tags written during the walk (tags_walk_start): the
 * operations not yet handed go, the writer commits on its thread while
 * the main thread writes the rows that owe them nothing (rows_save_run),
 * then T gets the revisions around the writes and their error.  With no
 * operation at all the writer cancels its empty section, and the
 * revisions are the one read, as when no write handle was opened. */
static void tags_walk_end(struct scan *s, const struct meta *m, struct tag_write *t,
                          struct rows_save *r)
{
    bool any = s->ops->len > 0;
    gint64 after = -1;

    if (any) {
        lu_tagwriter_hand(s->tags, s->ops, &s->ops_handed);
        t->before = s->tags_before;
    }
    lu_tagwriter_finish(s->tags, any);
    r->keep_walk = walk_keepable(s, m, t->before);
    rows_save_run(r);
    r->done = true;
    t->ret = lu_tagwriter_join(s->tags, &after);
    s->tags = NULL;
    lu_tl_mark("save: tag writer joined");
    if (any)
        t->after = after;
}

/* Writes the tags and stores the run.  The tag writes (notmuch's, a
 * third of a first full scan's main thread at 10,000 messages, half of it
 * in the kernel: each tagged document's terms and positions read again,
 * then Xapian's commit) run beside the rows that owe them nothing
 * (scan_save_rows), those on a thread of their own.  This way round, not
 * the other: Xapian's buffered changes take the main arena's free pages
 * the walk left (trim_heap gives back only whole pages), where on a
 * thread of its own they came in an arena of their own, on top: the
 * first full scan at 300,000 peaked at 70.5 MB, 59.9 MB with the two one
 * after the other (issue 14).  The state
 * commits only after notmuch has (scan_save_meta), as when they ran one
 * after the other: killed at any point, the state never holds a tag
 * write notmuch lacks, and the next scan converges (t220, t285). */
static int scan_write_and_save(struct scan *s, const struct meta *m, bool full)
{
    struct tag_write t = {NULL, s->ops, m->rev, m->rev, 0};
    struct rows_save r = {s, full, false, 0, false};
    pthread_t saver;
    bool apart = false;
    int ret;

    scan_close_read(s);
    lu_tl_mark("save: read handle closed");
    if (full) {
        /* the threads decided (2 MB at 300,000): the walk is over */
        g_clear_pointer(&s->done, lu_idset_free);
        trim_heap();
    }
    lu_tl_mark("save: trimmed");
    /* notmuch's write lock before the state's, the order a decision takes
     * them in (lu_thread_view_commit): in the other, one holding notmuch's
     * and waiting for the state's could meet this scan holding the state's
     * and waiting for notmuch's */
    if (s->tags) {
        tags_walk_end(s, m, &t, &r);
    } else if (s->ops->len) {
        ret = lu_db_open(s->ctx, true, &t.db);
        lu_tl_mark("save: write handle open");
        if (ret)
            return ret;
        /* notmuch's lock held: lu_db_apply's BEFORE, known now */
        t.before = lu_db_revision(t.db, NULL);
        r.keep_walk = walk_keepable(s, m, t.before);
        if (!g_getenv("LEADUP_DEBUG_TAGS_INLINE"))
            apart = pthread_create(&saver, NULL, rows_save_run, &r) == 0;
        tag_write_run(&t);
    }
    if (apart) {
        pthread_join(saver, NULL);
    } else if (!r.done) {
        r.keep_walk = walk_keepable(s, m, t.before);
        rows_save_run(&r);
    }
    lu_tl_mark("save: rows joined");
    ret = r.ret;
    if (!ret && t.ret)
        lu_store_rollback(s->store);
    if (!ret)
        ret = t.ret;
    return ret ? ret : scan_save_meta(s, m, full, t.before, t.after);
}

/* A first full scan (the state began with nothing to prune: no analysis
 * row, no delivery failure) writes its tags during the walk, on the tag
 * writer's thread (tagwriter.h), not after it: the writes take the core
 * the walk leaves (issue 14, s42-first).  notmuch's write lock is then
 * held from the walk's start, not from its end: opened here, before the
 * walk's first transaction on the state, the order a decision takes the
 * two locks in.  Not for a later full scan (a settings change, --full):
 * few tags change there, and the lock would be held for the whole walk;
 * nor without an identity (lu_db_open would load it on the writer's
 * thread while the walk reads it), nor past TAGS_WALK_MOST messages.
 * LEADUP_DEBUG_TAGS_AFTER writes them
 * after the walk, as before (t336 compares); LEADUP_DEBUG_TAGS_BATCH=N
 * hands them N operations at a time (TAGS_BATCH). */
static int tags_walk_start(struct scan *s)
{
    const struct lu_identity *me = &s->ctx->me;

    const char *batch = g_getenv("LEADUP_DEBUG_TAGS_BATCH"); /* tests */
    const char *most = g_getenv("LEADUP_DEBUG_TAGS_WALK_MOST");
    unsigned n = 0;

    if (!s->prune_none || g_getenv("LEADUP_DEBUG_TAGS_AFTER") ||
        (g_hash_table_size(me->addrs) == 0 && me->domains->len == 0))
        return 0;
    if (lu_db_mail_count(s->db, &n) != 0 ||
        n > (most ? (unsigned)g_ascii_strtoull(most, NULL, 10) : TAGS_WALK_MOST))
        return 0;
    s->tags_batch = batch ? MAX(1, (guint)g_ascii_strtoull(batch, NULL, 10)) : TAGS_BATCH;
    return lu_tagwriter_start(s->ctx, &s->tags_before, &s->tags);
}

int lu_scan(struct lu_ctx *ctx, const struct lu_scan_opts *o, struct lu_scan_stats *st)
{
    struct scan s;
    struct meta m = {0};
    GString *query = g_string_new(NULL);
    gint64 t0 = g_get_monotonic_time();
    bool full = o->full;
    int ret;

    memset(st, 0, sizeof *st);
    scan_init(&s, ctx, o, st);
    s.rules.features_unread = true; /* the tags and rows read none (why's JSON does) */
    s.rows = g_ptr_array_new_with_free_func((GDestroyNotify)cache_row_free);
    s.stage = true;
    s.parses = lu_mime_parses;
    ret = lu_jobs(o->jobs, &s.jobs);
    lu_tl_mark("scan: begins");
    if (!ret)
        ret = scan_open(&s, &m);
    lu_tl_mark("scan: opened");
    if (!ret)
        ret = cache_fresh(&s);
    /* Before any row is written (scan_query's delivery failures write
     * theirs); a full scan is told only by scan_query. */
    if (!ret && !lu_debug_prune_all)
        ret = lu_store_prune_none(s.store, &s.prune_none);
    if (!ret)
        ret = scan_query(&s, &m, query, &full);
    lu_tl_mark("scan: query made");
    if (ret)
        goto out;
    if (query->len == 0 && s.items->len == 0) {
        st->nothing_changed = true;
        goto out;
    }
    s.full = full;
    /* A full walk commits its analysis rows as it goes (cache_flush):
     * their checkpoints' syncs, every 1,000 pages, stopped the walk's own
     * thread; now rarer, and the last on the rows' thread (rows_save_run). */
    if (full)
        lu_store_autocheckpoint(s.store, WALK_CKPT_PAGES);
    /* LEADUP_DEBUG_SAID_UNKEPT: every text folded again, no record read or
     * made (t273 compares; read here, not in leadup.c: its global would
     * be declared in leadup.h, part of the sense digest). */
    if (!full && !g_getenv("LEADUP_DEBUG_SAID_UNKEPT")) {
        s.said_kept =
            g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
        s.said_made =
            g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
        s.said_keep = (struct lu_said_keep){said_get, said_made, &s};
    }
    if (!full)
        senders_forward(&s, false);
    if (!full)
        kmsg_init(&s, m.uuid);
    if (full)
        ret = tags_walk_start(&s);
    if (!ret)
        ret = scan_walk(&s, query->str, full);
    lu_tl_mark("scan: walked");
    if (!ret)
        ret = scan_write_and_save(&s, &m, full);
    lu_tl_mark("scan: saved");
out:
    st->parsed = (unsigned)(lu_mime_parses - s.parses);
    st->seconds = (g_get_monotonic_time() - t0) / 1e6;
    if (s.decisions)
        g_hash_table_destroy(s.decisions);
    scan_clear(&s);
    g_free(m.uuid);
    g_free(m.old_uuid);
    g_free(m.digest);
    g_free(m.old_digest);
    g_free(m.docmark);
    g_string_free(query, TRUE);
    lu_tl_mark("scan: cleared");
    lu_store_close(s.store);
    lu_tl_mark("scan: state closed");
    lu_db_close(s.db);
    return ret;
}

/* After lu_scan_write_lazy's or a decision's own writes (BEFORE, AFTER]: like a scan,
 * the next scan skips them when the state had seen everything up to
 * BEFORE; what others wrote since the state's lastmod joins its gap. */
static int lazy_meta(struct lu_store *st, const char *uuid, gint64 before, gint64 after)
{
    char *old = NULL, *mark = NULL;
    gint64 last = -1, from = -1;
    int ret = lu_store_get(st, "uuid", &old);

    if (!ret)
        ret = meta_int(st, "lastmod", &last);
    if (!ret)
        ret = meta_int(st, "gap_from", &from);
    if (ret || after <= before || !old || strcmp(old, uuid) != 0 || last < 0 || last > before)
        goto out;
    if (before > last) {
        ret = set_meta_int(st, "gap_from", from > 0 ? MIN(from, last + 1) : last + 1);
        if (!ret)
            ret = set_meta_int(st, "gap_to", before);
    }
    if (!ret)
        ret = set_meta_int(st, "lastmod", after);
    /* The mark stays good across our own writes, not across others'. */
    if (!ret)
        ret = lu_store_get(st, "docmark", &mark);
    if (!ret && before == last && docmark_at(mark, uuid, last))
        ret = save_docmark(st, uuid, docmark_at(mark, uuid, last), after);
    else if (!ret && mark && *mark)
        ret = lu_store_set(st, "docmark", "");
out:
    g_free(old);
    g_free(mark);
    return ret;
}

int lu_scan_write_lazy(struct lu_ctx *ctx, unsigned *written)
{
    struct lu_store *store = NULL;
    struct lu_db *db = NULL;
    GPtrArray *mids = NULL, *states = NULL, *gone = g_ptr_array_new_with_free_func(g_free);
    GArray *ops = g_array_new(FALSE, TRUE, sizeof(struct lu_tagop));
    gint64 before = 0, after = 0;
    const char *uuid = NULL;
    char *kept_uuid = NULL;
    int ret;

    *written = 0;
    g_array_set_clear_func(ops, (GDestroyNotify)tagop_clear);
    ret = lu_store_open(&store);
    if (!ret)
        ret = lu_store_untagged(store, &mids, &states);
    if (ret || mids->len == 0)
        goto out; /* the usual case: nothing since the last time */
    ret = lu_db_open(ctx, true, &db);
    if (!ret)
        ret = lu_need_identity(ctx);
    for (guint i = 0; !ret && i < mids->len; i++) {
        char *tid = NULL;
        ret = lu_db_thread_of(db, g_ptr_array_index(mids, i), &tid);
        if (!ret && !tid) { /* the anchor is gone: so is its item */
            g_ptr_array_add(gone, g_strdup(g_ptr_array_index(mids, i)));
        } else if (!ret) {
            struct lu_tagop op = {g_strdup(g_ptr_array_index(mids, i)),
                                  g_strconcat(LU_TAG_PREFIX, g_ptr_array_index(states, i), NULL),
                                  true};
            g_array_append_val(ops, op);
        }
        g_free(tid);
    }
    if (!ret)
        ret = lu_db_apply(db, ops, &before, &after);
    if (!ret) {
        lu_db_revision(db, &uuid);
        kept_uuid = g_strdup(uuid);
    }
    /* Closed (notmuch commits the tags) before the store says they are
     * written, as lu_thread_view_commit. */
    g_clear_pointer(&db, lu_db_close);
    if (!ret)
        ret = lu_store_begin(store);
    if (ret)
        goto out;
    for (guint i = 0; i < ops->len && !ret; i++)
        ret = lu_store_set_tagged(store, g_array_index(ops, struct lu_tagop, i).mid);
    for (guint i = 0; i < gone->len && !ret; i++) {
        GPtrArray *one = g_ptr_array_new();
        g_ptr_array_add(one, g_ptr_array_index(gone, i));
        ret = lu_store_put_thread(store, one, NULL);
        g_ptr_array_free(one, TRUE);
    }
    if (!ret)
        ret = lazy_meta(store, kept_uuid, before, after);
    if (ret)
        lu_store_rollback(store);
    else
        ret = lu_store_commit(store);
    if (!ret)
        *written = ops->len;
out:
    if (mids)
        g_ptr_array_free(mids, TRUE);
    if (states)
        g_ptr_array_free(states, TRUE);
    g_ptr_array_free(gone, TRUE);
    g_array_free(ops, TRUE);
    g_free(kept_uuid);
    lu_db_close(db);
    lu_store_close(store);
    return ret;
}

/* The message a query naming one thread stands for: its latest message
 * that matches.  Several threads are a usage error that says how many. */
static int query_target(struct lu_db *db, const char *query, char **mid)
{
    GPtrArray *found = NULL;
    GHashTable *threads = g_hash_table_new(g_str_hash, g_str_equal);
    int ret = lu_db_messages(db, query, 0, &found);

    if (ret)
        goto out;
    for (guint i = 0; i < found->len; i++)
        g_hash_table_add(threads, ((struct lu_msg *)g_ptr_array_index(found, i))->thread_id);
    if (found->len == 0)
        ret = lu_error(EX_NOINPUT, "no message matches '%s' in the notmuch database", query);
    else if (g_hash_table_size(threads) > 1)
        ret = lu_error(EX_USAGE, "'%s' names %u threads; give one (id:MSGID or thread:ID)", query,
                       g_hash_table_size(threads));
    else
        *mid = g_strdup(((struct lu_msg *)g_ptr_array_index(found, found->len - 1))->mid);
out:
    g_hash_table_destroy(threads);
    if (found)
        g_ptr_array_free(found, TRUE);
    return ret;
}

/* The state rows of TV's thread: its decisions (TV->table, TV's to
 * destroy) and, BOUNCES true, its delivery failures (rows_open). */
static int view_rows(struct scan *s, struct lu_thread_view *tv, bool bounces)
{
    int ret = rows_open(s, false, bounces);

    tv->table = s->decisions;
    return ret ? ret : read_thread_rows(s, tv->msgs);
}

/* ARG as the commands take it: "id:MSGID" (exactly, spaces and all), a
 * bare Message-ID that names a message (as before queries were taken), or
 * any notmuch query naming one thread ("thread:ID", as leadup queue prints). */
static int resolve_target(struct lu_db *db, const char *arg, char **mid)
{
    GPtrArray *found = NULL;
    char *q = NULL, *qm = NULL;
    int ret;

    *mid = NULL;
    if (!arg || g_str_has_prefix(arg, "id:"))
        return lu_target_mid(arg, mid);
    if (!strpbrk(arg, ": \t")) {
        ret = lu_target_mid(arg, mid);
        if (ret)
            goto out;
        qm = lu_db_quote(*mid);
        q = g_strconcat("id:", qm, NULL);
        ret = lu_db_messages(db, q, 1, &found);
        if (ret || found->len)
            goto out;
        g_clear_pointer(mid, g_free);
    }
    ret = query_target(db, arg, mid);
out:
    if (ret)
        g_clear_pointer(mid, g_free);
    if (found)
        g_ptr_array_free(found, TRUE);
    g_free(q);
    g_free(qm);
    return ret;
}

/* The folded sentences (said.h) the last thread view read with its
 * analysis rows, Message-ID -> GBytes, for that view's rules and its
 * decision's (lu_thread_view_commit, lu_thread_view_trial): the view
 * compares its earlier texts from them as an incremental scan does
 * (issue 14), each checked against its text (lu_said_record_is).  Kept
 * here, not in struct lu_thread_view: leadup.h is part of the sense
 * digest, so a field there would have every user analyse every text again.
 * TV: the view they are of (lu_thread_view_clear lets them go).  A view
 * makes no record: why and draft write nothing to the state, and a
 * record a scan has not made yet is made by the next one. */
static _Thread_local struct {
    const struct lu_thread_view *tv;
    GHashTable *said;
} view_said;

/* lu_said_keep's get for a view's rules: M's record as its row held it. */
static GBytes *view_said_get(const struct lu_msg *m, void *data)
{
    return m->mid ? g_hash_table_lookup(data, m->mid) : NULL;
}

/* The records S read (S->said_kept, taken) kept for the view TV. */
static void view_said_keep(struct scan *s, const struct lu_thread_view *tv)
{
    if (view_said.said)
        g_hash_table_destroy(view_said.said);
    view_said.said = g_steal_pointer(&s->said_kept);
    view_said.tv = view_said.said ? tv : NULL;
}

/* TV's records as lu_said_keep takes them (in *K), or NULL: none read. */
static const struct lu_said_keep *view_said_of(const struct lu_thread_view *tv,
                                               struct lu_said_keep *k)
{
    if (!view_said.said || view_said.tv != tv)
        return NULL;
    *k = (struct lu_said_keep){view_said_get, NULL, view_said.said};
    return k;
}

/* The kept messages (kmsgs.h) a view took as they were, Message-ID ->
 * GBytes (the record, without its revision and key), the key they were
 * kept under, and the revision of the index the view read: the view's
 * decision (lu_thread_view_commit) keeps those it tags again, with its
 * writes on, as a scan keeps those it tags (kmsg_save), so that the next
 * key reads them as kept, not through notmuch (issue 14: a draft after
 * a snooze).  Here, not in struct lu_thread_view, as view_said. */
static _Thread_local struct {
    const struct lu_thread_view *tv;
    GHashTable *served;
    gint64 key, rev;
} view_kmsgs;

/* The kept messages S took (S->kmsg_served, taken) kept for the view TV,
 * with the revision of the index view_kept saw before the thread was read. */
static void view_kmsgs_keep(struct scan *s, const struct lu_thread_view *tv)
{
    g_clear_pointer(&view_kmsgs.served, g_hash_table_destroy);
    view_kmsgs.tv = NULL;
    if (!s->kmsg_served || !g_hash_table_size(s->kmsg_served) || s->rev <= 0)
        return;
    LU_FREE_EACH(g_ptr_array_unref, s->kmsg_mids, s->kmsg_recs);
    s->kmsg_mids = s->kmsg_recs = NULL;
    view_kmsgs.served = g_steal_pointer(&s->kmsg_served);
    view_kmsgs.key = s->kmsg_key;
    view_kmsgs.rev = s->rev; /* view_kept's */
    view_kmsgs.tv = tv;
}

/* After TV's decision wrote OPS, (BEFORE, AFTER] by the revision: when
 * nobody wrote to notmuch since the view read it (BEFORE is that
 * revision), the kept messages the view took that OPS tagged are kept
 * again, with OPS on, as of AFTER.  Within the caller's write
 * transaction.  Returns 0 or a status. */
static int view_kmsgs_save(struct lu_store *store, const struct lu_thread_view *tv, GArray *ops,
                           gint64 before, gint64 after)
{
    GPtrArray *mids, *recs;
    GArray *one;
    int ret = 0;

    if (view_kmsgs.tv != tv || !view_kmsgs.served || before != view_kmsgs.rev || after <= before)
        return 0;
    mids = g_ptr_array_new();
    recs = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    one = g_array_new(FALSE, FALSE, sizeof(struct lu_tagop));
    for (guint i = 0; i < ops->len; i++) {
        const struct lu_tagop *op = &g_array_index(ops, struct lu_tagop, i);
        GBytes *rec = g_hash_table_lookup(view_kmsgs.served, op->mid);
        /* a message's writes come together (plan_tags): fold them at once */
        if (!rec || (i + 1 < ops->len &&
                     strcmp(g_array_index(ops, struct lu_tagop, i + 1).mid, op->mid) == 0))
            continue;
        g_array_set_size(one, 0);
        for (guint j = 0; j < ops->len; j++)
            if (strcmp(g_array_index(ops, struct lu_tagop, j).mid, op->mid) == 0)
                g_array_append_val(one, g_array_index(ops, struct lu_tagop, j));
        g_ptr_array_add(mids, op->mid);
        g_ptr_array_add(recs, walk_fold(rec, one, 0));
    }
    if (mids->len)
        ret = lu_store_kmsgs_put(store, view_kmsgs.key, mids, recs, after);
    g_array_free(one, TRUE);
    g_ptr_array_free(mids, TRUE);
    g_ptr_array_free(recs, TRUE);
    return ret;
}

/* The databases of a thread view: notmuch's, then the state's; WRITE
 * (view.h's lu_thread_view_writing): the state's while notmuch's write
 * open runs on its thread.  Returns 0 or a status. */
static int view_open(struct lu_ctx *ctx, const char *id, bool write, struct lu_thread_view *out)
{
    int ret;

    if (!write) {
        ret = lu_db_open(ctx, false, &out->db);
        if (!ret)
            ret = resolve_target(out->db, id, &out->mid);
        return ret ? ret : lu_store_open(&out->store);
    }
    lu_db_write_ahead();
    ret = lu_store_open(&out->store);
    if (!ret)
        ret = lu_db_open_view(ctx, true, &out->db);
    if (!ret)
        ret = resolve_target(out->db, id, &out->mid);
    if (ret)
        lu_db_write_ahead_drop(); /* a wait spent on the lock: nothing to write */
    return ret;
}

/* lu_thread_view; RULES false: view.h's lu_thread_view_unruled; WRITE:
 * lu_thread_view_writing; GONE: lu_thread_view_undo's *GONE. */
static int thread_view(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out, bool rules,
                       bool write, bool *gone)
{
    struct lu_scan_stats st = {0};
    struct lu_scan_opts o = {0};
    struct scan s;
    char *stored = NULL, *tid = NULL;
    const char *mid;
    int ret;

    scan_init(&s, ctx, &o, &st);
    memset(out, 0, sizeof *out);
    out->target = -1;
    lu_verdict_clear(&out->v);
    out->msgs = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    ret = view_open(ctx, id, write, out);
    if (ret)
        goto out;
    /* libnotmuch's own lookup knows the id it stored for a long one, and
     * the message's thread: the thread is read by its id, one query, not
     * found by `id:` and `thread:` queries first (issue 14). */
    ret = lu_db_find_thread(out->db, out->mid, &stored, &tid);
    if (ret)
        goto out;
    if (stored) {
        g_free(out->mid);
        out->mid = stored;
    }
    mid = out->mid;
    s.db = out->db;
    s.store = out->store;
    if (!tid && gone) {
        *gone = true; /* the caller's to say (an undo forgets the decision) */
        goto out;
    }
    if (!tid) {
        ret = lu_error(EX_NOINPUT, "message '%s' is not in the notmuch database", mid);
        goto out;
    }
    view_kept(&s, mid);
    /* The analysis rows read with their records (cache_get), unless
     * LEADUP_DEBUG_SAID_UNKEPT (t274 compares: every text folded). */
    if (!g_getenv("LEADUP_DEBUG_SAID_UNKEPT"))
        s.said_kept =
            g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    ret = lu_db_thread_read(out->db, tid, out->msgs);
    if (ret)
        goto out;
    ret = view_rows(&s, out, true);
    if (ret)
        goto out;
    for (guint i = 0; i < out->msgs->len; i++)
        if (strcmp(((struct lu_msg *)g_ptr_array_index(out->msgs, i))->mid, mid) == 0)
            out->target = (int)i;
    lu_verdict_clear(&out->v);
    s.said_keep = (struct lu_said_keep){said_get, NULL, &s};
    lu_said_keep = s.said_kept ? &s.said_keep : NULL;
    decide(&s, out->msgs, &out->v, &out->decisions, &out->elsewhere, rules);
    lu_said_keep = NULL;
out:
    if (out->db)
        lu_db_set_rows(out->db, NULL, NULL); /* view_kept's: S goes */
    view_said_keep(&s, out);
    view_kmsgs_keep(&s, out);
    scan_clear(&s);
    g_free(tid);
    return ret;
}

int lu_thread_view(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out)
{
    return thread_view(ctx, id, out, true, false, NULL);
}

int lu_thread_view_unruled(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out)
{
    return thread_view(ctx, id, out, false, false, NULL);
}

int lu_thread_view_writing(struct lu_ctx *ctx, const char *id, bool rules,
                           struct lu_thread_view *out)
{
    return thread_view(ctx, id, out, rules, true, NULL);
}

int lu_thread_view_undo(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out, bool *gone)
{
    *gone = false;
    return thread_view(ctx, id, out, true, true, gone);
}

void lu_thread_view_clear(struct lu_thread_view *tv)
{
    if (view_said.tv == tv) {
        g_clear_pointer(&view_said.said, g_hash_table_destroy);
        view_said.tv = NULL;
    }
    if (view_kmsgs.tv == tv) {
        g_clear_pointer(&view_kmsgs.served, g_hash_table_destroy);
        view_kmsgs.tv = NULL;
    }
    lu_verdict_clear(&tv->v);
    LU_FREE_EACH(g_ptr_array_unref, tv->decisions, tv->elsewhere, tv->msgs);
    g_clear_pointer(&tv->table, g_hash_table_destroy);
    lu_store_close(tv->store);
    lu_db_close(tv->db);
    g_free(tv->mid);
    memset(tv, 0, sizeof *tv);
}

/* The view lu_thread_view_leave left for the process's exit: reachable
 * from here, so a leak checker counts none of it. */
static struct lu_thread_view left_for_exit;

void lu_thread_view_leave(struct lu_thread_view *tv)
{
    lu_store_close(tv->store);
    lu_db_close(tv->db);
    tv->store = NULL;
    tv->db = NULL;
    lu_thread_view_clear(&left_for_exit); /* one left at most */
    left_for_exit = *tv;
    if (view_said.tv == tv)
        view_said.tv = &left_for_exit;
    if (view_kmsgs.tv == tv)
        view_kmsgs.tv = &left_for_exit;
    memset(tv, 0, sizeof *tv);
}

int lu_target_mid(const char *arg, char **mid)
{
    struct lu_msg *m = NULL;
    char *data = NULL;
    gsize len = 0;
    int ret = 0;

    *mid = NULL;
    if (arg) {
        const char *p = g_str_has_prefix(arg, "id:") ? arg + 3 : arg;
        /* "<a b@x>" as the header has it: the id notmuch made of it */
        *mid = *p == '<' ? lu_mid_from_header(p) : g_strdup(p);
        if (!**mid)
            ret = lu_error(EX_USAGE, "empty message id '%s'", arg);
        goto out;
    }
    if (isatty(0)) {
        ret =
            lu_error(EX_USAGE, "no message: pipe one in (as <pipe-message> does) or give id:MSGID");
        goto out;
    }
    data = lu_read_all(stdin, &len);
    if (!data || len == 0) {
        ret = lu_error(EX_USAGE, "no message on standard input (or give id:MSGID)");
        goto out;
    }
    m = lu_msg_new();
    ret = lu_mime_read_bytes(m, data, len);
    if (ret)
        goto out;
    if (!m->mid || !*m->mid) {
        ret = lu_error(EX_DATAERR, "the message on standard input has no Message-ID");
        goto out;
    }
    *mid = g_strdup(m->mid);
out:
    if (ret) {
        g_free(*mid);
        *mid = NULL;
    }
    lu_msg_free(m);
    g_free(data);
    return ret;
}

void lu_thread_view_read_all(struct lu_ctx *ctx, struct lu_thread_view *tv)
{
    struct lu_scan_stats st = {0};
    struct lu_scan_opts o = {0};
    struct scan s;

    scan_init(&s, ctx, &o, &st);
    s.store = tv->store;
    for (guint i = 0; i < tv->msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(tv->msgs, i);
        if (m->filename)
            read_headers(&s, m);
    }
    scan_clear(&s);
}

void lu_thread_view_trial(struct lu_ctx *ctx, struct lu_thread_view *tv, struct lu_decision *d,
                          struct lu_verdict *out)
{
    struct lu_rules rules = {&ctx->cfg, &ctx->me, ctx->now, analyse_cb, &ctx->cfg, body_cb};
    GPtrArray *all = g_ptr_array_new();
    struct lu_said_keep k;

    /* A thread decided from the index alone has headers still to read. */
    lu_thread_view_read_all(ctx, tv);
    for (guint i = 0; tv->decisions && i < tv->decisions->len; i++)
        g_ptr_array_add(all, g_ptr_array_index(tv->decisions, i));
    g_ptr_array_add(all, d); /* taken now: the newest */
    lu_said_keep = view_said_of(tv, &k);
    lu_thread_decide(&rules, tv->msgs, all, tv->elsewhere, out);
    lu_said_keep = NULL;
    g_ptr_array_free(all, TRUE);
}

int lu_thread_view_commit(struct lu_ctx *ctx, struct lu_thread_view *tv)
{
    struct lu_store *store = tv->store;
    struct lu_scan_stats st = {0};
    struct lu_scan_opts o = {0};
    struct scan s;
    struct lu_db *rw = NULL;
    struct lu_said_keep k;
    gint64 before = 0, after = 0;
    char *uuid = NULL;
    int ret;

    ret = lu_need_identity(ctx);
    if (ret)
        return ret;
    scan_init(&s, ctx, &o, &st);
    s.store = store;
    s.db = tv->db; /* the rules may count a sender's mail (sender_history) */
    /* The decisions may have changed: read them again and decide again. */
    if (tv->table)
        g_hash_table_destroy(tv->table);
    ret = view_rows(&s, tv, false);
    if (ret)
        goto out;
    if (tv->decisions)
        g_ptr_array_free(tv->decisions, TRUE);
    tv->decisions = thread_decisions(&s, tv->msgs);
    lu_verdict_clear(&tv->v);
    lu_said_keep = view_said_of(tv, &k);
    lu_thread_decide(&s.rules, tv->msgs, tv->decisions, tv->elsewhere, &tv->v);
    lu_said_keep = NULL;
    plan_tags(&s, tv->msgs, &tv->v);
    plan_item(&s, tv->msgs, &tv->v);
    note_pending(&s, tv->decisions);
    if (s.ops->len) {
        const char *u = NULL;
        if (lu_db_writable(tv->db)) { /* the view's own (lu_thread_view_writing) */
            rw = g_steal_pointer(&tv->db);
            s.db = NULL;
        } else {
            ret = lu_db_open(ctx, true, &rw);
        }
        if (!ret)
            ret = lu_db_apply(rw, s.ops, &before, &after);
        if (!ret) {
            lu_db_revision(rw, &u);
            uuid = g_strdup(u);
        }
        /* Closed before the store marks the decisions applied: notmuch
         * commits the tags to disk at its close, so a kill or a failure in
         * between leaves them pending for the next scan (t221), never
         * applied with their tags lost. */
        g_clear_pointer(&rw, lu_db_close);
        if (ret)
            goto out;
    }
    ret = lu_store_begin(store);
    if (ret)
        goto out;
    for (guint i = 0; i < s.items->len && !ret; i++) {
        struct lu_thread_plan *p = g_ptr_array_index(s.items, i);
        ret = lu_store_put_thread(store, p->mids, p->item);
    }
    if (!ret)
        ret = lu_store_decisions_applied(store, s.applied);
    if (!ret && tv->redecide) { /* an undo's thread, decided and tagged */
        GArray *one = g_array_new(FALSE, FALSE, sizeof(gint64));
        g_array_append_val(one, tv->redecide);
        ret = lu_store_redecided(store, one);
        g_array_free(one, TRUE);
    }
    if (!ret && uuid) /* the tags written (rw is closed by now) */
        ret = view_kmsgs_save(store, tv, s.ops, before, after);
    /* The thread is decided and tagged as a scan would: the next scan
     * skips these writes, and finds the mail after them by document ids
     * (issue 14), as after lu_scan_write_lazy's. */
    if (!ret && uuid)
        ret = lazy_meta(store, uuid, before, after);
    if (ret)
        lu_store_rollback(store);
    else
        ret = lu_store_commit(store);
out:
    lu_db_close(rw);
    g_free(uuid);
    scan_clear(&s);
    return ret;
}
