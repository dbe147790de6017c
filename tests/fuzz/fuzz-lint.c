/* fuzz-lint.c - leadup lint on any text: the header/body split the command
 * makes, then lu_lint_text on the body (quotes, signature, chasing phrases,
 * dates, asks). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text;
    int skip;
    const char *body;
    GPtrArray *found;

    fz_init();
    text = fz_text(data, size);
    skip = lu_lint_header_lines(text, strlen(text));
    body = text;
    for (int i = 0; i < skip && body; i++) {
        body = strchr(body, '\n');
        body = body ? body + 1 : NULL;
    }
    found = lu_lint_text(body ? body : "", skip + 1, &fz_cfg.cal, fz_ref);
    g_ptr_array_unref(found);
    g_free(text);
    return 0;
}
