"""Splitting a rule's work into units, so a change re-checks only the units it affects.

A :class:`Scope` says what the units of a rule are (``units``), how to check one
(``check_unit``), and which units a change can have affected (``affected``, given a
:class:`~validators.changes.Touched`). The engine keeps findings per unit and, after a change,
re-checks exactly the affected units. ``affected`` must name every unit whose findings could differ;
naming more is only slower. Two ready-made scopes cover most rules:

- :func:`per_record`: one unit per resource of some kinds. The check of a unit reads the resource
  and whatever is reachable from it by following at most ``reach`` steps of "refers to" (reference
  fields), "sits in" (containment) and "uses implicitly" (a subnet without a route table of its own
  uses its VPC's main one). After a change, the affected units are found by walking those steps
  backwards from every touched resource.
- :func:`per_vpc`: one unit per VPC. The check of a VPC reads the VPC, what belongs to it (drawn in
  it or, for gateways, attached to it), what those resources refer to within ``reach`` steps, and
  which VPC anything belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from model.diagram import Diagram
from model.resources import Resource

from .changes import Touched
from .finding import Finding

__all__ = ["Scope", "per_record", "per_vpc", "per_container", "reach_back"]


@dataclass(frozen=True)
class Scope:
    units: Callable[[Diagram], Iterable[str]]
    check_unit: Callable[[Diagram, str], Iterable[Finding]]
    affected: Callable[[Diagram, Touched], Iterable[str]]


def reach_back(touched: Touched, reach: int, kinds: tuple[str, ...] | None = None,
               containment: bool = True) -> set[str]:
    """Ids of resources (of ``kinds``, or of any kind) from which a touched resource can be reached
    in at most ``reach`` steps, now or before the change. A step is "refers to", "uses implicitly"
    and, with ``containment``, "sits in".

    Walks backwards: referrers, implicit users and (with ``containment``) contents of each touched
    resource, then of those, ``reach`` times. Cost: O(size of the neighbourhood walked).
    """
    d = touched.diagram
    frontier = set(touched.kinds)
    seen = set(frontier)
    for _ in range(reach):
        nxt: set[str] = set()
        for rid in frontier:
            nxt |= touched.referrers(rid)
            nxt |= touched.implicit_users(rid)
            if containment and rid in d:
                nxt.update(child.id for child in d.children(rid))
        nxt -= seen
        seen |= nxt
        frontier = nxt
        if not frontier:
            break
    if kinds is None:
        return seen
    out = set()
    for rid in seen:
        kind = touched.kinds.get(rid)
        if kind is None:
            record = d.get(rid)
            kind = record.kind if record is not None else None
        if kind in kinds:
            out.add(rid)
    return out


def per_record(kinds: str | tuple[str, ...], check_one: Callable[[Diagram, Resource], Iterable[Finding]],
               reach: int = 0) -> Scope:
    """One unit per resource of ``kinds``; ``check_one(diagram, record)`` checks one.

    ``reach`` is how many steps away from the resource the check looks (0: the resource's own
    properties only; 1: also what it refers to, its container and, for a subnet, the route table it
    uses; and so on).
    """
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)

    def units(d: Diagram):
        return [r.id for r in d.of_kind(*kinds)]

    def check_unit(d: Diagram, rid: str):
        record = d.get(rid)
        if record is None or record.kind not in kinds:
            return ()
        return check_one(d, record)

    def affected(d: Diagram, touched: Touched):
        if reach == 0:
            return touched.of_kind(*kinds)
        return reach_back(touched, reach, kinds)

    return Scope(units, check_unit, affected)


def per_vpc(check_vpc: Callable[[Diagram, Resource], Iterable[Finding]], reach: int = 1) -> Scope:
    """One unit per VPC; ``check_vpc(diagram, vpc)`` checks one.

    The check of a VPC may read the VPC, every resource that belongs to it (:func:`vpc_of`), the
    resources those refer to in at most ``reach`` reference steps (a subnet's route table, that
    table's targets: 2 steps), and which VPC any resource belongs to.
    """

    def units(d: Diagram):
        return [r.id for r in d.of_kind("Vpc")]

    def check_unit(d: Diagram, vid: str):
        vpc = d.get(vid)
        return check_vpc(d, vpc) if vpc is not None and vpc.kind == "Vpc" else ()

    def affected(d: Diagram, touched: Touched):
        out = set(touched.vpcs)
        for rid in reach_back(touched, reach, containment=False):
            if rid not in touched.kinds:
                out |= touched.vpcs_of(rid)
        return out

    return Scope(units, check_unit, affected)


def per_container(kind: str, check_one: Callable[[Diagram, Resource], Iterable[Finding]]) -> Scope:
    """One unit per container of ``kind`` (a hosted zone...); the check reads the container and its
    direct contents. A touched resource affects its container before and after the change."""
    inner = per_record(kind, check_one)

    def affected(d: Diagram, touched: Touched):
        out = touched.of_kind(kind)
        for rid in touched.kinds:
            for record in (d.get(rid), touched.before(rid)):
                if record is not None and record.parent is not None:
                    out.add(record.parent)
        return out

    return Scope(inner.units, inner.check_unit, affected)
