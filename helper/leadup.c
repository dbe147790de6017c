/* leadup.c - the command table, global options, and the one place where a
 * status becomes the exit code. */
#include "said.h"
#include "store-scan.h"
#include "addr.h"
#include "senders.h"
#include "walk.h"
#include "timeline.h"
#include "tagwriter.h"

#include <errno.h>
#include <string.h>

struct lu_command {
    const char *name;
    int (*fn)(struct lu_ctx *ctx, int argc, char **argv);
    const struct lu_option *options; /* the command's table (cmd-*.c), with its operands */
    const char *summary;
    const char *help; /* what "leadup help CMD" says above the options */
};

static const struct lu_option help_options[] = {LU_OPT_OPERANDS(1, "[COMMAND]", NULL)};

static const struct lu_command commands[] = {
    {"scan", lu_cmd_scan, lu_scan_options, "analyse changed threads and update the leadup/... tags",
     "Looks at the threads that changed since the last scan (notmuch's lastmod),\n"
     "decides each one's state and writes the leadup/... tags in one short write.\n"
     "Exits 75 (EX_TEMPFAIL) when notmuch's write lock is held longer than\n"
     "[scan] lock_wait seconds; the next scan catches up.\n"},
    {"queue", lu_cmd_queue, lu_queue_options,
     "list a queue, oldest first (all queues' counts without NAME)",
     "NAME is one of: awaiting, needs-reply, no-next-step, promise-mine,\n"
     "promise-theirs, bounced, snoozed, closed, dormant, muted; \"due\" lists\n"
     "everything due now.\n"},
    {"classify", lu_cmd_classify, lu_classify_options,
     "explain what a message asks, promises and agrees (JSON)",
     "Reads one RFC 5322 message on standard input and prints its author's own\n"
     "text, each sentence with its labels, reasons and dates, the signature and\n"
     "the message's verdicts as JSON.\n"},
    {"why", lu_cmd_why, lu_why_options, "explain a thread's state in plain words",
     "Shows which message defines the thread's state, which sentences and labels,\n"
     "which dates, which rule decided, the cadence stage and your decisions.\n"
     "Without id:MSGID (or with -) it reads the message on standard input.\n"
     "Every command that takes id:MSGID also takes thread:ID (as 'leadup queue'\n"
     "prints it) or any notmuch query naming exactly one thread.\n"},
    {"report", lu_cmd_report, lu_report_options,
     "the morning digest: queues, what is due, promises this week",
     "Counts per queue, what is due today, the oldest items, promises falling\n"
     "due this week and bounced mail, in 80 columns.\n"},
    {"draft", lu_cmd_draft, lu_draft_options,
     "draft a lead-up reply for a thread (RFC 5322 message)",
     "Reads the thread of the message on standard input (or id:MSGID), decides its\n"
     "state and writes a reply from the template for that state and stage: headers\n"
     "(From, To, Cc, Subject, In-Reply-To, References) and a short text that thanks,\n"
     "names the open ask and proposes a dated next step.  The state and the\n"
     "template used are printed on standard error.\n"
     "A no-reply recipient (noreply@, ...) is refused (exit 65) unless --force; a\n"
     "dormant, closed or muted thread, or one in no queue, is drafted with a\n"
     "warning on the first line of standard error (and in the client's line).\n"
     "Templates: $XDG_CONFIG_HOME/leadup/templates/NAME (or [draft] templates=DIR)\n"
     "override the shipped ones; placeholders are listed in leadup(1).\n"},
    {"snooze", lu_cmd_decide, lu_snooze_options,
     "hide a thread until WHEN (a new message wakes it earlier)",
     "WHEN: 'tue', 'tomorrow 10am', '3d', 'next week', '2026-12-03', ... (see\n"
     "leadup(1)).  The message is read from standard input unless id:MSGID is given.\n"
     "When the snooze ends the thread is due.\n"
     "Every decision is stored before its tags are written: while notmuch's\n"
     "database is locked it says so, exits 0, and the next scan writes the tags.\n"
     "The same decision twice is stored once.\n"},
    {"done", lu_cmd_decide, lu_done_options, "stop tracking a thread until a new message arrives",
     "Marks the thread closed.  A new message in the thread starts tracking again;\n"
     "'leadup mute' stops it for good.\n"},
    {"reopen", lu_cmd_decide, lu_done_options,
     "undo every decision (done, mute, snooze, remind, next-step) and a decline",
     "The thread is tracked again where its messages alone put it.  'leadup undo'\n"
     "forgets only the last decision.\n"},
    {"remind", lu_cmd_decide, lu_snooze_options, "be reminded at WHEN if my message gets no reply",
     "Tracks my message even if leadup would not (it asks nothing, or went to a\n"
     "list) and makes it awaiting, due at WHEN unless someone answers first.\n"
     "Refused, recording nothing, when someone wrote after my latest message.\n"},
    {"next-step", lu_cmd_decide, lu_next_step_options, "record an agreed next step with its date",
     "The thread becomes promise-theirs (they owe the next step) or, with --mine,\n"
     "promise-mine, whatever state it was in (muted or declined threads: reopen\n"
     "first); it falls due at the end of WHEN unless the side that owes it\n"
     "writes first.  TEXT says what was agreed.\n"},
    {"mute", lu_cmd_decide, lu_done_options, "never track this thread ('reopen' undoes it)", ""},
    {"undo", lu_cmd_undo, lu_undo_options,
     "forget the last decision (on this thread, or the last one taken)",
     "Forgets the last decision taken on the thread of id:MSGID (snooze, done,\n"
     "reopen, remind, next-step or mute), or without id:MSGID the last decision\n"
     "taken on any thread, and decides that thread again at once.  Run again, it\n"
     "forgets the one before.  'leadup reopen' undoes every decision on a thread.\n"
     "thread:ID or search terms naming one thread work as id:MSGID does.  A\n"
     "decision on a message notmuch no longer has is forgotten, and undo says so.\n"},
    {"lint", lu_cmd_lint, lu_lint_options,
     "check a draft for chasing, a missing next step, thanks, asks and length",
     "Reads a draft (a message with headers, or plain text) on standard input and\n"
     "prints one line per finding, \"LINE: KIND: MESSAGE\"; quoted text and the\n"
     "signature are skipped.  KIND is chasing, no-next-step, past-date (every date\n"
     "it proposes has passed), no-thanks, many-asks or too-long.  Exits 0 when\n"
     "clean, 1 with findings, 64 on bad input.\n"},
    {"setup", lu_cmd_setup, lu_setup_options,
     "show the lines for .neomuttrc/.muttrc; install the notmuch hook",
     "Without options, prints the 'source' lines for NeoMutt and Mutt (the build\n"
     "tree's muttrc.d, or the installed copies) and the post-new hook line.\n"
     "Keys, sidebar and nm_record_tags: mutt.md in the installed documentation\n"
     "(PREFIX/share/doc/leadup), which 'leadup setup' names.\n"},
    {"help", lu_cmd_help, help_options, "show this list, or a command's help", ""},
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
    fprintf(f, "\n'leadup help COMMAND' (or 'leadup COMMAND --help') shows a command's options;\n"
               "leadup(1) has the rest.\n");
}

