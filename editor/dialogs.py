"""The editor's dialogs: unsaved changes, errors, a rule's lesson, export options, file choice.

Each is a function or a small class so the window reads as a sequence of decisions, and tests can
answer a dialog by clicking its real buttons.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget)

from validators import i18n as texts
from validators.finding import Finding
from validators.registry import rule_by_id

from .icons import ui_pixmap
from .styles import SEVERITY_COLOURS
from .translations import current_language

__all__ = ["ask_save_changes", "show_error", "RuleLessonDialog", "ImageExportDialog",
           "choose_open_path", "choose_save_path", "DESIGN_FILTER", "OPEN_FILTER",
           "ask_save_as_instead", "suggested_native_name", "design_filter", "open_filter",
           "severity_name"]

translate = QCoreApplication.translate


def design_filter() -> str:
    return translate("Dialogs", "Kumozu designs (*.kumozu.yaml *.yaml *.yml)")


def open_filter() -> str:
    return ";;".join((translate("Dialogs", "Designs and CloudFormation templates (*.yaml *.yml *.json *.template)"),
                      translate("Dialogs", "Kumozu designs (*.kumozu.yaml)"),
                      translate("Dialogs", "CloudFormation templates (*.yaml *.yml *.json *.template)"),
                      translate("Dialogs", "All files (*)")))


#: The English filters (the translated ones come from design_filter() and open_filter()).
DESIGN_FILTER = "Kumozu designs (*.kumozu.yaml *.yaml *.yml)"
OPEN_FILTER = ("Designs and CloudFormation templates (*.yaml *.yml *.json *.template);;"
               "Kumozu designs (*.kumozu.yaml);;CloudFormation templates (*.yaml *.yml *.json *.template);;"
               "All files (*)")


def ask_save_changes(parent: QWidget, name: str, action: str) -> str:
    """``save``, ``discard`` or ``cancel``: what to do with unsaved changes before ``action``
    ("closing", "opening another design"..., already in the interface language)."""
    box = QMessageBox(QMessageBox.Warning, translate("Dialogs", "Unsaved changes"),
                      translate("Dialogs", "Save the changes to “%1” before %2?")
                      .replace("%1", name).replace("%2", action), parent=parent)
    box.setInformativeText(translate("Dialogs", "Your changes are lost if you don't save them."))
    box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
    box.setDefaultButton(QMessageBox.Save)
    box.setEscapeButton(QMessageBox.Cancel)
    answer = box.exec()
    return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")


def ask_save_as_instead(parent: QWidget, name: str, reason: str) -> bool:
    """When saving in place is refused: offer Save As (True) or cancel."""
    box = QMessageBox(QMessageBox.Information, translate("Dialogs", "Save as a Kumozu design"),
                      translate("Dialogs", "“%1” is not saved in place: %2.")
                      .replace("%1", name).replace("%2", reason), parent=parent)
    box.setInformativeText(translate("Dialogs", "Choose a new file name to save the design in Kumozu's "
                                                "own format; the original file stays as it is."))
    save_as = box.addButton(translate("Dialogs", "Save As…"), QMessageBox.AcceptRole)
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
    """Why a finding matters: the rule's title, the finding, the fix, the lesson (the concept) and the
    AWS page, in the interface language."""

    def __init__(self, finding: Finding, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        language = current_language()
        rule = rule_by_id(finding.rule)
        self.setWindowTitle(self.tr("Why? — %1").replace("%1", finding.rule))
        self.setMinimumWidth(520)
        colour = SEVERITY_COLOURS[finding.severity.value]
        title = texts.rule_title(rule, language) if rule else finding.rule
        icon = QLabel()
        icon.setPixmap(ui_pixmap(f"severity_{finding.severity.value}", 32))
        self.heading = QLabel(f"<b style='font-size:12pt'>{escape(title)}</b><br/>"
                              f"<span style='color:{colour}'>{escape(severity_name(finding.severity))}"
                              f"</span> · <code>{escape(finding.rule)}</code>")
        self.heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignTop)
        top.addWidget(self.heading, 1)
        parts = [f"<p>{escape(texts.finding_message(finding, language))}</p>"]
        if names:
            involves = escape(self.tr("Involves:"))
            parts.append(f"<p><b>{involves}</b> {escape(', '.join(names))}</p>")
        fix = texts.finding_fix(finding, language) or (texts.rule_fix(rule, language) if rule else "")
        if fix:
            how = escape(self.tr("How to fix it:"))
            parts.append(f"<p><b>{how}</b> {escape(fix)}</p>")
        if rule is not None:
            why, docs = escape(self.tr("Why it matters:")), escape(self.tr("AWS documentation:"))
            parts.append(f"<p><b>{why}</b> "
                         f"{escape(texts.rule_lesson(rule, language))}</p>")
            parts.append(f"<p><b>{docs}</b> <a href='{escape(rule.docs)}'>"
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
        self.setWindowTitle(self.tr("Export %1").replace("%1", fmt.upper()))
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
        self.findings = QCheckBox(self.tr("Outline problems as on the canvas"))
        self.findings.setChecked(True)
        if fmt == "png":
            form.addRow(self.tr("Scale"), self.scale)
            form.addRow(self.tr("Size"), self.pixels)
        form.addRow("", self.findings)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export…"))
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
        self.pixels.setText(self.tr("%1 × %2 pixels (%3 MP)").replace("%1", str(int(w * s)))
                            .replace("%2", str(int(h * s))).replace("%3", f"{megapixels:.1f}"))


def choose_open_path(parent: QWidget, folder: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Open design"), folder, open_filter())
    return path


def choose_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def severity_name(severity) -> str:
    """"Error", "Warning", "Note" in the interface language."""
    value = getattr(severity, "value", severity)
    if value == "error":
        return translate("Dialogs", "Error")
    if value == "warning":
        return translate("Dialogs", "Warning")
    return translate("Dialogs", "Note")


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
