"""The canvas views: zoom with the wheel (or Ctrl + / -), pan with the middle button (or, in the
editing view, Space-drag)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from . import styles

__all__ = ["DiagramView", "CanvasView"]

MIN_ZOOM, MAX_ZOOM = 0.05, 6.0


class DiagramView(QGraphicsView):
    zoom_changed = Signal(float)
    #: How items are drawn in this view (:class:`editor.styles.CanvasStyle`); the presenter mode
    #: sets its own and puts the default back.
    canvas_style = styles.DEFAULT_STYLE

    def __init__(self, scene=None, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing
                            | QPainter.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState)
        self._panning = False
        self._pan_start = None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        with styles.painting_with(self.canvas_style):
            super().paintEvent(event)

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current:
            self.scale(factor / current, factor / current)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25)

    def zoom_to_fit(self, rect: QRectF | None = None) -> None:
        scene = self.scene()
        if scene is None:
            return
        rect = rect or (scene.content_rect() if hasattr(scene, "content_rect") else scene.itemsBoundingRect())
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.KeepAspectRatio)
        if self.zoom() > 1.5:
            self.set_zoom(1.5)
        self.zoom_changed.emit(self.zoom())

    def reveal(self, rect: QRectF, margin: float = 30.0) -> None:
        """Bring ``rect`` (scene coordinates) into view with as little change as possible: nothing
        when it is in view, a scroll when it fits, else zoom out (never in) until it fits, so a
        resource just placed or pasted is never left half outside the window."""
        wanted = rect.adjusted(-margin, -margin, margin, margin)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if visible.contains(wanted):
            return
        if wanted.width() <= visible.width() and wanted.height() <= visible.height():
            self.ensureVisible(rect, int(margin * self.zoom()), int(margin * self.zoom()))
            return
        viewport = self.viewport().rect()
        fit = min(viewport.width() / wanted.width(), viewport.height() / wanted.height())
        self.set_zoom(min(self.zoom(), fit))
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.ShiftModifier and not event.modifiers() & Qt.ControlModifier:
            super().wheelEvent(event)  # shift-wheel scrolls sideways
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.15 ** steps))
            event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MiddleButton:
            self._start_pan(event)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._panning and self._pan_start is not None:
            delta = event.position() - self._pan_start
            self._pan_start = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._panning and event.button() in (Qt.MiddleButton, Qt.LeftButton):
            self._panning = False
            self.viewport().unsetCursor()
            return
        super().mouseReleaseEvent(event)

    def _start_pan(self, event) -> None:
        self._panning = True
        self._pan_start = event.position()
        self.viewport().setCursor(Qt.ClosedHandCursor)


class CanvasView(DiagramView):
    """The view inside :class:`~editor.canvas.Canvas`: hands mouse, key and drop events to the
    canvas's current tool, pans with Space-drag as well as the middle button, and draws the grid.

    Left-button events the tool does not take fall through to Qt (rubber-band selection).
    """

    def __init__(self, canvas, parent=None):
        super().__init__(None, parent)
        self.canvas = canvas
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setRubberBandSelectionMode(Qt.ContainsItemShape)
        # The grid only changes with zoom and settings; Qt redraws the cache then.
        self.setCacheMode(QGraphicsView.CacheBackground)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setContextMenuPolicy(Qt.DefaultContextMenu)
        self._space_held = False
        #: Where the pointer last was over the canvas (scene coordinates), for pasting there.
        self.last_scene_pos: QPointF | None = None

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:
        self.setFocus(Qt.MouseFocusReason)
        if event.button() == Qt.LeftButton and self._space_held:
            self._start_pan(event)
            return
        if event.button() == Qt.LeftButton and self.canvas.tool.press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        self.last_scene_pos = self.mapToScene(event.position().toPoint())
        if not self._panning:
            if event.buttons() & Qt.LeftButton:
                if self.canvas.tool.move(event):
                    event.accept()
                    return
            else:
                self.canvas.tool.hover(event)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        panning = self._panning
        if not panning and event.button() == Qt.LeftButton and self.canvas.tool.release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if not panning and event.button() == Qt.LeftButton:
            self.canvas.tool.released_on_canvas(event)

    def leaveEvent(self, event) -> None:
        self.last_scene_pos = None
        super().leaveEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.canvas.show_context_menu(event.pos(), event.globalPos())

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            return
        if self.canvas.tool.key(event) or self.canvas.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().setCursor(self.canvas.tool.cursor)
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------------------ drops from the palette
    def dragEnterEvent(self, event) -> None:
        self._drag(event)

    def dragMoveEvent(self, event) -> None:
        self._drag(event)

    def dragLeaveEvent(self, event) -> None:
        self.canvas.clear_feedback()
        event.accept()

    def dropEvent(self, event) -> None:
        kind = self.canvas.kind_from_mime(event.mimeData())
        if kind is None:
            event.ignore()
            return
        if self.canvas.drop_kind(kind, self.mapToScene(event.position().toPoint())):
            event.setDropAction(Qt.CopyAction)
            event.accept()
        else:
            event.ignore()

    def _drag(self, event) -> None:
        kind = self.canvas.kind_from_mime(event.mimeData())
        if kind is None:
            event.ignore()
            return
        accepts = self.canvas.preview_drop(kind, self.mapToScene(event.position().toPoint()))
        if event.type() == QEvent.DragEnter:
            # Entering is always accepted, or no move events follow to find a better spot; a refused
            # spot shows as a red frame, a hint, and the "no drop" cursor from the next move on.
            event.setDropAction(Qt.CopyAction)
            event.accept()
        elif accepts:
            event.setDropAction(Qt.CopyAction)
            event.accept()
        else:
            event.ignore()

    # ------------------------------------------------------------------ grid
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """The canvas colour and, while snapping, the grid: light lines every grid step (or a
        multiple of it when zoomed out), darker ones every ten. Drawn in screen pixels without
        antialiasing (a hairline grid gains nothing from it and costs most of a frame)."""
        super().drawBackground(painter, rect)
        grid = self.canvas.grid_size if self.canvas.snap_enabled else 0
        if grid <= 0:
            return
        zoom = self.zoom()
        step = float(grid)
        while step * zoom < 12:  # never denser than one line every 12 screen pixels
            step *= 5
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, False)
        transform = painter.worldTransform()
        painter.resetTransform()
        device = transform.mapRect(rect)
        minor, major = [], []
        x = math.floor(rect.left() / step) * step
        while x <= rect.right():
            px = round(transform.map(QPointF(x, 0)).x())
            (major if round(x / step) % 10 == 0 else minor).append(
                QLineF(px, device.top(), px, device.bottom()))
            x += step
        y = math.floor(rect.top() / step) * step
        while y <= rect.bottom():
            py = round(transform.map(QPointF(0, y)).y())
            (major if round(y / step) % 10 == 0 else minor).append(
                QLineF(device.left(), py, device.right(), py))
            y += step
        painter.setPen(QPen(QColor(0, 40, 80, 16), 1))
        painter.drawLines(minor)
        painter.setPen(QPen(QColor(0, 40, 80, 34), 1))
        painter.drawLines(major)
        painter.restore()
