#!/bin/sh
# My own posts in a list thread I started are read by the learned
# per-message model (msgmodel.c), not by the rules' question marks: a
# poster's ask to a list is often put without a question (issue 10,
# doc/benchmarks-log.md "s48-askmodel").  Written mail, each case beside
# the one the reading must leave:
# a. my post asks the list for help without a "?": awaiting, and why says
#    the model read the ask the rules did not;
# b. the same words to one person, no list: the rules' reading stands
#    (nothing asked, in no queue);
# c. the same words as my answer in a list thread somebody else started:
#    the rules' reading stands (in no queue);
# d. in my thread, after a helper's answer, my thanks and the outcome ask
#    nothing (in no queue);
# e. the same with a rhetorical question the rules read as asking: the
#    model reads nothing asked, and why says so.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-19T12:00:00+00:00
L='List-Id: <help.lists.example>'
ask='When I build the vignette, the PDF step stops with a LaTeX error about a missing font.
I have no idea how to tell the build which font to use instead.

Thanks for any help,
Me'
echo "$ask" | HDR="$L" msg lists a1@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'vignette PDF fails'
echo "$ask" | msg sent b1@example.com 'Me Myself <me@example.com>' 'Kim <kim@other.example>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'vignette PDF fails'
HDR="$L" msg lists c0@other.example 'Pat <pat@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 08:00:00 +0000' 'fonts in vignettes' <<'EOF'
Which fonts does the vignette build use by default?
EOF
echo "$ask" | HDR="$L" msg lists c1@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Re: fonts in vignettes' c0@other.example
echo "$ask" | HDR="$L" msg lists d1@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 08:00:00 +0000' 'vignette fonts again'
HDR="$L" msg lists d2@other.example 'Reg <reg@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: vignette fonts again' d1@example.com <<'EOF'
Install the lmodern package and build again; the error names the font it lacks.
EOF
HDR="$L" msg lists d3@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: vignette fonts again' d2@other.example \
	'<d1@example.com> <d2@other.example>' <<'EOF'
Installing lmodern fixed it, the vignette builds now.

Thanks to everyone who helped,
Me
EOF
HDR="$L" msg lists e1@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 08:00:00 +0000' 'missing font' <<'EOF'
The vignette build cannot find a font. How do I tell it which one to use?
EOF
HDR="$L" msg lists e2@other.example 'Reg <reg@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Re: missing font' e1@example.com <<'EOF'
Install the lmodern package and build again.
EOF
HDR="$L" msg lists e3@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: missing font' e2@other.example \
	'<e1@example.com> <e2@other.example>' <<'EOF'
Solved: the font was missing. Why did I not think of that? Thanks all.
EOF
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"

t 'my post to the list asks for help without a question: awaiting, and why names the model' '
	lu scan --quiet && expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	lu why id:a1@example.com >out &&
	grep -q "learned per-message model reads your post to the list as asking" out'
t 'the same words to one person: the rules read nothing asked' '
	expect_tags b1@example.com ""'
t 'the same words in a list thread somebody else started: the rules read nothing asked' '
	expect_tags c1@example.com ""'
t 'my thanks and the outcome after a helper'"'"'s answer ask nothing' '
	expect_tags d3@example.com ""'
t 'a rhetorical question in my thanks: the model reads nothing asked, and why says so' '
	expect_tags e3@example.com "" &&
	lu why id:e3@example.com >out &&
	grep -q "learned per-message model reads no ask for an answer in your post" out'
done_testing
