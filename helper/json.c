/* json.c - a streaming JSON writer: enough for leadup's stable output shapes. */
#include "leadup.h"

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
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", f);
            break;
        case '\\':
            fputs("\\\\", f);
            break;
        case '\n':
            fputs("\\n", f);
            break;
        case '\r':
            fputs("\\r", f);
            break;
        case '\t':
            fputs("\\t", f);
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
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

void lu_json_null(struct lu_json *j)
{
    value_prefix(j);
    fputs("null", j->f);
}

void lu_json_end(struct lu_json *j)
{
    fputc('\n', j->f);
}
