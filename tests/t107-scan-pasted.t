#!/bin/sh
# Quotes without markers: a sentence pasted from another writer's earlier
# message (no ">", no attribution) is not the new writer's own (said.c).
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-18T12:00
ME='Me <me@example.com>' JILL='Jill <jill@client.example>'
# 1. Their promise, pasted under my thanks: still theirs, not mine.
msg inbox pr1@client.example "$JILL" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Contract' <<'EOF'
Thanks for the call this morning. I'll send the signed contract this week.
EOF
msg sent pr1a@example.com "$ME" "$JILL" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Contract' \
	pr1@client.example <<'EOF'
Great, thank you Jill.

Thanks for the call this morning.
I'll send the signed contract this week.
EOF
# 2. My promise, pasted back by them with a thank-you: mine, not theirs.
msg sent pr2@example.com "$ME" "$JILL" 'Mon, 9 Nov 2026 09:00:00 +0000' 'Slides' <<'EOF'
I will send you the revised slides by Friday 13 November.
EOF
msg sent pr2a@example.com "$ME" "$JILL" 'Fri, 13 Nov 2026 09:00:00 +0000' 'Re: Slides' \
	pr2@example.com <<'EOF'
Here are the revised slides.
EOF
msg inbox pr2b@client.example "$JILL" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Re: Slides' \
	pr2a@example.com '<pr2@example.com> <pr2a@example.com>' <<'EOF'
Got them, thanks a lot!

I will send you the revised slides by Friday 13 November.
EOF
# 3. Their question, pasted whole under my answer: no question of mine.
msg inbox qu1@client.example "$JILL" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Conference' <<'EOF'
Hi,

Could you tell me which hotel you booked for the conference?

Jill
EOF
msg sent qu1a@example.com "$ME" "$JILL" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Conference' \
	qu1@client.example <<'EOF'
The Grand, on the market square.

Hi,

Could you tell me which hotel you booked for the conference?

Jill
EOF
# 4. One sentence of their question pasted above my answer.
msg inbox qu2@client.example "$JILL" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Parking' <<'EOF'
We arrive at nine. Is there a car park near your office where we can leave the van?
EOF
msg sent qu2a@example.com "$ME" "$JILL" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Parking' \
	qu2@client.example <<'EOF'
Is there a car park near your office where we can leave the van?
Yes, right behind the building; the gate code is 4711.
EOF
# 5. My own question asked again in my lead-up stays mine.
msg sent ag1@example.com "$ME" "$JILL" 'Mon, 2 Nov 2026 09:00:00 +0000' 'Budget' <<'EOF'
Did you get a chance to look at the budget for next year?
EOF
msg sent ag1a@example.com "$ME" "$JILL" 'Mon, 9 Nov 2026 09:00:00 +0000' 'Re: Budget' \
	ag1@example.com <<'EOF'
Did you get a chance to look at the budget for next year?
EOF
# 6. A sentence under five words repeats by chance ("Sounds good to me."): theirs too.
msg sent sh1@example.com "$ME" "$JILL" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Lunch' <<'EOF'
Lunch on Thursday? Sounds good to me.
EOF
msg inbox sh1a@client.example "$JILL" "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Lunch' \
	sh1@example.com <<'EOF'
Sounds good to me. Can you book a table?
EOF
index
t 'scan runs' 'lu scan --full'
t 'their promise pasted under my thanks stays theirs' '
	expect_tags pr1@client.example "leadup/promise-theirs" && expect_tags pr1a@example.com ""'
t 'and leadup why shows it as theirs' '
	lu why id:pr1a@example.com | grep -q "Jill promised"'
t 'my promise pasted back by them does not become their promise' '
	expect_tags pr2b@client.example "leadup/no-next-step" && ! lu why id:pr2b@client.example | grep -q promised'
t 'their question pasted whole under my answer does not make the thread awaiting' '
	expect_tags qu1a@example.com "leadup/no-next-step" && expect_tags qu1@client.example ""'
t 'nor one pasted sentence of it above my answer' '
	expect_tags qu2a@example.com "leadup/no-next-step" && expect_tags qu2@client.example ""'
t 'my own question asked again stays mine: the thread awaits' '
	expect_tags ag1a@example.com "leadup/awaiting leadup/due"'
t 'a short sentence that repeats by chance stays the writer'"'"'s' '
	expect_tags sh1a@client.example "leadup/due leadup/needs-reply" &&
	lu why id:sh1a@client.example | grep -q "\"Sounds good to me.\""'
done_testing
