"""Fixtures for the Labs panel tests: settings and autosaves in a temporary folder, real main
windows closed without questions afterwards, and a way to answer a modal dialog."""

from __future__ import annotations

import pytest

from labs import load_course


@pytest.fixture(autouse=True)
def _private_settings(isolated_settings):
    """Every labs test keeps away from the user's settings and recovery folder."""


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
def course():
    return load_course()
