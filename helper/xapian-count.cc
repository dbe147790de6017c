/* xapian-count.cc - how many messages carry a tag, asked of Xapian.
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
 * caller counts with notmuch.  libxapian is already loaded by
 * libnotmuch: no new library at run time.  Only nm.c calls it. */
#include "xapian-count.h"

#include <string>
#include <xapian.h>

struct lu_xcount {
    Xapian::Database db;
};

/* notmuch 0.37: the term prefix of tag: (lib/prefix.cc prefix_table). */
static const char TAG_PREFIX[] = "K";
/* notmuch 0.37: NOTMUCH_VALUE_LAST_MOD (lib/database-private.h), whose
 * upper bound is the database's revision. */
static const Xapian::valueno LAST_MOD_SLOT = 4;

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

void lu_xcount_close(struct lu_xcount *x)
{
    delete x;
}
