"""A component's optional fields read as written, and a wrong value is a located error."""

from __future__ import annotations

from testsupport import Check, rules


def test_showcase_takes_true_or_false_and_says_so_otherwise(check: Check) -> None:
    found = check({"components/api.md": "---\nname: Public API\nshowcase: maybe\n---\n"})
    (error,) = [d for d in found.diagnostics if d.rule == "schema/type"]
    assert (error.path, error.line) == ("components/api.md", 3)
    assert "'showcase' must be true or false" in error.message
    assert "schema/type" not in rules(
        check({"components/api.md": "---\nname: Public API\nshowcase: false\n---\n"})
    )
