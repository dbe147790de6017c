/* sense.h - the sentence analysis's own header: the types, enums, macros
 * and constants that the sources of the sentence analysis read
 * (SENSE_SRCS in the Makefile), and the API of its modules that are
 * analysis alone (lang.c, cue.c, cal.c, dates.c, features.c, sentence.c,
 * classify.c).
 *
 * The analysis cache keys each text's analysis by the digest of
 * SENSE_SRCS (lu_sense_analyser), which lists this header and not
 * leadup.h: a change here analyses every kept text again at the next
 * scan, one to leadup.h does not.  So a name the analysis reads that
 * could change an analysis (a label's bit, a cue's kind, a date word's
 * flag, a struct the analysis fills or the cache's record holds) is
 * declared here; scripts/sense-guard (t345) fails on any that leadup.h
 * itself defines.  A function's prototype may stay in leadup.h: its
 * behaviour is in its .c file, which the digest lists when it is
 * analysis.  Included by leadup.h, in the same order of layers; include
 * leadup.h, not this. */
#ifndef LU_SENSE_H
#define LU_SENSE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ util.c */

/* Calls FREE_FN on each of P[0..N) that is not NULL, in order: a free
 * function's members of one kind in one line, through LU_FREE_EACH(FREE_FN,
 * a, b, ...), e.g. LU_FREE_EACH(g_free, x->name, x->email, x).  The
 * pointers are read once, before any is freed. */
void lu_free_each(GDestroyNotify free_fn, gpointer const *p, size_t n);
#define LU_FREE_EACH(free_fn, ...)                                                                 \
    lu_free_each((GDestroyNotify)(free_fn), (gpointer[]){__VA_ARGS__},                             \
                 sizeof((gpointer[]){__VA_ARGS__}) / sizeof(gpointer))
/* FNV-1a (64 bits) over N bytes of P, from H (LU_FNV64_INIT to start): a
 * fast hash for filters, keys and orders, not a digest. */
#define LU_FNV64_INIT 14695981039346656037u
guint64 lu_fnv64(guint64 h, const void *p, gsize n);
/* FNV-1a (32 bits) over N bytes of P, from H (LU_FNV32_INIT to start):
 * the learned models' feature buckets (features.c, msgmodel.c) and the
 * vote's word table (classify.c).  Inline: it runs for every word. */
#define LU_FNV32_INIT  2166136261u
#define LU_FNV32_PRIME 16777619u
static inline guint32 lu_fnv32(guint32 h, const void *p, gsize n)
{
    const guint8 *b = p;

    for (gsize i = 0; i < n; i++)
        h = (h ^ b[i]) * LU_FNV32_PRIME;
    return h;
}
/* How far after --now a message's Date may lie before it is read as wrong. */
#define LU_DATE_AHEAD (366 * (gint64)86400)

/* ------------------------------------------------------------------ lang.c */

/* The languages leadup reads and writes drafts in.  Each has one language
 * pack, helper/lang-CODE.c, holding every word list and phrase cue of that
 * language (DEVELOPERS.md "Adding a language"). */
enum lu_lang { LU_LANG_EN, LU_LANG_DE, LU_LANG_FR, LU_LANG_ES, LU_LANG_IT, LU_LANG_N };

/* A word the date matcher knows (dates.c): lower case, what it means, and
 * LU_DW_* flags.  The same word in two packs is one word with both meanings. */
struct lu_date_word {
    const char *s;
    unsigned char month, wday, num, ord, unit, rel, tw;
    unsigned char hol;    /* LU_DH_*: which holiday it names */
    unsigned char mday;   /* an ordinal word's day of the month ("third" 3, "twentieth" 20);
                           with LU_DG_TENS the tens before "-first" ... "-ninth" */
    unsigned f;           /* LU_DW_* */
    unsigned g;           /* LU_DG_*: the word's part in a holiday phrase */
    unsigned char season; /* LU_DS_*: the season it names ("summer", "Herbst") */
};
/* The seasons (struct lu_date_word's season): meteorological, of the
 * northern hemisphere (dates.c season_days; doc/dates.md). */
enum { LU_DS_NONE, LU_DS_SPRING, LU_DS_SUMMER, LU_DS_AUTUMN, LU_DS_WINTER };
/* Date word flags (the matcher's grammar; doc/dates.md). */
enum {
    LU_DW_ABBR = 1u << 0,   /* abbreviation: may take a trailing '.' */
    LU_DW_RISKY = 1u << 1,  /* also an ordinary word ("may", "sat"): needs a capital and context */
    LU_DW_PREP = 1u << 2,   /* "on", "by", "until": part of the phrase when a date follows */
    LU_DW_AT = 1u << 3,     /* "at", "um", "à": before a time */
    LU_DW_THIS = 1u << 4,   /* "this", "diese", "ce", "este" */
    LU_DW_NEXT = 1u << 5,   /* "next", "nächste", "prochain", "próximo" */
    LU_DW_PREV = 1u << 6,   /* "last", "letzte", "dernier", "pasado" */
    LU_DW_COMING = 1u << 7, /* "coming", "kommende" */
    LU_DW_IN = 1u << 8,     /* "in", "within", "dans", "en" */
    LU_DW_OF = 1u << 9,     /* "of", "de", "du", "des", "del" */
    LU_DW_THE = 1u << 10,   /* articles */
    LU_DW_AND = 1u << 11,   /* "and", "und", "et", "y" */
    LU_DW_TO = 1u << 12,    /* "to", "through", "bis", "au", "al" */
    LU_DW_FROM = 1u << 13,  /* "from", "von", "du", "del", "desde" */
    LU_DW_BETWEEN = 1u << 14,  /* "between", "zwischen", "entre" */
    LU_DW_AM = 1u << 15,       /* "am" (also German "am" = on the) */
    LU_DW_PM = 1u << 16,       /* "pm" */
    LU_DW_END = 1u << 17,      /* "end", "Ende", "fin", "finales" */
    LU_DW_EARLY = 1u << 18,    /* "early", "beginning", "start", "Anfang", "début" */
    LU_DW_MID = 1u << 19,      /* "mid", "middle", "Mitte", "mi", "mediados" */
    LU_DW_LATE = 1u << 20,     /* "late" */
    LU_DW_ORDSUF = 1u << 21,   /* "st", "nd", "rd", "th", "er" after a day number */
    LU_DW_AGO = 1u << 22,      /* "ago" */
    LU_DW_UHR = 1u << 23,      /* "Uhr", "h", "heures": after an hour */
    LU_DW_FOLLOW = 1u << 24,   /* may follow a bare hour ("at 10 tomorrow", "at 10 sharp") */
    LU_DW_GUARD = 1u << 25,    /* may stand before a bare month name ("in December") */
    LU_DW_ZONE = 1u << 26,     /* a time zone abbreviation after a time, ignored */
    LU_DW_POSTNEXT = 1u << 27, /* "prochain", "que viene": NEXT written after the noun */
    LU_DW_BIZ = 1u << 28,      /* "business", "working": before "days" */
    LU_DW_HOL = 1u << 29,      /* "holidays", "Christmas", "Feiertagen", "fêtes" */
    LU_DW_PL = 1u << 30,       /* a plural unit ("weeks"): never "next weeks" */
    LU_DW_OR = 1u << 31,       /* "or", "oder" between two counts: "in 2 or 3 days" */
};
/* Date word units, relative days and times of day. */
enum {
    LU_DU_NONE,
    LU_DU_MIN,
    LU_DU_HOUR,
    LU_DU_DAY,
    LU_DU_WEEK,
    LU_DU_MONTH,
    LU_DU_YEAR,
    LU_DU_BDAY,
    LU_DU_FORTNIGHT,
    LU_DU_WEEKEND,
    LU_DU_QUARTER
};
enum {
    LU_DR_NONE,
    LU_DR_TODAY,
    LU_DR_TOMORROW,
    LU_DR_YESTERDAY,
    LU_DR_TONIGHT,
    LU_DR_DAYAFTER,
    LU_DR_EOW,
    LU_DR_EOM,
    LU_DR_EOQ, /* end of quarter: its last business day */
    LU_DR_EOY, /* end of year */
    LU_DR_MTD, /* month to date: from the 1st to today, a period of the past */
    LU_DR_QTD, /* quarter to date */
    LU_DR_YTD  /* year to date */
};
enum {
    LU_DT_NONE,
    LU_DT_NOON,
    LU_DT_MIDNIGHT,
    LU_DT_EOD,
    LU_DT_MORNING,
    LU_DT_AFTERNOON,
    LU_DT_EVENING,
    LU_DT_NIGHT
};
#define LU_DW_ORD_LAST 9
/* Holidays ("after Christmas"): the holidays (Christmas to 6 January),
 * Christmas, New Year's Day, New Year's Eve (only "before" it), the two
 * words of "New Year", "nouvel an", "año nuevo", and the movable feasts
 * business mail dates by: Thanksgiving (the fourth Thursday of November)
 * and Easter Sunday. */
