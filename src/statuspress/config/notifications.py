"""The ``notifications:`` key of ``statuspress.yaml``: which channels exist, what each one
follows, the Subscribe page's signup form, and how deliveries are kept exactly once.

A channel names the environment variable that holds its URL, never the URL: channel URLs
carry secrets (a Slack webhook, an SMTP password) and come from CI secrets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from statuspress.fields import ID_PATTERN, Fields
from statuspress.layout import SETTINGS_FILE
from statuspress.source import YMap, YNode, YScalar

#: What a channel's messages look like: chat text (Slack, Teams, Discord … through
#: Apprise), an email (Apprise's mailto/mailtos), or the signed Statuspage-shaped webhook.
CHANNEL_KINDS = ("chat", "email", "webhook")
#: What a channel follows: published updates, derived maintenance transitions, and the
#: `due` nudges of promised updates that are late.
CHANNEL_EVENTS = ("updates", "maintenance", "due")
_AUDIENCES = ("public", "internal")
_ENV_NAME = re.compile(r"\A[A-Z_][A-Z0-9_]*\Z")
_KEYS = {"max_age", "retries", "timeout", "signup_url", "signup_field", "channels"}
_CHANNEL_KEYS = {
    "kind",
    "url_env",
    "secret_env",
    "audience",
    "components",
    "events",
    "rate_limit",
    "owner",
}


@dataclass(frozen=True)
class Channel:
    """One place messages go."""

    id: str
    kind: str  # one of CHANNEL_KINDS
    url_env: str  # the environment variable holding the URL
    secret_env: str | None = None  # webhook: the variable holding the signing secret
    audience: str = "public"  # internal: internal updates and incidents too
    components: tuple[str, ...] = ()  # only incidents naming one of these; empty: all
    events: tuple[str, ...] = ("updates",)
    rate_limit: timedelta | None = None  # at most one message per incident this often
    owner: str | None = None  # the person this channel reaches (an incident's `owner`)
    #: where its name is in statuspress.yaml (line, column), for diagnostics
    position: tuple[int, int] = field(default=(1, 1), compare=False)

    def follows(self, event: str) -> bool:
        return event in self.events


@dataclass(frozen=True)
class Notifications:
    channels: tuple[Channel, ...] = ()
    #: nothing older than this is ever sent (a fresh clone, imported history)
    max_age: timedelta = timedelta(days=1)
    retries: int = 3  # attempts per message within one run
    timeout: timedelta = timedelta(seconds=10)  # the webhook's wait for an answer
    signup_url: str | None = None  # the Subscribe page's email form posts here
    signup_field: str = "email"  # the name of the form's address field

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)


NO_NOTIFICATIONS = Notifications()


def read_notifications(f: Fields, key: str) -> Notifications | None:
    """The ``notifications:`` mapping; None when absent. Every mistake is located."""
    node = f.mapping(key)
    if node is None:
        return None
    n = Fields(SETTINGS_FILE, node, _KEYS, f"'{key}'", f.pos(key))
    channels = []
    channels_node = n.mapping("channels")
    for channel_key, value in channels_node.items if channels_node else ():
        channel = _read_channel(n, channel_key, value)
        if channel is not None:
            channels.append(channel)
    signup = n.text("signup_url")
    if signup is not None and not signup.startswith(("https://", "http://")):
        n.error(
            n.pos("signup_url"),
            "schema/value",
            "signup_url must be an absolute http(s) URL: your list's signup form address",
        )
    result = Notifications(
        channels=tuple(channels),
        max_age=n.duration("max_age") or NO_NOTIFICATIONS.max_age,
        retries=n.integer("retries", minimum=1) or NO_NOTIFICATIONS.retries,
        timeout=n.duration("timeout") or NO_NOTIFICATIONS.timeout,
        signup_url=signup,
        signup_field=n.text("signup_field") or NO_NOTIFICATIONS.signup_field,
    )
    f.diagnostics.extend(n.diagnostics)
    return result if n.ok else None


def _read_channel(f: Fields, key: YScalar, value: YNode) -> Channel | None:
    name = key.value
    if not ID_PATTERN.match(name):
        f.error(
            key.pos,
            "schema/id",
            f"channel id '{name}' must be lowercase letters, digits and dashes",
        )
        return None
    if not isinstance(value, YMap):
        f.error(
            value.pos, "schema/type", f"channel '{name}' needs keys under it, such as 'kind: chat'"
        )
        return None
    c = Fields(SETTINGS_FILE, value, _CHANNEL_KEYS, f"channel '{name}'", key.pos)
    kind = c.text("kind", required=True, example="chat")
    if kind is not None and kind not in CHANNEL_KINDS:
        c.error(c.pos("kind"), "schema/value", f"kind must be one of: {', '.join(CHANNEL_KINDS)}")
    url_env = _env_name(c, "url_env", required=True)
    secret_env = _env_name(c, "secret_env", required=kind == "webhook")
    audience = c.text("audience") or "public"
    if audience not in _AUDIENCES:
        c.error(c.pos("audience"), "schema/value", "audience must be public or internal")
    events = c.text_list("events") or ("updates",)
    for event in events:
        if event not in CHANNEL_EVENTS:
            c.error(
                c.pos("events"),
                "schema/value",
                f"'{event}' is not an event; use some of: {', '.join(CHANNEL_EVENTS)}",
            )
    if kind == "webhook" and "due" in events:
        c.error(
            c.pos("events"),
            "schema/value",
            "a webhook carries Statuspage's payloads, not `due` reminders; send those to a "
            "chat or email channel",
        )
    channel = None
    if c.ok and kind is not None and url_env is not None:
        channel = Channel(
            id=name,
            kind=kind,
            url_env=url_env,
            secret_env=secret_env,
            audience=audience,
            components=c.text_list("components"),
            events=events,
            rate_limit=c.duration("rate_limit"),
            owner=c.text("owner"),
            position=(key.pos.line, key.pos.col),
        )
    f.diagnostics.extend(c.diagnostics)
    return channel if c.ok else None


def _env_name(c: Fields, key: str, *, required: bool) -> str | None:
    example = "STATUS_WEBHOOK_SECRET" if key == "secret_env" else "STATUS_SLACK_URL"
    name = c.text(key, required=required, example=example)
    if name is not None and not _ENV_NAME.match(name):
        c.error(
            c.pos(key),
            "schema/value",
            f"{key} names an environment variable (such as STATUS_SLACK_URL), never the URL "
            "or secret itself: those belong in your CI secrets, not in the repository",
        )
        return None
    return name
