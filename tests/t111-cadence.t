#!/bin/sh
# The cadence: first lead-up after 3 business days, then at least 7 days apart,
# at most 3, then dormant; a reply stops it; an out-of-office return date moves it.
. "$(dirname "$0")/lib.sh"
world
msg sent c0@example.com 'Me <me@example.com>' 'Xena <xena@prospect.example>' \
	'Mon, 2 Nov 2026 10:00:00 +0000' 'Website audit' <<'EOF'
Xena, would you like me to run the website audit we discussed?
EOF
index
stage_of() { lu queue awaiting --format=json | grep -o "\"message_id\":\"$1\"[^}]*" | grep -o '"stage":[0-9]*' | cut -d: -f2; }
leadup_msg() { # leadup_msg ID DATE PARENT
	msg sent "$1" 'Me <me@example.com>' 'Xena <xena@prospect.example>' "$2" 'Re: Website audit' "$3" <<'EOF'
Xena, to hold a slot for the audit this month I need a yes by Friday; shall I book Tuesday at 10:00?
EOF
	index
}
NOW=2026-11-05T10:00:00+00:00
t 'stage 0: the first lead-up is due 3 business days later' '
	lu scan --quiet && expect_tags c0@example.com "leadup/awaiting leadup/due" && test "$(stage_of c0@example.com)" = 0'
leadup_msg c1@example.com 'Thu, 5 Nov 2026 10:30:00 +0000' c0@example.com
t 'my lead-up moves the tag to it: stage 1, not due for 7 days' '
	lu scan --quiet && expect_tags c0@example.com "" && expect_tags c1@example.com leadup/awaiting &&
	test "$(stage_of c1@example.com)" = 1'
NOW=2026-11-12T10:29:00+00:00
t 'not due before 7 days have passed' 'lu scan --quiet && expect_tags c1@example.com leadup/awaiting'
NOW=2026-11-12T10:30:00+00:00
t 'due 7 days after the last lead-up' 'lu scan --quiet && expect_tags c1@example.com "leadup/awaiting leadup/due"'
leadup_msg c2@example.com 'Thu, 12 Nov 2026 11:00:00 +0000' c1@example.com
leadup_msg c3@example.com 'Thu, 19 Nov 2026 11:00:00 +0000' c2@example.com
NOW=2026-11-20T10:00:00+00:00
t 'three lead-ups sent: not dormant while the last one is young' '
	lu scan --quiet && expect_tags c3@example.com leadup/awaiting && test "$(stage_of c3@example.com)" = 3'
NOW=2026-11-26T11:00:00+00:00
t 'dormant once the close-the-loop message has gone 7 days unanswered' '
	lu scan --quiet && expect_tags c3@example.com "" && lazy_tags && expect_tags c3@example.com leadup/dormant'
msg inbox c4@prospect.example 'Xena <xena@prospect.example>' 'Me <me@example.com>' \
	'Thu, 26 Nov 2026 12:00:00 +0000' 'Re: Website audit' c3@example.com <<'EOF'
Sorry for the silence! Yes, please book Tuesday.
EOF
index
NOW=2026-11-26T13:00:00+00:00
t 'a reply stops the cadence (and wakes a dormant thread)' '
	lu scan --quiet && expect_tags c3@example.com "" &&
	! tags c4@prospect.example | grep -q -e awaiting -e dormant'

# An out-of-office with a return date moves the next step after it.
msg sent o0@example.com 'Me <me@example.com>' 'Yann <yann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Renewal' <<'EOF'
Yann, shall we renew the support contract for next year?
EOF
HDR='Auto-Submitted: auto-replied' msg inbox o1@client.example 'Yann <yann@client.example>' \
	'Me <me@example.com>' 'Mon, 16 Nov 2026 10:01:00 +0000' 'Automatic reply: Renewal' o0@example.com <<'EOF'
I am out of the office and back on Monday 23 November.
EOF
index
NOW=2026-11-20T09:00:00+00:00
t 'an out-of-office return date moves the lead-up past the return' '
	lu scan --quiet && expect_tags o0@example.com leadup/awaiting &&
	lu queue awaiting --format=json | grep -o "\"message_id\":\"o0@example.com\"[^}]*" | grep -q "\"due_at\":\"2026-11-24T09:00:00+00:00\""'
NOW=2026-11-24T09:00:00+00:00
t 'and it is due the business day after the return' 'lu scan --quiet && expect_tags o0@example.com "leadup/awaiting leadup/due"'
t 'why names the out-of-office and the stage' '
	lu why id:o0@example.com >out && grep -q "back" out && grep -q "stage 0" out'
done_testing
