/* muttrc-test.c - what leadup writes for the mail client to source: every
 * value single-quoted, nothing that could leave the quotes. */
#include "leadup.h"
#include "tap.h"

int main(void)
{
    char *s;

    s = lu_muttrc_quote("/home/me/.cache/leadup/draftbox");
    is_str(s, "'/home/me/.cache/leadup/draftbox'", "a plain path is single-quoted");
    g_free(s);
    s = lu_muttrc_quote("/home/me/my mail/$x/`y`/\"z\"/;<enter>");
    is_str(s, "'/home/me/my mail/$x/`y`/\"z\"/;<enter>'",
           "spaces, $, backquotes, double quotes, ; and <enter> stay literal inside single quotes");
    g_free(s);
    ok(lu_muttrc_quote("/home/o'brien") == NULL, "a single quote cannot be quoted");
    ok(lu_muttrc_quote("/a\nb") == NULL, "a newline cannot");
    ok(lu_muttrc_quote("/a\rb") == NULL, "a carriage return cannot");
    ok(lu_muttrc_quote("/a\033b") == NULL, "an escape cannot");
    ok(lu_muttrc_quote("/a\177b") == NULL, "DEL cannot");
    ok(lu_muttrc_quote("/a\xff") == NULL, "invalid UTF-8 cannot");
    ok(lu_muttrc_quote(NULL) == NULL, "NULL gives NULL");
    s = lu_muttrc_quote("/home/j\xc3\xbcrgen");
    is_str(s, "'/home/j\xc3\xbcrgen'", "UTF-8 is kept");
    g_free(s);

    s = lu_muttrc_text(NULL, "leadup: snoozed until Tue 24 Nov 2026 09:00");
    is_str(s,
           "# written by leadup for the mail client to source; overwritten by the next call\n"
           "echo 'leadup: snoozed until Tue 24 Nov 2026 09:00'\n",
           "an answer is one echo line");
    g_free(s);
    s = lu_muttrc_text(NULL, "it's\na 'test'\r\033]2;x\007");
    is_str(s,
           "# written by leadup for the mail client to source; overwritten by the next call\n"
           "echo 'it s a  test   ]2;x '\n",
           "quotes and control characters in an answer become spaces");
    g_free(s);
    s = lu_muttrc_text("set x='y'", NULL);
    is_str(s,
           "# written by leadup for the mail client to source; overwritten by the next call\n"
           "set x='y'\n",
           "lines get a final newline; no message, no echo");
    g_free(s);

    s = lu_muttrc_recall("/home/me/.cache/leadup/draftbox");
    is_str(s,
           "set my_leadup_postponed=$postponed\n"
           "set postponed='/home/me/.cache/leadup/draftbox'\n"
           "push '<recall-message><enter-command>set postponed=$my_leadup_postponed<enter>'\n",
           "recall: save $postponed, point it at the draftbox, recall, restore");
    g_free(s);
    ok(lu_muttrc_recall("/tmp/x'; source /etc/passwd; echo '") == NULL,
       "recall refuses a draftbox it cannot quote");

    ok(lu_muttrc_failure(0) == NULL, "no failure line for 0");
    ok(strstr(lu_muttrc_failure(EX_TEMPFAIL), "busy") != NULL, "EX_TEMPFAIL says notmuch is busy");
    ok(strstr(lu_muttrc_failure(EX_NOINPUT), "notmuch new") != NULL,
       "EX_NOINPUT says to run notmuch new");
    {
        int good = 0;
        for (int code = EX__BASE; code <= EX__MAX; code++) {
            const char *f = lu_muttrc_failure(code);
            good += f && g_str_has_prefix(f, "leadup: ") && !strchr(f, '\'') && !strchr(f, '\n') &&
                    strlen(f) < 100;
        }
        is_int(good, EX__MAX - EX__BASE + 1, "every failure line is one short quotable line");
    }
    return tap_done();
}
