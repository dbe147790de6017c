#!/bin/sh
# Every queue: needs-reply, no-next-step, promises (mine, theirs, agreed), declines, closings.
. "$(dirname "$0")/lib.sh"
world
# needs-reply: they ask me on Tuesday 17 November at 11:00.
msg inbox nr1@client.example 'Quinn Baker <quinn@client.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 11:00:00 +0000' 'Quote for the audit' <<'EOF'
Hi,

Could you send us a quote for the security audit?

Quinn
EOF
# no-next-step: a friendly exchange that ends without a date.
msg sent ns1@example.com 'Me <me@example.com>' 'Rita <rita@partner.example>' \
	'Mon, 2 Nov 2026 10:00:00 +0000' 'Partnership' <<'EOF'
Rita, great meeting you at the fair. Would a referral partnership interest you?
EOF
msg inbox ns1r@partner.example 'Rita <rita@partner.example>' 'Me <me@example.com>' \
	'Tue, 3 Nov 2026 10:00:00 +0000' 'Re: Partnership' ns1@example.com <<'EOF'
Sounds good, let's talk soon!
EOF
# promise-mine: I promise the draft by Friday 20 November.
msg inbox pm0@client.example 'Sam <sam@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Contract draft' <<'EOF'
Can you prepare the contract draft?
EOF
msg sent pm1@example.com 'Me <me@example.com>' 'Sam <sam@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Contract draft' pm0@client.example <<'EOF'
Happy to. I'll send you the draft by Friday.
EOF
# no promise: the date my promise names is past when I write ("last week").
msg sent pm9@example.com 'Me <me@example.com>' 'Wes <wes@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Minutes' <<'EOF'
Wes, I'll send you the minutes from last week.
EOF
# promise-theirs: they promise an answer by Wednesday 18 November.
msg sent pt0@example.com 'Me <me@example.com>' 'Tom <tom@client.example>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Budget approval' <<'EOF'
Tom, is the budget for phase two approved?
EOF
msg inbox pt1@client.example 'Tom <tom@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 12:00:00 +0000' 'Re: Budget approval' pt0@example.com <<'EOF'
Not yet. I will get back to you by Wednesday.
EOF
# decline.
msg sent dc0@example.com 'Me <me@example.com>' 'Uma <uma@prospect.example>' \
	'Mon, 9 Nov 2026 09:00:00 +0000' 'Training offer' <<'EOF'
Uma, shall I send you the full training offer?
EOF
msg inbox dc1@prospect.example 'Uma <uma@prospect.example>' 'Me <me@example.com>' \
	'Tue, 10 Nov 2026 09:00:00 +0000' 'Re: Training offer' dc0@example.com <<'EOF'
Thanks, but we are not interested at the moment.
EOF
# closing.
msg sent cl0@example.com 'Me <me@example.com>' 'Vic <vic@client.example>' \
	'Mon, 9 Nov 2026 09:00:00 +0000' 'Invoice 42' <<'EOF'
Vic, did the invoice reach you?
EOF
msg inbox cl1@client.example 'Vic <vic@client.example>' 'Me <me@example.com>' \
	'Mon, 9 Nov 2026 12:00:00 +0000' 'Re: Invoice 42' cl0@example.com <<'EOF'
Yes, all paid. Thanks, that's all I needed.
EOF
index

NOW=2026-11-17T12:00:00+00:00
t 'their question to me needs a reply' '
	lu scan --quiet && expect_tags nr1@client.example leadup/needs-reply'
t 'it ages in business hours' 'lu queue needs-reply | grep -q " 1h  Quinn Baker"'
t '[needs-reply] delay sets the working hours it may wait' '
	printf "[needs-reply]\ndelay=2\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	NOW=2026-11-17T12:59:00+00:00 lu scan --quiet && expect_tags nr1@client.example leadup/needs-reply &&
	NOW=2026-11-17T13:00:00+00:00 lu scan --quiet && expect_tags nr1@client.example "leadup/due leadup/needs-reply" &&
	rm "$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet'
NOW=2026-11-17T17:00:00+00:00
t 'due at the end of the business day it arrived' '
	lu scan --quiet && expect_tags nr1@client.example "leadup/due leadup/needs-reply"'
t 'a friendly exchange without a date has no next step, due after 5 quiet business days' '
	expect_tags ns1r@partner.example "leadup/due leadup/no-next-step" && expect_tags ns1@example.com ""'
t 'my dated promise is tracked and not yet due' '
	expect_tags pm1@example.com leadup/promise-mine'
