"""The main window wires canvas, palette, inspector and problems together around one document:
title and modified marker, readable undo, problems that select, the inspector's edits on the canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from model import edits
from tests.support.windows import copy_example
from tests.editor.window.test_inspector import retype
from validators.finding import Severity


def test_title_names_the_file_and_marks_unsaved_changes(qtbot, make_window, tmp_path):
    path = copy_example(tmp_path)
    window = make_window(path)
    assert window.windowTitle() == "dual-az-web.kumozu.yaml[*] — Kumozu"
    assert not window.isWindowModified()
    window.document.push(edits.rename(window.document.diagram, "app-a", "application A"))
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_an_example_and_a_new_design_are_named_as_such(qtbot, make_window, tmp_path):
    window = make_window()
    assert window.windowTitle() == "Untitled[*] — Kumozu"
    window.files.open_example(str(copy_example(tmp_path)))
    assert window.windowTitle() == "dual-az-web.kumozu.yaml (example)[*] — Kumozu"


def test_undo_and_redo_actions_say_what_they_undo(qtbot, make_window, tmp_path):
    window = make_window(copy_example(tmp_path))
    diagram = window.document.diagram
    window.document.push(edits.move(diagram, {"alb": (10, 10)}))
    undo, redo = window.menu_actions.undo, window.menu_actions.redo
    assert undo.text().replace("&", "") == "Undo Move web-alb"
    undo.trigger()
    assert redo.text().replace("&", "") == "Redo Move web-alb"
    assert undo.shortcut().toString() == "Ctrl+Z"


def test_standard_shortcuts_are_on_the_file_and_edit_actions(qtbot, make_window):
    actions = make_window().menu_actions
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in
                 (actions.new, actions.open, actions.save, actions.save_as, actions.cut, actions.copy,
                  actions.paste, actions.select_all, actions.zoom_in, actions.zoom_out, actions.delete)}
    assert shortcuts["New"] == "Ctrl+N" and shortcuts["Open…"] == "Ctrl+O"
    assert shortcuts["Save"] == "Ctrl+S" and shortcuts["Save As…"] == "Ctrl+Shift+S"
    assert shortcuts["Cut"] == "Ctrl+X" and shortcuts["Paste"] == "Ctrl+V"
    assert shortcuts["Select All"] == "Ctrl+A" and shortcuts["Delete"] == "Del"
    assert shortcuts["Zoom In"] == "Ctrl++"


def test_clicking_a_problem_selects_its_resources_on_the_canvas(qtbot, make_window, tmp_path):
    window = make_window(copy_example(tmp_path))
    document = window.document
    document.push(edits.set_property(document.diagram, "app-c", "cidr",
                                     document.diagram["app-a"].get("cidr")))
    panel = window.problems
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 1).data() == "cidr-overlap")
    index = panel.proxy.index(row, 2)
    QTest.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=panel.view.visualRect(index).center())
    assert sorted(window.canvas.selected_ids()) == ["app-a", "app-c"]
    assert "2 resources selected" in window.inspector.page.title.text()


def test_an_inspector_cidr_edit_outlines_the_overlap_on_the_canvas_and_undo_removes_it(
        qtbot, make_window, tmp_path):
    window = make_window(copy_example(tmp_path))
    window.canvas.select_ids(["app-c"])
    scene = window.canvas.scene
    assert scene.item_for("app-c").severity is None
    retype(window.inspector.editor("cidr").line, window.document.diagram["app-a"].get("cidr"))
    assert scene.item_for("app-a").severity == "error"
    assert scene.item_for("app-c").severity == "error"
    assert window.counts.count(Severity.ERROR) >= 1
    window.menu_actions.undo.trigger()
    assert scene.item_for("app-a").severity is None and scene.item_for("app-c").severity is None
    assert window.counts.count(Severity.ERROR) == 0


def test_the_status_bar_counts_findings_by_severity(qtbot, make_window, tmp_path):
    window = make_window(copy_example(tmp_path))
    findings = window.document.findings
    for severity in Severity:
        assert window.counts.count(severity) == sum(1 for f in findings if f.severity is severity)
    assert window.zoom_label.text().endswith("%")


def test_a_palette_double_click_arms_the_place_tool(qtbot, make_window):
    window = make_window()
    window.palette_panel.tree.itemActivated.emit(window.palette_panel.item_for("Vpc"), 0)
    assert window.canvas.tool.name == "place:Vpc"
    assert "Placing VPC" in window.tool_label.text()
    window.menu_actions.tool_select.trigger()
    assert window.canvas.tool.name == "select"


def test_selection_on_the_canvas_shows_in_the_inspector(qtbot, make_window, tmp_path):
    window = make_window(copy_example(tmp_path))
    window.canvas.select_ids(["alb"])
    assert window.inspector.ids == ["alb"]
    assert window.menu_actions.delete.isEnabled()
    window.canvas.select_ids([])
    assert window.inspector.ids == [] and not window.menu_actions.delete.isEnabled()


def test_delete_asks_what_goes_along_and_is_one_undo_step(qtbot, make_window, tmp_path, dialogs):
    window = make_window(copy_example(tmp_path))
    window.canvas.select_ids(["az-a"])
    count = len(window.document.diagram)
    dialogs.answer(QMessageBox.Yes)
    window.menu_actions.delete.trigger()
    assert dialogs.done and "az-a" not in window.document.diagram
    assert len(window.document.diagram) < count - 1  # its subnets went with it
    window.menu_actions.undo.trigger()
    assert len(window.document.diagram) == count


def test_window_state_and_dock_layout_persist(qtbot, make_window):
    window = make_window()
    window.problems_dock.hide()
    window.document.undo_stack.setClean()
    window.close()
    again = make_window()
    assert again.problems_dock.isHidden()
    assert again.inspector_dock.isVisible()


def double_click_palette(window, kind: str) -> None:
    tree = window.palette_panel.tree
    item = window.palette_panel.item_for(kind)
    tree.scrollToItem(item)
    centre = tree.visualItemRect(item).center()
    QTest.mouseClick(tree.viewport(), Qt.LeftButton, pos=centre)  # a real double-click starts
    QTest.mouseDClick(tree.viewport(), Qt.LeftButton, pos=centre)  # with a click


def click_into(window, rid: str | None, fraction=(0.5, 0.6)) -> None:
    canvas = window.canvas
    if rid is None:
        point = canvas.view.viewport().rect().center()
    else:
        rect = canvas.scene.item_for(rid).sceneBoundingRect()
        scene_point = rect.topLeft() + QPointF(rect.width() * fraction[0], rect.height() * fraction[1])
        point = canvas.view.mapFromScene(scene_point)
    QTest.mouseMove(canvas.view.viewport(), point)
    QTest.mouseClick(canvas.view.viewport(), Qt.LeftButton, pos=point)


def test_a_new_user_nests_vpc_zone_and_subnet_with_the_mouse(qtbot, make_window):
    window = make_window()
    window.resize(1400, 900)
    diagram = window.document.diagram

    double_click_palette(window, "Vpc")
    click_into(window, None)
    (vpc,) = diagram.of_kind("Vpc")
    window.canvas.zoom_to_fit()
    double_click_palette(window, "AvailabilityZone")
    click_into(window, vpc.id)
    (zone,) = diagram.of_kind("AvailabilityZone")
    window.canvas.zoom_to_fit()
    double_click_palette(window, "Subnet")
    click_into(window, zone.id)
    (subnet,) = diagram.of_kind("Subnet")

    assert window.document.diagram[zone.id].parent == vpc.id
    assert subnet.parent == zone.id and subnet.get("cidr")
    assert window.canvas.tool.name == "select"  # one click placed one resource
    assert window.inspector.ids == [subnet.id]  # the new resource is what the inspector shows
    assert window.document.undo_stack.count() == 3
    assert window.menu_actions.undo.text().replace("&", "") == f"Undo Add Subnet {subnet.id}"


def test_open_example_lists_every_bundled_example_and_opens_it_as_an_example(qtbot, make_window):
    from editor.window_actions import EXAMPLES_DIR
    window = make_window()
    menu = window.menu_actions.examples_menu
    menu.aboutToShow.emit()
    listed = sorted(a.data() for a in menu.actions() if a.data())
    assert listed == sorted(str(p) for p in EXAMPLES_DIR.glob("*.kumozu.yaml"))
    action = next(a for a in menu.actions() if a.data() and a.data().endswith("route-tables.kumozu.yaml"))
    assert "(route-tables)" in action.text()
    action.trigger()
    assert window.is_example and window.windowTitle() == "route-tables.kumozu.yaml (example)[*] — Kumozu"
    assert window.recent.paths() == []  # examples are not recent files


def test_implied_flows_are_drawn_and_follow_edits(qtbot, make_window, tmp_path):
    from editor.items.overlays import PathLine
    from model.frozen import thaw
    window = make_window(copy_example(tmp_path))

    def flow_lines():
        return [i for i in window.canvas.scene.items() if isinstance(i, PathLine)]

    window.menu_actions.implied_flows.trigger()
    drawn = flow_lines()
    assert drawn and all("blocked" not in line.toolTip() for line in drawn if line.toolTip())
    # Take away the ALB's HTTPS rule: the internet -> listener flow turns red.
    sg = window.document.diagram["alb-sg"]
    kept = [r for r in thaw(sg.get("ingress")) if r["from_port"] != 443]
    window.document.push(edits.set_property(window.document.diagram, "alb-sg", "ingress", kept))
    qtbot.waitUntil(lambda: any("blocked" in line.toolTip() for line in flow_lines()), timeout=3000)
    window.menu_actions.implied_flows.trigger()
    assert flow_lines() == []


def test_menus_hold_every_command_the_issue_names_and_the_edit_and_view_actions_work(qtbot, make_window,
                                                                                      tmp_path):
    """File (New, Open, Open Recent, Save, Save As, Export PNG/SVG/PDF/native/CloudFormation), Edit
    (Undo, Redo, Cut, Copy, Paste, Duplicate, Delete, Select All, Align), View (Zoom In/Out/Fit) and
    Tools (Trace) are in the menu bar; triggering the Edit and View ones acts on the canvas."""
    window = make_window(copy_example(tmp_path))
    actions = window.menu_actions

    def words(menu):
        return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]

    assert words(actions.file_menu)[:6] == ["New", "Open…", "Open Recent", "Open Example", "Save",
                                            "Save As…"]
    assert words(actions.export_menu) == ["PNG Image…", "SVG Drawing…", "PDF Document…",
                                          "Kumozu Design (YAML)…", "CloudFormation Template (YAML)…",
                                          "CloudFormation Template (JSON)…"]
    edit_words = set(words(actions.edit_menu))
    assert {"Cut", "Copy", "Paste", "Duplicate", "Delete", "Select All", "Align"} <= edit_words
    assert {"Zoom In", "Zoom Out", "Zoom to Fit"} <= set(words(actions.view_menu))
    assert "Trace a Path" in words(actions.tools_menu)
    assert actions.redo.shortcut().matches(QKeySequence(QKeySequence.Redo)) == QKeySequence.ExactMatch
    assert actions.zoom_out.shortcut().matches(QKeySequence(QKeySequence.ZoomOut)) == QKeySequence.ExactMatch
    assert actions.tool_trace.shortcut().toString() == "T"

    canvas, diagram = window.canvas, window.document.diagram
    count = len(diagram)
    subnets = {r.id: r.get("cidr") for r in diagram.of_kind("Subnet")}
    canvas.select_ids(["app-a"])
    actions.copy.trigger()
    actions.paste.trigger()
    (pasted,) = [r for r in diagram.of_kind("Subnet") if r.id not in subnets]
    assert pasted.get("cidr") not in subnets.values()  # a free block of the VPC
    assert actions.undo.text().replace("&", "").startswith("Undo Paste")
    actions.undo.trigger()
    assert len(diagram) == count
    canvas.select_ids(["alb"])
    actions.duplicate.trigger()
    assert len(diagram.of_kind("LoadBalancer")) == 2
    actions.undo.trigger()
    canvas.select_ids(["alb"])
    actions.cut.trigger()
    assert "alb" not in diagram and actions.undo.text().replace("&", "") == "Undo Cut web-alb"
    actions.undo.trigger()
    actions.select_all.trigger()
    assert len(canvas.selected_resource_ids()) == len(diagram)
    canvas.view.set_zoom(3.0)
    actions.zoom_fit.trigger()
    zoom = canvas.view.zoom()
    assert zoom < 1.0  # the whole example fits
    actions.zoom_in.trigger()
    assert canvas.view.zoom() == pytest.approx(zoom * 1.25)
    actions.zoom_out.trigger()
    actions.zoom_out.trigger()
    assert canvas.view.zoom() == pytest.approx(zoom / 1.25)
    actions.zoom_fit.trigger()
    assert canvas.view.zoom() == pytest.approx(zoom)
    actions.tool_trace.trigger()
    assert canvas.tool.name == "trace" and window.trace_dock.isVisible()


def test_clicking_a_problem_centres_its_resources_in_view(qtbot, make_window, tmp_path):
    """The canvas scrolled and zoomed far from the problem: a click in the Problems panel brings the
    resources involved into the middle of the view."""
    window = make_window(copy_example(tmp_path))
    document = window.document
    document.push(edits.set_property(document.diagram, "db-c", "cidr", document.diagram["db-a"].get("cidr")))
    view = window.canvas.view
    view.set_zoom(2.0)
    view.centerOn(window.canvas.scene.item_for("cdn").sceneBoundingRect().center())
    involved = window.canvas.scene.item_for("db-a").sceneBoundingRect().united(
        window.canvas.scene.item_for("db-c").sceneBoundingRect())
    assert not view.mapToScene(view.viewport().rect()).boundingRect().intersects(involved)
    panel = window.problems
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 1).data() == "cidr-overlap")
    cell = panel.view.visualRect(panel.proxy.index(row, 2)).center()
    QTest.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=cell)
    assert sorted(window.canvas.selected_ids()) == ["db-a", "db-c"]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(involved)
    assert abs(shown.center().x() - involved.center().x()) < shown.width() * 0.1
