/* config-test.c - config.c on files a user (or a fuzzer) may write: each
 * loads or is refused with EX_CONFIG, never crashes.  Inputs found by
 * tests/fuzz/fuzz-config are written here as bytes. */
#include "leadup.h"
#include "tap.h"

#include <sysexits.h>
#include <unistd.h>

static char *path;

/* Loads a config file holding LEN bytes of DATA; returns lu_config_load's code. */
static int load(const char *data, gsize len, struct lu_config *c)
{
    if (!g_file_set_contents(path, data, (gssize)len, NULL))
        return -1;
    return lu_config_load(c, path);
}

static void test_not_utf8(void)
{
    /* Invalid UTF-8 in a list value: g_regex_split_simple gave NULL and
     * every command crashed on start (found by fuzz-config). */
    static const char *const cases[] = {
        "[identity]\naddresses = me\xff@x.example\n",
        "[identity]\ndomains = \xc3\n",
        "[time]\nbusiness_days = sun-thu\xff\n",
        "[time]\nholidays = 2026-12-24;\xfe\n",
        "[scan]\nlist_ids = dev\x80\n",
        "[scan]\nnoreply = robot\xed\xa0\x80\n",
        "[identity]\nname = M\xe9 Myself\n",
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        struct lu_config c;
        int ret = load(cases[i], strlen(cases[i]), &c);
        is_int(ret, EX_CONFIG, "invalid UTF-8 is refused with EX_CONFIG (case %u)", i);
        lu_config_clear(&c);
    }
}

static void test_good(void)
{
    static const char good[] = "[identity]\naddresses = me@x.example; me@y.example,\n"
                               "name = Zoë\n[time]\nbusiness_days = sun-thu\n";
    struct lu_config c;

    is_int(load(good, sizeof good - 1, &c), 0, "a valid file loads");
    ok(c.addresses && g_strv_length(c.addresses) == 2, "its list has two addresses");
    is_str(c.addresses ? c.addresses[1] : NULL, "me@y.example", "trimmed, empty items dropped");
    is_str(c.name, "Zoë", "UTF-8 names are kept");
    lu_config_clear(&c);
}

int main(void)
{
    int fd = g_file_open_tmp("leadup-config-test.XXXXXX", &path, NULL);

    if (fd < 0)
        return 1;
    close(fd);
    lu_quiet = true;
    test_not_utf8();
    test_good();
    unlink(path);
    g_free(path);
    return tap_done();
}
