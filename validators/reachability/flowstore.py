"""Every implied flow of a diagram, traced, and kept current edit by edit.

The three path rules, the editor's "Show Implied Flows" and anyone calling
:func:`~.implied.implied_results` share one :class:`FlowStore` per diagram (held by its
:class:`~.tracking.Tracker`). It remembers:

- per origin (:mod:`.producers`), the flows it implies and the tokens (:mod:`.reads`) it read;
- per flow (key: source, destination, protocol, port), the origin whose reason wins, its
  :class:`ImpliedResult`, and the tokens its traces read: every resource, setting and index fact
  on every path tried, plus the ids a finding about it names.

After an edit (:meth:`FlowStore.sync`), origins whose tokens the edit touched, and origins the edit
added or removed, are read again; flows whose winning reason changed and flows whose tokens the edit
touched are traced again, sharing the legs they have in common; the rest keep their results. The
keys that changed are remembered per revision (:meth:`FlowStore.changed_at`): the path rules'
``affected``. A security-group edit thus re-traces the flows through that group, not the design.

Cost: the first sync traces every flow (O(F) traces); after an edit O(origins and flows touched).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass

from model.diagram import Diagram

from .dependents import Dependents
from .endpoints import FlowError
from .evaluator import trace
from .index import NetworkIndex
from .producers import PRODUCERS, ImpliedFlow, produce
from .quick_init import quick_init
from .reads import Reads
from .results import TraceResult
from .tracking import Tracker, tracker_of

__all__ = ["ImpliedResult", "FlowStore", "flow_store", "key_text"]

#: How many recent revisions' changed keys are kept for the path rules' ``affected``.
_HISTORY = 32


@quick_init
@dataclass(frozen=True)
class ImpliedResult:
    """An implied flow with its trace. ``satisfied`` when the flow, or one full set of its
    alternatives, is reachable; ``alternative_results`` are the traces of the alternatives (empty
    when the flow itself passed)."""

    implied: ImpliedFlow
    result: TraceResult
    satisfied: bool
    alternative_results: tuple[tuple[TraceResult, ...], ...] = ()


def key_text(key: tuple) -> str:
    """A flow key as the text the path rules use for units: ``web|db|tcp|3306`` (ids never hold
    ``|``)."""
    return "|".join(str(part) for part in key)


class FlowStore:
    """See the module docs. ``flow_store(diagram)`` gives the diagram's, caught up."""

    def __init__(self):
        self._order = None  # the tracker's Order, taken at each catch-up
        self._clear()

    def _clear(self) -> None:
        self._built = False
        #: The diagram revision the store is current with (-1: never caught up).
        self.revision = -1
        #: origin (producer number, origin id) -> flow key -> (place in its output, flow)
        self._origins: dict[tuple[int, str], dict[tuple, tuple[int, ImpliedFlow]]] = {}
        self._origin_tokens = Dependents()
        #: flow key -> origins implying it
        self._implied_by: dict[tuple, set] = {}
        #: flow key -> (winning origin, its flow)
        self._winners: dict[tuple, tuple[tuple[int, str], ImpliedFlow]] = {}
        #: flow key -> its result (None: an end that cannot be traced; left out)
        self._results: dict[tuple, ImpliedResult | None] = {}
        self._flow_tokens = Dependents()
        self._changed: dict[int, set] = {}
        self._ordered: tuple | None = None

    # ------------------------------------------------------------------ reading
    def results(self) -> tuple[ImpliedResult, ...]:
        """Every traced implied flow, in listing order (connections first, then by reason)."""
        if self._ordered is None:
            self._ordered = tuple(self._results[k] for k in self._in_order()
                                  if self._results.get(k) is not None)
        return self._ordered

    def flows(self) -> tuple[ImpliedFlow, ...]:
        return tuple(self._winners[k][1] for k in self._in_order())

    def keys(self) -> list[tuple]:
        """Keys of the flows with a result."""
        return [k for k, v in self._results.items() if v is not None]

    def result(self, key: tuple) -> ImpliedResult | None:
        return self._results.get(key)

    def changed_at(self, revision: int) -> set | None:
        """Keys whose flow or result changed when the store caught up at ``revision`` (None: not
        known, assume all)."""
        return self._changed.get(revision)

    def _in_order(self) -> list[tuple]:
        return sorted(self._winners, key=lambda k: self._rank(self._winners[k][0], k))

    def _rank(self, origin: tuple[int, str], key: tuple) -> tuple[int, int, int]:
        number, oid = origin
        place = self._order.relations if number == 0 else self._order.resources
        return number, place.get(oid, -1), self._origins[origin][key][0]

    def prepare_for_edits(self) -> None:
        """Build now what the first edit would otherwise build: which origins and flows each token
        concerns (see :mod:`.dependents`)."""
        self._origin_tokens.prepare()
        self._flow_tokens.prepare()

    # ------------------------------------------------------------------ catching up
    def sync(self, tracker: Tracker) -> None:
        """Catch up with every change the tracker saw since the last sync."""
        tokens = tracker.take_flow_tokens()
        d, index = tracker.diagram, tracker.index()
        self._order = tracker.order
        if tokens is None or not self._built:
            before = set(self._winners)
            self._clear()
            self._built = True
            with _no_cycle_collection():
                changed = self._rebuild(d, index) | before
        elif tokens:
            changed = self._update(d, index, tokens)
            self._ordered = None  # an origin may have moved in the diagram's order
        else:
            changed = set()
        self.revision = d.revision
        known = self._changed.setdefault(d.revision, set())
        known |= changed
        while len(self._changed) > _HISTORY:
            del self._changed[next(iter(self._changed))]

    def _rebuild(self, d: Diagram, index: NetworkIndex) -> set:
        keys: set = set()
        for number, producer in enumerate(PRODUCERS):
            origins = d.relations() if producer.kind is None else d.of_kind(producer.kind)
            for origin in origins:
                keys |= self._produce(d, index, (number, origin.id), origin)
        for key in keys:
            self._resolve(d, key)
        for key in self._winners:
            self._trace(d, key)
        return set(self._winners)

    def _update(self, d: Diagram, index: NetworkIndex, tokens: set) -> set:
        stale = self._origin_tokens.touched_by(tokens)
        for token in tokens:
            if isinstance(token, str):
                record = d.get(token)
                for number, producer in enumerate(PRODUCERS):
                    if (number, token) in self._origins or \
                            (record is not None and producer.kind == record.kind):
                        stale.add((number, token))
            elif token[0] == "relation":
                stale.add((0, token[1]))
        keys: set = set()
        for origin in stale:
            number, oid = origin
            source = d.relation(oid) if number == 0 else d.get(oid)
            if source is not None and number and source.kind != PRODUCERS[number].kind:
                source = None
            keys |= self._produce(d, index, origin, source, tokens)
        changed: set = set()
        retrace: set = set()
        for key in keys:
            before = self._winners.get(key)
            after = self._resolve(d, key)
            if after is None:
                self._results.pop(key, None)
                self._flow_tokens.drop(key)
                changed.add(key)
            elif before is None or before[1] != after[1]:
                retrace.add(key)
        retrace |= self._flow_tokens.touched_by(tokens)
        for key in retrace:
            if key in self._winners:
                self._trace(d, key)
        return changed | retrace

    def _produce(self, d: Diagram, index: NetworkIndex, origin: tuple[int, str], source,
                 tokens: set | None = None) -> set:
        """Read ``origin`` again (``source``: its record or relation, None when gone); returns the
        keys whose winner may have changed."""
        old = self._origins.pop(origin, {})
        self._origin_tokens.drop(origin)
        new: dict = {}
        if source is not None:
            reads: set = set()
            outer, index.recording = index.recording, reads
            try:
                new = produce(PRODUCERS[origin[0]], Reads(d, reads), index, source)
            finally:
                index.recording = outer
            reads.add(origin[1])
            self._origins[origin] = new
            self._origin_tokens.set(origin, frozenset(reads))
        for key in old.keys() - new.keys():
            self._implied_by[key].discard(origin)
        for key in new.keys() - old.keys():
            self._implied_by.setdefault(key, set()).add(origin)
        moved = tokens is not None and (("exists", origin[1]) in tokens or ("relation", origin[1]) in tokens)
        if moved:
            return set(old) | set(new)
        return {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}

    def _resolve(self, d: Diagram, key: tuple):
        """Pick the winning origin for ``key`` (the first in listing order); None if none is left."""
        holders = self._implied_by.get(key)
        if not holders:
            self._implied_by.pop(key, None)
            self._winners.pop(key, None)
            return None
        origin = next(iter(holders)) if len(holders) == 1 else \
            min(holders, key=lambda o: self._rank(o, key))
        winner = self._winners[key] = (origin, self._origins[origin][key][1])
        return winner

    def _trace(self, d: Diagram, key: tuple) -> None:
        implied = self._winners[key][1]
        tokens: set = set()
        item = _trace_implied(d, implied, tokens)
        flow = implied.flow
        # A finding about the flow names the ends, what implies it and what blocks it: by their
        # names and kinds, and only if they exist.
        named = {flow.source, flow.destination, *implied.resources}
        if item is not None:
            for path in item.result.paths:
                if path.blocked is not None:
                    named.add(path.blocked.component)
                    named.update(path.blocked.resources)
                    for hop in path.forward + path.returning:
                        if not hop.passed:
                            named.update((hop.location, hop.component))
        tokens.update(("name", rid) for rid in named)
        self._results[key] = item
        self._flow_tokens.set(key, frozenset(tokens))


