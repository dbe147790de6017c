/* cmd-decide.c - the user's decisions: snooze, done, reopen, remind,
 * next-step, mute.  They share everything but their arguments, so they
 * share this file: each reads its WHEN, stores the decision by Message-ID
 * (kept forever, surviving rescans and rebuilt databases), then decides
 * the thread again and writes its tags at once. */
#include "leadup.h"
#include "timefmt.h"
#include "view.h"
#include "when.h"

#include <errno.h>
#include <string.h>

struct decide_args {
    enum lu_decision_kind kind;
    bool mine;
    char *when_text; /* owned */
    char *text;      /* next-step TEXT, owned */
    char *id;        /* id:MSGID, a query naming one thread, or NULL; owned */
    struct lu_when when;
    bool ask;           /* --ask: WHEN (and TEXT) come from the terminal */
    const char *muttrc; /* --muttrc FILE: for a client macro (ctx->answer.file) */
};

#define MUTTRC_HELP                                                                                \
    "for a mail client's macro: always exit 0 and leave in\n"                                      \
    "FILE one 'echo' line saying what was done or what failed"
#define ASK_HELP                                                                                   \
    "ask for WHEN on the terminal (for a mail client's key);\n"                                    \
    "an empty answer changes nothing"

const struct lu_option lu_snooze_options[] = {
    LU_OPT_FLAG("ask", 0, struct decide_args, ask, true, ASK_HELP),
    LU_OPT_MUTTRC(MUTTRC_HELP),
    LU_OPT_OPERANDS(LU_OPERANDS_ANY, "WHEN [id:MSGID]", NULL),
};
const struct lu_option lu_done_options[] = {
    LU_OPT_MUTTRC(MUTTRC_HELP),
    LU_OPT_OPERANDS(LU_OPERANDS_TARGETS, "[id:MSGID]", NULL),
};
const struct lu_option lu_next_step_options[] = {
    LU_OPT_FLAG("mine", 0, struct decide_args, mine, true, "the next step is mine"),
    LU_OPT_FLAG("ask", 0, struct decide_args, ask, true,
                "ask for WHEN, then TEXT, on the terminal (for a mail\n"
                "client's key); an empty WHEN changes nothing"),
    LU_OPT_MUTTRC(MUTTRC_HELP),
    LU_OPT_OPERANDS(LU_OPERANDS_ANY, "WHEN [TEXT] [id:MSGID]", NULL),
};
const struct lu_option lu_undo_options[] = {
    LU_OPT_OPERANDS(LU_OPERANDS_TARGETS, "[id:MSGID]", NULL),
};

static char *fmt_time(struct lu_ctx *ctx, gint64 t)
{
    return lu_format_minute(t, ctx->cfg.tz);
}

/* When a day-long WHEN starts for a reminder: the start of working hours. */
static gint64 wake_time(struct lu_ctx *ctx, const struct lu_when *w)
{
    GDateTime *l, *d;
    gint64 t;

    if (w->has_time || w->span == LU_SPAN_MOMENT)
        return w->start;
    l = lu_local_time(w->start, ctx->cfg.tz);
    d = g_date_time_new(ctx->cfg.tz, g_date_time_get_year(l), g_date_time_get_month(l),
                        g_date_time_get_day_of_month(l), ctx->cfg.cal.work_start / 60,
                        ctx->cfg.cal.work_start % 60, 0);
    t = g_date_time_to_unix(d);
    g_date_time_unref(d);
    g_date_time_unref(l);
    return t;
}

/* WORDS[FROM..TO) joined by spaces.  Caller frees. */
static char *join_words(GPtrArray *words, guint from, guint to)
{
    GString *s = g_string_new(NULL);

    for (guint i = from; i < to; i++)
        g_string_append_printf(s, "%s%s", i > from ? " " : "", (char *)g_ptr_array_index(words, i));
    return g_string_free(s, FALSE);
}

/* Reads WHEN from WORDS: all of them, or (REST_IS_TEXT) the longest
 * leading run that is a WHEN, the rest being the next step's TEXT. */
static int parse_when(struct lu_ctx *ctx, GPtrArray *words, bool rest_is_text,
                      struct decide_args *a)
{
    GDateTime *ref = lu_local_time(ctx->now, ctx->cfg.tz);
    guint used = 0;
    char *all = NULL;
    int ret = 0;

