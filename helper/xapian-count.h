/* xapian-count.h - how many messages carry a tag, from Xapian's term
 * frequency, the messages new since a mark, and the Message-IDs a message
 * answers, from its terms (xapian-count.cc); for nm.c only. */
#ifndef LU_XAPIAN_COUNT_H
#define LU_XAPIAN_COUNT_H

#ifdef __cplusplus
extern "C" {
#endif

struct lu_xcount;

/* Opens notmuch's Xapian database read-only, where notmuch 0.37 finds it
 * under its database path DBPATH (DBPATH/xapian, else
 * DBPATH/.notmuch/xapian), and keeps it only when it is the one notmuch
 * opened, at the same revision: its UUID is UUID and the upper bound of
 * its revision value is REVISION.  NULL otherwise (no such directory, a
 * Xapian error, another database, a commit in between): the caller counts
 * with notmuch.  Owned by the caller (lu_xcount_close). */
struct lu_xcount *lu_xcount_open(const char *dbpath, const char *uuid, unsigned long revision);

/* The messages carrying TAG into *OUT: Xapian's term frequency of the
 * tag's term (notmuch's prefix "K" and the tag), exact and read in one
 * look-up, where notmuch's count reads every posting.  Returns 0, or -1
 * on a Xapian error (the caller counts with notmuch). */
int lu_xcount_tag(struct lu_xcount *x, const char *tag, unsigned *out);

/* What marks the newest document of the database as opened: "DOCID
 * TERM", its document id (Xapian's last) and the term that names it
 * (its Message-ID's, a message's or a ghost's; a directory's path).
 * Owned by the caller (free); NULL on a Xapian error or when that
 * document is gone. */
char *lu_xcount_mark(struct lu_xcount *x);

/* The messages changed in revisions (FROM, TO] when they can be told
 * without reading every message's revision, each Message-ID given to FN:
 * the messages numbered above MARK (lu_xcount_mark's at revision FROM)
 * and those of their threads changed since FROM.  Returns 0 only when
 * those are all: MARK's document still carries its term, every message
 * above it is of a revision in (FROM, TO], and each of those revisions
 * is one of theirs (a revision of no new message, a tag change or a new
 * file of an old one, leaves one unexplained).  -1 otherwise (FN not
 * called), or with more than MOST revisions or new messages: the caller
 * asks notmuch for the range. */
int lu_xcount_changed(struct lu_xcount *x, const char *mark, unsigned long from, unsigned long to,
                      unsigned most, void (*fn)(const char *mid, void *data), void *data);

/* The Message-IDs the message MID answers, each given to FN: the terms
 * notmuch indexed them as (prefix "XREFERENCE": its References and
 * In-Reply-To, each parsed as lib/message-id.c parses them, its own id
 * left out), read from its document's term list, where notmuch's
 * notmuch_message_get_header opens and parses its file.  Returns 0; 1
 * when the message has not exactly one file (notmuch took the terms from
 * the first file it indexed, the header would come from the first of its
 * names now); -1 when no document has the id or on a Xapian error.  FN
 * is called only on 0: otherwise the caller reads the file. */
int lu_xcount_answers(struct lu_xcount *x, const char *mid, void (*fn)(const char *ref, void *data),
                      void *data);

void lu_xcount_close(struct lu_xcount *x);

#ifdef __cplusplus
}
#endif

#endif
