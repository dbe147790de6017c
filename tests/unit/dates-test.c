/* dates-test.c - date/time phrase resolution (helper/dates.c).
 *
 * Every row: a reference time ("B" Berlin, "N" New York, "F" a fixed +01:00
 * zone; "mdy" for the US day order), a text, and every date found in it:
 *   day 2026-12-04 'by Friday'                  a whole day
 *   week 2026-12-07..2026-12-13 'next week'     whole days (week, month, range)
 *   moment 2026-12-08T10:00+01:00 'at 10'       a moment
 *   range 2026-12-02T14:00+01:00..2026-12-02T16:00+01:00 'between 2 and 4'
 * several separated by " ; ", "" when nothing is a date.  Whole days are
 * checked to run from 00:00:00 to 23:59:59 local time (across DST changes
 * too) and to carry no time; the quoted part is the phrase's text. */
#include "leadup.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static GTimeZone *berlin, *newyork, *fixed;

struct row {
    const char *ref; /* "B 2026-12-02 10:00" [mdy] */
    const char *text;
    const char *want;
};

/* Wednesday 2 December 2026, 10:00 in Berlin: the default reference. */
#define W "B 2026-12-02 10:00"

static const struct row rows[] = {
    /* Weekdays: the next such day after today; "next" is next week's. */
    {W, "Tuesday", "day 2026-12-08 'Tuesday'"},
    {W, "Can we talk on Tue?", "day 2026-12-08 'on Tue'"},
    {W, "Please send it by Friday.", "day 2026-12-04 'by Friday'"},
    {W, "this Friday", "day 2026-12-04 'this Friday'"},
    {W, "next Monday", "day 2026-12-07 'next Monday'"},
    {W, "See you next Friday", "day 2026-12-11 'next Friday'"},
    {W, "Wednesday", "day 2026-12-09 'Wednesday'"},
    {W, "this Wednesday", "day 2026-12-02 'this Wednesday'"},
    {W, "this Monday", "day 2026-12-07 'this Monday'"},
    {W, "I called last Friday", "day 2026-11-27 'last Friday'"},
    {W, "Tuesday next week", "day 2026-12-08 'Tuesday next week'"},
    {W, "Friday next week works", "day 2026-12-11 'Friday next week'"},
    {W, "on Thursday", "day 2026-12-03 'on Thursday'"},
    {W, "this coming Monday", "day 2026-12-07 'this coming Monday'"},
    {W, "I am off Monday to Wednesday", "range 2026-12-07..2026-12-09 'Monday to Wednesday'"},
    {W, "away from Monday to Wednesday", "range 2026-12-07..2026-12-09 'from Monday to Wednesday'"},
    {W, "We meet on Sat, 5 Dec.", "day 2026-12-05 'on Sat, 5 Dec.'"},
    {W, "Monday 30 November", "day 2026-11-30 'Monday 30 November'"},
    {W, "am Dienstag", "day 2026-12-08 'am Dienstag'"},
    {W, "bis Freitag", "day 2026-12-04 'bis Freitag'"},
    {W, "nächsten Montag", "day 2026-12-07 'nächsten Montag'"},
    {W, "lundi prochain", "day 2026-12-07 'lundi prochain'"},
    {W, "mardi", "day 2026-12-08 'mardi'"},
    {W, "el próximo lunes", "day 2026-12-07 'el próximo lunes'"},
    {W, "hasta el viernes", "day 2026-12-04 'hasta el viernes'"},

    /* Relative days and periods. */
    {W, "today", "day 2026-12-02 'today'"},
    {W, "I'll do it tomorrow", "day 2026-12-03 'tomorrow'"},
    {W, "the day after tomorrow", "day 2026-12-04 'the day after tomorrow'"},
    {W, "yesterday", "day 2026-12-01 'yesterday'"},
    {W, "tonight", "range 2026-12-02T18:00+01:00..2026-12-02T23:59:59+01:00 'tonight'"},
    {W, "in 3 days", "day 2026-12-05 'in 3 days'"},
    {W, "in two weeks", "day 2026-12-16 'in two weeks'"},
    {W, "in a week", "day 2026-12-09 'in a week'"},
    {W, "in twelve days", "day 2026-12-14 'in twelve days'"},
    {W, "in 2 months", "day 2027-02-02 'in 2 months'"},
    {W, "within 5 business days", "day 2026-12-09 'within 5 business days'"},
    {W, "in 3 working days", "day 2026-12-07 'in 3 working days'"},
    {W, "in 2 hours", "moment 2026-12-02T12:00+01:00 'in 2 hours'"},
    {W, "in 30 minutes", "moment 2026-12-02T10:30+01:00 'in 30 minutes'"},
    {W, "3 days from now", "day 2026-12-05 '3 days from now'"},
    {W, "2 weeks ago", "day 2026-11-18 '2 weeks ago'"},
    {W, "in zwei Wochen", "day 2026-12-16 'in zwei Wochen'"},
    {W, "dans 3 jours", "day 2026-12-05 'dans 3 jours'"},
    {W, "dentro de dos semanas", "day 2026-12-16 'dentro de dos semanas'"},
    {W, "next week", "week 2026-12-07..2026-12-13 'next week'"},
    {W, "this week", "week 2026-11-30..2026-12-06 'this week'"},
    {W, "last week", "week 2026-11-23..2026-11-29 'last week'"},
    {W, "the week after next", "week 2026-12-14..2026-12-20 'the week after next'"},
    {W, "nächste Woche", "week 2026-12-07..2026-12-13 'nächste Woche'"},
    {W, "la semaine prochaine", "week 2026-12-07..2026-12-13 'la semaine prochaine'"},
    {W, "la semana que viene", "week 2026-12-07..2026-12-13 'la semana que viene'"},
    {W, "next month", "month 2027-01-01..2027-01-31 'next month'"},
    {W, "this month", "month 2026-12-01..2026-12-31 'this month'"},
    {W, "end of the week", "day 2026-12-04 'end of the week'"},
    {W, "by the end of the week", "day 2026-12-04 'by the end of the week'"},
    {W, "end of next week", "day 2026-12-11 'end of next week'"},
    {W, "end of the month", "day 2026-12-31 'end of the month'"},
    {W, "end of next month", "day 2027-01-29 'end of next month'"},
    {W, "before the end of the year", "day 2026-12-31 'before the end of the year'"},
    {W, "EOW", "day 2026-12-04 'EOW'"},
    {W, "EOM", "day 2026-12-31 'EOM'"},
    {W, "early next month", "range 2027-01-01..2027-01-10 'early next month'"},
    {W, "mid next month", "range 2027-01-11..2027-01-20 'mid next month'"},
    {W, "late next month", "range 2027-01-21..2027-01-31 'late next month'"},
    {W, "early December", "range 2026-12-01..2026-12-10 'early December'"},
    {W, "mid-December", "range 2026-12-11..2026-12-20 'mid-December'"},
    /* "the first (latter) part of", a quarter or half with its year (issue 10's
     * labelled date set). */
    {W, "in the latter part of May", "range 2027-05-21..2027-05-31 'the latter part of May'"},
    {W, "the first part of June", "range 2027-06-01..2027-06-10 'the first part of June'"},
    {W, "the early part of next week",
     "range 2026-12-07..2026-12-08 'the early part of next week'"},
    {W, "the last part of the month", "range 2026-12-21..2026-12-31 'the last part of the month'"},
    {W, "the latter of the two", ""},
    {W, "for the first part", ""},
    {W, "in the third quarter of 2001", "range 2001-07-01..2001-09-30 'the third quarter of 2001'"},
    {W, "fourth quarter 2001 results", "range 2001-10-01..2001-12-31 'fourth quarter 2001'"},
    {W, "the 2nd quarter of next year",
     "range 2027-04-01..2027-06-30 'the 2nd quarter of next year'"},
    {W, "Q3 2027 and Q1-2027",
     "range 2027-07-01..2027-09-30 'Q3 2027' ; range 2027-01-01..2027-03-31 'Q1-2027'"},
    {W, "the first half of next year",
     "range 2027-01-01..2027-06-30 'the first half of next year'"},
    {W, "the second half of 2026", "range 2026-07-01..2026-12-31 'the second half of 2026'"},
    {W, "the first quarter was good; the third half of 2026; q3 2026", ""},
    {W, "Todays price action was odd.", "day 2026-12-02 'Todays'"},
    {W, "it fails on Windows 10/11 systems", ""},
    /* A weekday alone in a sentence of the past tense only is the last one. */
    {W, "Friday's close was higher.", "day 2026-11-27 'Friday'"},
    {W, "Wednesday's reading was 110/22.", "day 2026-11-25 'Wednesday'"},
    {W, "The meeting was moved to Friday.", "day 2026-12-04 'Friday'"},
    {W, "I was hoping to meet Friday.", "day 2026-12-04 'Friday'"},
    {W, "We met and will talk Friday.", "day 2026-12-04 'Friday'"},
    {W, "Friday was fine?", "day 2026-12-04 'Friday'"},
    {W, "Prices rose by Friday.", "day 2026-12-04 'by Friday'"},
    {W, "We met on Monday.", "day 2026-11-30 'on Monday'"},
    {W, "I was wondering whether Thursday at 10:00 suits you.",
     "moment 2026-12-03T10:00+01:00 'Thursday at 10:00'"},
    {W, "The report we sent was about Friday.", "day 2026-12-04 'Friday'"},
    {W, "late December", "range 2026-12-21..2026-12-31 'late December'"},
    {W, "early January", "range 2027-01-01..2027-01-10 'early January'"},
    {W, "first week of December", "week 2026-12-01..2026-12-07 'first week of December'"},
    {W, "second week of January", "week 2027-01-08..2027-01-14 'second week of January'"},
    {W, "the last week of December", "week 2026-12-25..2026-12-31 'the last week of December'"},
    {W, "the first week of next month",
     "week 2027-01-01..2027-01-07 'the first week of next month'"},
    {W, "in December", "month 2026-12-01..2026-12-31 'in December'"},
    {W, "in January", "month 2027-01-01..2027-01-31 'in January'"},
    {W, "in June", "month 2027-06-01..2027-06-30 'in June'"},
    {W, "by March", "month 2027-03-01..2027-03-31 'by March'"},
    {W, "after the holidays", "week 2027-01-07..2027-01-13 'after the holidays'"},
    {W, "after Christmas", "week 2026-12-28..2027-01-03 'after Christmas'"},
    {W, "next weekend", "range 2026-12-12..2026-12-13 'next weekend'"},
    {W, "this weekend", "range 2026-12-05..2026-12-06 'this weekend'"},

    /* Vague spans and deadlines (issue 10): a vague count of days is
     * business days, "before" a holiday its last business day. */
    {W, "I'll send it before Christmas.", "day 2026-12-24 'before Christmas'"},
    {W, "We finish in the next couple of days.", "day 2026-12-04 'in the next couple of days'"},
    {W, "Let's meet two weeks from Friday.", "day 2026-12-18 'two weeks from Friday'"},
    {W, "and will port that in a day or so", "day 2026-12-04 'in a day or so'"},
    {W, "I'll send it in a day or two.", "day 2026-12-04 'in a day or two'"},
    {W, "in 2 or 3 days", "day 2026-12-07 'in 2 or 3 days'"},
    {W, "in a week or two", "day 2026-12-16 'in a week or two'"},
    {W, "See you in two or three weeks.", "day 2026-12-23 'in two or three weeks'"},
    {W, "We have one or two questions.", ""},
    {W, "Ich melde mich in 2 oder 3 Tagen.", "day 2026-12-07 'in 2 oder 3 Tagen'"},
    {W, "I'll send it Friday week.", "day 2026-12-11 'Friday week'"},
    {W, "Talk next Tuesday week.", "day 2026-12-15 'next Tuesday week'"},
    {W, "I'll be there on Friday. Week 2 is busy.", "day 2026-12-04 'on Friday'"},
    {W, "Let's talk in the New Year.", "week 2027-01-04..2027-01-10 'in the New Year'"},
    {"B 2026-06-10 10:00", "Let's talk in the New Year.", ""},
    {W, "in a couple of days", "day 2026-12-04 'in a couple of days'"},
    {W, "in a couple of weeks", "day 2026-12-16 'in a couple of weeks'"},
    {W, "in the next few days", "day 2026-12-07 'in the next few days'"},
    {W, "over the next few days", "day 2026-12-07 'over the next few days'"},
    {W, "within the next 3 days", "day 2026-12-05 'within the next 3 days'"},
    {W, "in a few weeks", "day 2026-12-23 'in a few weeks'"},
    {W, "in an hour or so", "moment 2026-12-02T11:00+01:00 'in an hour or so'"},
    {W, "I'll have it within the week.", "day 2026-12-04 'within the week'"},
    {W, "within the month", "day 2026-12-31 'within the month'"},
    {W, "by the end of the month", "day 2026-12-31 'by the end of the month'"},
    {W, "before the end of the month", "day 2026-12-31 'before the end of the month'"},
    {W, "by the end of the quarter", "day 2026-12-31 'by the end of the quarter'"},
    {W, "end of next quarter", "day 2027-03-31 'end of next quarter'"},
    {W, "by the end of the year", "day 2026-12-31 'by the end of the year'"},
    {W, "I'll look at it over the weekend.", "range 2026-12-05..2026-12-06 'over the weekend'"},
    {W, "early next week", "range 2026-12-07..2026-12-08 'early next week'"},
    {W, "mid next week", "range 2026-12-09..2026-12-10 'mid next week'"},
    {W, "late next week", "range 2026-12-10..2026-12-11 'late next week'"},
    {W, "before the holidays", "day 2026-12-23 'before the holidays'"},
    {W, "before New Year", "day 2026-12-31 'before New Year'"},
    {W, "vor Weihnachten", "day 2026-12-24 'vor Weihnachten'"},
    {W, "3 weeks from Monday", "day 2026-12-28 '3 weeks from Monday'"},
    {W, "two weeks from 3 December", "day 2026-12-17 'two weeks from 3 December'"},
    {W, "a week from tomorrow", "day 2026-12-10 'a week from tomorrow'"},
    {W, "a week from today", "day 2026-12-09 'a week from today'"},
    {"B 2026-11-10 10:00", "before the holidays", ""},
    /* ... across a year end */
    {"B 2026-12-28 10:00", "before Christmas", "day 2027-12-24 'before Christmas'"},
    {"B 2026-12-28 10:00", "in the next couple of days",
     "day 2026-12-30 'in the next couple of days'"},
    {"B 2026-12-30 10:00", "in the next few days", "day 2027-01-04 'in the next few days'"},
    {"B 2026-12-28 10:00", "two weeks from Friday", "day 2027-01-15 'two weeks from Friday'"},
    {"B 2026-12-28 10:00", "by the end of the quarter",
     "day 2026-12-31 'by the end of the quarter'"},
    {"B 2026-12-28 10:00", "before New Year", "day 2026-12-31 'before New Year'"},
    /* ... and a DST change (Berlin, Sunday 29 March 2026) */
    {"B 2026-03-27 10:00", "in a day or so", "day 2026-03-31 'in a day or so'"},
    {"B 2026-03-27 10:00", "a week from tomorrow", "day 2026-04-04 'a week from tomorrow'"},
    {"B 2026-03-27 10:00", "over the weekend", "range 2026-03-28..2026-03-29 'over the weekend'"},
    {"B 2026-03-27 10:00", "by the end of the quarter",
     "day 2026-03-31 'by the end of the quarter'"},

    /* Absolute dates: the year nearest to REF. */
    {W, "3 December", "day 2026-12-03 '3 December'"},
    {W, "Dec 3rd", "day 2026-12-03 'Dec 3rd'"},
    {W, "December 3, 2027", "day 2027-12-03 'December 3, 2027'"},
    {W, "2026-12-03", "day 2026-12-03 '2026-12-03'"},
    {W, "12/03", "day 2027-03-12 '12/03'"},
    {W " mdy", "12/03", "day 2026-12-03 '12/03'"},
    {W " mdy", "on 25/12", "day 2026-12-25 'on 25/12'"},
    {W, "12/03/2026", "day 2026-03-12 '12/03/2026'"},
    {W " mdy", "12/03/2026", "day 2026-12-03 '12/03/2026'"},
    {W, "3.12.2026", "day 2026-12-03 '3.12.2026'"},
    {W, "am 3.12.", "day 2026-12-03 'am 3.12.'"},
    {W, "3. Dezember", "day 2026-12-03 '3. Dezember'"},
    {W, "3 décembre", "day 2026-12-03 '3 décembre'"},
    {W, "3 de diciembre", "day 2026-12-03 '3 de diciembre'"},
    {W, "le 1er décembre", "day 2026-12-01 'le 1er décembre'"},
    {W, "Ich bin zurück am 3. Dezember.", "day 2026-12-03 'am 3. Dezember'"},
    {W, "de retour le 3 décembre", "day 2026-12-03 'le 3 décembre'"},
    {W, "de vuelta el 3 de diciembre", "day 2026-12-03 'el 3 de diciembre'"},
    {W, "I am back on 3 December.", "day 2026-12-03 'on 3 December'"},
    {W, "3-5 December", "range 2026-12-03..2026-12-05 '3-5 December'"},
    {W, "December 3-5", "range 2026-12-03..2026-12-05 'December 3-5'"},
    {W, "on the 15th", "day 2026-12-15 'on the 15th'"},
    {W, "January 5", "day 2027-01-05 'January 5'"},
    {W, "5 January 2027", "day 2027-01-05 '5 January 2027'"},
    {"B 2027-12-01 10:00", "29 February", "day 2028-02-29 '29 February'"},
    {W, "29 February", ""},

    /* Times: a lone time is today when still ahead of REF, else tomorrow. */
    {W, "at 3pm", "moment 2026-12-02T15:00+01:00 'at 3pm'"},
    {W, "at 9am", "moment 2026-12-03T09:00+01:00 'at 9am'"},
    {W, "10:30", "moment 2026-12-02T10:30+01:00 '10:30'"},
    {W, "at 8:15", "moment 2026-12-03T08:15+01:00 'at 8:15'"},
    {W, "noon", "moment 2026-12-02T12:00+01:00 'noon'"},
    {W, "at noon tomorrow", "moment 2026-12-03T12:00+01:00 'at noon tomorrow'"},
    {W, "by EOD", "moment 2026-12-02T17:00+01:00 'by EOD'"},
    {W, "COB Friday", "moment 2026-12-04T17:00+01:00 'COB Friday'"},
    {W, "by end of day", "moment 2026-12-02T17:00+01:00 'by end of day'"},
    {W, "at 2", "moment 2026-12-02T14:00+01:00 'at 2'"},
    {W, "at 7", "moment 2026-12-02T19:00+01:00 'at 7'"},
    {W, "this afternoon", "range 2026-12-02T12:00+01:00..2026-12-02T17:00+01:00 'this afternoon'"},
    {W, "tomorrow morning",
     "range 2026-12-03T09:00+01:00..2026-12-03T12:00+01:00 'tomorrow morning'"},
    {W, "3:30pm", "moment 2026-12-02T15:30+01:00 '3:30pm'"},
    {W, "um 15 Uhr", "moment 2026-12-02T15:00+01:00 'um 15 Uhr'"},
    {W, "à 14h30", "moment 2026-12-02T14:30+01:00 'à 14h30'"},
    {W, "a las 11", "moment 2026-12-02T11:00+01:00 'a las 11'"},
    {W, "Tuesday at 10", "moment 2026-12-08T10:00+01:00 'Tuesday at 10'"},
    {W, "at 10 on Tuesday", "moment 2026-12-08T10:00+01:00 'at 10 on Tuesday'"},
    {W, "tomorrow 3pm", "moment 2026-12-03T15:00+01:00 'tomorrow 3pm'"},
    {W, "Tuesday 1 December at 10:00",
     "moment 2026-12-01T10:00+01:00 'Tuesday 1 December at 10:00'"},
    {W, "on Tuesday at 10:00", "moment 2026-12-08T10:00+01:00 'on Tuesday at 10:00'"},
    {W, "between 2 and 4",
     "range 2026-12-02T14:00+01:00..2026-12-02T16:00+01:00 'between 2 and 4'"},
    {W, "2-4pm", "range 2026-12-02T14:00+01:00..2026-12-02T16:00+01:00 '2-4pm'"},
    {W, "from 10 to 11:30",
     "range 2026-12-02T10:00+01:00..2026-12-02T11:30+01:00 'from 10 to 11:30'"},
    {W, "10-11am", "range 2026-12-02T10:00+01:00..2026-12-02T11:00+01:00 '10-11am'"},
    {W, "zwischen 14 und 16 Uhr",
     "range 2026-12-02T14:00+01:00..2026-12-02T16:00+01:00 'zwischen 14 und 16 Uhr'"},
    {W, "between 11 and 1",
     "range 2026-12-02T11:00+01:00..2026-12-02T13:00+01:00 'between 11 and 1'"},
    {W, "Friday between 2 and 4",
     "range 2026-12-04T14:00+01:00..2026-12-04T16:00+01:00 'Friday between 2 and 4'"},

    /* DST, month and year boundaries, leap years, fixed offsets. */
    {"B 2026-03-28 10:00", "tomorrow at 10am", "moment 2026-03-29T10:00+02:00 'tomorrow at 10am'"},
    {"B 2026-03-28 10:00", "tomorrow", "day 2026-03-29 'tomorrow'"},
    {"B 2026-03-29 01:30", "in 2 hours", "moment 2026-03-29T04:30+02:00 'in 2 hours'"},
    {"B 2026-03-26 10:00", "next week", "week 2026-03-30..2026-04-05 'next week'"},
    {"B 2026-10-24 10:00", "tomorrow at 10am", "moment 2026-10-25T10:00+01:00 'tomorrow at 10am'"},
    {"B 2026-10-23 16:00", "Monday at 9", "moment 2026-10-26T09:00+01:00 'Monday at 9'"},
    {"N 2026-03-07 10:00", "Monday at 9am", "moment 2026-03-09T09:00-04:00 'Monday at 9am'"},
    {"N 2026-03-07 10:00", "tomorrow", "day 2026-03-08 'tomorrow'"},
    {"N 2026-10-31 10:00", "tomorrow at 10am", "moment 2026-11-01T10:00-05:00 'tomorrow at 10am'"},
    {"N 2026-10-30 12:00 mdy", "on 11/2 at 3pm", "moment 2026-11-02T15:00-05:00 'on 11/2 at 3pm'"},
    {"B 2026-12-28 10:00", "next week", "week 2027-01-04..2027-01-10 'next week'"},
    {"B 2026-12-28 10:00", "Friday", "day 2027-01-01 'Friday'"},
    {"B 2026-12-28 10:00", "in 5 days", "day 2027-01-02 'in 5 days'"},
    {"B 2026-12-28 10:00", "next month", "month 2027-01-01..2027-01-31 'next month'"},
    {"B 2026-12-28 10:00", "3 January", "day 2027-01-03 '3 January'"},
    {"B 2026-12-28 10:00", "after the holidays",
     "week 2027-01-07..2027-01-13 'after the holidays'"},
    {"B 2027-01-04 10:00", "after the holidays",
     "week 2027-01-07..2027-01-13 'after the holidays'"},
    {"B 2026-11-10 10:00", "after the holidays", ""},
    /* the feasts business mail dates by: Thanksgiving, Easter, Christmas */
    {"B 2026-11-03 10:00", "We should talk before Thanksgiving.",
     "day 2026-11-25 'before Thanksgiving'"},
    {"B 2026-11-30 10:00", "before Thanksgiving", "day 2027-11-24 'before Thanksgiving'"},
    {"B 2026-11-03 10:00", "Let's regroup after Thanksgiving.",
     "week 2026-11-27..2026-12-03 'after Thanksgiving'"},
    {"B 2026-11-03 10:00", "See you on Thanksgiving!", "day 2026-11-26 'on Thanksgiving'"},
    {"B 2026-11-03 10:00", "We'll know by Easter.", "day 2027-03-28 'by Easter'"},
    {"B 2024-03-01 10:00", "before Easter", "day 2024-03-29 'before Easter'"},
    {"B 2025-04-01 10:00", "after Easter", "week 2025-04-21..2025-04-27 'after Easter'"},
    {W, "nach Ostern", "week 2027-03-29..2027-04-04 'nach Ostern'"},
    {W, "We will know by Christmas.", "day 2026-12-25 'by Christmas'"},
    {W, "I'll be out until Christmas.", "day 2026-12-25 'until Christmas'"},
    {W, "I bought a Christmas present.", ""},
    {W, "See you on Christmas Eve.", "day 2026-12-24 'on Christmas Eve'"},
    /* Named days: the nearest such day (movable ones computed). */
    {W, "We are closed on New Year's Day.", "day 2027-01-01 'on New Year's Day'"},
    {W, "New Year's Eve", "day 2026-12-31 'New Year's Eve'"},
    {W, "until Christmas Day", "day 2026-12-25 'until Christmas Day'"},
    {W, "on Easter Monday", "day 2027-03-29 'on Easter Monday'"},
    {"B 2026-03-01 10:00", "before Good Friday", "day 2026-04-03 'before Good Friday'"},
    {"N 2026-08-20 10:00 mdy", "by Labor Day", "day 2026-09-07 'by Labor Day'"},
    {"N 2027-04-02 10:00 mdy", "after Memorial Day", "day 2027-05-31 'Memorial Day'"},
    {"N 2026-06-20 10:00 mdy", "by Independence Day", "day 2026-07-04 'by Independence Day'"},
    {"N 2026-11-26 10:00 mdy", "keep thousands on tax day", "day 2027-04-15 'on tax day'"},
    {W, "a tax day; the tax rate; good day; Happy New Year", ""},
    {W, "the annual Christmas Eve Fireworks; the Labor Day Parade", ""},
    {W, "The Easter bunny came by.", ""},
    {"B 2028-02-28 10:00", "tomorrow", "day 2028-02-29 'tomorrow'"},
    {"B 2028-02-28 10:00", "end of the month", "day 2028-02-29 'end of the month'"},
    {"B 2028-02-28 10:00", "in 2 days", "day 2028-03-01 'in 2 days'"},
    {"B 2028-02-28 10:00", "next month", "month 2028-03-01..2028-03-31 'next month'"},
    {"B 2026-01-31 10:00", "in one month", "day 2026-02-28 'in one month'"},
    {"B 2026-01-31 10:00", "end of the month", "day 2026-02-27 'end of the month'"},
    {"F 2026-12-02 10:00", "tomorrow at 10", "moment 2026-12-03T10:00+01:00 'tomorrow at 10'"},

    /* More languages and forms. */
    {W, "3 to 5 December", "range 2026-12-03..2026-12-05 '3 to 5 December'"},
    {W, "vom 3.-5. Dezember", "range 2026-12-03..2026-12-05 'vom 3.-5. Dezember'"},
    {W, "at 10 o'clock", "moment 2026-12-03T10:00+01:00 'at 10 o'clock'"},
    {W, "a las 10:30", "moment 2026-12-02T10:30+01:00 'a las 10:30'"},
    {W, "entre 14h et 16h",
     "range 2026-12-02T14:00+01:00..2026-12-02T16:00+01:00 'entre 14h et 16h'"},
    {W, "de 10h à 11h", "range 2026-12-02T10:00+01:00..2026-12-02T11:00+01:00 'de 10h à 11h'"},
    {W, "entre las 2 y las 4",
     "range 2026-12-02T14:00+01:00..2026-12-02T16:00+01:00 'entre las 2 y las 4'"},
    {W, "von 10 bis 11 Uhr",
     "range 2026-12-02T10:00+01:00..2026-12-02T11:00+01:00 'von 10 bis 11 Uhr'"},
    {W, "heute Abend", "range 2026-12-02T18:00+01:00..2026-12-02T23:59:59+01:00 'heute Abend'"},
    {W, "ce soir", "range 2026-12-02T18:00+01:00..2026-12-02T23:59:59+01:00 'ce soir'"},
    {W, "Friday, 10:00", "moment 2026-12-04T10:00+01:00 'Friday, 10:00'"},
    {W, "Tue 8/12", "day 2026-12-08 'Tue 8/12'"},
    {W, "vor 2 Wochen", "day 2026-11-18 'vor 2 Wochen'"},
    {W, "il y a 3 jours", "day 2026-11-29 'il y a 3 jours'"},
    {W, "hace 2 días", "day 2026-11-30 'hace 2 días'"},
    {W, "in 3 Werktagen", "day 2026-12-07 'in 3 Werktagen'"},
    {W, "Anfang Dezember", "range 2026-12-01..2026-12-10 'Anfang Dezember'"},
    {W, "Ende nächster Woche", "day 2026-12-11 'Ende nächster Woche'"},
    {W, "bis Ende des Monats", "day 2026-12-31 'bis Ende des Monats'"},
    {W, "a finales de diciembre", "day 2026-12-31 'a finales de diciembre'"},
    {W, "fin décembre", "day 2026-12-31 'fin décembre'"},
    {W, "mi-décembre", "range 2026-12-11..2026-12-20 'mi-décembre'"},
    {W, "nach Weihnachten", "week 2026-12-28..2027-01-03 'nach Weihnachten'"},
    {W, "after New Year", "week 2027-01-04..2027-01-10 'after New Year'"},
    {W, "nach den Feiertagen", "week 2027-01-07..2027-01-13 'nach den Feiertagen'"},
    {W, "après les fêtes", "week 2027-01-07..2027-01-13 'après les fêtes'"},
    /* "an" is German ("an einem Tag") and French ("nouvel an"): one word
     * with both packs' meanings. */
    {W, "après le nouvel an", "week 2027-01-04..2027-01-10 'après le nouvel an'"},
    {W, "antes de Navidad", "day 2026-12-24 'antes de Navidad'"},
    {W, "el lunes que viene", "day 2026-12-07 'el lunes que viene'"},
    {W, "en 3 días hábiles", "day 2026-12-07 'en 3 días hábiles'"},
    /* Italian (helper/lang-it.c) */
    {W, "entro venerdì", "day 2026-12-04 'entro venerdì'"},
    {W, "lunedì alle 10", "moment 2026-12-07T10:00+01:00 'lunedì alle 10'"},
    {W, "domani", "day 2026-12-03 'domani'"},
    {W, "dopodomani pomeriggio",
     "range 2026-12-04T12:00+01:00..2026-12-04T17:00+01:00 'dopodomani pomeriggio'"},
    {W, "la prossima settimana", "week 2026-12-07..2026-12-13 'la prossima settimana'"},
    {W, "la settimana prossima", "week 2026-12-07..2026-12-13 'la settimana prossima'"},
    {W, "entro fine mese", "day 2026-12-31 'entro fine mese'"},
    {W, "tre giorni fa", "day 2026-11-29 'tre giorni fa'"},
    {W, "tra 3 giorni lavorativi", "day 2026-12-07 'tra 3 giorni lavorativi'"},
    {W, "il 15 gennaio", "day 2027-01-15 '15 gennaio'"},
    {W, "a metà gennaio", "range 2027-01-11..2027-01-20 'a metà gennaio'"},
    {W, "dopo le feste", "week 2027-01-07..2027-01-13 'dopo le feste'"},
    {W, "prima di Natale", "day 2026-12-24 'prima di Natale'"},
    {W, "il fine settimana", ""},
    /* "fine" is also English: a part of a month only in Italian order */
    {W, "Fine December weather.", ""},
    {W, "It is a fine day.", ""},
    {W, "by the 3rd", "day 2026-12-03 'by the 3rd'"},
    {W, "the 3rd of December", "day 2026-12-03 'the 3rd of December'"},
    {W, "03.12.26", "day 2026-12-03 '03.12.26'"},
    {W, "Montag, 3.12.", "day 2026-12-03 'Montag, 3.12.'"},
    {W, "am 3. Okt.", "day 2026-10-03 'am 3. Okt.'"},
    {W, "in the afternoon",
     "range 2026-12-02T12:00+01:00..2026-12-02T17:00+01:00 'in the afternoon'"},
    {W, "this evening", "range 2026-12-02T18:00+01:00..2026-12-02T23:59:59+01:00 'this evening'"},
    {W, "December 2026", "month 2026-12-01..2026-12-31 'December 2026'"},
    {W, "during August", "month 2026-08-01..2026-08-31 'during August'"},
    {W, "next December", "month 2027-12-01..2027-12-31 'next December'"},
    {W, "on 12/3/26", "day 2026-03-12 'on 12/3/26'"},
    {W, "beginning of next month", "range 2027-01-01..2027-01-10 'beginning of next month'"},
    {W, "early next week", "range 2026-12-07..2026-12-08 'early next week'"},
    {W, "Friday afternoon",
     "range 2026-12-04T12:00+01:00..2026-12-04T17:00+01:00 'Friday afternoon'"},
    {W, "Dienstag Vormittag",
     "range 2026-12-08T09:00+01:00..2026-12-08T12:00+01:00 'Dienstag Vormittag'"},
    {W, "mardi matin", "range 2026-12-08T09:00+01:00..2026-12-08T12:00+01:00 'mardi matin'"},
    {W, "el martes por la tarde",
     "range 2026-12-08T12:00+01:00..2026-12-08T17:00+01:00 'el martes por la tarde'"},
    {W, "por la mañana", "range 2026-12-02T09:00+01:00..2026-12-02T12:00+01:00 'por la mañana'"},
    {W, "morgen früh", "range 2026-12-03T09:00+01:00..2026-12-03T12:00+01:00 'morgen früh'"},
    {W, "morgen um 10 Uhr", "moment 2026-12-03T10:00+01:00 'morgen um 10 Uhr'"},
    {W, "mañana a las 5", "moment 2026-12-03T17:00+01:00 'mañana a las 5'"},
    {W, "demain à 9h", "moment 2026-12-03T09:00+01:00 'demain à 9h'"},
    {W, "a couple of days from now", "day 2026-12-04 'a couple of days from now'"},
    {W, "Friday this week", "day 2026-12-04 'Friday this week'"},
    {W, "until January", "month 2027-01-01..2027-01-31 'until January'"},
    /* The packs' roles for short words (LU_DX_INDEF, AT_LEAD, ELIDED, POSS). */
    {W, "before New Year's", "day 2026-12-31 'before New Year's'"},
    {W, "demain l'après-midi",
     "range 2026-12-03T12:00+01:00..2026-12-03T17:00+01:00 'demain l'après-midi'"},
    {W, "nos vemos a 10", ""},
    {W, "in a few days", "day 2026-12-07 'in a few days'"},
    {W, "cet après-midi", "range 2026-12-02T12:00+01:00..2026-12-02T17:00+01:00 'cet après-midi'"},
    {W, "12 noon", "moment 2026-12-02T12:00+01:00 '12 noon'"},
    {W, "at 3:30", "moment 2026-12-02T15:30+01:00 'at 3:30'"},
    {W, "3:30 Uhr", "moment 2026-12-03T03:30+01:00 '3:30 Uhr'"},
    {W, "at 5pm ET", "moment 2026-12-02T17:00+01:00 'at 5pm ET'"},
    {W, "Mon-Wed", "range 2026-12-07..2026-12-09 'Mon-Wed'"},
    {W, "on Sun at 10", "moment 2026-12-06T10:00+01:00 'on Sun at 10'"},
    {W, "Mar 3 is the deadline", "day 2027-03-03 'Mar 3'"},
    {W, "Monday's meeting", "day 2026-12-07 'Monday'"},
    {W, "I'll send it at the end of the day",
     "moment 2026-12-02T17:00+01:00 'at the end of the day'"},
    {W, "On Wed, Dec 2, 2026 at 10:00 AM",
     "moment 2026-12-02T10:00+01:00 'On Wed, Dec 2, 2026 at 10:00 AM'"},
    {W, "2 déc. 2026 à 10:00", "moment 2026-12-02T10:00+01:00 '2 déc. 2026 à 10:00'"},
    {W, "Sent on 2026-12-03 at 14:02", "moment 2026-12-03T14:02+01:00 'on 2026-12-03 at 14:02'"},
    {W, "2026-12-03T14:00", "moment 2026-12-03T14:00+01:00 '2026-12-03T14:00'"},
    {W, "3pm on Friday, 4 December", "moment 2026-12-04T15:00+01:00 '3pm on Friday, 4 December'"},
    {W, "by 5pm Friday", "moment 2026-12-04T17:00+01:00 'by 5pm Friday'"},
    {W, "Friday at 5:00 PM", "moment 2026-12-04T17:00+01:00 'Friday at 5:00 PM'"},
    {W, "at 3 p.m. tomorrow", "moment 2026-12-03T15:00+01:00 'at 3 p.m. tomorrow'"},
    {W, "midday", "moment 2026-12-02T12:00+01:00 'midday'"},
    {W, "at midnight", "moment 2026-12-02T23:59:59+01:00 'at midnight'"},
    {W, "in a fortnight", "day 2026-12-16 'in a fortnight'"},
    {W, "in two weeks' time", "day 2026-12-16 'in two weeks' time'"},

    /* Several dates: text order; a time away from its date takes its day. */
    {W, "I'm out until Monday 7 December, back on Tuesday",
     "day 2026-12-07 'until Monday 7 December' ; day 2026-12-08 'on Tuesday'"},
    {W, "Tuesday works, ideally around 10am",
     "day 2026-12-08 'Tuesday' ; moment 2026-12-08T10:00+01:00 '10am'"},
    {W, "Not Monday; Friday or next week.",
     "day 2026-12-07 'Monday' ; day 2026-12-04 'Friday' ; week 2026-12-07..2026-12-13 'next week'"},

    /* Not dates. */
    {W, "At the end of the day, it works.", ""},
    {W, "on Sun hardware", ""},
    {W, "in a minute", ""},
    {W, "the next weeks", ""},
    {W, "from version 3.0 to 3.1.", ""},
    {W, "It would be great to have this in 3.4.", ""},
    {W, "Builds on Sep2020 images", ""},
    {W, "in Mars' atmosphere", ""},
    {W, "may 3 people join?", ""},
    {W, "May 3 people join?", ""},
    {W, "the sat nav", ""},
    {W, "Sun Microsystems", ""},
    {W, "April said yes", ""},
    {W, "He is 12 years old", ""},
    {W, "Section 3.2.1", ""},
    {W, "in 2.5 hours", ""},
    {W, "3/4 of the cases", ""},
    {W, "It is 5:1 odds", ""},
    {W, "I have 3-4 ideas", ""},
    {W, "at 3 of them", ""},
    {W, "at 100%", ""},
    {W, "at 4.5 stars", ""},
    {W, "Call 555-1234", ""},
    {W, "tel. 030 12 03 2026", ""},
    {W, "the 3rd party", ""},
    {W, "2 weeks", ""},
    {W, "on Mondays", ""},
    {W, "Order #12/03", ""},
    {W, "price 12.03 EUR", ""},
    {W, "version 12.03.2026", ""},
    {W, "file_2026-12-03.txt", ""},
    {W, "C:\\data\\2026-12-03", ""},
    {W, "In 2026 we grew", ""},
    {W, "between 2020 and 2024", ""},
    {W, "pages 3-5", ""},
    {W, "next steps", ""},
    {W, "first of all", ""},
    {W, "weekend plans", ""},
    {W, "end of story", ""},
    {W, "Good afternoon", ""},
    {W, "early adopters", ""},
    {W, "May I ask you something?", ""},
    {W, "We may need more time.", ""},
    {W, "The troops march on.", ""},
    {W, "I sat down with the team.", ""},
    {W, "Enjoy the sun!", ""},
    {W, "version 3.12 is out", ""},
    {W, "Please upgrade to R 4.3.2 soon.", ""},
    {W, "It needs Python 3.12.", ""},
    {W, "It costs $10, a 5% rise.", ""},
    {W, "Call +49 30 1234 5678.", ""},
    {W, "We have 10 files.", ""},
    {W, "about 1/2 of the team", ""},
    {W, "see page 12", ""},
    {W, "https://example.org/2026-12-03/at-3pm", ""},
    {W, "mail bob@2026-12-03.example.org", ""},
    {W, "support 24/7", ""},
    {W, "a second look", ""},
    {W, "Good morning, Anna", ""},
    {W, "Guten Morgen!", ""},
    {W, "We looked at 3 options.", ""},
    {W, "between 2 and 4 people", ""},
    {W, "written by June Carter", ""},
    {W, "10-12 participants", ""},

    /* Train mail's misses of session 29 (issue 10): a period back to the
     * message ("the last 2 weeks"), counted as "in 2 weeks" is forward. */
    {W, "It has been trading up over the last 2 weeks.",
     "range 2026-11-18..2026-12-02 'the last 2 weeks'"},
    {W, "Over the past six months, three holders added positions.",
     "range 2026-06-02..2026-12-02 'the past six months'"},
    {W, "in the last 7 weeks", "range 2026-10-14..2026-12-02 'the last 7 weeks'"},
    {W, "over the last few days, the past couple of months, the past few years", ""},
    {W, "the past week", "range 2026-11-25..2026-12-02 'the past week'"},
    {W, "the last 3 years", "range 2023-12-02..2026-12-02 'the last 3 years'"},
    {W, "the past month", "range 2026-11-02..2026-12-02 'the past month'"},
    {W, "in den letzten 2 Wochen", "range 2026-11-18..2026-12-02 'den letzten 2 Wochen'"},
    {W, "in den letzten drei Monaten", "range 2026-09-02..2026-12-02 'den letzten drei Monaten'"},
    {W, "die letzte Woche", "week 2026-11-23..2026-11-29 'die letzte Woche'"},
    /* ... but "the last week" is the calendar week, "the last day" no date. */
    {W, "the last week", "week 2026-11-23..2026-11-29 'the last week'"},
    {W, "the last day to apply; the last few weeks of May", ""},
    /* A span of a period: its first or last days, weeks or months, its halves. */
    {W, "the last 2 weeks of May", "range 2027-05-18..2027-05-31 'the last 2 weeks of May'"},
    {W, "In the first 6 months of 2025, sales doubled.",
     "range 2025-01-01..2025-06-30 'the first 6 months of 2025'"},
    {W, "the first three days of next month",
     "range 2027-01-01..2027-01-03 'the first three days of next month'"},
    {W, "in the last 2 weeks of the quarter",
     "range 2026-12-18..2026-12-31 'the last 2 weeks of the quarter'"},
    {W, "the first half of the month",
     "range 2026-12-01..2026-12-15 'the first half of the month'"},
    {W, "the second half of January 2027",
     "range 2027-01-16..2027-01-31 'the second half of January 2027'"},
    {W, "the last 3 months of last year",
     "range 2025-10-01..2025-12-31 'the last 3 months of last year'"},
    {W, "the first 40 days of the month; the first 2 months of June; the first half of the quarter",
     ""},
    /* Years counted from now are no date: "20 years ago", "the first in 5 years". */
    {W, "It was planted 20 years ago, the first in 5 years.", ""},
    /* A month's possessive is the month; not a name's. */
    {"B 2026-06-04 10:00", "A test of May's high is next.", "month 2026-05-01..2026-05-31 'May's'"},
    {"B 2026-06-02 10:00", "trades for April's full size contracts",
     "month 2026-04-01..2026-04-30 'April's'"},
    {W, "Theresa May's plan; May's Office", ""},
    /* "May 31" after "on" or "the" (not "May 20 people"). */
    {"B 2026-06-08 10:00", "On May 31 we shipped it.", "day 2026-05-31 'On May 31'"},
    {"B 2026-06-08 10:00", "In the May 31 Media Grok, we reported it.", "day 2026-05-31 'May 31'"},
    /* A second day of the same month. */
    {W, "The prices on the 26th & 27th (4.75, 4.80) were high.",
     "day 2026-11-26 'on the 26th' ; day 2026-11-27 '27th'"},
    {W, "We meet on the 14th or the 15th.", "day 2026-12-14 'on the 14th' ; day 2026-12-15 '15th'"},
    {W, "Closed on Dec 3 and 4.", "day 2026-12-03 'on Dec 3' ; day 2026-12-04 '4'"},
    {W, "We have Dec 3 and 4 people; on the 3rd and 4 more",
     "day 2026-12-03 'Dec 3' ; day 2026-12-03 'on the 3rd'"},
    /* The past tense: "due to" is no wish, a clause after the verb another tense. */
    {W, "S&P was higher due to short covering following Wednesday's gap down.",
     "day 2026-11-25 'Wednesday'"},
    {W, "Friday morning markets declined after news that the sector may be heading lower.",
     "range 2026-11-27T09:00+01:00..2026-11-27T12:00+01:00 'Friday morning'"},
    {W, "We said that we will meet on Friday.", "day 2026-12-04 'on Friday'"},
    /* Names and values in program code are no dates. */
    {W, "today <- as.Date(\"2008-12-01\")", ""},
    {W, "x <- format(today, \"%Y\")", ""},
    {W, "The call (today) went fine.", "day 2026-12-02 'today'"},
    /* "End of day" before a noun is a kind of price; a time after a
     * numeric date leadup does not read is that date's, not today's. */
    {W, "Attached is a spreadsheet that lists the end of day midmarkets.", ""},
    {W, "The end of day report is late.", ""},
    {W, "Please send it by the end of day so we can check.",
     "moment 2026-12-02T17:00+01:00 'by the end of day'"},
    {W, "End of day works for me.", "moment 2026-12-02T17:00+01:00 'End of day'"},
    {W, "| arrow_14.0.2.1.tar.gz???2024-02-08 11:57 ?3.9M |", ""},
    /* "The week of" a day: Monday to Sunday of its week. */
    {W, "Can we meet the week of the 14th?", "week 2026-12-14..2026-12-20 'the week of the 14th'"},
    {W, "I am out the week of December 16.",
     "week 2026-12-14..2026-12-20 'the week of December 16'"},
    {W, "the week of the 14th place finishers", ""},
    /* This, next and last quarter: that calendar quarter. */
    {W, "Sales were strong this quarter.", "range 2026-10-01..2026-12-31 'this quarter'"},
    {W, "We will revisit next quarter.", "range 2027-01-01..2027-03-31 'next quarter'"},
    {W, "Results for last quarter were weak.", "range 2026-07-01..2026-09-30 'last quarter'"},
    {W, "in the last quarter of the year; the last quarter-hour", ""},
    {W, "the history of the just ended quarter",
     "range 2026-07-01..2026-09-30 'the just ended quarter'"},
    {W, "the quarter just ended", "range 2026-07-01..2026-09-30 'the quarter just ended'"},
    {W, "I just finished the quarter report", ""},
    {W, "le trimestre dernier", "range 2026-07-01..2026-09-30 'le trimestre dernier'"},
    {W, "el trimestre pasado", "range 2026-07-01..2026-09-30 'el trimestre pasado'"},
    {W, "nello scorso trimestre", "range 2026-07-01..2026-09-30 'scorso trimestre'"},
    {W, "letztes Quartal", "range 2026-07-01..2026-09-30 'letztes Quartal'"},
    {W, "nächstes Quartal", "range 2027-01-01..2027-03-31 'nächstes Quartal'"},
    {W, "le trimestre; el trimestre; il trimestre", ""},
    /* A unit's end after a preposition; a month, a comma and its year. */
    {W, "We close the books at month end.", "day 2026-12-31 'at month end'"},
    {W, "by month-end please", "day 2026-12-31 'by month-end'"},
    {"B 2027-01-30 10:00", "at month end", "day 2027-02-26 'at month end'"},
    {W, "by quarter end", "day 2026-12-31 'by quarter end'"},
    {W, "a cut of 52 by year end 2000.", "day 2000-12-29 'by year end 2000'"},
    {W, "the month-end reports; the month end", ""},
    {W, "It changed in December, 2000 for good.",
     "month 2000-12-01..2000-12-31 'in December, 2000'"},
    {W, "May, 2001 was hard; may, 2001 people", "month 2001-05-01..2001-05-31 'May, 2001'"},
    /* "through" keeps its date; a numeric date after "as of", "effective". */
    {W, "I am out through Friday.", "day 2026-12-04 'through Friday'"},
    {"N 2026-12-02 10:00 mdy", "valid thru 12/15", "day 2026-12-15 'thru 12/15'"},
    {W, "read through the list", ""},
    {"N 2026-12-02 10:00 mdy", "The price is fixed as of 12/1.", "day 2026-12-01 '12/1'"},
    {W, "effective 15/12", "day 2026-12-15 '15/12'"},
    {W, "as of 1/2 of the shares", ""},

    /* Phrases found missing in train mail (issue 10): the calendar year. */
    {W, "We plan to move this year.", "range 2026-01-01..2026-12-31 'this year'"},
    {W, "The office opens next year", "range 2027-01-01..2027-12-31 'next year'"},
    {W, "It was archived last year.", "range 2025-01-01..2025-12-31 'last year'"},
    {W, "el año que viene", "range 2027-01-01..2027-12-31 'el año que viene'"},
    {W, "Sales over the next year will grow.", ""},
    {W, "In the past year we grew.", "range 2025-12-02..2026-12-02 'the past year'"},
    {W, "the coming year", ""},
    {W, "year after year", ""},
    {W, "every year", ""},
    /* "the rest of" a day, week, month: from today to its end. */
    {W, "I am away for the rest of the week.",
     "range 2026-12-02..2026-12-04 'the rest of the week'"},
    {"B 2026-12-05 10:00", "Offline the rest of the week",
     "range 2026-12-05..2026-12-06 'the rest of the week'"},
    {W, "Busy the rest of the day", "day 2026-12-02 'the rest of the day'"},
    {W, "for the rest of this month", "range 2026-12-02..2026-12-31 'the rest of this month'"},
    {W, "the rest of the team agrees", ""},
    {W, "the rest of the weeks", ""},
    {W, "the rest of next week", "week 2026-12-07..2026-12-13 'next week'"},
    /* "in about", "within approximately". */
    {W, "in about two weeks", "day 2026-12-16 'in about two weeks'"},
    {W, "within approximately 3 days", "day 2026-12-05 'within approximately 3 days'"},
    {W, "back in around 30 minutes", "moment 2026-12-02T10:30+01:00 'in around 30 minutes'"},
    {W, "in about a minute", ""},
    {W, "in about 1.5 hours", ""},
    {W, "a question about 2 weeks", ""},
    /* A year glued to the comma; a capitalised "May" with an ordinal. */
    {W, "on August 15,2027 at the office", "day 2027-08-15 'on August 15,2027'"},
    {W, "June 2,100 barrels", ""},
    {W, "May 20th was the deadline.", "day 2027-05-20 'May 20th'"},
    {W, "May 20 people come?", ""},
    /* A clock time after a part of the day sets the time. */
    {W, "How about Friday morning at 10:30?",
     "moment 2026-12-04T10:30+01:00 'Friday morning at 10:30'"},
    {W, "tomorrow afternoon at 3", "moment 2026-12-03T15:00+01:00 'tomorrow afternoon at 3'"},
    /* Dashed numeric dates need a year (a short one after a date word). */
    {W, "submit it on 7-01-2027", "day 2027-01-07 'on 7-01-2027'"},
    {W " mdy", "closed on Monday 1-4-27", "day 2027-01-04 'on Monday 1-4-27'"},
    {W, "scores 3-4-10", ""},
    {W, "ids 12-10-1234", ""},
    {W, "start = \"07-25-2026\"", ""},
    /* A weekday before an ambiguous numeric date picks the order. */
    {W, "on Thu 12/10", "day 2026-12-10 'on Thu 12/10'"},
    {W, "on Mon 12/10", "day 2026-10-12 'on Mon 12/10'"},
    {W, "on Fri 12/10", "day 2026-10-12 'on Fri 12/10'"},
    {W " mdy", "on Thu 10/12", "day 2026-12-10 'on Thu 10/12'"},
    /* "the month of October". */
    {W, "the report for the month of October", "month 2026-10-01..2026-10-31 'month of October'"},
    {W, "the months of May", ""},
    /* The order of day and month is the writer's (lu_dates_order): their
     * other dates, else date_order when given, else their zone with their
     * language (month first from the United States' zones in English). */
    {"N 2001-10-25 10:00 auto", "I need the numbers for 11/1.", "day 2001-11-01 '11/1'"},
    {"B 2001-10-25 10:00 auto", "I need the numbers for 11/1.", "day 2002-01-11 '11/1'"},
    {"N 2001-10-25 10:00 auto dmy", "I need the numbers by 11/1.", "day 2002-01-11 'by 11/1'"},
    {"B 2001-10-25 10:00 auto", "Send it by 11/1; the deal of 11/15 closed.",
     "day 2001-11-01 'by 11/1' ; day 2001-11-15 '11/15'"},
    {"N 2001-10-25 10:00 auto mdy", "Send it by 11/1; the deal of 15/11 closed.",
     "day 2002-01-11 'by 11/1' ; day 2001-11-15 '15/11'"},
    {"N 2001-10-25 10:00 auto", "Thu 11/1 works; can you send it by 12/2?",
     "day 2001-11-01 'Thu 11/1' ; day 2001-12-02 'by 12/2'"},
    {"N 2001-10-25 10:00 auto",
     "Nos vemos el 3/4 en la oficina, por favor confirma que puedes venir con los datos.",
     "day 2002-04-03 'el 3/4'"},
    {"N 2001-10-25 10:00 auto", "It takes me 1/2 hour, for 1/2 hour.", ""},
    {"N 2001-10-25 10:00 auto", "Rent has been due since 6/20.", "day 2001-06-20 '6/20'"},
    /* "The following week" is the one after the date before it. */
    {W, "I am out next week and the following week.",
     "week 2026-12-07..2026-12-13 'next week' ; week 2026-12-14..2026-12-20 'the following week'"},
    {W, "We meet the following week.", "week 2026-12-07..2026-12-13 'the following week'"},
    {W, "Out Monday, back the following Monday.",
     "day 2026-12-07 'Monday' ; day 2026-12-14 'the following Monday'"},
    {W, "On 3 December, then the following day.",
     "day 2026-12-03 'On 3 December' ; day 2026-12-04 'the following day'"},
    {W, "the following month", "month 2027-01-01..2027-01-31 'the following month'"},
    {W, "from Oct 1st to the following September 30th",
     "day 2026-10-01 'from Oct 1st' ; day 2026-09-30 'September 30th'"},
    {W, "the week following the meeting", ""},
    /* (In the past tense a weekday alone is the last one: below.) */
    {W, "Prices fell following Tuesday's sell-off.", "day 2026-12-01 'Tuesday'"},
    {W, "It closed lower on Tuesday following last Friday's gap.",
     "day 2026-12-01 'on Tuesday' ; day 2026-11-27 'last Friday'"},
    {W, "Please send the following: the report and the figures.", ""},
    {W, "nous partons lundi et revenons le lundi suivant",
     "day 2026-12-07 'lundi' ; day 2026-12-14 'le lundi suivant'"},
    {W, "la semana siguiente", "week 2026-12-07..2026-12-13 'la semana siguiente'"},
    {W, "la settimana successiva", "week 2026-12-07..2026-12-13 'la settimana successiva'"},
    {W, "in der folgenden Woche", "week 2026-12-07..2026-12-13 'der folgenden Woche'"},
    {W, "Montag, und am folgenden Tag",
     "day 2026-12-07 'Montag' ; day 2026-12-08 'am folgenden Tag'"},
    {W, "Anfang nächsten Jahres", "range 2027-01-01..2027-04-30 'Anfang nächsten Jahres'"},
    {W, "début 2027", "range 2027-01-01..2027-04-30 'début 2027'"},
    {W, "a principios del año que viene",
     "range 2027-01-01..2027-04-30 'a principios del año que viene'"},
    {W, "all'inizio del prossimo anno", "range 2027-01-01..2027-04-30 'inizio del prossimo anno'"},
    /* A year's parts are its thirds, as a month's are. */
    {W, "early next year", "range 2027-01-01..2027-04-30 'early next year'"},
    {W, "late this year", "range 2026-09-01..2026-12-31 'late this year'"},
    {W, "by mid-2027", "range 2027-05-01..2027-08-31 'by mid-2027'"},
    {W, "by the end of 2026", "day 2026-12-31 'by the end of 2026'"},
    {W, "early 2027.", "range 2027-01-01..2027-04-30 'early 2027'"},
    {W, "He changed groups mid year.", ""},
    {W, "since the beginning of the year", ""},
    {W, "in the middle of the 1970 recession", ""},
    /* An abbreviated month glued to its day. */
    {W, "Nov.1 works", "day 2026-11-01 'Nov.1'"},
    {W, "by Nov.1st please", "day 2026-11-01 'by Nov.1st'"},
    {W, "The index gained 7690.24 March futures.", ""},

    /* The second date set's train errors (session 38).  "since" a month or
     * a weekday alone: the latest one, not the nearest. */
    {W, "It has been broken since March.", "month 2026-03-01..2026-03-31 'March'"},
    {W, "Quiet ever since December", "month 2026-12-01..2026-12-31 'December'"},
    {W, "Nothing changed since January 2027", "month 2027-01-01..2027-01-31 'January 2027'"},
    {W, "since may it works", ""},
    {W, "It has failed since Tuesday.", "day 2026-12-01 'Tuesday'"},
    {W, "It has failed since Wednesday.", "day 2026-11-25 'Wednesday'"},
    {W, "the lowest since October's finish", "month 2026-10-01..2026-10-31 'October\'s'"},
    /* A month "of" its year. */
    {W, "R 3.0.2 is from Sep of 2013.", "month 2013-09-01..2013-09-30 'from Sep of 2013'"},
    {W, "May of 2013 was dry; the top of 2013", "month 2013-05-01..2013-05-31 'May of 2013'"},
    /* "the next day or so": one unit, give or take. */
    {W, "It should be out in the next day or so.", "day 2026-12-04 'in the next day or so'"},
    {W, "within the next week or two", "day 2026-12-16 'within the next week or two'"},
    {W, "in the next day", ""},
    /* "after" an amount: that far ahead, not in the past tense nor "of". */
    {W, "The files will be removed after roughly 7 days.", "day 2026-12-09 'after roughly 7 days'"},
    {W, "We will decide after 2 weeks", "day 2026-12-16 'after 2 weeks'"},
    {W, "After 3 days of testing it works.", ""},
    {W, "After two weeks it was fixed.", ""},
    {W, "after the 3 days", ""},
    {W, "After a day's work it runs.", ""},
    {W, "the process is killed after 20 min", ""},
    {W, "After about two weeks, patients have a fever.", ""},
    {W, "If you are not satisfied after 30 days, call us.", "day 2027-01-01 'after 30 days'"},
    /* Program output: a directory listing's files, a build's date beside
     * its version or revision, a value R printed, an R sequence in code. */
    {W, "-rw-r--r-- 1 ann staff 1692 6 Apr 15:10 notes.txt", ""},
    {W, "drwxr-xr-x 2 root root 4096 Feb 2 2019 lib", ""},
    {W, "Year Ended December 31, 2026 ---------- ----------", "day 2026-12-31 'December 31, 2026'"},
    {W, "1 root root 16 Feb 2 2019 /usr/lib/x.so -> x.so.4 lrwxrwxrwx.", ""},
    {W, "R version 3.6.1 (2019-07-05) Platform: x86_64", ""},
    {W, "using R Under development (unstable) (2023-11-26 r85638 ucrt)", ""},
    {W, "The meeting (2026-12-10) is set.", "day 2026-12-10 '2026-12-10'"},
    {W, "Before R version 3.2.0 (April 2015) it failed.",
     "month 2015-04-01..2015-04-30 'April 2015'"},
    {W, "dat #> 1 2023-07-06 lapply", ""},
    {W, "#> [1] \"2023-07-06\"", ""},
    {W, "xnam <- paste(\"x\", 1:50, sep=\"\")", ""},
    {W, "x[1:50] and plot(x)", ""},
    {W, "Free: 10:30, 11:30.",
     "moment 2026-12-02T10:30+01:00 '10:30' ; moment 2026-12-02T11:30+01:00 '11:30'"},
    /* The sentence's kind (issue 10, s40): a date of digits alone is a
     * value in code, a program's output or a table; a date word is a date
     * anywhere. */
    {W, "res <- fetch(\"EUR\", from=\"2026-11-02\", to=\"2026-11-30\", cache=TRUE)", ""},
    {W, "x <- fetch(from=\"2026-11-02\"); run it tomorrow", "day 2026-12-03 'tomorrow'"},
    {W, "Use fetch(x) from 2026-12-10 on.", "day 2026-12-10 'from 2026-12-10'"},
    {W,
     "setting value version 4.4.1 os Debian 12.5 system x86_64, linux-gnu collate "
     "en_GB.UTF-8 ctype en_GB.UTF-8 date 2026-11-30",
     ""},
    {W, "We upgraded to R 4.4.1 on x86_64 on 2026-11-30.", "day 2026-11-30 'on 2026-11-30'"},
    {W, "See ann.lee at example.org and x.y.z on 12/10 please", "day 2026-10-12 'on 12/10'"},
    {W, "Packaged: 2026-11-30 14:55:32 UTC", ""},
    {W, "Created: 11/30/26 10:24:53 AM", "moment 2026-11-30T10:24:53+01:00 '11/30/26 10:24:53 AM'"},
    {W, "12/18/2026 Clues that your company is cheap ==========================",
     "day 2026-12-18 '12/18/2026'"},
    {W, "On 9/23/26, 8:45 AM, \"Lee, Ann\" <Ann.Lee at med.upenn.edu> wrote:",
     "moment 2026-09-23T08:45+02:00 'On 9/23/26, 8:45 AM'"},
    {W, "21.11.2026, 21:33, ann.lee at yahoo.de wrote:",
     "moment 2026-11-21T21:33+01:00 '21.11.2026, 21:33'"},
    {W, "2026-11-30 14:46 GMT+01:00 Ann Lee <Ann.Lee at eurac.edu<mailto:Ann.Lee at eurac.edu>>:",
     "moment 2026-11-30T14:46+01:00 '2026-11-30 14:46 GMT'"},
    {W,
     "<li>1/2/27 - 13/2/27 <a href='http://x.org/a' target='_blank' style='color : #ffc; "
     "font-weight : bold'>deal</a>",
     "day 2027-02-13 '13/2/27'"},
    {W, "EOP.SPY.Adjusted on 2026-10-31 (0.6065) = BOP.SPY.Adjusted on 2026-10-31 (0.6)",
     "day 2026-10-31 'on 2026-10-31' ; day 2026-10-31 'on 2026-10-31'"},
    {W, "Mohawk {MHK} was down by 8.6 percent at 11:30 today",
     "moment 2026-12-02T11:30+01:00 'at 11:30 today'"},
    {W, "Sent: Mon, 30 Nov 2026 14:55:32 +0100",
     "moment 2026-11-30T14:55:32+01:00 'Mon, 30 Nov 2026 14:55:32'"},
    {W, "We received your 2026-11-30 21:35:53 application.",
     "moment 2026-11-30T21:35:53+01:00 '2026-11-30 21:35:53'"},
    {W, "[2026-11-30 21:35:53] error: no space left", ""},
    {W, "The build of 2026-11-30 14:55 failed.",
     "moment 2026-11-30T14:55+01:00 '2026-11-30 14:55'"},
    {W, "2026-11-30 4.473272e-05", ""},
    {W, "2026-11-30 0", ""},
    {W, "2026-11-30 2026-12-01", "day 2026-11-30 '2026-11-30' ; day 2026-12-01 '2026-12-01'"},
    {W, "Due 2026-12-10 4 copies", "day 2026-12-10 '2026-12-10'"},
    {W, "Version 1.3-0 (2026-11-30)", ""},
    {W, "Changes in version 0.7-1 (2026-11-30) are listed", ""},
    {W, "Version 2 (2026-11-30) is out.", "day 2026-11-30 '2026-11-30'"},
    {W, "spelling: GitHub (26:13) bathymetric (18:38) shapefiles (23:24, 25:17)", ""},
    {W, "Talk at 18:38 or 23:24 today",
     "moment 2026-12-02T18:38+01:00 'at 18:38' ; moment 2026-12-02T23:24+01:00 '23:24 today'"},
    {W, "the score was 3:1 and we meet at 10:30", "moment 2026-12-02T10:30+01:00 'at 10:30'"},
    {W,
     "NDZ6 NASDAQ 100 Index Dec 2026 1880.00 93.00 +4.94 PBG7 Frozen Pork Bellies Feb 2027 "
     "72.450 1.950 +2.77 CCN6 Cocoa Jul 2026 952 21 +2.26",
     ""},
    {W, "Prices were 3.45, 3.50 and 3.62 in the week, and we hedge through Dec 2026 now.",
     "month 2026-12-01..2026-12-31 'through Dec 2026'"},
    {W, "NDZ6 Index 1880.00 93.00 +4.94 72.450 1.950 +2.77 due 12/10", "day 2026-10-12 '12/10'"},
    {W, "clickz.today.txt is powered by us", ""},
    {W, "Sign up today.Visit us", "day 2026-12-02 'today'"},
    {W, "The lead June 10-year bond rose.", ""},
    {W, "a Dec 3-day course", ""},
    {W, "on June 10-ish", "day 2026-06-10 'on June 10'"},
    {W, "Access to the 5th and 6th floors needs cards.", ""},
    {W, "on the 14th and 15th we are out", "day 2026-12-14 'on the 14th'"},
    {W, "by the 14th and 15th of December",
     "day 2026-12-14 'by the 14th' ; day 2026-12-15 '15th of December'"},
};

