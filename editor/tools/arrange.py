"""Aligning, distributing and nudging a selection, as one edit each (without Qt).

Positions are stored relative to each resource's container, so the arithmetic is done on canvas
coordinates (:func:`~editor.tools.geometry.absolute_rect`) and the result turned back into relative
offsets; resources in different containers can be aligned together. Containers grow to keep what
moved inside them.
"""

from __future__ import annotations

from model.diagram import Diagram
from model.edits import Composite
from model.resources import Geometry

from .geometry import GeometryPlan, absolute_rect

__all__ = ["EDGES", "AXES", "topmost", "align_edit", "distribute_edit", "nudge_edit"]

EDGES = ("left", "right", "top", "bottom", "h-center", "v-center")
AXES = ("horizontal", "vertical")


def topmost(diagram: Diagram, ids) -> list[str]:
    """``ids`` without those inside another of ``ids`` (moving a container moves its contents)."""
    chosen = [rid for rid in dict.fromkeys(ids) if rid in diagram]
    inside = set(chosen)
    return [rid for rid in chosen if not any(a.id in inside for a in diagram.ancestors(rid))]


def align_edit(diagram: Diagram, ids, edge: str) -> Composite | None:
    """Line the resources up on one edge or centre line of the group; None when fewer than two."""
    if edge not in EDGES:
        raise ValueError(f"unknown edge '{edge}'; use one of {', '.join(EDGES)}")
    ids = topmost(diagram, ids)
    if len(ids) < 2:
        return None
    rects = {rid: absolute_rect(diagram, rid) for rid in ids}
    if edge == "left":
        target = min(x for x, _, _, _ in rects.values())
        moves = {rid: (target - x, 0.0) for rid, (x, _, _, _) in rects.items()}
    elif edge == "right":
        target = max(x + w for x, _, w, _ in rects.values())
        moves = {rid: (target - (x + w), 0.0) for rid, (x, _, w, _) in rects.items()}
    elif edge == "top":
        target = min(y for _, y, _, _ in rects.values())
        moves = {rid: (0.0, target - y) for rid, (_, y, _, _) in rects.items()}
    elif edge == "bottom":
        target = max(y + h for _, y, _, h in rects.values())
        moves = {rid: (0.0, target - (y + h)) for rid, (_, y, _, h) in rects.items()}
    elif edge == "h-center":  # a common vertical centre line: items move sideways
        left = min(x for x, _, _, _ in rects.values())
        right = max(x + w for x, _, w, _ in rects.values())
        centre = (left + right) / 2
        moves = {rid: (centre - (x + w / 2), 0.0) for rid, (x, _, w, _) in rects.items()}
    else:  # v-center: a common horizontal centre line
        top = min(y for _, y, _, _ in rects.values())
        bottom = max(y + h for _, y, _, h in rects.values())
        centre = (top + bottom) / 2
        moves = {rid: (0.0, centre - (y + h / 2)) for rid, (_, y, _, h) in rects.items()}
    return _moved(diagram, moves, f"Align {len(ids)} resources ({edge})")


def distribute_edit(diagram: Diagram, ids, axis: str) -> Composite | None:
    """Space the resources evenly between the outermost two (equal gaps); None when fewer than
    three."""
    if axis not in AXES:
        raise ValueError(f"unknown axis '{axis}'; use horizontal or vertical")
    ids = topmost(diagram, ids)
    if len(ids) < 3:
        return None
    i = 0 if axis == "horizontal" else 1
    rects = {rid: absolute_rect(diagram, rid) for rid in ids}
    order = sorted(ids, key=lambda rid: rects[rid][i] + rects[rid][i + 2] / 2)
    first, last = rects[order[0]], rects[order[-1]]
    span = last[i] + last[i + 2] - first[i]
    sizes = sum(rects[rid][i + 2] for rid in order)
    gap = (span - sizes) / (len(order) - 1)
    moves = {}
    cursor = first[i]
    for rid in order:
        start = rects[rid][i]
        delta = cursor - start
        moves[rid] = (delta, 0.0) if i == 0 else (0.0, delta)
        cursor += rects[rid][i + 2] + gap
    return _moved(diagram, moves, f"Distribute {len(ids)} resources {axis}ly")


def nudge_edit(diagram: Diagram, ids, dx: float, dy: float) -> Composite | None:
    """Move the resources by ``(dx, dy)`` (arrow keys)."""
    ids = topmost(diagram, ids)
    if not ids:
        return None
    names = diagram[ids[0]].label if len(ids) == 1 else f"{len(ids)} resources"
    return _moved(diagram, {rid: (dx, dy) for rid in ids}, f"Move {names}")


def _moved(diagram: Diagram, moves: dict[str, tuple[float, float]], label: str) -> Composite | None:
    """Nothing leaves its container: a move that would cross the title bar or the left edge stops
    there (alignment across containers is then as close as the containers allow)."""
    plan = GeometryPlan(diagram)
    for rid, (dx, dy) in moves.items():
        if not dx and not dy:
            continue
        g = diagram.geometry(rid) or Geometry(0.0, 0.0)
        parent = diagram[rid].parent
        plan.place(rid, g.x + dx, g.y + dy, parent)
    plan.grow({diagram[rid].parent for rid in moves})
    edits = plan.edits()
    return Composite(tuple(edits), label) if edits else None