enum {
    LU_DH_NONE,
    LU_DH_HOLS,
    LU_DH_XMAS,
    LU_DH_NEWYEAR,
    LU_DH_NYE,
    LU_DH_NEW,
    LU_DH_YEAR,
    LU_DH_THANKS,
    LU_DH_EASTER
};
/* The named days (LU_DP_NAMED_DAY's N). */
enum {
    LU_DN_NEWYEAR = 1, /* 1 January */
    LU_DN_NYE,         /* 31 December */
    LU_DN_XMAS,        /* 25 December */
    LU_DN_XMAS_EVE,    /* 24 December */
    LU_DN_JULY4,       /* 4 July */
    LU_DN_TAX,         /* 15 April, the United States' tax day */
    LU_DN_EASTER,      /* Easter Sunday */
    LU_DN_EASTER_MON,  /* Easter Monday */
    LU_DN_GOOD_FRI,    /* Good Friday */
    LU_DN_THANKS,      /* Thanksgiving Day: the fourth Thursday of November */
    LU_DN_LABOR,       /* Labor Day: the first Monday of September */
    LU_DN_MEMORIAL,    /* Memorial Day: the last Monday of May */
    LU_DN_BOXING,      /* Boxing Day: 26 December */
    LU_DN_VALENTINE,   /* Valentine's Day: 14 February */
    LU_DN_VETERANS,    /* Veterans Day: 11 November */
    LU_DN_MLK,         /* Martin Luther King Jr. Day: the third Monday of January */
    LU_DN_PRESIDENTS,  /* Presidents' Day: the third Monday of February */
    LU_DN_COLUMBUS,    /* Columbus Day: the second Monday of October */
    LU_DN_BLACK_FRI,   /* Black Friday: the day after Thanksgiving */
    LU_DN_CYBER_MON,   /* Cyber Monday: the Monday after Thanksgiving */
};
/* A word's part in a holiday phrase. */
enum {
    LU_DG_BEFORE = 1u << 0,    /* "before", "vor", "avant", "antes", "prima" */
    LU_DG_AFTER = 1u << 1,     /* "after", "nach", "après", "después", "dopo" */
    LU_DG_OF = 1u << 2,        /* takes an "of" word after it: "antes de", "prima di" */
    LU_DG_AGOPRE = 1u << 3,    /* "vor", "hace": "ago" written before the count */
    LU_DG_INOF = 1u << 4,      /* "de", "von" after "in": "dentro de", "innerhalb von" */
    LU_DG_BIZPOST = 1u << 5,   /* "ouvrés", "hábiles": "business" written after the unit */
    LU_DG_WKND1 = 1u << 6,     /* "fin", "fine" before ... */
    LU_DG_WKND2 = 1u << 7,     /* ... "semana", "settimana": the weekend, not the week's end */
    LU_DG_PREONLY = 1u << 8,   /* "last", "past": PREV only before the noun */
    LU_DG_NEXT1 = 1u << 9,     /* "que" before ... */
    LU_DG_NEXT2 = 1u << 10,    /* ... "viene": NEXT after the noun */
    LU_DG_STRICT = 1u << 11,   /* also an English word ("fine"): a part of a month or week
                              * only before an "of" word, a unit or a lower-case month */
    LU_DG_PART = 1u << 12,     /* "part" in "the first (latter, early) part of May" */
    LU_DG_NEEDPART = 1u << 13, /* "latter": a part of a month or week only before "part" */
    LU_DG_HALF = 1u << 14,     /* "half" in "the first half of 2002" */
    LU_DG_QLETTER = 1u << 15,  /* "Q" in "Q3 2001", "1Q27" */
    LU_DG_HLETTER = 1u << 16,  /* "H" in "H2 2027": a half of the year */
    LU_DG_TENS = 1u << 17,     /* "twenty", "thirty" before "-first": an ordinal day's tens */
    LU_DG_WC = 1u << 18,       /* "w" of "w/c": the week commencing */
    LU_DG_14DAYS = 1u << 19,   /* "quinze" (jours), "vierzehn" (Tage): the continental fortnight */
    LU_DG_AFTNEXT = 1u << 20,  /* "übernächste" (Woche): the week after next */
    LU_DG_LATER = 1u << 21,    /* "later" (this week): from tomorrow to the period's end */
    LU_DG_FISCAL = 1u << 22,   /* "fiscal", "FY": the fiscal year, read as the calendar year */
    LU_DG_RISKYSEASON = 1u << 23, /* "fall", "spring", "été": a season only after a modifier,
                                   * an article or a year */
};

/* A word's part in one of dates.c's phrases when it is no date word of
 * its own ("version" before "3.12.1"): looked up apart from the date
 * words, so it never counts as a word the matcher knows.  X: LU_DX_*. */
