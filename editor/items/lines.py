"""Lines between resources: a drawn reference (a route, an association...) or a user connection."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from .. import styles
from .base import DiagramItem

__all__ = ["ReferenceItem", "edge_point"]

#: How far from a line a click still picks it, in scene units.
_PICK_WIDTH = 8.0


class ReferenceItem(QGraphicsPathItem):
    """A line from one resource to another with an arrow head.

    ``key`` is ``(source id, reference path)`` for a reference (``("rt-a", "routes.0.target")``) and
    ``("relation", relation id)`` for a user-drawn connection. Lines can be selected (and deleted);
    they never move on their own.
    """

    def __init__(self, key: tuple, relation: str, pen: QPen):
        super().__init__()
        self.key = key
        self.relation = relation
        self.setPen(pen)
        self.setZValue(styles.Z_REFERENCE)
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self.setAcceptedMouseButtons(Qt.LeftButton)
        #: The resources at each end (for references the source is the key's first part).
        self.source_id: str = key[0] if key and key[0] != "relation" else ""
        self.target_id: str = ""
        self._shape: tuple[QPainterPath, QPainterPath] | None = None

    @property
    def is_connection(self) -> bool:
        return self.key[0] == "relation"

    @property
    def relation_id(self) -> str | None:
        return self.key[1] if self.is_connection else None

    def connect(self, source: DiagramItem, target: DiagramItem) -> None:
        a, b = source.anchor(), target.anchor()
        start = edge_point(source.anchor_rect(), b)
        end = edge_point(target.anchor_rect(), a)
        path = QPainterPath(start)
        path.lineTo(end)
        line = end - start
        length = (line.x() ** 2 + line.y() ** 2) ** 0.5
        if length > 1:
            ux, uy = line.x() / length, line.y() / length
            size = 8.0
            left = QPointF(end.x() - size * ux + size * 0.5 * uy, end.y() - size * uy - size * 0.5 * ux)
            right = QPointF(end.x() - size * ux - size * 0.5 * uy, end.y() - size * uy + size * 0.5 * ux)
            path.addPolygon(QPolygonF([end, left, right, end]))
        self.setPath(path)

    def shape(self) -> QPainterPath:
        # Cached per path: Qt asks for the shape while the path is being replaced (to update its
        # index with the old geometry), so the cache is keyed by the path it was made from.
        path = self.path()
        if self._shape is None or self._shape[0] != path:
            stroker = QPainterPathStroker()
            stroker.setWidth(_PICK_WIDTH)
            self._shape = (path, stroker.createStroke(path))
        return self._shape[1]

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-_PICK_WIDTH, -_PICK_WIDTH, _PICK_WIDTH, _PICK_WIDTH)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # Qt would draw a dashed box around a selected path; a halo along the line reads better.
        if self.isSelected():
            halo = QPen(styles.SELECTION, self.pen().widthF() + 4)
            halo.setColor(styles.SELECTION.lighter(160))
            painter.setPen(halo)
            painter.drawPath(self.path())
            painter.setPen(QPen(styles.SELECTION, self.pen().widthF() + 0.6))
            painter.setBrush(styles.SELECTION)
            painter.drawPath(self.path())
            return
        painter.setBrush(self.pen().color())
        painter.setPen(self.pen())
        painter.drawPath(self.path())


def edge_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the segment from ``rect``'s centre toward ``toward`` leaves the rectangle (inflated a
    little so arrow heads do not touch icons)."""
    rect = rect.adjusted(-4, -4, 4, 4)
    c = rect.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    sx = rect.width() / 2 / abs(dx) if dx else float("inf")
    sy = rect.height() / 2 / abs(dy) if dy else float("inf")
    s = min(sx, sy)
    return QPointF(c.x() + dx * s, c.y() + dy * s)
