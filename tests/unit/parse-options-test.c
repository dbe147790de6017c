/* parse-options-test.c - the option tables (parse-options.c): every kind,
 * options among the operands, "--", and the usage and help made from a
 * table. */
#include "leadup.h"
#include "tap.h"

struct opts {
    bool flag, quote;
    const char *str;
    int num, format;
    gint64 when;
};

static const struct lu_option table[] = {
    LU_OPT_FLAG("flag", 'f', struct opts, flag, true, "a flag"),
    LU_OPT_FLAG("quote", 0, struct opts, quote, true, "quote"),
    LU_OPT_FLAG("no-quote", 0, struct opts, quote, false, "do not quote"),
    LU_OPT_STRING("str", 's', struct opts, str, "FILE", "a string\nover two lines"),
    LU_OPT_INT("num", 0, struct opts, num, "N", "a number"),
    LU_OPT_KEYWORD("format", 0, struct opts, format, lu_format_keywords, "the format"),
    LU_OPT_DATE("at", 0, struct opts, when, "a time"),
    LU_OPT_MUTTRC("the client's file"),
    LU_OPT_OPERANDS(LU_OPERANDS_ANY, "[ARG]", NULL),
};
/* The operands a table's end admits. */
static const struct lu_option none[] = {LU_OPT_OPERANDS(0, NULL, "on standard input")};
static const struct lu_option one[] = {LU_OPT_OPERANDS(1, "[ID]", NULL)};
static const struct lu_option targets[] = {
    LU_OPT_OPERANDS(LU_OPERANDS_TARGETS, "[id:MSGID]", NULL)};

static char **words; /* the last LINE's words, which parse's ARGV points into */

/* Parses the words of LINE (the command's name first); *ARGC and ARGV
 * (caller frees with g_free: the parser moves the pointers) are what is
 * left. */
static int parse_by(struct lu_ctx *ctx, const struct lu_option *opts, const char *line,
                    struct opts *o, int *argc, char ***argv)
{
    g_strfreev(words);
    words = g_strsplit(line, " ", -1);
    *argc = (int)g_strv_length(words);
    *argv = g_memdup2(words, sizeof(char *) * (*argc + 1));
    return lu_parse_options(ctx, opts, o, argc, *argv);
}

static int parse(struct lu_ctx *ctx, const char *line, struct opts *o, int *argc, char ***argv)
{
    return parse_by(ctx, table, line, o, argc, argv);
}

/* The status of parsing LINE by OPTS, which has no options to store. */
static int operands(struct lu_ctx *ctx, const struct lu_option *opts, const char *line)
{
    char **argv = NULL;
    int argc, ret = parse_by(ctx, opts, line, NULL, &argc, &argv);

    g_free(argv);
    return ret;
}

