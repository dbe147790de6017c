/* lang-it.c - the Italian language pack: every word list and phrase cue of
 * Italian in one place (leadup.h struct lu_lang_pack; DEVELOPERS.md "Adding a
 * language"). */
#include "leadup.h"

/* "il", "per", "mi" and "non" are French, English or Spanish words too:
 * those languages' own words outnumber them, and a tie goes to the
 * earlier pack (lang.c). */
static const char *const guess_words[] = {
    "il",         "di",     "che",      "è",      "per",       "non",    "mi",        "ti",
    "ci",         "gli",    "sono",     "della",  "delle",     "questo", "questa",    "anche",
    "ho",         "nel",    "nella",    "alla",   "grazie",    "ciao",   "saluti",    "cordiali",
    "buongiorno", "vorrei", "potrebbe", "può",    "sul",       "dal",    "più",       "molto",
    "fatto",      "essere", "abbiamo",  "domani", "settimana", "allego", "riscontro", "dei",
    "degli",      "nei",    "sulla",    "questi", NULL,
};

/* Every date word (dates.c; doc/dates.md).  Words Italian shares with
 * another pack ("marzo", "agosto", "novembre", "la", "le", "a", "di") are
 * listed where they mean the same; a word that means something else in
 * English is left out ("ago" for agosto, "set", "due" = 2, "per") or made
 * strict ("fine"). */
/* Words in dates.c's phrases that are no date words (leadup.h LU_DX_*). */
static const struct lu_date_role date_roles[] = {
    {"successiva", LU_DX_FOLLOWING},
    {"successivo", LU_DX_FOLLOWING},
    {"seguente", LU_DX_FOLLOWING},
    {"durante", LU_DX_OVER},
    {NULL, 0},
};

static const struct lu_date_word dates[] = {
    {"quindici", .g = LU_DG_14DAYS},
    {"domattina", .rel = LU_DR_TOMORROW},
    /* Months. */
    {"gennaio", .month = 1},
    {"febbraio", .month = 2},
    {"marzo", .month = 3},
    {"aprile", .month = 4},
    {"maggio", .month = 5},
    {"giugno", .month = 6},
    {"luglio", .month = 7},
    {"agosto", .month = 8},
    {"settembre", .month = 9},
    {"ottobre", .month = 10},
    {"novembre", .month = 11},
    {"dicembre", .month = 12},
    {"genn", .month = 1, .f = LU_DW_ABBR},
    {"febb", .month = 2, .f = LU_DW_ABBR},
    {"giu", .month = 6, .f = LU_DW_ABBR},
    {"lug", .month = 7, .f = LU_DW_ABBR},
    {"sett", .month = 9, .f = LU_DW_ABBR},
    {"ott", .month = 10, .f = LU_DW_ABBR},
    {"dic", .month = 12, .f = LU_DW_ABBR},

    /* Weekdays, Monday = 1, with and without the accent. */
    {"lunedì", .wday = 1},
    {"lunedi", .wday = 1},
    {"martedì", .wday = 2},
    {"martedi", .wday = 2},
    {"mercoledì", .wday = 3},
    {"mercoledi", .wday = 3},
    {"giovedì", .wday = 4},
    {"giovedi", .wday = 4},
    {"venerdì", .wday = 5},
    {"venerdi", .wday = 5},
    {"sabato", .wday = 6},
    {"domenica", .wday = 7},

    /* Relative days and times of day. */
    {"oggi", .rel = LU_DR_TODAY},
    {"stasera", .rel = LU_DR_TONIGHT},
    {"domani", .rel = LU_DR_TOMORROW},
    {"dopodomani", .rel = LU_DR_DAYAFTER},
    {"ieri", .rel = LU_DR_YESTERDAY},
    {"mezzogiorno", .tw = LU_DT_NOON},
    {"mezzanotte", .tw = LU_DT_MIDNIGHT},
    {"mattina", .tw = LU_DT_MORNING},
    {"mattino", .tw = LU_DT_MORNING},
    {"pomeriggio", .tw = LU_DT_AFTERNOON},
    {"serata", .tw = LU_DT_EVENING},
    {"notte", .tw = LU_DT_NIGHT},

    /* Modifiers: "prossima" before or after its noun ("la prossima
     * settimana", "la settimana prossima"). */
    {"questo", .f = LU_DW_THIS},
    {"questa", .f = LU_DW_THIS},
    {"prossimo", .f = LU_DW_NEXT | LU_DW_POSTNEXT},
    {"prossima", .f = LU_DW_NEXT | LU_DW_POSTNEXT},
    {"scorso", .f = LU_DW_PREV},
    {"scorsa", .f = LU_DW_PREV},
    {"dopo", .g = LU_DG_AFTER},
    {"prima", .g = LU_DG_BEFORE | LU_DG_OF},

    /* Small words. */
    {"entro", .f = LU_DW_PREP | LU_DW_IN | LU_DW_GUARD},
    {"tra", .f = LU_DW_IN},
    {"fra", .f = LU_DW_IN},
    {"alle", .f = LU_DW_AT},
    {"verso", .f = LU_DW_AT},
    {"di", .f = LU_DW_OF},
    {"del", .f = LU_DW_OF | LU_DW_FROM | LU_DW_THE},
    {"della", .f = LU_DW_OF | LU_DW_THE},
    {"dal", .f = LU_DW_FROM},
    {"dalle", .f = LU_DW_FROM},
    {"la", .f = LU_DW_THE},
    {"le", .f = LU_DW_THE | LU_DW_PREP},
    {"e", .f = LU_DW_AND},
    {"fa", .f = LU_DW_AGO},
    {"fine", .f = LU_DW_END, .g = LU_DG_WKND1 | LU_DG_STRICT},
    {"inizio", .f = LU_DW_EARLY | LU_DW_GUARD},
    {"metà", .f = LU_DW_MID | LU_DW_GUARD},

    /* Numbers and units ("due" = 2 is left out: English "due Friday"). */
    {"tre", .num = 3},
    {"quattro", .num = 4},
    {"cinque", .num = 5},
    {"sette", .num = 7},
    {"otto", .num = 8},
    {"dieci", .num = 10},
    {"minuti", .unit = LU_DU_MIN, .f = LU_DW_PL},
    {"ore", .unit = LU_DU_HOUR, .f = LU_DW_PL},
    {"giorno", .unit = LU_DU_DAY},
    {"giorni", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"settimana", .unit = LU_DU_WEEK, .g = LU_DG_WKND2},
    {"settimane", .unit = LU_DU_WEEK, .f = LU_DW_PL},
    {"mese", .unit = LU_DU_MONTH},
    {"trimestre", .unit = LU_DU_QUARTER},
    {"trimestri", .unit = LU_DU_QUARTER, .f = LU_DW_PL},
    {"mesi", .unit = LU_DU_MONTH, .f = LU_DW_PL},
    {"anno", .unit = LU_DU_YEAR, .hol = LU_DH_YEAR},
    {"lavorativi", .g = LU_DG_BIZPOST},
    {"lavorativo", .g = LU_DG_BIZPOST},

    /* Holidays. */
    {"feste", .f = LU_DW_HOL, .hol = LU_DH_HOLS},
    {"natale", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"pasqua", .f = LU_DW_HOL, .hol = LU_DH_EASTER},
    {"capodanno", .f = LU_DW_HOL, .hol = LU_DH_NEWYEAR},
    {"durante", .f = 0}, /* "durante le feste" (LU_DX_OVER) */
    /* "estate" (summer) is left: an English word ("this estate") */
    {"primavera", .season = LU_DS_SPRING},
    {"autunno", .season = LU_DS_AUTUMN},
    {"inverno", .season = LU_DS_WINTER},
};

