/* fuzz-message.c - a whole message: GMime parse (mime.c), best text part,
 * body extraction (body.c, html.c), sentences, dates and classify, exactly
 * as the scan analyses a message it reads (fuzz.h: fz_analyse). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lu_msg *m = lu_msg_new();

    fz_init();
    lu_mime_read_bytes(m, (const char *)data, size);
    fz_analyse(m, NULL);
    if (m->subject) {
        char *norm = lu_subject_norm(m->subject);
        g_free(norm);
    }
    lu_lang_guess(m->body->text ? m->body->text : "", NULL);
    lu_msg_free(m);
    return 0;
}
