/* lang-fr.c - the French language pack: every word list and phrase cue of
 * French in one place (leadup.h struct lu_lang_pack; DEVELOPERS.md "Adding a
 * language"). */
#include "leadup.h"

static const char *const guess_words[] = {
    "le",   "la",     "les",  "et",   "est",   "vous", "nous",  "je",      "pour",         "avec",
    "une",  "des",    "du",   "pas",  "que",   "qui",  "sur",   "dans",    "merci",        "votre",
    "vos",  "au",     "aux",  "ce",   "cette", "mais", "ou",    "bonjour", "cordialement", "être",
    "avez", "pouvez", "sont", "très", "bien",  "j'ai", "c'est", "d'un",    NULL,
};

/* Every date word (dates.c; doc/dates.md). */
static const struct lu_date_word dates[] = {
    {"quinze", .g = LU_DG_14DAYS},
    {"janvier", .month = 1},
    {"janv", .month = 1, .f = LU_DW_ABBR},
    {"févr", .month = 2, .f = LU_DW_ABBR},
    {"fevr", .month = 2, .f = LU_DW_ABBR},
    {"avr", .month = 4, .f = LU_DW_ABBR},
    {"juil", .month = 7, .f = LU_DW_ABBR},
    {"déc", .month = 12, .f = LU_DW_ABBR},
    {"février", .month = 2},
    {"fevrier", .month = 2},
    {"mars", .month = 3},
    {"avril", .month = 4},
    {"juin", .month = 6},
    {"juillet", .month = 7},
    {"août", .month = 8},
    {"aout", .month = 8},
    {"septembre", .month = 9},
    {"octobre", .month = 10},
    {"novembre", .month = 11},
    {"décembre", .month = 12},
    {"decembre", .month = 12},
    {"lundi", .wday = 1},
    {"mardi", .wday = 2},
    {"mercredi", .wday = 3},
    {"jeudi", .wday = 4},
    {"vendredi", .wday = 5},
    {"samedi", .wday = 6},
    {"dimanche", .wday = 7},
    {"demain", .rel = LU_DR_TOMORROW},
    {"midi", .tw = LU_DT_NOON},
    {"minuit", .tw = LU_DT_MIDNIGHT},
    {"matin", .tw = LU_DT_MORNING},
    {"matinée", .tw = LU_DT_MORNING},
    {"soir", .tw = LU_DT_EVENING},
    {"soirée", .tw = LU_DT_EVENING},
    {"ce", .f = LU_DW_THIS},
    {"cet", .f = LU_DW_THIS | LU_DW_ZONE},
    {"après", .f = 0, .g = LU_DG_AFTER},
    {"apres", .f = 0, .g = LU_DG_AFTER},
    {"aujourd", .f = 0},
    {"il", .f = 0},
    {"cette", .f = LU_DW_THIS},
    {"prochain", .f = LU_DW_POSTNEXT},
    {"prochaine", .f = LU_DW_POSTNEXT},
    {"dernier", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"dernière", .ord = LU_DW_ORD_LAST, .f = LU_DW_PREV},
    {"avant", .f = LU_DW_PREP | LU_DW_GUARD, .g = LU_DG_BEFORE},
    {"pour", .f = LU_DW_PREP},
    {"à", .f = LU_DW_AT | LU_DW_TO},
    {"vers", .f = LU_DW_AT},
    {"dans", .f = LU_DW_IN},
    {"du", .f = LU_DW_OF | LU_DW_FROM | LU_DW_THE},
    {"des", .f = LU_DW_OF | LU_DW_THE},
    {"d", .f = LU_DW_OF},
    {"la", .f = LU_DW_THE},
    {"le", .f = LU_DW_THE | LU_DW_PREP},
    {"les", .f = LU_DW_THE},
    {"l", .f = LU_DW_THE},
    {"et", .f = LU_DW_AND | LU_DW_FOLLOW | LU_DW_ZONE},
    {"au", .f = LU_DW_TO},
    {"entre", .f = LU_DW_BETWEEN},
    {"fin", .f = LU_DW_END | LU_DW_GUARD, .g = LU_DG_WKND1},
    {"début", .f = LU_DW_EARLY | LU_DW_GUARD},
    {"debut", .f = LU_DW_EARLY | LU_DW_GUARD},
    {"er", .f = LU_DW_ORDSUF},
    {"heures", .f = LU_DW_UHR},
    {"heure", .f = LU_DW_UHR},
    {"un", .num = 1},
    {"une", .num = 1},
    {"deux", .num = 2},
    {"trois", .num = 3},
    {"quatre", .num = 4},
    {"cinq", .num = 5},
    {"huit", .num = 8},
    {"neuf", .num = 9},
    {"dix", .num = 10},
    {"onze", .num = 11},
    {"douze", .num = 12},
    {"premier", .ord = 1},
    {"première", .ord = 1},
    {"premiere", .ord = 1},
    {"deuxième", .ord = 2},
    {"deuxieme", .ord = 2},
    {"troisième", .ord = 3},
    {"quatrième", .ord = 4},
    {"jour", .unit = LU_DU_DAY},
    {"jours", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"semaine", .unit = LU_DU_WEEK},
    {"semaines", .unit = LU_DU_WEEK, .f = LU_DW_PL},
    {"mois", .unit = LU_DU_MONTH},
    {"trimestre", .unit = LU_DU_QUARTER},
    {"trimestres", .unit = LU_DU_QUARTER, .f = LU_DW_PL},
    {"année", .unit = LU_DU_YEAR},
    {"nouvel", .f = LU_DW_HOL, .hol = LU_DH_NEW},
    {"fêtes", .f = LU_DW_HOL, .hol = LU_DH_HOLS},
    {"noël", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"pâques", .f = LU_DW_HOL, .hol = LU_DH_EASTER},
    {"an", .hol = LU_DH_YEAR}, /* "nouvel an" */
    {"ouvrés", .g = LU_DG_BIZPOST},
    {"ouvrables", .g = LU_DG_BIZPOST},
    {"pendant", .f = 0}, /* "pendant les fêtes" (LU_DX_OVER) */
    {"printemps", .season = LU_DS_SPRING},
    {"été", .season = LU_DS_SUMMER, .g = LU_DG_RISKYSEASON}, /* "a été" */
    {"automne", .season = LU_DS_AUTUMN},
    {"hiver", .season = LU_DS_WINTER},
};

