"""Fixtures for the content-model and check tests."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

import pytest
from core_fixtures import NOW, VALID, Check

from statuspress.check import CheckResult, check_repository


@pytest.fixture
def check(write_repo: Callable[[Mapping[str, str]], Path]) -> Check:
    """check(overrides) -> CheckResult for VALID with some files replaced (None deletes)."""

    def run(overrides: Mapping[str, str | None] | None = None, now: datetime = NOW) -> CheckResult:
        files = {**VALID, **(overrides or {})}
        # These tests are about schema, lifecycle and cadence; the language rules have their
        # own tests (tests/language), so their findings on terse test messages stay out.
        settings = files.get("statuspress.yaml") or ""
        if "rules:" not in settings and not settings.startswith("-"):
            files["statuspress.yaml"] = settings + "rules:\n  language: off\n"
        root = write_repo({k: v for k, v in files.items() if v is not None})
        return check_repository(root, now)

    return run
