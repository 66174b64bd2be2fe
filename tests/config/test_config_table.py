"""The table of settings (statuspress.config.table) is the one declaration of every key of
statuspress.yaml: the Settings dataclass, the reading, and the docs must all follow it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import typing
import zoneinfo
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.config import SETTINGS, Settings, Severity, load_settings, settings_from_node
from statuspress.config.notifications import Channel, Notifications
from statuspress.fields import format_duration
from statuspress.source import YMap, parse_yaml
from testsupport import REPO_ROOT

NAMES = [s.name for s in SETTINGS]
DOCS = (REPO_ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")


def _read(text: str) -> tuple[Settings, list[str]]:
    """Settings and diagnostics (as text) from the text of a statuspress.yaml."""
    node = parse_yaml(text, "statuspress.yaml")
    assert node is None or isinstance(node, YMap), node
    result, diagnostics = settings_from_node(node)
    return result, [f"{d.line}:{d.col} {d.rule} {d.message}" for d in diagnostics]


# -- the dataclass follows the table ---------------------------------------------------


def test_the_settings_dataclass_has_the_fields_of_the_table_in_its_order() -> None:
    assert [f.name for f in dataclasses.fields(Settings)] == NAMES


def test_each_field_has_the_type_and_default_of_its_table_entry() -> None:
    hints = typing.get_type_hints(Settings)
    defaults = Settings()
    for setting in SETTINGS:
        assert hints[setting.name] == setting.type, setting.name
        assert getattr(defaults, setting.name) == setting.default, setting.name


def test_the_defaults_stay_as_released() -> None:
    # The two checks above pass when table and dataclass change a default together;
    # these defaults are ones repositories rely on, so changing them shows here too.
    assert Settings().history_days == 90
    assert Settings().maintenance_notice == timedelta(hours=24)
    assert Settings().severity_ids == ("sev1", "sev2", "sev3")
    assert Settings().rules == {}


# -- every key is accepted and read ----------------------------------------------------

#: name -> (its lines in statuspress.yaml, the value read), each unlike the default.
EXAMPLES: dict[str, tuple[str, object]] = {
    "title": ("title: Acme Status", "Acme Status"),
    "base_url": ("base_url: https://acme.example/status", "https://acme.example/status/"),
    "language": ("language: de", "de"),
    "languages": ("languages: [de, fr]", ("de", "fr")),
    "description": ("description: Live status of Acme", "Live status of Acme"),
    "support_url": ("support_url: https://acme.example/help", "https://acme.example/help"),
    "timezone": ("timezone: Europe/Berlin", "Europe/Berlin"),
    "history_days": ("history_days: 30", 30),
    "feed_limit": ("feed_limit: 7", 7),
    "maintenance_notice": ("maintenance_notice: 2d", timedelta(days=2)),
    "maintenance_auto_start": ("maintenance_auto_start: no", False),
    "maintenance_auto_complete": ("maintenance_auto_complete: off", False),
    "jargon": ("jargon: [RCA, Failover]", ("RCA", "Failover")),
    "allowed_words": ("allowed_words: [Kubernetes]", ("kubernetes",)),
    "language_audience": ("language_audience: Developers", "developers"),
    "internal_domains": ("internal_domains: Corp.Acme.Example", ("corp.acme.example",)),
    "report_page": ("report_page: yes", True),
    "rules": (
        "rules:\n  language: warning\n  language/jargon: off",
        {
            "language": "warning",
            "language/jargon": "off",
        },
    ),
    "severities": (
        "severities:\n  p1:\n    label: Outage\n    first_update: 10m\n    cadence: 20m\n"
        "    statuspage_impact: critical",
        (Severity("p1", "Outage", "", timedelta(minutes=10), timedelta(minutes=20), "critical"),),
    ),
    "notifications": (
        "notifications:\n  max_age: 6h\n  signup_url: https://lists.acme.example/join\n"
        "  channels:\n    team:\n      kind: chat\n      url_env: TEAM_URL\n"
        "      components: [api]\n      rate_limit: 15m\n",
        Notifications(
            channels=(
                Channel(
                    "team",
                    "chat",
                    "TEAM_URL",
                    components=("api",),
                    rate_limit=timedelta(minutes=15),
                ),
            ),
            max_age=timedelta(hours=6),
            signup_url="https://lists.acme.example/join",
        ),
    ),
}


def test_every_setting_has_an_example_here() -> None:
    assert list(EXAMPLES) == NAMES


def test_every_key_of_the_table_is_accepted_and_read(tmp_path: Path) -> None:
    text = "\n".join(lines for lines, _ in EXAMPLES.values()) + "\n"
    (tmp_path / "statuspress.yaml").write_text(text, encoding="utf-8")
    result, diagnostics = load_settings(tmp_path)
    # The example base_url has a path: read, with the hosting warning (tests/config/test_hosting.py).
    assert [d.rule for d in diagnostics] == ["hosting/sub-path"]
    for name, (_, expected) in EXAMPLES.items():
        assert getattr(result, name) == expected, name
        assert getattr(result, name) != getattr(Settings(), name), name


def test_one_mistake_keeps_every_default() -> None:
    result, diagnostics = _read("title: Acme\nfeed_limit: none\n")
    assert diagnostics == ["2:13 schema/type 'feed_limit' must be a whole number, not 'none'"]
    assert result == Settings()


def test_an_unknown_key_gets_a_did_you_mean_and_the_known_keys() -> None:
    result, diagnostics = _read("title: Acme\nhistroy_days: 30\n")
    known = ", ".join(sorted(NAMES))
    assert diagnostics == [
        "2:1 schema/unknown-key unknown key 'histroy_days' in statuspress.yaml; "
        f"did you mean 'history_days'? known keys are: {known}"
    ]
    assert result == Settings()


# -- each scalar setting round-trips ---------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")), max_size=40).map(
    str.strip
)
_SPELLINGS = {True: ["true", "True", "yes", "ON"], False: ["false", "FALSE", "no", "off"]}


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


#: name -> strategy of (a valid value, how statuspress.yaml writes it)
#: a flag and one of its spellings in the file
_FLAG = st.booleans().flatmap(
    lambda b: st.sampled_from(_SPELLINGS[b]).map(lambda spelled: (b, spelled))
)
SCALARS: dict[str, st.SearchStrategy[tuple[object, str]]] = {
    "title": _TEXT.map(lambda t: (t, _quoted(t))),
    "base_url": st.tuples(st.sampled_from(["http://", "https://"]), _TEXT).map(
        lambda p: (f"{p[0]}{p[1]}/", _quoted(f"{p[0]}{p[1]}/"))
    ),
    # A language tag of a shipped catalogue, with or without a region (an unknown language
    # is read too, with a warning: tests/rules/test_catalogue.py).
    "language": st.sampled_from(["en", "de", "fr", "es", "ja"]).flatmap(
        lambda base: st.sampled_from(["", "-AT", "-US", "-CA", "-MX", "-JP"]).map(
            lambda region: (base + region, base + region)
        )
    ),
    "description": _TEXT.map(lambda t: (t, _quoted(t))),
    "support_url": _TEXT.map(lambda t: (t, _quoted(t))),
    "timezone": st.sampled_from(sorted(zoneinfo.available_timezones())).map(lambda z: (z, z)),
    "history_days": st.integers(1, 10**9).map(lambda n: (n, str(n))),
    "feed_limit": st.integers(1, 10**9).map(lambda n: (n, str(n))),
    "maintenance_notice": st.integers(1, 10**8).map(
        lambda s: (timedelta(seconds=s), format_duration(timedelta(seconds=s)))
    ),
    "maintenance_auto_start": _FLAG,
    "maintenance_auto_complete": _FLAG,
    "language_audience": st.sampled_from(["customers", "developers"]).flatmap(
        lambda a: st.sampled_from([a, a.upper(), a.title()]).map(lambda spelled: (a, spelled))
    ),
    "report_page": _FLAG,
}
_SCALAR_TYPES = (str, str | None, int, bool, timedelta)


def test_every_scalar_setting_has_a_strategy_here() -> None:
    assert list(SCALARS) == [s.name for s in SETTINGS if s.type in _SCALAR_TYPES]


@pytest.mark.parametrize("name", list(SCALARS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_valid_scalar_value_round_trips_through_reading(name: str, data: st.DataObject) -> None:
    value, written = data.draw(SCALARS[name])
    result, diagnostics = _read(f"{name}: {written}\n")
    assert [d for d in diagnostics if "hosting/sub-path" not in d] == []
    assert getattr(result, name) == value


# -- the docs follow the table ---------------------------------------------------------


def test_every_setting_is_documented() -> None:
    section = DOCS.split("## Settings: `statuspress.yaml`", 1)[1].split("\n## ", 1)[0]
    for name in NAMES:
        assert f"\n| `{name}` |" in section, name


def test_the_docs_table_is_what_scripts_settings_doc_prints() -> None:
    printed = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "settings-doc.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    begin, end = "<!-- settings table: made by", "<!-- end of settings table -->"
    in_docs = DOCS.split(begin, 1)[1].split("\n", 1)[1].split(end, 1)[0]
    assert printed.splitlines()[2:] and in_docs == printed


@pytest.mark.parametrize("zone", ["America", "Europe/", "../etc/passwd", "Nowhere/City"])
def test_a_time_zone_that_is_a_folder_or_no_zone_is_a_located_error(zone: str) -> None:
    settings, problems = _read(f"timezone: {zone}")
    assert settings.timezone == "UTC"
    assert any("is not an IANA time zone" in p for p in problems), problems


# -- notifications: channel URLs are never in the file -----------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "    team:\n      kind: chat\n      url_env: https://hooks.slack.com/services/T0/B0/x\n",
            "5:16 schema/value url_env names an environment variable (such as STATUS_SLACK_URL), "
            "never the URL or secret itself: those belong in your CI secrets, not in the repository",
        ),
        (
            "    hook:\n      kind: webhook\n      url_env: HOOK_URL\n",
            "3:5 schema/required channel 'hook' needs 'secret_env'; add a line such as "
            "'secret_env: STATUS_WEBHOOK_SECRET'",
        ),
        (
            "    team:\n      kind: pager\n      url_env: TEAM_URL\n",
            "4:13 schema/value kind must be one of: chat, email, webhook",
        ),
        (
            "    team:\n      kind: chat\n      url_env: TEAM_URL\n      events: [updates, tweets]\n",
            "6:15 schema/value 'tweets' is not an event; use some of: updates, maintenance, due",
        ),
    ],
)
def test_a_mistake_in_a_channel_is_located_and_says_how_to_fix_it(
    lines: str, expected: str
) -> None:
    result, diagnostics = _read("notifications:\n  channels:\n" + lines)
    assert diagnostics == [expected]
    assert result == Settings()
