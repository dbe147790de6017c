#!/bin/sh
# The full walk reads each date slice straight from Xapian (issue 14,
# s34-first): libnotmuch's search sorted an MSet, made a message object,
# read each value with a look-up of its own and each file's directory
# document again, 140,000 instructions a message of a first full scan.
# leadup reads the date, From and Subject value streams in one pass and
# each message's term list once (xapian-count.cc lu_xcount_slice).  Here
# what notmuch gives must come out the same: files in several folders and
# a message with two, a draft, a message without a Subject (notmuch reads
# its file for it: so does leadup, through notmuch), messages of one
# second (Xapian's order of ties), dates before 1970 and years ahead, one
# slice and slices of 3 (a thread's messages outside its slice are read
# from Xapian too, lu_xcount_rest), threads read 64 and 1 to a batch.
# LEADUP_DEBUG_NO_XWALK makes every slice a notmuch search;
# LEADUP_DEBUG_COUNTS counts the messages read from Xapian: each once, a
# thread's messages outside its slice not read again in their own
# (LEADUP_DEBUG_WALK_AGAIN reads them again, as before s40-exp).
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00
world me@example.net
mkdir -p "$MAIL/drafts/cur" "$MAIL/drafts/new" "$MAIL/drafts/tmp"
generated 150 5
ME='Me <me@example.com>' KIM='"Kim Lee-Ward" <kim@client.example>' SAM='Sam <sam@supplier.example>'
msg inbox tie1@client.example "$KIM" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Chairs' <<'EOF'
Could you send the delivery schedule for the chairs?
EOF
msg inbox tie2@supplier.example "$SAM" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Tables' <<'EOF'
Could you confirm the order of twelve tables?
EOF
msg sent tie3@example.com "$ME" "$SAM" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Re: Tables' tie2@supplier.example <<'EOF'
I will confirm the order by Friday.
EOF
msg sent twice@example.com "$ME" "$KIM" 'Tue, 17 Nov 2026 10:00:00 +0000' 'Invoice' <<'EOF'
Could you send the invoice to our accounts team?
EOF
cp "$MAIL/sent/cur/twice@example.com:2,S" "$MAIL/lists/cur/twice-copy:2,S"
msg drafts draft@example.com "$ME" "$KIM" 'Wed, 18 Nov 2026 10:00:00 +0000' 'Venue' <<'EOF'
Could you book the room for Thursday?
EOF
printf 'From: %s\nTo: %s\nDate: Wed, 18 Nov 2026 11:00:00 +0000\nMessage-ID: <nosubject@client.example>\n\nCould you call me back about the venue?\n' \
	"$KIM" "$ME" | deliver inbox nosubject
msg inbox old@client.example "$KIM" "$ME" 'Mon, 1 Mar 1965 09:00:00 +0000' 'Very old question' <<'EOF'
Could you send me the minutes of the meeting?
EOF
msg inbox ahead@client.example "$KIM" "$ME" 'Tue, 2 Mar 2032 09:00:00 +0000' 'From the future' <<'EOF'
Could you confirm the booking for the hall?
EOF
index
pristine
# Every message but the one dated before 1970: notmuch indexed it dated 0,
# which its `date:..@T` (the walk's last slice) leaves out, and so does
# leadup's read (that message's thread is never walked, either way).
all=$(notmuch count 'date:@1..') && test "$all" = $(($(notmuch count '*') - 1)) || exit 1
# walk NAME SLICE [ENV...]: the first full scan (SLICE messages a slice,
# "" the default), counted, dumped.
walk() {
	_n=$1 _s=$2 && shift 2 && start &&
		env ${_s:+LEADUP_DEBUG_SLICE=$_s} "$@" LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --full 2>"$_n.err" &&
		state_dump "$_n"
}
order() { sed -n 's/^leadup: walk order: \([0-9a-f]\{16\}\)$/\1/p' "$1.err"; }
same() { test -n "$(order "$1")" && test "$(order "$1")" = "$(order "$2")" && cmp "$1.tags" "$2.tags" && cmp "$1.state" "$2.state"; }

t 'one slice: every message read from Xapian' '
	walk x "" && test "$(debug_counted x.err "walked messages read from Xapian")" = "$all"'
t 'LEADUP_DEBUG_NO_XWALK: none read from Xapian' '
	walk n "" LEADUP_DEBUG_NO_XWALK=1 && test "$(debug_counted n.err "walked messages read from Xapian")" = 0'
t 'the same threads in the same order, tags and state' '
	same x n && test "$(sqlite3 "$DB" "SELECT count(*) FROM items")" -gt 20'
t 'the draft, the message of two files and the one without a Subject are read as notmuch reads them' '
	walk x "" && expect_tags draft@example.com "" && test -n "$(tags nosubject@client.example)" &&
	test -n "$(tags twice@example.com)"'
t 'slices of 3, from Xapian and from notmuch: the same again; each message read once' '
	walk x3 3 && walk n3 3 LEADUP_DEBUG_NO_XWALK=1 &&
	test "$(debug_counted x3.err "walked messages read from Xapian")" = "$all" &&
	test "$(debug_counted x3.err "walked messages not read again in their own slice")" -gt 0 &&
	same x3 n3 && same x x3'
t 'LEADUP_DEBUG_WALK_AGAIN: a thread across slices read again in each (as before), the same again' '
	walk a3 3 LEADUP_DEBUG_WALK_AGAIN=1 && same x3 a3 &&
	test "$(debug_counted a3.err "walked messages read from Xapian")" -gt "$all" &&
	test "$(debug_counted a3.err "walked messages not read again in their own slice")" = 0 &&
	test "$(grep "threads met again" a3.err)" = "$(grep "threads met again" x3.err)"'
t 'slices of 3, a thread to a batch: the same again, as many messages read' '
	walk x31 3 LEADUP_DEBUG_BATCH=1 && same x3 x31 &&
	test "$(debug_counted x31.err "walked messages read from Xapian")" = "$(debug_counted x3.err "walked messages read from Xapian")"'
done_testing
