/* cmd-scan.c - leadup scan: bring the leadup/... tags up to date. */
#include "leadup.h"

#include <unistd.h>

struct scan_args {
    bool full, quiet;
    int jobs;
};

const struct lu_option lu_scan_options[] = {
    LU_OPT_FLAG("full", 0, struct scan_args, full, true,
                "look at every thread, not only the changed ones"),
    LU_OPT_FLAG("quiet", 0, struct scan_args, quiet, true,
                "print nothing but errors (for notmuch's post-new hook)"),
    LU_OPT_INT("jobs", 0, struct scan_args, jobs, "N",
               "threads that read mail in a full scan (default: the CPUs)"),
    LU_OPT_END_,
};

int lu_cmd_scan(struct lu_ctx *ctx, int argc, char **argv)
{
    struct scan_args a = {.jobs = G_MININT};
    struct lu_scan_opts o = {0};
    struct lu_scan_stats st;
    char workers[128] = "";
    int ret;

    ret = lu_parse_options(ctx, lu_scan_options, &a, &argc, argv);
    if (ret)
        return ret;
    o.full = a.full;
    if (a.jobs != G_MININT && (a.jobs < 1 || a.jobs > LU_JOBS_MAX))
        return lu_error(EX_USAGE, "scan: --jobs wants a number of threads from 1 to %d, not %d",
                        LU_JOBS_MAX, a.jobs);
    o.jobs = a.jobs == G_MININT ? 0 : a.jobs; /* 0: not given */
    lu_quiet = lu_quiet || a.quiet;
    o.progress = !lu_quiet && isatty(2);
    ret = lu_scan(ctx, &o, &st);
    if (st.workers)
        g_snprintf(workers, sizeof workers,
                   "; %u worker threads read %u messages ahead (%u unused)", st.workers, st.ahead,
                   st.unused);
    if (ret == 0 && !lu_quiet) {
        if (st.nothing_changed)
            lu_fprintf(stderr, "leadup: nothing changed since the last scan (%.2f s)\n",
                       st.seconds);
        else
            lu_fprintf(stderr,
                       "leadup: looked at %u thread%s (%u messages read, %u from the analysis "
                       "cache) in %.2f s: %u tag%s added, %u removed%s\n",
                       st.threads, st.threads == 1 ? "" : "s", st.parsed, st.cached, st.seconds,
                       st.added, st.added == 1 ? "" : "s", st.removed, workers);
    }
    return ret;
}