/* "B 2026-12-02 10:00 mdy" -> REF (caller unrefs), *TZ, *MDY.  "auto":
 * the text's own order (lu_dates_order), date_order given only with "dmy"
 * or "mdy" beside it. */
static GDateTime *parse_ref(const char *s, GTimeZone **tz, bool *mdy)
{
    int y, mo, d, h, mi;

    *tz = s[0] == 'N' ? newyork : s[0] == 'F' ? fixed : berlin;
    *mdy = strstr(s, "mdy") != NULL;
    if (sscanf(s + 2, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) != 5)
        return NULL;
    return g_date_time_new(*tz, y, mo, d, h, mi, 0);
}

/* "2026-12-03T10:00+01:00" (seconds only when not zero). */
static void fmt_time(GString *s, gint64 t, GTimeZone *tz)
{
    char buf[LU_ISO_LEN];

    lu_iso(t, tz, buf);
    if (memcmp(buf + 16, ":00", 3) == 0)
        memmove(buf + 16, buf + 19, strlen(buf + 19) + 1);
    g_string_append(s, buf);
}

static const char *span_name(enum lu_span s)
{
    static const char *names[] = {"moment", "day", "week", "month", "range"};
    return (unsigned)s < G_N_ELEMENTS(names) ? names[s] : "?";
}

