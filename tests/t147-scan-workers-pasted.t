#!/bin/sh
# The full scan's workers compare each thread's messages themselves (issue
# 14, "use both cores"): a sentence pasted from an earlier message without
# ">" is dropped by the worker that read the thread, which analyses the
# text without it, so the main thread analyses no text at all.  Before,
# the workers analysed each text as written and the main thread analysed
# the pasted ones again.  Counted (LEADUP_DEBUG_COUNTS: "analysed on the
# main thread"), never timed; the tags and the state are those of one
# thread, which analyses everything itself.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world me@example.net
generated 600 5
NOW=2026-11-23T09:00:00+00:00
ME='Me <me@example.com>' SAM='Sam <sam@supplier.example>'
# Their offer pasted under my acceptance (my thread: the workers read it all).
msg inbox of1@supplier.example "$SAM" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Offer' <<'EOF'
I will send the delivery schedule for the forty chairs this week.
EOF
msg sent of1a@example.com "$ME" "$SAM" 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Offer' \
	of1@supplier.example <<'EOF'
Perfect, please go ahead.

I will send the delivery schedule for the forty chairs this week.
EOF
# My question pasted whole into their answer, which asks nothing itself:
# its last message, to me, is analysed as written and without the paste.
msg sent qs1@example.com "$ME" "$SAM" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Invoice' <<'EOF'
Could you send the invoice for the chairs to our accounts team?
EOF
msg inbox qs1a@supplier.example "$SAM" "$ME" 'Tue, 17 Nov 2026 15:00:00 +0000' 'Re: Invoice' \
	qs1@example.com <<'EOF'
Done, it went out an hour ago.

Could you send the invoice for the chairs to our accounts team?
EOF
# A thread of theirs to me, pasting their own earlier question back: read
# from its latest message only, compared by the rules on the main thread.
msg inbox th1@supplier.example "$SAM" "$ME" 'Wed, 18 Nov 2026 09:00:00 +0000' 'Colours' <<'EOF'
Which colour would you like for the seat covers this time?
EOF
msg inbox th1a@supplier.example "$SAM" "$ME" 'Thu, 19 Nov 2026 09:00:00 +0000' 'Re: Colours' \
	th1@supplier.example <<'EOF'
Just checking again.
Which colour would you like for the seat covers this time?
EOF
index
pristine
main_texts() { sed -n 's/^leadup: analysed on the main thread: \([0-9]*\) texts$/\1/p' "$1.err"; }

t 'one thread analyses every text itself' '
	first_scan one 1 && test "$(main_texts one)" -gt 300'
t 'the pasted sentences were dropped: their promise pasted under my answer stays theirs, not mine' '
	expect_tags of1@supplier.example "leadup/due leadup/promise-theirs" && expect_tags of1a@example.com ""'
t 'with two workers the main thread analyses no text, and the tags and state are the same' '
	first_scan two 2 && grep -q "2 worker threads read" two.err && test "$(main_texts two)" = 0 &&
	cmp one.tags two.tags && cmp one.state two.state'
t 'with three, the same again' '
	first_scan three 3 && test "$(main_texts three)" = 0 && cmp one.tags three.tags &&
	cmp one.state three.state'
done_testing
