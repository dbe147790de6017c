/* addr.h - addr.c's reading of a plain From value, and nm.c's reading of
 * the values notmuch keeps (declared here, not in leadup.h, whose text is
 * part of the sentence analysis's digest, Makefile SENSE_SRCS: a new
 * declaration there would analyse every text again). */
#ifndef LU_ADDR_H
#define LU_ADDR_H
#include "leadup.h"

/* VALUE (unfolded) read without GMime when each of its comma-separated
 * elements is a plain addr-spec or a plain phrase with one in angle
 * brackets ("Words <local@dom.ain>", '"Lee, Ann" <a@b.c>', a bare addr):
 * the addresses GMime's parse would give (lu_addr_list_parse), appended to
 * OUT (its free function lu_addr_free; the caller owns them).  False, OUT
 * untouched: anything else (groups, comments, routes, encoded words,
 * 8-bit text, empty elements), for GMime. */
bool lu_addr_plain_list(GPtrArray *out, const char *value);
/* VALUE's one mailbox when VALUE is a list of one that
 * lu_addr_plain_list reads; NULL for anything else.  Caller frees
 * (lu_addr_free). */
struct lu_addr *lu_addr_plain(const char *value);
/* Set from LEADUP_DEBUG_NO_PLAIN_ADDR: lu_addr_plain_list answers false
 * (and lu_addr_plain NULL), so every value, a file's headers' too, goes
 * to GMime's parse (tests compare the two ways).  lu_plain_addrs counts
 * the values lu_addr_plain read. */
extern bool lu_debug_no_plain_addr;
extern guint64 lu_plain_addrs;

/* Set from LEADUP_DEBUG_NO_VALUES: nm.c reads each message's date, From
 * and Subject through libnotmuch, not a batch of threads' from the value
 * streams (lu_xcount_values); lu_values_kept counts the messages whose
 * values the streams gave (LEADUP_DEBUG_COUNTS). */
extern bool lu_debug_no_values;
extern guint64 lu_values_kept;

/* The messages a caller keeps as msg_from read them (scan.c's kept
 * messages), so that a thread's messages unchanged since are not read
 * through libnotmuch again (issue 14): for thread TID, each of its N
 * messages MIDS[i], of revision LASTMOD[i] (notmuch's lastmod) and date
 * DATE[i] (its value), that the caller holds as it is: OUT[i] (struct
 * lu_msg as msg_from would make it, the caller of FN frees), else left
 * NULL (read through libnotmuch).  Only for whole threads read with the
 * values (read_threads).  lu_rows_used counts the messages taken;
 * LEADUP_DEBUG_NO_ROWS (lu_debug_no_rows) takes none. */
typedef void (*lu_rows_fn)(const char *tid, const char *const *mids, const gint64 *lastmod,
                           const gint64 *date, guint n, struct lu_msg **out, void *data);
void lu_db_set_rows(struct lu_db *db, lu_rows_fn fn, void *data);
/* Opens notmuch's Xapian database beside DB now (a thread view's read,
 * which opened nothing else of it), so that whole threads are read with
 * the values and the kept messages (read_threads); false when it cannot
 * be (then libnotmuch reads them, as before). */
bool lu_db_values_open(struct lu_db *db);
extern guint64 lu_rows_used;
extern bool lu_debug_no_rows;

#endif
