#!/bin/sh
# The learned per-message "expects a reply" in C (msgmodel.c, the weights
# helper/message-model.c) is scripts/train-messages' model: on texts written
# here, the score `leadup classify` prints is the one the script's own
# features (lr_names, hashed as it hashes them) and the shipped weights
# give, and so is the verdict; and --write on a written fixture writes the
# same file twice.
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts
NOW=2026-11-23T09:00:00+00:00
mkdir -p texts
printf 'Hi John,\n\nCould you send me the signed contract by Friday? Do you want me to set up a call as well?\n\nThanks,\nMary\n' >texts/1
printf 'FYI - the minutes of last week\xe2\x80\x99s meeting are attached.\n\nNo action needed.\n' >texts/2
printf 'The build failed on Windows:\n\n  Error in foo(x): object not found\n\nDoes anyone know why? I don'"'"'t see it on Linux.\n' >texts/3
printf 'Gr\xc3\xbc\xc3\x9fe, \xc3\x9cber-Caf\xc3\xa9 on Thursday? OK.\n' >texts/4
: >texts/5
for f in texts/*; do lu classify --text <"$f" >"$f.json" || exit 1; done

# check MODEL_C JSON...: the script's score and verdict of each JSON, beside C's
cat >check.py <<'PY'
import json, math, re, sys
sys.path.insert(0, sys.argv[1])
import scriptmod
TM = scriptmod.load("train-messages")
src = open(sys.argv[2]).read()
val = lambda k: float(re.search(r"%s = ([-0-9.e]+);" % k, src).group(1))
w = {int(b): float(x) for b, x in re.findall(r"\{(\d+)u, ([-0-9.e]+)f\}", src)}
bad = 0
for p in sys.argv[3:]:
    js = json.load(open(p))
    lb = {TM.TT.fnv(n) & (TM.LR_BUCKETS - 1) for n in TM.lr_names(js)}
    z = val("lu_msgm_bias") + (val("lu_msgm_reply_weight") if js["expects_reply"] else 0)
    z += sum(w.get(b, 0.0) for b in lb) / math.sqrt(len(lb))
    py = 1 / (1 + math.exp(-z))
    c = js["reply_model_score"]
    same = abs(py - c) <= 5e-4 * max(py, 1e-3) and (py >= val("lu_msgm_threshold")) == js["reply_model"]
    print("%s: python %.6f c %s verdict %s %s" % (p, py, c, js["reply_model"], "same" if same else "DIFFERENT"))
    bad += not same
sys.exit(1 if bad else 0)
PY

t 'the score and verdict classify prints are the script'"'"'s, on five texts' '
	python3 check.py "$S" "$ROOT/helper/message-model.c" texts/*.json >out; rc=$?; cat out; [ $rc -eq 0 ] &&
	test "$(grep -c " same$" out)" -eq 5'
t 'the texts differ in score: the check reads the weights' '
	test "$(sed "s/.*c \([^ ]*\) .*/\1/" out | sort -u | wc -l)" -eq 5'
t 'a question expects a reply, an FYI does not' '
	grep -q "^texts/1.json: .* verdict True same" out && grep -q "^texts/2.json: .* verdict False same" out'
t 'a wrong weight is caught' '
	sed "s/^const double lu_msgm_bias = .*/const double lu_msgm_bias = 0.5;/" "$ROOT/helper/message-model.c" >bad.c &&
	! python3 check.py "$S" bad.c texts/*.json >/dev/null'
done_testing
