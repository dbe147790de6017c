/* config.c - leadup's own settings, read with GKeyFile.
 *
 * The file is optional: every key has a default, and notmuch's user.* keys
 * already say who "me" is.  Unknown keys are warned about (typos would
 * otherwise be silent); bad values are errors. */
#include "leadup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct key {
    const char *group, *key;
};

static const struct key known[] = {
    {"identity", "addresses"}, {"identity", "domains"},   {"identity", "name"},
    {"time", "timezone"},      {"time", "business_days"}, {"time", "work_hours"},
    {"time", "date_order"},    {"time", "holidays"},      {"scan", "lists"},
    {"scan", "list_ids"},      {"scan", "noreply"},       {"scan", "unthreaded_days"},
    {"scan", "lock_wait"},     {"scan", "horizon"},       {"scan", "drafts"},
    {"awaiting", "first"},     {"awaiting", "interval"},  {"awaiting", "max"},
    {"needs-reply", "delay"},  {"no-next-step", "quiet"}, {"draft", "quote"},
    {"draft", "keep_cc"},      {"draft", "templates"},    {"draft", "language"},
};

/* Where clients keep unsent mail: Mutt's $postponed, Maildir++ and IMAP
 * layouts, Gmail, and the names in the languages leadup drafts in. */
static const char *const default_drafts[] = {
    "Drafts",    "INBOX.Drafts",    "INBOX/Drafts", "[Gmail]/Drafts", "[Google Mail]/Drafts",
    "postponed", "Entw\xc3\xbcrfe", "Brouillons",   "Borradores",     NULL,
};

bool lu_folder_is_drafts(const char *folder, char *const *drafts)
{
    char *f = g_utf8_casefold(folder ? folder : "", -1);
    bool hit = false;

    for (int i = 0; drafts && drafts[i] && !hit; i++) {
        char *d = g_utf8_casefold(drafts[i], -1);
        size_t fl = strlen(f), dl = strlen(d);
        /* The folder itself, or its last part: "work/Drafts", ".Drafts",
         * "INBOX.Drafts" (Maildir++ separates with dots). */
        hit = dl && fl >= dl && strcmp(f + fl - dl, d) == 0 &&
              (fl == dl || f[fl - dl - 1] == '/' || f[fl - dl - 1] == '.');
        g_free(d);
    }
    g_free(f);
    return hit;
}

static char *xdg_dir(const char *env, const char *fallback)
{
    const char *base = g_getenv(env);

    if (base && *base == '/')
        return g_build_filename(base, "leadup", NULL);
    return g_build_filename(g_get_home_dir(), fallback, "leadup", NULL);
}

char *lu_data_dir(void)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *lu_config_dir(void)
{
    return xdg_dir("XDG_CONFIG_HOME", ".config");
}

/* A list value: separated by ';' or ',', items trimmed, empty ones dropped.
 * Returns a NULL-terminated vector (caller frees with g_strfreev), or NULL. */
static char **get_list(GKeyFile *kf, const char *group, const char *key)
{
    char *v = g_key_file_get_value(kf, group, key, NULL);
    GPtrArray *out;
    char **parts;

    if (!v)
        return NULL;
    out = g_ptr_array_new();
    parts = g_regex_split_simple("[;,]", v, 0, 0);
    for (int i = 0; parts[i]; i++) {
        g_strstrip(parts[i]);
        if (*parts[i])
            g_ptr_array_add(out, g_strdup(parts[i]));
    }
    g_ptr_array_add(out, NULL);
    g_strfreev(parts);
    g_free(v);
    return (char **)g_ptr_array_free(out, FALSE);
}

static int get_int(struct lu_config *c, const char *group, const char *key, int lo, int hi,
                   int *out)
{
    char *v = g_key_file_get_value(c->kf, group, key, NULL);
    char *end;
    long n;
    int ret = 0;

    if (!v)
        goto out;
    g_strstrip(v);
    errno = 0;
    n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi) {
        ret = lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want a number from %d to %d)",
                       c->path, group, key, v, lo, hi);
        goto out;
    }
    *out = (int)n;
out:
    g_free(v);
    return ret;
}

static int get_bool(struct lu_config *c, const char *group, const char *key, bool *out)
{
    char *v = g_key_file_get_value(c->kf, group, key, NULL);
    int ret = 0;

    if (!v)
        goto out;
    g_strstrip(v);
    lu_strlower(v);
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
        *out = true;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
        *out = false;
    else
        ret = lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want true or false)", c->path,
                       group, key, v);
out:
    g_free(v);
    return ret;
}

static int weekday_of(const char *s)
{
    static const char *names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    for (int i = 0; i < 7; i++)
        if (g_ascii_strncasecmp(s, names[i], 3) == 0)
            return i + 1;
    return 0;
}

