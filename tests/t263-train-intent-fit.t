#!/bin/sh
# scripts/train-intent's SM_FIT fitting (sm_train_fit; doc/benchmarks-log.md
# "Twentieth attempt (sentences)") fits what sm_train cannot: a toy set
# whose label one bucket among a hundred of noise decides, the rules'
# label right three times in four.  sm_train (AdaGrad from an accumulator
# of 1, R pulled to its prior 2) reads little more than the rules' label;
# sm_train_fit reads the bucket.  And SM_INTER's second weights are read
# only where the rules gave the label.  Python only, no ../shared, fast.
. "$(dirname "$0")/lib.sh"

cat >toy.py <<'PY'
import random
rnd = random.Random(7)
items = []
for i in range(400):
    y = i % 2
    rule = ti.B_REQ if (rnd.random() < 0.75) == bool(y) else 0
    h = tuple(sorted(set(rnd.randrange(1000, 1300) for _ in range(100)) | {7 if y else 8}))
    items.append(([(rule, False, h, "")], y, 1.0))


def fit(m):
    pred = [int(ti.lin(m, s[0], ti.B_REQ) > 0) for s, _, _ in items]
    return ti.prf([y for _, y, _ in items], pred)[2]


rules = ti.prf([y for _, y, _ in items], [int(bool(s[0][0])) for s, _, _ in items])[2]
old = ti.sm_train(items, 0.01, ti.B_REQ, plain=True)
new = ti.sm_train_fit(items, ti.B_REQ, lam=0.1)
print("rules %.3f old %.3f new %.3f" % (rules, fit(old), fit(new)))
inter = [x for x in new[0] if x & ti.INTER]
print("inter weights %d" % len(inter))
# a rule-given sentence reads its bucket's second weight, another does not
s1, s0 = (ti.B_REQ, False, (5,), ""), (0, False, (5,), "")
m = ({5: 1.0, 5 | ti.INTER: 2.0}, 0.0, 0.0)
print("lin %.1f %.1f" % (ti.lin(m, s1, ti.B_REQ), ti.lin(m, s0, ti.B_REQ)))
PY

t 'sm_train_fit fits the toy set, sm_train does not' '
	SM_INTER=0 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	python3 - out <<PY
import re, sys
r, o, n = map(float, re.search(r"rules (\S+) old (\S+) new (\S+)", open(sys.argv[1]).read()).groups())
print(r, o, n)
sys.exit(0 if n >= 0.99 and o < 0.9 and r < 0.8 else 1)
PY'
t 'without SM_INTER no second weights, and lin reads none' '
	SM_INTER=0 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	grep -q "^inter weights 0$" out && grep -q "^lin 1.0 1.0$" out'
t 'with SM_INTER the rule-given sentences learn second weights, read only there' '
	SM_INTER=1 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	grep -q "new 1.000" out && ! grep -q "^inter weights 0$" out &&
	grep -q "^lin 3.0 1.0$" out'
done_testing
