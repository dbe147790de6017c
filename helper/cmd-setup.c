/* cmd-setup.c - leadup setup: the lines for .neomuttrc / .muttrc, and
 * "leadup scan --quiet" in notmuch's post-new hook.
 *
 * The hook is the user's file: leadup only ever adds or removes its own
 * marked block, keeps everything else byte for byte, follows a symbolic
 * link to the real file, and keeps its mode. */
#include "leadup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LU_DATADIR
#define LU_DATADIR "/usr/local/share/leadup"
#endif
#ifndef LU_DOCDIR
#define LU_DOCDIR "/usr/local/share/doc/leadup"
#endif

#define HOOK_BEGIN                                                                                 \
    "# leadup: begin (added by 'leadup setup --hook'; 'leadup setup --unhook' removes it)\n"
#define HOOK_END "# leadup: end\n"
/* The head of a hook leadup created; a hook that holds nothing else after
 * --unhook is removed. */
#define HOOK_HEAD "#!/bin/sh\n# notmuch post-new hook, created by 'leadup setup --hook'.\n"

/* The leadup binary running now, absolute.  Caller frees. */
static char *self_path(void)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL);

    return exe ? exe : g_strdup("leadup");
}

/* Where the muttrc snippets are: the build tree's muttrc.d when this is
 * helper/leadup in a tree that has one, else PREFIX/share/leadup beside
 * PREFIX/bin/leadup (an install with another PREFIX than the build's),
 * else the compiled-in LU_DATADIR.  Caller frees. */
static char *snippet_dir(void)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL), *dir = NULL;

    if (exe) {
        char *bin = g_path_get_dirname(exe), *base = g_path_get_basename(bin);
        char *top = g_path_get_dirname(bin);
        char *cand = strcmp(base, "helper") == 0 ? g_build_filename(top, "muttrc.d", NULL)
                                                 : g_build_filename(top, "share", "leadup", NULL);
        char *probe = g_build_filename(cand, "leadup.neomuttrc", NULL);
        if (g_file_test(probe, G_FILE_TEST_IS_REGULAR))
            dir = g_steal_pointer(&cand);
        g_free(probe);
        g_free(cand);
        g_free(top);
        g_free(base);
        g_free(bin);
        g_free(exe);
    }
    return dir ? dir : g_strdup(LU_DATADIR);
}

/* Where the keys are documented for this leadup: the build tree's
 * doc/mutt.md, else PREFIX/share/doc/leadup/mutt.md beside PREFIX/bin,
 * else the compiled-in LU_DOCDIR's; NULL when none is there (only the
 * manual page then).  Caller frees. */
static char *doc_path(void)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    char *cands[3] = {NULL, NULL, g_build_filename(LU_DOCDIR, "mutt.md", NULL)};
    char *found = NULL;

    if (exe) {
        char *bin = g_path_get_dirname(exe), *base = g_path_get_basename(bin);
        char *top = g_path_get_dirname(bin);
        if (strcmp(base, "helper") == 0)
            cands[0] = g_build_filename(top, "doc", "mutt.md", NULL);
        cands[1] = g_build_filename(top, "share", "doc", "leadup", "mutt.md", NULL);
        g_free(top);
        g_free(base);
        g_free(bin);
        g_free(exe);
    }
    for (int i = 0; i < 3; i++) {
        if (!found && cands[i] && g_file_test(cands[i], G_FILE_TEST_IS_REGULAR))
            found = g_steal_pointer(&cands[i]);
        g_free(cands[i]);
    }
    return found;
}

/* S quoted for sh: '...' with each ' written '\''.  Caller frees. */
static char *sh_quote(const char *s)
{
    GString *q = g_string_new("'");

    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            g_string_append(q, "'\\''");
        else
            g_string_append_c(q, *p);
    }
    g_string_append_c(q, '\'');
    return g_string_free(q, FALSE);
}

/* The output of "notmuch config get KEY", trimmed, or NULL.  Caller frees. */
static char *notmuch_config(const char *key)
{
    const char *argv[] = {"notmuch", "config", "get", key, NULL};
    char *out = NULL;
    int status = 0;

    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &out, NULL, &status, NULL) ||
        !g_spawn_check_wait_status(status, NULL)) {
        g_free(out);
        return NULL;
    }
    lu_strtrim(out);
    if (!*out)
        g_clear_pointer(&out, g_free);
    return out;
}

/* notmuch's hook directory: database.hook_dir (notmuch >= 0.32), else
 * <database.path>/.notmuch/hooks.  Caller frees; NULL when notmuch has
 * no configured database. */
