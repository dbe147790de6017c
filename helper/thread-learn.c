/* thread-learn.c - the learned thread-state correction: the features the
 * model reads of a decided thread, and its application to the verdict.
 * Pure: no I/O (messages are analysed through the rules' callback, as the
 * rules themselves do).  The weights are data: thread-model.c, written by
 * scripts/train-threads; the feature order here is the order there. */
#include "leadup.h"

#include <math.h>
#include <string.h>

enum {
    F_NEEDS_REPLY,
    F_AWAITING,
    F_PROMISE_MINE,
    F_PROMISE_THEIRS,
    F_NO_NEXT_STEP,
    F_DORMANT,
    F_NO_QUEUE,
    F_LAST_MINE,
    F_EXPECTS,
    F_REQUESTS,
    F_PROPOSALS,
    F_COMMITMENTS,
    F_AGREEMENTS,
    F_DECLINES,
    F_CLOSING,
    F_THANKS_ONLY,
    F_SENTENCES,
    F_QUESTION_MARK,
    F_DATED,
    F_REPLIES_TO_MINE,
    F_TO_ME,
    F_COPIED_ONLY,
    F_RECIPIENTS,
    F_AUTO_OR_BULK,
    F_REPEATED,
    F_LIST,
    F_MESSAGES,
    F_WRITERS,
    F_MY_SHARE,
    F_NEVER_WROTE,
    F_AGE,
    F_PAST_HORIZON,
    F_LEADUPS,
    F_WORDS,
    F_PREFIXED,
    F_FORWARD,
    F_NOREPLY,
    F_LINKS,
    F_FIRST_MINE,
    F_MINE_ASKS,
    F_MINE_ANSWER,
    F_MINE_QUESTIONS,
    F_MINE_ENDS_QUESTION,
    F_THEIRS_ASKS,
    F_THEIRS_ANSWER,
    F_THEIRS_QUESTIONS,
    F_THEIRS_ENDS_QUESTION,
    F_TO_ONE,
    F_PARTICIPANTS,
    F_BUSINESS_DAYS,
    F_ANSWERS_ANOTHER,
    F_COUNT
};
G_STATIC_ASSERT(F_COUNT == LU_TM_NFEAT);

/* Each feature once, by the enum above (whose order is the weights'):
 * its name (scripts/train-threads reads them here; `why --format=json`)
 * and the words `why` says when it weighs in the model's verdict. */
