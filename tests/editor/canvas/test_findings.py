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


def _painted(canvas, rid: str):
    """The item ``rid`` and its surroundings as the canvas paints them at 100 %."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    rect = canvas.scene.item_for(rid).sceneBoundingRect().adjusted(-4, -4, 4, 4)
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    canvas.scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def _pixels_near(image, colour: str, tolerance: int = 40) -> int:
    from PySide6.QtGui import QColor
    want = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            distance = abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue())
            if distance < tolerance:
                count += 1
    return count


def test_outlines_are_red_amber_or_blue_by_severity_with_a_badge_and_the_fix_in_the_tooltip(make_canvas):
    """Each severity paints its own colour around the resource (a container's frame, an icon's
    ring) and a badge; a selected container keeps its colour. The tooltip gives message and fix."""
    from editor import styles
    from validators.finding import Finding, Severity
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", vpc)
    for n, rid in enumerate(("bad", "doubtful", "noted", "calm")):
        b.subnet(rid, "az-a", f"10.0.{n}.0/24")
    b.add("Instance", "server", "calm")
    canvas = make_canvas(b.diagram)
    findings = [Finding("demo-error", Severity.ERROR, "Bad thing.", ("bad", "server"),
                        fix="Do the right thing."),
                Finding("demo-warning", Severity.WARNING, "Doubtful thing.", ("doubtful",)),
                Finding("demo-info", Severity.INFO, "Worth knowing.", ("noted",))]
    canvas.show_findings(findings)
    colours = styles.SEVERITY_COLOURS
    for rid, severity in (("bad", "error"), ("doubtful", "warning"), ("noted", "info"), ("server", "error")):
        image = _painted(canvas, rid)
        assert _pixels_near(image, colours[severity]) > 30, f"{rid} is not outlined in {severity}"
        others = [c for s, c in colours.items() if s != severity]
        assert all(_pixels_near(image, c) < 5 for c in others)
        assert canvas.scene.item_for(rid).finding_count == 1
    assert _pixels_near(_painted(canvas, "calm").copy(0, 0, 300, 30), colours["error"]) == 0
    tip = canvas.scene.item_for("bad").toolTip()
    assert "demo-error" in tip and "Bad thing." in tip and "Fix: Do the right thing." in tip
    canvas.select_ids(["bad"])
    selected = _painted(canvas, "bad")
    left_edge = selected.copy(0, 60, 20, selected.height() - 120)  # the frame, below the title
    assert _pixels_near(left_edge, colours["error"]) > 10
    assert _pixels_near(left_edge, styles.SELECTION.name()) > 3
