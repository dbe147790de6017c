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
    {"weds", .wday = 3, .f = LU_DW_ABBR}, /* not an ordinary word ("he weds" is rare in mail) */
    {"friday", .wday = 5},
    {"fri", .wday = 5, .f = LU_DW_ABBR},
    {"saturday", .wday = 6},
    {"sat", .wday = 6, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"sunday", .wday = 7},
    {"sun", .wday = 7, .f = LU_DW_ABBR | LU_DW_RISKY},
    {"today", .rel = LU_DR_TODAY},
    {"todays", .rel = LU_DR_TODAY},
    {"tonight", .rel = LU_DR_TONIGHT},
    {"tomorrow", .rel = LU_DR_TOMORROW},
    {"tmrw", .rel = LU_DR_TOMORROW},
    {"yesterday", .rel = LU_DR_YESTERDAY},
    {"eow", .rel = LU_DR_EOW},
    {"eom", .rel = LU_DR_EOM},
    {"eoq", .rel = LU_DR_EOQ},
    {"eoy", .rel = LU_DR_EOY},
    {"mtd", .rel = LU_DR_MTD},
    {"qtd", .rel = LU_DR_QTD},
    {"ytd", .rel = LU_DR_YTD},
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
    {"or", .f = LU_DW_FOLLOW | LU_DW_OR},
    {"to", .f = LU_DW_TO | LU_DW_FOLLOW},
    {"through", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD | LU_DW_FOLLOW},
    {"thru", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD | LU_DW_FOLLOW},
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
    {"latter", .f = LU_DW_LATE, .g = LU_DG_NEEDPART},
    {"part", .g = LU_DG_PART},
    {"half", .g = LU_DG_HALF},
    {"q", .g = LU_DG_QLETTER},
    {"st", .f = LU_DW_ORDSUF},
    {"nd", .f = LU_DW_ORDSUF},
    {"rd", .f = LU_DW_ORDSUF},
    {"th", .f = LU_DW_ORDSUF},
    {"ago", .f = LU_DW_AGO},
    {"h", .f = LU_DW_UHR, .g = LU_DG_HLETTER},
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
    {"first", .ord = 1, .mday = 1},
    {"second", .ord = 2, .mday = 2},
    {"third", .ord = 3, .mday = 3},
    {"fourth", .ord = 4, .mday = 4},
    /* ordinal days beside a month: "the fifth of May", "June twenty-first" */
    {"fifth", .mday = 5},
    {"sixth", .mday = 6},
    {"seventh", .mday = 7},
    {"eighth", .mday = 8},
    {"ninth", .mday = 9},
    {"tenth", .mday = 10},
    {"eleventh", .mday = 11},
    {"twelfth", .mday = 12},
    {"thirteenth", .mday = 13},
    {"fourteenth", .mday = 14},
    {"fifteenth", .mday = 15},
    {"sixteenth", .mday = 16},
    {"seventeenth", .mday = 17},
    {"eighteenth", .mday = 18},
    {"nineteenth", .mday = 19},
    {"twentieth", .mday = 20},
    {"thirtieth", .mday = 30},
    {"twenty", .mday = 20, .g = LU_DG_TENS},
    {"thirty", .mday = 30, .g = LU_DG_TENS},
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
    {"years", .unit = LU_DU_YEAR, .f = LU_DW_PL}, /* "the last 2 years" (dates.c m_past) */
    {"weekend", .unit = LU_DU_WEEKEND},
    {"quarter", .unit = LU_DU_QUARTER},
    {"quarters", .unit = LU_DU_QUARTER, .f = LU_DW_PL},
    {"over", .f = 0}, /* "over the weekend", "over the next few days" */
    {"holidays", .f = LU_DW_HOL, .hol = LU_DH_HOLS},
    {"holiday", .f = LU_DW_HOL},
    {"christmas", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"xmas", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"thanksgiving", .f = LU_DW_HOL, .hol = LU_DH_THANKS},
    {"easter", .f = LU_DW_HOL, .hol = LU_DH_EASTER},
    {"business", .f = LU_DW_BIZ},
    {"working", .f = LU_DW_BIZ},
    {"work", .f = LU_DW_BIZ},
    {"new", .hol = LU_DH_NEW}, /* "after New Year" */
    /* the first words of named days (date_phrases' LU_DP_NAMED_DAY) */
    {"good"},
    {"independence"},
    {"labor"},
    {"labour"},
    {"memorial"},
    {"tax"},
    {"boxing"},
    {"valentine"},
    {"valentines"},
    {"veteran"},
    {"veterans"},
    {"mlk"},
    {"martin"},
    {"president"},
    {"presidents"},
    {"columbus"},
    {"black"},
    {"cyber"},
    {"w", .g = LU_DG_WC}, /* "w/c 14 Dec": the week commencing (date_phrases' LU_DP_WEEK_FROM) */
    {"later", .g = LU_DG_LATER}, /* "later this week": from tomorrow to its end */
    {"fiscal", .g = LU_DG_FISCAL},
    {"fy", .g = LU_DG_FISCAL},
    {"spring", .season = LU_DS_SPRING, .g = LU_DG_RISKYSEASON},
    {"summer", .season = LU_DS_SUMMER},
    {"autumn", .season = LU_DS_AUTUMN},
    {"fall", .season = LU_DS_AUTUMN, .g = LU_DG_RISKYSEASON},
    {"winter", .season = LU_DS_WINTER},
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
static const char *const reply_prefixes[] = {"re", NULL};
static const char *const forward_prefixes[] = {"fw", "fwd", NULL};

/* What follows "check in" when it means writing to see how things are: the
 * end of the clause or line, or "on", "with", "about", "to see", "and see"... */
#define CHECKIN_NEXT                                                                               \
    " >.|,|;|:|!|?|)|\u2013|\u2014|-|$|on|with|about|regarding|re|to_see|and_see|and_ask|"         \
    "and_find|again|quickly|briefly|here|once_more"
#define FOLLOW_UP    "follow_up|follow-up|follow_-_up|followup"
#define FOLLOWING_UP "following_up|following-up|following_-_up|followingup"
#define SORRY_TO     "sorry|apologies|i_apologise|i_apologize to|for "
/* "bump this to 2.0", "bump it from version 3": a version, not a thread */
/* the actions a writer promises ("I'll send...", "Will try...") */
#define COMMIT_VERBS                                                                               \
    "@impv|talk|see|get|look|let|check|find|work|try|call|send|forward|circulate|follow|review|"   \
    "update|have|put|pull|prepare|draft|set|arrange|ask|keep|make|take|give|bring|email|contact|"  \
    "write|respond|reply|confirm|schedule|book|pick|drop|come|go|close|port|push|merge|bisect"
#define NOT_VERSION                                                                                \
    " !>( to|from @num|version|release|ver|v|v0*|v1*|v2*|v3*|v4*|v5*|v6*|v7*|v8*|v9* )"

/* Chasing phrases and their close variants (lint.c), in the cue notation
 * (leadup.h).  Each is written so that the technical or literal use of the
 * same words does not match: "check in the fix", "check in at the hotel",
 * "bump the version to 2.0", "ping the server", "ping me if you need
 * anything", "any updates will be posted", "when you get a chance" (a
 * courtesy about the future, not a reproach about the past).  Variants
 * that overlap are found once (the earliest, longest). */
