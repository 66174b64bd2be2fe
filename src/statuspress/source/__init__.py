"""Files on disk -> Documents: YAML front matter as a located node tree, plus the body.

No meaning is given to any key here; that is ``load``'s job. Everything that can go
wrong with a file as a file (too large, binary, not UTF-8, a symlink out of the
repository, YAML that does not parse, an alias bomb) becomes a Diagnostic.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from statuspress.diagnostics import Diagnostic, Level, Position
from statuspress.source.flat import parse_flat
from statuspress.source.nodes import YMap, YNode, YScalar, YSeq

# The node types and the fast reader are part of what this package offers.
__all__ = ["YMap", "YNode", "YScalar", "YSeq", "parse_flat"]

# libyaml's C loader is several times faster; the pure-Python one behaves the same.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: A status file is a few kilobytes of prose; anything past this is a mistake or an attack.
MAX_FILE_BYTES = 1_000_000
#: Deeper nesting than this in front matter is never meaningful.
MAX_DEPTH = 20


@dataclass(frozen=True)
class Document:
    """One Markdown file: its front matter (None when it has none) and its body."""

    path: str  # relative to the repository, POSIX separators
    front_matter: YMap | None
    body: str
    body_line: int  # 1-based line where the body starts
    #: the ``file_digest`` of the bytes this document was read from
    digest: bytes = b""


class SourceError(Exception):
    """A file cannot be read as a status document; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _error(path: str, rule: str, message: str, line: int = 1, col: int = 1) -> SourceError:
    return SourceError(Diagnostic(path, line, col, Level.ERROR, rule, message))