/* "Mon;Tue;Wed" or "Mon-Fri" or "Sun-Thu" into the lu_cal bit mask. */
static int parse_days(struct lu_config *c, unsigned *out)
{
    char **items = get_list(c->kf, "time", "business_days");
    unsigned days = 0;
    int ret = 0;

    if (!items)
        goto out;
    for (int i = 0; items[i]; i++) {
        char *dash = strchr(items[i], '-');
        int a, b;

        if (dash) {
            *dash = '\0';
            a = weekday_of(g_strstrip(items[i]));
            b = weekday_of(g_strstrip(dash + 1));
        } else {
            a = b = weekday_of(items[i]);
        }
        if (!a || !b) {
            ret = lu_error(EX_CONFIG, "%s: bad day in [time] business_days: '%s' (want Mon..Sun)",
                           c->path, items[i]);
            goto out;
        }
        for (int d = a;; d = d % 7 + 1) {
            days |= 1u << d;
            if (d == b)
                break;
        }
    }
    if (!days) {
        ret = lu_error(EX_CONFIG, "%s: [time] business_days names no day", c->path);
        goto out;
    }
    *out = days;
out:
    g_strfreev(items);
    return ret;
}

static int parse_hours(struct lu_config *c)
{
    char *v = g_key_file_get_value(c->kf, "time", "work_hours", NULL);
    int h1, m1, h2, m2, n = 0, ret = 0;

    if (!v)
        goto out;
    g_strstrip(v);
    if (sscanf(v, "%d:%d-%d:%d%n", &h1, &m1, &h2, &m2, &n) != 4 || v[n] || h1 < 0 || h1 > 23 ||
        m1 < 0 || m1 > 59 || h2 < 0 || h2 > 24 || m2 < 0 || m2 > 59 ||
        h1 * 60 + m1 >= h2 * 60 + m2) {
        ret =
            lu_error(EX_CONFIG, "%s: bad value for [time] work_hours: '%s' (want e.g. 09:00-17:00)",
                     c->path, v);
        goto out;
    }
    c->cal.work_start = h1 * 60 + m1;
    c->cal.work_end = h2 * 60 + m2;
out:
    g_free(v);
    return ret;
}

