"""Saving never loses work: atomic native saves, prompts before unsaved changes are dropped, clear
errors for folders that cannot be written, and no overwriting of templates or examples."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from editor import file_ops
from editor.file_ops import describe_write_error
from editor.settings import RecentFiles
from model import edits, native_format
from model.documents import DesignFormat, OpenedDesign, open_design
from tests.support.windows import copy_example

TEMPLATE = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
"""


def rename(window, rid: str, name: str) -> None:
    window.document.push(edits.rename(window.document.diagram, rid, name))


@contextmanager
def read_only_folder(folder: Path):
    """``folder`` made unwritable: by permissions, or (as root, whom permissions do not stop) by the
    immutable attribute. Skips the test where neither is possible."""
    folder.mkdir(exist_ok=True)
    immutable = False
    os.chmod(folder, 0o555)
    if os.access(folder, os.W_OK) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        probe = folder / ".probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("this machine lets the test write into a read-only folder")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        os.chmod(folder, 0o755)


def test_save_close_and_reopen_gives_the_same_design(qtbot, make_window, tmp_path):
    path = copy_example(tmp_path)
    window = make_window(path)
    rename(window, "app-a", "application A")
    window.document.push(edits.set_property(window.document.diagram, "app-c", "cidr", "10.0.30.0/24"))
    expected = native_format.dumps(window.document.diagram)
    window.menu_actions.save.trigger()
    assert not window.isWindowModified()
    assert path.read_text(encoding="utf-8") == expected
    window.close()
    reopened = make_window(path)
    assert reopened.document.to_native_text() == expected
    assert reopened.document.diagram["app-a"].name == "application A"
    assert str(path.resolve()) == RecentFiles().paths()[0]


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_everything(qtbot, make_window, tmp_path,
                                                                        dialogs):
    path = copy_example(tmp_path)
    original = path.read_bytes()
    window = make_window(path)
    rename(window, "app-a", "application A")
    dialogs.answer(QMessageBox.Cancel)
    assert not window.close()
    assert dialogs.done and "Save the changes to “dual-az-web.kumozu.yaml”" in dialogs.seen[0]
    assert window.isVisible() and window.document.is_modified
    dialogs.answer(QMessageBox.Discard)
    assert window.close()
    assert path.read_bytes() == original


def test_choosing_save_in_the_prompt_saves_then_closes(qtbot, make_window, tmp_path, dialogs):
    path = copy_example(tmp_path)
    window = make_window(path)
    rename(window, "app-a", "application A")
    dialogs.answer(QMessageBox.Save)
    assert window.close()
    assert open_design(str(path)).diagram["app-a"].name == "application A"


def test_new_and_open_ask_before_dropping_unsaved_changes(qtbot, make_window, tmp_path, dialogs):
    path = copy_example(tmp_path)
    window = make_window(path)
    rename(window, "app-a", "application A")
    dialogs.answer(QMessageBox.Cancel)
    window.menu_actions.new.trigger()
    assert dialogs.done and "before starting a new design" in dialogs.seen[-1]
    assert window.document.diagram["app-a"].name == "application A"
    other = copy_example(tmp_path, "route-tables")
    dialogs.answer(QMessageBox.Cancel)
    window.files.open_recent(str(other))
    assert "before opening another design" in dialogs.seen[-1]
    assert window.document.path == str(path)
    dialogs.answer(QMessageBox.Discard)
    window.menu_actions.new.trigger()
    assert len(window.document.diagram) == 0 and window.windowTitle() == "Untitled[*] — Kumozu"


def test_save_never_writes_native_over_a_cloudformation_template(qtbot, make_window, tmp_path, dialogs,
                                                                 builder, monkeypatch):
    template = tmp_path / "network.yaml"
    template.write_text(TEMPLATE, encoding="utf-8")
    builder.vpc("Vpc")
    from editor.document import Document
    window = make_window(document=Document(OpenedDesign(builder.diagram, str(template),
                                                        DesignFormat.CLOUDFORMATION)))
    assert window.windowTitle() == "network.yaml (CloudFormation)[*] — Kumozu"
    rename(window, "Vpc", "main network")
    dialogs.answer(QMessageBox.Cancel)
    assert window.files.save() is False
    assert "CloudFormation template" in dialogs.seen[0]
    assert template.read_text(encoding="utf-8") == TEMPLATE and window.document.is_modified
    target = tmp_path / "network.kumozu.yaml"
    asked = []
    monkeypatch.setattr(file_ops, "choose_save_path",
                        lambda parent, title, start, flt: asked.append(start) or str(target))
    dialogs.answer("Save As…")
    assert window.files.save() is True
    assert asked == [str(tmp_path / "network.kumozu.yaml")]  # suggested next to the template
    assert template.read_text(encoding="utf-8") == TEMPLATE
    assert open_design(str(target)).diagram["Vpc"].name == "main network"
    assert window.document.path == str(target) and window.document.format is DesignFormat.NATIVE


