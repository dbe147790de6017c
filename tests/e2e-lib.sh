# e2e-lib.sh - leadup's end-to-end tests in the real NeoMutt and Mutt, under tmux.
#
#   . "$(dirname "$0")/e2e-lib.sh"
#   e2e_need neomutt; world; ...; NOW=...; e2e_bin; e2e_neomuttrc; e2e_start neomutt
#   t 'what' 'e2e_type ,ga && e2e_wait "Website budget"'
#   (t200/t201: e2e_journey_mail, e2e_journey_ready, e2e_journey_draft, e2e_journey_decisions,
#   e2e_journey_end run the journey both clients share; e2e_title names a queue's index title)
#
# Each test file has its own tmux server (a socket in $TMP), a throwaway
# HOME, notmuch database and leadup state (lib.sh), and a fake sendmail that
# stores what is sent in $OUTBOX.  Every wait has a timeout and prints the
# captured screen when it fails; the server is killed on exit.
. "$(dirname "$0")/lib.sh"
# The timeout only bounds a failure: a wait returns as soon as the screen
# matches.  60 s, not 15: on a machine loaded ten times over its cores a
# scan behind a key took longer than 15 s and a passing test failed.
E2E_TIMEOUT=${E2E_TIMEOUT:-60}
E2E_SOCK=$TMP/tmux.sock
E2E_BIN=$TMP/bin
OUTBOX=$TMP/outbox
CANARY=$TMP/canary
export FAKE_SENDMAIL_DIR=$OUTBOX E2E_LOG=$TMP/leadup-calls
# On exit the panes' processes are let die before $TMP goes: a key's helper
# (leadup queue --maildir, run by <shell-escape>) still writing the queue
# maildirs when the server was killed made rm fail on a non-empty directory.
# The wait is bounded (5 s) and asserts nothing.
e2e_cleanup() {
	_panes=$(tmux -S "$E2E_SOCK" list-panes -a -F '#{pane_pid}' 2>/dev/null)
	tmux -S "$E2E_SOCK" kill-server >/dev/null 2>&1
	for _try in $(seq 50); do
		_alive=
		for _p in $_panes; do
			ps -o pid= -s "$_p" >/dev/null 2>&1 && _alive=1
		done
		[ -n "$_alive" ] || break
		sleep 0.1
	done
	rm -rf "$TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM

tm() { tmux -S "$E2E_SOCK" "$@"; }

e2e_need() { # e2e_need PROGRAM...: skip the whole file unless each is installed
	for p in tmux notmuch faketime "$@"; do
		command -v "$p" >/dev/null 2>&1 || skip_all "$p is not installed"
	done
	[ -x "$LEADUP" ] || skip_all "no $LEADUP (run make)"
	# A snapshot of the helper, next to links to its templates and muttrc.d,
	# so that a rebuild while the test runs cannot pull it away.
	_tree=$(cd "$(dirname "$LEADUP")/.." && pwd)
	mkdir -p "$TMP/tree/helper"
	ln -s "$_tree/templates" "$TMP/tree/templates"
	ln -s "$_tree/muttrc.d" "$TMP/tree/muttrc.d"
	for _try in 1 2 3 4 5 6 7 8 9 10; do
		cp "$LEADUP" "$TMP/tree/helper/leadup" 2>/dev/null &&
			"$TMP/tree/helper/leadup" --version >/dev/null 2>&1 && break
		sleep 0.5
	done
	LEADUP=$TMP/tree/helper/leadup
}

# The clock.  The keys and the hook judge by LEADUP_NOW (the client cannot
# pass --now), and the client itself runs under libfaketime starting at the
# same moment, so that what it sends is dated as the test's mail is: the
# tests hold on any day, at any hour, in any zone.  E2E_NOW is a Wednesday.
E2E_NOW=2026-11-25T10:00:00+00:00
export LEADUP_NOW=$E2E_NOW NOW=$E2E_NOW
E2E_FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
e2e_date() { # e2e_date DAYS: the RFC 5322 date DAYS days before E2E_NOW
	date -R -d "@$(($(date -d "$E2E_NOW" +%s) - $1 * 86400))"
}

# e2e_bin: $E2E_BIN/leadup, what the client's macros run: the real helper
# (at LEADUP_NOW, which it reads itself), each call's arguments logged to
# $E2E_LOG and its exit status to $E2E_LOG.status.
e2e_bin() {
	mkdir -p "$E2E_BIN"
	{ printf '#!/bin/sh\nreal=%s log=%s\n' "'$LEADUP'" "'$E2E_LOG'"
	  cat <<'EOF'
printf '%s\n' "$*" >>"$log"
"$real" "$@"
rc=$?
printf 'exit %s: %s\n' "$rc" "$*" >>"$log.status"
exit "$rc"
EOF
	} >"$E2E_BIN/leadup"
	chmod +x "$E2E_BIN/leadup"
}
lx() { "$E2E_BIN/leadup" "$@"; } # leadup as the client runs it

# The settings both clients share in these tests: the test's mail, the fake
# sendmail, a private $postponed (which the draft key must restore), Fcc into
# the notmuch tree, no editor, and nothing that would ask a question.
e2e_common_rc() {
	cat <<EOF
set folder=$MAIL
set spoolfile=$MAIL/inbox
set record=$MAIL/sent
set postponed=$MAIL/drafts
set sendmail='$ROOT/tests/fake-sendmail'
set from='me@example.com' realname='Me Myself' use_from=yes
set editor=true edit_headers=no
set header_cache='' message_cachedir=''
set beep=no mark_old=no confirmappend=no confirmcreate=no copy=yes
set wait_key=yes pipe_decode=no
set sort=date
set mail_check=1 timeout=1
EOF
}

e2e_neomuttrc() { # e2e_neomuttrc [MORE-LINES]: $HOME/.neomuttrc sourcing our snippet
	mkdir -p "$MAIL/drafts/cur" "$MAIL/drafts/new" "$MAIL/drafts/tmp"
	{ e2e_common_rc
	  printf 'set nm_record=yes nm_record_tags="sent"\n'
	  printf 'set sidebar_visible=yes sidebar_width=28 mail_check_stats=yes\n'
	  printf 'source %s/muttrc.d/leadup.neomuttrc\n' "$ROOT"
	  printf '%s\n' "${1:-}"; } >"$HOME/.neomuttrc"
}

e2e_muttrc() { # e2e_muttrc [MORE-LINES]: $HOME/.muttrc sourcing our snippet
	mkdir -p "$MAIL/drafts/cur" "$MAIL/drafts/new" "$MAIL/drafts/tmp"
	{ e2e_common_rc
	  printf 'source %s/muttrc.d/leadup.muttrc\n' "$ROOT"
	  printf '%s\n' "${1:-}"; } >"$HOME/.muttrc"
}

# e2e_start CLIENT [ARGS]: the client in a detached tmux session of 120x40,
# with only the environment the test gives it (and the sanitizer options
# make check-asan sets, for a leadup built with them).
e2e_start() {
	E2E_CLIENT=$1
	printf 'set -g status off\nset -g remain-on-exit on\nset -g history-limit 0\n' >"$TMP/tmux.conf"
	rc=$HOME/.neomuttrc
	[ "$1" = mutt ] && rc=$HOME/.muttrc
	# A test that killed its last session (t202, between the clients) can
	# meet the server still exiting: "server exited unexpectedly".  The
	# new session is tried again, a bounded number of times.
	for _try in 1 2 3 4 5; do
		e2e_new_session "$1" "$rc" "${2:-}" && return 0
		sleep 0.2
	done
	return 1
}

e2e_new_session() { # e2e_new_session CLIENT RC ARGS
	tm -f "$TMP/tmux.conf" new-session -d -s e2e -x 120 -y 40 \
		"exec env -i HOME='$HOME' PATH='$E2E_BIN:/usr/local/bin:/usr/bin:/bin' TERM=xterm-256color \
LC_ALL=C.UTF-8 TZ='$TZ' NOTMUCH_CONFIG='$NOTMUCH_CONFIG' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
XDG_DATA_HOME='$XDG_DATA_HOME' FAKE_SENDMAIL_DIR='$OUTBOX' LEADUP_NOW='$LEADUP_NOW' \
ASAN_OPTIONS='${ASAN_OPTIONS:-}' UBSAN_OPTIONS='${UBSAN_OPTIONS:-}' \
LD_PRELOAD='$E2E_FAKETIME_LIB' FAKETIME='@$(date -d "$E2E_NOW" '+%Y-%m-%d %H:%M:%S')' \
$1 -n -F '$2' $3"
}

e2e_screen() { tm capture-pane -p -t e2e 2>/dev/null; }
e2e_type() { tm send-keys -t e2e -l -- "$1"; }  # e2e_type TEXT: typed as is
e2e_key() { tm send-keys -t e2e "$@"; }         # e2e_key Enter|Escape|C-g...
e2e_enter() { tm send-keys -t e2e -l -- "$1" && tm send-keys -t e2e Enter; }

# e2e_wait REGEX [SECONDS]: until the screen matches REGEX (grep -E); on a
# timeout, says so and prints the screen.
e2e_wait() {
	_i=0 _max=$((${2:-$E2E_TIMEOUT} * 10))
	while [ "$_i" -lt "$_max" ]; do
		e2e_screen | grep -Eq -- "$1" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "timed out after ${2:-$E2E_TIMEOUT} s waiting for /$1/; the screen:"
	e2e_screen | sed 's/^/|/'
	return 1
}

# e2e_waitf TEXT [SECONDS]: e2e_wait for a fixed string.
e2e_waitf() {
	_i=0 _max=$((${2:-$E2E_TIMEOUT} * 10))
	while [ "$_i" -lt "$_max" ]; do
		e2e_screen | grep -Fq -- "$1" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "timed out after ${2:-$E2E_TIMEOUT} s waiting for '$1'; the screen:"
	e2e_screen | sed 's/^/|/'
	return 1
}

# e2e_gone REGEX [SECONDS]: until the screen no longer matches REGEX.
e2e_gone() {
	_i=0 _max=$((${2:-$E2E_TIMEOUT} * 10))
	while [ "$_i" -lt "$_max" ]; do
		e2e_screen | grep -Eq -- "$1" || return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "timed out after ${2:-$E2E_TIMEOUT} s waiting for /$1/ to go; the screen:"
	e2e_screen | sed 's/^/|/'
	return 1
}

# e2e_idle: until the screen has not changed for half a second (at most
# E2E_TIMEOUT), so keys typed next reach the client, not a finished prompt.
e2e_idle() {
	_i=0 _same=0 _last=
	while [ "$_i" -lt $((E2E_TIMEOUT * 10)) ] && [ "$_same" -lt 5 ]; do
		_now=$(e2e_screen | cksum)
		if [ "$_now" = "$_last" ]; then _same=$((_same + 1)); else _same=0; fi
		_last=$_now
		sleep 0.1
		_i=$((_i + 1))
	done
}

# e2e_prompt REGEX [SECONDS]: until the line the cursor is on matches REGEX
# (a prompt leadup prints on the terminal the client handed over).
e2e_prompt() {
	_i=0 _max=$((${2:-$E2E_TIMEOUT} * 10))
	while [ "$_i" -lt "$_max" ]; do
		_y=$(tm display-message -p -t e2e '#{cursor_y}')
		e2e_screen | sed -n "$((_y + 1))p" | grep -Eq -- "$1" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "timed out after ${2:-$E2E_TIMEOUT} s waiting for the prompt /$1/ on the cursor's line ($((_y + 1))); the screen:"
	e2e_screen | sed 's/^/|/'
	return 1
}

# e2e_file PATH [SECONDS]: until PATH exists.
e2e_file() {
	_i=0 _max=$((${2:-$E2E_TIMEOUT} * 10))
	while [ "$_i" -lt "$_max" ]; do
		[ -e "$1" ] && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "timed out after ${2:-$E2E_TIMEOUT} s waiting for $1; the screen:"
	e2e_screen | sed 's/^/|/'
	return 1
}

# e2e_select TEXT: make the message whose line shows TEXT the current one
# (the client's search), and wait until the screen is quiet.
e2e_select() { e2e_type / && e2e_enter "$1" && e2e_idle; }

# e2e_alive: the client still runs and answers (its help line is on the screen).
e2e_alive() {
	tm list-panes -t e2e -F '#{pane_dead}' | grep -qx 0 || { echo "the client exited; the screen:"; e2e_screen | sed 's/^/|/'; return 1; }
}

# e2e_hdr FILE NAME: a header of a stored message, unfolded.
e2e_hdr() {
	sed -n '1,/^$/p' "$1" | awk -v h="$2" '
		/^[ \t]/ { if (on) v = v " " substr($0, 2); next }
		on { print v; found = 1; exit }
		tolower(substr($0, 1, length(h) + 1)) == tolower(h) ":" { on = 1; v = substr($0, length(h) + 3) }
		END { if (on && !found) print v }'
}

# ---- The journey t200 (NeoMutt) and t201 (Mutt) share: the same threads,
# the draft key from the compose screen to what was sent, and the decision
# keys.  The caller starts the client; only the index's title differs.

# e2e_title QUEUE: a regex for the index's title once QUEUE is open
# (NeoMutt names its virtual mailboxes; Mutt shows the queue maildir).
e2e_title() {
	if [ "${E2E_CLIENT:-}" = mutt ]; then echo "Mutt: ~/.cache/leadup/queues/$1"; return; fi
	case $1 in
	awaiting) echo "NeoMutt: Lead-up: awaiting reply" ;;
	due) echo "NeoMutt: Lead-up: due now" ;;
	promise-theirs) echo "NeoMutt: Lead-up: they promised" ;;
	dormant) echo "NeoMutt: Lead-up: dormant" ;;
	*) echo "tag:leadup/$1" ;;
	esac
}

