"""Progress is news only when it is made: "a fix has been deployed" says something,
"we are working to resolve this" and "once it is resolved" do not."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from statuspress.rules.language import TextContext, lint_text

OPEN_UPDATE = TextContext(
    is_update_body=True,
    at=datetime(2026, 11, 17, 10, 0, tzinfo=timezone.utc),
    next_update=datetime(2026, 11, 17, 10, 30, tzinfo=timezone.utc),
)
NEXT = " Next update at 10:30 UTC."


def vague(text: str) -> bool:
    return any(f.rule == "language/vague" for f in lint_text(text + NEXT, OPEN_UPDATE))


@pytest.mark.parametrize(
    "text",
    [
        "We will let you know once the issue is resolved.",
        "We will share more when it is fixed.",
        "We are working hard to restore service.",
        "We are working to return service to normal.",
        "We hope to have this resolved soon.",
        "We expect recovery as soon as possible.",
    ],
)
def test_progress_wished_for_or_waited_for_is_no_news(text: str) -> None:
    assert vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "A fix has been deployed.",
        "We are working on a fix.",
        "Service has returned to normal, and we are watching closely.",
        "We restarted the affected servers.",
        "Our email providers are looking into a problem on their side.",
        "We are working with our partners to resolve this.",
        "Some calendar invitations were not sent.",
    ],
)
def test_progress_made_a_third_party_named_or_a_symptom_is_news(text: str) -> None:
    assert not vague(text)
