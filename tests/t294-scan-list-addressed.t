#!/bin/sh
# On a list, which message of theirs is to me (issue 10, session 38,
# doc/benchmarks-log.md "Errors on people no change had seen: batches 35-41"):
# written mail, each case beside the one the rule must leave.
# 1. The asker answers me with a question, then adds a second message in
#    reply to their own first: the second is to me too (needs my reply);
#    the same two messages after a reply to another helper are not, nor
#    those of another writer than the asker.
# 2. In my own thread a helper asks me something; my later post answers
#    another helper's message written before that question, not it: the
#    question still needs my reply.  When I answered the question too, or
#    the message I answered came after it, the rule leaves the thread.
. "$(dirname "$0")/lib.sh"
world
L='List-Id: <help.lists.example>'
# 1. Cy asks the list; I answer (a, c) or Dee answers (b); Cy asks back,
#    then adds a second message in reply to his own (a, b); or Eve, not
#    the asker, does both (c).
for k in a b c; do
	w="Cy$k <cy$k@other.example>"
	[ $k = c ] && w='Eve <eve@other.example>'
	HDR="$L" msg lists c1$k@other.example "Cy$k <cy$k@other.example>" 'help@lists.example' \
		'Mon, 16 Nov 2026 08:00:00 +0000' "slope test $k" <<'EOF'
How do I test whether the slope of my regression differs from one?
EOF
	if [ $k != b ]; then
		h=h1$k@example.com
		HDR="$L" msg lists $h 'Me <me@example.com>' 'help@lists.example' \
			'Mon, 16 Nov 2026 09:00:00 +0000' "Re: slope test $k" c1$k@other.example <<'EOF'
Subtract one from the estimate and divide by its standard error; compare with the t distribution.
EOF
	else
		h=h1$k@other.example
		HDR="$L" msg lists $h 'Dee <dee@other.example>' 'help@lists.example' \
			'Mon, 16 Nov 2026 09:00:00 +0000' "Re: slope test $k" c1$k@other.example <<'EOF'
Subtract one from the estimate and divide by its standard error; compare with the t distribution.
EOF
	fi
	HDR="$L" msg lists c2$k@other.example "$w" 'help@lists.example' \
		'Mon, 16 Nov 2026 10:00:00 +0000' "Re: slope test $k" $h <<'EOF'
Thank you. Where do I find the standard error in the fitted object?
EOF
	HDR="$L" msg lists c3$k@other.example "$w" 'help@lists.example' \
		'Mon, 16 Nov 2026 10:10:00 +0000' "Re: slope test $k" c2$k@other.example <<'EOF'
And could you tell me how many degrees of freedom the t distribution should have?
EOF
done
# 2. My question to the list; Dee and Ivy answer; I answer Ivy; Dee writes
#    again (d2); Ivy asks me something (i2); I answer Dee's d2 only (a).
#    (b): I answer Ivy's question too.  (c): Ivy's question comes before
#    Dee's d2, which my last post answers.
for k in a b c; do
	HDR="$L" msg lists m1$k@example.com 'Me <me@example.com>' 'help@lists.example' \
		'Mon, 16 Nov 2026 08:00:00 +0000' "news file $k" <<'EOF'
The check says it finds no entries in my news file. What is wrong with it?
EOF
	HDR="$L" msg lists d1$k@other.example 'Dee <dee@other.example>' 'help@lists.example' \
		'Mon, 16 Nov 2026 08:30:00 +0000' "Re: news file $k" m1$k@example.com <<'EOF'
The headings need the package name and the version number on one line.
EOF
	HDR="$L" msg lists i1$k@other.example 'Ivy <ivy@other.example>' 'help@lists.example' \
		'Mon, 16 Nov 2026 08:40:00 +0000' "Re: news file $k" m1$k@example.com <<'EOF'
The reader of news files changed last year; it is stricter about headings now.
EOF
	HDR="$L" msg lists m2$k@example.com 'Me <me@example.com>' 'help@lists.example' \
		'Mon, 16 Nov 2026 09:00:00 +0000' "Re: news file $k" i1$k@other.example <<'EOF'
I see. My headings carry the version number only, without the name.
EOF
	d2=09:30 i2=09:45
	[ $k = c ] && d2=09:50 i2=09:40
	HDR="$L" msg lists d2$k@other.example 'Dee <dee@other.example>' 'help@lists.example' \
		"Mon, 16 Nov 2026 $d2:00 +0000" "Re: news file $k" d1$k@other.example <<'EOF'
Add the name before the version in each heading and it will read them.
EOF
	HDR="$L" msg lists i2$k@other.example 'Ivy <ivy@other.example>' 'help@lists.example' \
		"Mon, 16 Nov 2026 $i2:00 +0000" "Re: news file $k" m2$k@example.com <<'EOF'
Which version of R do you use?
EOF
	if [ $k = b ]; then
		HDR="$L" msg lists m3$k@example.com 'Me <me@example.com>' 'help@lists.example' \
			'Mon, 16 Nov 2026 10:00:00 +0000' "Re: news file $k" i2$k@other.example <<'EOF'
No, it shows none of them there either.
EOF
	fi
	HDR="$L" msg lists m4$k@example.com 'Me <me@example.com>' 'help@lists.example' \
		'Mon, 16 Nov 2026 10:30:00 +0000' "Re: news file $k" d2$k@other.example <<'EOF'
Thank you, with the name in each heading the check is quiet now.
EOF
done
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-17T12:00:00+00:00

t 'the asker'"'"'s second message, added to their answer to me, needs my reply' '
	lu scan --quiet && expect_tags c3a@other.example "leadup/due leadup/needs-reply"'
t 'the same after an answer from another helper does not' '
	expect_tags c3b@other.example "" && expect_tags c2b@other.example ""'
t 'nor the same two messages from somebody else than the asker' '
	expect_tags c3c@other.example "" && expect_tags c2c@other.example ""'
t 'a question to me that my later post passed by needs my reply' '
	expect_tags i2a@other.example "leadup/due leadup/needs-reply" &&
	lu why id:i2a@other.example >out && grep -q "answers Dee'"'"'s earlier one" out'
t 'its draft answers that question, not my later post' '
	lu draft id:i2a@other.example >out && grep -q "^In-Reply-To: <i2a@other.example>" out'
t 'answered too, it does not' '
	expect_tags i2b@other.example "" && expect_tags m4b@example.com ""'
t 'nor when the message my post answers came after the question' '
	expect_tags i2c@other.example "" && expect_tags m4c@example.com ""'
done_testing
