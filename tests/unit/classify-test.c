/* classify-test.c - sentence labels, their reasons, and message verdicts.
 *
 * Every sentence here was written for this test.  The labels of request,
 * proposal and announce come from the trained vote (helper/intent-model.c):
 * retraining it must keep these plain cases right. */
#include "leadup.h"
#include "tap.h"

#include <string.h>

static GTimeZone *tz;
static GDateTime *ref; /* Monday 23 November 2026, 12:00 UTC */
static struct lu_cal cal;

static const char *const requests[] = {
    "Could you send me the signed contract by Thursday?",
    "Can you review the attached budget before our call?",
    "Would you be able to share the slides with the team?",
    "Please confirm the delivery address.",
    "Kindly return the form by the end of the week.",
    "Let me know which option you prefer.",
    "Let me know when the shipment leaves the warehouse.",
    "I need you to approve the purchase order today.",
    "Hi Maria, could you check the figures in row 12?",
    "What time does the workshop start?",
    "When can we expect the revised quote?",
    "Who is handling the renewal on your side?",
    "Do you have the latest version of the floor plan?",
    "Did the payment go through?",
    "Is the report ready for review?",
    "Send me the numbers when you get a chance.",
    "Review the draft and mark anything that looks off.",
    "Would you mind updating the spreadsheet?",
    "I would appreciate it if you could sign the NDA.",
    "Any chance you could get this done by Monday?",
    "Is it possible to move the deadline to Friday?",
    "Have you had a chance to look at the proposal?",
    "Can I get a copy of the minutes?",
    "Please advise on how to proceed.",
    "Get back to me with your decision by noon.",
    "Keep me posted on the negotiations.",
    "Which of the two designs should we go with?",
    "Could you please double-check the totals?",
    "Are you able to attend the board meeting?",
    "Should I book the flights now",
    "Where should I send the samples?",
    NULL,
};

static const char *const proposals[] = {
    "Let's meet on Tuesday to go over the plan.",
    "How about a call tomorrow at 10?",
    "Shall we have lunch next week?",
    "Would you be free for a quick chat on Friday afternoon?",
    "Are you available for a call on Wednesday?",
    "I'd like to set up a meeting with your team next month.",
    "Can we talk on Monday morning?",
    "Why don't we meet for coffee on Thursday?",
    "Let's catch up over dinner this weekend.",
    "I would love to get together when you are in town next week.",
    "What day works best for a site visit?",
    "Maybe we could grab lunch after the presentation on Friday.",
    "We could do a call next Tuesday to finalise the terms.",
    "Let's plan a workshop early next month.",
    "Could we move our meeting to Thursday?",
    "I suggest we meet at the office on Friday morning.",
    "Would you like to join us for the launch dinner on the 12th?",
    "Can we set up a call with your engineers this week?",
    "Let's get together after the holidays to plan the next phase.",
    "Shall we say 3pm on Wednesday?",
    "How about meeting at the cafe near your office?",
    "Could we schedule a short call to walk through the changes?",
    "I'd love to meet your team when I'm in Berlin next month.",
    "Why don't we discuss it over lunch on Friday?",
    "Let's talk tomorrow morning.",
    NULL,
};

static const char *const commitments[] = {
    "I'll send the draft by Friday.",
    "We will call you on Tuesday.",
    "I will forward the contract this afternoon.",
    "I'll get back to you with the numbers tomorrow.",
    "We'll ship the replacement parts on Monday.",
    "I'm going to prepare the slides tonight.",
    "Let me check with the team and get back to you.",
    "I will update the forecast before the meeting.",
    "We'll review the proposal and reply next week.",
    "I'll call the bank first thing tomorrow.",
    "I will look into the billing error.",
    "We will send you the signed copy by courier.",
    "I'll make the changes and circulate a new version.",
    "I promise to have it finished by Wednesday.",
    "Will send the minutes later today.",
    "I'll follow up with legal this week.",
    "We'll book the venue once the date is fixed.",
    "I am going to draft the agreement over the weekend.",
    "I will email the agenda before Monday.",
    "Let me look into it.",
    "I'll have the revised quote to you by Thursday.",
    "We will confirm the booking tomorrow.",
    "I'll ask Peter and let you know.",
    "We are going to fix the login problem this week.",
    "I'll put the figures together tonight.",
    NULL,
};

static const char *const agreements[] = {
    "Tuesday at 10 works for me.",
    "Sounds good, see you then.",
    "That works for us.",
    "See you on Thursday.",
    "Perfect, I'll be there.",
    "Friday is fine.",
    "Yes, that time works.",
    "Agreed.",
    "Great, let's do it.",
    "That's fine with me.",
    "Sounds like a plan.",
    "Monday works.",
    "Count me in.",
    "OK, see you at the station.",
    "I can make it on Wednesday.",
    "Looking forward to it.",
    "Sure, Thursday works.",
    "We accept the revised terms.",
    "That suits me.",
    "Yes, 2pm is good.",
    "Works for me.",
    "Sounds great.",
    "Confirmed.",
    "I agree with the proposed schedule.",
    "That would be fine.",
    NULL,
};

static const char *const declines[] = {
    "We are not interested at this time.",
    "Thanks, but we went with another vendor.",
    "Please take me off your list.",
    "Please remove me from your mailing list.",
    "Not interested, thanks.",
    "We decided to go with a different supplier.",
    "Please stop emailing me.",
    "No thanks.",
    "I'll pass on this one.",
    "We have decided not to proceed.",
    "Unfortunately I can't make it on Friday.",
    "I won't be able to attend the workshop.",
    "This is not a good fit for us right now.",
    "Please unsubscribe me.",
    "Do not contact me again.",
    "We are no longer interested in the offer.",
    "I have to decline the invitation.",
    "Sorry, we'll pass.",
    "That's not for us.",
    "We chose someone else for the project.",
    "Please don't call me again.",
    "We decided against the upgrade.",
    "I'm not interested in a demo.",
    "We went with a different agency this year.",
    "Stop sending me these offers.",
    NULL,
};

static const char *const closings[] = {
    "Thanks, that's all I needed.",
    "No need to reply.",
    "Thank you very much!",
    "Thanks for your help.",
    "Problem solved, thank you.",
    "Thanks again for the quick reply.",
    "No further action is needed.",
    "That is all.",
    "Many thanks.",
    "Great, thanks!",
    "Thanks for the update.",
    "No worries.",
    "No reply needed.",
    "Thank you so much.",
    "Thanks for the information.",
    "Nothing else needed from you.",
    "Cheers!",
    "Thanks for the clarification.",
    "Ok, thanks.",
    "All set, thanks.",
    "Thanks for the confirmation.",
    "That's all I need for now.",
    "No need to respond to this.",
    "Thanks again for all your help.",
    "Perfect, thanks.",
    NULL,
};

