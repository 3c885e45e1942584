"""iam-role-trust-service: a role must trust the service that uses it."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder
from validators.rules.iam_role_trust_service import RULE

from .helpers import findings, network


def function(trusted):
    b = DesignBuilder()
    b.add("IamRole", "role", trusted_service=trusted)
    b.add("LambdaFunction", "fn", "region", role="role")
    return b.diagram


def task(trusted):
    b = DesignBuilder()
    b.add("IamRole", "role", trusted_service=trusted)
    b.add("TaskDefinition", "task", "region", execution_role="role")
    return b.diagram


def instance(trusted):
    b = network()
    b.add("IamRole", "role", trusted_service=trusted)
    b.add("Instance", "web", "priv-a", iam_role="role")
    return b.diagram


TRIGGERS = [
    pytest.param(function("ec2.amazonaws.com"), ("fn", "role"), id="function-with-ec2-role"),
    pytest.param(task("lambda.amazonaws.com"), ("task", "role"), id="task-with-lambda-role"),
    pytest.param(instance("ecs-tasks.amazonaws.com"), ("web", "role"), id="instance-with-task-role"),
]
NEAR_MISSES = [
    pytest.param(function("lambda.amazonaws.com"), id="lambda-role"),
    pytest.param(task("ecs-tasks.amazonaws.com"), id="task-role"),
    pytest.param(instance("ec2.amazonaws.com"), id="instance-role"),
]


@pytest.mark.parametrize("diagram, involved", TRIGGERS)
def test_triggers(diagram, involved):
    assert [f.resources for f in findings(RULE, diagram)] == [involved]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
