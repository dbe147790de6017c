# e2e-daily.sh - the triage journey of t204 (NeoMutt) and t205 (Mutt),
# issue 11.10 and 11.11: the keys do not sleep on $sleep_time, the sidebar
# and the queue show the same fresh thread counts after every key, Mutt's
# sidebar shows the queues' names, and ,u rebuilds every queue.
#   . "$(dirname "$0")/e2e-daily.sh"; daily_world; ...start the client...; daily_tests NeoMutt
. "$(dirname "$0")/e2e-lib.sh"

daily_world() {
	world
	# Three questions of mine, unanswered for 10, 9 and 8 days (due), and
	# one question to me (needs-reply); dated before E2E_NOW.
	for k in 1 2 3; do
		echo "Could you send me the figures for part $k?" |
			msg sent "q$k@example.com" 'Me Myself <me@example.com>' "Ann$k <ann$k@a.example>" \
				"$(e2e_date $((11 - k)))" "Figures $k"
	done
	echo 'Could you review my draft by Friday?' |
		msg inbox k1@k.example 'Kim <kim@k.example>' 'Me Myself <me@example.com>' "$(e2e_date 3)" 'Draft review'
	index
	e2e_bin
	lx scan --quiet
}

# The rc lines these tests add: a long $sleep_time (a key that slept on it
# would not answer in time), the sidebar with its counts, and an arrow on
# the current line so the screen shows where the cursor is.
DAILY_RC='set sleep_time=30 arrow_cursor=yes
set sidebar_visible=yes sidebar_width=32 mail_check_stats=yes
set sidebar_format="%D%* %S"'

# daily_count NAME N: the sidebar line of queue NAME shows N.
daily_count() {
	e2e_wait "$1 +$2 *│" || e2e_wait "$1 +$2 *\\|"
}

# daily_tests NAME: NAME is how the client titles a folder ("NeoMutt", "Mutt").
daily_tests() {
	C=$1
	t "$C starts in the inbox" "e2e_wait '$C: =inbox'"
	# Before the fix Mutt slept $sleep_time after changing folder and after
	# the answer's echo: with 30 s the answer never came in time.
	t "two go-to keys in a row answer at once, and \$sleep_time is the user's again" '
		e2e_type ,ga && daily_open awaiting && e2e_type ,gr && daily_open needs-reply &&
		e2e_type ":set ?sleep_time" && e2e_key Enter && e2e_wait "sleep_time=\"?30"'
}

# daily_open NAME: the queue NAME is open: Mutt's answer line names it;
# NeoMutt's status line shows the virtual mailbox.
daily_open() {
	if [ "$C" = Mutt ]; then
		e2e_wait "leadup: $1: [0-9]+ thread"
	else
		case $1 in
		awaiting) e2e_wait 'NeoMutt: Lead-up: awaiting reply' ;;
		needs-reply) e2e_wait 'NeoMutt: Lead-up: reply owed' ;;
		due) e2e_wait 'NeoMutt: Lead-up: due now' ;;
		snoozed) e2e_wait 'NeoMutt: Lead-up: snoozed' ;;
		esac
	fi
}