static const char *const greetings[] = {
    "bonjour",
    "salut",
    NULL,
};
static const char *const signoffs[] = {
    "bien cordialement",
    "très cordialement",
    "cordialement",
    "bien à vous",
    "bien à toi",
    "meilleures salutations",
    "sincères salutations",
    "salutations distinguées",
    "salutations",
    "merci beaucoup",
    "merci d'avance",
    "merci par avance",
    "merci",
    "bonne journée",
    "bonne soirée",
    "belle journée",
    "à bientôt",
    "bien amicalement",
    "amicalement",
    "amitiés",
    "bises",
    NULL,
};
static const char *const attr_openers[] = {
    "le ",
    NULL,
};
static const char *const attr_verbs[] = {
    " a écrit",
    NULL,
};
static const char *const auto_subjects[] = {
    "réponse automatique", "reponse automatique", "absence du bureau",
    "message d'absence",   "absent du bureau",    NULL,
};
static const char *const bounce_subjects[] = {"non remis", "échec de la remise", NULL};
static const char *const receipt_prefixes[] = {"lu :", "lu:", "confirmation de lecture", NULL};
static const char *const forward_starts[] = {"début du message réexpédié",
                                             "début du message transféré", NULL};
static const char *const forward_markers[] = {"message d'", "message transf", "message original",
                                              NULL};
static const char *const forward_prefixes[] = {"tr", NULL};

