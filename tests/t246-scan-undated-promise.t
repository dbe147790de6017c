#!/bin/sh
# An undated promise in my latest message that also asks: promise-mine
# before awaiting (doc/labelling.md Part 1, the rubric's precedence), due
# when awaiting's first lead-up would be; not an undated promise alone,
# not a lead-up of mine, not once they have answered.
. "$(dirname "$0")/lib.sh"
world
# I promise without a date and ask in the same message (Monday 16 November).
msg sent up1@example.com 'Me <me@example.com>' 'Sam <sam@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Contract' <<'EOF'
Sam, I'll review the contract and let you know what I think.
Could you send me the signed copy?
EOF
# I only ask.
msg sent aw1@example.com 'Me <me@example.com>' 'Tia <tia@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Invoice' <<'EOF'
Tia, could you send me the invoice number?
EOF
# I promise without a date and ask nothing.
msg sent np1@example.com 'Me <me@example.com>' 'Ugo <ugo@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Report' <<'EOF'
Thanks for the report, Ugo. I'll review it and let you know what I think.
EOF
# I ask, then lead up on it with an undated promise and the ask again.
msg sent lu1@example.com 'Me <me@example.com>' 'Vera <vera@client.example>' \
	'Mon, 9 Nov 2026 10:00:00 +0000' 'Figures' <<'EOF'
Vera, could you send me the figures for October?
EOF
msg sent lu2@example.com 'Me <me@example.com>' 'Vera <vera@client.example>' \
	'Fri, 13 Nov 2026 10:00:00 +0000' 'Re: Figures' lu1@example.com <<'EOF'
Just checking in. I will look at the September numbers in the meantime.
Could you send the October figures when you can?
EOF
# I promise and ask; they answer.
msg sent an1@example.com 'Me <me@example.com>' 'Wim <wim@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Offer' <<'EOF'
Wim, I'll check the offer and let you know. Could you send me the old one?
EOF
msg inbox an2@client.example 'Wim <wim@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 12:00:00 +0000' 'Re: Offer' an1@example.com <<'EOF'
Here is the old offer, attached. Thanks!
EOF
index

NOW=2026-11-17T12:00:00+00:00
t 'an undated promise beside an ask is promise-mine, not awaiting' '
	lu scan --quiet && expect_tags up1@example.com leadup/promise-mine'
t 'why quotes the promise and says when it falls due' '
	lu why id:up1@example.com >out &&
	grep -q "my latest message promises something$" out &&
	grep -q "You promised: \"Sam, I.ll review the contract" out &&
	grep -q "It is due by Thu 19 Nov" out'
t 'an ask alone is awaiting' 'expect_tags aw1@example.com leadup/awaiting'
t 'an undated promise that asks nothing is not tracked' 'expect_tags np1@example.com ""'
t 'a lead-up of mine with an undated promise stays in the cadence' '
	expect_tags lu2@example.com leadup/awaiting'
t 'their answer after it ends my undated promise' '
	expect_tags an1@example.com "" && expect_tags an2@client.example ""'
t 'queue promise-mine lists it' 'lu queue promise-mine | grep -q "Contract"'
t 'its draft quotes the promise and gives it no date I never promised' '
	lu draft id:up1@example.com >d.eml 2>/dev/null &&
	grep -q "^> Sam, I.ll review the contract" d.eml &&
	grep -q "I promised you this:" d.eml && ! grep -q "I promised you this for" d.eml'

NOW=2026-11-19T11:00:00+00:00
t 'it falls due when the first lead-up would (3 business days)' '
	lu scan --quiet && expect_tags up1@example.com "leadup/due leadup/promise-mine"'
done_testing
