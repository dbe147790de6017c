/* fileid-test.c - a file's identity written by hand (fileid.c) is the
 * text printf gives it, over the ends of each field's range and a spread
 * of values between (the analysis cache's rows are keyed by that text). */
#include "fileid.h"
#include "leadup.h"
#include "tap.h"

#include <stdint.h>

static char *by_printf(const struct stat *sb)
{
    return g_strdup_printf(LU_FILE_ID_FMT, (uintmax_t)sb->st_dev, (uintmax_t)sb->st_ino,
                           (intmax_t)sb->st_size, (intmax_t)sb->st_mtim.tv_sec,
                           (long)sb->st_mtim.tv_nsec);
}

/* Whether SB's identity is printf's; the first difference shown. */
static int same(const struct stat *sb, int *shown)
{
    char *want = by_printf(sb), *got = lu_file_identity_of(sb);
    int eq = strcmp(want, got) == 0;

    if (!eq && (*shown)++ == 0)
        printf("# got '%s', printf's '%s'\n", got, want);
    g_free(want);
    g_free(got);
    return eq;
}

int main(void)
{
    static const long ns[] = {0, 1, 9, 10, 999999999, 123456789, 100000000, 5000};
    struct stat sb;
    GRand *r = g_rand_new_with_seed(40);
    int bad = 0, shown = 0;
    char *s;

    memset(&sb, 0, sizeof sb);
    sb.st_dev = 2049;
    sb.st_ino = 1234567;
    sb.st_size = 4321;
    sb.st_mtim.tv_sec = 1795424400;
    sb.st_mtim.tv_nsec = 5;
    s = lu_file_identity_of(&sb);
    is_str(s, "2049:1234567:4321:1795424400.000000005", "a file: nanoseconds padded to nine");
    g_free(s);
    sb.st_dev = (dev_t)-1;
    sb.st_ino = (ino_t)-1;
    sb.st_size = (off_t)INT64_MAX;
    for (gsize i = 0; i < G_N_ELEMENTS(ns); i++) {
        sb.st_mtim.tv_nsec = ns[i];
        bad += !same(&sb, &shown);
    }
    is_int(bad, 0, "the largest device, inode and size, nanoseconds at their ends");
    bad = 0;
    sb.st_size = -1;
    sb.st_mtim.tv_sec = -1;
    bad += !same(&sb, &shown);
    sb.st_size = (off_t)((uintmax_t)1 << 63);
    sb.st_mtim.tv_sec = (time_t)((uintmax_t)1 << 63);
    bad += !same(&sb, &shown);
    sb.st_mtim.tv_nsec = -3; /* no kernel gives it: printf's text, as before */
    bad += !same(&sb, &shown);
    sb.st_mtim.tv_nsec = 1000000000;
    bad += !same(&sb, &shown);
    is_int(bad, 0, "negative and the most negative size and time, nanoseconds out of range");
    bad = 0;
    for (int i = 0; i < 200000; i++) {
        int digits = g_rand_int_range(r, 0, 20);
        guint64 v = ((guint64)g_rand_int(r) << 32 | g_rand_int(r)) >> g_rand_int_range(r, 0, 64);
        sb.st_dev = (dev_t)(v >> (i % 7));
        sb.st_ino = (ino_t)(v % 1000003 * (guint64)digits);
        sb.st_size = (off_t)(i % 3 ? (gint64)(v >> 1) : -(gint64)(v >> 2));
        sb.st_mtim.tv_sec = (time_t)(i % 5 ? (gint64)(v >> 3) : -(gint64)(v >> 5));
        sb.st_mtim.tv_nsec = g_rand_int_range(r, 0, 1000000000);
        bad += !same(&sb, &shown);
    }
    ok(bad == 0, "200,000 identities of every width (%d differ)", bad);
    g_rand_free(r);
    return tap_done();
}
