/* blocks.h - small blocks kept for reuse, for the allocators leadup gives
 * sqlite (store.c) and the C++ runtime (cxx-new.cc).  Pure memory, no I/O. */
#ifndef LU_BLOCKS_H
#define LU_BLOCKS_H

#include <stddef.h>

#define LU_BLOCKS_SMALL 16384 /* the largest block kept */

#ifdef __cplusplus
extern "C" {
#endif

/* A block of at least N bytes (N rounded up: lu_blocks_roundup), malloc's
 * past a header that holds its size; NULL when malloc fails.  Caller frees
 * with lu_blocks_put (on any thread).  Unless LEADUP_DEBUG_SYSTEM_MALLOC was
 * set at the first call, a freed block of up to LU_BLOCKS_SMALL bytes is
 * kept on its size's list of the freeing thread for that thread's next
 * one. */
void *lu_blocks_get(size_t n);
/* Frees P (from lu_blocks_get; NULL is nothing). */
void lu_blocks_put(void *p);
/* The size P was given (its rounded N); 0 for NULL. */
size_t lu_blocks_size(const void *p);
/* The size a block of N bytes is given. */
size_t lu_blocks_roundup(size_t n);

#ifdef __cplusplus
}
#endif

#endif