    for (guint k = words->len; k > 0 && !used; k--) {
        char *cand;
        if (!rest_is_text && k != words->len)
            break;
        cand = join_words(words, 0, k);
        if (lu_when_read(cand, ref, &ctx->cfg.cal, &a->when) == 0) {
            used = k;
            a->when_text = cand;
        } else {
            g_free(cand);
        }
    }
    if (!used) {
        all = join_words(words, 0, words->len);
        ret = lu_error(EX_USAGE,
                       "%s: cannot read WHEN '%s' (try 'tue', '3d', 'next week', 'tomorrow 10am', "
                       "'2026-12-03')",
                       lu_decision_name(a->kind), all);
        goto out;
    }
    if (a->when.end < ctx->now) {
        ret = lu_error(EX_USAGE, "%s: WHEN '%s' is in the past", lu_decision_name(a->kind),
                       a->when_text);
        goto out;
    }
    if (used < words->len)
        a->text = join_words(words, used, words->len);
out:
    g_free(all);
    g_date_time_unref(ref);
    return ret;
}

static int parse_args(struct lu_ctx *ctx, int argc, char **argv, struct decide_args *a)
{
    GPtrArray *words = g_ptr_array_new();
    const char *name = lu_decision_name(a->kind);
    bool takes_when = a->kind == LU_D_SNOOZE || a->kind == LU_D_REMIND || a->kind == LU_D_NEXT_STEP;
    int ret;

    ret = lu_parse_options(ctx,
                           a->kind == LU_D_NEXT_STEP ? lu_next_step_options
                           : takes_when              ? lu_snooze_options
                                                     : lu_done_options,
                           a, &argc, argv);
    a->muttrc = ctx->answer.file;
    if (ret)
        goto out;
    for (int i = 1; i < argc; i++) {
        if (!lu_target_word(argv[i])) {
            g_ptr_array_add(words, argv[i]);
        } else if (!a->id) {
            a->id = g_strdup(argv[i]);
        } else if (g_str_has_prefix(a->id, "id:") || g_str_has_prefix(argv[i], "id:")) {
            ret =
                lu_error(EX_USAGE, "%s: give one message, not '%s' and '%s'", name, a->id, argv[i]);
            goto out;
        } else {
            /* Several search terms ("from:ann subject:figures") narrow one query. */
            char *q = g_strdup_printf("%s and %s", a->id, argv[i]);
            g_free(a->id);
            a->id = q;
        }
    }
    if (a->ask && words->len) {
        ret = lu_error(EX_USAGE, "%s: give WHEN or --ask, not both", name);
        goto out;
    }
    if (takes_when && !words->len && !a->ask) {
        ret = lu_error(EX_USAGE, "%s: WHEN is missing (see 'leadup help %s')", name, name);
        goto out;
    }
    if (takes_when && !a->ask)
        ret = parse_when(ctx, words, a->kind == LU_D_NEXT_STEP, a);
out:
    g_ptr_array_free(words, TRUE);
    return ret;
}

/* S for one line on a terminal: control and format characters (escape
 * sequences, bidi overrides) become '?', at most MAX characters.  Caller frees. */
static char *tty_safe(const char *s, int max)
{
    char *v = g_utf8_make_valid(s ? s : "", -1);
    GString *out = g_string_new(NULL);
    const char *p = v;

    for (int n = 0; *p && n < max; p = g_utf8_next_char(p), n++) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_iscntrl(c) || g_unichar_type(c) == G_UNICODE_FORMAT)
            g_string_append_c(out, '?');
        else
            g_string_append_unichar(out, c);
    }
    if (*p)
        g_string_append(out, "\xe2\x80\xa6"); /* … */
    g_free(v);
    return g_string_free(out, FALSE);
}

/* One line typed on TTY after PROMPT, trimmed; NULL at end of input.  Caller frees. */
static char *tty_line(FILE *tty, const char *prompt)
{
    char *line = NULL, *s = NULL;
    size_t cap = 0;

    fputs(prompt, tty);
    fflush(tty);
    if (getline(&line, &cap, tty) >= 0)
        s = g_strdup(lu_strtrim(line));
    free(line);
    return s;
}

