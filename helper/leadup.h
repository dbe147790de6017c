/* leadup.h - the one internal header of the leadup helper.
 *
 * Layout (one file per concern), and the order of this header: each layer
 * uses only the layers above it.
 *   core          util.c (errors, strings, time), lang.c lang-*.c (languages),
 *                 cal.c (business days), config.c (leadup's config and
 *                 paths), identity.c (who "me" is), struct lu_msg (one
 *                 message), struct lu_ctx (what every command gets),
 *                 parse-options.c (the commands' option tables), version.c
 *   pure modules  no I/O: dates.c (date phrases), body.c html.c (what the
 *                 author wrote), said.c (sentences pasted from earlier in
 *                 the thread), features.c (the learned sentence model),
 *                 sentence.c classify.c (sentence labels, message verdicts),
 *                 thread.c (the queue rules), draft.c lint.c (drafts and the
 *                 chasing linter), json.c, datetag.c (the due day the
 *                 client's index shows)
 *   I/O modules   mime.c (the only file that includes GMime), nm.c
 *                 (notmuch), store.c (sqlite), muttrc.c (the client's
 *                 answer files)
 *   the scan      scan.c: reads threads, runs the rules, writes tags, state
 *   commands      leadup.c (command table, global options), cmd-*.c (one
 *                 file per command)
 *
 * The sentence analysis's own types, and its modules' API (lang.c,
 * cue.c, cal.c, dates.c, features.c, sentence.c, classify.c, with struct
 * lu_msg and what msgcache.c's records read) are in sense.h, included
 * below: the analysis cache's digest lists sense.h, not this header, so a
 * change here analyses no kept text again.  A name declared here must not
 * be one an analysis source uses (scripts/sense-guard, t345).
 *
 * Conventions: functions that can fail return 0 or a <sysexits.h> code and
 * print the problem through lu_error(), so "return lu_error(EX_DATAERR, ...)"
 * reports and propagates.  Times are unix seconds (gint64) unless a GDateTime
 * is needed for calendar arithmetic.  Every returned pointer says who owns it.
 */
#ifndef LEADUP_H
#define LEADUP_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <sysexits.h>

/* The sentence analysis's own header (see above). */
#include "sense.h"

/* This leadup's version: git describe, or a tarball's VERSION file
 * (helper/version.c; static storage).  For people only: the scan's rules
 * digest does not include it, so a release decides nothing again. */
extern const char lu_version[];
#define LU_VERSION lu_version
/* Bumped whenever the queue rules or the reading of the text (classify.c,
 * its model) change, so that the next scan decides every thread again (see
 * rules_digest in scan.c): a release without rule changes keeps it.
 * 4: Italian read (helper/lang-it.c); 5: equal-date order (nm.c); 6: the
 * learned ask model (sentence-model.c); 7: Portuguese "RES:" comes off a
 * subject (helper/lang-pt.c, lu_subject_norm); 8: senders I never answer
 * (thread.c never_answered); 9: on a list, no awaiting in a thread somebody
 * else started (thread.c rule_awaiting); 10: the rubric's closings and
 * commitments (helper/lang-en.c cues: "Thanks for the pointers.", "...and
 * will port that to the branch"); 11: mail that says replies go unread is
 * bulk, a dashed heading is no forward marker (body.c), a question ending
 * on a closing quotation mark asks (classify.c real_qmark); 12: mail the
 * learned bulk model reads as bulk, from a sender I never wrote to, is no
 * conversation (thread.c learned_bulk, bulk.c); 13: a promise is dated only
 * by a date that ends after it was written (thread.c dated_promise); 14:
 * the writer's order of day and month (dates.c lu_dates_order: "11/1" from
 * the United States is 1 November), "the following week", parts of a year;
 * 15: a quoted header name may hold a letter the charset lost ("Envoy? :",
 * body.c key_at); 16: on a list, my asks in a thread somebody else started
 * wait when the learned reply model reads them as waiting for an answer
 * (thread.c rule_awaiting, LU_SM_REPLY); 17: dates: "the third quarter of
 * 2001", "the first half of next year", "the latter part of May", "Todays",
 * no date in "Windows 10/11", and a weekday alone in a sentence of the past
 * tense only is the last one (issue 10's labelled date set); 18: a sentence
 * whose request (or proposal) the learned model takes away expects no reply
 * either (classify.c model_correct); 19: dates: Thanksgiving and Easter
 * after "before" and "after", and a feast's own day after "by", "on",
 * "until", "at" (dates.c m_feast); 20: dates: a period back to now ("the
 * last 2 weeks", past: due by nothing), "this (next, last) quarter", a
 * month's possessive, "On May 31", a second day ("the 14th or 15th"), no
 * date in program code, the past tense's "due to" and clauses (issue 10's
 * labelled date set, session 29); 21: dates: spans of a period, "just
 * ended", named days, "through" (session 31); 22: dates: "since" a month or
 * weekday alone is the latest one, "Sep of 2013", "the next day or so",
 * "after 7 days", no date in a directory listing, beside a build's version
 * or revision, in R's printed values or an R sequence (the second date
 * set, session 38); 23: dates: the sentence's kind, no date of digits
 * alone in code, a program's output (time stamps to the second, printed
 * rows, a version's date, line:column pairs) or a table's month labels;
 * "10-year", "the 5th and 6th floors", "x.today.txt" (session 40); 24:
 * dates: the grammar of phrase families (tests/data/date-grammar.tsv):
 * EOQ, EOY, "Q1 '27", "1Q27", "H2 2027", "the end of Q2", "3-Dec-26", more
 * named days, "the day after Thanksgiving", "a week on Friday", month
 * ranges, "between X and Y", "12/3-12/5", ordinal words beside a month,
 * "the 1st of next month", "the week commencing", "the first Monday in
 * January"; no date in "every Monday" nor a lone time to the second
 * (session 41); 25: dates: a deadline looks forward ("by the 28th", "by
 * the end of Q2"), "a week Friday", "a week today", "the Monday after
 * next", "next business day", "Weds", "Thursday the 10th", Black Friday,
 * Cyber Monday, a named day as a label ("the Valentine's Day campaign"),
 * a repeat's time ("every Monday at 10") no date, MTD/QTD/YTD, the
 * continental fortnight ("quinze jours", "vierzehn Tage"), "übernächste
 * Woche", "domattina" (session 42); 26: dates: seasons ("this summer",
 * "by spring", "im Herbst"), "over the holidays", "later this week",
 * "mid-next-month", "close of play", a quarter without its year after a
 * lead word ("in Q3"), fiscal years read as calendar years ("Q1 FY27", "the
 * end of the fiscal year") (session 43); 27: a '?' between a letter and a
 * contraction's ending ("I?ll", "don?t") is the apostrophe the charset
 * lost, read as one (cue.c lost_apostrophe; the sentence model retrained by
 * its recipe, session 50). */
#define LU_RULES_REV  27
#define LU_TAG_PREFIX "leadup/"
/* A digest of the analyser's sources (ANALYSER_SRCS in the Makefile: what
 * reads a message's file into the headers and own text the analysis cache
 * keeps) and of GMime's version (helper/analyser.c; static storage).  make
 * computes it: a change there reads every message's file again. */
extern const char lu_analyser[];
/* A digest of the sentence analysis's sources (SENSE_SRCS in the Makefile:
 * lu_analyse_text and all it reads, and msgcache.c's record of its result)
 * and of GLib's version (its zones and calendar; helper/analyser.c).  It
 * keys the analyses the cache keeps (lu_msgcache_sense_key): a change
 * there analyses every text again.  The list holds sense.h, not this
 * header. */
extern const char lu_sense_analyser[];

/* ================================================================== core: errors, strings, time, config, identity */

/* ----------------------------------------------------------------- idset.c */
/* A set of thread ids, compact: notmuch's (16 hex digits) as 64-bit
 * integers in an open-addressed table, 11-22 bytes each where a GHashTable
 * of strings takes about 60 (a full scan of 300,000 messages holds two
 * sets of 138,000); any other id in a string table beside it. */
struct lu_idset;
/* Caller frees with lu_idset_free. */
struct lu_idset *lu_idset_new(void);
void lu_idset_free(struct lu_idset *set);
/* Adds ID (copied); true when it was not in SET yet. */
bool lu_idset_add(struct lu_idset *set, const char *id);
bool lu_idset_has(const struct lu_idset *set, const char *id);

/* ------------------------------------------------------------------ util.c */

