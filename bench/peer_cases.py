"""Kumozu against its peers, whole process each, measured side by side in one run:

- ``python main.py validate`` against ``cfn-lint`` on the same 500-resource template (target: at
  least 15 times faster);
- ``python main.py export … -o x.png`` against mingrammer's ``diagrams`` drawing the same resources
  and lines with Graphviz (target: faster).

Both sides are timed the same way and take turns (:func:`bench.timing.time_processes`: a fresh
process each run, one warm-up round first so the file cache is warm for both; wall clock and the CPU
time of the process and the children it waited for). The ratio is taken on CPU time, which the
load of a shared machine changes less than wall clock; the wall-clock ratio is given beside it.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
from pathlib import Path

from model import kinds as _kinds

from .context import ROOT, Context
from .timing import Row, time_processes

__all__ = ["CASES", "drawing_spec", "cfn_lint_command"]

DIAGRAMS_SCRIPT = ROOT / "bench" / "peers" / "diagrams_design.py"


def cfn_lint_command() -> list[str] | None:
    exe = shutil.which("cfn-lint") or str(Path(sys.executable).with_name("cfn-lint"))
    return [exe] if Path(exe).exists() else None


def drawing_spec(diagram) -> dict:
    """Every resource with its container and subtitle, and every line the canvas draws (drawn
    reference fields, except to the resource's own containers; user connections)."""
    from editor.labels import subtitle  # Qt-free: the text the canvas shows under a name

    nodes = [{"id": r.id, "kind": r.kind, "label": r.label, "parent": r.parent,
              "subtitle": subtitle(diagram, r)} for r in diagram]
    edges = []
    for record in diagram:
        kind = _kinds.kind(record.kind)
        ancestors = {a.id for a in diagram.ancestors(record.id)}
        for path, target, relation in diagram.references_from(record.id):
            field = kind.field_at(path)
            if field is not None and field.drawn and target not in ancestors:
                edges.append((record.id, target, relation))
    edges += [(r.source, r.target, "connection") for r in diagram.relations()]
    return {"title": diagram.title, "nodes": nodes, "edges": edges}


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _ratios(theirs, ours) -> str:
    """'theirs / ours' on CPU time, then on wall clock."""
    return (f"{_median(theirs.cpu_ms) / _median(ours.cpu_ms):.2f}× on CPU time, "
            f"{_median(theirs) / _median(ours):.2f}× on wall clock")


def case_validate_vs_cfn_lint(ctx: Context, n: int) -> list[Row]:
    template = ctx.template(n)
    native = template.with_name(template.name.replace(".cfn.yaml", ".kumozu.yaml"))
    runs = ctx.repeat(5)
    kumozu = [sys.executable, str(ROOT / "main.py"), "validate"]
    lint = cfn_lint_command()
    commands = [kumozu + [str(template)], kumozu + [str(native)]] + ([lint + [str(template)]] if lint else [])
    timed = time_processes(commands, runs=runs, cwd=str(ROOT))
    (ours, codes), (native_times, _) = timed[:2]
    rows = [Row("peer.validate.native", "python main.py validate, native twin of the template", n, native_times)]
    if lint is None:
        return rows + [Row("peer.cfn-lint", "cfn-lint", n, unavailable="cfn-lint is not installed")]
    theirs = timed[2][0]
    rows.append(Row("peer.cfn-lint", "cfn-lint on the template", n, theirs))
    if any(code == 2 for code in codes):
        rows.append(Row("peer.validate", "python main.py validate on the template", n,
                        unavailable="main.py validate cannot read the template yet (exit 2)"))
        return rows
    rows.append(Row("peer.validate", "python main.py validate on the template", n, ours,
                    target_ms=_median(theirs.cpu_ms) / 15.0,
                    note=f"cfn-lint / Kumozu = {_ratios(theirs, ours)} (target ≥ 15×)"))
    return rows


def case_png_vs_diagrams(ctx: Context, n: int) -> list[Row]:
    from model import native_format

    design = ctx.design(n)
    ctx.results.mkdir(parents=True, exist_ok=True)
    spec = ctx.results / f"drawing-{n}.json"
    spec.write_text(json.dumps(drawing_spec(native_format.load(str(design)))), encoding="utf-8")
    # Large designs: fewer runs (each takes tens of seconds), and scale 1, because at the default
    # scale 2 Kumozu refuses pictures over 400 megapixels.
    runs, warmup = (ctx.repeat(3), 1) if n < 1000 else (2, 0)
    scale = [] if n < 1000 else ["--scale", "1"]
    ours_png = ctx.results / f"kumozu-{n}.png"
    theirs_png = ctx.results / f"diagrams-{n}.png"
    ours_cmd = [sys.executable, str(ROOT / "main.py"), "export", str(design), "-o", str(ours_png), *scale]
    theirs_cmd = [sys.executable, str(DIAGRAMS_SCRIPT), str(spec), "-o", str(theirs_png)]
    try:
        import diagrams  # noqa: F401
    except ImportError:
        (ours, codes), = time_processes([ours_cmd], runs=runs, warmup=warmup, cwd=str(ROOT), timeout=1800)
        return [_export_row(n, scale, ours, codes),
                Row("peer.diagrams", "diagrams (Graphviz)", n,
                    unavailable="pip install '.[bench]' (diagrams) and apt-get install graphviz")]
    (ours, codes), (theirs, their_codes) = time_processes([ours_cmd, theirs_cmd], runs=runs, warmup=warmup,
                                                          cwd=str(ctx.results), timeout=1800)
    rows = [_export_row(n, scale, ours, codes)]
    if any(their_codes):
        return rows + [Row("peer.diagrams", "diagrams (Graphviz)", n, unavailable=f"exit {their_codes}")]
    rows.append(Row("peer.diagrams", "diagrams (Graphviz), same resources and lines", n, theirs))
    rows[0].target_ms = _median(theirs.cpu_ms)
    rows[0].note += f"; diagrams / Kumozu = {_ratios(theirs, ours)} (target > 1×)"
    return rows


def _export_row(n: int, scale: list[str], ours, codes) -> Row:
    return Row("peer.export", f"python main.py export -o x.png (scale {scale[-1] if scale else '2, the default'})",
               n, ours, note=f"exit codes {sorted(set(codes))}")


CASES = {
    "peer.validate": (case_validate_vs_cfn_lint, (500,)),
    "peer.png": (case_png_vs_diagrams, (100, 1000)),
}
