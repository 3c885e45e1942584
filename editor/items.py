"""Graphics items: a resource (icon and labels), a container (titled box) and the lines between them.

Items only draw; they hold a copy of the record they show and never change the model. Positions are
relative to the parent item, exactly as the model stores them, so moving a container moves its
contents for free.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEngine, QPen,
                           QPolygonF)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from model import kinds as _kinds
from model.layout import ICON_CELL
from model.resources import Resource

from . import styles
from .icons import kind_pixmap, paint_kind_icon

ICON = 48.0
HEADER_ICON = 24.0
#: Icons are painted from cached pixmaps of these sizes on screen; bigger zooms paint the SVG.
_PIXMAP_SIZES = (16, 24, 32, 48, 64, 96, 128, 192)
_VECTOR_ENGINES = (QPaintEngine.SVG, QPaintEngine.Pdf, QPaintEngine.Picture, QPaintEngine.User)


class DiagramItem(QGraphicsItem):
    """What resource and container items share: the record, findings and selection look."""

    def __init__(self, record: Resource, subtitle: str = "", parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.record = record
        self.subtitle = subtitle
        self.severity: str | None = None
        self.finding_count = 0
        self.setFlags(QGraphicsItem.ItemIsSelectable | QGraphicsItem.ItemIsMovable
                      | QGraphicsItem.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self._update_tooltip([])

    @property
    def rid(self) -> str:
        return self.record.id

    def show_record(self, record: Resource, subtitle: str) -> None:
        if record == self.record and subtitle == self.subtitle:
            return
        self.record = record
        self.subtitle = subtitle
        self.update()

    def show_findings(self, findings: list) -> None:
        """Outline and badge for the worst severity among ``findings`` (Finding objects)."""
        order = {"error": 0, "warning": 1, "info": 2}
        worst = min((f.severity.value for f in findings), key=order.get, default=None)
        if worst == self.severity and len(findings) == self.finding_count:
            self._update_tooltip(findings)
            return
        self.severity = worst
        self.finding_count = len(findings)
        self._update_tooltip(findings)
        self.update()

    def _update_tooltip(self, findings: list) -> None:
        kind = _kinds.kind(self.record.kind)
        lines = [f"<b>{_escape(self.record.label)}</b> — {kind.label}"]
        if self.subtitle:
            lines.append(_escape(self.subtitle))
        for f in findings[:6]:
            colour = styles.SEVERITY_COLOURS[f.severity.value]
            lines.append(f"<span style='color:{colour}'>■</span> <b>{f.rule}</b>: {_escape(f.message)}"
                         + (f"<br/><i>Fix: {_escape(f.fix)}</i>" if f.fix else ""))
        if len(findings) > 6:
            lines.append(f"… and {len(findings) - 6} more")
        self.setToolTip("<br/>".join(lines))

    def paint_badge(self, painter: QPainter, at: QPointF) -> None:
        if not self.severity:
            return
        colour = QColor(styles.SEVERITY_COLOURS[self.severity])
        painter.setPen(QPen(Qt.white, 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(at, 10, 10)
        painter.setPen(Qt.white)
        painter.setFont(styles.font(7.5, bold=True))
        text = str(self.finding_count) if self.finding_count < 100 else "99+"
        painter.drawText(QRectF(at.x() - 10, at.y() - 10, 20, 20), Qt.AlignCenter, text)


class ResourceItem(DiagramItem):
    """A resource drawn as its icon with its name and a subtitle underneath."""

    def __init__(self, record: Resource, subtitle: str = "", parent: QGraphicsItem | None = None):
        super().__init__(record, subtitle, parent)
        self.setZValue(styles.Z_RESOURCE)

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -8, ICON_CELL[0] + 8, ICON_CELL[1] + 12)

    def icon_rect(self) -> QRectF:
        return QRectF((ICON_CELL[0] - ICON) / 2, 4, ICON, ICON)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, *ICON_CELL))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        icon = self.icon_rect()
        if self.isSelected():
            painter.setPen(QPen(styles.SELECTION, 1.5, Qt.DashLine))
            painter.setBrush(QColor(11, 132, 255, 22))
            painter.drawRoundedRect(QRectF(0, 0, *ICON_CELL), 8, 8)
        if self.severity:
            painter.setPen(QPen(QColor(styles.SEVERITY_COLOURS[self.severity]), 3))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(icon.adjusted(-4, -4, 4, 4), 12, 12)
        engine = painter.paintEngine()
        if engine is not None and engine.type() in _VECTOR_ENGINES:
            paint_kind_icon(painter, self.record.kind, icon)  # SVG and PDF export stay sharp
        else:
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            needed = ICON * detail * ratio
            size = next((b for b in _PIXMAP_SIZES if b >= needed), None)
            if size is None:
                paint_kind_icon(painter, self.record.kind, icon)
            else:
                painter.drawPixmap(icon, kind_pixmap(self.record.kind, size), QRectF(0, 0, size, size))
        if detail >= 0.45:
            self._paint_labels(painter)
        self.paint_badge(painter, QPointF(icon.right() + 2, icon.top() + 2))

    def _paint_labels(self, painter: QPainter) -> None:
        width = ICON_CELL[0]
        name_font = styles.font(8.5, bold=True)
        painter.setFont(name_font)
        painter.setPen(styles.TEXT)
        name = QFontMetricsF(name_font).elidedText(self.record.label, Qt.ElideMiddle, width)
        painter.drawText(QRectF(0, ICON + 8, width, 16), Qt.AlignHCenter | Qt.AlignTop, name)
        if self.subtitle:
            sub_font = styles.font(7.5)
            painter.setFont(sub_font)
            painter.setPen(styles.MUTED_TEXT)
            sub = QFontMetricsF(sub_font).elidedText(self.subtitle, Qt.ElideRight, width)
            painter.drawText(QRectF(0, ICON + 24, width, 16), Qt.AlignHCenter | Qt.AlignTop, sub)

    def anchor(self) -> QPointF:
        """Where lines attach: the icon's centre, in scene coordinates."""
        return self.mapToScene(self.icon_rect().center())

    def anchor_rect(self) -> QRectF:
        return self.mapRectToScene(self.icon_rect())


