"""The release workflow publishes to PyPI by trusted publishing alone: built in one job,
uploaded by another that is the only one holding an identity, and no token anywhere."""

from __future__ import annotations

import re
from typing import Any

import yaml

from testsupport import REPO_ROOT

RELEASE = REPO_ROOT / ".github" / "workflows" / "release.yml"


def _workflow() -> dict[str, Any]:
    loaded = yaml.safe_load(RELEASE.read_text())
    assert isinstance(loaded, dict)
    return loaded


def test_a_version_tag_and_nothing_else_starts_a_release() -> None:
    # PyYAML reads the key "on" as True.
    trigger = _workflow()[True]
    assert trigger == {"push": {"tags": ["v*"]}}


def test_only_the_publish_job_may_ask_for_an_identity_and_it_builds_nothing() -> None:
    workflow = _workflow()
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert set(jobs) == {"build", "publish"}
    build, publish = jobs["build"], jobs["publish"]
    assert "id-token" not in build.get("permissions", {})
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "pypi"
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert not any("run" in step for step in publish["steps"])
    assert uses[0].startswith("actions/download-artifact@")
    assert re.fullmatch(r"pypa/gh-action-pypi-publish@[0-9a-f]{40}", uses[-1])
    assert any("python -m build" in step.get("run", "") for step in build["steps"])


def test_no_token_or_password_is_handed_to_the_upload() -> None:
    text = RELEASE.read_text()
    assert "secrets." not in text
    assert "password" not in text.lower() and "api_token" not in text.lower()


def test_the_release_refuses_a_tag_that_does_not_name_the_packaged_version() -> None:
    checks = [
        step["run"]
        for step in _workflow()["jobs"]["build"]["steps"]
        if "pyproject.toml" in step.get("run", "")
    ]
    assert checks and "exit 1" in checks[0]
