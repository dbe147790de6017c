/* mime.c - everything leadup reads from a message file, through GMime.
 *
 * This is the only file that includes GMime.  It fills struct lu_msg with
 * the headers the rules need, decides whether a message is an automatic
 * one (out-of-office, bounce, read receipt), and hands out the decoded
 * text of the best body part. */
#include "leadup.h"
#include "addr.h"
#include "draftmsg.h"

#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every message GMime parsed (read_stream): the scan reports the count, so
 * that a test can prove a rescan read no file. */
guint64 lu_mime_parses;
/* Of those, the ones GMime built as a GMimeMessage (read_stream: only a
 * file that opens with an mbox From line). */
guint64 lu_mime_messages;
/* Of those, the ones read without GMime's parser (read_bytes). */
guint64 lu_mime_plain;
/* The Date values read (subject_and_date), and of those the ones read
 * without GMime's date parser (date_fast). */
guint64 lu_mime_dates, lu_mime_dates_plain;

/* The subject patterns of detect_auto, case-folded once.  Built with GMime's
 * start under one g_once, so that the scan's worker threads may parse at
 * once (GMime's own caches, iconv and charsets, take their locks; its
 * objects are per message). */
struct folded {
    char **bounce, **receipt, **autos;
    bool gmime_only; /* LEADUP_DEBUG_MIME_GMIME: every file and date read by GMime */
};

static char **fold_all(const char *const *pats)
{
    GPtrArray *a = g_ptr_array_new();

    for (; pats && *pats; pats++)
        g_ptr_array_add(a, g_utf8_casefold(*pats, -1));
    g_ptr_array_add(a, NULL);
    return (char **)g_ptr_array_free(a, FALSE);
}

static gpointer init_once(gpointer unused)
{
    struct folded *f = g_new0(struct folded, 1);

    (void)unused;
    g_mime_init();
    /* The subjects are the language packs' (helper/lang-*.c). */
    f->bounce = fold_all(LU_LANG_ALL(bounce_subjects));
    f->receipt = fold_all(LU_LANG_ALL(receipt_prefixes));
    f->autos = fold_all(LU_LANG_ALL(auto_subjects));
    f->gmime_only = getenv("LEADUP_DEBUG_MIME_GMIME") != NULL;
    return f;
}

/* Starts GMime and folds the patterns, once (never freed: one-time). */
static const struct folded *mime_init(void)
{
    static GOnce once = G_ONCE_INIT;

    return g_once(&once, init_once, NULL);
}

void lu_mime_init(void)
{
    mime_init();
}

/* One header of a file: its name, its raw value (the text after the colon,
 * folds kept, CRs dropped) and that value unfolded and decoded, as GMime's
 * g_mime_header_get_value hands it out (NULL: none). */
struct hdr {
    char *name, *raw, *value;
    guint32 nlen; /* NAME's length (no header name is 4 GB long) */
    bool decoded; /* VALUE is made */
};

/* A message file as mime.c keeps it in lu_msg's mime: its headers, in the
 * file's order, and either GMime's parse of it (TOP), or, for a file of a
 * single text part (read_bytes), the file itself and where its text is,
 * never built as GMime's MIME tree: a header list of GObjects, one a
 * header, made and torn down a message, was most of a first scan's read. */
struct file {
    GArray *hdrs;             /* struct hdr */
    GMimeObject *top;         /* GMime's top part, or NULL (the plain read) */
    GByteArray *bytes;        /* the plain read: the file */
    gsize body;               /* ... where its body starts */
    GMimeContentEncoding enc; /* ... its Content-Transfer-Encoding */
    char *charset;            /* ... its charset parameter, or NULL */
    bool html;                /* ... text/html, not text/plain */
};

static void hdr_clear(struct hdr *h)
{
    LU_FREE_EACH(g_free, h->name, h->raw, h->value);
}

static struct file *file_new(void)
{
    struct file *f = g_new0(struct file, 1);

    /* Sized for most messages' headers: grown one by one it was copied
     * again and again.  32 of 32 bytes are 1,024, the largest block
     * glibc's per-thread cache hands back: 40 bytes a header made it a
     * 2,048-byte block from the arena, after a sweep of its freed small
     * blocks, 7,200 instructions a message (issue 14, s43-cpu). */
    G_STATIC_ASSERT(sizeof(struct hdr) == 32);
    f->hdrs = g_array_sized_new(FALSE, TRUE, sizeof(struct hdr), 32);
    g_array_set_clear_func(f->hdrs, (GDestroyNotify)hdr_clear);
    return f;
}

static void file_free(struct file *f)
{
    if (!f)
        return;
    g_array_unref(f->hdrs);
    g_clear_object(&f->top);
    if (f->bytes)
        g_byte_array_unref(f->bytes);
    g_free(f->charset);
    g_free(f);
}

/* The first header of F named NAME (any case), or NULL: GMime's
 * g_mime_header_list_get_header. */
static struct hdr *hdr_get(const struct file *f, const char *name)
{
    gsize n = strlen(name);

    for (guint i = 0; f && i < f->hdrs->len; i++) {
        struct hdr *h = &g_array_index(f->hdrs, struct hdr, i);
        if (h->nlen == n && !g_ascii_strcasecmp(h->name, name))
            return h;
    }
    return NULL;
}

/* RAW is one line of printable ASCII without an encoded word: GMime's
 * unfolding and decoding leave it as it is, white space at its ends
 * stripped. */
static bool plain_value(const char *raw)
{
    for (const char *p = raw; *p; p++)
        if ((guchar)*p >= 0x7f || (*p < ' ' && *p != '\t') || (*p == '=' && p[1] == '?'))
            return false;
    return true;
}

/* H's value, unfolded and decoded (H's; NULL: none): GMime's own
 * g_mime_header_get_value, which decodes the unfolded raw value. */
static const char *hdr_value(struct hdr *h)
{
    char *unfolded;

    if (!h)
        return NULL;
    if (!h->decoded && h->raw && plain_value(h->raw)) {
        h->value = g_strstrip(g_strdup(h->raw));
    } else if (!h->decoded && h->raw) {
        unfolded = g_mime_utils_header_unfold(h->raw);
        h->value = g_mime_utils_header_decode_text(NULL, unfolded);
        g_free(unfolded);
    }
    h->decoded = true;
    return h->value;
}

/* The decoded value of F's first header NAME (F's), or NULL:
 * g_mime_object_get_header. */
static const char *file_header(const struct file *f, const char *name)
{
    return hdr_value(hdr_get(f, name));
}

struct lu_msg *lu_msg_new(void)
{
    struct lu_msg *m = g_new0(struct lu_msg, 1);

