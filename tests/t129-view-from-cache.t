#!/bin/sh
# `leadup why`, `leadup draft` and the decisions read a thread from the
# analysis cache (issue 14): a message whose file is the one the scan read,
# under the same analyser, is not parsed again.  What they print is what
# they print from the files (the cache keeps a draft's References, the
# root and the chain's last ids, and the name and phone number of a
# signature).  Counted with LEADUP_DEBUG_COUNTS ("N files parsed").
. "$(dirname "$0")/lib.sh"
need_sqlite3
world
msg sent q0@example.com 'Me <me@example.com>' 'Quinn Baker <quinn@client.example>' \
	'Mon, 16 Nov 2026 09:00:00 +0000' 'Quote for the audit' <<'EOF'
Quinn, shall I send you a quote for the security audit?
EOF
# A long References chain: the draft keeps its root and its last ids.
REFS="<root@client.example>"
for i in $(seq 1 14); do REFS="$REFS <r$i@client.example>"; done
REFS="$REFS <q0@example.com>"
HDR='Reply-To: Quinn Office <office@client.example>\nCc: Rob <rob@client.example>' \
msg inbox nr1@client.example 'Quinn Baker <quinn@client.example>' 'Me <me@example.com>' \
	'Wed, 18 Nov 2026 11:00:00 +0000' 'Re: Quote for the audit' q0@example.com "$REFS" <<'EOF'
Hi,

Yes please. Could you send us the quote by Friday?

Best regards,
Quinn Baker
Phone: +44 20 7946 0123
EOF
ask a1@example.com 'Ann Smith <ann@client.example>' 'Website budget'
msg inbox x1@other.example 'Xavier <x@other.example>' 'List <list@lists.example>' \
	'Tue, 17 Nov 2026 09:00:00 +0000' 'Release notes' <<'EOF'
The release notes are out.
EOF
index
NOW=2026-11-20T09:00:00+00:00
mkdir -p "$XDG_CONFIG_HOME/leadup/templates"
printf "# mine\nDear {first_name},\nCall me on {their_phone}.\n" >"$XDG_CONFIG_HOME/leadup/templates/needs-reply"

# parsed ERR: the files the command parsed, from its counts line.
parsed() { sed -n 's/^leadup: counts: \([0-9]*\) files parsed.*/\1/p' "$1"; }
# views NAME: every view of every thread into NAME.out, the files parsed
# into NAME.n (one number per command).
views() {
	: >"$1.out" && : >"$1.n" &&
	for id in nr1@client.example a1@example.com x1@other.example; do
		LEADUP_DEBUG_COUNTS=1 lu why "id:$id" >>"$1.out" 2>err && parsed err >>"$1.n" &&
		LEADUP_DEBUG_COUNTS=1 lu why --format=json "id:$id" >>"$1.out" 2>err && parsed err >>"$1.n" || return 1
	done &&
	for id in nr1@client.example a1@example.com; do
		LEADUP_DEBUG_COUNTS=1 lu draft "id:$id" >>"$1.out" 2>err && parsed err >>"$1.n" || return 1
	done
}

# The list's thread, written to nobody of mine by the index's to: terms,
# is never read by the first scan (t261): its why reads the one file.
t 'after a scan, why and draft parse no file (but the list thread'\''s one)' '
	lu scan --quiet && views cached && cat cached.n &&
	test "$(tr "\n" " " <cached.n)" = "0 0 0 0 1 1 0 0 "'
t 'the draft from the cache answers with the References, name and phone of the files' '
	awk "/^References:/ { r = \$0; f = 1; next } f && /^[ \t]/ { r = r \$0; next } f { print r; exit }" \
		cached.out | tr -s " \t" " " >refs &&
	want="References: <root@client.example>" &&
	for i in $(seq 7 14); do want="$want <r$i@client.example>"; done &&
	echo "$want <q0@example.com> <nr1@client.example>" >want && diff want refs &&
	grep -q "^Dear Quinn,$" cached.out && grep -q "^Call me on +44 20 7946 0123.$" cached.out'
t 'and what they print is what they print from the files' '
	sqlite3 "$DB" "DELETE FROM analyses" && views files && cat files.n &&
	test "$(sort -nu files.n | tail -n 1)" -gt 0 && cmp cached.out files.out'
t 'a decision reads its thread from the cache too' '
	lu scan --full --quiet && LEADUP_DEBUG_COUNTS=1 lu snooze 3d id:a1@example.com 2>err &&
	test "$(parsed err)" = 0 &&
	LEADUP_DEBUG_COUNTS=1 lu undo id:a1@example.com 2>err && test "$(parsed err)" = 0'
t 'an edited file is parsed again, the rest of its thread is not' '
	f=$(ls "$MAIL"/inbox/cur/nr1@client.example*) && touch -d "2026-11-19 10:00:00" "$f" &&
	LEADUP_DEBUG_COUNTS=1 lu why id:nr1@client.example >/dev/null 2>err && test "$(parsed err)" = 1'
t 'rows of another analyser are not used' '
	sqlite3 "$DB" "UPDATE analyses SET analyser = '\''0123456789abcdef'\''" &&
	LEADUP_DEBUG_COUNTS=1 lu why id:a1@example.com >/dev/null 2>err && test "$(parsed err)" = 1'
done_testing
