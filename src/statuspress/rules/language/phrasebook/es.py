"""Spanish: "Próxima actualización a las 14:30", "Volveremos a informar en 30 minutos",
"esperamos que quede solucionado antes de las 16:00"."""

from __future__ import annotations

import re

from statuspress.rules.language.phrasebook import Phrasebook, Promises, TimeWords, words
from statuspress.rules.language.zones import ZONE

_I = re.IGNORECASE

NUMBERS: dict[str, float] = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cuarenta y cinco": 45, "cincuenta": 50,
    "sesenta": 60, "noventa": 90,
}  # fmt: skip
FUZZY = {"unos pocos": (2, 5), "pocos": (2, 5), "algunos": (3, 8)}
ZONES = {
    "hora peninsular": "Europe/Madrid", "hora de españa": "Europe/Madrid",
    "hora de madrid": "Europe/Madrid", "hora de canarias": "Atlantic/Canary",
    "hora del centro": "America/Mexico_City", "hora de méxico": "America/Mexico_City",
    "hora de argentina": "America/Argentina/Buenos_Aires",
    "hora de colombia": "America/Bogota", "hora de chile": "America/Santiago",
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d)?|" + words(*NUMBERS, *FUZZY)
_WEEKDAYS = "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    "noviembre|diciembre"
)