static const char *const greetings[] = {"ciao", "salve", "buongiorno", "buonasera", "gentile",
                                        "caro", "cara",  "egregio",    NULL};
/* Longest first where one starts another. */
static const char *const signoffs[] = {
    "cordiali saluti",
    "distinti saluti",
    "cari saluti",
    "un caro saluto",
    "un cordiale saluto",
    "un saluto",
    "saluti",
    "grazie mille",
    "grazie ancora",
    "grazie in anticipo",
    "grazie",
    "a presto",
    "buona giornata",
    "buona serata",
    "un abbraccio",
    "ciao",
    NULL,
};
static const char *const attr_openers[] = {"il ", NULL};
static const char *const attr_verbs[] = {" ha scritto", NULL};
static const char *const auto_subjects[] = {
    "risposta automatica", "fuori sede", "fuori ufficio", "assente dall'ufficio", "in ferie", NULL,
};
static const char *const bounce_subjects[] = {"impossibile recapitare", "mancato recapito",
                                              "non recapitabile", NULL};
static const char *const receipt_prefixes[] = {"letto:", "conferma di lettura", NULL};
static const char *const forward_starts[] = {"inizio messaggio inoltrato",
                                             "messaggio inoltrato:", NULL};
static const char *const forward_markers[] = {"messaggio", "inoltrato", NULL};
/* Not "I" (inoltro): English subjects start with "I:" too. */
static const char *const reply_prefixes[] = {"r", "rif", NULL};
static const char *const forward_prefixes[] = {"inoltro", NULL};

