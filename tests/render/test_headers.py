"""Hosting headers and fingerprinted assets: `_headers` gives every output file exactly
the cache rule it should have (as Netlify and Cloudflare Pages read the file), and the
stylesheet is published under a name that changes with its content, linked from every
page."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuspress.assets import fingerprinted
from statuspress.render.headers import render
from statuspress.write import MARKER
from testsupport import REPO_ROOT, VALID, build_cli, make_repo, settle

SHORT = "public, max-age=60"
YEAR = "public, max-age=31536000, immutable"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def parse_headers(text: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a `_headers` file: a line starting with `/` opens a rule, indented
    `Name: value` lines give its headers, `#` lines are comments."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((line.strip(), {}))
            continue
        assert line.startswith("  ") and rules, f"a header line outside a rule: {line!r}"
        name, _, value = line.strip().partition(": ")
        assert name not in rules[-1][1], f"{name} given twice for {rules[-1][0]}"
        rules[-1][1][name] = value
    return rules


def matches(pattern: str, url: str) -> bool:
    """Whether a request for ``url`` matches ``pattern`` as both hosts match: a trailing
    `*` (a splat) matches anything, slashes included; otherwise the path must be equal."""
    if pattern.endswith("*"):
        return url.startswith(pattern[:-1])
    return url == pattern


def urls_of(path: str) -> list[str]:
    """The URLs a host serves an output file at: a page also at its folder's URL."""
    urls = ["/" + path]
    if path.endswith("index.html"):
        urls.append("/" + path.removesuffix("index.html"))
    return urls


def intended(path: str) -> dict[str, str]:
    if path.startswith("assets/"):
        return {"Cache-Control": YEAR}
    if path.startswith("api/"):
        return {"Cache-Control": SHORT, "Access-Control-Allow-Origin": "*"}
    return {"Cache-Control": SHORT}


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hosting") / "site"
    done = build_cli(REPO_ROOT, out)
    assert done.returncode == 0, done.stderr
    return out


def test_every_output_file_is_covered_by_exactly_its_intended_header_rule(
    demo_site: Path,
) -> None:
    rules = parse_headers((demo_site / "_headers").read_text())
    outputs = sorted(
        p.relative_to(demo_site).as_posix()
        for p in demo_site.rglob("*")
        if p.is_file() and p.name not in ("_headers", MARKER)
    )
    assert any(p.startswith("assets/") for p in outputs)
    assert any(p.startswith("api/v2/") for p in outputs)
    for path in outputs:
        for url in urls_of(path):
            found = [headers for pattern, headers in rules if matches(pattern, url)]
            assert len(found) == 1, f"{url} matches {len(found)} rules"
            assert found[0] == intended(path), url


def test_no_two_header_rules_can_apply_to_one_request(demo_site: Path) -> None:
    """Both hosts add up the headers of every rule a path matches (two Cache-Control
    values joined by a comma): the rules must not overlap even for paths not built yet."""
    patterns = [pattern for pattern, _ in parse_headers((demo_site / "_headers").read_text())]
    assert len(patterns) == len(set(patterns))
    for a in patterns:
        for b in patterns:
            if a != b and a.endswith("*"):
                assert not matches(a, b.rstrip("*")), (a, b)


def test_every_page_links_the_stylesheet_by_its_content_hash(demo_site: Path) -> None:
    sheets = list((demo_site / "assets").glob("style.*.css"))
    assert len(sheets) == 1 and not (demo_site / "assets/style.css").exists()
    sheet = sheets[0]
    digest = hashlib.sha256(sheet.read_bytes()).hexdigest()[:10]
    assert sheet.name == f"style.{digest}.css"
    assert sheet.read_bytes() == (REPO_ROOT / "site_templates/assets/style.css").read_bytes()
    pages = [p for p in demo_site.rglob("*.html")]
    assert len(pages) > 10
    for page in pages:
        links = STYLESHEET.findall(page.read_text())
        assert len(links) == 1, page
        if page.name == "404.html":  # served at any depth: absolute from the site's root
            assert links[0] == f"/assets/{sheet.name}"
        else:
            assert (page.parent / links[0]).resolve() == sheet.resolve(), page


