"""Dragging resources: visual while the button is down, one undo command on release.

While dragging only the items move (snapped to the grid of the container they would land in), the
container they would land in is framed green, or red with the reason when nothing there may hold
them. On release the move and any change of container (with what follows from it: a subnet takes
its new Availability Zone, a gateway its new VPC) become one edit; containers grow to fit. A refused
drop snaps back and says why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QApplication

from model.edits import Composite, Reparent, SetProperty
from model.frozen import freeze

from ..items import ContainerItem, DiagramItem
from .arrange import topmost
from .geometry import GeometryPlan
from .targets import DropTarget, drop_target

__all__ = ["MoveGesture"]


class MoveGesture:
    def __init__(self, canvas, grabbed: DiagramItem, press_scene: QPointF, press_view):
        self.canvas = canvas
        scene = canvas.scene
        diagram = scene.diagram
        ids = topmost(diagram, scene.selected_ids() or [grabbed.rid])
        # Grabbing something inside a selected container drags the container.
        while grabbed.rid not in ids and isinstance(grabbed.parentItem(), DiagramItem):
            grabbed = grabbed.parentItem()
        self.grabbed = grabbed
        self.items = [scene.item_for(rid) for rid in ids if scene.item_for(rid) is not None]
        self.ids = {item.rid for item in self.items}
        self.start_pos = {item.rid: QPointF(item.pos()) for item in self.items}
        self.start_scene = {item.rid: item.scenePos() for item in self.items}
        self.press_scene = QPointF(press_scene)
        self.press_view = press_view
        self.started = False
        self.target: DropTarget | None = None

    # ------------------------------------------------------------------ dragging
    def update(self, scene_pos: QPointF, view_pos, free: bool = False) -> None:
        if not self.started:
            if (view_pos - self.press_view).manhattanLength() < QApplication.startDragDistance():
                return
            self.started = True
        scene = self.canvas.scene
        kinds = [self.grabbed.record.kind]
        self.target = drop_target(scene, kinds, scene_pos, self.ids)
        delta = scene_pos - self.press_scene
        if self.canvas.snap_enabled and not free:
            delta = self._snapped(delta)
        for item in self.items:
            item.setPos(self.start_pos[item.rid] + delta)
        scene.refresh_lines_for_items(self.items)
        self.canvas.handles.follow()
        self._show_target(scene_pos)

    def _snapped(self, delta: QPointF) -> QPointF:
        """Snap the grabbed item's corner to the grid of the container it would land in."""
        grid = self.canvas.grid_size
        origin = QPointF(0, 0)
        if self.target is not None and self.target.accepts and self.target.container:
            origin = self.canvas.scene.item_for(self.target.container).scenePos()
        corner = self.start_scene[self.grabbed.rid] + delta - origin
        snapped = QPointF(round(corner.x() / grid) * grid, round(corner.y() / grid) * grid)
        return snapped + origin - self.start_scene[self.grabbed.rid]

    def _show_target(self, scene_pos: QPointF) -> None:
        target = self.target
        current = self.grabbed.record.parent
        if target is None or (target.accepts and target.container == current):
            self.canvas.clear_feedback()
            return
        if target.accepts:
            name = self.canvas.label_of(target.container) if target.container else \
                QCoreApplication.translate("MoveGesture", "the canvas")
            self.canvas.show_feedback(target.frame, True, scene_pos,
                                      QCoreApplication.translate("MoveGesture", "Into %1").replace(
                                          "%1", name))
        else:
            self.canvas.show_feedback(target.frame, False, scene_pos, target.reason)

    def cancel(self) -> None:
        self.canvas.scene.restore(self.start_pos)
        self.canvas.handles.follow()
        self.canvas.clear_feedback()

    # ------------------------------------------------------------------ dropping
    def finish(self, scene_pos: QPointF) -> bool:
        """Push the move (True), or put everything back (False: not dragged, or refused)."""
        self.canvas.clear_feedback()
        if not self.started:
            return False
        scene = self.canvas.scene
        diagram = scene.diagram
        targets = {}
        for item in self.items:
            probe = scene_pos if item is self.grabbed else _centre(item)
            targets[item.rid] = drop_target(scene, [item.record.kind], probe, self.ids)
        refused = next((t for t in targets.values() if not t.accepts), None)
        if refused is not None:
            self.cancel()
            self.canvas.say(QCoreApplication.translate("MoveGesture", "Cannot move there. %1.").replace(
                "%1", refused.reason))
            return False
        plan = GeometryPlan(diagram)
        structural, extras = [], []
        for item in self.items:
            rid, new_parent = item.rid, targets[item.rid].container
            holder = scene.item_for(new_parent) if new_parent else None
            at = holder.mapFromScene(item.scenePos()) if holder is not None else item.scenePos()
            old_parent = diagram[rid].parent
            if new_parent != old_parent:
                plan.parents[rid] = new_parent
                structural.append(Reparent(rid, old_parent, new_parent))
                extras.extend(_follow_new_place(diagram, rid, old_parent, new_parent))
            plan.place(rid, at.x(), at.y(), new_parent)
        plan.grow({t.container for t in targets.values()})
        edits = structural + plan.edits() + extras
        if not edits:
            self.cancel()
            return False
        label = self._label(targets)
        if not self.canvas.push(Composite(tuple(edits), label)):
            self.cancel()
            return False
        self.canvas.handles.follow()
        return True

    def _label(self, targets) -> str:
        diagram = self.canvas.scene.diagram
        what = diagram[self.items[0].rid].label if len(self.items) == 1 else f"{len(self.items)} resources"
        new_parents = {t.container for rid, t in targets.items() if t.container != diagram[rid].parent}
        if len(new_parents) == 1:
            where = next(iter(new_parents))
            return f"Move {what} into {diagram[where].label if where else 'the canvas'}"
        return f"Move {what}"


def _centre(item: DiagramItem) -> QPointF:
    if isinstance(item, ContainerItem):
        return item.scene_rect().center()
    return item.mapToScene(item.cell_rect().center())


def _follow_new_place(diagram, rid: str, old_parent: str | None, new_parent: str | None) -> list:
    """Settings that follow the container a resource is moved into."""
    record = diagram[rid]
    out = []
    chain = []
    node = new_parent
    while node is not None:
        chain.append(diagram[node])
        node = diagram[node].parent
    if record.kind == "Subnet":
        zone = next((c.get("zone") for c in chain if c.kind == "AvailabilityZone"), "")
        if zone and zone != record.get("availability_zone"):
            out.append(SetProperty(rid, "availability_zone", record.get("availability_zone"), zone))
    elif record.kind in ("InternetGateway", "EgressOnlyInternetGateway"):
        vpc = next((c.id for c in chain if c.kind == "Vpc"), None)
        old_vpc = next((a.id for a in diagram.ancestors(rid) if a.kind == "Vpc"), None)
        if vpc and record.get("vpc") in ("", old_vpc) and record.get("vpc") != vpc:
            out.append(SetProperty(rid, "vpc", record.get("vpc"), vpc))
    elif "subnets" in record.properties and old_parent and diagram[old_parent].kind == "Subnet" \
            and tuple(record.get("subnets") or ()) == (old_parent,) \
            and new_parent and diagram[new_parent].kind == "Subnet":
        out.append(SetProperty(rid, "subnets", record.get("subnets"), freeze([new_parent])))
    return out
