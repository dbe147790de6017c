/* cxx-new.h - helper/cxx-new.cc replaces C++'s operator new and delete
 * (those without an alignment) for the whole program: libxapian's and
 * libnotmuch's allocations.  Nothing to call. */
#ifndef LU_CXX_NEW_H
#define LU_CXX_NEW_H
#endif
