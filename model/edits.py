"""Reversible edits: the only way to change a :class:`~model.diagram.Diagram`.

Each primitive edit knows how to apply itself and how to build its inverse; a :class:`Composite`
groups several into one change (one undo step, one announcement). Builder functions such as
:func:`set_property` or :func:`remove_resources` read the diagram to capture the old values the
inverse needs, so ``diagram.apply(edit.inverse())`` always restores what ``edit`` changed.

>>> from model.diagram import Diagram
>>> d = Diagram()
>>> _ = d.apply(add_resource(d, "Region", "tokyo", properties={"region": "ap-northeast-1"}))
>>> edit = set_property(d, "tokyo", "region", "us-east-1")
>>> _ = d.apply(edit); d["tokyo"].get("region")
'us-east-1'
>>> _ = d.apply(edit.inverse()); d["tokyo"].get("region")
'ap-northeast-1'
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from . import kinds as _kinds
from .errors import UnknownResourceError
from .frozen import freeze, thaw
from .resources import Geometry, Relation, Resource

__all__ = ["Edit", "AddResource", "RemoveResource", "SetProperty", "Reparent", "SetGeometry",
           "AddRelation", "RemoveRelation", "SetMetadata", "Composite", "add_resource",
           "remove_resources", "plan_removal", "RemovalPlan", "set_property", "set_properties",
           "rename", "move", "reparent", "connect", "disconnect", "set_metadata"]


class Edit(ABC):
    """Base of all edits. ``label`` reads well after "Undo " ("Move web-a")."""

    label: str = ""

    def primitives(self) -> Iterator["Edit"]:
        yield self

    @abstractmethod
    def apply_to(self, diagram, recorder) -> None:
        """Make the change on ``diagram`` through its private mutators, reporting to ``recorder``."""

    @abstractmethod
    def inverse(self) -> "Edit":
        """The edit that undoes this one."""


@dataclass(frozen=True)
class AddResource(Edit):
    record: Resource
    geometry: Geometry | None = None
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._add(self.record, self.geometry, recorder)

    def inverse(self) -> Edit:
        return RemoveResource(self.record, self.geometry, f"Remove {self.record.label}")


@dataclass(frozen=True)
class RemoveResource(Edit):
    """Removes one empty resource. Use :func:`remove_resources` to remove with contents."""

    record: Resource
    geometry: Geometry | None = None
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._remove(self.record.id, recorder)

    def inverse(self) -> Edit:
        return AddResource(self.record, self.geometry, f"Add {self.record.label}")


@dataclass(frozen=True)
class SetProperty(Edit):
    """Sets one property; the name ``"name"`` sets the display name."""

    rid: str
    name: str
    old: Any
    new: Any
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._set_property(self.rid, self.name, self.new, recorder)

    def inverse(self) -> Edit:
        return SetProperty(self.rid, self.name, self.new, self.old, self.label)


@dataclass(frozen=True)
class Reparent(Edit):
    rid: str
    old_parent: str | None
    new_parent: str | None
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._reparent(self.rid, self.new_parent, recorder)

    def inverse(self) -> Edit:
        return Reparent(self.rid, self.new_parent, self.old_parent, self.label)


@dataclass(frozen=True)
class SetGeometry(Edit):
    rid: str
    old: Geometry | None
    new: Geometry | None
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._set_geometry(self.rid, self.new, recorder)

    def inverse(self) -> Edit:
        return SetGeometry(self.rid, self.new, self.old, self.label)


@dataclass(frozen=True)
class AddRelation(Edit):
    relation: Relation
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._add_relation(self.relation, recorder)

    def inverse(self) -> Edit:
        return RemoveRelation(self.relation, self.label)


@dataclass(frozen=True)
class RemoveRelation(Edit):
    relation: Relation
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._remove_relation(self.relation.id, recorder)

    def inverse(self) -> Edit:
        return AddRelation(self.relation, self.label)


@dataclass(frozen=True)
class SetMetadata(Edit):
    key: str
    old: str
    new: str
    label: str = ""

    def apply_to(self, diagram, recorder) -> None:
        diagram._set_metadata(self.key, self.new, recorder)

    def inverse(self) -> Edit:
        return SetMetadata(self.key, self.new, self.old, self.label)


@dataclass(frozen=True)
class Composite(Edit):
    """Several edits applied as one change, in order; the inverse undoes them in reverse order."""

    edits: tuple[Edit, ...] = field(default_factory=tuple)
    label: str = ""

    def primitives(self) -> Iterator[Edit]:
        for edit in self.edits:
            yield from edit.primitives()

    def apply_to(self, diagram, recorder) -> None:
        for primitive in self.primitives():
            primitive.apply_to(diagram, recorder)

    def inverse(self) -> Edit:
        return Composite(tuple(e.inverse() for e in reversed(self.edits)), self.label)

    def __bool__(self) -> bool:
        return bool(self.edits)


# ---------------------------------------------------------------------- builders
def add_resource(diagram, kind: str, rid: str, *, name: str = "", parent: str | None = None,
                 properties: Mapping[str, Any] | None = None,
                 geometry: Geometry | tuple | None = None) -> AddResource:
    """An edit adding a resource. Properties not given take the kind's defaults."""
    spec = _kinds.kind(kind)
    props = dict(spec.defaults())
    props.update(properties or {})
    record = Resource(rid, kind, name or rid, parent, freeze(props))
    return AddResource(record, Geometry(*geometry) if geometry is not None else None,
                       f"Add {name or rid}")


