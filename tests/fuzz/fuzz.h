/* fuzz.h - what every libFuzzer harness in tests/fuzz/ shares: a fixed zone,
 * calendar and reference time (so that a crash replays on any day), and the
 * input as a NUL-terminated string, since leadup's text functions take C
 * strings.  Each harness is one fuzz-NAME.c built by `make fuzz-build`. */
#ifndef LU_FUZZ_H
#define LU_FUZZ_H

#include "leadup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The entry point libFuzzer calls; each fuzz-NAME.c defines it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lu_config fz_cfg;
static GDateTime *fz_ref; /* Thursday 19 November 2026, 12:00 Europe/London */

static void fz_init(void)
{
    if (fz_ref)
        return;
    lu_quiet = true;
    lu_config_defaults(&fz_cfg);
    fz_cfg.tz = g_time_zone_new_identifier("Europe/London");
    lu_cal_init(&fz_cfg.cal, fz_cfg.tz);
    fz_cfg.quote = true;
    fz_ref = g_date_time_new(fz_cfg.tz, 2026, 11, 19, 12, 0, 0);
}

/* DATA as a C string (caller frees); text functions stop at a NUL, as they
 * do on the message bodies GMime hands them. */
G_GNUC_UNUSED static char *fz_str(const uint8_t *data, size_t size)
{
    char *s = g_malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* DATA as the valid UTF-8 text leadup's pure modules are given (mime.c
 * and the commands decode and repair before analysing).  Caller frees. */
G_GNUC_UNUSED static char *fz_text(const uint8_t *data, size_t size)
{
    char *s = fz_str(data, size), *v = g_utf8_make_valid(s, -1);

    g_free(s);
    return v;
}

/* M's body read, extracted and analysed as lu_msg_analyse (scan.c) does,
 * written at M's date in the fixed zone: scan.c links the notmuch side,
 * which a harness has no use for. */
G_GNUC_UNUSED static void fz_analyse(struct lu_msg *m, void *data)
{
    bool html = false;
    char *text;
    GDateTime *ref;

    if (m->an)
        return;
    /* as lu_msg_analyse: a body read already (and unquoted by the rules) stays */
    text = m->body ? NULL : lu_mime_body_text(m, &html);
    if (!m->body) {
        m->body = g_new0(struct lu_body, 1);
        lu_body_extract(text, html, m->body);
    }
    m->an = g_new0(struct lu_analysis, 1);
    {
        /* A date GLib cannot represent reads as the reference time. */
        GDateTime *utc = g_date_time_new_from_unix_utc(m->date);
        ref = utc ? g_date_time_to_timezone(utc, fz_cfg.tz) : g_date_time_ref(fz_ref);
        if (utc)
            g_date_time_unref(utc);
    }
    lu_analyse_text(m->body->text ? m->body->text : "", ref, &fz_cfg.cal, m->an);
    g_date_time_unref(ref);
    g_free(text);
}

#endif
