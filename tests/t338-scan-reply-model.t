#!/bin/sh
# helper/leadup-reply-model, leadup with the learned per-message model
# deciding "expects a reply" (issue 10, s43-scanmodel; classify.c
# LU_REPLY_BY_MODEL; what scripts/crossfit-scan measures, not shipped): the
# analysis keeps the rules' verdict as expects_reply_rules (which the
# model reads) and sets expects_reply from the model; the thread rules, its
# own cache and `leadup why` follow, and helper/leadup keeps the rules.  Two
# direct one-line messages to me on which the shipped model and the rules
# disagree, both ways: an ask the model reads as expecting nothing
# ("Let me know which option you prefer.") and a courtesy it reads as
# waiting for an answer ("How are you?").  A change of the weights that moves either
# must pick two others (t332 pins the model's own scores).
. "$(dirname "$0")/lib.sh"
NOW=2026-11-17T09:00:00+00:00
RULES=$LEADUP LEADUP=$ROOT/helper/leadup-reply-model
[ -x "$LEADUP" ] || { echo "not ok 1 - helper/leadup-reply-model is not built (make build)"; echo "1..1"; exit 1; }
world
msg inbox q1@x.example 'Sam <sam@supplier.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Options' <<'EOF'
Let me know which option you prefer.
EOF
msg inbox q2@x.example 'Kim <kim@other.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 11:00:00 +0000' 'Hello' <<'EOF'
How are you?
EOF
index
# verdicts FILE: classify's expects_reply, expects_reply_rules and reply_model of FILE
verdicts() {
	lu classify <"$1" | sed -n 's/^  "\(expects_reply\|expects_reply_rules\|reply_model\)": \(true\|false\),$/\1=\2/p' | tr '\n' ' '
}

t 'classify: the model decides expects_reply, the rules verdict is kept beside it' '
	test "$(verdicts "$MAIL/inbox/cur/q1@x.example:2,S")" = "expects_reply=false expects_reply_rules=true reply_model=false " &&
	test "$(verdicts "$MAIL/inbox/cur/q2@x.example:2,S")" = "expects_reply=true expects_reply_rules=false reply_model=true "'
t 'the scan follows the model: the courtesy needs my reply, the ask the model reads as nothing owed does not' '
	lu scan --full --quiet &&
	test "$(tags q2@x.example)" = "leadup/due leadup/needs-reply" &&
	test -z "$(tags q1@x.example)"'
t 'why says which verdict decided, and the rules one' '
	lu why id:q1@x.example >w1 &&
	grep -q "^  reply: not expected by the learned per-message model (the rules: expected)$" w1 &&
	lu why id:q2@x.example >w2 &&
	grep -q "^  reply: expected by the learned per-message model (the rules: not expected)$" w2'
t 'the kept analysis (the cache) holds both verdicts: a full scan and why read them back the same' '
	LEADUP_DEBUG_COUNTS=1 lu scan --full --quiet 2>s.err &&
	grep -q "^leadup: analysis cache: 2 look-ups, 2 found$" s.err &&
	test "$(tags q2@x.example)" = "leadup/due leadup/needs-reply" && test -z "$(tags q1@x.example)" &&
	LEADUP_DEBUG_COUNTS=1 lu why id:q1@x.example >w3 2>w.err &&
	grep -q "^leadup: analysis cache: 1 look-ups, 1 found$" w.err && cmp w1 w3 &&
	lu why id:q2@x.example >w4 && cmp w2 w4'
t 'helper/leadup keeps the rules: the ask needs my reply, the courtesy nothing, no model line in why' '
	"$RULES" --now "$NOW" classify <"$MAIL/inbox/cur/q1@x.example:2,S" >c1 &&
	grep -q "^  \"expects_reply\": true,$" c1 && ! grep -q expects_reply_rules c1 &&
	"$RULES" --now "$NOW" scan --full --quiet &&
	test "$(tags q1@x.example)" = "leadup/due leadup/needs-reply" && test -z "$(tags q2@x.example)" &&
	"$RULES" --now "$NOW" why id:q1@x.example >w5 && ! grep -q "^  reply:" w5'
done_testing