struct lu_date_role {
    const char *s;
    unsigned x;
};
enum {
    LU_DX_DOTDATE = 1u << 0,    /* "am", "bis", "vom": may stand before a bare "3.12." */
    LU_DX_VERSION = 1u << 1,    /* "version", "v", "release": a dotted number after it is no date */
    LU_DX_BY = 1u << 2,         /* "zum", "spätestens": kept at the front of a phrase */
    LU_DX_HOURART = 1u << 3,    /* "las", "la" in "a las 10": an article before an hour */
    LU_DX_FEW = 1u << 4,        /* "few": a vague count of three ("in a few days") */
    LU_DX_COUPLE = 1u << 5,     /* "couple" before an "of" word: a vague two */
    LU_DX_CLOSE = 1u << 6,      /* "close" of business: an end before an "of" word */
    LU_DX_WORKDAY = 1u << 7,    /* "day", "business", "journée": end of the (working) day */
    LU_DX_OVER = 1u << 8,       /* "over the weekend", "over the next few days" */
    LU_DX_WITHIN = 1u << 9,     /* "within the week": by the end of the unit */
    LU_DX_FROM_NOW = 1u << 10,  /* "from" in "3 days from now", "2 weeks from Monday" */
    LU_DX_NOW = 1u << 11,       /* "now", "today" after it */
    LU_DX_PART_PREP = 1u << 12, /* "am", "por", "dans" before the article of a part of day */
    LU_DX_PART_ART = 1u << 13,  /* "am", "le": an article alone before a part of day */
    LU_DX_MORNING = 1u << 14, /* "mañana": the morning after an article or "this", else tomorrow */
    LU_DX_NOUN_CAP = 1u << 15,  /* "Morgen": capitalised (or after an article) the morning */
    LU_DX_GREET = 1u << 16,     /* "guten", "jeden": before "Morgen", the morning */
    LU_DX_DAY = 1u << 17,       /* "day" in "the day after tomorrow"; "at the end of the day" */
    LU_DX_AFTER = 1u << 18,     /* "after" in "the day after tomorrow" */
    LU_DX_BEFORE = 1u << 19,    /* "before" in "the day before yesterday" */
    LU_DX_TWELVE = 1u << 20,    /* "noon", "midnight" after "12" */
    LU_DX_NEXT_N = 1u << 21,    /* "next" after an article: "in the next 3 days", "over the next" */
    LU_DX_TIME = 1u << 22,      /* "time" after an amount: "in 3 days time" */
    LU_DX_DASHED = 1u << 23,    /* "midi": after a dash, the end of another word ("après-midi") */
    LU_DX_INDEF = 1u << 24,     /* "a" before a "few" word: "in a few days" */
    LU_DX_AT_LEAD = 1u << 25,   /* "a": "at" only before an hour's article or an end, early or
                                  mid word ("a las 10", "a finales de"), never alone */
    LU_DX_ELIDED = 1u << 26,    /* "l" before an apostrophe: "l'après-midi" */
    LU_DX_POSS = 1u << 27,      /* "s" after an apostrophe: "New Year's" */
    LU_DX_ABOUT = 1u << 28,     /* "about", "approximately" after "in": "in about 2 weeks" */
    LU_DX_REST = 1u << 29,      /* "rest" in "the rest of the week": from today to its end */
    LU_DX_FOLLOWING = 1u << 30, /* "following", "suivante": the week (day, month) after the
                                   date before it in the text, else after today's */
    LU_DX_NUMDATE = 1u << 31,   /* "for", "since": a numeric date without a year may follow
                                 ("for 11/1"), not before a unit ("for 1/2 hour") */
};

/* A phrase of several tokens that plays one part in dates.c ("il y a",
 * "no later than", "o'clock"): S is its tokens, space separated, each a
 * word ("a|b": either) or one punctuation character ("'", "-"; every
 * apostrophe and dash reads as these).  KIND: LU_DP_*; N its value. */
struct lu_date_phrase {
    const char *s;
    unsigned char kind;
    signed char n;
};
enum {
    LU_DP_NONE,
    LU_DP_REL_DAY,         /* "après-demain", "aujourd'hui": N days from today */
    LU_DP_BY,              /* "no later than", "d'ici", "jusqu'au": kept at the front */
    LU_DP_FROM_OF,         /* "à partir" before an "of" word: kept at the front */
    LU_DP_AGO,             /* "il y a": ago, before the amount */
    LU_DP_AFTERNOON,       /* "après-midi" */
    LU_DP_OCLOCK,          /* "o'clock" after an hour */
    LU_DP_OR_SO,           /* "in a day or so": give or take one */
    LU_DP_TIME_AFTER,      /* "in 3 days' time", "3 weeks's time" */
    LU_DP_WEEK_AFTER_NEXT, /* "week after next" */
    LU_DP_HOUR_LEAD,       /* "a las" before an hour */
    LU_DP_PAST,            /* "was", "declined": a verb of the past tense */
    LU_DP_NOTPAST,         /* "will", "please", "to": the future, a wish or a request */
    LU_DP_PAST_KEEP,       /* "due to", "prior to": a LU_DP_NOTPAST word that is not one */
    LU_DP_CLAUSE,          /* "that", "which": a clause of its own ("fell after news that
                              it may ...": the weekday's verb is the one before it) */
    LU_DP_NUMDATE,         /* "as of": a numeric date without a year may follow (as after
                              LU_DX_NUMDATE's one word) */
    LU_DP_NAMED_DAY,       /* "New Year's Day", "Christmas Eve", "Labor Day": N is its
                              LU_DN_* */
    LU_DP_JUST_ENDED,      /* "just ended": the period before this one ("the just ended
                              quarter", "the quarter just ended") */
    LU_DP_SINCE,           /* "since": a month or weekday alone after it is the latest one,
                              not the nearest ("since March", "since Friday") */
    LU_DP_EVERY,           /* "every", "each other": a weekday after it repeats, no date */
    LU_DP_WEEK_ON,         /* "on" in British "a week on Friday": weeks after that day */
    LU_DP_WEEK_FROM,       /* "commencing" after "week", or "w/c" alone: the week of a day */
    LU_DP_FORTNIGHT,       /* "quinze jours", "quince días", "vierzehn Tage": two weeks */
    LU_DP_LASTED,          /* "been", "for", "took" before a count of weeks: a time that ran
                            * ("it has been a week today"), not British "a week today" */
    LU_DP_N                /* the number of kinds (tests check a pack's kinds against it) */
};

/* Kinds of phrase cue a pack adds to classify.c's English patterns. */
enum lu_cue_kind {
    LU_CUE_REQUEST,    /* the polite forms that ask the reader to act or answer */
    LU_CUE_COMMIT,     /* "ich melde mich", "je vous envoie": the writer promises */
    LU_CUE_COMMIT_NOT, /* "anbei": looks like a promise, is not one */
    LU_CUE_AGREE,      /* "passt mir", "d'accord" */
    LU_CUE_FYI,        /* "ci-joint": sent for information */
    LU_CUE_DECLINE,    /* "kein Interesse" */
    LU_CUE_CLOSING,    /* "c'est tout": the thread may end here */
    LU_CUE_NOREPLY,    /* "pas besoin de répondre" */
    LU_CUE_OOO_STRONG, /* "abwesend": surely an absence notice */
    LU_CUE_OOO,        /* "Urlaub": an absence, with other signs */
    LU_CUE_RETURN,     /* "zurück": back on a date */
    LU_CUE_UNTIL,      /* "bis": away until a date */
    LU_CUE_N
};
/* A cue in the cue notation (cue.c, below), for classify.c.  FLAGS:
 * LU_CUE_Q only in a question, LU_CUE_NOQ never in one. */
struct lu_cue {
    enum lu_cue_kind kind;
    const char *pattern;
    unsigned flags;
};
#define LU_CUE_Q   1u
#define LU_CUE_NOQ 2u

/* The word classes of classify.c's grammar (a pack's lexicon; "@impv" in a
 * pattern, for the classes classify.c names there). */
enum {
    LU_W_IMPV = 1u << 0,    /* base-form verbs of work requests: send, call, review */
    LU_W_PROMOV = 1u << 1,  /* base-form verbs of advertising: click, visit, shop */
    LU_W_PAST = 1u << 2,    /* past-tense forms */
    LU_W_FUT = 1u << 3,     /* future time: tomorrow, Friday, next, tonight */
    LU_W_PASTT = 1u << 4,   /* past time: yesterday, ago, last */
    LU_W_EVENT = 1u << 5,   /* meeting, call, lunch */
    LU_W_PROMO = 1u << 6,   /* advertising vocabulary */
    LU_W_MODAL = 1u << 7,   /* can could would will shall should may might must */
    LU_W_SUBJ = 1u << 8,    /* subject pronouns */
    LU_W_WH = 1u << 9,      /* what when where who which how why */
    LU_W_GREET = 1u << 10,  /* hi hello dear */
    LU_W_DISC = 1u << 11,   /* discourse markers skipped at the opening */
    LU_W_TALKV = 1u << 12,  /* verbs of meeting: meet talk discuss */
    LU_W_GROUP = 1u << 13,  /* vocatives for groups: all guys team */
    LU_W_FUNC = 1u << 14,   /* function words and other known words (not names) */
    LU_W_THANK = 1u << 15,  /* thanks thank thx */
    LU_W_PERIOD = 1u << 16, /* week month morning afternoon */
    LU_W_AUX = 1u << 17,    /* finite forms of be/have/do and modals */
    LU_W_PUNCT = 1u << 18,  /* set on punctuation tokens */
    LU_W_TIME = 1u << 19,   /* a clock time: 10am, 9:30 */
    LU_W_NUM = 1u << 20,    /* a number */
    LU_W_WEAKV = 1u << 21,  /* generic verbs whose imperative is as often an advert's */
    LU_W_GEN = 1u << 22,    /* other common English words: known, so never a name */
};
/* A lexicon entry: CLS (LU_W_*) for each of WORDS, space separated. */
struct lu_lex_class {
    unsigned cls;
    const char *words;
};
/* classify.c's words by role: its code tests a token's role, never its
 * text, so the grammar's words live in the pack with its patterns (each
 * a NULL-terminated list of lower-case tokens, lu_lang_pack.gw). */
