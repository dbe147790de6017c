/* lang-de.c - the German language pack: every word list and phrase cue of
 * German in one place (leadup.h struct lu_lang_pack; DEVELOPERS.md "Adding a
 * language"). */
#include "leadup.h"

static const char *const guess_words[] = {
    "und",  "der",  "die",   "das", "ich",   "sie",   "ist",    "nicht",   "mit",   "für",
    "auf",  "ein",  "eine",  "wir", "bitte", "danke", "dank",   "zu",      "den",   "dem",
    "es",   "sind", "haben", "wie", "auch",  "noch",  "können", "könnten", "ihnen", "ihre",
    "oder", "wenn", "bis",   "vom", "gerne", "gern",  "grüße",  "schon",   "uns",   NULL,
};

/* Every date word (dates.c; doc/dates.md). */
static const struct lu_date_word dates[] = {
    {"vierzehn", .g = LU_DG_14DAYS},
    {"übernächste", .g = LU_DG_AFTNEXT},
    {"übernächsten", .g = LU_DG_AFTNEXT},
    {"januar", .month = 1},
    {"jänner", .month = 1},
    {"februar", .month = 2},
    {"märz", .month = 3},
    {"maerz", .month = 3},
    {"mär", .month = 3, .f = LU_DW_ABBR},
    {"mai", .month = 5},
    {"juni", .month = 6},
    {"juli", .month = 7},
    {"oktober", .month = 10},
    {"okt", .month = 10, .f = LU_DW_ABBR},
    {"dezember", .month = 12},
    {"dez", .month = 12, .f = LU_DW_ABBR},
    {"montag", .wday = 1},
    {"dienstag", .wday = 2},
    {"mittwoch", .wday = 3},
    {"donnerstag", .wday = 4},
    {"freitag", .wday = 5},
    {"samstag", .wday = 6},
    {"sonnabend", .wday = 6},
    {"sonntag", .wday = 7},
    {"heute", .rel = LU_DR_TODAY},
    {"morgen", .rel = LU_DR_TOMORROW},
    {"übermorgen", .rel = LU_DR_DAYAFTER},
    {"gestern", .rel = LU_DR_YESTERDAY},
    {"mittag", .tw = LU_DT_NOON},
    {"mittags", .tw = LU_DT_NOON},
    {"mitternacht", .tw = LU_DT_MIDNIGHT},
    {"feierabend", .tw = LU_DT_EOD},
    {"vormittag", .tw = LU_DT_MORNING},
    {"vormittags", .tw = LU_DT_MORNING},
    {"früh", .tw = LU_DT_MORNING},
    {"nachmittag", .tw = LU_DT_AFTERNOON},
    {"nachmittags", .tw = LU_DT_AFTERNOON},
    {"abend", .tw = LU_DT_EVENING},
    {"abends", .tw = LU_DT_EVENING},
    {"diese", .f = LU_DW_THIS},
    {"diesen", .f = LU_DW_THIS},
    {"dieser", .f = LU_DW_THIS},
    {"diesem", .f = LU_DW_THIS},
    {"nächste", .f = LU_DW_NEXT},
    {"nächsten", .f = LU_DW_NEXT},
    {"nächster", .f = LU_DW_NEXT},
    {"naechste", .f = LU_DW_NEXT},
    {"naechsten", .f = LU_DW_NEXT},
    {"nächstes", .f = LU_DW_NEXT},
    {"kommende", .f = LU_DW_COMING},
    {"kommenden", .f = LU_DW_COMING},
    {"kommender", .f = LU_DW_COMING},
    {"letzte", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"letzten", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"letztes", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"letzter", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"letztem", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"nach", .f = 0, .g = LU_DG_AFTER},
    {"vor", .f = 0, .g = LU_DG_BEFORE | LU_DG_AGOPRE},
    {"bis", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD | LU_DW_FOLLOW},
    {"ab", .f = LU_DW_PREP | LU_DW_FROM | LU_DW_GUARD},
    {"spätestens", .f = LU_DW_PREP},
    {"um", .f = LU_DW_AT},
    {"gegen", .f = LU_DW_AT},
    {"an", .num = 1},
    {"innerhalb", .f = LU_DW_IN},
    {"binnen", .f = LU_DW_IN},
    {"im", .f = LU_DW_GUARD},
    {"der", .f = LU_DW_THE | LU_DW_OF},
    {"die", .f = LU_DW_THE},
    {"das", .f = LU_DW_THE},
    {"den", .f = LU_DW_THE},
    {"dem", .f = LU_DW_THE},
    {"und", .f = LU_DW_AND | LU_DW_FOLLOW},
    {"oder", .f = LU_DW_FOLLOW | LU_DW_OR},
    {"von", .f = LU_DW_FROM, .g = LU_DG_INOF},
    {"vom", .f = LU_DW_FROM},
    {"zwischen", .f = LU_DW_BETWEEN},
    {"ende", .f = LU_DW_END | LU_DW_GUARD},
    {"anfang", .f = LU_DW_EARLY | LU_DW_GUARD},
    {"mitte", .f = LU_DW_MID | LU_DW_GUARD},
    {"uhr", .f = LU_DW_UHR},
    {"ein", .num = 1},
    {"eine", .num = 1},
    {"einer", .num = 1},
    {"einem", .num = 1},
    {"einen", .num = 1},
    {"zwei", .num = 2},
    {"drei", .num = 3},
    {"vier", .num = 4},
    {"fünf", .num = 5},
    {"sechs", .num = 6},
    {"sieben", .num = 7},
    {"acht", .num = 8},
    {"neun", .num = 9},
    {"zehn", .num = 10},
    {"elf", .num = 11},
    {"zwölf", .num = 12},
    {"erste", .ord = 1},
    {"ersten", .ord = 1},
    {"zweite", .ord = 2},
    {"zweiten", .ord = 2},
    {"dritte", .ord = 3},
    {"dritten", .ord = 3},
    {"vierte", .ord = 4},
    {"vierten", .ord = 4},
    {"minuten", .unit = LU_DU_MIN, .f = LU_DW_PL},
    {"stunde", .unit = LU_DU_HOUR},
    {"stunden", .unit = LU_DU_HOUR, .f = LU_DW_PL},
    {"tag", .unit = LU_DU_DAY},
    {"tage", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"tagen", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"woche", .unit = LU_DU_WEEK},
    {"wochen", .unit = LU_DU_WEEK, .f = LU_DW_PL},
    {"monat", .unit = LU_DU_MONTH},
    {"quartal", .unit = LU_DU_QUARTER},
    {"quartale", .unit = LU_DU_QUARTER, .f = LU_DW_PL},
    {"monate", .unit = LU_DU_MONTH, .f = LU_DW_PL},
    {"monaten", .unit = LU_DU_MONTH, .f = LU_DW_PL},
    {"monats", .unit = LU_DU_MONTH},
    {"jahres", .unit = LU_DU_YEAR},
    {"werktag", .unit = LU_DU_BDAY},
    {"werktage", .unit = LU_DU_BDAY, .f = LU_DW_PL},
    {"werktagen", .unit = LU_DU_BDAY, .f = LU_DW_PL},
    {"arbeitstag", .unit = LU_DU_BDAY},
    {"arbeitstage", .unit = LU_DU_BDAY, .f = LU_DW_PL},
    {"arbeitstagen", .unit = LU_DU_BDAY, .f = LU_DW_PL},
    {"wochenende", .unit = LU_DU_WEEKEND},
    {"neujahr", .f = LU_DW_HOL, .hol = LU_DH_NEWYEAR},
    {"silvester", .f = LU_DW_HOL, .hol = LU_DH_NYE},
    {"feiertagen", .f = LU_DW_HOL, .hol = LU_DH_HOLS},
    {"feiertage", .f = LU_DW_HOL, .hol = LU_DH_HOLS}, /* "über die Feiertage" */
    {"später", .g = LU_DG_LATER},
    {"frühling", .season = LU_DS_SPRING},
    {"frühjahr", .season = LU_DS_SPRING},
    {"sommer", .season = LU_DS_SUMMER},
    {"herbst", .season = LU_DS_AUTUMN},
    {"winter", .season = LU_DS_WINTER},
    {"weihnachten", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"ostern", .f = LU_DW_HOL, .hol = LU_DH_EASTER},
    {"über", .f = 0}, /* "über die Feiertage" (LU_DX_OVER) */
};

