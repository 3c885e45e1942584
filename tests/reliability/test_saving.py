"""Saving never loses work: a real editor process killed mid-save leaves the complete old or new
file; a read-only file, a missing folder and a full disk (a real one: a tiny tmpfs) give a clear
error with the design still open, modified and whole; an in-place save never writes the native
format over a file that has become a CloudFormation template or a newer Kumozu's design."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from editor import file_ops
from model import edits, native_format
from model.documents import open_design
from model.files import atomic_write
from tests.support.windows import copy_example
from tests.support.generated import sized_design

SAVER = Path(__file__).with_name("editor_saver.py")
ROOT = Path(__file__).resolve().parents[2]


# ----------------------------------------------------------------------------- killed mid-save
@pytest.mark.slow
def test_killing_an_editor_while_it_saves_never_leaves_a_torn_file(tmp_path):
    """The editor's own save path (Document.save and save_as, undo and redo between them) on a
    2,300-resource design, killed with SIGKILL at random moments inside its file writes, 20 times:
    the file on disk is every time exactly the complete old or the complete new version."""
    design = tmp_path / "big.kumozu.yaml"
    design.write_text(native_format.dumps(sized_design(20, 10, 10, "net")), encoding="utf-8")
    # What the editor will write for the unedited design (opening lays out what has no position).
    design.write_text(native_format.dumps(open_design(str(design)).diagram), encoding="utf-8")
    original = design.read_bytes()
    assert len(original) > 150_000
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    rng = random.Random(20261129)
    seen = {"old": 0, "new": 0}
    kills = int(os.environ.get("KUMOZU_SAVE_KILLS", "20"))  # the long local run: docs/reliability.md
    for _ in range(kills):
        design.write_bytes(original)  # each run starts from the unedited design
        editor = subprocess.Popen([sys.executable, str(SAVER), str(design), str(tmp_path)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        line = editor.stdout.readline()
        assert line.strip() == b"ready", editor.stderr.read().decode()
        # Kill at a random moment inside a write (the third to the sixth): how long one write
        # takes here and now sets the range, so the kills land inside writes on a fast or a loaded
        # machine (most of a save is making the text; a kill then proves little).
        took = 0.0
        for _ in range(rng.randint(2, 5)):
            took = timed_write(editor)
        assert editor.stdout.readline().strip() == b"write", editor.stderr.read().decode()
        time.sleep(rng.uniform(0.0, took))
        editor.send_signal(signal.SIGKILL)
        editor.wait(timeout=30)
        old, new = (tmp_path / "old").read_bytes(), (tmp_path / "new").read_bytes()
        assert old == original and new != old
        data = design.read_bytes()
        assert data in (old, new), "a torn file"
        seen["old" if data == old else "new"] += 1
        native_format.loads(data, str(design))  # and it opens
    assert seen["new"] > 0, "no kill came after a save: the test proved nothing"
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".big.kumozu.yaml.")]
    assert len(leftovers) <= kills, "a killed save may leave its temporary file, never a torn design"
    print(f"{kills} kills: old {seen['old']}, new {seen['new']}, temporary files left {len(leftovers)}")


def timed_write(editor: subprocess.Popen) -> float:
    """Seconds the saving editor took for its next file write (from ``write`` to ``written``)."""
    assert editor.stdout.readline().strip() == b"write", editor.stderr.read().decode()
    started = time.perf_counter()
    assert editor.stdout.readline().strip() == b"written", editor.stderr.read().decode()
    return time.perf_counter() - started


# ----------------------------------------------------------------------------- the editor window
@pytest.fixture
def window(qtbot, isolated_settings):
    from editor.main_window import MainWindow
    made = []

    def make(path: Path):
        window = MainWindow()
        assert window.files.open_path(str(path))
        window.show()
        made.append(window)
        return window
    yield make
    for window in made:
        window.document.undo_stack.setClean()
        window.close()


def unsaved_work(window) -> str:
    """Make edits as a user would; returns the design's text with them."""
    diagram = window.document.diagram
    window.document.push(edits.rename(diagram, "app-a", "application A"))
    grown = [edits.add_resource(diagram, "Instance", f"extra-{i}", parent="app-a", name="x" * 200)
             for i in range(300)]
    window.document.push(edits.Composite(tuple(grown), "Add instances"))
    return window.document.to_native_text()


def assert_nothing_lost(window, expected_text: str, path: Path, original: bytes) -> None:
    assert window.document.is_modified and window.isWindowModified()
    assert window.document.to_native_text() == expected_text
    assert path.read_bytes() == original
    assert window.document.path == str(path)
    assert not [p for p in path.parent.iterdir() if p.name.startswith(f".{path.name}.")], \
        "a temporary file was left behind"