enum lu_gw {
    LU_GW_ADVERB_SUFFIX,     /* "ly": "Alternatively," is no name */
    LU_GW_PARTICIPLE_SUFFIX, /* "ing": "Regarding" is no name */
    LU_GW_VERB_SUFFIX,       /* "ing", "s": an unknown lower-case word so ending is a verb */
    LU_GW_LY_NOT_NAME,       /* short "-ly" words no name is: daily, truly */
    LU_GW_DETERMINER,        /* opens a subject after an inverted auxiliary: the, my, some */
    LU_GW_INPUT_NOUN,        /* a one-word question asking for input: thoughts, comments */
    LU_GW_SELF,              /* the writer as subject: i */
    LU_GW_OPINION_VERB,      /* "I think ...?": the writer's view, no question */
    LU_GW_READER,            /* the reader in a sentence: you, your, you're */
    LU_GW_ARTICLE,           /* no question ends on one: the, a, an */
    LU_GW_ADJ_MARKER,        /* "Great answer.": a marker that is an adjective before a noun */
    LU_GW_MARKER_OPENS,      /* after a marker, opens a request: please, let's */
    LU_GW_INVERTED_AUX,      /* "Should I ...": an auxiliary that inverts a question */
    LU_GW_PERSON,            /* the subject after an inverted auxiliary: i, we, you, they */
    LU_GW_GREET_PAIR,        /* a greeting of two words: "good" (morning) */
    LU_GW_GREET_TIME,        /* "morning": a greeting only before a name or punctuation */
    LU_GW_NAME_JOINER,       /* "Sally and Tom,": joins names of a vocative */
    LU_GW_YOU,               /* the reader: you */
    LU_GW_VOCATIVE_NEXT,     /* "Chris you ...", "Chris please ...": after a name, addresses it */
    LU_GW_ASKING_MODAL,      /* "Chris can you ...": a modal before "you" */
    LU_GW_POSSESSIVE,        /* "'s": "Call's volume" makes the verb a noun */
    LU_GW_SEE,               /* "See you then" is no order */
    LU_GW_ATTENTION_VERB,    /* "Note that ...": draws attention, no order */
    LU_GW_THAT,              /* ... before "that" */
    LU_GW_LET,               /* "Let me check": a promise, unless ... */
    LU_GW_ME_US,             /* ... me/us ... */
    LU_GW_KNOW,              /* ... know ("let me know" asks) */
    LU_GW_BASE_AUX,          /* auxiliaries that may follow an imperative: be, do, have */
    LU_GW_FIRST_SING,        /* a person speaks: i, me, my, i'm */
    LU_GW_FIRST_PLUR,        /* maybe a company: we, us, our */
    LU_GW_THIRD_PERSON,      /* another person as subject: he, she, they */
    LU_GW_VAGUE_TIME,        /* "soon", "later": a future time that is no date */
    LU_GW_REMINDER,          /* the noun "reminder", not "don't forget" */
    LU_GW_INPUT_ASK,         /* asks for the reader's input before it: send, share, welcome */
    LU_GW_INPUT_MODAL,       /* "I'd appreciate" asks, "I appreciate" thanks */
    LU_GW_INPUT_AFTER,       /* "your comments welcome": asks after it */
    LU_GW_INPUT_NOT,         /* "didn't get your comments": negations before input */
    LU_GW_APPRECIATE,        /* appreciate, appreciated */
    LU_GW_YOUR,              /* "your comments" */
    LU_GW_ANY,               /* "any comments" */
    LU_GW_MATCH_DET,         /* "the call": a determiner making a verb a noun */
    LU_GW_NEGATION,          /* not, never, n't */
    LU_GW_YOU_SUBJ,          /* you, you'll, you'd, u */
    LU_GW_SEEN,              /* "want to see you": whom one sees (a meeting) */
    LU_GW_SUGGESTER,         /* "I would suggest": the writer suggests (i, we, i'd, we'd) */
    LU_GW_TENTATIVE,         /* would, could, might, can: still a suggestion */
    LU_GW_NEED,              /* need, needs */
    LU_GW_NEED_NOUN,         /* "a need", "no need": the noun */
    LU_GW_TO,                /* to */
    LU_GW_PLEASE,            /* please */
    LU_GW_PLEASE_COURTESY,   /* "Please excuse ...": courtesy, no request */
    LU_GW_WH_CONJ,           /* "and where ...?": a wh-question after a conjunction */
    LU_GW_THIS_PERIOD,       /* "this afternoon", "coming week": a future time */
    LU_GW_PLEASE_WORDS,      /* please, kindly: a verb follows */
    LU_GW_VERB_BEFORE,       /* "Please confirm", "sign and return": a verb follows */
    LU_GW_ANSWER_VERB,       /* confirm, reply, review: a request that wants an answer */
    LU_GW_DELIVER_VERB,      /* send, forward, return: a delivery */
    LU_GW_ME_US_OBJ,         /* "send me", "for us": the writer benefits */
    LU_GW_BENEFIT_PREP,      /* to, for, with (me) */
    LU_GW_SAID_OF,           /* "it worked for me": a judgement, no benefit */
    LU_GW_HEDGE,             /* maybe, perhaps: a question offered, not asked */
    LU_GW_SOMETHING,         /* "... or something?" */
    LU_GW_OPTION_LEAD,       /* "Or just ...?": or, and, so */
    LU_GW_JUST,              /* just */
    LU_GW_WHY,               /* "Why not ...?" */
    LU_GW_NOT,               /* not */
    LU_GW_HOW,               /* "How about ...?" */
    LU_GW_ABOUT,             /* about */
    LU_GW_WRITER_NEEDS,      /* "I need you to": the writer (i, we, i'd, we'd, would) */
    LU_GW_READER_FORMS,      /* you, you'll, you'd, you're */
    LU_GW_WONDER_NOT,        /* "want to check", "to follow": no wondering (to, check) */
    LU_GW_FOLLOW,            /* "Please follow up on the list": advice */
    LU_GW_IF,                /* "if possible": no question */
    LU_GW_N
};
/* A cue of classify.c's grammar: the same notation as struct lu_cue, for
 * the feature of the vote named FEAT (classify.c's cue names: "modal_you",
 * "please", ...; its rule labels: "commit", "agree", "decline",
 * "closing", "noreply", "ooo", "ooo_strong", "return", "until",
 * "commit_not"). */
struct lu_grammar_cue {
    const char *feat;
    const char *pattern;
    unsigned flags;
};

