#!/bin/sh
# What the client's keys run, outside the client: --muttrc FILE always exits
# 0 and leaves one echo line of leadup's own words (never the subject);
# --ask reads WHEN (and TEXT) on the terminal, asks again, cancels on an
# empty answer; queue --muttrc/--maildir/--scan for the refresh keys.
. "$(dirname "$0")/lib.sh"
world
printf '[scan]\nlock_wait = 1\n' >"$XDG_CONFIG_HOME/leadup/config"
ask() { msg sent "$1" 'Me <me@example.com>' "$2" 'Mon, 16 Nov 2026 10:00:00 +0000' "$3"; }
echo 'Could you send me the figures?' | ask f1@example.com 'Ann <ann@a.example>' "Figures 'q' \`x\` \$(y)"
echo 'Could you sign the contract?' | ask c1@example.com 'Bob <bob@b.example>' 'Contract'
echo 'Could you book the room?' | ask n1@example.com 'Cid <cid@c.example>' 'Room'
echo 'Here are the slides.' | ask r1@example.com 'Dee <dee@d.example>' 'Slides'
echo 'Could you check the invoice?' | ask m1@example.com 'Eve <eve@e.example>' 'Invoice'
index
NOW=2026-11-20T09:00:00+00:00
lu scan --quiet
RC=$TMP/rc/answer.rc
HEAD='# written by leadup for the mail client to source; overwritten by the next call'
answer() { # answer 'LINE': FILE is the comment and exactly this echo line
	printf '%s\n%s\n' "$HEAD" "echo '$1'" | cmp -s - "$RC" || { echo "want echo '$1', got:"; cat "$RC"; return 1; }
}
# The terminal for --ask: a pseudo-terminal fed with ANSWERS.
on_tty() { # on_tty ANSWERS COMMAND...
	_in=$1
	shift
	printf "$_in" | script -qec "$*" /dev/null >tty.out 2>&1
}
command -v script >/dev/null && have_script=true || have_script=false

t 'done --muttrc: nothing on stdout, exit 0, one echo line, no subject' '
	lu done id:f1@example.com --muttrc "$RC" >out && test ! -s out &&
	answer "leadup: done: no longer tracked until a new message arrives" &&
	expect_tags f1@example.com leadup/closed && ! grep -q Figures "$RC"'
t 'reopen, snooze, remind, next-step, mute --muttrc say what they did' '
	lu reopen id:f1@example.com --muttrc "$RC" && answer "leadup: reopened: awaiting, due since Thu 19 Nov 2026 10:00" &&
	lu snooze 2026-11-25 id:f1@example.com --muttrc "$RC" &&
	answer "leadup: snoozed until Wed 25 Nov 2026 09:00 (a new message wakes it earlier)" &&
	lu remind 2026-11-26 id:r1@example.com --muttrc "$RC" &&
	answer "leadup: will remind you on Thu 26 Nov 2026 09:00 if no reply comes: awaiting, due Thu 26 Nov 2026 09:00" &&
	lu next-step --mine 2026-11-27 book it id:n1@example.com --muttrc "$RC" &&
	answer "leadup: next step (yours) recorded: promise-mine, due Fri 27 Nov 2026 23:59" &&
	lu mute id:m1@example.com --muttrc "$RC" &&
	answer "leadup: muted: leadup will not track it (reopen undoes this)" &&
	lu reopen id:f1@example.com --muttrc "$RC" && expect_tags f1@example.com "leadup/awaiting leadup/due"'
t 'an unknown message: exit 0, a fixed line, the details on stderr' '
	lu done id:nope@example.com --muttrc "$RC" 2>err &&
	answer "leadup: this message is not in the notmuch database (run notmuch new); nothing changed" &&
	grep -q "nope@example.com" err'
t 'a WHEN that does not read: exit 0, nothing changed' '
	lu snooze blorp id:c1@example.com --muttrc "$RC" 2>/dev/null &&
	answer "leadup: the command was not understood; nothing changed" &&
	expect_tags c1@example.com "leadup/awaiting leadup/due"'
t 'no message on stdin: exit 0, a fixed line' '
	lu done --muttrc "$RC" </dev/null 2>/dev/null && answer "leadup: the command was not understood; nothing changed"'
t 'the message piped in, as the keys do' '
	lu done --muttrc "$RC" <"$MAIL/sent/cur/c1@example.com:2,S" && grep -q "leadup: done" "$RC" &&
	lu reopen --muttrc "$RC" <"$MAIL/sent/cur/c1@example.com:2,S" && expect_tags c1@example.com "leadup/awaiting leadup/due"'