static char *hook_dir(void)
{
    char *dir = notmuch_config("database.hook_dir"), *db;

    if (dir)
        return dir;
    db = notmuch_config("database.path");
    if (db) {
        dir = g_build_filename(db, ".notmuch", "hooks", NULL);
        g_free(db);
    }
    return dir;
}

/* The hook's contents with leadup's block removed (the block's lines are
 * found by their markers, whatever is between them).  *FOUND tells
 * whether there was one.  Caller frees. */
static char *without_block(const char *text, bool *found)
{
    GString *out = g_string_new(NULL);
    const char *p = text;
    bool inside = false;

    *found = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        gsize len = nl ? (gsize)(nl - p + 1) : strlen(p);

        if (!inside && g_str_has_prefix(p, "# leadup: begin")) {
            inside = *found = true;
        } else if (inside) {
            if (g_str_has_prefix(p, "# leadup: end"))
                inside = false;
        } else {
            g_string_append_len(out, p, len);
        }
        p += len;
    }
    return g_string_free(out, FALSE);
}

/* A shell hook that ends with exec or exit would never run a block
 * appended after it: the first such top-level line (without its newline,
 * caller frees) and *AT, its byte offset in TEXT; *LAST tells whether only
 * blank and comment lines follow it.  NULL when there is none. */
static char *early_exit(const char *text, gsize *at, bool *last)
{
    const char *p = text;
    char *hit = NULL;

    *at = 0;
    *last = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        gsize len = nl ? (gsize)(nl - p) : strlen(p);
        bool stops = (g_str_has_prefix(p, "exec ") || g_str_has_prefix(p, "exit")) &&
                     (len == 4 || strchr(" ;\t", p[4]));

        if (!hit && stops) {
            hit = g_strndup(p, len);
            *at = (gsize)(p - text);
            *last = true;
        } else if (hit && len && *p != '#' && strspn(p, " \t") < len) {
            *last = false;
        }
        p += len + (nl ? 1 : 0);
    }
    return hit;
}

/* True when TEXT is a shell script (or has no #! line at all: notmuch
 * runs it with /bin/sh then). */
static bool is_shell(const char *text)
{
    const char *shells[] = {"sh", "bash", "dash", "ksh", "mksh", "zsh", "ash", "busybox"};
    char *first, *nl, *base;
    char **words;
    bool ok = false;

    if (!g_str_has_prefix(text, "#!"))
        return true;
    first = g_strdup(text + 2);
    nl = strchr(first, '\n');
    if (nl)
        *nl = '\0';
    words = g_strsplit_set(g_strstrip(first), " \t", -1);
    /* "#!/usr/bin/env sh" names the shell in its second word. */
    base = g_path_get_basename(words[0] ? words[0] : "");
    if (strcmp(base, "env") == 0 && words[0] && words[1]) {
        g_free(base);
        base = g_path_get_basename(words[1]);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(shells); i++)
        ok |= strcmp(base, shells[i]) == 0;
    g_free(base);
    g_strfreev(words);
    g_free(first);
    return ok;
}

/* --unhook: HOOK (the file REAL, mode MODE) without leadup's block is
 * REST; FOUND tells whether there was one. */
static int unhook(const char *hook, const char *real, const char *rest, bool found, int mode)
{
    int ret = 0;

    if (!found) {
        lu_printf("leadup: %s holds no leadup block; nothing changed\n", hook);
        goto out;
    }
    if (strcmp(rest, HOOK_HEAD) == 0 || !*rest) {
        /* leadup created it and nothing else is left: remove it. */
        if (unlink(real) < 0) {
            ret = lu_error(EX_CANTCREAT, "setup: cannot remove '%s': %s", real, g_strerror(errno));
            goto out;
        }
        lu_printf("leadup: removed %s (leadup had created it)\n", hook);
        goto out;
    }
    ret = lu_write_file_atomic(real, rest, strlen(rest), mode);
    if (!ret && chmod(real, mode) < 0)
        ret = lu_error(EX_CANTCREAT, "setup: cannot set the mode of '%s': %s", real,
                       g_strerror(errno));
    if (!ret)
        lu_printf("leadup: removed leadup's block from %s\n", hook);
out:
    return ret;
}

/* notmuch's post-new hook as setup edits it. */
struct hook {
    char *path;         /* DIR/post-new */
    char *real;         /* the file it is: a symbolic link's target */
    char *text;         /* its contents ("" when it does not exist) */
    char *rest;         /* TEXT without leadup's block */
    bool exists, found; /* FOUND: TEXT has leadup's block */
    int mode;
};

