#!/bin/sh
# scripts/sm-confusion (a proposal model beside main's request and commitment
# models, doc/benchmarks-log.md "Twentieth attempt (proposals)") runs as far as its
# options without ../shared and finds the parts of train-intent it borrows;
# train-intent's SM_PROP_WI teaches the proposal model from the intent set's
# lines where the rules read a proposal, and from no other line, and
# SM_MODE_OF gives one label its own mode in the CV (final_labels).
. "$(dirname "$0")/lib.sh"

t 'sm-confusion --help names its options' '
	"$ROOT"/scripts/sm-confusion --help >out 2>err &&
	grep -q -- "--batch" out && grep -q -- "--mode" out && grep -q -- "--margin" out'
t 'the parts of train-intent it reads are there' '
	python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/sm-confusion" mod - >out 2>err <<PY
import sys
ti = mod.load_ti()
need = """load fold_of corpus_items reading written_examples WRITTEN sm_dump NFOLDS
pattern_chosen CLASS_OF line_class line_actionable prf B_REQ B_PROP B_COMMIT
SM_INTENT_WEIGHT SM_PROP_WI MODE_OF train_models SM_MARGINS shifted SM_CONTEXT""".split()
missing = [n for n in need if not hasattr(ti, n)]
print("missing:", missing)
sys.exit(1 if missing else 0)
PY'
t 'SM_PROP_WI: the intent lines the rules read as a proposal teach the proposal model, no others' '
	SM_EXW=0 python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/train-intent" ti - >out 2>err <<PY
P = ti.B_PROP
def sent(lab, *b):
    return (lab, False, tuple(b), "")
# the corpus: (sentences, gold, person)
corpus = [([sent(P, 1, 2)], "proposal", "a"), ([sent(P, 1, 3)], "none", "b"),
          ([sent(0, 4, 5)], "none", "c"), ([sent(0, 6, 7)], "request", "d")]
plain = [(([sent(0, 8, 9)], False), 1), (([sent(0, 10)], False), 0)]
prop = [(([sent(P, 1, 3)], False), 1), (([sent(P, 1, 11)], False), 0)]
m0 = ti.train_models(corpus, plain + prop, 0.01, 0.0, {P})[P]
m_plain = ti.train_models(corpus, plain, 0.01, 1.0, {P})[P]
m_prop = ti.train_models(corpus, plain + prop, 0.01, 1.0, {P})[P]
assert m_plain == m0, "lines without a rule proposal taught the proposal model"
assert m_prop != m0, "the rule-proposal lines taught nothing"
assert 11 in m_prop[0] and 8 not in m_prop[0]
# SM_MODE_OF: a model that reads no proposal takes away the rules label only in replace
no = {P: ({}, -5.0, 0.0)}
s = [sent(P, 1)]
ti.MODE_OF[P] = "add"
assert ti.final_labels(no, s[0]) & P
ti.MODE_OF[P] = "replace"
assert not ti.final_labels(no, s[0]) & P
print("ok")
PY'
done_testing
