/* fileid.c - a message file's identity as the analysis cache keys it
 * (fileid.h; pure).  tests/unit/fileid-test compares it with printf's. */
#include "fileid.h"

#include <glib.h>
#include <stdint.h>

/* V in decimal at P; returns the end. */
static char *put_u(char *p, uintmax_t v)
{
    char tmp[24];
    int n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

/* V in decimal at P, a minus first when negative; returns the end. */
static char *put_d(char *p, intmax_t v)
{
    if (v >= 0)
        return put_u(p, (uintmax_t)v);
    *p++ = '-';
    return put_u(p, -(uintmax_t)v);
}

char *lu_file_identity_of(const struct stat *sb)
{
    char buf[4 * 24 + 16], *p = buf;
    long ns = (long)sb->st_mtim.tv_nsec;

    /* The kernel gives 0 to 999,999,999; anything else as printf pads it. */
    if (ns < 0 || ns > 999999999)
        return g_strdup_printf(LU_FILE_ID_FMT, (uintmax_t)sb->st_dev, (uintmax_t)sb->st_ino,
                               (intmax_t)sb->st_size, (intmax_t)sb->st_mtim.tv_sec, ns);
    p = put_u(p, (uintmax_t)sb->st_dev);
    *p++ = ':';
    p = put_u(p, (uintmax_t)sb->st_ino);
    *p++ = ':';
    p = put_d(p, (intmax_t)sb->st_size);
    *p++ = ':';
    p = put_d(p, (intmax_t)sb->st_mtim.tv_sec);
    *p++ = '.';
    for (int i = 8; i >= 0; i--, ns /= 10)
        p[i] = (char)('0' + ns % 10);
    p += 9;
    return g_strndup(buf, (gsize)(p - buf));
}
