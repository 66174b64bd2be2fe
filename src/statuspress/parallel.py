"""Split CPU-bound work over the machine's cores with fork, keeping results in order.

The calling process works on the first share itself while forked children take the rest,
so two cores really give two workers. Children inherit ``func`` and its data by fork (so
closures work) and send their results back pickled through a pipe. Falls back to one
process where fork is missing or the work is too small to pay for starting a process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Never use more processes than this: beyond it the work is bound by pickling results.
MAX_WORKERS = 4


class WorkerError(RuntimeError):
    """A forked worker failed; carries its traceback text (a bug, not a user error)."""


#: True in a forked worker: work it starts runs in the worker itself, never forks again.
_in_worker = False


def _child(func: Callable[[Sequence[Any]], Any], share: Sequence[Any], conn: Connection) -> None:
    global _in_worker
    _in_worker = True
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
    minimum: int,
    local_share: float = 0.0,
) -> list[R]:
    """``[func(share) for share in shares of items]``, the shares run in parallel.

    Fewer than ``minimum`` items run in this process only. ``local_share`` gives this
    process a larger first share, for work whose results are costly to receive: this
    process unpickles what the others send only after its own share, so with two cores
    and big results it should take a little more than half.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if (
        len(items) < minimum
        or workers < 2
        or _in_worker
        or "fork" not in mp.get_all_start_methods()
    ):
        return [func(items)]
    context = mp.get_context("fork")
    shares = [items[start:stop] for start, stop in split(len(items), workers, local_share)]
    children = []
    local: list[Sequence[T]] = [shares[0]]
    for share in shares[1:]:
        try:
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(func, share, sender), daemon=True)
            process.start()
        except OSError:
            local.append(share)  # no process to be had (limits, sandbox): do it here
            continue
        sender.close()
        children.append((receiver, process, share))
    done = {id(share): func(share) for share in local}
    for receiver, process, share in children:
        try:
            status, value = receiver.recv()
        except EOFError:
            raise WorkerError("a worker process died without a result") from None
        finally:
            process.join()
        if status != "ok":
            raise WorkerError(value)
        done[id(share)] = value
    return [done[id(share)] for share in shares]


class Background(Generic[R]):
    """``func()``, started now in a forked process, for work that does not depend on what
    this process does meanwhile; ``result()`` waits for it. Where fork is missing (or
    inside a worker) it runs here, at once."""

    def __init__(self, func: Callable[[], R]) -> None:
        self._child: tuple[Connection, Any] | None = None
        self._value: tuple[R] | None = None
        if not _in_worker and "fork" in mp.get_all_start_methods():
            context = mp.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            try:
                process = context.Process(
                    target=_child, args=(lambda _: func(), (), sender), daemon=True
                )
                process.start()
            except OSError:
                receiver.close()
            else:
                sender.close()
                self._child = (receiver, process)
                return
            finally:
                if self._child is None:
                    sender.close()
        self._value = (func(),)

    def result(self) -> R:
        """Its value (raises WorkerError if it failed)."""
        if self._child is not None:
            receiver, process = self._child
            self._child = None
            try:
                status, value = receiver.recv()
            except EOFError:
                raise WorkerError("a worker process died without a result") from None
            finally:
                receiver.close()
                process.join()
            if status != "ok":
                raise WorkerError(value)
            self._value = (value,)
        assert self._value is not None
        return self._value[0]
