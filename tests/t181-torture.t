#!/bin/sh
# GMime's MIME torture messages: malformed mail never crashes leadup, and a
# scan over all of them completes.
. "$(dirname "$0")/lib.sh"
MBOX=$ROOT/../shared/corpora/gmime-jwz-torture.mbox
[ -f "$MBOX" ] || skip_all "../shared/corpora is absent: the torture test needs ../shared beside the checkout"
world
# One file per message, into the maildir; the mbox has no Message-IDs.
awk -v dir="$MAIL/inbox/cur" '/^From / { n++; f = sprintf("%s/torture%03d:2,S", dir, n); next } n { print > f }' "$MBOX"
index 2>/dev/null
NOW=2026-11-23T09:00:00+00:00
t 'the torture mbox gives more than a hundred messages' 'test "$(ls "$MAIL/inbox/cur" | wc -l)" -gt 100'
t 'classify reads every one: JSON out, or a clear error, never a crash' '
	for f in "$MAIL"/inbox/cur/*; do
		lu classify <"$f" >out 2>err; rc=$?
		case $rc in 0) grep -q "\"sentences\"" out || { echo "$f: no JSON"; exit 1; } ;;
			65) grep -q "^leadup: " err || { echo "$f: no message"; exit 1; } ;;
			*) echo "$f: exit $rc"; cat err; exit 1 ;; esac
	done'
t 'lint reads every one without a crash' '
	for f in "$MAIL"/inbox/cur/*; do
		lu lint <"$f" >/dev/null 2>&1; rc=$?
		case $rc in 0|1|64) ;; *) echo "$f: exit $rc"; exit 1 ;; esac
	done'
t 'a full scan over all of them completes' '
	printf "[scan]\nlists=true\nhorizon=0\n" >"$XDG_CONFIG_HOME/leadup/config" && lu scan --full 2>err'
done_testing
