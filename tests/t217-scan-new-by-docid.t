#!/bin/sh
# The messages changed since the last scan, told by Xapian's document ids
# (issue 14).  notmuch's `lastmod:A..B` reads every message's revision (a
# value without an index: 83 M instructions at 300,000 messages) however
# few changed.  Xapian numbers a new document above every earlier one, so
# the new messages are those numbered above the newest document the last
# scan saw (meta "docmark"), and the old messages a new one changed are in
# its thread (notmuch rewrote the thread ids it joined).  Anything else
# (a revision of no new message: a tag change, a new or renamed file, a
# ghost that became a message; a renumbered database) leaves the range to
# read, as before.  LEADUP_DEBUG_COUNTS: "lastmod ranges read: N",
# "changes told by document ids: N"; LEADUP_DEBUG_NO_DOCMARK=1 reads the
# range, and each case compares the two from the same index and state.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
ask a1@example.com 'Ann <ann@a.example>' 'Figures'
ask b1@example.com 'Bob <bob@b.example>' 'Budget'
ask c1@example.com 'Cid <cid@c.example>' 'Venue'
ask d1@example.com 'Dee <dee@d.example>' 'Tickets'
ask m1@example.com 'Mo <mo@nowhere.example>' 'Rooms'
msg sent n1@example.com 'Me <me@example.com>' 'Nia <nia@n.example>' 'Mon, 1 Jun 2026 10:00:00 +0000' \
	'Old figures' <<'EOF'
Could you confirm the figures by Friday?
EOF
msg inbox e1@e.example 'Eve <eve@e.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 12:00:00 +0000' \
	'Plans' <<'EOF'
Can you tell me the plan for Monday?
EOF
msg inbox f1@f.example 'Eve <eve@e.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 13:00:00 +0000' \
	'Plans again' <<'EOF'
Can you also tell me who comes?
EOF
scanned
both() { # both NAME: the scan by the lastmod range (LEADUP_DEBUG_NO_DOCMARK), then the index and
	# state put back and the scan as it goes (its counts in NAME): the same tags and state
	rm -rf "$TMP/keep" && mkdir "$TMP/keep" && cp -a "$MAIL/.notmuch" "$STATE_DIR" "$TMP/keep/" &&
	scan_counted "$1.range" LEADUP_DEBUG_NO_DOCMARK=1 && state_dump "$1.range" &&
	test "$(debug_counted "$1.range" "lastmod ranges read")" = 1 &&
	rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/keep/.notmuch" "$MAIL/" &&
	cp -a "$TMP/keep/leadup" "$STATE_DIR" && scan_counted "$1" && state_dump "$1.ids" &&
	diff "$1.range.tags" "$1.ids.tags" && diff "$1.range.state" "$1.ids.state"; }
by_ids() { # by_ids NAME: that scan read no lastmod range
	test "$(debug_counted "$1" "lastmod ranges read")" = 0 && test "$(debug_counted "$1" "changes told by document ids")" = 1; }
by_range() { # by_range NAME: that scan read the lastmod range
	test "$(debug_counted "$1" "lastmod ranges read")" = 1 && test "$(debug_counted "$1" "changes told by document ids")" = 0; }
reply() { # reply ID FROM SUBJECT PARENT [REFERENCES]: a reply to me on Wednesday asking something
	msg inbox "$1" "$2" 'Me <me@example.com>' 'Wed, 18 Nov 2026 12:00:00 +0000' "$3" "$4" "${5:-}" <<'EOF'
Which format do you want them in?
EOF
}

t 'before: four questions await, two need my reply' '
	expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	expect_tags d1@example.com "leadup/awaiting leadup/due" &&
	expect_tags e1@e.example "leadup/due leadup/needs-reply" &&
	expect_tags f1@f.example "leadup/due leadup/needs-reply"'
t 'a reply: no lastmod range read, the same tags and state as the range gives' '
	reply a2@a.example "Ann <ann@a.example>" "Re: Figures" a1@example.com && index && both reply &&
	by_ids reply && expect_tags a2@a.example "leadup/due leadup/needs-reply" &&
	expect_tags a1@example.com ""'
