/* lang-en.c - the English language pack: every word list and phrase cue of
 * English in one place (leadup.h struct lu_lang_pack; DEVELOPERS.md "Adding a
 * language"). */
#include "leadup.h"

static const char *const guess_words[] = {
    "the",  "and",  "you",  "is",   "are",   "to",    "of",     "for",    "with",
    "this", "that", "have", "will", "would", "could", "please", "thanks", "what",
    "when", "we",   "it",   "be",   "on",    "my",    "your",   "can",    "if",
    "i",    "not",  "from", "at",   "was",   "do",    "know",   NULL,
};

/* Every date word (dates.c; doc/dates.md). */
static const struct lu_date_word dates[] = {
    {"january", .month = 1},
    {"jan", .month = 1, .f = LU_DW_ABBR},
    {"february", .month = 2},
    {"feb", .month = 2, .f = LU_DW_ABBR},
    {"march", .month = 3, .f = LU_DW_RISKY},
    {"mar", .month = 3, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"april", .month = 4},
    {"apr", .month = 4, .f = LU_DW_ABBR},
    {"may", .month = 5, .f = LU_DW_RISKY},
    {"june", .month = 6},
    {"jun", .month = 6, .f = LU_DW_ABBR},
    {"july", .month = 7},
    {"jul", .month = 7, .f = LU_DW_ABBR},
    {"august", .month = 8},
    {"aug", .month = 8, .f = LU_DW_ABBR},
    {"september", .month = 9},
    {"sep", .month = 9, .f = LU_DW_ABBR},
    {"sept", .month = 9, .num = 7, .f = LU_DW_ABBR},
    {"october", .month = 10},
    {"oct", .month = 10, .f = LU_DW_ABBR},
    {"november", .month = 11},
    {"nov", .month = 11, .f = LU_DW_ABBR},
    {"december", .month = 12},
    {"dec", .month = 12, .f = LU_DW_ABBR},
    {"monday", .wday = 1},
    {"mon", .wday = 1, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"tuesday", .wday = 2},
    {"tue", .wday = 2, .f = LU_DW_ABBR},
    {"tues", .wday = 2, .f = LU_DW_ABBR},
    {"wednesday", .wday = 3},
    {"wed", .wday = 3, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"thursday", .wday = 4},
    {"thu", .wday = 4, .f = LU_DW_ABBR},
    {"thur", .wday = 4, .f = LU_DW_ABBR},
    {"thurs", .wday = 4, .f = LU_DW_ABBR},
    {"friday", .wday = 5},
    {"fri", .wday = 5, .f = LU_DW_ABBR},
    {"saturday", .wday = 6},
    {"sat", .wday = 6, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"sunday", .wday = 7},
    {"sun", .wday = 7, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"today", .rel = LU_DR_TODAY},
    {"tonight", .rel = LU_DR_TONIGHT},
    {"tomorrow", .rel = LU_DR_TOMORROW},
    {"tmrw", .rel = LU_DR_TOMORROW},
    {"yesterday", .rel = LU_DR_YESTERDAY},
    {"eow", .rel = LU_DR_EOW},
    {"eom", .rel = LU_DR_EOM},
    {"noon", .tw = LU_DT_NOON},
    {"midday", .tw = LU_DT_NOON},
    {"midnight", .tw = LU_DT_MIDNIGHT},
    {"eod", .tw = LU_DT_EOD},
    {"cob", .tw = LU_DT_EOD},
    {"eob", .tw = LU_DT_EOD},
    {"morning", .tw = LU_DT_MORNING},
    {"afternoon", .tw = LU_DT_AFTERNOON},
    {"evening", .tw = LU_DT_EVENING},
    {"night", .tw = LU_DT_NIGHT},
    {"this", .f = LU_DW_THIS},
    {"next", .f = LU_DW_NEXT},
    {"last", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV, .g = LU_DG_PREONLY},
    {"past", .f = LU_DW_PREV, .g = LU_DG_PREONLY},
    {"coming", .f = LU_DW_COMING},
    {"after", .f = 0, .g = LU_DG_AFTER},
    {"close", .f = 0},
    {"on", .f = LU_DW_PREP | LU_DW_FOLLOW},
    {"by", .f = LU_DW_PREP | LU_DW_GUARD},
    {"until", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD | LU_DW_FOLLOW},
    {"till", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD | LU_DW_FOLLOW},
    {"til", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD},
    {"before", .f = LU_DW_PREP | LU_DW_GUARD, .g = LU_DG_BEFORE},
    {"at", .f = LU_DW_AT},
    {"a", .num = 1, .f = LU_DW_AT | LU_DW_TO},
    {"in", .f = LU_DW_IN | LU_DW_GUARD | LU_DW_FOLLOW},
    {"within", .f = LU_DW_IN},
    {"during", .f = LU_DW_GUARD},
    {"of", .f = LU_DW_OF},
    {"the", .f = LU_DW_THE},
    {"and", .f = LU_DW_AND | LU_DW_FOLLOW},
    {"or", .f = LU_DW_FOLLOW},
    {"to", .f = LU_DW_TO | LU_DW_FOLLOW},
    {"through", .f = LU_DW_TO},
    {"thru", .f = LU_DW_TO},
    {"from", .f = LU_DW_FROM | LU_DW_PREP},
    {"between", .f = LU_DW_BETWEEN},
    {"am", .f = LU_DW_AM | LU_DW_PREP | LU_DW_GUARD},
    {"pm", .f = LU_DW_PM},
    {"end", .f = LU_DW_END},
    {"early", .f = LU_DW_EARLY | LU_DW_GUARD},
    {"beginning", .f = LU_DW_EARLY},
    {"start", .f = LU_DW_EARLY},
    {"mid", .f = LU_DW_MID | LU_DW_GUARD},
    {"middle", .f = LU_DW_MID},
    {"late", .f = LU_DW_LATE | LU_DW_GUARD},
    {"st", .f = LU_DW_ORDSUF},
    {"nd", .f = LU_DW_ORDSUF},
    {"rd", .f = LU_DW_ORDSUF},
    {"th", .f = LU_DW_ORDSUF},
    {"ago", .f = LU_DW_AGO},
    {"h", .f = LU_DW_UHR},
    {"sharp", .f = LU_DW_FOLLOW},
    {"latest", .f = LU_DW_FOLLOW},
    {"if", .f = LU_DW_FOLLOW},
    {"then", .f = LU_DW_FOLLOW},
    {"works", .f = LU_DW_FOLLOW},
    {"would", .f = LU_DW_FOLLOW},
    {"is", .f = LU_DW_FOLLOW},
    {"suits", .f = LU_DW_FOLLOW},
    {"ok", .f = LU_DW_FOLLOW},
    {"okay", .f = LU_DW_FOLLOW},
    {"please", .f = LU_DW_FOLLOW},
    {"your", .f = LU_DW_FOLLOW},
    {"my", .f = LU_DW_FOLLOW},
    {"our", .f = LU_DW_FOLLOW},
    {"local", .f = LU_DW_FOLLOW},
    {"instead", .f = LU_DW_FOLLOW},
    {"again", .f = LU_DW_FOLLOW},
    {"with", .f = LU_DW_FOLLOW},
    {"for", .f = LU_DW_FOLLOW},
    {"o", .f = LU_DW_FOLLOW},
    {"one", .num = 1},
    {"two", .num = 2},
    {"three", .num = 3},
    {"four", .num = 4},
    {"five", .num = 5},
    {"six", .num = 6},
    {"seven", .num = 7},
    {"eight", .num = 8},
    {"nine", .num = 9},
    {"ten", .num = 10},
    {"eleven", .num = 11},
    {"twelve", .num = 12},
    {"couple", .num = 2},
    {"first", .ord = 1},
    {"second", .ord = 2},
    {"third", .ord = 3},
    {"fourth", .ord = 4},
    {"minute", .unit = LU_DU_MIN},
    {"minutes", .unit = LU_DU_MIN, .f = LU_DW_PL},
    {"min", .unit = LU_DU_MIN, .f = LU_DW_ABBR},
    {"mins", .unit = LU_DU_MIN, .f = LU_DW_ABBR | LU_DW_PL},
    {"hour", .unit = LU_DU_HOUR},
    {"hours", .unit = LU_DU_HOUR, .f = LU_DW_PL},
    {"hr", .unit = LU_DU_HOUR, .f = LU_DW_ABBR},
    {"hrs", .unit = LU_DU_HOUR, .f = LU_DW_ABBR | LU_DW_PL},
    {"day", .unit = LU_DU_DAY},
    {"days", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"week", .unit = LU_DU_WEEK},
    {"weeks", .unit = LU_DU_WEEK, .f = LU_DW_PL},
    {"fortnight", .unit = LU_DU_FORTNIGHT},
    {"month", .unit = LU_DU_MONTH},
    {"months", .unit = LU_DU_MONTH, .f = LU_DW_PL},
    {"year", .unit = LU_DU_YEAR, .hol = LU_DH_YEAR},
    {"weekend", .unit = LU_DU_WEEKEND},
    {"quarter", .unit = LU_DU_QUARTER},
    {"quarters", .unit = LU_DU_QUARTER, .f = LU_DW_PL},
    {"over", .f = 0}, /* "over the weekend", "over the next few days" */
    {"holidays", .f = LU_DW_HOL, .hol = LU_DH_HOLS},
    {"holiday", .f = LU_DW_HOL},
    {"christmas", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"xmas", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"business", .f = LU_DW_BIZ},
    {"working", .f = LU_DW_BIZ},
    {"work", .f = LU_DW_BIZ},
    {"new", .hol = LU_DH_NEW}, /* "after New Year" */
};

