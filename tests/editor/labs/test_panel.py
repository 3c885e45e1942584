"""The Labs panel in a real main window: a course lab opens its start design through the window's
Open, its goals tick live as the student edits (through ``document.push``, undo included), hints open
one at a time, a click on a goal shows it on the canvas, and finishing shows a summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from editor.items.overlays import HopMarker
from labs import grade
from model import edits

from .helpers import edits_towards


def lab_one_edits(diagram):
    """The three edits that solve lab 1, in the order a student might make them."""
    yield edits.Composite((
        edits.add_resource(diagram, "RouteTable", "rt-public", name="public", parent="vpc",
                           properties={"routes": [{"destination": "0.0.0.0/0", "target": "igw"}]},
                           geometry=(420, 60)),
        edits.set_property(diagram, "rt-main", "routes", []),
    ), "Public route table")
    yield edits.set_property(diagram, "public-a", "route_table", "rt-public")
    yield edits.set_property(diagram, "public-a", "map_public_ip_on_launch", True)


def test_starting_a_course_lab_opens_its_start_design_with_its_goals_unticked(make_window, course):
    window = make_window()
    lab = course[0]
    assert window.labs.start(lab)
    panel = window.labs.panel
    assert Path(window.document.path) == lab.start and window.is_example  # never saved over
    assert window.labs.dock.isVisible() and panel.pages.currentIndex() == 1
    assert panel.title.text() == lab.title.en and panel.position_label.text() == "Lab 1 of 10"
    assert [row.goal.id for row in panel.goals.rows] == [g.id for g in lab.goals]
    expected = [g.goal.id for g in grade(lab, lab.start_diagram()).goals if g.passed]
    assert panel.goals.ticked() == expected == ["web-subnet-public", "internet-cannot-reach-db"]
    unmet = panel.goals.row("db-subnet-private")
    assert unmet.reason.isVisible() and "private-a" in unmet.reason.text()
    assert panel.progress.text() == "2 of 4 goals met" and not panel.card.isVisible()
    assert panel.story.isVisible() and not panel.checking.isVisible()  # it is the lab's own design


def test_goals_tick_live_as_the_student_edits_and_undo_unticks_them(make_window, course):
    window = make_window()
    window.labs.start(course[0])
    panel, document = window.labs.panel, window.document
    seen = []
    for edit in lab_one_edits(document.diagram):
        assert document.push(edit)
        seen.append(panel.goals.ticked())
    assert not panel.story.isVisible()  # folded away once the student got going
    assert seen == [["db-subnet-private", "internet-cannot-reach-db"],
                    ["web-subnet-public", "db-subnet-private", "internet-cannot-reach-db"],
                    ["web-subnet-public", "db-subnet-private", "internet-reaches-web",
                     "internet-cannot-reach-db"]]
    assert panel.card.isVisible()
    document.undo_stack.undo()
    assert "internet-reaches-web" not in panel.goals.ticked() and not panel.card.isVisible()
    assert panel.goals.row("internet-reaches-web").reason.isVisible()
    document.undo_stack.redo()
    assert panel.card.isVisible() and len(panel.goals.ticked()) == 4


def test_finishing_shows_the_summary_with_time_hints_goals_and_edits(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    panel, document = window.labs.panel, window.document
    qtbot.mouseClick(panel.hints.button, Qt.LeftButton)
    with qtbot.waitSignal(window.labs.run.completed, timeout=2000) as done:
        for edit in lab_one_edits(document.diagram):
            document.push(edit)
    assert done.args[0].complete
    card = panel.card
    assert card.isVisible() and card.heading.text() == "✓ Lab complete!"
    assert card.goals_value.text() == "4 of 4" and card.hints_value.text() == "1 of 4"
    assert card.edits_value.text() == "3" and card.time_value.text().endswith("s")
    assert card.next_button.isVisible() and "without a single hint" not in card.message.text()
    assert panel.progress.text() == "4 of 4 goals met"


@pytest.mark.parametrize("number", range(10), ids=lambda n: f"lab-{n + 1}")
def test_pushing_the_reference_solution_edits_completes_every_course_lab(make_window, course, number):
    window = make_window()
    lab = course[number]
    window.labs.start(lab)
    document = window.document
    for edit in edits_towards(document.diagram, lab.solution_diagram()):
        assert document.push(edit), edit.label
    panel = window.labs.panel
    assert panel.goals.ticked() == [g.id for g in lab.goals]
    assert panel.card.isVisible() and window.labs.run.finished
    assert panel.card.goals_value.text() == f"{len(lab.goals)} of {len(lab.goals)}"
    assert panel.card.next_button.isVisible() == (number < 9)


def test_hints_open_one_at_a_time_with_a_counter(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    hints = window.labs.panel.hints
    assert hints.labels == [] and hints.counter.text() == "Hints available: 4"
    for n in range(1, 5):
        qtbot.mouseClick(hints.button, Qt.LeftButton)
        assert len(hints.labels) == n == window.labs.run.session.hints_shown
        assert hints.counter.text() == f"Hint {n} of 4"
        assert hints.labels[-1].text() == f"{n}. {course[0].hints[n - 1].en}"
    assert not hints.button.isEnabled() and hints.button.text() == "No More Hints"


def test_clicking_a_flow_goal_selects_its_resources_and_draws_the_traced_path(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    row = window.labs.panel.goals.row("internet-reaches-web")
    qtbot.mouseClick(row, Qt.LeftButton, pos=QPoint(row.width() // 2, 8))
    result = window.labs.run.session.goal_result("internet-reaches-web")
    assert window.canvas.selected_ids() == sorted(r for r in result.resources if r in window.document.diagram)
    assert "web" in window.canvas.selected_ids()
    flow = window.trace_panel.result.flow
    assert (flow.source, flow.destination, flow.protocol, flow.port) == ("internet", "web", "tcp", 443)
    assert not window.trace_panel.result.reachable  # the unmet goal shows where it is blocked
    markers = [i for i in window.canvas.scene.items() if isinstance(i, HopMarker)]
    assert markers  # the path is drawn with numbered hops


def test_clicking_a_goal_without_a_path_clears_the_path_a_goal_drew(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    goals = window.labs.panel.goals
    qtbot.mouseClick(goals.row("internet-reaches-web"), Qt.LeftButton)
    assert window.trace_panel.result is not None
    qtbot.mouseClick(goals.row("db-subnet-private"), Qt.LeftButton)
    assert window.trace_panel.result is None
    assert window.canvas.selected_ids() == ["private-a"]
    assert not [i for i in window.canvas.scene.items() if isinstance(i, HopMarker)]


def test_a_trace_the_user_asked_for_is_kept_when_a_goal_has_no_path(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    window.trace_panel.set_ends("web", "db")
    window.trace_panel.run()
    qtbot.mouseClick(window.labs.panel.goals.row("db-subnet-private"), Qt.LeftButton)
    assert window.trace_panel.result.flow.destination == "db"


def test_goal_boxes_only_show_the_verdict(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    row = window.labs.panel.goals.row("db-subnet-private")
    qtbot.mouseClick(row.check, Qt.LeftButton)
    assert not row.check.isChecked()


def test_starting_a_lab_asks_before_dropping_unsaved_changes(make_window, course, dialogs, examples_dir):
    window = make_window(examples_dir / "dual-az-web.kumozu.yaml")
    diagram = window.document.diagram
    window.document.push(edits.rename(diagram, "alb", "front door"))
    dialogs.answer(QMessageBox.Cancel)
    assert not window.labs.start(course[0])
    assert dialogs.done and "Save the changes" in dialogs.seen[0]
    assert window.document.diagram["alb"].name == "front door" and window.labs.run is None


def test_check_my_current_design_grades_the_open_design_without_opening_anything(make_window, course):
    lab = course[1]
    window = make_window(lab.solution)
    path, revision = window.document.path, window.document.diagram.revision
    window.labs.check_current(lab)
    assert window.document.path == path and window.document.diagram.revision == revision
    panel = window.labs.panel
    assert panel.goals.ticked() == [g.id for g in lab.goals] and panel.card.isVisible()
    assert panel.checking.text() == f"Checking: {Path(lab.solution).name}"


def test_the_lab_follows_the_window_when_another_design_is_opened(make_window, course):
    window = make_window()
    lab = course[2]
    window.labs.start(lab)
    assert not window.labs.run.finished
    assert window.files.open_path(str(lab.solution), example=True)
    assert window.labs.run.finished and window.labs.panel.card.isVisible()
    assert window.labs.panel.checking.text().endswith(lab.solution.name)


def test_next_lab_opens_the_following_course_lab(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    for edit in edits_towards(window.document.diagram, course[0].solution_diagram()):
        window.document.push(edit)
    window.document.undo_stack.setClean()  # the student saved
    qtbot.mouseClick(window.labs.panel.card.next_button, Qt.LeftButton)
    assert window.labs.run.lab is course[1] and Path(window.document.path) == course[1].start
    assert window.labs.panel.position_label.text() == "Lab 2 of 10" and not window.labs.panel.card.isVisible()


def test_leaving_a_lab_goes_back_to_the_course_and_stops_grading(make_window, course, qtbot):
    window = make_window()
    window.labs.start(course[0])
    run = window.labs.run
    qtbot.mouseClick(window.labs.panel.back_button, Qt.LeftButton)
    assert window.labs.run is None and window.labs.panel.pages.currentIndex() == 0
    for edit in lab_one_edits(window.document.diagram):
        window.document.push(edit)
    assert not run.finished  # no longer grading that design
