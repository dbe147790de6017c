/* tap.h - the smallest TAP producer for leadup's C unit tests.
 *
 *   ok(cond, "name %d", i);  is_str(got, want, "name");  is_int(got, want, "name");
 *   return tap_done();       prints the plan and returns the exit status
 *   return tap_skip_all("no tzdata");  a missing prerequisite (fails under CI=true)
 */
#ifndef LU_TAP_H
#define LU_TAP_H
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static void tap_vreport(int pass, const char *fmt, va_list ap)
{
    printf("%s %d - ", pass ? "ok" : "not ok", ++tap_n);
    vprintf(fmt, ap);
    putchar('\n');
    if (!pass)
        tap_failed++;
}

static int ok(int pass, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int ok(int pass, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vreport(pass, fmt, ap);
    va_end(ap);
    return pass;
}

static int is_str(const char *got, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int is_str(const char *got, const char *want, const char *fmt, ...)
{
    int pass = (got == NULL && want == NULL) || (got && want && strcmp(got, want) == 0);
    va_list ap;
    va_start(ap, fmt);
    tap_vreport(pass, fmt, ap);
    va_end(ap);
    if (!pass)
        printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
    return pass;
}

static int is_int(long long got, long long want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int is_int(long long got, long long want, const char *fmt, ...)
{
    int pass = got == want;
    va_list ap;
    va_start(ap, fmt);
    tap_vreport(pass, fmt, ap);
    va_end(ap);
    if (!pass)
        printf("#   got:  %lld\n#   want: %lld\n", got, want);
    return pass;
}

static int tap_done(void)
{
    printf("1..%d\n", tap_n);
    fflush(stdout);
    return tap_failed ? 1 : 0;
}

/* A missing prerequisite skips the program, except under CI=true or with
 * LEADUP_TEST_REQUIRE_PREREQ set, where it fails (as skip_all in lib.sh). */
static inline int tap_skip_all(const char *reason)
{
    const char *ci = getenv("CI"), *req = getenv("LEADUP_TEST_REQUIRE_PREREQ");

    if ((ci && strcmp(ci, "true") == 0) || (req && *req)) {
        printf("Bail out! required prerequisite missing: %s\n", reason);
        return 1;
    }
    printf("1..0 # SKIP %s\n", reason);
    return 0;
}

#endif