static const char *const greetings[] = {
    "hi", "hello", "hey", "dear", "hiya", "howdy", "greetings", "good", "morning", NULL,
};
static const char *const signoffs[] = {
    "many thanks and best regards",
    "thanks and best regards",
    "thanks and regards",
    "thanks & regards",
    "with best regards",
    "with kind regards",
    "best regards",
    "best wishes",
    "kindest regards",
    "kind regards",
    "warmest regards",
    "warm regards",
    "warm wishes",
    "all the best",
    "many thanks",
    "thanks a lot",
    "thanks again",
    "thanks in advance",
    "thanks so much",
    "thanks very much",
    "thank you very much",
    "thank you so much",
    "thank you",
    "thanks",
    "thx",
    "cheers",
    "yours sincerely",
    "sincerely yours",
    "sincerely",
    "yours faithfully",
    "yours truly",
    "yours",
    "with thanks",
    "talk soon",
    "speak soon",
    "take care",
    "respectfully",
    "regards",
    "best of luck",
    "good luck",
    "best",
    "rgds",
    "br",
    "kr",
    "bw",
    "hope this helps",
    "hth",
    "greetings",
    "bye",
    NULL,
};
static const char *const attr_openers[] = {
    "on ",
    NULL,
};
static const char *const attr_verbs[] = {
    " wrote",
    " writes",
    NULL,
};
static const char *const auto_subjects[] = {
    "out of office",
    "out of the office",
    "automatic reply",
    "auto-reply",
    "autoreply",
    "auto reply",
    "auto response",
    "auto-response",
    "autoresponse",
    "away from the office",
    "on vacation",
    "on holiday",
    NULL,
};
static const char *const bounce_subjects[] = {"undelivered mail returned to sender",
                                              "delivery status notification (failure)",
                                              "delivery status notification (delay)",
                                              "mail delivery failed",
                                              "mail delivery failure",
                                              "undeliverable:",
                                              "undeliverable mail",
                                              "returned mail:",
                                              "failure notice",
                                              "delivery failure",
                                              NULL};
