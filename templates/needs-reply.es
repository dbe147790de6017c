# needs-reply (Spanish, "usted"): they asked me something.  Write the answer under their
# question; the draft already proposes a dated next step.
{?first_name:Hola {first_name},}{!first_name:Hola,}

Gracias por su mensaje sobre {?topic:"{topic}"}{!topic:este asunto}{?ask: y por su pregunta}.
{?ask:
> {ask}
}
{!list:Para cerrar los detalles rápidamente, ¿le parece que hablemos 15 minutos el {slot}?}{?list:Si hace falta algo más, lo añadiré aquí a más tardar el {slot_day}.}

Saludos cordiales,
{my_name}
