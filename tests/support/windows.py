"""Helpers for tests that drive real editor windows: private copies of the examples, and a way to
answer the next modal dialog by clicking one of its real buttons. The fixtures built on them
(``isolated_settings``, ``dialogs``) are in ``tests/conftest.py``."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from tests.support.builder import ROOT

__all__ = ["EXAMPLES", "DialogAnswerer", "copy_example"]

EXAMPLES = ROOT / "examples"


def copy_example(tmp_path, name: str = "dual-az-web"):
    """A private copy of an example, so saving it changes nothing in the repository."""
    target = tmp_path / f"{name}.kumozu.yaml"
    target.write_bytes((EXAMPLES / f"{name}.kumozu.yaml").read_bytes())
    return target


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
