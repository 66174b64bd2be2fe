"""The cycle collector is paused during bulk work and leaves what the work made alone
afterwards, without losing cycles."""

from __future__ import annotations

import gc
import weakref

from statuspress.gcpause import gc_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_the_collector_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the outer block decides
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_the_block_made_is_old_so_young_collections_skip_it() -> None:
    with gc_paused():
        made = [[n] for n in range(2000)]
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(item) in young for item in made)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in made)


def test_cycles_made_in_the_block_are_still_collected() -> None:
    with gc_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
    assert gone() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert gone() is None