int main(void)
{
    struct lu_ctx ctx = {0};
    struct opts o = {0};
    char **argv = NULL, *s;
    int argc;

    ctx.cfg.tz = g_time_zone_new_utc();
    is_int(parse(&ctx, "cmd a --flag b --str=x --num 42 --format json -s y c", &o, &argc, &argv), 0,
           "every kind parses, among the operands");
    ok(o.flag && o.num == 42 && o.format == 1 && strcmp(o.str, "y") == 0,
       "values land in the struct; the last --str wins");
    is_int(argc, 4, "the operands stay");
    ok(strcmp(argv[0], "cmd") == 0 && strcmp(argv[1], "a") == 0 && strcmp(argv[2], "b") == 0 &&
           strcmp(argv[3], "c") == 0 && argv[4] == NULL,
       "in order, after the command's name");
    g_free(argv);

    o = (struct opts){.quote = true};
    is_int(parse(&ctx, "cmd --no-quote -f -- --flag -", &o, &argc, &argv), 0,
           "-- ends the options");
    ok(!o.quote && o.flag && argc == 3 && strcmp(argv[1], "--flag") == 0 &&
           strcmp(argv[2], "-") == 0,
       "a flag can store false; after --, --flag is an operand; - is one");
    g_free(argv);

    is_int(parse(&ctx, "cmd --at 2026-12-03T09:00 --muttrc /tmp/x.rc", &o, &argc, &argv), 0,
           "a date and --muttrc");
    ok(o.when == 1796288400 && strcmp(ctx.answer.file, "/tmp/x.rc") == 0,
       "the date in the zone; --muttrc goes to the answer");
    g_free(argv);

    is_int(parse(&ctx, "cmd --nosuch", &o, &argc, &argv), EX_USAGE, "an unknown option");
    g_free(argv);
    is_int(parse(&ctx, "cmd --fla", &o, &argc, &argv), EX_USAGE, "no abbreviations");
    g_free(argv);
    is_int(parse(&ctx, "cmd --str", &o, &argc, &argv), EX_USAGE, "a missing value");
    g_free(argv);
    is_int(parse(&ctx, "cmd --flag=1", &o, &argc, &argv), EX_USAGE, "a value for a flag");
    g_free(argv);
    is_int(parse(&ctx, "cmd --num 4x", &o, &argc, &argv), EX_USAGE, "a number that is not one");
    g_free(argv);
    is_int(parse(&ctx, "cmd --num 99999999999", &o, &argc, &argv), EX_USAGE, "or too big");
    g_free(argv);
    is_int(parse(&ctx, "cmd --format=yaml", &o, &argc, &argv), EX_USAGE, "an unknown keyword");
    g_free(argv);
    is_int(parse(&ctx, "cmd --at soon", &o, &argc, &argv), EX_USAGE, "a bad date");
    g_free(argv);

    is_int(operands(&ctx, none, "cmd"), 0, "no operands where none are admitted");
    is_int(operands(&ctx, none, "cmd x"), EX_USAGE, "one too many");
    is_int(operands(&ctx, none, "cmd -- -"), EX_USAGE, "even after --");
    is_int(operands(&ctx, one, "cmd -"), 0, "one where one is admitted");
    is_int(operands(&ctx, one, "cmd a b"), EX_USAGE, "but not two");
    is_int(operands(&ctx, targets, "cmd id:a from:b thread:c"), 0, "words naming a thread");
    is_int(operands(&ctx, targets, "cmd id:a tomorrow"), EX_USAGE, "but no other word");
    is_int(operands(&ctx, targets, "cmd id:"), EX_USAGE, "nor an empty term");

    argv = g_strsplit("cmd --str --help", " ", -1);
    ok(!lu_options_want_help(table, 3, argv), "--help as a value is a value");
    g_strfreev(argv);
    argv = g_strsplit("cmd x --flag -h", " ", -1);
    ok(lu_options_want_help(table, 4, argv), "-h anywhere among the options");
    g_strfreev(argv);
    argv = g_strsplit("cmd -- --help", " ", -1);
    ok(!lu_options_want_help(table, 3, argv), "but not after --");
    g_strfreev(argv);

    s = lu_options_usage("cmd", table);
    is_str(s,
           "leadup cmd [-f, --flag] [--quote] [--no-quote] [-s, --str FILE]\n"
           "                  [--num N] [--format=text|json] [--at ISO-8601]\n"
           "                  [--muttrc FILE] [ARG]",
           "the usage line names every option, wrapped under the command at 80 columns");
    g_free(s);
    s = lu_options_usage("cmd", none);
    is_str(s, "leadup cmd", "no options, no operands: the name alone");
    g_free(s);
    s = lu_options_usage("cmd", one);
    is_str(s, "leadup cmd [ID]", "the operands from the table's end");
    g_free(s);
    s = lu_options_help(table);
    ok(g_str_has_prefix(s, "options:\n  -f, --flag          a flag\n") &&
           strstr(s, "  -s, --str FILE      a string\n                      over two lines\n") &&
           g_str_has_suffix(s, "  -h, --help          show this help\n"),
       "the list: one entry per option, continuation lines aligned, --help last");
    g_free(s);
    g_strfreev(words);
    g_time_zone_unref(ctx.cfg.tz);
    return tap_done();
}
