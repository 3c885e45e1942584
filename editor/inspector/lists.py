"""Editors for list fields: a list of texts or CIDR blocks, and a list of references.

A text list shows one line per item with buttons to add, remove and reorder; CIDR items are checked
as they are typed like single CIDR fields, and the list is committed only when every item is valid.
Empty lines are not committed (a new line stays on screen until something is typed into it).
A reference list shows every resource that may be named, with a check box each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QToolButton, QVBoxLayout, QWidget)

from model.i18n import kind_label
from model.schema import Field, FieldType, Unresolved

from .checks import check_text
from ..translations import current_language
from .editors import INVALID_STYLE, MIXED, WARNING_STYLE, Candidates, FieldEditor
from .field_labels import display_label

__all__ = ["TextListEditor", "RefListEditor"]


class _Row(QWidget):
    def __init__(self, owner: "TextListEditor", value: Any):
        super().__init__()
        self.owner = owner
        self.unresolved = value if isinstance(value, Unresolved) else None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit(str(value))
        self.line.setReadOnly(self.unresolved is not None)
        if owner.field.type is FieldType.CIDR4_LIST:
            self.line.setPlaceholderText(QCoreApplication.translate("FieldEditor", "e.g. %1").replace(
                "%1", "10.1.0.0/16"))
        self.line.textEdited.connect(lambda _t: owner._rows_edited(True))
        self.line.editingFinished.connect(owner.end_session)
        layout.addWidget(self.line, 1)
        for text, tip, slot in (("↑", self.tr("Move up"), owner._move_up),
                                ("↓", self.tr("Move down"), owner._move_down),
                                ("✕", self.tr("Remove"), owner._remove)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, s=slot: s(self))
            layout.addWidget(button)

    def item(self) -> Any:
        return self.unresolved if self.unresolved is not None else self.line.text().strip()


class TextListEditor(FieldEditor):
    """A list of texts (STR_LIST) or IPv4 blocks (CIDR4_LIST)."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c; font-size: 8pt;")
        self.message.hide()
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("+ Add"))
        self.add_button.setToolTip(self.tr("Add an item to %1").replace("%1", display_label(field)))
        self.add_button.clicked.connect(self.add_row)
        box.addLayout(self.rows_box)
        box.addWidget(self.message)
        box.addWidget(self.add_button, 0, Qt.AlignLeft)
        self.layout().addLayout(box)
        self.rows: list[_Row] = []

    @property
    def is_valid(self) -> bool:
        return all(check_text(self.field.type, r.line.text()).ok for r in self.rows if not r.unresolved)

    def _show(self, value: Any) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        if value is MIXED:
            self.message.setText(self.tr("The selected resources differ here."))
            self.message.show()
            return
        for item in value or ():
            self._append(item)
        self._mark()

    def add_row(self) -> None:
        row = self._append("")
        row.line.setFocus()

    def _append(self, item: Any) -> _Row:
        row = _Row(self, item)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        return row

    def _remove(self, row: _Row) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._rows_edited(False)

    def _move_up(self, row: _Row) -> None:
        self._move(row, -1)

    def _move_down(self, row: _Row) -> None:
        self._move(row, 1)

    def _move(self, row: _Row, step: int) -> None:
        index = self.rows.index(row)
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        self.rows.insert(target, self.rows.pop(index))
        self.rows_box.removeWidget(row)
        self.rows_box.insertWidget(target, row)
        self._rows_edited(False)

    def _rows_edited(self, continuous: bool) -> None:
        if not self._mark():
            return
        items = [row.item() for row in self.rows]
        self._commit([i for i in items if isinstance(i, Unresolved) or i], continuous)

    def _mark(self) -> bool:
        """Colour each row by its check; say why the first bad one is refused. True if all pass."""
        first_problem = ""
        all_ok = True
        for row in self.rows:
            if row.unresolved is not None:
                row.line.setStyleSheet("color: #6a1b9a; font-style: italic;")
                continue
            check = check_text(self.field.type, row.line.text())
            if not check.ok:
                row.line.setStyleSheet(f"QLineEdit {{{INVALID_STYLE}}}")
                all_ok = False
            elif check.is_warning:
                row.line.setStyleSheet(f"QLineEdit {{{WARNING_STYLE}}}")
            else:
                row.line.setStyleSheet("")
            row.line.setToolTip(check.message)
            if check.message and not first_problem:
                first_problem = check.message
        self.message.setText(first_problem)
        self.message.setVisible(bool(first_problem))
        return all_ok


class RefListEditor(FieldEditor):
    """A list of references, picked with check boxes from the resources of the allowed kinds."""

    def __init__(self, field: Field, candidates: Candidates, parent=None):
        super().__init__(field, parent)
        self._candidates = candidates
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(self._changed)
        self.list.itemDoubleClicked.connect(self._navigate)
        self.list.setToolTip(self.tr("Tick the resources to include; double-click one to select it on the "
                                     "canvas."))
        self.layout().addWidget(self.list)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #55636b;")
        self.empty.setWordWrap(True)
        self.layout().addWidget(self.empty)
        self.refresh_candidates()

    def refresh_candidates(self) -> None:
        self._updating = True
        try:
            self._fill(self._value)
        finally:
            self._updating = False

    def checked_ids(self) -> list[Any]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.Checked:
                out.append(item.data(Qt.UserRole))
        return out

    def _show(self, value: Any) -> None:
        self._fill(value)

    def _fill(self, value: Any) -> None:
        current = list(value) if isinstance(value, (list, tuple)) else []
        with QSignalBlocker(self.list):
            self.list.clear()
            known = set()
            for rid, label, _kind in self._candidates(self.field.ref_kinds):
                self._add(label if label == rid else f"{label}  ({rid})", rid, rid in current)
                known.add(rid)
            for item in current:
                if isinstance(item, Unresolved):
                    entry = self._add(str(item), item, True)
                    entry.setFlags(entry.flags() & ~Qt.ItemIsUserCheckable & ~Qt.ItemIsEnabled)
                elif item not in known:
                    self._add(self.tr("%1 (missing)").replace("%1", str(item)), item, True)
            if value is MIXED:
                for i in range(self.list.count()):
                    self.list.item(i).setCheckState(Qt.PartiallyChecked)
        count = self.list.count()
        language = current_language()
        kinds = self.tr(" or ").join(kind_label(k, language) for k in self.field.ref_kinds)
        self.empty.setText(self.tr("No %1 in the design yet.").replace("%1", kinds) if count == 0 else "")
        self.empty.setVisible(count == 0)
        self.list.setVisible(count > 0)
        self.list.setFixedHeight(min(150, 6 + max(1, count) * (self.list.sizeHintForRow(0) or 20)))

    def _add(self, text: str, data: Any, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.UserRole, data)
        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable)
        item.setCheckState(Qt.Checked if checked else Qt.Unchecked)
        self.list.addItem(item)
        return item

    def _changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        checked = self.checked_ids()
        before = list(self._value) if isinstance(self._value, (list, tuple)) else []
        # Keep the order the list had (the first subnet may matter) and append new picks.
        ordered = [v for v in before if v in checked] + [v for v in checked if v not in before]
        self._commit(ordered, False)

    def _navigate(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.UserRole)
        if isinstance(data, str) and data:
            self.navigate_requested.emit(data)
