#!/bin/sh
# On a list, who answers a helper in a thread that broke (issue 10,
# session 37, doc/benchmarks-log.md "Errors on people no change had seen"):
# written mail, each case beside the one the rule must leave.
# The asker's own post that broke threading answers a helper who wrote
# to another helper in the asker's thread; a third person's does not (a
# helper's post answers only the one it replies to: t253).
. "$(dirname "$0")/lib.sh"
world
L='List-Id: <help.lists.example>'
# Cy asks; Dee answers; I ask Dee something back; then a post of the
# same subject without reply headers, by Cy (a) or by Eve (b).
for k in a b; do
	HDR="$L" msg lists cq$k@other.example "Cy$k <cy$k@other.example>" 'help@lists.example' \
		'Mon, 16 Nov 2026 08:00:00 +0000' "merge drops rows $k" <<'EOF'
My merge of two tables drops half of the rows. Why does that happen?
EOF
	HDR="$L" msg lists dq$k@other.example "Dee <dee$k@other.example>" 'help@lists.example' \
		'Mon, 16 Nov 2026 08:30:00 +0000' "Re: merge drops rows $k" cq$k@other.example <<'EOF'
The keys probably differ in case. Use tolower() on both before the merge.
EOF
	HDR="$L" msg lists mq$k@example.com 'Me <me@example.com>' 'help@lists.example' \
		'Mon, 16 Nov 2026 09:30:00 +0000' "Re: merge drops rows $k" dq$k@other.example <<'EOF'
Which part of the merge loses the rows: the keys or the join type? Could you send the output of str() for both tables?
EOF
done
HDR="$L" msg lists cqax@other.example 'Cya <cya@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 10:30:00 +0000' 'Re: merge drops rows a' <<'EOF'
The keys were the trouble: after tolower() every row is there. Here is str() anyway.
EOF
HDR="$L" msg lists cqbx@other.example 'Eve <eve@other.example>' 'help@lists.example' \
	'Mon, 16 Nov 2026 10:30:00 +0000' 'Re: merge drops rows b' <<'EOF'
You could also try the join of another package, which keeps every row.
EOF
index
printf '[scan]\nlists = true\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-18T12:00:00+00:00

t 'the asker'"'"'s post that broke threading answers my question to another helper' '
	lu scan --quiet && expect_tags mqa@example.com "" &&
	lu why id:mqa@example.com >out && grep -q "answered on" out'
t 'a third person'"'"'s post does not' '
	expect_tags mqb@example.com leadup/awaiting &&
	lu why id:mqb@example.com >out && ! grep -q "answered on" out'
done_testing
