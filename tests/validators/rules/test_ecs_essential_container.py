"""ecs-essential-container: at least one essential container per task definition."""

from __future__ import annotations

import pytest

from validators.rules.ecs_essential_container import RULE

from .helpers import ecs, findings


def containers(*essential):
    return ecs(task={"containers": [{"name": f"c{i}", "essential": e} for i, e in enumerate(essential)]})


TRIGGERS = [pytest.param(containers(False, False), id="none-essential")]
NEAR_MISSES = [
    pytest.param(containers(True, False), id="app-essential-sidecar-not"),
    pytest.param(containers(), id="no-containers-drawn-yet"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("task",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
