/* kmsgs.h - the state's kept messages (store.c table kmsgs, scan.c): each
 * message of a thread an incremental scan decided, as nm.c msg_from read
 * it, under the revision of the index it was read in (issue 14).
 * Declared here, not in leadup.h, whose text is part of the sentence
 * analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_KMSGS_H
#define LU_KMSGS_H
#include "leadup.h"

/* The kept rows of the Message-IDs MIDS into TABLE (Message-ID -> GBytes:
 * the revision, a gint64, then the record; the table's free functions
 * are the caller's: g_free, g_bytes_unref).  Returns 0 or EX_IOERR. */
int lu_store_kmsgs_get(struct lu_store *s, GPtrArray *mids, GHashTable *table);
/* Keeps RECS[i] (GBytes) for MIDS[i], read at revision REV, under KEY
 * (meta "kmsgs": what the records depend on besides their message, the
 * index's UUID and the drafts setting): the rows kept under another key
 * go first.  Within the caller's write transaction (lu_store_begin).
 * Returns 0 or a status. */
int lu_store_kmsgs_put(struct lu_store *s, const char *key, GPtrArray *mids, GPtrArray *recs,
                       gint64 rev);

#endif
