"""Resources of types Kumozu does not model: written back with their type and properties as they
were read, references renamed to the logical ids of this export."""

from __future__ import annotations

from ...frozen import thaw
from ...resources import Resource
from ..forms import names_in, rename
from ..writer import Writer
from . import writes

__all__ = ["generic"]


@writes("GenericResource")
def generic(w: Writer, r: Resource) -> None:
    properties = thaw(r.get("cfn_properties")) or {}
    if not isinstance(properties, dict):
        properties = {}
    for name in names_in(properties):
        if name not in w.logical and name not in w.parameters:
            w.parameter(name, "String", f"A value {r.label} refers to that the design does not hold")
    w.add(w.main(r), str(r.get("resource_type")), rename(properties, w.logical.get), r)
