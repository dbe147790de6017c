/* util.c - errors and small helpers shared by every file. */
#include "leadup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool lu_quiet;
_Thread_local guint64 lu_text_steps;

/* Formats and writes to F through lu_clean_text: messages often name
 * things that came from mail. */
static void clean_vprint(FILE *f, const char *prefix, const char *fmt, va_list ap, bool newline)
{
    char *raw = g_strdup_vprintf(fmt, ap);
    char *clean = lu_clean_text(raw);

    fputs(prefix, f);
    fputs(clean, f);
    if (newline)
        fputc('\n', f);
    g_free(clean);
    g_free(raw);
}

int lu_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    clean_vprint(stderr, "leadup: ", fmt, ap, true);
    va_end(ap);
    return code;
}

void lu_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    clean_vprint(stdout, "", fmt, ap, false);
    va_end(ap);
}

void lu_fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    clean_vprint(f, "", fmt, ap, false);
    va_end(ap);
}

int lu_unknown_option(const char *cmd, const char *arg)
{
    return lu_error(EX_USAGE, "%s: unknown option '%s' (see 'leadup help %s')", cmd, arg, cmd);
}

void lu_warning(const char *fmt, ...)
{
    va_list ap;
    if (lu_quiet)
        return;
    va_start(ap, fmt);
    clean_vprint(stderr, "leadup: warning: ", fmt, ap, true);
    va_end(ap);
}

char *lu_read_all(FILE *f, gsize *len)
{
    GString *s = g_string_sized_new(8192);
    char buf[65536];
    size_t n;

    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        g_string_append_len(s, buf, n);
    if (ferror(f)) {
        g_string_free(s, TRUE);
        return NULL;
    }
    if (len)
        *len = s->len;
    return g_string_free(s, FALSE);
}

/* What a terminal must never receive from mail: control characters (C0,
 * DEL and C1: ESC starts CSI and OSC sequences, BEL rings), the no-break
 * space, the line and paragraph separators (all become a space), and the
 * bidirectional controls that reorder what is shown (U+202A-202E,
 * U+2066-2069, the marks U+200E, U+200F, U+061C: dropped). */
enum { KEEP, SPACE, DROP };
static int char_class(gunichar c)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0x2028 || c == 0x2029)
        return SPACE;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
        c == 0x200f || c == 0x061c)
        return DROP;
    return KEEP;
}

/* S cleaned character by character; LINES keeps line feeds and tabs and
 * every space (text laid out by leadup), else the result is one line with
 * runs of spaces collapsed and the ends trimmed.  The result is never
 * longer than S made valid, so it is written into one buffer of that size
 * (every line leadup prints passes here). */