static const struct lu_chase_cue chasing[] = {
    /* check in: only where it means writing to see how things are, never
     * "R CMD check in R-devel", "the check in parallel", "check in the fix" */
    {"just wanted_to|want_to? check|checking in !>at|the|online|early|late|for "
     "!>( to the|a|an|my|our|your|their|his|her ) "
     "!>( your|my|our|his|her|their code|change|changes|fix|patch|bag|bags|luggage|coat )",
     LU_CHASE_COURT},
    {"wanted|wanting|going|love to check in" CHECKIN_NEXT, LU_CHASE_COURT},
    {"i|we just? want to check in" CHECKIN_NEXT, LU_CHASE_COURT},
    {"would|i'd|id just? like to check in" CHECKIN_NEXT, LU_CHASE_COURT},
    {"thought i'd|id|i_would check in" CHECKIN_NEXT, LU_CHASE_COURT},
    {"checking in" CHECKIN_NEXT, LU_CHASE_COURT},
    {"quick|brief|friendly|short check-in", LU_CHASE_COURT},
    /* touch base, circle back */
    {"just? wanted_to|want_to|would_like_to|i'd_like_to|id_like_to|thought_i'd|thought_id? "
     "touch|touching|touched base",
     LU_CHASE_COURT},
    {"just? circle|circles|circling|circled back", LU_CHASE_COURT},
    {"check|checking back in|on|with|about|regarding", LU_CHASE_COURT},
    {"just? reaching|wanted_to_reach out again", LU_CHASE_COURT},
    {"just checking", LU_CHASE_COURT},
    {"where are_we|we_are|do_we_stand|we_stand|things_stand|do_things_stand on|with",
     LU_CHASE_COURT},
    {"in case you missed", LU_CHASE_COURT},
    {"in case it got|was|has_been lost|buried|missed", LU_CHASE_COURT},
    /* follow-ups that carry nothing */
    {"just wanted_to|want_to|writing_to? " FOLLOW_UP "|" FOLLOWING_UP, LU_CHASE_COURT},
    {"!<for " FOLLOWING_UP " on this|below|the_below|the_email_below|the_message_below",
     LU_CHASE_COURT},
    {FOLLOW_UP "|" FOLLOWING_UP " on|regarding|re|about|to my last|previous|earlier|prior|recent "
               "email|message|mail|note|request|voicemail",
     LU_CHASE_OWE},
    {"!<for " FOLLOWING_UP " on my *? email|emails|message|messages|mail|mails|note|notes|request|"
     "requests|question|questions|voicemail|voicemails",
     LU_CHASE_COURT},
    {"as per my last|previous|earlier|prior email|message|mail|note", LU_CHASE_OWE},
    /* did you get a chance, did you see my email */
    {"did|have|has|had you|anyone get|got|gotten|had|have|find|found a|the|any? "
     "chance|moment|minute|opportunity|time_to",
     LU_CHASE_HOMEWORK},
    {"if|whether|hope you've|you_have|you had|got|gotten|found a|the? "
     "chance|moment|opportunity|time_to",
     LU_CHASE_HOMEWORK},
    {"did|have you see|seen|receive|received|get|got|gotten|read my last|previous|earlier|prior? "
     "email|message|mail|note|voicemail|text|letter",
     LU_CHASE_HOMEWORK},
    {"not_sure|unsure|wasn't_sure|don't_know if|whether you "
     "saw|received|got|seen|have_seen|had_a_chance|have_had_a_chance",
     LU_CHASE_HOMEWORK},
    {"just? wanted to check|see in? if|whether you saw|received|got|had|have_had|were_able",
     LU_CHASE_HOMEWORK},
    /* I was wondering if */
    {"i_was|i_am|i'm|we_were|we_are|we're just? wondering", LU_CHASE_HEDGE},
    {"just wondering", LU_CHASE_HEDGE},
    {"i wonder if|whether you", LU_CHASE_HEDGE},
    {"just wanted to see|check|make_sure|confirm if|whether|that_you", LU_CHASE_HEDGE},
    /* any update?  Not "any updates will be posted", not "if there is any news". */
    {"!<( if there is|are ) !<if_there's|should_there_be any update|updates|news|progress|movement "
     "!>to|of|that|will|would|should|must|shall|is|are|was|were|can|may|might|file|files|entry|"
     "entries|item|items|from_our|from_my|from_me|from_us",
     LU_CHASE_COURT},
    {"any word on|about|yet|from_you|from_your", LU_CHASE_COURT},
    /* bumping this; a bare "bump" line */
    {"bump|bumping this|that|it|the_thread" NOT_VERSION, LU_CHASE_BUMP},
    {"bump|bumping my last|previous|earlier? "
     "email|message|mail|note|request|question|thread" NOT_VERSION,
     LU_CHASE_BUMP},
    {"= just? bump|bumping again|up? .|!? $", LU_CHASE_BUMP},
    {"friendly|gentle|quick|little|polite|small|just_a ping|nudge|bump|poke", LU_CHASE_BUMP},
    {"just? pinging|nudging|poking you|this|again|the_thread|back|in", LU_CHASE_BUMP},
    {"floating|bringing|moving|pushing this "
     "to_the_top|up_to_the_top|back_to_the_top|back_up_to_the_top|back_up",
     LU_CHASE_BUMP},
    {"resurface|resurfacing this", LU_CHASE_BUMP},
    {"top of your inbox", LU_CHASE_BUMP},
    {"got|gotten|get|be|been lost|buried in your inbox", LU_CHASE_BUMP},
    /* sorry to bother you */
    {SORRY_TO "bother|bothering|pester|pestering|bug|bugging|nag|nagging|disturb|disturbing|"
              "hassle|hassling|chase|chasing",
     LU_CHASE_SORRY},
    {SORRY_TO "keep bother|bothering|write|writing|email|emailing|ask|asking", LU_CHASE_SORRY},
    {SORRY_TO "the repeated|multiple|many|constant|" FOLLOW_UP "|follow-ups|followups",
     LU_CHASE_SORRY},
    {SORRY_TO "writing|emailing|reaching_out again", LU_CHASE_SORRY},
    {SORRY_TO FOLLOWING_UP, LU_CHASE_SORRY},
    {SORRY_TO "another email|message|reminder|" FOLLOW_UP "|follow", LU_CHASE_SORRY},
    {"hate|don't_mean|don't_want|do_not_mean|do_not_want to "
     "bother|pester|bug|nag|hassle|disturb|keep_bothering you|y'all|everyone|anyone",
     LU_CHASE_SORRY},
    {"hate|don't_mean|don't_want|do_not_mean|do_not_want to be a pest|nag|pain", LU_CHASE_SORRY},
    {"hate|don't_mean|don't_want|do_not_mean|do_not_want to chase you|this", LU_CHASE_SORRY},
    {"hope you don't mind me|my", LU_CHASE_SORRY},
    {"hope i'm not bothering|pestering|bugging|being_a_pest|being_a_nag", LU_CHASE_SORRY},
    /* haven't heard back */
    {"haven't|have_not|hadn't|hadnt|didn't|did_not|not_yet|never heard back|from_you|anything",
     LU_CHASE_OWE},
    {"still waiting|awaiting|haven't_received|haven't_got|haven't_had for|on? your|a|an|any "
     "reply|response|answer|feedback|decision|confirmation",
     LU_CHASE_OWE},
    {NULL, 0},
};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"from", "sent by", NULL};
static const char *const quote_date[] = {"sent", "date", NULL};
static const char *const quote_to[] = {"to", "cc", NULL};
static const char *const quote_subject[] = {"subject", NULL};

/* ------------------------------------------------------------ classify.c's grammar */

/* Space-separated word lists; a word may be in several classes.  The last
 * entry is the common English words of no other class: being in the
 * lexicon makes them known (a capitalised "Both" or "Ready" is no name)
 * and lets the model give them a word weight: see scripts/train-intent. */
static const struct lu_lex_class lexicon[] = {
    {LU_W_IMPV, "send call give let check review forward look take make get provide confirm "
                "schedule set tell ask keep bring come join meet contact email e-mail fax reply "
                "respond update fill complete sign return submit print read note find remember "
                "put add remove include copy cc prepare arrange book reserve plan pick drop "
                "stop go talk discuss think consider ring phone advise inform approve fix change "
                "move cancel handle follow attend write draft circulate distribute pull run "
                "expect do mark verify double-check ship deliver pay order leave wait hold grab "
                "coordinate organize organise ensure show explain clarify sort resend re-send "
                "shoot swing remind notify list summarize summarise compile gather collect "
                "obtain research investigate track chase escalate process file initial enter "
                "correct edit revise modify amend scan attach log create build test upload share "
                "post route direct transfer assign accept decline reject authorize release "
                "reschedule postpone delay expedite hurry page text ping hand fetch place "
                "purchase tell touch figure work talk help fix forward cover pass bring "
                /* more verbs of office work, so that "Please describe..." and
              * "Refer to the letter..." are read as instructions */
                "refer describe disregard delete consult itemize ignore manage specify indicate "
                "identify outline prioritize reconcile calculate estimate evaluate assess analyze "
                "analyse determine select choose decide rank supply furnish retrieve replace "
                "resolve introduce loop bcc warn alert brief present host invite call-in dial "
                "proceed proofread reread recheck rerun redo rework reword rewrite fill-in "
                "familiarize familiarise acknowledge agree answer contribute respond provide "
                "restart reinstall rebuild recompile retry reboot "
                "tell ask book renew extend wire remit settle bill invoice quote price"},
    {LU_W_WEAKV, "get take make keep find see look try go come do put read think feel show leave "
                 "hold stop run start use help work pass cover let"},
    {LU_W_PROMOV, "click visit download install shop subscribe unsubscribe register claim redeem "
                  "earn win upgrade explore browse discover learn watch enjoy tap activate "
                  "apply save"},
    {LU_W_PAST, "was were had did went said told sent got made took met spoke came gave left "
                "thought knew saw found felt heard kept brought bought paid wrote began ran won "
                "lost held stood understood became forgot spent built caught taught sold chose "
                "drove ate flew fell grew led meant sat slept threw woke wore been "
                "didn't wasn't weren't hadn't couldn't"},
    {LU_W_FUT, "tomorrow tmrw tmw tonight monday tuesday wednesday thursday friday saturday "
               "sunday mon tue tues wed thu thur thurs fri next upcoming soon later asap "
               "weekend noon eod cob midnight january february march april june july august "
               "september october november december jan feb mar apr jun jul aug sep sept oct "
               "nov dec mondays fridays"},
    {LU_W_PASTT, "yesterday ago last earlier recently previously already"},
    {LU_W_EVENT, "meeting meetings meet mtg call calls conference lunch dinner breakfast coffee "
                 "drinks beer party game presentation interview session seminar workshop webinar "
                 "visit trip discussion appointment get-together gathering reception event class "
                 "training demo tour golf offsite celebration ceremony concert show dinners "
                 "conference-call con-call call-in chat catch-up teleconference videoconference "
                 "happy-hour briefing"},
    {LU_W_PROMO, "coupon promo exclusive unsubscribe subscribe subscription newsletter privacy "
                 "app apps download browser login password username premium upgrade iphone "
                 "android ios facebook twitter instagram linkedin tweet podcast sweepstakes "
                 "prize winner bonus rewards shipping cart checkout $link http https www url "
                 "stunning amazing awesome instantly guaranteed unlimited ebook subscribers "
                 "discount sale click"},
    {LU_W_MODAL, "can could would will shall should may might must can't couldn't wouldn't won't "
                 "shouldn't cannot"},
    {LU_W_AUX, "is are was were am be been has have had do does did will would can could shall "
               "should may might must isn't aren't wasn't weren't hasn't haven't hadn't don't "
               "doesn't didn't won't wouldn't can't couldn't 's 're"},
    {LU_W_SUBJ, "i we you he she they it i'm i've i'll i'd we're we've we'll we'd you're you've "
                "you'll you'd he's she's they're they'll it's"},
    {LU_W_WH, "what when where who which how why whom whose what's when's where's how's who's"},
    {LU_W_GREET, "hi hello hey dear hiya howdy greetings morning afternoon evening good yo hallo "
                 "bonjour hola"},
    {LU_W_DISC, "and also but so ok okay well anyway anyways plus oh btw then now still again "
                "additionally finally first second third meanwhile otherwise however further "
                "furthermore lastly ps p.s sorry yes no alright great perfect just simply "
                "hopefully"},
    {LU_W_TALKV, "meet discuss talk chat speak sit catch visit see call schedule arrange "
                 "touch connect share present walk grab join attend reschedule confer brainstorm "
                 "regroup meeting discussing talking chatting seeing speaking catching visiting "
                 "debrief de-brief"},
    {LU_W_GROUP, "all guys folks team everyone everybody gentlemen ladies y'all colleagues "
                 "friends"},
    {LU_W_THANK, "thanks thank thx cheers ty appreciated"},
    {LU_W_PERIOD, "week month morning afternoon evening weekend year quarter day time"},
    {LU_W_FUNC, "since although though because while unless until whether regarding concerning "
                "given following looks seems sounds looking going hopefully unfortunately "
                "fortunately actually basically specifically alternatively apparently obviously "
                "clearly honestly frankly certainly probably maybe perhaps instead besides "
                "therefore thus hence overall generally initially currently originally "
                "personally ideally sorry once just only even in on at for to with from as "
                "after before during about regarding re subject note please thanks"},
    {LU_W_FUNC, "the a an this that these those it its he she they we i you my your our his her "
                "their them us me him not no yes and or but if when so as at by for from in of on "
                "to with about into over after before than then there here please pls plz kindly "
                "any some all each every just also only very more most much many other such "
                "attached enclosed below above following per re fyi thanks regarding"},
    {LU_W_GEN,
     "one two both either neither each other another same different own such much many few "
     "little less least more most enough none nothing something anything everything someone "
     "anyone somebody anybody nobody where often sometimes usually again too also only even "
     "really very quite rather almost around within without between among through during since "
     "although however therefore instead otherwise whether ready able possible necessary "
     "available sure certain clear important urgent final current early late new old good bad "
     "better best great big small long short first last ahead back forward away out up down off "
     "over under done going getting having being doing making taking giving using trying looking "
     "working mind idea question questions answer issue issues problem problems status update "
     "plan plans date dates person people thing things way part case point still yet never ever "
     "always already"},
    {0, NULL},
};

