"""Timing and memory primitives of the harness.

Timings are wall-clock ``time.perf_counter`` samples: a few warm-up calls first (imports, caches of
code that is not the thing measured), then repeated samples until enough are taken or a time budget
is spent; the median is what the tables report. Peak memory is the maximum resident set size of a
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

__all__ = ["Row", "measure", "peak_rss_kb", "child_peak_rss_mb", "time_process"]


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

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.samples_ms) if self.samples_ms else None

    @property
    def p90_ms(self) -> float | None:
        if not self.samples_ms:
            return None
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]

    @property
    def passed(self) -> bool | None:
        if self.target_ms is None or self.median_ms is None:
            return None
        return self.median_ms <= self.target_ms

    def as_dict(self) -> dict:
        out = asdict(self)
        out.update(median_ms=self.median_ms, p90_ms=self.p90_ms, passed=self.passed)
        return out


def measure(fn: Callable[[], object], *, setup: Callable[[], object] | None = None, repeat: int = 15,
            warmup: int = 2, budget_s: float = 20.0, min_samples: int = 3) -> list[float]:
    """Milliseconds of ``fn()`` per sample. ``setup()`` (untimed) runs before each call, warm-up
    calls included; sampling stops after ``repeat`` samples or once ``budget_s`` seconds are spent
    and at least ``min_samples`` are taken. The garbage collector is run before each sample so one
    sample does not pay for another's garbage. With ``KUMOZU_BENCH_ONCE=1`` (the memory children)
    ``fn`` runs exactly once."""
    if os.environ.get("KUMOZU_BENCH_ONCE") == "1":
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        fn()
        return [(time.perf_counter() - t0) * 1000.0]
    for _ in range(warmup):
        if setup is not None:
            setup()
        fn()
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < repeat:
        if setup is not None:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000.0)
        if len(samples) >= min_samples and time.perf_counter() - started > budget_s:
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


def time_process(cmd: list[str], *, runs: int = 5, warmup: int = 1, timeout: float = 900.0,
                 env: dict | None = None, cwd: str | None = None) -> tuple[list[float], list[int]]:
    """Wall-clock milliseconds of whole runs of ``cmd`` (start-up included), and their exit codes."""
    times: list[float] = []
    codes: list[int] = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout,
                                env=env, cwd=cwd)
        elapsed = (time.perf_counter() - t0) * 1000.0
        if i >= warmup:
            times.append(elapsed)
            codes.append(result.returncode)
    return times, codes
