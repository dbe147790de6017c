#!/bin/sh
# The real Mutt under tmux, with muttrc.d/leadup.muttrc: the same journey as
# t200 through queue maildirs (leadup queue NAME --maildir, opened
# read-only): a queue lists its threads; the draft key opens the compose
# screen on the drafted lead-up, which is sent (to a fake sendmail) with the
# right headers and leaves the due queue after a scan; snooze, done,
# next-step, remind and why change what the client shows at once.
. "$(dirname "$0")/e2e-lib.sh"
e2e_need mutt less
world
e2e_journey_mail
e2e_journey_ready
e2e_muttrc
e2e_start mutt
Q=$HOME/.cache/leadup/queues

t 'Mutt starts' 'e2e_wait "Mutt: =inbox"'
t ',ga builds the awaiting queue, opens it read-only and lists the threads' '
	e2e_type ,ga && e2e_wait "%-Mutt: ~/.cache/leadup/queues/awaiting" && e2e_wait "leadup: awaiting: 4 threads, 4 due" &&
	e2e_wait "Website budget" && e2e_wait "Figures" && e2e_wait "Contract" && e2e_gone "Slides" 1 &&
	test -L "$Q/awaiting/cur" && test "$(ls "$Q/awaiting/cur" | wc -l)" = 4'

e2e_journey_draft
e2e_journey_decisions
t ',u scans, rebuilds the queue and shows its count' '
	notmuch tag +leadup/muted -leadup/awaiting -leadup/due -- id:r1@example.com &&
	e2e_type ,u && e2e_wait "leadup: awaiting: [0-9]+ threads" && e2e_wait Slides &&
	lx mute id:r1@example.com >/dev/null && e2e_type ,u && e2e_gone Slides'
t 'old queue generations are removed' 'test "$(ls -a "$Q" | grep -c "^\.awaiting\.")" = 1'
e2e_journey_dormant
e2e_journey_end
done_testing
