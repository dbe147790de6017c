#!/bin/sh
# The reply model cross-fitted at thread level (doc/benchmarks-log.md
# "s46-reply"): train-intent's SM_FOLD_OUT writes each CV fold's reply model
# beside the kept label models (the reply entry never replaces);
# crossfit-scan --reply takes train-intent's folds and deals the train
# people with no labelled sentence round them.  No real
# mail: hand-made weights and an invented fold file.
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts

t 'SM_FOLD_OUT with SM_ONLY=reply: a file a fold, its reply model, the labels kept' '
	SM_FOLD_OUT=$TMP/folds SM_ONLY=reply SM_MODE=replace python3 "$S/scriptmod.py" "$S/train-intent" ti - >out 2>err <<PY &&
per_fold = [{ti.B_REPLY: ({200 + k: 0.25 + k, 9: -0.75}, -2.0 - k, 1.5)} for k in range(ti.NFOLDS)]
ti.write_fold_models(per_fold, {"rhelp/one": 0, "rhelp/two": 3})
print("ok")
PY
	grep -q "^ok$" out &&
	for k in 0 1 2 3 4; do
		f=$TMP/folds/sentence-model-$k.c &&
		grep -q "{$((200 + k)), $k.2500f}" "$f" && grep -q "{9, -0.7500f}" "$f" &&
		grep -q "^    {128, -$((2 + k)).000000, 1.500000, w_reply, (int)G_N_ELEMENTS(w_reply), 0}," "$f" &&
		grep -q "w_request, (int)G_N_ELEMENTS(w_request), 1}" "$f" || return 1
	done &&
	sed -n "/^static const struct lu_sm_weight w_reply/,/^};/p" "$TMP/folds/sentence-model-0.c" >reply0 &&
	grep -q "{200, 0.2500f}" reply0 && ! grep -q "{201, " reply0 &&
	cc -fsyntax-only $(pkg-config --cflags glib-2.0) "$TMP/folds/sentence-model-4.c"'

t 'crossfit-scan --reply: train-intent folds as its own, the people without sentences dealt round' '
	mkdir models &&
	printf "enron/allen-p\t0\nrhelp/one\t1\nrhelp/two\t0\n" >models/folds.tsv &&
	python3 "$S/scriptmod.py" "$S/crossfit-scan" cs - >out 2>err <<PY &&
import os
cs.L.LABELS = os.getcwd()
open("threads-labels.tsv", "w").write("id\tsplit\tperson\nT1\ttrain\trhelp/one\nT2\ttrain\trhelp/zed\n"
                                      "T3\ttest\trhelp/tess\nT4\ttrain\trhelp/yan\n")
print(cs.reply_folds("folds.tsv", "models"))
PY
	grep -q "^\[.fold0., .fold1.\]$" out &&
	grep -v "^#" folds.tsv >got &&
	printf "fold0\tenron/allen-p\nfold1\trhelp/one\nfold0\trhelp/two\nfold0\trhelp/yan\nfold1\trhelp/zed\n" >want &&
	cmp want got'

# crossfit-scan --scan (session 49): each fold's binary is helper/leadup
# with the fold's message-model.c, the per-message model read only where
# thread.c reads it (what main ships), not helper/leadup-reply-model (the
# model deciding every message).  A tree whose Makefile says which target
# it built.
t 'crossfit-scan --scan builds helper/leadup with the fold model; without it leadup-reply-model' '
	mkdir -p fake/helper fake/scripts cf &&
	printf "helper/leadup:\n\tcp helper/message-model.c \$@ && chmod +x \$@\nhelper/leadup-reply-model:\n\techo rm >\$@ && chmod +x \$@\n" >fake/Makefile &&
	echo base >fake/helper/message-model.c &&
	echo fold3 >cf/message-model-fold03.c &&
	python3 "$S/scriptmod.py" "$S/crossfit-scan" cs - >out 2>err <<PY &&
import os
cs.ROOT = os.path.abspath("fake")
d = os.path.abspath("cf")
for scan in (True, False):
    exe = cs.build(d, "fold03", scan=scan)
    print(os.path.relpath(exe, d), open(exe).read().strip())
    os.rename(os.path.join(d, "build-fold03"), os.path.join(d, "built-%s" % scan))
