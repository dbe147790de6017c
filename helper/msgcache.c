/* msgcache.c - the analysis cache's record of a message: what its file
 * says (the headers mime.c reads, the author's own text body.c extracts)
 * as flat records, which the state database keeps by Message-ID, file
 * identity and analyser digest (scan.c, store.c).
 *
 * Pure: no I/O.  A record is made from a message read alone from its file
 * and merged onto the message the index gave exactly as mime.c's fill()
 * merges a file read onto it, so that a message from the cache and one
 * read from its file are the same to the rules (the scan merges its own
 * reads through here too).
 *
 * The records are flat: each field in turn, a string as one more than its
 * length (0: none), its bytes and a NUL, a list as its length and its
 * items, a number in 7-bit groups, the low first (a date: 8 bytes,
 * little-endian).  They were GVariants
 * until issue 14: building and iterating them was 13% of a first scan's
 * instructions.  A change here changes the analyser's digest (Makefile),
 * so rows of the old form are made again, never read.  Untrusted bytes (a
 * damaged row) fail lu_msgcache_check, and the scan reads the file. */
#include "leadup.h"

#include <string.h>

/* ------------------------------------------------------------------ writing */

static void put_u32(GByteArray *out, guint32 v)
{
    guint8 b[5];
    guint n = 0;

    for (; v >= 0x80; v >>= 7)
        b[n++] = (guint8)(v | 0x80);
    b[n++] = (guint8)v;
    g_byte_array_append(out, b, n);
}

static void put_i64(GByteArray *out, gint64 v)
{
    guint64 le = GUINT64_TO_LE((guint64)v);

    g_byte_array_append(out, (const guint8 *)&le, 8);
}

static void put_str(GByteArray *out, const char *s)
{
    gsize n = s ? strlen(s) : 0;

    put_u32(out, s ? (guint32)n + 1 : 0);
    if (s)
        g_byte_array_append(out, (const guint8 *)s, (guint)n + 1);
}

static void put_addrs(GByteArray *out, GPtrArray *list)
{
    put_u32(out, list ? list->len : 0);
    for (guint i = 0; list && i < list->len; i++) {
        struct lu_addr *a = g_ptr_array_index(list, i);
        put_str(out, a->name);
        put_str(out, a->email);
    }
}

/* The root of LIST and its last LU_REFS_KEEP: what a draft's References
 * take of it (draft.c keeps the root and the chain's last ids, counted
 * from the end, so the middle it drops is never needed). */
static void put_kept_refs(GByteArray *out, GPtrArray *list)
{
    guint n = 0;

    for (guint i = 0; i < list->len; i++)
        n += i == 0 || i + LU_REFS_KEEP >= list->len;
    put_u32(out, n);
    for (guint i = 0; i < list->len; i++)
        if (i == 0 || i + LU_REFS_KEEP >= list->len)
            put_str(out, g_ptr_array_index(list, i));
}

GBytes *lu_msgcache_headers(const struct lu_msg *f)
{
    GByteArray *out = g_byte_array_sized_new(512);

    put_u32(out, f->from ? 1 : 0);
    if (f->from) {
        put_str(out, f->from->name);
        put_str(out, f->from->email);
    }
    put_addrs(out, f->to);
    put_addrs(out, f->cc);
    put_addrs(out, f->reply_to);
    put_addrs(out, f->followup_to);
    put_str(out, f->subject);
    put_i64(out, f->date);
    put_u32(out, (guint32)f->tz_off);
    put_str(out, f->in_reply_to);
    put_kept_refs(out, f->refs);
    put_str(out, f->list_id);
    put_str(out, f->list_post);
    put_u32(out, f->bulk);
    put_u32(out, (guint32)f->autokind);
    put_str(out, f->auto_why);
    put_str(out, f->bounced_mid);
    put_str(out, f->unsent);
    put_str(out, f->unsent_if_mine);
    return g_byte_array_free_to_bytes(out);
}

GBytes *lu_msgcache_body(const struct lu_body *b)
{
    GByteArray *out = g_byte_array_new();

    put_str(out, b->full_text ? b->full_text : b->text);
    put_u32(out, b->bulk);
    put_str(out, b->sig_name);
    put_str(out, b->sig_phone);
    return g_byte_array_free_to_bytes(out);
}

