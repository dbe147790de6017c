/* no-msgmodel.h - included by a unit test of the rules' "expects a reply"
 * (classify-test.c, model-ask-test.c): no learned per-message model, so
 * that expects_reply is the rules' verdict, as it was before the model
 * decided it (s43-scanmodel).  Defining every symbol of
 * helper/message-model.c keeps the linker from taking the shipped weights
 * from the library (lu_msgm_n_weights 0: lu_msgm_probability returns -1).
 * The model itself: msgmodel-test.c (t333); in the scan: t338. */
#ifndef LU_NO_MSGMODEL_H
#define LU_NO_MSGMODEL_H
const double lu_msgm_bias = 0;
const double lu_msgm_reply_weight = 0;
const double lu_msgm_threshold = 1;
const int lu_msgm_n_weights = 0;
const struct lu_msgm_weight lu_msgm_weights[] = {{0u, 0.0f}};
#endif
