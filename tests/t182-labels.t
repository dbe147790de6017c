#!/bin/sh
# The labelled real-mail corpus (doc/labelling.md): its data rebuilds from
# ../shared and holds no mail text, the readers' agreement is computed right,
# and the two evaluations run on the hand-written fixtures (not reader labels).
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts
D=$ROOT/tests/data/labels
if [ ! -f "$ROOT/../shared/corpora/enron-dev.maildir.tar.xz" ]; then
	[ "${CI:-}" = true ] && { echo "not ok 1 - ../shared/corpora is missing under CI"; echo "1..1"; exit 1; }
	skip_all "../shared/corpora is absent: the label corpus is rebuilt from ../shared"
fi
export LABEL_CACHE=$TMP/cache

t 'every labelled sentence and conversation rebuilds from ../shared' '
	"$S/label-sample" --check >out && grep -q "4320 conversations, 26893 sentences checked, 0 problems" out'

t 'the data holds ids, offsets and hashes only (no mail text)' '
	awk -F"\t" "!/^#/ && NR > 3 && (NF != 9 || \$0 ~ / /) { print FILENAME \": \" FNR; bad = 1 } END { exit bad }" "$D/sentences.tsv" &&
	awk -F"\t" "!/^#/ && \$1 != \"id\" && (NF != 7 || \$7 ~ /[^ ]  /) { bad = 1 } END { exit bad }" "$D/threads.tsv"'

