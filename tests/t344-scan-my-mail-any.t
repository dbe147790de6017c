#!/bin/sh
# Whether the index holds any mail from me (issue 14, session 45): before
# the rules count a sender's history, a first full scan asks it once
# (scan.c my_mail).  notmuch's count of all my mail read the positions of
# my addresses in every message of mine (32 M instructions at 10,000
# messages, 99 M at 30,000); Xapian is asked for one match of my
# addresses' phrases instead (xapian-count.cc lu_xcount_any_from): one
# notmuch count query fewer ("notmuch count queries: M"), none of my mail
# counted ("notmuch counts: 0 messages counted").  The tags and every state table are those of the
# scan that asks notmuch (LEADUP_DEBUG_NO_XADDR), with my mail and with
# none; LEADUP_DEBUG_CHECK_XADDR asks both and says when they differ.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
# Three questions from Ann (16th to 18th): never_answered asks for her
# history, so the scan asks whether I have any mail.
for day in 'Mon 16' 'Tue 17' 'Wed 18'; do
	set -- $day
	msg inbox "q$2@example.org" 'Ann <ann@x.example>' 'Me <me@example.com>' \
		"$1, $2 Nov 2026 09:00:00 +0000" "Question $2" <<'EOF' || exit 1
Could you send me the signed copy of the lease?
EOF
done
index
pristine
queries() { sed -n "s/^leadup: senders' counts from Xapian's postings: [0-9]*, notmuch count queries: \([0-9]*\)$/\1/p" "$1.err"; }
# both NAME: the first full scan as it runs, then asking notmuch: the same
both() {
	full_counted "$1" && full_counted "$1.nm" LEADUP_DEBUG_NO_XADDR=1 &&
		cmp "$1.tags" "$1.nm.tags" && cmp "$1.state" "$1.nm.state"
}
t 'no mail of mine: the tags and state those of notmuch'"'"'s count, none counted' '
	both none && test "$(debug_counted none.err "notmuch counts")" = 0 &&
	test "$(debug_counted none.nm.err "notmuch counts")" = 0 &&
	test "$(queries none)" = $(($(queries none.nm) - 1))'
t 'notmuch and Xapian agree that there is none' '
	full_counted nonechk LEADUP_DEBUG_CHECK_XADDR=1 && ! grep differs nonechk.err &&
	test "$(queries nonechk)" = $(($(queries none) + 1))'
# Two of mine, from each of my addresses (me.too: the config's second).
for n in 1 2; do
	msg sent "m$n@example.com" 'Me <me@example.com>' 'Bob <bob@y.example>' \
		"Mon, 0$n Nov 2026 10:00:00 +0000" "Note $n" <<'EOF'
Here are the figures we discussed.
EOF
done
index
rm -rf "$TMP/pristine" && pristine
t 'my mail: the tags and state those of notmuch'"'"'s count, not counted' '
	both mine && test "$(debug_counted mine.err "notmuch counts")" = 0 &&
	test "$(queries mine)" = "$(queries none)" &&
	test "$(debug_counted mine.nm.err "notmuch counts")" -ge 2'
t 'notmuch and Xapian agree that there is some' '
	full_counted minechk LEADUP_DEBUG_CHECK_XADDR=1 && ! grep differs minechk.err &&
	test "$(debug_counted minechk.err "notmuch counts")" -ge 2'
done_testing