/* What a chasing phrase does wrong; lint.c words the advice. */
enum lu_chase_kind {
    LU_CHASE_COURT,    /* leaves the ball in their court */
    LU_CHASE_HOMEWORK, /* asks whether they did their homework */
    LU_CHASE_HEDGE,    /* hedges instead of asking */
    LU_CHASE_BUMP,     /* adds nothing new */
    LU_CHASE_SORRY,    /* apologises for writing */
    LU_CHASE_OWE,      /* implies they owe an answer */
};
/* A chasing phrase in the cue notation (lint.c): written so that the
 * literal use of the same words does not match. */
struct lu_chase_cue {
    const char *cue;
    enum lu_chase_kind kind;
};

/* One language's words.  Lists are NULL-terminated; all lower case except
 * the draft's names.  Strings are static. */
struct lu_lang_pack {
    const char *code; /* "it" */
    bool reads_only;  /* a reading pack: quotes, subjects, thanks; no drafts, dates or cues */
    const char *const *guess_words;   /* frequent here, rare in the others (lu_lang_guess) */
    const struct lu_date_word *dates; /* every date word (dates.c) */
    gsize n_dates;
    const struct lu_date_role *date_roles;     /* ended by a NULL word */
    const struct lu_date_phrase *date_phrases; /* ended by a NULL phrase */
    /* The UTC offsets, in minutes, from which this language's writers put
     * the month first ("11/1" is 1 November): English from the United
     * States' zones.  None when FROM == TO. */
    short month_first_from, month_first_to;
    const char *weekdays[8]; /* the draft's names, [1] Monday .. [7] Sunday */
    const char *months[13];  /* [1] January .. [12] December */
    /* The draft's dates: %A weekday, %d day, %o the first of the month's
     * suffix (FIRST_SUFFIX), %B month, %Y year, %H:%M the time; TIME_ONE
     * is used at one o'clock when set ("a la 01:00"). */
    const char *date_fmt, *year_fmt, *time_fmt, *time_one_fmt, *first_suffix;
    const char *and_, *all;              /* "Anna and Bob", "Hello all" */
    const char *wrote, *i_wrote;         /* the quote's first line: date, author / date */
    const char *const *greetings;        /* first words of a greeting line ("hi", "hallo") */
    const char *const *signoffs;         /* longest first where one starts another */
    const char *const *attr_openers;     /* "on ", "am ": "On <date>, X wrote:" */
    const char *const *attr_verbs;       /* " wrote", " a écrit": end an attribution */
    const char *const *auto_subjects;    /* substrings of automatic answers' subjects */
    const char *const *bounce_subjects;  /* substrings of delivery failures' subjects */
    const char *const *receipt_prefixes; /* read receipts' subjects start so */
    const char *const *forward_starts;   /* lines that start a forwarded message */
    const char *const *forward_markers;  /* words inside "----- Original Message -----" */
    const char *const *reply_prefixes;   /* "re", "aw": before ':' in a subject */
    const char *const *forward_prefixes; /* "fwd", "wg": the same for forwards */
    /* Sentence splitting (sentence.c): abbreviations that never end a
     * sentence ("dr", "z.b"; without the dot), those that end one only
     * before a capital ("etc", "ltd"), words a wrapped line ends with
     * ("and"), month prefixes after a day number ("3. Dez"). */
    const char *const *abbrevs, *const *abbrevs_maybe, *const *glue_words, *const *ordinal_months;
    /* The author's own words (body.c; every pack's at once): */
    const char *const *footer_starts;      /* mailing-list footers start so */
    const char *const *disclaimer_starts;  /* disclaimers start so */
    const char *const *confidential_words; /* "confidential" ... */
    const char *const *recipient_words;    /* ... and near it "intended recipient": a disclaimer */
    const char *const *mobile_starts;      /* "Sent from my iPhone" lines */
    const char *const *mobile_vague;       /* ... that also start sentences: short, no comma */
    const char *const *not_name_words;     /* words never in a signature's name */
    const char *const *sentence_starts;    /* first words of a sentence, not a signature line */
    const char *const *stopwords;          /* frequent in sentences, rare in signatures */
    const char *const *attr_not_names;     /* "I wrote:" is a sentence, not an attribution */
    const char *const *bulk_exit;          /* a way out of bulk mail, or a note that replies go
                                            * unread (one is enough) */
    const char *const *bulk_layout;        /* marks of a marketing layout (two are) */
    const char *const *role_words, *const *titles; /* the draft's greeting: "sales", "Dr" */
    /* Header names in a quoted message's block ("From:", "Von:", "De :"). */
    const char *const *quote_from, *const *quote_date, *const *quote_to, *const *quote_subject;
    const struct lu_cue *cues;          /* phrase cues, ended by a NULL pattern */
    const struct lu_chase_cue *chasing; /* chasing phrases, ended by a NULL cue */
    const char *thanks;                 /* a cue of the words that thank ("merci") */
    /* classify.c's grammar, which its vote was fitted on (English only):
     * the lexicon (ended by a NULL words), apostrophe-less spellings
     * folded to the usual token ({"dont", "don't"}, ended by NULLs), the
     * words of thanks that keep a sentence from asking, and the patterns
     * (ended by a NULL feat), in the order they are compiled. */
    const struct lu_lex_class *lexicon;
    const char *const (*folds)[2];
    const char *const *thank_words;
    const struct lu_grammar_cue *grammar;
    const char *const *gw[LU_GW_N]; /* the grammar's words by role (enum lu_gw) */
};
/* The pack of L (static); English for an unknown L. */
const struct lu_lang_pack *lu_lang_pack(enum lu_lang l);
/* Every pack by index: the LU_LANG_N drafting packs in enum order, then
 * the reading packs (.reads_only: Dutch, Danish, Swedish, Norwegian,
 * Finnish, Polish, Portuguese); NULL past the last (static). */
const struct lu_lang_pack *lu_lang_known(int i);
/* The strings at byte OFFSET (offsetof a "const char *const *" list) of
 * every pack, reading packs included, in lu_lang_known's order, in one
 * NULL-terminated array (static, built on first use; thread-safe). */
const char *const *lu_lang_all(gsize offset);
#define LU_LANG_ALL(field) lu_lang_all(G_STRUCT_OFFSET(struct lu_lang_pack, field))
/* "en", "de", "fr", "es", "it" (static). */
const char *lu_lang_code(enum lu_lang l);
/* Every pack's code: "en de fr es it" (static). */
const char *lu_lang_codes(void);
/* The language of code S ("de"), or -1. */
int lu_lang_parse(const char *s);
/* The language TEXT is written in, by its function words; English when
 * too few are found to tell.  *HITS (may be NULL): the winner's count. */
enum lu_lang lu_lang_guess(const char *text, int *hits);

/* ------------------------------------------------------------------ cue.c */

/* The cue notation: every pack's phrase cues (classify's grammar and cues,
 * lint's chasing phrases and words of thanks) are rows of elements, split
 * at spaces, matched on a text's tokens (lower case, folded):
 *   word          that word ("don't", "check-in", "," and "?" are words too)
 *   a|b_c         alternatives; "b_c" the words b then c (up to five)
 *   @class        a word of the grammar's class (@impv @fut @num ...)
 *   pre*          a word that starts with pre (the match ends after pre);
 *                 "*" any word
 *   x?            x or nothing;  !x  one word that is not x
 *   ..            a gap of up to three words
 *   ^  =  <  $    the opening (after greetings), the first word, a
 *                 clause's start, the end (in a text read by lines: of the
 *                 line)
 *   >x  !>x       followed / not followed by x (nothing taken; "$" among
 *                 x's alternatives: or by the end)
 *   !<x           not preceded by x
 *   !>( x y )  !<( x y )  the same for several elements. */
