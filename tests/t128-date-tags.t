#!/bin/sh
# Date tags (issue 11.11): the anchor of a queue item carries the day it
# falls due, leadup/due/YYYY-MM-DD, or a snoozed thread the day it wakes,
# leadup/wakes/YYYY-MM-DD, in the user's zone, so NeoMutt's index can show
# it.  A decision moves it at once, undo moves it back, leaving the queue
# removes it, and a scan that changes nothing writes nothing.
. "$(dirname "$0")/lib.sh"
world
msg sent s1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Figures' <<'EOF'
Could you send me the figures for October?
EOF
msg sent r1@example.com 'Me <me@example.com>' 'Eve <eve@e.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Slides' <<'EOF'
Here are the slides from the workshop.
EOF
msg sent n1@example.com 'Me <me@example.com>' 'Dee <dee@d.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Workshop' <<'EOF'
Could you tell me when the workshop takes place?
EOF
index
# Every day below is a day in Pacific/Auckland (UTC+13 in December), whatever
# TZ the test runs under: a date tag made from the UTC day would be a day early.
printf '[time]\ntimezone=Pacific/Auckland\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-20T09:00:00+13:00
rev() { notmuch count --lastmod '*' | cut -f3; }
# due_day MSGID [QUEUE]: the day 'leadup queue QUEUE' (awaiting) gives the item's due date
due_day() { lu queue "${2:-awaiting}" --format=json | tr '{' '\n' | grep "\"message_id\":\"$1\"" |
	sed -n 's/.*"due_at":"\([0-9-]*\)T.*/\1/p'; }

t 'a first scan tags each awaiting anchor with the day it falls due' '
	lu scan --quiet && expect_tags s1@example.com "leadup/awaiting leadup/due" &&
	d=$(due_day s1@example.com) && test -n "$d" && expect_date s1@example.com "leadup/due/$d" &&
	expect_date n1@example.com "leadup/due/$(due_day n1@example.com)" && expect_date r1@example.com ""'
t 'a remind tags the day, in the configured zone (09:00 there is 20:00 UTC the day before)' '
	lu remind "2026-12-05 09:00" id:r1@example.com >/dev/null &&
	expect_tags r1@example.com leadup/awaiting && expect_date r1@example.com leadup/due/2026-12-05'
t 'a new decision moves the date tag: the old day goes' '
	lu next-step 2026-12-08 they send the slides back id:r1@example.com >/dev/null &&
	expect_tags r1@example.com leadup/promise-theirs && expect_date r1@example.com leadup/due/2026-12-08'
t 'undo puts the day back' '
	lu undo id:r1@example.com >/dev/null && expect_tags r1@example.com leadup/awaiting &&
	expect_date r1@example.com leadup/due/2026-12-05'
t 'undo of the remind itself: the thread is untracked again, and the day goes' '
	lu undo id:r1@example.com >/dev/null && expect_tags r1@example.com "" && expect_date r1@example.com "" &&
	lu remind "2026-12-05 09:00" id:r1@example.com >/dev/null && expect_date r1@example.com leadup/due/2026-12-05'
t 'a snoozed thread carries the day it wakes, and no due day' '
	lu snooze 2026-12-10 id:s1@example.com >/dev/null && expect_tags s1@example.com leadup/snoozed &&
	expect_date s1@example.com leadup/wakes/2026-12-10'
t 'leadup queue snoozed shows the day it wakes (text and JSON)' '
	lu queue snoozed >out && grep -q "Thu 10 Dec" out && test "$(due_day s1@example.com snoozed)" = 2026-12-10'
t 'a rescan changes nothing: no tag is written again' '
	r0=$(rev) && lu scan --quiet --full && test "$(rev)" = "$r0" &&
	expect_date s1@example.com leadup/wakes/2026-12-10 && expect_date r1@example.com leadup/due/2026-12-05'
t 'leaving the queue removes the date tag (done)' '
	lu done id:s1@example.com >/dev/null && expect_tags s1@example.com leadup/closed &&
	expect_date s1@example.com ""'
t 'leaving the queue removes the date tag (an answer came)' '
	expect_date n1@example.com "leadup/due/$(due_day n1@example.com)" &&
	printf "It is on the 3rd, in the main hall.\n" | msg inbox n2@d.example "Dee <dee@d.example>" \
		"Me <me@example.com>" "Wed, 18 Nov 2026 10:00:00 +0000" "Re: Workshop" n1@example.com &&
	index && lu scan --quiet && expect_tags n1@example.com "" && expect_date n1@example.com "" &&
	expect_tags n2@d.example leadup/no-next-step &&
	expect_date n2@d.example "leadup/due/$(due_day n2@d.example no-next-step)"'
mkfifo hold
hold() { { notmuch tag --batch <hold & } && exec 3>hold && wait_locked; }
release() { exec 3>&-; wait; }
t 'a decision taken while notmuch is locked: the next scan moves the day' '
	printf "[time]\ntimezone=Pacific/Auckland\n[scan]\nlock_wait=1\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	{ hold && lu snooze 2026-12-09 id:r1@example.com >/dev/null 2>err; rc=$?; release; test "$rc" = 0; } &&
	grep -q "snooze stored" err && expect_date r1@example.com leadup/due/2026-12-05 &&
	lu scan --quiet && expect_tags r1@example.com leadup/snoozed && expect_date r1@example.com leadup/wakes/2026-12-09 &&
	lu undo id:r1@example.com >/dev/null && expect_date r1@example.com leadup/due/2026-12-05'
# Mutt has no tags: the queue maildir holds leadup's own copy of a dated
# anchor, with the day in X-Label, written once and hard-linked into each
# rebuild; the user's file is never changed.
Q=$TMP/queues
entry() { grep -l "^Message-ID: <$1>" "$Q/$2"/cur/* 2>/dev/null; } # entry MSGID QUEUE
t 'queue --maildir: a dated anchor is a copy with the day in X-Label, the message file untouched' '
	f=$(ls "$MAIL"/sent/cur/r1@example.com*) && sum=$(cksum <"$f") &&
	lu queue --maildir "$Q" 2>/dev/null && e=$(entry r1@example.com awaiting) && test -f "$e" && test ! -L "$e" &&
	grep -qx "X-Label: due Sat 5 Dec" "$e" && sed "/^X-Label: due Sat 5 Dec\$/d" "$e" | cmp - "$f" &&
	test "$(cksum <"$f")" = "$sum" && test "$(stat -c %a "$e")" = 600'
t 'a rebuild links the same copy again; once the thread leaves, the copy goes' '
	i=$(stat -c %i "$(entry r1@example.com awaiting)") && lu queue --maildir "$Q" 2>/dev/null &&
	test "$(stat -c %i "$(entry r1@example.com awaiting)")" = "$i" &&
	lu done id:r1@example.com >/dev/null && lu queue --maildir "$Q" 2>/dev/null &&
	test -z "$(entry r1@example.com awaiting)" && test -z "$(find "$Q/.copies" -inum "$i")"'
t 'a date tag lost or left over is put right by the next full scan' '
	lu reopen id:r1@example.com >/dev/null && lu remind "2026-12-05 09:00" id:r1@example.com >/dev/null &&
	notmuch tag -leadup/due/2026-12-05 +leadup/due/2026-01-01 -- id:r1@example.com &&
	lu scan --quiet --full && expect_date r1@example.com leadup/due/2026-12-05'
done_testing
