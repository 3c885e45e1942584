"""Every canvas operation is one undo step: undo gives back the design byte for byte, redo the
edited one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from model import native_format
from model.edits import move
from model.layout import layout_edit
from tests.support.builder import DesignBuilder

from .helpers import PaletteDrag, centre_of, inside


def design():
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc)
    b.az("az-b", vpc)
    b.subnet("web-a", "az-a", "10.0.1.0/24")
    b.subnet("web-b", "az-b", "10.0.2.0/24")
    b.internet_gateway("igw", vpc)
    b.route_table("rt", vpc, subnets=["web-a"])
    for rid in ("i-1", "i-2", "i-3"):
        b.add("Instance", rid, "web-a")
    layout = layout_edit(b.diagram, only_missing=True)
    b.diagram.apply(layout)
    b.diagram.apply(move(b.diagram, {"i-2": (180, 60), "i-3": (500, 60)}))  # uneven gaps
    return b.diagram


def drop(canvas, mouse):
    PaletteDrag(canvas, "NatGateway").drop_at(inside(canvas, "web-b", 0.5, 0.6))


def move_into(canvas, mouse):
    mouse.drag(canvas, centre_of(canvas, "i-1"), inside(canvas, "web-b", 0.4, 0.6))


def resize(canvas, mouse):
    canvas.select_ids(["web-b"])
    handle = next(h for h in canvas.handles.resize_handles if h.edge == "bottom")
    mouse.drag(canvas, handle.pos(), handle.pos() + QPointF(0, 60))


def connect(canvas, mouse):
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "rt"), centre_of(canvas, "igw"))


def cut(canvas, mouse):
    canvas.select_ids(["i-2"])
    canvas.cut()


def paste(canvas, mouse):
    canvas.select_ids(["web-a"])
    canvas.copy()
    canvas.paste()


def duplicate(canvas, mouse):
    canvas.select_ids(["i-3"])
    canvas.duplicate()


def delete(canvas, mouse):
    canvas.select_ids(["az-a"])
    canvas.delete_selection()


def align(canvas, mouse):
    canvas.select_ids(["i-1", "igw", "rt"])
    canvas.align("left")


def distribute(canvas, mouse):
    canvas.select_ids(["i-1", "i-2", "i-3"])
    canvas.distribute("horizontal")


@pytest.mark.parametrize("operation", [drop, move_into, resize, connect, cut, paste, duplicate, delete,
                                       align, distribute], ids=lambda f: f.__name__)
def test_operation_is_one_undo_step(make_canvas, mouse, operation):
    canvas = make_canvas(design())
    stack = canvas.document.undo_stack
    before = native_format.dumps(canvas.diagram)
    operation(canvas, mouse)
    after = native_format.dumps(canvas.diagram)
    assert after != before
    assert stack.count() == 1
    stack.undo()
    assert native_format.dumps(canvas.diagram) == before
    assert len(canvas.scene.resource_items()) == len(canvas.diagram)
    stack.redo()
    assert native_format.dumps(canvas.diagram) == after
    for record in canvas.diagram:  # the scene mirrors the model again, positions included
        item = canvas.scene.item_for(record.id)
        g = canvas.diagram.geometry(record.id)
        assert (item.pos().x(), item.pos().y()) == (g.x, g.y)
        parent = item.parentItem()
        assert (parent.rid if parent is not None else None) == record.parent
