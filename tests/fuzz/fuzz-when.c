/* fuzz-when.c - the command-line WHEN parser (lu_when_parse), as snooze,
 * remind and next-step use it on what the user typed. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lu_when w;
    char *arg;

    if (size > 4096)
        return 0; /* a command-line argument */
    fz_init();
    arg = fz_str(data, size);
    if (lu_when_parse(arg, fz_ref, &fz_cfg.cal, &w) == 0 && w.end < w.start)
        abort();
    g_free(arg);
    return 0;
}
