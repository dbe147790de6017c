#!/bin/sh
# Files leadup writes for the client: never through a planted link, and the
# Mutt queue maildirs stay one generation however many runs meet.
. "$(dirname "$0")/lib.sh"
world
for i in 1 2 3 4 5; do
	msg sent "q$i@example.com" 'Me <me@example.com>' "Ann <ann$i@a.example>" "Mon, 16 Nov 2026 1$i:00:00 +0000" "Figures $i" <<'EOF'
Could you send me the figures for October?
EOF
done
index
NOW=2026-11-20T09:00:00+00:00
lu scan --quiet
RC=$TMP/rc/answer.rc
mkdir -p "$TMP/rc"

# 12.11: the temporary file's name was PATH.<pid>.tmp; exec keeps the
# shell's pid, so the link below sits exactly where the old code wrote.
t 'a link planted at the old temporary name is not followed' '
	echo precious >victim &&
	sh -c "ln -s \"$TMP/victim\" \"$RC.\$\$.tmp\" && exec \"$LEADUP\" --now $NOW queue awaiting --muttrc \"$RC\"" &&
	test "$(cat victim)" = precious && test -f "$RC" && test ! -L "$RC" && grep -q "^echo .leadup: awaiting" "$RC" &&
	test "$(stat -c %a "$RC")" = 600'
t 'and no temporary file is left behind' '
	test "$(ls "$TMP/rc" | grep -v "\.tmp$" | grep -vx answer.rc | wc -l)" = 0'

# 12.13: concurrent queue --maildir on one DIR.
Q=$TMP/queues/awaiting
gens() { ls -a "$TMP/queues" | grep "^\.awaiting\.[0-9]*\.[0-9]*$"; }
t '20 concurrent queue --maildir runs leave exactly the one generation DIR points to' '
	pids= && for i in $(seq 20); do lu queue awaiting --maildir "$Q" 2>/dev/null & pids="$pids $!"; done &&
	bad=0 && for p in $pids; do wait $p || bad=$((bad + 1)); done
	gens; test "$bad" = 0 && test "$(gens | wc -l)" = 1 &&
	test "$(readlink "$Q/cur")" = "$TMP/queues/$(gens)/cur" && test "$(ls "$Q/cur" | wc -l)" = 5 &&
	! ls -a "$TMP/queues" | grep -q "\.lnk$"'
t 'a generation a killed run left behind is swept by the next run' '
	mkdir -p "$TMP/queues/.awaiting.1.1/cur" "$TMP/queues/.awaiting.1.1/new" "$TMP/queues/.awaiting.1.1/tmp" &&
	ln -s "$MAIL/sent/cur/q1@example.com:2,S" "$TMP/queues/.awaiting.1.1/cur/000000.leadup:2,S" &&
	ln -s "$TMP/queues/.awaiting.1.1/cur" "$TMP/queues/.awaiting.1.2.lnk" &&
	lu queue awaiting --maildir "$Q" 2>/dev/null && test "$(gens | wc -l)" = 1 &&
	test ! -e "$TMP/queues/.awaiting.1.1" && test ! -L "$TMP/queues/.awaiting.1.2.lnk" &&
	test -f "$MAIL/sent/cur/q1@example.com:2,S"'
t 'another queue'\''s generations in the same directory are left alone' '
	lu queue awaiting --maildir "$TMP/queues/awaiting.x" 2>/dev/null &&
	lu queue awaiting --maildir "$Q" 2>/dev/null && test -d "$(readlink "$TMP/queues/awaiting.x/cur")" &&
	test "$(ls "$TMP/queues/awaiting.x/cur" | wc -l)" = 5'
# A client's header cache (NeoMutt's and Mutt's $header_cache) keys a
# maildir message by its file name: a name that stood for another message
# in an earlier generation showed that message's headers.
names() { for f in "$Q/cur"/*; do printf '%s %s\n' "${f##*/}" "$(cksum <"$f")"; done | sort; }
t 'an entry'\''s name in a later generation stands for the same message and label' '
	lu queue awaiting --maildir "$Q" 2>/dev/null && names >before &&
	lu snooze 3d id:q1@example.com >/dev/null 2>&1 && lu queue awaiting --maildir "$Q" 2>/dev/null && names >after &&
	test "$(wc -l <after)" = 4 && join before after >both &&
	awk "\$2 \$3 != \$4 \$5 { bad = 1 } END { exit bad }" both'
done_testing