/* --ask: reads WHEN (and next-step's TEXT) on the terminal, which the
 * client hands over while it pipes the message to us.  A WHEN that does
 * not read asks again (three times); an empty line cancels (*CANCELLED).
 * On failure *FAILURE is the client's line (static). */
static int ask_when(struct lu_ctx *ctx, struct decide_args *a, const char *subject, bool *cancelled,
                    const char **failure)
{
    const char *name = lu_decision_name(a->kind);
    const char *prompt = a->kind == LU_D_SNOOZE   ? "Snooze until"
                         : a->kind == LU_D_REMIND ? "Remind me if no reply by"
                                                  : "Next step due";
    char *safe = tty_safe(subject, 60), *line = NULL, *full;
    FILE *tty = fopen("/dev/tty", "r+");
    int ret = EX_USAGE;

    *cancelled = false;
    if (!tty) {
        ret = lu_error(EX_USAGE, "%s --ask: no terminal to ask on: %s", name, g_strerror(errno));
        *failure = "leadup: no terminal to ask WHEN on; nothing changed";
        goto out;
    }
    /* The client left its last screen behind: start from a clear one so
     * the question does not mix with older output. */
    fprintf(tty, "\033[H\033[2Jleadup %s%s: \"%s\"\n", name, a->mine ? " (mine)" : "", safe);
    full = g_strdup_printf("%s (tue, 3d, next week, 2026-12-03 14:00; empty cancels): ", prompt);
    for (int tries = 0; tries < 3 && ret; tries++) {
        GPtrArray *words;
        char **parts;

        g_free(line);
        line = tty_line(tty, full);
        if (!line || !*line) {
            *cancelled = true;
            ret = 0;
            break;
        }
        words = g_ptr_array_new();
        parts = g_strsplit_set(line, " \t", -1);
        for (int i = 0; parts[i]; i++)
            if (*parts[i])
                g_ptr_array_add(words, parts[i]);
        g_clear_pointer(&a->when_text, g_free);
        ret = parse_when(ctx, words, false, a); /* prints why it cannot */
        g_ptr_array_free(words, TRUE);
        g_strfreev(parts);
    }
    g_free(full);
    if (ret)
        *failure = "leadup: WHEN was not understood; nothing changed";
    if (!ret && !*cancelled && a->kind == LU_D_NEXT_STEP) {
        g_free(line);
        line = tty_line(tty, "What was agreed (optional): ");
        if (line && *line)
            a->text = g_strdup(line);
    }
out:
    g_clear_pointer(&tty, fclose);
    LU_FREE_EACH(g_free, line, safe);
    return ret;
}

static const char *subject_of(struct lu_thread_view *tv)
{
    for (guint i = 0; i < tv->msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(tv->msgs, i);
        if (m->subject && *m->subject)
            return m->subject;
    }
    return "(no subject)";
}

/* "awaiting, due Thu 19 Nov 2026 10:00" - the thread's state after the decision. */
static char *state_str(struct lu_ctx *ctx, const struct lu_verdict *v)
{
    char *t, *s;

    if (v->state == LU_ST_NONE)
        return g_strdup("in no queue");
    if (!v->sched.due_at)
        return g_strdup(lu_state_name(v->state));
    t = fmt_time(ctx, v->sched.due_at);
    s = g_strdup_printf("%s, %s %s", lu_state_name(v->state), v->sched.due ? "due since" : "due",
                        t);
    g_free(t);
    return s;
}

/* Stores D on TV's thread (once: the same decision again is the one
 * already stored) and writes its tags.  Stored, it is pending until its
 * tags are written, so a lock that does not come, a failure or a kill
 * leaves it for the next scan; what the user hears says so (*LOCKED: the
 * client's line, caller frees), and EX_TEMPFAIL ("nothing changed") is
 * kept for when nothing was stored.  On failure after storing, *FAILURE
 * is the client's line (static). */
