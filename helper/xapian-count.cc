/* xapian-count.cc - how many messages carry a tag, which messages are
 * new, what a message answers: asked of Xapian.
 *
 * notmuch counts a query's matches by running it: `notmuch count
 * tag:leadup/awaiting` reads every posting of the tag's term, 1,400-4,000
 * instructions a message (issue 14: three quarters of a no-op scan at
 * 300,000 messages, for 18,500 tagged messages).  Xapian keeps each
 * term's frequency, exact (the documents indexed by it), and answers it
 * in one look-up.  libnotmuch has no call for it, so this file opens
 * notmuch's Xapian database itself, read-only, and asks for the
 * frequency of the tag's term.  What it relies on of notmuch 0.37, each
 * checked where it is used: where the database is (lib/open.cc
 * _notmuch_choose_xapian_path), the tag's term prefix "K" (lib/prefix.cc
 * prefix_table; only mail documents carry it, so its frequency is
 * notmuch's count of tag:TAG without exclusions), and the revision kept
 * as the upper bound of value slot 4 (NOTMUCH_VALUE_LAST_MOD,
 * lib/open.cc _load_database_state).  Any doubt answers nothing and the
 * caller counts with notmuch.  The same database tells the messages new
 * since the last scan (lu_xcount_changed) and the Message-IDs a message
 * answers from the terms notmuch indexed them as (lu_xcount_answered),
 * where notmuch would open and parse the message's file (about 22 M
 * of the 52.6 M instructions of session 29's one-new-message scan).  libxapian is already loaded by
 * libnotmuch: no new library at run time.  Only nm.c calls it. */
#include "xapian-count.h"

#include <algorithm>
#include <map>
#include <set>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

struct lu_xcount {
    Xapian::Database db;
    /* lu_xcount_addr: the phrases of my addresses and domains (from_me's),
     * parsed once for the list MINE_OF (one a line); the counts of my mail
     * to someone asked with it; after MINE_SET_AFTER of them, the mail
     * from me by document id (MINE_SET), read once. */
    std::vector<std::vector<std::string>> mine;
    std::string mine_of;
    unsigned mine_asked = 0;
    std::vector<bool> mine_set;
    /* A full walk's messages read with their thread outside its slice
     * (lu_xcount_rest), by document id, with their thread's id: their own
     * slice comes later and skips them (lu_xcount_slice). */
    std::unordered_map<Xapian::docid, std::string> ahead;
    /* The walk's mail by date (lu_xcount_dates): each document's date and
     * id, sorted by the date, ties by id; a slice is a range of them
     * (slice_docs), where each slice read the whole date stream. */
    std::vector<double> dates;
    std::vector<Xapian::docid> dated;
    /* The last slice's documents (lu_xcount_slice, before skip_ahead),
     * sorted, and its range: lu_xcount_rest leaves those out as the
     * slice's own without reading their type and date again (43 M
     * instructions of a first full scan at 10,000, issue 14). */
    std::vector<Xapian::docid> slice_ids;
    double slice_from = 0, slice_to = 0;
    bool slice_lo_open = false, slice_hi_open = false, slice_known = false;
};

/* notmuch 0.37: the term prefix of tag: (lib/prefix.cc prefix_table). */
static const char TAG_PREFIX[] = "K";
/* notmuch 0.37: NOTMUCH_VALUE_LAST_MOD (lib/database-private.h), whose
 * upper bound is the database's revision. */
static const Xapian::valueno LAST_MOD_SLOT = 4;
/* lib/notmuch-private.h notmuch_value_t: what msg_from reads (nm.c). */
static const Xapian::valueno TIMESTAMP_SLOT = 0, MESSAGE_ID_SLOT = 1, FROM_SLOT = 2,
                             SUBJECT_SLOT = 3;

/* notmuch 0.37's term prefixes (lib/prefix.cc prefix_table) of id:,
 * thread: and type: ("mail", "ghost"); a directory's document carries
 * XDIRECTORY and the directory's path. */
static const char ID_PREFIX[] = "Q";
static const char THREAD_PREFIX[] = "G";
static const char MAIL_TERM[] = "Tmail";
static const char DIRECTORY_PREFIX[] = "XDIRECTORY";
/* notmuch 0.37's prefix of the Message-IDs a message answers
 * ("reference": its References and In-Reply-To parsed, its own id left
 * out; lib/add-message.cc _notmuch_database_link_message_to_parents). */
static const char REFERENCE_PREFIX[] = "XREFERENCE";

/* DIR opened into *DB: true; false when Xapian cannot open it. */
static bool try_open(const std::string &dir, Xapian::Database *db)
{
    try {
        *db = Xapian::Database(dir);
        return true;
    } catch (const Xapian::Error &) {
        return false;
    }
}

/* Whether DB is the database notmuch opened, as it was then: the same
 * UUID, the same revision (a commit since would make the counts of two
 * snapshots differ). */
static bool same_as_notmuch(const Xapian::Database &db, const char *uuid, unsigned long revision)
{
    std::string last = db.get_value_upper_bound(LAST_MOD_SLOT);
    unsigned long rev = last.empty() ? 0 : (unsigned long)Xapian::sortable_unserialise(last);

    return db.get_uuid() == uuid && rev == revision;
}

struct lu_xcount *lu_xcount_open(const char *dbpath, const char *uuid, unsigned long revision)
{
    lu_xcount *x = NULL;
    bool ok = false;

    if (!dbpath || !*dbpath || !uuid || !*uuid)
        return NULL;
    try {
        x = new lu_xcount;
        /* notmuch tries DBPATH/xapian first (a database kept apart from
         * the mail), then DBPATH/.notmuch/xapian. */
        ok = (try_open(std::string(dbpath) + "/xapian", &x->db) ||
              try_open(std::string(dbpath) + "/.notmuch/xapian", &x->db)) &&
             same_as_notmuch(x->db, uuid, revision);
    } catch (...) {
        ok = false;
    }
    if (!ok) {
        delete x;
        x = NULL;
    }
    return x;
}

