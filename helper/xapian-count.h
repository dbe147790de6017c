/* xapian-count.h - how many messages carry a tag, from Xapian's term
 * frequency, the messages new since a mark, and the Message-IDs a message
 * answers, from its terms (xapian-count.cc); for nm.c only. */
#ifndef LU_XAPIAN_COUNT_H
#define LU_XAPIAN_COUNT_H

#include <stddef.h>

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
/* The mail documents (notmuch's count of `*`: its term "Tmail") into
 * *OUT, in one look-up as lu_xcount_tag.  Returns 0, or -1 on a Xapian
 * error. */
int lu_xcount_mail(struct lu_xcount *x, unsigned *out);

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

/* What the counts of the messages' addresses were counted over (the
 * senders' histories a full scan keeps): "UUID DOCS MAILS LENGTH DOCID
 * TERM", the database's UUID, its documents, its mail documents
 * (notmuch's type:mail), the sum of its documents' lengths (the words
 * indexed; a tag is a term of no length), and the newest document's id
 * and naming term (lu_xcount_mark's).  Owned by the caller (free); NULL
 * on a Xapian error or when the newest document has no naming term. */
char *lu_xcount_base(struct lu_xcount *x);

/* The messages added since BASE (lu_xcount_base's), each Message-ID given
 * to FN: the mail documents numbered above BASE's newest.  Returns 0 only
 * when those are all the change of what was indexed: the same UUID,
 * BASE's newest document still carrying its term, and the documents, mail
 * documents and total length those above it account for exactly (a
 * message removed, a ghost become a message, a compaction: -1).  -1 too
 * (FN not called) with more than MOST messages added.  Blind to a
 * document rewritten in place with the same length (`notmuch reindex`). */
int lu_xcount_since(struct lu_xcount *x, const char *base, unsigned most,
                    void (*fn)(const char *mid, void *data), void *data);
/* As lu_xcount_since, but without the Message-IDs: *ABOVE, BASE's newest
 * document, above which every message added since is numbered, and
 * *ADDED, how many they are.  No document is opened (their lengths are in
 * the posting list of all documents), so it costs a posting a document
 * added, where lu_xcount_since reads each one's terms.  Returns 0, or -1
 * as lu_xcount_since (more than MOST messages added, a removal, ...). */
int lu_xcount_above(struct lu_xcount *x, const char *base, unsigned most, unsigned long *above,
                    unsigned *added);
/* The terms starting with PREFIX (notmuch's: "XFROM" for from:, "XTO"
 * for to:) of each of the N messages MIDS (the ids notmuch keeps them
 * under), each given to FN with the message's place in MIDS and without
 * the prefix: the message's document's, which its `from:` and `to:`
 * queries search.  Returns 0; -1 when a message has no document, or on a Xapian
 * error (FN may have been called for some). */
int lu_xcount_terms(struct lu_xcount *x, const char *const *mids, unsigned n, const char *prefix,
                    void (*fn)(unsigned k, const char *term, void *data), void *data);
/* As lu_xcount_terms, of the mail documents numbered above ABOVE
 * (lu_xcount_above's), in their order: K, their place among them, and
 * *N how many they are (a message may have no such term).  For more
 * messages added than their Message-IDs are read for (issue 14: the
 * histories brought forward past LU_FORWARD_MOST added).  Returns 0, or
 * -1 on a Xapian error (FN may have been called for some). */
int lu_xcount_terms_above(struct lu_xcount *x, unsigned long above, const char *prefix,
                          void (*fn)(unsigned k, const char *term, void *data), void *data,
                          unsigned *n);
/* Which of the N messages MIDS (the ids notmuch keeps them under) answers
 * which: ANS[K * N + L] (N x N, zeroed by the caller) set when message K
 * carries the term notmuch indexed MIDS[L] as, among what it answers
 * (prefix "XREFERENCE": its References and In-Reply-To, each parsed as
 * lib/message-id.c parses them, its own id left out), K != L.  One
 * posting list a message, where notmuch_message_get_header opens and
 * parses each file.  The terms are those of the first file notmuch
 * indexed of a message: the caller reads a message of several files from
 * its file.  Returns 0; -1 when a message has no document or an id too
 * long for a term, or on a Xapian error (ANS then undefined). */
