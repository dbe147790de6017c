#!/bin/sh
# On a list, in a thread somebody else started, another helper's follow-up
# to my answer (issue 10, session 39, doc/benchmarks-log.md "Errors on people no
# change had seen: batches 42-50"): written mail, each case beside the one
# the rule must leave.
# a. Pat asks the list; I answer; Dee, another helper, follows my answer up
#    with an alternative put as a question: it is for Pat to take up, not
#    mine to answer (nothing needs my reply; why says so).
# b. The same words from Pat, who started the thread, still need my reply.
# c. Dee's follow-up asks something the learned reply model reads as
#    waiting for my answer: it still needs my reply.
# d. Dee's alternative sent to me (To) as well as the list needs my reply.
# e. In a thread I started, a helper's reply is read as before the rule.
. "$(dirname "$0")/lib.sh"
world
L='List-Id: <help.lists.example>'
alt='Or maybe tapply with the group as its index?'
for k in a b c d; do
	HDR="$L" msg lists p1$k@other.example 'Pat <pat@other.example>' 'help@lists.example' \
		'Mon, 16 Nov 2026 08:00:00 +0000' "group means $k" <<'EOF'
How do I get the mean of each group in my data frame without a loop?
EOF
	HDR="$L" msg lists m1$k@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
		'Mon, 16 Nov 2026 09:00:00 +0000' "Re: group means $k" p1$k@other.example <<'EOF'
The aggregate function does it in one call, with a formula for the groups.
EOF
	w='Dee <dee@other.example>' to='help@lists.example' text=$alt
	[ $k = b ] && w='Pat <pat@other.example>'
	[ $k = c ] && text='Which version of R do you use?'
	[ $k = d ] && to='Me Myself <me@example.com>, help@lists.example'
	echo "$text" | HDR="$L" msg lists f1$k@other.example "$w" "$to" \
		'Mon, 16 Nov 2026 09:30:00 +0000' "Re: group means $k" m1$k@example.com
done
# e. My question; Dee answers with the same alternative.
HDR="$L" msg lists m1e@example.com 'Me Myself <me@example.com>' 'help@lists.example' \
	'Mon, 16 Nov 2026 08:00:00 +0000' 'group means e' <<'EOF'
How do I get the mean of each group in my data frame without a loop?
EOF
echo "$alt" | HDR="$L" msg lists f1e@other.example 'Dee <dee@other.example>' \
	'help@lists.example' 'Mon, 16 Nov 2026 09:30:00 +0000' 'Re: group means e' m1e@example.com
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-17T12:00:00+00:00

t 'another helper'"'"'s alternative after my answer needs no reply of mine' '
	lu scan --quiet && expect_tags f1a@other.example "" && expect_tags m1a@example.com ""'
t 'why says it follows up my answer for the asker' '
	lu why id:f1a@other.example >out && grep -q "follows up your answer" out'
t 'the same words from the asker who started the thread need my reply' '
	expect_tags f1b@other.example "leadup/due leadup/needs-reply"'
t 'a question the reply model reads as waiting for me needs my reply' '
	expect_tags f1c@other.example "leadup/due leadup/needs-reply"'
t 'the alternative sent to me as well needs my reply' '
	expect_tags f1d@other.example "leadup/due leadup/needs-reply"'
t 'in my own thread the rule says nothing of a helper'"'"'s reply' '
	lu why id:f1e@other.example >out && ! grep -q "follows up your answer" out'
done_testing