static int store(struct lu_ctx *ctx, struct lu_thread_view *tv, struct lu_decision *d,
                 char **locked, const char **failure)
{
    const char *name = lu_decision_name(d->kind);
    GPtrArray *mids = g_ptr_array_new();
    char *note = NULL;
    bool repeat;
    int ret;

    for (guint i = 0; i < tv->msgs->len; i++)
        g_ptr_array_add(mids, ((struct lu_msg *)g_ptr_array_index(tv->msgs, i))->mid);
    ret = lu_need_identity(ctx);
    /* The tags' write open runs while the journal syncs (view.h), when
     * the view was not read through it. */
    if (!ret && !lu_db_writable(tv->db))
        lu_db_write_ahead();
    if (!ret)
        ret = lu_store_add_decision(tv->store, mids, d, &repeat);
    if (ret)
        goto out;
    note = g_strdup_printf("%s stored; the tag follows on the next scan: the notmuch database "
                           "is locked by another program",
                           name);
    /* The lock wait says this instead of "nothing changed". */
    lu_db_lock_note(note);
    ret = lu_thread_view_commit(ctx, tv);
    lu_db_lock_note(NULL);
    if (ret == EX_TEMPFAIL) {
        *locked = g_strconcat("leadup: ", note, NULL);
        ret = 0;
    } else if (ret) {
        lu_warning("%s stored; its tag follows on the next scan", name);
        *failure = "leadup: decision stored; its tag follows on the next scan (notmuch failed: "
                   "run the command in a shell to see why)";
    }
out:
    lu_db_write_ahead_drop(); /* not taken: no tag to write, or a failure */
    g_free(note);
    g_ptr_array_free(mids, TRUE);
    return ret;
}

/* The message a reminder tracks: the one asked about when it is mine,
 * else my latest in the thread (*MID borrowed from TV).  None: the
 * refusal, with *FAILURE the client's line (static). */
static int remind_target(struct lu_thread_view *tv, char **mid, const char **failure)
{
    struct lu_msg *target = g_ptr_array_index(tv->msgs, tv->target);
    int mine = -1;

    if (target->mine) {
        *mid = tv->mid;
        return 0;
    }
    for (guint i = 0; i < tv->msgs->len; i++)
        if (((struct lu_msg *)g_ptr_array_index(tv->msgs, i))->mine)
            mine = (int)i;
    if (mine < 0) {
        *failure = "leadup: remind: no message of yours in this thread to track; nothing changed";
        return lu_error(EX_USAGE, "remind: no message of yours in this thread to track");
    }
    *mid = ((struct lu_msg *)g_ptr_array_index(tv->msgs, mine))->mid;
    return 0;
}

/* remind and next-step must visibly move the thread (leadup(1)'s
 * precedence): D is tried before it is stored, and refused with the rule
 * that still holds when it would not.  On refusal *FAILURE is the client's
 * line (static). */
static int check_moves(struct lu_ctx *ctx, struct lu_thread_view *tv, struct lu_decision *d,
                       const char **failure)
{
    const char *name = lu_decision_name(d->kind);
    struct lu_verdict v = {0};
    int want = d->kind == LU_D_REMIND ? LU_ST_AWAITING
               : d->mine              ? LU_ST_PROMISE_MINE
                                      : LU_ST_PROMISE_THEIRS;
    int last = -1, ret = 0;

    lu_thread_view_trial(ctx, tv, d, &v);
    for (guint i = 0; i < tv->msgs->len; i++)
        if (lu_msg_meaningful(g_ptr_array_index(tv->msgs, i)))
            last = (int)i;
    if ((int)v.state == want)
        goto out;
    if (d->kind == LU_D_REMIND && last >= 0 &&
        !((struct lu_msg *)g_ptr_array_index(tv->msgs, last))->mine) {
        *failure = "leadup: remind: they wrote after your message, there is no reply to wait "
                   "for (snooze brings it back); nothing changed";
        ret = lu_error(EX_USAGE,
                       "remind: someone wrote after your latest message, so there is no reply to "
                       "wait for (the thread is %s; 'leadup snooze' brings it back at WHEN); "
                       "nothing recorded",
                       lu_state_name(v.state));
    } else {
        *failure = v.state == LU_ST_MUTED || v.state == LU_ST_CLOSED
                       ? "leadup: the thread is muted or closed: reopen it first; nothing changed"
                       : "leadup: this would not move the thread (leadup why says what holds "
                         "it); nothing changed";
        ret = lu_error(
            EX_USAGE, "%s: the thread would stay %s (%s)%s; nothing recorded", name,
            v.state == LU_ST_NONE ? "in no queue" : lu_state_name(v.state), lu_rule_text(v.rule),
            v.state == LU_ST_MUTED || v.state == LU_ST_CLOSED ? "; 'leadup reopen' it first" : "");
    }
out:
    lu_verdict_clear(&v);
    return ret;
}

