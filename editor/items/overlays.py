"""Things drawn over the diagram that are not part of it: the drop-target highlight, a hint beside the
cursor, the line being drawn by the connect tool, a traced path with numbered hops, and implied
flows. None of them is selectable or in the model; markers keep their screen size at any zoom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem

from .. import styles
from .lines import edge_point

__all__ = ["DropHighlight", "HintLabel", "ConnectPreview", "HopMarker", "BlockedMarker",
           "PathLine", "ACCEPT_COLOUR", "REFUSE_COLOUR", "PATH_COLOUR", "arrow_path"]

ACCEPT_COLOUR = QColor("#2e7d32")
REFUSE_COLOUR = QColor("#d32f2f")
PATH_COLOUR = QColor("#00897b")
BLOCKED_PATH_COLOUR = QColor("#ef6c00")


class _Overlay(QGraphicsItem):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setZValue(styles.Z_OVERLAY)
        self.setAcceptedMouseButtons(Qt.NoButton)


class DropHighlight(_Overlay):
    """A green (accepts) or red (refuses) frame over the container a drop would go into."""

    def __init__(self):
        super().__init__()
        self._rect = QRectF()
        self.accepts = True
        self.setVisible(False)

    def show_at(self, rect: QRectF, accepts: bool) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
        if accepts != self.accepts:
            self.accepts = accepts
            self.update()
        self.setVisible(True)

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        colour = QColor(ACCEPT_COLOUR if self.accepts else REFUSE_COLOUR)
        pen = QPen(colour, 3.0)
        pen.setCosmetic(True)  # as visible zoomed out as in
        painter.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(34)
        painter.setBrush(fill)
        painter.drawRoundedRect(self._rect.adjusted(-3, -3, 3, 3), 8, 8)


class HintLabel(_Overlay):
    """A small chip beside the cursor saying what a drop or connection would do (or why not)."""

    def __init__(self):
        super().__init__()
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.text = ""
        self.accepts = True
        self._font = styles.font(9, bold=True)
        self.setVisible(False)

    def show_text(self, at: QPointF, text: str, accepts: bool) -> None:
        if text != self.text or accepts != self.accepts:
            self.prepareGeometryChange()
            self.text, self.accepts = text, accepts
        self.setPos(at)
        self.setVisible(bool(text))

    #: Longer hints wrap onto more lines rather than being cut off.
    MAX_WIDTH = 360.0

    def _box(self) -> QRectF:
        metrics = QFontMetricsF(self._font)
        text = metrics.boundingRect(QRectF(0, 0, self.MAX_WIDTH, 1000), Qt.TextWordWrap, self.text)
        return QRectF(16, 18, text.width() + 16, text.height() + 8)

    def boundingRect(self) -> QRectF:
        return self._box().adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        box = self._box()
        colour = QColor(ACCEPT_COLOUR if self.accepts else REFUSE_COLOUR)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 5, 5)
        painter.setFont(self._font)
        painter.setPen(colour)
        painter.drawText(box.adjusted(8, 4, -8, -4), Qt.AlignVCenter | Qt.AlignLeft | Qt.TextWordWrap,
                         self.text)


class ConnectPreview(QGraphicsPathItem):
    """The line following the cursor while a relation is drawn."""

    def __init__(self):
        super().__init__()
        self.setZValue(styles.Z_OVERLAY)
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.set_accepts(True)
        self.setVisible(False)

    def set_accepts(self, accepts: bool) -> None:
        pen = QPen(ACCEPT_COLOUR if accepts else styles.SELECTION, 2.0, Qt.DashLine)
        pen.setCosmetic(True)
        self.setPen(pen)

    def show_line(self, start_rect: QRectF, end: QPointF) -> None:
        start = edge_point(start_rect, end)
        self.setPath(arrow_path(start, end, 10.0))
        self.setVisible(True)


def arrow_path(start: QPointF, end: QPointF, head: float = 9.0) -> QPainterPath:
    """A straight line from ``start`` to ``end`` with an open arrow head at ``end``."""
    path = QPainterPath(start)
    path.lineTo(end)
    line = end - start
    length = (line.x() ** 2 + line.y() ** 2) ** 0.5
    if length > 1:
        ux, uy = line.x() / length, line.y() / length
        left = QPointF(end.x() - head * ux + head * 0.55 * uy, end.y() - head * uy - head * 0.55 * ux)
        right = QPointF(end.x() - head * ux - head * 0.55 * uy, end.y() - head * uy + head * 0.55 * ux)
        path.addPolygon(QPolygonF([left, end, right]))
    return path


class PathLine(QGraphicsPathItem):
    """One leg of a traced path: a broad translucent band with an arrow, under the hop markers."""

    def __init__(self, start: QPointF, end: QPointF, colour: QColor, dashed: bool = False,
                 tooltip: str = ""):
        super().__init__(arrow_path(start, end, 14.0))
        band = QColor(colour)
        band.setAlpha(170)
        pen = QPen(band, 6.0, Qt.DashLine if dashed else Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        self.setPen(pen)
        self.setZValue(styles.Z_OVERLAY - 1)
        self.setAcceptedMouseButtons(Qt.NoButton)
        if tooltip:
            self.setToolTip(tooltip)


class HopMarker(_Overlay):
    """A numbered circle at a hop of a traced path (constant size on screen)."""

    RADIUS = 11.0

    def __init__(self, number: int, tooltip: str = "", offset: int = 0):
        super().__init__()
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.setAcceptHoverEvents(True)
        self.number = number
        # A resource visited twice (there and back) gets its second number beside the first.
        self._centre = QPointF(offset * (2 * self.RADIUS + 3), 0)
        if tooltip:
            self.setToolTip(QCoreApplication.translate("HopMarker", "Hop %1: %2")
                            .replace("%1", str(number)).replace("%2", tooltip))

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 2
        return QRectF(self._centre.x() - r, self._centre.y() - r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setPen(QPen(Qt.white, 2))
        painter.setBrush(PATH_COLOUR)
        painter.drawEllipse(self._centre, self.RADIUS, self.RADIUS)
        painter.setPen(Qt.white)
        painter.setFont(styles.font(8.5 if self.number < 10 else 7.5, bold=True))
        r = self.RADIUS
        painter.drawText(QRectF(self._centre.x() - r, self._centre.y() - r, 2 * r, 2 * r),
                         Qt.AlignCenter, str(self.number))


class BlockedMarker(_Overlay):
    """A red ✕ on the component that blocks a traced path, with the explanation beside it."""

    RADIUS = 13.0

    def __init__(self, explanation: str = ""):
        super().__init__()
        self.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        self.setAcceptHoverEvents(True)
        self.explanation = explanation
        self._font = styles.font(8.5, bold=True)
        blocked = QCoreApplication.translate("BlockedMarker", "Blocked here")
        self.setToolTip(f"<b>{blocked}</b><br/>{_escape(explanation)}" if explanation else blocked)

    #: The explanation wraps (up to a few lines) rather than being cut off; the tooltip has it all.
    MAX_WIDTH = 300.0

    def _chip(self) -> QRectF:
        metrics = QFontMetricsF(self._font)
        text = metrics.boundingRect(QRectF(0, 0, self.MAX_WIDTH, 4 * metrics.lineSpacing()),
                                    Qt.TextWordWrap, self._chip_text())
        height = min(text.height(), 4 * metrics.lineSpacing())
        return QRectF(self.RADIUS + 6, -metrics.height() / 2 - 4, text.width() + 14, height + 8)

    def _chip_text(self) -> str:
        if self.explanation:
            return QCoreApplication.translate("BlockedMarker", "blocked: %1").replace("%1", self.explanation)
        return QCoreApplication.translate("BlockedMarker", "blocked")

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r).united(self._chip().adjusted(-2, -2, 2, 2))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        r = self.RADIUS
        painter.setPen(QPen(Qt.white, 2))
        painter.setBrush(REFUSE_COLOUR)
        painter.drawEllipse(QPointF(0, 0), r, r)
        cross = QPen(Qt.white, 3, Qt.SolidLine, Qt.RoundCap)
        painter.setPen(cross)
        d = r * 0.42
        painter.drawLine(QPointF(-d, -d), QPointF(d, d))
        painter.drawLine(QPointF(-d, d), QPointF(d, -d))
        chip = self._chip()
        painter.setPen(QPen(REFUSE_COLOUR, 1.2))
        painter.setBrush(QColor(255, 255, 255, 240))
        painter.drawRoundedRect(chip, 5, 5)
        painter.setFont(self._font)
        painter.setPen(REFUSE_COLOUR)
        painter.drawText(chip.adjusted(7, 4, -7, -4), Qt.AlignTop | Qt.AlignLeft | Qt.TextWordWrap,
                         self._chip_text())


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
