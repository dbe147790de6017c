#!/bin/sh
# The configured time zone, kept (issue 14).  GLib builds a zone from its
# file and the file's footer rule, expanded for every year to 2999 (2.2 M
# instructions of a `why`'s 17 M at 300,000 messages); leadup writes the
# zone GLib built once into the cache directory, after comparing the two
# interval by interval, and later runs have GLib read that (helper/tz.c).
# Counted, not timed (LEADUP_DEBUG_COUNTS: "time zones: N read as kept, M
# built by GLib"); every output the same as GLib's own zone gives: with no
# cache directory to write to, every run builds it as before.  Also: why
# and draft read their thread by the id of the message (one thread query),
# and know the index holds my mail from the histories the last full scan
# kept (one of them counts my mail to its sender), not by counting it.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
ask a1@example.com 'Q <q@q.example>' 'Budget'
msg inbox their1@example.org 'Q <q@q.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 11:00:00 +0000' 'Plans' <<'EOF'
Could you send me the plan for next Tuesday at 10am, and the dates in August?
EOF
scanned
CACHE=$HOME/.cache/leadup/tz
SENTENCE='Can we meet next Tuesday at 10am, or on 3 August at 16:00?'

# zones NAME CMD...: CMD's output and standard error with TZ=$Z into NAME.1
# (the first run here), NAME.2 (the next) and NAME.glib (no cache directory
# to write to: GLib's zone, as before); the three the same (but the count of
# zones kept).  Prints the counts of the first two runs.
zones() {
	_n=$1 && shift &&
		LEADUP_DEBUG_COUNTS=1 TZ=$Z "$@" >"$_n.1" 2>"$_n.1.err" &&
		LEADUP_DEBUG_COUNTS=1 TZ=$Z "$@" >"$_n.2" 2>"$_n.2.err" &&
		LEADUP_DEBUG_COUNTS=1 XDG_CACHE_HOME=$TMP/no-dir/file TZ=$Z "$@" >"$_n.glib" 2>"$_n.glib.err" &&
		cmp "$_n.1" "$_n.2" && cmp "$_n.1" "$_n.glib" &&
		grep -v "^leadup: time zones:" "$_n.1.err" >"$_n.1.cmp" &&
		grep -v "^leadup: time zones:" "$_n.glib.err" | cmp "$_n.1.cmp" - &&
		sed -n 's/^leadup: time zones: \([0-9]*\) read as kept, \([0-9]*\) built.*/\1 \2/p' \
			"$_n.1.err" "$_n.2.err" | tr '\n' ' '
}
touch "$TMP/no-dir"
far() { # far NOW: the sentence classified at NOW (dates in 2150)
	"$LEADUP" --now "$1" classify --text <"$TMP/s.txt"
}
echo "$SENTENCE" >"$TMP/s.txt"

t 'the first run keeps the zone GLib built, the next reads it: why the same' '
	rm -rf "$CACHE" && Z=Europe/London &&
	test "$(zones w lu why id:their1@example.org)" = "0 1 1 0 " &&
	test -f "$CACHE"/*/Europe/London && ! test -e "$CACHE"/*/Europe/London.glib &&
	grep -q "Tue 17 Nov 2026 11:00" w.1'
t 'draft and the queue the same' '
	Z=Europe/London && test "$(zones d lu draft id:their1@example.org)" = "1 0 1 0 " &&
	test "$(zones q lu queue)" = "1 0 1 0 "'
t 'why reads the thread with one query' '
	LEADUP_DEBUG_COUNTS=1 lu why id:their1@example.org 2>w3.err >/dev/null &&
	grep -q "^leadup: notmuch reads: 1 thread queries" w3.err'
t 'dates far ahead (the rule past the file'\''s transitions) the same' '
	Z=Europe/London && test "$(zones c far 2150-07-01T09:00:00+00:00)" = "1 0 1 0 " &&
	grep -q "2150-07-07T10:00:00+01:00" c.1 && grep -q "2150-08-03T16:00:00+01:00" c.1'
t 'other zones: the southern summer, negative and wide offsets; marked as GLib'\''s where it has no rule to expand' '
	for Z in America/New_York Australia/Sydney Pacific/Auckland Europe/Dublin America/Nuuk \
		Asia/Jerusalem America/Santiago Asia/Tokyo America/Sao_Paulo UTC; do
		zones "z-${Z#*/}" far 2150-01-10T09:00:00+00:00 >/dev/null &&
		zones "y-${Z#*/}" lu why id:their1@example.org >/dev/null || { echo "$Z differs"; exit 1; }
	done &&
	test -f "$CACHE"/*/Australia/Sydney && test -f "$CACHE"/*/America/New_York &&
	test -f "$CACHE"/*/Asia/Tokyo.glib && ! test -e "$CACHE"/*/Asia/Tokyo'
mine() { # mine: my message to Notices on Thursday 19 November 2026, a thread of its own
	msg sent mine1@example.com 'Me <me@example.com>' 'Notices <notices@corp.example>' \
		'Thu, 19 Nov 2026 11:00:00 +0000' 'Details' <<'EOF'
Here are my details, as you asked.
EOF
}
t 'my mail known from the histories the full scan kept: not counted' '
	for d in 16 17 18; do notice "$d"; done && mine && index && lu scan --full --quiet &&
	test "$(sqlite3 "$STATE_DIR/state.db" "SELECT count(*) FROM senders WHERE answered > 0")" -gt 0 &&
	LEADUP_DEBUG_COUNTS=1 lu why id:often18@example.org >k.out 2>k.err &&
	LEADUP_DEBUG_NO_BASE=1 lu why id:often18@example.org >k.fresh && cmp k.out k.fresh &&
	! grep -q "never written to them" k.out &&
	test "$(debug_counted k.err "senders'\'' histories")" = 0 &&
	test "$(debug_counted k.err "senders'\'' histories kept")" -gt 0'
t 'a zone GLib does not know warns as before' '
	TZ=Nowhere/Land lu why id:their1@example.org >n.out 2>n.err &&
	grep -q "TZ '\''Nowhere/Land'\'' is no time zone known here" n.err'
t 'a zone marked as GLib'\''s is built by GLib' '
	rm -rf "$CACHE" && Z=Europe/London && zones m0 lu queue >/dev/null &&
	f=$(ls "$CACHE"/*/Europe/London) && rm "$f" && echo Europe/London >"$f.glib" &&
	test "$(zones m lu queue)" = "0 1 0 1 " && cmp m.1 m0.1'
done_testing
