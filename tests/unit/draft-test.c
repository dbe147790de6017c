/* draft-test.c - draft.c (templates, subjects, names, slots, recipients,
 * threading) and lu_mime_draft, each draft parsed back with GMime through
 * lu_mime_read_bytes.
 *
 * "draft-test --parse FILE" prints a draft's headers decoded, one per line,
 * then "Body:" and the decoded text: the shell tests parse drafts with it. */
#include "leadup.h"
#include "mail.h"
#include "tap.h"

#include <string.h>
#include <unistd.h>

static struct lu_config cfg;
static struct lu_identity me;

/* ---- building threads */

static void sentence_free(gpointer p)
{
    struct lu_sentence *x = p;
    g_free(x->text);
    g_array_unref(x->dates);
    g_ptr_array_unref(x->why);
    g_free(x);
}

/* Gives M an analysis by hand: sentences "label:text" (label r, p, c, a or
 * -), a signature name and phone. */
static void an(struct lu_msg *m, const char *sig_name, const char *sig_phone, ...)
{
    va_list ap;
    const char *s;

    lu_analysis_free(m->an);
    lu_body_free(m->body);
    m->an = g_new0(struct lu_analysis, 1);
    m->an->sentences = g_ptr_array_new_with_free_func(sentence_free);
    m->body = g_new0(struct lu_body, 1);
    m->body->sig_name = g_strdup(sig_name);
    m->body->sig_phone = g_strdup(sig_phone);
    va_start(ap, sig_phone);
    GString *text = g_string_new(NULL);
    while ((s = va_arg(ap, const char *)) != NULL) {
        struct lu_sentence *x = g_new0(struct lu_sentence, 1);
        x->text = g_strdup(s + 2);
        x->labels = s[0] == 'r'   ? LU_L_REQUEST
                    : s[0] == 'p' ? LU_L_PROPOSAL
                    : s[0] == 'c' ? LU_L_COMMITMENT
                    : s[0] == 'a' ? LU_L_AGREEMENT
                                  : 0;
        x->dates = g_array_new(FALSE, TRUE, sizeof(struct lu_when));
        x->why = g_ptr_array_new_with_free_func(g_free);
        if (s[0] == 'r' || s[0] == 'p')
            m->an->expects_reply = true;
        m->an->labels |= x->labels;
        g_ptr_array_add(m->an->sentences, x);
        g_string_append_printf(text, "%s%s", text->len ? " " : "", x->text);
    }
    va_end(ap);
    m->body->text = g_string_free(text, FALSE);
}

static void dated(struct lu_msg *m, guint sentence, gint64 start, gint64 end)
{
    struct lu_sentence *x = g_ptr_array_index(m->an->sentences, sentence);
    struct lu_when w = {start, end, LU_SPAN_DAY, false, 0, 3};
    g_array_append_val(x->dates, w);
}

static gint64 at(const char *iso)
{
    gint64 t = 0;
    lu_parse_iso(iso, cfg.tz, &t);
    return t;
}

static struct lu_verdict verdict(enum lu_state st, int anchor, int asked, int stage)
{
    struct lu_verdict v;
    memset(&v, 0, sizeof v);
    v.state = st;
    v.anchor = anchor;
    v.asked = asked;
    v.evidence = st == LU_ST_AWAITING ? asked : anchor;
    v.sched.stage = stage;
    return v;
}

/* Plans a draft for T with verdict V at NOW; renders TEMPLATE when given. */
static void plan(struct lu_draft *d, GPtrArray *t, const struct lu_verdict *v, const char *now,
                 const char *tmpl)
{
    struct lu_draft_req r = {0};

    r.cfg = &cfg;
    r.me = &me;
    r.now = at(now);
    r.msgs = t;
    r.v = v;
    lu_draft_plan(&r, d);
    if (tmpl)
        lu_draft_render(d, "test", tmpl);
}

static const char *var(struct lu_draft *d, const char *name)
{
    const char *v = g_hash_table_lookup(d->vars, name);
    return v ? v : "";
}

static const char *tmpl0(struct lu_draft *d)
{
    return d->templates->len ? g_ptr_array_index(d->templates, 0) : "";
}

static char *addrs(GPtrArray *a)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; a && i < a->len; i++) {
        struct lu_addr *x = g_ptr_array_index(a, i);
        g_string_append_printf(s, "%s%s%s<%s>", i ? ", " : "", x->name ? x->name : "",
                               x->name ? " " : "", x->email);
    }
    return g_string_free(s, FALSE);
}

static char *refs_str(GPtrArray *r)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; r && i < r->len; i++)
        g_string_append_printf(s, "%s%s", i ? " " : "", (char *)g_ptr_array_index(r, i));
    return g_string_free(s, FALSE);
}

/* ---- parsing drafts back */

static char *raw_header(const char *data, const char *name);

static void print_parsed(const char *data, gsize len)
{
    struct lu_msg *m = lu_msg_new();
    static const char *const names[] = {"Date",
                                        "Message-ID",
                                        "MIME-Version",
                                        "Content-Type",
                                        "Content-Transfer-Encoding",
                                        "X-Leadup-Template",
                                        "Bcc",
                                        "Reply-To"};
    char *s, *body;
    bool html;

    if (lu_mime_read_bytes(m, data, len) != 0)
        goto out;
    printf("From: %s%s<%s>\n", m->from && m->from->name ? m->from->name : "",
           m->from && m->from->name ? " " : "", m->from ? m->from->email : "");
    printf("To: %s\n", (s = addrs(m->to)));
    g_free(s);
    printf("Cc: %s\n", (s = addrs(m->cc)));
    g_free(s);
    printf("Subject: %s\n", m->subject ? m->subject : "(none)");
    printf("In-Reply-To: %s\n", m->in_reply_to ? m->in_reply_to : "(none)");
    printf("References: %s\n", (s = refs_str(m->refs)));
    g_free(s);
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        s = lu_mime_header(m, names[i]);
        if (!s)
            s = raw_header(data, names[i]);
        printf("%s: %s\n", names[i], s ? s : "(none)");
        g_free(s);
    }
    body = lu_mime_body_text(m, &html);
    printf("Body:\n%s", body);
    g_free(body);
out:
    lu_msg_free(m);
}

static struct lu_msg *parse_back(const char *data, gsize len)
{
    struct lu_msg *m = lu_msg_new();
    if (lu_mime_read_bytes(m, data, len) != 0) {
        lu_msg_free(m);
        return NULL;
    }
    return m;
}

/* The longest line of DATA, in bytes. */
static size_t longest_line(const char *data)
{
    size_t max = 0;
    for (const char *p = data; *p;) {
        size_t n = strcspn(p, "\n");
        max = MAX(max, n);
        p += n + (p[n] ? 1 : 0);
    }
    return max;
}

