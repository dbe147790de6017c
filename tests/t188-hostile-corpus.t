#!/bin/sh
# The generated hostile corpus (scripts/gen-hostile: 300 messages whose
# headers, bodies and attachment names carry shell and muttrc text,
# terminal controls, invalid UTF-8, malformed MIME, odd Message-IDs and
# dates) through every command, without a client: scan (incremental, then
# full: the same tags), why on every thread, every queue (text, JSON and
# Mutt's maildirs), the report, a draft of every thread and lint of it,
# classify and lint of every message, decisions on some threads.  Nothing
# crashes, nothing runs (the canary never appears), no control reaches the
# terminal, no header is injected into a draft, no file appears outside
# leadup's own directories.  The clients: t209.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is not installed (scripts/deps)"
world
GEN=$ROOT/scripts/gen-hostile
CANARY=$TMP/canary
export GEN_CANARY=$CANARY
NOW=2026-11-25T10:00:00+00:00
controls() { # controls FILE...: fails when a file holds a control other than LF and TAB
	perl -ne 'if (/[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c/) { print "control in $ARGV: $_"; $bad = 1 } END { exit $bad }' "$@"
}
tagdump() { notmuch dump --format=batch-tag -- '*' | grep 'leadup%2f' | sort; }
# clear FILE RC: RC is 0, or a sysexits code with a one-line "leadup: " reason in FILE
clear() {
	[ "$2" = 0 ] && return 0
	[ "$2" -ge 64 ] && [ "$2" -le 78 ] && grep -q "^leadup: " "$1" && return 0
	echo "exit $2:"; cat "$1"; return 1
}

t 'gen-hostile writes N messages; the same seed gives the same bytes, another seed other mail' '
	"$GEN" "$TMP/gen" 300 1 2>err && test "$(ls "$TMP/gen/cur" | wc -l)" = 300 &&
	"$GEN" "$TMP/again" 300 1 2>/dev/null && diff -r "$TMP/gen" "$TMP/again" &&
	"$GEN" "$TMP/other" 300 2 2>/dev/null && ! diff -rq "$TMP/gen" "$TMP/other" >/dev/null'
t 'gen-hostile refuses to write into the leadup tree and creates nothing there' '
	! "$GEN" "$ROOT/hostile-corpus" 5 2>err && grep -q "refusing to write into the leadup tree" err &&
	! test -e "$ROOT/hostile-corpus"'