/* A command's help, made from its table: "leadup CMD --help" and "leadup
 * help CMD" print the same. */
static void print_command_help(const struct lu_command *c)
{
    char *usage = lu_options_usage(c->name, c->options);
    char *opts = lu_options_help(c->options);

    printf("usage: %s\n\n%s.\n\n%s%s%s", usage, c->summary, c->help, *c->help ? "\n" : "", opts);
    g_free(opts);
    g_free(usage);
}

int lu_cmd_help(struct lu_ctx *ctx, int argc, char **argv)
{
    const struct lu_command *c;
    int ret = lu_parse_options(ctx, help_options, NULL, &argc, argv);

    if (ret)
        return ret;
    if (argc < 2) {
        print_usage(stdout);
        return 0;
    }
    c = find_command(argv[1]);
    if (!c)
        return lu_error(EX_USAGE, "no such command '%s' (try 'leadup help')", argv[1]);
    print_command_help(c);
    return 0;
}

void lu_answer(struct lu_ctx *ctx, const char *lines, const char *message, const char *failure)
{
    if (!ctx->answer.file)
        return;
    ctx->answer.failure = failure;
    g_free(ctx->answer.lines);
    g_free(ctx->answer.message);
    ctx->answer.lines = g_strdup(lines);
    ctx->answer.message = g_strdup(message);
}

/* From a client macro: the command's answer (or what failed) goes to the
 * client's file, and the macro sees exit 0, so that no "Press any key"
 * prompt eats its next keys.  RET is the command's status. */
