/* tz.c - the configured time zone, as GLib builds it, without building it
 * at every start.
 *
 * GLib (2.74) builds a zone from its TZif file and then the file's footer,
 * the POSIX rule for the years after its last transition ("GMT0BST,
 * M3.5.0/1,M10.5.0"), by computing both of the rule's transitions for every
 * year from 1916 to 2998 with GDate: 2.2 M instructions, an eighth of a
 * `why` at 300,000 messages, spent before every command.  Here the zone
 * GLib would build is written once as a TZif file whose transitions
 * already hold every year's and whose footer is empty, in the user's cache
 * directory under a digest of the zone's file and GLib's version; later
 * runs have GLib read that file under the zone's own name (TZDIR), so the
 * zone is the same one: the same intervals, offsets, abbreviations and
 * identifier.  The file is written only after GLib's own zone was compared
 * with it interval by interval; a rule this file does not read as GLib
 * does (or any difference) leaves a mark, and GLib builds the zone itself
 * as before. */
#include "leadup.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* GLib's bounds of the years a footer rule is expanded over. */
#define TZ_MIN_YEAR 1916
#define TZ_MAX_YEAR 2999
/* The cache's own format: a change writes new files. */
#define TZ_FORMAT "1"

/* One boundary of a footer rule: month, week and weekday (1-7, Monday 1),
 * and the local time of day it falls at. */
struct tz_mwd {
    int mon, week, wday;
    gint32 offset;
};

struct tz_rule {
    gint32 std_offset, dlt_offset; /* seconds east of UTC */
    char std_name[33], dlt_name[33];
    struct tz_mwd start, end;
};

/* A zone as GLib keeps it: its types (offset, daylight, abbreviation) and
 * transitions (time, type). */
