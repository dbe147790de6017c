/* cmd-scan.c - leadup scan: bring the leadup/... tags up to date. */
#include "leadup.h"

#include <unistd.h>

struct scan_args {
    bool full, quiet;
};

const struct lu_option lu_scan_options[] = {
    LU_OPT_FLAG("full", 0, struct scan_args, full, true,
                "look at every thread, not only the changed ones"),
    LU_OPT_FLAG("quiet", 0, struct scan_args, quiet, true,
                "print nothing but errors (for notmuch's post-new hook)"),
    LU_OPT_END_,
};

int lu_cmd_scan(struct lu_ctx *ctx, int argc, char **argv)
{
    struct scan_args a = {0};
    struct lu_scan_opts o = {0};
    struct lu_scan_stats st;
    int ret;

    ret = lu_parse_options(ctx, lu_scan_options, &a, &argc, argv);
    if (ret)
        return ret;
    if (argc > 1)
        return lu_error(EX_USAGE, "scan: unexpected argument '%s'", argv[1]);
    o.full = a.full;
    lu_quiet = lu_quiet || a.quiet;
    o.progress = !lu_quiet && isatty(2);
    ret = lu_scan(ctx, &o, &st);
    if (ret == 0 && !lu_quiet) {
        if (st.nothing_changed)
            lu_fprintf(stderr, "leadup: nothing changed since the last scan (%.2f s)\n",
                       st.seconds);
        else
            lu_fprintf(stderr,
                       "leadup: looked at %u thread%s (%u messages read, %u from the analysis "
                       "cache) in %.2f s: %u tag%s added, %u removed\n",
                       st.threads, st.threads == 1 ? "" : "s", st.parsed, st.cached, st.seconds,
                       st.added, st.added == 1 ? "" : "s", st.removed);
    }
    return ret;
}
