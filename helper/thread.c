/* thread.c - the queue rules: one state per thread, decided from its
 * messages, the user's decisions and the clock.  Pure: no I/O; message
 * bodies are analysed on demand through r->analyse.
 *
 * The rules are a table, rules[] below, in precedence order: the first
 * rule that claims a thread decides its state and names itself in the
 * verdict (enum lu_rule).  A rule that lets a thread go writes nothing to
 * the verdict; what it noticed ("sent in bulk", "answered elsewhere")
 * reaches the reasons through the table's runner. */
#include "said.h"
#include "timefmt.h"

#include <string.h>

static const char *const state_names[LU_ST_COUNT] = {
    "none",    "awaiting", "needs-reply", "no-next-step", "promise-mine", "promise-theirs",
    "bounced", "snoozed",  "closed",      "dormant",      "muted",
};

const char *lu_state_name(enum lu_state s)
{
    return s < LU_ST_COUNT ? state_names[s] : "none";
}

bool lu_state_lazy(enum lu_state s)
{
    return s == LU_ST_DORMANT;
}

int lu_state_parse(const char *name)
{
    for (int i = 0; i < LU_ST_COUNT; i++)
        if (name && strcmp(name, state_names[i]) == 0)
            return i;
    return -1;
}

static const char *const decision_names[LU_D_COUNT] = {
    "snooze", "done", "reopen", "remind", "next-step", "mute",
};

const char *lu_decision_name(enum lu_decision_kind k)
{
    return k < LU_D_COUNT ? decision_names[k] : "?";
}

int lu_decision_parse(const char *name)
{
    for (int k = 0; name && k < LU_D_COUNT; k++)
        if (strcmp(name, decision_names[k]) == 0)
            return k;
    return -1;
}

void lu_decision_free(struct lu_decision *d)
{
    if (d)
        LU_FREE_EACH(g_free, d->mid, d->text, d->latest, d);
}

void lu_verdict_clear(struct lu_verdict *v)
{
    if (v->why)
        g_ptr_array_free(v->why, TRUE);
    g_free(v->who);
    memset(v, 0, sizeof *v);
    v->anchor = v->asked = v->evidence = -1;
}

/* By date, then Message-ID.  notmuch gives equal dates in the order their
 * files were indexed in, which follows the file system's order of a
 * directory: two machines (or two runs of notmuch new) could then disagree
 * on a thread's last message, its anchor and who wrote last.  notmuch
 * merges copies of one Message-ID, so the order is total. */
gint lu_msg_compare_date(gconstpointer a, gconstpointer b)
{
    const struct lu_msg *x = *(struct lu_msg *const *)a, *y = *(struct lu_msg *const *)b;

    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return g_strcmp0(x->mid, y->mid);
}

bool lu_msg_meaningful(const struct lu_msg *m)
{
    if (m->autokind != LU_AUTO_NONE || m->unsent)
        return false;
    for (guint i = 0; i < m->tags->len; i++)
        if (strcmp(g_ptr_array_index(m->tags, i), "draft") == 0)
            return false;
    return true;
}

/* Prefixes replies and forwards carry are the language packs' (helper/lang-*.c),
 * reading packs included (Nordic "SV", Finnish "VS", Polish "Odp"). */

/* Length of a prefix of LIST at P with its ':' ("re:", "aw [2] :"), or 0. */
static size_t prefix_len(const char *p, const char *const *list)
{
    for (size_t i = 0; list[i]; i++) {
        /* the first byte before the length: most subjects start with
         * none of the prefixes (39,000 tests of every prefix were 17 M
         * instructions of a first full scan at 10,000, issue 14) */
        if (list[i][0] && list[i][0] != *p)
            continue;
        size_t n = strlen(list[i]);
        const char *q = p + n;
        if (strncmp(p, list[i], n) != 0)
            continue;
        if (*q == '[' || *q == '(') { /* Re[2]: */
            while (*q && *q != ']' && *q != ')')
                q++;
            if (*q)
                q++;
        }
        while (*q == ' ')
            q++;
        if (*q == ':' || (q[0] == '\xef' && q[1] == '\xbc' && q[2] == '\x9a'))
            return (size_t)(q - p) + (*q == ':' ? 1 : 3);
    }
    return 0;
}

/* P past any spaces, tabs and [list] tags (an unclosed "[" stops it). */
static char *after_tags(char *p)
{
    for (;;) {
        char *e;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '[' || !(e = strchr(p, ']')))
            return p;
        p = e + 1;
    }
}

/* Length of a reply or forward prefix at P ("re:", "fw:"), or 0. */
static size_t reply_or_forward_len(const char *p)
{
    size_t n = prefix_len(p, LU_LANG_ALL(reply_prefixes));

    return n ? n : prefix_len(p, LU_LANG_ALL(forward_prefixes));
}

/* g_utf8_casefold of S (newly allocated): of ASCII, which most subjects
 * are, its lower case, which Unicode's folding of ASCII is (GLib's built
 * it a character at a time in a GString: 2.7 K instructions a subject,
 * 53 M of a first full scan's main thread at 10,000 messages, issue 14). */
static char *fold_case(const char *s)
{
    const char *p = s;

    while (*p && !(*p & 0x80))
        p++;
    return *p ? g_utf8_casefold(s, -1) : g_ascii_strdown(s, p - s);
}

/* (said.h) "Warehouse lease" again, to somebody else, starts its own. */
bool lu_subject_has_prefix(const char *subject)
{
    char *s = fold_case(subject ? subject : "");
    bool yes = reply_or_forward_len(after_tags(s)) > 0;

    g_free(s);
    return yes;
}

bool lu_msg_unthreaded_reply(const struct lu_msg *m)
{
    return !m->in_reply_to && m->refs->len == 0 && lu_subject_has_prefix(m->subject);
}

char *lu_subject_norm(const char *subject)
{
    char *s = fold_case(subject ? subject : "");
    char *p = s, *out;
    size_t n;

    while ((n = reply_or_forward_len(p = after_tags(p))) > 0)
        p += n;
    out = lu_fold_space(p, -1);
    g_free(s);
    return out;
}

/* ---- small helpers over the clock and the calendar */

static GDateTime *local(const struct lu_rules *r, gint64 t)
{
    return lu_local_time(t, r->cfg->tz);
}

/* T moved N working units on by ADD (lu_cal_add_bizdays or _bizhours). */
static gint64 cal_add(const struct lu_rules *r, gint64 t, int n,
                      GDateTime *(*add)(const struct lu_cal *, GDateTime *, int))
{
    GDateTime *d = local(r, t);
    GDateTime *e = add(&r->cfg->cal, d, n);
    gint64 out = g_date_time_to_unix(e);

    g_date_time_unref(e);
    g_date_time_unref(d);
    return out;
}

static gint64 add_bizdays(const struct lu_rules *r, gint64 t, int n)
{
    return cal_add(r, t, n, lu_cal_add_bizdays);
}

static gint64 add_bizhours(const struct lu_rules *r, gint64 t, int n)
{
    return cal_add(r, t, n, lu_cal_add_bizhours);
}

/* The start of working hours on the first business day after T's day. */
static gint64 bizday_after(const struct lu_rules *r, gint64 t)
{
    GDateTime *d = local(r, t);
    GDateTime *start = g_date_time_new(r->cfg->tz, g_date_time_get_year(d),
                                       g_date_time_get_month(d), g_date_time_get_day_of_month(d),
                                       r->cfg->cal.work_start / 60, r->cfg->cal.work_start % 60, 0);
    GDateTime *next = lu_cal_add_bizdays(&r->cfg->cal, start, 1);
    gint64 out = g_date_time_to_unix(next);

    g_date_time_unref(next);
    g_date_time_unref(start);
    g_date_time_unref(d);
    return out;
}

/* Room for when_str's words. */
#define WHEN_LEN LU_MINUTE_LEN

/* "Mon 16 Nov 14:03" (the year too when it is not NOW's) in BUF (WHEN_LEN
 * bytes), which it returns: a reason says a moment without a free
 * (timefmt.c writes it by hand: g_date_time_format each time was most of
 * its cost, s45-first). */
static const char *when_str(const struct lu_rules *r, gint64 t, char *buf)
{
    return lu_format_minute_in(buf, t, r->cfg->tz, r->now);
}

/* Adds a line to TO: a verdict's reasons (v->why) or the rules' notes.
 * Several rules ask the same question of the same message (is it bulk?):
 * a line already there is not said again. */
static void say(GPtrArray *to, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void say(GPtrArray *to, const char *fmt, ...)
{
    va_list ap;
    char *text;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (g_ptr_array_find_with_equal_func(to, text, g_str_equal, NULL))
        g_free(text);
    else
        g_ptr_array_add(to, text);
}

static const char *who_name(const struct lu_addr *a)
{
    if (!a)
        return "(unknown)";
    return a->name && *a->name ? a->name : a->email;
}

/* M's analysis.  The callback runs even when M comes analysed: in a
 * thread it first drops what M pasted from earlier messages (in_thread).
 * The scan's workers analyse ahead only the messages the rules ask for
 * here (scan.c, struct ahead's later): a rule that asks for another
 * costs an analysis on the main thread, not a different verdict. */
static struct lu_analysis *analysis(const struct lu_rules *r, struct lu_msg *m)
{
    if (r->analyse)
        r->analyse(m, r->data);
    return m->an;
}

/* The first sentence of AN carrying LABEL, or NULL. */
static struct lu_sentence *sentence_with(struct lu_analysis *an, unsigned label)
{
    for (guint i = 0; an && an->sentences && i < an->sentences->len; i++) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        if (s->labels & label)
            return s;
    }
    return NULL;
}

