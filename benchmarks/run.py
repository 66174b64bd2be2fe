"""Time statuspress on synthetic repositories of growing size, next to a parse floor.

    python benchmarks/run.py                          # N = 10, 100, 1000, 10000, on disk
    python benchmarks/run.py --sizes 100 --repeat 1
    python benchmarks/run.py --work /dev/shm/sp-bench  # repositories and sites in memory
    python benchmarks/run.py --baseline-python /tmp/before-venv/bin/python

Per size it measures start-up (`--version`), `check`, a plain cold `build`, a cold
incremental build, a rebuild after one new update, and the parse floor (benchmarks/floor.py:
reading, YAML-loading and Markdown-rendering every file once, in one fresh interpreter).
Every time is also given as a multiple of that size's floor. Each measured command runs in
a fresh process after the previous step's writes are flushed; wall time is the median of
the runs, user and system CPU time their medians, peak RSS the largest process's maximum.
With strace on PATH, one plain cold build per size is counted by system call.

With --baseline-python, every measured command also runs under that interpreter (another
checkout of statuspress installed in its own virtual environment), alternating with this
one on the same repository and fresh state, and the table adds the median of the pairwise
ratios new/baseline.

Writes a Markdown table to stdout and JSON to --json (default benchmarks/out/results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from floor import markdown_files  # noqa: E402
from generate import NOW, generate  # noqa: E402

NOW_ARG = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
OUT = HERE / "out"
DEMO_REPO = HERE.parent
FLOOR = HERE / "floor.py"
CACHE_DIR = ".statuspress-cache"
UPDATE_NAME = "20261124T1155Z-identified.md"
SECOND_UPDATE_NAME = "20261124T1158Z-identified.md"
# Sizes up to this many incidents get --repeat's larger default; above it, runs are long
# enough that fewer of them give as steady a median.
SMALL = 1000
REPEAT_SMALL, REPEAT_LARGE = 5, 3
MEMORY_FILE_SYSTEMS = {"tmpfs", "ramfs"}
# The multiplication sign of "N times the floor", escaped so linters see no lookalike.
TIMES = "\u00d7"

# The file-system calls a build's cost on a real disk depends on, grouped as reported.
SYSCALL_GROUPS: dict[str, tuple[str, ...]] = {
    "openat": ("open", "openat", "openat2"),
    "stat family": ("stat", "fstat", "lstat", "newfstatat", "statx"),
    "mkdir": ("mkdir", "mkdirat"),
    "unlink": ("unlink", "unlinkat"),
    "rename": ("rename", "renameat", "renameat2"),
    "getdents64": ("getdents64", "getdents"),
}

# The probe runs the measured command as its only child, so RUSAGE_CHILDREN holds exactly
# that command's process tree (those of its processes it waited for).
PROBE = """\
import json, resource, subprocess, sys, time
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "user": usage.ru_utime, "sys": usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024, "code": code}))
"""

Sample = dict[str, float]
Figures = dict[str, Any]


# --- the two interfaces ------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One installed statuspress: the interpreter that runs it and the interface it has.

    Before the renovation plain `build` used the cache and `build --no-cache` did not;
    after it plain `build` uses none and `build --incremental` keeps one. Each side asks its
    own `build --help`, so a before/after comparison can span the change.
    """

    name: str
    python: str
    incremental_flag: bool
    version: str

    def statuspress(self, *args: str) -> list[str]:
        return [self.python, "-m", "statuspress", *args]

    def on(self, repo: Path, *args: str) -> list[str]:
        return self.statuspress("--repo", str(repo), *args, "--now", NOW_ARG)

    def plain_build(self, repo: Path, out: Path) -> list[str]:
        extra = () if self.incremental_flag else ("--no-cache",)
        return self.on(repo, "build", "--out", str(out), *extra)

    def incremental_build(self, repo: Path, out: Path) -> list[str]:
        extra = ("--incremental",) if self.incremental_flag else ()
        return self.on(repo, "build", "--out", str(out), *extra)

    def describe(self) -> str:
        plain, incremental = (
            ("build", "build --incremental")
            if self.incremental_flag
            else ("build --no-cache", "build")
        )
        return (
            f"{self.name}: {self.python} ({self.version}); "
            f"plain build = `{plain}`, incremental = `{incremental}`"
        )


