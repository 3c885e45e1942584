"""Turning a lab's start design into its reference solution with ordinary edits, as a student would
(but all at once): what the Labs panel tests push through ``document.push``."""

from __future__ import annotations

from model import edits
from model.diagram import Diagram
from model.frozen import thaw

__all__ = ["edits_towards", "depth"]


def depth(diagram: Diagram, rid: str) -> int:
    n, record = 0, diagram.get(rid)
    while record is not None and record.parent is not None:
        n, record = n + 1, diagram.get(record.parent)
    return n


def edits_towards(current: Diagram, target: Diagram) -> list[edits.Edit]:
    """Edits that make ``current`` the same design as ``target``: new resources (containers
    first), moves into other containers, changed properties and names, then removals (contents
    first) and the connections. Each is one undo step."""
    out: list[edits.Edit] = []
    added = [r for r in target if current.get(r.id) is None]
    for record in sorted(added, key=lambda r: depth(target, r.id)):
        out.append(edits.AddResource(record, target.geometry(record.id), f"Add {record.label}"))
    for record in target:
        mine = current.get(record.id)
        if mine is None:
            continue
        if mine.parent != record.parent:
            out.append(edits.Composite((
                edits.Reparent(record.id, mine.parent, record.parent),
                edits.SetGeometry(record.id, current.geometry(record.id), target.geometry(record.id)),
            ), f"Move {record.label}"))
        if mine.name != record.name:
            out.append(edits.SetProperty(record.id, "name", mine.name, record.name, "Rename"))
        for name in sorted(set(mine.properties) | set(record.properties)):
            old, new = mine.properties.get(name), record.properties.get(name)
            if thaw(old) != thaw(new):
                out.append(edits.SetProperty(record.id, name, old, new, f"Change {name}"))
    gone = [r for r in current if target.get(r.id) is None]
    for record in sorted(gone, key=lambda r: -depth(current, r.id)):
        out.append(edits.RemoveResource(record, current.geometry(record.id), f"Remove {record.label}"))
    theirs = {r.id: r for r in target.relations()}
    for relation in current.relations():
        if theirs.get(relation.id) != relation:
            out.append(edits.RemoveRelation(relation, "Disconnect"))
    mine = {r.id: r for r in current.relations()}
    for relation in target.relations():
        if mine.get(relation.id) != relation:
            out.append(edits.AddRelation(relation, "Connect"))
    return out
