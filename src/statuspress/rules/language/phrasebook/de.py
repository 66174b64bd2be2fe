"""German: "Nächstes Update um 14:30 Uhr MEZ", "Wir melden uns in 30 Minuten wieder",
"voraussichtlich bis 16 Uhr behoben"."""

from __future__ import annotations

import re

from statuspress.rules.language.phrasebook import Phrasebook, Promises, TimeWords, words
from statuspress.rules.language.zones import ZONE

_I = re.IGNORECASE

NUMBERS: dict[str, float] = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfundvierzig": 45, "fünfzig": 50, "sechzig": 60, "neunzig": 90,
    "anderthalb": 1.5, "eineinhalb": 1.5,
}  # fmt: skip
FUZZY = {"ein paar": (2, 5), "wenigen": (2, 5), "einigen": (3, 8)}
ZONES = {
    "mitteleuropäischer zeit": "Europe/Berlin", "mitteleuropäische zeit": "Europe/Berlin",
    "deutscher zeit": "Europe/Berlin", "berliner zeit": "Europe/Berlin",
    "wiener zeit": "Europe/Vienna", "schweizer zeit": "Europe/Zurich",
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d)?|" + words(*NUMBERS, *FUZZY)
_WEEKDAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
_MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    "Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez"
)

TIMES = TimeWords(
    clock=re.compile(
        r"(?<![\w:.,/])(?:(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<m>\d{2}))?(?![\d:])"
        r"(?P<mark>\s?[Uu]hr\b)?|(?P<word>(?i:Mittag|Mitternacht))\b)"
        rf"(?:\s?\(?(?:{ZONE}|(?P<lzone>(?i:{words(*ZONES)})))\)?)?"
    ),
    date=re.compile(
        r"(?<![\w.-])(?:(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\dT:])"
        r"|(?P<d2>[0-3]?\d)\.\s?(?:(?P<mo2>[01]?\d)\.(?P<y2>\d{4})?"
        rf"|(?P<mon>{_MONTHS})\b\.?(?:\s(?P<y3>\d{{4}}))?)"
        rf"|(?P<wd>{_WEEKDAYS})\b|(?P<rel>heute|übermorgen|morgen)\b)",
        _I,
    ),
    delay=re.compile(
        r"\b(?:(?P<every>alle)|(?P<within>innerhalb|binnen)|in)\s"
        r"(?:(?:der|den|des|einer|eines|von)\s)?"
        r"(?:(?:(?P<within2>nächsten|kommenden)|etwa|ca\.|circa|ungefähr|rund|knapp"
        r"|spätestens|maximal|höchstens|weiteren)\s){0,3}"
        rf"(?:(?P<count>{_NUMBER})(?:\s?(?:-|\u2013|bis|oder)\s?(?P<count_to>{_NUMBER}))?\s"
        r"(?P<unit>Minuten|Minute|Min\.?|Stunden|Stunde|Std\.?|Tagen|Tage|Tag)\b"
        r"|(?P<halfhour>halben\sStunde|halbe\sStunde)\b|(?P<thehour>Stunde)\b)",
        _I,
    ),
    numbers=NUMBERS,
    fuzzy=FUZZY,
    units=(("min", 1.0), ("st", 60.0), ("tag", 1440.0)),
    months=("jan|jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"),
    weekdays=("mo", "di", "mi", "do", "fr", "sa", "so"),
    relative={"heute": 0, "morgen": 1, "übermorgen": 2},
    clock_words={"mittag": 12, "mitternacht": 0},
    zones=ZONES,
)

