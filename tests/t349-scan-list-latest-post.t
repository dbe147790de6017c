#!/bin/sh
# On a list my latest post decides whether I wait (doc/labelling.md,
# awaiting: "my latest message ... expects their answer"): a follow-up of
# mine that asks nothing, my own fix or an update, ends the wait my
# earlier ask began; the readers held 17 of 22 such train threads none
# (issue 10, doc/benchmarks-log.md "s54-lastpost").  A mailbox keeps its
# lead-ups.  Written mail, each case beside the one the rule must leave:
# a. my thread on a list: my question, then my own post saying I fixed it
#    (nobody else wrote): in no queue, and why says my latest post ends it;
# b. the same, but my follow-up asks again: awaiting, one lead-up sent;
# c. the same two messages of a. to one person, no list: awaiting, the
#    second a lead-up.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-19T12:00:00+00:00
L='List-Id: <help.lists.example>'
ask='The vignette build stops with a LaTeX error about a missing font.
How do I tell the build which font to use instead?'
fixed='Installing the lmodern package fixed it, the vignette builds now.

Me'
again='Installing the lmodern package did not change the error.
Does anyone know what else the build needs?'
echo "$ask" | HDR="$L" msg lists a1@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'vignette font'
echo "$fixed" | HDR="$L" msg lists a2@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 15:00:00 +0000' 'Re: vignette font' a1@example.com
echo "$ask" | HDR="$L" msg lists b1@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'vignette LaTeX error'
echo "$again" | HDR="$L" msg lists b2@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 15:00:00 +0000' 'Re: vignette LaTeX error' b1@example.com
echo "$ask" | msg sent c1@example.com 'Me Myself <me@example.com>' 'Kim <kim@other.example>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'the vignette font'
echo "$fixed" | msg sent c2@example.com 'Me Myself <me@example.com>' 'Kim <kim@other.example>' \
	'Mon, 16 Nov 2026 15:00:00 +0000' 'Re: the vignette font' c1@example.com
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"

t 'my own fix after my question on a list: in no queue, and why says my latest post ends the wait' '
	lu scan --quiet && expect_tags a2@example.com "" && expect_tags a1@example.com "" &&
	lu why id:a2@example.com >out &&
	grep -q "latest post to the list asks nothing more" out'
t 'my follow-up on a list that asks again: awaiting, one lead-up sent' '
	expect_tags b2@example.com "leadup/awaiting" &&
	lu why id:b2@example.com >out && grep -q "You have sent 1 lead-up since" out'
t 'the same two messages to one person: the mailbox keeps the lead-up, awaiting' '
	expect_tags c2@example.com "leadup/awaiting" &&
	lu why id:c2@example.com >out && grep -q "You have sent 1 lead-up since" out'
done_testing