/* Sets H->real: edit the file a symbolic link points to, not the link
 * (dotfiles). */
static int hook_file(struct hook *h)
{
    char *real = g_file_test(h->path, G_FILE_TEST_IS_SYMLINK) ? realpath(h->path, NULL) : NULL;

    if (g_file_test(h->path, G_FILE_TEST_IS_SYMLINK) && !real)
        return lu_error(EX_CANTCREAT, "setup: '%s' is a broken symbolic link; fix or remove it",
                        h->path);
    h->real = g_strdup(real ? real : h->path);
    free(real);
    return 0;
}

/* Reads H->real (H->exists, H->mode, H->text). */
static int read_hook(struct hook *h)
{
    struct stat sb;
    GError *err = NULL;
    gsize len = 0;
    int ret = 0;

    h->exists = stat(h->real, &sb) == 0;
    if (!h->exists) {
        h->text = g_strdup("");
        goto out;
    }
    if (!S_ISREG(sb.st_mode)) {
        ret = lu_error(EX_CANTCREAT, "setup: '%s' is not a regular file", h->real);
        goto out;
    }
    h->mode = sb.st_mode & 07777;
    if (!g_file_get_contents(h->real, &h->text, &len, &err)) {
        ret = lu_error(EX_NOINPUT, "setup: cannot read '%s': %s", h->real, err->message);
        goto out;
    }
    if (strlen(h->text) != len)
        ret = lu_error(EX_DATAERR, "setup: '%s' is not a text file; add the line by hand", h->real);
out:
    if (err)
        g_error_free(err);
    return ret;
}

/* Writes leadup's block into H (in DIR), which runs leadup as Q. */
static int add_hook(const char *dir, const struct hook *h, const char *q)
{
    GString *out = g_string_new(NULL);
    bool last = false;
    gsize at = 0;
    char *early = early_exit(h->rest, &at, &last);
    int ret = 0;

    /* A block that an older leadup left after the exec never ran: move it. */
    if (h->found && (!early || strstr(h->text, "# leadup: begin") <= h->text + at)) {
        lu_printf("leadup: %s already runs leadup; nothing changed\n", h->path);
        goto out;
    }
    if (h->exists && !is_shell(h->text)) {
        ret = lu_error(EX_DATAERR,
                       "setup: '%s' is not a shell script; add this line to it by hand: "
                       "%s scan --quiet || true",
                       h->path, q);
        goto out;
    }
    /* The block goes before a final exec/exit line (afew's hooks end with
     * "exec afew --tag --new"); one in the middle of the script may sit
     * inside an if: there only the user knows where the line belongs. */
    if (early && !last) {
        ret = lu_error(EX_DATAERR,
                       "setup: '%s' stops at '%s' before its end; add this line before it "
                       "by hand: %s scan --quiet || true",
                       h->path, early, q);
        goto out;
    }
    g_string_append_len(out, h->exists ? h->rest : HOOK_HEAD, early ? (gssize)at : -1);
    if (out->len && out->str[out->len - 1] != '\n')
        g_string_append_c(out, '\n');
    /* A hook must not fail notmuch new: leadup explains a busy database in
     * one line on stderr and catches up at the next run. */
    g_string_append_printf(out, HOOK_BEGIN "%s scan --quiet || true\n" HOOK_END, q);
    if (early)
        g_string_append(out, h->rest + at);
    ret = lu_mkdir_p(dir);
    if (!ret)
        ret = lu_write_file_atomic(h->real, out->str, out->len, h->mode);
    if (!ret && chmod(h->real, h->mode) < 0)
        ret = lu_error(EX_CANTCREAT, "setup: cannot set the mode of '%s': %s", h->real,
                       g_strerror(errno));
    if (ret)
        goto out;
    lu_printf("leadup: %s %s: it runs %s scan --quiet after every notmuch new\n",
              h->found    ? "moved leadup's block up in"
              : h->exists ? "added leadup to"
                          : "created",
              h->path, q);
    if (early)
        lu_printf("leadup: the block is before '%s', which ends the hook\n", early);
    if (h->exists && !(h->mode & 0100))
        lu_warning("setup: %s is not executable: notmuch does not run it (chmod +x)", h->path);
out:
    g_string_free(out, TRUE);
    g_free(early);
    return ret;
}

