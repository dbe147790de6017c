#!/bin/sh
# A work verb done again ("resubmit", "re-upload", "rerun"), which no list
# holds, reads as the verb it repeats (cue.c redone_verb): "re" or "re-"
# and a verb of the imperative class (issue 10: "I will resubmit it this
# weekend." promised nothing, so a thread whose last word was that promise
# was in no queue).  Written here, not in tests/unit/classify-test.c, whose
# cases teach the sentence model (scripts/train-intent SM_EXW): this change
# reads the text, it adds no training sentence.  Before it, the first
# case's promises read nothing.
. "$(dirname "$0")/lib.sh"
NOW=2026-11-17T09:00:00+00:00

t 'a verb done again promises as the verb does, with or without the hyphen' '
	test "$(labels "I will resubmit it this weekend.")" = commitment &&
	test "$(labels "I will submit it this weekend.")" = commitment &&
	test "$(labels "I have made the change and will re-upload to CRAN.")" = commitment &&
	test "$(labels "I will re-submit tomorrow.")" = commitment'
t 'and asks as the verb does; a word that only starts with "re" is no verb done again' '
	test "$(labels "Please re-upload the tarball.")" = request &&
	test -z "$(labels "I will remain in the office.")" &&
	test -z "$(labels "The results are in the report.")"'

world
msg sent p1@example.com 'Me <me@example.com>' 'Kim <kim@other.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Package' <<'EOF'
Hi Kim,

Thanks for the review. I have fixed the notes and will resubmit the package on Friday.

Me
EOF
index
t 'the scan reads my dated promise to resubmit: promise-mine, and why quotes it' '
	lu scan --full --quiet &&
	test "$(tags p1@example.com)" = "leadup/promise-mine" &&
	lu why id:p1@example.com >w &&
	grep -q "You promised: \"I have fixed the notes and will resubmit the package on Friday.\"" w &&
	grep -q "due Fri 20 Nov 2026" w'
done_testing
