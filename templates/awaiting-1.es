# awaiting-1 (Spanish, "usted"): the first lead-up on my message that is still unanswered.
# Lines starting with '#' are comments.  Placeholders: doc/draft.md.
# "So far" thanks only for help that exists: {replied} (doc/draft.md).
{?first_name:Hola {first_name},}{!first_name:Hola,}

{?replied:Gracias por su ayuda con {?topic:"{topic}"}{!topic:este asunto} hasta ahora.}{!replied:Gracias por dedicar un momento a leer este mensaje sobre {?topic:"{topic}"}{!topic:mi consulta}.}{?return_date: Espero que haya vuelto bien.}
{?ask:
Un punto de mi mensaje del {asked_date} sigue pendiente:

> {ask}
}
{?list:¿Podría darme su respuesta antes del {slot_day}, para que pueda ocuparme del resto?}{!list:¿Le parece que lo resolvamos en una llamada de 15 minutos el {slot}?}

Saludos cordiales,
{my_name}
