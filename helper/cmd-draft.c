/* cmd-draft.c - leadup draft: a lead-up reply for the thread of a message.
 *
 * Reads the thread and its verdict (exactly as the scan decides it), lets
 * draft.c choose the template and the values, reads the template (the
 * user's directory first, then the shipped set), and writes the message
 * mime.c serialises: to stdout, to a file, or as the only message of a
 * draft maildir that the mail client recalls. */
#include "leadup.h"
#include "draftmsg.h"
#include "view.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LU_DATADIR
#define LU_DATADIR "/usr/local/share/leadup"
#endif

/* Every file leadup puts in a draftbox starts with this. */
#define DRAFT_PREFIX "leadup-draft."
#define TEMPLATE_MAX (64 * 1024)

struct draft_opts {
    const char *id;
    const char *template_name;
    const char *output;
    const char *draftbox;
    const char *muttrc; /* --muttrc FILE: for a client macro */
    bool force;         /* --force: draft for a no-reply address too */
    bool quote;         /* --quote, --no-quote, or as configured */
    bool quiet;
    const char *lang_name; /* --lang */
    int lang;              /* --lang: an enum lu_lang, or -1: as configured */
};

const struct lu_option lu_draft_options[] = {
    LU_OPT_STRING("template", 0, struct draft_opts, template_name, "NAME",
                  "use template NAME (a name, or a file path with a '/')"),
    LU_OPT_STRING("lang", 0, struct draft_opts, lang_name, "LANG",
                  "write in LANG: auto or a language pack's code (en, de,\n"
                  "fr, es, it; default: the thread's language, or [draft]\n"
                  "language)"),
    LU_OPT_STRING("output", 0, struct draft_opts, output, "FILE",
                  "write the draft to FILE (mode 0600) instead of stdout"),
    LU_OPT_STRING("draftbox", 0, struct draft_opts, draftbox, "DIR",
                  "make the maildir DIR hold exactly this draft (flag D),\n"
                  "for <recall-message>; DIR must hold only leadup's drafts"),
    LU_OPT_FLAG("quote", 0, struct draft_opts, quote, true,
                "quote the message we answer ([draft] quote=true)"),
    LU_OPT_FLAG("no-quote", 0, struct draft_opts, quote, false, "do not quote it"),
    LU_OPT_FLAG("quiet", 0, struct draft_opts, quiet, true,
                "print nothing on standard error but errors"),
    LU_OPT_MUTTRC("for a mail client's macro: always exit 0 and leave in\n"
                  "FILE the lines that recall the draft from --draftbox\n"
                  "and one 'echo' line (the state and template, or what\n"
                  "failed)"),
    LU_OPT_FLAG("force", 0, struct draft_opts, force, true,
                "draft even when the recipient is a no-reply address"),
    LU_OPT_OPERANDS(1, "[id:MSGID | -]", NULL),
};

static void analyse_cb(struct lu_msg *m, void *data)
{
    lu_msg_analyse(data, m);
}

/* A message's own text alone: the language is told from texts, and an
 * analysis the cache does not hold costs the models' start (issue 14). */
static void body_cb(struct lu_msg *m, void *data)
{
    (void)data;
    lu_msg_read_body(m);
}

/* Where templates are looked for, in order.  Caller frees the array. */
static GPtrArray *template_dirs(struct lu_ctx *ctx)
{
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    char *exe = g_file_read_link("/proc/self/exe", NULL);

    if (ctx->cfg.templates && *ctx->cfg.templates) {
        const char *t = ctx->cfg.templates;
        if (g_str_has_prefix(t, "~/"))
            g_ptr_array_add(dirs, g_build_filename(g_get_home_dir(), t + 2, NULL));
        else
            g_ptr_array_add(dirs, g_strdup(t));
    } else {
        char *c = lu_config_dir();
        g_ptr_array_add(dirs, g_build_filename(c, "templates", NULL));
        g_free(c);
    }
    /* Running from the build tree (helper/leadup): the tree's templates/. */
    if (exe) {
        char *dir = g_path_get_dirname(exe), *base = g_path_get_basename(dir);
        char *up = g_path_get_dirname(dir);
        if (strcmp(base, "helper") == 0)
            g_ptr_array_add(dirs, g_build_filename(up, "templates", NULL));
        /* Installed anywhere: PREFIX/bin/leadup next to PREFIX/share/leadup. */
        g_ptr_array_add(dirs, g_build_filename(up, "share", "leadup", "templates", NULL));
        g_free(up);
        g_free(base);
        g_free(dir);
        g_free(exe);
    }
    g_ptr_array_add(dirs, g_strdup(LU_DATADIR "/templates"));
    return dirs;
}

