#!/bin/sh
# Automatic answers are not replies: out-of-office, delivery failures, read receipts.
. "$(dirname "$0")/lib.sh"
world
ask() { # ask ID TO SUBJECT: my question, Monday 16 November 10:00
	msg sent "$1" 'Me <me@example.com>' "$2" 'Mon, 16 Nov 2026 10:00:00 +0000' "$3" <<'EOF'
Hello,

Can you send me the signed order form?

Thanks
EOF
}
ask ooo1@example.com 'Carla <carla@client.example>' 'Order form'
HDR='Auto-Submitted: auto-replied' msg inbox ooo1r@client.example 'Carla <carla@client.example>' \
	'Me <me@example.com>' 'Mon, 16 Nov 2026 10:01:00 +0000' 'Out of Office: Order form' ooo1@example.com <<'EOF'
I am out of the office with limited access to e-mail.
EOF
ask ooo2@example.com 'Dirk <dirk@kunde.example>' 'Bestellung'
msg inbox ooo2r@kunde.example 'Dirk <dirk@kunde.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:02:00 +0100' 'Abwesenheitsnotiz: Bestellung' ooo2@example.com <<'EOF'
Ich bin bis einschließlich 20.11. nicht im Büro.
EOF
ask ooo3@example.com 'Eve <eve@partner.example>' 'Contract'
HDR='X-Autoreply: yes' msg inbox ooo3r@partner.example 'Eve <eve@partner.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:03:00 +0000' 'Re: Contract' ooo3@example.com <<'EOF'
Thanks for your message. I am travelling and will answer when I am back.
EOF
ask ooo4@example.com 'Fred <fred@partner.example>' 'Invoice'
HDR='Precedence: auto_reply' msg inbox ooo4r@partner.example 'Fred <fred@partner.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:04:00 +0000' 'Réponse automatique : Invoice' ooo4@example.com <<'EOF'
Je suis absent.
EOF
ask ooo5@example.com 'Gloria <gloria@cliente.example>' 'Factura'
msg inbox ooo5r@cliente.example 'Gloria <gloria@cliente.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:05:00 +0100' 'Respuesta automática: Factura' ooo5@example.com <<'EOF'
Estoy fuera de la oficina hasta el lunes.
EOF
ask ooo6@example.com 'Hank <hank@vendor.example>' 'Licence renewal'
HDR='Precedence: junk' msg inbox ooo6r@vendor.example 'Hank <hank@vendor.example>' 'Me <me@example.com>' \
	'Mon, 16 Nov 2026 10:06:00 +0000' 'Re: Licence renewal' ooo6@example.com <<'EOF'
Your ticket has been received.
EOF
ask bounce1@example.com 'Gina <gina@nowhere.example>' 'Quote'
bounce bounce1r bounce1@example.com 'Gina <gina@nowhere.example>' 'Quote'
ask rr1@example.com 'Hugo <hugo@client.example>' 'Workshop dates'
deliver inbox rr1r <<'EOF'
From: Hugo <hugo@client.example>
To: me@example.com
Subject: Read: Workshop dates
Date: Mon, 16 Nov 2026 11:00:00 +0000
Message-ID: <rr1r@client.example>
In-Reply-To: <rr1@example.com>
References: <rr1@example.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification; boundary="R"

--R
Content-Type: text/plain

Your message was read on Monday.

--R
Content-Type: message/disposition-notification

Final-Recipient: rfc822; hugo@client.example
Original-Message-ID: <rr1@example.com>
Disposition: manual-action/MDN-sent-manually; displayed

--R--
EOF
index

NOW=2026-11-19T12:00:00+00:00
t 'an out-of-office (Auto-Submitted) is not a reply' '
	lu scan --quiet && expect_tags ooo1@example.com "leadup/awaiting leadup/due"'
t 'nor is a German auto-reply subject' 'expect_tags ooo2@example.com "leadup/awaiting leadup/due"'
t 'nor X-Autoreply' 'expect_tags ooo3@example.com "leadup/awaiting leadup/due"'
t 'nor Precedence: auto_reply with a French subject' 'expect_tags ooo4@example.com "leadup/awaiting leadup/due"'
t 'nor a Spanish auto-reply subject' 'expect_tags ooo5@example.com "leadup/awaiting leadup/due"'
t 'nor Precedence: junk without a List-Id' 'expect_tags ooo6@example.com "leadup/awaiting leadup/due"'
t 'automatic answers carry no tags themselves' '
	expect_tags ooo1r@client.example "" && expect_tags ooo3r@partner.example ""'
t 'a delivery failure tags my message bounced instead' '
	expect_tags bounce1@example.com leadup/bounced && expect_tags bounce1r@mx.example.com ""'
t 'a read receipt is not a reply' 'expect_tags rr1@example.com "leadup/awaiting leadup/due"'
t 'the bounced queue names it' 'lu queue bounced | grep -q Quote'
done_testing
