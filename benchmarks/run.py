"""Time `statuspress check`, a cold `build` and a rebuild after one new update on synthetic
repositories of growing size; report wall time (median), peak memory, files and bytes.

    python benchmarks/run.py                       # N = 100, 1000, 10000; 3 runs each
    python benchmarks/run.py --sizes 100 --repeat 1
    python benchmarks/run.py --work /dev/shm/sp-bench   # repositories and sites in memory

Writes a Markdown table to stdout and JSON to benchmarks/out/results.json. Each measured
command runs in a fresh subprocess; peak RSS is that process tree's maximum.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import NOW, generate  # noqa: E402

NOW_ARG = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
OUT = HERE / "out"


def measure(command: list[str]) -> dict[str, float]:
    """Run ``command`` in a child that reports its own children's peak RSS.

    Dirty pages of the previous step are flushed first, so one run does not pay for the
    writes of the one before.
    """
    if hasattr(os, "sync"):
        os.sync()
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "wall = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'wall': wall, 'rss_mb': rss / 1024, 'code': code}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout)
    if result["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with {result['code']}")
    return result


def statuspress(repo: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "statuspress", "--repo", str(repo), *args, "--now", NOW_ARG]


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def add_one_update(repo: Path) -> None:
    newest = sorted((repo / "incidents").iterdir())[-1]
    (newest / "20261124T1155Z-identified.md").write_text(
        "---\nat: 2026-11-24T11:55:00Z\nstatus: identified\nnext_update: 2026-11-24T12:25:00Z\n---\n"
        "We have found the cause and are working on it. We will post the next update by 12:25 UTC.\n",
        encoding="utf-8",
    )


def same_tree(a: Path, b: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def bench(size: int, repeat: int, work: Path) -> dict[str, object]:
    repo = work / f"repo-{size}"
    generate(repo, size)
    site = work / f"site-{size}"
    fresh = work / f"site-{size}-cold"
    rows: dict[str, list[dict[str, float]]] = {
        "check": [],
        "cold build": [],
        "rebuild after one update": [],
    }
    for _ in range(repeat):
        rows["check"].append(measure(statuspress(repo, "check")))
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(repo / ".statuspress-cache", ignore_errors=True)
        rows["cold build"].append(measure(statuspress(repo, "build", "--out", str(site))))
        files, size_bytes = folder_size(site)
        add_one_update(repo)
        rows["rebuild after one update"].append(
            measure(statuspress(repo, "build", "--out", str(site)))
        )
        shutil.rmtree(fresh, ignore_errors=True)
        subprocess.run(
            statuspress(repo, "build", "--out", str(fresh), "--no-cache"),
            check=True,
            capture_output=True,
        )
        if not same_tree(site, fresh):
            raise SystemExit(f"the rebuild of {repo} differs from a cold build of the same content")
        shutil.rmtree(fresh)
        (sorted((repo / "incidents").iterdir())[-1] / "20261124T1155Z-identified.md").unlink()
    return {
        "incidents": size,
        "files_written": files,
        "bytes_written": size_bytes,
        "results": {
            name: {
                "median_s": round(statistics.median(r["wall"] for r in runs), 3),
                "peak_rss_mb": round(max(r["rss_mb"] for r in runs), 1),
                "runs": [round(r["wall"], 3) for r in runs],
            }
            for name, runs in rows.items()
        },
    }


def compile_package() -> None:
    """Compile statuspress's modules to bytecode once, as installing a package does: an
    editable install under PYTHONDONTWRITEBYTECODE (set on some CI machines and sandboxes)
    would otherwise compile them again in every measured run."""
    import statuspress

    compileall.compile_dir(Path(statuspress.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=OUT / "results.json")
    parser.add_argument(
        "--work",
        type=Path,
        default=OUT,
        help="where the generated repositories and sites go (default benchmarks/out)",
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    compile_package()
    report = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "work": str(args.work),
        "sizes": [bench(int(n), args.repeat, args.work) for n in args.sizes.split(",")],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"{report['machine']['cores']} cores, Python {report['machine']['python']}, median of {args.repeat} run(s)\n"
    )
    print("| incidents | step | median wall | peak RSS | files | bytes |")
    print("|---:|---|---:|---:|---:|---:|")
    for entry in report["sizes"]:
        for step, figures in entry["results"].items():  # type: ignore[attr-defined]
            print(
                f"| {entry['incidents']:,} | {step} | {figures['median_s']:.2f} s | {figures['peak_rss_mb']:.0f} MB "
                f"| {entry['files_written']:,} | {entry['bytes_written']:,} |"
            )


if __name__ == "__main__":
    main()