struct tz_zone {
    GArray *offsets, *dst, *times, *types;
    GPtrArray *abbrevs;
};

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static gint64 civil_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return (gint64)era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* [+-]h[h[h]][[:]mm[[:]ss]], as GLib's parse_time reads a rule's offset
 * (WIDE: a boundary's time, hours up to 167). */
static bool tz_time(const char *s, gint32 *out, bool wide)
{
    int sign = 1, h = 0, n = 0, mm = 0, ss = 0;

    if (*s == '+' || *s == '-')
        sign = *s++ == '-' ? -1 : 1;
    while (g_ascii_isdigit(*s) && n < (wide ? 3 : 2))
        h = h * 10 + (*s++ - '0'), n++;
    if (!n || h > (wide ? 167 : 24))
        return false;
    if (*s == ':')
        s++;
    if (*s) {
        if (!g_ascii_isdigit(s[0]) || s[0] > '5' || !g_ascii_isdigit(s[1]))
            return false;
        mm = (s[0] - '0') * 10 + s[1] - '0';
        s += 2;
        if (*s == ':')
            s++;
        if (*s) {
            if (!g_ascii_isdigit(s[0]) || s[0] > '5' || !g_ascii_isdigit(s[1]) || s[2])
                return false;
            ss = (s[0] - '0') * 10 + s[1] - '0';
        }
    }
    *out = sign * (h * 3600 + mm * 60 + ss);
    return true;
}

/* A name of the rule at *P: <...> or three letters or more. */
static bool tz_name(const char **p, char *name)
{
    const char *s = *p, *e;
    bool quoted = *s == '<';

    if (quoted) {
        for (e = ++s; g_ascii_isalnum(*e) || *e == '-' || *e == '+'; e++)
            ;
        if (*e != '>')
            return false;
    } else {
        for (e = s; g_ascii_isalpha(*e); e++)
            ;
    }
    if (e - s < 3 || e - s > 32)
        return false;
    memcpy(name, s, e - s);
    name[e - s] = '\0';
    *p = e + quoted;
    return true;
}

/* The offset at *P (west of UTC, as POSIX writes it), up to what is not
 * an offset's character. */
static bool tz_offset(const char **p, gint32 *out)
{
    const char *s = *p;
    char *t;
    bool ok;

    while (*s == '+' || *s == '-' || *s == ':' || g_ascii_isdigit(*s))
        s++;
    t = g_strndup(*p, s - *p);
    ok = tz_time(t, out, false);
    g_free(t);
    *p = s;
    return ok;
}

/* ",Mm.w.d[/time]" at *P: only the month-week-day form (the Julian day
 * forms go to GLib). */
static bool tz_mwd(const char **p, struct tz_mwd *b)
{
    const char *s = *p;
    char *end = NULL, *t;
    bool ok = true;

    if (*s++ != ',' || *s++ != 'M')
        return false;
    if (!g_ascii_isdigit(*s))
        return false;
    b->mon = (int)strtol(s, &end, 10);
    if (end - s > 2 || *end != '.' || b->mon < 1 || b->mon > 12)
        return false;
    s = end + 1;
    if (s[0] < '1' || s[0] > '5' || s[1] != '.' || s[2] < '0' || s[2] > '6')
        return false;
    b->week = s[0] - '0';
    b->wday = s[2] == '0' ? 7 : s[2] - '0';
    s += 3;
    b->offset = 2 * 3600;
    if (*s == '/') {
        for (end = (char *)++s; *end && *end != ','; end++)
            ;
        t = g_strndup(s, end - s);
        ok = tz_time(t, &b->offset, true);
        g_free(t);
        s = end;
    }
    *p = s;
    return ok && (!*s || *s == ',');
}

/* The footer RULE ("STDoff DST[off],start,end"), as GLib's
 * rules_from_identifier reads it; false for what this file does not read. */
static bool tz_rule(const char *s, struct tz_rule *r)
{
    memset(r, 0, sizeof *r);
    if (!tz_name(&s, r->std_name) || !tz_offset(&s, &r->std_offset) || !*s ||
        !tz_name(&s, r->dlt_name))
        return false;
    if (*s != ',') {
        if (!tz_offset(&s, &r->dlt_offset))
            return false;
    }
    if (r->dlt_offset == 0)
        r->dlt_offset = r->std_offset - 3600;
    if (!tz_mwd(&s, &r->start) || !tz_mwd(&s, &r->end) || *s)
        return false;
    r->std_offset = -r->std_offset;
    r->dlt_offset = -r->dlt_offset;
    return true;
}

/* When boundary B falls in YEAR, in UTC, the local time then being at
 * OFFSET (GLib's boundary_for_year and find_relative_date). */
static gint64 tz_when(const struct tz_mwd *b, int year, gint32 offset)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    gint64 first = civil_days(year, b->mon, 1);
    int in_month = mdays[b->mon - 1] + (b->mon == 2 && leap(year));
    int first_wday = (int)(((first + 3) % 7 + 7) % 7) + 1; /* 1970-01-01: Thursday, 4 */
    int week = b->week + (first_wday > b->wday);
    int days = 7 * (week - 1) + b->wday - first_wday;

    while (days >= in_month)
        days -= 7;
    return (first + days) * 86400 + b->offset - offset;
}

static void zone_type(struct tz_zone *z, gint32 offset, gboolean dst, const char *abbrev)
{
    g_array_append_val(z->offsets, offset);
    g_array_append_val(z->dst, dst);
    g_ptr_array_add(z->abbrevs, g_strdup(abbrev));
}

static void zone_move(struct tz_zone *z, gint64 t, guint8 type)
{
    g_array_append_val(z->times, t);
    g_array_append_val(z->types, type);
}

/* Rule R's types (from type BASE on) and its transitions after LAST (all
 * of them when ANY) into Z, as GLib's init_zone_from_rules makes them and
 * init_zone_from_iana_info keeps them. */
