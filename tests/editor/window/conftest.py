"""Fixtures for the window tests: settings and recovery files in a temporary folder, and a way to
answer the next modal dialog by clicking one of its real buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox

from editor.document import Document
from editor.qt_compat import keep_none_alive
from model.documents import open_design
from tests.support.builder import ROOT

EXAMPLES = ROOT / "examples"

# PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call (see editor/qt_compat.py);
# widget tests make enough of them to abort the interpreter.
keep_none_alive()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Never read or write the user's real settings or recovery folder."""
    settings = tmp_path / "settings"
    recovery = tmp_path / "recovery"
    settings.mkdir()
    monkeypatch.setenv("KUMOZU_SETTINGS_DIR", str(settings))
    monkeypatch.setenv("KUMOZU_RECOVERY_DIR", str(recovery))
    return settings, recovery


@pytest.fixture
def example_document(qtbot):
    def make(name: str = "dual-az-web") -> Document:
        return Document(open_design(str(EXAMPLES / f"{name}.kumozu.yaml")))
    return make


class DialogAnswerer:
    """Clicks a button of the next modal dialog (a QMessageBox or any QDialog) when it opens, and
    remembers the dialog's text so the test can check what the user was told."""

    def __init__(self):
        self.seen: list[str] = []
        self._pending: list = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)

    def answer(self, button) -> None:
        """``button``: a QMessageBox.StandardButton, or the text of a button ("Save As…")."""
        self._pending.append(button)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not self._pending:
            return
        wanted = self._pending.pop(0)
        if isinstance(dialog, QMessageBox):
            self.seen.append(f"{dialog.text()}\n{dialog.informativeText()}")
            target = dialog.button(wanted) if not isinstance(wanted, str) else None
        else:
            self.seen.append(dialog.windowTitle())
            target = None
        if target is None:
            for candidate in dialog.findChildren(QAbstractButton):
                if candidate.text().replace("&", "") == wanted:
                    target = candidate
                    break
        if target is None:
            dialog.reject()  # never leave the test stuck in a dialog
            raise AssertionError(f"no button {wanted!r} in dialog {dialog.windowTitle()!r}")
        target.click()
        if not self._pending:
            self._timer.stop()

    @property
    def done(self) -> bool:
        return not self._pending


@pytest.fixture
def dialogs(qtbot):
    answerer = DialogAnswerer()
    yield answerer
    answerer._timer.stop()
    if isinstance(QApplication.activeModalWidget(), QDialog):
        QApplication.activeModalWidget().reject()
