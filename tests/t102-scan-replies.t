#!/bin/sh
# What counts as a reply, and what counts as mine.
. "$(dirname "$0")/lib.sh"
world me.too@example.net
ask() { # ask ID FROM TO SUBJECT DATE [PARENT [REFS]]
	msg sent "$1" "$2" "$3" "$5" "$4" "${6:-}" "${7:-}" <<'EOF'
Could you tell me which option you prefer?
EOF
}
# 1. A colleague in Cc answers for them.
HDR='Cc: Ivan <ivan@client.example>' ask cc1@example.com 'Me <me@example.com>' \
	'Jill <jill@client.example>' 'Options' 'Mon, 16 Nov 2026 10:00:00 +0000'
msg inbox cc1r@client.example 'Ivan <ivan@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 12:00:00 +0000' 'Re: Options' cc1@example.com <<'EOF'
Jill is away; we prefer option B. Thanks!
EOF
# 2. A reply that broke threading: no In-Reply-To, no References.
ask ut1@example.com 'Me <me@example.com>' 'Karl <karl@client.example>' 'Hosting plan' \
	'Mon, 16 Nov 2026 10:00:00 +0000'
msg inbox ut1r@client.example 'Karl Klein <KARL@Client.Example>' 'me@example.com' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'RE: AW: Hosting plan' <<'EOF'
The smaller plan is fine for us. Thanks.
EOF
# 3. Same subject from someone I did not write to: not an answer.
ask ut2@example.com 'Me <me@example.com>' 'Lena <lena@client.example>' 'Status report' \
	'Mon, 16 Nov 2026 10:00:00 +0000'
msg inbox ut2r@other.example 'Mallory <mallory@other.example>' 'me@example.com' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Status report' <<'EOF'
Status report attached.
EOF
# 4. My lead-up from my second address is mine: it carries the tag now.
ask fu1@example.com 'Me <me@example.com>' 'Nina <nina@client.example>' 'Training dates' \
	'Mon, 2 Nov 2026 10:00:00 +0000'
msg sent fu1b@example.net 'Me <Me.Too+phone@EXAMPLE.net>' 'Nina <nina@client.example>' \
	'Tue, 10 Nov 2026 10:00:00 +0000' 'Re: Training dates' fu1@example.com <<'EOF'
Nina, shall I hold the 3 December slot for your team, or would the 10th suit better?
EOF
# 5. They answered, then I asked again.
ask ag1@example.com 'Me <me@example.com>' 'Otto <otto@client.example>' 'Logo files' \
	'Mon, 9 Nov 2026 10:00:00 +0000'
msg inbox ag1r@client.example 'Otto <otto@client.example>' 'Me <me@example.com>' \
	'Tue, 10 Nov 2026 10:00:00 +0000' 'Re: Logo files' ag1@example.com <<'EOF'
Here they are.
EOF
msg sent ag1b@example.com 'Me <me@example.com>' 'Otto <otto@client.example>' \
	'Wed, 11 Nov 2026 10:00:00 +0000' 'Re: Logo files' ag1r@client.example \
	'<ag1@example.com> <ag1r@client.example>' <<'EOF'
Thanks Otto! Do you also have the logo as SVG?
EOF
# 6. A subject full of query syntax: quotes, parentheses, a colon, an operator.
ask ut3@example.com 'Me <me@example.com>' 'Pia <pia@client.example>' \
	'"Q4" (draft): tag:x AND "not" *' 'Mon, 16 Nov 2026 10:00:00 +0000'
