#!/bin/sh
# Mail whose charset lost its non-ASCII characters (a list archive keeps
# each of them as '?': "didn?t", "Intel?s") shows it inside words; in such
# a text a '?' after a space ("the issue ? I might", "older versions of
# R ?") or after '_' stood for a dash, a quotation mark or an emoji, and a
# word that lost a character inside ("neodpov?d?") lost its final one too:
# none of them asks.  A real question in the same text still asks, and a
# text that lost nothing keeps "R ?" a question (French spacing).
# Issue 10, session 35 (BENCHMARKS.md, "Conversations that need nothing, flagged", B).  Written mail.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-19T12:00:00+00:00
# 1. My thanks after a helper's answer: only lost characters end in '?'.
msg sent lc1@example.com 'Me <me@example.com>' 'Roy <roy@other.example>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'plotting on the mac' <<'EOF'
Thanks a lot Roy, that fixed it! I didn?t know about the quartz device ? it looks useful.

The font warning remains on older builds of the tool ?
EOF
# 2. The same loss, with a real question beside it: awaiting.
msg sent lc2@example.com 'Me <me@example.com>' 'Roy <roy@other.example>' \
	'Mon, 16 Nov 2026 09:10:00 +0000' 'plotting on windows' <<'EOF'
Thanks Roy, the mac build works now, though I didn?t try the fonts yet ? more on that later.

Does the same device work on Windows?
EOF
# 3. Nothing lost: "tool ?" with a space is a question as written.
msg sent lc3@example.com 'Me <me@example.com>' 'Roy <roy@other.example>' \
	'Mon, 16 Nov 2026 09:20:00 +0000' 'plotting on linux' <<'EOF'
Thanks Roy. Would the same warning show on older builds of the tool ?
EOF
index

t 'a text that lost characters: its stray question marks ask nothing' '
	lu scan --quiet && expect_tags lc1@example.com ""'
t 'a real question beside the lost characters still awaits the answer' '
	expect_tags lc2@example.com "leadup/awaiting leadup/due"'
t 'without lost characters a question mark after a space still asks' '
	expect_tags lc3@example.com "leadup/awaiting leadup/due"'
t 'classify: a word that lost characters inside lost its last one too' '
	printf "Odes?latel e-mailu neodpov?d? za eventu?ln?\n" |
		lu classify --text >out && grep -q "\"expects_reply\": false" out'
t 'classify: a URL query is no lost character' '
	printf "See https://example.org/index.php?id=3 for it. Is that the page you meant ?\n" |
		lu classify --text >out && grep -q "\"expects_reply\": true" out'
done_testing
