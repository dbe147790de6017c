#!/bin/sh
# A first scan counts a sender's history from the postings of the
# address's rarest word, each of those documents tested for mail, for the
# next rarest word unless that is common, for mine, and then for the
# phrase by its positions (issue 14, xapian-count.cc phrase_count),
# not with Xapian's matcher, which also skipped through the postings of
# the address's common words ("example") and of type:mail at each of its
# documents: those grow with the whole index, and made the senders'
# histories the first full scan's largest grower per message (1.43x from
# 10,000 to 30,000 messages).  Counted, not timed (LEADUP_DEBUG_COUNTS:
# "senders' counts' documents tested: N", the documents whose positions
# were read): N stays the same when mail from others at the same domain
# is added.  The counts are notmuch's
# (LEADUP_DEBUG_CHECK_XADDR), and the tags and every state table those of
# the matcher's (LEADUP_DEBUG_ADDR_MATCHER, which tests none).  t303 has
# more than 32 counts: the mail's document ids read once.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
# asker N ADDR: three questions from ADDR (16th-18th November), so the
# rules ask for my mail to them too (never_answered).
asker() {
	for d in 16 17 18; do
		msg inbox "q$d-$1@example.org" "Asker $1 <$2>" 'Me <me@example.com>' \
			"$(printf '%s, %s Nov 2026 09:00:00 +0000' "$(date -u -d "2026-11-$d" +%a)" "$d")" \
			"Question $1 $d" <<'EOF2'
Can you confirm the delivery address for the order, please?
EOF2
	done
}
asker 1 ann@x.example
asker 2 bob.stone@x.example
msg sent m1@example.com 'Me <me@example.com>' 'Ann <ann@x.example>' \
	'Mon, 02 Nov 2026 10:00:00 +0000' 'Note m1' <<'EOF2'
Here are the figures we discussed.
EOF2
index
pristine

scan() {
	_n=$1 && shift && start && env LEADUP_DEBUG_COUNTS=1 "$@" "$LEADUP" --now "$NOW" scan --full \
		2>"$_n.err" >/dev/null && cat "$_n.err" >&2 && state_dump "$_n"
}
tested() { debug_counted "$1.err" "senders' counts' documents tested"; }
histories() { debug_counted "$1.err" "senders' histories"; }
sent() { sqlite3 "$DB" "SELECT sent || ' ' || answered FROM senders WHERE addr = '$1'"; }

t 'each history the count of notmuch'"'"'s query, from the rarest word'"'"'s documents' '
	scan x LEADUP_DEBUG_CHECK_XADDR=1 && ! grep differs x.err && test "$(tested x)" -gt 0 &&
	test "$(sent ann@x.example)" = "3 1" && test "$(sent bob.stone@x.example)" = "3 0"'
t 'the tags and every state table those of Xapian'"'"'s matcher' '
	scan m LEADUP_DEBUG_ADDR_MATCHER=1 && test "$(tested m)" = 0 && scan x &&
	cmp x.tags m.tags && cmp x.state m.state'
# 60 messages of a list at x.example, from others at x.example: the
# words "x" and "example" in every one's From, no history of theirs asked
# (list mail).
t 'mail from others at the same domain: the same documents tested' '
	i=1 && while [ $i -le 60 ]; do
		HDR="List-Id: <team.x.example>" msg inbox "l$i@x.example" "Other $i <other$i@x.example>" \
			"team@x.example" "Tue, 10 Nov 2026 09:$((i % 60 / 10))$((i % 10)):00 +0000" "Team $i" \
			</dev/null || return 1
		i=$((i + 1))
	done && index && rm -rf "$TMP/pristine" && pristine &&
	scan y LEADUP_DEBUG_CHECK_XADDR=1 && ! grep differs y.err &&
	test "$(histories y)" = "$(histories x)" && test "$(tested y)" = "$(tested x)" &&
	test "$(sent ann@x.example)" = "3 1" && scan ym LEADUP_DEBUG_ADDR_MATCHER=1 && scan y &&
	cmp y.tags ym.tags && cmp y.state ym.state'
done_testing
