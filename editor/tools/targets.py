"""Where a drop would go: the innermost container under a point that may hold what is dropped."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from .creation import placement_refusal

__all__ = ["DropTarget", "drop_target"]


@dataclass(frozen=True)
class DropTarget:
    """``container`` is the id things would go into (None: the canvas itself). When ``accepts`` is
    False, ``reason`` says why and ``container`` is the innermost one refusing. ``frame`` is what to
    highlight (None for the bare canvas)."""

    container: str | None
    accepts: bool
    reason: str = ""
    frame: QRectF | None = None


def drop_target(scene, kind_names, pos: QPointF, exclude: set[str] = frozenset()) -> DropTarget:
    """The innermost container at ``pos`` accepting every kind in ``kind_names`` (walking outwards
    from the innermost one), else a refusal naming the innermost. Cost: O(log n + containers at
    ``pos``)."""
    diagram = scene.diagram
    kinds = list(dict.fromkeys(kind_names))
    candidates = scene.containers_at(pos, exclude)
    for container in candidates:
        if not any(placement_refusal(diagram, k, container.rid) for k in kinds):
            return DropTarget(container.rid, True, "", container.scene_rect())
    if not any(placement_refusal(diagram, k, None) for k in kinds):
        return DropTarget(None, True)
    innermost = candidates[0] if candidates else None
    where = innermost.rid if innermost is not None else None
    reason = next(r for r in (placement_refusal(diagram, k, where) for k in kinds) if r)
    return DropTarget(where, False, reason, innermost.scene_rect() if innermost is not None else None)
