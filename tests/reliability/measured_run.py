"""Running the real command line in a child process and measuring it: exit code, output, wall time
and peak memory (the child's own maximum resident set size, as the kernel reports it to ``wait4``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ROOT", "Measured", "run_kumozu", "run_python_code"]

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


def run_kumozu(args: list[str], *, extra_path: Path | None = None, timeout: float = 60.0) -> Measured:
    """``python main.py ARGS`` in a fresh process. ``extra_path`` is put on its PYTHONPATH (where
    a probe module waits to be imported, if anything tried). Kills the child after ``timeout``."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        str(p) for p in (extra_path, ROOT) if p is not None), PYTHONDONTWRITEBYTECODE="1",
        QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], stdout=out,
                                 stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=str(ROOT))
        # wait4 gives this child's own resource usage (ru_maxrss: its peak resident set, in KiB on
        # Linux), unlike getrusage(RUSAGE_CHILDREN), which would mix in every earlier child.
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(child.returncode, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), seconds, usage.ru_maxrss / 1024)


def run_python_code(code: str, stdin: str, *, extra_path: Path | None = None) -> Measured:
    """``python -c CODE`` with ``stdin`` as its input, in a fresh process (``extra_path`` on its
    PYTHONPATH)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        str(p) for p in (extra_path, ROOT) if p is not None), PYTHONDONTWRITEBYTECODE="1")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True,
                          env=env, cwd=str(extra_path or ROOT), timeout=60)
    return Measured(done.returncode, done.stdout, done.stderr, time.perf_counter() - started, 0.0)
