#!/bin/sh
# A thread view (why, draft, a decision's commit) compares the thread's
# earlier messages (said.c: the sentences another writer pasted without
# ">") from the folded sentences the analysis cache's rows keep
# (analyses.said, which an incremental scan makes: t273), read with the
# rows it reads anyway, as the scan does (issue 14, s36-view2): a record is
# taken only when it was made of the very text compared (its hash and
# length) by this build's splitting and folding, else the text is folded
# again; a view writes no record.  The view must print what it prints with
# every text folded again (LEADUP_DEBUG_SAID_UNKEPT=1), with records kept,
# stale (another text's), forged (the text's hash changed) or damaged; the
# texts split again are counted (LEADUP_DEBUG_COUNTS), never timed.  A
# snooze with records and one without leave the same items and tags.
. "$(dirname "$0")/lib.sh"
need_sqlite3
NOW=2026-11-23T09:00:00+00:00

home() { home_world "$1"; } # home NAME: the world NAME (lib.sh)
ME='Me <me@example.com>'
SAM='Sam <sam@supplier.example>'
home kept && world &&
	msg inbox of1@supplier.example "$SAM" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Offer' <<'EOF' &&
I will send the delivery schedule for the forty chairs this week.
EOF
	msg sent of1a@example.com "$ME" "$SAM" 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Offer' \
		of1@supplier.example <<'EOF' && index && lu scan --full --quiet &&
Perfect, please go ahead with the order as we discussed on the phone.

I will send the delivery schedule for the forty chairs this week.
EOF
	msg inbox of1b@supplier.example "$SAM" "$ME" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Offer' \
		of1a@example.com <<'EOF' && index && lu scan --quiet &&
Perfect, please go ahead with the order as we discussed on the phone.

Could you confirm the colour of the chairs before we ship them next week?
EOF
	msg sent of1c@example.com "$ME" "$SAM" 'Tue, 17 Nov 2026 11:00:00 +0000' 'Re: Offer' \
		of1b@supplier.example <<'EOF' && index && lu scan --quiet
Could you confirm the colour of the chairs before we ship them next week?

The chairs should be dark green, as in the catalogue you sent me.
EOF
records() { sqlite3 "$DB" "SELECT count(said) FROM analyses"; }
record() { sqlite3 "$DB" "SELECT hex(said) FROM analyses WHERE mid = '$1'"; } # record MID
# view NAME [VAR=VALUE]: why (text and JSON) of each message and the draft
# to the latest, into NAME.out, the texts split again counted into NAME.split
view() {
	_n=$1 && shift && : >"$TMP/$_n.out" && : >"$TMP/$_n.split" &&
	for id in of1@supplier.example of1a@example.com of1b@supplier.example of1c@example.com; do
		env "$@" LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" why "id:$id" >>"$TMP/$_n.out" \
			2>"$TMP/$_n.err" && debug_counted "$TMP/$_n.err" "texts split again to compare" \
			>>"$TMP/$_n.split" &&
		env "$@" "$LEADUP" --now "$NOW" why --format=json "id:$id" >>"$TMP/$_n.out" || return 1
	done && env "$@" "$LEADUP" --now "$NOW" draft id:of1b@supplier.example >>"$TMP/$_n.out"
}
splits() { awk "{ n += \$1 } END { print n + 0 }" "$TMP/$1.split"; } # splits NAME: the texts split again, every why of NAME

t 'the incremental scans kept records of the earlier texts' '
	home kept && test "$(records)" -ge 3 && test -n "$(record of1@supplier.example)" &&
	test -n "$(record of1a@example.com)" && test -n "$(record of1b@supplier.example)"'
t 'the view takes them: why and draft the same as every text folded again, fewer split, none written' '
	home kept && state_dump "$TMP/before" && view unkept LEADUP_DEBUG_SAID_UNKEPT=1 && view kept &&
	diff "$TMP/unkept.out" "$TMP/kept.out" && test "$(splits kept)" -lt "$(splits unkept)" &&
	state_dump "$TMP/after" && diff "$TMP/before.state" "$TMP/after.state"'
cp -a "$TMP/kept" "$TMP/unkept" && sed -i "s#$TMP/kept#$TMP/unkept#" "$TMP/unkept/.notmuch-config"
# items NAME: the thread states and tags, less the wall clock's stamp
items() {
	notmuch dump --include=tags | grep -o '^[^ ]*leadup[^ ]* .*' | sort >"$TMP/$1.items" &&
		sqlite3 "$DB" "SELECT mid, state, due, due_at, since, next_check, stage, subject, who
			FROM items ORDER BY mid" >>"$TMP/$1.items"
}
t 'a snooze with the records and one with every text folded: the same items and tags' '
	home unkept && LEADUP_DEBUG_SAID_UNKEPT=1 lu snooze 3d id:of1b@supplier.example >"$TMP/sn.unkept" &&
	items unkept && home kept && lu snooze 3d id:of1b@supplier.example >"$TMP/sn.kept" && items kept &&
	diff "$TMP/sn.unkept" "$TMP/sn.kept" && diff "$TMP/unkept.items" "$TMP/kept.items" &&
	grep -q "snoozed" "$TMP/kept.items"'
t 'after the snooze: why and draft the same' '
	home unkept && view unkept2 LEADUP_DEBUG_SAID_UNKEPT=1 && home kept && view kept2 &&
	diff "$TMP/unkept2.out" "$TMP/kept2.out"'
# Each row given another text'"'"'s record (of1'"'"'s and of1b'"'"'s swapped, of1a
# given of1'"'"'s): taken, they would tell other sentences said before.
t 'stale records (another text'"'"'s): not taken, every text folded again, the same' '
	home kept && R1=$(record of1@supplier.example) && RB=$(record of1b@supplier.example) &&
	sqlite3 "$DB" "UPDATE analyses SET said = X'"'"'$RB'"'"' WHERE mid = '"'"'of1@supplier.example'"'"';
		UPDATE analyses SET said = X'"'"'$R1'"'"' WHERE mid IN ('"'"'of1b@supplier.example'"'"', '"'"'of1a@example.com'"'"')" &&
	view stale && diff "$TMP/unkept2.out" "$TMP/stale.out" &&
	test "$(splits stale)" = "$(splits unkept2)"'
t 'forged (the hash of the text changed), damaged (a byte) and another build'"'"'s: folded again, the same' '
	home kept && sqlite3 "$DB" "UPDATE analyses SET said = substr(said, 1, 16) || X'"'"'00'"'"' || substr(said, 18)
			WHERE mid = '"'"'of1@supplier.example'"'"';
		UPDATE analyses SET said = X'"'"'00'"'"' WHERE mid = '"'"'of1a@example.com'"'"';
		UPDATE analyses SET said = X'"'"'30'"'"' || substr(said, 2) WHERE mid = '"'"'of1b@supplier.example'"'"'" &&
	view forged && diff "$TMP/unkept2.out" "$TMP/forged.out" &&
	test "$(splits forged)" = "$(splits unkept2)"'
t 'the next scan makes the records again; the view takes them, the same' '
	home kept && lu scan --quiet && msg inbox of1d@supplier.example "$SAM" "$ME" \
		"Wed, 18 Nov 2026 09:00:00 +0000" "Re: Offer" of1c@example.com <<EOF && index && lu scan --quiet &&
Dark green is fine, we will ship them on Monday as planned.
EOF
	view again && view again.unkept LEADUP_DEBUG_SAID_UNKEPT=1 && diff "$TMP/again.unkept.out" "$TMP/again.out" &&
	test "$(splits again)" -lt "$(splits again.unkept)"'
done_testing
