#!/bin/sh
# A reply postponed in the real NeoMutt and Mutt ($postponed inside the
# notmuch tree) is no lead-up: the thread stays due, and why counts none.
. "$(dirname "$0")/e2e-lib.sh"
e2e_need neomutt mutt
world
OLD=$(e2e_date 10)
echo 'Could you send me the figures for October?' |
	msg sent q1@example.com 'Me Myself <me@example.com>' 'Bob <bob@b.example>' "$OLD" 'Figures'
echo 'Could you confirm the budget?' |
	msg sent q2@example.com 'Me Myself <me@example.com>' 'Cid <cid@c.example>' "$OLD" 'Budget'
index
e2e_bin
lx scan --quiet
unsent() { # unsent ID: still awaiting and due, and no lead-up counted
	expect_tags "$1" "leadup/awaiting leadup/due" &&
	lx why "id:$1" >why.out && ! grep -q "lead-up.* since" why.out
}
postpone() { # postpone CLIENT SUBJECT: reply to my message SUBJECT in sent/ and postpone it
	e2e_start "$1" "-f $MAIL/sent" && e2e_waitf "$2" && e2e_select "$2" && e2e_type r &&
	e2e_wait "Subject: Re: $2" && e2e_type P && e2e_idle && e2e_type q && e2e_idle
	tm kill-server >/dev/null 2>&1
	ls "$MAIL"/later/cur/* "$MAIL"/later/new/* 2>/dev/null | head -n 1 >postponed.path
	test -s postponed.path
}
t 'NeoMutt postpones a reply into the notmuch tree' '
	mkdir -p "$MAIL/later/cur" "$MAIL/later/new" "$MAIL/later/tmp" &&
	e2e_neomuttrc "set fast_reply=yes abort_unmodified=no include=yes postponed=$MAIL/later" && postpone neomutt Figures &&
	grep -q "^X-Mutt-" "$(cat postponed.path)"'
t 'the postponed reply is no lead-up' '
	index && test "$(notmuch count thread:{id:q1@example.com})" = 2 && lx scan --quiet && unsent q1@example.com'
t 'Mutt postpones a reply into the notmuch tree; it is no lead-up either' '
	rm -f "$MAIL"/later/cur/* "$MAIL"/later/new/* &&
	e2e_muttrc "set fast_reply=yes abort_unmodified=no include=yes postponed=$MAIL/later" && postpone mutt Budget &&
	index && test "$(notmuch count thread:{id:q2@example.com})" = 2 && lx scan --quiet && unsent q2@example.com'
done_testing
