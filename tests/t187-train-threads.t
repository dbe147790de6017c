#!/bin/sh
# The learned thread-state correction (helper/thread-learn.c): leadup why
# --format=json gives the features it reads on a real notmuch thread and
# what the model may do to it (take it out of its queue, put it in one),
# and scripts/train-threads learns from train people only,
# deterministically, both ways, ships weights only when nested by-person
# CV beats the rules, and refuses a dump that holds a test person or other
# features.  The dumps here are invented numbers, not mail.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-18T12:00:00Z
msg sent q1@example.com "Me Myself <me@example.com>" "Bob <bob@example.org>" "Mon, 16 Nov 2026 09:00:00 +0000" "Plan" <<'M'
Here is the plan for next week.
M
msg inbox q2@example.com "Bob <bob@example.org>" "Me Myself <me@example.com>" "Tue, 17 Nov 2026 09:00:00 +0000" "Re: Plan" q1@example.com <<'M'
Could you send me the figures for the plan?
M
msg sent r1@example.com "Me Myself <me@example.com>" "Carol <carol@example.org>" "Mon, 16 Nov 2026 10:00:00 +0000" "Budget" <<'M'
Here are the trader names for the global IDs.
M
index
lu scan --quiet

t 'why --format=json: the model object, with every feature the model reads' '
	lu why --format=json id:q2@example.com >why.json &&
	python3 -c "
