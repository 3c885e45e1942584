"""Drawing relations: the connect tool, the connect handle, menus of options and plain connections."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.builder import DesignBuilder

from .helpers import centre_of


def design():
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc, "ap-northeast-1a")
    b.subnet("public-a", "az-a", "10.0.0.0/24")
    b.subnet("app-a", "az-a", "10.0.1.0/24")
    b.internet_gateway("igw", vpc)
    b.add("NatGateway", "nat-a", "public-a")
    b.route_table("rt-app", vpc, subnets=["app-a"])
    b.add("Instance", "web", "app-a")
    b.add("Instance", "db", "app-a")
    return b.diagram


def test_connect_tool_draws_a_route_from_a_route_table_to_a_nat_gateway(make_canvas, mouse):
    canvas = make_canvas(design())
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "rt-app"), centre_of(canvas, "nat-a"))
    routes = canvas.diagram["rt-app"].get("routes")
    assert [(r["destination"], r["target"]) for r in routes] == [("0.0.0.0/0", "nat-a")]
    stack = canvas.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Add route 0.0.0.0/0 → nat-a"
    assert canvas.scene.line_for(("rt-app", "routes.0.target")) is not None
    stack.undo()
    assert canvas.diagram["rt-app"].get("routes") == ()
    assert canvas.scene.line_for(("rt-app", "routes.0.target")) is None
    assert canvas.tool.name == "connect"  # stays on for the next line


def test_dragging_the_connect_handle_from_a_subnet_to_the_igw_routes_through_its_table(make_canvas, mouse):
    canvas = make_canvas(design())
    mouse.click(canvas, centre_of(canvas, "app-a"))
    handle = canvas.handles.connect_handle
    assert handle.isVisible()
    start = handle.scenePos()
    # The grip is drawn a little to the right of its position (constant screen distance).
    grip = canvas.view.mapToScene(canvas.view.mapFromScene(start) + handle.centre().toPoint())
    mouse.drag(canvas, grip, centre_of(canvas, "igw"))
    routes = canvas.diagram["rt-app"].get("routes")
    assert [(r["destination"], r["target"]) for r in routes] == [("0.0.0.0/0", "igw")]
    assert canvas.document.undo_stack.undoText() == "Add route 0.0.0.0/0 → igw in route table rt-app"


def test_several_fitting_references_offer_a_choice(make_canvas, mouse):
    """A subnet without a route table of its own, dragged to a NAT gateway, may route through the
    VPC's main table or get a table of its own; the chosen option is applied."""
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.subnet("public", vpc, "10.0.0.0/24")
    b.subnet("private", vpc, "10.0.1.0/24")
    b.add("NatGateway", "nat", "public")
    b.route_table("main", vpc, main=True)
    canvas = make_canvas(b.diagram)
    offered = []

    def pick_second(options, _where):
        offered.extend(o.label for o in options)
        return options[1]

    canvas.choose_option = pick_second
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "private"), centre_of(canvas, "nat"))
    assert offered == ["Add route 0.0.0.0/0 → nat in main route table main",
                       "Give private its own route table with 0.0.0.0/0 → nat",
                       "Connect private to nat (tcp/443)"]
    table = canvas.diagram["private"].get("route_table")
    assert table == "rt-private" and canvas.diagram[table].parent == "vpc"
    assert [(r["destination"], r["target"]) for r in canvas.diagram[table].get("routes")] == \
        [("0.0.0.0/0", "nat")]
    assert canvas.diagram["main"].get("routes") == ()
    canvas.document.undo_stack.undo()
    assert "rt-private" not in canvas.diagram and canvas.diagram["private"].get("route_table") == ""


def test_dismissing_the_menu_changes_nothing(make_canvas, mouse):
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.subnet("public", vpc, "10.0.0.0/24")
    b.subnet("private", vpc, "10.0.1.0/24")
    b.add("NatGateway", "nat", "public")
    b.route_table("main", vpc, main=True)
    canvas = make_canvas(b.diagram)
    canvas.choose_option = lambda options, where: None
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "private"), centre_of(canvas, "nat"))
    assert canvas.document.undo_stack.count() == 0


def test_no_fitting_reference_makes_a_plain_connection_on_443(make_canvas, mouse):
    canvas = make_canvas(design())
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "web"), centre_of(canvas, "db"))
    relations = canvas.diagram.relations()
    assert [(r.kind, r.source, r.target, r.get("protocol"), r.get("port")) for r in relations] == \
        [("connection", "web", "db", "tcp", 443)]
    assert canvas.scene.line_for(("relation", relations[0].id)) is not None
    canvas.document.undo_stack.undo()
    assert canvas.diagram.relations() == []


def test_alt_makes_a_plain_connection_even_where_a_reference_fits(make_canvas, mouse):
    canvas = make_canvas(design())
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "rt-app"), centre_of(canvas, "nat-a"), modifiers=Qt.AltModifier)
    assert canvas.diagram["rt-app"].get("routes") == ()
    assert [(r.source, r.target) for r in canvas.diagram.relations()] == [("rt-app", "nat-a")]


def test_selected_line_is_deleted_as_its_reference(make_canvas, mouse):
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.internet_gateway("igw", vpc)
    b.route_table("rt", vpc, routes=[("0.0.0.0/0", "igw"), ("10.9.0.0/16", "igw")])
    canvas = make_canvas(b.diagram)
    line = canvas.scene.line_for(("rt", "routes.1.target"))
    line.setSelected(True)
    assert canvas.delete_selection()
    assert [(r["destination"], r["target"]) for r in canvas.diagram["rt"].get("routes")] == \
        [("0.0.0.0/0", "igw")]
    assert canvas.document.undo_stack.undoText() == "Remove route 10.9.0.0/16 → igw from rt"


def test_a_second_public_subnet_is_offered_the_existing_public_table_first(make_canvas, mouse):
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.internet_gateway("igw", vpc)
    b.public_subnet("public-a", vpc, "10.0.0.0/24", "igw")
    b.subnet("public-c", vpc, "10.0.1.0/24")
    canvas = make_canvas(b.diagram)
    offered = []
    canvas.choose_option = lambda options, where: (offered.extend(o.label for o in options), options[0])[1]
    canvas.set_tool("connect")
    mouse.drag(canvas, centre_of(canvas, "public-c"), centre_of(canvas, "igw"))
    assert offered[0] == "Associate public-c with route table rt-public-a (0.0.0.0/0 → igw)"
    assert canvas.diagram["public-c"].get("route_table") == "rt-public-a"
    assert canvas.scene.item_for("public-c").style_key == "PublicSubnet"  # now drawn as public


def test_a_subnet_can_be_picked_anywhere_inside_it(make_canvas, mouse):
    from .helpers import inside
    canvas = make_canvas(design())
    canvas.set_tool("connect")
    mouse.drag(canvas, inside(canvas, "public-a", 0.85, 0.85), centre_of(canvas, "igw"))
    table = canvas.diagram["public-a"].get("route_table")
    assert [(r["destination"], r["target"]) for r in canvas.diagram[table].get("routes")] == \
        [("0.0.0.0/0", "igw")]
