/* cmd-classify.c - leadup classify: what a message asks, promises and
 * agrees, as JSON, with the reason for every label.  The JSON shape is
 * documented in leadup(1) and kept stable. */
#include "leadup.h"

#include <string.h>

static const char *auto_name(enum lu_auto a)
{
    switch (a) {
    case LU_AUTO_REPLY:
        return "auto-reply";
    case LU_AUTO_BOUNCE:
        return "bounce";
    case LU_AUTO_RECEIPT:
        return "receipt";
    default:
        return "none";
    }
}

static int classify_lines(struct lu_ctx *ctx)
{
    GDateTime *ref = lu_local_time(ctx->now, ctx->cfg.tz);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    struct lu_json j;

    while ((n = getline(&line, &cap, stdin)) >= 0) {
        struct lu_analysis an;
        char *text;

        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        text = g_utf8_make_valid(line, n);
        lu_analyse_text(text, ref, &ctx->cfg.cal, &an);
        lu_json_init(&j, stdout, false);
        lu_json_obj_begin(&j);
        lu_json_kv_str(&j, "body", text);
        lu_json_analysis(&j, &an, text, ctx->cfg.tz);
        lu_json_kv_bool(&j, "auto_reply", an.auto_reply);
        lu_json_obj_end(&j);
        lu_json_end(&j);
        lu_analysis_clear(&an);
        g_free(text);
    }
    free(line);
    g_date_time_unref(ref);
    return 0;
}

struct classify_args {
    bool text, lines;
};

const struct lu_option lu_classify_options[] = {
    LU_OPT_FLAG("text", 0, struct classify_args, text, true,
                "standard input is plain text, not a message"),
    LU_OPT_FLAG("lines", 0, struct classify_args, lines, true,
                "one plain text per line; one JSON object per line"),
    LU_OPT_END_,
};

/* M as leadup classify's JSON (leadup(1)); its dates in REF's zone.  TEXT:
 * M is plain text, without headers. */
static void print_message(const struct lu_msg *m, GDateTime *ref, bool text)
{
    struct lu_json j;
    char iso[LU_ISO_LEN];
    double p;

    lu_json_init(&j, stdout, true);
    lu_json_obj_begin(&j);
    if (!text) {
        lu_json_kv_str(&j, "message_id", m->mid);
        lu_json_kv_str(&j, "date", lu_iso(m->date, g_date_time_get_timezone(ref), iso));
        lu_json_key(&j, "from");
        if (m->from) {
            lu_json_obj_begin(&j);
            lu_json_kv_str(&j, "name", m->from->name);
            lu_json_kv_str(&j, "email", m->from->email);
            lu_json_obj_end(&j);
        } else {
            lu_json_null(&j);
        }
        lu_json_kv_str(&j, "subject", m->subject);
        lu_json_kv_str(&j, "automatic", auto_name(m->autokind));
        lu_json_kv_str(&j, "automatic_why", m->auto_why);
    }
    lu_json_kv_str(&j, "body", m->body->text);
    lu_json_key(&j, "signature");
    lu_json_obj_begin(&j);
    lu_json_kv_str(&j, "text", m->body->signature);
    lu_json_kv_str(&j, "name", m->body->sig_name);
    lu_json_kv_str(&j, "phone", m->body->sig_phone);
    lu_json_obj_end(&j);
    lu_json_analysis(&j, m->an, m->body->text, g_date_time_get_timezone(ref));
    /* the learned per-message model's score (msgmodel.c), read from the
     * rules' verdict as it was trained (expects_reply_rules); it decides
     * expects_reply only in helper/leadup-reply-model (classify.c), and the
     * thread rules read its verdict for my posts in my list threads */
    p = lu_analysis_reply_score(m->body->text, m->an);
    if (p >= 0) {
        lu_json_key(&j, "reply_model_score");
        lu_json_double(&j, p);
        lu_json_kv_bool(&j, "reply_model", p >= lu_msgm_threshold);
    }
    lu_json_kv_bool(&j, "auto_reply", m->an->auto_reply || m->autokind == LU_AUTO_REPLY);
    lu_json_obj_end(&j);
    lu_json_end(&j);
}

int lu_cmd_classify(struct lu_ctx *ctx, int argc, char **argv)
{
    struct classify_args a = {0};
    struct lu_msg *m = NULL;
    char *data = NULL;
    gsize len = 0;
    GDateTime *ref = NULL;
    int ret = 0;

    ret = lu_parse_options(ctx, lu_classify_options, &a, &argc, argv);
    if (ret)
        goto out;
    if (a.lines) {
        ret = classify_lines(ctx);
        goto out;
    }
    data = lu_read_all(stdin, &len);
    if (!data) {
        ret = lu_error(EX_IOERR, "classify: cannot read standard input");
        goto out;
    }
    m = lu_msg_new();
    if (a.text) {
        char *valid = g_utf8_make_valid(data, len);
        ref = lu_local_time(ctx->now, ctx->cfg.tz);
        m->body = g_new0(struct lu_body, 1);
        lu_body_extract(valid, false, m->body);
        g_free(valid);
        m->an = g_new0(struct lu_analysis, 1);
        lu_analyse_text(m->body->text ? m->body->text : "", ref, &ctx->cfg.cal, m->an);
    } else {
        if (len == 0 || !memchr(data, ':', MIN(len, 998))) {
            ret = lu_error(EX_DATAERR, "classify: standard input is not a mail message "
                                       "(use --text for plain text)");
            goto out;
        }
        ret = lu_mime_read_bytes(m, data, len);
        if (ret)
            goto out;
        if (!m->date)
            m->date = ctx->now; /* no Date header: read it as written now */
        else
            m->date = lu_date_sane(m->date, ctx->now, -1, m->mid);
        lu_msg_analyse(&ctx->cfg, m);
        ref = lu_msg_local_date(&ctx->cfg, m);
    }
    print_message(m, ref, a.text);
out:
    g_clear_pointer(&ref, g_date_time_unref);
    lu_msg_free(m);
    g_free(data);
    return ret;
}
