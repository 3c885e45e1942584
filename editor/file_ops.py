"""New, Open, Save, Save As and Export for the main window, with the questions they have to ask.

The rules: unsaved changes are never dropped without asking; a file that cannot be written leaves the
design open and modified with a message saying why; a CloudFormation template, an example shipped
with Kumozu, or a file from a newer Kumozu is never overwritten unless the user picks it in Save As.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from model import edits
from model.cloudformation import export_template
from model.cloudformation.exporter import ExportProblem
from model.documents import DesignFormat, sniff_format
from model.errors import LoadError
from model.files import atomic_write, is_read_only
from model.layout import item_size
from model.version import FORMAT_VERSION

from .dialogs import (ImageExportDialog, design_filter, ask_save_as_instead, ask_save_changes,
                      choose_open_path, choose_save_path, show_error, suggested_native_name)
from .document import SaveRefused

__all__ = ["FileOperations", "describe_write_error", "describe_existing"]

_VERSION_LINE = re.compile(r"^version:\s*(\d+)", re.MULTILINE)
translate = QCoreApplication.translate


def _image_filter(fmt: str) -> str:
    return {"png": translate("FileOperations", "PNG images (*.png)"),
            "svg": translate("FileOperations", "SVG drawings (*.svg)"),
            "pdf": translate("FileOperations", "PDF documents (*.pdf)")}[fmt]


def _named(text: str, *values) -> str:
    """``text`` with ``%1``, ``%2``... replaced by ``values`` (Qt's placeholders, which a translation
    may put in another order)."""
    for i, value in reversed(list(enumerate(values, 1))):
        text = text.replace(f"%{i}", str(value))
    return text


def describe_write_error(exc: OSError, path: str) -> str:
    """Why ``path`` could not be written, in words (the errno decides)."""
    folder = str(Path(path).parent)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        place = path if is_read_only(path) else folder  # the file itself may be the read-only one
        return _named(translate("FileOperations", "Kumozu is not allowed to write in “%1” (it is read-only "
                                                  "or belongs to someone else)."), place)
    if exc.errno == errno.ENOENT:
        return _named(translate("FileOperations", "The folder “%1” does not exist (any more)."), folder)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return translate("FileOperations", "The disk is full (or your quota is used up).")
    if exc.errno == errno.EISDIR:
        return _named(translate("FileOperations", "“%1” is a folder."), path)
    return _named(translate("FileOperations", "The system said: %1."), exc.strerror or exc)


def describe_existing(path: str) -> str | None:
    """What an existing file is, when replacing it with a Kumozu design would lose something:
    a CloudFormation template, or a design from a newer Kumozu. None otherwise."""
    try:
        head = Path(path).read_bytes()[:200_000].decode("utf-8", errors="replace")
    except OSError:
        return None
    fmt = sniff_format(head)
    if fmt is DesignFormat.CLOUDFORMATION:
        return translate("FileOperations", "a CloudFormation template")
    if fmt is DesignFormat.NATIVE:
        match = _VERSION_LINE.search(head)
        if match and int(match.group(1)) > FORMAT_VERSION:
            return _named(translate("FileOperations", "a design written by a newer Kumozu (format version %1)"),
                          match.group(1))
    return None


class FileOperations:
    def __init__(self, window):
        self.window = window

    @property
    def document(self):
        return self.window.document

    # ------------------------------------------------------------------ asking first
    def maybe_save(self, action: str) -> bool:
        """True when it is fine to drop the current design (saved, or the user said so)."""
        if not self.document.is_modified:
            return True
        answer = ask_save_changes(self.window, self.window.display_name(), action)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.window.autosaver.discard()
            return True
        return False

    # ------------------------------------------------------------------ new and open
    def new(self) -> None:
        if not self.maybe_save(translate("FileOperations", "starting a new design")):
            return
        self.document.new()
        region = self.window.prefs.default_region
        if region and region != self.document.diagram.region:
            # The starting Region is part of a fresh document, not an edit to undo.
            self.document.diagram.apply(edits.set_metadata(self.document.diagram, "region", region))
        self.window.set_example(False)
        self.window.statusBar().showMessage(translate("FileOperations", "New design"), 4000)

    def open(self) -> None:
        if not self.maybe_save(translate("FileOperations", "opening another design")):
            return
        path = choose_open_path(self.window, self.window.last_folder())
        if path:
            self.open_path(path)

    def open_recent(self, path: str) -> None:
        if self.maybe_save(translate("FileOperations", "opening another design")):
            self.open_path(path)

    def open_example(self, path: str) -> None:
        if self.maybe_save(translate("FileOperations", "opening an example")):
            self.open_path(path, example=True)

    def open_path(self, path: str, *, example: bool = False, region: str | None = None) -> bool:
        """Replace the open design with the one at ``path`` (``region``: AWS::Region for a template;
        default the preference). An unreadable file leaves the current design as it was and says
        what is wrong, with the line."""
        try:
            self.document.open(path, region=region or self.window.prefs.default_region)
        except LoadError as exc:
            show_error(self.window, translate("FileOperations", "Cannot open the design"),
                       _named(translate("FileOperations", "Kumozu could not open “%1”."), Path(path).name),
                       str(exc))
            return False
        self.window.set_example(example)
        if not example:
            self.window.recent.add(path)
            self.window.remember_folder(path)
        if self.document.notes:
            self._show_notes(path)
        if self.document.format is DesignFormat.CLOUDFORMATION:
            said = translate("FileOperations", "Opened CloudFormation template %1")
        else:
            said = translate("FileOperations", "Opened design %1")
        self.window.statusBar().showMessage(_named(said, Path(path).name), 5000)
        return True

    def _show_notes(self, path: str) -> None:
        notes = self.document.notes
        box = QMessageBox(QMessageBox.Information, translate("FileOperations", "Imported with notes"),
                          _named(translate("FileOperations", "“%1” was imported. %2 thing(s) worth knowing."),
                                 Path(path).name, len(notes)), parent=self.window)
        box.setInformativeText("\n".join(f"• {n}" for n in notes[:6]) + ("\n…" if len(notes) > 6 else ""))
        box.setDetailedText("\n".join(notes))
        box.exec()

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        if self.window.is_example or self.document.path is None:
            return self.save_as()
        try:
            self.document.save()
        except SaveRefused:
            reason = (translate("FileOperations", "it is a CloudFormation template, and Kumozu saves its own format")
                      if self.document.format is DesignFormat.CLOUDFORMATION
                      else translate("FileOperations", "it is not a Kumozu design"))
            return ask_save_as_instead(self.window, self.window.display_name(), reason) and self.save_as()
        except OSError as exc:
            self._save_failed(exc, self.document.path)
            return False
        self._saved(self.document.path)
        return True

    def save_as(self) -> bool:
        start = suggested_native_name(None if self.window.is_example else self.document.path,
                                      self.window.last_folder())
        if self.window.is_example and self.document.path:
            start = str(Path(self.window.last_folder()) / Path(self.document.path).name)
        path = choose_save_path(self.window, translate("FileOperations", "Save design as"), start,
                                design_filter())
        if not path:
            return False
        if not path.lower().endswith((".yaml", ".yml")):
            path += ".kumozu.yaml"
        if not self._may_replace(path):
            return False
        try:
            self.document.save_as(path)
        except OSError as exc:
            self._save_failed(exc, path)
            return False
        self.window.set_example(False)
        self._saved(path)
        return True

    def _may_replace(self, path: str) -> bool:
        if not Path(path).exists():
            return True
        what = describe_existing(path)
        if what is None:
            return True
        box = QMessageBox(QMessageBox.Warning, translate("FileOperations", "Replace file"),
                          _named(translate("FileOperations", "“%1” is %2."), Path(path).name, what),
                          parent=self.window)
        box.setInformativeText(translate("FileOperations", "Saving here replaces it with a Kumozu design. "
                                                           "Replace it anyway?"))
        replace = box.addButton(translate("FileOperations", "Replace"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Cancel)
        box.exec()
        return box.clickedButton() is replace

    def _saved(self, path: str) -> None:
        self.window.autosaver.discard()
        self.window.recent.add(path)
        self.window.remember_folder(path)
        self.window.statusBar().showMessage(_named(translate("FileOperations", "Saved %1"), Path(path).name), 4000)

    def _save_failed(self, exc: OSError, path: str) -> None:
        show_error(self.window, translate("FileOperations", "Cannot save the design"),
                   _named(translate("FileOperations", "“%1” was not saved."), Path(path).name) + " "
                   + describe_write_error(exc, path),
                   translate("FileOperations", "Nothing was written and your design is still open with all its "
                                               "changes. Choose another place with File ▸ Save As."))

    # ------------------------------------------------------------------ export
    def export_image(self, fmt: str) -> None:
        options = ImageExportDialog(fmt, self._content_size(), self.window)
        if options.exec() != ImageExportDialog.Accepted:
            return
        stem = Path(self.document.path).name.split(".")[0] if self.document.path else "design"
        start = str(Path(self.window.last_folder()) / f"{stem}.{fmt}")
        path = choose_save_path(self.window, _named(translate("FileOperations", "Export %1"), fmt.upper()),
                                start, _image_filter(fmt))
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        from .render import render_file
        findings = self.document.findings if options.findings.isChecked() else None
        try:
            render_file(self.document.diagram, path, scale=options.scale.value(), findings=findings)
        except OSError as exc:
            self._write_failed(exc, path)
            return
        except ValueError as exc:
            show_error(self.window, translate("FileOperations", "Cannot export"), str(exc))
            return
        self.window.remember_folder(path)
        self.window.statusBar().showMessage(_named(translate("FileOperations", "Exported %1"), Path(path).name),
                                            5000)

    def export_native(self) -> None:
        start = suggested_native_name(self.document.path, self.window.last_folder())
        path = choose_save_path(self.window, translate("FileOperations", "Export Kumozu design"), start,
                                design_filter())
        if path and self._may_replace(path):
            self._write_text(path, self.document.to_native_text())

    def export_cloudformation(self, fmt: str) -> None:
        """The design as a deployable template (``fmt``: yaml or json); the open design stays where
        it is saved."""
        stem = Path(self.document.path).name.split(".")[0] if self.document.path else "design"
        start = str(Path(self.window.last_folder()) / f"{stem}.cfn.{fmt}")
        file_filter = translate("FileOperations", "CloudFormation templates (*.yaml *.yml)") if fmt == "yaml" \
            else translate("FileOperations", "CloudFormation templates (*.json)")
        path = choose_save_path(self.window, translate("FileOperations", "Export CloudFormation template"), start,
                                file_filter)
        if not path:
            return
        if not path.lower().endswith((".yaml", ".yml", ".json", ".template")):
            path += f".{fmt}"
        try:
            text = export_template(self.document.diagram, fmt)
        except ExportProblem as exc:  # a writer bug: say so rather than write a broken template
            show_error(self.window, translate("FileOperations", "Cannot export"),
                       translate("FileOperations", "The design cannot be written as a template."), str(exc))
            return
        self._write_text(path, text)

    def _write_text(self, path: str, text: str) -> None:
        try:
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            self._write_failed(exc, path)
            return
        self.window.remember_folder(path)
        self.window.statusBar().showMessage(_named(translate("FileOperations", "Exported %1"), Path(path).name),
                                            5000)

    def _write_failed(self, exc: OSError, path: str) -> None:
        show_error(self.window, translate("FileOperations", "Cannot export"),
                   _named(translate("FileOperations", "“%1” was not written."), Path(path).name) + " "
                   + describe_write_error(exc, path))

    def _content_size(self) -> tuple[float, float]:
        """The drawing's size in points (what a scale of 1 gives), from the top-level geometry."""
        diagram = self.document.diagram
        left = top = float("inf")
        right = bottom = float("-inf")
        for record in diagram.children(None):
            g = diagram.geometry(record.id)
            if g is None:
                continue
            w, h = item_size(diagram, record.id)
            left, top = min(left, g.x), min(top, g.y)
            right, bottom = max(right, g.x + w), max(bottom, g.y + h)
        if left == float("inf"):
            return (400.0, 300.0)
        return (right - left + 48, bottom - top + 48)
