/* lint-test.c - leadup lint's checks: the chasing phrase table, then whole
 * drafts (clean, quoted, signed, too long...) with their line numbers. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

/* ------------------------------------------------------------ phrases */

struct phrase {
    const char *text;
    const char *want; /* the chasing words expected (first match), NULL for none */
};

static const struct phrase phrases[] = {
    /* the phrases LEADING-UP.md names, and close variants */
    {"Just checking in on the proposal.", "Just checking in"},
    {"just   checking\nin about the contract", "just checking in"},
    {"I wanted to check in about next steps.", "wanted to check in"},
    {"Thought I'd check in with you.", "Thought I'd check in"},
    {"Checking in to see where things are.", "Checking in"},
    {"Checking in.", "Checking in"},
    {"I would just like to check in and see how it went.", "would just like to check in"},
    {"Just a quick check-in on the venue.", "quick check-in"},
    {"Hi, following up on this.", "following up on this"},
    {"Hope you've had a chance to rest.", "Hope you've had a chance"},
    {"Touching base about the offer.", "Touching base"},
    {"I'd like to touch base next week.", "I'd like to touch base"},
    {"Circling back on my note from Tuesday.", "Circling back"},
    {"Let's circle back after the holidays.", "circle back"},
    {"Did you get a chance to read it?", "Did you get a chance"},
    {"Have you had a chance to review the deck?", "Have you had a chance"},
    {"Did you have time to look at it?", "Did you have time to"},
    {"Not sure if you've had a chance yet.", "if you've had a chance"},
    {"I was wondering if you saw my note.", "I was wondering"},
    {"I’m wondering whether the budget is set.", "I’m wondering"},
    {"Just wondering how it went.", "Just wondering"},
    {"Any update on this?", "Any update"},
    {"Any updates?", "Any updates"},
    {"Is there any news about the hire?", "any news"},
    {"Any word on the contract?", "Any word on"},
    {"Bumping this to the top of your inbox.", "Bumping this"},
    {"Bump.", "Bump."},
    {"Just bumping this thread.", "bumping this"},
    {"Friendly ping on the below.", "Friendly ping"},
    {"Gentle nudge about the invoice.", "Gentle nudge"},
    {"Pinging you again about the venue.", "Pinging you"},
    {"Sorry to bother you again.", "Sorry to bother"},
    {"Sorry for bothering you with this.", "Sorry for bothering"},
    {"I don't want to be a pest, but", "don't want to be a pest"},
    {"I hope you don't mind me writing again.", "hope you don't mind me"},
    {"I haven't heard back from you.", "haven't heard back"},
    {"Still waiting for your reply.", "Still waiting for your reply"},
    {"Just following up on my last email.", "Just following up"},
    {"Following up on my previous message about pricing.", "Following up on my previous message"},
    {"Following up on my questions from Friday:", "Following up on my questions"},
    {"As per my last email, the file is attached.", "As per my last email"},
    {"Did you see my email from Monday?", "Did you see my email"},
    {"In case you missed it, here it is again.", "In case you missed"},
    {"I know it may have gotten lost in your inbox.", "gotten lost in your inbox"},
    {"Just wanted to see if you received the file.", "Just wanted to see if you received"},
    {"Reaching out again about the role.", "Reaching out again"},
    {"Where do we stand on the renewal?", "Where do we stand on"},
    {"Ich wollte nur kurz nachfragen, ob es etwas Neues gibt.", "wollte nur kurz nachfragen"},
    {"Je me permets de vous relancer.", "Je me permets de vous relancer"},
    {"¿Alguna novedad?", "Alguna novedad"},
    {"Hatten Sie schon Zeit gehabt, das Angebot anzusehen?", "Hatten Sie schon Zeit gehabt"},
    {"Haben Sie meine letzte E-Mail erhalten?", "Haben Sie meine letzte E-Mail erhalten"},
    {"Eine kurze Erinnerung an mein Angebot.", "kurze Erinnerung"},
    {"Entschuldigen Sie die Störung.", "Entschuldigen Sie die Störung"},
    {"Avez-vous eu le temps de lire ma proposition ?", "Avez-vous eu le temps"},
    {"Avez-vous bien reçu mon dernier message ?", "Avez-vous bien reçu mon dernier message"},
    {"Je reviens vers vous concernant le devis.", "Je reviens vers vous concernant"},
    {"Petit rappel concernant notre échange.", "Petit rappel"},
    {"Désolé de vous déranger à nouveau.", "Désolé de vous déranger"},
    {"Volevo solo sapere se ha avuto modo di leggerla.", "Volevo solo sapere se"},
    {"Ha ricevuto la mia ultima mail?", "Ha ricevuto la mia ultima mail"},
    {"Un piccolo promemoria sul preventivo.", "piccolo promemoria"},
    {"Scusi il disturbo.", "Scusi il disturb"},
    {"¿Tuvo la oportunidad de revisar el presupuesto?", "Tuvo la oportunidad"},
    {"Le escribo para dar seguimiento a mi propuesta.", "dar seguimiento"},
    {"¿Recibió mi último correo?", "Recibió mi último correo"},
    {"Disculpe la molestia.", "Disculpe la molestia"},
    /* the same words, not chasing */
    {"Ich hatte keine Zeit, die Zahlen zu prüfen; ich schicke sie Ihnen am Freitag.", NULL},
    {"Je reviens vers vous lundi avec le devis signé.", NULL},
    {"El seguimiento del proyecto lo hará Ana a partir de enero.", NULL},

    /* the same words used literally or technically: not chasing */
    {"I'll check in the fix tonight.", NULL},
    {"We check in at the hotel at 15:00.", NULL},
    {"Online check-in opens 24 hours before.", NULL},
    {"Please check in your changes before Friday.", NULL},
    {"We are bumping the version to 2.0 in this release.", NULL},
    {"Bump it to 3.1 before we tag.", NULL},
    {"Ping me if you need anything.", NULL},
    {"Ping the server and note the latency.", NULL},
    {"Any updates will be posted on the wiki.", NULL},
    {"If there is any news I'll call you on Friday.", NULL},
    {"When you get a chance, could you sign page 2 by Thursday?", NULL},
    {"Thanks for the quick reply.", NULL},
    {"Sorry for the late reply.", NULL},
    {"I'll follow up with the numbers on Tuesday.", NULL},
    {"Following up on our call, here is the plan.", NULL},
    {"We base the estimate on last year's figures.", NULL},
    {"The check is in the mail.", NULL},
    {"I wonder what the weather will be like.", NULL},
    {"Shall we take 20 minutes on Tuesday at 10:00?", NULL},
    {"I need the signed proposal by Thursday; then we begin on Monday.", NULL},
    {"We went back to the drawing board.", NULL},
    {"She wandered back to the office.", NULL},
    {"Any questions, call me on 0123 456789.", NULL},
    {"Let's do it.", NULL},
    {"The bump in the road is behind us.", NULL},
    {"We need an update of the price list by Friday.", NULL},
    {"Please send the signed copy; I'll countersign the same day.", NULL},
    {"Merci pour votre retour rapide.", NULL},
    {"The new check in the release build fails on Windows.", NULL},
    {"Our tests still fail the check in R-devel.", NULL},
    {"I do all the checking in a terminal.", NULL},
    {"You need to check in your build script that the library exists.", NULL},
    {"Thanks for following up on this.", NULL},
    {"Tell me about any news that comes out of the board meeting.", NULL},
    {"Send any update of the price list to Maria.", NULL},
    {"It might be worth bringing this up at the team meeting.", NULL},
    {"I will reach out again once the lab results arrive.", NULL},
    {"I put it first so you had a chance to read it.", NULL},
    {"They were wondering about the parking.", NULL},
    {"Most users don't want to bother with the settings.", NULL},
    {"Run it in the background until you want to check in on the job.", NULL},
    {"I want to check in with you about the launch.", "I want to check in"},
    {"I hate to bother you, but the invoice is due.", "hate to bother you"},
};

