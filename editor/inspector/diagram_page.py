"""The inspector page shown when nothing is selected: the design's own settings and a summary."""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from model import edits
from model.events import ChangeSet
from model.i18n import category_label, kind_label
from model.kinds import kind
from model.kinds.networking import REGIONS
from model.schema import Field, FieldType

from ..commands import MERGE_PROPERTY
from ..translations import current_language
from .editors import FieldEditor, LongTextEditor, TextEditor
from .field_labels import display_help, display_label
from .resource_page import section_label

__all__ = ["DiagramPage", "SETTINGS"]

ENVIRONMENTS = ("production", "staging", "development", "test", "workshop")

#: The design's settings, edited like fields (they are stored as diagram metadata).
SETTINGS = (
    Field("title", FieldType.STR, "", label=QT_TRANSLATE_NOOP("Fields", "Title"),
          help=QT_TRANSLATE_NOOP("Fields", "Shown in exports and the window title.")),
    Field("region", FieldType.STR, "us-east-1", label=QT_TRANSLATE_NOOP("Fields", "Region"),
          suggestions=REGIONS,
          help=QT_TRANSLATE_NOOP("Fields", "The Region of resources drawn outside any Region container.")),
    Field("environment", FieldType.STR, "production", label=QT_TRANSLATE_NOOP("Fields", "Environment"),
          suggestions=ENVIRONMENTS),
    Field("description", FieldType.TEXT, "", label=QT_TRANSLATE_NOOP("Fields", "Description")),
)


class DiagramPage(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = escape(self.tr("Design settings"))
        heading = QLabel(f"<b style='font-size:11pt'>{title}</b><br/>"
                         "<span style='color:#55636b'>"
                         + escape(self.tr("Nothing is selected. Select a resource on the canvas to edit "
                                          "it, or drag one in from the palette.")) + "</span>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for field in SETTINGS:
            editor = LongTextEditor(field) if field.type is FieldType.TEXT else TextEditor(field)
            editor.setToolTip(display_help(field))
            editor.set_value(document.diagram.metadata(field.name) or "")
            editor.committed.connect(lambda v, continuous, f=field, e=editor:
                                     self._commit(f.name, v, continuous, e))
            self.editors[field.name] = editor
            form.addRow(display_label(field), editor)
        layout.addLayout(form)
        layout.addWidget(section_label(self.tr("Contents")))
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
            self.summary.setText("<span style='color:#55636b'>"
                                 + self.tr("The canvas is empty. A network usually starts with a VPC: drag "
                                           "one from <i>%1</i>, then put Availability Zones and subnets "
                                           "inside it.").replace("%1", category_label("Networking",
                                                                                      current_language()))
                                 + "</span>")
            return
        counts = Counter(r.kind for r in diagram)
        severities = Counter(f.severity.value for f in self.document.findings)
        relations = len(diagram.relations())
        lines = [self.tr("%n resource(s)", "", len(diagram)) + self.tr(", ")
                 + self.tr("%n connection(s)", "", relations),
                 self.tr("%n error(s)", "", severities.get("error", 0)) + self.tr(", ")
                 + self.tr("%n warning(s)", "", severities.get("warning", 0)) + self.tr(", ")
                 + self.tr("%n note(s)", "", severities.get("info", 0))]
        language = current_language()
        if language == "en":
            top = ", ".join(f"{n} {kind(k).label}{'s' if n != 1 and not kind(k).label.endswith('s') else ''}"
                            for k, n in counts.most_common(6))
        else:
            top = self.tr(", ").join(self.tr("%1 × %2").replace("%1", kind_label(k, language))
                                     .replace("%2", str(n)) for k, n in counts.most_common(6))
        lines.append(f"<span style='color:#55636b'>{top}</span>")
        self.summary.setText("<br/>".join(lines))
