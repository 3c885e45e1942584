"""Dropping kinds from the palette onto the canvas (MIME ``application/x-kumozu-kind``)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from model import native_format
from model.diagram import Diagram
from tests.support.builder import DesignBuilder

from .helpers import inside


def two_az_vpc():
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc, "ap-northeast-1a")
    b.az("az-c", vpc, "ap-northeast-1c")
    b.subnet("public-a", "az-a", "10.0.0.0/24")
    return b.diagram


def test_subnet_dropped_into_an_az_gets_that_zone_and_a_free_cidr(make_canvas, palette_drag):
    canvas = make_canvas(two_az_vpc())
    drag = palette_drag(canvas, "Subnet")
    assert drag.drop_at(inside(canvas, "az-c", 0.5, 0.8))
    added = [r for r in canvas.diagram.of_kind("Subnet") if r.id != "public-a"]
    assert len(added) == 1
    subnet = added[0]
    assert subnet.parent == "az-c"
    assert subnet.get("availability_zone") == "ap-northeast-1c"
    assert subnet.get("cidr") == "10.0.1.0/24"  # the first /24 that public-a does not use
    assert canvas.document.undo_stack.undoText() == f"Add Subnet {subnet.id}"
    assert canvas.selected_ids() == [subnet.id]


def test_drop_goes_into_the_innermost_container_that_accepts_it(make_canvas, palette_drag):
    """An instance dropped on a subnet goes into the subnet, not the AZ or VPC around it; a route
    table dropped on the same spot walks out to the VPC, the innermost container that may hold it."""
    canvas = make_canvas(two_az_vpc())
    spot = inside(canvas, "public-a", 0.5, 0.65)
    assert palette_drag(canvas, "Instance").drop_at(spot)
    assert [r.parent for r in canvas.diagram.of_kind("Instance")] == ["public-a"]
    assert palette_drag(canvas, "RouteTable").drop_at(spot)
    assert [r.parent for r in canvas.diagram.of_kind("RouteTable")] == ["vpc"]


def test_internet_gateway_dropped_into_a_vpc_is_attached_to_it(make_canvas, palette_drag):
    canvas = make_canvas(two_az_vpc())
    vpc_rect = canvas.scene.item_for("vpc").scene_rect()
    assert palette_drag(canvas, "InternetGateway").drop_at(QPointF(vpc_rect.right() - 80, vpc_rect.top() + 90))
    igw = canvas.diagram.of_kind("InternetGateway")[0]
    assert igw.parent == "vpc" and igw.get("vpc") == "vpc"


def test_refused_drop_leaves_the_model_unchanged_and_says_why(make_canvas, palette_drag, qtbot):
    canvas = make_canvas(two_az_vpc())
    before = native_format.dumps(canvas.diagram)
    messages = []
    canvas.status_message.connect(messages.append)
    drag = palette_drag(canvas, "NatGateway")
    spot = inside(canvas, "az-c", 0.5, 0.5)  # an AZ holds subnets, not NAT gateways
    assert not drag.move_to(spot)
    assert canvas.drop_highlight.isVisible() and not canvas.drop_highlight.accepts
    assert canvas.hint.text.startswith("A NAT gateway cannot sit in an Availability Zone")
    assert not drag.drop_at(spot)
    assert native_format.dumps(canvas.diagram) == before
    assert canvas.document.undo_stack.count() == 0
    assert any("it belongs in a subnet" in m for m in messages)


def test_drop_target_highlights_green_while_dragging_over_an_accepting_container(make_canvas, palette_drag):
    canvas = make_canvas(two_az_vpc())
    drag = palette_drag(canvas, "NatGateway")
    assert drag.move_to(inside(canvas, "public-a", 0.5, 0.7))
    highlight = canvas.drop_highlight
    assert highlight.isVisible() and highlight.accepts
    assert highlight.rect() == canvas.scene.item_for("public-a").scene_rect()
    assert canvas.hint.text == "Add NAT gateway to public-a"


def test_new_container_gets_a_usable_size_and_the_parent_grows_to_fit(make_canvas, palette_drag):
    canvas = make_canvas(two_az_vpc())
    az = canvas.diagram.geometry("az-c")
    # Drop near the AZ's bottom edge: the new subnet sticks out, so the AZ (and VPC) grow.
    assert palette_drag(canvas, "Subnet").drop_at(inside(canvas, "az-c", 0.5, 0.97))
    subnet = next(r for r in canvas.diagram.of_kind("Subnet") if r.parent == "az-c")
    g = canvas.diagram.geometry(subnet.id)
    assert (g.w, g.h) == (300.0, 190.0)
    grown = canvas.diagram.geometry("az-c")
    assert grown.h > az.h and g.y + g.h <= grown.h
    canvas.document.undo_stack.undo()
    assert canvas.diagram.geometry("az-c") == az and subnet.id not in canvas.diagram


def test_dropping_is_one_undo_step_with_redo(make_canvas, palette_drag):
    canvas = make_canvas(two_az_vpc())
    before = native_format.dumps(canvas.diagram)
    assert palette_drag(canvas, "Subnet").drop_at(inside(canvas, "az-a", 0.5, 0.85))
    after = native_format.dumps(canvas.diagram)
    stack = canvas.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert native_format.dumps(canvas.diagram) == before
    stack.redo()
    assert native_format.dumps(canvas.diagram) == after
    assert canvas.scene.item_for("subnet-1") is not None


def test_place_tool_adds_one_resource_per_click_then_returns_to_select(make_canvas, mouse):
    canvas = make_canvas(two_az_vpc())
    tools = []
    canvas.tool_changed.connect(tools.append)
    canvas.set_tool("place:SecurityGroup")
    mouse.click(canvas, inside(canvas, "vpc", 0.9, 0.9))
    assert [r.parent for r in canvas.diagram.of_kind("SecurityGroup")] == ["vpc"]
    assert tools == ["place:SecurityGroup", "select"]


def test_an_empty_canvas_is_shown_at_full_size(make_canvas):
    """New resources are sized for 100 %; an empty design is not blown up to the 150 % cap."""
    canvas = make_canvas(Diagram())
    canvas.zoom_to_fit()
    assert canvas.view.zoom() == 1.0


def test_a_resource_placed_at_the_window_edge_is_brought_whole_into_view(make_canvas, mouse):
    canvas = make_canvas(two_az_vpc())
    view = canvas.view
    view.set_zoom(2.5)
    view.centerOn(canvas.scene.item_for("vpc").sceneBoundingRect().center())
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    edge = view.mapToScene(view.viewport().rect().bottomRight() - QPoint(30, 30))
    canvas.set_tool("place:Subnet")
    mouse.click(canvas, edge)
    (subnet,) = [r for r in canvas.diagram.of_kind("Subnet") if r.id != "public-a"]
    placed = canvas.scene.item_for(subnet.id).sceneBoundingRect()
    assert not before.contains(placed)  # centred on the click, it stuck out of the window
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(placed)
    assert view.zoom() <= 2.5


def test_every_container_kind_nests_by_dropping_one_into_the_next(make_canvas, palette_drag):
    """From an empty canvas: a Region, a VPC in it, a zone in the VPC, a subnet in the zone, an Auto
    Scaling group in the subnet and an instance in the group, each dropped from the palette into
    the box before; each box is big enough to take the next, and each lands where it was dropped."""
    canvas = make_canvas(Diagram())
    canvas.view.set_zoom(0.5)
    chain = ["Region", "Vpc", "AvailabilityZone", "Subnet", "AutoScalingGroup", "Instance"]
    placed: list[str] = []
    for kind in chain:
        if placed:
            canvas.zoom_to_fit()
            spot = inside(canvas, placed[-1], 0.5, 0.55)
        else:
            spot = QPointF(0, 0)
        assert palette_drag(canvas, kind).drop_at(spot), kind
        (new,) = [r for r in canvas.diagram.of_kind(kind)]
        assert new.parent == (placed[-1] if placed else None), (kind, new.parent)
        placed.append(new.id)
    d = canvas.diagram
    region, vpc, zone, subnet, group, instance = placed
    assert d[subnet].get("availability_zone") == d[zone].get("zone") == f"{d[region].get('region')}a"
    assert d[group].get("subnets") == (subnet,)
    assert canvas.document.undo_stack.count() == len(chain)
    for outer, inner in zip(placed, placed[1:]):
        assert canvas.scene.item_for(outer).sceneBoundingRect().contains(
            canvas.scene.item_for(inner).sceneBoundingRect().adjusted(4, 4, -4, -4))
