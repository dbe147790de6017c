#!/bin/sh
# Italian, the language added as a pack (helper/lang-it.c), end to end in a
# real notmuch world: my Italian request awaits a reply and an Italian
# auto-reply is no reply; their Italian request needs one; their dated
# promise ("giovedì 19 novembre") is tracked and falls due; Italian thanks
# close a thread; the quote attribution "Il giorno ... ha scritto:" is not
# their text; drafts are Italian, dated in Italian, and pass lint, which
# knows Italian chasing phrases.
. "$(dirname "$0")/lib.sh"
world
# Mon 16 Nov 2026: I ask Marco; an Italian auto-reply answers.
msg sent it1@example.com 'Me Myself <me@example.com>' 'Marco Rossi <marco@rossi.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Preventivo workshop' <<'EOF'
Buongiorno Marco,

potrebbe mandarmi il preventivo per il workshop entro venerdì?

Cordiali saluti
Me
EOF
msg inbox it1r@rossi.example 'Marco Rossi <marco@rossi.example>' 'Me Myself <me@example.com>' \
	'Mon, 16 Nov 2026 10:01:00 +0100' 'Risposta automatica: Preventivo workshop' it1@example.com <<'EOF'
Sono fuori sede fino al 30 novembre.
EOF
# Tue 17 Nov: Giulia asks me.
msg inbox it2@bianchi.example 'Giulia Bianchi <giulia@bianchi.example>' 'Me Myself <me@example.com>' \
	'Tue, 17 Nov 2026 09:00:00 +0100' 'Data del corso' <<'EOF'
Buongiorno,

mi faccia sapere la data del corso, per favore: dobbiamo prenotare la sala.

Cordiali saluti,
Giulia
EOF
# I ask Luca; he promises the offer for Thursday 19 November, quoting me
# under an Italian attribution.
msg sent it3@example.com 'Me Myself <me@example.com>' 'Luca Verdi <luca@verdi.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Offerta' <<'EOF'
Ciao Luca,

puoi mandarmi l'offerta questa settimana?

Saluti
EOF
msg inbox it4@verdi.example 'Luca Verdi <luca@verdi.example>' 'Me Myself <me@example.com>' \
	'Tue, 17 Nov 2026 10:00:00 +0100' 'R: Offerta' it3@example.com <<'EOF'
Ciao,

Le invio l'offerta giovedì 19 novembre.

Saluti,
Luca

Il giorno lun 16 nov 2026 alle ore 10:00 Me Myself <me@example.com> ha scritto:
> Ciao Luca,
>
> puoi mandarmi l'offerta questa settimana?
EOF
# I answer Sara's question; she thanks me and that is all.
msg inbox it5@neri.example 'Sara Neri <sara@neri.example>' 'Me Myself <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0100' 'Fattura' <<'EOF'
Potrebbe rimandarmi la fattura?
EOF
msg sent it6@example.com 'Me Myself <me@example.com>' 'Sara Neri <sara@neri.example>' \
	'Mon, 16 Nov 2026 11:00:00 +0100' 'R: Fattura' it5@neri.example <<'EOF'
Certo, eccola.
EOF
msg inbox it7@neri.example 'Sara Neri <sara@neri.example>' 'Me Myself <me@example.com>' \
	'Mon, 16 Nov 2026 12:00:00 +0100' 'R: Fattura' it6@example.com \
	'<it5@neri.example> <it6@example.com>' <<'EOF'
Grazie per l'aiuto, è tutto.
EOF
# I ask Paolo; only his mail program answers, with a read receipt.
msg sent it8@example.com 'Me Myself <me@example.com>' 'Paolo Gallo <paolo@gallo.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Listino' <<'EOF'
Buongiorno Paolo,

potrebbe confermarmi i prezzi del listino?

Grazie
EOF
msg inbox it8r@gallo.example 'Paolo Gallo <paolo@gallo.example>' 'Me Myself <me@example.com>' \
	'Mon, 16 Nov 2026 10:05:00 +0100' 'Letto: Listino' it8@example.com <<'EOF'
