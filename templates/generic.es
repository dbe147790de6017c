# generic (Spanish, "usted"): a plain lead-up on the latest message, for a thread in no
# queue (or when no better template is found).
# It thanks for help only when they answered ({replied}), and when the
# next move is mine ({i_owe}) promises my answer instead of asking theirs.
{?first_name:Hola {first_name},}{!first_name:Hola,}

{?replied:Gracias por su ayuda con {?topic:"{topic}"}{!topic:este asunto} hasta ahora.}{!replied:{?i_owe:Gracias por su mensaje sobre {?topic:"{topic}"}{!topic:este asunto}.}{!i_owe:Gracias por dedicar un momento a leer este mensaje sobre {?topic:"{topic}"}{!topic:mi consulta}.}} {?i_owe:{?list:Le responderé aquí sobre esto antes del {slot_day}.}{!list:Le responderé sobre esto antes del {slot_day}; si una llamada es más rápida, tengo 15 minutos libres el {slot}.}}{!i_owe:Para dar juntos el siguiente paso, {?list:¿podría darme su opinión antes del {slot_day}?}{!list:¿le parece que hablemos 15 minutos el {slot}?}}

Saludos cordiales,
{my_name}
