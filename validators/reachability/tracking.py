"""Keeping tracing's state current as a diagram is edited.

One :class:`Tracker` per diagram (in a weak mapping, so it goes with the diagram) follows
``diagram.changed`` and holds the :class:`~.index.NetworkIndex` and, once someone asks for implied
flows, their store (:mod:`.flowstore`). Change sets are only queued when they arrive; the work
happens when someone next reads (:meth:`Tracker.index`), so an edit nobody traces after costs
nothing here, and several edits are caught up with at once.

Catching up turns the queued change sets into tokens (:func:`~.reads.change_tokens`), lets the index
forget what they made stale, and keeps the tokens (with the index's own derived ones) for the
implied-flow store, which catches up separately and later. A missing or doubtful change set (the
tracker started following after an edit, a listener edited the diagram from inside another
change's announcement) makes it start over: everything is recomputed, never anything left stale.

Whoever else sees a change set first (the validation engine passes one to the path rules'
``affected``) can hand it over with :meth:`Tracker.ingest`; the same change set arriving twice is
taken once.
"""

from __future__ import annotations

import weakref
from typing import Any

from model.diagram import Diagram
from model.events import ChangeSet

from .index import NetworkIndex
from .reads import Reads, change_tokens

__all__ = ["Tracker", "Order", "tracker_of", "network_index", "forget", "prepare_for_edits"]

#: Change sets queued beyond this many are dropped and the next read starts over (cheaper than
#: replaying a long history one change at a time).
_MAX_PENDING = 256

_TRACKERS: "weakref.WeakKeyDictionary[Diagram, Tracker]" = weakref.WeakKeyDictionary()


def _nobody():
    return None


#: The last diagram asked about and its tracker, both weakly.
_last: tuple = (_nobody, _nobody)


class Order:
    """Where each resource and connection stands in the diagram's own order (the order of
    ``Diagram.of_kind`` and ``Diagram.relations``: insertion order; one removed and added again
    goes to the end), kept current from change sets so that nobody rescans the diagram for it.
    Only the relative order of the numbers means anything."""

    def __init__(self, d: Diagram):
        self.resources = {rid: i for i, rid in enumerate(d.ids())}
        self.relations = {r.id: i for i, r in enumerate(d.relations())}
        self._next = len(self.resources) + len(self.relations)

    def follow(self, change: ChangeSet) -> None:
        for ids, added, removed in ((self.resources, change.added, change.removed),
                                    (self.relations, change.relations_added, change.relations_removed)):
            for rid in removed:
                if rid not in added:
                    ids.pop(rid, None)
            for rid in added:
                ids[rid] = self._next
                self._next += 1


class Tracker:
    def __init__(self, diagram: Diagram):
        self._ref = weakref.ref(diagram)
        self.order = Order(diagram)
        self._index = NetworkIndex(diagram, self.order.resources)
        #: The revision the index is current with.
        self.revision = diagram.revision
        self._pending: dict[int, ChangeSet] = {}
        self._broken = False
        #: Tokens of the changes the index caught up with that the flow store has not seen yet;
        #: None when the flow store must start over.
        self._flow_tokens: set | None = set()
        #: The implied-flow store (created and owned by .flowstore).
        self.flows: Any = None
        diagram.changed.connect(self._on_change)

    @property
    def diagram(self) -> Diagram:
        d = self._ref()
        if d is None:  # pragma: no cover - trackers live in a weak mapping keyed by the diagram
            raise RuntimeError("the diagram of this tracker no longer exists")
        return d

    def close(self) -> None:
        d = self._ref()
        if d is not None:
            d.changed.disconnect(self._on_change)

    # ------------------------------------------------------------------ following changes
    def _on_change(self, change: ChangeSet) -> None:
        self.ingest(self.diagram.revision, change)

    def ingest(self, revision: int, change: ChangeSet) -> None:
        """Queue ``change``, the change that brought the diagram to ``revision``."""
        if revision <= self.revision:
            return  # caught up past it already
        known = self._pending.get(revision)
        if known is not None:
            if known is not change:
                self._broken = True  # two different changes for one revision: trust neither
            return
        if len(self._pending) >= _MAX_PENDING:
            self._broken = True
            self._pending.clear()
            return
        self._pending[revision] = change

    def index(self) -> NetworkIndex:
        """The index, current with the diagram. Cost: O(tokens of the queued changes + what they
        make stale); O(1) when nothing changed."""
        d = self.diagram
        if d.revision == self.revision:
            return self._index
        wanted = range(self.revision + 1, d.revision + 1)
        if self._broken or any(r not in self._pending for r in wanted):
            self._start_over(d)
            return self._index
        tokens: set = set()
        for r in wanted:
            tokens |= change_tokens(d, self._pending[r])
            self.order.follow(self._pending[r])
        self._pending.clear()
        self.revision = d.revision
        tokens = self._index.update(d, tokens)
        if self._flow_tokens is not None:
            self._flow_tokens |= tokens
        return self._index

    def _start_over(self, d: Diagram) -> None:
        self.order = Order(d)
        self._index = NetworkIndex(d, self.order.resources)
        self._pending.clear()
        self._broken = False
        self.revision = d.revision
        self._flow_tokens = None

    def take_flow_tokens(self) -> set | None:
        """Tokens of every change since the last call (None: start over). Catches the index up
        first."""
        self.index()
        tokens, self._flow_tokens = self._flow_tokens, set()
        return tokens


def tracker_of(diagram: Diagram | Reads) -> Tracker:
    """The diagram's tracker, created (and following the diagram) on first use."""
    global _last
    d = diagram.unwrapped if isinstance(diagram, Reads) else diagram
    last_diagram, last_tracker = _last
    if last_diagram() is d:  # a trace asks many times for the same diagram's
        tracker = last_tracker()
        if tracker is not None:
            return tracker
    tracker = _TRACKERS.get(d)
    if tracker is None:
        tracker = _TRACKERS[d] = Tracker(d)
    _last = (weakref.ref(d), weakref.ref(tracker))  # weak: a closed design's state goes with it
    return tracker


def network_index(diagram: Diagram | Reads) -> NetworkIndex:
    """The tracing index of ``diagram``, current with its latest revision."""
    return tracker_of(diagram).index()


def forget(diagram: Diagram) -> None:
    """Drop everything tracing remembers about ``diagram`` (the next trace starts cold)."""
    global _last
    tracker = _TRACKERS.pop(diagram, None)
    if tracker is not None:
        tracker.close()
    _last = (_nobody, _nobody)


def prepare_for_edits(diagram: Diagram) -> None:
    """Get what tracing keeps about ``diagram`` ready for its first edit: the reverse lookups an
    edit asks (which facts, implied flows and their origins a change touches), left unbuilt by a
    full validation because a one-shot run never needs them. For idle time after opening a design.
    Cost: O(tokens recorded), about a twentieth of a full validation; nothing when there is nothing
    to prepare or it is ready already."""
    tracker = _TRACKERS.get(diagram)
    if tracker is None or tracker.revision != diagram.revision:
        return  # nothing traced yet, or an edit is queued: the next read builds what it needs
    tracker.index().prepare_for_edits()
    if tracker.flows is not None and tracker.flows.revision == diagram.revision:
        tracker.flows.prepare_for_edits()
