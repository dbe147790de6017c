/* timefmt.h - the time leadup's listings print, "Mon 23 Nov 2026 08:00"
 * (timefmt.c).  Declared here, not in leadup.h, whose text is part of the
 * sentence analysis's digest (Makefile SENSE_SRCS). */
#ifndef LU_TIMEFMT_H
#define LU_TIMEFMT_H
#include "leadup.h"

/* The format of LU_MINUTE_FMT: what lu_format_time gives for it. */
#define LU_MINUTE_FMT "%a %-d %b %Y %H:%M"

/* T in zone TZ as lu_format_time(T, TZ, LU_MINUTE_FMT) gives it (the C
 * locale's names: leadup sets no locale), made by hand for the years
 * 1970 to 9998, through GLib otherwise.  Caller frees. */
char *lu_format_minute(gint64 t, GTimeZone *tz);
/* Room for lu_format_minute_in's text. */
#define LU_MINUTE_LEN 64
/* T as lu_format_minute gives it, without the year when it is NOW's in TZ
 * (NOW < 0: always with it; a reason's "Mon 16 Nov 14:03"), into BUF
 * (LU_MINUTE_LEN bytes), which it returns: no allocation. */
const char *lu_format_minute_in(char *buf, gint64 t, GTimeZone *tz, gint64 now);

#endif
