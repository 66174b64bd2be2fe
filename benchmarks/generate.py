"""Generate a realistic synthetic status repository for benchmarks.

    python benchmarks/generate.py OUT --incidents 1000 [--seed 7]

N incidents (about 10% maintenance) with 3-6 updates each, 10 components in 3 groups,
sev1-sev3, spread over the 3 years before NOW, in plain customer language that passes
`statuspress check` (cadence and language rules) with no diagnostics. The newest incident
is still open, so a benchmark can add one update to it. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
SPAN = timedelta(days=3 * 365)
COMPONENTS = [
    ("web-app", "Web application", "Core platform"),
    ("api", "Public API", "Core platform"),
    ("sign-in", "Sign-in and accounts", "Core platform"),
    ("search", "Search", "Core platform"),
    ("checkout", "Checkout", "Payments"),
    ("billing", "Billing and invoices", "Payments"),
    ("payouts", "Payouts", "Payments"),
    ("webhooks", "Webhooks", "Integrations"),
    ("data-exports", "Data exports", "Integrations"),
    ("email", "Email notifications", "Integrations"),
]
SYMPTOMS = [
    ("slower than usual", "degraded_performance"),
    ("failing for some customers", "partial_outage"),
    ("unavailable for most customers", "major_outage"),
    ("showing errors for some customers", "partial_outage"),
    ("delayed by up to 30 minutes", "degraded_performance"),
]
CADENCE = {"sev1": (15, 30), "sev2": (30, 60), "sev3": (60, 60)}


def _utc(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _clock(value: datetime) -> str:
    return value.strftime("%H:%M UTC")


def _update(
    folder: Path, at: datetime, status: str, body: str, next_update: datetime | None
) -> None:
    lines = ["---", f"at: {_utc(at)}", f"status: {status}"]
    if next_update is not None:
        lines.append(f"next_update: {_utc(next_update)}")
    lines += ["---", body, ""]
    (folder / f"{at:%Y%m%dT%H%MZ}-{status.replace('_', '-')}.md").write_text(
        "\n".join(lines), encoding="utf-8"
    )


def _incident(root: Path, rng: random.Random, n: int, started: datetime, is_open: bool) -> None:
    component = rng.sample(COMPONENTS, k=rng.choice((1, 1, 1, 2)))
    symptom, status = rng.choice(SYMPTOMS)
    severity = {"major_outage": "sev1", "partial_outage": "sev2"}.get(
        status, rng.choice(("sev2", "sev3"))
    )
    first_within, every = CADENCE[severity]
    names = " and ".join(c[1] for c in component)
    folder = root / "incidents" / f"{started:%Y-%m-%d}-{component[0][0]}-{n:05d}"
    folder.mkdir(parents=True)
    header = [
        "---",
        f"title: {names} {symptom}",
        f"severity: {severity}",
        f"started: {_utc(started)}",
        "components:",
        *[f"  {c[0]}: {status}" for c in component],
        "---",
        "",
    ]
    (folder / "incident.md").write_text("\n".join(header), encoding="utf-8")
    count = 1 if is_open else rng.randint(3, 6)
    at = started + timedelta(minutes=rng.randint(3, first_within - 1) if first_within > 3 else 2)
    for index in range(count):
        final = not is_open and index == count - 1
        promise = None if final else at + timedelta(minutes=every)
        if index == 0:
            state = "investigating"
            body = (
                f"{names} is {symptom}. Our team is investigating and working on a resolution. "
                f"We will post the next update by {_clock(promise)}."
                if promise
                else ""
            )
        elif final:
            state = "resolved"
            body = (
                f"{names} has worked normally since {_clock(at - timedelta(minutes=5))}. "
                "We are sorry for the disruption, and we will review what happened."
            )
        elif index == 1:
            state = "identified"
            body = (
                f"We have found the cause of the problem with {names} and are working on it. "
                "Your data is safe. "
                f"We will post the next update by {_clock(promise)}."
                if promise
                else ""
            )
        else:
            state = "monitoring"
            body = (
                f"{names} is working again for the customers we have heard from. We are watching "
                f"closely and will post the next update by {_clock(promise)}."
                if promise
                else ""
            )
        _update(folder, at, state, body, promise)
        at += timedelta(minutes=rng.randint(max(5, every // 2), every - 1))


def _maintenance(root: Path, rng: random.Random, n: int, start: datetime) -> None:
    component = rng.choice(COMPONENTS)
    end = start + timedelta(hours=rng.choice((1, 2, 3)))
    folder = root / "incidents" / f"{start:%Y-%m-%d}-maintenance-{n:05d}"
    folder.mkdir(parents=True)
    header = [
        "---",
        f"title: Planned maintenance of {component[1]}",
        "kind: maintenance",
        f"scheduled_start: {_utc(start)}",
        f"scheduled_end: {_utc(end)}",
        "components:",
        f"  {component[0]}: under_maintenance",
        "---",
        "",
    ]
    (folder / "incident.md").write_text("\n".join(header), encoding="utf-8")
    announced = start - timedelta(days=rng.randint(2, 6), minutes=rng.randint(0, 600))
    _update(
        folder,
        announced,
        "scheduled",
        f"On {start:%d %B %Y} from {_clock(start)} to {_clock(end)}, {component[1]} may be "
        f"unavailable for a few minutes at a time while we upgrade it. We will post an update "
        f"when the work starts, at {_clock(start)}.",
        start,
    )
    _update(
        folder,
        start,
        "in_progress",
        f"The planned maintenance of {component[1]} has started. We will post the next update by {_clock(end)}.",
        end,
    )
    _update(
        folder,
        end - timedelta(minutes=rng.randint(5, 30)),
        "completed",
        f"The maintenance of {component[1]} is complete.",
        None,
    )


def generate(root: Path, incidents: int, seed: int = 7) -> Path:
    if root.exists():
        shutil.rmtree(root)
    (root / "components").mkdir(parents=True)
    (root / "statuspress.yaml").write_text(
        "title: Benchmark Status\nbase_url: https://status.bench.example/\ntimezone: Europe/Berlin\n",
        encoding="utf-8",
    )
    for order, (cid, name, group) in enumerate(COMPONENTS, 1):
        (root / "components" / f"{cid}.md").write_text(
            f"---\nname: {name}\ngroup: {group}\norder: {order}\nstart_date: 2023-01-01\n---\n{name}.\n",
            encoding="utf-8",
        )
    rng = random.Random(seed)
    step = SPAN / max(incidents, 1)
    for n in range(incidents):
        start = NOW - SPAN + step * n + timedelta(minutes=rng.randint(0, 30))
        start = start.replace(second=0, microsecond=0)
        is_newest = n == incidents - 1
        room = NOW - start > timedelta(days=2)
        if not is_newest and room and rng.random() < 0.1:
            _maintenance(root, rng, n, (start + timedelta(days=1)).replace(minute=0))
        else:
            if is_newest:
                start = NOW - timedelta(minutes=40)
            _incident(root, rng, n, start, is_open=is_newest)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.incidents, args.seed)
    print(f"wrote {args.incidents} incidents to {args.out}")


if __name__ == "__main__":
    main()