/* ------------------------------------------------------------------ reading */

/* A record read in turn; BAD once a field ran past its end (then every
 * later field reads as empty). */
struct rd {
    const guint8 *p, *end;
    bool bad;
};

static guint32 get_u32(struct rd *r)
{
    guint32 v = 0;

    for (int shift = 0; !r->bad; shift += 7) {
        if (r->p == r->end || shift > 28) {
            r->bad = true;
            return 0;
        }
        v |= (guint32)(*r->p & 0x7f) << shift;
        if (!(*r->p++ & 0x80))
            return v;
    }
    return 0;
}

static gint64 get_i64(struct rd *r)
{
    guint64 le;

    if (r->bad || r->end - r->p < 8) {
        r->bad = true;
        return 0;
    }
    memcpy(&le, r->p, 8);
    r->p += 8;
    return (gint64)GUINT64_FROM_LE(le);
}

/* The next string, pointing into the record (it lives as long as the
 * record), or NULL. */
static const char *get_str(struct rd *r)
{
    guint32 n = get_u32(r);
    const char *s;

    if (r->bad || n-- == 0)
        return NULL;
    if ((gsize)(r->end - r->p) <= n || r->p[n] != '\0') {
        r->bad = true;
        return NULL;
    }
    s = (const char *)r->p;
    r->p += (gsize)n + 1;
    return s;
}

static char *dup_str(struct rd *r)
{
    return g_strdup(get_str(r));
}

static void rd_init(struct rd *r, GBytes *b)
{
    gsize n = 0;

    r->p = b ? g_bytes_get_data(b, &n) : NULL;
    r->end = r->p ? r->p + n : NULL;
    r->bad = !r->p;
}

/* Appends the next list of addresses to OUT (NULL: skips it). */
static void get_addrs(struct rd *r, GPtrArray *out)
{
    guint32 n = get_u32(r);

    for (guint32 i = 0; i < n && !r->bad; i++) {
        const char *name = get_str(r), *email = get_str(r);
        struct lu_addr *a;
        if (!out || r->bad)
            continue;
        a = g_new0(struct lu_addr, 1);
        a->name = g_strdup(name);
        a->email = g_strdup(email ? email : "");
        g_ptr_array_add(out, a);
    }
}

/* The headers' fields after the addresses, applied to M when M is not NULL. */
static void get_rest(struct rd *r, struct lu_msg *m)
{
    const char *subject = get_str(r), *auto_why, *unsent, *unsent_if_mine;
    gint64 date = get_i64(r);
    gint32 tz_off = (gint32)get_u32(r), kind;
    const char *in_reply_to = get_str(r);
    guint32 nrefs = get_u32(r);

    for (guint32 i = 0; i < nrefs && !r->bad; i++) {
        const char *ref = get_str(r);
        if (m && !r->bad)
            g_ptr_array_add(m->refs, g_strdup(ref));
    }
    if (!m) {
        for (int i = 0; i < 2; i++)
            get_str(r);
        get_u32(r), get_u32(r);
        for (int i = 0; i < 4; i++)
            get_str(r);
        return;
    }
    if (subject) {
        g_free(m->subject);
        m->subject = g_strdup(subject);
    }
    /* A Date header the index read as 0 (before 1970); the scan makes it sane. */
    if (!m->date)
        m->date = date;
    m->tz_off = tz_off;
    g_free(m->in_reply_to);
    m->in_reply_to = g_strdup(in_reply_to);
    g_free(m->list_id);
    m->list_id = dup_str(r);
    g_free(m->list_post);
    m->list_post = dup_str(r);
    m->bulk = get_u32(r) != 0;
    kind = (gint32)get_u32(r);
    m->autokind = kind >= 0 && kind <= LU_AUTO_RECEIPT ? (enum lu_auto)kind : LU_AUTO_NONE;
    /* The static texts (auto_why, unsent) live as long as the process. */
    auto_why = get_str(r);
    m->auto_why = auto_why ? g_intern_string(auto_why) : NULL;
    g_free(m->bounced_mid);
    m->bounced_mid = dup_str(r);
    unsent = get_str(r);
    unsent_if_mine = get_str(r);
    /* mime.c: a postponed draft's mark only where the index gave none. */
    if (!m->unsent && unsent)
        m->unsent = g_intern_string(unsent);
    if (unsent_if_mine)
        m->unsent_if_mine = g_intern_string(unsent_if_mine);
}

