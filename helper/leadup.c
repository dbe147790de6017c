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
     "                    for clients without notmuch (classic Mutt); without NAME,\n"
     "                    DIR/NAME for every queue but closed and muted, and DIR/due\n"
     "  --keep-cursor NAME with --muttrc, after a key's action in queue NAME: read the\n"
     "                    message acted on from standard input and leave a jump back\n"
     "                    to its place in FILE instead of the counts\n"
     "  --scan            run 'leadup scan' first\n"
     "  --muttrc FILE     for a mail client's macro: print nothing, always exit 0 and\n"
     "                    leave in FILE one 'echo' line (the counts, or what failed)\n"},
    {"classify", lu_cmd_classify, "classify [--text] [--lines]",
     "explain what a message asks, promises and agrees (JSON)",
     "Reads one RFC 5322 message on standard input and prints its author's own\n"
     "text, each sentence with its labels, reasons and dates, the signature and\n"
     "the message's verdicts as JSON.\n"
     "  --text    standard input is plain text, not a message\n"
     "  --lines   one plain text per line; one JSON object per line\n"},
    {"why", lu_cmd_why, "why [id:MSGID | -] [--format=text|json]",
     "explain a thread's state in plain words",
     "Shows which message defines the thread's state, which sentences and labels,\n"
     "which dates, which rule decided, the cadence stage and your decisions.\n"
     "Without id:MSGID (or with -) it reads the message on standard input.\n"
     "Every command that takes id:MSGID also takes thread:ID (as 'leadup queue'\n"
     "prints it) or any notmuch query naming exactly one thread.\n"},
    {"report", lu_cmd_report, "report [--format=text|json]",
     "the morning digest: queues, what is due, promises this week",
     "Counts per queue, what is due today, the oldest items, promises falling\n"
     "due this week and bounced mail, in 80 columns.\n"},
    {"draft", lu_cmd_draft,
     "draft [id:MSGID | -] [--template NAME] [--lang LANG] [--output FILE | --draftbox DIR]\n"
     "                    [--quote] [--muttrc FILE] [--force]",
     "draft a lead-up reply for a thread (RFC 5322 message)",
     "Reads the thread of the message on standard input (or id:MSGID), decides its\n"
     "state and writes a reply from the template for that state and stage: headers\n"
     "(From, To, Cc, Subject, In-Reply-To, References) and a short text that thanks,\n"
     "names the open ask and proposes a dated next step.  The state and the\n"
     "template used are printed on standard error.\n"
     "  --template NAME   use template NAME (a name, or a file path with a '/')\n"
     "  --lang LANG       write in LANG: en, de, fr or es (default: the thread's\n"
     "                    language, or [draft] language)\n"
     "  --output FILE     write the draft to FILE (mode 0600) instead of stdout\n"
     "  --draftbox DIR    make the maildir DIR hold exactly this draft (flag D),\n"
     "                    for <recall-message>; DIR must hold only leadup's drafts\n"
     "  --quote           quote the message we answer ([draft] quote=true)\n"
     "  --no-quote        do not quote it\n"
     "  --quiet           print nothing on standard error but errors\n"
     "  --muttrc FILE     for a mail client's macro: always exit 0 and leave in FILE\n"
     "                    the lines that recall the draft from --draftbox and one\n"
     "                    'echo' line (the state and template, or what failed)\n"
     "  --force           draft even when the recipient is a no-reply address\n"
     "A no-reply recipient (noreply@, ...) is refused (exit 65) unless --force; a\n"
     "dormant, closed or muted thread, or one in no queue, is drafted with a\n"
     "warning on the first line of standard error (and in the client's line).\n"
     "Templates: $XDG_CONFIG_HOME/leadup/templates/NAME (or [draft] templates=DIR)\n"
     "override the shipped ones; placeholders are listed in leadup(1).\n"},
    {"snooze", lu_cmd_snooze, "snooze WHEN [id:MSGID]",
     "hide a thread until WHEN (a new message wakes it earlier)",
     "WHEN: 'tue', 'tomorrow 10am', '3d', 'next week', '2026-12-03', ... (see\n"
     "leadup(1)).  The message is read from standard input unless id:MSGID is given.\n"
     "When the snooze ends the thread is due.\n"
     "  --ask           ask for WHEN on the terminal (for a mail client's key);\n"
     "                  an empty answer changes nothing\n"
     "  --muttrc FILE   for a mail client's macro: always exit 0 and leave in FILE\n"
     "                  one 'echo' line saying what was done or what failed\n"
     "done, reopen, remind, next-step and mute take --muttrc too; remind and\n"
     "next-step take --ask (next-step then asks for TEXT as well).\n"
     "Every decision is stored before its tags are written: while notmuch's\n"
     "database is locked it says so, exits 0, and the next scan writes the tags.\n"
     "The same decision twice is stored once.\n"},
    {"done", lu_cmd_done, "done [id:MSGID]", "stop tracking a thread until a new message arrives",
     "Marks the thread closed.  A new message in the thread starts tracking again;\n"
     "'leadup mute' stops it for good.\n"},
    {"reopen", lu_cmd_reopen, "reopen [id:MSGID]",
     "undo every decision (done, mute, snooze, remind, next-step) and a decline",
     "The thread is tracked again where its messages alone put it.  'leadup undo'\n"
     "forgets only the last decision.\n"},
    {"remind", lu_cmd_remind, "remind WHEN [id:MSGID]",
     "be reminded at WHEN if my message gets no reply",
     "Tracks my message even if leadup would not (it asks nothing, or went to a\n"
     "list) and makes it awaiting, due at WHEN unless someone answers first.\n"
     "Refused, recording nothing, when someone wrote after my latest message.\n"},
    {"next-step", lu_cmd_next_step, "next-step [--mine] WHEN [TEXT] [id:MSGID]",
     "record an agreed next step with its date",
     "The thread becomes promise-theirs (they owe the next step) or, with --mine,\n"
     "promise-mine, whatever state it was in (muted or declined threads: reopen\n"
     "first); it falls due at the end of WHEN unless the side that owes it\n"
     "writes first.  TEXT says what was agreed.\n"
     "  --mine    the next step is mine\n"},
    {"mute", lu_cmd_mute, "mute [id:MSGID]", "never track this thread ('reopen' undoes it)", ""},
    {"undo", lu_cmd_undo, "undo [id:MSGID]",
     "forget the last decision (on this thread, or the last one taken)",
     "Forgets the last decision taken on the thread of id:MSGID (snooze, done,\n"
     "reopen, remind, next-step or mute), or without id:MSGID the last decision\n"
     "taken on any thread, and decides that thread again at once.  Run again, it\n"
     "forgets the one before.  'leadup reopen' undoes every decision on a thread.\n"
     "thread:ID or search terms naming one thread work as id:MSGID does.  A\n"
     "decision on a message notmuch no longer has is forgotten, and undo says so.\n"},
    {"lint", lu_cmd_lint, "lint [--text] [--format=text|json]",
     "check a draft for chasing, a missing next step, thanks, asks and length",
     "Reads a draft (a message with headers, or plain text) on standard input and\n"
     "prints one line per finding, \"LINE: KIND: MESSAGE\"; quoted text and the\n"
     "signature are skipped.  KIND is chasing, no-next-step, past-date (every date\n"
     "it proposes has passed), no-thanks, many-asks or too-long.  Exits 0 when\n"
     "clean, 1 with findings, 64 on bad input.\n"
     "  --text          standard input is plain text, even if it starts like a header\n"
     "  --format=json   {\"findings\":[{\"line\",\"kind\",\"text\",\"message\"}]}\n"},
    {"setup", lu_cmd_setup, "setup [--hook | --unhook]",
     "show the lines for .neomuttrc/.muttrc; install the notmuch hook",
     "Without options, prints the 'source' lines for NeoMutt and Mutt (the build\n"
     "tree's muttrc.d, or the installed copies) and the post-new hook line.\n"
     "  --hook     add 'leadup scan --quiet' to notmuch's post-new hook\n"
     "             (database.hook_dir), creating it if needed; other content is\n"
     "             kept, and a second run changes nothing; a hook ending in\n"
     "             'exec afew ...' (or exit) gets it just before that line\n"
     "  --unhook   remove exactly the block --hook added\n"
     "  --alternates  print an 'alternates' line of my addresses for the client\n"
     "             (the snippets source it, so the index never shows me as 'who')\n"
     "Keys, sidebar and nm_record_tags: mutt.md in the installed documentation\n"
     "(PREFIX/share/doc/leadup), which 'leadup setup' names.\n"},
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
    const char *now = NULL, *now_env = NULL, *config = NULL;
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
    /* LEADUP_NOW fixes the clock for everything the mail client and the
     * post-new hook run, which cannot pass --now: demos and end-to-end tests
     * at a fixed time without a wrapper script.  --now wins. */
    if (!now && (now_env = g_getenv("LEADUP_NOW")) && *now_env)
        now = now_env;
    if (now) {
        if (lu_parse_iso(now, ctx.cfg.tz, &ctx.now) < 0) {
            ret = lu_error(EX_USAGE, "bad %s '%s' (want ISO-8601, e.g. 2026-12-03T09:00)",
                           now == now_env ? "LEADUP_NOW" : "--now", now);
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
        /* A reader that went away (| head) is not worth a message. */
        if (ret == 0 && errno != EPIPE)
            ret = lu_error(EX_IOERR, "cannot write standard output: %s", g_strerror(errno));
    }
    lu_identity_clear(&ctx.me);
    lu_config_clear(&ctx.cfg);
    return ret;
}
