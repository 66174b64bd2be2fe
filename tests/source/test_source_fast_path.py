"""The fast path for flat front matter must give exactly the nodes libyaml gives, or
decline; never a different answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statuspress.source import parse_flat, parse_with_libyaml, split_front_matter
from testsupport import REPO_ROOT

# Values that look like what people write, and the characters YAML gives meaning to.
WORDS = st.sampled_from(
    [
        "investigating",
        "major_outage",
        "2026-11-17T09:15:00Z",
        "2026-11-17 09:15:00 +01:00",
        "2026-11-17",
        "10:30",
        "yes",
        "no",
        "on",
        "null",
        "~",
        "12",
        "-3",
        "0x1F",
        "1_000",
        "3.5",
        ".inf",
        "Payments: failing",
        "Issue #42",
        "a#b",
        "https://example.com/postmortem?id=1",
        "Jane Doe (comms lead)",
        "Zürich \u2013 \u03a9",
        "'quoted'",
        '"double"',
        "[a, b]",
        "{a: b}",
        "&anchor",
        "*alias",
        "!tag x",
        "| block",
        "> folded",
        "%percent",
        "@at",
        "`tick`",
        "end:",
        "tab\there",
        "nbsp\u00a0here",
        "line\u2028sep",
        "",
    ]
)
SPACES = st.sampled_from([" ", "  ", "   "])
KEYS = st.sampled_from(["at", "status", "components", "title", "yes", "on", "a-b", "_x", "Key"])
TRAILING = st.sampled_from(["", " ", "  "])


@st.composite
def flat_documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["scalar", "nested", "blank", "odd"]))
        key = draw(KEYS)
        if kind == "scalar":
            lines.append(f"{key}:{draw(SPACES)}{draw(WORDS)}{draw(TRAILING)}")
        elif kind == "nested":
            lines.append(f"{key}:{draw(TRAILING)}")
            indent = draw(st.sampled_from([1, 2, 4]))
            for _ in range(draw(st.integers(0, 3))):
                depth = draw(st.sampled_from([indent, indent, indent + 1]))
                lines.append(f"{' ' * depth}{draw(KEYS)}:{draw(SPACES)}{draw(WORDS)}")
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", " ", "   "])))
        else:
            lines.append(draw(st.sampled_from(["# comment", "- item", "key : v", "k:v", " x: y"])))
    return "\n".join(lines)


@settings(max_examples=600, deadline=None)
@given(flat_documents(), st.integers(1, 5))
def test_fast_path_agrees_with_libyaml_or_declines(text: str, first_line: int) -> None:
    fast = parse_flat(text, first_line)
    if fast is None:
        return
    assert fast == parse_with_libyaml(text, "x.md", first_line)


def test_fast_path_takes_the_usual_update_and_header() -> None:
    update = "at: 2026-11-24T11:55:00Z\nstatus: identified\nnext_update: 2026-11-24T12:25:00Z"
    header = "title: Payments failing\nseverity: sev1\ncomponents:\n  checkout: major_outage\n"
    for text in (update, header):
        fast = parse_flat(text, 2)
        assert fast is not None
        assert fast == parse_with_libyaml(text, "x.md", 2)


@pytest.mark.parametrize(
    "path",
    sorted(p.relative_to(REPO_ROOT).as_posix() for p in REPO_ROOT.glob("incidents/*/*.md")),
)
def test_demo_files_read_the_same_both_ways(path: str) -> None:
    text = (REPO_ROOT / path).read_text(encoding="utf-8")
    front, _, _ = split_front_matter(text, path)
    assert front is not None
    fast = parse_flat(front, 2)
    if fast is not None:
        assert fast == parse_with_libyaml(front, path, 2)