/* The unfolded value of header NAME in the header block of DATA, or NULL. Caller frees. */
static char *raw_header(const char *data, const char *name)
{
    size_t n = strlen(name);
    GString *v = NULL;

    for (const char *p = data; *p && *p != '\n';) {
        size_t len = strcspn(p, "\n");
        if (v && (*p == ' ' || *p == '\t')) {
            g_string_append_len(v, p, len);
        } else if (v) {
            break;
        } else if (!g_ascii_strncasecmp(p, name, n) && p[n] == ':') {
            v = g_string_new(NULL);
            g_string_append_len(v, p + n + 1, len - n - 1);
        }
        p += len + (p[len] ? 1 : 0);
    }
    return v ? g_strstrip(g_string_free(v, FALSE)) : NULL;
}

static bool has_header_line(const char *data, const char *name)
{
    char *needle = g_strdup_printf("\n%s:", name);
    const char *end = strstr(data, "\n\n");
    const char *hit = strstr(data, needle);
    bool r = (hit && (!end || hit < end)) || g_str_has_prefix(data, needle + 1);
    g_free(needle);
    return r;
}

/* ---- tests */

static void test_subjects(void)
{
    static const char *const cases[][3] = {
        {"Website budget", "0", "Re: Website budget"},
        {"Re: Website budget", "0", "Re: Website budget"},
        {"Re: Re: RE: Website budget", "0", "Re: Website budget"},
        {"AW: Sv: Antw: Angebot", "0", "Re: Angebot"},
        {"Re[2]: counted", "0", "Re: counted"},
        {"Re : espace", "0", "Re: espace"},
        /* A list thread: one "Re: " in front, the tag after it, once. */
        {"[dev] patch review", "1", "Re: [dev] patch review"},
        {"Re: [dev] patch review", "1", "Re: [dev] patch review"},
        {"[dev] Re: Re: patch review", "1", "Re: [dev] patch review"},
        {"[R-pkg-devel] Re: [R-pkg-devel] check NOTE", "1", "Re: [R-pkg-devel] check NOTE"},
        {"AW: [dev] Sv: Antw: RE: patch", "1", "Re: [dev] patch"},
        {"[dev] [RFC] patch", "1", "Re: [dev] [RFC] patch"},
        {"[EXTERNAL] RE: invoice", "0", "Re: [EXTERNAL] invoice"},
        {"Fwd: the plan", "0", "Re: Fwd: the plan"},
        {"Re: Fwd: the plan", "0", "Re: Fwd: the plan"},
        {"Reply needed", "0", "Re: Reply needed"},
        {"Résumé Übersicht", "0", "Re: Résumé Übersicht"},
        {"", "0", "Re: (no subject)"},
        {"Re:", "0", "Re: (no subject)"},
        {"two\r\nBcc: evil@example.org", "0", "Re: two Bcc: evil@example.org"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *s = lu_draft_subject(cases[i][0]);
        char *e = g_strescape(cases[i][0], "");
        is_str(s, cases[i][2], "subject '%s'%s", e, cases[i][1][0] == '1' ? " (list)" : "");
        g_free(e);
        g_free(s);
    }
    char *s = lu_draft_subject(NULL);
    is_str(s, "Re: (no subject)", "no subject at all");
    g_free(s);

    s = lu_draft_topic("Re: [dev] Fwd: Budget 2027");
    is_str(s, "Budget 2027", "topic drops prefixes, tags and Fwd:");
    g_free(s);
    GString *lng = g_string_new(NULL);
    for (int i = 0; i < 60; i++)
        g_string_append(lng, "word ");
    s = lu_draft_topic(lng->str);
    ok(g_utf8_strlen(s, -1) <= 103 && g_str_has_suffix(s, "...") && !strstr(s, " ..."),
       "a long topic is cut on a word boundary (%ld chars)", g_utf8_strlen(s, -1));
    g_free(s);
    g_string_free(lng, TRUE);
}

static void test_names(void)
{
    static const char *const cases[][3] = {
        {"Ann Smith", "ann@client.example", "Ann"},
        {"Smith, Ann", "as@client.example", "Ann"},
        {"Dr. Ann Smith", "x@client.example", "Ann"},
        {"ANN SMITH", "x@client.example", "Ann"},
        {"ann-marie o'neil", "x@client.example", "Ann-Marie"},
        {"McDonald", "x@client.example", "McDonald"},
        {"Jörg Müller", "x@client.example", "Jörg"},
        {"\"Ann Smith\"", "x@client.example", "Ann"},
        {"Sales Team", "sales@client.example", NULL},
        {"ACME Support", "help@client.example", NULL},
        {"Acme Ltd.", "ann.smith@client.example", NULL},
        {NULL, "ann.smith@client.example", "Ann"},
        {NULL, "ann_smith+news@client.example", "Ann"},
        {NULL, "jsmith@client.example", NULL},
        {NULL, "info.uk@client.example", NULL},
        {NULL, "a.smith@client.example", NULL},
        {"ann@client.example", "ann.b@client.example", "Ann"},
        {"J. Smith", "js@client.example", NULL},
        {"", "bob.jones@supplier.example", "Bob"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *n = lu_draft_first_name(cases[i][0], cases[i][1]);
        is_str(n, cases[i][2], "first name of '%s' <%s>", cases[i][0] ? cases[i][0] : "(none)",
               cases[i][1]);
        g_free(n);
    }
}

static void test_slots(void)
{
    struct lu_cal cal;
    char *s;
    gint64 t;

    lu_cal_init(&cal, cfg.tz);
    /* Thursday noon: at least one business day ahead is Friday noon: 14:00. */
    t = lu_draft_slot(&cal, at("2026-11-19T12:00"), 0);
    s = lu_draft_when(t, cfg.tz, at("2026-11-19T12:00"), true, LU_LANG_EN);
    is_str(s, "Friday 20 November at 14:00", "Thursday noon: Friday 14:00");
    g_free(s);
    /* Friday 16:00: Monday 16:00 is too late in the day: Tuesday 10:00. */
    t = lu_draft_slot(&cal, at("2026-11-20T16:00"), 0);
    s = lu_draft_when(t, cfg.tz, at("2026-11-20T16:00"), true, LU_LANG_EN);
    is_str(s, "Tuesday 24 November at 10:00", "Friday 16:00: over the weekend, Tuesday 10:00");
    g_free(s);
    t = lu_draft_slot(&cal, at("2026-11-23T08:00"), 0);
    s = lu_draft_when(t, cfg.tz, at("2026-11-23T08:00"), true, LU_LANG_EN);
    is_str(s, "Tuesday 24 November at 10:00", "Monday 08:00: Tuesday 10:00, not 08:00");
    g_free(s);
    /* Back from leave on Monday 30 November: the slot comes after that day. */
    t = lu_draft_slot(&cal, at("2026-11-19T12:00"), at("2026-11-30T23:59:59") + 1);
    s = lu_draft_when(t, cfg.tz, at("2026-11-19T12:00"), true, LU_LANG_EN);
    is_str(s, "Tuesday 1 December at 10:00", "after an out-of-office return date");
    g_free(s);
    /* Saturday in the year's last days: the slot is next year, and says so. */
    t = lu_draft_slot(&cal, at("2026-12-31T15:00"), 0);
    s = lu_draft_when(t, cfg.tz, at("2026-12-31T15:00"), true, LU_LANG_EN);
    is_str(s, "Monday 4 January 2027 at 10:00", "into the next year (weekend skipped)");
    g_free(s);
    /* A holiday is skipped. */
    {
        GDate *g = g_date_new_dmy(20, G_DATE_NOVEMBER, 2026);
        guint32 jd = g_date_get_julian(g);
        cal.holidays = g_array_new(FALSE, FALSE, sizeof(guint32));
        g_array_append_val(cal.holidays, jd);
        t = lu_draft_slot(&cal, at("2026-11-19T12:00"), 0);
        s = lu_draft_when(t, cfg.tz, at("2026-11-19T12:00"), true, LU_LANG_EN);
        is_str(s, "Monday 23 November at 14:00", "a holiday Friday is not a business day");
        g_free(s);
        g_array_unref(cal.holidays);
        cal.holidays = NULL;
        g_date_free(g);
    }
    /* Early working hours: neither 10:00 nor 14:00 fits; an hour in. */
    cal.work_start = 7 * 60;
    cal.work_end = 9 * 60 + 30;
    t = lu_draft_slot(&cal, at("2026-11-19T12:00"), 0);
    s = lu_draft_when(t, cfg.tz, at("2026-11-19T12:00"), true, LU_LANG_EN);
    is_str(s, "Monday 23 November at 08:00", "working hours 07:00-09:30: 08:00");
    g_free(s);
    /* A Sunday-Thursday week. */
    lu_cal_init(&cal, cfg.tz);
    cal.days = (1 << 7) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4);
    t = lu_draft_slot(&cal, at("2026-11-19T12:00"), 0);
    s = lu_draft_when(t, cfg.tz, at("2026-11-19T12:00"), true, LU_LANG_EN);
    is_str(s, "Sunday 22 November at 14:00", "a Sunday-Thursday week");
    g_free(s);
}

/* Dates in the languages drafts are written in. */
static void test_when_langs(void)
{
    static const struct {
        enum lu_lang lang;
        const char *when, *now;
        bool time;
        const char *want;
    } cases[] = {
        {LU_LANG_DE, "2026-12-01T10:00", "2026-11-23T09:00", true,
         "Dienstag, 1. Dezember, um 10:00 Uhr"},
        {LU_LANG_DE, "2027-03-04T14:30", "2026-11-23T09:00", false, "Donnerstag, 4. März 2027"},
        {LU_LANG_FR, "2026-12-01T10:00", "2026-11-23T09:00", true, "mardi 1er décembre à 10h00"},
        {LU_LANG_FR, "2026-11-23T14:00", "2026-11-23T09:00", false, "lundi 23 novembre"},
        {LU_LANG_FR, "2027-02-06T09:00", "2026-11-23T09:00", false, "samedi 6 février 2027"},
        {LU_LANG_ES, "2026-12-02T10:00", "2026-11-23T09:00", true,
         "miércoles 2 de diciembre a las 10:00"},
        {LU_LANG_ES, "2027-01-04T13:00", "2026-11-23T09:00", true,
         "lunes 4 de enero de 2027 a las 13:00"},
        {LU_LANG_EN, "2026-12-01T10:00", "2026-11-23T09:00", true, "Tuesday 1 December at 10:00"},
        {LU_LANG_IT, "2026-12-01T10:00", "2026-11-23T09:00", true, "martedì 1 dicembre alle 10:00"},
        {LU_LANG_IT, "2027-01-04T13:00", "2026-11-23T09:00", true,
         "lunedì 4 gennaio 2027 alle 13:00"},
        {LU_LANG_IT, "2026-12-02T01:00", "2026-11-23T09:00", true,
         "mercoledì 2 dicembre all'01:00"},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *s = lu_draft_when(at(cases[i].when), cfg.tz, at(cases[i].now), cases[i].time,
                                cases[i].lang);
        is_str(s, cases[i].want, "%s: %s", lu_lang_code(cases[i].lang), cases[i].want);
        g_free(s);
    }
}

/* The language of a text, by its function words. */
static void test_lang_guess(void)
{
    static const struct {
        const char *text;
        enum lu_lang want;
    } cases[] = {
        {"Could you send me the figures for October? Thanks for your help.", LU_LANG_EN},
        {"Könnten Sie mir bis Freitag ein Angebot für den Workshop schicken? Viele Grüße",
         LU_LANG_DE},
        {"Ich melde mich am Freitag bei Ihnen, wenn ich die Zahlen habe.", LU_LANG_DE},
        {"Merci de me confirmer la date de l'atelier. Cordialement, Claire", LU_LANG_FR},
        {"Je vous envoie le document demain avec les chiffres du mois.", LU_LANG_FR},
        {"¿Podría enviarme el presupuesto antes del viernes? Muchas gracias por su ayuda.",
         LU_LANG_ES},
        {"Le envío el presupuesto mañana por la tarde.", LU_LANG_ES},
        {"Buongiorno Marco, potrebbe mandarmi il preventivo per il workshop entro venerdì?",
         LU_LANG_IT},
        {"Le invio l'offerta giovedì, con il dettaglio dei due giorni. Grazie!", LU_LANG_IT},
        /* Italian words in French and Spanish text do not outweigh them */
        {"Il faut que je vous envoie le document avant la réunion, merci.", LU_LANG_FR},
        {"Mi jefe me pidió que le envíe el informe para el lunes.", LU_LANG_ES},
        /* too little to tell: English, the templates' own language */
        {"OK.", LU_LANG_EN},
        {"", LU_LANG_EN},
        /* a German mail that quotes an English phrase is still German */
        {"Vielen Dank für die Info zum \"kick-off\". Ich schicke Ihnen die Folien bis Montag.",
         LU_LANG_DE},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        is_str(lu_lang_code(lu_lang_guess(cases[i].text, NULL)), lu_lang_code(cases[i].want),
               "language of \"%s\"", cases[i].text);
    ok(lu_lang_parse("de") == LU_LANG_DE && lu_lang_parse("FR") == LU_LANG_FR &&
           lu_lang_parse("es") == LU_LANG_ES && lu_lang_parse("en") == LU_LANG_EN &&
           lu_lang_parse("it") == LU_LANG_IT && lu_lang_parse("nl") == -1 &&
           lu_lang_parse(NULL) == -1,
       "language codes parse, others do not");
}

static GHashTable *vars(const char *first, ...)
{
    GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    va_list ap;

    va_start(ap, first);
    for (const char *k = first; k; k = va_arg(ap, const char *))
        g_hash_table_insert(h, g_strdup(k), g_strdup(va_arg(ap, const char *)));
    va_end(ap);
    return h;
}

static void test_fill(void)
{
    GHashTable *h = vars("first_name", "Ann", "topic", "Budget", "slot", "Tuesday at 10:00", NULL);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    char *s;

    s = lu_draft_fill("Hi {first_name},\n\nA line with {ask}.\nOn {slot}.\n", h, notes);
    is_str(s, "Hi Ann,\n\nOn Tuesday at 10:00.\n", "a line with a missing value is dropped");
    g_free(s);
    s = lu_draft_fill("Hi {their_name|there},\n", h, NULL);
    is_str(s, "Hi there,\n", "{name|alternative}");
    g_free(s);
    s = lu_draft_fill("{?first_name:Hi {first_name},}{!first_name:Hello,}\n", h, NULL);
    is_str(s, "Hi Ann,\n", "{?name:...} with a value");
    g_free(s);
    s = lu_draft_fill("{?my_name:Hi {my_name},}{!my_name:Hello,}\n", h, NULL);
    is_str(s, "Hello,\n", "{!name:...} without a value");
    g_free(s);
    s = lu_draft_fill(
        "A\n{?ask:\nThe ask:\n\n> {ask}\n}\nB {?topic:on \"{topic}\"{?slot: at {slot}}}.\n", h,
        NULL);
    is_str(s, "A\n\nB on \"Budget\" at Tuesday at 10:00.\n", "multi-line and nested blocks");
    g_free(s);
    s = lu_draft_fill("# a comment\n\n\nHi.\n\n\n\nBye.\n\n\n", h, NULL);
    is_str(s, "Hi.\n\nBye.\n", "comments go, blank runs collapse, no blank ends");
    g_free(s);
    s = lu_draft_fill("Hi {nonsense}.\nOk.\n", h, notes);
    is_str(s, "Ok.\n", "an unknown placeholder drops its line");
    ok(notes->len >= 1 && strstr(g_ptr_array_index(notes, notes->len - 1), "nonsense"),
       "and is reported");
    g_free(s);
    s = lu_draft_fill("Open { brace.\nA } b.\n{?first_name:unclosed\n", h, notes);
    is_str(s, "Open  brace.\nA  b.\n?first_name:unclosed\n", "stray braces are removed");
    g_free(s);
    s = lu_draft_fill("Keep.\nDrop {not a name} and {?:x}.\n", h, notes);
    is_str(s, "Keep.\n", "a malformed placeholder drops its line");
    g_free(s);
    g_hash_table_insert(h, g_strdup("ask"), g_strdup("What about {first_name} and {?x:y}?"));
    s = lu_draft_fill("> {ask}\n", h, NULL);
    is_str(s, "> What about (first_name) and (?x:y)?\n", "values are never expanded again");
    g_free(s);

    /* Random templates from the syntax's own characters: never a brace out. */
    {
        static const char alphabet[] = "{}{}?!:|# \nab_first_name}{ask";
        GRand *rnd = g_rand_new_with_seed(42);
        int bad = 0;
        for (int i = 0; i < 3000; i++) {
            char t[80];
            int n = g_rand_int_range(rnd, 1, sizeof t);
            for (int k = 0; k < n - 1; k++)
                t[k] = alphabet[g_rand_int_range(rnd, 0, sizeof alphabet - 1)];
            t[n - 1] = '\0';
            s = lu_draft_fill(t, h, NULL);
            if (strchr(s, '{') || strchr(s, '}') || !g_utf8_validate(s, -1, NULL)) {
                if (!bad++)
                    printf("# template '%s' gave '%s'\n", t, s);
            }
            g_free(s);
        }
        is_int(bad, 0, "3000 random templates: no brace ever reaches the output");
        g_rand_free(rnd);
    }

    /* Wrapping. */
    s = lu_draft_wrap("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
                      "tempor incididunt ut labore et dolore magna aliqua.\n",
                      72);
    ok(longest_line(s) <= 72 && strchr(s, '\n') != s + strlen(s) - 1,
       "a long line wraps at 72 columns");
    g_free(s);
    s = lu_draft_wrap("> Quoted text that is quite long and goes on and on beyond the width of "
                      "a line.\n",
                      40);
    {
        char **l = g_strsplit(s, "\n", -1);
        bool all = true;
        for (int i = 0; l[i] && *l[i]; i++)
            all = all && g_str_has_prefix(l[i], "> ") && strlen(l[i]) <= 40;
        ok(all && g_strv_length(l) > 2, "quoted lines keep '> ' when wrapped");
        g_strfreev(l);
    }
    g_free(s);
    g_hash_table_destroy(h);
    g_ptr_array_free(notes, TRUE);
}

/* Awaiting at every stage: templates, headers, and the serialised message. */
static void test_awaiting(void)
{
    GPtrArray *t = ut_thread(
        ut_msg(&me, "q1@example.com", "Me <me@example.com>", "Ann Smith <ann@client.example>",
               "Bob Jones <bob@supplier.example>, Me Too <me.too@example.net>",
               "Mon, 16 Nov 2026 10:00:00 +0000", "Website budget", NULL),
        ut_msg(&me, "l1@example.com", "Me <me@example.com>", "Ann Smith <ann@client.example>",
               "Bob Jones <bob@supplier.example>", "Mon, 23 Nov 2026 10:00:00 +0000",
               "Re: Website budget",
               "In-Reply-To: <q1@example.com>\nReferences: <q1@example.com>\n"),
        ut_msg(&me, "l2@example.com", "Me <me@example.com>", "Ann Smith <ann@client.example>",
               "Bob Jones <bob@supplier.example>", "Mon, 30 Nov 2026 10:00:00 +0000",
               "Re: Website budget",
               "In-Reply-To: <l1@example.com>\nReferences: <q1@example.com> <l1@example.com>\n"),
        NULL);
    static const char *const want[] = {"awaiting-1", "awaiting-2", "awaiting-last"};
    struct lu_draft d;
    char *s;

    an(g_ptr_array_index(t, 0), "Me", NULL, "-:Hi Ann.",
       "r:Could you confirm the budget for the website project?", NULL);
    an(g_ptr_array_index(t, 1), NULL, NULL, "p:Shall we talk on Tuesday?", NULL);
    an(g_ptr_array_index(t, 2), NULL, NULL, "p:Shall we talk on Friday?", NULL);
    for (int stage = 0; stage < 3; stage++) {
        GPtrArray *sub = g_ptr_array_new();
        for (int i = 0; i <= stage; i++)
            g_ptr_array_add(sub, g_ptr_array_index(t, i));
        struct lu_verdict v = verdict(LU_ST_AWAITING, stage, 0, stage);
        plan(&d, sub, &v, "2026-12-03T12:00", "Hi {first_name}, {ask} {slot} {stage}\n");
        is_str(tmpl0(&d), want[stage], "awaiting stage %d: template %s", stage, want[stage]);
        is_str(d.in_reply_to, ((struct lu_msg *)g_ptr_array_index(t, stage))->mid,
               "stage %d: In-Reply-To is my last message", stage);
        s = refs_str(d.refs);
        is_str(s,
               stage == 0   ? "q1@example.com"
               : stage == 1 ? "q1@example.com l1@example.com"
                            : "q1@example.com l1@example.com l2@example.com",
               "stage %d: References is the chain", stage);
        g_free(s);
        is_str(var(&d, "stage"),
               stage == 0   ? "1"
               : stage == 1 ? "2"
                            : "3",
               "stage %d: {stage}", stage);
        lu_draft_clear(&d);
        g_ptr_array_free(sub, TRUE);
    }

    struct lu_verdict v = verdict(LU_ST_AWAITING, 0, 0, 0);
    GPtrArray *one = g_ptr_array_new();
    g_ptr_array_add(one, g_ptr_array_index(t, 0));
    plan(&d, one, &v, "2026-11-19T12:00",
         "{?first_name:Hi {first_name},}{!first_name:Hello,}\n\n"
         "Thank you. From {asked_date}:\n\n> {ask}\n\nShall we talk on {slot}?\n\n{my_name}\n");
    s = addrs(d.to);
    is_str(s, "Ann Smith <ann@client.example>", "To: the recipient of my message");
    g_free(s);
    s = addrs(d.cc);
    is_str(s, "Bob Jones <bob@supplier.example>", "Cc: kept, without my other address");
    g_free(s);
    is_str(d.from->email, "me@example.com", "From: the address I used");
    is_str(d.from->name, "Me Myself", "From: my configured name");
    is_str(d.subject, "Re: Website budget", "Subject");
    is_str(var(&d, "ask"), "Could you confirm the budget for the website project?", "{ask}");
    is_str(var(&d, "asked_date"), "Monday 16 November", "{asked_date}");
    is_str(var(&d, "slot"), "Friday 20 November at 14:00", "{slot}");
    is_str(d.body,
           "Hi Ann,\n\nThank you. From Monday 16 November:\n\n> Could you confirm the budget for "
           "the website project?\n\nShall we talk on Friday 20 November at 14:00?\n\nMe Myself\n",
           "the body");

    /* Serialised and parsed back. */
    gsize len;
    char *raw = lu_mime_draft(&d, &len);
    struct lu_msg *p = parse_back(raw, len);
    ok(p != NULL, "the draft parses as a message");
    if (p) {
        bool html;
        char *b = lu_mime_body_text(p, &html);
        is_str(p->from ? p->from->email : NULL, "me@example.com", "parsed From address");
        is_str(p->from ? p->from->name : NULL, "Me Myself", "parsed From name");
        s = addrs(p->to);
        is_str(s, "Ann Smith <ann@client.example>", "parsed To");
        g_free(s);
        s = addrs(p->cc);
        is_str(s, "Bob Jones <bob@supplier.example>", "parsed Cc");
        g_free(s);
        is_str(p->subject, "Re: Website budget", "parsed Subject");
        is_str(p->in_reply_to, "q1@example.com", "parsed In-Reply-To");
        s = refs_str(p->refs);
        is_str(s, "q1@example.com", "parsed References");
        g_free(s);
        ok(!has_header_line(raw, "Message-ID") && !has_header_line(raw, "Message-Id"),
           "no Message-ID header");
        ok(has_header_line(raw, "Date"), "a Date header");
        ok(!strstr(raw, "\nX-"), "no X- header the client would send on");
        s = raw_header(raw, "Content-Type");
        is_str(s, "text/plain; charset=utf-8", "Content-Type");
        g_free(s);
        s = raw_header(raw, "Content-Transfer-Encoding");
        is_str(s, "7bit", "plain short ASCII goes as 7bit");
        g_free(s);
        s = raw_header(raw, "MIME-Version");
        is_str(s, "1.0", "MIME-Version");
        g_free(s);
        is_str(b, d.body, "the body survives the round trip");
        ok(longest_line(raw) <= 78, "no line over 78 characters (%zu)", longest_line(raw));
        g_free(b);
        lu_msg_free(p);
    }
    g_free(raw);
    lu_draft_clear(&d);

    /* keep_cc = false: no Cc. */
    cfg.keep_cc = false;
    plan(&d, one, &v, "2026-11-19T12:00", "x {slot}\n");
    is_int(d.cc->len, 0, "keep_cc=false drops the Cc");
    cfg.keep_cc = true;
    lu_draft_clear(&d);

    /* Three recipients: "all". */
    g_ptr_array_free(one, TRUE);
    g_ptr_array_free(t, TRUE);
    t = ut_thread(
        ut_msg(&me, "q2@example.com", "Me Too <me.too@example.net>",
               "Ann Smith <ann@client.example>, bob.jones@supplier.example, Cem <cem@x.example>",
               NULL, "Mon, 16 Nov 2026 10:00:00 +0000", "Plan", NULL),
        NULL);
    an(g_ptr_array_index(t, 0), NULL, NULL, "r:Can you all confirm?", NULL);
    plan(&d, t, &v, "2026-11-19T12:00", "x\n");
    is_str(var(&d, "first_name"), "all", "three people: 'all'");
    is_str(d.from->email, "me.too@example.net", "From: my other address, used in the thread");
    lu_draft_clear(&d);
    g_ptr_array_remove_index(((struct lu_msg *)g_ptr_array_index(t, 0))->to, 2);
    plan(&d, t, &v, "2026-11-19T12:00", "x\n");
    is_str(var(&d, "first_name"), "Ann and Bob", "two people: both names (one from the address)");
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);
}

static void test_needs_reply(void)
{
    GPtrArray *t =
        ut_thread(ut_msg(&me, "in1@client.example", "Ann Smith <ann@client.example>",
                         "Me <me@example.com>", "Bob <bob@supplier.example>, me.too@example.net",
                         "Mon, 16 Nov 2026 10:00:00 +0000", "[proj] Budget",
                         "Reply-To: Ann Office <office@client.example>\nList-Id: <proj.x>\n"),
                  NULL);
    struct lu_verdict v = verdict(LU_ST_NEEDS_REPLY, 0, -1, 0);
    struct lu_draft d;
    char *s;

    an(g_ptr_array_index(t, 0), "Ann", "+44 20 7946 0000", "r:Can you send the revised quote?",
       NULL);
    plan(&d, t, &v, "2026-11-16T11:00", "x\n");
    is_str(tmpl0(&d), "needs-reply", "needs-reply template");
    s = addrs(d.to);
    is_str(s, "Ann Office <office@client.example>", "To honours Reply-To");
    g_free(s);
    s = addrs(d.cc);
    is_str(s, "Bob <bob@supplier.example>", "Cc: the rest, never me");
    g_free(s);
    is_str(d.subject, "Re: [proj] Budget", "a list keeps its tag after one Re:");
    is_str(var(&d, "ask"), "Can you send the revised quote?", "{ask}: their question");
    is_str(d.from->email, "me@example.com", "From: my address they wrote to");
    lu_draft_clear(&d);

    /* Mail-Followup-To names everyone: To is that, minus me; no Cc. */
    g_ptr_array_add(((struct lu_msg *)g_ptr_array_index(t, 0))->followup_to,
                    g_memdup2(&(struct lu_addr){g_strdup("Ann"), g_strdup("ann@client.example")},
                              sizeof(struct lu_addr)));
    g_ptr_array_add(
        ((struct lu_msg *)g_ptr_array_index(t, 0))->followup_to,
        g_memdup2(&(struct lu_addr){NULL, g_strdup("me@example.com")}, sizeof(struct lu_addr)));
    g_ptr_array_add(
        ((struct lu_msg *)g_ptr_array_index(t, 0))->followup_to,
        g_memdup2(&(struct lu_addr){NULL, g_strdup("proj@lists.example")}, sizeof(struct lu_addr)));
    plan(&d, t, &v, "2026-11-16T11:00", "x\n");
    s = addrs(d.to);
    is_str(s, "Ann <ann@client.example>, <proj@lists.example>", "To honours Mail-Followup-To");
    g_free(s);
    is_int(d.cc->len, 0, "and has no Cc");
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);
}

