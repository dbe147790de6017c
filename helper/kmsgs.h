/* kmsgs.h - the state's kept messages (store.c table kmsgs, scan.c): each
 * message of a thread an incremental scan decided, as nm.c msg_from read
 * it, under the revision of the index it was read in (issue 14).
 * Declared here, not in leadup.h, whose text is part of the sentence
 * analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_KMSGS_H
#define LU_KMSGS_H
#include "leadup.h"

/* The kept rows of the Message-IDs MIDS into TABLE (Message-ID -> GBytes:
 * the revision and the key, two gint64, then the record; the table's free
 * functions are the caller's: g_free, g_bytes_unref).  Returns 0 or
 * EX_IOERR. */
int lu_store_kmsgs_get(struct lu_store *s, GPtrArray *mids, GHashTable *table);
/* Keeps RECS[i] (GBytes) for MIDS[i], read at revision REV, under KEY (a
 * digest of what the records depend on besides their message: notmuch's
 * uuid and the drafts setting).  Within the caller's write transaction
 * (lu_store_begin).  Returns 0 or a status. */
int lu_store_kmsgs_put(struct lu_store *s, gint64 key, GPtrArray *mids, GPtrArray *recs,
                       gint64 rev);
/* Forgets every kept message (a full scan's: the rows of messages notmuch
 * no longer has go with them).  Within the caller's write transaction.
 * Returns 0 or a status. */
int lu_store_kmsgs_forget(struct lu_store *s);

#endif
