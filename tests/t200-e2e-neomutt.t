#!/bin/sh
# The real NeoMutt under tmux, with muttrc.d/leadup.neomuttrc: a queue lists
# its threads; the draft key opens the compose screen on the drafted
# lead-up, which is sent (to a fake sendmail) with the right headers and
# leaves the due queue after a scan; snooze, done, next-step, remind and why
# change what the client shows at once; a reply recorded with $nm_record
# does not keep the leadup tags it inherits.
. "$(dirname "$0")/e2e-lib.sh"
e2e_need neomutt less
neomutt -v 2>/dev/null | grep -q '+notmuch' || skip_all "this NeoMutt has no notmuch support"
world
# Dated before E2E_NOW, the clock of the client and its keys (e2e-lib.sh).
OLD=$(e2e_date 10) RECENT=$(e2e_date 2)
ask() { msg sent "$1" 'Me Myself <me@example.com>' "$2" "$OLD" "$3"; }
printf 'Hi Ann,\n\nCould you confirm the budget for the website project?\n\nBest,\nMe\n' |
	ask q1@example.com 'Ann Smith <ann@client.example>' 'Website budget'
echo 'Could you send me the figures for October?' | ask s1@example.com 'Bob <bob@b.example>' 'Figures'
echo 'Could you sign the contract this week?' | ask d1@example.com 'Cid <cid@c.example>' 'Contract'
echo 'Could you tell me when the workshop takes place?' | ask n1@example.com 'Dee <dee@d.example>' 'Workshop'
echo 'Could you approve the travel budget?' | ask b1@example.com 'Fay <fay@f.example>' 'Travel'
echo 'Here are the slides from the workshop.' |
	msg sent r1@example.com 'Me Myself <me@example.com>' 'Eve <eve@e.example>' "$RECENT" 'Slides'
index
e2e_bin
"$LEADUP" setup --hook >/dev/null
lx scan --quiet
e2e_neomuttrc 'set fast_reply=yes abort_unmodified=no include=yes'
e2e_start neomutt

t 'NeoMutt starts with the leadup queues in the sidebar' '
	e2e_wait "Lead-up: awaiting reply" && e2e_wait "Lead-up: due now"'
t ',ga opens the awaiting queue, which lists the threads' '
	e2e_type ,ga && e2e_wait "NeoMutt: Lead-up: awaiting reply" &&
	e2e_wait "Website budget" && e2e_wait "Figures" && e2e_wait "Contract" && e2e_gone "Slides" 1'

# --- the draft key: compose screen, body, send
lx draft id:q1@example.com --quiet --output "$TMP/expected.eml"
t ',l opens the compose screen on the lead-up for the current thread' '
	e2e_select "Website budget" && e2e_type ,l &&
	e2e_wait "Subject: Re: Website budget" && e2e_wait "To: Ann Smith <ann@client.example>"'
t 'the compose screen holds the drafted body' '
	e2e_key Enter && e2e_wait "Thank|Hi Ann" &&
	sed "1,/^\$/d" "$TMP/expected.eml" | grep -v "[0-9]" | grep -v "^ *\$" | head -n 3 >lines &&
	test -s lines && while IFS= read -r l; do e2e_waitf "$l" 3 || exit 1; done <lines &&
	e2e_type q && e2e_wait "Attachments"'
t 'the draft key restored \$postponed, \$wait_key and \$pipe_decode' '
	e2e_type : && e2e_enter "echo \"pp=\$postponed wk=\$wait_key pd=\$pipe_decode\"" &&
	e2e_wait "pp=$MAIL/drafts wk=yes pd=no"'
t 'the draftbox is empty once the draft is recalled' '
	test -z "$(find "$HOME/.cache/leadup/draftbox" -type f)"'
t ',l in the compose screen lints the draft and waits for Enter' '
	e2e_type ,l && e2e_prompt "Press Enter to go back" && grep -q "^lint --text" "$E2E_LOG" &&
	e2e_key Enter && e2e_wait "Attachments"'
t 'y sends it' 'e2e_type y && e2e_file "$OUTBOX/1.eml" && e2e_wait "Mail sent"'
t 'what was sent has the right To, Subject, In-Reply-To and References' '
	m=$OUTBOX/1.eml
	e2e_hdr "$m" To | grep -q "ann@client.example" &&
	test "$(e2e_hdr "$m" Subject)" = "Re: Website budget" &&
	e2e_hdr "$m" Date | grep -q "25 Nov 2026" &&
	test "$(e2e_hdr "$m" In-Reply-To)" = "<q1@example.com>" &&
	e2e_hdr "$m" References | grep -q "<q1@example.com>" &&
	! e2e_hdr "$m" Cc | grep -q . &&
	grep -q "Could you confirm the budget" "$m" || { sed -n "1,/^\$/p" "$m"; exit 1; }'
