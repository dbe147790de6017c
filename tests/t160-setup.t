#!/bin/sh
# leadup setup: the lines for .neomuttrc/.muttrc, and the notmuch post-new
# hook: created or appended to without touching anything else, idempotent,
# removable exactly, refused for a hook that is not a shell script; a hook
# run never blocks: when notmuch is locked it gives up after [scan]
# lock_wait seconds with one line of explanation.
. "$(dirname "$0")/lib.sh"
world
HOOKS=$MAIL/.notmuch/hooks
HOOK=$HOOKS/post-new
NOW=2026-11-20T09:00:00+00:00
# The hook cannot pass --now: it runs at LEADUP_NOW, like every client key.
export LEADUP_NOW=$NOW
# The tree of the leadup under test (helper/leadup, or build-asan/helper/leadup).
TREE=$(cd "$(dirname "$LEADUP")/.." && pwd)
printf '[scan]\nlock_wait = 1\n' >"$XDG_CONFIG_HOME/leadup/config"
same() { cmp -s "$1" "$2" || { echo "$1 and $2 differ:"; diff "$1" "$2"; return 1; }; }

t 'setup prints the source lines for both clients, from the build tree' '
	"$LEADUP" setup >out 2>err &&
	grep -qx "source '\''$TREE/muttrc.d/leadup.neomuttrc'\''" out &&
	grep -qx "source '\''$TREE/muttrc.d/leadup.muttrc'\''" out &&
	test -f "$TREE/muttrc.d/leadup.neomuttrc" && test -f "$TREE/muttrc.d/leadup.muttrc"'
t 'and the hook line, with the absolute path of this leadup and the hook directory' '
	grep -q "'\''$TREE/helper/leadup'\'' scan --quiet || true" out && grep -q "$HOOKS/post-new" out'
t 'setup changes nothing without --hook' 'test ! -e "$HOOK"'
t 'leadup help lists setup; leadup help setup explains it' '
	"$LEADUP" help | grep -q "^  setup " && "$LEADUP" help setup | grep -q -- "--unhook"'
t 'setup --hook creates an executable post-new hook' '
	"$LEADUP" setup --hook >out && grep -q "created $HOOK" out &&
	test -x "$HOOK" && head -n 1 "$HOOK" | grep -qx "#!/bin/sh" &&
	grep -qx "'\''$TREE/helper/leadup'\'' scan --quiet || true" "$HOOK" &&
	grep -c "^# leadup: " "$HOOK" | grep -qx 2'
t 'notmuch new runs it: new mail is tagged without a scan' '
	msg sent h1@example.com "Me <me@example.com>" "Ann <ann@a.example>" "Tue, 10 Nov 2026 09:00:00 +0000" "Hooked" <<EOF &&
Could you send me the figures?
EOF
	notmuch new --quiet && expect_tags h1@example.com "leadup/awaiting leadup/due"'
t 'a second --hook changes nothing' '
	cp "$HOOK" before && "$LEADUP" setup --hook >out && grep -q "nothing changed" out && same before "$HOOK"'
t '--unhook removes the hook leadup created' '
	"$LEADUP" setup --unhook >out && grep -q "removed $HOOK" out && test ! -e "$HOOK"'
t '--unhook when there is no block changes nothing' '
	"$LEADUP" setup --unhook >out && grep -q "nothing changed" out && test ! -e "$HOOK"'

# --- a hook of the user's own
printf '#!/bin/bash\n# mine\nafew --tag --new\n\necho done >/dev/null' >mine
t 'an existing hook keeps every byte and its mode; the block is appended' '
	cp mine "$HOOK" && chmod 0750 "$HOOK" && "$LEADUP" setup --hook >out && grep -q "added leadup to" out &&
	test "$(stat -c %a "$HOOK")" = 750 &&
	head -c "$(wc -c <mine)" "$HOOK" | cmp -s - mine &&
	tail -n 3 "$HOOK" | head -n 1 | grep -q "^# leadup: begin" &&
	tail -n 1 "$HOOK" | grep -qx "# leadup: end"'
t 'a second --hook changes nothing' '
	cp "$HOOK" before && "$LEADUP" setup --hook >/dev/null && same before "$HOOK"'
t '--unhook removes exactly the block' '
	"$LEADUP" setup --unhook >out && grep -q "removed leadup.s block" out &&
	printf "\n" | cat mine - | cmp -s - "$HOOK" && test "$(stat -c %a "$HOOK")" = 750'
t 'a hook that ends in exec gets the block before it (t162 has the details)' '
	printf "#!/bin/sh\nexec afew --tag --new\n" >"$HOOK" && "$LEADUP" setup --hook 2>err >/dev/null &&
	tail -n 1 "$HOOK" | grep -qx "exec afew --tag --new" && grep -q "scan --quiet" "$HOOK"'
