/* A compact set of thread ids (leadup.h, "idset.c"): pure.  Not in util.c,
 * whose text is part of the analyser's digest (Makefile). */
#include "leadup.h"

struct lu_idset {
    guint64 *slot;  /* 0: empty (the id 0 is ZERO) */
    gsize cap, len; /* CAP a power of two, LEN at most 3/4 of it */
    bool zero;
    GHashTable *other; /* ids notmuch did not make, lazily */
};

struct lu_idset *lu_idset_new(void)
{
    struct lu_idset *set = g_new0(struct lu_idset, 1);

    set->cap = 1024;
    set->slot = g_new0(guint64, set->cap);
    return set;
}

void lu_idset_free(struct lu_idset *set)
{
    if (!set)
        return;
    if (set->other)
        g_hash_table_destroy(set->other);
    g_free(set->slot);
    g_free(set);
}

/* ID as notmuch writes thread ids (printf "%016" PRIx64) into *OUT; false
 * for any other spelling, which then is its own string. */
static bool id_number(const char *id, guint64 *out)
{
    guint64 n = 0;
    int i;

    for (i = 0; i < 16; i++) {
        int d = g_ascii_xdigit_value(id[i]);
        if (d < 0 || g_ascii_isupper(id[i]))
            return false;
        n = n << 4 | (guint64)d;
    }
    *out = n;
    return id[i] == '\0';
}

/* The slot of N in SLOT (CAP entries): where it is, or the empty one
 * where it goes.  Ids count up, so they are mixed (splitmix64's end)
 * before the mask. */
static gsize id_slot(const guint64 *slot, gsize cap, guint64 n)
{
    guint64 h = n;
    gsize i;

    h = (h ^ (h >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
    h = (h ^ (h >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
    h ^= h >> 31;
    for (i = h & (cap - 1); slot[i] && slot[i] != n; i = (i + 1) & (cap - 1))
        ;
    return i;
}

static void idset_grow(struct lu_idset *set)
{
    gsize cap = set->cap * 2;
    guint64 *slot = g_new0(guint64, cap);

    for (gsize i = 0; i < set->cap; i++)
        if (set->slot[i])
            slot[id_slot(slot, cap, set->slot[i])] = set->slot[i];
    g_free(set->slot);
    set->slot = slot;
    set->cap = cap;
}

bool lu_idset_add(struct lu_idset *set, const char *id)
{
    guint64 n;
    gsize i;

    if (!id_number(id, &n)) {
        if (!set->other)
            set->other = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        if (g_hash_table_contains(set->other, id))
            return false;
        g_hash_table_add(set->other, g_strdup(id));
        return true;
    }
    if (n == 0) {
        bool was = set->zero;
        set->zero = true;
        return !was;
    }
    i = id_slot(set->slot, set->cap, n);
    if (set->slot[i])
        return false;
    set->slot[i] = n;
    if (++set->len * 4 > set->cap * 3)
        idset_grow(set);
    return true;
}

bool lu_idset_has(const struct lu_idset *set, const char *id)
{
    guint64 n;

    if (!id_number(id, &n))
        return set->other && g_hash_table_contains(set->other, id);
    if (n == 0)
        return set->zero;
    return set->slot[id_slot(set->slot, set->cap, n)] != 0;
}
