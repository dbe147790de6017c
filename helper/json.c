/* json.c - a streaming JSON writer: enough for leadup's stable output shapes;
 * and the shape of a message analysis, which classify and why both print. */
#include "leadup.h"

#include <math.h>

#include <string.h>

void lu_json_init(struct lu_json *j, FILE *f, bool pretty)
{
    memset(j, 0, sizeof *j);
    j->f = f;
    j->pretty = pretty;
}

static void indent(struct lu_json *j)
{
    if (!j->pretty)
        return;
    fputc('\n', j->f);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->f);
}

/* Called before every value: a comma between siblings. Keys print their own. */
static void value_prefix(struct lu_json *j)
{
    if (j->depth > 0 && j->need_comma[j->depth] == 1) {
        fputc(',', j->f);
    }
    if (j->depth > 0 && j->need_comma[j->depth] != 2)
        indent(j);
    if (j->depth > 0)
        j->need_comma[j->depth] = 1;
}

static void open(struct lu_json *j, char c)
{
    value_prefix(j);
    fputc(c, j->f);
    if (j->depth < 63)
        j->depth++;
    j->need_comma[j->depth] = 0;
    j->closer[j->depth] = c == '{' ? '}' : ']';
}

static void close_(struct lu_json *j, char c)
{
    bool had = j->need_comma[j->depth] != 0;
    j->depth--;
    if (had)
        indent(j);
    fputc(c, j->f);
}

void lu_json_obj_begin(struct lu_json *j)
{
    open(j, '{');
}

void lu_json_obj_end(struct lu_json *j)
{
    close_(j, '}');
}

void lu_json_arr_begin(struct lu_json *j)
{
    open(j, '[');
}

void lu_json_arr_end(struct lu_json *j)
{
    close_(j, ']');
}

static void put_string(FILE *f, const char *s)
{
    /* The characters JSON escapes with a letter, and their letters. */
    static const char esc[] = "\"\\\n\r\t", as[] = "\"\\nrt";

    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const unsigned char *run = p;
        const char *e;

        /* What needs no escape, written at once. */
        while (*p >= 0x20 && *p != 0x7f && *p != '"' && *p != '\\')
            p++;
        fwrite(run, 1, p - run, f);
        if (!*p)
            break;
        e = strchr(esc, *p);
        if (e)
            fprintf(f, "\\%c", as[e - esc]);
        else
            fprintf(f, "\\u%04x", *p);
    }
    fputc('"', f);
}

void lu_json_key(struct lu_json *j, const char *key)
{
    if (j->need_comma[j->depth] == 1)
        fputc(',', j->f);
    indent(j);
    put_string(j->f, key);
    fputs(j->pretty ? ": " : ":", j->f);
    j->need_comma[j->depth] = 2; /* the value follows on this line */
}

void lu_json_str(struct lu_json *j, const char *s)
{
    if (!s) {
        lu_json_null(j);
        return;
    }
    value_prefix(j);
    if (g_utf8_validate(s, -1, NULL)) {
        put_string(j->f, s);
    } else {
        char *v = g_utf8_make_valid(s, -1);
        put_string(j->f, v);
        g_free(v);
    }
}

void lu_json_int(struct lu_json *j, gint64 v)
{
    value_prefix(j);
    fprintf(j->f, "%" G_GINT64_FORMAT, v);
}

void lu_json_bool(struct lu_json *j, bool v)
{
    value_prefix(j);
    fputs(v ? "true" : "false", j->f);
}

void lu_json_double(struct lu_json *j, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    if (!isfinite(v)) {
        lu_json_null(j);
        return;
    }
    value_prefix(j);
    /* g_ascii_formatd: a decimal point whatever LC_NUMERIC says. */
    fputs(g_ascii_formatd(buf, sizeof buf, "%.4g", v), j->f);
}

void lu_json_null(struct lu_json *j)
{
    value_prefix(j);
    fputs("null", j->f);
}

/* A member of the open object: KEY and its value in one call. */
void lu_json_kv_str(struct lu_json *j, const char *key, const char *s)
{
    lu_json_key(j, key);
    lu_json_str(j, s);
}

void lu_json_kv_int(struct lu_json *j, const char *key, gint64 v)
{
    lu_json_key(j, key);
    lu_json_int(j, v);
}

void lu_json_kv_bool(struct lu_json *j, const char *key, bool v)
{
    lu_json_key(j, key);
    lu_json_bool(j, v);
}

void lu_json_kv_time(struct lu_json *j, const char *key, gint64 t, GTimeZone *tz)
{
    char iso[LU_ISO_LEN];

    lu_json_kv_str(j, key, t ? lu_iso(t, tz, iso) : NULL);
}

void lu_json_kv_strings(struct lu_json *j, const char *key, GPtrArray *a)
{
    lu_json_key(j, key);
    lu_json_arr_begin(j);
    for (guint i = 0; a && i < a->len; i++)
        lu_json_str(j, g_ptr_array_index(a, i));
    lu_json_arr_end(j);
}

void lu_json_end(struct lu_json *j)
{
    while (j->depth > 0)
        close_(j, j->closer[j->depth]);
    fputc('\n', j->f);
}

/* ---- a message analysis (leadup classify, leadup why --json) */