def detect_side(name: str, python: str) -> Side:
    """Ask an installed statuspress which interface it has, and compile it once."""

    def ask(*args: str) -> str:
        done = subprocess.run(
            [python, "-m", "statuspress", *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"{python} -m statuspress {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout

    compile_package(python)
    return Side(
        name=name,
        python=python,
        incremental_flag="--incremental" in ask("build", "--help"),
        version=ask("--version").strip(),
    )


def compile_package(python: str) -> None:
    """Compile statuspress's modules to bytecode once, as installing a package does: an
    editable install under PYTHONDONTWRITEBYTECODE (set on some CI machines and sandboxes)
    would otherwise compile them again in every measured run."""
    code = (
        "import compileall, pathlib, statuspress\n"
        "compileall.compile_dir(pathlib.Path(statuspress.__file__).parent, quiet=1)\n"
    )
    subprocess.run([python, "-c", code], check=True)


# --- measuring one command ---------------------------------------------------------------


def measure(command: list[str], cwd: Path, accept: tuple[int, ...] = (0,)) -> Sample:
    """Run ``command`` under the probe; flush the previous step's dirty pages first, so
    one run does not pay for the writes of the one before. Any exit code outside
    ``accept`` stops the benchmark: a build that fails fast would look like a fast one."""
    if hasattr(os, "sync"):
        os.sync()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    sample: Sample = json.loads(done.stdout)
    if sample["code"] not in accept:
        rerun = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
        raise SystemExit(
            f"{' '.join(command)} failed with exit code {sample['code']}:\n"
            f"{rerun.stdout[-2000:]}{rerun.stderr[-2000:]}"
        )
    return sample


def summarise(samples: list[Sample], floor: Figures | None) -> Figures:
    """Median wall, user and system time, the largest peak RSS, and the multiples of the
    floor's own medians (None where the floor's figure is too small to divide by)."""
    figures: Figures = {
        "median_s": round(statistics.median(s["wall"] for s in samples), 4),
        "user_s": round(statistics.median(s["user"] for s in samples), 4),
        "sys_s": round(statistics.median(s["sys"] for s in samples), 4),
        "peak_rss_mb": round(max(s["rss_mb"] for s in samples), 1),
        "runs": [round(s["wall"], 4) for s in samples],
    }
    if floor is not None:
        figures["x_floor"] = {
            key: multiple(figures[f"{key}_s" if key != "wall" else "median_s"], floor, key)
            for key in ("wall", "user", "sys")
        }
    return figures


def multiple(value: float, floor: Figures, key: str) -> float | None:
    base = floor["median_s"] if key == "wall" else floor[f"{key}_s"]
    return round(value / base, 2) if base > 0.001 else None


def paired_ratio(new: list[Sample], baseline: list[Sample]) -> Figures:
    """The median of new/baseline over runs made back to back, so that a drift of the
    machine's speed between rounds cancels out of each ratio."""
    ratios = [a["wall"] / b["wall"] for a, b in zip(new, baseline, strict=True)]
    return {"median": round(statistics.median(ratios), 3), "pairs": [round(r, 3) for r in ratios]}


# --- one repository's state --------------------------------------------------------------


@dataclass
class Workspace:
    """A generated repository and the folder its sites are built into."""

    repo: Path
    sites: Path

    @property
    def out(self) -> Path:
        return self.sites / "site"

    @property
    def reference(self) -> Path:
        return self.sites / "plain"

    def fresh(self) -> None:
        """No cache and no earlier site: what a build in a fresh clone finds. The sites get
        a folder of their own so that a build's staging and retired siblings go too."""
        shutil.rmtree(self.repo / CACHE_DIR, ignore_errors=True)
        shutil.rmtree(self.sites, ignore_errors=True)
        self.sites.mkdir(parents=True)

    def newest_incident(self) -> Path:
        return sorted((self.repo / "incidents").iterdir())[-1]

    def add_one_update(self) -> None:
        (self.newest_incident() / UPDATE_NAME).write_text(
            "---\nat: 2026-11-24T11:55:00Z\nstatus: identified\nnext_update: 2026-11-24T12:25:00Z\n---\n"
            "We have found the cause and are working on it. We will post the next update by 12:25 UTC.\n",
            encoding="utf-8",
        )

    def add_another_update(self) -> None:
        (self.newest_incident() / SECOND_UPDATE_NAME).write_text(
            "---\nat: 2026-11-24T11:58:00Z\nstatus: identified\nnext_update: 2026-11-24T12:28:00Z\n---\n"
            "The fix is being rolled out region by region. Next update by 12:28 UTC.\n",
            encoding="utf-8",
        )

    def remove_update(self) -> None:
        (self.newest_incident() / UPDATE_NAME).unlink(missing_ok=True)
        (self.newest_incident() / SECOND_UPDATE_NAME).unlink(missing_ok=True)


def age_files(root: Path, seconds: float) -> None:
    """Date every file and folder ``seconds`` back. A freshly generated repository's files
    are younger than the two seconds the build cache waits before trusting a folder's stat
    signature, so its first rebuild would read them all again; in a real clone that has
    been there a while they are older, and that is the rebuild worth timing."""
    when = time.time() - seconds
    for path in [root, *root.rglob("*")]:
        os.utime(path, (when, when))


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def same_tree(a: Path, b: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


# --- steps -------------------------------------------------------------------------------


@dataclass
class Step:
    """A measured command: made ready, run under the probe, then checked."""

    name: str
    command: Callable[[Side], list[str]]
    prepare: Callable[[Side], None] = lambda side: None
    verify: Callable[[Side], None] = lambda side: None
    # Generated repositories pass `check` with no diagnostics, so anything but 0 is a fault.
    accept: tuple[int, ...] = (0,)


def size_groups(ws: Workspace) -> list[list[Step]]:
    """The steps at one size, in groups that run together on one side: the rebuild needs
    the cache its own side's cold incremental build left, so those two stay together."""

    def same_as_plain(side: Side) -> None:
        run_quietly(side.plain_build(ws.repo, ws.reference))
        if not same_tree(ws.out, ws.reference):
            raise SystemExit(
                f"{side.name}: the incremental rebuild of {ws.repo} differs from a plain "
                "build of the same content"
            )

    def check_rebuild(side: Side) -> None:
        same_as_plain(side)
        ws.remove_update()

    def fresh(side: Side) -> None:
        ws.remove_update()
        ws.fresh()

    return [
        [Step("start-up (--version)", lambda side: side.statuspress("--version"))],
        [Step("check", lambda side: side.on(ws.repo, "check"), fresh)],
        [Step("cold build", lambda side: side.plain_build(ws.repo, ws.out), fresh)],
        [
            Step(
                "cold build --incremental",
                lambda side: side.incremental_build(ws.repo, ws.out),
                fresh,
            ),
            Step(
                "rebuild after one update",
                lambda side: side.incremental_build(ws.repo, ws.out),
                lambda side: ws.add_one_update(),
                same_as_plain,
            ),
            # As `serve` and every later `build --incremental` run: after earlier rebuilds.
            Step(
                "rebuild after another update",
                lambda side: side.incremental_build(ws.repo, ws.out),
                lambda side: ws.add_another_update(),
                check_rebuild,
            ),
        ],
    ]


def run_quietly(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


@dataclass
class Runs:
    """Samples of every step on every side, plus the floor's, in round order."""

    floor: list[Sample] = field(default_factory=list)
    steps: dict[str, dict[str, list[Sample]]] = field(default_factory=dict)

    def add(self, step: str, side: str, sample: Sample) -> None:
        self.steps.setdefault(step, {}).setdefault(side, []).append(sample)


def run_rounds(
    groups: list[list[Step]], sides: list[Side], floor_repo: Path, repeat: int, cwd: Path
) -> Runs:
    """Each round measures the floor, then every group on every side. The side that goes
    first swaps each round (A B, B A, …) so neither is always the one that follows the
    other's writes or catches the machine's speed changing the same way."""
    runs = Runs()
    for round_index in range(repeat):
        runs.floor.append(measure([sys.executable, str(FLOOR), str(floor_repo)], cwd))
        order = sides if round_index % 2 == 0 else list(reversed(sides))
        for group in groups:
            for side in order:
                for step in group:
                    step.prepare(side)
                    sample = measure(step.command(side), cwd, step.accept)
                    runs.add(step.name, side.name, sample)
                    step.verify(side)
    return runs


def report_steps(runs: Runs, sides: list[Side]) -> tuple[Figures, dict[str, Figures]]:
    """The floor's figures and each step's, with the baseline's and the ratio if any."""
    floor = summarise(runs.floor, None)
    steps: dict[str, Figures] = {}
    for name, by_side in runs.steps.items():
        figures = summarise(by_side[sides[0].name], floor)
        if len(sides) > 1:
            figures["baseline"] = summarise(by_side[sides[1].name], floor)
            figures["ratio_new_over_baseline"] = paired_ratio(
                by_side[sides[0].name], by_side[sides[1].name]
            )
        steps[name] = figures
    return floor, steps


# --- system calls ------------------------------------------------------------------------


def parse_strace_summary(text: str) -> dict[str, int]:
    """Calls per system call from ``strace -c`` output. Rows read ``% time, seconds,
    usecs/call, calls, [errors], syscall``; the errors column is blank when there were none,
    so calls is the fourth field either way. The total is summed here rather than read from
    its line, whose usecs/call field can be blank too."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 5 or fields[-1] == "total" or not fields[3].isdigit():
            continue
        try:
            float(fields[0])
        except ValueError:
            continue
        counts[fields[-1]] = counts.get(fields[-1], 0) + int(fields[3])
    return counts


def group_syscalls(counts: dict[str, int]) -> dict[str, int]:
    grouped = {name: sum(counts.get(c, 0) for c in calls) for name, calls in SYSCALL_GROUPS.items()}
    grouped["total"] = sum(counts.values())
    return grouped


def count_syscalls(side: Side, ws: Workspace, strace: str) -> Figures:
    """Count one plain cold build's system calls, forked processes included."""
    ws.fresh()
    with tempfile.TemporaryDirectory() as scratch:
        summary = Path(scratch) / "strace.txt"
        command = [strace, "-f", "-c", "-o", str(summary), "--", *side.plain_build(ws.repo, ws.out)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        text = summary.read_text(encoding="utf-8") if summary.exists() else ""
    counts = parse_strace_summary(text)
    if done.returncode != 0 or not counts:
        # Tracing can be forbidden (no ptrace in some containers): say so, do not stop.
        return {"note": f"strace did not count this build: {done.stderr.strip()[:200]}"}
    return {"grouped": group_syscalls(counts), "by_syscall": dict(sorted(counts.items()))}


# --- sizes and the top rows --------------------------------------------------------------


def syscall_counts(
    sides: list[Side], ws: Workspace
) -> tuple[dict[str, Figures] | None, str | None]:
    """Each side's counts of one plain cold build, or why there are none."""
    strace = shutil.which("strace")
    if strace is None:
        return None, "strace is not on PATH: no system-call counts"
    return {side.name: count_syscalls(side, ws, strace) for side in sides}, None


def repeat_for(size: int, repeat: int | None) -> int:
    if repeat is not None:
        return repeat
    return REPEAT_SMALL if size <= SMALL else REPEAT_LARGE


def bench_size(size: int, repeat: int, work: Path, sides: list[Side]) -> Figures:
    ws = Workspace(repo=work / f"repo-{size}", sites=work / f"sites-{size}")
    load_before = load_average()
    generate(ws.repo, size)
    age_files(ws.repo, 24 * 3600)
    runs = run_rounds(size_groups(ws), sides, ws.repo, repeat, work)
    floor, steps = report_steps(runs, sides)

    ws.fresh()
    run_quietly(sides[0].plain_build(ws.repo, ws.out))
    files, size_bytes = folder_size(ws.out)

    syscalls, note = syscall_counts(sides, ws)
    return {
        "incidents": size,
        "repeat": repeat,
        "load_average": {"before": load_before, "after": load_average()},
        "markdown_files": len(markdown_files(ws.repo)),
        "files_written": files,
        "bytes_written": size_bytes,
        "floor": floor,
        "steps": steps,
        "syscalls": syscalls,
        "syscalls_note": note,
    }


def bench_top(repeat: int, work: Path, sides: list[Side]) -> Figures:
    """Start-up once, and `check` on this checkout's own demo repository (by the real
    clock, as someone trying the project would run it), against the demo's own floor."""
    groups = [
        [Step("start-up (--version)", lambda side: side.statuspress("--version"))],
        [
            Step(
                "check demo repository",
                lambda side: side.statuspress("--repo", str(DEMO_REPO), "check"),
                # By the real clock the demo may come to owe an update (exit 1): still a
                # complete check, worth timing.
                accept=(0, 1),
            )
        ],
    ]
    runs = run_rounds(groups, sides, DEMO_REPO, repeat, work)
    floor, steps = report_steps(runs, sides)
    return {"repo": str(DEMO_REPO), "repeat": repeat, "floor": floor, "steps": steps}


def load_average() -> float | None:
    """The one-minute load average: on a shared machine, other work competing for the
    cores shows here (wall time well above user + sys), and explains a noisy figure."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def storage_of(path: Path) -> str:
    """Whether ``path`` sits in memory or on disk, from the mount table (Linux)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    target, best, kind = str(path.resolve()), "", "unknown"
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(best):
            best, kind = mount, fields[2]
    if kind == "unknown":
        return kind
    return f"{'memory' if kind in MEMORY_FILE_SYSTEMS else 'disk'} ({kind})"


# --- output ------------------------------------------------------------------------------


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}{TIMES}"


def table_rows(label: str, entry: Figures, paired: bool) -> Iterable[str]:
    floor = entry["floor"]
    rows = [
        *entry["steps"].items(),
        ("parse floor", {**floor, "x_floor": dict.fromkeys(("wall", "user", "sys"), 1.0)}),
    ]
    for step, f in rows:
        cells = [
            label,
            step,
            seconds(f["median_s"]),
            times(f["x_floor"]["wall"]),
            f"{seconds(f['user_s'])} ({times(f['x_floor']['user'])})",
            f"{seconds(f['sys_s'])} ({times(f['x_floor']['sys'])})",
            f"{f['peak_rss_mb']:.0f} MB",
        ]
        if paired:
            baseline = f.get("baseline")
            ratio = f.get("ratio_new_over_baseline")
            cells += [
                seconds(baseline["median_s"]) if baseline else "-",
                f"{ratio['median']:.3f}" if ratio else "-",
            ]
        yield "| " + " | ".join(cells) + " |"


def print_tables(report: Figures, sides: list[Side]) -> None:
    paired = len(sides) > 1
    machine = report["machine"]
    print(f"{machine['cores']} cores, Python {machine['python']}, {machine['platform']}")
    print(f"work folder: {report['work']} — {report['storage']}")
    for side in sides:
        print(side.describe())
    print()
    head = f"| incidents | step | median wall | {TIMES} floor | user | sys | peak RSS |"
    rule = "|---:|---|---:|---:|---:|---:|---:|"
    if paired:
        head += " baseline wall | new/baseline |"
        rule += "---:|---:|"
    print(head)
    print(rule)
    top = report["top"]
    rows = [*table_rows("demo", top, paired)]
    for entry in report["sizes"]:
        rows += table_rows(f"{entry['incidents']:,}", entry, paired)
    print("\n".join(rows))
    runs = ", ".join(
        f"{e['incidents']:,}: {e['repeat']} (load {e['load_average']['before']} to "
        f"{e['load_average']['after']})"
        for e in report["sizes"]
    )
    print(
        f"\nruns per size: {runs}; demo: {top['repeat']}. {TIMES} floor: the same figure of the parse floor"
    )
    print_syscalls(report, sides)


def print_syscalls(report: Figures, sides: list[Side]) -> None:
    print("\nOne plain cold build, system calls (strace -f -c):\n")
    print(
        "| incidents | side | files written | bytes written | "
        + " | ".join(SYSCALL_GROUPS)
        + " | total |"
    )
    print("|---:|---|---:|---:|" + "---:|" * (len(SYSCALL_GROUPS) + 1))
    for entry in report["sizes"]:
        for side in sides:
            counts = (entry["syscalls"] or {}).get(side.name, {})
            grouped = counts.get("grouped")
            cells = (
                [f"{grouped[name]:,}" for name in [*SYSCALL_GROUPS, "total"]]
                if grouped
                else ["-"] * (len(SYSCALL_GROUPS) + 1)
            )
            print(
                f"| {entry['incidents']:,} | {side.name} | {entry['files_written']:,} "
                f"| {entry['bytes_written']:,} | " + " | ".join(cells) + " |"
            )
            if not grouped:
                print(f"\nnote: {entry['syscalls_note'] or counts.get('note')}\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="10,100,1000,10000", help="incident counts, comma-separated"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help=f"runs per step (default {REPEAT_SMALL} up to {SMALL:,} incidents, {REPEAT_LARGE} above)",
    )
    parser.add_argument("--json", type=Path, default=OUT / "results.json")
    parser.add_argument(
        "--work",
        type=Path,
        default=OUT,
        help="where the generated repositories and sites go (default benchmarks/out, on disk)",
    )
    parser.add_argument(
        "--baseline-python",
        help="the python of another virtual environment with another statuspress installed",
    )
    args = parser.parse_args()
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(n) for n in args.sizes.split(",")]

    sides = [detect_side("new", sys.executable)]
    if args.baseline_python:
        sides.append(detect_side("baseline", args.baseline_python))
    top_repeat = max(repeat_for(n, args.repeat) for n in sizes)
    report: Figures = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "work": str(work),
        "storage": storage_of(work),
        "sides": {
            side.name: {
                "python": side.python,
                "version": side.version,
                "interface": "incremental flag" if side.incremental_flag else "cache by default",
            }
            for side in sides
        },
        "top": bench_top(top_repeat, work, sides),
        "sizes": [bench_size(n, repeat_for(n, args.repeat), work, sides) for n in sizes],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_tables(report, sides)


if __name__ == "__main__":
    main()