# The ,d key's shell command, as the NeoMutt snippet has it.
KEY_D=$(sed -n "s/^macro index,pager ,d .*<pipe-message>\\([^<]*\\)<enter>.*/\\1/p" "$ROOT/muttrc.d/leadup.neomuttrc")
mkdir -p "$TMP/bin" && printf '#!/bin/sh\nexec "%s" --now "%s" "$@"\n' "$LEADUP" "$NOW" >"$TMP/bin/leadup" && chmod +x "$TMP/bin/leadup"
t 'notmuch locked: with --muttrc the decision is stored, exit 0, and the answer says the tag follows' '
	mkfifo hold && { notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	lu done id:c1@example.com --muttrc "$RC" 2>/dev/null; rc=$?; exec 3>&-; wait
	test "$rc" = 0 &&
	answer "leadup: done stored; the tag follows on the next scan: the notmuch database is locked by another program" &&
	expect_tags c1@example.com "leadup/awaiting leadup/due" && lu why id:c1@example.com | grep -q "^State: *closed"'
t 'the ,d key turns that into exit 0 and keeps the answer' '
	test -n "$KEY_D" && rm -f "$HOME/.cache/leadup/neomutt.rc" &&
	{ notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	PATH="$TMP/bin:$PATH" sh -c "$KEY_D" <"$MAIL/sent/cur/c1@example.com:2,S" 2>/dev/null; rc=$?; exec 3>&-; wait
	test "$rc" = 0 && grep -q "done stored; the tag follows on the next scan" "$HOME/.cache/leadup/neomutt.rc"'
t 'the ,d key works, and exits 0 with no stale answer when leadup cannot run' '
	PATH="$TMP/bin:$PATH" sh -c "$KEY_D" <"$MAIL/sent/cur/c1@example.com:2,S" &&
	grep -q "leadup: done" "$HOME/.cache/leadup/neomutt.rc" && expect_tags c1@example.com leadup/closed &&
	mkdir -p "$TMP/nobin" && ln -sf "$(command -v rm)" "$TMP/nobin/rm" &&
	PATH="$TMP/nobin" /bin/sh -c "$KEY_D" </dev/null 2>/dev/null && test ! -e "$HOME/.cache/leadup/neomutt.rc" &&
	lu reopen id:c1@example.com >/dev/null'
t '--ask without a terminal: exit 0, says so, nothing changed' '
	setsid -w "$LEADUP" --now "$NOW" snooze --ask id:c1@example.com --muttrc "$RC" </dev/null 2>/dev/null &&
	answer "leadup: no terminal to ask WHEN on; nothing changed" && ! lu why id:c1@example.com | grep -q "^State: *snoozed"'
t '--ask and a WHEN together, or --ask for done, are usage errors' '
	lu snooze --ask 3d id:c1@example.com 2>err; test $? = 64 && grep -q "not both" err &&
	{ lu done --ask id:c1@example.com 2>/dev/null; test $? = 64; }'
if $have_script; then
	t '--ask: a WHEN that does not read is asked again, then taken' '
		on_tty "blorp\n2026-11-25\n" "$LEADUP" --now "$NOW" snooze --ask id:c1@example.com --muttrc "$RC" &&
		test "$(grep -c "Snooze until" tty.out)" = 2 && grep -q "cannot read WHEN .blorp." tty.out &&
		grep -q "leadup snooze: \"Contract\"" tty.out &&
		answer "leadup: snoozed until Wed 25 Nov 2026 09:00 (a new message wakes it earlier)" &&
		expect_tags c1@example.com leadup/snoozed'
	t '--ask: three answers that do not read give up' '
		on_tty "x\ny\nz\n" "$LEADUP" --now "$NOW" remind --ask id:c1@example.com --muttrc "$RC" &&
		answer "leadup: WHEN was not understood; nothing changed"'
	t '--ask: an empty answer cancels' '
		on_tty "\n" "$LEADUP" --now "$NOW" snooze --ask id:f1@example.com --muttrc "$RC" &&
		answer "leadup: snooze cancelled; nothing changed" && expect_tags f1@example.com "leadup/awaiting leadup/due"'
	t '--ask: next-step asks WHEN, then what was agreed' '
		on_tty "2026-11-27\nthey send the signed order\n" "$LEADUP" --now "$NOW" next-step --ask id:f1@example.com &&
		grep -q "What was agreed" tty.out && expect_tags f1@example.com leadup/promise-theirs &&
		lu why id:f1@example.com | grep -q "they send the signed order"'
	t '--ask shows the subject without its control characters' '
		printf "From: Eve <eve@e.example>\nTo: Me <me@example.com>\nSubject: =?UTF-8?B?%s?=\nDate: Thu, 19 Nov 2026 10:00:00 +0000\nMessage-ID: <e1@e.example>\n\nCould you call me?\n" \
			"$(printf "Hi\033]2;pwned\007 there" | base64)" | deliver inbox e1 && index && lu scan --quiet &&
		on_tty "\n" "$LEADUP" --now "$NOW" snooze --ask id:e1@e.example &&
		grep -q "\"Hi \\]2;pwned there\"" tty.out && ! grep -q "$(printf "\033]2")" tty.out'
