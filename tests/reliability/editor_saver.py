"""A real editor process that saves, to be killed (run by ``test_saving.py``, not collected).

It opens DESIGN through the editor's document (``editor.document.Document.open``), makes one large
edit (every instance renamed) with ``Document.push``, and writes the text of both versions to
REFERENCES/old and REFERENCES/new. Then, forever: redo and ``Document.save`` (the new version in
place, as Ctrl+S does), undo and ``Document.save_as`` to the same file (the old version). It prints
``ready`` before the first save, and ``write`` and ``written`` around each call of the file writing
the saves use, so the test can time its SIGKILL to land inside a write however fast or slow this
machine is.

    python editor_saver.py DESIGN REFERENCES
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

import editor.document  # noqa: E402
from editor.document import Document  # noqa: E402
from model import edits  # noqa: E402


def main(design: str, references: str) -> None:
    app = QApplication.instance() or QApplication([])  # noqa: F841 - the editor runs in one
    editor.document.atomic_write = announced(editor.document.atomic_write)
    document = Document()
    document.open(design)
    old = document.to_native_text()
    diagram = document.diagram
    renames = tuple(edits.rename(diagram, r.id, f"renamed {r.id}") for r in diagram.of_kind("Instance"))
    assert document.push(edits.Composite(renames, "Rename every instance"))
    new = document.to_native_text()
    (Path(references) / "old").write_bytes(old.encode("utf-8"))
    (Path(references) / "new").write_bytes(new.encode("utf-8"))
    document.undo_stack.undo()
    print("ready", flush=True)
    while True:
        document.undo_stack.redo()
        document.save()
        document.undo_stack.undo()
        document.save_as(design)


def announced(write):
    """``write`` (the editor's atomic_write) saying ``write`` and ``written`` around each call."""
    def announcing(path, data):
        print("write", flush=True)
        write(path, data)
        print("written", flush=True)
    return announcing


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
