"""Everything presenter mode changes in a window, saved before and put back exactly afterwards:
docks and toolbars (Qt's own saved state), which bars are shown, full screen or not, the window's
geometry and font, and the canvas's zoom, scroll position, style and background."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, Qt, QTimer
from PySide6.QtGui import QBrush, QFont, QTransform
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

from ..styles import CanvasStyle

__all__ = ["WindowSnapshot", "take_snapshot", "restore_snapshot", "panels_of"]


@dataclass
class WindowSnapshot:
    state: QByteArray
    geometry: QRect
    window_state: Qt.WindowStates
    visible_panels: tuple[str, ...]
    menu_bar: bool
    status_bar: bool
    font: QFont
    transform: QTransform
    scroll: tuple[int, int]
    canvas_style: CanvasStyle
    background: QBrush


def panels_of(window: QMainWindow) -> list:
    """The window's own docks and toolbars (not those of dialogs it owns)."""
    return [w for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
            if w.parentWidget() is window]


def take_snapshot(window: QMainWindow) -> WindowSnapshot:
    view = window.canvas.view
    return WindowSnapshot(
        state=window.saveState(), geometry=QRect(window.geometry()), window_state=window.windowState(),
        visible_panels=tuple(p.objectName() for p in panels_of(window) if p.isVisible()),
        menu_bar=window.menuBar().isVisible(), status_bar=window.statusBar().isVisible(),
        font=QFont(window.font()), transform=QTransform(view.transform()),
        scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
        canvas_style=view.canvas_style, background=QBrush(view.backgroundBrush()))


def restore_snapshot(window: QMainWindow, snapshot: WindowSnapshot) -> None:
    """Put ``window`` back as :func:`take_snapshot` found it."""
    view = window.canvas.view
    window.setFont(snapshot.font)
    window.menuBar().setVisible(snapshot.menu_bar)
    window.statusBar().setVisible(snapshot.status_bar)
    window.setWindowState(snapshot.window_state)
    # Qt puts a window back to its normal size when it leaves full screen; this makes sure (and,
    # unlike restoreGeometry, never fits the window to a smaller screen).
    if not snapshot.window_state & (Qt.WindowFullScreen | Qt.WindowMaximized) \
            and window.geometry() != snapshot.geometry:
        window.setGeometry(snapshot.geometry)
    window.restoreState(snapshot.state)
    for panel in panels_of(window):
        panel.setVisible(panel.objectName() in snapshot.visible_panels)
    view.canvas_style = snapshot.canvas_style
    view.setBackgroundBrush(snapshot.background)
    view.setTransform(snapshot.transform)
    view.zoom_changed.emit(view.zoom())
    _scroll(view, snapshot.scroll)
    # Leaving full screen resizes the view a moment later; scroll again once it has.
    QTimer.singleShot(0, lambda: _scroll(view, snapshot.scroll))


def _scroll(view, position: tuple[int, int]) -> None:
    try:
        view.horizontalScrollBar().setValue(position[0])
        view.verticalScrollBar().setValue(position[1])
    except RuntimeError:  # the window closed in the meantime
        pass
