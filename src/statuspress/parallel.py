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
        done[id(share)] = _receive(receiver, process)
    return [done[id(share)] for share in shares]


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


class Background(Generic[R]):
    """``func()`` in a process forked now but started only by ``start()``; ``result()``
    waits for its value.

    Forking early, while this process is still small, keeps the fork cheap, and the pages
    this process fills afterwards stay its own (no copy-on-write faults for the work it
    does meanwhile); starting later keeps the work off the cores while this process needs
    both. Where fork is missing (or inside a worker) ``start()`` runs ``func`` here."""

    def __init__(self, func: Callable[[], R]) -> None:
        self._func = func
        self._child: tuple[Connection, Any] | None = None
        self._gate: int | None = None  # the write end of the pipe the child waits on
        self._value: tuple[R] | None = None
        self._started = False
        if _in_worker or "fork" not in mp.get_all_start_methods():
            return
        context = mp.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        wait, gate = os.pipe()
        try:
            process = context.Process(
                target=_child, args=(_gated(func, wait, gate), (), sender), daemon=True
            )
            process.start()
        except OSError:
            receiver.close()
            os.close(gate)
        else:
            self._child, self._gate = (receiver, process), gate
        finally:
            sender.close()
            os.close(wait)

    def start(self) -> None:
        """Let it begin (here and now, where there is no process to run it)."""
        if self._started:
            return
        self._started = True
        if self._gate is None:
            self._value = (self._func(),)
            return
        os.write(self._gate, b"go")
        os.close(self._gate)
        self._gate = None

    def result(self) -> R:
        """Its value, once it is done (raises WorkerError if it failed)."""
        self.start()
        if self._child is not None:
            value = self._collect()
            if value is _NOT_STARTED:
                raise WorkerError("the background work never started")
            self._value = (value,)
        assert self._value is not None
        return self._value[0]

    def cancel(self) -> R | None:
        """Never start it (its process ends at once); or, if it has started, wait for it
        and give its value."""
        if not self._started:
            self._started = True
            if self._gate is not None:
                # Said, not left to an end of file: processes forked since hold copies of
                # the pipe's write end, so the child might wait for them.
                os.write(self._gate, b"no")
                os.close(self._gate)
                self._gate = None
                self._collect()
            return None
        return self.result()

    def _collect(self) -> Any:
        assert self._child is not None
        receiver, process = self._child
        self._child = None
        return _receive(receiver, process)


_NOT_STARTED = "statuspress: background work not started"


def _gated(func: Callable[[], R], wait: int, gate: int) -> Callable[[Sequence[Any]], Any]:
    """``func`` for a child to run once the parent says "go" on the pipe
    (``_NOT_STARTED`` when it says "no" or goes away)."""

    def run(_: Sequence[Any]) -> Any:
        os.close(gate)
        if os.read(wait, 2) != b"go":  # "no", or the parent is gone
            return _NOT_STARTED
        return func()

    return run