/* Common spellings without the apostrophe, folded to the usual token. */
static const char *const folds[][2] = {
    {"dont", "don't"},       {"cant", "can't"},       {"wont", "won't"},
    {"im", "i'm"},           {"ive", "i've"},         {"didnt", "didn't"},
    {"doesnt", "doesn't"},   {"isnt", "isn't"},       {"wasnt", "wasn't"},
    {"youre", "you're"},     {"thats", "that's"},     {"whats", "what's"},
    {"couldnt", "couldn't"}, {"wouldnt", "wouldn't"}, {"shouldnt", "shouldn't"},
    {"arent", "aren't"},     {"havent", "haven't"},   {"u", "you"},
    {"ur", "your"},          {"e-mail", "email"},     {"pls", "please"},
    {"plz", "please"},       {"thx", "thanks"},       {NULL, NULL},
};

/* Words of thanks: "thanks for your comments" thanks, it does not ask. */
static const char *const thank_words[] = {"thanks", "thank", "thx", "grateful", "cheers", NULL};

/* classify.c's words by role (leadup.h enum lu_gw): what its code tests
 * beyond the patterns. */
#define W(...) ((const char *const[]){__VA_ARGS__, NULL})
/* clang-format off */
#define GRAMMAR_WORDS {                                                                            \
    [LU_GW_ADVERB_SUFFIX] = W("ly"),                                                               \
    [LU_GW_PARTICIPLE_SUFFIX] = W("ing"),                                                          \
    [LU_GW_VERB_SUFFIX] = W("ing", "s"),                                                           \
    [LU_GW_LY_NOT_NAME] = W("daily", "truly", "fully", "newly"),                                   \
    [LU_GW_DETERMINER] = W("the", "a", "an", "this", "that", "these", "those", "my", "your",        \
                           "our", "their", "his", "her", "its", "some", "any", "there", "anyone",  \
                           "anybody", "someone", "somebody", "people", "all", "each", "both",      \
                           "everyone", "everything", "anything", "nobody", "nothing", "one",       \
                           "either"),                                                              \
    [LU_GW_INPUT_NOUN] = W("thoughts", "comments", "ideas", "suggestions", "opinions", "feedback",  \
                           "objections"),                                                          \
    [LU_GW_SELF] = W("i"),                                                                         \
    [LU_GW_OPINION_VERB] = W("think", "suspect", "guess", "believe"),                              \
    [LU_GW_READER] = W("you", "your", "you're"),                                                   \
    [LU_GW_ARTICLE] = W("the", "a", "an"),                                                         \
    [LU_GW_ADJ_MARKER] = W("great", "perfect", "alright", "no"),                                   \
    [LU_GW_MARKER_OPENS] = W("please", "let's"),                                                   \
    [LU_GW_INVERTED_AUX] = W("can", "could", "would", "will", "should", "shall", "may", "do",       \
                             "did", "does", "are", "is", "were", "have", "has"),                   \
    [LU_GW_PERSON] = W("i", "we", "you", "u", "they", "he", "she", "it"),                          \
    [LU_GW_GREET_PAIR] = W("good"),                                                                \
    [LU_GW_GREET_TIME] = W("morning"),                                                             \
    [LU_GW_NAME_JOINER] = W("and", "&", "."),                                                      \
    [LU_GW_YOU] = W("you"),                                                                        \
    [LU_GW_VOCATIVE_NEXT] = W("you", "please"),                                                    \
    [LU_GW_ASKING_MODAL] = W("can", "could", "would", "will"),                                     \
    [LU_GW_POSSESSIVE] = W("'s"),                                                                  \
    [LU_GW_SEE] = W("see"),                                                                        \
    [LU_GW_ATTENTION_VERB] = W("note", "notice"),                                                  \
    [LU_GW_THAT] = W("that"),                                                                      \
    [LU_GW_LET] = W("let"),                                                                        \
    [LU_GW_ME_US] = W("me", "us"),                                                                 \
    [LU_GW_KNOW] = W("know"),                                                                      \
    [LU_GW_BASE_AUX] = W("be", "do", "have"),                                                      \
    [LU_GW_FIRST_SING] = W("i", "me", "my", "i'm", "i'll", "i've", "i'd"),                         \
    [LU_GW_FIRST_PLUR] = W("we", "us", "our", "we're", "we'll", "we've", "we'd"),                  \
    [LU_GW_THIRD_PERSON] = W("he", "she", "they", "he's", "she's", "they're", "they'll", "he'll",  \
                             "she'll"),                                                            \
    [LU_GW_VAGUE_TIME] = W("soon", "later"),                                                       \
    [LU_GW_REMINDER] = W("reminder"),                                                              \
    [LU_GW_INPUT_ASK] = W("send", "share", "give", "provide", "forward", "email", "mail", "need",   \
                          "needs", "want", "like", "love", "welcome", "get", "have", "await",      \
                          "awaiting", "expect", "expecting", "seek", "seeking", "request",         \
                          "invite", "inviting", "solicit", "please", "kindly", "let", "hear",      \
                          "i'd", "we'd", "would", "appreciate", "what", "any", "discuss", "hear",  \
                          "know", "curious"),                                                      \
    [LU_GW_INPUT_MODAL] = W("i'd", "we'd", "would", "will", "'d"),                                 \
    [LU_GW_INPUT_AFTER] = W("welcome", "appreciated", "needed", "required", "wanted", "please"),   \
    [LU_GW_INPUT_NOT] = W("not", "no", "never", "didn't", "don't", "haven't", "hasn't", "doesn't", \
                          "wasn't", "weren't"),                                                    \
    [LU_GW_APPRECIATE] = W("appreciate", "appreciated"),                                           \
    [LU_GW_YOUR] = W("your"),                                                                      \
    [LU_GW_ANY] = W("any"),                                                                        \
    [LU_GW_MATCH_DET] = W("the", "this", "that", "each", "every", "any"),                          \
    [LU_GW_NEGATION] = W("not", "never", "n't"),                                                   \
    [LU_GW_YOU_SUBJ] = W("you", "you'll", "you'd", "u"),                                           \
    [LU_GW_SEEN] = W("you", "u", "y'all", "everyone", "all", "them", "him", "her", "each",         \
                     "everybody"),                                                                 \
    [LU_GW_SUGGESTER] = W("i", "we", "i'd", "we'd"),                                               \
    [LU_GW_TENTATIVE] = W("would", "could", "might", "can"),                                       \
    [LU_GW_NEED] = W("need", "needs"),                                                             \
    [LU_GW_NEED_NOUN] = W("a", "no"),                                                              \
    [LU_GW_TO] = W("to"),                                                                          \
    [LU_GW_PLEASE] = W("please"),                                                                  \
    [LU_GW_PLEASE_COURTESY] = W("excuse", "forgive", "pardon"),                                    \
    [LU_GW_WH_CONJ] = W("and", "but", "so", "or", "then"),                                         \
    [LU_GW_THIS_PERIOD] = W("this", "coming"),                                                     \
    [LU_GW_PLEASE_WORDS] = W("please", "kindly"),                                                  \
    [LU_GW_VERB_BEFORE] = W("please", "kindly", "pls", "and", "just", "then", "also", "or"),       \
    [LU_GW_ANSWER_VERB] = W("confirm", "reply", "respond", "answer", "acknowledge", "advise",       \
                            "rsvp", "review", "approve", "sign", "initial"),                       \
    [LU_GW_DELIVER_VERB] = W("send", "resend", "re-send", "forward", "provide", "fax", "email",    \
                             "mail", "return", "supply", "furnish"),                               \
    [LU_GW_ME_US_OBJ] = W("me", "us"),                                                             \
    [LU_GW_BENEFIT_PREP] = W("to", "for", "with"),                                                 \
    [LU_GW_SAID_OF] = W("works", "work", "fine", "good", "ok", "okay", "well", "easy", "easier",    \
                        "hard", "harder"),                                                         \
    [LU_GW_HEDGE] = W("maybe", "perhaps", "possibly", "probably"),                                 \
    [LU_GW_SOMETHING] = W("something"),                                                            \
    [LU_GW_OPTION_LEAD] = W("or", "and", "so"),                                                    \
    [LU_GW_JUST] = W("just"),                                                                      \
    [LU_GW_WHY] = W("why"),                                                                        \
    [LU_GW_NOT] = W("not"),                                                                        \
    [LU_GW_HOW] = W("how"),                                                                        \
    [LU_GW_ABOUT] = W("about"),                                                                    \
    [LU_GW_WRITER_NEEDS] = W("i", "we", "i'd", "we'd", "would"),                                   \
    [LU_GW_READER_FORMS] = W("you", "you'll", "you'd", "you're"),                                  \
    [LU_GW_WONDER_NOT] = W("to", "check"),                                                         \
    [LU_GW_FOLLOW] = W("follow"),                                                                  \
    [LU_GW_IF] = W("if"),                                                                          \
}
/* clang-format on */

