# promise-mine (Spanish, "usted"): I promised something with a date.  Deliver it (attach it,
# write it below) or give a new date: the draft gives one.
{?first_name:Hola {first_name},}{!first_name:Hola,}

Gracias por su paciencia con {?topic:"{topic}"}{!topic:este asunto}.{?promise: Me comprometí a lo siguiente{?promise_by: para el {promise_by}}:

> {promise}
}

Lo tendrá a más tardar el {slot}. Si mientras tanto algo ha cambiado por su parte, me basta con unas líneas.

Saludos cordiales,
{my_name}