static void tz_expand(struct tz_zone *z, const struct tz_rule *r, guint base, gint64 last, bool any)
{
    bool dlt_first = r->start.mon > r->end.mon, skip = true;
    gint32 last_offset = r->std_offset;

    zone_type(z, r->std_offset, FALSE, r->std_name);
    zone_type(z, r->dlt_offset, TRUE, r->dlt_name);
    for (int y = TZ_MIN_YEAR; y < TZ_MAX_YEAR; y++) {
        gint64 std_t = tz_when(&r->end, y, dlt_first ? last_offset : r->dlt_offset);
        gint64 dlt_t = tz_when(&r->start, y, dlt_first ? r->std_offset : last_offset);
        gint64 t[2] = {dlt_first ? std_t : dlt_t, dlt_first ? dlt_t : std_t};
        guint8 ty[2] = {(guint8)(base + (dlt_first ? 0 : 1)), (guint8)(base + (dlt_first ? 1 : 0))};

        last_offset = dlt_first ? r->dlt_offset : r->std_offset;
        for (int k = 0; k < 2; k++) {
            if (dlt_first && k == 0 && skip) {
                skip = false;
                continue;
            }
            if (t[k] && (any || t[k] > last))
                zone_move(z, t[k], ty[k]);
        }
    }
    if (dlt_first) {
        gint64 t = tz_when(&r->end, TZ_MAX_YEAR, last_offset);
        zone_type(z, r->std_offset, FALSE, r->std_name);
        if (any || t > last)
            zone_move(z, t, (guint8)(base + 2));
    }
}