void lu_msgcache_apply(struct lu_msg *m, GBytes *v)
{
    GPtrArray *from = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    GPtrArray *lists[] = {from, m->to, m->cc, m->reply_to, m->followup_to};
    struct rd r;

    rd_init(&r, v);
    for (int i = 0; i < 5; i++)
        get_addrs(&r, lists[i]);
    /* mime.c: the file's From beats the index's. */
    if (from->len) {
        lu_addr_free(m->from);
        m->from = g_ptr_array_steal_index(from, 0);
    }
    get_rest(&r, m);
    m->headers = true;
    g_ptr_array_free(from, TRUE);
}

struct lu_body *lu_msgcache_body_load(GBytes *v)
{
    struct lu_body *b = g_new0(struct lu_body, 1);
    struct rd r;

    rd_init(&r, v);
    b->text = dup_str(&r);
    b->bulk = get_u32(&r) != 0;
    b->sig_name = dup_str(&r);
    b->sig_phone = dup_str(&r);
    return b;
}

bool lu_msgcache_check(GBytes *headers, GBytes *body)
{
    struct rd h, b;

    rd_init(&h, headers);
    for (int i = 0; i < 5; i++)
        get_addrs(&h, NULL);
    get_rest(&h, NULL);
    if (!body) /* a row of the headers alone (scan.c ahead_wants_text) */
        return !h.bad && h.p == h.end;
    rd_init(&b, body);
    get_str(&b);
    get_u32(&b);
    get_str(&b);
    get_str(&b);
    return !h.bad && h.p == h.end && !b.bad && b.p == b.end;
}

/* ------------------------------------------------------------------ the texts' analyses */

static guint64 fnv_int(guint64 h, gint64 v)
{
    guint64 le = GUINT64_TO_LE((guint64)v);

    return lu_fnv64(h, &le, sizeof le);
}

/* What the analysis reads besides the text: the analyser, the zone and
 * calendar (lu_cal, all of it), the writer's clock.  The zone by its name
 * and by REF's offset (the message's own moment in it). */
static guint64 sense_context(const struct lu_cal *cal, GDateTime *ref, gint64 date, int tz_off)
{
    const char *zone = cal && cal->tz ? g_time_zone_get_identifier(cal->tz) : "";
    guint64 h = lu_fnv64(LU_FNV64_INIT, lu_sense_analyser, strlen(lu_sense_analyser) + 1);

    h = lu_fnv64(h, zone, strlen(zone) + 1);
    h = fnv_int(h, date);
    h = fnv_int(h, tz_off);
    h = fnv_int(h, ref ? g_date_time_get_utc_offset(ref) / G_USEC_PER_SEC : G_MININT64);
    if (!cal)
        return fnv_int(h, -1);
    h = fnv_int(h, cal->days);
    h = fnv_int(h, cal->work_start);
    h = fnv_int(h, cal->work_end);
    h = fnv_int(h, cal->mdy * 2 + cal->order_set);
    h = fnv_int(h, cal->holidays ? cal->holidays->len : 0);
    for (guint i = 0; cal->holidays && i < cal->holidays->len; i++)
        h = fnv_int(h, g_array_index(cal->holidays, guint32, i));
    return h;
}

void lu_msgcache_sense_key(const struct lu_cal *cal, GDateTime *ref, gint64 date, int tz_off,
                           const char *text, guint8 key[LU_SENSE_KEY])
{
    gsize n = strlen(text);
    /* The text by its length and FNV-1a: the row fixes the text as
     * written, and the one other text of it the rules analyse (without
     * what it pasted) is shorter.  Mail that makes two texts of one
     * message collide only misreads its own writer's words. */
    guint64 k[3] = {
        GUINT64_TO_LE(sense_context(cal, ref, date, tz_off)),
        GUINT64_TO_LE(lu_fnv64(LU_FNV64_INIT, text, n)),
        GUINT64_TO_LE((guint64)n),
    };

    memcpy(key, k, LU_SENSE_KEY);
}

