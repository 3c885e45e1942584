"""The flow store's first fill hands what it made to the oldest GC generation without touching the
collector's settings or anybody else's frozen objects."""

from __future__ import annotations

import gc

from tests.support.builder import load_example
from validators.reachability.flowstore import flow_store


def _fill(d) -> int:
    return len(flow_store(d).results())


def test_a_first_fill_leaves_the_collector_on_and_nothing_frozen():
    d = load_example("dual-az-web")
    assert gc.isenabled()
    assert _fill(d) > 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_first_fill_leaves_a_disabled_collector_disabled():
    d = load_example("dual-az-web")
    gc.disable()
    try:
        assert _fill(d) > 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_someone_else_froze_stay_frozen():
    d = load_example("dual-az-web")
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert _fill(d) > 0
        # Not unfrozen (0), and the store's objects not frozen with them (more); a few frozen
        # objects may have been freed meanwhile.
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_the_store_s_objects_are_in_the_oldest_generation_after_a_first_fill():
    d = load_example("dual-az-web")
    gc.collect()
    store = flow_store(d)
    young = {id(o) for o in gc.get_objects(0)} | {id(o) for o in gc.get_objects(1)}
    hops = [h for r in store.results() for p in r.result.paths for h in p.forward]
    assert hops
    assert not any(id(h) in young for h in hops)