/* The first chasing phrase in TEXT, white space folded.  Caller frees. */
static char *first_chase(const char *text)
{
    GArray *a = lu_lint_chasing(text);
    char *ret = NULL;

    if (a->len > 0) {
        const struct lu_chase *c = &g_array_index(a, struct lu_chase, 0);
        char *raw = g_strndup(text + c->off, (gsize)c->len);
        char **parts = g_strsplit_set(g_strstrip(raw), " \t\n", -1);
        GString *s = g_string_new(NULL);

        for (int i = 0; parts[i]; i++) {
            if (!parts[i][0])
                continue;
            if (s->len)
                g_string_append_c(s, ' ');
            g_string_append(s, parts[i]);
        }
        ret = g_string_free(s, FALSE);
        g_strfreev(parts);
        g_free(raw);
    }
    g_array_unref(a);
    return ret;
}

static void test_phrases(void)
{
    int yes = 0, no = 0;

    for (gsize i = 0; i < G_N_ELEMENTS(phrases); i++) {
        char *got = first_chase(phrases[i].text);
        char *name = g_strescape(phrases[i].text, "\u2019\u00bf"); /* one TAP line */
        is_str(got, phrases[i].want, "chasing? \"%s\"", name);
        g_free(name);
        g_free(got);
        if (phrases[i].want)
            yes++;
        else
            no++;
    }
    ok(yes >= 30 && no >= 20, "%d chasing and %d non-chasing phrases tested", yes, no);
}

