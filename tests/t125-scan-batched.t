#!/bin/sh
# The full walk reads each message from notmuch once (issue 14): a date
# slice's messages are kept, grouped by thread, and a thread's messages
# outside the slice come with one query for up to LU_THREAD_BATCH (64)
# threads ("thread:A or thread:B ...") where there used to be one query
# a thread, after a pass over the slice that read every message once more
# for its thread id.  Counted (LEADUP_DEBUG_COUNTS: "notmuch reads: Q
# thread queries, M messages"), never timed; the tags, the state and the
# order walked are those of a query a thread (LEADUP_DEBUG_BATCH=1),
# with slices of one message or a few (threads across slices) as well.
# And a first scan, whose analysis cache is empty, asks sqlite only for
# the rows it wrote itself (a Bloom filter of their Message-IDs): every
# other look-up would miss.
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00
world me@example.net
generated 600 5
index
pristine
THREADS=$(notmuch count --output=threads '*')
# scan NAME BATCH [SLICE]: the first full scan, counted, then state_dump NAME.
scan() {
	start && LEADUP_DEBUG_BATCH=$2 LEADUP_DEBUG_SLICE=${3:-4096} LEADUP_DEBUG_COUNTS=1 \
		lu scan --full 2>"$1.err" && grep 'notmuch reads' "$1.err" && state_dump "$1"
}
# reads NAME: "QUERIES MESSAGES"; order NAME: the digest of the threads walked.
reads() {
	sed -n 's/^leadup: notmuch reads: \([0-9]*\) thread queries, \([0-9]*\) messages$/\1 \2/p' "$1.err"
}
order() { sed -n 's/^leadup: walk order: \([0-9a-f]\{16\}\)$/\1/p' "$1.err"; }

t "a query a thread with LEADUP_DEBUG_BATCH=1 ($THREADS threads)" '
	scan one 1 && set -- $(reads one) && test "$1" -ge "$THREADS"'
t 'by default a query for 64 threads, each message read once by the walk' '
	scan batched 64 && set -- $(reads batched) && test "$1" -le $((THREADS / 64 + 4)) &&
	test "$2" -ge 600 && test "$2" -lt 700'
t 'the same threads in the same order, tags and state' '
	test -n "$(order one)" && test "$(order one)" = "$(order batched)" &&
	cmp one.tags batched.tags && cmp one.state batched.state'
t 'slices of 4 messages, batches of 3 threads: the same again' '
	scan sliced 3 4 && set -- $(reads sliced) && test "$1" -gt $((THREADS / 3)) &&
	test "$(order one)" = "$(order sliced)" && cmp one.tags sliced.tags && cmp one.state sliced.state'
t 'slices of 1 message (or one second), batches of 64: the same again' '
	scan single 64 1 && test "$(order one)" = "$(order single)" &&
	cmp one.tags single.tags && cmp one.state single.state'

# cache NAME: "LOOK-UPS FOUND" of the analysis cache; parsed NAME: files parsed.
cache() { sed -n 's/^leadup: analysis cache: \([0-9]*\) look-ups, \([0-9]*\) found$/\1 \2/p' "$1.err"; }
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed, .*/\1/p' "$1.err"; }
t 'a first scan asks the empty analysis cache only for rows it wrote itself' '
	set -- $(cache batched) && test -n "$1" && test "$1" -lt 150 && test "$1" -ge "$2"'
t 'asking for every message (LEADUP_DEBUG_NO_FRESH): as many found and parsed, the same tags and state' '
	LEADUP_DEBUG_NO_FRESH=1 scan every 64 && set -- $(cache every) && test "$1" -ge 500 &&
	test "$2" = "$(cache batched | cut -d" " -f2)" && test "$(parsed every)" = "$(parsed batched)" &&
	cmp every.tags batched.tags && cmp every.state batched.state'
t 'a full scan with the cache filled asks it for every message it reads' '
	LEADUP_DEBUG_COUNTS=1 lu scan --full 2>warm.err && set -- $(cache warm) && test "$1" -ge 500 &&
	test "$2" -ge 500'

msg inbox late@example.org 'Kim <kim@example.org>' 'Me <me@example.net>' \
	'Sun, 22 Nov 2026 09:00:00 +0000' 'Late' <<'EOF'
Could you confirm the room for Tuesday?
EOF
index
t 'a scan of new mail (a query, not the sliced walk) reads its thread with one query' '
	LEADUP_DEBUG_COUNTS=1 lu scan 2>late.err && cat late.err && set -- $(reads late) &&
	test "$1" = 1 && expect_tags late@example.org leadup/needs-reply'
done_testing