/* The cue patterns of classify.c's vote and rule labels, in the cue
 * notation (leadup.h, cue.c): "a|b" alternatives, "do_not" several words,
 * "@class" a word class, "x?" optional, "!x" any word but x, ".." a gap,
 * "^" the sentence's opening (after greetings and vocatives), "=" its very
 * first word, "<" the start of any clause, "$" the end. */
static const struct lu_grammar_cue grammar[] = {
    /* requests: questions */
    {"modal_you", "can|could|would|will|won't|wouldn't|can't|couldn't you", 0},
    {"modal_you", "^ you can|could|would|will", LU_CUE_Q},
    {"aux_you_q", "do|did|are|have|were|was|had|does|is you", LU_CUE_Q},
    {"aux_you_q", "^ you @impv|want|need|have|know|think|got|free|available|around", LU_CUE_Q},
    {"we_i_q", "can|could|should|shall|may|do|would|will|must|might i|we", LU_CUE_Q},
    {"third_q",
     "is|are|was|does|do|has|have|did|should|can|will|would|could|were "
     "it|this|that|there|the|anyone|anybody|someone|he|she|they|everyone|everything|any|all|our|my",
     LU_CUE_Q},
    {"neg_q",
     "didn't|don't|aren't|weren't|haven't|won't|wouldn't|isn't|doesn't|can't "
     "you|it|we|i|that|this|there",
     LU_CUE_Q},
    /* wh_q: computed (wh_question), a relative "which" is no question */
    {"want_you_q", "you want|wanna|need|like", LU_CUE_Q},
    /* requests: asking to report back */
    {"let_know", "let|lemme me know", 0},
    {"let_know", "keep|let me posted|informed|updated|know|apprised", 0},
    {"let_know", "keep me in_the_loop", 0},
    {"let_know", "get|write|come back to me", 0},
    {"let_know", "drop|shoot|send me a line|note|email|message|mail", 0},
    {"let_know", "give me a call|ring|shout|buzz|holler", 0},
    {"let_know", "give a call|ring|shout|holler", 0},
    {"let_know", "call|ring|phone|email|text|ping|contact|page|fax|tell me", 0},
    {"let_know", "< send|forward|get|bring|give|show|mail|fedex|fax me", 0},
    {"contact_us", "let|keep us know|posted|informed|updated", 0},
    {"contact_us", "get|write|come back to us", 0},
    {"contact_us", "drop|shoot|send|give us a line|note|email|message|mail|call|ring", 0},
    {"contact_us", "call|ring|phone|email|text|contact|tell|send|forward|fax|reach us", 0},
    {"let_know", "hear|hearing back_from you", 0},
    {"let_know",
     "your|any thoughts|comments|feedback|response|reply|answer|views|opinion|ideas|suggestions",
     0},
    {"let_know", "call|email|note|reply|word|response|input|confirmation from you", 0},
    /* requests: telling the reader what to do */
    {"need_you", "i|we need|want|expect you to", 0},
    {"need_you", "i'd|we'd|would like|love you to", 0},
    {"you_should", "you need|have|must|ought to", LU_CUE_NOQ},
    {"you_should", "you should|must", LU_CUE_NOQ},
    {"you_should", "you'll|you_will need|have to", 0},
    {"you_should", "you might|may want|wish|need to", 0},
    {"you_should", "< make|be sure", 0},
    {"you_could", "you could|might|may|better prefer|@impv", LU_CUE_NOQ},
    {"you_could", "better @impv", LU_CUE_NOQ},
    {"you_should", "< remember to", 0},
    {"need_you", "i|we need your|you", 0},
    {"need_you", "for you to @impv|@talkv", 0},
    {"need_you", "it_would|it'd be best|good|better|helpful|useful if", 0},
    {"your_input",
     "your "
     "input|approval|signature|help|advice|ok|okay|go-ahead|confirmation|review|comments|thoughts|"
     "assistance|feedback|sign-off|blessing",
     LU_CUE_NOQ},
    {"your_input", "need|needs|require|requires from you", 0},
    {"your_input", "i|we need|require more|some|the|your|additional|further|a|an|copies|info", 0},
    {"your_input",
     "i|we would|'d like a|an|the|your|some|copies|copy|to_see|to_get|to_have|to_receive", 0},
    {"your_input", "i'd|we'd like a|an|the|your|some|copies|copy|to_see|to_get|to_have|to_receive",
     0},
    {"your_input", "i'm|we're|i_am|we_are looking for", 0},
    {"appreciate", "appreciate it|if|your|you", 0},
    /* "It would be great if you could...", not the wish "It would be nice
     * if the CRAN system was more open" */
    {"appreciate", "would|'d be appreciated|grateful|helpful|great|nice|good if you|your|u|we|i",
     0},
    {"appreciate", "would be much|greatly? appreciated|helpful", 0},
    {"appreciate", "i'd|we'd be grateful", 0},
    {"if_you_could", "if you could|can|would|'d|please", 0},
    {"wondering", "wondering|wonder|wondered if|whether", 0},
    {"wondering",
     "wanted|want|like to see|check|know|find|ask|inquire|enquire if|whether|what|about", 0},
    {"wondering",
     "wanted|want|like|trying to make_sure|confirm|check|verify|clarify|ensure|inquire|enquire", 0},
    {"wondering", "checking to_see|in|on|with", 0},
    {"wondering", "check to_see|in", 0},
    /* "Just following up on...", "I'm following up on", "to follow up on";
     * not "I can't resist following up on Dirk's comment" */
    {"wondering", "< just? following|follow up|up_on|up_with", 0},
    {"wondering", "i'm|i_am|am|we're|we_are|to just? following|follow up|up_on|up_with", 0},
    {"wondering", "follow-up|followup|follow-up on|with", 0},
    {"wondering", "just checking|confirming", 0},
    {"wondering", "confirming|confirm with you", 0},
    {"wondering", "to see if|whether|what|how", 0},
    {"can_i", "can|could|may i|we get|have|see|ask|borrow|grab|order", 0},
    {"any_chance", "any chance", 0},
    {"any_chance", "is|would it be possible|feasible|ok|okay|alright", 0},
    {"any_chance", "is there any? way|chance", 0},
    {"any_chance", "if possible", 0},
    {"any_chance", "if at_all possible", 0},
    {"reminder", "reminder", 0},
    {"reminder", "< don't_forget|do_not_forget", 0},
    {"asap", "asap|a.s.a.p|urgent|urgently|immediately", 0},
    {"asap", "as_soon_as possible", 0},
    {"asap", "right away", 0},
    {"please", "please|kindly", 0},
    {"please_verb", "please|kindly @impv", 0},
    {"please_verb", "< @impv .. please $", 0},
    {"dont_imp", "< don't|do_not @impv|tell|discuss|worry|make|let|sign|send", LU_CUE_NOQ},
    {"hope_you_can", "hope|hoping you|you'll can|will|could|would|'ll|might|get|have|find", 0},
    {"hope_you_can", "hope|hoping you'll", 0},
    /* proposals */
    {"lets", "< let's|lets !see|know|do", 0},
    {"lets", "< let_us @talkv", 0},
    {"lets", "^ lets", 0},
    {"we_should", "we should|could|might|ought|must|shall", LU_CUE_NOQ},
    {"we_should", "we need to", LU_CUE_NOQ},
    {"we_should", "we'll|we_will need|have to", LU_CUE_NOQ},
    {"we_should", "shall|should we", 0},
    {"we_should", "we may want", 0},
    {"how_about", "how|what about", 0},
    {"how_about", "why don't|not we|you", 0},
    {"how_about", "^ why not", 0},
    {"how_about", "maybe|perhaps we|you", 0},
    /* the writer suggests: "I'd suggest", "I also recommend", "may I
     * propose"; not "I will suggest the change" (a promise) nor "easier for
     * Duncan to ... recommend" (someone else) */
    {"how_about", "i|we|i'd|we'd .. suggest|propose|recommend", 0},
    {"how_about", "may|can|could|might i|we suggest|propose|recommend", 0},
    {"how_about", "i'm|we're|i_am|we_are suggesting|proposing|recommending", 0},
    {"how_about", "^ suggest|propose|recommend", 0},
    /* "my suggestion is", not "the proposal is in good shape" */
    {"how_about", "my|our suggestion|recommendation|proposal is|would", 0},
    {"like_to_meet", "like|love|want|wanted|hope|hoping|need|needs|keen|plan|planning to .. @talkv",
     0},
    {"like_to_meet", "like|love .. to @talkv", 0},
    /* "Let's get together", "love to get together"; not "the Rust users
     * should get together" (someone else's meeting) */
    {"like_to_meet", "< get|getting together", 0},
    {"like_to_meet", "to|we|you|us get|getting together", 0},
    {"can_we_meet", "can|could|shall|should|may we|i .. @talkv|@event", LU_CUE_Q},
    {"can_we_meet",
     "can|could|shall|should|may we move|push|postpone|reschedule|set|do|have|grab|get", LU_CUE_Q},
    {"like_to_meet", "touch base", 0},
    {"like_to_meet", "catch up", 0},
    {"like_to_meet", "sit down", 0},
    /* "We could discuss it on Monday", not "details we could discuss here" */
    {"like_to_meet", "< maybe|perhaps|so|then? we can|could .. @talkv|@event", LU_CUE_NOQ},
    {"like_to_meet", "would|'d be good|great|nice|helpful|useful to @talkv", 0},
    {"like_to_meet", "forward to @talkv !you", 0},
    {"like_to_meet", "forward to @talkv $", 0},
    {"available", "you be? available|free|around", 0},
    {"available", "your availability|schedule|calendar", 0},
    {"available", "you have time|a_few|a_minute|some_time|a_moment", 0},
    {"available", "what|which time|day|date|times|days works|suits|is_best|would_work|is_good", 0},
    {"available", "@fut|time|that|this|it work|works|suit|suits for you", 0},
    {"available", "does|would|will|do @fut|time|that|this|it|either|any work|suit", 0},
    {"available", "convenient|convenience", 0},
    {"available", "up for .. @event", 0},
    {"invite", "invite|invites|inviting you", 0},
    {"invite", "invitation", 0},
    {"invite", "you_are|you're invited|welcome", 0},
    {"invite", "join us|me", 0},
    {"invite", "love|like to have|see you", 0},
    {"invite", "come|stop|drop|swing by|over", 0},
    {"schedule_evt",
     "schedule|set|setup|arrange|organize|organise|book|plan|put|find|have a|an|the|some|our .. "
     "@event",
     0},
    {"dropped_need", "^ need|want|hoping|hope|plan|planning to", 0},
    {"dropped_need", "^ would like|love to", 0},
    /* announcements */
    /* "by Friday", "by the end of the day"; not "signed by the parties",
     * "up by 3%" */
    {"deadline", "by @fut|eod|cob|close|end|noon|tomorrow|tonight|then|@time", 0},
    {"deadline", "by the end|close|latest|weekend|morning|afternoon|evening|deadline", 0},
    /* "due on Friday", not "due to the storm" */
    {"deadline", "due !to", 0},
    {"deadline", "due $", 0},
    {"deadline", "due to_be", 0},
    {"deadline", "deadline|deadlines", 0},
    {"deadline", "no_later_than", 0},
    {"deadline", "before|until @fut", 0},
    {"scheduled", "scheduled|planned|slated|set|booked for|to|on|at", 0},
    {"scheduled", "be held|hosted", 0},
    {"scheduled", "will take place", 0},
    {"scheduled", "there_is|there's|there_will_be .. @event", 0},
    {"scheduled", "@event is|will_be on|at|in|@fut", 0},
    {"scheduled", "we|i are|am meeting|leaving|flying|going|coming|getting", 0},
    {"scheduled", "we will|'ll|shall meet|be_meeting|have|see|talk|get", 0},
    {"scheduled", "we'll meet|be_meeting|have|see|talk|get", 0},
    {"scheduled", "we'll|we_will|we_shall|we're_going_to|we_are_going_to @talkv", 0},
    {"scheduled", "take|takes|taking place", 0},
    {"scheduled", "will|'ll close|end|expire|start|begin|open", 0},
    {"we_can", "we can|could", LU_CUE_NOQ},
    {"available", "i'm|i_am|we're|we_are|i'll_be|we'll_be open|free|available|around", 0},
    {"let_know", "expect|expecting|await|awaiting .. answer|response|reply|call|word|hear|decision",
     0},
    {"see_you",
     "see|talk|speak|meet to|with? you @fut|then|soon|there|at|on|next|tomorrow|tonight|later",
     LU_CUE_NOQ},
    {"see_you", "see|meet you at|on|in|next|this .. @fut|@time", LU_CUE_NOQ},
    {"see_you", "get|sit|meet with you", 0},
    /* "I'll call you tomorrow": an event with the reader, not only a promise */
    {"meet_you",
     "i|we will|shall|'ll|am_going_to|are_going_to call|see|meet|phone|ring|visit|brief|fill "
     "you",
     0},
    {"meet_you",
     "i'll|we'll|i'm_going_to|we're_going_to call|see|meet|phone|ring|visit|brief|fill you", 0},
    {"meet_you",
     "i|we will|shall|'ll talk|speak|meet|discuss|catch_up|get_together|sit_down to|with you", 0},
    {"meet_you", "i'll|we'll talk|speak|meet|discuss|catch_up|get_together|sit_down to|with you",
     0},
    {"writer_fut_you", "i'll|we'll|i'm|we're .. you|your|yours", 0},
    {"writer_fut_you", "i|we will|shall|am|are .. you|your|yours", 0},
    {"writer_fut_you", "get_back_to|follow_up_with|be_in_touch_with|call|send you", 0},
    {"writer_fut_you", "be in touch", 0},
    {"writer_fut", "i'll|we'll", 0},
    {"writer_fut", "i|we will|shall", 0},
    {"writer_fut", "i|we am|are|'m|'re going to", 0},
    {"note", "please note|be_advised|be_aware", 0},
    {"note", "note that", 0},
    {"note", "heads up", 0},
    {"note", "just_so_you_know", 0},
    {"note", "fyi|fyi:", 0},
    {"today", "today|now", 0},
    /* modulators: courtesies and social talk */
    {"courtesy",
     "if you have|had|need|require any|further|more|other? "
     "questions|comments|concerns|problems|trouble|issues|feedback|queries|difficulties|question|"
     "help|assistance|information|info|anything|something",
     0},
    {"courtesy", "if there is|are|'s any|anything", 0},
    {"courtesy", "feel free", 0},
    {"courtesy", "hesitate", 0},
    {"courtesy", "should you have|need|require|wish", 0},
    {"courtesy", "if i can|may be? of? help|assist|any", 0},
    {"courtesy", "happy|glad|pleased to help|assist|answer", 0},
    {"courtesy", "any questions", 0},
    /* "Happy to discuss": an offer, not a proposal */
    {"courtesy", "glad|happy|pleased|able to .. @talkv|help|assist|answer", 0},
    {"courtesy", "forward to hearing from you", 0},
    {"offer", "if you would|'d|want|wish|need .. to? @talkv|call|contact|reach|know|learn|discuss",
     0},
    {"offer", "if you'd like|want|wish|prefer to? @talkv|call|contact|reach|know|learn|discuss", 0},
    {"offer", "if you are|you're interested", 0},
    {"conditional", "if|whenever|unless", 0},
    {"conditional", "in case", 0},
    {"conditional", "should you", 0},
    {"cond_contact", "reach out|out_to", 0},
    {"cond_contact", "get in touch", 0},
    {"vague",
     "talk|speak|chat|catch_up|meet|connect|get_together|see_you "
     "soon|sometime|again|later|some_time|at_some_point",
     LU_CUE_NOQ},
    {"vague", "talk|speak to you soon|later", LU_CUE_NOQ},
    {"hope", "< hope|hoping", 0},
    {"thanks", "@thank", 0},
    {"social", "< have a great|nice|good|wonderful|happy|safe|fun|lovely", 0},
    {"social", "< enjoy", 0},
    {"social", "take care", 0},
    {"social", "congratulations|congrats", 0},
    {"social", "happy birthday|holidays|new|thanksgiving|easter|monday|friday|hour", 0},
    {"social_q", "how are|were you|things|y'all", 0},
    {"social_q", "how's|hows it|everything|things|life|the_family|your_family", 0},
    {"social_q", "how_have_you_been", 0},
    {"social_q",
     "how was|were your|the "
     "weekend|holiday|holidays|vacation|trip|flight|birthday|party|wedding|honeymoon|summer|break",
     0},
    {"social_q", "how did your|the weekend|holiday|vacation|trip|party go", 0},
    {"social_q", "did you have|enjoy a good|great|nice|fun? weekend|holiday|vacation|time|trip", 0},
    {"social_q", "what's up", 0},
    {"social_q", "what's new", 0},
    {"social_q", "you know ?", 0},
    {"social_q", "isn't|aren't|wasn't|didn't it|he|she|that|they ?", 0},
    {"social_q", "right ?", 0},
    /* "..., then I know the answer, don't I?" asks nobody */
    {"social_q", "don't|didn't|can't|won't|wouldn't|shouldn't|couldn't|haven't|aren't i ?", 0},
    {"social_q", "how_about_that", 0},
    /* modulators: reports of the past, other people, adverts */
    {"past_subj", "i|we|he|she|they|it|you|someone|everyone|who @past", 0},
    {"past_subj",
     "i|we|he|she|they|it|you|someone|everyone also|just|already|never|finally|only|then|recently "
     "@past",
     0},
    {"was_were", "was|were|had|did", LU_CUE_NOQ},
    {"perfect", "have|has|had|i've|we've|you've|they've|he's|she's @past", 0},
    {"past_time", "@pastt", 0},
    {"third_subj", "< he|she|they|it|there|this|that|his|her|their|its|these|those|the|a|an|our|my",
     0},
    {"fyi", "^ attached|enclosed|below|herewith", 0},
    {"fyi", "attached|enclosed|below is|are|please|you|find", 0},
    {"fyi", "i've|we've attached|enclosed|included", 0},
    {"fyi", "i|we have? attached|enclosed|included", 0},
    {"fyi", "here's", 0},
    {"fyi", "here is|are", 0},
    {"fyi", "please find", 0},
    {"fyi", "for your information|review|reference|records|convenience", 0},
    {"we_offer",
     "our "
     "team|customers|products|services|company|app|site|website|newsletter|members|store|clients|"
     "partners|users|community|service|product|latest|new|friends|goal|mission|experts",
     0},
    {"we_offer", "we offer|provide|help|make|bring|love|believe|hope", 0},
    {"we_offer",
     "we're|we_are excited|happy|pleased|thrilled|offering|proud|committed|here|dedicated", 0},
    {"we_offer", "we'd|we_would love|like to", 0},
    {"you_can",
     "you can|could|may|might|will|'ll also? now? "
     "@promov|get|find|see|save|receive|use|also|now|access|still|easily|simply|even|start|choose|"
     "be|enjoy|learn|read|view|try|check",
     LU_CUE_NOQ},
    {"you_can", "you'll|you_will receive|get|find|see|love|save|enjoy|be|need|have|also|now|notice",
     LU_CUE_NOQ},
    {"you_can", "lets|allows|helps|enables you", 0},
    {"if_start", "^ if|when|once|whenever|should|unless", 0},
    {"if_you_want", "if you want|wish|like|prefer|choose|would|'d|are|no|don't|do", 0},
    {"if_you_want", "if you'd|you're", 0},
    {"i_opinion",
     "i think|believe|guess|feel|suppose|assume|understand|agree|know|hope|suspect|expect|am|was",
     0},
    {"i_start", "^ i|i'm|i've|i'd|my", 0},
    {"we_start", "^ we|we're|we've|we'd|our", 0},
    {"you_start", "^ you|your|you're|you've|you'll", 0},
    {"purpose_start", "^ to !be", 0},
    {"purpose_start", "^ in_order_to", 0},
    {"self_ref",
     "this|these|the "
     "email|emails|message|messages|page|newsletter|notification|notifications|mailing|mailings|"
     "link|site|website|url|address|app",
     0},
    {"for_more", "for|to more|further|additional|full|complete information|details|info", 0},
    {"for_more", "to learn|find_out|see more", 0},
    {"your_consumer",
     "your "
     "account|inbox|order|subscription|profile|settings|password|device|phone|computer|purchase|"
     "payment|card|family|home|life|health|website|site|app|spam|contacts|free|trial|own|money|"
     "credit|chance|chances|kids|business|browser|address|email|experience|information|privacy|"
     "membership|skin|body",
     0},
    {"obj_me", "@impv|with|to|for me", 0},
    {"promo_imp", "^ @promov", 0},
    {"promo_imp", "^ check|find out", 0},
    {"promo_imp", "^ follow|join|visit this|the|our|us|below", 0},
    {"promo_imp", "please @promov", 0},
    {"promo_imp", "click|tap here|below|on|the", 0},

    /* commitments: "I'll send ...", "we will call you on Tuesday" */
    {"commit", "i'll|we'll|i_will|we_will|i_shall|we_shall .. " COMMIT_VERBS, LU_CUE_NOQ},
    {"commit", "i|we am|are|'m|'re going|planning|about to", LU_CUE_NOQ},
    {"commit", "i'm|we're going|planning|about to", LU_CUE_NOQ},
    {"commit", "i|we promise|commit|undertake|intend|plan to", LU_CUE_NOQ},
    /* the writer's promise with the subject dropped: "Will try another
     * build tonight.", "I fixed it on main and will port that to the
     * release branch" */
    {"commit", "^ will|shall !>be|need|have .. " COMMIT_VERBS, LU_CUE_NOQ},
    {"commit", "^ i|we|i've|we've .. .. and will|shall .. " COMMIT_VERBS, LU_CUE_NOQ},
    {"commit", "< let me check|look|find|see|get|ask|think|confirm|review|follow|take|send|dig",
     LU_CUE_NOQ},
    {"commit", "= will do", 0},
    /* a promise put in the passive, of something on its way to the reader
     * ("The forms will be sent to you shortly."); not a dated notice to a
     * crowd ("The record will be changed tomorrow"), which promises nobody */
    {"commit",
     "will|shall be|go sent|forwarded|emailed|mailed|faxed|delivered|shipped|circulated|posted|"
     "provided|out to you|your",
     LU_CUE_NOQ},
    {"commit_not",
     "i'll|we'll|i_will|we_will|i_shall|we_shall be "
     "out|away|off|travelling|traveling|unavailable|on|in|happy|glad|able|there|sure|back",
     0},
    {"commit_not", "i'll|we'll|i_will|we_will have_to|need|want|like|hope|see", 0},
    /* a fact about the writer, not an action: "I'm going to be in Dallas";
     * under "if" ("to see if I'm going to be in town on Monday") it stays the
     * writer's plan, whose date is not the reader's */
    {"commit_not", "!<if|whether i|we am|are|'m|'re going|planning to be", 0},
    {"commit_not", "!<if|whether i'm|we're going|planning to be", 0},
    /* "If I don't hear from you by Friday, I'll ...": waiting on the
     * reader, not a promise (a conditional promise is one: "If I find the
     * file I'll send it") */
    {"commit_not",
     "if i|we don't|do_not|haven't|have_not|can't|cannot|didn't|did_not hear|receive|get|see", 0},
    /* what the writer might do, reported: "we haven't decided what we will
     * offer", "notes on what I intend to do" */
    {"commit_not", "what|whether|how|which i|we will|'ll|intend|plan|am|are", 0},
    {"commit_not", "what|whether|how|which i'll|we'll|i'm|we're", 0},
    /* agreement */
    {"agree", "works|work|suits|suit for me|us|fine|great|well|perfectly", 0},
    {"agree", "@fut|@time|that|this|it|which works|suits", LU_CUE_NOQ},
    {"agree", "@fut|@time is|'s good|fine|ok|okay|great|perfect|better|best", LU_CUE_NOQ},
    {"agree", "sounds|sound good|great|fine|perfect|like_a_plan|ok|okay|excellent|wonderful",
     LU_CUE_NOQ},
    {"agree", "see you then|there|tomorrow|@fut|on|at|next", LU_CUE_NOQ},
    {"agree", "i'll|we'll|i_will|we_will be there", LU_CUE_NOQ},
    {"agree", "that's|that_is|that'd_be|that_would_be fine|perfect|great|ok|okay|good", LU_CUE_NOQ},
    {"agree",
     "= agreed|confirmed|deal|perfect|great|yes|ok|okay|sure|absolutely|definitely|done|excellent "
     "$",
     LU_CUE_NOQ},
    {"agree", "= yes|ok|okay|sure|great|perfect|fine ,? that|@fut|@time|works|sounds|let's|see",
     LU_CUE_NOQ},
    {"agree", "i|we confirm|accept|agree", LU_CUE_NOQ},
    {"agree", "count me|us in", LU_CUE_NOQ},
    {"agree", "i|we can make it", LU_CUE_NOQ},
    {"agree", "i'm|we're in $", LU_CUE_NOQ},
    {"agree", "fine|ok|okay|good with|by me|us", LU_CUE_NOQ},
    {"agree", "looking|look forward to it|seeing|meeting|the|our|talking|speaking", LU_CUE_NOQ},
    {"agree", "let's|lets do it|that", LU_CUE_NOQ},
    /* decline */
    /* "Not interested.", "not interested in your offer", "not interested
     * at this time"; not "not interested so much in the ESS problems", a
     * remark about a topic */
    {"decline", "not|no_longer interested $", 0},
    {"decline", "not|no_longer interested ,|;|-|thanks|thank|at|right|anymore|any_more|either", 0},
    {"decline",
     "not|no_longer interested in your|this|that|these|those|it|them|a|an|any|buying|pursuing|"
     "proceeding|continuing|receiving|participating|renewing|joining|attending|hearing",
     0},
    {"decline",
     "not|no_longer interested in the "
     "offer|product|products|service|services|position|role|job|opportunity|proposal|deal|demo|"
     "upgrade|program|event|subscription|newsletter|partnership",
     0},
    {"decline",
     "went|go|gone|going|decided|chose|selected|picked with|for|on "
     "another|a_different|someone|somebody|an_other",
     0},
    {"decline", "decided not|against", 0},
    {"decline",
     "chose|selected|picked|hired|preferred another|someone|somebody|a_different|an_other", 0},
    {"decline", "take|remove|drop|delete me|us off|from", 0},
    {"decline", "unsubscribe me|us", 0},
    {"decline", "stop emailing|sending|contacting|calling|writing|mailing|spamming me|us", 0},
    {"decline", "don't|do_not email|contact|call|write|mail|send me|us", 0},
    {"decline", "no thanks|thank", 0},
    {"decline", "not at_this_time", 0},
    {"decline", "not a good? fit|match", 0},
    {"decline", "not for us|me", 0},
    {"decline", "pass on|for this|it|that", 0},
    {"decline", "i'll|we'll|i_will|we_will|have_to|must decline", 0},
    /* "I'll pass.", "we'll pass on this one"; not "I will pass it on to Dan" */
    {"decline", "i'll|we'll|i_will|we_will|have_to|must pass $", 0},
    {"decline",
     "i'll|we'll|i_will|we_will|have_to|must pass ,|;|-|on|for|thanks|thank|this_time|for_now", 0},
    {"decline", "can't|cannot|won't|couldn't make it", 0},
    {"decline", "won't|will_not|not be able to make|attend|join|come|participate", 0},
    /* closing */
    {"closing", "that's|that_is all i|we needed|need", 0},
    {"closing", "that's|that_is all $", 0},
    {"closing", "all set|sorted", LU_CUE_NOQ},
    {"closing", "problem|issue solved|resolved|fixed", LU_CUE_NOQ},
    {"closing", "nothing else|more|further needed|required|to_do|from_me|from_us", 0},
    {"closing",
     "thanks|thank you? again? for all? your|the "
     "help|update|info|information|reply|answer|response|quick|clarification|confirmation "
     "!>in_advance",
     LU_CUE_NOQ},
    {"closing", "= ok|okay|great|perfect|fine|many? ,? thanks|thank|cheers|thx|ty you? $", 0},
    {"closing",
     "= ok|okay|great|perfect|fine|many? ,? thanks|thank you? so|very|again|a_lot|lots much? $", 0},
    {"closing", "no worries", 0},
    /* thanks for what the reader did ("Thanks for the suggestion.", "Thank
     * you for all the great tips!"); not the courtesy before an ask
     * ("Thanks in advance for any help", "Thanks for considering it") */
    {"closing",
     "thanks|thank you? again|so|very|a_lot|lots|all|both|everyone? much? again? for "
     "!>any|in_advance|considering|reading|looking|checking|taking_a_look|being|choosing|"
     "subscribing|shopping|joining|signing|registering|your_consideration|your_attention|"
     "your_patience|your_understanding|your_cooperation|your_interest|your_help_in_advance",
     LU_CUE_NOQ},
    /* thanks that end the sentence, to a person ("Thank you Ben.", "Ok,
     * thanks Ann!"); a signature ("Thanks, Ann Lee") has a comma, no stop */
    {"closing",
     "^ ,? thanks|thank you? so|very|a_lot|lots|again? much? again? !for|in|to|and|,|:|; .|! $", 0},
    {"closing", "^ thanks|thank you? again|also to", LU_CUE_NOQ},
    {"closing", "^ thanks|thank you? to .. for|who", LU_CUE_NOQ},
    /* the answer worked: "That did the trick.", "Changing the path solved
     * the problem.", "The issue is now resolved." */
    {"closing", "that|this|it|which did the trick", LU_CUE_NOQ},
    {"closing",
     "!<not|never|yet|haven't|hasn't|hadn't|didn't|to solved|fixed|resolved "
     "it|that|this|my_problem|the_problem|the_issue|my_issue|everything",
     LU_CUE_NOQ},
    {"closing",
     "!<not|never|yet|to|doesn't|won't solves|fixes|resolves it|my_problem|the_problem|the_issue",
     LU_CUE_NOQ},
    {"closing",
     "!<until|till|once|when|if|after|before|unless the|my|this|that|our problem|issue "
     "is|was|has_been "
     "now? solved|resolved|fixed|sorted",
     LU_CUE_NOQ},
    {"closing", "exactly what i|we needed|wanted|was_looking_for", LU_CUE_NOQ},
    {"closing", "< it|that|this works|worked now|perfectly|like_a_charm|fine_now|great_now",
     LU_CUE_NOQ},
    /* "I really appreciated your help."; not "I'd appreciate your help" (a
     * request) nor "I appreciate that it is late" */
    {"closing",
     "^ i|we? really|truly|greatly|very_much? appreciate|appreciated your|the|all|everyone's help|"
     "advice|support|answer|answers|reply|replies|explanation|time|effort|efforts|input|feedback",
     LU_CUE_NOQ},
    {"noreply", "no need to|for reply|respond|answer|get|write|a_reply|a_response", 0},
    {"noreply", "no reply|response|answer|action needed|necessary|required|expected", 0},
    {"noreply", "no further action", 0},
    {"noreply", "don't|do_not need to reply|respond|answer", 0},
    {"noreply", "nothing for you to do", 0},
    /* out of office */
    {"ooo_strong", "out of the? office", 0},
    {"ooo_strong", "automatic|automated|auto reply|response|message", 0},
    {"ooo_strong", "auto-reply|autoreply|auto-response|ooo", 0},
    {"ooo",
     "i'm|i_am|i'll_be|i_will_be currently? "
     "away|out|off|travelling|traveling|on_vacation|on_holiday|on_leave",
     0},
    {"ooo", "limited|no|intermittent access to email|e-mail|my|emails", 0},
    {"ooo", "on vacation|holiday|holidays|leave|annual|maternity|paternity|sick|parental|business",
     0},
    {"ooo", "away from the? office|my|desk", 0},
    {"return", "back|return|returning|returns", 0},
    {"until", "until|till|through", 0},
    {NULL, NULL, 0},
};