/* The same kinds in German, French and Spanish, for people who work in
 * more than one language (doc/classify.md, "Other languages"). */
static const char *const intl_requests[] = {
    "Könnten Sie mir bis Freitag ein Angebot schicken?",
    "Bitte senden Sie mir das Angebot bis Freitag.",
    "Geben Sie mir bitte Bescheid, ob der Termin passt.",
    "Kannst du mir die Zahlen schicken",
    "Pourriez-vous m'envoyer le devis avant vendredi ?",
    "Merci de me confirmer la date.",
    "Veuillez me confirmer l'adresse de livraison.",
    "Tenez-moi au courant.",
    "Podría enviarme el presupuesto antes del viernes.",
    "¿Podría enviarme el presupuesto antes del viernes?",
    "Por favor, envíeme el presupuesto.",
    "Quedo a la espera de su respuesta.",
    "Potrebbe mandarmi il preventivo entro venerdì?",
    "Mi faccia sapere se la data va bene.",
    "Per favore, mi mandi il contratto firmato.",
    "Resto in attesa di un suo riscontro.",
    NULL,
};

static const char *const intl_commitments[] = {
    "Ich melde mich am Freitag bei Ihnen.",
    "Ich schicke Ihnen das Angebot bis Freitag.",
    "Je vous envoie le document demain.",
    "Je reviens vers vous lundi.",
    "Le envío el presupuesto mañana.",
    "Me pongo en contacto con usted el lunes.",
    "Le invio la bozza domani.",
    "Ti farò sapere entro lunedì.",
    NULL,
};

static const char *const intl_closings[] = {
    "Danke, das war alles.",   "Vielen Dank für Ihre Hilfe.",
    "Merci de votre réponse.", "Merci pour votre aide.",
    "Gracias por su ayuda.",   "Eso es todo, gracias.",
    "Keine Antwort nötig.",    "Grazie per la risposta.",
    "Non serve rispondere.",   NULL,
};

static const char *const intl_negatives[] = {
    "Wir können Sie gerne dabei unterstützen.",
    "Ich freue mich auf Ihre Rückmeldung.",
    "Veuillez trouver ci-joint le devis.",
    "Anbei das Angebot.",
    "Podría ser interesante.",
    "Adjunto le envío el presupuesto.",
    "In allegato Le invio il preventivo.",
    NULL,
};

/* Requests to act that ask for nothing back: actionable, but no reply is
 * expected from the reader (doc/classify.md, "What the message needs"). */
static const char *const advice[] = {
    "Please send the invoice to accounts.",
    "Tom, please call the supplier about the delay.",
    "Forward the thread to legal, please.",
    "Just figure out which of the two settings you need and put the value in one place.",
    "Post a short summary of the change to the team list.",
    "Please set your mail program to send plain text.",
    "You might want to check the build log.",
    "Make sure that your examples run in under five seconds.",
    "Please follow up on the project list.",
    NULL,
};

/* Neither a request, nor a proposal, nor an announcement. */
static const char *const negatives[] = {
    "How are you?",
    "Hope all is well.",
    "Let me know if you have any questions.",
    "Thanks!",
    "Hope this helps.",
    "I hope you had a great weekend.",
    "How was your holiday?",
    "Feel free to reach out if you need anything.",
    "Please don't hesitate to contact me if you have any questions.",
    "We met with the supplier last week.",
    "I have asked Anna to finish the report.",
    "The meeting went well yesterday.",
    "Click here to unsubscribe from our newsletter.",
    "Get 20% off all orders this weekend!",
    "Our team is excited to announce the new app.",
    "If you have any questions, visit our help center.",
    "Have a great weekend!",
    "He sent the invoice on Monday.",
    "The shipment arrived this morning.",
    "Attached is the report you asked for.",
    "John can send the report.",
    "Happy birthday!",
    "Enjoy your vacation.",
    "We were at the conference last month.",
    "It was great to see you at the dinner.",
    "The contract was signed in March.",
    "They finished the audit ahead of schedule.",
    "Sales were up three percent last quarter.",
    "I talked to Paul about the budget yesterday.",
    "Thank you for your order.",
    "How's it going?",
    "Hope you are doing well.",
    "Let me know if you need anything else.",
    "Here is the summary of yesterday's call.",
    "If you need any help, just let me know.",
    "Looking forward to hearing from you.",
    "If you'd like to discuss, give me a call.",
    "Talk to you soon.",
    NULL,
};