/* A next step the user recorded is {promise} in their words when that
 * decision is what the verdict rests on (its rule id), not otherwise. */
static void test_recorded_step(GPtrArray *t, struct lu_verdict *v)
{
    char text[] = "the signed contract, Friday"; /* x.text is not const */
    struct lu_decision x = {.kind = LU_D_NEXT_STEP, .text = text};
    GPtrArray *decisions = g_ptr_array_new();
    struct lu_draft_req r = {.cfg = &cfg, .me = &me, .now = at("2026-11-23T09:00"), .msgs = t};
    struct lu_draft d;

    g_ptr_array_add(decisions, &x);
    r.v = v;
    r.decisions = decisions;
    v->rule = LU_R_PROMISE_THEIRS;
    lu_draft_plan(&r, &d);
    is_str(var(&d, "promise"), "I will send the signed contract on Friday.",
           "{promise}: their words when their promise decides");
    lu_draft_clear(&d);
    v->rule = LU_R_NEXT_STEP;
    lu_draft_plan(&r, &d);
    is_str(var(&d, "promise"), "the signed contract, Friday",
           "{promise}: the user's words when their recorded next step decides");
    lu_draft_clear(&d);
    v->rule = LU_R_NOTHING;
    g_ptr_array_unref(decisions);
}