static bool valid_template_name(const char *n)
{
    if (!n || !*n || n[0] == '.')
        return false;
    for (const char *p = n; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr("._-", *p))
            return false;
    return true;
}

static int read_template(const char *path, char **text, bool *found)
{
    GError *err = NULL;
    gsize len = 0;
    int ret = 0;

    *found = false;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        goto out;
    *found = true;
    if (!g_file_get_contents(path, text, &len, &err)) {
        ret = lu_error(EX_NOINPUT, "draft: cannot read template '%s': %s", path, err->message);
        goto out;
    }
    if (len > TEMPLATE_MAX) {
        ret = lu_error(EX_DATAERR, "draft: template '%s' is larger than %d bytes", path,
                       TEMPLATE_MAX);
        g_free(*text);
        *text = NULL;
    }
out:
    if (err)
        g_error_free(err);
    return ret;
}

/* The language a template is written in: its name's language code suffix (".de"),
 * else English. */
static enum lu_lang template_lang(const char *name)
{
    const char *dot = strrchr(name, '.');
    int l = dot && !strchr(dot, '/') ? lu_lang_parse(dot + 1) : -1;

    return l >= 0 ? (enum lu_lang)l : LU_LANG_EN;
}

/* Reads the first of D's templates found; *NAME is borrowed from D. */
static int load_template(struct lu_ctx *ctx, struct lu_draft *d, bool forced, const char **name,
                         char **text, char **path_out)
{
    GPtrArray *dirs = template_dirs(ctx);
    GString *looked = g_string_new(NULL);
    int ret = 0;

    *text = NULL;
    for (guint i = 0; i < d->templates->len && !*text && !ret; i++) {
        const char *n = g_ptr_array_index(d->templates, i);
        bool found = false;
        /* --template with a '/' names a file. */
        if (forced && strchr(n, '/')) {
            ret = read_template(n, text, &found);
            if (!ret && !found)
                ret = lu_error(EX_NOINPUT, "draft: no template file '%s'", n);
            *name = n;
            *path_out = g_strdup(n);
            break;
        }
        if (!valid_template_name(n)) {
            ret = lu_error(EX_USAGE,
                           "draft: bad template name '%s' (letters, digits, '.', '-', "
                           "'_'; or a path with a '/')",
                           n);
            break;
        }
        for (guint k = 0; k < dirs->len && !*text && !ret; k++) {
            char *p = g_build_filename(g_ptr_array_index(dirs, k), n, NULL);
            ret = read_template(p, text, &found);
            if (found && !ret) {
                *name = n;
                *path_out = p;
                p = NULL;
            }
            g_free(p);
        }
    }
    if (!*text && !ret) {
        for (guint k = 0; k < dirs->len; k++)
            g_string_append_printf(looked, "%s%s", k ? ", " : "",
                                   (char *)g_ptr_array_index(dirs, k));
        if (forced) {
            /* the name as given: the last one, after its language's version */
            ret = lu_error(EX_USAGE, "draft: no template '%s' (looked in %s)",
                           (char *)g_ptr_array_index(d->templates, d->templates->len - 1),
                           looked->str);
        } else {
            /* Not installed (a copied binary): the built-in text still
             * gives a useful draft, and the user learns why. */
            *text = g_strdup(lu_draft_builtin_generic);
            *name = "generic";
            *path_out = g_strdup("(built in)");
            g_ptr_array_add(
                d->notes, g_strdup_printf("no template file found for '%s' (looked in %s): "
                                          "used the built-in generic text",
                                          (char *)g_ptr_array_index(d->templates, 0), looked->str));
        }
    }
    g_string_free(looked, TRUE);
    g_ptr_array_free(dirs, TRUE);
    return ret;
}

