"""Run the benchmarks and write the results.

    QT_QPA_PLATFORM=offscreen python bench/run.py                  everything (about half an hour)
    python bench/run.py --only validate --only trace --effort 0.3  a quick look at some cases
    python bench/run.py --update-readme                            also refresh bench/README.md's tables

Results go to ``bench/results/results.json`` (every sample), and the tables are printed as
Markdown. Inputs are generated into ``bench/data/`` on first use. A component that is not there yet
(the CloudFormation importer, the path tracer...) is reported as unavailable, not as a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "bench"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import editor_cases, model_cases, peer_cases  # noqa: E402
from bench.context import ROOT, Context  # noqa: E402
from bench.report import machine, markdown, update_readme  # noqa: E402
from bench.timing import Row, child_peak_rss_mb, peak_rss_kb  # noqa: E402

CASES = {**model_cases.CASES, **editor_cases.CASES, **peer_cases.CASES}
#: Cases whose peak memory is measured in a fresh process (peers are whole processes of their own).
MEMORY_CASES = ("validate.full", "validate.incremental", "native.load", "cfn.import", "trace",
                "editor.open", "editor.release", "export.png")
MEMORY_TARGET_MB = {10000: 500}
BASELINES = {"baseline.headless": "process that imports model and validators",
             "baseline.qt": "process that also starts Qt and imports the editor"}


def _baseline(name: str) -> None:
    import validators.engine  # noqa: F401
    from model import native_format  # noqa: F401
    if name == "baseline.qt":
        editor_cases.application()
        import editor.canvas  # noqa: F401


def _child(name: str, n: int | None, ctx: Context) -> int:
    if name in BASELINES:
        _baseline(name)
    else:
        CASES[name][0](ctx, n)
    print(f"PEAK_RSS_KB {peak_rss_kb()}", flush=True)
    return 0


def _selected(only: list[str]) -> list[str]:
    return [name for name in CASES if not only or any(name.startswith(o) for o in only)]


def _run_case(name: str, n: int, ctx: Context) -> list[Row]:
    fn, _ = CASES[name]
    try:
        rows = fn(ctx, n)
        load = os.getloadavg()[0]
        for row in rows:
            row.load = load
        return rows
    except Exception as exc:  # a component still being built must not stop the other measurements
        traceback.print_exc()
        return [Row(name, name, n, unavailable=f"failed: {type(exc).__name__}: {exc}")]


def _memory(names: list[str], sizes: dict[str, tuple], ctx: Context) -> list[dict]:
    env = dict(os.environ, KUMOZU_BENCH_ONCE="1")
    script = str(ROOT / "bench" / "run.py")
    out = []
    for name, label in BASELINES.items():
        rss, _ = child_peak_rss_mb([script, "--child", name], env=env)
        out.append({"case": name, "label": label, "n": None, "rss_mb": rss})
    for name in names:
        if name not in MEMORY_CASES:
            continue
        for n in sizes[name]:
            rss, code = child_peak_rss_mb([script, "--child", name, "--n", str(n)], env=env)
            if code != 0:
                continue
            out.append({"case": name, "label": name, "n": n, "rss_mb": rss,
                        "target_mb": MEMORY_TARGET_MB.get(n)})
            print(f"  memory {name} N={n}: {rss:.0f} MB", flush=True)
    return out


def _merged(last: dict, rows: list[dict], memory: list[dict], info: dict) -> tuple[list, list, dict]:
    """The last results with the cases measured now replaced, in the last run's order (new cases
    at the end). The machine line keeps the last run's date and adds when the merged cases were
    measured and at what load."""
    fresh: dict[tuple, list[dict]] = {}
    for r in rows:  # a case may give several rows for one N (repaint: in view, at 100 %)
        fresh.setdefault((r["case"], r["n"]), []).append(r)
    merged: list[dict] = []
    for r in last["rows"]:
        key = (r["case"], r["n"])
        if key not in fresh:
            merged.append(r)
        elif fresh[key]:
            merged += fresh[key]
            fresh[key] = []  # the case's other old rows for this N go with it
    merged += [r for left in fresh.values() for r in left]
    remeasured = {(m["case"], m["n"]) for m in memory}
    memory = [m for m in last.get("memory", []) if (m["case"], m["n"]) not in remeasured] + memory
    cases = ", ".join(sorted({r["case"] for r in rows}))
    kept = dict(last["machine"])
    now = f"{cases} re-measured {info['date']} (load {info['load']['end'][0]:.1f})"
    kept["merged"] = f"{kept['merged']}; {now}" if kept.get("merged") else now
    return merged, memory, kept


def _memory_only(names, sizes, ctx: Context, previous: Path, readme: bool) -> int:
    data = json.loads(previous.read_text(encoding="utf-8"))
    data["memory"] = _memory(names, sizes, ctx)
    previous.write_text(json.dumps(data, indent=1), encoding="utf-8")
    table = markdown(data["rows"], data["memory"], data["machine"])
    print(table)
    if readme:
        update_readme(ROOT / "bench" / "README.md", table)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="run only cases whose name starts with PREFIX (repeatable): " + ", ".join(CASES))
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="limit N to these values")
    parser.add_argument("--effort", type=float, default=1.0, help="scale repetitions (default 1)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory processes")
    parser.add_argument("--memory-only", action="store_true",
                        help="measure only peak memory, keeping the timings of the last results.json")
    parser.add_argument("--update-readme", action="store_true", help="write the tables into bench/README.md")
    parser.add_argument("--merge", action="store_true",
                        help="keep the last results.json and replace only the rows of the cases "
                             "measured now (re-measuring one case after a fix without a full run)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ctx = Context(effort=args.effort)
    if args.child:
        return _child(args.child, args.n, ctx)
    names = _selected(args.only)
    sizes = {name: tuple(n for n in CASES[name][1] if args.sizes is None or n in args.sizes) for name in names}
    rows: list[Row] = []
    load_at_start = os.getloadavg()
    previous = ctx.results / "results.json"
    if args.memory_only:
        return _memory_only(names, sizes, ctx, previous, args.update_readme)
    for name in names:
        for n in sizes[name]:
            print(f"{name} N={n} ...", flush=True)
            for row in _run_case(name, n, ctx):
                rows.append(row)
                print(f"  {row.label}: {row.unavailable or f'{row.median_ms:.2f} ms'} (load {row.load})",
                      flush=True)
    memory = [] if args.no_memory else _memory(names, sizes, ctx)
    info = machine()
    info["load"] = {"start": list(load_at_start), "end": list(os.getloadavg())}
    dicts = [r.as_dict() for r in rows]
    if args.merge and previous.exists():
        dicts, memory, info = _merged(json.loads(previous.read_text(encoding="utf-8")), dicts, memory, info)
    ctx.results.mkdir(parents=True, exist_ok=True)
    (ctx.results / "results.json").write_text(json.dumps({"machine": info, "rows": dicts, "memory": memory},
                                                         indent=1), encoding="utf-8")
    table = markdown(dicts, memory, info)
    print(table)
    if args.update_readme:
        update_readme(ROOT / "bench" / "README.md", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
