#!/bin/sh
# scripts/train-bulk regenerates the shipped bulk model from a fresh tree:
# helper/bulk-model.c byte for byte, whatever Python's hash seed.  Slow
# (about three minutes): unpacks and reads the train corpora of ../shared.
. "$(dirname "$0")/lib.sh"
if [ ! -f "$ROOT/../shared/corpora/enron-dev.maildir.tar.xz" ]; then
	[ "${CI:-}" = true ] && { echo "not ok 1 - ../shared/corpora is missing under CI"; echo "1..1"; exit 1; }
	skip_all "../shared/corpora is absent: the bulk model is trained from ../shared"
fi
mkdir -p tree/helper tree/scripts tree/tests/data/labels cache
cp "$ROOT"/helper/*.c "$ROOT"/helper/*.h tree/helper/ && find "$ROOT/scripts" -maxdepth 1 -type f -exec cp -t tree/scripts/ {} + &&
	cp "$ROOT"/tests/data/labels/people.tsv tree/tests/data/labels/
ln -s "$(cd "$ROOT/.." && pwd)/shared" shared

t 'train-bulk --write reproduces helper/bulk-model.c (PYTHONHASHSEED=2)' '
	LABEL_CACHE="$PWD/cache" PYTHONHASHSEED=2 tree/scripts/train-bulk --quiet --write >out 2>err &&
	cmp tree/helper/bulk-model.c "$ROOT/helper/bulk-model.c"'
t 'the model it writes has weights and a threshold below 1' '
	grep -q "^const int lu_bulk_n_weights = [1-9]" tree/helper/bulk-model.c &&
	grep -q "^const double lu_bulk_threshold = 0\.[0-9]*;" tree/helper/bulk-model.c'
done_testing
