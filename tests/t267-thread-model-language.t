#!/bin/sh
# The learned thread-state correction reads the language of each side's
# latest message apart (helper/thread-learn.c): whether my last message and
# their last message ask, whether the reply model reads them as waiting for
# an answer, how many of their sentences are questions and whether the
# message ends on one; beside them whether the last message went to one
# person, how many people the thread holds, the working days it has been
# quiet, and whether the last message answers somebody else, not me.  The
# threads are made up here; the words are this test's own.
. "$(dirname "$0")/lib.sh"
world
NOW=2026-11-17T12:00:00Z
# My question to Bob, ending on it; Bob told me about the room first.
msg inbox a1@example.org "Bob <bob@example.org>" "Me Myself <me@example.com>" "Thu, 12 Nov 2026 09:00:00 +0000" "Room" <<'M'
The room for the workshop is booked for Monday.
M
msg sent a2@example.com "Me Myself <me@example.com>" "Bob <bob@example.org>" "Fri, 13 Nov 2026 09:00:00 +0000" "Re: Room" a1@example.org <<'M'
Thanks for booking it. I have a projector for the talks. Could you bring the cables?
M
# Dana asks me and Carol; Carol answers Dana, not me.
msg inbox b1@example.org "Dana <dana@example.org>" "Me Myself <me@example.com>, Carol <carol@example.org>" "Mon, 16 Nov 2026 09:00:00 +0000" "Chairs" <<'M'
Who orders the chairs? Is it the same shop as last year?
M
msg inbox b2@example.org "Carol <carol@example.org>" "Dana <dana@example.org>, Me Myself <me@example.com>" "Mon, 16 Nov 2026 11:00:00 +0000" "Re: Chairs" b1@example.org <<'M'
I order them today. The shop is the same.
M
index
lu scan --quiet

feat() { # feat MSGID: the model's features of its thread, as JSON, in feat.json
	lu why --format=json "id:$1" >why.json &&
	python3 -c "
import json
print(json.dumps(json.load(open(\"why.json\"))[\"model\"]))" >feat.json
}

t 'my last message: its questions, where it ends, to one person, working days' '
	feat a2@example.com &&
	python3 -c "
import json, math
m = json.load(open(\"feat.json\"))
f = m[\"features\"]
assert f[\"last-mine\"] == 1 and f[\"mine-questions\"] == 1 and f[\"mine-ends-on-question\"] == 1, f
assert f[\"theirs-questions\"] == 0 and f[\"theirs-ends-on-question\"] == 0 and f[\"theirs-asks\"] == 0, f
assert f[\"last-to-one\"] == 1 and f[\"last-answers-another\"] == 0, f
# me and Bob; Friday 09:00 to Tuesday 12:00 is Friday and Monday at work
assert abs(f[\"participants\"] - math.log1p(2)) < 2e-3, f
assert abs(f[\"business-days\"] - math.log1p(2)) < 2e-3 and f[\"age\"] > f[\"business-days\"], f
"'

t 'their thread: Carol answered Dana, not me; no question left, not to one person' '
	feat b2@example.org &&
	python3 -c "
import json, math
m = json.load(open(\"feat.json\"))
f = m[\"features\"]
assert f[\"last-mine\"] == 0 and f[\"never-wrote\"] == 1 and f[\"mine-asks\"] == 0, f
assert f[\"last-answers-another\"] == 1 and f[\"last-to-one\"] == 0, f
assert f[\"theirs-questions\"] == 0 and f[\"theirs-ends-on-question\"] == 0, f
assert abs(f[\"participants\"] - math.log1p(3)) < 2e-3 and abs(f[\"business-days\"] - math.log1p(1)) < 2e-3, f
"'

t 'every feature named and said in words; no model moves these threads unless one ships' '
	feat a2@example.com &&
	python3 -c "
import json, re
src = open(\"$ROOT/helper/thread-learn.c\").read()
names = re.findall(r\"\\[F_\\w+\\] = \\{\\\"([^\\\"]+)\\\"\", src)
m = json.load(open(\"feat.json\"))
assert list(m[\"features\"]) == names and len(set(names)) == len(names), names
for n in (\"mine-asks\", \"mine-answer-wanted\", \"theirs-asks\", \"theirs-answer-wanted\"):
    assert n in names, n
shipped = \"{LU_TM_NFEAT, w,\" in open(\"$ROOT/helper/thread-model.c\").read()
assert shipped or m[\"p_open\"] is None or m[\"p_open\"] == -1, m
"'
done_testing