def set_property(diagram, rid: str, name: str, value: Any, label: str = "") -> SetProperty:
    record = diagram[rid]
    old = record.name if name == "name" else record.properties.get(name)
    return SetProperty(rid, name, old, freeze(value), label or f"Change {name} of {record.label}")


def set_properties(diagram, rid: str, values: Mapping[str, Any], label: str = "") -> Composite:
    record = diagram[rid]
    return Composite(tuple(set_property(diagram, rid, k, v) for k, v in values.items()),
                     label or f"Edit {record.label}")


def rename(diagram, rid: str, name: str) -> SetProperty:
    return set_property(diagram, rid, "name", name, f"Rename {diagram[rid].label}")


def move(diagram, positions: Mapping[str, Geometry | tuple], label: str = "") -> Composite:
    """Move (and resize) resources. ``positions`` maps ids to their new geometry."""
    edits = tuple(SetGeometry(rid, diagram.geometry(rid), Geometry(*g)) for rid, g in positions.items())
    if not label:
        names = [diagram[rid].label for rid in positions]
        label = f"Move {names[0]}" if len(names) == 1 else f"Move {len(names)} resources"
    return Composite(edits, label)


def reparent(diagram, rid: str, new_parent: str | None, geometry: Geometry | tuple | None = None,
             extra: Iterable[Edit] = ()) -> Composite:
    """Put ``rid`` into ``new_parent`` (and place it at ``geometry`` there). ``extra`` edits join the
    same undo step (the editor sets a subnet's zone when it is dropped into an Availability Zone)."""
    record = diagram[rid]
    edits: list[Edit] = [Reparent(rid, record.parent, new_parent)]
    if geometry is not None:
        edits.append(SetGeometry(rid, diagram.geometry(rid), Geometry(*geometry)))
    edits.extend(extra)
    where = diagram[new_parent].label if new_parent else "the canvas"
    return Composite(tuple(edits), f"Move {record.label} into {where}")


def connect(diagram, relation_id: str, source: str, target: str, kind: str = "connection",
            **properties: Any) -> AddRelation:
    relation = Relation(relation_id, kind, source, target, freeze(properties))
    return AddRelation(relation, f"Connect {diagram[source].label} to {diagram[target].label}")


def disconnect(diagram, relation_id: str) -> RemoveRelation:
    relation = diagram.relation(relation_id)
    if relation is None:
        raise UnknownResourceError(f"no relation '{relation_id}'")
    return RemoveRelation(relation, "Remove connection")