/* Sentences (sentence.c): abbreviations that never end one (before a name
 * or number: "Dr. Ng"), those that end one only before a capital ("Ltd. The"),
 * the words a line that goes on ends with ("and" / "Bob" is no signature),
 * and month prefixes after a day number ("3. Dec"). */
static const char *const abbrevs[] = {
    "mr", "mrs",    "ms",   "dr",   "prof", "sr",  "jr",  "st",  "mt",  "vs",   "e.g", "i.e",
    "cf", "approx", "appt", "dept", "viz",  "fig", "tel", "ext", "ca",  "resp", "esp", "incl",
    "re", "attn",   "min",  "max",  "avg",  "est", "ref", "hr",  "hrs", "mins", "sec", "secs",
    "pt", "rev",    "gen",  "col",  "capt", "sgt", "lt",  "gov", "sen", "rep",  NULL};
static const char *const abbrevs_maybe[] = {
    "etc", "inc", "ltd",  "co",  "corp", "a.m",  "p.m",   "u.s",  "u.k", "e.u", "jan",
    "feb", "mar", "apr",  "jun", "jul",  "aug",  "sep",   "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu",  "thur", "thurs", "fri",  "sat", "sun", "no",
    "vol", "p",   "pp",   "ch",  "al",   "ave",  "blvd",  "rd",   NULL};
