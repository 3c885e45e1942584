"""Drawing relations: drag from a resource (or its connect handle) onto another.

What the line means is worked out from the two kinds (:mod:`editor.tools.links`): one fitting
reference is set straight away; several are offered in a small menu (the plain connection last);
none, or Alt (or Shift) held, makes a plain connection on tcp/443 (editable in the inspector). Each
is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt

from ..commands import step_name
from ..items import DiagramItem
from .base import Tool
from .links import LinkOption, connection_option, link_options

__all__ = ["ConnectGesture", "ConnectTool", "choose_link", "end_at", "wants_plain"]


class ConnectGesture:
    def __init__(self, canvas, source: DiagramItem):
        self.canvas = canvas
        self.source = source
        self.target: DiagramItem | None = None
        self._options: dict[str, list[LinkOption]] = {}
        canvas.connect_preview.setVisible(False)

    def options_for(self, target: str) -> list[LinkOption]:
        if target not in self._options:
            self._options[target] = link_options(self.canvas.scene.diagram, self.source.rid, target)
        return self._options[target]

    def update(self, scene_pos: QPointF, view_pos, plain: bool = False) -> None:
        item = end_at(self.canvas, view_pos)
        self.target = item if item is not None and item is not self.source else None
        preview = self.canvas.connect_preview
        if self.target is None:
            preview.set_accepts(False)
            preview.show_line(self.source.anchor_rect(), scene_pos)
            self.canvas.show_feedback(None, True, scene_pos, "")
            return
        options = [] if plain else self.options_for(self.target.rid)
        preview.set_accepts(bool(options))
        preview.show_line(self.source.anchor_rect(), self.target.anchor())
        if not options:
            text = connection_option(self.canvas.scene.diagram, self.source.rid, self.target.rid).label
        elif len(options) == 1:
            text = options[0].label
        else:
            text = f"{options[0].label} (+{len(options) - 1} more…)"
        self.canvas.show_feedback(self.target.mapRectToScene(self.target.boundingRect()), True,
                                  scene_pos, text)

    def cancel(self) -> None:
        self.canvas.connect_preview.setVisible(False)
        self.canvas.clear_feedback()

    def finish(self, global_pos, plain: bool = False) -> bool:
        self.cancel()
        if self.target is None:
            return False
        diagram = self.canvas.scene.diagram
        source, target = self.source.rid, self.target.rid
        options = [] if plain else self.options_for(target)
        choice = choose_link(self.canvas, diagram, source, target, options, global_pos)
        if choice is None:
            self.canvas.say(QCoreApplication.translate("ConnectTool", "Nothing connected."))
            return False
        if self.canvas.push(choice.edit):
            self.canvas.say(f"{step_name(choice.edit)}.")
            return True
        return False


def wants_plain(event) -> bool:
    """Alt (or Shift, where the window manager takes Alt-drags) asks for a plain connection."""
    return bool(event.modifiers() & (Qt.AltModifier | Qt.ShiftModifier))


def end_at(canvas, view_pos) -> DiagramItem | None:
    """The resource a line would start or end at: one under the pointer, else the innermost
    container around it (so a subnet can be picked anywhere inside it, not only by its title)."""
    item = canvas.item_at(view_pos, resources_only=True)
    if item is not None:
        return item
    containers = canvas.scene.containers_at(canvas.view.mapToScene(view_pos))
    return containers[0] if containers else None


def choose_link(canvas, diagram, source: str, target: str, options: list[LinkOption], global_pos):
    """The option to apply: the only reference that fits, the user's pick from a menu when several
    do, and a plain connection when none does. None when the menu was dismissed."""
    connection = connection_option(diagram, source, target)
    if not options:
        return connection
    if len(options) == 1:
        return options[0]
    return canvas.choose_option(options + [connection], global_pos)


class ConnectTool(Tool):
    """Press on a resource and release on another to relate them; stays on until Escape."""

    name = "connect"
    cursor = Qt.CrossCursor

    def __init__(self, canvas):
        super().__init__(canvas)
        self.gesture: ConnectGesture | None = None

    def activate(self) -> None:
        self.canvas.say(QCoreApplication.translate(
            "ConnectTool", "Connect: drag from one resource to another (Alt or Shift: a plain connection; "
                           "Esc: done)."))

    def deactivate(self) -> None:
        if self.gesture is not None:
            self.gesture.cancel()
        self.gesture = None

    def press(self, event) -> bool:
        item = end_at(self.canvas, event.position().toPoint())
        if item is None:
            return True  # nothing to start from; no rubber band while connecting
        self.gesture = ConnectGesture(self.canvas, item)
        return True

    def move(self, event) -> bool:
        if self.gesture is None:
            return False
        pos = event.position().toPoint()
        self.gesture.update(self.canvas.view.mapToScene(pos), pos,
                            wants_plain(event))
        return True

    def release(self, event) -> bool:
        if self.gesture is None:
            return True
        gesture, self.gesture = self.gesture, None
        gesture.finish(event.globalPosition().toPoint(), wants_plain(event))
        return True

    def key(self, event) -> bool:
        if event.key() == Qt.Key_Escape:
            self.canvas.set_tool("select")
            return True
        return False
