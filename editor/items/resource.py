"""A resource drawn as its icon with its name and a subtitle underneath."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEngine, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from model import kinds as _kinds
from model.layout import ICON_CELL
from model.resources import Resource

from .. import styles
from ..icons import kind_pixmap, paint_kind_icon
from .base import DiagramItem

__all__ = ["ResourceItem", "ICON"]

ICON = 48.0
#: Icons are painted from cached pixmaps of these sizes on screen; bigger zooms paint the SVG.
_PIXMAP_SIZES = (16, 24, 32, 48, 64, 96, 128, 192)
_VECTOR_ENGINES = (QPaintEngine.SVG, QPaintEngine.Pdf, QPaintEngine.Picture, QPaintEngine.User)
#: Below this zoom an icon is a few pixels wide: a tile of its category colour reads as well and
#: paints much faster (a 1,000-resource design zoomed to fit).
TILE_DETAIL = 0.22
_BOUNDS = QRectF(-4, -8, ICON_CELL[0] + 8, ICON_CELL[1] + 12)
#: Below this zoom the name and subtitle would be unreadable smudges.
LABEL_DETAIL = 0.45


class ResourceItem(DiagramItem):
    def __init__(self, record: Resource, subtitle: str = "", parent: QGraphicsItem | None = None):
        super().__init__(record, subtitle, parent)
        self.setZValue(styles.Z_RESOURCE)
        # The bounds, given to Qt once: its own boundingRect (the rectangle, no pen) answers the
        # 2,000-odd questions a frame of a 1,000-resource design asks without calling Python.
        self.setPen(Qt.NoPen)
        self.setRect(_BOUNDS)
        self._tile = QColor(styles.CATEGORY_COLOURS[_kinds.kind(record.kind).category])

    def icon_rect(self) -> QRectF:
        return QRectF((ICON_CELL[0] - ICON) / 2, 4, ICON, ICON)

    def cell_rect(self) -> QRectF:
        """The area the resource occupies (icon and labels), in item coordinates."""
        return QRectF(0, 0, *ICON_CELL)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.cell_rect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        icon = self.icon_rect()
        if self.isSelected():
            painter.setPen(QPen(styles.SELECTION, 1.5, Qt.DashLine))
            painter.setBrush(QColor(11, 132, 255, 22))
            painter.drawRoundedRect(self.cell_rect(), 8, 8)
        if self.severity:
            # Thicker when zoomed out, so a problem still shows on a small tile.
            width = 3.0 if detail >= 0.3 else min(12.0, 0.9 / max(detail, 0.05))
            painter.setPen(QPen(QColor(styles.SEVERITY_COLOURS[self.severity]), styles.line_width(width)))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(icon.adjusted(-4, -4, 4, 4), 12, 12)
        engine = painter.paintEngine()
        vector = engine is not None and engine.type() in _VECTOR_ENGINES
        if vector:
            paint_kind_icon(painter, self.record.kind, icon)  # SVG and PDF export stay sharp
        elif detail < TILE_DETAIL:
            painter.setPen(Qt.NoPen)
            painter.setBrush(self._tile)
            painter.drawRoundedRect(icon, 8, 8)
        else:
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            needed = ICON * detail * ratio
            size = next((b for b in _PIXMAP_SIZES if b >= needed), None)
            if size is None:
                paint_kind_icon(painter, self.record.kind, icon)
            else:
                painter.drawPixmap(icon, kind_pixmap(self.record.kind, size), QRectF(0, 0, size, size))
        if detail >= LABEL_DETAIL or vector:
            self._paint_labels(painter)
        elif detail >= TILE_DETAIL:
            self._paint_far_name(painter, detail)
        if detail >= TILE_DETAIL or vector:
            self.paint_badge(painter, QPointF(icon.right() + 2, icon.top() + 2))

    def _paint_labels(self, painter: QPainter) -> None:
        width = ICON_CELL[0]
        name_font = styles.font(8.5, bold=True)
        painter.setFont(name_font)
        painter.setPen(styles.TEXT)
        metrics = QFontMetricsF(name_font)
        name = metrics.elidedText(self.record.label, Qt.ElideMiddle, width)
        # Lines are as tall as the font needs (a presenting style draws larger text).
        name_height = max(16.0, metrics.height())
        painter.drawText(QRectF(0, ICON + 8, width, name_height), Qt.AlignHCenter | Qt.AlignTop, name)
        if self.subtitle:
            sub_font = styles.font(7.5)
            painter.setFont(sub_font)
            painter.setPen(styles.MUTED_TEXT)
            sub_metrics = QFontMetricsF(sub_font)
            sub = sub_metrics.elidedText(self.subtitle, Qt.ElideRight, width)
            painter.drawText(QRectF(0, ICON + 8 + name_height, width, max(16.0, sub_metrics.height())),
                             Qt.AlignHCenter | Qt.AlignTop, sub)

    def _paint_far_name(self, painter: QPainter, detail: float) -> None:
        """Zoomed out, the name alone, at the size it has on screen at the labels' threshold, so the
        drawing stays readable on a projector showing a whole design."""
        font = styles.font(8.5 * LABEL_DETAIL / detail, bold=True)
        painter.setFont(font)
        painter.setPen(styles.TEXT)
        width = ICON_CELL[0] + 24
        name = QFontMetricsF(font).elidedText(self.record.label, Qt.ElideMiddle, width)
        painter.drawText(QRectF(-12, ICON + 6, width, ICON_CELL[1]), Qt.AlignHCenter | Qt.AlignTop, name)

    def anchor(self) -> QPointF:
        """Where lines attach: the icon's centre, in scene coordinates."""
        return self.mapToScene(self.icon_rect().center())

    def anchor_rect(self) -> QRectF:
        return self.mapRectToScene(self.icon_rect())