static const char *const glue_words[] = {"and",  "or",  "but",  "the", "a",    "an", "to",
                                         "of",   "for", "in",   "on",  "at",   "by", "with",
                                         "from", "my",  "your", "our", "that", NULL};
static const char *const ordinal_months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                             "aug", "sep", "oct", "nov", "dec", NULL};

/* The author's own words (body.c): list footers, disclaimers, mobile
 * signatures, signature lines and bulk mail. */
static const char *const footer_starts[] = {"you received this message because you are subscribed",
                                            "you received this because you are subscribed",
                                            "to unsubscribe from this group",
                                            "to unsubscribe",
                                            "unsubscribe:",
                                            "unsubscribe from this list",
                                            "to view this discussion on the web",
                                            "you are receiving this because",
                                            "reply to this email directly",
                                            "please do read the posting guide",
                                            "manage your subscription",
                                            "list archives:",
                                            "[[alternative html version deleted]]",
                                            "a non-text attachment was scrubbed",
                                            NULL};
static const char *const disclaimer_starts[] = {"this e-mail and any attachment",
                                                "this email and any attachment",
                                                "this e-mail and any files",
                                                "this email and any files",
                                                "this message and any attachment",
                                                "this e-mail (including",
                                                "this email (including",
                                                "this e-mail is confidential",
                                                "this email is confidential",
                                                "this message is confidential",
                                                "this e-mail may contain",
                                                "this email may contain",
                                                "this message may contain",
                                                "this e-mail message is",
                                                "this email message is",
                                                "this communication is confidential",
                                                "this communication may contain",
                                                "the information contained in this",
                                                "the information in this e-mail",
                                                "the information in this email",
                                                "the information in this message",
                                                "the contents of this e-mail",
                                                "the contents of this email",
                                                "the content of this email",
                                                "confidentiality notice",
                                                "confidentiality note",
                                                "confidentiality:",
                                                "legal notice:",
                                                "privileged and confidential",
                                                "privileged/confidential",
                                                "if you are not the intended recipient",
                                                "if you have received this e-mail in error",
                                                "if you have received this email in error",
                                                "if you have received this message in error",
                                                "if you received this message in error",
                                                "if you received this e-mail in error",
                                                "if you received this email in error",
                                                "please consider the environment before printing",
                                                "think before you print",
                                                NULL};