static const char *const greetings[] = {
    "hallo", "liebe", "lieber", "guten", "moin", "servus", NULL,
};
static const char *const signoffs[] = {
    "mit freundlichen grüßen",
    "mit freundlichen grüssen",
    "mit freundlichem gruß",
    "mit freundlichem gruss",
    "mit besten grüßen",
    "mit besten grüssen",
    "freundliche grüße",
    "freundliche grüsse",
    "viele grüße",
    "viele grüsse",
    "beste grüße",
    "beste grüsse",
    "liebe grüße",
    "liebe grüsse",
    "herzliche grüße",
    "herzliche grüsse",
    "schöne grüße",
    "schöne grüsse",
    "besten gruß",
    "besten gruss",
    "gruß",
    "gruss",
    "grüße",
    "grüsse",
    "vielen dank",
    "besten dank",
    "herzlichen dank",
    "danke schön",
    "danke",
    "bis bald",
    "tschüss",
    "mfg",
    "lg",
    "vg",
    NULL,
};
static const char *const attr_openers[] = {
    "am ",
    NULL,
};
static const char *const attr_verbs[] = {
    " geschrieben",
    NULL,
};
static const char *const auto_subjects[] = {
    "abwesenheitsnotiz", "automatische antwort", "abwesend", "außer haus", "nicht im büro", NULL,
};
static const char *const bounce_subjects[] = {"unzustellbar:", "nicht zustellbar", NULL};
static const char *const receipt_prefixes[] = {"gelesen:", "lesebestätigung", NULL};
static const char *const forward_starts[] = {"anfang der weitergeleiteten nachricht",
                                             "weitergeleitete nachricht:", NULL};
