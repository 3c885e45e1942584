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


def _lookups_built(d) -> tuple[bool, bool, bool]:
    """Whether the store's two reverse lookups and the index's exist (white box: the point of the
    tests below is when they are built)."""
    from validators.reachability.tracking import tracker_of
    tracker = tracker_of(d)
    store = tracker.flows
    return (store._origin_tokens._users is not None, store._flow_tokens._users is not None,
            tracker.index()._deps._users is not None)


def test_a_full_validation_leaves_the_reverse_lookups_for_later():
    """A one-shot ``validate`` never edits, so it never pays for what only an edit asks."""
    from validators.engine import validate
    d = load_example("dual-az-web")
    validate(d)
    assert _lookups_built(d) == (False, False, False)


def test_prepared_lookups_answer_the_first_edit_as_built_ones_do():
    """prepare_for_edits builds all three; the first edit after it reports the same changed flows
    and results as the same edit on a design that built them on demand."""
    from model import edits
    from validators.reachability import implied_results, prepare_for_edits

    prepared, lazy = load_example("dual-az-web"), load_example("dual-az-web")
    for d in (prepared, lazy):
        _fill(d)
    prepare_for_edits(prepared)
    assert _lookups_built(prepared) == (True, True, True)
    assert _lookups_built(lazy) == (False, False, False)
    for d in (prepared, lazy):
        group = next(r for r in d.of_kind("SecurityGroup") if r.get("ingress"))
        d.apply(edits.set_property(d, group.id, "ingress", []))
        _fill(d)
    assert flow_store(prepared).changed_at(prepared.revision) == flow_store(lazy).changed_at(lazy.revision)
    assert flow_store(prepared).changed_at(prepared.revision)  # the edit did touch some flows
    assert implied_results(prepared) == implied_results(lazy)


def test_preparing_a_design_nothing_traced_or_with_an_edit_queued_does_nothing():
    from model import edits
    from validators.reachability import prepare_for_edits
    from validators.reachability.tracking import _TRACKERS

    untraced = load_example("dual-az-web")
    prepare_for_edits(untraced)
    assert untraced not in _TRACKERS
    d = load_example("dual-az-web")
    _fill(d)
    d.apply(edits.set_metadata(d, "description", "edited after the fill"))
    prepare_for_edits(d)  # the next read catches up and builds what it needs then
    assert _lookups_built(d)[:2] == (False, False)
