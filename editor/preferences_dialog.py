"""Preferences: grid, autosave, confirmation before deleting, the Region new designs start in, and the
interface language (the system's, English or Japanese; switched live when the dialog is accepted)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox,
                               QVBoxLayout)

from model.kinds.networking import REGIONS

from .settings import Preferences
from .translations import LANGUAGES, language_name, system_language

__all__ = ["PreferencesDialog"]


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._original = prefs
        self.snap = QCheckBox(self.tr("Snap to grid while moving"))
        self.snap.setChecked(prefs.snap_to_grid)
        self.grid = QSpinBox()
        self.grid.setRange(2, 200)
        self.grid.setSuffix(" px")
        self.grid.setValue(prefs.grid_size)
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds)
        self.autosave.setToolTip(self.tr("How often unsaved changes are written to a recovery file."))
        self.confirm = QCheckBox(self.tr("Ask before deleting resources that take others with them"))
        self.confirm.setChecked(prefs.confirm_delete)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItems(list(REGIONS))
        self.region.setCurrentText(prefs.default_region)
        self.language = QComboBox()
        system = language_name(system_language())
        self.language.addItem(self.tr("System (%1)").replace("%1", system), "")
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        index = self.language.findData(prefs.language if prefs.language in LANGUAGES else "")
        self.language.setCurrentIndex(max(0, index))
        self.language.setToolTip(self.tr("The language of menus, panels, rule messages, lessons and labs. "
                                         "Changing it keeps your work open."))
        form = QFormLayout()
        form.addRow("", self.snap)
        form.addRow(self.tr("Grid size"), self.grid)
        form.addRow(self.tr("Autosave every"), self.autosave)
        form.addRow("", self.confirm)
        form.addRow(self.tr("Region of new designs"), self.region)
        form.addRow(self.tr("Language"), self.language)
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
                       default_region=self.region.currentText().strip() or "us-east-1",
                       language=self.language.currentData() or "")