static void test_states(void)
{
    struct lu_draft d;
    GPtrArray *t = ut_thread(
        ut_msg(&me, "a1@example.com", "Me <me@example.com>", "ann.smith@client.example", NULL,
               "Mon, 16 Nov 2026 10:00:00 +0000", "Contract", NULL),
        ut_msg(&me, "a2@client.example", "ann.smith@client.example", "Me <me@example.com>", NULL,
               "Tue, 17 Nov 2026 10:00:00 +0000", "Re: Contract",
               "In-Reply-To: <a1@example.com>\nReferences: <a1@example.com>\n"),
        NULL);
    struct lu_msg *theirs = g_ptr_array_index(t, 1);
    struct lu_verdict v;

    an(g_ptr_array_index(t, 0), NULL, NULL, "r:Could you sign the contract?", NULL);
    an(theirs, "Ann", "0161 496 0000", "c:I will send the signed contract on Friday.", NULL);
    dated(theirs, 0, at("2026-11-20T00:00"), at("2026-11-20T23:59:59"));

    v = verdict(LU_ST_PROMISE_THEIRS, 1, -1, 0);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "promise-theirs", "promise-theirs template");
    is_str(var(&d, "promise"), "I will send the signed contract on Friday.", "{promise}");
    is_str(var(&d, "first_name"), "Ann", "first name from the address");
    is_str(var(&d, "their_phone"), "0161 496 0000", "{their_phone} from their signature");
    is_str(d.in_reply_to, "a2@client.example", "In-Reply-To their message");
    lu_draft_clear(&d);
    test_recorded_step(t, &v);

    /* Due later than the slot would be: the slot comes after the promise. */
    v.sched.due_at = at("2026-11-27T17:00");
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(var(&d, "promise_by"), "Friday 27 November", "{promise_by}");
    is_str(var(&d, "slot"), "Monday 30 November at 10:00", "the slot comes after the promise");
    lu_draft_clear(&d);

    v = verdict(LU_ST_PROMISE_MINE, 0, -1, 0);
    an(g_ptr_array_index(t, 0), NULL, NULL, "-:Hello.", NULL);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "promise-mine", "promise-mine template");
    lu_draft_clear(&d);

    v = verdict(LU_ST_NO_NEXT_STEP, 1, -1, 0);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "no-next-step", "no-next-step template");
    lu_draft_clear(&d);

    v = verdict(LU_ST_BOUNCED, 0, -1, 0);
    g_ptr_array_set_size(t, 1);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "bounced", "bounced template");
    ok(d.notes->len && strstr(g_ptr_array_index(d.notes, 0), "bounced"), "and a note about it");
    lu_draft_clear(&d);

    v = verdict(LU_ST_AWAITING, 0, 0, 3);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "generic", "awaiting after the last lead-up: generic, not a second close");
    lu_draft_clear(&d);

    v = verdict(LU_ST_DORMANT, 0, 0, 3);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "generic", "dormant: generic");
    lu_draft_clear(&d);

    v = verdict(LU_ST_CLOSED, 0, -1, 0);
    plan(&d, t, &v, "2026-11-23T09:00", "x\n");
    is_str(tmpl0(&d), "generic", "closed, my message asks nothing now: generic");
    ok(d.why && strstr(d.why, "closed"), "and says why: %s", d.why);
    lu_draft_clear(&d);

    struct lu_draft_req r = {0};
    v = verdict(LU_ST_AWAITING, 0, 0, 0);
    r.cfg = &cfg;
    r.me = &me;
    r.now = at("2026-11-23T09:00");
    r.msgs = t;
    r.v = &v;
    r.template_name = "mine";
    lu_draft_plan(&r, &d);
    is_str(tmpl0(&d), "mine", "--template wins");
    is_int(d.templates->len, 1, "and is the only candidate");
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);
}