static int answer_client(struct lu_ctx *ctx, int ret)
{
    struct lu_answer *a = &ctx->answer;
    const char *failure = a->failure ? a->failure : lu_muttrc_failure(ret);

    if (lu_write_muttrc(a->file, ret ? NULL : a->lines, ret ? failure : a->message) == 0)
        ret = 0;
    return ret;
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

/* The clock: NOW (--now), else LEADUP_NOW, else the real one.  LEADUP_NOW
 * fixes the clock for everything the mail client and the post-new hook
 * run, which cannot pass --now: demos and end-to-end tests at a fixed time
 * without a wrapper script.  --now wins. */
static int set_clock(struct lu_ctx *ctx, const char *now)
{
    const char *now_env = NULL;

    if (!now && (now_env = g_getenv("LEADUP_NOW")) && *now_env)
        now = now_env;
    if (!now) {
        ctx->now = g_get_real_time() / G_USEC_PER_SEC;
        return 0;
    }
    if (lu_parse_iso(now, ctx->cfg.tz, &ctx->now) < 0)
        return lu_error(EX_USAGE, "bad %s '%s' (want ISO-8601, e.g. 2026-12-03T09:00)",
                        now == now_env ? "LEADUP_NOW" : "--now", now);
    ctx->now_given = true;
    return 0;
}

/* What the tests of issue 14 count: the work a command did, which no
 * clock measures (files parsed, sqlite's virtual-machine steps); and the
 * knobs that let them see it with small inputs. */
static void read_debug_env(void)
{
    lu_debug_counts = g_getenv("LEADUP_DEBUG_COUNTS") != NULL;
    lu_debug_read_all = g_getenv("LEADUP_DEBUG_READ_ALL") != NULL;
    lu_debug_no_fresh = g_getenv("LEADUP_DEBUG_NO_FRESH") != NULL;
    lu_debug_no_bulk = g_getenv("LEADUP_DEBUG_NO_BULK") != NULL;
    lu_debug_no_termfreq = g_getenv("LEADUP_DEBUG_NO_TERMFREQ") != NULL;
    lu_debug_no_xaddr = g_getenv("LEADUP_DEBUG_NO_XADDR") != NULL;
    lu_debug_no_xdates = g_getenv("LEADUP_DEBUG_NO_XDATES") != NULL;
    lu_debug_no_docmark = g_getenv("LEADUP_DEBUG_NO_DOCMARK") != NULL;
    lu_debug_no_base = g_getenv("LEADUP_DEBUG_NO_BASE") != NULL;
    lu_debug_no_above = g_getenv("LEADUP_DEBUG_NO_ABOVE") != NULL;
    lu_debug_whole_senders = g_getenv("LEADUP_DEBUG_WHOLE_SENDERS") != NULL;
    lu_debug_no_refterms = g_getenv("LEADUP_DEBUG_NO_REFTERMS") != NULL;
    lu_debug_no_plain_addr = g_getenv("LEADUP_DEBUG_NO_PLAIN_ADDR") != NULL;
    lu_debug_no_values = g_getenv("LEADUP_DEBUG_NO_VALUES") != NULL;
    lu_debug_no_rows = g_getenv("LEADUP_DEBUG_NO_ROWS") != NULL;
    lu_debug_no_kept_walk = g_getenv("LEADUP_DEBUG_NO_KEPT_WALK") != NULL;
    lu_debug_walk_whole = g_getenv("LEADUP_DEBUG_WALK_WHOLE") != NULL;
    lu_debug_no_recent_rows = g_getenv("LEADUP_DEBUG_NO_RECENT_ROWS") != NULL;
    lu_debug_no_xwalk = g_getenv("LEADUP_DEBUG_NO_XWALK") != NULL;
    lu_debug_walk_again = g_getenv("LEADUP_DEBUG_WALK_AGAIN") != NULL;
    lu_debug_read_not_mine = g_getenv("LEADUP_DEBUG_READ_NOT_MINE") != NULL;
    lu_debug_prune_all = g_getenv("LEADUP_DEBUG_PRUNE_ALL") != NULL;
    lu_tl_init();
    lu_tl_mark("main: options read");
    if (g_getenv("LEADUP_DEBUG_SLICE"))
        lu_slice_messages = (unsigned)g_ascii_strtoull(g_getenv("LEADUP_DEBUG_SLICE"), NULL, 10);
    if (g_getenv("LEADUP_DEBUG_BATCH"))
        lu_thread_batch = (unsigned)g_ascii_strtoull(g_getenv("LEADUP_DEBUG_BATCH"), NULL, 10);
}

/* LEADUP_DEBUG_COUNTS: the senders' histories' counts, on stderr. */
static void print_sender_counts(void)
{
    fprintf(stderr, "leadup: senders' histories: %u counts\n", lu_sender_counts);
    fprintf(stderr,
            "leadup: senders' counts from Xapian's postings: %" G_GUINT64_FORMAT
            ", notmuch count queries: %" G_GUINT64_FORMAT "\n",
            lu_addr_counts, lu_count_queries);
    fprintf(stderr,
            "leadup: date windows counted from the dates read once: %" G_GUINT64_FORMAT "\n",
            lu_dated_counts);
    fprintf(stderr, "leadup: senders' histories kept: %u read, %u with the messages since\n",
            lu_sender_kept, lu_sender_since);
    fprintf(stderr,
            "leadup: messages added since the senders' histories: %" G_GUINT64_FORMAT
            " read for their ids, %" G_GUINT64_FORMAT " told by number\n",
            lu_since_read, lu_since_above);
    fprintf(stderr,
            "leadup: messages added whose From and To terms were read by number: %" G_GUINT64_FORMAT
            "\n",
            lu_terms_above);
    fprintf(stderr,
            "leadup: senders' histories brought forward: %u runs, %u messages, %u counts, "
            "%u kept rows read, %u taken\n",
            lu_forward_runs, lu_forward_msgs, lu_forward_counts, lu_senders_rows, lu_forward_kept);
}

/* LEADUP_DEBUG_COUNTS: the counts, on stderr. */
static void print_debug_counts(void)
{
    fprintf(stderr,
            "leadup: counts: %" G_GUINT64_FORMAT " files parsed, %" G_GUINT64_FORMAT
            " sqlite steps\n",
            lu_mime_parses, lu_store_steps);
    fprintf(stderr,
            "leadup: rows read: %" G_GUINT64_FORMAT " decisions, %" G_GUINT64_FORMAT
            " delivery failures\n",
            lu_decision_rows, lu_bounce_rows);
    fprintf(stderr, "leadup: items read: %" G_GUINT64_FORMAT "\n", lu_item_rows);
    fprintf(stderr, "leadup: queue rows read from the store one at a time: %" G_GUINT64_FORMAT "\n",
            lu_queue_streamed);
    fprintf(stderr, "leadup: analysed on the main thread: %" G_GUINT64_FORMAT " texts\n",
            lu_analyses);
    fprintf(stderr, "leadup: held at most: %u thread plans\n", lu_plans_held);
    fprintf(stderr,
            "leadup: analysis cache: %" G_GUINT64_FORMAT " look-ups, %" G_GUINT64_FORMAT " found\n",
            lu_cache_lookups, lu_cache_hits);
    fprintf(stderr, "leadup: analysed ahead: %u texts, %u not used\n", lu_ahead_analysed,
            lu_ahead_unused);
    fprintf(stderr, "leadup: rows of messages gone: %u looked for, %u scans began with none\n",
            lu_prunes_done, lu_prunes_skipped);
    print_sender_counts();
    fprintf(stderr, "leadup: order of day and month: %" G_GUINT64_FORMAT " texts read\n",
            lu_date_orders);
    fprintf(stderr, "leadup: notmuch counts: %" G_GUINT64_FORMAT " messages counted\n",
            lu_count_matches);
    fprintf(stderr, "leadup: tags counted by term frequency: %" G_GUINT64_FORMAT "\n",
            lu_tag_freqs);
    fprintf(stderr, "leadup: lastmod ranges read: %" G_GUINT64_FORMAT "\n", lu_lastmod_reads);
    fprintf(stderr, "leadup: changes told by document ids: %" G_GUINT64_FORMAT "\n",
            lu_changed_by_docid);
    fprintf(stderr,
            "leadup: answers of one second: %" G_GUINT64_FORMAT " from terms, %" G_GUINT64_FORMAT
            " from files\n",
            lu_refs_by_terms, lu_refs_by_files);
    fprintf(stderr, "leadup: plain senders read without GMime: %" G_GUINT64_FORMAT "\n",
            lu_plain_addrs);
    fprintf(stderr, "leadup: messages' values read from the value streams: %" G_GUINT64_FORMAT "\n",
            lu_values_kept);
    fprintf(stderr,
            "leadup: messages taken as kept, not read from notmuch: %" G_GUINT64_FORMAT "\n",
            lu_rows_used);
    fprintf(stderr,
            "leadup: date slices: %" G_GUINT64_FORMAT ", at most %" G_GUINT64_FORMAT
            " messages in one, %" G_GUINT64_FORMAT " threads met again\n",
            lu_slices, lu_slice_most, lu_threads_again);
    fprintf(stderr, "leadup: walk order: %016" G_GINT64_MODIFIER "x\n", lu_walk_order);
    fprintf(stderr,
            "leadup: walked messages read from Xapian: %" G_GUINT64_FORMAT
            "\nleadup: walked messages not read again in their own slice: %" G_GUINT64_FORMAT "\n",
            lu_xwalk_read, lu_walk_skipped);
    fprintf(
        stderr,
        "leadup: threads left unread, written to nobody of mine by the index: %" G_GUINT64_FORMAT
        "\n",
        lu_not_to_me);
    fprintf(stderr,
            "leadup: the walk's not-to-me set: %" G_GUINT64_FORMAT
            " added, at most %" G_GUINT64_FORMAT " held, %" G_GUINT64_FORMAT
            " left at the walk's end\n",
            lu_not_to_me_added, lu_not_to_me_most, lu_not_to_me_left);
    fprintf(stderr, "leadup: tag batches written during the walk: %" G_GUINT64_FORMAT "\n",
            lu_tagwriter_batches);
    fprintf(stderr, "leadup: threads from the kept walk: %" G_GUINT64_FORMAT "\n",
            lu_walk_replayed);
    fprintf(stderr,
            "leadup: threads read again as changed since the kept walk: %" G_GUINT64_FORMAT "\n",
            lu_walk_fresh);
    fprintf(stderr,
            "leadup: notmuch reads: %" G_GUINT64_FORMAT " thread queries, %" G_GUINT64_FORMAT
            " messages\n",
            lu_thread_queries, lu_messages_read);
    fprintf(stderr, "leadup: cue patterns compiled: %u\n", lu_cue_compiles);
    fprintf(stderr, "leadup: time zones: %u read as kept, %u built by GLib\n", lu_tz_kept,
            lu_tz_built);
    fprintf(stderr,
            "leadup: GMime messages built: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
            " files parsed\n",
            lu_mime_messages, lu_mime_parses);
    fprintf(stderr,
            "leadup: files read without GMime's parser: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
            " files parsed\n",
            lu_mime_plain, lu_mime_parses);
    fprintf(stderr,
            "leadup: dates read without GMime's parser: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
            " dates\n",
            lu_mime_dates_plain, lu_mime_dates);
    fprintf(stderr,
            "leadup: own texts extracted: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
            " files parsed\n",
            lu_own_texts, lu_mime_parses);
    fprintf(stderr, "leadup: texts split again to compare: %" G_GUINT64_FORMAT "\n",
            lu_said_splits);
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
    if (lu_options_want_help(cmd->options, argc - 1, argv + 1)) {
        print_command_help(cmd);
        goto out;
    }
    ret = lu_config_load(&ctx.cfg, config);
    if (ret)
        goto out;
    ret = set_clock(&ctx, now);
    if (ret)
        goto out;
    read_debug_env();
    ret = cmd->fn(&ctx, argc - 1, argv + 1);
    lu_tl_mark("main: command done");
    if (ctx.answer.file)
        ret = answer_client(&ctx, ret);
    if (lu_debug_counts)
        print_debug_counts();
out:
    /* stdout is the product: a failed flush (full disk, closed pipe) is an error. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        /* A reader that went away (| head) is not worth a message. */
        if (ret == 0 && errno != EPIPE)
            ret = lu_error(EX_IOERR, "cannot write standard output: %s", g_strerror(errno));
    }
    g_free(ctx.answer.lines);
    g_free(ctx.answer.message);
    lu_identity_clear(&ctx.me);
    lu_config_clear(&ctx.cfg);
    lu_tl_mark("main: returns");
    lu_tl_usage("main");
    return ret;
}
