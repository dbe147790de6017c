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

# Terminal controls in mail (issue 12.2): ESC sequences (CSI clear screen,
# OSC window title), BEL, C1 CSI (U+009B) and bidi overrides (U+202E,
# U+2066) must reach no text output.
controls() { # controls FILE: fails when FILE holds a control other than LF and TAB
	perl -ne 'if (/[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c/) { print "control in: $_"; $bad = 1 } END { exit $bad }' "$1"
}
ESC=$(printf '\033') BEL=$(printf '\007') CSI1=$(printf '\302\233') RLO=$(printf '\342\200\256') LRI=$(printf '\342\201\246')
{ printf 'From: =?utf-8?q?Mallory_=1B]0;owned=07?= <mal@m.example>\nTo: Me <me@example.com>\n'
  printf 'Subject: =?utf-8?q?Figures_=1B[2J?=%s\nDate: Mon, 30 Nov 2026 10:00:00 +0000\n' "$RLO"
  printf 'Message-ID: <ctl@m.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n'
  printf 'Could you send me the figures%s[2J%s]0;owned%s by Friday?\n\n' "$ESC" "$ESC" "$BEL"
  printf 'Also please confirm the %s1mtotal%s today %sevil%s by Tuesday?\n' "$CSI1" "$RLO" "$LRI" "$ESC"
} | deliver inbox ctl
index
t 'why, queue, report and draft print no control from the message' '
	"$LEADUP" --now "$NOW" scan --quiet &&
	"$LEADUP" --now "$NOW" why id:ctl@m.example >why.out 2>&1 && controls why.out &&
	grep -q "send me the figures" why.out &&
	"$LEADUP" --now "$NOW" queue needs-reply >q.out 2>&1 && controls q.out && grep -q Figures q.out &&
	"$LEADUP" --now "$NOW" report >r.out 2>&1 && controls r.out && grep -q Figures r.out &&
	"$LEADUP" --now "$NOW" draft id:ctl@m.example >draft.eml 2>d.err && controls d.err &&
	grep -q "state:" d.err'
t 'setup prints no control from a configured path' '
	mkdir -p "$TMP/hooks${ESC}]0;x${BEL}" &&
	notmuch config set database.hook_dir "$TMP/hooks${ESC}]0;x${BEL}" &&
	"$LEADUP" setup >s.out 2>&1; notmuch config set database.hook_dir "" ; controls s.out && grep -q "hooks" s.out'

# A sentence ending in "and" read the token after the last (clause_start).
# Under make check-asan the binary is instrumented: AddressSanitizer itself
# catches the read (and valgrind cannot run such a binary).
if [ -n "${ASAN_OPTIONS:-}" ]; then
	t 'classify reads nothing out of bounds (AddressSanitizer)' '
		printf "Thanks and\nSend it and\nCall me, and\nand\nPlease review and\n" >in &&
		"$LEADUP" --now "$NOW" classify --lines <in >out 2>err || { cat err; exit 1; }'
elif command -v valgrind >/dev/null 2>&1; then
	t 'classify reads nothing out of bounds (valgrind)' '
		printf "Thanks and\nSend it and\nCall me, and\nand\nPlease review and\n" >in &&
		valgrind -q --error-exitcode=99 "$LEADUP" --now "$NOW" classify --lines <in >out 2>err ||
		{ cat err; exit 1; }'
else
	skip "valgrind is not installed (scripts/deps)"
fi
done_testing
