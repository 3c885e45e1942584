"""fargate-requires-awsvpc: Fargate task definitions use awsvpc mode."""

from __future__ import annotations

import pytest

from validators.rules.fargate_requires_awsvpc import RULE

from .helpers import ecs, findings

TRIGGERS = [pytest.param(ecs(task={"network_mode": "bridge"}), id="fargate-bridge")]
NEAR_MISSES = [
    pytest.param(ecs(), id="fargate-awsvpc"),
    pytest.param(ecs(task={"compatibility": "EC2", "network_mode": "bridge"}), id="ec2-bridge"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("task",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