int lu_xcount_tag(struct lu_xcount *x, const char *tag, unsigned *out)
{
    try {
        *out = (unsigned)x->db.get_termfreq(std::string(TAG_PREFIX) + tag);
        return 0;
    } catch (...) {
        return -1;
    }
}

int lu_xcount_mail(struct lu_xcount *x, unsigned *out)
{
    try {
        *out = (unsigned)x->db.get_termfreq(MAIL_TERM);
        return 0;
    } catch (...) {
        return -1;
    }
}

void lu_xcount_close(struct lu_xcount *x)
{
    delete x;
}

/* DOC's first term that starts with PREFIX, or "". */
static std::string term_with(const Xapian::Document &doc, const std::string &prefix)
{
    Xapian::TermIterator t = doc.termlist_begin();

    t.skip_to(prefix);
    if (t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0)
        return *t;
    return std::string();
}

/* DOC's revision (notmuch's lastmod value), or 0 when it has none. */
static unsigned long doc_revision(const Xapian::Document &doc)
{
    std::string v = doc.get_value(LAST_MOD_SLOT);

    return v.empty() ? 0 : (unsigned long)Xapian::sortable_unserialise(v);
}

/* What names the document DID for good: its Message-ID's term (a message
 * or a ghost) or its directory's, "" when it has neither. */
static std::string naming_term(const Xapian::Database &db, Xapian::docid did)
{
    Xapian::Document doc = db.get_document(did);
    std::string t = term_with(doc, ID_PREFIX);

    return t.empty() ? term_with(doc, DIRECTORY_PREFIX) : t;
}

char *lu_xcount_mark(struct lu_xcount *x)
{
    try {
        Xapian::docid last = x->db.get_lastdocid();
        std::string t = last ? naming_term(x->db, last) : std::string();

        if (t.empty())
            return NULL;
        return strdup((std::to_string(last) + " " + t).c_str());
    } catch (...) {
        return NULL;
    }
}

/* Whether MARK ("DOCID TERM") still holds: its document still carries its
 * term, so no docid below it was renumbered (Xapian never reuses one;
 * a compaction that closes a gap below it moves it), and the database
 * has no document numbered below it that is newer. *DID: its docid. */
static bool mark_holds(const Xapian::Database &db, const char *mark, Xapian::docid *did)
{
    char *end = NULL;
    unsigned long n = strtoul(mark, &end, 10);

    if (!n || !end || *end != ' ' || n > db.get_lastdocid())
        return false;
    *did = (Xapian::docid)n;
    return naming_term(db, *did) == std::string(end + 1);
}

/* The new messages (numbered above MARK) into *MIDS and their threads
 * into *THREADS; false unless each is a message of revision (FROM, TO]
 * and every revision of (FROM, TO] is one of theirs. */
static bool new_messages(const Xapian::Database &db, Xapian::docid mark, unsigned long from,
                         unsigned long to, unsigned most, std::set<std::string> *mids,
                         std::set<std::string> *threads)
{
    std::vector<bool> seen(to - from, false);
    Xapian::PostingIterator p = db.postlist_begin(MAIL_TERM);

    for (p.skip_to(mark + 1); p != db.postlist_end(MAIL_TERM); ++p) {
        Xapian::Document doc = db.get_document(*p);
        unsigned long rev = doc_revision(doc);
        std::string mid = term_with(doc, ID_PREFIX), tid = term_with(doc, THREAD_PREFIX);

        if (rev <= from || rev > to || mid.empty() || tid.empty() || mids->size() >= most)
            return false;
        seen[rev - from - 1] = true;
        mids->insert(mid.substr(1));
        threads->insert(tid);
    }
    for (bool b : seen)
        if (!b)
            return false;
    return true;
}

/* The messages of the thread TID (its term) numbered up to MARK and of a
 * revision above FROM into *MIDS.  The revisions are read in one pass of
 * the revision's value stream, skipped forward from one document of the
 * thread to the next (the posting list is in document order), where
 * opening each document reads its values one look-up at a time; only a
 * changed one is opened. */
static void changed_of_thread(const Xapian::Database &db, const std::string &tid,
                              Xapian::docid mark, unsigned long from, std::set<std::string> *mids)
{
    Xapian::ValueIterator v = db.valuestream_begin(LAST_MOD_SLOT);

    for (Xapian::PostingIterator p = db.postlist_begin(tid);
         p != db.postlist_end(tid) && *p <= mark; ++p) {
        v.skip_to(*p);
        if (v == db.valuestream_end(LAST_MOD_SLOT))
            return;
        if (v.get_docid() != *p || (unsigned long)Xapian::sortable_unserialise(*v) <= from)
            continue;
        Xapian::Document doc = db.get_document(*p);
        if (term_with(doc, MAIL_TERM) == MAIL_TERM)
            mids->insert(term_with(doc, ID_PREFIX).substr(1));
    }
}

int lu_xcount_changed(struct lu_xcount *x, const char *mark, unsigned long from, unsigned long to,
                      unsigned most, void (*fn)(const char *mid, void *data), void *data)
{
    std::set<std::string> mids, threads;
    Xapian::docid did = 0;

    if (!mark || to <= from || to - from > most)
        return -1;
    try {
        if (!mark_holds(x->db, mark, &did) ||
            !new_messages(x->db, did, from, to, most, &mids, &threads))
            return -1;
        /* A new message may have joined threads: notmuch rewrote the
         * thread ids of the joined messages (lib/add-message.cc
         * _merge_threads), in its own revision. */
        for (const std::string &tid : threads)
            changed_of_thread(x->db, tid, did, from, &mids);
    } catch (...) {
        return -1;
    }
    for (const std::string &m : mids)
        fn(m.c_str(), data);
    return 0;
}

char *lu_xcount_base(struct lu_xcount *x)
{
    try {
        Xapian::docid last = x->db.get_lastdocid();
        std::string t = last ? naming_term(x->db, last) : std::string();

        if (t.empty())
            return NULL;
        return strdup((x->db.get_uuid() + " " + std::to_string(x->db.get_doccount()) + " " +
                       std::to_string(x->db.get_termfreq(MAIL_TERM)) + " " +
                       std::to_string(x->db.get_total_length()) + " " + std::to_string(last) + " " +
                       t)
                          .c_str());
    } catch (...) {
        return NULL;
    }
}