    m->to = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    m->cc = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    m->reply_to = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    m->followup_to = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    m->refs = g_ptr_array_new_with_free_func(g_free);
    m->tags = g_ptr_array_new_with_free_func(g_free);
    m->sender_sent = m->sender_answered = -1;
    return m;
}

struct lu_msg *lu_msg_new_indexed(const char *mid, const char *thread_id, const char *filename,
                                  gint64 date, char *subject, struct lu_addr *from,
                                  const char *unsent)
{
    struct lu_msg *m = lu_msg_new();

    m->mid = g_strdup(mid);
    m->thread_id = g_strdup(thread_id);
    m->filename = g_strdup(filename);
    m->date = date;
    m->subject = subject;
    m->from = from;
    m->unsent = unsent;
    return m;
}

void lu_msg_free(struct lu_msg *m)
{
    if (!m)
        return;
    lu_addr_free(m->from);
    LU_FREE_EACH(g_ptr_array_unref, m->to, m->cc, m->reply_to, m->followup_to, m->refs, m->tags);
    lu_body_free(m->body);
    lu_analysis_free(m->an);
    g_clear_pointer(&m->mime, file_free);
    LU_FREE_EACH(g_bytes_unref, m->record, m->text_record, m->sense_record);
    g_clear_pointer(&m->senses, g_ptr_array_unref);
    LU_FREE_EACH(g_free, m->mid, m->thread_id, m->filename, m->subject, m->in_reply_to, m->list_id,
                 m->list_post, m->bounced_mid, m->file_id, m);
}

/* Header text must never carry line breaks, NULs or terminal controls
 * onward (drafts, JSON, muttrc, the terminal). */
static char *clean_text(const char *s)
{
    return lu_clean_line(s);
}

static void add_addresses(GPtrArray *out, InternetAddressList *list)
{
    int n = list ? internet_address_list_length(list) : 0;

    for (int i = 0; i < n; i++) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            add_addresses(out, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)));
        } else if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
            const char *email = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
            const char *name = internet_address_get_name(ia);
            struct lu_addr *a;

            if (!email || !*email)
                continue;
            a = g_new0(struct lu_addr, 1);
            a->email = clean_text(email);
            a->name = name && *name ? clean_text(name) : NULL;
            g_ptr_array_add(out, a);
        }
    }
}

/* One element of an address list that GMime refused, read leniently:
 * "Name <addr>" or a bare addr, where addr has an "@" and no space.
 * Exchange writes local parts with two dots ("j..smith@x"), which RFC 5322
 * forbids and GMime drops: without this the sender reads as unknown and
 * the conversation as not mine. */
static void add_lenient(GPtrArray *out, const char *el, gsize len)
{
    char *e = g_strstrip(g_strndup(el, len)), *lt = strrchr(e, '<'), *addr, *name = NULL;
    struct lu_addr *a;

    if (lt && strchr(lt, '>')) {
        addr = g_strndup(lt + 1, (gsize)(strchr(lt, '>') - lt - 1));
        *lt = '\0';
        g_strstrip(e);
        if (*e == '"' && strlen(e) >= 2 && e[strlen(e) - 1] == '"') {
            e[strlen(e) - 1] = '\0';
            memmove(e, e + 1, strlen(e));
        }
        name = *e ? g_mime_utils_header_decode_phrase(NULL, e) : NULL;
    } else {
        addr = g_strdup(e);
    }
    g_strstrip(addr);
    if (strchr(addr, '@') && !strpbrk(addr, " \t\"<>()")) {
        a = g_new0(struct lu_addr, 1);
        a->email = clean_text(addr);
        a->name = name && *name ? clean_text(name) : NULL;
        g_ptr_array_add(out, a);
    }
    g_free(name);
    g_free(addr);
    g_free(e);
}

/* VALUE (raw, unfolded) split at commas outside quotes, angle brackets and
 * comments; each element GMime parses is taken from GMime, the others
 * leniently. */
static void add_addresses_lenient(GPtrArray *out, const char *value)
{
    const char *p = value, *start = value;
    int depth = 0;
    bool quoted = false;

    for (;; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && (*p == '<' || *p == '('))
            depth++;
        else if (!quoted && (*p == '>' || *p == ')') && depth > 0)
            depth--;
        if (*p == '\0' || (!quoted && !depth && (*p == ',' || *p == ';'))) {
            char *el = g_strndup(start, (gsize)(p - start));
            InternetAddressList *l = internet_address_list_parse(NULL, el);
            guint before = out->len;
            if (l) {
                add_addresses(out, l);
                g_object_unref(l);
            }
            if (out->len == before)
                add_lenient(out, el, strlen(el));
            g_free(el);
            start = p + 1;
        }
        if (*p == '\0')
            break;
    }
}

/* How many elements of VALUE carry an "@": what a parse should find. */
static guint count_at_elements(const char *value)
{
    guint n = 0;
    bool at = false, quoted = false;

    for (const char *p = value; p && *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == '@')
            at = true;
        else if (!quoted && (*p == ',' || *p == ';')) {
            n += at;
            at = false;
        }
    }
    return n + at;
}

/* Adds the addresses of VALUE to OUT: GMime's parse, or, when GMime
 * dropped some (see add_lenient), the lenient one. */
static void add_address_value(GPtrArray *out, const char *value)
{
    InternetAddressList *list;
    GPtrArray *tmp;

    if (!value || lu_addr_plain_list(out, value))
        return;
    tmp = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    list = internet_address_list_parse(NULL, value);
    if (list) {
        add_addresses(tmp, list);
        g_object_unref(list);
    }
    if (tmp->len < count_at_elements(value)) {
        g_ptr_array_set_size(tmp, 0);
        add_addresses_lenient(tmp, value);
    }
    for (guint i = 0; i < tmp->len; i++)
        g_ptr_array_add(out, g_ptr_array_steal_index(tmp, i--));
    g_ptr_array_free(tmp, TRUE);
}

GPtrArray *lu_addr_list_parse(const char *value)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);

    mime_init();
    add_address_value(out, value);
    return out;
}

/* The addresses of header NAME of OBJ, raw and unfolded so that an encoded
 * "," in a name cannot split an address, into OUT. */
static void add_header_addresses(GPtrArray *out, const struct file *f, const char *name)
{
    struct hdr *h = hdr_get(f, name);
    const char *raw = h ? h->raw : NULL;
    char *unfolded;

    if (!raw)
        return;
    unfolded = g_mime_utils_header_unfold(raw);
    add_address_value(out, unfolded);
    g_free(unfolded);
}

