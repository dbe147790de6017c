/* blocks.c - small blocks kept for reuse (issue 14).
 *
 * Debian's sqlite has no lookaside and libxapian allocates through
 * operator new: in a one-new-message scan some 5,200 blocks went to
 * glibc's malloc and back (its per-size cache holds 7 of a size), 1.4 M
 * instructions.  A freed block of up to LU_BLOCKS_SMALL bytes goes on its
 * size's list and the next block of that size takes it.  Every block is
 * malloc's, past a header holding its size.  The lists are the first
 * calling thread's (the main thread, at start: the C++ runtime's own
 * allocations); any other thread allocates and frees through malloc
 * alone.  They hold BLOCKS_KEEP bytes at most, reachable until exit
 * (valgrind counts it "still reachable"); past that a block goes back to
 * malloc (kept without a bound, a first full scan at 300,000 peaked at
 * 67 MB, not 54 MB: blocks of one size held while the heap grew for
 * others). */
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

static struct free_block *lists[LU_BLOCKS_SMALL / BLOCKS_GRAIN];
static size_t kept; /* bytes on the lists */
static pthread_t owner;
static int mode; /* 0 not yet known, 1 the lists, 2 malloc alone */

/* Whether this thread keeps blocks on the lists. */
static bool kept_here(void)
{
    if (mode == 0) {
        mode = g_getenv("LEADUP_DEBUG_SYSTEM_MALLOC") ? 2 : 1;
        owner = pthread_self();
    }
    return mode == 1 && pthread_equal(pthread_self(), owner);
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
        struct free_block **list = &lists[size / BLOCKS_GRAIN - 1];
        if (*list) {
            p = (char *)*list;
            *list = (*list)->next;
            kept -= size;
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
    if (size <= LU_BLOCKS_SMALL && kept + size <= BLOCKS_KEEP && kept_here()) {
        struct free_block **list = &lists[size / BLOCKS_GRAIN - 1];
        ((struct free_block *)p)->next = *list;
        *list = p;
        kept += size;
        return;
    }
    free((char *)p - BLOCKS_HEAD);
}
