"""What the presenter draws on the canvas for the current hop: a ring that pulses around the resource
the packet is at and glides to the next one, and a frame around what was checked there (a security
group, a route table...). Both are overlays: not selectable, not part of the model."""

from __future__ import annotations

from PySide6.QtCore import Property, QEasingCurve, QPointF, QPropertyAnimation, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem

from .. import styles

__all__ = ["HopPulse", "FocusFrame", "PASS_COLOUR", "BLOCK_COLOUR"]

#: Amber reads on white, next to the teal path, and on a projector that washes colours out.
PASS_COLOUR = QColor("#ff8f00")
BLOCK_COLOUR = QColor("#c62828")
#: How long the ring takes to glide from one hop to the next, and one pulse (ms).
GLIDE_MS = 450
PULSE_MS = 1100
#: The smallest ring, in screen pixels.
MIN_SCREEN_RADIUS = 30.0


class HopPulse(QGraphicsObject):
    """A ring around the current hop. ``pos`` is its centre (animated between hops); ``pulse`` goes
    0 → 1 over and over, widening and fading an outer halo."""

    def __init__(self):
        super().__init__()
        self.setZValue(styles.Z_OVERLAY + 5)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self._pulse = 0.0
        self.radius = 40.0
        #: Scene units per screen pixel (pens are this many times their width in pixels).
        self.screen = 1.0
        self.colour = QColor(PASS_COLOUR)
        self.glide = QPropertyAnimation(self, b"pos", self)
        self.glide.setDuration(GLIDE_MS)
        self.glide.setEasingCurve(QEasingCurve.InOutCubic)
        self.beat = QPropertyAnimation(self, b"pulse", self)
        self.beat.setStartValue(0.0)
        self.beat.setEndValue(1.0)
        self.beat.setDuration(PULSE_MS)
        self.beat.setLoopCount(-1)

    # -- the animated property
    def _get_pulse(self) -> float:
        return self._pulse

    def _set_pulse(self, value: float) -> None:
        self._pulse = float(value)
        self.update()

    pulse = Property(float, _get_pulse, _set_pulse)

    def move_to(self, target: QRectF, passed: bool, animate: bool = True, zoom: float = 1.0) -> None:
        """Ring ``target`` (scene coordinates), gliding there from where the ring is now. ``zoom`` is
        the view's scale: the ring stays at least :data:`MIN_SCREEN_RADIUS` pixels wide and its
        lines keep their width on screen, however far out the design is shown."""
        self.prepareGeometryChange()
        zoom = max(zoom, 0.05)
        self.screen = 1.0 / zoom
        self.radius = max(max(target.width(), target.height()) * 0.5 * 1.35 + 6, MIN_SCREEN_RADIUS / zoom)
        self.colour = QColor(PASS_COLOUR if passed else BLOCK_COLOUR)
        centre = target.center()
        self.glide.stop()
        if animate and self.isVisible():
            self.glide.setStartValue(self.pos())
            self.glide.setEndValue(centre)
            self.glide.start()
        else:
            self.setPos(centre)
        self.setVisible(True)
        if self.beat.state() != QPropertyAnimation.Running:
            self.beat.start()

    def stop(self) -> None:
        self.glide.stop()
        self.beat.stop()
        self.setVisible(False)

    def boundingRect(self) -> QRectF:
        r = self.radius + 30 * self.screen
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        px = self.screen
        painter.setRenderHint(QPainter.Antialiasing)
        halo = QColor(self.colour)
        halo.setAlphaF(0.55 * (1.0 - self._pulse))
        painter.setBrush(Qt.NoBrush)
        painter.setPen(QPen(halo, 10 * px))
        grow = self.radius + (4 + 14 * self._pulse) * px
        painter.drawEllipse(QPointF(0, 0), grow, grow)
        painter.setPen(QPen(self.colour, 6 * px))
        painter.drawEllipse(QPointF(0, 0), self.radius, self.radius)


class FocusFrame(QGraphicsObject):
    """A dashed frame around the component checked at the current hop."""

    def __init__(self):
        super().__init__()
        self.setZValue(styles.Z_OVERLAY + 4)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self._rect = QRectF()
        self.colour = QColor(PASS_COLOUR)
        self.setVisible(False)

    def frame(self, rect: QRectF, passed: bool) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect).adjusted(-8, -8, 8, 8)
        self.colour = QColor(PASS_COLOUR if passed else BLOCK_COLOUR)
        self.setVisible(True)
        self.update()

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-6, -6, 6, 6)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        pen = QPen(self.colour, 5, Qt.DashLine, Qt.RoundCap, Qt.RoundJoin)
        painter.setPen(pen)
        fill = QColor(self.colour)
        fill.setAlpha(30)
        painter.setBrush(fill)
        painter.drawRoundedRect(self._rect, 10, 10)