/* Cues added to classify.c's patterns (the cue notation, leadup.h cue.c). */
static const struct lu_cue cues[] = {
    {LU_CUE_REQUEST, "per favore|cortesemente|gentilmente", 0},
    {LU_CUE_REQUEST, "^ potrebbe|potresti|potreste|può|puoi|potete", 0},
    {LU_CUE_REQUEST, "mi|ci faccia|fai|fate sapere", 0},
    {LU_CUE_REQUEST, "fammi|fatemi|mi_faccia sapere", 0},
    {LU_CUE_REQUEST, "le|ti sarei|saremmo grato|grata|grati", 0},
    {LU_CUE_REQUEST, "resto|restiamo in attesa", 0},
    {LU_CUE_REQUEST, "attendo|aspetto un? suo|tuo|vostro? riscontro|risposta|conferma", 0},
    {LU_CUE_REQUEST, "in attesa di un? suo|tuo|vostro? riscontro|risposta|conferma", 0},
    {LU_CUE_FYI, "in allegato", 0},
    {LU_CUE_FYI, "allego|alleghiamo", 0},
    {LU_CUE_COMMIT, "le|ti|vi invio|invierò|manderò|mando|scriverò|chiamerò|confermo|confermerò",
     LU_CUE_NOQ},
    {LU_CUE_COMMIT, "mi|ci faccio|farò|faremo sentire|vivo|vivi", LU_CUE_NOQ},
    {LU_CUE_COMMIT, "me|ce ne occupo|occupiamo", LU_CUE_NOQ},
    {LU_CUE_COMMIT, "ti|le|vi farò|faremo sapere", LU_CUE_NOQ},
    {LU_CUE_COMMIT_NOT, "in allegato", 0},
    {LU_CUE_AGREE, "va bene|benissimo", 0},
    {LU_CUE_AGREE, "d'accordo|perfetto", 0},
    {LU_CUE_DECLINE, "non mi|ci interessa", 0},
    {LU_CUE_DECLINE, "non siamo interessati", 0},
    {LU_CUE_CLOSING, "è tutto", 0},
    {LU_CUE_CLOSING, "grazie per la|il tuo|suo? aiuto|risposta|riscontro|informazione", LU_CUE_NOQ},
    {LU_CUE_NOREPLY, "non serve|occorre rispondere", 0},
    {LU_CUE_OOO_STRONG, "fuori sede|ufficio", 0},
    {LU_CUE_OOO_STRONG, "assente", 0},
    {LU_CUE_OOO, "ferie", 0},
    {LU_CUE_RETURN, "rientro|rientrerò|ritorno", 0},
    {LU_CUE_UNTIL, "fino", 0},
    {0, NULL, 0},
};

/* Chasing phrases (lint.c), in the cue notation (leadup.h cue.c). */
static const struct lu_chase_cue chasing[] = {
    {"volevo|vorrei solo? sapere|chiedere se", LU_CHASE_HEDGE},
    {"ci_sono? novit\u00e0|aggiornamenti ?", LU_CHASE_COURT},
    {"mi permetto di sollecitar*|risollecitar*", LU_CHASE_COURT},
    {"ha|hai avuto|trovato modo|tempo|occasione|la_possibilit\u00e0", LU_CHASE_HOMEWORK},
    {"ha|hai ricevuto|visto|letto la? mia|mio ultima|ultimo? email|mail|messaggio",
     LU_CHASE_HOMEWORK},
    {"piccolo|breve|gentile promemoria", LU_CHASE_BUMP},
    {"scusi|scusa|scusate|mi_scuso per? il? disturb*", LU_CHASE_SORRY},
    {"riprendo|ritorno_su la? mia precedente|ultima email|mail|richiesta", LU_CHASE_OWE},
    {NULL, 0},
};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"da", NULL};
static const char *const quote_date[] = {"inviato", "data", NULL};
static const char *const quote_subject[] = {"oggetto", NULL};

/* The author's own words (body.c): list footers, disclaimers, mobile
 * signatures, signature lines and bulk mail. */
static const char *const mobile_starts[] = {"scarica outlook per ", "inviato da ", NULL};
static const char *const bulk_exit[] = {"annulla l'iscrizione", "disiscriv",
                                        "non rispondere a questa", "non rispondere a questo", NULL};
static const char *const bulk_layout[] = {"clicca qui", "tutti i diritti riservati", NULL};

/* The draft's salutation (draft.c): words that make a name a role, not a
 * person, and titles before a name. */
static const char *const titles[] = {"dott", "ing", NULL};

/* dates.c's phrases of several tokens (leadup.h struct lu_date_phrase). */
static const struct lu_date_phrase date_phrases[] = {
    {"quindici giorni", LU_DP_FORTNIGHT},
    {NULL, 0, 0},
};

const struct lu_lang_pack lu_lang_it = {
    .code = "it",
    .guess_words = guess_words,
    .dates = dates,
    .n_dates = G_N_ELEMENTS(dates),
    .date_roles = date_roles,
    .date_phrases = date_phrases,
    .weekdays = {"", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"},
    .months = {"", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
               "settembre", "ottobre", "novembre", "dicembre"},
    .date_fmt = "%A %d %B",
    .year_fmt = " %Y",
    .time_fmt = " alle %H:%M",
    .time_one_fmt = " all'%H:%M",
    .first_suffix = NULL,
    .and_ = "e",
    .all = "a tutti",
    .wrote = "Il giorno %s, %s ha scritto:",
    .i_wrote = "Il giorno %s, ho scritto:",
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
    .thanks = "grazie",
    .cues = cues,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_subject = quote_subject,
    .mobile_starts = mobile_starts,
    .bulk_exit = bulk_exit,
    .bulk_layout = bulk_layout,
    .titles = titles,
};
