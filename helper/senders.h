/* senders.h - the senders' histories an incremental scan brings forward
 * (store.c table senders, scan.c senders_forward): only those the mail
 * added may count for are read (issue 14, session 34).  Declared here,
 * not in leadup.h, whose text is part of the sentence analysis's digest
 * (Makefile SENSE_SRCS): a change there analyses every kept text again. */
#ifndef LU_SENDERS_H
#define LU_SENDERS_H
#include "leadup.h"

/* As lu_store_senders_read, those of the addresses WANT says true of
 * (called with each kept lower-case address and DATA; WANT NULL: all)
 * among those PREFIXES may find: the addresses that begin with one of
 * them, and every address not lu_sender_ranged (PREFIXES NULL, or the
 * histories written before session 34: every address).  Each row read
 * counts in lu_senders_rows. */
int lu_store_senders_some(struct lu_store *s, const char *key, GPtrArray *prefixes,
                          bool (*want)(const char *addr, void *data), void *data, GHashTable **out);
/* The longest run of ASCII letters and digits Xapian indexes as a word
 * (scan.c may_match: an address with a longer one may match anything). */
#define LU_SENDER_RUN_MOST 64
/* Whether the lower-case address ADDR is found by its first run of
 * letters and digits (lu_store_senders_some's PREFIXES): printable ASCII,
 * beginning with a letter or digit, whose run is no longer than
 * LU_SENDER_RUN_MOST. */
bool lu_sender_ranged(const char *addr);
/* LEADUP_DEBUG_COUNTS: the histories senders_forward took, and the kept
 * rows lu_store_senders_some read. */
extern guint lu_forward_kept, lu_senders_rows;
/* LEADUP_DEBUG_WHOLE_SENDERS: an incremental scan reads every kept
 * history to bring them forward, as before session 34 (scan.c
 * senders_forward; t234 compares). */
extern bool lu_debug_whole_senders;

/* The messages added since BASE (lu_db_base's) told by document number,
 * for the histories kept outside a full walk (issue 14, session 40:
 * why, draft and the decisions read what their thread's senders need,
 * not each message added): *ABOVE, the number above which every one of
 * them is, *ADDED how many.  Holds when lu_db_since would (nothing but
 * messages added, no more than MOST), without reading one of their
 * documents.  Returns 0, or -1 (*ABOVE -1) as lu_db_since.  Prints
 * nothing. */
int lu_db_above(struct lu_db *db, const char *base, unsigned most, gint64 *above, unsigned *added);
/* lu_db_count_addr's count over the messages numbered above ABOVE
 * (lu_db_above's) into *OUT: what notmuch counts of the same query ANDed
 * with their `id:`s.  Returns 0, or -1 (an address not one plain phrase,
 * LEADUP_DEBUG_NO_XADDR, a Xapian error): the caller asks notmuch. */
int lu_db_count_addr_above(struct lu_db *db, const char *addr, const char *const *mine, unsigned n,
                           gint64 above, unsigned *out);
/* As lu_db_terms, of the messages numbered above ABOVE (lu_db_above's),
 * in their order, none read for its Message-ID: an incremental scan
 * brings the kept histories forward so past LU_FORWARD_MOST added (issue
 * 14, session 41).  Returns 0 (the caller frees *TERMS), or -1 (*TERMS
 * NULL).  Prints nothing; lu_terms_above counts the messages read. */
int lu_db_terms_above(struct lu_db *db, gint64 above, const char *prefix, GPtrArray **terms);
/* LEADUP_DEBUG_COUNTS: the messages added since the kept histories whose
 * Message-IDs were read from their documents (lu_db_since), and those
 * told by document number alone (lu_db_above); the messages whose From and
 * To terms lu_db_terms_above read (each field counts). */
extern guint64 lu_since_read, lu_since_above, lu_terms_above;
/* Set from LEADUP_DEBUG_NO_ABOVE: lu_db_above answers nothing, and the
 * kept histories count the messages added since by their Message-IDs
 * with notmuch, as before session 40 (a test compares the two). */
extern bool lu_debug_no_above;

#endif
