"""Undo commands: one QUndoCommand adapter around a model edit.

A command never touches graphics items. Redo applies the edit to the diagram and undo applies its
inverse; the diagram announces each change and the scene follows, so undo needs no special code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from model.diagram import Diagram
from model.edits import Composite, Edit
from model.i18n import edit_label

from .translations import current_language

__all__ = ["EditCommand", "MERGE_NUDGE", "step_name", "rename_undo_steps"]

#: Commands with the same merge id and the same ``merge_key`` fold into one undo step (arrow-key
#: nudges of the same selection, typing into one inspector field).
MERGE_NUDGE = 1
MERGE_PROPERTY = 2


def step_name(edit: Edit) -> str:
    """What the Undo History and the Edit menu call an edit, in the current language (the model
    names edits in English: "Add web-a")."""
    if not edit.label:
        return QCoreApplication.translate("EditCommand", "Edit")
    return edit_label(edit.label, current_language())


def rename_undo_steps(stack: QUndoStack) -> None:
    """Name every step of ``stack`` again, after the interface language changed."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, EditCommand):
            command.setText(step_name(command.edit))


class EditCommand(QUndoCommand):
    def __init__(self, diagram: Diagram, edit: Edit, *, applied: bool = False,
                 merge_id: int = -1, merge_key: object = None):
        super().__init__(step_name(edit))
        self.diagram = diagram
        self.edit = edit
        # Document.push applies the edit itself first, so a structurally impossible edit is refused
        # before it reaches the stack; the stack's first redo() must then do nothing.
        self._skip_redo = applied
        self._merge_id = merge_id
        self._merge_key = merge_key

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.diagram.apply(self.edit)

    def undo(self) -> None:
        self.diagram.apply(self.edit.inverse())

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand) or other._merge_key != self._merge_key:
            return False
        self.edit = Composite((self.edit, other.edit), self.edit.label)
        return True
