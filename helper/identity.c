/* identity.c - who "me" is, and comparing addresses.
 *
 * Two spellings of one mailbox must compare equal: the domain is
 * case-insensitive by RFC 5321, and in practice so is the local part
 * (no provider leadup's users meet distinguishes them), and "+suffix"
 * sub-addresses reach the same person. */
#include "leadup.h"

#include <string.h>

void lu_addr_free(struct lu_addr *a)
{
    if (a)
        LU_FREE_EACH(g_free, a->name, a->email, a);
}

/* lu_addr_norm of S (a copy, changed in place; returns S). */
static char *norm_in_place(char *s)
{
    char *at, *plus;

    g_strstrip(s);
    if (*s == '<') {
        memmove(s, s + 1, strlen(s));
        char *gt = strrchr(s, '>');
        if (gt)
            *gt = '\0';
    }
    lu_strlower(s);
    at = strrchr(s, '@');
    if (at) {
        plus = memchr(s, '+', at - s);
        if (plus && plus > s)
            memmove(plus, at, strlen(at) + 1);
    }
    return s;
}

char *lu_addr_norm(const char *email)
{
    return email ? norm_in_place(g_strdup(email)) : g_strdup("");
}

void lu_identity_init(struct lu_identity *id)
{
    memset(id, 0, sizeof *id);
    id->addrs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    id->domains = g_ptr_array_new_with_free_func(g_free);
}

void lu_identity_clear(struct lu_identity *id)
{
    if (id->addrs)
        g_hash_table_destroy(id->addrs);
    if (id->domains)
        g_ptr_array_free(id->domains, TRUE);
    g_free(id->primary);
    g_free(id->name);
    memset(id, 0, sizeof *id);
}

void lu_identity_add(struct lu_identity *id, const char *email)
{
    char *n = lu_addr_norm(email);

    if (*n)
        g_hash_table_add(id->addrs, n);
    else
        g_free(n);
}

void lu_identity_add_domain(struct lu_identity *id, const char *domain)
{
    char *d = lu_strlower(g_strstrip(g_strdup(domain)));

    if (*d == '@')
        memmove(d, d + 1, strlen(d));
    if (*d)
        g_ptr_array_add(id->domains, d);
    else
        g_free(d);
}

bool lu_identity_is_me(const struct lu_identity *id, const char *email)
{
    /* A short address normalised on the stack: asked several times a
     * message, a copy on the heap each time was a third of the cost
     * (s43-cpu). */
    char buf[256];
    gsize len = email ? strlen(email) : 0;
    char *n = email && len < sizeof buf ? norm_in_place(memcpy(buf, email, len + 1))
                                        : lu_addr_norm(email);
    const char *at;
    bool me = false;

    if (!*n)
        goto out;
    if (g_hash_table_contains(id->addrs, n)) {
        me = true;
        goto out;
    }
    at = strrchr(n, '@');
    for (guint i = 0; at && i < id->domains->len && !me; i++)
        me = strcmp(at + 1, g_ptr_array_index(id->domains, i)) == 0;
out:
    if (n != buf)
        g_free(n);
    return me;
}

bool lu_addr_is_noreply(const char *email, char **extra)
{
    static const char *const local[] = {
        "noreply",      "no-reply",     "no_reply",     "no.reply",      "donotreply",
        "do-not-reply", "do_not_reply", "do.not.reply", "mailer-daemon", "mailer_daemon",
        "postmaster",   "bounce",       "bounces",      "nobody",
    };
    char *n = lu_addr_norm(email);
    char *at = strrchr(n, '@');
    bool hit = false;

    if (at)
        *at = '\0';
    for (size_t i = 0; i < G_N_ELEMENTS(local) && !hit; i++)
        hit = g_str_has_prefix(n, local[i]);
    for (int i = 0; extra && extra[i] && !hit; i++) {
        char *e = g_ascii_strdown(extra[i], -1);
        hit = *e && g_str_has_prefix(n, e);
        g_free(e);
    }
    g_free(n);
    return hit;
}