def set_metadata(diagram, key: str, value: str) -> SetMetadata:
    return SetMetadata(key, diagram.metadata(key), value, f"Change {key}")


# ---------------------------------------------------------------------- removal
#: References that survive their target's removal, as AWS keeps them: a route to a deleted NAT
#: gateway stays in the table as a blackhole.
SURVIVING_REFERENCES = {("RouteTable", "routes")}


@dataclass(frozen=True)
class RemovalPlan:
    """What goes with a removal, so the editor can say so before doing it.

    - ``resources``: ids removed, contents before their containers.
    - ``cleared``: ``(resource id, path)`` of references to removed resources that are cleared.
    - ``blackholed``: ``(route table id, path)`` of routes left pointing at a removed target.
    - ``relations``: connections removed.
    """

    resources: tuple[str, ...]
    cleared: tuple[tuple[str, str], ...]
    blackholed: tuple[tuple[str, str], ...]
    relations: tuple[str, ...]


def plan_removal(diagram, ids: Iterable[str]) -> RemovalPlan:
    """Work out what removing ``ids`` takes with it. Cost: O(removed subtree + their in-references)."""
    order: list[str] = []
    seen: set[str] = set()
    for rid in ids:
        if rid in seen:
            continue
        subtree = [rid] + [r.id for r in diagram.descendants(rid)]
        for member in reversed(subtree):  # children before their containers
            if member not in seen:
                seen.add(member)
                order.append(member)
    cleared, blackholed, relations = [], [], {}
    for rid in order:
        for source, path, _ in diagram.references_to(rid):
            if source in seen:
                continue
            top_field = path.split(".", 1)[0]
            if (diagram[source].kind, top_field) in SURVIVING_REFERENCES:
                blackholed.append((source, path))
            else:
                cleared.append((source, path))
        for relation in diagram.relations_of(rid):
            relations[relation.id] = None
    return RemovalPlan(tuple(order), tuple(sorted(set(cleared))), tuple(sorted(set(blackholed))),
                       tuple(relations))


def remove_resources(diagram, ids: Iterable[str], label: str = "") -> Composite:
    """One edit removing ``ids`` with their contents and connections, clearing references to them
    (routes excepted: they stay, as blackholes)."""
    ids = list(ids)
    plan = plan_removal(diagram, ids)
    edits: list[Edit] = [RemoveRelation(diagram.relation(r)) for r in plan.relations]
    by_source: dict[str, list[str]] = {}
    for source, path in plan.cleared:
        by_source.setdefault(source, []).append(path)
    for source, paths in by_source.items():
        edits.extend(_clear_references(diagram[source], paths))
    for rid in plan.resources:
        edits.append(RemoveResource(diagram[rid], diagram.geometry(rid)))
    if not label:
        label = f"Delete {diagram[ids[0]].label}" if len(ids) == 1 else f"Delete {len(ids)} resources"
    return Composite(tuple(edits), label)


def _clear_references(record: Resource, paths: list[str]) -> list[Edit]:
    """SetProperty edits that remove the references at ``paths`` from one resource."""
    props = {name: thaw(value) for name, value in record.properties.items()}
    # Remove list items from the highest index down so earlier indices stay valid.
    for path in sorted(paths, key=_path_sort_key, reverse=True):
        _clear_path(props, path.split("."))
    edits = []
    for name, value in props.items():
        if freeze(value) != record.properties.get(name):
            edits.append(SetProperty(record.id, name, record.properties.get(name), freeze(value)))
    return edits


def _path_sort_key(path: str) -> tuple:
    return tuple(int(p) if p.isdigit() else -1 for p in path.split("."))


def _clear_path(props: dict, parts: list[str]) -> None:
    """Clear one reference: a list item is deleted, a single reference becomes empty."""
    container: Any = props
    for part in parts[:-1]:
        container = container[int(part) if part.isdigit() else part]
    last = parts[-1]
    if last.isdigit() and isinstance(container, list):
        del container[int(last)]
    else:
        container[last] = ""
