"""Change announcements: a tiny ordered event, and the change set one edit produces.

The model does not import Qt, so it cannot use signals. :class:`Event` is the smallest thing that
works: callbacks in the order they subscribed (an unordered set would make behaviour depend on hash
seeds), called synchronously.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping

from .resources import Geometry, Relation, Resource

__all__ = ["Event", "ChangeSet", "PropertyChange"]


class Event:
    """An ordered list of callbacks. ``connect`` returns the callback so it can be used as a
    decorator; ``disconnect`` forgets it."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[..., Any]) -> None:
        try:
            self._callbacks.remove(callback)
        except ValueError:
            pass

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)

    def __len__(self) -> int:
        return len(self._callbacks)


@dataclass(frozen=True)
class PropertyChange:
    old: Any
    new: Any


_EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True)
class ChangeSet:
    """Everything one edit changed, announced once.

    Old values are included so that listeners can tell what a resource *was* related to (a subnet that
    moved to another VPC affects both VPCs' findings).

    - ``added``: id -> the new record.
    - ``removed``: id -> the record as it was.
    - ``properties``: id -> {property name -> PropertyChange}; ``name`` changes appear here too.
    - ``reparented``: id -> (old parent, new parent).
    - ``geometry``: id -> (old geometry or None, new geometry or None).
    - ``relations_added`` / ``relations_removed``: id -> relation.
    - ``metadata``: key -> PropertyChange for diagram-level settings (title, region...).
    """

    label: str = ""
    added: Mapping[str, Resource] = field(default_factory=lambda: _EMPTY)
    removed: Mapping[str, Resource] = field(default_factory=lambda: _EMPTY)
    properties: Mapping[str, Mapping[str, PropertyChange]] = field(default_factory=lambda: _EMPTY)
    reparented: Mapping[str, tuple[str | None, str | None]] = field(default_factory=lambda: _EMPTY)
    geometry: Mapping[str, tuple[Geometry | None, Geometry | None]] = field(default_factory=lambda: _EMPTY)
    relations_added: Mapping[str, Relation] = field(default_factory=lambda: _EMPTY)
    relations_removed: Mapping[str, Relation] = field(default_factory=lambda: _EMPTY)
    metadata: Mapping[str, PropertyChange] = field(default_factory=lambda: _EMPTY)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.properties or self.reparented or self.geometry
                    or self.relations_added or self.relations_removed or self.metadata)

    @property
    def is_layout_only(self) -> bool:
        """True when only positions or sizes changed: nothing a rule can see."""
        return bool(self.geometry) and not (
            self.added or self.removed or self.properties or self.reparented
            or self.relations_added or self.relations_removed or self.metadata)

    @property
    def touched(self) -> frozenset[str]:
        """Ids of every resource added, removed, edited or re-parented (layout moves excluded)."""
        return frozenset(self.added) | frozenset(self.removed) | frozenset(self.properties) \
            | frozenset(self.reparented)


@dataclass
class ChangeRecorder:
    """Collects primitive changes during one edit and folds them into one :class:`ChangeSet`.

    Folding matters for composite edits: a resource added then edited in the same edit is reported
    as added (with its final record), not as added and changed; one added then removed is not
    reported at all.
    """

    added: dict = field(default_factory=dict)
    removed: dict = field(default_factory=dict)
    properties: dict = field(default_factory=dict)
    reparented: dict = field(default_factory=dict)
    geometry: dict = field(default_factory=dict)
    relations_added: dict = field(default_factory=dict)
    relations_removed: dict = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)

    def resource_added(self, record: Resource) -> None:
        if record.id in self.removed and self.removed[record.id] == record:
            del self.removed[record.id]  # removed then restored within one edit
            return
        self.added[record.id] = record

    def resource_removed(self, record: Resource) -> None:
        if record.id in self.added:
            del self.added[record.id]
            self.properties.pop(record.id, None)
            self.reparented.pop(record.id, None)
            self.geometry.pop(record.id, None)
            return
        old = record
        changes = self.properties.pop(record.id, {})
        if changes:  # report the record as it was before this edit began
            old = record.with_changes(properties=_restore(record, changes))
            if "name" in changes:
                old = old.with_changes(name=changes["name"].old)
        if record.id in self.reparented:
            old = old.with_changes(parent=self.reparented.pop(record.id)[0])
        self.removed[record.id] = old
        self.geometry.pop(record.id, None)

    def resource_updated(self, record: Resource, name: str, old: Any, new: Any) -> None:
        if record.id in self.added:
            self.added[record.id] = record
            return
        changes = self.properties.setdefault(record.id, {})
        first = changes.get(name)
        changes[name] = PropertyChange(first.old if first else old, new)
        if changes[name].old == new:
            del changes[name]
            if not changes:
                del self.properties[record.id]

    def resource_reparented(self, record: Resource, old: str | None, new: str | None) -> None:
        if record.id in self.added:
            self.added[record.id] = record
            return
        first = self.reparented.get(record.id)
        start = first[0] if first else old
        if start == new:
            self.reparented.pop(record.id, None)
        else:
            self.reparented[record.id] = (start, new)

    def geometry_changed(self, rid: str, old: Geometry | None, new: Geometry | None) -> None:
        first = self.geometry.get(rid)
        start = first[0] if first else old
        if start == new:
            self.geometry.pop(rid, None)
        else:
            self.geometry[rid] = (start, new)

    def relation_added(self, relation: Relation) -> None:
        if self.relations_removed.get(relation.id) == relation:
            del self.relations_removed[relation.id]
        else:
            self.relations_added[relation.id] = relation

    def relation_removed(self, relation: Relation) -> None:
        if relation.id in self.relations_added:
            del self.relations_added[relation.id]
        else:
            self.relations_removed[relation.id] = relation

    def metadata_changed(self, key: str, old: Any, new: Any) -> None:
        first = self.metadata.get(key)
        start = first.old if first else old
        if start == new:
            self.metadata.pop(key, None)
        else:
            self.metadata[key] = PropertyChange(start, new)

    def change_set(self, label: str) -> ChangeSet:
        def ro(d):
            return MappingProxyType(dict(d)) if d else _EMPTY
        return ChangeSet(
            label=label, added=ro(self.added), removed=ro(self.removed),
            properties=ro({k: MappingProxyType(v) for k, v in self.properties.items()}),
            reparented=ro(self.reparented), geometry=ro(self.geometry),
            relations_added=ro(self.relations_added), relations_removed=ro(self.relations_removed),
            metadata=ro(self.metadata))


def _restore(record: Resource, changes: Mapping[str, PropertyChange]):
    from .frozen import FrozenDict
    props = dict(record.properties)
    for key, change in changes.items():
        if key != "name":
            props[key] = change.old
    return FrozenDict(props)
