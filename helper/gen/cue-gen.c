/* cue-gen - writes helper/cue-table.h on standard output: every language
 * pack's cue patterns and the word table they name, compiled by cue.c
 * (built here with LU_CUE_NO_TABLE), as C data that leadup holds compiled
 * in, so that no command compiles them at start (issue 14).  make runs it;
 * nothing else should. */
#include "leadup.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    char *src = lu_cue_table_source();
    int ret = 0;

    if (!*src || fputs(src, stdout) == EOF || fflush(stdout) == EOF) {
        fprintf(stderr, "cue-gen: %s\n", *src ? strerror(errno) : "built with a table");
        ret = 1;
    }
    g_free(src);
    return ret;
}
