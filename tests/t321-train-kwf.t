#!/bin/sh
# scripts/train-intent's SM_KWF (doc/benchmarks-log.md "Twenty-third attempt
# (sentences)"): the commitment model reads the keyword list's hit
# (eval-sentences' own keyword(): "I'll", "we will", "I'm going to", no ask
# or decline word first) as one weight added whole, learned from a prior as
# R is, and may add a commitment where the list reads one.  CV only:
# --write refuses it.  Python only, no ../shared, fast; own sentences.
. "$(dirname "$0")/lib.sh"

cat >toy.py <<'PY'
import random
for t in ("I'll send the draft.", "We will fix it.", "I'll send it, ok?",
          "Please check, I will wait.", "Will do.", "I'd like a copy."):
    print("hit %d %s" % (ti.kw_hit(t), t))
# the hit's weight is added whole, the buckets' sum over its square root
m = ({ti.KW_KEY: 3.0, 5: 1.0}, 0.0, 0.0)
print("lin %.1f %.1f" % (ti.lin(m, (0, False, (5, 5, 5, 5), "I'll send it."), ti.B_COMMIT),
                         ti.lin(m, (0, False, (5, 5, 5, 5), "I'd send it."), ti.B_COMMIT)))
# the add gate: no writer's future among the buckets, the list's hit
s = (0, False, (9,), "We'll send it.")
print("gate %d" % bool(ti.final_labels({ti.B_COMMIT: ({ti.KW_KEY: 3.0}, -1.0, 0.0)}, s) &
                       ti.B_COMMIT))
# a toy set: the label is the list's hit; the rules right three times in four
rnd = random.Random(7)
items = []
for i in range(400):
    y = i % 2
    rule = ti.B_COMMIT if (rnd.random() < 0.75) == bool(y) else 0
    h = tuple(sorted(set(rnd.randrange(1000, 1300) for _ in range(50))))
    items.append(([(rule, False, h, "I'll look." if y else "I'd look.")], y, 1.0))
m = ti.sm_train(items, 0.01, ti.B_COMMIT)
pred = [int(ti.lin(m, s[0], ti.B_COMMIT) > 0) for s, _, _ in items]
print("fit %.3f kw %.2f" % (ti.prf([y for _, y, _ in items], pred)[2],
                            m[0].get(ti.KW_KEY, 0.0)))
# sm_train_fit (SM_FIT) learns it freely, as it learns R
m = ti.sm_train_fit(items, ti.B_COMMIT, lam=0.1)
pred = [int(ti.lin(m, s[0], ti.B_COMMIT) > 0) for s, _, _ in items]
print("fitted %.3f kw %.2f" % (ti.prf([y for _, y, _ in items], pred)[2],
                               m[0].get(ti.KW_KEY, 0.0)))
PY

t 'the keyword hit is eval-sentences keyword list: ask and decline words first' '
	SM_KWF=1 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	grep -q "^hit 1 I.ll send the draft" out && grep -q "^hit 1 We will fix" out &&
	grep -q "^hit 0 I.ll send it, ok" out && grep -q "^hit 0 Please check" out &&
	grep -q "^hit 0 Will do" out && grep -q "^hit 0 I.d like" out'
t 'with SM_KWF the hit adds its weight whole; the gate admits it' '
	SM_KWF=1 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	grep -q "^lin 5.0 2.0$" out && grep -q "^gate 1$" out'
t 'without SM_KWF lin and the gate are main'"'"'s' '
	SM_KWF=0 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	grep -q "^lin 2.0 2.0$" out && grep -q "^gate 0$" out && grep -q " kw 0.00$" out'
t 'with SM_KWF sm_train and sm_train_fit learn the hit: the toy set read whole' '
	SM_KWF=1 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti toy.py >out 2>err &&
	python3 - out <<PY
import re, sys
t = open(sys.argv[1]).read()
f, k = map(float, re.search(r"^fit (\S+) kw (\S+)", t, re.M).groups())
g, j = map(float, re.search(r"^fitted (\S+) kw (\S+)", t, re.M).groups())
print(f, k, g, j)
sys.exit(0 if f >= 0.99 and k > 2 and g >= 0.99 and j > 2 else 1)
PY'
t '--write refuses SM_KWF' '
	rc=0; SM_KWF=1 "$ROOT"/scripts/train-intent --write --data "$PWD/none" >out 2>err || rc=$?
	test "$rc" = 2 && grep -q "cross-validation only" err'
done_testing
