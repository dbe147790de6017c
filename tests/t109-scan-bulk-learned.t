#!/bin/sh
# Bulk mail without list headers or an unsubscribe line: a newsletter that
# only looks personal (a person's name as sender, a question in its text)
# is read as bulk by the learned bulk model (bulk.c, thread.c learned_bulk)
# when its sender is someone I never wrote to, and so owes no reply; a
# personal question from the same sender still does, and so does the same
# newsletter from someone I have written to.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-20T09:00:00+00:00
letter() { # letter ID FROM SUBJECT: a daily market letter, written for this test
	msg inbox "$1" "$2" 'Me <me@example.com>' 'Tue, 17 Nov 2026 22:00:00 +0000' "$3" <<'EOF2'
EVENING MARKET REPORT - Tuesday, November 17, 2026

Stocks closed higher today as energy shares rallied for a third session.
The Dow gained 112 points, the Nasdaq rose 1.4% and crude oil futures
settled at $78.20 a barrel.

TODAY'S TOP PICKS
- XYZ Energy (XYZE): breakout above resistance, target $42
- Acme Pipelines (ACPL): strong volume, upgraded to BUY
- North Gas (NGAS): earnings beat estimates by 12 cents

Would you like our full analysis for your portfolio? Just reply to this email
and our analysts will send it to you.

Free trial: http://www.market-report.example.com/trial
Charts: http://www.market-report.example.com/charts
Daily picks: http://www.market-report.example.com/picks

This report is for information only and is not investment advice.
Past performance does not guarantee future results.
EOF2
}
letter letter1@example.org 'Jane Miller <jane.miller@market-report.example>' 'Evening Market Report: energy shares rally'
msg inbox personal1@example.org 'Jane Miller <jane.miller@market-report.example>' \
	'Me <me@example.com>' 'Wed, 18 Nov 2026 10:00:00 +0000' 'Your interview' <<'EOF2'
Hi,

Thanks for talking to me last week. Could you send me the figures you
mentioned, so that I can check the quote before we print it?

Jane
EOF2
letter letter2@example.org 'Ann Smith <ann@client.example>' 'Evening Market Report: energy shares rally'
msg sent mine1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Fri, 13 Nov 2026 09:00:00 +0000' 'Hello' <<'EOF2'
Good to meet you yesterday.
EOF2
index

t 'a newsletter from a stranger, no list header, no unsubscribe line: no reply owed' '
	lu scan --quiet --full && expect_tags letter1@example.org ""'
t 'why says the learned model read it as bulk, with its probability' '
	lu why id:letter1@example.org >out &&
	grep -E "reads as mail sent in bulk \(the learned bulk model: 0\.[0-9]{3}, threshold 0\.[0-9]{3}\)" out &&
	grep "unsolicited bulk mail" out'
t 'a personal question from the same sender still needs a reply' '
	expect_tags personal1@example.org "leadup/due leadup/needs-reply"'
t 'the same newsletter from someone I wrote to: the model does not judge it' '
	expect_tags letter2@example.org "leadup/due leadup/needs-reply"'
done_testing
