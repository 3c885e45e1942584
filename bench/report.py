"""Turning rows into the README's tables: the machine, medians against targets, ratios, the scaling
exponent of validation and the memory table."""

from __future__ import annotations

import datetime as _dt
import math
import os
import platform
import re
import shutil
import subprocess
from importlib import metadata

__all__ = ["machine", "scaling_exponent", "markdown", "update_readme"]

BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
        return f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        return "unknown"


def _tool(cmd: list[str]) -> str:
    if shutil.which(cmd[0]) is None:
        return "not installed"
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "?"


def machine() -> dict:
    try:
        from PySide6 import QtCore
        import PySide6
        qt = f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"
    except ImportError:
        qt = "PySide6 not installed"
    return {
        "date": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpu": _cpu_model(), "cores": os.cpu_count(), "ram": _ram_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(), "qt": qt,
        "networkx": _version("networkx"), "PyYAML": _version("PyYAML"),
        "cfn-lint": _version("cfn-lint"), "diagrams": _version("diagrams"),
        "graphviz": _tool(["dot", "-V"]),
    }


def scaling_exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(time) against log(N): 1 is linear, 2 quadratic."""
    points = [(n, t) for n, t in points if n and t and t > 0]
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else None


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _mark(row: dict) -> str:
    if row.get("unavailable"):
        return "n/a"
    if row.get("passed") is None:
        return ""
    if row["passed"]:
        return "pass"
    return f"**miss** ({row['median_ms'] / row['target_ms']:.1f}×)"


def _load(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _load_sentence(info: dict) -> str:
    load = info.get("load")
    if not load:
        return ""
    start, end = load["start"], load["end"]
    return (f" Load average (1, 5, 15 min) at the start {start[0]:.1f}, {start[1]:.1f}, {start[2]:.1f}; "
            f"at the end {end[0]:.1f}, {end[1]:.1f}, {end[2]:.1f}; the load column is the one-minute "
            f"average as each case ended.")


def _medians(rows: list[dict], case: str) -> dict[int, float]:
    return {r["n"]: r["median_ms"] for r in rows if r["case"] == case and r["median_ms"] is not None}


def markdown(rows: list[dict], memory: list[dict], info: dict) -> str:
    out = [f"Measured {info['date']} on {info['cpu']} ({info['cores']} cores, {info['ram']} RAM), "
           f"{info['os']}; Python {info['python']}, {info['qt']}, networkx {info['networkx']}, "
           f"PyYAML {info['PyYAML']}; peers: cfn-lint {info['cfn-lint']}, diagrams {info['diagrams']}, "
           f"{info['graphviz']}." + _load_sentence(info)
           + (f" Merged in afterwards: {info['merged']}." if info.get("merged") else ""), "",
           "| measurement | N | CPU median ms | CPU p90 ms | wall median ms | runs | target ms | result | load "
           "| notes |",
           "|---|---:|---:|---:|---:|---:|---:|---|---:|---|"]
    for r in rows:
        note = r["unavailable"] or r["note"]
        out.append(f"| {r['label']} | {r['n'] if r['n'] is not None else ''} | {_ms(r['median_ms'])} | "
                   f"{_ms(r['p90_ms'])} | {_ms(r.get('wall_median_ms'))} | {len(r['samples_ms'])} | {_ms(r['target_ms'])} | {_mark(r)} | "
                   f"{_load(r.get('load'))} | {note} |")
    out += ["", "**Ratios**", ""]
    traverse, full = _medians(rows, "model.traverse"), _medians(rows, "validate.full")
    for n in sorted(set(traverse) & set(full)):
        out.append(f"- full validation / trivial traversal at N = {n:,}: {full[n] / traverse[n]:.0f}×")
    exponent = scaling_exponent(sorted(full.items()))
    base = scaling_exponent(sorted(traverse.items()))
    if exponent is not None:
        out.append(f"- scaling exponent of full validation in N (log-log fit over N = "
                   f"{', '.join(f'{n:,}' for n in sorted(full))}): **{exponent:.2f}** (target: about 1)"
                   + (f"; the trivial traversal's: {base:.2f}" if base is not None else ""))
    for r in rows:
        if r["case"] in ("peer.validate", "peer.export") and "×" in r["note"]:
            out.append(f"- {r['label']}, N = {r['n']}: {r['note'].split('; ')[-1]}")
    if memory:
        out += ["", "**Peak memory** (RSS of a fresh process doing the measurement once; the "
                "baselines are a process that only imports the code, or also starts Qt)", "",
                "| measurement | N | peak RSS MB | target MB | result |", "|---|---:|---:|---:|---|"]
        for m in memory:
            target = m.get("target_mb")
            result = "" if target is None else ("pass" if m["rss_mb"] <= target else "**miss**")
            out.append(f"| {m['label']} | {m['n'] if m['n'] is not None else ''} | {m['rss_mb']:.0f} | "
                       f"{'' if target is None else target} | {result} |")
    return "\n".join(out) + "\n"


def update_readme(path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:start] + "\n" + table + text[end:], encoding="utf-8")
