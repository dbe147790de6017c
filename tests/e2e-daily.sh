# e2e-daily.sh - the triage journey of t204 (NeoMutt) and t205 (Mutt),
# issue 11.10 and 11.11: the keys do not sleep on $sleep_time, the sidebar
# and the queue show the same fresh thread counts after every key, Mutt's
# sidebar shows the queues' names, and ,u rebuilds every queue.
#   . "$(dirname "$0")/e2e-daily.sh"; daily_world; ...start the client...; daily_tests NeoMutt
. "$(dirname "$0")/e2e-lib.sh"

daily_world() {
	world
	# Four questions of mine, unanswered for 12 to 9 days (due), and one
	# question to me (needs-reply); dated before E2E_NOW.
	# The fourth from my other address (notmuch's user.other_email).
	for k in 1 2 3 4; do
		from='Me Myself <me@example.com>'
		[ "$k" = 4 ] && from='Me Too <me.too@example.net>'
		# The first carries an X-Label of its own, which must not pass for
		# leadup's date in Mutt's queue.
		HDR=
		[ "$k" = 1 ] && HDR='X-Label: fake 1 Jan'
		echo "Could you send me the figures for part $k?" |
			HDR=$HDR msg sent "q$k@example.com" "$from" "Ann$k <ann$k@a.example>" \
				"$(e2e_date $((13 - k)))" "Figures $k"
	done
	# The question to me answers my message: a thread of two.
	echo 'Here is my draft.' |
		msg sent d0@example.com 'Me Myself <me@example.com>' 'Kim <kim@k.example>' "$(e2e_date 5)" 'Draft review'
	echo 'Could you review my draft by Friday?' |
		msg inbox k1@k.example 'Kim <kim@k.example>' 'Me Myself <me@example.com>' "$(e2e_date 3)" \
			'Re: Draft review' d0@example.com
	index
	e2e_bin
	lx scan --quiet
}

# The rc lines these tests add: a long $sleep_time (a key that slept on it
# would not answer in time), the sidebar with its counts, and an arrow on
# the current line so the screen shows where the cursor is.
DAILY_RC='set sleep_time=30 arrow_cursor=yes
set sidebar_visible=yes sidebar_width=32 mail_check_stats=yes'
# The name: NeoMutt's %D is the description of named-mailboxes, Mutt's %B
# the -label of mailboxes.
DAILY_NEOMUTT_RC="$DAILY_RC
set sidebar_format=\"%D%* %S\""
DAILY_MUTT_RC="$DAILY_RC
set sidebar_format=\"%B%* %S\""

# daily_count NAME N: the sidebar line of queue NAME shows N (then the
# sidebar's divider, however the terminal draws it).
daily_count() { e2e_wait "Lead-up: $1 +$2 ?[x│|]"; }

# daily_tests NAME: NAME is how the client titles a folder ("NeoMutt", "Mutt").
daily_tests() {
	C=$1
	t "$C starts in the inbox" "e2e_wait '$C: =inbox'"
	# Before the fix Mutt slept $sleep_time after changing folder and after
	# the answer's echo: with 30 s the answer never came in time.
	# Before the fix NeoMutt's open queue counted every message of its
	# threads, in the sidebar too: "reply owed" went from 1 to 2.
	t "two go-to keys in a row answer at once, count threads, and \$sleep_time is the user's again" '
		e2e_type ,ga && daily_open awaiting && e2e_type ,gr && daily_open needs-reply &&
		e2e_wait "$C: .*\\[Msgs:1 " && daily_count "reply owed" 1 &&
		e2e_type ":set ?sleep_time" && e2e_key Enter && e2e_wait "sleep_time=\"?30"'
	# Before the fix the client knew only $from as me: my other address
	# showed as the sender.
	t "the who column shows whom I wrote to, from either of my addresses" '
		e2e_type ,ga && daily_open awaiting && e2e_wait "To Ann4 .*Figures 4" &&
		e2e_wait "To Ann1 .*Figures 1" && ! e2e_screen | grep -q "Me Too"'
	# Before the fix neither index showed when a thread falls due: only ,w,
	# leadup queue and the report did.
	t "the queue's index shows the day each thread falls due, on its line" '
		e2e_type ,ga && daily_open awaiting &&
		for k in 1 4; do
			d=$(daily_due "q$k@example.com") && test -n "$d" &&
			e2e_wait "^.{0,60}due $d +.*To Ann$k .*Figures $k" || exit 1
		done && ! e2e_screen | grep -q "fake 1 Jan"'
	# Before the fix NeoMutt did not recount the sidebar after an action in
	# a queue (the snoozed count stayed 0), and Mutt's sidebar showed no
	# queue at all (no names, and only the queue opened was ever built).
	t "an action in a queue: the sidebar counts threads, fresh, and agrees with the queue" '
		e2e_type ,ga && daily_open awaiting && e2e_select "Figures 2" && e2e_type ,s &&
		e2e_prompt "Snooze until" && e2e_enter 3d && e2e_wait "leadup: snoozed until" &&
		daily_count snoozed 1 && daily_count "awaiting reply" 3 && daily_count "due now" 4 &&
		daily_count "reply owed" 1 && e2e_wait "$C: .*awaiting.* \[Msgs:3 " && expect_tags q2@example.com leadup/snoozed'
	# Before the fix the snoozed queue did not say when each thread wakes.
	t "the snoozed queue shows the day the thread wakes; other mailboxes keep their format" '
		e2e_type ,gs && daily_open snoozed && e2e_wait "^.{0,60}wakes Sat 28 Nov +.*Figures 2" && e2e_idle &&
		e2e_type : && e2e_enter "set sleep_time=0" && e2e_type c && e2e_enter "=inbox" &&
		e2e_wait "$C: =inbox" && e2e_wait "\( *[0-9.]+K?\) Re: Draft review" && ! e2e_screen | grep -q "due [A-Z]" &&
		e2e_type : && e2e_enter "set sleep_time=30" && e2e_type ,ga && daily_open awaiting'
	# Before the fix Mutt's ,u rebuilt the open queue only.
	t ",u scans and refreshes the count of every queue" '
		echo "Could you sign the form?" | msg inbox k2@k.example "Kim <kim@k.example>" \
			"Me Myself <me@example.com>" "$(e2e_date 2)" "Form" && index &&
		e2e_type ,u && daily_count "reply owed" 2 && daily_count "due now" 5 && daily_count "awaiting reply" 3'
	# Before the fix the client opened the queue again on its last item.
	t "after an action the cursor is where it was: on the next item" '
		e2e_select "Figures 1" && e2e_wait "^.{0,40}->.*Figures 1" && e2e_type ,d &&
		e2e_wait "leadup: done" && daily_count "awaiting reply" 2 && e2e_wait "^.{0,40}->.*Figures 3"'
}

# daily_due MSGID: the day leadup gives the item's due date, as the index
# writes it ("Mon 23 Nov"), in the zone the client runs in.
daily_due() {
	_at=$(lx queue awaiting --format=json | tr '{' '\n' | grep "\"message_id\":\"$1\"" |
		sed -n 's/.*"due_at":"\([^"]*\)".*/\1/p')
	[ -n "$_at" ] && LC_ALL=C date -d "$_at" '+%a %-d %b'
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