/* {"text", "start", "end"}: TEXT is the phrase within SRC, when known. */
static void json_when(struct lu_json *j, const struct lu_when *w, const char *src, GTimeZone *tz)
{
    char iso[LU_ISO_LEN];
    char *phrase = NULL;

    if (src && w->off >= 0 && w->len > 0 && (size_t)(w->off + w->len) <= strlen(src))
        phrase = g_strndup(src + w->off, w->len);
    lu_json_obj_begin(j);
    lu_json_kv_str(j, "text", phrase);
    lu_json_kv_str(j, "start", lu_iso(w->start, tz, iso));
    lu_json_kv_str(j, "end", lu_iso(w->end, tz, iso));
    lu_json_obj_end(j);
    g_free(phrase);
}

/* The sentence holding a date equal to W, for its phrase. */
static const char *sentence_of(const struct lu_analysis *an, const struct lu_when *w,
                               const struct lu_when **found)
{
    for (guint i = 0; an->sentences && i < an->sentences->len; i++) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        for (guint k = 0; s->dates && k < s->dates->len; k++) {
            const struct lu_when *d = &g_array_index(s->dates, struct lu_when, k);
            if (d->start == w->start && d->end == w->end) {
                *found = d;
                return s->text;
            }
        }
    }
    *found = w;
    return NULL;
}

void lu_json_analysis(struct lu_json *j, const struct lu_analysis *an, const char *text,
                      GTimeZone *tz)
{
    const struct lu_when *w;
    const char *src;
    gsize from = 0, start, end;

    lu_json_key(j, "sentences");
    lu_json_arr_begin(j);
    for (guint i = 0; an->sentences && i < an->sentences->len; i++) {
        struct lu_sentence *s = g_ptr_array_index(an->sentences, i);
        lu_json_obj_begin(j);
        lu_json_kv_str(j, "text", s->text);
        /* where it stands in the text read (the labelled corpus's sentences
         * are byte spans: scripts/eval-sentences maps them) */
        if (text && lu_sentence_span(text, from, s->text, &start, &end)) {
            lu_json_kv_int(j, "offset", (gint64)start);
            lu_json_kv_int(j, "length", (gint64)(end - start));
            from = end;
        }
        lu_json_key(j, "labels");
        lu_json_arr_begin(j);
        for (int b = 0; b < LU_N_LABELS; b++)
            if (s->labels & (1u << b))
                lu_json_str(j, lu_label_name(1u << b));
        lu_json_arr_end(j);
        lu_json_kv_strings(j, "why", s->why);
        lu_json_key(j, "dates");
        lu_json_arr_begin(j);
        for (guint k = 0; s->dates && k < s->dates->len; k++)
            json_when(j, &g_array_index(s->dates, struct lu_when, k), s->text, tz);
        lu_json_arr_end(j);
        lu_json_obj_end(j);
    }
    lu_json_arr_end(j);
    lu_json_kv_bool(j, "actionable", an->actionable);
    lu_json_kv_bool(j, "expects_reply", an->expects_reply);
    if (an->reply_by_model) /* helper/leadup-reply-model: the rules' verdict beside */
        lu_json_kv_bool(j, "expects_reply_rules", an->expects_reply_rules);
    lu_json_kv_bool(j, "asks", an->asks);
    lu_json_kv_bool(j, "declined", an->declined);
    lu_json_kv_bool(j, "closing", an->closing);
    lu_json_key(j, "next_step");
    if (an->has_next_step) {
        struct lu_sentence *s = an->next_step_sentence >= 0 && an->sentences &&
                                        (guint)an->next_step_sentence < an->sentences->len
                                    ? g_ptr_array_index(an->sentences, an->next_step_sentence)
                                    : NULL;
        lu_json_obj_begin(j);
        lu_json_kv_str(j, "text", s ? s->text : NULL);
        lu_json_kv_bool(j, "agreed", an->next_step_agreed);
        lu_json_key(j, "date");
        src = sentence_of(an, &an->next_step, &w);
        json_when(j, w, src, tz);
        lu_json_obj_end(j);
    } else {
        lu_json_null(j);
    }
    lu_json_key(j, "ooo_return");
    if (an->has_return) {
        src = sentence_of(an, &an->ooo_return, &w);
        json_when(j, w, src, tz);
    } else {
        lu_json_null(j);
    }
}

const enum lu_state lu_queue_order[LU_QUEUE_COUNT] = {
    LU_ST_NEEDS_REPLY, LU_ST_AWAITING, LU_ST_PROMISE_MINE, LU_ST_PROMISE_THEIRS, LU_ST_NO_NEXT_STEP,
    LU_ST_BOUNCED,     LU_ST_SNOOZED,  LU_ST_DORMANT,      LU_ST_CLOSED,         LU_ST_MUTED,
};

void lu_json_queues(struct lu_json *j, const unsigned *counts, const unsigned *dues)
{
    lu_json_key(j, "queues");
    lu_json_arr_begin(j);
    for (int q = 0; q < LU_QUEUE_COUNT; q++) {
        lu_json_obj_begin(j);
        lu_json_kv_str(j, "name", lu_state_name(lu_queue_order[q]));
        lu_json_kv_int(j, "count", counts[lu_queue_order[q]]);
        lu_json_kv_int(j, "due", dues[lu_queue_order[q]]);
        lu_json_obj_end(j);
    }
    lu_json_arr_end(j);
}
