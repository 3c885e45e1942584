"""Plain, immutable records: resources, relations and geometry.

Records are never changed in place. An edit replaces a record with a new one, so the undo stack, the
validators and the scene can all hold on to records without copying them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from .frozen import FrozenDict, freeze

__all__ = ["Resource", "Relation", "Geometry", "RELATION_KINDS"]


@dataclass(frozen=True, slots=True)
class Resource:
    """One AWS resource on the diagram.

    ``id`` is stable for the resource's life (a CloudFormation logical id becomes the id); ``name`` is
    what people read, and defaults to the id. ``properties`` holds every field of the kind, defaults
    included. ``parent`` is the id of the container it sits in, or ``None`` at the top of the canvas.
    """

    id: str
    kind: str
    name: str
    parent: str | None
    properties: FrozenDict

    @property
    def label(self) -> str:
        return self.name or self.id

    def get(self, name: str, default: Any = None) -> Any:
        return self.properties.get(name, default)

    def with_property(self, name: str, value: Any) -> "Resource":
        props = dict(self.properties)
        props[name] = freeze(value)
        return replace(self, properties=FrozenDict(props))

    def with_changes(self, **changes) -> "Resource":
        return replace(self, **changes)


#: Relations drawn by the user that are not properties of a resource. A ``connection`` says "this
#: should be able to talk to that on this port"; the path tracer checks it.
RELATION_KINDS = ("connection",)


@dataclass(frozen=True, slots=True)
class Relation:
    id: str
    kind: str
    source: str
    target: str
    properties: FrozenDict = field(default_factory=FrozenDict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.properties.get(name, default)


class Geometry(NamedTuple):
    """Where a resource is drawn, relative to its container's top-left corner (or the canvas origin).

    Relative positions mean that moving a container changes one line of the layout, not its whole
    contents. ``w`` and ``h`` are 0 for resources drawn at the standard icon size.
    """

    x: float
    y: float
    w: float = 0.0
    h: float = 0.0

    def moved_to(self, x: float, y: float) -> "Geometry":
        return Geometry(x, y, self.w, self.h)
