"""Offering autosaves left by an editor that did not close properly."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout)

from .recovery import RecoveryEntry

__all__ = ["RecoveryDialog"]


class RecoveryDialog(QDialog):
    """Lists the autosaves with a check box each. Restore opens the ticked ones; Discard deletes the
    ticked ones; Not Now keeps them all for the next start."""

    def __init__(self, entries: list[RecoveryEntry], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.setMinimumWidth(560)
        self.entries = entries
        self.decision = "later"
        count = len(entries)
        heading = QLabel(
            f"<b>Kumozu did not close properly last time.</b><br/>"
            f"{'These designs have' if count != 1 else 'This design has'} unsaved changes that were "
            f"autosaved. Restored designs open as unsaved, so you can check them before saving.")
        heading.setWordWrap(True)
        self.list = QListWidget()
        for entry in entries:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.saved_at))
            where = entry.original_path or "never saved"
            size = f", {entry.resources} resources" if entry.resources >= 0 else ""
            item = QListWidgetItem(f"{entry.display_name} — autosaved {when}{size}\n    {where}")
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            item.setData(Qt.UserRole, entry.session_id)
            self.list.addItem(item)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.AcceptRole)
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Delete the ticked autosaves for good")
        buttons.addButton(self.discard_button, QDialogButtonBox.DestructiveRole)
        self.later_button = buttons.addButton("Not Now", QDialogButtonBox.RejectRole)
        self.later_button.setToolTip("Keep the autosaves and ask again at the next start")
        self.restore_button.clicked.connect(lambda: self._finish("restore"))
        self.discard_button.clicked.connect(lambda: self._finish("discard"))
        self.later_button.clicked.connect(lambda: self._finish("later"))
        self.restore_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def ticked(self) -> list[RecoveryEntry]:
        chosen = {self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.Checked}
        return [e for e in self.entries if e.session_id in chosen]

    def _finish(self, decision: str) -> None:
        self.decision = decision
        if decision == "later":
            self.reject()
        else:
            self.accept()