static const struct {
    const char *name, *words;
} features[F_COUNT] = {
    [F_NEEDS_REPLY] = {"rules-needs-reply", "the rules read needs-reply"},
    [F_AWAITING] = {"rules-awaiting", "the rules read awaiting"},
    [F_PROMISE_MINE] = {"rules-promise-mine", "the rules read a promise of mine"},
    [F_PROMISE_THEIRS] = {"rules-promise-theirs", "the rules read a promise of theirs"},
    [F_NO_NEXT_STEP] = {"rules-no-next-step", "the rules read no next step"},
    [F_DORMANT] = {"rules-dormant", "the lead-ups went unanswered"},
    [F_NO_QUEUE] = {"rules-no-queue", "the rules put it in no queue"},
    [F_LAST_MINE] = {"last-mine", "I wrote last"},
    [F_EXPECTS] = {"last-expects-reply", "the last message expects a reply"},
    [F_REQUESTS] = {"last-requests", "the last message asks"},
    [F_PROPOSALS] = {"last-proposals", "the last message proposes"},
    [F_COMMITMENTS] = {"last-commitments", "the last message promises"},
    [F_AGREEMENTS] = {"last-agreements", "the last message agrees"},
    [F_DECLINES] = {"last-declines", "the last message declines"},
    [F_CLOSING] = {"last-closing", "the last message closes the exchange"},
    [F_THANKS_ONLY] = {"last-thanks-only", "the last message only thanks"},
    [F_SENTENCES] = {"last-sentences", "how long the last message is"},
    [F_QUESTION_MARK] = {"last-question-mark", "the last message has a question mark"},
    [F_DATED] = {"last-dated", "the last message names a date"},
    [F_REPLIES_TO_MINE] = {"last-replies-to-mine", "the last message answers mine"},
    [F_TO_ME] = {"last-to-me", "the last message is addressed to me"},
    [F_COPIED_ONLY] = {"last-copied-only", "I am only copied on the last message"},
    [F_RECIPIENTS] = {"last-recipients", "how many people the last message went to"},
    [F_AUTO_OR_BULK] = {"auto-or-bulk", "automatic or bulk mail in the thread"},
    [F_REPEATED] = {"last-repeated", "the last message repeats earlier text"},
    [F_LIST] = {"list", "a mailing-list thread"},
    [F_MESSAGES] = {"messages", "how many messages the thread has"},
    [F_WRITERS] = {"writers", "how many people wrote"},
    [F_MY_SHARE] = {"my-share", "how much of it I wrote"},
    [F_NEVER_WROTE] = {"never-wrote", "I never wrote in it"},
    [F_AGE] = {"age", "how long it has been quiet"},
    [F_PAST_HORIZON] = {"past-horizon", "it is quiet beyond the horizon"},
    [F_LEADUPS] = {"lead-ups", "the lead-ups I sent"},
    [F_WORDS] = {"last-words", "how many words the last message has"},
    [F_PREFIXED] = {"last-prefixed", "the last subject is a reply's or a forward's"},
    [F_FORWARD] = {"last-forward", "the last message is a forward"},
    [F_NOREPLY] = {"last-noreply", "the last message is from a no-reply address"},
    [F_LINKS] = {"last-links", "the last message carries links"},
    [F_FIRST_MINE] = {"first-mine", "I started the thread"},
    [F_MINE_ASKS] = {"mine-asks", "my last message asks something"},
    [F_MINE_ANSWER] = {"mine-answer-wanted",
                       "the reply model reads my last message as waiting for an answer"},
    [F_MINE_QUESTIONS] = {"mine-questions", "the questions in my last message"},
    [F_MINE_ENDS_QUESTION] = {"mine-ends-on-question", "my last message ends on a question"},
    [F_THEIRS_ASKS] = {"theirs-asks", "their last message asks something"},
    [F_THEIRS_ANSWER] = {"theirs-answer-wanted",
                         "the reply model reads their last message as waiting for an answer"},
    [F_THEIRS_QUESTIONS] = {"theirs-questions", "the questions in their last message"},
    [F_THEIRS_ENDS_QUESTION] = {"theirs-ends-on-question", "their last message ends on a question"},
    [F_TO_ONE] = {"last-to-one", "the last message went to one person, not a list"},
    [F_PARTICIPANTS] = {"participants", "how many people are in the thread"},
    [F_BUSINESS_DAYS] = {"business-days", "how many working days it has been quiet"},
    [F_ANSWERS_ANOTHER] = {"last-answers-another",
                           "the last message answers somebody else, not me"},
};

const char *lu_tm_feature_name(int i)
{
    return features[i].name;
}

static float capped(int n, int cap)
{
    return (float)(n < cap ? n : cap);
}

static int find_mid(GPtrArray *msgs, const char *mid)
{
    for (guint i = 0; mid && i < msgs->len; i++)
        if (strcmp(((struct lu_msg *)g_ptr_array_index(msgs, i))->mid, mid) == 0)
            return (int)i;
    return -1;
}

/* How often "http" appears in T (capped): newsletters link, people rarely. */
static int links(const char *t)
{
    int n = 0;

    for (const char *p = t ? strstr(t, "http") : NULL; p && n < 5; p = strstr(p + 4, "http"))
        n++;
    return n;
}

/* Whether SUBJECT carries a reply or forward prefix (Re:, AW:, Fwd: ...):
 * what lu_subject_norm takes off, beyond case and white space. */
static bool prefixed(const char *subject)
{
    char *norm, *plain;
    bool differs;

    if (!subject)
        return false;
    norm = lu_subject_norm(subject);
    plain = g_utf8_casefold(subject, -1);
    differs = strstr(plain, norm) != plain + strspn(plain, " \t");
    g_free(norm);
    g_free(plain);
    return differs;
}

