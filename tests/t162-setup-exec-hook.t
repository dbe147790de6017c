#!/bin/sh
# leadup setup --hook on a post-new hook that ends in "exec afew ..."
# (issue 11.15): the block goes just before the exec, so that it runs; an
# exec or exit in the middle of the script is refused with the exact line
# to add; a block an older leadup left after the exec is moved; and
# 'leadup setup' points at the installed documentation, not the source tree.
. "$(dirname "$0")/lib.sh"
world
HOOKS=$MAIL/.notmuch/hooks
HOOK=$HOOKS/post-new
# The tree of the leadup under test (helper/leadup, or build-asan/helper/leadup).
TREE=$(cd "$(dirname "$LEADUP")/.." && pwd)
LINE="'$TREE/helper/leadup' scan --quiet || true"
mkdir -p "$HOOKS"
# The hook cannot pass --now: it runs at LEADUP_NOW, like every client key.
NOW=2026-11-20T09:00:00+00:00
export LEADUP_NOW=$NOW
same() { cmp -s "$1" "$2" || { echo "$1 and $2 differ:"; diff "$1" "$2"; return 1; }; }

# afew is not needed: the exec runs a stand-in that leaves a mark.
printf '#!/bin/sh\n# my tagging\nnotmuch tag +mine -- tag:new\nexec sh -c "touch %s/afew-ran"\n' "$TMP" >mine
cp mine "$HOOK" && chmod 0755 "$HOOK"
t 'the block goes just before the final exec line; every other byte is kept' '
	"$LEADUP" setup --hook >out 2>err && grep -q "added leadup to $HOOK" out &&
	grep -q "before .exec sh -c" out && ! grep -q "never runs" err &&
	tail -n 1 "$HOOK" | grep -q "^exec sh -c" &&
	tail -n 2 "$HOOK" | head -n 1 | grep -qx "# leadup: end" &&
	grep -qxF "$LINE" "$HOOK" &&
	grep -v "^# leadup: \|scan --quiet" "$HOOK" | cmp -s - mine'
t 'notmuch new runs both: leadup tags the new mail and the exec still runs' '
	msg sent h1@example.com "Me <me@example.com>" "Ann <ann@a.example>" "Mon, 9 Nov 2026 10:00:00 +0000" "Hooked" <<EOF &&
Could you send me the figures?
EOF
	notmuch new --quiet && test -e "$TMP/afew-ran" && expect_tags h1@example.com "leadup/awaiting leadup/due"'
t 'a second --hook changes nothing' '
	cp "$HOOK" before && "$LEADUP" setup --hook >out && grep -q "nothing changed" out && same before "$HOOK"'
t '--unhook gives back the hook as it was' '
	"$LEADUP" setup --unhook >/dev/null && same mine "$HOOK"'
t 'a final "exit 0" is treated the same' '
	printf "#!/bin/sh\ntrue\nexit 0\n\n" >"$HOOK" && "$LEADUP" setup --hook >/dev/null &&
	tail -n 2 "$HOOK" | head -n 1 | grep -qx "exit 0" && grep -B1 -x "exit 0" "$HOOK" | head -n 1 | grep -qx "# leadup: end"'
t 'an exec in the middle of the script: refused with the exact line to add, nothing changed' '
	printf "#!/bin/sh\nif [ -n \"\$X\" ]; then\nexec afew --tag --new\nfi\necho more\n" >"$HOOK" && cp "$HOOK" before &&
	"$LEADUP" setup --hook >/dev/null 2>err; test $? = 65 &&
	grep -qF "stops at '\''exec afew --tag --new'\'' before its end; add this line before it by hand: $LINE" err &&
	same before "$HOOK"'
t 'a block an older leadup appended after the exec is moved before it' '
	printf "#!/bin/sh\nexec afew --tag --new\n# leadup: begin (added by x)\n%s\n# leadup: end\n" "$LINE" >"$HOOK" &&
	"$LEADUP" setup --hook >out && grep -q "moved leadup.s block up" out &&
	tail -n 1 "$HOOK" | grep -qx "exec afew --tag --new" && test "$(grep -c "^# leadup: begin" "$HOOK")" = 1 &&
	"$LEADUP" setup --hook >out && grep -q "nothing changed" out'
t 'a hook that is not a shell script: refused with the exact line' '
	printf "#!/usr/bin/python3\nprint(1)\n" >"$HOOK" &&
	"$LEADUP" setup --hook 2>err; test $? = 65 && grep -qF "add this line to it by hand: $LINE" err'
t 'setup from the build tree points at the tree'\''s doc/mutt.md, by its full path' '
	"$LEADUP" setup >out 2>/dev/null && grep -qxF "# Keys and details: $TREE/doc/mutt.md and '\''man leadup'\''." out'
t 'an installed leadup points at the installed doc, not a source path' '
	make -s -C "$ROOT" -o helper/leadup install PREFIX="$TMP/inst" >/dev/null &&
	"$TMP/inst/bin/leadup" setup >out 2>/dev/null &&
	grep -qxF "# Keys and details: $TMP/inst/share/doc/leadup/mutt.md and '\''man leadup'\''." out &&
	test -f "$TMP/inst/share/doc/leadup/mutt.md" && ! grep -q "$ROOT" out'
done_testing
