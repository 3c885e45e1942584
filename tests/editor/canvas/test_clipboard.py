"""Copy, cut, paste and duplicate on the canvas, through the system clipboard."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from editor.clipboard import MIME_TYPE
from model import edits, native_format
from model.cidr import overlaps, parse
from tests.support.builder import DesignBuilder

from .helpers import inside


def design():
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc, "ap-northeast-1a")
    b.az("az-c", vpc, "ap-northeast-1c")
    b.add("SecurityGroup", "web-sg", vpc)
    b.subnet("web-a", "az-a", "10.0.1.0/24")
    b.route_table("rt-web", vpc, subnets=["web-a"])
    b.add("Instance", "web-1", "web-a", security_groups=["web-sg"])
    b.add("Instance", "web-2", "web-a")
    b.diagram.apply(edits.connect(b.diagram, "web-1-to-2", "web-1", "web-2", port=8080))
    return b.diagram


def test_copy_puts_native_yaml_and_text_on_the_clipboard(make_canvas):
    canvas = make_canvas(design())
    canvas.select_ids(["web-a"])
    assert canvas.copy()
    data = QGuiApplication.clipboard().mimeData()
    text = bytes(data.data(MIME_TYPE)).decode()
    assert data.text() == text
    copied = native_format.loads(text)
    assert {"web-a", "web-1", "web-2"} <= set(copied.ids())
    assert copied.relation("web-1-to-2") is not None


def test_paste_gives_new_ids_a_free_cidr_and_keeps_valid_outside_references(make_canvas):
    canvas = make_canvas(design())
    canvas.select_ids(["web-a"])
    canvas.copy()
    new_ids = canvas.paste()
    diagram = canvas.diagram
    # Numbered ids continue their series (web-1, web-2 -> web-3, web-4); others get a number.
    assert sorted(new_ids) == ["web-3", "web-4", "web-a-1"]
    subnet = diagram["web-a-1"]
    assert subnet.parent == "az-a"
    assert not overlaps(parse(subnet.get("cidr")), parse("10.0.1.0/24"))
    assert subnet.get("cidr") == "10.0.0.0/24"
    assert subnet.get("route_table") == "rt-web"            # outside, still there: kept
    assert diagram["web-3"].parent == "web-a-1"
    assert diagram["web-3"].get("security_groups") == ("web-sg",)
    pasted = [r for r in diagram.relations() if r.source == "web-3"]
    assert [(r.target, r.get("port")) for r in pasted] == [("web-4", 8080)]  # remapped inside
    assert canvas.selected_ids() == ["web-a-1"]
    assert canvas.document.undo_stack.count() == 1


def test_paste_where_the_pointer_is_goes_into_that_container(make_canvas):
    canvas = make_canvas(design())
    canvas.select_ids(["web-a"])
    canvas.copy()
    canvas.paste(at=inside(canvas, "az-c", 0.5, 0.5))
    copy = canvas.diagram["web-a-1"]
    assert copy.parent == "az-c" and copy.get("availability_zone") == "ap-northeast-1c"


def test_what_is_pasted_at_the_window_edge_is_brought_whole_into_view(make_canvas):
    from PySide6.QtCore import QPoint
    canvas = make_canvas(design())
    canvas.select_ids(["web-a"])
    canvas.copy()
    view = canvas.view
    view.set_zoom(2.5)
    view.centerOn(canvas.scene.item_for("az-c").sceneBoundingRect().center())
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    edge = view.mapToScene(view.viewport().rect().bottomRight() - QPoint(20, 20))
    (root, *_rest) = canvas.paste(at=edge)
    pasted = canvas.scene.item_for(root).sceneBoundingRect()
    assert not before.contains(pasted)
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(pasted)


def test_duplicate_and_undo(make_canvas):
    canvas = make_canvas(design())
    before = native_format.dumps(canvas.diagram)
    canvas.select_ids(["web-1"])
    ids = canvas.duplicate()
    assert ids == ["web-3"]
    assert canvas.diagram["web-3"].parent == "web-a"
    g, g1 = canvas.diagram.geometry("web-1"), canvas.diagram.geometry("web-3")
    assert (g1.x - g.x, g1.y - g.y) == (20, 20)
    assert canvas.document.undo_stack.undoText() == "Duplicate web-3"
    canvas.document.undo_stack.undo()
    assert native_format.dumps(canvas.diagram) == before


def test_cut_removes_and_paste_brings_back_under_new_ids(make_canvas):
    canvas = make_canvas(design())
    canvas.select_ids(["web-2"])
    assert canvas.cut()
    assert "web-2" not in canvas.diagram
    assert canvas.document.undo_stack.undoText() == "Cut web-2"
    assert canvas.paste() == ["web-2"]  # the id is free again
    assert canvas.diagram["web-2"].parent == "web-a"


def test_pasting_nothing_or_a_foreign_text_changes_nothing(make_canvas):
    canvas = make_canvas(design())
    QGuiApplication.clipboard().setText("just some words")
    messages = []
    canvas.status_message.connect(messages.append)
    assert canvas.paste() == []
    assert canvas.document.undo_stack.count() == 0
    assert messages == ["The clipboard holds no Kumozu resources."]


def test_paste_into_another_design_drops_references_it_cannot_keep():
    """Copied from one design, pasted into another: references among the copies follow them, the
    security group the other design lacks is dropped, the copy lands in the container chosen and
    its subnet gets a block of the new VPC."""
    from editor.clipboard import copy_text, paste_edit, read_clipboard
    source = design()
    source.apply(edits.add_resource(source, "NatGateway", "nat", parent="web-a"))
    source.apply(edits.set_property(source, "rt-web", "routes",
                                    [{"destination": "0.0.0.0/0", "target": "nat"},
                                     {"destination": "10.9.0.0/16", "target": "web-1"}]))
    clip, roots = read_clipboard(copy_text(source, ["web-a", "rt-web"]))
    assert sorted(roots) == ["rt-web", "web-a"]
    other = DesignBuilder()
    other.vpc("vpc-b", "172.16.0.0/16")
    other.subnet("taken", "vpc-b", "172.16.0.0/24")
    result = paste_edit(other.diagram, clip, roots, "vpc-b", at=(40, 60))
    assert result.refusal == ""
    other.diagram.apply(result.edit)
    d = other.diagram
    subnet = d["web-a-1"]
    assert subnet.parent == "vpc-b" and subnet.get("cidr") == "172.16.1.0/24"
    assert subnet.get("route_table") == "rt-web-1"                      # remapped with the copy
    routes = [(r["destination"], r["target"]) for r in d["rt-web-1"].get("routes")]
    assert routes == [("0.0.0.0/0", "nat-1"), ("10.9.0.0/16", "web-1")]  # both targets copied too
    assert d["web-1"].get("security_groups") == ()                     # web-sg is not in this design


def test_routes_to_what_was_left_behind_are_dropped():
    from editor.clipboard import copy_text, paste_edit, read_clipboard
    source = design()
    source.apply(edits.add_resource(source, "InternetGateway", "igw", parent="vpc", properties={"vpc": "vpc"}))
    source.apply(edits.set_property(source, "rt-web", "routes", [{"destination": "0.0.0.0/0", "target": "igw"}]))
    clip, roots = read_clipboard(copy_text(source, ["rt-web"]))
    other = DesignBuilder()
    other.vpc("vpc-b", "172.16.0.0/16")
    result = paste_edit(other.diagram, clip, roots, "vpc-b", at=(40, 60))
    other.diagram.apply(result.edit)
    assert other.diagram["rt-web-1"].get("routes") == ()


def test_paste_refuses_a_container_that_cannot_hold_the_copies():
    from editor.clipboard import copy_text, paste_edit, read_clipboard
    d = design()
    clip, roots = read_clipboard(copy_text(d, ["web-1"]))
    result = paste_edit(d, clip, roots, "vpc", at=(10, 10))
    assert result.edit is None
    assert result.refusal.startswith("An EC2 instance cannot sit in a VPC")


def test_a_design_pasted_as_text_pastes_whole():
    from editor.clipboard import read_clipboard
    text = native_format.dumps(design())
    clip, roots = read_clipboard(text)
    assert roots == ["region"]
