# e2e-keys.sh - the journey of t207 (NeoMutt) and t208 (Mutt): keys that
# refuse show the real reason in the client and ask nothing first (issue
# 11.6, 11.7); ,o reverses a next step and a reminder (issue 11.12).
#   . "$(dirname "$0")/e2e-keys.sh"; keys_world; ...start the client...; keys_tests NeoMutt
. "$(dirname "$0")/e2e-lib.sh"

keys_world() {
	world
	# Dated before E2E_NOW, the clock of the client and its keys (e2e-lib.sh).
	OLD=$(e2e_date 10)
	echo 'Could you tell me when the workshop takes place?' |
		msg sent n1@example.com 'Me Myself <me@example.com>' 'Dee <dee@d.example>' "$OLD" 'Workshop'
	echo 'Here are the slides from the workshop.' |
		msg sent r1@example.com 'Me Myself <me@example.com>' 'Eve <eve@e.example>' "$OLD" 'Slides'
	echo 'Our newsletter for December is out: three new recipes.' |
		msg inbox i1@k.example 'Kim <kim@k.example>' 'Me Myself <me@example.com>' "$OLD" 'Newsletter'
	echo 'Your plan changes next month. Shall we schedule a call to discuss it?' |
		msg inbox nr1@service.example 'Service <noreply@service.example>' 'Me Myself <me@example.com>' "$OLD" 'Your account'
	index
	e2e_bin
	"$LEADUP" setup --hook >/dev/null
	lx scan --quiet
}

# keys_tests NAME: NAME is how the client titles a folder ("NeoMutt", "Mutt").
keys_tests() {
	C=$1
	t "$C starts in the inbox" "e2e_wait '$C: =inbox'"
	# Before the fix the key asked for WHEN first, and leadup waited on the
	# terminal for an answer it would then refuse: the reason never came.
	t ',r on a thread with no message of mine: the real reason, and no WHEN asked' '
		e2e_select Newsletter && e2e_type ,r &&
		e2e_wait "leadup: remind: no message of yours in this thread to track; nothing changed" &&
		! e2e_screen | grep -q "Remind me if no reply by" &&
		grep -q "^exit 0: remind --ask" "$E2E_LOG.status" && expect_tags i1@k.example ""'
	t ',l for a no-reply sender: no draft, and the reason in the client' '
		e2e_select "Your account" && e2e_type ,l &&
		e2e_wait "leadup: no draft: the recipient is a no-reply address nobody reads" &&
		! e2e_screen | grep -q "Subject: Re: Your account" &&
		test -z "$(find "$HOME/.cache/leadup/draftbox" -type f 2>/dev/null)"'
	t ",n records a next step; ,o reverses it" "
		e2e_type c && e2e_enter =sent && e2e_wait '$C: =sent' && e2e_select Workshop &&
		e2e_type ,n && e2e_prompt 'Next step due' && e2e_enter 5d &&
		e2e_prompt 'What was agreed' && e2e_enter 'they send the agenda' &&
		e2e_wait 'leadup: next step \\(theirs\\) recorded' && expect_tags n1@example.com leadup/promise-theirs &&
		e2e_type ,o && e2e_wait 'leadup: reopened: awaiting' &&
		expect_tags n1@example.com 'leadup/awaiting leadup/due'"
	t ',r sets a reminder; ,o reverses it' '
		e2e_select Slides && e2e_type ,r && e2e_prompt "Remind me if no reply by" && e2e_enter 2d &&
		e2e_wait "leadup: will remind you on" && expect_tags r1@example.com leadup/awaiting &&
		e2e_type ,o && e2e_wait "leadup: reopened: in no queue" && expect_tags r1@example.com ""'
	t 'leadup undo brings the reminder back; the client is still running' '
		lx undo >out && grep -q "^undid reopen .* on \"Slides\"" out &&
		expect_tags r1@example.com leadup/awaiting && e2e_alive'
	# issue 11.13: a key waiting for notmuch's lock says why, not a frozen screen.
	t 'a key waiting for the notmuch lock says so, then acts when the lock goes' '
		mkfifo hold && { notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
		e2e_select Slides && e2e_type ,m &&
		e2e_wait "waiting for the notmuch database \(another program is writing\)" &&
		exec 3>&- && wait && e2e_file_tag r1@example.com leadup/muted && e2e_alive'
}

# e2e_file_tag MSGID TAG: until MSGID carries TAG (the key runs on).
e2e_file_tag() {
	_i=0
	until tags "$1" | grep -q "$2"; do
		_i=$((_i + 1)); [ "$_i" -le "$((E2E_TIMEOUT * 10))" ] || { echo "no $2 on $1: $(tags "$1")"; return 1; }
		sleep 0.1
	done
}
