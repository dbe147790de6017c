#!/bin/sh
# How a scan reads the messages of each thread it decides (issue 14; nm.c
# msg_from), two ways that must agree:
#  - the sender, from notmuch's From value: a value of the plainest form,
#    "Words <local@dom.ain>" or a bare addr, is read without GMime's
#    address parse (addr.c lu_addr_plain); any other goes to GMime;
#  - an incremental scan's whole threads: the date, From and Subject come
#    from one pass of each of notmuch's value streams along the threads'
#    documents (xapian-count.cc lu_xcount_values), not a look-up a value a
#    message through libnotmuch.
# Two worlds of the same bytes, one scanned with LEADUP_DEBUG_NO_PLAIN_ADDR=1
# and LEADUP_DEBUG_NO_VALUES=1 (the old ways), must agree on tags, `why`
# and the state, after the first scan and after a scan of new messages
# (whose sensed filter is the small one, scan.c SENSED_FEW_BITS);
# LEADUP_DEBUG_COUNTS says how many were read the new ways.
# tests/unit/addr-test compares the two readings of a sender value by
# value, its own tricky values and every sender of the mailbox.
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00

home() { home_world "$1"; } # home NAME: the world NAME (lib.sh)
ME='Me <me@example.com>'
mail() {
	"$ROOT/scripts/gen-corpus" "$MAIL/gen" 300 7 >/dev/null 2>&1 || return 1
	# Senders of every form: plain, quoted with a comma, encoded, a bare
	# addr, mine in capitals, Exchange's two dots (GMime refuses it: the
	# lenient read), a punycode domain, a comment.
	i=0
	for from in 'Bob Stone <bob@b.example>' '"Stone, Bob" <bob@b.example>' \
		'=?utf-8?q?J=C3=BCrgen_Weiss?= <jw@c.example>' 'cid@c.example' \
		'Dee <dee..lee@d.example>' 'Eve <eve@xn--bcher-kva.example>' 'Fay (work) <fay@f.example>' \
		'ME@EXAMPLE.COM' 'Gus <gus@localhost>'; do
		i=$((i + 1))
		echo 'Could you send me the October figures by Friday?' |
			msg inbox q$i@x.example "$from" "$ME" "Mon, 16 Nov 2026 1$i:00:00 +0000" "Figures $i"
		echo 'Yes, I will send them on Thursday.' |
			msg sent a$i@example.com "$ME" "$from" "Mon, 16 Nov 2026 1$i:30:00 +0000" "Re: Figures $i" \
				q$i@x.example
	done
}
# One index copied, so that both worlds have notmuch's thread ids and
# document order (two indexings number threads in each directory's order).
home plain && world && mail && index
cp -a "$TMP/plain" "$TMP/gmime" && sed -i "s#$TMP/plain#$TMP/gmime#" "$TMP/gmime/.notmuch-config"
senders() { # senders: every sender's value as notmuch writes it
	notmuch address --output=sender --deduplicate=no '*' | sort -u
}
home plain && senders >"$TMP/senders"

t 'the plain reading and GMime agree on each value (tests/unit/addr-test)' '
	"${UNIT_DIR:-$ROOT/tests/unit}/addr-test" "$TMP/senders" >addr.out; r=$?; cat addr.out; test $r = 0'

# scan WORLD STEP [ARGS]: the scan in WORLD (gmime: the old ways),
# counted into counts.WORLD.STEP, then its tags, why of the questions and state
scan() {
	home $1
	env=
	[ $1 = gmime ] && env="LEADUP_DEBUG_NO_PLAIN_ADDR=1 LEADUP_DEBUG_NO_VALUES=1"
	env $env LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --quiet $3 2>"$TMP/counts.$1.$2" &&
	for i in 1 2 3 4 5 6 7 8 9; do
		env $env "$LEADUP" --now "$NOW" why --format=json "id:q$i@x.example" | grep -v '"thread":'
	done >"$TMP/why.$1.$2" &&
	state_dump "$TMP/$1.$2"
}
own() { state_between_worlds "$1"; } # own STATE: lib.sh
same() { # same STEP: the two worlds agree after STEP
	own "$TMP/plain.$1.state" >"$TMP/plain.$1.own" && own "$TMP/gmime.$1.state" >"$TMP/gmime.$1.own" &&
	diff "$TMP/plain.$1.tags" "$TMP/gmime.$1.tags" && diff "$TMP/plain.$1.own" "$TMP/gmime.$1.own" &&
	diff "$TMP/why.plain.$1" "$TMP/why.gmime.$1" && wc -l "$TMP/plain.$1.tags" "$TMP/plain.$1.own"
}
scan plain first --full && scan gmime first --full
t 'the first scan read plain senders without GMime, none with LEADUP_DEBUG_NO_PLAIN_ADDR=1' '
	n=$(debug_counted "$TMP/counts.plain.first" "plain senders read without GMime") &&
	echo "plain: $n" && test "$n" -gt 300 &&
	test "$(debug_counted "$TMP/counts.gmime.first" "plain senders read without GMime")" = 0'
t 'the first scan: the same tags, why and state both ways' 'same first'
t 'the mixed senders are read: a needs-reply for each plain and odd one' '
	grep -c "\"state\"" "$TMP/why.plain.first" && ! grep -q "\"state\": *\"none\"" "$TMP/why.plain.first"'

for w in plain gmime; do
	home $w
	echo 'And the November ones too, please, when you have them.' |
		msg inbox n1@x.example '"Stone, Bob" <bob@b.example>' "$ME" 'Sun, 22 Nov 2026 10:00:00 +0000' \
			'Re: Figures 2' a2@example.com
	echo 'Thanks, one more question: could you check the totals?' |
		msg inbox n2@x.example 'Bob Stone <bob@b.example>' "$ME" 'Sun, 22 Nov 2026 11:00:00 +0000' \
			'Re: Figures 1' a1@example.com
	index
done
scan plain one && scan gmime one
t 'a scan after new messages: the same tags, why and state both ways' 'same one'
t 'it read the new messages plainly' '
	test "$(debug_counted "$TMP/counts.plain.one" "plain senders read without GMime")" -gt 0'
t 'it read the threads of the new messages from the value streams, not with the old ways' '
	n=$(debug_counted "$TMP/counts.plain.one" "messages'"'"' values read from the value streams") &&
	echo "values: $n" && test "$n" -ge 4 &&
	test "$(debug_counted "$TMP/counts.gmime.one" "messages'"'"' values read from the value streams")" = 0'
done_testing