static unsigned popcount(unsigned x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* The reasons agree with the labels: one per label, each starting with
 * the label's name, in label order. */
static bool reasons_match(const struct lu_analysis *a)
{
    for (guint i = 0; i < a->sentences->len; i++) {
        const struct lu_sentence *s = a->sentences->pdata[i];
        guint k = 0;
        if (s->why->len != popcount(s->labels))
            return false;
        for (int b = 0; b < LU_N_LABELS; b++) {
            const char *name = lu_label_name(1u << b);
            const char *why;
            if (!(s->labels & (1u << b)))
                continue;
            why = s->why->pdata[k++];
            if (strncmp(why, name, strlen(name)) != 0 || strncmp(why + strlen(name), ": ", 2))
                return false;
        }
    }
    return true;
}

static void dump(const struct lu_analysis *a)
{
    for (guint i = 0; i < a->sentences->len; i++) {
        const struct lu_sentence *s = a->sentences->pdata[i];
        printf("#   [%s] labels %#x\n", s->text, s->labels);
        for (guint k = 0; k < s->why->len; k++)
            printf("#     %s\n", (char *)s->why->pdata[k]);
    }
}

/* Each sentence of LIST, analysed alone, has label WANT; when ACTIONABLE is
 * 1 or 0 the verdict must be that, and likewise EXPECTS. */
static void check_list(const char *name, const char *const *list, unsigned want, int actionable,
                       int expects)
{
    for (int i = 0; list[i]; i++) {
        struct lu_analysis a;
        bool good;

        lu_analyse_text(list[i], ref, &cal, &a);
        good = (want == 0 ? (a.labels & (LU_L_REQUEST | LU_L_PROPOSAL | LU_L_ANNOUNCE)) == 0
                          : (a.labels & want) != 0) &&
               (actionable < 0 || a.actionable == (actionable == 1)) &&
               (expects < 0 || a.expects_reply == (expects == 1)) && reasons_match(&a);
        if (!ok(good, "%s: \"%s\"", name, list[i]))
            dump(&a);
        lu_analysis_clear(&a);
    }
}

static void test_labels(void)
{
    check_list("request", requests, LU_L_REQUEST, 1, 1);
    check_list("advice", advice, LU_L_REQUEST, 1, 0);
    check_list("proposal", proposals, LU_L_PROPOSAL, 1, 1);
    check_list("commitment", commitments, LU_L_COMMITMENT, -1, 0);
    check_list("agreement", agreements, LU_L_AGREEMENT, -1, 0);
    check_list("decline", declines, LU_L_DECLINE, 0, 0);
    check_list("closing", closings, LU_L_CLOSING, 0, 0);
    check_list("not actionable", negatives, 0, 0, 0);
    check_list("request (de/fr/es)", intl_requests, LU_L_REQUEST, 1, 1);
    check_list("commitment (de/fr/es)", intl_commitments, LU_L_COMMITMENT, -1, 0);
    check_list("closing (de/fr/es)", intl_closings, LU_L_CLOSING, 0, 0);
    check_list("not actionable (de/fr/es)", intl_negatives, 0, 0, 0);
}

/* A generalisation check: business sentences written for this test (none
 * from any corpus), labelled by the criteria of the enron-intent-verified
 * README: actionable is a request or question to the reader that needs an
 * answer, a proposed or announced future meeting, event or deadline;
 * reports, courtesies, adverts and other people's matters are not.  They
 * are scored as a set, like scripts/eval-intent: a few misses are allowed
 * (the vote is statistical), a drop in accuracy is not. */
/* 62 actionable */
static const char *const sanity_actionable[] = {
    "Can you take a look at the vendor's revised terms before lunch?",
    "Please make sure the signed lease reaches facilities by Thursday.",
    "Don't forget to submit your expense report before the quarter closes.",
    "I need you to pull the usage numbers for the Denver site.",
    "Would it be possible to push our review to next Wednesday?",
    "Do you know who owns the relationship with the insurer?",
    "Has the customer signed off on the change order yet?",
    "The quarterly planning session will be held on Monday at 9 in room 4B.",
    "The board call is scheduled for Thursday at 3pm.",
    "Budget submissions are due no later than Friday noon.",
    "Let me know whether the new pricing works for your team.",
    "Sarah, can you send the updated org chart to the whole group?",
    "Also, please update the tracker once the shipment clears customs.",
    "So, could you walk me through the reconciliation tomorrow?",
    "We should sit down next week and go through the audit findings.",
    "Are you free Tuesday afternoon to review the draft agreement?",
    "Let's set up a call with the auditors for early next week.",
    "Please RSVP by Wednesday so we can book the room.",
    "What is the status of the credit approval for the new counterparty?",
    "Could we move the training session to the following Monday?",
    "Make sure the contract includes the termination clause we discussed.",
    "Kindly forward the invoice to the accounts payable mailbox.",
    "When do you expect the final figures from the regional offices?",
    "I'd appreciate it if you could review my comments by end of day.",
    "Hi team, please fill in the capacity survey before Friday.",
    "Which version of the presentation should I bring to the client meeting?",
    "Remember to bring your badge to the offsite on Thursday.",
    "We will meet in the main conference room at 10 tomorrow.",
    "Give me a call when you have a minute to talk about the bid.",
    "Should we involve legal before we respond to the regulator?",
    "Is there any update on the pipeline capacity filing?",
    "Please confirm that the wire transfer went out this morning.",
    "The deadline for comments on the draft tariff is next Tuesday.",
    "How should we handle the late payment from the distributor?",
    "John, would you mind covering the morning desk on Friday?",
    "Send the final deck to me and Mark by 5pm.",
    "Could you check whether the meter readings match the invoice?",
    "I want you to lead the negotiation with the new supplier.",
    "Why don't we grab lunch on Thursday and talk through the reorganisation?",
    "Please review the attached term sheet and send me your comments.",
    "I'll call you tomorrow morning to go over the numbers.",
    "Are we still on for the budget review this afternoon?",
    "Hi Paul, any idea when the revised forecast will be ready?",
    "Pls send me the latest credit exposure report for the utilities.",
    "We need your sign-off on the hedge before the market opens.",
    "Could somebody from your group join the vendor call on Wednesday?",
    "Bob - can we get the transport rates updated in the model today?",
    "Please schedule a 30 minute slot with Karen for next week.",
    "The training for new traders will take place on March 3 in room 20C.",
    "Were the invoices for October ever paid?",
    "Thoughts on whether we should extend the contract another year?",
    "Also, can you double check the volumes on the Tuesday deals?",
    "Let's plan on meeting at the airport hotel around noon on Friday.",
    "Do we have a signed confidentiality agreement with them?",
    "I'd like you to take over the weekly status report starting Monday.",
    "Mary, please print three copies of the agreement for tomorrow's signing.",
    "Is the conference room booked for the client visit?",
    "Would you be willing to present the results at the staff meeting?",
    "Remind the team that the system will be down Saturday night for maintenance.",
    "Just checking whether you had a chance to read my note about the audit.",
    "There will be a short meeting for all analysts on Thursday at 4.",
    "Could you let Jim know that the closing has moved to the 15th?",
    NULL,
};

/* 60 not actionable */
static const char *const sanity_not[] = {
    "We closed the deal with the utility last Friday.",
    "I met with the credit team yesterday to go over the exposure report.",
    "The auditors finished their fieldwork ahead of schedule.",
    "Attached is the updated schedule for your records.",
    "Thanks for sending the revised figures so quickly.",
    "Hope you had a relaxing holiday.",
    "Mark will send the contract to the lawyers next week.",
    "I've asked Linda to prepare the slides for the board.",
    "Let me know if you have any questions about the report.",
    "If you need anything else, feel free to give me a call.",
    "Prices for natural gas rose sharply over the last month.",
    "Our new savings account gives you 3% interest with no monthly fees!",
    "Click here to see this week's best deals on laptops.",
    "Sign up today and get your first month free!",
    "The office was closed on Monday because of the storm.",
    "I think the proposal is in good shape overall.",
    "She said the shipment was delayed by two days.",
    "We sent the signed copies back to the bank this morning.",
    "The numbers look fine to me.",
    "Congratulations on the promotion!",
    "Have a great weekend.",
    "It was good to see you at the offsite.",
    "Our team has been working hard on the new release.",
    "The meeting went longer than expected.",
    "I was out sick most of last week.",
    "Tom and Rick have already discussed the pricing with the customer.",
    "Unsubscribe from these emails at any time.",
    "This message contains confidential information intended only for the recipient.",
    "The regulator approved the rate increase in March.",
    "Everyone on the desk enjoyed the lunch.",
    "I hope all is well with you and the family.",
    "Thank you for your prompt payment.",
    "The new parking rules took effect last month.",
    "Here are the notes from this morning's call.",
    "I really appreciated your help on the audit.",
    "Kevin can handle the paperwork for the transfer.",
    "Download our free guide to smarter energy buying.",
    "We are pleased to announce the opening of our new Houston branch.",
    "Looking forward to hearing from you.",
    "No need to reply to this note.",
    "The system was down for two hours yesterday afternoon.",
    "I spoke with their general counsel on Friday and he seemed fine with the changes.",
    "Karen is going to take care of the hotel reservations.",
    "We appreciate your business and look forward to serving you.",
    "The revised numbers came in lower than we expected.",
    "Great job on the presentation yesterday!",
    "Save up to 40% on office supplies this month only.",
    "I'm heading to Calgary for a few days.",
    "Their offer was well below our minimum price.",
    "The lawyers sent over a marked-up draft late last night.",
    "Hope the move went smoothly.",
    "I had lunch with Greg and Ann last week.",
    "All of the trades have been confirmed with the counterparties.",
    "Visit our website to learn more about our award-winning service.",
    "Thanks again for hosting us in Portland.",
    "The market has been very quiet this week.",
    "Steve told me the deal is on hold until the spring.",
    "Our records show your subscription has been renewed.",
    "I'm sure it will all work out.",
    "That was the best quarter we have had in years.",
    NULL,
};

static void test_sanity_set(void)
{
    int right = 0, total = 0;
    const char *const *sets[2] = {sanity_not, sanity_actionable};

    for (int want = 0; want < 2; want++)
        for (int i = 0; sets[want][i]; i++) {
            struct lu_analysis a;
            lu_analyse_text(sets[want][i], ref, &cal, &a);
            total++;
            if (a.actionable == (want == 1))
                right++;
            else
                printf("#   sanity miss (%s): %s\n", want ? "actionable" : "not", sets[want][i]);
            lu_analysis_clear(&a);
        }
    printf("#   sanity set: %d of %d right (%.1f%%)\n", right, total, 100.0 * right / total);
    ok(total >= 120 && right * 100 >= total * 93, "sanity set: %d of %d right (at least 93%%)",
       right, total);
}

/* Causes fixed in the cues, one sentence each. */
/* A sentence, the labels it must have and those it must not have. */
struct label_case {
    const char *text;
    unsigned want, not_want;
    const char *name;
};

/* Each of the N CASES, analysed alone, has its WANT labels and none of its
 * NOT_WANT, with a reason for each label. */
static void check_cases(const struct label_case *cases, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        struct lu_analysis a;
        bool good;
        lu_analyse_text(cases[i].text, ref, &cal, &a);
        good = (a.labels & cases[i].want) == cases[i].want && !(a.labels & cases[i].not_want) &&
               reasons_match(&a);
        if (!ok(good, "%s", cases[i].name))
            dump(&a);
        lu_analysis_clear(&a);
    }
}

