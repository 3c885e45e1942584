"""One editor widget per simple field type: text, numbers, switches, choices, networks, references.

Every editor shows a model value with :meth:`FieldEditor.set_value` (which never commits) and
announces what the user made of it with :attr:`FieldEditor.committed` ``(value, continuous)``.
``continuous`` is true for typing, so the inspector folds a burst of keystrokes into one undo step;
:attr:`FieldEditor.session` changes whenever such a burst ends (focus left, Enter pressed).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QToolButton, QVBoxLayout, QWidget)

from model.frozen import freeze
from model.schema import Field, FieldType, Unresolved

from .checks import Check, check_text
from .field_labels import display_choice, display_help

__all__ = ["FieldEditor", "TextEditor", "LongTextEditor", "IntEditor", "BoolEditor", "EnumEditor",
           "NetworkEditor", "RefEditor", "UnresolvedView", "Candidates", "MIXED", "INVALID_STYLE",
           "WARNING_STYLE", "NONE_LABEL"]

#: Stands for "the selected resources differ here".
MIXED = object()
_UNSET = object()
NONE_LABEL = "(none)"
INVALID_STYLE = "border: 1.5px solid #d32f2f; background: #fdecea;"
WARNING_STYLE = "border: 1.5px solid #f29d00; background: #fff8e1;"

#: Given the kinds a reference may name, the resources that fit: ``[(id, label, kind)]``.
Candidates = Callable[[tuple[str, ...]], list[tuple[str, str, str]]]


class FieldEditor(QWidget):
    committed = Signal(object, bool)
    #: The user asked to see a referenced resource on the canvas.
    navigate_requested = Signal(str)

    def __init__(self, field: Field, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.session = 0
        self._updating = False
        self._value: Any = _UNSET
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

    # -- shown value
    def set_value(self, value: Any) -> None:
        if (value is not MIXED and self._value is not _UNSET and not self.is_mixed
                and freeze(value) == freeze(self._value)):
            return
        self._updating = True
        try:
            self._value = value
            self._show(value)
        finally:
            self._updating = False

    def value(self) -> Any:
        return self._value

    @property
    def is_mixed(self) -> bool:
        return self._value is MIXED

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    # Subclasses draw a value with ``_show(value)`` and report the user's edits with ``_commit``.
    def _commit(self, value: Any, continuous: bool) -> None:
        if self._updating:
            return
        self._value = value
        self.committed.emit(value, continuous)
        if not continuous:
            self.end_session()

    def end_session(self) -> None:
        self.session += 1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.FocusOut:
            self.end_session()
        return False


class TextEditor(FieldEditor):
    """One line of text; a field with suggestions gets an editable drop-down."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        if field.suggestions:
            self.combo = QComboBox()
            self.combo.setEditable(True)
            self.combo.addItems(list(field.suggestions))
            self.combo.setInsertPolicy(QComboBox.NoInsert)
            self.line = self.combo.lineEdit()
            self.combo.activated.connect(lambda _i: self._typed(self.combo.currentText(), False))
            self.layout().addWidget(self.combo)
        else:
            self.combo = None
            self.line = QLineEdit()
            self.layout().addWidget(self.line)
        self.line.textEdited.connect(lambda text: self._typed(text, True))
        self.line.editingFinished.connect(self.end_session)
        self.line.installEventFilter(self)
        self.setFocusProxy(self.line)

    def _show(self, value: Any) -> None:
        text = "" if value is MIXED else str(value)
        self.line.setPlaceholderText(self.tr("(differs)") if value is MIXED else "")
        if self.line.text() != text:
            self.line.setText(text)

    def _typed(self, text: str, continuous: bool) -> None:
        self._commit(text, continuous)