class ContainerItem(DiagramItem):
    """A Region, VPC, Availability Zone, subnet or other container drawn as a titled box."""

    def __init__(self, record: Resource, subtitle: str = "", parent: QGraphicsItem | None = None,
                 style_key: str | None = None):
        super().__init__(record, subtitle, parent)
        self.setZValue(styles.Z_CONTAINER)
        self._rect = QRectF(0, 0, 240, 150)
        self.style_key = style_key or record.kind

    def set_size(self, width: float, height: float) -> None:
        if width == self._rect.width() and height == self._rect.height():
            return
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-6, -6, 6, 6)

    def shape(self) -> QPainterPath:
        # Only the frame and title bar pick the container, so clicks inside reach the contents and
        # rubber-band selection can start on the empty inside.
        path = QPainterPath()
        path.addRect(self._rect)
        inner = QPainterPath()
        inner.addRect(self._rect.adjusted(8, 36, -8, -8))
        return path.subtracted(inner)

    def set_style_key(self, key: str) -> None:
        if key != self.style_key:
            self.style_key = key
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        border, fill, dashed = styles.CONTAINER_STYLES.get(self.style_key, styles.DEFAULT_CONTAINER_STYLE)
        pen = QPen(QColor(border), 2.0, Qt.DashLine if dashed else Qt.SolidLine)
        if self.severity:
            pen = QPen(QColor(styles.SEVERITY_COLOURS[self.severity]), 3.5)
        if self.isSelected():
            pen = QPen(styles.SELECTION, 2.5, Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(fill)))
        painter.drawRoundedRect(self._rect, 6, 6)
        icon = QRectF(8, 8, HEADER_ICON, HEADER_ICON)
        paint_kind_icon(painter, self.record.kind, icon)
        title_font = styles.font(10 if detail >= 0.5 else 10 / max(detail, 0.2) * 0.5, bold=True)
        painter.setFont(title_font)
        painter.setPen(QColor(border) if not self.severity else QColor(styles.SEVERITY_COLOURS[self.severity]))
        metrics = QFontMetricsF(title_font)
        available = self._rect.width() - HEADER_ICON - 24
        title = metrics.elidedText(self.record.label, Qt.ElideRight, available)
        painter.drawText(QRectF(HEADER_ICON + 14, 6, available, 28), Qt.AlignVCenter | Qt.AlignLeft, title)
        if self.subtitle and detail >= 0.35:
            used = metrics.horizontalAdvance(title) + 12
            sub_font = styles.font(8.5)
            painter.setFont(sub_font)
            painter.setPen(styles.MUTED_TEXT)
            rest = available - used
            if rest > 40:
                sub = QFontMetricsF(sub_font).elidedText(self.subtitle, Qt.ElideRight, rest)
                painter.drawText(QRectF(HEADER_ICON + 14 + used, 6, rest, 28),
                                 Qt.AlignVCenter | Qt.AlignLeft, sub)
        self.paint_badge(painter, QPointF(self._rect.right() - 4, self._rect.top() + 4))

    def anchor(self) -> QPointF:
        return self.mapToScene(QPointF(8 + HEADER_ICON / 2, 8 + HEADER_ICON / 2))

    def anchor_rect(self) -> QRectF:
        return self.mapRectToScene(QRectF(8, 8, HEADER_ICON, HEADER_ICON))


class ReferenceItem(QGraphicsPathItem):
    """A line from one resource to another, with an arrow head, for a reference or a connection."""

    def __init__(self, key: tuple, relation: str, pen: QPen):
        super().__init__()
        self.key = key
        self.relation = relation
        self.setPen(pen)
        self.setZValue(styles.Z_REFERENCE)
        self.setAcceptedMouseButtons(Qt.NoButton)
        #: The resources at each end (for references the source is the key's first part).
        self.source_id: str = key[0] if key and key[0] != "relation" else ""
        self.target_id: str = ""

    def connect(self, source: DiagramItem, target: DiagramItem) -> None:
        a, b = source.anchor(), target.anchor()
        start = _edge_point(source.anchor_rect(), b)
        end = _edge_point(target.anchor_rect(), a)
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


def _edge_point(rect: QRectF, toward: QPointF) -> QPointF:
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
