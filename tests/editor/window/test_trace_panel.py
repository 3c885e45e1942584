"""The Trace panel asks "can A reach B?", shows the verdict hop by hop, draws the path on the canvas,
and answers again as the design is edited."""

from __future__ import annotations

import pytest

from editor.items.overlays import HopMarker
from editor.trace_panel import INTERNET, TracePanel
from model import edits
from model.frozen import thaw
from tests.support.windows import copy_example


@pytest.fixture
def panel(qtbot, example_document):
    panel = TracePanel(example_document("dual-az-web"))
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    panel.show()
    return panel


def picker_ids(picker) -> list[str]:
    return [picker.itemData(i) for i in range(picker.count()) if picker.itemData(i)]


def test_the_pickers_offer_the_internet_resources_with_interfaces_and_services(panel):
    ids = picker_ids(panel.source)
    assert ids[0] == INTERNET
    assert {"alb", "db", "app-a", "s3", "ecr", "logs", "dynamodb"} <= set(ids)
    assert "vpc" not in ids and "az-a" not in ids  # containers are not ends of a flow


def test_a_reachable_flow_is_green_and_its_path_is_handed_to_the_canvas(qtbot, panel):
    panel.set_ends(INTERNET, "alb")
    with qtbot.waitSignal(panel.path_changed) as drawn:
        result = panel.run()
    assert result.reachable
    assert "Reachable" in panel.verdict.text()
    hop_ids, blocked, labels = drawn.args
    assert hop_ids[0] == INTERNET and hop_ids[-1] == "alb" and blocked is None
    assert "There" in panel.hops.toPlainText() and "Back (the reply)" in panel.hops.toPlainText()


def test_a_blocked_flow_names_the_component_code_and_fix(qtbot, panel):
    panel.set_ends("app-a", "db")
    assert panel.port.value() == 3306  # the database's own port
    with qtbot.waitSignal(panel.path_changed) as drawn:
        result = panel.run()
    assert not result.reachable
    blocked = result.blocked
    assert "Not reachable" in panel.verdict.text() and "db-sg" in panel.verdict.text()
    assert blocked.code in panel.explanation.text() and "What to change" in panel.explanation.text()
    assert drawn.args[1] == blocked.component == "db-sg"
    assert blocked.code in drawn.args[2]["db-sg"]


def test_a_name_that_cannot_be_traced_is_explained(qtbot, panel):
    panel.set_ends("vpc", "alb")
    with qtbot.waitSignal(panel.path_cleared):
        assert panel.run() is None
    assert "Cannot trace" in panel.verdict.text() and "vpc" in panel.verdict.text()


def test_the_answer_follows_edits_that_fix_the_design(qtbot, panel):
    document = panel.document
    panel.set_ends("app-a", "db")
    assert not panel.run().reachable
    group = document.diagram["db-sg"]
    rules = list(thaw(group.get("ingress")))
    rules.append({"protocol": "tcp", "from_port": 3306, "to_port": 3306,
                  "cidr": document.diagram["app-a"].get("cidr")})
    document.push(edits.set_property(document.diagram, "db-sg", "ingress", rules))
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.reachable, timeout=2000)
    assert "Reachable" in panel.verdict.text()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.result.reachable, timeout=2000)


def test_a_manual_port_is_used_when_the_automatic_one_is_off(panel):
    panel.set_ends(INTERNET, "alb")
    panel.auto_port.setChecked(False)
    panel.port.setValue(8080)
    result = panel.run()
    assert result.flow.port == 8080 and not result.reachable


def test_picking_on_the_canvas_fills_the_panel_and_draws_the_path(qtbot, make_window, tmp_path):
    window = make_window(copy_example(tmp_path))
    window.menu_actions.tool_trace.trigger()
    assert window.canvas.tool.name == "trace" and window.trace_dock.isVisible()
    window.canvas.trace_picked.emit(INTERNET, "alb")
    assert window.trace_panel.source.value() == INTERNET
    assert window.trace_panel.destination.value() == "alb"
    assert window.trace_panel.result is not None and window.trace_panel.result.reachable
    markers = [i for i in window.canvas.scene.items() if isinstance(i, HopMarker)]
    assert markers  # the numbered hops are on the canvas
    window.trace_panel.clear_button.click()
    assert not [i for i in window.canvas.scene.items() if isinstance(i, HopMarker)]
