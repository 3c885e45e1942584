"""The open document: a diagram, its undo stack, its live findings, and where it is saved.

Everything that changes the design goes through :meth:`Document.push`, so every change is undoable,
announced once, validated incrementally, and marks the document modified.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import Shiboken

from model import native_format
from model.diagram import Diagram
from model.documents import DesignFormat, OpenedDesign, open_design, sniff_format
from model.edits import Edit
from model.errors import DiagramError
from model.events import ChangeSet
from model.files import atomic_write
from model.version import FORMAT_VERSION
from validators.engine import Validator

from .commands import EditCommand

__all__ = ["Document", "SaveRefused", "replaced_by"]

#: How long after a design is opened its validator gets ready for the first edit: long before
#: anyone drags (the work is a twentieth of the opening's full validation).
_PREPARE_DELAY_MS = 300

_VERSION_LINE = re.compile(r"^version:\s*(\d+)\s*$", re.MULTILINE)


def replaced_by(path: str) -> str | None:
    """What the file at ``path`` holds if saving the native format over it would lose something:
    a CloudFormation template, or a design from a newer Kumozu. None for a Kumozu design this
    version writes, an unreadable file or no file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(200_000).decode("utf-8", errors="replace")
    except OSError:
        return None
    fmt = sniff_format(head)
    if fmt is DesignFormat.CLOUDFORMATION:
        return QCoreApplication.translate("Document", "a CloudFormation template")
    match = _VERSION_LINE.search(head) if fmt is DesignFormat.NATIVE else None
    if match and int(match.group(1)) > FORMAT_VERSION:
        return QCoreApplication.translate("Document", "a design from a newer Kumozu (format version %1)"
                                          ).replace("%1", match.group(1))
    return None


class SaveRefused(Exception):
    """Saving in place would overwrite a file Kumozu must not overwrite (a CloudFormation template,
    or a design from a newer Kumozu); the user has to choose Save As."""


class Document(QObject):
    #: A different diagram is now open (New, Open); views must rebuild.
    diagram_replaced = Signal()
    #: The diagram changed (one ChangeSet per edit, undo and redo included).
    changed = Signal(object)
    #: The findings changed (a FindingsDelta).
    findings_changed = Signal(object)
    #: The undo stack reached or left its saved state (True: clean, nothing to save).
    clean_changed = Signal(bool)
    path_changed = Signal(str)
    #: An edit was refused as structurally impossible; the text says why.
    refused = Signal(str)

    def __init__(self, opened: OpenedDesign | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)
        self._edit_preparation = QTimer(self)
        self._edit_preparation.setSingleShot(True)
        self._edit_preparation.setInterval(_PREPARE_DELAY_MS)
        self._edit_preparation.timeout.connect(self._prepare_for_edits)
        self.diagram = Diagram()
        self.validator: Validator | None = None
        self.path: str | None = None
        self.format = DesignFormat.NATIVE
        self.notes: list[str] = []
        self._attach(opened.diagram if opened else Diagram())
        if opened is not None:
            self._set_origin(opened.path, opened.format, opened.notes)

    def __del__(self) -> None:
        # When the collector frees a document, its objects are torn down in no particular order:
        # the undo stack, destroyed after its commands' Python halves (or with this wrapper already
        # cleared), announced cleanChanged into a half-freed wrapper or deleted a command twice,
        # segmentation faults in PySide 6.11. A finalizer runs while everything is still whole, so
        # the stack is silenced and emptied here, before any of that.
        stack = self.__dict__.get("undo_stack")
        if stack is not None and Shiboken.isValid(stack):
            stack.blockSignals(True)
            stack.clear()
        timer = self.__dict__.get("_edit_preparation")
        if timer is not None and Shiboken.isValid(timer):
            timer.stop()

    # ------------------------------------------------------------------ state
    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def findings(self):
        return self.validator.findings if self.validator else []

    @property
    def display_name(self) -> str:
        return Path(self.path).name if self.path else "Untitled"

    @property
    def can_save_in_place(self) -> bool:
        """Only native designs are saved back where they came from; a CloudFormation template is
        never overwritten with the native format unless the user chooses Save As."""
        return self.path is not None and self.format is DesignFormat.NATIVE

    # ------------------------------------------------------------------ editing
    def push(self, edit: Edit, *, merge_id: int = -1, merge_key: object = None) -> bool:
        """Apply ``edit`` as one undo step. Returns False (and emits :attr:`refused`) when it is
        structurally impossible; the diagram is then unchanged."""
        if next(iter(edit.primitives()), None) is None:
            return False
        try:
            change = self.diagram.apply(edit)
        except DiagramError as exc:
            self.refused.emit(str(exc))
            return False
        if change.is_empty:
            return False
        self.undo_stack.push(EditCommand(self.diagram, edit, applied=True, merge_id=merge_id,
                                         merge_key=merge_key))
        return True

    # ------------------------------------------------------------------ files
    def open(self, path: str, region: str | None = None) -> None:
        """Replace the document with the design at ``path`` (LoadError if it cannot be read; the
        current document is then left untouched)."""
        opened = open_design(path, region=region)
        self._attach(opened.diagram)
        self._set_origin(opened.path, opened.format, opened.notes)

    def new(self) -> None:
        self._attach(Diagram())
        self._set_origin(None, DesignFormat.NATIVE, [])

    def save(self) -> None:
        if not self.can_save_in_place:
            raise SaveRefused(QCoreApplication.translate(
                "Document", "this file is not a Kumozu design; use Save As to write one"))
        # The file may have changed since it was opened (a newer Kumozu saved over it, a template
        # was copied in its place): what is there now decides, not what was there then.
        now = replaced_by(self.path)
        if now:
            raise SaveRefused(QCoreApplication.translate(
                "Document", "the file is now %1; use Save As to write the design elsewhere")
                .replace("%1", now))
        self._write(self.path)

    def save_as(self, path: str) -> None:
        self._write(path)
        self._set_origin(path, DesignFormat.NATIVE, [], keep_stack=True)

    def to_native_text(self) -> str:
        return native_format.dumps(self.diagram)

    def _write(self, path: str) -> None:
        atomic_write(path, self.to_native_text().encode("utf-8"))
        self.undo_stack.setClean()

    # ------------------------------------------------------------------ plumbing
    def _attach(self, diagram: Diagram) -> None:
        if self.validator is not None:
            self.validator.close()
        self.diagram.changed.disconnect(self._forward_change)
        self.undo_stack.clear()
        self.diagram = diagram
        self.validator = Validator(diagram)
        self.validator.changed.connect(self.findings_changed.emit)
        diagram.changed.connect(self._forward_change)
        self._edit_preparation.start()
        self.diagram_replaced.emit()

    def _prepare_for_edits(self) -> None:
        """The full validation on opening leaves what the first edit needs unbuilt (a one-shot
        ``validate`` never uses it); build it now, while the user is looking, not at the first drag."""
        if self.validator is not None:
            self.validator.prepare_for_edits()

    def _forward_change(self, change: ChangeSet) -> None:
        self.changed.emit(change)

    def _set_origin(self, path, fmt, notes, keep_stack: bool = False) -> None:
        self.path = path
        self.format = fmt
        self.notes = list(notes)
        if not keep_stack:
            self.undo_stack.setClean()
        self.path_changed.emit(path or "")
        self.clean_changed.emit(not self.is_modified)
