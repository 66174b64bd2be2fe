"""Browser fixture: a real headless Chromium, which must exist in CI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import chromium_path, launch_browser

from testsupport import require_tool


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_tool("chromium", chromium_path() is not None)
    try:
        import playwright  # noqa: F401
    except ImportError:
        require_tool("playwright", False)
    with launch_browser() as instance:
        yield instance