static void test_ooo(void)
{
    GPtrArray *t = ut_thread(
        ut_msg(&me, "o1@example.com", "Me <me@example.com>", "Ann <ann@client.example>", NULL,
               "Mon, 16 Nov 2026 10:00:00 +0000", "Offer", NULL),
        ut_msg(&me, "o2@client.example", "Ann <ann@client.example>", "Me <me@example.com>", NULL,
               "Mon, 16 Nov 2026 10:01:00 +0000", "Automatic reply: Offer",
               "Auto-Submitted: auto-replied\nIn-Reply-To: <o1@example.com>\n"),
        NULL);
    struct lu_verdict v = verdict(LU_ST_AWAITING, 0, 0, 0);
    struct lu_msg *o = g_ptr_array_index(t, 1);
    struct lu_draft d;

    an(g_ptr_array_index(t, 0), NULL, NULL, "r:Could you review the offer?", NULL);
    an(o, NULL, NULL, "-:I am away until Monday 30 November.", NULL);
    o->an->has_return = true;
    o->an->ooo_return.start = at("2026-11-30T00:00");
    o->an->ooo_return.end = at("2026-11-30T23:59:59");
    plan(&d, t, &v, "2026-11-19T12:00", "x\n");
    is_str(var(&d, "return_date"), "Monday 30 November", "{return_date}");
    is_str(var(&d, "slot"), "Tuesday 1 December at 10:00", "the slot is after their return");
    is_str(d.in_reply_to, "o1@example.com", "the automatic answer is not what we answer");
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);
}