# e2e_journey_mail: my questions to Ann (Website budget), Bob (Figures),
# Cid (Contract) and Dee (Workshop), dated before E2E_NOW, slides to Eve
# that ask nothing, and questions to Gus (Archive boxes) and Hal (Old invoice)
# quiet for 120 and 130 days (dormant); then more mail of the caller's, and e2e_journey_ready.
e2e_journey_mail() {
	OLD=$(e2e_date 10) RECENT=$(e2e_date 2)
	printf 'Hi Ann,\n\nCould you confirm the budget for the website project?\n\nBest,\nMe\n' |
		e2e_ask q1@example.com 'Ann Smith <ann@client.example>' 'Website budget'
	echo 'Could you send me the figures for October?' | e2e_ask s1@example.com 'Bob <bob@b.example>' 'Figures'
	echo 'Could you sign the contract this week?' | e2e_ask d1@example.com 'Cid <cid@c.example>' 'Contract'
	echo 'Could you tell me when the workshop takes place?' |
		e2e_ask n1@example.com 'Dee <dee@d.example>' 'Workshop'
	echo 'Here are the slides from the workshop.' |
		msg sent r1@example.com 'Me Myself <me@example.com>' 'Eve <eve@e.example>' "$RECENT" 'Slides'
	echo 'Could you keep the archive boxes for us?' |
		msg sent z1@example.com 'Me Myself <me@example.com>' 'Gus <gus@g.example>' "$(e2e_date 120)" 'Archive boxes'
	echo 'Could you send the old invoice again?' |
		msg sent z2@example.com 'Me Myself <me@example.com>' 'Hal <hal@h.example>' "$(e2e_date 130)" 'Old invoice'
}
# e2e_ask ID TO SUBJECT < body: a question of mine, ten days old
e2e_ask() { msg sent "$1" 'Me Myself <me@example.com>' "$2" "$OLD" "$3"; }
# e2e_journey_ready: index, the logging helper, the hook, a first scan
e2e_journey_ready() {
	index
	e2e_bin
	"$LEADUP" setup --hook >/dev/null
	lx scan --quiet
}

