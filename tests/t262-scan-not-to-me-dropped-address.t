#!/bin/sh
# An address of mine that GMime's parse drops (Exchange's two dots,
# k..me@example.com) is in no to: term of the mail written to it: beside
# another recipient, the index says such a message is written to nobody of
# mine, while mime.c's lenient parse finds me in it (s35-first2).  Enron's
# owners' mail to their k..allen@enron.com form lost its needs-reply so
# (scripts/eval-queues: train needs-reply 36 -> 30 flagged).  Such an
# address of mine turns the first scan's reading by the to: terms off
# (scan.c my_runs): every thread is read as before, to the same tags.
. "$(dirname "$0")/lib.sh"
world 'k..me@example.com'
NOW=2026-11-23T09:00:00+00:00
KIM='Kim <kim@client.example>' SAM='Sam <sam@supplier.example>'
msg inbox x1@client.example "$KIM" "k..me@example.com, $SAM" 'Wed, 18 Nov 2026 10:00:00 +0000' \
	'Budget' <<'EOF'
Could you approve the budget by Thursday?
EOF
msg inbox x2@client.example "$KIM" "$SAM" 'Wed, 18 Nov 2026 11:00:00 +0000' 'Other' <<'EOF'
Could you send Sam the figures by Thursday?
EOF
index
pristine
unread() { debug_counted "$1.err" "threads left unread, written to nobody of mine by the index"; }

t 'notmuch indexes no word of the two-dot address beside another' '
	test "$(notmuch count "id:x1@client.example and to:sam")" = 1 &&
	test "$(notmuch count "id:x1@client.example and to:me")" = 0'
t 'the message to the two-dot address of mine is read: needs-reply' '
	first_scan new 1 && test "$(unread new)" = 0 &&
	test "$(tags x1@client.example)" = "leadup/due leadup/needs-reply" &&
	test "$(tags x2@client.example)" = ""'
t 'the same as reading every thread (LEADUP_DEBUG_READ_NOT_MINE)' '
	notmuch dump --include=tags >new.dump &&
	start && LEADUP_DEBUG_READ_NOT_MINE=1 lu scan --full && notmuch dump --include=tags >old.dump &&
	cmp new.dump old.dump'
done_testing
