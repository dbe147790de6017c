/* cmd-queue.c - leadup queue: what the tags say, oldest first.
 *
 * The tags are the truth the mail client shows; the state database adds
 * what tags cannot hold (due dates, whom we wait for, the cadence stage).
 * A lazy state's queue (dormant, lu_state_lazy) is what the state database
 * says: the scan does not write its tag, both clients open it as a
 * --maildir; --tags writes it, for the user's own notmuch searches. */
#include "leadup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

guint64 lu_queue_streamed;

struct row {
    struct lu_msg *m;   /* the anchor, as notmuch knows it (owned by the query result) */
    struct lu_item *it; /* the state database's record, or NULL */
    enum lu_state state;
    bool due;
    gint64 since, due_at;
};

static gint by_since(gconstpointer a, gconstpointer b)
{
    const struct row *x = a, *y = b;

    if (x->since != y->since)
        return x->since < y->since ? -1 : 1;
    return strcmp(x->m->mid, y->m->mid);
}

/* R's since, due date and whether it is due, from its item (R->it) or,
 * without one, from its anchor's tags. */
static void row_fill(struct lu_ctx *ctx, struct row *r)
{
    r->since = r->it ? r->it->since : r->m->date;
    /* A snoozed thread falls due when it wakes. */
    r->due_at = !r->it                                                     ? 0
                : r->state == LU_ST_SNOOZED && r->it->sched.next_check > 0 ? r->it->sched.next_check
                                                                           : r->it->sched.due_at;
    /* Due as of --now where the store knows the item, else as tagged. */
    r->due = false;
    if (r->it)
        r->due = lu_item_due(r->it, ctx->now);
    else
        for (guint k = 0; k < r->m->tags->len; k++)
            r->due |= strcmp(g_ptr_array_index(r->m->tags, k), LU_TAG_PREFIX "due") == 0;
}

/* The rows of MSGS, the anchors tagged STATE, joined with the store's
 * ITEMS of that state (mid -> struct lu_item*, taken over into OWNED). */
static void join_rows(struct lu_ctx *ctx, enum lu_state state, GPtrArray *msgs, GHashTable *items,
                      GArray *rows, GPtrArray *owned)
{
    for (guint j = 0; j < msgs->len; j++) {
        struct row r = {g_ptr_array_index(msgs, j), NULL, state, false, 0, 0};
        gpointer key = NULL, value = NULL;

        if (g_hash_table_steal_extended(items, r.m->mid, &key, &value)) {
            r.it = value;
            g_ptr_array_add(owned, r.it);
        }
        row_fill(ctx, &r);
        g_array_append_val(rows, r);
    }
}

/* Whether the store can list the anchors tagged ST: nothing changed since
 * the last scan wrote both (IN_STEP), and as many are tagged as stored.
 * Then no anchor is read from notmuch (reading each was most of a long
 * queue's cost: a document's whole term list per anchor). */
static bool store_is_tags(struct lu_db *db, bool in_step, enum lu_state st, unsigned stored)
{
    char *q;
    unsigned n = 0;
    bool same;

    if (!in_step)
        return false;
    q = g_strdup_printf("tag:%s%s", LU_TAG_PREFIX, lu_state_name(st));
    same = !lu_db_count(db, q, &n) && n == stored;
    g_free(q);
    return same;
}

/* The anchor MID as notmuch has it into *OUT (caller frees; NULL: gone). */
static int anchor_of(struct lu_db *db, const char *mid, struct lu_msg **out)
{
    char *qm = lu_db_quote(mid), *q = g_strconcat("id:", qm, NULL);
    GPtrArray *found = NULL;
    int ret = lu_db_messages(db, q, 1, &found);

    *out = !ret && found->len ? g_ptr_array_steal_index(found, 0) : NULL;
    if (found)
        g_ptr_array_free(found, TRUE);
    g_free(q);
    g_free(qm);
    return ret;
}

/* The anchors as the store recorded them (what the rows show of them),
 * into *OUT.  An item without who shows its anchor's sender: that anchor
 * alone is read from notmuch. */
static int stored_anchors(struct lu_db *db, GPtrArray *stored, GPtrArray **out)
{
    int ret = 0;

    *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    for (guint i = 0; i < stored->len && !ret; i++) {
        const struct lu_item *it = g_ptr_array_index(stored, i);
        struct lu_msg *m = NULL;

        if (!it->who)
            ret = anchor_of(db, it->mid, &m);
        if (!m) {
            m = lu_msg_new();
            m->mid = g_strdup(it->mid);
            m->thread_id = g_strdup(it->thread_id);
            m->subject = g_strdup(it->subject);
            m->date = it->since;
        }
        g_ptr_array_add(*out, m);
    }
    return ret;
}

/* The anchors of STORED that notmuch still has, read by Message-ID (a
 * few hundred to a query), into *OUT: a lazy state's queue, whose tags
 * may not be written. */
static int anchors_by_id(struct lu_db *db, GPtrArray *stored, GPtrArray **out)
{
    GString *q = g_string_new(NULL);
    int ret = 0;

    *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    for (guint i = 0; i < stored->len && !ret; i++) {
        char *qm = lu_db_quote(((struct lu_item *)g_ptr_array_index(stored, i))->mid);
        g_string_append_printf(q, "%sid:%s", q->len ? " or " : "", qm);
        g_free(qm);
        if ((i + 1) % 256 == 0 || i + 1 == stored->len) {
            GPtrArray *found = NULL;
            ret = lu_db_messages(db, q->str, 0, &found);
            for (guint k = 0; !ret && k < found->len; k++)
                g_ptr_array_add(*out, g_ptr_array_index(found, k));
            g_ptr_array_set_free_func(found, ret ? (GDestroyNotify)lu_msg_free : NULL);
            g_ptr_array_free(found, TRUE);
            g_string_truncate(q, 0);
        }
    }
    g_string_free(q, TRUE);
    return ret;
}

