#!/bin/sh
# The thread-level CV by person (doc/benchmarks-log.md "s40-ask"): train-intent's
# SM_FOLD_OUT writes a sentence model per CV fold (the fold's own weights,
# the labels SM_ONLY keeps from helper/sentence-model.c, the replace flag)
# and the fold of every person; eval-queues --rows writes one JSON line a
# conversation with every binary's state and the baselines, and no text.
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts
D=$ROOT/tests/data/labels

t 'SM_FOLD_OUT: a model file per fold with its own weights, the kept labels, the folds' '
	SM_FOLD_OUT=$TMP/folds SM_ONLY=request SM_MODE=replace python3 "$S/scriptmod.py" "$S/train-intent" ti - >out 2>err <<PY &&
R = ti.B_REQ
per_fold = [{R: ({100 + k: 0.5 + k, 7: -1.25}, -1.0 - k, 2.0)} for k in range(ti.NFOLDS)]
pfold = {"enron/allen-p": 0, "rhelp/one": 1, "rhelp/two": 1, "rsig/three": 4}
ti.write_fold_models(per_fold, pfold)
print("ok")
PY
	grep -q "^ok$" out &&
	printf "enron/allen-p\t0\nrhelp/one\t1\nrhelp/two\t1\nrsig/three\t4\n" >want && cmp want "$TMP/folds/folds.tsv" &&
	for k in 0 1 2 3 4; do
		f=$TMP/folds/sentence-model-$k.c &&
		grep -q "CV fold $k.s model: trained without that fold.s people" "$f" &&
		grep -q "{$((100 + k)), $k.5000f}" "$f" && grep -q "{7, -1.2500f}" "$f" &&
		grep -q "^    {1, -$((1 + k)).000000, 2.000000, w_request, (int)G_N_ELEMENTS(w_request), 1}," "$f" &&
		grep -q "w_commitment\[\]" "$f" || return 1
	done &&
	! grep -q "{101, " "$TMP/folds/sentence-model-0.c"'

t 'SM_FOLD_OUT: a fold file compiles as helper/sentence-model.c' '
	cc -fsyntax-only $(pkg-config --cflags glib-2.0) "$TMP/folds/sentence-model-2.c"'

if [ ! -f "$ROOT/../shared/corpora/enron-dev.maildir.tar.xz" ]; then
	skip "../shared/corpora is absent: eval-queues rebuilds its worlds from it"
else
	export LABEL_CACHE=$TMP/cache
	t 'eval-queues --rows: a line a conversation, every binary and baseline, no text' '
		LEADUP_ALSO=$LEADUP "$S/eval-queues" --labels "$D/fixture-threads-labels.tsv" --no-why \
			--rows rows.jsonl >out 2>err &&
		[ "$(wc -l <rows.jsonl)" -eq 5 ] &&
		python3 - rows.jsonl <<PY
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert {r["id"] for r in rows} == {"T001", "T105", "T112", "T206", "T313"}
for r in rows:
    assert r["pred"] == r["pred1"], r  # the same binary twice
    for k in ("gold", "b_none", "b_last", "b_q", "person", "batch", "split", "pattern"):
        assert k in r, (k, r)
    assert not {"why", "model", "words"} & set(r), r
PY'
fi
done_testing
