"""Moving, nesting, re-parenting, nudging and resizing by mouse and keyboard."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from editor.tools.geometry import absolute_rect
from model import native_format
from tests.support.builder import DesignBuilder

from .helpers import centre_of, inside


def design():
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc, "ap-northeast-1a")
    b.az("az-c", vpc, "ap-northeast-1c")
    b.subnet("web-a", "az-a", "10.0.1.0/24")
    b.subnet("web-c", "az-c", "10.0.2.0/24")
    b.add("Instance", "app-1", "web-a")
    b.add("Instance", "app-2", "web-a")
    return b.diagram


def test_a_drag_is_one_undo_step_named_after_what_moved(make_canvas, mouse):
    canvas = make_canvas(design())
    before = canvas.diagram.geometry("app-1")
    start = centre_of(canvas, "app-1")
    # Within its subnet, a little to the right and down (the subnet grows to keep it inside).
    mouse.drag(canvas, start, start + QPointF(37, 22), steps=8)
    after = canvas.diagram.geometry("app-1")
    assert (after.x, after.y) != (before.x, before.y)
    assert after.x % 10 == 0 and after.y % 10 == 0  # snapped to the 10 px grid
    stack = canvas.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move app-1"
    stack.undo()
    assert canvas.diagram.geometry("app-1") == before
    assert canvas.scene.item_for("app-1").pos() == QPointF(before.x, before.y)


def test_moving_a_container_moves_its_contents(make_canvas, mouse):
    canvas = make_canvas(design())
    inner_before = absolute_rect(canvas.diagram, "app-1")
    relative_before = canvas.diagram.geometry("app-1")
    item_before = canvas.scene.item_for("app-1").scenePos()
    start = centre_of(canvas, "az-a")
    mouse.drag(canvas, start, start + QPointF(0, 60))
    assert canvas.diagram.geometry("app-1") == relative_before  # stored relative to the subnet
    inner_after = absolute_rect(canvas.diagram, "app-1")
    assert inner_after[1] - inner_before[1] == 60
    assert canvas.scene.item_for("app-1").scenePos() - item_before == QPointF(0, 60)
    assert canvas.document.undo_stack.count() == 1


def test_dragging_an_instance_into_another_subnet_reparents_it_in_one_step(make_canvas, mouse):
    canvas = make_canvas(design())
    before = native_format.dumps(canvas.diagram)
    mouse.drag(canvas, centre_of(canvas, "app-2"), inside(canvas, "web-c", 0.4, 0.6))
    assert canvas.diagram["app-2"].parent == "web-c"
    assert canvas.scene.item_for("app-2").parentItem() is canvas.scene.item_for("web-c")
    stack = canvas.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Move app-2 into web-c"
    stack.undo()
    assert native_format.dumps(canvas.diagram) == before
    assert canvas.scene.item_for("app-2").parentItem() is canvas.scene.item_for("web-a")


def test_subnet_dragged_into_another_az_takes_its_zone(make_canvas, mouse):
    canvas = make_canvas(design())
    mouse.drag(canvas, centre_of(canvas, "web-a"), inside(canvas, "az-c", 0.3, 0.9))
    subnet = canvas.diagram["web-a"]
    assert subnet.parent == "az-c" and subnet.get("availability_zone") == "ap-northeast-1c"
    assert canvas.diagram["app-1"].parent == "web-a"  # contents travel along


def test_refused_move_snaps_back_leaves_the_model_unchanged_and_says_why(make_canvas, mouse):
    canvas = make_canvas(design())
    before = native_format.dumps(canvas.diagram)
    item = canvas.scene.item_for("app-1")
    pos_before = item.pos()
    messages = []
    canvas.status_message.connect(messages.append)
    # Onto the bare VPC area below the zones: an instance must sit in a subnet.
    vpc = canvas.scene.item_for("vpc").scene_rect()
    mouse.drag(canvas, centre_of(canvas, "app-1"), QPointF(vpc.right() - 20, vpc.bottom() - 20))
    assert native_format.dumps(canvas.diagram) == before
    assert canvas.document.undo_stack.count() == 0
    assert item.pos() == pos_before and item.parentItem() is canvas.scene.item_for("web-a")
    assert messages and "An EC2 instance cannot sit in a VPC" in messages[-1]


def test_drag_in_progress_shows_the_new_container_and_touches_nothing(make_canvas, mouse):
    canvas = make_canvas(design())
    before = native_format.dumps(canvas.diagram)
    target = inside(canvas, "web-c", 0.5, 0.6)
    mouse.press_and_move(canvas, centre_of(canvas, "app-1"), target)
    assert canvas.drop_highlight.isVisible() and canvas.drop_highlight.accepts
    assert canvas.drop_highlight.rect() == canvas.scene.item_for("web-c").scene_rect()
    assert canvas.hint.text == "Into web-c"
    assert native_format.dumps(canvas.diagram) == before  # visual only until release
    mouse.release(canvas, target)
    assert not canvas.drop_highlight.isVisible()
    assert canvas.diagram["app-1"].parent == "web-c"


def test_moving_a_multi_selection_is_one_step(make_canvas, mouse):
    canvas = make_canvas(design())
    mouse.click(canvas, centre_of(canvas, "app-1"))
    mouse.click(canvas, centre_of(canvas, "app-2"), Qt.ControlModifier)
    assert canvas.selected_ids() == ["app-1", "app-2"]
    g1, g2 = canvas.diagram.geometry("app-1"), canvas.diagram.geometry("app-2")
    start = centre_of(canvas, "app-1")
    mouse.drag(canvas, start, start + QPointF(0, 40))
    assert canvas.diagram.geometry("app-1").y == g1.y + 40
    assert canvas.diagram.geometry("app-2").y == g2.y + 40
    assert canvas.document.undo_stack.count() == 1
    assert canvas.document.undo_stack.undoText() == "Move 2 resources"


def test_arrow_keys_nudge_and_merge_into_one_undo_step(make_canvas, mouse, qtbot):
    canvas = make_canvas(design())
    mouse.click(canvas, centre_of(canvas, "app-1"))
    before = canvas.diagram.geometry("app-1")
    for key in (Qt.Key_Right, Qt.Key_Right, Qt.Key_Down):
        qtbot.keyClick(canvas.view, key)
    after = canvas.diagram.geometry("app-1")
    assert (after.x - before.x, after.y - before.y) == (20, 10)
    stack = canvas.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert canvas.diagram.geometry("app-1") == before


def test_resize_handle_resizes_in_one_step_and_never_below_the_contents(make_canvas, mouse):
    canvas = make_canvas(design())
    mouse.click(canvas, centre_of(canvas, "web-a"))
    handle = next(h for h in canvas.handles.resize_handles if h.edge == "bottom-right")
    assert handle.isVisible()
    before = canvas.diagram.geometry("web-a")
    mouse.drag(canvas, handle.pos(), handle.pos() + QPointF(80, 50))
    grown = canvas.diagram.geometry("web-a")
    # The dragged corner lands on the grid, within half a grid step of the pointer.
    assert abs(grown.w - (before.w + 80)) <= 5 and abs(grown.h - (before.h + 50)) <= 5
    assert (grown.x + grown.w) % 10 == 0 and (grown.y + grown.h) % 10 == 0
    assert canvas.document.undo_stack.undoText() == "Resize web-a"
    # Try to shrink it to nothing: it stops where the two instances still fit.
    handle = next(h for h in canvas.handles.resize_handles if h.edge == "bottom-right")
    mouse.drag(canvas, handle.pos(), handle.pos() - QPointF(2000, 2000))
    small = canvas.diagram.geometry("web-a")
    for rid in ("app-1", "app-2"):
        g = canvas.diagram.geometry(rid)
        assert g.x + 132 <= small.w and g.y + 104 <= small.h
    assert canvas.document.undo_stack.count() == 2


def test_left_edge_resize_keeps_the_contents_where_they_are(make_canvas, mouse):
    canvas = make_canvas(design())
    mouse.click(canvas, centre_of(canvas, "web-a"))
    handle = next(h for h in canvas.handles.resize_handles if h.edge == "left")
    where = canvas.scene.item_for("web-a").scenePos()
    instances = {rid: canvas.scene.item_for(rid).scenePos() for rid in ("app-1", "app-2")}
    mouse.drag(canvas, handle.pos(), handle.pos() - QPointF(40, 0))
    moved = canvas.scene.item_for("web-a").scenePos()
    assert moved.y() == where.y() and 35 <= where.x() - moved.x() <= 45
    assert absolute_rect(canvas.diagram, "web-a")[0] == moved.x()
    for rid, pos in instances.items():
        assert canvas.scene.item_for(rid).scenePos() == pos
        assert absolute_rect(canvas.diagram, rid)[:2] == (pos.x(), pos.y())
    assert canvas.document.undo_stack.count() == 1
