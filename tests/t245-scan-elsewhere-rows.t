#!/bin/sh
# A full walk's messages elsewhere from the cache rows their own threads
# took (issue 14, session 34): a reply that broke threading (the same
# subject, no In-Reply-To) is a message elsewhere of each earlier thread
# it may answer; the walk, newest first, read it for its own thread
# already, and takes its row from there (struct recent) instead of a stat
# of its file and an analysis cache look-up again for each such thread.
# Compared on copies of the same databases with LEADUP_DEBUG_NO_RECENT_ROWS=1
# (a look-up each time, as before): the same tags, state and `why`, fewer
# look-ups.  A file rewritten between scans is read again (a row is taken
# so within one run only).  Counted, not timed (LEADUP_DEBUG_COUNTS).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask a0@example.com 'Q <q@q.example>' 'Budget'
msg sent a1@example.com 'Me <me@example.com>' 'Q <q@q.example>' 'Mon, 16 Nov 2026 11:00:00 +0000' \
	'Budget' <<'EOF'
And could you send me the figures for September too?
EOF
# Q's answer, its threading headers lost: a thread of its own
msg inbox a1-re@example.com 'Q <q@q.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Budget' <<'EOF'
Here are the figures for September and October.
EOF
for d in 10 12 13; do
	notice "$d"
done
index

scan() { walk_scan "$@"; } # lib.sh: the scan counted, its state dumped
lookups() { sed -n 's/^leadup: analysis cache: \([0-9]*\) look-ups.*/\1/p' "$1.err"; }
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed.*/\1/p' "$1.err"; }
same() { diff "$1.tags" "$2.tags" && diff "$1.state" "$2.state" && diff "$1.why" "$2.why"; }
whys() { lu why a0@example.com && lu why a1@example.com; }
# compare NAME [OPTION]: the scan, then the same scan of copies of the same databases
# with LEADUP_DEBUG_NO_RECENT_ROWS=1: the same tags, state and why of my asks
compare() {
	_c=$1 && shift && rm -rf both && mkdir both && cp -a "$MAIL/.notmuch" both/nm &&
		cp -a "$STATE_DIR" both/state && scan "$_c" "$@" && whys >"$_c.why" &&
		rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a both/nm "$MAIL/.notmuch" &&
		cp -a both/state "$STATE_DIR" &&
		(export LEADUP_DEBUG_NO_RECENT_ROWS=1 && scan "$_c-x" "$@") && whys >"$_c-x.why" &&
		same "$_c" "$_c-x"
}

t 'the first full scan reads every file' '
	scan first --full && test "$(parsed first)" -ge 6'
t 'a warm full scan: the answer elsewhere from its own thread'"'"'s row, not looked up again' '
	compare w1 --full && test "$(lookups w1)" -lt "$(lookups w1-x)" && test "$(parsed w1)" = 0'
t 'a settings change: the same' '
	printf "[awaiting]\nfirst=1\n" >"$XDG_CONFIG_HOME/leadup/config" && compare s1 &&
	test "$(lookups s1)" -lt "$(lookups s1-x)"'
t 'the answer'"'"'s file rewritten between scans: read again, the same as before' '
	f=$MAIL/inbox/cur/a1-re@example.com:2,S && sed "s/September and October/October/" "$f" >f.new &&
	mv f.new "$f" && compare c1 --full && test "$(parsed c1)" -ge 1 && test "$(parsed c1-x)" -ge 1'
done_testing