struct lu_cue_tok {
    int off, len;    /* bytes in the text */
    const char *low; /* lower case, folded (the text's buffer) */
    unsigned cls;    /* LU_W_* */
    int id;          /* the word's id among the patterns' words; 0: none names it */
    bool known;      /* a word of classify's grammar: lexicon, folds or its patterns */
    bool cap, allcaps;
    bool line;       /* the first token of its line */
    bool lead, tail; /* read by lines: no word before it, from it on, on its line */
};
struct lu_cue_text {
    const char *text; /* not owned */
    struct lu_cue_tok *t;
    int n;
    int start;                 /* where "^" matches (classify: after greetings; else 0) */
    int first_word, last_word; /* the first and last word token (n, -1: none) */
    bool by_line;              /* "=" and "$" hold per line, not per text */
    GArray *toks;              /* (private) */
    GString *lowbuf;
    unsigned cls_any; /* (private) every class a token has */
    guint8 *id_bits;  /* (private) the tokens' word ids, a bit each; NULL: not known */
    int id_max;
    gsize id_cap; /* (private) the bytes id_bits holds */
};
/* Cuts TEXT (valid UTF-8, kept alive by the caller) into T's tokens; with
 * BY_LINE "=" and "$" are a line's.  Thread-safe.  lu_cue_text_clear frees. */
void lu_cue_tokenise(struct lu_cue_text *T, const char *text, bool by_line);
/* lu_cue_tokenise into the buffers T holds from an earlier cut, not
 * cleared since (or T zeroed: new ones), for a caller that cuts many
 * texts: the same tokens, no allocation a text.  lu_cue_text_clear frees. */
void lu_cue_retokenise(struct lu_cue_text *T, const char *text, bool by_line);
void lu_cue_text_clear(struct lu_cue_text *T);
/* Whether a clause starts at token TI of T (TI may be T->n): "<". */
bool lu_cue_clause_start(const struct lu_cue_text *T, int ti);
/* Readies every pack's cues and the word table (once; lu_cue_tokenise and
 * lu_cue_of call it): compiled into leadup (helper/cue-table.h), or, in
 * the generator's build (LU_CUE_NO_TABLE), compiled here. */
void lu_cue_init(void);
/* The patterns compiled in this process (LEADUP_DEBUG_COUNTS): none for
 * the packs' own, which leadup holds compiled. */
extern guint lu_cue_compiles;
/* The C text of helper/cue-table.h (caller frees): the word table and the
 * packs' compiled patterns, from the generator's build; "" from a build
 * that holds them already. */
char *lu_cue_table_source(void);
struct lu_cue_pat;
/* The compiled pattern of a pack's cue string SRC (by its text; static).  A string no pack has is a bug: abort. */
const struct lu_cue_pat *lu_cue_of(const char *src);
/* Compiles SRC, a pattern no pack holds (tests).  Returns a new pattern
 * (lu_cue_free), or NULL and a new string in *ERR (may be NULL).  Its new
 * words join the word table: not while another thread tokenises. */
struct lu_cue_pat *lu_cue_compile(const char *src, char **err);
void lu_cue_free(struct lu_cue_pat *P);
/* Whether A and B are the same pattern, element by element (tests: the
 * table against the compiler). */
bool lu_cue_same(const struct lu_cue_pat *a, const struct lu_cue_pat *b);
/* The word ids, one of which a text must hold for P to match (the words
 * of an element every match takes a token of, naming no class; the
 * element with the fewest): into IDS (room for CAP, at most
 * LU_CUE_NEED_MAX), returns how many; 0 when P has no such element.  A
 * caller trying many patterns on one text indexes them by these words and
 * never tries the ones lu_cue_find would refuse on the same grounds. */
#define LU_CUE_NEED_MAX 8
int lu_cue_need_ids(const struct lu_cue_pat *P, int *ids, int cap);
/* A match: tokens [b, e), bytes [off, off + len) of the text. */
struct lu_cue_match {
    int b, e, off, len;
};
/* Whether a match found at tokens [B, E) is taken (NULL: every match). */
typedef bool (*lu_cue_ok_fn)(const struct lu_cue_text *T, int b, int e, void *data);
/* The first match of P in T that starts at token FROM or later and that OK
 * takes, into *M. */
bool lu_cue_find(const struct lu_cue_pat *P, const struct lu_cue_text *T, int from, lu_cue_ok_fn ok,
                 void *data, struct lu_cue_match *m);

/* ------------------------------------------------------------------ cal.c */

/* The user's calendar: time zone, business days, working hours. */
struct lu_cal {
    GTimeZone *tz;  /* user's zone (owned by whoever filled the struct) */
    unsigned days;  /* business days: bit (1 << GDateWeekday), Monday = 1 .. Sunday = 7 */
    int work_start; /* working hours, minutes after midnight (default 9:00) */
    int work_end;   /* (default 17:00) */
    bool mdy;       /* "12/03" is 3 December when true (US order), 12 March when false */
    bool order_set; /* date_order= was given: it, not the writer's zone, decides (lu_dates_order) */
    GArray *
        holidays; /* guint32 Julian day numbers (GDate) that are never business days; may be NULL */
};
#define LU_CAL_MON_FRI (0x3e) /* bits 1..5 */

/* Fills CAL with the defaults (Mon-Fri, 9:00-17:00, day/month order, zone TZ
 * which the caller keeps alive). */
void lu_cal_init(struct lu_cal *cal, GTimeZone *tz);
bool lu_cal_is_bizday(const struct lu_cal *cal, GDateTime *t);
/* The same for a GDate Julian day number (1 = 1 January of year 1). */
bool lu_cal_is_bizday_jd(const struct lu_cal *cal, guint32 julian);
/* T moved forward by N business days, keeping the time of day; a T outside
 * business days first moves to the start of working hours on the next
 * business day.  Returns a new reference (caller unrefs). */
GDateTime *lu_cal_add_bizdays(const struct lu_cal *cal, GDateTime *t, int n);
/* T moved forward by N working hours (0: the end of T's business day, or of
 * the next one when T is outside business days).  New reference. */
GDateTime *lu_cal_add_bizhours(const struct lu_cal *cal, GDateTime *t, int n);
/* Whole business days from A to B (0 when B is before A or the same day). */
int lu_cal_bizdays_between(const struct lu_cal *cal, GDateTime *a, GDateTime *b);
/* The first working-hours slot at or after T on a business day, rounded up
 * to the next full or half hour.  New reference. */
GDateTime *lu_cal_next_slot(const struct lu_cal *cal, GDateTime *t);

/* ------------------------------------------------------------------ identity.c */

/* A mailbox as written in a header, decoded. */
struct lu_addr {
    char *name;  /* display name, UTF-8, or NULL */
    char *email; /* addr-spec as written */
};

/* ------------------------------------------------------------------ the message (lu_msg_new in mime.c) */

/* Why a message is not a human reply. */
enum lu_auto {
    LU_AUTO_NONE,
    LU_AUTO_REPLY,   /* out-of-office or another automatic answer */
    LU_AUTO_BOUNCE,  /* delivery failure */
    LU_AUTO_RECEIPT, /* read receipt / disposition notification */
};

/* One message as the thread rules see it.  Filled by nm.c (identity in the
 * index, tags) and mime.c (headers from the file); owned by its thread. */
