"""Maps that many resources contribute to, kept current one contributor at a time.

Some things a trace asks are answered by scanning every resource of a kind: which internet gateway
a VPC has, which load balancers send to an instance, whether two VPCs are peered, which interface
endpoint serves a service in a VPC. Scanning again after every edit would make an edit cost O(n).
A :class:`Contributions` map instead remembers what each *source* resource contributed (a list of
``(key, value)`` pairs) and the tokens (:mod:`.reads`) it read to produce them; after a change only
the sources whose tokens were touched, and new or removed sources, are produced again, and the keys
whose contributions changed are reported as the tokens ``("fact", name, key)``. Whoever read a key
(:meth:`Contributions.get` notes that token) is then stale, and nobody else.

When several sources contribute to one key, the diagram's own order decides (the order of
``Diagram.of_kind(*kinds)``, kept by :class:`~.tracking.Order`): the first contribution wins
(``first``), or all are joined in that order (``all``, ``unique``).

Cost: building O(n_kind) productions; an update O(sources touched + their keys); a read O(1), or
O(contributors log contributors) for a key with several.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from model.diagram import Diagram

from .reads import Reads

__all__ = ["Contributions"]


class Contributions:
    """``name``: the map's name in tokens; ``kinds``: the kinds of its sources; ``produce(reads,
    record)``: a source's ``(key, value)`` pairs; ``combine``: ``first``, ``all`` or ``unique``;
    ``aliases(key)``: more keys a change of ``key`` is reported under (for readers that ask about
    groups of keys)."""

    def __init__(self, name: str, kinds: tuple[str, ...],
                 produce: Callable[[Reads, Any], Iterable[tuple]], combine: str = "first",
                 aliases: Callable[[Any], Iterable] | None = None, order: dict | None = None):
        self.name = name
        #: resource id -> its place in the diagram's order (shared, kept current by the tracker)
        self._order = order if order is not None else {}
        self.kinds = kinds
        self._produce = produce
        self._combine = combine
        self._aliases = aliases
        self._built = False
        #: source id -> (key -> values in production order)
        self._sources: dict[str, dict[Any, list]] = {}
        self._deps: dict[str, frozenset] = {}
        #: token -> sources that read it
        self._users: dict[Any, set[str]] = {}
        #: key -> sources contributing to it
        self._by_key: dict[Any, set[str]] = {}

    # ------------------------------------------------------------------ reading
    def get(self, d: Diagram, key, recording: set | None, default=None):
        """The combined value of ``key`` (``default`` when nobody contributes); notes the token
        ``("fact", name, key)`` in ``recording``."""
        if recording is not None:
            recording.add(("fact", self.name, key))
        if not self._built:
            self._build(d)
        sources = self._by_key.get(key)
        if not sources:
            return default
        if len(sources) == 1:
            values = self._sources[next(iter(sources))][key]
        else:
            values = [v for s in self._ordered(d, sources) for v in self._sources[s][key]]
        if self._combine == "first":
            return values[0]
        if self._combine == "unique":
            return list(dict.fromkeys(values))
        return list(values)

    def keys(self, d: Diagram, recording: set | None, alias) -> list:
        """Every key with a contribution, in the order the diagram first contributes them; notes
        ``("fact", name, alias)`` (a caller scanning keys names the group it scans for)."""
        if recording is not None:
            recording.add(("fact", self.name, alias))
        if not self._built:
            self._build(d)
        firsts = {}
        order = self._order
        kind_rank = {k: i for i, k in enumerate(self.kinds)}
        for key, sources in self._by_key.items():
            firsts[key] = min((kind_rank.get(d[s].kind, 0), order.get(s, 0),
                               list(self._sources[s]).index(key)) for s in sources)
        return sorted(firsts, key=firsts.__getitem__)

    def _ordered(self, d: Diagram, sources) -> list[str]:
        order = self._order
        kind_rank = {k: i for i, k in enumerate(self.kinds)}
        return sorted(sources, key=lambda s: (kind_rank.get(d[s].kind, 0), order.get(s, 0)))

    # ------------------------------------------------------------------ keeping current
    def _build(self, d: Diagram) -> None:
        self._built = True
        for record in d.of_kind(*self.kinds):
            self._add_source(d, record)

    def _add_source(self, d: Diagram, record) -> None:
        deps: set = set()
        pairs: dict[Any, list] = {}
        for key, value in self._produce(Reads(d, deps), record):
            pairs.setdefault(key, []).append(value)
        deps.add(record.id)
        self._sources[record.id] = pairs
        self._deps[record.id] = frozenset(deps)
        for token in deps:
            self._users.setdefault(token, set()).add(record.id)
        for key in pairs:
            self._by_key.setdefault(key, set()).add(record.id)

    def _drop_source(self, sid: str) -> dict[Any, list]:
        pairs = self._sources.pop(sid)
        for token in self._deps.pop(sid):
            users = self._users.get(token)
            if users is not None:
                users.discard(sid)
                if not users:
                    del self._users[token]
        for key in pairs:
            holders = self._by_key[key]
            holders.discard(sid)
            if not holders:
                del self._by_key[key]
        return pairs

    def update(self, d: Diagram, tokens: set, touched_ids: Iterable[str]) -> set:
        """Bring the map up to date after a change whose tokens are ``tokens`` (``touched_ids``:
        the resource ids among them). Returns the tokens of the keys whose value may differ."""
        if not self._built:
            return set()  # nobody has read it yet; it is built on first use
        stale: set[str] = set()
        for token in tokens:
            users = self._users.get(token)
            if users:
                stale |= users
        for rid in touched_ids:
            record = d.get(rid)
            if rid in self._sources or (record is not None and record.kind in self.kinds):
                stale.add(rid)
        changed: set = set()
        for sid in stale:
            old = self._drop_source(sid) if sid in self._sources else {}
            record = d.get(sid)
            if record is not None and record.kind in self.kinds:
                self._add_source(d, record)
            new = self._sources.get(sid, {})
            moved = ("exists", sid) in tokens  # re-added: its place in the diagram's order changed
            for key in set(old) | set(new):
                if moved or old.get(key) != new.get(key):
                    changed.add(key)
        out = set()
        for key in changed:
            out.add(("fact", self.name, key))
            if self._aliases is not None:
                out.update(("fact", self.name, alias) for alias in self._aliases(key))
        return out
