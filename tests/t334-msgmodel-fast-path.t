#!/bin/sh
# The per-message model's fast path (msgmodel.c: buckets hashed as the
# words are walked, no name built) gives the buckets and the score of the
# names' path it replaced (lu_msgm_features, each name hashed, the weights
# looked up one by one): on written edge cases and 3,000 texts made at
# random from a fixed seed (tests/unit/msgfast-test.c), and on the own
# text of every message of two real corpora in ../shared (a list archive
# and Enron mailboxes), read at run time.
. "$(dirname "$0")/lib.sh"
U=${UNIT_DIR:-$ROOT/tests/unit}
CORPORA=$ROOT/../shared/corpora

t 'written edge cases and random texts: the same buckets and score on both paths' '
	"$U/msgfast-test" >out; rc=$?; cat out; [ $rc -eq 0 ] && ! grep -q "^not ok" out &&
	grep -q "^1\.\.2[0-9]$" out && grep -q "^# 60[0-9][0-9] texts compared" out'
for c in r-sig-finance-2016-2021 enron-dev; do
	if [ -f "$CORPORA/$c.maildir.tar.xz" ]; then
		mkdir "$c" && tar -xJf "$CORPORA/$c.maildir.tar.xz" -C "$c" &&
			find "$c" -type f \( -path "*/cur/*" -o -path "*/new/*" \) | sort >"$c.files"
		t "every message of $c ($(wc -l <"$c.files")): the same buckets and score" '
			"$U/msgfast-test" --files <"$c.files" >out; rc=$?; cat out; [ $rc -eq 0 ] &&
			test "$(wc -l <"$c.files")" -gt 1000 &&
			grep -q "^# messages read $(wc -l <"$c.files"), unread 0$" out && grep -q "^ok 1 " out'
	else
		skip "../shared/corpora/$c is absent: the corpus comparison needs ../shared beside the checkout"
	fi
done
done_testing
