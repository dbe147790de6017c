#!/bin/sh
# What notmuch no longer has goes from the state database (issue 14): a
# full scan prunes the analysis cache's rows, the items and the remembered
# delivery failures of messages whose files were deleted (and `notmuch
# new` forgot), all of which the mail gives back if it returns.  The
# user's decisions stay, in the database and in the journal: nothing
# gives them back, and a message that comes back (a restored backup, a
# folder synced again) takes its decision with it.
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
ask a1@example.com 'Ann Smith <ann@client.example>' 'Budget'
ask b1@example.com 'Bob Jones <bob@supplier.example>' 'Contract'
msg inbox b2@example.com 'Bob Jones <bob@supplier.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 10:00:00 +0000' 'Re: Contract' b1@example.com <<'EOF'
Here they are. Could you sign the contract and send it back by Friday?
EOF
ask g1@example.com 'Gina <gina@nowhere.example>' 'Quote'
bounce g1r g1@example.com 'Gina <gina@nowhere.example>' 'Quote'
scanned
KEPT=$TMP/kept
mkdir -p "$KEPT"

# rows TABLE MID...: how many rows of TABLE name one of the MIDs.
rows() {
	_t=$1 _c=mid
	shift
	[ "$_t" = bounces ] && _c=bounce
	_in=$(printf "'%s'," "$@")
	sqlite3 "$DB" "SELECT count(*) FROM $_t WHERE $_c IN (${_in%,})"
}
# gone ID...: move the messages' files out of the maildir; notmuch forgets them.
gone() { for id; do mv "$MAIL"/*/cur/"$id"* "$KEPT"/; done && index; }

t 'the first scan keeps rows of every message it read, and the decision' '
	expect_tags a1@example.com "leadup/awaiting leadup/due" &&
	expect_tags b2@example.com "leadup/due leadup/needs-reply" &&
	expect_tags g1@example.com "leadup/bounced" &&
	lu done id:b2@example.com >/dev/null && expect_tags b2@example.com "leadup/closed" &&
	test "$(rows analyses b1@example.com b2@example.com)" = 2 &&
	test "$(rows items b2@example.com)" = 1 &&
	test "$(rows bounces g1r@mx.example.com)" = 1 &&
	test "$(rows decisions b2@example.com)" = 1 &&
	cp "$JOURNAL" journal.before'
t 'after the files are deleted a full scan prunes their rows' '
	gone b1@example.com b2@example.com g1r && lu scan --quiet && lu scan --full --quiet &&
	test "$(rows analyses b1@example.com b2@example.com g1r@mx.example.com)" = 0 &&
	test "$(rows items b1@example.com b2@example.com)" = 0 &&
	test "$(rows bounces g1r@mx.example.com)" = 0'
t 'and the thread whose delivery failure was deleted is no longer bounced' '
	expect_tags g1@example.com "leadup/awaiting leadup/due"'
t 'and the rows of the messages still there stay' '
	test "$(rows analyses a1@example.com g1@example.com)" = 2 &&
	test "$(rows items a1@example.com g1@example.com)" = 2 &&
	expect_tags a1@example.com "leadup/awaiting leadup/due"'
t 'the decision on the deleted message stays, in the database and the journal' '
	test "$(rows decisions b2@example.com)" = 1 && cmp journal.before "$JOURNAL"'
t 'a message that comes back brings its decision and its rows back' '
	mv "$KEPT"/* "$MAIL"/inbox/cur/ && index && lu scan --quiet &&
	expect_tags b2@example.com "leadup/closed" &&
	expect_tags g1@example.com "leadup/bounced" &&
	test "$(rows analyses b1@example.com b2@example.com)" = 2 &&
	test "$(rows bounces g1r@mx.example.com)" = 1'
t 'a full scan with nothing deleted prunes nothing' '
	before=$(sqlite3 "$DB" "SELECT count(*) FROM analyses") && lu scan --full --quiet &&
	test "$(sqlite3 "$DB" "SELECT count(*) FROM analyses")" = "$before" &&
	test "$(rows decisions b2@example.com)" = 1'
done_testing