def test_saving_over_a_read_only_file_is_refused_with_the_file_named(window, tmp_path, dialogs):
    path = copy_example(tmp_path)
    original = path.read_bytes()
    w = window(path)
    expected = unsaved_work(w)
    path.chmod(0o444)
    try:
        dialogs.answer(QMessageBox.Ok)
        assert w.files.save() is False
        assert dialogs.done and f"not allowed to write in “{path}”" in dialogs.seen[0]
        assert "still open with all its changes" in dialogs.seen[0]
        assert_nothing_lost(w, expected, path, original)
        assert path.stat().st_mode & 0o777 == 0o444
    finally:
        path.chmod(0o644)


def test_a_read_only_file_is_not_replaced_by_an_export_either(tmp_path):
    target = tmp_path / "keep.cfn.yaml"
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(PermissionError):
        atomic_write(target, b"replacement")
    assert target.read_text(encoding="utf-8") == "precious"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "export",
                             str(ROOT / "examples" / "dual-az-web.kumozu.yaml"), "-o", str(target)],
                            capture_output=True, text=True, cwd=str(ROOT))
    assert result.returncode == 2 and "read-only" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "precious"


def test_save_as_into_a_folder_removed_meanwhile_keeps_everything(window, tmp_path, dialogs,
                                                                 monkeypatch):
    folder = tmp_path / "project"
    folder.mkdir()
    path = copy_example(folder)
    original = path.read_bytes()
    w = window(path)
    expected = unsaved_work(w)
    gone = tmp_path / "removed-meanwhile" / "copy.kumozu.yaml"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(gone))
    dialogs.answer(QMessageBox.Ok)
    assert w.files.save_as() is False
    assert dialogs.done and "does not exist" in dialogs.seen[0]
    assert_nothing_lost(w, expected, path, original)


# ----------------------------------------------------------------------------- a full disk
@contextmanager
def tiny_disk(folder: Path, size: str = "64k"):
    """A real file system of ``size`` mounted at ``folder`` (tmpfs; needs root). Skips the test,
    saying why, where mounting is impossible."""
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs to fill needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_saving_on_a_full_disk_reports_it_and_keeps_everything(window, tmp_path, dialogs, monkeypatch):
    """A 64 KiB disk holding the 18 KB design: the edited design (about 100 KB) does not fit."""
    with tiny_disk(tmp_path / "disk") as disk:
        path = copy_example(disk)
        original = path.read_bytes()
        w = window(path)
        expected = unsaved_work(w)
        assert len(expected.encode()) > 64 * 1024
        dialogs.answer(QMessageBox.Ok)
        assert w.files.save() is False
        assert dialogs.done and "The disk is full" in dialogs.seen[0], dialogs.seen
        assert "still open with all its changes" in dialogs.seen[0]
        assert_nothing_lost(w, expected, path, original)
        # The user saves elsewhere: everything is there.
        elsewhere = tmp_path / "elsewhere.kumozu.yaml"
        monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(elsewhere))
        assert w.files.save_as() is True
        assert elsewhere.read_text(encoding="utf-8") == expected
        assert not w.document.is_modified and w.document.path == str(elsewhere)


def test_autosave_on_a_full_disk_fails_quietly_and_editing_goes_on(qtbot, tmp_path, isolated_settings,
                                                                  window):
    from editor.recovery import RecoveryStore
    path = copy_example(tmp_path)
    with tiny_disk(tmp_path / "recovery-disk", "16k") as disk:
        w = window(path)
        w.autosaver.session = RecoveryStore(disk).new_session()
        failures = []
        w.autosaver.failed.connect(failures.append)
        unsaved_work(w)
        assert w.autosaver.save_now() is False
        assert failures and "No space left" in failures[0]
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]
        w.document.push(edits.rename(w.document.diagram, "app-c", "still editing"))
        assert w.document.diagram["app-c"].name == "still editing" and w.document.is_modified


# ----------------------------------------------------------------------------- replaced on disk
@pytest.mark.parametrize("replacement,said", [
    ("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Vpc: {Type: AWS::EC2::VPC}\n",
     "CloudFormation"),
    ("format: kumozu\nversion: 2\nresources: {}\n", "newer Kumozu"),
])
def test_an_in_place_save_never_overwrites_a_file_that_became_a_template_or_newer(
        window, tmp_path, dialogs, monkeypatch, replacement, said):
    """Opened as a Kumozu design; meanwhile the file was replaced (a colleague's newer Kumozu, a
    template copied over it). Save refuses and offers Save As; the file stays as it now is."""
    from editor.document import replaced_by
    path = copy_example(tmp_path)
    w = window(path)
    expected = unsaved_work(w)
    path.write_text(replacement, encoding="utf-8")
    assert said in replaced_by(str(path))
    dialogs.answer(QMessageBox.Cancel)
    assert w.files.save() is False
    assert dialogs.done and "is not saved in place" in dialogs.seen[0]
    assert path.read_text(encoding="utf-8") == replacement
    assert w.document.is_modified and w.document.to_native_text() == expected
    target = tmp_path / f"mine-{uuid.uuid4().hex[:6]}.kumozu.yaml"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(target))
    dialogs.answer("Save As…")
    assert w.files.save() is True
    assert target.read_text(encoding="utf-8") == expected
    assert path.read_text(encoding="utf-8") == replacement