def test_a_repositorys_own_stylesheet_gets_its_own_name_and_every_page_follows(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_cli(root, first).returncode == 0
    (root / "site_templates/assets").mkdir(parents=True)
    css = b"body { color: rebeccapurple }\n"
    (root / "site_templates/assets/style.css").write_bytes(css)
    (root / "site_templates/assets/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff binary")
    done = build_cli(root, second)
    assert done.returncode == 0, done.stderr
    old = {p.name for p in (first / "assets").glob("style.*")}
    new = {p.name for p in (second / "assets").iterdir()}
    assert len(old) == 1 and not old & new
    assert len(new) == len(list((first / "assets").iterdir())) + 1  # the logo
    ours = f"style.{hashlib.sha256(css).hexdigest()[:10]}.css"
    assert ours in new
    logo = next(n for n in new if n.startswith("logo."))
    assert (second / "assets" / logo).read_bytes() == b"\x89PNG\r\n\x1a\n\x00\xff binary"
    for page in second.rglob("index.html"):
        assert ours in page.read_text(), page


def test_a_template_naming_an_asset_the_theme_lacks_is_a_located_diagnostic(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path)
    (root / "site_templates").mkdir()
    (root / "site_templates/index.html").write_text(
        '{% extends "default:index.html" %}\n'
        '{% block head %}\n<link rel="icon" href="{{ "assets/favicon.ico"|asset }}">\n'
        "{% endblock %}\n"
    )
    done = build_cli(root, tmp_path / "site")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "site_templates/index.html:3:" in done.stderr + done.stdout
    assert "assets/favicon.ico" in done.stderr + done.stdout


@given(
    st.from_regex(r"assets/[a-z][a-z0-9-]{0,12}(\.[a-z]{1,4}){0,2}", fullmatch=True),
    st.binary(max_size=64),
    st.binary(max_size=64),
)
def test_a_fingerprinted_name_keeps_folder_and_extension_and_follows_the_content(
    name: str, one: bytes, other: bytes
) -> None:
    published = fingerprinted(name, one)
    assert published == fingerprinted(name, one)
    folder, _, base = name.rpartition("/")
    stem, dot, extension = base.partition(".")
    digest = hashlib.sha256(one).hexdigest()[:10]
    assert published == f"{folder}/{stem}.{digest}{dot}{extension}"
    if one != other:
        assert published != fingerprinted(name, other)


# -- docs/hosting.md's recipes hold the same policy ---------------------------------------

HOSTING = (REPO_ROOT / "docs" / "hosting.md").read_text()


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", HOSTING, flags=re.S)


def test_the_s3_recipe_gives_each_object_the_lifetime_headers_gives_it() -> None:
    (script,) = _blocks("sh")
    commands = [c.replace("\\\n", " ") for c in re.split(r"\n(?=aws )", script)]
    syncs = [c for c in commands if c.startswith("aws s3 sync")]
    assert len(syncs) == 5
    lifetimes = {re.search(r'--cache-control "([^"]+)"', c).group(1) for c in syncs}  # type: ignore[union-attr]
    assert lifetimes == {SHORT, YEAR}
    (assets,) = [c for c in syncs if "_site/assets" in c]
    assert YEAR in assets and "--delete" not in assets
    (rest,) = [c for c in syncs if "--delete" in c]
    for excluded in ("assets/*", "_headers", ".statuspress-build"):
        assert f'--exclude "{excluded}"' in rest


def test_the_github_pages_recipe_is_the_workflow_init_writes() -> None:
    (snippet,) = _blocks("yaml")
    workflow = (
        REPO_ROOT / "src/statuspress/init_template/dot-github/workflows/publish.yml"
    ).read_text()
    assert snippet in workflow


def test_the_netlify_recipe_builds_the_site_at_the_address_netlify_gives(tmp_path: Path) -> None:
    tomllib = pytest.importorskip("tomllib")
    (text,) = _blocks("toml")
    config = tomllib.loads(text)
    assert config["build"]["publish"] == "_site"
    install, build = (part.strip() for part in config["build"]["command"].split("&&"))
    assert install == "pip install -r requirements-status.txt"
    assert (
        subprocess.run(
            [sys.executable, "-m", "statuspress", "init", "status"], cwd=tmp_path
        ).returncode
        == 0
    )
    bin_folder = str(Path(sys.executable).parent)
    done = subprocess.run(
        ["bash", "-c", build],
        cwd=tmp_path / "status",
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "PATH": f"{bin_folder}:{os.environ['PATH']}",
            "URL": "https://acme-status.netlify.app",
        },
    )
    assert done.returncode == 0, done.stderr
    index = (tmp_path / "status/_site/index.html").read_text()
    assert '<link rel="canonical" href="https://acme-status.netlify.app/">' in index
    assert (tmp_path / "status/_site/_headers").is_file()


