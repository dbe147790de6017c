#!/bin/sh
# Two messages of a thread dated the same second: leadup orders them by
# the reply tree (a message before its replies), then by Message-ID, never
# by the order notmuch indexed their files in.  Each case is indexed in
# two worlds, one file first in one and last in the other, and the worlds
# must agree on tags and on every field of `why --format=json`.
. "$(dirname "$0")/lib.sh"

home() { # home NAME: work in the world NAME from here on (its own HOME)
	HOME=$TMP/$1 XDG_CONFIG_HOME=$TMP/$1/.config XDG_DATA_HOME=$TMP/$1/.local/share
	NOTMUCH_CONFIG=$TMP/$1/.notmuch-config MAIL=$TMP/$1/mail
}
# Each message is written by a function, so both worlds get the same bytes.
q0() {
	msg sent q0@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' \
		'Mon, 16 Nov 2026 10:00:00 +0000' 'Figures' <<'EOB'
Could you send me the figures for October?
EOB
}
# Siblings, both answering q0 at 12:00:00: neither answers the other.
a1() {
	msg inbox a1@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' \
		'Mon, 16 Nov 2026 12:00:00 +0000' 'Re: Figures' q0@example.com <<'EOB'
Which format do you want them in?
EOB
}
m1() {
	msg sent m1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' \
		'Mon, 16 Nov 2026 12:00:00 +0000' 'Re: Figures' q0@example.com <<'EOB'
Could you also send the September figures?
EOB
}
# A reply dated the second of its parent (a clock a little behind); its
# Message-ID sorts before its parent's.
zp() {
	msg sent zp@example.com 'Me <me@example.com>' 'Bob <bob@b.example>' \
		'Mon, 16 Nov 2026 10:00:00 +0000' 'Budget' <<'EOB'
Could you confirm the budget?
EOB
}
ar() {
	msg inbox ar@b.example 'Bob <bob@b.example>' 'Me <me@example.com>' \
		'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Budget' zp@example.com <<'EOB'
Which budget do you mean, the old one or the new one?
EOB
}
# A query naming a thread stands for its latest message: with two of one
# second, the same one in both worlds (c2: the Message-ID decides).
c1() {
	msg sent c1@example.com 'Me <me@example.com>' 'Cid <cid@c.example>' \
		'Mon, 16 Nov 2026 11:00:00 +0000' 'Venue' <<'EOB'
Could you book the venue?
EOB
}
c2() {
	msg inbox c2@c.example 'Cid <cid@c.example>' 'Me <me@example.com>' \
		'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Venue' c1@example.com <<'EOB'
Which venue do you mean?
EOB
}
# World one indexes a1 and ar first; world two indexes m1 and zp first
# (one `notmuch new` each: notmuch numbers documents as it indexes them).
home one && world && q0 && index && a1 && ar && c2 && index && m1 && zp && c1 && index
home two && world && q0 && index && m1 && zp && c1 && index && a1 && ar && c2 && index

NOW=2026-11-17T09:00:00+00:00
for w in one two; do
	home $w && lu scan --quiet && lu done subject:Venue >/dev/null
	for id in q0@example.com a1@a.example m1@example.com zp@example.com ar@b.example; do
		echo "$id $(tags $id)"
	done >$TMP/tags.$w
	for id in q0@example.com zp@example.com c1@example.com; do
		lu why --format=json id:$id | grep -v '"thread":'
	done >$TMP/why.$w
done

t 'both index orders give the same tags' '
	cat $TMP/tags.one && diff $TMP/tags.one $TMP/tags.two'
t 'both index orders give the same why (state, anchor, reasons, message order)' '
	diff $TMP/why.one $TMP/why.two'
t 'a query stands for the same latest message in both: c2' '
	sed -n "/\"decisions\": \[\$/,\$p" $TMP/why.one | grep "\"message_id\":" >dec &&
	cat dec && grep -q "\"c2@c.example\"" dec'
t 'siblings of one second: the Message-ID orders them (m1 after a1: I wrote last)' '
	for w in one two; do
		home $w && lu why --format=json id:q0@example.com >w.json &&
		grep -q "\"state\": *\"awaiting\"" w.json &&
		grep -q "\"anchor\": *\"m1@example.com\"" w.json || { echo "in world $w:"; cat w.json; exit 1; }
	done'
t 'a reply of the same second as its parent comes after it: Bob asked last' '
	for w in one two; do
		home $w && lu why --format=json id:zp@example.com >w.json &&
		grep -q "\"state\": *\"needs-reply\"" w.json &&
		grep -q "\"anchor\": *\"ar@b.example\"" w.json || { echo "in world $w:"; cat w.json; exit 1; }
	done'
done_testing
