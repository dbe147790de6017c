#!/bin/sh
# The analysis cache (issue 14): what the scan takes from each message's
# file (its headers and own text) is kept in the state database by
# Message-ID, file identity and analyser digest.  A settings change decides
# every thread again from it without parsing a file; a new analyser, an
# edited file or a damaged row reads the file again; the verdicts are the
# ones a cold scan gives.  The scan's summary line counts the files GMime
# parsed ("N messages read") and the messages the cache gave.
. "$(dirname "$0")/lib.sh"
# The latest message's headers read to tell whether it was written to me:
# since session 35 a first scan asks the index's to: terms first and reads
# no file of a thread they say is written to nobody of mine (t261); this
# test is about what the read keeps, so it reads as before.
LEADUP_DEBUG_READ_NOT_MINE=1
export LEADUP_DEBUG_READ_NOT_MINE
world
msg sent a1@example.com 'Me <me@example.com>' 'Ann Smith <ann@client.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0000' 'Website budget' <<'EOF2'
Could you confirm the budget for the website project?
EOF2
msg inbox b1@example.com 'Bob Jones <bob@supplier.example>' 'Me <me@example.com>' \
	'Thu, 19 Nov 2026 09:00:00 +0000' 'Contract' <<'EOF2'
Hi, could you send me the signed contract by Friday?
EOF2
msg sent c1@example.com 'Me <me@example.com>' 'Carol White <carol@partner.example>' \
	'Tue, 17 Nov 2026 10:00:00 +0000' 'Quarterly report' <<'EOF2'
Here is the quarterly report you asked for.
EOF2
msg inbox c2@example.com 'Carol White <carol@partner.example>' 'Me <me@example.com>' \
	'Wed, 18 Nov 2026 10:00:00 +0000' 'Re: Quarterly report' c1@example.com <<'EOF2'
Thanks for the report, everything is fine here now.
EOF2
msg sent d1@example.com 'Me <me@example.com>' 'Dan Brown <dan@vendor.example>' \
	'Mon, 16 Nov 2026 12:00:00 +0000' 'Invoice 42' <<'EOF2'
Dan, can you check invoice 42 and tell me when it will be paid?
EOF2
HDR='Auto-Submitted: auto-replied' msg inbox d2@example.com 'Dan Brown <dan@vendor.example>' \
	'Me <me@example.com>' 'Mon, 16 Nov 2026 12:01:00 +0000' 'Re: Invoice 42' d1@example.com <<'EOF2'
I am out of the office until Monday 30 November and will reply then.
EOF2
# To an address of mine leadup is not told about until the settings change:
# the cold scan reads its headers only (not to me), and keeps them alone
# (its text is never extracted: t218); the settings change that makes it
# mine reads its text then, one file.
msg inbox n1@example.com 'Zoe King <zoe@board.example>' 'Me at work <me@work.example>' \
	'Fri, 20 Nov 2026 09:00:00 +0000' 'Budget approval' <<'EOF2'
Could you approve the budget for next year before Wednesday?
EOF2
index
NOW=2026-11-23T12:00:00+00:00
DB=$XDG_DATA_HOME/leadup/state.db
C2=$(ls "$MAIL"/inbox/cur/c2@example.com*)

# read ERR: the files parsed; cached ERR: the messages the cache gave.
read_n() { sed -n 's/.*(\([0-9]*\) messages read, [0-9]* from the analysis cache).*/\1/p' "$1"; }
cached_n() { sed -n 's/.*messages read, \([0-9]*\) from the analysis cache).*/\1/p' "$1"; }
# snapshot NAME: every message's leadup/ tags and every thread's why --format=json.
snapshot() {
	for id in a1 b1 c1 c2 d1 d2 n1; do echo "$id: $(tags $id@example.com)"; done >"$1.tags" &&
	for t in $(notmuch search --output=threads '*' | sort); do lu why --format=json "$t"; done >"$1.why"
}
# sc [--full]: lu scan, its summary line in err (and shown).
sc() { lu scan "$@" 2>err; rc=$?; cat err; return $rc; }
same() { diff "$1.tags" "$2.tags" && diff "$1.why" "$2.why"; }

