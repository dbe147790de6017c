/* idset-test.c - the compact set of thread ids (helper/idset.c), run by
 * t148-scan-slices.t. */
#include "leadup.h"
#include "tap.h"

int main(void)
{
    struct lu_idset *set = lu_idset_new();
    char id[32];
    int fresh = 0, again = 0, has = 0, absent = 0;

    /* Sequential ids, as notmuch makes them, past several growths. */
    for (int i = 1; i <= 5000; i++) {
        g_snprintf(id, sizeof id, "%016x", i * 3);
        fresh += lu_idset_add(set, id);
    }
    for (int i = 1; i <= 5000; i++) {
        g_snprintf(id, sizeof id, "%016x", i * 3);
        again += lu_idset_add(set, id);
        has += lu_idset_has(set, id);
        g_snprintf(id, sizeof id, "%016x", i * 3 + 1);
        absent += lu_idset_has(set, id);
    }
    is_int(fresh, 5000, "5000 ids added, each new");
    is_int(again, 0, "none new the second time");
    is_int(has, 5000, "each one is there");
    is_int(absent, 0, "no other one is");
    ok(lu_idset_add(set, "0000000000000000") && lu_idset_has(set, "0000000000000000") &&
           !lu_idset_add(set, "0000000000000000"),
       "the id 0 (the table's empty slot) is kept apart");
    ok(!lu_idset_has(set, "0000000000000003x") && lu_idset_add(set, "0000000000000003x") &&
           lu_idset_has(set, "0000000000000003x") && !lu_idset_add(set, "0000000000000003x"),
       "a longer id is its own, not the number it starts with");
    ok(lu_idset_add(set, "0000000000abcdeF") && !lu_idset_has(set, "0000000000abcdef") &&
           lu_idset_add(set, "0000000000abcdef"),
       "upper case is another id (notmuch writes lower case)");
    ok(lu_idset_add(set, "abc") && !lu_idset_add(set, "abc") && !lu_idset_has(set, "") &&
           lu_idset_add(set, "") && lu_idset_has(set, ""),
       "short and empty ids are strings of their own");
    is_str(lu_idset_has(set, "abc") ? "in" : "out", "in", "abc is in the set");
    is_str(lu_idset_has(set, "abd") ? "in" : "out", "out", "abd is not");
    lu_idset_free(set);
    lu_idset_free(NULL);
    return tap_done();
}
