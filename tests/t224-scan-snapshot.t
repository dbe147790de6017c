#!/bin/sh
# A scan whose read-only snapshot notmuch replaces while it reads.  strace
# stops the scan (SIGSTOP) when it opens the mail of a thread in the middle
# of the walk; meanwhile six commits (notmuch tag) overwrite the revision it
# was reading, then it goes on.  The next thread's query meets Xapian's
# DatabaseModifiedError: libnotmuch 0.37's notmuch_query_search_threads
# returned that thread freed and the scan aborted in notmuch_thread_destroy
# (SIGABRT, 4 of 4 before the fix); nm.c now reopens and asks again, and the
# scan ends as an undisturbed one would.  The stop comes at a point of the
# work (an openat), and the test waits for the stop itself, not for a time.
. "$(dirname "$0")/lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
NOW=2026-11-20T09:00:00+00:00
i=0
while [ "$i" -lt 300 ]; do
	i=$((i + 1))
	msg sent "q$i@example.com" 'Me <me@example.com>' "Person $i <p$i@a.example>" 'Mon, 16 Nov 2026 10:00:00 +0000' "Question $i" <<'EOB'
Could you send me the figures for October?
EOB
done
index && lu scan --quiet
tagdump() { notmuch dump --format=batch-tag -- '*' | grep 'leadup%2f' | perl -pe 's/ \+(?!leadup%2f)\S+//g' | sort; }
tagdump >want.tags

# paused N [FILE]: a full scan, stopped when it first opens FILE (thread
# N's mail) while six commits land; its exit status in rcN.  Thread N's
# file gets a new mtime first, so the analysis cache (keyed by the file's
# identity) sends the scan to read it again.
paused() {
	rm -f trace.out
	[ -n "$2" ] || touch -d "2026-11-17 10:00:0$(($1 % 10))" "$MAIL"/sent/cur/q"$1"@example.com*
	strace -f -o trace.out -P "${2:-$(ls "$MAIL"/sent/cur/q"$1"@example.com*)}" -e trace=openat \
		-e inject=openat:signal=SIGSTOP:when=1 "$LEADUP" --now "$NOW" scan --full --quiet 2>"scan$1.err" &
	sp=$!
	k=0
	until grep -q "stopped by SIGSTOP" trace.out 2>/dev/null; do
		k=$((k + 1))
		[ "$k" -le 3000 ] || { echo "the scan never stopped"; kill "$sp"; return 1; }
		sleep 0.01
	done
	pid=$(sed -n 's/^\([0-9]*\) *--- stopped by SIGSTOP.*/\1/p' trace.out | head -n 1)
	for tg in a b c d e f; do notmuch tag +"x$1$tg" -- "*"; done # new tags: six commits
	kill -CONT "$pid"
	wait "$sp"
	echo "$?" >"rc$1"
}
for th in 100 150 200 250; do
	t "a scan stopped at thread $th while notmuch commits six times exits 0 (no abort in libnotmuch)" '
		paused '$th' && cat scan'$th'.err && test "$(cat rc'$th')" = 0'
done
# Opening: Xapian reads the revision's number (iamglass), then opens each
# table; six commits between the two discard that revision ("The revision
# being read has been discarded", a Xapian exception): leadup said the
# database could not be opened (exit 69, "run notmuch new to create it")
# before it tried again.
for f in docdata termlist postlist; do
	t "a scan stopped as it opens the notmuch database ($f.glass) while notmuch commits six times exits 0" '
		paused '$f' "$MAIL/.notmuch/xapian/'$f'.glass" && cat scan'$f'.err && test "$(cat rc'$f')" = 0'
done
t 'and the tags are those of an undisturbed scan' 'tagdump >got.tags && diff want.tags got.tags'
done_testing