/* BASE (lu_xcount_base's) read into its parts; false when malformed. */
static bool parse_base(const char *base, std::string *uuid, unsigned long long n[4],
                       std::string *term)
{
    const char *sp = strchr(base, ' ');
    char *end = NULL;

    if (!sp)
        return false;
    *uuid = std::string(base, (size_t)(sp - base));
    for (int i = 0; i < 4; i++) {
        n[i] = strtoull(sp + 1, &end, 10);
        if (!end || *end != ' ' || end == sp + 1)
            return false;
        sp = end;
    }
    *term = std::string(sp + 1);
    return !term->empty();
}

/* Whether the base parse_base read (UUID, N: docs, mails, length, the
 * newest document's id, TERM: the term naming it) is of this database:
 * the same UUID, the newest document still there and naming itself. */
static bool base_holds(const Xapian::Database &db, const std::string &uuid,
                       const unsigned long long n[4], const std::string &term)
{
    return db.get_uuid() == uuid && n[3] && n[3] <= db.get_lastdocid() &&
           naming_term(db, (Xapian::docid)n[3]) == term;
}

/* BASE (the kept base: parse_base) parsed into N and checked against DB
 * (base_holds): the start of lu_xcount_since and lu_xcount_above.  Throws
 * what Xapian throws. */
static bool base_of(const Xapian::Database &db, const char *base, unsigned long long n[4])
{
    std::string uuid, term;

    return base && parse_base(base, &uuid, n, &term) && base_holds(db, uuid, n, term);
}

/* Whether the DOCS documents (MAILS of them mail, LENGTH their length)
 * found above the base's newest account exactly for the change since
 * the base N: nothing was removed or rewritten below it. */
static bool base_accounts(const Xapian::Database &db, const unsigned long long n[4],
                          unsigned long long docs, unsigned long long mails,
                          unsigned long long length)
{
    return db.get_doccount() == n[0] + docs && db.get_termfreq(MAIL_TERM) == n[1] + mails &&
           db.get_total_length() == n[2] + length;
}

int lu_xcount_since(struct lu_xcount *x, const char *base, unsigned most,
                    void (*fn)(const char *mid, void *data), void *data)
{
    std::vector<std::string> mids;
    unsigned long long n[4], docs = 0, mails = 0, length = 0; /* DOCS MAILS LENGTH DOCID */

    try {
        const Xapian::Database &db = x->db;
        Xapian::PostingIterator p = db.postlist_begin(std::string());

        if (!base_of(db, base, n))
            return -1;
        for (p.skip_to((Xapian::docid)n[3] + 1); p != db.postlist_end(std::string()); ++p) {
            Xapian::Document doc = db.get_document(*p);
            if (++docs > 4 * (unsigned long long)most) /* ghosts and directories besides */
                return -1;
            length += db.get_doclength(*p);
            if (term_with(doc, MAIL_TERM) != MAIL_TERM)
                continue;
            std::string mid = term_with(doc, ID_PREFIX);
            if (mid.empty() || ++mails > most)
                return -1;
            mids.push_back(mid.substr(1));
        }
        if (!base_accounts(db, n, docs, mails, length))
            return -1;
    } catch (...) {
        return -1;
    }
    for (const std::string &m : mids)
        fn(m.c_str(), data);
    return 0;
}

int lu_xcount_above(struct lu_xcount *x, const char *base, unsigned most, unsigned long *above,
                    unsigned *added)
{
    unsigned long long n[4], docs = 0, mails = 0, length = 0; /* DOCS MAILS LENGTH DOCID */

    try {
        const Xapian::Database &db = x->db;
        Xapian::PostingIterator p = db.postlist_begin(std::string());
        Xapian::PostingIterator m = db.postlist_begin(MAIL_TERM);

        if (!base_of(db, base, n))
            return -1;
        /* Each document's length is in the posting list of all of them:
         * no document is opened (lu_xcount_since reads each one's terms
         * for its Message-ID, 0.07 M instructions a message). */
        for (p.skip_to((Xapian::docid)n[3] + 1); p != db.postlist_end(std::string()); ++p) {
            if (++docs > 4 * (unsigned long long)most) /* ghosts and directories besides */
                return -1;
            length += p.get_doclength();
        }
        for (m.skip_to((Xapian::docid)n[3] + 1); m != db.postlist_end(MAIL_TERM); ++m)
            if (++mails > most)
                return -1;
        if (!base_accounts(db, n, docs, mails, length))
            return -1;
    } catch (...) {
        return -1;
    }
    *above = (unsigned long)n[3];
    *added = (unsigned)mails;
    return 0;
}

