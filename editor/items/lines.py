"""Lines between resources: a drawn reference (a route, an association...) or a user connection.

Each line is a :class:`ReferenceItem` that knows its ends, can be hovered (tooltip), clicked and
selected, but paints nothing itself (``ItemHasNoContents``): one :class:`LineLayer` paints every
line in a single call. With hundreds of lines a Python ``paint`` per line was most of a frame; the
layer strokes only the part of each line inside the area being repainted, keeps dash patterns in
phase, and leaves faint structural lines out when zoomed far out.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from .. import styles
from .base import DiagramItem
from .layer_cache import LayerPicture

__all__ = ["ReferenceItem", "LineLayer", "FAINT_DETAIL", "edge_point"]

#: How far from a line a click still picks it, in scene units.
_PICK_WIDTH = 8.0
#: Below this zoom dashed structural lines are left out and the others lose their arrow heads.
FAINT_DETAIL = 0.2
_EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
#: Dash pattern lengths (in pen widths) of the pen styles lines use, to keep dashes in phase.
_DASH_PERIOD = {Qt.DashLine: 6.0, Qt.DotLine: 3.0, Qt.DashDotLine: 9.0, Qt.DashDotDotLine: 12.0}


class ReferenceItem(QGraphicsPathItem):
    """A line from one resource to another with an arrow head.

    ``key`` is ``(source id, reference path)`` for a reference (``("rt-a", "routes.0.target")``) and
    ``("relation", relation id)`` for a user-drawn connection. Lines can be selected (and deleted);
    they never move on their own. ``layer`` is the :class:`LineLayer` that paints them.
    """

    def __init__(self, key: tuple, relation: str, pen: QPen, layer: "LineLayer | None" = None):
        super().__init__()
        self.key = key
        self.relation = relation
        self.layer = layer
        self.segment = QLineF()
        self.bounds = QRectF()
        self.setPen(pen)
        self.setZValue(styles.Z_REFERENCE)
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.LeftButton)
        self.setAcceptHoverEvents(True)
        #: The resources at each end (for references the source is the key's first part).
        self.source_id: str = key[0] if key and key[0] != "relation" else ""
        self.target_id: str = ""
        #: Both ends have items on the canvas (otherwise the line is not drawn at all).
        self.ends_shown = False
        self.head = QPolygonF()
        self._shape: tuple[QPainterPath, QPainterPath] | None = None

    @property
    def is_connection(self) -> bool:
        return self.key[0] == "relation"

    @property
    def relation_id(self) -> str | None:
        return self.key[1] if self.is_connection else None

    def connect(self, source: DiagramItem, target: DiagramItem) -> None:
        old = QRectF(self.bounds)
        a, b = source.anchor(), target.anchor()
        start = edge_point(source.anchor_rect(), b)
        end = edge_point(target.anchor_rect(), a)
        self.segment = QLineF(start, end)
        self.head = QPolygonF()
        path = QPainterPath(start)
        path.lineTo(end)
        length = self.segment.length()
        if length > 1:
            ux, uy = (end.x() - start.x()) / length, (end.y() - start.y()) / length
            size = 8.0
            left = QPointF(end.x() - size * ux + size * 0.5 * uy, end.y() - size * uy - size * 0.5 * ux)
            right = QPointF(end.x() - size * ux - size * 0.5 * uy, end.y() - size * uy + size * 0.5 * ux)
            self.head = QPolygonF([end, left, right])
            path.addPolygon(QPolygonF([end, left, right, end]))
        self.setPath(path)
        margin = self.pen().widthF() + 8
        self.bounds = path.boundingRect().adjusted(-margin, -margin, margin, margin)
        self._repaint(old.united(self.bounds) if not old.isNull() else self.bounds)

    def _repaint(self, rect: QRectF | None = None) -> None:
        if self.layer is not None:
            self.layer.revision += 1
            rect = rect if rect is not None else self.bounds
            if not rect.isEmpty():  # an empty rectangle would repaint the whole layer
                self.layer.update(rect)

    def setPen(self, pen: QPen) -> None:  # noqa: N802 - Qt's name
        super().setPen(pen)
        self.faint = pen.style() != Qt.SolidLine
        self.pen_key = (pen.color().rgba(), pen.widthF())
        self._repaint()

    def itemChange(self, change, value):  # noqa: N802 - Qt's name
        if change in (QGraphicsItem.ItemSelectedHasChanged, QGraphicsItem.ItemVisibleHasChanged):
            self._repaint()
        return super().itemChange(change, value)

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

    def draw(self, painter: QPainter, area: QRectF, detail: float) -> None:
        """Paint this line (the part inside ``area``) for the layer."""
        selected = self.isSelected()
        if detail < FAINT_DETAIL and self.faint and not selected:
            return
        segment = _clipped(self.segment, area)
        pen = self.pen()  # a copy
        if styles.active_style().line_scale != 1.0:
            pen.setWidthF(styles.line_width(pen.widthF()))
        colour = pen.color()
        if selected:
            if segment is not None:
                painter.setPen(QPen(styles.SELECTION.lighter(160), pen.widthF() + 4))
                painter.drawLine(segment)
            pen = QPen(styles.SELECTION, pen.widthF() + 0.6)
            colour = styles.SELECTION
        elif detail < FAINT_DETAIL:
            pen = QPen(colour, pen.widthF())
        if segment is not None:
            period = _DASH_PERIOD.get(pen.style())
            if period and pen.widthF() > 0:
                segment = _in_phase(self.segment, segment, period * pen.widthF())
            painter.setPen(pen)
            painter.drawLine(segment)
        if detail >= FAINT_DETAIL and not self.head.isEmpty() and area.intersects(self.head.boundingRect()):
            painter.setPen(QPen(colour, pen.widthF()))
            painter.setBrush(colour)
            painter.drawPolygon(self.head)


class LineLayer(QGraphicsItem):
    """Paints every line of the scene in one call (see the module docstring)."""

    def __init__(self, lines: dict):
        super().__init__()
        self._lines = lines
        self.setZValue(styles.Z_REFERENCE)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)
        #: Counts every change of any line's geometry, pen, selection, visibility or presence
        #: (:meth:`ReferenceItem._repaint`): the layer keeps its picture while this stays the same.
        self.revision = 0
        self._picture = LayerPicture()

    def boundingRect(self) -> QRectF:
        return _EVERYWHERE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        """Cost: a blit when no line changed since the last frame (:class:`LayerPicture`);
        otherwise O(lines) rectangle tests and the lines in the exposed area drawn."""
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        self._picture.paint(painter, option, widget, (self.revision, len(self._lines)),
                            lambda into, exposed: self._draw(into, exposed, detail))

    def _draw(self, painter: QPainter, exposed: QRectF, detail: float) -> None:
        area = exposed.adjusted(-10, -10, 10, 10)
        if detail < FAINT_DETAIL:
            self._paint_far(painter, area, detail)
            return
        for line in self._lines.values():
            if line.ends_shown and line.isVisible() and area.intersects(line.bounds):
                line.draw(painter, area, detail)

    def _paint_far(self, painter: QPainter, area: QRectF, detail: float) -> None:
        """Zoomed far out every line is a few pixels long: draw the strong ones in one
        ``drawLines`` per colour, unclipped (the painter clips), and selected ones on top."""
        buckets: dict[tuple, list] = {}
        selected = []
        for line in self._lines.values():
            if not line.ends_shown or not line.isVisible():
                continue
            if line.isSelected():
                selected.append(line)
            elif not line.faint and area.intersects(line.bounds):
                buckets.setdefault(line.pen_key, []).append(line.segment)
        for (rgba, width), segments in buckets.items():
            painter.setPen(QPen(QColor.fromRgba(rgba), styles.line_width(width)))
            painter.drawLines(segments)
        for line in selected:
            line.draw(painter, area, detail)


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


def _in_phase(whole: QLineF, part: QLineF, period: float) -> QLineF:
    """``part`` started a little earlier, at a whole number of dash periods from ``whole``'s start,
    so that a clipped dashed line shows its dashes where the whole line would (no crawling while
    scrolling)."""
    length = whole.length()
    if length <= 0:
        return part
    offset = QLineF(whole.p1(), part.p1()).length()
    back = offset - math.floor(offset / period) * period
    if back <= 0:
        return part
    t = (offset - back) / length
    return QLineF(whole.pointAt(t), part.p2())


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
