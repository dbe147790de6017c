#!/bin/sh
# My answer that broke threading (no In-Reply-To), found by the keys and by
# a scan that is not full: they ask notmuch for the subject's words, each a
# quoted term (scan.c subject_terms), and compare the subjects themselves.
# Subjects whose words a query parser could take for something else
# (operators, quotes, punctuation, non-ASCII), a subject of more than eight
# words (the eighth word was cut to its first letter, so no answer to a long
# subject was ever found), and the same words in another order (no answer:
# the subjects differ).  A full scan finds the same among the messages it
# walks, without a query.
. "$(dirname "$0")/lib.sh"
world
ask() { # ask ID SUBJECT: Dee asks me something
	msg inbox "$1" 'Dee Lee <dee@example.org>' 'Me <me@example.com>' \
		'Mon, 16 Nov 2026 10:00:00 +0000' "$2" <<-'EOF2'
	Can you send me the numbers by Friday?
	EOF2
}
answer() { # answer ID SUBJECT: my answer to Dee, in a thread of its own
	msg sent "$1" 'Me <me@example.com>' 'Dee Lee <dee@example.org>' \
		'Mon, 16 Nov 2026 15:20:00 +0000' "Re: $2" <<-'EOF2'
	Yes, here they are.
	EOF2
}
S_OPS='Budget: not final, and/or "near" done?'
S_PUNCT='Q3/Q4 e-mail roll-out (v2.1) & sign-off'
S_UTF8='Überweisung für das Café in Zürich'
S_LONG='Please review the final contract terms for the new Berlin office lease'
ask ops@example.org "$S_OPS"
ask punct@example.org "$S_PUNCT"
ask utf8@example.org "$S_UTF8"
ask long@example.org "$S_LONG"
ask order@example.org 'Office lease terms'
index
NOW=2026-11-16T12:00:00+00:00
t 'before my answers: every question needs a reply' '
	lu scan --quiet &&
	for m in ops punct utf8 long order; do expect_tags $m@example.org "leadup/needs-reply" || return 1; done'
answer a-ops@example.com "$S_OPS"
answer a-punct@example.com "$S_PUNCT"
answer a-utf8@example.com "$S_UTF8"
answer a-long@example.com "$S_LONG"
answer a-order@example.com 'Lease office terms'
index
NOW=2026-11-16T16:00:00+00:00
for m in ops punct utf8 long; do
	t "why finds my answer elsewhere ($m)" '
		lu why id:'$m'@example.org >out &&
		grep "you answered on Mon 16 Nov 15:20 in a message that is not in this thread" out &&
		grep "in another thread: a reply that broke threading" out'
done
t 'why: the same words in another order are no answer' '
	lu why id:order@example.org >out && ! grep "in another thread" out'
t 'draft: the answered thread is in no queue, the other needs a reply' '
	lu draft id:long@example.org >out 2>err && grep "state: none" err &&
	lu draft id:order@example.org >out 2>err && grep "state: needs-reply" err'
t 'the scan after my answers (a query): the four answered, the other still waits' '
	lu scan --quiet &&
	for m in ops punct utf8 long; do expect_tags $m@example.org "" || return 1; done &&
	expect_tags order@example.org "leadup/needs-reply"'
t 'a full scan (no query) agrees' '
	lu scan --quiet --full &&
	for m in ops punct utf8 long; do expect_tags $m@example.org "" || return 1; done &&
	expect_tags order@example.org "leadup/needs-reply"'
done_testing