int lu_xcount_values(struct lu_xcount *x, const char *const *tids, unsigned n,
                     void (*fn)(unsigned k, const char *mid, double date, const char *from,
                                const char *subject, unsigned long lastmod, void *data),
                     void *data)
{
    static const Xapian::valueno slots[] = {MESSAGE_ID_SLOT, TIMESTAMP_SLOT, FROM_SLOT,
                                            SUBJECT_SLOT, LAST_MOD_SLOT};
    enum { NSLOTS = sizeof slots / sizeof slots[0] };
    std::vector<std::pair<Xapian::docid, unsigned>> docs; /* and the thread's index in TIDS */
    std::vector<std::string> vals[NSLOTS];
    std::vector<bool> mail;

    try {
        for (unsigned k = 0; k < n; k++) {
            std::string t = std::string(THREAD_PREFIX) + tids[k];
            for (Xapian::PostingIterator p = x->db.postlist_begin(t); p != x->db.postlist_end(t);
                 ++p)
                docs.push_back(std::make_pair(*p, k));
        }
        std::sort(docs.begin(), docs.end());
        /* Only mail: a thread's ghosts (messages referred to, not held)
         * are no message of notmuch's thread: queries. */
        mail.resize(docs.size());
        Xapian::PostingIterator p = x->db.postlist_begin(MAIL_TERM);
        for (size_t i = 0; i < docs.size(); i++) {
            p.skip_to(docs[i].first);
            if (p == x->db.postlist_end(MAIL_TERM))
                break;
            mail[i] = *p == docs[i].first;
        }
        /* One pass of each value stream, skipped forward from document to
         * document, where opening each document reads each value with a
         * look-up of its own. */
        for (unsigned s = 0; s < NSLOTS; s++) {
            Xapian::ValueIterator v = x->db.valuestream_begin(slots[s]);
            vals[s].resize(docs.size());
            for (size_t i = 0; i < docs.size(); i++) {
                v.skip_to(docs[i].first);
                if (v == x->db.valuestream_end(slots[s]))
                    break;
                if (v.get_docid() == docs[i].first)
                    vals[s][i] = *v;
            }
        }
    } catch (...) {
        return -1;
    }
    for (size_t i = 0; i < docs.size(); i++) {
        bool whole = !vals[0][i].empty() && !vals[1][i].empty();
        if (mail[i])
            fn(docs[i].second, whole ? vals[0][i].c_str() : NULL,
               whole ? Xapian::sortable_unserialise(vals[1][i]) : 0, vals[2][i].c_str(),
               vals[3][i].c_str(),
               vals[4][i].empty() ? 0 : (unsigned long)Xapian::sortable_unserialise(vals[4][i]),
               data);
    }
    return 0;
}

/* Calls FN(K, the term less PRE, DATA) for each term of DOC starting with
 * PRE (the terms are sorted, so they are one run).  Throws what Xapian
 * throws: the callers catch. */
static void each_term_with(const Xapian::Document &doc, const std::string &pre, unsigned k,
                           void (*fn)(unsigned k, const char *term, void *data), void *data)
{
    Xapian::TermIterator t = doc.termlist_begin();

    for (t.skip_to(pre); t != doc.termlist_end() && (*t).compare(0, pre.size(), pre) == 0; ++t)
        fn(k, (*t).c_str() + pre.size(), data);
}

int lu_xcount_terms(struct lu_xcount *x, const char *const *mids, unsigned n, const char *prefix,
                    void (*fn)(unsigned k, const char *term, void *data), void *data)
{
    std::string pre(prefix);

    try {
        for (unsigned k = 0; k < n; k++) {
            std::string id = std::string(ID_PREFIX) + mids[k];
            Xapian::PostingIterator p = x->db.postlist_begin(id);

            if (p == x->db.postlist_end(id))
                return -1;
            each_term_with(x->db.get_document(*p), pre, k, fn, data);
        }
    } catch (...) {
        return -1;
    }
    return 0;
}

int lu_xcount_terms_above(struct lu_xcount *x, unsigned long above, const char *prefix,
                          void (*fn)(unsigned k, const char *term, void *data), void *data,
                          unsigned *n)
{
    std::string pre(prefix);
    unsigned k = 0;

    try {
        Xapian::PostingIterator m = x->db.postlist_begin(MAIL_TERM);

        for (m.skip_to((Xapian::docid)above + 1); m != x->db.postlist_end(MAIL_TERM); ++m, k++) {
            each_term_with(x->db.get_document(*m), pre, k, fn, data);
        }
    } catch (...) {
        return -1;
    }
    *n = k;
    return 0;
}

int lu_xcount_answered(struct lu_xcount *x, const char *const *mids, unsigned n, bool *ans)
{
    std::map<Xapian::docid, unsigned> run; /* document -> its place in MIDS */

    try {
        for (unsigned k = 0; k < n; k++) {
            std::string id = std::string(ID_PREFIX) + mids[k];
            Xapian::PostingIterator p = x->db.postlist_begin(id);

            /* an id whose reference term would be too long for notmuch
             * (NOTMUCH_TERM_MAX, lib/database-private.h) has none */
            if (p == x->db.postlist_end(id) || sizeof REFERENCE_PREFIX - 1 + strlen(mids[k]) > 245)
                return -1;
            run[*p] = k;
        }
        for (unsigned l = 0; l < n; l++) {
            std::string ref = std::string(REFERENCE_PREFIX) + mids[l];

            for (Xapian::PostingIterator p = x->db.postlist_begin(ref);
                 p != x->db.postlist_end(ref); ++p) {
                auto k = run.find(*p);
                if (k != run.end() && k->second != l)
                    ans[k->second * n + l] = true;
            }
        }
    } catch (...) {
        return -1;
    }
    return 0;
}

int lu_xcount_docids(struct lu_xcount *x, const char *const *mids, unsigned n, unsigned *out)
{
    try {
        for (unsigned k = 0; k < n; k++) {
            std::string id = std::string(ID_PREFIX) + mids[k];
            Xapian::PostingIterator p = x->db.postlist_begin(id);

            out[k] = p == x->db.postlist_end(id) ? 0 : *p;
        }
    } catch (...) {
        return -1;
    }
    return 0;
}

/* notmuch 0.37's prefix of a message's file names
 * (lib/prefix.cc: "file-direntry", "DIRID:NAME"). */
static const char FILE_PREFIX[] = "XFDIRENTRY";
/* notmuch's to: terms: the words of the To, Cc and Bcc addresses. */
static const char TO_PREFIX[] = "XTO";

/* The document ids of the mail dated in the range, each with its date
 * value, in notmuch's order (lu_xcount_slice). */
