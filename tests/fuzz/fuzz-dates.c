/* fuzz-dates.c - the date/time resolver (dates.c) on any UTF-8 text; the first
 * byte picks day/month or month/day order. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lu_cal cal;
    char *text;
    GArray *found;

    fz_init();
    cal = fz_cfg.cal;
    cal.mdy = size > 0 && (data[0] & 1);
    text = fz_text(data, size);
    found = lu_dates_find(text, fz_ref, &cal);
    for (guint i = 0; i < found->len; i++) {
        const struct lu_when *w = &g_array_index(found, struct lu_when, i);
        /* Every phrase lies inside the text, and a span never ends before it starts. */
        if (w->off < 0 || w->len < 0 || (size_t)w->off + w->len > strlen(text) || w->end < w->start)
            abort();
    }
    g_array_unref(found);
    g_free(text);
    return 0;
}
