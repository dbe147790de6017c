#!/bin/sh
# leadup lint: what it prints, its line numbers and its exit codes.
. "$(dirname "$0")/lib.sh"
NOW=2026-11-23T10:00:00+00:00 # Monday

# A lead-up: thanks, one ask, a dated next step.
cat >clean.txt <<'EOF'
Hi Ann,

Thanks for walking me through the rollout plan today.
To keep the start date for your team I need the signed
proposal by Thursday 26 November; then we begin on Monday.

Best,
Sam
EOF
# Chasing on line 4 and a question on line 6, no next step.
cat >chase.txt <<'EOF'
Hi Ann,

Thanks again for the demo.
Just checking in on the contract. Sorry to bother
you, but did you get a chance
to look at it?
EOF
# The same draft as the compose menu's editor shows it: headers first.
{ printf 'From: Sam <sam@example.com>\nTo: Ann <ann@client.example>\nCc: \nSubject: the contract\n\n'
  cat chase.txt; } >draft.eml
# A reply whose chasing words are all in the quote and the signature.
cat >reply.eml <<'EOF'
From: Sam <sam@example.com>
To: Ann <ann@client.example>
Subject: Re: the budget
In-Reply-To: <b1@client.example>

Thanks, Ann. Shall we settle the budget on Thursday at 10:00?

On Fri, 20 Nov 2026 at 09:12, Ann Smith <ann@client.example> wrote:
> Just checking in - any update on the budget?
> Sorry to bother you.

-- 
Sam | touching base since 1999
EOF

t 'a lead-up draft is clean: exit 0, nothing on stdout' '
	lu lint <clean.txt >out 2>err; rc=$?
	[ $rc -eq 0 ] && [ ! -s out ] && grep -q "0 findings" err'
t 'chasing: exit 1, "LINE: kind: message" with the phrase quoted' '
	lu lint <chase.txt >out 2>err; rc=$?
	cat out
	[ $rc -eq 1 ] &&
	grep -qx "4: chasing: \"Just checking in\" leaves the ball in their court; say what happens next and when" out &&
	grep -q "^4: chasing: \"Sorry to bother\" " out &&
	grep -q "^5: chasing: \"did you get a chance\" " out &&
	grep -q "^6: no-next-step: " out &&
	! grep -q "no-thanks" out'
t 'a proposed date that has passed is named, not reported as no next step' '
	printf "Hi Ann,\n\nThanks for the plan.\nCould you let me know by Tuesday 24 November?\n" >past.txt &&
	"$LEADUP" --now 2026-12-01T10:00:00+00:00 lint <past.txt >out; rc=$?
	cat out
	[ $rc -eq 1 ] && ! grep -q "no-next-step" out &&
	grep -qx "4: past-date: the proposed date, Tuesday 24 November, is in the past; propose a new one" out'
t 'the same draft linted the day before the date it proposes is clean' '
	"$LEADUP" --now 2026-11-23T08:00:00+00:00 lint <past.txt >out && test ! -s out'
t 'a summary line on stderr, findings only on stdout' '
	lu lint <chase.txt >out 2>err
	grep -qx "leadup: lint: [0-9]* findings" err && ! grep -q "leadup:" out'
t 'a message: line numbers count its header lines' '
	lu lint <draft.eml >out 2>err; rc=$?
	cat out
	[ $rc -eq 1 ] && grep -q "^9: chasing: \"Just checking in\"" out &&
	grep -q "^11: no-next-step: " out && ! grep -q "Subject" out'
t 'quoted text, attribution and signature are ignored' '
	lu lint <reply.eml >out 2>err; rc=$?
	cat out; [ $rc -eq 0 ] && [ ! -s out ]'
t '--text lints header-like lines as text' '
	printf "Subject: just checking in\n\nThanks, see you on Thursday at 10:00.\n" >subj.txt
	lu lint <subj.txt >out1; rc1=$?
	lu lint --text <subj.txt >out2; rc2=$?
	cat out1 out2
	[ $rc1 -eq 0 ] && [ $rc2 -eq 1 ] && grep -q "^1: chasing: \"just checking in\"" out2'
