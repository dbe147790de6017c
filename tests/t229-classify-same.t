#!/bin/sh
# The sentence analysis made cheaper (issue 14, s31-first: features deduped
# by a bitset, patterns indexed by the words they need, the intent score's
# word weights without printed keys) says what it said: the digests of
# `leadup classify` over ../shared's intent sentences and a sample of
# enron-dev and r-package-devel messages are main's (f0c1831), computed
# there and kept here; the texts themselves are never stored.  A change to
# the analysis that changes a verdict must say so here, with new digests.
. "$(dirname "$0")/lib.sh"
SHARED=$ROOT/../shared
[ -f "$SHARED/intent/enron-intent-verified/intent_pos" ] && [ -f "$SHARED/corpora/enron-dev.maildir.tar.xz" ] &&
	[ -f "$SHARED/corpora/r-package-devel.maildir.tar.xz" ] ||
	skip_all "../shared is absent: the classify digests need ../shared beside the checkout"
NOW=2026-11-23T09:00:00+00:00
mkdir -p "$HOME" "$MAIL"
tar -xJf "$SHARED/corpora/enron-dev.maildir.tar.xz" -C "$MAIL"
tar -xJf "$SHARED/corpora/r-package-devel.maildir.tar.xz" -C "$MAIL"

# sample DIR: every 20th message file of DIR, in byte order of the paths.
sample() {
	find "$1" -type f | LC_ALL=C sort | awk 'NR % 20 == 1'
}
# classify_all: `leadup classify` of each file named on stdin, with its exit
# status, one after the other.
classify_all() {
	while IFS= read -r f; do
		lu classify <"$f" 2>/dev/null
		echo "rc=$?"
	done
}
digest() { sha256sum | cut -d' ' -f1; }

t 'the intent sentences, one a line: the same analysis as main' '
	cat "$SHARED/intent/enron-intent-verified/intent_pos" "$SHARED/intent/enron-intent-verified/intent_neg" |
		lu classify --lines | digest >got &&
	echo c6b71048bf295ba50c4969ce9522d617f92a9a1819ea8d4571c078ff157bd852 >want && diff want got'
t 'a sample of enron-dev messages: the same analysis as main' '
	test "$(sample "$MAIL/enron-dev" | wc -l)" -gt 100 &&
	sample "$MAIL/enron-dev" | classify_all | digest >got &&
	echo f5e6f01b4ed519fbaeff768b329f868aa9fcf91944cfb63e4a6d400ee36d9a8d >want && diff want got'
t 'a sample of r-package-devel messages: the same analysis as main' '
	test "$(sample "$MAIL/rpkg-maildir" | wc -l)" -gt 100 &&
	sample "$MAIL/rpkg-maildir" | classify_all | digest >got &&
	echo b6c0f298c6038fa4e99a1efaa981092318a4d75c6250d9c793ec0817734439f6 >want && diff want got'
done_testing