/* One found date in the row format. */
static void fmt_when(GString *s, const struct lu_when *w, const char *text, GTimeZone *tz)
{
    GDateTime *u0 = g_date_time_new_from_unix_utc(w->start);
    GDateTime *u1 = g_date_time_new_from_unix_utc(w->end);
    GDateTime *a = g_date_time_to_timezone(u0, tz), *b = g_date_time_to_timezone(u1, tz);
    bool whole = g_date_time_get_hour(a) == 0 && g_date_time_get_minute(a) == 0 &&
                 g_date_time_get_second(a) == 0 && g_date_time_get_hour(b) == 23 &&
                 g_date_time_get_minute(b) == 59 && g_date_time_get_second(b) == 59 &&
                 w->span != LU_SPAN_MOMENT;
    char *da = g_date_time_format(a, "%Y-%m-%d"), *db = g_date_time_format(b, "%Y-%m-%d");

    g_string_append_printf(s, "%s ", span_name(w->span));
    if (whole && w->span == LU_SPAN_DAY && strcmp(da, db) == 0)
        g_string_append(s, da);
    else if (whole)
        g_string_append_printf(s, "%s..%s", da, db);
    else if (w->span == LU_SPAN_MOMENT && w->start == w->end)
        fmt_time(s, w->start, tz);
    else {
        fmt_time(s, w->start, tz);
        g_string_append(s, "..");
        fmt_time(s, w->end, tz);
    }
    if (w->has_time == whole)
        g_string_append(s, w->has_time ? " !has_time" : " !no_time");
    g_string_append_printf(s, " '%.*s'", w->len, text + w->off);
    g_free(da);
    g_free(db);
    g_date_time_unref(a);
    g_date_time_unref(b);
    g_date_time_unref(u0);
    g_date_time_unref(u1);
}

