"""French: "Prochaine mise à jour à 14 h 30", "Nous reviendrons vers vous dans 30 minutes",
"le service devrait être rétabli d'ici 16 h"."""

from __future__ import annotations

import re

from statuspress.rules.language.phrasebook import Phrasebook, Promises, TimeWords, words
from statuspress.rules.language.zones import ZONE

_I = re.IGNORECASE

NUMBERS: dict[str, float] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "quarante cinq": 45, "cinquante": 50, "soixante": 60,
    "quatre vingt dix": 90,
}  # fmt: skip
FUZZY = {"quelques": (2, 5)}
ZONES = {
    "heure de paris": "Europe/Paris", "heure française": "Europe/Paris",
    "heure de france": "Europe/Paris", "heure de bruxelles": "Europe/Brussels",
    "heure de montréal": "America/Toronto", "heure de l'est": "America/Toronto",
    "heure suisse": "Europe/Zurich",
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d)?|" + words(*NUMBERS, *FUZZY)
_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "janv|févr|avr|juil|sept|oct|nov|déc"
)
_MONTH_PREFIXES = (
    "janv",
    "févr",
    "mars",
    "avr",
    "mai",
    "juin",
    "juil",
    "août",
    "sept",
    "oct",
    "nov",
    "déc",
)
_APOSTROPHE = "['\u2019]"
# "d'ici 14 h" is "by 14:00": a bare "h" after a number is a clock time, never a delay.

TIMES = TimeWords(
    clock=re.compile(
        r"(?<![\w:.,/])(?:(?P<h>\d{1,2})(?:(?P<sep>:)(?P<m>\d{2})"
        r"|\s?(?P<mark>h|heures?)(?:\s?(?P<m2>\d{2}))?)(?![\w:])"
        r"|(?P<word>(?i:midi|minuit))\b)"
        rf"(?:\s?\(?(?:{ZONE}|(?P<lzone>(?i:{words(*ZONES)})))\)?)?"
    ),
    date=re.compile(
        r"(?<![\w.-])(?:(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\dT:])"
        r"|(?P<d2>[0-3]?\d)/(?P<mo2>[01]?\d)(?:/(?P<y2>\d{4}))?(?![\d/])"
        rf"|(?P<d3>[0-3]?\d)(?:er)?\s(?P<mon>{_MONTHS})\b\.?(?:\s(?P<y3>\d{{4}}))?"
        rf"|(?P<wd>{_WEEKDAYS})\b|(?P<rel>aujourd{_APOSTROPHE}hui|ce\ssoir|demain))",
        _I,
    ),
    delay=re.compile(
        rf"\b(?:(?P<every>toutes\sles)|(?P<within>d{_APOSTROPHE}ici|sous|en\smoins\sd(?:e\s|{_APOSTROPHE}))"
        r"|dans)\s?(?:(?:les|la|l['\u2019])\s?)?"
        r"(?:(?:environ|approximativement|près\sde|au\splus|au\smaximum|maximum)\s){0,2}"
        rf"(?:(?P<count>{_NUMBER})(?:\s?(?:-|\u2013|à|ou)\s?(?P<count_to>{_NUMBER}))?\s"
        r"(?:(?P<within2>prochaines?)\s)?(?P<unit>minutes?|min|heures?|jours?)\b"
        r"(?P<half>\set\sdemie)?"
        r"|(?P<halfhour>une\sdemi[-\s]heure)\b"
        r"|(?P<thehour>(?:(?P<within3>prochaine)\s)?heure)\b)",
        _I,
    ),
    numbers=NUMBERS,
    fuzzy=FUZZY,
    units=(("min", 1.0), ("h", 60.0), ("j", 1440.0)),
    months=_MONTH_PREFIXES,
    weekdays=("lu", "ma", "me", "je", "ve", "sa", "di"),
    relative={"aujourd'hui": 0, "aujourd\u2019hui": 0, "ce soir": 0, "demain": 1},
    clock_words={"midi": 12, "minuit": 0},
    zones=ZONES,
)

