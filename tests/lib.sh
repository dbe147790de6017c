# lib.sh - TAP helpers and a throwaway mail world for leadup's shell tests.
# Usage: . "$(dirname "$0")/lib.sh"; t 'what' 'commands && chained'; ...; done_testing
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LEADUP=${LEADUP:-$ROOT/helper/leadup}
n=0 failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/leadup-test.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
export NOTMUCH_CONFIG=$HOME/.notmuch-config TZ=Europe/London LC_ALL=C.UTF-8
unset NOTMUCH_PROFILE
MAIL=$HOME/mail
# A failing test's output goes to standard error as TAP comments: prove
# shows standard error, not a comment on standard output, so a test that
# fails once in CI says why in CI's log.
t() { # t DESCRIPTION COMMANDS: one TAP test, COMMANDS eval'ed in this shell
	n=$((n + 1))
	if (eval "$2") >"$TMP/out.$n" 2>&1; then echo "ok $n - $1"
	else echo "not ok $n - $1"; sed 's/^/# /' "$TMP/out.$n" >&2; failed=$((failed + 1)); fi
}
# A missing prerequisite (a program, ../shared) skips, except under CI=true or
# with LEADUP_TEST_REQUIRE_PREREQ set (git's GIT_TEST_REQUIRE_PREREQ), where it
# fails: CI must run everything.  Every skip goes through skip_all or skip.
prereq_required() { [ "${CI:-}" = true ] || [ -n "${LEADUP_TEST_REQUIRE_PREREQ:-}" ]; }
skip_all() { # skip_all REASON: the whole file
	if prereq_required; then
		echo "Bail out! required prerequisite missing: $1"; exit 1
	fi
	echo "1..0 # SKIP $1"; exit 0
}
skip() { # skip REASON: the one test that needs it
	n=$((n + 1))
	if prereq_required; then
		echo "not ok $n - required prerequisite missing: $1"; failed=$((failed + 1))
	else echo "ok $n # SKIP $1"; fi
}
done_testing() { echo "1..$n"; [ "$failed" -eq 0 ]; }
world() { # world [OTHER-EMAIL]: a notmuch database whose owner is me@example.com
	mkdir -p "$HOME" "$XDG_CONFIG_HOME/leadup" "$MAIL"
	for f in inbox sent lists; do mkdir -p "$MAIL/$f/cur" "$MAIL/$f/new" "$MAIL/$f/tmp"; done
	printf '[database]\npath=%s\n[user]\nname=Me Myself\nprimary_email=me@example.com\nother_email=%s\n[new]\ntags=new\n[search]\nexclude_tags=deleted;spam\n' \
		"$MAIL" "${1:-me.too@example.net}" >"$NOTMUCH_CONFIG"
	notmuch new --quiet
}
deliver() { # deliver FOLDER NAME < message: put one message in the maildir
	cat >"$MAIL/$1/cur/$2:2,S"
}
index() { notmuch new --quiet; }
lu() { "$LEADUP" --now "${NOW:?set NOW}" "$@"; }
tags() { # tags MSGID: the message's leadup/ state tags, sorted, space-separated (no date tags)
	notmuch search --output=tags --exclude=false "id:$1" | grep '^leadup/[^/]*$' | sort | tr '\n' ' ' | sed 's/ $//'
}
labels() { # labels TEXT: the labels classify --lines gives the one sentence of TEXT, comma-separated
	printf '%s\n' "$1" | lu classify --lines |
		sed -n 's/.*"labels": *\[\([^]]*\)\].*/\1/p' | tr -d '" '
}
date_tags() { # date_tags MSGID: its leadup/due/DAY and leadup/wakes/DAY tags, as tags() lists
	notmuch search --output=tags --exclude=false "id:$1" | grep '^leadup/[^/]*/' | sort | tr '\n' ' ' | sed 's/ $//'
}
expect_date() { # expect_date MSGID "leadup/due/2026-12-04"
	got=$(date_tags "$1"); [ "$got" = "$2" ] || { echo "date tags of $1: got '$got', want '$2'"; return 1; }
}
# Kill points (t289, t311, t312): save_good keeps the state and the index
# as they are now, restore_good puts them back; killed POINT CMD... runs
# CMD under strace, killed at POINT (syscall:N, or wal:N, the Nth write to
# sqlite's log), and prints its exit status; decisions_look NAME... prints
# every leadup tag of each NAME@example.com (date tags too), the decisions
# and the items, as a user's next command sees them.
save_good() { cp -a "$STATE_DIR" "$TMP/good.state" && cp -a "$MAIL/.notmuch" "$TMP/good.nm"; }
restore_good() {
	rm -rf "$STATE_DIR" "$MAIL/.notmuch" && cp -a "$TMP/good.state" "$STATE_DIR" &&
		cp -a "$TMP/good.nm" "$MAIL/.notmuch"
}
killed() {
	_p=$1 && shift
	if [ "${_p%:*}" = wal ]; then
		set -- -P "$DB-wal" -e trace=pwrite64 -e inject=pwrite64:signal=KILL:when="${_p#*:}" "$@"
	else
		set -- -e trace="${_p%:*}" -e inject="${_p%:*}":signal=KILL:when="${_p#*:}" "$@"
	fi
	strace -f -o /dev/null "$@" >/dev/null 2>&1 </dev/null
	echo $?
}
decisions_look() {
	for _m in "$@"; do echo "$_m: $(tags "$_m@example.com") $(date_tags "$_m@example.com")"; done &&
		sqlite3 "$DB" "SELECT mid, kind, at, at_end, text, mine, latest, taken, pending
		FROM decisions ORDER BY id" &&
		sqlite3 "$DB" "SELECT mid, thread, state, due, due_at, since, next_check, stage, why
		FROM items ORDER BY mid"
}
lazy_tags() { # lazy_tags: the tags the scan leaves unwritten (leadup/dormant), written as 'leadup queue --tags' does
	lu queue --tags >/dev/null
}
expect_tags() { # expect_tags MSGID "leadup/a leadup/b"
	got=$(tags "$1"); [ "$got" = "$2" ] || { echo "tags of $1: got '$got', want '$2'"; return 1; }
}
msg() { # msg FOLDER ID FROM TO DATE SUBJECT [PARENT [REFERENCES]] < body; $HDR adds header lines
	{ printf 'From: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: <%s>\n' "$3" "$4" "$6" "$5" "$2"
	  [ -n "${7:-}" ] && printf 'In-Reply-To: <%s>\nReferences: %s\n' "$7" "${8:-<$7>}"
	  [ -n "${HDR:-}" ] && printf '%b\n' "$HDR"
	  printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n'; cat; } | deliver "$1" "$2"
}
# supplier_mail N: the mail of t149, t216 and t218 (ME and SAM name me and
# Sam): N threads between others, not to me, whose latest messages ask
# something of others (other1..N@supplier.example); Sam's question to me
# (ask1@supplier.example: needs-reply); my question and Sam's answer agreeing
# a next step (q1@example.com, q1a@supplier.example).
supplier_mail() {
	i=1
	while [ "$i" -le "$1" ]; do
		msg inbox other$i@supplier.example "$SAM" "Kim <kim$i@client.example>" \
			"Mon, 16 Nov 2026 0$i:00:00 +0000" "Chairs $i" <<EOF
Could you confirm the delivery date for the forty chairs by Friday?
EOF
		i=$((i + 1))
	done
	msg inbox ask1@supplier.example "$SAM" "$ME" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Tables' <<'EOF'
Could you send me the floor plan for the tables by Thursday?
EOF
	msg sent q1@example.com "$ME" "$SAM" 'Wed, 18 Nov 2026 09:00:00 +0000' 'Contract' <<'EOF'
Hello Sam,

Can we go through the contract on Thursday morning?
EOF
	msg inbox q1a@supplier.example "$SAM" "$ME" 'Wed, 18 Nov 2026 15:00:00 +0000' 'Re: Contract' \
		q1@example.com <<'EOF'
Yes, Thursday at ten works for me.

Sam
EOF
}
# --- leadup's state (t11x, t17x, t22x): its directory, database and decision
# journal; questions of mine, scanned when they are due.
STATE_DIR=$XDG_DATA_HOME/leadup
DB=$STATE_DIR/state.db
JOURNAL=$STATE_DIR/decisions.journal
need_sqlite3() { command -v sqlite3 >/dev/null || skip_all "no sqlite3 (scripts/deps installs it)"; }
state_dump() { # state_dump NAME: every message's tags (NAME.tags), and every table of the
	# state database sorted, all columns but the run's own stamp, items.updated, and the
	# texts' analyses the cache keeps, analyses.sense (the workers keep those they made
	# that the rules did not ask for: t216 compares them), and their folded sentences,
	# analyses.said (an incremental scan keeps those of the threads it compared: t273)
	# (NAME.state)
	notmuch dump --include=tags >"$1.tags" &&
	for tb in $(sqlite3 "$DB" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
		cols=$(sqlite3 "$DB" "SELECT group_concat('\"' || name || '\"', ',') FROM pragma_table_info('$tb')
			WHERE NOT ('$tb' = 'items' AND name = 'updated') AND NOT ('$tb' = 'analyses' AND name IN ('sense', 'said'))")
		echo "== $tb"
		sqlite3 "$DB" "SELECT $cols FROM $tb ORDER BY $cols"
	done >"$1.state"
}
# state_own STATE: a state dump (state_dump's NAME.state) but what each world
# has of its own: the kept messages (a world may keep a message it read
# again, at a later revision), each file's identity and the kept walk's
# digest of the mail root.  state_same A B STEP: worlds A and B (their
# A.STEP.tags, .state and why.A.STEP) agree after STEP (t233, t273).
state_own() {
	sed -E '/^== kmsgs$/,/^== /{/^== kmsgs$/d;/^== /!d}; s/\|[0-9]+:[0-9]+:[0-9]+:[0-9]+\.[0-9]+\|/|FILE|/
		s/^(walked\|w2 [0-9a-f-]+ [0-9]+ [0-9]+ )[0-9a-f]{16}(\+[0-9a-f]{16})? /\1ROOT /' "$1"
}
# state_between_worlds FILE: as state_own, for two worlds of the same mail
# each with its own notmuch database: a file's identity, notmuch's UUID, the
# kept walk's root masked, and the kept messages kept with their key masked
state_between_worlds() {
	sed -E 's/\|[0-9]+:[0-9]+:[0-9]+:[0-9]+\.[0-9]+\|/|FILE|/; s/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/UUID/g
		s/^(walked\|w2 UUID [0-9]+ [0-9]+ )[0-9a-f]{16}(\+[0-9a-f]{16})? /\1ROOT /
		/^== kmsgs$/,/^== /s/^([^|]*\|[0-9]+\|)-?[0-9]+\|/\1KEY|/' "$1"
}
state_same() {
	state_own "$TMP/$1.$3.state" >"$TMP/$1.$3.own" && state_own "$TMP/$2.$3.state" >"$TMP/$2.$3.own" &&
	diff "$TMP/$1.$3.tags" "$TMP/$2.$3.tags" && diff "$TMP/$1.$3.own" "$TMP/$2.$3.own" &&
	diff "$TMP/why.$1.$3" "$TMP/why.$2.$3"
}
debug_counted() { # debug_counted FILE WHAT: the number LEADUP_DEBUG_COUNTS printed after "leadup: WHAT: "
	sed -n "s/^leadup: $2: \([0-9]*\).*/\1/p" "$1"; }
scan_counted() { # scan_counted NAME [VAR=VALUE]: an incremental scan, its counts in NAME
	_f=$1 && shift && env LEADUP_DEBUG_COUNTS=1 "$@" "$LEADUP" --now "$NOW" scan 2>"$_f" >/dev/null &&
	cat "$_f" >&2; }
# The kept walk's tests (t231, t235): walk_scan NAME [OPTION]: a scan (OPTION,
# e.g. --full), counted into NAME.err, then state_dump NAME; walk_kept,
# walk_again, walk_looked NAME: the threads it took from the kept walk, read
# again as changed since, looked at.
walk_scan() {
	_n=$1 && shift && LEADUP_DEBUG_COUNTS=1 lu scan "$@" 2>"$_n.err" && cat "$_n.err" >&2 &&
		state_dump "$_n"
}
walk_kept() { debug_counted "$1.err" "threads from the kept walk"; }
walk_again() { debug_counted "$1.err" "threads read again as changed since the kept walk"; }
walk_looked() { sed -n 's/^leadup: looked at \([0-9]*\) thread.*/\1/p' "$1.err"; }
snap() { # snap: every message with a leadup/ tag, and its leadup/ tags, sorted
	notmuch search --output=messages --exclude=false "tag:leadup/*" | while read -r m; do
		echo "$m $(notmuch search --output=tags --exclude=false "$m" | grep "^leadup/" | tr "\n" " ")"
	done | sort; }
same_as_full() { # same_as_full: what the incremental scans left (tags, queues) is what a full scan decides
	snap >incr && lu queue --format=json >incr.q && lu scan --quiet --full && snap >full &&
	lu queue --format=json >full.q && diff incr full && diff incr.q full.q; }
generated() { # generated N SEED: scripts/gen-corpus's N messages of SEED into the maildir, or bail out
	"$ROOT/scripts/gen-corpus" "$MAIL/gen" "$1" "$2" >/dev/null 2>&1 || { echo "Bail out! gen-corpus failed"; exit 1; }
}
pristine() { # pristine: keeps the notmuch database as indexed, for start
	cp -a "$MAIL/.notmuch" "$TMP/pristine"
}
start() { rm -rf "$MAIL/.notmuch" "$STATE_DIR" && cp -a "$TMP/pristine" "$MAIL/.notmuch"; }
# full_counted NAME [VAR=VALUE...]: from the pristine index, a first full scan under
# LEADUP_DEBUG_COUNTS (its counts in NAME.err), then state_dump NAME (t269, t335)
full_counted() { _n=$1 && shift && start && env "$@" LEADUP_DEBUG_COUNTS=1 "$LEADUP" --now "$NOW" \
	scan --full 2>"$_n.err" && state_dump "$_n"; }
first_scan() { # first_scan NAME JOBS: from start (no state), the full scan with LEADUP_JOBS=JOBS,
	# counted (LEADUP_DEBUG_COUNTS; its stderr in NAME.err), then state_dump NAME
	start && LEADUP_JOBS=$2 LEADUP_DEBUG_COUNTS=1 lu scan --full 2>"$1.err" && cat "$1.err" &&
		state_dump "$1"
}
bounce() { # bounce NAME MSGID WHO SUBJECT: a delivery failure (NAME@mx.example.com) of my MSGID to WHO
	_to=${3#*<} && _to=${_to%>} && deliver inbox "$1" <<EOF
From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
To: me@example.com
Subject: Undelivered Mail Returned to Sender
Date: Mon, 16 Nov 2026 10:00:30 +0000
Message-ID: <$1@mx.example.com>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

I'm sorry to have to inform you that your message could not be delivered.
<$_to>: host not found

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com
Final-Recipient: rfc822; $_to
Action: failed
Status: 5.1.2

--B
Content-Type: text/rfc822-headers

From: Me <me@example.com>
To: $3
Subject: $4
Message-ID: <$2>

--B--
EOF
}
ask() { # ask ID WHO SUBJECT: my question to WHO, sent on Monday 16 November 2026 at 10:00
	msg sent "$1" 'Me <me@example.com>' "$2" 'Mon, 16 Nov 2026 10:00:00 +0000' "$3" <<'EOF'
Could you send me the figures for October?
EOF
}
notice() { # notice DAY: a question from Notices <notices@corp.example> on 2026-11-DAY, often$DAY@example.org
	msg inbox "often$1@example.org" 'Notices <notices@corp.example>' 'Me <me@example.com>' \
		"$(printf '%s, %s Nov 2026 09:00:00 +0000' "$(date -u -d "2026-11-$1" +%a)" "$1")" \
		"Notice $1" <<'EOF'
Can you confirm your details for the record?
EOF
}
# The world of t226 and t232: my question to q@q.example, three notices,
# scanned on Friday 20 November, then a full scan that keeps the senders'
# histories (DB: the state).
kept_world() {
	need_sqlite3 && world && DB=$STATE_DIR/state.db &&
		ask a1@example.com 'Q <q@q.example>' 'Budget' && notice 16 && notice 17 && notice 18 &&
		scanned && lu scan --full --quiet
}
# kept_asked NAME KEY ARGS...: leadup KEY ARGS into NAME (stderr NAME.err), and
# the same counted afresh (LEADUP_DEBUG_NO_BASE) into NAME.fresh: the two the
# same.  Prints "READ SINCE" of the senders' histories kept.
kept_asked() {
	_n=$1 && shift && LEADUP_DEBUG_COUNTS=1 lu "$@" >"$_n" 2>"$_n.err" &&
		LEADUP_DEBUG_NO_BASE=1 lu "$@" >"$_n.fresh" && cmp "$_n" "$_n.fresh" &&
		sed -n "s/^leadup: senders' histories kept: \([0-9]*\) read, \([0-9]*\) with.*/\1 \2/p" "$_n.err"
}
# kept_live: every senders' history the state keeps (DB) is notmuch's count
# of its query now (-1, -2: none counted); says which is not (my
# addresses: kept_world's).
kept_live() {
	_me='(from:"me@example.com" or from:"me.too@example.net")'
	sqlite3 -separator ' ' "$DB" "SELECT addr, sent, answered FROM senders" >rows &&
		test -s rows && while read -r a s r; do
		if [ "$s" -ge 0 ] && [ "$s" != "$(notmuch count "from:\"$a\"")" ]; then
			echo "sent of $a: kept $s, notmuch $(notmuch count "from:\"$a\"")" && return 1
		fi
		if [ "$r" -ge 0 ] && [ "$r" != "$(notmuch count "$_me and to:\"$a\"")" ]; then
			echo "answered of $a: kept $r, notmuch $(notmuch count "$_me and to:\"$a\"")" && return 1
		fi
	done <rows
}
# figures_world: the world of t249 and t291: 200 generated messages and
# Pat's thread of three (her ask, my promise, her second ask n@p.example),
# each scanned as it came, so that the scans keep the thread.  Sets ME,
# PAT and NOW (Monday 23 November 2026, 09:00).
figures_world() {
	NOW=2026-11-23T09:00:00+00:00 && ME='Me <me@example.com>' && PAT='Pat Doe <pat@p.example>' &&
		world && "$ROOT/scripts/gen-corpus" "$MAIL/gen" 200 3 >/dev/null 2>&1 &&
		echo 'Could you send me the October figures by Friday?' |
		msg inbox q@p.example "$PAT" "$ME" 'Mon, 16 Nov 2026 10:00:00 +0000' 'Figures' && index &&
		lu scan --full --quiet &&
		echo 'Yes, I will send them on Thursday.' |
		msg sent a@example.com "$ME" "$PAT" 'Mon, 16 Nov 2026 11:00:00 +0000' 'Re: Figures' q@p.example &&
		index && lu scan --quiet &&
		echo 'Thanks. Could you also add the November totals?' |
		msg inbox n@p.example "$PAT" "$ME" 'Tue, 17 Nov 2026 09:00:00 +0000' 'Re: Figures' a@example.com &&
		index && lu scan --quiet
}
# home_world NAME: work in the world NAME under $TMP from here on (its own
# HOME, notmuch config, MAIL and state DB), for tests that keep two worlds
# of the same mail side by side.
home_world() {
	HOME=$TMP/$1 XDG_CONFIG_HOME=$TMP/$1/.config XDG_DATA_HOME=$TMP/$1/.local/share
	NOTMUCH_CONFIG=$TMP/$1/.notmuch-config MAIL=$TMP/$1/mail
	DB=$XDG_DATA_HOME/leadup/state.db
}
mine_to_notices() { # mine_to_notices ID DAY: my message to Notices on 2026-11-DAY, a thread of its own
	msg sent "$1" 'Me <me@example.com>' 'Notices <notices@corp.example>' \
		"$(printf '%s, %s Nov 2026 11:00:00 +0000' "$(date -u -d "2026-11-$2" +%a)" "$2")" \
		"Details $2" <<'EOF'
Here are my details, as you asked.
EOF
}
# asking_mail PREFIX FROM TO [ODD]: messages FROM..TO (PREFIX$K@example.org) in
# inbox on Thursday 19 November 2026 from 08:00 a minute apart, each asking
# "Could you check item K for me?": every seventh mine to Notices, every
# fifth other from Notices, with ODD every ODD-th other from Jose with an
# accent (an address that is no plain phrase), the rest from strangers to me
# (the senders' histories past many added: t317, t327).
asking_mail() {
	i=$2 && while [ "$i" -le "$3" ]; do
		if [ $((i % 7)) = 0 ]; then f='Me <me@example.com>' to='Notices <notices@corp.example>'
		elif [ $((i % 5)) = 0 ]; then f='Notices <notices@corp.example>' to='Me <me@example.com>'
		elif [ -n "${4:-}" ] && [ $((i % $4)) = 0 ]; then f='José <josé@corp.example>' to='Me <me@example.com>'
		else f="Stranger $i <s$i@strangers.example>" to='Me <me@example.com>'; fi
		echo "Could you check item $i for me?" | msg inbox "$1$i@example.org" "$f" "$to" \
			"$(printf 'Thu, 19 Nov 2026 %02d:%02d:00 +0000' $((8 + i / 60)) $((i % 60)))" "Item $i" ||
			return 1
		i=$((i + 1))
	done
}
scanned() { # scanned: index, then scan on Friday 20 November 2026 at 09:00 (sets NOW): each ask is due
	index && NOW=2026-11-20T09:00:00+00:00 && lu scan --quiet
}
notmuch_locked() { # true while a process holds notmuch's write lock (Xapian's lock on
	# flintlock, an fcntl lock that /proc/locks lists by inode; flock(1) cannot see it)
	ino=$(stat -c %i "$MAIL/.notmuch/xapian/flintlock" 2>/dev/null) && grep -q ":$ino " /proc/locks
}
wait_locked() { # wait_locked: until another process holds notmuch's write lock (bounded)
	i=0
	until notmuch_locked; do
		i=$((i + 1)); [ "$i" -le 3000 ] || { echo "notmuch's write lock was never taken"; return 1; }
		sleep 0.01
	done
}

# --- drafts (t13x): a draft parsed back with GMime by tests/unit/draft-test --parse.
need_parse() { # need_parse: $PARSE, or skip the file (a failure under CI=true)
	PARSE=${DRAFT_TEST:-$ROOT/tests/unit/draft-test}
	[ -x "$PARSE" ] || skip_all "no $PARSE (make tests/unit/draft-test)"
}
hdr() { "$PARSE" --parse "$1" | sed -n "s/^$2: //p" | head -n 1; } # hdr FILE NAME: as GMime reads it
is_hdr() { # is_hdr FILE NAME VALUE
	got=$(hdr "$1" "$2")
	[ "$got" = "$3" ] || { echo "$2 of $1: got '$got', want '$3'"; return 1; }
}
body() { "$PARSE" --parse "$1" | sed '1,/^Body:$/d'; } # body FILE: the decoded body
has() { # has FILE TEXT: the decoded body holds TEXT (line breaks read as spaces)
	body "$1" | tr '\n' ' ' | grep -qF -- "$2" || { echo "body of $1 lacks '$2':"; body "$1"; return 1; }
}
used() { # used ERR NAME: standard error says template NAME was used
	grep -q "^leadup: template: $2 (" "$1" || { echo "template: want $2, got:"; cat "$1"; return 1; }
}
lints() { lu lint <"$1" || { cat "$1"; return 1; }; } # lints FILE: leadup lint passes
send_draft() { # send_draft DRAFT ID DATE: the draft, sent as I would send it
	{ printf 'Message-ID: <%s>\n' "$2"; sed "1,/^\$/s/^Date: .*/Date: $3/" "$1"; } | deliver sent "$2"
}
