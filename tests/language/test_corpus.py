"""The language lint over the realistic corpus (tests/language/corpus.yaml, labelled by
RUBRIC.md): precision and recall overall, per rule and for the content rules alone (every
rule but language/next-update), printed in the pytest summary and held to the issue's
bars; every message judged exactly as labelled."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any

import pytest
import yaml

from statuspress.config import Settings
from statuspress.rules.language import TextContext, lint_text, skipped_rules
from testsupport import LANGUAGE_SCORES as SCORES
from testsupport import REPO_ROOT

CORPUS: list[dict[str, Any]] = yaml.safe_load(
    (REPO_ROOT / "tests/language/corpus.yaml").read_text(encoding="utf-8")
)
AT = datetime(2026, 11, 17, 10, 0, tzinfo=timezone.utc)
NEXT_UPDATE = datetime(2026, 11, 17, 10, 30, tzinfo=timezone.utc)
NEXT_UPDATE_RULE = "language/next-update"


def _instant(value: object, default: datetime | None) -> datetime | None:
    if value is None:
        return default
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def context_for(entry: dict[str, Any]) -> TextContext:
    final, title = bool(entry.get("final", False)), bool(entry.get("title", False))
    components = tuple(entry.get("components", ()))
    next_update = (
        None
        if final or title or ("next" in entry and entry["next"] is None)
        else (_instant(entry.get("next"), NEXT_UPDATE))
    )
    return TextContext(
        settings=Settings(
            timezone=entry.get("timezone", "UTC"),
            allowed_words=tuple(entry.get("allowed", ())),
            language_audience=entry.get("audience", "customers"),
        ),
        is_update_body=not title,
        final=final,
        maintenance=bool(entry.get("maintenance", False)),
        at=_instant(entry.get("at"), AT),
        next_update=next_update,
        eta_approved=bool(entry.get("eta_approved", False)),
        internal_component_names=tuple(entry.get("internal_components", ())),
        vocabulary=components + tuple(entry.get("descriptions", ())),
        component_names=components,
    )


def found_rules(entry: dict[str, Any]) -> set[str]:
    return {f.rule for f in lint_text(entry["text"], context_for(entry), entry.get("language"))}


def _scores(results: list[tuple[set[str], set[str]]], keep: object = None) -> dict[str, float]:
    tp = fp = fn = 0
    for expected, found in results:
        if callable(keep):
            expected, found = {r for r in expected if keep(r)}, {r for r in found if keep(r)}
        tp += len(expected & found)
        fp += len(found - expected)
        fn += len(expected - found)
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "support": float(tp + fn),
    }


def test_the_corpus_is_large_varied_and_labelled() -> None:
    assert len(CORPUS) >= 250
    classes = Counter(e["class"] for e in CORPUS)
    for name in ("times", "timeless", "eta", "jargon", "identifier", "filler", "language"):
        hard = [e for e in CORPUS if e["class"] == name and e.get("hard")]
        assert classes[name] >= 10 and len(hard) >= 5, name
        assert any(e["expect"] for e in hard) and any(not e["expect"] for e in hard), name
    assert all(set(e) >= {"class", "text", "expect"} for e in CORPUS)


def test_precision_and_recall_overall_per_rule_and_without_the_next_update_rule() -> None:
    results = [(set(e["expect"]), found_rules(e)) for e in CORPUS]
    rules = sorted({r for expected, found in results for r in expected | found})
    overall = _scores(results)
    content = _scores(results, lambda r: r != NEXT_UPDATE_RULE)
    per_rule = {rule: _scores(results, lambda r, rule=rule: r == rule) for rule in rules}
    skipped = sum(1 for e in CORPUS if skipped_rules(e["text"], context_for(e), e.get("language")))
    SCORES.update(
        messages=len(CORPUS), overall=overall, content=content, per_rule=per_rule, skipped=skipped
    )
    assert overall["precision"] >= 0.95 and overall["recall"] >= 0.90, overall
    assert content["precision"] >= 0.85 and content["recall"] >= 0.75, content


@pytest.mark.parametrize(
    "entry", CORPUS, ids=[f"{i}-{e['text'][:40]}" for i, e in enumerate(CORPUS)]
)
def test_each_message_triggers_exactly_the_expected_rules(entry: dict[str, Any]) -> None:
    assert found_rules(entry) == set(entry["expect"])
