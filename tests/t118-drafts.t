#!/bin/sh
# Unsent mail is no lead-up: leadup's own drafts, NeoMutt's and Mutt's
# postponed messages and anything in a drafts folder inside the notmuch
# tree.  A message is mine-and-sent only when it was sent.
. "$(dirname "$0")/lib.sh"
world
for f in drafts postponed '[Gmail]/Drafts' INBOX.Drafts Unsent; do
	mkdir -p "$MAIL/$f/cur" "$MAIL/$f/new" "$MAIL/$f/tmp"
done
ask q1@example.com 'Ann <ann@a.example>' 'Figures'
ask q2@example.com 'Bob <bob@b.example>' 'Budget'
ask q3@example.com 'Cid <cid@c.example>' 'Slides'
ask q4@example.com 'Dee <dee@d.example>' 'Venue'
ask q5@example.com 'Eve <eve@e.example>' 'Catering'
scanned
unsent() { # unsent ID: the thread is still due, and why counts no lead-up
	expect_tags "$1" "leadup/awaiting leadup/due" &&
	lu why "id:$1" >why.out && grep -q "^State:  awaiting" why.out && ! grep -q "lead-up.* since" why.out
}

t 'a leadup draft saved in drafts/new is not a sent lead-up' '
	expect_tags q1@example.com "leadup/awaiting leadup/due" &&
	lu draft --quiet id:q1@example.com >"$MAIL/drafts/new/p" && index && lu scan --quiet &&
	notmuch count thread:{id:q1@example.com} | grep -qx 2 && unsent q1@example.com'
t 'nor is it when saved anywhere else in the tree (no Message-ID: never sent)' '
	lu draft --quiet id:q2@example.com >"$MAIL/inbox/new/leadup-draft" && index && lu scan --quiet &&
	notmuch count thread:{id:q2@example.com} | grep -qx 2 && unsent q2@example.com'
postponed() { # postponed FOLDER ID PARENT: a postponed reply as NeoMutt writes it
	{ printf "From: Me <me@example.com>\nTo: x@x.example\nSubject: Re: x\nDate: Fri, 20 Nov 2026 08:00:00 +0000\n"
	  printf "Message-ID: <%s>\nIn-Reply-To: <%s>\nReferences: <%s>\n" "$2" "$3" "$3"
	  printf "X-Mutt-References: <%s>\nX-Mutt-Fcc: =sent\n\nJust checking in on the figures?\n" "$3"; } \
		>"$MAIL/$1/new/$2"
}
t 'a NeoMutt postponed reply (X-Mutt- headers) is not a lead-up, wherever it lies' '
	postponed inbox pp3@example.com q3@example.com && index && lu scan --quiet && unsent q3@example.com'
t 'a message of mine in a drafts folder is not a lead-up ([Gmail]/Drafts, INBOX.Drafts, postponed)' '
	i=0 && for f in "[Gmail]/Drafts" INBOX.Drafts postponed; do
		i=$((i + 1)) && msg "$f" "dr$i@example.com" "Me <me@example.com>" "Dee <dee@d.example>" \
			"Fri, 20 Nov 2026 08:0$i:00 +0000" "Re: Venue" q4@example.com </dev/null || return 1
	done && index && lu scan --quiet && unsent q4@example.com'
t 'the same message sent (a copy in sent) is a lead-up' '
	cp "$MAIL/postponed/cur/dr3@example.com:2,S" "$MAIL/sent/cur/dr3@example.com:2,S" &&
	index && lu scan --quiet && lu why id:q4@example.com >out && grep -q "sent 1 lead-up since" out'
t '[scan] drafts names the folders of unsent mail' '
	msg Unsent u5@example.com "Me <me@example.com>" "Eve <eve@e.example>" \
		"Fri, 20 Nov 2026 08:00:00 +0000" "Re: Catering" q5@example.com </dev/null && index && lu scan --quiet &&
	lu why id:q5@example.com >out && grep -q "sent 1 lead-up since" out &&
	printf "[scan]\ndrafts = Unsent; Drafts\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet && unsent q5@example.com &&
	printf "[scan]\ndrafts =\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet &&
	lu why id:q4@example.com >out && grep -q "sent 3 lead-ups since" out'
done_testing
