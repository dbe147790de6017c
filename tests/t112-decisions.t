#!/bin/sh
# The user's decisions: snooze, done, reopen, remind, next-step, mute; kept
# by Message-ID through --full scans and a rebuilt notmuch database.
. "$(dirname "$0")/lib.sh"
world
ask s1@example.com 'Ann <ann@a.example>' 'Figures'
ask d1@example.com 'Bob <bob@b.example>' 'More figures'
ask m1@example.com 'Cid <cid@c.example>' 'Even more figures'
ask n1@example.com 'Dee <dee@d.example>' 'Next step'
msg sent r1@example.com 'Me <me@example.com>' 'Eve <eve@e.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Slides' <<'EOF'
Here are the slides from Friday's workshop.
EOF
msg sent w1@example.com 'Me <me@example.com>' 'Fay <fay@f.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Minutes' <<'EOF'
Here are the minutes of Monday's meeting.
EOF
msg inbox w2@g.example 'Gus <gus@g.example>' 'Me <me@example.com>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Brochure' <<'EOF'
Our new brochure is attached.
EOF
scanned

t 'snooze hides the thread and says until when' '
	lu snooze tue id:s1@example.com >out && grep -q "snoozed \"Figures\" until Tue 24 Nov 2026 09:00" out &&
	expect_tags s1@example.com leadup/snoozed'
t 'snooze reads the message on standard input too' '
	lu snooze 2026-11-25 <"$MAIL/sent/cur/s1@example.com:2,S" >out && grep -q "Wed 25 Nov 2026 09:00" out'
NOW=2026-11-25T09:00:00+00:00
t 'the snooze ends at WHEN and the thread is due' '
	lu scan --quiet && expect_tags s1@example.com "leadup/awaiting leadup/due"'
t 'a snooze that ends on my message that no queue held brings it back as awaiting' '
	NOW=2026-11-20T09:00:00+00:00 &&
	expect_tags w1@example.com "" && lu snooze tue id:w1@example.com >/dev/null &&
	expect_tags w1@example.com leadup/snoozed &&
	NOW=2026-11-24T10:00:00+00:00 && lu scan --quiet &&
	expect_tags w1@example.com "leadup/awaiting leadup/due" &&
	lu why id:w1@example.com >out && grep -q "Your snooze ended Tue 24 Nov" out &&
	! grep -q "reminded" out'
t 'a snooze that ends on their message that asks nothing brings it back as needs-reply' '
	NOW=2026-11-20T09:00:00+00:00 &&
	expect_tags w2@g.example "" && lu snooze tue id:w2@g.example >/dev/null &&
	NOW=2026-11-23T09:00:00+00:00 && lu scan --quiet && expect_tags w2@g.example leadup/snoozed &&
	NOW=2026-11-24T10:00:00+00:00 && lu scan --quiet &&
	expect_tags w2@g.example "leadup/due leadup/needs-reply" &&
	lu draft id:w2@g.example >draft && grep -q "^To: Gus <gus@g.example>" draft &&
	! grep -q "[{}]" draft'
NOW=2026-11-20T09:00:00+00:00
t 'a new message wakes a snooze early' '
	lu snooze "next week" id:d1@example.com >/dev/null && expect_tags d1@example.com leadup/snoozed &&
	msg inbox d2@b.example "Bob <bob@b.example>" "Me <me@example.com>" "Fri, 20 Nov 2026 10:00:00 +0000" "Re: More figures" d1@example.com </dev/null &&
	printf "Will they do as a spreadsheet?\n" >>"$MAIL/inbox/cur/d2@b.example:2,S" && index &&
	NOW=2026-11-20T11:00:00+00:00 lu scan --quiet && expect_tags d2@b.example "leadup/needs-reply"'
t 'done closes a thread' '
	lu done id:m1@example.com >out && grep -q "done with \"Even more figures\"" out &&
	expect_tags m1@example.com leadup/closed'
t 'reopen undoes it' '
	lu reopen id:m1@example.com >out && grep -q "reopened" out &&
	expect_tags m1@example.com "leadup/awaiting leadup/due"'
t 'mute stops tracking for good' '
	lu mute id:m1@example.com >/dev/null && expect_tags m1@example.com leadup/muted'
t 'remind tracks a message that asks nothing, due at WHEN' '
	expect_tags r1@example.com "" &&
	lu remind 2026-11-24 id:r1@example.com >out && grep -q "remind you" out &&
	expect_tags r1@example.com leadup/awaiting &&
	NOW=2026-11-24T09:00:00+00:00 lu scan --quiet && expect_tags r1@example.com "leadup/awaiting leadup/due"'
t 'next-step records an agreed step: theirs by default' '
	lu next-step "next friday" send the signed order id:n1@example.com >out &&
	grep -q "next step for \"Next step\" (theirs)" out && grep -q "send the signed order" out &&
	expect_tags n1@example.com leadup/promise-theirs'
t 'next-step --mine makes it my promise' '
	lu next-step --mine 2026-12-01 id:n1@example.com >/dev/null && expect_tags n1@example.com leadup/promise-mine'
t 'decisions survive a full scan' '
	lu scan --quiet --full && expect_tags m1@example.com leadup/muted && expect_tags n1@example.com leadup/promise-mine'
t 'decisions survive a rebuilt notmuch database' '
	rm -rf "$MAIL/.notmuch" && notmuch new --quiet && expect_tags m1@example.com "" &&
	lu scan --quiet && expect_tags m1@example.com leadup/muted && expect_tags n1@example.com leadup/promise-mine &&
	expect_tags r1@example.com leadup/awaiting'
t 'why lists the decisions taken, with when' '
	lu why id:m1@example.com >out && grep -q "mute" out && grep -q "Fri 20 Nov 2026" out'
t 'a bad WHEN is a usage error and changes nothing' '
	lu snooze blorp id:s1@example.com 2>err; test $? = 64 && grep -q "cannot read WHEN" err'
t 'a WHEN in the past is refused' '
	lu snooze 2020-01-01 id:s1@example.com 2>err; test $? = 64 && grep -q "in the past" err'
t 'an unknown message is a clear error' '
	lu done id:nope@example.com 2>err; test $? = 66 && grep -q "not in the notmuch database" err'
t 'an unknown option is a usage error' 'lu done --bogus id:s1@example.com 2>err; test $? = 64'
t 'no message and no id is a usage error' 'lu done </dev/null 2>err; test $? = 64'
done_testing