/* Cues added to classify.c's patterns (the cue notation, leadup.h cue.c). */
static const struct lu_cue cues[] = {
    {LU_CUE_REQUEST, "merci de !votre|ta|vos|tes|la|le|l'|cette|ce|ces", 0},
    {LU_CUE_REQUEST,
     "pourriez-vous|pouvez-vous|voudriez-vous|voulez-vous|pourrais-tu|peux-tu|voudrais-tu|"
     "veux-tu|auriez-vous|avez-vous|seriez-vous|sauriez-vous|pourrions-nous|pouvons-nous",
     0},
    {LU_CUE_REQUEST, "veuillez !trouver|noter", 0},
    {LU_CUE_REQUEST, "je|nous vous|te prie|prions", 0},
    {LU_CUE_REQUEST, "tenez-moi|tiens-moi|tenez-nous au courant", 0},
    {LU_CUE_REQUEST, "dites-moi|dis-moi|dites-nous|faites-moi|fais-moi|faites-nous", 0},
    {LU_CUE_REQUEST, "j'attends|attendons votre|ta retour|réponse|confirmation", 0},
    {LU_CUE_REQUEST, "dans l'attente de votre|ta", 0},
    {LU_CUE_FYI, "veuillez trouver", 0},
    {LU_CUE_FYI, "ci-joint|ci-jointe|ci-joints", 0},
    {LU_CUE_COMMIT,
     "je|nous vous|te enverrai|envoie|envoyons|enverrons|appelle|appellerai|rappelle|rappellerai|"
     "recontacte|recontacterai|écrirai|confirme|confirmerai",
     LU_CUE_NOQ},
    {LU_CUE_COMMIT, "je|nous reviens|reviendrai|revenons|reviendrons vers vous|toi", LU_CUE_NOQ},
    {LU_CUE_COMMIT, "je m'en occupe|charge", LU_CUE_NOQ},
    {LU_CUE_COMMIT_NOT, "ci-joint|ci-jointe", 0},
    {LU_CUE_AGREE, "d'accord", 0},
    {LU_CUE_AGREE, "ça|ca marche", 0},
    {LU_CUE_DECLINE, "pas intéressé|intéressés|interesse|interessé", 0},
    {LU_CUE_CLOSING, "c'est tout", 0},
    {LU_CUE_CLOSING, "merci pour|de votre|ta|vos aide|réponse|retour|information|informations",
     LU_CUE_NOQ},
    {LU_CUE_NOREPLY, "pas besoin de répondre", 0},
    {LU_CUE_OOO_STRONG, "absent|absente|absence", 0},
    {LU_CUE_OOO, "congé|congés|vacances", 0},
    {LU_CUE_RETURN, "retour", 0},
    {LU_CUE_UNTIL, "jusqu'au|jusqu", 0},
    {0, NULL, 0},
};

/* Chasing phrases (lint.c), in the cue notation (leadup.h cue.c). */
static const struct lu_chase_cue chasing[] = {
    {"je me permets de vous? relancer", LU_CHASE_COURT},
    {"je vous relance", LU_CHASE_COURT},
    {"des nouvelles de|du|concernant|sur", LU_CHASE_COURT},
    {"avez-vous pu|eu_le_temps|eu_l'occasion", LU_CHASE_HOMEWORK},
    {"avez-vous bien? re\u00e7u mon dernier? email|message|mail|courriel", LU_CHASE_HOMEWORK},
    {"je reviens vers vous concernant|au_sujet|\u00e0_propos|pour_savoir", LU_CHASE_COURT},
    {"petit|simple rappel", LU_CHASE_BUMP},
    {"d\u00e9sol\u00e9|d\u00e9sol\u00e9e|d\u00e9sol\u00e9s|d\u00e9sol\u00e9es de vous "
     "d\u00e9ranger|importuner|relancer",
     LU_CHASE_SORRY},
    {NULL, 0},
};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"de", "expéditeur", NULL};
static const char *const quote_date[] = {"envoyé", "envoyé le", NULL};
static const char *const quote_to[] = {"à", "destinataire", NULL};
static const char *const quote_subject[] = {"objet", "sujet", NULL};

/* Sentences (sentence.c): abbreviations that never end one (before a name
 * or number: "Dr. Ng"), and the words a line that goes on ends with. */
static const char *const abbrevs[] = {"mme", "mlle", NULL};
static const char *const glue_words[] = {"et", NULL};

/* The author's own words (body.c): list footers, disclaimers, mobile
 * signatures, signature lines and bulk mail. */
static const char *const footer_starts[] = {"pour vous désabonner", NULL};
static const char *const disclaimer_starts[] = {
    "ce message et toutes les pièces jointes",
    "ce message et ses pièces jointes",
    "ce message et les pièces jointes",
    "ce courriel et",
    "ce message est confidentiel",
    "ce message (y compris",
    "ce message électronique",
    "ce courrier électronique",
    "ce message contient des informations confidentielles",
    "les informations contenues dans ce message",
    "avis de confidentialité",
    "si vous n'êtes pas le destinataire",
    "si vous avez reçu ce message par erreur",
    "pensez à l'environnement avant d'imprimer",
    NULL};