static int ensure_dir(const char *dir)
{
    int ret = lu_mkdir_p(dir);

    if (!ret && !g_file_test(dir, G_FILE_TEST_IS_DIR))
        ret = lu_error(EX_CANTCREAT, "'%s' is not a directory", dir);
    return ret;
}

/* Refuses a draftbox holding messages leadup did not write; lists ours. */
static int draftbox_check(const char *box, GPtrArray *ours)
{
    static const char *const subs[] = {"cur", "new", "tmp"};
    int ret = 0;

    for (size_t s = 0; s < G_N_ELEMENTS(subs) && !ret; s++) {
        char *dir = g_build_filename(box, subs[s], NULL);
        DIR *dh = opendir(dir);
        struct dirent *e;

        if (!dh) {
            ret = lu_error(EX_CANTCREAT, "draft: cannot read '%s': %s", dir, g_strerror(errno));
            g_free(dir);
            break;
        }
        while ((e = readdir(dh)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            if (g_str_has_prefix(e->d_name, DRAFT_PREFIX)) {
                g_ptr_array_add(ours, g_build_filename(dir, e->d_name, NULL));
            } else if (s < 2) {
                ret = lu_error(EX_CANTCREAT,
                               "draft: the draftbox '%s' holds mail leadup did not write "
                               "('%s/%s'); give --draftbox a maildir of its own",
                               box, subs[s], e->d_name);
                break;
            }
        }
        closedir(dh);
        g_free(dir);
    }
    return ret;
}

static int write_fd_all(int fd, const char *data, gsize len)
{
    for (gsize done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        done += n;
    }
    return fsync(fd);
}

/* DIR becomes a maildir holding exactly this draft, in cur/ with the
 * draft flag: written in tmp/, renamed into cur/, then the previous drafts
 * leadup wrote are removed. */
static int draftbox_write(const char *box, const char *data, gsize len, char **written)
{
    static const char *const subs[] = {"cur", "new", "tmp"};
    GPtrArray *ours = g_ptr_array_new_with_free_func(g_free);
    char host[256] = "localhost", *name = NULL, *tmp = NULL, *dst = NULL;
    int fd = -1, ret = 0;

    *written = NULL;
    for (size_t s = 0; s < G_N_ELEMENTS(subs) && !ret; s++) {
        char *dir = g_build_filename(box, subs[s], NULL);
        ret = ensure_dir(dir);
        g_free(dir);
    }
    if (!ret)
        ret = draftbox_check(box, ours);
    if (ret)
        goto out;
    gethostname(host, sizeof host - 1);
    g_strdelimit(host, "/:", '_');
    name = g_strdup_printf(DRAFT_PREFIX "%" G_GINT64_FORMAT ".P%dQ%u.%s",
                           g_get_real_time() / G_USEC_PER_SEC, (int)getpid(), g_random_int(), host);
    tmp = g_build_filename(box, "tmp", name, NULL);
    dst = g_strdup_printf("%s/cur/%s:2,D", box, name);
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        ret = lu_error(EX_CANTCREAT, "draft: cannot create '%s': %s", tmp, g_strerror(errno));
        goto out;
    }
    if (write_fd_all(fd, data, len) < 0 || close(fd) < 0) {
        fd = -1;
        ret = lu_error(EX_IOERR, "draft: cannot write '%s': %s", tmp, g_strerror(errno));
        unlink(tmp);
        goto out;
    }
    fd = -1;
    if (rename(tmp, dst) < 0) {
        ret = lu_error(EX_CANTCREAT, "draft: cannot move the draft into '%s': %s", dst,
                       g_strerror(errno));
        unlink(tmp);
        goto out;
    }
    /* The new draft is in place: now the old ones go. */
    for (guint i = 0; i < ours->len; i++)
        if (unlink(g_ptr_array_index(ours, i)) < 0 && errno != ENOENT)
            lu_warning("draft: cannot remove the old draft '%s': %s",
                       (char *)g_ptr_array_index(ours, i), g_strerror(errno));
    *written = dst;
    dst = NULL;
out:
    if (fd >= 0)
        close(fd);
    g_ptr_array_free(ours, TRUE);
    g_free(dst);
    g_free(tmp);
    g_free(name);
    return ret;
}

