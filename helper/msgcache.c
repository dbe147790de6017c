/* msgcache.c - the analysis cache's record of a message: what its file
 * says (the headers mime.c reads, the author's own text body.c extracts)
 * as GVariants, which the state database keeps by Message-ID, file
 * identity and analyser digest (scan.c, store.c).
 *
 * Pure: no I/O.  A record is made from a message read alone from its file
 * and merged onto the message the index gave exactly as mime.c's fill()
 * merges a file read onto it, so that a message from the cache and one
 * read from its file are the same to the rules (the scan merges its own
 * reads through here too).  Untrusted bytes (a damaged row) give a record
 * with empty fields, never a crash: GVariant checks them. */
#include "leadup.h"

#include <string.h>

static GVariant *addrs(GPtrArray *list)
{
    GVariantBuilder b;

    g_variant_builder_init(&b, G_VARIANT_TYPE("a(msms)"));
    for (guint i = 0; list && i < list->len; i++) {
        struct lu_addr *a = g_ptr_array_index(list, i);
        g_variant_builder_add(&b, "(msms)", a->name, a->email);
    }
    return g_variant_builder_end(&b);
}

/* The root of LIST and its last LU_REFS_KEEP: what a draft's References
 * take of it (draft.c keeps the root and the chain's last ids, counted
 * from the end, so the middle it drops is never needed). */
static GVariant *kept_refs(GPtrArray *list)
{
    GVariantBuilder b;

    g_variant_builder_init(&b, G_VARIANT_TYPE("as"));
    for (guint i = 0; i < list->len; i++)
        if (i == 0 || i + LU_REFS_KEEP >= list->len)
            g_variant_builder_add(&b, "s", (const char *)g_ptr_array_index(list, i));
    return g_variant_builder_end(&b);
}

GVariant *lu_msgcache_headers(const struct lu_msg *f)
{
    GPtrArray *from = g_ptr_array_new();
    GVariant *v;

    if (f->from)
        g_ptr_array_add(from, f->from);
    v = g_variant_new("(@a(msms)@a(msms)@a(msms)@a(msms)@a(msms)msxims@asmsmsbimsmsmsms)",
                      addrs(from), addrs(f->to), addrs(f->cc), addrs(f->reply_to),
                      addrs(f->followup_to), f->subject, (gint64)f->date, (gint32)f->tz_off,
                      f->in_reply_to, kept_refs(f->refs), f->list_id, f->list_post,
                      (gboolean)f->bulk, (gint32)f->autokind, f->auto_why, f->bounced_mid,
                      f->unsent, f->unsent_if_mine);
    g_ptr_array_free(from, TRUE);
    return v;
}

/* Appends the addresses of V (a(msms)) to OUT. */
static void add_addrs(GPtrArray *out, GVariant *v)
{
    GVariantIter it;
    char *name, *email;

    g_variant_iter_init(&it, v);
    while (g_variant_iter_next(&it, "(msms)", &name, &email)) {
        struct lu_addr *a = g_new0(struct lu_addr, 1);
        a->name = name;
        a->email = email ? email : g_strdup("");
        g_ptr_array_add(out, a);
    }
}

/* The static texts (auto_why, unsent) live as long as the process. */
static const char *interned(GVariant *v, int i)
{
    GVariant *c = g_variant_get_child_value(v, i), *s = g_variant_get_maybe(c);
    const char *out = s ? g_intern_string(g_variant_get_string(s, NULL)) : NULL;

    if (s)
        g_variant_unref(s);
    g_variant_unref(c);
    return out;
}

static char *maybe_str(GVariant *v, int i)
{
    char *out = NULL;

    g_variant_get_child(v, i, "ms", &out);
    return out;
}

static GVariant *child(GVariant *v, int i)
{
    return g_variant_get_child_value(v, i);
}

void lu_msgcache_apply(struct lu_msg *m, GVariant *v)
{
    GPtrArray *from = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    GPtrArray *lists[] = {from, m->to, m->cc, m->reply_to, m->followup_to};
    char *subject = maybe_str(v, 5), **refs = NULL;
    gint64 date = 0;
    gint32 tz_off = 0, kind = 0;
    gboolean bulk = FALSE;
    const char *unsent;

    for (int i = 0; i < 5; i++) {
        GVariant *c = child(v, i);
        add_addrs(lists[i], c);
        g_variant_unref(c);
    }
    /* mime.c: the file's From beats the index's. */
    if (from->len) {
        lu_addr_free(m->from);
        m->from = g_ptr_array_steal_index(from, 0);
    }
    if (subject) {
        g_free(m->subject);
        m->subject = subject;
    }
    g_variant_get_child(v, 6, "x", &date);
    g_variant_get_child(v, 7, "i", &tz_off);
    /* A Date header the index read as 0 (before 1970); the scan makes it sane. */
    if (!m->date)
        m->date = date;
    m->tz_off = tz_off;
    g_free(m->in_reply_to);
    m->in_reply_to = maybe_str(v, 8);
    g_variant_get_child(v, 9, "^as", &refs);
    for (char **r = refs; r && *r; r++)
        g_ptr_array_add(m->refs, g_strdup(*r));
    g_strfreev(refs);
    g_free(m->list_id);
    m->list_id = maybe_str(v, 10);
    g_free(m->list_post);
    m->list_post = maybe_str(v, 11);
    g_variant_get_child(v, 12, "b", &bulk);
    m->bulk = bulk;
    g_variant_get_child(v, 13, "i", &kind);
    m->autokind = kind >= 0 && kind <= LU_AUTO_RECEIPT ? (enum lu_auto)kind : LU_AUTO_NONE;
    m->auto_why = interned(v, 14);
    g_free(m->bounced_mid);
    m->bounced_mid = maybe_str(v, 15);
    /* mime.c: a postponed draft's mark only where the index gave none. */
    unsent = interned(v, 16);
    if (!m->unsent)
        m->unsent = unsent;
    if (interned(v, 17))
        m->unsent_if_mine = interned(v, 17);
    m->headers = true;
    g_ptr_array_free(from, TRUE);
}

GVariant *lu_msgcache_body(const struct lu_body *b)
{
    return g_variant_new("(msbmsms)", b->full_text ? b->full_text : b->text, (gboolean)b->bulk,
                         b->sig_name, b->sig_phone);
}

struct lu_body *lu_msgcache_body_load(GVariant *v)
{
    struct lu_body *b = g_new0(struct lu_body, 1);
    gboolean bulk = FALSE;

    g_variant_get(v, "(msbmsms)", &b->text, &bulk, &b->sig_name, &b->sig_phone);
    b->bulk = bulk;
    return b;
}