else
	skip "script (util-linux) is not installed: the --ask tests need a terminal"
fi
t 'queue --muttrc: every queue'\''s count, nothing on stdout' '
	lu queue --muttrc "$RC" >out && test ! -s out && grep -q "^echo .leadup: [0-9]* due, " "$RC"'
t 'queue NAME --maildir DIR --muttrc: the maildir, and its count' '
	lu queue awaiting --maildir "$TMP/q/awaiting" --muttrc "$RC" >out 2>err && test ! -s out && test ! -s err &&
	answer "leadup: awaiting: 1 thread, 0 due" && test -L "$TMP/q/awaiting/cur" && test "$(ls "$TMP/q/awaiting/cur" | wc -l)" = 1'
# NeoMutt's dormant queue is such a maildir: after an action in it, the
# folder-hook rebuilds that one queue and jumps back to the cursor's place.
t 'queue NAME --maildir DIR --keep-cursor NAME: DIR rebuilt from an empty placeholder, a jump back' '
	mkdir -p "$TMP/q/one/cur" "$TMP/q/one/new" "$TMP/q/one/tmp" &&
	lu queue awaiting --maildir "$TMP/q/one" --keep-cursor awaiting --muttrc "$RC" \
		<"$(notmuch search --output=files id:f1@example.com)" >out 2>err && test ! -s out && test ! -s err &&
	printf "%s\n%s\n" "$HEAD" "push '"'"'<jump>1<enter>'"'"'" | cmp - "$RC" &&
	test -L "$TMP/q/one/cur" && test "$(ls "$TMP/q/one/cur" | wc -l)" = 1'
t 'a cur/ that holds anything is never taken over; --keep-cursor of another queue is refused' '
	mkdir -p "$TMP/q/mine/cur" && touch "$TMP/q/mine/cur/mail" &&
	{ lu queue awaiting --maildir "$TMP/q/mine" 2>err; test $? = 73; } && grep -q "is not leadup" err &&
	test -f "$TMP/q/mine/cur/mail" &&
	{ lu queue awaiting --maildir "$TMP/q/one" --keep-cursor due </dev/null 2>err; test $? = 64; } &&
	grep -q "another queue" err'
t 'queue due --maildir counts only what is due' '
	lu queue due --maildir "$TMP/q/due" 2>err && grep -q ": 1 message$" err && test "$(ls "$TMP/q/due/cur" | wc -l)" = 1'
t 'queue --scan scans first' '
	msg inbox g1@a.example "Ann <ann@a.example>" "Me <me@example.com>" "Thu, 19 Nov 2026 11:00:00 +0000" "Question" <<EOF &&
Could you review the proposal?
EOF
	notmuch new --quiet && lu queue needs-reply --scan --muttrc "$RC" && expect_tags g1@a.example "leadup/due leadup/needs-reply"'
t 'queue --muttrc with --format=json: exit 0, not understood' '
	lu queue --format=json --muttrc "$RC" 2>/dev/null && answer "leadup: the command was not understood; nothing changed"'
# The lock wait returns to the command (it used to end the process), so a
# busy database still shows the queue as the last scan left it.
t 'queue --scan while notmuch is locked: the last scan'\''s queue, and the answer says so' '
	echo "Could you send the agenda?" | msg inbox h1@a.example "Ann <ann@a.example>" "Me <me@example.com>" "Thu, 19 Nov 2026 12:00:00 +0000" "Agenda" &&
	index && { notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	lu queue awaiting --scan --maildir "$TMP/q/busy" --muttrc "$RC" >out 2>err; rc=$?; exec 3>&-; wait
	test "$rc" = 0 && test ! -s out && answer "leadup: notmuch is busy, so the tags are from the last scan; try again" &&
	test "$(ls "$TMP/q/busy/cur" | wc -l)" = 1'
t 'in a shell: the counts, and the one line that says why they are old' '
	{ notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	lu queue --scan >out 2>err; rc=$?; exec 3>&-; wait
	test "$rc" = 0 && grep -q "^awaiting  *[0-9]" out && test "$(wc -l <err)" = 1 && grep -q "database is locked" err &&
	expect_tags h1@a.example "" && lu queue --scan >/dev/null && expect_tags h1@a.example "leadup/due leadup/needs-reply"'
done_testing