/* Which day of the writer's T is: days since the epoch at the Date
 * header's offset OFF (seconds east of UTC). */
static gint64 writer_day(gint64 t, int off)
{
    gint64 x = t + off;

    return x >= 0 ? x / 86400 : -((-x + 86399) / 86400);
}

/* When a promise in message M is due by its date W, or 0 when W owes
 * nothing: a date that ended before M was written ("I'll send you last
 * year's figures", "the minutes from last week") or a period back to now.
 * A part of the very day M was written, by its own Date header, that had
 * ended by then ("I will check his progress this morning", dated 23:03) is
 * the writer's clock or zone, not a past date: due by that part of the
 * next day. */
static gint64 promise_end(const struct lu_when *w, const struct lu_msg *m)
{
    if (w->past)
        return 0;
    if (w->end > m->date)
        return w->end;
    if (writer_day(w->start, m->tz_off) == writer_day(m->date, m->tz_off))
        return w->end + 86400;
    return 0;
}

/* The first promise in M's analysis AN with a date it is due by
 * (promise_end), or NULL. */
static struct lu_sentence *dated_promise(struct lu_analysis *an, const struct lu_msg *m)
{
    for (guint i = 0; an && an->sentences && i < an->sentences->len; i++) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        for (guint k = 0; (s->labels & LU_L_COMMITMENT) && s->dates && k < s->dates->len; k++)
            if (promise_end(&g_array_index(s->dates, struct lu_when, k), m))
                return s;
    }
    return NULL;
}

/* The sentence that makes AN expect a reply, else the first request or
 * proposal: what "they ask" / "you asked" quotes. */
static struct lu_sentence *ask_sentence(struct lu_analysis *an)
{
    if (an && an->expects_reply && an->sentences && an->reply_sentence >= 0 &&
        (guint)an->reply_sentence < an->sentences->len) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, an->reply_sentence);
        if (s->labels & (LU_L_REQUEST | LU_L_PROPOSAL))
            return s;
    }
    return sentence_with(an, LU_L_REQUEST | LU_L_PROPOSAL);
}

/* The latest time a promise S of message M is due by among its dates
 * (promise_end): "by Friday" is kept at the end of Friday. */
static gint64 sentence_due(const struct lu_sentence *s, const struct lu_msg *m)
{
    gint64 end = 0;

    for (guint i = 0; s->dates && i < s->dates->len; i++) {
        gint64 e = promise_end(&g_array_index(s->dates, struct lu_when, i), m);
        if (e > end)
            end = e;
    }
    return end;
}

static bool in_list(const struct lu_rules *r, const char *list_id)
{
    if (!r->cfg->lists)
        return false;
    if (!r->cfg->list_ids || !r->cfg->list_ids[0])
        return true;
    for (int i = 0; r->cfg->list_ids[i]; i++)
        if (list_id && strstr(list_id, r->cfg->list_ids[i]))
            return true;
    return false;
}

/* Everyone M went to who is neither me nor a no-reply address. */
static GPtrArray *real_recipients(const struct lu_rules *r, const struct lu_msg *m)
{
    GPtrArray *out = g_ptr_array_new();
    GPtrArray *lists[] = {m->to, m->cc};

    for (int l = 0; l < 2; l++)
        for (guint i = 0; i < lists[l]->len; i++) {
            struct lu_addr *a = g_ptr_array_index(lists[l], i);
            if (!lu_identity_is_me(r->me, a->email) &&
                !lu_addr_is_noreply(a->email, r->cfg->noreply))
                g_ptr_array_add(out, a);
        }
    return out;
}

static char *recipients_str(GPtrArray *rcpt)
{
    if (rcpt->len == 0)
        return g_strdup("(nobody)");
    if (rcpt->len == 1)
        return g_strdup(who_name(g_ptr_array_index(rcpt, 0)));
    return g_strdup_printf("%s +%u", who_name(g_ptr_array_index(rcpt, 0)), rcpt->len - 1);
}

static bool same_person(const struct lu_rules *r, const char *a, const char *b)
{
    char *x = lu_addr_norm(a), *y = lu_addr_norm(b);
    bool same = strcmp(x, y) == 0;

    g_free(x);
    g_free(y);
    return same;
}

/* Whether O, a message outside the thread, came after M within the
 * configured window under the same normalised subject, without threading
 * headers: the marks of an answer whose threading broke. */
static bool later_same_subject(const struct lu_rules *r, const struct lu_msg *m,
                               const struct lu_msg *o)
{
    char *a, *b;
    bool same;

    if (!lu_msg_meaningful(o) || !o->from)
        return false;
    if (o->date <= m->date || o->date > m->date + (gint64)r->cfg->unthreaded_days * 86400)
        return false;
    if (o->in_reply_to || o->refs->len)
        return false;
    a = lu_subject_norm(m->subject);
    b = lu_subject_norm(o->subject);
    same = *a && strcmp(a, b) == 0;
    g_free(a);
    g_free(b);
    return same;
}

/* Whether EMAIL is among M's To and Cc. */
static bool sent_to(const struct lu_rules *r, const struct lu_msg *m, const char *email)
{
    GPtrArray *lists[] = {m->to, m->cc};

    for (int l = 0; l < 2; l++)
        for (guint i = 0; i < lists[l]->len; i++)
            if (same_person(r, ((struct lu_addr *)g_ptr_array_index(lists[l], i))->email, email))
                return true;
    return false;
}

/* A reply that broke threading: from one of the recipients of MINE, or,
 * when MINE went to a list, from anyone on that list (my recipient is the
 * list address, which never writes itself). */
static bool answers_elsewhere(const struct lu_rules *r, const struct lu_msg *mine,
                              const struct lu_msg *o, bool list)
{
    if (!later_same_subject(r, mine, o) || lu_identity_is_me(r->me, o->from->email))
        return false;
    return sent_to(r, mine, o->from->email) || (list && o->list_id);
}

/* My own reply or forward that broke threading after LAST, mine and
 * itself a reply that broke threading (lu_msg_unthreaded_reply): the
 * conversation went on there (a mailbox without
 * reply headers threads every message apart), and that thread decides
 * what is open. */
static bool continued_elsewhere(const struct lu_rules *r, const struct lu_msg *last,
                                const struct lu_msg *o)
{
    return lu_msg_unthreaded_reply(last) && later_same_subject(r, last, o) &&
           lu_identity_is_me(r->me, o->from->email) && lu_subject_has_prefix(o->subject);
}

/* My answer that broke threading to THEIRS: mine, to its writer or to the
 * same list. */
static bool answered_elsewhere(const struct lu_rules *r, const struct lu_msg *theirs,
                               const struct lu_msg *o)
{
    if (!later_same_subject(r, theirs, o) || !lu_identity_is_me(r->me, o->from->email))
        return false;
    if (theirs->from && sent_to(r, o, theirs->from->email))
        return true;
    return theirs->list_id && o->list_id && strcmp(theirs->list_id, o->list_id) == 0;
}

/* ---- decisions */

struct decided {
    struct lu_decision *mute, *done, *snooze, *remind, *next_step;
    gint64 reopened;  /* when the user last reopened, or 0 */
    bool remind_last; /* remind was decided after next_step */
};

/* Index of the message with id MID in MSGS, or -1. */
static int find_mid(GPtrArray *msgs, const char *mid)
{
    for (guint i = 0; mid && i < msgs->len; i++)
        if (strcmp(((struct lu_msg *)g_ptr_array_index(msgs, i))->mid, mid) == 0)
            return (int)i;
    return -1;
}

/* Has a message arrived since decision D was taken?  By position when the
 * recorded latest message is still in the thread, else by date. */
static bool newer_since(GPtrArray *msgs, const struct lu_decision *d)
{
    int at = find_mid(msgs, d->latest);
    const struct lu_msg *last = g_ptr_array_index(msgs, msgs->len - 1);

    if (at >= 0)
        return at < (int)msgs->len - 1;
    return last->date > d->taken;
}

/* Was X taken after the thread's latest message (nothing new since)? */
static bool fresh(GPtrArray *msgs, const struct lu_decision *x)
{
    return x && !newer_since(msgs, x);
}

static void collect_decisions(GPtrArray *decisions, struct decided *d)
{
    memset(d, 0, sizeof *d);
    for (guint i = 0; decisions && i < decisions->len; i++) {
        struct lu_decision *x = g_ptr_array_index(decisions, i);
        switch (x->kind) {
        case LU_D_MUTE:
            d->mute = x;
            break;
        case LU_D_DONE:
            d->done = x;
            d->snooze = NULL;
            break;
        case LU_D_SNOOZE:
            d->snooze = x;
            break;
        case LU_D_REMIND:
            /* A newer decision about when to see the thread replaces the
             * snooze, and tracks a thread marked done again. */
            d->remind = x;
            d->snooze = d->done = NULL;
            d->remind_last = true;
            break;
        case LU_D_NEXT_STEP:
            d->next_step = x;
            d->snooze = d->done = NULL;
            d->remind_last = false;
            break;
        case LU_D_REOPEN:
            /* Reopen undoes every decision before it (mute, done, snooze,
             * remind, next step) and forgets declines up to now: the thread
             * is where its messages alone put it. */
            d->mute = d->done = d->snooze = d->remind = d->next_step = NULL;
            d->reopened = x->taken;
            break;
        default:
            break;
        }
    }
}

