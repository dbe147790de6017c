#!/bin/sh
# sqlite's and C++'s small blocks kept for reuse (store.c, sqlmem_malloc:
# Debian's sqlite has no lookaside, and each parse tree and row went to
# malloc and back; helper/cxx-new.cc, Xapian's through operator new): the
# scans, queue and why give what they give with both on malloc alone
# (LEADUP_DEBUG_SYSTEM_MALLOC, as tests/valgrind-leadup runs it),
# from the same notmuch database and state, through a full scan, long
# texts (rows past the kept sizes, grown by realloc), one new message into
# a thread and a second store opened by why.
# Issue 14, session 35 (doc/benchmarks-log.md, "The one-new-message scan").
. "$(dirname "$0")/lib.sh"
kept_world
long_text() { # long_text N: N sentences, a text of some kilobytes
	for i in $(seq 1 "$1"); do printf 'Could you check item %s of the October list before Friday? ' "$i"; done
	echo
}
msg inbox long1@q.example 'Q <q@q.example>' 'Me <me@example.com>' 'Tue, 17 Nov 2026 09:00:00 +0000' \
	'Re: Budget' a1@example.com <<EOF
$(long_text 120)

> Could you send me the figures for October?
EOF
# both_ways NAME [SCAN OPTION]: index, then the scan twice from the same
# notmuch database and state: sqlite on malloc alone, then as it runs; the
# tags, every state table, the queue and why the same.
both_ways() {
	index && rm -rf "$TMP/bw" && mkdir "$TMP/bw" && cp -a "$MAIL/.notmuch" "$STATE_DIR" "$TMP/bw/" &&
		LEADUP_DEBUG_SYSTEM_MALLOC=1 lu scan --quiet $2 && state_dump "$1.sys" &&
		LEADUP_DEBUG_SYSTEM_MALLOC=1 lu queue --format=json >"$1.sys.q" &&
		LEADUP_DEBUG_SYSTEM_MALLOC=1 lu why id:a1@example.com >"$1.sys.why" &&
		rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/bw/.notmuch" "$MAIL/" &&
		cp -a "$TMP/bw/$(basename "$STATE_DIR")" "$(dirname "$STATE_DIR")/" &&
		lu scan --quiet $2 && state_dump "$1.kept" && lu queue --format=json >"$1.kept.q" &&
		lu why id:a1@example.com >"$1.kept.why" &&
		diff "$1.sys.tags" "$1.kept.tags" && diff "$1.sys.state" "$1.kept.state" &&
		diff "$1.sys.q" "$1.kept.q" && diff "$1.sys.why" "$1.kept.why"
}
t 'a long reply into my thread, the incremental scan: the same' 'both_ways s1 && test -s s1.kept.q'
t 'the full scan: the same' 'both_ways s2 --full'
t 'one new message into the thread: the same' '
	msg inbox short2@q.example "Q <q@q.example>" "Me <me@example.com>" "Wed, 18 Nov 2026 09:00:00 +0000" \
		"Re: Budget" long1@q.example "<a1@example.com> <long1@q.example>" <<EOF && both_ways s3
Thanks, that works for me. Could you send the final version by Friday?
EOF'
t 'with workers reading ahead (LEADUP_JOBS=2), a notice: the same' '
	notice 19 && LEADUP_JOBS=2 both_ways s4 --full'
done_testing
