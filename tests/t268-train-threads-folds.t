#!/bin/sh
# scripts/train-threads --folds K cross-validates over K folds of whole
# people (for many people: the nested fit costs people-squared fits), and
# --margin sets what the nested CV must gain over the rules, with neither
# queue's precision lower, before --write ships weights.  The dump is
# invented numbers, not mail (t187's kind: "last-closing" says whether the
# conversation is open).
. "$(dirname "$0")/lib.sh"
python3 - "$ROOT" >dump.jsonl <<'PY'
import json, re, sys
src = open(sys.argv[1] + "/helper/thread-learn.c").read()
names = re.findall(r'\[F_\w+\] = \{"([^"]+)"', src)


def row(id, person, gold, rules, may, open_state, **feats):
    f = {n: 0 for n in names}
    f.update({k.replace("_", "-"): v for k, v in feats.items()})
    print(json.dumps({"id": id, "person": person, "split": "train", "gold": gold,
                      "pred": rules, "b_none": "none", "b_last": rules, "b_q": "none",
                      "model": {"features": f, "rules_state": rules, "state": rules,
                                "may": may, "open_state": open_state, "p_open": None,
                                "rule": "x"}}))


for p in range(6):
    for i in range(10 + 2 * p):
        closes = (i * 7 + p) % 3 == 0
        row("T%d%02d" % (p, i), "p%d" % p, "none" if closes else "awaiting", "awaiting", "out",
            "none", rules_awaiting=1, last_mine=1, last_closing=int(closes), age=(i % 5) / 2)
PY
mkdir -p tree/helper tree/scripts
cp "$ROOT"/helper/thread-learn.c "$ROOT"/helper/thread-model.c tree/helper/ && cp "$ROOT"/scripts/train-threads tree/scripts/

t 'train-threads --folds 3: six people in three folds of whole people' '
	tree/scripts/train-threads --folds 3 --from dump.jsonl >out &&
	grep -q "^train people only: 90 conversations, 6 people in 3 folds of whole people;" out &&
	grep -q "^model, nested by-person CV  *1.000" out &&
	grep -q "^nested CV beats the rules (90 vs 58 right of 90; needed +1" out &&
	tree/scripts/train-threads --from dump.jsonl >one &&
	grep -q "^train people only: 90 conversations, 6 people;" one &&
	tree/scripts/train-threads --folds 6 --from dump.jsonl >six && cmp one six'

t 'train-threads --margin: a gain below it ships nothing' '
	tree/scripts/train-threads --quiet --folds 3 --margin 0.5 --write --from dump.jsonl &&
	grep -q "= {0, NULL, 0.0, 0.0, 0.0};" tree/helper/thread-model.c &&
	grep -q "does not beat the rules (90 vs 58 right of 90; needed +45" tree/helper/thread-model.c &&
	tree/scripts/train-threads --quiet --folds 3 --write --from dump.jsonl &&
	grep -q "= {LU_TM_NFEAT, w, " tree/helper/thread-model.c'
done_testing