static const char *const confidential_words[] = {"confidential", NULL};
static const char *const recipient_words[] = {
    "intended recipient", "addressee", "unauthoris", "unauthoriz", "prohibited", "strictly", NULL};
static const char *const mobile_starts[] = {"sent from my ", "get outlook for ", NULL};
/* "Sent from Mail for Windows", not "Sent from the office, it should arrive
 * on Monday". */
static const char *const mobile_vague[] = {"sent from ",  "sent via ",      "sent with ",
                                           "sent using ", "sent on the go", NULL};
static const char *const not_name_words[] = {
    "team",      "support",   "sales",      "ltd",        "inc",        "llc",       "corp",
    "co",        "plc",       "company",    "office",     "department", "group",     "service",
    "services",  "customer",  "the",        "sent",       "from",       "regards",   "thanks",
    "mobile",    "phone",     "tel",        "email",      "e-mail",     "director",  "manager",
    "ceo",       "cto",       "head",       "university", "institute",  "hi",        "hello",
    "dear",      "re",        "fw",         "fwd",        "list",       "on",        "am",
    "at",        "you",       "i",          "we",         "see",        "please",    "thank",
    "best",      "student",   "fellow",     "research",   "engineer",   "developer", "lecturer",
    "scientist", "analyst",   "consultant", "professor",  "officer",    "president", "assistant",
    "associate", "candidate", NULL};
static const char *const sentence_starts[] = {
    "i",    "i'm",   "i'll",  "i've",    "i'd",  "we",   "we'll", "we're", "you",   "please",
    "let",  "let's", "see",   "looking", "hope", "it",   "this",  "that",  "there", "will",
    "can",  "could", "would", "should",  "do",   "does", "did",   "is",    "are",   "if",
    "just", "also",  "no",    "yes",     "sure", "ok",   "okay",  "sorry", NULL};
static const char *const stopwords[] = {
    "the",  "a",    "an",   "to",  "will", "would", "can", "could", "is",  "are", "was", "be",
    "been", "have", "has",  "had", "this", "that",  "it",  "and",   "but", "so",  "if",  "me",
    "my",   "our",  "your", "you", "for",  "with",  "not", "do",    "i",   "we",  NULL};
