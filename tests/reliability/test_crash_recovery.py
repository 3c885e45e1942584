"""Nothing typed is lost when the editor dies: a real editor process with several unsaved edits
(made through the inspector, the document and the canvas) is killed with SIGKILL; the next start
offers its autosave and restores exactly the design it had, unsaved, still tied to its file."""

from __future__ import annotations

import hashlib
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.app import start_editor
from editor.recovery import RecoveryStore
from tests.editor.window.conftest import copy_example

DRIVER = Path(__file__).with_name("crashing_editor.py")
ROOT = Path(__file__).resolve().parents[2]


def read_line(process: subprocess.Popen, timeout: float) -> str:
    """The next line the process prints, waiting at most ``timeout`` seconds (never forever: a
    hung editor fails the test instead of hanging it)."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if selector.select(timeout=0.2):
                return process.stdout.readline()
            if process.poll() is not None:
                return ""
        return ""
    finally:
        selector.close()


@pytest.mark.slow
@pytest.mark.parametrize("run", range(3))
def test_a_killed_editor_s_unsaved_work_is_offered_and_restored_exactly(
        run, qtbot, tmp_path, isolated_settings, dialogs):
    settings, recovery = isolated_settings
    design = copy_example(tmp_path)
    original = design.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KUMOZU_AUTOSAVE_MS=str(100 + 150 * run),
               KUMOZU_SETTINGS_DIR=str(settings), KUMOZU_RECOVERY_DIR=str(recovery),
               PYTHONPATH=str(ROOT))
    editor = subprocess.Popen([sys.executable, str(DRIVER), str(design)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        added = read_line(editor, 60)
        line = read_line(editor, 60)
        assert added.startswith("ADDED ") and line.startswith("AUTOSAVED "), \
            editor.stderr.read() if editor.poll() is not None else f"{added!r} {line!r}"
    finally:
        editor.send_signal(signal.SIGKILL)  # the crash: no closeEvent, no cleanup
        editor.wait(10)
    assert editor.returncode == -signal.SIGKILL
    had = line.split()[1]
    assert design.read_bytes() == original  # nothing was saved

    dialogs.answer("Restore")
    windows = start_editor(str(design), recovery=RecoveryStore(recovery))
    try:
        assert dialogs.done and dialogs.seen == ["Recover unsaved work"]
        assert len(windows) == 1
        document = windows[0].document
        assert hashlib.sha256(document.to_native_text().encode()).hexdigest() == had
        diagram = document.diagram
        assert diagram["app-a"].name == "renamed before the crash"
        server = added.split()[1]
        assert server in diagram and "nat-c" not in diagram
        assert any(r.source == server and r.target == "app-a" for r in diagram.relations())
        assert document.is_modified and document.path == str(design)
        assert RecoveryStore(recovery).orphans() == []  # taken over by the new window
    finally:
        for window in windows:
            window.document.undo_stack.setClean()
            window.close()