t 'a hook that is not a shell script is refused and left alone' '
	printf "#!/usr/bin/python3\nprint(1)\n" >"$HOOK" && cp "$HOOK" before &&
	"$LEADUP" setup --hook 2>err; test $? = 65 && grep -q "not a shell script" err && same before "$HOOK"'
t 'a hook that is a symbolic link: its target is edited, the link stays' '
	printf "#!/bin/sh\ntrue\n" >"$TMP/dotfile-hook" && chmod +x "$TMP/dotfile-hook" && rm -f "$HOOK" &&
	ln -s "$TMP/dotfile-hook" "$HOOK" && "$LEADUP" setup --hook >/dev/null &&
	test -L "$HOOK" && grep -q "scan --quiet" "$TMP/dotfile-hook" &&
	"$LEADUP" setup --unhook >/dev/null && test -L "$HOOK" && ! grep -q leadup "$TMP/dotfile-hook"'
t 'database.hook_dir is honoured' '
	rm -f "$HOOK" && notmuch config set database.hook_dir "$TMP/myhooks" &&
	"$LEADUP" setup --hook >/dev/null && test -x "$TMP/myhooks/post-new" && test ! -e "$HOOK" &&
	"$LEADUP" setup >out && grep -q "$TMP/myhooks/post-new" out && "$LEADUP" setup --unhook >/dev/null &&
	notmuch config set database.hook_dir'
t 'bad arguments are usage errors' '
	"$LEADUP" setup --bogus 2>/dev/null; test $? = 64 &&
	{ "$LEADUP" setup --hook --unhook 2>/dev/null; test $? = 64; } &&
	{ "$LEADUP" setup extra 2>/dev/null; test $? = 64; }'

# --- a hook run while notmuch is locked
"$LEADUP" setup --hook >/dev/null
msg inbox h2@a.example 'Ann <ann@a.example>' 'Me <me@example.com>' 'Fri, 20 Nov 2026 08:00:00 +0000' 'Re: Hooked' h1@example.com <<'EOF'
Which figures do you need?
EOF
notmuch new --no-hooks --quiet
mkfifo hold
t 'when notmuch is locked the hook gives up after lock_wait, in one line, and fails nothing' '
	{ notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	"$HOOK" 2>err; rc=$?; exec 3>&-; wait
	test "$rc" = 0 && test "$(wc -l <err)" = 1 &&
	grep -q "locked.*gave up after [0-9]* s" err && expect_tags h2@a.example "" || { cat err; exit 1; }'
t 'leadup scan itself exits EX_TEMPFAIL then' '
	{ notmuch tag --batch <hold & } && exec 3>hold && wait_locked &&
	"$LEADUP" scan --quiet 2>err; rc=$?; exec 3>&-; wait; test "$rc" = 75 && test "$(wc -l <err)" = 1'
t 'and the next run catches up, at LEADUP_NOW: an hour-old question is owed, not yet due' '
	"$HOOK" && expect_tags h2@a.example "leadup/needs-reply"'
t 'the hook judges by LEADUP_NOW: two days later the same question is due' '
	LEADUP_NOW=2026-11-24T09:00:00+00:00 "$HOOK" && expect_tags h2@a.example "leadup/due leadup/needs-reply"'
t 'a bad LEADUP_NOW is a usage error that names the variable' '
	LEADUP_NOW=yesterday "$LEADUP" queue 2>err; test $? = 64 && grep -q "LEADUP_NOW" err'
t 'make install PREFIX=DIR installs a leadup that finds its own snippets and templates' '
	make -s -C "$ROOT" -o helper/leadup install PREFIX="$TMP/inst" >/dev/null &&
	"$TMP/inst/bin/leadup" setup >out 2>/dev/null &&
	grep -qx "source '\''$TMP/inst/share/leadup/leadup.neomuttrc'\''" out &&
	grep -qx "source '\''$TMP/inst/share/leadup/leadup.muttrc'\''" out &&
	test -f "$TMP/inst/share/man/man1/leadup.1" &&
	msg sent in1@example.com "Me <me@example.com>" "Ann <ann@a.example>" "Mon, 16 Nov 2026 10:00:00 +0000" "Figures" </dev/null &&
	printf "Could you send me the figures?\n" >>"$MAIL/sent/cur/in1@example.com:2,S" && index &&
	"$TMP/inst/bin/leadup" --now "$NOW" draft id:in1@example.com >draft 2>err &&
	grep -q "^Hi Ann," draft && grep -q "^To: Ann <ann@a.example>" draft'
# issue 11.11: the snippets source this so the "who" column never shows me.
t 'setup --alternates: my addresses as anchored, escaped regexes, single-quoted' '
	"$LEADUP" setup --alternates >out &&
	test "$(cat out)" = "alternates '\''^me@example\\.com\$'\'' '\''^me\\.too@example\\.net\$'\''" || { cat out; false; }'
t 'setup --alternates with --hook: exit 64' '
	"$LEADUP" setup --alternates --hook 2>err; test $? = 64'
done_testing
