/* fuzz-when.c - the command-line WHEN parser (lu_when_parse), as snooze,
 * remind and next-step use it on what the user typed; a duration when.c
 * reads by hand is lu_when_parse's answer to the field. */
#include "fuzz.h"
#include "when.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lu_when w, d;
    char *arg;

    if (size > 4096)
        return 0; /* a command-line argument */
    fz_init();
    arg = fz_str(data, size);
    if (lu_when_parse(arg, fz_ref, &fz_cfg.cal, &w) == 0 && w.end < w.start)
        abort();
    if (lu_when_duration(arg, fz_ref, &d) == 0 &&
        (lu_when_parse(arg, fz_ref, &fz_cfg.cal, &w) != 0 || d.start != w.start || d.end != w.end ||
         d.span != w.span || d.has_time != w.has_time || d.past != w.past || d.off != w.off ||
         d.len != w.len))
        abort();
    g_free(arg);
    return 0;
}
