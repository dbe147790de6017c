#!/bin/sh
# The command line: help, exit codes, configuration errors, a locked database, a killed run.
. "$(dirname "$0")/lib.sh"
world
msg sent q1@example.com 'Me <me@example.com>' 'Ann <ann@a.example>' 'Mon, 16 Nov 2026 10:00:00 +0000' 'Budget' <<'EOF'
Could you confirm the budget?
EOF
index
NOW=2026-11-20T09:00:00+00:00
t 'help lists every command' '
	"$LEADUP" help >out && for c in scan queue report why classify draft lint snooze done reopen remind next-step mute setup; do
		grep -q "^  $c " out || { echo "missing $c"; exit 1; }; done'
t 'help COMMAND shows its usage' '"$LEADUP" help scan | grep -q "usage: leadup scan \[--full\] \[--quiet\]"'

# Each command's options are one table (helper/parse-options.c): --help, its
# usage line and the parser are made from it.  COMMANDS is leadup's own list.
COMMANDS=$("$LEADUP" help | sed -n 's/^  \([a-z-]*\) .*/\1/p')
listed() { # listed CMD: the long options CMD's --help lists, one a line, as shown ("--format=text|json")
	"$LEADUP" "$1" --help | sed -n '/^options:$/,$p' |
		sed -n 's/^  \(-., \)\{0,1\}\(--[a-z-]*\(=[^ ]*\| [A-Z][A-Z0-9-]*\)\{0,1\}\).*/\2/p' | grep -v '^--help$'
}
names() { sed 's/[= ].*//' | sort; } # the bare names of a listed() list
with_value() { # with_value LISTED: the option as one word, with a value it accepts
	case $1 in
	--muttrc*) echo "--muttrc=$TMP/opt.rc" ;;
	--jobs*) echo "--jobs=1" ;;
	*=*) echo "${1%%|*}" ;;
	*' '*) echo "${1%% *}=x" ;;
	*) echo "$1" ;;
	esac
}
t 'every command has help: CMD --help and help CMD, exit 0, the same text' '
	test -n "$COMMANDS" && for c in $COMMANDS; do
		"$LEADUP" "$c" --help >h1 && "$LEADUP" help "$c" >h2 && cmp -s h1 h2 &&
		grep -q "^usage: leadup $c" h1 && grep -q "^options:$" h1 && grep -q "^  -h, --help " h1 ||
		{ echo "help of $c"; exit 1; }; done'
t 'snooze --help works (it said "unknown option")' '"$LEADUP" snooze --help >out && grep -q -- "--ask" out && grep -q -- "--muttrc FILE" out'
t 'queue lists --scan and --muttrc, in its usage too; draft lists --no-quote' '
	listed queue | names >q && grep -qx -- --scan q && grep -qx -- --muttrc q && grep -qx -- --maildir q &&
	"$LEADUP" queue --help | sed -n "/^usage/,/^$/p" | grep -q -- "\[--muttrc FILE\]" &&
	listed draft | names | grep -qx -- --no-quote && ! listed undo | grep -q .'
t 'each usage line names exactly the options the list shows' '
	for c in $COMMANDS; do
		"$LEADUP" "$c" --help | sed -n "/^usage/,/^$/p" | grep -o "\[--[a-z-]*" | sed "s/^\[//" | sort >u &&
		listed "$c" | names >l && cmp -s u l || { echo "$c: usage and list differ"; diff u l; exit 1; }; done'
t 'help fits in 80 columns' '
	for c in $COMMANDS; do "$LEADUP" "$c" --help; done | awk "length > 80 { print; bad = 1 } END { exit bad }"'