static char *clean(const char *s, bool lines)
{
    char *valid, *out, *o;
    bool space = false;

    if (!s)
        return NULL;
    valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
    o = out = g_malloc(strlen(valid ? valid : s) + 1);
    for (const char *p = valid ? valid : s, *next; *p; p = next) {
        gunichar c = (guchar)*p;
        int k;

        /* A run of printable ASCII (most of what is printed) at once. */
        for (next = p; (guchar)*next < 0x7f && (guchar)*next >= (lines ? 0x20 : 0x21); next++)
            ;
        if (next > p) {
            if (space)
                *o++ = ' ';
            space = false;
            memcpy(o, p, next - p);
            o += next - p;
            continue;
        }
        if (c >= 0x80)
            c = g_utf8_get_char(p);
        k = lines && (c == '\n' || c == '\t') ? KEEP : char_class(c);
        next = g_utf8_next_char(p);
        if (k == DROP)
            continue;
        if (!lines && (k == SPACE || c == ' ')) {
            space = o > out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        if (k == SPACE) {
            *o++ = ' ';
            continue;
        }
        memcpy(o, p, next - p);
        o += next - p;
    }
    *o = '\0';
    g_free(valid);
    return out;
}

char *lu_clean_line(const char *s)
{
    return clean(s, false);
}

char *lu_clean_text(const char *s)
{
    return clean(s, true);
}

char *lu_fold_space(const char *s, gssize len)
{
    gsize n = len < 0 ? strlen(s) : (gsize)len;
    /* Never longer than S: written in place, not appended to a GString
     * (a growth test a byte; the sentence splitter's 2.4% of a worker's
     * instructions on r-package-devel's first scan, issue 14). */
    char *out = g_malloc(n + 1), *w = out;
    bool space = false;

    for (gsize i = 0; i < n; i++) {
        if (g_ascii_isspace(s[i])) {
            space = w > out;
            continue;
        }
        if (space)
            *w++ = ' ';
        space = false;
        *w++ = s[i];
    }
    *w = '\0';
    return out;
}

void lu_lists_add(GHashTable *lists, const char *key, gpointer item, GDestroyNotify free_item)
{
    GPtrArray *list = g_hash_table_lookup(lists, key);

    if (!list) {
        list = g_ptr_array_new_with_free_func(free_item);
        g_hash_table_insert(lists, g_strdup(key), list);
    }
    g_ptr_array_add(list, item);
}

void lu_free_each(GDestroyNotify free_fn, gpointer const *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            free_fn(p[i]);
}

/* Skips white space and RFC 5322 comments, which nest and take '\\' escapes. */
static const char *skip_cfws(const char *s)
{
    while (*s && (g_ascii_isspace(*s) || *s == '(')) {
        int depth = 0;
        while (g_ascii_isspace(*s))
            s++;
        if (*s != '(')
            continue;
        do {
            if (*s == '(')
                depth++;
            else if (*s == ')')
                depth--;
            else if (*s == '\\' && s[1])
                s++;
            s++;
        } while (*s && depth > 0);
    }
    return s;
}

char *lu_mid_parse(const char *s, const char **next)
{
    const char *end;
    char *id, *w;

    if (!s || !*s)
        return NULL;
    s = skip_cfws(s);
    s += strcspn(s, "<");
    if (!*s) {
        if (next)
            *next = s;
        return NULL;
    }
    s = skip_cfws(s + 1);
    end = s + strcspn(s, ">");
    if (next)
        *next = *end ? end + 1 : end;
    /* notmuch's own arithmetic: an id ending at '>' must be two characters
     * long ("<a>" is none), one running to the end of the text may be one */
    if (*end == '>' && end > s)
        end--;
    if (end <= s)
        return NULL;
    id = g_strndup(s, end - s + 1);
    for (w = id; *s && s <= end; s++) {
        /* spaces and tabs go, but notmuch's loop steps over the character
         * after each one it removes: "<a  b@x>" is "a b@x" there */
        if (*s == ' ' || *s == '\t') {
            if (s < end && s[1])
                *w++ = *++s;
            continue;
        }
        *w++ = *s;
    }
    *w = '\0';
    return id;
}

char *lu_mid_from_header(const char *value)
{
    char *id;

    if (!value || !*value)
        return NULL;
    id = lu_mid_parse(value, NULL);
    return id ? id : g_strdup(value);
}

static GHashTable *warned; /* ids lu_date_sane has warned about */

gint64 lu_date_sane(gint64 t, gint64 now, gint64 arrived, const char *mid)
{
    gint64 max = now + LU_DATE_AHEAD;
    gint64 to;

    if (t >= 0 && t <= max)
        return t;
    to = t < 0 ? 0 : arrived >= 0 && arrived <= max ? arrived : now;
    /* a command may read a message twice (found, then its thread): say it once */
    if (!warned)
        warned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!g_hash_table_add(warned, g_strdup(mid ? mid : "")))
        return to;
    lu_warning("message '%s' is dated %s: read as dated %s", mid ? mid : "(no id)",
               t < 0 ? "before 1970" : "more than a year after now",
               to == 0     ? "1 January 1970"
               : to == now ? "now"
                           : "when it arrived");
    return to;
}

char *lu_fit(const char *s, int width)
{
    const char *p = s ? s : "", *end = p + strlen(p);
    /* at most all of S, an ellipsis and WIDTH spaces */
    char *out = g_malloc(end - p + MAX(width, 0) + 4), *o = out;
    int n = 0;

    while (*p && n < width) {
        const char *next = MIN(g_utf8_next_char(p), end); /* a cut sequence ends S */
        if (n == width - 1 && *next) {
            memcpy(o, "\xe2\x80\xa6", 3); /* … */
            o += 3;
            n++;
            break;
        }
        memcpy(o, p, next - p);
        o += next - p;
        p = next;
        n++;
    }
    for (; n < width; n++)
        *o++ = ' ';
    *o = '\0';
    return out;
}

char *lu_strtrim(char *s)
{
    return g_strstrip(s);
}

