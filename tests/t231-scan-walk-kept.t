#!/bin/sh
# A scan after a settings change, or scan --full, reads notmuch's every
# message no more when the index is the one the last full walk read (issue
# 14), counted, not timed (LEADUP_DEBUG_COUNTS: "threads from the kept
# walk", "notmuch reads").  A full walk keeps each thread's messages as
# notmuch gave them, with the tags it wrote on (schema 12, table walked,
# meta "walked"); the next walk of every thread reads them instead while
# notmuch's uuid and message count and the drafts setting are what the
# record was kept under, the threads of the messages changed since (a tag,
# an answer added: t235 has more) read from notmuch again.  The same tags
# and state as walking notmuch; a message removed without a new revision,
# or the drafts setting changed, walks notmuch.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask a1@example.com 'Q <q@q.example>' 'Budget'
ask a2@example.com 'R <r@r.example>' 'Venue'
msg inbox q-a@example.org 'Stranger <a@stranger.example>' 'Me <me@example.com>' \
	'Wed, 18 Nov 2026 09:00:00 +0000' 'Question' <<'EOF'
Can you confirm the delivery address, please?
EOF
for d in 16 17 18; do
	notice "$d"
done
index

scan() { walk_scan "$@"; } # lib.sh: the scan counted, its state dumped
kept() { walk_kept "$1"; }
again() { walk_again "$1"; }
looked() { walk_looked "$1"; }
read_msgs() { sed -n 's/^leadup: notmuch reads: [0-9]* thread queries, \([0-9]*\) messages$/\1/p' "$1.err"; }
# setting N [MORE]: the first chase after N business days ([awaiting] first), and MORE.
setting() { printf '[awaiting]\nfirst=%s\n%s' "$1" "${2:-}" >"$XDG_CONFIG_HOME/leadup/config"; }
# fresh NAME: the same state walked from notmuch: the kept walk forgotten, a full scan.
fresh() { sqlite3 "$DB" "DELETE FROM meta WHERE key = 'walked'" && scan "$1" --full && test "$(kept "$1")" = 0; }
# unordered STATE: the state dump with the kept walk's rows as a set (its
# position column left out, the rows sorted): threads whose newest messages
# share a second are in notmuch's walk in the order of its documents, which
# a replay does not know (it gives the threads read again after the kept ones
# of that second; the decisions do not depend on it).
unordered() {
	awk -v sort="LC_ALL=C sort" '/^== / {fflush(); close(sort); w = ($0 == "== walked")}
		w && !/^== / {sub(/^[0-9]+\|/, ""); print | sort; next} {print} END {fflush(); close(sort)}' "$1"
}
same() {
	diff "$1.tags" "$2.tags" && unordered "$1.state" >"$1.set" && unordered "$2.state" >"$2.set" &&
		diff "$1.set" "$2.set"
}
revision() { notmuch count --lastmod '*' | cut -f3; }

t 'the first full scan walks notmuch and keeps the walk' '
	scan first --full && test "$(kept first)" = 0 && test "$(read_msgs first)" = 6 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM walked")" = "$(looked first)" &&
	expect_tags a1@example.com "leadup/awaiting leadup/due"'
t 'after a settings change every thread is decided from the kept walk, notmuch read for none' '
	setting 10 && scan set && test "$(looked set)" = 6 && test "$(kept set)" = 6 &&
	test "$(read_msgs set)" = 0 && ! diff first.tags set.tags >/dev/null &&
	cp "$DB" kept.db && fresh set-fresh && same set set-fresh'
t 'the walk it keeps is the one notmuch gives, its own tag writes on: another change reads it' '
	cp kept.db "$DB" && rm "$XDG_CONFIG_HOME/leadup/config" && scan back && test "$(kept back)" = 6 &&
	diff first.tags back.tags && fresh back-fresh && same back back-fresh'
t 'scan --full reads the kept walk too; LEADUP_DEBUG_NO_KEPT_WALK walks notmuch' '
	scan full --full && test "$(kept full)" = 6 && test "$(read_msgs full)" = 0 && same back full &&
	LEADUP_DEBUG_NO_KEPT_WALK=1 scan full-nm --full && test "$(kept full-nm)" = 0 &&
	test "$(read_msgs full-nm)" -ge 6 && same back full-nm'
t 'a tag written to notmuch in between: its thread read from notmuch, the others kept' '
	notmuch tag +mine -- id:a2@example.com && setting 10 && scan tagged &&
	test "$(kept tagged)" = 5 && test "$(again tagged)" = 1 && test "$(read_msgs tagged)" = 2 &&
	fresh tagged-fresh && same tagged tagged-fresh'
t 'an answer added in between: its thread read from notmuch, and the answer seen' '
	msg inbox a1-re@example.com "Q <q@q.example>" "Me <me@example.com>" \
		"Thu, 19 Nov 2026 09:00:00 +0000" "Re: Budget" a1@example.com <<-EOF &&
	Here are the figures for October.
	EOF
	index && setting 12 && scan added && test "$(kept added)" = 5 && test "$(again added)" = 1 &&
	expect_tags a1@example.com "" && fresh added-fresh && same added added-fresh'
t 'a message removed, which leaves the revision as it was: notmuch is walked' '
	setting 10 && scan rest && test "$(kept rest)" = 6 &&
	rev=$(revision) && rm "$MAIL/inbox/cur/often16@example.org:2,S" && index &&
	test "$(revision)" = "$rev" && setting 12 && scan removed &&
	test "$(kept removed)" = 0 && test "$(looked removed)" = 5 &&
	fresh removed-fresh && same removed removed-fresh'
t 'the drafts setting changed: notmuch is walked (its mark of unsent mail)' '
	setting 10 && scan d0 && test "$(kept d0)" = 5 &&
	setting 12 "[scan]
drafts = Outbox
" && scan drafts && test "$(kept drafts)" = 0'
t 'a kept walk damaged on disk: a warning, notmuch walked, the same tags and state' '
	setting 12 && scan d0b && setting 10 && scan d1 && test "$(kept d1)" = 5 &&
	cp d1.tags d1-keep.tags &&
	sqlite3 "$DB" "UPDATE walked SET msgs = substr(msgs, 1, 9) WHERE pos = (SELECT max(pos) FROM walked)" &&
	setting 12 && scan damaged && grep -q "kept walk of every thread is damaged" damaged.err &&
	test "$(kept damaged)" = 0 && test "$(looked damaged)" = 5 &&
	fresh damaged-fresh && same damaged damaged-fresh &&
	setting 10 && scan healed && test "$(kept healed)" = 5 && diff d1-keep.tags healed.tags'
done_testing