/* Adds (ADD) or removes leadup's block in DIR/post-new. */
static int edit_hook(const char *dir, bool add)
{
    struct hook h = {.path = g_build_filename(dir, "post-new", NULL), .mode = 0755};
    char *self = NULL, *q = NULL;
    int ret = hook_file(&h);

    if (!ret)
        ret = read_hook(&h);
    if (ret)
        goto out;
    h.rest = without_block(h.text, &h.found);
    if (!add) {
        ret = unhook(h.path, h.real, h.rest, h.found, h.mode);
        goto out;
    }
    self = self_path();
    q = sh_quote(self);
    ret = add_hook(dir, &h, q);
out:
    g_free(q);
    g_free(self);
    g_free(h.rest);
    g_free(h.text);
    g_free(h.real);
    g_free(h.path);
    return ret;
}

/* The instructions: what to source, and the hook. */
static int print_setup(const char *hooks)
{
    char *dir = snippet_dir(), *self = self_path(), *q = sh_quote(self);
    char *neo = g_build_filename(dir, "leadup.neomuttrc", NULL);
    char *old = g_build_filename(dir, "leadup.muttrc", NULL);
    char *qneo = lu_muttrc_quote(neo), *qold = lu_muttrc_quote(old);
    char *onpath = g_find_program_in_path("leadup"), *real = NULL, *doc = doc_path();
    int ret = 0;

    if (!qneo || !qold) {
        ret = lu_error(EX_CONFIG, "setup: '%s' cannot be quoted in a muttrc", dir);
        goto out;
    }
    lu_printf("# NeoMutt: add this line to ~/.neomuttrc, after your own settings:\n"
              "source %s\n\n",
              qneo);
    lu_printf("# Mutt: add this line to ~/.muttrc, after your own settings:\n"
              "source %s\n\n",
              qold);
    lu_printf(
        "# notmuch: tag new mail after every 'notmuch new' ('leadup setup --hook' does this):\n");
    if (hooks)
        lu_printf("#   add to %s/post-new (executable, #!/bin/sh):\n", hooks);
    else
        lu_printf("#   add to notmuch's post-new hook (notmuch config get database.hook_dir):\n");
    lu_printf("#   %s scan --quiet || true\n", q);
    lu_printf("#   (before a final line like 'exec afew --tag --new', after which nothing runs)\n");
    lu_printf("# 'leadup setup --unhook' removes it again.\n");
    if (doc)
        lu_printf("# Keys and details: %s and 'man leadup'.\n", doc);
    else
        lu_printf("# Keys and details: 'man leadup'.\n");
    if (!g_file_test(neo, G_FILE_TEST_IS_REGULAR))
        lu_warning("setup: %s is missing (run 'make install')", neo);
    /* The macros run "leadup" by name. */
    real = onpath ? realpath(onpath, NULL) : NULL;
    if (!onpath)
        lu_warning("setup: 'leadup' is not on your PATH; the mail client's keys run it by name");
    else if (real && strcmp(real, self) != 0)
        lu_warning("setup: the 'leadup' on your PATH is %s, not this one (%s)", onpath, self);
out:
    free(real);
    g_free(doc);
    g_free(onpath);
    g_free(qneo);
    g_free(qold);
    g_free(neo);
    g_free(old);
    g_free(q);
    g_free(self);
    g_free(dir);
    return ret;
}

/* S as a regular expression matching itself: every character that is not
 * a letter, digit, '@', '-' or '_' escaped.  Caller frees. */
static char *regex_literal(const char *s)
{
    GString *r = g_string_new(NULL);

    for (const char *p = s; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '@' && *p != '-' && *p != '_')
            g_string_append_c(r, '\\');
        g_string_append_c(r, *p);
    }
    return g_string_free(r, FALSE);
}