static std::vector<std::pair<std::string, Xapian::docid>>
slice_docs(Xapian::Database &db, double from, double to, bool lo_open, bool hi_open, bool newest)
{
    std::vector<std::pair<std::string, Xapian::docid>> docs;
    const std::string lo = Xapian::sortable_serialise(lo_open ? 0 : from),
                      hi = Xapian::sortable_serialise(to);
    Xapian::PostingIterator mail = db.postlist_begin(MAIL_TERM);

    /* Xapian's value range compares the serialised strings.  notmuch
     * 0.37's `date:..@TO` leaves out the messages dated 0 (those it
     * indexed without a date, or dated before 1970: `notmuch count
     * date:..@100` is 0 where `date:@0..@100` is not), so an open start
     * starts above 0. */
    for (Xapian::ValueIterator v = db.valuestream_begin(TIMESTAMP_SLOT);
         v != db.valuestream_end(TIMESTAMP_SLOT); ++v) {
        const std::string &val = *v;
        if ((lo_open ? val <= lo : val < lo) || (!hi_open && val > hi))
            continue;
        mail.skip_to(v.get_docid());
        if (mail == db.postlist_end(MAIL_TERM))
            break;
        if (*mail == v.get_docid())
            docs.push_back(std::make_pair(val, v.get_docid()));
    }
    std::stable_sort(docs.begin(), docs.end(),
                     [newest](const std::pair<std::string, Xapian::docid> &a,
                              const std::pair<std::string, Xapian::docid> &b) {
                         if (a.first != b.first)
                             return newest ? a.first > b.first : a.first < b.first;
                         return a.second < b.second;
                     });
    return docs;
}

/* slice_docs from X's dates (lu_xcount_dates), when it read them: the
 * slice's range found by two binary searches, in the same order (the
 * dates' order is the serialised values', so the same bounds). */
static std::vector<std::pair<std::string, Xapian::docid>> dated_docs(const struct lu_xcount *x,
                                                                     double from, double to,
                                                                     bool lo_open, bool hi_open,
                                                                     bool newest)
{
    std::vector<std::pair<std::string, Xapian::docid>> docs;
    const std::vector<double> &d = x->dates;
    size_t a = lo_open ? std::upper_bound(d.begin(), d.end(), 0.0) - d.begin()
                       : std::lower_bound(d.begin(), d.end(), from) - d.begin();
    size_t b = hi_open ? d.size() : std::upper_bound(d.begin(), d.end(), to) - d.begin();

    for (size_t i = a; i < b; i++)
        docs.push_back(std::make_pair(Xapian::sortable_serialise(d[i]), x->dated[i]));
    if (newest) /* the dates newest first, ties still by document id */
        for (size_t i = 0, j; i < docs.size(); i = j) {
            for (j = i; j < docs.size() && docs[j].first == docs[i].first;)
                j++;
            std::reverse(docs.begin() + (long)i, docs.begin() + (long)j);
        }
    if (newest)
        std::reverse(docs.begin(), docs.end());
    return docs;
}

/* SLOT's value of each of DOCS (sorted by document id: one pass of the
 * stream) into OUT, by the documents' places in ORDER. */
static void slice_values(Xapian::Database &db, Xapian::valueno slot,
                         const std::vector<std::pair<Xapian::docid, size_t>> &docs,
                         std::vector<std::string> &out)
{
    Xapian::ValueIterator v = db.valuestream_begin(slot);

    for (size_t i = 0; i < docs.size(); i++) {
        v.skip_to(docs[i].first);
        if (v == db.valuestream_end(slot))
            break;
        if (v.get_docid() == docs[i].first)
            out[docs[i].second] = *v;
    }
}

/* The path of directory document DIR, as notmuch's
 * _notmuch_database_get_directory_path reads it, kept in PATHS. */
static const std::string &dir_path(Xapian::Database &db, Xapian::docid dir,
                                   std::map<Xapian::docid, std::string> &paths)
{
    auto it = paths.find(dir);

    if (it == paths.end())
        it = paths.emplace(dir, db.get_document(dir).get_data()).first;
    return it->second;
}

/* One message's terms: its id, thread, tags and files (lu_xcount_slice).
 * False when it lacks an id, a thread or a file. */
static bool slice_terms(Xapian::Database &db, Xapian::docid did, const std::string &root,
                        std::map<Xapian::docid, std::string> &paths, std::string &mid,
                        std::string &tid, std::vector<std::string> &tags,
                        std::vector<std::string> &files, std::vector<std::string> &to, bool &refs)
{
    const size_t fp = sizeof FILE_PREFIX - 1, tp = sizeof TO_PREFIX - 1;

    mid.clear();
    tid.clear();
    tags.clear();
    files.clear();
    to.clear();
    refs = false;
    /* Terms come sorted: G (thread), K (tag), Q (id), then the X
     * prefixes; after XFDIRENTRY's only whether an XREFERENCE is there
     * and the XTO's are read (skipped to). */
    for (Xapian::TermIterator t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
        const std::string &term = *t;
        if (term.compare(0, fp, FILE_PREFIX) > 0) {
            t.skip_to(REFERENCE_PREFIX);
            refs = t != db.termlist_end(did) &&
                   (*t).compare(0, sizeof REFERENCE_PREFIX - 1, REFERENCE_PREFIX) == 0;
            for (t.skip_to(TO_PREFIX); t != db.termlist_end(did); ++t) {
                const std::string &x = *t;
                if (x.compare(0, tp, TO_PREFIX) != 0)
                    break;
                to.push_back(x.substr(tp));
            }
            break;
        }
        if (term[0] == THREAD_PREFIX[0] && tid.empty()) {
            tid = term.substr(1);
        } else if (term[0] == TAG_PREFIX[0]) {
            tags.push_back(term.substr(1));
        } else if (term[0] == ID_PREFIX[0] && mid.empty()) {
            mid = term.substr(1);
        } else if (term.compare(0, fp, FILE_PREFIX) == 0) {
            char *colon = NULL;
            unsigned long dir = strtoul(term.c_str() + fp, &colon, 10);
            if (!colon || *colon != ':')
                return false;
            const std::string &d = dir_path(db, (Xapian::docid)dir, paths);
            files.push_back(d.empty() ? root + "/" + (colon + 1)
                                      : root + "/" + d + "/" + (colon + 1));
        }
    }
    return !mid.empty() && !tid.empty() && !files.empty();
}

/* Each of DOCS (its date value, document id and the index of its thread
 * in the caller's list) to FN as a struct lu_xmsg (lu_xcount_slice). */
