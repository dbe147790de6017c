#!/bin/sh
# A read whose snapshot notmuch new replaces while leadup is inside
# libnotmuch.  A read-only handle reads one Xapian snapshot; once writers
# have committed twice since, Xapian throws DatabaseModifiedError at the
# next block it reads from disk.  libnotmuch 0.37 catches it nearly
# everywhere, but not in _notmuch_message_create (lib/message.cc, reached
# from notmuch_messages_get): it catches only DocNotFoundError around
# get_document, so the exception crossed leadup's C frames and
# std::terminate aborted leadup ("terminate called after throwing an
# instance of 'Xapian::DatabaseModifiedError'", SIGABRT).  Where a message's
# accessors catch it themselves they answer NULL, which leadup read as a
# message without a file ("cannot open '(null)'") or a sender.
#
# strace makes the moment exact instead of likely: at the Nth read of
# postlist.glass (each N from the open to the first threads' messages) it
# fails the read with EINTR, which Xapian retries, and stops leadup there
# (SIGSTOP); six `notmuch new` of a new message commit meanwhile, then
# leadup goes on and its retried read meets a block of a newer revision.
# Shown to fail before the fix (nm-guard.cc, nm.c's read_query): of these
# 16 points, scan --full aborted at N=11 (exit 134, the terminate line
# above) and gave up at N=8 (exit 75: the count query was not read again);
# in a world of 300 threads it aborted at N=18 and N=24 and printed
# "cannot open '(null)'" with exit 0 at N=1009.  Now every point exits 0
# with nothing on standard error, and the tags converge.  (mute stopped at
# each of its first 14 reads never failed, before or after: t222 covers
# the keys beside notmuch new.)
. "$(dirname "$0")/lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
NOW=2026-11-20T09:00:00+00:00
i=0
while [ "$i" -lt 60 ]; do
	i=$((i + 1))
	ask "q$i@example.com" "Person $i <p$i@a.example>" "Question $i"
done
scanned
tagdump() { notmuch dump --format=batch-tag -- '*' | grep 'leadup%2f' | sort; }
# Every point starts from this world (the same reads in the same order).
cp -a "$HOME" home.orig

# paused N CMD...: leadup CMD stopped at its Nth read of postlist.glass
# while six notmuch new commit; its exit status in rc, its errors in err.
paused() {
	pt=$1
	shift
	rm -rf "$HOME" trace.out && cp -a home.orig "$HOME" || return 1
	# The main thread only (no -f): strace counts reads per thread, and
	# the thread that waits for the write lock must not stop too.
	strace -o trace.out -P "$MAIL/.notmuch/xapian/postlist.glass" -e trace=pread64 \
		-e inject=pread64:error=EINTR:signal=SIGSTOP:when="$pt" \
		"$LEADUP" --now "$NOW" "$@" 2>err &
	sp=$!
	w=0
	until grep -q "stopped by SIGSTOP" trace.out 2>/dev/null; do
		w=$((w + 1))
		# A command that reads fewer blocks than N never stops.
		kill -0 "$sp" 2>/dev/null || { wait "$sp"; echo "$?" >rc; return 0; }
		[ "$w" -le 3000 ] || { echo "leadup never stopped at read $pt"; kill "$sp"; return 1; }
		sleep 0.01
	done
	pid=$(pgrep -P "$sp")
	# notmuch new fails at once while leadup, stopped, holds the write lock.
	for c in a b c d e f; do
		msg inbox "n$pt$c@example.com" 'Someone <s@b.example>' 'Me <me@example.com>' \
			'Tue, 17 Nov 2026 10:00:00 +0000' "New $pt$c" <<'EOB' && index
Any news?
EOB
	done
	kill -CONT "$pid"
	wait "$sp"
	echo "$?" >rc
}

N=${SNAPSHOT_POINTS:-16}
t "scan --full stopped at each of its first $N reads while notmuch new commits six times exits 0, no read error" '
	bad=0 k=0
	while [ "$k" -lt '"$N"' ]; do k=$((k + 1))
		paused "$k" scan --full --quiet || exit 1
		if [ "$(cat rc)" != 0 ] || [ -s err ]; then echo "read $k: exit $(cat rc)"; cat err; bad=$((bad + 1)); fi
	done
	test "$bad" = 0'
t 'after the last point the tags converge: an incremental scan gives what a full scan gives' '
	lu scan --quiet && tagdump >inc.tags && lu scan --full --quiet && tagdump >full.tags &&
	diff inc.tags full.tags && grep -q "leadup%2fawaiting" full.tags'

done_testing
