#!/bin/sh
# leadup draft on hostile input: encoded CR/LF and NUL in subjects and
# names, mixed charsets, 998+ character lines, no From name, no Subject, and
# a thread of 500 messages.
. "$(dirname "$0")/lib.sh"
need_parse
world

# header_lines FILE: the header block's lines, unfolded
header_lines() { sed '/^$/q' "$1" | sed -e ':a' -e '$!N;s/\n[ \t]/ /;ta' -e 'P;D'; }

# Encoded CR/LF, a header injection and a NUL, in the name and the subject;
# the subject mixes UTF-8 and Latin-1 words, the body is Latin-1.
printf '%s\n' \
	'From: =?utf-8?b?QW5uDQpCY2M6IGV2aWxAZXhhbXBsZS5vcmc=?= <ann@client.example>' \
	'To: Me <me@example.com>' \
	'Subject: =?utf-8?q?Budget=0D=0ABcc=3A_evil=40example=2Eorg=00x?= =?iso-8859-1?q?caf=E9?=' \
	'Date: Wed, 18 Nov 2026 11:00:00 +0000' \
	'Message-ID: <h1@client.example>' \
	'MIME-Version: 1.0' \
	'Content-Type: text/plain; charset=iso-8859-1' \
	'Content-Transfer-Encoding: quoted-printable' \
	'' \
	'Hello,' \
	'' \
	'Could you book the caf=E9 near the station for our meeting?' \
	'' \
	'Best regards,' \
	'Ann' | deliver inbox h1@client.example

# A 1200-character subject without a space, and a 1500-character line.
long=$(awk 'BEGIN { for (i = 0; i < 1200; i++) printf "%c", 97 + i % 26 }')
line=$(awk 'BEGIN { printf "Could you check the numbers"; for (i = 0; i < 250; i++) printf " again"; printf "?" }')
msg inbox h2@client.example 'bob@supplier.example' 'me@example.com' \
	'Wed, 18 Nov 2026 11:00:00 +0000' "$long" <<EOF
$line
EOF
# No Subject, and a From without a name.
printf 'From: ann@client.example\nTo: me@example.com\nDate: Wed, 18 Nov 2026 11:00:00 +0000\nMessage-ID: <h3@client.example>\n\nCould you send me the agenda?\n' |
	deliver inbox h3@client.example

# A thread of 500 messages, each answering the one before, References in full.
refs=''
i=0
while [ $i -lt 500 ]; do
	if [ $((i % 2)) -eq 0 ]; then from='Ann Smith <ann@client.example>' to='Me <me@example.com>'
	else from='Me <me@example.com>' to='Ann Smith <ann@client.example>'; fi
	{
		printf 'From: %s\nTo: %s\nSubject: Re: Long thread\nMessage-ID: <m%d@example.com>\n' "$from" "$to" $i
		printf 'Date: %s\n' "$(date -u -d "@$((1795000000 + i * 600))" '+%a, %d %b %Y %H:%M:%S +0000')"
		[ $i -gt 0 ] && printf 'In-Reply-To: <m%d@example.com>\nReferences:%s\n' $((i - 1)) "$refs"
		printf '\nMessage %d. Could you tell me what you think?\n' $i
	} | deliver inbox m$i@example.com
	refs="$refs <m$i@example.com>"
	i=$((i + 1))
done
index

NOW=2026-11-19T12:00:00+00:00
t 'scan' 'lu scan --quiet'

t 'encoded CR/LF in the name and the subject start no header' '
	lu draft id:h1@client.example >h1.eml 2>/dev/null &&
	! header_lines h1.eml | grep -qi "^bcc:" &&
	is_hdr h1.eml Bcc "(none)" && is_hdr h1.eml Cc "" &&
	test $(header_lines h1.eml | grep -ci "^To:") -eq 1 &&
	test $(header_lines h1.eml | grep -ci "^Subject:") -eq 1'
t 'the name and the subject come back as one line each, charsets decoded' '
	hdr h1.eml To | grep -q "^[^<]*<ann@client.example>\$" &&
	hdr h1.eml Subject | grep -q "^Re: Budget Bcc: evil@example.org.\{0,1\}xcafé\$"'
t 'a Latin-1 body is quoted back in UTF-8, sent as quoted-printable' '
	is_hdr h1.eml Content-Type "text/plain; charset=utf-8" &&
	is_hdr h1.eml Content-Transfer-Encoding quoted-printable &&
	has h1.eml "> Could you book the café near the station for our meeting?" &&
	! grep -q "[^ -~]" h1.eml && lints h1.eml'
t 'no line over 78 characters in the draft' '! grep -q ".\{79\}" h1.eml'

t '998+ character lines: the draft has no line over 998 characters' '
	lu draft id:h2@client.example >h2.eml 2>/dev/null &&
	! grep -q ".\{999\}" h2.eml'
t 'the long subject survives whole' '
	is_hdr h2.eml Subject "Re: $long"'
t 'the long ask is quoted briefly, the topic cut' '
	body h2.eml >h2.txt && ! grep -q ".\{300\}" h2.txt &&
	grep -q "^> Could you check the numbers again again" h2.txt &&
	grep -q "\.\.\." h2.txt && lints h2.eml'
t 'no From name: a neutral greeting, no hole' '
	lu draft id:h3@client.example >h3.eml 2>/dev/null &&
	is_hdr h3.eml To "<ann@client.example>" && has h3.eml "Hello," &&
	! body h3.eml | grep -q "Hi ," && lints h3.eml'
t 'no Subject: "Re: (no subject)", and the text still reads' '
	is_hdr h3.eml Subject "Re: (no subject)" &&
	has h3.eml "Thank you for your message about this" &&
	has h3.eml "> Could you send me the agenda?"'

t 'a thread of 500 messages: drafted, threaded under my latest' '
	lu draft id:m0@example.com >big.eml 2>err &&
	grep -q "^leadup: state: awaiting" err &&
	is_hdr big.eml In-Reply-To m499@example.com &&
	is_hdr big.eml Subject "Re: Long thread"'
t 'References keeps the root and the last ten' '
	want="m0@example.com" && i=490 &&
	while [ $i -lt 500 ]; do want="$want m$i@example.com"; i=$((i + 1)); done &&
	is_hdr big.eml References "$want" && ! grep -q ".\{79\}" big.eml'
done_testing
