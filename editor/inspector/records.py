"""A table editor for lists of small records: routes, security-group and ACL rules, listeners, origins,
containers, subscriptions...

Each cell holds the editor its sub-field's type calls for (a drop-down for a choice or a reference, a
spin box for a port, a checked line for a CIDR). A sub-field that is itself a list (a listener's
rules, a policy statement's actions) opens in a small dialog. Rows can be added, removed and moved;
every change commits the whole list as one value, so it is one undo step.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QToolButton, QVBoxLayout, QWidget)

from model.frozen import thaw
from model.schema import Field, FieldType, Unresolved

from .editors import MIXED, FieldEditor, NetworkEditor, UnresolvedView
from .field_labels import display_help, display_label

__all__ = ["RecordsEditor"]

#: Builds the editor for one field (the inspector's factory, passed in to avoid an import cycle).
EditorFactory = Callable[[Field, bool], QWidget]
_ROW_PROPERTY = "kumozu_row"
_NESTED = (FieldType.RECORDS, FieldType.STR_LIST, FieldType.CIDR4_LIST, FieldType.REF_LIST,
           FieldType.ANY, FieldType.TEXT)


class RecordsEditor(FieldEditor):
    def __init__(self, field: Field, make_editor: EditorFactory, parent=None):
        super().__init__(field, parent)
        self._make_editor = make_editor
        self._records: list[dict] = []
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.table = QTableWidget(0, len(field.fields))
        self.table.setHorizontalHeaderLabels([display_label(f) for f in field.fields])
        for column, sub in enumerate(field.fields):
            item = self.table.horizontalHeaderItem(column)
            item.setToolTip(display_help(sub) or display_label(sub))
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c; font-size: 8pt;")
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button(self.tr("+ Add"), self.tr("Add a row to %1").replace(
            "%1", display_label(field)), self.add_row)
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the selected row"),
                                          self.remove_row)
        self.up_button = self._button("↑", self.tr("Move the selected row up"), lambda: self.move_row(-1))
        self.down_button = self._button("↓", self.tr("Move the selected row down"),
                                        lambda: self.move_row(1))
        self.expand_button = self._button("⤢", self.tr("Edit in a larger window"), self.open_large)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.expand_button)
        box.addWidget(self.table)
        box.addWidget(self.message)
        box.addLayout(buttons)
        self.layout().addLayout(box)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # Cell editors take the clicks, so the row whose editor gets the focus is the selected row
        # (what Remove and the arrows act on).
        if event.type() == QEvent.FocusIn:
            row = watched.property(_ROW_PROPERTY)
            if isinstance(row, int) and self._selected_row() != row:
                self.table.selectRow(row)
        return super().eventFilter(watched, event)

    def _watch_focus(self, cell: QWidget, row: int) -> None:
        for widget in [cell] + cell.findChildren(QWidget):
            widget.setProperty(_ROW_PROPERTY, row)
            widget.installEventFilter(self)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ showing
    def _show(self, value: Any) -> None:
        self._records = [dict(thaw(r)) for r in value] if isinstance(value, (list, tuple)) else []
        self.table.setRowCount(0)
        for row, record in enumerate(self._records):
            self.table.insertRow(row)
            for column, sub in enumerate(self.field.fields):
                self.table.setCellWidget(row, column, self._cell(row, sub, record.get(sub.name)))
        header = self.table.horizontalHeader()
        if self.table.columnCount() <= 3:  # a narrow table fits the inspector: share its width
            header.setSectionResizeMode(QHeaderView.Stretch)
        else:  # a wide one scrolls sideways (and opens larger with the ⤢ button)
            self.table.resizeColumnsToContents()
            for column in range(self.table.columnCount()):
                self.table.setColumnWidth(column, max(90, min(220, self.table.columnWidth(column) + 12)))
        rows = max(1, len(self._records))
        header = self.table.horizontalHeader().height() or 24
        self.table.setFixedHeight(min(300, header + rows * 30 + 18))
        self._update_buttons()
        self.message.hide()

    def _cell(self, row: int, sub: Field, value: Any) -> QWidget:
        cell = self._make_cell(row, sub, value)
        self._watch_focus(cell, row)
        return cell

    def _make_cell(self, row: int, sub: Field, value: Any) -> QWidget:
        if isinstance(value, Unresolved):
            return UnresolvedView(value)
        if sub.type in _NESTED:
            button = QToolButton()
            button.setText(_summary(sub, value))
            button.setToolTip(self.tr("Edit %1").replace("%1", display_label(sub)))
            button.clicked.connect(lambda _=False, r=row, s=sub: self._edit_nested(r, s))
            return button
        editor = self._make_editor(sub, True)
        editor.set_value(value)
        editor.committed.connect(lambda v, continuous, r=row, s=sub, e=editor:
                                 self._cell_committed(r, s.name, v, continuous, e))
        if isinstance(editor, NetworkEditor):
            editor.line.textEdited.connect(lambda _t, e=editor: self._show_problem(e))
        editor.navigate_requested.connect(self.navigate_requested.emit)
        return editor

    def _show_problem(self, editor: NetworkEditor) -> None:
        self.message.setText(editor.check.message if not editor.check.ok else "")
        self.message.setVisible(not editor.check.ok)

    # ------------------------------------------------------------------ editing
    def _cell_committed(self, row: int, name: str, value: Any, continuous: bool, editor) -> None:
        if row >= len(self._records):
            return
        self._records[row][name] = value
        self.session = editor.session  # typing in one cell merges; a different cell starts anew
        self._commit([dict(r) for r in self._records], continuous)

    def _edit_nested(self, row: int, sub: Field) -> None:
        dialog = QDialog(self)
        owner = display_label(self.field)
        dialog.setWindowTitle(self.tr("%1 — row %2 of %3").replace("%1", display_label(sub))
                              .replace("%2", str(row + 1)).replace("%3", owner))
        layout = QVBoxLayout(dialog)
        editor = self._make_editor(sub, False)
        editor.set_value(self._records[row].get(sub.name))
        result: dict = {}
        editor.committed.connect(lambda v, _c: result.update(value=v))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(editor)
        layout.addWidget(buttons)
        dialog.resize(560, 320)
        if dialog.exec() == QDialog.Accepted and "value" in result:
            self._records[row][sub.name] = result["value"]
            self.end_session()
            self._commit([dict(r) for r in self._records], False)

    def add_row(self) -> None:
        self._records.append(dict(thaw(self.field.new_record())))
        self._commit([dict(r) for r in self._records], False)
        self._show(self._records)
        self.table.selectRow(len(self._records) - 1)

    def remove_row(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        del self._records[row]
        self._commit([dict(r) for r in self._records], False)
        self._show(self._records)
        if self._records:
            self.table.selectRow(min(row, len(self._records) - 1))

    def move_row(self, step: int) -> None:
        row = self._selected_row()
        if row is None or not 0 <= row + step < len(self._records):
            return
        self._records.insert(row + step, self._records.pop(row))
        self._commit([dict(r) for r in self._records], False)
        self._show(self._records)
        self.table.selectRow(row + step)

    def open_large(self) -> None:
        """The same table in a resizable window, for rules with many columns."""
        dialog = QDialog(self)
        dialog.setWindowTitle(display_label(self.field))
        layout = QVBoxLayout(dialog)
        large = RecordsEditor(self.field, self._make_editor)
        large.expand_button.hide()
        large.set_value(self._records)
        large.committed.connect(self._large_committed)
        large.navigate_requested.connect(self.navigate_requested.emit)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(dialog.reject)
        layout.addWidget(large)
        layout.addWidget(close)
        dialog.resize(960, 420)
        dialog.exec()

    def _large_committed(self, value: Any, continuous: bool) -> None:
        self._commit(value, continuous)
        self._show(value)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        current = self.table.currentRow()
        return current if current >= 0 else None

    def _update_buttons(self) -> None:
        has_row = self._selected_row() is not None
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row)
        self.down_button.setEnabled(has_row)
        self.add_button.setEnabled(self._value is not MIXED)


def _summary(sub: Field, value: Any) -> str:
    if sub.type is FieldType.ANY:
        return QCoreApplication.translate("RecordsEditor", "view…")
    if sub.type is FieldType.TEXT:
        text = str(value or "")
        return (text[:18] + "…") if len(text) > 18 else (text or QCoreApplication.translate("RecordsEditor",
                                                                                             "edit…"))
    items = list(value or ())
    if sub.type in (FieldType.STR_LIST, FieldType.CIDR4_LIST) and 0 < len(items) <= 2:
        return ", ".join(str(i) for i in items) + " …"
    if len(items) == 1:
        return QCoreApplication.translate("RecordsEditor", "%1 item…").replace("%1", "1")
    return QCoreApplication.translate("RecordsEditor", "%1 items…").replace("%1", str(len(items)))