static void test_hostile(void)
{
    GString *subj = g_string_new(NULL);
    struct lu_draft d;
    gsize len;
    char *raw, *s;
    const char *sub;
    /* Encoded CR/LF, NUL and a header injection in the subject and the name. */
    GPtrArray *t = ut_thread(
        ut_msg(&me, "h1@example.com", "Me <me@example.com>",
               "=?utf-8?b?QW5uDQpCY2M6IGV2aWxAZXhhbXBsZS5vcmc=?= <ann@client.example>", NULL,
               "Mon, 16 Nov 2026 10:00:00 +0000",
               "=?utf-8?q?Budget=0D=0ABcc=3A_evil=40example=2Eorg=00x?= =?iso-8859-1?q?caf=E9?=",
               NULL),
        NULL);
    struct lu_verdict v = verdict(LU_ST_AWAITING, 0, 0, 0);
    struct lu_msg *p;

    an(g_ptr_array_index(t, 0), NULL, NULL, "r:Could you check this?", NULL);
    plan(&d, t, &v, "2026-11-19T12:00", "Hi {first_name}: {topic} {their_name}\n");
    raw = lu_mime_draft(&d, &len);
    ok(!has_header_line(raw, "Bcc"), "no injected Bcc header");
    p = parse_back(raw, len);
    sub = p && p->subject ? p->subject : "";
    ok(*sub && !strchr(sub, '\n') && !strchr(sub, '\r') && strstr(sub, "café"),
       "the subject is one line, mixed charsets decoded: '%s'", sub);
    ok(p && p->to->len == 1 && !strchr(((struct lu_addr *)g_ptr_array_index(p->to, 0))->name, '\n'),
       "the display name is one line");
    ok(p && p->cc->len == 0, "nothing leaked into Cc");
    ok(!strstr(d.body, "\r") && longest_line(raw) <= 78, "no CR, lines <= 78");
    if (p)
        lu_msg_free(p);
    g_free(raw);
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);

    /* A 1200-character subject without spaces and a long body line. */
    for (int i = 0; i < 1200; i++)
        g_string_append_c(subj, 'a' + i % 26);
    t = ut_thread(ut_msg(&me, "h2@example.com", "me@example.com", "ann@client.example", NULL,
                         "Mon, 16 Nov 2026 10:00:00 +0000", subj->str, NULL),
                  NULL);
    an(g_ptr_array_index(t, 0), NULL, NULL, "r:Could you check this?", NULL);
    s = me.name;
    me.name = NULL;
    plan(&d, t, &v, "2026-11-19T12:00", "{topic} {subject}\nÜber {slot}\n");
    me.name = s;
    raw = lu_mime_draft(&d, &len);
    ok(longest_line(raw) <= 998, "a 1200-character subject: no line over 998 (%zu)",
       longest_line(raw));
    p = parse_back(raw, len);
    s = g_strconcat("Re: ", subj->str, NULL);
    is_str(p ? p->subject : NULL, s, "and the subject survives");
    g_free(s);
    s = raw_header(raw, "Content-Transfer-Encoding");
    is_str(s, "quoted-printable", "non-ASCII body: quoted-printable");
    g_free(s);
    {
        bool html;
        char *b = lu_mime_body_text(p, &html);
        is_str(b, d.body, "the body survives quoted-printable");
        g_free(b);
    }
    ok(d.from && !d.from->name, "no name anywhere: From has none");
    is_str(var(&d, "first_name"), "", "no name for ann@: the template says Hello");
    lu_msg_free(p);
    g_free(raw);
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);

    /* No Subject at all. */
    t = ut_thread(ut_msg(&me, "h3@example.com", "me@example.com", "ann@client.example", NULL,
                         "Mon, 16 Nov 2026 10:00:00 +0000", NULL, NULL),
                  NULL);
    plan(&d, t, &v, "2026-11-19T12:00", "{?topic:about {topic}}{!topic:hello}\n");
    is_str(d.subject, "Re: (no subject)", "no Subject: 'Re: (no subject)'");
    is_str(d.body, "hello\n", "and no topic");
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);
    g_string_free(subj, TRUE);

    /* A 500-message thread: References keeps the root and the last ten. */
    t = g_ptr_array_new_with_free_func((GDestroyNotify)lu_msg_free);
    {
        GString *refs = g_string_new(NULL);
        for (int i = 0; i < 500; i++) {
            char id[32], irt[200], date[64];
            snprintf(id, sizeof id, "m%d@example.com", i);
            snprintf(date, sizeof date, "Mon, 16 Nov 2026 %02d:%02d:00 +0000", i / 60, i % 60);
            if (i)
                snprintf(irt, sizeof irt, "In-Reply-To: <m%d@example.com>\n", i - 1);
            s = i ? g_strdup_printf("%sReferences: %s\n", irt, refs->str) : NULL;
            g_ptr_array_add(t, ut_msg(&me, id,
                                      i % 2 ? "Ann <ann@client.example>" : "Me <me@example.com>",
                                      i % 2 ? "me@example.com" : "ann@client.example", NULL, date,
                                      "Re: long", s));
            g_free(s);
            g_string_append_printf(refs, "%s<%s>", i ? " " : "", id);
        }
        g_string_free(refs, TRUE);
    }
    v = verdict(LU_ST_NO_NEXT_STEP, 499, -1, 0);
    plan(&d, t, &v, "2026-11-19T12:00", "x {slot}\n");
    is_int(d.refs->len, 11, "500 messages: 11 References");
    is_str(g_ptr_array_index(d.refs, 0), "m0@example.com", "the root is kept");
    is_str(g_ptr_array_index(d.refs, 10), "m499@example.com", "the last is the answered one");
    is_str(g_ptr_array_index(d.refs, 1), "m490@example.com", "then the last ten");
    raw = lu_mime_draft(&d, &len);
    ok(longest_line(raw) <= 78, "References folded");
    g_free(raw);
    lu_draft_clear(&d);
    g_ptr_array_free(t, TRUE);
}