static void test_rows(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        GTimeZone *tz;
        bool mdy;
        GDateTime *ref = parse_ref(rows[i].ref, &tz, &mdy);
        struct lu_cal cal;
        GArray *found;
        GString *got = g_string_new(NULL);

        lu_cal_init(&cal, tz);
        cal.mdy = mdy;
        if (strstr(rows[i].ref, "auto")) {
            cal.order_set = mdy || strstr(rows[i].ref, "dmy");
            cal.mdy = lu_dates_order(rows[i].text, ref, &cal);
        }
        found = lu_dates_find(rows[i].text, ref, &cal);
        for (guint k = 0; k < found->len; k++) {
            if (k)
                g_string_append(got, " ; ");
            fmt_when(got, &g_array_index(found, struct lu_when, k), rows[i].text, tz);
        }
        is_str(got->str, rows[i].want, "[%s] %s", rows[i].ref, rows[i].text);
        g_array_unref(found);
        g_string_free(got, TRUE);
        g_date_time_unref(ref);
    }
}

/* lu_when_parse: the whole argument is one WHEN. */
static const struct row cli_rows[] = {
    {W, "3d", "moment 2026-12-05T10:00+01:00"},
    {W, "+3d", "moment 2026-12-05T10:00+01:00"},
    {W, "2w", "moment 2026-12-16T10:00+01:00"},
    {W, "4h", "moment 2026-12-02T14:00+01:00"},
    {W, "30m", "moment 2026-12-02T10:30+01:00"},
    {W, "tue", "day 2026-12-08"},
    {W, "sat", "day 2026-12-05"},
    {W, "2026-12-03", "day 2026-12-03"},
    {W, "2026-12-03 14:00", "moment 2026-12-03T14:00+01:00"},
    {W, "2026-12-03T14:00", "moment 2026-12-03T14:00+01:00"},
    {W, "2026-12-03T14:00:00+00:00", "moment 2026-12-03T15:00+01:00"},
    {W, "tomorrow 10am", "moment 2026-12-03T10:00+01:00"},
    {W, "next week", "week 2026-12-07..2026-12-13"},
    {W, "next friday", "day 2026-12-11"},
    {W, "eod", "moment 2026-12-02T17:00+01:00"},
    {W, "december", "month 2026-12-01..2026-12-31"},
    {"B 2026-03-27 10:00", "2d", "moment 2026-03-29T10:00+02:00"},
    {W, "1mo", "moment 2027-01-02T10:00+01:00"},
    {W, "3 days", "day 2026-12-05"},
    {W, "next tue 3pm", "moment 2026-12-08T15:00+01:00"},
    {W, "friday eod", "moment 2026-12-04T17:00+01:00"},
    {W, "2026-12-03 14:00:00", "moment 2026-12-03T14:00+01:00"},
    {W, "blah", ""},
    {W, "3x", ""},
    {W, "2026-13-45", ""},
    {W, "", ""},
    {W, "tuesday blah", ""},
    {W, "10 files", ""},
};

