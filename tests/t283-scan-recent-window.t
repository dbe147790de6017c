#!/bin/sh
# The full walk's recent window found by date (issue 14, session 37): the
# messages a walk remembers under a subject (struct recent) are kept newest
# first, so the answers elsewhere to one thread are a run of them found by
# its dates, not every message of a subject shared by hundreds compared
# for each thread that asks; those the walk has left behind by more than
# the window go as the front of the list.  Here one subject is shared by
# 640 messages between others, one a day (the walk prunes every 512
# threads), and my questions and their answers that broke threading sit
# among them: one answered the next day, one from the middle of the walk,
# one answered after the window, one whose answer opens a thread the walk
# met first (remembered out of date order), one after the walk pruned,
# and theirs answered by me.
# The full walk (the recent window) decides as a walk that asks notmuch
# for each thread (a message dated in the year 9999 makes it so).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
say() { # say ID FROM TO DATE [PARENT]: a message of subject Budget (Re: when it answers)
	_s=Budget && [ "${1#*-re}" != "$1" ] && _s='Re: Budget'
	msg "$([ "${2#Me }" != "$2" ] && echo sent || echo inbox)" "$1" "$2" "$3" "$4" "$_s" ${5:+"$5"} <<'EOF'
Could you send me the figures for October?
EOF
}
i=0
while [ "$i" -lt 640 ]; do
	say "f$i@others.example" "Kim <kim$i@others.example>" "Lee <lee@others.example>" \
		"$(date -u -R -d "2025-02-13 12:00 UTC + $i days")"
	i=$((i + 1))
done
say a1@example.com 'Me <me@example.com>' 'Q <q@q.example>' 'Mon, 16 Nov 2026 10:00:00 +0000'
say a1-re@q.example 'Q <q@q.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 09:00:00 +0000'
say a2@example.com 'Me <me@example.com>' 'R <r@r.example>' 'Mon, 01 Jun 2026 10:00:00 +0000'
say a2-re@r.example 'R <r@r.example>' 'Me <me@example.com>' 'Sat, 20 Jun 2026 09:00:00 +0000'
say a3@example.com 'Me <me@example.com>' 'S <s@s.example>' 'Sun, 01 Mar 2026 10:00:00 +0000'
say a3-re@s.example 'S <s@s.example>' 'Me <me@example.com>' 'Mon, 15 Jun 2026 09:00:00 +0000'
# V's message of 1 August opens a thread answered on 18 November: the walk
# meets it early, behind messages older than it
say a5@example.com 'Me <me@example.com>' 'V <v@v.example>' 'Mon, 20 Jul 2026 10:00:00 +0000'
say v1@v.example 'V <v@v.example>' 'W <w@w.example>' 'Sat, 01 Aug 2026 09:00:00 +0000'
say v1-re@w.example 'W <w@w.example>' 'V <v@v.example>' 'Wed, 18 Nov 2026 09:00:00 +0000' v1@v.example
say a4@example.com 'Me <me@example.com>' 'X <x@x.example>' 'Tue, 01 Apr 2025 10:00:00 +0000'
say a4-re@x.example 'X <x@x.example>' 'Me <me@example.com>' 'Thu, 10 Apr 2025 09:00:00 +0000'
say p1@p.example 'P <p@p.example>' 'Me <me@example.com>' 'Thu, 01 Oct 2026 09:00:00 +0000'
say p1-re@example.com 'Me <me@example.com>' 'P <p@p.example>' 'Sat, 03 Oct 2026 10:00:00 +0000'
index
cp -a "$MAIL/.notmuch" nm.pristine

# items ID...: the items of the threads of IDs (one answered elsewhere has none)
items() { for m in "$@"; do sqlite3 "$DB" "SELECT mid, state FROM items WHERE mid = '$m'"; done; }
asks='a1@example.com a2@example.com a3@example.com a4@example.com a5@example.com p1@p.example'
t 'the full walk: answered next day, mid-walk, out of order, after the prune and by me; not after the window' '
	walk_scan walk --full && test "$(debug_counted walk.err "threads left unread, written to nobody of mine by the index")" -ge 640 &&
	items $asks >walk.items && cat walk.items && test "$(cat walk.items)" = "a3@example.com|dormant"'
t 'a walk that asks notmuch for each thread decides the same' '
	rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a nm.pristine "$MAIL/.notmuch" &&
	{ printf "From: Ann <ann@a.example>\nTo: Lee <lee@others.example>\nSubject: Far\n"
	  printf "Date: Fri, 31 Dec 9999 23:59:59 +0000\nMessage-ID: <far@a.example>\n\nHello.\n"; } |
		deliver inbox far && index && walk_scan asked --full 2>asked.log &&
	items $asks | diff walk.items - &&
	sed -n "/^== items$/,/^== kmsgs$/p" walk.state >walk.it && sed -n "/^== items$/,/^== kmsgs$/p" asked.state >asked.it &&
	diff walk.it asked.it && grep -v "far@a.example" asked.tags | diff walk.tags -'
done_testing
