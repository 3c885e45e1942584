"""The inspector page shown when nothing is selected: the design's own settings and a summary."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from model import edits
from model.events import ChangeSet
from model.kinds import kind
from model.kinds.networking import REGIONS
from model.schema import Field, FieldType

from ..commands import MERGE_PROPERTY
from .editors import FieldEditor, LongTextEditor, TextEditor
from .resource_page import section_label

__all__ = ["DiagramPage", "SETTINGS"]

ENVIRONMENTS = ("production", "staging", "development", "test", "workshop")

#: The design's settings, edited like fields (they are stored as diagram metadata).
SETTINGS = (
    Field("title", FieldType.STR, "", label="Title", help="Shown in exports and the window title."),
    Field("region", FieldType.STR, "us-east-1", label="Region", suggestions=REGIONS,
          help="The Region of resources drawn outside any Region container."),
    Field("environment", FieldType.STR, "production", label="Environment", suggestions=ENVIRONMENTS),
    Field("description", FieldType.TEXT, "", label="Description"),
)


class DiagramPage(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        heading = QLabel("<b style='font-size:11pt'>Design settings</b><br/>"
                         "<span style='color:#55636b'>Nothing is selected. Select a resource on the "
                         "canvas to edit it, or drag one in from the palette.</span>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for field in SETTINGS:
            editor = LongTextEditor(field) if field.type is FieldType.TEXT else TextEditor(field)
            editor.setToolTip(field.help)
            editor.set_value(document.diagram.metadata(field.name) or "")
            editor.committed.connect(lambda v, continuous, f=field, e=editor:
                                     self._commit(f.name, v, continuous, e))
            self.editors[field.name] = editor
            form.addRow(field.label, editor)
        layout.addLayout(form)
        layout.addWidget(section_label("Contents"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self._refresh_summary()

    def _commit(self, key: str, value: str, continuous: bool, editor: FieldEditor) -> None:
        edit = edits.set_metadata(self.document.diagram, key, value)
        merge = dict(merge_id=MERGE_PROPERTY, merge_key=("metadata", key, editor.session)) \
            if continuous else {}
        self.document.push(edit, **merge)

    def follow(self, change: ChangeSet) -> None:
        for key in change.metadata:
            editor = self.editors.get(key)
            if editor is not None:
                editor.set_value(self.document.diagram.metadata(key) or "")
        if change.added or change.removed or change.relations_added or change.relations_removed:
            self._refresh_summary()

    def refresh_findings(self) -> None:
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        diagram = self.document.diagram
        if len(diagram) == 0:
            self.summary.setText("<span style='color:#55636b'>The canvas is empty. A network usually "
                                 "starts with a VPC: drag one from <i>Networking</i>, then put "
                                 "Availability Zones and subnets inside it.</span>")
            return
        counts = Counter(r.kind for r in diagram)
        severities = Counter(f.severity.value for f in self.document.findings)
        relations = len(diagram.relations())
        lines = [f"{len(diagram)} resources, {relations} connection{'s' if relations != 1 else ''}",
                 f"{severities.get('error', 0)} errors, {severities.get('warning', 0)} warnings, "
                 f"{severities.get('info', 0)} notes"]
        top = ", ".join(f"{n} {kind(k).label}{'s' if n != 1 and not kind(k).label.endswith('s') else ''}"
                        for k, n in counts.most_common(6))
        lines.append(f"<span style='color:#55636b'>{top}</span>")
        self.summary.setText("<br/>".join(lines))