class LongTextEditor(FieldEditor):
    """Several lines of free text (descriptions, policy documents)."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.text.textChanged.connect(self._typed)
        self.text.installEventFilter(self)
        self.layout().addWidget(self.text)
        self.setFocusProxy(self.text)

    def _show(self, value: Any) -> None:
        text = "" if value is MIXED else str(value)
        self.text.setPlaceholderText(self.tr("(differs)") if value is MIXED else "")
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)

    def _typed(self) -> None:
        self._commit(self.text.toPlainText(), True)


class IntEditor(FieldEditor):
    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.spin = QSpinBox()
        low = field.minimum if field.minimum is not None else -2_147_483_647
        high = field.maximum if field.maximum is not None else 2_147_483_647
        self.spin.setRange(low, high)
        self.spin.setAccelerated(True)
        self.spin.valueChanged.connect(lambda v: self._commit(int(v), True))
        self.spin.editingFinished.connect(self.end_session)
        self.spin.installEventFilter(self)
        self.layout().addWidget(self.spin)
        self.setFocusProxy(self.spin)

    def _show(self, value: Any) -> None:
        if value is MIXED:
            self.spin.setSpecialValueText(self.tr("(differs)"))
            with QSignalBlocker(self.spin):
                self.spin.setValue(self.spin.minimum())
            return
        self.spin.setSpecialValueText("")
        if isinstance(value, int) and self.spin.value() != value:
            self.spin.setValue(value)


class BoolEditor(FieldEditor):
    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.check = QCheckBox()
        self.check.clicked.connect(lambda on: self._commit(bool(on), False))
        self.layout().addWidget(self.check)
        self.layout().addStretch(1)
        self.setFocusProxy(self.check)

    def _show(self, value: Any) -> None:
        if value is MIXED:
            self.check.setTristate(True)
            self.check.setCheckState(Qt.PartiallyChecked)
        else:
            self.check.setTristate(False)
            self.check.setChecked(bool(value))


class EnumEditor(FieldEditor):
    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.combo = QComboBox()
        # Translated choices can be long ("インターネット向け（internet-facing）"): they must not widen
        # the inspector past its dock.
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        for value in field.choices:  # shown in the interface language, committed as the value
            self.combo.addItem(display_choice(value), value)
        self.combo.activated.connect(lambda i: self._commit(self.combo.itemData(i), False))
        self.layout().addWidget(self.combo)
        self.setFocusProxy(self.combo)

    def _show(self, value: Any) -> None:
        index = self.combo.findData(str(value)) if value is not MIXED else -1
        self.combo.setCurrentIndex(index)
        if value is MIXED:
            self.combo.setPlaceholderText(self.tr("(differs)"))


class NetworkEditor(FieldEditor):
    """A CIDR (or route destination): checked as it is typed. Invalid text turns the field red,
    says why underneath and in the tooltip, and is not committed."""

    def __init__(self, field: Field, parent=None, *, show_message: bool = True):
        super().__init__(field, parent)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        self.line = QLineEdit()
        self.line.setFont(_monospace(self.line.font()))
        self.line.setPlaceholderText(_placeholder(field.type))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c; font-size: 8pt;")
        self.message.hide()
        self._show_message = show_message
        box.addWidget(self.line)
        box.addWidget(self.message)
        self.layout().addLayout(box)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.end_session)
        self.line.installEventFilter(self)
        self.setFocusProxy(self.line)
        self.check = Check(True)

    @property
    def is_valid(self) -> bool:
        return self.check.ok

    def _show(self, value: Any) -> None:
        text = "" if value is MIXED else str(value)
        self.line.setPlaceholderText(self.tr("(differs)") if value is MIXED
                                     else _placeholder(self.field.type))
        if self.line.text() != text:
            self.line.setText(text)
        self._mark(check_text(self.field.type, text) if text else Check(True))

    def _typed(self, text: str) -> None:
        self._mark(check_text(self.field.type, text))
        if self.check.ok:
            self._commit(text.strip(), True)

    def _mark(self, check: Check) -> None:
        self.check = check
        if not check.ok:
            self.line.setStyleSheet(f"QLineEdit {{{INVALID_STYLE}}}")
            self.message.setStyleSheet("color: #b71c1c; font-size: 8pt;")
        elif check.is_warning:
            self.line.setStyleSheet(f"QLineEdit {{{WARNING_STYLE}}}")
            self.message.setStyleSheet("color: #8a5a00; font-size: 8pt;")
        else:
            self.line.setStyleSheet("")
        self.line.setToolTip(check.message or display_help(self.field))
        self.message.setText(check.message)
        self.message.setVisible(self._show_message and bool(check.message))


class RefEditor(FieldEditor):
    """A reference: a drop-down of the resources of the allowed kinds, and a button to show the
    referenced resource on the canvas."""

    def __init__(self, field: Field, candidates: Candidates, parent=None):
        super().__init__(field, parent)
        self._candidates = candidates
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        self.combo.activated.connect(lambda i: self._commit(self.combo.itemData(i) or "", False))
        self.go = QToolButton()
        self.go.setText("→")
        self.go.setToolTip(self.tr("Select it on the canvas"))
        self.go.clicked.connect(self._navigate)
        self.layout().addWidget(self.combo, 1)
        self.layout().addWidget(self.go)
        self.setFocusProxy(self.combo)
        self.refresh_candidates()

    def _navigate(self) -> None:
        if isinstance(self._value, str) and self._value:
            self.navigate_requested.emit(self._value)

    def refresh_candidates(self) -> None:
        self._updating = True
        try:
            self._fill(self._value)
        finally:
            self._updating = False

    def _show(self, value: Any) -> None:
        self._fill(value)

    def _fill(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(self.tr("(none)"), "")
            known = set()
            for rid, label, _kind in self._candidates(self.field.ref_kinds):
                self.combo.addItem(label if label == rid else f"{label}  ({rid})", rid)
                known.add(rid)
            if isinstance(value, str) and value and value not in known:
                self.combo.addItem(f"{value} (missing)", value)  # a dangling reference stays visible
            if value is MIXED:
                self.combo.setCurrentIndex(-1)
                self.combo.setPlaceholderText(self.tr("(differs)"))
            else:
                self.combo.setCurrentIndex(max(0, self.combo.findData(value or "")))
        self.go.setEnabled(isinstance(value, str) and bool(value) and value in known)


class UnresolvedView(QWidget):
    """A value Kumozu could not know (a template parameter without a default...), shown as it was
    written and not editable, because any value typed here would be a guess."""

    def __init__(self, value: Unresolved, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(str(value))
        self.line.setReadOnly(True)
        font = self.line.font()
        font.setItalic(True)
        self.line.setFont(font)
        self.line.setStyleSheet("color: #6a1b9a; background: #f6f0fa;")
        self.line.setToolTip(self.tr("Unresolved: %1\nThe file gives no value Kumozu can use here (a "
                                     "template parameter or imported value). It is kept as written.")
                             .replace("%1", value.expression))
        layout.addWidget(self.line)


def _monospace(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "Monospace"])
    font.setStyleHint(QFont.Monospace)
    return font


def _placeholder(field_type: FieldType) -> str:
    example = {FieldType.CIDR4: "10.0.1.0/24", FieldType.CIDR4_LIST: "10.0.0.0/16",
               FieldType.CIDR6: "2001:db8:1234:1a00::/64", FieldType.CIDR: "10.0.0.0/16"}.get(field_type)
    if field_type is FieldType.DESTINATION:
        return QCoreApplication.translate("FieldEditor", "e.g. %1 or %2").replace("%1", "0.0.0.0/0").replace(
            "%2", "pl-s3")
    return QCoreApplication.translate("FieldEditor", "e.g. %1").replace("%1", example) if example else ""
