"""The canvas scene: a mirror of the diagram.

The scene keeps an item for every resource and a line for every drawn reference and connection,
and updates them from the diagram's change sets. It never changes the model: editing goes through
undo commands (see ``editor/commands.py``), the model announces the change, and the scene follows.

Work per change is proportional to what changed: lines are indexed by the resources at their ends,
findings are applied as deltas, and only subtitles that can depend on the change are recomputed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from model import kinds as _kinds
from model import queries as q
from model.diagram import Diagram
from model.events import ChangeSet
from model.i18n import relation_label
from model.resources import Resource

from . import styles
from .items import ContainerItem, DiagramItem, LineLayer, ReferenceItem, ResourceItem
from .items.far_titles import FarTitleLayer
from .labels import subtitle
from .translations import current_language

__all__ = ["DiagramScene"]

#: Kinds whose subtitle or look depends on other resources: a subnet shows its route table and
#: whether it is public; a certificate shows the Region it is drawn in.
_ROUTING_KINDS = frozenset({"RouteTable", "InternetGateway", "Subnet", "Vpc", "AvailabilityZone"})
_MARGIN = 400.0


class DiagramScene(QGraphicsScene):
    """Items for one diagram. ``item_for(id)`` and ``item.rid`` map both ways."""

    #: Emitted after the scene has caught up with a change set.
    synced = Signal()

    def __init__(self, diagram: Diagram, parent=None, *, item_cache: bool = False):
        super().__init__(parent)
        self.diagram = diagram
        #: Keep each item's picture on screen (repaints blit instead of calling paint); only for
        #: interactive views: export must paint vectors.
        self.item_cache = item_cache
        self._items: dict[str, DiagramItem] = {}
        self._lines: dict[tuple, ReferenceItem] = {}
        self._lines_at: dict[str, set[tuple]] = {}
        self._findings_by_id: dict[str, set] = {}
        #: Paints every line (the line items only hold geometry, selection and tooltips).
        self._line_layer = LineLayer(self._lines)
        self.addItem(self._line_layer)
        #: Paints the boxes' names when zoomed far out.
        self._far_titles = FarTitleLayer(self._items)
        self.addItem(self._far_titles)
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

    def line_for(self, key: tuple) -> ReferenceItem | None:
        return self._lines.get(key)

    def lines_at(self, rid: str) -> list[ReferenceItem]:
        """Lines with ``rid`` at either end."""
        return [self._lines[k] for k in self._lines_at.get(rid, ()) if k in self._lines]

    def selected_ids(self) -> list[str]:
        return [item.rid for item in self.selectedItems() if isinstance(item, DiagramItem)]

    def containers_at(self, pos: QPointF, exclude: set[str] = frozenset()) -> list[ContainerItem]:
        """Containers whose box holds ``pos`` (scene coordinates), innermost first, leaving out
        ``exclude`` and everything inside it. Uses the scene's index: O(log n + hits)."""
        found = []
        for item in self.items(pos, Qt.IntersectsItemBoundingRect):
            if isinstance(item, ContainerItem) and item.scene_rect().contains(pos):
                if not (exclude and self._inside_any(item, exclude)):
                    found.append(item)
        found.sort(key=lambda c: -_depth(c))
        return found

    def _inside_any(self, item: DiagramItem, ids: set[str]) -> bool:
        node = item
        while node is not None:
            if isinstance(node, DiagramItem) and node.rid in ids:
                return True
            node = node.parentItem()
        return False

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
        self._lines_at.clear()
        for record in _parents_first(self.diagram):
            self._create_item(record)
        for record in self.diagram:
            self._sync_lines_from(record.id)
        for relation in self.diagram.relations():
            self._sync_connection(relation.id)
        self._update_scene_rect(full=True)
        self._far_titles.invalidate()

    def _create_item(self, record: Resource) -> DiagramItem:
        parent = self._items.get(record.parent) if record.parent else None
        text = subtitle(self.diagram, record)
        if _kinds.kind(record.kind).container:
            item: DiagramItem = ContainerItem(record, text, parent, self._style_key(record))
        else:
            item = ResourceItem(record, text, parent)
        if self.item_cache:
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        if parent is None:
            self.addItem(item)
        self._items[record.id] = item
        self._place(item)
        item.show_findings(list(self._findings_by_id.get(record.id, ())))
        return item

    def _place(self, item: DiagramItem) -> None:
        g = self.diagram.geometry(item.rid)
        if g is None:
            return
        item.setPos(g.x, g.y)
        if isinstance(item, ContainerItem) and g.w > 0 and g.h > 0:
            item.set_size(g.w, g.h)

    def restore(self, ids) -> None:
        """Put items back where the model says they are (after a refused or cancelled drag)."""
        for rid in ids:
            item = self._items.get(rid)
            if item is not None:
                self._place(item)
        self._refresh_lines_near(set(ids))

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
        sources = set(change.added) | set(change.properties) | set(change.reparented)
        for rid in change.added:  # references waiting for this resource (a restored NAT gateway)
            sources.update(source for source, _, _ in self.diagram.references_to(rid))
        for rid in sources:
            if rid in self.diagram:
                self._sync_lines_from(rid)
        for relation_id in change.relations_added:
            self._sync_connection(relation_id)
        if moved:
            self._refresh_lines_near(moved)
        if not change.is_layout_only:
            self._refresh_subtitles(change)
        if change.added or change.geometry or change.reparented:
            self._update_scene_rect(ids=set(change.added) | set(change.geometry) | set(change.reparented))
        if change.added or change.removed or change.geometry or change.reparented:
            touched = set(change.added) | set(change.removed) | set(change.geometry) | set(change.reparented)
            touched.update(old for old, _new in change.reparented.values() if old)
            touched.update(record.parent for record in change.removed.values() if record.parent)
            self._far_titles.invalidate(touched | {self.diagram[r].parent for r in touched
                                                   if r in self.diagram and self.diagram[r].parent})
        self.synced.emit()

    def _remove_item(self, rid: str) -> None:
        item = self._items.pop(rid, None)
        if item is None:
            return
        self._far_titles.forget(rid)
        for key in list(self._lines_at.get(rid, ())):
            self._remove_line(key)
        for child in item.childItems():  # contents already removed by the model come first
            if isinstance(child, DiagramItem):
                child.setParentItem(None)
        if item.scene() is self:
            self.removeItem(item)

    def _add_line(self, key: tuple, line: ReferenceItem) -> None:
        self.addItem(line)
        self._lines[key] = line
        for end in (line.source_id, line.target_id):
            if end:
                self._lines_at.setdefault(end, set()).add(key)

    def _remove_line(self, key: tuple) -> None:
        line = self._lines.pop(key, None)
        if line is None:
            return
        for end in (line.source_id, line.target_id):
            keys = self._lines_at.get(end)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._lines_at[end]
        if line.scene() is self:
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
        for key in [k for k in self._lines_at.get(rid, ()) if k[0] == rid and k not in wanted]:
            self._remove_line(key)
        for key, (target, relation) in wanted.items():
            line = self._lines.get(key)
            if line is None or line.target_id != target:
                self._remove_line(key)
                line = ReferenceItem(key, relation, styles.reference_pen(relation), self._line_layer)
                line.target_id = target
                self._add_line(key, line)
            line.setToolTip(f"{record.label} {relation_label(relation, current_language())} "
                            f"{q.display(self.diagram, target)}")
            self._route(line, rid, target)

    def _sync_connection(self, relation_id: str) -> None:
        relation = self.diagram.relation(relation_id)
        if relation is None:
            return
        key = ("relation", relation_id)
        line = self._lines.get(key)
        if line is None:
            line = ReferenceItem(key, "connection", styles.connection_pen(), self._line_layer)
            line.source_id, line.target_id = relation.source, relation.target
            self._add_line(key, line)
        port = relation.get("port")
        what = f"{relation.get('protocol', 'tcp')}/{port}" if port else \
            QCoreApplication.translate("DiagramScene", "any port")
        line.setToolTip(QCoreApplication.translate("DiagramScene", "Connection: %1 → %2 on %3")
                        .replace("%1", q.display(self.diagram, relation.source))
                        .replace("%2", q.display(self.diagram, relation.target)).replace("%3", what))
        self._route(line, relation.source, relation.target)

    def _route(self, line: ReferenceItem, source: str, target: str) -> None:
        a, b = self._items.get(source), self._items.get(target)
        line.ends_shown = a is not None and b is not None
        line.setVisible(line.ends_shown)
        if line.ends_shown:
            line.connect(a, b)

    def _refresh_lines_near(self, ids: set[str]) -> None:
        """Re-route every line touching ``ids`` or anything inside them. Cost: O(subtrees + their
        lines)."""
        affected = set(ids)
        for rid in ids:
            item = self._items.get(rid)
            if isinstance(item, ContainerItem) and rid in self.diagram:
                affected.update(r.id for r in self.diagram.descendants(rid))
        keys = set()
        for rid in affected:
            keys.update(self._lines_at.get(rid, ()))
        for key in keys:
            line = self._lines[key]
            self._route(line, line.source_id, line.target_id)

    def refresh_lines_for_items(self, items) -> None:
        """Re-route lines while items are dragged (visual only; the model is untouched)."""
        self._refresh_lines_near({i.rid for i in items if isinstance(i, DiagramItem)})

    def retranslate(self) -> None:
        """Subtitles, tooltips and line tooltips again, in the current language."""
        self._refresh_subtitles()
        for item in self._items.values():
            item.retranslate()
        for record in self.diagram:
            self._sync_lines_from(record.id)
        for relation in self.diagram.relations():
            self._sync_connection(relation.id)

    def _refresh_subtitles(self, change: ChangeSet | None = None) -> None:
        """Recompute subtitles (and subnet colours) that may depend on what changed: every subnet
        when routing changed, certificates when containers moved, and the changed resources."""
        if change is None:
            ids = list(self._items)
        else:
            kinds = {r.kind for r in change.added.values()} | {r.kind for r in change.removed.values()}
            kinds |= {self.diagram[rid].kind for rid in list(change.properties) + list(change.reparented)
                      if rid in self.diagram}
            ids = set(change.added) | set(change.properties) | set(change.reparented)
            # A subnet's subtitle reads its route table, that table's targets and its VPC, never
            # another subnet: a change of subnets alone (a dropped subnet) recomputes only those.
            if (kinds & _ROUTING_KINDS or change.reparented) and kinds != {"Subnet"}:
                ids.update(r.id for r in self.diagram.of_kind("Subnet"))
            if change.reparented or "Region" in kinds:
                ids.update(r.id for r in self.diagram.of_kind("AcmCertificate"))
        for rid in ids:
            item = self._items.get(rid)
            record = self.diagram.get(rid)
            if item is None or record is None:
                continue
            item.show_record(record, subtitle(self.diagram, record))
            if isinstance(item, ContainerItem):
                item.set_style_key(self._style_key(record))

    def _update_scene_rect(self, ids: set[str] | None = None, full: bool = False) -> None:
        """Keep room around the drawing. A full pass measures everything; after an edit only the
        changed items are measured and the area only grows (so the view does not jump)."""
        if full:
            bounds = self.content_rect() if self._items else QRectF(0, 0, 800, 600)
            self.setSceneRect(bounds.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN))
            return
        rect = self.sceneRect()
        for rid in ids or ():
            item = self._items.get(rid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect().adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN))
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def content_rect(self) -> QRectF:
        """The area holding the drawing (for export and zoom-to-fit)."""
        rect = QRectF()
        for item in self._items.values():
            if item.parentItem() is None and item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        for line in self._lines.values():
            if line.ends_shown:
                rect = rect.united(line.sceneBoundingRect())
        return rect if not rect.isNull() else QRectF(0, 0, 400, 300)

    # ------------------------------------------------------------------ findings
    def show_findings(self, findings) -> None:
        """Outline and badge every resource involved in a finding.

        ``findings`` is either the complete list (every other resource is cleared) or a
        ``FindingsDelta`` with ``added`` and ``removed`` sets, applied incrementally; applying the
        same delta twice changes nothing, so more than one listener may forward it.
        """
        if hasattr(findings, "added") and hasattr(findings, "removed"):
            touched: set[str] = set()
            for finding in findings.removed:
                for rid in finding.resources:
                    bucket = self._findings_by_id.get(rid)
                    if bucket is not None and finding in bucket:
                        bucket.discard(finding)
                        touched.add(rid)
                        if not bucket:
                            del self._findings_by_id[rid]
            for finding in findings.added:
                for rid in finding.resources:
                    bucket = self._findings_by_id.setdefault(rid, set())
                    if finding not in bucket:
                        bucket.add(finding)
                        touched.add(rid)
        else:
            by_id: dict[str, set] = {}
            for finding in findings:
                for rid in finding.resources:
                    by_id.setdefault(rid, set()).add(finding)
            touched = {rid for rid in set(self._findings_by_id) | set(by_id)
                       if self._findings_by_id.get(rid) != by_id.get(rid)}
            self._findings_by_id = by_id
        for rid in touched:
            item = self._items.get(rid)
            if item is not None:
                item.show_findings(list(self._findings_by_id.get(rid, ())))

    def findings_for(self, rid: str) -> list:
        return list(self._findings_by_id.get(rid, ()))


def _depth(item) -> int:
    depth = 0
    node = item.parentItem()
    while node is not None:
        depth += 1
        node = node.parentItem()
    return depth


def _parents_first(diagram: Diagram):
    stack = list(reversed(diagram.children(None)))
    while stack:
        record = stack.pop()
        yield record
        stack.extend(reversed(diagram.children(record.id)))
