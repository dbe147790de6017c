#!/bin/sh
# leadup draft: every state and stage drafted from threads written here,
# each draft parsed back with GMime (tests/unit/draft-test --parse) and
# checked header by header, and each passes leadup lint.
. "$(dirname "$0")/lib.sh"
need_parse
world

# --- awaiting, through the whole cadence
msg sent q1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Re: Website budget' <<'EOF'
Hi Ann,

Could you confirm the budget for the website project?

Best,
Me
EOF
# (Cc on the message itself, and my other address: kept / dropped.)
sed -i 's/^To: .*/&\nCc: Bob Jones <bob@supplier.example>, me.too@example.net/' "$MAIL/sent/cur/q1@example.com:2,S"
# --- needs-reply, with Reply-To and a Cc
HDR='Reply-To: Quinn Office <office@client.example>\nCc: Me Too <me.too@example.net>, Rob <rob@client.example>' \
msg inbox nr1@client.example 'Quinn Baker <quinn@client.example>' 'Me <me@example.com>' \
	'Wed, 18 Nov 2026 11:00:00 +0000' 'Quote for the audit' <<'EOF'
Hi,

Could you send us a quote for the security audit?

Best regards,
Quinn Baker
Phone: +44 20 7946 0123
EOF
# --- no-next-step
msg sent ns1@example.com 'Me <me@example.com>' 'Rita Lopez <rita@partner.example>' \
	'Mon, 2 Nov 2026 10:00:00 +0000' 'Partnership' <<'EOF'
Rita, great meeting you at the fair. Would a referral partnership interest you?
EOF
msg inbox ns1r@partner.example 'Rita Lopez <rita@partner.example>' 'Me <me@example.com>' \
	'Tue, 3 Nov 2026 10:00:00 +0000' 'Re: Partnership' ns1@example.com <<'EOF'
Sounds good, let's talk soon!
EOF
# --- promise-theirs: an answer promised for Wednesday 18 November
msg sent pt0@example.com 'Me <me@example.com>' 'Tom Reed <tom@client.example>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Budget approval' <<'EOF'
Tom, is the budget for phase two approved?
EOF
msg inbox pt1@client.example 'Tom Reed <tom@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 12:00:00 +0000' 'Re: Budget approval' pt0@example.com <<'EOF'
Not yet. I will get back to you by Wednesday.
EOF
# --- promise-mine: the draft promised for Friday 20 November
msg inbox pm0@client.example 'Sam Cole <sam@client.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Contract draft' <<'EOF'
Can you prepare the contract draft?
EOF
msg sent pm1@example.com 'Me <me@example.com>' 'Sam Cole <sam@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Contract draft' pm0@client.example <<'EOF'
Happy to. I'll send you the draft by Friday.
EOF
# --- bounced
msg sent bo1@example.com 'Me <me@example.com>' 'Val <val@gone.example>' \
	'Tue, 17 Nov 2026 10:00:00 +0000' 'Workshop dates' <<'EOF'
Val, could you confirm the workshop dates?
EOF
msg inbox bo2@mx.example 'Mail Delivery System <MAILER-DAEMON@mx.example>' 'me@example.com' \
	'Tue, 17 Nov 2026 10:01:00 +0000' 'Undelivered Mail Returned to Sender' bo1@example.com <<'EOF'
This is the mail system at host mx.example. Your message could not be delivered.
<val@gone.example>: user unknown
EOF
# --- not in a queue: a message of mine that asks nothing
msg sent in1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Slides from today' <<'EOF'
Hi Ann, here are the slides from today's session. Thanks again for hosting!
EOF
index

NOW=2026-11-19T12:00:00+00:00
t 'scan' 'lu scan --quiet'

t 'awaiting, first lead-up: awaiting-1, state and template on stderr' '
	lu draft id:q1@example.com >a1.eml 2>err &&
	grep -q "^leadup: state: awaiting, lead-up 1 of 3, due since Thursday 19 November at 10:00" err &&
	grep -q "^leadup: template: awaiting-1 (" err &&
	used err awaiting-1'
