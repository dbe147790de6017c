#include "leadup.h"
static const char *const none[] = {NULL};
static const struct lu_date_word dates[] = {{"zzzz"}};
const struct lu_lang_pack lu_lang_it = {
    .code = "it",
    .guess_words = none,
    .dates = dates,
    .n_dates = 0,
    .weekdays = {"", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"},
    .months = {"", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
               "settembre", "ottobre", "novembre", "dicembre"},
    .date_fmt = "%A %d %B",
    .year_fmt = " %Y",
    .time_fmt = " alle %H:%M",
    .and_ = "e",
    .all = "a tutti",
    .wrote = "Il giorno %s, %s ha scritto:",
    .i_wrote = "Il giorno %s, ho scritto:",
};