static int parse_args(struct lu_ctx *ctx, int argc, char **argv, struct draft_opts *o)
{
    int ret;

    o->quote = ctx->cfg.quote;
    o->lang = -1;
    ret = lu_parse_options(ctx, lu_draft_options, o, &argc, argv);
    if (ret)
        goto out;
    o->muttrc = ctx->answer.file;
    lu_quiet = lu_quiet || o->quiet;
    if (o->lang_name && strcmp(o->lang_name, "auto") != 0 &&
        (o->lang = lu_lang_parse(o->lang_name)) < 0) {
        ret = lu_error(EX_USAGE, "draft: no language '%s' (want auto or one of: %s)", o->lang_name,
                       lu_lang_codes());
        goto out;
    }
    if (o->output && o->draftbox) {
        ret = lu_error(EX_USAGE, "draft: give --output or --draftbox, not both");
        goto out;
    }
    if (o->template_name && !*o->template_name) {
        ret = lu_error(EX_USAGE, "draft: --template needs a name");
        goto out;
    }
    if (argc > 1 && strcmp(argv[1], "-") != 0)
        o->id = argv[1];
out:
    return ret;
}

/* One line on stderr the client shows: the state, the stage, when due. */
static void print_state(struct lu_ctx *ctx, const struct lu_verdict *v)
{
    GString *s = g_string_new(NULL);

    if (lu_quiet)
        goto out;
    g_string_printf(s, "leadup: state: %s",
                    v->state == LU_ST_NONE ? "none (in no queue)" : lu_state_name(v->state));
    if (v->state == LU_ST_AWAITING && v->sched.stage < ctx->cfg.max_leadups)
        g_string_append_printf(s, ", lead-up %d of %d", v->sched.stage + 1, ctx->cfg.max_leadups);
    else if (v->state == LU_ST_AWAITING || v->state == LU_ST_DORMANT)
        g_string_append_printf(s, ", all %d lead-ups sent", v->sched.stage);
    if (v->sched.due_at) {
        char *t = lu_draft_when(v->sched.due_at, ctx->cfg.tz, ctx->now, true, LU_LANG_EN);
        g_string_append_printf(s, ", %s %s", v->sched.due ? "due since" : "due", t);
        g_free(t);
    }
    if (v->who && *v->who)
        g_string_append_printf(s, " (%s)", v->who);
    lu_fprintf(stderr, "%s\n", s->str);
out:
    g_string_free(s, TRUE);
}

/* The client's message line: leadup's own words only (state, stage,
 * template), never anything read from a message.  Caller frees. */
static char *summary(struct lu_ctx *ctx, const struct lu_verdict *v, const struct lu_draft *d,
                     const char *caution)
{
    GString *s = g_string_new("leadup: ");

    /* First, so that the client's line shows it however narrow. */
    if (caution)
        g_string_append_printf(s, "warning: %s; ", caution);
    g_string_append(s, v->state == LU_ST_NONE ? "in no queue" : lu_state_name(v->state));
    if (v->state == LU_ST_AWAITING && v->sched.stage < ctx->cfg.max_leadups)
        g_string_append_printf(s, ", lead-up %d of %d", v->sched.stage + 1, ctx->cfg.max_leadups);
    g_string_append_printf(s, ": drafted from template %s",
                           d->template_name ? d->template_name : "?");
    if (v->state == LU_ST_BOUNCED)
        g_string_append(s, "; it bounced, check the address");
    if (d->to->len == 0)
        g_string_append(s, "; add a recipient");
    return g_string_free(s, FALSE);
}

/* Writes the draft DATA where O says: --output, --draftbox (then, for
 * --muttrc, *RECALL is the client's lines that recall it; caller frees),
 * else standard output. */
static int write_draft(const struct draft_opts *o, const char *data, gsize len, char **recall)
{
    char *box = NULL, *written = NULL;
    int ret = 0;

    *recall = NULL;
    if (o->output) {
        ret = lu_write_file_atomic(o->output, data, len, 0600);
    } else if (o->draftbox) {
        /* The client's cwd may differ: the muttrc names the box absolutely. */
        box = g_canonicalize_filename(o->draftbox, NULL);
        if (o->muttrc && !(*recall = lu_muttrc_recall(box)))
            ret = lu_error(EX_USAGE,
                           "draft: the draftbox path '%s' cannot go into a muttrc "
                           "(it holds a quote or a control character)",
                           box);
        if (!ret)
            ret = draftbox_write(box, data, len, &written);
    } else if (fwrite(data, 1, len, stdout) != len) {
        ret = lu_error(EX_IOERR, "draft: cannot write standard output: %s", g_strerror(errno));
    }
    g_free(written);
    g_free(box);
    return ret;
}

