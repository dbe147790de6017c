/* blocks.c - small blocks kept for reuse (issue 14).
 *
 * Debian's sqlite has no lookaside and libxapian allocates through
 * operator new: in a one-new-message scan some 5,200 blocks went to
 * glibc's malloc and back (its per-size cache holds 7 of a size), 1.4 M
 * instructions.  A freed block of up to LU_BLOCKS_SMALL bytes goes on its
 * size's list and the next block of that size takes it.  Every block is
 * malloc's, past a header holding its size.  Each thread keeps lists of
 * its own (thread-local: no lock), of the blocks it frees, whichever
 * thread made them: the tag writer's Xapian, 558,000 blocks made and
 * freed in a first full scan at 10,000, went to malloc and back while
 * only the main thread kept lists, 139 M instructions (s45-first).  A
 * thread's lists hold BLOCKS_KEEP bytes at most; past that a block goes
 * back to malloc (kept without a bound, a first full scan at 300,000
 * peaked at 67 MB, not 54 MB: blocks of one size held while the heap grew
 * for others).  The main thread's stay reachable until exit (valgrind
 * counts them "still reachable"); another thread's go back to malloc when
 * it ends (its key's destructor). */
#include "blocks.h"

#include <glib.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#define BLOCKS_GRAIN 16
#define BLOCKS_HEAD  16 /* malloc's alignment kept */
#define BLOCKS_KEEP  (2 * 1024 * 1024)

struct free_block {
    struct free_block *next;
};

/* One thread's lists. */
struct lists {
    struct free_block *head[LU_BLOCKS_SMALL / BLOCKS_GRAIN];
    size_t kept; /* bytes on the lists */
    int state;   /* 0 not yet known, 1 the lists, 2 malloc alone */
};

static _Thread_local struct lists here;
static int mode; /* the first call's: 1 the lists, 2 malloc alone (the debug variable) */
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static bool key_made;

/* A thread's end: its lists back to malloc, and malloc alone after (another
 * key's destructor may still free). */
static void release(void *arg)
{
    struct lists *l = arg;

    l->state = 2;
    for (size_t i = 0; i < G_N_ELEMENTS(l->head); i++)
        while (l->head[i]) {
            struct free_block *b = l->head[i];
            l->head[i] = b->next;
            free((char *)b - BLOCKS_HEAD);
        }
    l->kept = 0;
}

static void make_key(void)
{
    key_made = pthread_key_create(&key, release) == 0;
}

/* This thread's first call: its lists, unless LEADUP_DEBUG_SYSTEM_MALLOC
 * was set at the program's first (the C++ runtime's, before main). */
static G_GNUC_NO_INLINE bool first_here(void)
{
    if (mode == 0)
        mode = g_getenv("LEADUP_DEBUG_SYSTEM_MALLOC") ? 2 : 1;
    here.state = mode;
    if (mode == 1) {
        pthread_once(&key_once, make_key);
        if (!key_made || pthread_setspecific(key, &here) != 0)
            here.state = 2;
    }
    return here.state == 1;
}

/* Whether this thread keeps blocks on its lists. */
static inline bool kept_here(void)
{
    return G_LIKELY(here.state) ? here.state == 1 : first_here();
}

size_t lu_blocks_roundup(size_t n)
{
    if (n == 0)
        n = 1;
    return n <= LU_BLOCKS_SMALL ? (n + BLOCKS_GRAIN - 1) / BLOCKS_GRAIN * BLOCKS_GRAIN
                                : (n + 7) / 8 * 8;
}

void *lu_blocks_get(size_t n)
{
    size_t size = lu_blocks_roundup(n);
    char *p;

    if (size <= LU_BLOCKS_SMALL && kept_here()) {
        struct free_block **list = &here.head[size / BLOCKS_GRAIN - 1];
        if (*list) {
            p = (char *)*list;
            *list = (*list)->next;
            here.kept -= size;
            return p;
        }
    }
    p = malloc(size + BLOCKS_HEAD);
    if (!p)
        return NULL;
    *(size_t *)p = size;
    return p + BLOCKS_HEAD;
}

size_t lu_blocks_size(const void *p)
{
    return p ? *(const size_t *)((const char *)p - BLOCKS_HEAD) : 0;
}

void lu_blocks_put(void *p)
{
    size_t size;

    if (!p)
        return;
    size = lu_blocks_size(p);
    if (size <= LU_BLOCKS_SMALL && here.kept + size <= BLOCKS_KEEP && kept_here()) {
        struct free_block **list = &here.head[size / BLOCKS_GRAIN - 1];
        ((struct free_block *)p)->next = *list;
        *list = p;
        here.kept += size;
        return;
    }
    free((char *)p - BLOCKS_HEAD);
}
