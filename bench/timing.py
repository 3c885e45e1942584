"""Timing and memory primitives of the harness.

Timings are wall-clock ``time.perf_counter`` samples, each with the CPU time the process spent in it
(``time.process_time``: every thread of the process; for a whole process, its CPU time and that of
the children it waited for, from ``os.wait4``): a few warm-up calls first (imports, caches of code
that is not the thing measured), then repeated samples until enough are taken or a time budget is
spent; the tables report the medians of both. On a machine shared with other work, wall clock grows
with the load while CPU time stays close to what an idle machine's wall clock would be for
single-threaded code, so targets are judged on CPU time. Peak memory is the maximum resident set size of a
fresh child process that does the operation once, read by the child itself from ``VmHWM``, so
nothing measured earlier in the harness inflates it.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

__all__ = ["Row", "Samples", "measure", "peak_rss_kb", "child_peak_rss_mb", "time_process", "time_processes"]


class Samples(list):
    """Wall-clock milliseconds of each sample, with the CPU milliseconds of the same samples."""

    def __init__(self, wall=(), cpu=()):
        super().__init__(wall)
        self.cpu_ms = list(cpu)


@dataclass
class Row:
    """One line of the results table."""

    case: str
    label: str
    n: int | None
    samples_ms: list[float] = field(default_factory=list)
    target_ms: float | None = None
    note: str = ""
    rss_mb: float | None = None
    #: A measurement that could not be taken (a component not there yet): why.
    unavailable: str = ""
    #: The machine's one-minute load average when the case ended (the machine may be shared).
    load: float | None = None
    #: CPU milliseconds of the same samples (taken from ``samples_ms`` when it is a :class:`Samples`).
    cpu_ms: list[float] = field(default_factory=list)

    def __post_init__(self):
        if not self.cpu_ms and isinstance(self.samples_ms, Samples):
            self.cpu_ms = list(self.samples_ms.cpu_ms)
        self.samples_ms = list(self.samples_ms)

    @property
    def wall_median_ms(self) -> float | None:
        return statistics.median(self.samples_ms) if self.samples_ms else None

    @property
    def cpu_median_ms(self) -> float | None:
        return statistics.median(self.cpu_ms) if self.cpu_ms else None

    @property
    def median_ms(self) -> float | None:
        """What the target is judged on: the CPU-time median when there is one, else wall clock."""
        cpu = self.cpu_median_ms
        return cpu if cpu is not None else self.wall_median_ms

    @property
    def p90_ms(self) -> float | None:
        judged = self.cpu_ms or self.samples_ms
        if not judged:
            return None
        ordered = sorted(judged)
        return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]

    @property
    def passed(self) -> bool | None:
        if self.target_ms is None or self.median_ms is None:
            return None
        return self.median_ms <= self.target_ms

    def as_dict(self) -> dict:
        out = asdict(self)
        out.update(median_ms=self.median_ms, wall_median_ms=self.wall_median_ms,
                   cpu_median_ms=self.cpu_median_ms, p90_ms=self.p90_ms, passed=self.passed)
        return out


def measure(fn: Callable[[], object], *, setup: Callable[[], object] | None = None, repeat: int = 15,
            warmup: int = 2, budget_s: float = 20.0, min_samples: int = 3) -> Samples:
    """Milliseconds of ``fn()`` per sample. ``setup()`` (untimed) runs before each call, warm-up
    calls included; sampling stops after ``repeat`` samples or once ``budget_s`` seconds of this
    process's CPU time are spent and at least ``min_samples`` are taken. The garbage collector is run before each sample so one
    sample does not pay for another's garbage. With ``KUMOZU_BENCH_ONCE=1`` (the memory children)
    ``fn`` runs exactly once."""
    if os.environ.get("KUMOZU_BENCH_ONCE") == "1":
        if setup is not None:
            setup()
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        return Samples([(time.perf_counter() - t0) * 1000.0], [(time.process_time() - c0) * 1000.0])
    for _ in range(warmup):
        if setup is not None:
            setup()
        fn()
    samples = Samples()
    # The budget is CPU time: on a machine shared with other work, a wall-clock budget ran out
    # after a handful of samples, and a median of four is not worth much.
    started = time.process_time()
    while len(samples) < repeat:
        if setup is not None:
            setup()
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000.0)
        samples.cpu_ms.append((time.process_time() - c0) * 1000.0)
        if len(samples) >= min_samples and time.process_time() - started > budget_s:
            break
    return samples


def peak_rss_kb() -> int:
    """This process's own peak RSS (``VmHWM``). Unlike ``ru_maxrss`` it starts afresh at ``exec``,
    so a child forked from a large harness does not inherit the harness's size."""
    try:
        with open("/proc/self/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_peak_rss_mb(args: list[str], env: dict | None = None, timeout: float = 900.0) -> tuple[float, int]:
    """Run ``python args...`` as a fresh process that ends by printing ``PEAK_RSS_KB <n>`` (see
    :func:`peak_rss_kb`); return that peak in MB and the exit code."""
    try:
        result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                                timeout=timeout)
    except subprocess.TimeoutExpired:
        return float("nan"), -9
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-2000:])
    for line in result.stdout.splitlines():
        if line.startswith("PEAK_RSS_KB "):
            return int(line.split()[1]) / 1024.0, result.returncode
    return float("nan"), result.returncode or -1


def _run_once(cmd: list[str], timeout: float, env: dict | None, cwd: str | None) -> tuple[float, float, int]:
    """Wall and CPU milliseconds (user + system of the process and the children it waited for,
    e.g. Graphviz's ``dot`` under ``diagrams``) of one run of ``cmd``, and its exit code."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    elapsed = (time.perf_counter() - t0) * 1000.0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, (usage.ru_utime + usage.ru_stime) * 1000.0, proc.returncode


def time_process(cmd: list[str], *, runs: int = 5, warmup: int = 1, timeout: float = 900.0,
                 env: dict | None = None, cwd: str | None = None) -> tuple[Samples, list[int]]:
    """Wall-clock (and CPU) milliseconds of whole runs of ``cmd`` (start-up included), and their
    exit codes."""
    return time_processes([cmd], runs=runs, warmup=warmup, timeout=timeout, env=env, cwd=cwd)[0]


def time_processes(cmds: list[list[str]], *, runs: int = 5, warmup: int = 1, timeout: float = 900.0,
                   env: dict | None = None, cwd: str | None = None) -> list[tuple[Samples, list[int]]]:
    """:func:`time_process` for several commands taking turns (A, B, A, B...), so a change in the
    machine's load during the measurement falls on all of them alike."""
    out = [(Samples(), []) for _ in cmds]
    for i in range(warmup + runs):
        for cmd, (times, codes) in zip(cmds, out):
            wall, cpu, code = _run_once(cmd, timeout, env, cwd)
            if i >= warmup:
                times.append(wall)
                times.cpu_ms.append(cpu)
                codes.append(code)
    return out