def test_save_as_over_an_existing_template_asks_first(qtbot, make_window, tmp_path, dialogs, monkeypatch):
    template = tmp_path / "stack.yaml"
    template.write_text(TEMPLATE, encoding="utf-8")
    window = make_window(copy_example(tmp_path))
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(template))
    dialogs.answer(QMessageBox.Cancel)
    assert window.files.save_as() is False
    assert "CloudFormation template" in dialogs.seen[0]
    assert template.read_text(encoding="utf-8") == TEMPLATE


def test_an_example_is_never_overwritten_by_save(qtbot, make_window, tmp_path, monkeypatch):
    example = copy_example(tmp_path)
    original = example.read_bytes()
    window = make_window(example, example=True)
    rename(window, "app-a", "application A")
    target = tmp_path / "mine.kumozu.yaml"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(target))
    window.menu_actions.save.trigger()
    assert example.read_bytes() == original
    assert target.exists() and not window.is_example
    assert window.windowTitle() == "mine.kumozu.yaml[*] — Kumozu"


def test_saving_into_a_read_only_folder_reports_it_and_keeps_the_changes(qtbot, make_window, tmp_path,
                                                                          dialogs):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = copy_example(folder)
    original = path.read_bytes()
    window = make_window(path)
    rename(window, "app-a", "application A")
    with read_only_folder(folder):
        dialogs.answer(QMessageBox.Ok)
        assert window.files.save() is False
        assert dialogs.done and "not allowed to write" in dialogs.seen[0]
        assert "still open with all its changes" in dialogs.seen[0]
        assert window.document.is_modified and window.isWindowModified()
        assert path.read_bytes() == original
        assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left behind
    assert window.document.diagram["app-a"].name == "application A"


def test_saving_into_a_missing_folder_reports_it_and_keeps_the_changes(qtbot, make_window, tmp_path,
                                                                        dialogs, monkeypatch):
    window = make_window(copy_example(tmp_path))
    rename(window, "app-a", "application A")
    missing = tmp_path / "gone" / "design.kumozu.yaml"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(missing))
    dialogs.answer(QMessageBox.Ok)
    assert window.files.save_as() is False
    assert "does not exist" in dialogs.seen[0]
    assert window.document.is_modified and not missing.parent.exists()
    assert window.document.path == str(tmp_path / "dual-az-web.kumozu.yaml")


def test_a_full_disk_is_explained_in_words():
    message = describe_write_error(OSError(errno.ENOSPC, "No space left on device"), "/data/x.yaml")
    assert message == "The disk is full (or your quota is used up)."


def test_an_unreadable_file_is_reported_and_the_open_design_stays(qtbot, make_window, tmp_path, dialogs):
    window = make_window(copy_example(tmp_path))
    bad = tmp_path / "broken.kumozu.yaml"
    bad.write_text("format: kumozu\nversion: 1\nresources:\n  a: {kind: Nonsense}\n", encoding="utf-8")
    dialogs.answer(QMessageBox.Ok)
    assert window.files.open_path(str(bad)) is False
    assert "broken.kumozu.yaml:4" in dialogs.seen[0] and "Nonsense" in dialogs.seen[0]
    assert window.document.path == str(tmp_path / "dual-az-web.kumozu.yaml")
    assert "app-a" in window.document.diagram


