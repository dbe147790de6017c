/* lang-test.c - every language pack is complete and consistent: what a new
 * pack must get right before any module reads it (DEVELOPERS.md "Adding a
 * language"). */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static bool lower(const char *s)
{
    char *l = g_utf8_strdown(s, -1);
    bool ret = strcmp(l, s) == 0;

    g_free(l);
    return ret;
}

static int count_s(const char *fmt)
{
    int n = 0;

    for (const char *p = fmt; (p = strstr(p, "%s")); p += 2)
        n++;
    return n;
}

/* A NULL-terminated list of lower-case, non-empty strings. */
static void check_list(const char *code, const char *name, const char *const *list, bool need)
{
    int n = 0;
    bool good = true;

    for (; list && *list; list++, n++)
        if (!**list || !lower(*list)) {
            good = false;
            printf("# %s %s: '%s'\n", code, name, *list);
        }
    ok(list != NULL || !need, "%s: %s is set", code, name);
    ok(good, "%s: %s are lower case and not empty (%d)", code, name, n);
}

static void check_names(const struct lu_lang_pack *pk)
{
    bool names = true;

    for (int d = 1; d <= 7; d++)
        names = names && pk->weekdays[d] && *pk->weekdays[d];
    for (int m = 1; m <= 12; m++)
        names = names && pk->months[m] && *pk->months[m];
    ok(names, "%s: seven weekday and twelve month names", pk->code);
    ok(pk->date_fmt && pk->year_fmt && pk->time_fmt && pk->and_ && pk->all, "%s: the draft's words",
       pk->code);
    ok(pk->wrote && count_s(pk->wrote) == 2 && pk->i_wrote && count_s(pk->i_wrote) == 1,
       "%s: the quote lines take the date and author, the date", pk->code);
}

/* Whether SRC is a pattern of the cue notation; says why not. */
static bool cue_ok(const char *src)
{
    char *err = NULL;
    struct lu_cue_pat *P = src ? lu_cue_compile(src, &err) : NULL;

    if (!P)
        printf("# %s: %s\n", src ? src : "(none)", err ? err : "missing");
    g_free(err);
    lu_cue_free(P);
    return P != NULL;
}

static void check_patterns(const struct lu_lang_pack *pk)
{
    bool cues = true, chase = true;

    for (const struct lu_cue *c = pk->cues; c && c->pattern; c++)
        cues =
            cues && cue_ok(c->pattern) && c->kind < LU_CUE_N && c->flags <= (LU_CUE_Q | LU_CUE_NOQ);
    ok(cues, "%s: cues name a kind and a pattern", pk->code);
    for (const struct lu_chase_cue *c = pk->chasing; c && c->cue; c++)
        chase = cue_ok(c->cue) && chase && c->kind <= LU_CHASE_OWE;
    ok(chase, "%s: the chasing phrases compile", pk->code);
    ok(cue_ok(pk->thanks), "%s: the thanks words compile", pk->code);
}

/* A word two packs share must mean the same in both, or the later
 * meaning is lost when dates.c joins them. */
static void check_date_words(void)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    bool low = true, same = true;

    for (int l = 0; l < LU_LANG_N; l++) {
        const struct lu_lang_pack *pk = lu_lang_pack((enum lu_lang)l);
        for (gsize i = 0; i < pk->n_dates; i++) {
            const struct lu_date_word *w = &pk->dates[i], *o = g_hash_table_lookup(seen, w->s);
            low = low && lower(w->s);
            if (o &&
                ((o->month && w->month && o->month != w->month) ||
                 (o->wday && w->wday && o->wday != w->wday) ||
                 (o->num && w->num && o->num != w->num) || (o->ord && w->ord && o->ord != w->ord) ||
                 (o->unit && w->unit && o->unit != w->unit) ||
                 (o->rel && w->rel && o->rel != w->rel) || (o->tw && w->tw && o->tw != w->tw) ||
                 (o->hol && w->hol && o->hol != w->hol))) {
                printf("# '%s' means two things (%s)\n", w->s, pk->code);
                same = false;
            }
            if (!o)
                g_hash_table_insert(seen, (gpointer)w->s, (gpointer)w);
        }
    }
    ok(low, "date words are lower case");
    ok(same, "a date word in two packs means the same in both");
    g_hash_table_destroy(seen);
}