def _trace_implied(d: Diagram, implied: ImpliedFlow, tokens: set) -> ImpliedResult | None:
    try:
        result = trace(d, implied.flow, front_doors=implied.front_doors, reads=tokens)
    except FlowError:
        return None
    if result.reachable or not implied.alternatives:
        return ImpliedResult(implied, result, result.reachable)
    alternatives = []
    satisfied = False
    for group in implied.alternatives:
        try:
            results = tuple(trace(d, flow, reads=tokens) for flow in group)
        except FlowError:
            continue
        alternatives.append(results)
        if all(r.reachable for r in results):
            satisfied = True
            break
    return ImpliedResult(implied, result, satisfied, tuple(alternatives))


@contextmanager
def _no_cycle_collection():
    """Tracing every flow leaves tens of thousands of objects alive (hops, results, what they
    depend on) and makes no reference cycles. While it runs, the cyclic collector would pass over
    the whole heap several times, each time longer as the heap grows (a third of the time at
    10,000 resources). Once it is done, the new objects are handed straight to the oldest
    generation (``gc.freeze`` then ``gc.unfreeze``: two list splices, no pass over anything)
    instead of letting the next allocation run a young-generation pass over all of them (61,000
    objects at 1,000 resources, a tenth of a full validation; a fifth at 10,000): they live until
    the next edit, so that pass would find nothing to free. Full collections still visit them, as
    they visit every long-lived object; a cycle made elsewhere meanwhile waits for one."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():  # never unfreeze what someone else froze
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def flow_store(diagram: Diagram) -> FlowStore:
    """The diagram's flow store, caught up with its latest revision."""
    tracker = tracker_of(diagram)
    store = tracker.flows
    if store is None:
        store = tracker.flows = FlowStore()
    if store.revision != diagram.revision or tracker.revision != diagram.revision:
        store.sync(tracker)
    return store