t 'after notmuch new and leadup scan the thread has left the due queue' '
	lx queue due | grep -q "Website budget" &&
	notmuch new --quiet && lx scan --quiet && ! lx queue due | grep -q "Website budget" &&
	sent=$(notmuch search --output=messages "subject:\"Re: Website budget\"" | sed "s/^id://") &&
	expect_tags "$sent" leadup/awaiting && expect_tags q1@example.com ""'
t ',gd shows the due queue without it' '
	e2e_type ,gd && e2e_wait "NeoMutt: Lead-up: due now" && e2e_wait "Figures" && e2e_gone "Website budget" 3'

# --- decisions: each changes what the open queue shows at once
t ',s asks WHEN on the terminal and snoozes; the thread leaves the queue' '
	e2e_type ,ga && e2e_wait "NeoMutt: Lead-up: awaiting reply" && e2e_select Figures &&
	e2e_type ,s && e2e_prompt "Snooze until .*empty cancels" && e2e_enter 3d &&
	e2e_wait "leadup: snoozed until" && e2e_gone Figures && expect_tags s1@example.com leadup/snoozed'
t 'a WHEN that does not read is asked again; an empty one cancels' '
	e2e_select Contract && e2e_type ,s && e2e_prompt "Snooze until" && e2e_enter blorp &&
	e2e_prompt "Snooze until" && e2e_screen | grep -q "cannot read WHEN" && e2e_key Enter &&
	e2e_wait "leadup: snooze cancelled; nothing changed" && expect_tags d1@example.com "leadup/awaiting leadup/due"'
t ',d closes the thread; ,gc lists it' '
	e2e_select Contract && e2e_type ,d && e2e_wait "leadup: done" && e2e_gone Contract &&
	expect_tags d1@example.com leadup/closed &&
	e2e_type ,gc && e2e_wait "tag:leadup/closed" && e2e_wait Contract'
t ',o reopens it' '
	e2e_select Contract && e2e_type ,o && e2e_wait "leadup: reopened: awaiting" && e2e_gone Contract &&
	expect_tags d1@example.com "leadup/awaiting leadup/due"'
t ',n asks WHEN and what was agreed; the thread moves to they promised' '
	e2e_type ,ga && e2e_wait "NeoMutt: Lead-up: awaiting reply" && e2e_select Workshop &&
	e2e_type ,n && e2e_prompt "Next step due" && e2e_enter 5d &&
	e2e_prompt "What was agreed" && e2e_enter "they send the agenda" &&
	e2e_wait "leadup: next step \\(theirs\\)" && e2e_gone Workshop &&
	expect_tags n1@example.com leadup/promise-theirs && lx why id:n1@example.com | grep -q "they send the agenda" &&
	e2e_type ,gt && e2e_wait "NeoMutt: Lead-up: they promised" && e2e_wait Workshop'
t ',r in the sent folder tracks a message that asks nothing; ,ga lists it' '
	e2e_type c && e2e_enter "=sent" && e2e_wait "NeoMutt: =sent" && e2e_select Slides &&
	e2e_type ,r && e2e_prompt "Remind me if no reply by" && e2e_enter 2d &&
	e2e_wait "leadup: will remind you on" && expect_tags r1@example.com leadup/awaiting &&
	e2e_type ,ga && e2e_wait "NeoMutt: Lead-up: awaiting reply" && e2e_wait Slides'
t ',w shows why in a pager, from the pager too' '
	e2e_select Slides && e2e_key Enter && e2e_wait "Subject: Slides" && e2e_type ,w &&
	e2e_wait "State: +awaiting" && e2e_wait "Rule:" && e2e_type q && e2e_wait "Subject: Slides" &&
	e2e_type q && e2e_wait "NeoMutt: Lead-up: awaiting reply"'
t ',R shows the morning report in a pager' '
	e2e_type ,R && e2e_wait "leadup report for" && e2e_wait "Due today" && e2e_type q &&
	e2e_wait "NeoMutt: Lead-up: awaiting reply"'
t ',u scans and shows the counts' '
	e2e_type ,u && e2e_wait "leadup: [0-9]+ due, " && e2e_wait Slides'

# --- $nm_record: NeoMutt gives the reply the tags of the message answered
t 'a reply recorded by nm_record inherits leadup tags, which the next scan removes' '
	e2e_select Travel && e2e_type r && e2e_wait "Subject: Re: Travel" && e2e_type y &&
	e2e_file "$OUTBOX/2.eml" && e2e_wait "Mail sent" &&
	reply=$(notmuch search --output=messages "subject:\"Re: Travel\"" | sed "s/^id://") && test -n "$reply" &&
	tags "$reply" | grep -q leadup/due &&
	lx scan --quiet && ! tags "$reply" | grep -q leadup/due && expect_tags b1@example.com ""'
t 'the client is still running and every helper call was one leadup ran' '
	e2e_alive && ! grep -qv "^\(queue\|draft\|snooze\|done\|reopen\|remind\|next-step\|mute\|why\|lint\|scan\|report\|setup --alternates$\)" "$E2E_LOG"'
done_testing
