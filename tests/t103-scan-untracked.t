#!/bin/sh
# Not tracked: notes to myself, no-reply addresses, mailing lists unless opted in.
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
index
NOW=2026-11-19T12:00:00+00:00
t 'a note to myself is not tracked' 'lu scan --quiet && expect_tags self1@example.com ""'
t 'mail to a no-reply address is not tracked' 'expect_tags nr1@example.com ""'
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
