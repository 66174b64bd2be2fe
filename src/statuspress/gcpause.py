"""Pause Python's cycle collector during bulk work that creates no cycles.

Loading a history builds a million small, acyclic objects (tuples, frozen dataclasses);
the cycle collector would walk the growing heap again and again while they are made, for
nothing: at 10,000 incidents that was a fifth of ``check``. Reference counting still frees
everything as usual.

When the block ends, what it made is moved to the collector's oldest generation (freeze,
then unfreeze: both only relink lists) before the collector is turned back on. Otherwise
the first young-generation collection after it would walk every object the block made,
all of them still "young". Cycles among them are still collected, by the next full
collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
