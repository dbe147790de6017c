#!/bin/sh
# Thread verdicts from issue 10's labelled train conversations (session 27),
# by cause, on written mail.  A reply is expected only where a request or a
# proposal asks for one: when the learned sentence model takes away the
# rules' request (it decides that label), the sentence expects nothing
# either (classify.c model_correct).  A signature line whose charset lost a
# letter ("Universit?") read as a question the model says is none, and my
# thanks ending a thread waited for an answer.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-20T09:00:00+00:00
t 'a line the model reads as no request expects no reply' '
	printf "%s\n" "Lecturer in Economics at Universit?" "Professor of Economics, Universit?" |
		lu classify --lines >out &&
	test "$(grep -c "\"expects_reply\": *true" out)" = 0 &&
	test "$(grep -c "\"expects_reply\": *false" out)" = 2'
t 'a line the model keeps as a request still expects one' '
	printf "%s\n" "Can you send me the totals by Friday?" | lu classify --lines >out &&
	grep "\"expects_reply\": *true" out'
# My question, Bo's answer, my thanks above a signature that lost a letter.
msg sent q1@example.com 'Me <me@example.com>' 'Bo <bo@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Totals' <<'EOF'
Can you explain why the two totals differ?
EOF
msg inbox q1r@client.example 'Bo <bo@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 14:00:00 +0000' 'Re: Totals' q1@example.com <<'EOF'
The second file counts the returns twice.
EOF
msg sent q1t@example.com 'Me <me@example.com>' 'Bo <bo@client.example>' \
	'Mon, 16 Nov 2026 15:00:00 +0000' 'Re: Totals' q1r@client.example \
	'<q1@example.com> <q1r@client.example>' <<'EOF'
Thank you for the explanation.

Jo Rivard
Lecturer in Economics at Universit?
EOF
index
t 'my thanks above that signature waits for nothing' '
	lu scan --quiet && expect_tags q1t@example.com "" &&
	lu why id:q1t@example.com >out && grep "State:  in no queue" out'
done_testing