t 'awaiting-1: headers' '
	is_hdr a1.eml From "Me Myself <me@example.com>" &&
	is_hdr a1.eml To "Ann Smith <ann@client.example>" &&
	is_hdr a1.eml Cc "Bob Jones <bob@supplier.example>" &&
	is_hdr a1.eml Subject "Re: Website budget" &&
	is_hdr a1.eml In-Reply-To "q1@example.com" &&
	is_hdr a1.eml References "q1@example.com" &&
	is_hdr a1.eml Message-ID "(none)" &&
	is_hdr a1.eml Bcc "(none)" && ! grep -qi "^X-Leadup" a1.eml &&
	is_hdr a1.eml MIME-Version "1.0" &&
	is_hdr a1.eml Content-Type "text/plain; charset=utf-8" &&
	is_hdr a1.eml Content-Transfer-Encoding 7bit &&
	is_hdr a1.eml Date "Thu, 19 Nov 2026 12:00:00 +0000"'
t 'awaiting-1: thanks, the open ask, a dated next step one business day ahead' '
	has a1.eml "Hi Ann," && has a1.eml "Thank you" &&
	has a1.eml "> Could you confirm the budget for the website project?" &&
	has a1.eml "Friday 20 November at 14:00" && has a1.eml "Me Myself" &&
	! grep -q "{" a1.eml && lints a1.eml'
t 'no line longer than 78 characters' '! grep -q ".\{79\}" a1.eml'

t 'needs-reply: Reply-To honoured, Cc kept without me, their question quoted' '
	lu scan --quiet &&
	lu draft id:nr1@client.example >n.eml 2>err &&
	grep -q "^leadup: state: needs-reply" err &&
	used err needs-reply &&
	is_hdr n.eml To "Quinn Office <office@client.example>" &&
	is_hdr n.eml Cc "Rob <rob@client.example>" &&
	is_hdr n.eml From "Me Myself <me@example.com>" &&
	is_hdr n.eml Subject "Re: Quote for the audit" &&
	is_hdr n.eml In-Reply-To nr1@client.example &&
	has n.eml "Hi Quinn," &&
	has n.eml "> Could you send us a quote for the security audit?" &&
	has n.eml "Friday 20 November at 14:00" && lints n.eml'
t 'no-next-step: a concrete next step is proposed' '
	lu draft id:ns1@example.com >s.eml 2>err &&
	grep -q "^leadup: state: no-next-step" err &&
	used err no-next-step &&
	is_hdr s.eml To "Rita Lopez <rita@partner.example>" &&
	is_hdr s.eml In-Reply-To ns1r@partner.example &&
	is_hdr s.eml References "ns1@example.com ns1r@partner.example" &&
	has s.eml "Hi Rita," && has s.eml "Friday 20 November at 14:00" && lints s.eml'
t 'promise-theirs: lead them to what they promised' '
	lu draft id:pt0@example.com >t.eml 2>err &&
	grep -q "^leadup: state: promise-theirs" err &&
	used err promise-theirs &&
	is_hdr t.eml To "Tom Reed <tom@client.example>" &&
	is_hdr t.eml In-Reply-To pt1@client.example &&
	has t.eml "> I will get back to you by Wednesday." &&
	has t.eml "Wednesday 18 November" && has t.eml "Friday 20 November at 14:00" && lints t.eml'
t 'promise-mine: a new date for what I promised' '
	NOW=2026-11-23T09:00:00+00:00 lu draft id:pm0@client.example >m.eml 2>err &&
	grep -q "^leadup: state: promise-mine" err &&
	used err promise-mine &&
	is_hdr m.eml To "Sam Cole <sam@client.example>" &&
	is_hdr m.eml In-Reply-To pm1@example.com &&
	is_hdr m.eml References "pm0@client.example pm1@example.com" &&
	has m.eml "> I'"'"'ll send you the draft by Friday." &&
	has m.eml "by Tuesday 24 November at 10:00" && lints m.eml'
t 'bounced: the same recipients, and a note to check the address' '
	lu draft id:bo1@example.com >b.eml 2>err &&
	grep -q "^leadup: state: bounced" err &&
	grep -q "^leadup: note: .*bounced" err &&
	used err bounced &&
	is_hdr b.eml To "Val <val@gone.example>" &&
	is_hdr b.eml In-Reply-To bo1@example.com &&
	has b.eml "> Val, could you confirm the workshop dates?" && lints b.eml'
t 'in no queue: the generic lead-up, and stderr says why' '
	lu draft id:in1@example.com >g.eml 2>err &&
	grep -q "^leadup: state: none" err &&
	grep -q "^leadup: template: generic (none, not in a queue" err &&
	is_hdr g.eml To "Ann Smith <ann@client.example>" && lints g.eml'