/* Every shipped template, in every language, with every value and with none. */
static void test_shipped(void)
{
    /* the values that differ by language, as lu_draft_plan writes them */
    static const struct {
        const char *suffix, *hi, *hello, *slot, *slot2, *day, *asked, *promise_by, *back, *last;
    } langs[] = {
        {"", "Hi Ann,", "Hello,", "Tuesday 1 December at 10:00", "Wednesday 2 December at 14:00",
         "Tuesday 1 December", "Monday 16 November", "Friday 27 November", "Monday 30 November",
         "Monday 23 November"},
        {".de", "Hallo Ann,", "Guten Tag,", "Dienstag, 1. Dezember, um 10:00 Uhr",
         "Mittwoch, 2. Dezember, um 14:00 Uhr", "Dienstag, 1. Dezember", "Montag, 16. November",
         "Freitag, 27. November", "Montag, 30. November", "Montag, 23. November"},
        {".fr", "Bonjour Ann,", "Bonjour,", "mardi 1er décembre à 10h00",
         "mercredi 2 décembre à 14h00", "mardi 1er décembre", "lundi 16 novembre",
         "vendredi 27 novembre", "lundi 30 novembre", "lundi 23 novembre"},
        {".es", "Hola Ann,", "Hola,", "martes 1 de diciembre a las 10:00",
         "miércoles 2 de diciembre a las 14:00", "martes 1 de diciembre", "lunes 16 de noviembre",
         "viernes 27 de noviembre", "lunes 30 de noviembre", "lunes 23 de noviembre"},
        {".it", "Buongiorno Ann,", "Buongiorno,", "martedì 1 dicembre alle 10:00",
         "mercoledì 2 dicembre alle 14:00", "martedì 1 dicembre", "lunedì 16 novembre",
         "venerdì 27 novembre", "lunedì 30 novembre", "lunedì 23 novembre"},
    };
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    char *dir = exe ? g_path_get_dirname(exe) : g_strdup(".");
    char *tdir = g_build_filename(dir, "..", "..", "templates", NULL);
    static const char *const names[] = {"awaiting-1",   "awaiting-2",   "awaiting-last",
                                        "needs-reply",  "no-next-step", "promise-theirs",
                                        "promise-mine", "bounced",      "generic"};
    GDateTime *now = g_date_time_new(cfg.tz, 2026, 11, 23, 9, 0, 0);

    {
        char *path = g_build_filename(tdir, "generic", NULL), *text = NULL;
        GString *nc = g_string_new(NULL);
        if (g_file_get_contents(path, &text, NULL, NULL)) {
            char **l = g_strsplit(text, "\n", -1);
            for (int i = 0; l[i]; i++)
                if (l[i][0] != '#' && (l[i + 1] || *l[i]))
                    g_string_append_printf(nc, "%s\n", l[i]);
            g_strfreev(l);
        }
        is_str(lu_draft_builtin_generic, nc->str, "the built-in text is templates/generic");
        g_string_free(nc, TRUE);
        g_free(text);
        g_free(path);
    }
    for (size_t li = 0; li < G_N_ELEMENTS(langs); li++) {
        GHashTable *full = vars(
            "first_name", "Ann", "their_name", "Ann Smith", "their_email", "ann@client.example",
            "their_phone", "+44 20 7946 0000", "my_name", "Me Myself", "my_first_name", "Me",
            "subject", "Re: Website budget", "topic", "Website budget", "ask",
            "Could you confirm the budget for the website project?", "asked_date", langs[li].asked,
            "slot", langs[li].slot, "slot_day", langs[li].day, "slot_time", "10:00", "slot2",
            langs[li].slot2, "promise", "I will send the signed contract on Friday.", "promise_by",
            langs[li].promise_by, "return_date", langs[li].back, "stage", "2", "last_date",
            langs[li].last, "i_owe", "yes", NULL);
        /* {replied} without {i_owe} here, {i_owe} without {replied} above:
         * each of generic's ways to thank and to go on is rendered. */
        GHashTable *bare = vars("slot", langs[li].slot, "slot2", langs[li].slot2, "slot_day",
                                langs[li].day, "replied", "yes", NULL);
        for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
            char *name = g_strconcat(names[i], langs[li].suffix, NULL);
            char *path = g_build_filename(tdir, name, NULL), *text = NULL;
            if (!g_file_get_contents(path, &text, NULL, NULL)) {
                ok(0, "template %s exists (%s)", name, path);
                g_free(path);
                g_free(name);
                continue;
            }
            for (int k = 0; k < 2; k++) {
                GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
                char *out = lu_draft_fill(text, k ? bare : full, notes);
                GPtrArray *f = lu_lint_text(out, 1, &cfg.cal, now);
                size_t wide = 0;
                char **l = g_strsplit(out, "\n", -1);
                for (int j = 0; l[j]; j++)
                    wide = MAX(wide, (size_t)g_utf8_strlen(l[j], -1));
                g_strfreev(l);
                ok(!strchr(out, '{') && !strchr(out, '}') && !strchr(out, '#'),
                   "%s (%s values): no placeholder left", name, k ? "no" : "all");
                is_int(notes->len, 0, "%s (%s values): no template problem", name,
                       k ? "no" : "all");
                ok(wide <= 72, "%s (%s values): lines within 72 columns (%zu)", name,
                   k ? "no" : "all", wide);
                ok(strstr(out, k ? langs[li].hello : langs[li].hi) != NULL,
                   "%s (%s values): the greeting", name, k ? "no" : "all");
                char *flat = g_strdelimit(g_strdup(out), "\n", ' ');
                ok(strstr(flat, langs[li].slot) != NULL, "%s (%s values): the dated next step",
                   name, k ? "no" : "all");
                g_free(flat);
                ok(f->len == 0, "%s (%s values): leadup lint finds nothing%s%s", name,
                   k ? "no" : "all", f->len ? ": " : "",
                   f->len ? ((struct lu_finding *)g_ptr_array_index(f, 0))->message : "");
                if (f->len)
                    printf("# %s", out);
                g_ptr_array_unref(f);
                g_ptr_array_free(notes, TRUE);
                g_free(out);
            }
            g_free(text);
            g_free(path);
            g_free(name);
        }
        g_hash_table_destroy(full);
        g_hash_table_destroy(bare);
    }
    g_date_time_unref(now);
    g_free(tdir);
    g_free(dir);
    g_free(exe);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--parse") == 0) {
        gsize len;
        char *data;
        if (!g_file_get_contents(argv[2], &data, &len, NULL)) {
            fprintf(stderr, "cannot read %s\n", argv[2]);
            return 66;
        }
        print_parsed(data, len);
        g_free(data);
        return 0;
    }
    lu_config_defaults(&cfg);
    cfg.tz = g_time_zone_new_identifier("Europe/London");
    lu_cal_init(&cfg.cal, cfg.tz);
    lu_identity_init(&me);
    lu_identity_add(&me, "me@example.com");
    lu_identity_add(&me, "me.too@example.net");
    me.primary = g_strdup("me@example.com");
    me.name = g_strdup("Me Myself");

    test_subjects();
    test_names();
    test_slots();
    test_when_langs();
    test_lang_guess();
    test_fill();
    test_awaiting();
    test_needs_reply();
    test_states();
    test_ooo();
    test_hostile();
    test_shipped();

    lu_identity_clear(&me);
    g_time_zone_unref(cfg.tz);
    return tap_done();
}
