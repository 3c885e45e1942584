"""The editor's dialogs: unsaved changes, errors, a rule's lesson, export options, file choice.

Each is a function or a small class so the window reads as a sequence of decisions, and tests can
answer a dialog by clicking its real buttons.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget)

from validators.finding import Finding
from validators.registry import rule_by_id

from .icons import ui_pixmap
from .styles import SEVERITY_COLOURS

__all__ = ["ask_save_changes", "show_error", "RuleLessonDialog", "ImageExportDialog",
           "choose_open_path", "choose_save_path", "DESIGN_FILTER", "OPEN_FILTER",
           "ask_save_as_instead", "suggested_native_name"]

DESIGN_FILTER = "Kumozu designs (*.kumozu.yaml *.yaml *.yml)"
OPEN_FILTER = ("Designs and CloudFormation templates (*.yaml *.yml *.json *.template);;"
               "Kumozu designs (*.kumozu.yaml);;CloudFormation templates (*.yaml *.yml *.json *.template);;"
               "All files (*)")


def ask_save_changes(parent: QWidget, name: str, action: str) -> str:
    """``save``, ``discard`` or ``cancel``: what to do with unsaved changes before ``action``
    ("closing", "opening another design"...)."""
    box = QMessageBox(QMessageBox.Warning, "Unsaved changes",
                      f"Save the changes to “{name}” before {action}?", parent=parent)
    box.setInformativeText("Your changes are lost if you don't save them.")
    box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
    box.setDefaultButton(QMessageBox.Save)
    box.setEscapeButton(QMessageBox.Cancel)
    answer = box.exec()
    return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")


def ask_save_as_instead(parent: QWidget, name: str, reason: str) -> bool:
    """When saving in place is refused: offer Save As (True) or cancel."""
    box = QMessageBox(QMessageBox.Information, "Save as a Kumozu design",
                      f"“{name}” is not saved in place: {reason}.", parent=parent)
    box.setInformativeText("Choose a new file name to save the design in Kumozu's own format; the "
                           "original file stays as it is.")
    save_as = box.addButton("Save As…", QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def show_error(parent: QWidget, title: str, text: str, informative: str = "") -> None:
    box = QMessageBox(QMessageBox.Critical, title, text, parent=parent)
    if informative:
        box.setInformativeText(informative)
    box.setTextInteractionFlags(Qt.TextSelectableByMouse)
    box.exec()


class RuleLessonDialog(QDialog):
    """Why a finding matters: the rule's title, the finding, the fix, the lesson and the AWS page."""

    def __init__(self, finding: Finding, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        rule = rule_by_id(finding.rule)
        self.setWindowTitle(f"Why? — {finding.rule}")
        self.setMinimumWidth(520)
        colour = SEVERITY_COLOURS[finding.severity.value]
        title = rule.title if rule else finding.rule
        icon = QLabel()
        icon.setPixmap(ui_pixmap(f"severity_{finding.severity.value}", 32))
        heading = QLabel(f"<b style='font-size:12pt'>{escape(title)}</b><br/>"
                         f"<span style='color:{colour}'>{finding.severity.value.capitalize()}</span>"
                         f" · <code>{escape(finding.rule)}</code>")
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignTop)
        top.addWidget(heading, 1)
        parts = [f"<p>{escape(finding.message)}</p>"]
        if names:
            parts.append(f"<p><b>Involves:</b> {escape(', '.join(names))}</p>")
        fix = finding.fix or (rule.fix if rule else "")
        if fix:
            parts.append(f"<p><b>How to fix it:</b> {escape(fix)}</p>")
        if rule is not None:
            parts.append(f"<p><b>Why it matters:</b> {escape(rule.lesson)}</p>")
            parts.append(f"<p><b>AWS documentation:</b> <a href='{escape(rule.docs)}'>"
                         f"{escape(rule.docs)}</a></p>")
        self.body = QLabel("".join(parts))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.RichText)
        self.body.setOpenExternalLinks(True)
        self.body.setTextInteractionFlags(Qt.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addWidget(buttons)


class ImageExportDialog(QDialog):
    """Options for a picture: the PNG scale (with the resulting size) and whether problems show."""

    def __init__(self, fmt: str, content_size: tuple[float, float], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Export {fmt.upper()}")
        self._size = content_size
        form = QFormLayout()
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.25, 8.0)
        self.scale.setSingleStep(0.5)
        self.scale.setValue(2.0)
        self.scale.setSuffix(" ×")
        self.scale.setDecimals(2)
        self.pixels = QLabel()
        self.scale.valueChanged.connect(self._update_pixels)
        self.findings = QCheckBox("Outline problems as on the canvas")
        self.findings.setChecked(True)
        if fmt == "png":
            form.addRow("Scale", self.scale)
            form.addRow("Size", self.pixels)
        form.addRow("", self.findings)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update_pixels()

    def _update_pixels(self) -> None:
        w, h = self._size
        s = self.scale.value()
        megapixels = w * s * h * s / 1e6
        self.pixels.setText(f"{int(w * s)} × {int(h * s)} pixels ({megapixels:.1f} MP)")


def choose_open_path(parent: QWidget, folder: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, "Open design", folder, OPEN_FILTER)
    return path


def choose_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def suggested_native_name(path: str | None, folder: str) -> str:
    """Where Save As starts: next to the original, named ``<stem>.kumozu.yaml``."""
    if not path:
        return str(Path(folder) / "design.kumozu.yaml")
    p = Path(path)
    stem = p.name
    for suffix in (".kumozu.yaml", ".template.yaml", ".template.json", ".cfn.yaml", ".cfn.json",
                   ".yaml", ".yml", ".json", ".template"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return str(p.with_name(f"{stem}.kumozu.yaml"))