static void put_when(GByteArray *out, const struct lu_when *w)
{
    put_i64(out, w->start);
    put_i64(out, w->end);
    put_u32(out, (guint32)w->span);
    put_u32(out, w->has_time);
    put_u32(out, (guint32)w->off);
    put_u32(out, (guint32)w->len);
}

static void put_sentence(GByteArray *out, const struct lu_sentence *s)
{
    put_str(out, s->text);
    put_u32(out, s->labels);
    put_u32(out, s->answer);
    /* The dates as one more than their number (0: none read, no calendar). */
    put_u32(out, s->dates ? s->dates->len + 1 : 0);
    for (guint i = 0; s->dates && i < s->dates->len; i++)
        put_when(out, &g_array_index(s->dates, struct lu_when, i));
    put_u32(out, s->why ? s->why->len : 0);
    for (guint i = 0; s->why && i < s->why->len; i++)
        put_str(out, g_ptr_array_index(s->why, i));
}

GBytes *lu_msgcache_sense(const guint8 key[LU_SENSE_KEY], const struct lu_analysis *an)
{
    GByteArray *out = g_byte_array_sized_new(256);
    struct lu_analysis *a = (struct lu_analysis *)an; /* the flags by address: read only */
    bool *flags[] = LU_ANALYSIS_FLAGS(a);
    guint32 bits = 0;

    g_byte_array_append(out, key, LU_SENSE_KEY);
    put_u32(out, an->sentences ? an->sentences->len : 0);
    for (guint i = 0; an->sentences && i < an->sentences->len; i++)
        put_sentence(out, g_ptr_array_index(an->sentences, i));
    put_u32(out, an->labels);
    for (guint i = 0; i < G_N_ELEMENTS(flags); i++)
        bits |= (guint32)*flags[i] << i;
    put_u32(out, bits);
    put_u32(out, (guint32)(an->reply_sentence + 1));
    put_u32(out, (guint32)(an->next_step_sentence + 1));
    put_when(out, &an->next_step);
    put_when(out, &an->ooo_return);
    return g_byte_array_free_to_bytes(out);
}

bool lu_msgcache_sense_is(GBytes *entry, const guint8 key[LU_SENSE_KEY])
{
    gsize n = 0;
    const guint8 *p = g_bytes_get_data(entry, &n);

    return n >= LU_SENSE_KEY && memcmp(p, key, LU_SENSE_KEY) == 0;
}

static void get_when(struct rd *r, struct lu_when *w)
{
    guint32 span;

    w->start = get_i64(r);
    w->end = get_i64(r);
    span = get_u32(r);
    w->span = span <= LU_SPAN_RANGE ? (enum lu_span)span : LU_SPAN_MOMENT;
    w->has_time = get_u32(r) != 0;
    w->off = (int)get_u32(r);
    w->len = (int)get_u32(r);
}

/* The next sentence, or NULL when the record ran out. */
static struct lu_sentence *get_sentence(struct rd *r)
{
    struct lu_sentence *s = g_new0(struct lu_sentence, 1);
    guint32 n;

    s->text = g_strdup(get_str(r));
    s->labels = get_u32(r);
    s->answer = get_u32(r) != 0;
    n = get_u32(r);
    if (n && !r->bad && n - 1 <= (guint32)(r->end - r->p) / 4) {
        s->dates = g_array_sized_new(FALSE, FALSE, sizeof(struct lu_when), n - 1);
        for (guint32 i = 0; i + 1 < n && !r->bad; i++) {
            struct lu_when w = {0};
            get_when(r, &w);
            g_array_append_val(s->dates, w);
        }
    } else if (n) {
        r->bad = true;
    }
    s->why = g_ptr_array_new_with_free_func(g_free);
    n = get_u32(r);
    for (guint32 i = 0; i < n && !r->bad; i++) {
        const char *why = get_str(r);
        if (why)
            g_ptr_array_add(s->why, g_strdup(why));
    }
    if (r->bad || !s->text) {
        lu_sentence_free(s);
        r->bad = true;
        return NULL;
    }
    return s;
}

/* The analysis of ENTRY (its key skipped), or NULL when it is damaged. */
static struct lu_analysis *sense_load(GBytes *entry)
{
    struct lu_analysis *an = g_new0(struct lu_analysis, 1);
    bool *flags[] = LU_ANALYSIS_FLAGS(an);
    guint32 n, bits;
    struct rd r;