msg inbox ut3r@client.example 'Pia <pia@client.example>' 'me@example.com' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: "Q4" (draft): tag:x AND "not" *' <<'EOF'
Option two, please.
EOF
# 7. Their question, and my answer that broke threading (mail without
# In-Reply-To, as Exchange and many mailboxes send it).
msg inbox nr1@client.example 'Rita <rita@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Delivery address' <<'EOF'
Could you tell me where we should deliver the boxes?
EOF
msg sent nr1a@example.com 'Me <me@example.com>' 'rita@client.example' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'RE: Delivery address' <<'EOF'
To the warehouse on Mill Road, please.
EOF
# ... and the same subject from me to someone else answers nothing.
msg inbox nr2@client.example 'Sam <sam@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Invoice 42' <<'EOF'
Could you confirm the amount on invoice 42?
EOF
msg sent nr2a@example.com 'Me <me@example.com>' 'accounts@example.com' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Fw: Invoice 42' <<'EOF'
Please check this one.
EOF
# 8. Exchange writes local parts with two dots, which RFC 5322 forbids:
# they are still people, and one of them is me.
msg sent ex1@example.com '"Me Myself" <me..myself@example.com>' 'Tom <t..jones@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Rack space' <<'EOF'
Could you tell me how many units you need?
EOF
msg inbox ex2@client.example 't..jones@client.example' 'me..myself@example.com' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Power budget' <<'EOF'
Could you send me the power budget for the new racks?
EOF
msg inbox ex3@client.example 't..jones@client.example' 'me..myself@example.com' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Cabling' <<'EOF'
Which cable lengths do you want?
EOF
msg sent ex3a@example.com 'me..myself@example.com' 't..jones@client.example' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'RE: Cabling' <<'EOF'
Two metres for all of them.
EOF
# 9. On an opted-in list my recipient is the list: a same-subject answer
# from anyone on it, threading broken, answers me.
HDR='List-Id: <dev.lists.example>' msg lists ls1@example.com 'Me <me@example.com>' \
	'dev@lists.example' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Build fails on arm64' <<'EOF'
Does anyone know which compiler flag the arm64 build needs?
EOF
HDR='List-Id: <dev.lists.example>' msg lists ls1r@other.example 'Uma <uma@other.example>' \
	'dev@lists.example' 'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Build fails on arm64' <<'EOF'
It needs -march=armv8-a; the default is wrong there.
EOF
# 10. An ask to someone else with me in Cc is theirs, unless it names me.
HDR='Cc: Me Myself <me@example.com>' msg inbox cc2@client.example 'Vic <vic@client.example>' \
	'Wes <wes@client.example>' 'Mon, 16 Nov 2026 09:00:00 +0000' 'Badge list' <<'EOF'
Wes, could you send me the badge list for Thursday?
EOF
HDR='Cc: Me Myself <me@example.com>' msg inbox cc3@client.example 'Vic <vic@client.example>' \
	'Wes <wes@client.example>' 'Mon, 16 Nov 2026 09:00:00 +0000' 'Room plan' <<'EOF'
Wes, the room plan is attached. Me, could you confirm the projector?
EOF
# 11. A broadcast to many people asks nothing of me in particular.
HDR='Cc: c1@x.example, c2@x.example, c3@x.example' \
	msg inbox bc1@client.example 'Hal <hal@client.example>' \
	'Me Myself <me@example.com>, d1@x.example, d2@x.example, d3@x.example, d4@x.example' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Timesheets' <<'EOF'
Could everybody send me their timesheets by Friday?
EOF
# 12. An out-of-office answer in the thread after mine, then the real reply
# that broke threading: the thread's newest message is not my question (a
# full scan asks notmuch for this one instead of its walked lookup).
ask oo1@example.com 'Me <me@example.com>' 'Xena <xena@client.example>' 'Venue deposit' \
	'Mon, 16 Nov 2026 10:00:00 +0000'
HDR='Auto-Submitted: auto-replied' msg inbox oo1a@client.example 'Xena <xena@client.example>' \
	'Me <me@example.com>' 'Mon, 16 Nov 2026 10:01:00 +0000' 'Out of office: Venue deposit' \
	oo1@example.com <<'EOF'
I am out of the office until Wednesday 18 November.
EOF
msg inbox oo1r@client.example 'Xena <xena@client.example>' 'me@example.com' \
	'Wed, 18 Nov 2026 09:00:00 +0000' 'Re: Venue deposit' <<'EOF'
Back now: the first option is fine for us.
EOF
# 13. On an opted-in list I answer somebody else's question with advice
# put as questions: there I write as a helper, and the asker's silence owes
# me nothing.  My own question to the list, unanswered, still waits.
HDR='List-Id: <dev.lists.example>' msg lists ls2@other.example 'Uma <uma@other.example>' \
	'dev@lists.example' 'Mon, 16 Nov 2026 09:00:00 +0000' 'Vignette fails to build' <<'EOF'
My vignette fails to build on the check machine. What could cause that?
EOF
HDR='List-Id: <dev.lists.example>' msg lists ls2r@example.com 'Me <me@example.com>' \
	'dev@lists.example' 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Vignette fails to build' \
	ls2@other.example <<'EOF'