static const char *const forward_markers[] = {"nachricht", "weitergeleitet", NULL};
static const char *const reply_prefixes[] = {"aw", "antw", "antwort", NULL};
static const char *const forward_prefixes[] = {"wg", NULL};

/* Cues added to classify.c's patterns (the cue notation, leadup.h cue.c). */
static const struct lu_cue cues[] = {
    {LU_CUE_REQUEST, "bitte|bitten", 0},
    {LU_CUE_REQUEST, "^ könnten|können|würden|könntest|kannst|würdest|könntet|würdet sie|du|ihr",
     0},
    {LU_CUE_REQUEST, "lassen|lass sie|du? mich|uns wissen", 0},
    {LU_CUE_REQUEST, "geben|gib sie|du? mir|uns bescheid|nachricht", 0},
    {LU_CUE_REQUEST, "sagen|sag sie|du? mir|uns bescheid", 0},
    {LU_CUE_REQUEST, "wäre|wären es|sie möglich|so_nett", 0},
    {LU_CUE_REQUEST, "ich|wir wäre|wären ihnen|dir|euch dankbar", 0},
    {LU_CUE_REQUEST, "um rückmeldung|antwort|bestätigung", 0},
    {LU_CUE_FYI, "anbei", 0},
    {LU_CUE_FYI, "im anhang", 0},
    {LU_CUE_COMMIT, "ich|wir melde|melden mich|uns", LU_CUE_NOQ},
    {LU_CUE_COMMIT,
     "ich|wir schicke|schicken|sende|senden|rufe|rufen|schreibe|schreiben ihnen|dir|euch",
     LU_CUE_NOQ},
    {LU_CUE_COMMIT, "ich|wir werde|werden .. schicken|senden|anrufen|melden|schreiben|liefern",
     LU_CUE_NOQ},
    {LU_CUE_COMMIT, "ich|wir kümmere|kümmern mich|uns", LU_CUE_NOQ},
    {LU_CUE_COMMIT_NOT, "anbei", 0},
    {LU_CUE_AGREE, "passt mir|uns|gut|prima|perfekt|bestens|wunderbar", 0},
    {LU_CUE_AGREE, "einverstanden", 0},
    {LU_CUE_DECLINE, "kein interesse", 0},
    {LU_CUE_CLOSING, "das war|wäre alles|es", 0},
    {LU_CUE_CLOSING,
     "vielen? dank|danke für die|ihre|deine|eure hilfe|info|infos|information|antwort|rückmeldung",
     LU_CUE_NOQ},
    {LU_CUE_NOREPLY, "keine antwort nötig|erforderlich|notwendig", 0},
    {LU_CUE_OOO_STRONG, "abwesenheitsnotiz|abwesend|abwesenheit", 0},
    {LU_CUE_OOO_STRONG, "nicht im|i'm büro", 0},
    {LU_CUE_OOO_STRONG, "außer haus", 0},
    {LU_CUE_OOO, "urlaub", 0},
    {LU_CUE_RETURN, "zurück|wieder", 0},
    {LU_CUE_UNTIL, "bis", 0},
    {0, NULL, 0},
};

