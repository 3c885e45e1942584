"""The scene mirrors the model: items, lines, subtitles and the far-zoom line layer follow each
change set, and only what a change can affect is recomputed."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from editor.items import FAINT_DETAIL
from editor.scene import DiagramScene
from model.edits import set_property
from tests.support.builder import DesignBuilder


def routed():
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.subnet("web", vpc, "10.0.0.0/24")
    b.internet_gateway("igw", vpc)
    b.route_table("rt", vpc, subnets=["web"])
    return b.diagram


def test_lines_have_their_full_extent_and_are_painted(make_canvas):
    canvas = make_canvas(routed())
    canvas.document.push(set_property(canvas.diagram, "rt", "routes",
                                      [{"destination": "0.0.0.0/0", "target": "igw"}]))
    line = canvas.scene.line_for(("rt", "routes.0.target"))
    rect = line.sceneBoundingRect()
    for end in (canvas.scene.item_for("rt").anchor(), canvas.scene.item_for("igw").anchor()):
        assert rect.adjusted(-40, -40, 40, 40).contains(end)
    assert rect.width() > 20 or rect.height() > 20
    # Render the scene and look for the route's green along the line's middle.
    image = QImage(canvas.view.viewport().size(), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    canvas.view.render(painter)
    painter.end()
    middle = canvas.view.mapFromScene(line.path().pointAtPercent(0.3))
    around = [QColor(image.pixel(middle.x() + dx, middle.y() + dy))
              for dx in range(-2, 3) for dy in range(-2, 3)]
    assert any(c.green() > c.red() + 40 for c in around)


def test_a_new_route_to_the_internet_makes_the_subnet_public_in_the_same_change(qapp):
    diagram = routed()
    scene = DiagramScene(diagram)
    web = scene.item_for("web")
    assert web.style_key == "PrivateSubnet" and "private" in web.subtitle
    diagram.apply(set_property(diagram, "rt", "routes", [{"destination": "0.0.0.0/0", "target": "igw"}]))
    assert web.style_key == "PublicSubnet" and "public" in web.subtitle
    scene.detach()


def test_a_layout_move_does_not_recompute_subtitles(qapp, monkeypatch):
    from model.edits import move
    diagram = routed()
    scene = DiagramScene(diagram)
    calls = []
    import editor.scene as scene_module
    monkeypatch.setattr(scene_module, "subtitle", lambda d, r: calls.append(r.id) or "")
    diagram.apply(move(diagram, {"igw": (400, 80)}))
    assert calls == []
    diagram.apply(set_property(diagram, "igw", "name", "gateway"))
    assert "igw" in calls and len(calls) < len(diagram)
    scene.detach()


def test_far_out_faint_lines_are_left_out_and_the_others_stay(make_canvas):
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.internet_gateway("igw", vpc)
    b.route_table("rt", vpc, routes=[("0.0.0.0/0", "igw")])  # a route: a strong line
    b.subnet("web", vpc, "10.0.0.0/24")
    b.add("LoadBalancer", "alb", vpc, subnets=["web"])       # placed in a subnet: a faint one
    canvas = make_canvas(b.diagram)
    route = canvas.scene.line_for(("rt", "routes.0.target"))
    attachment = canvas.scene.line_for(("alb", "subnets.0"))
    assert attachment.faint and not route.faint

    def ink(line, detail):
        """How many pixels drawing ``line`` at ``detail`` colours."""
        area = line.bounds
        image = QImage(int(area.width()) + 2, int(area.height()) + 2, QImage.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(-area.left(), -area.top())
        line.draw(painter, area, detail)
        painter.end()
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if QColor(image.pixel(x, y)) != QColor("white"))

    assert ink(route, 1.0) > 0 and ink(attachment, 1.0) > 0
    assert ink(route, FAINT_DETAIL / 2) > 0
    assert ink(attachment, FAINT_DETAIL / 2) == 0
    attachment.setSelected(True)  # a selected line always shows
    assert ink(attachment, FAINT_DETAIL / 2) > 0


def test_deleting_a_target_hides_its_lines_and_undo_brings_them_back(make_canvas):
    canvas = make_canvas(routed())
    canvas.document.push(set_property(canvas.diagram, "rt", "routes",
                                      [{"destination": "0.0.0.0/0", "target": "igw"}]))
    canvas.select_ids(["igw"])
    canvas.delete_selection()
    line = canvas.scene.line_for(("rt", "routes.0.target"))
    assert line is None or not line.isVisible()  # the route stays, as a blackhole, undrawn
    canvas.document.undo_stack.undo()
    line = canvas.scene.line_for(("rt", "routes.0.target"))
    assert line is not None and line.isVisible()


def test_far_out_box_names_stay_readable_above_their_contents(make_canvas):
    """Zoomed far out (a whole large design), a VPC's and a subnet's names are drawn above their
    contents at a fixed size on screen; a zone whose subnet starts right below its edge leaves the
    name to the subnet, and boxes too narrow on screen show none; close up nothing is drawn by the
    far-name layer (each box's own title is)."""
    from editor.items.container import FAR_DETAIL
    from editor.items.far_titles import FarTitleLayer
    from model.edits import move
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16", name="production network")
    b.az("az", vpc)
    b.subnet("web", "az", "10.0.0.0/24", name="public web tier")
    b.subnet("tiny", vpc, "10.0.1.0/24")
    for n in range(6):
        b.add("Instance", f"i{n}", "web")
    canvas = make_canvas(b.diagram)
    canvas.document.push(move(canvas.diagram, {
        "region": (0, 0, 9000, 9000), "vpc": (20, 60, 8800, 8800), "az": (20, 300, 8000, 6000),
        "web": (20, 40, 7000, 5000), "tiny": (20, 7000, 300, 190)}))
    layer = next(i for i in canvas.scene.items() if isinstance(i, FarTitleLayer))
    corner = canvas.scene.item_for("vpc").scene_rect().adjusted(0, 0, -6000, -8000)

    def picture(scale):
        image = QImage(int(corner.width() * scale), int(corner.height() * scale), QImage.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        canvas.scene.render(painter, image.rect().toRectF(), corner)
        painter.end()
        return image

    def ink_of_names(scale):
        layer.setVisible(False)
        without = picture(scale)
        layer.setVisible(True)
        shown = picture(scale)
        return sum(1 for x in range(shown.width()) for y in range(shown.height())
                   if without.pixel(x, y) != shown.pixel(x, y))

    far = FAR_DETAIL / 2
    assert ink_of_names(far) > 40
    assert {"vpc", "web"} <= set(layer.drawn)
    assert "az" not in layer.drawn  # its subnet's name sits where the zone's would
    assert "tiny" not in layer.drawn  # 30 pixels wide on screen: no room for a name
    assert ink_of_names(0.5) == 0 and layer.drawn == ()
    # The subnet moved down, out from under the zone's name: the zone shows its name again.
    canvas.document.push(move(canvas.diagram, {"web": (20, 1500, 7000, 4000)}))
    ink_of_names(far)
    assert "az" in layer.drawn
    canvas.document.undo_stack.undo()
    ink_of_names(far)
    assert "az" not in layer.drawn


def test_boxes_are_labelled_with_name_and_cidr_and_follow_an_edit(make_canvas, tmp_path):
    """A VPC and a subnet say their name and range on the canvas (drawn: the SVG export holds the
    words), and a new range shows as soon as it is typed."""
    import xml.etree.ElementTree as ElementTree

    from editor.render import render_file
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16", name="shop")
    b.subnet("web", vpc, "10.0.1.0/24", name="web tier")
    canvas = make_canvas(b.diagram)
    assert canvas.scene.item_for("vpc").subtitle == "10.0.0.0/16"
    assert canvas.scene.item_for("web").subtitle.startswith("10.0.1.0/24 · private")
    canvas.document.push(set_property(canvas.diagram, "web", "cidr", "10.0.7.0/24"))
    assert canvas.scene.item_for("web").subtitle.startswith("10.0.7.0/24")
    out = tmp_path / "labels.svg"
    render_file(canvas.diagram, str(out), scale=1.0)
    texts = " ".join("".join(t.itertext()) for t in ElementTree.parse(out).iter() if t.tag.endswith("text"))
    for words in ("shop", "10.0.0.0/16", "web tier", "10.0.7.0/24"):
        assert words in texts
