"""Fixtures for the Labs panel tests: settings and autosaves in a temporary folder, real main
windows closed without questions afterwards, and a way to answer a modal dialog."""

from __future__ import annotations

import pytest

from labs import load_course
from tests.editor.window.conftest import DialogAnswerer


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Never read or write the user's real settings or recovery folder."""
    settings = tmp_path / "settings"
    settings.mkdir()
    monkeypatch.setenv("KUMOZU_SETTINGS_DIR", str(settings))
    monkeypatch.setenv("KUMOZU_RECOVERY_DIR", str(tmp_path / "recovery"))
    return settings


@pytest.fixture
def make_window(qtbot):
    """Opens MainWindows (English labs unless a test chooses otherwise); each is closed at the end
    of the test without asking about unsaved changes, after leaving presenter mode."""
    from editor.main_window import MainWindow

    made = []

    def make(path: str | None = None, example: bool = True):
        window = MainWindow()
        window.prefs.language = "en"
        window.presenter.full_screen = False
        if path is not None:
            assert window.files.open_path(str(path), example=example)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window
    yield make
    for window in made:
        try:
            window.presenter.leave()
            window.labs.leave()
            window.document.undo_stack.setClean()
            window.close()
        except RuntimeError:  # already closed and deleted by the test
            pass


@pytest.fixture
def dialogs(qtbot):
    from PySide6.QtWidgets import QApplication, QDialog

    answerer = DialogAnswerer()
    yield answerer
    answerer._timer.stop()
    if isinstance(QApplication.activeModalWidget(), QDialog):
        QApplication.activeModalWidget().reject()


@pytest.fixture
def course():
    return load_course()
