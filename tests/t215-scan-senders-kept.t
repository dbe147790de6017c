#!/bin/sh
# A full scan of the index the last full scan read counts no sender's
# history again (issue 14), counted, not timed (LEADUP_DEBUG_COUNTS,
# "senders' histories: N counts").  The rules ask how often a sender wrote
# to me and I to them (never_answered): one notmuch count each, whose cost
# grows with the mailbox (1.7 G of a warm full scan's 24.9 G instructions
# at 30,000 messages, 1,283 counts).  After a settings change every thread
# is decided again in the very same index, so the counts the last full scan
# kept are read instead; a message added (a new revision) or removed (the
# walk's count of the messages) has them counted again.  The same tags and
# state as counting afresh.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask a1@example.com 'Q <q@q.example>' 'Budget'
msg inbox q-a@example.org 'Stranger <a@stranger.example>' 'Me <me@example.com>' \
	'Wed, 18 Nov 2026 09:00:00 +0000' 'Question' <<'EOF'
Can you confirm the delivery address, please?
EOF
for d in 16 17 18; do
	notice "$d"
done
index

# full NAME [OPTION]: a scan (--full, or OPTION: '' for the plain scan), counted
# into NAME.err, then state_dump NAME.
full() {
	LEADUP_DEBUG_COUNTS=1 lu scan ${2-"--full"} 2>"$1.err" && cat "$1.err" >&2 && state_dump "$1"
}
counts() { sed -n "s/^leadup: senders' histories: \([0-9]*\) counts$/\1/p" "$1.err"; }
looked() { sed -n 's/^leadup: looked at \([0-9]*\) thread.*/\1/p' "$1.err"; }
kept() { sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '$1'"; }
interval() { printf '[awaiting]\ninterval=%s\n' "$1" >"$XDG_CONFIG_HOME/leadup/config"; }
# fresh NAME: the same full scan with the kept histories forgotten: counted afresh.
fresh() { sqlite3 "$DB" "DELETE FROM meta WHERE key = 'senders'" && full "$1" && test "$(counts "$1")" -gt 0; }
same() { diff "$1.tags" "$2.tags" && diff "$1.state" "$2.state"; }

t 'the first full scan counts the senders asked about' '
	full first && test "$(counts first)" -ge 3 && test "$(kept notices@corp.example)" = 3 &&
	expect_tags q-a@example.org "leadup/due leadup/needs-reply" && expect_tags often18@example.org ""'
t 'after a settings change every thread is decided again, and no history counted' '
	interval 8 && full set '' && test "$(looked set)" = 5 && test "$(counts set)" = 0 &&
	fresh set-fresh && same set set-fresh'
t 'nor by a full scan after it' '
	full warm && test "$(counts warm)" = 0 && same set-fresh warm'
revision() { notmuch count --lastmod '*' | cut -f3; }
t 'a message removed, which leaves the revision as it was: the histories are counted again' '
	rev=$(revision) && rm "$MAIL/inbox/cur/often16@example.org:2,S" && index &&
	test "$(revision)" = "$rev" && interval 7 && full removed '' &&
	test "$(counts removed)" -gt 0 && test "$(kept notices@corp.example)" = 2 &&
	fresh removed-fresh && same removed removed-fresh'
t 'a message added: the histories are counted again' '
	notice 19 && index && lu scan --quiet && full added && test "$(counts added)" -gt 0 &&
	test "$(kept notices@corp.example)" = 3 && fresh added-fresh && same added added-fresh'
# The histories are mine: how often a sender wrote to me and I to them.
t 'a change of who I am: the histories are counted again' '
	full before && test "$(counts before)" = 0 &&
	printf "[identity]\naddresses = me@example.com, q@q.example\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	full who "" && test "$(counts who)" -gt 0 && fresh who-fresh && same who who-fresh'
done_testing
