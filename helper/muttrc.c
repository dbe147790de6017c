/* muttrc.c - what a helper call from a client macro leaves for the client
 * to `source` (--muttrc FILE).
 *
 * The client sources the file with its full muttrc parser, so the file
 * holds nothing read from a message: fixed commands, paths leadup was
 * given and leadup's own words, each argument single-quoted.  In NeoMutt's
 * and Mutt's parsers a single-quoted string is literal (no $variables, no
 * backquotes, no backslash escapes) up to the next quote, so a value is
 * safe there when it holds no quote and no control character. */
#include "leadup.h"

#include <string.h>

char *lu_muttrc_quote(const char *s)
{
    if (!s)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p == '\'' || *p < 0x20 || *p == 0x7f)
            return NULL;
    if (!g_utf8_validate(s, -1, NULL))
        return NULL;
    return g_strdup_printf("'%s'", s);
}

/* MESSAGE made quotable: quotes and control characters become spaces,
 * invalid UTF-8 is replaced.  Caller frees. */
static char *echo_text(const char *message)
{
    char *s = g_utf8_make_valid(message ? message : "", -1);

    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (*p == '\'' || *p < 0x20 || *p == 0x7f)
            *p = ' ';
    return s;
}

char *lu_muttrc_text(const char *lines, const char *message)
{
    GString *out = g_string_new("# written by leadup for the mail client to source; "
                                "overwritten by the next call\n");

    if (lines && *lines) {
        g_string_append(out, lines);
        if (out->str[out->len - 1] != '\n')
            g_string_append_c(out, '\n');
    }
    if (message && *message) {
        char *text = echo_text(message);
        g_string_append_printf(out, "echo '%s'\n", text);
        g_free(text);
    }
    return g_string_free(out, FALSE);
}

int lu_write_muttrc(const char *path, const char *lines, const char *message)
{
    char *dir = g_path_get_dirname(path), *text = lu_muttrc_text(lines, message);
    int ret;

    ret = lu_mkdir_p(dir);
    if (!ret)
        ret = lu_write_file_atomic(path, text, strlen(text), 0600);
    g_free(text);
    g_free(dir);
    return ret;
}

char *lu_muttrc_recall(const char *draftbox)
{
    char *q = lu_muttrc_quote(draftbox), *s = NULL;

    if (!q)
        goto out;
    /* $postponed is read when <recall-message> starts and next used when
     * the user postpones from the compose screen, so it is restored from
     * there, before the user can press a key.  Recalling deletes the draft
     * from DRAFTBOX. */
    s = g_strdup_printf("set my_leadup_postponed=$postponed\n"
                        "set postponed=%s\n"
                        "push '<recall-message><enter-command>set "
                        "postponed=$my_leadup_postponed<enter>'\n",
                        q);
out:
    g_free(q);
    return s;
}

const char *lu_muttrc_failure(int code)
{
    switch (code) {
    case 0:
        return NULL;
    case EX_TEMPFAIL:
        return "leadup: notmuch is busy (its database is locked); nothing changed, try again";
    case EX_NOINPUT:
        return "leadup: this message is not in the notmuch database (run notmuch new); "
               "nothing changed";
    case EX_USAGE:
        return "leadup: the command was not understood; nothing changed";
    case EX_DATAERR:
        return "leadup: cannot read this message; nothing changed";
    case EX_CONFIG:
        return "leadup: the configuration has an error (run leadup queue in a shell to see it)";
    case EX_CANTCREAT:
    case EX_IOERR:
        return "leadup: cannot write a file (run the command in a shell to see why)";
    default:
        return "leadup: failed (run the command in a shell to see why); nothing changed";
    }
}