Il messaggio è stato letto.
EOF
index
printf '[time]\ntimezone=Europe/Berlin\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-23T09:00:00+01:00
# The draft's text, quoted-printable decoded.
body() { perl -MMIME::QuotedPrint -0777 -ne 'print decode_qp($_)' "$1"; }
draft() { # draft ID NAME [OPTIONS]: NAME.eml (the draft) and NAME.txt (its text)
	_id=$1 _n=$2; shift 2
	lu draft "id:$_id" "$@" >"$_n.eml" 2>"$_n.err" && body "$_n.eml" >"$_n.txt"
}

t 'an Italian auto-reply is no reply: my request awaits one, due after their return' '
	lu scan --quiet && expect_tags it1@example.com leadup/awaiting && expect_tags it1r@rossi.example "" &&
	NOW=2026-12-01T10:00:00+01:00 lu scan --quiet && expect_tags it1@example.com "leadup/awaiting leadup/due" &&
	lu scan --quiet'
t 'an Italian read receipt is no reply either' '
	expect_tags it8@example.com "leadup/awaiting leadup/due" && expect_tags it8r@gallo.example ""'
t 'why quotes the Italian question, its date and their return date' '
	lu why id:it1@example.com >out && grep -q "potrebbe mandarmi il preventivo" out &&
	grep -q "\"entro venerdì\" = Fri 20 Nov 2026" out && grep -q "back Mon 30 Nov" out'
t 'their Italian request needs a reply' '
	expect_tags it2@bianchi.example "leadup/due leadup/needs-reply"'
t 'their dated Italian promise is tracked, and due once its day has passed' '
	NOW=2026-11-18T09:00:00+01:00 lu scan --quiet --full && expect_tags it4@verdi.example leadup/promise-theirs &&
	lu scan --quiet && expect_tags it4@verdi.example "leadup/due leadup/promise-theirs"'
t 'the attribution "Il giorno ... ha scritto:" and its quote are not their text' '
	notmuch show --format=raw id:it4@verdi.example | lu classify >c.json &&
	grep -q "giovedì 19 novembre" c.json && ! grep -q "ha scritto" c.json && ! grep -q "puoi mandarmi" c.json'
t 'Italian thanks close the thread: no queue' '
	expect_tags it7@neri.example "" && expect_tags it6@example.com ""'
t 'my Italian request gets an Italian lead-up, dated in Italian, that passes lint' '
	draft it1@example.com it && grep -q "template: awaiting-1.it" it.err &&
	grep -q "^Buongiorno Marco," it.txt && grep -q "martedì 1 dicembre alle 10:00" it.txt &&
	grep -q "^> potrebbe mandarmi il preventivo" it.txt && grep -q "del lunedì 16 novembre" it.txt &&
	grep -q "^Subject: Re: Preventivo workshop" it.eml && ! grep -q "[{}]" it.txt && lu lint <it.eml'
t 'their Italian promise that fell due is led in Italian' '
	draft it4@verdi.example prom && grep -q "template: promise-theirs.it" prom.err &&
	grep -q "giovedì 19 novembre" prom.txt && lu lint <prom.eml'
t '--lang it chooses Italian for any thread, and the quote line is Italian' '
	draft it2@bianchi.example q --lang it --quote && grep -q "template: needs-reply.it" q.err &&
	grep -q "^Il giorno martedì 17 novembre, Giulia Bianchi ha scritto:" q.txt'
t 'lint flags Italian chasing and knows Italian thanks' '
	printf "Buongiorno,\n\nvolevo solo sapere se ha avuto modo di leggere la mia ultima mail.\n\nGrazie\n" >chase.txt &&
	{ lu lint --text <chase.txt >lint.out; test $? = 1; } && grep -q "chasing" lint.out &&
	! grep -q "no-thanks" lint.out'
done_testing
