"""The diagram: every resource, where it sits, what it refers to, and where it is drawn.

A :class:`Diagram` wraps three networkx graphs and never hands a mutable one out:

- the containment tree (``parent -> child``; the top of the canvas is the node ``""``),
- the reference multigraph, derived from reference fields (``subnet -> route table``, keyed by where
  the reference sits, e.g. ``routes.1.target``),
- the relation multigraph of user-drawn connections.

Every change goes through :meth:`Diagram.apply` with an edit from :mod:`model.edits`; each call is
announced once on :attr:`Diagram.changed` with a :class:`~model.events.ChangeSet`. Structural
impossibilities raise :class:`~model.errors.DiagramError` and leave the diagram as it was; semantic
problems are accepted (a user must be able to draw a broken network in order to fix it).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import networkx as nx

from . import kinds as _kinds
from .addresses import holds_addresses, malformed_addresses
from .errors import (ContainmentError, DiagramError, DuplicateIdError, InvalidIdError, PropertyError,
                     RelationError, UnknownResourceError)
from .events import ChangeRecorder, ChangeSet, Event
from .frozen import FrozenDict, freeze
from .naming import natural_key, with_article
from .resources import RELATION_KINDS, Geometry, Relation, Resource
from .schema import ID_PATTERN, check_value, iter_refs

__all__ = ["Diagram", "DEFAULT_METADATA"]

_TOP = ""  # the containment tree's root node: the canvas itself

DEFAULT_METADATA = FrozenDict({"title": "", "region": "us-east-1", "environment": "production",
                               "description": ""})


class Diagram:
    """A design: resources in a containment tree, references between them, and their layout."""

    def __init__(self) -> None:
        self._resources: dict[str, Resource] = {}
        self._by_kind: dict[str, dict[str, None]] = {}
        self._tree = nx.DiGraph()
        self._tree.add_node(_TOP)
        self._refs = nx.MultiDiGraph()
        self._dangling: dict[str, dict[tuple[str, str], str]] = {}
        self._relations: dict[str, Relation] = {}
        self._relation_graph = nx.MultiDiGraph()
        self._layout: dict[str, Geometry] = {}
        self._metadata: dict[str, Any] = dict(DEFAULT_METADATA)
        #: Incremented by every edit that changed something; lets caches know they are stale.
        self.revision = 0
        #: Emitted with one :class:`ChangeSet` per applied edit.
        self.changed = Event()
        self._cache: dict[Any, Any] = {}
        self._cache_revision = 0

    # ------------------------------------------------------------------ reading
    def __contains__(self, rid: object) -> bool:
        return rid in self._resources

    def __len__(self) -> int:
        return len(self._resources)

    def __iter__(self) -> Iterator[Resource]:
        return iter(list(self._resources.values()))

    def __getitem__(self, rid: str) -> Resource:
        try:
            return self._resources[rid]
        except KeyError:
            raise UnknownResourceError(f"no resource '{rid}'") from None

    def get(self, rid: str | None) -> Resource | None:
        return self._resources.get(rid) if rid else None

    def ids(self) -> list[str]:
        return list(self._resources)

    def of_kind(self, *kind_names: str) -> list[Resource]:
        """Every resource of the given kinds, in insertion order. Cost: O(result)."""
        out = []
        for name in kind_names:
            out.extend(self._resources[rid] for rid in self._by_kind.get(name, ()))
        return out

    def count(self, kind_name: str) -> int:
        return len(self._by_kind.get(kind_name, ()))

    def children(self, rid: str | None) -> list[Resource]:
        """Direct contents of a container (``None``: the top of the canvas)."""
        node = _TOP if rid is None else rid
        if node not in self._tree:
            raise UnknownResourceError(f"no resource '{rid}'")
        return [self._resources[c] for c in self._tree.successors(node)]

    def parent(self, rid: str) -> Resource | None:
        return self.get(self[rid].parent)

    def ancestors(self, rid: str) -> list[Resource]:
        """Containers holding ``rid``, nearest first. Cost: O(depth)."""
        out = []
        parent = self[rid].parent
        while parent is not None:
            record = self._resources[parent]
            out.append(record)
            parent = record.parent
        return out

    def descendants(self, rid: str) -> list[Resource]:
        """Everything inside ``rid``, parents before children. Cost: O(size of the subtree)."""
        if rid not in self._resources:
            raise UnknownResourceError(f"no resource '{rid}'")
        return [self._resources[n] for n in nx.dfs_preorder_nodes(self._tree, rid) if n != rid]

    def geometry(self, rid: str) -> Geometry | None:
        return self._layout.get(rid)

    def metadata(self, key: str) -> Any:
        return self._metadata.get(key, DEFAULT_METADATA.get(key))

    def metadata_items(self) -> dict[str, Any]:
        return dict(self._metadata)

    @property
    def title(self) -> str:
        return self._metadata.get("title", "")

    @property
    def region(self) -> str:
        """The Region of resources drawn outside any Region container."""
        return self._metadata.get("region") or "us-east-1"

    # references ------------------------------------------------------------
    def references_from(self, rid: str) -> list[tuple[str, str, str]]:
        """``(path, target id, relation)`` for every resolved reference ``rid`` holds."""
        # The adjacency dicts directly: an edge view costs three times as much to build, and this is
        # called for every touched resource of every edit. Same order as ``out_edges``.
        successors = self._refs._succ.get(rid)
        if successors is None:
            return []
        return [(key, target, data["relation"]) for target, keys in successors.items()
                for key, data in keys.items()]

    def references_to(self, rid: str) -> list[tuple[str, str, str]]:
        """``(source id, path, relation)`` for every reference naming ``rid``. Cost: O(in-degree)."""
        predecessors = self._refs._pred.get(rid)  # as in references_from; same order as ``in_edges``
        if predecessors is None:
            return []
        return [(source, key, data["relation"]) for source, keys in predecessors.items()
                for key, data in keys.items()]

    def referrers(self, rid: str, kind_name: str | None = None, field: str | None = None) -> list[Resource]:
        """Resources whose reference fields name ``rid``, optionally only of one kind and through one
        top-level field (``referrers(rt, "Subnet", "route_table")``: the subnets associated with a
        route table). Each referrer is listed once."""
        seen: dict[str, None] = {}
        for source, path, _ in self.references_to(rid):
            if field is not None and path.split(".", 1)[0] != field:
                continue
            record = self._resources[source]
            if kind_name is None or record.kind == kind_name:
                seen[source] = None
        return [self._resources[s] for s in seen]

    def dangling_references(self) -> list[tuple[str, str, str]]:
        """``(source id, path, missing target id)`` for every reference to a resource that does not
        exist (a route to a deleted NAT gateway, say)."""
        return sorted((source, path, target) for target, entries in self._dangling.items()
                      for (source, path) in entries)

    # relations ---------------------------------------------------------------
    def relations(self) -> list[Relation]:
        return list(self._relations.values())

    def relation(self, relation_id: str) -> Relation | None:
        return self._relations.get(relation_id)

    def relations_of(self, rid: str) -> list[Relation]:
        if rid not in self._relation_graph:
            return []
        keys = [k for _, _, k in self._relation_graph.out_edges(rid, keys=True)]
        keys += [k for _, _, k in self._relation_graph.in_edges(rid, keys=True)]
        return [self._relations[k] for k in dict.fromkeys(keys)]

    def cached(self, key: Any, build):
        """``build()``, remembered until the next edit. Queries use it for indexes that many rules
        read (the main route table of each VPC...), so a full validation builds each index once."""
        if self._cache_revision != self.revision:
            self._cache.clear()
            self._cache_revision = self.revision
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

    # read-only graph views for algorithms -----------------------------------
    def containment_view(self) -> nx.DiGraph:
        """A read-only view of the containment tree (the root node is ``""``)."""
        return self._tree.copy(as_view=True)

    def reference_view(self) -> nx.MultiDiGraph:
        """A read-only view of resolved references; edge keys are reference paths, and each edge has
        a ``relation`` attribute."""
        return self._refs.copy(as_view=True)

    def relation_view(self) -> nx.MultiDiGraph:
        return self._relation_graph.copy(as_view=True)

    # ------------------------------------------------------------------ changing
    def apply(self, edit) -> ChangeSet:
        """Apply an edit (see :mod:`model.edits`) as one change, and announce it.

        If any part is structurally impossible the parts already applied are undone, the diagram is
        left exactly as it was, and the :class:`DiagramError` is raised. Nothing is announced then.
        """
        recorder = ChangeRecorder()
        done = []
        try:
            for primitive in edit.primitives():
                primitive.apply_to(self, recorder)
                done.append(primitive)
        except DiagramError:
            scratch = ChangeRecorder()
            for primitive in reversed(done):
                primitive.inverse().apply_to(self, scratch)
            raise
        change = recorder.change_set(edit.label)
        if not change.is_empty:
            self.revision += 1
            self.changed.emit(change)
        return change

    # The methods below are the only mutators. They are called by the primitive edits in
    # model.edits, never directly: that keeps every change undoable and announced.

    def _add(self, record: Resource, geometry: Geometry | None, recorder: ChangeRecorder) -> None:
        if not isinstance(record.id, str) or not ID_PATTERN.match(record.id):
            raise InvalidIdError(f"'{record.id}' is not a valid id (letters, digits, - _ . : only)")
        if record.id in self._resources:
            raise DuplicateIdError(f"there is already a resource '{record.id}'")
        kind = _kinds.kind(record.kind)
        self._check_parent(record.id, kind.name, record.parent)
        props = self._checked_properties(record.id, kind, record.properties)
        record = record.with_changes(properties=props, name=record.name or record.id)
        self._check_resolving_kind(record)
        self._resources[record.id] = record
        self._by_kind.setdefault(record.kind, {})[record.id] = None
        self._tree.add_edge(_TOP if record.parent is None else record.parent, record.id)
        self._refs.add_node(record.id)
        self._index_references(record)
        for (source, path), relation in self._dangling.pop(record.id, {}).items():
            self._refs.add_edge(source, record.id, key=path, relation=relation)
        if geometry is not None:
            self._layout[record.id] = Geometry(*geometry)
        recorder.resource_added(record)

    def _remove(self, rid: str, recorder: ChangeRecorder) -> None:
        record = self[rid]
        if any(True for _ in self._tree.successors(rid)):
            raise ContainmentError(f"'{rid}' still contains resources; remove them first")
        if self.relations_of(rid):
            raise RelationError(f"'{rid}' still takes part in connections; remove them first")
        for source, _, key, data in list(self._refs.in_edges(rid, keys=True, data=True)):
            if source != rid:
                self._dangling.setdefault(rid, {})[(source, key)] = data["relation"]
        self._unindex_references(record)
        self._refs.remove_node(rid)
        self._tree.remove_node(rid)
        del self._resources[rid]
        del self._by_kind[record.kind][rid]
        self._layout.pop(rid, None)
        recorder.resource_removed(record)

    def _set_property(self, rid: str, name: str, value: Any, recorder: ChangeRecorder) -> None:
        record = self[rid]
        if name == "name":
            if not isinstance(value, str):
                raise PropertyError(f"{rid}: a name must be text")
            new = record.with_changes(name=value or rid)
            old_value = record.name
            value = new.name
        else:
            kind = _kinds.kind(record.kind)
            field = kind.field(name)
            if field is None:
                raise PropertyError(f"{rid}: {with_article(kind.label)} has no property '{name}'")
            value = _parsed_addresses(rid, field, check_value(field, value, f"{rid}.{name}"))
            old_value = record.properties.get(name)
            new = record.with_property(name, value)
            if field.is_reference or field.fields:
                self._check_reference_kinds(rid, kind, new.properties)
        if old_value == value:
            return
        if name != "name":
            self._unindex_references(record)
            self._resources[rid] = new
            self._index_references(new)
        else:
            self._resources[rid] = new
        recorder.resource_updated(new, name, old_value, value)

    def _reparent(self, rid: str, new_parent: str | None, recorder: ChangeRecorder) -> None:
        record = self[rid]
        if record.parent == new_parent:
            return
        self._check_parent(rid, record.kind, new_parent)
        if new_parent is not None and (new_parent == rid or self._is_inside(new_parent, rid)):
            raise ContainmentError(f"'{rid}' cannot be put inside itself or its own contents")
        old_parent = record.parent
        self._tree.remove_edge(_TOP if old_parent is None else old_parent, rid)
        self._tree.add_edge(_TOP if new_parent is None else new_parent, rid)
        new = record.with_changes(parent=new_parent)
        self._resources[rid] = new
        recorder.resource_reparented(new, old_parent, new_parent)

    def _set_geometry(self, rid: str, geometry: Geometry | None, recorder: ChangeRecorder) -> None:
        self[rid]
        old = self._layout.get(rid)
        if geometry is None:
            self._layout.pop(rid, None)
        else:
            geometry = Geometry(*(float(v) for v in geometry))
            self._layout[rid] = geometry
        if old != geometry:
            recorder.geometry_changed(rid, old, geometry)

    def _add_relation(self, relation: Relation, recorder: ChangeRecorder) -> None:
        if not ID_PATTERN.match(relation.id):
            raise InvalidIdError(f"'{relation.id}' is not a valid relation id")
        if relation.id in self._relations:
            raise DuplicateIdError(f"there is already a relation '{relation.id}'")
        if relation.kind not in RELATION_KINDS:
            raise RelationError(f"unknown relation kind '{relation.kind}'")
        for end in (relation.source, relation.target):
            if end not in self._resources:
                raise UnknownResourceError(f"relation '{relation.id}': no resource '{end}'")
        relation = Relation(relation.id, relation.kind, relation.source, relation.target,
                            freeze(dict(relation.properties)))
        self._relations[relation.id] = relation
        self._relation_graph.add_edge(relation.source, relation.target, key=relation.id)
        recorder.relation_added(relation)

    def _remove_relation(self, relation_id: str, recorder: ChangeRecorder) -> None:
        relation = self._relations.pop(relation_id, None)
        if relation is None:
            raise RelationError(f"no relation '{relation_id}'")
        self._relation_graph.remove_edge(relation.source, relation.target, key=relation_id)
        for end in (relation.source, relation.target):
            if end in self._relation_graph and self._relation_graph.degree(end) == 0:
                self._relation_graph.remove_node(end)
        recorder.relation_removed(relation)

    def _set_metadata(self, key: str, value: Any, recorder: ChangeRecorder) -> None:
        if key not in DEFAULT_METADATA:
            raise PropertyError(f"unknown diagram setting '{key}'")
        if not isinstance(value, str):
            raise PropertyError(f"diagram setting '{key}' must be text")
        old = self._metadata.get(key)
        if old != value:
            self._metadata[key] = value
            recorder.metadata_changed(key, old, value)

    # ------------------------------------------------------------------ helpers
    def _is_inside(self, rid: str, container: str) -> bool:
        parent = self._resources[rid].parent
        while parent is not None:
            if parent == container:
                return True
            parent = self._resources[parent].parent
        return False

    def _check_parent(self, rid: str, kind_name: str, parent: str | None) -> None:
        kind = _kinds.kind(kind_name)
        if parent is None:
            if not kind.may_be_top_level:
                where = " or ".join(with_article(_kinds.kind(p).label) for p in kind.parents if p)
                raise ContainmentError(f"'{rid}': {with_article(kind.label)} must sit inside {where}")
            return
        container = self._resources.get(parent)
        if container is None:
            raise UnknownResourceError(f"'{rid}': no container '{parent}'")
        if container.kind not in kind.parents:
            raise ContainmentError(f"'{rid}': {with_article(kind.label)} cannot sit inside "
                                   f"{with_article(_kinds.kind(container.kind).label)}")

    def _checked_properties(self, rid: str, kind, properties) -> FrozenDict:
        props = dict(kind.defaults())
        for name, value in (properties or {}).items():
            field = kind.field(name)
            if field is None:
                raise PropertyError(f"{rid}: {with_article(kind.label)} has no property '{name}'")
            props[name] = _parsed_addresses(rid, field, check_value(field, value, f"{rid}.{name}"))
        props = FrozenDict(props)
        self._check_reference_kinds(rid, kind, props)
        return props

    def _check_reference_kinds(self, rid: str, kind, properties) -> None:
        for path, target, field in iter_refs(kind, properties):
            other = self._resources.get(target)
            if other is not None and other.kind not in field.ref_kinds:
                raise PropertyError(f"{rid}.{path}: '{target}' is "
                                    f"{with_article(_kinds.kind(other.kind).label)}, expected "
                                    f"{' or '.join(_kinds.kind(k).label for k in field.ref_kinds)}")

    def _check_resolving_kind(self, record: Resource) -> None:
        """A new resource may resolve dangling references; they must be of a kind it fits."""
        for (source, path), _ in self._dangling.get(record.id, {}).items():
            src = self._resources[source]
            for p, _, field in iter_refs(_kinds.kind(src.kind), src.properties):
                if p == path and record.kind not in field.ref_kinds:
                    raise PropertyError(
                        f"{source}.{path} names '{record.id}', which must be "
                        f"{' or '.join(_kinds.kind(k).label for k in field.ref_kinds)}, "
                        f"not {with_article(_kinds.kind(record.kind).label)}")

    def _index_references(self, record: Resource) -> None:
        """Index the references ``record`` holds (none of them may be indexed yet)."""
        kind = _kinds.kind(record.kind)
        for path, target, field in iter_refs(kind, record.properties):
            if target in self._resources:
                self._refs.add_edge(record.id, target, key=path, relation=field.relation)
            else:
                self._dangling.setdefault(target, {})[(record.id, path)] = field.relation

    def _unindex_references(self, record: Resource) -> None:
        """Forget the references ``record`` holds: the record as it was indexed, which for a property
        change is the old one, not the one replacing it."""
        rid = record.id
        successors = self._refs.succ[rid] if rid in self._refs else None
        if successors:  # building an edge view is costly; most resources have few edges
            self._refs.remove_edges_from([(rid, target, key) for target, keys in successors.items()
                                          for key in keys])
        for path, target, _ in iter_refs(_kinds.kind(record.kind), record.properties):
            entries = self._dangling.get(target)
            if entries is not None:
                entries.pop((rid, path), None)
                if not entries:
                    del self._dangling[target]


def iter_tree(diagram: Diagram, sort_key=None) -> Iterable[Resource]:
    """Every resource, parents before children; siblings ordered by ``sort_key`` (default: their
    natural id order). Cost: O(n log n)."""
    key = sort_key or (lambda r: natural_key(r.id))
    stack = list(reversed(sorted(diagram.children(None), key=key)))
    while stack:
        record = stack.pop()
        yield record
        stack.extend(reversed(sorted(diagram.children(record.id), key=key)))


def _parsed_addresses(rid: str, field, value: Any) -> Any:
    """``value`` if every address in it parses. One that does not (``999.1.1.1/8``) could be saved
    but never read back, so it is refused like a value of the wrong type; a network that parses
    but AWS would refuse (a /8 VPC, a subnet outside its VPC) is a finding, not a refusal.
    Cost: O(addresses in the value); O(1) for a field that holds none."""
    if not holds_addresses(field):
        return value
    for bad in malformed_addresses(field, value):
        raise PropertyError(bad.describe(rid, field))
    return value
