"""Running the real command line in a child process and measuring it: exit code, output, wall time
and peak memory (the child's own maximum resident set size, as the kernel reports it to ``wait4``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ROOT", "Measured", "run_kumozu", "run_measured", "run_python_code"]

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


#: ``python -c LAUNCHER FD COMMAND...`` runs COMMAND as its child and writes "<exit status>
#: <seconds> <peak KiB>" to file descriptor FD.
#: Why a launcher: Linux carries a process's peak resident set across exec, and a child made by
#: fork (or vfork) starts with its parent's; measured straight from the test process, the child of a
#: pytest that has grown to 600 MB "peaks" at 600 MB before it has done anything. The launcher is a
#: small process whose fork starts the count afresh (a new process's peak begins at zero).
_LAUNCHER = """
import os, sys, time
report = int(sys.argv[1])
os.set_inheritable(report, False)
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
os.write(report, f"{status} {time.perf_counter() - started} {usage.ru_maxrss}".encode())
"""


def run_kumozu(args: list[str], *, extra_path: Path | None = None, timeout: float = 60.0) -> Measured:
    """``python main.py ARGS`` in a fresh process. ``extra_path`` is put on its PYTHONPATH (where
    a probe module waits to be imported, if anything tried). Kills it after ``timeout``."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        str(p) for p in (extra_path, ROOT) if p is not None), PYTHONDONTWRITEBYTECODE="1",
        QT_QPA_PLATFORM="offscreen")
    return run_measured([sys.executable, str(ROOT / "main.py"), *args], env, timeout)


def run_measured(command: list[str], env: dict, timeout: float = 60.0) -> Measured:
    """Run ``command`` (its first item a path to an executable) in the repository's folder and
    measure it: seconds are its whole life (Python's start included), memory its own peak resident
    set, as the kernel reports it to ``wait4``. Kills it after ``timeout``."""
    report_read, report_write = os.pipe()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            launcher = subprocess.Popen(
                [sys.executable, "-c", _LAUNCHER, str(report_write), *command],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=str(ROOT),
                pass_fds=(report_write,), start_new_session=True)
        finally:
            os.close(report_write)
        with os.fdopen(report_read, "rb") as report:
            try:
                launcher.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(launcher.pid, signal.SIGKILL)  # the launcher and what it runs
                launcher.wait()
            fields = report.read().split()
        if len(fields) != 3:
            raise AssertionError(f"the run was killed after {timeout} s or its launcher failed")
        status, seconds, peak_kib = int(fields[0]), float(fields[1]), int(fields[2])
        out.seek(0)
        err.seek(0)
        return Measured(os.waitstatus_to_exitcode(status), out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), seconds, peak_kib / 1024)


def run_python_code(code: str, stdin: str, *, extra_path: Path | None = None) -> Measured:
    """``python -c CODE`` with ``stdin`` as its input, in a fresh process (``extra_path`` on its
    PYTHONPATH)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        str(p) for p in (extra_path, ROOT) if p is not None), PYTHONDONTWRITEBYTECODE="1")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True,
                          env=env, cwd=str(extra_path or ROOT), timeout=60)
    return Measured(done.returncode, done.stdout, done.stderr, time.perf_counter() - started, 0.0)