static guint32 be32(const guchar *p)
{
    return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* Zone file DATA (LEN bytes) read as GLib reads it, its footer expanded
 * into Z; false when it is no version 2+ file with a daylight rule this
 * file reads (GLib then does all of it). */
static bool tz_read(const guchar *d, gsize len, struct tz_zone *z)
{
    const guchar *h = d, *tr, *ix, *ti, *ab, *foot, *nl;
    guint32 n, types, chars;
    struct tz_rule r;
    char *rule;
    bool ok;

    if (len < 44 || memcmp(d, "TZif", 4) != 0 || d[4] < '2')
        return false;
    h += 44 + be32(d + 20) + be32(d + 24) + 8 * (gsize)be32(d + 28) + 5 * (gsize)be32(d + 32) +
         6 * (gsize)be32(d + 36) + be32(d + 40);
    if (h + 44 > d + len || memcmp(h, "TZif", 4) != 0)
        return false;
    n = be32(h + 32), types = be32(h + 36), chars = be32(h + 40);
    tr = h + 44, ix = tr + 8 * (gsize)n, ti = ix + n, ab = ti + 6 * (gsize)types;
    foot = ab + chars + be32(h + 20) + be32(h + 24) + 12 * (gsize)be32(h + 28);
    if (foot + 2 > d + len || *foot != '\n' || !(nl = memchr(foot + 1, '\n', d + len - foot - 1)) ||
        nl - foot < 2 || types + 3 > 255 || !memchr(foot, ',', nl - foot))
        return false;
    for (guint32 i = 0; i < types; i++) {
        if (ti[6 * i + 5] >= chars || !memchr(ab + ti[6 * i + 5], '\0', chars - ti[6 * i + 5]))
            return false;
        zone_type(z, (gint32)be32(ti + 6 * i), ti[6 * i + 4] != 0,
                  (const char *)ab + ti[6 * i + 5]);
    }
    for (guint32 i = 0; i < n; i++) {
        gint64 t = (gint64)((guint64)be32(tr + 8 * i) << 32 | be32(tr + 8 * i + 4));
        if (ix[i] >= types)
            return false;
        zone_move(z, t, ix[i]);
    }
    rule = g_strndup((const char *)foot + 1, nl - foot - 1);
    ok = tz_rule(rule, &r);
    g_free(rule);
    if (ok)
        tz_expand(z, &r, types, n ? g_array_index(z->times, gint64, n - 1) : 0, n == 0);
    return ok;
}

static void put32(GByteArray *b, guint32 v)
{
    guint8 x[4] = {(guint8)(v >> 24), (guint8)(v >> 16), (guint8)(v >> 8), (guint8)v};

    g_byte_array_append(b, x, 4);
}

static void put_header(GByteArray *b, guint32 n, guint32 types, guint32 chars)
{
    static const guint8 magic[20] = {'T', 'Z', 'i', 'f', '2'};

    g_byte_array_append(b, magic, sizeof magic);
    put32(b, 0); /* UT/local indicators */
    put32(b, 0); /* standard/wall indicators */
    put32(b, 0); /* leap seconds */
    put32(b, n);
    put32(b, types);
    put32(b, chars);
}

/* Z as a TZif file: an empty version 1 part, the version 2 part, an empty
 * footer.  Caller frees. */
static GByteArray *tz_file(const struct tz_zone *z)
{
    GByteArray *b = g_byte_array_new();
    GString *chars = g_string_new(NULL);
    guint32 types = z->offsets->len, n = z->times->len;

    put_header(b, 0, 0, 0);
    for (guint i = 0; i < types; i++)
        g_string_append_len(chars, g_ptr_array_index(z->abbrevs, i),
                            (gssize)strlen(g_ptr_array_index(z->abbrevs, i)) + 1);
    put_header(b, n, types, (guint32)chars->len);
    for (guint i = 0; i < n; i++) {
        guint64 t = (guint64)g_array_index(z->times, gint64, i);
        put32(b, (guint32)(t >> 32));
        put32(b, (guint32)t);
    }
    g_byte_array_append(b, (const guint8 *)z->types->data, n);
    for (guint i = 0, at = 0; i < types; i++) {
        guint8 dst = g_array_index(z->dst, gboolean, i) ? 1 : 0, ab = (guint8)at;
        put32(b, (guint32)g_array_index(z->offsets, gint32, i));
        g_byte_array_append(b, &dst, 1);
        g_byte_array_append(b, &ab, 1);
        at += (guint)strlen(g_ptr_array_index(z->abbrevs, i)) + 1;
    }
    g_byte_array_append(b, (const guint8 *)chars->str, (guint)chars->len);
    g_byte_array_append(b, (const guint8 *)"\n\n", 2);
    g_string_free(chars, TRUE);
    return b;
}

/* Whether GLib's zone G and the zone C read from Z's file are one zone:
 * the same intervals, each with the same offset, daylight flag and
 * abbreviation, and G's transitions at Z's times. */
static bool tz_same(GTimeZone *g, GTimeZone *c, const struct tz_zone *z)
{
    gint n = g_time_zone_find_interval(g, G_TIME_TYPE_UNIVERSAL, G_MAXINT64);

    if (n != (gint)z->times->len ||
        g_time_zone_find_interval(c, G_TIME_TYPE_UNIVERSAL, G_MAXINT64) != n)
        return false;
    for (gint i = 0; i <= n; i++)
        if (g_time_zone_get_offset(g, i) != g_time_zone_get_offset(c, i) ||
            g_time_zone_is_dst(g, i) != g_time_zone_is_dst(c, i) ||
            g_strcmp0(g_time_zone_get_abbreviation(g, i), g_time_zone_get_abbreviation(c, i)) != 0)
            return false;
    for (gint i = 0; i < n; i++) {
        gint64 t = g_array_index(z->times, gint64, i);
        if ((i && t <= g_array_index(z->times, gint64, i - 1)) ||
            g_time_zone_find_interval(g, G_TIME_TYPE_UNIVERSAL, t) != i + 1 ||
            g_time_zone_find_interval(g, G_TIME_TYPE_UNIVERSAL, t - 1) != i)
            return false;
    }
    return true;
}

static void zone_clear(struct tz_zone *z)
{
    LU_FREE_EACH(g_array_unref, z->offsets, z->dst, z->times, z->types);
    g_ptr_array_unref(z->abbrevs);
}

/* GLib's zone G of NAME, from the file DATA, written to the cache as PATH
 * when the file's zone and G are the same, else a mark that says to ask
 * GLib (PATH ".glib"); nothing when the cache cannot be written. */
static void tz_keep(GTimeZone *g, const char *name, const guchar *data, gsize len, const char *path)
{
    struct tz_zone z = {
        g_array_new(FALSE, FALSE, sizeof(gint32)), g_array_new(FALSE, FALSE, sizeof(gboolean)),
        g_array_new(FALSE, FALSE, sizeof(gint64)), g_array_new(FALSE, FALSE, sizeof(guint8)),
        g_ptr_array_new_with_free_func(g_free)};
    char *tmp = g_strdup_printf("%s.%ld.tmp", path, (long)getpid()), *mark = NULL;
    GByteArray *b = NULL;
    GTimeZone *c = NULL;
    char *dir = g_path_get_dirname(path);
    bool same = false;

    if (g_mkdir_with_parents(dir, 0700) != 0)
        goto out;
    if (tz_read(data, len, &z)) {
        b = tz_file(&z);
        if (!g_file_set_contents_full(tmp, (const char *)b->data, b->len,
                                      G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
            goto out;
        c = g_time_zone_new_identifier(tmp);
        same = c && tz_same(g, c, &z);
    }
    if (same && rename(tmp, path) == 0)
        goto out;
    mark = g_strconcat(path, ".glib", NULL);
    g_file_set_contents_full(mark, name, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
out:
    unlink(tmp);
    g_clear_pointer(&c, g_time_zone_unref);
    if (b)
        g_byte_array_unref(b);
    zone_clear(&z);
    LU_FREE_EACH(g_free, tmp, mark, dir);
}

/* Whether GLib reads NAME as a zone file under TZDIR: "Area/Location",
 * no offset, rule or path of its own. */
static bool tz_plain(const char *name)
{
    const char *p = name;

    if (!name || !g_ascii_isalpha(*name) || !strchr(name, '/') || strstr(name, ".."))
        return false;
    while (g_ascii_isalpha(*p))
        p++;
    if (*p != '/')
        return false;
    for (; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr("/_-+", *p))
            return false;
    return true;
}

/* GLib's zone of NAME read from DIR (as TZDIR), or NULL. */
static GTimeZone *tz_from(const char *dir, const char *name)
{
    char *was = g_strdup(g_getenv("TZDIR"));
    GTimeZone *tz;

    g_setenv("TZDIR", dir, TRUE);
    tz = g_time_zone_new_identifier(name);
    if (was)
        g_setenv("TZDIR", was, TRUE);
    else
        g_unsetenv("TZDIR");
    g_free(was);
    return tz;
}

/* The cache's zone NAME, built from the zone file DATA (LEN bytes): its
 * path into *PATH (caller frees); the zone, or NULL when it is not kept
 * there (yet). */
static GTimeZone *tz_cached(const char *name, const char *data, gsize len, char **path)
{
    char key[32], *base = lu_cache_dir(), *abs, *dir;
    GTimeZone *tz = NULL;
    guint64 h;

    /* The file's zone as this GLib builds it, in this file's format. */
    h = lu_fnv64(14695981039346656037ULL, data, len);
    g_snprintf(key, sizeof key, "%u.%u.%u-" TZ_FORMAT, glib_major_version, glib_minor_version,
               glib_micro_version);
    h = lu_fnv64(h, key, strlen(key));
    g_snprintf(key, sizeof key, "%016" G_GINT64_MODIFIER "x", h);
    /* GLib reads a relative name under TZDIR */
    abs = g_canonicalize_filename(base, NULL);
    dir = g_build_filename(abs, "tz", key, NULL);
    *path = g_build_filename(dir, name, NULL);
    if (g_file_test(*path, G_FILE_TEST_IS_REGULAR))
        tz = tz_from(dir, name);
    LU_FREE_EACH(g_free, base, abs, dir);
    return tz;
}

unsigned lu_tz_kept, lu_tz_built;

GTimeZone *lu_tz_new(const char *name)
{
    const char *zi = g_getenv("TZDIR");
    char *src, *data = NULL, *path = NULL, *mark;
    gsize len = 0;
    GTimeZone *tz = NULL;

    if (!tz_plain(name)) {
        lu_tz_built++;
        return g_time_zone_new_identifier(name);
    }
    src = g_build_filename(zi ? zi : "/usr/share/zoneinfo", name, NULL);
    if (g_file_get_contents(src, &data, &len, NULL))
        tz = tz_cached(name, data, len, &path);
    if (tz)
        lu_tz_kept++;
    if (!tz) {
        lu_tz_built++;
        tz = g_time_zone_new_identifier(name);
        mark = path ? g_strconcat(path, ".glib", NULL) : NULL;
        if (tz && mark && !g_file_test(mark, G_FILE_TEST_EXISTS))
            tz_keep(tz, name, (const guchar *)data, len, path);
        g_free(mark);
    }
    LU_FREE_EACH(g_free, src, data, path);
    return tz;
}
