#!/bin/sh
# Not tracked: notes to myself, no-reply addresses, mailing lists unless opted in,
# newsletters and campaigns (List-Unsubscribe) in threads I never wrote in.
. "$(dirname "$0")/lib.sh"
world
msg sent self1@example.com 'Me <me@example.com>' 'Me <me.too@example.net>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Reminder' <<'EOF'
Should I renew the domain this year?
EOF
msg sent nr1@example.com 'Me <me@example.com>' 'Billing <no-reply@shop.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Your invoice' <<'EOF'
Can you resend the invoice with my VAT number?
EOF
HDR='List-Id: Widgets users <widgets.lists.example>' msg lists list1@example.com \
	'Me <me@example.com>' 'widgets@lists.example' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'[widgets] build fails on arm64' <<'EOF'
Has anyone seen the build fail on arm64 with version 2.3?
EOF
HDR='List-Id: Widgets users <widgets.lists.example>' msg lists list2@other.example \
	'Pat <pat@other.example>' 'widgets@lists.example' 'Tue, 17 Nov 2026 10:00:00 +0000' \
	'[widgets] release date' <<'EOF'
When is 2.4 going out?
EOF
HDR='List-Unsubscribe: <mailto:unsub@news.shop.example>' msg inbox nl1@news.shop.example \
	'Shop News <hello@news.shop.example>' 'Me <me@example.com>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Can you rise to the top?' <<'EOF'
Can you beat last week's high score? Tell us how you did by Friday.

We will announce the winners on Friday 20 November.
EOF
msg sent hs1@example.com 'Me <me@example.com>' 'Kim <kim@vendor.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Licence quote' <<'EOF'
Could you send me a quote for ten licences?
EOF
HDR='List-Unsubscribe: <https://crm.example/u/123>' msg inbox hs2@vendor.example \
	'Kim <kim@vendor.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 10:00:00 +0000' \
	'Re: Licence quote' hs1@example.com <<'EOF'
Happy to. Do you need the annual or the monthly plan?
EOF
# Bulk mail from before List-Unsubscribe (or sent without it): the text
# says so, with a way out of the mailing or a marketing layout.
msg inbox nl2@offers.example 'Offers <deals@offers.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Me, claim your gift today!' <<'EOF'
Dear member, can you believe this price? Reply by Friday to claim your gift.

To be removed from our mailing list, reply with REMOVE in the subject.
EOF
msg inbox nl3@daily.example 'Daily Markets <evening@daily.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Will rates rise?' <<'EOF'
[IMAGE]
Will rates rise this week? Click here for the full report.
Copyright 2026 Daily Markets. All rights reserved.
EOF
# ... but a colleague forwarding one asks me, and one "click here" is personal.
msg inbox fw1@example.com 'Ann <ann@example.com>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Fwd: Will rates rise?' <<'EOF'
Could you tell me whether we should lock the rate now?

---------- Forwarded message ----------
From: Daily Markets <evening@daily.example>
Subject: Will rates rise?

[IMAGE]
Click here for the full report. All rights reserved.
To unsubscribe, click here.
EOF
msg inbox pc1@client.example 'Bea <bea@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Workshop slides' <<'EOF'
The slides are online: click here to open them. Could you confirm the room for Thursday?
EOF
# A notice that says nobody reads replies is sent by a machine, whatever it
# asks; "do not reply to all" in a colleague's question is no such notice.
msg inbox sys1@portal.example 'Staff Directory <directory@portal.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Is your entry current?' <<'EOF'
Does your directory entry need updating? Open the portal and check it today.
This is an automated notice. Please do not reply directly to this e-mail.
EOF
msg inbox ra1@example.com 'Ann <ann@example.com>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Offsite numbers' <<'EOF'
Could you send me the head count for the offsite? Please do not reply to all.
EOF
index
NOW=2026-11-19T12:00:00+00:00
t 'a note to myself is not tracked' 'lu scan --quiet && expect_tags self1@example.com ""'
t 'mail to a no-reply address is not tracked' 'expect_tags nr1@example.com ""'
t 'a newsletter that asks and promises is neither needs-reply nor promise-theirs' '
	expect_tags nl1@news.shop.example "" &&
	lu why id:nl1@news.shop.example >out && grep -q "in bulk (List-Unsubscribe)" out'
t 'bulk mail without List-Unsubscribe, known by its unsubscribe line, owes me nothing' '
	expect_tags nl2@offers.example "" &&
	lu why id:nl2@offers.example >out && grep -q "in bulk (its text has an unsubscribe line" out &&
	test "$(grep -c "sent it in bulk" out)" = 1'
t 'and so does one known by its marketing layout' 'expect_tags nl3@daily.example ""'
t 'and so does a notice that says replies go unread' '
	expect_tags sys1@portal.example "" &&
	lu why id:sys1@portal.example >out && grep -q "says replies go unread" out'
t '"do not reply to all" in a question keeps it a question' '
	expect_tags ra1@example.com "leadup/due leadup/needs-reply"'
t 'a colleague who forwards a newsletter and asks me is owed an answer' '
	expect_tags fw1@example.com "leadup/due leadup/needs-reply"'
t 'one "click here" in a personal message does not make it bulk' '
	expect_tags pc1@client.example "leadup/due leadup/needs-reply"'
t 'an answer to my message sent through a bulk mailer is still a reply' '
	expect_tags hs1@example.com "" && expect_tags hs2@vendor.example "leadup/due leadup/needs-reply"'
t 'mailing-list traffic is not tracked by default' 'expect_tags list1@example.com ""'
t 'lists=true opts lists in' '
	printf "[scan]\nlists=true\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	lu scan --quiet --full && expect_tags list1@example.com "leadup/awaiting leadup/due"'
t 'a list question not addressed to me is not mine to answer' 'expect_tags list2@other.example ""'
t 'list_ids= limits which lists' '
	printf "[scan]\nlist_ids=other.lists.example\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	lu scan --quiet --full && expect_tags list1@example.com ""'
t '[scan] noreply adds no-reply patterns' '
	printf "[scan]\nnoreply=robot\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	msg sent rb1@example.com "Me <me@example.com>" "robot-7@ci.example" "Mon, 16 Nov 2026 10:00:00 +0000" "Build" </dev/null &&
	printf "Could you rerun the build?\n" >>"$MAIL/sent/cur/rb1@example.com:2,S" &&
	index && lu scan --quiet && expect_tags rb1@example.com ""'
done_testing