# e2e_journey_draft: the draft key on Website budget (the awaiting queue is
# open): compose screen, body, settings restored, lint, sent, headers, and
# the thread leaves the due queue.
e2e_journey_draft() {
	lx draft id:q1@example.com --quiet --output "$TMP/expected.eml"
	_pp="$MAIL/drafts"
	[ "$E2E_CLIENT" = mutt ] && _pp="(=|$MAIL/)drafts" # Mutt may abbreviate the folder
	t ',l opens the compose screen on the lead-up for the current thread' '
		e2e_select "Website budget" && e2e_type ,l &&
		e2e_wait "Subject: Re: Website budget" && e2e_wait "To: Ann Smith <ann@client.example>"'
	t 'the compose screen holds the drafted body' '
		e2e_key Enter && e2e_wait "Thank|Hi Ann" &&
		sed "1,/^\$/d" "$TMP/expected.eml" | grep -v "[0-9]" | grep -v "^ *\$" | head -n 3 >lines &&
		test -s lines && while IFS= read -r l; do e2e_waitf "$l" 3 || exit 1; done <lines &&
		e2e_type q && e2e_wait "Attachments"'
	t 'the draft key restored \$postponed, \$wait_key and \$pipe_decode' '
		e2e_type : && e2e_enter "echo \"pp=\$postponed wk=\$wait_key pd=\$pipe_decode\"" &&
		e2e_wait "pp=$_pp wk=yes pd=no"'
	t 'the draftbox is empty once the draft is recalled' '
		test -z "$(find "$HOME/.cache/leadup/draftbox" -type f)"'
	t ',l in the compose screen lints the draft and waits for Enter' '
		e2e_type ,l && e2e_prompt "Press Enter to go back" && grep -q "^lint --text" "$E2E_LOG" &&
		e2e_key Enter && e2e_wait "Attachments"'
	t 'y sends it' 'e2e_type y && e2e_file "$OUTBOX/1.eml" && e2e_wait "Mail sent"'
	t 'what was sent has the right To, Subject, In-Reply-To and References' '
		m=$OUTBOX/1.eml
		e2e_hdr "$m" To | grep -q "ann@client.example" &&
		test "$(e2e_hdr "$m" Subject)" = "Re: Website budget" &&
		e2e_hdr "$m" Date | grep -q "25 Nov 2026" &&
		test "$(e2e_hdr "$m" In-Reply-To)" = "<q1@example.com>" &&
		e2e_hdr "$m" References | grep -q "<q1@example.com>" &&
		! e2e_hdr "$m" Cc | grep -q . &&
		grep -q "Could you confirm the budget" "$m" || { cat "$m"; exit 1; }'
	t 'after notmuch new and leadup scan the thread has left the due queue' '
		lx queue due | grep -q "Website budget" &&
		notmuch new --quiet && lx scan --quiet && ! lx queue due | grep -q "Website budget" &&
		sent=$(notmuch search --output=messages "subject:\"Re: Website budget\"" | sed "s/^id://") &&
		expect_tags "$sent" leadup/awaiting && expect_tags q1@example.com ""'
	t ',gd shows the due queue without it' '
		e2e_type ,gd && e2e_wait "$(e2e_title due)" && e2e_wait "Figures" && e2e_gone "Website budget" 3'
}