/* *IN_STEP: nothing changed in notmuch since the last scan wrote both the
 * tags and the store's items (lu_store_in_step), so that rows showing only
 * what the store holds (a listing, not a maildir of files) may come from it. */
static int listing_in_step(struct lu_db *db, struct lu_store *store, bool *in_step)
{
    const char *uuid = NULL;
    gint64 rev = lu_db_revision(db, &uuid);

    *in_step = false;
    return lu_store_in_step(store, uuid, rev, in_step);
}

/* Every item of STATE (or every state when -1) from the tags, joined with
 * the store (one query per state, not one per anchor).  IN_STEP
 * (listing_in_step; false for a maildir): a state's rows come from the
 * store when the tags agree with it. */
static int collect(struct lu_ctx *ctx, struct lu_db *db, struct lu_store *store, int state,
                   bool in_step, GArray *rows, GPtrArray *items, GPtrArray *msgsets)
{
    int ret = 0;

    for (int i = 0; i < LU_QUEUE_COUNT && !ret; i++) {
        enum lu_state st = lu_queue_order[i];
        GPtrArray *msgs = NULL, *stored = NULL;
        GHashTable *by_mid;
        char *q;

        if (state >= 0 && (int)st != state)
            continue;
        ret = lu_store_items(store, st, &stored);
        if (!ret && lu_state_lazy(st)) {
            ret = in_step ? stored_anchors(db, stored, &msgs) : anchors_by_id(db, stored, &msgs);
        } else if (!ret && store_is_tags(db, in_step, st, stored->len)) {
            ret = stored_anchors(db, stored, &msgs);
        } else if (!ret) {
            q = g_strdup_printf("tag:%s%s", LU_TAG_PREFIX, lu_state_name(st));
            ret = lu_db_messages(db, q, 0, &msgs);
            g_free(q);
        }
        by_mid = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)lu_item_free);
        for (guint k = 0; !ret && k < stored->len; k++) {
            struct lu_item *it = g_ptr_array_index(stored, k);
            if (!g_hash_table_contains(by_mid, it->mid)) /* mid is the key: never twice */
                g_hash_table_insert(by_mid, it->mid, g_ptr_array_steal_index_fast(stored, k--));
        }
        if (!ret)
            join_rows(ctx, st, msgs, by_mid, rows, items);
        g_hash_table_destroy(by_mid);
        if (stored)
            g_ptr_array_free(stored, TRUE);
        if (msgs)
            g_ptr_array_add(msgsets, msgs); /* the rows point into it */
    }
    g_array_sort(rows, by_since);
    return ret;
}

static char *age_str(struct lu_ctx *ctx, gint64 since)
{
    GDateTime *a = lu_local_time(since, ctx->cfg.tz), *b = lu_local_time(ctx->now, ctx->cfg.tz);
    int days = lu_cal_bizdays_between(&ctx->cfg.cal, a, b);
    char *s;

    if (days > 0)
        s = g_strdup_printf("%dd", days);
    else
        s = g_strdup_printf("%dh", (int)MAX(0, (ctx->now - since) / 3600));
    g_date_time_unref(a);
    g_date_time_unref(b);
    return s;
}

static char *date_str(struct lu_ctx *ctx, gint64 t)
{
    if (!t)
        return g_strdup("-");
    /* The weekday helps this year; older dates need their year. */
    return lu_format_time(t, ctx->cfg.tz,
                          llabs(t - ctx->now) < 180 * 86400 ? "%a %d %b" : "%d %b %Y");
}

/* R as two lines of text: the item, then the ids the other commands take. */
static void text_row(struct lu_ctx *ctx, struct row *r, bool show_state)
{
    char *age = age_str(ctx, r->since), *due = date_str(ctx, r->due_at), *mid;
    char *who =
        lu_fit(r->it && r->it->who ? r->it->who : (r->m->from ? r->m->from->email : ""), 18);
    char *subj = lu_fit(r->m->subject && *r->m->subject ? r->m->subject : "(no subject)",
                        show_state ? 21 : 36);

    if (show_state)
        lu_printf("%-3s %-14s %-11s %4s  %s %s\n", r->due ? "DUE" : "", lu_state_name(r->state),
                  due, age, who, g_strchomp(subj));
    else
        lu_printf("%-3s %-11s %4s  %s %s\n", r->due ? "DUE" : "", due, age, who, g_strchomp(subj));
    /* What the other commands take: leadup why/draft/snooze id:... */
    mid = lu_clean_line(r->m->mid);
    lu_printf("    id:%s  thread:%s\n", mid, r->m->thread_id);
    g_free(mid);
    g_free(age);
    g_free(due);
    g_free(who);
    g_free(subj);
}

static void print_text_rows(struct lu_ctx *ctx, GArray *rows, bool due_only, bool show_state)
{
    for (guint i = 0; i < rows->len; i++) {
        struct row *r = &g_array_index(rows, struct row, i);
        if (!due_only || r->due)
            text_row(ctx, r, show_state);
    }
}