/* ---- the rules */

/* What every rule sees of one thread. */
struct rule_ctx {
    const struct lu_rules *r;
    GPtrArray *msgs;
    GPtrArray *elsewhere; /* messages elsewhere that may answer it, or NULL */
    struct decided d;     /* the user's decisions that still hold */
    int last;             /* latest meaningful message, -1 */
    int last_mine;        /* my latest meaningful message, -1 */
    int last_their;       /* their latest meaningful message, -1 */
    bool list;            /* a mailing-list thread */
    bool tracked;         /* not a list thread, or lists opted in */
    bool remind_first;    /* a fresh remind came after any fresh next step */
    /* Read the conversation as left open whatever its text says: what the
     * rules would give were the learned model to put it in a queue. */
    bool as_open;
    /* A rule that lets the thread go writes nothing to the verdict: what it
     * noticed goes here (char*, owned), and reaches the verdict's reasons
     * ahead of the rule that claims the thread, or alone when none does;
     * NOTED, the last such rule with a name, becomes the verdict's rule then. */
    GPtrArray *notes;
    enum lu_rule noted;
    char when[WHEN_LEN]; /* a moment in words for the reason being written (said_when) */
};

static struct lu_msg *msg(const struct rule_ctx *s, int i)
{
    return g_ptr_array_index(s->msgs, i);
}

static void set_due(const struct lu_rules *r, struct lu_verdict *v, gint64 due_at)
{
    v->sched.due_at = due_at;
    v->sched.due = due_at > 0 && r->now >= due_at;
    if (due_at > r->now && (!v->sched.next_check || due_at < v->sched.next_check))
        v->sched.next_check = due_at;
}

/* T in words, in S->when (when_str): for the reason being written. */
static const char *said_when(struct rule_ctx *s, gint64 t)
{
    return when_str(s->r, t, s->when);
}

/* set_due, and DUE_AT in words for the reason (said_when). */
static const char *set_due_said(struct rule_ctx *s, struct lu_verdict *v, gint64 due_at)
{
    set_due(s->r, v, due_at);
    return said_when(s, due_at);
}

/* Whether EMAIL wrote the thread's first message: on a list, the asker
 * whose question the helpers answer.  Their post that broke threading
 * answers every helper, also one who answered another helper's message
 * (label batch 28: the asker's post came after my question in answer to
 * another helper; s37-fresh in doc/benchmarks-log.md). */
static bool started(const struct rule_ctx *s, const char *email)
{
    const struct lu_msg *first = msg(s, 0);

    return first->from && !first->mine && g_ascii_strcasecmp(first->from->email, email) == 0;
}

/* Is M about me: addressed to me, or (on a list) answering one of my
 * messages, or, when the asker who started the thread wrote it, answering
 * their own earlier message that was (a second message in a row, added to
 * their answer to me: label batch 37).  Another writer's second message
 * is not: a third person who thanked me and then asks again asks the list
 * (label batch 23; s38-fresh in doc/benchmarks-log.md).  The chain is followed at
 * most the thread's length: In-Reply-To may loop. */
static bool involves_me(const struct rule_ctx *s, const struct lu_msg *m)
{
    for (guint hops = 0; hops <= s->msgs->len; hops++) {
        int parent;
        const struct lu_msg *p;
        if (m->to_me)
            return true;
        if (!s->list || (parent = find_mid(s->msgs, m->in_reply_to)) < 0)
            return false;
        p = msg(s, parent);
        if (p->mine)
            return true;
        if (!m->from || !p->from || !lu_msg_meaningful(p) || !started(s, m->from->email) ||
            !same_person(s->r, m->from->email, p->from->email))
            return false;
        m = p;
    }
    return false;
}

/* Whether M's text turns to me by my first name. */
static bool names_me(const struct lu_rules *r, const struct lu_msg *m)
{
    const char *text = m->body && m->body->text ? m->body->text : "";
    char *first;
    bool named = false;

    if (!r->me->name)
        return false;
    first = g_strndup(r->me->name, strcspn(r->me->name, " ,"));
    for (const char *p = strstr(text, first); p && strlen(first) > 1 && !named;
         p = strstr(p + 1, first))
        named = (p == text || !g_unichar_isalnum(g_utf8_get_char(g_utf8_prev_char(p)))) &&
                !g_unichar_isalnum(g_utf8_get_char(p + strlen(first)));
    g_free(first);
    return named;
}

/* Whether M only copies me: I am in its Cc, not its To, and its To names
 * somebody else.  Its asks are then for them ("Mike, can you send Ann the
 * file?"). */
bool lu_msg_copied_only(const struct lu_rules *r, const struct lu_msg *m)
{
    if (!m->to_me || m->to->len == 0)
        return false;
    for (guint i = 0; i < m->to->len; i++)
        if (lu_identity_is_me(r->me, ((struct lu_addr *)g_ptr_array_index(m->to, i))->email))
            return false;
    return true;
}

/* A message to this many people or more is a broadcast: its asks are
 * routine, for everybody, and owed by nobody in particular. */
#define LU_BROADCAST 8

/* Why M, which asks something, asks nothing of me in particular: it asks
 * the people in its To (I am only copied) or everybody (a broadcast), and
 * does not turn to me by name.  NULL when it asks me.  Static string. */
static const char *not_mine_to_answer(const struct lu_rules *r, const struct lu_msg *m)
{
    if (names_me(r, m))
        return NULL;
    if (lu_msg_copied_only(r, m))
        return "of the people in To: you were only copied";
    if (m->to->len + m->cc->len >= LU_BROADCAST)
        return "it went to many people at once";
    return NULL;
}

/* Is M a newsletter or campaign in a thread I never wrote in?  Such mail
 * owes me nothing and is owed nothing, whatever its text asks or promises;
 * a reply sent through a bulk mailer to my own message still counts.  The
 * headers say so (List-Unsubscribe), or, in mail older than that header or
 * sent without it, the text does (an unsubscribe line, a marketing layout). */
/* The learned bulk model's probability (bulk.c) that M, which no header
 * and no line of its text marks, was sent in bulk, when it reaches the
 * model's threshold; else -1.  It judges only mail without a List-Id (a
 * list's posts are people's) from a sender I have never written to
 * (counted by the scan: m->sender_answered; not counted, no judgement):
 * from a correspondent of mine, mail is a conversation whatever it reads
 * like.  The threshold was chosen by cross-validation on the train
 * mailboxes (scripts/train-bulk). */
static double learned_bulk(struct rule_ctx *s, struct lu_msg *m)
{
    struct lu_bulk_in in;
    double p;

    if (lu_bulk_n_weights == 0 || m->list_id || !m->body)
        return -1;
    in = (struct lu_bulk_in){
        .text = m->body->full_text ? m->body->full_text : m->body->text,
        .subject = m->subject,
        .from = m->from ? m->from->email : NULL,
        .recipients = (int)((m->to ? m->to->len : 0) + (m->cc ? m->cc->len : 0)),
    };
    p = lu_bulk_probability(&in);
    if (p < lu_bulk_threshold)
        return -1;
    if (m->sender_answered < 0 && s->r->sender)
        s->r->sender(m, LU_SENDER_ANSWERED, s->r->data);
    return m->sender_answered == 0 ? p : -1;
}

static bool unsolicited_bulk(struct rule_ctx *s, struct lu_msg *m)
{
    double p;

    if (s->last_mine >= 0)
        return false;
    if (!m->bulk && (!analysis(s->r, m) || !m->body || !m->body->bulk)) {
        if ((p = learned_bulk(s, m)) < 0)
            return false;
        s->noted = LU_R_BULK;
        say(s->notes,
            "%s reads as mail sent in bulk (the learned bulk model: %.3f, threshold %.3f), from "
            "a sender you never wrote to, to a thread you never wrote in: not a conversation.",
            who_name(m->from), p, lu_bulk_threshold);
        return true;
    }
    s->noted = LU_R_BULK;
    say(s->notes, "%s sent it in bulk (%s) to a thread you never wrote in: not a conversation.",
        who_name(m->from),
        m->bulk ? "List-Unsubscribe"
                : "its text has an unsubscribe line, a marketing layout or says replies go unread");
    return true;
}

/* Is M from someone who writes to me often and whom I have never written
 * to, in a thread I never wrote in?  Mail I never answer (notices,
 * campaigns that carry no unsubscribe line) is no conversation, whatever its
 * text asks.  The scan counts the sender's mail in the index
 * (m->sender_sent, m->sender_answered); a message it did not count, a
 * first or second message, or one from a sender I have written to stays a
 * conversation. */
static bool never_answered(struct rule_ctx *s, struct lu_msg *m)
{
    if (s->last_mine >= 0)
        return false;
    /* Their count first: my mail to a sender of fewer messages does not
     * matter, and is not counted. */
    if (m->sender_sent < 0 && s->r->sender)
        s->r->sender(m, LU_SENDER_SENT, s->r->data);
    if (m->sender_sent < LU_NEVER_ANSWERED_MIN)
        return false;
    if (m->sender_answered < 0 && s->r->sender)
        s->r->sender(m, LU_SENDER_ANSWERED, s->r->data);
    if (m->sender_answered != 0)
        return false;
    s->noted = LU_R_NEVER_ANSWERED;
    say(s->notes,
        "%s has written to you %d times and you have never written to them: not a "
        "conversation.",
        who_name(m->from), m->sender_sent);
    return true;
}