static void test_cue_fixes(void)
{
    static const struct label_case cases[] = {
        {"He also let me know that they want to discuss the plan with us.", 0,
         LU_L_REQUEST | LU_L_PROPOSAL, "someone else's \"let me know\" is no request"},
        {"Sally will need to discuss this with Leslie on Thursday.", 0,
         LU_L_REQUEST | LU_L_PROPOSAL, "another person's meeting is no proposal"},
        {"I'll call you tomorrow to go over the numbers.", LU_L_COMMITMENT | LU_L_ANNOUNCE,
         LU_L_REQUEST | LU_L_PROPOSAL, "a call with the reader: a promise and an announcement"},
        {"I think the proposal is in good shape.", 0, LU_L_PROPOSAL,
         "talking about a proposal is no proposal"},
        {"The flight was cancelled due to the storm.", 0, LU_L_ANNOUNCE,
         "\"due to\" is a cause, not a deadline"},
        {"Don't forget to send the timesheets.", LU_L_REQUEST, 0, "\"don't forget\" asks"},
        {"Please itemize the travel costs.", LU_L_REQUEST, 0,
         "\"please\" and a verb the lexicon does not know"},
        {"Happy to discuss if that helps.", 0, LU_L_PROPOSAL, "\"happy to discuss\" offers"},
    };

    check_cases(cases, G_N_ELEMENTS(cases));
}

/* Causes of false labels found on a mailing list, one written sentence (or
 * more) each; none is taken from any mail. */
