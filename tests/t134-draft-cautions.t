#!/bin/sh
# leadup draft on threads where a lead-up needs a second look (issue 11.7)
# and templates that follow who owes the next move (issue 11.9): a no-reply
# recipient is refused (exit 65) unless --force; a closed thread, a thread
# in no queue and a list thread where I owe nothing are drafted with a
# warning on the first line of standard error and in the client's line;
# thanks for "help so far" only when they answered; when I owe the move the
# draft promises my answer instead of asking for their view.
. "$(dirname "$0")/lib.sh"
world
body() { sed '1,/^$/d' "$1" | tr '\n' ' '; }
has() { body "$1" | grep -qF -- "$2" || { echo "body of $1 lacks '$2':"; cat "$1"; return 1; }; }
lacks() { ! body "$1" | grep -qF -- "$2" || { echo "body of $1 has '$2':"; cat "$1"; return 1; }; }

# Awaiting, never answered.
msg sent q1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Website budget' <<'EOF'
Hi Ann, could you confirm the budget for the website project?
EOF
# Awaiting, answered once: they did help.
msg sent h1@example.com 'Me <me@example.com>' 'Bob Jones <bob@supplier.example>' \
	'Mon, 9 Nov 2026 10:00:00 +0000' 'Supplier list' <<'EOF'
Hi Bob, could you send me the supplier list?
EOF
msg inbox h2@supplier.example 'Bob Jones <bob@supplier.example>' 'Me <me@example.com>' \
	'Tue, 10 Nov 2026 10:00:00 +0000' 'Re: Supplier list' h1@example.com <<'EOF'
Here it is. I have marked the ones we use most.
EOF
msg sent h3@example.com 'Me <me@example.com>' 'Bob Jones <bob@supplier.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: Supplier list' h2@supplier.example '<h1@example.com> <h2@supplier.example>' <<'EOF'
Thanks Bob. Could you also mark the ones that deliver abroad?
EOF
# A list thread where they wrote last and asked nothing: the move is mine.
HDR='List-Id: <r-devel.example.org>' msg lists l1@other.example 'Kurt Hall <kurt@other.example>' \
	'r-devel@example.org' 'Mon, 16 Nov 2015 10:00:00 +0000' '[R-devel] check NOTE' <<'EOF'
I see the same NOTE on my package. The reason is the new check in R-devel.
EOF
# A list thread where I wrote last: I owe nothing.
HDR='List-Id: <r-devel.example.org>' msg lists m1@example.com 'Me <me@example.com>' \
	'r-devel@example.org' 'Mon, 16 Nov 2026 10:00:00 +0000' '[R-devel] build farm' <<'EOF'
For the record, the build farm is back.
EOF
# An automatic message from a no-reply address that even "proposes a call".
msg inbox nr1@service.example 'Service <noreply@service.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Your account' <<'EOF'
Hello, your plan changes next month. Shall we schedule a call to discuss it?
EOF
# Closed by me.
msg sent c1@example.com 'Me <me@example.com>' 'Cid <cid@c.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Contract' <<'EOF'
Could you sign the contract this week?
EOF
index
NOW=2026-11-19T12:00:00+00:00
t 'scan' 'lu scan --quiet && lu done id:c1@example.com >/dev/null'

# --- 11.9: thanks only for help that exists
t 'awaiting, never answered: thanks, but not for help so far' '
	lu draft id:q1@example.com >q1.eml 2>err && grep -q "^leadup: template: awaiting-1 " err &&
	has q1.eml "Thank you" && lacks q1.eml "so far" && lacks q1.eml "help"'
t 'awaiting, answered once: thanks for the help so far' '
	lu draft id:h3@example.com >h3.eml 2>err && grep -q "^leadup: template: awaiting-1 " err &&
	has h3.eml "Thank you for your help with \"Supplier list\" so far."'
t 'in German, French and Spanish too' '
	lu draft --lang de id:q1@example.com >de.eml 2>/dev/null && lacks de.eml "bisherige" &&
	lu draft --lang fr id:q1@example.com >fr.eml 2>/dev/null && lacks fr.eml "déjà apportée" &&
	lu draft --lang es id:q1@example.com >es.eml 2>/dev/null && lacks es.eml "hasta ahora" &&
	lu draft --lang de id:h3@example.com >de3.eml 2>/dev/null && has de3.eml "bisherige"'
t 'a list thread where I owe the move: my answer by a day, not a request for their view' '
	lu draft id:l1@other.example >l1.eml 2>err && grep -q "^leadup: template: generic " err &&
	has l1.eml "I will come back to you here on this by" && lacks l1.eml "your view" &&
	lacks l1.eml "so far"'

# --- 11.7: refuse or warn
t 'a no-reply recipient is refused with exit 65 and the reason; nothing is written' '
	lu draft id:nr1@service.example >nr.eml 2>err; rc=$?
	test "$rc" = 65 && test ! -s nr.eml &&
	grep -q "^leadup: draft: .noreply@service.example. is a no-reply address nobody reads; nothing drafted (--force drafts anyway)" err'
t 'from the client: exit 0 and the reason in its line, no draft recalled' '
	lu draft id:nr1@service.example --quiet --draftbox box --muttrc nr.rc 2>/dev/null &&
	grep -qx "echo .leadup: no draft: the recipient is a no-reply address nobody reads." nr.rc &&
	! grep -q recall nr.rc && test -z "$(find box -type f 2>/dev/null)"'
t '--force drafts it, warning on the first line of stderr' '
	lu draft --force id:nr1@service.example >nr.eml 2>err &&
	head -n 1 err | grep -q "^leadup: warning: draft: the recipient is a no-reply address" &&
	grep -q "^To: .*noreply@service.example" nr.eml'
t 'a closed thread: drafted, warning first on stderr and first in the client line' '
	lu draft id:c1@example.com >c1.eml 2>err && test -s c1.eml &&
	head -n 1 err | grep -q "^leadup: warning: draft: the thread is closed" &&
	lu draft id:c1@example.com --quiet --draftbox box --muttrc c1.rc 2>/dev/null &&
	grep -q "^echo .leadup: warning: the thread is closed: .*; closed: drafted from template" c1.rc &&
	grep -q recall c1.rc'
t 'a thread in no queue: a warning' '
	lu draft id:l1@other.example >/dev/null 2>err &&
	head -n 1 err | grep -q "^leadup: warning: draft: the thread is in no queue"'
t 'a list thread where I owe nothing: a warning that says so' '
	lu draft id:m1@example.com >m1.eml 2>err &&
	head -n 1 err | grep -q "^leadup: warning: draft: a list thread in no queue where you owe nothing"'
t 'an awaiting thread: no warning' '
	lu draft id:q1@example.com >/dev/null 2>err && ! grep -q warning err'
t 'the subject of a list thread: Re: [list] topic' '
	grep -qx "Subject: Re: \[R-devel\] check NOTE" l1.eml'
done_testing