int lu_xcount_answered(struct lu_xcount *x, const char *const *mids, unsigned n, bool *ans);

/* The values notmuch keeps of each message of the N threads TIDS (their
 * ids), given to FN with K, its thread's index in TIDS: its Message-ID,
 * date (NOTMUCH_VALUE_TIMESTAMP, unserialised), From, Subject and
 * revision (lastmod, 0 when it has none), each value as
 * notmuch_message_get_message_id, _get_date and _get_header read it from
 * the message's document.  One pass of each value stream along the
 * threads' documents, where libnotmuch reads each value of each message
 * with a look-up of its own.  A message (not a ghost) without a
 * Message-ID or a date value is given with MID NULL (the caller asks
 * notmuch).  Returns 0, or -1 on a Xapian error (FN not called). */
int lu_xcount_values(struct lu_xcount *x, const char *const *tids, unsigned n,
                     void (*fn)(unsigned k, const char *mid, double date, const char *from,
                                const char *subject, unsigned long lastmod, void *data),
                     void *data);

/* A message of a date slice as the full walk reads it (lu_xcount_slice):
 * what notmuch_message_get_message_id, _get_thread_id, _get_date,
 * _get_header ("from", "subject"), _get_tags and _get_filenames give,
 * read from its document.  FROM or SUBJECT NULL when its value is empty
 * (notmuch would parse the file for it: the caller asks notmuch).  The
 * strings are lu_xcount_slice's, valid during its FN only. */
struct lu_xmsg {
    unsigned k; /* lu_xcount_rest: its thread's index in TIDS */
    const char *mid, *tid, *from, *subject;
    double date;
    const char *const *tags;
    unsigned ntags;
    const char *const *files;
    unsigned nfiles;
    /* Its to: terms (notmuch's XTO, the prefix left out): the words of
     * the To, Cc and Bcc of every file of it that notmuch indexed. */
    const char *const *to;
    unsigned nto;
    bool refs; /* it holds an XREFERENCE term: References or In-Reply-To */
};

/* Each mail document dated FROM..TO (seconds, both included; LO_OPEN or
 * HI_OPEN: no bound on that side, but an open start leaves out the date 0
 * as notmuch's does), given to FN in notmuch's order of the
 * query `date:@FROM..@TO` sorted NEWEST first (else oldest first): by
 * the date value, ties by document id, ascending (Xapian's order under
 * set_sort_by_value).  Each file as notmuch 0.37 names it (lib/message.cc
 * _notmuch_message_ensure_filename_list): ROOT, the directory's path
 * (its document's data) and the name, from the message's XFDIRENTRY
 * terms, in term order.  One pass of the date, From and Subject value
 * streams and one read of each message's term list, where libnotmuch
 * sorts an MSet, makes a message object, reads each value with a look-up
 * of its own and each file's directory document again.  Returns 0; -1
 * on a Xapian error, a message that is not whole (no id or thread term,
 * no file), or when FN returns nonzero (FN may have been called for
 * some: the caller forgets them and asks notmuch).  With WALKED, a
 * message lu_xcount_rest gave with its thread since lu_xcount_walk_end is
 * not read again when WALKED says its thread (the id given) was walked:
 * a thread that crosses slices has its messages outside its first slice
 * read with it, and their own slice would read each again, its term
 * list inflated, only for the caller to drop it (at 300,000 messages a
 * slice is a week of mail, and one message in six was read twice). */
int lu_xcount_slice(struct lu_xcount *x, double from, double to, bool lo_open, bool hi_open,
                    bool newest, const char *root, int (*fn)(const struct lu_xmsg *m, void *data),
                    bool (*walked)(const char *tid, void *data), void *data);

