/* fuzz-config.c - the config parser (config.c) on any file: it must load or
 * refuse with EX_CONFIG, never crash.  The input goes to a temporary file
 * because lu_config_load reads a path. */
#include "fuzz.h"

#include <sysexits.h>
#include <unistd.h>

static char *fz_path;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lu_config c;
    int ret;

    fz_init();
    if (!fz_path) {
        int fd = g_file_open_tmp("leadup-fuzz-config.XXXXXX", &fz_path, NULL);
        if (fd < 0)
            abort();
        close(fd);
    }
    if (!g_file_set_contents(fz_path, (const char *)data, size, NULL))
        abort();
    ret = lu_config_load(&c, fz_path);
    if (ret != 0 && ret != EX_CONFIG)
        abort();
    lu_config_clear(&c);
    return 0;
}
