"""What a computation read from a diagram, and what a change set invalidates, as *tokens*.

Tracing keeps its results across edits (:mod:`.tracking`): an answer stays valid until the diagram
changes something the answer was computed from. To know what that was, computations read the
diagram through :class:`Reads`, a facade that offers the reading half of
:class:`~model.diagram.Diagram` and notes a token for every read:

- a resource id for reading that resource (``get``, ``[]``; absent ids too, so adding the resource
  later is noticed); ``ancestors`` notes the resource and every container above it;
- finer, for readers that need less than the whole record: ``("exists", id)`` for whether a
  resource exists (``in``, :meth:`Reads.kind_of`: a kind changes only by removing and adding), and
  ``("prop", id, name)`` for one property (:meth:`Reads.field`), and ``("name", id)`` for how a
  resource is written in a sentence (its name, kind and existence: emitted when it is renamed,
  added or removed; readers note it themselves);
- ``("in", id)`` for the list of a container's contents, ``("refs-to", id)`` for who refers to a
  resource, ``("kind", name)`` for every resource of a kind, ``("rel", id)`` for the connections of
  a resource, ``("relations",)`` for all of them (a change also emits ``("relation", id)``),
  ``("ids",)`` for the set of ids, and ``("meta", key)`` for a diagram setting.

:func:`change_tokens` turns a :class:`~model.events.ChangeSet` into the tokens it invalidates, with
the state before the change included (the old parent, the targets a changed reference named). A
result is stale exactly when its tokens meet a change's tokens; any record read is noted by id and
every change to a record touches its id, so whatever a computation derives from the records it read
is covered too.
"""

from __future__ import annotations

from typing import Iterable

from model import kinds as _kinds
from model.diagram import Diagram
from model.events import ChangeSet
from model.resources import Resource
from model.schema import iter_refs

__all__ = ["Reads", "change_tokens", "IDS", "RELATIONS"]

#: Token for "the set of resource ids" (any addition or removal changes it).
IDS = ("ids",)
#: Token for "every connection drawn".
RELATIONS = ("relations",)


class Reads:
    """A read-only view of ``diagram`` that adds a token to ``tokens`` for everything read.

    Offers exactly the reading methods tracing uses; anything else is an error rather than an
    unrecorded read. Cost: the diagram's own, plus one set insertion per read.
    """

    __slots__ = ("unwrapped", "tokens")

    def __init__(self, diagram: Diagram, tokens: set):
        self.unwrapped = diagram
        self.tokens = tokens

    # one resource ------------------------------------------------------------------------
    def get(self, rid):
        if not rid:
            return None
        self.tokens.add(rid)
        return self.unwrapped.get(rid)

    def __getitem__(self, rid: str) -> Resource:
        self.tokens.add(rid)
        return self.unwrapped[rid]

    def __contains__(self, rid) -> bool:
        if isinstance(rid, str):
            self.tokens.add(("exists", rid))
        return rid in self.unwrapped

    def kind_of(self, rid) -> str | None:
        """The kind of ``rid`` (None when absent), noting only that it exists."""
        if not rid or not isinstance(rid, str):
            return None
        self.tokens.add(("exists", rid))
        record = self.unwrapped.get(rid)
        return record.kind if record is not None else None

    def field(self, rid: str, name: str, default=None):
        """One property of ``rid`` (``default`` when absent or unset), noting only that property
        and the resource's existence."""
        self.tokens.add(("exists", rid))
        self.tokens.add(("prop", rid, name))
        record = self.unwrapped.get(rid)
        return record.get(name, default) if record is not None else default

    def ancestors(self, rid: str) -> list[Resource]:
        self.tokens.add(rid)
        found = self.unwrapped.ancestors(rid)
        self.tokens.update(r.id for r in found)
        return found

    # collections -------------------------------------------------------------------------
    def children(self, rid: str | None) -> list[Resource]:
        self.tokens.add(("in", rid))
        found = self.unwrapped.children(rid)
        self.tokens.update(r.id for r in found)
        return found

    def referrers(self, rid: str, kind_name: str | None = None, field: str | None = None) -> list[Resource]:
        self.tokens.add(("refs-to", rid))
        found = self.unwrapped.referrers(rid, kind_name, field)
        self.tokens.update(r.id for r in found)
        return found

    def references_to(self, rid: str) -> list[tuple[str, str, str]]:
        self.tokens.add(("refs-to", rid))
        found = self.unwrapped.references_to(rid)
        self.tokens.update(source for source, _, _ in found)
        return found

    def of_kind(self, *kind_names: str) -> list[Resource]:
        self.tokens.update(("kind", k) for k in kind_names)
        return self.unwrapped.of_kind(*kind_names)

    def ids(self) -> list[str]:
        self.tokens.add(IDS)
        return self.unwrapped.ids()

    def relations(self):
        self.tokens.add(RELATIONS)
        return self.unwrapped.relations()

    def relations_of(self, rid: str):
        self.tokens.add(("rel", rid))
        return self.unwrapped.relations_of(rid)

    # settings ------------------------------------------------------------------------------
    @property
    def region(self) -> str:
        self.tokens.add(("meta", "region"))
        return self.unwrapped.region

    def metadata(self, key: str):
        self.tokens.add(("meta", key))
        return self.unwrapped.metadata(key)


def change_tokens(diagram: Diagram, change: ChangeSet) -> set:
    """The tokens ``change`` (just applied to ``diagram``) invalidates. Cost: O(size of the
    change set's records)."""
    out: set = set()
    for records in (change.added, change.removed):
        for rid, record in records.items():
            out.update((rid, ("kind", record.kind), ("in", record.parent), ("refs-to", rid),
                        ("exists", rid), ("name", rid)))
            out.update(("refs-to", target) for target in _targets(record.kind, record.properties))
    if change.added or change.removed:
        out.add(IDS)
    for rid, props in change.properties.items():
        record = diagram.get(rid) or change.removed.get(rid)
        out.add(rid)
        out.update(("prop", rid, name) for name in props)
        if "name" in props:
            out.add(("name", rid))
        if record is None:
            continue
        out.add(("kind", record.kind))
        for name, values in props.items():
            if name == "name":
                continue
            for value in (values.old, values.new):
                out.update(("refs-to", t) for t in _targets(record.kind, {name: value}))
    for rid, (old_parent, new_parent) in change.reparented.items():
        record = diagram.get(rid)
        out.update((rid, ("in", old_parent), ("in", new_parent)))
        if record is not None:
            out.add(("kind", record.kind))
    for relations in (change.relations_added, change.relations_removed):
        for relation in relations.values():
            out.update((RELATIONS, ("relation", relation.id), ("rel", relation.source),
                        ("rel", relation.target)))
    out.update(("meta", key) for key in change.metadata)
    return out


def _targets(kind_name: str, properties) -> Iterable[str]:
    if not _kinds.is_kind(kind_name):
        return ()
    try:
        return [target for _, target, _ in iter_refs(_kinds.kind(kind_name), properties)]
    except (AttributeError, TypeError):  # a malformed value holds no reference the diagram indexed
        return ()
