"""The language rules' data: regular expressions, word lists and cheap pre-filters.

Every pattern here runs in time linear in its input: quantifiers either stop at a
character the next part of the pattern cannot start with (so no backtracking helps), are
bounded, or belong to a pattern that ``scan.py`` drives so that no stretch of text is
scanned again and again from successive start positions. A ``(?P<passed>...)`` group
marks an alternative that matches only to step over text no real match can start in.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable

# -- what customers must never see (errors) -----------------------------------------------

#: One stretch of hostname-like text: labels of ``[a-z0-9-]`` joined by single dots. No
#: hostname match crosses its ends, so the host patterns below only run inside one.
HOST_STRETCH = re.compile(r"[a-z0-9-]++(?:\.[a-z0-9-]++)*+", re.IGNORECASE)
#: The internal-host pattern, tried at one start: the real alternatives, or a one-character
#: ``passed`` match when none fits. After such a miss no later start in the same stretch
#: can match except ``localhost`` (the label alternatives need a suffix further right).
INTERNAL_HOST = re.compile(
    r"\b(?:(?:localhost|(?:[a-z0-9-]+\.)+(?:internal|local|lan|intranet|localdomain)"
    r"|(?:[a-z0-9-]+\.)*[a-z0-9-]+\.corp(?:\.[a-z0-9-]+)+)\b|(?P<passed>[a-z0-9-]))",
    re.IGNORECASE,
)
LOCALHOST = re.compile(r"\blocalhost\b", re.IGNORECASE)
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2})?(?![\w.])")
IPV6_CANDIDATE = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])")
TOOL_URL = re.compile(
    r"https?://(?:[\w-]+\.)*(?:grafana|kibana|jenkins|prometheus|argocd|rancher|splunk|sentry|"
    r"datadoghq|newrelic|pagerduty|opsgenie|atlassian\.net|console\.aws\.amazon|"
    r"console\.cloud\.google|portal\.azure|app\.slack)[\w.-]*(?:[/:?#]\S*)?",
    re.IGNORECASE,
)
#: Where hosting providers name their data centres by a city code and a number
#: (DigitalOcean's ``nyc3``, ``fra1``; Hetzner's ``fsn1``; OVHcloud's ``gra11``). The
#: number is required: ``NYC`` alone is how people write New York.
REGION_SLUG_CITIES = (
    "nyc", "sfo", "ams", "sgp", "lon", "fra", "tor", "blr", "syd", "atl",  # DigitalOcean
    "fsn", "nbg", "hel",  # Hetzner
    "gra", "sbg", "rbx", "bhs", "waw",  # OVHcloud
)  # fmt: skip
#: A cloud region or zone code, matched in lower-case text (``REGION_ANY_CASE`` for the
#: rest): AWS regions and availability zones (``us-east-1``, ``us-east-1a``), Google
#: Cloud regions and zones (``europe-west4``, ``us-central1-a``), Azure regions
#: (``eastus2``) and the providers' city slugs above.
REGION = re.compile(
    r"\b(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:gov-)?(?:east|west|north|south|central|"
    r"northeast|southeast|northwest|southwest)-\d[a-f]?"
    r"|(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:east|west|north|"
    r"south|central|northeast|southeast|northwest|southwest)\d{1,2}(?:-[a-f])?"
    rf"|(?:{'|'.join(REGION_SLUG_CITIES)})\d{{1,2}}"
    r"|(?:eastus|eastus2|westus|westus2|westus3|centralus|northcentralus|southcentralus|"
    r"westcentralus|northeurope|westeurope|uksouth|ukwest|francecentral|germanywestcentral|"
    r"swedencentral|switzerlandnorth|norwayeast|eastasia|southeastasia|japaneast|japanwest|"
    r"australiaeast|australiasoutheast|brazilsouth|canadacentral|canadaeast|centralindia|"
    r"southindia|koreacentral|southafricanorth|uaenorth))\b"
)
REGION_ANY_CASE = re.compile(REGION.pattern, re.IGNORECASE)
#: Stack-trace lines. A run of blank lines that starts no trace line is stepped over as a
#: whole (``passed``), so a long blank run is not rescanned from each of its lines. A file
#: path stops at the end of its line.
STACK_TRACE = re.compile(
    r"Traceback \(most recent call last\)|^\s*+File \"[^\"\n]++\", line \d+|"
    r"^\s*+at [\w$.]++\([\w$]++\.(?:java|kt|scala|cs|js|ts):\d+\)|Exception in thread|"
    r"\bgoroutine \d+ \[|\bpanic: |\bSIGSEGV\b|\bsegmentation fault\b|"
    r"\b[A-Z][a-zA-Z]+(?:Exception|Error)\b(?::|\()?|^(?P<passed>\s++)",
    re.MULTILINE,
)
#: Secrets with a fixed shape, in the order the rule tries them; the two open-ended
#: shapes (``scheme://user:password@`` and JSON web tokens) come between the two groups.
SECRET_BEFORE_URL = re.compile(
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bBearer\s+[A-Za-z0-9\-._~+/]{16,}=*|"
    r"\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|"
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
    re.IGNORECASE,
)
SECRET_AFTER_URL = re.compile(
    r"\bsk_live_[0-9a-zA-Z]{16,}|\bAIza[0-9A-Za-z\-_]{35}\b|"
    r"\b(?:api[_-]?key|secret|password|passwd|access[_-]?token|auth[_-]?token)\s*[:=]\s*\S{6,}",
    re.IGNORECASE,
)
#: A JSON web token; a miss steps over the rest of its first part, where no later
#: ``eyJ`` can start a token either.
JSON_WEB_TOKEN = re.compile(
    r"\beyJ(?:[A-Za-z0-9_-]{10,}+\.[A-Za-z0-9_-]{10,}+\.[A-Za-z0-9_-]{10,}+"
    r"|(?P<passed>[A-Za-z0-9_-]*+))",
    re.IGNORECASE,
)
#: A URL scheme right before ``://``: found from the start of its run of scheme characters
#: only, so each run is read once.
SCHEME_RUN = re.compile(r"(?<![a-z0-9+.-])[a-z0-9+.-]++(?=://)", re.IGNORECASE)
#: The rest of a run of scheme characters, from inside it.
SCHEME_RUN_REST = re.compile(r"[a-z0-9+.-]++(?=://)", re.IGNORECASE)
SCHEME_START = re.compile(r"\b[a-z]", re.IGNORECASE)
USER_AND_PASSWORD = re.compile(r"://[^/\s:@]++:[^/\s@]++@")
CONNECTION_URL = re.compile(
    r"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|"
    r"jdbc:[a-z]+|clickhouse|cassandra)://(?=\S)",
    re.IGNORECASE,
)
NON_SPACE_RUN = re.compile(r"\S++")
#: ``Server=...; Database=``: a miss steps over the rest of the setting, up to its ``;``.
CONNECTION_SETTINGS = re.compile(
    r"\b(?:Server|Data Source|Host)=(?:[^;\n]++;\s*+(?:Database|Initial Catalog|User Id|Uid)="
    r"|(?P<passed>[^;\n]*+))",
    re.IGNORECASE,
)
#: A template placeholder; a miss steps over the text up to the ``]`` or line end it hit.
PLACEHOLDER = re.compile(r"\[\[(?:[^\]\n]++\]\]|(?P<passed>[^\]\n]*+))")

# -- words that need a second look (warnings) --------------------------------------------

HTTP_STATUS = re.compile(
    r"\bHTTP[ /]?\d{3}\b|\b[45]\d\d (?:errors?|responses?|status(?: codes?)?)\b", re.IGNORECASE
)
#: The look-aheads stop at the end of their hex word and a miss is local to it.
DEPLOY_HASH = re.compile(
    r"\b(?:commit|deploy|build|sha|rev|revision|release)\s+#?[0-9a-f]{7,40}\b|"
    r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,40}\b",
    re.IGNORECASE,
)
FIXED = re.compile(
    r"\b(?:fixed|resolved|back to normal|fully restored|fully operational|all systems operational)\b",
    re.IGNORECASE,
)
#: Every FIXED match holds one of these as a whole word; in ASCII text (where lower case
#: and the pattern's ignoring of case agree) a text without them is passed at once.
FIXED_WORDS = frozenset(("fixed", "resolved", "normal", "restored", "operational"))
#: Searched only in the 40 characters before a "fixed" word.
NOT_YET = re.compile(
    r"(?:\bnot\b|n't\b|\byet\b|\bonce\b|\buntil\b|\bwhen\b|\bbefore\b|\bif\b|\bwill be\b|"
    r"\bto be\b|\bbe\b|\bget\b|\bgets\b|\bbeing\b|\bhas been identified\b|\bhope\b|\bexpect\w*"
    r"|\bto have\b|\bshould\b|\baim\w*)[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
#: Every word NOT_YET can match holds one of these.
NOT_YET_HINT = re.compile(
    r"not|n't|yet|once|until|when|before|if|be|get|has|hope|expect|have|should|aim", re.IGNORECASE
)
ENGLISH = frozenset((
    "the", "and", "we", "is", "are", "to", "of", "our", "for", "will", "be", "in", "on",
    "this", "that", "with", "you", "it", "some",
))  # fmt: skip
#: Function words of the other languages status pages are most often written in (German,
#: French, Spanish, Italian, Dutch, Swedish).
OTHER_LANGUAGE = frozenset((
    "und", "der", "die", "das", "wir", "ist", "nicht", "sich", "ein", "eine", "bis", "mit",
    "le", "la", "les", "des", "et", "est", "nous", "une", "sur", "pour", "dans", "el", "los",
    "las", "y", "es", "estamos", "una", "para", "por", "del", "al", "con", "il", "di", "che",
    "siamo", "een", "het", "wij", "zijn", "niet", "och", "att", "vi", "är", "inte",
))  # fmt: skip
TOKEN = re.compile(r"\w+")
_SLUG_NUMBERS = (*map(str, range(100)), *(f"0{d}" for d in range(10)))
#: The words of a text (lowered) that are region codes on their own, without a hyphen:
#: Azure's region names and the providers' city slugs (any number up to 99).
REGION_WORDS = frozenset((
    "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northcentralus",
    "southcentralus", "westcentralus", "northeurope", "westeurope", "uksouth", "ukwest",
    "francecentral", "germanywestcentral", "swedencentral", "switzerlandnorth", "norwayeast",
    "eastasia", "southeastasia", "japaneast", "japanwest", "australiaeast",
    "australiasoutheast", "brazilsouth", "canadacentral", "canadaeast", "centralindia",
    "southindia", "koreacentral", "southafricanorth", "uaenorth",
)) | {f"{city}{n}" for city in REGION_SLUG_CITIES for n in _SLUG_NUMBERS}  # fmt: skip

# -- cheap substring tests that must pass before an expensive pattern runs at all ----------


def _any_of(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One search for "does any of these substrings occur": C speed instead of a loop."""
    return re.compile("|".join(map(re.escape, hints)))


