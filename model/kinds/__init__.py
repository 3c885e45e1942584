"""Every resource kind Kumozu knows, grouped as the palette shows them.

>>> kind("Subnet").parents
('AvailabilityZone', 'Vpc')
>>> may_contain("Subnet", "NatGateway")
True
"""

from __future__ import annotations

from ..errors import UnknownKindError
from ..schema import ROOT, Kind
from ._fields import anything, text
from . import compute, data, edge, networking, security

__all__ = ["CATEGORIES", "ALL_KINDS", "GENERIC", "kind", "is_kind", "may_contain", "kinds_in",
           "relations_of", "ROOT"]

#: Palette groups, in the order they are shown.
CATEGORIES = ("Networking", "Compute", "Containers", "Databases", "Storage", "Edge & DNS",
              "Integration", "Management", "Security & identity", "Other")

#: A CloudFormation resource of a type Kumozu does not model. Kept, shown with its type, and written
#: back unchanged, never dropped.
GENERIC = Kind("GenericResource", "Other resource", "Other",
               ("Region", "Vpc", "Subnet", "AvailabilityZone", ROOT), description=(
                   "A resource Kumozu does not model, kept with its type and properties."), fields=(
    text("resource_type", "AWS::Service::Resource", label="Type"),
    anything("cfn_properties", {}, label="Properties"),
))

ALL_KINDS: tuple[Kind, ...] = (networking.KINDS + security.KINDS + compute.KINDS + data.KINDS
                               + edge.KINDS + (GENERIC,))

_BY_NAME = {k.name: k for k in ALL_KINDS}
assert len(_BY_NAME) == len(ALL_KINDS), "duplicate kind name"
assert all(k.category in CATEGORIES for k in ALL_KINDS)


def kind(name: str) -> Kind:
    """The kind called ``name``; :class:`UnknownKindError` if there is none."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownKindError(f"unknown kind '{name}'") from None


def is_kind(name: str) -> bool:
    return name in _BY_NAME


def may_contain(parent_kind: str | None, child_kind: str) -> bool:
    """Whether a resource of ``child_kind`` may sit directly in one of ``parent_kind`` (None: the
    top of the canvas)."""
    return parent_kind in kind(child_kind).parents


def kinds_in(category: str) -> tuple[Kind, ...]:
    return tuple(k for k in ALL_KINDS if k.category == category)


def relations_of(name: str) -> list[tuple[str, str, str]]:
    """The relations a kind takes part in, as ``(direction, relation, other kind)``.

    ``direction`` is ``"out"`` for references this kind holds and ``"in"`` for references other
    kinds hold to it. Every kind may also take part in a user-drawn ``connection``.
    """
    out = []
    for k in ALL_KINDS:
        for f in _all_reference_fields(k):
            if k.name == name:
                out.extend(("out", f.relation, target) for target in f.ref_kinds)
            if name in f.ref_kinds:
                out.append(("in", f.relation, k.name))
    return sorted(set(out))


def _all_reference_fields(k: Kind):
    stack = list(k.fields)
    while stack:
        f = stack.pop()
        if f.is_reference:
            yield f
        stack.extend(f.fields)