/* A raw header's value, unfolded and decoded, or NULL. Caller frees. */
static char *header_value(const struct file *f, const char *name)
{
    struct hdr *h = hdr_get(f, name);
    const char *raw;
    char *unfolded, *dec, *ret;

    if (!h)
        return NULL;
    raw = h->raw;
    if (!raw)
        return NULL;
    unfolded = g_mime_utils_header_unfold(raw);
    dec = g_mime_utils_header_decode_text(NULL, unfolded);
    ret = clean_text(dec);
    g_free(dec);
    g_free(unfolded);
    return ret;
}

char *lu_mime_header(struct lu_msg *m, const char *name)
{
    /* The top part holds the Content- headers too (read_stream); a
     * message's own headers never did. */
    if (!m->mime || !g_ascii_strncasecmp(name, "Content-", 8))
        return NULL;
    return header_value(m->mime, name);
}

/* The ids of an In-Reply-To or References VALUE ("<a@b> <c@d>" -> "a@b",
 * "c@d"), decoded and parsed as notmuch does, so that they name the
 * messages notmuch indexed. */
static void parse_ids(const char *value, GPtrArray *out)
{
    char *dec = value ? g_mime_utils_header_decode_text(NULL, value) : NULL;
    const char *p = dec;

    while (p && *p) {
        char *id = lu_mid_parse(p, &p);
        if (id)
            g_ptr_array_add(out, id);
    }
    g_free(dec);
}

/* The Message-ID notmuch indexes OBJ under: the first Message-ID header
 * (GMime's parsed id is the last one: a second header would name another
 * thread), decoded and parsed as notmuch does.  Caller frees. */
static char *first_mid(const char *raw)
{
    char *dec = raw ? g_mime_utils_header_decode_text(NULL, raw) : NULL;
    char *id = lu_mid_from_header(dec);

    g_free(dec);
    return id;
}

static bool ascii_only(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return false;
    return true;
}

/* S holds WORD (at its start when AT_START), case folded. */
static bool has_ci(const char *s, const char *word, bool at_start)
{
    char *h, *w;
    bool r;

    if (!s)
        return false;
    /* ASCII S folds to its ASCII lower case (the WORDs are lower-case
     * ASCII): compared in place, without two folded copies a message. */
    if (ascii_only(s)) {
        gsize n = strlen(word);
        for (const char *p = s; *p; p++) {
            if (!g_ascii_strncasecmp(p, word, n))
                return true;
            if (at_start)
                break;
        }
        return false;
    }
    h = g_utf8_casefold(s, -1);
    w = g_utf8_casefold(word, -1);
    r = at_start ? g_str_has_prefix(h, w) : strstr(h, w) != NULL;
    g_free(h);
    g_free(w);
    return r;
}

/* Does FOLDED (a case-folded subject) contain, or with PREFIX start with,
 * one of PATS (folded by mime_init)? */
static bool folded_match(const char *folded, char *const *pats, bool prefix)
{
    for (; folded && *pats; pats++)
        if (prefix ? g_str_has_prefix(folded, *pats) : strstr(folded, *pats) != NULL)
            return true;
    return false;
}

/* The top of the body of TOP (what read_stream made of a file): the part
 * itself, or a GMimeMessage's part. */
static GMimeObject *body_top(GMimeObject *top)
{
    return GMIME_IS_MESSAGE(top) ? g_mime_message_get_mime_part(GMIME_MESSAGE(top)) : top;
}

/* The Message-ID a delivery report is about, from its returned headers. */
static char *reported_mid(GMimeObject *top)
{
    GMimePartIter *it = g_mime_part_iter_new(body_top(top));
    char *mid = NULL;

    do {
        GMimeObject *o = g_mime_part_iter_get_current(it);
        GMimeContentType *ct = o ? g_mime_object_get_content_type(o) : NULL;

        if (!ct)
            continue;
        if (GMIME_IS_MESSAGE_PART(o)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o));
            if (inner)
                mid = first_mid(g_mime_object_get_header(GMIME_OBJECT(inner), "Message-ID"));
        } else if (g_mime_content_type_is_type(ct, "text", "rfc822-headers") && GMIME_IS_PART(o)) {
            GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(o));
            GMimeStream *mem = g_mime_stream_mem_new();
            GByteArray *ba;
            const char *p;

            if (w)
                g_mime_data_wrapper_write_to_stream(w, mem);
            ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
            g_byte_array_append(ba, (const guint8 *)"", 1);
            p = strstr((char *)ba->data, "\nMessage-I");
            if (!p && g_ascii_strncasecmp((char *)ba->data, "Message-I", 9) == 0)
                p = (char *)ba->data - 1;
            if (p) {
                const char *lt = strchr(p, '<'), *gt = lt ? strchr(lt, '>') : NULL;
                const char *nl = strchr(p + 1, '\n');
                if (lt && gt && (!nl || lt < nl || nl[1] == ' ' || nl[1] == '\t'))
                    mid = lu_mid_parse(lt, NULL);
            }
            g_object_unref(mem);
        }
    } while (!mid && g_mime_part_iter_next(it));
    g_mime_part_iter_free(it);
    return mid;
}

/* M is automatic: of kind K, for the reason WHY.  Returns true. */
static bool auto_is(struct lu_msg *m, enum lu_auto k, const char *why)
{
    m->autokind = k;
    m->auto_why = why;
    return true;
}

/* Whether OBJ has header NAME and (WORD non-NULL) its value, white space
 * stripped, is WORD in any case. */
static bool header_says(const struct file *obj, const char *name, const char *word)
{
    char *v = header_value(obj, name);
    bool yes = v && (!word || !g_ascii_strcasecmp(g_strstrip(v), word));

    g_free(v);
    return yes;
}

/* The headers that say an automatic answer (RFC 3834 and older custom). */
static bool auto_by_headers(struct lu_msg *m, const struct file *obj)
{
    char *v = header_value(obj, "Auto-Submitted");
    bool submitted = v && g_ascii_strncasecmp(v, "no", 2) != 0;

    g_free(v);
    if (submitted)
        return auto_is(m, LU_AUTO_REPLY, "Auto-Submitted header (RFC 3834)");
    if (header_says(obj, "X-Autoreply", NULL) || header_says(obj, "X-Autorespond", NULL) ||
        header_says(obj, "X-Autoresponse", NULL))
        return auto_is(m, LU_AUTO_REPLY, "X-Autoreply/X-Autorespond header");
    if (header_says(obj, "Precedence", "auto_reply"))
        return auto_is(m, LU_AUTO_REPLY, "Precedence: auto_reply");
    /* Mailing lists say bulk too: only without List-Id is it automatic. */
    if ((header_says(obj, "Precedence", "bulk") || header_says(obj, "Precedence", "junk")) &&
        !m->list_id)
        return auto_is(m, LU_AUTO_REPLY, "Precedence: bulk/junk without List-Id");
    return false;
}

