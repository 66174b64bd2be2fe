"""``language/vague``: an update that tells customers nothing new, whatever its phrasing
("We are continuing to investigate.", "We don't have any news to share.").

An update is judged by what it says, not by how: a sentence carries information when it
names what customers see (a symptom: failing, slow, delayed, cannot), what is affected (a
feature, or one of the site's own component names), who is affected (customers in a
region or on a plan), a fact of progress (the cause is identified, a fix is deployed,
recovery, a workaround, a provider named) or a number. Progress wished for or waited for
("working to resolve this", "once it is resolved") is no fact. A next-update promise, an
apology and thanks are welcome but carry none. An update none of whose sentences carries information is filler.
English text only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from statuspress.rules.language.promises import NEXT_UPDATE
from statuspress.rules.language.rule import Hit
from statuspress.rules.language.text import Text

SYMPTOM = (
    r"fail\w*|errors?|erroring|slow\w*|delay\w*|unable|cannot|can't|can\snot|could\s?n[o']t"
    r"|not\s(?:be\s)?(?:able|load\w*|work\w*|receiv\w*|send\w*|see\w*|show\w*|available"
    r"|reachable|accessible|connect\w*|sync\w*|updat\w*|deliver\w*|process\w*|apply\w*"
    r"|sav\w*|open\w*|start\w*|run\w*|sent)|stopp\w*|out\sof\sdate|stale|behind|late|again"
    r"|tim(?:ing|ed)\sout|time\s?outs?|unavailable|unreachable|inaccessible|down|offline"
    r"|missing|lost|duplicat\w*|stuck|hang\w*|crash\w*|blank|wrong|incorrect|intermittent\w*"
    r"|latency|lag\w*|disconnect\w*|dropp\w*|declin\w*|reject\w*|bounc\w*|expired|retry\w*"
    r"|retries|backlog|queued|partial\w*|outage\sof|trouble\s\w+ing"
)
FEATURE = (
    r"log\s?-?ins?|logging\sin|sign\s?-?ins?|signing\sin|authenticat\w*|payments?|checkout"
    r"|orders?|invoices?|billing|charges?|cards?|refunds?|payouts?|subscriptions?|e-?mails?"
    r"|notifications?|messages?|messaging|uploads?|downloads?|files?|images?|videos?|calls?"
    r"|meetings?|webinars?|voice|sms|texts?|api|apis|webhooks?|dashboards?|website|site|pages?"
    r"|apps?|mobile|desktop|search|builds?|deployments?|pipelines?|workflows?|jobs?"
    r"|repositor(?:y|ies)|git|push(?:es)?|pull\srequests?|exports?|imports?"
    r"|backups?|storage|domains?|certificates?|accounts?|passwords?|verification|2fa|codes?"
    r"|transactions?|transfers?|chat|threads?|channels?|streams?|streaming|logs?|metrics"
    r"|alerts?|traces?|events?|data|settings|integrations?|plugins?|editor|documents?"
    r"|projects?|tickets?|phones?|connectivity|network\w*|dns|cdn|servers?|databases?"
    r"|regions?|features?|requests?|queries|tasks?|runs?|sessions?|connections?|traffic"
)
PROGRESS = (
    r"identified|know\swhy|found|understand\w*|caus\w*|because|due\sto|fix(?:ed|es)?|deploy(?:ed|ing)|roll(?:ed|ing)\s(?:out|back)"
    r"|revert\w*|recover\w*|restor\w*|resolv\w*|mitigat\w*|improv\w*|stabili[sz]\w*|workaround"
    r"|instead|switch\w*|moved|implemented|applied|patch\w*|reduc\w*|increas\w*|return\w*"
    r"|normal\w*|operational|scal\w*|providers?|third[-\s]part(?:y|ies)|partners?|upstream|complete\w*"
    r"|restart\w*|reboot\w*|started|begun|under\s?way|in\sprogress|rescheduled|postponed|finished|healthy|catching\sup"
)
WHO = (
    r"(?:customers|users|accounts|teams|merchants|organi[sz]ations|workspaces)\s(?:in|on|using|with"
    r"|who|whose|of)|europe|asia|americas|australia|japan|india|brazil|canada|germany|france"
    r"|(?:east|west|north|south|central)\s\w+\sregion"
)
#: Places written in capitals ("US", not the "us" of "with us").
PLACES = r"(?-i:US|EU|UK|APAC|EMEA|LATAM)"
INFORMATION = rf"\b(?:{SYMPTOM}|{FEATURE}|(?P<progress>{PROGRESS})|{WHO}|{PLACES})\b|\d"
#: What makes a progress word a wish or a condition rather than a fact when it stands
#: shortly before it in the sentence: "working to resolve", "once it is restored", "when
#: it is fixed", "we hope to have this resolved", "we expect recovery".
#: ("to" only right before it, or before "have"/"get" and two words: "back to normal" and
#: "returned to normal" are facts.)
NOT_A_FACT = re.compile(
    r"(?:(?<!\bback\s)(?<!\breturned\s)\bto\s(?:(?:have|get)\s(?:\w+\s){0,2})?"
    r"|\b(?:once|when|until|till|if|as\ssoon\sas|hop(?:e|es|ing)|expect\w*|aim\w*|plan\w*)\b"
    r"[^.!?]{0,30})$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _information() -> re.Pattern[str]:
    """Compiled on first use: most updates are judged by INFORMATION_WORDS alone."""
    return re.compile(INFORMATION, re.IGNORECASE)


_NUMBER = re.compile(r"\d")
#: Common words INFORMATION always matches, looked up in a text's set of words first
#: (symptoms and features: a progress word is news only where it states a fact).
INFORMATION_WORDS = frozenset((
    "fail", "fails", "failed", "failing", "failure", "failures", "error", "errors", "slow",
    "slower", "slowly", "slowness", "delay", "delays", "delayed", "unable", "cannot",
    "unavailable", "unreachable", "offline", "missing", "lost", "stuck", "timeout", "timeouts",
    "late", "latency", "intermittent", "intermittently", "payment", "payments", "checkout",
    "order", "orders", "invoice", "invoices", "billing", "card", "cards", "email", "emails",
    "notification", "notifications", "message", "messages", "upload", "uploads", "download",
    "downloads", "file", "files", "api", "webhook", "webhooks", "dashboard", "dashboards",
    "website", "site", "page", "pages", "app", "apps", "mobile", "search", "build", "builds",
    "deployment", "deployments", "login", "logins", "signin", "export", "exports", "import",
    "imports", "account", "accounts", "password", "passwords", "sms", "calls", "meetings",
    "again", "europe", "asia",
))  # fmt: skip


#: Common progress words INFORMATION matches: facts unless NOT_A_FACT stands before them.
PROGRESS_WORDS = frozenset((
    "identified", "cause", "caused", "because", "found", "fix", "fixed", "deployed",
    "recovered", "recovering", "recovery", "restored", "restoring", "resolved", "resolving",
    "mitigated", "improving", "improved", "workaround", "normal", "normally", "operational",
    "provider", "completed", "complete", "started",
))  # fmt: skip
#: The words NOT_A_FACT needs (and how the rest of them begin).
_WISH_WORDS = frozenset(("to", "once", "when", "until", "till", "if", "soon", "hope", "hopes",
                         "hoping"))  # fmt: skip
_WISH_STARTS = ("expect", "aim", "plan")


def _states_progress(text: Text) -> bool:
    """An ASCII text with a progress word and none of the words that make progress a
    wish: then that word is a fact, and the text is news (found with set look-ups)."""
    words = text.words
    return (
        not words.isdisjoint(PROGRESS_WORDS)
        and words.isdisjoint(_WISH_WORDS)
        and text.raw.isascii()
        and not any(w.startswith(_WISH_STARTS) for w in words)
    )


@lru_cache(maxsize=32)
def _vocabulary(vocabulary: tuple[str, ...]) -> re.Pattern[str] | None:
    """The site's own names (its components'), which name what is affected."""
    names = {v.strip().lower() for v in vocabulary if v.strip()}
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _informative(text: Text, start: int, end: int, names: re.Pattern[str] | None) -> bool:
    raw = text.raw
    promise = NEXT_UPDATE.search(raw, start, end) is not None
    for m in _information().finditer(raw, start, end):
        if promise and _NUMBER.fullmatch(m.group(0)):
            continue  # a number in a next-update promise is its time, not news
        if m.group("progress") and NOT_A_FACT.search(raw, max(start, m.start() - 40), m.start()):
            continue  # "once it is resolved": progress hoped for, not made
        return True
    return names is not None and names.search(raw, start, end) is not None


#: Filler is a judgement about an update of a few sentences; a longer text says something.
LONGEST_FILLER = 2_000


def vague_words(text: Text) -> Iterator[Hit]:
    if len(text.raw) > LONGEST_FILLER or "[[" in text.raw:
        return  # (a template's placeholder stands for the information still to come)
    if not (text.is_open_update and text.english):
        return  # (a final update's status says what changed: the problem is over)
    if not text.words.isdisjoint(INFORMATION_WORDS) or _states_progress(text):
        return  # the quick answer for most updates: a word that always carries information
    names = _vocabulary(text.context.component_names)
    sentences = text.sentences
    if not sentences or any(_informative(text, s, e, names) for s, e in sentences):
        return
    start, end = sentences[0]
    said = text.raw[start:end].strip()
    yield Hit(start + (len(text.raw[start:end]) - len(text.raw[start:end].lstrip())),
              (said if len(said) <= 70 else said[:67] + "...",))  # fmt: skip
