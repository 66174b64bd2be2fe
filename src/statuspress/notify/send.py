"""Sending one message: through Apprise (chat services, email) or as the signed webhook.

Channel URLs hold secrets. No message, log line or error here ever shows one: Apprise's
own log is captured instead of printed, and every text that leaves this module passes
``redact`` with the channel's secrets.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from statuspress.errors import UsageError
from statuspress.notify.compose import Message

#: The headers of the webhook (docs/notifications.md shows how to verify them).
SIGNATURE_HEADER = "X-Statuspress-Signature"
TIMESTAMP_HEADER = "X-Statuspress-Timestamp"
DELIVERY_HEADER = "X-Statuspress-Delivery"
USER_AGENT = "statuspress-notify"

_HIDDEN = "***"
_MIN_SECRET = 6  # shorter URL parts (ports, "api", "v1") are no secrets and hide nothing


class SendError(Exception):
    """A message that did not get through; its text is already free of secrets."""


def secret_parts(*values: str | None) -> tuple[str, ...]:
    """Everything in these values (URLs, signing secrets) that must never be shown: each
    whole value, and each part of a URL that may be a credential (user, password, path
    segments, query values), raw and percent-decoded."""
    parts: set[str] = set()
    for value in values:
        if not value:
            continue
        parts.add(value)
        split = urlsplit(value)
        candidates = [split.username or "", split.password or ""]
        candidates += split.path.split("/")
        candidates += [v for _, v in parse_qsl(split.query, keep_blank_values=True)]
        for item in candidates:
            for form in (item, unquote(item)):
                if len(form) >= _MIN_SECRET:
                    parts.add(form)
    return tuple(sorted(parts, key=len, reverse=True))


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced by ``***`` (longest first)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, _HIDDEN)
    return text


@dataclass(frozen=True)
class Apprise:
    """Chat services and email, each configured as one Apprise URL."""

    url: str
    body_format: str  # "markdown" (chat) or "text" (email)
    env_name: str

    def send(self, message: Message) -> None:
        try:
            import apprise
        except ImportError:
            raise UsageError(
                "chat and email channels need Apprise: pip install 'statuspress[notify]'"
            ) from None
        secrets = secret_parts(self.url)
        client = apprise.Apprise(asset=apprise.AppriseAsset(storage_mode="memory"))
        with _captured("apprise") as log:
            if not client.add(self.url):
                raise SendError(
                    f"${self.env_name} holds no URL Apprise understands; see "
                    "https://github.com/caronc/apprise/wiki for the service's URL form"
                )
            sent = client.notify(
                body=message.body, title=message.title, body_format=self.body_format
            )
        if not sent:
            reason = log[-1] if log else "the service did not accept the message"
            raise SendError(redact(reason, secrets))


@dataclass(frozen=True)
class Webhook:
    """Statuspage-shaped JSON, POSTed and signed with HMAC-SHA256."""

    url: str
    secret: str
    timeout: float  # seconds
    clock: Callable[[], float] = time.time

    def send(self, message: Message) -> None:
        secrets = secret_parts(self.url, self.secret)
        for index, body in enumerate(message.payloads):
            stamp = str(int(self.clock()))
            signed = stamp.encode() + b"." + body
            signature = hmac.new(self.secret.encode(), signed, hashlib.sha256).hexdigest()
            request = urllib.request.Request(
                self.url,
                data=body,
                method="POST",
                headers={
                    "Content-Type": "application/json; charset=utf-8",
                    "User-Agent": USER_AGENT,
                    TIMESTAMP_HEADER: stamp,
                    SIGNATURE_HEADER: f"sha256={signature}",
                    DELIVERY_HEADER: delivery_id(message, index),
                },
            )
            try:
                with _OPENER.open(request, timeout=self.timeout) as response:
                    response.read()
            except urllib.error.HTTPError as exc:
                raise SendError(f"the receiver answered HTTP {exc.code}") from None
            except (TimeoutError, OSError, http.client.HTTPException) as exc:
                reason = getattr(exc, "reason", None) or exc
                raise SendError(redact(f"no answer ({reason})", secrets)) from None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a delivery: following it would turn the POST into a
    GET that any page answers with 200."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def delivery_id(message: Message, index: int) -> str:
    """The same for every attempt at one payload: receivers can drop a repeat."""
    text = "\n".join([message.channel, *sorted(message.keys), str(index)])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@contextmanager
def _captured(name: str) -> Iterator[list[str]]:
    """The warnings a library logs while the block runs, kept instead of printed."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                records.append(_one_line(record.getMessage()))

    logger = logging.getLogger(name)
    handler = Keep()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