guint64 lu_fnv64(guint64 h, const void *p, gsize n)
{
    const guint8 *b = p;

    for (gsize i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

char *lu_strlower(char *s)
{
    /* g_ascii_tolower's own test, without a call a byte: every address
     * is normalised this way, several times a message (s43-cpu). */
    for (char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + ('a' - 'A'));
    return s;
}

GDateTime *lu_local_time(gint64 t, GTimeZone *tz)
{
    GDateTime *u = g_date_time_new_from_unix_utc(t);
    GDateTime *l = g_date_time_to_timezone(u, tz);

    g_date_time_unref(u);
    return l;
}

char *lu_format_time(gint64 t, GTimeZone *tz, const char *fmt)
{
    GDateTime *l = lu_local_time(t, tz);
    char *s = g_date_time_format(l, fmt);

    g_date_time_unref(l);
    return s;
}

/* V's last N decimal digits at P (V >= 0). */
static char *digits(char *p, int v, int n)
{
    for (int i = n - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
    return p + n;
}

char *lu_iso_of(GDateTime *l, char *buf)
{
    gint64 off = g_date_time_get_utc_offset(l) / G_USEC_PER_SEC;
    int y, mo, d;
    char *p = buf;

    /* by hand: snprintf was most of the cost of a JSON listing's dates */
    g_date_time_get_ymd(l, &y, &mo, &d);
    p = digits(p, y, 4);
    *p++ = '-';
    p = digits(p, mo, 2);
    *p++ = '-';
    p = digits(p, d, 2);
    *p++ = 'T';
    p = digits(p, g_date_time_get_hour(l), 2);
    *p++ = ':';
    p = digits(p, g_date_time_get_minute(l), 2);
    *p++ = ':';
    p = digits(p, g_date_time_get_second(l), 2);
    *p++ = off < 0 ? '-' : '+';
    off = off < 0 ? -off : off;
    p = digits(p, (int)(off / 3600 % 100), 2);
    *p++ = ':';
    p = digits(p, (int)(off % 3600 / 60), 2);
    *p = '\0';
    return buf;
}

char *lu_iso(gint64 t, GTimeZone *tz, char *buf)
{
    GDateTime *l = lu_local_time(t, tz);

    lu_iso_of(l, buf);
    g_date_time_unref(l);
    return buf;
}

int lu_parse_iso(const char *s, GTimeZone *tz, gint64 *out)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    GDateTime *dt = NULL;
    int ret = -1;

    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        goto out;
    if (s[n] == '\0') {
        dt = g_date_time_new(tz, y, mo, d, 0, 0, 0);
    } else if (s[n] == 'T' || s[n] == ' ') {
        /* Full ISO-8601 with an offset: let GLib read it; else local. */
        dt = g_date_time_new_from_iso8601(s, tz);
        if (!dt) {
            int m = 0;
            if (sscanf(s + n + 1, "%2d:%2d%n", &h, &mi, &m) < 2)
                goto out;
            if (s[n + 1 + m] == ':' && sscanf(s + n + 1 + m + 1, "%2d", &sec) != 1)
                goto out;
            dt = g_date_time_new(tz, y, mo, d, h, mi, sec);
        }
    }
    if (!dt)
        goto out;
    *out = g_date_time_to_unix(dt);
    ret = 0;
out:
    if (dt)
        g_date_time_unref(dt);
    return ret;
}

int lu_mkdir_p(const char *dir)
{
    if (g_mkdir_with_parents(dir, 0700) < 0)
        return lu_error(EX_CANTCREAT, "cannot create directory '%s': %s", dir, g_strerror(errno));
    return 0;
}

int lu_write_file_atomic(const char *path, const char *data, gsize len, int mode)
{
    /* A fresh name (O_CREAT | O_EXCL, random suffix) in PATH's directory:
     * a predictable one could be a link someone planted to a file of ours. */
    char *tmp = g_strdup_printf("%s.XXXXXX", path);
    bool created = false;
    int fd = -1, ret = 0;

    fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode);
    if (fd < 0) {
        ret = lu_error(EX_CANTCREAT, "cannot create a file next to '%s': %s", path,
                       g_strerror(errno));
        goto out;
    }
    created = true;
    for (gsize done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ret = lu_error(EX_IOERR, "cannot write '%s': %s", tmp, g_strerror(errno));
            goto out;
        }
        done += n;
    }
    if (fsync(fd) < 0 || close(fd) < 0) {
        fd = -1;
        ret = lu_error(EX_IOERR, "cannot write '%s': %s", tmp, g_strerror(errno));
        goto out;
    }
    fd = -1;
    if (rename(tmp, path) < 0)
        ret =
            lu_error(EX_CANTCREAT, "cannot rename '%s' to '%s': %s", tmp, path, g_strerror(errno));
out:
    if (fd >= 0)
        close(fd);
    if (ret && created)
        unlink(tmp);
    g_free(tmp);
    return ret;
}
