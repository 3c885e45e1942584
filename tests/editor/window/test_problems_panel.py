"""The Problems panel lists every finding, filters them, keeps its selection while findings change,
and leads to the resources and to the rule's lesson."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.dialogs import RuleLessonDialog
from editor.problems_panel import ProblemsPanel
from model import edits
from model.documents import DesignFormat, OpenedDesign
from validators.finding import Severity
from validators.registry import rule_by_id


@pytest.fixture
def broken(builder, documents):
    """Two overlapping subnets (an error) and a subnet too small for AWS (an error of another rule)."""
    vpc = builder.vpc("vpc", "10.0.0.0/16")
    az = builder.az("az-a", vpc)
    builder.subnet("web-a", az, "10.0.1.0/24", name="web A")
    builder.subnet("web-b", az, "10.0.1.0/24")
    builder.subnet("odd", az, "10.0.3.0/29")
    return documents(OpenedDesign(builder.diagram, "broken.kumozu.yaml", DesignFormat.NATIVE))


def make_panel(qtbot, document) -> ProblemsPanel:
    panel = ProblemsPanel(document)
    qtbot.addWidget(panel)
    panel.resize(900, 260)
    panel.show()
    return panel


def row_of(panel, rule: str) -> int:
    return next(r for r in range(panel.proxy.rowCount())
                if panel.proxy.index(r, 1).data() == rule)


def test_every_finding_is_listed_with_severity_rule_message_and_resource_names(qtbot, broken):
    panel = make_panel(qtbot, broken)
    assert set(panel.visible_findings()) == set(broken.findings)
    row = row_of(panel, "cidr-overlap")
    assert panel.proxy.index(row, 0).data() == "Error"
    assert not panel.proxy.index(row, 0).data(Qt.DecorationRole).isNull()
    assert "overlap" in panel.proxy.index(row, 2).data()
    assert panel.proxy.index(row, 3).data() == "web A, web-b"  # names, not ids
    errors = sum(1 for f in broken.findings if f.severity is Severity.ERROR)
    assert panel.severity_buttons[Severity.ERROR].text() == f"{errors} errors"


def test_filters_by_severity_rule_and_text(qtbot, broken):
    panel = make_panel(qtbot, broken)
    total = len(broken.findings)
    panel.set_severity_shown(Severity.ERROR, False)
    assert all(f.severity is not Severity.ERROR for f in panel.visible_findings())
    panel.set_severity_shown(Severity.ERROR, True)
    panel.rule_combo.setCurrentIndex(panel.rule_combo.findData("cidr-overlap"))
    assert [f.rule for f in panel.visible_findings()] == ["cidr-overlap"]
    panel.rule_combo.setCurrentIndex(0)
    QTest.keyClicks(panel.text_filter, "ODD")  # matches the resource id, ignoring case
    assert panel.visible_findings() and all("odd" in f.resources for f in panel.visible_findings())
    panel.text_filter.clear()
    assert len(panel.visible_findings()) == total


def test_a_filter_that_hides_everything_says_so(qtbot, broken):
    panel = make_panel(qtbot, broken)
    panel.text_filter.setText("no-such-thing")
    assert panel.visible_findings() == []
    assert panel.empty.isVisible() and "match the filters" in panel.empty.text()


def test_clicking_a_problem_asks_to_select_its_resources(qtbot, broken):
    panel = make_panel(qtbot, broken)
    index = panel.proxy.index(row_of(panel, "cidr-overlap"), 2)
    with qtbot.waitSignal(panel.resources_selected) as blocker:
        QTest.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=panel.view.visualRect(index).center())
    assert sorted(blocker.args[0]) == ["web-a", "web-b"]


def test_the_selected_problem_stays_selected_when_findings_change(qtbot, broken):
    panel = make_panel(qtbot, broken)
    overlap = next(f for f in broken.findings if f.rule == "cidr-overlap")
    panel.select_finding(overlap, notify=False)
    broken.push(edits.set_property(broken.diagram, "odd", "cidr", "10.0.3.0/24"))  # fixes another
    assert not [f for f in broken.findings if f.rule == "cidr-invalid"]
    assert panel.selected_finding() == overlap


def test_the_list_follows_the_document_live(qtbot, broken):
    panel = make_panel(qtbot, broken)
    broken.push(edits.set_property(broken.diagram, "web-b", "cidr", "10.0.2.0/24"))
    assert "cidr-overlap" not in {f.rule for f in panel.visible_findings()}
    broken.undo_stack.undo()
    assert "cidr-overlap" in {f.rule for f in panel.visible_findings()}


def test_why_explains_the_rule_with_its_lesson_fix_and_aws_page(qtbot, broken):
    panel = make_panel(qtbot, broken)
    overlap = next(f for f in broken.findings if f.rule == "cidr-overlap")
    panel.select_finding(overlap, notify=False)
    with qtbot.waitSignal(panel.explain_requested) as blocker:
        panel.why_button.click()
    assert blocker.args == [overlap]
    dialog = RuleLessonDialog(overlap, ["web A", "web-b"])
    qtbot.addWidget(dialog)
    rule = rule_by_id("cidr-overlap")
    text = dialog.body.text()
    assert rule.docs in text and "Why it matters" in text and "How to fix it" in text
    assert any(rule.title in label.text() for label in dialog.findChildren(type(dialog.body)))
    assert dialog.body.openExternalLinks()


def test_a_design_without_findings_says_there_are_no_problems(qtbot, documents):
    document = documents()  # an empty design
    assert document.findings == []
    panel = make_panel(qtbot, document)
    assert panel.empty.isVisible() and "No problems" in panel.empty.text()
    assert not panel.view.isVisible()