def test_an_incremental_rebuild_after_a_stylesheet_change_links_the_new_name_everywhere(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path)
    for name, text in VALID.items():  # an incident, whose page the accelerator keeps
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).lstrip())
    (root / "site_templates/assets").mkdir(parents=True)
    (root / "site_templates/assets/style.css").write_text("body { color: black }\n")
    settle(root)
    out = tmp_path / "site"
    first = build_cli(root, out, "--incremental")
    assert first.returncode == 0, first.stderr
    assert (out / "incidents/2026-11-17-payments/index.html").is_file()
    (root / "site_templates/assets/style.css").write_text("body { color: navy }\n")
    settle(root)
    done = build_cli(root, out, "--incremental")
    assert done.returncode == 0, done.stderr
    assert "reused 1 of 1 incidents" in done.stdout + done.stderr, done.stdout + done.stderr
    (sheet,) = (out / "assets").glob("style.*")
    assert sheet.read_text() == "body { color: navy }\n"
    for page in out.rglob("*.html"):
        assert sheet.name in page.read_text(), page


_SEGMENT = st.one_of(
    st.sampled_from(["api", "assets", "index.html", "v2", "feed.rss"]),
    st.from_regex(r"[a-z0-9][a-z0-9._-]{0,8}", fullmatch=True),
)


@given(st.lists(st.lists(_SEGMENT, min_size=1, max_size=4).map("/".join), max_size=40))
def test_any_site_gets_exactly_one_intended_rule_for_every_file(outputs: list[str]) -> None:
    """Whatever paths a site has (other languages' folders, new outputs), `_headers`
    covers each exactly once, with the lifetime its top-level folder calls for."""
    # A name cannot be a file and a folder at once in one site.
    folders = {p.split("/")[0] for p in outputs if "/" in p}
    outputs = [p for p in outputs if "/" in p or p not in folders]
    rules = parse_headers(render(outputs)["_headers"].decode())
    for path in outputs:
        for url in urls_of(path):
            found = [headers for pattern, headers in rules if matches(pattern, url)]
            assert len(found) == 1, (url, [p for p, _ in rules])
            assert found[0] == intended(path), url


def test_the_cloudflare_recipe_builds_the_site_at_its_base_url(tmp_path: Path) -> None:
    (command,) = re.findall(r"^\| Build command \| `([^`]+)` \|$", HOSTING, flags=re.M)
    (output,) = re.findall(r"^\| Build output directory \| `([^`]+)` \|$", HOSTING, flags=re.M)
    install, build = (part.strip() for part in command.split("&&"))
    assert install == "pip install -r requirements-status.txt"
    root = tmp_path / "status"
    assert subprocess.run([sys.executable, "-m", "statuspress", "init", str(root)]).returncode == 0
    settings = root / "statuspress.yaml"
    settings.write_text(
        settings.read_text().replace("https://status.example.com/", "https://acme.pages.dev/")
    )
    done = subprocess.run(
        ["bash", "-c", build],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"},
    )
    assert done.returncode == 0, done.stderr
    assert "example-base-url" not in done.stdout + done.stderr
    index = (root / output / "index.html").read_text()
    assert '<link rel="canonical" href="https://acme.pages.dev/">' in index
    assert (root / output / "404.html").is_file() and (root / output / "_headers").is_file()
