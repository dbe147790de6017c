#!/bin/sh
# A thread whose Subject, Message-IDs and names carry shell and muttrc
# metacharacters (quotes, backquotes, $(...), ;, <enter>, and newlines and
# an escape sequence hidden in RFC 2047 encoded words) goes through every
# leadup key in the real NeoMutt and Mutt: nothing runs (the canary file is
# never created), no message data reaches a command line or a sourced
# file, the terminal title is untouched, and the client still answers.
. "$(dirname "$0")/e2e-lib.sh"
e2e_need less
have_neomutt=false have_mutt=false
command -v neomutt >/dev/null && neomutt -v 2>/dev/null | grep -q '+notmuch' && have_neomutt=true
command -v mutt >/dev/null && have_mutt=true
$have_neomutt || $have_mutt || skip_all "neither NeoMutt (with notmuch) nor Mutt is installed"
world

T="touch\${IFS}$CANARY"
# What a careless macro or sourced file would run: shell and muttrc syntax,
# and ways out of a single- and a double-quoted muttrc string.
EVIL="'q' \"dq\" \`$T\` \$($T); <enter>:!$T<enter> <shell-escape>$T<enter> %s \\ \
'; set my_leadup_pwn=\`$T\`; echo ' \"; set my_leadup_pwn=\`$T\`; echo \""
# Newlines, a muttrc command and an OSC title sequence, hidden in an encoded word.
HIDDEN=$(printf '\n<enter>:source /etc/passwd<enter>\n$(%s)\033]2;pwned\007\n' "$T" | base64 | tr -d '\n')
SUBJ="Quarterly report $EVIL =?UTF-8?B?$HIDDEN?="
MID0="h0'\"\`$T\`\$($T);<enter>@evil.example"
MID1="h1;\$($T)'\`$T\`\"<enter>:!$T<enter>@evil.example"
OLD=$(e2e_date 10) RECENT=$(e2e_date 5)
{ printf 'From: Me Myself <me@example.com>\nTo: "Eve $(%s) `%s`" <eve@evil.example>\n' "$T" "$T"
  printf 'Subject: %s\nDate: %s\nMessage-ID: <%s>\n' "$SUBJ" "$OLD" "$MID0"
  printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n'
  printf 'Could you send me the quarterly report?\n$(%s) `%s`\n' "$T" "$T"; } | deliver sent h0
{ printf 'From: "Eve $(%s) `%s`; <enter>" <eve@evil.example>\nTo: Me Myself <me@example.com>\n' "$T" "$T"
  printf 'Subject: Re: %s\nDate: %s\nMessage-ID: <%s>\n' "$SUBJ" "$RECENT" "$MID1"
  printf 'In-Reply-To: <%s>\nReferences: <%s>\n' "$MID0" "$MID0"
  printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n'
  printf 'Which quarter do you mean? Could you tell me by Friday?\n'; } | deliver inbox h1
index
e2e_bin
lx scan --quiet
A0=$(notmuch search --output=messages 'folder:sent and subject:Quarterly' | head -n 1)
A1=$(notmuch search --output=messages 'folder:inbox and subject:Quarterly' | head -n 1)

hostile() { # hostile ID: it holds $(, a backquote and a single quote
	case $1 in *'$('*) ;; *) echo "not hostile: $1"; return 1 ;; esac
	case $1 in *'`'*) ;; *) echo "not hostile: $1"; return 1 ;; esac
	case $1 in *"'"*) ;; *) echo "not hostile: $1"; return 1 ;; esac
}
t 'notmuch keeps the Message-IDs hostile (up to their first ">")' 'hostile "$A0" && hostile "$A1"'
t 'leadup tracks the thread' 'lx queue | grep -q "needs-reply *1"'

# journey CLIENT QUEUE-VIEW-REGEX: every key on the hostile thread.
journey() {
	c=$1
	t "$c: the reply-owed queue lists the thread" '
		e2e_type ,gr && e2e_wait "$2" && e2e_wait "Quarterly report"'
	t "$c: ,w shows why in a pager" '
		e2e_select Quarterly && e2e_type ,w && e2e_wait "State:" && e2e_type q && e2e_wait "$2"'
	t "$c: ,l drafts and opens the compose screen" '
		e2e_select Quarterly && e2e_type ,l && e2e_wait "Subject: Re: Quarterly report"'
	t "$c: ,l in the compose screen lints; q abandons the draft" '
		e2e_type ,l && e2e_prompt "Press Enter to go back" && e2e_key Enter && e2e_wait Attachments &&
		e2e_type q && e2e_gone Attachments && e2e_wait "$2"'
	t "$c: in the inbox" 'e2e_type c && e2e_enter "=inbox" && e2e_wait "=inbox" && e2e_select Quarterly'
	for k in s r n N; do
		t "$c: ,$k asks WHEN (and TEXT) on the terminal and answers in the message line" '
			e2e_type ,'$k' && e2e_prompt "\\(tue, 3d, next week" && e2e_enter 4d &&
			{ [ '$k' != n ] && [ '$k' != N ] || { e2e_prompt "What was agreed" && e2e_enter "\$($T) \`$T\` ;<enter>"; }; } &&
			e2e_wait "leadup: (snoozed|will remind|next step|remind: they wrote after)" &&
			e2e_select Quarterly'
	done
	for k in d o m o; do
		t "$c: ,$k answers in the message line" '
			e2e_type ,'$k' && e2e_wait "leadup: (done|reopened|muted)" && e2e_idle &&
			e2e_type : && e2e_enter "echo step-'$k'-over" && e2e_wait step-'$k'-over'
	done
	t "$c: ,u refreshes" 'e2e_type ,u && e2e_wait "leadup: [0-9]+ due"'
	t "$c: from the pager too" '
		e2e_select Quarterly && e2e_key Enter && e2e_wait "Which quarter" && e2e_type ,d &&
		e2e_wait "leadup: done" && e2e_type ,o && e2e_wait "leadup: reopened"'
	t "$c: the canary was never created" '! test -e "$CANARY"'
	t "$c: the client still answers" '
		e2e_alive && e2e_type : && e2e_enter "echo still-here" && e2e_wait still-here'
	t "$c: the terminal title was never set from the message" '
		! tm display-message -p -t e2e "#{pane_title}" | grep -q pwned'
	t "$c: no message data reached the command line of leadup or a sourced file" '
		! grep -E "touch|evil|Quarterly|Eve|\\\$\\(|<enter>" "$E2E_LOG" &&
		! cat "$HOME"/.cache/leadup/*.rc | grep -E "touch|evil|Quarterly|Eve"'
	tm kill-session -t e2e
}

if $have_neomutt; then
	e2e_neomuttrc 'set postpone=no'
	e2e_start neomutt
	journey neomutt 'NeoMutt: Lead-up: reply owed'
else
	skip "NeoMutt with notmuch support is not installed"
fi
if $have_mutt; then
	e2e_muttrc 'set postpone=no'
	e2e_start mutt
	journey mutt 'Mutt: ~/.cache/leadup/queues/needs-reply'
else
	skip "Mutt is not installed"
fi
t 'the canary was never created' '! test -e "$CANARY"'
done_testing