/* Mail that is no conversation: bulk, or from a sender I never answer. */
static bool not_a_conversation(struct rule_ctx *s, struct lu_msg *m)
{
    return unsolicited_bulk(s, m) || never_answered(s, m);
}

/* Claims the thread as needing my reply to message AT, by RULE, with the
 * reason FMT, whose two %s are its sender and date in words. */
static void claim_reply(struct rule_ctx *s, struct lu_verdict *v, enum lu_rule rule, int at,
                        const char *fmt) G_GNUC_PRINTF(5, 0);
static void claim_reply(struct rule_ctx *s, struct lu_verdict *v, enum lu_rule rule, int at,
                        const char *fmt)
{
    const struct lu_msg *m = msg(s, at);

    v->state = LU_ST_NEEDS_REPLY;
    v->anchor = v->evidence = at;
    v->rule = rule;
    v->who = g_strdup(who_name(m->from));
    say(v->why, fmt, v->who, said_when(s, m->date));
}

/* Whether a message of mine in the thread answers M (its In-Reply-To). */
static bool answered_here(const struct rule_ctx *s, const struct lu_msg *m)
{
    for (guint i = 0; i < s->msgs->len; i++) {
        const struct lu_msg *o = msg(s, (int)i);
        if (o->mine && lu_msg_meaningful(o) && g_strcmp0(o->in_reply_to, m->mid) == 0)
            return true;
    }
    return false;
}

/* On a list whose last message is mine and answers somebody else's: their
 * latest message about me (involves_me) after the one my last answers,
 * that no message of mine answers, or -1.  My last post answered an
 * earlier message and passed it by: it is still theirs to be answered
 * (label batch 39: a helper's question to me, my later post to another
 * helper's earlier advice; s38-fresh in doc/benchmarks-log.md). */
static int skipped_reply(const struct rule_ctx *s)
{
    const struct lu_msg *last;
    int parent;

    if (!s->list || s->last < 0 || s->last != s->last_mine)
        return -1;
    last = msg(s, s->last);
    parent = find_mid(s->msgs, last->in_reply_to);
    if (parent < 0 || msg(s, parent)->mine)
        return -1;
    for (int i = s->last - 1; i > parent; i--) {
        const struct lu_msg *m = msg(s, i);
        if (lu_msg_meaningful(m) && !m->mine && involves_me(s, m))
            return answered_here(s, m) ? -1 : i;
    }
    return -1;
}

/* Whether M, on a list in a thread somebody else started, is another
 * helper's follow-up to my answer whose asks the learned reply model (AN's
 * `answer`) reads as not waiting for mine: its writer neither started the
 * thread nor writes to me or turns to me by name.  Such a follow-up offers
 * the asker another way ("or this function?"); its question is the
 * asker's to take up, not mine to answer (label batch 47: a third helper's
 * alternative after my answer; s39-fresh in doc/benchmarks-log.md).  The asker's
 * own reply to me is not gated: their questions to me are what I owe. */
static bool other_helper_follows_up(const struct rule_ctx *s, const struct lu_msg *m,
                                    const struct lu_analysis *an)
{
    const struct lu_msg *first = msg(s, 0);

    if (!s->list || first->mine || !first->from || !m->from || an->answer || m->to_me)
        return false;
    return !started(s, m->from->email) && !names_me(s->r, m);
}

/* Their latest message asks something of me, and I have not answered it
 * here or in a message that broke threading.  (On a list whose last message
 * answers somebody else, reading their latest unanswered reply to me
 * instead was tried: right twice on label batches 1-10, wrong twice on
 * batch 11, fresh for it; doc/benchmarks-log.md, "Tenth attempt (threads)".) */
static bool rule_needs_reply(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    struct lu_msg *m;
    struct lu_analysis *an;
    struct lu_sentence *q;
    const char *not_mine;
    int at = s->last;

    if (s->last < 0 || (s->last != s->last_their && (at = skipped_reply(s)) < 0))
        return false;
    m = msg(s, at);
    if (!involves_me(s, m) || (m->from && lu_addr_is_noreply(m->from->email, r->cfg->noreply)))
        return false;
    if (unsolicited_bulk(s, m))
        return false;
    an = analysis(r, m);
    if (!an || (!an->expects_reply && !s->as_open))
        return false;
    /* On a list, in a thread I started, they answer my question as
     * helpers: their asks are mostly teaching and advice ("Have you
     * checked what x is?") that owe them nothing back (label batches
     * 1-22: 71 of 80 such threads whose last message is theirs are
     * none); only what the learned reply model reads as waiting for my
     * answer ("Which version do you use?") needs one. */
    if (s->list && msg(s, 0)->mine && !an->answer) {
        say(s->notes,
            "%s answers your question to the list; the learned reply model reads no ask in it "
            "as waiting for your answer (a helper's advice and teaching questions).",
            who_name(m->from));
        return false;
    }
    if (other_helper_follows_up(s, m, an)) {
        say(s->notes,
            "%s follows up your answer in a thread somebody else started; the learned reply "
            "model reads no ask in it as waiting for your answer (an alternative for the asker).",
            who_name(m->from));
        return false;
    }
    /* Asked only now: counting the sender's mail costs a query or two. */
    if (never_answered(s, m))
        return false;
    not_mine = s->list ? NULL : not_mine_to_answer(r, m);
    if (not_mine) {
        say(s->notes, "%s asks something, but %s, and the text does not turn to you by name.",
            who_name(m->from), not_mine);
        return false;
    }
    for (guint i = 0; s->elsewhere && i < s->elsewhere->len; i++) {
        struct lu_msg *o = g_ptr_array_index(s->elsewhere, i);
        if (answered_elsewhere(r, m, o)) {
            say(s->notes,
                "%s asked you something, and you answered on %s in a message that is not in "
                "this thread (same subject, no reply headers).",
                who_name(m->from), said_when(s, o->date));
            return false;
        }
    }
    claim_reply(s, v, LU_R_NEEDS_REPLY, at,
                "%s wrote to you on %s and expects a reply; you have not answered.");
    if (at != s->last)
        say(v->why, "Your later message answers %s's earlier one, not this.",
            who_name(msg(s, find_mid(s->msgs, msg(s, s->last)->in_reply_to))->from));
    q = ask_sentence(an);
    if (q)
        say(v->why, "They ask: \"%s\"", q->text);
    say(v->why,
        r->cfg->reply_hours ? "A reply is due %s ([needs-reply] delay = %d working hours)."
                            : "A reply is due %s (the end of the business day it arrived).",
        set_due_said(s, v, add_bizhours(r, m->date, r->cfg->reply_hours)), r->cfg->reply_hours);
    return true;
}

/* Whether message AT follows a meaningful message of mine, unanswered: it
 * leads up on my earlier one. */
static bool leads_up(struct rule_ctx *s, int at)
{
    for (int i = at - 1; i >= 0; i--)
        if (lu_msg_meaningful(msg(s, i)))
            return msg(s, i)->mine;
    return false;
}

/* My latest message promises something: with a date, due at its end; or,
 * when it is the thread's latest, asks for an answer too and is not a
 * lead-up on an earlier message of mine, without one, due when awaiting's
 * first lead-up would be.  (A lead-up's promise is the cadence's own: "a
 * one-word no is fine and I will close it on my side", the awaiting-last
 * template, must let the thread go dormant.)  The rubric
 * (doc/labelling.md Part 1) puts promise-mine before awaiting, dated or
 * not: "I will review and let you know. Can you send the contract?" owes
 * the review first.  An undated promise with no ask beside it is left to
 * the other rules: on the train people of label batches 1-22 it made
 * promise-mine where the readers saw none about as often as where they saw
 * one (doc/benchmarks-log.md, "Promises of mine"), as in sessions 23 and 25. */
static bool rule_promise_mine(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    struct lu_msg *m;
    struct lu_sentence *c;
    struct lu_analysis *an;
    gint64 due;

    if (s->last_mine < 0)
        return false;
    m = msg(s, s->last_mine);
    an = analysis(r, m);
    c = dated_promise(an, m);
    due = c ? sentence_due(c, m) : 0;
    if (!c && s->tracked && s->last == s->last_mine && an && an->expects_reply &&
        !leads_up(s, s->last_mine)) {
        c = sentence_with(an, LU_L_COMMITMENT);
        due = add_bizdays(r, m->date, r->cfg->first_bizdays);
    }
    if (!c)
        return false;
    v->state = LU_ST_PROMISE_MINE;
    v->anchor = v->evidence = s->last_mine;
    v->rule = LU_R_PROMISE_MINE;
    v->who = s->last_their >= 0 ? g_strdup(who_name(msg(s, s->last_their)->from)) : NULL;
    say(v->why, "You promised: \"%s\"", c->text);
    say(v->why, "It is due by %s; your next message in the thread resolves it.",
        set_due_said(s, v, due));
    return true;
}

/* My unanswered run: my meaningful messages after the last answer. */
struct run {
    int asked;               /* its first message */
    int stage;               /* lead-ups sent after it */
    bool expects;            /* one of them expects a reply */
    bool reminded;           /* the user asked to be reminded on one of them */
    bool answer;             /* one of them waits for an answer (lu_analysis.answer) */
    bool model_asks;         /* the per-message model read an ask the rules did not */
    bool model_not;          /* ... and none in one where they read one */
    bool last_expects;       /* my latest post of the run expects a reply */
    struct lu_sentence *ask; /* what I asked, or NULL */
};

