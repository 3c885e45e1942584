"""Saying what a deletion takes with it, before it happens (without Qt).

>>> from tests.support.builder import DesignBuilder
>>> b = DesignBuilder()
>>> vpc = b.vpc("vpc"); az = b.az("az-a", vpc); _ = b.subnet("web-a", az, "10.0.1.0/24")
>>> _ = b.add("Instance", "web-1", "web-a"); _ = b.add("Instance", "web-2", "web-a")
>>> describe_removal(b.diagram, ["web-a"])
'Delete subnet web-a? This also removes: 2 EC2 instances.'
"""

from __future__ import annotations

from collections import Counter

from model import kinds as _kinds
from model.diagram import Diagram
from model.edits import plan_removal

from .wording import count_of, in_sentence

__all__ = ["describe_removal"]

#: How many kinds of contents are named before the rest are counted together.
_KINDS_NAMED = 6



def describe_removal(diagram: Diagram, ids: list[str]) -> str:
    """One question naming what goes: "Delete web-a? This also removes: 2 EC2 instances; clears:
    route table association of app-a; leaves 1 route as a blackhole." Cost: O(removed subtree)."""
    ids = [rid for rid in ids if rid in diagram]
    plan = plan_removal(diagram, ids)
    chosen = set(ids)
    head = (f"Delete {in_sentence(_kinds.kind(diagram[ids[0]].kind).label)} {diagram[ids[0]].label}?"
            if len(ids) == 1
            else f"Delete {len(ids)} resources ({_list([diagram[i].label for i in ids], 4)})?")
    parts = []
    extra = Counter(diagram[rid].kind for rid in plan.resources if rid not in chosen)
    ranked = sorted(extra.items(), key=lambda kv: (-kv[1], kv[0]))
    removed = [count_of(n, _kinds.kind(k).label) for k, n in ranked[:_KINDS_NAMED]]
    rest = sum(n for _, n in ranked[_KINDS_NAMED:])
    if rest:
        removed.append(f"{rest} other resource{'s' if rest != 1 else ''}")
    if plan.relations:
        removed.append(count_of(len(plan.relations), "connection"))
    if removed:
        parts.append("removes: " + ", ".join(removed))
    cleared = _cleared(diagram, plan.cleared)
    if cleared:
        parts.append("clears: " + _list(cleared, 5))
    if plan.blackholed:
        n = len(plan.blackholed)
        parts.append(f"leaves {n} route{'s' if n != 1 else ''} as {'a blackhole' if n == 1 else 'blackholes'}")
    if not parts:
        return head
    return f"{head} This also {'; '.join(parts)}."


def _cleared(diagram: Diagram, cleared) -> list[str]:
    """"route table association of app-a", "subnets of web-alb" (each field named once)."""
    out: dict[str, None] = {}
    for source, path in cleared:
        record = diagram[source]
        field = _kinds.kind(record.kind).field_at(path)
        name = (field.label if field else path).lower()
        if field is not None and field.relation == "associated with" and not field.type.value.endswith("list"):
            name += " association"
        out[f"{name} of {record.label}"] = None
    return list(out)


def _list(items: list[str], limit: int) -> str:
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
