"""What every canvas tool has: the canvas it works on and the mouse and key events it may take.

The canvas view hands each left-button event to the current tool first; a handler returns True when
it took the event, and the view falls back to Qt's own behaviour (rubber-band selection, hover,
tooltips) otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

__all__ = ["Tool"]


class Tool:
    #: The name ``Canvas.set_tool`` knows the tool by.
    name = ""
    cursor = Qt.ArrowCursor

    def __init__(self, canvas):
        self.canvas = canvas

    def activate(self) -> None:
        """The tool became current."""

    def deactivate(self) -> None:
        """Another tool became current (or the scene is being replaced): drop any gesture."""

    def press(self, event) -> bool:
        return False

    def move(self, event) -> bool:
        return False

    def release(self, event) -> bool:
        return False

    def key(self, event) -> bool:
        return False

    def hover(self, event) -> None:
        """The mouse moved with no button held."""

    def released_on_canvas(self, event) -> None:
        """A press the tool left to Qt (rubber band) has ended; Qt is done with it."""
