"""**language** rules: the words customers read, checked the way a linter checks code.

Errors are text customers must never see (internal hostnames, addresses, region codes,
stack traces, secrets, connection strings, template placeholders, internal component
names). Warnings are words that need a second look (jargon, "fixed" before the end, a
promised fix time, no next-update time, vague filler). Only public text is checked;
``internal:`` notes and internal updates are free.

``lint_text`` is a pure function over one text, so the corpus tests can measure precision
and recall message by message.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

from statuspress.config import Settings
from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.model import Audience, Incident, Kind, Source, StatusSite, Update
from statuspress.parallel import fork_map
from statuspress.timefmt import zone

# -- what customers must never see (errors) -----------------------------------------------

_INTERNAL_HOST = re.compile(
    r"\b(?:localhost|(?:[a-z0-9-]+\.)+(?:internal|local|lan|intranet|localdomain)"
    r"|(?:[a-z0-9-]+\.)*[a-z0-9-]+\.corp(?:\.[a-z0-9-]+)+)\b",
    re.IGNORECASE,
)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2})?(?![\w.])")
_IPV6_CANDIDATE = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])")
_TOOL_URL = re.compile(
    r"https?://(?:[\w-]+\.)*(?:grafana|kibana|jenkins|prometheus|argocd|rancher|splunk|sentry|"
    r"datadoghq|newrelic|pagerduty|opsgenie|atlassian\.net|console\.aws\.amazon|"
    r"console\.cloud\.google|portal\.azure|app\.slack)[\w.-]*(?:[/:?#]\S*)?",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"\b(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:gov-)?(?:east|west|north|south|central|"
    r"northeast|southeast|northwest|southwest)-\d"
    r"|(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:east|west|north|"
    r"south|central|northeast|southeast|northwest|southwest)\d{1,2}"
    r"|(?:eastus|eastus2|westus|westus2|westus3|centralus|northcentralus|southcentralus|"
    r"westcentralus|northeurope|westeurope|uksouth|ukwest|francecentral|germanywestcentral|"
    r"swedencentral|switzerlandnorth|norwayeast|eastasia|southeastasia|japaneast|japanwest|"
    r"australiaeast|australiasoutheast|brazilsouth|canadacentral|canadaeast|centralindia|"
    r"southindia|koreacentral|southafricanorth|uaenorth))\b"
)
_STACK_TRACE = re.compile(
    r"Traceback \(most recent call last\)|^\s*File \"[^\"]+\", line \d+|"
    r"^\s*at [\w$.]+\([\w$]+\.(?:java|kt|scala|cs|js|ts):\d+\)|Exception in thread|"
    r"\bgoroutine \d+ \[|\bpanic: |\bSIGSEGV\b|\bsegmentation fault\b|"
    r"\b[A-Z][a-zA-Z]+(?:Exception|Error)\b(?::|\()?",
    re.MULTILINE,
)
_SECRET = re.compile(
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bBearer\s+[A-Za-z0-9\-._~+/]{16,}=*|"
    r"\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|"
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----|\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@|"
    r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|\bsk_live_[0-9a-zA-Z]{16,}|"
    r"\bAIza[0-9A-Za-z\-_]{35}\b|"
    r"\b(?:api[_-]?key|secret|password|passwd|access[_-]?token|auth[_-]?token)\s*[:=]\s*\S{6,}",
    re.IGNORECASE,
)
_CONNECTION_STRING = re.compile(
    r"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|"
    r"jdbc:[a-z]+|clickhouse|cassandra)://\S+|"
    r"\b(?:Server|Data Source|Host)=[^;\n]+;\s*(?:Database|Initial Catalog|User Id|Uid)=",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\[\[[^\]\n]+\]\]")

# -- words that need a second look (warnings) --------------------------------------------

JARGON_TERMS: tuple[str, ...] = (
    "p50", "p90", "p95", "p99", "p999", "latency percentile", "tail latency", "5xx", "4xx",
    "bad gateway", "gateway timeout", "internal server error", "connection pool", "deadlock",
    "replica lag", "replication lag", "primary database", "database failover", "failover",
    "shard", "sharding", "postgres", "postgresql", "mysql", "redis", "mongodb", "cassandra",
    "elasticsearch", "kafka", "rabbitmq", "sqs", "queue depth", "consumer lag", "kubernetes",
    "k8s", "pod", "pods", "docker", "helm chart", "node pool", "oom", "oomkilled",
    "out of memory", "cpu", "memory pressure", "load balancer", "rollback", "rolled back",
    "hotfix", "cache invalidation", "ingress", "tls handshake", "cron job", "lambda", "ec2",
    "s3 bucket", "rds", "eks", "gke", "bigquery", "terraform", "config map", "circuit breaker",
    "thread pool", "gc pause", "garbage collection", "heap", "canary", "stack trace", "upstream",
    "downstream service", "microservice", "nginx", "haproxy", "etcd", "zookeeper",
)  # fmt: skip
_HTTP_STATUS = re.compile(
    r"\bHTTP[ /]?\d{3}\b|\b[45]\d\d (?:errors?|responses?|status(?: codes?)?)\b", re.IGNORECASE
)
_DEPLOY_HASH = re.compile(
    r"\b(?:commit|deploy|build|sha|rev|revision|release)\s+#?[0-9a-f]{7,40}\b|"
    r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,40}\b",
    re.IGNORECASE,
)
_TICKET = re.compile(
    r"\b(?!(?:COVID|ISO|UTF|SHA|RFC|TLS|SSL|SOC|PCI|WCAG|CVE|GDPR|HIPAA|IPV|MP|AES|RSA|ECDSA)-)"
    r"[A-Z][A-Z0-9]{1,9}-\d{1,6}\b"
)
_FIXED = re.compile(
    r"\b(?:fixed|resolved|back to normal|fully restored|fully operational|all systems operational)\b",
    re.IGNORECASE,
)
_NOT_YET = re.compile(
    r"(?:\bnot\b|n't\b|\byet\b|\bonce\b|\buntil\b|\bwhen\b|\bbefore\b|\bif\b|\bwill be\b|"
    r"\bto be\b|\bbe\b|\bget\b|\bgets\b|\bbeing\b|\bhas been identified\b)[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
_TIME = r"(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|utc|gmt|[a-z]{2,4}t)?|noon|midnight)"
_SPAN = (
    r"(?:(?:the next |an? |one |two |three |a few |few |half an? |\d+\s*)"
    r"(?:minutes?|hours?|mins?|hrs?)|the hour|(?:the )?end of (?:the )?day|tonight|today|tomorrow)"
)
_ETA = re.compile(
    r"\b(?:fix(?:ed)?|resolv(?:e|ed)|restor(?:e|ed)|back(?: online| up| to normal)?|"
    r"recover(?:ed|y)?|working (?:again|normally)|available again|operational(?: again)?|"
    r"up and running|normal service)\b[^.!?\n]{0,40}?\b(?:by|within|in|before|around|at)\s+"
    rf"(?:about |around |approximately |roughly |under )?(?:{_TIME}|{_SPAN})\b|\bETA\b",
    re.IGNORECASE,
)
_NEXT_UPDATE = re.compile(
    r"\b(?:next update|further update|another update|more updates?|update (?:this page|you|again)|"
    r"post an update|provide (?:an |another |more )?updates?|more information|hear from us|"
    r"updates? every|next report|will update)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.h]([0-5]\d)\b")
_VAGUE = re.compile(
    r"\b(?:we are|we're) (?:currently )?(?:aware of|looking into|investigating) "
    r"(?:a|an|the|this|some)? ?(?:situation|issue|problem|incident|matter|reports?)\b",
    re.IGNORECASE,
)
_IMPACT = re.compile(
    r"\b(?:customers?|users?|you|your|unable|cannot|can't|fail\w*|errors?|slow\w*|delay\w*|"
    r"unavailable|affect\w*|down|outage|not working|timeouts?|missing|late|log ?in|sign ?in|"
    r"payments?|orders?|checkout|emails?|api|dashboard|website|app)\b",
    re.IGNORECASE,
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "we",
        "is",
        "are",
        "to",
        "of",
        "our",
        "for",
        "will",
        "be",
        "in",
        "on",
        "this",
        "that",
        "with",
        "you",
        "it",
        "some",
    ]
)
#: Function words of the other languages status pages are most often written in.
_OTHER_LANGUAGE = frozenset(
    [
        "und",
        "der",
        "die",
        "das",
        "wir",
        "ist",
        "nicht",
        "sich",
        "ein",
        "eine",
        "bis",
        "mit",
        "le",
        "la",
        "les",
        "des",
        "et",
        "est",
        "nous",
        "une",
        "sur",
        "pour",
        "dans",
        "el",
        "los",
        "las",
        "y",
        "es",
        "estamos",
        "una",
        "para",
        "por",
        "del",
        "al",
        "con",
        "il",
        "di",
        "che",
        "siamo",
        "een",
        "het",
        "wij",
        "zijn",
        "niet",
        "och",
        "att",
        "vi",
        "är",
        "inte",
    ]
)
_TOKEN = re.compile(r"\w+")
#: Cheap substring tests that must pass before an expensive pattern runs at all.
_HOST_HINTS = ("localhost", ".internal", ".local", ".lan", ".intranet", ".corp")
_STACK_HINTS = (
    "Traceback",
    'File "',
    "Exception",
    "Error",
    "goroutine",
    "panic:",
    "SIGSEGV",
    "segmentation",
    ".java:",
    ".kt:",
    ".scala:",
    ".cs:",
    ".js:",
    ".ts:",
)
_SECRET_HINTS = (
    "AKIA",
    "ASIA",
    "earer",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat",
    "xox",
    "BEGIN",
    "@",
    "eyJ",
    "sk_live",
    "AIza",
)
_SECRET_WORDS = ("api_key", "api-key", "apikey", "secret", "password", "passwd", "token")
_AZURE_REGIONS = frozenset(
    [
        "eastus",
        "eastus2",
        "westus",
        "westus2",
        "westus3",
        "centralus",
        "northcentralus",
        "southcentralus",
        "westcentralus",
        "northeurope",
        "westeurope",
        "uksouth",
        "ukwest",
        "francecentral",
        "germanywestcentral",
        "swedencentral",
        "switzerlandnorth",
        "norwayeast",
        "eastasia",
        "southeastasia",
        "japaneast",
        "japanwest",
        "australiaeast",
        "australiasoutheast",
        "brazilsouth",
        "canadacentral",
        "canadaeast",
        "centralindia",
        "southindia",
        "koreacentral",
        "southafricanorth",
        "uaenorth",
    ]
)


def _any_of(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One search for "does any of these substrings occur": C speed instead of a loop."""
    return re.compile("|".join(map(re.escape, hints)))


