# generic (Spanish, "usted"): a plain lead-up on the latest message, for a thread in no
# queue (or when no better template is found).
{?first_name:Hola {first_name},}{!first_name:Hola,}

Gracias por su ayuda con {?topic:"{topic}"}{!topic:este asunto} hasta ahora. Para dar juntos el siguiente paso, {?list:¿podría darme su opinión antes del {slot_day}?}{!list:¿le parece que hablemos 15 minutos el {slot}?}

Saludos cordiales,
{my_name}
