/* nm-guard.h - libnotmuch calls made safe from C++ exceptions (nm-guard.cc);
 * for nm.c only. */
#ifndef LU_NM_GUARD_H
#define LU_NM_GUARD_H

#include <notmuch.h>

#ifdef __cplusplus
extern "C" {
#endif

/* notmuch_messages_get (MS), which MS must be valid for, into *OUT (the
 * caller destroys it): NOTMUCH_STATUS_SUCCESS; or
 * NOTMUCH_STATUS_XAPIAN_EXCEPTION and *OUT NULL when an exception came out
 * of libnotmuch (Xapian's: the snapshot is gone, reopen and read again);
 * NOTMUCH_STATUS_OUT_OF_MEMORY when notmuch returned NULL. */
notmuch_status_t lu_nm_messages_get(notmuch_messages_t *ms, notmuch_message_t **out);

#ifdef __cplusplus
}
#endif

#endif
