"""A small valid repository for the check tests to break, file by file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from statuspress.check import CheckResult

NOW = datetime(2026, 11, 18, 12, 0, tzinfo=timezone.utc)

COMPONENTS = {
    "components/checkout.md": """
        ---
        name: Checkout
        group: Payments
        order: 10
        ---
        Placing orders.
        """,
    "components/api.md": """
        ---
        name: Public API
        ---
        """,
}

INCIDENT = "incidents/2026-11-17-payments"
HEADER = f"{INCIDENT}/incident.md"
FIRST = f"{INCIDENT}/20261117T0915Z-investigating.md"
SECOND = f"{INCIDENT}/20261117T0940Z-resolved.md"

VALID = {
    **COMPONENTS,
    HEADER: """
        ---
        title: Payments failing at checkout
        severity: sev1
        started: 2026-11-17T09:05:00Z
        components:
          checkout: major_outage
        ---
        """,
    FIRST: """
        ---
        at: 2026-11-17T09:15:00Z
        status: investigating
        next_update: 2026-11-17T09:45:00Z
        ---
        Payments at checkout are failing. We will post the next update by 09:45 UTC.
        """,
    SECOND: """
        ---
        at: 2026-11-17T09:40:00Z
        status: resolved
        ---
        Payments work again.
        """,
}

Check = Callable[..., CheckResult]


def rules(result: CheckResult) -> list[str]:
    return [d.rule for d in result.diagnostics]
