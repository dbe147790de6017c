# no-next-step (Spanish, "usted"): we both wrote and nothing dated was agreed: propose one
# concrete next step.
{?first_name:Hola {first_name},}{!first_name:Hola,}

Gracias por la conversación sobre {?topic:"{topic}"}{!topic:este tema}. Para que se traduzca en algo concreto, le propongo un siguiente paso: una llamada de 20 minutos el {slot} para acordar quién hace qué y para cuándo.

¿Le conviene ese horario, o prefiere otro?

Saludos cordiales,
{my_name}