def test_png_export_uses_the_chosen_scale(qtbot, make_window, tmp_path, dialogs, monkeypatch):
    from PySide6.QtGui import QImage
    window = make_window(copy_example(tmp_path))
    out = tmp_path / "picture.png"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(out))
    sizes = {}
    for scale in (1.0, 2.0):
        dialogs.answer("Export…")
        original_init = file_ops.ImageExportDialog.__init__

        def init(self, *args, _scale=scale, _orig=original_init, **kwargs):
            _orig(self, *args, **kwargs)
            self.scale.setValue(_scale)
        monkeypatch.setattr(file_ops.ImageExportDialog, "__init__", init)
        window.menu_actions.export_png.trigger()
        assert dialogs.done
        sizes[scale] = QImage(str(out)).size()
    assert sizes[2.0].width() == pytest.approx(2 * sizes[1.0].width(), abs=2)
    assert not window.document.is_modified and window.document.path.endswith("dual-az-web.kumozu.yaml")


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_svg_and_pdf_export_from_the_menu_draw_the_design(qtbot, make_window, tmp_path, dialogs, monkeypatch,
                                                          fmt):
    """File ▸ Export ▸ SVG / PDF: the options dialog (no scale for vector formats), a file chooser, a
    real drawing with the resources' names in it, and the design itself untouched."""
    import xml.etree.ElementTree as ElementTree
    window = make_window(copy_example(tmp_path))
    out = tmp_path / f"picture.{fmt}"
    chosen = []
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: chosen.append(args) or str(out)[:-4])
    dialogs.answer("Export…")
    {"svg": window.menu_actions.export_svg, "pdf": window.menu_actions.export_pdf}[fmt].trigger()
    assert dialogs.done and dialogs.seen == [f"Export {fmt.upper()}"]
    assert chosen and chosen[0][2].endswith(f"dual-az-web.{fmt}")  # suggested after the design
    data = out.read_bytes()  # the extension was added to the chosen name
    if fmt == "svg":
        root = ElementTree.fromstring(data)
        assert root.tag.endswith("svg")
        texts = {"".join(t.itertext()).strip() for t in root.iter() if t.tag.endswith("text")}
        assert {"web-alb", "web-vpc"} <= texts
    else:
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(data) > 10_000
    assert window.statusBar().currentMessage() == f"Exported picture.{fmt}"
    assert not window.document.is_modified and window.document.path.endswith("dual-az-web.kumozu.yaml")


def test_native_export_writes_the_design_without_changing_where_it_is_saved(qtbot, make_window, tmp_path,
                                                                            monkeypatch):
    window = make_window(copy_example(tmp_path))
    rename(window, "app-a", "application A")
    out = tmp_path / "copy.kumozu.yaml"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(out))
    window.menu_actions.export_native.trigger()
    assert out.read_text(encoding="utf-8") == window.document.to_native_text()
    assert window.document.path == str(tmp_path / "dual-az-web.kumozu.yaml") and window.document.is_modified


def test_cloudformation_export_writes_a_template_that_opens_as_the_same_design(qtbot, make_window, tmp_path,
                                                                             monkeypatch):
    window = make_window(copy_example(tmp_path))
    out = tmp_path / "stack.cfn.yaml"
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(out))
    window.menu_actions.export_cfn_yaml.trigger()
    reopened = open_design(str(out))
    assert reopened.format is DesignFormat.CLOUDFORMATION
    assert set(reopened.diagram.ids()) == set(window.document.diagram.ids())
    assert window.document.path == str(tmp_path / "dual-az-web.kumozu.yaml")  # still saved there


def test_a_cloudformation_template_opens_with_its_import_notes(qtbot, make_window, tmp_path, dialogs):
    template = tmp_path / "stack.yaml"
    template.write_text(TEMPLATE + "  Thing:\n    Type: AWS::SomeNew::Thing\n", encoding="utf-8")
    window = make_window()
    dialogs.answer(QMessageBox.Ok)
    assert window.files.open_path(str(template))
    assert dialogs.done and "imported" in dialogs.seen[0]
    assert window.document.format is DesignFormat.CLOUDFORMATION
    assert window.windowTitle() == "stack.yaml (CloudFormation)[*] — Kumozu"
    assert "Vpc" in window.document.diagram and "Thing" in window.document.diagram


def test_starting_with_an_unreadable_file_says_why_and_opens_an_empty_design(qtbot, tmp_path, dialogs):
    from editor.app import start_editor
    missing = tmp_path / "nowhere.kumozu.yaml"
    dialogs.answer(QMessageBox.Ok)
    windows = start_editor(str(missing))
    try:
        assert dialogs.done and "no such file" in dialogs.seen[0]
        assert len(windows) == 1 and len(windows[0].document.diagram) == 0
        assert windows[0].windowTitle() == "Untitled[*] — Kumozu"
    finally:
        windows[0].close()


def test_save_as_over_a_design_from_a_newer_kumozu_asks_first(qtbot, make_window, tmp_path, dialogs,
                                                               monkeypatch):
    newer = tmp_path / "future.kumozu.yaml"
    newer.write_text("format: kumozu\nversion: 99\nresources: {}\n", encoding="utf-8")
    window = make_window(copy_example(tmp_path))
    monkeypatch.setattr(file_ops, "choose_save_path", lambda *args: str(newer))
    dialogs.answer(QMessageBox.Cancel)
    assert window.files.save_as() is False
    assert "newer Kumozu (format version 99)" in dialogs.seen[0]
    assert newer.read_text(encoding="utf-8").startswith("format: kumozu\nversion: 99")
    dialogs.answer("Replace")
    assert window.files.save_as() is True
    assert open_design(str(newer)).diagram.ids() == window.document.diagram.ids()
