"""The language lint over a corpus of real-world-style customer messages: precision and
recall of at least 0.95 each, and every message judged exactly as expected."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
import yaml

from statuspress.rules.language import TextContext, lint_text
from testsupport import LANGUAGE_SCORES as SCORES
from testsupport import REPO_ROOT

CORPUS: list[dict[str, Any]] = yaml.safe_load(
    (REPO_ROOT / "tests/rules/language/corpus.yaml").read_text()
)
NEXT_UPDATE = datetime(2026, 11, 17, 10, 30, tzinfo=timezone.utc)


def context_for(entry: dict[str, Any]) -> TextContext:
    final = bool(entry.get("final", False))
    return TextContext(
        is_update_body=not entry.get("title", False),
        final=final,
        maintenance=bool(entry.get("maintenance", False)),
        next_update=None if final or entry.get("title") else NEXT_UPDATE,
        eta_approved=bool(entry.get("eta_approved", False)),
        internal_component_names=tuple(entry.get("internal_components", ())),
    )


def found_rules(entry: dict[str, Any]) -> set[str]:
    return {f.rule for f in lint_text(entry["text"], context_for(entry))}


def test_the_corpus_is_large_and_balanced() -> None:
    assert len(CORPUS) >= 40
    good = [e for e in CORPUS if not e["expect"]]
    assert len(good) >= 20 and len(CORPUS) - len(good) >= 20


def test_precision_and_recall_are_at_least_95_percent() -> None:
    tp = fp = fn = 0
    for entry in CORPUS:
        expected, found = set(entry["expect"]), found_rules(entry)
        tp += len(expected & found)
        fp += len(found - expected)
        fn += len(expected - found)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    SCORES.update(messages=len(CORPUS), precision=precision, recall=recall)
    assert precision >= 0.95 and recall >= 0.95, f"precision {precision:.3f}, recall {recall:.3f}"


@pytest.mark.parametrize("entry", CORPUS, ids=[e["text"][:50] for e in CORPUS])
def test_each_message_triggers_exactly_the_expected_rules(entry: dict[str, Any]) -> None:
    assert found_rules(entry) == set(entry["expect"])