t '"Note:" at the top is not a mail header' '
	printf "Note: just checking in.\n\nThanks, see you on Thursday at 10:00.\n" | lu lint >out
	[ $? -eq 1 ] && grep -q "^1: chasing" out'
t '--format=json gives the findings as one JSON object' '
	lu lint --format=json <chase.txt >out 2>err; rc=$?
	cat out
	[ $rc -eq 1 ] && [ ! -s err ] &&
	perl -MJSON::PP -e '\''
		my $d = decode_json(do { local $/; open my $f, "<", "out" or die; <$f> });
		my $f = $d->{findings}[0];
		die "first finding" unless $f->{line} == 4 && $f->{kind} eq "chasing" && $f->{text} eq "Just checking in";
		die "message" unless $f->{message} =~ /^"Just checking in" /;
		for my $x (@{$d->{findings}}) { die "keys" unless join(",", sort keys %$x) eq "kind,line,message,text" }
		die "last text" if defined $d->{findings}[-1]{text};
	'\'
t '--format json (separate argument) and a clean draft give {"findings":[]}' '
	lu lint --format json <clean.txt >out; rc=$?
	[ $rc -eq 0 ] && [ "$(cat out)" = "{\"findings\":[]}" ]'
t 'CRLF line ends keep the line numbers' '
	sed "s/\$/\r/" chase.txt | lu lint >out; rc=$?
	[ $rc -eq 1 ] && grep -q "^4: chasing: \"Just checking in\"" out'
t 'a quoted-printable message is decoded before linting' '
	printf "From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nThanks! Just touching=\n base =E2=80=93 see you Thursday at 10:00.\n" |
	lu lint >out; rc=$?
	cat out; [ $rc -eq 1 ] && grep -q "^7: chasing: \"Just touching base\"" out'
t 'a multipart message: lines count in the file, part headers included' '
	printf "From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=B\n\n--B\nContent-Type: text/plain; charset=utf-8\n\nHi Ann,\nThanks! Any news on the contract?\nSee you Thursday at 10:00.\n--B\nContent-Type: text/html\n\n<p>Hi</p>\n--B--\n" |
	lu lint >out; rc=$?
	cat out; [ $rc -eq 1 ] && grep -q "^10: chasing: \"Any news\"" out'
t 'an HTML message is rendered before linting' '
	printf "From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>Thanks! Any update on the contract?</p><p>See you Thursday at 10:00.</p>\n" |
	lu lint >out; rc=$?
	cat out; [ $rc -eq 1 ] && grep -q "chasing: \"Any update\"" out'
t 'empty input: exit 64 with a message' '
	lu lint </dev/null >out 2>err; rc=$?
	[ $rc -eq 64 ] && grep -q "empty" err && [ ! -s out ]'
t 'white space only is empty too' '
	printf "  \n\n\t\n" | lu lint 2>err; [ $? -eq 64 ] && grep -q "empty" err'
t 'NUL bytes: not text, exit 64' '
	printf "Hi\000there\n" | lu lint 2>err; [ $? -eq 64 ] && grep -q "NUL" err'
t 'an unknown option: exit 64' '
	lu lint --frobnicate <clean.txt 2>err; [ $? -eq 64 ] && grep -q "unknown option" err'
t 'an unknown format: exit 64' '
	lu lint --format=xml <clean.txt 2>err; [ $? -eq 64 ] && grep -q "format" err'
t 'a file argument: exit 64 (the draft comes on standard input)' '
	lu lint clean.txt <clean.txt 2>err; [ $? -eq 64 ] && grep -q "unexpected argument" err'
t 'leadup help lint shows the usage' '
	"$LEADUP" help lint >out && grep -q "^usage: leadup lint \[--text\] \[--format=text|json\]" out'
done_testing
