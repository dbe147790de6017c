# promise-theirs (Spanish, "usted"): they promised something with a date (or we agreed a
# dated step) and it is due: lead them to it.
{?first_name:Hola {first_name},}{!first_name:Hola,}

Gracias por impulsar {?topic:"{topic}"}{!topic:este asunto}.{?promise: Habíamos previsto lo siguiente{?promise_by: para el {promise_by}}:

> {promise}
}

Para no perder el ritmo, ¿le parece que dediquemos 15 minutos el {slot} a cerrarlo juntos?

Saludos cordiales,
{my_name}
