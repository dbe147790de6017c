#!/bin/sh
# scripts/commit-cv (the commitment label's by-person CV beside the
# keyword list's, doc/benchmarks-log.md "Twenty-third attempt (sentences)") runs
# without ../shared as far as its options, and every function and setting
# of scripts/train-intent and eval-sentences it borrows is still there.
. "$(dirname "$0")/lib.sh"

t 'commit-cv --help names its options' '
	"$ROOT"/scripts/commit-cv --help >out 2>err &&
	grep -q -- "--batches" out && grep -q -- "--kwf" out && grep -q -- "--no-buckets" out'
t 'the parts of train-intent and eval-sentences it reads are there' '
	python3 "$ROOT/scripts/scriptmod.py" "$ROOT/scripts/commit-cv" mod - >out 2>err <<PY
import sys
ti = mod.load("train_intent", "train-intent")
es = mod.load("eval_sentences", "eval-sentences")
need = """corpus_items reading written_examples WRITTEN sm_dump NFOLDS pattern_chosen
CLASS_OF line_class train_models SM_MARGINS shifted B_COMMIT SM_CONTEXT SM_KWF KW_KEY
kw_hit""".split()
missing = [n for n in need if not hasattr(ti, n)] + [n for n in ["keyword"]
                                                      if not hasattr(es, n)]
print("missing:", missing)
sys.exit(1 if missing else 0)
PY'
done_testing