PY
	printf "build-fold03/helper/leadup fold3\nbuild-fold03/helper/leadup-reply-model rm\n" >want &&
	cmp want out &&
	cmp cf/message-model-fold03.c cf/built-False/helper/message-model.c'

# The reply rows' gold (s47-reply): a request waits when sub-labelled
# answer, a question unless sub-labelled act (SM_REPLY_QUESTIONS=0: every
# question waits, as the shipped model learned), a proposal always.
for q in 1 0; do
	t "the reply rows' gold from the requests' and questions' sub-labels (SM_REPLY_QUESTIONS=$q)" '
		mkdir -p lab$q && cd lab$q &&
		printf "# r\nid\tsplit\treply\tby\nS1\ttrain\tanswer\tAB\nS2\ttrain\tact\tAB\n" \
			>requests-labels.tsv &&
		printf "# q\nid\tsplit\treply\tby\nS3\ttrain\tact\tC\nS4\ttrain\tanswer\tAB\n" \
			>questions-labels.tsv &&
		SM_REPLY_QUESTIONS='$q' python3 "$S/scriptmod.py" "$S/train-intent" ti - >out 2>err <<PY &&
import os
import labelcorpus as L
L.LABELS = os.getcwd()
_, waits = ti.reply_gold()
print([waits(g, i) for g, i in (("request", "S1"), ("request", "S2"), ("request", "S9"),
                                 ("question", "S3"), ("question", "S4"), ("question", "S9"),
                                 ("proposal", "S5"))])
PY
		if [ '$q' = 1 ]; then want="[True, False, None, False, True, True, True]"
		else want="[True, False, None, True, True, True, True]"; fi &&
		grep -qxF "$want" out'
done

# SM_REPLY_ROLE=aug (s48-role): a helper's row (B_HELPER) reads every
# bucket's second weight (bucket | INTER) with its first, summed apart and
# scaled together as features.c reads them where the rules gave the label
# (classify.c asks the reply model with rules_gave); another's row the
# first alone.  The training touches what the score reads (keys).
t "SM_REPLY_ROLE=aug: a helper's row reads the second weights, another's does not" '
	SM_REPLY_ROLE=aug python3 "$S/scriptmod.py" "$S/train-intent" ti - >out 2>err <<PY &&
m = ({5: 1.0, 7: 0.5, 5 | ti.INTER: -3.0}, -0.5, 2.0)
h = (ti.B_REPLY | ti.B_HELPER, True, (5, 7), "x")
o = (ti.B_REPLY, True, (5, 7), "x")
print("%.4f %.4f" % (ti.lin(m, h, ti.B_REPLY), ti.lin(m, o, ti.B_REPLY)))
print(sorted(ti.keys(h, ti.B_REPLY)) == [5, 7, 5 | ti.INTER, 7 | ti.INTER], ti.keys(o, ti.B_REPLY))
PY
	grep -qxF "0.4393 2.5607" out && grep -qxF "True (5, 7)" out &&
	SM_REPLY_ROLE=starter "$S/train-intent" --quiet >out 2>err; test $? = 1 &&
	grep -q "SM_REPLY_ROLE must be empty, .helper. or .aug., not .starter." err'

# SM_REPLY_RUBRIC: the examples the two sub-label rubrics give, read from
# doc/labelling.md itself (a rubric rewritten so that they cannot be found
# stops the run instead of training without them).
t "the sub-label rubrics' examples, read from doc/labelling.md" '
	python3 "$S/scriptmod.py" "$S/train-intent" ti - >out 2>err <<PY &&
ex = ti.rubric_examples()
print(len([e for e in ex if not e[2]]) >= 8, len([e for e in ex if e[2]]) >= 8)
print(("Which version did you build from?", True, True) in ex,
      ("Did you look at the help page for merge?", False, True) in ex,
      ("Make sure the path is absolute.", False, False) in ex,
      ("Call me when you are back.", True, False) in ex)
ti.ROOT = "$TMP/norubric"
import os
os.makedirs(ti.ROOT + "/doc")
open(ti.ROOT + "/doc/labelling.md", "w").write("### Requests that wait\\n\\nnone\\n")
try:
    ti.rubric_examples()
except SystemExit as e:
    print(e)
PY
	grep -qxF "True True" out && grep -qxF "True True True True" out &&
	grep -qxF "train-intent: doc/labelling.md'"'"'s sub-label rubrics moved" out'
done_testing
