#!/bin/sh
# Mail in German, French and Spanish goes to the same queues as English:
# my request awaits a reply, theirs needs one, a dated promise is tracked
# and falls due, thanks close a thread.
. "$(dirname "$0")/lib.sh"
world
# Mon 16 Nov 2026: I ask in German; nobody answers.
msg sent de1@example.com 'Me <me@example.com>' 'Klaus Weber <klaus@weber.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Angebot Lagerworkshop' <<'EOF'
Hallo Herr Weber,

könnten Sie mir bis Freitag ein Angebot für den Workshop schicken?

Viele Grüße
Me
EOF
# Tue 17 Nov: they ask me in French.
msg inbox fr1@dubois.example 'Claire Dubois <claire@dubois.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 09:00:00 +0100' 'Atelier client' <<'EOF'
Bonjour,

Merci de me confirmer la date de l'atelier.

Cordialement,
Claire
EOF
# I ask in Spanish; they promise the quote for Thursday 19 November.
msg sent es1@example.com 'Me <me@example.com>' 'Lucía Pérez <lucia@perez.example>' \
	'Mon, 16 Nov 2026 10:00:00 +0100' 'Presupuesto' <<'EOF'
Hola Lucía,

¿Podría enviarme el presupuesto esta semana?

Saludos
EOF
msg inbox es2@perez.example 'Lucía Pérez <lucia@perez.example>' 'Me <me@example.com>' \
	'Tue, 17 Nov 2026 10:00:00 +0100' 'Re: Presupuesto' es1@example.com <<'EOF'
Hola,

Le envío el presupuesto el jueves 19 de noviembre.

Saludos,
Lucía
EOF
# I answer a German question; they thank me and that is all.
msg inbox de2@berg.example 'Anna Berg <anna@berg.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 09:00:00 +0100' 'Rechnung' <<'EOF'
Können Sie mir die Rechnung noch einmal schicken?
EOF
msg sent de3@example.com 'Me <me@example.com>' 'Anna Berg <anna@berg.example>' \
	'Mon, 16 Nov 2026 11:00:00 +0100' 'Re: Rechnung' de2@berg.example <<'EOF'
Gern, hier ist sie.
EOF
msg inbox de4@berg.example 'Anna Berg <anna@berg.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 12:00:00 +0100' 'Re: Rechnung' de3@example.com \
	'<de2@berg.example> <de3@example.com>' <<'EOF'
Vielen Dank für Ihre Hilfe, das war alles.
EOF
index
printf '[time]\ntimezone=Europe/Berlin\n' >"$XDG_CONFIG_HOME/leadup/config"
NOW=2026-11-20T09:00:00+01:00
lu scan --quiet

t 'my German request awaits a reply and is due after 3 business days' '
	expect_tags de1@example.com "leadup/awaiting leadup/due"'
t 'why quotes the German question' '
	lu why id:de1@example.com >out && grep -q "könnten Sie mir bis Freitag ein Angebot" out'
t 'their French request needs a reply' '
	expect_tags fr1@dubois.example "leadup/due leadup/needs-reply"'
t 'their dated Spanish promise is tracked, and due once its day has passed' '
	NOW=2026-11-18T09:00:00+01:00 lu scan --quiet --full && expect_tags es2@perez.example leadup/promise-theirs &&
	lu scan --quiet && expect_tags es2@perez.example "leadup/due leadup/promise-theirs"'
t 'German thanks close the thread: no queue' '
	expect_tags de4@berg.example "" && expect_tags de3@example.com ""'
t 'the lead-up for the German request quotes it and passes lint' '
	lu draft id:de1@example.com >draft &&
	perl -MMIME::QuotedPrint -0777 -ne "print decode_qp(\$_)" draft | grep -q "^> könnten Sie mir bis Freitag" &&
	lu lint <draft'
done_testing