/* On a list, in a thread somebody else started, the address of the one
 * MINE answers (I write as a helper), or NULL.  A same-subject post that
 * broke threading answers my ask only when it comes from them (or from
 * the asker who started the thread: run_start): another helper's post
 * answers the asker, not me. */
static const char *helping(const struct rule_ctx *s, const struct lu_msg *mine)
{
    int parent;

    if (!s->list || msg(s, 0)->mine)
        return NULL;
    parent = find_mid(s->msgs, mine->in_reply_to);
    if (parent < 0 || msg(s, parent)->mine || !msg(s, parent)->from)
        return NULL;
    return msg(s, parent)->from->email;
}

/* The first message of my unanswered run, or -1 when a reply that broke
 * threading answered all of it (noted).  Such a reply answers everything
 * before it. */
static int run_start(struct rule_ctx *s)
{
    const struct lu_rules *r = s->r;
    struct lu_msg *first, *last = msg(s, s->last);
    const char *asker;
    int asked = -1;

    for (int i = s->last; i >= 0; i--) {
        struct lu_msg *m = msg(s, i);
        if (!lu_msg_meaningful(m))
            continue;
        if (!m->mine)
            break;
        asked = i;
    }
    first = msg(s, asked);
    asker = helping(s, first);
    for (guint i = 0; s->elsewhere && i < s->elsewhere->len; i++) {
        struct lu_msg *o = g_ptr_array_index(s->elsewhere, i);
        if (continued_elsewhere(r, last, o)) {
            s->noted = LU_R_ANSWERED_ELSEWHERE;
            say(s->notes,
                "You wrote again on %s under the same subject in another thread (no "
                "reply headers): the conversation goes on there.",
                said_when(s, o->date));
            return -1;
        }
        if (!answers_elsewhere(r, first, o, s->list))
            continue;
        if (asker && g_ascii_strcasecmp(o->from->email, asker) != 0 &&
            !sent_to(r, first, o->from->email) && !started(s, o->from->email))
            continue;
        if (o->date > last->date) {
            s->noted = LU_R_ANSWERED_ELSEWHERE;
            say(s->notes, "%s answered on %s in a message that broke threading (%s).",
                who_name(o->from), said_when(s, o->date), o->mid);
            return -1;
        }
        while (asked <= s->last && (!msg(s, asked)->mine || msg(s, asked)->date < o->date))
            asked++;
        first = msg(s, asked);
    }
    return asked;
}

/* Whether my message M (analysed as AN) expects a reply.  In a list thread
 * I started my posts are a poster's asks to the list, often put without a
 * question ("I have no idea how to space the labels.  Thanks for any
 * help"): there the learned per-message model's verdict stands (U says
 * where it differs from the rules'); cross-fitted by person on the train
 * conversations it read 14 otherwise than the rules, 10 right
 * (doc/benchmarks-log.md, s48-askmodel).  Elsewhere the rules'. */
static bool mine_expects(const struct rule_ctx *s, const struct lu_msg *m,
                         const struct lu_analysis *an, struct run *u)
{
    if (!s->list || !msg(s, 0)->mine || !m->mine || an->expects_reply_model == an->expects_reply)
        return an->expects_reply;
    if (an->expects_reply_model)
        u->model_asks = true;
    else
        u->model_not = true;
    return an->expects_reply_model;
}

/* Reads my run from U->asked on: its lead-ups, its ask, the user's remind. */
static void run_read(struct rule_ctx *s, const struct decided *d, struct run *u)
{
    for (int i = u->asked; i <= s->last; i++) {
        struct lu_msg *m = msg(s, i);
        struct lu_analysis *an;
        if (!lu_msg_meaningful(m))
            continue;
        if (i > u->asked)
            u->stage++;
        an = analysis(s->r, m);
        u->last_expects = an && mine_expects(s, m, an, u);
        if (u->last_expects) {
            u->expects = true;
            if (!u->ask)
                u->ask = ask_sentence(an);
        }
        u->answer = u->answer || (an && an->answer);
        if (d->remind && strcmp(d->remind->mid, m->mid) == 0)
            u->reminded = true;
    }
}

/* Automatic answers from message FROM on, as reasons.  Returns the latest
 * return date an out-of-office among them gives, or 0: it moves the next
 * step. */
static gint64 automatic_answers(struct rule_ctx *s, int from, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    gint64 ooo = 0;

    for (int i = from; i < (int)s->msgs->len; i++) {
        struct lu_msg *m = msg(s, i);
        struct lu_analysis *an;
        if (m->autokind == LU_AUTO_NONE)
            continue;
        say(v->why, "%s sent %s on %s (%s): not a reply.", who_name(m->from),
            m->autokind == LU_AUTO_RECEIPT  ? "a read receipt"
            : m->autokind == LU_AUTO_BOUNCE ? "a delivery report"
                                            : "an automatic answer",
            said_when(s, m->date), m->auto_why ? m->auto_why : "automatic");
        if (m->autokind != LU_AUTO_REPLY)
            continue;
        an = analysis(r, m);
        if (an && an->has_return && an->ooo_return.start > ooo) {
            ooo = an->ooo_return.start;
            say(v->why, "Their out-of-office says they are back %s.", said_when(s, ooo));
        }
    }
    return ooo;
}

/* When the next lead-up on run U is due (not before the business day after
 * an out-of-office return OOO), or, once the cadence is spent, dormant. */
static void cadence(struct rule_ctx *s, const struct decided *d, const struct run *u, gint64 ooo,
                    struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    const struct lu_config *cfg = r->cfg;
    struct lu_msg *last = msg(s, s->last);
    bool at = u->reminded && d->remind->at;
    gint64 due;

    if (at) {
        due = d->remind->at;
    } else if (u->stage == 0) {
        due = add_bizdays(r, msg(s, u->asked)->date, cfg->first_bizdays);
    } else {
        due = last->date + (gint64)cfg->interval_days * 86400;
        due = add_bizdays(r, due, 0);
    }
    if (ooo && due < bizday_after(r, ooo))
        due = bizday_after(r, ooo);
    /* An explicit reminder date outlives the cadence. */
    if (u->stage >= cfg->max_leadups && !at) {
        gint64 quiet = last->date + (gint64)cfg->interval_days * 86400;
        if (r->now >= quiet) {
            v->state = LU_ST_DORMANT;
            v->rule = LU_R_CADENCE_EXHAUSTED;
            say(v->why, "Your %d lead-ups went unanswered: the thread is dormant.", u->stage);
            return;
        }
        v->sched.next_check = quiet;
        say(v->why, "That was the last lead-up; the thread goes dormant if nothing comes by then.");
        return;
    }
    say(v->why, "The %s lead-up is due %s.",
        u->stage == 0                      ? "first"
        : u->stage + 1 == cfg->max_leadups ? "last (close-the-loop)"
                                           : "next",
        set_due_said(s, v, due));
}

/* My unanswered run expects an answer (or the user asked to be reminded):
 * awaiting, by the cadence. */
static bool rule_awaiting(struct rule_ctx *s, const struct decided *d, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    struct run u = {0};
    struct lu_msg *last;
    GPtrArray *rcpt;
    int parent;

    if (s->last < 0 || s->last != s->last_mine || (u.asked = run_start(s)) < 0)
        return false;
    run_read(s, d, &u);
    if (u.model_not && !u.expects)
        say(s->notes, "The learned per-message model reads no ask for an answer in your post to "
                      "the list (the rules read one).");
    if (!u.expects && !u.reminded && !s->as_open)
        return false;
    /* On a list my latest post decides: a follow-up of mine that asks
     * nothing (my own fix, an update, thanks) ends the wait my earlier ask
     * began; the readers held 17 of 22 such train threads none
     * (doc/benchmarks-log.md, s54-lastpost).  A mailbox keeps its lead-ups. */
    if (s->list && u.stage > 0 && !u.last_expects && !u.reminded && !s->as_open) {
        say(s->notes, "Your latest post to the list asks nothing more: it ends the wait.");
        return false;
    }
    if (!s->tracked && !u.reminded)
        return false;
    /* On a list, in a thread somebody else started, I write as a helper:
     * most of my asks there are advice ("have you tried ...?") whose
     * silence owes me nothing (the asker's own follow-up brings the thread
     * back); only what the learned reply model reads as waiting for the
     * asker's answer ("Does that fix it?") waits. */
    if (s->list && !msg(s, 0)->mine && !u.reminded && !u.answer)
        return false;
    last = msg(s, s->last);
    rcpt = real_recipients(r, last);
    if (rcpt->len == 0 && !u.reminded) {
        g_ptr_array_free(rcpt, TRUE);
        return false;
    }
    /* On a list, the person I answered is whom I wait for, not the list. */
    parent = s->list && last->in_reply_to ? find_mid(s->msgs, last->in_reply_to) : -1;
    if (parent >= 0 && !msg(s, parent)->mine)
        v->who = g_strdup(who_name(msg(s, parent)->from));
    else
        v->who = recipients_str(rcpt);
    g_ptr_array_free(rcpt, TRUE);
    v->state = LU_ST_AWAITING;
    v->anchor = s->last;
    v->asked = v->evidence = u.asked;
    v->sched.stage = u.stage;
    v->rule = LU_R_AWAITING;
    say(v->why, "You wrote to %s on %s and nobody else has written since.", v->who,
        said_when(s, msg(s, u.asked)->date));
    if (u.ask)
        say(v->why, "You asked: \"%s\"", u.ask->text);
    if (u.model_asks)
        say(v->why, "The learned per-message model reads your post to the list as asking for an "
                    "answer (the rules read no question in it).");
    if (s->list && !msg(s, 0)->mine && !u.reminded)
        say(v->why, "In a list thread somebody else started, the learned reply model reads "
                    "it as waiting for their answer, not as advice.");
    if (u.reminded && !u.expects && d->remind->kind == LU_D_REMIND)
        say(v->why, "You asked to be reminded if no reply comes.");
    if (u.stage)
        say(v->why, "You have sent %d lead-up%s since (cadence stage %d of %d).", u.stage,
            u.stage == 1 ? "" : "s", u.stage, r->cfg->max_leadups);
    cadence(s, d, &u, automatic_answers(s, u.asked, v), v);
    return true;
}

