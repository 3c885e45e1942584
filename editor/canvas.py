"""The canvas: the editable drawing in the middle of the main window.

``Canvas(document)`` shows ``document``'s diagram and edits it only through ``document.push``; it
rebuilds its scene whenever ``document.diagram_replaced`` fires (New, Open) and keeps the findings
shown as the document's validator reports them (``document.findings_changed``).

What the window calls (menus, toolbar, palette, trace and problems panels):

- editing: :meth:`delete_selection` (asks first, naming what goes along, unless
  :attr:`confirm_delete` is False), :meth:`cut`, :meth:`copy`, :meth:`paste`, :meth:`duplicate`,
  :meth:`select_all`, :meth:`align` (``left right top bottom h-center v-center``),
  :meth:`distribute` (``horizontal vertical``);
- selection: :meth:`select_ids`, :meth:`selected_ids`;
- view: :meth:`zoom_in`, :meth:`zoom_out`, :meth:`zoom_to_fit`, :meth:`set_snap`, :meth:`set_grid`;
- tools: :meth:`set_tool` with ``select``, ``connect``, ``trace`` or ``place:<KindName>``;
- overlays: :meth:`show_path` / :meth:`clear_path` (a traced path with numbered hops, or the
  blocking component), :meth:`show_overlay_flows` / :meth:`clear_overlay_flows`,
  :meth:`show_findings`.

Signals: :attr:`selection_changed` (list of ids), :attr:`tool_changed` (tool name),
:attr:`status_message` (text for the status bar), :attr:`trace_picked` (source id, destination id;
``"internet"`` for the empty canvas), :attr:`zoom_changed` (scale).

Settings: :attr:`confirm_delete` (ask before deleting; tests turn it off), :attr:`snap_enabled` and
:attr:`grid_size` (through :meth:`set_snap` / :meth:`set_grid`), :attr:`choose_option` (how a menu of
several possible relations is offered; tests replace it to pick one).

Palette drags carry ``application/x-kumozu-kind`` (the kind's name in UTF-8); the clipboard holds
``application/x-kumozu-resources`` (native YAML, see :mod:`editor.clipboard`) and the same text.
The view (:attr:`view`, a :class:`~editor.view.CanvasView`) takes the mouse, keys and drops; the
scene (:attr:`scene`) is rebuilt for every new diagram.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPixmapCache
from PySide6.QtWidgets import QMenu, QMessageBox, QVBoxLayout, QWidget

from model import kinds as _kinds
from model.edits import Composite, disconnect, remove_resources
from model.i18n import edit_label
from validators.i18n import finding_message

from . import clipboard
from .commands import step_name
from .document import Document
from .handles import ConnectHandle, HandleSet, ResizeHandle
from .icons import ui_icon
from .items import ContainerItem, DiagramItem, ReferenceItem, ResourceItem
from .items.overlays import ConnectPreview, DropHighlight, HintLabel
from .scene import DiagramScene
from .tools.arrange import AXES, EDGES, align_edit, distribute_edit
from .tools.base import Tool
from .tools.connecting import ConnectTool
from .tools.links import unlink_edit
from .tools.placing import PlaceTool, place_resource, preview_placement
from .tools.removal import describe_removal
from .tools.select import SelectTool
from .tools.targets import drop_target
from .tools.tracing import FlowDrawing, PathDrawing, TraceTool
from .translations import current_language
from .view import CanvasView

__all__ = ["Canvas", "KIND_MIME_TYPE", "RESOURCES_MIME_TYPE", "TOOLS"]

KIND_MIME_TYPE = "application/x-kumozu-kind"
RESOURCES_MIME_TYPE = clipboard.MIME_TYPE
#: Room for cached item pictures (KiB).
PIXMAP_CACHE_KB = 96 * 1024
#: Tool names besides ``place:<KindName>``.
TOOLS = ("select", "connect", "trace")


class Canvas(QWidget):
    selection_changed = Signal(list)
    tool_changed = Signal(str)
    status_message = Signal(str)
    trace_picked = Signal(str, str)
    zoom_changed = Signal(float)
    #: The user asked why a finding matters ("Why?" in an item's context menu).
    explain_requested = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        #: Ask before deleting (tests and scripted use turn this off).
        self.confirm_delete = True
        self.snap_enabled = True
        self.grid_size = 10
        #: How a menu of link options is shown: ``(options, global QPoint) -> option or None``.
        #: Tests replace it to pick without a popup.
        self.choose_option = self._choose_from_menu
        # Cached item pictures live in the pixmap cache; a large design on a large screen needs more
        # than Qt's default 10 MB or the cache keeps evicting what the next frame needs.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.view = CanvasView(self, self)
        self.view.zoom_changed.connect(self.zoom_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.scene: DiagramScene | None = None
        self.handles: HandleSet | None = None
        self.tool: Tool = SelectTool(self)
        self._path = PathDrawing(self)
        self._flows = FlowDrawing(self)
        self._last_selection: list[str] = []
        self._paste_count = 0
        self._shown = False
        document.diagram_replaced.connect(self._rebuild_scene)
        document.findings_changed.connect(self.show_findings)
        document.refused.connect(self._on_refused)
        self._rebuild_scene()

    # ------------------------------------------------------------------ scene lifecycle
    def _rebuild_scene(self) -> None:
        self.tool.deactivate()
        old = self.scene
        self._path.clear()
        self._flows.clear()
        self.scene = DiagramScene(self.document.diagram, self, item_cache=True)
        self.scene.show_findings(self.document.findings)
        self.handles = HandleSet(self.scene)
        self.drop_highlight = DropHighlight()
        self.hint = HintLabel()
        self.connect_preview = ConnectPreview()
        for overlay in (self.drop_highlight, self.hint, self.connect_preview):
            self.scene.addItem(overlay)
        self.scene.selectionChanged.connect(self._on_selection_changed)
        self.scene.synced.connect(self._on_synced)
        self.view.setScene(self.scene)
        if old is not None:
            old.detach()
            old.deleteLater()
        self._last_selection = []
        self.selection_changed.emit([])
        self.zoom_to_fit()

    def _on_refused(self, text: str) -> None:
        self.say(self.tr("Not possible: %1.").replace("%1", text))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown:  # the size is only known now: fit the drawing the first time
            self._shown = True
            self.zoom_to_fit()

    def _on_synced(self) -> None:
        self.handles.follow()
        if self._path.spec is not None:
            self._path.redraw()
        if self._flows.spec:
            self._flows.redraw()

    @property
    def diagram(self):
        return self.document.diagram

    # ------------------------------------------------------------------ helpers for tools
    def push(self, edit, **merge) -> bool:
        return self.document.push(edit, **merge)

    def say(self, text: str) -> None:
        self.status_message.emit(text)

    def label_of(self, rid: str) -> str:
        record = self.diagram.get(rid)
        return record.label if record is not None else rid

    def snap(self, value: float) -> float:
        return round(value / self.grid_size) * self.grid_size if self.snap_enabled else value

    def item_at(self, view_pos: QPoint, resources_only: bool = False, containers: bool = True):
        """The item a click at ``view_pos`` means: a resource icon first, then a line, then a
        container's frame (lines are drawn over containers but should not hide icons)."""
        found = {"resource": None, "line": None, "container": None}
        for item in self.view.items(view_pos):
            if isinstance(item, ResourceItem):
                found["resource"] = found["resource"] or item
            elif isinstance(item, ReferenceItem) and item.isVisible():
                found["line"] = found["line"] or item
            elif isinstance(item, ContainerItem):
                found["container"] = found["container"] or item
        if resources_only:
            return found["resource"] or (found["container"] if containers else None)
        return found["resource"] or found["line"] or found["container"]

    def handle_at(self, view_pos: QPoint):
        for item in self.view.items(view_pos):
            if isinstance(item, (ResizeHandle, ConnectHandle)) and item.isVisible():
                return item
        return None

    def show_feedback(self, frame, accepts: bool, scene_pos: QPointF, text: str) -> None:
        """Frame a container green (accepts) or red, and put ``text`` beside the cursor."""
        if frame is not None:
            self.drop_highlight.show_at(frame, accepts)
        else:
            self.drop_highlight.setVisible(False)
        self.hint.show_text(scene_pos, text, accepts)

    def clear_feedback(self) -> None:
        if self.scene is not None:
            self.drop_highlight.setVisible(False)
            self.hint.setVisible(False)

    # ------------------------------------------------------------------ tools
    def set_tool(self, name: str) -> None:
        """``select``, ``connect``, ``trace`` or ``place:<KindName>`` (e.g. ``place:Subnet``)."""
        if name == self.tool.name:
            return
        if name == "select":
            tool: Tool = SelectTool(self)
        elif name == "connect":
            tool = ConnectTool(self)
        elif name == "trace":
            tool = TraceTool(self)
        elif name.startswith("place:") and _kinds.is_kind(name[len("place:"):]):
            tool = PlaceTool(self, name[len("place:"):])
        else:
            raise ValueError(f"unknown tool '{name}': use {', '.join(TOOLS)} or place:<KindName>")
        self.tool.deactivate()
        self.clear_feedback()
        self.tool = tool
        self.view.viewport().setCursor(tool.cursor)
        tool.activate()
        self.tool_changed.emit(tool.name)

    # ------------------------------------------------------------------ palette drops
    @staticmethod
    def kind_from_mime(data: QMimeData | None) -> str | None:
        if data is None or not data.hasFormat(KIND_MIME_TYPE):
            return None
        name = bytes(data.data(KIND_MIME_TYPE)).decode("utf-8", errors="replace").strip()
        return name if _kinds.is_kind(name) else None

    def preview_drop(self, kind_name: str, scene_pos: QPointF) -> bool:
        return preview_placement(self, kind_name, scene_pos).accepts

    def drop_kind(self, kind_name: str, scene_pos: QPointF) -> bool:
        """Add a ``kind_name`` where it was dropped; False (and why, in the status bar) if refused."""
        return place_resource(self, kind_name, scene_pos) is not None

    # ------------------------------------------------------------------ selection
    def _on_selection_changed(self) -> None:
        scene = self.scene
        if not self.view.rubberBandRect().isNull():
            for line in [i for i in scene.selectedItems() if isinstance(i, ReferenceItem)]:
                line.setSelected(False)  # a rubber band picks resources, not the lines among them
        items = [i for i in scene.selectedItems() if isinstance(i, DiagramItem)]
        self.handles.attach(items[0] if len(items) == 1 else None)
        ids = self.selected_ids()
        if ids != self._last_selection:
            self._last_selection = ids
            self.selection_changed.emit(ids)

    def selected_ids(self) -> list[str]:
        """Selected resource ids, then the ids of selected connections (``diagram.relation(id)``)."""
        lines = [i.relation_id for i in self.scene.selectedItems()
                 if isinstance(i, ReferenceItem) and i.is_connection]
        return self.selected_resource_ids() + lines

    def selected_resource_ids(self) -> list[str]:
        return sorted(self.scene.selected_ids())

    def select_ids(self, ids, center: bool = True) -> None:
        """Select the resources (or connections) named by ``ids`` and, with ``center``, bring them
        into view."""
        scene = self.scene
        wanted = set(ids)
        scene.blockSignals(True)
        scene.clearSelection()
        items = [scene.item_for(rid) for rid in wanted if scene.item_for(rid) is not None]
        items += [scene.line_for(("relation", rid)) for rid in wanted if scene.line_for(("relation", rid))]
        for item in items:
            item.setSelected(True)
        scene.blockSignals(False)
        self._on_selection_changed()
        if center and items:
            rect = items[0].sceneBoundingRect()
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
            if rect.width() > visible.width() or rect.height() > visible.height():
                self.view.zoom_to_fit(rect)
            else:
                self.view.centerOn(rect.center())

    def select_all(self) -> None:
        self.select_ids([item.rid for item in self.scene.resource_items()], center=False)

    # ------------------------------------------------------------------ editing
    def delete_selection(self) -> bool:
        """Delete the selected resources (with their contents) and lines, as one undo step, after
        saying what goes along. False when nothing was deleted."""
        ids = self.selected_resource_ids()
        lines = [i for i in self.scene.selectedItems() if isinstance(i, ReferenceItem)]
        if not ids and not lines:
            return False
        if ids and self.confirm_delete:
            question = describe_removal(self.diagram, ids)
            answer = QMessageBox.question(self, self.tr("Delete"), question, QMessageBox.Yes | QMessageBox.No,
                                          QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        return self._delete(ids, lines)

    def _delete(self, ids: list[str], lines: list[ReferenceItem], label: str = "") -> bool:
        diagram = self.diagram
        going = set(ids)
        for rid in ids:
            going.update(r.id for r in diagram.descendants(rid))
        edits = []
        for line in lines:
            if line.is_connection:
                if diagram.relation(line.relation_id) is not None and not \
                        {line.source_id, line.target_id} & going:
                    edits.append(disconnect(diagram, line.relation_id))
            elif line.source_id not in going:
                edit = unlink_edit(diagram, line.source_id, line.key[1])
                if edit is not None:
                    edits.append(edit)
        removal = remove_resources(diagram, ids) if ids else None
        if removal is not None:
            edits.append(removal)
        if not edits:
            return False
        if not label:
            label = removal.label if removal is not None else (
                edits[0].label if len(edits) == 1 else f"Delete {len(edits)} lines")
        self.scene.clearSelection()
        return self.push(Composite(tuple(edits), label))

    def copy(self) -> bool:
        ids = self.selected_resource_ids()
        if not ids:
            return False
        text = clipboard.copy_text(self.diagram, ids)
        QGuiApplication.clipboard().setMimeData(clipboard.mime_data(text))
        self._paste_count = 0
        self.say(self.tr("Copied %n resource(s).", "", len(ids)))
        return True

    def cut(self) -> bool:
        ids = self.selected_resource_ids()
        if not ids or not self.copy():
            return False
        names = self.label_of(ids[0]) if len(ids) == 1 else f"{len(ids)} resources"
        return self._delete(ids, [], label=f"Cut {names}")

    def paste(self, at: QPointF | None = None) -> list[str]:
        """Paste the clipboard where the pointer is over the canvas (or at ``at``, scene
        coordinates), else beside the originals. Returns the new ids (also selected)."""
        if not isinstance(at, QPointF):  # a menu action's "checked" flag is not a position
            at = None
        copied = clipboard.read_mime(QGuiApplication.clipboard().mimeData())
        if copied is None:
            self.say(self.tr("The clipboard holds no Kumozu resources."))
            return []
        clip, roots = copied
        self._paste_count += 1
        return self._paste(clip, roots, at if at is not None else self.view.last_scene_pos, "Paste",
                           self._paste_count)

    def duplicate(self) -> list[str]:
        ids = self.selected_resource_ids()
        if not ids:
            return []
        clip, roots = clipboard.read_clipboard(clipboard.copy_text(self.diagram, ids))
        return self._paste(clip, roots, None, "Duplicate", 1)

    def _paste(self, clip, roots, at: QPointF | None, label: str, count: int) -> list[str]:
        result = None
        if at is not None:
            target = drop_target(self.scene, [clip[r].kind for r in roots], at)
            if target.accepts:
                holder = self.scene.item_for(target.container) if target.container else None
                local = holder.mapFromScene(at) if holder is not None else at
                result = clipboard.paste_edit(self.diagram, clip, roots, target.container,
                                              at=(self.snap(local.x()), self.snap(local.y())), label=label)
        if result is None or result.edit is None:
            step = self.snap(20.0) or 20.0
            result = clipboard.paste_edit(self.diagram, clip, roots, clipboard.SAME_PARENT,
                                          offset=(step * count, step * count), label=label)
        if result.edit is None:
            self.say(self.tr("Cannot paste: %1.").replace("%1", result.refusal))
            return []
        if not self.push(result.edit):
            return []
        self.select_ids(result.roots, center=False)
        self.reveal(result.roots)
        self.say(f"{step_name(result.edit)}.")
        return result.ids

    def align(self, edge: str) -> bool:
        """Align the selection on ``left``, ``right``, ``top``, ``bottom``, ``h-center`` or
        ``v-center``."""
        if edge not in EDGES:
            raise ValueError(f"unknown edge '{edge}'; use one of {', '.join(EDGES)}")
        edit = align_edit(self.diagram, self.selected_resource_ids(), edge)
        if edit is None:
            self.say(self.tr("Select two or more resources to align them."))
            return False
        return self.push(edit)

    def distribute(self, axis: str) -> bool:
        """Space the selection evenly, ``horizontal`` or ``vertical``."""
        if axis not in AXES:
            raise ValueError(f"unknown axis '{axis}'; use horizontal or vertical")
        edit = distribute_edit(self.diagram, self.selected_resource_ids(), axis)
        if edit is None:
            self.say(self.tr("Select three or more resources to distribute them."))
            return False
        return self.push(edit)

    # ------------------------------------------------------------------ view
    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def zoom_to_fit(self) -> None:
        """Show the whole design; an empty canvas at 100 % (the size new resources are made for)."""
        if self.scene.resource_items():
            self.view.zoom_to_fit(self.scene.content_rect())
        else:
            self.view.set_zoom(1.0)
            self.view.centerOn(self.scene.content_rect().center())

    def reveal(self, ids) -> None:
        """Scroll (or zoom out) just enough to show the resources ``ids``."""
        items = [self.scene.item_for(rid) for rid in ids if self.scene.item_for(rid) is not None]
        if items:
            rect = items[0].sceneBoundingRect()
            for item in items[1:]:
                rect = rect.united(item.sceneBoundingRect())
            self.view.reveal(rect)

    def set_snap(self, enabled: bool) -> None:
        self.snap_enabled = bool(enabled)
        self.view.resetCachedContent()  # the grid is drawn into the cached background
        self.view.viewport().update()

    def set_grid(self, size: int) -> None:
        if size <= 0:
            raise ValueError("the grid size must be a positive number of pixels")
        self.grid_size = int(size)
        self.view.resetCachedContent()
        self.view.viewport().update()

    # ------------------------------------------------------------------ overlays
    def show_findings(self, findings) -> None:
        """Outline and badge the resources involved in ``findings`` (a full list, or the
        ``FindingsDelta`` that ``document.findings_changed`` carries)."""
        if self.scene is not None:
            self.scene.show_findings(findings)

    def show_path(self, hop_ids: list[str], blocked_id: str | None = None,
                  labels: dict | None = None) -> None:
        """Draw a traced path through ``hop_ids`` with numbered hops; mark ``blocked_id`` (if any)
        with a red marker whose tooltip is ``labels[blocked_id]``. ``labels`` also gives each hop's
        tooltip. Ids without an item (``internet``) keep their number but are not drawn."""
        self._path.show(hop_ids, blocked_id, labels)

    def clear_path(self) -> None:
        self._path.clear()

    def show_overlay_flows(self, flows) -> None:
        """Draw flows as arrows, green when reachable and red dashed when not. Each flow is a
        tuple ``(source, destination, reachable, label)``, a mapping or an object with those
        names."""
        self._flows.show_flows(flows)

    def clear_overlay_flows(self) -> None:
        self._flows.clear()

    # ------------------------------------------------------------------ keys and menu
    def handle_key(self, event) -> bool:
        """Keys the canvas answers itself; a window's menu shortcuts take precedence."""
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and not event.modifiers():
            return self.delete_selection() or True
        for sequence, action in ((QKeySequence.Copy, self.copy), (QKeySequence.Cut, self.cut),
                                 (QKeySequence.Paste, self.paste), (QKeySequence.SelectAll, self.select_all),
                                 (QKeySequence.Undo, self.document.undo_stack.undo),
                                 (QKeySequence.Redo, self.document.undo_stack.redo)):
            if event.matches(sequence):
                action()
                return True
        if event.key() == Qt.Key_D and event.modifiers() == Qt.ControlModifier:
            self.duplicate()
            return True
        return False

    def show_context_menu(self, view_pos: QPoint, global_pos: QPoint) -> None:
        item = self.item_at(view_pos)
        if item is not None and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        menu = self.context_menu(item, self.view.mapToScene(view_pos))
        menu.exec(global_pos)

    def context_menu(self, item=None, at: QPointF | None = None) -> QMenu:
        """The menu for ``item`` (None: the empty canvas): "Why?" for each of its findings first,
        then editing, arranging and zoom."""
        menu = QMenu(self)
        for finding in self.findings_of(item):
            text = self.tr("Why? %1").replace("%1", _elided(finding_message(finding, current_language()), 70))
            action = menu.addAction(ui_icon(SEVERITY_ICONS[finding.severity]), text,
                                    lambda f=finding: self.explain_requested.emit(f))
            action.setData(finding.rule)
        if not menu.isEmpty():
            menu.addSeparator()
        has_selection = bool(self.scene.selectedItems())
        at = at if at is not None else self.view.last_scene_pos
        for text, slot, enabled in ((self.tr("Cut"), self.cut, has_selection),
                                    (self.tr("Copy"), self.copy, has_selection),
                                    (self.tr("Paste"), lambda: self.paste(at), True),
                                    (self.tr("Duplicate"), self.duplicate, has_selection),
                                    (self.tr("Delete"), self.delete_selection, has_selection)):
            menu.addAction(text, slot).setEnabled(enabled)
        if len(self.selected_resource_ids()) > 1:
            arrange = menu.addMenu(self.tr("Align"))
            edges = {"left": self.tr("Left"), "right": self.tr("Right"), "top": self.tr("Top"),
                     "bottom": self.tr("Bottom"), "h-center": self.tr("Horizontal centre"),
                     "v-center": self.tr("Vertical centre")}
            for edge in EDGES:
                arrange.addAction(edges.get(edge, edge), lambda e=edge: self.align(e))
            spread = menu.addMenu(self.tr("Distribute"))
            axes = {"horizontal": self.tr("Horizontally"), "vertical": self.tr("Vertically")}
            for axis in AXES:
                spread.addAction(axes.get(axis, axis), lambda a=axis: self.distribute(a))
        menu.addSeparator()
        menu.addAction(self.tr("Zoom to fit"), self.zoom_to_fit)
        return menu

    def findings_of(self, item) -> list:
        """The findings about the resource or connection ``item`` shows, worst first."""
        rid = getattr(item, "record", None)
        rid = rid.id if rid is not None else getattr(item, "relation_id", None)
        if not rid:
            return []
        found = [f for f in self.document.findings if rid in f.resources]
        return sorted(found, key=lambda f: f.sort_key())

    def retranslate(self) -> None:
        """Say the drawing's words again in the current language (subtitles, tooltips)."""
        if self.scene is not None:
            self.scene.retranslate()

    def _choose_from_menu(self, options, global_pos: QPoint):
        menu = QMenu(self)
        chosen = {}
        for option in options:
            if option.kind == "connection":
                menu.addSeparator()
            chosen[menu.addAction(edit_label(option.label, current_language()))] = option
        action = menu.exec(global_pos)
        return chosen.get(action)


SEVERITY_ICONS = {"error": "severity_error", "warning": "severity_warning", "info": "severity_info"}


def _elided(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
