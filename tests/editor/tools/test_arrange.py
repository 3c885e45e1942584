"""Aligning, distributing and nudging (editor/tools/arrange.py)."""

from __future__ import annotations

import pytest

from editor.tools.arrange import align_edit, distribute_edit, nudge_edit, topmost
from editor.tools.geometry import absolute_rect
from model.edits import move
from tests.support.builder import DesignBuilder


@pytest.fixture
def d():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    for rid in ("a", "b", "c"):
        b.add("SecurityGroup", rid, vpc)
    b.subnet("s", vpc, "10.0.0.0/24")
    b.add("Instance", "i", "s")
    d = b.diagram
    d.apply(move(d, {"region": (0, 0, 1400, 900), "vpc": (20, 60, 1300, 800), "a": (40, 100),
                     "b": (300, 160), "c": (900, 60), "s": (40, 400, 400, 200), "i": (60, 60)}))
    return d


def test_topmost_drops_what_sits_inside_another_chosen_one(d):
    assert topmost(d, ["i", "s", "a"]) == ["s", "a"]


@pytest.mark.parametrize("edge, index, pick", [("left", 0, min), ("top", 1, min)])
def test_align_edges(d, edge, index, pick):
    d.apply(align_edit(d, ["a", "b", "c"], edge))
    values = {absolute_rect(d, rid)[index] for rid in "abc"}
    assert len(values) == 1


def test_align_across_containers_uses_canvas_coordinates(d):
    d.apply(align_edit(d, ["i", "b"], "left"))
    assert absolute_rect(d, "i")[0] == absolute_rect(d, "b")[0]


def test_distribute_gives_equal_gaps(d):
    d.apply(distribute_edit(d, ["a", "b", "c"], "horizontal"))
    xs = sorted((absolute_rect(d, r)[0], absolute_rect(d, r)[2]) for r in "abc")
    gaps = [xs[i + 1][0] - (xs[i][0] + xs[i][1]) for i in range(2)]
    assert gaps[0] == gaps[1]


def test_too_few_for_align_or_distribute(d):
    assert align_edit(d, ["a"], "left") is None
    assert distribute_edit(d, ["a", "b"], "vertical") is None
    with pytest.raises(ValueError):
        distribute_edit(d, ["a", "b", "c"], "diagonal")


def test_nudge_moves_and_keeps_inside_the_container(d):
    edit = nudge_edit(d, ["i"], -100, 0)
    assert edit.label == "Move i"
    d.apply(edit)
    assert d.geometry("i")[:2] == (10.0, 60.0)  # stopped at the subnet's left edge