/* Sets M's autokind and auto_why from MSG's report type, sender, headers
 * and subject (SUBJ, case-folded); false (M untouched): none says it is
 * automatic. */
static bool auto_of(struct lu_msg *m, const struct file *msg, const char *subj)
{
    /* The plain read's text part is no report. */
    GMimeObject *top = msg->top ? body_top(msg->top) : NULL;
    GMimeContentType *ct = top ? g_mime_object_get_content_type(top) : NULL;
    const char *rt = ct ? g_mime_content_type_get_parameter(ct, "report-type") : NULL;
    const char *from = m->from ? m->from->email : NULL;
    const struct folded *pats = mime_init();

    if (ct && g_mime_content_type_is_type(ct, "multipart", "report") && rt) {
        if (!g_ascii_strcasecmp(rt, "delivery-status"))
            return auto_is(
                m, LU_AUTO_BOUNCE,
                "a delivery status report (multipart/report; report-type=delivery-status)");
        if (!g_ascii_strcasecmp(rt, "disposition-notification"))
            return auto_is(
                m, LU_AUTO_RECEIPT,
                "a read receipt (multipart/report; report-type=disposition-notification)");
    }
    if (from && (has_ci(from, "mailer-daemon@", true) || has_ci(from, "postmaster@", true)))
        return auto_is(m, LU_AUTO_BOUNCE, "sent by MAILER-DAEMON/postmaster");
    if (folded_match(subj, pats->bounce, false) &&
        (!m->in_reply_to || !from || has_ci(from, "daemon", false) ||
         has_ci(from, "postmaster", false) || has_ci(from, "mail", false)))
        return auto_is(m, LU_AUTO_BOUNCE, "a delivery failure subject");
    /* "Read: <subject>" is what Outlook and others send as a receipt. */
    if (folded_match(subj, pats->receipt, true))
        return auto_is(m, LU_AUTO_RECEIPT, "a read receipt subject");
    if (auto_by_headers(m, msg))
        return true;
    /* The automatic answers' subjects are the language packs' (helper/lang-*.c). */
    if (folded_match(subj, pats->autos, false))
        return auto_is(m, LU_AUTO_REPLY, "an automatic-reply subject");
    return false;
}

static void detect_auto(struct lu_msg *m, const struct file *msg)
{
    /* Folded once: the subject meets dozens of patterns.  An ASCII subject
     * folds to its ASCII lower case (GLib's fold table starts at U+00B5),
     * without a GString a character: 2,700 instructions a message
     * (s43-cpu). */
    char *subj = !m->subject              ? NULL
                 : ascii_only(m->subject) ? lu_strlower(g_strdup(m->subject))
                                          : g_utf8_casefold(m->subject, -1);

    auto_of(m, msg, subj);
    g_free(subj);
    /* The plain read's text part returns no headers of another message. */
    if (m->autokind == LU_AUTO_BOUNCE && msg->top)
        m->bounced_mid = reported_mid(msg->top);
}

/* A List-Post value "<mailto:list@x?subject=..>" -> "list@x". */
static char *list_post_addr(const char *v)
{
    const char *p = v ? strstr(v, "mailto:") : NULL;
    size_t n;

    if (!p)
        return NULL;
    p += 7;
    n = strcspn(p, ">?, ");
    return n ? g_strndup(p, n) : NULL;
}

/* The marks of mail that was never sent.  NeoMutt and Mutt write these
 * headers into a postponed message only, and strip them when it is sent. */
static void detect_unsent(struct lu_msg *m, const struct file *obj, const char *id, bool date)
{
    static const char *const postponed[] = {"X-Mutt-References", "X-Mutt-Fcc",
                                            "X-Mutt-PGP",        "X-Mutt-SMIME",
                                            "X-Mutt-Mix",        "X-Mutt-Resume-Draft"};

    for (size_t i = 0; i < G_N_ELEMENTS(postponed) && !m->unsent; i++)
        if (file_header(obj, postponed[i]))
            m->unsent = "a postponed draft (X-Mutt- header)";
    if (!id || !*id)
        m->unsent_if_mine = "no Message-ID: never sent";
    else if (!date)
        m->unsent_if_mine = "no Date: never sent";
}

/* A Date header's moment and offset (SET: there is one). */
struct hdate {
    bool set;
    gint64 at; /* its moment, Unix seconds */
    int off;   /* seconds east of UTC */
};

/* The number of N digits at *P (none may be missing), P moved past them; -1: not N digits. */
static int digits_at(const char **p, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++, (*p)++) {
        if (!g_ascii_isdigit(**p))
            return -1;
        v = v * 10 + (**p - '0');
    }
    return v;
}

/* The index of the three letters at P in NAMES (exact case), or -1. */
static int name_at(const char *p, const char *names)
{
    for (int i = 0; names[3 * i]; i++)
        if (!strncmp(p, names + 3 * i, 3))
            return i;
    return -1;
}

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian). */
static gint64 days_from_civil(int y, int m, int d)
{
    gint64 era, yoe, doy;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* V, a Date value of the one strict form most mail has, "[Www, ]D Mmm
 * YYYY HH:MM[:SS] +HHMM" (English names in their case, a comment after it
 * at most), into *D: what GMime's g_mime_utils_header_decode_date makes of
 * it, without its tokens, time zone and GDateTime, 8,000 instructions a
 * message (s43-cpu).  False: any other form, left to GMime. */
static bool date_fast(const char *v, struct hdate *d)
{
    static const char mons[] = "JanFebMarAprMayJunJulAugSepOctNovDec",
                      wdays[] = "MonTueWedThuFriSatSun";
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const char *p = v;
    int day, mon, year, hh, mm, ss = 0, zh, zm, sign;

    while (*p == ' ' || *p == '\t')
        p++;
    if (name_at(p, wdays) >= 0 && p[3] == ',' && p[4] == ' ')
        for (p += 4; *p == ' '; p++)
            ;
    day = digits_at(&p, g_ascii_isdigit(p[0]) && g_ascii_isdigit(p[1]) ? 2 : 1);
    if (day < 1 || *p++ != ' ' || (mon = name_at(p, mons)) < 0 || p[3] != ' ')
        return false;
    p += 4;
    year = digits_at(&p, 4);
    if (year < 1970 || year > 2999 || *p++ != ' ' || (hh = digits_at(&p, 2)) < 0 || hh > 23 ||
        *p++ != ':' || (mm = digits_at(&p, 2)) < 0 || mm > 59)
        return false;
    if (*p == ':' && (p++, (ss = digits_at(&p, 2)) < 0 || ss > 59))
        return false;
    if (*p++ != ' ' || (*p != '+' && *p != '-'))
        return false;
    sign = *p++ == '-' ? -1 : 1;
    if ((zh = digits_at(&p, 2)) < 0 || zh > 14 || (zm = digits_at(&p, 2)) < 0 || zm > 59)
        return false;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '(') { /* a comment ("(UTC)"), nothing after it */
        const char *e = strchr(p, ')');
        if (!e || memchr(p + 1, '(', (gsize)(e - p - 1)))
            return false;
        for (p = e + 1; *p == ' ' || *p == '\t'; p++)
            ;
    }
    if (*p || day > mdays[mon] ||
        (mon == 1 && day == 29 && (year % 4 || (year % 100 == 0 && year % 400))))
        return false;
    d->off = sign * (zh * 3600 + zm * 60);
    d->at = days_from_civil(year, mon + 1, day) * 86400 + hh * 3600 + mm * 60 + ss - d->off;
    d->set = true;
    return true;
}

