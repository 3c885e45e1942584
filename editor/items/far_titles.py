"""The names of boxes when the canvas is zoomed far out (a whole large design in view).

Below :data:`~editor.items.container.FAR_DETAIL` a container's own title would be a few pixels
high under its contents (tiles by then). :class:`FarTitleLayer`, one item above everything, draws
each name instead at a fixed size on screen on a band of the box's colour, for boxes wide enough on
screen to hold one, and not where it would hide the name of a box inside (a zone whose first
subnet starts right below its edge leaves the name to the subnet). One item for all names, like the
line layer: a Python ``paint`` per box every frame cost more than the names themselves.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .. import styles
from .container import FAR_DETAIL, FAR_TITLE_MIN_WIDTH, FAR_TITLE_POINTS, ContainerItem
from .layer_cache import LayerPicture

__all__ = ["FarTitleLayer"]

_EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
#: Screen pixels between a box's corner and its name band.
_INSET = 3.0


class FarTitleLayer(QGraphicsItem):
    """Paints the far-out names of the containers in ``items`` (the scene's id → item mapping)."""

    def __init__(self, items: dict):
        super().__init__()
        self._items = items
        self.setZValue(styles.Z_OVERLAY - 1)  # above lines and icons, below drag feedback
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)
        #: id -> (what was drawn, QPixmap of the name on its band)
        self._pictures: dict[str, tuple] = {}
        #: id -> ((name, width, font key), the name elided to that width)
        self._titles: dict[str, tuple] = {}
        #: id -> how far below its top edge the first box inside starts (see :meth:`invalidate`)
        self._inner: dict[str, float] = {}
        #: The ids whose names the last far-out frame drew (what a test or a status line can ask).
        self.drawn: tuple[str, ...] = ()
        #: Counts calls of :meth:`forget` and :meth:`invalidate` (part of what the picture shows).
        self._measured = 0
        self._boxes_key: tuple | None = None
        self._box_list: list[tuple] = []
        #: The names of the last frame, blitted while nothing changes.
        self._picture_of_names = LayerPicture()

    def boundingRect(self) -> QRectF:
        return _EVERYWHERE

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never found under the pointer, never caught by a rubber band

    def forget(self, rid: str) -> None:
        """``rid`` left the scene."""
        self._pictures.pop(rid, None)
        self._titles.pop(rid, None)
        self._inner.pop(rid, None)
        self._measured += 1

    def invalidate(self, ids=None) -> None:
        """The boxes ``ids`` (None: all) moved, grew or changed contents: measure them again at
        the next far-out frame."""
        self._measured += 1
        if ids is None:
            self._inner.clear()
            return
        for rid in ids:
            self._inner.pop(rid, None)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        """Cost: a blit when nothing changed since the last frame (:class:`LayerPicture`);
        otherwise O(containers) rectangle tests, each name drawn from its cached picture."""
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail >= FAR_DETAIL:
            self.drawn = ()
            return
        font = styles.font(FAR_TITLE_POINTS, bold=True)
        content = (ContainerItem.revision, self._measured, len(self._items), font.key())
        self._picture_of_names.paint(painter, option, widget, content,
                                     lambda into, area: self._draw(into, area, detail, font))

    def _draw(self, painter: QPainter, area: QRectF, detail: float, font: QFont) -> None:
        metrics = QFontMetricsF(font)
        band_height = metrics.height()
        transform = painter.worldTransform()
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        drawn = []
        names = []
        for rid, box, rect, inner in self._boxes():
            if rect.width() * detail < FAR_TITLE_MIN_WIDTH or not area.intersects(rect):
                continue
            if inner * detail < _INSET + band_height:
                continue  # it would cover the name of the box just inside
            corner = transform.map(rect.topLeft())
            names.append(rid)
            drawn.append((QPointF(math.floor(corner.x() + _INSET), math.floor(corner.y() + _INSET)),
                          self._picture(rid, box, rect.width() * detail - 4 * _INSET, font, metrics, ratio)))
        self.drawn = tuple(names)
        if not drawn:
            return
        painter.save()
        painter.resetTransform()
        for at, picture in drawn:
            painter.drawPixmap(at, picture)
        painter.restore()

    def _boxes(self) -> list[tuple]:
        """``(id, item, scene rectangle, top of the first box inside)`` of every shown container,
        kept until a container changes (:attr:`ContainerItem.revision`) or the scene's items or
        the measures (:meth:`invalidate`) do. Cost: O(items) when made, O(1) after."""
        key = (ContainerItem.revision, self._measured, len(self._items))
        if self._boxes_key == key:
            return self._box_list
        boxes = []
        for rid, box in self._items.items():
            if not isinstance(box, ContainerItem) or not box.isVisible():
                continue
            inner = self._inner.get(rid)
            if inner is None:
                inner = self._inner[rid] = _inner_top(box)
            boxes.append((rid, box, box.scene_rect(), inner))
        self._boxes_key, self._box_list = key, boxes
        return boxes

    def _picture(self, rid: str, box: ContainerItem, width: float, font: QFont, metrics: QFontMetricsF,
                 ratio: float) -> QPixmap:
        border, fill, _dashed = styles.CONTAINER_STYLES.get(box.style_key, styles.DEFAULT_CONTAINER_STYLE)
        colour = QColor(styles.SEVERITY_COLOURS[box.severity]) if box.severity else QColor(border)
        wanted = (box.record.label, max(width, 10.0), font.key())
        elided = self._titles.get(rid)
        if elided is None or elided[0] != wanted:  # elidedText is most of a frame's text work
            elided = self._titles[rid] = (wanted, metrics.elidedText(wanted[0], Qt.ElideRight, wanted[1]))
        title = elided[1]
        key = (title, colour.rgba(), fill, ratio, font.family())
        cached = self._pictures.get(rid)
        if cached is not None and cached[0] == key:
            return cached[1]
        size = QSizeF(metrics.horizontalAdvance(title) + 2 * _INSET, metrics.height())
        pixmap = QPixmap((size * ratio).toSize())
        pixmap.setDevicePixelRatio(ratio)
        background = QColor(fill)
        background.setAlpha(230)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.TextAntialiasing)
        painter.fillRect(QRectF(QPointF(0, 0), size), background)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(QPointF(0, 0), size), Qt.AlignCenter, title)
        painter.end()
        self._pictures[rid] = (key, pixmap)
        return pixmap


def _inner_top(box: ContainerItem) -> float:
    """How far below the box's top edge the first box inside it starts (infinity: none)."""
    tops = [child.pos().y() for child in box.childItems() if isinstance(child, ContainerItem)]
    return min(tops, default=math.inf)
