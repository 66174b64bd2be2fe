"""Constants shared by the test folders (import as `from testsupport import ...`)."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: A fixed "now" for tests on the demo content: just after its latest update.
DEMO_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)
IN_CI = bool(os.environ.get("CI"))
