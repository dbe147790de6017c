#!/bin/sh
# scripts/sm-curve (the sentence models' learning curves, doc/benchmarks-log.md
# "Nineteenth attempt") runs without ../shared as far as its options, and
# every function and setting of scripts/train-intent it borrows is still
# there: train-intent may be renamed inside without the curve noticing
# only at its next (slow, ../shared) run.
. "$(dirname "$0")/lib.sh"

t 'sm-curve --help names its options' '
	"$ROOT"/scripts/sm-curve --help >out 2>err &&
	grep -q -- "--batches" out && grep -q -- "--reply" out && grep -q -- "--fit" out'
t 'the parts of train-intent it reads are there' '
	python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/sm-curve" mod - >out 2>err <<PY
import sys
ti = mod.load_ti()
need = """load fold_of corpus_items reading written_examples WRITTEN sm_dump NFOLDS
pattern_chosen CLASS_OF line_class line_actionable prf MODELS B_REQ SM_INTENT_WEIGHT
train_models SM_MARGINS shifted reply_rows sm_train lin B_REPLY SM_CONTEXT SM_EPOCHS
PRIOR_RULE SM_MAX_BATCH SM_REPLY_BATCH""".split()
missing = [n for n in need if not hasattr(ti, n)]
print("missing:", missing)
sys.exit(1 if missing else 0)
PY'
done_testing
