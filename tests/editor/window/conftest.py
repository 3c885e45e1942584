"""Fixtures for the window tests: settings and recovery files in a temporary folder, and a way to
answer the next modal dialog by clicking one of its real buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox

from editor.document import Document
from model.documents import open_design
from tests.support.builder import ROOT

EXAMPLES = ROOT / "examples"


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
def documents(qtbot):
    """Makes Documents and empties their undo stacks after the test, while they are still whole
    (a stack emptied during the Document's own destruction signals into a half-deleted object)."""
    made: list[Document] = []

    def make(opened=None) -> Document:
        document = Document(opened)
        made.append(document)
        return document
    yield make
    for document in made:
        document.undo_stack.clear()


@pytest.fixture
def example_document(documents):
    def make(name: str = "dual-az-web") -> Document:
        return documents(open_design(str(EXAMPLES / f"{name}.kumozu.yaml")))
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


@pytest.fixture
def make_window(qtbot):
    """Opens MainWindows; at the end of the test each is closed without questions (what a test
    left unsaved is thrown away)."""
    from editor.main_window import MainWindow

    made = []

    def make(path: str | None = None, document: Document | None = None, example: bool = False):
        window = MainWindow(document)  # not qtbot.addWidget: it would close before we clean up
        if path is not None:
            assert window.files.open_path(str(path), example=example)
        window.show()
        made.append(window)
        return window
    yield make
    for window in made:
        try:
            window.document.undo_stack.setClean()
            window.close()
        except RuntimeError:  # already closed and deleted by the test
            pass


def copy_example(tmp_path, name: str = "dual-az-web"):
    """A private copy of an example, so saving it changes nothing in the repository."""
    target = tmp_path / f"{name}.kumozu.yaml"
    target.write_bytes((EXAMPLES / f"{name}.kumozu.yaml").read_bytes())
    return target
