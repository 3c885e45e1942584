"""Every explanation code the evaluator can emit is produced by a design made for it, at the
component and in the direction expected; the catalogue describes each one."""

from __future__ import annotations

import pytest

from validators.reachability import CODES, trace

from .scenarios import BY_CODE, two_tier
from validators.reachability import Flow


def test_every_code_in_the_catalogue_has_a_scenario():
    assert set(BY_CODE) == set(CODES)


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_the_scenario_produces_its_code(code):
    diagram, flow, component, direction = BY_CODE[code]()
    result = trace(diagram, flow)
    assert not result.reachable
    blocked = result.blocked
    assert (blocked.code, blocked.component, blocked.direction) == (code, component, direction)
    assert component in blocked.resources
    assert blocked.explanation.endswith(".") and blocked.suggestion


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_is_explained(code):
    info = CODES[code]
    assert info.name == code and info.meaning.endswith(".") and info.fix.endswith(".")
    assert info.origin in ("reachability-analyzer", "kumozu")


def test_the_unchanged_design_is_reachable_where_the_scenarios_break_it():
    """The scenarios' flows pass on the standard design, so each failure comes from its change."""
    d = two_tier().diagram
    for flow in (Flow("web", "internet"), Flow("alb", "web", port=80), Flow("web", "db", port=3306),
                 Flow("internet", "alb")):
        assert trace(d, flow).reachable, flow
