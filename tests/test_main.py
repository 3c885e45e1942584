"""The command line of the foundation: help, version, validate's exit codes and JSON, export."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import main
from model import native_format

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dual-az-web.kumozu.yaml"

OVERLAPPING = """\
format: kumozu
version: 1
resources:
  vpc: {kind: Vpc, properties: {cidr_blocks: [10.0.0.0/16]}}
  a: {kind: Subnet, parent: vpc, properties: {cidr: 10.0.1.0/24}}
  b: {kind: Subnet, parent: vpc, properties: {cidr: 10.0.1.0/25}}
"""


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(ROOT)})


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "export", "trace", "check-lab"):
        assert command in result.stdout


def test_version_is_printed():
    from model.version import __version__
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_validate_a_clean_design_exits_0(capsys):
    assert main.main(["validate", str(EXAMPLE)]) == 0
    assert "0 errors, 0 warnings, 0 info in " in capsys.readouterr().out


def test_validate_reports_errors_with_exit_1_and_the_json_schema(tmp_path, capsys):
    path = tmp_path / "overlap.kumozu.yaml"
    path.write_text(OVERLAPPING, encoding="utf-8")
    assert main.main(["validate", str(path), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["file"] == str(path)
    assert set(doc["summary"]) >= {"errors", "warnings"} and doc["summary"]["errors"] >= 1
    overlap = next(f for f in doc["findings"] if f["rule"] == "cidr-overlap")
    assert set(overlap) >= {"rule", "severity", "message", "resources", "fix"}
    assert overlap["severity"] == "error" and sorted(overlap["resources"]) == ["a", "b"]


def test_unreadable_input_exits_2_with_the_location_and_no_traceback(tmp_path):
    path = tmp_path / "bad.kumozu.yaml"
    path.write_text(OVERLAPPING.replace("10.0.1.0/25", "10.0.1.0/33"), encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 2
    assert f"{path}:6:" in result.stderr and "not a valid IPv4 network" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run("validate", str(tmp_path / "missing.yaml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_export_draws_png_svg_and_pdf_without_a_display(tmp_path):
    for suffix in ("png", "svg", "pdf"):
        out = tmp_path / f"design.{suffix}"
        result = run("export", str(EXAMPLE), "-o", str(out))
        assert result.returncode == 0, result.stderr
        data = out.read_bytes()
        assert len(data) > 10_000
        if suffix == "png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
        elif suffix == "svg":
            assert ET.fromstring(data).tag.endswith("svg")
        else:
            assert data[:5] == b"%PDF-"


def test_png_export_shows_the_design(tmp_path, qapp):
    """The picture has the size of the drawing and is not blank."""
    from PySide6.QtGui import QImage
    out = tmp_path / "design.png"
    assert main.main(["export", str(EXAMPLE), "-o", str(out), "--scale", "1"]) == 0
    image = QImage(str(out))
    assert image.width() > 600 and image.height() > 600
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 37)}
    assert len(colours) > 12, "a blank or one-colour picture"


def test_export_to_native_yaml_gives_the_same_design(tmp_path):
    out = tmp_path / "copy.yaml"
    assert main.main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("output,message", [
    ("design.docx", "cannot tell the format"),
    ("no/such/folder/out.png", "folder does not exist"),
])
def test_export_refuses_what_it_cannot_write(tmp_path, output, message):
    result = run("export", str(EXAMPLE), "-o", str(tmp_path / output))
    assert result.returncode == 2 and message in result.stderr


def test_export_never_leaves_a_half_written_file(tmp_path):
    out = tmp_path / "copy.yaml"
    out.write_text("precious", encoding="utf-8")
    assert main.main(["export", str(EXAMPLE), "-o", str(out)]) == 0
    assert native_format.loads(out.read_text(encoding="utf-8"))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".copy.yaml.")]


def test_a_headless_command_leaves_the_collector_as_it_found_it(capsys):
    """main tunes the garbage collector for a one-shot command and gives the caller back its own
    settings (tests and embedding scripts call main in a process that goes on)."""
    import gc
    before = gc.get_threshold()
    assert main.main(["validate", str(EXAMPLE)]) == 0
    assert gc.get_threshold() == before
    with pytest.raises(SystemExit):
        main.main(["validate", "--format", "nonsense", str(EXAMPLE)])
    assert gc.get_threshold() == before


def test_print_only_commands_end_with_their_exit_code_and_all_their_output(tmp_path):
    """validate and trace end without tearing the interpreter down (see main._exit_without_teardown):
    what they print must still arrive whole, and the exit code must be theirs."""
    path = tmp_path / "overlap.kumozu.yaml"
    path.write_text(OVERLAPPING, encoding="utf-8")
    found = run("validate", str(path), "--format", "json")
    assert found.returncode == 1
    assert json.loads(found.stdout)["summary"]["errors"] >= 1  # the whole document, parsed
    assert run("validate", str(EXAMPLE)).returncode == 0
    missing = run("validate", str(tmp_path / "nowhere.yaml"))
    assert missing.returncode == 2 and "nowhere.yaml" in missing.stderr
    traced = run("trace", str(EXAMPLE), "--from", "internet", "--to", "nothing-called-this")
    assert traced.returncode == 2 and "nothing-called-this" in traced.stderr
