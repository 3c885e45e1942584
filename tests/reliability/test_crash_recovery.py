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
from tests.support.windows import copy_example

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


TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Description: a template handed out in a workshop
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Web:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
"""


def test_a_restored_template_is_still_never_saved_over_without_save_as(
        qtbot, tmp_path, isolated_settings, dialogs, monkeypatch):
    """An editor died with unsaved edits of a CloudFormation template. The restored design still
    knows it came from a template: Save asks for Save As and leaves the template as it was."""
    from editor import file_ops
    from editor.main_window import MainWindow
    from model import edits
    from model.documents import DesignFormat, open_design
    from PySide6.QtWidgets import QMessageBox

    _, recovery = isolated_settings
    template = tmp_path / "workshop.yaml"
    template.write_text(TEMPLATE, encoding="utf-8")
    dying = MainWindow()
    dialogs.answer(QMessageBox.Ok)  # the import notes (the implicit resources a VPC brings)
    assert dying.files.open_path(str(template))
    assert dialogs.done
    dying.document.push(edits.rename(dying.document.diagram, "Web", "web before the crash"))
    assert dying.autosaver.save_now()
    dying.autosaver.session._lock.unlock()  # the editor "died": its lock is stale
    try:
        dialogs.answer("Restore")
        windows = start_editor(None, recovery=RecoveryStore(recovery))
        assert dialogs.seen[1:] == ["Recover unsaved work"] and len(windows) == 1
        document = windows[0].document
        assert document.diagram["Web"].name == "web before the crash"
        assert document.path == str(template) and document.format is DesignFormat.CLOUDFORMATION
        assert document.is_modified
        dialogs.answer(QMessageBox.Cancel)
        assert windows[0].files.save() is False
        assert "CloudFormation template" in dialogs.seen[2]
        assert template.read_text(encoding="utf-8") == TEMPLATE
        mine = tmp_path / "workshop.kumozu.yaml"
        monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(mine))
        dialogs.answer("Save As…")
        assert windows[0].files.save() is True
        assert template.read_text(encoding="utf-8") == TEMPLATE
        assert open_design(str(mine)).diagram["Web"].name == "web before the crash"
        for window in windows:
            window.close()
    finally:
        dying.document.undo_stack.setClean()
        dying.close()
