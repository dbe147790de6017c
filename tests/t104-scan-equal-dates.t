#!/bin/sh
# Two messages of a thread dated the same second: leadup orders them by
# what they answer (a message after the one it replies to), then by
# Message-ID, never by the order notmuch indexed their files in.  Each
# case is indexed in two worlds, one file first in one and last in the
# other, and the worlds must agree on tags and on every field of
# `why --format=json`.
. "$(dirname "$0")/lib.sh"

home() { # home NAME: work in the world NAME from here on (its own HOME)
	HOME=$TMP/$1 XDG_CONFIG_HOME=$TMP/$1/.config XDG_DATA_HOME=$TMP/$1/.local/share
	NOTMUCH_CONFIG=$TMP/$1/.notmuch-config MAIL=$TMP/$1/mail
}
ME='Me <me@example.com>' ANN='Ann <ann@a.example>' BOB='Bob <bob@b.example>' CID='Cid <cid@c.example>'
MON='Mon, 16 Nov 2026'
# Each message is written by a function, so both worlds get the same bytes.
q0() { echo 'Could you send me the figures for October?' |
	msg sent q0@example.com "$ME" "$ANN" "$MON 10:00:00 +0000" 'Figures'; }
# Siblings, both answering q0 at 12:00:00: neither answers the other.
a1() { echo 'Which format do you want them in?' |
	msg inbox a1@a.example "$ANN" "$ME" "$MON 12:00:00 +0000" 'Re: Figures' q0@example.com; }
m1() { echo 'Could you also send the September figures?' |
	msg sent m1@example.com "$ME" "$ANN" "$MON 12:00:00 +0000" 'Re: Figures' q0@example.com; }
# A reply dated the second of its parent (a clock a little behind); its
# Message-ID sorts before its parent's.
zp() { echo 'Could you confirm the budget?' |
	msg sent zp@example.com "$ME" "$BOB" "$MON 10:00:00 +0000" 'Budget'; }
ar() { echo 'Which budget do you mean, the old one or the new one?' |
	msg inbox ar@b.example "$BOB" "$ME" "$MON 10:00:00 +0000" 'Re: Budget' zp@example.com; }
# A query naming a thread stands for its latest message: with two of one
# second, the same one in both worlds (c2: the Message-ID decides).
c1() { echo 'Could you book the venue?' |
	msg sent c1@example.com "$ME" "$CID" "$MON 11:00:00 +0000" 'Venue'; }
c2() { echo 'Which venue do you mean?' |
	msg inbox c2@c.example "$CID" "$ME" "$MON 11:00:00 +0000" 'Re: Venue' c1@example.com; }
# Two of one second that each answer the other (a loop of references, as
# broken clients write): the smaller Message-ID first, in both worlds.
x1() { echo 'Could you check the invoice?' | HDR='References: <x2@d.example>' \
	msg sent x1@example.com "$ME" 'Dee <dee@d.example>' "$MON 13:00:00 +0000" 'Invoice'; }
x2() { echo 'Which invoice do you mean?' |
	msg inbox x2@d.example 'Dee <dee@d.example>' "$ME" "$MON 13:00:00 +0000" 'Re: Invoice' x1@example.com; }
# World one indexes a1, ar, c2 and x2 first; world two m1, zp, c1 and x1 (one
# `notmuch new` each: notmuch numbers documents as it indexes them).
home one && world && q0 && index && a1 && ar && c2 && x2 && index && m1 && zp && c1 && x1 && index
home two && world && q0 && index && m1 && zp && c1 && x1 && index && a1 && ar && c2 && x2 && index

NOW=2026-11-17T09:00:00+00:00
for w in one two; do
	home $w && lu scan --quiet && lu done subject:Venue >/dev/null
	for id in q0@example.com a1@a.example m1@example.com zp@example.com ar@b.example \
		x1@example.com x2@d.example; do
		echo "$id $(tags $id)"
	done >$TMP/tags.$w
	for id in q0@example.com zp@example.com c1@example.com x1@example.com; do
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
# state ANCHOR ID: in both worlds, why of ID says STATE with ANCHOR
state() {
	for w in one two; do
		home $w && lu why --format=json "id:$3" >w.json &&
		grep -q "\"state\": *\"$1\"" w.json && grep -q "\"anchor\": *\"$2\"" w.json ||
		{ echo "in world $w:"; cat w.json; return 1; }
	done
}
t 'siblings of one second: the Message-ID orders them (m1 after a1: I wrote last)' '
	state awaiting m1@example.com q0@example.com'
t 'a reply of the same second as its parent comes after it: Bob asked last' '
	state needs-reply ar@b.example zp@example.com'
t 'answers in a loop: the smaller Message-ID first (x1, then x2: Dee asked last)' '
	state needs-reply x2@d.example x1@example.com'
done_testing