/* A snooze that ran out on a thread no other rule holds: the user asked to
 * see it again, so it comes back where the ball is: my message awaiting
 * (as if they had asked to be reminded), or theirs needing a reply. */
static bool rule_snooze_ended(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    const struct decided *d = &s->d;
    struct lu_decision remind;
    struct decided as_remind = *d;
    struct lu_msg *m;

    if (!d->snooze || newer_since(s->msgs, d->snooze) || r->now < d->snooze->at || s->last < 0)
        return false;
    m = msg(s, s->last);
    if (m->mine) {
        remind = *d->snooze;
        remind.mid = m->mid;
        as_remind.remind = &remind;
        return rule_awaiting(s, &as_remind, v);
    }
    claim_reply(s, v, LU_R_SNOOZE_ENDED, s->last, "%s wrote last, on %s.");
    set_due(r, v, d->snooze->at);
    return true;
}

/* Their dated promise, or a dated next step agreed in the last exchange. */
static bool rule_promise_theirs(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    struct lu_sentence *c = NULL;
    struct lu_analysis *an;
    gint64 due = 0;
    int evidence = -1;

    if (!s->tracked || s->last_their < 0 || !involves_me(s, msg(s, s->last_their)) ||
        not_a_conversation(s, msg(s, s->last_their)))
        return false;
    an = analysis(r, msg(s, s->last_their));
    c = dated_promise(an, msg(s, s->last_their));
    if (c) {
        v->evidence = s->last_their;
        v->rule = LU_R_PROMISE_THEIRS;
        due = sentence_due(c, msg(s, s->last_their));
        say(v->why, "%s promised: \"%s\"", who_name(msg(s, s->last_their)->from), c->text);
    } else if (s->last >= 0) {
        /* An agreement in the last exchange, dated by itself or by the proposal it accepts. */
        struct lu_analysis *la = analysis(r, msg(s, s->last));
        if (la && la->has_next_step && la->next_step_agreed) {
            due = la->next_step.end;
            evidence = s->last;
        } else if (la && (la->labels & LU_L_AGREEMENT) && s->last > 0) {
            for (int i = s->last - 1; i >= 0 && !due; i--) {
                struct lu_msg *p = msg(s, i);
                struct lu_analysis *pa;
                if (!lu_msg_meaningful(p))
                    continue;
                pa = analysis(r, p);
                if (pa && pa->has_next_step)
                    due = pa->next_step.end, evidence = i;
                break;
            }
        }
        if (!due)
            return false;
        v->evidence = evidence;
        v->rule = LU_R_AGREED_STEP;
        c = sentence_with(analysis(r, msg(s, v->evidence)),
                          LU_L_AGREEMENT | LU_L_PROPOSAL | LU_L_COMMITMENT);
        say(v->why, "You agreed a next step%s%s%s", c ? ": \"" : ".", c ? c->text : "",
            c ? "\"" : "");
    } else {
        return false;
    }
    v->state = LU_ST_PROMISE_THEIRS;
    v->anchor = s->last_their;
    v->who = g_strdup(who_name(msg(s, s->last_their)->from));
    say(v->why, "If nothing comes from %s by %s, lead them to it.", v->who,
        set_due_said(s, v, due));
    return true;
}

/* Both sides wrote, nothing is open, and no dated next step was agreed. */
static bool rule_no_next_step(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    struct lu_msg *m;
    struct lu_analysis *an;

    if (!s->tracked || s->last_mine < 0 || s->last_their < 0 || s->last < 0)
        return false;
    m = msg(s, s->last);
    /* A public discussion ends without a dated next step as a matter of
     * course; "no next step" is about conversations between people. */
    if (s->list)
        return false;
    an = analysis(r, m);
    if (an && (an->closing || an->declined)) {
        s->noted = LU_R_CLOSING;
        return false;
    }
    v->state = LU_ST_NO_NEXT_STEP;
    v->anchor = v->evidence = s->last;
    v->rule = LU_R_NO_NEXT_STEP;
    v->who = g_strdup(who_name(msg(s, s->last_their)->from));
    say(v->why,
        "You and %s have both written, nothing is open, and no next step with a date was agreed.",
        v->who);
    say(v->why, "Propose one by %s (%d quiet business days).",
        set_due_said(s, v, add_bizdays(r, m->date, r->cfg->quiet_bizdays)), r->cfg->quiet_bizdays);
    return true;
}

/* A user's dated next step overrides what the text says, until the side
 * that owes it writes. */
static bool rule_next_step(struct rule_ctx *s, struct lu_verdict *v)
{
    struct lu_decision *x = s->d.next_step;

    if (!x)
        return false;
    for (guint i = 0; i < s->msgs->len; i++) {
        struct lu_msg *m = msg(s, i);
        if (lu_msg_meaningful(m) && m->date > x->taken && m->mine == x->mine)
            return false; /* the side that owed it has written since */
    }
    v->state = x->mine ? LU_ST_PROMISE_MINE : LU_ST_PROMISE_THEIRS;
    v->anchor = s->last >= 0 ? s->last : (int)s->msgs->len - 1;
    v->rule = LU_R_NEXT_STEP;
    v->who = s->last_their >= 0 ? g_strdup(who_name(msg(s, s->last_their)->from)) : NULL;
    say(v->why, "You recorded a next step%s%s%s, due %s (%s).", x->text ? ": \"" : "",
        x->text ? x->text : "", x->text ? "\"" : "",
        set_due_said(s, v, x->at_end ? x->at_end : x->at), x->mine ? "yours" : "theirs");
    return true;
}

/* Claims the thread for a decision of mine: STATE by RULE, anchored at
 * ANCHOR, with the reason FMT, whose one %s is WHEN in words.  True. */
static bool claim_decided(struct rule_ctx *s, struct lu_verdict *v, enum lu_state state,
                          enum lu_rule rule, int anchor, gint64 when, const char *fmt)
    G_GNUC_PRINTF(7, 0);
static bool claim_decided(struct rule_ctx *s, struct lu_verdict *v, enum lu_state state,
                          enum lu_rule rule, int anchor, gint64 when, const char *fmt)
{
    v->state = state;
    v->anchor = anchor;
    v->rule = rule;
    say(v->why, fmt, said_when(s, when));
    return true;
}

/* I muted the thread: nothing about it is tracked. */
static bool rule_muted(struct rule_ctx *s, struct lu_verdict *v)
{
    return s->d.mute &&
           claim_decided(s, v, LU_ST_MUTED, LU_R_MUTED, (int)s->msgs->len - 1, s->d.mute->taken,
                         "You muted this thread on %s: leadup never tracks it ('leadup reopen' "
                         "undoes it).");
}

/* I marked it done and nothing came since. */
static bool rule_done(struct rule_ctx *s, struct lu_verdict *v)
{
    return s->d.done && !newer_since(s->msgs, s->d.done) &&
           claim_decided(s, v, LU_ST_CLOSED, LU_R_DONE, (int)s->msgs->len - 1, s->d.done->taken,
                         "You marked this thread done on %s; a new message reopens it.");
}

/* No human message at all (automatic mail, drafts): nothing to follow up,
 * and no rule below has anything to read. */
static bool rule_nothing_said(struct rule_ctx *s, struct lu_verdict *v)
{
    if (s->last >= 0)
        return false;
    v->rule = LU_R_NOTHING;
    return true;
}

/* Their latest message declines, and I have not reopened the thread since. */
static bool rule_declined(struct rule_ctx *s, struct lu_verdict *v)
{
    struct lu_analysis *an;
    struct lu_sentence *x;

    if (s->last_their < 0 || msg(s, s->last_their)->date <= s->d.reopened)
        return false;
    an = analysis(s->r, msg(s, s->last_their));
    if (!an || !an->declined)
        return false;
    x = sentence_with(an, LU_L_DECLINE);
    v->state = LU_ST_CLOSED;
    v->anchor = v->evidence = s->last_their;
    v->rule = LU_R_DECLINED;
    v->who = g_strdup(who_name(msg(s, s->last_their)->from));
    say(v->why, "%s declined%s%s%s: the thread is closed for good ('leadup reopen' undoes it).",
        v->who, x ? ": \"" : "", x ? x->text : "", x ? "\"" : "");
    return true;
}

/* A snooze that still runs, and nothing came since. */
static bool rule_snoozed(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_decision *z = s->d.snooze;

    if (!z || newer_since(s->msgs, z) || s->r->now >= z->at)
        return false;
    v->sched.next_check = z->at;
    return claim_decided(s, v, LU_ST_SNOOZED, LU_R_SNOOZED, s->last, z->at,
                         "You snoozed this thread until %s; a new message wakes it earlier.");
}

