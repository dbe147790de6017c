#!/bin/sh
# scripts/label-messages --extend (more messages of the train people by the
# same blind draw, none drawn twice, ids after the last), --ids (one packet
# of the extension: its packet, its agreement, its merge, the other ids'
# labels kept), --answer-file (READER.md names the answer file) and
# --extend-mailbox (a train owner's whole mailbox), on a
# written fixture of invented messages, no real mail.
. "$(dirname "$0")/lib.sh"
S=$ROOT/scripts
F=$TMP/data
mkdir -p "$TMP/mail/cur" "$F"

# msg ID FROM BODY: one message of the fixture maildir
msg() {
	printf 'Message-ID: <%s>\nDate: Mon, 05 Mar 2001 09:00:00 -0600\nFrom: %s\nTo: team@x.example\nSubject: note %s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$1" "$2" "$1" "$3" >"$TMP/mail/cur/$1:2,S"
}
# Train: a hundred conversations of two messages (Enron; --select takes 150
# of their 200); test: two.
{
	printf 'id\tbatch\tsplit\tperson\tnow\tconv\tmembers\n'
	for c in $(seq 1 102); do
		split=train person=enron/ann
		[ $c -gt 100 ] && split=test person=enron/cy
		msg "a$c@x" "Ann <ann@x.example>" "Could you look at item $c of the list?"
		msg "b$c@x" "Bob <bob@x.example>" "Item $c is done, nothing more to do."
		printf 'T%03d\t1\t%s\t%s\t2001-03-07T17:00:00+00:00\tsubj:%d\ta%d@x b%d@x\n' $c $split $person $c $c $c
	done
} >"$F/threads.tsv"
LM() { "$S/label-messages" --data "$F" --maildir "$TMP/mail" "$@"; }
ids() { awk -F"\t" '/^M/ { print $1 }' "$F/messages.tsv" | tr '\n' ' '; }

t '--extend: train people only, none drawn twice, ids after the last, the same draw twice' '
	LM --select >/dev/null && cp "$F/messages.tsv" first.tsv && n0=$(grep -c "^M" first.tsv) &&
	LM --extend 6 >out && grep -q "6 messages appended .* as M$(printf %03d $((n0 + 1)))-M$(printf %03d $((n0 + 6))) (train enron 6)" out &&
	head -n $((n0 + 3)) "$F/messages.tsv" | cmp - first.tsv &&
	[ "$(awk -F"\t" "/^M/ { print \$6 }" "$F/messages.tsv" | sort | uniq -d | wc -l)" -eq 0 ] &&
	tail -n 6 "$F/messages.tsv" | awk -F"\t" "\$2 != \"train\" { bad = 1 } END { exit bad }" &&
	cp "$F/messages.tsv" ext.tsv && cp first.tsv "$F/messages.tsv" && LM --extend 6 >/dev/null &&
	cmp ext.tsv "$F/messages.tsv" &&
	LM --extend 100 >out && grep -q "44 messages appended" out &&
	LM --extend 10 >out && grep -q "no message of a train person is left to draw" out &&
	LM --split test --extend 10 >out && grep -q "no message of a test person is left to draw" out &&
	mkdir -p "$TMP/d3" && cp "$F/threads.tsv" "$TMP/d3/" && grep -v "	test	" first.tsv >"$TMP/d3/messages.tsv" &&
	"$S/label-messages" --data "$TMP/d3" --maildir "$TMP/mail" --split test --extend 3 >out &&
	grep -q "3 messages appended .* (test enron 3)$" out &&
	[ "$(tail -n 3 "$TMP/d3/messages.tsv" | grep -c "^M[0-9]*	test	enron/cy	")" -eq 3 ] &&
	LM --check >out && grep -q "^label-messages: 204 messages, 0 mismatches" out'

