/* lang-es.c - the Spanish language pack: every word list and phrase cue of
 * Spanish in one place (leadup.h struct lu_lang_pack; DEVELOPERS.md "Adding a
 * language"). */
#include "leadup.h"

static const char *const guess_words[] = {
    "el",    "los",   "las",   "y",   "es",      "usted",   "por",    "para",    "con",   "una",
    "del",   "que",   "no",    "su",  "sus",     "gracias", "hola",   "muy",     "pero",  "como",
    "este",  "esta",  "estos", "le",  "lo",      "al",      "se",     "saludos", "favor", "podría",
    "puede", "tengo", "hay",   "nos", "también", "mañana",  "cuando", NULL,
};

/* Every date word (dates.c; doc/dates.md). */
static const struct lu_date_word dates[] = {
    {"quince", .g = LU_DG_14DAYS},
    {"enero", .month = 1},
    {"febrero", .month = 2},
    {"marzo", .month = 3},
    {"abril", .month = 4},
    {"mayo", .month = 5},
    {"junio", .month = 6},
    {"julio", .month = 7},
    {"agosto", .month = 8},
    {"septiembre", .month = 9},
    {"setiembre", .month = 9},
    {"octubre", .month = 10},
    {"noviembre", .month = 11},
    {"diciembre", .month = 12},
    {"lunes", .wday = 1},
    {"martes", .wday = 2},
    {"miércoles", .wday = 3},
    {"miercoles", .wday = 3},
    {"jueves", .wday = 4},
    {"viernes", .wday = 5},
    {"sábado", .wday = 6},
    {"sabado", .wday = 6},
    {"domingo", .wday = 7},
    {"hoy", .rel = LU_DR_TODAY},
    {"mañana", .rel = LU_DR_TOMORROW, .tw = LU_DT_MORNING},
    {"manana", .rel = LU_DR_TOMORROW},
    {"ayer", .rel = LU_DR_YESTERDAY},
    {"mediodía", .tw = LU_DT_NOON},
    {"mediodia", .tw = LU_DT_NOON},
    {"medianoche", .tw = LU_DT_MIDNIGHT},
    {"tarde", .tw = LU_DT_AFTERNOON},
    {"noche", .tw = LU_DT_EVENING},
    {"por", .f = 0},
    {"después", .f = 0, .g = LU_DG_AFTER | LU_DG_OF},
    {"despues", .f = 0, .g = LU_DG_AFTER | LU_DG_OF},
    {"hace", .f = 0, .g = LU_DG_AGOPRE},
    {"este", .f = LU_DW_THIS},
    {"esta", .f = LU_DW_THIS},
    {"próximo", .f = LU_DW_NEXT},
    {"próxima", .f = LU_DW_NEXT},
    {"proximo", .f = LU_DW_NEXT},
    {"proxima", .f = LU_DW_NEXT},
    {"pasado", .f = LU_DW_PREV},
    {"pasada", .f = LU_DW_PREV},
    {"hasta", .f = LU_DW_PREP | LU_DW_TO | LU_DW_GUARD},
    {"para", .f = LU_DW_PREP},
    {"antes", .f = LU_DW_PREP, .g = LU_DG_BEFORE | LU_DG_OF},
    {"en", .f = LU_DW_IN | LU_DW_GUARD},
    {"dentro", .f = LU_DW_IN},
    {"de", .f = LU_DW_OF | LU_DW_FROM | LU_DW_GUARD, .g = LU_DG_INOF},
    {"del", .f = LU_DW_OF | LU_DW_FROM | LU_DW_THE},
    {"el", .f = LU_DW_THE | LU_DW_PREP},
    {"los", .f = LU_DW_THE},
    {"las", .f = LU_DW_THE},
    {"y", .f = LU_DW_AND},
    {"al", .f = LU_DW_TO},
    {"desde", .f = LU_DW_FROM | LU_DW_PREP},
    {"finales", .f = LU_DW_END},
    {"principios", .f = LU_DW_EARLY},
    {"comienzos", .f = LU_DW_EARLY},
    {"mi", .f = LU_DW_MID | LU_DW_GUARD},
    {"mediados", .f = LU_DW_MID},
    {"horas", .f = LU_DW_UHR},
    {"una", .num = 1},
    {"uno", .num = 1},
    {"dos", .num = 2},
    {"tres", .num = 3},
    {"cuatro", .num = 4},
    {"cinco", .num = 5},
    {"seis", .num = 6},
    {"siete", .num = 7},
    {"ocho", .num = 8},
    {"nueve", .num = 9},
    {"diez", .num = 10},
    {"doce", .num = 12},
    {"primera", .ord = 1},
    {"primer", .ord = 1},
    {"segunda", .ord = 2},
    {"tercera", .ord = 3},
    {"cuarta", .ord = 4},
    {"última", .ord = LU_DW_ORD_LAST},
    {"ultima", .ord = LU_DW_ORD_LAST},
    {"minutos", .unit = LU_DU_MIN, .f = LU_DW_PL},
    {"hora", .unit = LU_DU_HOUR},
    {"día", .unit = LU_DU_DAY},
    {"días", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"dia", .unit = LU_DU_DAY},
    {"dias", .unit = LU_DU_DAY, .f = LU_DW_PL},
    {"semana", .unit = LU_DU_WEEK, .g = LU_DG_WKND2},
    {"semanas", .unit = LU_DU_WEEK, .f = LU_DW_PL},
    {"mes", .unit = LU_DU_MONTH},
    {"trimestre", .unit = LU_DU_QUARTER},
    {"trimestres", .unit = LU_DU_QUARTER, .f = LU_DW_PL},
    {"meses", .unit = LU_DU_MONTH, .f = LU_DW_PL},
    {"año", .unit = LU_DU_YEAR, .hol = LU_DH_NEW},
    {"nuevo", .f = LU_DW_HOL, .hol = LU_DH_YEAR},
    {"fiestas", .f = LU_DW_HOL, .hol = LU_DH_HOLS},
    {"navidad", .f = LU_DW_HOL, .hol = LU_DH_XMAS},
    {"hábiles", .g = LU_DG_BIZPOST},
    {"habiles", .g = LU_DG_BIZPOST},
    {"laborables", .g = LU_DG_BIZPOST},
    {"que", .g = LU_DG_NEXT1},
    {"viene", .g = LU_DG_NEXT2},
    {"durante", .f = 0}, /* "durante las fiestas" (LU_DX_OVER) */
    {"primavera", .season = LU_DS_SPRING},
    {"verano", .season = LU_DS_SUMMER},
    {"otoño", .season = LU_DS_AUTUMN},
    {"invierno", .season = LU_DS_WINTER},
};