static const char *const receipt_prefixes[] = {"read:", "read receipt", "return receipt", NULL};
static const char *const forward_starts[] = {"begin forwarded message", "forwarded message:", NULL};
static const char *const forward_markers[] = {"original", "forward", NULL};
static const char *const reply_prefixes[] = {
    "re",
    "fw",
    "fwd",
    NULL,
};

/* An apostrophe as people type it, or none ("dont"). */
#define AP "['\u2019]?"
/* Possessive pronouns and articles: "check in to the hotel" is travel. */
#define DET "(?:the|a|an|my|our|your|their|his|her)\\b"
/* What follows "check in" when it means writing to see how things are: the
 * end of the clause, or "on", "with", "about", "to see", "and see"... */
#define CHECKIN_NEXT                                                                               \
    "(?=\\s*(?:[.,;:!?)\u2013\u2014]|-(?:\\s|$)|$)|\\s+(?:on|with|about|regarding|re|to\\s+see|"   \
    "and\\s+(?:see|ask|find)|again|quickly|briefly|here|once\\s+more)\\b)"

/* Chasing phrases and their close variants (lint.c).  Each is written so that the
 * technical or literal use of the same words does not match: "check in the
 * fix", "check in at the hotel", "bump the version to 2.0", "ping the
 * server", "ping me if you need anything", "any updates will be posted",
 * "when you get a chance" (a courtesy about the future, not a reproach
 * about the past). */
