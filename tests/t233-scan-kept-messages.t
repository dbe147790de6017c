#!/bin/sh
# An incremental scan takes a thread's messages that did not change since
# it last read them from the state, not from notmuch's term lists again
# (issue 14; scan.c kmsg_serve, table kmsgs, schema 13): each message of a
# thread an incremental scan decided is kept as notmuch gave it, with the
# index revision it was read at; the next incremental scan into the thread
# takes a message from there only when notmuch's lastmod of it is not past
# that revision (a tag, a file added or removed: a new lastmod) and its
# date value is the one kept, and reads the others through libnotmuch.
# Two worlds of the same index, one scanned with LEADUP_DEBUG_NO_ROWS=1
# (every message read through notmuch), must agree on tags, `why` and the
# state (but the kept messages) after each step; a kept message whose
# message changed since (a draft tag on my answer) must not decide, and
# one whose revision is forged past the change does (the check is the
# lastmod, nothing else); a full scan forgets them.
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00

home() { home_world "$1"; } # home NAME: the world NAME (lib.sh)
ME='Me <me@example.com>'
PAT='Pat Doe <pat@p.example>'
home kept && world && "$ROOT/scripts/gen-corpus" "$MAIL/gen" 200 3 >/dev/null 2>&1 &&
	echo 'Could you send me the October figures by Friday?' |
	msg inbox q@p.example "$PAT" "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Figures' && index
cp -a "$TMP/kept" "$TMP/nm" && sed -i "s#$TMP/kept#$TMP/nm#" "$TMP/nm/.notmuch-config"

# scan WORLD STEP [ARGS]: the scan in WORLD (nm: every message through
# notmuch), counted into counts.WORLD.STEP, then its tags, why and state
scan() {
	home $1
	env=
	[ $1 = nm ] && env=LEADUP_DEBUG_NO_ROWS=1
	env $env LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --quiet $3 2>"$TMP/counts.$1.$2" &&
	env $env "$LEADUP" --now "$NOW" why --format=json id:q@p.example | grep -v '"thread":' \
		>"$TMP/why.$1.$2" &&
	state_dump "$TMP/$1.$2"
}
# same STEP: the two worlds agree after STEP (lib.sh state_same: the nm
# world keeps each message it reads again, at a later revision)
same() { state_same kept nm "$1" && wc -l "$TMP/kept.$1.tags" "$TMP/kept.$1.own"; }
taken() { debug_counted "$TMP/counts.$1.$2" "messages taken as kept, not read from notmuch"; }
both() { # both STEP FOLDER ID FROM TO DATE SUBJECT PARENT < body: one message into each world, indexed, scanned
	_s=$1 && shift && cat >"$TMP/body" && for w in kept nm; do
		home $w && msg "$@" <"$TMP/body" && index && scan $w $_s || return 1
	done
}
state() { # state WORLD STEP: the thread's state tags, as the scan wrote them (why decides afresh)
	home $1 && notmuch search --output=tags --exclude=false "$(notmuch search --output=threads id:q@p.example)" |
		grep '^leadup/[a-z-]*$' | tr '\n' ' '
}

scan kept first --full && scan nm first --full
t 'the first scan: the same both ways, needs-reply' 'same first && state kept first | grep -q leadup/needs-reply'
t 'the schema holds the kept messages, none kept by a full scan' '
	home kept && test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 13 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" = 0'

echo 'Yes, I will send them on Thursday.' |
	both answer sent a@example.com "$ME" "$PAT" 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Figures' q@p.example
t 'my answer: the same both ways; nothing kept yet to take; the thread kept' '
	same answer && test "$(taken kept answer)" = 0 && ! state kept answer | grep -q leadup/needs-reply &&
	home kept &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" = 2'

echo 'Thanks. Could you also add the November totals?' |
	both again inbox n@p.example "$PAT" "$ME" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Figures' a@example.com
t 'their next question: the question and my answer taken as kept, the same both ways' '
	same again && test "$(taken kept again)" = 2 && test "$(taken nm again)" = 0 &&
	state kept again | grep -q leadup/needs-reply'

echo 'Here they are.' |
	both answer2 sent b@example.com "$ME" "$PAT" 'Tue, 17 Nov 2026 10:00:00 +0000' 'Re: Figures' n@p.example
t 'my second answer: every earlier message taken (the ones the last scan tagged too), the same both ways' '
	same answer2 && test "$(taken kept answer2)" = 3 && ! state kept answer2 | grep -q leadup/needs-reply'

home kept && cp "$DB" "$TMP/before-draft.db"
for w in kept nm; do home $w && notmuch tag +draft -- id:b@example.com && scan $w draft; done
t 'my answer tagged a draft since it was kept: it alone read through notmuch, the other 3 taken; needs-reply again' '
	same draft && state kept draft | grep -q leadup/needs-reply &&
	test "$(taken kept draft)" = 3'

# The same change with the kept answer's revision forged past it: the
# kept row (no draft tag) is taken, and decides as before the tag.
home kept && cp "$TMP/before-draft.db" "$DB" && notmuch tag -draft -- id:b@example.com && scan kept undo &&
	cp "$TMP/before-draft.db" "$DB"
t 'a kept message whose revision is forged past its change is taken: the lastmod is the check' '
	home kept && notmuch tag +draft -- id:b@example.com &&
	sqlite3 "$DB" "UPDATE kmsgs SET rev = rev + 1000000 WHERE mid = '"'"'b@example.com'"'"'" &&
	scan kept forged && ! state kept forged | grep -q leadup/needs-reply'
t 'kept messages of another key (another index or drafts setting) are not taken' '
	home kept && cp "$TMP/before-draft.db" "$DB" &&
	sqlite3 "$DB" "UPDATE kmsgs SET rev = rev + 1000000, key = key + 1" &&
	scan kept other && test "$(taken kept other)" = 0 && state kept other | grep -q leadup/needs-reply'
t 'a state of schema 12 (before the kept messages) migrates: the table made, the scan the same' '
	home kept && cp "$TMP/before-draft.db" "$DB" &&
	sqlite3 "$DB" "DROP TABLE kmsgs; ALTER TABLE analyses DROP COLUMN said; PRAGMA user_version = 12" &&
	scan kept migrated && test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 13 &&
	test "$(taken kept migrated)" = 0 && state kept migrated | grep -q leadup/needs-reply &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" -ge 1'
# The mail directory moved and notmuch's path with it: no document changes
# (no lastmod), but every file did; the kept messages are under the mail
# root too (drafts_digest), so none is taken and the thread is read where
# its files are now.
t 'the mail directory moved (notmuch'"'"'s path with it): no kept message taken, the files where they are' '
	home kept && cp "$TMP/before-draft.db" "$DB" && notmuch tag -draft -- id:b@example.com &&
	mv "$MAIL" "$TMP/kept/moved" && notmuch config set database.path "$TMP/kept/moved" &&
	MAIL=$TMP/kept/moved && echo "And the December ones?" |
	msg inbox m@p.example "$PAT" "$ME" "Wed, 18 Nov 2026 09:00:00 +0000" "Re: Figures" b@example.com &&
	index && scan kept moved && test "$(taken kept moved)" = 0 &&
	state kept moved | grep -q leadup/needs-reply &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs WHERE instr(rec, CAST('"'"'$TMP/kept/moved/'"'"' AS BLOB))")" -ge 3'
t 'a full scan forgets the kept messages' '
	home kept && test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" -ge 1 && scan kept full --full &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM kmsgs")" = 0'
done_testing
