"""Putting a new resource on the canvas, by dropping it from the palette or with the place tool
(``place:<Kind>``: the palette's double-click, then one click on the canvas).

Both show the container the resource would go into (green) or the one refusing it (red, with the
reason beside the cursor and in the status bar) and add it as one undo step ("Add Subnet
subnet-3"), with the settings :mod:`editor.tools.creation` gives it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt

from model import kinds as _kinds
from model.i18n import kind_label

from ..commands import step_name
from ..translations import current_language
from .base import Tool
from .creation import new_resource_edit
from .targets import DropTarget, drop_target

__all__ = ["PlaceTool", "preview_placement", "place_resource"]


def preview_placement(canvas, kind_name: str, scene_pos: QPointF) -> DropTarget:
    """Show where ``kind_name`` would go at ``scene_pos``; returns the target."""
    target = drop_target(canvas.scene, [kind_name], scene_pos)
    label = kind_label(kind_name, current_language())
    if target.accepts:
        where = canvas.label_of(target.container) if target.container else \
            QCoreApplication.translate("PlaceTool", "the canvas")
        canvas.show_feedback(target.frame, True, scene_pos, QCoreApplication.translate(
            "PlaceTool", "Add %1 to %2").replace("%1", label).replace("%2", where))
    else:
        canvas.show_feedback(target.frame, False, scene_pos, target.reason)
        canvas.say(f"{target.reason}.")
    return target


def place_resource(canvas, kind_name: str, scene_pos: QPointF) -> str | None:
    """Add a ``kind_name`` centred at ``scene_pos`` in the container there; its id, or None when
    no container there may hold it (the status bar then says why)."""
    canvas.clear_feedback()
    target = drop_target(canvas.scene, [kind_name], scene_pos)
    if not target.accepts:
        canvas.say(QCoreApplication.translate("PlaceTool", "Cannot add here. %1.").replace(
            "%1", target.reason))
        return None
    holder = canvas.scene.item_for(target.container) if target.container else None
    at = holder.mapFromScene(scene_pos) if holder is not None else scene_pos
    grid = canvas.grid_size if canvas.snap_enabled else 0
    edit, rid = new_resource_edit(canvas.scene.diagram, kind_name, target.container, at.x(), at.y(),
                                  grid=grid)
    if not canvas.push(edit):
        return None
    canvas.select_ids([rid], center=False)
    canvas.reveal([rid])
    canvas.say(f"{step_name(edit)}.")
    return rid


class PlaceTool(Tool):
    """One click places one resource, then the select tool returns (Shift keeps placing)."""

    cursor = Qt.CrossCursor

    def __init__(self, canvas, kind_name: str):
        super().__init__(canvas)
        self.kind_name = _kinds.kind(kind_name).name  # UnknownKindError for a bad name
        self.name = f"place:{self.kind_name}"

    def activate(self) -> None:
        said = QCoreApplication.translate("PlaceTool", "Click where the %1 goes (Esc: cancel).")
        self.canvas.say(said.replace("%1", kind_label(self.kind_name, current_language())))

    def deactivate(self) -> None:
        self.canvas.clear_feedback()

    def hover(self, event) -> None:
        preview_placement(self.canvas, self.kind_name, self.canvas.view.mapToScene(event.position().toPoint()))

    def press(self, event) -> bool:
        return True

    def move(self, event) -> bool:
        self.hover(event)
        return True

    def release(self, event) -> bool:
        placed = place_resource(self.canvas, self.kind_name,
                                self.canvas.view.mapToScene(event.position().toPoint()))
        if placed is not None and not event.modifiers() & Qt.ShiftModifier:
            self.canvas.set_tool("select")
        return True

    def key(self, event) -> bool:
        if event.key() == Qt.Key_Escape:
            self.canvas.set_tool("select")
            return True
        return False
