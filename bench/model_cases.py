"""Headless measurements: traversal baseline, full and incremental validation, native load and save,
CloudFormation import, tracing.

Each case is ``case(ctx, n) -> list[Row]``. Caches the model keeps per revision
(:meth:`Diagram.cached`) would make a repeated full validation or trace look cheaper than the first
one after an edit, so the untimed set-up of those cases changes the diagram's description (a real
edit through :meth:`Diagram.apply`, which no rule reads) to start each sample cold; it also drops
what tracing keeps across edits (``validators.reachability.forget``: traced flows and the tracing
index, which an edit updates rather than discards), so "cold" means as after opening the design.
"""

from __future__ import annotations

import itertools

from model import edits, native_format
from model.frozen import thaw

from .context import Context
from .timing import Row, measure

__all__ = ["CASES", "traverse", "bump_revision"]

_counter = itertools.count()


def bump_revision(diagram) -> None:
    """Start the next sample with cold per-revision caches and no tracing state."""
    diagram.apply(edits.set_metadata(diagram, "description", f"benchmark sample {next(_counter)}"))
    try:
        from validators.reachability import forget
    except ImportError:  # a tracer without state kept across edits
        return
    forget(diagram)


def traverse(diagram) -> int:
    """The trivial full traversal every ratio is taken against: each resource, each of its property
    values and each reference it holds. O(n + properties + references)."""
    count = 0
    for record in diagram:
        count += len(record.properties)
        count += len(diagram.references_from(record.id))
    return count


def case_traverse(ctx: Context, n: int) -> list[Row]:
    d = ctx.load(n)
    samples = measure(lambda: traverse(d), repeat=ctx.repeat(30))
    return [Row("model.traverse", "trivial full traversal (baseline)", n, samples)]


def case_validate_full(ctx: Context, n: int) -> list[Row]:
    from validators.engine import validate

    d = ctx.load(n)
    found = []
    samples = measure(lambda: found.append(len(validate(d))), setup=lambda: bump_revision(d),
                      repeat=ctx.repeat(15))
    target = {1000: 50.0, 10000: 1000.0}.get(n)
    return [Row("validate.full", "full validation", n, samples, target, note=f"{found[-1]} findings")]


def _toggle_subnet_cidr(d):
    """An edit moving V000AppA between its /22 and a free /22 of the same VPC."""
    rid = "V000AppA"
    current = d[rid].get("cidr")
    return edits.set_property(d, rid, "cidr", "10.0.32.0/22" if current == "10.0.16.0/22" else "10.0.16.0/22")


def _toggle_rule_port(d):
    """An edit changing the port of the application security group's first inbound rule."""
    rid = "V000AppSg"
    rules = thaw(d[rid].get("ingress"))
    port = 8081 if rules[0]["from_port"] == 8080 else 8080
    rules[0].update(from_port=port, to_port=port)
    return edits.set_property(d, rid, "ingress", rules)


_EDITS = (("subnet CIDR", _toggle_subnet_cidr), ("security-group rule port", _toggle_rule_port))


def case_validate_incremental(ctx: Context, n: int) -> list[Row]:
    from validators.engine import Validator

    rows = []
    for what, make_edit in _EDITS:
        d = ctx.load(n)
        pending = []
        baseline = measure(lambda: d.apply(pending[-1]), setup=lambda: pending.append(make_edit(d)),
                           repeat=ctx.repeat(40))
        validator = Validator(d)
        deltas = []
        validator.changed.connect(lambda delta: deltas.append(delta))
        samples = measure(lambda: d.apply(pending[-1]), setup=lambda: pending.append(make_edit(d)),
                          repeat=ctx.repeat(40))
        validator.close()
        note = f"apply alone {min(baseline):.3f}–{max(baseline):.3f} ms; findings deltas: {len(deltas)}"
        rows.append(Row("validate.incremental", f"incremental validation: {what} edit (apply + re-check)",
                        n, samples, 5.0, note=note))
    return rows


