#!/bin/sh
# The real NeoMutt under tmux, with muttrc.d/leadup.neomuttrc: a queue lists
# its threads; the draft key opens the compose screen on the drafted
# lead-up, which is sent (to a fake sendmail) with the right headers and
# leaves the due queue after a scan; snooze, done, next-step, remind and why
# change what the client shows at once; a reply recorded with $nm_record
# does not keep the leadup tags it inherits.
. "$(dirname "$0")/e2e-lib.sh"
e2e_need neomutt less
neomutt -v 2>/dev/null | grep -q '+notmuch' || skip_all "this NeoMutt has no notmuch support"
world
e2e_journey_mail
echo 'Could you approve the travel budget?' | e2e_ask b1@example.com 'Fay <fay@f.example>' 'Travel'
e2e_journey_ready
e2e_neomuttrc 'set fast_reply=yes abort_unmodified=no include=yes'
e2e_start neomutt

t 'NeoMutt starts with the leadup queues in the sidebar' '
	e2e_wait "Lead-up: awaiting reply" && e2e_wait "Lead-up: due now"'
t ',ga opens the awaiting queue, which lists the threads' '
	e2e_type ,ga && e2e_wait "NeoMutt: Lead-up: awaiting reply" &&
	e2e_wait "Website budget" && e2e_wait "Figures" && e2e_wait "Contract" && e2e_gone "Slides" 1'

e2e_journey_draft
e2e_journey_decisions
t ',u scans and shows the counts' '
	e2e_type ,u && e2e_wait "leadup: [0-9]+ due, " && e2e_wait Slides'

# --- $nm_record: NeoMutt gives the reply the tags of the message answered
t 'a reply recorded by nm_record inherits leadup tags, which the next scan removes' '
	e2e_select Travel && e2e_type r && e2e_wait "Subject: Re: Travel" && e2e_type y &&
	e2e_file "$OUTBOX/2.eml" && e2e_wait "Mail sent" &&
	reply=$(notmuch search --output=messages "subject:\"Re: Travel\"" | sed "s/^id://") && test -n "$reply" &&
	tags "$reply" | grep -q leadup/due &&
	lx scan --quiet && ! tags "$reply" | grep -q leadup/due && expect_tags b1@example.com ""'
e2e_journey_dormant
e2e_journey_end
done_testing
