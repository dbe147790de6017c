#!/bin/sh
# scripts/train-threads --words (measured, not shipped): a naive-Bayes word
# score of each side's last own text, cross-fitted on the training folds,
# as one more feature of the correction; --words-only: that score over my
# last own text alone, as a put-in to awaiting; --fresh B: the table again
# for batches B and later; --msg-scores, the per-message model's reading
# as three more features.  The dump is invented (the texts are this
# test's own words, not mail): the rules put every thread in no queue, and
# whether my last message waits on them is in its words alone.
. "$(dirname "$0")/lib.sh"
python3 - "$ROOT" >dump.jsonl <<'PY'
import json, re, sys
src = open(sys.argv[1] + "/helper/thread-learn.c").read()
names = re.findall(r'\[F_\w+\] = \{"([^"]+)"', src)
OPEN = ["could you send the report by friday", "please let me know what you think",
        "can you check the numbers for me"]
SHUT = ["thanks that settles it", "great we are done here", "no need to answer this"]
for p in range(6):
    for i in range(24):
        waits = (i * 5 + p) % 3 == 0
        f = {n: 0 for n in names}
        f.update({"rules-no-queue": 1, "last-mine": 1, "age": (i % 4) / 3})
        text = (OPEN if waits else SHUT)[(i + p) % 3]
        print(json.dumps({
            "id": "T%d%02d" % (p, i), "person": "p%d" % p, "split": "train", "batch": 20 + p * 3,
            "gold": "awaiting" if waits else "none", "pred": "none", "b_none": "none",
            "b_last": "awaiting", "b_q": "none",
            "words": {"mine": text, "theirs": "here is the file you asked about"},
            "model": {"features": f, "rules_state": "none", "state": "none", "may": "in",
                      "open_state": "awaiting", "p_open": None, "rule": "x"}}))
PY
mkdir -p tree/helper tree/scripts
cp "$ROOT"/helper/thread-learn.c "$ROOT"/helper/thread-model.c tree/helper/ && cp "$ROOT"/scripts/train-threads tree/scripts/

t 'train-threads: the 51 features without words cannot tell the threads apart' '
	tree/scripts/train-threads --from dump.jsonl >plain &&
	grep -q "^train people only: 144 conversations, 6 people;" plain &&
	grep -q "^nested CV does not beat the rules (96 vs 96 right of 144" plain'

t 'train-threads --words: the words put the waiting threads in awaiting, nested' '
	tree/scripts/train-threads --words --fresh 29 --from dump.jsonl >words &&
	grep -q "^model, nested by-person CV  *1.000" words &&
	grep -q "^nested CV beats the rules (144 vs 96 right of 144" words &&
	grep -q "^batches 29 and later alone: 72 conversations, 3 people" words &&
	grep -q "^  right: nested 72, rules 48" words &&
	sed -n "/^words toward open:/{n;p;}" words | grep -q "^  +[0-9.]* mL:" &&
	sed -n "/^words toward closed/{n;p;}" words | grep -q "^  -[0-9.]* mL:" &&
	tree/scripts/train-threads --words --fresh 29 --from dump.jsonl >again &&
	cmp words again'

t 'train-threads --words-only: my words alone, as a put-in to awaiting' '
	tree/scripts/train-threads --words-only --from dump.jsonl >only &&
	grep -q "^nested CV beats the rules (144 vs 96 right of 144" only &&
	grep -q "^  words " only'

t 'train-threads --words: measured only, never written; a dump without words refused' '
	! tree/scripts/train-threads --words --write --from dump.jsonl 2>err &&
	grep -q "measured only" err &&
	python3 -c "
import json, sys
for ln in open(\"dump.jsonl\"):
    r = json.loads(ln)
    del r[\"words\"]
    print(json.dumps(r))
" >bare.jsonl &&
	! tree/scripts/train-threads --words --from bare.jsonl 2>err2 &&
	grep -q "the dump has no words" err2'
# --msg-scores: the per-message model's cross-fitted reading of each
# side's last message as three more features (invented here: my last
# message reads 0.9 where it waits, 0.1 where not).
python3 - <<'PY' >scores.tsv
import json
for ln in open("dump.jsonl"):
    r = json.loads(ln)
    print("%s\t%s\t%s" % (r["id"], "0.9" if r["gold"] == "awaiting" else "0.1", "0.5"))
PY
t 'train-threads --msg-scores: my last message read as waiting puts it in awaiting, nested' '
	tree/scripts/train-threads --msg-scores scores.tsv --from dump.jsonl >msg &&
	grep -q "^nested CV beats the rules (144 vs 96 right of 144" msg &&
	grep -q "^  msg-last " msg && grep -q "^  msg-mine " msg'
t 'train-threads --msg-scores: measured only; a conversation without a score refused' '
	! tree/scripts/train-threads --msg-scores scores.tsv --write --from dump.jsonl 2>err &&
	grep -q "measured only" err && sed 1d scores.tsv >short.tsv &&
	! tree/scripts/train-threads --msg-scores short.tsv --from dump.jsonl 2>err2 &&
	grep -q "has no score in" err2'
done_testing
