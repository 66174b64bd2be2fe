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
from typing import Any, TypeVar

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
