#!/bin/sh
# A full scan's items (issue 14, session 35): an item the run decides as
# it was is not written again (its stamp, items.updated, stays: 3% of a
# settings change's main thread at 300,000 messages rewrote every page of
# the items for it), and the full scan forgets the items its plan does
# not hold, written or not, as it forgot those it did not stamp before.
# The stat of each file before its analysis cache look-up goes through a
# descriptor of the file's directory: a file replaced under the same name
# between scans is read again by a settings change all the same.  The
# items compared with those a full scan of the same index decides from no
# state at all.  Counted, not timed (LEADUP_DEBUG_COUNTS).
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
NOW=2026-11-20T09:00:00+00:00
ask a1@example.com 'Q <q@q.example>' 'Budget'
ask a2@example.com 'R <r@r.example>' 'Venue'
# their questions to me: items no [awaiting] setting moves
for p in p q; do
	msg inbox "ask-$p@example.net" "$p <$p@$p.example>" 'Me <me@example.com>' \
		'Tue, 17 Nov 2026 09:00:00 +0000' "Lunch $p" <<'EOF'
Could you tell me which day you are free next week?
EOF
done
for d in 10 12 13 16 17 18; do
	notice "$d"
done
index

scan() { walk_scan "$@"; } # lib.sh: the scan counted, its state dumped
setting() { printf '[awaiting]\nfirst=%s\n' "$1" >"$XDG_CONFIG_HOME/leadup/config"; }
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed.*/\1/p' "$1.err"; }
stamps() { sqlite3 "$DB" "SELECT mid, updated FROM items ORDER BY mid"; }
# items without their stamps, as every column but items.updated
items() { sqlite3 "$DB" "SELECT mid, thread, state, due, due_at, since, next_check, stage, subject,
	who, norm_subject, why FROM items ORDER BY mid"; }
# afresh NAME: the items a full scan of a copy of this index decides from no state
afresh() {
	rm -rf fresh && mkdir fresh && cp -a "$MAIL/.notmuch" fresh/nm && cp -a "$STATE_DIR" fresh/state &&
		rm -rf "$STATE_DIR" && lu scan --full 2>/dev/null && items >"$1.fresh" &&
		rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a fresh/nm "$MAIL/.notmuch" &&
		cp -a fresh/state "$STATE_DIR" && items >"$1.items" && diff "$1.fresh" "$1.items"
}

t 'the first full scan' '
	scan first --full && stamps >first.stamps && test -s first.stamps'
t 'nothing changed: scan --full writes no item, every stamp stays' '
	scan w1 --full && stamps >w1.stamps && cmp first.stamps w1.stamps && afresh w1'
# moved WHERE: the items of the state kept as before.db (the same Message-ID) where WHERE holds
moved() { sqlite3 "$DB" "ATTACH 'before.db' AS b; SELECT count(*) FROM items i JOIN b.items o USING (mid)
	WHERE $1"; }
SAME="i.thread IS o.thread AND i.state IS o.state AND i.due IS o.due AND i.due_at IS o.due_at AND
	i.since IS o.since AND i.next_check IS o.next_check AND i.stage IS o.stage AND
	i.subject IS o.subject AND i.who IS o.who AND i.norm_subject IS o.norm_subject AND i.why IS o.why"
t 'a settings change: the items it moves written, the others as they were' '
	cp "$DB" before.db && setting 1 && scan s1 && test "$(moved "NOT ($SAME)")" -ge 1 &&
	test "$(moved "NOT ($SAME) AND i.updated = o.updated")" = 0 &&
	test "$(moved "$SAME AND i.updated != o.updated")" = 0 && test "$(moved "$SAME")" -ge 1 &&
	afresh s1'
t 'an item no thread decides (a row the run did not write) goes with a settings change' '
	sqlite3 "$DB" "INSERT INTO items(mid, thread, state, subject, who, updated)
		VALUES('"'"'gone@example.com'"'"', '"'"'0000000000000099'"'"', '"'"'awaiting'"'"', '"'"'Gone'"'"', '"'"'X'"'"', 0)" &&
	setting 3 && scan s2 && test "$(sqlite3 "$DB" "SELECT count(*) FROM items WHERE mid = '"'"'gone@example.com'"'"'")" = 0 &&
	afresh s2'
t 'a message removed: its item forgotten by the full scan' '
	m=$(sqlite3 "$DB" "SELECT mid FROM items WHERE mid LIKE '"'"'ask-%'"'"' ORDER BY mid LIMIT 1") &&
	test -n "$m" && rm "$MAIL/inbox/cur/$m:2,S" && index && scan d1 --full &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM items WHERE mid = '"'"'$m'"'"'")" = 0 &&
	afresh d1'
t 'a file replaced under the same name: a settings change reads it again' '
	f=$MAIL/inbox/cur/often18@example.org:2,S && sed "s/confirm your details/confirm your address/" "$f" >f.new &&
	mv f.new "$f" && setting 1 && scan r1 && test "$(parsed r1)" -ge 1 &&
	setting 3 && scan r2 && test "$(parsed r2)" = 0 && afresh r2'
done_testing
