#!/bin/sh
# Hostile text: bodies built to make the analysis slow or read out of bounds.
# The cost itself is proved by counting work in the unit test (t005,
# test_linear_cost); the time limit here is only a generous backstop.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-12-01T12:00:00+00:00
big() { # big UNIT COUNT: UNIT repeated COUNT times on one line
	yes "$1" | head -n "$2" | tr -d '\n'; echo
}
hostile() { # hostile ID CONTENT-TYPE LAST < body: a message to me ending in LAST
	{ printf 'From: Eve <eve@e.example>\nTo: Me <me@example.com>\nSubject: Hi\n'
	  printf 'Date: Mon, 30 Nov 2026 10:00:00 +0000\nMessage-ID: <%s>\n' "$1"
	  printf 'MIME-Version: 1.0\nContent-Type: %s; charset=utf-8\n\n' "$2"; cat
	  printf '\n\n%s\n' "$3"; } | deliver inbox "$1"
}
big '?' 160000 | hostile q@e.example text/plain 'Could you send me the figures?'
big '!' 40000 | hostile ex@e.example text/plain 'Could you send me the figures?'
big '()' 20000 | hostile paren@e.example text/plain 'Could you send me the figures?'
big '&amp;' 8000 | hostile amp@e.example text/html '<p>Could you send me the figures?</p>'
big '<' 40000 | hostile lt@e.example text/html '<p>Could you send me the figures?</p>'
{ big 'reminder ' 4000; echo thanks; } | hostile remind@e.example text/plain 'Could you send me the figures?'
big '10am ' 8000 | hostile times@e.example text/plain 'Could you send me the figures?'
index
t 'a scan of hostile bodies (160 KB of ?) finishes and reads the question after them (backstop: 20 s)' '
	timeout 20 "$LEADUP" --now "$NOW" scan --quiet &&
	for m in q ex paren amp lt remind times; do
		expect_tags $m@e.example "leadup/due leadup/needs-reply" || exit 1; done
	notmuch count --exclude=false tag:leadup/untracked or tag:leadup/needs-reply | grep -qv "^0$"'
t 'classify of a 160 KB line of ? finishes (backstop: 20 s)' '
	big "?" 160000 | timeout 20 "$LEADUP" --now "$NOW" classify --text >out && grep -q "\"sentences\"" out'

# A sentence ending in "and" read the token after the last (clause_start).
if command -v valgrind >/dev/null 2>&1; then
	t 'classify reads nothing out of bounds (valgrind)' '
		printf "Thanks and\nSend it and\nCall me, and\nand\nPlease review and\n" >in &&
		valgrind -q --error-exitcode=99 "$LEADUP" --now "$NOW" classify --lines <in >out 2>err ||
		{ cat err; exit 1; }'
else
	t 'valgrind is installed (scripts/deps)' '[ -z "${CI:-}" ]'
fi
done_testing