def relative_path(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def read_text(
    root: Path, path: Path | str, rel: str | None = None, *, symlink: bool | None = None
) -> str:
    """The UTF-8 text of ``path``; raises SourceError for anything that is not a sane text file.

    ``symlink`` is whether ``path`` is a symbolic link, when the caller already knows (a
    directory listing does), saving a system call per file.
    """
    return read_source(root, path, rel, symlink=symlink)[0]


def read_source(
    root: Path, path: Path | str, rel: str | None = None, *, symlink: bool | None = None
) -> tuple[str, bytes]:
    """``read_text``, and the ``file_digest`` of the very bytes the text was decoded from."""
    rel = rel if rel is not None else relative_path(root, Path(path))
    data = _read_bytes(root, path, rel, symlink)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(
            rel,
            "source/encoding",
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
            line,
            col,
        ) from exc
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, file_digest(data)


def file_digest(data: bytes) -> bytes:
    """A hash of a file's bytes: same bytes, same digest."""
    return hashlib.blake2b(data, digest_size=16).digest()


def _read_at_most(fd: int, limit: int, size: int) -> bytes:
    """At most ``limit`` bytes of the open file ``fd``, asking first for ``size`` + 1 (the
    file's own size, plus one byte to see the end): one read of the limit itself would map
    and unmap a megabyte per file. A file that grows meanwhile, or a pipe with no size, is
    read on in small steps up to the limit."""
    data = os.read(fd, min(size + 1, limit))
    while data and len(data) < limit:
        more = os.read(fd, min(limit - len(data), 65536))
        if not more:
            break
        data += more
    return data


def _read_bytes(root: Path, path: Path | str, rel: str, symlink: bool | None) -> bytes:
    """The bytes of a sane status file (no link out of the repository, not too large,
    no NUL byte), or SourceError."""
    if symlink if symlink is not None else os.path.islink(path):
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(Path(os.path.realpath(root))):
            raise _error(
                rel,
                "source/symlink",
                f"this file is a symbolic link to {target}, outside the repository; "
                "replace the link with the file itself",
            )
    try:
        # One open, one fstat for the size, the reads, one close: nothing more per file.
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            data = _read_at_most(fd, MAX_FILE_BYTES + 1, os.fstat(fd).st_size)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _error(rel, "source/unreadable", f"cannot read this file ({exc.strerror})") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _error(
            rel,
            "source/too-large",
            f"this file is larger than {MAX_FILE_BYTES // 1_000_000} MB; a status update is a few "
            "paragraphs: shorten it, or move long material (a postmortem) to a linked page",
        )
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise _error(
            rel,
            "source/binary",
            "this file contains a NUL byte, so it is binary, not Markdown; "
            "remove it or save the file as UTF-8 text",
            line,
        )
    return data


def parse_yaml(text: str, rel: str, first_line: int = 1) -> YNode | None:
    """Parse one YAML document into located nodes; ``first_line`` is where ``text`` starts."""
    flat = parse_flat(text, first_line)
    return flat if flat is not None else parse_with_libyaml(text, rel, first_line)


def parse_with_libyaml(text: str, rel: str, first_line: int = 1) -> YNode | None:
    """``parse_yaml`` without the fast path: any YAML, through libyaml."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "syntax error"
        if "depth" in problem:  # libyaml's own limit on nesting
            raise _error(
                rel, "source/yaml", "front matter is nested too deeply", line, col
            ) from exc
        raise _error(
            rel,
            "source/yaml",
            f"front matter is not valid YAML ({problem}); check the indentation, and quote "
            "values that contain ': ' or start with a special character",
            line,
            col,
        ) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = first_line + text.count("\n", 0, exc.position)
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise _error(
            rel,
            "source/yaml",
            f"front matter holds the character U+{exc.character:04X}, which YAML does not allow; "
            "remove it",
            line,
            col,
        ) from exc
    except yaml.YAMLError as exc:
        raise _error(rel, "source/yaml", f"front matter is not valid YAML ({exc})") from exc
    except RecursionError as exc:
        raise _error(rel, "source/yaml", "front matter is nested too deeply") from exc
    if node is None:
        return None
    return _convert(node, rel, first_line, set(), 0)


def _convert(node: yaml.Node, rel: str, first_line: int, seen: set[int], depth: int) -> YNode:
    pos = Position(first_line + node.start_mark.line, node.start_mark.column + 1)
    # Aliases make the composed graph share nodes; expanding them is how a "billion laughs"
    # document explodes. Status files never need them, so refuse them outright.
    if id(node) in seen:
        raise _error(
            rel,
            "source/yaml-alias",
            "YAML anchors and aliases (& and *) are not supported in front matter; "
            "write each value out in full",
            pos.line,
            pos.col,
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _error(rel, "source/yaml", "front matter is nested too deeply", pos.line, pos.col)
    if isinstance(node, yaml.ScalarNode):
        # PyYAML marks a plain scalar with style None, libyaml with an empty string.
        return YScalar(str(node.value), str(node.tag), not node.style, pos)
    if isinstance(node, yaml.SequenceNode):
        return YSeq(tuple(_convert(n, rel, first_line, seen, depth + 1) for n in node.value), pos)
    assert isinstance(node, yaml.MappingNode)
    items: list[tuple[YScalar, YNode]] = []
    for key_node, value_node in node.value:
        key = _convert(key_node, rel, first_line, seen, depth + 1)
        if not isinstance(key, YScalar):
            raise _error(
                rel, "source/yaml", "a key must be a plain word", key.pos.line, key.pos.col
            )
        items.append((key, _convert(value_node, rel, first_line, seen, depth + 1)))
    return YMap(tuple(items), pos)


def split_front_matter(text: str, rel: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise _error(
        rel,
        "source/front-matter",
        "the front matter opened on line 1 is never closed; add a line containing only '---' "
        "after the last key",
    )


def read_document(
    root: Path, path: Path | str, rel: str | None = None, *, symlink: bool | None = None
) -> Document:
    """Read one Markdown file with YAML front matter; raises SourceError on a bad file."""
    rel = rel if rel is not None else relative_path(root, Path(path))
    text, digest = read_source(root, path, rel, symlink=symlink)
    if not text.strip():
        raise _error(
            rel,
            "source/empty",
            "this file is empty; start it with front matter between two '---' lines",
        )
    front, body, body_line = split_front_matter(text, rel)
    if front is None:
        raise _error(
            rel,
            "source/front-matter",
            "this file has no front matter; start it with a line '---', the YAML keys, "
            "and another '---'",
        )
    node = parse_yaml(front, rel, first_line=2)
    if node is not None and not isinstance(node, YMap):
        kind = "a list" if isinstance(node, YSeq) else "a single value"
        raise _error(
            rel,
            "source/front-matter",
            f"the front matter is {kind}; it must be keys and values, such as 'title: ...'",
            node.pos.line,
            node.pos.col,
        )
    stripped = body.lstrip("\n")
    # Keep body_line pointing at the first line of text, so body offsets map to file lines.
    return Document(
        rel,
        node,
        stripped.rstrip("\n"),
        body_line + len(body) - len(stripped),
        digest,
    )