# e2e_journey_decisions: snooze, done, reopen, next-step, remind, why and
# the report, each changing what the open queue shows at once.
e2e_journey_decisions() {
	t ',s asks WHEN on the terminal and snoozes; the thread leaves the queue' '
		e2e_type ,ga && e2e_wait "$(e2e_title awaiting)" && e2e_select Figures &&
		e2e_type ,s && e2e_prompt "Snooze until .*empty cancels" && e2e_enter 3d &&
		e2e_wait "leadup: snoozed until" && e2e_gone Figures && expect_tags s1@example.com leadup/snoozed'
	t 'a WHEN that does not read is asked again; an empty one cancels' '
		e2e_select Contract && e2e_type ,s && e2e_prompt "Snooze until" && e2e_enter blorp &&
		e2e_wait "cannot read WHEN" && e2e_prompt "Snooze until" && e2e_key Enter &&
		e2e_wait "leadup: snooze cancelled; nothing changed" &&
		expect_tags d1@example.com "leadup/awaiting leadup/due"'
	t ',d closes the thread; ,gc lists it' '
		e2e_select Contract && e2e_type ,d && e2e_wait "leadup: done" && e2e_gone Contract &&
		expect_tags d1@example.com leadup/closed &&
		e2e_type ,gc && e2e_wait "$(e2e_title closed)" && e2e_wait Contract'
	t ',o reopens it' '
		e2e_select Contract && e2e_type ,o && e2e_wait "leadup: reopened: awaiting" && e2e_gone Contract &&
		expect_tags d1@example.com "leadup/awaiting leadup/due"'
	t ',n asks WHEN and what was agreed; the thread moves to their promises' '
		e2e_type ,ga && e2e_wait "$(e2e_title awaiting)" && e2e_select Workshop &&
		e2e_type ,n && e2e_prompt "Next step due" && e2e_enter 5d &&
		e2e_prompt "What was agreed" && e2e_enter "they send the agenda" &&
		e2e_wait "leadup: next step \\(theirs\\)" && e2e_gone Workshop &&
		expect_tags n1@example.com leadup/promise-theirs &&
		lx why id:n1@example.com | grep -q "they send the agenda" &&
		e2e_type ,gt && e2e_wait "$(e2e_title promise-theirs)" && e2e_wait Workshop'
	t ',r in the sent folder tracks a message that asks nothing; ,ga lists it' '
		e2e_type c && e2e_enter "=sent" && e2e_wait "Mutt: =sent" && e2e_select Slides &&
		e2e_type ,r && e2e_prompt "Remind me if no reply by" && e2e_enter 2d &&
		e2e_wait "leadup: will remind you on" && expect_tags r1@example.com leadup/awaiting &&
		e2e_type ,ga && e2e_wait "$(e2e_title awaiting)" && e2e_wait Slides'
	t ',w shows why in a pager, from the pager too' '
		e2e_select Slides && e2e_key Enter && e2e_wait "Subject: Slides" && e2e_type ,w &&
		e2e_wait "State: +awaiting" && e2e_wait "Rule:" && e2e_type q && e2e_wait "Subject: Slides" &&
		e2e_type q && e2e_wait "$(e2e_title awaiting)"'
	t ',R shows the morning report in a pager' '
		e2e_type ,R && e2e_wait "leadup report for" && e2e_wait "Due today" && e2e_type q &&
		e2e_wait "$(e2e_title awaiting)"'
}