static void test_list_mail_causes(void)
{
    static const struct label_case cases[] = {
        /* input cues need a verb that asks */
        {"Thanks a lot for all your feedback.", 0, LU_L_REQUEST,
         "thanks for \"your feedback\" ask nothing"},
        {"Many thanks for your suggestions on the draft.", 0, LU_L_REQUEST,
         "thanks for \"your suggestions\" ask nothing"},
        {"Please send me your comments by Friday.", LU_L_REQUEST, 0, "\"send me your comments\""},
        {"I'd welcome your thoughts on the budget.", LU_L_REQUEST, 0,
         "\"I'd welcome your thoughts\""},
        {"Any comments?", LU_L_REQUEST, 0, "\"Any comments?\""},
        /* a wh-word after a name or comma is a relative pronoun */
        {"Maria, who has now checked the audit twice over", 0, LU_L_REQUEST,
         "\"who\" after a name is no question"},
        {"Which is, in my view, the best part of the new tool.", 0, LU_L_REQUEST,
         "relative \"which\" is no question"},
        {"Thanks, where should I send the samples?", LU_L_REQUEST, 0,
         "a wh-question after a comma, inverted"},
        {"Which file should I use", LU_L_REQUEST, 0, "an inverted wh-question without \"?\""},
        /* a question needs words, and a real question mark */
        {"?", 0, LU_L_REQUEST, "a lone question mark"},
        {"... ?", 0, LU_L_REQUEST, "a question mark after dots"},
        {"?config?", 0, LU_L_REQUEST, "a token between question marks"},
        {"The log says ?inst/extdata? is empty?", 0, LU_L_REQUEST,
         "question marks standing for lost quotation marks"},
        {"The invoice went out on the 3rd (?)", 0, LU_L_REQUEST, "\"(?)\" marks a doubt"},
        {"If you read the thread \"Why does the build fail?\"", 0, LU_L_REQUEST,
         "a quoted question is not asked"},
        {"Are you trying to rank the files by some sort of \"risk score\"?", LU_L_REQUEST, 0,
         "a question that ends on a quoted phrase asks"},
        {"The parser printed \"?\" for every field.", 0, LU_L_REQUEST,
         "a quoted lone question mark asks nothing"},
        {"Why?", LU_L_REQUEST, 0, "a one-word wh-question still asks"},
        /* characters the charset lost, read as question marks */
        {"I had not seen that the packages need not be on the main repository.?", 0, LU_L_REQUEST,
         "\".?\" is a lost character"},
        {"Original Message ???????", 0, LU_L_REQUEST, "a run of question marks is lost text"},
        {"The build flags are PKG_LIBS and FLIBS ????????????", 0, LU_L_REQUEST,
         "a long run after words is lost text"},
        {"So I decided to propose an update of the ?", 0, LU_L_REQUEST,
         "no question ends on an article"},
        {"What???", LU_L_REQUEST, 0, "three marks glued to a word still ask"},
        /* the writer's own view with a rising tone */
        {"I think I have it fixed now ?", 0, LU_L_REQUEST, "\"I think I have it fixed now ?\""},
        {"I suspect the foundation could assist as well?", 0, LU_L_REQUEST,
         "\"I suspect ... as well?\" asks nobody"},
        {"I think you have the latest version?", LU_L_REQUEST, 0,
         "\"I think you have ...?\" asks the reader"},
        {"I think we should meet on Tuesday?", LU_L_PROPOSAL, 0, "a proposal with a rising tone"},
        /* program code quoted in the text */
        {"return log_lik; }", 0, LU_L_REQUEST, "a code line's imperative asks nothing"},
        {"Send(buf, len);", 0, LU_L_REQUEST, "a call ending in ';' is code"},
        {"Can you check what \\doi{} expands to?", LU_L_REQUEST, 0,
         "prose that mentions code still asks"},
        /* wishes about others, and talk that is not a proposal */
        {"It would be nice if the build system was more open.", 0, LU_L_REQUEST,
         "a wish about a third party asks nothing"},
        {"It would be great if you could send the logs.", LU_L_REQUEST, 0,
         "\"it would be great if you could\" asks"},
        {"There are a million details we could discuss here.", 0, LU_L_PROPOSAL,
         "\"details we could discuss\" proposes nothing"},
        {"We could discuss it on Monday.", LU_L_PROPOSAL, 0, "\"We could discuss it on Monday\""},
        {"I can't resist following up on the comment about the manual.", 0, LU_L_REQUEST,
         "\"following up on\" a comment is no ask"},
        {"That is why the Rust users should get together and write such a package.", 0,
         LU_L_PROPOSAL, "other people getting together is no proposal"},
        {"I would love to get together when you are in town next week.", LU_L_PROPOSAL, 0,
         "\"love to get together\" proposes"},
        /* passing a thing on is no decline */
        {"I will pass it on to Dan.", 0, LU_L_DECLINE, "\"pass it on\" forwards"},
        {"We'll pass this along to the team.", 0, LU_L_DECLINE, "\"pass this along\" forwards"},
        {"I'll pass, thanks.", LU_L_DECLINE, 0, "\"I'll pass, thanks\" declines"},
        {"We will pass for now.", LU_L_DECLINE, 0, "\"We will pass for now\" declines"},
        /* an adjective before a noun is no imperative */
        {"Great answer.", 0, LU_L_REQUEST, "\"Great answer.\""},
        {"Good point.", 0, LU_L_REQUEST, "\"Good point.\""},
        {"Nice work.", 0, LU_L_REQUEST, "\"Nice work.\""},
        {"No answer.", 0, LU_L_REQUEST, "\"No answer.\""},
        {"Great, send it over.", LU_L_REQUEST, 0, "\"Great, send it\" still instructs"},
        {"Dear Team,", 0, LU_L_REQUEST, "a greeting is no instruction"},
        {"Hi Bill, can you send the slides?", LU_L_REQUEST, 0, "a name that is also a verb"},
        /* someone else recommends, the writer promises */
        {"It made it much easier for Paula to review the figures and recommend changes to the "
         "board.",
         0, LU_L_PROPOSAL | LU_L_REQUEST, "a third party recommends: no proposal"},
        {"I will suggest the change to the committee.", LU_L_COMMITMENT, LU_L_PROPOSAL,
         "\"I will suggest\" promises"},
        {"I would recommend that you update the documentation first.", LU_L_PROPOSAL, 0,
         "the writer's own suggestion"},
        /* a remark about a topic is no decline */
        {"I'm not interested so much in the history as in the fix.", 0, LU_L_DECLINE,
         "\"not interested so much in\""},
        {"We're not that interested in the details.", 0, LU_L_DECLINE, "\"not that interested\""},
        {"I'm not interested in your offer.", LU_L_DECLINE, 0, "declining an offer"},
        /* courtesies */
        {"Please excuse the delay in getting back to you.", 0, LU_L_REQUEST,
         "\"please excuse\" apologises"},
        {"Thanks for the reminder about the forms.", 0, LU_L_REQUEST, "thanks for a reminder"},
        {"I would then know the answer, wouldn't I?", 0, LU_L_REQUEST,
         "a tag question about the writer"},
        {"Note that the office closes early on Friday.", 0, LU_L_REQUEST,
         "\"Note that\" draws attention, it asks nothing"},
    };

    check_cases(cases, G_N_ELEMENTS(cases));
}

/* The closings and commitments of the labelling rubric (doc/labelling.md,
 * part 2) that the first phrase rules missed, one written sentence or more
 * for each cue of lang-en.c, with the reading it must not take. */
