#!/bin/sh
# The awaiting rule: my unanswered question, and when its follow-up is due.
. "$(dirname "$0")/lib.sh"
world

# Monday 16 November 2026, 10:00 London: I ask Ann something.
msg sent q1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Website budget' <<'EOF'
Hi Ann,

Could you confirm the budget for the website project?

Best,
Me
EOF
# Friday 20 November 16:00: another question; three business days end on Wednesday.
msg sent q2@example.com 'Me <me@example.com>' 'Bob Jones <bob@supplier.example>' \
	'Fri, 20 Nov 2026 16:00:00 +0000' 'Delivery slots' <<'EOF'
Bob, which delivery slot do you want next week?
EOF
# A message that asks nothing is not waiting for anything.
msg sent info1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Slides from today' <<'EOF'
Hi Ann, here are the slides from today's session. Thanks again for hosting!
EOF
index

NOW=2026-11-18T12:00:00+00:00
t 'scan tags my unanswered question as awaiting' '
	lu scan --quiet &&
	expect_tags q1@example.com leadup/awaiting'
t 'a message that asks nothing is not awaiting' '
	expect_tags info1@example.com ""'

NOW=2026-11-19T09:59:00+00:00
t 'not due before three business days have passed' '
	lu scan --quiet && expect_tags q1@example.com leadup/awaiting'

NOW=2026-11-19T10:00:00+00:00
t 'due three business days later, with no new mail (time alone)' '
	lu scan --quiet && expect_tags q1@example.com "leadup/awaiting leadup/due"'

NOW=2026-11-25T15:59:00+00:00
t 'Friday + 3 business days skips the weekend: not due Wednesday 15:59' '
	lu scan --quiet && expect_tags q2@example.com leadup/awaiting'
NOW=2026-11-25T16:00:00+00:00
t 'Friday + 3 business days: due Wednesday 16:00' '
	lu scan --quiet && expect_tags q2@example.com "leadup/awaiting leadup/due"'

t 'the queue lists both, oldest first, with whom we wait for' '
	lu queue awaiting >out &&
	head -n 1 out | grep -q "Ann Smith" && sed -n 2p out | grep -q "^    id:q1@example.com  thread:" &&
	sed -n 3p out | grep -q "Bob Jones" && sed -n 4p out | grep -q "^    id:q2@example.com" &&
	test $(wc -l <out) -eq 4'
t 'queue --format=json carries ids, due dates and business days waiting' '
	lu queue awaiting --format=json >out.json &&
	grep -q "\"message_id\":\"q1@example.com\"" out.json &&
	grep -q "\"due_at\":\"2026-11-19T10:00:00+00:00\"" out.json &&
	grep -q "\"waiting_days\":7" out.json'
# One definition of "due": the last scan found q2 due; asked at an earlier
# --now, the list, the counts and the report still say the same.
t 'queue lists, queue counts and report agree on what is due' '
	NOW=2026-11-25T15:00:00+00:00 &&
	test "$(lu queue awaiting | grep -c "^DUE")" = 2 &&
	lu queue | grep -q "^awaiting *2  (2 due)" &&
	lu report | grep -q "^  awaiting  *2  *2$"'

# Business days are configurable: a Sunday-Thursday week.
t 'business days come from the config' '
	printf "[time]\nbusiness_days=Sun-Thu\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	NOW=2026-11-25T09:00:00+00:00 lu scan --quiet --full &&
	expect_tags q2@example.com "leadup/awaiting leadup/due" &&
	rm "$XDG_CONFIG_HOME/leadup/config"'
t 'and the first lead-up delay too' '
	printf "[awaiting]\nfirst=10\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	lu scan --quiet --full &&
	expect_tags q1@example.com "leadup/awaiting" &&
	rm "$XDG_CONFIG_HOME/leadup/config"'
done_testing