/* What GMimeMessage made of OBJ's headers, without one: the last Subject
 * (decoded; NULL when it has no value) into *SUBJECT, and the last Date that
 * has a value, parsed (unset when GMime cannot) into *DATE: GMime's
 * message takes each such header in turn, each replacing the one before. */
static void subject_and_date(const struct file *obj, const char **subject, struct hdate *date)
{
    *subject = NULL;
    *date = (struct hdate){0};
    for (guint i = 0; i < obj->hdrs->len; i++) {
        struct hdr *h = &g_array_index(obj->hdrs, struct hdr, i);
        const char *name = h->name, *v;
        GDateTime *t;

        if (!g_ascii_strcasecmp(name, "Subject")) {
            *subject = hdr_value(h);
        } else if (!g_ascii_strcasecmp(name, "Date") && (v = hdr_value(h))) {
            /* Counted from the scan's worker threads too. */
            __atomic_add_fetch(&lu_mime_dates, 1, __ATOMIC_RELAXED);
            if (!mime_init()->gmime_only && date_fast(v, date)) {
                __atomic_add_fetch(&lu_mime_dates_plain, 1, __ATOMIC_RELAXED);
                continue;
            }
            t = g_mime_utils_header_decode_date(v);
            *date = (struct hdate){t != NULL, t ? g_date_time_to_unix(t) : 0,
                                   t ? (int)(g_date_time_get_utc_offset(t) / G_USEC_PER_SEC) : 0};
            if (t)
                g_date_time_unref(t);
        }
    }
}

static int fill(struct lu_msg *m, const struct file *obj)
{
    GPtrArray *tmp = g_ptr_array_new_with_free_func((GDestroyNotify)lu_addr_free);
    const char *subject;
    struct hdate date;
    char *v;

    subject_and_date(obj, &subject, &date);

    add_header_addresses(tmp, obj, "From");
    /* The file's From beats the index's: notmuch hands out the decoded
     * header, which an encoded "," or "<" in a name can make ambiguous. */
    if (tmp->len) {
        lu_addr_free(m->from);
        m->from = g_ptr_array_steal_index(tmp, 0);
    }
    g_ptr_array_free(tmp, TRUE);
    add_header_addresses(m->to, obj, "To");
    add_header_addresses(m->cc, obj, "Cc");
    add_header_addresses(m->reply_to, obj, "Reply-To");
    add_header_addresses(m->followup_to, obj, "Mail-Followup-To");
    if (subject) {
        g_free(m->subject);
        m->subject = clean_text(subject);
    }
    if (date.set) {
        if (!m->date)
            m->date = date.at;
        m->tz_off = date.off;
    }
    if (!m->mid)
        m->mid = first_mid(file_header(obj, "Message-ID"));
    v = g_strdup(file_header(obj, "In-Reply-To"));
    if (v) {
        GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
        parse_ids(v, ids);
        if (ids->len)
            m->in_reply_to = g_strdup(g_ptr_array_index(ids, ids->len - 1));
        g_ptr_array_free(ids, TRUE);
        g_free(v);
    }
    parse_ids(file_header(obj, "References"), m->refs);
    m->list_id = header_value(obj, "List-Id");
    v = header_value(obj, "List-Post");
    m->list_post = list_post_addr(v);
    g_free(v);
    /* Newsletters and campaigns carry List-Unsubscribe (RFC 2369, 8058)
     * without being a discussion list. */
    m->bulk = !m->list_id && file_header(obj, "List-Unsubscribe");
    detect_auto(m, obj);
    detect_unsent(m, obj, file_header(obj, "Message-ID"), date.set);
    m->headers = true;
    return 0;
}

/* The file of STREAM as GMime's top part: every header of the message on
 * it, in the file's order, and its body below it.  A GMimeMessage would
 * keep the same headers, Content- ones on its part, but it also builds six
 * address lists and parses From, To, Cc and Date into them as each header
 * arrives, and frees them again: a third of the parse and teardown, of
 * what fill() reads from the raw headers anyway.  Only a file that opens
 * with an mbox "From " line needs construct_message, which skips that
 * line (construct_part fails on it, and only on such a first line). */
static GMimeObject *construct(GMimeStream *stream)
{
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeObject *top;

    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    top = g_mime_parser_construct_part(parser, NULL);
    if (!top && g_mime_stream_reset(stream) == 0) {
        GMimeMessage *msg;

        g_mime_parser_init_with_stream(parser, stream);
        msg = g_mime_parser_construct_message(parser, NULL);
        if (msg)
            __atomic_add_fetch(&lu_mime_messages, 1, __ATOMIC_RELAXED);
        top = msg ? GMIME_OBJECT(msg) : NULL;
    }
    g_object_unref(parser);
    return top;
}

/* F's headers from GMime's parse of it (F->top). */
static void hdrs_from_gmime(struct file *f)
{
    GMimeHeaderList *hl = g_mime_object_get_header_list(f->top);
    int n = hl ? g_mime_header_list_get_count(hl) : 0;

    for (int i = 0; i < n; i++) {
        GMimeHeader *gh = g_mime_header_list_get_header_at(hl, i);
        const char *name = g_mime_header_get_name(gh);
        struct hdr h = {.name = g_strdup(name),
                        .nlen = (guint32)MIN(strlen(name), G_MAXUINT32),
                        .raw = g_strdup(g_mime_header_get_raw_value(gh)),
                        .value = g_strdup(g_mime_header_get_value(gh)),
                        .decoded = true};
        g_array_append_val(f->hdrs, h);
    }
}

/* F's file (F->bytes, taken) read by GMime into F->top and F's headers.
 * QUIET: say nothing of a failure (a worker thread's words would come in
 * no fixed order; the scan reads the file again on its own thread to say
 * it). */
