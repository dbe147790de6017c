#!/bin/sh
# The generated hostile corpus (scripts/gen-hostile, 200 messages) in the
# real NeoMutt and Mutt: every queue opens, and every leadup key is pressed
# on a sample of hostile threads (other threads in each client).  Nothing
# runs (the canary that every injected command would create never
# appears), no helper call dies or fails but with a reason, no terminal
# control from the mail reaches the screen (the pane title, the clipboard
# buffers, no ^[ in why's pager), no message text reaches leadup's command
# line or a sourced file, the client still answers, and afterwards an
# incremental scan gives the tags a full scan gives.  Every command over the
# whole corpus without a client: t188.
. "$(dirname "$0")/e2e-lib.sh"
e2e_need less
have_neomutt=false have_mutt=false
command -v neomutt >/dev/null && neomutt -v 2>/dev/null | grep -q '+notmuch' && have_neomutt=true
command -v mutt >/dev/null && have_mutt=true
$have_neomutt || $have_mutt || skip_all "neither NeoMutt (with notmuch) nor Mutt is installed"
world
GEN_CANARY=$CANARY GEN_END=$(date -d "$E2E_NOW" +%s) "$ROOT/scripts/gen-hostile" "$MAIL/hostile" 200 3 2>/dev/null ||
	skip_all "scripts/gen-hostile failed"
index 2>/dev/null
e2e_bin
lx scan --quiet 2>/dev/null
tagdump() { notmuch dump --format=batch-tag -- '*' | grep 'leadup%2f' | sort; }

# sample N: the numbers of N threads in the reply-owed queue whose newest
# message's Subject reads plainly "Hostile NUMBER ..." (so the client's
# search finds it), spread over the queue.
sample() {
	notmuch search --output=files --exclude=false tag:leadup/needs-reply | sort |
		xargs sed -s -n '1,/^$/s/^Subject: \(Re: \)\{0,1\}Hostile \([0-9]*\) .*/\2/p' |
		awk -v n="$1" '{ a[NR] = $1 } END { s = int(NR / n); for (i = 1; i <= n; i++) print a[1 + (i - 1) * s] }'
}
sample 4 >picked
t 'the reply-owed queue holds hostile threads to sample' 'test "$(sort -u picked | wc -l)" = 4'
set -- $(cat picked)
T1=$1 T2=$2 T3=$3 T4=$4

clean_screen() { # the screen shows no escape as ^[, and no control set the title or a buffer
	! e2e_screen | grep -q '\^\[' && ! tm display-message -p -t e2e '#{pane_title}' | grep -q pwned &&
		! tm list-buffers 2>/dev/null | grep -q .
}

