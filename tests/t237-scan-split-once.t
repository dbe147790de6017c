#!/bin/sh
# A first full scan reads each text once (issue 14, s33-first): every file
# is parsed once and its own text extracted once, and the workers compare a
# thread's messages (said.c: sentences pasted without ">") with the
# sentences each message's analysis split, not splitting the text again
# (that second split was 3% of a first full scan of r-package-devel).  A
# text no earlier message by another writer shares a sentence with is not
# folded whole to look for one.  Counted (LEADUP_DEBUG_COUNTS: "files
# parsed", "own texts extracted", "texts split again to compare"), never
# timed; the tags and the state are those of one thread, whose rules split
# every text themselves.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world me@example.net
ME='Me <me@example.com>' SAM='Sam <sam@supplier.example>' KIM='"Kim Lee-Ward" <kim@client.example>'
NOW=2026-11-23T09:00:00+00:00
# Threads of two, mine in each: the workers analyse both messages.
msg inbox of1@supplier.example "$SAM" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Offer' <<'EOF'
I will send the delivery schedule for the forty chairs this week.
EOF
msg sent of1a@example.com "$ME" "$SAM" 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Offer' \
	of1@supplier.example <<'EOF'
Perfect, please go ahead.

I will send the delivery schedule for the forty chairs this week.
EOF
msg sent qs1@example.com "$ME" "$KIM" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Invoice' <<'EOF'
Could you send the invoice for the chairs to our accounts team?
EOF
msg inbox qs1a@client.example "$KIM" "$ME" 'Tue, 17 Nov 2026 15:00:00 +0000' 'Re: Invoice' \
	qs1@example.com <<'EOF'
Done, it went out an hour ago.

Could you send the invoice for the chairs to our accounts team?
EOF
msg sent nw1@example.com "$ME" "$KIM" 'Wed, 18 Nov 2026 09:00:00 +0000' 'Venue' <<'EOF'
Could you book the room on the second floor for Thursday's meeting?
EOF
msg inbox nw1a@client.example "$KIM" "$ME" 'Wed, 18 Nov 2026 15:00:00 +0000' 'Re: Venue' \
	nw1@example.com <<'EOF'
Booked it for the whole afternoon, the key is at the front desk.
EOF
index
pristine
files=$(notmuch count --output=files '*')

t 'one thread: every file parsed once, its own text extracted once' '
	first_scan one 1 && test "$(debug_counted one.err "counts")" = "$files" &&
	grep -q "^leadup: own texts extracted: $files of $files files parsed$" one.err'
t 'the pasted sentences were dropped: their promise pasted under my answer stays theirs' '
	expect_tags of1@supplier.example "leadup/due leadup/promise-theirs" && expect_tags of1a@example.com ""'
t 'two workers: each file parsed once, and no text split again to compare the messages' '
	first_scan two 2 && grep -q "2 worker threads read" two.err &&
	test "$(debug_counted two.err "counts")" = "$files" &&
	grep -q "^leadup: own texts extracted: $files of $files files parsed$" two.err &&
	test "$(debug_counted two.err "analysed on the main thread")" = 0 &&
	test "$(debug_counted two.err "texts split again to compare")" = 0'
t 'the tags and the state are those of one thread' '
	cmp one.tags two.tags && cmp one.state two.state'
done_testing
