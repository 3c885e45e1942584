"""Deleting with the plan: what goes along is named first, and undo brings everything back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from model import native_format
from tests.support.builder import DesignBuilder, load_example


def test_delete_with_contents_and_undo_restores_everything(make_canvas):
    canvas = make_canvas(load_example("dual-az-web"))
    before = native_format.dumps(canvas.diagram)
    canvas.select_ids(["az-a"])
    assert canvas.delete_selection()
    for gone in ("az-a", "public-a", "app-a", "db-a", "nat-a"):
        assert gone not in canvas.diagram and canvas.scene.item_for(gone) is None
    assert canvas.diagram["alb"].get("subnets") == ("public-c",)   # reference cleared
    assert any(r["target"] == "nat-a" for r in canvas.diagram["rt-app-a"].get("routes"))  # blackhole
    stack = canvas.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Delete ap-northeast-1a"
    stack.undo()
    assert native_format.dumps(canvas.diagram) == before
    assert canvas.scene.item_for("nat-a").parentItem() is canvas.scene.item_for("public-a")
    stack.redo()
    assert "public-a" not in canvas.diagram


def test_delete_asks_first_naming_what_goes_along(make_canvas, qtbot):
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.az("az-a", vpc)
    b.subnet("web-a", "az-a", "10.0.1.0/24")
    b.add("Instance", "web-1", "web-a")
    b.add("Instance", "web-2", "web-a")
    b.add("NatGateway", "nat", "web-a")
    b.subnet("app-a", "az-a", "10.0.2.0/24")
    b.route_table("rt", vpc, routes=[("0.0.0.0/0", "nat")], subnets=["app-a"])
    canvas = make_canvas(b.diagram)
    canvas.confirm_delete = True
    canvas.select_ids(["web-a"])
    seen = []

    def answer(button):
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.No))
    assert not canvas.delete_selection()
    assert "web-a" in canvas.diagram
    QTimer.singleShot(0, lambda: answer(QMessageBox.Yes))
    assert canvas.delete_selection()
    assert "web-a" not in canvas.diagram
    assert seen[0] == ("Delete subnet web-a? This also removes: 2 EC2 instances, 1 NAT gateway; "
                       "leaves 1 route as a blackhole.")


def test_delete_key_deletes_the_selection(make_canvas, qtbot):
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.add("SecurityGroup", "sg", vpc)
    canvas = make_canvas(b.diagram)
    canvas.select_ids(["sg"])
    qtbot.keyClick(canvas.view, Qt.Key_Delete)
    assert "sg" not in canvas.diagram
    assert canvas.selected_ids() == []


def test_deleting_a_connection_line(make_canvas):
    from model import edits
    b = DesignBuilder()
    vpc = b.vpc("vpc")
    b.subnet("s", vpc, "10.0.0.0/24")
    b.add("Instance", "a", "s")
    b.add("Instance", "b", "s")
    b.diagram.apply(edits.connect(b.diagram, "a-b", "a", "b", port=5432))
    canvas = make_canvas(b.diagram)
    canvas.select_ids(["a-b"])
    assert canvas.selected_ids() == ["a-b"]
    assert canvas.delete_selection()
    assert canvas.diagram.relations() == [] and {"a", "b"} <= set(canvas.diagram.ids())