# Every option some command lists: each command accepts exactly its own.
ALL=$(for c in $COMMANDS; do listed "$c" | names; done | sort -u)
t 'every command accepts each option it lists and refuses every other (EX_USAGE, the same words)' '
	test -n "$ALL" && for c in $COMMANDS; do
		listed "$c" >mine
		for o in $ALL; do
			if names <mine | grep -qx -- "$o"; then
				# Its own option is taken; the unknown one after it is the error.
				w=$(with_value "$(grep -- "^$o\([= ]\|$\)" mine | head -1)")
				rm -f opt.rc; lu "$c" "$w" --zzz </dev/null >/dev/null 2>err; rc=$?
				if [ "$o" = --muttrc ]; then
					test "$rc" = 0 && grep -q "not understood" opt.rc
				else
					test "$rc" = 64
				fi && grep -qx "leadup: $c: unknown option .--zzz. (see .leadup help $c.)" err ||
					{ echo "$c does not take its own $w (rc $rc)"; cat err; exit 1; }
			else
				lu "$c" "$o" </dev/null >/dev/null 2>err; rc=$?
				test "$rc" = 64 && grep -qx "leadup: $c: unknown option .$o. (see .leadup help $c.)" err ||
					{ echo "$c takes $o, which it does not list (rc $rc)"; cat err; exit 1; }
			fi
		done
	done'
t 'an unknown option, for every command: exit 64, the command and where to look' '
	for c in $COMMANDS; do
		lu "$c" --frobnicate </dev/null >/dev/null 2>err; rc=$?
		test "$rc" = 64 && test "$(cat err)" = "leadup: $c: unknown option '\''--frobnicate'\'' (see '\''leadup help $c'\'')" ||
			{ echo "$c: rc $rc"; cat err; exit 1; }; done'
t 'an option that needs a value, at the end, says so' '
	lu queue --maildir 2>err; test $? = 64 && grep -qx "leadup: queue: option .--maildir. needs a value" err &&
	lu report --format=yaml 2>err; test $? = 64 && grep -qx "leadup: report: unknown format .yaml. (want text or json)" err &&
	lu scan --full=yes 2>err; test $? = 64 && grep -q "takes no value" err'
t 'options stand anywhere among the operands; after -- none is an option' '
	lu queue awaiting --format json >out && grep -q "\"queue\": *\"awaiting\"" out &&
	lu queue --format=json -- --due 2>err; test $? = 64 && grep -q "no queue called .--due." err'
t 'leadup(1) names, for each command, exactly the options of its table' '
	for c in $COMMANDS; do
		# Its synopsis: a section heading, or a decision'\''s .TP tag.
		awk -v c="leadup $c" '\''($1 == ".SS" && index($0, ".SS \"" c) == 1 || tp && $1 == ".B" && index($0, ".B " c) == 1) &&
			(length($0) == length($1) + 1 + length(c) + ($1 == ".SS") * 2 || substr($0, length($1) + 2 + ($1 == ".SS") + length(c), 1) == " ") { print; exit }
			{ tp = $1 == ".TP" }'\'' "$ROOT/doc/leadup.1" >syn
		test -s syn || { echo "leadup(1) has no synopsis for $c"; exit 1; }
		sed "s/\\\\-/-/g" syn | grep -o -- "--[a-z][a-z-]*" | sort -u >man
		listed "$c" | names >l && cmp -s man l || { echo "leadup(1) and the table of $c differ:"; diff man l; exit 1; }; done'
t 'queue counts before the first scan say that no scan has run' '
	lu queue >out 2>err && grep -q "^awaiting *0" out && grep -q "no scan has run yet" err &&
	lu report >out && grep -q "Every queue is empty" out && ! grep -q "Oldest" out &&
	lu scan --quiet && lu queue >out 2>err && grep -q "^awaiting *1" out && test ! -s err'
