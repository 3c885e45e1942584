"""fargate-task-size: Fargate CPU/memory pairs AWS does not offer."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.fargate_task_size import RULE

from .helpers import findings


def task(cpu, memory, compatibility="FARGATE"):
    b = DesignBuilder()
    b.add("TaskDefinition", "task", "region", cpu=cpu, memory=memory, compatibility=compatibility)
    return b.diagram


TRIGGERS = [
    pytest.param(task(256, 4096), id="256-cpu-with-4-gb"),
    pytest.param(task(300, 1024), id="cpu-value-not-offered"),
    pytest.param(task(8192, 18432), id="8-vcpu-needs-4-gb-steps"),
    pytest.param(task(4096, 31744), id="4-vcpu-above-30-gb"),
]

NEAR_MISSES = [
    pytest.param(task(256, 512), id="smallest-size"),
    pytest.param(task(1024, 8192), id="1-vcpu-8-gb"),
    pytest.param(task(16384, 122880), id="largest-size"),
    pytest.param(task(300, 1024, compatibility="EC2"), id="ec2-task-definitions-are-free"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("task",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