static void test_cli(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(cli_rows); i++) {
        GTimeZone *tz;
        bool mdy;
        GDateTime *ref = parse_ref(cli_rows[i].ref, &tz, &mdy);
        struct lu_cal cal;
        struct lu_when w;
        GString *got = g_string_new(NULL);
        char *q;

        lu_cal_init(&cal, tz);
        if (lu_when_parse(cli_rows[i].text, ref, &cal, &w) == 0) {
            fmt_when(got, &w, cli_rows[i].text, tz);
            /* The row format's quoted phrase is the whole argument here. */
            q = strstr(got->str, " '");
            if (q)
                g_string_truncate(got, (gsize)(q - got->str));
        }
        is_str(got->str, cli_rows[i].want, "when_parse [%s] '%s'", cli_rows[i].ref,
               cli_rows[i].text);
        g_string_free(got, TRUE);
        g_date_time_unref(ref);
    }
}

/* The dates found in TEXT at REF "2026-12-02 10:00" Berlin with CAL, as rows. */
static char *find_fmt(const char *text, const struct lu_cal *cal)
{
    GDateTime *ref = g_date_time_new(berlin, 2026, 12, 2, 10, 0, 0);
    GArray *found = lu_dates_find(text, ref, cal);
    GString *got = g_string_new(NULL);

    for (guint k = 0; k < found->len; k++) {
        if (k)
            g_string_append(got, " ; ");
        fmt_when(got, &g_array_index(found, struct lu_when, k), text, berlin);
    }
    g_array_unref(found);
    g_date_time_unref(ref);
    return g_string_free(got, FALSE);
}