static int read_docs(Xapian::Database &db,
                     const std::vector<std::pair<std::string, Xapian::docid>> &docs,
                     const std::vector<unsigned> &ks, const char *root,
                     int (*fn)(const struct lu_xmsg *m, void *data), void *data,
                     std::unordered_map<Xapian::docid, std::string> *ahead)
{
    std::vector<std::pair<Xapian::docid, size_t>> byid(docs.size());
    std::vector<std::string> froms(docs.size()), subjects(docs.size());
    std::map<Xapian::docid, std::string> paths;
    std::string mid, tid, r(root);
    std::vector<std::string> tags, files, to;
    std::vector<const char *> tagp, filep, top;

    for (size_t i = 0; i < docs.size(); i++)
        byid[i] = std::make_pair(docs[i].second, i);
    std::sort(byid.begin(), byid.end());
    slice_values(db, FROM_SLOT, byid, froms);
    slice_values(db, SUBJECT_SLOT, byid, subjects);
    for (size_t i = 0; i < docs.size(); i++) {
        bool refs = false;
        if (!slice_terms(db, docs[i].second, r, paths, mid, tid, tags, files, to, refs))
            return -1;
        tagp.clear();
        filep.clear();
        top.clear();
        for (const auto &t : tags)
            tagp.push_back(t.c_str());
        for (const auto &f : files)
            filep.push_back(f.c_str());
        for (const auto &t : to)
            top.push_back(t.c_str());
        lu_xmsg m = {ks.empty() ? 0 : ks[i],
                     mid.c_str(),
                     tid.c_str(),
                     froms[i].empty() ? NULL : froms[i].c_str(),
                     subjects[i].empty() ? NULL : subjects[i].c_str(),
                     docs[i].first.empty() ? 0 : Xapian::sortable_unserialise(docs[i].first),
                     tagp.data(),
                     (unsigned)tagp.size(),
                     filep.data(),
                     (unsigned)filep.size(),
                     top.data(),
                     (unsigned)top.size(),
                     refs};
        if (fn(&m, data) != 0)
            return -1;
        if (ahead)
            (*ahead)[docs[i].second] = tid;
    }
    return 0;
}

/* DOCS less those read ahead with their thread (X->ahead) whose thread
 * WALKED says was walked (each forgotten, read or not). */
static void skip_ahead(struct lu_xcount *x,
                       std::vector<std::pair<std::string, Xapian::docid>> &docs,
                       bool (*walked)(const char *tid, void *data), void *data)
{
    size_t k = 0;

    for (size_t i = 0; i < docs.size(); i++) {
        auto a = x->ahead.find(docs[i].second);
        bool skip = false;
        if (a != x->ahead.end()) {
            skip = walked(a->second.c_str(), data);
            x->ahead.erase(a);
        }
        if (!skip)
            docs[k++] = docs[i];
    }
    docs.resize(k);
}

int lu_xcount_slice(struct lu_xcount *x, double from, double to, bool lo_open, bool hi_open,
                    bool newest, const char *root, int (*fn)(const struct lu_xmsg *m, void *data),
                    bool (*walked)(const char *tid, void *data), void *data)
{
    x->slice_known = false;
    try {
        std::vector<std::pair<std::string, Xapian::docid>> docs =
            x->dated.empty() ? slice_docs(x->db, from, to, lo_open, hi_open, newest)
                             : dated_docs(x, from, to, lo_open, hi_open, newest);
        x->slice_ids.clear();
        for (const auto &d : docs)
            x->slice_ids.push_back(d.second);
        std::sort(x->slice_ids.begin(), x->slice_ids.end());
        x->slice_from = from;
        x->slice_to = to;
        x->slice_lo_open = lo_open;
        x->slice_hi_open = hi_open;
        x->slice_known = true;
        if (walked && !x->ahead.empty())
            skip_ahead(x, docs, walked, data);
        return read_docs(x->db, docs, std::vector<unsigned>(), root, fn, data, NULL);
    } catch (...) {
        return -1;
    }
}

void lu_xcount_walk_end(struct lu_xcount *x)
{
    std::unordered_map<Xapian::docid, std::string>().swap(x->ahead);
    std::vector<double>().swap(x->dates);
    std::vector<Xapian::docid>().swap(x->dated);
    std::vector<Xapian::docid>().swap(x->slice_ids);
    x->slice_known = false;
}

/* The documents of the slice FROM..TO (lu_xcount_slice's range) when it
 * was the last one read, else NULL. */
static const std::vector<Xapian::docid> *slice_own(const struct lu_xcount *x, double from,
                                                   double to, bool lo_open, bool hi_open)
{
    if (!x->slice_known || x->slice_from != from || x->slice_to != to ||
        x->slice_lo_open != lo_open || x->slice_hi_open != hi_open)
        return NULL;
    return &x->slice_ids;
}

int lu_xcount_rest(struct lu_xcount *x, const char *const *tids, unsigned n, double from, double to,
                   bool lo_open, bool hi_open, const char *root,
                   int (*fn)(const struct lu_xmsg *m, void *data), void *data)
{
    try {
        std::vector<std::pair<Xapian::docid, unsigned>> all; /* and the thread's index */
        std::vector<std::pair<std::string, Xapian::docid>> docs;
        std::vector<unsigned> ks;
        std::map<Xapian::docid, unsigned> of;
        const std::string lo = Xapian::sortable_serialise(lo_open ? 0 : from),
                          hi = Xapian::sortable_serialise(to);
        const std::vector<Xapian::docid> *own = slice_own(x, from, to, lo_open, hi_open);

        for (unsigned k = 0; k < n; k++) {
            std::string t = std::string(THREAD_PREFIX) + tids[k];
            for (Xapian::PostingIterator p = x->db.postlist_begin(t); p != x->db.postlist_end(t);
                 ++p)
                all.push_back(std::make_pair(*p, k));
        }
        std::sort(all.begin(), all.end());
        Xapian::PostingIterator mail = x->db.postlist_begin(MAIL_TERM);
        Xapian::ValueIterator v = x->db.valuestream_begin(TIMESTAMP_SLOT);
        for (size_t i = 0; i < all.size(); i++) {
            std::string val;
            if (i && all[i].first == all[i - 1].first)
                continue; /* one message in two of the threads: notmuch gives it once */
            /* the slice's own messages: the test below would leave them out */
            if (own && std::binary_search(own->begin(), own->end(), all[i].first))
                continue;
            mail.skip_to(all[i].first);
            if (mail == x->db.postlist_end(MAIL_TERM))
                break;
            if (*mail != all[i].first)
                continue; /* a ghost */
            if (v != x->db.valuestream_end(TIMESTAMP_SLOT))
                v.skip_to(all[i].first);
            if (v != x->db.valuestream_end(TIMESTAMP_SLOT) && v.get_docid() == all[i].first)
                val = *v;
            /* the slice's own messages (slice_docs) are the caller's */
            if (!val.empty() && (lo_open ? val > lo : val >= lo) && (hi_open || val <= hi))
                continue;
            docs.push_back(std::make_pair(val, all[i].first));
            of[all[i].first] = all[i].second;
        }
        std::stable_sort(docs.begin(), docs.end());
        for (const auto &d : docs)
            ks.push_back(of[d.second]);
        return read_docs(x->db, docs, ks, root, fn, data, &x->ahead);
    } catch (...) {
        return -1;
    }
}