t 'the corpus holds what it promises' '
	cat "$TMP"/gen/cur/* >all &&
	grep -q "touch $CANARY" all && grep -q "<shell-escape>" all && grep -q "=?UTF-8?B?" all &&
	grep -q "$(printf "\033")" all && grep -qa "$(printf "\377")" all &&
	grep -q "^Date: Fri, 31 Dec 9999" all && grep -q "multipart/mixed\$" all &&
	grep -q "^In-Reply-To: <h2\.1@hostile.example>" all && grep -L "^Message-ID:" "$TMP"/gen/cur/* | grep -q . &&
	grep -q "^Subject: Hostile 1 " all'

# Half the corpus, a scan, the other half, an incremental scan.
mkdir -p "$MAIL/hostile/cur" "$MAIL/hostile/new" "$MAIL/hostile/tmp" work
touch start
ls "$TMP/gen/cur" | head -n 150 | while read -r f; do mv "$TMP/gen/cur/$f" "$MAIL/hostile/cur/"; done
index 2>/dev/null
t 'a scan of the first half exits 0' 'lu scan --quiet 2>err; clear err $?'
mv "$TMP"/gen/cur/* "$MAIL/hostile/cur/"
index 2>/dev/null
t 'an incremental scan of the rest exits 0, and the queues fill' '
	lu scan --quiet 2>err; clear err $? || exit 1
	test "$(notmuch count --exclude=false tag:leadup/needs-reply)" -gt 10 &&
	test "$(notmuch count --exclude=false tag:leadup/awaiting)" -gt 10'
t 'scan --full gives the tags the incremental scans gave' '
	tagdump >work/inc.tags && lu scan --full --quiet 2>err && tagdump >work/full.tags &&
	diff work/inc.tags work/full.tags'
notmuch search --output=threads --exclude=false folder:hostile >work/threads
t 'why on every thread: exit 0, no control in what it prints' '
	test "$(wc -l <work/threads)" -gt 100 &&
	while read -r th; do
		lu why "$th" >work/why.out 2>work/why.err; clear work/why.err $? || { echo "$th"; exit 1; }
		cat work/why.out work/why.err >>work/why.all
	done <work/threads && controls work/why.all && grep -q "State:" work/why.all'
t 'every queue, as text and JSON, and the report: no control, valid JSON' '
	for q in "" due needs-reply awaiting promise-mine promise-theirs no-next-step bounced snoozed dormant closed muted; do
		lu queue $q >work/q.out 2>&1 || { echo "queue $q"; cat work/q.out; exit 1; }
		controls work/q.out || exit 1
		[ -z "$q" ] && continue
		lu queue $q --format=json >work/q.json 2>work/q.err && controls work/q.json work/q.err &&
			python3 -c "import json, sys; json.load(open(sys.argv[1]))" work/q.json || { echo "json $q"; exit 1; }
	done
	lu report >work/r.out 2>&1 && controls work/r.out && grep -q Hostile work/r.out'
# strip FILE: the message without the X-Label line leadup's copy adds to its header
strip() { perl -0777 -ne '($h, $b) = split /\n\n/, $_, 2; $h =~ s/\nX-Label: [^\n]*//; print "$h\n\n$b"' "$1"; }
t 'queue --maildir: links into the mail, copies that are the message plus one X-Label line' '
	lu queue needs-reply --maildir "$TMP/qdir" >/dev/null 2>err &&
	test "$(find "$TMP/qdir/cur/" -type l -o -type f | wc -l)" -gt 10 &&
	! find "$TMP/qdir/cur/" "$TMP/qdir/new/" -type l ! -lname "$MAIL/hostile/cur/*" | grep . &&
	for f in "$MAIL"/hostile/cur/*; do cksum <"$f"; done | sort >work/orig.ck &&
	for f in $(find "$TMP/qdir/cur/" "$TMP/qdir/new/" -type f); do
		test "$(sed "/^\$/q" "$f" | grep -c "^X-Label: ")" = 1 || { echo "$f: not one X-Label"; exit 1; }
		strip "$f" | cksum
	done | sort >work/copy.ck && test -z "$(comm -13 work/orig.ck work/copy.ck)"'
t 'a draft of every thread: a clear answer, no injected header, no control, lint reads it' '
	i=0; while read -r th; do i=$((i + 1))
		lu draft "$th" --output work/d$i.eml >/dev/null 2>work/d.err; rc=$?
		clear work/d.err $rc || { echo "$th"; exit 1; }
		controls work/d.err || exit 1
		[ $rc = 0 ] || continue
		sed "/^\$/q" work/d$i.eml >work/h
		controls work/h || exit 1
		! grep -q ".\{999\}" work/h || { echo "long header line in d$i"; exit 1; }
		if grep -v "^[ 	]" work/h | grep -v "^\$" | grep -Evi "^(From|To|Cc|Subject|Date|In-Reply-To|References|MIME-Version|Content-Type|Content-Transfer-Encoding):( |\$)"; then
			echo "unexpected header in d$i ($th)"; exit 1; fi
		test "$(grep -ci "^To: " work/h)" -le 1 && test "$(grep -ci "^Subject: " work/h)" = 1 ||
			{ echo "two To or Subject headers in d$i"; cat work/h; exit 1; }
		lu lint <work/d$i.eml >/dev/null 2>work/l.err; rc=$?
		case $rc in 0|1) ;; *) echo "lint d$i: exit $rc"; cat work/l.err; exit 1 ;; esac
	done <work/threads'
t 'classify and lint read every message: an answer or a clear error, never a crash' '
	for f in "$MAIL"/hostile/cur/*; do
		lu classify <"$f" >work/c.out 2>work/c.err; rc=$?
		case $rc in 0) grep -q "\"sentences\"" work/c.out || { echo "$f: no JSON"; exit 1; } ;;
			*) clear work/c.err $rc || { echo "$f"; exit 1; } ;; esac
		lu lint <"$f" >/dev/null 2>work/l.err; rc=$?
		case $rc in 0|1) ;; *) clear work/l.err $rc || { echo "$f"; exit 1; } ;; esac
	done'
t 'decisions on hostile threads exit 0, and the tags still converge' '
	i=0; head -n 12 work/threads | while read -r th; do i=$((i + 1))
		case $((i % 6)) in
		0) set -- done ;; 1) set -- mute ;; 2) set -- snooze 3d ;; 3) set -- remind 2d ;;
		4) set -- next-step "next friday" "send the \$(touch $CANARY) report" ;; 5) set -- reopen ;;
		esac
		lu "$@" "$th" >work/dec.out 2>&1; clear work/dec.out $? || { echo "$* $th"; exit 1; }
		controls work/dec.out || exit 1
	done &&
	lu undo >/dev/null 2>&1 && lu scan --quiet && tagdump >work/inc2.tags &&
	lu scan --full --quiet && tagdump >work/full2.tags && diff work/inc2.tags work/full2.tags'
t 'nothing ran: the canary never appeared' '! test -e "$CANARY"'
t 'no file outside the mail, notmuch and leadup directories' '
	find "$HOME" -newer start -type f ! -path "$MAIL/*" ! -path "$HOME/.cache/leadup/*" \
		! -path "$XDG_DATA_HOME/leadup/*" | grep . && exit 1
	! ls /tmp/leadup-hostile-* 2>/dev/null'
done_testing