static int parse_time(struct lu_config *c)
{
    char *zone_name = g_key_file_get_value(c->kf, "time", "timezone", NULL);
    char *order = NULL;
    char **hol = NULL;
    int ret = 0;

    if (zone_name) {
        g_strstrip(zone_name);
        c->tz = g_time_zone_new_identifier(zone_name);
        if (!c->tz) {
            ret = lu_error(EX_CONFIG, "%s: unknown [time] timezone '%s'", c->path, zone_name);
            goto out;
        }
    } else {
        const char *env = g_getenv("TZ");
        c->tz = env && *env ? g_time_zone_new_identifier(env) : NULL;
        /* An empty TZ is UTC (POSIX); a name no zone has would silently be
         * UTC too, and every time leadup shows or reads off by hours. */
        if (!c->tz && env && *env) {
            char *dir = lu_config_dir(), *path = g_build_filename(dir, "config", NULL);
            lu_warning("TZ '%s' is no time zone known here: times are in UTC; set TZ to a zone "
                       "name such as Europe/Paris, or [time] timezone in '%s'",
                       env, c->path ? c->path : path);
            g_free(path);
            g_free(dir);
        }
        if (!c->tz)
            c->tz = g_time_zone_new_local();
    }
    lu_cal_init(&c->cal, c->tz);
    ret = parse_days(c, &c->cal.days);
    if (ret)
        goto out;
    ret = parse_hours(c);
    if (ret)
        goto out;
    order = g_key_file_get_value(c->kf, "time", "date_order", NULL);
    if (order) {
        g_strstrip(order);
        c->cal.order_set = true;
        if (!g_ascii_strcasecmp(order, "mdy"))
            c->cal.mdy = true;
        else if (!g_ascii_strcasecmp(order, "dmy"))
            c->cal.mdy = false;
        else {
            ret = lu_error(EX_CONFIG, "%s: bad value for [time] date_order: '%s' (want dmy or mdy)",
                           c->path, order);
            goto out;
        }
    }
    hol = get_list(c->kf, "time", "holidays");
    for (int i = 0; hol && hol[i]; i++) {
        int y, m, d, n = 0;
        GDate *date;
        guint32 jd;

        if (sscanf(hol[i], "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || hol[i][n] ||
            !g_date_valid_dmy(d, m, y)) {
            ret = lu_error(EX_CONFIG, "%s: bad date in [time] holidays: '%s' (want YYYY-MM-DD)",
                           c->path, hol[i]);
            goto out;
        }
        date = g_date_new_dmy(d, m, y);
        jd = g_date_get_julian(date);
        g_date_free(date);
        if (!c->cal.holidays)
            c->cal.holidays = g_array_new(FALSE, FALSE, sizeof(guint32));
        g_array_append_val(c->cal.holidays, jd);
    }
out:
    g_strfreev(hol);
    LU_FREE_EACH(g_free, order, zone_name);
    return ret;
}

static void warn_unknown(struct lu_config *c)
{
    char **groups = g_key_file_get_groups(c->kf, NULL);

    for (int g = 0; groups[g]; g++) {
        char **keys = g_key_file_get_keys(c->kf, groups[g], NULL, NULL);
        for (int k = 0; keys && keys[k]; k++) {
            bool ok = false;
            for (size_t i = 0; i < G_N_ELEMENTS(known) && !ok; i++)
                ok = !strcmp(known[i].group, groups[g]) && !strcmp(known[i].key, keys[k]);
            if (!ok)
                lu_warning("%s: unknown setting [%s] %s (ignored)", c->path, groups[g], keys[k]);
        }
        g_strfreev(keys);
    }
    g_strfreev(groups);
}

void lu_config_defaults(struct lu_config *c)
{
    memset(c, 0, sizeof *c);
    c->unthreaded_days = 60;
    c->lock_wait = 20;
    c->horizon_days = 90;
    c->first_bizdays = 3;
    c->interval_days = 7;
    c->max_leadups = 3;
    c->reply_hours = 0;
    c->quiet_bizdays = 5;
    c->keep_cc = true;
    c->draft_lang = -1;
}

int lu_config_load(struct lu_config *c, const char *path)
{
    GError *err = NULL;
    char *dir = NULL, *data = NULL;
    gsize len = 0;
    int ret = 0;

    lu_config_defaults(c);
    c->kf = g_key_file_new();
    if (path) {
        c->path = g_strdup(path);
    } else {
        dir = lu_config_dir();
        c->path = g_build_filename(dir, "config", NULL);
        if (!g_file_test(c->path, G_FILE_TEST_EXISTS)) {
            g_clear_pointer(&c->path, g_free);
            goto parse; /* no file: defaults */
        }
    }
    if (!g_file_get_contents(c->path, &data, &len, &err) ||
        !g_key_file_load_from_data(c->kf, data, len, G_KEY_FILE_NONE, &err)) {
        ret = lu_error(EX_CONFIG, "cannot read config '%s': %s", c->path, err->message);
        goto out;
    }
    /* GKeyFile keeps invalid UTF-8 in values, and GLib's string functions
     * (g_regex_split_simple in get_list) fail on it. */
    if (!g_utf8_validate(data, (gssize)len, NULL)) {
        ret = lu_error(EX_CONFIG, "cannot read config '%s': it is not UTF-8 text", c->path);
        goto out;
    }
    warn_unknown(c);
parse:
    c->addresses = get_list(c->kf, "identity", "addresses");
    c->domains = get_list(c->kf, "identity", "domains");
    c->name = g_key_file_get_value(c->kf, "identity", "name", NULL);
    if (c->name && !*g_strstrip(c->name))
        g_clear_pointer(&c->name, g_free);
    c->list_ids = get_list(c->kf, "scan", "list_ids");
    c->noreply = get_list(c->kf, "scan", "noreply");
    c->drafts = get_list(c->kf, "scan", "drafts");
    if (!c->drafts)
        c->drafts = g_strdupv((char **)default_drafts);
    c->templates = g_key_file_get_value(c->kf, "draft", "templates", NULL);
    if (c->templates)
        g_strstrip(c->templates);
    {
        char *v = g_key_file_get_value(c->kf, "draft", "language", NULL);
        if (v && strcmp(g_strstrip(v), "auto") != 0 && (c->draft_lang = lu_lang_parse(v)) < 0)
            ret = lu_error(EX_CONFIG,
                           "%s: bad value for [draft] language: '%s' (want auto or one of: %s)",
                           c->path, v, lu_lang_codes());
        g_free(v);
        if (ret)
            goto out;
    }
    if ((ret = parse_time(c)) || (ret = get_bool(c, "scan", "lists", &c->lists)) ||
        (ret = get_int(c, "scan", "unthreaded_days", 0, 3650, &c->unthreaded_days)) ||
        (ret = get_int(c, "scan", "lock_wait", 0, 3600, &c->lock_wait)) ||
        (ret = get_int(c, "scan", "horizon", 0, 36500, &c->horizon_days)) ||
        (ret = get_int(c, "awaiting", "first", 0, 365, &c->first_bizdays)) ||
        (ret = get_int(c, "awaiting", "interval", 1, 365, &c->interval_days)) ||
        (ret = get_int(c, "awaiting", "max", 1, 20, &c->max_leadups)) ||
        (ret = get_int(c, "needs-reply", "delay", 0, 1000, &c->reply_hours)) ||
        (ret = get_int(c, "no-next-step", "quiet", 1, 365, &c->quiet_bizdays)) ||
        (ret = get_bool(c, "draft", "quote", &c->quote)) ||
        (ret = get_bool(c, "draft", "keep_cc", &c->keep_cc)))
        goto out;
    /* A list opted in by name opts lists in. */
    if (c->list_ids && c->list_ids[0])
        c->lists = true;
out:
    g_clear_error(&err);
    LU_FREE_EACH(g_free, data, dir);
    return ret;
}

void lu_config_clear(struct lu_config *c)
{
    g_clear_pointer(&c->kf, g_key_file_free);
    LU_FREE_EACH(g_strfreev, c->addresses, c->domains, c->list_ids, c->noreply, c->drafts);
    LU_FREE_EACH(g_free, c->path, c->name, c->templates);
    g_clear_pointer(&c->cal.holidays, g_array_unref);
    g_clear_pointer(&c->tz, g_time_zone_unref);
    memset(c, 0, sizeof *c);
}
