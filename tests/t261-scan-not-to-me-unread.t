#!/bin/sh
# A full walk read from Xapian leaves unread the threads the index says
# are written to nobody of mine (issue 14, s35-first): in a thread nobody
# in it is me and nobody decided on, the rules read on only when a message
# was written to me (worth_reading: its To or Cc), and notmuch indexed the
# words of every recipient of every file (its to: terms).  When no message
# of the thread holds a run of each of my addresses there, no file of it
# is parsed: before, its latest message's file was.  The kept walk keeps
# that mark (WALK_NOT_TO_ME) under who I am, so the warm full scan reads no
# file either; a thread that gains my reply is read then, whole; another
# identity walks the index again.  Everything the same as reading the
# files (LEADUP_DEBUG_READ_NOT_MINE), but the analysis cache's rows of the
# files not read.  Counted (LEADUP_DEBUG_COUNTS), never timed.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-23T09:00:00+00:00
ME='Me <me@example.com>' KIM='Kim <kim@client.example>' SAM='Sam <sam@supplier.example>'
LIST='Dev list <dev@lists.example>'
ask a1@example.com "$KIM" 'Figures'
# A list thread I never wrote in, to the list only: left unread.
msg lists l1@client.example "$KIM" "$LIST" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Build fails' <<'EOF'
The nightly build fails on the test machine since Friday.
EOF
msg lists l2@supplier.example "$SAM" "$LIST" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Build fails' \
	l1@client.example <<'EOF'
Could you send the log of the failing run?
EOF
# To the list and to me by an address of mine with a +tag (me+dev@): read
# (no queue: the rules read it as the list's).
HDR="Cc: Me <me+dev@example.com>" msg lists c1@supplier.example "$SAM" "$LIST" \
	'Wed, 18 Nov 2026 09:00:00 +0000' 'Release date' <<'EOF'
Could you confirm the release date by Friday?
EOF
# To my other address: read.
msg inbox o1@client.example "$KIM" 'Me Too <me.too@example.net>' 'Wed, 18 Nov 2026 10:00:00 +0000' \
	'Budget' <<'EOF'
Could you approve the budget by Thursday?
EOF
# To an address that is mine only once the settings say so: left unread, then read.
msg inbox w1@client.example "$KIM" 'Boss <boss@work.example>' 'Thu, 19 Nov 2026 10:00:00 +0000' \
	'Contract' <<'EOF'
Could you sign the contract by Friday?
EOF
index
pristine
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed.*/\1/p' "$1.err"; }
unread() { debug_counted "$1.err" "threads left unread, written to nobody of mine by the index"; }
# dtags DUMP MSGID: its leadup/ state tags in a notmuch dump, sorted
dtags() { grep " -- id:$2\$" "$1.tags" | sed 's/%2f/\//g' | tr ' ' '\n' | sed -n 's/^+\(leadup\/[^/]*\)$/\1/p' | sort | tr '\n' ' ' | sed 's/ $//'; }
# items NAME: NAME.state (state_dump) but the analysis cache's rows, the
# kept walk and meta (its key names who I am, its records mark WALK_NOT_TO_ME)
items() { awk '/^== /{skip = ($2 == "analyses" || $2 == "walked" || $2 == "meta")} !skip' "$1.state" >"$1.items"; }
# sc NAME OPTION [ENV...]: a scan (OPTION, or ""), counted into NAME.err
sc() {
	_e=$1 _o=$2 && shift 2 && env "$@" LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan $_o 2>"$_e.err"
}
# steps NAME [ENV...]: the first scan, a warm full scan, my reply to l2 and
# a scan, the identity changed and a scan; tags and items after each.
steps() {
	_n=$1 && shift && start &&
		sc "$_n.1" --full "$@" && state_dump "$_n.1" && items "$_n.1" &&
		sc "$_n.2" --full "$@" && state_dump "$_n.2" && items "$_n.2" &&
		rm -f "$MAIL/sent/cur/r1@example.com:2,S" &&
		msg sent r1@example.com "$ME" "$LIST" 'Mon, 23 Nov 2026 08:00:00 +0000' 'Re: Build fails' \
			l2@supplier.example '<l1@client.example> <l2@supplier.example>' <<'EOF' &&
Could you tell me which machine it fails on by Wednesday?
EOF
		index && sc "$_n.3" "" "$@" && state_dump "$_n.3" &&
		items "$_n.3" &&
		printf "[identity]\naddresses = me@example.com, me.too@example.net, boss@work.example\n" \
			>"$XDG_CONFIG_HOME/leadup/config" &&
		sc "$_n.4" "" "$@" && state_dump "$_n.4" && items "$_n.4" &&
		rm -f "$XDG_CONFIG_HOME/leadup/config" "$MAIL/sent/cur/r1@example.com:2,S" && index
}

t 'the first scan reads no file of the two threads to nobody of mine' '
	steps new && test "$(unread new.1)" = 2 && test "$(unread new.2)" = 2 &&
	test "$(dtags new.1 l2@supplier.example)" = "" && test "$(dtags new.1 w1@client.example)" = "" &&
	test "$(dtags new.1 o1@client.example)" = "leadup/due leadup/needs-reply" &&
	! grep -q "^l[12]@" new.1.state && grep -q "^c1@supplier.example|" new.1.state'
t 'reading them (LEADUP_DEBUG_READ_NOT_MINE) parses their latest files, to the same tags and items' '
	steps old LEADUP_DEBUG_READ_NOT_MINE=1 && test "$(unread old.1)" = 0 &&
	test "$(parsed old.1)" = $(($(parsed new.1) + 2)) &&
	for k in 1 2 3 4; do cmp new.$k.tags old.$k.tags && cmp new.$k.items old.$k.items || return 1; done'
t 'the warm full scan reads no file: the kept walk keeps the marks' '
	grep -q "threads from the kept walk: [1-9]" new.2.err && test "$(parsed new.2)" = 0'
t 'my reply to the list thread: read whole then, and awaiting their answer' '
	test "$(parsed new.3)" -ge 2 && test "$(dtags new.3 r1@example.com)" = "leadup/awaiting" &&
	test "$(dtags new.2 r1@example.com)" = ""'
t 'another identity walks the index again: the thread to boss@work.example is read' '
	grep -q "threads from the kept walk: 0" new.4.err && test "$(unread new.4)" = 0 &&
	test "$(dtags new.4 w1@client.example)" = "leadup/due leadup/needs-reply"'
done_testing
