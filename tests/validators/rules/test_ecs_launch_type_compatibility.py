"""ecs-launch-type-compatibility: Fargate services run Fargate task definitions."""

from __future__ import annotations

import pytest

from validators.rules.ecs_launch_type_compatibility import RULE

from .helpers import ecs, findings

TRIGGERS = [pytest.param(ecs(task={"compatibility": "EC2"}), id="ec2-task-on-fargate")]
NEAR_MISSES = [
    pytest.param(ecs(), id="fargate-task-on-fargate"),
    pytest.param(ecs(service={"launch_type": "EC2"}, task={"compatibility": "EC2"}), id="ec2-on-ec2"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("svc", "task")]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
