#!/bin/sh
# scripts/train-messages (the learned "expects a reply" per whole message) on
# a written fixture of invented messages, no real mail: it learns a toy that
# leadup's rules cannot read but the words separate, its CV folds hold whole
# people (no fit ever learns from the person it scores), the figures beside
# leadup and the baselines, and its errors.
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts
mkdir -p "$TMP/mail/cur"

# msg ID FROM BODY: one message of the fixture maildir
msg() {
	printf 'Message-ID: <%s>\nDate: Mon, 05 Mar 2001 09:00:00 -0600\nFrom: %s\nTo: team@x.example\nSubject: status %s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$1" "$2" "$1" "$3" >"$TMP/mail/cur/$1:2,S"
}
# Eight people, four messages each: two that wait for an answer (an invented
# word, "zorblax", that no rule of leadup knows) and two that do not
# ("quuxwell"); nothing else tells them apart.
# person SPLIT P N: person P's N messages, the first half waiting for an
# answer; each message's file and its label row (i counts the messages)
person() {
	for k in $(seq "$3"); do
		i=$((i + 1))
		if [ $((2 * k)) -le "$3" ]; then v=yes w="zorblax"; else v=no w="quuxwell"; fi
		msg "m$i@x" "P$2 <p$2@x.example>" "The $w report of batch $k is on the share for the team."
		printf 'M%03d\t%s\trhelp/p%d\tm%d@x\t%s\tAB\tinvented\n' $i "$1" "$2" $i $v
	done
}
{
	printf 'id\tsplit\tperson\tmessage_id\texpects\tby\treason\n'
	i=0
	for p in 1 2 3 4 5 6 7 8; do person train $p 4; done
	for p in 9 10; do person test $p 2; done # two test people: scored only with --test
} >labels.tsv
printf 'person\tsplit\trole\tset\tme\tnows\n' >people.tsv
TM() { "$S/train-messages" --labels labels.tsv --people people.tsv --maildir "$TMP/mail" "$@"; }

t 'a separable toy: the nested CV by person learns it; leadup and the baselines flag nothing' '
	TM --folds 4 >out &&
	grep -q "^folds of whole people: fold01 2 people 8 messages, fold02 2 people 8 messages, fold03 2 people 8 messages, fold04 2 people 8 messages$" out &&
	grep -q "^== train: nested CV by person: 32 messages (8 people), 16 expect a reply$" out &&
	grep -q "^  model, nested CV by person  *P 1.00  R 1.00  F1 1.00  (16 flagged)$" out &&
	grep -q "^  leadup expects_reply, message read  *P 0.00  R 0.00  F1 0.00  (0 flagged)$" out &&
	grep -q "^  flag nothing  *P 0.00  R 0.00  F1 0.00  (0 flagged)$" out &&
	grep -q "^  flag everything  *P 0.50  R 1.00  F1 0.67  (32 flagged)$" out &&
	grep -q "^bar: nested CV F1 1.0000 vs leadup.s 0.0000: +1.0000, met" out &&
	grep -q "^-- lists: 32 messages" out && ! grep -q "^-- Enron" out &&
	grep -q "^the final model: every train message, features lr, " out && ! grep -q "^== test" out'

t '--model nb (session 41s model) learns it too; --curve prints the nested F1 learning from all' '
	TM --folds 4 --model nb --curve >out &&
	grep -q "^  model, nested CV by person  *P 1.00  R 1.00  F1 1.00  (16 flagged)$" out &&
	grep -q "^learning curve (nested CV by person, every train message scored; leadup 0.000):$" out &&
	grep -q "^     32 messages learnt from: F1 1.000 (Enron 0.000, lists 1.000)$" out &&
	grep -q "^the final model: every train message, features words" out &&
	! TM --model svm 2>err && grep -q "model wants one of lr, lr-read, nb" err'

t '--test: the final model on the test people beside leadup; a second run gives the same' '
	TM --folds 4 --test >out && grep -q "^== test: the final model: 4 messages (2 people), 2 expect a reply$" out &&
	grep -A1 "^== test" out | grep -q "model, trained on all train  *P 1.00  R 1.00  F1 1.00" &&
	TM --folds 4 --test >again && cmp out again'

# Every fit the nested CV makes learns from people other than those it scores:
# the fits are recorded (the groups they learn from) and checked against the
# folds each scored row belongs to.
cat >check.py <<'PYEOF'
import sys
fits = []
orig = TM.fit_on
def spy(rows, groups, fs, l2):
    fits.append(frozenset(groups))
    return orig(rows, groups, fs, l2)
TM.fit_on = spy
rows, names = TM.read_rows("labels.tsv", sys.argv[1], "people.tsv")
train = [r for r in rows if r["split"] == "train"]
groups = TM.TT.person_groups(train, 4)
for r in train:
    r["group"] = groups[r["person"]]
folds = sorted(set(groups.values()))
# a person is in one fold only; the folds split the people evenly
assert len(groups) == 8 and sorted(list(groups.values()).count(f) for f in folds) == [2, 2, 2, 2]
orig_prob = TM.prob
scored = []
def prob_spy(model, r):
    scored.append((r["group"], fits[-1]))
    return orig_prob(model, r)
TM.prob = prob_spy
TM.nested(train, folds)
assert scored and all(g not in learnt for g, learnt in scored), "a fit scored its own people"
print("checked %d scores of %d fits" % (len(scored), len(fits)))
PYEOF
t 'the folds are of whole people: no fit scores a person it learnt from' '
	python3 "$S/scriptmod.py" "$S/train-messages" TM check.py "$TMP/mail" >out && grep -q "^checked [0-9]* scores of [0-9]* fits$" out'

t 'errors: one person only, a bad verdict, a missing message, a bad --folds' '
	awk -F"\t" "NR == 1 || \$3 == \"rhelp/p1\"" labels.tsv >one.tsv &&
	! "$S/train-messages" --labels one.tsv --people people.tsv --maildir "$TMP/mail" 2>err &&
	grep -q "too few train messages to learn from (4, 1 people)" err &&
	sed "s/	yes	AB/	maybe	AB/" labels.tsv >bad.tsv &&
	! "$S/train-messages" --labels bad.tsv --people people.tsv --maildir "$TMP/mail" 2>err &&
	grep -q "message M001: expects is .maybe., not yes or no" err &&
	sed "s/	m1@x	/	nowhere@x	/" labels.tsv >gone.tsv &&
	! "$S/train-messages" --labels gone.tsv --people people.tsv --maildir "$TMP/mail" 2>err &&
	grep -q "message M001: .nowhere@x. not in the corpora" err &&
	! TM --folds 1 2>err && grep -q "folds wants a number of folds, 2 or more" err'

t '--write: the final model as C, the same file twice whatever the hash seed; the toy word weighs for a reply' '
	PYTHONHASHSEED=1 TM --write --out one.c >out && PYTHONHASHSEED=2 TM --write --out two.c >/dev/null &&
	cmp one.c two.c && grep -q "^write: 32 train messages (16 expect a reply), L2 0.0001, threshold 0.40;" out &&
	grep -q "^const double lu_msgm_threshold = 0.40;$" one.c &&
	b=$(python3 -c "import sys; sys.path.insert(0, \"$S\"); import scriptmod; TT = scriptmod.load(\"train-threads\"); print(TT.fnv(\"mw:zorblax\") & 65535)") &&
	grep -q "^    {${b}u, [0-9][0-9.]*f},$" one.c'

done_testing
