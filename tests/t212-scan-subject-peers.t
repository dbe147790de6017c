#!/bin/sh
# A reply in an old thread makes the next scan decide that thread alone
# (issue 14).  A thread whose first message has no References may be a
# reply that broke threading, so the scan that meets it decides again the
# queued threads under the same subject; it did so whenever the thread was
# decided, for a reply in it or its time come, so that at 300,000 synthetic
# messages (40 subjects) one reply had 3,704 threads decided.  Now only a
# first message new since the last scan does, and what the scans leave is
# what a full scan decides.
. "$(dirname "$0")/lib.sh"
world
for i in 1 2 3 4 5 6; do ask "a$i@example.com" "P$i <p$i@p$i.example>" 'Figures'; done
ask b1@example.com 'Q <q@q.example>' 'Budget'
scanned
reply() { # reply ID PARENT WHO: their answer to my PARENT, on Wednesday (no threading without PARENT)
	msg inbox "$1" "$3" 'Me <me@example.com>' 'Wed, 18 Nov 2026 11:00:00 +0000' 'Re: Figures' ${2:+"$2"} <<'EOF'
Which format do you want them in?
EOF
}
looked() { lu scan >out 2>&1 && sed -n 's/^leadup: looked at \([0-9]*\) thread.*/\1/p' out; }

t 'seven questions, six under one subject, wait' '
	test "$(notmuch count --exclude=false tag:leadup/awaiting)" = 7'
t 'a reply in one of them: the scan decides that thread alone' '
	reply r1@p1.example a1@example.com "P1 <p1@p1.example>" && index &&
	n=$(looked) && echo "looked at $n" && test "$n" = 1 &&
	expect_tags r1@p1.example "leadup/due leadup/needs-reply" && same_as_full'
t 'a new reply that broke threading still has the queued threads of its subject decided again' '
	reply r2@p2.example "" "P2 <p2@p2.example>" && index &&
	n=$(looked) && echo "looked at $n" && test "$n" -ge 6 &&
	test "$(tags a2@example.com)" != leadup/awaiting && same_as_full'
t 'a reply in that unthreaded thread afterwards: that thread alone' '
	msg sent m2@example.com "Me <me@example.com>" "P2 <p2@p2.example>" "Thu, 19 Nov 2026 09:00:00 +0000" \
		"Re: Figures" r2@p2.example </dev/null && index &&
	n=$(looked) && echo "looked at $n" && test "$n" = 1 && same_as_full'
done_testing
