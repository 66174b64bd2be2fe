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
        root = write_repo({k: v for k, v in files.items() if v is not None})
        return check_repository(root, now)

    return run