static void test_chasing_overlaps(void)
{
    GArray *a = lu_lint_chasing("Just wanted to check in. Any update? Sorry to bother you!");

    is_int(a->len, 3, "three phrases, overlapping variants counted once");
    if (a->len == 3) {
        const struct lu_chase *c = &g_array_index(a, struct lu_chase, 0);
        is_int(c->off, 0, "first phrase at the start");
        is_int(c->len, (int)strlen("Just wanted to check in"), "longest variant kept");
        ok(g_array_index(a, struct lu_chase, 2).advice != NULL, "every phrase has advice");
    }
    g_array_unref(a);
}

/* ------------------------------------------------------------ whole drafts */

static GDateTime *now;
static struct lu_cal cal;

/* The findings of TEXT as "LINE kind" joined by ", ". Caller frees. */
static char *lint(const char *text, int first_line)
{
    GPtrArray *f = lu_lint_text(text, first_line, &cal, now);
    GString *s = g_string_new(NULL);

    for (guint i = 0; i < f->len; i++) {
        const struct lu_finding *x = g_ptr_array_index(f, i);
        g_string_append_printf(s, "%s%d %s", i ? ", " : "", x->line, x->kind);
    }
    g_ptr_array_unref(f);
    return g_string_free(s, FALSE);
}

static void expect(const char *text, int first_line, const char *want, const char *name)
{
    char *got = lint(text, first_line);
    is_str(got, want, "%s", name);
    g_free(got);
}

static const char clean[] = "Hi Ann,\n"
                            "\n"
                            "Thanks for walking me through the rollout plan today.\n"
                            "To keep the start date for your team I need the signed\n"
                            "proposal by Thursday 26 November; then we begin on Monday.\n"
                            "\n"
                            "Best,\n"
                            "Sam\n";

