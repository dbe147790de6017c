#!/bin/sh
# The wider closings and commitments of issue 10 (lang-en.c): a thank-you
# that closes ends the exchange (no "no next step"), but never a thread whose
# last message still asks something; a promise with its subject dropped or
# put in the passive is tracked like any other dated promise.
. "$(dirname "$0")/lib.sh"
world
ME='Me <me@example.com>' ANA='Ana <ana@client.example>' BEN='Ben <ben@client.example>'
# 1. I answered; their thanks for the pointers, and that it worked, close it.
msg inbox c1@client.example "$ANA" "$ME" 'Mon, 9 Nov 2026 09:00:00 +0000' 'Export' <<'EOF'
Which option turns off the header row in the export?
EOF
msg sent c1a@example.com "$ME" "$ANA" 'Mon, 9 Nov 2026 10:00:00 +0000' 'Re: Export' \
	c1@client.example <<'EOF'
Set header = false in the export settings.
EOF
msg inbox c1b@client.example "$ANA" "$ME" 'Mon, 9 Nov 2026 11:00:00 +0000' 'Re: Export' \
	c1a@example.com '<c1@client.example> <c1a@example.com>' <<'EOF'
Thanks for the pointers, that did the trick.
EOF
# 2. The same thanks, then a new question: it still needs a reply.
msg inbox c2@client.example "$BEN" "$ME" 'Mon, 9 Nov 2026 09:00:00 +0000' 'Figures' <<'EOF'
Where do I find the February figures?
EOF
msg sent c2a@example.com "$ME" "$BEN" 'Mon, 9 Nov 2026 10:00:00 +0000' 'Re: Figures' \
	c2@client.example <<'EOF'
They are in the shared folder under reports.
EOF
msg inbox c2b@client.example "$BEN" "$ME" 'Tue, 17 Nov 2026 11:00:00 +0000' 'Re: Figures' \
	c2a@example.com '<c2@client.example> <c2a@example.com>' <<'EOF'
Thanks for the pointers, that did the trick. Could you also send me the March figures?
EOF
# 3. A thanks to me by name, with a request after it: still needs a reply.
msg inbox c3@client.example "$ANA" "$ME" 'Tue, 17 Nov 2026 11:00:00 +0000' 'Slides' <<'EOF'
Thank you Maria. Please send me the slides from the workshop.
EOF
# 4. My promise with its subject dropped, dated: a promise of mine.
msg inbox p1@client.example "$BEN" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Export bug' <<'EOF'
Is the export bug fixed on the release branch too?
EOF
msg sent p1a@example.com "$ME" "$BEN" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Export bug' \
	p1@client.example <<'EOF'
I fixed it on main and will port that to the release branch on Friday.
EOF
# 5. Their promise in the passive, dated: a promise of theirs.
msg sent p2@example.com "$ME" "$ANA" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Signed forms' <<'EOF'
Have you signed the forms yet?
EOF
msg inbox p2a@client.example "$ANA" "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Signed forms' \
	p2@example.com <<'EOF'
The signed forms will be sent to you on Wednesday.
EOF
index
NOW=2026-11-17T17:00:00+00:00
t 'scan runs' 'lu scan --quiet'
t 'a thanks for the answer that worked is in no queue (no next step to propose)' '
	expect_tags c1b@client.example "" && expect_tags c1a@example.com ""'
t 'a thanks followed by a question still needs a reply' '
	expect_tags c2b@client.example "leadup/due leadup/needs-reply"'
t 'a thanks by name followed by a request still needs a reply' '
	expect_tags c3@client.example "leadup/due leadup/needs-reply"'
t 'a dated promise with its subject dropped is mine' '
	expect_tags p1a@example.com leadup/promise-mine &&
	lu why id:p1a@example.com | grep -q "You promised"'
t 'a dated promise in the passive is theirs' '
	expect_tags p2a@client.example leadup/promise-theirs &&
	lu why id:p2a@client.example | grep -q "Ana promised"'
done_testing
