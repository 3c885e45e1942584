"""Fixtures for the reliability tests: an editor window on a private copy of an example with
unsaved work in it. (``isolated_settings`` and ``dialogs`` come from ``tests/conftest.py``.)"""

from __future__ import annotations

import pytest

from model import edits
from tests.support.windows import copy_example


@pytest.fixture
def busy_window(qtbot, tmp_path, isolated_settings):
    """A main window on a copy of the dual-AZ example with two edits made and one undone: a
    document with unsaved changes and something to redo, as a user's would be."""
    from editor.main_window import MainWindow

    window = MainWindow()
    (tmp_path / "work").mkdir()
    design = copy_example(tmp_path / "work")
    assert window.files.open_path(str(design))
    diagram = window.document.diagram
    window.document.push(edits.rename(diagram, "app-a", "application A"))
    window.document.push(edits.set_property(diagram, "app-c", "cidr", "10.0.30.0/24"))
    window.document.undo_stack.undo()
    window.show()
    yield window
    window.document.undo_stack.setClean()
    window.close()