/* notmuch 0.37's from: prefix (lib/prefix.cc; probabilistic, as to:). */
static const char FROM_PREFIX[] = "XFROM";

/* The terms, in their order, of the phrase notmuch's query parser makes
 * of ADDR for from:"ADDR" or to:"ADDR" (PREFIX: FROM_PREFIX, TO_PREFIX),
 * into *TERMS: both are probabilistic fields, so an address is the phrase
 * of its words (lib/regexp-fields.cc quotes from:'s text; to: is
 * Xapian's own prefix).  The words are Xapian's query parser's own (the
 * same class, the same flags), not leadup's reading of them.  False
 * unless the parser makes an exact phrase of two terms or more of a plain
 * address or domain (ASCII, no quote, space, wildcard or "..", which
 * scan.c's from_term asks as a regular expression): the caller counts
 * with notmuch. */
static bool phrase_terms(const char *prefix, const char *addr, std::vector<std::string> *terms)
{
    static const unsigned flags =
        Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
        Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
        Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::QueryParser qp;
    Xapian::Query q;

    if (strstr(addr, "..")) /* from_term's regular expression (scan.c) */
        return false;
    for (const char *p = addr; *p; p++)
        if ((unsigned char)*p >= 0x80 || (unsigned char)*p <= ' ' || strchr("\"*()", *p))
            return false;
    q = qp.parse_query(std::string("\"") + addr + "\"", flags, prefix);
    terms->clear();
    if (q.get_type() != Xapian::Query::OP_PHRASE || q.get_num_subqueries() < 2)
        return false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Xapian::Query t = q.get_subquery(i);
        if (t.get_type() != Xapian::Query::LEAF_TERM)
            return false;
        terms->push_back(*t.get_terms_begin());
    }
    return true;
}

/* Whether the document DID holds TERMS at consecutive
 * positions, in order: Xapian's exact phrase (OP_PHRASE with a window of
 * the phrase's length, as the query parser makes it). */
static bool phrase_at(const Xapian::Database &db, Xapian::docid did,
                      const std::vector<std::string> &terms)
{
    std::vector<std::vector<Xapian::termpos>> pos(terms.size());

    for (size_t i = 0; i < terms.size(); i++) {
        for (Xapian::PositionIterator p = db.positionlist_begin(did, terms[i]);
             p != db.positionlist_end(did, terms[i]); ++p)
            pos[i].push_back(*p);
        if (pos[i].empty())
            return false;
    }
    for (Xapian::termpos p0 : pos[0]) {
        size_t i = 1;
        while (i < terms.size() && std::binary_search(pos[i].begin(), pos[i].end(), p0 + i))
            i++;
        if (i == terms.size())
            return true;
    }
    return false;
}

/* A run that asks this many counts of my mail to someone (a full walk
 * asks one for each sender who wrote often) reads the mail from me once,
 * by document id, instead of the phrases of my addresses at each
 * document: a key that asks one or two pays only for its own documents. */
static const unsigned MINE_SET_AFTER = 32;

/* Whether the document DID is mail from me: it holds one of the phrases
 * of X->mine (from_me's `from:"A" or from:"B" ...`); from X->mine_set
 * once that is read. */
static bool mine_at(const struct lu_xcount *x, Xapian::docid did)
{
    if (!x->mine_set.empty())
        return did < x->mine_set.size() && x->mine_set[did];
    for (const std::vector<std::string> &m : x->mine)
        if (phrase_at(x->db, did, m))
            return true;
    return false;
}

/* The mail documents (type:mail) that match the phrase TERMS, and are
 * mail from me (mine_at) when MINE: their number, each marked in *MARK
 * when MARK.  Xapian's own exact phrase (OP_PHRASE, a window of its
 * length, as the query parser makes it) filtered by type:mail, without
 * weights: its postings intersected first, the positions read only of the
 * documents that hold every term, so the cost grows with the mail of the
 * address; notmuch's count of `(from:me) and to:X` walks the postings of
 * every message of mine for each X. */
static unsigned phrase_count(const struct lu_xcount *x, const std::vector<std::string> &terms,
                             bool mine, std::vector<bool> *mark)
{
    Xapian::Enquire e(x->db);
    Xapian::MSet m;
    Xapian::doccount most = x->db.get_doccount();
    unsigned n = 0;

    /* no more matches than the rarest term's documents: the match set is
     * made for as many as it is asked for */
    for (const std::string &t : terms)
        most = std::min(most, x->db.get_termfreq(t));
    if (!most)
        return 0;

    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                              Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                            (Xapian::termcount)terms.size()),
                              Xapian::Query(MAIL_TERM)));
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_docid_order(Xapian::Enquire::ASCENDING);
    m = e.get_mset(0, most);
    for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i) {
        if (mine && !mine_at(x, *i))
            continue;
        n++;
        if (mark) {
            if (mark->size() <= *i)
                mark->resize((size_t)*i + 1, false);
            (*mark)[*i] = true;
        }
    }
    return n;
}

