"""Unsaved work survives a crash: autosaves while changes are unsaved, gone after a save, and offered
(and restored) at the next start after the editor was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.app import start_editor
from editor.recovery import Autosaver, RecoveryStore
from model import edits
from tests.support.windows import copy_example

DRIVER = Path(__file__).with_name("crash_editor.py")


def wait_until(condition, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_unsaved_changes_are_autosaved_and_a_save_removes_the_autosave(qtbot, make_window, tmp_path,
                                                                       isolated_settings):
    window = make_window(copy_example(tmp_path))
    autosaver: Autosaver = window.autosaver
    autosaver.set_interval(50)
    session = autosaver.session
    qtbot.wait(150)
    assert not session.has_autosave  # nothing unsaved, nothing written
    window.document.push(edits.rename(window.document.diagram, "app-a", "autosaved name"))
    qtbot.waitUntil(lambda: session.has_autosave, timeout=3000)
    assert "autosaved name" in session.design_path.read_text(encoding="utf-8")
    assert str(tmp_path / "dual-az-web.kumozu.yaml") in session.info_path.read_text(encoding="utf-8")
    window.menu_actions.save.trigger()
    assert not session.has_autosave and not session.info_path.exists()


def test_an_editor_still_running_is_not_offered_for_recovery(qtbot, make_window, tmp_path,
                                                              isolated_settings):
    _, recovery = isolated_settings
    window = make_window(copy_example(tmp_path))
    window.document.push(edits.rename(window.document.diagram, "app-a", "live"))
    assert window.autosaver.save_now()
    assert RecoveryStore(recovery).orphans() == []  # its lock is held by this (living) process


@pytest.mark.slow
def test_after_the_editor_is_killed_the_next_start_offers_and_restores_the_autosave(
        qtbot, tmp_path, isolated_settings, dialogs):
    settings, recovery = isolated_settings
    design = copy_example(tmp_path)
    original = design.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KUMOZU_AUTOSAVE_MS="200",
               KUMOZU_SETTINGS_DIR=str(settings), KUMOZU_RECOVERY_DIR=str(recovery),
               PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    editor = subprocess.Popen([sys.executable, str(DRIVER), str(design), "after-the-crash"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "AUTOSAVED" not in line and time.monotonic() < deadline and editor.poll() is None:
            line = editor.stdout.readline()
        assert "AUTOSAVED" in line, editor.stderr.read() if editor.poll() is not None else "no autosave"
    finally:
        editor.send_signal(signal.SIGKILL)  # the crash: no closeEvent, no cleanup
        editor.wait(10)
    assert editor.returncode == -signal.SIGKILL
    assert design.read_bytes() == original  # the change was never saved
    store = RecoveryStore(recovery)
    orphans = store.orphans()
    assert len(orphans) == 1 and orphans[0].original_path == str(design)

    dialogs.answer("Restore")
    windows = start_editor(str(design), recovery=store)
    try:
        assert dialogs.done and dialogs.seen == ["Recover unsaved work"]
        # The restored design is not opened a second time from the stale file.
        assert len(windows) == 1
        restored = windows[0]
        assert restored.document.diagram["app-a"].name == "after-the-crash"
        assert restored.document.is_modified and restored.isWindowModified()
        assert restored.document.path == str(design)
        assert restored.windowTitle() == "dual-az-web.kumozu.yaml[*] — Kumozu"
        assert orphans[0].design_path.exists() is False  # taken over by the new session
        assert restored.autosaver.session.has_autosave
        restored.menu_actions.save.trigger()  # saving goes to the original file
        assert "after-the-crash" in design.read_text(encoding="utf-8")
        assert RecoveryStore(recovery).orphans() == []
    finally:
        for window in windows:
            window.document.undo_stack.setClean()
            window.close()


def leave_orphan(store: RecoveryStore, text: str, original: str | None):
    """An autosave whose editor is gone: written, then its lock released without cleaning up."""
    session = store.new_session()
    from model.documents import DesignFormat
    session.write(text, original, DesignFormat.NATIVE, "left behind", 3)
    session._lock.unlock()
    return session


def test_not_now_keeps_autosaves_and_discard_deletes_them(qtbot, tmp_path, isolated_settings, dialogs):
    _, recovery = isolated_settings
    store = RecoveryStore(recovery)
    design = copy_example(tmp_path)
    orphan = leave_orphan(store, design.read_text(encoding="utf-8"), str(design))
    dialogs.answer("Not Now")
    windows = start_editor(None, recovery=store)
    assert [e.session_id for e in store.orphans()] == [orphan.id]
    assert windows[0].document.path is None and len(windows[0].document.diagram) == 0
    windows[0].close()
    dialogs.answer("Discard")
    windows = start_editor(None, recovery=store)
    assert store.orphans() == []
    assert not orphan.design_path.exists() and not orphan.info_path.exists()
    windows[0].close()


def test_a_restored_untitled_design_stays_untitled_and_unsaved(qtbot, tmp_path, isolated_settings, dialogs):
    _, recovery = isolated_settings
    store = RecoveryStore(recovery)
    design = copy_example(tmp_path)
    leave_orphan(store, design.read_text(encoding="utf-8"), None)
    dialogs.answer("Restore")
    windows = start_editor(None, recovery=store)
    try:
        assert len(windows) == 1
        window = windows[0]
        assert window.document.path is None and window.document.is_modified
        assert window.windowTitle() == "Untitled[*] — Kumozu"
        assert "app-a" in window.document.diagram
    finally:
        windows[0].document.undo_stack.setClean()
        windows[0].close()


def test_a_window_autosaves_every_30_seconds_by_default(qtbot, make_window, monkeypatch):
    """The issue's interval: 30 s unless the preference (or the tests' override) says otherwise."""
    monkeypatch.delenv("KUMOZU_AUTOSAVE_MS", raising=False)
    window = make_window()
    assert window.prefs.autosave_seconds == 30
    assert window.autosaver.interval_ms == 30_000