import json, re, sys
j = json.load(open(\"why.json\"))
m = j[\"model\"]
src = open(\"$ROOT/helper/thread-learn.c\").read()
names = re.findall(r\"\\[F_\\w+\\] = \\{\\\"([^\\\"]+)\\\"\", src)
assert j[\"state\"] == \"needs-reply\" and m[\"rules_state\"] == \"needs-reply\", j
assert list(m[\"features\"]) == names, (list(m[\"features\"]), names)
f = m[\"features\"]
assert f[\"rules-needs-reply\"] == 1 and f[\"last-mine\"] == 0 and f[\"last-replies-to-mine\"] == 1, f
assert f[\"last-expects-reply\"] == 1 and f[\"last-question-mark\"] == 1 and f[\"my-share\"] == 0.5, f
assert m[\"may\"] == \"out\" and m[\"open_state\"] == \"none\", m
"'

t 'why --format=json: a thread in no queue the model may put in awaiting, its text read' '
	lu why --format=json id:r1@example.com >why.json &&
	python3 -c "
import json
j = json.load(open(\"why.json\"))
m = j[\"model\"]
assert j[\"state\"] == \"none\" and m[\"rules_state\"] == \"none\", j
assert m[\"may\"] == \"in\" and m[\"open_state\"] == \"awaiting\", m
f = m[\"features\"]
assert f[\"rules-no-queue\"] == 1 and f[\"last-mine\"] == 1 and f[\"last-sentences\"] > 0, f
"'

# An invented dump: four train people; "last-closing" says whether the
# conversation is open.  The rules queue 12 of each person's conversations
# (8 of them open) and leave 6 in no queue (2 of them open) that the model
# may put in needs-reply.
python3 - "$ROOT" >dump.jsonl <<'PY'
import json, re, sys
src = open(sys.argv[1] + "/helper/thread-learn.c").read()
names = re.findall(r'\[F_\w+\] = \{"([^"]+)"', src)


def row(id, person, gold, rules, may, open_state, b_last, **feats):
    f = {n: 0 for n in names}
    f.update({k.replace("_", "-"): v for k, v in feats.items()})
    print(json.dumps({"id": id, "person": person, "split": "train", "gold": gold,
                      "pred": rules, "b_none": "none", "b_last": b_last, "b_q": "none",
                      "model": {"features": f, "rules_state": rules, "state": rules,
                                "may": may, "open_state": open_state, "p_open": None,
                                "rule": "x"}}))


for p in range(4):
    for i in range(12):
        closes = (i * 7 + p) % 3 == 0
        row("T%d%02d" % (p, i), "p%d" % p, "none" if closes else "awaiting", "awaiting", "out",
            "none", "awaiting", rules_awaiting=1, last_mine=1, last_closing=int(closes),
            age=(i % 5) / 2)
    for i in range(6):
        closes = (i * 5 + p) % 3 != 0
        row("N%d%02d" % (p, i), "p%d" % p, "none" if closes else "needs-reply", "none", "in",
            "needs-reply", "needs-reply", rules_no_queue=1, last_to_me=1,
            last_closing=int(closes), age=(i % 4) / 2)
PY
mkdir -p tree/helper tree/scripts
cp "$ROOT"/helper/thread-learn.c "$ROOT"/helper/thread-model.c tree/helper/ && cp "$ROOT"/scripts/train-threads tree/scripts/

t 'train-threads: nested by-person CV beside the rules and the baselines' '
	tree/scripts/train-threads --from dump.jsonl >out &&
	grep -q "^train people only: 72 conversations, 4 people; the model may take 48 out of the queue the rules gave, put 24 in one" out &&
	grep -q "^rules (leadup, no model)  *0.667" out &&
	grep -q "^model, nested by-person CV  *1.000 .* 16 / 8$" out &&
	grep -q "^  its take-outs alone  *0.889 .* 16 / 0$" out &&
	grep -q "^  its put-ins alone  *0.778 .* 0 / 8$" out &&
	grep -q "^flag nothing  *0.444" out && grep -q "^who wrote last  *0.556" out &&
	grep -q "^.?. in last own text  *0.444" out && grep -q "^nested CV beats the rules" out'

# Conversations of a batch chosen by a pattern: two more of each person's,
# closed whatever their "last-closing" says.  They teach; they are not scored.
python3 - dump.jsonl >pattern.jsonl <<'PY'
import json, sys
rows = [json.loads(ln) for ln in open(sys.argv[1])]
for r in rows:
    print(json.dumps(r))
for r in rows:
    if r["id"].endswith(("00", "01")):
        r = dict(r, id="P" + r["id"], gold="none", pattern=True)
        print(json.dumps(r))
PY

t 'train-threads: a batch chosen by a pattern trains, and is never scored' '
	tree/scripts/train-threads --from dump.jsonl >plain &&
	tree/scripts/train-threads --from pattern.jsonl >out &&
	grep -q "^train people only: 72 conversations (and 16 chosen by a pattern, training rows only), 4 people; the model may take 48 out" out &&
	grep -q "^rules (leadup, no model)  *0.667" out && grep -q "^flag nothing  *0.444" out &&
	! cmp -s plain out &&
	tree/scripts/train-threads --pattern drop --from pattern.jsonl >out &&
	cmp plain out'

t 'train-threads --write: weights when CV wins, the same bytes twice, whatever the hash seed' '
	PYTHONHASHSEED=1 tree/scripts/train-threads --quiet --write --from dump.jsonl &&
	cp tree/helper/thread-model.c first.c &&
	PYTHONHASHSEED=2 tree/scripts/train-threads --quiet --write --from dump.jsonl &&
	cmp first.c tree/helper/thread-model.c &&
	grep -q "= {LU_TM_NFEAT, w, .*, 0\.[0-9][0-9], 0\.[0-9][0-9]};" first.c && grep -q "last-closing" first.c'

t 'train-threads --write-empty: no model, the figures kept' '
	tree/scripts/train-threads --quiet --write-empty --from dump.jsonl &&
	grep -q "= {0, NULL, 0.0, 0.0, 0.0};" tree/helper/thread-model.c &&
	grep -q "model, nested by-person CV  *1.000" tree/helper/thread-model.c &&
	grep -q "Not shipped" tree/helper/thread-model.c'

t 'train-threads refuses a test person, and features that are not the C ones' '
	sed "1s/\"split\": \"train\"/\"split\": \"test\"/" dump.jsonl >test.jsonl &&
	! tree/scripts/train-threads --from test.jsonl >out 2>err && grep -q "test person" err &&
	sed "1s/\"age\"/\"aged\"/" dump.jsonl >other.jsonl &&
	! tree/scripts/train-threads --from other.jsonl >out 2>err && grep -q "features are not" err'
done_testing