static void test_closing_commitment_cues(void)
{
    static const struct label_case cases[] = {
        /* thanks for what the reader did; not the courtesy before an ask */
        {"Thanks for the detailed explanation.", LU_L_CLOSING, 0, "thanks for an explanation"},
        {"Thank you very much for the pointers!", LU_L_CLOSING, 0, "thanks for the pointers"},
        {"Thanks for answering so quickly.", LU_L_CLOSING, 0, "thanks for answering"},
        {"Thanks in advance for any pointers.", 0, LU_L_CLOSING, "thanks in advance asks"},
        {"Thanks for considering my application.", 0, LU_L_CLOSING, "thanks for considering waits"},
        {"Thank you for your help in advance.", 0, LU_L_CLOSING, "thanks for help in advance"},
        {"Thanks for the figures, could you also send the March ones?", LU_L_REQUEST, LU_L_CLOSING,
         "a thanks with a question is no closing"},
        /* thanks that end the sentence, to a person; not a signature */
        {"Thank you Maria.", LU_L_CLOSING, 0, "thanks to a person by name"},
        {"Ok thanks Pavel!", LU_L_CLOSING, 0, "\"ok thanks\" and a name"},
        {"Thanks, Maria Lopez", 0, LU_L_CLOSING, "a signature is no closing"},
        {"Thanks again to Priya.", LU_L_CLOSING, 0, "thanks again to a person"},
        {"Thanks to Omar for the quick fix.", LU_L_CLOSING, 0, "thanks to a person for a fix"},
        {"Thanks to the new cache the build is faster.", 0, LU_L_CLOSING,
         "\"thanks to\" a cause is no closing"},
        /* the answer worked */
        {"That did the trick.", LU_L_CLOSING, 0, "\"that did the trick\""},
        {"Updating the compiler fixed the problem.", LU_L_CLOSING, 0, "a change fixed the problem"},
        {"Setting the locale solves it.", LU_L_CLOSING, 0, "a change solves it"},
        {"I haven't solved the problem yet.", 0, LU_L_CLOSING, "not solved is no closing"},
        {"The release has security fixes that users can apply.", 0, LU_L_CLOSING,
         "\"fixes that\" is a noun"},
        {"The issue is now resolved.", LU_L_CLOSING, 0, "the issue is now resolved"},
        {"We cannot ship until the issue is resolved.", 0, LU_L_CLOSING,
         "\"until the issue is resolved\" is a condition"},
        {"That is exactly what I needed.", LU_L_CLOSING, 0, "exactly what I needed"},
        {"It works now.", LU_L_CLOSING, 0, "\"it works now\""},
        {"Does it work now?", 0, LU_L_CLOSING, "a question is no closing"},
        {"We really appreciated your support.", LU_L_CLOSING, 0, "appreciation for help given"},
        {"I'd appreciate your help with the budget.", LU_L_REQUEST, LU_L_CLOSING,
         "\"I'd appreciate your help\" asks"},
        /* the writer's promise, with the subject dropped */
        {"Will try a clean build tonight.", LU_L_COMMITMENT, 0, "\"Will try\" promises"},
        {"Will be interesting to see what happens.", 0, LU_L_COMMITMENT,
         "\"Will be interesting\" promises nothing"},
        {"I fixed it on main and will port that to the release branch tomorrow.", LU_L_COMMITMENT,
         0, "\"... and will port that\" promises"},
        {"I will close the ticket.", LU_L_COMMITMENT, 0, "\"I will close\" promises"},
        {"I'll merge the patch tonight.", LU_L_COMMITMENT, 0, "\"I'll merge\" promises"},
        /* a promise in the passive, on its way to the reader; not a dated notice */
        {"The signed forms will be sent to you shortly.", LU_L_COMMITMENT, 0,
         "\"will be sent to you\" promises"},
        {"The new schedule will go out to you on Friday.", LU_L_COMMITMENT, 0,
         "\"will go out to you\" promises"},
        {"The office will be closed on Friday.", 0, LU_L_COMMITMENT,
         "an office closing is no promise"},
        {"The account names will be changed tomorrow.", 0, LU_L_COMMITMENT,
         "a dated notice in the passive promises nobody"},
        /* the learned commitment model (helper/sentence-model.c): a promise
         * whose verb no rule lists, and what it may not add */
        {"I will vouch for your income if the bank asks.", LU_L_COMMITMENT, 0,
         "the learned model reads a promise the rules miss"},
        {"I will be out next week.", 0, LU_L_COMMITMENT,
         "the model adds no promise where the rules read a fact"},
        {"It will rain on Friday.", 0, LU_L_COMMITMENT, "nor where nobody promises"},
        /* conditions, plans that are facts, and reported plans */
        {"If I find the old file, I will send it over.", LU_L_COMMITMENT, 0,
         "a conditional promise is a promise"},
        {"If I don't hear from you by Friday, I will cancel the order.", 0, LU_L_COMMITMENT,
         "waiting on the reader is no promise"},
        {"I am going to be in Chicago next week.", 0, LU_L_COMMITMENT,
         "\"going to be in\" is a fact"},
        {"We haven't decided what we will offer.", 0, LU_L_COMMITMENT,
         "\"what we will offer\" is no promise"},
    };

    check_cases(cases, G_N_ELEMENTS(cases));
}

static struct lu_analysis analyse(const char *text);

/* expects_reply is narrower than actionable: advice asks the reader to act,
 * not to answer.  Pairs of messages on one subject, advice first. */
