"""The canvas scene: a mirror of the diagram.

The scene keeps an item for every resource and a line for every drawn reference and connection,
and updates them from the diagram's change sets. It never changes the model: editing goes through
undo commands (see ``editor/commands.py``), the model announces the change, and the scene follows.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from model import kinds as _kinds
from model import queries as q
from model.diagram import Diagram
from model.events import ChangeSet
from model.resources import Resource

from . import styles
from .items import ContainerItem, DiagramItem, ReferenceItem, ResourceItem
from .labels import subtitle

__all__ = ["DiagramScene"]


class DiagramScene(QGraphicsScene):
    """Items for one diagram. ``item_for(id)`` and ``item.rid`` map both ways."""

    #: Emitted after the scene has caught up with a change set.
    synced = Signal()

    def __init__(self, diagram: Diagram, parent=None):
        super().__init__(parent)
        self.diagram = diagram
        self._items: dict[str, DiagramItem] = {}
        self._lines: dict[tuple, ReferenceItem] = {}
        self._findings_by_id: dict[str, list] = {}
        self.setBackgroundBrush(styles.CANVAS)
        self.setItemIndexMethod(QGraphicsScene.BspTreeIndex)
        self.rebuild()
        diagram.changed.connect(self._on_change)

    # ------------------------------------------------------------------ lookup
    def item_for(self, rid: str) -> DiagramItem | None:
        return self._items.get(rid)

    def resource_items(self) -> list[DiagramItem]:
        return list(self._items.values())

    def lines(self) -> list[ReferenceItem]:
        return list(self._lines.values())

    def selected_ids(self) -> list[str]:
        return [item.rid for item in self.selectedItems() if isinstance(item, DiagramItem)]

    def detach(self) -> None:
        """Stop following the diagram (before the scene is thrown away)."""
        self.diagram.changed.disconnect(self._on_change)

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        for item in list(self._lines.values()):
            self.removeItem(item)
        for item in [i for i in self._items.values() if i.parentItem() is None]:
            self.removeItem(item)
        self._items.clear()
        self._lines.clear()
        for record in _parents_first(self.diagram):
            self._create_item(record)
        for record in self.diagram:
            self._sync_lines_from(record.id)
        for relation in self.diagram.relations():
            self._sync_connection(relation.id)
        self._refresh_subtitles()
        self._update_scene_rect()

    def _create_item(self, record: Resource) -> DiagramItem:
        parent = self._items.get(record.parent) if record.parent else None
        text = subtitle(self.diagram, record)
        if _kinds.kind(record.kind).container:
            item: DiagramItem = ContainerItem(record, text, parent, self._style_key(record))
        else:
            item = ResourceItem(record, text, parent)
        if parent is None:
            self.addItem(item)
        self._items[record.id] = item
        self._place(item)
        item.show_findings(self._findings_by_id.get(record.id, []))
        return item

    def _place(self, item: DiagramItem) -> None:
        g = self.diagram.geometry(item.rid)
        if g is None:
            return
        item.setPos(g.x, g.y)
        if isinstance(item, ContainerItem) and g.w > 0 and g.h > 0:
            item.set_size(g.w, g.h)

    def _style_key(self, record: Resource) -> str:
        if record.kind == "Subnet":
            return "PublicSubnet" if q.is_public_subnet(self.diagram, record.id) else "PrivateSubnet"
        return record.kind

    # ------------------------------------------------------------------ following the model
    def _on_change(self, change: ChangeSet) -> None:
        moved: set[str] = set()
        for rid in change.removed:
            self._remove_item(rid)
        for relation_id in change.relations_removed:
            self._remove_line(("relation", relation_id))
        added = [self.diagram[rid] for rid in change.added if rid in self.diagram]
        for record in sorted(added, key=lambda r: len(self.diagram.ancestors(r.id))):
            self._create_item(record)
            moved.add(record.id)
        for rid, (_, new_parent) in change.reparented.items():
            item = self._items.get(rid)
            if item is None:
                continue
            scene_pos = item.scenePos()
            item.setParentItem(self._items.get(new_parent) if new_parent else None)
            if item.scene() is None:
                self.addItem(item)
            item.setPos(item.parentItem().mapFromScene(scene_pos) if item.parentItem() else scene_pos)
            self._place(item)
            moved.add(rid)
        for rid in change.geometry:
            item = self._items.get(rid)
            if item is not None:
                self._place(item)
                moved.add(rid)
        for rid in change.properties:
            item = self._items.get(rid)
            if item is not None:
                item.show_record(self.diagram[rid], subtitle(self.diagram, self.diagram[rid]))
        for rid in set(change.added) | set(change.properties) | set(change.reparented):
            if rid in self.diagram:
                self._sync_lines_from(rid)
        for relation_id in change.relations_added:
            self._sync_connection(relation_id)
        if moved:
            self._refresh_lines_near(moved)
        if not change.is_layout_only:
            self._refresh_subtitles()
        self._update_scene_rect()
        self.synced.emit()

    def _remove_item(self, rid: str) -> None:
        item = self._items.pop(rid, None)
        if item is None:
            return
        for key in [k for k, line in self._lines.items() if rid in (line.source_id, line.target_id)]:
            self._remove_line(key)
        for child in item.childItems():  # contents already removed by the model come first
            if isinstance(child, DiagramItem):
                child.setParentItem(None)
        if item.scene() is self:
            self.removeItem(item)

    def _remove_line(self, key: tuple) -> None:
        line = self._lines.pop(key, None)
        if line is not None and line.scene() is self:
            self.removeItem(line)

    def _sync_lines_from(self, rid: str) -> None:
        """Make the lines leaving ``rid`` match its references."""
        record = self.diagram[rid]
        kind = _kinds.kind(record.kind)
        ancestors = {a.id for a in self.diagram.ancestors(rid)}
        wanted = {}
        for path, target, relation in self.diagram.references_from(rid):
            field = kind.field_at(path)
            if field is None or not field.drawn or target in ancestors:
                continue
            wanted[(rid, path)] = (target, relation)
        for key in [k for k in self._lines if k[0] == rid and k not in wanted]:
            self._remove_line(key)
        for key, (target, relation) in wanted.items():
            line = self._lines.get(key)
            if line is None or line.target_id != target:
                self._remove_line(key)
                line = ReferenceItem(key, relation, styles.reference_pen(relation))
                line.target_id = target
                self.addItem(line)
                self._lines[key] = line
            self._route(line, rid, target)

    def _sync_connection(self, relation_id: str) -> None:
        relation = self.diagram.relation(relation_id)
        if relation is None:
            return
        key = ("relation", relation_id)
        line = self._lines.get(key)
        if line is None:
            line = ReferenceItem(key, "connection", styles.connection_pen())
            self.addItem(line)
            self._lines[key] = line
        line.source_id, line.target_id = relation.source, relation.target
        port = relation.get("port")
        line.setToolTip(f"{relation.get('protocol', 'tcp')}/{port}" if port else "connection")
        self._route(line, relation.source, relation.target)

    def _route(self, line: ReferenceItem, source: str, target: str) -> None:
        a, b = self._items.get(source), self._items.get(target)
        if a is None or b is None:
            line.setVisible(False)
            return
        line.setVisible(True)
        line.connect(a, b)

    def _refresh_lines_near(self, ids: set[str]) -> None:
        """Re-route every line touching ``ids`` or anything inside them."""
        affected = set(ids)
        for rid in ids:
            if rid in self.diagram:
                affected.update(r.id for r in self.diagram.descendants(rid))
        for key, line in self._lines.items():
            if line.source_id in affected or line.target_id in affected:
                self._route(line, line.source_id, line.target_id)

    def refresh_lines_for_items(self, items) -> None:
        """Re-route lines while items are dragged (visual only; the model is untouched)."""
        self._refresh_lines_near({i.rid for i in items if isinstance(i, DiagramItem)})

    def _refresh_subtitles(self) -> None:
        for rid, item in self._items.items():
            record = self.diagram.get(rid)
            if record is None:
                continue
            item.show_record(record, subtitle(self.diagram, record))
            if isinstance(item, ContainerItem):
                item.set_style_key(self._style_key(record))

    def _update_scene_rect(self) -> None:
        bounds = self.itemsBoundingRect()
        if bounds.isNull():
            bounds = QRectF(0, 0, 800, 600)
        self.setSceneRect(bounds.adjusted(-200, -200, 400, 400))

    def content_rect(self) -> QRectF:
        """The area holding the drawing (for export and zoom-to-fit)."""
        rect = QRectF()
        for item in self.items():
            if item.isVisible() and item.parentItem() is None:
                rect = rect.united(item.sceneBoundingRect())
        return rect if not rect.isNull() else QRectF(0, 0, 400, 300)

    # ------------------------------------------------------------------ findings
    def show_findings(self, findings) -> None:
        """Outline and badge every resource involved in a finding; clear the others."""
        by_id: dict[str, list] = {}
        for finding in findings:
            for rid in finding.resources:
                by_id.setdefault(rid, []).append(finding)
        for rid in set(self._findings_by_id) | set(by_id):
            item = self._items.get(rid)
            if item is not None:
                item.show_findings(by_id.get(rid, []))
        self._findings_by_id = by_id

    def findings_for(self, rid: str) -> list:
        return list(self._findings_by_id.get(rid, []))


def _parents_first(diagram: Diagram):
    stack = list(reversed(diagram.children(None)))
    while stack:
        record = stack.pop()
        yield record
        stack.extend(reversed(diagram.children(record.id)))
