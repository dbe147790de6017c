# awaiting-2 (Spanish, "usted"): the second lead-up (and any later one before the last):
# two concrete times, so that answering takes one word.
{?first_name:Hola {first_name},}{!first_name:Hola,}

Gracias de nuevo por el tiempo que dedica a {?topic:"{topic}"}{!topic:mi mensaje}.{!list: Para facilitar el siguiente paso, le propongo dos horarios para una llamada de 15 minutos: el {slot} o el {slot2}.}
{?ask:
{!list:En esa llamada podemos resolver}{?list:Con una breve respuesta podemos resolver} el punto pendiente de mi mensaje del {asked_date}:

> {ask}
}
{!list:¿Cuál de las dos opciones le conviene más?}{?list:¿Podría responderme antes del {slot_day}?}

Saludos cordiales,
{my_name}
