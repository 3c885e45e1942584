"""Traced paths drawn across the canvas, and the trace tool that picks their ends."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from editor.items.overlays import BlockedMarker, HopMarker, PathLine
from editor.tools.tracing import INTERNET
from tests.support.builder import load_example

from .helpers import centre_of


def overlay(canvas, kind):
    return [i for i in canvas.scene.items() if isinstance(i, kind)]


def test_show_path_draws_numbered_hops_in_order(make_canvas):
    canvas = make_canvas(load_example("dual-az-web"))
    hops = ["web", "app-a", "rt-app-a", "nat-a", "igw"]
    canvas.show_path(["internet"] + hops, labels={"nat-a": "translated to the NAT's address"})
    markers = sorted(overlay(canvas, HopMarker), key=lambda m: m.number)
    assert [m.number for m in markers] == [2, 3, 4, 5, 6]  # 1 is the internet: not on the canvas
    for marker, rid in zip(markers, hops):
        assert marker.pos() == canvas.scene.item_for(rid).anchor_rect().topLeft()
    assert "translated to the NAT's address" in markers[3].toolTip()
    assert len(overlay(canvas, PathLine)) == 4
    assert overlay(canvas, BlockedMarker) == []


def test_blocked_component_gets_a_red_marker_with_the_explanation(make_canvas):
    canvas = make_canvas(load_example("dual-az-web"))
    canvas.show_path(["web", "app-a"], blocked_id="db-sg",
                     labels={"db-sg": "ENI_SG_RULES_MISMATCH: db-sg allows 3306 only from web-sg"})
    blocked = overlay(canvas, BlockedMarker)
    assert len(blocked) == 1
    assert "ENI_SG_RULES_MISMATCH" in blocked[0].toolTip()
    assert blocked[0].pos() == canvas.scene.item_for("db-sg").anchor_rect().topRight()
    assert len(overlay(canvas, PathLine)) == 2  # web -> app-a, then the dashed leg to the block
    canvas.clear_path()
    assert overlay(canvas, BlockedMarker) == [] and overlay(canvas, HopMarker) == []


def test_path_follows_items_that_move(make_canvas, mouse):
    canvas = make_canvas(load_example("dual-az-web"))
    canvas.show_path(["static", "s3-endpoint"])
    start = centre_of(canvas, "static")
    mouse.drag(canvas, start, start + QPointF(60, 0))
    marker = next(m for m in overlay(canvas, HopMarker) if m.number == 1)
    assert marker.pos() == canvas.scene.item_for("static").anchor_rect().topLeft()


def test_trace_tool_picks_source_then_destination(make_canvas, mouse):
    canvas = make_canvas(load_example("dual-az-web"))
    picked = []
    canvas.trace_picked.connect(lambda a, b: picked.append((a, b)))
    canvas.set_tool("trace")
    mouse.click(canvas, centre_of(canvas, "web"))
    assert picked == []
    mouse.click(canvas, centre_of(canvas, "db"))
    assert picked == [("web", "db")]
    # The empty canvas outside every container stands for the internet.
    outside = canvas.scene.item_for("tokyo").scene_rect().bottomRight() + QPointF(100, 100)
    canvas.view.centerOn(outside)
    mouse.click(canvas, outside)
    canvas.view.centerOn(canvas.scene.item_for("alb").anchor())
    mouse.click(canvas, centre_of(canvas, "alb"))
    assert picked[-1] == (INTERNET, "alb")


def test_overlay_flows_are_drawn_green_or_red(make_canvas):
    canvas = make_canvas(load_example("dual-az-web"))
    canvas.show_overlay_flows([("alb", "web", True, "tcp/80"),
                               {"source": "web", "destination": "db", "reachable": False,
                                "label": "blocked by db-sg"}])
    lines = overlay(canvas, PathLine)
    assert sorted(line.toolTip() for line in lines) == ["blocked by db-sg", "tcp/80"]
    red = next(line for line in lines if line.toolTip() == "blocked by db-sg")
    assert red.pen().color().red() > red.pen().color().green()
    canvas.clear_overlay_flows()
    assert overlay(canvas, PathLine) == []
