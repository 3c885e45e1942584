"""Resizing a container by one of its handles: visual while dragging, one command on release.

A container never gets smaller than its contents. Dragging the left or top edge keeps the contents
where they are on the canvas (their offsets inside the container change by as much as the edge
moved), so resizing never shuffles what is inside.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from model.edits import Composite
from model.layout import PADDING
from model.resources import Geometry

from ..handles import ResizeHandle
from ..items import ContainerItem, DiagramItem
from .geometry import MIN_INSET, GeometryPlan

__all__ = ["ResizeGesture", "MIN_RESIZE"]

#: The smallest an empty container may be made: its title still reads.
MIN_RESIZE = (160.0, 80.0)


class ResizeGesture:
    def __init__(self, canvas, container: ContainerItem, handle: ResizeHandle):
        self.canvas = canvas
        self.container = container
        self.handle = handle
        self.start_pos = QPointF(container.pos())
        rect = container.rect()
        self.start_size = (rect.width(), rect.height())
        self.children = [(c, QPointF(c.pos())) for c in container.childItems() if isinstance(c, DiagramItem)]
        self.bounds = _content_bounds(self.children)
        self.started = False
        self.result: tuple[float, float, float, float] | None = None

    def update(self, scene_pos: QPointF, free: bool = False) -> None:
        self.started = True
        parent = self.container.parentItem()
        p = parent.mapFromScene(scene_pos) if parent is not None else scene_pos
        x0, y0 = self.start_pos.x(), self.start_pos.y()
        left, top = x0, y0
        right, bottom = x0 + self.start_size[0], y0 + self.start_size[1]
        snap = (lambda v: v) if free or not self.canvas.snap_enabled else self.canvas.snap
        if self.handle.moves_left():
            left = snap(p.x())
        if self.handle.moves_right():
            right = snap(p.x())
        if self.handle.moves_top():
            top = snap(p.y())
        if self.handle.moves_bottom():
            bottom = snap(p.y())
        if self.bounds is not None:
            min_x, min_y, max_x, max_y = self.bounds
            left = min(left, x0 + min_x - MIN_INSET[0])
            top = min(top, y0 + min_y - MIN_INSET[1])
            right = max(right, x0 + max_x + PADDING)
            bottom = max(bottom, y0 + max_y + PADDING)
        left = min(left, right - MIN_RESIZE[0])
        top = min(top, bottom - MIN_RESIZE[1])
        right = max(right, left + MIN_RESIZE[0])
        bottom = max(bottom, top + MIN_RESIZE[1])
        self.result = (left, top, right - left, bottom - top)
        self.container.setPos(left, top)
        self.container.set_size(right - left, bottom - top)
        shift = QPointF(x0 - left, y0 - top)
        for child, start in self.children:
            child.setPos(start + shift)
        self.canvas.scene.refresh_lines_for_items([self.container])
        self.canvas.handles.follow()

    def cancel(self) -> None:
        self.canvas.scene.restore([self.container.rid] + [c.rid for c, _ in self.children])
        self.canvas.handles.follow()

    def finish(self) -> bool:
        if not self.started or self.result is None:
            return False
        diagram = self.canvas.scene.diagram
        rid = self.container.rid
        left, top, w, h = self.result
        plan = GeometryPlan(diagram)
        plan.geometry[rid] = Geometry(left, top, w, h)
        dx, dy = self.start_pos.x() - left, self.start_pos.y() - top
        if dx or dy:
            for child, _ in self.children:
                g = diagram.geometry(child.rid) or Geometry(0.0, 0.0)
                plan.geometry[child.rid] = Geometry(g.x + dx, g.y + dy, g.w, g.h)
        plan.grow([diagram[rid].parent])
        edits = plan.edits()
        if not edits or not self.canvas.push(Composite(tuple(edits), f"Resize {diagram[rid].label}")):
            self.cancel()
            return False
        self.canvas.handles.follow()
        return True


def _content_bounds(children) -> tuple[float, float, float, float] | None:
    """The box the contents take inside the container (item coordinates), from the items."""
    if not children:
        return None
    min_x = min_y = float("inf")
    max_x = max_y = float("-inf")
    for child, pos in children:
        rect = child.rect() if isinstance(child, ContainerItem) else child.cell_rect()
        min_x, min_y = min(min_x, pos.x()), min(min_y, pos.y())
        max_x, max_y = max(max_x, pos.x() + rect.width()), max(max_y, pos.y() + rect.height())
    return min_x, min_y, max_x, max_y