# Fixed ids for the rest: the 20 train messages as M001-M020 (M001-M010 the
# "first set", M011-M020 the extension's packet), in the fixture's order.
cp "$F/messages.tsv" all.tsv
{
	printf 'id\tsplit\tperson\tnow\tconv\tmessage_id\thash\n'
	awk -F"\t" -v OFS="\t" "/^M/ && \$2 == \"train\"" all.tsv | sort -t"	" -k6 |
		awk -F"\t" -v OFS="\t" "{ \$1 = sprintf(\"M%03d\", NR); print }"
} >"$F/messages.tsv"
yn() { # yn FIRST LAST FLIP: answers yes for odd ids, no for even, FLIP's id the other way
	i=$1; while [ $i -le $2 ]; do
		v=$([ $((i % 2)) -eq 1 ] && echo yes || echo no)
		[ $i -eq "$3" ] && v=$([ $v = yes ] && echo no || echo yes)
		printf 'M%03d\t%s\tinvented reason %d\n' $i $v $i; i=$((i + 1)); done
}

t '--ids: the packet, the agreement and the merge of one packet; the other labels kept' '
	yn 1 10 0 >A1.tsv && yn 1 10 0 >B1.tsv &&
	! LM --ids M201 M300 --merge A1.tsv B1.tsv 2>err && grep -q "no message of the set has an id in M201-M300" err &&
	LM --ids M001 M010 --merge A1.tsv B1.tsv >out && grep -q "^readers A and B: 10 messages, 10 agree" out &&
	[ "$(grep -c "^M0" "$F/messages-labels.tsv")" -eq 10 ] && cp "$F/messages-labels.tsv" labels1.tsv &&
	yn 11 20 14 >A2.tsv && yn 11 20 0 >B2.tsv &&
	LM --ids M011 M020 --packets "$TMP/p2/rA" --answer-file answers/A-messages.tsv >out &&
	grep -q "packet of 10 messages" out && [ "$(grep -c "^MESSAGE M" "$TMP/p2/rA/messages.txt")" -eq 10 ] &&
	grep -q "^MESSAGE M011 " "$TMP/p2/rA/messages.txt" && ! grep -q "^MESSAGE M010 " "$TMP/p2/rA/messages.txt" &&
	grep -q "Write your answers to the file .answers/A-messages.tsv. (in this directory)" "$TMP/p2/rA/READER.md" &&
	LM --ids M011 M020 --merge A2.tsv B2.tsv >out && grep -q "^they differ on 1: M014$" out &&
	grep -q "1 ids await reader C" out && cmp labels1.tsv "$F/messages-labels.tsv" &&
	LM --ids M011 M020 --packets "$TMP/p2/rC" --only A2.tsv B2.tsv >out && grep -q "packet of 1 messages" out &&
	printf "M014\tno\tinvented\n" >C2.tsv && LM --ids M011 M020 --merge A2.tsv B2.tsv C2.tsv >out &&
	grep -q "10 labels written .* (1 settled by C," out &&
	[ "$(grep -c "^M0" "$F/messages-labels.tsv")" -eq 20 ] &&
	grep "^M00[1-9]\|^M010" "$F/messages-labels.tsv" | cmp - "$(grep "^M00[1-9]\|^M010" labels1.tsv >l1; echo l1)" &&
	grep -q "^M014	train	enron/ann	.*	no	C	invented$" "$F/messages-labels.tsv" &&
	grep -q "^M013	train	enron/ann	.*	yes	AB	invented reason 13$" "$F/messages-labels.tsv"'

t '--ids and --extend refuse what is not an id range or a count' '
	! LM --ids 11 20 --merge A2.tsv B2.tsv 2>err && grep -q "ids wants two ids such as M301 M600" err &&
	! LM --extend many 2>err && grep -q "extend wants a count of messages" err'

# --extend-mailbox: a train owner's whole mailbox (the fixture's maildir is
# the mailbox fixture/fixture): five sent, five received, one of them the same
# text twice under two ids, one with no own text, one already in the set.
B=$TMP/box F2=$TMP/data2
mkdir -p "$B/cur" "$F2"
mb() { # mb ID FROM SUBJECT DAY BODY
	printf 'Message-ID: <%s>\nDate: %s Mar 2001 09:00:00 -0600\nFrom: %s\nTo: z@x.example\nSubject: %s\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$1" "$4" "$2" "$3" "$5" >"$B/cur/$1:2,S"
}
for i in 1 2 3 4 5; do
	mb "s$i@x" "Own <own@x.example>" "plan $i" 1$i "Please send the plan for site $i."
	mb "r$i@x" "Zed <z@x.example>" "Re: plan $i" 2$i "Site $i plan is attached; nothing else needed."
