"""Hostile and broken files on the command line: ``kumozu validate FILE`` for designs and templates,
``kumozu check-lab LAB SUBMISSION`` for lab files. Each must exit 2 with one clear line naming the
file (and the line, where there is one), within 2 seconds and 300 MB, and run nothing it holds.

Each case runs in a fresh process, measured from outside: wall time around the whole run (Python's
start included) and the child's peak resident memory as the kernel reports it to ``wait4``.
"""

from __future__ import annotations

import sys

import pytest

from labs.format import load_lab
from model.documents import open_design
from model.errors import LoadError
from tests.reliability.hostile_files import (ACTING_PAYLOADS, EXECUTED_TEXT, FORMATS, MARKER_NAME,
                                             PROBE_MODULE, PYTHON_PAYLOADS, hostile_cases,
                                             python_tag_cases, write_probe)
from tests.reliability.measured_run import run_python_code, run_kumozu

SECONDS, MEGABYTES = 2.0, 300.0
CASES = hostile_cases()


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_hostile_file_exits_2_with_a_located_message_quickly_and_runs_nothing(case, tmp_path):
    path, line, words = case.build(tmp_path)
    result = run_kumozu(FORMATS[case.format].command(path), extra_path=tmp_path)
    assert result.returncode == 2, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    where = f"{path}:{line}:" if line else f"{path}:"
    assert message.startswith(f"kumozu: {where}"), message
    assert any(word in message for word in words), message
    assert not (tmp_path / MARKER_NAME).exists() and EXECUTED_TEXT not in result.output
    assert result.seconds < SECONDS, f"{result.seconds:.2f} s"
    assert result.peak_mb < MEGABYTES, f"{result.peak_mb:.0f} MB"


TAG_CASES = python_tag_cases()


@pytest.mark.parametrize("case", TAG_CASES, ids=[c.id for c in TAG_CASES])
def test_every_python_tag_is_refused_at_its_line_and_nothing_is_imported(case, tmp_path, monkeypatch):
    """In-process, so that an import of the probe module would show in ``sys.modules``."""
    monkeypatch.syspath_prepend(str(tmp_path))
    path, line, words = case.build(tmp_path)
    with pytest.raises(LoadError) as caught:
        if case.format == "lab":
            load_lab(path)
        else:
            open_design(str(path))
    error = caught.value
    assert error.path == str(path) and error.line == line
    assert any(word in error.message for word in words), error.message
    assert PROBE_MODULE not in sys.modules
    assert not (tmp_path / MARKER_NAME).exists()


@pytest.mark.slow
@pytest.mark.parametrize("payload", ACTING_PAYLOADS)
def test_the_payloads_are_real_an_unsafe_loader_runs_them(payload, tmp_path):
    """The other tests' "nothing ran" means something only if these payloads do run when loaded
    carelessly (``yaml.unsafe_load``), which this shows in a separate process."""
    marker = write_probe(tmp_path)
    document = "value: " + PYTHON_PAYLOADS[payload].format(marker=marker) + "\n"
    result = run_python_code(f"import yaml, sys\nyaml.unsafe_load(sys.stdin.read())\n", document,
                             extra_path=tmp_path)
    assert marker.exists() or EXECUTED_TEXT in result.output, result.output
