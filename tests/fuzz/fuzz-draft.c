/* fuzz-draft.c - the draft writer given a hostile thread: the input is up to
 * four messages separated by a line "%%%%", each parsed by GMime and analysed
 * as the scan does; the thread is decided (thread.c), a draft planned and
 * rendered from the built-in template (draft.c) and written as a message
 * (mime.c).  Its header block must hold only the headers leadup writes:
 * anything else is a header injected from the thread. */
#include "draftmsg.h"
#include "fuzz.h"

static struct lu_identity fz_me;

/* Aborts when the header block of RAW has a line that is neither a
 * continuation nor one of the headers lu_mime_draft writes. */
static void check_headers(const char *raw, gsize len)
{
    static const char *const ok[] = {"From:",
                                     "To:",
                                     "Cc:",
                                     "Subject:",
                                     "Date:",
                                     "In-Reply-To:",
                                     "References:",
                                     "MIME-Version:",
                                     "Content-Type:",
                                     "Content-Transfer-Encoding:",
                                     NULL};
    const char *p = raw, *end = raw + len;

    if (memchr(raw, '\0', len))
        abort();
    while (p < end && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n')) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        bool known = *p == ' ' || *p == '\t';
        for (int i = 0; ok[i] && !known; i++)
            known = g_ascii_strncasecmp(p, ok[i], strlen(ok[i])) == 0;
        if (!known)
            abort();
        p = nl ? nl + 1 : end;
    }
}

static GPtrArray *read_thread(const uint8_t *data, size_t size)
{
    GPtrArray *msgs = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    const char *p = (const char *)data, *end = p + size;

    while (p <= end && msgs->len < 4) {
        const char *sep = g_strstr_len(p, end - p, "\n%%%%\n");
        const char *stop = sep ? sep + 1 : end;
        struct lu_msg *m = lu_msg_new();
        lu_mime_read_bytes(m, p, (gsize)(stop - p));
        if (!m->mid)
            m->mid = g_strdup_printf("fuzz-%u@example.org", msgs->len);
        g_ptr_array_add(msgs, m);
        if (!sep)
            break;
        p = sep + 6;
    }
    return msgs;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lu_rules r = {0};
    struct lu_verdict v = {0};
    struct lu_draft_req req = {0};
    struct lu_draft d = {0};
    GPtrArray *msgs;
    gint64 now;
    gsize len, hand_len;
    char *raw, *hand;

    fz_init();
    if (!fz_me.addrs) {
        lu_identity_init(&fz_me);
        lu_identity_add(&fz_me, "me@example.com");
        fz_me.primary = g_strdup("me@example.com");
        fz_me.name = g_strdup("Me Myself");
    }
    now = g_date_time_to_unix(fz_ref);
    msgs = read_thread(data, size);
    r.cfg = &fz_cfg;
    r.me = &fz_me;
    r.now = now;
    r.analyse = fz_analyse;
    r.data = &fz_cfg;
    lu_thread_decide(&r, msgs, NULL, NULL, &v);

    req.cfg = &fz_cfg;
    req.me = &fz_me;
    req.now = now;
    req.msgs = msgs;
    req.v = &v;
    req.lang = -1;
    req.quote = true;
    req.analyse = fz_analyse;
    req.data = &fz_cfg;
    lu_draft_plan(&req, &d);
    lu_draft_render(&d, "generic", lu_draft_builtin_generic);
    raw = lu_mime_draft(&d, &len);
    check_headers(raw, len);
    /* draftmsg.c's draft is GMime's, byte for byte */
    hand = lu_draft_message(&d, &hand_len);
    if (hand_len != len || memcmp(hand, raw, len) != 0)
        abort();
    g_free(hand);

    g_free(raw);
    lu_draft_clear(&d);
    lu_verdict_clear(&v);
    g_ptr_array_unref(msgs);
    return 0;
}