static void test_advice_or_reply(void)
{
    static const struct {
        const char *advice, *request;
    } pairs[] = {
        {"Just figure out which of the two settings you need and put the value in one place.",
         "Could you tell me which of the two settings you need?"},
        {"Post a short summary of the change to the team list.",
         "Send me a short summary of the change."},
        {"Please set your mail program to send plain text.",
         "Please confirm that your mail program sends plain text."},
        {"You might want to check the build log.",
         "Can you look at the build log and tell me what it says?"},
        {"I would suggest that you update the documentation first.",
         "I suggest we meet on Thursday to plan the upgrade."},
        {"Maybe the answer is in the build log?", "Is the answer in the build log?"},
        {"Restart the server tomorrow?", "Could you restart the server tomorrow?"},
        {"Running the tests again, maybe?", "Have you run the tests again?"},
        {"Or just depend on the other package for testing?",
         "Do you depend on the other package for testing?"},
        {"Thanks for the quick fix. Please follow up on the project list.",
         "Thanks for the quick fix. Please let me know when it is merged."},
        {"(If anyone else wants to take over, please get in touch with me.)",
         "Would you like to take over the package?"},
    };
    static const char *const replies[] = {
        "Please send me the signed contract by Friday.",
        "Please sign and return the form.",
        "Which do you prefer?",
        "Are you available on Tuesday?",
        "Could you review it and get back to me?",
        "Let me know.",
        "Please confirm.",
        "Can you tell me the version number?",
        "Please review the attached draft.",
        "Kindly check the totals for us.",
        NULL,
    };
    static const char *const quiet[] = {
        "You might want to look at the build log.",
        "I'd suggest that you upgrade the server first.",
        "Just work out which of the two settings you need.",
        NULL,
    };
    struct lu_analysis a;

    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++) {
        a = analyse(pairs[i].advice);
        if (!ok(a.actionable && !a.expects_reply && a.reply_sentence == -1,
                "advice: actionable, no reply expected: %s", pairs[i].advice))
            dump(&a);
        lu_analysis_clear(&a);
        a = analyse(pairs[i].request);
        if (!ok(a.actionable && a.expects_reply, "expects a reply: %s", pairs[i].request))
            dump(&a);
        lu_analysis_clear(&a);
    }
    /* advice the vote does not count as actionable expects no reply either */
    for (int i = 0; quiet[i]; i++) {
        a = analyse(quiet[i]);
        if (!ok(!a.expects_reply, "no reply expected: %s", quiet[i]))
            dump(&a);
        lu_analysis_clear(&a);
    }
    for (int i = 0; replies[i]; i++) {
        a = analyse(replies[i]);
        if (!ok(a.expects_reply, "expects a reply: %s", replies[i]))
            dump(&a);
        lu_analysis_clear(&a);
    }

    /* the reasons say which sentence asks to act and which to answer */
    a = analyse("Here is the patch. Post it to the team list when you are ready. Can you also "
                "tell me whether it builds on Windows?");
    ok(a.expects_reply && a.actionable, "advice plus a question: a reply is expected");
    is_int(a.reply_sentence, 2, "the question is the sentence that expects the reply");
    if (a.sentences->len == 3) {
        const struct lu_sentence *adv = a.sentences->pdata[1], *q = a.sentences->pdata[2];
        ok(adv->why->len == 1 && g_str_has_suffix(adv->why->pdata[0], "no answer asked"),
           "the advice's reason says no answer is asked: %s",
           adv->why->len ? (char *)adv->why->pdata[0] : "(none)");
        ok(q->why->len >= 1 && !strstr(q->why->pdata[0], "no answer asked"),
           "the question's reason does not: %s", q->why->len ? (char *)q->why->pdata[0] : "(none)");
    } else {
        ok(false, "three sentences");
        ok(false, "three sentences");
    }
    lu_analysis_clear(&a);
    ok(a.reply_sentence == -1, "lu_analysis_clear resets reply_sentence");

    a = analyse("Here is the patch. Post it to the team list when you are ready. Thanks!");
    ok(a.actionable && !a.expects_reply && a.reply_sentence == -1,
       "a patch and advice: actionable, no reply expected");
    lu_analysis_clear(&a);
}

static void test_label_names(void)
{
    static const char *const names[] = {"request", "proposal", "commitment", "agreement",
                                        "decline", "closing",  "announce"};
    for (int b = 0; b < LU_N_LABELS; b++)
        is_str(lu_label_name(1u << b), names[b], "label name %d", b);
    is_str(lu_label_name(0), "unknown", "label name of no bit");
}

static void test_reasons(void)
{
    struct lu_analysis a;
    const struct lu_sentence *s;

    lu_analyse_text("Hi Maria, could you check the figures?", ref, &cal, &a);
    s = a.sentences->pdata[0];
    ok(s->why->len >= 1 && strstr(s->why->pdata[0], "(\"could you\")") != NULL,
       "the request's reason quotes what triggered it: %s",
       s->why->len ? (char *)s->why->pdata[0] : "(none)");
    lu_analysis_clear(&a);
    lu_analyse_text("Please take me off your list.", ref, &cal, &a);
    s = a.sentences->pdata[0];
    ok(s->labels == LU_L_DECLINE, "asking to stop is a decline, not a request");
    is_str(s->why->len ? s->why->pdata[0] : NULL,
           "decline: says no or asks to stop (\"take me off\")", "decline reason");
    lu_analysis_clear(&a);
}

static struct lu_analysis analyse(const char *text)
{
    struct lu_analysis a;
    lu_analyse_text(text, ref, &cal, &a);
    return a;
}

static void test_messages(void)
{
    struct lu_analysis a;
    char iso[LU_ISO_LEN];

    a = analyse("Hi Sam,\n\nHere is the report you asked for. Let me know if you have any "
                "questions.\n\nThanks!");
    ok(!a.expects_reply && !a.actionable, "report plus courtesies: no reply expected");
    lu_analysis_clear(&a);

    a = analyse("Hi Sam,\n\nCould you look at the numbers before Friday? Let me know if you "
                "have any questions.\n\nThanks!");
    ok(a.expects_reply && a.actionable, "a real question among courtesies expects a reply");
    is_int(a.sentences->len, 4, "greeting, question, courtesy, thanks");
    lu_analysis_clear(&a);

    a = analyse("Thanks for the update, hope this helps.\nCheers!");
    ok(!a.expects_reply && a.closing, "thanks and cheers: closing, no reply expected");
    lu_analysis_clear(&a);

    a = analyse("The new prices are attached. No need to reply.");
    ok(!a.expects_reply && a.closing, "\"no need to reply\" is respected");
    lu_analysis_clear(&a);

    a = analyse("Thanks for the call. I'll send the revised quote soon.");
    ok(!a.closing && (a.labels & LU_L_CLOSING) && (a.labels & LU_L_COMMITMENT),
       "a thank-you beside my promise leaves the exchange open");
    lu_analysis_clear(&a);

    a = analyse("No need to reply to the rest, but could you confirm the date?");
    ok(a.expects_reply, "\"no need to reply\" does not silence a real question");
    lu_analysis_clear(&a);

    a = analyse("Thanks for reaching out. We are not interested at this time.");
    ok(a.declined && !a.expects_reply && !a.actionable, "a decline: declined, nothing expected");
    lu_analysis_clear(&a);

    a = analyse("I'll send the revised contract on Wednesday.");
    ok(!a.expects_reply && (a.labels & LU_L_COMMITMENT), "a promise expects no reply");
    ok(a.has_next_step && !a.next_step_agreed, "a promise with a date is a next step");
    lu_analysis_clear(&a);

    /* A period of the past ends today but owes nothing by it (session 29). */
    a = analyse("I have worked on it over the last 2 weeks and I will send you the report.");
    ok((a.labels & LU_L_COMMITMENT) && !a.has_next_step,
       "a promise beside \"the last 2 weeks\" has no next step");
    lu_analysis_clear(&a);

    a = analyse("Tuesday at 10 works for me. See you then.");
    ok(a.has_next_step && a.next_step_agreed, "agreed next step");
    is_str(a.has_next_step ? lu_iso(a.next_step.start, tz, iso) : NULL, "2026-11-24T10:00:00+00:00",
           "agreed next step is Tuesday 10:00");
    is_int(a.next_step_sentence, 0, "next step sentence");
    ok(!a.expects_reply, "an agreement expects no reply");
    lu_analysis_clear(&a);

    a = analyse("Could we meet on Thursday at 2pm? Let me know.");
    ok(a.has_next_step && !a.next_step_agreed, "proposed next step");
    is_str(a.has_next_step ? lu_iso(a.next_step.start, tz, iso) : NULL, "2026-11-26T14:00:00+00:00",
           "proposed next step is Thursday 14:00");
    ok(a.expects_reply && (a.labels & LU_L_PROPOSAL), "a proposal expects a reply");
    lu_analysis_clear(&a);

    a = analyse("Sounds good, let's talk soon!");
    ok((a.labels & LU_L_AGREEMENT) && !a.expects_reply && !a.has_next_step,
       "a vague \"let's talk soon\" agrees, expects nothing, sets no next step");
    lu_analysis_clear(&a);

    a = analyse("We met last Thursday and agreed on the budget.");
    ok(!a.has_next_step, "a past date is no next step");
    lu_analysis_clear(&a);

    a = analyse("Could you send the report?");
    ok(!a.auto_reply && !a.has_return, "ordinary mail is no auto-reply");
    lu_analysis_clear(&a);

    lu_analyse_text("Could you send the report? We can meet on Friday.", ref, NULL, &a);
    ok(a.actionable && a.sentences->len == 2 && !a.has_next_step,
       "without a calendar: labels but no dates");
    lu_analysis_clear(&a);
    ok(a.sentences == NULL && a.labels == 0, "lu_analysis_clear resets");

    a = analyse("");
    ok(a.sentences && a.sentences->len == 0 && !a.actionable && !a.expects_reply,
       "empty text: nothing");
    lu_analysis_clear(&a);
}