/* A next step recorded after the latest message, and after any remind. */
static bool rule_fresh_next_step(struct rule_ctx *s, struct lu_verdict *v)
{
    return !s->remind_first && fresh(s->msgs, s->d.next_step) && rule_next_step(s, v);
}

/* A delivery failure after my latest message, and no human answer since:
 * in the thread, or elsewhere naming one of my messages here. */
static bool rule_bounced(struct rule_ctx *s, struct lu_verdict *v)
{
    struct lu_msg *bounce = NULL;
    GPtrArray *rcpt;

    if (s->last_mine < 0 || s->last != s->last_mine)
        return false;
    for (guint i = s->last_mine + 1; i < s->msgs->len && !bounce; i++)
        if (msg(s, (int)i)->autokind == LU_AUTO_BOUNCE)
            bounce = msg(s, (int)i);
    for (guint i = 0; s->elsewhere && i < s->elsewhere->len && !bounce; i++) {
        struct lu_msg *m = g_ptr_array_index(s->elsewhere, i);
        int at = find_mid(s->msgs, m->bounced_mid);
        if (m->autokind == LU_AUTO_BOUNCE && at >= 0 && msg(s, at)->mine &&
            m->date >= msg(s, s->last_mine)->date - 60)
            bounce = m;
    }
    if (!bounce)
        return false;
    rcpt = real_recipients(s->r, msg(s, s->last_mine));
    v->state = LU_ST_BOUNCED;
    v->anchor = s->last_mine;
    v->rule = LU_R_BOUNCED;
    v->who = recipients_str(rcpt);
    g_ptr_array_free(rcpt, TRUE);
    say(v->why, "A delivery failure came back on %s (%s): check the address.",
        said_when(s, bounce->date), bounce->auto_why);
    return true;
}

/* A remind taken after the latest message, and after any next step. */
static bool rule_fresh_remind(struct rule_ctx *s, struct lu_verdict *v)
{
    return s->remind_first && rule_awaiting(s, &s->d, v);
}

/* My unanswered run, by the cadence (a stale remind still counts). */
static bool rule_waiting(struct rule_ctx *s, struct lu_verdict *v)
{
    return !s->remind_first && rule_awaiting(s, &s->d, v);
}

/* The rules in precedence order: the first that claims a thread decides
 * it.  What the user just said about the thread beats what its text
 * suggests (a decision is fresh while no message has come since it was
 * taken); the ball in our court comes before the ball in theirs; a promise
 * of mine comes before the cadence of a question I asked with it.  A rule that SETTLES the thread is final: neither the horizon nor an
 * ended snooze touches its verdict (DEVELOPERS.md: adding a rule). */
static const struct rule {
    bool (*claims)(struct rule_ctx *s, struct lu_verdict *v);
    bool settles;
} rules[] = {
    {rule_muted, true},           {rule_done, true},          {rule_nothing_said, true},
    {rule_declined, true},        {rule_snoozed, true},       {rule_fresh_next_step, false},
    {rule_bounced, true},         {rule_needs_reply, false},  {rule_fresh_remind, false},
    {rule_next_step, false},      {rule_promise_mine, false}, {rule_waiting, false},
    {rule_promise_theirs, false}, {rule_no_next_step, false}, {rule_snooze_ended, false},
};

static const char *const rule_texts[LU_R_COUNT] = {
    [LU_R_NOTHING] = "nothing to follow up",
    [LU_R_NOT_MINE] = "not my conversation",
    [LU_R_MUTED] = "you muted this thread",
    [LU_R_DONE] = "you marked it done",
    [LU_R_DECLINED] = "they declined",
    [LU_R_SNOOZED] = "you snoozed it",
    [LU_R_NEXT_STEP] = "you recorded an agreed next step",
    [LU_R_BOUNCED] = "my message bounced",
    [LU_R_NEEDS_REPLY] = "their latest message asks something of me and I have not answered",
    [LU_R_PROMISE_MINE] = "my latest message promises something",
    [LU_R_AWAITING] = "my latest message expects an answer that has not come",
    [LU_R_CADENCE_EXHAUSTED] = "the cadence is exhausted",
    [LU_R_PROMISE_THEIRS] = "they promised something with a date",
    [LU_R_AGREED_STEP] = "we agreed a dated next step",
    [LU_R_NO_NEXT_STEP] = "both sides wrote and no dated next step was agreed",
    [LU_R_SNOOZE_ENDED] = "the snooze ended on their message",
    [LU_R_HORIZON] = "quiet beyond the horizon",
    [LU_R_BULK] = "unsolicited bulk mail",
    [LU_R_NEVER_ANSWERED] = "a sender you never write to",
    [LU_R_ANSWERED_ELSEWHERE] = "answered in another thread",
    [LU_R_CLOSING] = "the thread ended with a closing",
    [LU_R_MODEL] = "the thread model reads it as finished",
    [LU_R_MODEL_OPEN] = "the thread model reads it as left open",
};

const char *lu_rule_text(enum lu_rule id)
{
    return id < LU_R_COUNT && rule_texts[id] ? rule_texts[id] : "?";
}

void lu_verdict_init(struct lu_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->anchor = v->asked = v->evidence = -1;
    v->why = g_ptr_array_new_with_free_func(g_free);
    v->rule = LU_R_NOTHING;
    v->p_open = -1;
}

/* Reads MSGS for the rules: who wrote each (sets mine, to_me and a
 * message of mine's unsent), the latest meaningful ones, whether it is a
 * list thread and whether lists are tracked; and the decisions that hold. */
void lu_msg_know_me(const struct lu_identity *me, struct lu_msg *m)
{
    GPtrArray *lists[] = {m->to, m->cc};

    m->mine = m->from && lu_identity_is_me(me, m->from->email);
    if (m->mine && !m->unsent)
        m->unsent = m->unsent_if_mine;
    m->to_me = false;
    for (int l = 0; l < 2; l++)
        for (guint j = 0; j < lists[l]->len && !m->to_me; j++)
            m->to_me =
                lu_identity_is_me(me, ((struct lu_addr *)g_ptr_array_index(lists[l], j))->email);
}

static void ctx_init(struct rule_ctx *s, const struct lu_rules *r, GPtrArray *msgs,
                     GPtrArray *decisions, GPtrArray *elsewhere)
{
    memset(s, 0, sizeof *s);
    s->r = r;
    s->msgs = msgs;
    s->elsewhere = elsewhere;
    s->last = s->last_mine = s->last_their = -1;
    s->tracked = true;
    s->notes = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        lu_msg_know_me(r->me, m);
        if (m->list_id)
            s->list = true;
        if (!lu_msg_meaningful(m))
            continue;
        s->last = (int)i;
        if (m->mine)
            s->last_mine = (int)i;
        else
            s->last_their = (int)i;
    }
    for (guint i = 0; i < msgs->len && s->list; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (m->list_id) {
            s->tracked = in_list(r, m->list_id);
            break;
        }
    }
    collect_decisions(decisions, &s->d);
    /* The latest of a fresh remind and a fresh next step goes first. */
    s->remind_first = fresh(msgs, s->d.remind) && s->d.remind_last;
}

/* Past the horizon a conversation is history, not a to-do: dormant, unless
 * the user asked for it explicitly (remind, next-step, snooze).  Then a
 * snooze that ran out says so: the user asked to see it again then. */
static void after_claim(struct rule_ctx *s, struct lu_verdict *v)
{
    const struct lu_rules *r = s->r;
    const struct lu_decision *z = s->d.snooze;

    if (r->cfg->horizon_days > 0 && !s->d.remind && !s->d.next_step && !z &&
        v->state != LU_ST_DORMANT) {
        gint64 edge = msg(s, s->last)->date + (gint64)r->cfg->horizon_days * 86400;
        if (r->now >= edge) {
            say(v->why,
                "The thread has been quiet for more than %d days ([scan] horizon): it is "
                "dormant, not %s.",
                r->cfg->horizon_days, lu_state_name(v->state));
            v->state = LU_ST_DORMANT;
            v->rule = LU_R_HORIZON;
            v->sched.due = false;
            v->sched.due_at = 0;
            v->sched.next_check = 0;
            return;
        }
        if (!v->sched.next_check || edge < v->sched.next_check)
            v->sched.next_check = edge;
    }
    if (z && !newer_since(s->msgs, z) && r->now >= z->at && v->state != LU_ST_NONE) {
        if (!v->sched.due) {
            v->sched.due = true;
            v->sched.due_at = z->at;
        }
        say(v->why, "Your snooze ended %s.", said_when(s, z->at));
    }
}

/* ---- quotes without markers: the thread's context for reading a message */

struct in_thread {
    const struct lu_rules *outer;
    GPtrArray *msgs;
    /* SAID and AUTHORS are made when a text is first compared here: most
     * threads of a full scan come compared by its workers (r->said), and
     * the two made and freed for each were 17 M instructions of a first
     * full scan at 10,000 (issue 14). */
    struct lu_said *said; /* the own text of msgs[0..hashed) */
    guint hashed;
    guint loaded;        /* msgs[0..loaded) have had their text read */
    GHashTable *authors; /* normalised address -> writer number (from 1) */
    GPtrArray *ans;      /* msgs[i]'s analysis as written, or NULL (not owned) */
};

static int author_id(struct in_thread *t, const struct lu_msg *m)
{
    char *key = lu_addr_norm(m->from && m->from->email ? m->from->email : "");
    gpointer id;

    if (!t->authors)
        t->authors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    id = g_hash_table_lookup(t->authors, key);

    if (id) {
        g_free(key);
        return GPOINTER_TO_INT(id);
    }
    id = GINT_TO_POINTER(g_hash_table_size(t->authors) + 1);
    g_hash_table_insert(t->authors, key, id);
    return GPOINTER_TO_INT(id);
}

