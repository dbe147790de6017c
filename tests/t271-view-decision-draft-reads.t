#!/bin/sh
# What a thread view reads for a decision and a draft (issue 14, s36-view):
# a decision other than remind and next-step takes its view without the
# rules (view.h lu_thread_view_unruled: the commit decides once the
# decision is stored) and its commit reads the thread's decisions again,
# not its delivery failures (the view's answers elsewhere); the latest
# decision on the thread is told without ORDER BY (store.c
# latest_decision); the draft tells the thread's language from texts read,
# not analysed (draft.c text_of).  Each decision's state is the one `why`
# (the rules on a fresh view) then shows, and a full scan after it changes
# no item and no tag; a repeated decision is one; a German thread's draft
# is German with no text analysed that the scan did not.
. "$(dirname "$0")/lib.sh"
need_sqlite3

# items: the thread states and tags, less the wall clock's stamp and the
# why's words (a full scan reads the delivery failure's kind from its file,
# a decision from the stored row: "a delivery status report (...)" and "a
# delivery failure report", on main's 34dc17e too)
items() {
	notmuch dump --include=tags | grep -o '^[^ ]*leadup[^ ]* .*' | sort &&
		sqlite3 "$DB" "SELECT mid, state, due, due_at, since, next_check, stage, subject, who
			FROM items ORDER BY mid"
}
# agrees STEP ID WORDS STATE: the decision printed WORDS, why (the rules
# on a fresh view) shows STATE, and a full scan after it leaves items and
# tags as they were
agrees() {
	grep -q "$3" "$TMP/$1.out" && lu why "id:$2" >"$TMP/$1.why" &&
		grep -q "^State:  $4" "$TMP/$1.why" && items >"$TMP/$1.items" &&
		lu scan --full --quiet && items >"$TMP/$1.full" && diff "$TMP/$1.items" "$TMP/$1.full"
}

world
ask a1@example.com 'Gina <gina@nowhere.example>' 'Quote'
bounce b1 a1@example.com 'Gina <gina@nowhere.example>' 'Quote'
ask a2@example.com 'Pat <pat@p.example>' 'Figures'
scanned

t 'the delivery failure is stored and why shows it beside the thread' '
	test "$(sqlite3 "$DB" "SELECT count(*) FROM bounces")" = 1 &&
	lu why id:a1@example.com >"$TMP/why0" && grep -q "delivery failure" "$TMP/why0"'
t 'done on the thread of the delivery failure: the state why shows, a full scan agrees' '
	lu done id:a1@example.com >"$TMP/done.out" && agrees done a1@example.com "no longer tracked" closed'
t 'reopen: the delivery failure counts again, as a scan counts it' '
	lu reopen id:a1@example.com >"$TMP/reopen.out" && agrees reopen a1@example.com reopened bounced &&
	test "$(tags a1@example.com)" = leadup/bounced'
t 'mute, then snooze: each the state why shows, a full scan agrees' '
	lu mute id:a2@example.com >"$TMP/mute.out" && agrees mute a2@example.com muted muted &&
	lu snooze 3d id:a1@example.com >"$TMP/snooze.out" && agrees snooze a1@example.com "until Mon 23 Nov" snoozed'
t 'the same snooze again (the latest decision compared): one decision, stored once' '
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 4 &&
	lu snooze 3d id:a1@example.com >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 4'
t 'a snooze of another length on the same message: a new decision' '
	lu snooze 5d id:a1@example.com >/dev/null &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = 5'
t 'remind still reads the verdict: refused where no message is mine to track' '
	echo "Bitte schicken Sie mir die Zahlen." |
		msg inbox x1@p.example "Pat <pat@p.example>" "Me <me@example.com>" \
			"Tue, 17 Nov 2026 09:00:00 +0000" "Zahlen" && index &&
	! lu remind 2d id:x1@p.example 2>"$TMP/remind.err" && grep -q "no message of yours" "$TMP/remind.err"'

# A German thread of theirs whose latest message says too little to tell
# its language: the draft reads the earlier ones, which the scan read
# without analysing (two of theirs after each).
for i in 2 3; do
	echo "Guten Tag, haben Sie die Zahlen für den Monat schon? Wir warten noch darauf, danke." |
		msg inbox "x$i@p.example" "Pat <pat@p.example>" "Me <me@example.com>" \
			"Tue, 17 Nov 2026 1$i:00:00 +0000" "Re: Zahlen" "x$((i - 1))@p.example"
done
echo "Und?" | msg inbox x4@p.example "Pat <pat@p.example>" "Me <me@example.com>" \
	"Tue, 17 Nov 2026 14:00:00 +0000" "Re: Zahlen" x3@p.example
index && lu scan --quiet
t 'the draft of the German thread: German, told from texts read, not analysed' '
	LEADUP_DEBUG_COUNTS=1 lu draft id:x4@p.example >"$TMP/draft.de" 2>"$TMP/draft.counts" &&
	grep -q "^Hallo Pat," "$TMP/draft.de" &&
	test "$(debug_counted "$TMP/draft.counts" "analysed on the main thread")" = 0'
done_testing
