#!/bin/sh
# A decision taken through the kept view (t249) keeps again the kept
# messages it took and tagged, with its tags on, as of the revision after
# its write (scan.c view_kmsgs_save, as an incremental scan's kmsg_save):
# the next key (a draft after a snooze, issue 14) takes every message as
# kept, none read through notmuch.  Only when nobody wrote to notmuch
# since the view read it, and only the rows the view took: a message
# tagged by someone else before the decision is read through notmuch by
# the view, and by the key after it.  Each step's why and draft the same
# as those that read every message through notmuch
# (LEADUP_DEBUG_NO_ROWS=1); the scan, the undo and the scan after them
# leave the same tags and state as a copy that reads through notmuch.
. "$(dirname "$0")/lib.sh"
need_sqlite3
figures_world
# the copy that reads every message through notmuch
cp -a "$HOME" "$TMP/nm" && sed -i "s#$HOME#$TMP/nm#" "$TMP/nm/.notmuch-config"

taken() { debug_counted "$TMP/counts.$1" "messages taken as kept, not read from notmuch"; }
read_nm() { debug_counted "$TMP/counts.$1" "notmuch reads"; } # thread queries
# key STEP CMD ID: CMD (why or draft) of ID, kept (counted) and through notmuch: the same
key() {
	LEADUP_DEBUG_COUNTS=1 lu "$2" "id:$3" >"$TMP/$2.kept.$1" 2>"$TMP/counts.$1" &&
		LEADUP_DEBUG_NO_ROWS=1 lu "$2" "id:$3" >"$TMP/$2.nm.$1" 2>/dev/null &&
		diff "$TMP/$2.kept.$1" "$TMP/$2.nm.$1" && test -s "$TMP/$2.kept.$1"
}
# dump NAME: state_dump, each decision's own random id left out
dump() {
	state_dump "$1" &&
		sed -i 's/|[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}$/|UUID/' "$1.state"
}
rev() { sqlite3 "$DB" "SELECT rev FROM kmsgs WHERE mid = '$1'"; }
# in_nm CMD...: CMD in the copy, every message through notmuch
in_nm() { (home_world nm && export HOME XDG_CONFIG_HOME XDG_DATA_HOME NOTMUCH_CONFIG &&
	LEADUP_DEBUG_NO_ROWS=1 lu "$@"); }
# both STEP CMD...: CMD here and in the copy; the same tags and state, why of n the same
both() {
	_s=$1 && shift && lu "$@" >/dev/null 2>&1 && dump "$TMP/kept.$_s" &&
		lu why id:n@p.example >"$TMP/why.kept.$_s" &&
		(home_world nm && export HOME XDG_CONFIG_HOME XDG_DATA_HOME NOTMUCH_CONFIG DB &&
			LEADUP_DEBUG_NO_ROWS=1 lu "$@" >/dev/null 2>&1 && dump "$TMP/nm.$_s" &&
			LEADUP_DEBUG_NO_ROWS=1 lu why id:n@p.example >"$TMP/why.nm.$_s") &&
		state_same kept nm "$_s"
}

t 'the scans kept the thread: its 3 messages, the draft takes them all' '
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" = 3 &&
	key before draft n@p.example && test "$(taken before)" = 3'
t 'a snooze of the thread: the tagged message kept again, past the revision of its tags' '
	r0=$(rev n@p.example) && LEADUP_DEBUG_COUNTS=1 lu snooze 3d id:n@p.example >/dev/null 2>"$TMP/counts.snooze" &&
	test "$(taken snooze)" = 3 && test "$(tags n@p.example)" = leadup/snoozed &&
	test "$(rev n@p.example)" -gt "$r0" &&
	test "$(rev n@p.example)" -ge "$(notmuch count --lastmod id:n@p.example | cut -f3)" &&
	test "$(sqlite3 "$DB" "SELECT instr(rec, CAST('"'"'leadup/snoozed'"'"' AS BLOB)) > 0
		FROM kmsgs WHERE mid = '"'"'n@p.example'"'"'")" = 1'
t 'the draft after it: every message taken as kept, none read through notmuch, the same as through notmuch' '
	key after draft n@p.example && test "$(taken after)" = 3 && test "$(read_nm after)" = 0 &&
	key afterwhy why n@p.example && test "$(taken afterwhy)" = 3'
t 'the snooze in the copy that reads through notmuch: the same tags and state but the kept rows' '
	in_nm snooze 3d id:n@p.example >/dev/null && dump "$TMP/kept.snooze" &&
	lu why id:n@p.example >"$TMP/why.kept.snooze" &&
	(home_world nm && export HOME XDG_CONFIG_HOME XDG_DATA_HOME NOTMUCH_CONFIG DB && dump "$TMP/nm.snooze" &&
		LEADUP_DEBUG_NO_ROWS=1 lu why id:n@p.example >"$TMP/why.nm.snooze") &&
	state_same kept nm snooze'
t 'an undo and a scan after it: the same as through notmuch' '
	both undo undo id:n@p.example && both scan scan && key undone draft n@p.example'

# Someone else tags the question before the next decision: the view reads
# it through notmuch, the decision keeps no row of it, the key after it
# reads it through notmuch again; the rows it took and tagged are kept.
notmuch tag +flagged -- id:q@p.example
(home_world nm && export NOTMUCH_CONFIG && notmuch tag +flagged -- id:q@p.example)
t 'a message tagged by another before a decision: read through notmuch, not kept again' '
	rq=$(rev q@p.example) && LEADUP_DEBUG_COUNTS=1 lu mute id:n@p.example >/dev/null 2>"$TMP/counts.mute" &&
	test "$(taken mute)" = 2 && test "$(rev q@p.example)" = "$rq" &&
	key muted draft n@p.example && test "$(taken muted)" = 2 && in_nm mute id:n@p.example >/dev/null &&
	both scan2 scan'
done_testing
