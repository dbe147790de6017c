#!/bin/sh
# scripts/train-messages --write-folds (the cross-fitted per-message models
# scripts/crossfit-scan builds leadup with, s43-scanmodel) on t330's kind of
# invented fixture, no real mail: each fold's model learns from the other
# folds' people only, and leaves out a message labelled for another person
# that is a member of one of the fold's labelled conversations (a list post
# read for one person, in another's thread); the files are deterministic,
# and they learn from the rules' verdict (expects_reply_rules), not the
# model's own; --score-threads scores conversations' last messages with
# their person's fold's model.
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts
mkdir -p "$TMP/mail/cur"

msg() { # msg ID FROM BODY: one message of the fixture maildir
	printf 'Message-ID: <%s>\nDate: Mon, 05 Mar 2001 09:00:00 -0600\nFrom: %s\nTo: team@x.example\nSubject: status %s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$1" "$2" "$1" "$3" >"$TMP/mail/cur/$1:2,S"
}
# Six people, four messages each: two wait for an answer ("zorblax", no
# rule of leadup knows it), two do not ("quuxwell").
person() { # person P: person P's four messages and their label rows
	for k in 1 2 3 4; do
		i=$((i + 1))
		if [ "$k" -le 2 ]; then v=yes w="zorblax"; else v=no w="quuxwell"; fi
		msg "m$i@x" "P$1 <p$1@x.example>" "The $w report of batch $k is on the share for the team."
		printf 'M%03d\ttrain\trhelp/p%d\tm%d@x\t%s\tAB\tinvented\n' $i "$1" $i $v
	done
}
{
	printf 'id\tsplit\tperson\tmessage_id\texpects\tby\treason\n'
	i=0
	for p in 1 2 3 4 5 6; do person $p; done
} >labels.tsv
printf 'person\tsplit\trole\tset\tme\tnows\n' >people.tsv
# Three folds of two people; p1's labelled conversation (fold01) holds m5
# and m9, labelled for p2 (fold01 too) and p3 (fold02).
printf '# folds\nfold01\trhelp/p1\nfold01\trhelp/p2\nfold02\trhelp/p3\nfold02\trhelp/p4\nfold03\trhelp/p5\nfold03\trhelp/p6\n' >folds.tsv
printf 'id\tbatch\tsplit\tperson\tnow\tconv\tmembers\nT1\t1\ttrain\trhelp/p1\t2001-03-06T00:00:00+00:00\tc1\tm1@x m5@x m9@x\nT2\t1\ttest\trhelp/p3\t2001-03-06T00:00:00+00:00\tc2\tm13@x\n' >threads.tsv
TM() { "$S/train-messages" --labels labels.tsv --people people.tsv --maildir "$TMP/mail" --threads threads.tsv "$@"; }

t 'one model a fold, each learning from the other folds only, less the fold conversations members' '
	mkdir -p d1 && TM --write-folds folds.tsv d1 >out &&
	grep -q "^fold fold01: 2 people; learning from 15 of 24 train messages$" out &&
	grep -q "^fold fold02: 2 people; learning from 16 of 24 train messages$" out &&
	grep -q "^fold fold03: 2 people; learning from 16 of 24 train messages$" out &&
	grep -q "^ \* trained on the 15 messages of the TRAIN people (7 expect a reply)\.$" d1/message-model-fold01.c &&
	grep -q "^ \* trained on the 16 messages of the TRAIN people (8 expect a reply)\.$" d1/message-model-fold03.c &&
	grep -q "^const double lu_msgm_threshold = 0.40;$" d1/message-model-fold02.c'
t 'the same files twice, whatever the hash seed; they differ from fold to fold' '
	mkdir -p d2 && PYTHONHASHSEED=7 TM --write-folds folds.tsv d2 >/dev/null &&
	for f in fold01 fold02 fold03; do cmp d1/message-model-$f.c d2/message-model-$f.c || return 1; done &&
	! cmp -s d1/message-model-fold01.c d1/message-model-fold02.c'
# The model reads the rules' verdict: read through helper/leadup-reply-model
# (expects_reply the model's, expects_reply_rules the rules'), with its
# expects_reply made yes for every message that does not wait
# ("quuxwell"), it learns the weights it learns through helper/leadup.
cat >fake-classify <<EOF
#!/bin/sh
echo called >>"$TMP/fake.log"
out=\$("$ROOT/helper/leadup-reply-model" "\$@")
case "\$out" in
*quuxwell*) printf '%s\n' "\$out" | sed 's/"expects_reply": false/"expects_reply": true/' ;;
*) printf '%s\n' "\$out" ;;
esac
EOF
chmod +x fake-classify
t 'through helper/leadup-reply-model it learns from expects_reply_rules, not the model verdict' '
	mkdir -p d3 && (export LEADUP="$TMP/fake-classify" && TM --write-folds folds.tsv d3 >/dev/null) &&
	test "$(wc -l <fake.log)" -eq 24 && cmp d1/message-model-fold01.c d3/message-model-fold01.c'
# --score-threads: each side's last message of a dump's conversations
# scored by its person's fold's model (p1's in fold01, learning from 15:
# not from p1, p2 nor m9, a member of p1's conversation).
printf '%s\n' '{"id": "T1", "person": "rhelp/p1", "split": "train", "last": {"mine": "m1@x", "theirs": "m4@x"}}' \
	'{"id": "T5", "person": "rhelp/p5", "split": "train", "last": {"mine": "m19@x", "theirs": null}}' >dump.jsonl
t 'score-threads: each side of each conversation by its fold model, cross-fitted' '
	TM --score-threads folds.tsv dump.jsonl scores.tsv >out &&
	grep -q "^fold fold01: 1 conversations; learning from 15 of 24 train messages$" out &&
	grep -q "^fold fold03: 1 conversations; learning from 16 of 24 train messages$" out &&
	awk -F "\t" "\$1 == \"T1\" && \$2 > 0.5 && \$3 < 0.5 { n++ }
		\$1 == \"T5\" && \$2 < 0.5 && \$3 == \"\" { n++ } END { exit n != 2 }" scores.tsv &&
	test "$(wc -l <scores.tsv)" -eq 2'
t 'score-threads: a test person or a dump without last messages refused' '
	sed "s/\"train\"/\"test\"/" dump.jsonl >dump-test.jsonl &&
	! TM --score-threads folds.tsv dump-test.jsonl s2.tsv 2>err && grep -q "train people only" err &&
	sed "s/\"last\"/\"past\"/" dump.jsonl >dump-old.jsonl &&
	! TM --score-threads folds.tsv dump-old.jsonl s3.tsv 2>err2 && grep -q "no last messages" err2 &&
	! test -e s2.tsv && ! test -e s3.tsv'
t 'errors: --write-folds without its directory' '
	! TM --write-folds folds.tsv 2>err && grep -q "usage: scripts/train-messages" err'
done_testing
