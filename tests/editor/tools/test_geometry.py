"""Planning positions and growing containers (editor/tools/geometry.py)."""

from __future__ import annotations

from editor.tools.geometry import GeometryPlan, absolute_rect, content_size
from model.edits import Composite, move
from tests.support.builder import DesignBuilder


def stacked():
    """An AZ with two subnets, one above the other, 20 apart."""
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.az("az", vpc)
    b.subnet("top", "az", "10.0.0.0/24")
    b.subnet("bottom", "az", "10.0.1.0/24")
    b.add("Instance", "i", "top")
    d = b.diagram
    d.apply(move(d, {"region": (0, 0, 800, 800), "vpc": (20, 60, 700, 700), "az": (20, 60, 340, 420),
                     "top": (20, 40, 300, 190), "bottom": (20, 250, 300, 150), "i": (20, 40)}))
    return d


def test_absolute_rect_adds_up_the_containers():
    d = stacked()
    assert absolute_rect(d, "i") == (0 + 20 + 20 + 20 + 20, 0 + 60 + 60 + 40 + 40, 132.0, 104.0)


def test_content_size_is_what_the_contents_need():
    d = stacked()
    assert content_size(d, "top") == (20 + 132 + 20, 40 + 104 + 20)


def test_growing_a_container_pushes_the_one_below_down_and_grows_the_parent():
    d = stacked()
    plan = GeometryPlan(d)
    plan.place("i", 20, 120, "top")  # the instance now sticks out of 'top' at the bottom
    plan.grow(["top"])
    top = plan.geometry["top"]
    assert top.h == 120 + 104 + 20
    assert plan.geometry["bottom"].y == top.y + top.h + 20
    az = plan.geometry["az"]
    assert az.h >= plan.geometry["bottom"].y + 150 + 20
    d.apply(Composite(tuple(plan.edits()), "grow"))
    assert d.geometry("bottom").y == 40 + 244 + 20  # pushed down by as much as 'top' grew


def test_nothing_moves_when_the_contents_still_fit():
    d = stacked()
    plan = GeometryPlan(d)
    plan.place("i", 30, 50, "top")
    plan.grow(["top"])
    assert set(plan.geometry) == {"i"}


def test_a_placed_resource_stays_below_the_title_bar():
    d = stacked()
    plan = GeometryPlan(d)
    plan.place("i", -50, 3, "top")
    assert plan.geometry["i"][:2] == (10.0, 40.0)