TIMES = TimeWords(
    clock=re.compile(
        r"(?<![\w:.,/])(?:(?:(?P<mark>[Ll]as?)\s)?(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>\d{2}))?"
        r"(?![\d:])(?:\s?(?P<mark2>h|hs|horas)\b)?"
        r"(?:\s(?P<ampm>de\sla\s(?:mañana|madrugada|tarde|noche)))?"
        r"|(?P<word>(?i:mediodía|medianoche))\b)"
        rf"(?:\s?\(?(?:{ZONE}|(?P<lzone>(?i:{words(*ZONES)})))\)?)?"
    ),
    date=re.compile(
        r"(?<![\w.-])(?:(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\dT:])"
        r"|(?P<d2>[0-3]?\d)/(?P<mo2>[01]?\d)(?:/(?P<y2>\d{4}))?(?![\d/])"
        rf"|(?P<d3>[0-3]?\d)\sde\s(?P<mon>{_MONTHS})\b(?:\sde\s(?P<y3>\d{{4}}))?"
        rf"|(?P<wd>{_WEEKDAYS})\b|(?P<rel>hoy|pasado\smañana|(?<!la\s)(?<!esta\s)mañana)\b)",
        _I,
    ),
    delay=re.compile(
        r"\b(?:(?P<every>cada)|(?P<within>dentro\sde|en\smenos\sde)|en)\s"
        r"(?:(?:los|las|la|el)\s)?"
        r"(?:(?:(?P<within2>próximos|próximas|próxima|siguientes)|aproximadamente|unos|unas"
        r"|alrededor\sde|como\smáximo|máximo|cerca\sde|otros|otras)\s){0,3}"
        rf"(?:(?P<count>{_NUMBER})(?:\s?(?:-|\u2013|a|o)\s?(?P<count_to>{_NUMBER}))?\s"
        r"(?P<unit>minutos?|min|horas?|h|días?)\b(?P<half>\sy\smedia)?"
        r"|(?P<halfhour>media\shora)\b|(?P<thehour>hora)\b)",
        _I,
    ),
    numbers=NUMBERS,
    fuzzy=FUZZY,
    units=(("min", 1.0), ("h", 60.0), ("d", 1440.0)),
    months=("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "se", "oct", "nov", "dic"),
    weekdays=("lu", "ma", "mi", "ju", "vi", "s", "d"),
    relative={"hoy": 0, "mañana": 1, "pasado mañana": 2},
    clock_words={"mediodía": 12, "medianoche": 0},
    ampm={"de la mañana": 0, "de la madrugada": 0, "de la tarde": 12, "de la noche": 12},
    zones=ZONES,
)

PROMISES = Promises(
    next_update=re.compile(
        r"\b(?:(?:próximas?|proximas?|siguientes?|nuevas?|otras?)\s(?:actualizaci(?:ón|on|ones)"
        r"|información|comunicación|novedad(?:es)?|informe)"
        r"|más\sinformación|(?:le|les|los|las)\s(?:mantendremos|seguiremos\smanteniendo)"
        r"|volveremos\sa\s(?:informar|actualizar|publicar)|actualizaremos|publicaremos"
        r"|informaremos|compartiremos|daremos\s(?:más\s)?(?:información|detalles)"
        r"|actualización\s(?:a\slas|en|antes|cada|sobre))",
        _I,
    ),
    when_words=re.compile(
        r"\b(?:lo\santes\sposible|tan\spronto\scomo\s(?:sea\sposible|tengamos\s\w+|podamos)"
        r"|en\sbreve|pronto|próximamente|periódicamente|regularmente"
        r"|a\smedida\sque\s(?:tengamos|avancemos))",
        _I,
    ),
    fix_word=re.compile(
        r"\b(?:solucionad[oa]s?|solucionar|solución|resuelt[oa]s?|resolver|resolución"
        r"|restablecid[oa]s?|restablecer|restablecimiento|restaurad[oa]s?|corregid[oa]s?"
        r"|corregir|corrección|(?:de\snuevo|nuevamente)\s(?:disponibles?|operativ[oa]s?)"
        r"|funcionamiento\snormal|volverá\sa\sfuncionar|normalidad|reparad[oa]s?)\b",
        _I,
    ),
    eta_word=re.compile(
        r"\bETA\b|\b(?:hora|tiempo|fecha)\s(?:estimad[oa]|prevista)\sde\s"
        r"(?:resolución|solución|restablecimiento)\b|\bresolución\s(?:estimada|prevista)\b",
        _I,
    ),
    future=re.compile(
        r"\b(?:será|serán|estará|estarán|esperamos|prevemos|previst[oa]s?|estimamos"
        r"|estimad[oa]|debería|deberían|calculamos|confiamos|va\sa|van\sa|planeamos|quedará"
        r"|volverá|ETA)\b",
        _I,
    ),
    past=re.compile(
        r"\b(?:fue|fueron|ha|han|había|habían|desde|entre|hace|comenzó|empezó|ocurrió"
        r"|estuvo)\b",
        _I,
    ),
    no_eta=re.compile(
        r"\b(?:(?:no\s(?:tenemos|hay|disponemos\sde)\s(?:todavía\s|aún\s)?(?:una\s)?"
        r"|sin\s(?:una\s)?)(?:estimación|plazo|hora\sestimada|ETA|fecha\sestimada)"
        r"|no\spodemos\s(?:todavía\s|aún\s)?(?:estimar|precisar|decir))",
        _I,
    ),
    day_promise=re.compile(
        r"\b(?:(?:antes\sde|para)\s(?:el\s)?(?:final\sdel\sdía|fin\sdel\sdía|esta\snoche"
        rf"|mañana|hoy|{_WEEKDAYS})|a\slo\slargo\sdel\sdía|más\starde\shoy|hoy\smismo)\b",
        _I,
    ),
    duration=re.compile(r"\b\d{1,3}(?:\s?[-\u2013]\s?\d{1,3})?\s?(?:minutos?|min|horas?|h)\b", _I),
    example="Publicaremos la próxima actualización a las {0}.",
)

#: Short words common in this language's text and rare in English.
FUNCTION_WORDS = frozenset((
    "a", "algunos", "algunas", "nuestro", "nuestros", "su", "el", "los", "las", "y", "es",
    "estamos", "una", "para", "por", "del", "al", "con", "que", "en", "se", "no", "un",
    "la", "de", "sus", "hemos",
))  # fmt: skip

BOOK = Phrasebook(
    language="es",
    function_words=FUNCTION_WORDS,
    promises=PROMISES,
    times=TIMES,
)
