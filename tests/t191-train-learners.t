#!/bin/sh
# scripts/train-intent's optional learners of the sentence models (the
# twelfth attempt, doc/benchmarks-log.md; off by default): the naive-Bayes scaled
# buckets (SM_NB), the averaged weights (SM_AVG) and the bucket floor
# (SM_MIN_DF) still give one linear model over the same buckets, which the
# script's lin() (classify.c's reading) scores as the learner did.  On a toy
# set written here: needs no ../shared and runs in a second.
. "$(dirname "$0")/lib.sh"

# run PY with train-intent loaded as module T under the environment given
learn() {
	env "$@" python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" T - <<'EOF'
bit = T.B_COMMIT
# buckets: 1 in every promise, 2 in every non-promise, 3 in both, 9 in one
# promise only; the rules gave the label to one promise and one non-promise
def s(b, rule=0):
    return (bit if rule else 0, False, tuple(b), "")
items = [([s((1, 3), 1)], 1, 1.0), ([s((1, 3, 9))], 1, 1.0), ([s((1, 3))], 1, 1.0),
         ([s((2, 3), 1)], 0, 1.0), ([s((2, 3))], 0, 1.0), ([s((2, 3))], 0, 1.0)]
if T.SM_NB:
    r = T.nb_ratios(items, T.SM_NB)
    print("r1", "pos" if r[1] > 0 else "neg", "r2", "pos" if r[2] > 0 else "neg",
          "r3", "near0" if abs(r[3]) < 0.01 else "far")
m = T.sm_train(items, 0.01, bit, epochs=20)
w = m[0]
print("w1", "pos" if w.get(1, 0) > 0 else "neg", "w2", "pos" if w.get(2, 0) > 0 else "neg",
      "w9", "none" if abs(w.get(9, 0.0)) < 1e-12 else "some")
print("right", sum((T.lin(m, x[0], bit) > 0) == bool(y) for x, y, _ in items), "of", len(items))
EOF
}

t 'SM_NB: the log-count ratio is positive for the promises bucket, near 0 for a shared one' '
	learn SM_NB=1 >out && grep -qx "r1 pos r2 neg r3 near0" out'
t 'SM_NB: the written weights, read by lin(), sort the toy set' '
	learn SM_NB=1 >out && grep -q "^w1 pos w2 neg" out && grep -qx "right 6 of 6" out'
t 'SM_AVG: the averaged weights sort the toy set' '
	learn SM_AVG=1 >out && grep -q "^w1 pos w2 neg" out && grep -qx "right 6 of 6" out'
t 'SM_MIN_DF=2: a bucket of one text gets no weight' '
	learn SM_MIN_DF=2 >out && grep -qx "w1 pos w2 neg w9 none" out &&
	learn SM_MIN_DF=0 >out && grep -qx "w1 pos w2 neg w9 some" out'
done_testing
