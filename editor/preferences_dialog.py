"""Preferences: grid, autosave, confirmation before deleting, the Region new designs start in."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox,
                               QVBoxLayout)

from model.kinds.networking import REGIONS

from .settings import Preferences

__all__ = ["PreferencesDialog"]


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._original = prefs
        self.snap = QCheckBox("Snap to grid while moving")
        self.snap.setChecked(prefs.snap_to_grid)
        self.grid = QSpinBox()
        self.grid.setRange(2, 200)
        self.grid.setSuffix(" px")
        self.grid.setValue(prefs.grid_size)
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds)
        self.autosave.setToolTip("How often unsaved changes are written to a recovery file.")
        self.confirm = QCheckBox("Ask before deleting resources that take others with them")
        self.confirm.setChecked(prefs.confirm_delete)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItems(list(REGIONS))
        self.region.setCurrentText(prefs.default_region)
        form = QFormLayout()
        form.addRow("", self.snap)
        form.addRow("Grid size", self.grid)
        form.addRow("Autosave every", self.autosave)
        form.addRow("", self.confirm)
        form.addRow("Region of new designs", self.region)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them (settings it does not show are kept)."""
        return replace(self._original, snap_to_grid=self.snap.isChecked(), grid_size=self.grid.value(),
                       autosave_seconds=self.autosave.value(), confirm_delete=self.confirm.isChecked(),
                       default_region=self.region.currentText().strip() or "us-east-1")