static gint by_string(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* setup --alternates: an `alternates` line naming my addresses and
 * domains (notmuch's user.primary_email and user.other_email, the
 * config's), which the snippets source at start-up, so the client's "who"
 * column (%L) shows whom I wrote to, never one of my own addresses. */
static int print_alternates(struct lu_ctx *ctx)
{
    struct lu_db *db = NULL;
    GString *line = g_string_new("alternates");
    GPtrArray *res = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter it;
    gpointer key;
    int ret = lu_db_open(ctx, false, &db); /* fills ctx->me */

    if (ret)
        goto out;
    g_hash_table_iter_init(&it, ctx->me.addrs);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        char *e = regex_literal(key);
        g_ptr_array_add(res, g_strdup_printf("^%s$", e));
        g_free(e);
    }
    for (guint i = 0; ctx->me.domains && i < ctx->me.domains->len; i++) {
        char *e = regex_literal(g_ptr_array_index(ctx->me.domains, i));
        g_ptr_array_add(res, g_strdup_printf("@%s$", e));
        g_free(e);
    }
    g_ptr_array_sort(res, by_string);
    for (guint i = 0; i < res->len; i++) {
        char *q = lu_muttrc_quote(g_ptr_array_index(res, i));
        if (q)
            g_string_append_printf(line, " %s", q);
        else
            lu_warning("setup: address '%s' cannot be quoted in a muttrc; left out",
                       (char *)g_ptr_array_index(res, i));
        g_free(q);
    }
    if (strchr(line->str, ' '))
        lu_printf("%s\n", line->str);
out:
    lu_db_close(db);
    g_ptr_array_free(res, TRUE);
    g_string_free(line, TRUE);
    return ret;
}

/* setup --date-hooks: NeoMutt's index-format-hooks for %@leadup_date@,
 * which the NeoMutt snippet sources at start-up: the words of every date
 * tag the scan wrote (the items' days, from the state database) and of the
 * days around today (datetag.c).  No state database yet: the days alone. */
static int print_date_hooks(struct lu_ctx *ctx)
{
    struct lu_store *store = NULL;
    GPtrArray *items = NULL;
    GArray *dates = g_array_new(FALSE, FALSE, sizeof(gint64));
    char *hooks;
    int ret = lu_store_open(&store);

    if (!ret)
        ret = lu_store_items(store, -1, &items);
    for (guint i = 0; !ret && i < items->len; i++) {
        const struct lu_item *it = g_ptr_array_index(items, i);
        bool wakes;
        gint64 t = lu_index_date(it->state, it->sched.due_at, it->sched.next_check, &wakes);
        if (t > 0)
            g_array_append_val(dates, t);
    }
    /* The hooks for the days around today are worth having even so. */
    ret = 0;
    hooks = lu_date_hooks(dates, ctx->now, ctx->cfg.tz);
    lu_printf("%s", hooks);
    g_free(hooks);
    if (items)
        g_ptr_array_free(items, TRUE);
    g_array_free(dates, TRUE);
    lu_store_close(store);
    return ret;
}

struct setup_args {
    bool hook, unhook, alternates, date_hooks;
};

const struct lu_option lu_setup_options[] = {
    LU_OPT_FLAG("hook", 0, struct setup_args, hook, true,
                "add 'leadup scan --quiet' to notmuch's post-new hook\n"
                "(database.hook_dir), creating it if needed; other\n"
                "content is kept, and a second run changes nothing; a\n"
                "hook ending in 'exec afew ...' (or exit) gets it just\n"
                "before that line"),
    LU_OPT_FLAG("unhook", 0, struct setup_args, unhook, true,
                "remove exactly the block --hook added"),
    LU_OPT_FLAG("alternates", 0, struct setup_args, alternates, true,
                "print an 'alternates' line of my addresses for the\n"
                "client (the snippets source it, so the index never\n"
                "shows me as 'who')"),
    LU_OPT_FLAG("date-hooks", 0, struct setup_args, date_hooks, true,
                "print NeoMutt's index-format-hooks that show each\n"
                "thread's due or wake-up day in a queue's index\n"
                "(%@leadup_date@; the NeoMutt snippet sources them)"),
    LU_OPT_END_,
};

int lu_cmd_setup(struct lu_ctx *ctx, int argc, char **argv)
{
    struct setup_args a = {0};
    char *dir = NULL;
    int ret = 0;

    ret = lu_parse_options(ctx, lu_setup_options, &a, &argc, argv);
    if (ret)
        goto out;
    if (a.hook + a.unhook + a.alternates + a.date_hooks > 1) {
        ret = lu_error(EX_USAGE,
                       "setup: give one of --hook, --unhook, --alternates and --date-hooks");
        goto out;
    }
    if (a.alternates) {
        ret = print_alternates(ctx);
        goto out;
    }
    if (a.date_hooks) {
        ret = print_date_hooks(ctx);
        goto out;
    }
    dir = hook_dir();
    if (!a.hook && !a.unhook) {
        ret = print_setup(dir);
        goto out;
    }
    if (!dir) {
        ret = lu_error(EX_CONFIG,
                       "setup: notmuch has no database configured "
                       "('notmuch config get database.path' is empty); run 'notmuch setup'");
        goto out;
    }
    ret = edit_hook(dir, a.hook);
out:
    g_free(dir);
    return ret;
}
