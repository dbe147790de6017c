#!/bin/sh
# What a full scan holds in memory (issue 14): it decides every thread
# before it writes the tags and the state, and it held every thread's plan
# (its messages and its item) until then, a third of a kilobyte a message:
# 100 MB of its 259 MB at 300,000 messages.  Now it stages the plans in the
# state database's connection (a TEMP table) a batch at a time and writes
# them in its one transaction at the end.  LEADUP_DEBUG_COUNTS prints the
# most plans it held: the same for a mailbox twice the size.  The staged
# plans are every message the walk saw, so the prune of what notmuch no
# longer has keeps the rest.
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00

# held N SEED: a first full scan of a gen-corpus mailbox of N messages in
# a world of its own; prints "THREADS HELD".
held() {
	(
		export HOME=$TMP/w$1 XDG_CONFIG_HOME=$TMP/w$1/.config XDG_DATA_HOME=$TMP/w$1/.local/share
		export NOTMUCH_CONFIG=$TMP/w$1/.notmuch-config MAIL=$TMP/w$1/mail
		world me@example.net &&
		"$ROOT/scripts/gen-corpus" "$MAIL/gen" "$1" "$2" >/dev/null 2>&1 && index &&
		LEADUP_DEBUG_COUNTS=1 lu scan --full 2>"$TMP/held$1.err" >/dev/null &&
		printf '%s %s\n' \
			"$(sed -n 's/^leadup: looked at \([0-9]*\) threads.*/\1/p' "$TMP/held$1.err")" \
			"$(sed -n 's/^leadup: held at most: \([0-9]*\) thread plans$/\1/p' "$TMP/held$1.err")"
	)
}

t 'a full scan holds as many thread plans for twice the threads' '
	set -- $(held 400 4) && small=$1 small_held=$2 &&
	set -- $(held 800 4) && big=$1 big_held=$2 &&
	echo "held $small_held plans of $small threads, $big_held of $big" &&
	test "$big" -gt "$((small * 3 / 2))" && test -n "$small_held" &&
	test "$big_held" = "$small_held" && test "$small_held" -lt "$small"'

world me@example.net
generated 600 5
index
rows() { sqlite3 "$DB" "SELECT (SELECT count(*) FROM analyses) || ' ' || (SELECT count(*) FROM items)"; }
t 'a warm full scan prunes nothing: every staged batch counts as present' '
	lu scan --full --quiet && rows >first && lu scan --full --quiet && rows >again &&
	echo "analyses and items: $(cat first), then $(cat again)" &&
	test "$(cut -d" " -f1 first)" -gt 300 && test "$(cat first)" = "$(cat again)"'
t 'a message deleted from the index loses its analysis row, and only it' '
	gone=$(sqlite3 "$DB" "SELECT mid FROM analyses ORDER BY mid LIMIT 1") && test -n "$gone" &&
	rm -f $(notmuch search --output=files --exclude=false "id:$gone") && index &&
	LEADUP_DEBUG_COUNTS=1 lu scan --full 2>err >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM analyses WHERE mid = '"'"'$gone'"'"'")" = 0 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM analyses")" = "$(($(cut -d" " -f1 first) - 1))"'
done_testing
