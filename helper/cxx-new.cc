/* cxx-new.cc - C++'s operator new and delete, their small blocks kept for
 * reuse.
 *
 * libxapian and libnotmuch allocate through operator new: 2,238 blocks
 * made and freed in a one-new-message scan at 30,000 (Xapian's posting
 * lists, terms, documents), 0.6 M instructions in glibc's malloc, whose
 * per-size cache holds 7 blocks of a size (issue 14).  A program's own
 * operator new and delete replace the C++ runtime's for every library
 * ([replacement.functions]; the dynamic linker binds libxapian's and
 * libstdc++'s calls to these).  A freed block of up to CXX_SMALL bytes goes
 * on its size's list, and the next block of that size is taken from it.
 * Every block is malloc's, past a header holding its size: the lists are
 * the first allocating thread's (the main thread, at start), and another
 * thread allocates and frees through malloc alone.  The aligned forms stay
 * the runtime's.  Under ASan or a fuzzer build, and with
 * LEADUP_DEBUG_SYSTEM_MALLOC set (tests/valgrind-leadup), malloc alone, for
 * their checks of each block. */
#include "cxx-new.h"

#include <cstdlib>
#include <new>
#include <pthread.h>

#if defined(__SANITIZE_ADDRESS__)
#define CXX_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define CXX_CHECKED 1
#endif
#endif

#ifndef CXX_CHECKED
namespace
{

const std::size_t CXX_GRAIN = 16, CXX_SMALL = 16384, CXX_HEAD = 16; /* malloc's alignment kept */
/* The bytes the lists hold at most: past that a block goes back to malloc
 * (kept without a bound, a first full scan at 300,000 peaked at 67 MB, not
 * 54 MB: blocks of one size held while the heap grew for others). */
const std::size_t CXX_KEEP = 1024 * 1024;

struct free_block {
    free_block *next;
};

free_block *lists[CXX_SMALL / CXX_GRAIN];
std::size_t kept; /* bytes on the lists */
pthread_t owner;
int mode; /* 0 not yet known, 1 the lists, 2 malloc alone */

/* Whether this thread keeps blocks on the lists. */
inline bool kept_here()
{
    if (mode == 0) {
        mode = std::getenv("LEADUP_DEBUG_SYSTEM_MALLOC") ? 2 : 1;
        owner = pthread_self();
    }
    return mode == 1 && pthread_equal(pthread_self(), owner);
}

void *get(std::size_t n)
{
    std::size_t size = n <= CXX_SMALL ? (n + CXX_GRAIN - 1) / CXX_GRAIN * CXX_GRAIN : n;
    char *p;

    if (size == 0)
        size = CXX_GRAIN;
    if (size <= CXX_SMALL && kept_here()) {
        free_block **list = &lists[size / CXX_GRAIN - 1];
        if (*list) {
            p = reinterpret_cast<char *>(*list);
            *list = (*list)->next;
            kept -= size;
            return p;
        }
    }
    p = static_cast<char *>(std::malloc(size + CXX_HEAD));
    if (!p)
        return nullptr;
    *reinterpret_cast<std::size_t *>(p) = size;
    return p + CXX_HEAD;
}

void put(void *v)
{
    char *p = static_cast<char *>(v);
    std::size_t size;

    if (!p)
        return;
    size = *reinterpret_cast<std::size_t *>(p - CXX_HEAD);
    if (size <= CXX_SMALL && kept + size <= CXX_KEEP && kept_here()) {
        free_block **list = &lists[size / CXX_GRAIN - 1];
        reinterpret_cast<free_block *>(p)->next = *list;
        *list = reinterpret_cast<free_block *>(p);
        kept += size;
        return;
    }
    std::free(p - CXX_HEAD);
}

void *get_or_throw(std::size_t n)
{
    for (;;) {
        void *p = get(n);
        if (p)
            return p;
        std::new_handler h = std::get_new_handler();
        if (!h)
            throw std::bad_alloc();
        h();
    }
}

} // namespace

void *operator new(std::size_t n)
{
    return get_or_throw(n);
}

void *operator new[](std::size_t n)
{
    return get_or_throw(n);
}

void *operator new(std::size_t n, const std::nothrow_t &) noexcept
{
    try {
        return get_or_throw(n);
    } catch (...) {
        return nullptr;
    }
}

void *operator new[](std::size_t n, const std::nothrow_t &) noexcept
{
    try {
        return get_or_throw(n);
    } catch (...) {
        return nullptr;
    }
}

void operator delete(void *p) noexcept
{
    put(p);
}

void operator delete[](void *p) noexcept
{
    put(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    put(p);
}

void operator delete[](void *p, std::size_t) noexcept
{
    put(p);
}

void operator delete(void *p, const std::nothrow_t &) noexcept
{
    put(p);
}

void operator delete[](void *p, const std::nothrow_t &) noexcept
{
    put(p);
}
#endif
