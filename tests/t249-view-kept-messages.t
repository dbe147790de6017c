#!/bin/sh
# A thread view (why, draft, a decision: scan.c lu_thread_view) takes the
# thread's messages the last incremental scan kept (table kmsgs, t233) as
# the scan's one-new path takes them (issue 14): only when the message
# asked about is kept under the key of the index read now, and then each
# message only when notmuch's lastmod of it is not past the revision it was
# kept at and its date value is the one kept; the thread's messages are
# those notmuch lists now (one added or removed since the scan is read or
# left out).  Each step compares the view with the one that reads every
# message through notmuch (LEADUP_DEBUG_NO_ROWS=1): `why` (text and JSON)
# and `draft` the same, and the messages taken as kept counted; a kept row
# forged past its change shows that the check is what keeps a stale view
# out.  A decision taken through the kept view writes the same tags and
# state as one taken in a copy that reads through notmuch.
. "$(dirname "$0")/lib.sh"
need_sqlite3
figures_world

# view STEP ID: why (text, JSON) and draft of ID, kept (the state's
# messages where they hold) and nm (every message through notmuch), with
# the counts of the kept why into counts.STEP
view() {
	for w in kept nm; do
		env=
		[ $w = nm ] && env=LEADUP_DEBUG_NO_ROWS=1
		env $env LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" why "id:$2" >"$TMP/why.$w.$1" \
			2>"$TMP/counts.$w.$1" &&
			env $env "$LEADUP" --now "$NOW" why --format=json "id:$2" >"$TMP/json.$w.$1" &&
			env $env "$LEADUP" --now "$NOW" draft --quiet "id:$2" >"$TMP/draft.$w.$1" || return 1
	done
}
same() { # same STEP: the two reads agree
	diff "$TMP/why.kept.$1" "$TMP/why.nm.$1" && diff "$TMP/json.kept.$1" "$TMP/json.nm.$1" &&
		diff "$TMP/draft.kept.$1" "$TMP/draft.nm.$1" && test -s "$TMP/draft.kept.$1"
}
taken() { debug_counted "$TMP/counts.$1.$2" "messages taken as kept, not read from notmuch"; }
listed() { sed -n '1s/.*": \([0-9]*\) messages, .*/\1/p' "$TMP/why.kept.$1"; } # listed STEP: why's count

t 'the scans kept the thread: its 3 messages' '
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" = 3'
t 'why and draft of the kept thread: every message taken as kept, the same as through notmuch' '
	view kept n@p.example && same kept && test "$(taken kept kept)" = 3 && test "$(taken nm kept)" = 0 &&
	test "$(listed kept)" = 3'
t 'of the thread'"'"'s other messages too: the same' '
	view other a@example.com && same other && test "$(taken kept other)" = 3'

echo 'And the December ones, please.' |
	msg inbox d@p.example "$PAT" "$ME" 'Wed, 18 Nov 2026 09:00:00 +0000' 'Re: Figures' n@p.example && index
t 'a message added since the scan (no scan): read through notmuch, the 3 kept taken, the same' '
	view added q@p.example && same added && test "$(taken kept added)" = 3 && test "$(listed added)" = 4 &&
	grep -q "Wed 18 Nov 2026 09:00" "$TMP/why.kept.added"'
t 'the view of that new message, which no scan kept: nothing taken (read through notmuch), the same' '
	view new d@p.example && same new && test "$(taken kept new)" = 0 && test "$(listed new)" = 4'

rm "$MAIL/inbox/cur/n@p.example:2,S" && index
t 'a kept message removed since (no scan): left out, the others taken, the same' '
	view removed q@p.example && same removed && test "$(taken kept removed)" = 2 &&
	test "$(listed removed)" = 3 && ! grep -q "Tue 17 Nov 2026 09:00" "$TMP/why.kept.removed"'

cp "$DB" "$TMP/before-tag.db"
notmuch tag +draft -- id:a@example.com
t 'a kept message tagged since (a draft): read through notmuch, the other taken, the same' '
	view tagged q@p.example && same tagged && test "$(taken kept tagged)" = 1 &&
	! cmp -s "$TMP/why.kept.removed" "$TMP/why.kept.tagged"'
# The kept row of my answer forged past its draft tag: the kept view takes
# the row without the tag and differs from notmuch's; the lastmod is what
# keeps the view from being stale.
t 'a kept row whose revision is forged past its change is taken, and the view is stale: the check is the lastmod' '
	sqlite3 "$DB" "UPDATE kmsgs SET rev = rev + 1000000 WHERE mid = '"'"'a@example.com'"'"'" &&
	view forged q@p.example && test "$(taken kept forged)" = 2 && ! same forged'
t 'kept rows of another key (another index or drafts setting): none taken, the same' '
	sqlite3 "$DB" "UPDATE kmsgs SET key = key + 1" && view other-key q@p.example && same other-key &&
	test "$(taken kept other-key)" = 0'
cp "$TMP/before-tag.db" "$DB"
notmuch tag -draft -- id:a@example.com

t 'a thread no scan kept (only the full scan read it): nothing taken, the same' '
	id=$(notmuch search --output=messages --limit=1 --exclude=false path:gen/** | sed "s/^id://") &&
	test -n "$id" && view unkept "$id" && test "$(taken kept unkept)" = 0 && same unkept'

# A decision through the kept view, and the same decision in a copy that
# reads every message through notmuch (another mail root: its rows are not
# taken either): the same tags and state, but the file identities and the
# mail root's digest of the kept walk, and each decision's own random id.
cp -a "$HOME" "$TMP/nm" && sed -i "s#$HOME#$TMP/nm#" "$TMP/nm/.notmuch-config"
own() {
	sed -E 's/\|[0-9]+:[0-9]+:[0-9]+:[0-9]+\.[0-9]+\|/|FILE|/
		s/^(walked\|w2 [0-9a-f-]+ [0-9]+ [0-9]+ )[0-9a-f]{16} /\1ROOT /' "$1" |
		sed "s#$2#ROOT#g; s/|[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}$/|UUID/"
}
t 'a decision (snooze) through the kept view (my answer untagged since: the question alone taken): the same tags and state as through notmuch' '
	LEADUP_DEBUG_COUNTS=1 lu snooze 3d id:q@p.example >/dev/null 2>"$TMP/counts.kept.snooze" &&
	test "$(taken kept snooze)" = 1 && state_dump "$TMP/kept.snooze" &&
	(home_world nm && export HOME XDG_CONFIG_HOME XDG_DATA_HOME NOTMUCH_CONFIG &&
		LEADUP_DEBUG_NO_ROWS=1 lu snooze 3d id:q@p.example >/dev/null && state_dump "$TMP/nm.snooze") &&
	diff "$TMP/kept.snooze.tags" "$TMP/nm.snooze.tags" &&
	own "$TMP/kept.snooze.state" "$HOME/mail" >"$TMP/kept.snooze.own" &&
	own "$TMP/nm.snooze.state" "$TMP/nm/mail" >"$TMP/nm.snooze.own" &&
	grep -q "^== kmsgs" "$TMP/kept.snooze.own" &&
	diff "$TMP/kept.snooze.own" "$TMP/nm.snooze.own"'
done_testing
