#!/bin/sh
# Message-IDs as notmuch reads them (issues 12.3 and 11.5): a message piped
# to leadup (as the client's keys do) names the message notmuch indexed.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-12-01T12:00:00+00:00
raw() { # raw NAME SUBJECT MESSAGE-ID-LINES: a message to me asking something
	{ printf 'From: Ann <ann@a.example>\nTo: Me <me@example.com>\nSubject: %s\n' "$2"
	  printf 'Date: Mon, 30 Nov 2026 10:00:00 +0000\n%b\n' "$3"
	  printf 'MIME-Version: 1.0\nContent-Type: text/plain\n\nCould you confirm the budget?\n'; } | deliver inbox "$1"
}
raw victim Victim 'Message-ID: <victim@a.example>'
raw two Crafted 'Message-ID: <first@a.example>\nMessage-ID: <victim@a.example>'
i=0
for id in '<sp ace@a.example>' '<a  b@a.example>' '<c   d@a.example>' '< (note) e f @a.example >' \
	'junk <g@a.example> more' '(c)<h@a.example>' '<unterminated i@a.example' '<j>' 'bare k@a.example'; do
	i=$((i + 1)); raw odd$i "Odd $i" "Message-ID: $id"
done
long=$(printf 'x%.0s' $(seq 1 250))@a.example
raw long Long "Message-ID: <$long>"
index
"$LEADUP" --now "$NOW" scan --quiet
file() { echo "$MAIL/inbox/cur/$1:2,S"; }
nmid() { # nmid N: the id notmuch gave the message "Odd N"
	notmuch search --output=messages --exclude=false "subject:\"Odd $1\"" | sed 's/^id://'
}

t 'two Message-ID headers: a piped message is the one notmuch indexed (the first)' '
	lu why <"$(file two)" >out && head -1 out | grep -q "^\"Crafted\"" &&
	lu done <"$(file two)" >out &&
	expect_tags first@a.example "leadup/closed" && expect_tags victim@a.example "leadup/due leadup/needs-reply"'
t 'odd Message-IDs: every piped message is found under notmuch'"'"'s id' '
	for k in 1 2 3 4 5 6 7 8 9; do
		lu why <"$(file odd$k)" >out 2>err || { echo "odd$k ($(nmid $k)):"; cat err; exit 1; }
		head -1 out | grep -q "^\"Odd $k\"" || { echo "odd$k: wrong thread"; cat out; exit 1; }
	done'
t 'an id given as the header writes it (<sp ace@...>) is notmuch'"'"'s id' '
	lu why "id:<sp ace@a.example>" >out && head -1 out | grep -q "^\"Odd 1\""'
t 'a draft for a piped message with spaces in its id replies to notmuch'"'"'s id' '
	test "$(nmid 1)" = "space@a.example" &&
	lu draft <"$(file odd1)" >draft.eml 2>err &&
	grep -qx "In-Reply-To: <space@a.example>" draft.eml &&
	grep -qx "References: <space@a.example>" draft.eml'
t 'a draft keeps an id with spaces from the References it answers, as notmuch'"'"'s id' '
	{ printf "From: Ann <ann@a.example>\nTo: Me <me@example.com>\nSubject: Re: Odd 1\n"
	  printf "Date: Mon, 30 Nov 2026 12:00:00 +0000\nMessage-ID: <ann2@a.example>\n"
	  printf "In-Reply-To: <sp ace@a.example>\nReferences: <sp ace@a.example>\n\nAnd the date?\n"; } | deliver inbox ann2 &&
	index && lu scan --quiet && lu draft id:ann2@a.example >draft2.eml 2>err &&
	grep -qx "In-Reply-To: <ann2@a.example>" draft2.eml &&
	grep -qx "References: <space@a.example> <ann2@a.example>" draft2.eml'
t 'an id too long for notmuch'"'"'s index (stored as notmuch-sha1-...) is found, piped or given' '
	notmuch search --output=messages subject:Long | grep -q "^id:notmuch-sha1-" &&
	lu why <"$(file long)" >out && head -1 out | grep -q "^\"Long\"" &&
	lu why "id:$long" >out && head -1 out | grep -q "^\"Long\""'
done_testing