_HOST_HINT = _any_of(_HOST_HINTS)
_STACK_HINT = _any_of(_STACK_HINTS)
_SECRET_HINT = _any_of(_SECRET_HINTS)
_SECRET_WORD = _any_of(_SECRET_WORDS)
#: a hex-looking word of 7+ characters: the only texts where a commit id can hide
_HEX_WORD = re.compile(r"(?<!\w)[0-9a-f]{7,}(?!\w)")
_DIGIT_DOT = re.compile(r"\d\.\d")


ERRORS = {
    "language/internal-host",
    "language/ip-address",
    "language/internal-url",
    "language/region-code",
    "language/stack-trace",
    "language/secret",
    "language/connection-string",
    "language/placeholder",
    "language/internal-component",
}


@dataclass(frozen=True)
class Finding:
    rule: str
    start: int  # offset in the text
    message: str

    @property
    def level(self) -> Level:
        return Level.ERROR if self.rule in ERRORS else Level.WARNING


@dataclass(frozen=True)
class TextContext:
    """What a rule needs to know about one text besides its words."""

    settings: Settings = field(default_factory=Settings)
    is_update_body: bool = False
    final: bool = False
    maintenance: bool = False
    next_update: datetime | None = None
    eta_approved: bool = False
    internal_component_names: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def _jargon_pattern(extra: tuple[str, ...], allowed: tuple[str, ...]) -> re.Pattern[str] | None:
    terms = _jargon_terms(extra, allowed)
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=32)
def _jargon_terms(extra: tuple[str, ...], allowed: tuple[str, ...]) -> frozenset[str]:
    return frozenset({t.lower() for t in (*JARGON_TERMS, *extra)} - {a.lower() for a in allowed})


