"""Shared test setup: Qt runs offscreen, and the examples and builder are at hand."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def builder():
    """A fresh :class:`tests.support.builder.DesignBuilder`."""
    from tests.support.builder import DesignBuilder
    return DesignBuilder()


@pytest.fixture(autouse=True)
def _empty_clipboard_after_qt_tests():
    """Qt's offscreen platform crashes while shutting down if the clipboard still holds data a test
    copied (QMimeData), so every test leaves the clipboard empty."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.clipboard().clear()


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, speaking English as the editor does when it starts in an English
    locale: with the English catalogue installed, which holds the plural forms ("2 resources")."""
    from editor.translations import use_language
    use_language("en")
    return qapp


@pytest.fixture
def isolated_settings(tmp_path, monkeypatch):
    """Never read or write the user's real settings or recovery folder: ``(settings, recovery)``
    folders of the test's own."""
    settings = tmp_path / "settings"
    recovery = tmp_path / "recovery"
    settings.mkdir()
    monkeypatch.setenv("KUMOZU_SETTINGS_DIR", str(settings))
    monkeypatch.setenv("KUMOZU_RECOVERY_DIR", str(recovery))
    return settings, recovery


@pytest.fixture
def dialogs(qtbot):
    """Answers the next modal dialogs (:class:`tests.support.windows.DialogAnswerer`); a dialog
    still open at the end of the test is rejected, so no test hangs on one."""
    from PySide6.QtWidgets import QApplication, QDialog

    from tests.support.windows import DialogAnswerer

    answerer = DialogAnswerer()
    yield answerer
    answerer._timer.stop()
    if isinstance(QApplication.activeModalWidget(), QDialog):
        QApplication.activeModalWidget().reject()