/* The client's line for decision A, taken: leadup's own words (T: its
 * time, STATE: the thread's state after it).  Caller frees. */
static char *client_line(const struct decide_args *a, const char *t, const char *state)
{
    switch (a->kind) {
    case LU_D_SNOOZE:
        return g_strdup_printf("leadup: snoozed until %s (a new message wakes it earlier)", t);
    case LU_D_DONE:
        return g_strdup("leadup: done: no longer tracked until a new message arrives");
    case LU_D_REOPEN:
        return g_strdup_printf("leadup: reopened: %s", state);
    case LU_D_REMIND:
        return g_strdup_printf("leadup: will remind you on %s if no reply comes: %s", t, state);
    case LU_D_NEXT_STEP:
        return g_strdup_printf("leadup: next step (%s) recorded: %s", a->mine ? "yours" : "theirs",
                               state);
    case LU_D_MUTE:
        return g_strdup("leadup: muted: leadup will not track it (reopen undoes this)");
    default:
        return NULL;
    }
}

/* The same on the terminal, naming the thread. */
static void print_done(struct lu_thread_view *tv, const struct decide_args *a, const char *t,
                       const char *state)
{
    switch (a->kind) {
    case LU_D_SNOOZE:
        printf("snoozed \"%s\" until %s (a new message wakes it earlier)\n", subject_of(tv), t);
        break;
    case LU_D_DONE:
        printf("done with \"%s\": no longer tracked until a new message arrives\n", subject_of(tv));
        break;
    case LU_D_REOPEN:
        printf("reopened \"%s\": %s\n", subject_of(tv), state);
        break;
    case LU_D_REMIND:
        printf("will remind you about \"%s\" on %s if no reply comes: %s\n", subject_of(tv), t,
               state);
        break;
    case LU_D_NEXT_STEP:
        printf("next step for \"%s\" (%s) by %s%s%s: %s\n", subject_of(tv),
               a->mine ? "yours" : "theirs", t, a->text ? " - " : "", a->text ? a->text : "",
               state);
        break;
    case LU_D_MUTE:
        printf("muted \"%s\": leadup will not track it ('leadup reopen' undoes this)\n",
               subject_of(tv));
        break;
    default:
        break;
    }
}

/* What the six decision commands share: read the thread, check and store
 * KIND, write its tags, answer the client. */
