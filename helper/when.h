/* when.h - reading a decision's WHEN on the command line (when.c).
 * Declared here, not in leadup.h, whose text is part of the sentence
 * analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_WHEN_H
#define LU_WHEN_H
#include "leadup.h"

/* A duration ARG as lu_when_parse reads it: "3d", "+2w", "4h", "30m",
 * "45min", "1mo" (1 to 4 ASCII digits, the unit in any case), into OUT
 * exactly as lu_when_parse fills it.  Returns 0, or -1 when ARG is not
 * such a duration (OUT untouched; lu_when_parse decides). */
int lu_when_duration(const char *arg, GDateTime *ref, struct lu_when *out);

/* ARG read by lu_when_duration, else by lu_when_parse: lu_when_parse's
 * answer without building its word table (0.7 M instructions, a
 * decision's 4%) for the WHEN most decisions take. */
int lu_when_read(const char *arg, GDateTime *ref, const struct lu_cal *cal, struct lu_when *out);

#endif
