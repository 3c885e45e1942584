"""Driving a shown canvas with real mouse and drop events, addressed in scene coordinates."""

from __future__ import annotations

import warnings

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from editor.canvas import KIND_MIME_TYPE, Canvas
from editor.items import ContainerItem

__all__ = ["Mouse", "PaletteDrag", "kind_mime", "centre_of", "inside"]


class Mouse:
    """Real mouse events on the canvas view's viewport, addressed in scene coordinates."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    @staticmethod
    def at(canvas: Canvas, scene_pos: QPointF) -> QPoint:
        return canvas.view.mapFromScene(scene_pos)

    def drag(self, canvas: Canvas, start: QPointF, end: QPointF, modifiers=Qt.NoModifier, steps: int = 5):
        viewport = canvas.view.viewport()
        a, b = self.at(canvas, start), self.at(canvas, end)
        self.qtbot.mousePress(viewport, Qt.LeftButton, modifiers, a)
        for i in range(1, steps + 1):
            self.qtbot.mouseMove(viewport, a + (b - a) * (i / steps))
        self.qtbot.mouseRelease(viewport, Qt.LeftButton, modifiers, b)

    def press_and_move(self, canvas: Canvas, start: QPointF, end: QPointF, modifiers=Qt.NoModifier):
        """Press and move without releasing (to look at a drag in progress)."""
        viewport = canvas.view.viewport()
        a, b = self.at(canvas, start), self.at(canvas, end)
        self.qtbot.mousePress(viewport, Qt.LeftButton, modifiers, a)
        self.qtbot.mouseMove(viewport, a + (b - a) * 0.5)
        self.qtbot.mouseMove(viewport, b)

    def release(self, canvas: Canvas, end: QPointF, modifiers=Qt.NoModifier):
        self.qtbot.mouseRelease(canvas.view.viewport(), Qt.LeftButton, modifiers, self.at(canvas, end))

    def click(self, canvas: Canvas, scene_pos: QPointF, modifiers=Qt.NoModifier):
        viewport = canvas.view.viewport()
        point = self.at(canvas, scene_pos)
        self.qtbot.mousePress(viewport, Qt.LeftButton, modifiers, point)
        self.qtbot.mouseRelease(viewport, Qt.LeftButton, modifiers, point)



def kind_mime(kind_name: str) -> QMimeData:
    data = QMimeData()
    data.setData(KIND_MIME_TYPE, kind_name.encode("utf-8"))
    return data


class PaletteDrag:
    """A palette drag delivered as the drag events Qt would send, without a QDrag."""

    def __init__(self, canvas: Canvas, kind_name: str):
        self.canvas = canvas
        self.data = kind_mime(kind_name)
        self.entered = False

    def _send(self, event) -> bool:
        QApplication.sendEvent(self.canvas.view.viewport(), event)
        return event.isAccepted()

    def move_to(self, scene_pos: QPointF) -> bool:
        """Enter (the first time) and move over ``scene_pos``; whether a drop there is accepted."""
        point = self.canvas.view.mapFromScene(scene_pos)
        # PySide offers only the QPoint constructors, marked deprecated in Qt 6.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            enter = QDragEnterEvent(point, Qt.CopyAction, self.data, Qt.LeftButton, Qt.NoModifier)
            move = QDragMoveEvent(point, Qt.CopyAction, self.data, Qt.LeftButton, Qt.NoModifier)
        if not self.entered:
            self.entered = True
            self._send(enter)
        return self._send(move)

    def drop_at(self, scene_pos: QPointF) -> bool:
        self.move_to(scene_pos)
        point = QPointF(self.canvas.view.mapFromScene(scene_pos))
        return self._send(QDropEvent(point, Qt.CopyAction, self.data, Qt.LeftButton, Qt.NoModifier))



def centre_of(canvas: Canvas, rid: str) -> QPointF:
    """Where a click picks ``rid``: a resource's icon, or a container's title bar."""
    item = canvas.scene.item_for(rid)
    if isinstance(item, ContainerItem):
        rect = item.scene_rect()
        return QPointF(rect.left() + 90, rect.top() + 18)
    return item.anchor()


def inside(canvas: Canvas, rid: str, dx: float = 0.5, dy: float = 0.6) -> QPointF:
    """A point inside container ``rid``'s box, as fractions of its width and height."""
    rect = canvas.scene.item_for(rid).scene_rect()
    return QPointF(rect.left() + rect.width() * dx, rect.top() + rect.height() * dy)