def case_native_load(ctx: Context, n: int) -> list[Row]:
    path = ctx.design(n)
    data = path.read_bytes()
    samples = measure(lambda: native_format.loads(data, str(path)), repeat=ctx.repeat(10))
    return [Row("native.load", "native load (parse + build)", n, samples, note=f"{len(data) / 1e6:.2f} MB")]


def case_native_save(ctx: Context, n: int) -> list[Row]:
    d = ctx.load(n)
    samples = measure(lambda: native_format.dumps(d), repeat=ctx.repeat(10))
    return [Row("native.save", "native save (to text)", n, samples)]


def case_cfn_import(ctx: Context, n: int) -> list[Row]:
    try:
        from model.cloudformation import load_template
        from model.documents import read_design
    except ImportError as exc:
        return [Row("cfn.import", "CloudFormation import", n, unavailable=f"model.cloudformation: {exc}")]
    path = ctx.template(n)
    data = path.read_bytes()
    sizes = []
    raw = measure(lambda: sizes.append(len(load_template(data, str(path), region="us-east-1").diagram)),
                  repeat=ctx.repeat(10))
    opened = measure(lambda: read_design(data, str(path)), repeat=ctx.repeat(10))
    note = f"{sizes[-1]} model resources"
    return [Row("cfn.import", "CloudFormation import (template → model)", n, raw, 200.0, note=note),
            Row("cfn.open", "CloudFormation open (import + auto-layout)", n, opened, 200.0, note=note)]


def _reachability():
    try:
        from validators import reachability
        from validators.reachability import implied as implied_module
    except ImportError as exc:
        return None, str(exc)
    results = getattr(reachability, "implied_results", None) or getattr(implied_module, "implied_results", None)
    if results is None:
        return None, "validators.reachability has no implied_results"
    return (reachability.trace, reachability.Flow, results), ""


#: Flows of one trace: a request from the internet, an application server to its database, and
#: an application server out to the internet through its NAT gateway.
_FLOWS = (("internet", "V000Alb", 443), ("V000Worker000", "V000Db", None), ("V000Worker000", "internet", 443))


def case_trace(ctx: Context, n: int) -> list[Row]:
    api, why = _reachability()
    if api is None:
        return [Row("trace.one", "one trace", n, unavailable=why)]
    trace, Flow, implied_results = api
    d = ctx.load(n)
    rows = []
    for source, destination, port in _FLOWS:
        if source not in ("internet",) and source not in d:
            continue
        db_port = port or (5432 if d["V000Db"].get("engine") == "postgres" else 3306)
        flow = Flow(source, destination, "tcp", db_port)
        outcome = []
        cold = measure(lambda: outcome.append(trace(d, flow)), setup=lambda: bump_revision(d),
                       repeat=ctx.repeat(20))
        warm = measure(lambda: trace(d, flow), repeat=ctx.repeat(30))
        verdict = "reachable" if outcome[-1].reachable else "not reachable"
        rows.append(Row("trace.one", f"one trace {flow} (cold: index rebuilt)", n, cold, 10.0,
                        note=f"{verdict}; warm (index cached) median {sorted(warm)[len(warm) // 2]:.2f} ms"))
    counts = []
    samples = measure(lambda: counts.append(implied_results(d)), setup=lambda: bump_revision(d),
                      repeat=ctx.repeat(10))
    blocked = sum(1 for r in counts[-1] if not _satisfied(r))
    rows.append(Row("trace.implied", "all implied flows (derive + trace each)", n, samples, 200.0,
                    note=f"{len(counts[-1])} flows, {blocked} blocked"))
    return rows


def _satisfied(result) -> bool:
    if hasattr(result, "satisfied"):
        return bool(result.satisfied)
    return bool(getattr(getattr(result, "result", result), "reachable", True))


CASES = {
    "model.traverse": (case_traverse, (100, 300, 1000, 3000, 10000)),
    "validate.full": (case_validate_full, (100, 300, 1000, 3000, 10000)),
    "validate.incremental": (case_validate_incremental, (100, 1000, 10000)),
    "native.load": (case_native_load, (100, 1000, 10000)),
    "native.save": (case_native_save, (100, 1000, 10000)),
    "cfn.import": (case_cfn_import, (500,)),
    "trace": (case_trace, (100, 1000, 10000)),
}