    rd_init(&r, entry);
    r.p += LU_SENSE_KEY; /* lu_msgcache_sense_is checked its length */
    an->sentences = g_ptr_array_new_with_free_func(lu_sentence_free);
    n = get_u32(&r);
    for (guint32 i = 0; i < n && !r.bad; i++) {
        struct lu_sentence *s = get_sentence(&r);
        if (s)
            g_ptr_array_add(an->sentences, s);
    }
    an->labels = get_u32(&r);
    bits = get_u32(&r);
    for (guint i = 0; i < G_N_ELEMENTS(flags); i++)
        *flags[i] = (bits >> i) & 1;
    an->reply_sentence = (int)get_u32(&r) - 1;
    an->next_step_sentence = (int)get_u32(&r) - 1;
    get_when(&r, &an->next_step);
    get_when(&r, &an->ooo_return);
    if (r.bad || r.p != r.end || an->reply_sentence >= (int)an->sentences->len ||
        an->next_step_sentence >= (int)an->sentences->len) {
        lu_analysis_free(an);
        return NULL;
    }
    return an;
}

struct lu_analysis *lu_msgcache_sense_find(GBytes *record, const guint8 key[LU_SENSE_KEY],
                                           GBytes **entry)
{
    struct rd r;
    gsize size = 0;
    const guint8 *base = record ? g_bytes_get_data(record, &size) : NULL;

    *entry = NULL;
    if (!base)
        return NULL;
    rd_init(&r, record);
    while (r.p != r.end && !r.bad) {
        guint32 n = get_u32(&r);
        if (r.bad || n < LU_SENSE_KEY || (gsize)(r.end - r.p) < n)
            return NULL;
        if (memcmp(r.p, key, LU_SENSE_KEY) == 0) {
            struct lu_analysis *an;
            *entry = g_bytes_new_from_bytes(record, (gsize)(r.p - base), n);
            an = sense_load(*entry);
            if (!an)
                g_clear_pointer(entry, g_bytes_unref);
            return an;
        }
        r.p += n;
    }
    return NULL;
}

GBytes *lu_msgcache_senses(GPtrArray *entries)
{
    GByteArray *out = g_byte_array_new();

    for (guint i = 0; entries && i < entries->len; i++) {
        gsize n = 0;
        const guint8 *p = g_bytes_get_data(g_ptr_array_index(entries, i), &n);
        put_u32(out, (guint32)n);
        g_byte_array_append(out, p, (guint)n);
    }
    return g_byte_array_free_to_bytes(out);
}

/* Whether ENTRIES holds an entry of KEY (only the first N bytes compared). */
static bool senses_have(GPtrArray *entries, const guint8 *key, gsize n)
{
    for (guint i = 0; entries && i < entries->len; i++) {
        gsize len = 0;
        const guint8 *p = g_bytes_get_data(g_ptr_array_index(entries, i), &len);
        if (len >= LU_SENSE_KEY && memcmp(p, key, n) == 0)
            return true;
    }
    return false;
}

GBytes *lu_msgcache_senses_merge(GPtrArray *entries, GBytes *record)
{
    GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    gsize size = 0;
    const guint8 *base = record ? g_bytes_get_data(record, &size) : NULL;
    GBytes *out;
    struct rd r;

    for (guint i = 0; entries && i < entries->len; i++)
        g_ptr_array_add(all, g_bytes_ref(g_ptr_array_index(entries, i)));
    rd_init(&r, record);
    while (base && r.p != r.end && !r.bad) {
        guint32 n = get_u32(&r);
        if (r.bad || n < LU_SENSE_KEY || (gsize)(r.end - r.p) < n)
            break;
        /* Another text of this message in the same context (its first 8
         * bytes: the analyser, the settings and the date), not one of ENTRIES. */
        if (!senses_have(all, r.p, LU_SENSE_KEY) && senses_have(entries, r.p, 8))
            g_ptr_array_add(all, g_bytes_new_from_bytes(record, (gsize)(r.p - base), n));
        r.p += n;
    }
    out = lu_msgcache_senses(all);
    g_ptr_array_unref(all);
    return out;
}
