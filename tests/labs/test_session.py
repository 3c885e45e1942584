"""Grading a diagram, and the live session the Labs panel drives: it regrades after meaningful
edits (not after moves), announces goals as they are met, and shows hints one at a time."""

from __future__ import annotations

from labs import LabSession, course_lab, grade
from model import edits
from model.resources import Geometry


def test_grade_gives_one_result_per_goal_with_a_score():
    lab = course_lab("public-private-subnets")
    result = grade(lab, lab.start_diagram())
    assert [g.goal.id for g in result.goals] == [g.id for g in lab.goals]
    assert (result.passed_count, result.total) == (2, 4) and result.score == 0.5
    assert result.result_for("db-subnet-private").passed is False
    as_dict = result.as_dict("ja")
    assert as_dict["passed"] == 2 and as_dict["goals"][1]["reason"].startswith("サブネット「private-a」")


def test_grading_never_changes_the_diagram():
    lab = course_lab("route-tables")
    diagram = lab.start_diagram()
    revision = diagram.revision
    grade(lab, diagram)
    assert diagram.revision == revision


def fix_lab_one(diagram):
    """The three edits that solve lab 1, applied one at a time."""
    yield edits.Composite((
        edits.add_resource(diagram, "RouteTable", "rt-public", parent="vpc",
                           properties={"routes": [{"destination": "0.0.0.0/0", "target": "igw"}]}),
        edits.set_property(diagram, "rt-main", "routes", []),
    ), "Public route table")
    yield edits.set_property(diagram, "public-a", "route_table", "rt-public")
    yield edits.set_property(diagram, "public-a", "map_public_ip_on_launch", True)


def test_a_session_regrades_live_and_announces_goals_and_completion():
    session = LabSession(course_lab("public-private-subnets"))
    diagram = session.open_start()
    changed, ticked, completed = [], [], []
    session.changed.connect(changed.append)
    session.goal_completed.connect(lambda g: ticked.append(g.goal.id))
    session.completed.connect(completed.append)
    assert session.result.passed_count == 2 and not session.finished
    for edit in fix_lab_one(diagram):
        diagram.apply(edit)
    # emptying the main table makes public-a private for one edit: it is ticked again when the
    # subnet gets its own table
    assert ticked == ["db-subnet-private", "web-subnet-public", "internet-reaches-web"]
    assert session.finished and len(completed) == 1
    summary = completed[0]
    assert summary.complete and summary.passed == summary.total == 4 and summary.edits == 3
    assert changed and changed[-1].complete


def test_moving_boxes_does_not_regrade():
    session = LabSession(course_lab("public-private-subnets"))
    diagram = session.open_start()
    changed = []
    session.changed.connect(changed.append)
    diagram.apply(edits.move(diagram, {"web": Geometry(40, 60)}))
    assert changed == [] and session.edits == 0


def test_an_edit_that_changes_no_verdict_announces_nothing():
    session = LabSession(course_lab("public-private-subnets"))
    diagram = session.open_start()
    changed = []
    session.changed.connect(changed.append)
    diagram.apply(edits.rename(diagram, "web-sg", "web security"))
    assert changed == [] and session.edits == 1


def test_hints_are_revealed_one_at_a_time_and_counted_in_the_summary():
    lab = course_lab("route53-alias")
    session = LabSession(lab)
    session.open_start()
    assert session.visible_hints == () and session.has_more_hints
    first = session.next_hint()
    assert first == lab.hints[0] and session.visible_hints == (lab.hints[0],)
    while session.has_more_hints:
        session.next_hint()
    assert session.next_hint() is None
    assert session.summary().hints_used == len(lab.hints)


def test_attaching_another_diagram_stops_following_the_first():
    lab = course_lab("public-private-subnets")
    session = LabSession(lab)
    first = session.open_start()
    second = lab.solution_diagram()
    assert session.attach(second).complete
    for edit in fix_lab_one(first):
        first.apply(edit)
    assert session.edits == 0 and session.diagram is second
    session.detach()
    assert session.diagram is None
