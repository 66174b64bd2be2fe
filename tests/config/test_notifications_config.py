"""Reading `notifications:`: any valid set of channels reads back as written."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.config import settings_from_node
from statuspress.config.notifications import Channel, Notifications
from statuspress.fields import format_duration
from statuspress.source import YMap, parse_yaml

IDS = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,15}\Z")
ENV = st.from_regex(r"\A[A-Z_][A-Z0-9_]{0,20}\Z")
COMPONENTS = st.lists(st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z"), max_size=3, unique=True)
EVENTS = st.lists(st.sampled_from(["updates", "maintenance", "due"]), min_size=1, unique=True)


@st.composite
def channels(draw: st.DrawFn) -> Channel:
    kind = draw(st.sampled_from(["chat", "email", "webhook"]))
    events = draw(EVENTS)
    if kind == "webhook":
        events = [e for e in events if e != "due"] or ["updates"]
    return Channel(
        id=draw(IDS),
        kind=kind,
        url_env=draw(ENV),
        secret_env=draw(ENV) if kind == "webhook" else None,
        audience=draw(st.sampled_from(["public", "internal"])),
        components=tuple(draw(COMPONENTS)),
        events=tuple(events),
        rate_limit=draw(st.none() | st.integers(60, 86400).map(lambda s: timedelta(seconds=s))),
        owner=draw(st.none() | IDS),
    )


def written(channel: Channel) -> str:
    lines = [
        f"    {channel.id}:",
        f"      kind: {channel.kind}",
        f"      url_env: {channel.url_env}",
    ]
    if channel.secret_env:
        lines.append(f"      secret_env: {channel.secret_env}")
    lines.append(f"      audience: {channel.audience}")
    if channel.components:
        lines.append(f"      components: [{', '.join(channel.components)}]")
    lines.append(f"      events: [{', '.join(channel.events)}]")
    if channel.rate_limit:
        lines.append(f"      rate_limit: {format_duration(channel.rate_limit)}")
    if channel.owner:
        lines.append(f'      owner: "{channel.owner}"')
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(channels(), max_size=4, unique_by=lambda c: c.id))
def test_any_valid_channels_read_back_as_written(given_channels: list[Channel]) -> None:
    text = "notifications:\n  channels:\n" + "\n".join(map(written, given_channels)) + "\n"
    if not given_channels:
        text = "notifications:\n  max_age: 2h\n"
    node = parse_yaml(text, "statuspress.yaml")
    assert isinstance(node, YMap)
    result, diagnostics = settings_from_node(node)
    assert diagnostics == []
    expected_age = timedelta(hours=2) if not given_channels else Notifications().max_age
    assert result.notifications == Notifications(tuple(given_channels), max_age=expected_age)
