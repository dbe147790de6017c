/* mail.c - the unit tests' messages and threads (mail.h). */
#include "mail.h"

#include <stdarg.h>
#include <stdio.h>

struct lu_msg *ut_msg(const struct lu_identity *me, const char *id, const char *from,
                      const char *to, const char *cc, const char *date, const char *subject,
                      const char *extra)
{
    GString *raw = g_string_new(NULL);
    struct lu_msg *m = lu_msg_new();

    g_string_append_printf(raw, "From: %s\nTo: %s\n", from, to);
    if (cc)
        g_string_append_printf(raw, "Cc: %s\n", cc);
    if (subject)
        g_string_append_printf(raw, "Subject: %s\n", subject);
    g_string_append_printf(raw, "Date: %s\nMessage-ID: <%s>\n", date, id);
    if (extra)
        g_string_append(raw, extra);
    g_string_append(raw, "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nHello.\n");
    /* TAP's comment: the test that reads the message fails on its own. */
    if (lu_mime_read_bytes(m, raw->str, raw->len) != 0)
        printf("# cannot parse message %s\n", id);
    if (me)
        m->mine = m->from && lu_identity_is_me(me, m->from->email);
    g_string_free(raw, TRUE);
    return m;
}

GPtrArray *ut_thread(struct lu_msg *first, ...)
{
    GPtrArray *t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    va_list ap;

    va_start(ap, first);
    for (struct lu_msg *m = first; m; m = va_arg(ap, struct lu_msg *))
        g_ptr_array_add(t, m);
    va_end(ap);
    return t;
}