t 'a new message that joins two threads: the joined messages are among the changed, as in the range' '
	reply j1@j.example "Bob <bob@b.example>" "Re: Budget" b1@example.com \
		"<c1@example.com> <b1@example.com>" && index &&
	test "$(notmuch search --output=threads id:c1@example.com)" = \
		"$(notmuch search --output=threads id:b1@example.com)" && both joined && by_ids joined &&
	expect_tags j1@j.example "leadup/due leadup/needs-reply"'
t 'two new messages in two threads: no range read' '
	reply d2@d.example "Dee <dee@d.example>" "Re: Tickets" d1@example.com &&
	reply e2@e.example "Eve <eve@e.example>" "Re: Plans" e1@e.example && index && both two &&
	by_ids two && expect_tags d2@d.example "leadup/due leadup/needs-reply"'
t 'a delivery failure of my question: told by ids, the question bounced as by the range' '
	bounce m1r m1@example.com "Mo <mo@nowhere.example>" Rooms && index && both bounced &&
	by_ids bounced && expect_tags m1@example.com leadup/bounced'
t 'a tag of an old message changed by the user (leadup reads it): the range read' '
	notmuch tag -leadup/needs-reply id:f1@f.example && both tagged && by_range tagged'
t 'a tag changed and a new message: the range read' '
	notmuch tag +draft id:f1@f.example &&
	reply g1@g.example "Gus <gus@g.example>" "Question" "" && index && both mixed && by_range mixed &&
	expect_tags f1@f.example ""'
t 'the next reply is told by ids again' '
	reply g2@g.example "Gus <gus@g.example>" "Re: Question" g1@g.example && index && both again &&
	by_ids again'
t 'queue --tags writes the dormant tag (the lazy tags move the mark past them): the next reply told by ids' '
	lu queue dormant --tags 2>err && grep -q "1 tag written" err &&
	reply g3@g.example "Gus <gus@g.example>" "Re: Question" g2@g.example && index && both lazy &&
	by_ids lazy'
t 'a decision (snooze) decides and tags its thread as a scan would, moving the mark past its writes: the next reply told by ids' '
	lu snooze 3d id:g3@g.example >/dev/null 2>&1 &&
	reply g4@g.example "Gus <gus@g.example>" "Re: Question" g3@g.example && index && both decided &&
	by_ids decided'
t 'a message that notmuch kept as a ghost (another referred to it) arrives: the range read' '
	reply h2@h.example "Hal <hal@h.example>" "Re: Lunch" h1@h.example && index && lu scan --quiet &&
	msg inbox h1@h.example "Hal <hal@h.example>" "Me <me@example.com>" "Tue, 17 Nov 2026 09:00:00 +0000" \
		"Lunch" </dev/null && index && both ghost && by_range ghost'
t 'the newest message the last scan saw deleted, then a reply: its mark is gone, the range read' '
	reply k1@k.example "Kim <kim@k.example>" "Keys" "" && index && lu scan --quiet &&
	rm "$MAIL/inbox/cur/k1@k.example:2,S" &&
	reply d3@d.example "Dee <dee@d.example>" "Re: Tickets" d2@d.example && index && both marked &&
	by_range marked && expect_tags d3@d.example "leadup/due leadup/needs-reply"'
# notmuch compact writes a new database (documents renumbered, another
# UUID): the next scan is a full one.
t 'a compacted database: no document ids trusted, the next scan a full one' '
	rm "$MAIL/inbox/cur/a2@a.example:2,S" "$MAIL/inbox/cur/e2@e.example:2,S" && index &&
	lu scan --quiet && notmuch compact --quiet >/dev/null 2>&1 &&
	reply a3@a.example "Ann <ann@a.example>" "Re: Figures" a1@example.com && index &&
	scan_counted compacted && test "$(debug_counted compacted "changes told by document ids")" = 0 &&
	test "$(debug_counted compacted "lastmod ranges read")" = 0 && ! grep -q "nothing changed" compacted &&
	expect_tags a3@a.example "leadup/due leadup/needs-reply" && same_as_full'
t 'and the reply after it is told by ids again' '
	reply a4@a.example "Ann <ann@a.example>" "Re: Figures" a3@example.com && index && both after &&
	by_ids after'

t 'LEADUP_DEBUG_NO_DOCMARK reads the range, as before' '
	reply a5@a.example "Ann <ann@a.example>" "Re: Figures" a4@a.example && index &&
	scan_counted forced LEADUP_DEBUG_NO_DOCMARK=1 && by_range forced && same_as_full'
done_testing