static const char *const greetings[] = {
    "hola", "estimado", "estimada", "buenos", NULL,
};
static const char *const signoffs[] = {
    "saludos cordiales", "un cordial saludo", "cordiales saludos", "un saludo", "saludos",
    "atentamente",       "muchas gracias",    "mil gracias",       "gracias",   "un abrazo",
    "abrazos",           "cordialmente",      "hasta pronto",      "adiós",     NULL,
};
static const char *const attr_openers[] = {
    "el ",
    NULL,
};
static const char *const attr_verbs[] = {
    " escribió",
    " escribio",
    NULL,
};
static const char *const auto_subjects[] = {
    "respuesta automática", "respuesta automatica",
    "fuera de la oficina",  "ausencia",
    "fuera de oficina",     NULL,
};
static const char *const bounce_subjects[] = {"no se puede entregar", "no entregado", NULL};
static const char *const receipt_prefixes[] = {"leído:", "leido:", "confirmación de lectura", NULL};
static const char *const forward_starts[] = {"inicio del mensaje reenviado",
                                             "comienzo del mensaje reenviado", NULL};
static const char *const forward_markers[] = {"mensaje", "reenviado", NULL};
static const char *const reply_prefixes[] = {"ref", NULL};
static const char *const forward_prefixes[] = {"rv", NULL};

/* Cues added to classify.c's patterns (the cue notation, leadup.h cue.c). */
static const struct lu_cue cues[] = {
    {LU_CUE_REQUEST, "por favor", 0},
    {LU_CUE_REQUEST, "^ podría|podrías|podrían|podrias|podria !ser|haber|estar", 0},
    {LU_CUE_REQUEST, "le|te|les agradecería|agradeceria|agradeceríamos", 0},
    {LU_CUE_REQUEST, "avíseme|avísame|avísenos|avísanos|aviseme|avisame|confírmeme|confírmame", 0},
    {LU_CUE_REQUEST, "hágame|hazme|háganos|hágamelo saber", 0},
    {LU_CUE_REQUEST, "quedo|quedamos a la espera|atento|atenta|atentos", 0},
    {LU_CUE_REQUEST, "espero|esperamos su|tu respuesta|confirmación|noticias", 0},
    {LU_CUE_FYI, "adjunto|adjunta", 0},
    {LU_CUE_COMMIT,
     "le|te|les enviaré|envío|enviamos|enviaremos|llamaré|llamo|escribiré|confirmaré|confirmo",
     LU_CUE_NOQ},
    {LU_CUE_COMMIT, "me|nos pongo|ponemos|pondré|pondremos en contacto", LU_CUE_NOQ},
    {LU_CUE_COMMIT, "me|nos encargo|encargamos", LU_CUE_NOQ},
    {LU_CUE_COMMIT_NOT, "adjunto|adjunta", 0},
    {LU_CUE_AGREE, "perfecto", 0},
    {LU_CUE_AGREE, "me va", 0},
    {LU_CUE_AGREE, "de acuerdo", 0},
    {LU_CUE_AGREE, "me parece bien", 0},
    {LU_CUE_DECLINE, "no me|nos interesa", 0},
    {LU_CUE_DECLINE, "no estamos interesados", 0},
    {LU_CUE_CLOSING, "eso es todo", 0},
    {LU_CUE_CLOSING, "gracias por su|tu ayuda|respuesta|información", LU_CUE_NOQ},
    {LU_CUE_NOREPLY, "no hace_falta|es_necesario responder|contestar", 0},
    {LU_CUE_OOO_STRONG, "fuera de la oficina", 0},
    {LU_CUE_OOO_STRONG, "ausente", 0},
    {LU_CUE_OOO, "vacaciones", 0},
    {LU_CUE_RETURN, "vuelta|regreso|regresaré|reincorporo", 0},
    {LU_CUE_UNTIL, "hasta", 0},
    {0, NULL, 0},
};

