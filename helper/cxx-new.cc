/* cxx-new.cc - C++'s operator new and delete, their small blocks kept for
 * reuse.
 *
 * libxapian and libnotmuch allocate through operator new: 2,238 blocks
 * made and freed in a one-new-message scan at 30,000 (Xapian's posting
 * lists, terms, documents), 0.6 M instructions in glibc's malloc, whose
 * per-size cache holds 7 blocks of a size (issue 14).  A program's own
 * operator new and delete replace the C++ runtime's for every library
 * ([replacement.functions]; the dynamic linker binds libxapian's and
 * libstdc++'s calls to these), their blocks taken from and given back to
 * blocks.c's lists, as sqlite's are (store.c).  The aligned forms stay
 * the runtime's.  Under ASan or a fuzzer build, and with
 * LEADUP_DEBUG_SYSTEM_MALLOC set (tests/valgrind-leadup), malloc alone, for
 * their checks of each block. */
#include "cxx-new.h"
#include "blocks.h"

#include <cstdlib>
#include <new>

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

void *get(std::size_t n)
{
    return lu_blocks_get(n);
}

void put(void *p)
{
    lu_blocks_put(p);
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
