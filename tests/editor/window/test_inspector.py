"""The inspector edits the selection through undoable commands, checks input as it is typed, and
follows the model (undo updates the fields)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.inspector import Inspector
from editor.inspector.connection_page import ConnectionPage
from editor.inspector.diagram_page import DiagramPage
from editor.inspector.editors import MIXED, UnresolvedView
from model import edits
from model.documents import DesignFormat, OpenedDesign
from model.schema import Unresolved


def make_inspector(qtbot, document) -> Inspector:
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.resize(380, 900)
    inspector.show()
    return inspector


def retype(widget, text: str) -> None:
    """Select everything in a line edit and type ``text`` key by key, as a user would."""
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key_Delete)
    QTest.keyClicks(widget, text)


@pytest.fixture
def two_subnets(builder, documents):
    """A VPC with two subnets (web-a 10.0.1.0/24, web-b 10.0.2.0/24) open in a Document."""
    vpc = builder.vpc("vpc", "10.0.0.0/16")
    az = builder.az("az-a", vpc)
    builder.subnet("web-a", az, "10.0.1.0/24")
    builder.subnet("web-b", az, "10.0.2.0/24")
    return documents(OpenedDesign(builder.diagram, "test.kumozu.yaml", DesignFormat.NATIVE))


def test_typing_a_cidr_is_one_undo_step_with_a_readable_name(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    before = document.undo_stack.count()
    retype(inspector.editor("cidr").line, "10.0.9.0/24")
    assert document.diagram["web-a"].get("cidr") == "10.0.9.0/24"
    assert document.undo_stack.count() == before + 1  # every keystroke merged into one step
    assert document.undo_stack.undoText() == "Change cidr of web-a"
    document.undo_stack.undo()
    assert document.diagram["web-a"].get("cidr") == "10.0.1.0/24"


def test_an_invalid_cidr_turns_red_says_why_and_commits_nothing(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    editor = inspector.editor("cidr")
    editor.line.setFocus()
    editor.line.selectAll()
    QTest.keyClick(editor.line, Qt.Key_Delete)
    stack_before = document.undo_stack.count()
    QTest.keyClicks(editor.line, "10.0.0.0/33")
    assert not editor.is_valid
    assert "10.0.0.0/33: prefix must be 0–32" in editor.message.text()
    assert editor.message.isVisible()
    assert "prefix must be 0–32" in editor.line.toolTip()
    assert "#d32f2f" in editor.line.styleSheet()
    # Keystrokes that made valid prefixes on the way ("10.0.0.0/3") were committed and merged into
    # the one step; the invalid final text is not in the model.
    assert document.diagram["web-a"].get("cidr") == "10.0.0.0/3"
    assert document.undo_stack.count() <= stack_before + 1
    QTest.keyClick(editor.line, Qt.Key_Backspace)  # back to /3: valid, only a host-bits warning
    assert editor.is_valid and "#d32f2f" not in editor.line.styleSheet()
    assert "AWS stores this as 0.0.0.0/3" in editor.message.text()


def test_text_that_is_no_network_at_all_never_reaches_the_model(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    editor = inspector.editor("cidr")
    stack_before = document.undo_stack.count()
    editor.line.setFocus()
    editor.line.selectAll()
    QTest.keyClicks(editor.line, "10.0.256.0/24")  # typed over the selection
    assert not editor.is_valid
    assert "is not an IPv4 address" in editor.message.text()
    assert document.diagram["web-a"].get("cidr") == "10.0.1.0/24"
    assert document.undo_stack.count() == stack_before


def test_editing_a_cidr_raises_the_overlap_finding_and_undo_clears_it(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-b"])
    assert not [f for f in document.findings if f.rule == "cidr-overlap"]
    retype(inspector.editor("cidr").line, "10.0.1.0/24")
    overlaps = [f for f in document.findings if f.rule == "cidr-overlap"]
    assert overlaps and set(overlaps[0].resources) == {"web-a", "web-b"}
    assert "cidr-overlap" in inspector.page.findings_label.text()
    document.undo_stack.undo()
    assert not [f for f in document.findings if f.rule == "cidr-overlap"]


def test_undo_and_redo_update_the_field_shown(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    retype(inspector.editor("cidr").line, "10.0.7.0/24")
    inspector.editor("cidr").end_session()
    document.undo_stack.undo()
    assert inspector.editor("cidr").line.text() == "10.0.1.0/24"
    document.undo_stack.redo()
    assert inspector.editor("cidr").line.text() == "10.0.7.0/24"


def test_two_typing_bursts_in_one_field_are_two_undo_steps(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    name = inspector.editor("name")
    retype(name.line, "web")
    QTest.keyClick(name.line, Qt.Key_Return)  # Enter ends the burst
    QTest.keyClicks(name.line, "-front")
    assert document.diagram["web-a"].name == "web-front"
    document.undo_stack.undo()
    assert document.diagram["web-a"].name == "web"
    assert document.undo_stack.undoText() == "Rename web-a"


def test_clearing_the_name_gives_the_id_back_only_when_typing_ends(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    name = inspector.editor("name")
    retype(name.line, "")
    assert name.line.text() == "" and name.line.placeholderText() == "web-a"
    QTest.keyClick(name.line, Qt.Key_Return)
    assert document.diagram["web-a"].name == "web-a" and name.line.text() == "web-a"


def test_choices_switches_and_numbers_commit_one_step_each(qtbot, builder, documents):
    vpc = builder.vpc("vpc")
    builder.add("SecurityGroup", "sg", vpc)
    builder.add("LoadBalancer", "alb", vpc)
    document = documents(OpenedDesign(builder.diagram, "t.kumozu.yaml", DesignFormat.NATIVE))
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["alb"])
    scheme = inspector.editor("scheme")
    scheme.combo.activated.emit(scheme.combo.findText("internal"))
    assert document.diagram["alb"].get("scheme") == "internal"
    assert document.undo_stack.undoText() == "Change scheme of alb"
    inspector.editor("cross_zone").check.click()
    assert document.diagram["alb"].get("cross_zone") is True
    groups = inspector.editor("security_groups")
    groups.list.item(0).setCheckState(Qt.Checked)
    assert document.diagram["alb"].get("security_groups") == ("sg",)


def test_a_reference_picker_lists_only_resources_of_the_allowed_kinds(qtbot, builder, two_subnets):
    document = two_subnets
    builder.route_table("rt", "vpc")
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    picker = inspector.editor("route_table")
    choices = [picker.combo.itemData(i) for i in range(picker.combo.count())]
    assert choices == ["", "rt"]
    picker.combo.activated.emit(1)
    assert document.diagram["web-a"].get("route_table") == "rt"
    # A new route table appears in the picker without reselecting.
    document.push(edits.add_resource(document.diagram, "RouteTable", "rt-2", parent="vpc"))
    assert "rt-2" in [picker.combo.itemData(i) for i in range(picker.combo.count())]


def test_route_rows_can_be_added_edited_and_reordered_each_as_one_step(qtbot, builder, two_subnets):
    document = two_subnets
    builder.internet_gateway("igw", "vpc")
    builder.route_table("rt", "vpc")
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["rt"])
    routes = inspector.editor("routes")
    routes.add_button.click()
    routes.add_button.click()
    assert len(document.diagram["rt"].get("routes")) == 2
    target = routes.table.cellWidget(0, 1)
    target.combo.activated.emit(target.combo.findData("igw"))
    assert document.diagram["rt"].get("routes")[0]["target"] == "igw"
    destination = routes.table.cellWidget(1, 0)
    retype(destination.line, "pl-s3")
    assert document.diagram["rt"].get("routes")[1]["destination"] == "pl-s3"
    routes.table.selectRow(1)
    routes.up_button.click()
    assert [r["destination"] for r in document.diagram["rt"].get("routes")] == ["pl-s3", "0.0.0.0/0"]
    steps = document.undo_stack.count()
    routes.table.selectRow(0)
    routes.remove_button.click()
    assert len(document.diagram["rt"].get("routes")) == 1
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Change routes of rt"


def test_an_invalid_destination_in_a_route_row_is_not_committed(qtbot, builder, two_subnets):
    document = two_subnets
    builder.route_table("rt", "vpc", routes=[("0.0.0.0/0", "")])
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["rt"])
    cell = inspector.editor("routes").table.cellWidget(0, 0)
    cell.line.setFocus()
    cell.line.selectAll()
    QTest.keyClicks(cell.line, "0.0.0.0/99")
    assert not cell.is_valid
    assert "prefix must be 0–32" in inspector.editor("routes").message.text()
    assert document.diagram["rt"].get("routes")[0]["destination"] != "0.0.0.0/99"


def test_several_selected_resources_share_their_common_fields(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a", "web-b"])
    assert "2 resources selected" in inspector.page.title.text()
    assert inspector.editor("name") is None  # names are edited one at a time
    cidr = inspector.editor("cidr")
    assert cidr.value() is MIXED and cidr.line.placeholderText() == "(differs)"
    public_ip = inspector.editor("map_public_ip_on_launch")
    public_ip.check.click()
    assert document.diagram["web-a"].get("map_public_ip_on_launch") is True
    assert document.diagram["web-b"].get("map_public_ip_on_launch") is True
    assert document.undo_stack.undoText() == "Change map_public_ip_on_launch of 2 resources"
    document.undo_stack.undo()
    assert not document.diagram["web-b"].get("map_public_ip_on_launch")


def test_unresolved_values_are_shown_read_only_as_written(qtbot, builder, two_subnets):
    document = two_subnets
    document.diagram.apply(edits.set_property(document.diagram, "web-a", "cidr",
                                              Unresolved("Ref SubnetCidrParameter")))
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-a"])
    assert inspector.editor("cidr") is None
    views = inspector.page.findChildren(UnresolvedView)
    assert len(views) == 1
    assert views[0].line.isReadOnly() and views[0].line.text() == "<Ref SubnetCidrParameter>"


def test_with_nothing_selected_the_design_settings_are_edited(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection([])
    assert isinstance(inspector.page, DiagramPage)
    retype(inspector.editor("title").line, "Workshop VPC")
    assert document.diagram.metadata("title") == "Workshop VPC"
    assert document.undo_stack.undoText() == "Change title"
    document.undo_stack.undo()
    assert inspector.editor("title").line.text() == ""


def test_a_selected_connection_edits_its_port(qtbot, builder, two_subnets):
    document = two_subnets
    document.push(edits.connect(document.diagram, "c1", "web-a", "web-b", port=443, protocol="tcp"))
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["c1"])
    assert isinstance(inspector.page, ConnectionPage)
    port = inspector.editor("port")
    port.spin.setFocus()
    port.spin.selectAll()
    QTest.keyClicks(port.spin, "5432")
    assert document.diagram.relation("c1").get("port") == 5432
    assert document.undo_stack.undoText() == "Change port of connection web-a → web-b"
    document.undo_stack.undo()
    assert document.diagram.relation("c1").get("port") == 443


def test_deleting_the_selected_resource_falls_back_to_design_settings(qtbot, builder, two_subnets):
    document = two_subnets
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["web-b"])
    document.push(edits.remove_resources(document.diagram, ["web-b"]))
    assert isinstance(inspector.page, DiagramPage)


def test_focusing_a_cell_editor_selects_its_row_for_remove_and_reorder(qtbot, builder, two_subnets):
    document = two_subnets
    builder.route_table("rt", "vpc", routes=[("0.0.0.0/0", ""), ("10.1.0.0/16", "")])
    inspector = make_inspector(qtbot, document)
    inspector.show_selection(["rt"])
    routes = inspector.editor("routes")
    routes.table.cellWidget(1, 0).line.setFocus()
    qtbot.waitUntil(lambda: [i.row() for i in routes.table.selectionModel().selectedRows()] == [1],
                    timeout=1000)
    assert routes.remove_button.isEnabled()
    routes.remove_button.click()
    assert [r["destination"] for r in document.diagram["rt"].get("routes")] == ["0.0.0.0/0"]
