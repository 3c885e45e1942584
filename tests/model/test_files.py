"""Saving is atomic: whatever happens, the file on disk is the complete old or the complete new one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model import native_format
from model.errors import LoadError
from model.files import atomic_write, read_bytes
from tests.support.generated import sized_design

ROOT = Path(__file__).resolve().parents[2]


def test_atomic_write_replaces_the_file_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "design.kumozu.yaml"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert (path.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["design.kumozu.yaml"]


def test_a_failed_replace_leaves_the_target_and_no_temporary(tmp_path):
    """The rename is the last step; when it fails (here the target is a folder) nothing is left."""
    target = tmp_path / "design.kumozu.yaml"
    target.mkdir()
    (target / "inside").write_text("keep", encoding="utf-8")
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert (target / "inside").read_text(encoding="utf-8") == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["design.kumozu.yaml"]


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(OSError):
        atomic_write(tmp_path / "missing" / "design.yaml", b"new")


def test_a_write_that_fails_midway_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "design.kumozu.yaml"
    path.write_text("old", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, b"new" * 1000)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["design.kumozu.yaml"]


def test_read_bytes_refuses_folders_and_oversized_files(tmp_path):
    with pytest.raises(LoadError, match="folder"):
        read_bytes(tmp_path, 100)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 200)
    with pytest.raises(LoadError, match="MB"):
        read_bytes(big, 100)


SAVER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from model.files import atomic_write
target = Path({target!r})
versions = [Path({a!r}).read_bytes(), Path({b!r}).read_bytes()]
print("ready", flush=True)
i = 0
while True:
    atomic_write(target, versions[i % 2])
    i += 1
"""


@pytest.mark.slow
def test_killing_a_saving_process_never_leaves_a_torn_file(tmp_path):
    """A real process saves two large designs in turn; SIGKILL at random moments, many times."""
    a = native_format.dumps(sized_design(20, 10, 10, "alpha")).encode()
    b = native_format.dumps(sized_design(20, 10, 10, "beta")).encode()
    assert len(a) > 150_000 and len(b) > 150_000 and a != b
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    target = tmp_path / "design.kumozu.yaml"
    target.write_bytes(a)
    script = SAVER.format(root=str(ROOT), target=str(target), a=str(tmp_path / "a"),
                          b=str(tmp_path / "b"))
    rng = random.Random(20261129)
    for _ in range(25):
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert process.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        data = target.read_bytes()
        assert data in (a, b), "a torn file"
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".design.kumozu.yaml.")]
    assert len(leftovers) <= 25, "a killed save may leave its temporary, never the target torn"
