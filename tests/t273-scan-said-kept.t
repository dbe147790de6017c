#!/bin/sh
# An incremental scan compares a thread's earlier messages (said.c: the
# sentences another writer pasted without ">") from the folded sentences
# the analysis cache's row keeps of each text (analyses.said, schema 14;
# issue 14), not splitting and folding every earlier text again: a record
# is taken only when it was made of the very text compared (its hash and
# length) by this build's splitting and folding (lu_said_analyser), else
# the text is folded again and the record made anew.  Two worlds of the
# same mail, one scanned with LEADUP_DEBUG_SAID_UNKEPT=1 (every text folded
# again, no record read or made), must agree on tags, `why` and the state
# (but the records) after each step; the texts split again to compare are
# counted (LEADUP_DEBUG_COUNTS), never timed.  A message whose text changed
# (its file replaced) must not be compared by the record of its old text,
# even one forged into its row; a damaged record is passed over; a state of
# schema 13 migrates.
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
		of1@supplier.example <<'EOF' && index && lu scan --full --quiet
Perfect, please go ahead with the order as we discussed on the phone.

I will send the delivery schedule for the forty chairs this week.
EOF
cp -a "$TMP/kept" "$TMP/unkept" && sed -i "s#$TMP/kept#$TMP/unkept#" "$TMP/unkept/.notmuch-config"

# scan WORLD STEP: an incremental scan in WORLD (unkept: no record),
# counted into counts.WORLD.STEP, then its tags, why and state
scan() {
	home $1
	env=
	[ $1 = unkept ] && env=LEADUP_DEBUG_SAID_UNKEPT=1
	env $env LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" scan --quiet 2>"$TMP/counts.$1.$2" &&
		"$LEADUP" --now "$NOW" why --format=json id:of1@supplier.example | grep -v '"thread":' \
			>"$TMP/why.$1.$2" &&
		state_dump "$TMP/$1.$2"
}
same() { state_same kept unkept "$1"; } # same STEP: the two worlds agree after STEP (lib.sh)
split() { debug_counted "$TMP/counts.$1.$2" "texts split again to compare"; } # split WORLD STEP
records() { home $1 && sqlite3 "$DB" "SELECT count(said) FROM analyses"; } # records WORLD
record() { home $1 && sqlite3 "$DB" "SELECT hex(said) FROM analyses WHERE mid = '$2'"; } # record WORLD MID
both() { # both STEP FOLDER ID FROM TO DATE SUBJECT PARENT < body: one message into each world, indexed, scanned
	_s=$1 && shift && cat >"$TMP/body" && for w in kept unkept; do
		home $w && msg "$@" <"$TMP/body" && index && scan $w $_s || return 1
	done
}

t 'a full scan keeps no record (its workers compare)' '
	test "$(records kept)" = 0'
t 'a reply, scanned: the same in both worlds; the kept world keeps the records of the texts it compared' '
	echo "Thanks for the order. I will confirm the delivery date for the chairs by Thursday." |
		both reply inbox of1b@supplier.example "$SAM" "$ME" "Tue, 17 Nov 2026 09:00:00 +0000" \
			"Re: Offer" of1a@example.com && same reply &&
	test "$(records kept)" -ge 2 && test "$(records unkept)" = 0 &&
	test -n "$(record kept of1@supplier.example)" && test -n "$(record kept of1a@example.com)"'
t 'the next reply: the earlier texts compared from their records, fewer split again, the same' '
	echo "Could you also confirm the colour of the chairs before we ship them next week?" |
		both next inbox of1c@supplier.example "$SAM" "$ME" "Wed, 18 Nov 2026 09:00:00 +0000" \
			"Re: Offer" of1b@supplier.example && same next &&
	test "$(split kept next)" -lt "$(split unkept next)"'

# Sam's first message replaced by a file of another text (the same
# Message-ID): my pasted sentence is no longer said before by him.
OLD=$(record kept of1@supplier.example)
replace() { # replace WORLD: of1's file of another text, indexed
	home $1 && rm "$MAIL/inbox/cur/of1@supplier.example:2,S" &&
		msg inbox of1x@supplier.example "$SAM" "$ME" 'Mon, 16 Nov 2026 09:00:00 +0000' 'Offer' <<'EOF' &&
Here is our offer for the forty chairs, valid until the end of the month.
EOF
		sed -i 's/^Message-ID: <of1x@/Message-ID: <of1@/' "$MAIL/inbox/cur/of1x@supplier.example:2,S" &&
		index
}
t 'a message whose text changed: its old record not taken, a new one kept, the same' '
	replace kept && scan kept changed && replace unkept && scan unkept changed && same changed &&
	test -n "$(record kept of1@supplier.example)" && test "$(record kept of1@supplier.example)" != "$OLD"'
NEW=$(record kept of1@supplier.example)
t 'the old record forged into its row: not taken (made of another text), made again, the same' '
	home kept && sqlite3 "$DB" "UPDATE analyses SET said = X'"'"'$OLD'"'"' WHERE mid = '"'"'of1@supplier.example'"'"'" &&
	test "$(record kept of1@supplier.example)" = "$OLD" &&
	echo "One more thing: the invoice should go to our accounts team, please." |
		both forged inbox of1d@supplier.example "$SAM" "$ME" "Thu, 19 Nov 2026 09:00:00 +0000" \
			"Re: Offer" of1c@supplier.example && same forged &&
	test "$(record kept of1@supplier.example)" = "$NEW"'
# another build's: its first byte an X, which no digest (hex) has; a '0' was
# this build's own when features.c's change made LU_SAID_DIGEST 01f59dee...
t 'a damaged record (a byte) and one of another build (its digest changed): passed over, the same' '
	home kept && sqlite3 "$DB" "UPDATE analyses SET said = X'"'"'00'"'"' WHERE mid = '"'"'of1a@example.com'"'"';
		UPDATE analyses SET said = X'"'"'58'"'"' || substr(said, 2) WHERE mid = '"'"'of1b@supplier.example'"'"'" &&
	echo "And please send the delivery schedule to the warehouse as well, they asked for it twice." |
		both damaged inbox of1e@supplier.example "$SAM" "$ME" "Fri, 20 Nov 2026 09:00:00 +0000" \
			"Re: Offer" of1d@supplier.example && same damaged &&
	test "$(record kept of1a@example.com | cut -c1-2)" != 00 &&
	test "$(record kept of1b@supplier.example | cut -c1-2)" != 58'
t 'a state of schema 13 (before the records) migrates: the column made, the scan the same' '
	home kept && sqlite3 "$DB" "ALTER TABLE analyses DROP COLUMN said; PRAGMA user_version = 13" &&
	echo "Last question: can the chairs be delivered before noon on the day?" |
		both migrated inbox of1f@supplier.example "$SAM" "$ME" "Sat, 21 Nov 2026 09:00:00 +0000" \
			"Re: Offer" of1e@supplier.example && same migrated &&
	test "$(home kept && sqlite3 "$DB" "PRAGMA user_version")" -ge 14 && test "$(records kept)" -ge 2'
t 'after a full scan of each world: the same' '
	for w in kept unkept; do
		home $w && "$LEADUP" --now "$NOW" scan --full --quiet &&
			"$LEADUP" --now "$NOW" why --format=json id:of1@supplier.example | grep -v '"'"'"thread":'"'"' \
				>"$TMP/why.$w.full" && state_dump "$TMP/$w.full" || return 1
	done && same full'
done_testing