# keys CLIENT QUEUE-TITLE NUMBER: every leadup key on thread "Hostile NUMBER"
keys() {
	c=$1 h="Hostile $3 "
	t "$c: ,gr lists the thread; ,w shows why in a pager, no escape on the screen" '
		e2e_type ,gr && e2e_wait "$2" && e2e_select "$h" && e2e_type ,w && e2e_wait "State:" &&
		clean_screen && e2e_type q && e2e_wait "$2"'
	t "$c: ,l drafts; ,l in the compose screen lints; q abandons the draft" '
		e2e_select "$h" && e2e_type ,l && e2e_wait "Subject: Re: " && e2e_wait Attachments &&
		e2e_type ,l && e2e_prompt "Press Enter to go back" && e2e_key Enter && e2e_wait Attachments &&
		e2e_type q && e2e_gone Attachments && e2e_wait "$2"'
	t "$c: in the folder of the corpus" 'e2e_type c && e2e_enter "=hostile" && e2e_wait "hostile" && e2e_select "$h"'
	for k in s r n N; do
		t "$c: ,$k asks WHEN (and TEXT) and answers in the message line" '
			e2e_type ,'$k' && e2e_prompt "\\(tue, 3d, next week" && e2e_enter 4d &&
			{ [ '$k' != n ] && [ '$k' != N ] || { e2e_prompt "What was agreed" && e2e_enter "\$(touch $CANARY) \`touch $CANARY\` ;<enter>"; }; } &&
			e2e_wait "leadup: (snoozed|will remind|next step|remind: )" && e2e_select "$h"'
	done
	for k in d o m o; do
		t "$c: ,$k answers in the message line" '
			e2e_type ,'$k' && e2e_wait "leadup: (done|reopened|muted)" && e2e_idle &&
			e2e_type : && e2e_enter "echo step-'$k'-over" && e2e_wait step-'$k'-over'
	done
	t "$c: ,u refreshes; ,R shows the report in a pager, no escape on the screen" '
		e2e_type ,u && e2e_wait "leadup: [0-9]+ due" && e2e_type ,R && e2e_wait "leadup report for" &&
		clean_screen && e2e_type q && e2e_gone "leadup report for"'
}
# few CLIENT QUEUE-TITLE NUMBER: why, the draft and done/reopen on another thread, from the pager
few() {
	c=$1 h="Hostile $3 " num=$3
	t "$c: another thread: ,w and ,l from the pager, ,d and ,o" '
		e2e_type ,gr && e2e_wait "$2" && e2e_select "$h" && e2e_key Enter && e2e_wait "Subject: .*Hostile $num " &&
		e2e_type ,w && e2e_wait "State:" && clean_screen && e2e_type q && e2e_wait "Subject: .*Hostile $num " &&
		e2e_type ,l && e2e_wait Attachments && e2e_type q && e2e_gone Attachments &&
		e2e_type ,d && e2e_wait "leadup: done" && e2e_type ,o && e2e_wait "leadup: reopened" &&
		e2e_type ,gr && e2e_wait "$2"'
}
# title QUEUE: the index's title once the queue is open
title() {
	if [ "$E2E_CLIENT" = mutt ]; then echo "Mutt: ~/.cache/leadup/queues/$1"; return; fi
	case $1 in
	due) echo "NeoMutt: Lead-up: due now" ;; needs-reply) echo "NeoMutt: Lead-up: reply owed" ;;
	awaiting) echo "NeoMutt: Lead-up: awaiting reply" ;; no-next-step) echo "NeoMutt: Lead-up: no next step" ;;
	promise-mine) echo "NeoMutt: Lead-up: I promised" ;; promise-theirs) echo "NeoMutt: Lead-up: they promised" ;;
	*) echo "NeoMutt: .*(Lead-up: $1|tag:leadup/$1)" ;;
	esac
}
queues() { # queues CLIENT: every queue opens
	t "$1: every queue opens (,gd ,gr ,ga ,gn ,gm ,gt ,gb ,gs ,gz ,gc ,gx)" '
		for q in d:due r:needs-reply a:awaiting n:no-next-step m:promise-mine t:promise-theirs \
			b:bounced s:snoozed z:dormant c:closed x:muted; do
			e2e_type ,g${q%%:*} && e2e_wait "$(title ${q#*:})" || exit 1
		done && clean_screen'
}
after() { # after CLIENT
	t "$1: the canary was never created; the client still answers" '
		! test -e "$CANARY" && e2e_alive && e2e_type : && e2e_enter "echo still-here" && e2e_wait still-here'
	tm kill-session -t e2e
}

if $have_neomutt; then
	e2e_neomuttrc 'set postpone=no'
	e2e_start neomutt
	queues neomutt
	keys neomutt 'NeoMutt: Lead-up: reply owed' "$T1"
	few neomutt 'NeoMutt: Lead-up: reply owed' "$T2"
	after neomutt
else
	skip "NeoMutt with notmuch support is not installed"
fi
if $have_mutt; then
	e2e_muttrc 'set postpone=no'
	e2e_start mutt
	queues mutt
	keys mutt 'Mutt: ~/.cache/leadup/queues/needs-reply' "$T3"
	few mutt 'Mutt: ~/.cache/leadup/queues/needs-reply' "$T4"
	after mutt
else
	skip "Mutt is not installed"
fi
t 'every helper call exited 0 or with a sysexits code and its reason; why, queue, scan, draft, report exited 0' '
	test -s "$E2E_LOG.status" && ! grep -v "^exit \(0\|6[4-9]\|7[0-8]\): " "$E2E_LOG.status" &&
	! grep "^exit [1-9][0-9]*: \(why\|queue\|scan\|draft\|report\)" "$E2E_LOG.status"'
t 'no message text reached leadup'"'"'s command line or a sourced file' '
	! grep -Ei "touch|hostile|canary|<enter>|\\\$\\(" "$E2E_LOG" &&
	! cat "$HOME"/.cache/leadup/*.rc | grep -Ei "touch|hostile|canary"'
t 'the tags converge: an incremental scan gives what a full scan gives' '
	lx scan --quiet 2>/dev/null && tagdump >inc.tags && lx scan --full --quiet 2>/dev/null && tagdump >full.tags &&
	diff inc.tags full.tags'
t 'the canary was never created' '! test -e "$CANARY"'
done_testing
