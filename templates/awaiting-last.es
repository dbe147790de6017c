# awaiting-last (Spanish, "usted"): the last lead-up of the cadence ([awaiting] max) closes
# the loop: an easy no, the question whether to stop, and another channel
# when their signature carries a phone number.
# "So far" thanks only for help that exists: {replied} (doc/draft.md).
{?first_name:Hola {first_name},}{!first_name:Hola,}

{?replied:Gracias por la atención que ha dedicado hasta ahora a {?topic:"{topic}"}{!topic:este asunto}. Este es mi último mensaje al respecto,}{!replied:Gracias por dedicar un momento a leer esto. Este es mi último mensaje sobre {?topic:"{topic}"}{!topic:este asunto},} para no ocupar más espacio en su bandeja de entrada.
{?ask:
Como referencia, el punto pendiente era:

> {ask}
}
Si no es buen momento, un simple "no" es perfectamente válido y cerraré el tema por mi parte.{!list: De lo contrario, he reservado el {slot} para una breve llamada{?their_phone: y puedo llamarle al {their_phone}}.}

{!list:¿Cierro el tema o le reservo ese horario?}{?list:¿Cierro el tema o tendrá un momento antes del {slot_day}?}

Saludos cordiales,
{my_name}
