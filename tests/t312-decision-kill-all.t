#!/bin/sh
# Every decision command killed on its way to notmuch (issue 14, s39;
# t289 has mute at Xapian's syncs and snooze at its rename, t311 undo):
# snooze, done, reopen, remind, next-step and mute, each killed at the
# decision journal's sync, in sqlite's commit of the decision, at each of
# Xapian's syncs and at its rename of the new revision (strace delivers
# SIGKILL there).  The next incremental scan (the hook's `leadup scan`)
# leaves the tags, the decisions (stored once, none pending) and the items
# what the command not killed and a scan leave.
. "$(dirname "$0")/lib.sh"
need_sqlite3
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed (scripts/deps)"
world
for t in sn dn ro rm ns mt; do
	ask "$t@example.com" "Ann <ann.$t@a.example>" "Figures $t"
done
scanned
lu mute id:ro@example.com >/dev/null
lu scan --full --quiet
save_good
look() { decisions_look sn dn ro rm ns mt; } # lib.sh
# decision NAME: the command line of decision NAME
decision() {
	case $1 in
	snooze) echo "snooze 3d id:sn@example.com" ;;
	done) echo "done id:dn@example.com" ;;
	reopen) echo "reopen id:ro@example.com" ;;
	remind) echo "remind 3d id:rm@example.com" ;;
	next-step) echo "next-step 3d call id:ns@example.com" ;;
	mute) echo "mute id:mt@example.com" ;;
	esac
}
for d in snooze done reopen remind next-step mute; do
	t "$d not killed, then a scan: the reference" '
		restore_good && before=$(look) && lu $(decision '"$d"') >/dev/null && lu scan --quiet &&
		look >"$TMP/ref.'"$d"'" && test "$before" != "$(cat "$TMP/ref.'"$d"'")"'
	# The journal's fdatasync is the first; then sqlite's log; Xapian's
	# commit makes five syncs and a rename.
	for point in fdatasync:1 wal:1 fdatasync:2 fdatasync:4 fdatasync:6 rename:1; do
		t "$d killed at $point: the next scan leaves what the command not killed does" '
			restore_good && rc=$(killed '"$point"' "$LEADUP" --now "$NOW" $(decision '"$d"')) &&
			test "$rc" = 137 && lu scan --quiet && look >got && diff "$TMP/ref.'"$d"'" got'
	done
done
done_testing
