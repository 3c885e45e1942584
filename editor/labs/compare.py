"""How a student's design differs from a lab's reference solution, resource by resource.

Plain Python (no Qt), so the comparison can be tested on its own. Resources are matched by id: the
course's start designs already carry the ids the solutions use, and a resource the student added
under another id shows up once as "only in the solution" and once as "only in your design".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from model.diagram import Diagram
from model.frozen import thaw

__all__ = ["Difference", "compare_designs", "ADDED", "REMOVED", "CHANGED", "describe_value"]

#: In the solution, not in the student's design.
ADDED = "added"
#: In the student's design, not in the solution.
REMOVED = "removed"
#: In both, with something different.
CHANGED = "changed"
_ORDER = {ADDED: 0, CHANGED: 1, REMOVED: 2}
_LONGEST_VALUE = 160


@dataclass(frozen=True)
class Difference:
    """One difference. ``rid`` is a resource id (or a connection id, with ``kind`` ``connection``);
    ``field`` is the property that differs (``parent`` for the container, empty for a whole
    resource); ``yours`` and ``solution`` are the values, written out as text."""

    change: str
    rid: str
    label: str
    kind: str
    field: str = ""
    yours: str = ""
    solution: str = ""


def describe_value(value) -> str:
    """A property value as compact text (lists and records as JSON), cut to a readable length."""
    plain = thaw(value)
    if plain is None or plain == "" or plain == [] or plain == {}:
        return "—"
    text = plain if isinstance(plain, str) else json.dumps(plain, ensure_ascii=False, default=str)
    return text if len(text) <= _LONGEST_VALUE else text[:_LONGEST_VALUE - 1] + "…"


def compare_designs(yours: Diagram, solution: Diagram) -> list[Difference]:
    """Every difference, the solution's additions first, then changes, then what only the student
    has; each group by label. Cost: O(n·p) for n resources of at most p properties."""
    out: list[Difference] = []
    for record in solution:
        mine = yours.get(record.id)
        if mine is None:
            out.append(Difference(ADDED, record.id, record.label, record.kind))
        elif mine.kind != record.kind:
            out.append(Difference(CHANGED, record.id, record.label, record.kind, "kind", mine.kind,
                                  record.kind))
        else:
            out.extend(_property_differences(yours, solution, mine, record))
    for record in yours:
        if solution.get(record.id) is None:
            out.append(Difference(REMOVED, record.id, record.label, record.kind))
    out.extend(_connection_differences(yours, solution))
    out.sort(key=lambda d: (_ORDER[d.change], d.label.lower(), d.rid, d.field))
    return out


def _property_differences(yours: Diagram, solution: Diagram, mine, theirs) -> list[Difference]:
    out = []
    if mine.parent != theirs.parent:
        out.append(Difference(CHANGED, theirs.id, theirs.label, theirs.kind, "parent",
                              _label(yours, mine.parent), _label(solution, theirs.parent)))
    for name in sorted(set(mine.properties) | set(theirs.properties)):
        a, b = mine.properties.get(name), theirs.properties.get(name)
        if thaw(a) != thaw(b):
            out.append(Difference(CHANGED, theirs.id, theirs.label, theirs.kind, name,
                                  describe_value(a), describe_value(b)))
    return out


def _connection_differences(yours: Diagram, solution: Diagram) -> list[Difference]:
    def key(relation):
        return (relation.kind, relation.source, relation.target,
                json.dumps(thaw(relation.properties), sort_keys=True, default=str))

    mine = {key(r): r for r in yours.relations()}
    theirs = {key(r): r for r in solution.relations()}
    out = []
    for k in theirs.keys() - mine.keys():
        r = theirs[k]
        out.append(Difference(ADDED, r.id, f"{_label(solution, r.source)} → {_label(solution, r.target)}",
                              r.kind))
    for k in mine.keys() - theirs.keys():
        r = mine[k]
        out.append(Difference(REMOVED, r.id, f"{_label(yours, r.source)} → {_label(yours, r.target)}",
                              r.kind))
    return out


def _label(diagram: Diagram, rid: str | None) -> str:
    if rid is None:
        return "—"
    record = diagram.get(rid)
    return record.label if record is not None else rid