static void test_calendar(void)
{
    struct lu_cal cal;
    GArray *hol = g_array_new(FALSE, FALSE, sizeof(guint32));
    GDate d;
    char *got;

    /* Working hours decide "end of day" and "afternoon". */
    lu_cal_init(&cal, berlin);
    cal.work_start = 8 * 60;
    cal.work_end = 18 * 60 + 30;
    got = find_fmt("by COB", &cal);
    is_str(got, "moment 2026-12-02T18:30+01:00 'by COB'", "COB is the configured end of work");
    g_free(got);
    got = find_fmt("tomorrow morning", &cal);
    is_str(got, "range 2026-12-03T08:00+01:00..2026-12-03T12:00+01:00 'tomorrow morning'",
           "morning starts at the configured start of work");
    g_free(got);

    /* A Sunday-to-Thursday week: the end of the week is Thursday. */
    lu_cal_init(&cal, berlin);
    cal.days = (1 << 7) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4);
    got = find_fmt("end of the week", &cal);
    is_str(got, "day 2026-12-03 'end of the week'", "end of week follows business days");
    g_free(got);

    /* Holidays are not business days. */
    lu_cal_init(&cal, berlin);
    g_date_clear(&d, 1);
    g_date_set_dmy(&d, 3, 12, 2026);
    guint32 jd = g_date_get_julian(&d);
    g_array_append_val(hol, jd);
    cal.holidays = hol;
    got = find_fmt("within 2 business days", &cal);
    is_str(got, "day 2026-12-07 'within 2 business days'", "business days skip holidays");
    g_free(got);
    g_date_set_dmy(&d, 31, 12, 2026);
    jd = g_date_get_julian(&d);
    g_array_append_val(hol, jd);
    got = find_fmt("end of the month", &cal);
    is_str(got, "day 2026-12-30 'end of the month'", "end of month skips a holiday");
    g_free(got);
    g_array_unref(hol);
}

