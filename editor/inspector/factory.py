"""Which editor widget each field type gets."""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtWidgets import QPlainTextEdit

from model.frozen import thaw
from model.schema import Field, FieldType

from .editors import (MIXED, BoolEditor, Candidates, EnumEditor, FieldEditor, IntEditor, LongTextEditor,
                      NetworkEditor, RefEditor, TextEditor)
from .field_labels import display_help
from .lists import RefListEditor, TextListEditor
from .records import RecordsEditor

__all__ = ["make_editor", "OpaqueView", "SCALAR_TYPES"]

#: Types that several selected resources can be given one value of at once.
SCALAR_TYPES = (FieldType.STR, FieldType.TEXT, FieldType.INT, FieldType.BOOL, FieldType.ENUM,
                FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR, FieldType.DESTINATION, FieldType.REF)


class OpaqueView(FieldEditor):
    """Data Kumozu keeps without modelling it (a CloudFormation resource's unknown properties),
    shown as YAML, read-only: it is written back exactly as it was read."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFixedHeight(96)
        self.text.setToolTip(self.tr("Kept as it was read and written back unchanged."))
        self.layout().addWidget(self.text)

    def _show(self, value: Any) -> None:
        if value is MIXED:
            self.text.setPlainText(self.tr("(differs)"))
            return
        dumped = yaml.safe_dump(thaw(value), sort_keys=False, allow_unicode=True) if value else ""
        self.text.setPlainText(dumped.strip())


def make_editor(field: Field, candidates: Candidates, compact: bool = False) -> FieldEditor:
    """The editor for ``field``. ``compact`` editors sit in table cells: problems are shown by colour
    and tooltip rather than a line of text underneath."""
    t = field.type
    if t is FieldType.STR:
        editor: FieldEditor = TextEditor(field)
    elif t is FieldType.TEXT:
        editor = LongTextEditor(field)
    elif t is FieldType.INT:
        editor = IntEditor(field)
    elif t is FieldType.BOOL:
        editor = BoolEditor(field)
    elif t is FieldType.ENUM:
        editor = EnumEditor(field)
    elif t in (FieldType.CIDR4, FieldType.CIDR6, FieldType.CIDR, FieldType.DESTINATION):
        editor = NetworkEditor(field, show_message=not compact)
    elif t is FieldType.REF:
        editor = RefEditor(field, candidates)
    elif t is FieldType.REF_LIST:
        editor = RefListEditor(field, candidates)
    elif t in (FieldType.STR_LIST, FieldType.CIDR4_LIST):
        editor = TextListEditor(field)
    elif t is FieldType.RECORDS:
        editor = RecordsEditor(field, lambda sub, small: make_editor(sub, candidates, small))
    else:
        editor = OpaqueView(field)
    if field.help:
        editor.setToolTip(display_help(field))
    return editor
