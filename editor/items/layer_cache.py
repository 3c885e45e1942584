"""A layer's last frame kept as one transparent picture of the view, for frames that change nothing.

The line layer and the far-out name layer each draw hundreds of things from Python every frame,
even when Qt repaints only a hovered icon's corner, and most frames change nothing they draw (a
findings outline, a hover, a selection box, a window exposed again). :class:`LayerPicture` keeps
what the layer drew over the whole viewport as an image, keyed by everything the drawing depends
on (what the layer's owner says changed, the view's transform, its size, the device pixel ratio,
the render hints and the canvas style being painted), and blits it while the key stays the same.

Only a key seen twice in a row is kept: while the view pans or zooms, or while a drag moves items,
every frame has a new key and the layer draws straight into the view as before (a picture made
for one frame would only add the cost of filling and blitting it). Pictures are made only for the
interactive view's viewport (``widget`` given) on a raster device; exports (SVG, PDF, printing,
``QGraphicsScene.render``) always draw the layer itself, so vectors stay vectors.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEngine, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from .. import styles

__all__ = ["LayerPicture"]

#: Paint engines whose output must stay vector (and a QPicture, which records for later).
_VECTOR_ENGINES = (QPaintEngine.SVG, QPaintEngine.Pdf, QPaintEngine.Picture, QPaintEngine.User)
#: How far the picture reaches past each edge of the viewport, in pixels (see :meth:`_make`).
_BLEED = 32


class LayerPicture:
    """The picture of one layer over one viewport (see the module docstring)."""

    def __init__(self) -> None:
        self._seen: tuple | None = None  # the key of the last frame drawn straight into the view
        self._key: tuple | None = None  # the key ``_image`` was drawn for
        # A QImage, not a QPixmap: it is plain memory, safe to free whenever Python collects the
        # layer (even after the application object is gone), and as fast to blit on a raster device.
        self._image: QImage | None = None

    def forget(self) -> None:
        """Drop the picture (it is made again once a frame repeats)."""
        self._seen = self._key = self._image = None

    @property
    def kept(self) -> bool:
        """Whether a picture is being kept (what a test can ask)."""
        return self._image is not None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None,
              content: Hashable, draw: Callable[[QPainter, QRectF], None]) -> None:
        """Paint the layer: ``draw(painter, area)`` draws what lies in ``area`` (item coordinates,
        the layer's item sits at the scene's origin) with ``painter``'s transform.

        ``content`` changes whenever anything the layer draws changes. Cost: a blit of the exposed
        area when the key repeats; otherwise ``draw`` once (twice the frame the picture is made:
        once into it, and the blit).
        """
        key = self._key_for(painter, widget, content)
        if key is None:
            self._seen = None
            draw(painter, option.exposedRect)
            return
        if key != self._key:
            if key != self._seen:
                self._seen = key
                draw(painter, option.exposedRect)
                return
            self._make(painter, widget, key, draw)
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPointF(-_BLEED, -_BLEED), self._image)
        painter.restore()

    def _key_for(self, painter: QPainter, widget: QWidget | None, content: Hashable) -> tuple | None:
        engine = painter.paintEngine()
        if widget is None or engine is None or engine.type() in _VECTOR_ENGINES:
            return None
        t = painter.worldTransform()
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        style = styles.active_style()
        return (content, t.m11(), t.m12(), t.m13(), t.m21(), t.m22(), t.m23(), t.m31(), t.m32(), t.m33(),
                widget.width(), widget.height(), ratio, int(painter.renderHints().value),
                id(style), style.line_scale)

    def _make(self, painter: QPainter, widget: QWidget, key: tuple, draw) -> None:
        ratio = key[12]
        transform = painter.worldTransform()
        # The picture reaches _BLEED pixels past the viewport: Qt restarts a thin dashed line's
        # pattern where it clips the line to the device, so the device must not end where the
        # line layer's own clipping (which keeps dashes in phase) begins.
        size = widget.size().grownBy(QMargins(_BLEED, _BLEED, _BLEED, _BLEED))
        image = QImage(round(size.width() * ratio), round(size.height() * ratio),
                       QImage.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.transparent)
        into = QPainter(image)
        into.setRenderHints(painter.renderHints())
        into.setTransform(transform * QTransform.fromTranslate(_BLEED, _BLEED))
        area, invertible = transform.inverted()
        draw(into, area.mapRect(QRectF(widget.rect())) if invertible else QRectF())
        into.end()
        self._image, self._key = image, key
