/* cmd-scan.c - leadup scan: bring the leadup/... tags up to date. */
#include "leadup.h"

#include <getopt.h>
#include <unistd.h>

int lu_cmd_scan(struct lu_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"full", no_argument, NULL, 'f'},
        {"quiet", no_argument, NULL, 'q'},
        {NULL, 0, NULL, 0},
    };
    struct lu_scan_opts o = {0};
    struct lu_scan_stats st;
    int c, ret;

    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            o.full = true;
            break;
        case 'q':
            lu_quiet = true;
            break;
        default:
            return lu_unknown_option("scan", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return lu_error(EX_USAGE, "scan: unexpected argument '%s'", argv[optind]);
    o.progress = !lu_quiet && isatty(2);
    ret = lu_scan(ctx, &o, &st);
    if (ret == 0 && !lu_quiet) {
        if (st.nothing_changed)
            lu_fprintf(stderr, "leadup: nothing changed since the last scan (%.2f s)\n",
                       st.seconds);
        else
            lu_fprintf(stderr,
                       "leadup: looked at %u thread%s (%u messages read) in %.2f s: "
                       "%u tag%s added, %u removed\n",
                       st.threads, st.threads == 1 ? "" : "s", st.parsed, st.seconds, st.added,
                       st.added == 1 ? "" : "s", st.removed);
    }
    return ret;
}
