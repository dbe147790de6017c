#!/bin/sh
# A file of one text/plain or text/html part under a plain header block is
# read without GMime's parser (mime.c read_bytes, issue 14, s36-mime): its
# headers split where GMime's parser splits them, its transfer encoding
# (quoted-printable, base64) and charset decoded by the same GMime and GLib
# calls, its plain address lists and one-line values read without GMime's
# objects (addr.c lu_addr_plain_list; not punycode domains, which GMime
# decodes).  Anything else is read by GMime as before: a multipart, a file
# with no blank line after its headers, an mbox From line, uuencode, a
# disposition.  Tags, items and the analysis cache's rows (the headers and
# own text read from each file) are the same as GMime reading every file
# (LEADUP_DEBUG_MIME_GMIME, its addresses by GMime's parse too:
# LEADUP_DEBUG_NO_PLAIN_ADDR).  Counted (LEADUP_DEBUG_COUNTS), never timed.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-23T09:00:00+00:00
# raw NAME < file: delivered into the inbox as written (CRs, 8-bit bytes kept)
raw() { deliver inbox "$1"; }
printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Quoted\nDate: Mon, 16 Nov 2026 09:00:00 +0000\nMessage-ID: <qp@client.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\nCould you send me the caf=C3=A9 invoice by Friday? I don=E2=80=99t have it ye=\nt.\n' | raw qp
printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Based\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <b64@client.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n%s\n' \
	"$(printf 'Could you approve the na\303\257ve budget by Thursday?\n' | base64 -w 40)" | raw b64
printf 'From: =?iso-8859-1?q?Ren=E9?= <rene@client.example>\nTo: Me <me@example.com>, "Doe, Jane" <jane@client.example>\nCc: k..smith@client.example, Bob <bob@xn--bcher-kva.example>\nSubject: =?utf-8?q?Pr=C3=A9sentation?=\nDate: Mon, 16 Nov 2026 11:00:00 +0000\nMessage-ID: <latin1@client.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nPourriez-vous envoyer la pr\351sentation d\351finitive avant vendredi ?\n' | raw latin1
printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Broken\nDate: Mon, 16 Nov 2026 12:00:00 +0000\nMessage-ID: <broken@client.example>\nContent-Type: text/plain; charset=x-no-such-charset\n\nCould you check the \377\376 figures by Friday?\n' | raw broken
printf 'From: Kim <kim@client.example>\r\nTo: Me <me@example.com>,\r\n Sam <sam@supplier.example>\r\nSubject: Windows\r\n lines\r\nDate: Mon, 16 Nov 2026 13:00:00 +0000\r\nMessage-ID: <crlf@client.example>\r\nContent-Type: text/plain\r\n\r\nCould you sign the contract by Friday?\r\n\r\nKim\r\n' | raw crlf
printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Html\nDate: Mon, 16 Nov 2026 14:00:00 +0000\nMessage-ID: <html@client.example>\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n<p>Could you book the room for Thursday?</p><p>Kim</p>\n' | raw html
# Read by GMime: no blank line, a multipart, an mbox From line.
printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Headers only\nDate: Mon, 16 Nov 2026 15:00:00 +0000\nMessage-ID: <noblank@client.example>\n' | raw noblank
printf 'From: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Parts\nDate: Mon, 16 Nov 2026 16:00:00 +0000\nMessage-ID: <multi@client.example>\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\nCould you review the draft by Friday?\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p>Could you review the draft by Friday?</p>\n--b1--\n' | raw multi
printf 'From kim@client.example Mon Nov 16 17:00:00 2026\nFrom: Kim <kim@client.example>\nTo: Me <me@example.com>\nSubject: Mbox\nDate: Mon, 16 Nov 2026 17:00:00 +0000\nMessage-ID: <mbox@client.example>\n\nCould you call the supplier by Friday?\n' | raw mbox
index
pristine
plain() { debug_counted "$1.err" "files read without GMime's parser"; }
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed.*/\1/p' "$1.err"; }

t 'the six single-part files are read without GMime, the other three by GMime' '
	full_counted new && test "$(parsed new)" = 9 && test "$(plain new)" = 6'
t 'GMime reading every file (LEADUP_DEBUG_MIME_GMIME) leaves the same tags, items and cache rows' '
	full_counted old LEADUP_DEBUG_MIME_GMIME=1 LEADUP_DEBUG_NO_PLAIN_ADDR=1 && test "$(plain old)" = 0 && test "$(parsed old)" = 9 &&
	cmp new.tags old.tags && cmp new.state old.state'
# has TEXT: new.state holds TEXT (printf escapes: its UTF-8 bytes)
has() { grep -qF "$(printf "$1")" new.state; }
t 'the texts decoded: quoted-printable, base64, latin-1, encoded words' '
	has "caf\303\251 invoice by Friday? I don\342\200\231t have it yet" &&
	has "na\303\257ve budget" && has "pr\303\251sentation d\303\251finitive" &&
	has "Ren\303\251" && has "Pr\303\251sentation" && has "Could you book the room"'
t 'a broken charset reads as UTF-8 with its bad bytes replaced; CRLF lines as LF' '
	has "check the \357\277\275\357\277\275 figures" && ! has "\r" && has "Windows lines"'
t 'the questions need my reply, the multipart one too' '
	expect_tags qp@client.example "leadup/due leadup/needs-reply" &&
	expect_tags b64@client.example "leadup/due leadup/needs-reply" &&
	expect_tags multi@client.example "leadup/due leadup/needs-reply"'
done_testing
