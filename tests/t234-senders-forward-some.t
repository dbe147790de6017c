#!/bin/sh
# An incremental scan brings forward only the senders' histories the mail
# added may count for (issue 14, session 34): a full scan keeps with the
# table's key (meta senders, after a newline) the addresses a range of the
# table's key cannot find (not printable ASCII, not beginning with a letter
# or digit, or a first run of letters and digits past 64); the incremental
# scan reads those and the addresses that begin with a run of the added
# messages' From and To terms, and tests only them.  The others hold as
# kept: why, draft and the scan's rules read them from the table.  Every
# step is compared with the scan that reads and tests every row
# (LEADUP_DEBUG_WHOLE_SENDERS), from the same notmuch database and state:
# the same tags, queue, histories and base.
. "$(dirname "$0")/lib.sh"
LONG=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmn
# question ID FROM DAY: a question from FROM on 2026-11-DAY
question() {
	msg inbox "$1" "$2" 'Me <me@example.com>' \
		"$(printf '%s, %s Nov 2026 09:30:00 +0000' "$(date -u -d "2026-11-$3" +%a)" "$3")" \
		"Question $1" <<'EOF'
Can you confirm your details for the record?
EOF
}
# The odd senders: not ASCII, beginning with "_", a first run of 66.
odd_mail() { # odd_mail DAY
	question "uni$1@example.org" 'José <josé@corp.example>' "$1" &&
		question "under$1@example.org" 'Ops <_ops@corp.example>' "$1" &&
		question "long$1@example.org" "Long <$LONG@corp.example>" "$1"
}
# Two ordinary senders, whom a notice's terms do not begin.
kept_world && odd_mail 16 && odd_mail 17 && question alice16@example.org 'Alice <alice@corp.example>' 16 &&
	question bob17@example.org 'Bob <bob@else.example>' 17 && scanned && lu scan --full --quiet
key_lines() { sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'senders'" | sed 1d | sed '/^$/d'; }
state() { # state NAME: the histories, their base, the tags and the queue
	{ sqlite3 "$DB" "SELECT * FROM senders ORDER BY addr; SELECT value FROM meta WHERE key = 'senders_base'" &&
		snap && lu queue --format=json; } >"$1"
}
# both_ways NAME: index, then the incremental scan twice from the same
# notmuch database and state: every row (LEADUP_DEBUG_WHOLE_SENDERS), then
# as it does (counts in NAME.err, which is kept); the states the same.
both_ways() {
	index && rm -rf "$TMP/bw" && mkdir "$TMP/bw" && cp -a "$MAIL/.notmuch" "$STATE_DIR" "$TMP/bw/" &&
		scan_counted "$1.whole" LEADUP_DEBUG_WHOLE_SENDERS=1 2>/dev/null && state "$1.w" &&
		rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/bw/.notmuch" "$MAIL/" &&
		cp -a "$TMP/bw/$(basename "$STATE_DIR")" "$(dirname "$STATE_DIR")/" &&
		scan_counted "$1.err" 2>/dev/null && state "$1.s" && diff "$1.w" "$1.s"
}
rows_read() { sed -n "s/^leadup: senders' histories brought forward: .*, \([0-9]*\) kept rows read, .*/\1/p" "$1"; }
rows() { sqlite3 "$DB" "SELECT count(*) FROM senders"; }

t 'the full scan keeps the odd addresses with the key, escaped' '
	key_lines >odd && test "$(wc -l <odd)" = 3 && grep -qx "_ops@corp.example" odd &&
	test "$(rows)" = 6 &&
	grep -qx "$LONG@corp.example" odd && grep -q "^jos\\\\" odd && ! grep -q notices odd &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM senders WHERE addr IN ('\''_ops@corp.example'\'', '\''$LONG@corp.example'\'', '\''josé@corp.example'\'', '\''notices@corp.example'\'')")" = 4 &&
	kept_live'
t 'a notice: its history and the odd ones read, not every row; the same as reading all' '
	notice 19 && both_ways s1 && test "$(debug_counted s1.err "senders'\'' histories brought forward")" = 1 &&
	test "$(rows_read s1.err)" -lt "$(rows_read s1.whole)" && test "$(rows_read s1.whole)" = "$(rows)" &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '\''notices@corp.example'\''")" = 4 &&
	kept_live'
t 'why and draft read the histories the scan did not take, as counting afresh' '
	test "$(kept_asked w1 why id:often19@example.org)" = "2 0" &&
	kept_asked w2 why id:under17@example.org >/dev/null && kept_asked d2 draft id:long17@example.org >/dev/null'
t 'mail from each odd sender: counted in, as reading all' '
	odd_mail 19 && both_ways s2 && kept_live &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '\''_ops@corp.example'\''")" = 3 &&
	test "$(sqlite3 "$DB" "SELECT sent FROM senders WHERE addr = '\''josé@corp.example'\''")" = 3'
t 'my reply to one of them and a new sender: the same as reading all' '
	msg sent mine3@example.com "Me <me@example.com>" "Ops <_ops@corp.example>" \
		"Fri, 20 Nov 2026 08:00:00 +0000" "Re: Question" under19@example.org </dev/null &&
	question new21@example.org "New <new@else.example>" 20 && both_ways s3 && kept_live'
t 'a key written before session 34 (no odd addresses): every row read, the same' '
	sqlite3 "$DB" "UPDATE meta SET value = substr(value, 1, instr(value, char(10)) - 1) WHERE key = '\''senders'\''" &&
	test -z "$(key_lines)" && notice 21 && both_ways s4 &&
	test "$(rows_read s4.err)" = "$(rows)" && kept_live'
t 'the next full scan writes them again' '
	lu scan --full --quiet && test "$(key_lines | wc -l)" = 3 && notice 22 && both_ways s5 &&
	test "$(rows_read s5.err)" -lt "$(rows)" && kept_live'
done_testing