HOST_HINT = _any_of(("localhost", ".internal", ".local", ".lan", ".intranet", ".corp"))
STACK_HINT = _any_of((
    "Traceback", 'File "', "Exception", "Error", "goroutine", "panic:", "SIGSEGV",
    "segmentation", ".java:", ".kt:", ".scala:", ".cs:", ".js:", ".ts:",
))  # fmt: skip
SECRET_HINT = _any_of((
    "AKIA", "ASIA", "earer", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat", "xox",
    "BEGIN", "@", "eyJ", "sk_live", "AIza",
))  # fmt: skip
SECRET_WORD = _any_of(("api_key", "api-key", "apikey", "secret", "password", "passwd", "token"))
#: a hex-looking word of 7+ characters: the only texts where a commit id can hide
HEX_WORD = re.compile(r"(?<!\w)[0-9a-f]{7,}(?!\w)")
DIGIT_DOT = re.compile(r"\d\.\d")


def holds_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (``\\d``); in ASCII text, by a look for each."""
    if text.isascii():
        return any(map(text.__contains__, "0123456789"))
    return _DIGIT.search(text) is not None


_DIGIT = re.compile(r"\d")
_FIRST_THREE = operator.itemgetter(slice(3))
#: How every word that can name a day begins: a month, a weekday, "today", "tonight",
#: "tomorrow", and "this" (of "this morning").
DAY_STARTS = frozenset((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "tod", "ton", "tom", "thi",
))  # fmt: skip


def may_name_a_day(lowered: str, words: Iterable[str] | None) -> bool:
    """False only where no date can be written: an ASCII text (lowered) with no hyphen
    (as in ``2026-11-17``) none of whose ``words`` (``\\w+``) begins like ``DAY_STARTS``.
    A look at the words costs much less than a search of the text (timeread's day hint)."""
    if words is None or not lowered.isascii() or "-" in lowered:
        return True
    return not DAY_STARTS.isdisjoint(map(_FIRST_THREE, words))