static int read_gmime(struct file *f, const char *what, bool quiet)
{
    GMimeStream *mem = g_mime_stream_mem_new_with_byte_array(f->bytes); /* owns the bytes */
    int ret = 0;

    f->bytes = NULL;
    g_array_set_size(f->hdrs, 0);
    g_clear_pointer(&f->charset, g_free);
    f->top = construct(mem);
    if (!f->top) {
        ret =
            quiet ? EX_DATAERR : lu_error(EX_DATAERR, "cannot parse '%s' as a mail message", what);
        goto out;
    }
    hdrs_from_gmime(f);
out:
    g_object_unref(mem);
    return ret;
}

/* A header of F from VSTART to VEND (the text after its colon to the end
 * of its last line), named NAME (NLEN bytes): its CRs before a line break
 * dropped, as GMime's parser drops them.  False: a CR elsewhere. */
static bool hdr_add(struct file *f, const char *name, gsize nlen, const char *vstart,
                    const char *vend)
{
    struct hdr h = {.name = g_strndup(name, nlen), .nlen = (guint32)MIN(nlen, G_MAXUINT32)};
    char *o = h.raw = g_malloc((gsize)(vend - vstart) + 1);

    for (const char *p = vstart; p < vend; p++) {
        if (*p == '\r' && p + 1 < vend && p[1] == '\n')
            continue;
        if (*p == '\r') {
            hdr_clear(&h);
            return false;
        }
        *o++ = *p;
    }
    *o = '\0';
    g_array_append_val(f->hdrs, h);
    return true;
}

/* The header line P..E (no line break) opens a header GMime's parser takes
 * as written: a name of printable ASCII with the colon right after it.
 * Its length into *NLEN. */
static bool header_line(const char *p, const char *e, gsize *nlen)
{
    const char *c = p;

    while (c<e && * c> ' ' && *c < 0x7f && *c != ':')
        c++;
    *nlen = (gsize)(c - p);
    return c > p && c < e && *c == ':';
}

/* F's headers (F->bytes) split into F->hdrs, and where its body starts,
 * as GMime's parser reads a plain header block: false for anything else,
 * which GMime reads instead (an mbox From line, a NUL, a line neither a
 * header nor a fold, a lone CR, a file that ends in its headers). */
static bool split_headers(struct file *f)
{
    const char *d, *end, *p, *name = NULL, *vstart = NULL, *vend = NULL;
    gsize nlen = 0;

    if (!f->bytes->len)
        return false; /* no data at all (an empty array may hold none) */
    d = (const char *)f->bytes->data;
    end = d + f->bytes->len;
    p = d;
    if (memchr(d, '\0', f->bytes->len) || (f->bytes->len >= 5 && !memcmp(d, "From ", 5)))
        return false;
    while (p < end) {
        const char *nl = memchr(p, '\n', (gsize)(end - p)), *e = nl;
        gsize n;

        if (!nl)
            return false;
        if (e > p && e[-1] == '\r')
            e--;
        if (*p == ' ' || *p == '\t') {
            if (!name)
                return false;
            vend = e; /* a fold: the header goes on */
        } else {
            if (name && !hdr_add(f, name, nlen, vstart, vend))
                return false;
            name = NULL;
            if (e == p) {
                f->body = (gsize)(nl + 1 - d);
                return true;
            }
            if (!header_line(p, e, &n))
                return false;
            name = p;
            nlen = n;
            vstart = p + n + 1;
            vend = e;
        }
        p = nl + 1;
    }
    return false;
}

/* How many headers of F are named NAME. */
static guint hdr_count(const struct file *f, const char *name)
{
    guint n = 0;
    gsize len = strlen(name);

    for (guint i = 0; i < f->hdrs->len; i++)
        n += g_array_index(f->hdrs, struct hdr, i).nlen == len &&
             !g_ascii_strcasecmp(g_array_index(f->hdrs, struct hdr, i).name, name);
    return n;
}

/* The token at *P (advanced past it and the white space after it): its
 * length, 0 for none. */
static gsize type_token(const char **p)
{
    const char *s = *p;
    gsize n;

    while (g_ascii_isalnum(**p) || (**p && strchr("!#$&-^_.+`{|}~", **p)))
        (*p)++;
    n = (gsize)(*p - s);
    while (**p == ' ' || **p == '\t' || **p == '\n')
        (*p)++;
    return n;
}

/* A Content-Type RAW of text/plain or text/html with plain parameters
 * (tokens or quoted strings without a backslash, each name once; no
 * comments, no RFC 2231 names), read as GMime's parse reads it: whether
 * it is text/html into *HTML, its charset (a copy, or NULL) into *CHARSET.
 * False (*CHARSET untouched): anything else, which GMime parses. */
static bool plain_type(const char *raw, bool *html, char **charset)
{
    const char *p = raw, *cs = NULL, *t;
    gsize cslen = 0, n;

    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    t = p;
    if (type_token(&p) != 4 || g_ascii_strncasecmp(t, "text", 4) || *p++ != '/')
        return false;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    t = p;
    n = type_token(&p);
    *html = n == 4 && !g_ascii_strncasecmp(t, "html", 4);
    if (!*html && (n != 5 || g_ascii_strncasecmp(t, "plain", 5)))
        return false;
    while (*p == ';') {
        const char *name, *v;
        gsize nlen, vlen;

        p++;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        name = p;
        nlen = type_token(&p);
        if (!nlen || memchr(name, '*', nlen) || *p++ != '=')
            return false;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (*p == '"') {
            v = ++p;
            while (*p && *p != '"' && *p != '\\')
                p++;
            if (*p != '"')
                return false;
            vlen = (gsize)(p++ - v);
            while (*p == ' ' || *p == '\t' || *p == '\n')
                p++;
        } else {
            v = p;
            vlen = type_token(&p);
            if (!vlen)
                return false;
        }
        if (nlen == 7 && !g_ascii_strncasecmp(name, "charset", 7)) {
            if (cs)
                return false;
            cs = v;
            cslen = vlen;
        }
    }
    if (*p)
        return false;
    *charset = cs ? g_strndup(cs, cslen) : NULL;
    return true;
}

/* Whether F (its headers split) is one inline text/plain or text/html
 * part in an encoding GMime's encoder decodes in one step: then its type,
 * charset and encoding into F.  Else (a multipart, another type, a
 * disposition, uuencode, a second Content- header) GMime reads it. */