static bool forward(const char *subject)
{
    const char *s = subject ? subject + strspn(subject, " \t") : "";

    return g_ascii_strncasecmp(s, "fw:", 3) == 0 || g_ascii_strncasecmp(s, "fwd:", 4) == 0;
}

static int words(const char *t)
{
    int n = 0;
    bool in = false;

    for (; t && *t; t++) {
        bool sp = g_ascii_isspace(*t);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* What the last message M says, sentence by sentence. */
static void last_text(struct lu_msg *m, const struct lu_analysis *an, float *x)
{
    int n[LU_N_LABELS] = {0};
    guint ns = an && an->sentences ? an->sentences->len : 0;
    bool dated = false;
    const char *text = m->body && m->body->text ? m->body->text : "";

    for (guint i = 0; i < ns; i++) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        for (int b = 0; b < LU_N_LABELS; b++)
            n[b] += (s->labels >> b) & 1u;
        dated = dated || (s->dates && s->dates->len > 0);
    }
    x[F_EXPECTS] = an && an->expects_reply;
    x[F_REQUESTS] = capped(n[0], 3);
    x[F_PROPOSALS] = capped(n[1], 3);
    x[F_COMMITMENTS] = capped(n[2], 3);
    x[F_AGREEMENTS] = capped(n[3], 3);
    x[F_DECLINES] = capped(n[4], 3);
    x[F_CLOSING] = an && an->closing;
    x[F_THANKS_ONLY] = an && an->closing && ns <= 3 &&
                       !(an->labels & (LU_L_REQUEST | LU_L_PROPOSAL | LU_L_COMMITMENT));
    x[F_SENTENCES] = (float)log1p(ns);
    x[F_QUESTION_MARK] = strchr(text, '?') != NULL;
    x[F_DATED] = dated;
    x[F_REPEATED] = m->body && m->body->repeated > 0;
    x[F_WORDS] = (float)log1p(words(text));
    x[F_LINKS] = capped(links(text), 5);
}

/* Whether sentence T ends on a question mark (closing quotes and brackets
 * aside): where in the message the question stands, not only that it has
 * one. */
static bool ends_question(const char *t)
{
    size_t n = t ? strlen(t) : 0;

    while (n > 0 && (g_ascii_isspace(t[n - 1]) || strchr("\"')]", t[n - 1])))
        n--;
    return n > 0 && t[n - 1] == '?';
}

/* What one side's latest message (its analysis AN, NULL: none) asks, into
 * X from BASE (the four features asks, answer wanted, questions, ends on a
 * question, in that order): the language the rules threshold into one
 * label, kept apart for my side and theirs. */
static void side_text(const struct lu_analysis *an, float *x, int base)
{
    guint ns = an && an->sentences ? an->sentences->len : 0;
    int questions = 0;
    bool last_asks = false;

    for (guint i = 0; i < ns; i++) {
        last_asks =
            ends_question(((struct lu_sentence *)g_ptr_array_index(an->sentences, i))->text);
        questions += last_asks;
    }
    x[base] = an && an->asks;
    x[base + 1] = an && an->answer;
    x[base + 2] = capped(questions, 3);
    x[base + 3] = last_asks;
}
G_STATIC_ASSERT(F_MINE_ENDS_QUESTION - F_MINE_ASKS == 3 &&
                F_THEIRS_ENDS_QUESTION - F_THEIRS_ASKS == 3);

/* Working days (Monday to Friday, UTC) from FROM to TO, capped at 400:
 * a weekend of silence says less than a working week.  The whole days
 * from FROM are the days D0 .. D0 + K - 1 (D0 FROM's day): five a whole
 * week of them and the rest one by one.  A day at a time it was 2% of a
 * first full scan's main thread (issue 14, s43-cpu). */
static int business_days(gint64 from, gint64 to)
{
    gint64 k = to - from >= 86400 ? (to - from) / 86400 : 0;
    gint64 d0 = from >= 0 ? from / 86400 : (from - 86399) / 86400, n = k / 7 * 5;

    for (gint64 day = d0 + k / 7 * 7; day < d0 + k && n < 400; day++) {
        int wd = (int)(((day + 4) % 7 + 7) % 7); /* 1970-01-01 was a Thursday; 0 Sunday */
        n += wd != 0 && wd != 6;
    }
    return (int)MIN(n, 400);
}

/* Whether the last message M (MSGS[PARENT] the one it answers, -1: none)
 * answers somebody else, not me: another helper took the question up. */
static bool answers_another(GPtrArray *msgs, int parent, const struct lu_msg *m)
{
    const struct lu_msg *p = parent >= 0 ? g_ptr_array_index(msgs, parent) : NULL;

    if (!p || m->mine || p->mine || !p->from || !m->from || !p->from->email || !m->from->email)
        return false;
    return g_ascii_strcasecmp(p->from->email, m->from->email) != 0;
}

/* Adds the addresses of ADDRS to SEEN (normalised, owned by SEEN). */
static void add_people(GHashTable *seen, GPtrArray *addrs)
{
    for (guint i = 0; addrs && i < addrs->len; i++) {
        struct lu_addr *a = g_ptr_array_index(addrs, i);
        if (a && a->email)
            g_hash_table_add(seen, lu_addr_norm(a->email));
    }
}

static int state_feature(enum lu_state s)
{
    switch (s) {
    case LU_ST_NEEDS_REPLY:
        return F_NEEDS_REPLY;
    case LU_ST_AWAITING:
        return F_AWAITING;
    case LU_ST_PROMISE_MINE:
        return F_PROMISE_MINE;
    case LU_ST_PROMISE_THEIRS:
        return F_PROMISE_THEIRS;
    case LU_ST_NO_NEXT_STEP:
        return F_NO_NEXT_STEP;
    case LU_ST_DORMANT:
        return F_DORMANT;
    default:
        return F_NO_QUEUE;
    }
}

/* Each side's latest meaningful message in MSGS (up to LAST) into SIDE:
 * theirs, then mine (NULL: none). */
static void side_msgs(GPtrArray *msgs, int last, struct lu_msg *side[2])
{
    side[0] = side[1] = NULL;
    for (int i = last; i >= 0 && (!side[0] || !side[1]); i--) {
        struct lu_msg *o = g_ptr_array_index(msgs, i);
        if (lu_msg_meaningful(o) && !side[o->mine])
            side[o->mine] = o;
    }
}

/* The messages lu_thread_features reads, analysed (through R) where it
 * needs their text: the last when the model may move the thread or it is
 * in a queue (the scan reads no body for the rest: untracked lists,
 * muted, ...), each side's latest (SIDE, as chosen once the last is read)
 * when the model may move it. */
static void features_analyse(const struct lu_rules *r, GPtrArray *msgs, int last,
                             const struct lu_verdict *v, struct lu_msg *side[2])
{
    bool movable = v->may != LU_TM_FIXED;

    if (r->analyse && (movable || state_feature(v->state) != F_NO_QUEUE))
        r->analyse(g_ptr_array_index(msgs, last), r->data);
    side_msgs(msgs, last, side);
    for (int k = 0; k < 2 && movable && r->analyse; k++)
        if (side[k])
            r->analyse(side[k], r->data);
}

/* What the thread MSGS is, as a whole: into X (the list, size, writers,
 * people, my share, who started it).  Returns whether automatic or bulk
 * mail is in it. */
static bool whole_thread(GPtrArray *msgs, float *x)
{
    GHashTable *writers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *people = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int meaningful = 0, mine = 0, first = -1;
    bool automatic = false;

    for (guint i = 0; i < msgs->len; i++) {
        struct lu_msg *o = g_ptr_array_index(msgs, i);
        automatic = automatic || o->autokind != LU_AUTO_NONE || o->bulk;
        x[F_LIST] = x[F_LIST] || o->list_id;
        if (!lu_msg_meaningful(o))
            continue;
        if (first < 0)
            first = (int)i;
        meaningful++;
        mine += o->mine;
        if (o->from && o->from->email) {
            g_hash_table_add(writers, lu_addr_norm(o->from->email));
            g_hash_table_add(people, lu_addr_norm(o->from->email));
        }
        add_people(people, o->to);
        add_people(people, o->cc);
    }
    x[F_MESSAGES] = (float)log1p(meaningful);
    x[F_WRITERS] = (float)log1p(g_hash_table_size(writers));
    x[F_PARTICIPANTS] = (float)log1p(g_hash_table_size(people));
    x[F_MY_SHARE] = meaningful ? (float)mine / (float)meaningful : 0;
    x[F_NEVER_WROTE] = mine == 0;
    /* On a list, my question that went unanswered, not my answer to theirs. */
    x[F_FIRST_MINE] = first >= 0 && ((struct lu_msg *)g_ptr_array_index(msgs, first))->mine;
    g_hash_table_destroy(writers);
    g_hash_table_destroy(people);
    return automatic;
}

void lu_thread_features(const struct lu_rules *r, GPtrArray *msgs, int last, struct lu_verdict *v)
{
    float *x = v->features;
    struct lu_msg *m;
    struct lu_msg *side[2]; /* theirs, mine */
    int parent;
    bool automatic;
    double age;

    memset(x, 0, sizeof v->features);
    v->has_features = false;
    if (!msgs || last < 0 || (guint)last >= msgs->len)
        return;
    automatic = whole_thread(msgs, x);
    m = g_ptr_array_index(msgs, last);
    features_analyse(r, msgs, last, v, side);
    last_text(m, m->an, x);
    /* the language of each side's latest message, read whichever wrote last */
    for (int k = 0; k < 2; k++)
        side_text(side[k] ? side[k]->an : NULL, x, k ? F_MINE_ASKS : F_THEIRS_ASKS);
    x[state_feature(v->state)] = 1;
    x[F_LAST_MINE] = m->mine;
    parent = find_mid(msgs, m->in_reply_to);
    x[F_REPLIES_TO_MINE] = parent >= 0 && ((struct lu_msg *)g_ptr_array_index(msgs, parent))->mine;
    x[F_ANSWERS_ANOTHER] = answers_another(msgs, parent, m);
    x[F_TO_ME] = m->to_me;
    x[F_COPIED_ONLY] = lu_msg_copied_only(r, m);
    x[F_RECIPIENTS] = (float)log1p(m->to->len + m->cc->len);
    x[F_TO_ONE] = m->to->len + m->cc->len == 1 && !m->list_id;
    x[F_AUTO_OR_BULK] = automatic || (m->body && m->body->bulk);
    age = r->now > m->date ? (double)(r->now - m->date) / 86400.0 : 0;
    x[F_AGE] = (float)log1p(age);
    x[F_BUSINESS_DAYS] = (float)log1p(business_days(m->date, r->now));
    x[F_PAST_HORIZON] = r->cfg->horizon_days > 0 && age >= r->cfg->horizon_days;
    x[F_LEADUPS] = capped(v->sched.stage, 3);
    x[F_PREFIXED] = prefixed(m->subject);
    x[F_FORWARD] = forward(m->subject);
    x[F_NOREPLY] = m->from && lu_addr_is_noreply(m->from->email, r->cfg->noreply);
    v->has_features = true;
}

/* lu_thread_features' analyses alone, when its features are not wanted:
 * 19 K instructions a thread of a first full scan (issue 14), whose model
 * weighs nothing (none ships). */
void lu_thread_features_read(const struct lu_rules *r, GPtrArray *msgs, int last,
                             const struct lu_verdict *v)
{
    struct lu_msg *side[2];

    if (msgs && last >= 0 && (guint)last < msgs->len)
        features_analyse(r, msgs, last, v, side);
}

bool lu_thread_model_weighs(const struct lu_tm_model *m)
{
    return m && m->n == LU_TM_NFEAT && m->w;
}

double lu_thread_model_open(const struct lu_tm_model *m, const float *x)
{
    double z;

    if (!lu_thread_model_weighs(m))
        return -1;
    z = m->bias;
    for (int i = 0; i < m->n; i++)
        z += m->w[i] * x[i];
    return 1.0 / (1.0 + exp(-z));
}

/* The states the text rules give and the model may take back. */
bool lu_thread_model_may_out(const struct lu_verdict *v)
{
    switch (v->rule) {
    case LU_R_NEEDS_REPLY:
    case LU_R_PROMISE_MINE:
    case LU_R_AWAITING:
    case LU_R_CADENCE_EXHAUSTED:
    case LU_R_PROMISE_THEIRS:
    case LU_R_AGREED_STEP:
    case LU_R_NO_NEXT_STEP:
    case LU_R_HORIZON:
        return v->state != LU_ST_NONE;
    default:
        return false;
    }
}

/* The (at most two) features that weighed most for "open" (SIGN 1) or
 * against it (SIGN -1), in words. */
static char *weighed(const struct lu_tm_model *m, const float *x, int sign)
{
    int best[2] = {-1, -1};
    GString *s = g_string_new(NULL);

    for (int i = 0; i < m->n; i++) {
        double c = sign * m->w[i] * x[i];
        if (c <= 0)
            continue;
        if (best[0] < 0 || c > sign * m->w[best[0]] * x[best[0]]) {
            best[1] = best[0];
            best[0] = i;
        } else if (best[1] < 0 || c > sign * m->w[best[1]] * x[best[1]]) {
            best[1] = i;
        }
    }
    for (int k = 0; k < 2 && best[k] >= 0; k++)
        g_string_append_printf(s, "%s%s", k ? "; " : "", features[best[k]].words);
    if (s->len == 0)
        g_string_append(s, "nothing in particular");
    return g_string_free(s, FALSE);
}

/* V leaves its queue: the model read the conversation as finished. */
static void take_out(const struct lu_tm_model *m, struct lu_verdict *v)
{
    char *what = weighed(m, v->features, -1);

    g_ptr_array_add(v->why,
                    g_strdup_printf("The thread model reads the conversation as finished at its "
                                    "last message (chance it is open %.2f, below %.2f): %s. "
                                    "It is in no queue, not %s.",
                                    v->p_open, m->threshold_out, what, lu_state_name(v->state)));
    g_free(what);
    v->state = LU_ST_NONE;
    v->rule = LU_R_MODEL;
    v->anchor = -1;
    v->sched.due = false;
    v->sched.due_at = 0;
    v->sched.stage = 0;
    g_clear_pointer(&v->who, g_free);
}

/* V, in no queue, takes OPEN's verdict: the model read the conversation as
 * left open, which the rules' reading of its text did not. */
static void put_in(const struct lu_tm_model *m, const struct lu_verdict *open, struct lu_verdict *v)
{
    char *what = weighed(m, v->features, 1);

    g_ptr_array_add(v->why,
                    g_strdup_printf("The thread model reads the conversation as left "
                                    "open at its last message (chance it is open %.2f, "
                                    "above %.2f): %s. It is %s, not in no queue.",
                                    v->p_open, m->threshold_in, what, lu_state_name(open->state)));
    g_free(what);
    for (guint i = 0; i < open->why->len; i++)
        g_ptr_array_add(v->why, g_strdup(g_ptr_array_index(open->why, i)));
    v->state = open->state;
    v->anchor = open->anchor;
    v->sched = open->sched;
    v->asked = open->asked;
    v->evidence = open->evidence;
    v->rule = LU_R_MODEL_OPEN;
    g_free(v->who);
    v->who = g_strdup(open->who);
}

bool lu_thread_model_apply(const struct lu_tm_model *m, const struct lu_verdict *open,
                           struct lu_verdict *v)
{
    v->rules_state = v->state;
    v->p_open = v->has_features ? lu_thread_model_open(m, v->features) : -1;
    if (v->p_open < 0)
        return false;
    if (v->may == LU_TM_OUT && lu_thread_model_may_out(v) && v->p_open < m->threshold_out) {
        take_out(m, v);
        return true;
    }
    if (v->may == LU_TM_IN && open && open->state != LU_ST_NONE && v->state == LU_ST_NONE &&
        v->p_open > m->threshold_in) {
        put_in(m, open, v);
        return true;
    }
    return false;
}
