#!/bin/sh
# A sender who writes to me often and whom I have never written to is no
# conversation: their questions, in threads I never wrote in, are owed
# nothing (thread.c never_answered; scan.c counts the sender's mail).  A
# first and a second message, a sender I wrote to (from any of my
# addresses, Exchange's "a..b@x" included), and any sender in an index that
# holds none of my mail stay needs-reply.
. "$(dirname "$0")/lib.sh"
world 'me..two@example.com'
NOW=2026-11-20T09:00:00+00:00
ask3() { # ask3 PREFIX WHO: three questions from WHO, one a day from Monday
	for d in 16 17 18; do
		msg inbox "$1$d@example.org" "$2" 'Me <me@example.com>' \
			"$(printf '%s, %s Nov 2026 09:00:00 +0000' "$(date -u -d "2026-11-$d" +%a)" "$d")" \
			"Question $1 $d" <<EOF2
Can you confirm your details for record $d?
EOF2
	done
}
ask3 hr 'HR Notices <notices@corp.example>'
ask3 ann 'Ann Smith <ann@client.example>'
ask3 bob 'Bob Jones <bob@supplier.example>'
ask3 dot 'Dot Exch <dot..exch@corp.example>'
msg sent mine1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Fri, 13 Nov 2026 09:00:00 +0000' 'Hello' <<'EOF2'
Good to meet you yesterday.
EOF2
msg sent mine2@example.com 'Me <me..two@example.com>' 'Bob Jones <bob@supplier.example>' \
	'Fri, 13 Nov 2026 10:00:00 +0000' 'Order' <<'EOF2'
The order went out this morning.
EOF2
index

t 'a sender I never wrote to, on a third message: none of the three is owed' '
	lu scan --quiet --full &&
	expect_tags hr16@example.org "" && expect_tags hr17@example.org "" &&
	expect_tags hr18@example.org ""'
t 'why says so' '
	lu why id:hr18@example.org >out &&
	grep "has written to you 3 times and you have never written to them" out &&
	grep "a sender you never write to" out'
t 'a sender I wrote to stays a conversation' '
	expect_tags ann18@example.org "leadup/due leadup/needs-reply"'
t 'my mail from an Exchange-style address counts as mine' '
	expect_tags bob18@example.org "leadup/due leadup/needs-reply"'
t 'a sender notmuch cannot search for is not counted' '
	expect_tags dot18@example.org "leadup/due leadup/needs-reply"'
t 'a second message from a new sender is still a conversation' '
	msg inbox new1@example.org "Cy New <cy@new.example>" "Me <me@example.com>" \
		"Wed, 18 Nov 2026 09:00:00 +0000" "First" <<EOF2 &&
Can you send me the price list?
EOF2
	msg inbox new2@example.org "Cy New <cy@new.example>" "Me <me@example.com>" \
		"Thu, 19 Nov 2026 09:00:00 +0000" "Second" <<EOF2 &&
Can you send me the price list, please?
EOF2
	index && lu scan --quiet &&
	expect_tags new2@example.org "leadup/due leadup/needs-reply"'
t 'a decision on such a thread re-decides it with the sender counted (no crash)' '
	lu done id:new2@example.org >/dev/null && expect_tags new2@example.org "leadup/closed" &&
	lu reopen id:new2@example.org >/dev/null &&
	expect_tags new2@example.org "leadup/due leadup/needs-reply" &&
	lu done id:hr18@example.org >/dev/null && lu reopen id:hr18@example.org >/dev/null &&
	expect_tags hr18@example.org ""'
t 'an index without my mail: nothing is guessed' '
	rm "$MAIL"/sent/cur/* && index && lu scan --quiet --full &&
	expect_tags hr18@example.org "leadup/due leadup/needs-reply"'
done_testing
