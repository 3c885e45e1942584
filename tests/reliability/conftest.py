"""Fixtures for the reliability tests: private settings and recovery folders, an editor window on a
private copy of an example with unsaved work in it, and a way to answer the next dialog."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from model import edits
from tests.editor.window.conftest import DialogAnswerer, copy_example


@pytest.fixture
def isolated_settings(tmp_path, monkeypatch):
    """Never read or write the user's real settings or recovery folder."""
    settings = tmp_path / "settings"
    recovery = tmp_path / "recovery"
    settings.mkdir()
    monkeypatch.setenv("KUMOZU_SETTINGS_DIR", str(settings))
    monkeypatch.setenv("KUMOZU_RECOVERY_DIR", str(recovery))
    return settings, recovery


@pytest.fixture
def dialogs(qtbot):
    answerer = DialogAnswerer()
    yield answerer
    answerer._timer.stop()
    if isinstance(QApplication.activeModalWidget(), QDialog):
        QApplication.activeModalWidget().reject()


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
