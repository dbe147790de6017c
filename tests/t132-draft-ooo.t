#!/bin/sh
# leadup draft after an out-of-office answer: the draft answers my message,
# not the automatic one, and proposes a time after their return.
. "$(dirname "$0")/lib.sh"
need_parse
world

msg sent o1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Offer for the redesign' <<'X'
Hi Ann,

Could you review the offer for the redesign?

Best,
Me
X
HDR='Auto-Submitted: auto-replied' \
msg inbox o2@client.example 'Ann Smith <ann@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:01:00 +0000' 'Automatic reply: Offer for the redesign' o1@example.com <<'X'
Thank you for your message. I am out of the office until Monday 30 November
and will answer when I am back.
X
index

NOW=2026-11-19T12:00:00+00:00
t 'the thread awaits my answer in spite of the automatic reply' '
	lu scan --quiet && expect_tags o1@example.com leadup/awaiting'
t 'the draft answers my message, not the automatic one' '
	lu draft id:o2@client.example >d.eml 2>/dev/null &&
	is_hdr d.eml In-Reply-To o1@example.com &&
	is_hdr d.eml To "Ann Smith <ann@client.example>" &&
	is_hdr d.eml Subject "Re: Offer for the redesign"'
t 'the proposed time comes after their return, and welcomes them back' '
	has d.eml "Tuesday 1 December at 10:00" &&
	has d.eml "I hope your time away went well."'
t 'and passes leadup lint' 'lints d.eml'
done_testing
