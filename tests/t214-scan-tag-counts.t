#!/bin/sh
# What an incremental scan asks of notmuch beyond the changed messages
# (issue 14), counted, not timed.  Whether an anchor vanished: notmuch's
# count of the state tags read every tagged message (three quarters of a
# no-op scan at 300,000 messages); Xapian's term frequency of each state
# tag answers it in one look-up (helper/xapian-count.cc), and notmuch
# counts a queue only when its frequency differs from the items stored
# (LEADUP_DEBUG_COUNTS "tags counted by term frequency: N", "notmuch
# counts: M messages counted").  The delivery failures among the changed
# messages: they were asked for with the lastmod range again, which Xapian
# answers by reading every message's revision; now by the changed
# messages' threads ("lastmod ranges read: N", the range itself read:
# LEADUP_DEBUG_NO_DOCMARK; t217 tells the changed messages without it).
. "$(dirname "$0")/lib.sh"
world
ask a1@example.com 'Ann <ann@a.example>' 'Figures'
msg inbox a2@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 12:00:00 +0000' \
	'Re: Figures' a1@example.com <<'EOF'
Which format do you want them in?
EOF
ask b1@example.com 'Bob <bob@b.example>' 'Budget'
msg inbox b2@b.example 'Bob <bob@b.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 12:00:00 +0000' \
	'Re: Budget' b1@example.com <<'EOF'
Can you call me about it?
EOF
ask c1@example.com 'Cid <cid@nowhere.example>' 'Venue'
ask d1@example.com 'Dee <dee@d.example>' 'Tickets'
scanned

t 'before: two replies need mine, two questions await' '
	expect_tags a2@a.example "leadup/due leadup/needs-reply" &&
	expect_tags b2@b.example "leadup/due leadup/needs-reply" &&
	expect_tags c1@example.com "leadup/awaiting leadup/due" &&
	expect_tags d1@example.com "leadup/awaiting leadup/due"'
t 'the no-op scan counts the state tags by their term frequency; notmuch counts no message' '
	scan_counted noop && grep -q "nothing changed" noop &&
	test "$(debug_counted noop "tags counted by term frequency")" -gt 0 &&
	test "$(debug_counted noop "notmuch counts")" = 0 && test "$(debug_counted noop "lastmod ranges read")" = 0'
t 'without the term frequencies notmuch counts every tagged message, as before' '
	scan_counted noop2 LEADUP_DEBUG_NO_TERMFREQ=1 && grep -q "nothing changed" noop2 &&
	test "$(debug_counted noop2 "tags counted by term frequency")" = 0 &&
	test "$(debug_counted noop2 "notmuch counts")" = 4'
t 'a deleted anchor is still noticed: its queue counted again by notmuch, the thread decided again' '
	rm "$MAIL/inbox/cur/a2@a.example:2,S" && index && scan_counted gone &&
	! grep -q "nothing changed" gone && test "$(debug_counted gone "tags counted by term frequency")" -gt 0 &&
	test "$(debug_counted gone "notmuch counts")" = 1 &&
	expect_tags a1@example.com "leadup/awaiting leadup/due" && same_as_full'
t 'and without the term frequencies, as before' '
	rm "$MAIL/inbox/cur/b2@b.example:2,S" && index && scan_counted gone2 LEADUP_DEBUG_NO_TERMFREQ=1 &&
	test "$(debug_counted gone2 "tags counted by term frequency")" = 0 &&
	expect_tags b1@example.com "leadup/awaiting leadup/due" && same_as_full'
t 'a delivery failure among the changed messages: the lastmod range read once, my question bounced' '
	bounce c1r c1@example.com "Cid <cid@nowhere.example>" Venue && index && scan_counted bounced LEADUP_DEBUG_NO_DOCMARK=1 &&
	test "$(debug_counted bounced "lastmod ranges read")" = 1 &&
	expect_tags c1@example.com leadup/bounced && expect_tags c1r@mx.example.com "" && same_as_full'
t 'a reply after it: the lastmod range read once, the failure still known' '
	msg inbox d2@d.example "Dee <dee@d.example>" "Me <me@example.com>" "Wed, 18 Nov 2026 12:00:00 +0000" \
		"Re: Tickets" d1@example.com </dev/null && printf "Can you call me about it?\n" \
		>>"$MAIL/inbox/cur/d2@d.example:2,S" && index && scan_counted replied LEADUP_DEBUG_NO_DOCMARK=1 &&
	test "$(debug_counted replied "lastmod ranges read")" = 1 &&
	expect_tags d2@d.example "leadup/due leadup/needs-reply" &&
	expect_tags c1@example.com leadup/bounced && same_as_full'
# notmuch keeps a database whose path is not the mail's (the XDG layout:
# $XDG_DATA_HOME/notmuch/default) in DATABASE_PATH/xapian, not
# DATABASE_PATH/.notmuch/xapian.
t 'notmuch'\''s XDG layout: the term frequencies are asked there too' '
	mkdir -p "$XDG_DATA_HOME/notmuch/default" &&
	printf "[database]\nmail_root=%s\n[user]\nname=Me Myself\nprimary_email=me@example.com\n" "$MAIL" \
		>"$TMP/xdg-config" && export NOTMUCH_CONFIG="$TMP/xdg-config" && index &&
	test -d "$XDG_DATA_HOME/notmuch/default/xapian" && lu scan --quiet && scan_counted xdg &&
	grep -q "nothing changed" xdg && test "$(debug_counted xdg "tags counted by term frequency")" -gt 0 &&
	test "$(debug_counted xdg "notmuch counts")" = 0'
done_testing
