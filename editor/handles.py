"""Handles on the selected item: eight resize grips on a container and a connect grip beside any
resource. Handles keep their size on screen at every zoom; they only show where a drag can start
(the select tool does the dragging)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from . import styles
from .items import ContainerItem, DiagramItem

__all__ = ["ResizeHandle", "ConnectHandle", "HandleSet", "EDGES"]

#: Resize grips, named by the edges they move.
EDGES = ("top-left", "top", "top-right", "right", "bottom-right", "bottom", "bottom-left", "left")
_CURSORS = {"top-left": Qt.SizeFDiagCursor, "bottom-right": Qt.SizeFDiagCursor,
            "top-right": Qt.SizeBDiagCursor, "bottom-left": Qt.SizeBDiagCursor,
            "top": Qt.SizeVerCursor, "bottom": Qt.SizeVerCursor,
            "left": Qt.SizeHorCursor, "right": Qt.SizeHorCursor}
_Z = styles.Z_OVERLAY + 5


class ResizeHandle(QGraphicsItem):
    """A small square on a container's edge; ``edge`` says which sides a drag moves."""

    SIZE = 9.0

    def __init__(self, edge: str):
        super().__init__()
        self.edge = edge
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.setZValue(_Z)
        self.setCursor(_CURSORS[edge])
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setToolTip(QCoreApplication.translate("ResizeHandle", "Drag to resize"))

    def moves_left(self) -> bool:
        return "left" in self.edge

    def moves_right(self) -> bool:
        return "right" in self.edge

    def moves_top(self) -> bool:
        return "top" in self.edge

    def moves_bottom(self) -> bool:
        return "bottom" in self.edge

    def boundingRect(self) -> QRectF:
        s = self.SIZE / 2 + 2
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        s = self.SIZE / 2
        painter.setPen(QPen(styles.SELECTION, 1.5))
        painter.setBrush(Qt.white)
        painter.drawRect(QRectF(-s, -s, 2 * s, 2 * s))


class ConnectHandle(QGraphicsItem):
    """A round grip with an arrow beside the selected resource: drag it onto another resource to
    relate the two (a route, an association, a connection...)."""

    RADIUS = 8.0
    #: Screen pixels between the resource and the grip.
    GAP = 14.0

    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.setZValue(_Z)
        self.setCursor(Qt.CrossCursor)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setAcceptHoverEvents(True)
        self.setToolTip(QCoreApplication.translate(
            "ConnectHandle", "Drag to another resource to connect them (Alt or Shift: a plain connection)"))

    def centre(self) -> QPointF:
        return QPointF(self.GAP, 0)

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 2
        return QRectF(self.GAP - r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        c = self.centre()
        r = self.RADIUS
        painter.setPen(QPen(Qt.white, 1.5))
        painter.setBrush(QColor(styles.SELECTION))
        painter.drawEllipse(c, r, r)
        pen = QPen(Qt.white, 1.8, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        painter.setPen(pen)
        painter.drawLine(QPointF(c.x() - 4, c.y()), QPointF(c.x() + 4, c.y()))
        painter.drawLine(QPointF(c.x() + 1, c.y() - 3), QPointF(c.x() + 4, c.y()))
        painter.drawLine(QPointF(c.x() + 1, c.y() + 3), QPointF(c.x() + 4, c.y()))


class HandleSet:
    """The handles of the one selected item (none when zero or several are selected)."""

    def __init__(self, scene):
        self.scene = scene
        self.item: DiagramItem | None = None
        self.resize_handles = [ResizeHandle(edge) for edge in EDGES]
        self.connect_handle = ConnectHandle()
        for handle in self.resize_handles + [self.connect_handle]:
            handle.setVisible(False)
            scene.addItem(handle)

    def attach(self, item: DiagramItem | None) -> None:
        self.item = item
        self.follow()

    def follow(self) -> None:
        """Put the handles where the item now is (after a move, resize or zoom)."""
        item = self.item
        if item is None or item.scene() is not self.scene:
            self.item = None
            for handle in self.resize_handles + [self.connect_handle]:
                handle.setVisible(False)
            return
        if isinstance(item, ContainerItem):
            rect = item.scene_rect()
            points = {"top-left": rect.topLeft(), "top": QPointF(rect.center().x(), rect.top()),
                      "top-right": rect.topRight(), "right": QPointF(rect.right(), rect.center().y()),
                      "bottom-right": rect.bottomRight(),
                      "bottom": QPointF(rect.center().x(), rect.bottom()),
                      "bottom-left": rect.bottomLeft(), "left": QPointF(rect.left(), rect.center().y())}
            for handle in self.resize_handles:
                handle.setPos(points[handle.edge])
                handle.setVisible(True)
            self.connect_handle.setPos(QPointF(rect.right(), rect.top() + 20))
        else:
            for handle in self.resize_handles:
                handle.setVisible(False)
            icon = item.anchor_rect()
            self.connect_handle.setPos(QPointF(icon.right(), icon.center().y()))
        self.connect_handle.setVisible(True)

    def hide(self) -> None:
        self.attach(None)
