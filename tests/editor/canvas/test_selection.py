"""Selecting (click, Ctrl-click, rubber band, select all, by id), aligning, distributing, tools,
and replacing the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from editor.tools.geometry import absolute_rect
from model.edits import move
from tests.support.builder import ROOT, DesignBuilder

from .helpers import centre_of


def row_of_groups():
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    for i in range(3):
        b.add("SecurityGroup", f"sg-{i}", vpc)
    return b.diagram


def test_click_ctrl_click_and_the_signal(make_canvas, mouse):
    canvas = make_canvas(row_of_groups())
    seen = []
    canvas.selection_changed.connect(seen.append)
    mouse.click(canvas, centre_of(canvas, "sg-0"))
    mouse.click(canvas, centre_of(canvas, "sg-2"), Qt.ControlModifier)
    assert canvas.selected_ids() == ["sg-0", "sg-2"]
    mouse.click(canvas, centre_of(canvas, "sg-0"), Qt.ControlModifier)
    assert canvas.selected_ids() == ["sg-2"]
    assert seen[-1] == ["sg-2"]
    mouse.click(canvas, centre_of(canvas, "sg-1"))
    assert canvas.selected_ids() == ["sg-1"]


def test_rubber_band_selects_what_it_encloses(make_canvas, mouse):
    diagram = row_of_groups()
    diagram.apply(move(diagram, {"vpc": (20, 60, 520, 300)}))  # room below the groups
    canvas = make_canvas(diagram)
    a, b = (canvas.scene.item_for(rid).sceneBoundingRect() for rid in ("sg-0", "sg-1"))
    # Start in the VPC's empty interior (not on an item, not on its frame): a rubber band.
    mouse.drag(canvas, b.bottomRight() + QPointF(10, 10), a.topLeft() - QPointF(6, 6))
    assert canvas.selected_ids() == ["sg-0", "sg-1"]
    assert canvas.document.undo_stack.count() == 0


def test_select_all_and_select_ids(make_canvas):
    canvas = make_canvas(row_of_groups())
    canvas.select_all()
    assert canvas.selected_ids() == ["region", "sg-0", "sg-1", "sg-2", "vpc"]
    canvas.select_ids(["sg-1"])
    assert canvas.selected_ids() == ["sg-1"]


def test_align_and_distribute_are_one_step_each(make_canvas):
    canvas = make_canvas(row_of_groups())
    d = canvas.diagram
    canvas.select_ids(["sg-0", "sg-1", "sg-2"])
    canvas.document.push(move(d, {"sg-0": (20, 80), "sg-1": (200, 140), "sg-2": (600, 60)}))
    assert canvas.align("top")
    assert {absolute_rect(d, f"sg-{i}")[1] for i in range(3)} == {absolute_rect(d, "sg-2")[1]}
    assert canvas.document.undo_stack.undoText() == "Align 3 resources (top)"
    assert canvas.distribute("horizontal")
    xs = sorted(absolute_rect(d, f"sg-{i}")[0] for i in range(3))
    assert xs[1] - xs[0] == xs[2] - xs[1]
    with pytest.raises(ValueError):
        canvas.align("diagonal")


def test_tools_switch_and_announce(make_canvas):
    canvas = make_canvas(row_of_groups())
    names = []
    canvas.tool_changed.connect(names.append)
    canvas.set_tool("connect")
    canvas.set_tool("trace")
    canvas.set_tool("place:Subnet")
    canvas.set_tool("select")
    assert names == ["connect", "trace", "place:Subnet", "select"]
    with pytest.raises(ValueError):
        canvas.set_tool("place:Nonsense")


def test_a_new_document_rebuilds_the_scene(make_canvas):
    canvas = make_canvas(row_of_groups())
    old_scene = canvas.scene
    canvas.select_ids(["sg-0"])
    canvas.show_path(["sg-0", "sg-1"])
    canvas.document.open(str(ROOT / "examples" / "route-tables.kumozu.yaml"))
    assert canvas.scene is not old_scene
    assert canvas.selected_ids() == []
    assert len(canvas.scene.resource_items()) == len(canvas.diagram)
    # The new scene is editable through the same canvas.
    first = canvas.diagram.of_kind("Subnet")[0].id
    canvas.select_ids([first])
    assert canvas.selected_ids() == [first]


def test_snap_and_grid_settings(make_canvas, mouse):
    canvas = make_canvas(row_of_groups())
    canvas.set_grid(25)
    start = centre_of(canvas, "sg-0")
    mouse.drag(canvas, start, start + QPointF(33, 0))
    g = canvas.diagram.geometry("sg-0")
    assert g.x % 25 == 0
    canvas.set_snap(False)
    start = centre_of(canvas, "sg-1")
    before = canvas.diagram.geometry("sg-1")
    mouse.drag(canvas, start, start + QPointF(33, 0))
    assert abs(canvas.diagram.geometry("sg-1").x - (before.x + 33)) <= 1
    with pytest.raises(ValueError):
        canvas.set_grid(0)


def test_a_click_inside_a_container_selects_it_and_a_drag_there_draws_a_band(make_canvas, mouse):
    diagram = row_of_groups()
    diagram.apply(move(diagram, {"vpc": (20, 60, 520, 300)}))
    canvas = make_canvas(diagram)
    rect = canvas.scene.item_for("vpc").scene_rect()
    empty = QPointF(rect.right() - 30, rect.bottom() - 30)
    mouse.click(canvas, empty)
    assert canvas.selected_ids() == ["vpc"]
    mouse.click(canvas, QPointF(rect.right() + 200, rect.bottom() + 200))  # the bare canvas
    assert canvas.selected_ids() == []
