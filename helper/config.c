/* config.c - leadup's own settings, read with GKeyFile.
 *
 * The file is optional: every key has a default, and notmuch's user.* keys
 * already say who "me" is.  Unknown keys are warned about (typos would
 * otherwise be silent); bad values are errors. */
#include "leadup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

/* A setting leadup knows: its key, the member of struct lu_config that
 * holds it and how it is read (a list, a number in a range, a boolean,
 * or by a function of its own).  Each is given the value, trimmed (NULL
 * when the file has none), by read_setting.  The table, settings[], is
 * below. */
struct setting {
    const char *group, *key;
    enum { SET_LIST, SET_INT, SET_BOOL, SET_OWN } type;
    size_t off;
    int lo, hi;                                                         /* SET_INT's range */
    int (*read)(struct lu_config *c, const struct setting *k, char *v); /* SET_OWN */
};

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

char *lu_cache_dir(void)
{
    return xdg_dir("XDG_CACHE_HOME", ".cache");
}

/* A list value V (NULL: none): separated by ';' or ',', items trimmed,
 * empty ones dropped.  Returns a NULL-terminated vector (caller frees with
 * g_strfreev), or NULL. */
static char **split_list(const char *v)
{
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
    return (char **)g_ptr_array_free(out, FALSE);
}

static int read_int(struct lu_config *c, const struct setting *k, const char *v, int *out)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < k->lo || n > k->hi)
        return lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want a number from %d to %d)",
                        c->path, k->group, k->key, v, k->lo, k->hi);
    *out = (int)n;
    return 0;
}

static int read_bool(struct lu_config *c, const struct setting *k, char *v, bool *out)
{
    lu_strlower(v);
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
        *out = true;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
        *out = false;
    else
        return lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want true or false)", c->path,
                        k->group, k->key, v);
    return 0;
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
static int read_days(struct lu_config *c, const struct setting *k, char *v)
{
    char **items = split_list(v);
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
            ret = lu_error(EX_CONFIG, "%s: bad day in [%s] %s: '%s' (want Mon..Sun)", c->path,
                           k->group, k->key, items[i]);
            goto out;
        }
        for (int d = a;; d = d % 7 + 1) {
            days |= 1u << d;
            if (d == b)
                break;
        }
    }
    if (!days) {
        ret = lu_error(EX_CONFIG, "%s: [%s] %s names no day", c->path, k->group, k->key);
        goto out;
    }
    c->cal.days = days;
out:
    g_strfreev(items);
    return ret;
}

static int read_hours(struct lu_config *c, const struct setting *k, char *v)
{
    int h1, m1, h2, m2, n = 0;

    if (!v)
        return 0;
    if (sscanf(v, "%d:%d-%d:%d%n", &h1, &m1, &h2, &m2, &n) != 4 || v[n] || h1 < 0 || h1 > 23 ||
        m1 < 0 || m1 > 59 || h2 < 0 || h2 > 24 || m2 < 0 || m2 > 59 || h1 * 60 + m1 >= h2 * 60 + m2)
        return lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want e.g. 09:00-17:00)",
                        c->path, k->group, k->key, v);
    c->cal.work_start = h1 * 60 + m1;
    c->cal.work_end = h2 * 60 + m2;
    return 0;
}

/* [time] timezone, else $TZ, else the system's; the calendar in it (the
 * other [time] settings, read after, change it). */
static int read_timezone(struct lu_config *c, const struct setting *k, char *zone_name)
{
    if (zone_name) {
        c->tz = lu_tz_new(zone_name);
        if (!c->tz)
            return lu_error(EX_CONFIG, "%s: unknown [%s] %s '%s'", c->path, k->group, k->key,
                            zone_name);
    } else {
        const char *env = g_getenv("TZ");
        c->tz = env && *env ? lu_tz_new(env) : NULL;
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
    return 0;
}

static int read_date_order(struct lu_config *c, const struct setting *k, char *order)
{
    c->cal.order_set = order != NULL;
    if (order && !g_ascii_strcasecmp(order, "mdy"))
        c->cal.mdy = true;
    else if (order && !g_ascii_strcasecmp(order, "dmy"))
        c->cal.mdy = false;
    else if (order)
        return lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want dmy or mdy)", c->path,
                        k->group, k->key, order);
    return 0;
}

