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
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.setMinimumWidth(560)
        self.entries = entries
        self.decision = "later"
        count = len(entries)
        title = self.tr("Kumozu did not close properly last time.")
        text = self.tr("These designs have unsaved changes that were autosaved. Restored designs open as "
                       "unsaved, so you can check them before saving.") if count != 1 else \
            self.tr("This design has unsaved changes that were autosaved. Restored designs open as unsaved, "
                    "so you can check them before saving.")
        heading = QLabel(f"<b>{title}</b><br/>{text}")
        heading.setWordWrap(True)
        self.list = QListWidget()
        for entry in entries:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.saved_at))
            where = entry.original_path or self.tr("never saved")
            size = self.tr(", %1 resources").replace("%1", str(entry.resources)) \
                if entry.resources >= 0 else ""
            line = self.tr("%1 — autosaved %2%3").replace("%1", entry.display_name).replace(
                "%2", when).replace("%3", size)
            item = QListWidgetItem(f"{line}\n    {where}")
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            item.setData(Qt.UserRole, entry.session_id)
            self.list.addItem(item)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.AcceptRole)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Delete the ticked autosaves for good"))
        buttons.addButton(self.discard_button, QDialogButtonBox.DestructiveRole)
        self.later_button = buttons.addButton(self.tr("Not Now"), QDialogButtonBox.RejectRole)
        self.later_button.setToolTip(self.tr("Keep the autosaves and ask again at the next start"))
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