t 'the split is by person, fixed in the data: one Enron owner, the r-sig-finance people and the r-help askers from batch 35 on held out' '
	awk -F"\t" "!/^#/ && \$1 != \"person\" { print \$1, \$2 }" "$D/people.tsv" >split &&
	[ "$(grep -c " test$" split)" -eq 154 ] && grep -q "^enron/.* test$" split &&
	awk -F"\t" "NR == FNR { s[\$1] = \$2; next } !/^#/ && \$1 != \"id\" && s[\$4] != \$3 { bad = 1 } END { exit bad }" "$D/people.tsv" "$D/threads.tsv" &&
	[ "$(awk -F"\t" "!/^#/ && \$4 ~ /^enron/" "$D/threads.tsv" | wc -l)" -ge 200 ]'

t 'the date set rebuilds from ../shared; its data holds ids, offsets, days and hashes only' '
	"$S/label-dates" --check >out && grep -q "600 sentences, 0 mismatches" out &&
	awk -F"\t" "!/^#/ && \$1 != \"id\" && (NF != 9 || \$0 ~ / /) { bad = 1 } END { exit bad }" "$D/dates.tsv" &&
	awk -F"\t" "!/^#/ && \$1 != \"id\" && (NF != 7 || \$0 ~ / /) { bad = 1 } END { exit bad }" "$D/dates-labels.tsv" &&
	[ "$(awk -F"\t" "!/^#/ && \$2 == \"test\"" "$D/dates.tsv" | wc -l)" -eq 170 ]'

t 'the second date set draws on people the first did not' '
	awk -F"\t" "!/^#/ && \$1 != \"id\" { print (substr(\$1, 2) + 0 > 400 ? 2 : 1), \$3 }" "$D/dates.tsv" | sort -u >sets &&
	[ "$(grep -c "^2 " sets)" -ge 50 ] &&
	[ -z "$(awk "{ n[\$2]++ } END { for (p in n) if (n[p] > 1) print p }" sets)" ]'

# A second reader made from the stored labels (in the test's directory):
# D006's phrase on another day, D015's second phrase left out.
t 'date readers: phrase F1, agreement on the days, the sentences to settle' '
	"$S/label-dates" --answers "$TMP/dA.tsv" --set 1 >/dev/null &&
	awk -F"\t" -v OFS="\t" "\$1 == \"D006\" { \$3 = \"2019-08-27\"; \$4 = \$3 } \$1 == \"D015\" && ++n == 2 { next } { print }" "$TMP/dA.tsv" >"$TMP/dB.tsv" &&
	"$S/label-dates" --agree "$TMP/dA.tsv" "$TMP/dB.tsv" --set 1 >out &&
	grep -q "182 phrases in common, 1 only dA.tsv, 0 only dB.tsv: phrase F1 0.997" out &&
	grep -q "resolved days agree on 178 of 179 common phrases (0.994); 2 sentences to settle" out &&
	grep -q "^to settle: D006 D015$" out'

t 'packets are refused inside the repository' '
	! "$S/label-sample" --packets "$ROOT/tests/packets" 2>err && grep -q "not inside the repository" err &&
	[ ! -e "$ROOT/tests/packets" ]'

# Invented answers (not mail): 3 conversations, 2 agree.
printf 'T001\tnone\ta@x\tnothing owed\nT002\tawaiting\tb@x\tI asked\nT003\tneeds-reply\tc@x\tthey asked\n' >A.tsv
printf 'T001\tnone\ta@x\tnothing\nT002\tawaiting\tb@x\tasked\nT003\tnone\tc@x\tFYI\n' >B.tsv
t 'Cohen kappa of two readers, and their disagreement listed' '
	"$S/label-agree" kappa A.tsv B.tsv >out && grep -q "2 agree (66.7%), kappa 0.500" out &&
	grep -q "^  T003	needs-reply	none$" out'

t 'a malformed answer file is an error, with its line' '
	printf "T001\tdormant\n" >bad-threads.tsv && ! "$S/label-agree" kappa bad-threads.tsv A.tsv 2>err &&
	grep -q "bad-threads.tsv:1: unknown state .dormant." err'

t 'merge: A and B agreed or C settled; open disagreements left out' '
	mkdir -p ans merged && cp A.tsv ans/A-threads-1.tsv && cp B.tsv ans/B-threads-1.tsv &&
	"$S/label-agree" --answers ans merge --out merged >out &&
	grep -q "threads: 2 labelled, 1 disagreements await reader C" out &&
	grep -q "^T002	train	.*	awaiting	b@x	AB	I asked$" merged/threads-labels.tsv &&
	! grep -q "^T003" merged/threads-labels.tsv &&
	printf "T003\tnone\tc@x\tonly information\n" >ans/C-threads-1.tsv &&
	"$S/label-agree" --answers ans merge --out merged >out &&
	grep -q "^T003	.*	none	c@x	C	only information$" merged/threads-labels.tsv'

# A merge into labels that hold other batches: theirs stay, a row these
# answers settle again is replaced where it stands, new ones go at the end.
t 'merge updates the labels file: other rows kept, a settled row replaced in place' '
	mkdir -p upd &&
	printf "# earlier\nid\tsplit\tperson\tnow\tstate\tanchor\tby\treason\n" >upd/threads-labels.tsv &&
	printf "T999\ttrain\tp\tn\tnone\tz@x\tAB\tkept\nT002\ttrain\tp\tn\tnone\told@x\tAB\told\n" >>upd/threads-labels.tsv &&
	"$S/label-agree" --answers ans merge --out upd >out &&
	grep -q "threads: 3 labelled, 0 disagreements await reader C, 0 reasons withheld (1 kept, 1 replaced, 2 added)" out &&
	[ "$(grep -v "^#" upd/threads-labels.tsv | cut -f1 | tr "\n" " ")" = "id T999 T002 T001 T003 " ] &&
	grep -q "^# earlier$" upd/threads-labels.tsv &&
	grep -q "^T002	train	.*	awaiting	b@x	AB	I asked$" upd/threads-labels.tsv &&
	cp upd/threads-labels.tsv again && "$S/label-agree" --answers ans merge --out upd >out &&
	grep -q "(1 kept, 3 replaced, 0 added)" out && cmp again upd/threads-labels.tsv &&
	printf "id\tother\n" >upd/requests-labels.tsv && mkdir -p rq1/answers &&
	printf "S0001\tanswer\n" >rq1/answers/A-requests.tsv && cp rq1/answers/A-requests.tsv rq1/answers/B-requests.tsv &&
	! "$S/label-agree" --answers rq1/answers requests --merge upd 2>err &&
	grep -q "another kind of file (its column line differs); nothing merged" err &&
	[ "$(cat upd/requests-labels.tsv)" = "$(printf "id\tother")" ]'

# Invented sub-labels of three real sentence ids: A and B differ on one.
t 'requests: the answer/act sub-label, agreement, ids for C and the merge' '
	mkdir -p rq/answers rqout &&
	printf "S0001\tanswer\nS0002\tact\nS0003\tact\n" >rq/answers/A-requests.tsv &&
	printf "S0001\tanswer\nS0002\tact\nS0003\tanswer\n" >rq/answers/B-requests.tsv &&
	"$S/label-agree" --answers rq/answers requests --adjudicate >out &&
	grep -q "requests (A vs B): 3 items both answered, 2 agree (66.7%)" out &&
	grep -qx "S0003" rq/adjudicate-requests.txt &&
	"$S/label-agree" --answers rq/answers requests --merge rqout >out &&
	grep -q "requests: 2 labelled, 1 disagreements await reader C" out &&
	printf "S0003\tact\n" >rq/answers/C-requests.tsv &&
	"$S/label-agree" --answers rq/answers requests --merge rqout >out &&
	grep -q "^S0003	train	act	C$" rqout/requests-labels.tsv &&
	printf "S0001\tmaybe\n" >rq/answers/A-requests.tsv &&
	! "$S/label-agree" --answers rq/answers requests 2>err && grep -q "unknown label .maybe." err'

# The questions the same way, a reader's answers in two parts read together.
t 'questions: the sub-label read from the readers parts, merged to questions-labels.tsv' '
	mkdir -p qs/answers qsout &&
	printf "S0001\tanswer\n" >qs/answers/A-questions-1.tsv &&
	printf "S0299\tact\n" >qs/answers/A-questions-2.tsv &&
	printf "S0001\tanswer\nS0299\tanswer\n" >qs/answers/B-questions.tsv &&
	"$S/label-agree" --answers qs/answers questions --adjudicate >out &&
	grep -q "questions (A vs B): 2 items both answered, 1 agree (50.0%)" out &&
	grep -qx "S0299" qs/adjudicate-questions.txt &&
	printf "S0299\tact\n" >qs/answers/C-questions.tsv &&
	"$S/label-agree" --answers qs/answers questions --merge qsout >out &&
	grep -q "questions: 2 labelled, 0 disagreements await reader C" out &&
	grep -q "^S0001	train	answer	AB$" qsout/questions-labels.tsv &&
	grep -q "^S0299	train	act	C$" qsout/questions-labels.tsv &&
	! test -e qsout/requests-labels.tsv'

t 'eval-queues on the fixture: real notmuch world, baselines, leadup why for each error' '
	"$S/eval-queues" --labels "$D/fixture-threads-labels.tsv" >out 2>err &&
	grep -q "^== train: 5 conversations, 1 people" out && grep -q "^flag nothing  *0.400" out &&
	grep -q "^who wrote last  *0.600" out && grep -q "^who wrote last .*  0.60 (3 of 5)$" out && grep -q "^== test: no labelled conversations" out &&
	grep -q "world enron/allen-p at 2001-03-28: 537 messages, 5 labelled" err &&
	errs=$(sed -n "s/^== errors: \([0-9]*\) of the train people.*/\1/p" out) && [ "$(grep -c "^  | State: " out)" -eq "$errs" ]'

t 'eval-intent --sentences on the fixture: per-label P/R/F1 and baselines, read alone and in the message' '
	"$S/eval-intent" --sentences --labels "$D/fixture-sentences-labels.tsv" >out &&
	grep -q "^== train, each sentence read alone: 8 sentences, 1 people" out &&
	grep -q "^== train, each read in its message: 8 sentences, 1 people" out &&
	grep -q "^== train: 8 labelled sentences in 5 messages, read in their message: text 8" out &&
	test "$(grep -c "^ask  *4 " out)" -eq 2 &&
	test "$(grep -c "^accuracy flag nothing  *0.375" out)" -eq 2 &&
	test "$(grep -c "^accuracy .?. -> ask  *0.500" out)" -eq 2'

t 'eval-intent --sentences: expects a reply per message, beside the "?" baselines' '
	"$S/eval-intent" --sentences --labels "$D/fixture-sentences-labels.tsv" >out &&
	grep -q "^== train: expects a reply, per message: 5 messages, 4 expect one" out &&
	grep -q "^leadup expects_reply, labelled sentences  *P [0-9.]*  R [0-9.]*  F1 " out &&
	grep -q "^leadup expects_reply, own text  *P " out &&
	grep -q "^leadup expects_reply, message read  *P " out &&
	grep -q "^.?. in a labelled sentence  *P " out &&
	grep -q "^.?. in the author.s own text  *P " out && grep -q "^flag nothing  *P 0.00" out'

t 'without ../shared every script fails under CI=true and skips otherwise' '
	for c in "label-sample --check" "eval-queues" "eval-intent --sentences" "label-agree merge" \
		"label-dates --check" "eval-dates"; do
		CI=true LEADUP_SHARED=$TMP/none "$S"/$c >/dev/null 2>err; rc=$?
		[ $rc -eq 2 ] && grep -q FAIL err || { echo "$c under CI: exit $rc"; cat err; exit 1; }
		CI= LEADUP_SHARED=$TMP/none "$S"/$c >/dev/null 2>err; rc=$?
		[ $rc -eq 77 ] || { echo "$c: exit $rc"; exit 1; }
	done
	CI=true INTENT_DATA=$TMP/none "$S/eval-intent" >/dev/null 2>err; [ $? -eq 2 ] && grep -q FAIL err'

done_testing