/* R as JSON; NOW: --now in the user's zone. */
static void json_row(struct lu_ctx *ctx, struct lu_json *j, struct row *r, GDateTime *now)
{
    char iso[LU_ISO_LEN];
    GDateTime *since = lu_local_time(r->since, ctx->cfg.tz);

    lu_json_obj_begin(j);
    lu_json_kv_str(j, "state", lu_state_name(r->state));
    lu_json_kv_str(j, "thread", r->m->thread_id);
    lu_json_kv_str(j, "message_id", r->m->mid);
    lu_json_kv_str(j, "subject", r->m->subject);
    lu_json_kv_str(j, "who", r->it ? r->it->who : NULL);
    lu_json_kv_str(j, "since", lu_iso_of(since, iso));
    lu_json_kv_int(j, "waiting_days", lu_cal_bizdays_between(&ctx->cfg.cal, since, now));
    lu_json_kv_bool(j, "due", r->due);
    lu_json_kv_time(j, "due_at", r->due_at, ctx->cfg.tz);
    lu_json_kv_int(j, "stage", r->it ? r->it->sched.stage : 0);
    lu_json_obj_end(j);
    g_date_time_unref(since);
}

/* Removes a previous queue generation: only leadup's own links, copies
 * (NNNNNN.HASH.leadup:2,...) and dirs. */
static void remove_generation(const char *path)
{
    char *bn = g_path_get_basename(path);

    if (bn[0] == '.') {
        for (const char *sub = "cur"; sub; sub = !strcmp(sub, "cur")   ? "new"
                                                 : !strcmp(sub, "new") ? "tmp"
                                                                       : NULL) {
            char *d = g_build_filename(path, sub, NULL);
            GDir *dir = g_dir_open(d, 0, NULL);
            const char *e;
            while (dir && (e = g_dir_read_name(dir))) {
                char *f = g_build_filename(d, e, NULL);
                struct stat sb;
                if (lstat(f, &sb) == 0 &&
                    (S_ISLNK(sb.st_mode) || (S_ISREG(sb.st_mode) && strstr(e, ".leadup:2,"))))
                    unlink(f);
                g_free(f);
            }
            if (dir)
                g_dir_close(dir);
            rmdir(d);
            g_free(d);
        }
        rmdir(path);
    }
    g_free(bn);
}

/* True when NAME is one of DIR's generations, ".BASE.TIME.PID", or the
 * temporary link to one, ".BASE.TIME.PID.lnk" (*LINK set). */
static bool generation_name(const char *name, const char *base, bool *link)
{
    const char *p = name;
    char *end;

    if (*p++ != '.' || !g_str_has_prefix(p, base) || p[strlen(base)] != '.')
        return false;
    p += strlen(base) + 1;
    for (int part = 0; part < 2; part++) {
        if (!g_ascii_isdigit(*p))
            return false;
        g_ascii_strtoull(p, &end, 10);
        p = end;
        if (part == 0 && *p++ != '.')
            return false;
    }
    *link = strcmp(p, ".lnk") == 0;
    return *link || *p == '\0';
}

/* Removes what runs that were killed (or lost a race) left in PARENT:
 * every generation of BASE but the one named CURRENT, and their temporary
 * links. */
static void sweep_generations(const char *parent, const char *base, const char *current)
{
    GDir *d = g_dir_open(parent, 0, NULL);
    const char *e;

    while (d && (e = g_dir_read_name(d))) {
        char *path = g_build_filename(parent, e, NULL);
        struct stat sb;
        bool link = false;

        if (generation_name(e, base, &link) && strcmp(e, current) != 0 && lstat(path, &sb) == 0) {
            if (link && S_ISLNK(sb.st_mode))
                unlink(path);
            else if (!link && S_ISDIR(sb.st_mode))
                remove_generation(path);
        }
        g_free(path);
    }
    if (d)
        g_dir_close(d);
}

/* Takes PARENT/.BASE-lock (flock, waiting): one queue --maildir run at a
 * time per DIR, so two runs never both take the same old generation and
 * leave one of theirs behind.  Returns the descriptor, or -1 (printed). */
static int lock_maildir(const char *parent, const char *base)
{
    char *path = g_strdup_printf("%s/.%s-lock", parent, base);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

    if (fd < 0 || flock(fd, LOCK_EX) < 0) {
        lu_error(EX_CANTCREAT, "cannot lock '%s': %s", path, g_strerror(errno));
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
    g_free(path);
    return fd;
}

/* DIR as a real directory with empty new/ and tmp/, its cur/ (if any) a
 * link: DIR itself used to be the link, which Mutt resolves when it opens
 * the folder, so the sidebar never matched the open queue to its entry
 * and showed a stale count.  *OLD: the generation cur/ points into, or
 * NULL (caller frees). */
static int queue_dir(const char *dir, char **old)
{
    char *cur = g_build_filename(dir, "cur", NULL), *target = NULL;
    struct stat sb;
    int ret = 0;

    *old = NULL;
    if (lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode)) {
        /* The old layout: DIR -> generation.  Replaced once. */
        target = g_file_read_link(dir, NULL);
        if (unlink(dir) < 0)
            ret = lu_error(EX_CANTCREAT, "cannot replace '%s': %s", dir, g_strerror(errno));
    } else if (lstat(cur, &sb) == 0) {
        if (S_ISLNK(sb.st_mode)) {
            char *t = g_file_read_link(cur, NULL);
            target = t ? g_path_get_dirname(t) : NULL;
            g_free(t);
        } else if (!S_ISDIR(sb.st_mode) || rmdir(cur) < 0) {
            /* An empty cur/ is the placeholder NeoMutt's snippet makes
             * (a mailbox it lists must exist); rmdir takes nothing else. */
            ret = lu_error(EX_CANTCREAT,
                           "'%s' exists and is not leadup's queue; remove it or choose another DIR",
                           dir);
        }
    }
    for (const char *sub = "new"; !ret && sub; sub = !strcmp(sub, "new") ? "tmp" : NULL) {
        char *d = g_build_filename(dir, sub, NULL);
        ret = lu_mkdir_p(d);
        g_free(d);
    }
    if (!ret)
        *old = target;
    else
        g_free(target);
    g_free(cur);
    return ret;
}

