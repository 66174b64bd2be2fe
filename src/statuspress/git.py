"""The one place that runs git. Every caller gets text back or a ``GitError``."""

from __future__ import annotations

from pathlib import Path


class GitError(Exception):
    """git failed (its message), or is not installed (``missing``)."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing


def git(root: Path, *args: str, timeout: float | None = None) -> str:
    """The standard output of ``git -C root ARGS``; GitError when it fails."""
    import subprocess  # here: most commands never run git, and need not import it

    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
    except FileNotFoundError:
        raise GitError("git is not installed", missing=True) from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(str(exc)) from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {args[0]} failed")
    return done.stdout


def prefix(root: Path) -> str:
    """``root``'s path inside its git work tree (``status/`` in a monorepo; "" at the top)."""
    return git(root, "rev-parse", "--show-prefix").strip()


def is_work_tree(root: Path) -> bool:
    try:
        return git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitError:
        return False


def tracked(root: Path, path: str) -> bool:
    """Whether git tracks anything at ``path`` (False without git or outside a work tree)."""
    try:
        return bool(git(root, "ls-files", "-z", "--", path, timeout=30))
    except GitError:
        return False


def files_at(root: Path, revision: str, *paths: str) -> dict[str, str]:
    """The files under ``paths`` at ``revision``: repository-relative path -> git's path.

    The status repository may be a folder of a larger git repository (``--repo status``
    in a monorepo): git lists full names, and they are made relative to the folder. A
    name that would leave it is left out."""
    top = prefix(root)
    listing = git(root, "ls-tree", "-r", "-z", "--full-name", "--name-only", revision, "--", *paths)
    found = {}
    for full in listing.split("\0"):
        path = full[len(top) :]
        if full.startswith(top) and path and ".." not in path.split("/"):
            found[path] = full
    return found
