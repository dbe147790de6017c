# e2e-lib.sh - leadup's end-to-end tests in the real NeoMutt and Mutt, under tmux.
#
#   . "$(dirname "$0")/e2e-lib.sh"
#   e2e_need neomutt; world; ...; NOW=...; e2e_bin; e2e_neomuttrc; e2e_start neomutt
#   t 'what' 'e2e_type ,ga && e2e_wait "Website budget"'
#
# Each test file has its own tmux server (a socket in $TMP), a throwaway
# HOME, notmuch database and leadup state (lib.sh), and a fake sendmail that
# stores what is sent in $OUTBOX.  Every wait has a timeout and prints the
# captured screen when it fails; the server is killed on exit.
. "$(dirname "$0")/lib.sh"
E2E_TIMEOUT=${E2E_TIMEOUT:-15}
E2E_SOCK=$TMP/tmux.sock
E2E_BIN=$TMP/bin
OUTBOX=$TMP/outbox
CANARY=$TMP/canary
export FAKE_SENDMAIL_DIR=$OUTBOX E2E_LOG=$TMP/leadup-calls
trap 'tmux -S "$E2E_SOCK" kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
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
	printf 'set -g status off\nset -g remain-on-exit on\nset -g history-limit 0\n' >"$TMP/tmux.conf"
	rc=$HOME/.neomuttrc
	[ "$1" = mutt ] && rc=$HOME/.muttrc
	tm -f "$TMP/tmux.conf" new-session -d -s e2e -x 120 -y 40 \
		"exec env -i HOME='$HOME' PATH='$E2E_BIN:/usr/local/bin:/usr/bin:/bin' TERM=xterm-256color \
LC_ALL=C.UTF-8 TZ='$TZ' NOTMUCH_CONFIG='$NOTMUCH_CONFIG' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' \
XDG_DATA_HOME='$XDG_DATA_HOME' FAKE_SENDMAIL_DIR='$OUTBOX' LEADUP_NOW='$LEADUP_NOW' \
ASAN_OPTIONS='${ASAN_OPTIONS:-}' UBSAN_OPTIONS='${UBSAN_OPTIONS:-}' \
LD_PRELOAD='$E2E_FAKETIME_LIB' FAKETIME='@$(date -d "$E2E_NOW" '+%Y-%m-%d %H:%M:%S')' \
$1 -n -F '$rc' ${2:-}"
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