done
mb dup@x "Zed <z@x.example>" "Re: plan 2" 27 "Site 2 plan is attached; nothing else needed."
mb empty@x "Zed <z@x.example>" "plan 9" 28 ">   quoted only"
mb nosubj@x "Zed <z@x.example>" "" 29 "A note with no subject at all."
{
	printf 'person\tsplit\trole\tset\tme\tnows\n'
	printf 'fixture/fixture\ttrain\towner\tenron\town@x.example\t2001-03-30T17:00:00+00:00\n'
	printf 'enron/cy\ttest\towner\tenron\tcy@x.example\t2001-03-30T17:00:00+00:00\n'
} >"$F2/people.tsv"
printf 'id\tbatch\tsplit\tperson\tnow\tconv\tmembers\n' >"$F2/threads.tsv"
{
	printf 'id\tsplit\tperson\tnow\tconv\tmessage_id\thash\n'
	printf 'M001\ttrain\tfixture/fixture\t2001-03-30T17:00:00+00:00\tT001\ts5@x\t0000000000\n'
} >"$F2/messages.tsv"
cp "$F2/messages.tsv" "$TMP/m0.tsv"
LB() { "$S/label-messages" --data "$F2" --maildir "$B" "$@"; }

t '--extend-mailbox: an owner'"'"'s sent and received mail, half each; no repeat, no empty text, none twice; the same draw twice' '
	LB --extend-mailbox 6 >out &&
	grep -q "6 messages appended .* as M002-M007 (fixture/fixture received 3 of 6, fixture/fixture sent 3 of 4)" out &&
	[ "$(awk -F"\t" "/^M/ && \$6 ~ /^s/" "$F2/messages.tsv" | wc -l)" -eq 4 ] &&
	[ "$(grep -c "	s5@x	" "$F2/messages.tsv")" -eq 1 ] && ! grep -q "	empty@x	" "$F2/messages.tsv" &&
	[ "$(grep -c "	r2@x	\|	dup@x	" "$F2/messages.tsv")" -le 1 ] &&
	awk -F"\t" "/^M00[2-7]/ && (\$2 != \"train\" || \$5 != \"-\") { bad = 1 } END { exit bad }" "$F2/messages.tsv" &&
	cp "$F2/messages.tsv" e1.tsv && cp "$TMP/m0.tsv" "$F2/messages.tsv" && LB --extend-mailbox 6 >/dev/null &&
	cmp e1.tsv "$F2/messages.tsv" && ! LB --extend-mailbox none 2>err && grep -q "wants a count" err &&
	LB --split test --extend-mailbox 6 >out && grep -q "no message of a test owner.s mailbox is left to draw" out &&
	cmp e1.tsv "$F2/messages.tsv" && ! LB --split dev --extend-mailbox 6 2>err && grep -q "split wants train or test" err'

t '--extend-mailbox packets: the context is the mailbox'"'"'s earlier mail of the same subject; none without a subject' '
	printf "M099\ttrain\tfixture/fixture\t2001-03-30T17:00:00+00:00\t-\tr3@x\tx\nM098\ttrain\tfixture/fixture\t2001-03-30T17:00:00+00:00\t-\tnosubj@x\tx\n" >>"$F2/messages.tsv" &&
	LB --ids M098 M099 --packets "$TMP/pm" >/dev/null &&
	awk "/^MESSAGE M099/,/^>>> THE/" "$TMP/pm/messages.txt" >m99 &&
	grep -q "1 earlier message," m99 && grep -q "^  | Please send the plan for site 3.$" m99 &&
	! grep -q "site 2" m99 &&
	awk "/^MESSAGE M098/,/^>>> THE/" "$TMP/pm/messages.txt" | grep -q "the first message of its conversation"'

done_testing
