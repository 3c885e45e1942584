"""bench/run.py --merge: re-measuring one case replaces its rows and keeps every other result."""

from __future__ import annotations

from bench.report import markdown
from bench.run import _merged

_MACHINE = {"date": "2026-11-29 10:00", "cpu": "cpu", "cores": 2, "ram": "1 GiB", "os": "os",
            "python": "3.11", "qt": "Qt", "networkx": "3", "PyYAML": "6", "cfn-lint": "1",
            "diagrams": "0", "graphviz": "dot", "load": {"start": [1, 1, 1], "end": [1, 1, 1]}}


def _row(case: str, n: int, ms: float) -> dict:
    return {"case": case, "label": case, "n": n, "samples_ms": [ms], "cpu_ms": [ms], "target_ms": None,
            "note": "", "rss_mb": None, "unavailable": "", "load": 1.0, "median_ms": ms,
            "wall_median_ms": ms, "cpu_median_ms": ms, "p90_ms": ms, "passed": None}


def test_merged_rows_replace_their_own_case_and_size_in_place():
    last = {"machine": _MACHINE, "memory": [{"case": "a", "label": "a", "n": 1, "rss_mb": 10.0, "target_mb": None}],
            "rows": [_row("a", 1, 10.0), _row("b", 1, 20.0), _row("b", 2, 30.0)]}
    now = dict(_MACHINE, date="2026-11-29 12:00", load={"start": [2, 2, 2], "end": [3, 2, 2]})
    rows, memory, info = _merged(last, [_row("b", 2, 3.0), _row("c", 1, 4.0)], [], now)
    assert [(r["case"], r["n"], r["median_ms"]) for r in rows] == \
        [("a", 1, 10.0), ("b", 1, 20.0), ("b", 2, 3.0), ("c", 1, 4.0)]
    assert memory == last["memory"]
    assert info["date"] == "2026-11-29 10:00"
    assert info["merged"] == "b, c re-measured 2026-11-29 12:00 (load 3.0)"
    assert "Merged in afterwards: b, c re-measured 2026-11-29 12:00 (load 3.0)." in markdown(rows, memory, info)


def test_a_case_with_several_rows_per_size_is_replaced_whole():
    """editor.repaint gives two rows per N (in view, at 100 %): both are replaced, in place."""
    view, full = dict(_row("repaint", 1, 20.0), label="in view"), dict(_row("repaint", 1, 10.0), label="at 100")
    last = {"machine": _MACHINE, "memory": [], "rows": [_row("a", 1, 1.0), view, full, _row("z", 1, 2.0)]}
    new_view, new_full = dict(view, median_ms=15.0), dict(full, median_ms=8.0)
    rows, _, _ = _merged(last, [new_view, new_full], [], dict(_MACHINE, load={"start": [0] * 3, "end": [0] * 3}))
    assert [(r["label"], r["median_ms"]) for r in rows] == \
        [("a", 1.0), ("in view", 15.0), ("at 100", 8.0), ("z", 2.0)]


def test_merges_are_listed_one_after_another():
    last = {"machine": dict(_MACHINE, merged="a re-measured 11:00 (load 1.0)"), "memory": [], "rows": []}
    now = dict(_MACHINE, date="12:00", load={"start": [0] * 3, "end": [2, 0, 0]})
    _, _, info = _merged(last, [_row("b", 1, 1.0)], [], now)
    assert info["merged"] == "a re-measured 11:00 (load 1.0); b re-measured 12:00 (load 2.0)"
