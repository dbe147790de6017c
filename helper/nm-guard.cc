/* nm-guard.cc - the one libnotmuch call that lets a C++ exception out.
 *
 * libnotmuch (0.37, Debian's) turns Xapian's exceptions into statuses
 * almost everywhere, but notmuch_messages_get reaches
 * _notmuch_message_create (lib/message.cc), which catches only
 * DocNotFoundError around Xapian::Database::get_document.  When notmuch
 * new or notmuch tag has committed twice since a read-only handle opened
 * its snapshot, get_document throws DatabaseModifiedError through
 * notmuch's C frames and leadup's; nothing catches it and std::terminate
 * aborts leadup (t225).  C cannot catch it, so this file does, at the call:
 * nothing of notmuch's is half made there (the document is a local that
 * unwinding destroys; the iterator has not moved), so nm.c can reopen the
 * handle and read the query again.  Only nm.c calls it. */
#include "nm-guard.h"

notmuch_status_t lu_nm_messages_get(notmuch_messages_t *ms, notmuch_message_t **out)
{
    *out = NULL;
    try {
        *out = notmuch_messages_get(ms);
    } catch (...) {
        *out = NULL;
        return NOTMUCH_STATUS_XAPIAN_EXCEPTION;
    }
    return *out ? NOTMUCH_STATUS_SUCCESS : NOTMUCH_STATUS_OUT_OF_MEMORY;
}
