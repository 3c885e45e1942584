"""The inspector page for selected resources: one resource's name and every field, or the fields several
selected resources share.

Each committed change is one undo step through :meth:`Document.push`; typing into one field folds
into a single step (the editor's session is part of the merge key). The page follows the model:
when a property changes (undo, redo, an edit elsewhere) only that field's editor is updated, so text
being typed into another field is never disturbed.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from model import edits
from model import kinds as _kinds
from model.events import ChangeSet
from model.i18n import kind_description, kind_label, relation_label
from model.naming import natural_key
from model.schema import Field, FieldType, Unresolved
from validators.i18n import finding_fix, finding_message

from ..commands import MERGE_PROPERTY
from ..icons import kind_pixmap
from ..styles import SEVERITY_COLOURS
from ..translations import current_language
from .editors import MIXED, FieldEditor, RefEditor, TextEditor, UnresolvedView
from .factory import SCALAR_TYPES, make_editor
from .field_labels import display_help, display_label
from .lists import RefListEditor

__all__ = ["ResourcePage", "NAME_FIELD", "section_label"]

NAME_FIELD = Field("name", FieldType.STR, "", label=QT_TRANSLATE_NOOP("Fields", "Name"),
                   help=QT_TRANSLATE_NOOP("Fields", "What people read on the canvas; the id stays the same."))
_WIDE = (FieldType.RECORDS, FieldType.REF_LIST, FieldType.STR_LIST, FieldType.CIDR4_LIST,
         FieldType.ANY)


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; color: #37474f; padding-top: 8px;")
    return label


class ResourcePage(QWidget):
    """Editors for the resources ``ids`` (all of which exist)."""

    #: Ids the user wants selected on the canvas (a reference's target, a referrer).
    navigate_requested = Signal(list)

    def __init__(self, document, ids: list[str], parent=None):
        super().__init__(parent)
        self.document = document
        self.ids = list(ids)
        self.editors: dict[str, FieldEditor] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(4)
        records = [document.diagram[i] for i in self.ids]
        self.kinds = [_kinds.kind(r.kind) for r in records]
        self._build_header(records)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight)
        self._layout.addLayout(self.form)
        if len(self.ids) == 1:
            self._add_field(NAME_FIELD, records[0].name)
        for field in self._fields():
            values = [r.properties.get(field.name) for r in records]
            self._add_field(field, values[0] if all(v == values[0] for v in values) else MIXED)
        self._add_skipped_note()
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.RichText)
        self.referrers_label = QLabel()
        self.referrers_label.setWordWrap(True)
        self.referrers_label.setTextFormat(Qt.RichText)
        self.referrers_label.linkActivated.connect(lambda rid: self.navigate_requested.emit([rid]))
        self._layout.addWidget(self.findings_label)
        self._layout.addWidget(self.referrers_label)
        self._layout.addStretch(1)
        self.refresh_findings()
        self._refresh_referrers()

    # ------------------------------------------------------------------ building
    def _build_header(self, records) -> None:
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(kind_pixmap(records[0].kind, 40))
        icon.setFixedSize(44, 44)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        row.addWidget(icon, 0, Qt.AlignTop)
        row.addWidget(self.title, 1)
        self._layout.addLayout(row)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setStyleSheet("color: #cfd8dc;")
        self._layout.addWidget(line)
        self._refresh_header()

    def _refresh_header(self) -> None:
        diagram = self.document.diagram
        if len(self.ids) == 1:
            record = diagram[self.ids[0]]
            language = current_language()
            path = " › ".join(a.label for a in reversed(diagram.ancestors(record.id)))
            where = self.tr("in %1").replace("%1", path) if path else \
                self.tr("on the canvas, outside every container")
            kind_text = escape(kind_label(record.kind, language))
            self.title.setText(f"<b style='font-size:11pt'>{escape(record.label)}</b><br/>"
                               f"<span style='color:#55636b'>{kind_text} · id "
                               f"<code>{escape(record.id)}</code><br/>{escape(where)}</span>")
            self.title.setToolTip(kind_description(record.kind, language))
            return
        language = current_language()
        counts = Counter(kind_label(diagram[i].kind, language) for i in self.ids)
        parts = ", ".join(f"{n} × {label}" for label, n in sorted(counts.items()))
        selected = escape(self.tr("%n resource(s) selected", "", len(self.ids)))
        self.title.setText(f"<b style='font-size:11pt'>{selected}</b><br/>"
                           f"<span style='color:#55636b'>{escape(parts)}</span>")

    def _fields(self) -> list[Field]:
        """Every field of one resource; for several, the simple fields all their kinds share."""
        if len(self.ids) == 1:
            return list(self.kinds[0].fields)
        first, *others = self.kinds
        shared = []
        for field in first.fields:
            if field.type not in SCALAR_TYPES:
                continue
            if all(_same_field(field, k.field(field.name)) for k in others):
                shared.append(field)
        return shared

    def _add_skipped_note(self) -> None:
        if len(self.ids) == 1:
            return
        shown = {f.name for f in self._fields()}
        names = {display_label(f) for k in self.kinds for f in k.fields if f.name not in shown}
        if names:
            note = QLabel(self.tr("Select one resource at a time to edit: %1.").replace(
                "%1", ", ".join(sorted(names))))
            note.setWordWrap(True)
            note.setStyleSheet("color: #55636b; font-size: 8pt;")
            self._layout.addWidget(note)

    def _add_field(self, field: Field, value: Any) -> None:
        if isinstance(value, Unresolved):
            view = UnresolvedView(value)
            self.form.addRow(self._label(field), view)
            return
        editor = TextEditor(field) if field is NAME_FIELD else make_editor(field, self._candidates)
        editor.set_value(value)
        if field is NAME_FIELD:
            # An empty name means "use the id"; apply that only when typing is over, so clearing
            # the field to type a new name does not bring the id back under the cursor.
            editor.line.setPlaceholderText(self.ids[0])
            editor.line.editingFinished.connect(lambda e=editor: self._name_finished(e))
        editor.committed.connect(lambda v, continuous, f=field, e=editor:
                                 self._commit(f, v, continuous, e))
        editor.navigate_requested.connect(lambda rid: self.navigate_requested.emit([rid]))
        self.editors[field.name] = editor
        if field.type in _WIDE:
            self.form.addRow(section_label(display_label(field)))
            self.form.addRow(editor)
        else:
            self.form.addRow(self._label(field), editor)

    def _label(self, field: Field) -> QLabel:
        label = QLabel(display_label(field))
        label.setToolTip(display_help(field))
        return label

    def _candidates(self, ref_kinds: tuple[str, ...]) -> list[tuple[str, str, str]]:
        diagram = self.document.diagram
        several = len(ref_kinds) > 1
        out = []
        for record in diagram.of_kind(*ref_kinds):
            if record.id in self.ids:
                continue
            label = record.label
            kind_name = kind_label(record.kind, current_language())
            if several and kind_name.casefold() not in label.casefold():
                label = f"{label} · {kind_name}"
            out.append((record.id, label, record.kind))
        return sorted(out, key=lambda c: natural_key(c[1]))

    # ------------------------------------------------------------------ committing
    def _name_finished(self, editor: TextEditor) -> None:
        if not editor.line.text().strip():
            self.document.push(edits.rename(self.document.diagram, self.ids[0], ""))
            editor.set_value(self.document.diagram[self.ids[0]].name)

    def _commit(self, field: Field, value: Any, continuous: bool, editor: FieldEditor) -> None:
        diagram = self.document.diagram
        if field is NAME_FIELD and not value.strip():
            return  # see _name_finished
        if field is NAME_FIELD:
            edit = edits.rename(diagram, self.ids[0], value)
        elif len(self.ids) == 1:
            edit = edits.set_property(diagram, self.ids[0], field.name, value)
        else:
            edit = edits.Composite(tuple(edits.set_property(diagram, i, field.name, value)
                                         for i in self.ids),
                                   f"Change {field.name} of {len(self.ids)} resources")
        merge = dict(merge_id=MERGE_PROPERTY, merge_key=(tuple(self.ids), field.name, editor.session)) \
            if continuous else {}
        if not self.document.push(edit, **merge):
            self._show_model_value(field.name)  # refused or no change: show what the model holds

    # ------------------------------------------------------------------ following the model
    def follow(self, change: ChangeSet) -> None:
        """Update the editors of properties ``change`` touched, and what depends on other resources
        (reference choices, the header, referrers)."""
        for rid in self.ids:
            for name in change.properties.get(rid, {}):
                self._show_model_value(name)
        if change.added or change.removed or any("name" in p for p in change.properties.values()):
            for editor in self.editors.values():
                if isinstance(editor, (RefEditor, RefListEditor)):
                    editor.refresh_candidates()
        if change.reparented or any("name" in change.properties.get(i, {}) for i in self.ids):
            self._refresh_header()
        if not change.is_layout_only:
            self._refresh_referrers()

    def _show_model_value(self, name: str) -> None:
        editor = self.editors.get(name)
        if editor is None:
            return
        diagram = self.document.diagram
        if name == "name":
            editor.set_value(diagram[self.ids[0]].name)
            return
        values = [diagram[i].properties.get(name) for i in self.ids]
        editor.set_value(values[0] if all(v == values[0] for v in values) else MIXED)

    def refresh_findings(self) -> None:
        ids = set(self.ids)
        findings = [f for f in self.document.findings if ids & set(f.resources)]
        if not findings:
            self.findings_label.setText("<span style='color:#2e7d32'>"
                                        + escape(self.tr("✓ No problems found here.")) + "</span>")
            return
        language = current_language()
        heading = escape(self.tr("Problems (%1)").replace("%1", str(len(findings))))
        rows = [f"<b>{heading}</b>"]
        for f in findings[:12]:
            colour = SEVERITY_COLOURS[f.severity.value]
            fix_text = finding_fix(f, language)
            fix_line = escape(self.tr("Fix: %1").replace("%1", fix_text))
            fix = f"<br/><span style='color:#55636b'>{fix_line}</span>" if fix_text else ""
            rows.append(f"<span style='color:{colour}'>●</span> <b>{escape(f.rule)}</b>: "
                        f"{escape(finding_message(f, language))}{fix}")
        if len(findings) > 12:
            rows.append(escape(self.tr("… and %1 more in the Problems panel.").replace(
                "%1", str(len(findings) - 12))))
        self.findings_label.setText("<br/>".join(rows))

    def _refresh_referrers(self) -> None:
        if len(self.ids) != 1:
            self.referrers_label.clear()
            return
        diagram = self.document.diagram
        entries = []
        for source, path, relation in sorted(diagram.references_to(self.ids[0])):
            label = diagram[source].label
            entries.append(f"<a href='{escape(source)}'>{escape(label)}</a> "
                           f"<span style='color:#55636b'>· "
                           f"{escape(relation_label(relation, current_language()))} "
                           f"<span style='color:#90a4ae'>({escape(path)})</span></span>")
        heading = escape(self.tr("Referred to by"))
        self.referrers_label.setText(f"<b>{heading}</b><br/>" + "<br/>".join(entries[:20])
                                     if entries else "")


def _same_field(a: Field, b: Field | None) -> bool:
    return (b is not None and a.type == b.type and a.choices == b.choices
            and a.ref_kinds == b.ref_kinds and a.minimum == b.minimum and a.maximum == b.maximum)