PROMISES = Promises(
    next_update=re.compile(
        r"\b(?:(?:prochaine?s?|nouvelle?s?|autre)\s(?:mises?\sà\sjour|point|communication"
        r"|informations?|bulletin|message|nouvelles)"
        r"|mises?\sà\sjour\s(?:suivra|suivante|à|vers|d['\u2019]ici|dans|toutes|avant)"
        r"|nous\s(?:reviendrons|vous\stiendrons|publierons|communiquerons|partagerons"
        r"|mettrons\sà\sjour|vous\sinformerons|ferons\sun(?:\snouveau)?\spoint)"
        r"|tenir\sinformée?s?|tenir\sau\scourant|(?:plus|davantage)\sd['\u2019]informations"
        r"|revenir\svers\svous)",
        _I,
    ),
    when_words=re.compile(
        r"\b(?:dès\sque\spossible|au\splus\svite|rapidement|sous\speu|bientôt|prochainement"
        r"|dès\sque\snous\s(?:aurons|en\ssaurons)\b|régulièrement|en\stemps\sutile)",
        _I,
    ),
    fix_word=re.compile(
        r"\b(?:corrigée?s?|corriger|correctif|correction|résolue?s?|résoudre|résolution"
        r"|rétablie?s?|rétablir|rétablissement|restaurée?s?|restaurer"
        r"|de\snouveau\s(?:disponible|opérationnel|fonctionnel)(?:le)?s?|fonctionnement\snormal"
        r"|retour\sà\sla\snormale|terminée?s?|réparée?s?)\b",
        _I,
    ),
    eta_word=re.compile(
        r"\bETA\b|\b(?:délai|heure|date)\s(?:estimée?|prévue?)\s(?:de|du|pour\sle)\s"
        r"(?:résolution|rétablissement|correction)\b|\brésolution\s(?:estimée|prévue)\b",
        _I,
    ),
    future=re.compile(
        r"\b(?:devrait|devraient|prévoyons|prévue?s?|estimons|estimée?|comptons|espérons|sera"
        r"|seront|va|vont|pensons|visons|attendons|ETA)\b",
        _I,
    ),
    past=re.compile(
        r"\b(?:a\sété|ont\sété|était|étaient|depuis|entre|il\sy\sa|avons|a|ont|avait"
        r"|est\ssurvenue?|a\scommencé)\b",
        _I,
    ),
    no_eta=re.compile(
        r"\b(?:pas\s(?:encore\s)?d['\u2019](?:estimation|délai|ETA|heure\sestimée)"
        r"|aucune?\s(?:estimation|délai|visibilité|ETA)"
        r"|(?:ne\s)?pouvons\spas\s(?:encore\s)?(?:estimer|dire|prévoir))",
        _I,
    ),
    day_promise=re.compile(
        r"\b(?:(?:d['\u2019]ici|avant)\s(?:la\sfin\sde\s(?:la\s)?journée|ce\ssoir|demain"
        rf"|{_WEEKDAYS})|dans\sla\sjournée|plus\stard\saujourd['\u2019]hui)\b",
        _I,
    ),
    duration=re.compile(r"\b\d{1,3}(?:\s?[-\u2013]\s?\d{1,3})?\s?(?:minutes?|min|heures?|h)\b", _I),
    example="Prochaine mise à jour à {0}.",
)

#: Short words common in this language's text and rare in English.
FUNCTION_WORDS = frozenset((
    "en", "il", "ils", "ce", "cette", "certains", "nos", "votre", "vos", "le", "la", "les",
    "des", "et", "est", "nous", "une", "sur", "pour", "dans", "du", "vous", "pas", "de",
    "que", "qui", "au", "aux", "sont", "un", "à",
))  # fmt: skip

BOOK = Phrasebook(
    language="fr",
    function_words=FUNCTION_WORDS,
    promises=PROMISES,
    times=TIMES,
)