/* Forgets the messages lu_xcount_rest gave (lu_xcount_slice's WALKED)
 * and the dates lu_xcount_dates read: a walk's end. */
void lu_xcount_walk_end(struct lu_xcount *x);

/* The messages of the N threads TIDS outside the slice FROM..TO
 * (lu_xcount_slice's, the same bounds), as `(thread:A or ...) and not
 * (date:@FROM..@TO)` gives them, oldest first, each to FN with K its
 * thread's index in TIDS: the threads' posting lists and one pass of the
 * date stream along them, where notmuch's query reads the date of every
 * message of the database.  Returns 0; -1 as lu_xcount_slice. */
int lu_xcount_rest(struct lu_xcount *x, const char *const *tids, unsigned n, double from, double to,
                   bool lo_open, bool hi_open, const char *root,
                   int (*fn)(const struct lu_xmsg *m, void *data), void *data);

/* notmuch's count of the mail from:"ADDR" (MINE NULL), or of the mail
 * `(from:"A" or from:"B" ...) and to:"ADDR"` (A, B: the N addresses or
 * domains MINE), without exclusions, into *OUT: Xapian's exact phrase of
 * ADDR's words (as notmuch's query parser makes it) filtered by type:mail,
 * its matches tested for MINE's phrases one by one (their positions), or
 * after 32 calls with the same list against the mail from MINE read once
 * by document id (a full walk asks hundreds, a key one).  Its cost grows
 * with the mail the address is in, where notmuch's count of the same
 * query walks the postings of every message of mine.  Returns 0; -1 when
 * an address is not one plain phrase (the caller counts with notmuch), or
 * on a Xapian error. */
int lu_xcount_addr(struct lu_xcount *x, const char *addr, const char *const *mine, unsigned n,
                   unsigned *out);

/* Whether there is mail `from:"A" or from:"B" ...` (A, B: the N
 * addresses or domains MINE), without exclusions, into *ANY: each one's
 * exact phrase filtered by type:mail, as lu_xcount_addr reads it, asked
 * for one match, not counted.  Returns 0; -1 as lu_xcount_addr. */
int lu_xcount_any_from(struct lu_xcount *x, const char *const *mine, unsigned n, bool *any);
/* lu_xcount_addr's count over the mail documents numbered above ABOVE
 * (lu_xcount_above's: the messages added since a base) into *OUT: the
 * same phrase tested at each of those documents that holds its rarest
 * word, so the cost grows with that mail, not with the index nor with all
 * the mail added.  Returns 0; -1 as lu_xcount_addr. */
int lu_xcount_addr_above(struct lu_xcount *x, const char *addr, const char *const *mine, unsigned n,
                         unsigned long above, unsigned *out);

/* The date value (NOTMUCH_VALUE_TIMESTAMP, unserialised) of every mail
 * document that has one, sorted, into *OUT (N of them; X's, valid until
 * lu_xcount_walk_end): one pass of the value stream, from which the
 * messages of any `date:@A..@B` are counted by two binary searches (a
 * value range compares the serialised values, whose order is the
 * numbers').  Where notmuch's count of such a query reads the date of
 * every message of the database.  X keeps each one's document id beside
 * it for the walk: lu_xcount_slice takes a slice's documents from them
 * (a range found by two binary searches), where it read the whole date
 * stream for each slice (the slices grow with the mail: 80 at 300,000
 * messages).  Returns 0, or -1 on a Xapian error. */
int lu_xcount_dates(struct lu_xcount *x, const double **out, size_t *n);

/* The document id of each of the N Message-IDs MIDS into OUT (0: none
 * such); 0, or -1 when Xapian failed. */
int lu_xcount_docids(struct lu_xcount *x, const char *const *mids, unsigned n, unsigned *out);

void lu_xcount_close(struct lu_xcount *x);

#ifdef __cplusplus
}
#endif

#endif