/* Reads M's own text only, where the caller can (no sentence analysis). */
static void read_body(const struct lu_rules *r, struct lu_msg *m)
{
    if (m->body)
        return;
    if (r->body)
        r->body(m, r->data);
    else if (r->analyse)
        r->analyse(m, r->data);
}

/* Reads the text of the messages before M that the comparison reads
 * (those with something to say), up to AT, M's index. */
static void read_earlier(struct in_thread *t, guint at)
{
    for (; t->loaded <= at; t->loaded++) {
        struct lu_msg *p = g_ptr_array_index(t->msgs, t->loaded);
        if (lu_msg_meaningful(p))
            read_body(t->outer, p);
    }
}

/* Drops from M's text (M is msgs[AT], its text read) the sentences another
 * writer's earlier message already has: compared once.  Every message up to
 * M is hashed once, as it was written (full_text); an earlier one from the
 * folded sentences kept with it, when the scan kept them (said.h
 * lu_said_keep: no split, no fold).  The scan's workers may
 * have compared it already (r->said): the same sentences go. */
static void unquote_at(struct in_thread *t, struct lu_msg *m, guint at)
{
    const struct lu_rules *r = t->outer;
    int dropped = 0;
    char *own = NULL;

    read_earlier(t, at);
    if (!r->said || !r->said(m, r->data, &own, &dropped)) {
        if (!t->said)
            t->said = lu_said_new();
        for (; t->hashed <= at; t->hashed++) {
            struct lu_msg *p = g_ptr_array_index(t->msgs, t->hashed);
            if (lu_msg_meaningful(p) && p->body && p->body->text)
                lu_said_add_msg(t->said, p, p->body->full_text ? p->body->full_text : p->body->text,
                                t->ans ? g_ptr_array_index(t->ans, t->hashed) : NULL,
                                (int)t->hashed, author_id(t, p), t->hashed == at);
        }
        own = m->body->text
                  ? lu_said_unquote(t->said, m->body->text, (int)at, author_id(t, m), &dropped)
                  : NULL;
    }
    m->body->compared = true;
    if (own) {
        m->body->full_text = m->body->text;
        m->body->text = own;
        m->body->repeated = dropped;
        if (m->an) { /* analysed with the pasted sentences: again without */
            g_clear_pointer(&m->an, lu_analysis_free);
        }
    }
}

/* The analyse callback inside a thread: M's sentences that another writer's
 * earlier message already has are dropped before M is analysed (said.c). */
static void analyse_in_thread(struct lu_msg *m, void *data)
{
    struct in_thread *t = data;
    const struct lu_rules *r = t->outer;
    int at = -1;

    if (m->an && m->body && m->body->compared)
        return; /* the rules ask again and again: answer at once */
    for (guint i = 0; i < t->msgs->len && at < 0; i++)
        if (g_ptr_array_index(t->msgs, i) == m)
            at = (int)i;
    read_body(r, m);
    if (at >= 0 && m->body && !m->body->compared)
        unquote_at(t, m, (guint)at);
    if (!m->an && r->analyse)
        r->analyse(m, r->data);
}

/* The sender callback inside a thread: the outer rules' own. */
static void sender_in_thread(struct lu_msg *m, enum lu_sender_count what, void *data)
{
    const struct lu_rules *r = ((struct in_thread *)data)->outer;

    r->sender(m, what, r->data);
}

/* The rules R inside the thread MSGS: INNER analyses through T.  Returns
 * INNER; in_thread_end releases T. */
static const struct lu_rules *in_thread_begin(struct in_thread *t, struct lu_rules *inner,
                                              const struct lu_rules *r, GPtrArray *msgs)
{
    *t = (struct in_thread){r, msgs, NULL, 0, 0, NULL, NULL};
    *inner = *r;
    inner->analyse = analyse_in_thread;
    inner->sender = r->sender ? sender_in_thread : NULL;
    inner->data = t;
    return inner;
}

static void in_thread_end(struct in_thread *t)
{
    lu_said_free(t->said);
    if (t->authors)
        g_hash_table_destroy(t->authors);
}

void lu_thread_unquote(GPtrArray *msgs)
{
    lu_thread_unquote_split(msgs, NULL);
}

void lu_thread_unquote_split(GPtrArray *msgs, GPtrArray *ans)
{
    struct lu_rules none = {0}, inner;
    struct in_thread t;

    in_thread_begin(&t, &inner, &none, msgs);
    t.ans = ans && ans->len == msgs->len ? ans : NULL;
    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *m = g_ptr_array_index(msgs, i);
        if (m->body && !m->body->compared)
            unquote_at(&t, m, i);
    }
    in_thread_end(&t);
}

/* The verdict the rules would give were the conversation left open at its
 * last message, into OPEN (initialised): the queue who wrote last implies
 * (mine: awaiting, by the cadence; theirs and to me: needs-reply), read by
 * those rules with the ask taken as given, then the horizon.  False when
 * no queue would hold it: a thread the rules let go for a reason (bulk
 * mail, answered elsewhere, a closing), a list not opted in, their
 * message not to me or from a no-reply address, mine to nobody. */
static bool rules_as_open(struct rule_ctx *s, struct lu_verdict *open)
{
    guint notes = s->notes->len;
    enum lu_rule noted = s->noted;
    bool claims;

    if (s->last < 0 || s->noted != LU_R_NOTHING)
        return false;
    s->as_open = true;
    claims = s->last == s->last_mine ? rule_awaiting(s, &s->d, open) : rule_needs_reply(s, open);
    s->as_open = false;
    /* What they noticed on the way is said already, or not so. */
    g_ptr_array_set_size(s->notes, (gint)notes);
    s->noted = noted;
    if (claims)
        after_claim(s, open);
    return claims;
}

/* What the learned model may do to the thread the rules decided into V
 * (CLAIMED: the rule that did, or NULL): nothing once the user decided on
 * it (remind, next step, snooze: the rules that keep such a thread hold
 * it); take a text rule's queue state back; or put a thread in no queue
 * into OPEN's. */
static enum lu_tm_may model_may(struct rule_ctx *s, const struct rule *claimed,
                                struct lu_verdict *v, struct lu_verdict *open)
{
    if (s->d.remind || s->d.next_step || s->d.snooze)
        return LU_TM_FIXED;
    if (claimed)
        return lu_thread_model_may_out(v) ? LU_TM_OUT : LU_TM_FIXED;
    return rules_as_open(s, open) ? LU_TM_IN : LU_TM_FIXED;
}

void lu_thread_decide(const struct lu_rules *r, GPtrArray *msgs, GPtrArray *decisions,
                      GPtrArray *elsewhere, struct lu_verdict *v)
{
    struct rule_ctx s;
    const struct rule *claimed = NULL;
    struct in_thread t;
    struct lu_rules inner;
    struct lu_verdict open;

    lu_verdict_init(v);
    if (!msgs || msgs->len == 0)
        return;
    ctx_init(&s, in_thread_begin(&t, &inner, r, msgs), msgs, decisions, elsewhere);
    for (size_t i = 0; i < G_N_ELEMENTS(rules) && !claimed; i++)
        if (rules[i].claims(&s, v))
            claimed = &rules[i];
    lu_verdict_init(&open);
    v->may = model_may(&s, claimed, v, &open);
    v->open_state = open.state;
    if (r->features_unread && !lu_thread_model_weighs(r->model ? r->model : &lu_tm_model))
        lu_thread_features_read(&inner, msgs, s.last, v); /* has_features stays false */
    else
        lu_thread_features(&inner, msgs, s.last, v);
    /* What the rules that let it go noticed comes first. */
    for (guint i = 0; i < s.notes->len; i++)
        g_ptr_array_insert(v->why, (gint)i, g_strdup(g_ptr_array_index(s.notes, i)));
    if (!claimed) {
        v->rule = s.noted;
        if (s.list && !s.tracked && v->why->len == 0)
            say(v->why, "A mailing-list thread, and lists are not opted in ([scan] lists).");
    } else if (!claimed->settles) {
        after_claim(&s, v);
    }
    /* The learned correction reads only what the messages say: a thread the
     * user decided on (remind, next step, snooze) keeps the rules' verdict. */
    if (v->may == LU_TM_FIXED ||
        !lu_thread_model_apply(r->model ? r->model : &lu_tm_model, &open, v))
        v->rules_state = v->state;
    lu_verdict_clear(&open);
    g_ptr_array_free(s.notes, TRUE);
    in_thread_end(&t);
}

int lu_thread_rule_count(void)
{
    return (int)G_N_ELEMENTS(rules);
}

bool lu_thread_rule_claims(int i, const struct lu_rules *r, GPtrArray *msgs, GPtrArray *decisions,
                           GPtrArray *elsewhere, struct lu_verdict *v)
{
    struct rule_ctx s;
    bool claims;
    struct in_thread t;
    struct lu_rules inner;

    if (i < 0 || i >= lu_thread_rule_count() || !msgs || msgs->len == 0)
        return false;
    ctx_init(&s, in_thread_begin(&t, &inner, r, msgs), msgs, decisions, elsewhere);
    claims = rules[i].claims(&s, v);
    g_ptr_array_free(s.notes, TRUE);
    in_thread_end(&t);
    return claims;
}
