#!/bin/sh
# scripts/train-intent regenerates the shipped weights from a fresh tree:
# helper/intent-model.c byte for byte, whatever Python's hash seed (equal
# weights are ordered by name), and helper/sentence-model.c is left alone
# with --no-sentence-model.  Slow (about a minute): reads ../shared.
. "$(dirname "$0")/lib.sh"
if [ ! -f "$ROOT/../shared/intent/enron-intent-verified/intent_pos" ]; then
	[ "${CI:-}" = true ] && { echo "not ok 1 - ../shared/intent is missing under CI"; echo "1..1"; exit 1; }
	skip_all "../shared/intent is absent: the weights are trained from ../shared"
fi
mkdir -p tree/helper tree/scripts
cp "$ROOT"/helper/*.c "$ROOT"/helper/*.h tree/helper/ && cp "$ROOT"/scripts/* tree/scripts/
ln -s "$(cd "$ROOT/.." && pwd)/shared" shared

for seed in 1 2; do
	t "train-intent --write reproduces helper/intent-model.c (PYTHONHASHSEED=$seed)" '
		PYTHONHASHSEED=$seed tree/scripts/train-intent --quiet --write --no-sentence-model >out 2>err &&
		grep -q "^5-fold CV mean: precision" out &&
		cmp tree/helper/intent-model.c "$ROOT/helper/intent-model.c" &&
		cmp tree/helper/sentence-model.c "$ROOT/helper/sentence-model.c"'
done
done_testing