/* dates.c's phrases (struct lu_date_phrase): a kind, and tokens each a
 * lower-case word (alternatives non-empty) or one punctuation character. */
static void check_date_phrases(const struct lu_lang_pack *pk)
{
    bool good = true;
    int n = 0;

    for (const struct lu_date_phrase *ph = pk->date_phrases; ph && ph->s; ph++, n++) {
        char **toks = g_strsplit(ph->s, " ", -1);
        /* the tense words (LU_DP_PAST, LU_DP_NOTPAST, LU_DP_CLAUSE),
         * "since" (LU_DP_SINCE), "on" of "a week on Friday"
         * (LU_DP_WEEK_ON) and "been" of "a week today" (LU_DP_LASTED) are
         * one token's alternatives; "every" (LU_DP_EVERY)
         * and "commencing" (LU_DP_WEEK_FROM) one or more ("every other",
         * "w / c") */
        bool list = ph->kind == LU_DP_PAST || ph->kind == LU_DP_NOTPAST ||
                    ph->kind == LU_DP_CLAUSE || ph->kind == LU_DP_SINCE ||
                    ph->kind == LU_DP_WEEK_ON || ph->kind == LU_DP_LASTED;
        guint len = g_strv_length(toks);
        bool this = ph->kind > LU_DP_NONE && ph->kind < LU_DP_N && lower(ph->s) &&
                    (ph->kind == LU_DP_EVERY || ph->kind == LU_DP_WEEK_FROM ? len >= 1
                     : list                                                 ? len == 1
                                                                            : len >= 2);
        for (int t = 0; this && toks[t]; t++) {
            char **alts = g_strsplit(toks[t], "|", -1);
            for (int a = 0; alts[a]; a++)
                this = this && *alts[a] &&
                       (g_unichar_isalpha(g_utf8_get_char(alts[a])) || strlen(alts[a]) == 1);
            g_strfreev(alts);
        }
        if (!this)
            printf("# %s: date phrase '%s'\n", pk->code, ph->s);
        good = good && this;
        g_strfreev(toks);
    }
    ok(good,
       "%s: date phrases of two tokens or more (tense words, since, lasted: one), each a word or a "
       "character "
       "(%d)",
       pk->code, n);
}

/* A reading pack holds only what reads mail: lower-case lists, and no
 * dates, cues, chasing phrases or draft words. */
static void check_reading_packs(void)
{
    const struct lu_lang_pack *pk;
    int n = 0;

    for (int l = LU_LANG_N; (pk = lu_lang_known(l)); l++, n++) {
        ok(pk->reads_only && pk->code && strlen(pk->code) == 2, "reading pack %d: %s", l,
           pk->code ? pk->code : "?");
        is_int(lu_lang_parse(pk->code), -1, "%s: no draft language", pk->code);
        ok(!pk->dates && !pk->cues && !pk->chasing && !pk->date_fmt && !pk->guess_words,
           "%s: no dates, cues, chasing phrases or drafts", pk->code);
        check_list(pk->code, "attribution openers", pk->attr_openers, false);
        check_list(pk->code, "attribution verbs", pk->attr_verbs, false);
        check_list(pk->code, "reply prefixes", pk->reply_prefixes, false);
        check_list(pk->code, "forward markers", pk->forward_markers, false);
        check_list(pk->code, "quoted From names", pk->quote_from, false);
    }
    ok(n >= 7, "%d reading packs", n);
}

/* body.c counts the marks of a marketing layout over every pack: a mark
 * in two packs would count twice. */
static void check_bulk_layout(void)
{
    const char *const *all = LU_LANG_ALL(bulk_layout);
    bool once = true;

    for (int i = 0; all[i]; i++)
        for (int j = i + 1; all[j]; j++)
            once = once && strcmp(all[i], all[j]) != 0;
    ok(once, "no mark of a marketing layout is in two packs");
}

/* Every pack's reply and forward prefix comes off a subject, as the draft
 * takes it off ("Res: x" kept its prefix when only draft.c knew it). */