# e2e_journey_dormant: ,gz shows the dormant threads, which the scan left
# untagged: both clients' keys build a maildir of them from the state and
# write no tag (before, NeoMutt's wrote every dormant tag first); a decision
# there rebuilds it, keeps the cursor in place, and ,o brings a thread back.
e2e_journey_dormant() {
	t ',gz shows exactly the dormant threads, writes no tag, and restores $wait_key' '
		e2e_type ,gz && e2e_wait "$(e2e_title dormant)" && e2e_wait "leadup: dormant: 2 threads, 0 due" &&
		e2e_wait "Archive boxes" && e2e_wait "Old invoice" && e2e_gone "Website budget" 1 &&
		expect_tags z1@example.com "" && test "$(notmuch count tag:leadup/dormant)" = 0 &&
		e2e_type : && e2e_enter "echo \"wk=\$wait_key\"" && e2e_wait "wk=yes"'
	t ',w in the dormant queue says why' '
		e2e_select "Archive boxes" && e2e_type ,w && e2e_wait "State: .*dormant" && e2e_type q &&
		e2e_wait "$(e2e_title dormant)"'
	t ',d in the dormant queue: the queue is rebuilt without the thread, the cursor on the next' '
		e2e_select "Old invoice" && e2e_type ,d && e2e_wait "leadup: done" && e2e_gone "Old invoice" &&
		e2e_wait "$(e2e_title dormant)" && expect_tags z2@example.com leadup/closed &&
		e2e_key Enter && e2e_wait "Subject: Archive boxes" && e2e_type q && e2e_wait "$(e2e_title dormant)" &&
		test "$(notmuch count tag:leadup/dormant)" = 0'
	t ',o in the closed queue makes the thread dormant again; ,gz lists it' '
		e2e_type ,gc && e2e_wait "$(e2e_title closed)" && e2e_select "Old invoice" && e2e_type ,o &&
		e2e_wait "leadup: reopened: dormant" && e2e_type ,gz && e2e_wait "leadup: dormant: 2 threads, 0 due" &&
		e2e_wait "Old invoice" && expect_tags z2@example.com "" && test "$(notmuch count tag:leadup/dormant)" = 0'
}

# e2e_journey_end: the client survived, and it called leadup for nothing else.
e2e_journey_end() {
	t 'the client is still running and every helper call was one leadup ran' '
		e2e_alive &&
		! grep -qv "^\(queue\|draft\|snooze\|done\|reopen\|remind\|next-step\|mute\|why\|lint\|scan\|report\|setup --alternates$\|setup --date-hooks$\)" "$E2E_LOG"'
}
