"""Lines between resources: a drawn reference (a route, an association...) or a user connection."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from .. import styles
from .base import DiagramItem

__all__ = ["ReferenceItem", "LineLayer", "LAYER_ZOOM", "edge_point"]

#: How far from a line a click still picks it, in scene units.
_PICK_WIDTH = 8.0


class ReferenceItem(QGraphicsPathItem):
    """A line from one resource to another with an arrow head.

    ``key`` is ``(source id, reference path)`` for a reference (``("rt-a", "routes.0.target")``) and
    ``("relation", relation id)`` for a user-drawn connection. Lines can be selected (and deleted);
    they never move on their own.

    Painting is the canvas's main cost with many long lines, so only the part of the segment inside
    the exposed area is stroked (the dash pattern keeps its phase), the arrow head is a separate
    small polygon, and far out faint structural lines are left out.
    """

    def __init__(self, key: tuple, relation: str, pen: QPen):
        super().__init__()
        self.key = key
        self.relation = relation
        self.setPen(pen)
        self.setZValue(styles.Z_REFERENCE)
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.LeftButton)
        #: The resources at each end (for references the source is the key's first part).
        self.source_id: str = key[0] if key and key[0] != "relation" else ""
        self.target_id: str = ""
        self._shape: tuple[QPainterPath, QPainterPath] | None = None
        self._segment = QLineF()
        self._head = QPolygonF()
        self._faint = pen.style() != Qt.SolidLine
        #: Both ends have items on the canvas (otherwise the line is not drawn at all).
        self.ends_shown = False

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
        self._segment = QLineF(start, end)
        self._head = QPolygonF()
        path = QPainterPath(start)
        path.lineTo(end)
        length = self._segment.length()
        if length > 1:
            ux, uy = (end.x() - start.x()) / length, (end.y() - start.y()) / length
            size = 8.0
            left = QPointF(end.x() - size * ux + size * 0.5 * uy, end.y() - size * uy - size * 0.5 * ux)
            right = QPointF(end.x() - size * ux - size * 0.5 * uy, end.y() - size * uy + size * 0.5 * ux)
            self._head = QPolygonF([end, left, right])
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
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        if detail < FAINT_DETAIL and self._faint and not selected:
            return
        segment = _clipped(self._segment, option.exposedRect.adjusted(-10, -10, 10, 10))
        pen = QPen(self.pen())
        colour = pen.color()
        if selected:
            halo = QPen(styles.SELECTION.lighter(160), pen.widthF() + 4)
            painter.setPen(halo)
            if segment is not None:
                painter.drawLine(segment)
            pen = QPen(styles.SELECTION, pen.widthF() + 0.6)
            colour = styles.SELECTION
        elif detail < FAINT_DETAIL:
            pen.setStyle(Qt.SolidLine)
        if segment is not None:
            if pen.style() != Qt.SolidLine and pen.widthF() > 0:
                # Keep the dashes where they would be on the whole line, so scrolling does not
                # make them crawl.
                pen.setDashOffset(QLineF(self._segment.p1(), segment.p1()).length() / pen.widthF())
            painter.setPen(pen)
            painter.drawLine(segment)
        if not self._head.isEmpty() and detail >= FAINT_DETAIL:
            painter.setPen(QPen(colour, pen.widthF()))
            painter.setBrush(colour)
            painter.drawPolygon(self._head)


#: Below this zoom dashed structural lines are left out and the others lose their arrow heads.
FAINT_DETAIL = 0.2


def _clipped(line: QLineF, rect: QRectF) -> QLineF | None:
    """The part of ``line`` inside ``rect`` (Liang-Barsky), or None. Cost: O(1)."""
    x0, y0, x1, y1 = line.x1(), line.y1(), line.x2(), line.y2()
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left()), (dx, rect.right() - x0),
                 (-dy, y0 - rect.top()), (dy, rect.bottom() - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    return QLineF(x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy)


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


class LineLayer(QGraphicsItem):
    """All lines in one item, for far zoom levels.

    Zoomed out, a design of a thousand resources has hundreds of lines a few pixels long; painting
    each as its own item costs a Python call apiece and most of a frame. Below :data:`LAYER_ZOOM`
    the scene hides the line items and this layer draws their segments in a few ``drawLines`` calls
    (faint structural lines lighter, arrow heads only where they still show).
    """

    def __init__(self, lines: dict):
        super().__init__()
        self._lines = lines
        self.setZValue(styles.Z_REFERENCE)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)
        self.setVisible(False)

    def boundingRect(self) -> QRectF:
        return _EVERYWHERE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        area = option.exposedRect
        groups: dict[tuple, list] = {}
        heads: dict[tuple, list] = {}
        for line in self._lines.values():
            if not line.ends_shown:
                continue
            if line._faint and detail < FAINT_DETAIL:
                continue
            segment = _clipped(line._segment, area)
            if segment is None:
                continue
            pen = line.pen()
            key = (pen.color().rgba(), pen.widthF(), line._faint)
            groups.setdefault(key, []).append(segment)
            if detail >= FAINT_DETAIL and not line._head.isEmpty():
                heads.setdefault(key, []).append(line._head)
        for (rgba, width, faint), segments in groups.items():
            colour = QColor.fromRgba(rgba)
            if faint:
                colour.setAlpha(colour.alpha() // 2)
            painter.setPen(QPen(colour, width))
            painter.drawLines(segments)
            if key_heads := heads.get((rgba, width, faint)):
                painter.setBrush(colour)
                for head in key_heads:
                    painter.drawPolygon(head)


#: Below this zoom the line layer draws the lines (see :class:`LineLayer`).
LAYER_ZOOM = 0.35
_EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
