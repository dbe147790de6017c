#!/bin/sh
# The kept walk brought up to the index (issue 14): a walk of every thread
# (scan --full, a settings change) after notmuch changed reads from notmuch
# only the threads of the messages changed since the last full walk kept
# (`lastmod:` past its revision) and the kept threads that held one, and
# the others from the kept walk, in the walk's order (newest thread first).
# Each change is compared on copies of the same databases with the walk of
# notmuch (LEADUP_DEBUG_NO_KEPT_WALK=1): the same tags and state, the kept
# walk itself included (its rows, their order and bytes).  The changes: an
# answer into an old thread, a message dated between the others, a tag, a
# file of a message removed, a message joining two threads (notmuch merges
# them), a ghost become a message; a message removed whole with another
# added (notmuch's count unchanged), many messages changed and the mail
# directory moved walk notmuch.
# Counted, not timed (LEADUP_DEBUG_COUNTS).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask a1@example.com 'Q <q@q.example>' 'Budget'
ask a2@example.com 'R <r@r.example>' 'Venue'
ask a3@example.com 'S <s@s.example>' 'Catering'
for d in 10 12 13 16 17 18; do
	notice "$d"
done
# often13 in two folders: one message of two files
cp "$MAIL/inbox/cur/often13@example.org:2,S" "$MAIL/lists/cur/often13-copy:2,S"
# g-re answers g, which is not there yet: g is a ghost
msg inbox g-re@example.com 'T <t@t.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 08:00:00 +0000' 'Re: Parking' g@example.com <<'EOF'
Where do I park, then?
EOF
# 70 newsletters, one a day: many messages to change at once
i=0
while [ $i -lt 70 ]; do
	i=$((i + 1))
	msg lists "news$i@list.example" 'News <news@list.example>' 'Me <me@example.com>' \
		"$(date -u -d "2026-08-01 +$i days" '+%a, %d %b %Y 07:00:00 +0000')" "Newsletter $i" <<-'EOF'
	This week's news.
	EOF
done
index

scan() { walk_scan "$@"; } # lib.sh: the scan counted, its state dumped
kept() { walk_kept "$1"; }
again() { walk_again "$1"; }
looked() { walk_looked "$1"; }
same() { diff "$1.tags" "$2.tags" && diff "$1.state" "$2.state"; }
setting() { printf '[awaiting]\nfirst=%s\n' "$1" >"$XDG_CONFIG_HOME/leadup/config"; }
tid() { notmuch search --output=threads "id:$1"; }
# compare NAME [OPTION]: the scan from the kept walk, then the same scan of copies of the
# same databases walking notmuch: the same tags and state.
compare() {
	_c=$1 && shift && rm -rf both && mkdir both && cp -a "$MAIL/.notmuch" both/nm &&
		cp -a "$STATE_DIR" both/state && scan "$_c" "$@" && rm -rf "$MAIL/.notmuch" "$STATE_DIR" &&
		cp -a both/nm "$MAIL/.notmuch" && cp -a both/state "$STATE_DIR" &&
		LEADUP_DEBUG_NO_KEPT_WALK=1 scan "$_c-nm" "$@" && test "$(kept "$_c-nm")" = 0 &&
		same "$_c" "$_c-nm"
}

t 'the first full scan walks notmuch and keeps the walk' '
	scan first --full && test "$(kept first)" = 0 && test "$(looked first)" = 80 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked")" = 80'
t 'nothing changed: scan --full decides every thread from the kept walk' '
	compare c0 --full && test "$(kept c0)" = 80 && test "$(again c0)" = 0'
t 'an answer into an old thread: that thread read again, the others kept' '
	msg inbox a1-re@example.com "Q <q@q.example>" "Me <me@example.com>" \
		"Thu, 19 Nov 2026 09:00:00 +0000" "Re: Budget" a1@example.com <<-EOF &&
	Here are the figures for October.
	EOF
	index && compare c1 --full && test "$(kept c1)" = 79 && test "$(again c1)" = 1 &&
	expect_tags a1@example.com ""'
t 'a message dated between the kept threads: it takes its place in the walk' '
	notice 11 && index && compare c2 --full && test "$(kept c2)" = 80 && test "$(again c2)" = 1'
t 'a tag, and a settings change: the tagged thread read again' '
	notmuch tag +mine -- id:often12@example.org && setting 10 && compare c3 &&
	test "$(kept c3)" = 80 && test "$(again c3)" = 1'
t 'a file of a message of two removed: its thread read again' '
	rm "$MAIL/lists/cur/often13-copy:2,S" && index && compare c4 --full &&
	test "$(kept c4)" = 80 && test "$(again c4)" = 1'
t 'a message joining two threads (notmuch merges them): both read again, as one' '
	msg inbox a23@example.com "R <r@r.example>" "Me <me@example.com>" \
		"Thu, 19 Nov 2026 10:00:00 +0000" "Re: Venue" a2@example.com \
		"<a2@example.com> <a3@example.com>" <<-EOF &&
	Venue and catering, both settled.
	EOF
	index && test "$(tid a2@example.com)" = "$(tid a3@example.com)" && compare c5 --full &&
	test "$(kept c5)" = 79 && test "$(looked c5)" = 80'
t 'a ghost become a message: its thread read again' '
	msg inbox g@example.com "Me <me@example.com>" "T <t@t.example>" \
		"Mon, 16 Nov 2026 12:00:00 +0000" "Parking" <<-EOF &&
	Could you tell me where to park?
	EOF
	index && compare c6 --full && test "$(kept c6)" = 79 && test "$(again c6)" = 1'
t 'a message removed whole and another added (the same count): notmuch walked' '
	rm "$MAIL/inbox/cur/often16@example.org:2,S" && notice 19 && index && compare c7 --full &&
	test "$(kept c7)" = 0 && test "$(again c7)" = 0'
t 'many messages changed (a tag on every one): notmuch walked' '
	scan c8-rest --full && test "$(kept c8-rest)" = 80 &&
	notmuch tag +seen -- "*" && compare c8 --full && test "$(kept c8)" = 0'
t 'the walk after them all kept as walking notmuch keeps it' '
	scan c9 --full && test "$(kept c9)" = 80 && test "$(again c9)" = 0 &&
	sqlite3 "$DB" "DELETE FROM meta WHERE key = '"'"'walked'"'"'" && scan c9-nm --full &&
	test "$(kept c9-nm)" = 0 && same c9 c9-nm'
t 'the mail directory moved (notmuch'"'"'s path with it): notmuch walked, the files where they are' '
	mv "$MAIL" "$HOME/moved" && notmuch config set database.path "$HOME/moved" && MAIL=$HOME/moved &&
	scan c10 --full && test "$(kept c10)" = 0 && scan c11 --full && test "$(kept c11)" = 80 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked WHERE instr(msgs, CAST('"'"'$HOME/mail/'"'"' AS BLOB))")" = 0 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked WHERE instr(msgs, CAST('"'"'$HOME/moved/'"'"' AS BLOB))")" = 80'
done_testing
