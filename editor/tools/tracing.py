"""The trace tool (pick a source, then a destination) and the drawing of a traced path across the
canvas: a band through the hops with a numbered marker on each, and a red marker with the
explanation on the component that blocks the path. Implied flows can be drawn the same way.

The drawings follow the items when they move and disappear when the design is replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ..items import edge_point
from ..items.overlays import (ACCEPT_COLOUR, BLOCKED_PATH_COLOUR, PATH_COLOUR, REFUSE_COLOUR,
                              BlockedMarker, DropHighlight, HopMarker, PathLine)
from .base import Tool

__all__ = ["TraceTool", "PathDrawing", "FlowDrawing", "INTERNET"]

#: What the trace tool reports when the empty canvas (outside every container) is picked.
INTERNET = "internet"


class PathDrawing:
    """The traced path on the canvas (``Canvas.show_path`` / ``clear_path``)."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.spec: tuple[list[str], str | None, dict] | None = None
        self.items: list = []

    def show(self, hop_ids: list[str], blocked_id: str | None = None, labels: dict | None = None) -> None:
        self.spec = (list(hop_ids), blocked_id, dict(labels or {}))
        self.redraw()

    def clear(self) -> None:
        self.spec = None
        self._remove()

    def _remove(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items = []

    def redraw(self) -> None:
        """Draw the path again where the items now are."""
        self._remove()
        if self.spec is None or self.canvas.scene is None:
            return
        hop_ids, blocked_id, labels = self.spec
        scene = self.canvas.scene
        colour = BLOCKED_PATH_COLOUR if blocked_id else PATH_COLOUR
        drawn = [(n, rid, scene.item_for(rid)) for n, rid in enumerate(hop_ids, start=1)]
        drawn = [(n, rid, item) for n, rid, item in drawn if item is not None]
        for (_, a, item_a), (_, b, item_b) in zip(drawn, drawn[1:]):
            if a != b:
                self._line(item_a, item_b, colour, False, labels.get(b, ""))
        seen: dict[str, int] = {}
        for n, rid, item in drawn:
            marker = HopMarker(n, labels.get(rid, ""), offset=seen.get(rid, 0))
            seen[rid] = seen.get(rid, 0) + 1
            marker.setPos(item.anchor_rect().topLeft())
            self._add(marker)
        blocked = scene.item_for(blocked_id) if blocked_id else None
        if blocked is not None:
            if drawn and drawn[-1][1] != blocked_id:
                self._line(drawn[-1][2], blocked, REFUSE_COLOUR, True, "")
            frame = DropHighlight()
            frame.show_at(blocked.mapRectToScene(blocked.boundingRect()).adjusted(2, 2, -2, -2), False)
            self._add(frame)
            marker = BlockedMarker(labels.get(blocked_id, ""))
            marker.setPos(blocked.anchor_rect().topRight())
            self._add(marker)

    def _line(self, a, b, colour, dashed: bool, tooltip: str) -> None:
        start = edge_point(a.anchor_rect(), b.anchor())
        end = edge_point(b.anchor_rect(), a.anchor())
        self._add(PathLine(start, end, colour, dashed, tooltip))

    def _add(self, item) -> None:
        self.canvas.scene.addItem(item)
        self.items.append(item)


class FlowDrawing(PathDrawing):
    """Flows the design implies, as thin arrows: green when they get through, red when not."""

    def show_flows(self, flows) -> None:
        self.spec = [_flow_fields(f) for f in flows]
        self.redraw()

    def redraw(self) -> None:
        self._remove()
        if not self.spec or self.canvas.scene is None:
            return
        scene = self.canvas.scene
        for source, target, reachable, label in self.spec:
            a, b = scene.item_for(source), scene.item_for(target)
            if a is None or b is None or a is b:
                continue
            line = PathLine(edge_point(a.anchor_rect(), b.anchor()), edge_point(b.anchor_rect(), a.anchor()),
                            ACCEPT_COLOUR if reachable else REFUSE_COLOUR, dashed=not reachable,
                            tooltip=label)
            pen = line.pen()
            pen.setWidthF(3.0)
            line.setPen(pen)
            line.setAcceptHoverEvents(True)
            self._add(line)


def _flow_fields(flow) -> tuple[str, str, bool, str]:
    """``(source, destination, reachable, label)`` from a tuple, a mapping or an object with those
    attributes (``ok`` is accepted for ``reachable``, ``description`` for ``label``)."""
    if isinstance(flow, (tuple, list)):
        source, target, reachable, *rest = flow
        return str(source), str(target), bool(reachable), str(rest[0]) if rest else ""
    get = flow.get if isinstance(flow, dict) else (lambda k, d=None: getattr(flow, k, d))
    reachable = get("reachable", get("ok", True))
    label = get("label", get("description", "")) or ""
    return str(get("source")), str(get("destination", get("target"))), bool(reachable), str(label)


class TraceTool(Tool):
    """Click a source, then a destination (a resource, or the empty canvas for the internet); the
    canvas then emits ``trace_picked(source, destination)``. Picks again until Escape."""

    name = "trace"
    cursor = Qt.PointingHandCursor

    def __init__(self, canvas):
        super().__init__(canvas)
        self.source: str | None = None
        self._frame = None

    def activate(self) -> None:
        self.source = None
        self.canvas.say(QCoreApplication.translate(
            "TraceTool", "Trace: click the source (a resource, or empty canvas for the internet)."))

    def deactivate(self) -> None:
        self.source = None
        self._unmark()
        self.canvas.clear_feedback()

    def _pick(self, view_pos) -> str | None:
        item = self.canvas.item_at(view_pos, resources_only=True, containers=True)
        if item is not None:
            return item.rid
        if not self.canvas.scene.containers_at(self.canvas.view.mapToScene(view_pos)):
            return INTERNET
        return None

    def hover(self, event) -> None:
        view_pos = event.position().toPoint()
        picked = self._pick(view_pos)
        scene_pos = self.canvas.view.mapToScene(view_pos)
        step = QCoreApplication.translate("TraceTool", "From %1") if self.source is None else \
            QCoreApplication.translate("TraceTool", "To %1")
        if picked is None:
            self.canvas.show_feedback(None, False, scene_pos, QCoreApplication.translate("TraceTool",
                                                                                         "Pick a resource"))
        else:
            self.canvas.show_feedback(None, True, scene_pos, step.replace("%1", self._name(picked)))

    def _name(self, picked: str) -> str:
        if picked == INTERNET:
            return QCoreApplication.translate("TraceTool", "the internet")
        return self.canvas.label_of(picked)

    def press(self, event) -> bool:
        return True

    def release(self, event) -> bool:
        picked = self._pick(event.position().toPoint())
        if picked is None:
            return True
        if self.source is None or picked == self.source:
            self.source = picked
            self._mark(picked)
            said = QCoreApplication.translate("TraceTool", "Trace from %1: now click the destination.")
            self.canvas.say(said.replace("%1", self._name(picked)))
            return True
        source, self.source = self.source, None
        self._unmark()
        self.canvas.clear_feedback()
        self.canvas.trace_picked.emit(source, picked)
        return True

    def _mark(self, rid: str) -> None:
        self._unmark()
        item = self.canvas.scene.item_for(rid)
        if item is None:
            return
        self._frame = DropHighlight()
        self._frame.show_at(item.mapRectToScene(item.boundingRect()), True)
        self.canvas.scene.addItem(self._frame)

    def _unmark(self) -> None:
        if self._frame is not None and self._frame.scene() is not None:
            self._frame.scene().removeItem(self._frame)
        self._frame = None

    def key(self, event) -> bool:
        if event.key() == Qt.Key_Escape:
            self.canvas.set_tool("select")
            return True
        return False
