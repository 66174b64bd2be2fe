"""Errors: text customers must never see (internal hostnames, addresses, region codes,
stack traces, secrets, connection strings, template placeholders, internal component
names).

Each rule is one ``Rule`` in ``RULES`` below, with its finder just above it. Most finders
first make a cheap substring test, so a text without the hint costs one scan.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from statuspress.diagnostics import Level
from statuspress.rules.language import patterns as p
from statuspress.rules.language import scan
from statuspress.rules.language.rule import Hit, Rule
from statuspress.rules.language.text import Text


def _spans(text: Text, spans: Iterator[scan.Span]) -> Iterator[Hit]:
    """A hit at each span, naming the text it covers."""
    return (Hit(start, (text.raw[start:end],)) for start, end in spans)


def _matches(matches: Iterator[re.Match[str]]) -> Iterator[Hit]:
    return (Hit(m.start(), (m.group(0),)) for m in matches)


def placeholders(text: Text) -> Iterator[Hit]:
    if "[[" in text.raw:
        yield from _matches(scan.real_matches(p.PLACEHOLDER, text.raw))


def internal_hosts(text: Text) -> Iterator[Hit]:
    if p.HOST_HINT.search(text.lowered):
        yield from _spans(text, scan.internal_hosts(text.raw))
    domains = text.settings.internal_domains
    if any(d.lower() in text.lowered for d in domains):
        yield from _spans(text, scan.internal_domain_hosts(text.raw, domains))


def internal_urls(text: Text) -> Iterator[Hit]:
    if "://" in text.raw:
        yield from _matches(p.TOOL_URL.finditer(text.raw))


def ip_addresses(text: Text) -> Iterator[Hit]:
    if p.DIGIT_DOT.search(text.raw):
        for m in p.IPV4.finditer(text.raw):
            address = m.group(0).split("/")[0]
            if all(int(part) <= 255 for part in address.split(".")):
                yield Hit(m.start(), (m.group(0),))
    if text.raw.count(":") >= 2:
        for m in p.IPV6_CANDIDATE.finditer(text.raw):
            try:
                ipaddress.IPv6Address(m.group(0))
            except ValueError:
                continue
            yield Hit(m.start(), (m.group(0),))


def region_codes(text: Text) -> Iterator[Hit]:
    if text.settings.language_audience == "developers":
        return  # a developer product's readers choose their region by its code
    if "-" in text.raw or text.words & p.REGION_WORDS:
        # Region codes in any case: matched in the lowered text (a lower-case pattern is
        # much faster than an ignore-case one), whose offsets are the text's own unless
        # lowering changed its length (a few non-Latin letters).
        if len(text.lowered) == len(text.raw):
            found = p.REGION.finditer(text.lowered)
            yield from (Hit(m.start(), (text.raw[m.start() : m.end()],)) for m in found)
        else:
            yield from _matches(p.REGION_ANY_CASE.finditer(text.raw))


def stack_traces(text: Text) -> Iterator[Hit]:
    if p.STACK_HINT.search(text.raw):
        matches = scan.real_matches(p.STACK_TRACE, text.raw)
        yield from (Hit(m.start(), (m.group(0).strip(),)) for m in matches)


def secrets(text: Text) -> Iterator[Hit]:
    if p.SECRET_HINT.search(text.raw) or p.SECRET_WORD.search(text.lowered):
        yield from (Hit(start) for start, _ in scan.secrets(text.raw))


def connection_strings(text: Text) -> Iterator[Hit]:
    if "://" in text.raw or "=" in text.raw:
        yield from (Hit(start) for start, _ in scan.connection_strings(text.raw))


def internal_components(text: Text) -> Iterator[Hit]:
    for name in text.context.internal_component_names:
        if name.lower() not in text.lowered:
            continue
        # Offsets in the lowered text stand for offsets in the text, as they always have.
        for m in re.finditer(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text.lowered):
            yield Hit(m.start(), (name,))


RULES: tuple[Rule, ...] = (
    Rule(
        "language/placeholder",
        Level.ERROR,
        "replace the template placeholder {0} with words for customers",
        placeholders,
    ),
    Rule(
        "language/internal-host",
        Level.ERROR,
        "'{0}' is an internal hostname; name the service as customers know it",
        internal_hosts,
    ),
    Rule(
        "language/internal-url",
        Level.ERROR,
        "'{0}' links to an internal tool customers cannot open; remove it",
        internal_urls,
    ),
    Rule(
        "language/ip-address",
        Level.ERROR,
        "'{0}' is an IP address; describe the affected service instead",
        ip_addresses,
    ),
    Rule(
        "language/region-code",
        Level.ERROR,
        "'{0}' is a cloud region code; say the region in words, such as 'US East'",
        region_codes,
    ),
    Rule(
        "language/stack-trace",
        Level.ERROR,
        "'{0}' is from a stack trace or exception; describe what customers see",
        stack_traces,
    ),
    Rule(
        "language/secret",
        Level.ERROR,
        "this looks like a secret, token or credential; remove it now and rotate it",
        secrets,
    ),
    Rule(
        "language/connection-string",
        Level.ERROR,
        "this is a connection string; remove it and describe the affected service",
        connection_strings,
    ),
    Rule(
        "language/internal-component",
        Level.ERROR,
        "'{0}' is an internal-only component; describe the customer-facing impact instead",
        internal_components,
    ),
)
