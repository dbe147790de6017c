#!/bin/sh
# Messages of a thread dated the same second are ordered by what they
# answer (t104).  That is read from the terms notmuch indexed each
# message's References and In-Reply-To as (XREFERENCE, one posting list a
# message: xapian-count.cc lu_xcount_answered), not by opening and parsing
# each file; a message of several files is read from its file (notmuch took
# its terms from the first file it indexed), and so is every message with
# LEADUP_DEBUG_NO_REFTERMS=1.  Two worlds of the same bytes, one read each
# way, must agree on tags and on `why`; each must have the order right
# (in Message-ID order every thread here would end with the other's
# question); LEADUP_DEBUG_COUNTS says which way was taken ("answers of one
# second: N from terms, M from files").
. "$(dirname "$0")/lib.sh"

home() { # home NAME: work in the world NAME from here on (its own HOME)
	HOME=$TMP/$1 XDG_CONFIG_HOME=$TMP/$1/.config XDG_DATA_HOME=$TMP/$1/.local/share
	NOTMUCH_CONFIG=$TMP/$1/.notmuch-config MAIL=$TMP/$1/mail
}
ME='Me <me@example.com>' BOB='Bob <bob@b.example>' CID='Cid <cid@c.example>' DEE='Dee <dee@d.example>'
MON='Mon, 16 Nov 2026'
# odd FOLDER NAME IRT REFS FROM TO SUBJECT MESSAGE-ID: a message at 12:00:00
# whose Message-ID, In-Reply-To and References are written as given.
odd() {
	{ printf 'From: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: %s\n' "$5" "$6" "$7" "$MON 12:00:00 +0000" "$8"
	  printf 'In-Reply-To: %s\nReferences: %s\n' "$3" "$4"
	  printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n'; cat; } | deliver "$1" "$2"
}
mail() {
	# Bob's question and my answer to it, in one second; my answer's
	# Message-ID sorts first.
	echo 'Could you send me the October figures?' |
		msg sent q1@example.com "$ME" "$BOB" "$MON 10:00:00 +0000" 'Figures'
	echo 'Which format do you want them in?' |
		msg inbox zb@b.example "$BOB" "$ME" "$MON 12:00:00 +0000" 'Re: Figures' q1@example.com
	echo 'As a spreadsheet, please. Could you send it by Friday?' |
		msg sent am@example.com "$ME" "$BOB" "$MON 12:00:00 +0000" 'Re: Figures' zb@b.example \
			'<q1@example.com> <zb@b.example>'
	# A Message-ID with spaces inside, answered with spaces and a comment
	# around it: notmuch's id is "zc odd@c.example" (lib/message-id.c).
	echo 'Could you book the venue?' |
		msg sent q2@example.com "$ME" "$CID" "$MON 10:00:00 +0000" 'Venue'
	echo 'Which venue do you mean?' |
		odd inbox zc '<q2@example.com>' '<q2@example.com>' "$CID" "$ME" 'Re: Venue' '<zc  odd@c.example>'
	echo 'The hall on Main Street. Could you confirm it by Friday?' |
		odd sent an '< zc  odd@c.example >' '<q2@example.com> (Cid) <zc  odd@c.example>' \
			"$ME" "$CID" 'Re: Venue' '<an@example.com>'
	# My answer in two files (sent, and a copy to myself in the inbox).
	echo 'Could you check the invoice?' |
		msg sent q3@example.com "$ME" "$DEE" "$MON 10:00:00 +0000" 'Invoice'
	echo 'Which invoice do you mean?' |
		msg inbox zd@d.example "$DEE" "$ME" "$MON 12:00:00 +0000" 'Re: Invoice' q3@example.com
	echo 'The one from March. Could you confirm the amount?' |
		msg sent ae@example.com "$ME" "$DEE" "$MON 12:00:00 +0000" 'Re: Invoice' zd@d.example \
			'<q3@example.com> <zd@d.example>'
	cp "$MAIL/sent/cur/ae@example.com:2,S" "$MAIL/inbox/cur/ae-copy:2,S"
}
home terms && world && mail && index
home files && world && mail && index

NOW=2026-11-17T09:00:00+00:00
for w in terms files; do
	home $w
	env=
	[ $w = files ] && env=LEADUP_DEBUG_NO_REFTERMS=1
	env $env LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --quiet 2>$TMP/counts.$w
	for id in q1@example.com zb@b.example am@example.com q2@example.com 'zc odd@c.example' \
		an@example.com q3@example.com zd@d.example ae@example.com; do
		echo "$id $(tags "$id")"
	done >$TMP/tags.$w
	for id in q1@example.com q2@example.com q3@example.com; do
		env $env "$LEADUP" --now "$NOW" why --format=json "id:$id" | grep -v '"thread":'
	done >$TMP/why.$w
done

t 'the scan read the runs from the terms, the message of two files from its file' '
	grep "answers of one second" $TMP/counts.terms &&
	grep -q "answers of one second: 5 from terms, 1 from files" $TMP/counts.terms'
t 'LEADUP_DEBUG_NO_REFTERMS=1 read every one from its file' '
	grep "answers of one second" $TMP/counts.files &&
	grep -q "answers of one second: 0 from terms, 6 from files" $TMP/counts.files'
t 'both ways give the same tags' '
	cat $TMP/tags.terms && diff $TMP/tags.terms $TMP/tags.files'
t 'both ways give the same why (state, anchor, reasons, message order)' '
	diff $TMP/why.terms $TMP/why.files'
# state STATE ANCHOR ID: in both worlds, why of ID says STATE with ANCHOR
state() {
	for w in terms files; do
		home $w && lu why --format=json "id:$3" >w.json &&
		grep -q "\"state\": *\"$1\"" w.json && grep -q "\"anchor\": *\"$2\"" w.json ||
		{ echo "in world $w:"; cat w.json; return 1; }
	done
}
t 'my answer of the same second comes after the question it answers: I asked last' '
	state awaiting am@example.com q1@example.com'
t 'an answer to a Message-ID written with spaces and a comment: I asked last' '
	state awaiting an@example.com q2@example.com'
t 'an answer kept in two files, read from its file: I asked last' '
	state awaiting ae@example.com q3@example.com'
done_testing
