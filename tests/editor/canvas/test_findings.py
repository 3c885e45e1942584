"""Findings on the canvas follow each edit in the same change: outline, badge and tooltip."""

from __future__ import annotations

from model.edits import set_property
from tests.support.builder import DesignBuilder


def overlapping_ready():
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc)
    b.subnet("web-a", "az-a", "10.0.1.0/24")
    b.subnet("app-a", "az-a", "10.0.2.0/24")
    return b.diagram


def test_editing_a_cidr_shows_the_overlap_on_both_subnets_and_undo_clears_it(make_canvas):
    canvas = make_canvas(overlapping_ready())
    web, app = canvas.scene.item_for("web-a"), canvas.scene.item_for("app-a")
    assert web.severity is None and app.severity is None
    seen_during_change = []
    # Look at the items from inside the change announcement: the highlight must already be there
    # when the scene has caught up, with no event loop turn in between.
    canvas.scene.synced.connect(lambda: seen_during_change.append((web.severity, app.severity)))
    canvas.document.push(set_property(canvas.diagram, "app-a", "cidr", "10.0.1.128/25"))
    assert seen_during_change == [("error", "error")]
    assert web.finding_count == 1 and app.finding_count == 1
    assert "cidr-overlap" in web.toolTip() and "cidr-overlap" in app.toolTip()
    canvas.document.undo_stack.undo()
    assert web.severity is None and app.severity is None
    assert "cidr-overlap" not in web.toolTip()
    canvas.document.undo_stack.redo()
    assert web.severity == "error" and app.severity == "error"


def test_findings_delta_applied_twice_changes_nothing(make_canvas):
    """The window may also forward document.findings_changed to the canvas."""
    canvas = make_canvas(overlapping_ready())
    deltas = []
    canvas.document.findings_changed.connect(deltas.append)
    canvas.document.push(set_property(canvas.diagram, "app-a", "cidr", "10.0.1.0/24"))
    canvas.show_findings(deltas[-1])
    web = canvas.scene.item_for("web-a")
    assert web.finding_count == 1 and web.severity == "error"
    canvas.show_findings([])
    assert web.severity is None


def test_findings_of_a_new_resource_show_as_it_appears(make_canvas, palette_drag):
    from .helpers import inside
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/24")  # room for exactly one /24: the next subnet cannot fit
    b.subnet("only", vpc, "10.0.0.0/24")
    canvas = make_canvas(b.diagram)
    assert palette_drag(canvas, "Subnet").drop_at(inside(canvas, "vpc", 0.5, 0.9))
    new = next(r for r in canvas.diagram.of_kind("Subnet") if r.id != "only")
    item = canvas.scene.item_for(new.id)
    assert item.severity == "error"  # it overlaps 'only' (no free block was left to suggest)
    assert "cidr-overlap" in item.toolTip()
