/* said.h - quotes without markers, given the sentences the analysis split.
 *
 * Declared here, not in leadup.h: leadup.h is one of the sentence
 * analysis's sources (SENSE_SRCS), so a line added there would have every
 * user analyse every text again after upgrading, for a change that leaves
 * every analysis as it was (issue 14, s33-first). */
#ifndef LU_SAID_H
#define LU_SAID_H

#include "leadup.h"

/* lu_said_add, TEXT's sentences taken from AN (TEXT's analysis: its
 * sentences are lu_sentences_split(TEXT)'s, in order) instead of splitting
 * TEXT again; AN NULL splits.  A thread's earlier messages were split once
 * by their analysis already (issue 14: the second split was 3% of a first
 * full scan). */
void lu_said_add_split(struct lu_said *s, const char *text, const struct lu_analysis *an, int index,
                       int author);

/* lu_thread_unquote, each message's sentences as written taken from ANS:
 * ANS[i] (NULL, or ANS itself NULL: split again) is the analysis of
 * MSGS[i]'s text as it reaches the comparison (body->text, not yet
 * compared). */
void lu_thread_unquote_split(GPtrArray *msgs, GPtrArray *ans);

/* The folded sentences kept with a message's text (issue 14): a record of
 * TEXT's sentences of LU_SAID_MIN_WORDS words or more as the comparison
 * folds them, under lu_said_analyser (the digest of what splits and folds
 * them) and TEXT's own hash and length, so that a record made of another
 * text, or by other code, is never taken.  An incremental scan keeps each
 * in the analysis cache's row (its said column), and the comparison of
 * the thread's earlier messages then neither splits nor folds them.
 *
 * GET (may be NULL) gives M's record as kept (borrowed; may be stale: it
 * is checked), or NULL; MADE is given the record of M's TEXT made now
 * (taken), to keep.  Per thread of the program: set by the scan's main
 * thread around its walk (the workers compare without records); NULL
 * folds every text as before. */
struct lu_said_keep {
    GBytes *(*get)(const struct lu_msg *m, void *data);
    void (*made)(const struct lu_msg *m, GBytes *rec, void *data);
    void *data;
};
extern _Thread_local const struct lu_said_keep *lu_said_keep;

/* The digest of the sources the records depend on (analyser.c). */
extern const char lu_said_analyser[];

/* lu_said_add_split for M (the writer of TEXT), its sentences taken from
 * M's kept record when it is TEXT's (lu_said_keep), else split (or AN's)
 * and folded, and the record made given to lu_said_keep->made.  NEXT: the
 * text is unquoted next (lu_said_unquote): split and folded, as those
 * keys serve it too. */
void lu_said_add_msg(struct lu_said *s, const struct lu_msg *m, const char *text,
                     const struct lu_analysis *an, int index, int author, bool next);

/* Whether REC is a record of TEXT made by this build (lu_said_add_msg). */
bool lu_said_record_is(GBytes *rec, const char *text);

/* How many texts said.c split into sentences itself, every thread's
 * (LEADUP_DEBUG_COUNTS: a first full scan's workers split none). */
extern guint64 lu_said_splits;

/* Whether SUBJECT opens with a reply or forward prefix ("Re:", "FW:", after
 * any [list] tag): a message that answers or passes something on, not one
 * that starts a conversation of its own under a subject used before
 * (thread.c; declared here, beside thread.c's other helper the scan uses,
 * for the reason above: not in leadup.h). */
bool lu_subject_has_prefix(const char *subject);
/* Whether M, mine, is a reply whose threading broke (a reply or forward
 * prefix, no In-Reply-To nor References): the mark of a mailbox that
 * threads every message apart, where my later such message under the same
 * subject carries the conversation on (thread.c continued_elsewhere, scan.c
 * find_elsewhere). */
bool lu_msg_unthreaded_reply(const struct lu_msg *m);

#endif