static const char *const confidential_words[] = {"confidentiel", NULL};
static const char *const recipient_words[] = {"destinataire", NULL};
static const char *const mobile_starts[] = {"envoyé de mon ",
                                            "envoyé depuis ",
                                            "envoyé à partir de ",
                                            "envoyé avec ",
                                            "télécharger outlook pour ",
                                            "obtenez outlook pour ",
                                            NULL};
static const char *const sentence_starts[] = {"je", "nous", "vous", "pouvez", "est-ce", NULL};
static const char *const stopwords[] = {"et", "est", "je", "nous", NULL};
static const char *const attr_not_names[] = {"je", "nous", NULL};
static const char *const bulk_exit[] = {
    "désinscri", "desinscri", "désabonner", "ne pas répondre à ce", "ne répondez pas à ce", NULL};
static const char *const bulk_layout[] = {"cliquez ici", "tous droits réservés", NULL};

/* Words in dates.c's phrases that are no date words (leadup.h LU_DX_*). */
static const struct lu_date_role date_roles[] = {
    {"l", LU_DX_ELIDED},           {"journée", LU_DX_WORKDAY},   {"pendant", LU_DX_OVER},
    {"dans", LU_DX_PART_PREP},     {"le", LU_DX_PART_ART},       {"midi", LU_DX_DASHED},
    {"suivante", LU_DX_FOLLOWING}, {"suivant", LU_DX_FOLLOWING}, {NULL, 0},
};

/* dates.c's phrases of several tokens (leadup.h struct lu_date_phrase). */
static const struct lu_date_phrase date_phrases[] = {
    {"quinze jours", LU_DP_FORTNIGHT},
    {"après - demain", LU_DP_REL_DAY, 2},
    {"aujourd ' hui", LU_DP_REL_DAY, 0},
    {"d ' ici", LU_DP_BY},
    {"jusqu ' au|à", LU_DP_BY},
    {"à|a partir", LU_DP_FROM_OF},
    {"il y a", LU_DP_AGO},
    {"après - midi", LU_DP_AFTERNOON},
    {NULL, 0, 0},
};

/* The draft's salutation (draft.c): words that make a name a role, not a
 * person, and titles before a name. */
static const char *const role_words[] = {"sa", NULL};
static const char *const titles[] = {"m", "mme", "mlle", NULL};

const struct lu_lang_pack lu_lang_fr = {
    .code = "fr",
    .guess_words = guess_words,
    .dates = dates,
    .n_dates = G_N_ELEMENTS(dates),
    .weekdays = {"", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
    .months = {"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre"},
    .date_fmt = "%A %d%o %B",
    .year_fmt = " %Y",
    .time_fmt = " à %Hh%M",
    .time_one_fmt = NULL,
    .first_suffix = "er",
    .and_ = "et",
    .all = "à tous",
    .wrote = "Le %s, %s a écrit :",
    .i_wrote = "Le %s, j'ai écrit :",
    .greetings = greetings,
    .signoffs = signoffs,
    .attr_openers = attr_openers,
    .attr_verbs = attr_verbs,
    .auto_subjects = auto_subjects,
    .bounce_subjects = bounce_subjects,
    .receipt_prefixes = receipt_prefixes,
    .forward_starts = forward_starts,
    .forward_markers = forward_markers,
    .chasing = chasing,
    .thanks = "merci",
    .cues = cues,
    .quote_from = quote_from,
    .quote_date = quote_date,
    .quote_to = quote_to,
    .quote_subject = quote_subject,
    .abbrevs = abbrevs,
    .glue_words = glue_words,
    .footer_starts = footer_starts,
    .disclaimer_starts = disclaimer_starts,
    .confidential_words = confidential_words,
    .recipient_words = recipient_words,
    .mobile_starts = mobile_starts,
    .sentence_starts = sentence_starts,
    .stopwords = stopwords,
    .attr_not_names = attr_not_names,
    .bulk_exit = bulk_exit,
    .bulk_layout = bulk_layout,
    .date_roles = date_roles,
    .date_phrases = date_phrases,
    .forward_prefixes = forward_prefixes,
    .role_words = role_words,
    .titles = titles,
};