static void test_drafts(void)
{
    GPtrArray *f;

    expect(clean, 1, "", "a lead-up draft is clean");

    expect("Hi Ann,\n"
           "\n"
           "Thanks for your time on Monday. Shall we take 20 minutes on\n"
           "Tuesday 1 December at 10:00 to settle the budget?\n"
           "\n"
           "On Fri, 20 Nov 2026 at 09:12, Ann Smith <ann@client.example> wrote:\n"
           "> Just checking in - any update on the budget?\n"
           "> Did you get a chance to look? Sorry to bother you.\n"
           "\n"
           "Cheers,\n"
           "Sam\n",
           1, "", "chasing in the quoted message is ignored");

    expect("Thanks for the slides. Can we meet on Thursday at 14:00?\n"
           "\n"
           "-----Original Message-----\n"
           "From: Ann Smith\n"
           "Sent: Friday, November 20, 2026 9:12 AM\n"
           "To: Sam\n"
           "Subject: slides\n"
           "\n"
           "Just touching base. Any news? Bumping this.\n",
           1, "", "chasing in an Outlook block is ignored");

    expect("Thanks, Ann. Let's go through it on Friday at 11:00.\n"
           "\n"
           "-- \n"
           "Sam Lee | Acme\n"
           "Just checking in? Call +44 20 7946 0000\n",
           1, "", "chasing in the signature is ignored");

    expect("Hi Ann,\n"
           "\n"
           "Thanks again for the demo.\n"
           "Just checking in on the contract.\n"
           "I'll call you on Thursday at 10:00.\n",
           1, "4 chasing", "chasing on line 4 of plain text");

    expect("Hi Ann,\n"
           "\n"
           "Thanks again for the demo.\n"
           "Just checking in on the contract.\n"
           "I'll call you on Thursday at 10:00.\n",
           7, "10 chasing", "lines counted from the first body line of a message");

    expect("Hi Ann,\r\n"
           "\r\n"
           "Thanks again. I was\r\n"
           "wondering whether Thursday at 10:00 suits you.\r\n",
           1, "3 chasing", "CRLF input; a phrase wrapped over two lines is on its first line");

    expect("Hi Ann,\n"
           "\n"
           "I'll send the revised quote on Thursday.\n"
           "\n"
           "Best,\n"
           "Sam\n",
           1, "1 no-thanks", "no thanks: reported on the first line");

    expect("Hi Ann,\n"
           "\n"
           "I'll send the revised quote on Thursday.\n"
           "\n"
           "Thanks,\n"
           "Sam\n",
           1, "", "a \"Thanks,\" sign-off is thanks");

    expect("Hi Ann,\n"
           "\n"
           "Thanks for the call. I'll send the revised quote soon.\n"
           "Talk later.\n",
           1, "4 no-next-step", "no dated next step: reported on the last line");

    expect("Hi Ann,\n"
           "\n"
           "Thanks for the call. I'll send the revised quote in December.\n",
           1, "3 no-next-step", "a month is not a concrete next step");

    expect("Hi Ann,\n"
           "\n"
           "Thanks for the call. Could you send me the floor plan?\n"
           "Could you also confirm the budget?\n"
           "And please book the room for Thursday at 10:00.\n",
           1, "4 many-asks", "more than one ask: reported at the second");

    f = lu_lint_text("Thanks. Could you send me the floor plan?\n"
                     "Could you also confirm the budget by Thursday?\n",
                     1, &cal, now);
    ok(f->len == 1 && strcmp(((struct lu_finding *)f->pdata[0])->kind, "many-asks") == 0 &&
           ((struct lu_finding *)f->pdata[0])->text &&
           strstr(((struct lu_finding *)f->pdata[0])->text, "confirm the budget"),
       "many-asks names the second ask");
    g_ptr_array_unref(f);

    {
        GString *s = g_string_new("Hi Ann,\n\nThanks for the call.\n");
        char *got;

        for (int i = 0; i < 20; i++)
            g_string_append(s, "The team reviewed the plan in detail.\n");
        g_string_append(s, "Shall we meet on Thursday at 10:00?\n");
        got = lint(s->str, 1);
        is_str(got, "17 too-long", "too long: 16th line of the author's text");
        g_free(got);
        g_string_free(s, TRUE);
    }
    {
        GString *s = g_string_new("Thanks for the call. ");
        char *got;

        for (int i = 0; i < 13; i++)
            g_string_append(s, "one two three four five six seven eight nine ten ");
        g_string_append(s, "\nShall we meet on Thursday at 10:00?\n");
        got = lint(s->str, 1);
        is_str(got, "1 too-long", "too long: more than 120 words on few lines");
        g_free(got);
        g_string_free(s, TRUE);
    }

    expect("> Just checking in, any update?\n", 1, "", "only quoted text: nothing to report");

    f = lu_lint_text("Just checking in.", 1, &cal, now);
    ok(f->len >= 1 && strcmp(((struct lu_finding *)f->pdata[0])->kind, "chasing") == 0 &&
           strcmp(((struct lu_finding *)f->pdata[0])->text, "Just checking in") == 0 &&
           strstr(((struct lu_finding *)f->pdata[0])->message, "\"Just checking in\" "),
       "a chasing finding quotes the words in its message");
    for (guint i = 1; i < f->len; i++)
        ok(((struct lu_finding *)f->pdata[i - 1])->line <= ((struct lu_finding *)f->pdata[i])->line,
           "findings sorted by line (%u)", i);
    g_ptr_array_unref(f);
}