/* Where queue_entry keeps its copy of TARGET (stat SB) labelled LABEL:
 * PARENT/.copies/SHA1 of what the copy is made from, so a copy is written
 * once and hard-linked into every generation of every queue that lists it
 * (each key rebuilds every queue; see sweep_copies).  Caller frees. */
static char *copy_path(const char *parent, const char *target, const struct stat *sb,
                       const char *label)
{
    char *key =
        g_strdup_printf("%s\n%llu %llu %lld %lld.%09ld\n%s", target, (unsigned long long)sb->st_dev,
                        (unsigned long long)sb->st_ino, (long long)sb->st_size,
                        (long long)sb->st_mtim.tv_sec, (long)sb->st_mtim.tv_nsec, label);
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA1, key, -1);
    char *path = g_strdup_printf("%s/.copies/%s", parent, sum);

    g_free(key);
    g_free(sum);
    return path;
}

/* Removes the copies no generation links any more (one link left). */
static void sweep_copies(const char *parent)
{
    char *dir = g_build_filename(parent, ".copies", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *e;

    while (d && (e = g_dir_read_name(d))) {
        char *f = g_build_filename(dir, e, NULL);
        struct stat sb;
        if (lstat(f, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_nlink == 1)
            unlink(f);
        g_free(f);
    }
    if (d)
        g_dir_close(d);
    g_free(dir);
}

/* The queue's entry for R, at position POS in the directory CUR: where
 * the thread falls due or wakes on a
 * day, leadup's own copy of the message with that day in an X-Label header
 * (Mutt's index shows it as %y: Mutt has no tags, and the user's file is
 * never touched), a hard link to the one in PARENT/.copies; else, or when
 * the file cannot be read, a symbolic link to the message.  Named by
 * position so the client's date sort and ours agree, then by what it
 * shows (the file and its label): a client's header cache keys a maildir
 * message by its name, so a name never stands for another message or
 * label in a later generation; the flags after ":2," are the original's,
 * so read state shows. */
static int queue_entry(struct lu_ctx *ctx, const char *parent, const struct row *r, const char *cur,
                       guint pos)
{
    char *label = lu_date_label(r->state, r->due_at, r->it ? r->it->sched.next_check : 0, ctx->now,
                                ctx->cfg.tz);
    char *what = g_strconcat(r->m->filename, "\n", label ? label : "", NULL);
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA1, what, -1);
    const char *flags = strstr(r->m->filename, ":2,");
    char *name = g_strdup_printf("%s/%06u.%.12s.leadup%s", cur, pos, sum, flags ? flags : ":2,");
    char *cache = NULL, *text = NULL, *copy = NULL;
    gsize len = 0, copy_len = 0;
    GError *err = NULL;
    struct stat sb;
    int ret = 0;

    if (label && stat(r->m->filename, &sb) == 0 && S_ISREG(sb.st_mode)) {
        cache = copy_path(parent, r->m->filename, &sb, label);
        if (link(cache, name) == 0)
            goto out;
        if (g_file_get_contents(r->m->filename, &text, &len, NULL))
            copy = lu_date_labelled(text, len, label, &copy_len);
    }
    /* No fsync: the queue is rebuilt from the tags whenever it is opened.
     * Into the cache, then linked; should another run sweep it first, the
     * copy is written in place. */
    if (copy &&
        g_file_set_contents_full(cache, copy, copy_len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 NULL) &&
        link(cache, name) == 0)
        goto out;
    if (copy &&
        !g_file_set_contents_full(name, copy, copy_len, G_FILE_SET_CONTENTS_NONE, 0600, &err))
        ret = lu_error(EX_CANTCREAT, "cannot write '%s': %s", name, err->message);
    else if (!copy && symlink(r->m->filename, name) < 0)
        ret = lu_error(EX_CANTCREAT, "cannot link '%s': %s", name, g_strerror(errno));
out:
    if (err)
        g_error_free(err);
    g_free(label);
    g_free(what);
    g_free(sum);
    g_free(name);
    g_free(cache);
    g_free(text);
    g_free(copy);
    return ret;
}

/* Rebuilds DIR as a maildir of ROWS' messages (queue_entry).  DIR/cur
 * is itself a symbolic link to a fresh generation's cur/, swapped by
 * rename(2), so a client never sees a half-built queue. */
static int build_maildir(struct lu_ctx *ctx, const char *dir, GArray *rows, bool due_only)
{
    char *base = g_path_get_basename(dir), *parent = g_path_get_dirname(dir);
    char *fresh = g_strdup_printf("%s/.%s.%ld.%d", parent, base, (long)time(NULL), (int)getpid());
    char *link_tmp = g_strdup_printf("%s.lnk", fresh);
    char *old = NULL, *cur = g_build_filename(dir, "cur", NULL), *fresh_cur = NULL;
    int lock = -1, ret = 0;

    ret = lu_mkdir_p(parent);
    if (!ret) {
        lock = lock_maildir(parent, base);
        if (lock < 0)
            ret = EX_CANTCREAT;
    }
    for (const char *sub = "cur"; !ret && sub; sub = !strcmp(sub, "cur")   ? "new"
                                                     : !strcmp(sub, "new") ? "tmp"
                                                                           : NULL) {
        char *d = g_build_filename(fresh, sub, NULL);
        ret = lu_mkdir_p(d);
        g_free(d);
    }
    if (!ret) {
        char *d = g_build_filename(parent, ".copies", NULL);
        ret = lu_mkdir_p(d);
        g_free(d);
    }
    fresh_cur = g_build_filename(fresh, "cur", NULL);
    for (guint i = 0; i < rows->len && !ret; i++) {
        struct row *r = &g_array_index(rows, struct row, i);

        if ((due_only && !r->due) || !r->m->filename)
            continue;
        ret = queue_entry(ctx, parent, r, fresh_cur, i);
    }
    if (!ret)
        ret = queue_dir(dir, &old);
    if (ret)
        goto out;
    if (symlink(fresh_cur, link_tmp) < 0 || rename(link_tmp, cur) < 0) {
        ret = lu_error(EX_CANTCREAT, "cannot switch '%s' to the new queue: %s", dir,
                       g_strerror(errno));
        unlink(link_tmp);
        goto out;
    }
    if (old)
        remove_generation(old);
    {
        char *current = g_path_get_basename(fresh);
        sweep_generations(parent, base, current);
        g_free(current);
    }
    sweep_copies(parent);
out:
    if (lock >= 0)
        close(lock); /* releases the flock */
    g_free(old);
    g_free(cur);
    g_free(fresh_cur);
    g_free(base);
    g_free(parent);
    g_free(fresh);
    g_free(link_tmp);
    return ret;
}

/* Mutt's sidebar shows every queue but closed and muted (too long to
 * rebuild after each key; their keys build them when opened). */
static bool in_sidebar(enum lu_state st)
{
    return st != LU_ST_CLOSED && st != LU_ST_MUTED;
}

/* queue --maildir DIR without NAME: DIR/NAME for every sidebar queue and
 * DIR/due (and the queue ALSO, when it is closed or muted), from one read
 * of the tags, so after any key every count Mutt's sidebar shows is fresh
 * and in one unit (a thread is one link). */
static int build_every_maildir(struct lu_ctx *ctx, struct lu_db *db, struct lu_store *store,
                               const char *dir, int also, GArray *rows, GPtrArray *items,
                               GPtrArray *msgsets)
{
    int ret = 0;

    for (size_t q = 0; q < LU_QUEUE_COUNT && !ret; q++)
        if (in_sidebar(lu_queue_order[q]) || (int)lu_queue_order[q] == also)
            ret = collect(ctx, db, store, lu_queue_order[q], false, rows, items, msgsets);
    for (size_t q = 0; q <= LU_QUEUE_COUNT && !ret; q++) {
        bool due = q == LU_QUEUE_COUNT;
        GArray *sub = g_array_new(FALSE, TRUE, sizeof(struct row));
        char *path;

        if (!due && !in_sidebar(lu_queue_order[q]) && (int)lu_queue_order[q] != also) {
            g_array_free(sub, TRUE);
            continue;
        }
        for (guint i = 0; i < rows->len; i++) {
            struct row *r = &g_array_index(rows, struct row, i);
            if (due ? r->due : r->state == lu_queue_order[q])
                g_array_append_val(sub, *r);
        }
        path = g_build_filename(dir, due ? "due" : lu_state_name(lu_queue_order[q]), NULL);
        ret = build_maildir(ctx, path, sub, false);
        g_free(path);
        g_array_free(sub, TRUE);
    }
    return ret;
}

/* --keep-cursor NAME: the message on standard input is the one under the
 * client's cursor in queue NAME, just acted on.  Its place there now, in
 * the client's date order ($sort=date) of the queue's anchors (ROWS; one
 * per thread, as both clients list a queue): itself if it stayed, else the
 * next item, else the last.  Written to MUTTRC as a <jump> (a number,
 * nothing from the message) into *LINES (caller frees; NULL for an empty
 * queue), without an echo, so the action's own answer stays the one shown. */
static int cursor_answer(struct lu_db *db, GArray *rows, const char *queue, char **lines)
{
    int state = strcmp(queue, "due") ? lu_state_parse(queue) : -1, ret;
    char *mid = NULL, *q = NULL, *qm = NULL;
    GPtrArray *found = NULL;
    guint n = 0, before = 0;
    gint64 at = 0;

    ret = lu_target_mid(NULL, &mid);
    if (!ret) {
        qm = lu_db_quote(mid);
        q = g_strconcat("id:", qm, NULL);
        ret = lu_db_messages(db, q, 1, &found);
    }
    if (ret)
        goto out;
    if (found->len)
        at = ((struct lu_msg *)g_ptr_array_index(found, 0))->date;
    for (guint i = 0; i < rows->len; i++) {
        struct row *r = &g_array_index(rows, struct row, i);
        if (state < 0 ? !r->due : (int)r->state != state)
            continue;
        n++;
        before += r->m->date < at;
    }
    if (n)
        *lines = g_strdup_printf("push '<jump>%u<enter>'\n", MIN(before + 1, n));
out:
    if (found)
        g_ptr_array_free(found, TRUE);
    g_free(q);
    g_free(qm);
    g_free(mid);
    return ret;
}

/* The client's message line after a refresh or a jump: the queue's count,
 * or every non-empty queue's.  Only state names and numbers.  Caller frees. */
static char *client_summary(const unsigned *counts, const unsigned *dues, const char *name,
                            int state, bool due_only)
{
    GString *s = g_string_new("leadup: ");
    unsigned due = 0, all = 0;

    for (int q = 0; q < LU_ST_COUNT; q++)
        if (state < 0 || q == state) {
            due += dues[q];
            all += counts[q];
        }
    if (name) {
        unsigned n = due_only ? due : all;
        g_string_append_printf(s, "%s: %u thread%s", name, n, n == 1 ? "" : "s");
        if (!due_only)
            g_string_append_printf(s, ", %u due", due);
        return g_string_free(s, FALSE);
    }
    g_string_append_printf(s, "%u due", due);
    for (size_t q = 0; q < LU_QUEUE_COUNT; q++)
        if (lu_queue_order[q] != LU_ST_CLOSED && lu_queue_order[q] != LU_ST_MUTED &&
            counts[lu_queue_order[q]])
            g_string_append_printf(s, ", %s %u", lu_state_name(lu_queue_order[q]),
                                   counts[lu_queue_order[q]]);
    return g_string_free(s, FALSE);
}

/* --scan: a scan first.  A busy database still shows the queue as the last
 * scan left it.  Returns the client's line when the scan failed, or NULL. */
static const char *scan_first(struct lu_ctx *ctx)
{
    struct lu_scan_opts so = {0};
    struct lu_scan_stats st;
    bool was_quiet = lu_quiet;
    int ret;

    lu_quiet = true;
    ret = lu_scan(ctx, &so, &st);
    lu_quiet = was_quiet;
    if (ret == EX_TEMPFAIL)
        return "leadup: notmuch is busy, so the tags are from the last scan; try again";
    return ret ? lu_muttrc_failure(ret) : NULL;
}

/* --tags: the lazy states' tags written (lu_scan_write_lazy).  A busy
 * database leaves them as they were.  Returns the client's line when the
 * writing failed, or NULL. */
static const char *tags_first(struct lu_ctx *ctx)
{
    unsigned written = 0;
    int ret = lu_scan_write_lazy(ctx, &written);

    if (!ret && written && !lu_quiet && !ctx->answer.file)
        lu_fprintf(stderr, "leadup: %u tag%s written\n", written, written == 1 ? "" : "s");
    if (ret == EX_TEMPFAIL)
        return "leadup: notmuch is busy, so the dormant tags are not all written; try again";
    return ret ? lu_muttrc_failure(ret) : NULL;
}

/* Every queue's count from the state database (one query). */
static int load_counts(struct lu_ctx *ctx, struct lu_store *store, const char *muttrc,
                       unsigned *counts, unsigned *dues)
{
    char *uuid = NULL;
    int ret = lu_store_get(store, "uuid", &uuid);

    /* Zeros before the first scan would read as "nothing to do". */
    if (!ret && !uuid && !muttrc)
        lu_fprintf(stderr, "leadup: no scan has run yet: 'leadup scan' fills the queues\n");
    g_free(uuid);
    if (!ret)
        ret = lu_store_count_items(store, ctx->now, counts, dues);
    return ret;
}

static int write_maildir(struct lu_ctx *ctx, const char *maildir, GArray *rows, bool due_only,
                         const char *muttrc)
{
    guint n = 0;
    int ret;

    for (guint i = 0; i < rows->len; i++)
        n += !due_only || g_array_index(rows, struct row, i).due;
    ret = build_maildir(ctx, maildir, rows, due_only);
    if (!ret && !lu_quiet && !muttrc)
        lu_fprintf(stderr, "leadup: %s: %u message%s\n", maildir, n, n == 1 ? "" : "s");
    return ret;
}

/* A queue's JSON listing up to its array of items, opened. */
static void json_list_begin(struct lu_ctx *ctx, struct lu_json *j, const char *name)
{
    char iso[LU_ISO_LEN];

    lu_json_init(j, stdout, false);
    lu_json_obj_begin(j);
    lu_json_kv_str(j, "now", lu_iso(ctx->now, ctx->cfg.tz, iso));
    lu_json_kv_str(j, "queue", name);
    lu_json_key(j, "items");
    lu_json_arr_begin(j);
}

static void json_list_end(struct lu_json *j)
{
    lu_json_arr_end(j);
    lu_json_obj_end(j);
    lu_json_end(j);
}

static void print_json(struct lu_ctx *ctx, const char *name, GArray *rows, bool due_only,
                       const unsigned *counts, const unsigned *dues)
{
    struct lu_json j;
    char iso[LU_ISO_LEN];

    if (name) {
        GDateTime *now = lu_local_time(ctx->now, ctx->cfg.tz);
        json_list_begin(ctx, &j, name);
        for (guint i = 0; i < rows->len; i++) {
            struct row *r = &g_array_index(rows, struct row, i);
            if (!due_only || r->due)
                json_row(ctx, &j, r, now);
        }
        json_list_end(&j);
        g_date_time_unref(now);
        return;
    }
    lu_json_init(&j, stdout, false);
    lu_json_obj_begin(&j);
    lu_json_kv_str(&j, "now", lu_iso(ctx->now, ctx->cfg.tz, iso));
    lu_json_queues(&j, counts, dues);
    lu_json_obj_end(&j);
    lu_json_end(&j);
}

/* A named queue listed straight from the store, item by item. */
struct stream {
    struct lu_ctx *ctx;
    struct lu_db *db;
    struct lu_json *j; /* NULL: text */
    GDateTime *now;    /* --now in the user's zone, for J */
    enum lu_state state;
    bool due_only;
};

/* IT's row, shown as stored_anchors and join_rows would make it. */
static int stream_row(struct lu_item *it, void *data)
{
    struct stream *s = data;
    struct lu_msg bare = {.mid = it->mid, .thread_id = it->thread_id, .subject = it->subject};
    struct lu_msg *read = NULL;
    struct row r = {&bare, it, s->state, false, 0, 0};
    int ret = it->who ? 0 : anchor_of(s->db, it->mid, &read);

    if (read)
        r.m = read;
    row_fill(s->ctx, &r);
    lu_queue_streamed++;
    if (!ret && (!s->due_only || r.due) && s->j)
        json_row(s->ctx, s->j, &r, s->now);
    else if (!ret && (!s->due_only || r.due))
        text_row(s->ctx, &r, false);
    lu_msg_free(read);
    lu_item_free(it);
    return ret;
}

/* Queue NAME (STATE) listed from the store item by item, none held (*DONE):
 * when the store is in step with the tags and holds as many items as
 * anchors carry the tag (as collect's IN_STEP; a lazy state's items are its
 * queue), as collect would list it.  Held, a queue of 3,991 items at
 * 300,000 messages made an item, a message and a row each: 4 MB of small
 * allocations, most of its time.  A read failing part way leaves the rows
 * printed so far, and the exit code says it failed. */
static int stream_queue(struct lu_ctx *ctx, struct lu_db *db, struct lu_store *store,
                        enum lu_state state, bool in_step, const char *name, bool due_only,
                        bool json, bool *done)
{
    unsigned stored = 0;
    struct lu_json j;
    struct stream s = {ctx, db, json ? &j : NULL, NULL, state, due_only};
    int ret = in_step ? lu_store_item_count(store, state, &stored) : 0;

    *done = false;
    if (ret || !in_step || (!lu_state_lazy(state) && !store_is_tags(db, true, state, stored)))
        return ret;
    *done = true;
    if (json) {
        s.now = lu_local_time(ctx->now, ctx->cfg.tz);
        json_list_begin(ctx, &j, name);
    }
    ret = lu_store_items_each(store, state, stream_row, &s);
    if (json) {
        json_list_end(&j);
        g_date_time_unref(s.now);
    }
    return ret;
}

static void print_counts(const unsigned *counts, const unsigned *dues, bool due_only)
{
    for (int q = 0; q < LU_QUEUE_COUNT; q++) {
        enum lu_state st = lu_queue_order[q];
        unsigned n = counts[st], d = dues[st];
        if (due_only)
            lu_printf("%-15s %4u due\n", lu_state_name(st), d);
        else if (d)
            lu_printf("%-15s %4u  (%u due)\n", lu_state_name(st), n, d);
        else
            lu_printf("%-15s %4u\n", lu_state_name(st), n);
    }
}

struct queue_args {
    bool due, scan, tags;
    int json;
    const char *maildir, *keep_cursor;
};

const struct lu_option lu_queue_options[] = {
    LU_OPT_FLAG("due", 0, struct queue_args, due, true, "only what is due now"),
    LU_OPT_KEYWORD("format", 0, struct queue_args, json, lu_format_keywords,
                   "json: one JSON object (fields in leadup(1))"),
    LU_OPT_STRING("maildir", 0, struct queue_args, maildir, "DIR",
                  "(re)build DIR as a maildir of links to the queue's\n"
                  "messages, for clients without notmuch (classic Mutt);\n"
                  "without NAME, DIR/NAME for every queue but closed and\n"
                  "muted, and DIR/due"),
    LU_OPT_STRING("keep-cursor", 0, struct queue_args, keep_cursor, "NAME",
                  "with --muttrc, after a key's action in queue NAME:\n"
                  "read the message acted on from standard input and\n"
                  "leave a jump back to its place in FILE instead of\n"
                  "the counts (with NAME: the same queue, rebuilt\n"
                  "by --maildir first)"),
    LU_OPT_FLAG("scan", 0, struct queue_args, scan, true, "run 'leadup scan' first"),
    LU_OPT_FLAG("tags", 0, struct queue_args, tags, true,
                "then write the tags the scan leaves unwritten\n"
                "(leadup/dormant), for notmuch searches of your own"),
    LU_OPT_MUTTRC("for a mail client's macro: print nothing, always exit\n"
                  "0 and leave in FILE one 'echo' line (the counts, or\n"
                  "what failed)"),
    LU_OPT_OPERANDS(1, "[NAME]", NULL),
};

/* Without NAME, with --maildir or --keep-cursor: every sidebar queue
 * (and CURSOR's) read once, Mutt's maildirs built, and the client's answer
 * into *JUMP or *SAID. */
static int every_queue(struct lu_ctx *ctx, struct lu_store *store, const char *maildir,
                       const char *cursor, const char *muttrc, struct lu_db **db, GArray *rows,
                       GPtrArray *items, GPtrArray *msgsets, char **jump, char **said)
{
    unsigned counts[LU_ST_COUNT] = {0}, dues[LU_ST_COUNT] = {0};
    int also = cursor && strcmp(cursor, "due") ? lu_state_parse(cursor) : -1, ret;

    if (cursor && strcmp(cursor, "due") && also <= LU_ST_NONE)
        return lu_error(EX_USAGE, "queue: no queue called '%s' (see 'leadup help queue')", cursor);
    ret = lu_db_open(ctx, false, db);
    if (!ret && maildir)
        ret = build_every_maildir(ctx, *db, store, maildir, also, rows, items, msgsets);
    /* NeoMutt: no maildir, only where the cursor goes ("due": the
     * sidebar queues, as Mutt's due maildir has them). */
    for (size_t q = 0; !maildir && !ret && q < LU_QUEUE_COUNT; q++)
        if (also >= 0 ? (int)lu_queue_order[q] == also : in_sidebar(lu_queue_order[q]))
            ret = collect(ctx, *db, store, lu_queue_order[q], false, rows, items, msgsets);
    for (guint i = 0; !ret && i < rows->len; i++) {
        struct row *r = &g_array_index(rows, struct row, i);
        counts[r->state]++;
        dues[r->state] += r->due;
    }
    if (!ret && muttrc && cursor)
        ret = cursor_answer(*db, rows, cursor, jump);
    else if (!ret && muttrc)
        *said = client_summary(counts, dues, NULL, -1, false);
    return ret;
}

int lu_cmd_queue(struct lu_ctx *ctx, int argc, char **argv)
{
    struct queue_args a = {0};
    struct lu_db *db = NULL;
    struct lu_store *store = NULL;
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct row));
    GPtrArray *items = g_ptr_array_new_with_free_func((GDestroyNotify)lu_item_free);
    GPtrArray *msgsets = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    const char *name = NULL, *maildir = NULL, *muttrc = NULL, *failure = NULL, *cursor = NULL;
    bool json = false, due_only = false, all_due = false, streamed = false, in_step = false;
    int state = -1, ret = 0;
    unsigned counts[LU_ST_COUNT] = {0}, dues[LU_ST_COUNT] = {0};
    char *said = NULL, *jump = NULL;

    ret = lu_parse_options(ctx, lu_queue_options, &a, &argc, argv);
    if (ret)
        goto out;
    due_only = a.due;
    json = a.json;
    maildir = a.maildir;
    cursor = a.keep_cursor;
    muttrc = ctx->answer.file;
    name = argc > 1 ? argv[1] : NULL;
    if (name && !strcmp(name, "due")) {
        all_due = due_only = true;
    } else if (name) {
        state = lu_state_parse(name);
        if (state <= LU_ST_NONE) {
            ret = lu_error(EX_USAGE, "queue: no queue called '%s' (see 'leadup help queue')", name);
            goto out;
        }
    }
    if (name && cursor && strcmp(name, cursor) != 0) {
        ret =
            lu_error(EX_USAGE, "queue: --keep-cursor %s names another queue than %s", cursor, name);
        goto out;
    }
    if (muttrc && json) {
        ret =
            lu_error(EX_USAGE, "queue: --muttrc shows text in the client; not with --format=json");
        goto out;
    }
    if (a.scan)
        failure = scan_first(ctx);
    if (a.tags && !failure)
        failure = tags_first(ctx);
    /* Counts come from the state database in one query; a queue's items
     * from the tags, joined with it. */
    ret = lu_store_open(&store);
    if (!ret)
        ret = lu_store_read_once(store);
    if (!ret && !name && (maildir || cursor)) {
        ret = every_queue(ctx, store, maildir, cursor, muttrc, &db, rows, items, msgsets, &jump,
                          &said);
        goto out;
    }
    if (!ret && !name)
        ret = load_counts(ctx, store, muttrc, counts, dues);
    if (!ret && name)
        ret = lu_db_open(ctx, false, &db);
    if (!ret && name && !maildir)
        ret = listing_in_step(db, store, &in_step);
    if (!ret && state >= 0 && !maildir && !muttrc)
        ret = stream_queue(ctx, db, store, state, in_step, name, due_only, json, &streamed);
    if (!ret && name && !streamed)
        ret = collect(ctx, db, store, state, in_step, rows, items, msgsets);
    if (ret || streamed)
        goto out;
    for (guint i = 0; name && i < rows->len; i++) {
        struct row *r = &g_array_index(rows, struct row, i);
        counts[r->state]++;
        dues[r->state] += r->due;
    }
    if (maildir)
        ret = write_maildir(ctx, maildir, rows, due_only, muttrc);
    /* NAME with --keep-cursor: the one queue the client has open rebuilt
     * (NeoMutt's dormant maildir), and the jump back into it. */
    if (!ret && muttrc && cursor)
        ret = cursor_answer(db, rows, cursor, &jump);
    else if (!ret && muttrc)
        said = client_summary(counts, dues, name, state, due_only);
    if (muttrc || maildir)
        goto out;
    if (json)
        print_json(ctx, name, rows, due_only, counts, dues);
    else if (!name)
        print_counts(counts, dues, due_only);
    else
        print_text_rows(ctx, rows, due_only, all_due);
out:
    /* From a client macro: one line for its message line (main writes it). */
    lu_answer(ctx, jump, failure ? failure : said, failure);
    g_free(jump);
    g_free(said);
    g_array_free(rows, TRUE);
    g_ptr_array_free(items, TRUE);
    g_ptr_array_free(msgsets, TRUE);
    lu_store_close(store);
    lu_db_close(db);
    return ret;
}
