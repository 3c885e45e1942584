"""Fixtures for the window tests: settings and recovery files always in a temporary folder,
documents and windows that are put away after the test. (``dialogs`` and ``isolated_settings``
come from ``tests/conftest.py``.)"""

from __future__ import annotations

import pytest

from editor.document import Document
from model.documents import open_design
from tests.support.windows import EXAMPLES


@pytest.fixture(autouse=True)
def _private_settings(isolated_settings):
    """Every window test keeps away from the user's settings and recovery folder."""


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
