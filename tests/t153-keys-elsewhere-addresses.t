#!/bin/sh
# The keys and a scan that is not full ask notmuch for an answer that broke
# threading by the words of the addresses, each a quoted term (scan.c
# address_terms), not by the address as a phrase: the phrase read the
# positions of its terms in every message that had them all (372 index
# blocks against 69 for one address at 300,000 messages, more for mine).
# The terms match more than the address; the addresses are compared in C,
# as a full scan compares them: a message from jo.ann@acme.example is no
# answer from ann@acme.example (the phrase "ann acme example" matched it,
# and why listed it as in another thread), a message of mine to
# jo.dee@acme.example no answer to dee@acme.example.  An address whose
# words Xapian may join or cut (o'brien@x-y.example) is asked as a phrase.
. "$(dirname "$0")/lib.sh"
world
msg sent ask@example.com 'Me <me@example.com>' 'Ann Bell <ann@acme.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Venue' <<'EOF'
Could you tell me by Thursday which venue you prefer?
EOF
msg sent ask2@example.com 'Me <me@example.com>' "Pat O'Brien <o'brien@x-y.example>" \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Catering' <<'EOF'
Could you tell me by Thursday which caterer you prefer?
EOF
msg inbox q@example.org 'Dee Lee <dee@acme.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Budget' <<'EOF'
Can you send me the budget by Friday?
EOF
index
NOW=2026-11-16T12:00:00+00:00
t 'before the answers: two await, one needs a reply' '
	lu scan --quiet && expect_tags ask@example.com "leadup/awaiting" &&
	expect_tags ask2@example.com "leadup/awaiting" && expect_tags q@example.org "leadup/needs-reply"'
# Unthreaded: a namesake answers Ann, Pat answers, I write to Dee's namesake.
msg inbox re1@example.org 'Jo Ann <jo.ann@acme.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 14:00:00 +0000' 'Re: Venue' <<'EOF'
The hall on the river, please.
EOF
msg inbox re2@example.org "Pat O'Brien <o'brien@x-y.example>" 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 14:00:00 +0000' 'Re: Catering' <<'EOF'
The one from last year, please.
EOF
msg sent re3@example.com 'Me <me@example.com>' 'Jo Dee <jo.dee@acme.example>' \
	'Mon, 16 Nov 2026 14:00:00 +0000' 'Re: Budget' <<'EOF'
Here is the budget.
EOF
index
NOW=2026-11-16T16:00:00+00:00
t 'why: the namesake is no answer from Ann, and is not listed' '
	lu why id:ask@example.com >out && grep -q "^State:  awaiting" out && ! grep "in another thread" out'
t 'why: my mail to a namesake is no answer to Dee' '
	lu why id:q@example.org >out && grep -q "^State:  needs-reply" out && ! grep "in another thread" out'
t 'why: an address asked as a phrase still finds the answer' '
	lu why id:ask2@example.com >out && grep -q "in another thread" out'
t 'a full scan agrees' '
	lu scan --quiet --full && expect_tags ask@example.com "leadup/awaiting" &&
	expect_tags q@example.org "leadup/needs-reply" && lu why id:ask@example.com >full &&
	! grep "in another thread" full'
done_testing