/* Chasing phrases (lint.c), in the cue notation (leadup.h cue.c). */
static const struct lu_chase_cue chasing[] = {
    {"nachhaken|nachfassen", LU_CHASE_COURT},
    {"wollte|m\u00f6chte nur? mal? kurz? nachfragen", LU_CHASE_COURT},
    {"gibt es schon? etwas? neues", LU_CHASE_COURT},
    {"haben|hatten sie schon|bereits? die? zeit|gelegenheit|m\u00f6glichkeit gehabt",
     LU_CHASE_HOMEWORK},
    {"haben sie meine letzte? email|nachricht|mail erhalten|bekommen|gesehen|gelesen",
     LU_CHASE_HOMEWORK},
    {"kurze|kleine|freundliche erinnerung", LU_CHASE_BUMP},
    {"entschuldigen_sie|sorry_f\u00fcr die st\u00f6rung", LU_CHASE_SORRY},
    {NULL, 0},
};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"von", NULL};
static const char *const quote_date[] = {"gesendet", "datum", NULL};
static const char *const quote_to[] = {"an", NULL};
static const char *const quote_subject[] = {"betreff", NULL};

/* Sentences (sentence.c): abbreviations that never end one (before a name
 * or number: "Dr. Ng"), the words a line that goes on ends with, and month
 * prefixes after a day number ("am 3. Dezember"). */
static const char *const abbrevs[] = {"nr", "bzw", "z.b", "u.a", "ggf", "evtl", "usw", NULL};
static const char *const glue_words[] = {"und", NULL};
static const char *const ordinal_months[] = {
    "jan", "feb", "mär", "mar",    "apr",     "mai",  "jun",  "jul",     "aug",      "sep",
    "okt", "nov", "dez", "januar", "februar", "juni", "juli", "oktober", "dezember", NULL};

/* The author's own words (body.c): list footers, disclaimers, mobile
 * signatures, signature lines and bulk mail. */
static const char *const footer_starts[] = {"abmelden:", NULL};
/* "sollten sie irrt": "irrtümlich", also where the charset lost the umlaut. */
static const char *const disclaimer_starts[] = {"diese e-mail enthält vertrauliche",
                                                "diese email enthält vertrauliche",
                                                "diese nachricht enthält vertrauliche",
                                                "diese e-mail kann vertrauliche",
                                                "diese e-mail ist vertraulich",
                                                "diese e-mail und alle anhänge",
                                                "diese e-mail einschließlich",
                                                "der inhalt dieser e-mail",
                                                "der inhalt dieser email",
                                                "wenn sie nicht der richtige adressat",
                                                "sollten sie nicht der vorgesehene empfänger",
                                                "sollten sie irrt",
                                                "sollten sie diese nachricht irrt",
                                                "sollten sie diese e-mail irrt",
                                                "falls sie diese nachricht irrt",
                                                "falls sie diese e-mail irrt",
                                                "hinweis: diese nachricht",
                                                "hinweis: diese e-mail",
                                                "diese nachricht ist nur f",
                                                "diese e-mail ist nur f",
                                                "diese nachricht ist ausschlie",
                                                "diese e-mail ist ausschlie",
                                                "vertraulichkeitshinweis",
                                                "haftungsausschluss",
                                                "bitte denken sie an die umwelt",
                                                NULL};