t 'the message on standard input (as <pipe-message> gives it)' '
	lu draft <"$MAIL/inbox/cur/nr1@client.example:2,S" >p.eml 2>/dev/null &&
	cmp -s p.eml n.eml'
# --- options
t '--template picks a shipped template by name' '
	lu draft --template generic id:nr1@client.example >o.eml 2>err &&
	used err generic && grep -q "as asked (--template)" err'
t 'a user template overrides the shipped one; missing values drop their line' '
	mkdir -p "$XDG_CONFIG_HOME/leadup/templates" &&
	printf "# mine\nDear {first_name},\nCall me on {their_phone}.\nNo {promise} here.\nThanks, see you {slot}.\n" \
		>"$XDG_CONFIG_HOME/leadup/templates/needs-reply" &&
	lu draft id:nr1@client.example >u.eml 2>/dev/null &&
	body u.eml >u.txt &&
	printf "Dear Quinn,\nCall me on +44 20 7946 0123.\nThanks, see you Friday 20 November at 14:00.\n" >want.txt &&
	diff want.txt u.txt &&
	rm "$XDG_CONFIG_HOME/leadup/templates/needs-reply"'
t '--template with an unknown name fails (64) and says where it looked' '
	lu draft --template nosuch id:nr1@client.example >o.eml 2>err; test $? -eq 64 &&
	grep -q "no template .nosuch." err'
t '--template with a path reads that file' '
	printf "Thank you, {first_name}: {slot}?\n" >my.tmpl &&
	lu draft --template ./my.tmpl id:nr1@client.example >o.eml 2>/dev/null &&
	has o.eml "Thank you, Quinn: Friday 20 November at 14:00?"'
t '[draft] quote=true quotes the message we answer' '
	printf "[draft]\nquote=true\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	lu draft id:nr1@client.example >q.eml 2>/dev/null &&
	rm "$XDG_CONFIG_HOME/leadup/config" &&
	has q.eml "On Wednesday 18 November, Quinn Baker wrote:" &&
	body q.eml | grep -q "^> Could you send us a quote" &&
	lu draft --no-quote id:nr1@client.example >q2.eml 2>/dev/null && ! has q2.eml "wrote:" 2>/dev/null'
t '[draft] keep_cc=false drops the Cc' '
	printf "[draft]\nkeep_cc=false\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	lu draft id:nr1@client.example >c.eml 2>/dev/null &&
	rm "$XDG_CONFIG_HOME/leadup/config" &&
	is_hdr c.eml Cc ""'
t '--output writes the draft with mode 0600, replacing the old file' '
	umask 022 && echo old >out.eml && chmod 644 out.eml &&
	lu draft --output out.eml id:q1@example.com 2>/dev/null &&
	test "$(stat -c %a out.eml)" = 600 && cmp -s out.eml a1.eml &&
	test -z "$(ls | grep "^out\.eml.")"'
t 'a copied binary without template files falls back to the built-in text' '
	cp "$LEADUP" ./leadup.bin &&
	./leadup.bin --now "$NOW" draft id:q1@example.com >f.eml 2>err &&
	grep -q "^leadup: note: no template file found for .awaiting-1.*built-in" err &&
	used err generic && has f.eml "Friday 20 November at 14:00"'
t '--quiet prints nothing on stderr' '
	lu draft --quiet id:q1@example.com >/dev/null 2>err && test ! -s err'
t 'an unknown message fails with 66' '
	lu draft id:nosuch@example.com >/dev/null 2>err; test $? -eq 66'
t 'unknown options fail with 64' '
	lu draft --bogus id:q1@example.com >/dev/null 2>err; test $? -eq 64'

