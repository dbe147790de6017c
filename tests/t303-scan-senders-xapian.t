#!/bin/sh
# A first scan counts the senders' histories (their mail, from:"THEM";
# mine to them, `(from:"me" or ...) and to:"THEM"`) from Xapian's postings
# and positions (issue 14, xapian-count.cc lu_xcount_addr), not with a
# notmuch query a sender: notmuch's count of my mail to a sender walked
# the postings of every message of mine, so the first scan grew as the
# senders times my mail.  Counted, not timed
# (LEADUP_DEBUG_COUNTS: "senders' counts from Xapian's postings: N,
# notmuch count queries: M"): M stays the same when the senders double.
# Each count is notmuch's (LEADUP_DEBUG_CHECK_XADDR counts both and says
# when they differ), on notmuch's own phrase rules: an address is the
# phrase of its words, so my mail to bob@x.example.org counts for
# bob@x.example, and a name holding the words in order counts too; the
# words in another order do not.  The tags and every state table are those
# of the scan that asks notmuch (LEADUP_DEBUG_NO_XADDR).  The full walk's
# date windows are counted from the mail's dates read once from Xapian's
# value stream, not a notmuch count each, which read every message's date
# (LEADUP_DEBUG_NO_XDATES: each by notmuch, the same slices and order).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
# asker N ADDR: three questions from ADDR (on the 16th, 17th, 18th), so
# the rules ask for my mail to them too (never_answered).
asker() {
	for d in 16 17 18; do
		msg inbox "q$d-$1@example.org" "Asker $1 <$2>" 'Me <me@example.com>' \
			"$(printf '%s, %s Nov 2026 09:00:00 +0000' "$(date -u -d "2026-11-$d" +%a)" "$d")" \
			"Question $1 $d" <<'EOF'
Can you confirm the delivery address for the order, please?
EOF
	done
}
# mine ID FROM TO: my message of 2 November, a thread of its own.
mine() {
	msg sent "$1" "$2" "$3" 'Mon, 02 Nov 2026 10:00:00 +0000' "Note $1" <<'EOF'
Here are the figures we discussed.
EOF
}
asker 1 ann@x.example
asker 2 bob@x.example
asker 3 carl_d+news@y-z.example
asker 4 dora.lee@x.example
mine m1@example.com 'Me <me@example.com>' 'Ann <ann@x.example>'
mine m2@example.com 'Me <me.too@example.net>' 'Team <team@x.example>, ann@x.example'
mine m3@example.com 'Me <me@example.com>' 'Bob <bob@x.example.org>'
mine m4@example.com 'Me <me@example.com>' 'carl_d+news@y-z.example'
mine m5@example.com 'Me <me@example.com>' '"dora lee x example" <desk@w.example>'
mine m6@example.com 'Me <me@example.com>' 'Lee Dora <lee.dora@x.example>'
msg inbox o1@example.org 'Zed <zed@x.example>' 'Ann <ann@x.example>' \
	'Tue, 03 Nov 2026 10:00:00 +0000' 'Not mine' <<'EOF'
A message to Ann that I did not write.
EOF
index
pristine

# scan NAME [VAR=VALUE]: the first full scan from start, counted (NAME.err), then state_dump NAME.
scan() {
	_n=$1 && shift && start && env LEADUP_DEBUG_COUNTS=1 "$@" "$LEADUP" --now "$NOW" scan --full \
		2>"$_n.err" >/dev/null && cat "$_n.err" >&2 && state_dump "$_n"
}
xcounts() { sed -n "s/^leadup: senders' counts from Xapian's postings: \([0-9]*\), .*/\1/p" "$1.err"; }
queries() { sed -n "s/^leadup: senders' counts from Xapian's postings: [0-9]*, notmuch count queries: \([0-9]*\)$/\1/p" "$1.err"; }
# histories NAME: the histories counted, less the one count of whether I have mail at all (my_mail).
histories() { echo $(($(debug_counted "$1.err" "senders' histories") - 1)); }
sent() { sqlite3 "$DB" "SELECT sent || ' ' || answered FROM senders WHERE addr = '$1'"; }

t 'every history from Xapian, each the count of notmuch'"'"'s query' '
	scan x LEADUP_DEBUG_CHECK_XADDR=1 && ! grep differs x.err &&
	test "$(histories x)" -gt 4 && test "$(xcounts x)" = "$(histories x)"'
t 'notmuch'"'"'s phrases: two of mine to Ann, Bob'"'"'s by a longer address, Dora'"'"'s by a name' '
	test "$(sent ann@x.example)" = "3 2" && test "$(sent bob@x.example)" = "3 1" &&
	test "$(sent carl_d+news@y-z.example)" = "3 1" && test "$(sent dora.lee@x.example)" = "3 1"'
windows() { debug_counted "$1.err" "date windows counted from the dates read once"; }
order() { sed -n 's/^leadup: walk order: //p' "$1.err"; }
t 'the tags and every state table those of the scan that asks notmuch' '
	scan x && scan nm LEADUP_DEBUG_NO_XADDR=1 LEADUP_DEBUG_NO_XDATES=1 && test "$(xcounts nm)" = 0 &&
	test "$(queries nm)" -gt "$(histories nm)" && cmp x.tags nm.tags && cmp x.state nm.state'
# The full walk plans its date slices by counting windows of dates
# (nm.c plan_slices): from the dates read once, the same windows and slices.
t 'the walk'"'"'s date windows from the dates read once: the same slices and order' '
	test "$(windows x)" -gt 0 && test "$(windows nm)" = 0 &&
	test "$(queries nm)" -ge $(($(histories nm) + $(windows x))) && test "$(order x)" = "$(order nm)" &&
	grep "^leadup: date slices" x.err >xs && grep "^leadup: date slices" nm.err | cmp - xs'
# 40 more: past MINE_SET_AFTER (32) counts of my mail to someone, the
# mail from me is read once by document id, not by phrase at each message.
t 'ten times the senders: more histories, the same notmuch count queries' '
	i=5 && while [ $i -le 44 ]; do
		asker $i "asker$i@x$((i % 3)).example" || return 1
		[ $((i % 2)) = 0 ] && { mine "n$i@example.com" "Me <me@example.com>" "asker$i@x$((i % 3)).example" || return 1; }
		i=$((i + 1))
	done && index && rm -rf "$TMP/pristine" && pristine &&
	scan x2chk LEADUP_DEBUG_CHECK_XADDR=1 && ! grep differs x2chk.err && scan x2 &&
	test "$(histories x2)" -gt 80 && test "$(queries x2)" = "$(queries x)" &&
	test "$(xcounts x2)" = "$(histories x2)" && test "$(sent asker6@x0.example)" = "3 1" &&
	test "$(sent asker7@x1.example)" = "3 0"'
done_testing