t 'a cold scan parses the files it reads and fills the cache' '
	sc && read_n err >cold.n && echo "read: $(cat cold.n)" &&
	test "$(cat cold.n)" -ge 7 && test "$(cached_n err)" = 0 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM analyses")" = "$(cat cold.n)" &&
	test "$(sqlite3 "$DB" "SELECT mid FROM analyses WHERE body IS NULL")" = n1@example.com &&
	expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	expect_tags b1@example.com "leadup/due leadup/needs-reply" && snapshot cold'
t 'a full rescan parses no file and gives the same tags and reasons' '
	sc --full && test "$(read_n err)" = 0 && test "$(cached_n err)" -ge 7 &&
	snapshot warm && same cold warm'
t 'settings that change verdicts and what is read decide again from the cache, parsing the one text never read' '
	expect_tags n1@example.com "" &&
	printf "[awaiting]\nfirst = 10\n[identity]\naddresses = me@example.com, me@work.example\n" \
		>"$XDG_CONFIG_HOME/leadup/config" &&
	sc && test "$(read_n err)" = 1 && test "$(cached_n err)" -ge 7 &&
	expect_tags a1@example.com "leadup/awaiting" &&
	expect_tags n1@example.com "leadup/due leadup/needs-reply" && snapshot settings'
t 'and its verdicts are a cold scan'\''s under the same settings' '
	mv "$XDG_DATA_HOME/leadup" "$TMP/state-kept" && sc --full &&
	test "$(read_n err)" = "$(cat cold.n)" && snapshot cold2 && same settings cold2'
t 'another analyser'\''s rows are read again (every file), then pruned' '
	sqlite3 "$DB" "UPDATE analyses SET analyser = '\''0123456789abcdef'\''" &&
	sc --full && test "$(read_n err)" = "$(cat cold.n)" && test "$(cached_n err)" = 0 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM analyses WHERE analyser = '\''0123456789abcdef'\''")" = 0 &&
	snapshot analyser && same settings analyser'
t 'an edited file (same size, same Message-ID, new mtime) is read again' '
	new="Could you send the final reports to me by Thursday?" &&
	test "$(sed 1,/^\$/d "$C2" | wc -c)" = "$(echo "$new" | wc -c)" &&
	sed "/^\$/,\$d" "$C2" >c2.new && { echo; echo "$new"; } >>c2.new &&
	test "$(wc -c <c2.new)" = "$(wc -c <"$C2")" && cat c2.new >"$C2" &&
	touch -d "2026-11-20 10:00:00" "$C2" &&
	sc --full && test "$(read_n err)" = 1 &&
	expect_tags c2@example.com "leadup/due leadup/needs-reply"'
t 'a maildir flag change (a rename) keeps the cache' '
	b=$(ls "$MAIL"/inbox/cur/b1@example.com*) && mv "$b" "${b%:2,*}:2,RS" && index &&
	sc --full && test "$(read_n err)" = 0'
t 'a damaged row is read from the file again, the verdicts unchanged' '
	snapshot before_damage &&
	sqlite3 "$DB" "UPDATE analyses SET headers = x'\''00'\'', body = x'\''0102'\'' WHERE mid = '\''b1@example.com'\''" &&
	sc --full && test "$(read_n err)" = 1 &&
	snapshot after_damage && same before_damage after_damage'
t 'a schema-4 database migrates in place to 5 (and on), keeping its decisions' '
	lu done id:a1@example.com && before=$(sqlite3 "$DB" "SELECT count(*) FROM decisions") &&
	sqlite3 "$DB" "DROP TABLE analyses; PRAGMA user_version = 4" &&
	sc --full &&
	test "$(sqlite3 "$DB" "PRAGMA user_version")" -ge 5 &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM decisions")" = "$before" &&
	test "$(read_n err)" = "$(cat cold.n)" && expect_tags a1@example.com "leadup/closed"'
done_testing