Maybe check whether pandoc is installed on that machine? You could also build the vignette with knitr.
EOF
# 14. In somebody else's list thread, my direct questions to the asker do
# wait for the asker's answer (doc/labelling.md: "Does that fix it?").
HDR='List-Id: <dev.lists.example>' msg lists ls4@other.example 'Vic <vic@other.example>' \
	'dev@lists.example' 'Mon, 16 Nov 2026 09:30:00 +0000' 'Plot margins cut off' <<'EOF'
When I save my plot to a PDF file the margins are cut off. Any idea?
EOF
HDR='List-Id: <dev.lists.example>' msg lists ls4r@example.com 'Me <me@example.com>' \
	'dev@lists.example' 'Mon, 16 Nov 2026 11:30:00 +0000' 'Re: Plot margins cut off' \
	ls4@other.example <<'EOF'
Where do you call par()? Is it before or after you open the pdf device?
EOF
HDR='List-Id: <dev.lists.example>' msg lists ls3@example.com 'Me <me@example.com>' \
	'dev@lists.example' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Release schedule' <<'EOF'
Does anyone know when the next release is planned?
EOF
index
printf '[identity]\naddresses = me..myself@example.com\n[scan]\nlists = true\n' \
	>"$XDG_CONFIG_HOME/leadup/config"

NOW=2026-11-19T12:00:00+00:00
t 'a reply from a colleague in Cc ends the wait' '
	lu scan --quiet && expect_tags cc1@example.com ""'
t 'a reply that broke threading, from my recipient, same subject, ends the wait' '
	expect_tags ut1@example.com ""'
t 'after an out-of-office answer in the thread, a reply that broke threading still ends the wait' '
	expect_tags oo1@example.com "" && expect_tags oo1a@client.example "" &&
	lu why id:oo1@example.com | grep -q "oo1r@client.example"'
t 'the same subject from a stranger does not' '
	expect_tags ut2@example.com "leadup/awaiting leadup/due"'
t 'a lead-up from my second address (+suffix, other case) counts as mine' '
	expect_tags fu1@example.com "" && expect_tags fu1b@example.net "leadup/awaiting leadup/due"'
t 'its cadence stage is 1 (one lead-up sent)' '
	lu queue awaiting --format=json >q.json &&
	grep -o "\"message_id\":\"fu1b@example.net\"[^}]*" q.json | grep -q "\"stage\":1"'
t 'they answered, then I asked again: my latest message waits' '
	expect_tags ag1@example.com "" && expect_tags ag1r@client.example "" &&
	expect_tags ag1b@example.com "leadup/awaiting leadup/due"'
t 'my answer that broke threading clears their question' '
	expect_tags nr1@client.example "" && lu why id:nr1@client.example | grep -q "you answered on"'
t 'the same subject from me to someone else does not' '
	expect_tags nr2@client.example "leadup/due leadup/needs-reply"'
t 'an Exchange address with two dots is read: my message to t..jones waits for him' '
	expect_tags ex1@example.com "leadup/awaiting leadup/due"'
t 'his question to my two-dot address is owed' '
	expect_tags ex2@client.example "leadup/due leadup/needs-reply" &&
	lu why id:ex2@client.example | grep -q "t..jones@client.example"'
t 'and my unthreaded answer from the two-dot address clears his other question' '
	expect_tags ex3@client.example ""'
t 'on an opted-in list, a same-subject answer from anyone ends my wait' '
	expect_tags ls1@example.com ""'
t 'on a list, my advice in a thread somebody else started does not wait for the asker' '
	expect_tags ls2r@example.com "" && lu why id:ls2r@example.com | grep -q "nothing to follow up"'
t 'but my direct questions to the asker there do (the learned reply model)' '
	expect_tags ls4r@example.com "leadup/awaiting leadup/due" &&
	lu why id:ls4r@example.com | grep -q "the learned reply model reads it as waiting"'
t 'my own unanswered question to the list does' '
	expect_tags ls3@example.com "leadup/awaiting leadup/due"'
t 'an ask to someone else, with me only in Cc, is not mine to answer' '
	expect_tags cc2@client.example "" && lu why id:cc2@client.example | grep -q "only copied"'
t 'but one that turns to me by name is' 'expect_tags cc3@client.example "leadup/due leadup/needs-reply"'
t 'a broadcast to eight or more people is not mine to answer' '
	expect_tags bc1@client.example "" && lu why id:bc1@client.example | grep -q "many people at once"'
t 'a subject full of query syntax is searched safely, and its broken-threading reply counts' '
	lu scan --full 2>err && ! grep -q "failed" err && expect_tags ut3@example.com ""'
done_testing