t 'help for an unknown command is a usage error' '"$LEADUP" help nosuch 2>err; test $? = 64'
t 'no command is a usage error' '"$LEADUP" 2>err; test $? = 64 && grep -q usage err'
t 'an unknown command is a usage error' '"$LEADUP" frobnicate 2>err; test $? = 64 && grep -q "unknown command .frobnicate." err'
t 'an unknown option is a usage error' 'lu scan --fast 2>err; test $? = 64 && grep -q "unknown option" err'
t 'a bad --now is a usage error' '"$LEADUP" --now yesterday scan 2>err; test $? = 64 && grep -q "bad --now" err'
t '--now may also follow the command' '"$LEADUP" scan --quiet --now 2026-11-20T09:00 && expect_tags q1@example.com "leadup/awaiting leadup/due"'
t 'a bad config value is a configuration error (78)' '
	printf "[awaiting]\nfirst=soon\n" >bad.conf && lu --config bad.conf scan 2>err; test $? = 78 &&
	grep -q "bad value for \[awaiting\] first" err'
t 'an unknown time zone is a configuration error' '
	printf "[time]\ntimezone=Mars/Olympus\n" >bad.conf && lu --config bad.conf scan 2>err; test $? = 78'
t 'an unknown config key is a warning, not an error' '
	printf "[awaiting]\nfrist=3\n" >typo.conf && lu --config typo.conf scan 2>err && grep -q "unknown setting \[awaiting\] frist" err'
t 'a missing --config file is an error' 'lu --config nosuch.conf scan 2>err; test $? = 78'
t 'no notmuch database: a clear error (69) naming it' '
	NOTMUCH_CONFIG=$TMP/none.cfg && export NOTMUCH_CONFIG &&
	printf "[database]\npath=%s/nothing\n" "$TMP" >"$NOTMUCH_CONFIG" && lu scan 2>err; test $? = 69 &&
	grep -q "cannot open the notmuch database" err'

# A locked database: notmuch restore holds the write lock while it reads its input.
msg inbox r1@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' 'Thu, 19 Nov 2026 10:00:00 +0000' 'Re: Budget' q1@example.com <<'EOF'
Yes, 20k.
EOF
index
t 'a locked database: scan waits lock_wait seconds, then exits 75 with one line' '
	printf "[scan]\nlock_wait=1\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	mkfifo hold && { notmuch restore <hold & } && exec 3>hold && wait_locked &&
	lu scan 2>err; rc=$?; exec 3>&-; wait
	test "$rc" = 75 && test "$(wc -l <err)" = 1 && grep -q "locked" err &&
	expect_tags q1@example.com "leadup/awaiting leadup/due"'
t 'the next scan catches up' '
	lu scan --quiet && expect_tags q1@example.com "" && rm "$XDG_CONFIG_HOME/leadup/config"'
t 'a run killed mid-way converges on the next run' '
	msg sent q2@example.com "Me <me@example.com>" "Bob <bob@b.example>" "Mon, 16 Nov 2026 11:00:00 +0000" "Plan" </dev/null &&
	printf "Shall we meet on Monday?\n" >>"$MAIL/sent/cur/q2@example.com:2,S" && index &&
	{ lu scan --quiet & pid=$!; kill -9 $pid; wait $pid; true; } &&
	lu scan --quiet && expect_tags q2@example.com "leadup/awaiting leadup/due" &&
	lu scan --full 2>err && grep -q "0 tags added, 0 removed" err'
t 'a changed setting makes the next scan decide every thread again' '
	printf "[awaiting]\nfirst=30\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan 2>err &&
	grep -q "looked at" err && expect_tags q2@example.com leadup/awaiting &&
	rm "$XDG_CONFIG_HOME/leadup/config" && lu scan --quiet && expect_tags q2@example.com "leadup/awaiting leadup/due"'
t 'a malformed message is read without a crash or a lost thread' '
	printf "From: \nTo: <<<\nSubject: =?bogus?Q?x?=\nDate: not a date\n\n\377\376 garbage\n" | deliver inbox bad1 &&
	index && lu scan 2>err; test $? = 0'
t 'classify rejects input that is not a message' '
	printf "just words\n" | lu classify 2>err; test $? = 65 && grep -q "not a mail message" err'
t 'stdout errors are reported (full disk)' '
	lu queue awaiting >/dev/full 2>err; test $? = 74'
done_testing
