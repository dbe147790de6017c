/* sm-model.h - the learned sentence model's table, as features.c reads it
 * and scripts/train-intent writes it (helper/sentence-model.c), for the
 * unit tests that define a model of their own (model-ask-test,
 * model-commit-test): defining lu_sm_models keeps the linker from taking
 * the shipped one from the library. */
#ifndef LU_TEST_SM_MODEL_H
#define LU_TEST_SM_MODEL_H

#include <glib.h>

struct lu_sm_weight {
    guint32 bucket;
    float w;
};
struct lu_sm_model {
    unsigned label;
    double bias;
    double rule;
    const struct lu_sm_weight *w;
    int n;
    int replace;
};
/* A test whose table is filled at run time (model-inter-test) defines
 * LU_TEST_SM_MODEL_OWN and its own lu_sm_models, not const. */
#ifndef LU_TEST_SM_MODEL_OWN
extern const struct lu_sm_model lu_sm_models[];
#endif
extern const int lu_sm_n_models;
extern const unsigned lu_sm_features; /* LU_SM_FEAT_* */

#endif