static bool plain_part(struct file *f)
{
    struct hdr *ct = hdr_get(f, "Content-Type"), *cte = hdr_get(f, "Content-Transfer-Encoding");
    bool plain = true;

    if (hdr_get(f, "Content-Disposition") || hdr_count(f, "Content-Type") > 1 ||
        hdr_count(f, "Content-Transfer-Encoding") > 1)
        return false;
    if (ct && ct->raw && plain_type(ct->raw, &f->html, &f->charset)) {
        plain = true;
    } else if (ct && ct->raw) {
        GMimeContentType *t = g_mime_content_type_parse(NULL, ct->raw);
        const char *cs = t ? g_mime_content_type_get_parameter(t, "charset") : NULL;

        f->html = t && g_mime_content_type_is_type(t, "text", "html");
        plain = t && (f->html || g_mime_content_type_is_type(t, "text", "plain"));
        f->charset = g_strdup(cs);
        g_clear_object(&t);
    }
    if (cte)
        f->enc = g_mime_content_encoding_from_string(hdr_value(cte));
    return plain && f->enc != GMIME_CONTENT_ENCODING_UUENCODE;
}

/* The file BYTES (taken) read into M: one text part with plain headers
 * without GMime's MIME tree (split_headers, plain_part), anything else by
 * GMime.  LEADUP_DEBUG_MIME_GMIME: every file by GMime, as before (t269
 * compares the two). */
static int read_bytes(struct lu_msg *m, GByteArray *bytes, const char *what, bool quiet)
{
    struct file *f = file_new();
    int ret = 0;

    /* Counted from the scan's worker threads too. */
    __atomic_add_fetch(&lu_mime_parses, 1, __ATOMIC_RELAXED);
    f->bytes = bytes;
    if (mime_init()->gmime_only || !split_headers(f) || !plain_part(f)) {
        ret = read_gmime(f, what, quiet);
        if (ret)
            goto out;
    } else {
        __atomic_add_fetch(&lu_mime_plain, 1, __ATOMIC_RELAXED);
    }
    file_free(m->mime);
    m->mime = g_steal_pointer(&f);
    ret = fill(m, m->mime);
out:
    file_free(f);
    return ret;
}

/* The whole of the file FD (caller frees), or NULL with errno set.  Read
 * into a buffer one byte longer than the file, so that the read that finds
 * its end moves nothing: GMime's file stream seeks before every read it
 * makes (three reads and five seeks a message, a tenth of the system
 * calls of a first full scan). */
static GByteArray *slurp(int fd)
{
    struct stat st;
    gsize cap = fstat(fd, &st) == 0 && st.st_size > 0 ? (gsize)st.st_size + 1 : 8192, len = 0;
    guint8 *buf = g_malloc(cap);

    for (;;) {
        ssize_t n;

        if (len == cap)
            buf = g_realloc(buf, cap *= 2);
        n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            g_free(buf);
            errno = e;
            return NULL;
        }
        if (n == 0)
            return g_byte_array_new_take(buf, len);
        len += (gsize)n;
    }
}

static int read_file(struct lu_msg *m, const char *path, bool quiet)
{
    GError *err = NULL;
    GMimeStream *s;
    GByteArray *bytes;
    int ret;

    mime_init();
    s = g_mime_stream_fs_open(path, O_RDONLY, 0, &err);
    if (!s) {
        ret = quiet ? EX_NOINPUT
                    : lu_error(EX_NOINPUT, "cannot open '%s': %s", path, err ? err->message : "?");
        goto out;
    }
    bytes = slurp(GMIME_STREAM_FS(s)->fd);
    if (!bytes) {
        ret =
            quiet ? EX_IOERR : lu_error(EX_IOERR, "cannot read '%s': %s", path, g_strerror(errno));
        goto out;
    }
    ret = read_bytes(m, bytes, path, quiet);
out:
    g_clear_object(&s);
    g_clear_error(&err);
    return ret;
}

int lu_mime_read_file(struct lu_msg *m, const char *path)
{
    return read_file(m, path, false);
}

int lu_mime_try_file(struct lu_msg *m, const char *path)
{
    return read_file(m, path, true);
}

int lu_mime_read_bytes(struct lu_msg *m, const char *data, gsize len)
{
    GByteArray *b = g_byte_array_sized_new((guint)len);

    mime_init();
    g_byte_array_append(b, (const guint8 *)data, (guint)len);
    return read_bytes(m, b, "standard input", false);
}

/* Whether the LEN bytes at P are ASCII without a NUL, eight at a time:
 * then g_utf8_make_valid copies them as they are (most mail is). */
static bool ascii_nonul(const char *p, gsize len)
{
    const guint64 ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    gsize i = 0;

    for (; i + 8 <= len; i += 8) {
        guint64 w;
        memcpy(&w, p + i, 8);
        if ((w & highs) || ((w - ones) & ~w & highs))
            return false;
    }
    for (; i < len; i++)
        if ((guchar)p[i] >= 0x80 || !p[i])
            return false;
    return true;
}

/* Decodes BYTES from CHARSET to valid UTF-8; undecodable bytes become U+FFFD. */
static char *to_utf8(const char *bytes, gsize len, const char *charset)
{
    const char *canon = charset ? g_mime_charset_iconv_name(charset) : NULL;
    GIConv cd;
    GString *out;
    char *in = (char *)bytes;
    gsize inleft = len;

    if (len == 0)
        return g_strdup("");
    if (!canon || !g_ascii_strcasecmp(canon, "utf-8") || !g_ascii_strcasecmp(canon, "us-ascii") ||
        !g_ascii_strcasecmp(canon, "ascii"))
        return ascii_nonul(bytes, len) ? g_strndup(bytes, len) : g_utf8_make_valid(bytes, len);
    cd = g_iconv_open("UTF-8", canon);
    if (cd == (GIConv)-1)
        return g_utf8_make_valid(bytes, len);
    out = g_string_sized_new(len + 16);
    while (inleft > 0) {
        char buf[4096], *o = buf;
        gsize oleft = sizeof buf;
        gsize r = g_iconv(cd, &in, &inleft, &o, &oleft);

        g_string_append_len(out, buf, o - buf);
        if (r == (gsize)-1) {
            if (errno == E2BIG)
                continue;
            /* Illegal or truncated input: replace one byte and go on. */
            g_string_append(out, "\xEF\xBF\xBD");
            in++;
            inleft--;
        }
    }
    g_iconv_close(cd);
    {
        char *v = g_utf8_make_valid(out->str, out->len);
        g_string_free(out, TRUE);
        return v;
    }
}

