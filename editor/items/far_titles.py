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
        #: id -> how far below its top edge the first box inside starts (see :meth:`invalidate`)
        self._inner: dict[str, float] = {}
        #: The ids whose names the last far-out frame drew (what a test or a status line can ask).
        self.drawn: tuple[str, ...] = ()

    def boundingRect(self) -> QRectF:
        return _EVERYWHERE

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never found under the pointer, never caught by a rubber band

    def forget(self, rid: str) -> None:
        """``rid`` left the scene."""
        self._pictures.pop(rid, None)
        self._inner.pop(rid, None)

    def invalidate(self, ids=None) -> None:
        """The boxes ``ids`` (None: all) moved, grew or changed contents: measure them again at
        the next far-out frame."""
        if ids is None:
            self._inner.clear()
            return
        for rid in ids:
            self._inner.pop(rid, None)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        """Cost: O(containers) rectangle tests per frame; a name is drawn from its cached picture."""
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail >= FAR_DETAIL:
            self.drawn = ()
            return
        font = styles.font(FAR_TITLE_POINTS, bold=True)
        metrics = QFontMetricsF(font)
        band_height = metrics.height()
        area = option.exposedRect
        transform = painter.worldTransform()
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        drawn = []
        names = []
        for rid, box in self._items.items():
            if not isinstance(box, ContainerItem) or not box.isVisible():
                continue
            rect = box.scene_rect()
            if rect.width() * detail < FAR_TITLE_MIN_WIDTH or not area.intersects(rect):
                continue
            inner = self._inner.get(rid)
            if inner is None:
                inner = self._inner[rid] = _inner_top(box)
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

    def _picture(self, rid: str, box: ContainerItem, width: float, font: QFont, metrics: QFontMetricsF,
                 ratio: float) -> QPixmap:
        border, fill, _dashed = styles.CONTAINER_STYLES.get(box.style_key, styles.DEFAULT_CONTAINER_STYLE)
        colour = QColor(styles.SEVERITY_COLOURS[box.severity]) if box.severity else QColor(border)
        title = metrics.elidedText(box.record.label, Qt.ElideRight, max(width, 10.0))
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
