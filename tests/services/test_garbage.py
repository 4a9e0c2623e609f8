"""The cycle collector runs less often during a bulk job, and as before afterwards."""

from __future__ import annotations

import gc

import pytest

from annotator.services.garbage import YOUNG, fewer_collections


def test_thresholds_are_raised_inside_and_restored_after_nesting_and_errors() -> None:
    before = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    try:
        with fewer_collections():
            assert gc.get_threshold() == (YOUNG, 20, 100)
            assert gc.get_freeze_count() > 0  # what existed is frozen
            with fewer_collections():
                pass
            assert gc.get_threshold()[0] == YOUNG  # the inner one did not restore
            with pytest.raises(RuntimeError), fewer_collections():
                raise RuntimeError("a reader failed")
            assert gc.get_threshold()[0] == YOUNG
        assert gc.get_threshold() == (900, 11, 12)
        assert gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*before)


def test_cycles_made_inside_are_still_collected() -> None:
    class Node:
        other: object = None

    with fewer_collections():
        a, b = Node(), Node()
        a.other, b.other = b, a
        ids = {id(a), id(b)}
        del a, b
        gc.collect()
        assert not ids & {id(o) for o in gc.get_objects() if isinstance(o, Node)}