static int record_decision(struct lu_ctx *ctx, enum lu_decision_kind kind, int argc, char **argv)
{
    struct decide_args a = {.kind = kind};
    struct lu_thread_view tv = {0};
    struct lu_decision d = {0};
    char *t = NULL, *state = NULL, *said = NULL;
    const char *failure = NULL;
    bool cancelled = false;
    int ret;

    ret = parse_args(ctx, argc, argv, &a);
    /* remind reads who wrote what, and remind and next-step try the
     * decision on the verdict (check_moves); the others read nothing of
     * the verdict before the commit decides again.  Read through the
     * handle that writes the tags (view.h), but not while the user is
     * asked for WHEN: notmuch's write lock would wait for the answer. */
    if (!ret && a.ask)
        ret = kind == LU_D_REMIND || kind == LU_D_NEXT_STEP
                  ? lu_thread_view(ctx, a.id, &tv)
                  : lu_thread_view_unruled(ctx, a.id, &tv);
    else if (!ret)
        ret = lu_thread_view_writing(ctx, a.id, kind == LU_D_REMIND || kind == LU_D_NEXT_STEP, &tv);
    /* What would be refused is refused before WHEN is asked for. */
    if (!ret && kind == LU_D_REMIND)
        ret = remind_target(&tv, &d.mid, &failure);
    if (!ret && a.ask)
        ret = ask_when(ctx, &a, subject_of(&tv), &cancelled, &failure);
    if (ret)
        goto out;
    if (cancelled) {
        said = g_strdup_printf("leadup: %s cancelled; nothing changed", lu_decision_name(kind));
        if (!a.muttrc)
            printf("%s\n", said + strlen("leadup: "));
        goto out;
    }
    d.kind = kind;
    if (!d.mid)
        d.mid = tv.mid;
    d.taken = ctx->now;
    d.latest = ((struct lu_msg *)g_ptr_array_index(tv.msgs, tv.msgs->len - 1))->mid;
    d.mine = a.mine;
    d.text = a.text;
    if (kind == LU_D_SNOOZE || kind == LU_D_REMIND) {
        d.at = wake_time(ctx, &a.when);
        d.at_end = d.at;
    } else if (kind == LU_D_NEXT_STEP) {
        d.at = a.when.start;
        d.at_end = a.when.end;
    }
    if (kind == LU_D_REMIND || kind == LU_D_NEXT_STEP) {
        ret = check_moves(ctx, &tv, &d, &failure);
        if (ret)
            goto out;
    }
    ret = store(ctx, &tv, &d, &said, &failure);
    if (ret || said)
        goto out;
    state = state_str(ctx, &tv.v);
    t = d.at ? fmt_time(ctx, kind == LU_D_NEXT_STEP ? d.at_end : d.at) : NULL;
    /* From a client macro, SAID is the message line: leadup's own words
     * only, never the subject (the client sources it as a muttrc command). */
    if (a.muttrc)
        said = client_line(&a, t, state);
    else
        print_done(&tv, &a, t, state);
out:
    lu_db_write_ahead_drop(); /* a view's spent wait, refused before storing */
    /* From a client macro: the one line for its message line (main writes it). */
    lu_answer(ctx, NULL, said, failure);
    g_free(said);
    g_free(t);
    g_free(state);
    g_free(a.when_text);
    g_free(a.text);
    g_free(a.id);
    lu_thread_view_leave(&tv); /* the process exits next */
    return ret;
}

int lu_cmd_decide(struct lu_ctx *ctx, int argc, char **argv)
{
    int kind = lu_decision_parse(argv[0]);

    /* leadup.c's table gives this function only the decisions' names. */
    g_assert(kind >= 0);
    return record_decision(ctx, kind, argc, argv);
}

/* The last decision taken on message MID (NULL: on any thread), copied
 * into *LAST (its mid owned by the caller), or last->id 0 when there is none. */
static int last_decision(const char *mid, struct lu_decision *last)
{
    struct lu_store *store = NULL;
    struct lu_decision *found = NULL;
    int ret;

    memset(last, 0, sizeof *last);
    ret = lu_store_open(&store);
    if (!ret)
        ret = lu_store_last_decision(store, mid, &found);
    if (!ret && found) {
        *last = *found;
        last->mid = g_strdup(found->mid);
        last->text = last->latest = NULL;
    }
    lu_decision_free(found);
    lu_store_close(store);
    return ret;
}

/* True when notmuch no longer has MID: the message of a decision was
 * deleted (or the database rebuilt without it). */
static int message_gone(struct lu_ctx *ctx, const char *mid, bool *gone)
{
    struct lu_db *db = NULL;
    char *found = NULL;
    int ret = lu_db_open(ctx, false, &db);

    if (!ret)
        ret = lu_db_find_mid(db, mid, &found);
    if (!ret)
        *gone = !found;
    g_free(found);
    lu_db_close(db);
    return ret;
}

/* Undoes LAST, whose message notmuch no longer has: the decision is
 * forgotten in the state database; no thread is left to tag. */
static int undo_orphan(struct lu_ctx *ctx, const struct lu_decision *last)
{
    struct lu_store *store = NULL;
    char *taken = fmt_time(ctx, last->taken), *mid = lu_clean_line(last->mid);
    int ret = lu_store_open(&store);

    if (!ret)
        ret = lu_store_remove_decision(store, last->id, NULL); /* no thread to decide */
    if (!ret)
        lu_printf("undid %s (taken %s) on <%s>, a message no longer in the notmuch database: "
                  "the decision is forgotten, no tag to change\n",
                  lu_decision_name(last->kind), taken, mid);
    lu_store_close(store);
    g_free(mid);
    g_free(taken);
    return ret;
}

