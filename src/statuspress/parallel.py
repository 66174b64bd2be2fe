"""Split CPU-bound work over the machine's cores with fork, keeping results in order.

A command has one parallel step, at its top (``check`` and ``build`` read, check and
render incident folders in shares): the calling process works on the first share itself
while forked children take the rest, so two cores really give two workers. Children
inherit ``func`` and its data by fork (so closures work) and send their results back
pickled through a pipe. Falls back to one process where fork is missing or the work is
too small to pay for starting a process.

Never call it from a process with other threads running (``serve`` builds with
``parallel=False``): a forked child gets a copy of every lock in whatever state another
thread held it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")

#: Never use more processes than this: beyond it the work is bound by pickling results.
MAX_WORKERS = 4
_PR_SET_PDEATHSIG = 1


#: True in a forked worker: a fork_map there runs in the worker itself (never a fork_map
#: inside a fork_map).
_in_worker = False


class WorkerError(RuntimeError):
    """A forked worker failed; carries its traceback text (a bug, not a user error)."""


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this child when its parent dies (as the out-of-memory killer may
    kill the parent alone): a child whose parent is gone would wait on its pipe forever."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _child(
    func: Callable[[Sequence[Any]], Any],
    share: Sequence[Any],
    conn: Connection,
    parent: int,
    others: Sequence[int],
) -> None:
    global _in_worker
    _in_worker = True
    _die_with_parent(parent)
    for fd in others:  # inherited pipe ends this worker does not use: close them
        with contextlib.suppress(OSError):
            os.close(fd)
    try:
        conn.send(("ok", func(share)))
    except BaseException:  # the parent re-raises it; a child must never die silently
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def split(count: int, workers: int, local_share: float) -> list[tuple[int, int]]:
    """(start, stop) of each share: the first, ``local_share`` of the items when that is more
    than an even share, is this process's; the others split the rest evenly."""
    first = max(-(-count // workers), round(count * local_share))
    rest = count - first
    others = workers - 1
    bounds = [(0, first)]
    for index in range(others):
        start = first + rest * index // others
        stop = first + rest * (index + 1) // others
        if stop > start:
            bounds.append((start, stop))
    return bounds


def fork_map(
    func: Callable[[Sequence[T]], R],
    items: Sequence[T],
    minimum: int | None,
    local_share: float = 0.5,
) -> list[R]:
    """``[func(share) for share in shares of items]``, the shares run in parallel.

    Fewer than ``minimum`` items (or ``minimum`` None) run in this process only, as one
    share. ``local_share`` is this process's part when that is more than an even share:
    it receives what the others send only after its own share, so for results that are
    costly to receive it should take a little more.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if minimum is None or _in_worker or len(items) < minimum or workers < 2:
        return [func(items)]
    import multiprocessing  # only here: small work never pays for importing it

    if "fork" not in multiprocessing.get_all_start_methods():
        return [func(items)]
    context = multiprocessing.get_context("fork")
    shares = [items[start:stop] for start, stop in split(len(items), workers, local_share)]
    children: list[tuple[Connection, Any, Sequence[T]]] = []
    local: list[Sequence[T]] = [shares[0]]
    parent = os.getpid()
    for share in shares[1:]:
        try:
            receiver, sender = context.Pipe(duplex=False)
        except OSError:
            local.append(share)
            continue
        try:
            process = context.Process(
                target=_child,
                args=(func, share, sender, parent, [*_ends(children), receiver.fileno()]),
                daemon=True,
            )
            process.start()
        except OSError:
            receiver.close()
            local.append(share)  # no process to be had (limits, sandbox): do it here
            continue
        finally:
            sender.close()  # the child's end: this process must not keep it open
        children.append((receiver, process, share))
    try:
        done = {id(share): func(share) for share in local}
        for receiver, process, share in children:
            done[id(share)] = _receive(receiver, process)
    finally:
        for receiver, process, _ in children:
            if process.is_alive():
                process.kill()
                process.join()
            receiver.close()
    return [done[id(share)] for share in shares]


def _ends(children: Sequence[tuple[Connection, Any, Any]]) -> list[int]:
    """The descriptors this process holds for ``children``: each one's result pipe and
    the pipe multiprocessing watches for its end."""
    return [fd for receiver, process, _ in children for fd in (receiver.fileno(), process.sentinel)]


def _receive(receiver: Connection, process: Any) -> Any:
    """What a child sent (see _child), once it has ended; its failure as WorkerError."""
    try:
        status, value = receiver.recv()
    except EOFError:
        raise WorkerError("a worker process died without a result") from None
    finally:
        receiver.close()
        process.join()
    if status != "ok":
        raise WorkerError(value)
    return value
