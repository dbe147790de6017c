#!/bin/sh
# Files leadup creates (issue 12): after a scan, a decision, a draft (to a
# file and to a draft box), Mutt's queue maildir, a client answer file and
# setup --hook, under umask 000 (so no default mode hides a missing one),
# every file leadup created is private (0600; a new notmuch hook 0755, as
# hooks are) and every directory 0700 (notmuch's Xapian files follow the
# umask: notmuch's, not leadup's), all inside the user's own directories:
# strace lists every path created, none is in /tmp outside this test's
# home, none at a name another user could predict.
. "$(dirname "$0")/lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
msg sent q1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Figures' <<'EOB'
Could you send me the figures for October?
EOB
msg sent q2@example.com 'Me <me@example.com>' 'Bob <bob@b.example>' 'Mon, 16 Nov 2026 11:00:00 +0000' 'More figures' <<'EOB'
Could you send me the figures for November?
EOB
index
NOW=2026-11-20T09:00:00+00:00
mkdir -p "$TMP/tmpdir"
# traced COMMAND...: runs leadup under umask 000, recording what it creates.
traced() {
	(umask 000; TMPDIR=$TMP/tmpdir strace -f -qq -o "$TMP/trace.$$.$(date +%N)" \
		-e trace=openat,open,creat,mkdir,mkdirat,symlink,symlinkat,rename,renameat,renameat2,link,linkat \
		"$LEADUP" --now "$NOW" "$@")
}
t 'scan, decisions, drafts, queue maildir, answer file and setup --hook run' '
	traced scan --quiet && traced mute id:q2@example.com >/dev/null && traced undo id:q2@example.com >/dev/null &&
	traced snooze 2026-12-01 id:q2@example.com >/dev/null &&
	traced draft id:q1@example.com --output "$HOME/draft.eml" 2>/dev/null &&
	traced draft id:q1@example.com --draftbox "$HOME/drafts" >/dev/null 2>&1 &&
	traced queue awaiting --maildir "$HOME/queues/awaiting" >/dev/null &&
	traced queue awaiting --muttrc "$HOME/answer.rc" &&
	traced setup --hook >/dev/null'
# Every path a call created: openat with O_CREAT, mkdir, symlink, the target of rename/link.
created() {
	cat "$TMP"/trace.* | sed -n \
		-e 's/.*open[a-z]*([^"]*"\([^"]*\)", [^)]*O_CREAT.*/\1/p' \
		-e 's/.*creat("\([^"]*\)".*/\1/p' \
		-e 's/.*mkdir[a-z]*([^"]*"\([^"]*\)".*= 0$/\1/p' \
		-e 's/.*symlink[a-z]*("[^"]*", [^"]*"\([^"]*\)".*= 0$/\1/p' \
		-e 's/.*rename[a-z0-9]*([^"]*"[^"]*", [^"]*"\([^"]*\)".*= 0$/\1/p' | sort -u |
		grep -v "^/dev/shm/faketime_shm_" # libfaketime's (make check-clock), not leadup's
}
t 'leadup created files, and only inside the home of this test' '
	created >created && test "$(wc -l <created)" -ge 8 && cat created &&
	! grep -v "^$HOME/" created'
t 'nothing in /tmp outside the test, nothing in TMPDIR' '
	test -z "$(ls -A "$TMP/tmpdir")"'
t 'every file leadup created is 0600, every directory 0700 (a new hook 0755)' '
	bad=0
	while read -r p; do
		[ -e "$p" ] || [ -L "$p" ] || continue
		[ -L "$p" ] && continue # a link: its mode is not used; its target is checked
		case $p in "$MAIL/.notmuch/xapian/"*) continue ;; esac # Xapian'"'"'s own, by the umask
		m=$(stat -c %a "$p")
		if [ -d "$p" ]; then want=700
		elif [ "$p" = "$MAIL/.notmuch/hooks/post-new" ]; then want=755 # a hook, no secret
		else want=600; fi
		[ "$m" = "$want" ] || { echo "$p: mode $m, want $want"; bad=1; }
	done <created
	test "$bad" = 0'
t 'the state, the journal, the draft and the queue maildir are among them' '
	grep -qx "$XDG_DATA_HOME/leadup/state.db" created && grep -qx "$XDG_DATA_HOME/leadup/decisions.journal" created &&
	grep -qx "$HOME/draft.eml" created && grep -q "^$HOME/drafts/cur/" created && grep -q "^$HOME/queues/" created &&
	grep -qx "$MAIL/.notmuch/hooks/post-new" created'
done_testing
