"""Hostile files in the editor: opening one (a design or template with File ▸ Open, a lab with
Labs ▸ Open Lab) shows an error dialog naming the file and line, runs nothing, and leaves the open
document exactly as it was: the same native bytes, undo stack, modified flag and file."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QMessageBox

from editor.app import start_editor
from editor.recovery import RecoveryStore
from model.documents import DesignFormat
from tests.reliability.hostile_files import (EXECUTED_TEXT, MARKER_NAME, PROBE_MODULE, hostile_cases,
                                             python_tag_cases)

CASES = hostile_cases()


def state(window) -> tuple:
    """Everything the user would lose if a failed open touched the document."""
    document = window.document
    stack = document.undo_stack
    return (document.to_native_text(), stack.count(), stack.index(), stack.cleanIndex(),
            [stack.text(i) for i in range(stack.count())], document.is_modified,
            window.isWindowModified(), document.path, document.format, sorted(document.findings),
            window.windowTitle())


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_opening_a_hostile_file_shows_an_error_and_leaves_the_document_untouched(
        case, busy_window, tmp_path, dialogs, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(tmp_path))
    path, line, words = case.build(tmp_path)
    before = state(busy_window)
    lab_before = busy_window.labs.file_lab
    dialogs.answer(QMessageBox.Ok)
    started = time.perf_counter()
    if case.format == "lab":
        assert busy_window.labs.open_lab_path(str(path)) is None
    else:
        assert busy_window.files.open_path(str(path)) is False
    elapsed = time.perf_counter() - started
    assert dialogs.done and len(dialogs.seen) == 1
    where = f"{path}:{line}:" if line else f"{path}:"
    assert where in dialogs.seen[0] and any(word in dialogs.seen[0] for word in words), dialogs.seen[0]
    assert state(busy_window) == before
    assert busy_window.labs.file_lab is lab_before
    assert not (tmp_path / MARKER_NAME).exists() and PROBE_MODULE not in __import__("sys").modules
    assert EXECUTED_TEXT not in capsys.readouterr().out
    assert elapsed < 2.0  # the dialog answers itself within 20 ms; reading is the rest


TAG_CASES = [c for c in python_tag_cases() if c.format != "lab"]


@pytest.mark.parametrize("case", TAG_CASES[:3] + TAG_CASES[-3:], ids=lambda c: c.id)
def test_starting_the_editor_on_a_hostile_file_explains_and_opens_an_empty_design(
        case, qtbot, tmp_path, isolated_settings, dialogs, monkeypatch):
    """``kumozu FILE`` from a file manager: the same refusal, then an empty design to work in."""
    monkeypatch.syspath_prepend(str(tmp_path))
    path, line, _ = case.build(tmp_path)
    dialogs.answer(QMessageBox.Ok)
    windows = start_editor(str(path))
    try:
        assert dialogs.done and f"{path}:{line}:" in dialogs.seen[0] and "Python code" in dialogs.seen[0]
        assert len(windows) == 1 and len(windows[0].document.diagram) == 0
        assert windows[0].document.path is None and not windows[0].document.is_modified
        assert not (tmp_path / MARKER_NAME).exists()
    finally:
        for window in windows:
            window.close()


def test_a_poisoned_autosave_is_not_restored_and_runs_nothing(qtbot, tmp_path, isolated_settings,
                                                               dialogs, monkeypatch):
    """Someone (or something) wrote a Python payload into the recovery folder: restoring it is
    refused with a message, the autosave is kept for the user to look at, nothing runs."""
    _, recovery = isolated_settings
    monkeypatch.syspath_prepend(str(tmp_path))
    case = next(c for c in python_tag_cases() if c.id == "native-python-object-apply-os-system")
    hostile, line, _ = case.build(tmp_path)
    store = RecoveryStore(recovery)
    session = store.new_session()
    session.write(hostile.read_text(encoding="utf-8"), None, DesignFormat.NATIVE, "poisoned", 3)
    session._lock.unlock()  # its editor "died"
    dialogs.answer("Restore")
    dialogs.answer(QMessageBox.Ok)
    windows = start_editor(None, recovery=store)
    try:
        assert dialogs.done
        assert dialogs.seen[0] == "Recover unsaved work"
        assert "cannot be read" in dialogs.seen[1] and f":{line}:" in dialogs.seen[1]
        assert "Python code" in dialogs.seen[1]
        assert len(windows) == 1 and len(windows[0].document.diagram) == 0
        assert session.design_path.exists()  # kept: not silently thrown away
        assert not (tmp_path / MARKER_NAME).exists()
    finally:
        for window in windows:
            window.close()
