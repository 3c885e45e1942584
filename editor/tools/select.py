"""The select tool: click and Ctrl/Shift-click to select, drag to move, drag a handle to resize or
connect, drag on empty space for rubber-band selection (Qt's own), arrow keys to nudge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..commands import MERGE_NUDGE
from ..handles import ConnectHandle, ResizeHandle
from ..items import DiagramItem, ReferenceItem
from .arrange import nudge_edit
from .base import Tool
from .connecting import ConnectGesture, wants_plain
from .moving import MoveGesture
from .resizing import ResizeGesture

__all__ = ["SelectTool"]

_ARROWS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}


class SelectTool(Tool):
    name = "select"

    def __init__(self, canvas):
        super().__init__(canvas)
        self.gesture = None
        #: Pressed on an already selected item: if the press ends as a click, select only it.
        self._click_only: DiagramItem | None = None
        #: Where a press on no item began (a click there selects the container around it).
        self._empty_press = None

    def deactivate(self) -> None:
        if self.gesture is not None:
            self.gesture.cancel()
        self.gesture = None

    def press(self, event) -> bool:
        canvas = self.canvas
        view_pos = event.position().toPoint()
        scene_pos = canvas.view.mapToScene(view_pos)
        handle = canvas.handle_at(view_pos)
        if isinstance(handle, ResizeHandle) and canvas.handles.item is not None:
            self.gesture = ResizeGesture(canvas, canvas.handles.item, handle)
            return True
        if isinstance(handle, ConnectHandle) and canvas.handles.item is not None:
            self.gesture = ConnectGesture(canvas, canvas.handles.item)
            return True
        item = canvas.item_at(view_pos)
        if item is None:
            self._empty_press = view_pos
            return False  # empty canvas or a container's inside: Qt's rubber band
        additive = event.modifiers() & (Qt.ControlModifier | Qt.ShiftModifier | Qt.MetaModifier)
        self._click_only = None
        if additive:
            item.setSelected(not item.isSelected() if event.modifiers() & Qt.ControlModifier else True)
            if not item.isSelected() or isinstance(item, ReferenceItem):
                return True
        elif not item.isSelected():
            canvas.scene.clearSelection()
            item.setSelected(True)
        else:
            self._click_only = item
        if isinstance(item, DiagramItem):
            self.gesture = MoveGesture(canvas, item, scene_pos, view_pos)
        return True

    def move(self, event) -> bool:
        if self.gesture is None:
            return False
        view_pos = event.position().toPoint()
        scene_pos = self.canvas.view.mapToScene(view_pos)
        free = bool(event.modifiers() & Qt.AltModifier)  # Alt: no snapping
        if isinstance(self.gesture, MoveGesture):
            self.gesture.update(scene_pos, view_pos, free)
        elif isinstance(self.gesture, ResizeGesture):
            self.gesture.update(scene_pos, free)
        else:
            self.gesture.update(scene_pos, view_pos, wants_plain(event))
        return True

    def release(self, event) -> bool:
        gesture, self.gesture = self.gesture, None
        if gesture is None:
            if self._click_only is not None:
                self._select_only(self._click_only)
            return False
        scene_pos = self.canvas.view.mapToScene(event.position().toPoint())
        if isinstance(gesture, MoveGesture):
            moved = gesture.finish(scene_pos)
            if not moved and not gesture.started and self._click_only is not None:
                self._select_only(self._click_only)
        elif isinstance(gesture, ResizeGesture):
            gesture.finish()
        else:
            gesture.finish(event.globalPosition().toPoint(), wants_plain(event))
        self._click_only = None
        return True

    def released_on_canvas(self, event) -> None:
        """A click (not a rubber band) inside a container's empty area selects that container, as
        people expect; dragging from there still draws a rubber band."""
        start, self._empty_press = self._empty_press, None
        view_pos = event.position().toPoint()
        if start is None or (view_pos - start).manhattanLength() >= QApplication.startDragDistance():
            return
        containers = self.canvas.scene.containers_at(self.canvas.view.mapToScene(view_pos))
        if not containers:
            return
        if event.modifiers() & Qt.ControlModifier:
            containers[0].setSelected(not containers[0].isSelected())
        else:
            self._select_only(containers[0])

    def _select_only(self, item) -> None:
        self._click_only = None
        if item.scene() is self.canvas.scene:
            self.canvas.scene.clearSelection()
            item.setSelected(True)

    def key(self, event) -> bool:
        if event.key() == Qt.Key_Escape:
            if self.gesture is not None:
                self.gesture.cancel()
                self.gesture = None
            else:
                self.canvas.scene.clearSelection()
            return True
        step = _ARROWS.get(event.key())
        if step is None or event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            return False
        ids = self.canvas.selected_resource_ids()
        if not ids:
            return False
        size = 1 if event.modifiers() & Qt.ShiftModifier or not self.canvas.snap_enabled \
            else self.canvas.grid_size
        edit = nudge_edit(self.canvas.scene.diagram, ids, step[0] * size, step[1] * size)
        if edit is not None:
            self.canvas.push(edit, merge_id=MERGE_NUDGE, merge_key=tuple(sorted(ids)))
            self.canvas.handles.follow()
        return True