PROMISES = Promises(
    next_update=re.compile(
        r"\b(?:(?:nächste[snrm]?|weitere[snrm]?|neue[snrm]?|folgende[snrm]?)\s"
        r"(?:Status)?(?:Updates?|Aktualisierung(?:en)?|Meldung(?:en)?|Statusmeldung(?:en)?"
        r"|Information(?:en)?|Infos?|Stand|Zwischenstand|Rückmeldung)"
        r"|(?:melden|äußern)\s(?:wir\s)?uns|informieren\s(?:wir\s)?(?:Sie|euch|dich)"
        r"|halten\s(?:wir\s)?(?:Sie|euch|dich)\s(?:auf\sdem\sLaufenden|informiert)"
        r"|(?:aktualisieren|ergänzen)\s(?:wir\s)?(?:diese\s(?:Seite|Meldung)|diesen\s(?:Beitrag|Eintrag))"
        r"|Updates?\s(?:folgt|folgen|kommt|um|gegen|bis|in)|Update:)",
        _I,
    ),
    when_words=re.compile(
        r"\b(?:so\sbald\swie\smöglich|sobald\swie\smöglich|schnellstmöglich|in\sKürze|zeitnah"
        r"|bald|sobald\swir\s(?:mehr|neue|weitere)\s\w+|regelmäßig|bei\sneuen\sErkenntnissen)",
        _I,
    ),
    fix_word=re.compile(
        r"\b(?:behoben|beheben|Behebung|gelöst|lösen|Lösung|wiederhergestellt|Wiederherstellung"
        r"|wieder\s(?:verfügbar|erreichbar|normal|funktionsfähig|funktionieren|funktioniert)"
        r"|normale[nr]?\sBetrieb|Normalbetrieb|abgeschlossen|abschließen|repariert|Fix)\b",
        _I,
    ),
    eta_word=re.compile(
        r"\bETA\b|\b(?:voraussichtliche|geschätzte)\s(?:Behebung|Lösung|Dauer|Wiederherstellung)\b",
        _I,
    ),
    future=re.compile(
        r"\b(?:wird|werden|voraussichtlich|erwarten|rechnen|geplant|planen|sollte|sollten"
        r"|gehen\sdavon\saus|hoffen|ETA|erwartet|dürfte|dürften)\b",
        _I,
    ),
    past=re.compile(
        r"\b(?:wurde|wurden|war|waren|hat|haben|hatte|hatten|seit|zwischen|begann|begonnen"
        r"|aufgetreten|ab)\b",
        _I,
    ),
    no_eta=re.compile(
        r"\b(?:(?:noch\s)?kein(?:e|en)?\s(?:genaue[ns]?\s|verlässliche[ns]?\s)?"
        r"(?:Zeitpunkt|Prognose|Schätzung|Zeitrahmen|Zeitplan|ETA)"
        r"|(?:können|lässt\ssich)\s(?:noch\s)?nicht\s(?:sagen|abschätzen|absehen))",
        _I,
    ),
    day_promise=re.compile(
        r"\b(?:bis\s(?:heute\sAbend|zum\sEnde\sdes\sTages|Ende\sdes\sTages|Tagesende|morgen"
        r"|heute|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag))"
        r"|im\sLaufe\sdes\sTages|noch\sheute|später\sam\sTag)\b",
        _I,
    ),
    duration=re.compile(
        r"\b\d{1,3}(?:\s?[-\u2013]\s?\d{1,3})?\s?(?:Minuten|Min\.?|Stunden|Std\.?)(?!\w)", _I
    ),
    example="Das nächste Update folgt um {0}.",
)

#: Short words common in this language's text and rare in English.
FUNCTION_WORDS = frozenset((
    "in", "bei", "beim", "von", "für", "sind", "noch", "es", "an", "aus", "auch", "wieder",
    "haben", "können", "kann", "einige", "und", "der", "die", "das", "wir", "ist", "nicht",
    "sich", "ein", "eine", "bis", "mit", "den", "dem", "zu", "sie", "im", "auf", "uns",
    "werden", "wird", "um",
))  # fmt: skip

BOOK = Phrasebook(
    language="de",
    function_words=FUNCTION_WORDS,
    promises=PROMISES,
    times=TIMES,
)