@lru_cache(maxsize=32)
def _jargon_prefilter(
    extra: tuple[str, ...], allowed: tuple[str, ...]
) -> tuple[frozenset[str], tuple[str, ...]]:
    """(single-word terms, multi-word terms): a text can only match if it holds one."""
    terms = _jargon_terms(extra, allowed)
    single = frozenset(t for t in terms if _TOKEN.fullmatch(t))
    return single, tuple(t for t in terms if t not in single)


@lru_cache(maxsize=32)
def _internal_domains_pattern(domains: tuple[str, ...]) -> re.Pattern[str] | None:
    if not domains:
        return None
    alternatives = "|".join(re.escape(d.lower().lstrip(".")) for d in domains)
    return re.compile(rf"\b(?:[a-z0-9-]+\.)*(?:{alternatives})\b", re.IGNORECASE)


def is_english(text: str, tokens: Sequence[str] | None = None) -> bool:
    """A rough check: English prose is full of English function words, other languages of
    their own."""
    words = tokens if tokens is not None else _TOKEN.findall(text.lower())
    english = sum(1 for w in words if w in _ENGLISH)
    other = sum(1 for w in words if w in _OTHER_LANGUAGE)
    return english >= other


def _sentence_around(text: str, start: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("!", 0, start))
    right_candidates = [i for i in (text.find(".", start), text.find("\n", start)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    # A "." inside a time such as 10.30 is not a sentence end; close enough for our use.
    return text[left + 1 : right]


def _times_of(value: datetime, zone_name: str) -> set[tuple[int, int]]:
    utc = value.astimezone(timezone.utc)
    local = value.astimezone(zone(zone_name))
    return {(utc.hour, utc.minute), (local.hour, local.minute)}


def lint_text(text: str, context: TextContext) -> list[Finding]:
    """Every language finding in one customer-facing text, in order of position."""
    found: list[Finding] = []
    settings = context.settings

    def add(rule: str, match: re.Match[str], message: str) -> None:
        found.append(Finding(rule, match.start(), message))

    lowered = text.lower()
    tokens = _TOKEN.findall(lowered)
    words = frozenset(tokens)
    for m in _PLACEHOLDER.finditer(text) if "[[" in text else ():
        add(
            "language/placeholder",
            m,
            f"replace the template placeholder {m.group(0)} with words for customers",
        )
    custom = _internal_domains_pattern(settings.internal_domains)
    if not any(d.lower() in lowered for d in settings.internal_domains):
        custom = None
    host = _INTERNAL_HOST if _HOST_HINT.search(lowered) else None
    for pattern in (host, custom):
        for m in pattern.finditer(text) if pattern else ():
            add(
                "language/internal-host",
                m,
                f"'{m.group(0)}' is an internal hostname; name the service as customers know it",
            )
    for m in _TOOL_URL.finditer(text) if "://" in text else ():
        add(
            "language/internal-url",
            m,
            f"'{m.group(0)}' links to an internal tool customers cannot open; remove it",
        )
    for m in _IPV4.finditer(text) if _DIGIT_DOT.search(text) else ():
        address = m.group(0).split("/")[0]
        if all(int(part) <= 255 for part in address.split(".")):
            add(
                "language/ip-address",
                m,
                f"'{m.group(0)}' is an IP address; describe the affected service instead",
            )
    for m in _IPV6_CANDIDATE.finditer(text) if text.count(":") >= 2 else ():
        try:
            ipaddress.IPv6Address(m.group(0))
        except ValueError:
            continue
        add(
            "language/ip-address",
            m,
            f"'{m.group(0)}' is an IP address; describe the affected service instead",
        )
    for m in _REGION.finditer(text) if "-" in text or words & _AZURE_REGIONS else ():
        add(
            "language/region-code",
            m,
            f"'{m.group(0)}' is a cloud region code; say the region in words, such as 'US East'",
        )
    for m in _STACK_TRACE.finditer(text) if _STACK_HINT.search(text) else ():
        add(
            "language/stack-trace",
            m,
            f"'{m.group(0).strip()}' is from a stack trace or exception; describe what customers see",
        )
    secret_hint = _SECRET_HINT.search(text) or _SECRET_WORD.search(lowered)
    for m in _SECRET.finditer(text) if secret_hint else ():
        add(
            "language/secret",
            m,
            "this looks like a secret, token or credential; remove it now and rotate it",
        )
    for m in _CONNECTION_STRING.finditer(text) if "://" in text or "=" in text else ():
        add(
            "language/connection-string",
            m,
            "this is a connection string; remove it and describe the affected service",
        )
    for name in context.internal_component_names:
        if name.lower() not in lowered:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lowered):
            add(
                "language/internal-component",
                m,
                f"'{name}' is an internal-only component; describe the customer-facing impact instead",
            )

    jargon = _jargon_pattern(settings.jargon, settings.allowed_words)
    single, multi = _jargon_prefilter(settings.jargon, settings.allowed_words)
    if not (words & single or any(t in lowered for t in multi)):
        jargon = None
    for m in jargon.finditer(text) if jargon else ():
        add(
            "language/jargon",
            m,
            f"'{m.group(0)}' is engineering jargon; say what customers see (slow pages, failed payments)",
        )
    http_hint = "http" in lowered or bool(
        words & {"error", "errors", "response", "responses", "status"}
    )
    for m in _HTTP_STATUS.finditer(text) if http_hint else ():
        if m.group(0).lower() not in settings.allowed_words:
            add(
                "language/jargon",
                m,
                f"'{m.group(0)}' is an HTTP status code; say 'some requests fail' instead",
            )
    hex_hint = _HEX_WORD.search(lowered)
    for m in _DEPLOY_HASH.finditer(text) if hex_hint else ():
        add(
            "language/jargon",
            m,
            f"'{m.group(0)}' looks like a deploy or commit id; customers cannot use it",
        )
    for m in _TICKET.finditer(text) if "-" in text else ():
        if m.group(0).lower() not in settings.allowed_words:
            add("language/jargon", m, f"'{m.group(0)}' looks like an internal ticket id; remove it")

    english = settings.language.lower().startswith("en") and is_english(text, tokens)
    if context.is_update_body and not context.final and english:
        for m in _FIXED.finditer(text):
            if not _NOT_YET.search(text[max(0, m.start() - 40) : m.start()]):
                add(
                    "language/fixed-wording",
                    m,
                    f"'{m.group(0)}' in an update that is not final; say what has changed, and keep 'resolved' for the final update",
                )
        if not context.maintenance and not context.eta_approved:
            for m in _ETA.finditer(text):
                if (
                    _NEXT_UPDATE.search(_sentence_around(text, m.start()))
                    and "update" in m.group(0).lower()
                ):
                    continue
                add(
                    "language/eta",
                    m,
                    "this promises when the problem will be fixed; a missed promise costs trust. Remove it, or add 'eta_approved_by: <name>' if it was approved",
                )
    if context.is_update_body and not context.final and context.next_update is not None:
        wanted = _times_of(context.next_update, settings.timezone)
        clocks = [(int(m.group(1)), int(m.group(2)), m) for m in _CLOCK.finditer(text)]
        if any((h, mi) in wanted for h, mi, _ in clocks):
            pass  # the promised time is in the text, in whatever language
        elif english:
            mention = _NEXT_UPDATE.search(text)
            if mention is None:
                found.append(
                    Finding(
                        "language/next-update",
                        len(text.rstrip()),
                        "say when the next update comes, such as 'We will post the next update by 10:45 UTC.'",
                    )
                )
            else:
                sentence = _sentence_around(text, mention.start())
                stated = [(h, mi) for h, mi, _ in clocks if f"{h}" in sentence]
                if stated:
                    when = sorted(wanted)[0]
                    found.append(
                        Finding(
                            "language/next-update",
                            mention.start(),
                            f"the text promises the next update at {stated[0][0]:02d}:{stated[0][1]:02d}, but next_update says {when[0]:02d}:{when[1]:02d}; make them agree",
                        )
                    )
    if context.is_update_body and english:
        for m in _VAGUE.finditer(text):
            if not _IMPACT.search(text):
                add(
                    "language/vague",
                    m,
                    "say what customers see and who is affected, not only that something is happening",
                )
    return sorted(found, key=lambda f: (f.start, f.rule))


# -- applying the rules to a site ----------------------------------------------------------


def _position(text: str, offset: int, first_line: int, first_col: int = 1) -> Position:
    line = text.count("\n", 0, offset)
    if line == 0:
        return Position(first_line, first_col + offset)
    return Position(first_line + line, offset - text.rfind("\n", 0, offset))


def _field_position(source: Source, key: str) -> tuple[int, int]:
    pos = source.at(key)
    return pos.line, pos.col + len(key) + 2


def _diagnostics(
    path: str, text: str, context: TextContext, first_line: int, first_col: int = 1
) -> Iterator[Diagnostic]:
    for finding in lint_text(text, context):
        pos = _position(text, finding.start, first_line, first_col)
        yield Diagnostic(path, pos.line, pos.col, finding.level, finding.rule, finding.message)


def _update_texts(incident: Incident, update: Update, base: TextContext) -> Iterator[Diagnostic]:
    source = update.source
    context = TextContext(
        settings=base.settings,
        is_update_body=True,
        final=update.is_final,
        maintenance=incident.kind is Kind.MAINTENANCE,
        next_update=update.next_update,
        eta_approved=update.eta_approved_by is not None,
        internal_component_names=base.internal_component_names,
    )
    yield from _diagnostics(source.path, update.body, context, source.body_line)
    if update.erratum:
        line, col = _field_position(source, "erratum")
        yield from _diagnostics(source.path, update.erratum, base, line, col)


def _document_texts(
    source: Source, key: str, value: str, body: str, base: TextContext
) -> Iterator[Diagnostic]:
    """A header's one-line text (a name or title) and its Markdown body."""
    line, col = _field_position(source, key)
    yield from _diagnostics(source.path, value, base, line, col)
    if body:
        yield from _diagnostics(source.path, body, base, source.body_line)


#: Below this many incidents, linting in one process is faster than starting another.
PARALLEL_THRESHOLD = 400


def _base_context(site: StatusSite) -> TextContext:
    internal_names = tuple(c.name for c in site.components if c.audience is Audience.INTERNAL)
    return TextContext(settings=site.settings, internal_component_names=internal_names)


def component_language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """The words of the public components' names and descriptions."""
    del now
    base = _base_context(site)
    for component in site.components:
        if component.audience is not Audience.INTERNAL:
            yield from _document_texts(
                component.source, "name", component.name, component.description, base
            )


def incident_language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    """The words of every public incident title, summary and update, each on its own."""
    del now
    base = _base_context(site)

    def lint_share(incidents: Sequence[Incident]) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for incident in incidents:
            if incident.audience is Audience.INTERNAL:
                continue
            found.extend(
                _document_texts(incident.source, "title", incident.title, incident.summary, base)
            )
            for update in incident.updates:
                if update.audience is Audience.PUBLIC:
                    found.extend(_update_texts(incident, update, base))
        return found

    for share in fork_map(lint_share, site.incidents, PARALLEL_THRESHOLD):
        yield from share


def language_violations(site: StatusSite, now: datetime) -> Iterator[Diagnostic]:
    yield from component_language_violations(site, now)
    yield from incident_language_violations(site, now)