struct lu_msg {
    char *mid;       /* Message-ID without <> */
    char *thread_id; /* notmuch thread id (changes when threads merge) */
    char *filename;  /* one file of the message */
    unsigned files;  /* how many files notmuch has of it; 0: not read from notmuch */
    gint64 date;     /* unix seconds */
    int tz_off;      /* the Date header's offset, seconds east of UTC */
    struct lu_addr *from;
    GPtrArray *to, *cc, *reply_to, *followup_to; /* struct lu_addr* */
    char *subject;                               /* decoded, UTF-8, may be NULL */
    char *in_reply_to;                           /* without <>, or NULL */
    GPtrArray *refs;                             /* char*: References, oldest first, without <> */
    char *list_id;                               /* List-Id, or NULL */
    char *list_post; /* the list's posting address from List-Post, or NULL */
    bool bulk;       /* List-Unsubscribe without List-Id: a newsletter or campaign */
    GPtrArray *tags; /* char*: current notmuch tags */
    enum lu_auto autokind;
    const char *auto_why; /* static text: which header or pattern said so */
    char *bounced_mid;    /* for a bounce: the Message-ID it reports on, if found */
    /* Unsent mail is no message in the conversation (static text: why), or
     * NULL: every file in a drafts folder (nm.c), a postponed draft's
     * X-Mutt-* header (mime.c) ... */
    const char *unsent;
    /* ... or, once it is known to be mine (thread.c), no Message-ID or no
     * Date header: nothing that was sent lacks them (mime.c). */
    const char *unsent_if_mine;
    /* Derived by the scan. */
    bool mine;  /* From is one of my identities */
    bool to_me; /* I am in To or Cc */
    /* The sender's history in the index (lu_rules.sender, asked for the
     * latest message of a thread I never wrote in when it asks something
     * or the learned bulk model reads it as bulk):
     * messages from the sender, and messages from me to the sender; -1
     * when not counted. */
    int sender_sent, sender_answered;
    struct lu_body *body;   /* NULL until the body was read */
    struct lu_analysis *an; /* NULL until the body was analysed */
    /* The analyses the cache's row keeps (lu_msgcache_senses), or NULL;
     * the entries (GBytes*, lu_msgcache_sense) this run found there or
     * made, or NULL; whether it made one: then the row's are written. */
    GBytes *sense_record;
    GPtrArray *senses;
    bool sense_new;
    void *mime;   /* the parsed file (GMime's top part, mime.c read_stream), NULL until opened */
    bool headers; /* the file's headers are in: read (mime.c) or from the cache */
    bool parsed;  /* the scan parsed its file in this run: its records go to the cache */
    /* For the analysis cache (scan.c): what the file says alone
     * (lu_msgcache_headers), its own text (lu_msgcache_body, which
     * lu_msg_read_body takes when the rules ask), and the file's identity
     * when it was read or looked up.  Owned, or NULL. */
    GBytes *record, *text_record;
    char *file_id;
};

/* ------------------------------------------------------------------ dates.c */

enum lu_span {
    LU_SPAN_MOMENT, /* "at 3pm on Friday": start == end */
    LU_SPAN_DAY,    /* "Friday", "3 December", "end of the month" (its last business day) */
    LU_SPAN_WEEK,   /* "next week", "first week of December" */
    LU_SPAN_MONTH,  /* "in December", "next month" */
    LU_SPAN_RANGE,  /* "between 2 and 4", "early next month" */
};

/* A resolved date/time phrase. */
struct lu_when {
    gint64 start; /* unix seconds, first second covered */
    gint64 end;   /* last second covered; == start for a moment */
    enum lu_span span;
    bool has_time; /* the phrase named a time of day */
    bool past;     /* a period back to now ("the last 2 weeks"): no date anything is due by */
    int off, len;  /* byte span of the phrase in the analysed text */
};

/* Finds and resolves every date/time phrase in TEXT (UTF-8) relative to REF,
 * whose zone is the writer's.  Returns a GArray of struct lu_when in text
 * order (caller frees with g_array_unref). */
GArray *lu_dates_find(const char *text, GDateTime *ref, const struct lu_cal *cal);
/* The order of day and month in TEXT's ambiguous numeric dates ("11/1"),
 * written at REF: true for month first.  The writer's own unambiguous ones
 * ("11/15", "15/11") decide; else CAL's date_order when it was given; else
 * the writer's zone (REF's offset) with the language's pack
 * (month_first_from); else CAL's default, day first. */
bool lu_dates_order(const char *text, GDateTime *ref, const struct lu_cal *cal);
/* The order of day and month of one text, for its sentences: read
 * (lu_dates_order) only when one of them has a date it decides ("11/1",
 * not "11/15"), since reading it tokenises the whole text once more and
 * most texts have no such date. */
struct lu_date_order {
    const char *text; /* the whole text; not owned */
    int mdy;          /* -1: not read yet; else lu_dates_order's answer */
};
/* lu_dates_find on TEXT, a sentence of ORDER's text: its ambiguous numeric
 * dates in that text's order (read the first time one needs it). */
GArray *lu_dates_find_ordered(const char *text, GDateTime *ref, const struct lu_cal *cal,
                              struct lu_date_order *order);
/* The texts lu_dates_order read in this process (LEADUP_DEBUG_COUNTS;
 * added to atomically: the scan's workers analyse). */
extern guint64 lu_date_orders;
/* Resolves a whole command-line WHEN ("tue", "3d", "next week",
 * "2026-12-03", "2026-12-03 14:00", "tomorrow 10am") relative to REF.
 * Returns 0, or -1 when ARG is not a date (nothing printed). */
int lu_when_parse(const char *arg, GDateTime *ref, const struct lu_cal *cal, struct lu_when *out);

/* ------------------------------------------------------------------ body.c, html.c */

struct lu_body {
    char *text;      /* what the author wrote in this message, UTF-8; owned */
    char *signature; /* the removed signature / sign-off block, or NULL; owned */
    char *sig_name;  /* the author's name found there, or NULL; owned */
    char *sig_phone; /* a phone number found there, or NULL; owned */
    bool bulk;       /* reads as mail sent in bulk: an unsubscribe line, a marketing layout */
    /* Set by the rules (thread.c) once TEXT was compared with the thread's
     * earlier messages (said.c): */
    bool compared;
    int repeated;    /* sentences dropped from TEXT: pasted from an earlier message */
    char *full_text; /* TEXT before they were dropped, or NULL when none was; owned */
};

/* ------------------------------------------------------------------ msgcache.c */

/* A draft's References: the root of the answered message's chain and its
 * last LU_REFS_KEEP ids (draft.c); the cache keeps no more of a chain. */
#define LU_REFS_KEEP 10
/* The length of an analysis's key in the cache (leadup.h's
 * lu_msgcache_sense_key says what it holds). */
#define LU_SENSE_KEY 24

/* ------------------------------------------------------------------ features.c */

/* The learned sentence model's features (see features.c and
 * scripts/train-intent): feature names hashed into LU_FEAT_BUCKETS. */
#define LU_FEAT_BITS    16
#define LU_FEAT_BUCKETS (1u << LU_FEAT_BITS)
/* Feature families a model may have been trained with beyond the first
 * (helper/sentence-model.c's lu_sm_features says which: the walk gives a
 * family only to the model that learned it, so weights and features
 * cannot disagree): the writer's own need or wish and a question put to
 * the reader (features.c, struct need). */
#define LU_SM_FEAT_NEED 1u

/* A sentence's context: its place in the author's text, classify.c's cues
 * that fired on it and on the previous sentence, the labels the rules gave
 * it, and the next sentence (names and text are borrowed). */
struct lu_feat_ctx {
    bool first, last;
    bool prev_question;
    const char *const *cues;
    int n_cues;
    const char *const *prev_cues;
    int n_prev;
    unsigned rule_labels; /* LU_L_* bits the rules gave */
    bool rule_reply;      /* the rules read an expected answer */
    double vote;          /* the rules' vote (classify.c's intent_score) */
    const char *next;     /* the next sentence, or NULL */
};

