/* parse-options.c - the command line of every command, from one table per
 * command (leadup.h): parsing, the usage line and the option list.
 *
 * The rules are getopt_long's as leadup always used them, without
 * abbreviations: long options anywhere among the operands, "--NAME VALUE"
 * or "--NAME=VALUE", "--" ends the options, "-" alone is an operand. */
#include "leadup.h"

#include <errno.h>
#include <string.h>

const struct lu_keyword lu_format_keywords[] = {{"text", 0}, {"json", 1}, {NULL, 0}};

static const struct lu_option *find_long(const struct lu_option *opts, const char *name, size_t len)
{
    for (; opts->kind != LU_OPT_END; opts++)
        if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
            return opts;
    return NULL;
}

static const struct lu_option *find_short(const struct lu_option *opts, char c)
{
    for (; opts->kind != LU_OPT_END; opts++)
        if (opts->short_name && opts->short_name == c)
            return opts;
    return NULL;
}

static bool takes_value(const struct lu_option *o)
{
    return o->kind != LU_OPT_FLAG;
}

/* "a, b or c": the words of KW.  Caller frees. */
static char *keyword_list(const struct lu_keyword *kw)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; kw[i].name; i++)
        g_string_append_printf(s, "%s%s", i == 0 ? "" : kw[i + 1].name ? ", " : " or ", kw[i].name);
    return g_string_free(s, FALSE);
}

/* Stores VAL (NULL for a flag) for option O of command CMD. */
static int store(struct lu_ctx *ctx, const char *cmd, const struct lu_option *o, void *base,
                 const char *val)
{
    char *at = (char *)base + o->offset, *end = NULL, *words = NULL;
    int ret = 0;
    gint64 n;

    switch (o->kind) {
    case LU_OPT_FLAG:
        *(bool *)at = o->value != 0;
        break;
    case LU_OPT_STRING:
        *(const char **)at = val;
        break;
    case LU_OPT_MUTTRC:
        ctx->answer.file = val;
        break;
    case LU_OPT_INT:
        errno = 0;
        n = g_ascii_strtoll(val, &end, 10);
        if (!*val || *end || errno || n < G_MININT || n > G_MAXINT)
            return lu_error(EX_USAGE, "%s: --%s wants a number, not '%s'", cmd, o->name, val);
        *(int *)at = (int)n;
        break;
    case LU_OPT_KEYWORD:
        for (int i = 0; o->keywords[i].name; i++)
            if (strcmp(o->keywords[i].name, val) == 0) {
                *(int *)at = o->keywords[i].value;
                return 0;
            }
        words = keyword_list(o->keywords);
        ret = lu_error(EX_USAGE, "%s: unknown %s '%s' (want %s)", cmd, o->name, val, words);
        break;
    case LU_OPT_DATE:
        if (lu_parse_iso(val, ctx->cfg.tz, (gint64 *)at) < 0)
            ret = lu_error(EX_USAGE, "%s: bad --%s '%s' (want ISO-8601, e.g. 2026-12-03T09:00)",
                           cmd, o->name, val);
        break;
    case LU_OPT_END:
        break;
    }
    g_free(words);
    return ret;
}

/* The option ARGV[*I] names, and its value (taking ARGV[*I + 1] when it
 * needs one and has no "=").  NULL *OPT: not an option of the table. */
static int lookup(const char *cmd, const struct lu_option *opts, int argc, char **argv, int *i,
                  const struct lu_option **opt, const char **val)
{
    const char *a = argv[*i], *eq = NULL;

    *val = NULL;
    if (a[1] == '-') {
        eq = strchr(a + 2, '=');
        *opt = find_long(opts, a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
    } else {
        *opt = a[2] ? NULL : find_short(opts, a[1]);
    }
    if (!*opt)
        return 0;
    if (!takes_value(*opt)) {
        if (eq)
            return lu_error(EX_USAGE, "%s: option '--%s' takes no value", cmd, (*opt)->name);
        return 0;
    }
    if (eq)
        *val = eq + 1;
    else if (*i + 1 < argc)
        *val = argv[++*i];
    else
        return lu_error(EX_USAGE, "%s: option '%s' needs a value", cmd, a);
    return 0;
}

bool lu_target_word(const char *arg)
{
    static const char *const prefixes[] = {
        "id:", "mid:", "thread:", "from:", "to:", "subject:", "tag:", "folder:", "path:"};

    for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++)
        if (g_str_has_prefix(arg, prefixes[i]) && arg[strlen(prefixes[i])])
            return true;
    return false;
}

static bool is_option(const char *a)
{
    return a[0] == '-' && a[1] != '\0';
}

/* Checks the operands ARGV[1..ARGC) of command CMD against what the end
 * of OPTS admits: one message, whichever command, for the first too many. */