t 'a promise whose date was past when I wrote it is not a dated promise' '
	expect_tags pm9@example.com ""'
t 'their dated promise is tracked' 'expect_tags pt1@client.example leadup/promise-theirs'
t 'a decline closes the thread' 'expect_tags dc1@prospect.example leadup/closed && expect_tags dc0@example.com ""'
t 'a closing is in no queue' 'expect_tags cl1@client.example "" && expect_tags cl0@example.com ""'

NOW=2026-11-19T09:00:00+00:00
t 'their promise falls due when Wednesday has passed without a word' '
	lu scan --quiet && expect_tags pt1@client.example "leadup/due leadup/promise-theirs"'
NOW=2026-11-20T23:59:00+00:00
t 'my promise is not due before the end of Friday' '
	lu scan --quiet && expect_tags pm1@example.com leadup/promise-mine'
NOW=2026-11-21T00:00:00+00:00
t 'and due after it' 'lu scan --quiet && expect_tags pm1@example.com "leadup/due leadup/promise-mine"'

# Answers resolve: I reply to Quinn, I deliver the draft, Tom writes.
msg sent nr2@example.com 'Me <me@example.com>' 'Quinn Baker <quinn@client.example>' \
	'Mon, 23 Nov 2026 09:00:00 +0000' 'Re: Quote for the audit' nr1@client.example <<'EOF'
Quinn, the quote is attached: 4 days at the usual rate. Thank you!
EOF
msg sent pm2@example.com 'Me <me@example.com>' 'Sam <sam@client.example>' \
	'Mon, 23 Nov 2026 09:05:00 +0000' 'Re: Contract draft' pm1@example.com '<pm0@client.example> <pm1@example.com>' <<'EOF'
Here is the draft. Thanks for your patience.
EOF
msg inbox pt2@client.example 'Tom <tom@client.example>' 'Me <me@example.com>' \
	'Mon, 23 Nov 2026 09:10:00 +0000' 'Re: Budget approval' pt1@client.example '<pt0@example.com> <pt1@client.example>' <<'EOF'
Approved! Thanks for waiting.
EOF
index
NOW=2026-11-23T10:00:00+00:00
t 'my answer takes the thread out of needs-reply' '
	lu scan --quiet && expect_tags nr1@client.example ""'
t 'my next message resolves my promise (and, delivered, the thread wants a next step)' '
	expect_tags pm1@example.com "" && expect_tags pm2@example.com leadup/no-next-step'
t 'their message resolves their promise' 'expect_tags pt1@client.example ""'

# An agreed, dated next step.
msg sent ag0@example.com 'Me <me@example.com>' 'Wendy <wendy@client.example>' \
	'Mon, 23 Nov 2026 11:00:00 +0000' 'Kick-off' <<'EOF'
Wendy, shall we hold the kick-off call on Thursday 26 November at 10:00?
EOF
msg inbox ag1@client.example 'Wendy <wendy@client.example>' 'Me <me@example.com>' \
	'Mon, 23 Nov 2026 12:00:00 +0000' 'Re: Kick-off' ag0@example.com <<'EOF'
Thursday at 10:00 works for me. See you then.
EOF
index
NOW=2026-11-24T10:00:00+00:00
t 'an agreed, dated next step waits on their side' '
	lu scan --quiet && expect_tags ag1@client.example leadup/promise-theirs'
t 'queue shows every state with counts' '
	lu queue >out && grep -q "^promise-theirs *1" out && grep -q "^closed *1" out'
t 'queue due lists everything due now, across queues' '
	lu queue due >out && grep -q "^DUE no-next-step .*Rita" out && ! grep -q "promise-theirs" out && test "$(wc -l <out)" = 2'
t 'report --format=json has the documented keys' '
	lu report --format=json >r.json && perl -MJSON::PP -e "
		my \$r = decode_json(do { local \$/; <STDIN> });
		for my \$k (qw(now queues due_today promises_this_week oldest bounced)) { exists \$r->{\$k} or die qq(no \$k) }
		my (\$pt) = grep { \$_->{name} eq q(promise-theirs) } @{\$r->{queues}};
		\$pt->{count} == 1 or die q(promise-theirs count);
		for my \$i (@{\$r->{due_today}}) { exists \$i->{message_id} && exists \$i->{due_at} or die q(item keys) }" <r.json'
t 'report lists the queues and what is due' '
	lu report >out && grep -q "Due today" out && grep -q "no-next-step" out'
done_testing