/* FNV-1a of NAME, reduced to a bucket. */
guint32 lu_feature_bucket(const char *name);
/* The next word at *P (advanced past it): lower-cased letters, digits and
 * inner apostrophes (a curly one read as straight), into BUF, at most CAP-1
 * bytes kept, NUL-ended.  Returns its length, 0 at the end of the text. */
gsize lu_feature_word(const char **p, char *buf, gsize cap);
/* The feature names of TEXT in CTX (may be NULL), each once, in a fixed
 * order.  Caller owns the array (g_ptr_array_unref frees the names). */
GPtrArray *lu_features(const char *text, const struct lu_feat_ctx *ctx);
/* The same features as buckets (lu_feature_bucket of each name), sorted,
 * each once, into OUT (a GArray of guint32, emptied first; caller's), with
 * no allocation per feature. */
void lu_feature_hashes(const char *text, const struct lu_feat_ctx *ctx, GArray *out);
/* The LU_L_* labels the learned model decides (helper/sentence-model.c):
 * those where it beat the rules in cross-validation; 0: the rules decide. */
unsigned lu_sentence_model_labels(void);
/* Whether the model decides LABEL (it may take away the rules' label) or
 * only adds it. */
bool lu_sentence_model_replaces(unsigned label);
/* The model's log-odds for LABEL (one LU_L_* bit) given the buckets H and
 * whether the rules gave the label. */
double lu_sentence_label_score(unsigned label, const GArray *h, bool rules_gave);
/* The names of the (at most three) features that count most for LABEL
 * (POSITIVE) or against it, quoted and comma-separated.  Returns a new
 * string (caller frees). */
char *lu_sentence_label_why(unsigned label, const char *text, const struct lu_feat_ctx *ctx,
                            bool positive);

/* ------------------------------------------------------------------ sentence.c, classify.c */

/* Work done by the text analysis (classify.c, dates.c): a count of inner
 * steps (pattern tries, token tests), which only tests read, to prove that
 * the cost grows linearly with the text (mail can be hostile, and a test
 * must never time anything).  Per thread: the scan's workers analyse too. */
extern _Thread_local guint64 lu_text_steps;

enum {
    LU_L_REQUEST = 1 << 0,    /* asks the reader to do, decide, answer or send */
    LU_L_PROPOSAL = 1 << 1,   /* proposes a meeting, call or event in the future */
    LU_L_COMMITMENT = 1 << 2, /* the writer promises an action */
    LU_L_AGREEMENT = 1 << 3,  /* accepts a proposal, confirms a next step */
    LU_L_DECLINE = 1 << 4,    /* says no or asks to stop */
    LU_L_CLOSING = 1 << 5,    /* ends the exchange without asking anything */
    LU_L_ANNOUNCE = 1 << 6,   /* announces a future event or deadline for the reader */
};
#define LU_N_LABELS 7
/* Not a label: the key of the learned reply model in helper/sentence-model.c
 * (does a sentence that expects a reply wait for a message back, or only
 * for an action: doc/labelling.md's answer/act sub-label of request). */
#define LU_SM_REPLY (1u << 7)
/* The label's name as printed in JSON ("request", ...). */
const char *lu_label_name(unsigned label_bit);

struct lu_sentence {
    char *text; /* the sentence, line wraps joined; owned */
    unsigned labels;
    GArray *dates;  /* struct lu_when; off/len relative to text */
    GPtrArray *why; /* char*: one plain-words reason per label given */
    /* it expects a reply and the learned reply model reads it as waiting
     * for a message back, not only for an action (false without that model) */
    bool answer;
};

struct lu_analysis {
    GPtrArray *sentences; /* struct lu_sentence*, owned */
    unsigned labels;      /* union of the sentences' labels */
    bool
        actionable; /* asks the reader to act or respond, or proposes/announces a future event or deadline */
    bool
        expects_reply; /* a reply is expected from the reader (doc/classify.md): narrower than actionable */
    /* the rules' own verdict (classify.c), which the learned per-message
     * model reads; expects_reply is the model's when reply_by_model (only
     * in helper/leadup-reply-model: classify.c LU_REPLY_BY_MODEL) */
    bool expects_reply_rules;
    bool reply_by_model;
    /* the learned per-message model's own verdict (msgmodel.c, read from
     * the rules' one), whatever decides expects_reply: thread.c reads it
     * for my posts in a list thread I started (s48-askmodel) */
    bool expects_reply_model;
    /* asks the reader to do or answer something: a request as doc/labelling.md
     * counts one, advice and imperatives included.  Wider than expects_reply,
     * which is what the thread rules wait for (advice leaves nothing owed). */
    bool asks;
    int reply_sentence; /* index into sentences of the first that expects a reply, -1 if none */
    /* expects a reply, and a sentence of it is one the learned reply model
     * reads as waiting for an answer (lu_sentence.answer): narrower still */
    bool answer;
    bool declined;
    bool closing;             /* ends the exchange, nothing open */
    bool auto_reply;          /* the text reads like an automatic answer (out of office) */
    bool has_next_step;       /* next_step below is set */
    int next_step_sentence;   /* index into sentences */
    struct lu_when next_step; /* the agreed or proposed next step's date */
    bool next_step_agreed;    /* agreed (true) or only proposed (false) */
    bool has_return;          /* an out-of-office return date was found */
    struct lu_when ooo_return;
};

/* The analysis's flags, one bit each, in this order, as the analysis cache
 * keeps them (msgcache.c): here beside the struct, so that a flag added
 * moves the sentence analysis's digest alone (SENSE_SRCS), not the
 * analyser's, which would read every message's file again. */
#define LU_ANALYSIS_FLAGS(a)                                                                       \
    {                                                                                              \
        &(a)->actionable, &(a)->expects_reply, &(a)->asks, &(a)->answer, &(a)->declined,           \
            &(a)->closing, &(a)->auto_reply, &(a)->has_next_step, &(a)->next_step_agreed,          \
            &(a)->has_return, &(a)->expects_reply_rules, &(a)->reply_by_model,                     \
            &(a)->expects_reply_model                                                              \
    }
/* Splits TEXT into sentences.  Returns a GPtrArray of char* (owned by the array). */
GPtrArray *lu_sentences_split(const char *text);
/* Where SENTENCE (one of lu_sentences_split(TEXT)'s, its spaces folded and
 * its list marker dropped) stands in TEXT, at or after byte FROM: its first
 * and past-its-last byte in *START and *END.  Called with each sentence in
 * turn and FROM the previous one's end, it finds them all (classify's
 * "offset" and "length").  Returns false when it is not there. */
bool lu_sentence_span(const char *text, gsize from, const char *sentence, gsize *start, gsize *end);
/* Analyses TEXT (already stripped of quotes and signature) written at REF in
 * REF's zone (required: time is explicit; without it OUT stays empty).  TEXT
 * must be valid UTF-8 (body.c, classify and lint make it so): the tokeniser
 * steps by g_utf8_next_char and would read past a cut sequence's NUL.  OUT
 * is filled and must be released with lu_analysis_clear. */
void lu_analyse_text(const char *text, GDateTime *ref, const struct lu_cal *cal,
                     struct lu_analysis *out);
void lu_analysis_clear(struct lu_analysis *a);
/* Clears and frees the analysis A allocated on the heap (NULL: nothing). */
void lu_analysis_free(struct lu_analysis *a);
/* Frees the sentence P (struct lu_sentence*; NULL: nothing), as a
 * lu_analysis's sentences array does. */
void lu_sentence_free(gpointer p);

#endif
