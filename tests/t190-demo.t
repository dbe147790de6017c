#!/bin/sh
# The shipped sample mailbox ends in exactly the states demo/EXPECTED lists.
. "$(dirname "$0")/lib.sh"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/leadup"
cp -R "$ROOT/demo/mail" "$MAIL"
for cur in "$MAIL"/*/cur; do mkdir -p "${cur%/cur}/new" "${cur%/cur}/tmp"; done
printf '[database]\npath=%s\n[user]\nname=Sam Carter\nprimary_email=sam@carter-consulting.example\nother_email=sam.carter@mailbox.example\n' "$MAIL" >"$NOTMUCH_CONFIG"
printf '[time]\ntimezone=Europe/London\n' >"$XDG_CONFIG_HOME/leadup/config"
notmuch new --quiet
NOW=2026-11-26T10:00:00+00:00
t 'the demo mailbox indexes as 74 messages in 31 threads' '
	test "$(notmuch count "*")" = 74 &&
	test "$(notmuch count --output=threads "*")" = 31'
# The dormant tags too (the scan leaves them to queue --tags).
t 'scan runs clean' 'lu scan 2>err && ! grep -q warning err && lazy_tags'
grep -v '^#' "$ROOT/demo/EXPECTED" | while IFS='	' read -r num mid state due stage comment; do
	[ "$mid" = - ] && continue
	want=$({ echo "leadup/$state"; [ "$due" = due ] && echo leadup/due; } | sort | tr '\n' ' ' | sed 's/ $//')
	echo "$num	$mid	$want	$stage	$comment"
done >expected
while IFS='	' read -r num mid want stage comment; do
	t "thread $num: $comment" "expect_tags '$mid' '$want'"
done <expected
t 'no other message carries a state tag' '
	test "$(notmuch count tag:leadup/awaiting or tag:leadup/needs-reply or tag:leadup/no-next-step or tag:leadup/promise-mine or tag:leadup/promise-theirs or tag:leadup/bounced or tag:leadup/dormant or tag:leadup/closed)" = "$(wc -l <expected)"'
t 'awaiting anchors carry the expected cadence stage' '
	lu queue awaiting --format=json >q.json &&
	while IFS="	" read -r num mid want stage comment; do
		case $want in *awaiting*) grep -o "\"message_id\":\"$mid\"[^}]*" q.json | grep -q "\"stage\":$stage" ||
			{ echo "thread $num: stage is not $stage"; exit 1; } ;; esac
	done <expected'
t 'a second scan changes nothing' 'lu scan 2>err && grep -q "nothing changed" err'
t 'the German and French threads get lead-ups in their languages' '
	lu draft id:20261119102037.a3f0c447bac9@carter-consulting.example 2>err >de.eml &&
	grep -q "template: awaiting-1.de" err &&
	perl -MMIME::QuotedPrint -0777 -ne "print decode_qp(\$_)" de.eml | grep -q "^Hallo Klaus," &&
	lu draft id:AM9PR09MB5711DE79102034E8D5D811064EAA@AM9PR09MB5711.atelier-lumen.example 2>err >fr.eml &&
	grep -q "template: needs-reply.fr" err && lu lint <de.eml && lu lint <fr.eml'
done_testing