# --- the draftbox
t '--draftbox creates a maildir holding exactly this draft, flagged D' '
	lu draft --draftbox box id:q1@example.com 2>err &&
	test -d box/tmp && test -d box/new &&
	test "$(stat -c %a box/cur)" = 700 &&
	test $(ls box/cur | wc -l) -eq 1 && test $(find box/new box/tmp -type f | wc -l) -eq 0 &&
	ls box/cur | grep -q "^leadup-draft\..*:2,D$" &&
	test "$(stat -c %a box/cur/*)" = 600 &&
	used err awaiting-1 && is_hdr box/cur/* In-Reply-To q1@example.com'
t 'a second draft replaces the first' '
	old=$(ls box/cur) &&
	lu draft --draftbox box id:nr1@client.example 2>err &&
	test $(ls box/cur | wc -l) -eq 1 && test "$(ls box/cur)" != "$old" &&
	used err needs-reply && is_hdr box/cur/* In-Reply-To nr1@client.example'
t 'a maildir with mail leadup did not write is refused and left alone' '
	echo "From: x" >box/cur/1700000000.M1.host:2,S &&
	lu draft --draftbox box id:q1@example.com 2>err; test $? -eq 73 &&
	grep -q "did not write" err && test $(ls box/cur | wc -l) -eq 2 &&
	rm box/cur/1700000000.M1.host:2,S'
t '--muttrc: exit 0, the lines that recall the draft, and the state' '
	lu draft --quiet --draftbox box --muttrc rc/neomutt.rc id:q1@example.com >out 2>err &&
	test ! -s out && test ! -s err &&
	grep -qx "set postponed='"'"'$TMP/box'"'"'" rc/neomutt.rc &&
	grep -q "^push '"'"'<recall-message>" rc/neomutt.rc &&
	grep -qx "echo '"'"'leadup: awaiting, lead-up 1 of 3: drafted from template awaiting-1'"'"'" rc/neomutt.rc &&
	test "$(stat -c %a rc/neomutt.rc)" = 600 && test $(ls box/cur | wc -l) -eq 1'
t '--muttrc on failure: exit 0, no recall, one line saying what failed' '
	lu draft --quiet --draftbox box --muttrc rc/neomutt.rc id:nosuch@example.com >out 2>err &&
	! grep -q "recall-message" rc/neomutt.rc &&
	grep -q "^echo '"'"'leadup: this message is not in the notmuch database" rc/neomutt.rc'
t '--output and --draftbox together are refused' '
	lu draft --output x --draftbox box id:q1@example.com 2>/dev/null; test $? -eq 64'

# --- the cadence: each lead-up sent as drafted keeps the thread awaiting
send_draft a1.eml l1@example.com 'Thu, 19 Nov 2026 12:05:00 +0000'
index
NOW=2026-11-26T13:00:00+00:00
t 'the sent lead-up keeps the thread awaiting (cadence stage 1)' '
	lu scan --quiet && expect_tags l1@example.com "leadup/awaiting leadup/due"'
t 'awaiting, second lead-up: awaiting-2 under the first one' '
	lu draft id:q1@example.com >a2.eml 2>err &&
	grep -q "lead-up 2 of 3" err &&
	used err awaiting-2 &&
	is_hdr a2.eml In-Reply-To "l1@example.com" &&
	is_hdr a2.eml References "q1@example.com l1@example.com" &&
	is_hdr a2.eml Subject "Re: Website budget" &&
	is_hdr a2.eml To "Ann Smith <ann@client.example>" &&
	has a2.eml "Friday 27 November at 14:00" && has a2.eml "Monday 30 November at 10:00" &&
	has a2.eml "> Could you confirm the budget" && lints a2.eml'

t 'any message of the thread gives the same draft' '
	lu draft id:l1@example.com >x2.eml 2>/dev/null && cmp -s a2.eml x2.eml'

send_draft a2.eml l2@example.com 'Thu, 26 Nov 2026 13:05:00 +0000'
index
NOW=2026-12-03T14:00:00+00:00
t 'awaiting, last lead-up: awaiting-last closes the loop' '
	lu scan --quiet && expect_tags l2@example.com "leadup/awaiting leadup/due" &&
	lu draft id:l1@example.com >a3.eml 2>err &&
	grep -q "lead-up 3 of 3" err &&
	used err awaiting-last &&
	is_hdr a3.eml In-Reply-To "l2@example.com" &&
	is_hdr a3.eml References "q1@example.com l1@example.com l2@example.com" &&
	has a3.eml "Shall I close it" && has a3.eml "\"no\"" &&
	has a3.eml "Friday 4 December at 14:00" && lints a3.eml'


send_draft a3.eml l3@example.com 'Thu, 3 Dec 2026 14:05:00 +0000'
index
NOW=2026-12-11T09:00:00+00:00
t 'the sent close-the-loop lead-up lets the thread go dormant' '
	lu scan --quiet && lazy_tags && expect_tags l3@example.com leadup/dormant'
done_testing