static void test_header_lines(void)
{
    static const char msg[] = "From: Sam <sam@example.com>\n"
                              "To: Ann <ann@client.example>,\n"
                              "    Bob <bob@client.example>\n"
                              "Subject: the budget\n"
                              "\n"
                              "Hi Ann,\n";
    static const char crlf[] = "Subject: x\r\nTo: a@b.example\r\n\r\nbody\r\n";

    is_int(lu_lint_header_lines(msg, strlen(msg)), 5, "a draft: four header lines and a blank");
    is_int(lu_lint_header_lines(crlf, strlen(crlf)), 3, "CRLF headers");
    is_int(lu_lint_header_lines("Hi Ann,\n\nThanks.\n", 16), 0, "plain text");
    is_int(lu_lint_header_lines("Note: the room moved.\n\nThanks.\n", 30), 0,
           "\"Note:\" is not a mail header");
    is_int(lu_lint_header_lines("Subject: x\nand then text\n\nmore\n", 29), 0,
           "a text line inside ends the header idea");
    is_int(lu_lint_header_lines("X-Mailer: y\n\nbody\n", 18), 2, "X- headers count");
    is_int(lu_lint_header_lines("\nFrom: a@b.example\n", 19), 0, "a leading blank line is text");
}

static void test_message_lines(void)
{
    /* The body of a draft after its header block: line numbers continue
     * from the headers (the command passes header lines + 1). */
    static const char msg[] = "From: Sam <sam@example.com>\n"
                              "To: Ann <ann@client.example>\n"
                              "Subject: the budget\n"
                              "\n"
                              "Hi Ann,\n"
                              "\n"
                              "Thanks for Monday. Circling back on the budget:\n"
                              "shall we settle it on Thursday at 10:00?\n";
    int h = lu_lint_header_lines(msg, strlen(msg));
    char *got = lint(msg + strlen("From: Sam <sam@example.com>\nTo: Ann <ann@client.example>\n"
                                  "Subject: the budget\n\n"),
                     h + 1);

    is_str(got, "7 chasing", "a full message: the finding's line counts the headers");
    g_free(got);
}

static void test_closing(void)
{
    expect("Thanks, Ann, that's all I needed. No need to reply.\n", 1, "",
           "a closing reply needs no next step");
    expect("Thank you for thinking of us, but we are not interested.\n", 1, "",
           "a decline needs no next step");
}

/* Counts the criticals GLib reports instead of printing them, so that the
 * misuse below is asserted rather than left as noise in make check's log. */
static void count_critical(const gchar *domain, GLogLevelFlags level, const gchar *msg,
                           gpointer data)
{
    if (level & G_LOG_LEVEL_CRITICAL)
        (*(int *)data)++;
}

/* Time is explicit: without the caller's NOW, lint and the analysis it uses
 * read no clock of their own (GLib reports the misuse as a critical). */
static void test_no_clock(void)
{
    struct lu_analysis a;
    int criticals = 0;
    GLogFunc old = g_log_set_default_handler(count_critical, &criticals);

    ok(lu_lint_text("Could we meet on Friday at 10:00?", 1, &cal, NULL) == NULL,
       "lint without NOW: no findings from the wall clock");
    lu_analyse_text("Could we meet on Friday at 10:00?", NULL, &cal, &a);
    is_int(a.sentences->len, 0, "analysis without REF: nothing read against the wall clock");
    lu_analysis_clear(&a);
    g_log_set_default_handler(old, NULL);
    is_int(criticals, 2, "each call without a clock is reported as a critical");
}

int main(void)
{
    GTimeZone *tz = g_time_zone_new_identifier("Europe/London");
    GDateTime *u;

    /* Monday 23 November 2026, 10:00 London. */
    u = g_date_time_new(tz, 2026, 11, 23, 10, 0, 0);
    now = u;
    lu_cal_init(&cal, tz);

    test_phrases();
    test_chasing_overlaps();
    test_drafts();
    test_header_lines();
    test_message_lines();
    test_closing();
    test_no_clock();

    g_date_time_unref(now);
    g_time_zone_unref(tz);
    return tap_done();
}