static void check_prefixes(void)
{
    const char *const *lists[] = {LU_LANG_ALL(reply_prefixes), LU_LANG_ALL(forward_prefixes)};
    bool off = true;

    for (int l = 0; l < 2; l++)
        for (const char *const *p = lists[l]; *p; p++) {
            char *s = g_strdup_printf("%s: %s[2] : the budget", *p, *p);
            char *n = lu_subject_norm(s);
            if (strcmp(n, "the budget") != 0) {
                printf("# '%s' -> '%s'\n", s, n);
                off = false;
            }
            g_free(n);
            g_free(s);
        }
    ok(off, "every pack's reply and forward prefixes come off a subject");
    {
        char *n = lu_subject_norm("RES: Re: the budget");
        is_str(n, "the budget", "Portuguese 'RES:' comes off, as draft.c always took it off");
        g_free(n);
    }
    ok(lu_lang_all(G_STRUCT_OFFSET(struct lu_lang_pack, reply_prefixes)) == lists[0],
       "the union lists are built once");
}

int main(void)
{
    GTimeZone *utc = g_time_zone_new_utc();

    for (int l = 0; l < LU_LANG_N; l++) {
        const struct lu_lang_pack *pk = lu_lang_pack((enum lu_lang)l);
        char *when;

        ok(pk->code && strlen(pk->code) == 2, "pack %d: a two-letter code", l);
        ok(!pk->reads_only && pk == lu_lang_known(l), "%s: a drafting pack", pk->code);
        is_int(lu_lang_parse(pk->code), l, "%s: the code parses back", pk->code);
        is_str(lu_lang_code((enum lu_lang)l), pk->code, "%s: lu_lang_code", pk->code);
        check_list(pk->code, "guess words", pk->guess_words, true);
        check_list(pk->code, "greetings", pk->greetings, true);
        check_list(pk->code, "sign-offs", pk->signoffs, true);
        check_list(pk->code, "attribution openers", pk->attr_openers, true);
        check_list(pk->code, "attribution verbs", pk->attr_verbs, true);
        check_list(pk->code, "auto-reply subjects", pk->auto_subjects, true);
        check_list(pk->code, "reply prefixes", pk->reply_prefixes, false);
        check_list(pk->code, "forward prefixes", pk->forward_prefixes, true);
        check_list(pk->code, "bounce subjects", pk->bounce_subjects, true);
        check_list(pk->code, "receipt prefixes", pk->receipt_prefixes, true);
        check_list(pk->code, "forward starts", pk->forward_starts, true);
        check_list(pk->code, "forward markers", pk->forward_markers, true);
        check_list(pk->code, "quoted From names", pk->quote_from, true);
        check_list(pk->code, "quoted Subject names", pk->quote_subject, true);
        check_list(pk->code, "abbreviations", pk->abbrevs, false);
        check_list(pk->code, "abbreviations before a capital", pk->abbrevs_maybe, false);
        check_list(pk->code, "words a wrapped line ends with", pk->glue_words, false);
        check_list(pk->code, "month prefixes after a day", pk->ordinal_months, false);
        check_list(pk->code, "mobile signatures", pk->mobile_starts, true);
        check_list(pk->code, "vague mobile signatures", pk->mobile_vague, false);
        check_list(pk->code, "disclaimers", pk->disclaimer_starts, false);
        check_list(pk->code, "bulk mail marks", pk->bulk_layout, false);
        ok(pk->n_dates > 0, "%s: date words", pk->code);
        check_names(pk);
        check_patterns(pk);
        check_date_phrases(pk);
        /* classify.c's words by role: the grammar's pack has every one */
        for (int r = 0; r < LU_GW_N; r++)
            if (pk->gw[r] || pk->grammar) {
                char name[32];
                g_snprintf(name, sizeof name, "grammar words %d", r);
                check_list(pk->code, name, pk->gw[r], pk->grammar != NULL);
            }
        /* 1 December 2027, 01:05: the year, the first of the month, one o'clock */
        when = lu_draft_when(1827709500, utc, 1795000000, true, (enum lu_lang)l);
        ok(when && !strchr(when, '%') && strstr(when, "2027") && strstr(when, "05"),
           "%s: a draft date, '%s'", pk->code, when ? when : "");
        g_free(when);
    }
    ok(strstr(lu_lang_codes(), "it") != NULL, "lu_lang_codes names every pack: %s",
       lu_lang_codes());
    check_date_words();
    check_reading_packs();
    check_bulk_layout();
    check_prefixes();
    g_time_zone_unref(utc);
    return tap_done();
}
