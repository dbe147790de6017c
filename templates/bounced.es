# bounced (Spanish, "usted"): my message came back undelivered.  Check the address in To:
# before sending; the draft sends the open point again.
{?first_name:Hola {first_name},}{!first_name:Hola,}

Mi mensaje {?asked_date:del {asked_date} }sobre {?topic:"{topic}"}{!topic:este asunto} no le llegó, así que se lo reenvío aquí. Gracias por echarle un vistazo.
{?ask:
El punto pendiente:

> {ask}
}
¿Le parece que lo resolvamos en una llamada de 15 minutos el {slot}?

Saludos cordiales,
{my_name}