int lu_cmd_draft(struct lu_ctx *ctx, int argc, char **argv)
{
    struct draft_opts o = {0};
    struct lu_thread_view tv = {0};
    struct lu_draft d = {0};
    struct lu_draft_req req = {0};
    const char *tname = NULL;
    char *text = NULL, *tpath = NULL, *data = NULL, *said = NULL, *recall = NULL;
    const char *caution = NULL, *noreply = NULL, *failure = NULL;
    gsize len = 0;
    int ret;

    ret = parse_args(ctx, argc, argv, &o);
    if (!ret)
        ret = lu_thread_view(ctx, o.id, &tv);
    if (ret)
        goto out;
    if (!tv.msgs || tv.msgs->len == 0) {
        ret = lu_error(EX_NOINPUT, "draft: the thread of '%s' has no messages", tv.mid);
        goto out;
    }
    /* A thread that is not mine was decided from the index alone: the
     * draft needs every header. */
    lu_thread_view_read_all(ctx, &tv);
    for (guint i = 0; i < tv.msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(tv.msgs, i);
        if (!m->mine && m->from)
            m->mine = lu_identity_is_me(&ctx->me, m->from->email);
    }
    req.cfg = &ctx->cfg;
    req.me = &ctx->me;
    req.now = ctx->now;
    req.msgs = tv.msgs;
    req.v = &tv.v;
    req.decisions = tv.decisions;
    req.template_name = o.template_name;
    req.lang = o.lang >= 0 ? o.lang : ctx->cfg.draft_lang;
    req.quote = o.quote;
    req.analyse = analyse_cb;
    req.body = body_cb;
    req.data = &ctx->cfg;
    lu_draft_plan(&req, &d);
    ret = load_template(ctx, &d, o.template_name != NULL, &tname, &text, &tpath);
    if (ret) {
        /* Not the code's generic line: that would blame the message. */
        failure = "leadup: cannot read the draft template (run leadup draft in a shell to see "
                  "which); no draft";
        goto out;
    }
    /* No template in the thread's language: the dates and words the
     * values carry must be in the template's. */
    if (template_lang(tname) != d.lang) {
        char *keep = g_strdup(tname);
        lu_draft_clear(&d);
        req.lang = template_lang(keep);
        lu_draft_plan(&req, &d);
        lu_draft_render(&d, keep, text);
        g_free(keep);
    } else {
        lu_draft_render(&d, tname, text);
    }
    /* Refused before anything is written: a lead-up to an address nobody
     * reads is never useful.  The rest only warns (first on stderr, and
     * first in the client's line). */
    caution = lu_draft_caution(&req, &d, &noreply);
    if (noreply && !o.force) {
        ret = lu_error(EX_DATAERR,
                       "draft: '%s' is a no-reply address nobody reads; nothing drafted "
                       "(--force drafts anyway)",
                       noreply);
        failure = "leadup: no draft: the recipient is a no-reply address nobody reads";
        goto out;
    }
    if (caution)
        lu_warning("draft: %s", caution);
    data = lu_draft_message(&d, &len);

    print_state(ctx, &tv.v);
    if (!lu_quiet) {
        lu_fprintf(stderr, "leadup: template: %s (%s)\n", d.template_name, d.why ? d.why : "");
        for (guint i = 0; i < d.notes->len; i++)
            lu_fprintf(stderr, "leadup: note: %s\n", (char *)g_ptr_array_index(d.notes, i));
    }
    ret = write_draft(&o, data, len, &recall);
    if (!ret && o.muttrc)
        said = summary(ctx, &tv.v, &d, caution);
out:
    /* From a client macro: the lines that recall the draft (or the one
     * line saying what failed); main writes them. */
    lu_answer(ctx, recall, said, failure);
    g_free(said);
    g_free(recall);
    g_free(data);
    g_free(text);
    g_free(tpath);
    if (d.templates)
        lu_draft_clear(&d);
    lu_thread_view_leave(&tv); /* the process exits next */
    return ret;
}