static const char *const confidential_words[] = {"vertraulich", NULL};
static const char *const recipient_words[] = {"empfänger", "adressat", NULL};
static const char *const mobile_starts[] = {"von meinem ",   "gesendet von ", "gesendet mit ",
                                            "gesendet vom ", "outlook für ",  NULL};
static const char *const not_name_words[] = {"gmbh", "ag", NULL};
static const char *const sentence_starts[] = {"ich", "wir", "bitte", "können", "es", "das", NULL};
static const char *const stopwords[] = {"der", "die", "und", "ist", "ich",
                                        "wir", "sie", "zu",  "es",  NULL};
static const char *const attr_not_names[] = {"ich", "wir", NULL};
static const char *const bulk_exit[] = {"abmelden", "abbestellen", "antworten sie nicht auf diese",
                                        "nicht auf diese e-mail antworten", NULL};
static const char *const bulk_layout[] = {"hier klicken", "alle rechte vorbehalten", NULL};

/* Words in dates.c's phrases that are no date words (leadup.h LU_DX_*). */
static const struct lu_date_role date_roles[] = {
    {"am", LU_DX_DOTDATE | LU_DX_PART_PREP | LU_DX_PART_ART},
    {"morgen", LU_DX_NOUN_CAP},
    {"guten", LU_DX_GREET},
    {"jeden", LU_DX_GREET},
    {"bis", LU_DX_DOTDATE},
    {"ab", LU_DX_DOTDATE},
    {"vom", LU_DX_DOTDATE},
    {"zum", LU_DX_DOTDATE | LU_DX_BY},
    {"seit", LU_DX_DOTDATE},
    {"den", LU_DX_DOTDATE},
    {"spätestens", LU_DX_BY},
    {"tages", LU_DX_WORKDAY},
    {"über", LU_DX_OVER},
    {"folgende", LU_DX_FOLLOWING},
    {"folgenden", LU_DX_FOLLOWING},
    {"darauffolgende", LU_DX_FOLLOWING},
    {"darauffolgenden", LU_DX_FOLLOWING},
    {NULL, 0},
};

/* The draft's salutation (draft.c): words that make a name a role, not a
 * person, and titles before a name. */
static const char *const role_words[] = {"gmbh", "ag", NULL};
static const char *const titles[] = {"herr", "frau", "dipl", NULL};

/* dates.c's phrases of several tokens (leadup.h struct lu_date_phrase). */
static const struct lu_date_phrase date_phrases[] = {
    {"vierzehn tage|tagen", LU_DP_FORTNIGHT},
    {NULL, 0, 0},
};

const struct lu_lang_pack lu_lang_de = {
    .code = "de",
    .guess_words = guess_words,
    .dates = dates,
    .n_dates = G_N_ELEMENTS(dates),
    .weekdays = {"", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                 "Sonntag"},
    .months = {"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember"},
    .date_fmt = "%A, %d. %B",
    .year_fmt = " %Y",
    .time_fmt = ", um %H:%M Uhr",
    .time_one_fmt = NULL,
    .first_suffix = NULL,
    .and_ = "und",
    .all = "zusammen",
    .wrote = "Am %s schrieb %s:",
    .i_wrote = "Am %s schrieb ich:",
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
    .thanks = "danke*|dank",
    .cues = cues,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
    .abbrevs = abbrevs,
    .glue_words = glue_words,
    .ordinal_months = ordinal_months,
    .footer_starts = footer_starts,
    .disclaimer_starts = disclaimer_starts,
    .confidential_words = confidential_words,
    .recipient_words = recipient_words,
    .mobile_starts = mobile_starts,
    .not_name_words = not_name_words,
    .sentence_starts = sentence_starts,
    .stopwords = stopwords,
    .attr_not_names = attr_not_names,
    .bulk_exit = bulk_exit,
    .bulk_layout = bulk_layout,
    .date_roles = date_roles,
    .date_phrases = date_phrases,
    .role_words = role_words,
    .titles = titles,
};