static void test_api(void)
{
    struct lu_cal cal;
    GDateTime *ref = g_date_time_new(berlin, 2026, 12, 2, 10, 0, 0);
    GArray *a;
    GString *long_text = g_string_new(NULL);
    const char *utf = "Wir sehen uns übermorgen, ça va?";
    struct lu_when w;

    lu_cal_init(&cal, berlin);
    a = lu_dates_find(NULL, ref, &cal);
    ok(a && a->len == 0, "NULL text: an empty array");
    g_array_unref(a);
    a = lu_dates_find("", ref, &cal);
    ok(a && a->len == 0, "empty text: an empty array");
    g_array_unref(a);

    /* Long texts use heap buffers; offsets stay byte offsets. */
    for (int i = 0; i < 200; i++)
        g_string_append(long_text, "Nothing to see here, 10 files and a version 2.0.1. ");
    g_string_append(long_text, "Please reply by Friday at 10.");
    a = lu_dates_find(long_text->str, ref, &cal);
    is_int(a->len, 1, "a long text: one date");
    if (a->len == 1) {
        const struct lu_when *x = &g_array_index(a, struct lu_when, 0);
        is_int(x->off, (long long)(strstr(long_text->str, "by Friday") - long_text->str),
               "a long text: the offset is right");
        is_int(x->len, 15, "a long text: the length is right");
        ok(x->has_time && x->span == LU_SPAN_MOMENT, "a long text: Friday at 10 is a moment");
    }
    g_array_unref(a);
    g_string_free(long_text, TRUE);

    /* UTF-8 before the phrase. */
    a = lu_dates_find(utf, ref, &cal);
    is_int(a->len, 1, "UTF-8 text: one date");
    if (a->len == 1)
        is_int(g_array_index(a, struct lu_when, 0).off,
               (long long)(strstr(utf, "übermorgen") - utf), "UTF-8 text: byte offset");
    g_array_unref(a);

    /* Several dates come in text order, none overlapping. */
    a = lu_dates_find("Tomorrow or Friday, else next week, 3 December or 2026-12-10.", ref, &cal);
    is_int(a->len, 5, "five dates");
    for (guint i = 1; i < a->len; i++) {
        const struct lu_when *x = &g_array_index(a, struct lu_when, i - 1);
        const struct lu_when *y = &g_array_index(a, struct lu_when, i);
        ok(x->off + x->len <= y->off, "date %u after date %u", i, i - 1);
    }
    g_array_unref(a);

    /* A period back to now is marked past: nothing falls due by it. */
    a = lu_dates_find("Over the last 2 weeks I did it; I'll send it in 2 weeks.", ref, &cal);
    is_int(a->len, 2, "a past period and a date");
    if (a->len == 2) {
        ok(g_array_index(a, struct lu_when, 0).past, "the last 2 weeks: past");
        ok(!g_array_index(a, struct lu_when, 1).past, "in 2 weeks: not past");
    }
    g_array_unref(a);

    /* lu_when_parse fails without touching nothing else; NULLs are errors. */
    is_int(lu_when_parse(NULL, ref, &cal, &w), -1, "when_parse(NULL)");
    is_int(lu_when_parse("tue", NULL, &cal, &w), -1, "when_parse without REF");
    is_int(lu_when_parse("  tue  ", ref, &cal, &w), 0, "when_parse ignores surrounding blanks");
    g_date_time_unref(ref);
}

int main(void)
{
    berlin = g_time_zone_new_identifier("Europe/Berlin");
    newyork = g_time_zone_new_identifier("America/New_York");
    fixed = g_time_zone_new_offset(3600);
    if (!berlin || !newyork) {
        return tap_skip_all("time zone data (tzdata) is not installed");
    }
    test_rows();
    test_cli();
    test_calendar();
    test_api();
    g_time_zone_unref(berlin);
    g_time_zone_unref(newyork);
    g_time_zone_unref(fixed);
    return tap_done();
}