static int read_holidays(struct lu_config *c, const struct setting *k, char *v)
{
    char **hol = split_list(v);
    int ret = 0;

    for (int i = 0; hol && hol[i]; i++) {
        int y, m, d, n = 0;
        GDate *date;
        guint32 jd;

        if (sscanf(hol[i], "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || hol[i][n] ||
            !g_date_valid_dmy(d, m, y)) {
            ret = lu_error(EX_CONFIG, "%s: bad date in [%s] %s: '%s' (want YYYY-MM-DD)", c->path,
                           k->group, k->key, hol[i]);
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
    return ret;
}

/* [identity] name: none when empty. */
static int read_name(struct lu_config *c, const struct setting *k, char *v)
{
    c->name = v && *v ? g_strdup(v) : NULL;
    return 0;
}

static int read_drafts(struct lu_config *c, const struct setting *k, char *v)
{
    c->drafts = split_list(v);
    if (!c->drafts)
        c->drafts = g_strdupv((char **)default_drafts);
    return 0;
}

static int read_templates(struct lu_config *c, const struct setting *k, char *v)
{
    c->templates = g_strdup(v);
    return 0;
}

static int read_language(struct lu_config *c, const struct setting *k, char *v)
{
    if (v && strcmp(v, "auto") != 0 && (c->draft_lang = lu_lang_parse(v)) < 0)
        return lu_error(EX_CONFIG, "%s: bad value for [%s] %s: '%s' (want auto or one of: %s)",
                        c->path, k->group, k->key, v, lu_lang_codes());
    return 0;
}

/* clang-format off */
#define LIST_KEY(g, k, m) {g, k, SET_LIST, offsetof(struct lu_config, m), 0, 0, NULL}
#define INT_KEY(g, k, m, lo, hi) {g, k, SET_INT, offsetof(struct lu_config, m), lo, hi, NULL}
#define BOOL_KEY(g, k, m) {g, k, SET_BOOL, offsetof(struct lu_config, m), 0, 0, NULL}
#define OWN_KEY(g, k, fn) {g, k, SET_OWN, 0, 0, 0, fn}
/* clang-format on */

/* Every setting leadup knows, the one list of them (a key not here is
 * warned about), in the order they are read: the first bad value is the
 * one reported. */
static const struct setting settings[] = {
    LIST_KEY("identity", "addresses", addresses),
    LIST_KEY("identity", "domains", domains),
    OWN_KEY("identity", "name", read_name),
    LIST_KEY("scan", "list_ids", list_ids),
    LIST_KEY("scan", "noreply", noreply),
    OWN_KEY("scan", "drafts", read_drafts),
    OWN_KEY("draft", "templates", read_templates),
    OWN_KEY("draft", "language", read_language),
    OWN_KEY("time", "timezone", read_timezone), /* first: the calendar starts here */
    OWN_KEY("time", "business_days", read_days),
    OWN_KEY("time", "work_hours", read_hours),
    OWN_KEY("time", "date_order", read_date_order),
    OWN_KEY("time", "holidays", read_holidays),
    BOOL_KEY("scan", "lists", lists),
    INT_KEY("scan", "unthreaded_days", unthreaded_days, 0, 3650),
    INT_KEY("scan", "lock_wait", lock_wait, 0, 3600),
    INT_KEY("scan", "horizon", horizon_days, 0, 36500),
    INT_KEY("awaiting", "first", first_bizdays, 0, 365),
    INT_KEY("awaiting", "interval", interval_days, 1, 365),
    INT_KEY("awaiting", "max", max_leadups, 1, 20),
    INT_KEY("needs-reply", "delay", reply_hours, 0, 1000),
    INT_KEY("no-next-step", "quiet", quiet_bizdays, 1, 365),
    BOOL_KEY("draft", "quote", quote),
    BOOL_KEY("draft", "keep_cc", keep_cc),
};
#undef LIST_KEY
#undef INT_KEY
#undef BOOL_KEY
#undef OWN_KEY

/* Reads K's value from the file into C (a value left out keeps C's
 * default). */
static int read_setting(struct lu_config *c, const struct setting *k)
{
    char *v = g_key_file_get_value(c->kf, k->group, k->key, NULL);
    void *member = (char *)c + k->off;
    int ret = 0;

    if (v)
        g_strstrip(v);
    if (k->type == SET_LIST)
        *(char ***)member = split_list(v);
    else if (k->type == SET_INT && v)
        ret = read_int(c, k, v, member);
    else if (k->type == SET_BOOL && v)
        ret = read_bool(c, k, v, member);
    else if (k->type == SET_OWN)
        ret = k->read(c, k, v);
    g_free(v);
    return ret;
}

static void warn_unknown(struct lu_config *c)
{
    char **groups = g_key_file_get_groups(c->kf, NULL);

    for (int g = 0; groups[g]; g++) {
        char **keys = g_key_file_get_keys(c->kf, groups[g], NULL, NULL);
        for (int k = 0; keys && keys[k]; k++) {
            bool ok = false;
            for (size_t i = 0; i < G_N_ELEMENTS(settings) && !ok; i++)
                ok = !strcmp(settings[i].group, groups[g]) && !strcmp(settings[i].key, keys[k]);
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
     * (g_regex_split_simple in split_list) fail on it. */
    if (!g_utf8_validate(data, (gssize)len, NULL)) {
        ret = lu_error(EX_CONFIG, "cannot read config '%s': it is not UTF-8 text", c->path);
        goto out;
    }
    warn_unknown(c);
parse:
    for (size_t i = 0; i < G_N_ELEMENTS(settings) && !ret; i++)
        ret = read_setting(c, &settings[i]);
    if (ret)
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