static const struct lu_chase_cue chasing[] = {
    /* check in: only where it means writing to see how things are, never
     * "R CMD check in R-devel", "the check in parallel", "check in the fix" */
    {"\\bjust\\s+(?:wanted\\s+to\\s+|want\\s+to\\s+)?check(?:ing)?\\s+in\\b"
     "(?!\\s+(?:at|the|online|early|late|for|to\\s+" DET
     "|(?:your|my|our|his|her|their)\\s+(?:code|changes?|fix|patch|bags?|luggage|coat)))",
     LU_CHASE_COURT},
    {"\\b(?:(?:wanted|(?:i|we)\\s+(?:just\\s+)?want|wanting|would\\s+(?:just\\s+)?like|i" AP
     "d\\s+(?:just\\s+)?like|going|"
     "love)\\s+to\\s+|thought\\s+i" AP
     "d\\s+|thought\\s+i\\s+would\\s+)check\\s+in\\b" CHECKIN_NEXT,
     LU_CHASE_COURT},
    {"\\bchecking\\s+in\\b" CHECKIN_NEXT, LU_CHASE_COURT},
    {"\\b(?:quick|brief|friendly|short)\\s+check-in\\b", LU_CHASE_COURT},
    /* touch base, circle back */
    {"\\b(?:just\\s+)?(?:(?:wanted|want|would\\s+like|i" AP "d\\s+like)\\s+to\\s+|thought\\s+i" AP
     "d\\s+)?touch(?:ing|ed)?\\s+base\\b",
     LU_CHASE_COURT},
    {"\\b(?:just\\s+)?circl(?:e|es|ing|ed)\\s+back\\b", LU_CHASE_COURT},
    {"\\bcheck(?:ing)?\\s+back\\s+(?:in|on|with|about|regarding)\\b", LU_CHASE_COURT},
    {"\\b(?:just\\s+)?(?:reaching|wanted\\s+to\\s+reach)\\s+out\\s+again\\b", LU_CHASE_COURT},
    {"\\bjust\\s+checking\\b", LU_CHASE_COURT},
    {"\\bwhere\\s+(?:are\\s+we|we\\s+are|do\\s+we\\s+stand|we\\s+stand|things\\s+stand|do\\s+"
     "things\\s+stand)\\s+(?:on|with)\\b",
     LU_CHASE_COURT},
    {"\\bin\\s+case\\s+(?:you\\s+missed|it\\s+(?:got|was|has\\s+been)\\s+(?:lost|buried|missed))"
     "\\b",
     LU_CHASE_COURT},
    /* follow-ups that carry nothing */
    {"\\bjust\\s+(?:wanted\\s+to\\s+|want\\s+to\\s+|writing\\s+to\\s+)?follow(?:ing)?\\s*-?\\s*"
     "up\\b",
     LU_CHASE_COURT},
    {"(?<!for "
     ")\\bfollowing\\s*-?\\s*up\\s+on\\s+(?:this|the\\s+below|below|the\\s+(?:e-?mail|message)"
     "\\s+below)\\b",
     LU_CHASE_COURT},
    {"\\bfollow(?:ing)?\\s*-?\\s*up\\s+(?:on|regarding|re|about|to)\\s+my\\s+(?:last|previous|"
     "earlier|prior|recent)\\s+(?:e-?mail|message|mail|note|request|voicemail)\\b",
     LU_CHASE_OWE},
    {"(?<!for "
     ")\\bfollowing\\s*-?\\s*up\\s+on\\s+my\\s+(?:\\w+\\s+)?(?:e-?mails?|messages?|mails?|notes?|"
     "requests?|questions?|voicemails?)\\b",
     LU_CHASE_COURT},
    {"\\bas\\s+per\\s+my\\s+(?:last|previous|earlier|prior)\\s+(?:e-?mail|message|mail|note)\\b",
     LU_CHASE_OWE},
    /* did you get a chance, did you see my email */
    {"\\b(?:did|have|has|had)\\s+(?:you|u|anyone)\\s+(?:get|got|gotten|had|have|find|found)\\s+"
     "(?:a\\s+|the\\s+|any\\s+)?(?:chance|moment|minute|opportunity|time\\s+to)\\b",
     LU_CHASE_HOMEWORK},
    {"\\b(?:if|whether|hope)\\s+(?:you" AP
     "ve|you\\s+have|you)\\s+(?:had|got|gotten|found)\\s+(?:a\\s+|the\\s+)?"
     "(?:chance|moment|opportunity|time\\s+to)\\b",
     LU_CHASE_HOMEWORK},
    {"\\b(?:did|have)\\s+you\\s+(?:see|seen|receive|received|get|got|gotten|read)\\s+my\\s+"
     "(?:last\\s+|previous\\s+|earlier\\s+|prior\\s+)?(?:e-?mail|message|mail|note|voicemail|"
     "text|letter)\\b",
     LU_CHASE_HOMEWORK},
    {"\\b(?:not\\s+sure|unsure|wasn" AP "t\\s+sure|don" AP "t\\s+know)\\s+(?:if|whether)\\s+"
     "you\\s+(?:saw|received|got|(?:have\\s+)?seen|had\\s+a\\s+chance|have\\s+had\\s+a\\s+"
     "chance)\\b",
     LU_CHASE_HOMEWORK},
    {"\\b(?:just\\s+)?wanted\\s+to\\s+(?:check|see)\\s+(?:in\\s+)?(?:if|whether)\\s+you\\s+"
     "(?:saw|received|got|had|have\\s+had|were\\s+able)\\b",
     LU_CHASE_HOMEWORK},
    /* I was wondering if */
    {"\\b(?:i\\s+was|i\\s+am|i" AP "m|we\\s+were|we\\s+are|we['\u2019]re)\\s+(?:just\\s+)?"
     "wondering\\b",
     LU_CHASE_HEDGE},
    {"\\bjust\\s+wondering\\b", LU_CHASE_HEDGE},
    {"\\bi\\s+wonder\\s+(?:if|whether)\\s+you\\b", LU_CHASE_HEDGE},
    {"\\bjust\\s+wanted\\s+to\\s+(?:see|check|make\\s+sure|confirm)\\s+(?:if|whether|that\\s+"
     "you)\\b",
     LU_CHASE_HEDGE},
    /* any update?  Not "any updates will be posted", not "if there is any news". */
    {"(?<!if there is )(?<!if there are )(?<!if there's )(?<!should there be )"
     "\\bany\\s+(?:updates?|news|progress|movement)\\b"
     "(?!\\s+(?:to|of|that|will|would|should|must|shall|is|are|was|were|can|may|might|files?|"
     "entr(?:y|ies)|items?|"
     "from\\s+(?:our|my|me|us)\\b))",
     LU_CHASE_COURT},
    {"\\bany\\s+word\\s+(?:on|about|yet|from\\s+(?:you|your))\\b", LU_CHASE_COURT},
    /* bumping this; a bare "bump" line */
    {"\\bbump(?:ing)?\\s+(?:this|that|it|the\\s+thread|my\\s+(?:last\\s+|previous\\s+|earlier\\s+)?"
     "(?:e-?mail|message|mail|note|request|question|thread))\\b"
     "(?!\\s+(?:to|from)\\s+(?:v(?:ersion)?\\s*)?\\d)(?!\\s+(?:to|from)\\s+(?:version|release)\\b)",
     LU_CHASE_BUMP},
    {"^[ \\t]*(?:just\\s+)?bump(?:ing)?(?:[ \\t]+(?:again|up))?[ \\t]*[.!]*[ \\t]*$",
     LU_CHASE_BUMP},
    {"\\b(?:friendly|gentle|quick|little|polite|small|just\\s+a)\\s+(?:ping|nudge|bump|poke)\\b",
     LU_CHASE_BUMP},
    {"\\b(?:just\\s+)?(?:pinging|nudging|poking)\\s+(?:you|this|again|the\\s+thread|back|in)\\b",
     LU_CHASE_BUMP},
    {"\\b(?:floating|bringing|moving|pushing)\\s+this\\s+(?:(?:back\\s+)?(?:up\\s+)?to\\s+the\\s+"
     "top|back\\s+up)\\b",
     LU_CHASE_BUMP},
    {"\\bresurfac(?:e|ing)\\s+this\\b", LU_CHASE_BUMP},
    {"\\btop\\s+of\\s+your\\s+inbox\\b", LU_CHASE_BUMP},
    {"\\b(?:got|gotten|get|be|been)\\s+(?:lost|buried)\\s+in\\s+your\\s+inbox\\b", LU_CHASE_BUMP},
    /* sorry to bother you */
    {"\\b(?:sorry|apologies|i\\s+apologi[sz]e)\\s+(?:to|for)\\s+(?:bother|pester|bug|nag|disturb|"
     "hassl|chas|keep\\s+(?:bother|writ|email|ask)|the\\s+(?:repeated|multiple|many|constant|"
     "follow[\\s-]?up)|(?:writing|emailing|reaching\\s+out)\\s+again|following\\s+up|another\\s+"
     "(?:e-?mail|message|reminder|follow))\\w*",
     LU_CHASE_SORRY},
    {"\\b(?:hate|don" AP "t\\s+(?:mean|want)|do\\s+not\\s+(?:mean|want))\\s+to\\s+(?:(?:bother|"
     "pester|bug|nag|hassle|disturb|keep\\s+bothering)\\s+(?:you|u|y" AP "all|everyone|anyone)|be"
     "\\s+a\\s+(?:pest|nag|pain)|chase\\s+(?:you|this))\\b",
     LU_CHASE_SORRY},
    {"\\bhope\\s+you\\s+don" AP "t\\s+mind\\s+(?:me|my)\\b", LU_CHASE_SORRY},
    {"\\bhope\\s+i" AP "m\\s+not\\s+(?:bothering|pestering|bugging|being\\s+a\\s+(?:pest|nag))\\b",
     LU_CHASE_SORRY},
    /* haven't heard back */
    {"\\b(?:haven" AP "t|have\\s+not|hadn" AP "t|didn" AP "t|did\\s+not|not\\s+yet|never)\\s+"
     "heard\\s+(?:back|from\\s+you|anything)\\b",
     LU_CHASE_OWE},
    {"\\bstill\\s+(?:waiting|awaiting|haven" AP "t\\s+(?:received|got|had))\\s+(?:for\\s+|on\\s+)?"
     "(?:your|a|an|any)\\s+(?:reply|response|answer|feedback|decision|confirmation)\\b",
     LU_CHASE_OWE},
    {NULL, 0},
};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"from", "sent by", NULL};
static const char *const quote_date[] = {"sent", "date", NULL};
static const char *const quote_to[] = {"to", "cc", NULL};
static const char *const quote_subject[] = {"subject", NULL};

const struct lu_lang_pack lu_lang_en = {
    .code = "en",
    .guess_words = guess_words,
    .dates = dates,
    .n_dates = G_N_ELEMENTS(dates),
    .weekdays = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    .months = {"", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"},
    .date_fmt = "%A %d %B",
    .year_fmt = " %Y",
    .time_fmt = " at %H:%M",
    .time_one_fmt = NULL,
    .first_suffix = NULL,
    .and_ = "and",
    .all = "all",
    .wrote = "On %s, %s wrote:",
    .i_wrote = "On %s, I wrote:",
    .greetings = greetings,
    .signoffs = signoffs,
    .attr_openers = attr_openers,
    .attr_verbs = attr_verbs,
    .auto_subjects = auto_subjects,
    .reply_prefixes = reply_prefixes,
    .bounce_subjects = bounce_subjects,
    .receipt_prefixes = receipt_prefixes,
    .forward_starts = forward_starts,
    .forward_markers = forward_markers,
    .chasing = chasing,
    .thanks_re = "thank\\w*|thx|appreciat\\w*|grateful|gratitude",
    .cues = NULL,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
};