/* Prints "leadup: MESSAGE" to stderr and returns CODE. */
int lu_error(int code, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* The usage error for an option the command does not know: ARG as the user typed
 * it, and where to read about CMD's options.  Returns EX_USAGE. */
int lu_unknown_option(const char *cmd, const char *arg);
/* Prints "leadup: warning: MESSAGE" to stderr (unless lu_quiet). */
void lu_warning(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
extern bool lu_quiet;
/* Reads a whole stream; returns a NUL-terminated buffer (caller frees with
 * g_free) and its length, or NULL on a read error. */
char *lu_read_all(FILE *f, gsize *len);
/* S as one line of safe text: control characters (C0, DEL and C1, which
 * terminals obey), no-break space and the Unicode line and paragraph
 * separators become spaces, bidirectional controls (U+202A-202E,
 * U+2066-2069, U+200E, U+200F, U+061C) are dropped, runs of spaces
 * collapse, the ends are trimmed, invalid UTF-8 is replaced.  NULL stays
 * NULL.  Caller frees. */
char *lu_clean_line(const char *s);
/* The same cleaning for laid-out text: line feeds, tabs and spaces stay as
 * they are.  NULL stays NULL.  Caller frees. */
char *lu_clean_text(const char *s);
/* S (LEN bytes, or -1: up to its NUL) with each run of ASCII white space
 * one space and none at either end.  Caller frees. */
char *lu_fold_space(const char *s, gssize len);
/* Adds ITEM to the list (GPtrArray) of KEY in LISTS, a table that frees
 * its keys with g_free; a new list (its key copied) frees its items with
 * FREE_ITEM.  LISTS owns ITEM. */
void lu_lists_add(GHashTable *lists, const char *key, gpointer item, GDestroyNotify free_item);
/* printf and fprintf for every text output (why, queue, report, lint,
 * setup, the decision commands, notes on stderr): the formatted text goes
 * through lu_clean_text, so nothing from mail reaches the terminal as a
 * control.  lu_error and lu_warning do the same. */
void lu_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void lu_fprintf(FILE *f, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Message-IDs read exactly as notmuch reads them (lib/message-id.c), so
 * that an id leadup takes from a file or a pipe is the one notmuch indexed:
 * white space and (comments) are skipped, then any text up to '<'; the id
 * runs to '>' (or the end) with the spaces and tabs inside removed (as
 * notmuch removes them: of two in a row, one stays).  An id
 * of fewer than two characters, or none, is NULL.  *NEXT (may be NULL) is
 * set after the '>' (for lists).  Caller frees. */
char *lu_mid_parse(const char *s, const char **next);
/* The id notmuch gives a message whose (first, decoded) Message-ID header
 * is VALUE: the parsed id, else the whole value as written; NULL for a
 * missing or empty header.  Caller frees. */
char *lu_mid_from_header(const char *value);
/* S cut to WIDTH characters (an ellipsis marks the cut) and padded with
 * spaces to WIDTH, for columns of UTF-8 text.  NULL is "".  Caller frees. */
char *lu_fit(const char *s, int width);
/* Trims ASCII white space in place and returns S. */
char *lu_strtrim(char *s);
/* Lower-cases ASCII in place and returns S. */
char *lu_strlower(char *s);
/* T in zone TZ.  New reference. */
GDateTime *lu_local_time(gint64 t, GTimeZone *tz);
/* T in zone TZ formatted with g_date_time_format's FMT.  Caller frees. */
char *lu_format_time(gint64 t, GTimeZone *tz, const char *fmt);
/* Formats T as ISO-8601 with the offset of TZ at T, e.g. 2026-12-03T10:00:00+01:00.
 * BUF must hold LU_ISO_LEN bytes.  Returns BUF. */
#define LU_ISO_LEN 40
char *lu_iso(gint64 t, GTimeZone *tz, char *buf);
/* The same of the local time L (years 1 to 9999, as GDateTime's). */
char *lu_iso_of(GDateTime *l, char *buf);
/* Parses ISO-8601 ("2026-12-03", "2026-12-03T10:00", with or without offset;
 * no offset means TZ).  Returns 0 or -1. */
int lu_parse_iso(const char *s, GTimeZone *tz, gint64 *out);
/* A message's date T (unix seconds) that leadup can compute with: dates
 * before 1970 become 1970-01-01 (as notmuch stores them); dates more than
 * LU_DATE_AHEAD after NOW (year 9999: GDateTime cannot add a day to it,
 * and the thread would never fall due) become ARRIVED, when the message
 * arrived (its file's time, or -1: unknown), or NOW.  Warns, naming MID,
 * when it changes T. */
gint64 lu_date_sane(gint64 t, gint64 now, gint64 arrived, const char *mid);
/* Writes DATA to PATH atomically (a temporary file in the same directory
 * created with O_EXCL under a random name, so no planted link is followed;
 * fsync, rename) with MODE.  Returns 0 or an error code (printed). */
int lu_write_file_atomic(const char *path, const char *data, gsize len, int mode);
/* Creates DIR and its parents (mode 0700).  Returns 0 or an error code. */
int lu_mkdir_p(const char *dir);

/* ------------------------------------------------------------------ lang.c */

/* helper/sense.h: the languages, the packs and their word and date tables. */

/* ------------------------------------------------------------------ cue.c */

/* helper/sense.h: the cue notation's tokens, texts and matches. */

/* ------------------------------------------------------------------ cal.c */

/* helper/sense.h: the user's calendar, struct lu_cal. */

/* ------------------------------------------------------------------ config.c */

/* leadup's own settings: $XDG_CONFIG_HOME/leadup/config or --config FILE,
 * read with GKeyFile.  Every key is documented in leadup(1). */
struct lu_config {
    char *path; /* the file read, or NULL when none exists */
    GKeyFile *kf;
    /* [identity] */
    char **addresses; /* more addresses that are mine */
    char **domains;   /* domains whose every address is mine */
    char *name;       /* my name, for drafts */
    /* [time] */
    GTimeZone *tz;     /* timezone=, else $TZ, else the system's */
    struct lu_cal cal; /* business_days=, work_hours=, date_order=, holidays= */
    /* [scan] */
    bool lists;          /* track mailing-list threads (lists=true) */
    char **list_ids;     /* only lists whose List-Id contains one of these */
    char **noreply;      /* more local parts nobody reads */
    char **drafts;       /* folders of unsent mail (drafts=; defaults: Drafts, postponed, ...) */
    int unthreaded_days; /* how old a reply that broke threading may be (60) */
    int lock_wait;       /* seconds to wait for notmuch's write lock (20) */
    int horizon_days;    /* threads quiet longer than this are dormant (90; 0: never) */
    /* [awaiting] */
    int first_bizdays; /* first lead-up due this many business days after my message (3) */
    int interval_days; /* at least this many days between lead-ups (7) */
    int max_leadups;   /* lead-ups before the thread goes dormant (3) */
    /* [needs-reply] */
    int reply_hours; /* due after this many working hours; 0 = end of the same business day */
    /* [no-next-step] */
    int quiet_bizdays; /* due after this many quiet business days (5) */
    /* [draft] */
    bool quote;      /* quote the message we answer */
    bool keep_cc;    /* keep the thread's Cc (true) */
    char *templates; /* the user's template directory */
    int draft_lang;  /* [draft] language: an enum lu_lang, or -1 for the thread's */
};
/* True when FOLDER (a path below the mail root, without cur/new) is one
 * of DRAFTS (NULL-terminated) or ends in one ("x/Drafts", "INBOX.Drafts"),
 * compared case-insensitively. */
bool lu_folder_is_drafts(const char *folder, char *const *drafts);
/* Reads PATH, or the default file when PATH is NULL (a missing default file
 * is not an error).  Returns 0 or EX_CONFIG (printed). */
int lu_config_load(struct lu_config *c, const char *path);
/* C as a config file with nothing in it leaves it: the defaults, no zone,
 * no calendar (the tests set their own). */
void lu_config_defaults(struct lu_config *c);
void lu_config_clear(struct lu_config *c);
/* $XDG_DATA_HOME/leadup and $XDG_CONFIG_HOME/leadup.  Caller frees. */
char *lu_data_dir(void);
char *lu_config_dir(void);
/* $XDG_CACHE_HOME/leadup (else ~/.cache/leadup): what can be made again.
 * Caller frees. */
char *lu_cache_dir(void);
/* The time zone NAME as g_time_zone_new_identifier (NAME) builds it (NULL
 * when GLib knows no such zone), the same zone, read from the cache
 * directory's copy of what GLib built the first time (helper/tz.c): GLib
 * builds a zone's rule for every year to 2999 at every start.  Caller
 * unrefs. */
GTimeZone *lu_tz_new(const char *name);
/* How many zones lu_tz_new read from the cache, and had GLib build
 * (LEADUP_DEBUG_COUNTS). */
extern unsigned lu_tz_kept, lu_tz_built;

/* ------------------------------------------------------------------ identity.c */

/* struct lu_addr, a mailbox as written in a header: helper/sense.h. */
void lu_addr_free(struct lu_addr *a);
/* The comparable form of EMAIL: lower-case, "+suffix" of the local part
 * removed.  Returns a new string (caller frees). */
char *lu_addr_norm(const char *email);

struct lu_identity {
    GHashTable *addrs;  /* normalised address -> itself */
    GPtrArray *domains; /* lower-case domains whose every address is mine */
    char *primary;      /* primary address as configured (for display), or NULL */
    char *name;         /* my name (config or notmuch user.name), or NULL */
};
void lu_identity_init(struct lu_identity *id);
void lu_identity_clear(struct lu_identity *id);
void lu_identity_add(struct lu_identity *id, const char *email);
void lu_identity_add_domain(struct lu_identity *id, const char *domain);
bool lu_identity_is_me(const struct lu_identity *id, const char *email);
/* True for addresses nobody reads (noreply@, no-reply@, donotreply@,
 * mailer-daemon@, ...) or whose local part starts with one of EXTRA
 * (NULL-terminated, may be NULL). */
bool lu_addr_is_noreply(const char *email, char **extra);

/* ------------------------------------------------------------------ the message (lu_msg_new in mime.c) */

/* enum lu_auto and struct lu_msg, one message as the thread rules see it:
 * helper/sense.h (msgcache.c's record of its headers reads them). */
struct lu_msg *lu_msg_new(void);
/* A message as the index knows it before its file is read (nm.c reads it
 * so; a scan's remembered messages come back so): MID, THREAD_ID and
 * FILENAME copied, SUBJECT and FROM taken (owned by the message, may be
 * NULL), UNSENT static text or NULL.  Free with lu_msg_free. */
struct lu_msg *lu_msg_new_indexed(const char *mid, const char *thread_id, const char *filename,
                                  gint64 date, char *subject, struct lu_addr *from,
                                  const char *unsent);
void lu_msg_free(struct lu_msg *m);

/* ------------------------------------------------------------------ lu_ctx: what every command gets (leadup.c) */

/* What a command run by a client macro (--muttrc FILE) leaves for the
 * client: main() writes FILE once, after the command, and exits 0 when it
 * could (muttrc.c).  On success LINES and MESSAGE; on failure FAILURE, or
 * the status's fixed line (lu_muttrc_failure). */
struct lu_answer {
    const char *file;    /* --muttrc FILE (argv), or NULL: no client */
    char *lines;         /* muttrc lines (lu_muttrc_recall), owned, or NULL */
    char *message;       /* the echo line, leadup's own words; owned, or NULL */
    const char *failure; /* the echo line when the command failed; static */
};
/* What every command gets. */
struct lu_ctx {
    struct lu_config cfg;
    struct lu_identity me; /* filled by lu_db_open from notmuch and cfg */
    gint64 now;            /* --now, or the clock */
    bool now_given;
    struct lu_answer answer;
};
/* Fills CTX->me from notmuch's user.* (given by nm.c) and the config. */
void lu_ctx_identity(struct lu_ctx *ctx, const char *primary, const char **others,
                     const char *name);
/* For a client macro (ctx->answer.file; else nothing): the answer on
 * success, copies of LINES (or NULL) and MESSAGE, and the line on failure,
 * FAILURE (static; NULL: the status's fixed line). */
void lu_answer(struct lu_ctx *ctx, const char *lines, const char *message, const char *failure);

/* ------------------------------------------------------------------ parse-options.c */

/* Every command's options are one table (git's parse-options and notmuch's
 * command-line-arguments are the models): the parser, the usage line,
 * "leadup CMD --help" and "leadup help CMD" are all made from it, so they
 * cannot disagree.  Values go into the command's own options struct at
 * OFFSET; --muttrc goes into ctx->answer. */
enum lu_opt_kind {
    LU_OPT_END,     /* ends a table, saying which operands it takes (LU_OPT_OPERANDS) */
    LU_OPT_FLAG,    /* --NAME: stores VALUE (true, or false for --no-X) in a bool */
    LU_OPT_STRING,  /* --NAME ARG or --NAME=ARG: a const char * into argv */
    LU_OPT_INT,     /* a decimal number: an int */
    LU_OPT_KEYWORD, /* one of KEYWORDS: its value, in an int */
    LU_OPT_DATE,    /* ISO-8601 in the configured zone: unix seconds, a gint64 */
    LU_OPT_MUTTRC,  /* --muttrc FILE: ctx->answer.file */
};
struct lu_keyword {
    const char *name;
    int value;
};
struct lu_option {
    enum lu_opt_kind kind;
    const char *name;                  /* the long name, without "--" */
    char short_name;                   /* -X, or 0 */
    size_t offset;                     /* where the value goes in the options struct */
    int value;                         /* FLAG: what it stores */
    const char *arg;                   /* the value's name in the help: "FILE" */
    const struct lu_keyword *keywords; /* KEYWORD: the words, ending with {NULL} */
    const char *help;                  /* one or more lines, '\n' between them */
};
/* One entry each; TYPE is the options struct, FIELD its member. */
/* clang-format off */
#define LU_OPT_FLAG(n, s, type, field, v, h) {LU_OPT_FLAG, n, s, offsetof(type, field), v, NULL, NULL, h}
#define LU_OPT_STRING(n, s, type, field, a, h) {LU_OPT_STRING, n, s, offsetof(type, field), 0, a, NULL, h}
#define LU_OPT_INT(n, s, type, field, a, h) {LU_OPT_INT, n, s, offsetof(type, field), 0, a, NULL, h}
#define LU_OPT_KEYWORD(n, s, type, field, kw, h) {LU_OPT_KEYWORD, n, s, offsetof(type, field), 0, NULL, kw, h}
#define LU_OPT_DATE(n, s, type, field, h) {LU_OPT_DATE, n, s, offsetof(type, field), 0, "ISO-8601", NULL, h}
#define LU_OPT_MUTTRC(h) {LU_OPT_MUTTRC, "muttrc", 0, 0, 0, "FILE", NULL, h}
#define LU_OPT_OPERANDS(most, a, h) {LU_OPT_END, NULL, 0, 0, most, a, NULL, h}
#define LU_OPT_END_ LU_OPT_OPERANDS(0, NULL, NULL)
/* clang-format on */
/* The operands a table's end admits (its VALUE): at most N (0 or more),
 * LU_OPERANDS_TARGETS (any number of words naming a thread, lu_target_word)
 * or LU_OPERANDS_ANY (the command reads them itself).  ARG names them in the
 * usage line ("[id:MSGID | -]"), HELP is said after the one message for an
 * operand too many, "CMD: unexpected argument 'X'" (as "(HELP)"). */
enum { LU_OPERANDS_TARGETS = -1, LU_OPERANDS_ANY = -2 };
/* "text" (0) and "json" (1), for --format. */
extern const struct lu_keyword lu_format_keywords[];

/* Parses the options of command ARGV[0] (ARGV[1..*ARGC)) by OPTS into the
 * struct at BASE, wherever they stand; "--" ends them, "-" is an operand.
 * The operands are left in order in ARGV[1..*ARGC), checked against what
 * the table's end admits.  Returns 0 or EX_USAGE (printed: "CMD: unknown
 * option '--x' (see 'leadup help CMD')", "CMD: unexpected argument 'x'"). */
int lu_parse_options(struct lu_ctx *ctx, const struct lu_option *opts, void *base, int *argc,
                     char **argv);
/* True when ARGV[1..ARGC) asks for help (--help or -h where an option may
 * stand, by OPTS). */
bool lu_options_want_help(const struct lu_option *opts, int argc, char **argv);
/* "leadup CMD [--a] [--b=x|y] [--c FILE] ARGS" (ARGS: the operands the
 * table's end names), wrapped at 80 columns.  Caller frees. */
char *lu_options_usage(const char *cmd, const struct lu_option *opts);
/* The option list: one "  --NAME ARG   HELP" entry per option, --help last.  Caller frees. */
char *lu_options_help(const struct lu_option *opts);
/* True when a command-line word names messages ("id:X", "thread:X",
 * "from:X", ... a notmuch search term) rather than being WHEN or TEXT. */
bool lu_target_word(const char *arg);

/* ================================================================== pure modules: no I/O */

/* ------------------------------------------------------------------ dates.c */

/* helper/sense.h: date and time phrases, struct lu_when. */

/* ------------------------------------------------------------------ body.c, html.c */

/* struct lu_body, the author's own words: helper/sense.h. */
/* Extracts the author's own words from a decoded body: removes quoted
 * material (">" lines, attributions in English, German, French and Spanish,
 * Outlook, Lotus Notes and forwarded blocks), list footers and legal
 * disclaimers, and
 * moves the signature into the signature fields.  IS_HTML converts first. */
void lu_body_extract(const char *text, bool is_html, struct lu_body *out);
void lu_body_clear(struct lu_body *b);
/* Clears and frees the body B allocated on the heap (NULL: nothing). */
void lu_body_free(struct lu_body *b);
/* Whether the line LINE (N bytes) has a phrase of the packs' bulk marks: a
 * way out of the mailing, a note that replies go unread, a mark of a
 * marketing layout.  The learned bulk model (bulk.c) leaves such lines out
 * of its features: they are what labelled its training mail. */
bool lu_body_bulk_line(const char *line, gsize n);
/* Renders HTML as plain text (blocks become lines, entities decoded,
 * blockquotes become "> " lines).  Returns a new string (caller frees). */
char *lu_html_to_text(const char *html);

/* ------------------------------------------------------------------ msgcache.c */

/* The analysis cache's record of a message (pure): what its file says,
 * as flat records the state database keeps (scan.c, store.c), so that a
 * scan after a settings or rules change reads no file.  Only what the rules
 * take from the file: the headers mime.c reads and the author's own text;
 * the sentence analysis is made again from that text (it depends on the
 * zone, the calendar and the thread). */
/* The headers of F, a message read alone from its file (lu_msg_new, then
 * lu_mime_read_file), with the root and the last LU_REFS_KEEP of its
 * References: a long chain is most of a list message's headers, the rules
 * ask only whether there is one, and a draft writes no more of it.
 * Returns new bytes (caller unrefs). */
GBytes *lu_msgcache_headers(const struct lu_msg *f);
/* Merges HEADERS onto M, built from the index, exactly as mime.c merges a
 * file read onto it (the file's From and Subject win, the Date only where
 * the index has none ...), and sets M->headers. */
void lu_msgcache_apply(struct lu_msg *m, GBytes *headers);
/* The own text and bulk mark of B (TEXT as extracted, before the rules
 * dropped what it pasted), and the name and phone number its signature
 * gave (a draft's greeting and number; not the signature's text, which
 * only `leadup classify` prints, from the file).  Returns new bytes
 * (caller unrefs). */
GBytes *lu_msgcache_body(const struct lu_body *b);
/* A body from V (lu_msgcache_body).  Returns a new struct (caller frees
 * with lu_body_free). */
struct lu_body *lu_msgcache_body_load(GBytes *v);
/* Whether HEADERS and BODY are records these functions wrote, whole (a
 * stored row read back; false for a damaged one: read the file).  BODY
 * NULL: a row of the headers alone, whose text was never extracted. */
bool lu_msgcache_check(GBytes *headers, GBytes *body);
/* The analysis of a text (lu_analyse_text) is kept beside the row too, as
 * "senses": each an entry of a key and the analysis.  The key is what the
 * analysis depends on besides the analyser: the text itself (its length
 * and a 64-bit digest: the row fixes the text as written, the rules may
 * analyse it without what it pasted), the message's date and Date offset,
 * the writer's clock REF made of them (lu_msg_local_date), the user's zone
 * and calendar (business days, hours, date order, holidays) and
 * lu_sense_analyser.  Settings the analysis does not read are no part of
 * it: a change of them analyses nothing again. */
void lu_msgcache_sense_key(const struct lu_cal *cal, GDateTime *ref, gint64 date, int tz_off,
                           const char *text, guint8 key[LU_SENSE_KEY]);
/* The entry of AN under KEY.  Returns new bytes (caller unrefs). */
GBytes *lu_msgcache_sense(const guint8 key[LU_SENSE_KEY], const struct lu_analysis *an);
/* Whether ENTRY (lu_msgcache_sense) is KEY's. */
bool lu_msgcache_sense_is(GBytes *entry, const guint8 key[LU_SENSE_KEY]);
/* The analysis kept under KEY in RECORD (lu_msgcache_senses; may be NULL),
 * and its entry into *ENTRY (caller unrefs), or NULL (none, or damaged).
 * Returns a new struct (caller frees with lu_analysis_free). */
struct lu_analysis *lu_msgcache_sense_find(GBytes *record, const guint8 key[LU_SENSE_KEY],
                                           GBytes **entry);
/* The record of ENTRIES (GBytes*, each lu_msgcache_sense's), as the row
 * keeps them.  Returns new bytes (caller unrefs). */
GBytes *lu_msgcache_senses(GPtrArray *entries);
/* The record of ENTRIES and of the entries of RECORD (a row's, may be
 * NULL) made in the same context (the analyser, the settings and the
 * message's date: another text of the message), but those of the keys of
 * ENTRIES.  Returns new bytes (caller unrefs). */
GBytes *lu_msgcache_senses_merge(GPtrArray *entries, GBytes *record);

/* ------------------------------------------------------------------ bulk.c, bulk-model.c */

/* The learned bulk-or-personal model: does a message that no header and no
 * line of its text marks as bulk (no List-Unsubscribe, no unsubscribe
 * line) still read as a newsletter, report or notice sent to many?  A
 * logistic model over hashed features (features.c's words, pairs and
 * character grams of the own text, less the lines lu_body_bulk_line
 * marks; the text's shape; the subject's words; the sender's local part;
 * the number of recipients), trained by distant supervision: mail the
 * rules call bulk against mail from people the owner writes to
 * (scripts/train-bulk, which writes helper/bulk-model.c). */
struct lu_bulk_in {
    const char *text;    /* the author's own text (lu_body.text), or NULL */
    const char *subject; /* or NULL */
    const char *from;    /* the sender's address, or NULL */
    int recipients;      /* To and Cc */
};
/* One weight of the model: a feature bucket (lu_feature_bucket) and its
 * weight; helper/bulk-model.c sorts them by bucket. */
struct lu_bulk_weight {
    guint32 bucket;
    float w;
};
extern const struct lu_bulk_weight lu_bulk_weights[];
extern const int lu_bulk_n_weights; /* 0: no model ships, nothing is read as bulk */
extern const double lu_bulk_bias;
extern const double lu_bulk_threshold; /* the probability above which mail is bulk */
/* The features of IN as buckets, sorted, each once, into OUT (a GArray of
 * guint32, emptied first; caller's). */
void lu_bulk_hashes(const struct lu_bulk_in *in, GArray *out);
/* The feature names of IN (for tests and reasons), each once.  Caller
 * owns the array (g_ptr_array_unref frees the names). */
GPtrArray *lu_bulk_features(const struct lu_bulk_in *in);
/* The model's probability that IN was sent in bulk, or -1 when no model
 * ships. */
double lu_bulk_probability(const struct lu_bulk_in *in);

/* ------------------------------------------------------------------ msgmodel.c */

/* The learned "expects a reply" of a whole message (issue 10): an L2
 * logistic regression over the hashed words and adjacent pairs of leadup's
 * own text of the message ("mw:"), of its last two sentences ("me:") and
 * of its sentences with a "?" ("mq:"), each text's first LU_MSGM_WORDS
 * words, cut by lu_feature_word, plus leadup's own expects_reply
 * (scripts/train-messages --write, which writes helper/message-model.c). */
#define LU_MSGM_WORDS 400
struct lu_msgm_weight {
    guint32 bucket; /* lu_feature_bucket of a feature name */
    float w;
};
extern const struct lu_msgm_weight lu_msgm_weights[]; /* sorted by bucket */
extern const int lu_msgm_n_weights;                   /* 0: no model ships */
extern const double lu_msgm_bias;
extern const double lu_msgm_reply_weight; /* of leadup's expects_reply, 0 or 1 */
extern const double lu_msgm_threshold;    /* the probability from which a reply is expected */
/* The feature buckets of the own TEXT (NULL: empty) and its analysis AN
 * (sentences may be NULL), sorted, each once, into OUT (a GArray of
 * guint32, emptied first; caller's). */
void lu_msgm_hashes(const char *text, const struct lu_analysis *an, GArray *out);
/* The feature names of TEXT and AN (tests, t332), each once.  Caller owns
 * the array (g_ptr_array_unref frees the names). */
GPtrArray *lu_msgm_features(const char *text, const struct lu_analysis *an);
/* The model's probability that the message of own TEXT, analysed as AN,
 * expects a reply; -1 when no model ships. */
double lu_msgm_probability(const char *text, const struct lu_analysis *an);
/* The same, read from AN's rules' verdict (expects_reply_rules), as the
 * model was trained, whichever verdict AN's expects_reply holds (in
 * helper/leadup-reply-model the model's); -1 when no model ships. */
double lu_analysis_reply_score(const char *text, const struct lu_analysis *an);
/* Sets AN->expects_reply_model: the model's verdict on the own TEXT that AN
 * analysed (false for an automatic answer, or when no model ships). */
void lu_msgm_decide(const char *text, struct lu_analysis *an);

/* ------------------------------------------------------------------ said.c */

/* What a thread's earlier messages said, sentence by sentence (folded):
 * a sentence pasted from another writer's earlier message without ">" is
 * not the new writer's own. */
struct lu_said;
struct lu_said *lu_said_new(void); /* caller frees with lu_said_free */
void lu_said_free(struct lu_said *s);
/* Adds the own TEXT of message INDEX, written by AUTHOR (any number that
 * tells writers apart).  Messages must be added in thread order. */
void lu_said_add(struct lu_said *s, const char *text, int index, int author);
/* TEXT (of message INDEX by AUTHOR) without the sentences of five words or
 * more that a message before INDEX by another writer has; *DROPPED (may be
 * NULL) gets their number.  Returns a new string (caller frees), or NULL
 * when nothing was dropped.  S keeps the sentences of the text added or
 * unquoted last, folded: TEXT added just before is not split again. */
char *lu_said_unquote(struct lu_said *s, const char *text, int index, int author, int *dropped);

/* ------------------------------------------------------------------ features.c */

/* helper/sense.h: the learned sentence model's features. */

/* ------------------------------------------------------------------ sentence.c, classify.c */

/* helper/sense.h: sentence labels and the analysis of a text. */

/* ------------------------------------------------------------------ thread.c */

enum lu_state {
    LU_ST_NONE,
    LU_ST_AWAITING,       /* ball in their court */
    LU_ST_NEEDS_REPLY,    /* ball in ours */
    LU_ST_NO_NEXT_STEP,   /* both wrote, nothing dated agreed */
    LU_ST_PROMISE_MINE,   /* I committed with a date */
    LU_ST_PROMISE_THEIRS, /* they committed with a date, or we agreed a next step */
    LU_ST_BOUNCED,
    LU_ST_SNOOZED,
    LU_ST_CLOSED,  /* they declined, or I marked it done */
    LU_ST_DORMANT, /* cadence exhausted */
    LU_ST_MUTED,   /* never tracked */
    LU_ST_COUNT
};
/* "awaiting", "needs-reply", ... ("none" for LU_ST_NONE); the tag is
 * LU_TAG_PREFIX + name. */
const char *lu_state_name(enum lu_state s);
/* The state called NAME, or -1. */
int lu_state_parse(const char *name);
/* Whether the scan leaves state S's tag unwritten (dormant: three in four
 * of a first scan's tags, and a queue few open): a thread's tag is kept
 * but never added; lu_scan_write_lazy writes it when the queue is opened. */
bool lu_state_lazy(enum lu_state s);

enum lu_decision_kind {
    LU_D_SNOOZE,
    LU_D_DONE,
    LU_D_REOPEN,
    LU_D_REMIND,
    LU_D_NEXT_STEP,
    LU_D_MUTE,
    LU_D_COUNT
};
/* A decision the user took on a message; kept forever, keyed by Message-ID. */
struct lu_decision {
    gint64 id;
    char *mid; /* the message it was taken on */
    enum lu_decision_kind kind;
    gint64 at;     /* WHEN (snooze, remind, next-step), or 0 */
    gint64 at_end; /* the end of WHEN's span */
    char *text;    /* next-step text, or NULL */
    bool mine;     /* next-step --mine */
    char *latest;  /* the thread's latest message when it was taken */
    gint64 taken;  /* when it was taken */
    bool pending;  /* stored, its tags not written yet: the next scan writes them */
};
const char *lu_decision_name(enum lu_decision_kind k);
/* The kind named NAME (as lu_decision_name writes it; NULL is none), or -1. */
int lu_decision_parse(const char *name);
void lu_decision_free(struct lu_decision *d);

/* The sender's histories the rules may ask for (struct lu_rules' sender). */
enum lu_sender_count {
    LU_SENDER_SENT,     /* their mail in the index */
    LU_SENDER_ANSWERED, /* mine to them */
};

struct lu_rules {
    const struct lu_config *cfg;
    const struct lu_identity *me;
    gint64 now;
    /* Reads and analyses a message's body on demand (sets m->body, m->an);
     * NULL when the messages come analysed (unit tests). */
    void (*analyse)(struct lu_msg *m, void *data);
    void *data;
    /* Reads a message's own text only (sets m->body), for comparing it with
     * later messages; NULL: analyse does. */
    void (*body)(struct lu_msg *m, void *data);
    /* Counts the sender's history on demand: WHAT is LU_SENDER_SENT (sets
     * m->sender_sent) or LU_SENDER_ANSWERED (m->sender_answered), each a
     * count of its own, asked only when a rule needs it; NULL when the
     * messages come counted (tests). */
    void (*sender)(struct lu_msg *m, enum lu_sender_count what, void *data);
    /* M's text compared with its thread's earlier messages already (the
     * scan's workers, lu_thread_unquote): true, and *OWN (the caller's: the
     * text without *DROPPED pasted sentences, or NULL when none was); false:
     * thread.c compares.  NULL: thread.c always does. */
    bool (*said)(struct lu_msg *m, void *data, char **own, int *dropped);
    /* The learned thread-state correction; NULL: the one that ships
     * (helper/thread-model.c).  Tests give their own weights. */
    const struct lu_tm_model *model;
    /* Nobody reads a verdict's features but the model (a scan's, not
     * why's JSON): lu_thread_decide makes them only when the model has
     * weights, and otherwise analyses only the texts they would read. */
    bool features_unread;
};

/* What decided a thread's state: the rule that claimed it (thread.c's
 * rules[] holds them in precedence order), or, in no queue, the last rule
 * that let it go for a reason it names.  Behaviour is keyed on these ids,
 * never on their text. */
enum lu_rule {
    LU_R_NOTHING,  /* no rule claimed it */
    LU_R_NOT_MINE, /* the scan: nobody in it is me, nor was it written to me */
    LU_R_MUTED,
    LU_R_DONE,
    LU_R_DECLINED,
    LU_R_SNOOZED,
    LU_R_NEXT_STEP, /* a next step the user recorded */
    LU_R_BOUNCED,
    LU_R_NEEDS_REPLY,
    LU_R_PROMISE_MINE,
    LU_R_AWAITING,
    LU_R_CADENCE_EXHAUSTED, /* awaiting turned dormant */
    LU_R_PROMISE_THEIRS,
    LU_R_AGREED_STEP, /* promise-theirs: a dated next step agreed in the last exchange */
    LU_R_NO_NEXT_STEP,
    LU_R_SNOOZE_ENDED, /* on their message: needs-reply */
    LU_R_HORIZON,      /* a claimed thread quiet beyond [scan] horizon: dormant */
    /* Rules that let the thread go, with a reason. */
    LU_R_BULK,
    LU_R_NEVER_ANSWERED, /* noted: a sender who writes often and whom I never wrote to */
    LU_R_ANSWERED_ELSEWHERE,
    LU_R_CLOSING,
    LU_R_MODEL, /* the thread-state model read it as finished (thread-learn.c) */
    /* The thread-state model read a thread in no queue as left open: it
     * enters the queue who wrote last implies (thread-learn.c). */
    LU_R_MODEL_OPEN,
    LU_R_COUNT
};
/* How many messages from a sender I have never written to make their mail
 * no conversation (thread.c): a first and a second message may be a new
 * contact's; a third unanswered one is a stream. */
#define LU_NEVER_ANSWERED_MIN 3
/* The rule in a few words ("they declined"), for people.  Static. */
const char *lu_rule_text(enum lu_rule id);

/* How many features the thread-state model reads (thread-learn.c). */
#define LU_TM_NFEAT 51

/* A state's schedule: when it falls due and when time alone changes it.
 * A verdict gives it and the thread's item keeps it, whole (one
 * assignment copies it: scan.c, thread-learn.c). */
struct lu_sched {
    bool due;          /* due at r->now */
    gint64 due_at;     /* when it is or was due; 0 when the state has none */
    gint64 next_check; /* when time alone changes the verdict; 0 never */
    int stage;         /* awaiting, dormant: lead-ups I already sent */
};

struct lu_verdict {
    enum lu_state state;
    int anchor; /* index of the message that defines the state, or -1 */
    struct lu_sched sched;
    int asked;         /* awaiting: my first unanswered message, or -1 */
    int evidence;      /* the message whose sentences decided, or -1 */
    enum lu_rule rule; /* what decided (lu_rule_text says it in words) */
    GPtrArray *why;    /* char*: the evidence in plain words (owned) */
    char *who;         /* whom we wait for, or who waits for us (owned) */
    /* The thread-state model (thread-learn.c): the features of the thread
     * as the rules left it (before the horizon), the state the rules gave
     * (after it), and the model's chance that the conversation was left
     * open at its last message (-1: no model ran).  MAY: what the model
     * may do to this thread (take it out of its queue, put it in one, or
     * nothing: a decision, a bounce, bulk mail ...); OPEN_STATE: the state
     * a put-in gives (after the horizon), LU_ST_NONE unless MAY is IN. */
    bool has_features;
    float features[LU_TM_NFEAT];
    enum lu_state rules_state;
    double p_open;
    enum lu_tm_may { LU_TM_FIXED, LU_TM_OUT, LU_TM_IN } may;
    enum lu_state open_state;
};
/* An empty verdict: no state, no message, rule LU_R_NOTHING, an empty WHY. */
void lu_verdict_init(struct lu_verdict *v);
void lu_verdict_clear(struct lu_verdict *v);

/* Decides a thread's state.  MSGS: the thread, oldest first (mine/to_me are
 * set here).  DECISIONS: the user's decisions on any of its messages, oldest
 * first (may be NULL).  ELSEWHERE: messages in other threads that may answer
 * it (replies that broke threading; checked here), may be NULL. */
void lu_thread_decide(const struct lu_rules *r, GPtrArray *msgs, GPtrArray *decisions,
                      GPtrArray *elsewhere, struct lu_verdict *out);
/* For tests: how many rules there are, and rule I alone run on a thread
 * (read as lu_thread_decide reads it; V initialised by lu_verdict_init).
 * True when it claims the thread; when it does not, V is untouched. */
int lu_thread_rule_count(void);
bool lu_thread_rule_claims(int i, const struct lu_rules *r, GPtrArray *msgs, GPtrArray *decisions,
                           GPtrArray *elsewhere, struct lu_verdict *v);
/* A subject without Re:/AW:/SV:/Fwd:-style prefixes and [list] tags,
 * case-folded, white space collapsed.  Caller frees. */
char *lu_subject_norm(const char *subject);
/* True when M is a human message (not automatic, not a draft). */
bool lu_msg_meaningful(const struct lu_msg *m);
/* A GPtrArray of struct lu_msg * sorted by date, then Message-ID (a total order). */
gint lu_msg_compare_date(gconstpointer a, gconstpointer b);
/* Sets what M's addresses say about me (ME): mine, to_me, and unsent when
 * mine (unsent_if_mine), as lu_thread_decide does before any rule reads. */
void lu_msg_know_me(const struct lu_identity *me, struct lu_msg *m);
/* Drops from the text of each message of MSGS (oldest first, each text
 * read, mine known: lu_msg_know_me) the sentences pasted from earlier
 * messages, as lu_thread_decide does when the rules ask for an analysis:
 * the scan's workers do it ahead (lu_rules.said). */
void lu_thread_unquote(GPtrArray *msgs);
/* Whether M only copies me: I am in its Cc, not its To, and its To names
 * somebody else (its asks are then for them). */
bool lu_msg_copied_only(const struct lu_rules *r, const struct lu_msg *m);

/* ------------------------------------------------------------------ thread-learn.c, thread-model.c */

/* The learned thread-state correction: a logistic model over what the
 * rules already read of a thread (who wrote last, the last message's
 * sentence labels, its addressing, the thread's size and age, the state
 * the rules gave) says whether the conversation was left open at its last
 * message.  Weights are data: helper/thread-model.c, generated by
 * scripts/train-threads (N 0: no model ships, the rules alone decide). */
struct lu_tm_model {
    int n;                /* LU_TM_NFEAT when trained on these features, else ignored */
    const float *w;       /* n weights over the raw features (static) */
    double bias;          /* log-odds of "open" with every feature 0 */
    double threshold_out; /* below this chance of "open", a queue state is left */
    double threshold_in;  /* above it, a thread in no queue enters one (> 1: never) */
};
extern const struct lu_tm_model lu_tm_model;
/* Feature I's name ("last-mine", ...; I below LU_TM_NFEAT); static. */
const char *lu_tm_feature_name(int i);
/* Fills V->features (and sets has_features) for the thread MSGS as the
 * rules decided it (V's state and rule, before the horizon); LAST is its
 * latest meaningful message (-1: nothing is filled).  R analyses messages
 * on demand, as the rules do: the last one when the thread is in a queue
 * or V->may says the model may move it. */
void lu_thread_features(const struct lu_rules *r, GPtrArray *msgs, int last, struct lu_verdict *v);
/* What lu_thread_features analyses through R, and nothing else: the
 * analyses are the caller's to keep (the scan's rows) whether or not the
 * features are made. */
void lu_thread_features_read(const struct lu_rules *r, GPtrArray *msgs, int last,
                             const struct lu_verdict *v);
/* Whether M has weights for these features (else lu_thread_model_open
 * answers -1 and the model moves nothing). */
bool lu_thread_model_weighs(const struct lu_tm_model *m);
/* M's chance that the conversation with features X was left open, or -1
 * when M has no weights for these features. */
double lu_thread_model_open(const struct lu_tm_model *m, const float *x);
/* Whether the model may take V, as the rules decided it, out of its queue:
 * a queue state a text rule gave (needs-reply, awaiting, promise-*,
 * no-next-step, dormant), not a decision, a bounce or no queue. */
bool lu_thread_model_may_out(const struct lu_verdict *v);
/* Applies M to V (features filled, state as the rules left it, V->may
 * set): sets V->rules_state and V->p_open; when V->may is LU_TM_OUT and
 * the chance of open is below M's threshold_out, the thread leaves every
 * queue (rule LU_R_MODEL); when V->may is LU_TM_IN and the chance is above
 * threshold_in, it takes OPEN's verdict (the rules' reading had the
 * conversation been open: state, anchor, due, reasons; rule
 * LU_R_MODEL_OPEN).  Either way with a reason in V->why naming the chance
 * and what weighed most.  True when it moved. */
bool lu_thread_model_apply(const struct lu_tm_model *m, const struct lu_verdict *open,
                           struct lu_verdict *v);

/* ------------------------------------------------------------------ draft.c */

/* What a draft is built from (cmd-draft.c fills it from a thread view). */
struct lu_draft_req {
    const struct lu_config *cfg;
    const struct lu_identity *me;
    gint64 now;
    GPtrArray *msgs;            /* the thread, oldest first, headers read, mine set */
    const struct lu_verdict *v; /* its verdict */
    GPtrArray *decisions;       /* struct lu_decision*, oldest first, or NULL */
    const char *template_name;  /* --template NAME, or NULL: chosen by state and stage */
    int lang;                   /* --lang or [draft] language, or -1: the thread's */
    bool quote;                 /* quote the message we answer below the draft */
    /* Reads and analyses a message's body on demand (sets m->body, m->an);
     * NULL when the messages come analysed. */
    void (*analyse)(struct lu_msg *m, void *data);
    void *data;
    /* Reads a message's own text only (sets m->body), for comparing it with
     * later messages; NULL: analyse does. */
    void (*body)(struct lu_msg *m, void *data);
};

/* A draft: header values, placeholder values and (after rendering) the body. */
struct lu_draft {
    GPtrArray *templates; /* char*: template names to try, best first ("awaiting-1.de") */
    enum lu_lang lang;    /* the language written in */
    char *template_name;  /* the template rendered, or NULL */
    char *why;            /* why those templates, in a few words */
    int answer;           /* index of the message we answer, or -1 */
    struct lu_addr *from; /* my identity in the thread, or NULL */
    GPtrArray *to, *cc;   /* struct lu_addr* */
    char *subject;        /* "Re: ..." */
    char *in_reply_to;    /* without <>, or NULL */
    GPtrArray *refs;      /* char*: References without <>, oldest first */
    gint64 date;          /* the Date header (now) ... */
    int date_off;         /* ... and its offset, seconds east of UTC */
    gint64 slot;          /* the proposed next step */
    GHashTable *vars;     /* placeholder name -> value, only those that have one */
    char *quote;          /* the quoted message we answer, or NULL */
    char *body;           /* the text, UTF-8, lines <= 72 columns where words allow */
    GPtrArray *notes;     /* char*: what the user should know before sending */
};
/* Chooses the templates, the identity, recipients, subject, threading and
 * every placeholder value for R's thread.  OUT is released with lu_draft_clear. */
void lu_draft_plan(const struct lu_draft_req *r, struct lu_draft *out);
/* Why a lead-up for D's thread (planned from R) needs a second look, or
 * NULL: a no-reply address in To (then *NOREPLY is it, borrowed from D;
 * leadup draft refuses unless --force), a dormant, closed or muted
 * thread, or one in no queue (a list thread where I owe nothing says so).
 * Static, leadup's own words only: the client shows them. */
const char *lu_draft_caution(const struct lu_draft_req *r, const struct lu_draft *d,
                             const char **noreply);
/* Fills D->body from template TEXT called NAME (plus the quote). */
void lu_draft_render(struct lu_draft *d, const char *name, const char *text);
void lu_draft_clear(struct lu_draft *d);
/* The template engine (syntax in doc/draft.md): TMPL filled from VARS
 * (name -> value); problems are added to NOTES (char*, may be NULL).
 * Returns the wrapped text (caller frees). */
char *lu_draft_fill(const char *tmpl, GHashTable *vars, GPtrArray *notes);
/* "Re: " + SUBJECT without its reply prefixes (Re:, RE:, AW:, Sv:,
 * Antw:, ...): its leading [tags] follow the one "Re: ", each once, as
 * mail clients answer a list.  Caller frees. */
char *lu_draft_subject(const char *subject);
/* What SUBJECT is about: no prefixes, tags or Fwd:, at most 100 characters. Caller frees. */
char *lu_draft_topic(const char *subject);
/* A given name from a display name, else from an address like
 * "ann.smith@", else NULL.  Caller frees. */
char *lu_draft_first_name(const char *display, const char *email);
/* The proposed next step: 10:00 or 14:00 (else within the working hours)
 * on a business day, at least one business day after NOW and not before
 * NOT_BEFORE (0: no bound). */
gint64 lu_draft_slot(const struct lu_cal *cal, gint64 now, gint64 not_before);
/* "Tuesday 1 December" (+ " 2027" outside NOW's year) (+ " at 10:00"), or
 * the same in LANG ("Dienstag, 1. Dezember, um 10:00 Uhr", "mardi 1er
 * décembre à 10h00", "martes 1 de diciembre a las 10:00").  Caller frees. */
char *lu_draft_when(gint64 t, GTimeZone *tz, gint64 now, bool with_time, enum lu_lang lang);
/* TEXT with lines longer than WIDTH columns wrapped at spaces; "> "
 * prefixes repeat.  Caller frees. */
char *lu_draft_wrap(const char *text, int width);
/* The text of templates/generic, built in: used (with a note) when no
 * template file can be found at all, so that drafting never fails. */
extern const char lu_draft_builtin_generic[];

/* ------------------------------------------------------------------ lint.c */

/* leadup lint's thresholds for the author's own text (doc/lint.md says why). */
#define LU_LINT_MAX_WORDS 120
#define LU_LINT_MAX_LINES 15

/* One thing lint found. */
struct lu_finding {
    int line;         /* line in the input, counting from FIRST_LINE */
    const char *kind; /* static: "chasing", "no-next-step", "past-date", "no-thanks", "many-asks",
                       * "too-long" */
    char *text;       /* the words it is about, white space folded, or NULL; owned */
    char *message;    /* what is wrong and what to do instead; owned */
};
void lu_finding_free(struct lu_finding *f);

/* A chasing phrase found in a text. */
struct lu_chase {
    int off, len;       /* byte span in the text searched */
    const char *advice; /* static: why it chases and what to write instead */
};
/* Every chasing phrase in TEXT (UTF-8), in text order, none overlapping.
 * Returns a GArray of struct lu_chase (caller frees with g_array_unref). */
GArray *lu_lint_chasing(const char *text);

/* Lints TEXT, a plain-text body whose first line is line FIRST_LINE of the
 * file the user edits: quoted material and the signature are skipped (with
 * lu_body_extract), every finding carries the line of the input it is on.
 * NOW (the writer's zone; required, time is explicit: NULL returns NULL)
 * decides which dates lie ahead; CAL may be NULL (defaults).  Returns a GPtrArray of struct lu_finding*, sorted by line,
 * that frees its elements (caller unrefs); empty when the text is clean. */
GPtrArray *lu_lint_text(const char *text, int first_line, const struct lu_cal *cal, GDateTime *now);
/* Message or plain text: when DATA starts with "Name: value" lines (folded
 * lines allowed) naming at least one mail header (From, To, Subject, X-...)
 * up to a blank line or the end, returns the lines they take including
 * that blank line; else 0 (plain text). */
int lu_lint_header_lines(const char *data, gsize len);

/* ------------------------------------------------------------------ json.c */

struct lu_json {
    FILE *f;
    int depth;
    unsigned char need_comma[64]; /* 0 first, 1 after a value, 2 after a key */
    char closer[64];              /* what closes each open object or array */
    bool pretty;
};
void lu_json_init(struct lu_json *j, FILE *f, bool pretty);
void lu_json_obj_begin(struct lu_json *j);
void lu_json_obj_end(struct lu_json *j);
void lu_json_arr_begin(struct lu_json *j);
void lu_json_arr_end(struct lu_json *j);
void lu_json_key(struct lu_json *j, const char *key);
void lu_json_str(struct lu_json *j, const char *s); /* NULL prints null */
void lu_json_int(struct lu_json *j, gint64 v);
void lu_json_bool(struct lu_json *j, bool v);
void lu_json_null(struct lu_json *j);
void lu_json_double(struct lu_json *j, double v); /* 4 significant digits; NaN prints null */
/* KEY and its value, one member of the open object. */
void lu_json_kv_str(struct lu_json *j, const char *key, const char *s); /* NULL prints null */
void lu_json_kv_int(struct lu_json *j, const char *key, gint64 v);
void lu_json_kv_bool(struct lu_json *j, const char *key, bool v);
/* T (unix seconds) in ISO 8601 in TZ; 0 prints null. */
void lu_json_kv_time(struct lu_json *j, const char *key, gint64 t, GTimeZone *tz);
/* An array of the strings of A (NULL: empty). */
void lu_json_kv_strings(struct lu_json *j, const char *key, GPtrArray *a);
/* Ends the top-level value with a newline. */
/* Closes the objects and arrays still open and ends the output's line. */
void lu_json_end(struct lu_json *j);
/* The queues in the order a user reads them (queue, report). */
#define LU_QUEUE_COUNT 10
extern const enum lu_state lu_queue_order[LU_QUEUE_COUNT];
/* "queues": [{"name", "count", "due"} ...] in lu_queue_order: the one shape
 * of the counts, in queue's and report's JSON alike. */
void lu_json_queues(struct lu_json *j, const unsigned *counts, const unsigned *dues);
/* The analysis fields of leadup classify's JSON ("sentences" ... "ooo_return")
 * as keys of the object being written; dates in TZ.  TEXT: the text AN
 * analysed, whose byte span each sentence then gives ("offset", "length");
 * NULL: none. */
void lu_json_analysis(struct lu_json *j, const struct lu_analysis *an, const char *text,
                      GTimeZone *tz);

/* ================================================================== I/O modules: the only files that touch GMime, notmuch, sqlite and the client */

/* ------------------------------------------------------------------ mime.c */

/* Messages read in this process (a file or bytes): the scan reports how
 * many it read.  Added to atomically (the scan's workers parse); read it
 * when no worker runs. */
extern guint64 lu_mime_parses;
/* Of those, the ones GMime built as a whole GMimeMessage (mime.c
 * construct): a file that opens with an mbox "From " line.  Every other
 * file GMime reads is read as GMime's top part, its headers and body,
 * without the message object's address lists (LEADUP_DEBUG_COUNTS prints
 * it). */
extern guint64 lu_mime_messages;
/* Of those, the ones read without GMime's parser (mime.c read_bytes: a
 * single text part under a plain header block; LEADUP_DEBUG_COUNTS). */
extern guint64 lu_mime_plain;
/* The Date values read, and of those the ones of the strict common form
 * read without GMime's date parser (mime.c date_fast; LEADUP_DEBUG_COUNTS). */
extern guint64 lu_mime_dates, lu_mime_dates_plain;
/* Set from LEADUP_DEBUG_COUNTS (leadup.c): main prints lu_mime_parses and
 * lu_store_steps (sqlite's virtual-machine steps, counted only then) on
 * standard error after the command, for tests that count work. */
extern bool lu_debug_counts;
extern guint64 lu_store_steps;
/* The rows of decisions and of delivery failures store.c read in this
 * process (LEADUP_DEBUG_COUNTS prints them too): a scan reads those of the
 * threads it decides, not every one stored. */
extern guint64 lu_decision_rows, lu_bounce_rows;
/* The items store.c read in this process (LEADUP_DEBUG_COUNTS): a
 * listing reads what it shows, not every item of its states. */
extern guint64 lu_item_rows;
/* The rows a queue read from the store one item at a time, none held
 * (cmd-queue.c stream_queue; LEADUP_DEBUG_COUNTS). */
extern guint64 lu_queue_streamed;
/* The most thread plans a scan held in memory at once (scan.c; the rest
 * are staged in the store: lu_store_stage), which LEADUP_DEBUG_COUNTS
 * prints: a batch, however many threads the scan decides. */
extern guint lu_plans_held;
/* The texts a full walk's workers analysed, and of those the analyses the
 * rules never took (LEADUP_DEBUG_COUNTS; main thread). */
extern guint lu_ahead_analysed, lu_ahead_unused;
/* The own texts a scan extracted from parsed files (scan.c; added to
 * atomically, the workers extract): of the files parsed, those whose text
 * the rules may read.  The latest message of a thread nobody in it is me,
 * nor decided on, that was not written to me is parsed for its headers
 * alone (LEADUP_DEBUG_COUNTS prints "own texts extracted: N of M files
 * parsed"). */
extern guint64 lu_own_texts;
/* The notmuch counts of senders' histories a scan made (scan.c
 * sender_history; LEADUP_DEBUG_COUNTS): one or two a sender a rule asked
 * about, and one for whether the index holds my mail. */
extern guint lu_sender_counts;
/* Of the senders' histories asked outside a full walk (why, draft, the
 * decisions, the incremental scans), those read from the ones the last
 * full scan kept (scan.c kept_history), and of those the ones that had
 * the messages added since counted (LEADUP_DEBUG_COUNTS). */
extern guint lu_sender_kept, lu_sender_since;
/* Of the histories the last full scan kept, those an incremental scan
 * brought forward (scan.c senders_forward; LEADUP_DEBUG_COUNTS): the runs
 * that moved their base, the messages added they read, and the notmuch
 * counts of a sender those messages may count for. */
extern guint lu_forward_runs, lu_forward_msgs, lu_forward_counts;
/* Set from LEADUP_DEBUG_READ_ALL (leadup.c): the scan and the thread views
 * read every decision and delivery failure up front, as they did before
 * reading them by thread, so that a test can compare the two ways. */
extern bool lu_debug_read_all;
/* Set from LEADUP_DEBUG_NO_FRESH: a first scan asks the analysis cache
 * for every message, as it did before the fresh filter (scan.c
 * cache_fresh); lu_cache_lookups and lu_cache_hits count what it asked
 * and found (LEADUP_DEBUG_COUNTS). */
extern bool lu_debug_no_fresh;
extern guint64 lu_cache_lookups, lu_cache_hits;

/* Starts GMime and mime.c's tables, once: the scan calls it on the main
 * thread before its workers parse (every reader calls it anyway). */
void lu_mime_init(void);

/* Parses the file or the bytes of one RFC 5322 message and fills M's headers
 * (From, To, Cc, Reply-To, Mail-Followup-To, Subject, Date, In-Reply-To,
 * References, List-Id, List-Post, List-Unsubscribe, Message-ID when M has none) and its
 * automatic-message kind.  Keeps the parsed message in M->mime.  Returns 0
 * or EX_DATAERR/EX_NOINPUT (printed). */
int lu_mime_read_file(struct lu_msg *m, const char *path);
/* The same, printing nothing on failure: for the scan's worker threads
 * (a message printed there would come in no fixed order). */
int lu_mime_try_file(struct lu_msg *m, const char *path);
int lu_mime_read_bytes(struct lu_msg *m, const char *data, gsize len);
/* The decoded text of M's best text part: text/plain preferred, else
 * text/html (then *IS_HTML is set).  Charset decoded to valid UTF-8.
 * Returns a new string (caller frees), "" when there is no text. */
char *lu_mime_body_text(struct lu_msg *m, bool *is_html);
/* Any header of M, decoded (RFC 2047) to UTF-8, or NULL.  Caller frees. */
char *lu_mime_header(struct lu_msg *m, const char *name);
/* Parses an address-list header value, decoding encoded words.  Returns a
 * GPtrArray of struct lu_addr* (owned by the array). */
GPtrArray *lu_addr_list_parse(const char *value);
/* Encodes a header value for output (RFC 2047 where needed); CR, LF and NUL
 * never survive.  Caller frees. */
char *lu_mime_encode_header(const char *name, const char *value);

/* ------------------------------------------------------------------ draft output (mime.c) */

/* D as a complete RFC 5322 message: From, To, Cc, Subject, Date,
 * In-Reply-To, References, MIME headers; no Message-ID, no X- header;
 * text/plain; charset=utf-8 in 7bit when it is plain short ASCII, else
 * quoted-printable.  Returns the bytes (caller frees) and *LEN. */
char *lu_mime_draft(const struct lu_draft *d, gsize *len);

/* ------------------------------------------------------------------ nm.c */

struct lu_db; /* an open notmuch database */

/* Opens the notmuch database the way notmuch finds it (NOTMUCH_CONFIG,
 * NOTMUCH_PROFILE, the default config).  WRITE asks for the write lock and
 * waits at most ctx->cfg.lock_wait seconds for it, then returns
 * EX_TEMPFAIL with one line of explanation (nothing has been changed).  Fills
 * ctx->me from user.primary_email, user.other_email and user.name plus the
 * config on the first open.  Returns 0 or an error code. */
int lu_db_open(struct lu_ctx *ctx, bool write, struct lu_db **out);
/* From now on, a write lock that does not come in time prints "leadup:
 * NOTE" (leadup's own words) instead of the default line: for a caller
 * that has already stored what the next scan completes.  NULL restores the
 * default. */
void lu_db_lock_note(const char *note);
void lu_db_close(struct lu_db *db);
/* The database's revision; *UUID (owned by DB) identifies the database. */
gint64 lu_db_revision(struct lu_db *db, const char **uuid);
/* Calls FN for every thread with a message matching QUERY, oldest thread
 * first, with all of the thread's messages (struct lu_msg*, oldest first;
 * within one second a message after those it answers, then by Message-ID,
 * never by the index order: mid, thread_id, filename, date, from, subject
 * and tags filled).  FN owns nothing it is given.  Stops at FN's first
 * non-zero return and returns it.  A read that finds its snapshot gone
 * (notmuch new committed meanwhile) is read again after a reopen, a few
 * times, then EX_TEMPFAIL. */
typedef int (*lu_thread_fn)(GPtrArray *msgs, void *data);
int lu_db_each_thread(struct lu_db *db, const char *query, lu_thread_fn fn, void *data);
/* The same, and the Message-ID of every message QUERY matches (not "*")
 * into MATCHED (the caller's set of strings it frees, g_str_hash), read
 * before FN is called: which messages of a thread matched.  FOUND (may
 * be NULL) is then given the ids of the threads to come (strings it does
 * not own, in the order FN will have them) before FN has any: a
 * non-zero return stops the walk and is returned. */
typedef int (*lu_tids_fn)(GPtrArray *tids, void *data);
int lu_db_each_thread_noting(struct lu_db *db, const char *query, GHashTable *matched,
                             lu_tids_fn found, lu_thread_fn fn, void *data);
/* The same, newest thread first: ordered by each thread's newest message
 * matching QUERY (with "*", its newest message). */
int lu_db_each_thread_newest(struct lu_db *db, const char *query, lu_thread_fn fn, void *data);
/* With QUERY "*" both read the messages a date slice at a time, about
 * lu_slice_messages each (LU_SLICE_MESSAGES; LEADUP_DEBUG_SLICE sets it
 * for tests), the threads in the same order: libnotmuch holds the sorted
 * matches of a query at once.  lu_slices counts the slices read,
 * lu_slice_most the most messages one held, lu_threads_again the threads
 * met again in a later slice, lu_walk_order a digest (FNV-1a) of the
 * thread ids the walks gave FN, in order (LEADUP_DEBUG_COUNTS prints
 * them). */
#define LU_SLICE_MESSAGES 4096
extern unsigned lu_slice_messages;
extern guint64 lu_slices, lu_slice_most, lu_threads_again, lu_walk_order;
/* The threads a scan took from the last full walk kept (scan.c
 * walk_kept) instead of notmuch: LEADUP_DEBUG_COUNTS. */
extern guint64 lu_walk_replayed;
/* Both read the messages of up to lu_thread_batch threads with one query
 * (LU_THREAD_BATCH; LEADUP_DEBUG_BATCH sets it for tests: 1 is a query a
 * thread); a slice's walk keeps the messages it read and asks only for
 * the threads' messages outside the slice.  lu_thread_queries counts
 * those queries, lu_messages_read the messages any search of nm.c gave,
 * lu_count_matches the messages lu_db_count counted, lu_lastmod_reads
 * the searches and counts of a lastmod range (Xapian reads every
 * message's revision for one: LEADUP_DEBUG_COUNTS). */
#define LU_THREAD_BATCH 64
extern unsigned lu_thread_batch;
extern guint64 lu_thread_queries, lu_messages_read, lu_count_matches, lu_lastmod_reads;
/* The query for the messages of the N threads TIDS ("thread:A or
 * thread:B ..."), but those the query REST matches (NULL: all of them).
 * Caller frees. */
char *lu_db_threads_query(char **tids, guint n, const char *rest);
/* The messages matching QUERY (struct lu_msg*, oldest first and by Message-ID
 * within one second, the same fields filled), at most LIMIT (0: all).
 * Caller frees the array. */
int lu_db_messages(struct lu_db *db, const char *query, int limit, GPtrArray **out);
/* lu_db_messages of QUERY's messages dated LO..HI (seconds, both
 * included); the dates of a query that matches few are compared here, not
 * asked of notmuch (HI > 0). */
int lu_db_messages_dated(struct lu_db *db, const char *query, gint64 lo, gint64 hi, int limit,
                         GPtrArray **out);
/* The thread id of the message MID into *TID (caller frees), NULL when
 * the database no longer holds it.  Returns 0 or a status (printed). */
int lu_db_thread_of(struct lu_db *db, const char *mid, char **tid);
/* How many messages match QUERY.  lu_count_queries counts the calls
 * (LEADUP_DEBUG_COUNTS). */
int lu_db_count(struct lu_db *db, const char *query, unsigned *out);
extern guint64 lu_count_queries;
/* lu_db_count of from:"ADDR" (MINE NULL), or of `(from:"A" or ...) and
 * to:"ADDR"` (A...: the N addresses and domains MINE, as scan.c from_me
 * joins them), from Xapian's postings and positions
 * (helper/xapian-count.cc lu_xcount_addr): a sender's history without a
 * notmuch query, whose cost grows with the messages of the address, not
 * with mine.  Returns 0, or -1 when it cannot be asked so (not a plain
 * address, notmuch's Xapian directory not found, a Xapian error): count
 * with lu_db_count.  Prints nothing.  lu_addr_counts counts the answers
 * (LEADUP_DEBUG_COUNTS). */
int lu_db_count_addr(struct lu_db *db, const char *addr, const char *const *mine, unsigned n,
                     unsigned *out);
extern guint64 lu_addr_counts;
/* Whether the index holds mail from any of the N addresses or domains
 * MINE (from_me's query, scan.c), into *ANY: Xapian's phrases asked for
 * one match (lu_xcount_any_from), not notmuch's count of all of it.
 * Returns 0, or -1 as lu_db_count_addr: ask notmuch. */
int lu_db_any_from(struct lu_db *db, const char *const *mine, unsigned n, bool *any);
/* The full walk's date windows (nm.c plan_slices) counted from the mail's
 * dates read once from Xapian's value stream (xapian-count.cc
 * lu_xcount_dates), not a notmuch count each (LEADUP_DEBUG_COUNTS);
 * LEADUP_DEBUG_NO_XDATES: each by notmuch, as before, to compare. */
extern guint64 lu_dated_counts;
extern bool lu_debug_no_xdates;
/* Set from LEADUP_DEBUG_NO_XADDR: lu_db_count_addr answers nothing (the
 * counts by notmuch's queries, as before, to compare). */
extern bool lu_debug_no_xaddr;
/* How many messages carry TAG into *OUT, as Xapian keeps the tag term's
 * frequency (helper/xapian-count.cc): exact, one look-up, where
 * lu_db_count reads every tagged message.  Returns 0, or -1 when that
 * cannot be asked (notmuch's Xapian directory not found, a Xapian error,
 * another database or revision than the handle's): count with
 * lu_db_count.  Prints nothing.  lu_tag_freqs counts the answers
 * (LEADUP_DEBUG_COUNTS). */
int lu_db_tag_freq(struct lu_db *db, const char *tag, unsigned *out);
extern guint64 lu_tag_freqs;
/* Set from LEADUP_DEBUG_NO_TERMFREQ: lu_db_tag_freq answers nothing, as
 * when notmuch's Xapian directory cannot be opened (tests the count it
 * falls back to). */
extern bool lu_debug_no_termfreq;
/* The mark of the newest document of the index DB reads ("DOCID TERM",
 * xapian-count.h lu_xcount_mark), for lu_db_changed_since of the next
 * scan; NULL when it cannot be read.  Caller frees. */
char *lu_db_doc_mark(struct lu_db *db);
/* The messages changed in revisions (FROM, TO] into *MIDS (Message-IDs,
 * caller frees), told by document ids instead of notmuch's
 * `lastmod:FROM+1..TO`, which reads every message's revision (83 M
 * instructions at 300,000 messages): the messages numbered above MARK
 * (lu_db_doc_mark's at revision FROM) and the changed ones of their
 * threads (the threads a new message joined).  Returns 0, or -1 (*MIDS
 * NULL) when that may not be all (xapian-count.h lu_xcount_changed: a
 * revision of no new message, a renumbered document, more than
 * LU_CHANGED_MOST): the caller reads the range.  Prints nothing;
 * lu_changed_by_docid counts the answers (LEADUP_DEBUG_COUNTS). */
#define LU_CHANGED_MOST 1000
int lu_db_changed_since(struct lu_db *db, const char *mark, gint64 from, gint64 to,
                        GPtrArray **mids);
extern guint64 lu_changed_by_docid;
/* Set from LEADUP_DEBUG_NO_DOCMARK: lu_db_changed_since answers nothing,
 * and the scan reads the lastmod range (compares the two ways). */
extern bool lu_debug_no_docmark;
/* What the index DB reads indexed, for counting its messages' addresses
 * again later from the messages added since (xapian-count.h
 * lu_xcount_base: its UUID, documents, mail documents, total length and
 * newest document).  NULL when it cannot be read.  Caller frees. */
char *lu_db_base(struct lu_db *db);
/* The messages added since BASE (lu_db_base's) into *MIDS (Message-IDs,
 * caller frees; empty: none), when nothing else changed what is indexed
 * (xapian-count.h lu_xcount_since: no message removed, no ghost become a
 * message, the database not replaced nor compacted).  Returns 0, or -1
 * (*MIDS NULL) otherwise or with more than MOST added (LU_SINCE_MOST
 * where a count is asked: the caller counts with notmuch;
 * LU_FORWARD_MOST where a scan brings the kept histories forward by the
 * added messages' ids; past it the scan tells them by document number,
 * scan.c forward_above).  Prints nothing. */
#define LU_SINCE_MOST   100
#define LU_FORWARD_MOST 1000
int lu_db_since(struct lu_db *db, const char *base, unsigned most, GPtrArray **mids);
/* The terms starting with PREFIX ("XFROM": what from: searches, "XTO":
 * to:) notmuch indexed each of MIDS (Message-IDs) under, without the
 * prefix, into *TERMS (one GPtrArray of strings a message, in MIDS'
 * order; caller frees).  Returns 0, or -1 (*TERMS NULL) when a message is
 * not there or the index cannot be read (xapian-count.h lu_xcount_terms).
 * Prints nothing. */
int lu_db_terms(struct lu_db *db, GPtrArray *mids, const char *prefix, GPtrArray **terms);
/* Set from LEADUP_DEBUG_NO_BASE: lu_db_base and lu_db_since answer
 * nothing (a test compares the senders' histories counted afresh). */
extern bool lu_debug_no_base;
/* How many messages of one second a thread's order read what they answer
 * of from notmuch's reference terms, and from their files
 * (LEADUP_DEBUG_COUNTS). */
extern guint64 lu_refs_by_terms, lu_refs_by_files;
/* Set from LEADUP_DEBUG_NO_REFTERMS: every message of one second is read
 * from its file (compares the two ways). */
extern bool lu_debug_no_refterms;
/* How many messages the last walk of every thread counted dated from 1970
 * to --now's year ahead, before it read a thread (-1: no such walk). */
gint64 lu_db_dated(const struct lu_db *db);
/* What lu_db_dated gives from now on: the dated messages of a walk that
 * was not planned in this run (scan.c's replay of the kept walk). */
void lu_db_set_dated(struct lu_db *db, gint64 n);
/* The id notmuch keeps MID under, as libnotmuch looks it up (an id too
 * long for its index is stored as "notmuch-sha1-..."), into *ID (caller
 * frees), NULL when no message has it.  Returns 0 or a status (printed):
 * a lookup that fails is not a message that is gone. */
int lu_db_find_mid(struct lu_db *db, const char *mid, char **id);
/* lu_db_find_mid, and with TID (may be NULL) the message's thread id into
 * *TID (caller frees), NULL when the message is a ghost (a message only
 * referred to, which no `id:` query finds) or not there: one look-up. */
int lu_db_find_thread(struct lu_db *db, const char *mid, char **id, char **tid);
/* The messages of thread TID added to OUT (struct lu_msg, the thread's
 * order as lu_db_each_thread gives it; none: the thread is gone), read
 * with one query, as a walk reads a thread whose id it holds.  Returns 0
 * or a status (printed). */
int lu_db_thread_read(struct lu_db *db, const char *tid, GPtrArray *out);
/* Quotes S as one notmuch query term: "..." with inner quotes doubled. Caller frees. */
char *lu_db_quote(const char *s);

struct lu_tagop {
    char *mid;
    char *tag;
    bool add;
};
/* Applies OPS (struct lu_tagop) in one atomic section.  *BEFORE and *AFTER
 * get the revision just before and after our writes.  Returns 0 or an error. */
int lu_db_apply(struct lu_db *db, GArray *ops, gint64 *before, gint64 *after);

/* ------------------------------------------------------------------ store.c */

struct lu_store; /* leadup's state database */

/* Opens (creating and migrating) $XDG_DATA_HOME/leadup/state.db. */
int lu_store_open(struct lu_store **out);
void lu_store_close(struct lu_store *s);
/* For a command that reads what it shows once (queue, report): sqlite's
 * page cache made small, so that the pages read reuse a few buffers
 * instead of each taking fresh memory (a page fault each: a fifth of a
 * 15,000-line report).  The scan keeps the larger cache it rereads. */
int lu_store_read_once(struct lu_store *s);
int lu_store_begin(struct lu_store *s);
int lu_store_commit(struct lu_store *s);
void lu_store_rollback(struct lu_store *s);
/* A meta value into *OUT (caller frees), NULL when unset.  Like every read
 * here, returns an error (printed) when the database cannot be read:
 * EX_DATAERR when it is damaged, never "no rows". */
int lu_store_get(struct lu_store *s, const char *key, char **out);
/* *SAME: nothing changed in the notmuch database (UUID, revision REV) since
 * the last scan wrote its tags and items, and no decision waits for its
 * tags: the stored items are exactly what the tags say. */
int lu_store_in_step(struct lu_store *s, const char *uuid, gint64 rev, bool *same);
int lu_store_set(struct lu_store *s, const char *key, const char *value);

/* A thread's state as the last scan decided it, keyed by its anchor. */
struct lu_item {
    char *mid;       /* the anchor message */
    char *thread_id; /* notmuch thread id at the time */
    enum lu_state state;
    struct lu_sched sched;
    gint64 since, updated;
    char *subject, *who, *norm_subject;
    char *why;     /* the verdict's evidence, one line each */
    bool untagged; /* its anchor lacks the state's tag: left for lu_scan_write_lazy */
};
void lu_item_free(struct lu_item *it);
/* Whether IT is due at NOW: the scan said so, or its due date has come.
 * The one definition: the store's counts use it too. */
bool lu_item_due(const struct lu_item *it, gint64 now);
/* When IT falls due as a listing orders it: its due date, else since. */
gint64 lu_item_when(const struct lu_item *it);
/* Replaces the items anchored on any of MIDS (char*) by IT (NULL: none). */
int lu_store_put_thread(struct lu_store *s, GPtrArray *mids, const struct lu_item *it);
/* A decided thread's part of the state, as a scan plans it: the items
 * anchored on any of its messages go, and its item (if any) comes. */
struct lu_thread_plan {
    GPtrArray *mids;      /* char*: every message of the thread (owned) */
    struct lu_item *item; /* owned; NULL: the thread has no state */
};
void lu_thread_plan_free(struct lu_thread_plan *p);
/* Stages PLANS (struct lu_thread_plan*, in order) in a table of this
 * connection's own, on disk past sqlite's page cache, so that a scan of
 * every thread holds a batch of plans at a time, not the mailbox's (issue
 * 14).  Takes no lock on the state.  lu_store_put_staged writes what was
 * staged, in the order staged, in the caller's transaction: as
 * lu_store_put_thread of each plan; it stays staged for
 * lu_store_prune_absent. */
int lu_store_stage(struct lu_store *s, GPtrArray *plans);
int lu_store_put_staged(struct lu_store *s);
/* The item anchored on MID; *OUT is NULL when there is none. */
int lu_store_item(struct lu_store *s, const char *mid, struct lu_item **out);
/* Items in STATE (-1: every state), oldest first, as a listing shows
 * them: without why and norm_subject (NULL) and updated (0), so that one
 * index holds all that is read.  GPtrArray of struct lu_item*. */
int lu_store_items(struct lu_store *s, int state, GPtrArray **out);
/* Called with each item lu_store_items would list, in its order, one at a
 * time: EACH owns IT (lu_item_free); a nonzero return stops the listing
 * and is returned. */
typedef int (*lu_item_fn)(struct lu_item *it, void *data);
int lu_store_items_each(struct lu_store *s, int state, lu_item_fn each, void *data);
/* How many items STATE holds, their tags written or not (item_counts; no
 * item row read). */
int lu_store_item_count(struct lu_store *s, int state, unsigned *n);
/* Which items lu_store_items_filtered reads. */
struct lu_item_filter {
    unsigned states;         /* 1 << state for every state wanted */
    gint64 now;              /* for lu_item_due */
    gint64 due_before;       /* > 0: only items due at NOW or whose due date is before this */
    gint64 due_from, due_to; /* due_to > 0: only due dates in [due_from, due_to) */
    int limit;               /* > 0: only the first LIMIT in the order asked */
    bool by_due;             /* the order: when each falls due (lu_item_when), not since */
};
/* The items F names (GPtrArray of struct lu_item*, caller frees), as
 * lu_store_items reads them: oldest first (since, Message-ID), or by when
 * each falls due, ties oldest first.  *MATCHED (unless NULL) counts every
 * item F names, LIMIT or not: then every one is read (by due date always),
 * and only those listed become items. */
int lu_store_items_filtered(struct lu_store *s, const struct lu_item_filter *f, GPtrArray **out,
                            unsigned *matched);
/* Thread ids of items whose next_check is at or before NOW. */
int lu_store_threads_to_check(struct lu_store *s, gint64 now, GPtrArray **out);
/* The anchors of the items in STATE and their thread ids, in two parallel
 * arrays of char* (caller frees both). */
int lu_store_anchors(struct lu_store *s, int state, GPtrArray **mids, GPtrArray **threads);
/* The anchors of at most four items in STATE, any four (char*, caller
 * frees the array). */
int lu_store_some_anchors(struct lu_store *s, int state, GPtrArray **out);
/* Whether the analysis cache holds no row at all (*EMPTY). */
int lu_store_analysis_empty(struct lu_store *s, bool *empty);
/* The analysis cache (msgcache.c's records): the row of message MID
 * whose file identity is FILE and analyser ANALYSER into *HEADERS, *BODY
 * and *SENSE, its texts' analyses (owned by the caller; NULL: none, or the
 * row is stale; SENSE may be NULL: not read). */
int lu_store_analysis_get(struct lu_store *s, const char *mid, const char *file,
                          const char *analyser, GBytes **headers, GBytes **body, GBytes **sense);
/* Stores the row of MID (SENSE may be NULL: none kept). */
int lu_store_analysis_put(struct lu_store *s, const char *mid, const char *file,
                          const char *analyser, GBytes *headers, GBytes *body, GBytes *sense);
/* Replaces the analyses of MID's row, when it is still that of FILE and
 * ANALYSER (a row gone or made again meanwhile is left alone). */
int lu_store_analysis_sense(struct lu_store *s, const char *mid, const char *file,
                            const char *analyser, GBytes *sense);
/* Forgets the rows another analyser than ANALYSER wrote. */
int lu_store_analysis_prune(struct lu_store *s, const char *analyser);
/* A sender's history (scan.c sender_history): how many of their messages
 * the index holds, and of mine to them; -2 not counted yet, -1 not
 * countable. */
struct lu_history {
    int sent, answered;
};
/* The senders' histories a full scan kept for the index KEY names into
 * *OUT (lower-case address -> struct lu_history*; caller destroys), or
 * NULL when they were counted in another (or none are kept). */
int lu_store_senders_read(struct lu_store *s, const char *key, GHashTable **out);
/* The kept history of the lower-case address ADDR into *OUT, whatever
 * index it was counted in (the caller knows: meta "senders_base"); -2
 * each when none is kept. */
int lu_store_sender_get(struct lu_store *s, const char *addr, struct lu_history *out);
/* Whether any kept history counts mail of mine to its sender (answered > 0)
 * into *ANY.  Returns 0 or a status (printed). */
int lu_store_senders_answered(struct lu_store *s, bool *any);
/* Keeps SENDERS' counts (as lu_store_senders_read gives them) for the
 * index KEY names, in place of those kept; KEY NULL: keeps none. */
int lu_store_senders_write(struct lu_store *s, const char *key, GHashTable *senders);
/* Replaces the counts of the kept histories SENDERS holds (the same
 * kind), the others and their key left as they are. */
int lu_store_senders_update(struct lu_store *s, GHashTable *senders);
/* The last full walk kept (schema 12; scan.c walk_keep): TIDS[i] and
 * its messages MSGS[i] (GBytes, scan.c's record) appended, in order, to
 * this run's record (a TEMP table; nothing is kept until
 * lu_store_walk_keep). */
int lu_store_walk_add(struct lu_store *s, GPtrArray *tids, GPtrArray *msgs);
/* In the caller's transaction: this run's record kept under KEY (meta
 * "walked") in place of the last; KEY NULL: none kept. */
int lu_store_walk_keep(struct lu_store *s, const char *key);
/* Each kept thread, in the walk's order, to FN (its id and record, both
 * FN's to read only); FN's non-zero status stops and is returned. */
typedef int (*lu_walked_fn)(const char *tid, GBytes *msgs, void *data);
int lu_store_walk_each(struct lu_store *s, lu_walked_fn fn, void *data);
/* Thread ids of the items a reply that broke threading can change
 * (awaiting, needs-reply, bounced, dormant, snoozed) whose normalised
 * subject is NORM. */
int lu_store_threads_by_subject(struct lu_store *s, const char *norm, GPtrArray **out);
/* How many items each state has, and how many are due at NOW. */
int lu_store_count_items(struct lu_store *s, gint64 now, unsigned counts[LU_ST_COUNT],
                         unsigned due[LU_ST_COUNT]);
/* Remembers a delivery failure (BOUNCE->bounced_mid is the message it
 * reports on). */
int lu_store_add_bounce(struct lu_store *s, const struct lu_msg *bounce);
/* Every delivery failure remembered: a table from the bounced Message-ID
 * to a GPtrArray of light struct lu_msg* (mid, date, from, bounced_mid,
 * autokind).  Caller destroys the table. */
int lu_store_bounces(struct lu_store *s, GHashTable **out);
/* The delivery failures reported on the messages MIDS (char*), added to
 * TABLE (a table as lu_store_bounces makes). */
int lu_store_bounces_of(struct lu_store *s, GPtrArray *mids, GHashTable *table);
/* After a full scan: forgets the rows of the analysis cache and the
 * delivery failures of messages the scan did not stage (lu_store_stage:
 * every message notmuch has); *PRUNED: how many.  The mail gives
 * them back if it comes back.  Never a decision: a decision is the one
 * thing no scan can make again, and the message it was taken on may come
 * back (a restored backup, a folder synced again, a file moved between
 * two runs of notmuch new), when the decision applies again. */
int lu_store_prune_absent(struct lu_store *s, unsigned *pruned);
/* Forgets items not updated since BEFORE (after a full scan), and counts
 * the rest by state again. */
int lu_store_forget_before(struct lu_store *s, gint64 before);
/* The items of each state whose anchors carry the state's tag (all but
 * those lu_store_untagged lists), as triggers keep them (no item row read). */
int lu_store_state_counts(struct lu_store *s, unsigned counts[LU_ST_COUNT]);
/* The anchors of the items stored untagged (struct lu_item's untagged) and
 * their states' names, in two parallel arrays of char* (caller frees both). */
int lu_store_untagged(struct lu_store *s, GPtrArray **mids, GPtrArray **states);
/* MID's item carries its tag now. */
int lu_store_set_tagged(struct lu_store *s, const char *mid);

/* Stores D as pending (sets D->id and D->pending), unless the latest
 * decision on any of MIDS (char*: the thread's messages) is the same one
 * (same message, kind and arguments): then *REPEAT is set, D->id and
 * D->pending are that decision's and nothing is stored. */
int lu_store_add_decision(struct lu_store *s, GPtrArray *mids, struct lu_decision *d, bool *repeat);
/* Clears the pending mark of the decisions IDS (gint64; may be NULL):
 * their tags are written. */
int lu_store_decisions_applied(struct lu_store *s, GArray *ids);
/* Forgets the decision with id ID (leadup undo); none is not an error.
 * With REDECIDE, the same transaction marks the decision's thread (by its
 * Message-ID) to decide again, *REDECIDE the mark's id (0: none made),
 * for lu_store_redecided once the thread's tags are written: a kill or a
 * failure before leaves the thread to the next scan. */
int lu_store_remove_decision(struct lu_store *s, gint64 id, gint64 *redecide);
/* The threads marked to decide again: the marks' ids (gint64) in *IDS and
 * their Message-IDs (char*) in *MIDS, parallel, oldest first (caller frees
 * both, set even on failure). */
int lu_store_redecide(struct lu_store *s, GArray **ids, GPtrArray **mids);
/* Clears the marks IDS (gint64; may be NULL): their threads' tags are
 * written. */
int lu_store_redecided(struct lu_store *s, GArray *ids);
/* Every decision: a table from Message-ID to a GPtrArray of struct
 * lu_decision*, oldest first (caller destroys the table).  A damaged row
 * (no message id, no known kind) is left out with a warning. */
int lu_store_decisions(struct lu_store *s, GHashTable **out);
/* The same, of the decisions whose tags are not written yet (pending). */
int lu_store_decisions_pending(struct lu_store *s, GHashTable **out);
/* The decisions on the messages MIDS (char*), each message's oldest first,
 * added to TABLE (a table as lu_store_decisions makes). */
int lu_store_decisions_of(struct lu_store *s, GPtrArray *mids, GHashTable *table);
/* The last decision stored on message MID (NULL: on any message) into
 * *OUT (caller frees with lu_decision_free), NULL when there is none. */
int lu_store_last_decision(struct lu_store *s, const char *mid, struct lu_decision **out);

/* ------------------------------------------------------------------ muttrc.c */

/* A helper call from a client macro (--muttrc FILE) always exits 0 and
 * leaves FILE for the client to `source`: fixed commands, paths leadup was
 * given and leadup's own words, every argument single-quoted, never
 * anything read from a message (doc/mutt.md). */

/* S in single quotes for a muttrc line, or NULL when S holds a quote, a
 * control character or invalid UTF-8.  Caller frees. */
char *lu_muttrc_quote(const char *s);
/* The file's text: a comment, LINES (muttrc commands built from fixed
 * text and lu_muttrc_quote'd values, or NULL), then `echo 'MESSAGE'`
 * (MESSAGE: leadup's own words; quotes and control characters become
 * spaces; NULL: no echo).  Caller frees. */
char *lu_muttrc_text(const char *lines, const char *message);
/* Writes lu_muttrc_text(LINES, MESSAGE) to PATH atomically (mode 0600,
 * parent directories created).  Returns 0 or an error code (printed). */
int lu_write_muttrc(const char *path, const char *lines, const char *message);
/* The lines that open the compose screen on the one draft in the maildir
 * DRAFTBOX: save $postponed, point it at DRAFTBOX, push <recall-message>
 * and the restore of $postponed.  NULL when DRAFTBOX cannot be quoted.
 * Caller frees. */
char *lu_muttrc_recall(const char *draftbox);
/* The fixed line the client shows when a command failed with CODE (its
 * details went to stderr), or NULL for 0.  Static. */
const char *lu_muttrc_failure(int code);

/* ------------------------------------------------------------------ datetag.c */

/* The date a queue item shows in the client's index (doc/mutt.md, "What
 * the index shows of a queue"): as a tag on the anchor for NeoMutt, as
 * X-Label in leadup's copy in a queue maildir for Mutt. */
#define LU_DATE_TAG_DUE   LU_TAG_PREFIX "due/"
#define LU_DATE_TAG_WAKES LU_TAG_PREFIX "wakes/"
/* The days around today lu_date_hooks always names. */
#define LU_DATE_HOOKS_BEFORE 7
#define LU_DATE_HOOKS_AFTER  200
/* The time the index shows for a thread in STATE: a snoozed thread's
 * wake-up (NEXT_CHECK, *WAKES set), else its due date DUE_AT; 0 for none. */
gint64 lu_index_date(enum lu_state state, gint64 due_at, gint64 next_check, bool *wakes);
/* Its tag, the day in TZ: "leadup/due/2026-12-04", "leadup/wakes/...", or
 * NULL when the thread has no such date.  Caller frees. */
char *lu_date_tag(enum lu_state state, gint64 due_at, gint64 next_check, GTimeZone *tz);
/* Its words for the index, "due Fri 4 Dec" or "wakes Fri 4 Dec" (the year
 * instead of the weekday when the day is more than 180 days from NOW), or
 * NULL.  Caller frees. */
char *lu_date_label(enum lu_state state, gint64 due_at, gint64 next_check, gint64 now,
                    GTimeZone *tz);
/* NeoMutt's `index-format-hook leadup_date` lines (%@leadup_date@) giving
 * every date tag its words: the days of DATES (gint64 times, may be NULL)
 * and every day from LU_DATE_HOOKS_BEFORE days before NOW to
 * LU_DATE_HOOKS_AFTER after it.  Only leadup's own words.  Caller frees. */
char *lu_date_hooks(const GArray *dates, gint64 now, GTimeZone *tz);
/* The message TEXT (LEN bytes) with "X-Label: LABEL" as its last header
 * line (the line ending the header uses), for leadup's copy in a Mutt
 * queue maildir; *OUT_LEN its length.  LABEL: leadup's own words.  Caller
 * frees. */
char *lu_date_labelled(const char *text, gsize len, const char *label, gsize *out_len);

/* ================================================================== the scan and the commands */

/* ------------------------------------------------------------------ scan.c */

struct lu_scan_opts {
    bool full;     /* every thread, not only the changed ones */
    bool progress; /* show progress on stderr */
    int jobs;      /* threads that read and analyse a full walk's messages (lu_jobs) */
};
struct lu_scan_stats {
    unsigned threads, added, removed;
    unsigned parsed;  /* message files GMime parsed */
    unsigned cached;  /* messages whose headers came from the analysis cache */
    unsigned pruned;  /* a full scan: rows of messages notmuch no longer has */
    unsigned workers; /* worker threads that read ahead (0: none, everything on one) */
    unsigned ahead;   /* messages they read or analysed ahead ... */
    unsigned unused;  /* ... that the rules never asked for */
    unsigned states[LU_ST_COUNT];
    double seconds;
    bool nothing_changed; /* the index had not changed: no thread read */
};
/* ------------------------------------------------------------------ workers.c */

/* A job for the worker threads: embed it first in the job's struct. */
struct lu_work {
    bool done; /* set by the pool under its lock: read it only through lu_workers_wait */
};
typedef void (*lu_work_fn)(struct lu_work *job, void *data);
struct lu_workers;
#define LU_JOBS_MAX 64
/* Starts N threads that run FN(job, DATA) for each job pushed, in the
 * order pushed.  *OUT is the caller's (lu_workers_free); EX_OSERR when the
 * threads cannot start (a warning printed: the caller goes on alone). */
int lu_workers_new(int n, lu_work_fn fn, void *data, struct lu_workers **out);
/* Queues JOB (the caller's; it must live until waited for). */
void lu_workers_push(struct lu_workers *w, struct lu_work *job);
/* Returns once JOB has run: what FN wrote is then the caller's to read. */
void lu_workers_wait(struct lu_workers *w, struct lu_work *job);
/* Waits for every job pushed, then stops the threads.  NULL is fine. */
void lu_workers_free(struct lu_workers *w);
/* The number of threads a scan uses into *OUT: GIVEN (--jobs, checked by
 * the caller) when not 0, else LEADUP_JOBS, else the online CPUs (at most
 * LU_JOBS_MAX); 1 is everything on one thread.  EX_USAGE (printed) for a
 * LEADUP_JOBS out of 1..LU_JOBS_MAX. */
int lu_jobs(int given, int *out);

/* 0 when CTX knows who I am (an address or a domain), else EX_CONFIG
 * with the line saying how to set it.  Nothing may write tags without. */
int lu_need_identity(struct lu_ctx *ctx);
/* Brings the leadup/... tags and the state database up to date. */
int lu_scan(struct lu_ctx *ctx, const struct lu_scan_opts *o, struct lu_scan_stats *st);
/* Writes the tags the scan left unwritten (lu_state_lazy: leadup/dormant)
 * on the anchors stored untagged since the last time, and forgets the
 * items whose anchors are gone; *WRITTEN: the tags added.  Nothing to
 * write opens no notmuch.  Needs notmuch's write lock (EX_TEMPFAIL). */
int lu_scan_write_lazy(struct lu_ctx *ctx, unsigned *written);
/* One thread read and decided exactly as the scan decides it. */
struct lu_thread_view {
    struct lu_db *db;       /* the read-only database handle (owned) */
    struct lu_store *store; /* the state database (owned) */
    char *mid;              /* the message asked about */
    GPtrArray *msgs;        /* struct lu_msg*, oldest first, headers read (owned) */
    GPtrArray *elsewhere;   /* messages elsewhere that bear on it, or NULL (owned) */
    GPtrArray *decisions;   /* its decisions, oldest first (owned through table) */
    GHashTable *table;      /* the decisions read (its messages'), owning them */
    struct lu_verdict v;
    int target;      /* index of the message asked about */
    gint64 redecide; /* the undo's mark to clear once the tags are written, or 0 */
};
/* Opens the databases and reads and decides the thread of the message ID
 * names ("id:MSGID"), of the latest message matching ID when it is another
 * notmuch query naming exactly one thread ("thread:ID"; several threads:
 * EX_USAGE), or of the message on standard input when ID is NULL.
 * EX_NOINPUT when it is not in the database.  Clear OUT in every case. */
int lu_thread_view(struct lu_ctx *ctx, const char *id, struct lu_thread_view *out);
void lu_thread_view_clear(struct lu_thread_view *tv);
/* Reads the headers of every message of TV the decision left unread (a
 * thread decided from the index alone), from the analysis cache where it
 * holds the same file, else from the file. */
void lu_thread_view_read_all(struct lu_ctx *ctx, struct lu_thread_view *tv);
/* The Message-ID a command acts on: ARG "id:MSGID", or NULL for a message
 * piped in on standard input.  *MID is the caller's to free. */
int lu_target_mid(const char *arg, char **mid);
/* TV decided as if decision D (not stored) were taken now, into OUT
 * (cleared by the caller with lu_verdict_clear); nothing is written. */
void lu_thread_view_trial(struct lu_ctx *ctx, struct lu_thread_view *tv, struct lu_decision *d,
                          struct lu_verdict *out);
/* Decides TV again with the decisions now stored and writes its tags and
 * state at once (after the user took a decision). */
int lu_thread_view_commit(struct lu_ctx *ctx, struct lu_thread_view *tv);

/* Reads and analyses M's body (sets m->body and m->an): the same analysis
 * the scan, classify, why and draft use. */
void lu_msg_analyse(const struct lu_config *cfg, struct lu_msg *m);
/* Texts lu_msg_analyse analysed on this thread: LEADUP_DEBUG_COUNTS prints
 * the main thread's, which a full scan's workers keep at 0 (t147). */
extern _Thread_local guint64 lu_analyses;
/* Texts lu_msg_analyse found analysed in the cache on this thread (and
 * did not analyse), for a debugger or a profile: nothing prints it (the
 * counts print what was analysed). */
extern _Thread_local guint64 lu_senses_found;
/* Reads M's body only (sets m->body), unless it is read. */
void lu_msg_read_body(struct lu_msg *m);
/* The writer's clock for M: its date in the user's zone when the offsets
 * agree, else in the Date header's own offset.  New reference. */
GDateTime *lu_msg_local_date(const struct lu_config *cfg, const struct lu_msg *m);

/* ------------------------------------------------------------------ commands (leadup.c, cmd-*.c) */

/* The commands: each returns 0 or a <sysexits.h> code; one run from a
 * client macro (--muttrc) leaves its answer in ctx->answer for main().
 * Their option tables (parse-options.c), which leadup.c's help shows. */
extern const struct lu_option lu_scan_options[], lu_queue_options[], lu_classify_options[],
    lu_lint_options[], lu_why_options[], lu_report_options[], lu_draft_options[],
    lu_setup_options[];
/* snooze and remind; done, reopen and mute; next-step; undo (cmd-decide.c). */
extern const struct lu_option lu_snooze_options[], lu_done_options[], lu_next_step_options[],
    lu_undo_options[];
int lu_cmd_scan(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_queue(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_classify(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_lint(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_help(struct lu_ctx *ctx, int argc, char **argv);
/* snooze, done, reopen, remind, next-step, mute: the decision ARGV[0] names
 * (the command's name is the decision's, lu_decision_name). */
int lu_cmd_decide(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_undo(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_why(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_report(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_draft(struct lu_ctx *ctx, int argc, char **argv);
int lu_cmd_setup(struct lu_ctx *ctx, int argc, char **argv);

#endif
