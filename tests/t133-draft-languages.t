#!/bin/sh
# A lead-up answers in the thread's language: German, French and Spanish
# threads get the shipped .de/.fr/.es templates with dates in that language;
# --lang and [draft] language override; a template only in English gets
# English dates; every draft passes lint.
. "$(dirname "$0")/lib.sh"
world
msg sent de1@example.com 'Me Myself <me@example.com>' 'Klaus Weber <klaus@weber.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Angebot Lagerworkshop' <<'EOF'
Hallo Herr Weber,

könnten Sie mir bis Freitag ein Angebot für den Workshop schicken? Es geht
um zwei halbe Tage im Januar.

Viele Grüße
Me
EOF
msg inbox fr1@dubois.example 'Claire Dubois <claire@dubois.example>' 'Me Myself <me@example.com>' \
	'Tue, 17 Nov 2026 09:00:00 +0100' 'Atelier client' <<'EOF'
Bonjour,

Merci de me confirmer la date de l'atelier, car nous devons réserver la salle
cette semaine.

Cordialement,
Claire
EOF
msg sent es1@example.com 'Me Myself <me@example.com>' 'Lucía Pérez <lucia@perez.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Presupuesto' <<'EOF'
Hola Lucía,

¿Podría enviarme el presupuesto para el taller de enero? Lo necesito para
presentarlo al cliente.

Saludos
EOF
msg inbox es2@perez.example 'Lucía Pérez <lucia@perez.example>' 'Me Myself <me@example.com>' \
	'Tue, 17 Nov 2026 10:00:00 +0100' 'Re: Presupuesto' es1@example.com <<'EOF'
Hola,

Le envío el presupuesto el jueves 19 de noviembre, con el detalle de los
dos días.

Saludos,
Lucía
EOF
msg sent en1@example.com 'Me Myself <me@example.com>' 'Ann Smith <ann@smith.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Budget' <<'EOF'
Hi Ann,

Could you confirm the budget for the website project?

Best,
Me
EOF
index
printf '[time]\ntimezone=Europe/Berlin\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-23T09:00:00+01:00
lu scan --quiet
# The draft's text, quoted-printable decoded.
body() { perl -MMIME::QuotedPrint -0777 -ne 'print decode_qp($_)' "$1"; }
draft() { # draft ID NAME [OPTIONS]: NAME.eml (the draft) and NAME.txt (its text)
	_id=$1 _n=$2; shift 2
	lu draft "id:$_id" "$@" >"$_n.eml" 2>"$_n.err" && body "$_n.eml" >"$_n.txt"
}
brace_free() { ! grep -q '[{}]' "$1"; }

t 'a German thread gets a German lead-up, dated in German' '
	draft de1@example.com de && grep -q "template: awaiting-1.de" de.err &&
	grep -q "^Hallo Klaus," de.txt && grep -q "Dienstag, 24. November, um 10:00 Uhr" de.txt &&
	grep -q "^> könnten Sie mir bis Freitag" de.txt && grep -q "vom Montag, 16. November" de.txt &&
	grep -q "^Subject: Re: Angebot Lagerworkshop" de.eml && grep -q "^In-Reply-To: <de1@example.com>" de.eml &&
	brace_free de.txt && lu lint <de.eml'
t 'a French question gets a French answer' '
	draft fr1@dubois.example fr && grep -q "template: needs-reply.fr" fr.err &&
	grep -q "^Bonjour Claire," fr.txt && grep -q "mardi 24 novembre à 10h00" fr.txt &&
	grep -q "^To: Claire Dubois <claire@dubois.example>" fr.eml && brace_free fr.txt && lu lint <fr.eml'
t 'a Spanish promise that fell due is led in Spanish' '
	draft es2@perez.example es && grep -q "template: promise-theirs.es" es.err &&
	grep -q "^Hola Lucía," es.txt && grep -q "martes 24 de noviembre a las 10:00" es.txt &&
	grep -q "jueves 19 de noviembre" es.txt && brace_free es.txt && lu lint <es.eml'
t 'an English thread stays English' '
	draft en1@example.com en && grep -q "template: awaiting-1 " en.err && grep -q "^Hi Ann," en.txt &&
	grep -q "Tuesday 24 November at 10:00" en.txt'
t '--lang chooses the language' '
	draft en1@example.com en-de --lang de && grep -q "template: awaiting-1.de" en-de.err &&
	grep -q "^Hallo Ann," en-de.txt && draft de1@example.com de-en --lang en &&
	grep -q "^Hi Klaus," de-en.txt && grep -q "Tuesday 24 November at 10:00" de-en.txt'
t '[draft] language sets it for every draft' '
	printf "[time]\ntimezone=Europe/Berlin\n[draft]\nlanguage = fr\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	draft de1@example.com cfg-fr && grep -q "template: awaiting-1.fr" cfg-fr.err && grep -q "^Bonjour Klaus," cfg-fr.txt &&
	printf "[time]\ntimezone=Europe/Berlin\n" >"$XDG_CONFIG_HOME/leadup/config"'
t 'a bad language is a usage or a configuration error' '
	lu draft id:de1@example.com --lang nl >/dev/null 2>err; test $? = 64 && grep -q "no language .nl." err &&
	printf "[draft]\nlanguage = klingon\n" >bad.conf &&
	{ lu --config bad.conf draft id:de1@example.com >/dev/null 2>err; test $? = 78; } &&
	grep -q "bad value for \[draft\] language" err'
t 'your own German template overrides the shipped one' '
	mkdir -p "$XDG_CONFIG_HOME/leadup/templates" &&
	printf "Servus {first_name},\n\ndanke! Passt {slot}?\n\n{my_name}\n" >"$XDG_CONFIG_HOME/leadup/templates/awaiting-1.de" &&
	draft de1@example.com own && grep -q "^Servus Klaus," own.txt && grep -q "Passt Dienstag, 24. November, um 10:00 Uhr?" own.txt &&
	rm "$XDG_CONFIG_HOME/leadup/templates/awaiting-1.de"'
t 'a template only in English gets English dates in a German thread' '
	printf "Hi {first_name},\n\nthank you; shall we talk on {slot}?\n\n{my_name}\n" >"$XDG_CONFIG_HOME/leadup/templates/plain" &&
	draft de1@example.com plain --template plain && grep -q "template: plain " plain.err &&
	grep -q "shall we talk on Tuesday 24 November at 10:00?" plain.txt'
t 'the quoted message keeps to the language too' '
	draft fr1@dubois.example frq --quote && grep -q "^Le mardi 17 novembre, Claire Dubois a écrit :" frq.txt &&
	draft de1@example.com deq --quote && grep -q "^Am Montag, 16. November schrieb ich:" deq.txt &&
	draft es1@example.com esq --quote && grep -q "^El martes 17 de noviembre, Lucía Pérez escribió:" esq.txt'
done_testing
