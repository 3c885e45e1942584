"""A traced path as steps: every hop there, then every hop of the reply, numbered."""

from __future__ import annotations

from editor.presenter.steps import chosen_path, steps_of
from model.documents import open_design
from tests.support.builder import ROOT
from validators.reachability import Flow, trace


def web_to_db():
    diagram = open_design(str(ROOT / "examples" / "dual-az-web.kumozu.yaml")).diagram
    return trace(diagram, Flow("web-asg", "db", "tcp", 3306))


def test_steps_go_there_then_back_with_numbers():
    result = web_to_db()
    path = result.deciding_path
    steps = steps_of(path)
    assert len(steps) == len(path.forward) + len(path.returning) == steps[0].total
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert [s.hop for s in steps] == list(path.forward) + list(path.returning)
    assert {s.direction for s in steps[:len(path.forward)]} == {"forward"}
    assert {s.direction for s in steps[len(path.forward):]} == {"return"}
    assert steps[0].location == "web-asg" and steps[1].component == "web-sg"


def test_the_chosen_path_is_the_one_asked_for_else_the_deciding_one():
    result = web_to_db()
    assert len(result.paths) > 1
    assert chosen_path(result, 1) is result.paths[1]
    assert chosen_path(result, None) is result.deciding_path
    assert chosen_path(result, 99) is result.deciding_path
    assert chosen_path(None) is None and steps_of(None) == []
