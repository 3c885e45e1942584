"""Opening a design: a template's resources get positions unless the caller reads none."""

from __future__ import annotations

from pathlib import Path

from model.documents import open_design
from validators.engine import validate

TEMPLATE = Path(__file__).resolve().parents[1] / "fixtures" / "cloudformation" / "ecs-fargate-alb.yaml"


def test_a_template_is_laid_out_when_opened_for_drawing():
    d = open_design(str(TEMPLATE)).diagram
    assert all(d.geometry(r.id) is not None for r in d)


def test_a_template_opened_for_checking_alone_is_not_laid_out_and_checks_the_same():
    """validate, trace and check-lab open without laying out (no rule reads a position): the
    findings are the same as on the laid-out design."""
    bare = open_design(str(TEMPLATE), arrange=False).diagram
    laid_out = open_design(str(TEMPLATE)).diagram
    assert all(bare.geometry(r.id) is None for r in bare)
    assert [f.as_dict() for f in validate(bare)] == [f.as_dict() for f in validate(laid_out)]
    assert validate(bare)  # the fixture has findings to compare
