"""A Region, VPC, Availability Zone, subnet or other container drawn as a titled box."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEngine, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from model.layout import MIN_CONTAINER
from model.resources import Resource

from .. import styles
from ..icons import kind_pixmap, paint_kind_icon
from .base import DiagramItem

__all__ = ["ContainerItem", "HEADER_ICON", "TITLE_HEIGHT", "FAR_DETAIL", "FAR_TITLE_POINTS",
           "FAR_TITLE_MIN_WIDTH"]

HEADER_ICON = 24.0
#: The title bar: pressing here (or on the frame) picks the container; its inside belongs to the
#: contents and to rubber-band selection.
TITLE_HEIGHT = 36.0
_FRAME = 8.0
#: Room outside the box for the selection dashes around a problem's outline.
_MARGIN = 8.0
#: Below this zoom a box's name is drawn at a fixed size on screen, above its contents
#: (:class:`editor.items.far_titles.FarTitleLayer`).
FAR_DETAIL = 0.2
#: That size, in points on screen, and how wide a box must be on screen to show its name at all.
FAR_TITLE_POINTS = 6.5
FAR_TITLE_MIN_WIDTH = 60.0
_VECTOR = (QPaintEngine.SVG, QPaintEngine.Pdf, QPaintEngine.Picture, QPaintEngine.User)


#: Changes that move a box on the canvas or show or hide it. (Boxes added, removed or re-parented
#: reach the far-out names through the scene; a Python hook on leaving a scene could run while a
#: scene is being destroyed, after the item's wrapper is gone.)
_PLACE_CHANGES = frozenset({QGraphicsItem.ItemPositionHasChanged, QGraphicsItem.ItemVisibleHasChanged,
                            QGraphicsItem.ItemTransformHasChanged})


class ContainerItem(DiagramItem):
    #: Counts every change of any box's place, size, visibility, name, colour or severity, in any
    #: scene: the far-out name layer keeps its picture while this stays the same.
    revision = 0

    def __init__(self, record: Resource, subtitle: str = "", parent: QGraphicsItem | None = None,
                 style_key: str | None = None):
        super().__init__(record, subtitle, parent)
        self.setZValue(styles.Z_CONTAINER)
        self._rect = QRectF(0, 0, *MIN_CONTAINER)
        self._bounds = self._rect.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        self.style_key = style_key or record.kind
        # Moves are rare for boxes (a drag, an edit), and each must reach the far-out names.
        self.setFlag(QGraphicsItem.ItemSendsGeometryChanges)
        ContainerItem.revision += 1

    def itemChange(self, change, value):  # noqa: N802 - Qt's name
        if change in _PLACE_CHANGES:
            ContainerItem.revision += 1
        return super().itemChange(change, value)

    def show_record(self, record: Resource, subtitle: str) -> None:
        if record.label != self.record.label:
            ContainerItem.revision += 1
        super().show_record(record, subtitle)

    def show_findings(self, findings: list) -> None:
        severity = self.severity
        super().show_findings(findings)
        if self.severity != severity:
            ContainerItem.revision += 1

    def set_size(self, width: float, height: float) -> None:
        if width == self._rect.width() and height == self._rect.height():
            return
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self._bounds = self._rect.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        ContainerItem.revision += 1

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def scene_rect(self) -> QRectF:
        return self.mapRectToScene(self._rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Only the frame and title bar pick the container, so clicks inside reach the contents and
        # rubber-band selection can start on the empty inside.
        path = QPainterPath()
        path.addRect(self._rect)
        inner = QPainterPath()
        inner.addRect(self._rect.adjusted(_FRAME, TITLE_HEIGHT, -_FRAME, -_FRAME))
        return path.subtracted(inner)

    def set_style_key(self, key: str) -> None:
        if key != self.style_key:
            self.style_key = key
            ContainerItem.revision += 1
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        border, fill, dashed = styles.CONTAINER_STYLES.get(self.style_key, styles.DEFAULT_CONTAINER_STYLE)
        # Far out a 2-unit border vanishes; keep it about one screen pixel wide.
        scale = 1.0 if detail >= 0.5 else 0.5 / max(detail, 0.02)
        scale = styles.line_width(scale)
        pen = QPen(QColor(border), 2.0 * scale, Qt.DashLine if dashed and detail >= 0.3 else Qt.SolidLine)
        if self.severity:
            pen = QPen(QColor(styles.SEVERITY_COLOURS[self.severity]), 3.5 * scale)
        selected = self.isSelected()
        if selected and not self.severity:
            pen = QPen(styles.SELECTION, 2.5 * scale, Qt.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(fill)))
        painter.drawRoundedRect(self._rect, 6, 6)
        if selected and self.severity:
            # A problem picked in the Problems panel stays red (amber, blue) while selected: the
            # selection shows as dashes just outside the outline.
            painter.setPen(QPen(styles.SELECTION, min(2.0 * scale, 3.0), Qt.DashLine))
            painter.setBrush(Qt.NoBrush)
            gap = min(4.0 * scale, 5.0)  # inside the bounds at any zoom
            painter.drawRoundedRect(self._rect.adjusted(-gap, -gap, gap, gap), 8, 8)
        icon = QRectF(8, 8, HEADER_ICON, HEADER_ICON)
        if detail * HEADER_ICON >= 6:
            if detail * HEADER_ICON <= 48 and painter.paintEngine() is not None \
                    and painter.paintEngine().type() not in _VECTOR:
                size = 24 if detail * HEADER_ICON <= 24 else 48
                painter.drawPixmap(icon, kind_pixmap(self.record.kind, size), QRectF(0, 0, size, size))
            else:
                paint_kind_icon(painter, self.record.kind, icon)
        if detail < FAR_DETAIL:  # the name is drawn above the contents by FarTitleLayer
            self.paint_badge(painter, QPointF(self._rect.right() - 4, self._rect.top() + 4))
            return
        title_font = styles.font(10 if detail >= 0.5 else 10 / max(detail, 0.2) * 0.5, bold=True)
        painter.setFont(title_font)
        painter.setPen(QColor(border) if not self.severity else QColor(styles.SEVERITY_COLOURS[self.severity]))
        metrics = QFontMetricsF(title_font)
        available = self._rect.width() - HEADER_ICON - 24
        title = metrics.elidedText(self.record.label, Qt.ElideRight, available)
        painter.drawText(QRectF(HEADER_ICON + 14, 6, available, max(28.0, metrics.height())),
                         Qt.AlignVCenter | Qt.AlignLeft, title)
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