static void check_ooo(const char *text, const char *want_iso)
{
    struct lu_analysis a = analyse(text);
    char iso[LU_ISO_LEN];

    ok(a.auto_reply && !a.expects_reply && !a.actionable, "out of office: %.40s...", text);
    is_str(a.has_return ? lu_iso(a.ooo_return.start, tz, iso) : NULL, want_iso,
           "return date of: %.40s...", text);
    lu_analysis_clear(&a);
}

static void test_ooo(void)
{
    check_ooo("Thank you for your message. I am out of the office until 3 December with "
              "limited access to email. I will be back on 4 December.",
              "2026-12-04T00:00:00+00:00");
    check_ooo("I am on vacation, returning Monday.", "2026-11-30T00:00:00+00:00");
    check_ooo("Automatic reply: I am away and back on 3 December.", "2026-12-03T00:00:00+00:00");
    check_ooo("Ich bin nicht im Büro und ab dem 3. Dezember wieder da. Zurück am 3. Dezember.",
              "2026-12-03T00:00:00+00:00");
    check_ooo("Je suis absent du bureau. De retour le 3 décembre.", "2026-12-03T00:00:00+00:00");
    check_ooo("Estoy fuera de la oficina. De vuelta el 3 de diciembre.",
              "2026-12-03T00:00:00+00:00");
    check_ooo("Out of office: I will respond to your email when I return.", NULL);
}

/* Hostile text costs work in proportion to its length (issue 12.1): runs of
 * punctuation, entities, repeated cue words and times made the matcher and
 * the date resolver compare every token with every other.  The work is
 * counted (lu_text_steps), never timed: twice the text, at most 2.2 times
 * the steps. */
static guint64 steps_for(const char *unit, int times, const char *mid, const char *after)
{
    GString *t = g_string_new(NULL);
    struct lu_analysis a;
    guint64 before = lu_text_steps;

    for (int i = 0; i < times; i++)
        g_string_append(t, unit);
    g_string_append(t, mid);
    for (int i = 0; after && i < times; i++)
        g_string_append(t, after);
    a = analyse(t->str);
    lu_analysis_clear(&a);
    g_string_free(t, TRUE);
    return lu_text_steps - before;
}

static void test_linear_cost(void)
{
    static const struct {
        const char *unit, *mid;
        int times;
        const char *after; /* repeated TIMES after MID, or NULL */
    } shapes[] = {
        {"?", "", 4000},
        {"!", "", 4000},
        {".", "", 4000},
        {",", "", 4000},
        {"()", "", 2000},
        {"& ", "", 2000},
        {"<", "", 4000},
        {"\"", "", 4000},
        {"? ", "", 2000},
        {"a. ", "", 1500},
        {"word ", "?", 800, "\""},
        {"reminder ", "thanks", 500},
        {"and send it to accounts ", "", 200},
        {"10am ", "", 800},
        {"at 3pm, ", "Monday", 500},
        {"let me know ", "", 400},
        {"Hi Bob, ", "", 500},
        {"and ", "", 1000},
        {"- ", "", 2000},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(shapes); i++) {
        const char *after = shapes[i].after ? shapes[i].after : "";
        guint64 one = steps_for(shapes[i].unit, shapes[i].times, shapes[i].mid, shapes[i].after);
        guint64 two =
            steps_for(shapes[i].unit, 2 * shapes[i].times, shapes[i].mid, shapes[i].after);
        if (!ok(one > 0 && two * 10 <= one * 22, "linear cost: %d x (\"%s\") \"%s\" %d x (\"%s\")",
                shapes[i].times, shapes[i].unit, shapes[i].mid,
                shapes[i].after ? shapes[i].times : 0, after))
            printf("#   steps %" G_GUINT64_FORMAT " then %" G_GUINT64_FORMAT
                   " for twice the text\n",
                   one, two);
    }
}

/* A sentence ending in "and" made clause_start read the token after the
 * last (issue 12.9; t186 runs it under valgrind, which sees the read). */
static void test_clause_at_end(void)
{
    static const char *const texts[] = {"Thanks and", "Send it and",       "Call me, and",
                                        "and",        "Please review and", NULL};

    for (int i = 0; texts[i]; i++) {
        struct lu_analysis a = analyse(texts[i]);
        ok(a.sentences->len == 1, "a sentence ending in a conjunction: \"%s\"", texts[i]);
        lu_analysis_clear(&a);
    }
}

int main(void)
{
    tz = g_time_zone_new_utc();
    ref = g_date_time_new(tz, 2026, 11, 23, 12, 0, 0);
    lu_cal_init(&cal, tz);

    test_label_names();
    test_labels();
    test_sanity_set();
    test_cue_fixes();
    test_list_mail_causes();
    test_closing_commitment_cues();
    test_advice_or_reply();
    test_reasons();
    test_messages();
    test_ooo();
    test_linear_cost();
    test_clause_at_end();

    g_date_time_unref(ref);
    g_time_zone_unref(tz);
    return tap_done();
}