static char *part_text(GMimePart *part)
{
    GMimeDataWrapper *w = g_mime_part_get_content(part);
    GMimeStream *mem;
    GByteArray *ba;
    char *text;

    if (!w)
        return g_strdup("");
    mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(w, mem);
    ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    text = to_utf8((const char *)ba->data, ba->len,
                   g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset"));
    g_object_unref(mem);
    return text;
}

/* The text of F, a plain read (read_bytes): its body decoded from its
 * transfer encoding by the encoder GMime's filter runs, in one step, then
 * from its charset; what GMime's part_text makes of the same part. */
static char *plain_text(const struct file *f)
{
    const char *in = (const char *)f->bytes->data + f->body;
    gsize n = f->bytes->len - f->body, k;
    GMimeEncoding st;
    char *out, *text;

    if (f->enc != GMIME_CONTENT_ENCODING_BASE64 && f->enc != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
        return to_utf8(in, n, f->charset);
    g_mime_encoding_init_decode(&st, f->enc);
    out = g_malloc(g_mime_encoding_outlen(&st, n) + 16);
    k = g_mime_encoding_step(&st, in, n, out);
    k += g_mime_encoding_flush(&st, in + n, 0, out + k);
    text = to_utf8(out, k, f->charset);
    g_free(out);
    return text;
}

/* Depth-first: the first inline text/plain, else the first text/html,
 * not descending into attached messages (forwards are not the author's words). */
static void find_text(GMimeObject *o, GMimePart **plain, GMimePart **html)
{
    GMimeContentType *ct;

    if (!o || (*plain && *html))
        return;
    if (GMIME_IS_MULTIPART(o)) {
        GMimeMultipart *mp = GMIME_MULTIPART(o);
        int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n; i++)
            find_text(g_mime_multipart_get_part(mp, i), plain, html);
        return;
    }
    if (!GMIME_IS_PART(o))
        return;
    if (g_mime_part_is_attachment(GMIME_PART(o)))
        return;
    ct = g_mime_object_get_content_type(o);
    if (g_mime_content_type_is_type(ct, "text", "plain") && !*plain)
        *plain = GMIME_PART(o);
    else if (g_mime_content_type_is_type(ct, "text", "html") && !*html)
        *html = GMIME_PART(o);
}

char *lu_mime_body_text(struct lu_msg *m, bool *is_html)
{
    GMimePart *plain = NULL, *html = NULL;
    const struct file *f = m->mime;

    *is_html = false;
    if (!m->mime)
        return g_strdup("");
    if (!f->top) {
        *is_html = f->html;
        return plain_text(f);
    }
    find_text(body_top(f->top), &plain, &html);
    if (plain)
        return part_text(plain);
    if (html) {
        *is_html = true;
        return part_text(html);
    }
    return g_strdup("");
}

char *lu_mime_encode_header(const char *name, const char *value)
{
    char *clean = clean_text(value ? value : "");
    char *enc;

    mime_init();
    enc = g_mime_utils_header_encode_text(NULL, clean, NULL);
    g_free(clean);
    return enc;
}

/* ---- draft output */

static void draft_add(InternetAddressList *list, const struct lu_addr *a)
{
    char *name, *email;
    InternetAddress *ia;

    if (!a || !a->email || !*a->email)
        return;
    name = clean_text(a->name ? a->name : "");
    email = clean_text(a->email);
    ia = internet_address_mailbox_new(*name ? name : NULL, email);
    internet_address_set_charset(ia, "utf-8");
    internet_address_list_add(list, ia);
    g_object_unref(ia);
    g_free(email);
    g_free(name);
}

/* 7bit when the body is ASCII in short lines that no MTA rewrites
 * (lu_draft_body_7bit); else quoted-printable, which survives any MTA and
 * keeps the text readable. */
static GMimeContentEncoding draft_encoding(const char *body)
{
    return lu_draft_body_7bit(body) ? GMIME_CONTENT_ENCODING_7BIT
                                    : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
}

char *lu_mime_draft(const struct lu_draft *d, gsize *len)
{
    GMimeMessage *msg;
    GMimeObject *obj;
    GMimeTextPart *part;
    GMimeDataWrapper *w;
    GMimeStream *content, *out;
    GMimeFormatOptions *fo;
    GTimeZone *tz;
    GDateTime *dt;
    GByteArray *ba;
    GString *refs = g_string_new(NULL);
    /* An empty text still gets its line: an empty part reads back as nothing. */
    char *body = g_utf8_make_valid(d->body && *d->body ? d->body : "\n", -1), *v, *ret;

    mime_init();
    msg = g_mime_message_new(FALSE);
    obj = GMIME_OBJECT(msg);
    draft_add(g_mime_message_get_from(msg), d->from);
    for (guint i = 0; d->to && i < d->to->len; i++)
        draft_add(g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO),
                  g_ptr_array_index(d->to, i));
    for (guint i = 0; d->cc && i < d->cc->len; i++)
        draft_add(g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_CC),
                  g_ptr_array_index(d->cc, i));
    v = clean_text(d->subject ? d->subject : "");
    g_mime_message_set_subject(msg, v, "utf-8");
    g_free(v);
    tz = g_time_zone_new_offset(d->date_off);
    dt = lu_local_time(d->date, tz);
    g_mime_message_set_date(msg, dt);
    /* Ids were checked by draft.c; the brackets are ours. */
    if (d->in_reply_to && *d->in_reply_to) {
        v = g_strdup_printf("<%s>", d->in_reply_to);
        g_mime_object_set_header(obj, "In-Reply-To", v, NULL);
        g_free(v);
    }
    for (guint i = 0; d->refs && i < d->refs->len; i++)
        g_string_append_printf(refs, "%s<%s>", i ? " " : "", (char *)g_ptr_array_index(d->refs, i));
    if (refs->len)
        g_mime_object_set_header(obj, "References", refs->str, NULL);
    /* No X-Leadup-... header: the client keeps unknown headers of a
     * recalled draft and would send it on, telling the reader the text
     * came from a template. */
    /* The text goes in as UTF-8 bytes: set_text would pick a legacy charset. */
    part = g_mime_text_part_new_with_subtype("plain");
    content = g_mime_stream_mem_new_with_buffer(body, strlen(body));
    w = g_mime_data_wrapper_new_with_stream(content, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(GMIME_PART(part), w);
    g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part), draft_encoding(body));
    g_mime_message_set_mime_part(msg, GMIME_OBJECT(part));
    /* GMime adds no Message-ID of its own; make sure of it: the client adds one. */
    g_mime_object_remove_header(obj, "Message-ID");
    out = g_mime_stream_mem_new();
    fo = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_UNIX);
    g_mime_object_write_to_stream(obj, fo, out);
    ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
    *len = ba->len;
    ret = g_malloc(ba->len + 1);
    memcpy(ret, ba->data, ba->len);
    ret[ba->len] = '\0';
    g_mime_format_options_free(fo);
    g_object_unref(out);
    g_object_unref(w);
    g_object_unref(content);
    g_object_unref(part);
    g_object_unref(msg);
    g_date_time_unref(dt);
    g_time_zone_unref(tz);
    g_string_free(refs, TRUE);
    g_free(body);
    return ret;
}