/* Undoes the last decision on MID, whose message notmuch no longer has
 * (undo id:MSGID): forgotten (undo_orphan); none, the view's refusal. */
static int undo_gone(struct lu_ctx *ctx, const char *mid)
{
    struct lu_decision last;
    int ret = last_decision(mid, &last);

    if (!ret && last.id)
        ret = undo_orphan(ctx, &last);
    else if (!ret)
        ret = lu_error(EX_NOINPUT, "message '%s' is not in the notmuch database", mid);
    g_free(last.mid);
    return ret;
}

/* undo's arguments: one target, "id:MSGID", "thread:ID" or search terms
 * that narrow one query (as the decisions take them).  *TARGET owned. */
static int undo_args(int argc, char **argv, char **target)
{
    int ret = 0;

    *target = NULL;
    for (int i = 1; i < argc && !ret; i++) {
        if (!*target) {
            *target = g_strdup(argv[i]);
        } else if (g_str_has_prefix(*target, "id:") || g_str_has_prefix(argv[i], "id:")) {
            ret = lu_error(EX_USAGE, "undo: give one thread, not '%s' and '%s'", *target, argv[i]);
        } else {
            char *q = g_strdup_printf("%s and %s", *target, argv[i]);
            g_free(*target);
            *target = q;
        }
    }
    if (ret)
        g_clear_pointer(target, g_free);
    return ret;
}

int lu_cmd_undo(struct lu_ctx *ctx, int argc, char **argv)
{
    struct lu_thread_view tv = {0};
    struct lu_decision any = {0};
    const struct lu_decision *last = NULL;
    enum lu_decision_kind kind;
    char *target = NULL, *taken = NULL, *state = NULL;
    bool gone = false;
    int ret;

    ret = lu_parse_options(ctx, lu_undo_options, NULL, &argc, argv);
    if (!ret)
        ret = undo_args(argc, argv, &target);
    /* No target: the last decision anywhere.  "id:MSGID": that message's
     * own, when notmuch no longer has it (a thread can no longer be read:
     * the view says so, below). */
    if (!ret && !target) {
        ret = last_decision(NULL, &any);
        if (!ret && !any.id) {
            lu_printf("no decision to undo\n");
            goto out;
        }
        if (!ret)
            ret = message_gone(ctx, any.mid, &gone);
        if (!ret && !gone)
            target = g_strdup_printf("id:%s", any.mid);
    }
    if (!ret && gone && any.id) {
        ret = undo_orphan(ctx, &any);
        goto out;
    }
    if (ret)
        goto out;
    ret = lu_thread_view_undo(ctx, target, &tv, &gone);
    if (!ret && gone)
        ret = undo_gone(ctx, tv.mid);
    if (ret || gone)
        goto out;
    for (guint i = 0; tv.decisions && i < tv.decisions->len; i++) {
        const struct lu_decision *d = g_ptr_array_index(tv.decisions, i);
        if (!last || d->id > last->id)
            last = d;
    }
    if (!last) {
        lu_printf("no decision to undo on \"%s\"\n", subject_of(&tv));
        goto out;
    }
    /* LAST belongs to TV's table, which the commit reads again. */
    kind = last->kind;
    taken = fmt_time(ctx, last->taken);
    if (!lu_db_writable(tv.db))
        lu_db_write_ahead(); /* while the journal syncs (view.h) */
    /* The thread stays marked to decide again until the commit has its
     * tags written: killed or failing in notmuch's commit, the undo leaves
     * it to the next scan (t311). */
    ret = lu_store_remove_decision(tv.store, last->id, &tv.redecide);
    if (!ret)
        ret = lu_thread_view_commit(ctx, &tv);
    lu_db_write_ahead_drop();
    if (ret)
        goto out;
    state = state_str(ctx, &tv.v);
    lu_printf("undid %s (taken %s) on \"%s\": %s\n", lu_decision_name(kind), taken, subject_of(&tv),
              state);
out:
    lu_db_write_ahead_drop(); /* a view's spent wait, nothing undone */
    g_free(any.mid);
    g_free(state);
    g_free(taken);
    g_free(target);
    lu_thread_view_leave(&tv); /* the process exits next */
    return ret;
}
