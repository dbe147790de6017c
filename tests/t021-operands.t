#!/bin/sh
# The operands every command admits are part of its option table
# (parse-options.c): one too many is refused by the parser, before anything
# is read, with one message for every command; and "leadup CMD --help" shows
# the operands from the same table.
. "$(dirname "$0")/lib.sh"
NOW=2026-11-20T09:00:00+00:00
# refused CMD... EXTRA [NOTE]: exit 64 and the one message naming EXTRA.
refused() {
	note=$1 extra=$2 cmd=$3
	shift 2
	lu "$@" </dev/null >out 2>err
	rc=$?
	echo "leadup: $cmd: unexpected argument '$extra'$note" >want
	[ "$rc" -eq 64 ] || { echo "exit $rc"; cat err; return 1; }
	test_cmp want err && ! test -s out
}
test_cmp() { diff -u "$1" "$2"; }
for c in scan classify report setup; do
	t "$c takes no operand" "refused '' extra $c extra"
done
t 'lint says where the draft comes from' \
	"refused ' (the draft comes on standard input)' draft.txt lint draft.txt"
t 'queue takes one NAME' 'refused "" extra queue awaiting extra'
t 'why takes one message' 'refused "" extra why id:a@example.com extra'
t 'draft takes one message, - included' 'refused "" extra draft - extra'
t 'help takes one command' 'refused "" extra help scan extra'
for c in done reopen mute undo; do
	t "$c takes words naming a thread, no other" "refused '' tomorrow $c id:a@example.com tomorrow"
done
t 'after --, an option-like word is an operand too many' 'refused "" -x undo -- -x'
t 'the options are checked before the operands' '
	lu scan --nosuch extra 2>err; [ $? -eq 64 ] && grep -q "unknown option .--nosuch." err'
for c in scan queue classify why report draft snooze done reopen remind next-step mute undo \
	lint setup help; do
	t "$c --help shows its usage, operands and options" "
		lu $c --help >out 2>err && ! test -s err &&
		head -n 1 out | grep -q '^usage: leadup $c' && grep -q '^  -h, --help' out &&
		lu help $c >out2 && test_cmp out out2"
done
t 'the operands in the usage line come from the table' '
	lu why --help | grep -q "\[id:MSGID | -\]$" && lu queue --help | grep -q " \[NAME\]$" &&
	lu next-step --help | grep -q "WHEN \[TEXT\] \[id:MSGID\]$" &&
	lu help --help | grep -q "^usage: leadup help \[COMMAND\]$" &&
	lu report --help | head -n 1 | grep -q "\]$"'
done_testing