static int check_operands(const char *cmd, const struct lu_option *opts, int argc, char **argv)
{
    const char *extra = NULL;

    while (opts->kind != LU_OPT_END)
        opts++;
    if (opts->value >= 0 && argc > opts->value + 1)
        extra = argv[opts->value + 1];
    for (int i = 1; opts->value == LU_OPERANDS_TARGETS && i < argc && !extra; i++)
        if (!lu_target_word(argv[i]))
            extra = argv[i];
    if (!extra)
        return 0;
    return lu_error(EX_USAGE, "%s: unexpected argument '%s'%s%s%s", cmd, extra,
                    opts->help ? " (" : "", opts->help ? opts->help : "", opts->help ? ")" : "");
}

int lu_parse_options(struct lu_ctx *ctx, const struct lu_option *opts, void *base, int *argc,
                     char **argv)
{
    const char *cmd = argv[0];
    int out = 1, ret = 0;
    bool rest = false;

    for (int i = 1; i < *argc && !ret; i++) {
        const struct lu_option *o;
        const char *val;

        if (rest || !is_option(argv[i])) {
            argv[out++] = argv[i];
            continue;
        }
        if (strcmp(argv[i], "--") == 0) {
            rest = true;
            continue;
        }
        ret = lookup(cmd, opts, *argc, argv, &i, &o, &val);
        if (!ret && !o)
            ret = lu_unknown_option(cmd, argv[i]);
        if (!ret)
            ret = store(ctx, cmd, o, base, val);
    }
    if (ret)
        return ret;
    *argc = out;
    argv[out] = NULL;
    return check_operands(cmd, opts, out, argv);
}

bool lu_options_want_help(const struct lu_option *opts, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const struct lu_option *o = NULL;

        if (strcmp(a, "--") == 0)
            return false;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return true;
        if (!is_option(a) || strchr(a, '='))
            continue;
        o = a[1] == '-' ? find_long(opts, a + 2, strlen(a + 2)) : find_short(opts, a[1]);
        if (o && takes_value(o))
            i++; /* its value, whatever it looks like */
    }
    return false;
}

/* "--NAME", "--NAME ARG" or "--NAME=a|b" for O.  Caller frees. */
static char *synopsis(const struct lu_option *o)
{
    GString *s = g_string_new(NULL);

    if (o->short_name)
        g_string_append_printf(s, "-%c, ", o->short_name);
    g_string_append_printf(s, "--%s", o->name);
    if (o->kind == LU_OPT_KEYWORD) {
        for (int i = 0; o->keywords[i].name; i++)
            g_string_append_printf(s, "%c%s", i ? '|' : '=', o->keywords[i].name);
    } else if (takes_value(o)) {
        g_string_append_printf(s, " %s", o->arg ? o->arg : "VALUE");
    }
    return g_string_free(s, FALSE);
}

/* Appends " ITEM" to S, on a new line indented by INDENT when the line
 * (*COL columns so far) would pass 79 columns. */
static void append_wrapped(GString *s, size_t *col, size_t indent, const char *item)
{
    if (*col + 1 + strlen(item) > 79) {
        g_string_append_printf(s, "\n%*s", (int)indent, "");
        *col = indent;
    }
    g_string_append_printf(s, " %s", item);
    *col += 1 + strlen(item);
}

char *lu_options_usage(const char *cmd, const struct lu_option *opts)
{
    GString *s = g_string_new(NULL);
    /* The caller prints it after "usage: ". */
    size_t indent = strlen("usage: leadup ") + strlen(cmd), col = indent;

    g_string_printf(s, "leadup %s", cmd);
    for (; opts->kind != LU_OPT_END; opts++) {
        char *syn = synopsis(opts), *item = g_strdup_printf("[%s]", syn);
        append_wrapped(s, &col, indent, item);
        g_free(item);
        g_free(syn);
    }
    if (opts->arg && *opts->arg) /* the end: its operands */
        append_wrapped(s, &col, indent, opts->arg);
    return g_string_free(s, FALSE);
}

/* One entry of the list: SYN in a column of its own, then HELP's lines. */
static void help_entry(GString *s, const char *syn, const char *help)
{
    enum { COLUMN = 22 };
    char **lines = g_strsplit(help ? help : "", "\n", -1);

    if (strlen(syn) + 2 >= COLUMN)
        g_string_append_printf(s, "  %s\n%*s", syn, COLUMN, "");
    else
        g_string_append_printf(s, "  %-*s", COLUMN - 2, syn);
    for (int i = 0; lines[i]; i++)
        g_string_append_printf(s, "%*s%s\n", i ? COLUMN : 0, "", lines[i]);
    g_strfreev(lines);
}

char *lu_options_help(const struct lu_option *opts)
{
    GString *s = g_string_new("options:\n");

    for (; opts->kind != LU_OPT_END; opts++) {
        char *syn = synopsis(opts);
        help_entry(s, syn, opts->help);
        g_free(syn);
    }
    help_entry(s, "-h, --help", "show this help");
    return g_string_free(s, FALSE);
}
