"""The inspector page for a selected connection: "this should be able to talk to that on port P".

A connection is a relation, not a resource, so its protocol and port are changed by replacing the
relation with an edited copy (same id) in one undo step.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from model.edits import AddRelation, Composite, RemoveRelation
from model.events import ChangeSet
from model.frozen import freeze
from model.schema import Field, FieldType
from validators.i18n import finding_message

from ..commands import MERGE_PROPERTY
from ..translations import current_language
from .editors import EnumEditor, FieldEditor, IntEditor
from .field_labels import display_help, display_label

__all__ = ["ConnectionPage", "CONNECTION_FIELDS"]

CONNECTION_FIELDS = (
    Field("protocol", FieldType.ENUM, "tcp", label=QT_TRANSLATE_NOOP("Fields", "Protocol"),
          choices=("tcp", "udp", "icmp")),
    Field("port", FieldType.INT, 443, label=QT_TRANSLATE_NOOP("Fields", "Port"), minimum=0, maximum=65535,
          help=QT_TRANSLATE_NOOP("Fields", "The destination port the source should reach.")),
)


class ConnectionPage(QWidget):
    navigate_requested = Signal(list)

    def __init__(self, document, relation_id: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.relation_id = relation_id
        self.ids = [relation_id]
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        for field in CONNECTION_FIELDS:
            editor = EnumEditor(field) if field.type is FieldType.ENUM else IntEditor(field)
            editor.setToolTip(display_help(field))
            editor.committed.connect(lambda v, continuous, f=field, e=editor:
                                     self._commit(f.name, v, continuous, e))
            self.editors[field.name] = editor
            form.addRow(display_label(field), editor)
        layout.addLayout(form)
        ends = QWidget()
        row = QVBoxLayout(ends)
        row.setContentsMargins(0, 8, 0, 0)
        self.source_button = QPushButton()
        self.target_button = QPushButton()
        for button in (self.source_button, self.target_button):
            row.addWidget(button)
        layout.addWidget(ends)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        layout.addWidget(self.findings_label)
        layout.addStretch(1)
        self.source_button.clicked.connect(lambda: self.navigate_requested.emit([self._relation().source]))
        self.target_button.clicked.connect(lambda: self.navigate_requested.emit([self._relation().target]))
        self._show()
        self.refresh_findings()

    def _relation(self):
        return self.document.diagram.relation(self.relation_id)

    def _show(self) -> None:
        relation = self._relation()
        diagram = self.document.diagram
        source, target = diagram[relation.source].label, diagram[relation.target].label
        title = escape(self.tr("Connection"))
        self.title.setText(f"<b style='font-size:11pt'>{title}</b><br/>"
                           f"<span style='color:#55636b'>"
                           + escape(self.tr("%1 should reach %2").replace("%1", source).replace("%2", target))
                           + "</span>")
        self.source_button.setText(self.tr("Select the source: %1").replace("%1", source))
        self.target_button.setText(self.tr("Select the destination: %1").replace("%1", target))
        for field in CONNECTION_FIELDS:
            self.editors[field.name].set_value(relation.get(field.name, field.default))

    def _commit(self, name: str, value: Any, continuous: bool, editor: FieldEditor) -> None:
        old = self._relation()
        props = dict(old.properties)
        props[name] = value
        new = type(old)(old.id, old.kind, old.source, old.target, freeze(props))
        diagram = self.document.diagram
        label = f"Change {name} of connection {diagram[old.source].label} → {diagram[old.target].label}"
        edit = Composite((RemoveRelation(old), AddRelation(new)), label)
        merge = dict(merge_id=MERGE_PROPERTY, merge_key=("relation", old.id, name, editor.session)) \
            if continuous else {}
        self.document.push(edit, **merge)

    def follow(self, change: ChangeSet) -> None:
        if self.relation_id in change.relations_added or change.properties:
            if self._relation() is not None:
                self._show()

    def refresh_findings(self) -> None:
        relation = self._relation()
        ends = {relation.source, relation.target}
        findings = [f for f in self.document.findings if ends <= set(f.resources)]
        language = current_language()
        self.findings_label.setText("\n".join(f"● {f.rule}: {finding_message(f, language)}"
                                              for f in findings[:6]))
