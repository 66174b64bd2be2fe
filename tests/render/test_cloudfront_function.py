"""The CloudFront Function docs/hosting.md gives for S3 answers every address the site
has the way GitHub Pages does (run with Node.js on each address of a built site)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

from testsupport import require_tool

HOSTING = Path(__file__).resolve().parents[2] / "docs" / "hosting.md"


def _function() -> str:
    text = HOSTING.read_text(encoding="utf-8")
    found = re.search(r"```js\n(.*?function handler\(event\).*?)```", text, re.S)
    assert found, "docs/hosting.md has no CloudFront Function"
    return textwrap.dedent(found.group(1))


def _answers(uris: list[str]) -> list[dict[str, object]]:
    require_tool("node", shutil.which("node") is not None)
    script = _function() + (
        "\nconst uris = JSON.parse(process.argv[1]);"
        "\nconsole.log(JSON.stringify(uris.map(u => handler({request: {uri: u}}))));"
    )
    done = subprocess.run(
        ["node", "-e", script, json.dumps(uris)], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout))


def test_every_address_of_the_site_reaches_its_file(demo_site: Path) -> None:
    files = {p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*") if p.is_file()}
    pages = sorted(f for f in files if f.endswith("index.html"))
    api_pages = sorted(f for f in files if re.fullmatch(r"incidents/[a-z0-9]{12}\.html", f))
    assert api_pages
    uris = ["/" + p.removesuffix("index.html") for p in pages]
    uris += ["/" + p.removesuffix(".html") for p in api_pages]
    uris += ["/feed.atom", "/api/v2/summary.json"]
    for uri, answer in zip(uris, _answers(uris), strict=True):
        assert answer.get("uri", "").lstrip("/") in files, (uri, answer)


def test_a_folder_page_without_its_slash_is_sent_to_it(demo_site: Path) -> None:
    (answer,) = _answers(["/history"])
    assert answer["statusCode"] == 301
    assert answer["headers"] == {"location": {"value": "/history/"}}
