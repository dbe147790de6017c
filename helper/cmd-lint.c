/* cmd-lint.c - leadup lint: checks a draft for chasing, a missing next step,
 * missing thanks, more than one ask and excessive length (lint.c decides;
 * this file reads the input and prints).  The compose-menu key runs it on
 * the draft, so line numbers count in the file the user edits, headers
 * included. */
#include "leadup.h"

#include <string.h>

/* The line of DATA on which the decoded body TEXT starts: the first line
 * after the HEADERS lines that reads like TEXT's first non-blank line (a
 * multipart draft has boundaries and part headers before it), else the
 * line after the headers (an encoded body). */
static int body_first_line(const char *data, int headers, const char *text)
{
    char **raw = g_strsplit(data, "\n", -1), **dec = g_strsplit(text, "\n", -1);
    int k = 0, ret = headers + 1;

    while (dec[k] && !*g_strstrip(dec[k]))
        k++;
    for (int r = headers; dec[k] && raw[r] && r - headers < 200; r++) {
        if (strcmp(g_strstrip(raw[r]), dec[k]) == 0) {
            ret = r - k + 1;
            break;
        }
    }
    g_strfreev(dec);
    g_strfreev(raw);
    return ret;
}

static void print_json(GPtrArray *findings)
{
    struct lu_json j;

    lu_json_init(&j, stdout, false);
    lu_json_obj_begin(&j);
    lu_json_key(&j, "findings");
    lu_json_arr_begin(&j);
    for (guint i = 0; i < findings->len; i++) {
        const struct lu_finding *f = g_ptr_array_index(findings, i);
        lu_json_obj_begin(&j);
        lu_json_kv_int(&j, "line", f->line);
        lu_json_kv_str(&j, "kind", f->kind);
        lu_json_kv_str(&j, "text", f->text);
        lu_json_kv_str(&j, "message", f->message);
        lu_json_obj_end(&j);
    }
    lu_json_end(&j); /* closes the list and the object */
}

struct lint_args {
    bool text;
    int json;
};

const struct lu_option lu_lint_options[] = {
    LU_OPT_FLAG("text", 0, struct lint_args, text, true,
                "standard input is plain text, even if it starts like a\n"
                "header"),
    LU_OPT_KEYWORD("format", 0, struct lint_args, json, lu_format_keywords,
                   "json: {\"findings\":[{\"line\",\"kind\",\"text\",\"message\"}]}"),
    LU_OPT_OPERANDS(0, NULL, "the draft comes on standard input"),
};

int lu_cmd_lint(struct lu_ctx *ctx, int argc, char **argv)
{
    struct lint_args a = {0};
    bool text_mode, json, is_html = false;
    struct lu_msg *m = NULL;
    char *data = NULL, *body = NULL, *plain = NULL;
    const char *text;
    GPtrArray *findings = NULL;
    GDateTime *now = NULL;
    gsize len = 0;
    int ret = 0, headers = 0;

    ret = lu_parse_options(ctx, lu_lint_options, &a, &argc, argv);
    if (ret)
        goto out;
    text_mode = a.text;
    json = a.json;
    data = lu_read_all(stdin, &len);
    if (!data) {
        ret = lu_error(EX_IOERR, "lint: cannot read standard input");
        goto out;
    }
    if (memchr(data, '\0', len)) {
        ret = lu_error(EX_USAGE, "lint: standard input is not text (it contains NUL bytes)");
        goto out;
    }
    if (data[strspn(data, " \t\r\n")] == '\0') {
        ret = lu_error(EX_USAGE, "lint: standard input is empty (give the draft on standard "
                                 "input)");
        goto out;
    }
    if (!text_mode)
        headers = lu_lint_header_lines(data, len);
    if (headers > 0) {
        m = lu_msg_new();
        /* mime.c has said what is wrong; for lint that is bad input. */
        if (lu_mime_read_bytes(m, data, len) != 0) {
            ret = EX_USAGE;
            goto out;
        }
        body = lu_mime_body_text(m, &is_html);
        text = body;
        if (is_html)
            text = plain = lu_html_to_text(body);
    } else {
        text = data;
        if (!g_utf8_validate(data, (gssize)len, NULL))
            text = plain = g_utf8_make_valid(data, (gssize)len);
    }

    now = lu_local_time(ctx->now, ctx->cfg.tz);
    findings = lu_lint_text(text, headers > 0 ? body_first_line(data, headers, text) : 1,
                            &ctx->cfg.cal, now);
    if (json) {
        print_json(findings);
    } else {
        for (guint i = 0; i < findings->len; i++) {
            const struct lu_finding *f = g_ptr_array_index(findings, i);
            lu_printf("%d: %s: %s\n", f->line, f->kind, f->message);
        }
        /* The compose key shows this in a pager: say so when all is well too. */
        fflush(stdout);
        if (!lu_quiet)
            lu_fprintf(stderr, "leadup: lint: %u finding%s\n", findings->len,
                       findings->len == 1 ? "" : "s");
    }
    ret = findings->len > 0 ? 1 : 0;
out:
    if (findings)
        g_ptr_array_unref(findings);
    if (now)
        g_date_time_unref(now);
    lu_msg_free(m);
    g_free(plain);
    g_free(body);
    g_free(data);
    return ret;
}
