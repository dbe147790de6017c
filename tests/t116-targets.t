#!/bin/sh
# Every command that takes id:MSGID takes thread:ID (as leadup queue prints
# it) and any notmuch query that names exactly one thread.
. "$(dirname "$0")/lib.sh"
world
msg sent a1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Figures' <<'EOF'
Could you send me the figures for October?
EOF
msg inbox a2@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' 'Mon, 16 Nov 2026 12:00:00 +0000' \
	'Re: Figures' a1@example.com <<'EOF'
Which format do you want them in?
EOF
msg sent b1@example.com 'Me <me@example.com>' 'Bob <bob@b.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' \
	'Budget' <<'EOF'
Could you confirm the budget?
EOF
index
NOW=2026-11-17T09:00:00+00:00
lu scan --quiet
tid=$(notmuch search --output=threads id:a1@example.com | sed 's/^thread://')

t 'queue prints the thread id the other commands take' '
	lu queue needs-reply >out && grep -q "thread:$tid" out'
t 'why thread:ID explains that thread' '
	lu why "thread:$tid" >out && grep -q "needs-reply" out && grep -q "Ann" out'
t 'draft thread:ID drafts for that thread' '
	lu draft --quiet "thread:$tid" >d && grep -q "^In-Reply-To: <a2@a.example>" d'
t 'a decision takes thread:ID' '
	lu snooze tue "thread:$tid" >out && grep -q "snoozed \"Figures\"" out &&
	expect_tags a2@a.example leadup/snoozed && lu reopen "thread:$tid" >/dev/null &&
	expect_tags a2@a.example "leadup/due leadup/needs-reply"'
t 'a decision takes a query of several terms naming one thread' '
	lu done from:me@example.com subject:budget >out && grep -q "done with \"Budget\"" out &&
	expect_tags b1@example.com leadup/closed'
t 'why takes any query naming one thread' '
	lu why "from:bob@b.example or subject:budget" >out && grep -q "closed" out'
t 'a query naming several threads is a usage error saying how many' '
	lu why "from:me@example.com" 2>err; test $? = 64 && grep -q "names 2 threads" err'
t 'a decision on several threads changes nothing' '
	lu done "tag:sent or from:me@example.com" 2>err; test $? = 64 && grep -q "names 2 threads" err &&
	expect_tags a2@a.example "leadup/due leadup/needs-reply"'
t 'a query that matches nothing is a clear error' '
	lu why "thread:0000000000000fff" 2>err; test $? = 66 && grep -q "no message matches" err'
t 'a bare Message-ID still names its message' '
	lu why a1@example.com >out && grep -q "needs-reply" out'
done_testing
