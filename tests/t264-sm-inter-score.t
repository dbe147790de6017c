#!/bin/sh
# A request model with second weights (scripts/train-intent's SM_INTER: a
# weight per bucket read only where the rules gave the label, keyed
# bucket | LU_FEAT_BUCKETS) scores in features.c as train-intent's lin
# scores it: tests/unit/model-inter-test (its own model, weights made up
# from the buckets of a few sentences written for it) prints its weights
# and each sentence's buckets and score, the rules giving the label or not,
# by both of features.c's ways to a weight; lin must give the same double.
# And --write no longer refuses SM_INTER: its second weights are written
# after the first, sorted.  Python only beside the unit, no ../shared.
. "$(dirname "$0")/lib.sh"
UNIT="${UNIT_DIR:-$ROOT/tests/unit}/model-inter-test"

t 'the unit: second weights only where the rules gave the label, both ways to a weight' '
	"$UNIT" >out && grep -q "^# score 1 dense" out'

cat >same.py <<'PY'
import os, sys
w, bias, rule, rows = {}, None, None, []
for line in open(sys.argv[1]):
    f = line.split()
    if line.startswith("# bias "):
        bias = float(f[2])
    elif line.startswith("# rule "):
        rule = float(f[2])
    elif line.startswith("# weight "):
        w[int(f[2])] = float(f[3])
    elif line.startswith("# score "):
        h = tuple(int(x) for x in f[4].split(","))
        rows.append((int(f[2]), f[3], h, float(f[5])))
inter = sum(1 for x in w if x & ti.INTER)
same = sum(1 for gave, _, h, c in rows
           if ti.lin((w, bias, rule), (ti.B_REQ if gave else 0, False, h, ""), ti.B_REQ) == c)
print("rows %d same %d inter %d of %d" % (len(rows), same, inter, len(w)))
# what --write writes for such a model: the second weights after the first
path = os.path.join(os.getcwd(), "sm.c")
ti.write_sentence_model({ti.B_REQ: ({5: 0.5, 5 | ti.INTER: -0.25, 9: 0.125}, -1.0, 2.0)}, path, [])
text = open(path).read()
print("written", "{5, 0.5000f}, {9, 0.1250f}, {%d, -0.2500f}," % (5 | ti.INTER) in text)
PY
t 'features.c scores every sentence as train-intent lin does, to the last bit' '
	SM_INTER=1 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti same.py out >py &&
	grep -q "^rows 24 same 24 inter [1-9][0-9]* of" py'
t 'write_sentence_model writes the second weights after the first' '
	grep -q "^written True" py'
done_testing
