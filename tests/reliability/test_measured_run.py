"""The measurements the hostile-file tests rest on: a child's peak memory is its own (not the test
process's, however large that has grown), a child that does use memory or time is seen doing so,
and a child that runs too long is killed."""

from __future__ import annotations

import os
import sys

from tests.reliability.measured_run import run_kumozu, run_measured

ALLOCATE = "b = bytearray({mb} * 1024 * 1024)\nfor i in range(0, len(b), 4096): b[i] = 1\n"


def test_a_child_s_peak_is_its_own_even_when_the_test_process_is_large():
    """Linux starts a forked child's peak at its parent's: measured naively, every child of a
    600 MB pytest peaked at 600 MB (the whole suite failed the 300 MB limit that way)."""
    ballast = bytearray(400 * 1024 * 1024)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    result = run_kumozu(["--help"])
    assert result.returncode == 0, result.output
    assert 5 < result.peak_mb < 150, f"{result.peak_mb:.0f} MB"
    del ballast


def test_a_child_that_uses_memory_and_time_is_measured_doing_so():
    result = run_measured([sys.executable, "-c", ALLOCATE.format(mb=350) + "import time\ntime.sleep(0.5)"],
                          dict(os.environ))
    assert result.returncode == 0, result.output
    assert result.peak_mb > 350, f"{result.peak_mb:.0f} MB"
    assert result.seconds >= 0.5


def test_a_child_that_runs_too_long_is_killed():
    try:
        run_measured([sys.executable, "-c", "import time\ntime.sleep(60)"], dict(os.environ), timeout=1)
    except AssertionError as error:
        assert "killed after 1 s" in str(error)
    else:
        raise AssertionError("a run of 60 s was not stopped after 1 s")
