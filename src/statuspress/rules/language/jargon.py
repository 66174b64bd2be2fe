"""``language/jargon``: words for how our systems work inside, where customers need what
they see. A hybrid list: curated internal-mechanism terms (never plain verbs customers use,
such as "rolled back", "failover" or "back to normal"), minus the site's own vocabulary
(its components' names and descriptions), its ``allowed_words`` and, for a developer
product (``language_audience: developers``), the terms its readers use themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from statuspress.rules.language import patterns as p
from statuspress.rules.language.rule import Hit
from statuspress.rules.language.text import Text

DATA = "saving or loading your data is slow or failing"
TASKS = "some tasks are delayed"
REQUESTS = "some requests fail or pages load slowly"
CAPACITY = "our systems ran short of capacity"
REACH = "some customers cannot reach our service"
PROVIDER = "a service we rely on has a problem"
CHANGE = "we are undoing a recent change"

#: (what customers would rather read, the terms that call for it)
TERM_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (DATA, (
        "replica", "read replica", "replication", "replication lag", "replica lag",
        "primary database", "database primary", "database cluster", "db cluster",
        "database node", "database shard", "shard", "sharding", "hot partition",
        "network partition", "lock contention", "table lock", "deadlock", "connection pool",
        "schema migration", "index rebuild", "autovacuum", "query planner", "postgres",
        "postgresql", "mysql", "mongodb", "cassandra", "redis", "elasticsearch", "dynamodb",
        "memcached", "etcd", "zookeeper", "leader election", "quorum", "split brain",
        "write amplification", "compaction", "storage node", "data node",
    )),
    (TASKS, (
        "message queue", "job queue", "task queue", "queue depth", "queue backlog",
        "dead letter queue", "queue consumer", "consumer lag", "consumer group", "kafka",
        "rabbitmq", "sqs", "pubsub", "worker pool", "worker fleet", "worker node",
        "worker process", "background worker", "job runner", "cron job", "sidekiq",
    )),
    (REQUESTS, (
        "p50", "p90", "p95", "p99", "p999", "tail latency", "latency percentile", "5xx", "4xx",
        "bad gateway", "gateway timeout", "internal server error", "load balancer", "ingress",
        "reverse proxy", "nginx", "haproxy", "envoy", "service mesh", "sidecar",
        "circuit breaker", "thread pool", "rate limiter", "tls handshake", "origin server",
        "cache invalidation", "cache node", "cache cluster", "microservice", "control plane",
        "data plane",
    )),
    (CAPACITY, (
        "oom", "oomkilled", "out of memory", "memory leak", "memory pressure", "cpu",
        "cpu throttling", "gc pause", "garbage collection", "heap", "file descriptor",
        "port exhaustion", "snat", "disk i/o", "iops", "kernel", "kernel bug", "kernel panic",
        "live migration", "hypervisor", "host node", "compute node", "node pool",
        "kubernetes", "k8s", "pod", "docker", "helm chart", "config map", "terraform",
    )),
    (REACH, (
        "dns resolver", "dns resolution", "recursive resolver", "authoritative nameserver",
        "nameserver", "ttl", "zone file", "nxdomain", "servfail", "anycast", "bgp",
        "route leak", "bgp route", "peering link",
    )),
    (PROVIDER, ("ec2", "rds", "s3 bucket", "lambda", "eks", "gke", "bigquery", "cloud sql")),
    (CHANGE, ("hotfix", "canary", "feature flag", "stack trace")),
)  # fmt: skip

#: What developers reading a developer product's page use themselves.
DEVELOPER_TERMS = frozenset((
    "p50", "p90", "p95", "p99", "p999", "5xx", "4xx", "bad gateway", "gateway timeout",
    "internal server error", "load balancer", "ingress", "tls handshake", "rate limiter",
    "kubernetes", "k8s", "pod", "docker", "helm chart", "node pool", "terraform", "ttl",
    "nameserver", "dns resolution", "ec2", "rds", "s3 bucket", "lambda", "eks", "gke",
    "bigquery", "cloud sql", "postgres", "postgresql", "mysql", "mongodb", "redis",
    "elasticsearch", "kafka", "rabbitmq", "sqs", "cpu", "cron job", "feature flag",
    "stack trace", "memcached", "cassandra", "dynamodb", "etcd", "canary",
))  # fmt: skip
ALTERNATIVE = {term: say for say, terms in TERM_GROUPS for term in terms}
JARGON_TERMS: tuple[str, ...] = tuple(ALTERNATIVE)


def vocabulary_allows(term: str, vocabulary: str) -> bool:
    """Whether the site's own words (lowered) hold ``term`` as a word or phrase (a plural
    in ``s`` or ``es`` counts), with no letter, digit, ``_`` or ``-`` either side."""
    return re.search(rf"(?<![\w-]){re.escape(term)}(?:e?s)?(?![\w-])", vocabulary) is not None


#: Where a word of the site's vocabulary starts: a run of word characters with no word
#: character or hyphen before it (where ``vocabulary_allows`` can find a term).
_WORD_START = re.compile(r"(?<![\w-])\w+")
_FIRST_WORD = re.compile(r"\w+")


class _Vocabulary:
    """The site's own words read once: where each word starts, so that whether a term
    is among them is a look-up and a comparison at those places, not a search of the
    whole vocabulary for each term. Answers as ``vocabulary_allows`` does."""

    def __init__(self, vocabulary: str) -> None:
        self.text = vocabulary
        self.starts: dict[str, list[int]] = {}
        for m in _WORD_START.finditer(vocabulary):
            self.starts.setdefault(m.group(0), []).append(m.start())

    def allows(self, term: str) -> bool:
        first = _FIRST_WORD.match(term)
        if first is None:  # (a term that starts with no word character: rare, searched)
            return vocabulary_allows(term, self.text)
        word = first.group(0)
        # After its first word a longer term goes on with a character that ends a word,
        # so there the vocabulary's word is that first word exactly.
        words = (word, f"{word}s", f"{word}es") if word == term else (word,)
        return any(self._at(term, at) for w in words for at in self.starts.get(w, ()))

    def _at(self, term: str, at: int) -> bool:
        text = self.text
        if not text.startswith(term, at):
            return False
        end = at + len(term)
        return any(
            text.startswith(plural, end) and _ends_word(text, end + len(plural))
            for plural in ("es", "s", "")
        )


def _ends_word(text: str, at: int) -> bool:
    """Whether ``at`` is the end of the text or holds no letter, digit, ``_`` or ``-``."""
    return at == len(text) or not (text[at].isalnum() or text[at] in "_-")


@lru_cache(maxsize=32)
def terms_for(
    extra: tuple[str, ...], allowed: tuple[str, ...], vocabulary: tuple[str, ...], developers: bool
) -> frozenset[str]:
    """The terms to flag on one site (worked out once for each site)."""
    words = _Vocabulary(" | ".join(vocabulary).lower())
    skip = {a.lower() for a in allowed} | (DEVELOPER_TERMS if developers else set())
    terms = {t.lower() for t in (*JARGON_TERMS, *extra)} - skip
    return frozenset(t for t in terms if not words.allows(t))


class _Terms:
    """One site's terms: the pattern that finds them, and the words a text must hold for
    the pattern to find anything (set look-ups, so most texts are passed at once)."""

    def __init__(self, terms: frozenset[str]) -> None:
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE)
        single: set[str] = set()
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for term in terms:
            *rest, last = p.TOKEN.findall(term) or [term]
            forms = (last, f"{last}s", f"{last}es")
            if not rest:
                single.update(forms)
            for form in forms if rest else ():
                self.by_last.setdefault(form, []).append(tuple(rest))
        self.single = frozenset(single)
        self.lasts = frozenset(self.by_last)

    def may_occur_in(self, words: frozenset[str]) -> bool:
        if not words.isdisjoint(self.single):
            return True
        return any(
            all(w in words for w in rest)
            for last in words & self.lasts
            for rest in self.by_last[last]
        )


@lru_cache(maxsize=32)
def _terms(terms: frozenset[str]) -> _Terms:
    return _Terms(terms)


def is_developer_site(text: Text) -> bool:
    return text.settings.language_audience == "developers"


def jargon_terms(text: Text) -> Iterator[Hit]:
    settings = text.settings
    terms = terms_for(
        settings.jargon, settings.allowed_words, text.context.vocabulary, is_developer_site(text)
    )
    if not terms:
        return
    found = _terms(terms)
    if found.may_occur_in(text.words):
        for m in found.pattern.finditer(text.raw):
            yield Hit(m.start(), (m.group(0), _alternative(m.group(0))))


def _alternative(found: str) -> str:
    word = found.lower()
    for form in (word, word[:-1], word[:-2]):
        if form in ALTERNATIVE:
            return ALTERNATIVE[form]
    return "what customers see, such as slow pages or failed payments"


_STATUS_WORDS = frozenset({"error", "errors", "response", "responses", "status", "code", "codes"})


def http_statuses(text: Text) -> Iterator[Hit]:
    if is_developer_site(text):
        return
    if "http" in text.lowered or text.words & _STATUS_WORDS:
        for m in p.HTTP_STATUS.finditer(text.raw):
            if m.group(0).lower() not in text.settings.allowed_words:
                yield Hit(m.start(), (m.group(0),))