/* Chasing phrases (lint.c), in the cue notation (leadup.h cue.c). */
static const struct lu_chase_cue chasing[] = {
    {"alguna novedad", LU_CHASE_COURT},
    {"quer\u00eda|queria saber si", LU_CHASE_HEDGE},
    {"tuvo|ha_tenido|pudo la? oportunidad|tiempo|ocasi\u00f3n", LU_CHASE_HOMEWORK},
    {"dar|hacer|para un? seguimiento", LU_CHASE_COURT},
    {"recibi\u00f3 mi \u00faltimo? correo|mensaje|email", LU_CHASE_HOMEWORK},
    {"disculpe|perd\u00f3n_por|perdone la? molestia|insistencia", LU_CHASE_SORRY},
    {NULL, 0},
};

/* Header names in a quoted message's block ("From: ...", "Subject: ..."). */
static const char *const quote_from[] = {"de", "remitente", NULL};
static const char *const quote_date[] = {"enviado", "enviado el", "fecha", NULL};
static const char *const quote_to[] = {"para", NULL};
static const char *const quote_subject[] = {"asunto", NULL};

/* Sentences (sentence.c): abbreviations that never end one (before a name
 * or number: "Dr. Ng"), and the words a line that goes on ends with. */
static const char *const abbrevs[] = {"sra", "dra", NULL};
static const char *const glue_words[] = {"y", NULL};

/* The author's own words (body.c): list footers, disclaimers, mobile
 * signatures, signature lines and bulk mail. */
static const char *const footer_starts[] = {"para cancelar la suscripción", "para darte de baja",
                                            NULL};
static const char *const disclaimer_starts[] = {"este mensaje y sus anexos",
                                                "este mensaje y sus archivos adjuntos",
                                                "este mensaje y cualquier",
                                                "este correo electrónico y",
                                                "este correo y sus",
                                                "este mensaje es confidencial",
                                                "este mensaje contiene información confidencial",
                                                "este correo contiene información",
                                                "aviso de confidencialidad",
                                                "aviso legal",
                                                "la información contenida en este",
                                                "si usted no es el destinatario",
                                                "si ha recibido este mensaje por error",
                                                "si usted ha recibido este mensaje",
                                                "si ha recibido este correo por error",
                                                "antes de imprimir este",
                                                NULL};
static const char *const confidential_words[] = {"confidencial", NULL};
static const char *const recipient_words[] = {"destinatario", NULL};
static const char *const mobile_starts[] = {"enviado desde ", "enviado con ", "enviado de mi ",
                                            "obtener outlook para ", NULL};
static const char *const sentence_starts[] = {"yo", "podemos", "puedes", "por", NULL};
static const char *const stopwords[] = {"los", "las", "que", "es", NULL};
static const char *const attr_not_names[] = {"yo", NULL};
static const char *const bulk_exit[] = {"darse de baja", "cancelar la suscrip",
                                        "no responda a este", "no responder a este", NULL};
static const char *const bulk_layout[] = {"haga clic", "todos los derechos", NULL};

/* Words in dates.c's phrases that are no date words (leadup.h LU_DX_*). */
static const struct lu_date_role date_roles[] = {
    {"a", LU_DX_AT_LEAD},           {"las", LU_DX_HOURART},
    {"la", LU_DX_HOURART},          {"durante", LU_DX_OVER},
    {"día", LU_DX_WORKDAY},         {"por", LU_DX_PART_PREP},
    {"mañana", LU_DX_MORNING},      {"manana", LU_DX_MORNING},
    {"siguiente", LU_DX_FOLLOWING}, {NULL, 0},
};

/* dates.c's phrases of several tokens (leadup.h struct lu_date_phrase). */
static const struct lu_date_phrase date_phrases[] = {
    {"quince días|dias", LU_DP_FORTNIGHT},
    {"pasado mañana|manana", LU_DP_REL_DAY, 2},
    {"a las", LU_DP_HOUR_LEAD},
    {NULL, 0, 0},
};

const struct lu_lang_pack lu_lang_es = {
    .code = "es",
    .guess_words = guess_words,
    .dates = dates,
    .n_dates = G_N_ELEMENTS(dates),
    .weekdays = {"", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"},
    .months = {"", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
               "septiembre", "octubre", "noviembre", "diciembre"},
    .date_fmt = "%A %d de %B",
    .year_fmt = " de %Y",
    .time_fmt = " a las %H:%M",
    .time_one_fmt = " a la %H:%M",
    .first_suffix = NULL,
    .and_ = "y",
    .all = "a todos",
    .wrote = "El %s, %s escribió:",
    .i_wrote = "El %s, escribí:",
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
    .thanks = "gracias",
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
};