/* The phrases of the N addresses MINE into X->mine, once for a list;
 * false when one is not plain (phrase_terms).  After MINE_SET_AFTER
 * counts with it, the mail from me into X->mine_set. */
static bool read_mine(struct lu_xcount *x, const char *const *mine, unsigned n)
{
    std::vector<std::string> terms;
    std::string of;

    for (unsigned i = 0; i < n; i++)
        of += std::string(mine[i]) + "\n";
    if (x->mine_of != of || of.empty()) {
        x->mine_of.clear();
        x->mine.clear();
        x->mine_set.clear();
        x->mine_asked = 0;
        for (unsigned i = 0; i < n; i++) {
            if (!phrase_terms(FROM_PREFIX, mine[i], &terms))
                return false;
            x->mine.push_back(terms);
        }
        x->mine_of = of;
    }
    if (++x->mine_asked == MINE_SET_AFTER) {
        std::vector<bool> set;
        for (const std::vector<std::string> &m : x->mine)
            phrase_count(x, m, false, &set);
        set.resize(set.size() + 1, false); /* not empty: read */
        x->mine_set.swap(set);
    }
    return n > 0;
}

/* The mail documents numbered above ABOVE that hold the phrase TERMS, and
 * are mail from me (mine_at) when MINE: their number.  What phrase_count
 * counts, of the documents added since: the postings of the rarest term
 * from ABOVE on, each tested for the phrase by its positions (phrase_at,
 * as mine_at tests mine) and for type:mail, so the cost grows with the
 * mail added that holds the rarest word, not with the index. */
static unsigned phrase_count_above(const struct lu_xcount *x, const std::vector<std::string> &terms,
                                   bool mine, Xapian::docid above)
{
    const Xapian::Database &db = x->db;
    const std::string *rarest = &terms[0];
    Xapian::PostingIterator mail = db.postlist_begin(MAIL_TERM);
    unsigned n = 0;

    for (const std::string &t : terms)
        if (db.get_termfreq(t) < db.get_termfreq(*rarest))
            rarest = &t;
    if (!db.get_termfreq(*rarest))
        return 0;
    Xapian::PostingIterator p = db.postlist_begin(*rarest);

    for (p.skip_to(above + 1); p != db.postlist_end(*rarest); ++p) {
        mail.skip_to(*p);
        if (mail == db.postlist_end(MAIL_TERM))
            break; /* no mail after it */
        if (*mail != *p || !phrase_at(db, *p, terms) || (mine && !mine_at(x, *p)))
            continue;
        n++;
    }
    return n;
}

/* What lu_xcount_addr and lu_xcount_addr_above share: ADDR's phrase
 * counted over the whole index (ALL) or above the document ABOVE; a
 * failure forgets what read_mine kept, as it may be half read. */
static int count_addr(struct lu_xcount *x, const char *addr, const char *const *mine, unsigned n,
                      bool all, Xapian::docid above, unsigned *out)
{
    std::vector<std::string> terms;

    try {
        if (mine && !read_mine(x, mine, n))
            return -1;
        if (!phrase_terms(mine ? TO_PREFIX : FROM_PREFIX, addr, &terms))
            return -1;
        *out = all ? phrase_count(x, terms, mine != NULL, NULL)
                   : phrase_count_above(x, terms, mine != NULL, above);
        return 0;
    } catch (...) {
        x->mine_of.clear();
        x->mine_set.clear();
        return -1;
    }
}

int lu_xcount_addr(struct lu_xcount *x, const char *addr, const char *const *mine, unsigned n,
                   unsigned *out)
{
    return count_addr(x, addr, mine, n, true, 0, out);
}

int lu_xcount_addr_above(struct lu_xcount *x, const char *addr, const char *const *mine, unsigned n,
                         unsigned long above, unsigned *out)
{
    return count_addr(x, addr, mine, n, false, (Xapian::docid)above, out);
}

/* Xapian's matcher stops at the first match when asked for one, without
 * weights in document order: a first scan counted all my mail to learn
 * whether there was any (32 M instructions at 10,000 messages, 99 M at
 * 30,000, s45-first). */
int lu_xcount_any_from(struct lu_xcount *x, const char *const *mine, unsigned n, bool *any)
{
    std::vector<std::string> terms;

    try {
        *any = false;
        for (unsigned i = 0; i < n; i++)
            if (!phrase_terms(FROM_PREFIX, mine[i], &terms))
                return -1;
        for (unsigned i = 0; i < n && !*any; i++) {
            Xapian::Enquire e(x->db);
            phrase_terms(FROM_PREFIX, mine[i], &terms);
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                      Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(),
                                                    terms.end(), (Xapian::termcount)terms.size()),
                                      Xapian::Query(MAIL_TERM)));
            e.set_weighting_scheme(Xapian::BoolWeight());
            e.set_docid_order(Xapian::Enquire::ASCENDING);
            *any = !e.get_mset(0, 1).empty();
        }
        return 0;
    } catch (...) {
        return -1;
    }
}

int lu_xcount_dates(struct lu_xcount *x, const double **out, size_t *n)
{
    std::vector<std::pair<double, Xapian::docid>> dates;

    lu_xcount_walk_end(x);
    try {
        Xapian::ValueIterator v = x->db.valuestream_begin(TIMESTAMP_SLOT);
        for (Xapian::PostingIterator p = x->db.postlist_begin(MAIL_TERM);
             p != x->db.postlist_end(MAIL_TERM); ++p) {
            v.skip_to(*p); /* both in document order */
            if (v == x->db.valuestream_end(TIMESTAMP_SLOT))
                break;
            if (v.get_docid() == *p)
                dates.push_back(std::make_pair(Xapian::sortable_unserialise(*v), *p));
        }
        std::sort(dates.begin(), dates.end());
        x->dates.resize(dates.size());
        x->dated.resize(dates.size());
        for (size_t i = 0; i < dates.size(); i++) {
            x->dates[i] = dates[i].first;
            x->dated[i] = dates[i].second;
        }
    } catch (...) {
        lu_xcount_walk_end(x);
        return -1;
    }
    *out = x->dates.data();
    *n = x->dates.size();
    return 0;
}