static const char *const attr_not_names[] = {
    "i",        "we",   "you",   "he",   "she",  "they", "it", "as",  "who", "someone",
    "somebody", "what", "which", "that", "this", "also", "if", "and", NULL};
static const char *const bulk_exit[] = {
    "unsubscribe", "opt out", "opt-out", "to be removed from", "remove you from",
    "removed from our", "no longer wish to receive", "you are receiving this",
    "you received this e", "this e-mail was sent to", "this email was sent to",
    "update your preferences", "manage your subscription", "email preferences",
    /* nobody reads what is sent back */
    "do not reply to this e", "do not reply to this message", "do not reply directly to this",
    "do not respond to this e", "do not respond to this message", "do not respond directly to this",
    "this is a post-only", "this is a post only", "sent from an unattended", NULL};
static const char *const bulk_layout[] = {"[image]",
                                          "click here",
                                          "view this email",
                                          "in your browser",
                                          "all rights reserved",
                                          "privacy policy",
                                          "forward to a friend",
                                          "special offer",
                                          NULL};

/* Words in dates.c's phrases that are no date words (leadup.h LU_DX_*). */
static const struct lu_date_role date_roles[] = {
    {"a", LU_DX_INDEF},
    {"s", LU_DX_POSS},
    {"version", LU_DX_VERSION},
    {"v", LU_DX_VERSION},
    {"r", LU_DX_VERSION},
    {"release", LU_DX_VERSION},
    {"python", LU_DX_VERSION},
    {"windows", LU_DX_VERSION},
    {"ver", LU_DX_VERSION},
    {"few", LU_DX_FEW},
    {"couple", LU_DX_COUPLE},
    {"close", LU_DX_CLOSE},
    {"day", LU_DX_WORKDAY | LU_DX_DAY},
    {"business", LU_DX_WORKDAY},
    {"play", LU_DX_WORKDAY}, /* "close of play", "end of play" */
    {"over", LU_DX_OVER},
    {"during", LU_DX_OVER},
    {"within", LU_DX_WITHIN},
    {"from", LU_DX_FROM_NOW},
    {"now", LU_DX_NOW},
    {"today", LU_DX_NOW},
    {"after", LU_DX_AFTER},
    {"before", LU_DX_BEFORE},
    {"noon", LU_DX_TWELVE},
    {"midnight", LU_DX_TWELVE},
    {"next", LU_DX_NEXT_N},
    {"time", LU_DX_TIME},
    {"about", LU_DX_ABOUT},
    {"approximately", LU_DX_ABOUT},
    {"around", LU_DX_ABOUT},
    {"roughly", LU_DX_ABOUT},
    {"rest", LU_DX_REST},
    {"following", LU_DX_FOLLOWING},
    {"for", LU_DX_NUMDATE},
    {"since", LU_DX_NUMDATE},
    {"effective", LU_DX_NUMDATE},
    {NULL, 0},
};

/* dates.c's phrases of several tokens (leadup.h struct lu_date_phrase). */
static const struct lu_date_phrase date_phrases[] = {
    {"no|not later than", LU_DP_BY},
    {"o ' clock", LU_DP_OCLOCK},
    {"or so", LU_DP_OR_SO},
    {"' s time", LU_DP_TIME_AFTER},
    {"' time", LU_DP_TIME_AFTER},
    {"week after next", LU_DP_WEEK_AFTER_NEXT},
    /* A weekday alone in a sentence of the past is the last such day
     * ("Friday's close was higher"); any word of these others keeps it ahead. */
    {"was|were|did|had|went|came|said|told|met|spoke|sent|got|fell|rose|closed|declined|"
     "gained|lost|ended|finished|received|called|talked|announced|reported|happened|saw|"
     "heard|took|gave|left|arrived|traded|dropped|jumped|slipped|surged|posted",
     LU_DP_PAST},
    {"will|ll|shall|gonna|can|could|would|should|may|might|must|need|needs|please|"
     "let|to|next|plan|planning|hope|hoping|want|wants|expect|expected|scheduled|due|"
     "until|till|by|before|if|when|whether|wondering|thinking|coming|upcoming|suit|suits|"
     "work|works|available|free|convenient",
     LU_DP_NOTPAST},
    {"due|prior|according|thanks|compared|owing|up to", LU_DP_PAST_KEEP},
    {"that|which", LU_DP_CLAUSE},
    {"new year ' s day", LU_DP_NAMED_DAY, LU_DN_NEWYEAR},
    {"new years day", LU_DP_NAMED_DAY, LU_DN_NEWYEAR},
    {"new year ' s eve", LU_DP_NAMED_DAY, LU_DN_NYE},
    {"new years eve", LU_DP_NAMED_DAY, LU_DN_NYE},
    {"christmas|xmas day", LU_DP_NAMED_DAY, LU_DN_XMAS},
    {"christmas|xmas eve", LU_DP_NAMED_DAY, LU_DN_XMAS_EVE},
    {"independence day", LU_DP_NAMED_DAY, LU_DN_JULY4},
    {"tax day", LU_DP_NAMED_DAY, LU_DN_TAX},
    {"easter sunday", LU_DP_NAMED_DAY, LU_DN_EASTER},
    {"easter monday", LU_DP_NAMED_DAY, LU_DN_EASTER_MON},
    {"good friday", LU_DP_NAMED_DAY, LU_DN_GOOD_FRI},
    {"thanksgiving day", LU_DP_NAMED_DAY, LU_DN_THANKS},
    {"labor|labour day", LU_DP_NAMED_DAY, LU_DN_LABOR},
    {"memorial day", LU_DP_NAMED_DAY, LU_DN_MEMORIAL},
    {"boxing day", LU_DP_NAMED_DAY, LU_DN_BOXING},
    {"valentine|valentines ' s day", LU_DP_NAMED_DAY, LU_DN_VALENTINE},
    {"valentines|valentine day", LU_DP_NAMED_DAY, LU_DN_VALENTINE},
    {"veterans|veteran ' s day", LU_DP_NAMED_DAY, LU_DN_VETERANS},
    {"veterans day", LU_DP_NAMED_DAY, LU_DN_VETERANS},
    {"mlk day", LU_DP_NAMED_DAY, LU_DN_MLK},
    {"martin luther king day", LU_DP_NAMED_DAY, LU_DN_MLK},
    {"presidents|president ' s day", LU_DP_NAMED_DAY, LU_DN_PRESIDENTS},
    {"presidents ' day", LU_DP_NAMED_DAY, LU_DN_PRESIDENTS},
    {"presidents day", LU_DP_NAMED_DAY, LU_DN_PRESIDENTS},
    {"columbus day", LU_DP_NAMED_DAY, LU_DN_COLUMBUS},
    {"black friday", LU_DP_NAMED_DAY, LU_DN_BLACK_FRI},
    {"cyber monday", LU_DP_NAMED_DAY, LU_DN_CYBER_MON},
    {"as of", LU_DP_NUMDATE},
    {"just ended|completed|finished", LU_DP_JUST_ENDED},
    {"just - ended|completed|finished", LU_DP_JUST_ENDED},
    {"since", LU_DP_SINCE},
    {"every|each other", LU_DP_EVERY}, /* before its first word alone: phrase_at takes the first */
    {"every|each", LU_DP_EVERY},
    {"on", LU_DP_WEEK_ON},
    {"been|for|spent|took|takes|take|lasted|lasts|over|during|about|nearly|almost", LU_DP_LASTED},
    {"w / c", LU_DP_WEEK_FROM},
    {"commencing|beginning|starting", LU_DP_WEEK_FROM},
    {NULL, 0, 0},
};

/* The draft's salutation (draft.c): words that make a name a role, not a
 * person, and titles before a name. */
static const char *const role_words[] = {
    "team",      "support", "sales",    "info",      "service",    "services",   "office",
    "admin",     "billing", "accounts", "account",   "contact",    "hello",      "help",
    "helpdesk",  "desk",    "customer", "customers", "department", "group",      "jobs",
    "careers",   "hr",      "press",    "marketing", "orders",     "bookings",   "enquiries",
    "inquiries", "noreply", "no-reply", "mail",      "webmaster",  "newsletter", "notifications",
    "inc",       "inc.",    "ltd",      "ltd.",      "llc",        "plc",        "co",
    "co.",       "corp",    "corp.",    "company",   NULL};
static const char *const titles[] = {"mr",   "mrs", "ms",    "miss", "mx", "dr",
                                     "prof", "sir", "madam", "dame", NULL};

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
    .forward_prefixes = forward_prefixes,
    .bounce_subjects = bounce_subjects,
    .receipt_prefixes = receipt_prefixes,
    .forward_starts = forward_starts,
    .forward_markers = forward_markers,
    .chasing = chasing,
    .thanks = "thank*|thx|appreciat*|grateful|gratitude",
    .cues = NULL,
    .lexicon = lexicon,
    .folds = folds,
    .thank_words = thank_words,
    .grammar = grammar,
    .gw = GRAMMAR_WORDS,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
    .abbrevs = abbrevs,
    .abbrevs_maybe = abbrevs_maybe,
    .glue_words = glue_words,
    .ordinal_months = ordinal_months,
    .footer_starts = footer_starts,
    .disclaimer_starts = disclaimer_starts,
    .confidential_words = confidential_words,
    .recipient_words = recipient_words,
    .mobile_starts = mobile_starts,
    .mobile_vague = mobile_vague,
    .not_name_words = not_name_words,
    .sentence_starts = sentence_starts,
    .stopwords = stopwords,
    .attr_not_names = attr_not_names,
    .bulk_exit = bulk_exit,
    .bulk_layout = bulk_layout,
    .date_roles = date_roles,
    .date_phrases = date_phrases,
    /* Hawaii (UTC-10) to the Eastern zone in summer (UTC-4). */
    .month_first_from = -600,
    .month_first_to = -240,
    .role_words = role_words,
    .titles = titles,
};
