/* intent-model.h - the weights of classify.c's "actionable" vote, as
 * scripts/train-intent writes them into intent-model.c: private to the two
 * (and to train-intent, which includes classify.c). */
#ifndef LU_INTENT_MODEL_H
#define LU_INTENT_MODEL_H

/* A cue's or a word's weight: NAME is classify.c's cue name, or "w:" and
 * a lexicon word or pair (a_b). */
struct lu_intent_weight {
    const char *name;
    double w;
};

extern const struct lu_intent_weight lu_intent_weights[];
extern const int lu_intent_n_weights;
extern const double lu_intent_bias;

#endif
