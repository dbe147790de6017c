/* leadup.c - the command table, global options, and the one place where a
 * status becomes the exit code. */
#include "leadup.h"

#include <errno.h>
#include <string.h>

struct lu_command {
    const char *name;
    int (*fn)(struct lu_ctx *ctx, int argc, char **argv);
    const char *usage;
    const char *summary;
    const char *help; /* what "leadup help CMD" adds below the usage */
};

static const struct lu_command commands[] = {
    {"scan", lu_cmd_scan, "scan [--full] [--quiet]",
     "analyse changed threads and update the leadup/... tags",
     "Looks at the threads that changed since the last scan (notmuch's lastmod),\n"
     "decides each one's state and writes the leadup/... tags in one short write.\n"
     "  --full    look at every thread, not only the changed ones\n"
     "  --quiet   print nothing but errors (for notmuch's post-new hook)\n"
     "Exits 75 (EX_TEMPFAIL) when notmuch's write lock is held longer than\n"
     "[scan] lock_wait seconds; the next scan catches up.\n"},
    {"queue", lu_cmd_queue, "queue [NAME] [--due] [--format=text|json] [--maildir DIR]",
     "list a queue, oldest first (all queues' counts without NAME)",
     "NAME is one of: awaiting, needs-reply, no-next-step, promise-mine,\n"
     "promise-theirs, bounced, snoozed, closed, dormant, muted; \"due\" lists\n"
     "everything due now.\n"
     "  --due             only what is due now\n"
     "  --format=json     one JSON object (fields in leadup(1))\n"
     "  --maildir DIR     (re)build DIR as a maildir of links to the queue's messages,\n"
     "                    for clients without notmuch (classic Mutt)\n"},
    {"classify", lu_cmd_classify, "classify [--text] [--lines]",
     "explain what a message asks, promises and agrees (JSON)",
     "Reads one RFC 5322 message on standard input and prints its author's own\n"
     "text, each sentence with its labels, reasons and dates, the signature and\n"
     "the message's verdicts as JSON.\n"
     "  --text    standard input is plain text, not a message\n"
     "  --lines   one plain text per line; one JSON object per line\n"},
    {"help", lu_cmd_help, "help [COMMAND]", "show this list, or a command's help", ""},
};

static const struct lu_command *find_command(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void print_usage(FILE *f)
{
    fprintf(f, "usage: leadup [--now ISO-8601] [--config FILE] COMMAND [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(f, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'leadup help COMMAND' shows a command's options; leadup(1) has the rest.\n");
}

int lu_cmd_help(struct lu_ctx *ctx, int argc, char **argv)
{
    const struct lu_command *c;

    if (argc < 2) {
        print_usage(stdout);
        return 0;
    }
    c = find_command(argv[1]);
    if (!c)
        return lu_error(EX_USAGE, "no such command '%s' (try 'leadup help')", argv[1]);
    printf("usage: leadup %s\n\n%s.\n\n%s", c->usage, c->summary, c->help);
    return 0;
}

/* Takes the global options out of ARGV wherever they stand (before "--"),
 * so "leadup scan --now X" and "leadup --now X scan" both work. */
static int take_global_options(int *argc, char **argv, const char **now, const char **config)
{
    int out = 1;
    bool rest = false;

    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        const char *val = NULL;

        if (!rest && strcmp(a, "--") == 0) {
            rest = true;
            argv[out++] = argv[i];
            continue;
        }
        if (!rest && (strcmp(a, "--now") == 0 || strncmp(a, "--now=", 6) == 0))
            slot = now;
        else if (!rest && (strcmp(a, "--config") == 0 || strncmp(a, "--config=", 9) == 0))
            slot = config;
        if (!slot) {
            argv[out++] = argv[i];
            continue;
        }
        val = strchr(a, '=');
        if (val) {
            val++;
        } else if (i + 1 < *argc) {
            val = argv[++i];
        } else {
            return lu_error(EX_USAGE, "option '%s' needs a value", a);
        }
        *slot = val;
    }
    *argc = out;
    argv[out] = NULL;
    return 0;
}

void lu_ctx_identity(struct lu_ctx *ctx, const char *primary, const char **others, const char *name)
{
    struct lu_identity *me = &ctx->me;

    if (primary && *primary) {
        lu_identity_add(me, primary);
        g_free(me->primary);
        me->primary = g_strdup(primary);
    }
    for (int i = 0; others && others[i]; i++)
        lu_identity_add(me, others[i]);
    for (int i = 0; ctx->cfg.addresses && ctx->cfg.addresses[i]; i++) {
        lu_identity_add(me, ctx->cfg.addresses[i]);
        if (!me->primary)
            me->primary = g_strdup(ctx->cfg.addresses[i]);
    }
    for (int i = 0; ctx->cfg.domains && ctx->cfg.domains[i]; i++)
        lu_identity_add_domain(me, ctx->cfg.domains[i]);
    g_free(me->name);
    me->name = g_strdup(ctx->cfg.name ? ctx->cfg.name : (name && *name ? name : NULL));
}

int main(int argc, char **argv)
{
    struct lu_ctx ctx = {0};
    const char *now = NULL, *config = NULL;
    const struct lu_command *cmd;
    int ret;

    lu_identity_init(&ctx.me);
    ret = take_global_options(&argc, argv, &now, &config);
    if (ret)
        goto out;
    if (argc < 2) {
        print_usage(stderr);
        ret = EX_USAGE;
        goto out;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        goto out;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("leadup %s\n", LU_VERSION);
        goto out;
    }
    cmd = find_command(argv[1]);
    if (!cmd) {
        ret = lu_error(EX_USAGE, "unknown command '%s' (try 'leadup help')", argv[1]);
        goto out;
    }
    ret = lu_config_load(&ctx.cfg, config);
    if (ret)
        goto out;
    if (now) {
        if (lu_parse_iso(now, ctx.cfg.tz, &ctx.now) < 0) {
            ret = lu_error(EX_USAGE, "bad --now '%s' (want ISO-8601, e.g. 2026-12-03T09:00)", now);
            goto out;
        }
        ctx.now_given = true;
    } else {
        ctx.now = g_get_real_time() / G_USEC_PER_SEC;
    }
    ret = cmd->fn(&ctx, argc - 1, argv + 1);
out:
    /* stdout is the product: a failed flush (full disk, closed pipe) is an error. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (ret == 0)
            ret = lu_error(EX_IOERR, "cannot write standard output: %s", g_strerror(errno));
    }
    lu_identity_clear(&ctx.me);
    lu_config_clear(&ctx.cfg);
    return ret;
}
